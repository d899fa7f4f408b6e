//! Statement extraction: finds reporting cues, their speakers and their
//! content, and turns quotations into `direct`, `fragment` and `mixed`
//! statements and unquoted reports into `indirect` ones.
//!
//! There is no tagger: a sentence is a token list (words, punctuation,
//! quotation marks) and the rules read it the way a careful reader does.
//! A *frame* is one cue with its subject and content; the content runs from
//! the cue (past `that`, a recipient or adverbials) to the next clause
//! boundary or the next frame, and a frame with nothing to its right takes
//! the text before it (`“...,” Zelensky said.`). Quotations no frame claims
//! continue the last speaker when they stand alone (`“B.”` after
//! `“A,” she said.`), or are dropped as scare quotes.

use rustc_hash::FxHashSet as HashSet;

use crate::actors::{
    fold_name, role_words, translit_key, ActorId, ActorKind, DocActors, Known, Registry,
};
use crate::document::Document;
use crate::lexicon::{CueForm, Gender, Lexicons, TitleKind, WordList};
use crate::statement::Kind;
use crate::text::{self, Boilerplate, ParagraphKind, Quote};

/// The most tokens a sentence may have before extraction skips it (a 20 MB
/// line with no sentence breaks would otherwise dominate the run).
pub const MAX_SENTENCE_TOKENS: usize = 2000;

/// The longest sentence, in bytes, that extraction searches (about 3,000
/// words); longer runs of text without a sentence break are skipped.
pub const MAX_SENTENCE_BYTES: usize = 20_000;

/// Who a statement is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Speaker {
    /// Canonical name; `None` when the article never names the speaker.
    pub name: Option<String>,
    /// The words at the attribution site.
    pub mention: String,
    /// An unnamed source.
    pub anonymous: bool,
    /// Country or organisation when known.
    pub affiliation: String,
    /// A person (pronouns may refer back to it).
    pub person: bool,
    /// Gender when known.
    pub gender: Option<Gender>,
}

/// A statement as extraction finds it, before ids and stance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Kind of reported speech.
    pub kind: Kind,
    /// Byte span of the text.
    pub start: usize,
    /// Byte span end.
    pub end: usize,
    /// The reporting cue as written.
    pub cue: String,
    /// The speaker.
    pub speaker: Speaker,
    /// The reporting sentence without other speakers' clauses (for stance).
    pub context: String,
    /// This quotation continues the speaker's previous statement with no
    /// new cue (split or floating quote).
    pub continues: bool,
    /// A reporting clause interrupts the statement (`The ceasefire, Peskov
    /// said, was unacceptable.`): its stance is read in `context`, the
    /// statement without that clause, alone.
    pub interrupted: bool,
}

/// A paragraph of a quotation running on with nobody's words yet (see
/// `Extractor::claim_running_quotation`): its span, its paragraph's text,
/// and the floating statements it was given, which stand if no
/// attribution claims it.
struct RunningParagraph {
    start: usize,
    end: usize,
    context: String,
    fallback: Vec<Found>,
}

/// Ends the running quotation unclaimed: its paragraphs keep what they
/// were given (a floating statement, or nothing).
fn abandon_running(running: &mut Vec<RunningParagraph>, out: &mut Vec<Found>) {
    for held in running.drain(..) {
        out.extend(held.fallback);
    }
}

/// Extracts statements from documents with a fixed set of lexicons and actors.
#[derive(Debug, Clone)]
pub struct Extractor {
    lex: Lexicons,
    registry: Registry,
    boilerplate: Boilerplate,
}

/// How [`Extractor::name_from_run`] read a run of capitalised words: the
/// actor it found and how many actors the document knew afterwards.
struct RunReading {
    start: usize,
    end: usize,
    known: Option<usize>,
    actors_after: usize,
}

/// A token of a sentence. Its lowercase form borrows from the text when the
/// word is lowercase already (most words, and every mark), else from the
/// sentence's [`Lowered`] buffer: a sentence's tokens cost no allocation each.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    start: usize,
    end: usize,
    lower: &'a str,
    word: bool,
    cap: bool,
    /// Written entirely in capitals (`KYIV`).
    upper: bool,
    poss: bool,
    /// Index into the sentence's quotes when inside one (marks excluded).
    /// (`u32` indexes keep a token at 56 bytes: every token of every
    /// sentence is written and read several times.)
    quote: Option<u32>,
    /// Opening (`Some(true)`) or closing (`Some(false)`) mark of a top-level quote.
    mark: Option<(u32, bool)>,
}

impl<'a> Tok<'a> {
    fn is(&self, w: &str) -> bool {
        self.lower == w
    }
    fn punct(&self, c: &str) -> bool {
        !self.word && self.mark.is_none() && self.lower == c
    }
    /// Whether this is the opening (`open`) or closing mark of quote `qi`.
    fn is_mark(&self, qi: usize, open: bool) -> bool {
        self.mark == Some((qi as u32, open))
    }
    fn is_comma(&self) -> bool {
        self.punct(",")
    }
    /// A lowercase word of more than four letters in `-ed` (`backed`,
    /// `wanted`): a past tense or participle, as near as spelling tells.
    fn looks_past_tense(&self) -> bool {
        self.word && !self.cap && self.lower.len() > 4 && self.lower.ends_with("ed")
    }
    /// A lowercase word of more than four letters in `-ing` (`pointing`,
    /// `visiting`): a present participle, as near as spelling tells.
    fn looks_participle(&self) -> bool {
        self.word && !self.cap && self.lower.len() > 4 && self.lower.ends_with("ing")
    }
    /// An irregular finite verb (`said`, `isn't`) or a modal (not `to`).
    fn finite_or_modal(&self) -> bool {
        FINITE_VERBS.contains(self.lower) || (MODALS.contains(self.lower) && !self.is("to"))
    }
    fn base(&self) -> &'a str {
        let l = self.lower;
        l.strip_suffix("'s")
            .or_else(|| l.strip_suffix("’s"))
            .unwrap_or(l)
    }
}

/// What the tokenizer learns of a word's case while stepping over it, so
/// the token is made without reading the word again: whether it is all
/// ASCII, whether an ASCII capital occurs, whether any lowercase letter
/// does. Every word of every sentence is scanned once for this.
#[derive(Debug, Clone, Copy)]
struct WordShape {
    ascii: bool,
    /// The ASCII bytes ANDed: bit 5 (`0x20`) stays set unless a capital
    /// occurs (digits, lowercase letters and the joining marks `' - . & /`
    /// all have it).
    ascii_and: u8,
    /// The largest ASCII byte: a lowercase letter occurs when it is `a` or
    /// above (the other bytes of a word are digits, capitals and joiners).
    ascii_max: u8,
    /// A lowercase letter outside ASCII occurs.
    other_lowercase: bool,
}

impl Default for WordShape {
    fn default() -> Self {
        WordShape {
            ascii: true,
            ascii_and: 0xFF,
            ascii_max: 0,
            other_lowercase: false,
        }
    }
}

impl WordShape {
    /// The shape of a whole word (letters, digits and joining marks).
    #[cfg(test)]
    fn of(word: &str) -> WordShape {
        let mut shape = WordShape::default();
        for c in word.chars() {
            shape.add(c);
        }
        shape
    }

    /// Adds an ASCII letter, digit or joining mark.
    #[inline]
    fn add_ascii(&mut self, b: u8) {
        self.ascii_and &= b;
        self.ascii_max = self.ascii_max.max(b);
    }

    /// Adds a character of the word.
    #[inline]
    fn add(&mut self, c: char) {
        if let Ok(b) = u8::try_from(c) {
            if b.is_ascii() {
                self.add_ascii(b);
                return;
            }
        }
        self.ascii = false;
        self.other_lowercase |= c.is_lowercase();
    }

    /// ASCII with no capital: the word is its own lowercase form.
    fn is_ascii_lowercase(self) -> bool {
        self.ascii && self.ascii_and & 0x20 != 0
    }

    /// Some letter is lowercase.
    fn has_lowercase(self) -> bool {
        self.ascii_max >= b'a' || self.other_lowercase
    }
}

/// The lowercase forms of a sentence's words that differ from their text
/// (capitalised words, curly apostrophes), in one buffer: the tokenizer
/// records them here and [`Lowered::attach`] points the tokens at them.
#[derive(Debug, Default)]
struct Lowered {
    buf: String,
    /// Token index and its lowercase form's range in `buf`.
    forms: Vec<(usize, std::ops::Range<usize>)>,
}

impl Lowered {
    /// Empties the buffer for the next sentence (keeping its memory).
    fn clear(&mut self) {
        self.buf.clear();
        self.forms.clear();
    }

    /// The tokens with their recorded lowercase forms filled in.
    fn attach<'a>(&'a self, mut toks: Vec<Tok<'a>>) -> Vec<Tok<'a>> {
        for (i, range) in &self.forms {
            toks[*i].lower = &self.buf[range.clone()];
        }
        toks
    }
}

#[derive(Debug, Clone)]
struct Frame<'l> {
    cue_i: usize,
    cue_j: usize,
    cue_text: String,
    form: &'l CueForm,
    /// The cue is a participle (`..., saying`) whose subject is the clause's:
    /// the form's, unless the sentence makes it progressive (`is demanding`).
    participle: bool,
    subj: Option<(usize, usize)>,
    speaker: Option<Speaker>,
    /// Content token range.
    content: Option<(usize, usize)>,
    /// Start token of the whole frame (subject or clause start).
    region_start: usize,
    region_end: usize,
    kind_hint: FrameKind,
    /// The content is a noun-phrase object (`rejected the plan`), which ends
    /// at the first comma.
    np_content: bool,
    /// The second half of a quotation the attribution splits (`“A,” she
    /// said, “but B.”`), a statement of its own.
    continuation: Option<(usize, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FrameKind {
    Normal,
    Ascriptive,
    According,
    /// `“...,” X said.` / `..., X said.`: content before the cue.
    Trailing,
    /// `Golubev said, according to the BBC.` after a sentence that is one
    /// quotation (`“The situation is hard.”`): an attribution alone, which
    /// claims that quotation (see [`Extractor::extract`]).
    Tail,
    /// `Russia, he said, would never give up Crimea.`: a reporting clause
    /// set off by commas inside the sentence it reports, which is the
    /// content on both sides of it.
    Parenthetical,
}

static DETERMINERS: WordList = WordList::new(&[
    "a", "an", "the", "one", "two", "three", "four", "five", "six", "several", "some", "many",
    "other", "another", "few", "numerous", "multiple", "dozens", "both",
]);
static NOUN_DETERMINERS: WordList = WordList::new(&[
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
    "your", "no", "any", "every", "each", "such", "whose",
]);
static MODALS: WordList = WordList::new(&[
    "will", "would", "could", "should", "may", "might", "must", "can", "shall", "to", "not",
    "never", "didn't", "doesn't", "don't", "won't", "wouldn't", "cannot", "can't", "did", "does",
    "do",
]);
static BE_FORMS: WordList = WordList::new(&[
    "was", "were", "been", "being", "be", "is", "are", "am", "'s", "get", "got",
]);
static SKIPPABLE: WordList = WordList::new(&[
    "has",
    "have",
    "had",
    "also",
    "later",
    "previously",
    "reportedly",
    "then",
    "again",
    "once",
    "recently",
    "earlier",
    "already",
    "still",
    "long",
    "himself",
    "herself",
    "itself",
    "themselves",
    "publicly",
    "privately",
    "repeatedly",
    "separately",
    "last",
    "week",
    "this",
    "on",
    "only",
    "just",
    "even",
    "further",
    "subsequently",
    "now",
    "first",
    "initially",
    "is",
    "are",
    "was",
    "were",
    "been",
    "too",
    "however",
    "yesterday",
    "today",
    "explicitly",
    "apparently",
    "allegedly",
    "clearly",
    "similarly",
    "likewise",
]);
static PRONOUNS: WordList = WordList::new(&["he", "she", "they", "it", "we", "i"]);
/// `to` and a bare verb at `k`: the infinitive a verb takes (`threatened
/// to block it`, `urged allies to keep up the pressure`), not a recipient
/// (`vowed to supporters`) or a destination (`to the summit`).
fn infinitive_at(toks: &[Tok], k: usize) -> bool {
    // `called on the EU to “stop debating”`: the verb may open a quotation.
    let opens_quote = toks
        .get(k + 1)
        .is_some_and(|t| t.mark.is_some_and(|(_, open)| open));
    toks.get(k).is_some_and(|t| t.is("to"))
        && toks.get(k + 1 + usize::from(opens_quote)).is_some_and(|v| {
            v.word
                && !v.cap
                && !DETERMINERS.contains(v.lower)
                && !NOUN_DETERMINERS.contains(v.lower)
                && !RECIPIENT_HEADS.contains(v.lower)
                && (!v.lower.ends_with('s') || v.lower.ends_with("ss"))
        })
}

/// An infinitive among the `limit` tokens from `k` (`called on allies to
/// send ...`).
fn infinitive_within(toks: &[Tok], k: usize, limit: usize) -> bool {
    (k..(k + limit).min(toks.len())).any(|n| infinitive_at(toks, n))
}

/// Whether `toks[n]` is a verb of its clause: a finite verb or modal, or a
/// past tense not before a preposition (`an interview published on
/// Sunday` describes).
fn verb_at(toks: &[Tok], n: usize) -> bool {
    let t = &toks[n];
    let describes = toks
        .get(n + 1)
        .is_none_or(|next| PREPOSITIONS.contains(next.lower));
    t.word && t.quote.is_none() && (t.finite_or_modal() || (t.looks_past_tense() && !describes))
}

/// Journalists' epithets for offices, and the offices' own titles: `the top
/// diplomat` after `Hungarian Foreign Minister Peter Szijjarto` is
/// Szijjarto, not a registered holder of the epithet elsewhere.
const EPITHETS: &[(&[&str], &[&[&str]])] = &[
    (
        &["top", "diplomat"],
        &[
            &["foreign", "minister"],
            &["secretary", "state"],
            &["foreign", "secretary"],
            &["minister", "foreign", "affairs"],
            &["foreign", "policy", "chief"],
            &["high", "representative"],
        ],
    ),
    (
        &["defence", "chief"],
        &[&["defence", "minister"], &["defence", "secretary"]],
    ),
    (
        &["spy", "chief"],
        &[&["intelligence", "chief"], &["head", "intelligence"]],
    ),
    (
        &["top", "general"],
        &[
            &["chief", "staff"],
            &["commander-in-chief"],
            &["commander", "chief"],
        ],
    ),
    (
        &["army", "chief"],
        &[
            &["chief", "staff"],
            &["commander-in-chief"],
            &["commander", "chief"],
        ],
    ),
    (
        &["top", "negotiator"],
        &[&["chief", "negotiator"], &["head", "delegation"]],
    ),
    // `The head of state emphasized ...` after `President of Ukraine
    // Volodymyr Zelensky`.
    (&["head", "state"], &[&["president"]]),
    (
        &["head", "government"],
        &[&["prime", "minister"], &["chancellor"], &["premier"]],
    ),
];

/// The person of the document most recently named with an office that
/// the epithet `rw` denotes (`top diplomat`: a foreign minister, a
/// secretary of state); the epithet's other words (`the top US
/// diplomat`) must be among that person's role words too.
fn epithet_holder(actors: &DocActors, rw: &[String]) -> Option<usize> {
    let has = |words: &[String], w: &str| words.iter().any(|x| same_office_word(x, w));
    // A deputy foreign minister is no top diplomat.
    let lesser = |role: &[String]| {
        role.iter().any(|w| {
            matches!(
                w.as_str(),
                "deputy" | "vice" | "former" | "assistant" | "junior" | "shadow" | "ex"
            )
        })
    };
    epithet_offices(rw)
        .filter_map(|(office, rest)| {
            let holds = |role: &Vec<String>| {
                !lesser(role)
                    && office.iter().all(|w| has(role, w))
                    && rest.iter().all(|w| has(role, w))
            };
            actors
                .known
                .iter()
                .rposition(|k| k.kind == ActorKind::Person && k.roles.iter().any(holds))
        })
        .max()
}

/// American and British spellings are one word in an office's name.
fn same_office_word(x: &str, w: &str) -> bool {
    x == w || (matches!(x, "defence" | "defense") && matches!(w, "defence" | "defense"))
}

/// The offices an epithet among the role words `rw` denotes, each with the
/// description's other words (`the top US diplomat`: a foreign minister or
/// a secretary of state, with `us`).
fn epithet_offices(rw: &[String]) -> impl Iterator<Item = (&'static [&'static str], Vec<&String>)> {
    EPITHETS
        .iter()
        .filter(move |(epithet, _)| {
            epithet
                .iter()
                .all(|w| rw.iter().any(|x| same_office_word(x, w)))
        })
        .flat_map(move |(epithet, offices)| {
            let rest: Vec<&String> = rw
                .iter()
                .filter(|w| !epithet.iter().any(|e| same_office_word(w, e)))
                .collect();
            offices.iter().map(move |office| (*office, rest.clone()))
        })
}

/// The registered actors holding an office that the epithet in `rw`
/// denotes (`ukrainian top diplomat`: a Ukrainian foreign minister), with
/// the epithet's other words among the office's; empty unless one office
/// names exactly one. A bare epithet (`the top general`) names no office
/// outside the article: only with its country (`Kyiv's top diplomat`).
fn registered_epithet_holders(registry: &Registry, rw: &[String]) -> Vec<ActorId> {
    epithet_offices(rw)
        .filter(|(_, rest)| !rest.is_empty())
        .map(|(office, rest)| {
            let words: Vec<String> = office
                .iter()
                .map(|w| w.to_string())
                .chain(rest.iter().map(|w| w.to_string()))
                .collect();
            registry.lookup_role(&words)
        })
        .find(|ids| ids.len() == 1)
        .unwrap_or_default()
}

/// Whether a frame's content is an object or an infinitive (`rejected the
/// plan`, `urged allies to send`, `refused to cede`): an act, not a
/// reported clause.
fn takes_object(f: &Frame, toks: &[Tok]) -> bool {
    f.np_content
        || f.content.is_some_and(|(cs, ce)| {
            let c = toks.get(cs..ce.min(toks.len())).unwrap_or(&[]);
            infinitive_at(c, 0)
                || (infinitive_within(c, 1, 4) && !(0..4.min(c.len())).any(|n| verb_at(c, n)))
        })
}

