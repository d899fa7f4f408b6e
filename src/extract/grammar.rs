//! The closed-class word lists (determiners, prepositions, verbs of speech,
//! anonymous-source and institution heads, names that are not names) and the
//! small token tests the extraction rules share.

use super::*;

pub(super) static DETERMINERS: WordList = WordList::new(&[
    "a", "an", "the", "one", "two", "three", "four", "five", "six", "several", "some", "many",
    "other", "another", "few", "numerous", "multiple", "dozens", "both",
]);
pub(super) static NOUN_DETERMINERS: WordList = WordList::new(&[
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
    "your", "no", "any", "every", "each", "such", "whose",
]);
pub(super) static MODALS: WordList = WordList::new(&[
    "will", "would", "could", "should", "may", "might", "must", "can", "shall", "to", "not",
    "never", "didn't", "doesn't", "don't", "won't", "wouldn't", "cannot", "can't", "did", "does",
    "do",
]);
pub(super) static BE_FORMS: WordList = WordList::new(&[
    "was", "were", "been", "being", "be", "is", "are", "am", "'s", "get", "got",
]);
pub(super) static SKIPPABLE: WordList = WordList::new(&[
    "has",
    "have",
    "had",
    // The emphatic auxiliary: `Rutte did concede that ...`.
    "did",
    "does",
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
    // `Kemi Badenoch last night slammed ...`
    "night",
    "tonight",
    "overnight",
    "month",
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
/// A country's missions abroad (`The Russian embassy in London`, `the
/// Russian mission to the EU`).
pub(super) static MISSIONS: WordList = WordList::new(&[
    "embassy",
    "consulate",
    "mission",
    "delegation",
    "representation",
]);

pub(super) static PRONOUNS: WordList = WordList::new(&["he", "she", "they", "it", "we", "i"]);
/// `to` and a bare verb at `k`: the infinitive a verb takes (`threatened
/// to block it`, `urged allies to keep up the pressure`), not a recipient
/// (`vowed to supporters`) or a destination (`to the summit`).
pub(super) fn infinitive_at(toks: &[Tok], k: usize) -> bool {
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
pub(super) fn infinitive_within(toks: &[Tok], k: usize, limit: usize) -> bool {
    (k..(k + limit).min(toks.len())).any(|n| infinitive_at(toks, n))
}

/// Whether `toks[n]` is a verb of its clause: a finite verb or modal, or a
/// past tense not before a preposition (`an interview published on
/// Sunday` describes).
pub(super) fn verb_at(toks: &[Tok], n: usize) -> bool {
    let t = &toks[n];
    let describes = toks
        .get(n + 1)
        .is_none_or(|next| PREPOSITIONS.contains(next.lower));
    // `during a televised debate`, `the revised plan`: after a determiner,
    // an adjective.
    // (Not `the strike that killed 12 people`.)
    let modifies = n > 0
        && NOUN_DETERMINERS.contains(toks[n - 1].lower)
        && !matches!(
            toks[n - 1].lower,
            "that" | "whose" | "this" | "these" | "those"
        );
    t.word
        && t.quote.is_none()
        && (t.finite_or_modal() || (t.looks_past_tense() && !describes && !modifies))
}

/// Journalists' epithets for offices, and the offices' own titles: `the top
/// diplomat` after `Hungarian Foreign Minister Peter Szijjarto` is
/// Szijjarto, not a registered holder of the epithet elsewhere.
pub(super) const EPITHETS: &[(&[&str], &[&[&str]])] = &[
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
    // `The pontiff said` after `Pope Leo XIV`.
    (&["pontiff"], &[&["pope"]]),
];

/// The person of the document most recently named with an office that
/// the epithet `rw` denotes (`top diplomat`: a foreign minister, a
/// secretary of state); the epithet's other words (`the top US
/// diplomat`) must be among that person's role words too.
pub(super) fn epithet_holder(actors: &DocActors, rw: &[String]) -> Option<usize> {
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
pub(super) fn same_office_word(x: &str, w: &str) -> bool {
    x == w || (matches!(x, "defence" | "defense") && matches!(w, "defence" | "defense"))
}

/// The offices an epithet among the role words `rw` denotes, each with the
/// description's other words (`the top US diplomat`: a foreign minister or
/// a secretary of state, with `us`).
pub(super) fn epithet_offices(
    rw: &[String],
) -> impl Iterator<Item = (&'static [&'static str], Vec<&String>)> {
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
pub(super) fn registered_epithet_holders(registry: &Registry, rw: &[String]) -> Vec<ActorId> {
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
pub(super) fn takes_object(f: &Frame, toks: &[Tok]) -> bool {
    f.np_content
        || f.content.is_some_and(|(cs, ce)| {
            let c = toks.get(cs..ce.min(toks.len())).unwrap_or(&[]);
            infinitive_at(c, 0)
                || (infinitive_within(c, 1, 4) && !(0..4.min(c.len())).any(|n| verb_at(c, n)))
        })
}

/// `54-year-old`: an age used as a description of a person.
pub(super) fn is_age(lower: &str) -> bool {
    lower
        .strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The gender a person noun gives its referent (`the 54-year-old mother`).
pub(super) fn gender_of_noun(lower: &str) -> Option<Gender> {
    match lower {
        "woman" | "mother" | "grandmother" | "wife" | "daughter" | "girl" | "widow" | "sister"
        | "granddaughter" | "niece" | "aunt" | "fiancee" => Some(Gender::Female),
        "man" | "father" | "grandfather" | "husband" | "son" | "boy" | "widower" | "brother"
        | "grandson" | "nephew" | "uncle" | "fiance" => Some(Gender::Male),
        _ => None,
    }
}

/// The comma that ends a participle clause opening the sentence (`Asked
/// whether relief had been discussed with US envoy Steve Witkoff, he said
/// only ...`), whose people are not the sentence's subject.
pub(super) fn opening_clause_end(toks: &[Tok]) -> Option<usize> {
    toks.first()
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
}

/// Whether token `i` follows a comma or a closing quotation mark: where a
/// trailing attribution (`“...,” she said`, `..., he said`) starts.
pub(super) fn after_separator(toks: &[Tok], i: usize) -> bool {
    i > 0
        && (toks[i - 1].is_comma()
            || (toks[i - 1].mark.is_some_and(|(_, open)| !open) && !quoted_name_ends(toks, i - 1)))
}

/// Whether the closing mark at `close` ends a quoted name a clause gives
/// its person: `A soldier nicknamed “Tiger” told reporters`, `who gave only
/// his call sign, “Tiger,” said`. One to three capitalised words after a
/// naming word, not a title (`appearing on ABC's “This Week,” said`) or a
/// statement's opening quotation (`“Never,” said Zelensky`).
pub(super) fn quoted_name_ends(toks: &[Tok], close: usize) -> bool {
    quoted_name_open(toks, close).is_some()
}

/// The opening mark of the quoted name [`quoted_name_ends`] finds.
pub(super) fn quoted_name_open(toks: &[Tok], close: usize) -> Option<usize> {
    // A name is a few words: the opening mark is near.
    let open = (close.saturating_sub(6)..close)
        .rev()
        .find(|&k| toks[k].mark.is_some_and(|(_, open)| open))?;
    let naming = open >= 1
        && (matches!(toks[open - 1].lower, "nicknamed" | "named")
            || names_at(toks, open - 1)
            || (open >= 2 && toks[open - 1].is_comma() && names_at(toks, open - 2)));
    if !naming {
        return None;
    }
    let mut words = toks[open + 1..close].iter().filter(|t| t.word);
    let count = words.clone().count();
    let named = (1..=3).contains(&count) && words.all(|t| t.cap);
    named.then_some(open)
}

/// Whether `toks[k]` is a noun a name is given as (`his call sign, Tiger`,
/// `only her first name, Olga`). `sign` names only as a call sign (`will
/// never sign “Minsk Three”` signs a document).
pub(super) fn names_at(toks: &[Tok], k: usize) -> bool {
    matches!(
        toks[k].lower,
        "name" | "names" | "sign" | "nickname" | "pseudonym"
    ) && (!toks[k].is("sign") || (k >= 1 && toks[k - 1].is("call")))
}

/// Whether a finite verb or a modal comes among the first `limit` tokens
/// of `toks`, before the clause ends (a period, semicolon or comma).
pub(super) fn finite_verb_within(toks: &[Tok], limit: usize) -> bool {
    toks.iter()
        .take(limit)
        .take_while(|t| !t.punct(".") && !t.punct(";") && !t.is_comma())
        .any(|t| t.word && t.quote.is_none() && t.finite_or_modal())
}

/// Nouns that make `press` a noun before them (`press secretary`, `press
/// conference`).
pub(super) static PRESS_COMPOUNDS: WordList = WordList::new(&[
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
pub(super) static RECIPIENT_HEADS: WordList = WordList::new(&[
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
pub(super) static PARTITIVE_QUANTIFIERS: WordList = WordList::new(&[
    "one", "two", "three", "four", "some", "several", "each", "both", "all", "either", "most",
    "many", "another",
]);
pub(super) static PREPOSITIONS: WordList = WordList::new(&[
    "in", "to", "with", "from", "of", "for", "by", "at", "on", "about", "over", "against",
    "between", "into", "despite", "after", "before", "during", "under", "among", "toward",
    "towards", "through", "without", "like", "than", "via", "amid", "upon",
]);
/// Conjunctions that open an adverbial clause (`said as he left Paris`).
pub(super) static SUBORDINATORS: WordList = WordList::new(&[
    "as", "when", "while", "after", "before", "because", "since", "until", "once", "if", "though",
    "although", "whereas",
]);
/// Words that open an adverbial after a trailing attribution's comma
/// (`“...,” she said, as talks resumed.`, `..., in a statement.`).
pub(super) static ADJUNCT_OPENERS: WordList = WordList::new(&[
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
pub(super) fn is_date_word(lower: &str) -> bool {
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
pub(super) fn is_party_state(lower: &str) -> bool {
    ["r-", "d-", "i-"].iter().any(|p| {
        lower.strip_prefix(p).is_some_and(|state| {
            state.len() >= 2 && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
        })
    })
}

/// The opening bracket of a short note in brackets ending right before
/// `end`, after a word: `The Russian Direct Investment Fund (RDIF) said`,
/// `Rutte (pictured) said`.
pub(super) fn bracket_before(toks: &[Tok], end: usize) -> Option<usize> {
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
pub(super) const CONNECTIVES: &[&str] = &[
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
pub(super) fn simple_description(run: &[Tok]) -> bool {
    !run.iter().any(|t| matches!(t.lower, "of" | "for" | "to"))
}

/// Verbs after a person opening a sentence of narration that describe how
/// they spoke or stood (`Peskov was more cautious.`, `Sybiha did not mince
/// words.`): the quotation after it is theirs.
pub(super) static ATTITUDE_VERBS: WordList = WordList::new(&[
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
    // `Trond ... put it more bluntly.`
    "put",
    // `Yiannis, a tanker captain ..., laughed when asked about the ban.`
    "laughed",
    "smiled",
    "shrugged",
    "sighed",
    "scoffed",
    "paused",
    "hesitated",
]);
/// Heads of descriptions that name a person already named (`the
/// diplomat`, `the SPD politician`) rather than a new unnamed source.
pub(super) static ANAPHORIC_HEADS: WordList = WordList::new(&[
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
pub(super) static PERSON_DESCRIPTIONS: WordList = WordList::new(&[
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
pub(super) static OCCASION_NOUNS: WordList = WordList::new(&[
    "address",
    "comment",
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
pub(super) fn time_phrase_ending_at(toks: &[Tok], end: usize) -> Option<usize> {
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
    // `at a news conference in Berlin`: the occasion's place; `in an
    // interview with Reuters`, `in a comment to Ukrinform`, `in a post on
    // Telegram`: whom or where it was given.
    let mut noun_end = k;
    if k == end
        && k >= 3
        && word(k - 1).is_some_and(|t| t.cap)
        && word(k - 2).is_some_and(|t| matches!(t.lower, "in" | "with" | "to" | "on"))
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
    // Or an appositive's comma: `Kurtseitov, a member of the group, on
    // Tuesday said`.
    (start > 0 && (word(start - 1).is_some() || toks[start - 1].is_comma())).then_some(start)
}

/// A surname with the Arabic article (`al-Ansari`, `el-Sisi`, `bin-Zayed`):
/// a capitalised name word though it starts in lowercase.
pub(super) fn arabic_article_name(w: &str) -> bool {
    ["al-", "el-", "ad-", "ash-", "bin-"].iter().any(|a| {
        w.strip_prefix(a)
            .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
    })
}

/// Whether `toks[k]` is a surname particle with a name word (or another
/// particle and then a name word) after it.
pub(super) fn particle_in_name(toks: &[Tok], k: usize) -> bool {
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
pub(super) static DURATION_OPENERS: WordList = WordList::new(&[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "few", "several", "just", "only", "minutes", "hours", "days", "weeks", "months", "years",
    "moments", "less", "more", "nearly", "barely", "almost",
]);
/// People quoted for the business they own, found or trade in, whose `of`
/// phrase says which (`Exporters of seafood, textiles and coffee say`, `a
/// co-owner of a metallurgical company`): sources ([`ANON_NOUNS`]) and
/// relational ([`RELATIONAL_NOUNS`]).
static TRADE_NOUNS: &[&str] = &[
    "co-owner",
    "co-owners",
    "founder",
    "founders",
    "co-founder",
    "co-founders",
    "exporter",
    "exporters",
    "importer",
    "importers",
    "producer",
    "producers",
    "manufacturer",
    "manufacturers",
    "grower",
    "growers",
    "supplier",
    "suppliers",
    "buyer",
    "buyers",
    "seller",
    "sellers",
];
pub(super) static ANON_NOUNS: WordList = WordList::joined(
    &[
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
        // `a marine with the call sign "Tavr," said`, `a paratrooper who
        // fought in Bakhmut said`.
        "marine",
        "marines",
        "paratrooper",
        "paratroopers",
        "infantryman",
        "gunner",
        "gunners",
        "sniper",
        "snipers",
        "pilot",
        "pilots",
        "sapper",
        "sappers",
        "serviceman",
        "servicemen",
        "servicewoman",
        "conscript",
        "conscripts",
        "reservist",
        "reservists",
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
        // People quoted in the street: `A woman in Kyiv told NHK`, `a man
        // who runs a cafe near the station said`, `a pharmacist called
        // Natalia`.
        "woman",
        "women",
        "man",
        "men",
        "pharmacist",
        "pharmacists",
        "shopkeeper",
        "shopkeepers",
        "driver",
        "drivers",
        "retiree",
        "retirees",
        "mother",
        "mothers",
        "father",
        "fathers",
        "grandmother",
        "grandfather",
        "widow",
        "miner",
        "miners",
        "fisherman",
        "fishermen",
        "vendor",
        "vendors",
        "owner",
        "owners",
        // More people quoted for what they do or are: `a Russian restaurateur
        // who moved to Dubai said`, `voters in Narva say`.
        "restaurateur",
        "restaurateurs",
        "lawyer",
        "lawyers",
        "journalist",
        "journalists",
        "blogger",
        "bloggers",
        "historian",
        "historians",
        "scholar",
        "scholars",
        "voter",
        "voters",
        "protester",
        "protesters",
        "villager",
        "villagers",
        "shopper",
        "shoppers",
        "customer",
        "customers",
        "passenger",
        "passengers",
        "investor",
        "investors",
        "merchant",
        "merchants",
        "waiter",
        "waitress",
        "chef",
        "artist",
        "artists",
        "writer",
        "writers",
        "consultant",
        "consultants",
        "strategist",
        "strategists",
        // `Seafarer Rodel, 34, said`, `a paramedic in Kherson said`.
        "seafarer",
        "seafarers",
        "sailor",
        "sailors",
        "mechanic",
        "mechanics",
        "electrician",
        "electricians",
        "builder",
        "builders",
        "baker",
        "cleaner",
        "courier",
        "couriers",
        "firefighter",
        "firefighters",
        "paramedic",
        "paramedics",
        "surgeon",
        "surgeons",
        "musician",
        "musicians",
        "photographer",
        "photographers",
        "accountant",
        "accountants",
        "translator",
        "interpreter",
        "hairdresser",
        "barber",
        // `Russian state media reported`, `Some Western media outlets have
        // hyped ..., claiming`: the press as a group.
        "media",
        "outlets",
        // `Her colleague, Declan Hegarty, said`, `a neighbour said`.
        "colleague",
        "neighbour",
        "neighbor",
        "friend",
        // Bodies quoted as a kind: `Rights groups say ...`, `Aid organisations
        // warned ...` (one group named is a body of its own).
        "groups",
        "organisations",
        "organizations",
    ],
    TRADE_NOUNS,
);
pub(super) const ANON_POSTMODIFIERS: &[&[&str]] = &[
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
pub(super) static INSTITUTION_HEADS: WordList = WordList::new(&[
    "government",
    "ministry",
    "office",
    "department",
    "embassy",
    "mission",
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
    // `The firm said`, `the lender said in a statement`.
    "firm",
    "corporation",
    "conglomerate",
    "lender",
    "insurer",
    "airline",
    "refiner",
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
    // `The Libek think tank said`: a tank that speaks thinks.
    "tank",
    "think-tank",
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
    // `The Finnish Border Guard said`, `the National Guard`.
    "guard",
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
pub(super) static ISSUING_VERBS: WordList = WordList::new(&[
    "issued",
    "released",
    "published",
    "posted",
    "circulated",
    "distributed",
]);

pub(super) static DOCUMENT_NOUNS: WordList = WordList::new(&[
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
    "poll",
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
pub(super) static NEWS_SOURCES: WordList = WordList::new(&[
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

/// The last words of a company's name (`Mitsui & Co.`, `Toyota Motor
/// Corp.`, `Shell plc`, `Gazprom Neft PJSC`): the name is a body's.
pub(super) static COMPANY_SUFFIXES: WordList = WordList::new(&[
    "co.", "corp.", "inc.", "ltd.", "ltd", "bros.", "plc", "llc", "gmbh", "pjsc", "ojsc", "jsc",
]);

/// Nouns that end a news outlet's name (`The Kyiv Independent`, `the
/// Moscow Times`, `Novaya Gazeta`).
pub(super) static MEDIA_HEADS: WordList = WordList::new(&[
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
pub(super) static FUNCTION_WORDS_BEFORE_SOURCES: WordList = WordList::new(&[
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
pub(super) static PART_QUANTIFIERS: WordList = WordList::new(&[
    "some",
    "many",
    "few",
    "others",
    "most",
    "everyone",
    "everybody",
    "all",
]);

pub(super) static NOT_NAMES: WordList = WordList::new(&[
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
pub(super) static REJECTING_CUES: WordList = WordList::new(&[
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
pub(super) static CORE_SPEECH: WordList = WordList::new(&[
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
pub(super) static SAY_LIKE: WordList = WordList::new(&[
    "say", "tell", "state", "write", "claim", "insist", "argue", "warn", "note", "stress",
    "predict", "explain", "reply", "respond",
]);
/// Verbs of an attribution standing alone after a quotation (`“...”
/// Peskov said.`): verbs of saying, not of reacting (`Kyiv disagrees.`).
pub(super) static TAIL_LEMMAS: WordList = WordList::new(&[
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
pub(super) static PRESENT_VERBS: WordList = WordList::new(&[
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
    // What a company, a plant or a country does: `said the refinery
    // supplies around 80 percent of Serbia's fuel`.
    "supplies",
    "provides",
    "produces",
    "imports",
    "exports",
    "buys",
    "sells",
    "pays",
    "owns",
    "employs",
    "accounts",
    "depends",
    "relies",
    "covers",
    "represents",
    "generates",
    "receives",
    "continues",
    "plans",
    "wants",
    // A position: `said the group defends the territorial integrity of all
    // states`.
    "defends",
    "supports",
    "opposes",
    "rejects",
    "welcomes",
    "condemns",
    "favours",
    "favors",
    "accepts",
    "recognises",
    "recognizes",
    "stands",
    "hopes",
]);
/// Common verbs in their plain present, a clause's verb after a plural
/// subject (`the positions remain far apart`).
pub(super) static PLURAL_PRESENT_VERBS: WordList = WordList::new(&[
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
pub(super) static FINITE_VERBS: WordList = WordList::new(&[
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

/// Social networks a post is written on (`wrote on Telegram`, `said on X`).
pub(super) static SOCIAL_PLATFORMS: WordList = WordList::new(&[
    "telegram",
    "x",
    "twitter",
    "facebook",
    "instagram",
    "truth",
    "threads",
    "bluesky",
    "linkedin",
    "vkontakte",
    "weibo",
    "wechat",
    "youtube",
    "tiktok",
]);

/// Source nouns (of [`ANON_NOUNS`]) whose `of` phrase says whom or what the
/// person belongs to: `The owner of a bakery in Odesa said`, `a mother of
/// three in Kharkiv`. The phrase describes the source (a place in it is not
/// the speaker).
pub(super) static RELATIONAL_NOUNS: WordList = WordList::joined(
    &[
        "owner",
        "owners",
        "mother",
        "mothers",
        "father",
        "fathers",
        "widow",
        "ally",
        "allies",
        // `A resident of Kherson said`, `a native of Donetsk`.
        "resident",
        "residents",
        "native",
        "natives",
        "citizen",
        "citizens",
        "inhabitant",
        "inhabitants",
    ],
    TRADE_NOUNS,
);

/// Relatives named by whose they are (`Her husband said`, `his mother`):
/// with the possessive, someone the article does not name, described by
/// the person the possessive refers to.
pub(super) static KIN_NOUNS: WordList = WordList::new(&[
    "mother",
    "father",
    "husband",
    "wife",
    "son",
    "daughter",
    "brother",
    "sister",
    "grandmother",
    "grandfather",
    "grandson",
    "granddaughter",
    "widow",
    "widower",
    "nephew",
    "niece",
    "uncle",
    "aunt",
    "fiance",
    "fiancee",
    // Not kin, but named the same way: `Her colleague said`.
    "colleague",
    "friend",
    "neighbour",
    "neighbor",
]);

/// Where an utterance was made, opening at `k`: `in a statement`, `at a
/// news conference`, `during his nightly address` (a preposition, a
/// determiner, up to two more words, an occasion or document noun) or `on
/// Telegram`, `on Truth Social` (a platform). The end of the phrase and its
/// noun's token (for a platform, the platform's).
pub(super) fn occasion_at(toks: &[Tok], k: usize) -> Option<(usize, usize)> {
    let t = toks.get(k)?;
    if t.quote.is_some() {
        return None;
    }
    match t.lower {
        "in" | "at" | "during" => {
            let det = toks.get(k + 1)?;
            if !matches!(
                det.lower,
                "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our" | "this"
            ) {
                return None;
            }
            (k + 2..(k + 5).min(toks.len()))
                .take_while(|&q| toks[q].word && toks[q].quote.is_none())
                .find(|&q| {
                    OCCASION_NOUNS.contains(toks[q].lower) || DOCUMENT_NOUNS.contains(toks[q].lower)
                })
                .map(|q| (q + 1, q))
        }
        "on" => {
            let p = toks
                .get(k + 1)
                .filter(|p| p.cap && SOCIAL_PLATFORMS.contains(p.lower))?;
            // `Truth Social`.
            let two = p.is("truth") && toks.get(k + 2).is_some_and(|q| q.is("social"));
            Some((k + 2 + usize::from(two), k + 1))
        }
        _ => None,
    }
}

/// How many tokens at the start of `toks` name an outlet crediting a
/// report (`Trend`, `an Ukrinform correspondent`, `the BelTA
/// correspondent`), 0 when none do.
pub(super) fn credit_source_len(toks: &[Tok]) -> usize {
    let det = usize::from(
        toks.first()
            .is_some_and(|t| matches!(t.lower, "a" | "an" | "the")),
    );
    let names = toks[det..]
        .iter()
        .take(3)
        .take_while(|t| t.word && t.cap && t.quote.is_none())
        .count();
    let role = toks
        .get(det + names)
        .is_some_and(|t| matches!(t.lower, "correspondent" | "reporter"));
    match (names, det, role) {
        (0, _, _) => 0,
        (_, _, true) => det + names + 1,
        (_, 0, false) => names,
        _ => 0,
    }
}
