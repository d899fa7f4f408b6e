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
//!
//! The reading is split by stage: `tokens` (the token list), `frames`
//! (cues and where their contents start), `subjects` (a cue's subject),
//! `content` and `bounds` (where contents end), `names` (people and bodies
//! a sentence introduces), `resolve` (subjects to speakers) and `sentence`
//! (one sentence read whole); `grammar` holds the word lists they share.

use rustc_hash::FxHashSet as HashSet;

use crate::actors::{
    fold_name, is_generational_suffix, role_words, translit_key, Actor, ActorId, ActorKind,
    DocActors, Known, Registry, NAME_PARTICLES,
};
use crate::document::Document;
use crate::lexicon::{CueForm, Gender, Lexicons, TitleKind, WordList};
use crate::statement::Kind;
use crate::text::{self, Boilerplate, ParagraphKind, Quote};

mod bounds;
mod content;
mod frames;
mod grammar;
mod names;
mod resolve;
mod sentence;
mod subjects;
mod tokens;

use grammar::*;

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

/// A sentence read, for the attribution formula after it (`This was stated
/// by ...`): its span and whether it made statements of its own.
#[derive(Debug, Clone, Copy)]
struct PreviousSentence {
    start: usize,
    end: usize,
    claimed: bool,
}

/// `Ukraine will not agree to any ceasefire formula that legitimizes the
/// occupation. This was stated by ...`: the sentence before the formula is
/// the speaker's reported statement, whole (without its final period), when
/// it made none of its own and is more than a few words.
fn claim_previous_sentence(
    text: &str,
    before: PreviousSentence,
    speaker: Speaker,
    cue: String,
) -> Option<Found> {
    if before.claimed {
        return None;
    }
    let sentence = text.get(before.start..before.end)?;
    let trimmed = sentence.trim_end().trim_end_matches(['.', '!']).trim_end();
    let words = trimmed.split_whitespace().count();
    if words < 4 || trimmed.ends_with('?') {
        return None;
    }
    let start = before.start + (sentence.len() - sentence.trim_start().len());
    let end = before.start + trimmed.len();
    let quoted = text[start..end].contains(['“', '"', '«', '„']);
    Some(Found {
        kind: if quoted { Kind::Mixed } else { Kind::Indirect },
        start,
        end,
        cue,
        speaker,
        context: text[start..end].to_string(),
        continues: false,
        interrupted: false,
    })
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
        // The sentence before this one, which `This was stated by ...` claims.
        let mut previous: Option<PreviousSentence> = None;
        for (pi, p) in paragraphs.iter().enumerate() {
            if p.kind != ParagraphKind::Content {
                prev_open_quote = false;
                previous = None;
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
                    previous = None;
                    continue;
                }
            }
            let quotes = text::pair_quotes(text, p.start, p.end);
            let sentences = text::sentences(text, p.start, p.end, &quotes);
            let paragraph_from = out.len();
            let salient_from = ctx.salient.len();
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
                    previous = None;
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
                let mut found = self.sentence(text, (s, e), &toks, &qs, &mut ctx, pi);
                let formula = self.attribution_formula(&toks);
                if let Some(((a, b), cue_end)) = formula {
                    // The formula is an attribution, not a statement (its
                    // `, an Ukrinform correspondent reports` neither); a
                    // clause after its speaker still reports (`This was
                    // confirmed by the Elysee, which said ...`).
                    let formula_end = toks[b - 1].end;
                    found.retain(|f| f.start >= formula_end);
                    let speaker =
                        self.resolve_np(&toks[a..b], text, &mut ctx, &None, toks[a].start);
                    if let (Some(speaker), Some(before)) = (speaker, previous.take()) {
                        let cue = text[toks[0].start..toks[cue_end - 1].end].to_string();
                        self.note_occasion_document(&toks[b..], &speaker, &mut ctx);
                        if let Some(claimed) = claim_previous_sentence(text, before, speaker, cue) {
                            ctx.remember_speakers(std::slice::from_ref(&claimed), pi);
                            out.push(claimed);
                        }
                    }
                }
                previous = Some(PreviousSentence {
                    start: s,
                    end: e,
                    claimed: !found.is_empty() || formula.is_some(),
                });
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
            // `Source: Zelenskyy in his evening video address` (paragraph
            // end) `Quote: “...”`: a source line names whose words the
            // quotation after it are.
            if out.len() == paragraph_from && text[p.start..p.end].starts_with("Source:") {
                if let Some(source) = ctx.salient.get(salient_from..).and_then(<[_]>::last) {
                    ctx.last_speaker = Some((source.clone(), "Source:".to_string()));
                    ctx.last_paragraph = Some(pi);
                }
            }
            prev_open_quote = quotes.last().is_some_and(|q| !q.closed);
        }
        abandon_running(&mut running, &mut out);
        self.name_described_office_holders(text, &paragraphs, &ctx, &mut out);
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
    /// The person a sentence of narration last gave a view to (`Yonatan
    /// Peleg, a reservist, disagreed.`), whom a pronoun after it takes up
    /// even when their gender is unknown.
    last_viewer: Option<Speaker>,
    last_paragraph: Option<usize>,
    floating_ok: bool,
    /// The last document whose source was named (`A statement from the
    /// Kremlin`, `Zelensky's post`): its noun, singular, and the source.
    last_document: Option<(String, Speaker)>,
    /// Where the last sentence that issued a document (`The G7 leaders
    /// issued a joint statement.`) ended: an `it` right after is that
    /// document.
    issued_document_end: Option<usize>,
    /// The speaker and cue of a sentence that is an attribution alone
    /// (`Golubev said.`), for the quotation before it.
    tail: Option<(Speaker, String)>,
    /// The countries and bodies the article names anywhere (by demonym,
    /// name or capital), read once when a bare title needs them.
    affiliations_named: Option<HashSet<String>>,
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