/// `54-year-old`: an age used as a description of a person.
fn is_age(lower: &str) -> bool {
    lower
        .strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The gender a person noun gives its referent (`the 54-year-old mother`).
fn gender_of_noun(lower: &str) -> Option<Gender> {
    match lower {
        "woman" | "mother" | "grandmother" | "wife" | "daughter" | "girl" | "widow" => {
            Some(Gender::Female)
        }
        "man" | "father" | "grandfather" | "husband" | "son" | "boy" | "widower" => {
            Some(Gender::Male)
        }
        _ => None,
    }
}

/// Whether token `i` follows a comma or a closing quotation mark: where a
/// trailing attribution (`“...,” she said`, `..., he said`) starts.
fn after_separator(toks: &[Tok], i: usize) -> bool {
    i > 0 && (toks[i - 1].is_comma() || toks[i - 1].mark.is_some_and(|(_, open)| !open))
}

/// Whether a finite verb or a modal comes among the first `limit` tokens
/// of `toks`, before the clause ends (a period, semicolon or comma).
fn finite_verb_within(toks: &[Tok], limit: usize) -> bool {
    toks.iter()
        .take(limit)
        .take_while(|t| !t.punct(".") && !t.punct(";") && !t.is_comma())
        .any(|t| t.word && t.quote.is_none() && t.finite_or_modal())
}

/// Nouns that make `press` a noun before them (`press secretary`, `press
/// conference`).
static PRESS_COMPOUNDS: WordList = WordList::new(&[
    "secretary",
    "secretaries",
    "conference",
    "conferences",
    "office",
    "service",
    "release",
    "briefing",
    "officer",
    "freedom",
    "statement",
    "attaché",
    "attache",
    "corps",
    "pool",
]);
/// Heads of the noun phrases a speaker tells something to (`told reporters`,
/// `told a news conference`, `told state media`).
static RECIPIENT_HEADS: WordList = WordList::new(&[
    "reporters",
    "journalists",
    "lawmakers",
    "legislators",
    "parliament",
    "senators",
    "media",
    "press",
    "conference",
    "briefing",
    "broadcaster",
    "newspaper",
    "radio",
    "television",
    "tv",
    "interviewer",
    "audience",
    "crowd",
    "supporters",
    "students",
    "forum",
    "summit",
    "meeting",
    "committee",
    "delegates",
    "parliamentarians",
    "mps",
    "podcast",
    "programme",
    "program",
    "channel",
    "agency",
    "outlet",
    "viewers",
]);

/// Words that take `of them` to name some of a group (`one of them`).
static PARTITIVE_QUANTIFIERS: WordList = WordList::new(&[
    "one", "two", "three", "four", "some", "several", "each", "both", "all", "either", "most",
    "many", "another",
]);
static PREPOSITIONS: WordList = WordList::new(&[
    "in", "to", "with", "from", "of", "for", "by", "at", "on", "about", "over", "against",
    "between", "into", "despite", "after", "before", "during", "under", "among", "toward",
    "towards", "through", "without", "like", "than", "via", "amid", "upon",
]);
/// Conjunctions that open an adverbial clause (`said as he left Paris`).
static SUBORDINATORS: WordList = WordList::new(&[
    "as", "when", "while", "after", "before", "because", "since", "until", "once", "if", "though",
    "although", "whereas",
]);
/// Words that open an adverbial after a trailing attribution's comma
/// (`“...,” she said, as talks resumed.`, `..., in a statement.`).
static ADJUNCT_OPENERS: WordList = WordList::new(&[
    "as",
    "while",
    "when",
    "after",
    "before",
    "since",
    "during",
    "in",
    "on",
    "at",
    "without",
    "with",
    "amid",
    "following",
    "ahead",
    "according",
    "despite",
    "until",
    "once",
    "shortly",
]);
/// Days and months, which make `on`/`in` after a cue a date (`agreed on
/// Thursday`, `said in March`).
fn is_date_word(lower: &str) -> bool {
    matches!(
        lower.trim_end_matches("'s"),
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan."
            | "feb."
            | "aug."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
    )
}

/// A US party and state (`r-ohio`, `d-calif.`), lowercased.
fn is_party_state(lower: &str) -> bool {
    ["r-", "d-", "i-"].iter().any(|p| {
        lower.strip_prefix(p).is_some_and(|state| {
            state.len() >= 2 && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
        })
    })
}

/// The opening bracket of a short note in brackets ending right before
/// `end`, after a word: `The Russian Direct Investment Fund (RDIF) said`,
/// `Rutte (pictured) said`.
fn bracket_before(toks: &[Tok], end: usize) -> Option<usize> {
    if end < 3 || !toks[end - 1].punct(")") {
        return None;
    }
    (end.saturating_sub(7)..end - 1)
        .rev()
        .find(|&o| toks[o].punct("("))
        .filter(|&o| {
            // `(R-Miss.)`, `(R., Miss.)`: a state's abbreviation keeps its
            // period and comma.
            o > 0
                && toks[o - 1].word
                && toks[o + 1..end - 1]
                    .iter()
                    .all(|t| t.word || t.punct(".") || t.is_comma())
        })
}

/// Connectives a writer sets off by commas between a cue and its clause.
const CONNECTIVES: &[&str] = &[
    "however",
    "though",
    "nevertheless",
    "nonetheless",
    "meanwhile",
    "moreover",
    "also",
    "too",
    "again",
    "once again",
    "instead",
    "in turn",
    "in addition",
    "by contrast",
    "in contrast",
    "for his part",
    "for her part",
    "for their part",
    "for its part",
];

/// A description without a complement (`the intelligence chief`; not `the
/// widow of the late opposition leader`, whose head is not its last word).
fn simple_description(run: &[Tok]) -> bool {
    !run.iter().any(|t| matches!(t.lower, "of" | "for" | "to"))
}

/// Verbs after a person opening a sentence of narration that describe how
/// they spoke or stood (`Peskov was more cautious.`, `Sybiha did not mince
/// words.`): the quotation after it is theirs.
static ATTITUDE_VERBS: WordList = WordList::new(&[
    "was",
    "is",
    "were",
    "seemed",
    "sounded",
    "appeared",
    "remained",
    "struck",
    "took",
    "did",
    "had",
    "disagreed",
    "agreed",
    "hit",
    "pushed",
    "went",
    "offered",
    "stayed",
]);
/// Heads of descriptions that name a person already named (`the
/// diplomat`, `the SPD politician`) rather than a new unnamed source.
static ANAPHORIC_HEADS: WordList = WordList::new(&[
    "diplomat",
    "minister",
    "leader",
    "politician",
    "negotiator",
    "lawmaker",
    "envoy",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "adviser",
    "advisor",
    "aide",
    "analyst",
    "expert",
    "economist",
    "researcher",
    "commentator",
    "chief",
    "president",
    "premier",
    "chancellor",
    "general",
    "commander",
    "secretary",
    "ambassador",
    "governor",
    "mayor",
    "senator",
    "congressman",
    "congresswoman",
    "mp",
    "mep",
    "prosecutor",
    "ombudsman",
]);
/// Nouns that describe a person by what they are or were (`the former
/// comedian`), for descriptions of someone just named.
static PERSON_DESCRIPTIONS: WordList = WordList::new(&[
    "comedian",
    "actor",
    "host",
    "businessman",
    "businesswoman",
    "billionaire",
    "veteran",
    "banker",
    "lawyer",
    "journalist",
    "general",
    "admiral",
    "colonel",
    "boss",
    "head",
    "tycoon",
    "oligarch",
    "activist",
    "scholar",
    "professor",
    "historian",
    "novelist",
    "writer",
    "man",
    "woman",
]);

/// Nouns of the occasions a statement is made on (`in his nightly address`,
/// `at a news conference`).
static OCCASION_NOUNS: WordList = WordList::new(&[
    "address",
    "statement",
    "interview",
    "speech",
    "post",
    "video",
    "message",
    "letter",
    "op-ed",
    "conference",
    "briefing",
    "summit",
    "meeting",
    "rally",
    "appearance",
    "remarks",
]);

/// The start of a time or occasion phrase between a subject and its cue
/// that ends right before `end`: `Zelensky on Tuesday said`, `Peskov late
/// Monday said`, `on Tuesday evening`, `on Nov. 27`, `in his nightly address`,
/// `at a news conference`. A word (the subject) must come before it.
fn time_phrase_ending_at(toks: &[Tok], end: usize) -> Option<usize> {
    let word = |k: usize| toks.get(k).filter(|t| t.word && t.quote.is_none());
    let mut k = end;
    // `on Tuesday evening`: the part of the day.
    if k > 0
        && word(k - 1)
            .is_some_and(|t| matches!(t.lower, "morning" | "afternoon" | "evening" | "night"))
    {
        k -= 1;
    }
    while k > 0 && word(k - 1).is_some_and(|t| t.lower.bytes().all(|b| b.is_ascii_digit())) {
        k -= 1;
    }
    // `at a news conference in Berlin`: the occasion's place.
    let mut noun_end = k;
    if k == end
        && k >= 3
        && word(k - 1).is_some_and(|t| t.cap)
        && word(k - 2).is_some_and(|t| t.is("in"))
        && word(k - 3).is_some_and(|t| OCCASION_NOUNS.contains(t.lower))
    {
        noun_end = k - 2;
    }
    let start = if k > 0 && word(k - 1).is_some_and(|t| t.cap && is_date_word(t.lower)) {
        let day = k - 1;
        (day > 0 && word(day - 1).is_some_and(|t| matches!(t.lower, "on" | "late" | "early")))
            .then(|| day - 1)?
    } else if k == end
        && noun_end > 0
        && word(noun_end - 1).is_some_and(|t| OCCASION_NOUNS.contains(t.lower))
    {
        // `in his nightly address`, `at a news conference`: a preposition
        // and a determiner at most five words before the noun.
        let k = noun_end;
        let from = k.saturating_sub(6);
        let det = (from..k - 1).rev().find(|&d| {
            word(d).is_some_and(|t| NOUN_DETERMINERS.contains(t.lower))
                && d > 0
                && word(d - 1).is_some_and(|p| matches!(p.lower, "in" | "at" | "during"))
        })?;
        if toks[det + 1..k]
            .iter()
            .any(|t| !t.word || t.quote.is_some())
        {
            return None;
        }
        det - 1
    } else {
        return None;
    };
    (start > 0 && word(start - 1).is_some()).then_some(start)
}

/// Lowercase particles inside surnames (`Ursula von der Leyen`, `Caspar van
/// der Berg`, `Luiz Inácio Lula da Silva`): part of a name when a name word
/// follows them.
static NAME_PARTICLES: WordList = WordList::new(&[
    "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "ter", "ten",
    "zu", "bin", "ibn",
]);

/// A surname with the Arabic article (`al-Ansari`, `el-Sisi`, `bin-Zayed`):
/// a capitalised name word though it starts in lowercase.
fn arabic_article_name(w: &str) -> bool {
    ["al-", "el-", "ad-", "ash-", "bin-"].iter().any(|a| {
        w.strip_prefix(a)
            .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
    })
}

/// Whether `toks[k]` is a surname particle with a name word (or another
/// particle and then a name word) after it.
fn particle_in_name(toks: &[Tok], k: usize) -> bool {
    let mut n = k;
    while toks
        .get(n)
        .is_some_and(|t| t.word && !t.cap && NAME_PARTICLES.contains(t.lower))
    {
        n += 1;
    }
    n > k
        && n - k <= 2
        && toks
            .get(n)
            .is_some_and(|t| t.word && t.cap && t.quote.is_none())
}

/// Words that open a duration before `after`, `before`, `later` or `ago`
/// (`a day after the summit`, `two weeks before`, `hours later`).
static DURATION_OPENERS: WordList = WordList::new(&[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "few", "several", "just", "only", "minutes", "hours", "days", "weeks", "months", "years",
    "moments", "less", "more", "nearly", "barely", "almost",
]);
static ANON_NOUNS: WordList = WordList::new(&[
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "source",
    "sources",
    "analyst",
    "analysts",
    "ambassador",
    "ambassadors",
    "expert",
    "experts",
    "aide",
    "aides",
    "person",
    "people",
    "insider",
    "insiders",
    "observer",
    "observers",
    "negotiator",
    "negotiators",
    "lawmaker",
    "lawmakers",
    "critic",
    "critics",
    "representative",
    "representatives",
    "officer",
    "officers",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "member",
    "members",
    "commentator",
    "commentators",
    "resident",
    "residents",
    "witness",
    "witnesses",
    "envoy",
    "envoys",
    "minister",
    "ministers",
    "leader",
    "leaders",
    "politician",
    "politicians",
    "ally",
    "allies",
    "partner",
    "partners",
    "investigator",
    "investigators",
    "economist",
    "economists",
    "researcher",
    "researchers",
    "participant",
    "participants",
    // People quoted for what they saw or do: `a soldier fighting near
    // Pokrovsk`, `a doctor at the city hospital`.
    "soldier",
    "soldiers",
    "commander",
    "commanders",
    "volunteer",
    "volunteers",
    "activist",
    "activists",
    "doctor",
    "doctors",
    "medic",
    "medics",
    "farmer",
    "farmers",
    "worker",
    "workers",
    "veteran",
    "veterans",
    "refugee",
    "refugees",
    // Working people quoted by what they do: `a manager at an independent
    // refinery`, `a deputy in the regional legislature`, `a trader in
    // Dubai`.
    "deputy",
    "deputies",
    "legislator",
    "legislators",
    "manager",
    "managers",
    "executive",
    "executives",
    "employee",
    "employees",
    "engineer",
    "engineers",
    "trader",
    "traders",
    "banker",
    "bankers",
    "businessman",
    "businessmen",
    "businesswoman",
    "entrepreneur",
    "entrepreneurs",
    "teacher",
    "teachers",
    "nurse",
    "nurses",
    "student",
    "students",
    "pensioner",
    "pensioners",
    "staffer",
    "staffers",
    "sergeant",
    "sergeants",
    "priest",
    "priests",
    // Bodies quoted as a kind: `Rights groups say ...`, `Aid organisations
    // warned ...` (one group named is a body of its own).
    "groups",
    "organisations",
    "organizations",
]);
const ANON_POSTMODIFIERS: &[&[&str]] = &[
    &["familiar", "with"],
    &["briefed", "on"],
    &["close", "to"],
    &["with", "knowledge", "of"],
    // `two sources with direct knowledge told Axios`: whole, or with an
    // object (`of the talks`).
    &["with", "direct", "knowledge"],
    &["with", "knowledge"],
    &["knowledgeable", "about"],
    &["speaking", "on", "the", "condition", "of", "anonymity"],
    &["involved", "in"],
    &["aware", "of"],
    &["present", "at"],
    // `a Ukrainian soldier fighting near Pokrovsk`, `a diplomat based in Kyiv`
    &["fighting"],
    &["serving"],
    &["based"],
    &["stationed"],
    &["posted"],
    &["speaking", "on", "condition", "of", "anonymity"],
    // `A senior official who asked not to be identified said ...`, `a
    // soldier who fought in Bakhmut said ...`: a relative clause without
    // commas (not one reporting a clause: `who said that`).
    &["who"],
    &["for"],
    &["to"],
    &["from"],
    &["at"],
    &["in"],
];
static INSTITUTION_HEADS: WordList = WordList::new(&[
    "government",
    "ministry",
    "office",
    "department",
    "embassy",
    "parliament",
    "commission",
    "council",
    "military",
    "army",
    "navy",
    "police",
    "agency",
    "authorities",
    "administration",
    "company",
    "committee",
    "court",
    "prosecutors",
    "presidency",
    "cabinet",
    "kremlin",
    "alliance",
    "bloc",
    "union",
    "service",
    "staff",
    "command",
    "forces",
    "bank",
    "fund",
    "organization",
    "organisation",
    "institute",
    "newspaper",
    "outlet",
    "agency",
    "group",
    "house",
    "times",
    "post",
    "journal",
    "mission",
    "delegation",
    "secretariat",
    "headquarters",
    "center",
    "centre",
    "corporation",
    "directorate",
    "inspectorate",
    // `Ukraine's air force said`.
    "force",
    "bureau",
    "commissioner",
    "assembly",
    "senate",
    "congress",
    "duma",
    "rada",
    "team",
    "consulate",
    "treasury",
    // Bodies that are no person whatever names they hold: `East China
    // Normal University`, `the 47th Mechanised Brigade`, `the Crimea
    // Platform`.
    "university",
    "academy",
    "college",
    "school",
    "foundation",
    "association",
    "federation",
    "confederation",
    "chamber",
    "party",
    "church",
    "patriarchate",
    "brigade",
    "battalion",
    "regiment",
    "division",
    "platform",
    "institution",
    "society",
    "network",
]);
/// Verbs of putting out a document (`issued a statement`).
static ISSUING_VERBS: WordList = WordList::new(&[
    "issued",
    "released",
    "published",
    "posted",
    "circulated",
    "distributed",
]);

static DOCUMENT_NOUNS: WordList = WordList::new(&[
    "report",
    "reports",
    "proposal",
    "proposals",
    "plan",
    "statement",
    "paper",
    "document",
    "memo",
    "letter",
    "study",
    "survey",
    "analysis",
    "assessment",
    "framework",
    "readout",
    "communique",
    "draft",
    "text",
    "article",
    "editorial",
    "post",
    "message",
    "decree",
]);
/// Words naming a news outlet that relays others' words (`the Interfax
/// news agency`, `state television`).
static NEWS_SOURCES: WordList = WordList::new(&[
    "agency",
    "agencies",
    "newspaper",
    "outlet",
    "media",
    "television",
    "tv",
    "broadcaster",
    "radio",
    "channel",
    "tass",
    "interfax",
    "ria",
    "reuters",
    "afp",
    "ukrinform",
    "unian",
]);

/// Nouns that end a news outlet's name (`The Kyiv Independent`, `the
/// Moscow Times`, `Novaya Gazeta`).
static MEDIA_HEADS: WordList = WordList::new(&[
    "times",
    "post",
    "independent",
    "journal",
    "herald",
    "telegraph",
    "tribune",
    "gazette",
    "gazeta",
    "pravda",
    "izvestia",
    "news",
    "insider",
    "monitor",
    "observer",
    "standard",
    "express",
    "chronicle",
    "guardian",
    "mirror",
    "inquirer",
    "dispatch",
    "bulletin",
    "daily",
    "weekly",
    "review",
    "today",
]);
/// Words in `-al`, `-ic`, `-ive` that open no description of a source
/// (`several`, `arrival`): not adjectives of the kind `diplomatic source`.
static FUNCTION_WORDS_BEFORE_SOURCES: WordList = WordList::new(&[
    "several",
    "arrival",
    "approval",
    "proposal",
    "removal",
    "withdrawal",
    "renewal",
    "survival",
    "republic",
    "public",
    "traffic",
    "give",
    "receive",
    "believe",
    "conceive",
    "perceive",
    "arrive",
    "deprive",
    "revive",
    "drive",
    "dive",
    "live",
]);

/// Words for a part of a place's people (`Some in Washington`, `Many in
/// Moscow`).
static PART_QUANTIFIERS: WordList = WordList::new(&[
    "some",
    "many",
    "few",
    "others",
    "most",
    "everyone",
    "everybody",
    "all",
]);

static NOT_NAMES: WordList = WordList::new(&[
    // `You say it should be.` (an interviewer to the interviewee): the
    // one addressed, whom the words do not name.
    "you",
    "x",
    "telegram",
    "twitter",
    "facebook",
    "truth",
    "social",
    "instagram",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "easter",
    "christmas",
    "god",
    "i",
    "but",
    "and",
    "the",
    "in",
    "on",
    "at",
    "as",
    "if",
    "while",
    "meanwhile",
    "however",
    "still",
    "despite",
    "after",
    "before",
    "during",
    "since",
    "although",
    "though",
    "speaking",
    "asked",
    "instead",
    "yet",
    "so",
    "also",
    "then",
    "when",
    "this",
    "that",
    "these",
    "those",
    "there",
    "it",
    "he",
    "she",
    "they",
    "we",
    "his",
    "her",
    "their",
    "its",
]);
/// Cues whose object is rejected: their content keeps the noun that names
/// what is rejected (`dismissed any suggestion that ...`).
static REJECTING_CUES: WordList = WordList::new(&[
    "dismiss",
    "reject",
    "deny",
    "refute",
    "rebuff",
    "rule out",
    "brush aside",
    "brush off",
    "scoff at",
    "downplay",
    "play down",
    "deride",
    "ridicule",
    "debunk",
    "disavow",
]);
/// Speech verbs that let `it`/`they` be a speaker.
static CORE_SPEECH: WordList = WordList::new(&[
    "say",
    "tell",
    "state",
    "add",
    "announce",
    "confirm",
    "deny",
    "insist",
    "warn",
    "claim",
    "note",
    "stress",
    "reiterate",
    "write",
    "post",
    "declare",
    "explain",
    "argue",
    "respond",
    "reply",
    "accuse",
    "report",
    "acknowledge",
    "admit",
    "urge",
    "demand",
    "reject",
    "dismiss",
]);
/// Speech verbs that never take a noun object (`said any deal that ...
/// would`) and can interrupt the clause they report (`Russia, he said,
/// would ...`).
static SAY_LIKE: WordList = WordList::new(&[
    "say", "tell", "state", "write", "claim", "insist", "argue", "warn", "note", "stress",
    "predict", "explain", "reply", "respond",
]);
/// Verbs of an attribution standing alone after a quotation (`“...”
/// Peskov said.`): verbs of saying, not of reacting (`Kyiv disagrees.`).
static TAIL_LEMMAS: WordList = WordList::new(&[
    "say",
    "add",
    "go on",
    "tell",
    "write",
    "ask",
    "reply",
    "explain",
    "continue",
    "warn",
    "insist",
    "stress",
    "note",
    "declare",
    "post",
    "state",
    "argue",
    "claim",
    "recall",
    "read",
    "respond",
    "emphasize",
    "emphasise",
    "conclude",
    "tweet",
    "comment",
    "acknowledge",
    "admit",
    "caution",
    "announce",
    "confirm",
    "repeat",
    "reiterate",
    "remark",
    "observe",
]);
/// Common verbs in -s that a name before them makes a clause's verb (`said
/// Ukraine needs more air defence`), besides the reporting cues.
static PRESENT_VERBS: WordList = WordList::new(&[
    "needs",
    "expects",
    "intends",
    "seeks",
    "sees",
    "knows",
    "understands",
    "faces",
    "holds",
    "keeps",
    "controls",
    "occupies",
    "wins",
    "loses",
    "gets",
    "makes",
    "takes",
    "gives",
    "prefers",
    "deserves",
    "fears",
    "believes",
    "considers",
    "regards",
    "views",
    "treats",
    "lacks",
    "risks",
    "shares",
    "respects",
    "backs",
    "leaves",
    "offers",
    "poses",
    "remains",
    "requires",
    "shows",
    "undermines",
    "threatens",
    "helps",
    "hurts",
    "means",
    "signals",
]);
/// Common verbs in their plain present, a clause's verb after a plural
/// subject (`the positions remain far apart`).
static PLURAL_PRESENT_VERBS: WordList = WordList::new(&[
    "remain",
    "want",
    "need",
    "believe",
    "continue",
    "hope",
    "plan",
    "expect",
    "see",
    "know",
    "think",
    "seem",
    "appear",
    "agree",
    "insist",
    "oppose",
    "support",
    "reject",
    "fear",
    "face",
    "lack",
    "differ",
    "stand",
    "hold",
    "intend",
    "understand",
    "say",
    "consider",
    "doubt",
]);
/// Irregular finite verbs that show a name before them is a clause subject.
static FINITE_VERBS: WordList = WordList::new(&[
    // Contracted negatives: `Peskov said Russia isn't ready.`
    "isn't",
    "isn’t",
    "wasn't",
    "wasn’t",
    "aren't",
    "aren’t",
    "weren't",
    "weren’t",
    "hasn't",
    "hasn’t",
    "haven't",
    "haven’t",
    "hadn't",
    "hadn’t",
    "doesn't",
    "doesn’t",
    "don't",
    "don’t",
    "didn't",
    "didn’t",
    "won't",
    "won’t",
    "wouldn't",
    "wouldn’t",
    "can't",
    "can’t",
    "couldn't",
    "couldn’t",
    "shouldn't",
    "shouldn’t",
    "took",
    "went",
    "made",
    "said",
    "told",
    "gave",
    "came",
    "held",
    "met",
    "spoke",
    "stood",
    "left",
    "sent",
    "saw",
    "began",
    "brought",
    "kept",
    "led",
    "ran",
    "set",
    "struck",
    "won",
    "wrote",
    "became",
    "put",
    "found",
    "got",
    "had",
    "did",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "does",
    "do",
    "met",
    "sought",
    "thought",
    "felt",
    "meant",
    "paid",
    "sat",
    "flew",
    "drew",
    "hit",
    "knew",
    "let",
    "lost",
    "read",
    "rose",
    "sold",
    "spent",
    "threw",
    "understood",
    "wore",
    "remains",
    "remained",
    "seems",
    "appears",
    "continues",
    "plans",
    "wants",
    "hopes",
    // Irregular past tenses: `said Russian forces cut the line and then shot at`.
    "cut",
    "shot",
    "fought",
    "fled",
    "fell",
    "broke",
    "built",
    "caught",
    "chose",
    "drove",
    "grew",
    "laid",
    "froze",
    "withdrew",
    "swept",
    "overran",
]);

impl Extractor {
    /// An extractor over the given lexicons and registry.
    pub fn new(lex: Lexicons, mut registry: Registry, boilerplate: Boilerplate) -> Extractor {
        registry.map_role_words(|words| lex.role_words_by_adjective(words));
        Extractor {
            lex,
            registry,
            boilerplate,
        }
    }

    /// The built-in lexicons, registry and boilerplate patterns.
    pub fn builtin() -> Extractor {
        Extractor::new(
            Lexicons::builtin(),
            Registry::builtin(),
            Boilerplate::builtin(),
        )
    }

    /// The registry in use.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Extracts every statement of a document, in text order.
    pub fn extract(&self, doc: &Document, has_headline: bool) -> Vec<Found> {
        let text = doc.text.as_str();
        let paragraphs = text::paragraphs(text, has_headline, &self.boilerplate);
        let mut ctx = DocCtx::default();
        let mut lowered = Lowered::default();
        let mut out: Vec<Found> = Vec::new();
        let mut prev_open_quote = false;
        // Paragraphs of a quotation running on with nobody's words yet
        // (see below).
        let mut running: Vec<RunningParagraph> = Vec::new();
        let answers = interview_answers(text, &paragraphs);
        for (pi, p) in paragraphs.iter().enumerate() {
            if p.kind != ParagraphKind::Content {
                prev_open_quote = false;
                continue;
            }
            // `Berthold: No. Administrations change.`: an interviewee's
            // answer in a transcript is their statement, marks or not, when
            // the label names someone the article introduced.
            if let Some((label, body)) = answers[pi].clone() {
                let label_text = &text[label];
                let person = ctx
                    .actors
                    .find(label_text)
                    .filter(|&k| ctx.actors.known[k].kind == ActorKind::Person);
                if let Some(k) = person {
                    let answer = Found {
                        kind: Kind::Direct,
                        start: body,
                        end: p.end,
                        cue: ":".to_string(),
                        speaker: speaker_of(&ctx.actors.known[k], label_text.to_string()),
                        context: text[p.start..p.end].to_string(),
                        continues: false,
                        interrupted: false,
                    };
                    ctx.remember_speakers(std::slice::from_ref(&answer), pi);
                    out.push(answer);
                    prev_open_quote = false;
                    continue;
                }
            }
            let quotes = text::pair_quotes(text, p.start, p.end);
            let sentences = text::sentences(text, p.start, p.end, &quotes);
            let paragraph_from = out.len();
            // Only the last speaker of this or the previous paragraph can
            // take a floating quote.
            if ctx.last_paragraph.is_some_and(|lp| lp + 1 < pi) {
                ctx.last_speaker = None;
            }
            let starts_with_quote = quotes.first().is_some_and(|q| q.open == p.start);
            if !starts_with_quote && !prev_open_quote {
                // A new paragraph that does not open with a mark does not
                // continue the previous paragraph's quotation.
                ctx.floating_ok = false;
            } else {
                ctx.floating_ok = true;
            }
            // The previous sentence when it was one quotation and nothing
            // else: the quotation, the sentence's start and where its
            // statements start in `out`.
            let mut quote_alone: Option<(Quote, usize, usize)> = None;
            for &(s, e) in &sentences {
                if e - s > MAX_SENTENCE_BYTES {
                    quote_alone = None;
                    // A runaway "sentence" (a page dump with no breaks) is not
                    // searched: bounded work per article.
                    continue;
                }
                let lo = quotes.partition_point(|q| q.open < s);
                let hi = quotes.partition_point(|q| q.open < e);
                let qs: Vec<Quote> = quotes[lo..hi]
                    .iter()
                    .copied()
                    .map(|mut q| {
                        // A quotation running past its sentence is cut there.
                        if q.close_end > e {
                            q.inner_end = q.inner_end.min(e);
                            q.close_end = q.close_end.min(e);
                            q.closed = false;
                        }
                        q
                    })
                    .collect();
                lowered.clear();
                let toks = self.tokenize(text, s, e, &qs, &mut lowered);
                let toks = lowered.attach(toks);
                let found = self.sentence(text, (s, e), &toks, &qs, &mut ctx, pi);
                // `“The situation is hard. It is also clear.” Golubev said.`:
                // a quotation ending its sentence, then the attribution alone.
                if let (Some((speaker, cue)), Some((q, qs_start, from))) =
                    (ctx.tail.take(), quote_alone.take())
                {
                    let (a, b) = trim_quote_inner(text, q);
                    out.retain(|f| !(f.continues && f.start == a && f.end == b));
                    let claimed = out[from.min(out.len())..]
                        .iter()
                        .any(|f| f.start == a && f.end == b);
                    if a < b && !claimed {
                        let tail = Found {
                            kind: Kind::Direct,
                            start: a,
                            end: b,
                            cue,
                            speaker,
                            context: text[qs_start..e].to_string(),
                            continues: false,
                            interrupted: false,
                        };
                        ctx.remember_speakers(std::slice::from_ref(&tail), pi);
                        out.push(tail);
                    }
                }
                quote_alone = (qs.len() == 1
                    && qs[0].closed
                    && toks.iter().all(|t| !t.word || t.quote.is_some()))
                .then(|| (qs[0], s, out.len()));
                out.extend(found);
                ctx.floating_ok = true;
            }
            self.claim_running_quotation(
                text,
                (p.start, p.end),
                &quotes,
                starts_with_quote && prev_open_quote,
                &mut running,
                &mut out,
                paragraph_from,
            );
            prev_open_quote = quotes.last().is_some_and(|q| !q.closed);
        }
        abandon_running(&mut running, &mut out);
        out.sort_by_key(|f| (f.start, f.end));
        out.dedup_by(|a, b| a.start == b.start && a.end == b.end);
        out
    }

    /// A quotation of several paragraphs opens each with a mark and closes
    /// only the last; its attribution can come in any of them, not only
    /// the first:
    ///
    /// `“We will not accept any deal that rewards aggression.` (paragraph end)
    /// `“Sanctions must stay in place,” she said.`
    ///
    /// The first paragraph, nobody's words when read (no speaker before it
    /// to continue), is hers. `running` holds such paragraphs while the
    /// quotation runs on (`continues`: paragraph `para` opens with a mark
    /// after one left open); the statement found at the opening of a later
    /// one of them (among `out[from..]`, this paragraph's) claims them all.
    ///
    /// A paragraph given to the previous speaker as a floating quotation is
    /// held too: `Gen. Gallagher took over the command in July.` (paragraph
    /// end) `“A ceasefire that holds is worth more...` (paragraph end)
    /// `“...,” Kowalska said.` is Kowalska's; the floating reading stands
    /// only if no attribution claims the quotation.
    #[allow(clippy::too_many_arguments)]
    fn claim_running_quotation(
        &self,
        text: &str,
        para: (usize, usize),
        quotes: &[Quote],
        continues: bool,
        running: &mut Vec<RunningParagraph>,
        out: &mut Vec<Found>,
        from: usize,
    ) {
        if !continues {
            abandon_running(running, out);
        }
        if !running.is_empty() {
            let opening = quotes.first().map(|&q| trim_quote_inner(text, q).0);
            let attributed = out[from.min(out.len())..]
                .iter()
                .find(|f| Some(f.start) == opening && f.kind == Kind::Direct && !f.continues)
                .map(|f| (f.speaker.clone(), f.cue.clone()));
            if let Some((speaker, cue)) = attributed {
                for held in running.drain(..) {
                    out.push(Found {
                        kind: Kind::Direct,
                        start: held.start,
                        end: held.end,
                        cue: cue.clone(),
                        speaker: speaker.clone(),
                        context: held.context,
                        continues: false,
                        interrupted: false,
                    });
                }
            }
        }
        let [q] = quotes else {
            abandon_running(running, out);
            return;
        };
        if q.closed || q.open != para.0 {
            abandon_running(running, out);
            return;
        }
        let (a, b) = trim_quote_inner(text, *q);
        let from = from.min(out.len());
        let overlaps = |f: &Found| f.start < b && a < f.end;
        let only_floating = out[from..]
            .iter()
            .filter(|f| overlaps(f))
            .all(|f| f.continues);
        if only_floating && text[a..b].split_whitespace().nth(1).is_some() {
            let (fallback, kept): (Vec<Found>, Vec<Found>) =
                out.drain(from..).partition(|f| overlaps(f));
            out.extend(kept);
            running.push(RunningParagraph {
                start: a,
                end: b,
                context: text[para.0..para.1].to_string(),
                fallback,
            });
        }
    }

    /// Whether the content at `cs` opens with `what` and a subject's
    /// `called` right before quotation `qi` (`what it called a “lack of
    /// clarity”`, `what he called “double standards”`).
    fn names_what_called(&self, toks: &[Tok], cs: usize, qi: usize) -> bool {
        let Some(what) = (cs..(cs + 4).min(toks.len())).find(|&k| toks[k].is("what")) else {
            return false;
        };
        let Some(open) = toks.iter().position(|t| t.is_mark(qi, true)) else {
            return false;
        };
        open > what
            && open - what <= 6
            && toks[what + 1..open].iter().any(|t| t.is("called"))
            && toks[what + 1..open]
                .iter()
                .all(|t| t.word && t.quote.is_none())
    }

    /// The tokens of sentence `s..e`: words (with their abbreviation period
    /// or possessive apostrophe), single punctuation characters, and the
    /// marks of `quotes`, each inner token tagged with its quotation.
    ///
    /// Steps byte by byte through ASCII (most of any text) and decodes only
    /// other characters; quotation marks are looked up only at characters
    /// that can be marks (never letters, digits or spaces). The lowercase
    /// forms that differ from the text go to `lowered` (see
    /// [`Lowered::attach`]).
    fn tokenize<'a>(
        &self,
        text: &'a str,
        s: usize,
        e: usize,
        quotes: &[Quote],
        lowered: &mut Lowered,
    ) -> Vec<Tok<'a>> {
        let mut toks = Vec::with_capacity(e.saturating_sub(s) / 5 + 1);
        // The text up to the sentence's end: no character past it is read.
        let upto = text.get(..e).unwrap_or(text);
        let e = upto.len();
        let at = |p: usize| text::char_at(upto, p);
        let open_at = |p: usize| quotes.iter().rposition(|q| q.open == p);
        let close_at = |p: usize| quotes.iter().rposition(|q| q.closed && q.inner_end == p);
        let is_mark_at = |p: usize| open_at(p).is_some() || close_at(p).is_some();
        // Past a mark: to its end, on a char boundary.
        let skip_to = |target: usize| {
            let mut p = target;
            while p < e && !text.is_char_boundary(p) {
                p += 1;
            }
            p
        };
        let bytes = upto.as_bytes();
        let mut p = s;
        while let Some(&b) = bytes.get(p) {
            // ASCII spaces (the commonest character) without decoding.
            if text::is_ascii_white_space(b) {
                p += 1;
                continue;
            }
            let Some(c) = at(p) else { break };
            let len = c.len_utf8();
            if c.is_whitespace() {
                p += len;
                continue;
            }
            // `• Kallas said ...`: a list item's bullet is no part of its
            // sentence.
            if toks.is_empty() && matches!(c, '•' | '▪' | '►' | '■' | '●' | '◦' | '‣' | '⁃' | '*')
            {
                p += len;
                continue;
            }
            let alnum = text::is_alphanumeric(c);
            if !alnum {
                if let Some(qi) = open_at(p) {
                    let q = quotes[qi];
                    toks.push(self.mark_tok(text, p, q.inner_start, qi, true));
                    p = skip_to(q.inner_start.max(p + len));
                    continue;
                }
                if let Some(qi) = close_at(p) {
                    let q = quotes[qi];
                    toks.push(self.mark_tok(text, p, q.close_end, qi, false));
                    p = skip_to(q.close_end.max(p + len));
                    continue;
                }
                toks.push(Tok {
                    start: p,
                    end: p + len,
                    lower: &text[p..p + len],
                    word: false,
                    cap: false,
                    upper: false,
                    poss: false,
                    quote: None,
                    mark: None,
                });
                p += len;
                continue;
            }
            // A word runs over letters and digits, and over one joining
            // character between two of them (`Kyiv’s`, `pro-Russian`,
            // `U.S`, `AT&T`, `and/or`) unless a quotation mark stands there.
            let mut j = p + len;
            let mut shape = WordShape::default();
            shape.add(c);
            loop {
                // Runs of ASCII letters and digits byte by byte.
                while let Some(&b) = bytes.get(j).filter(|b| b.is_ascii_alphanumeric()) {
                    shape.add_ascii(b);
                    j += 1;
                }
                let Some(ch) = at(j) else { break };
                if text::is_alphanumeric(ch) {
                    shape.add(ch);
                    j += ch.len_utf8();
                    continue;
                }
                if matches!(ch, '\'' | '’' | '-' | '.' | '&' | '/') {
                    let after = j + ch.len_utf8();
                    if let Some(next) = at(after).filter(|&n| text::is_alphanumeric(n)) {
                        if !is_mark_at(j) {
                            shape.add(ch);
                            shape.add(next);
                            j = after + next.len_utf8();
                            continue;
                        }
                    }
                }
                break;
            }
            let mut end = j;
            let word = &text[p..end];
            // Abbreviations and initials keep their period: Gen., U.S., J.
            if at(j) == Some('.') && self.keeps_period(word, &text[p..end + 1]) {
                end += 1;
                j += 1;
            }
            // Possessive with a closing apostrophe: Ukrainians’
            let mut poss = false;
            if let Some(apostrophe @ ('’' | '\'')) = at(j) {
                let after = at(j + apostrophe.len_utf8());
                if close_at(j).is_none()
                    && word.ends_with('s')
                    && after.is_none_or(|n| !text::is_alphanumeric(n))
                {
                    poss = true;
                }
            }
            toks.push(self.word_tok(text, p, end, poss, shape, toks.len(), lowered));
            p = j;
        }
        tag_quotations(&mut toks, quotes);
        toks
    }

    /// Whether a word followed by a period keeps it (`with_period`): a
    /// title or honorific abbreviation (`Gen.`, `Mrs.`), a dotted word
    /// (`U.S.`), an initial (`J.`), a month (`Nov.`).
    fn keeps_period(&self, word: &str, with_period: &str) -> bool {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        matches!(
            self.lex.title(with_period),
            Some(TitleKind::Abbrev | TitleKind::Honorific(_))
        ) || word.contains('.')
            || (letters == 1 && word.chars().next().is_some_and(char::is_uppercase))
            || ["mr", "mrs", "ms", "dr", "st", "jr", "sr"]
                .iter()
                .any(|a| word.eq_ignore_ascii_case(a))
            // `said on Nov. 27 that`: a month as AP writes it.
            || ["jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec"]
                .iter()
                .any(|a| word.eq_ignore_ascii_case(a))
    }

    /// The token of the word `text[start..end]`, token number `index` of its
    /// sentence.
    #[allow(clippy::too_many_arguments)]
    fn word_tok<'a>(
        &self,
        text: &'a str,
        start: usize,
        end: usize,
        poss: bool,
        shape: WordShape,
        index: usize,
        lowered: &mut Lowered,
    ) -> Tok<'a> {
        let w = &text[start..end];
        let (lower, poss) = if shape.is_ascii_lowercase() {
            (w, poss || w.ends_with("'s"))
        } else {
            let at = lowered.buf.len();
            let poss = if w.is_ascii() {
                // Most words are ASCII: their lowercase needs no Unicode
                // tables, and is made in place.
                lowered.buf.push_str(w);
                lowered.buf[at..].make_ascii_lowercase();
                poss || lowered.buf[at..].ends_with("'s")
            } else {
                let mut lower = w.to_lowercase();
                let poss = poss || lower.ends_with("'s") || lower.ends_with("’s");
                if lower.contains('’') {
                    lower = lower.replace('’', "'");
                }
                lowered.buf.push_str(&lower);
                poss
            };
            lowered.forms.push((index, at..lowered.buf.len()));
            ("", poss)
        };
        Tok {
            start,
            end,
            cap: w.chars().next().is_some_and(char::is_uppercase) || arabic_article_name(w),
            upper: !shape.has_lowercase() && w.chars().filter(|&c| c.is_alphabetic()).count() >= 2,
            lower,
            word: true,
            poss,
            quote: None,
            mark: None,
        }
    }

    fn mark_tok<'a>(
        &self,
        text: &'a str,
        start: usize,
        end: usize,
        qi: usize,
        open: bool,
    ) -> Tok<'a> {
        Tok {
            start,
            end,
            lower: &text[start..end],
            word: false,
            cap: false,
            upper: false,
            poss: false,
            quote: None,
            mark: Some((qi as u32, open)),
        }
    }

    /// The statements of sentence `text[s..e]`, read from its tokens.
    #[allow(clippy::too_many_lines)]
    fn sentence(
        &self,
        text: &str,
        (s, e): (usize, usize),
        toks: &[Tok],
        quotes: &[Quote],
        ctx: &mut DocCtx,
        paragraph: usize,
    ) -> Vec<Found> {
        if toks.len() > MAX_SENTENCE_TOKENS {
            return Vec::new();
        }
        let readings = self.register_names(toks, text, ctx);
        let subject_hint = self.sentence_subject(toks, text, ctx, &readings);
        self.note_issued_document(toks, text, ctx, &subject_hint);
        let mut frames = self.find_frames(toks, text);
        // Resolve speakers in order; participles inherit the clause subject.
        for fi in 0..frames.len() {
            let speaker = match frames[fi].subj {
                Some((a, b)) => {
                    let found =
                        self.resolve_np(&toks[a..b], text, ctx, &subject_hint, toks[a].start);
                    // `A statement from the Kremlin said ...`: a later `the
                    // statement` is the Kremlin's.
                    let issued = a >= 2
                        && matches!(toks[a - 1].lower, "from" | "by")
                        && DOCUMENT_NOUNS.contains(toks[a - 2].lower);
                    if let (true, Some(sp)) = (issued, &found) {
                        ctx.last_document = Some((singular(toks[a - 2].lower), sp.clone()));
                    }
                    found
                }
                None => None,
            };
            let speaker = speaker.or_else(|| {
                // Only a frame with no subject of its own (a participle or a
                // coordinated verb) takes the clause's subject; an
                // unresolvable subject (`peace talks`) is no speaker.
                if frames[fi].subj.is_none()
                    && (frames[fi].participle
                        || matches!(
                            frames[fi].kind_hint,
                            FrameKind::Normal | FrameKind::Ascriptive
                        ))
                {
                    self.participle_subject(&frames, fi, toks, text, &subject_hint, ctx)
                } else {
                    None
                }
            });
            frames[fi].speaker = speaker;
        }
        // `it`/`they` stand for an institution only with a speech verb
        // (`it said`, not `it highlights`).
        for f in &mut frames {
            let group_pronoun = f
                .subj
                .is_some_and(|(a, b)| b == a + 1 && matches!(toks[a].lower, "it" | "they"));
            if group_pronoun && !CORE_SPEECH.contains(f.form.lemma.as_str()) {
                f.speaker = None;
            }
        }
        // `Amid reports that Washington could recognize Crimea, Zelensky
        // said ...`: words reported from no one named are still not the
        // speaker's, up to the first comma.
        let unheard: Vec<(usize, usize)> = frames
            .iter()
            .filter(|f| f.speaker.is_none())
            .filter_map(|f| {
                let a = f.subj.map_or(f.cue_i, |(a, _)| a.min(f.cue_i));
                let (cs, ce) = f.content?;
                let b =
                    (cs..ce.min(toks.len())).find(|&k| toks[k].is_comma() || toks[k].punct(";"))?;
                (a < b).then(|| (toks[a].start, toks[b - 1].end))
            })
            .collect();
        frames.retain(|f| f.speaker.is_some());
        // `According to the Interfax news agency, Peskov said: ...`: the
        // agency only relays the speaker's own attribution.
        let relaying: Vec<bool> = frames
            .iter()
            .map(|f| self.relays_attribution(f, &frames, toks))
            .collect();
        let mut relaying = relaying.into_iter();
        frames.retain(|_| !relaying.next().unwrap_or(false));
        // `“...,” Sybiha said on Monday, according to Interfax.`: the agency
        // only relays a statement already attributed.
        let some_according = frames.iter().any(|f| f.kind_hint == FrameKind::According);
        let relayed: Vec<usize> = frames
            .iter()
            .filter(|f| {
                some_according && matches!(f.kind_hint, FrameKind::Trailing | FrameKind::Tail)
            })
            .filter_map(|f| {
                let next = frames.iter().find(|g| g.cue_i >= f.cue_j)?;
                let between = &toks[f.cue_j..next.cue_i];
                (next.kind_hint == FrameKind::According
                    && between.len() <= 5
                    && between.last().is_some_and(Tok::is_comma)
                    && between
                        .iter()
                        .all(|t| t.quote.is_none() && t.mark.is_none()))
                .then_some(next.cue_i)
            })
            .collect();
        if !relayed.is_empty() {
            frames.retain(|f| !relayed.contains(&f.cue_i));
        }
        // `“...” Peskov said, adding that talks would resume.`: the tail may
        // carry participles of its own.
        let tail = frames.iter().find(|f| f.kind_hint == FrameKind::Tail);
        if let Some(t) = tail.filter(|t| frames.iter().all(|f| std::ptr::eq(f, *t) || f.participle))
        {
            ctx.tail = t.speaker.clone().map(|sp| (sp, t.cue_text.clone()));
        }
        self.bound_contents(&mut frames, toks);
        // An act a trailing or interrupting attribution reports (`Putin
        // rejected the proposal, officials said`, `The Kremlin, two officials
        // said, has rejected the proposal`) is the officials' statement.
        let relayed: Vec<(usize, usize)> = frames
            .iter()
            .filter(|f| {
                matches!(f.kind_hint, FrameKind::Trailing | FrameKind::Parenthetical)
                    || (f.kind_hint == FrameKind::According
                        && f.content.is_some_and(|(c, _)| c == 0))
            })
            .filter_map(|f| f.content)
            .collect();
        frames.retain(|f| {
            let st = f.subj.map_or(f.cue_i, |(a, _)| a.min(f.cue_i));
            // A frame inside the relayed part whose content runs on past
            // it, over the attribution, is no clause of its own either.
            let overruns = |b: usize| f.content.is_some_and(|(_, e)| e > b + 1);
            let relayed_act = f.kind_hint == FrameKind::Normal
                && relayed.iter().any(|&(a, b)| {
                    a <= st && f.cue_j <= b && (takes_object(f, toks) || overruns(b))
                });
            !relayed_act
        });
        // A frame inside another's content clause belongs to that statement
        // (`said Kyiv feared that ...`), not to a speaker of its own. The
        // relayed acts are gone first: in `... as long as Brussels continues
        // its “sanctions frenzy,” Zakharova said`, the act's object does not
        // swallow the attribution.
        let spans: Vec<(usize, usize)> = frames
            .iter()
            .filter(|f| matches!(f.kind_hint, FrameKind::Normal | FrameKind::Ascriptive))
            .filter_map(|f| f.content)
            .collect();
        // `pushing back against suggestions from Washington that ...`: a
        // sourced noun reports its source's words inside any clause, and
        // the verb whose object it is reports nothing of its own.
        let is_sourced =
            |f: &Frame| f.form.classes.noun && f.subj.is_some_and(|(a, _)| a > f.cue_i);
        let sourced_at: Vec<usize> = frames
            .iter()
            .filter(|f| is_sourced(f))
            .map(|f| f.cue_i)
            .collect();
        frames.retain(|f| {
            let st = f.subj.map_or(f.cue_i, |(a, _)| a.min(f.cue_i));
            let object_is_sourced = f.np_content
                && f.content
                    .is_some_and(|(cs, _)| sourced_at.iter().any(|&n| cs <= n && n <= cs + 2));
            !object_is_sourced && (is_sourced(f) || !spans.iter().any(|&(a, b)| a <= st && st < b))
        });
        // `Asked whether Moscow had accepted the draft, he said ...`: the
        // question is the reporter's, not a statement.
        let asked = toks.first().is_some_and(|t| t.is("asked"))
            || (toks.len() > 1 && toks[0].is("when") && toks[1].is("asked"));
        if asked {
            if let Some(comma) = toks.iter().position(|t| t.is_comma()) {
                frames.retain(|f| f.cue_i > comma);
            }
        }

        let mut out: Vec<Found> = Vec::new();
        let mut used_quotes: HashSet<usize> = HashSet::default();
        // One content clause per statement: `said A, and that B` reports two.
        let mut parts: Vec<(usize, (usize, usize))> = Vec::new();
        for (fi, f) in frames.iter().enumerate() {
            let Some((cs, ce)) = f.content else { continue };
            let mut start = cs;
            for k in cs + 1..ce {
                let t = &toks[k];
                let joined = t.is("that")
                    && t.quote.is_none()
                    && (toks[k - 1].is("and") || toks[k - 1].is("but"))
                    && toks[k - 1].quote.is_none();
                if joined && f.kind_hint != FrameKind::Trailing {
                    parts.push((fi, (start, k - 1)));
                    start = k + 1;
                }
            }
            parts.push((fi, (start, ce)));
            if let Some(second) = f.continuation {
                parts.push((fi, second));
            }
        }
        for (fi, (cs, ce)) in parts {
            let f = &frames[fi];
            let Some(speaker) = f.speaker.as_ref() else {
                continue;
            };
            let context = self.context_without_others(&frames, f, toks, text, (s, e), &unheard);
            let (cs, ce) = trim_content(toks, cs, ce);
            if cs >= ce {
                continue;
            }
            // `claims to have annexed`: an infinitive with nothing after it.
            if ce - cs <= 3 && toks[cs].is("to") {
                continue;
            }
            // A lone function word is no content (`asked for more`).
            if ce - cs == 1
                && matches!(
                    toks[cs].lower,
                    "more"
                        | "it"
                        | "this"
                        | "that"
                        | "them"
                        | "so"
                        | "one"
                        | "nothing"
                        | "everything"
                        | "something"
                        | "otherwise"
                        | "less"
                )
            {
                continue;
            }
            // `reiterated Ukraine's position, stating, “...”`: the object only
            // points at the content that follows.
            let tiny_pointer = ce - cs <= 3
                && self
                    .lex
                    .cues
                    .longest_at(&[toks[ce - 1].lower])
                    .is_some_and(|(c, _)| c.classes.noun);
            if tiny_pointer {
                continue;
            }
            let qs: Vec<usize> = (cs..ce)
                .filter_map(|i| match toks[i].mark {
                    Some((q, true)) => Some(q as usize),
                    _ => None,
                })
                .collect();
            let push = |out: &mut Vec<Found>, kind: Kind, a: usize, b: usize| {
                if a < b {
                    out.push(Found {
                        kind,
                        start: a,
                        end: b,
                        cue: f.cue_text.clone(),
                        speaker: speaker.clone(),
                        context: context.clone(),
                        continues: false,
                        interrupted: f.kind_hint == FrameKind::Parenthetical,
                    });
                }
            };
            // The content is one quotation, with nothing but punctuation
            // after it: `stating, “We will ...”` is direct, not mixed.
            let whole_quote = qs.len() == 1 && {
                let q = quotes[qs[0]];
                let ends_at_quote =
                    !q.closed || toks[ce - 1].is_mark(qs[0], false) || !toks[ce - 1].word;
                toks[cs].is_mark(qs[0], true)
                    && toks[cs..ce]
                        .iter()
                        .rev()
                        .find(|t| t.quote.is_none() && t.mark.is_none())
                        .is_none_or(|t| !t.word)
                    && ends_at_quote
            };
            match f.kind_hint {
                _ if whole_quote => {
                    let q = quotes[qs[0]];
                    let (a, b) = trim_quote_inner(text, q);
                    // `promised “a tough response.”`, `warned of “serious
                    // consequences”`: a phrase the cue takes as its object,
                    // not a sentence of the speaker's, is a fragment.
                    let inside = toks[cs..ce]
                        .iter()
                        .filter(|t| t.quote == Some(qs[0] as u32));
                    let phrase = cs > f.cue_i
                        && text.as_bytes()[a..b]
                            .first()
                            .is_some_and(u8::is_ascii_lowercase)
                        && inside.clone().filter(|t| t.word).count() <= 6
                        && !inside.clone().any(|t| {
                            FINITE_VERBS.contains(t.lower)
                                || MODALS.contains(t.lower)
                                || t.looks_past_tense()
                        });
                    let kind = if phrase { Kind::Fragment } else { Kind::Direct };
                    push(&mut out, kind, a, b);
                    used_quotes.insert(qs[0]);
                }
                // `pulled out due to “logistical issues,” according to ...`:
                // the reporter's narration with the source's words in it.
                // Opening the sentence (`According to Macron, 26 countries
                // have committed to “...”`) the source reports the clause.
                FrameKind::Ascriptive if !qs.is_empty() => {
                    for &qi in &qs {
                        let (a, b) = trim_quote_inner(text, quotes[qi]);
                        push(&mut out, Kind::Fragment, a, b);
                        used_quotes.insert(qi);
                    }
                }
                FrameKind::According if !qs.is_empty() && cs < f.cue_i => {
                    for &qi in &qs {
                        let (a, b) = trim_quote_inner(text, quotes[qi]);
                        push(&mut out, Kind::Fragment, a, b);
                        used_quotes.insert(qi);
                    }
                }
                FrameKind::Ascriptive => {
                    // `described the talks as constructive`: reported wording
                    // without marks is an indirect statement.
                    push(&mut out, Kind::Indirect, toks[cs].start, toks[ce - 1].end);
                }
                FrameKind::Trailing if !qs.is_empty() && toks[cs].is_mark(qs[0], true) => {
                    // `“A” with more words, he added.`: the quote is the
                    // speaker's; the rest is the reporter's.
                    for &qi in &qs {
                        let (a, b) = trim_quote_inner(text, quotes[qi]);
                        push(&mut out, Kind::Fragment, a, b);
                        used_quotes.insert(qi);
                    }
                }
                // `criticised the government for what it called a “lack of
                // clarity”`, `warned against what he called “double
                // standards” by countries ...`: the words the speaker's
                // own label quotes are the statement, a fragment.
                _ if f.np_content && !qs.is_empty() && self.names_what_called(toks, cs, qs[0]) => {
                    let (a, b) = trim_quote_inner(text, quotes[qs[0]]);
                    push(&mut out, Kind::Fragment, a, b);
                    used_quotes.insert(qs[0]);
                }
                _ => {
                    let kind = if qs.is_empty() {
                        Kind::Indirect
                    } else {
                        Kind::Mixed
                    };
                    for &qi in &qs {
                        used_quotes.insert(qi);
                    }
                    push(&mut out, kind, toks[cs].start, toks[ce - 1].end);
                }
            }
        }
        // Quotations inside a frame's region that no content claimed are
        // fragments of that frame's speaker (`called it “fake” and added ...`).
        for (qi, q) in quotes.iter().enumerate() {
            if used_quotes.contains(&qi) {
                continue;
            }
            let Some(open_i) = toks.iter().position(|t| t.is_mark(qi, true)) else {
                continue;
            };
            let owner = frames.iter().find(|f| {
                open_i >= f.region_start
                    && open_i < f.region_end
                    && f.kind_hint == FrameKind::Ascriptive
            });
            if let Some(f) = owner {
                let (a, b) = trim_quote_inner(text, *q);
                if a < b {
                    out.push(Found {
                        kind: Kind::Fragment,
                        start: a,
                        end: b,
                        cue: f.cue_text.clone(),
                        speaker: f.speaker.clone().unwrap_or_default(),
                        context: self.context_without_others(
                            &frames,
                            f,
                            toks,
                            text,
                            (s, e),
                            &unheard,
                        ),
                        continues: false,
                        interrupted: false,
                    });
                    used_quotes.insert(qi);
                }
            }
        }
        // Free-standing quotations: labels (`Zelensky: “...”`), or a
        // continuation of the last speaker.
        for (qi, q) in quotes.iter().enumerate() {
            if used_quotes.contains(&qi) {
                continue;
            }
            let Some(open_i) = toks.iter().position(|t| t.is_mark(qi, true)) else {
                continue;
            };
            let close_i = toks
                .iter()
                .position(|t| t.is_mark(qi, false))
                .unwrap_or(toks.len() - 1);
            let before: Vec<&Tok> = toks[..open_i]
                .iter()
                .filter(|t| t.quote.is_none())
                .collect();
            let after_words = toks[close_i + 1..]
                .iter()
                .any(|t| t.word && t.quote.is_none());
            let (a, b) = trim_quote_inner(text, *q);
            if a >= b {
                continue;
            }
            let words_inside = text[a..b].split_whitespace().count();
            // `The minister, on Telegram: “...”` / `Zelensky: “...”`
            if before.last().is_some_and(|t| t.punct(":")) && !after_words {
                let label_end = open_i - 1;
                let label_start = toks[..label_end]
                    .iter()
                    .position(|t| t.is_comma())
                    .unwrap_or(label_end);
                // `Quote: “...”` after a paragraph reporting someone, `Quote
                // from a source in the Office of the President: “...”`
                // (Ukrainska Pravda): the words of the one reported, or of
                // the one named after `from`.
                if toks[0].is("quote") && label_end >= 1 {
                    let from = toks[..label_end].iter().position(|t| t.is("from"));
                    let speaker = match from {
                        Some(f) if f + 1 < label_end => self.resolve_np(
                            &toks[f + 1..label_end],
                            text,
                            ctx,
                            &subject_hint,
                            toks[f + 1].start,
                        ),
                        Some(_) => None,
                        None if label_end == 1 => {
                            ctx.last_speaker.as_ref().map(|(sp, _)| sp.clone())
                        }
                        None => None,
                    };
                    if let Some(sp) = speaker {
                        out.push(Found {
                            kind: Kind::Direct,
                            start: a,
                            end: b,
                            cue: ":".to_string(),
                            speaker: sp,
                            context: text[s..e].to_string(),
                            continues: false,
                            interrupted: false,
                        });
                    }
                    continue;
                }
                // The label is a noun phrase, not a clause (`Zelensky was
                // told:` is no label).
                let is_label = label_start > 0
                    && (self.np_left(toks, label_start) == Some((0, label_start))
                        || label_start == 1);
                let labelled = if is_label {
                    self.resolve_np(
                        &toks[..label_start],
                        text,
                        ctx,
                        &subject_hint,
                        toks[0].start,
                    )
                    .map(|sp| (sp, label_start.min(label_end), label_end))
                } else {
                    None
                };
                // `Macron put it bluntly: “...”`, `Zelensky struck a defiant
                // tone: “...”`: the clause's subject introduces the quotation.
                let introduced = || {
                    let (a, v) = self.colon_clause_subject(toks, label_end)?;
                    let sp =
                        self.resolve_np(&toks[a..v], text, ctx, &subject_hint, toks[a].start)?;
                    Some((sp, v, label_end - 1))
                };
                if let Some((sp, cue_from, cue_to)) = labelled.or_else(introduced) {
                    out.push(Found {
                        kind: Kind::Direct,
                        start: a,
                        end: b,
                        cue: text[toks[cue_from].start..toks[cue_to].end]
                            .trim_start_matches(',')
                            .trim()
                            .to_string(),
                        speaker: sp,
                        context: text[s..e].to_string(),
                        continues: false,
                        interrupted: false,
                    });
                    continue;
                }
            }
            let stands_alone = before.iter().all(|t| !t.word) && !after_words;
            if stands_alone && ctx.floating_ok && words_inside >= 2 {
                if let Some((sp, cue)) = ctx.last_speaker.clone() {
                    out.push(Found {
                        kind: Kind::Direct,
                        start: a,
                        end: b,
                        cue,
                        speaker: sp,
                        context: text[s..e].to_string(),
                        continues: true,
                        interrupted: false,
                    });
                }
            }
        }
        out.sort_by_key(|f| f.start);
        ctx.remember_speakers(&out, paragraph);
        // `Edward Lyle, the shadow security minister, said:` ending its
        // sentence: the quotation that opens the next paragraph (or
        // sentence) is his, and so are the paragraphs it runs on into.
        let colon = toks.len().checked_sub(1).filter(|&c| toks[c].punct(":"));
        let narration = toks.iter().all(|t| t.quote.is_none() && t.mark.is_none());
        // After a statement of its own (`The Conservatives said the move was
        // overdue. Edward Lyle ... said:`), the introduction comes last.
        let after_statements = |a: usize| out.iter().all(|f| f.end <= toks[a].start);
        if let Some(colon) = colon.filter(|&c| narration && c >= 2) {
            // A reporting verb before the colon has its subject to its
            // left, appositives and all; another predicate is a clause
            // that introduces (`put it bluntly:`).
            let verb = colon - 1;
            let reports = toks[verb].word
                && self
                    .lex
                    .cues
                    .longest_at(&[toks[verb].lower])
                    .is_some_and(|(f, _)| f.classes.clause && !f.classes.noun);
            let subject = if reports {
                self.subject_left(toks, self.skip_adverbs_left(toks, verb))
                    .map(|(a, b)| (a, b, verb))
            } else {
                self.colon_clause_subject(toks, colon)
                    .map(|(a, v)| (a, v, v))
            };
            let introduced =
                subject
                    .filter(|&(a, _, _)| after_statements(a))
                    .and_then(|(a, b, cue)| {
                        let sp =
                            self.resolve_np(&toks[a..b], text, ctx, &subject_hint, toks[a].start)?;
                        Some((sp, text[toks[cue].start..toks[colon - 1].end].to_string()))
                    });
            if let Some((sp, cue)) = introduced.filter(|(sp, _)| sp.name.is_some()) {
                ctx.last_speaker = Some((sp, cue));
                ctx.last_paragraph = Some(paragraph);
            }
        }
        if out.is_empty() {
            if let Some(h) = subject_hint {
                // `“...,” Zelensky said. Peskov was more cautious. “We need
                // to study the document.”`: a person opening a sentence of
                // narration is who a quotation after it continues.
                let opens = toks.first().is_some_and(|t| t.start == h.0);
                let narration = toks.iter().all(|t| t.quote.is_none() && t.mark.is_none());
                // Of a manner or an attitude (`was more cautious`, `struck
                // a different tone`, `did not mince words`), not an act
                // (`Putin launched a new offensive`).
                // `took a harder line` is an attitude; `took over the
                // southern command` an act.
                let mut after = toks
                    .iter()
                    .skip_while(|t| t.start <= h.0 || t.cap)
                    .filter(|t| t.word);
                let attitude = after
                    .next()
                    .is_some_and(|t| ATTITUDE_VERBS.contains(t.lower))
                    && after
                        .next()
                        .is_none_or(|t| !matches!(t.lower, "over" | "office" | "charge" | "part"));
                let surely_person =
                    h.1.name
                        .as_deref()
                        .and_then(|n| ctx.actors.find(n))
                        .is_some_and(|k| ctx.actors.known[k].is_sure_person());
                if opens && narration && attitude && h.1.person && !h.1.anonymous && surely_person {
                    ctx.last_speaker = Some((h.1.clone(), String::new()));
                    ctx.last_paragraph = Some(paragraph);
                }
                ctx.salient.push(h.1);
            }
        }
        out
    }

    /// The subject of a clause that introduces a quotation with a colon at
    /// `colon` (`French President Emmanuel Macron put it bluntly:`): the
    /// longest noun phrase opening the sentence, after a conjunction or a
    /// fronted phrase and its comma (`But ...`, `In Paris on Monday, ...`),
    /// then a lowercase predicate. Words put to the subject or passed on by
    /// it are not its own: `Zelensky was asked:`, `was told:`, `Trump quoted
    /// Putin:`, `Zelensky shared a letter from a soldier:`, `Kallas pointed
    /// to a line in Putin's speech:`.
    fn colon_clause_subject(&self, toks: &[Tok], colon: usize) -> Option<(usize, usize)> {
        let mut s0 = usize::from(
            toks.first()
                .is_some_and(|t| matches!(t.lower, "but" | "and" | "yet" | "so" | "still")),
        );
        if let Some(c) = toks[s0..colon].iter().position(Tok::is_comma) {
            s0 += c + 1;
        }
        let v = (s0 + 1..colon.min(s0 + 9))
            .rev()
            .find(|&v| self.np_left(toks, v) == Some((s0, v)))?;
        let predicate = &toks[v..colon];
        let plain = predicate.first().is_some_and(|t| t.word && !t.cap)
            && predicate
                .iter()
                .all(|t| t.quote.is_none() && t.mark.is_none());
        // `was told:`, `was warned by aides:`; not `was undeterred:`.
        let passive = predicate.len() >= 2
            && BE_FORMS.contains(predicate[0].lower)
            && (matches!(
                predicate[1].lower,
                "told" | "given" | "shown" | "sent" | "reminded" | "asked" | "warned"
            ) || (predicate[1].looks_past_tense()
                && predicate.get(2).is_some_and(|t| t.is("by"))));
        // `a letter from a soldier:`, `a post by Medvedev:`; not `spoke by
        // phone with Macron:`.
        let passed_on = predicate.windows(2).any(|w| {
            (DOCUMENT_NOUNS.contains(w[0].lower) || matches!(w[0].lower, "message" | "words"))
                && (w[1].is("from") || w[1].is("by"))
        });
        let not_own = passive
            || passed_on
            || predicate.iter().any(|t| {
                t.poss
                    || matches!(
                        t.lower,
                        "asked"
                            | "question"
                            | "questions"
                            | "quoted"
                            | "cited"
                            | "read"
                            | "reads"
                            | "heard"
                            | "hears"
                            | "received"
                            | "receives"
                            | "got"
                            | "shared"
                            | "shares"
                            | "remembers"
                            | "remembered"
                            | "recalled"
                            | "recalls"
                            | "pointed"
                            | "points"
                            | "showed"
                            | "shows"
                    )
            });
        (plain && !not_own && predicate.len() <= 12).then_some((s0, v))
    }

    /// Registers `Title Firstname Lastname` mentions so later surnames,
    /// roles and pronouns resolve to them. Returns how each run that starts
    /// with its capitalised word was read, for [`Self::sentence_subject`].
    fn register_names(&self, toks: &[Tok], text: &str, ctx: &mut DocCtx) -> Vec<RunReading> {
        let mut readings = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if toks[i].quote.is_some() || !toks[i].cap || !toks[i].word {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < toks.len()
                && toks[j].word
                && toks[j].quote.is_none()
                && (toks[j].cap
                    || self.is_title_word(toks[j].lower)
                    || (j > i && particle_in_name(toks, j)))
            {
                j += 1;
                if toks[j - 1].poss {
                    break;
                }
                // `EU Commissioner for Defence Sophie Rousseau`, `Minister of
                // Foreign Affairs Dmytro Kuleba`: a title's complement stays
                // in the run, so the person holds the whole title.
                let complement = j + 1 < toks.len()
                    && matches!(toks[j].lower, "for" | "of")
                    && toks[j - 1].cap
                    && toks[j + 1].word
                    && toks[j + 1].cap
                    && toks[j + 1].quote.is_none()
                    && matches!(self.lex.title(toks[j - 1].lower), Some(TitleKind::Role));
                if complement {
                    j += 1;
                }
            }
            // Include lowercase title words right before the run (Kremlin spokesman Dmitry Peskov
            // already joined; `special envoy Steve Witkoff` starts lowercase).
            let mut a = i;
            while a > 0
                && toks[a - 1].word
                && toks[a - 1].quote.is_none()
                && self.is_title_word(toks[a - 1].lower)
            {
                a -= 1;
            }
            let found = self
                .name_from_run(&toks[a..j], text, ctx)
                .or_else(|| self.first_name_only(toks, a, j, text, ctx));
            if a == i {
                readings.push(RunReading {
                    start: i,
                    end: j,
                    known: found,
                    actors_after: ctx.actors.known.len(),
                });
            }
            if let Some(k) = found {
                // `Hakan Fidan, Turkey's foreign minister, arrived ...`: the
                // appositive is the person's role (`the foreign minister`
                // later is Fidan).
                if ctx.actors.known[k].kind == ActorKind::Person {
                    // `Slovakia's deputy prime minister, Ľubomír Kováč, told
                    // ...`: the description before the name is a role too.
                    let before = self.described_before(toks, a);
                    if let Some(role) = self.appositive_role(toks, j).or(before) {
                        let roles = &mut ctx.actors.known[k].roles;
                        if !roles.contains(&role) {
                            roles.push(role);
                        }
                    }
                }
                let known = &ctx.actors.known[k];
                if known.kind == ActorKind::Person {
                    ctx.mentions.push(Mention {
                        known: k,
                        gender: known.gender,
                        affiliated: !known.affiliation.is_empty(),
                        at: toks[i].start,
                        titled: !known.roles.is_empty(),
                    });
                }
            }
            i = j.max(i + 1);
        }
        readings
    }

    /// The role words of an appositive set off by commas after a name
    /// ending at `end` (`, Turkey's foreign minister,`, `, the head of
    /// military intelligence,`): at most eight words, a role among them,
    /// no verb.
    fn appositive_role(&self, toks: &[Tok], end: usize) -> Option<Vec<String>> {
        if !toks.get(end)?.is_comma() {
            return None;
        }
        let close = (end + 1..(end + 10).min(toks.len())).find(|&k| toks[k].is_comma());
        let Some(close) = close else {
            return self.long_appositive_role(toks, end);
        };
        let inner = &toks[end + 1..close];
        let describes = !inner.is_empty()
            && inner
                .iter()
                .all(|t| t.word && t.quote.is_none() && !t.finite_or_modal())
            && inner
                .iter()
                .any(|t| matches!(self.lex.title(t.lower), Some(TitleKind::Role)));
        let role = describes.then(|| self.title_words(inner))?;
        (!role.is_empty()).then_some(role)
    }

    /// A person the article names by first name only, as it does people
    /// who asked that their surname not be used: `Tomas, 29, a software
    /// developer from Kaunas, said`, `Yulia, whose husband was mobilized,
    /// says`. A lone first name, then a comma and an age, a relative
    /// pronoun or an indefinite article.
    fn first_name_only(
        &self,
        toks: &[Tok],
        a: usize,
        j: usize,
        text: &str,
        ctx: &mut DocCtx,
    ) -> Option<usize> {
        // Not a place that is also a first name (`In Sofia, a spokesman
        // said`).
        let after_preposition = a > 0 && PREPOSITIONS.contains(toks[a - 1].lower);
        if j != a + 1 || toks[a].poss || after_preposition {
            return None;
        }
        let gender = *self.lex.first_names.get(toks[a].lower)?;
        let introduced = toks.get(j).is_some_and(Tok::is_comma)
            && toks.get(j + 1).is_some_and(|t| {
                is_age(t.lower)
                    || (t.lower.len() <= 3 && t.lower.bytes().all(|b| b.is_ascii_digit()))
                    || matches!(t.lower, "who" | "whose" | "a" | "an")
            });
        // `who gave only his first name, Oleh,`
        let given = a >= 2
            && toks[a - 1].is_comma()
            && matches!(toks[a - 2].lower, "name" | "sign" | "nickname");
        if !introduced && !given {
            return None;
        }
        let name = text[toks[a].start..toks[a].end].to_string();
        Some(ctx.actors.find(&name).unwrap_or_else(|| {
            ctx.actors
                .add(Known::unregistered_person(name, Some(gender)))
        }))
    }

    /// The role of a longer appositive, from its head noun phrase: `Ma
    /// Lixin, a professor of international relations at East China Normal
    /// University in Shanghai, said` (`the professor` later is Ma),
    /// `Rasmus Kjeldgaard, a Danish Renew Europe MEP who sits on the
    /// foreign affairs committee, wrote`. The head opens with a determiner
    /// or a possessor and ends before a preposition or a relative pronoun.
    fn long_appositive_role(&self, toks: &[Tok], end: usize) -> Option<Vec<String>> {
        const MAX_APPOSITIVE: usize = 24;
        let first = toks.get(end + 1)?;
        // Or a bare title (`Celso Amorim, chief foreign policy adviser to
        // President Lula, said`).
        let bare_title = !first.cap && self.is_title_word(first.lower);
        if !(matches!(first.lower, "a" | "an" | "the") || first.poss || bare_title) {
            return None;
        }
        let limit = (end + 1 + MAX_APPOSITIVE).min(toks.len());
        let close = (end + 1..limit).find(|&k| !toks[k].word || toks[k].quote.is_some())?;
        if !toks[close].is_comma() && !toks[close].punct(".") {
            return None;
        }
        let inner = &toks[end + 1..close];
        let head_end = inner
            .iter()
            .position(|t| {
                matches!(t.lower, "who" | "which" | "that" | "whose")
                    || PREPOSITIONS.contains(t.lower)
                    || t.finite_or_modal()
            })
            .unwrap_or(inner.len());
        // `Asked about Zelensky, the spokesman said ...`: a noun phrase
        // followed by its own verb is the next clause's subject.
        if inner.get(head_end).is_some_and(Tok::finite_or_modal) {
            return None;
        }
        let head = &inner[..head_end];
        let has_role = head
            .iter()
            .any(|t| matches!(self.lex.title(t.lower), Some(TitleKind::Role)));
        let role = has_role.then(|| self.title_words(head))?;
        (!role.is_empty()).then_some(role)
    }

    /// The role words of a description set off by a comma right before
    /// the name starting at `start` (`Slovakia's deputy prime minister,
    /// Ľubomír Kováč`): at most eight words, a role among them, no verb.
    fn described_before(&self, toks: &[Tok], start: usize) -> Option<Vec<String>> {
        if start < 2 || !toks[start - 1].is_comma() {
            return None;
        }
        let mut a = start - 1;
        while a > 0 && start - 1 - a < 8 {
            let t = &toks[a - 1];
            let describes = t.word
                && t.quote.is_none()
                && !t.finite_or_modal()
                && (t.poss
                    || t.cap
                    || self.lex.title(t.lower).is_some()
                    || self.lex.demonyms.contains_key(t.base())
                    || NOUN_DETERMINERS.contains(t.lower)
                    || DETERMINERS.contains(t.lower)
                    || matches!(t.lower, "in" | "of" | "for" | "at" | "to"));
            if !describes {
                break;
            }
            a -= 1;
        }
        let inner = &toks[a..start - 1];
        // Where the sentence (or a clause) starts: not the tail of a list.
        let opens = a == 0 || !toks[a - 1].word;
        let has_role = inner
            .iter()
            .any(|t| matches!(self.lex.title(t.lower), Some(TitleKind::Role)));
        let role = (opens && has_role).then(|| self.title_words(inner))?;
        (!role.is_empty()).then_some(role)
    }

    /// A noun for a person of a nationality (`Dane`, `Latvian`,
    /// `Japanese`): a demonym with a plural of its own (`Danes`), or one in
    /// `-ese`; not a country, capital or metonym (`Kremlin`, `Tehran`).
    fn is_nationality_noun(&self, lower: &str) -> bool {
        let demonyms = &self.lex.demonyms;
        demonyms.contains_key(lower)
            && (lower.ends_with("ese") || demonyms.contains_key(format!("{lower}s").as_str()))
    }

    /// Whether `lower` is a first name of the lexicon, a trailing period
    /// aside (`Wm.`).
    fn is_first_name(&self, lower: &str) -> bool {
        self.lex
            .first_names
            .get(lower.trim_end_matches('.'))
            .is_some()
    }

    fn is_title_word(&self, lower: &str) -> bool {
        matches!(
            self.lex.title(lower),
            Some(TitleKind::Role | TitleKind::Modifier | TitleKind::Abbrev)
        ) || self.lex.demonyms.contains_key(lower)
    }

    /// `According to the Interfax news agency, Peskov said: ...`: a news
    /// outlet relays what the speaker of its clause said (a readout or a
    /// statement reports the act: `According to a Kremlin readout, Putin
    /// told Trump that ...` is the Kremlin's). Whether the `According to`
    /// frame `f` only relays such an attribution.
    fn relays_attribution(&self, f: &Frame, frames: &[Frame], toks: &[Tok]) -> bool {
        let source = f.content.and_then(|(cs, _)| toks.get(f.cue_j..cs));
        let outlet = source
            .unwrap_or_default()
            .iter()
            .any(|t| t.word && (MEDIA_HEADS.contains(t.lower) || NEWS_SOURCES.contains(t.lower)));
        // `According to Interfax, Peskov said:` before a block quote:
        // an attribution with nothing of its own.
        let only_attribution = f.content.is_some_and(|(cs, ce)| {
            let content = toks.get(cs..ce).unwrap_or_default();
            let colon_last = content
                .iter()
                .rev()
                .find(|t| !t.punct("."))
                .is_some_and(|t| t.punct(":"));
            colon_last
                && content.len() <= 8
                && content.iter().rev().find(|t| t.word).is_some_and(|t| {
                    self.lex
                        .cues
                        .longest_at(&[t.lower])
                        .is_some_and(|(form, _)| CORE_SPEECH.contains(form.lemma.as_str()))
                })
        });
        let speaker_follows = f.content.is_some_and(|(cs, ce)| {
            frames.iter().any(|g| {
                g.kind_hint == FrameKind::Normal
                    && CORE_SPEECH.contains(g.form.lemma.as_str())
                    && g.subj.is_some_and(|(a, _)| a == cs && g.cue_i < ce)
            })
        });
        let leading = f.content.is_some_and(|(cs, _)| cs > f.cue_i);
        f.kind_hint == FrameKind::According
            && leading
            && ((outlet && speaker_follows) || only_attribution)
    }

    /// Interprets a run of capitalized and title words as a named person,
    /// recording it with its titles; returns the known index.
    fn name_from_run(&self, run: &[Tok], text: &str, ctx: &mut DocCtx) -> Option<usize> {
        let mut name = std::mem::take(&mut ctx.name_buf);
        let found = self.read_name_run(run, text, ctx, &mut name);
        ctx.name_buf = name;
        found
    }

    /// The registered name of a body written with `of` after its head:
    /// `the Foreign Ministry of Russia` is the registry's `Russia's Foreign
    /// Ministry` (Russian Foreign Ministry).
    fn registered_body(&self, run: &[Tok], text: &str) -> Option<String> {
        let of = run.iter().rposition(|t| t.is("of"))?;
        let mut owner = &run[of + 1..];
        if owner.first().is_some_and(|t| t.is("the")) {
            owner = &owner[1..];
        }
        if of == 0 || owner.is_empty() {
            return None;
        }
        let possessed = format!(
            "{}'s {}",
            join_base(owner, text),
            join_base(&run[..of], text)
        );
        let id = self.registry.lookup(&possessed)?;
        Some(self.registry.get(id).name.clone())
    }

    /// [`Extractor::name_from_run`], joining names in `name`.
    fn read_name_run(
        &self,
        run: &[Tok],
        text: &str,
        ctx: &mut DocCtx,
        name: &mut String,
    ) -> Option<usize> {
        if run.is_empty() {
            return None;
        }
        // `while Abu Dhabi quietly brokers prisoner swaps`: a place of
        // several words speaks for its country, and is nobody's name.
        // (A body, `White House`, `European Parliament`, is itself.)
        if run.len() >= 2
            && run
                .iter()
                .all(|t| t.cap && !INSTITUTION_HEADS.contains(t.lower))
            && self.registry.lookup(&join_base(run, text)).is_none()
        {
            let key = run.iter().map(|t| t.base()).collect::<Vec<_>>().join("_");
            if let Some(country) = self.lex.demonyms.get(key.as_str()) {
                // Unregistered, the country is no speaker to give either.
                let id = self.registry.lookup(country)?;
                let actor = self.registry.get(id);
                return Some(ctx.actors.add_registered(actor, id, vec![]));
            }
        }
        // `Lim Wei Jie from the S Rajaratnam School`: the person is before
        // `from`.
        if let Some(p) = run.iter().position(|t| t.is("from")) {
            if self.name_before_from(run, p + 1) {
                return self.read_name_run(&run[..p], text, ctx, name);
            }
        }
        // `Sen. Thomas Whitlock of Kansas`: the person is before `of`.
        if let Some(p) = run.iter().position(|t| t.is("of")) {
            // Not when a first name and surname end the run: `... in the
            // Autonomous Republic of Crimea Olha Kuryshko`.
            let person_after =
                (p + 1..run.len().saturating_sub(1)).any(|q| self.is_first_name(run[q].lower));
            let named_before = p >= 2
                && !person_after
                && run[p - 2..p].iter().all(|t| {
                    t.cap && !self.is_title_word(t.lower) && !INSTITUTION_HEADS.contains(t.lower)
                });
            if named_before {
                return self.read_name_run(&run[..p], text, ctx, name);
            }
        }
        // Registry match on the longest suffix (the head of the phrase).
        let n = run.len();
        let max = self.registry.longest_alias_words().min(n);
        for k in (1..=max).rev() {
            let window = &run[n - k..];
            if window[0].poss && k > 1 {
                continue;
            }
            join_base_into(window, text, name);
            if let Some(id) = self.registry.lookup(name) {
                let actor = self.registry.get(id);
                // `the Security Service of Ukraine`, `the National Bank of
                // Ukraine`: a body named after its country is not the
                // country's government.
                // `Alternative for Germany`, `Friends of Ukraine`: a name
                // that ends in a country's.
                let body_of = actor.kind != ActorKind::Person
                    && n - k >= 2
                    && (run[n - k - 1].is("of") || run[n - k - 1].is("for"))
                    && (run[..n - k - 1]
                        .iter()
                        .any(|t| t.cap && INSTITUTION_HEADS.contains(t.lower))
                        || (run[n - k - 2].cap && !self.is_title_word(run[n - k - 2].lower)));
                if body_of {
                    return None;
                }
                // `Lockheed Martin`, `Chris Martin`: a registered surname
                // after another name (not a title, a country's adjective, an
                // initial or the registered first name) is someone else's.
                let other_name = actor.kind == ActorKind::Person && k == 1 && n > 1 && {
                    let folded = fold_name(&actor.name);
                    let first = folded.split(' ').next().map(translit_key);
                    run[..n - 1].iter().any(|t| {
                        let registered_first = first.as_deref() == Some(&*translit_key(t.lower));
                        t.cap
                            && !t.poss
                            && t.lower.trim_end_matches('.').chars().count() > 1
                            && self.lex.title(t.lower).is_none()
                            && !self.lex.demonyms.contains_key(t.base())
                            && !registered_first
                    })
                };
                if other_name {
                    break;
                }
                if actor.kind == ActorKind::Person || k == n || !run[n - k - 1].cap {
                    let titles = self.title_words(&run[..n - k]);
                    let roles = if titles.is_empty() {
                        vec![]
                    } else {
                        vec![titles]
                    };
                    return Some(ctx.actors.add_registered(actor, id, roles));
                }
            }
        }
        // `The Kyiv Independent`, `the Kyiv Post`, `Novaya Gazeta`: an
        // outlet's name (a place and its paper's noun), not a place.
        let outlet = n >= 2
            && run[n - 1].cap
            && run[n - 2].cap
            && !run[n - 2].poss
            && MEDIA_HEADS.contains(run[n - 1].lower);
        if outlet {
            let from = run[..n - 1]
                .iter()
                .rposition(|t| {
                    !t.cap
                        || t.poss
                        || t.is("the")
                        || matches!(
                            self.lex.title(t.lower),
                            Some(TitleKind::Role | TitleKind::Modifier | TitleKind::Abbrev)
                        )
                })
                .map_or(0, |p| p + 1);
            join_base_into(&run[from..], text, name);
            return Some(ctx.actors.add(Known {
                name: name.clone(),
                id: None,
                kind: ActorKind::Institution,
                gender: None,
                affiliation: String::new(),
                roles: vec![],
            }));
        }
        // Unregistered person: trailing capitalized words that are not titles.
        let mut a = n;
        while a > 0 {
            let t = &run[a - 1];
            if a < n && particle_in_name(run, a - 1) {
                a -= 1;
                continue;
            }
            let stop = !t.cap
                || self.lex.title(t.lower).is_some()
                || self.lex.demonyms.contains_key(t.lower)
                || NOT_NAMES.contains(t.lower)
                || INSTITUTION_HEADS.contains(t.lower)
                || (t.poss && a < n);
            if stop {
                break;
            }
            a -= 1;
        }
        // `Commissioner for Human Rights Dunja Mijatovic`: after a title's
        // complement the name starts at its first name (or is its last two
        // words), not at the complement's capitalised words.
        // Read from inside such a title (`for Human Rights Dunja Mijatovic`)
        // the first name still marks where the name starts.
        if n - a > 2 {
            let first_name = (a + 1..n - 1).find(|&q| self.is_first_name(run[q].lower));
            // A singular capitalised title and its complement, not a group
            // (`Representatives of the World Food Programme`).
            let complemented = run[..a].windows(3).any(|w| {
                w[0].cap
                    && !w[0].lower.ends_with('s')
                    && matches!(self.lex.title(w[0].lower), Some(TitleKind::Role))
                    && matches!(w[1].lower, "for" | "of")
                    && w[2].cap
            });
            if let Some(q) = first_name {
                a = q;
            } else if complemented {
                a = n - 2;
            }
        }
        let name_toks = &run[a..];
        if name_toks.is_empty() || name_toks.len() > 4 {
            return None;
        }
        join_base_into(name_toks, text, name);
        if name_toks.len() == 1 {
            let found = ctx.actors.find(name);
            let honorific = || {
                run[..a].iter().find_map(|t| match self.lex.title(t.lower) {
                    Some(TitleKind::Honorific(g)) => Some((t.lower, g)),
                    _ => None,
                })
            };
            // `Sir Keir said` (a knight by his first name); `Lin said`
            // after `Lin Jian` (the surname first).
            let found = found.or_else(|| {
                let token = name_toks[0].lower.trim_end_matches('.');
                let by_first_name = self.lex.first_names.get(token).is_none()
                    || matches!(honorific(), Some(("sir" | "dame", _)));
                by_first_name
                    .then(|| ctx.actors.find_by_first_name(name))
                    .flatten()
            });
            // `Lord Dannatt, a former head of the Army, said`, `Mr Cameron
            // said` (the Economist's first mention): an honorific makes a
            // first-seen surname a person; `Messrs.` names several.
            let addressed = found
                .is_none()
                .then(honorific)
                .flatten()
                .filter(|(h, _)| *h != "messrs.");
            // `Patriarch Kirill`, `Pope Leo`, `King Charles`: titles whose
            // holders go by one name.
            let one_named = run[..a].iter().rfind(|t| {
                matches!(
                    t.lower,
                    "pope"
                        | "patriarch"
                        | "metropolitan"
                        | "archbishop"
                        | "cardinal"
                        | "king"
                        | "queen"
                        | "prince"
                        | "princess"
                        | "emir"
                        | "sultan"
                        | "sheikh"
                        | "ayatollah"
                )
            });
            // `Gen. Petrov said`, `Dr Koh said`, `Defence Secretary Healey
            // said`: a capitalised title right before a first-seen surname
            // makes it a person too. A single role word is often a
            // company's or a body's first word (`General Motors`, `Admiral
            // Markets`): a role needs another title word or a demonym
            // before it.
            let titled = || {
                a > 0
                    && run[a - 1].cap
                    && match self.lex.title(run[a - 1].lower) {
                        Some(TitleKind::Abbrev) => true,
                        Some(TitleKind::Role) => {
                            a >= 2
                                && run[a - 2].cap
                                && (self.is_title_word(run[a - 2].lower)
                                    || self.lex.demonyms.contains_key(run[a - 2].base()))
                        }
                        _ => false,
                    }
            };
            let idx = match (found, addressed, one_named) {
                (Some(idx), _, _) => idx,
                (None, Some((_, gender)), _) => ctx
                    .actors
                    .add(Known::unregistered_person(name.clone(), gender)),
                (None, None, Some(title)) => {
                    // Known by title and name: `Patriarch Kirill`.
                    let gender = self.lex.first_names.get(name_toks[0].lower).copied();
                    *name = format!("{} {name}", &text[title.start..title.end]);
                    ctx.actors
                        .add(Known::unregistered_person(name.clone(), gender))
                }
                (None, None, None) if titled() => ctx
                    .actors
                    .add(Known::unregistered_person(name.clone(), None)),
                (None, None, None) => return None,
            };
            let titles = self.title_words(&run[..a]);
            if !titles.is_empty() {
                ctx.actors.known[idx].roles.push(titles);
            }
            return Some(idx);
        }
        if self.registry.lookup(name).is_some() {
            return None; // a multi-word institution alias (`White House`)
        }
        let first = name_toks[0].lower.trim_end_matches('.').to_string();
        let honorific = run[..a].iter().find_map(|t| match self.lex.title(t.lower) {
            Some(TitleKind::Honorific(g)) => g,
            _ => None,
        });
        let gender = honorific.or_else(|| self.lex.first_names.get(&first).copied());
        let titles = self.title_words(&run[..a]);
        let affiliation = run[..a]
            .iter()
            .find_map(|t| self.lex.demonyms.get(t.base()).cloned())
            .unwrap_or_default();
        Some(ctx.actors.add(Known {
            name: name.clone(),
            id: None,
            kind: ActorKind::Person,
            gender,
            affiliation,
            roles: if titles.is_empty() {
                vec![]
            } else {
                vec![titles]
            },
        }))
    }

    /// The role words of a description, the bloc and the alliance named: `the
    /// bloc's top diplomat` is the EU's, `the alliance's secretary general`
    /// NATO's (as the registry reads `the alliance`), and countries by their
    /// adjective (`Russia's leader` is `the Russian leader`).
    fn description_role_words(&self, phrase: &str) -> Vec<String> {
        let words = role_words(phrase)
            .into_iter()
            .map(|w| match w.as_str() {
                "bloc" => "eu".to_string(),
                "alliance" => "nato".to_string(),
                _ => w,
            })
            .collect();
        self.lex.role_words_by_adjective(words)
    }

    fn title_words(&self, toks: &[Tok]) -> Vec<String> {
        // Most names come without a title: nothing to fold.
        if toks.is_empty() {
            return Vec::new();
        }
        let joined: Vec<String> = toks.iter().map(|t| t.base().to_string()).collect();
        self.lex
            .role_words_by_adjective(role_words(&joined.join(" ")))
    }

    /// `The Kremlin issued a statement on Monday.`, `Zelensky posted on
    /// Telegram.`: a later `the statement`, `the post` is theirs.
    fn note_issued_document(
        &self,
        toks: &[Tok],
        text: &str,
        ctx: &mut DocCtx,
        hint: &Option<(usize, Speaker)>,
    ) {
        let Some(v) = toks.iter().position(|t| {
            // Every issuing verb ends in `-ed`: most words are ruled out
            // without a lookup.
            t.lower.ends_with("ed") && t.quote.is_none() && ISSUING_VERBS.contains(t.lower)
        }) else {
            return;
        };
        let noun = if toks[v].is("posted") {
            Some("post")
        } else {
            toks[v + 1..(v + 5).min(toks.len())]
                .iter()
                .take_while(|t| t.word && t.quote.is_none())
                .find(|t| DOCUMENT_NOUNS.contains(t.lower))
                .map(|t| t.lower)
        };
        let Some(noun) = noun else {
            return;
        };
        let Some((a, b)) = self.np_left(toks, v) else {
            return;
        };
        if let Some(source) = self.resolve_np(&toks[a..b], text, ctx, hint, toks[a].start) {
            ctx.last_document = Some((singular(noun), source));
        }
    }

    /// The first person named in the sentence as a clause subject
    /// (not possessive, not after a preposition): pronouns in the same
    /// sentence prefer it.
    fn sentence_subject(
        &self,
        toks: &[Tok],
        text: &str,
        ctx: &mut DocCtx,
        readings: &[RunReading],
    ) -> Option<(usize, Speaker)> {
        let mut fallback = None;
        // `Asked whether relief had been discussed with US envoy Steve
        // Witkoff, he said only ...`: the people of an opening participle
        // clause are not its subject, whom the clause leaves unnamed.
        let opening_clause_end = toks
            .first()
            .filter(|t| {
                matches!(
                    t.lower,
                    "asked"
                        | "pressed"
                        | "questioned"
                        | "speaking"
                        | "commenting"
                        | "responding"
                        | "reacting"
                        | "referring"
                        | "addressing"
                        | "writing"
                )
            })
            .and_then(|_| toks.iter().position(Tok::is_comma))
            .unwrap_or(0);
        let mut i = opening_clause_end;
        while i < toks.len() {
            let t = &toks[i];
            if !t.word || !t.cap || t.quote.is_some() {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < toks.len()
                && toks[j].word
                && toks[j].quote.is_none()
                && (toks[j].cap
                    || self.is_title_word(toks[j].lower)
                    || (j > i && particle_in_name(toks, j)))
            {
                j += 1;
                if toks[j - 1].poss {
                    break;
                }
            }
            let after_prep =
                i > 0 && PREPOSITIONS.contains(toks[i - 1].lower) && !toks[i - 1].is("by");
            if !toks[j - 1].poss {
                // `register_names` read the same run a moment ago; reading
                // it again gives the same actor unless an actor was added
                // since (a later run of the sentence can make a lone
                // surname resolve, or stop resolving).
                let reused = readings
                    .iter()
                    .find(|r| r.start == i && r.end == j)
                    .filter(|r| r.actors_after == ctx.actors.known.len());
                let found = match reused {
                    Some(r) => r.known,
                    None => self.name_from_run(&toks[i..j], text, ctx),
                };
                if let Some(k) = found {
                    let known = &ctx.actors.known[k];
                    if known.kind == ActorKind::Person {
                        let found = (
                            toks[i].start,
                            speaker_of(known, join_text(&toks[i..j], text)),
                        );
                        if !after_prep {
                            return Some(found);
                        }
                        // `led by Rustem Umerov, the former minister`: the
                        // only person of the sentence is still its topic.
                        fallback.get_or_insert(found);
                    }
                }
            }
            i = j.max(i + 1);
        }
        fallback
    }

    /// Finds cue frames with their subjects (speakers resolved later).
    fn find_frames(&self, toks: &[Tok], text: &str) -> Vec<Frame<'_>> {
        let lowers: Vec<&str> = toks.iter().map(|t| t.lower).collect();
        let mut frames = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if !toks[i].word || toks[i].quote.is_some() {
                i += 1;
                continue;
            }
            let Some((mut form, mut len)) = self.lex.cues.longest_at(&lowers[i..]) else {
                i += 1;
                continue;
            };
            // `agreed on Thursday to use ...`: `on` opens a date, not the
            // object of `agree on`.
            let dated = len > 1
                && matches!(lowers[i + len - 1], "on" | "in")
                && toks.get(i + len).is_some_and(|t| is_date_word(t.lower));
            if dated {
                match self.lex.cues.longest_at(&lowers[i..i + len - 1]) {
                    Some((f, l)) => (form, len) = (f, l),
                    None => {
                        i += 1;
                        continue;
                    }
                }
            }
            let j = i + len;
            let sentence_initial = i == 0 || toks[i - 1].mark.is_some_and(|(_, open)| open);
            if toks[i].cap && !sentence_initial {
                i += 1;
                continue;
            }
            if toks[i..j].iter().any(|t| t.quote.is_some() || !t.word) {
                i += 1;
                continue;
            }
            if let Some(f) = self.frame_at(toks, text, i, j, form) {
                frames.push(f);
                i = j;
            } else {
                i += 1;
            }
        }
        frames
    }

    #[allow(clippy::too_many_lines)]
    fn frame_at<'l>(
        &self,
        toks: &[Tok],
        text: &str,
        i: usize,
        j: usize,
        form: &'l CueForm,
    ) -> Option<Frame<'l>> {
        let prev = i.checked_sub(1).map(|p| &toks[p]);
        let prev_lower = prev.map_or("", |t| t.lower);
        // `TASS quoted Peskov as saying ...`: the frame is the saying's.
        let relays_saying = matches!(toks[i].lower, "quoted" | "quotes" | "cited" | "cites")
            && (j + 1..(j + 7).min(toks.len())).any(|k| {
                toks[k - 1].is("as") && matches!(toks[k].lower, "saying" | "telling" | "stating")
            });
        // `White House press secretary Karoline Leavitt`, `a press
        // conference`: a noun compound, not the verb.
        let compound = toks[i].is("press")
            && toks
                .get(j)
                .is_some_and(|n| PRESS_COMPOUNDS.contains(n.lower));
        // `a diplomat, who spoke to RFE/RL on condition that he not be
        // identified, said ...`: the anonymity phrase reports nothing.
        let anonymity = toks[j..(j + 6).min(toks.len())]
            .windows(2)
            .any(|w| w[0].is("on") && matches!(w[1].lower, "condition" | "the"))
            && toks[j..(j + 7).min(toks.len())]
                .iter()
                .any(|t| t.is("condition"));
        // `reported, citing two sources, that ...`, `citing Interfax`: the
        // sources of a report, not what anyone said.
        let cites_source = form.lemma == "cite"
            && toks[j..(j + 5).min(toks.len())]
                .iter()
                .take_while(|t| t.word)
                .enumerate()
                .any(|(n, t)| ANON_NOUNS.contains(t.lower) || (n == 0 && t.cap));
        // `who asked that his name not be published`, `asked not to be
        // named`: a request for anonymity reports nothing.
        let asks_anonymity = matches!(form.lemma.as_str(), "ask" | "request")
            && ((j..(j + 7).min(toks.len())).any(|p| {
                // `that his name not be published`, `that her identity be
                // withheld`; not `to put his name to a deal`.
                toks.get(p + 1).is_some_and(|n| {
                    matches!(toks[p].lower, "his" | "her" | "their" | "its")
                        && matches!(n.lower, "name" | "surname" | "identity" | "names")
                }) && toks[p + 2..(p + 5).min(toks.len())]
                    .iter()
                    .any(|t| t.is("not") || t.is("withheld"))
            }) || [["not", "to", "be"], ["to", "not", "be"]].iter().any(|p| {
                toks.get(j..j + 3)
                    .is_some_and(|w| w.iter().zip(p).all(|(t, x)| t.is(x)))
            }));
        if relays_saying || compound || anonymity || cites_source || asks_anonymity {
            return None;
        }
        let cue_text = join_text(&toks[i..j], text);
        let mut frame = Frame {
            cue_i: i,
            cue_j: j,
            cue_text,
            form,
            participle: form.participle,
            subj: None,
            speaker: None,
            content: None,
            region_start: i,
            region_end: toks.len(),
            kind_hint: FrameKind::Normal,
            np_content: false,
            continuation: None,
        };
        if form.classes.phrase {
            return self.phrase_frame(toks, text, frame);
        }
        // `a person briefed on the discussions said`, `a French diplomat
        // posted in Tbilisi`: a participle describing an unnamed source, not
        // its verb.
        let describes_source = prev.is_some_and(|p| ANON_NOUNS.contains(p.lower))
            && ANON_POSTMODIFIERS.iter().any(|m| {
                // Not `posted on Telegram`.
                m[0] == toks[i].lower
                    && (m.len() == 1
                        && toks
                            .get(j)
                            .is_some_and(|t| PREPOSITIONS.contains(t.lower) && !t.is("on"))
                        || (m.len() == 2 && toks.get(j).is_some_and(|t| t.is(m[1]))))
            });
        if describes_source {
            return None;
        }
        // `shot down the proposal` rejects it; `shot down a reconnaissance
        // drone` is an act of war.
        if form.lemma == "shoot down" {
            let idea = toks[j..].iter().take(5).take_while(|t| t.word).any(|t| {
                matches!(
                    t.lower,
                    "idea"
                        | "ideas"
                        | "proposal"
                        | "proposals"
                        | "plan"
                        | "plans"
                        | "suggestion"
                        | "suggestions"
                        | "report"
                        | "reports"
                        | "claim"
                        | "claims"
                        | "notion"
                        | "request"
                        | "requests"
                        | "talk"
                        | "bill"
                        | "offer"
                        | "demand"
                        | "demands"
                        | "speculation"
                        | "rumours"
                        | "rumors"
                )
            });
            if !idea {
                return None;
            }
        }
        // `called on allies to send more air defence` asks something of
        // them; `called on Putin in Moscow` is a visit.
        if form.lemma == "call on" && !infinitive_within(toks, j, 6) {
            return None;
        }
        // `who asked not to be named`, `asked to remain anonymous`: the
        // terms of the interview, not a statement.
        let after = |n: usize| toks.get(j + n).map_or("", |t| t.lower);
        let anonymity = matches!(
            (after(0), after(1), after(2), after(3)),
            ("not", "to", "be", "named" | "identified" | "quoted")
                | ("to", "remain", "anonymous", _)
                | ("anonymity", _, _, _)
                | ("to", "speak", "anonymously", _)
        );
        if anonymity {
            return None;
        }
        // `pushing back against suggestions from Washington that a deal
        // could unlock a ceasefire`: the noun's source, then its clause.
        if form.classes.noun && toks.get(j).is_some_and(|t| t.is("from")) {
            let that = (j + 2..(j + 8).min(toks.len()))
                .take_while(|&n| toks[n].word && toks[n].quote.is_none())
                .find(|&n| toks[n].is("that"));
            let sourced = that.filter(|&b| {
                toks[j + 1..b].iter().all(|t| !t.finite_or_modal())
                    && b + 1 < toks.len()
                    && self.looks_like_clause(toks, b + 1)
            });
            if let Some(b) = sourced {
                frame.subj = Some((j + 1, b));
                frame.content = Some((b + 1, toks.len()));
                return Some(frame);
            }
        }
        if form.classes.noun && !form.classes.clause && !form.classes.np {
            return None;
        }
        // Noun uses (`the report`, `his remarks`, `Putin’s declared truce`).
        if prev.is_some_and(|p| p.poss) || NOUN_DETERMINERS.contains(prev_lower) {
            return None;
        }
        // Infinitives, modals and negation report nothing (`declined to say`).
        if form.base && MODALS.contains(prev_lower) {
            return None;
        }
        if prev_lower == "not" || prev_lower == "never" || prev_lower == "didn't" {
            return None;
        }
        // Passive past participles (`was confirmed`) are not reports by the subject.
        if !form.participle && !form.base && BE_FORMS.contains(prev_lower) {
            return None;
        }
        // A noun that heads the subject (`A Financial Times report claimed`).
        let next_is_verb =
            toks.get(j).is_some_and(|n| {
                n.word
                    && !n.cap
                    && (FINITE_VERBS.contains(n.lower)
                        || self.lex.cues.longest_at(&[n.lower]).is_some_and(|(f, _)| {
                            !f.participle && !f.base && !n.lower.ends_with('s')
                        }))
            });
        if next_is_verb && (form.base || toks[i].lower.ends_with('s')) {
            return None;
        }
        // Progressive `is demanding` is a finite verb, not a participle.
        let progressive = form.participle && BE_FORMS.contains(prev_lower);
        let participle = form.participle && !progressive;
        frame.participle = participle;
        if form.classes.cognition && !form.classes.clause {
            let next_that = toks.get(j).is_some_and(|t| t.is("that"));
            if !next_that {
                return None;
            }
        }

        // Subject: to the left (normal), or right after the cue (inverted).
        let left_end = self.skip_adverbs_left(toks, i);
        let inverted = {
            let before_is_sep = left_end == 0 || after_separator(toks, left_end);
            before_is_sep
                && left_end == i
                && form.classes.clause
                && !participle
                && toks.get(j).is_some_and(|t| {
                    t.word
                        && t.quote.is_none()
                        && !matches!(
                            t.lower,
                            "his" | "her" | "their" | "its" | "our" | "my" | "that" | "this"
                        )
                })
        };
        // `“We will fight on,” warned Zelensky.`, `“...,” assures General
        // Thierry Marchand`: right after a quotation, a verb that may take a
        // recipient has its subject after it (never `told`: `“...,” told
        // Reuters` is not English).
        let after_quote =
            i >= 2 && toks[i - 1].is_comma() && toks[i - 2].mark.is_some_and(|(_, open)| !open)
                || i >= 1 && toks[i - 1].mark.is_some_and(|(_, open)| !open);
        let inverted_recipient = form.classes.recipient
            && after_quote
            && form.lemma != "tell"
            && toks.get(j).is_some_and(|t| {
                !matches!(
                    t.lower,
                    "him" | "her" | "them" | "us" | "me" | "you" | "reporters" | "journalists"
                )
            });
        if inverted && (!form.classes.recipient || inverted_recipient) {
            if let Some((a, np_end)) = self.np_right(toks, j) {
                // `“...,” said Zelenskyy on Thursday.`, `said Peskov in a
                // statement`: the adverbials after the name are not its.
                // A preposition opens one before a determiner, a name or a
                // date (not `shot at repair crews`).
                // `said one western official involved in the discussions`,
                // `said a diplomat briefed on the talks`: a source's
                // participle and its object describe the source.
                let source_participle = |p: usize| {
                    p > a
                        && toks[p].lower.ends_with("ed")
                        && !toks[p].cap
                        && ANON_NOUNS.contains(toks[p - 1].lower)
                        && toks
                            .get(p + 1)
                            .is_some_and(|n| PREPOSITIONS.contains(n.lower))
                };
                let b = (a + 1..np_end)
                    .find(|&p| {
                        if source_participle(p - 1) {
                            return false;
                        }
                        let next = toks.get(p + 1).filter(|_| p + 1 < np_end);
                        let phrase_opens = next.is_some_and(|n| {
                            NOUN_DETERMINERS.contains(n.lower) || n.cap || is_date_word(n.lower)
                        });
                        match toks[p].lower {
                            "on" | "at" | "during" | "after" | "before" => phrase_opens,
                            "in" => next.is_some_and(|n| NOUN_DETERMINERS.contains(n.lower)),
                            // `late on Sunday`, `earlier this week`; not `the
                            // widow of the late opposition leader`.
                            "late" | "earlier" => next.is_some_and(|n| {
                                matches!(n.lower, "on" | "this" | "last" | "in")
                                    || is_date_word(n.lower)
                            }),
                            "yesterday" | "today" => true,
                            _ => false,
                        }
                    })
                    .unwrap_or(np_end);
                let ends = np_end >= toks.len()
                    || toks[np_end].punct(".")
                    || toks[np_end].is_comma()
                    || toks[np_end].punct(";")
                    || matches!(toks[np_end].lower, "who" | "whose" | "which");
                // `said Commander Jari Lehtinen of the Gulf of Finland Coast
                // Guard District`: a long name of where the speaker serves.
                let named_body = || {
                    (a + 1..b)
                        .find(|&p| toks[p].is("of") || toks[p].is("from"))
                        .is_some_and(|of| {
                            toks[of + 1..b]
                                .iter()
                                .all(|t| t.cap || matches!(t.lower, "the" | "of" | "and" | "for"))
                        })
                };
                // `said the minister` / `said Zelensky`, not `said the risk
                // remained low` after an appositive.
                let speaker_like = (b - a <= 8 || (b - a <= 16 && named_body()))
                    && !PREPOSITIONS.contains(toks[a].lower)
                    && (a..b).all(|p| {
                        let t = &toks[p];
                        !FINITE_VERBS.contains(t.lower)
                            && (!t.lower.ends_with("ed")
                                || t.cap
                                || t.lower.len() <= 4
                                || source_participle(p))
                            && !MODALS.contains(t.lower)
                    })
                    && toks[a..b].iter().any(|t| {
                        t.cap || ANON_NOUNS.contains(t.lower) || self.lex.title(t.lower).is_some()
                    });
                if ends && speaker_like && left_end > 0 {
                    // `said Ukraine's energy minister, Svitlana Hrynchuk.`:
                    // the name after the description is the speaker.
                    let name_run = if toks.get(b).is_some_and(|t| t.is_comma()) {
                        toks[b + 1..]
                            .iter()
                            .take_while(|t| t.word && t.cap && !self.is_title_word(t.lower))
                            .count()
                    } else {
                        0
                    };
                    // A description has a common word (`energy minister`);
                    // `Sen. Lindsey Graham, R-S.C.` is a name and its party.
                    let described = toks[a..b].iter().any(|t| t.word && !t.cap);
                    let named_after = described
                        && (1..=4).contains(&name_run)
                        && toks
                            .get(b + 1 + name_run)
                            .is_none_or(|t| t.punct(".") || t.punct(";"));
                    let (a, b) = if named_after {
                        (b + 1, b + 1 + name_run)
                    } else {
                        (a, b)
                    };
                    frame.subj = Some((a, b));
                    frame.kind_hint = FrameKind::Trailing;
                    frame.region_start = 0;
                    frame.content = Some((0, left_end - 1));
                    frame.region_end = b;
                    return Some(frame);
                }
            }
        }
        if participle && prev_lower == "as" {
            // `Putin was quoted by TASS as saying that ...`, `... was cited
            // as saying`: the passive's subject is the speaker.
            let from = i.saturating_sub(9);
            let quoted = toks[from..i]
                .iter()
                .rposition(|t| t.is("quoted") || t.is("cited"))
                .map(|q| from + q);
            if let Some(q) = quoted {
                let left = self.skip_adverbs_left(toks, q);
                let passive = toks[left..q]
                    .iter()
                    .any(|t| matches!(t.lower, "was" | "were" | "is" | "are"));
                // `TASS quoted Peskov as saying ...`: the object is the
                // speaker, the agency only relays.
                let object = (!passive && q + 1 < i - 1)
                    .then(|| self.np_left(toks, i - 1))
                    .flatten()
                    .filter(|&(a, _)| a == q + 1);
                let (a, b) = if passive {
                    self.subject_left(toks, left)?
                } else {
                    object?
                };
                frame.subj = Some((a, b));
                frame.region_start = a;
                frame.participle = false;
            }
        }
        // `..., with Belgium warning that the move could expose it`: the
        // noun between `with` and the participle is its subject.
        if participle && frame.subj.is_none() {
            if let Some((a, b)) = self
                .np_left(toks, i)
                .filter(|&(a, b)| a >= 1 && b == i && toks[a - 1].is("with") && b - a <= 6)
            {
                frame.subj = Some((a, b));
                frame.region_start = a - 1;
                frame.participle = false;
            }
        }
        if frame.subj.is_some() {
            // Set above by the passive `quoted as saying` or by `with`.
        } else if participle {
            // Its subject is the clause's; only when attached to a clause.
            let attached = prev.is_some_and(|p| {
                p.is_comma()
                    || p.is("and")
                    || p.is("but")
                    || p.is("while")
                    || p.is("by")
                    || p.is("after")
                    || p.is("before")
                    || p.mark.is_some()
                    || p.punct("—")
                    || p.punct("–")
            });
            if !attached || i < 2 {
                return None;
            }
            // `Yulia Shapovalova, reporting from Kyiv, said ...`: where a
            // correspondent speaks from, not what she reports.
            if toks.get(j).is_some_and(|t| t.is("from")) {
                return None;
            }
        } else {
            let subj = self.subject_left(toks, left_end);
            match subj {
                // `Not everyone in Kyiv agrees that ...`: a negated
                // quantifier says who does not hold the view, no one's words.
                Some((a, _)) if a >= 1 && toks[a - 1].is("not") => {
                    return None;
                }
                // `54 percent of Germans support continuing aid`, `a
                // majority of Ukrainians oppose ...`: a poll's finding.
                Some((a, _))
                    if a >= 2
                        && toks[a - 1].is("of")
                        && matches!(
                            toks[a - 2].lower,
                            "percent"
                                | "%"
                                | "cent"
                                | "majority"
                                | "minority"
                                | "half"
                                | "third"
                                | "quarter"
                                | "share"
                                | "proportion"
                        ) =>
                {
                    return None;
                }
                Some((a, b)) => {
                    frame.subj = Some((a, b));
                    frame.region_start = a;
                }
                None => {
                    // Coordinated verb sharing an earlier subject (`... and stressed that`).
                    let coordinated = left_end > 0
                        && (toks[left_end - 1].is("and") || toks[left_end - 1].is("but"));
                    if !coordinated {
                        return None;
                    }
                }
            }
        }
        // Content to the right.
        let mut k = j;
        // `described the talks as constructive`, `branded it “a trap”`; not
        // `casting fresh doubt on ...`.
        let ascribes = toks[j..(j + 12).min(toks.len())]
            .iter()
            .take_while(|t| !t.punct(".") && !t.punct(";"))
            .any(|t| t.is("as") || t.mark.is_some_and(|(_, open)| open));
        // Not `called for sanctions on Russian gas to be lifted
        // “immediately”`: a demand, its quoted word a fragment of it.
        let demands = toks
            .get(j)
            .is_some_and(|t| matches!(t.lower, "for" | "on" | "that"));
        if form.classes.ascriptive && !form.classes.clause && ascribes && !demands {
            frame.kind_hint = FrameKind::Ascriptive;
            frame.content = Some((j, toks.len()));
            frame.np_content = true;
            return Some(frame);
        }
        if form.classes.ascriptive {
            // `called the talks “productive”`, `described X as Y`: an object and
            // then a quote or `as`, before any `that`.
            let upto = (j + 12).min(toks.len());
            let has_as_or_quote = toks[j..upto]
                .iter()
                .take_while(|t| !t.is_comma() && !t.is("that"))
                .any(|t| t.is("as") || t.mark.is_some_and(|(_, o)| o));
            let starts_np = toks.get(j).is_some_and(|t| t.word);
            if has_as_or_quote
                && starts_np
                && !toks
                    .get(j)
                    .is_some_and(|t| t.is("that") || t.is("for") || t.is("on"))
            {
                frame.kind_hint = FrameKind::Ascriptive;
                frame.content = Some((j, toks.len()));
                frame.np_content = true;
                return Some(frame);
            }
        }
        // `As Zelensky said, the war must end.`: the clause after a fronted
        // attribution is its content.
        let fronted_as = frame.subj.is_some_and(|(a, _)| {
            a >= 1
                && toks[a - 1].is("as")
                && (a == 1 || (a == 2 && matches!(toks[0].lower, "but" | "and" | "yet")))
        });
        // Not `As Ukrinform reported, on February 26, 2014, ...`: the
        // outlet's own earlier reporting is narration.
        if fronted_as
            && form.classes.clause
            && form.lemma != "report"
            && toks.get(k).is_some_and(Tok::is_comma)
            && k + 1 < toks.len()
            && self.looks_like_clause(toks, k + 1)
        {
            frame.content = Some((k + 1, toks.len()));
            return Some(frame);
        }
        let after_time = self.skip_time_adverbials(toks, k);
        // Trailing position: nothing to the right (`“...,” Zelensky said.`).
        let nothing_right = k >= toks.len()
            || toks[k].punct(".")
            || toks[k].punct(";")
            || (toks[k].is_comma()
                && toks.get(k + 1).is_none_or(|t| {
                    t.word
                        && (self
                            .lex
                            .cues
                            .longest_at(&[t.lower])
                            .is_some_and(|(f, _)| f.participle)
                            || t.is("while")
                            || t.is("although")
                            || t.is("though")
                            || t.is("but")
                            || t.is("and"))
                }))
                // Not `said, though, that ...`: a connective set off before
                // the clause.
                && !after_time.is_some_and(|m| m > k && toks[m - 1].is_comma())
            // `“...,” the general told “Kommersant”.`
            || (form.classes.recipient
                && name_in_marks_end(toks, k).is_some_and(|m| {
                    m >= toks.len()
                        || toks[m].punct(".")
                        || toks[m].punct(";")
                        || self.only_adjuncts_follow(toks, m, form)
                }));
        // `“We'll see,” Trump said when asked whether ...`, `... said after
        // meeting Macron`: a reduced adverbial clause of the cue.
        let trailing_position = frame.subj.is_some_and(|(a, _)| after_separator(toks, a));
        let reduced_adverbial = trailing_position
            && toks
                .get(k)
                .is_some_and(|t| matches!(t.lower, "when" | "after" | "before" | "while" | "if"))
            && toks
                .get(k + 1)
                .is_some_and(|t| t.word && !t.cap && (t.is("asked") || t.looks_participle()));
        // `“...,” Zelenskyy said in his office in central Kyiv, surrounded
        // by sandbags.`, `“...,” Lavrov said at a press conference following
        // talks with ...`: after the quotation it attributes, what follows
        // the cue says where and how, unless a content clause opens there.
        let after_quotation = frame.subj.is_some_and(|(a, _)| {
            let closing = |t: &Tok| t.mark.is_some_and(|(_, open)| !open);
            (a >= 1 && closing(&toks[a - 1]))
                || (a >= 2 && toks[a - 1].is_comma() && closing(&toks[a - 2]))
        });
        let adjuncts_after_quotation = after_quotation
            && !self.content_opens(toks, after_time.unwrap_or(k))
            && !self.verb_before_comma(toks, k);
        // `Russia is ready to resume talks, Putin said at a meeting with US
        // Special Envoy Steve Witkoff in the Kremlin.`: after the clause it
        // attributes, the cue's adverbials run to the sentence's end.
        // Not after a fronted adverbial (`Earlier this month, special forces
        // shot down a drone`), nor before a verb's object.
        let after_clause = frame.subj.is_some_and(|(a, _)| {
            a >= 2
                && toks[a - 1].is_comma()
                && toks[..a - 1].iter().any(|t| {
                    t.word && t.quote.is_none() && (t.finite_or_modal() || t.looks_past_tense())
                })
        });
        let adverbial_next = toks.get(after_time.unwrap_or(k)).is_none_or(|t| {
            t.punct(".")
                || PREPOSITIONS.contains(t.lower)
                || ADJUNCT_OPENERS.contains(t.lower)
                || SUBORDINATORS.contains(t.lower)
                || t.looks_participle()
        });
        let adjuncts_to_end = after_clause
            && !after_quotation
            && form.classes.clause
            && adverbial_next
            && self.adjuncts_to_sentence_end(toks, k);
        // `The UAE has mediated an exchange of 390 prisoners, the ministry
        // said on Saturday, the largest swap the Emirates has helped to
        // arrange.`: after the clause it attributes, a noun phrase set off
        // by a comma is the reporter's comment on it.
        let comment_after = after_clause && !after_quotation && {
            let m = after_time.unwrap_or(k);
            toks.get(m).is_some_and(Tok::is_comma)
                && toks
                    .get(m + 1)
                    .is_some_and(|t| matches!(t.lower, "the" | "a" | "an"))
        };
        // `reported on Monday, citing two sources, that ...`: the phrase
        // set off before `that` leaves the clause to come.
        let that_follows = after_time.is_some_and(|m| {
            m > k + 1 && toks[m - 1].is_comma() && toks.get(m).is_some_and(|t| t.is("that"))
        });
        let nothing_right = !that_follows
            && (nothing_right
                || adjuncts_after_quotation
                || adjuncts_to_end
                || comment_after
                || reduced_adverbial
                || after_time.is_some_and(|m| m >= toks.len() || toks[m].punct("."))
                || self.only_adjuncts_follow(toks, k, form)
                || self.comma_adjunct_closes(toks, after_time.unwrap_or(k)));
        if nothing_right {
            // Right after a verb that takes an infinitive, `to` and a verb
            // are its complement, not an adverbial: `The plan is dead,
            // Hungary has threatened to block it.` attributes nothing to its
            // first clause. A recipient after `to` is an adverbial still
            // (`“...,” he vowed to supporters.`).
            if form.classes.inf && infinitive_at(toks, k) {
                return None;
            }
            let mut a = frame.subj.map_or(i, |(a, _)| a);
            // `“...,” the minister, Oleh Tkach, said`: the description before
            // the appositive name belongs to the attribution, not the content.
            if a >= 2 && toks[a - 1].is_comma() {
                if let Some((d, _)) = self.np_left(toks, a - 1) {
                    let after_quote = after_separator(toks, d);
                    if after_quote {
                        a = d;
                    }
                }
            }
            // What a short verbless phrase before the subject and its comma
            // holds is nobody's words: a description of the subject before
            // its appositive name (`The Kremlin spokesperson, Dmitry Peskov,
            // has responded to the comments, ...`), or a fronted
            // prepositional phrase that sets the scene (`For his part,
            // Lavrov briefed Wang on the talks.`).
            let before_subject = &toks[..a.saturating_sub(1)];
            let says_nothing = a >= 2
                && toks[a - 1].is_comma()
                && a - 1 <= 6
                && before_subject.iter().all(|t| {
                    t.word && t.quote.is_none() && !t.finite_or_modal() && !t.looks_past_tense()
                })
                && (PREPOSITIONS.contains(toks[0].lower)
                    || before_subject.iter().all(|t| {
                        t.cap
                            || t.poss
                            || self.is_title_word(t.lower)
                            || NOUN_DETERMINERS.contains(t.lower)
                            || DETERMINERS.contains(t.lower)
                    }));
            if after_separator(toks, a) && !says_nothing {
                frame.kind_hint = FrameKind::Trailing;
                frame.content = Some((0, a - 1 + usize::from(toks[a - 1].mark.is_some())));
                if toks[a - 1].mark.is_some() {
                    frame.content = Some((0, a));
                }
                frame.region_start = 0;
                return Some(frame);
            }
            // Only words that say something claim the quotation before them:
            // `“...” Kyiv disagrees.` or `Zelensky agreed.` react to it.
            if a == 0 && frame.subj.is_some() && TAIL_LEMMAS.contains(form.lemma.as_str()) {
                frame.kind_hint = FrameKind::Tail;
                frame.region_start = 0;
                return Some(frame);
            }
            return None;
        }
        if let Some(m) = after_time {
            k = m;
        }
        // Not an appositive's or relative clause's verb: `Laurent Dubois, a
        // diplomat posted in Tbilisi, said ...`, `a source, who spoke on
        // condition of anonymity, said ...`.
        // `Truth, they say, is the first casualty of war`: a saying, not a
        // report.
        let saying = toks[i].is("say")
            && frame.subj.is_some_and(|(a, b)| {
                b == a + 1 && matches!(toks[a].lower, "they" | "you" | "one")
            });
        let reports_aside = form.classes.clause
            && !form.classes.cognition
            && !form.classes.noun
            && left_end
                .checked_sub(1)
                .is_none_or(|p| !toks[p].is("who") && !toks[p].is("which"))
            && !participle
            && !saying;
        if let Some((a, _)) = frame.subj.filter(|_| reports_aside) {
            // `Russia, Putin said at a meeting with Witkoff in the Kremlin,
            // is ready`: the clause's adverbials run to its comma.
            let aside_end = if toks
                .get(k)
                .is_some_and(|t| PREPOSITIONS.contains(t.lower) && !t.is("to"))
            {
                toks[k..]
                    .iter()
                    .take(14)
                    .position(|t| !t.word || t.quote.is_some() || FINITE_VERBS.contains(t.lower))
                    .map_or(k, |p| k + p)
            } else {
                k
            };
            let aside_end = if toks.get(aside_end).is_some_and(Tok::is_comma) {
                aside_end
            } else {
                k
            };
            match self.interrupted_content_start(toks, a, aside_end) {
                Some(0) => {
                    frame.kind_hint = FrameKind::Parenthetical;
                    frame.region_start = 0;
                    frame.content = Some((0, toks.len()));
                    return Some(frame);
                }
                Some(c) => {
                    frame.content = Some((c, toks.len()));
                    return Some(frame);
                }
                None => {}
            }
        }
        if let Some(n) = self.adverbial_then_that(toks, k) {
            frame.content = Some((n + 1, toks.len()));
            return Some(frame);
        }
        // `said that ...`, `told reporters on Tuesday that ...`, `her position that ...`
        let mut that_at = None;
        for (n, t) in toks.iter().enumerate().skip(k).take(9) {
            if t.is("that") && t.quote.is_none() {
                that_at = Some(n);
                break;
            }
            // `told reporters on Friday, ahead of a summit, that ...`.
            if t.is_comma() {
                that_at = self.set_off_before_that(toks, n);
                break;
            }
            if t.mark.is_some()
                || t.punct(".")
                || (n > k
                    && self.lex.cues.longest_at(&[t.lower]).is_some_and(|(f, _)| {
                        !f.classes.noun && f.classes.clause && !f.base && !t.is("position")
                    }))
            {
                break;
            }
        }
        if let Some(n) = that_at {
            let between = &toks[k..n];
            // `spoke to RFE/RL on condition that he not be identified`: the
            // clause completes the noun, not the verb.
            let noun_complement = between.last().is_some_and(|t| {
                matches!(
                    t.lower,
                    "condition" | "conditions" | "understanding" | "assumption" | "premise"
                )
            });
            let ok = !noun_complement
                && (between.is_empty()
                    || form.classes.recipient
                    || between.last().is_some_and(|t| {
                        self.lex
                            .cues
                            .longest_at(&[t.lower])
                            .is_some_and(|(f, _)| f.classes.noun)
                    })
                    || PREPOSITIONS.contains(between[0].lower)
                    || between
                        .iter()
                        .all(|t| t.word && (SKIPPABLE.contains(t.lower) || t.cap)));
            // `dismissed any suggestion that Ukraine would accept ...`: what a
            // rejecting verb reports is the rejected notion, not its clause.
            let rejected_notion = REJECTING_CUES.contains(form.lemma.as_str())
                && between.last().is_some_and(|t| !t.cap && t.word)
                && !form.classes.recipient;
            if ok && rejected_notion {
                frame.content = Some((k, toks.len()));
                frame.np_content = false;
                return Some(frame);
            }
            if ok {
                frame.content = Some((n + 1, toks.len()));
                return Some(frame);
            }
        }
        if form.classes.recipient && !form.classes.clause {
            // `called on allies to send more air defence`: the recipient
            // and what it is asked to do.
            if form.classes.inf && infinitive_within(toks, k, 6) {
                frame.content = Some((k, toks.len()));
                return Some(frame);
            }
            return None;
        }
        // `told the forum, “...”`: a recipient, then the quotation.
        if form.classes.recipient {
            // `told “Kommersant”: “...”`
            let from = name_in_marks_end(toks, k).unwrap_or(k);
            let upto = (from + 6).min(toks.len());
            if let Some(m) = toks[from..upto]
                .iter()
                .position(|t| t.mark.is_some_and(|(_, o)| o))
            {
                let between = &toks[from..from + m];
                // Not a clause before the quotation (`told Russian state TV
                // it was “too early” to comment`): that is the content.
                let clause_before = between.iter().any(|t| t.word && t.finite_or_modal());
                if between
                    .iter()
                    .all(|t| t.word || t.is_comma() || t.punct(":"))
                    && (!between.is_empty() || from > k)
                    && !clause_before
                {
                    frame.content = Some((from + m, toks.len()));
                    return Some(frame);
                }
            }
        }
        // `said: “...”`, `stating, “...”`, `declaring on X, “...”`
        let mut q = k;
        while q < toks.len() && (toks[q].punct(":") || toks[q].is_comma()) {
            q += 1;
        }
        // `the general told “Kommersant”.`: the name of the paper told is
        // no quotation of the speaker's.
        let names_recipient =
            form.classes.recipient && q == k && name_in_marks_end(toks, q).is_some();
        if q < toks.len()
            && toks[q].mark.is_some_and(|(_, o)| o)
            && (q > k || form.classes.clause)
            && !names_recipient
        {
            // `“A ceasefire is in our interest,” Kofman says, “but only with
            // guarantees.”`: one quotation split by its attribution, both
            // halves the speaker's.
            if let Some((a, _)) = frame.subj.filter(|_| after_quotation && q > k) {
                frame.kind_hint = FrameKind::Trailing;
                frame.region_start = 0;
                let before = if toks[a - 1].is_comma() { a - 1 } else { a };
                frame.content = Some((0, before));
                frame.continuation = Some((q, toks.len()));
                return Some(frame);
            }
            frame.content = Some((q, toks.len()));
            return Some(frame);
        }
        // On-platform adverbials: `declaring on X, “...”`
        if let Some(m) = self.platform_adverbial(toks, k) {
            let mut q = m;
            while q < toks.len() && (toks[q].punct(":") || toks[q].is_comma()) {
                q += 1;
            }
            if q < toks.len() && toks[q].mark.is_some_and(|(_, o)| o) {
                frame.cue_text = join_text(&toks[i..m], text);
                frame.content = Some((q, toks.len()));
                return Some(frame);
            }
        }
        // `told reporters the talks would resume`, `told a news conference
        // Ukraine would never ...`: without `that`, the recipient comes off
        // the front of the content.
        if form.classes.recipient {
            // `told me the talks had failed`, `told us the front was
            // holding`: an object pronoun is the whole recipient.
            let pronoun = toks
                .get(k)
                .filter(|t| matches!(t.lower, "me" | "us" | "him" | "them"))
                .map(|_| k + 1);
            let recipient = pronoun
                .or_else(|| self.recipient_end(toks, k))
                .or_else(|| self.named_recipient_end(toks, k));
            if let Some(m) = recipient {
                let verb_soon = finite_verb_within(&toks[m..], 12);
                if m < toks.len()
                    && toks[m].word
                    && !toks[m].is("to")
                    && (verb_soon || self.looks_like_clause(toks, m))
                {
                    frame.content = Some((m, toks.len()));
                    return Some(frame);
                }
            }
        }
        let next = toks.get(k)?;
        if form.classes.of && next.is("of") {
            frame.content = Some((k + 1, toks.len()));
            frame.np_content = true;
            return Some(frame);
        }
        if form.classes.for_ && next.is("for") {
            frame.content = Some((k + 1, toks.len()));
            frame.np_content = true;
            return Some(frame);
        }
        if form.classes.inf && next.is("to") {
            frame.content = Some((k, toks.len()));
            return Some(frame);
        }
        if form.classes.accuse {
            if let Some(n) = toks[k..(k + 6).min(toks.len())]
                .iter()
                .position(|t| t.is("of"))
            {
                frame.content = Some((k, toks.len()));
                let _ = n;
                return Some(frame);
            }
        }
        // `said on Thursday, the talks would resume next week`: past the
        // cue's date, a comma and then the clause (not past other adverbials:
        // in `agreed to impose sanctions after, Zelensky said, ...` the
        // comma opens an aside).
        let dated = k > 0 && {
            let l = toks[k - 1].lower;
            is_date_word(l)
                || l.bytes().all(|b| b.is_ascii_digit())
                || matches!(
                    l,
                    "week"
                        | "weekend"
                        | "month"
                        | "year"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "night"
                        | "yesterday"
                        | "today"
                        | "earlier"
                        | "later"
                )
        };
        if next.is_comma()
            && after_time == Some(k)
            && dated
            && form.classes.clause
            && !form.classes.cognition
            && toks.get(k + 1).is_some_and(|t| {
                t.word
                    && t.quote.is_none()
                    && !ADJUNCT_OPENERS.contains(t.lower)
                    && !SUBORDINATORS.contains(t.lower)
                    && !PREPOSITIONS.contains(t.lower)
                    && !matches!(t.lower, "and" | "but" | "or" | "adding" | "saying")
                    && !t.looks_participle()
            })
            && self.looks_like_clause(toks, k + 1)
        {
            frame.content = Some((k + 1, toks.len()));
            return Some(frame);
        }
        if !next.word && next.mark.is_none() {
            return None;
        }
        // `said any deal that left the plant ... would amount to ...`: verbs
        // that never take a noun object report a clause even when its subject
        // carries a relative clause.
        let verb_later =
            SAY_LIKE.contains(form.lemma.as_str()) && finite_verb_within(&toks[k..], 30);
        if form.classes.clause
            && !form.classes.cognition
            && (verb_later || self.looks_like_clause(toks, k))
        {
            frame.content = Some((k, toks.len()));
            return Some(frame);
        }
        if form.classes.np && next.word && !PREPOSITIONS.contains(next.lower) {
            frame.content = Some((k, toks.len()));
            frame.np_content = true;
            return Some(frame);
        }
        None
    }

    /// Whether a comma at `k` opens an adverbial that runs to the end of the
    /// sentence (or to a participle or connector): `“...,” Sybiha said, as
    /// Russian troops advanced.`, `..., a day after the summit.`, `..., in a
    /// video address.`, `..., according to Interfax.` Such a cue reports
    /// nothing to its right.
    fn comma_adjunct_closes(&self, toks: &[Tok], k: usize) -> bool {
        if !toks
            .get(k)
            .is_some_and(|t| t.is_comma() && t.quote.is_none())
        {
            return false;
        }
        let Some(first) = toks.get(k + 1) else {
            return false;
        };
        if !first.word || first.quote.is_some() {
            return false;
        }
        // `a day after`, `two weeks before`, `hours later`, `less than a day
        // after`, `the day after the summit`.
        let the_time = first.is("the")
            && toks.get(k + 2).is_some_and(|t| {
                matches!(
                    t.lower,
                    "day" | "morning" | "evening" | "night" | "week" | "month" | "year"
                )
            });
        let duration = (DURATION_OPENERS.contains(first.lower)
            || first.lower.bytes().all(|b| b.is_ascii_digit())
            || the_time)
            && toks[k + 2..]
                .iter()
                .take(4)
                .take_while(|t| t.word && !t.cap)
                .any(|t| matches!(t.lower, "after" | "before" | "later" | "earlier" | "ago"));
        // `, pointing out that Moscow had ...`: a participle of the cue.
        let participle = first.looks_participle();
        if !(ADJUNCT_OPENERS.contains(first.lower) || duration || participle) {
            return false;
        }
        for (n, t) in toks.iter().enumerate().skip(k + 2) {
            if t.quote.is_some() || t.mark.is_some() {
                continue;
            }
            if t.punct(".") || t.punct(";") || t.punct("?") || t.punct("!") {
                return true;
            }
            if t.is_comma() {
                return toks.get(n + 1).is_none_or(|next| {
                    next.word
                        && (matches!(next.lower, "while" | "although" | "though" | "but" | "and")
                            || self
                                .lex
                                .cues
                                .longest_at(&[next.lower])
                                .is_some_and(|(f, _)| f.participle))
                });
            }
        }
        true
    }

    /// Where the content of a reporting clause set off by commas inside
    /// its sentence starts, if it is one: its subject starts at `subj_start`
    /// and its cue (with adverbials) ends at `k`, before a comma and a clause
    /// (`, was ready`, `, the mood was grim`). The content is the whole
    /// sentence (0) when the words before it are the reported clause's
    /// subject (`Russia, he said, would never ...`, `The talks, Peskov added
    /// on Monday, could resume ...`); it starts after the clause when they
    /// are the reporter's own (`The EU acted after, Zelensky said, Russia
    /// rejected ...`, `Asked about the plan, Peskov said, without
    /// elaborating, the Kremlin was studying it`). `“...,” he said, “...”`
    /// and `..., he said, adding ...` are other constructions.
    fn interrupted_content_start(
        &self,
        toks: &[Tok],
        subj_start: usize,
        k: usize,
    ) -> Option<usize> {
        let before_plain = subj_start >= 2
            && toks[subj_start - 1].is_comma()
            && toks[..subj_start]
                .iter()
                .all(|t| t.quote.is_none() && t.mark.is_none());
        if !before_plain
            || !toks
                .get(k)
                .is_some_and(|t| t.is_comma() && t.quote.is_none())
        {
            return None;
        }
        // `, without elaborating, the Kremlin was ...`: an adverbial of the
        // reporting clause before the content.
        let mut c = k + 1;
        let opens_adjunct = toks
            .get(c)
            .is_some_and(|t| ADJUNCT_OPENERS.contains(t.lower) || t.looks_participle());
        if opens_adjunct {
            let comma = toks[c..]
                .iter()
                .take(8)
                .take_while(|t| t.word || t.is_comma())
                .position(Tok::is_comma)?;
            c += comma + 1;
        }
        // `..., a diplomat who met him, said ...`: a speech verb right after
        // the comma makes the words before it its subject.
        let continues = toks.get(c).is_some_and(|t| {
            t.word
                && t.quote.is_none()
                && t.mark.is_none()
                && self
                    .lex
                    .cues
                    .longest_at(&[t.lower])
                    .is_none_or(|(f, _)| f.classes.noun)
        });
        let clause = finite_verb_within(&toks[c..], 12)
            || (c < toks.len() && self.looks_like_clause(toks, c));
        if !continues || !clause {
            return None;
        }
        // `The school reopened, officials said, the mayor added on Monday.`:
        // two attributions in a row, not a clause around one.
        let attribution_follows = (c..toks.len()).any(|n| {
            toks[n].word
                && !toks[n].cap
                && self
                    .lex
                    .cues
                    .longest_at(&[toks[n].lower])
                    .is_some_and(|(f, _)| {
                        !f.classes.noun
                            && (CORE_SPEECH.contains(f.lemma.as_str())
                                || TAIL_LEMMAS.contains(f.lemma.as_str()))
                    })
                && self
                    .subject_left(toks, self.skip_adverbs_left(toks, n))
                    .is_some()
                && {
                    let m = self.skip_time_adverbials(toks, n + 1).unwrap_or(n + 1);
                    m >= toks.len() || !toks[m].word
                }
        });
        if attribution_follows {
            return None;
        }
        // `The proposed ceasefire, Peskov said, was unacceptable`: a
        // continuation without a subject of its own (a verb first) needs
        // the words before the clause, whatever they hold.
        let verb_first = toks.get(c).is_some_and(|t| {
            !t.cap
                && (FINITE_VERBS.contains(t.lower)
                    || BE_FORMS.contains(t.lower)
                    || (MODALS.contains(t.lower) && !t.is("to")))
        });
        if verb_first && c == k + 1 {
            return Some(0);
        }
        let before = &toks[..subj_start - 1];
        let first = &before[0];
        let last = &before[before.len() - 1];
        let reporters_own = PREPOSITIONS.contains(first.lower)
            || matches!(
                first.lower,
                "when"
                    | "while"
                    | "if"
                    | "as"
                    | "because"
                    | "since"
                    | "although"
                    | "though"
                    | "once"
                    | "however"
                    | "meanwhile"
                    | "still"
                    | "but"
                    | "and"
                    | "yet"
                    | "so"
            )
            || (first.lower.len() > 4
                && (first.lower.ends_with("ing") || first.lower.ends_with("ed"))
                && before.get(1).is_none_or(|t| !t.cap))
            || matches!(
                last.lower,
                "after"
                    | "before"
                    | "because"
                    | "when"
                    | "where"
                    | "and"
                    | "but"
                    | "since"
                    | "if"
                    | "which"
                    | "that"
                    | "while"
                    | "as"
                    | "or"
                    | "until"
                    | "so"
            )
            || before.iter().enumerate().any(|(n, t)| {
                t.word
                    && !t.cap
                    && (FINITE_VERBS.contains(t.lower)
                        || (MODALS.contains(t.lower) && !t.is("to"))
                        || (n > 0 && t.looks_past_tense()))
            });
        Some(if reporters_own { c } else { 0 })
    }

    /// The end of a recipient noun phrase starting at `k` (`reporters`,
    /// `a news conference`, `state media`, `the BBC's Today programme`): up to
    /// four words ending in a common recipient noun.
    fn recipient_end(&self, toks: &[Tok], k: usize) -> Option<usize> {
        let n = toks[k..]
            .iter()
            .take(4)
            .take_while(|t| t.word && t.quote.is_none())
            .position(|t| RECIPIENT_HEADS.contains(t.lower))?;
        // One noun phrase (`the TASS news agency`): a determiner only opens
        // it. `told Reuters the agency would ...` and `told them parliament
        // would ...` end their recipient before the head, which is the
        // clause's subject.
        let before = &toks[k..k + n];
        let opens_one_phrase = before.iter().enumerate().all(|(p, t)| {
            let determiner = DETERMINERS.contains(t.lower) || NOUN_DETERMINERS.contains(t.lower);
            let object_pronoun = matches!(t.lower, "them" | "him" | "her" | "us" | "me" | "you");
            !object_pronoun && (p == 0 || !determiner)
        });
        opens_one_phrase.then(|| self.after_place_or_day(toks, k + n + 1))
    }

    /// Whether a finite verb or a cue comes after `k` before the clause
    /// ends at a comma or full stop: `“...,” a person briefed on the
    /// discussions said.` reads `briefed` as a participle of the source.
    fn verb_before_comma(&self, toks: &[Tok], k: usize) -> bool {
        // `said as he left Paris`: a subordinate clause's verb is its own.
        toks[k.min(toks.len())..]
            .iter()
            .take_while(|t| {
                !t.is_comma() && !t.punct(".") && !t.punct(";") && !SUBORDINATORS.contains(t.lower)
            })
            .enumerate()
            .any(|(n, _)| verb_at(toks, k + n))
    }

    /// Whether only adverbials follow `k` to the end of the sentence: no
    /// verb before it ends, a subordinate clause opens or a comma leads to
    /// a participle or an adverbial (`said at a meeting with US Special
    /// Envoy Steve Witkoff in the Kremlin, adding ...`).
    fn adjuncts_to_sentence_end(&self, toks: &[Tok], k: usize) -> bool {
        for (n, t) in toks.iter().enumerate().skip(k).take(30) {
            if t.punct(".") || t.punct("?") || t.punct("!") || SUBORDINATORS.contains(t.lower) {
                return true;
            }
            if t.is_comma() {
                return toks.get(n + 1).is_some_and(|next| {
                    next.looks_participle()
                        || ADJUNCT_OPENERS.contains(next.lower)
                        || SUBORDINATORS.contains(next.lower)
                });
            }
            if !t.word || t.quote.is_some() || t.punct(";") || verb_at(toks, n) || t.is("that") {
                return false;
            }
        }
        toks.len() <= k + 30
    }

    /// Whether a content clause opens at `m`, right after a cue and its time
    /// adverbials: `that`, a colon or quotation, or a clause that starts
    /// with its subject; not a preposition, an adverbial opener, a
    /// participle (`following talks`, `flanked by aides`) or a comma.
    fn content_opens(&self, toks: &[Tok], m: usize) -> bool {
        let Some(t) = toks.get(m) else {
            return false;
        };
        if t.is_comma() {
            return toks
                .get(m + 1)
                .is_some_and(|n| n.mark.is_some_and(|(_, open)| open));
        }
        if t.is("that") || t.punct(":") || t.mark.is_some_and(|(_, open)| open) {
            return true;
        }
        // `told reporters aboard his plane as it left Paris`: the clause
        // is read up to a subordinate one.
        let upto = toks[m..]
            .iter()
            .position(|t| SUBORDINATORS.contains(t.lower))
            .map_or(toks.len(), |p| m + p);
        t.word
            && t.quote.is_none()
            && !PREPOSITIONS.contains(t.lower)
            && !ADJUNCT_OPENERS.contains(t.lower)
            && !t.looks_participle()
            && !t.looks_past_tense()
            && self.looks_like_clause(&toks[..upto], m)
    }

    /// The `that` opening the content after a reduced adverbial clause of
    /// the cue at `k`: `said when asked about sanctions that he would not
    /// lift them`, `said, when pressed, that ...`, `said after meeting
    /// Macron that ...`.
    fn adverbial_then_that(&self, toks: &[Tok], k: usize) -> Option<usize> {
        let at = k + usize::from(toks.get(k).is_some_and(Tok::is_comma));
        let opener = toks.get(at)?;
        let verb = toks.get(at + 1)?;
        let reduced = matches!(opener.lower, "when" | "after" | "before" | "while" | "if")
            && verb.word
            && !verb.cap
            && (matches!(verb.lower, "asked" | "pressed" | "questioned")
                || verb.looks_participle());
        if !reduced {
            return None;
        }
        let n = toks
            .iter()
            .enumerate()
            .skip(at + 2)
            .take(14)
            .take_while(|(_, t)| !t.punct(".") && !t.punct(";") && t.mark.is_none())
            .find(|(_, t)| t.is("that") && t.quote.is_none())
            .map(|(n, _)| n)?;
        // `when asked about that proposal Russia would ...`: `that` as a
        // determiner, its noun, then the clause's own subject.
        let determiner = toks.get(n + 1).is_some_and(|t| {
            t.word && !t.cap && !PRONOUNS.contains(t.lower) && !DETERMINERS.contains(t.lower)
        }) && toks.get(n + 2).is_some_and(|t| t.word && t.cap);
        (!determiner && n + 1 < toks.len() && self.looks_like_clause(toks, n + 1)).then_some(n)
    }

    /// The end of a named recipient at `k`: `told Reuters the bloc would
    /// act`, `told The Associated Press ...`, `told “Rzeczpospolita” that
    /// ...` (a publication's name in marks, see [`name_in_marks_end`]).
    fn named_recipient_end(&self, toks: &[Tok], k: usize) -> Option<usize> {
        let start = k + usize::from(toks.get(k).is_some_and(|t| t.is("the")));
        let mut m = name_in_marks_end(toks, start).unwrap_or(start);
        let words_from = m;
        while m < toks.len()
            && m - words_from < 4
            && toks[m].word
            && toks[m].cap
            && !toks[m].poss
            && toks[m].quote.is_none()
            && !PRONOUNS.contains(toks[m].lower)
        {
            m += 1;
        }
        let verb_next = toks
            .get(m)
            .is_some_and(|t| t.finite_or_modal() || t.looks_past_tense());
        // `warned the European Union would ...`, `warned Shakhtar Donetsk
        // qualified`: before a verb the names are the clause's subject, or
        // end with it (`told CNN Russia would`), which spelling cannot tell
        // apart.
        if verb_next {
            return None;
        }
        // A subject opens the clause after the name; a bare common noun
        // is more likely the name's head (`warned NATO membership would
        // ...`).
        let mut end = self.after_place_or_day(toks, m);
        // `As the diplomat told TASS, the talks ...`
        if end == m && toks.get(m).is_some_and(Tok::is_comma) {
            end += 1;
        }
        let opens_subject = toks.get(end).is_some_and(|t| {
            t.word
                && (t.cap
                    || DETERMINERS.contains(t.lower)
                    || NOUN_DETERMINERS.contains(t.lower)
                    || PRONOUNS.contains(t.lower)
                    || t.lower.starts_with(|c: char| c.is_ascii_digit()))
        });
        (m > start && opens_subject).then_some(end)
    }

    /// `m`, or past a place or day right after it (`in The Hague`, `on
    /// Saturday,`): a capitalised run after `in`, `at`, `on` or `from`,
    /// stopping before a possessive (`in Bratislava Ukraine's neutrality`),
    /// and a comma after it.
    fn after_place_or_day(&self, toks: &[Tok], m: usize) -> usize {
        let Some(first) = toks.get(m) else { return m };
        if !matches!(first.lower, "in" | "at" | "on" | "from") {
            return m;
        }
        let mut n = m + 1;
        if toks.get(n).is_some_and(|t| t.is("the")) {
            n += 1;
        }
        let start = n;
        while toks
            .get(n)
            .is_some_and(|t| t.word && t.cap && !t.poss && t.quote.is_none())
        {
            n += 1;
            if n - start == 3 {
                break;
            }
        }
        if n == start {
            return m;
        }
        // `told a briefing in New Delhi Ukraine would ...`: the run's last
        // name, right before a verb, is the clause's subject.
        let verb_next = toks.get(n).is_some_and(|t| {
            t.looks_past_tense()
                || (t.word
                    && !t.cap
                    && (FINITE_VERBS.contains(t.lower)
                        || (MODALS.contains(t.lower) && !t.is("to"))))
        });
        if verb_next && n - start >= 2 {
            return n - 1;
        }
        if toks.get(n).is_some_and(|t| t.is_comma()) {
            n += 1;
        }
        n
    }

    /// `according to X`, `As X put it`.
    fn phrase_frame<'l>(
        &self,
        toks: &[Tok],
        _text: &str,
        mut frame: Frame<'l>,
    ) -> Option<Frame<'l>> {
        let (i, j) = (frame.cue_i, frame.cue_j);
        if frame.form.words.first().is_some_and(|w| w == "according") {
            let (a, b) = self.np_right(toks, j)?;
            frame.subj = Some((a, b));
            frame.kind_hint = FrameKind::According;
            let leading = toks[..i]
                .iter()
                .all(|t| !t.word || SKIPPABLE.contains(t.lower));
            if leading {
                let mut c = b;
                while c < toks.len() && toks[c].is_comma() {
                    c += 1;
                }
                frame.content = Some((c, toks.len()));
                frame.region_start = i;
            } else {
                let mut end = i;
                while end > 0 && (toks[end - 1].is_comma() || toks[end - 1].punct("—")) {
                    end -= 1;
                }
                // `Witkoff, according to Peskov, had told Putin ...`: set off
                // between a subject and its verb, it reports the sentence.
                let interrupts = end < i
                    && toks.get(b).is_some_and(Tok::is_comma)
                    && !toks[..end]
                        .iter()
                        .any(|t| FINITE_VERBS.contains(t.lower) || t.looks_past_tense())
                    && !toks
                        .get(b + 1)
                        .is_some_and(|t| matches!(t.lower, "who" | "which" | "whose"))
                    && (finite_verb_within(&toks[b + 1..], 3)
                        || toks.get(b + 1).is_some_and(Tok::looks_past_tense));
                if interrupts {
                    frame.kind_hint = FrameKind::Parenthetical;
                    frame.content = Some((0, toks.len()));
                } else {
                    frame.content = Some((0, end));
                }
                frame.region_start = 0;
                frame.region_end = b;
            }
            return Some(frame);
        }
        // `In his opinion, ...`, `In the view of the ministry, ...`, `In
        // her assessment, ...`: the same frame.
        if frame.form.words.first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "words" | "opinion" | "view" | "assessment" | "estimation"
            )
        }) {
            // `In Peskov's words, the proposal was “absurd.”`, `In the words
            // of one diplomat, ...`: opening the sentence, it attributes
            // what follows its comma.
            let in_i = toks[..i].iter().position(|t| t.is("in"))?;
            let leading = toks[..in_i]
                .iter()
                .all(|t| !t.word || SKIPPABLE.contains(t.lower));
            // The speaker and the comma after the phrase.
            let (a, b, comma) = if toks.get(j).is_some_and(|t| t.is("of")) && i == in_i + 2 {
                let (a, b) = self.np_right(toks, j + 1)?;
                (a, b, b)
            } else if i > in_i + 1
                && (toks[i - 1].poss || matches!(toks[i - 1].lower, "his" | "her" | "their"))
            {
                (in_i + 1, i, j)
            } else {
                return None;
            };
            if !leading || !toks.get(comma).is_some_and(Tok::is_comma) {
                return None;
            }
            frame.subj = Some((a, b));
            frame.content = Some((comma + 1, toks.len()));
            frame.region_start = in_i;
            return Some(frame);
        }
        if frame.form.words.first().is_some_and(|w| w == "put") {
            // As one senior European official put it, “...”
            let as_i = toks[..i].iter().rposition(|t| t.is("as"))?;
            frame.subj = Some((as_i + 1, i));
            // `The war will go on “for the foreseeable future,” as one senior
            // official put it to me.`: the quotation just before is theirs.
            let closing = |c: usize| toks[c].mark.filter(|&(_, open)| !open);
            let before = as_i
                .checked_sub(1)
                .filter(|&c| closing(c).is_some())
                .or_else(|| {
                    as_i.checked_sub(2)
                        .filter(|&c| toks[as_i - 1].is_comma() && closing(c).is_some())
                });
            if let Some(close) = before {
                let (qi, _) = toks[close].mark?;
                let open = toks[..close]
                    .iter()
                    .rposition(|t| t.is_mark(qi as usize, true))?;
                frame.content = Some((open, close + 1));
                frame.region_start = open;
                return Some(frame);
            }
            let mut q = j;
            while q < toks.len() && (toks[q].is_comma() || toks[q].punct(":")) {
                q += 1;
            }
            frame.content = Some((q, toks.len()));
            frame.region_start = as_i;
            return Some(frame);
        }
        None
    }

    fn skip_adverbs_left(&self, toks: &[Tok], i: usize) -> usize {
        let mut k = i;
        while k > 0 {
            let t = &toks[k - 1];
            let adverb = t.word
                && !t.cap
                && (SKIPPABLE.contains(t.lower)
                    || (t.lower.ends_with("ly")
                        && t.lower.len() > 4
                        && !ANON_NOUNS.contains(t.lower)));
            if adverb {
                k -= 1;
            } else if let Some(open) = bracket_before(toks, k) {
                k = open;
            } else if let Some(start) = time_phrase_ending_at(toks, k) {
                k = start;
            } else {
                break;
            }
        }
        k
    }

    /// Adverbials right after a cue: `on Tuesday`, `earlier this week`,
    /// `in a statement`, `to reporters`, `firmly`.
    fn skip_time_adverbials(&self, toks: &[Tok], k: usize) -> Option<usize> {
        if let Some(that) = self.set_off_before_that(toks, k) {
            return Some(that);
        }
        let mut m = k;
        let mut moved = false;
        while m < toks.len() && toks[m].word && toks[m].quote.is_none() {
            let l = toks[m].lower;
            if l.ends_with("ly") && l.len() > 4 && !toks[m].cap {
                m += 1;
                moved = true;
                continue;
            }
            if matches!(
                l,
                "only"
                    | "earlier"
                    | "later"
                    | "yesterday"
                    | "today"
                    | "again"
                    | "repeatedly"
                    | "last"
                    | "this"
                    | "week"
                    | "month"
                    | "weekend"
                    | "morning"
                    | "evening"
                    | "night"
                    | "afternoon"
                    | "year"
                    | "afterwards"
                    | "afterward"
            ) {
                m += 1;
                moved = true;
                continue;
            }
            // `said overnight that ...`, not `said overnight strikes had ...`.
            let adverb_here = toks.get(m + 1).is_none_or(|n| {
                !n.word
                    || n.cap
                    || n.is("that")
                    || DETERMINERS.contains(n.lower)
                    || PRONOUNS.contains(n.lower)
            });
            if matches!(l, "overnight" | "tonight") && adverb_here {
                m += 1;
                moved = true;
                continue;
            }
            // `on Thursday`, `in March`, `on Oct. 3`: a date ends its phrase
            // whatever follows (`agreed on Thursday to use ...`).
            // AP's bare dates too: `said Jan. 5 that`, `said Monday that`,
            // `on Nov. 27, 2025, that`.
            // Not before a comma: in `noted last November, drones hit ...`
            // the date opens the content.
            let bare_date =
                toks[m].cap && is_date_word(l) && !toks[m].is("may") && !toks[m].poss && {
                    let mut n = m + 1;
                    while toks
                        .get(n)
                        .is_some_and(|t| t.lower.bytes().all(|b| b.is_ascii_digit()))
                    {
                        n += 1;
                    }
                    // `..., Zelensky said Sunday.`: at the sentence's end.
                    toks.get(n).is_some_and(|t| t.word)
                        || toks[n..]
                            .iter()
                            .all(|t| t.punct(".") || t.punct("!") || t.punct("?"))
                        // `..., the government said Tuesday, underlining the
                        // balancing act`: before a participle's comma.
                        || (toks.get(n).is_some_and(Tok::is_comma)
                            && toks.get(n + 1).is_some_and(|t| {
                                t.looks_participle() || matches!(t.lower, "the" | "a" | "an")
                            }))
                };
            if bare_date
                || (matches!(l, "on" | "in")
                    && toks.get(m + 1).is_some_and(|t| is_date_word(t.lower)))
            {
                m += if bare_date { 1 } else { 2 };
                let digits = |t: &Tok| t.lower.bytes().all(|b| b.is_ascii_digit());
                while toks.get(m).is_some_and(digits) {
                    m += 1;
                }
                let year = toks.get(m).is_some_and(Tok::is_comma)
                    && toks
                        .get(m + 1)
                        .is_some_and(|t| digits(t) && t.lower.len() == 4);
                if year {
                    m += 2;
                    if toks.get(m).is_some_and(Tok::is_comma)
                        && toks.get(m + 1).is_some_and(|t| t.is("that"))
                    {
                        m += 1;
                    }
                }
                moved = true;
                continue;
            }
            if matches!(
                l,
                "on" | "in" | "at" | "during" | "to" | "after" | "before" | "via" | "through"
            ) {
                // A short prepositional phrase: up to 5 words, no verb-ish words.
                // `said on Sunday he was considering ...`: the phrase ends
                // before the content's pronoun subject.
                let mut n = m + 1;
                while n < toks.len()
                    && n <= m + 5
                    && toks[n].word
                    && toks[n].quote.is_none()
                    && !toks[n].is("that")
                    && !FINITE_VERBS.contains(toks[n].lower)
                    && !(n > m + 1 && PRONOUNS.contains(toks[n].lower))
                {
                    n += 1;
                }
                let ends_ok = n >= toks.len()
                    || toks[n].is("that")
                    || (PRONOUNS.contains(toks[n].lower) && toks[n].word)
                    || toks[n].is_comma()
                    || toks[n].punct(":")
                    || toks[n].punct(".");
                if n > m + 1 && ends_ok {
                    m = n;
                    moved = true;
                    continue;
                }
            }
            // `said late on Monday that`, `said early this week that`.
            if matches!(l, "late" | "early")
                && toks.get(m + 1).is_some_and(|n| {
                    matches!(n.lower, "on" | "in" | "this" | "last" | "yesterday")
                        || (n.cap && is_date_word(n.lower))
                })
            {
                m += 1;
                moved = true;
                continue;
            }
            break;
        }
        // `said on Thursday, in the latest effort to revive the talks, that`.
        if moved {
            if let Some(that) = self.set_off_before_that(toks, m) {
                return Some(that);
            }
        }
        moved.then_some(m)
    }

    /// Where `that` stands after a phrase set off by commas between a cue
    /// and its clause, the first comma at `k`: a connective (`cautioned,
    /// however, that`, `said, for his part, that`) or an adverbial (`said on
    /// Thursday, in the latest effort to revive the talks, that`, `told
    /// reporters, after meeting the envoy, that`, `said, ahead of a summit
    /// of EU leaders, that`).
    fn set_off_before_that(&self, toks: &[Tok], k: usize) -> Option<usize> {
        if !toks.get(k).is_some_and(Tok::is_comma) {
            return None;
        }
        // Checked for `that` first: a comma follows many cues, a set-off
        // phrase before `that` few.
        let close = (k + 2..(k + 18).min(toks.len())).find(|&n| !toks[n].word)?;
        if !toks[close].is_comma() || !toks.get(close + 1).is_some_and(|t| t.is("that")) {
            return None;
        }
        let inner = &toks[k + 1..close];
        if inner.len() <= 3 {
            let words: Vec<&str> = inner.iter().map(|t| t.lower).collect();
            if CONNECTIVES.contains(&words.join(" ").as_str()) {
                return Some(close + 1);
            }
        }
        let first = &inner[0];
        // `said on Thursday, the day after the summit, that`, `said, two
        // days later, that`.
        let time = (first.is("the") || DURATION_OPENERS.contains(first.lower))
            && inner.iter().take(4).any(|t| {
                matches!(
                    t.lower,
                    "day" | "days" | "week" | "weeks" | "month" | "months" | "later" | "after"
                )
            });
        let adverbial = (ADJUNCT_OPENERS.contains(first.lower)
            || PREPOSITIONS.contains(first.lower)
            || first.looks_participle()
            || time)
            && inner
                .iter()
                .all(|t| t.quote.is_none() && !t.finite_or_modal());
        adverbial.then_some(close + 1)
    }

    /// After a cue, only a recipient and adverbials up to the end of the
    /// clause: `told reporters after the session.`, `wrote on Telegram,
    /// posting photographs`, `told her weekly briefing.`
    fn only_adjuncts_follow(&self, toks: &[Tok], k: usize, form: &CueForm) -> bool {
        // `told reporters the administration backed sanctions.`: after the
        // recipient, a subject and a past-tense verb are a content clause.
        // Not without a subject (`told reporters gathered outside.`), after
        // a preposition or subordinator (`told reporters after the meeting
        // ended.`) or before `by` (`attended by thousands`).
        if form.classes.recipient {
            if let Some(r) = self.recipient_end(toks, k) {
                let opens_adverbial = toks.get(r).is_some_and(|t| {
                    PREPOSITIONS.contains(t.lower)
                        || matches!(t.lower, "as" | "while" | "when" | "following" | "because")
                });
                let words: Vec<&Tok> = toks[r..]
                    .iter()
                    .take(8)
                    .take_while(|t| t.word && t.quote.is_none())
                    .collect();
                let clause = !opens_adverbial
                    && words.iter().enumerate().any(|(n, t)| {
                        n >= 1
                            && t.looks_past_tense()
                            && !words.get(n + 1).is_some_and(|next| next.is("by"))
                    });
                if clause {
                    return false;
                }
            }
        }
        // A recipient with the place and occasion (`told reporters on the
        // sidelines of the G20 summit in Johannesburg, adding ...`) runs
        // longer than the adverbials of other verbs.
        let reach = if form.classes.recipient && self.recipient_end(toks, k).is_some() {
            16
        } else {
            10
        };
        let mut m = k;
        while m < toks.len() && m < k + reach {
            let t = &toks[m];
            if t.punct(".") || t.punct(";") {
                break;
            }
            if t.is_comma() {
                let next = toks.get(m + 1);
                let clause_ends = next.is_none_or(|n| {
                    n.word
                        && (self
                            .lex
                            .cues
                            .longest_at(&[n.lower])
                            .is_some_and(|(f, _)| f.participle)
                            || n.lower.ends_with("ing")
                            || matches!(
                                n.lower,
                                "while" | "although" | "though" | "but" | "and" | "as"
                            ))
                });
                // `told reporters, a day after the summit.`: a recipient
                // running to the comma, then an adverbial.
                let recipient_then_adjunct = self
                    .recipient_end(toks, k)
                    .is_some_and(|r| r == m || self.after_place_or_day(toks, r) == m)
                    && self.comma_adjunct_closes(toks, m);
                if clause_ends || recipient_then_adjunct {
                    break;
                }
                return false;
            }
            let l = t.lower;
            let verbish =
                FINITE_VERBS.contains(l) || (MODALS.contains(l) && l != "to") || l == "that";
            // `urged allies to keep up the pressure.`: an object, then the
            // infinitive the verb takes.
            let complement = form.classes.inf && m > k && infinitive_at(toks, m);
            if !t.word || t.mark.is_some() || t.quote.is_some() || verbish || complement {
                return false;
            }
            m += 1;
        }
        if m == k || m >= k + reach {
            return false;
        }
        // A bare noun phrase after a non-recipient verb is its object
        // (`confirmed the visit.`), not an adjunct.
        // `“...,” Rubio said of the meeting.`: `of` is an adjunct unless the
        // verb takes it (`warned of a trap`).
        form.classes.recipient
            || form.classes.posted
            || (toks[k].is("of") && !form.classes.of)
            || matches!(
                toks[k].lower,
                "on" | "in"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "via"
                    | "to"
                    | "from"
                    | "later"
                    | "earlier"
                    | "firmly"
                    | "again"
                    | "afterwards"
                    | "aboard"
            )
    }

    fn platform_adverbial(&self, toks: &[Tok], k: usize) -> Option<usize> {
        let t = toks.get(k)?;
        if !(t.is("on") || t.is("in") || t.is("via")) {
            return None;
        }
        let mut m = k + 1;
        while m < toks.len() && m <= k + 4 && toks[m].word {
            let l = toks[m].lower;
            if PRONOUNS.contains(l) || FINITE_VERBS.contains(l) || MODALS.contains(l) {
                return None;
            }
            m += 1;
        }
        let before_quote = toks
            .get(m)
            .is_some_and(|t| t.is_comma() || t.punct(":") || t.mark.is_some());
        before_quote.then_some(m)
    }

    fn looks_like_clause(&self, toks: &[Tok], k: usize) -> bool {
        // `said the measures, which target 70 vessels, would tighten the
        // screws`: a relative clause set off by commas between a subject
        // and its verb.
        let end = toks.len();
        let relative_at = (k + 1..(k + 6).min(end)).find(|&p| {
            toks[p].is_comma()
                && toks
                    .get(p + 1)
                    .is_some_and(|x| matches!(x.lower, "which" | "who"))
        });
        if let Some(p) = relative_at {
            let subject = toks[k..p]
                .iter()
                .all(|t| t.word && t.quote.is_none() && !t.finite_or_modal());
            let closing =
                (p + 2..(p + 30).min(end)).find(|&q| toks[q].is_comma() || toks[q].punct("."));
            let verb_after = closing.is_some_and(|q| {
                toks[q].is_comma() && toks.get(q + 1).is_some_and(Tok::finite_or_modal)
            });
            if subject && verb_after {
                return true;
            }
        }
        // The subject and verb must come before a relative or coordinated
        // clause: `added pressure during a trip, where he said ...` and
        // `confirmed the visit but remains silent` are not clause contents.
        let mut window: Vec<&Tok> = Vec::new();
        for (n, t) in toks[k..].iter().take(16).enumerate() {
            let next = toks.get(k + n + 1);
            let relative = t.is_comma()
                && next.is_some_and(|x| matches!(x.lower, "where" | "when" | "which" | "who"));
            if t.punct(".")
                || t.punct(";")
                || relative
                || matches!(
                    t.lower,
                    "but" | "and" | "while" | "although" | "that" | "which" | "who"
                )
            {
                break;
            }
            window.push(t);
        }
        let mut prev_word = false;
        for (n, t) in window.iter().enumerate() {
            let l = t.lower;
            if FINITE_VERBS.contains(l) || MODALS.contains(l) && l != "to" {
                return true;
            }
            if prev_word && t.looks_past_tense() {
                return true;
            }
            // `say the positions remain far apart`, `said they want
            // guarantees`: a plain present after a plural subject.
            let plural_subject = n > 0 && window[n - 1].quote.is_none() && {
                let w = window[n - 1].lower;
                matches!(w, "they" | "we")
                    || (w.len() > 3
                        && w.ends_with('s')
                        && !w.ends_with("ss")
                        && !window[n - 1].poss
                        && !w.ends_with("ly")
                        && !SKIPPABLE.contains(w)
                        && !DETERMINERS.contains(w)
                        && !NOUN_DETERMINERS.contains(w)
                        && !matches!(
                            w,
                            "this" | "does" | "always" | "perhaps" | "is" | "was" | "has"
                        ))
            };
            if plural_subject && t.quote.is_none() && PLURAL_PRESENT_VERBS.contains(l) {
                return true;
            }
            if prev_word
                && l.len() > 3
                && l.ends_with('s')
                && !l.ends_with("ss")
                && !t.cap
                && !t.poss
            {
                // `involvement hinges upon`, `pressure continues`: a verb in -s
                // after a word and before a preposition or the end.
                let next_is_prep = window.get(n + 1).is_some_and(|x| {
                    x.word && (PREPOSITIONS.contains(x.lower) || x.lower.ends_with("ly"))
                });
                // `said Moscow rejects the proposal`, `said it needs
                // guarantees`: a known verb in -s after a name or a pronoun
                // subject, before its object (not `European leaders to`).
                // `said the plan needs more work`: a determiner and its noun.
                // `said the Kremlin's insistence on neutrality leaves little
                // room`: the content opens with the subject's determiner,
                // words without a verb up to this one.
                let determiner = |t: &Tok| {
                    matches!(
                        t.lower,
                        "the" | "this" | "its" | "their" | "our" | "his" | "her"
                    )
                };
                let noun_subject = (n > 1
                    && determiner(window[n - 2])
                    && window[n - 1].word
                    && !window[n - 1].cap
                    && !window[n - 1].poss)
                    || (n > 2
                        && n <= 7
                        && determiner(window[0])
                        && !window[n - 1].cap
                        && window[1..n].iter().all(|w| {
                            w.word && w.quote.is_none() && !w.finite_or_modal() && !w.is("to")
                        }));
                let named_subject = n > 0
                    && window[n - 1].quote.is_none()
                    && ((window[n - 1].cap && !window[n - 1].poss)
                        || matches!(window[n - 1].lower, "he" | "she" | "it")
                        || noun_subject);
                let known_verb = t.quote.is_none()
                    && (PRESENT_VERBS.contains(l) || self.lex.cues.longest_at(&[l]).is_some());
                let object_follows = window
                    .get(n + 1)
                    .is_some_and(|x| x.word && !x.is("to") && !x.is("of"));
                if next_is_prep || (named_subject && known_verb && object_follows) {
                    return true;
                }
            }
            prev_word = t.word;
        }
        false
    }

    /// The subject noun phrase ending right before token `end`.
    fn subject_left(&self, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
        if end == 0 {
            return None;
        }
        if let Some(name) = given_name_before(toks, end) {
            return Some(name);
        }
        let last = &toks[end - 1];
        // Relative clause: `Rubio, who referred to ...`
        if last.is("who") || last.is("which") {
            if end >= 2 && toks[end - 2].is_comma() {
                // `Michael Anton, the State Department's director of policy
                // planning, who told ...`: the name before the appositive.
                let appositive_open = (end.saturating_sub(16)..end - 2)
                    .rev()
                    .find(|&c| toks[c].is_comma() || !toks[c].word || toks[c].quote.is_some())
                    .filter(|&c| toks[c].is_comma());
                let named = appositive_open
                    .and_then(|c| self.np_left(toks, c))
                    .filter(|&(a, b)| toks[a..b].iter().all(|t| t.cap && !t.poss));
                if named.is_some() {
                    return named;
                }
                return self.np_left(toks, end - 2);
            }
            return self.np_left(toks, end - 1);
        }
        // Appositive or parenthetical between commas: `Yuriy Sak, an adviser to ..., called`
        if last.is_comma() {
            let open = toks[..end - 1]
                .iter()
                .rposition(|t| t.is_comma() && t.quote.is_none())?;
            if let Some(subject) = self.appositive_chain_subject(toks, end - 1) {
                return Some(subject);
            }
            if end - 1 - open > 16 {
                return None;
            }
            // `Its head, Alexei Likhachev, told ...`: the name in the
            // appositive is the speaker.
            // `The commander of the brigade, Lieutenant Colonel Dmytro
            // Kuzmenko, told ...`: the name's titles come with it.
            let whole = &toks[open + 1..end - 1];
            // `Their leader, a former IT manager named Yulia Danylenko,
            // said`: the name the appositive gives is the speaker.
            // A noun before `named`, not `who named`, `newly named`.
            let named = whole.iter().rposition(|t| t.is("named")).filter(|&p| {
                let name = &whole[p + 1..];
                p > 0
                    && !matches!(whole[p - 1].lower, "who" | "which" | "that")
                    && !whole[p - 1].lower.ends_with("ly")
                    && (1..=4).contains(&name.len())
                    && name
                        .iter()
                        .all(|t| t.word && t.cap && !t.poss && !self.is_title_word(t.lower))
            });
            if let Some(p) = named {
                return Some((open + 2 + p, end - 1));
            }
            let titles = whole
                .iter()
                .take_while(|t| t.word && t.cap && self.is_title_word(t.lower))
                .count();
            let titles = titles.min(3);
            let mut inner = &whole[titles..];
            // `The bill's lead Republican sponsor, Sen. Garrett Holloway of
            // Kansas, says`: a titled name with its state or country.
            if let Some(of) = inner.iter().position(|t| t.is("of")) {
                let place = &inner[of + 1..];
                if titles > 0
                    && of > 0
                    && (1..=3).contains(&place.len())
                    && place.iter().all(|t| t.word && t.cap)
                {
                    inner = &inner[..of];
                }
            }
            let is_role =
                |t: &Tok| !t.cap && (ANON_NOUNS.contains(t.lower) || self.is_title_word(t.lower));
            let proper_name = !inner.is_empty()
                && inner.len() <= 4
                && inner
                    .iter()
                    .all(|t| t.word && t.cap && !self.is_title_word(t.lower))
                && match self.np_left(toks, open) {
                    Some((a, b)) => {
                        let described = &toks[a..b];
                        // `A spokesperson for the Kremlin, Dmitry Peskov, told
                        // ...`: a role head makes the phrase a description,
                        // whatever names it holds.
                        // `The Foreign Secretary, Yvette Cooper, told ...`.
                        described.iter().all(|t| {
                            !t.cap
                                || t.poss
                                || self.is_title_word(t.lower)
                                || NOUN_DETERMINERS.contains(t.lower)
                        }) || described.iter().any(is_role)
                    }
                    // `South Africa's minister of international relations,
                    // Thandeka Mokoena, said`: a role whose complement is
                    // no noun phrase the speaker rules read.
                    None => toks[..open]
                        .iter()
                        .rev()
                        .take(8)
                        .take_while(|t| t.word && t.quote.is_none())
                        .any(is_role),
                };
            // `the so-called head of the occupation administration of
            // Crimea, Sergei Aksyonov, claimed`: a first name and a surname
            // between the commas are a person, whatever the description.
            let full_name = inner.len() >= 2
                && inner.len() <= 4
                && inner.iter().all(|t| t.word && t.cap && !t.poss)
                && self.is_first_name(inner[0].lower);
            if proper_name || full_name {
                return Some((open + 1, open + 1 + titles + inner.len()));
            }
            // `Sen. Dale Marchetti, R-Ohio, a member of the Armed Services
            // Committee, said`: a party and state between commas is the
            // name's too.
            let described = self.np_left(toks, open);
            if let Some((a, b)) = described {
                let party_state = b == a + 1 && is_party_state(toks[a].lower);
                if party_state && a >= 2 && toks[a - 1].is_comma() {
                    return self.np_left(toks, a - 1);
                }
                if let Some(person) = self.member_before_body(toks, (a, b)) {
                    return Some(person);
                }
            }
            return described;
        }
        // `Olha Stefanishyna, appearing on ABC's “This Week,” said ...`: an
        // appositive ending in a quoted title, its comma inside the marks.
        if last.mark.is_some_and(|(_, open)| !open) && end >= 2 && toks[end - 2].is_comma() {
            let (q, _) = last.mark?;
            let opening = toks[..end - 1]
                .iter()
                .rposition(|t| t.is_mark(q as usize, true))?;
            let short_title = end - 1 - opening <= 8;
            let open = toks[..opening]
                .iter()
                .rposition(|t| t.is_comma() && t.quote.is_none())?;
            let appositive = toks
                .get(open + 1)
                .is_some_and(|t| t.looks_participle() || PREPOSITIONS.contains(t.lower));
            if short_title && appositive && opening - open <= 10 {
                return self.np_left(toks, open);
            }
            return None;
        }
        if last.mark.is_some() {
            return None;
        }
        let np = self.np_left(toks, end)?;
        if let Some(person) = self.member_before_body(toks, np) {
            return Some(person);
        }
        // `Irish Foreign Minister Simon Harris and his Dutch counterpart
        // said`: the one named speaks for the pair.
        let (a, _) = np;
        let partner =
            a >= 3 && matches!(toks[a - 1].lower, "his" | "her" | "their") && toks[a - 2].is("and");
        if partner {
            if let Some(named) = self.np_left(toks, a - 2) {
                return Some(named);
            }
        }
        Some(np)
    }

    /// `Rep. Yoo Sang-bum of the main opposition People Power Party said`:
    /// the noun phrase `np` found before a cue is the body a titled name
    /// (or a first name and surname) belongs to, after `of the` and a few
    /// plain words; the name is the speaker.
    fn member_before_body(&self, toks: &[Tok], np: (usize, usize)) -> Option<(usize, usize)> {
        let (a, _) = np;
        let of = (a.saturating_sub(5)..a)
            .rev()
            .find(|&x| toks[x].is("of"))
            .filter(|&x| x >= 2 && x + 2 <= a && toks[x + 1].is("the"))?;
        let between_plain = toks[of + 2..a]
            .iter()
            .all(|t| t.word && !t.cap && t.quote.is_none() && !t.finite_or_modal());
        let person = self.np_left(toks, of).filter(|&(p, q)| {
            toks[p..q].iter().all(|t| t.word && t.cap && !t.poss)
                && (self.is_title_word(toks[p].lower) || self.is_first_name(toks[p].lower))
        });
        person.filter(|_| between_plain)
    }

    /// The subject at the head of a chain of appositives and relative
    /// clauses ending with the comma at `comma`, right before the cue:
    /// `Ken Sawchuk, a third-generation grain farmer near Vegreville, Alta.,
    /// said`, `Denis Thibault, who led Canada's training mission in
    /// Ukraine, Operation Unifier, in 2019, said`. The phrase before the
    /// last comma is inside the chain (`Alta.`, `in 2019`), so the speaker
    /// is the noun phrase that opens the clause, when the segment after it
    /// opens an appositive (`who`, `a`, `the`, a possessive, a participle).
    /// An opening adverbial (`On Tuesday,`, `But`) is stepped over.
    fn appositive_chain_subject(&self, toks: &[Tok], comma: usize) -> Option<(usize, usize)> {
        const MAX_CHAIN: usize = 48;
        let floor = comma.saturating_sub(MAX_CHAIN);
        // The clause starts after a sentence boundary, a quotation or a
        // semicolon, colon or dash.
        let start = (floor..comma)
            .rev()
            .find(|&i| {
                let t = &toks[i];
                t.quote.is_some()
                    || t.mark.is_some()
                    || (!t.word && matches!(t.lower, ";" | ":" | "—" | "–"))
            })
            .map(|i| i + 1)
            .or((floor == 0).then_some(0))?;
        // Commas inside brackets (`Sen. Margaret Holloway (R., Neb.),`)
        // separate nothing.
        let mut depth = 0usize;
        let mut commas: Vec<usize> = Vec::new();
        for (i, t) in toks.iter().enumerate().take(comma + 1).skip(start) {
            match t.lower {
                "(" => depth += 1,
                ")" => depth = depth.saturating_sub(1),
                _ if depth == 0 && t.is_comma() => commas.push(i),
                _ => {}
            }
        }
        // One segment between the subject and the cue is the ordinary
        // appositive the caller reads, unless it is longer than the caller
        // reads (`Kubina, a former refinery executive who joined the
        // government last year and has led Bratislava's side of the
        // negotiations, added`).
        const CALLER_APPOSITIVE: usize = 16;
        let long_single = commas.len() == 2 && comma - commas[0] > CALLER_APPOSITIVE;
        if commas.len() < 3 && !long_single {
            return None;
        }
        let mut seg_start = start;
        if toks
            .get(seg_start)
            .is_some_and(|t| matches!(t.lower, "but" | "and" | "yet" | "meanwhile"))
        {
            seg_start += 1;
        }
        for &seg_end in commas.iter().take(2) {
            let opens_appositive = toks.get(seg_end + 1).is_some_and(|t| {
                t.word
                    && (matches!(
                        t.lower,
                        "who"
                            | "whose"
                            | "which"
                            | "a"
                            | "an"
                            | "the"
                            | "now"
                            | "then"
                            | "himself"
                            | "herself"
                    ) || t.poss
                        // `director-general of ...`, `deputy chair of ...`
                        || (!t.cap
                            && !t.finite_or_modal()
                            && !PREPOSITIONS.contains(t.lower)
                            && !matches!(t.lower, "and" | "or" | "but" | "that"))
                        || t.looks_participle()
                        || t.looks_past_tense())
            });
            let np = self
                .np_left(toks, seg_end)
                // A description the phrase does not take in (`Retired
                // major-general Denis Thibault`, `Grain grower Tony
                // Bianchi`), not a preposition or verb (`In Brussels`).
                .filter(|&(a, _)| {
                    a >= seg_start
                        && a - seg_start <= 3
                        && toks[seg_start..a].iter().enumerate().all(|(n, t)| {
                            t.word
                                && t.quote.is_none()
                                && (n == 0 || !t.cap)
                                && !PREPOSITIONS.contains(t.lower)
                                && !t.finite_or_modal()
                        })
                })
                .filter(|&(a, b)| {
                    // A name, or a description of a source: not a place
                    // or time that opens the sentence (`In Brussels,`).
                    let words = &toks[a..b];
                    !PREPOSITIONS.contains(words[0].lower)
                        && words.iter().any(|t| {
                            (t.cap && !t.poss)
                                || ANON_NOUNS.contains(t.lower)
                                || self.is_title_word(t.lower)
                        })
                });
            if let Some(np) = np {
                return opens_appositive.then_some(np);
            }
            // Not a noun phrase: an opening adverbial (`On Tuesday,`,
            // `Asked about the plan,`) before the subject.
            seg_start = seg_end + 1;
        }
        None
    }

    /// Reads a speaker noun phrase leftwards from `end` (exclusive).
    fn np_left(&self, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
        if end == 0 {
            return None;
        }
        // `the head of Defense Intelligence of Ukraine (HUR), Kyrylo
        // Budanov, warned`: the note in brackets is not the phrase's.
        if let Some(open) = bracket_before(toks, end) {
            return self.np_left(toks, open);
        }
        let last = &toks[end - 1];
        if !last.word || last.quote.is_some() {
            return None;
        }
        if PRONOUNS.contains(last.lower) {
            return Some((end - 1, end));
        }
        // `the 54-year-old teacher said`, `the 67-year-old said`: a person
        // described by age, whom [`Extractor::resolve_np`] finds among the
        // people just named.
        let aged = (end.saturating_sub(4)..end).find(|&a| {
            a > 0
                && toks[a].lower.ends_with("-year-old")
                && is_age(toks[a].lower)
                && toks[a - 1].is("the")
                && toks[a + 1..end]
                    .iter()
                    .all(|t| t.word && !t.cap && t.quote.is_none())
        });
        if let Some(a) = aged {
            return Some((a - 1, end));
        }
        // Partitive: `One of them said ...`, `Two of them, who asked not to be
        // named, said ...`.
        if last.lower == "them"
            && end >= 3
            && toks[end - 2].is("of")
            && PARTITIVE_QUANTIFIERS.contains(toks[end - 3].lower)
        {
            return Some((end - 3, end));
        }
        // Anonymous source with a post-modifier: `A source familiar with the paper`.
        // Twenty words take in a relative clause with its reason (`A
        // Bishkek-based trader who asked not to be named because of the
        // sensitivity of the matter said`).
        for back in 2..=20.min(end) {
            let a = end - back;
            let t = &toks[a];
            if ANON_NOUNS.contains(t.lower) {
                let rest: Vec<&str> = toks[a + 1..end].iter().map(|t| t.lower).collect();
                // A post-modifier takes an object (`familiar with the
                // talks`), except the anonymity phrase, which is whole.
                let post = ANON_POSTMODIFIERS.iter().any(|p| {
                    let whole = matches!(p.last(), Some(&("anonymity" | "knowledge")));
                    (rest.len() > p.len() || (whole && rest.len() == p.len()))
                        && rest[..p.len()] == **p
                });
                // A relative clause has its own verbs; other post-modifiers
                // end before one (`an adviser to the prime minister told
                // state television`), a noun after a determiner aside
                // (`familiar with the plans`).
                let clean = toks[a + 1..end].iter().enumerate().all(|(n, t)| {
                    let after_determiner =
                        toks[a + n].word && NOUN_DETERMINERS.contains(toks[a + n].lower);
                    t.word
                        && t.quote.is_none()
                        && if rest[0] == "who" {
                            !matches!(t.lower, "that" | "said" | "says" | "told" | "tells")
                        } else {
                            // Nor a regular past (`volunteers from Norway
                            // imported 390 megawatts`): the phrase is a
                            // clause's subject, not a source.
                            !(FINITE_VERBS.contains(t.lower) || (n > 0 && t.looks_past_tense()))
                                || after_determiner
                                // `familiar with Kyiv's revised proposal`
                                || toks[a + n].poss
                        }
                });
                // `thanked the soldiers in his address and said`: a
                // conjunction before the cue ends no source phrase.
                let conjoined = matches!(toks[end - 1].lower, "and" | "but" | "or" | "then");
                if post && clean && !conjoined {
                    let start = self.np_left(toks, a + 1).map_or(a, |(s, _)| s);
                    return Some((start, end));
                }
            }
            if !t.word || t.is_comma() {
                break;
            }
        }
        let mut a = end;
        while a > 0 {
            let t = &toks[a - 1];
            if !t.word || t.quote.is_some() {
                break;
            }
            let l = t.lower;
            // `a diplomatic source`, `parliamentary sources`: an adjective
            // before an unnamed source's noun describes the source.
            let source_adjective = a < end
                && ANON_NOUNS.contains(toks[end - 1].lower)
                && !t.cap
                && ["ic", "al", "ary", "ian", "ive"]
                    .iter()
                    .any(|s| l.ends_with(s))
                && !FUNCTION_WORDS_BEFORE_SOURCES.contains(l);
            let accept = t.cap
                || source_adjective
                || self.lex.title(l).is_some()
                || self.lex.demonyms.contains_key(l)
                || ANON_NOUNS.contains(l)
                || INSTITUTION_HEADS.contains(l)
                || DOCUMENT_NOUNS.contains(l)
                || matches!(
                    l,
                    "senior"
                        | "top"
                        | "former"
                        | "unnamed"
                        | "anonymous"
                        | "western"
                        | "european"
                        | "foreign"
                        | "military"
                        | "intelligence"
                        | "government"
                        | "administration"
                        | "ukrainian"
                        | "russian"
                        | "american"
                        | "british"
                        | "french"
                        | "german"
                        | "defense"
                        | "defence"
                        | "security"
                        | "high-ranking"
                        | "white"
                        | "other"
                        | "local"
                        | "regional"
                        | "presidential"
                        | "press"
                        | "deputy"
                        | "chief"
                        | "special"
                        | "retired"
                        | "current"
                        | "air"
                        // `the Russian side`, `the Ukrainian leadership`
                        // (a country speaking as one; `the other side` is no one).
                        | "side"
                        | "leadership"
                )
                // `the bloc's top diplomat`, `the alliance's chief`: a
                // possessor noun after `the`, before a title word.
                || (t.poss
                    && a < end
                    && a >= 2
                    && toks[a - 2].is("the")
                    && self.is_title_word(toks[a].lower))
                // `32 allies`; not a clock time (`12:00 Zelensky said`).
                || (t.lower.chars().all(|c| c.is_ascii_digit() || c == '%')
                    && !(a >= 2 && toks[a - 2].punct(":")))
                || (a < end && t.lower.len() <= 5 && particle_in_name(toks, a - 1))
                // `the secretary of state said`
                || (l == "state"
                    && a >= 3
                    && toks[a - 2].is("of")
                    && toks[a - 3].lower.starts_with("secretar"));
            if DETERMINERS.contains(l) && a < end {
                // `Headquarters for the Treatment of Prisoners of War`
                // `the head of the Kharkiv Regional Military
                // Administration`: a title's complement.
                let inside_name = a >= 3
                    && matches!(toks[a - 2].lower, "for" | "of" | "on")
                    && (toks[a - 3].cap
                        || (self.is_title_word(toks[a - 3].lower)
                            && !toks[a - 3].lower.ends_with('s')))
                    && toks[a].cap;
                if inside_name || (a >= 2 && self.name_before_from(toks, a - 1)) {
                    a -= 1;
                    continue;
                }
                a -= 1;
                break;
            }
            // `The Russian embassy in London said`: the mission is the
            // speaker, not the city it sits in.
            if l == "in"
                && a < end
                && a >= 2
                && toks[a].cap
                && matches!(
                    toks[a - 2].lower,
                    "embassy" | "consulate" | "mission" | "delegation" | "representation"
                )
            {
                a -= 1;
                continue;
            }
            if (l == "of" || l == "for" || l == "to") && a < end && a >= 2 {
                let left = &toks[a - 2];
                if self.lex.title(left.lower).is_some()
                    || left.cap
                    || ANON_NOUNS.contains(left.lower)
                {
                    a -= 1;
                    continue;
                }
                break;
            }
            // `Associate Professor Lim Wei Jie from the S Rajaratnam School
            // of International Studies said`: a name and where the person
            // is from.
            if l == "from" && a < end {
                if self.name_before_from(toks, a) {
                    a -= 1;
                    continue;
                }
                break;
            }
            if !accept || (NOT_NAMES.contains(l) && a < end && !t.cap) {
                break;
            }
            if t.cap && NOT_NAMES.contains(l) && a == end {
                return None;
            }
            if t.cap && NOT_NAMES.contains(l) {
                break;
            }
            a -= 1;
        }
        if a == end {
            return None;
        }
        // A leading preposition-less capital that starts the sentence is fine;
        // drop a dangling `of`/`for`/`to` at the left edge.
        while a < end && matches!(toks[a].lower, "of" | "for" | "to") {
            a += 1;
        }
        // `Some in Washington say ...`: a part of the place's people.
        if a >= 2
            && toks[a - 1].is("in")
            && toks[a].cap
            && PART_QUANTIFIERS.contains(toks[a - 2].lower)
        {
            a -= 2;
        }
        // `..., his office said.`: the possessive names whose office.
        if a > 0
            && a + 1 == end
            && matches!(toks[a - 1].lower, "his" | "her")
            && INSTITUTION_HEADS.contains(toks[a].lower)
        {
            a -= 1;
        }
        (a < end).then_some((a, end))
    }

    /// Whether `toks[from - 1]` is `from` after a name of two words or more
    /// (`Lim Wei Jie from the S Rajaratnam School`): where the person is
    /// from belongs to the subject.
    fn name_before_from(&self, toks: &[Tok], from: usize) -> bool {
        from >= 3 && toks[from - 1].is("from") && {
            let left = &toks[from - 2];
            left.cap
                && !left.poss
                && toks[from - 3].cap
                && !self.is_title_word(left.lower)
                && !INSTITUTION_HEADS.contains(left.lower)
        }
    }

    /// Reads a speaker noun phrase rightwards from `start` (inverted order,
    /// `according to`).
    fn np_right(&self, toks: &[Tok], start: usize) -> Option<(usize, usize)> {
        // `said a platoon commander who asked that his name not be
        // published`: a relative clause is not part of the speaker's phrase.
        let mut b = start;
        while b < toks.len()
            && toks[b].word
            && toks[b].quote.is_none()
            && !(b > start && matches!(toks[b].lower, "who" | "whose" | "which"))
        {
            b += 1;
        }
        if b == start {
            return None;
        }
        Some((start, b))
    }

    /// The subject of a participle (`..., saying that`) or of a coordinated
    /// verb: the previous frame's speaker in this sentence, else the nearest
    /// name followed by a verb.
    #[allow(clippy::too_many_arguments)]
    fn participle_subject(
        &self,
        frames: &[Frame],
        fi: usize,
        toks: &[Tok],
        text: &str,
        hint: &Option<(usize, Speaker)>,
        ctx: &mut DocCtx,
    ) -> Option<Speaker> {
        let cue_i = frames[fi].cue_i;
        // `Fidan said Ankara supported ..., but added that ...`: a frame
        // inside another's content (`Ankara supported`) is not the clause
        // the coordinated verb continues.
        let embedded = |f: &Frame| {
            let st = f.subj.map_or(f.cue_i, |(a, _)| a);
            // `..., officials said, adding that`: a trailing attribution
            // closes the content before it.
            f.kind_hint == FrameKind::Normal
                && frames.iter().any(|g| {
                    g.cue_j <= st
                        && matches!(g.kind_hint, FrameKind::Normal | FrameKind::Ascriptive)
                        && g.content.is_some_and(|(cs, _)| cs <= st)
                })
        };
        if let Some(prev) = frames[..fi]
            .iter()
            .rev()
            .find(|f| f.speaker.is_some() && f.cue_i < cue_i && !embedded(f))
        {
            // `..., the government said Tuesday, underlining the balancing
            // act Tokyo faces.`: a participle of emphasis with a bare object
            // after an attribution is the reporter's gloss on what was
            // said, not a second statement (`, adding that ...`, `, calling
            // it “...”` and `, proposing territorial swaps` are statements).
            let f = &frames[fi];
            let gloss = f.participle
                && matches!(
                    f.form.lemma.as_str(),
                    "underline" | "underscore" | "highlight"
                )
                && toks.get(f.cue_j).is_some_and(|t| !t.is("that"))
                && f.kind_hint == FrameKind::Normal
                && cue_i > 0
                && toks[cue_i - 1].is_comma()
                && f.content.is_some_and(|(cs, ce)| {
                    toks[cs..ce.min(toks.len())]
                        .iter()
                        .all(|t| t.quote.is_none() && t.mark.is_none())
                });
            if gloss {
                return None;
            }
            // Only when no other clause subject intervenes.
            return prev.speaker.clone();
        }
        // Nearest mention followed by a verb-ish word.
        let mut k = cue_i;
        while k > 0 {
            k -= 1;
            let t = &toks[k];
            if !t.word || t.quote.is_some() || t.poss {
                continue;
            }
            let next = toks.get(k + 1);
            let verbish = next.is_some_and(|n| {
                n.word
                    && !n.cap
                    && (FINITE_VERBS.contains(n.lower)
                        || n.looks_past_tense()
                        || self.lex.cues.longest_at(&[n.lower]).is_some()
                        || SKIPPABLE.contains(n.lower))
            });
            if !verbish {
                continue;
            }
            if let Some((a, b)) = self.np_left(toks, k + 1) {
                // `with Lammy, who ...` is not a subject; `after Trump signaled` is.
                let clause_joining = matches!(
                    toks.get(a.wrapping_sub(1)).map(|t| t.lower),
                    Some(
                        "after"
                            | "before"
                            | "since"
                            | "until"
                            | "as"
                            | "while"
                            | "when"
                            | "because"
                    )
                );
                if a > 0 && PREPOSITIONS.contains(toks[a - 1].lower) && !clause_joining {
                    continue;
                }
                // `Lavrov briefed Wang on the talks, saying ...`: a verb's
                // object is not the one saying (an attribution inverted
                // after a speech verb, `said Wang, adding`, still is; a verb
                // taking a recipient never inverts).
                let object = a > 0 && {
                    let v = &toks[a - 1];
                    v.word
                        && !v.cap
                        && v.quote.is_none()
                        && match self.lex.cues.longest_at(&[v.lower]) {
                            Some((f, _)) => f.classes.recipient,
                            None => FINITE_VERBS.contains(v.lower) || v.looks_past_tense(),
                        }
                };
                // `He declined to comment on whether Ukraine should join,
                // saying ...`: a subordinate clause's subject is not the one
                // saying.
                let subordinate = a > 0 && matches!(toks[a - 1].lower, "whether" | "that" | "if");
                if object || subordinate {
                    continue;
                }
                // `Petrenko confirmed on Monday, volunteers registered ...,
                // adding that ...`: the subject of a reported clause is not
                // the one adding; the reporting clause's subject is.
                let reported = toks[..a]
                    .iter()
                    .rposition(|t| {
                        t.word
                            && !t.cap
                            && t.quote.is_none()
                            && self.lex.cues.longest_at(&[t.lower]).is_some_and(|(f, _)| {
                                f.classes.clause && !f.classes.noun && !f.participle
                            })
                    })
                    .is_some_and(|c| {
                        !toks[c..a]
                            .iter()
                            .any(|t| t.is("and") || t.is("but") || t.punct(";") || t.is("while"))
                    });
                if reported {
                    continue;
                }
                if let Some(sp) = self.resolve_np(&toks[a..b], text, ctx, &None, toks[a].start) {
                    return Some(sp);
                }
            }
        }
        // `Former president Dmitry Medvedev, now deputy chairman of ...,
        // went further, saying that ...`: the sentence's subject.
        hint.as_ref()
            .filter(|(pos, _)| *pos < toks[cue_i].start)
            .map(|(_, s)| s.clone())
    }

    /// Ends each frame's content at the next clause boundary or frame.
    fn bound_contents(&self, frames: &mut [Frame], toks: &[Tok]) {
        let n = frames.len();
        for fi in 0..n {
            let Some((mut cs, mut ce)) = frames[fi].content else {
                continue;
            };
            // Where the clause-boundary scan starts: the content's start, or
            // for an interrupting clause (`Russia, he said, would ...`) the
            // cue, so a comma in the part before it ends nothing.
            let mut scan_from = cs;
            if matches!(
                frames[fi].kind_hint,
                FrameKind::Trailing | FrameKind::Parenthetical
            ) || (frames[fi].kind_hint == FrameKind::According && cs == 0)
            {
                // Content before the cue: starts after the previous frame's region.
                // A trailing attribution reports an act that is no speech
                // of its own (`Putin rejected the proposal, two people
                // familiar with the call said`) with its subject.
                let start = frames[..fi].iter().rev().find_map(|f| {
                    let (_, e) = f.content?;
                    let relays_act = takes_object(f, toks);
                    (e <= frames[fi].cue_i
                        && !relays_act
                        && !matches!(f.kind_hint, FrameKind::Trailing | FrameKind::Parenthetical))
                    .then_some(e)
                });
                let mut cs2 = start.unwrap_or(cs);
                // `What they're saying: “This is the final offer,” a senior
                // U.S. official told Axios.`: a section label before the
                // quotation is the outlet's.
                let label_end = (cs2..(cs2 + 7).min(ce)).find(|&k| {
                    toks[k].punct(":")
                        && toks
                            .get(k + 1)
                            .is_some_and(|t| t.mark.is_some_and(|(_, open)| open))
                        && toks[cs2..k]
                            .iter()
                            .all(|t| t.quote.is_none() && t.mark.is_none())
                });
                if let Some(colon) = label_end {
                    cs2 = colon + 1;
                }
                while cs2 < ce
                    && (toks[cs2].is_comma()
                        || toks[cs2].is("while")
                        || toks[cs2].is("and")
                        || toks[cs2].is("but"))
                {
                    cs2 += 1;
                }
                if frames[fi].kind_hint != FrameKind::Parenthetical {
                    frames[fi].content = Some((cs2, ce));
                    continue;
                }
                cs = cs2;
                scan_from = frames[fi].cue_j;
            }
            // The next frame's start (its subject, or the connector before a participle).
            for f in frames.iter().skip(fi + 1) {
                let st = f.subj.map_or_else(
                    || self.skip_adverbs_left(toks, f.cue_i),
                    |(a, _)| a.min(f.cue_i),
                );
                // A trailing attribution reports the sentence part before
                // it, ours included: it ends nothing but our words (`Ministers
                // agreed to extend the mission, officials said.`).
                if f.kind_hint == FrameKind::Trailing
                    && st > cs + 1
                    && st < ce
                    && toks[st - 1].is_comma()
                    && toks[st - 2].mark.is_none()
                {
                    ce = st - 1;
                    break;
                }
                if matches!(f.kind_hint, FrameKind::Trailing | FrameKind::Parenthetical)
                    || (f.kind_hint == FrameKind::According
                        && f.content.is_some_and(|(c, _)| c == 0))
                {
                    continue;
                }
                if st > cs && st < ce && self.is_connected(toks, cs, st) {
                    ce = st;
                    break;
                }
            }
            // Clause boundaries.
            let mut k = scan_from;
            while k < ce {
                let t = &toks[k];
                // `“... in the right direction,” but she declined ...`: a
                // quotation ending in a comma, then a new clause.
                let closes_with_comma = t.mark.is_some_and(|(_, open)| !open)
                    && k > 0
                    && toks[k - 1].lower == ","
                    && toks.get(k + 1).is_some_and(|n| {
                        matches!(
                            n.lower,
                            "but" | "although" | "though" | "while" | "whereas" | "according"
                        )
                    });
                if closes_with_comma {
                    ce = k + 1;
                    break;
                }
                if t.quote.is_some() || t.mark.is_some() {
                    k += 1;
                    continue;
                }
                let next = toks.get(k + 1);
                let next_l = next.map_or("", |n| n.lower);
                let verb_after = |n: usize| {
                    let mut m = n;
                    while m < toks.len()
                        && toks[m].word
                        && (SKIPPABLE.contains(toks[m].lower) || toks[m].lower.ends_with("ly"))
                    {
                        m += 1;
                    }
                    toks.get(m).is_some_and(|v| {
                        v.word
                            && !v.cap
                            && (FINITE_VERBS.contains(v.lower)
                                || v.looks_past_tense()
                                || self.lex.cues.longest_at(&[v.lower]).is_some())
                    })
                };
                // `called for an immediate, full and unconditional
                // ceasefire`: a comma inside a series of modifiers.
                let in_series = || {
                    let plain = |n: usize| {
                        toks.get(n).is_some_and(|w| {
                            w.word
                                && !w.cap
                                && w.quote.is_none()
                                && !DETERMINERS.contains(w.lower)
                                && !PRONOUNS.contains(w.lower)
                                && !w.looks_participle()
                                && self.lex.cues.longest_at(&[w.lower]).is_none()
                        })
                    };
                    // Not the subjects of a verb (`the plan, officials
                    // and diplomats said`).
                    let verb_near = |m: usize| {
                        toks[m..(m + 4).min(toks.len())].iter().any(|w| {
                            w.word
                                && (w.finite_or_modal()
                                    || self.lex.cues.longest_at(&[w.lower]).is_some())
                        })
                    };
                    k > 0
                        && plain(k - 1)
                        && (k + 2..(k + 5).min(toks.len())).any(|m| {
                            matches!(toks[m].lower, "and" | "or")
                                && (k + 1..m).all(&plain)
                                && toks.get(m + 1).is_some_and(|w| w.word && !w.cap)
                                && !verb_near(m + 1)
                        })
                };
                let np_stop = frames[fi].np_content
                    && ((t.is_comma() && !in_series())
                        || ((t.is("but") || t.is("and")) && verb_after(k + 1)));
                let participle_and = frames[fi].participle
                    && t.is("and")
                    && next.is_some_and(|n| n.word && n.lower.ends_with("ing") && !n.cap);
                let stop = np_stop
                    || participle_and
                    || t.punct(";")
                    || (t.punct(".") && k + 1 >= toks.len())
                    || (t.is_comma()
                        && matches!(next_l, "although" | "though" | "whereas" | "while"))
                    || (t.is_comma()
                        && next_l == "but"
                        && toks.get(k + 2).is_some_and(|n| {
                            // `said ..., but gave no timeline`: the reporting
                            // subject's own next act.
                            PRONOUNS.contains(n.lower)
                                || n.is("also")
                                || self.lex.cues.longest_at(&[n.lower]).is_some()
                                || matches!(
                                    n.lower,
                                    "gave"
                                        | "declined"
                                        | "did"
                                        | "didn't"
                                        | "offered"
                                        | "stopped"
                                        | "refused"
                                        | "provided"
                                )
                        }))
                    || (t.is_comma() && next_l == "according")
                    // `... with European partners but declined to comment`:
                    // the subject's refusal is the reporter's account.
                    || (t.is("but")
                        && matches!(next_l, "declined" | "refused" | "gave" | "offered")
                        && toks.get(k + 2).is_some_and(|n| n.word && !n.cap))
                    // `captured the village, a claim Kyiv denied`, `..., which
                    // Moscow denies`: the reporter's comment on the claim.
                    || (t.is_comma()
                        && ((matches!(next_l, "a" | "an")
                            && toks.get(k + 2).is_some_and(|n| {
                                matches!(
                                    n.lower,
                                    "claim" | "allegation" | "assertion" | "charge" | "accusation"
                                )
                            }))
                            || (next_l == "which"
                                && toks[k + 2..]
                                    .iter()
                                    .take(4)
                                    .take_while(|n| n.word)
                                    .any(|n| {
                                        matches!(
                                            n.lower,
                                            "denied"
                                                | "denies"
                                                | "deny"
                                                | "rejected"
                                                | "rejects"
                                                | "disputed"
                                                | "disputes"
                                        )
                                    }))))
                    || ((t.punct("—") || t.punct("–"))
                        && matches!(
                            next_l,
                            "though"
                                | "although"
                                | "but"
                                | "while"
                                | "whereas"
                                | "an"
                                | "a"
                                | "which"
                        ))
                    || (t.is_comma()
                        && next.is_some_and(|n| {
                            self.lex
                                .cues
                                .longest_at(&[n.lower])
                                .is_some_and(|(f, _)| f.participle && !f.classes.noun)
                        }));
                if stop {
                    ce = k;
                    break;
                }
                k += 1;
            }
            frames[fi].content = Some((cs, ce));
            frames[fi].region_end = frames[fi].region_end.min(ce.max(frames[fi].cue_j));
        }
    }

    /// True when tokens `from..to` end with a connector that joins a new
    /// clause (`, while`, `and`, `—`), i.e. `to` starts a sibling clause.
    fn is_connected(&self, toks: &[Tok], from: usize, to: usize) -> bool {
        if to == 0 || to <= from {
            return false;
        }
        let prev = &toks[to - 1];
        prev.is_comma()
            || prev.is("and")
            || prev.is("but")
            || prev.is("while")
            || prev.is("though")
            || prev.is("although")
            || prev.is("as")
            || prev.is("where")
            || prev.is("when")
            || prev.punct("—")
            || prev.punct("–")
            || prev.punct(";")
            || prev.mark.is_some_and(|(_, open)| !open)
            || (to >= 2 && toks[to - 2].is_comma())
    }

    /// The reporting sentence without the clauses of other speakers' frames.
    fn context_without_others(
        &self,
        frames: &[Frame],
        me: &Frame,
        toks: &[Tok],
        text: &str,
        (s, e): (usize, usize),
        unheard: &[(usize, usize)],
    ) -> String {
        let mut cut: Vec<(usize, usize)> = unheard.to_vec();
        let start_of = |f: &Frame| {
            f.subj.map_or_else(
                || self.skip_adverbs_left(toks, f.cue_i),
                |(a, _)| a.min(f.cue_i),
            )
        };
        for f in frames {
            if std::ptr::eq(f, me) {
                continue;
            }
            // The same speaker's other clauses are context, unless `but`
            // contrasts them (`reiterated his openness ... but dismissed ...`).
            let later = if f.cue_i > me.cue_i {
                start_of(f)
            } else {
                start_of(me)
            };
            let contrast = later > 0 && toks[later - 1].is("but");
            if f.speaker == me.speaker && !contrast {
                continue;
            }
            let a = f.subj.map_or(f.cue_i, |(a, _)| a.min(f.cue_i));
            let b = f.content.map_or(f.cue_j, |(_, b)| b.max(f.cue_j));
            if a < b && b <= toks.len() {
                cut.push((toks[a].start, toks[b - 1].end));
            }
        }
        // `The ceasefire, Peskov said, was unacceptable.`: the stance is read
        // in the sentence without its reporting clause, so that a judgement
        // reaches across it to its subject.
        if me.kind_hint == FrameKind::Parenthetical {
            if let Some((a, subj_end)) = me.subj {
                let a = a.min(me.cue_i);
                // After the cue, or after its subject (`, according to
                // Peskov,`).
                let clause_end = me.cue_j.max(subj_end);
                let b = if toks.get(clause_end).is_some_and(Tok::is_comma) {
                    clause_end + 1
                } else {
                    clause_end
                };
                if a > 0 && toks[a - 1].is_comma() && b <= toks.len() {
                    cut.push((toks[a - 1].start, toks[b - 1].end));
                }
            }
        }
        if cut.is_empty() {
            return text[s..e].to_string();
        }
        cut.sort_unstable();
        let mut out = String::new();
        let mut at = s;
        for (a, b) in cut {
            if a > at {
                out.push_str(&text[at..a]);
            }
            at = at.max(b);
        }
        if at < e {
            out.push_str(&text[at..e]);
        }
        out
    }

    /// Turns a speaker noun phrase into a speaker.
    fn resolve_np(
        &self,
        np: &[Tok],
        text: &str,
        ctx: &mut DocCtx,
        hint: &Option<(usize, Speaker)>,
        at: usize,
    ) -> Option<Speaker> {
        if np.is_empty() {
            return None;
        }
        let mention = join_text(np, text);
        // An appositive left open (`As Yuri Ushakov, Putin's foreign policy
        // adviser put it, ...`) or a description then a name (`the minister,
        // Oleh Tkach`): the name is the speaker, not a source described by
        // all of it.
        if let Some(comma) = np.iter().position(|t| t.is_comma()) {
            let (left, right) = (&np[..comma], &np[comma + 1..]);
            for (part, description) in [(left, right), (right, left)] {
                let run: Vec<Tok> = part.iter().filter(|t| t.word).copied().collect();
                if run.is_empty() || !run.iter().all(|t| t.cap && !t.poss) {
                    continue;
                }
                if let Some(k) = self.name_from_run(&run, text, ctx) {
                    if ctx.actors.known[k].kind == ActorKind::Person {
                        // The description is the person's role: `the
                        // adviser` later in the article is them.
                        let described: Vec<Tok> =
                            description.iter().filter(|t| t.word).copied().collect();
                        let role = self.title_words(&described);
                        let roles = &mut ctx.actors.known[k].roles;
                        if !role.is_empty() && !roles.contains(&role) {
                            roles.push(role);
                        }
                        return Some(speaker_of(&ctx.actors.known[k], mention));
                    }
                }
            }
        }
        // `Some in Washington say ...`: an unnamed part of a place's
        // people, not the place's government.
        if np.len() >= 3
            && np[1].is("in")
            && PART_QUANTIFIERS.contains(np[0].lower)
            && np[2..].iter().all(|t| t.word && t.cap)
        {
            let place = &np[2..];
            let affiliation = self
                .registry
                .lookup(&join_base(place, text))
                .map(|id| self.registry.get(id).affiliation.clone())
                .or_else(|| self.lex.demonyms.get(place[0].base()).cloned())
                .unwrap_or_default();
            return Some(Speaker {
                name: Some(format!("{} in {}", np[0].lower, join_text(place, text))),
                mention,
                anonymous: true,
                affiliation,
                person: false,
                gender: None,
            });
        }
        let mut words: Vec<&Tok> = np.iter().filter(|t| t.word).collect();
        let mut indefinite = false;
        let mut definite = false;
        while words.first().is_some_and(|t| {
            DETERMINERS.contains(t.lower) || t.lower.chars().all(|c| c.is_ascii_digit())
        }) {
            let d = words.remove(0);
            indefinite |= d.lower != "the";
            definite |= d.lower == "the";
        }
        if !indefinite && words.first().is_some_and(|t| is_age(t.lower)) {
            let want = words.last().and_then(|t| gender_of_noun(t.lower));
            let fits = |m: &&Mention| want.is_none() || m.gender.is_none() || m.gender == want;
            let recent = || ctx.mentions.iter().rev().take(8);
            // `the 79-year-old patriarch`: the one with that title first;
            // then a person for sure (`Asia and the Middle East` read as a
            // name is not `the 58-year-old`); then anyone named.
            let head = words.last().filter(|t| !is_age(t.lower)).map(|t| t.lower);
            let titled = |m: &&Mention| {
                head.is_some_and(|h| {
                    ctx.actors.known[m.known]
                        .roles
                        .iter()
                        .any(|r| r.iter().any(|w| w == h))
                })
            };
            return recent()
                .filter(titled)
                .find(fits)
                .or_else(|| {
                    recent()
                        .filter(|m| ctx.actors.known[m.known].is_sure_person())
                        .find(fits)
                })
                .or_else(|| recent().find(fits))
                .map(|m| Speaker {
                    mention,
                    ..m.speaker(&ctx.actors.known)
                });
        }
        if words.is_empty() {
            // `One senior EU diplomat described the mood as “panic”.
            // Another said ...`: another source of the kind just quoted.
            if np.len() == 1 && np[0].is("another") {
                return ctx.anon.last().map(|found| Speaker {
                    mention,
                    ..found.clone()
                });
            }
            return None;
        }
        // `Amid reports that ...`, `Following reports that ...`: a
        // sentence-initial preposition before a noun is no speaker.
        if words.len() == 1
            && (PREPOSITIONS.contains(words[0].lower)
                || matches!(
                    words[0].lower,
                    "following" | "meanwhile" | "however" | "amidst"
                ))
        {
            return None;
        }
        // Pronouns.
        if words.len() == 1 && PRONOUNS.contains(words[0].lower) {
            return self.resolve_pronoun(words[0].lower, ctx, hint, at, &mention);
        }
        // `his office said`: the office of the person `his` refers to.
        if words.len() == 2 && matches!(words[0].lower, "his" | "her") {
            let pronoun = if words[0].is("his") { "he" } else { "she" };
            let owner = self.resolve_pronoun(pronoun, ctx, hint, at, &mention)?;
            let owner_name = owner.name?;
            return Some(Speaker {
                name: Some(format!("{owner_name}'s {}", words[1].lower)),
                mention,
                anonymous: false,
                affiliation: owner.affiliation,
                person: false,
                gender: None,
            });
        }
        // `According to him, ...`, `according to them`.
        if np.len() == 1 {
            // Objects, and possessors (`In his words, ...`).
            let subject = match words[0].lower {
                "him" | "his" => "he",
                "her" => "she",
                "them" | "their" => "they",
                _ => "",
            };
            if !subject.is_empty() {
                return self.resolve_pronoun(subject, ctx, hint, at, &mention);
            }
        }
        // A partitive subject (`One of them, who spoke on condition of
        // anonymity, said ...`, `Two of them said ...`) is some of the
        // unnamed sources quoted last (`According to two diplomats ...`); an
        // institution is not a group one can be one of, and `None of them`
        // (not a partitive quantifier here) is not the group speaking.
        let partitive = np.len() >= 3
            && np[np.len() - 1].is("them")
            && np[np.len() - 2].is("of")
            && PARTITIVE_QUANTIFIERS.contains(np[np.len() - 3].lower);
        if partitive {
            return ctx
                .salient_groups
                .last()
                .filter(|s| s.anonymous)
                .map(|found| Speaker {
                    mention,
                    ..found.clone()
                });
        }
        // `A senior official who asked not to be identified`, `an official
        // speaking on condition of anonymity`: the terms of the interview
        // are not part of who the source is.
        let terms = words.iter().position(|t| {
            matches!(t.lower, "who" | "speaking")
                && words.iter().any(|w| {
                    matches!(
                        w.lower,
                        "anonymity"
                            | "anonymously"
                            | "anonymous"
                            | "identified"
                            | "named"
                            | "authorized"
                            | "authorised"
                    )
                })
        });
        // `ministry sources consulted by EFE`, `an official contacted by
        // Reuters`: how the outlet reached the source is not who it is.
        let reached = words.windows(2).position(|w| {
            matches!(
                w[0].lower,
                "consulted" | "contacted" | "interviewed" | "reached" | "quoted" | "cited"
            ) && w[1].is("by")
        });
        if let Some(p) = terms.or(reached).filter(|&p| p > 0) {
            words.truncate(p);
        }
        let lowers: Vec<&str> = words.iter().map(|t| t.lower).collect();
        // `Trump himself` → Trump
        // Anonymous sources: a source noun as head (before any post-modifier).
        let head_i = lowers.iter().position(|l| ANON_NOUNS.contains(l));
        if let Some(h) = head_i {
            // A name inside a post-modifier (`a diplomat based in Kyiv`, `a
            // source close to Zelensky`) does not make the source that person.
            let has_name_after = words[h + 1..].iter().any(|t| t.cap)
                && !lowers
                    .get(h + 1)
                    .is_some_and(|l| ANON_POSTMODIFIERS.iter().any(|p| p[0] == *l));
            // `Trump's special envoy` is a named person's role, not a source.
            let names_before = words[..h].iter().any(|t| {
                t.cap
                    && t.poss
                    && !self.is_title_word(t.lower)
                    && !self.lex.demonyms.contains_key(t.base())
                    && self.registry.lookup(t.base()).is_none()
            });
            let is_role_of_named = has_name_after || names_before;
            let plural = lowers[h].ends_with('s') && !lowers[h].ends_with("ss");
            // `the official said`, `Russia's top diplomat`, `Minister for
            // Strategic Industries Herman Smetanin`; not a bare plural
            // (`People familiar with the matter said`).
            let bare_plural =
                !definite && matches!(lowers[h], "people" | "men" | "women" | "children");
            let definite_role = !indefinite && !plural && !bare_plural;
            // `two people familiar with the matter`, `several officials`.
            let group = plural
                || matches!(
                    lowers[h],
                    "people" | "men" | "women" | "children" | "police"
                )
                || np.first().is_some_and(|t| {
                    DETERMINERS.contains(t.lower)
                        && !matches!(t.lower, "a" | "an" | "the" | "one" | "another")
                        || t.lower.bytes().all(|b| b.is_ascii_digit())
                });
            // `According to diplomatic sources, ... The sources, who spoke
            // on condition of anonymity, said`: the group quoted before.
            let definite_group = definite && plural;
            if (definite_role || definite_group) && !is_role_of_named && words.len() == 1 {
                // `the official said` after `A senior Ukrainian official, ...`
                let head = singular(lowers[h]);
                let named = |a: &&Speaker| {
                    a.name
                        .as_deref()
                        .is_some_and(|n| n.to_lowercase().split(' ').any(|w| w == head))
                };
                // One source rather than a group (`officials said`) of
                // its kind.
                let earlier = ctx
                    .anon
                    .iter()
                    .rev()
                    .find(|a| a.person != definite_group && named(a))
                    .or_else(|| ctx.anon.iter().rev().find(named));
                if let Some(prev) = earlier {
                    return Some(Speaker {
                        mention,
                        ..prev.clone()
                    });
                }
            }
            // `Boris Pistorius visited Kyiv. The SPD politician said ...`:
            // a definite description of a person just named.
            // Not a registered role (`the Ukrainian leader`), which names
            // its holder below.
            let registered_role = || {
                let rw = self.description_role_words(&lowers.join(" "));
                ctx.actors.find_role(&rw).is_some() || !self.registry.lookup_role(&rw).is_empty()
            };
            if definite
                && definite_role
                && !is_role_of_named
                && h + 1 == words.len()
                && !lowers.iter().any(|l| matches!(*l, "of" | "for" | "to"))
                && ANAPHORIC_HEADS.contains(lowers[h])
                && !registered_role()
            {
                let described: Vec<Tok> = words.iter().map(|&&t| t).collect();
                let affiliation = self.affiliation_of(&described);
                if let Some(found) =
                    self.person_just_named(ctx, lowers[h], &affiliation, &mention, at)
                {
                    return Some(found);
                }
            }
            if !is_role_of_named && !definite_role {
                let mut desc: Vec<String> = Vec::new();
                for (n, t) in words.iter().enumerate() {
                    let mut w = text[t.start..t.end].to_string();
                    if n == h {
                        w = singular(&w);
                    }
                    // `Sources say` → `source`: common words are lowercase
                    // wherever the sentence put them.
                    // `Rights groups say` → `rights group`: a first word
                    // capitalised only as the sentence's first, naming no
                    // one and no country.
                    let sentence_initial = n == 0
                        && t.cap
                        && !t.upper
                        && (text[..t.start]
                                .trim_end_matches([' ', '\t'])
                                .ends_with('\n')
                                // After a closing mark only when a stop ends
                                // the quotation, not its comma (`“...,”
                                // Hamas officials said`).
                                || text[..t.start]
                                    .trim_end()
                                    .trim_end_matches(['”', '"', '’', '\''])
                                    .chars()
                                    .next_back()
                                    .is_none_or(|c| matches!(c, '.' | '!' | '?')))
                        && !self.lex.demonyms.contains_key(t.base())
                        && !self.lex.first_names.contains_key(t.lower)
                        && self.registry.lookup(t.base()).is_none()
                        && ctx.actors.find(t.base()).is_none();
                    let common = ANON_NOUNS.contains(t.lower)
                        || sentence_initial
                        || (n == 0
                            && matches!(self.lex.title(t.lower), Some(TitleKind::Modifier))
                            && !self.lex.demonyms.contains_key(t.base()));
                    if common {
                        w = w.to_lowercase();
                    }
                    desc.push(w);
                }
                // `spokesperson for British Prime Minister Keir Starmer` → `spokesperson for Keir Starmer`,
                // `an adviser to Zelensky` → `adviser to Volodymyr Zelensky`
                let mut name = desc.join(" ");
                if let Some(p) = lowers.iter().position(|l| *l == "for" || *l == "to") {
                    let inner: Vec<Tok> = words[p + 1..].iter().map(|&&t| t).collect();
                    if let Some(k) = self.name_from_run(&inner, text, ctx) {
                        if ctx.actors.known[k].kind == ActorKind::Person {
                            name = format!(
                                "{} {} {}",
                                desc[..p].join(" "),
                                lowers[p],
                                ctx.actors.known[k].name
                            );
                        }
                    }
                }
                let affiliation = words
                    .iter()
                    .find_map(|t| self.lex.demonyms.get(t.base()).cloned())
                    .unwrap_or_default();
                // One unnamed source is a person a later `he said` can
                // refer to (`A soldier said ... “They keep coming,” he
                // said.`); sources in the plural are a group.
                return Some(Speaker {
                    name: Some(name),
                    mention,
                    anonymous: true,
                    affiliation,
                    person: !group,
                    gender: gender_of_noun(lowers[h]),
                });
            }
        }
        // Document nouns: `A Financial Times report`, `the U.S. proposal`;
        // `the statement` is the one whose source was named last.
        // `a Kremlin readout of the call`: the document's complement does
        // not name its source.
        if let Some(of) = words.iter().position(|t| t.is("of")) {
            if of >= 2 && DOCUMENT_NOUNS.contains(words[of - 1].lower) {
                words.truncate(of);
            }
        }
        if let Some(last) = words.last() {
            // `a Kremlin statement`; not an outlet (`the Kyiv Post`).
            let outlet = last.cap && MEDIA_HEADS.contains(last.lower);
            if DOCUMENT_NOUNS.contains(last.lower) && words.len() > 1 && !outlet {
                let inner: Vec<Tok> = words[..words.len() - 1].iter().map(|&&t| t).collect();
                let found = self.resolve_np(&inner, text, ctx, hint, at)?;
                ctx.last_document = Some((singular(last.lower), found.clone()));
                return Some(found);
            }
            if DOCUMENT_NOUNS.contains(last.lower) && !indefinite && !outlet {
                let noun = singular(last.lower);
                return ctx
                    .last_document
                    .as_ref()
                    .filter(|(n, _)| *n == noun)
                    .map(|(_, found)| Speaker {
                        mention,
                        ..found.clone()
                    });
            }
        }
        // `“...,” the Dane told POLITICO`, `the Connecticut Democrat said`,
        // `the Kentucky Republican said`: someone just named, described by
        // nationality or party.
        if definite {
            if let Some(last) = words.last() {
                let nationality =
                    words.len() == 1 && last.cap && self.is_nationality_noun(last.lower);
                let party_member = last.cap
                    && matches!(last.lower, "democrat" | "republican")
                    && words.iter().all(|t| t.cap && !t.poss);
                if nationality || party_member {
                    if let Some(found) = self.person_just_named(ctx, "politician", "", &mention, at)
                    {
                        return Some(found);
                    }
                }
            }
        }
        // Registry and names.
        let run: Vec<Tok> = words.iter().map(|&&t| t).collect();
        let run: Vec<Tok> = run
            .into_iter()
            .filter(|t| !matches!(t.lower, "himself" | "herself" | "itself"))
            .collect();
        if let Some(k) = self.name_from_run(&run, text, ctx) {
            return Some(speaker_of(&ctx.actors.known[k], mention));
        }
        // Whole phrase as an institution alias (`the British government`).
        let phrase = join_base(&run, text);
        if let Some(id) = self.registry.lookup(&phrase) {
            let a = self.registry.get(id);
            return Some(Speaker {
                name: Some(a.name.clone()),
                mention,
                anonymous: false,
                affiliation: a.affiliation.clone(),
                person: a.kind == ActorKind::Person,
                gender: a.gender,
            });
        }
        // Roles: `the Kremlin spokesman`, `the top diplomat`.
        let rw = self.description_role_words(&phrase);
        // `the foreign minister`; `the secretary of state`, `the minister of
        // defence`: the role before its complement.
        let is_role = |t: &Tok| self.lex.title(t.lower) == Some(TitleKind::Role);
        // Not a body's members (`representatives of the OSCE`).
        let head_is_role = run.last().is_some_and(is_role)
            || run.iter().position(|t| t.is("of")).is_some_and(|p| {
                let complement = &run[p + 1..];
                p > 0
                    && is_role(&run[p - 1])
                    && !run[p - 1].lower.ends_with('s')
                    && !complement.is_empty()
                    && complement.iter().all(|t| !t.upper)
                    && self.registry.lookup(&join_base(complement, text)).is_none()
            });
        if head_is_role {
            // `the senator` after three senators were named: the one named
            // last.
            let named_last = ctx
                .mentions_before(at)
                .map(|m| m.known)
                .find(|&k| ctx.actors.known[k].holds_role(&rw));
            if let Some(k) = named_last
                .or_else(|| ctx.actors.find_role(&rw))
                .or_else(|| epithet_holder(&ctx.actors, &rw))
            {
                return Some(speaker_of(&ctx.actors.known[k], mention));
            }
            let mut ids = self.registry.lookup_role(&rw);
            // `Moscow's top diplomat` is the registry's `Russia's top
            // diplomat`: a capital for its country's adjective.
            if ids.is_empty() {
                // Only a possessive opening the phrase: `the Chechen leader`
                // is no `Russian leader`.
                let mut by_country = rw.clone();
                let adjective = by_country
                    .first()
                    .filter(|_| run.first().is_some_and(|t| t.poss))
                    .and_then(|w| self.lex.country_adjective_of(w));
                if let Some(adjective) = adjective {
                    by_country[0] = adjective.to_string();
                }
                if by_country != rw {
                    ids = self.registry.lookup_role(&by_country);
                }
                // `Kyiv's top diplomat`: the office the epithet names, held
                // by one registered actor of that country.
                if ids.is_empty() {
                    ids = registered_epithet_holders(&self.registry, &by_country);
                }
            }
            let in_doc: Vec<usize> = ids
                .iter()
                .copied()
                .filter(|id| ctx.actors.known.iter().any(|k| k.id == Some(*id)))
                .collect();
            // A bare `the spokesman` names nobody outside the article; a specific
            // role (`the Kremlin spokesman`) names its registered holder.
            let specific = rw.len() >= 2;
            let exact = self.registry.lookup_role_exact(&rw);
            let pick = if in_doc.len() == 1 {
                Some(in_doc[0])
            } else if ids.len() == 1 && specific {
                Some(ids[0])
            } else if exact.len() == 1 {
                Some(exact[0])
            } else {
                None
            };
            if let Some(id) = pick {
                let a = self.registry.get(id);
                return Some(Speaker {
                    name: Some(a.name.clone()),
                    mention,
                    anonymous: false,
                    affiliation: a.affiliation.clone(),
                    person: true,
                    gender: a.gender,
                });
            }
            // `Kyrylo Budanov spoke. “...,” the intelligence chief said.`;
            // the head before a complement (`the presidential chief of
            // staff`) must be the role (not `the widow of the late
            // opposition leader`).
            let head = match run.iter().position(|t| t.is("of")) {
                Some(p) if p > 0 => run[p - 1].lower,
                _ => run.last().map_or("", |t| t.lower),
            };
            if definite && self.lex.title(head) == Some(TitleKind::Role) {
                let affiliation = self.affiliation_of(&run);
                if let Some(found) = self.person_just_named(ctx, head, &affiliation, &mention, at) {
                    return Some(found);
                }
            }
            // An unnamed office holder (`Ukraine’s foreign minister`).
            let affiliation = self.affiliation_of(&run);
            return Some(Speaker {
                name: Some(phrase),
                mention,
                anonymous: false,
                affiliation,
                person: true,
                gender: None,
            });
        }
        // `The Russian side said`, `the Ukrainian leadership`: the country
        // speaking as one.
        if run.len() == 2 && matches!(run[1].lower, "side" | "leadership") {
            if let Some(country) = self.lex.demonyms.get(run[0].base()) {
                return Some(country_speaker(country, mention));
            }
        }
        // `Russia's Foreign Ministry said ... The ministry added`: a bare
        // definite head names the body with that head that spoke last.
        if definite && run.len() == 1 && !run[0].cap && INSTITUTION_HEADS.contains(run[0].lower) {
            let head = run[0].lower;
            let named_so = |s: &&Speaker| {
                s.name
                    .as_deref()
                    .is_some_and(|n| n.split(' ').any(|w| w.eq_ignore_ascii_case(head)))
            };
            if let Some(body) = ctx.salient_groups.iter().rev().find(named_so) {
                return Some(Speaker {
                    mention,
                    ..body.clone()
                });
            }
        }
        // Institutions by head noun: `Ukraine’s Ministry of Strategic Industries`;
        // a common head before a name is an apposition (`state nuclear
        // corporation Rosatom` is Rosatom).
        if run.iter().any(|t| INSTITUTION_HEADS.contains(t.lower)) {
            let affiliation = self.affiliation_of(&run);
            let named_tail = run
                .iter()
                .rposition(|t| !t.cap)
                .filter(|&p| p + 1 < run.len() && INSTITUTION_HEADS.contains(run[p].lower));
            // `Meloni's office said` is Giorgia Meloni's office, named
            // after the person as the article knows her.
            let owner = run
                .iter()
                .position(|t| t.poss)
                .filter(|&p| p + 1 < run.len() && run[p + 1..].iter().all(|t| !t.cap))
                .and_then(|p| {
                    let k = self.name_from_run(&run[..=p], text, ctx)?;
                    let known = &ctx.actors.known[k];
                    (known.kind == ActorKind::Person)
                        .then(|| format!("{}'s {}", known.name, join_base(&run[p + 1..], text)))
                });
            let name = match (named_tail, owner) {
                (Some(p), _) => join_base(&run[p + 1..], text),
                (None, Some(owned)) => owned,
                (None, None) => self.registered_body(&run, text).unwrap_or(phrase),
            };
            return Some(Speaker {
                name: Some(name),
                mention,
                anonymous: false,
                affiliation,
                person: false,
                gender: None,
            });
        }
        // `Alternative for Germany said`, `Friends of Ukraine said`: a
        // capitalised name ending in a country's names its own body.
        let named_for_country = run.len() >= 3
            && run
                .iter()
                .all(|t| t.cap || matches!(t.lower, "of" | "for" | "the" | "and"))
            && run.iter().any(|t| t.is("of") || t.is("for"))
            && run.last().is_some_and(|t| {
                self.registry
                    .lookup(t.base())
                    .is_some_and(|id| self.registry.get(id).kind != ActorKind::Person)
            });
        if named_for_country {
            return Some(Speaker {
                name: Some(phrase),
                mention,
                anonymous: false,
                affiliation: self.affiliation_of(&run),
                person: false,
                gender: None,
            });
        }
        // A country or capital as the whole subject speaks for its
        // government (`hours after Turkey said`, `Ankara said`).
        if run.len() == 1 && run[0].cap {
            if let Some(country) = self.lex.demonyms.get(run[0].base()) {
                let l = run[0].lower;
                let nounish = !(l.ends_with("ian") || l.ends_with("ish") || l.ends_with("ese"));
                if nounish {
                    return Some(country_speaker(country, mention));
                }
            }
        }
        // A single capitalized unknown word as subject: a surname first seen here.
        if run.len() == 1
            && run[0].cap
            && !NOT_NAMES.contains(run[0].lower)
            && !self.is_title_word(run[0].lower)
        {
            let name = text[run[0].start..run[0].end].to_string();
            let name = name
                .trim_end_matches("’s")
                .trim_end_matches("'s")
                .to_string();
            let k = ctx.actors.add(Known::unregistered_person(name, None));
            return Some(speaker_of(&ctx.actors.known[k], mention));
        }
        // `Global Affairs Canada`, `Statistics Canada`: a body named by
        // capitalised words and its country.
        if run.len() >= 2 && run.iter().all(|t| t.cap && !t.poss) {
            let (head, country) = run.split_at(run.len() - 1);
            // A country or place, not its people (`Ordinary Ukrainians`).
            let place =
                !country[0].lower.ends_with('s') && !self.is_nationality_noun(country[0].lower);
            let affiliation = self
                .lex
                .demonyms
                .get(country[0].lower)
                .filter(|_| place)
                .cloned();
            let body = head.iter().all(|t| {
                self.lex.title(t.lower) != Some(TitleKind::Role)
                    && !self.is_first_name(t.lower)
                    && !self.lex.demonyms.contains_key(t.lower)
                    && self.registry.lookup(t.lower).is_none()
                    // `Would Canada support ...?`
                    && !t.finite_or_modal()
                    && !BE_FORMS.contains(t.lower)
                    && !PREPOSITIONS.contains(t.lower)
                    && !DETERMINERS.contains(t.lower)
                    && !matches!(
                        t.lower,
                        "do" | "does" | "did" | "has" | "have" | "had" | "when" | "if" | "while" | "why" | "how"
                    )
            });
            if let Some(affiliation) = affiliation.filter(|_| body) {
                return Some(Speaker {
                    name: Some(join_text(&run, text)),
                    mention,
                    anonymous: false,
                    affiliation,
                    person: false,
                    gender: None,
                });
            }
        }
        // `Volodymyr Zelensky spoke on Friday. The former comedian said
        // ...`: a description of the person just named.
        let person_head = run.last().is_some_and(|t| {
            !t.cap && (ANAPHORIC_HEADS.contains(t.lower) || PERSON_DESCRIPTIONS.contains(t.lower))
        });
        if definite && person_head && simple_description(&run) {
            let head = run.last().map_or("", |t| t.lower);
            return self.person_just_named(ctx, head, &self.affiliation_of(&run), &mention, at);
        }
        None
    }

    /// The person named last, if among the last two named before `at`
    /// (names inside quotations are no mentions) and of a gender `head`
    /// agrees with (`the congresswoman`): what a definite description that
    /// matches no known role refers to.
    /// `affiliation` is the description's country (`the Turkish leader`):
    /// a person of another one is someone else.
    fn person_just_named(
        &self,
        ctx: &DocCtx,
        head: &str,
        affiliation: &str,
        mention: &str,
        at: usize,
    ) -> Option<Speaker> {
        // `the congressman`, `the spokeswoman`.
        let want = gender_of_noun(head).or_else(|| {
            if head.ends_with("woman") {
                Some(Gender::Female)
            } else if head.ends_with("man") {
                Some(Gender::Male)
            } else {
                None
            }
        });
        let surely_person = |m: &&Mention| ctx.actors.known[m.known].is_sure_person();
        // `the analyst` is not a president; `the diplomat` may be a
        // foreign minister, `the politician` anyone in office.
        let related: &[&str] = match head {
            "leader" | "politician" | "man" | "woman" | "veteran" => &[],
            "chief" | "head" | "boss" => &["chief", "head", "director", "commander"],
            "diplomat" => &["diplomat", "foreign", "ambassador", "envoy"],
            "lawmaker" => &[
                "lawmaker",
                "mp",
                "mep",
                "senator",
                "deputy",
                "congressman",
                "congresswoman",
            ],
            "minister" => &["minister", "secretary"],
            _ => std::slice::from_ref(&head),
        };
        let fits = |m: &&Mention| {
            let k = &ctx.actors.known[m.known];
            let registered =
                k.id.into_iter()
                    .flat_map(|id| self.registry.role_words_of(id));
            let roles = k.roles.iter().chain(registered);
            let same_side = affiliation.is_empty() || k.affiliation == affiliation;
            // One of no known country who holds the role may be of the
            // description's (`the Spanish diplomat` after a secretary of
            // state for foreign affairs whose country the article left
            // implicit).
            let may_be_side = same_side || k.affiliation.is_empty();
            let mut roles = roles.peekable();
            let unknown = related.is_empty() || roles.peek().is_none();
            // A press secretary is no minister, a deputy prime minister no
            // lawmaker: `secretary` and `deputy` count as the office itself.
            let holds = !unknown
                && roles.any(|role| {
                    role.iter().any(|w| {
                        related.contains(&w.as_str())
                            && !(w == "secretary" && role.iter().any(|x| x == "press"))
                            && !(w == "deputy" && role.last() != Some(w))
                    })
                });
            (may_be_side && holds, same_side && unknown)
        };
        let earlier = || ctx.mentions_before(at);
        // The last two named: anyone whose roles allow the description.
        let last_two: Vec<&Mention> = earlier().take(2).collect();
        earlier()
            // Past a place read as a name (`the Global South`), only one
            // who holds the role (`the veteran diplomat` after `Celso
            // Amorim, chief foreign policy adviser`).
            .filter(surely_person)
            .take(2)
            .filter(|m| {
                let (holds, unknown) = fits(m);
                holds || (unknown && last_two.iter().any(|w| std::ptr::eq(*w, *m)))
            })
            .find(|m| want.is_none() || m.gender.is_none() || m.gender == want)
            .map(|m| Speaker {
                mention: mention.to_string(),
                ..m.speaker(&ctx.actors.known)
            })
    }

    /// The affiliation a phrase names (`Ukrainian`, `Kremlin`), if any.
    fn affiliation_of(&self, run: &[Tok]) -> String {
        run.iter()
            .find_map(|t| {
                self.lex.demonyms.get(t.base()).cloned().or_else(|| {
                    self.registry
                        .lookup(t.base())
                        .map(|id| self.registry.get(id).affiliation.clone())
                })
            })
            .unwrap_or_default()
    }

    fn resolve_pronoun(
        &self,
        p: &str,
        ctx: &DocCtx,
        hint: &Option<(usize, Speaker)>,
        at: usize,
        mention: &str,
    ) -> Option<Speaker> {
        let want = match p {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            "they" | "it" => None,
            _ => return None,
        };
        let compatible = |s: &Speaker| s.person && (s.gender.is_none() || s.gender == want);
        let found = if want.is_some() {
            let in_sentence = hint
                .as_ref()
                .filter(|(pos, s)| *pos < at && compatible(s))
                .map(|(_, s)| s.clone());
            let fits = |s: &Speaker| {
                // An unnamed source just quoted is the nearest antecedent
                // whatever the people named before it.
                let latest_source =
                    s.anonymous && ctx.salient.last().is_some_and(|last| last.name == s.name);
                s.gender == want
                    || latest_source
                    || !ctx.mentions.iter().rev().take(8).any(|m| m.gender == want)
            };
            // `Gribanov went further than Peskov. In an interview with RIA
            // Novosti, he said ...`: a name of no known gender earlier in
            // the sentence gives way to the subject before it.
            in_sentence
                .filter(fits)
                .or_else(|| {
                    ctx.salient
                        .iter()
                        .rev()
                        .take(6)
                        .find(|s| compatible(s))
                        .filter(|s| fits(s))
                        .cloned()
                })
                .or_else(|| {
                    // No salient subject of that gender: the last person of
                    // that gender named (`Merz met Meloni. She said ...`), or
                    // of no known gender but a title (`Sen. Thom Tillis
                    // spoke. He said ...`), before the pronoun.
                    ctx.mentions
                        .iter()
                        .rev()
                        .filter(|m| m.at < at)
                        .take(8)
                        .find(|m| m.gender == want || (m.gender.is_none() && m.titled))
                        .map(|m| m.speaker(&ctx.actors.known))
                })
        } else {
            ctx.salient_groups
                .iter()
                .rev()
                .take(3)
                .find(|s| !s.person)
                .cloned()
        }?;
        Some(Speaker {
            mention: mention.to_string(),
            ..found
        })
    }
}

/// A person named in the text, as the document knew them then: pronouns fall
/// back on the last ones named. Only the actor's index is kept with what can
/// still change about them (their gender and affiliation are filled in when a
/// later mention tells them), so a mention costs no strings: every person of
/// every sentence is one, and few are ever asked for.
#[derive(Debug, Clone, Copy)]
struct Mention {
    known: usize,
    gender: Option<Gender>,
    /// Whether the actor's affiliation was known at the mention.
    affiliated: bool,
    /// Byte offset of the mention: a pronoun refers back, never to a name
    /// later in its own sentence (`He said he had raised it with Pete
    /// Hegseth` is not Hegseth's).
    at: usize,
    /// Named with a title (`Sen. Thom Tillis`): a person even when the first
    /// name tells no gender.
    titled: bool,
}

impl Mention {
    /// The speaker this mention names (its `mention` words left empty: a
    /// pronoun that resolves to it is the mention).
    fn speaker(&self, known: &[Known]) -> Speaker {
        let mut speaker = speaker_of(&known[self.known], String::new());
        speaker.gender = self.gender;
        if !self.affiliated {
            speaker.affiliation.clear();
        }
        speaker
    }
}

#[derive(Debug, Default)]
struct DocCtx {
    actors: DocActors,
    /// Every person named, in text order (pronoun fallback).
    mentions: Vec<Mention>,
    /// Anonymous sources that have spoken (`the official` refers back).
    anon: Vec<Speaker>,
    salient: Vec<Speaker>,
    salient_groups: Vec<Speaker>,
    last_speaker: Option<(Speaker, String)>,
    last_paragraph: Option<usize>,
    floating_ok: bool,
    /// The last document whose source was named (`A statement from the
    /// Kremlin`, `Zelensky's post`): its noun, singular, and the source.
    last_document: Option<(String, Speaker)>,
    /// The speaker and cue of a sentence that is an attribution alone
    /// (`Golubev said.`), for the quotation before it.
    tail: Option<(Speaker, String)>,
    /// The buffer [`Extractor::name_from_run`] joins a run's names in:
    /// every capitalised run of the document is read, each by several
    /// windows.
    name_buf: String,
}