/// A registry actor as the speaker (`person` when the role found says so
/// even where the registry does not).
fn registered_speaker(a: &Actor, mention: String, person: bool) -> Speaker {
    Speaker {
        name: Some(a.name.clone()),
        mention,
        anonymous: false,
        affiliation: a.affiliation.clone(),
        person,
        gender: a.gender,
    }
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
    // `fishermen`, `women`, `servicemen`.
    if lower.ends_with("men") && w.is_ascii() {
        return format!("{}man", &w[..w.len() - 3]);
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
        // `Rabat - Morocco supports ...`: a place of one or two words in
        // title case before a hyphen (Morocco World News). (Not a dash,
        // which may open an aside: `Crimea — like Donbas — is Ukrainian`.)
        // It opens the sentence, and a capitalised sentence follows it with
        // no second hyphen closing an aside (not `Ukraine - and Europe -
        // must keep sanctions`, `Moscow - not Kyiv - is to blame`).
        let place = cs == 0
            && (1..=2).contains(&head.len())
            && head.iter().all(|t| t.word && t.cap)
            && toks[cs + d].punct("-")
            && toks.get(cs + d + 1).is_some_and(|t| t.word && t.cap)
            && !toks[cs + d + 1..ce.min(cs + d + 14)]
                .iter()
                .any(|t| t.punct("-"));
        let dateline = head
            .first()
            .is_some_and(|t| t.upper || ((agency || place) && t.cap))
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
    // `SINGAPORE: ...`, `KUALA LUMPUR: ...`: the Asian papers' dateline
    // with a colon.
    let colon = toks[cs..ce.min(cs + 4)].iter().position(|t| t.punct(":"));
    if let Some(c) = colon.filter(|&c| c > 0) {
        if toks[cs..cs + c]
            .iter()
            .all(|t| t.word && t.upper && t.quote.is_none())
        {
            cs += c + 1;
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
        // `Another resident, who gave his name only as Andrei, said`
        if names::gives_name_at(toks, c) && toks[c - 1].is("as") {
            let close = c + 1;
            return (close < end
                && toks[close].is_comma()
                && toks[close + 1..end]
                    .iter()
                    .all(|t| t.is_comma() || (t.word && !t.finite_or_modal())))
            .then_some((c, close));
        }
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
                            j += 1;
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