impl DocCtx {
    /// The people named before byte `at`, the latest first.
    fn mentions_before(&self, at: usize) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().rev().filter(move |m| m.at < at)
    }

    /// Makes a sentence's statements the discourse state later sentences
    /// resolve against.
    fn remember_speakers(&mut self, found: &[Found], paragraph: usize) {
        // Only the sentence's last named speaker is the one a floating
        // quotation can continue.
        if let Some(f) = found.iter().rfind(|f| f.speaker.name.is_some()) {
            self.last_speaker = Some((f.speaker.clone(), f.cue.clone()));
            self.last_paragraph = Some(paragraph);
        }
        for f in found {
            if f.speaker.name.is_some() {
                if f.speaker.anonymous {
                    self.anon.push(f.speaker.clone());
                }
                if f.speaker.person {
                    self.salient.push(f.speaker.clone());
                } else {
                    self.salient_groups.push(f.speaker.clone());
                }
            }
        }
    }
}

/// A country's government speaking as one (`Ankara said`, `the Russian
/// side said`).
fn country_speaker(country: &str, mention: String) -> Speaker {
    Speaker {
        name: Some(country.to_string()),
        mention,
        anonymous: false,
        affiliation: country.to_string(),
        person: false,
        gender: None,
    }
}

/// Turns of an interview transcript that answer: for each paragraph, the
/// label's byte range and where the answer starts, when the paragraph is
/// such a turn (`Berthold: No. Administrations change.`). A transcript has
/// three or more paragraphs opening with a short capitalised label and a
/// colon, under two or more labels; the interviewer's label (the first
/// turn's, when one of its turns is a question, or an outlet in capitals:
/// `DER SPIEGEL:`) asks, the others answer. A turn opening with a
/// quotation mark is a label the sentence reader handles (`Zelensky:
/// “...”`).
fn interview_answers(
    text: &str,
    paragraphs: &[text::Paragraph],
) -> Vec<Option<(std::ops::Range<usize>, usize)>> {
    const MAX_LABEL_WORDS: usize = 4;
    const MAX_LABEL_BYTES: usize = 40;
    // Labels of other paragraph formats (`Source:`, `Quote:`, `Photo:`).
    const NOT_SPEAKERS: &[&str] = &[
        "source",
        "quote",
        "photo",
        "photos",
        "video",
        "watch",
        "read",
        "related",
        "update",
        "updated",
        "note",
        "background",
        "context",
        "analysis",
        "correction",
        "disclaimer",
        "q",
        "a",
        "question",
        "answer",
        "editor's",
        "editor’s",
        "also",
        "more",
        "see",
    ];
    let turn = |p: &text::Paragraph| -> Option<(std::ops::Range<usize>, usize)> {
        if p.kind != ParagraphKind::Content {
            return None;
        }
        let head = text.get(p.start..p.end)?;
        let colon = head
            .char_indices()
            .take_while(|&(i, _)| i <= MAX_LABEL_BYTES)
            .find(|&(_, c)| c == ':')
            .map(|(i, _)| i)?;
        let label = &head[..colon];
        let words: Vec<&str> = label.split(' ').collect();
        let is_label = !label.is_empty()
            && words.len() <= MAX_LABEL_WORDS
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
            })
            && !NOT_SPEAKERS.contains(&label.to_lowercase().as_str());
        let rest = &head[colon + 1..];
        let body = rest.trim_start();
        let body_opens =
            rest.starts_with(' ') && body.chars().next().is_some_and(|c| c.is_alphanumeric());
        (is_label && body_opens).then(|| (p.start..p.start + colon, p.end - body.len()))
    };
    let turns: Vec<Option<(std::ops::Range<usize>, usize)>> = paragraphs.iter().map(turn).collect();
    let labels: Vec<&str> = turns
        .iter()
        .flatten()
        .map(|(l, _)| &text[l.clone()])
        .collect();
    let mut distinct = labels.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if labels.len() < 3 || distinct.len() < 2 {
        return vec![None; paragraphs.len()];
    }
    // The first label asks when a turn of it is a question; a roundup of
    // speakers (`Zelensky: ... Macron: ...`) has no interviewer.
    let asks = |label: &str| {
        turns.iter().zip(paragraphs).any(|(t, p)| {
            t.as_ref().is_some_and(|(l, _)| &text[l.clone()] == label)
                && text[..p.end].ends_with('?')
        })
    };
    let interviewer = Some(labels[0]).filter(|&l| asks(l));
    turns
        .into_iter()
        .map(|t| {
            t.filter(|(l, _)| {
                let label = &text[l.clone()];
                let capitals = label
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
                Some(label) != interviewer && !capitals
            })
        })
        .collect()
}

fn speaker_of(k: &Known, mention: String) -> Speaker {
    Speaker {
        name: Some(k.name.clone()),
        mention,
        anonymous: false,
        affiliation: k.affiliation.clone(),
        person: k.kind == ActorKind::Person,
        gender: k.gender,
    }
}

fn join_text(toks: &[Tok], text: &str) -> String {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => text[a.start..b.end].to_string(),
        _ => String::new(),
    }
}

/// Tags each token inside a quotation (marks excluded) with its index.
fn tag_quotations(toks: &mut [Tok], quotes: &[Quote]) {
    // Tokens and quotations are both in text order: one pass.
    let mut qi = 0;
    for t in toks.iter_mut() {
        while qi < quotes.len() && quotes[qi].inner_end < t.end {
            qi += 1;
        }
        if t.mark.is_none() {
            t.quote = quotes
                .get(qi)
                .filter(|q| t.start >= q.inner_start && t.end <= q.inner_end)
                .map(|_| qi as u32);
        }
    }
}

/// Words joined by spaces with possessive endings removed.
fn join_base(toks: &[Tok], text: &str) -> String {
    let mut out = String::new();
    join_base_into(toks, text, &mut out);
    out
}

/// [`join_base`] into `out` (emptied first): every capitalised run is looked
/// up by each of its suffixes, in one buffer.
fn join_base_into(toks: &[Tok], text: &str, out: &mut String) {
    out.clear();
    for (k, t) in toks.iter().enumerate() {
        let w = &text[t.start..t.end];
        if k > 0 {
            out.push(' ');
        }
        out.push_str(
            w.strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w),
        );
    }
}

fn singular(w: &str) -> String {
    let lower = w.to_lowercase();
    if lower == "people" {
        return "person".to_string();
    }
    if lower.ends_with("ies") && w.len() > 4 {
        return format!("{}y", &w[..w.len() - 3]);
    }
    if lower.ends_with('s') && !lower.ends_with("ss") && w.len() > 3 {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// Drops leading `that`, colons and commas, and trailing punctuation and
/// connectors from a content range.
fn trim_content(toks: &[Tok], mut cs: usize, mut ce: usize) -> (usize, usize) {
    // A frame whose content starts after the previous frame's end can come
    // out empty or inverted (`..., according to officials`): nothing to trim.
    ce = ce.min(toks.len());
    if cs >= ce {
        return (cs, cs);
    }
    // A dateline (`KYIV --`, `MOSCOW, May 2 —`, `LONDON (Reuters) -`,
    // `KYIV, Ukraine (AP) —`) is not the speaker's words.
    let dash = toks[cs..ce.min(cs + 10)]
        .iter()
        .position(|t| t.punct("—") || t.punct("–") || t.punct("-"));
    if let Some(d) = dash {
        let head = &toks[cs..cs + d];
        // `Kyiv (AFP) -`: an agency in parentheses before the dash marks
        // a dateline whatever the case of the place.
        let agency = head.last().is_some_and(|t| t.punct(")"));
        let dateline = head.first().is_some_and(|t| t.upper || (agency && t.cap))
            && head.iter().all(|t| {
                t.upper
                    || t.is_comma()
                    || t.cap
                    || t.punct("(")
                    || t.punct(")")
                    || t.lower.chars().all(|c| c.is_ascii_digit())
            });
        // A live blog's entry time: `11:02 GMT -`.
        let digits = |t: &Tok| !t.lower.is_empty() && t.lower.bytes().all(|b| b.is_ascii_digit());
        let clock = head.len() >= 3
            && digits(&head[0])
            && head[1].punct(":")
            && digits(&head[2])
            && head[3..]
                .iter()
                .all(|t| t.upper || t.punct("(") || t.punct(")"));
        if dateline || clock {
            cs += d;
            while cs < ce && !toks[cs].word && toks[cs].mark.is_none() {
                cs += 1;
            }
        }
    }
    while cs < ce
        && (toks[cs].is("that")
            || toks[cs].punct(":")
            || toks[cs].is_comma()
            || toks[cs].punct("—")
            || toks[cs].punct("–"))
    {
        cs += 1;
    }
    while ce > cs {
        let t = &toks[ce - 1];
        let drop = (t.quote.is_none() && t.mark.is_none() && !t.word && !t.punct(")"))
            || (t.quote.is_none()
                && t.mark.is_none()
                && matches!(
                    t.lower,
                    "and" | "but" | "while" | "as" | "or" | "though" | "although"
                ));
        if drop {
            ce -= 1;
        } else {
            break;
        }
    }
    (cs, ce)
}

/// The inside of a quotation without surrounding white space.
fn trim_quote_inner(text: &str, q: Quote) -> (usize, usize) {
    let inner = &text[q.inner_start..q.inner_end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    if lead == inner.len() {
        return (q.inner_start, q.inner_start);
    }
    (q.inner_start + lead, q.inner_end - trail)
}

/// The name an unnamed source gives, set off by commas before the cue at
/// `end`: `a surgeon who gave only his first name, Oleh, because of security
/// concerns said`, `a soldier who gave only his call sign, Hrim, said`.
fn given_name_before(toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    // Past the name's commas a speech verb, not a noun read as a cue
    // (`his call sign, Hrim, in line with military rules, was blunter`);
    // asked first, since every cue's subject is looked for here.
    let speech = toks.get(end).is_some_and(|t| {
        matches!(
            t.lower,
            "said" | "says" | "told" | "tells" | "added" | "adds"
        )
    });
    if !speech {
        return None;
    }
    let from = end.saturating_sub(24);
    (from..end).find_map(|c| {
        let names_name = c >= 3
            && toks[c].is_comma()
            && matches!(toks[c - 1].lower, "name" | "sign" | "nickname" | "surname")
            && toks[c.saturating_sub(4)..c - 1]
                .iter()
                .any(|t| matches!(t.lower, "his" | "her" | "their"))
            && toks[c.saturating_sub(7)..c - 1]
                .iter()
                .any(|t| matches!(t.lower, "gave" | "giving" | "gives" | "give"));
        if !names_name {
            return None;
        }
        let n = toks[c + 1..end]
            .iter()
            .take_while(|t| t.word && t.cap && !t.poss && t.quote.is_none())
            .count();
        let close = c + 1 + n;
        // Only adjuncts between the name and the cue (`because of security
        // concerns`), no clause of their own.
        let adjuncts = toks[close..end]
            .iter()
            .all(|t| (t.word && !t.finite_or_modal()) || t.is_comma());
        ((1..=2).contains(&n) && close < end && toks[close].is_comma() && adjuncts)
            .then_some((c + 1, close))
    })
}

/// Words a title in marks may hold uncapitalised (`“Meet the Press”`,
/// `“Le Journal du Dimanche”`).
const TITLE_JOINERS: &[&str] = &[
    "of", "the", "and", "for", "de", "du", "des", "la", "le", "der", "die", "das", "am", "im",
];

/// The end (past the closing mark) of a name in marks opening at `k`: a
/// publication or programme an outlet puts in marks (`told
/// “Rzeczpospolita”`, `in an interview with “Kommersant”`): one to five
/// words, the first and last capitalised, with no punctuation, so no
/// utterance (`“Never,”` ends in a comma; `“Crimea is Ukraine”` has a
/// lowercase verb).
fn name_in_marks_end(toks: &[Tok], k: usize) -> Option<usize> {
    let Some((qi, true)) = toks.get(k)?.mark else {
        return None;
    };
    let close = k + 1 + toks[k + 1..].iter().position(|t| t.mark.is_some())?;
    // American style puts the sentence's stop inside: `told “Kommersant.”`
    let stop_inside = close >= k + 3 && toks[close - 1].punct(".");
    let inner = &toks[k + 1..close - usize::from(stop_inside)];
    let named = (1..=5).contains(&inner.len())
        && toks[close].is_mark(qi as usize, false)
        && inner.first().is_some_and(|t| t.cap)
        && inner.last().is_some_and(|t| t.cap)
        && inner
            .iter()
            .all(|t| t.word && (t.cap || TITLE_JOINERS.contains(&t.lower)));
    named.then_some(close + 1)
}

/// Folded key of a speaker name, for merging across documents.
pub fn speaker_key(name: &str) -> String {
    fold_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Extractor {
        /// The character-by-character tokenizer [`Extractor::tokenize`] replaced:
        /// the oracle it is checked against.
        fn tokenize_by_char<'a>(
            &self,
            text: &'a str,
            s: usize,
            e: usize,
            quotes: &[Quote],
            lowered: &mut Lowered,
        ) -> Vec<Tok<'a>> {
            let mut toks = Vec::new();
            let seg = &text[s..e];
            let chars: Vec<(usize, char)> = seg.char_indices().collect();
            // Mark positions are looked up per character; a sentence has a few
            // quotations at most, so a scan of them beats hashing every offset.
            let open_at = |p: usize| quotes.iter().rposition(|q| q.open == p);
            let close_at = |p: usize| quotes.iter().rposition(|q| q.closed && q.inner_end == p);
            let mut i = 0;
            while i < chars.len() {
                let (off, c) = chars[i];
                let pos = s + off;
                if c.is_whitespace() {
                    i += 1;
                    continue;
                }
                if let Some(qi) = open_at(pos) {
                    let q = quotes[qi];
                    toks.push(self.mark_tok(text, pos, q.inner_start, qi, true));
                    while i < chars.len() && s + chars[i].0 < q.inner_start {
                        i += 1;
                    }
                    continue;
                }
                if let Some(qi) = close_at(pos) {
                    let q = quotes[qi];
                    toks.push(self.mark_tok(text, pos, q.close_end, qi, false));
                    while i < chars.len() && s + chars[i].0 < q.close_end {
                        i += 1;
                    }
                    continue;
                }
                if c.is_alphanumeric() {
                    let mut j = i + 1;
                    while j < chars.len() {
                        let ch = chars[j].1;
                        if text::is_alphanumeric(ch) {
                            j += 1;
                            continue;
                        }
                        let next_alnum =
                            chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
                        let p = s + chars[j].0;
                        let is_mark_here = open_at(p).is_some() || close_at(p).is_some();
                        if matches!(ch, '\'' | '’' | '-' | '.' | '&' | '/')
                            && next_alnum
                            && !is_mark_here
                        {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    let mut end = if j < chars.len() { s + chars[j].0 } else { e };
                    let word = &text[pos..end];
                    // Abbreviations and initials keep their period: Gen., U.S., J.
                    if j < chars.len()
                        && chars[j].1 == '.'
                        && self.keeps_period(word, &text[pos..end + 1])
                    {
                        end += 1;
                        j += 1;
                    }
                    // Possessive with a closing apostrophe: Ukrainians’
                    let mut poss = false;
                    if j < chars.len() && matches!(chars[j].1, '’' | '\'') {
                        let after = chars.get(j + 1).map(|&(_, n)| n);
                        let is_mark = close_at(s + chars[j].0).is_some();
                        if !is_mark
                            && word.ends_with('s')
                            && after.is_none_or(|n| !text::is_alphanumeric(n))
                        {
                            poss = true;
                        }
                    }
                    let shape = WordShape::of(&text[pos..end]);
                    toks.push(self.word_tok(text, pos, end, poss, shape, toks.len(), lowered));
                    i = j;
                    continue;
                }
                let end = pos + c.len_utf8();
                toks.push(Tok {
                    start: pos,
                    end,
                    lower: &text[pos..end],
                    word: false,
                    cap: false,
                    upper: false,
                    poss: false,
                    quote: None,
                    mark: None,
                });
                i += 1;
            }
            tag_quotations(&mut toks, quotes);
            toks
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// The byte-stepping tokenizer finds the tokens of the character
        /// scan it replaced, on every sentence of texts mixing quotation
        /// marks, apostrophes, joiners, abbreviations and non-ASCII words.
        #[test]
        fn tokens_match_the_character_scan(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Gen.", "U.S.", "Mr.", "J.", "e.g.", "Kyiv’s", "Ukrainians’", "don't",
                    "pro-Russian", "AT&T", "and/or", "Zelensky", "NATO", "said", "the",
                    "Łukasz", "Kyїv", "ПРИВІТ", "“", "”", "\"", "'", "‘", "’", "«", "»",
                    ",", ".", "!", "?", "—", "-", " ", " ", " ", "\n", "42", "3.5", "a.m.",
                    "ʼ", "é", "s", "’s", "'s",
                ]),
                0..40,
            )
        ) {
            let text: String = pieces.concat();
            let ex = Extractor::builtin();
            let quotes = text::pair_quotes(&text, 0, text.len());
            for (s, e) in text::sentences(&text, 0, text.len(), &quotes) {
                let qs: Vec<Quote> = quotes
                    .iter()
                    .copied()
                    .filter(|q| q.open >= s && q.open < e)
                    .map(|mut q| {
                        if q.close_end > e {
                            q.inner_end = q.inner_end.min(e);
                            q.close_end = q.close_end.min(e);
                            q.closed = false;
                        }
                        q
                    })
                    .collect();
                let (mut fast_lowered, mut slow_lowered) = (Lowered::default(), Lowered::default());
                let fast = ex.tokenize(&text, s, e, &qs, &mut fast_lowered);
                let fast = fast_lowered.attach(fast);
                let slow = ex.tokenize_by_char(&text, s, e, &qs, &mut slow_lowered);
                let slow = slow_lowered.attach(slow);
                proptest::prop_assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{:?}", &text[s..e]);
            }
        }
    }
}
