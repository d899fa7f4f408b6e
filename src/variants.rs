//! Quote variants: one utterance, many versions.
//!
//! Outlets that report the same utterance rarely print the same words: one
//! quotes a sentence, another a fragment of it, a third translates it again,
//! changes the spelling to its house style or paraphrases it. This module
//! finds those versions across documents and shows how each differs from a
//! reference version, so an analyst can see at a glance who quoted what and
//! how faithfully.
//!
//! The work has three steps.
//!
//! 1. **Clustering** ([`cluster`]). Statements of the same canonical speaker
//!    from different documents are linked in two tiers. The *quote* tier links
//!    direct quotes, fragments and mixed statements whose normalised wording
//!    overlaps: the longest common word subsequence covers most of the shorter
//!    version (containment, so a part of a long quote joins the long quote).
//!    The *paraphrase* tier then links reported speech (at least one side
//!    indirect or mixed) of the same speaker whose content words (stopwords
//!    removed, lightly stemmed) overlap, one partner per statement and
//!    document, best pair first, so the same speaker saying two different
//!    things in two articles is not merged. Candidates come from an inverted
//!    index of word bigrams (quote tier) or content stems (paraphrase tier)
//!    keyed by speaker, with capped posting lists and a cap on candidates per
//!    statement, so the work grows linearly with the number of statements,
//!    never with the number of pairs. Links are joined with a union-find;
//!    statements of one document join only through links to other
//!    documents.
//! 2. **Reference and diff** ([`word_diff`]). Each cluster's reference version
//!    is its longest direct quote (then fragments and mixed statements, then
//!    reported speech; ties by earliest date, then input order). Every other
//!    member is diffed word by word against it with the `similar` crate, on
//!    normalised words ([`normalize_for_compare`]), while the diff shows the
//!    original words (`recogni[-z-]{+s+}e`).
//! 3. **Output** ([`write_csv`], [`render_markdown`]): `variants.csv`, one row
//!    per member of every cluster that spans two or more documents, and a
//!    readable report.
//!
//! Everything is deterministic: clusters, members and rows come out in input
//! order, and no hash-map iteration order reaches the output.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

use similar::{Algorithm, DiffTag};

use crate::statement::{Kind, Statement};
use crate::text::char_at;

/// Thresholds and limits for [`cluster`].
#[derive(Debug, Clone, PartialEq)]
pub struct VariantOptions {
    /// Quote tier: the longest common subsequence of normalised words must
    /// cover at least this share of the shorter version.
    pub quote_containment: f64,
    /// Quote tier: at least this many words in common (in order).
    pub quote_min_common: usize,
    /// Run the paraphrase tier (reported speech of the same utterance).
    pub paraphrase: bool,
    /// Paraphrase tier: shared content stems over the content stems of the
    /// statement with fewer of them.
    pub paraphrase_containment: f64,
    /// Paraphrase tier: at least this many shared content stems.
    pub paraphrase_min_shared: usize,
    /// Paraphrase tier: shared content stems plus shared phrases (pairs of
    /// consecutive content stems, like `direct talks`) must reach this.
    pub paraphrase_min_evidence: usize,
    /// Paraphrase tier: for a speaker with at least `speaker_common_min`
    /// statements, stems found in more than this share of them are ignored
    /// (`ukraine` for Zelensky), so a prolific speaker's topic words do not
    /// chain unrelated statements together.
    pub speaker_common_share: f64,
    /// See `speaker_common_share`.
    pub speaker_common_min: usize,
    /// Paraphrase tier: the two documents' dates (`YYYY-MM-DD…`) may be at most
    /// this many days apart; `None`, or a date that does not parse, puts no
    /// limit.
    pub paraphrase_max_days: Option<u32>,
    /// Longest posting list kept per (speaker, feature): later statements still
    /// probe a full list but are not added to it. Bounds the work per
    /// statement, so frequent words do not make clustering quadratic.
    pub max_postings: usize,
    /// Candidates verified per statement and tier (those sharing the most
    /// indexed features first).
    pub max_candidates: usize,
    /// Clusters spanning fewer documents than this are not returned (values
    /// below 2 count as 2: a cluster always spans two documents).
    pub min_docs: usize,
}

impl Default for VariantOptions {
    fn default() -> Self {
        VariantOptions {
            quote_containment: 0.6,
            quote_min_common: 2,
            paraphrase: true,
            paraphrase_containment: 0.35,
            paraphrase_min_shared: 2,
            paraphrase_min_evidence: 3,
            speaker_common_share: 0.2,
            speaker_common_min: 20,
            paraphrase_max_days: Some(7),
            max_postings: 200,
            max_candidates: 32,
            min_docs: 2,
        }
    }
}

/// How a member's wording differs from its cluster's reference version.
///
/// The classes are ordered from the mildest to the strongest difference; a
/// member gets the strongest class that applies (see [`word_diff`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    /// The same characters, apart from whitespace.
    Identical,
    /// Only normalisation differs: case, quote marks, dashes, apostrophes,
    /// contractions, possessive `’s`, British/American spelling.
    Spelling,
    /// The same words; punctuation differs.
    Punctuation,
    /// One version is a contiguous excerpt of the other (a prefix, a suffix or
    /// a middle part).
    Truncation,
    /// One version is the other with words or sentences dropped inside.
    Omission,
    /// Words changed, but most content words are shared.
    Substitution,
    /// Low word overlap: the same speaker and topic in other words.
    Paraphrase,
}

impl Change {
    /// The lowercase name used in the output files.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Identical => "identical",
            Change::Spelling => "spelling",
            Change::Punctuation => "punctuation",
            Change::Truncation => "truncation",
            Change::Omission => "omission",
            Change::Substitution => "substitution",
            Change::Paraphrase => "paraphrase",
        }
    }

    /// Parses the name back.
    pub fn parse(s: &str) -> Option<Change> {
        [
            Change::Identical,
            Change::Spelling,
            Change::Punctuation,
            Change::Truncation,
            Change::Omission,
            Change::Substitution,
            Change::Paraphrase,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One version of an utterance inside a [`Cluster`].
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// Index of the statement in the slice given to [`cluster`].
    pub statement: usize,
    /// Word similarity to the reference version (see [`word_diff`]); 1 for
    /// the reference itself.
    pub similarity: f64,
    /// How the wording differs from the reference version.
    pub change: Change,
    /// Inline word diff against the reference version (`[-removed-]`,
    /// `{+added+}`); empty when identical.
    pub diff: String,
}

/// The versions of one utterance, reported by two or more documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Stable id, `v001`, `v002`, … in the order of each cluster's first
    /// member in the input.
    pub id: String,
    /// The members, in input order.
    pub members: Vec<Member>,
    /// Index into `members` of the reference version.
    pub reference: usize,
}

impl Cluster {
    /// The reference member.
    pub fn reference_member(&self) -> &Member {
        &self.members[self.reference]
    }
}

/// A reworded member is a [`Change::Substitution`] when the words it shares
/// with the reference (in order) include more than this share of the content
/// words of the version with fewer of them, else a [`Change::Paraphrase`].
pub const SUBSTITUTION_SHARE: f64 = 0.5;

// ---------------------------------------------------------------------------
// Tokens and normalisation
// ---------------------------------------------------------------------------

/// A word or punctuation mark of a text, with its comparison key: the
/// normalised form (shared with the per-thread memo of [`token_key`]), or
/// what a [`KeySource`] makes of it (linking takes word ids).
#[derive(Debug, Clone)]
struct Token<K = Rc<str>> {
    /// Byte range of the original characters.
    range: Range<usize>,
    /// The comparison key.
    key: K,
    /// A word (letters or digits), not punctuation.
    word: bool,
    /// An acronym in capitals (`US`, `U.S.`, `NATO`): never a stopword.
    acronym: bool,
    /// Whitespace precedes the token in its text.
    space: bool,
}

/// Whether `word` is one of the whitespace-separated words of `list`.
fn in_list(list: &str, word: &str) -> bool {
    list.split_whitespace().any(|w| w == word)
}

fn suffixes() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| SUFFIXES.split_whitespace().collect())
}

fn is_word_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Lowercase ASCII form of a word, apostrophes removed.
fn fold(s: &str) -> String {
    if s.is_ascii() {
        // Every word of every clustered statement passes here; most have
        // no apostrophe to drop.
        if !s.contains(['\'', '`']) {
            return s.to_ascii_lowercase();
        }
        let mut out = String::with_capacity(s.len());
        out.extend(
            s.chars()
                .filter(|&c| c != '\'' && c != '`')
                .map(|c| c.to_ascii_lowercase()),
        );
        return out;
    }
    let mut out = any_ascii::any_ascii(s);
    out.make_ascii_lowercase();
    out.retain(|c| c != '\'' && c != '`');
    out
}

fn punct_key(s: &str) -> String {
    let mut chars = s.chars();
    let c = chars.next().unwrap_or(' ');
    if s.len() > 1 && s.chars().all(|c| c == '.') {
        return "...".to_string();
    }
    match c {
        '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' | '"' | '‘' | '’' | '‚' | '‛' | '\''
        | '`' | '´' | 'ʼ' | '″' | '′' => "\"".to_string(),
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '-' | '⁃' => "-".to_string(),
        '…' => "...".to_string(),
        _ => {
            let a = any_ascii::any_ascii_char(c);
            if a.is_empty() || a.chars().all(char::is_whitespace) {
                c.to_string()
            } else {
                a.to_string()
            }
        }
    }
}

/// Words that expand `’s` to `is` (`there’s`) rather than a possessive.
const IS_CONTRACTIONS: &str = "\
    he here how it she that there what when where who why\
";

fn is_acronym(raw: &str) -> bool {
    // The capitals test fails at the first lowercase letter of most words.
    raw.chars()
        .all(|c| c == '.' || (c.is_alphabetic() && c.is_uppercase()))
        && raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Pushes the token(s) of the word `text[range]`; `plain` when it is ASCII
/// letters and digits only.
fn push_word<'t, S: KeySource<'t>>(
    text: &'t str,
    range: Range<usize>,
    space: bool,
    plain: bool,
    keys: &mut S,
    out: &mut Vec<Token<S::Key>>,
) {
    let raw = &text[range.clone()];
    let word = |r: Range<usize>, key: S::Key, space: bool| Token {
        acronym: is_acronym(&text[r.clone()]),
        range: r,
        key,
        word: true,
        space,
    };
    // Most words hold no apostrophe (`'`, `’` or `ʼ`): one byte test skips
    // the search for one.
    if plain || !raw.bytes().any(|b| matches!(b, b'\'' | 0xE2 | 0xCA)) {
        out.push(word(range, keys.cached(raw, KeyKind::Word), space));
        return;
    }
    if let Some((p, apos)) = raw
        .char_indices()
        .rev()
        .find(|&(_, c)| is_word_apostrophe(c))
    {
        let head = &raw[..p];
        let tail = fold(&raw[p + apos.len_utf8()..]);
        let head_key = fold(head);
        let split = |at: usize, k1: String, k2: &str, keys: &mut S, out: &mut Vec<_>| {
            let first = keys.computed(american(k1));
            out.push(word(range.start..range.start + at, first, space));
            let second = keys.computed(american(k2.to_string()));
            out.push(word(range.start + at..range.end, second, false));
        };
        if tail == "t" && head_key.len() > 1 && head.ends_with(['n', 'N']) {
            let stem = &head_key[..head_key.len() - 1];
            let k1 = match stem {
                "wo" => "will",
                "ca" => "can",
                "sha" => "shall",
                "ai" => "is",
                s => s,
            };
            split(p - 1, k1.to_string(), "not", keys, out);
            return;
        }
        let expanded = match tail.as_str() {
            "re" => Some("are"),
            "ve" => Some("have"),
            "ll" => Some("will"),
            "m" => Some("am"),
            "d" => Some("would"),
            "s" if in_list(IS_CONTRACTIONS, &head_key) => Some("is"),
            "s" if head_key == "let" => Some("us"),
            _ => None,
        };
        if let Some(k2) = expanded {
            if !head_key.is_empty() {
                split(p, head_key, k2, keys, out);
                return;
            }
        }
        if tail == "s" && !head_key.is_empty() {
            // Possessive: `Russia’s` compares as `russia`, displays as written.
            out.push(word(range, keys.computed(american(head_key)), space));
            return;
        }
    }
    out.push(word(range, keys.cached(raw, KeyKind::Word), space));
}

/// Where a tokenizer gets its tokens' keys from.
trait KeySource<'t> {
    type Key;
    /// The key of `raw`, a token of the text, computed as `kind` says.
    fn cached(&mut self, raw: &'t str, kind: KeyKind) -> Self::Key;
    /// A key computed from the text's words (a contraction's halves, a
    /// possessive's head).
    fn computed(&mut self, key: String) -> Self::Key;
}

/// Keys as strings, shared through the per-thread memo of [`token_key`]:
/// what diffs and displays compare.
struct SharedKeys;

impl<'t> KeySource<'t> for SharedKeys {
    type Key = Rc<str>;

    fn cached(&mut self, raw: &'t str, kind: KeyKind) -> Rc<str> {
        token_key(raw, kind)
    }

    fn computed(&mut self, key: String) -> Rc<str> {
        Rc::from(key)
    }
}

/// Word ids of a [`Lexicon`], for linking: a word met before in the same
/// preparation is looked up by its characters in the text, and only a new
/// one has its key made (the words of a window's statements recur, and
/// building a shared key per token, then looking its id up by the key, was
/// most of tokenizing for linking). Punctuation gets no id
/// ([`NO_WORD`]): linking reads only words.
struct WordIds<'t, 'l> {
    lexicon: &'l mut Lexicon,
    by_raw: &'l mut FastMap<&'t str, u32>,
}

/// The key [`WordIds`] gives a punctuation mark.
const NO_WORD: u32 = u32::MAX;

impl<'t> KeySource<'t> for WordIds<'t, '_> {
    type Key = u32;

    fn cached(&mut self, raw: &'t str, kind: KeyKind) -> u32 {
        match kind {
            KeyKind::Punct => NO_WORD,
            // Abbreviations (`U.S.`) are few: their key is made each time.
            KeyKind::Abbreviation => self.lexicon.word_by_key(&token_key(raw, kind)),
            KeyKind::Word => {
                if let Some(&id) = self.by_raw.get(raw) {
                    return id;
                }
                let id = self.lexicon.word_by_key(&token_key(raw, kind));
                self.by_raw.insert(raw, id);
                id
            }
        }
    }

    fn computed(&mut self, key: String) -> u32 {
        self.lexicon.word_by_key(&key)
    }
}

/// What a token's raw text is, which says how its key is computed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KeyKind {
    /// A word without an apostrophe: folded, American spelling.
    Word,
    /// A dotted abbreviation: `U.S.` compares as `us`.
    Abbreviation,
    /// Punctuation: one form per family of marks.
    Punct,
}

impl KeyKind {
    fn key(self, raw: &str) -> String {
        match self {
            KeyKind::Word => american(fold(raw)),
            KeyKind::Abbreviation => fold(&raw.replace('.', "")),
            KeyKind::Punct => punct_key(raw),
        }
    }
}

/// Keys are memoized per thread: every statement of a speaker bucket is
/// tokenized when its windows are linked and again when its cluster's diffs
/// are built, and news repeats a small vocabulary, so folding and respelling
/// each occurrence cost more than looking the word up.
const TOKEN_KEY_CACHE_LIMIT: usize = 1 << 16;

/// Raw token text → (its kind, key).
type TokenKeys = FastMap<Box<str>, (KeyKind, Rc<str>)>;

thread_local! {
    static TOKEN_KEYS: RefCell<TokenKeys> = RefCell::new(FastMap::default());
}

fn token_key(raw: &str, kind: KeyKind) -> Rc<str> {
    TOKEN_KEYS.with(|cache| {
        if let Some((k, key)) = cache.borrow().get(raw) {
            if *k == kind {
                return Rc::clone(key);
            }
        }
        let key: Rc<str> = kind.key(raw).into();
        let mut cache = cache.borrow_mut();
        if cache.len() >= TOKEN_KEY_CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(raw.into(), (kind, Rc::clone(&key)));
        key
    })
}

/// End (byte offset, exclusive) of a dotted abbreviation such as `U.S.`
/// that starts at byte `start` of `text`: two or more letter-and-period
/// pairs, not followed by a letter or digit.
fn abbreviation_end(text: &str, start: usize) -> Option<usize> {
    let at = |p: usize| char_at(text, p);
    let mut j = start;
    let mut pairs = 0;
    while let Some(c) = at(j).filter(|c| c.is_alphabetic()) {
        if at(j + c.len_utf8()) != Some('.') {
            break;
        }
        pairs += 1;
        j += c.len_utf8() + 1;
        match at(j) {
            // `U.S.A.` goes on; `U.Sx` is no abbreviation.
            Some(n) if n.is_alphabetic() => {
                if at(j + n.len_utf8()) != Some('.') {
                    return None;
                }
            }
            _ => break,
        }
    }
    (pairs >= 2 && at(j).is_none_or(|c| !c.is_alphanumeric())).then_some(j)
}

/// Words (letters and digits, joined by apostrophes), dotted abbreviations
/// and punctuation marks (a run of periods is one), with their keys.
/// Steps byte by byte through ASCII and decodes only other characters:
/// every clustered statement is tokenized in each window that holds it and
/// again for its cluster's diffs.
fn tokenize(text: &str) -> Vec<Token> {
    tokenize_with(text, &mut SharedKeys)
}

/// [`tokenize`] with the keys `keys` makes.
fn tokenize_with<'t, S: KeySource<'t>>(text: &'t str, keys: &mut S) -> Vec<Token<S::Key>> {
    let at = |p: usize| char_at(text, p);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut space = true;
    let mut p = 0;
    while let Some(&b) = bytes.get(p) {
        // ASCII spaces (the commonest character) without decoding.
        if crate::text::is_ascii_white_space(b) {
            space = true;
            p += 1;
            continue;
        }
        let Some(c) = at(p) else { break };
        if c.is_whitespace() {
            space = true;
            p += c.len_utf8();
            continue;
        }
        if crate::text::is_alphanumeric(c) {
            // An abbreviation's first letter is followed by its period.
            let abbreviation = if bytes.get(p + c.len_utf8()) == Some(&b'.') {
                abbreviation_end(text, p)
            } else {
                None
            };
            if let Some(end) = abbreviation {
                out.push(Token {
                    key: keys.cached(&text[p..end], KeyKind::Abbreviation),
                    acronym: true,
                    range: p..end,
                    word: true,
                    space,
                });
                p = end;
                space = false;
                continue;
            }
            let mut j = p + c.len_utf8();
            // Whether the word is ASCII letters and digits only, so holds no
            // apostrophe to split at.
            let mut plain = c.is_ascii();
            loop {
                while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                    j += 1;
                }
                let Some(c) = at(j) else { break };
                let joins = is_word_apostrophe(c)
                    && at(j + c.len_utf8()).is_some_and(crate::text::is_alphanumeric);
                if crate::text::is_alphanumeric(c) || joins {
                    plain = false;
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            push_word(text, p..j, space, plain, keys, &mut out);
            p = j;
            space = false;
            continue;
        }
        let mut j = p + c.len_utf8();
        if c == '.' {
            while at(j) == Some('.') {
                j += 1;
            }
        }
        out.push(Token {
            key: keys.cached(&text[p..j], KeyKind::Punct),
            range: p..j,
            word: false,
            acronym: false,
            space,
        });
        p = j;
        space = false;
    }
    out
}

/// The form two versions are compared on: lowercase ASCII words and
/// punctuation marks separated by single spaces, with curly and straight quote
/// marks made one (`"`), every dash made `-`, apostrophes dropped, contractions
/// expanded (`there’s` → `there is`, `won’t` → `will not`), the possessive
/// `’s` dropped, and British spellings made American (`recognise` →
/// `recognize`, `centre` → `center`, `favour` → `favor`).
///
/// Only comparisons use it: every displayed text keeps the original words.
pub fn normalize_for_compare(text: &str) -> String {
    let tokens = tokenize(text);
    let mut out = String::with_capacity(text.len());
    for t in &tokens {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t.key);
    }
    out
}

// ---------------------------------------------------------------------------
// British and American spelling
// ---------------------------------------------------------------------------

/// British spellings that no rule below covers, with their American form
/// (`british:american`, separated by whitespace).
const SPELLING_PAIRS: &str = "\
    acknowledgement:acknowledgment acknowledgements:acknowledgments ageing:aging \
    aluminium:aluminum anaemia:anemia analogue:analog calibre:caliber cancelled:canceled \
    cancelling:canceling catalogue:catalog centre:center centred:centered centres:centers \
    channelled:channeled counselling:counseling counsellor:counselor counsellors:counselors \
    defence:defense defences:defenses dialled:dialed enrol:enroll enrolment:enrollment \
    fibre:fiber foetus:fetus fuelled:fueled fuelling:fueling fulfil:fulfill \
    fulfilment:fulfillment fulfils:fulfills grey:gray instalment:installment \
    jewellery:jewelry judgement:judgment judgements:judgments kilometre:kilometer \
    kilometres:kilometers labelled:labeled labelling:labeling levelled:leveled \
    licence:license licences:licenses litre:liter litres:liters manoeuvre:maneuver \
    manoeuvres:maneuvers marvellous:marvelous metre:meter metres:meters modelled:modeled \
    modelling:modeling mould:mold offence:offense offences:offenses paediatric:pediatric \
    plough:plow practise:practice practised:practiced practising:practicing \
    pretence:pretense programme:program programmes:programs quarrelled:quarreled \
    sabre:saber sceptic:skeptic sceptical:skeptical scepticism:skepticism sceptics:skeptics \
    signalled:signaled signalling:signaling skilful:skillful sombre:somber spectre:specter \
    theatre:theater theatres:theaters totalled:totaled travelled:traveled \
    traveller:traveler travellers:travelers travelling:traveling tyre:tire tyres:tires \
    wilful:willful\
";

/// Stems spelled `-our` in British English and `-or` in American English
/// (`favour`, `favourite`, `honourable`, `labour`).
const OUR_STEMS: &str = "\
    arb ard arm behavi cand clam col demean endeav fav ferv flav glam harb hon hum lab \
    neighb od parl rig rum sav splend tum val vap vig\
";

/// Words whose `-ise` is not the British form of an American `-ize`.
const ISE_KEEP: &str = "\
    advertise advise appraise chastise comprise compromise concise demise despise devise \
    disguise enterprise excise exercise expertise franchise improvise incise likewise \
    merchandise otherwise paradise praise precise premise promise revise supervise surmise \
    surprise televise treatise\
";

const ISE_SUFFIXES: &[(&str, &str)] = &[
    ("isations", "izations"),
    ("isation", "ization"),
    ("isers", "izers"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("iser", "izer"),
    ("ise", "ize"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("yse", "yze"),
];

fn spelling_table() -> &'static FastMap<&'static str, &'static str> {
    static TABLE: OnceLock<FastMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        SPELLING_PAIRS
            .split_whitespace()
            .filter_map(|pair| pair.split_once(':'))
            .collect()
    })
}

/// The American spelling of a lowercase word (the word itself when no rule
/// applies).
fn american(word: String) -> String {
    if let Some(us) = spelling_table().get(word.as_str()) {
        return us.to_string();
    }
    let mut out = word;
    if out.contains("our") {
        for stem in OUR_STEMS.split_whitespace() {
            if let Some(after) = out.strip_prefix(stem).and_then(|r| r.strip_prefix("our")) {
                out = format!("{stem}or{after}");
                break;
            }
        }
    }
    for (gb, us) in ISE_SUFFIXES {
        if let Some(stem) = out.strip_suffix(gb) {
            let base = format!("{stem}{}", if gb.starts_with('y') { "yse" } else { "ise" });
            if stem.len() >= 3 && !in_list(ISE_KEEP, &base) {
                out = format!("{stem}{us}");
            }
            break;
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Content words
// ---------------------------------------------------------------------------

const STOPWORDS: &str = "\
    a about above according across added after again against all along also although am \
    amid among amongst an and any are around as at be because been before being below \
    between both but by can cannot concerning could did do does doing down during each \
    either else even ever every few for from further had has have having he her here hers \
    herself him himself his how however i if in into is it its itself just let may me might \
    more most mr mrs ms much must my myself neither never no none nor not nothing now of \
    off on once only onto or other our ours ourselves out over own regarding said same say \
    saying says shall she should since so some still such than that the their theirs them \
    themselves then there these they this those though through to told too toward towards \
    under until up upon us very via was we were what when where whether which while whilst \
    who whom whose why will with within would yet you your yours yourself yourselves\
";

/// Negations carry meaning when classifying a change, though they are too
/// common to link statements by.
const NEGATIONS: &str = "\
    cannot neither never no none nor not nothing\
";

fn stopwords() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.split_whitespace().collect())
}

fn negations() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| NEGATIONS.split_whitespace().collect())
}

fn is_stopword(key: &str) -> bool {
    key.len() < 2 || stopwords().contains(key)
}

/// Content words for classifying a change: not stopwords, or negations.
fn is_content(t: &Token) -> bool {
    t.word && (t.acronym || !is_stopword(&t.key) || negations().contains(&*t.key))
}

/// Suffixes the light stemmer strips, longest first.
const SUFFIXES: &str = "\
    ically fully ously ively ities ments ions ians ings ment ness ical ally able ible ity \
    ion ian ing ful ous ive ies ied ed ly al ic ia s e y\
";

/// A light suffix-stripping stemmer: `hopefully`, `hopeful` → `hop`;
/// `negotiations`, `negotiating` → `negotiat`; `Ukrainian`, `Ukraine` →
/// `ukrain`. Stems only need to agree with each other, not to be words.
fn stem(word: &str) -> &str {
    let mut w = word;
    for _ in 0..3 {
        let mut stripped = false;
        for &suf in suffixes() {
            if let Some(s) = w.strip_suffix(suf) {
                if s.len() < 3 {
                    continue;
                }
                if suf == "s" && (s.ends_with('s') || s.ends_with('u') || s.ends_with('i')) {
                    continue;
                }
                w = s;
                stripped = true;
                break;
            }
        }
        if !stripped {
            break;
        }
    }
    w
}

// ---------------------------------------------------------------------------
// Diffing
// ---------------------------------------------------------------------------

/// One diff operation between an `a` sequence and a `b` sequence.
#[derive(Debug, Clone, PartialEq)]
struct Op {
    tag: DiffTag,
    a: Range<usize>,
    b: Range<usize>,
}

/// Diff of two sequences, computed in a canonical orientation (the smaller
/// sequence first) and mirrored back, so `diff(a, b)` and `diff(b, a)` are
/// always exact mirrors of each other.
fn canonical_diff<T: Ord + Eq + std::hash::Hash>(a: &[T], b: &[T], a_first: bool) -> Vec<Op> {
    let flip = !a_first;
    let (x, y) = if flip { (b, a) } else { (a, b) };
    similar::capture_diff_slices(Algorithm::Myers, x, y)
        .into_iter()
        .map(|op| {
            let (tag, r1, r2) = op.as_tag_tuple();
            if flip {
                let tag = match tag {
                    DiffTag::Delete => DiffTag::Insert,
                    DiffTag::Insert => DiffTag::Delete,
                    t => t,
                };
                Op { tag, a: r2, b: r1 }
            } else {
                Op { tag, a: r1, b: r2 }
            }
        })
        .collect()
}

fn common_len(ops: &[Op]) -> usize {
    ops.iter()
        .filter(|o| o.tag == DiffTag::Equal)
        .map(|o| o.a.len())
        .sum()
}

struct Side<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Side<'_> {
    fn raw(&self, i: usize) -> &str {
        &self.text[self.tokens[i].range.clone()]
    }
}

/// Pushes a run of one side's tokens between markers; `lead` puts the first
/// token's preceding space before the marker.
fn push_run(
    out: &mut String,
    side: &Side<'_>,
    range: Range<usize>,
    open: &str,
    close: &str,
    lead: bool,
) {
    if range.is_empty() {
        return;
    }
    if lead && side.tokens[range.start].space {
        out.push(' ');
    }
    out.push_str(open);
    for i in range.clone() {
        if i > range.start && side.tokens[i].space {
            out.push(' ');
        }
        out.push_str(side.raw(i));
    }
    out.push_str(close);
}

/// Renders two same-key tokens whose characters differ: a character diff when
/// most characters agree (`recogni[-z-]{+s+}e`), else a whole replacement.
fn push_char_diff(out: &mut String, a: &str, b: &str) {
    let ca: Vec<char> = a.chars().collect();
    let cb: Vec<char> = b.chars().collect();
    let ops = canonical_diff(&ca, &cb, a <= b);
    let common = common_len(&ops);
    if common * 2 <= ca.len().max(cb.len()) {
        out.push_str("[-");
        out.push_str(a);
        out.push_str("-]{+");
        out.push_str(b);
        out.push_str("+}");
        return;
    }
    for op in ops {
        let sa: String = ca[op.a.clone()].iter().collect();
        let sb: String = cb[op.b.clone()].iter().collect();
        match op.tag {
            DiffTag::Equal => out.push_str(&sa),
            DiffTag::Delete => out.push_str(&format!("[-{sa}-]")),
            DiffTag::Insert => out.push_str(&format!("{{+{sb}+}}")),
            DiffTag::Replace => out.push_str(&format!("[-{sa}-]{{+{sb}+}}")),
        }
    }
}

/// Merges runs of adjacent non-equal operations into one replacement, so a
/// change renders as one `[-old-]{+new+}` whatever order the diff found.
fn merge_changes(ops: Vec<Op>) -> Vec<Op> {
    let mut out: Vec<Op> = Vec::with_capacity(ops.len());
    for op in ops {
        match out.last_mut() {
            Some(last) if last.tag != DiffTag::Equal && op.tag != DiffTag::Equal => {
                last.a.end = op.a.end.max(last.a.end);
                last.b.end = op.b.end.max(last.b.end);
                last.tag = match (last.a.is_empty(), last.b.is_empty()) {
                    (true, _) => DiffTag::Insert,
                    (_, true) => DiffTag::Delete,
                    _ => DiffTag::Replace,
                };
            }
            _ => out.push(op),
        }
    }
    out
}

fn render(a: &Side<'_>, b: &Side<'_>, ops: &[Op]) -> String {
    let mut out = String::new();
    for op in ops {
        match op.tag {
            DiffTag::Equal => {
                for (i, j) in op.a.clone().zip(op.b.clone()) {
                    if a.tokens[i].space || b.tokens[j].space {
                        out.push(' ');
                    }
                    let (ra, rb) = (a.raw(i), b.raw(j));
                    if ra == rb {
                        out.push_str(ra);
                    } else {
                        push_char_diff(&mut out, ra, rb);
                    }
                }
            }
            DiffTag::Delete => push_run(&mut out, a, op.a.clone(), "[-", "-]", true),
            DiffTag::Insert => push_run(&mut out, b, op.b.clone(), "{+", "+}", true),
            DiffTag::Replace => {
                if a.tokens[op.a.start].space || b.tokens[op.b.start].space {
                    out.push(' ');
                }
                push_run(&mut out, a, op.a.clone(), "[-", "-]", false);
                push_run(&mut out, b, op.b.clone(), "{+", "+}", false);
            }
        }
    }
    out.trim_start().to_string()
}

/// A tokenized text with its keys as ids (equal keys, equal ids) for the
/// diffs: every token's, then the words' only. A diff compares elements
/// only for equality, so ids give the operations the keys would, and the
/// Myers search over a cluster's versions compares integers, not strings.
struct Interned<'a> {
    text: &'a str,
    tokens: &'a [Token],
    all: Vec<u32>,
    words: Vec<u32>,
}

/// The [`Interned`] forms of `texts` with their `tokens`, from one table of
/// ids.
fn intern<'a>(texts: &[&'a str], tokens: &'a [Vec<Token>]) -> Vec<Interned<'a>> {
    let mut ids: FastMap<&str, u32> = FastMap::default();
    texts
        .iter()
        .zip(tokens)
        .map(|(&text, tokens)| {
            let mut all = Vec::with_capacity(tokens.len());
            let mut words = Vec::with_capacity(tokens.len());
            for t in tokens {
                let next = ids.len() as u32;
                let id = *ids.entry(&*t.key).or_insert(next);
                all.push(id);
                if t.word {
                    words.push(id);
                }
            }
            Interned {
                text,
                tokens,
                all,
                words,
            }
        })
        .collect()
}

/// Whether `a` sorts before `b` (or equals it) by the keys of their tokens
/// (only of their words when `words_only`), then their texts: the canonical
/// orientation.
fn a_first(a: &Interned, b: &Interned, words_only: bool) -> bool {
    fn keys<'x>(x: &Interned<'x>, words_only: bool) -> impl Iterator<Item = &'x str> {
        x.tokens
            .iter()
            .filter(move |t| t.word || !words_only)
            .map(|t| &*t.key)
    }
    keys(a, words_only)
        .cmp(keys(b, words_only))
        .then_with(|| a.text.cmp(b.text))
        .is_le()
}

/// Compares `other` with `reference` word by word.
///
/// Returns the kind of change, the inline diff and the similarity.
///
/// * **diff**: the original words of both versions, in order; words only in
///   the reference are shown `[-like this-]`, words only in `other` `{+like
///   this+}`; a word whose normalised form agrees but whose characters differ
///   gets a character diff (`recogni[-z-]{+s+}e`). Empty when identical.
///   `word_diff(b, a)` is the exact mirror of `word_diff(a, b)`.
/// * **similarity**: `2 × common words / (words in reference + words in
///   other)`, on normalised words in order (the `similar` ratio); 1 when both
///   have no words.
/// * **change**, the first rule that holds:
///   1. `identical`: the same characters apart from whitespace;
///   2. `spelling`: the same normalised words and punctuation
///      ([`normalize_for_compare`]);
///   3. `punctuation`: the same normalised words;
///   4. `truncation`: one version's words are a contiguous run of the
///      other's;
///   5. `omission`: one version's words are the other's with words dropped
///      in more than one place;
///   6. `substitution`: words changed, and the words in common (in order)
///      include more than [`SUBSTITUTION_SHARE`] of the content words
///      (stopwords removed, negations kept) of the version with fewer of them;
///   7. `paraphrase`: otherwise.
///
/// The change is symmetric: `word_diff(b, a).0 == word_diff(a, b).0`.
pub fn word_diff(reference: &str, other: &str) -> (Change, String, f64) {
    let tokens = [tokenize(reference), tokenize(other)];
    let forms = intern(&[reference, other], &tokens);
    compare(&forms[0], &forms[1])
}

fn compare(a: &Interned, b: &Interned) -> (Change, String, f64) {
    let (ta, tb) = (a.tokens, b.tokens);
    let same_raw = ta.len() == tb.len()
        && ta
            .iter()
            .zip(tb)
            .all(|(x, y)| a.text[x.range.clone()] == b.text[y.range.clone()]);
    if same_raw {
        return (Change::Identical, String::new(), 1.0);
    }
    let (wa, wb) = (&a.words, &b.words);
    let word_ops = canonical_diff(wa, wb, a_first(a, b, true));
    let common = common_len(&word_ops);
    let similarity = if wa.is_empty() && wb.is_empty() {
        1.0
    } else {
        2.0 * common as f64 / (wa.len() + wb.len()) as f64
    };
    let (ka, kb) = (&a.all, &b.all);
    let ops = merge_changes(canonical_diff(ka, kb, a_first(a, b, false)));
    let change = if ka == kb {
        Change::Spelling
    } else if wa == wb {
        Change::Punctuation
    } else {
        classify_words(&word_ops, ta, tb)
    };
    let diff = render(
        &Side {
            text: a.text,
            tokens: ta,
        },
        &Side {
            text: b.text,
            tokens: tb,
        },
        &ops,
    );
    (change, diff, similarity)
}

fn classify_words(ops: &[Op], ta: &[Token], tb: &[Token]) -> Change {
    let deleted = ops
        .iter()
        .any(|o| o.tag != DiffTag::Equal && !o.a.is_empty());
    let inserted = ops
        .iter()
        .any(|o| o.tag != DiffTag::Equal && !o.b.is_empty());
    if deleted != inserted {
        let runs = ops.iter().filter(|o| o.tag == DiffTag::Equal).count();
        return if runs <= 1 {
            Change::Truncation
        } else {
            Change::Omission
        };
    }
    let wa: Vec<&Token> = ta.iter().filter(|t| t.word).collect();
    let wb: Vec<&Token> = tb.iter().filter(|t| t.word).collect();
    let shared = ops
        .iter()
        .filter(|o| o.tag == DiffTag::Equal)
        .flat_map(|o| o.a.clone())
        .filter(|&i| is_content(wa[i]))
        .count();
    let ca = wa.iter().filter(|t| is_content(t)).count();
    let cb = wb.iter().filter(|t| is_content(t)).count();
    let smaller = ca.min(cb).max(1);
    if shared as f64 / smaller as f64 > SUBSTITUTION_SHARE {
        Change::Substitution
    } else {
        Change::Paraphrase
    }
}

// ---------------------------------------------------------------------------
// Clustering
// ---------------------------------------------------------------------------

/// Union-find over statements that also keeps, per set, its documents and
/// the span of its dates: the paraphrase tier links two sets only when the
/// result is still one utterance's reports (see [`cluster`]).
struct UnionFind {
    parent: Vec<u32>,
    /// Per root: the set's documents, sorted.
    docs: Vec<Vec<u32>>,
    /// Per root: earliest and latest known day of the set.
    days: Vec<Option<(i64, i64)>>,
    /// Per root: the set's representative, its fullest version.
    rep: Vec<u32>,
    /// Per statement: sorts fullest first (quotes before reported speech,
    /// then more words, then earlier).
    fullness: Vec<(u8, std::cmp::Reverse<usize>, u32)>,
}

impl UnionFind {
    fn new(prepared: &[Prepared], statements: &[Statement]) -> Self {
        UnionFind {
            parent: (0..prepared.len() as u32).collect(),
            docs: prepared.iter().map(|p| vec![p.doc]).collect(),
            days: prepared.iter().map(|p| p.day.map(|d| (d, d))).collect(),
            rep: (0..prepared.len() as u32).collect(),
            fullness: prepared
                .iter()
                .zip(statements)
                .zip(0..)
                .map(|((p, s), i)| {
                    let rank = u8::from(!is_quote_kind(s.kind));
                    (rank, std::cmp::Reverse(p.words.len()), i)
                })
                .collect(),
        }
    }

    /// The representatives of the sets of `a` and `b`.
    fn reps(&mut self, a: u32, b: u32) -> (u32, u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        (self.rep[ra as usize], self.rep[rb as usize])
    }

    /// Whether joining the sets of `a` and `b` keeps every document once
    /// and the dates within `max_days` of each other.
    fn can_join_reports(&mut self, a: u32, b: u32, max_days: Option<u32>) -> bool {
        let (ra, rb) = (self.find(a) as usize, self.find(b) as usize);
        if ra == rb {
            return true;
        }
        if sorted_overlap(&self.docs[ra], &self.docs[rb]) > 0 {
            return false;
        }
        match (max_days, self.days[ra], self.days[rb]) {
            (Some(max), Some((lo_a, hi_a)), Some((lo_b, hi_b))) => {
                hi_a.max(hi_b) - lo_a.min(lo_b) <= i64::from(max)
            }
            _ => true,
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let p = self.parent[x as usize];
            self.parent[x as usize] = self.parent[p as usize];
            x = p;
        }
        x
    }

    /// Joins two sets; the smaller index becomes the root.
    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi as usize] = lo;
            let (lo, hi) = (lo as usize, hi as usize);
            let moved = std::mem::take(&mut self.docs[hi]);
            let mut docs = std::mem::take(&mut self.docs[lo]);
            docs.extend(moved);
            self.docs[lo] = sorted_dedup(docs);
            let (x, y) = (self.rep[lo], self.rep[hi]);
            self.rep[lo] = if self.fullness[y as usize] < self.fullness[x as usize] {
                y
            } else {
                x
            };
            self.days[lo] = match (self.days[lo], self.days[hi].take()) {
                (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
                (x, y) => x.or(y),
            };
        }
    }
}

/// A hasher for the clustering's internal maps: fast on integer keys and
/// stable across runs. The maps are only looked up, never iterated, so their
/// order never reaches the output.
#[derive(Clone, Copy)]
struct FastHasher(u64);

impl Default for FastHasher {
    fn default() -> Self {
        FastHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        mix(self.0)
    }

    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes per multiply: the keys hashed most are the words of
        // every clustered statement (token keys, interned words), so a byte
        // at a time cost more than the probe itself. The tail is read as one
        // zero-padded word with the length mixed in, so `ab` and `ab\0`
        // differ.
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            h = fold_word(h, crate::spool_fields::word_of(chunk));
        }
        let rest = chunks.remainder();
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        self.0 = fold_word(h, u64::from_le_bytes(word) ^ ((bytes.len() as u64) << 56));
    }

    fn write_u32(&mut self, x: u32) {
        self.write_u64(u64::from(x));
    }

    fn write_u64(&mut self, x: u64) {
        // One multiply, like a word of a string: `finish` mixes the whole.
        self.0 = fold_word(self.0, x);
    }

    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
}

/// One step of [`FastHasher`]: `x` (eight bytes of a key, or an integer
/// key) folded into the state with one multiply.
fn fold_word(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(26)
}

/// A hasher for keys that are already well mixed 64-bit hashes (the
/// clustering index's features, see [`feature`]): mixing them again at each
/// of the index's two probes per feature is wasted.
#[derive(Clone, Copy, Default)]
struct PremixedHasher(u64);

impl Hasher for PremixedHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `u64` keys are hashed here; any other key still hashes.
        let mut h = FastHasher(self.0);
        h.write(bytes);
        self.0 = h.finish();
    }

    fn write_u64(&mut self, x: u64) {
        self.0 ^= x;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// The SplitMix64 finaliser: spreads the bits of `x`.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Index key of a feature: tier, speaker and up to two interned ids.
fn feature(tier: u64, speaker: u32, a: u32, b: u32) -> u64 {
    mix(mix((tier << 32) | u64::from(speaker)) ^ ((u64::from(a) << 32) | u64::from(b)))
}

/// Interned normalised words, with what the paraphrase tier needs of each.
#[derive(Default)]
struct Lexicon {
    /// Word id by key; the key is shared with `keys`.
    ids: FastMap<Rc<str>, u32>,
    /// Per word id: its key.
    keys: Vec<Rc<str>>,
    /// Per word id: its stem id (`None` for stopwords).
    stems: Vec<Option<u32>>,
    stem_ids: FastMap<String, u32>,
}

impl Lexicon {
    fn word_by_key(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.ids.len() as u32;
        let key: Rc<str> = Rc::from(key);
        self.ids.insert(Rc::clone(&key), id);
        let stem = if is_stopword(&key) {
            None
        } else {
            let s = stem(&key);
            let next = self.stem_ids.len() as u32;
            Some(*self.stem_ids.entry(s.to_string()).or_insert(next))
        };
        self.keys.push(key);
        self.stems.push(stem);
        id
    }

    /// The content stem of a word token: acronyms (`US`, kept apart from the
    /// pronoun `us`) count even when their letters spell a stopword.
    fn content_stem(&mut self, acronym: bool, word: u32) -> Option<u32> {
        if acronym && self.stems[word as usize].is_none() {
            let key = format!("{}#", self.keys[word as usize]);
            let next = self.stem_ids.len() as u32;
            return Some(*self.stem_ids.entry(key).or_insert(next));
        }
        self.stems[word as usize]
    }
}

/// What clustering needs of one statement.
struct Prepared {
    /// Speaker id, `None` when the statement has no speaker or no words.
    speaker: Option<u32>,
    doc: u32,
    day: Option<i64>,
    /// Interned normalised words, in order.
    words: Vec<u32>,
    /// `words` sorted (with repeats): bounds the common subsequence cheaply.
    bag: Vec<u32>,
    /// How many of `words` fall in each of 64 buckets of word ids (see
    /// [`WordBuckets::overlap_bound`]); all zero for more than 255 words.
    buckets: WordBuckets,
    /// For at most 64 words, each distinct word with the positions it holds
    /// as bits, sorted by word (see [`lcs_len_in_one_word`]). Made when the
    /// statement is first verified as the shorter of a pair: most never are.
    word_masks: std::cell::OnceCell<Vec<(u32, u64)>>,
    /// Words that are not stopwords (or are acronyms), sorted, deduplicated.
    content_words: Vec<u32>,
    /// Content stems, sorted, deduplicated; in the paraphrase tier without
    /// the speaker's commonest.
    content: Vec<u32>,
    /// Consecutive content stems (`direct talks`), packed, sorted.
    content_pairs: Vec<u64>,
}

/// Days since 1970-01-01 of a date starting `YYYY-MM-DD`, `None` for any
/// other date.
pub fn day_number(date: &str) -> Option<i64> {
    parse_day(date)
}

/// Days since 1970-01-01 of a date starting `YYYY-MM-DD`.
fn parse_day(date: &str) -> Option<i64> {
    let d = date.get(..10)?;
    let b = d.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = d[..4].parse().ok()?;
    let m: i64 = d[5..7].parse().ok()?;
    let day: i64 = d[8..10].parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn sorted_dedup<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort_unstable();
    v.dedup();
    v
}

fn prepare(statements: &[Statement], opts: &VariantOptions) -> Vec<Prepared> {
    let mut speakers: FastMap<&str, u32> = FastMap::default();
    let mut docs: FastMap<&str, u32> = FastMap::default();
    let mut lexicon = Lexicon::default();
    let mut by_raw: FastMap<&str, u32> = FastMap::default();
    let mut prepared = Vec::with_capacity(statements.len());
    let mut sequences: Vec<Vec<u32>> = Vec::with_capacity(statements.len());
    for s in statements {
        let next = docs.len() as u32;
        let doc = *docs.entry(s.doc.as_str()).or_insert(next);
        let named = s
            .speaker
            .as_deref()
            .map(str::trim)
            .filter(|sp| !sp.is_empty());
        // Only a named speaker's statements take part: only their words are
        // interned.
        let tokens = if named.is_some() {
            let mut ids = WordIds {
                lexicon: &mut lexicon,
                by_raw: &mut by_raw,
            };
            tokenize_with(&s.text, &mut ids)
        } else {
            Vec::new()
        };
        let has_words = tokens.iter().any(|t| t.word);
        let speaker = named.filter(|_| has_words).map(|sp| {
            let next = speakers.len() as u32;
            *speakers.entry(sp).or_insert(next)
        });
        let (mut words, mut content_words, mut seq) = if speaker.is_some() {
            let n = tokens.len();
            (
                Vec::with_capacity(n),
                Vec::with_capacity(n),
                Vec::with_capacity(n),
            )
        } else {
            (Vec::new(), Vec::new(), Vec::new())
        };
        if speaker.is_some() {
            for t in tokens.iter().filter(|t| t.word) {
                let w = t.key;
                words.push(w);
                if let Some(stem) = lexicon.content_stem(t.acronym, w) {
                    seq.push(stem);
                    content_words.push(w);
                }
            }
        }
        let mut bag = words.clone();
        bag.sort_unstable();
        let buckets = WordBuckets::of(&words);
        let content_words = sorted_dedup(content_words);
        sequences.push(seq);
        prepared.push(Prepared {
            speaker,
            doc,
            day: parse_day(&s.date),
            words,
            bag,
            buckets,
            word_masks: std::cell::OnceCell::new(),
            content_words,
            content: Vec::new(),
            content_pairs: Vec::new(),
        });
    }
    // A stem in more than `speaker_common_share` of a prolific speaker's
    // statements says nothing about which utterance a statement reports.
    let mut per_speaker = vec![0usize; speakers.len()];
    let mut df: FastMap<u64, usize> = FastMap::default();
    let key = |sp: u32, stem: u32| (u64::from(sp) << 32) | u64::from(stem);
    for (p, seq) in prepared.iter().zip(&sequences) {
        let Some(sp) = p.speaker else { continue };
        per_speaker[sp as usize] += 1;
        for &stem in &sorted_dedup(seq.clone()) {
            *df.entry(key(sp, stem)).or_default() += 1;
        }
    }
    for (p, mut seq) in prepared.iter_mut().zip(sequences) {
        let Some(sp) = p.speaker else { continue };
        let total = per_speaker[sp as usize];
        if total >= opts.speaker_common_min {
            let limit = opts.speaker_common_share * total as f64;
            seq.retain(|&stem| df[&key(sp, stem)] as f64 <= limit);
        }
        p.content_pairs = sorted_dedup(
            seq.windows(2)
                .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
                .collect(),
        );
        p.content = sorted_dedup(seq);
    }
    prepared
}

/// Word bigrams (a lone word for one-word texts), keyed with the speaker,
/// sorted and distinct, into `out` (reused from statement to statement).
fn quote_features(speaker: u32, words: &[u32], out: &mut Vec<u64>) {
    out.clear();
    if words.len() == 1 {
        out.push(feature(0, speaker, words[0], u32::MAX));
    } else {
        out.extend(words.windows(2).map(|w| feature(0, speaker, w[0], w[1])));
    }
    out.sort_unstable();
    out.dedup();
}

/// An inverted index from features to statement indices, with capped
/// posting lists, and a reusable counter for candidate lookups.
///
/// Each posting list is one contiguous slice of a shared pool, oldest
/// statement first. The common bigrams of a prolific speaker (`of the`, `we
/// will`) fill their lists to the cap, and every later statement of that
/// speaker reads them whole: read front to back, a list costs one cache miss
/// per 16 entries, where a chain of links through a pool costs one per entry
/// on a large corpus. A list lives in a slice whose capacity is its length
/// rounded up to a power of two (at most the cap) and moves to the pool's
/// end when it outgrows it, so millions of features still cost a few
/// allocations, not one each, and the pool uses fewer than four slots per
/// entry (about 2.4 on generated news).
struct Index {
    /// Feature → (start of its slice in `pool`, list length).
    heads: HashMap<u64, (u32, u32), BuildHasherDefault<PremixedHasher>>,
    /// The lists' statements; the slots of a slice past its list's length
    /// are free.
    pool: Vec<u32>,
    cap: u32,
    counts: Vec<u32>,
    touched: Vec<u32>,
    /// Buffers of the lookup (candidates with their counts, then the chosen
    /// indices it returns), kept so a statement's lookup allocates nothing.
    found: Vec<(u32, u32)>,
    chosen: Vec<u32>,
}

impl Index {
    /// An index of `n` statements holding at most `features` features in
    /// all (the table is sized once instead of growing step by step; the
    /// pool starts at one slot per feature and grows).
    fn new(cap: usize, n: usize, features: usize) -> Self {
        Index {
            heads: HashMap::with_capacity_and_hasher(features, BuildHasherDefault::default()),
            pool: Vec::with_capacity(features),
            cap: cap.clamp(1, u32::MAX as usize) as u32,
            counts: vec![0; n],
            touched: Vec::new(),
            found: Vec::new(),
            chosen: Vec::new(),
        }
    }

    /// Earlier statements sharing features with `features`, most shared
    /// first (ties by index), skipping `skip(j)`; at most `limit`. Then adds
    /// statement `i` under its features (which must be distinct: the quote
    /// tier's are deduplicated by [`quote_features`], the paraphrase tier's
    /// come from distinct stems): each feature is looked up once for both.
    fn candidates_then_insert(
        &mut self,
        features: &[u64],
        i: u32,
        limit: usize,
        skip: impl Fn(u32) -> bool,
    ) -> &[u32] {
        // The capacity of the slice holding a list of `len` statements.
        let capacity = |len: u32| len.checked_next_power_of_two().unwrap_or(u32::MAX);
        for f in features {
            let head = self.heads.entry(*f).or_insert((0, 0));
            let (start, len) = *head;
            for &j in &self.pool[start as usize..(start + len) as usize] {
                let count = &mut self.counts[j as usize];
                if *count == 0 {
                    self.touched.push(j);
                }
                *count += 1;
            }
            if len >= self.cap {
                continue;
            }
            let at = if len == 0 || len == capacity(len).min(self.cap) {
                // New, or its slice is full: the list moves to a slice of the
                // next capacity at the pool's end. Slices are addressed by
                // `u32`: a list that would move past that stays as it is (as
                // if full) rather than wrap around.
                let moved = self.pool.len();
                let grown = capacity(len + 1).min(self.cap) as usize;
                if u32::try_from(moved + grown).is_err() {
                    continue;
                }
                self.pool
                    .extend_from_within(start as usize..(start + len) as usize);
                self.pool.resize(moved + grown, 0);
                moved + len as usize
            } else {
                (start + len) as usize
            };
            self.pool[at] = i;
            *head = ((at - len as usize) as u32, len + 1);
        }
        let found = &mut self.found;
        found.clear();
        for &j in &self.touched {
            let c = std::mem::take(&mut self.counts[j as usize]);
            if !skip(j) {
                found.push((j, c));
            }
        }
        self.touched.clear();
        // A total order (count, then index): the chosen candidates and their
        // order do not depend on the order the lists were read in.
        let order = |x: &(u32, u32), y: &(u32, u32)| y.1.cmp(&x.1).then(x.0.cmp(&y.0));
        if found.len() > limit {
            found.select_nth_unstable_by(limit, order);
            found.truncate(limit);
        }
        found.sort_unstable_by(order);
        self.chosen.clear();
        self.chosen.extend(found.iter().map(|&(j, _)| j));
        &self.chosen
    }
}

/// Size of the common multiset of two sorted sequences. The merge steps
/// without branching on the comparison (which a processor cannot predict):
/// candidate pairs of clustering are verified with it.
fn sorted_overlap<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (&a[i], &b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

/// Whether two sorted sequences have at least `needed` elements in common
/// (as multisets); stops as soon as the answer is known.
fn sorted_overlap_reaches<T: Ord>(a: &[T], b: &[T], needed: usize) -> bool {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if n >= needed {
            return true;
        }
        if n + (a.len() - i).min(b.len() - j) < needed {
            return false;
        }
        let (x, y) = (&a[i], &b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n >= needed
}

/// Whether two prepared statements are versions of one quote.
fn quote_match(a: &Prepared, b: &Prepared, opts: &VariantOptions) -> bool {
    let shorter = a.words.len().min(b.words.len());
    let needed = opts
        .quote_min_common
        .max((opts.quote_containment * shorter as f64 - 1e-9).ceil() as usize);
    // The common subsequence is at most the common multiset of words, which
    // is at most what the bucket counts allow.
    if shorter == 0
        || a.buckets.overlap_bound(&b.buckets) < needed
        || !sorted_overlap_reaches(&a.bag, &b.bag, needed)
        || !sorted_overlap_reaches(&a.content_words, &b.content_words, 1)
    {
        return false;
    }
    let (short, long) = if a.words.len() <= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    let common = if short.words.len() <= 64 {
        let masks = short.word_masks.get_or_init(|| word_masks(&short.words));
        lcs_len_in_one_word(masks, short.words.len(), &long.words)
    } else {
        lcs_len(&a.words, &b.words)
    };
    common >= needed
}

/// How many words of a statement fall in each of 64 buckets of word ids.
/// Two statements have at most `sum over buckets of min(count, count)`
/// words in common: a bound of 64 byte minimums that rejects most of the
/// candidate pairs of a prolific speaker (they share a bigram or a stem,
/// rarely 60% of their words) before the merge of their sorted words.
#[derive(Clone, Copy)]
struct WordBuckets {
    counts: [u8; 64],
    /// Whether the counts hold (no more than 255 words, so none overflows).
    counted: bool,
}

impl WordBuckets {
    fn of(words: &[u32]) -> Self {
        let mut counts = [0u8; 64];
        let counted = words.len() <= usize::from(u8::MAX);
        if counted {
            for &w in words {
                counts[(w & 63) as usize] += 1;
            }
        }
        WordBuckets { counts, counted }
    }

    /// An upper bound of the common multiset of the two statements' words
    /// (`usize::MAX` when either has too many words to count).
    fn overlap_bound(&self, other: &WordBuckets) -> usize {
        if !(self.counted && other.counted) {
            return usize::MAX;
        }
        let common: u16 = self
            .counts
            .iter()
            .zip(&other.counts)
            .map(|(&x, &y)| u16::from(x.min(y)))
            .sum();
        usize::from(common)
    }
}

/// Each distinct word of `words` (at most 64) with the bit mask of its
/// positions, sorted by word (see [`Prepared::word_masks`]).
fn word_masks(words: &[u32]) -> Vec<(u32, u64)> {
    debug_assert!(words.len() <= 64);
    let mut by_word: Vec<u64> = words
        .iter()
        .zip(0u64..)
        .map(|(&w, position)| (u64::from(w) << 6) | position)
        .collect();
    by_word.sort_unstable();
    let mut masks: Vec<(u32, u64)> = Vec::with_capacity(by_word.len());
    for &k in &by_word {
        let (w, bit) = ((k >> 6) as u32, 1u64 << (k & 63));
        match masks.last_mut() {
            Some((last, mask)) if *last == w => *mask |= bit,
            _ => masks.push((w, bit)),
        }
    }
    masks
}

/// [`lcs_len`] of a sequence of at most 64 words, given as its
/// [`word_masks`] and length, and `other`: the bit vector is one
/// machine word and each word's match mask is looked up, not built.
/// Verifying candidates of prolific speakers is where clustering a big
/// corpus spends its time; nearly every quote is this short.
fn lcs_len_in_one_word(masks: &[(u32, u64)], len: usize, other: &[u32]) -> usize {
    debug_assert!(len <= 64);
    if len == 0 {
        return 0;
    }
    let mut v = u64::MAX;
    for &w in other {
        let Ok(k) = masks.binary_search_by_key(&w, |&(x, _)| x) else {
            continue;
        };
        let mask = masks[k].1;
        let u = v & mask;
        v = v.wrapping_add(u) | (v & !mask);
    }
    let used = if len == 64 {
        u64::MAX
    } else {
        (1u64 << len) - 1
    };
    (!v & used).count_ones() as usize
}

/// Length of the longest common subsequence of two word sequences, with the
/// bit-parallel algorithm of Allison and Dix (as refined by Hyyrö): one
/// pass over `b` updating a bit vector as long as `a`, 64 positions per
/// machine word. Verifying a candidate pair is the inner loop of
/// clustering; a full diff there cost more than all of extraction on
/// prolific speakers. Equal to the common length of an optimal diff.
fn lcs_len(a: &[u32], b: &[u32]) -> usize {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if a.is_empty() {
        return 0;
    }
    let blocks = a.len().div_ceil(64);
    // Positions of each word of `a`, sorted by word: the match mask of a
    // word of `b` is built from its run.
    let mut by_word: Vec<(u32, usize)> = a.iter().copied().zip(0..).collect();
    by_word.sort_unstable();
    let mut v = vec![u64::MAX; blocks];
    let mut mask = vec![0u64; blocks];
    for &w in b {
        let lo = by_word.partition_point(|&(x, _)| x < w);
        let hi = lo + by_word[lo..].partition_point(|&(x, _)| x == w);
        if lo == hi {
            continue;
        }
        for &(_, pos) in &by_word[lo..hi] {
            mask[pos / 64] |= 1 << (pos % 64);
        }
        let mut carry = 0u64;
        for k in 0..blocks {
            let x = v[k];
            let u = x & mask[k];
            let (sum, c1) = x.overflowing_add(u);
            let (sum, c2) = sum.overflowing_add(carry);
            carry = u64::from(c1 || c2);
            v[k] = sum | (x & !mask[k]);
        }
        for &(_, pos) in &by_word[lo..hi] {
            mask[pos / 64] = 0;
        }
    }
    // Each zero among the first `a.len()` bits is one matched word.
    let full = a.len() / 64;
    let mut zeros: usize = v[..full].iter().map(|x| x.count_zeros() as usize).sum();
    let rest = a.len() % 64;
    if rest > 0 {
        zeros += (!v[full] & ((1u64 << rest) - 1)).count_ones() as usize;
    }
    zeros
}

/// Paraphrase score of two prepared statements: (containment, evidence).
fn paraphrase_score(a: &Prepared, b: &Prepared, opts: &VariantOptions) -> Option<(f64, usize)> {
    if let (Some(max), Some(x), Some(y)) = (opts.paraphrase_max_days, a.day, b.day) {
        if (x - y).abs() > i64::from(max) {
            return None;
        }
    }
    let shared = sorted_overlap(&a.content, &b.content);
    let smaller = a.content.len().min(b.content.len());
    if smaller == 0 || shared < opts.paraphrase_min_shared.max(1) {
        return None;
    }
    let evidence = shared + sorted_overlap(&a.content_pairs, &b.content_pairs);
    let containment = shared as f64 / smaller as f64;
    (evidence >= opts.paraphrase_min_evidence && containment >= opts.paraphrase_containment)
        .then_some((containment, evidence))
}

fn is_quote_kind(kind: Kind) -> bool {
    matches!(kind, Kind::Direct | Kind::Fragment | Kind::Mixed)
}

/// Finds the statements that report one utterance in two or more documents.
///
/// Only statements with a speaker take part; links join statements of the
/// same speaker (trimmed, exact) from different documents:
///
/// * quote tier (direct, fragment and mixed statements): the longest common
///   subsequence of normalised words is at least
///   [`VariantOptions::quote_min_common`] words and covers at least
///   [`VariantOptions::quote_containment`] of the shorter version, and the two
///   share a word that is not a stopword. A part of a long quote thus joins
///   the long quote, and through it the other parts.
/// * paraphrase tier (at least one side reported speech: indirect or mixed;
///   two quotes that fail the quote tier are two utterances): at least
///   [`VariantOptions::paraphrase_min_shared`] shared content stems covering
///   at least [`VariantOptions::paraphrase_containment`] of the smaller stem
///   set, shared stems plus shared stem pairs (`direct talks`) reaching
///   [`VariantOptions::paraphrase_min_evidence`], dates within
///   [`VariantOptions::paraphrase_max_days`]. Each statement takes at most one
///   partner per other document (a quote-tier link counts), best pairs first,
///   so a second, different remark of the same speaker in the same article
///   pair stays out. A paraphrase link also never joins two sets that share
///   a document or whose dates together span more than
///   [`VariantOptions::paraphrase_max_days`]: one utterance is reported
///   within days, and once per article in reported speech, so a cluster
///   cannot grow by chaining a speaker's remarks on one topic week after
///   week.
///
/// Candidates come from inverted indexes keyed by speaker and word bigram
/// (quote tier) or content stem (paraphrase tier); each statement verifies at
/// most [`VariantOptions::max_candidates`] of them, and posting lists stop
/// growing at [`VariantOptions::max_postings`], so the work is linear in the
/// number of statements.
///
/// Returns the clusters spanning at least [`VariantOptions::min_docs`]
/// documents, ordered by first member, each with its reference version and
/// every member's diff against it.
pub fn cluster(statements: &[Statement], opts: &VariantOptions) -> Vec<Cluster> {
    let mut found: Vec<Vec<usize>> = linked_groups(statements, opts)
        .into_iter()
        .filter(|m| spans_enough_docs(m.iter().map(|&i| &statements[i]), opts))
        .collect();
    found.sort_by_key(|m| m[0]);
    let width = found.len().to_string().len().max(3);
    found
        .into_iter()
        .enumerate()
        .map(|(k, members)| build_cluster(format!("v{:0width$}", k + 1), members, statements))
        .collect()
}

/// Whether statements linked into one group span enough documents to be
/// returned as a cluster ([`VariantOptions::min_docs`]).
pub fn spans_enough_docs<'a>(
    members: impl Iterator<Item = &'a Statement>,
    opts: &VariantOptions,
) -> bool {
    let mut docs: Vec<&str> = members.map(|s| s.doc.as_str()).collect();
    let n = docs.len();
    docs.sort_unstable();
    docs.dedup();
    n > 1 && docs.len() >= opts.min_docs.max(2)
}

/// The groups of statements [`cluster`] links (indices into `statements`,
/// ascending; groups of two or more, in no particular order), before the
/// [`VariantOptions::min_docs`] filter and the diffs. The spool of a big
/// corpus links overlapping windows of a speaker bucket with it and joins
/// the groups that share a statement.
pub fn linked_groups(statements: &[Statement], opts: &VariantOptions) -> Vec<Vec<usize>> {
    let prepared = prepare(statements, opts);
    let n = statements.len();
    let mut uf = UnionFind::new(&prepared, statements);
    // (statement, other document) slots already holding a link.
    let mut taken: FastSet<(u32, u32)> = FastSet::default();
    // Each statement's document and speaker, side by side: the candidates of
    // a lookup are checked against them without reading their whole
    // preparations.
    let doc_speaker: Vec<(u32, Option<u32>)> =
        prepared.iter().map(|p| (p.doc, p.speaker)).collect();
    let other_speaker_or_doc = |p: &Prepared, j: u32| {
        let (doc, speaker) = doc_speaker[j as usize];
        doc == p.doc || speaker != p.speaker
    };

    let quote_features_at_most = prepared
        .iter()
        .zip(statements)
        .filter(|(p, s)| p.speaker.is_some() && is_quote_kind(s.kind))
        .map(|(p, _)| p.words.len())
        .sum();
    let mut index = Index::new(opts.max_postings, n, quote_features_at_most);
    let mut features: Vec<u64> = Vec::new();
    for (i, p) in prepared.iter().enumerate() {
        let Some(sp) = p.speaker else { continue };
        if !is_quote_kind(statements[i].kind) {
            continue;
        }
        quote_features(sp, &p.words, &mut features);
        let cands = index.candidates_then_insert(&features, i as u32, opts.max_candidates, |j| {
            other_speaker_or_doc(p, j)
        });
        for &j in cands {
            let q = &prepared[j as usize];
            if quote_match(q, p, opts) && joins_versions(&mut uf, &prepared, opts, j, i as u32) {
                uf.union(j, i as u32);
                taken.insert((i as u32, q.doc));
                taken.insert((j, p.doc));
            }
        }
    }
    drop(index);

    if opts.paraphrase {
        let content_features_at_most = prepared
            .iter()
            .filter(|p| p.speaker.is_some())
            .map(|p| p.content.len())
            .sum();
        let mut index = Index::new(opts.max_postings, n, content_features_at_most);
        let mut pairs: Vec<(f64, usize, u32, u32)> = Vec::new();
        for (i, p) in prepared.iter().enumerate() {
            let Some(sp) = p.speaker else { continue };
            features.clear();
            features.extend(p.content.iter().map(|&c| feature(1, sp, c, 0)));
            let cands =
                index.candidates_then_insert(&features, i as u32, opts.max_candidates, |j| {
                    other_speaker_or_doc(p, j)
                });
            for &j in cands {
                let reported = |k: usize| !statements[k].kind.is_quoted();
                if !reported(i) && !reported(j as usize) {
                    // Two quotes of one speaker that share too few words to
                    // pass the quote tier are two utterances.
                    continue;
                }
                if let Some((score, evidence)) = paraphrase_score(&prepared[j as usize], p, opts) {
                    pairs.push((score, evidence, j, i as u32));
                }
            }
        }
        pairs.sort_by(|x, y| {
            y.0.total_cmp(&x.0)
                .then(y.1.cmp(&x.1))
                .then(x.2.cmp(&y.2))
                .then(x.3.cmp(&y.3))
        });
        for (_, _, j, i) in pairs {
            let (dj, di) = (prepared[j as usize].doc, prepared[i as usize].doc);
            if taken.contains(&(i, dj)) || taken.contains(&(j, di)) {
                continue;
            }
            // Links are checked against the sets they would join, not only
            // the pair: a prolific speaker's reported remarks otherwise
            // chain, week after week, through one shared topic after
            // another into one "utterance" of thousands of statements.
            if !uf.can_join_reports(j, i, opts.paraphrase_max_days) {
                continue;
            }
            let (rj, ri) = uf.reps(j, i);
            let (a, b) = (&prepared[rj as usize], &prepared[ri as usize]);
            if (rj, ri) != (j, i)
                && !quote_match(a, b, opts)
                && paraphrase_score(a, b, opts).is_none()
            {
                continue;
            }
            taken.insert((i, dj));
            taken.insert((j, di));
            uf.union(j, i);
        }
    }

    let mut groups: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let root = uf.find(i as u32);
        groups.entry(root).or_default().push(i);
    }
    groups.into_values().filter(|m| m.len() > 1).collect()
}

/// Whether a quote-tier link between `j` and `i` may join their sets: the
/// sets' fullest versions must themselves be versions of one quote. A short
/// stock phrase (`We'll see.`, `We are getting there.`) is part of many
/// different long quotes of a speaker; linked to each of them, it would
/// chain all of them into one "utterance". It joins the first long quote it
/// is part of, and a second long quote only when that one is a version of
/// the first.
fn joins_versions(
    uf: &mut UnionFind,
    prepared: &[Prepared],
    opts: &VariantOptions,
    j: u32,
    i: u32,
) -> bool {
    let (rj, ri) = uf.reps(j, i);
    (rj, ri) == (j, i)
        || rj == ri
        || quote_match(&prepared[rj as usize], &prepared[ri as usize], opts)
}

fn kind_rank(kind: Kind) -> u8 {
    match kind {
        Kind::Direct => 0,
        Kind::Fragment | Kind::Mixed => 1,
        Kind::Indirect => 2,
    }
}

/// The cluster of `members` (ascending indices into `statements`), without
/// an id, with its reference version and each member's diff against it;
/// each [`Member::statement`] indexes `statements`: how the spool of a big
/// corpus builds a bucket's clusters, from the bucket in memory or from
/// each cluster's members read back from disk.
pub fn cluster_of_members(members: Vec<usize>, statements: &[Statement]) -> Cluster {
    build_cluster(String::new(), members, statements)
}

fn build_cluster(id: String, members: Vec<usize>, statements: &[Statement]) -> Cluster {
    let tokens: Vec<Vec<Token>> = members
        .iter()
        .map(|&i| tokenize(&statements[i].text))
        .collect();
    let words: Vec<usize> = tokens
        .iter()
        .map(|t| t.iter().filter(|t| t.word).count())
        .collect();
    let days: Vec<Option<i64>> = members
        .iter()
        .map(|&i| parse_day(&statements[i].date))
        .collect();
    let reference = (0..members.len())
        .min_by(|&x, &y| {
            let (a, b) = (members[x], members[y]);
            kind_rank(statements[a].kind)
                .cmp(&kind_rank(statements[b].kind))
                .then(words[y].cmp(&words[x]))
                .then_with(|| match (days[x], days[y]) {
                    (Some(p), Some(q)) => p.cmp(&q),
                    _ => statements[a].date.cmp(&statements[b].date),
                })
                .then(a.cmp(&b))
        })
        .unwrap_or(0);
    let r = members[reference];
    let texts: Vec<&str> = members
        .iter()
        .map(|&i| statements[i].text.as_str())
        .collect();
    let interned = intern(&texts, &tokens);
    let members = members
        .iter()
        .zip(&interned)
        .map(|(&i, member)| {
            let (change, diff, similarity) = if i == r {
                (Change::Identical, String::new(), 1.0)
            } else {
                compare(&interned[reference], member)
            };
            Member {
                statement: i,
                similarity,
                change,
                diff,
            }
        })
        .collect();
    Cluster {
        id,
        members,
        reference,
    }
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

/// The columns of `variants.csv` (and of the workbook's Variants sheet).
pub const COLUMNS: [&str; 10] = [
    "cluster",
    "doc",
    "outlet",
    "speaker",
    "kind",
    "text",
    "reference",
    "similarity",
    "change",
    "diff",
];

/// Writes `variants.csv`: a header, then one row per member of every cluster,
/// clusters in order, members in input order. Columns: `cluster, doc, outlet,
/// speaker, kind, text, reference, similarity, change, diff`; `text` and
/// `reference` are the original statement texts, `similarity` has three
/// decimals.
pub fn write_csv<W: std::io::Write>(
    w: W,
    statements: &[Statement],
    clusters: &[Cluster],
) -> csv::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(COLUMNS)?;
    for c in clusters {
        for row in csv_rows(statements, c) {
            out.write_record(row.iter().map(|cell| cell.as_bytes()))?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The `variants.csv` rows of one cluster (columns [`COLUMNS`]).
pub fn csv_rows<'a>(statements: &'a [Statement], c: &'a Cluster) -> Vec<[Cow<'a, str>; 10]> {
    let reference = &statements[c.reference_member().statement];
    c.members
        .iter()
        .map(|m| {
            let s = &statements[m.statement];
            [
                Cow::Borrowed(c.id.as_str()),
                Cow::Borrowed(s.doc.as_str()),
                Cow::Borrowed(s.outlet.as_str()),
                Cow::Borrowed(s.speaker.as_deref().unwrap_or_default()),
                Cow::Borrowed(s.kind.as_str()),
                Cow::Borrowed(s.text.as_str()),
                Cow::Borrowed(reference.text.as_str()),
                Cow::Owned(format!("{:.3}", m.similarity)),
                Cow::Borrowed(m.change.as_str()),
                Cow::Borrowed(m.diff.as_str()),
            ]
        })
        .collect()
}

/// Escapes the characters Markdown would read as formatting.
fn md_escape(s: &str) -> Cow<'_, str> {
    // Every mark escaped or replaced is ASCII: the text is copied in runs
    // between them, and most fields (dates, ids, outlets) have none.
    let special = |b: u8| {
        matches!(
            b,
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'|' | b'#' | b'\n' | b'\r'
        )
    };
    let Some(first) = s.bytes().position(special) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    let mut run = 0;
    for (i, b) in s.bytes().enumerate().skip(first) {
        if !special(b) {
            continue;
        }
        out.push_str(&s[run..i]);
        if b == b'\n' || b == b'\r' {
            out.push(' ');
        } else {
            out.push('\\');
            out.push(char::from(b));
        }
        run = i + 1;
    }
    out.push_str(&s[run..]);
    Cow::Owned(out)
}

/// The character-by-character escape [`md_escape`] must agree with.
#[cfg(test)]
fn md_escape_by_char(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        if c == '\n' || c == '\r' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// A readable report: one section per cluster with the speaker, the reference
/// quote, then every other document's version with its change, similarity
/// and diff against the reference.
pub fn render_markdown(statements: &[Statement], clusters: &[Cluster]) -> String {
    let mut out = markdown_header(clusters.len());
    for c in clusters {
        markdown_cluster(&mut out, statements, c);
    }
    out
}

/// The title and summary line of `variants.md`.
pub fn markdown_header(clusters: usize) -> String {
    format!(
        "# Quote variants\n\n{clusters} utterance(s) reported by two or more documents. Diffs \
         read from the reference to each version: `[-removed-]`, `{{+added+}}`.\n\n"
    )
}

/// Appends one cluster's section of `variants.md`.
pub fn markdown_cluster(out: &mut String, statements: &[Statement], c: &Cluster) {
    use std::fmt::Write as _;
    {
        let r = &statements[c.reference_member().statement];
        let mut docs: Vec<&str> = c
            .members
            .iter()
            .map(|m| statements[m.statement].doc.as_str())
            .collect();
        docs.sort_unstable();
        docs.dedup();
        let _ = writeln!(
            out,
            "## {} · {}\n\n{} versions in {} documents.\n",
            c.id,
            md_escape(r.speaker.as_deref().unwrap_or("")),
            c.members.len(),
            docs.len()
        );
        let _ = writeln!(
            out,
            "**Reference**, {} ({}, {}, {}):\n\n> {}\n",
            md_escape(&r.outlet),
            r.kind,
            md_escape(&r.date),
            md_escape(&r.doc),
            md_escape(&r.text)
        );
        for (k, m) in c.members.iter().enumerate() {
            if k == c.reference {
                continue;
            }
            let s = &statements[m.statement];
            let _ = writeln!(
                out,
                "### {} ({}, {}, {}): {}, similarity {:.3}\n\n> {}\n",
                md_escape(&s.outlet),
                s.kind,
                md_escape(&s.date),
                md_escape(&s.doc),
                m.change,
                m.similarity,
                md_escape(&s.text)
            );
            if !m.diff.is_empty() {
                let _ = writeln!(out, "Diff: {}\n", md_escape(&m.diff));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn bit_parallel_lcs_equals_the_common_length_of_a_diff(
            a in proptest::collection::vec(0u32..6, 0..150),
            b in proptest::collection::vec(0u32..6, 0..150),
        ) {
            let diff = common_len(&canonical_diff(&a, &b, a <= b));
            prop_assert_eq!(lcs_len(&a, &b), diff);
            prop_assert_eq!(lcs_len(&b, &a), diff);
        }

        #[test]
        fn one_word_lcs_holds_at_sixty_four_distinct_words(
            b in proptest::collection::vec(0u32..80, 0..150),
        ) {
            // Every bit of the machine word is a position: the top one too.
            let a: Vec<u32> = (0..64).map(|w| (w * 7) % 64).collect();
            prop_assert_eq!(lcs_len_in_one_word(&word_masks(&a), 64, &b), lcs_len(&a, &b));
            prop_assert_eq!(lcs_len_in_one_word(&word_masks(&a), 64, &a), 64);
        }

        #[test]
        fn bucket_bound_is_at_least_the_common_multiset(
            mut a in proptest::collection::vec(0u32..200, 0..300),
            mut b in proptest::collection::vec(0u32..200, 0..300),
        ) {
            let bound = WordBuckets::of(&a).overlap_bound(&WordBuckets::of(&b));
            a.sort_unstable();
            b.sort_unstable();
            prop_assert!(bound >= sorted_overlap(&a, &b));
        }

        #[test]
        fn one_word_lcs_equals_the_general_one(
            a in proptest::collection::vec(0u32..6, 0..=64),
            b in proptest::collection::vec(0u32..6, 0..150),
        ) {
            let masks = word_masks(&a);
            prop_assert_eq!(lcs_len_in_one_word(&masks, a.len(), &b), lcs_len(&a, &b));
        }

        #[test]
        fn index_finds_what_a_count_over_all_earlier_statements_finds(
            statements in proptest::collection::vec(
                proptest::collection::btree_set(0u64..12, 0..8),
                0..60,
            ),
            cap in 1usize..9,
            limit in 0usize..10,
            skip_every in 1u32..5,
        ) {
            // The naive index: every feature's list holds the first `cap`
            // statements that had it; a lookup counts, per earlier
            // statement, the looked-up features whose list holds it.
            let mut index = Index::new(cap, statements.len(), 0);
            let mut lists: HashMap<u64, Vec<u32>> = HashMap::new();
            for (i, features) in statements.iter().enumerate() {
                let features: Vec<u64> = features.iter().copied().collect();
                let skip = |j: u32| j.is_multiple_of(skip_every);
                let mut counts: BTreeMap<u32, u32> = BTreeMap::new();
                for f in &features {
                    for &j in lists.get(f).into_iter().flatten() {
                        *counts.entry(j).or_default() += 1;
                    }
                }
                let mut expected: Vec<(u32, u32)> =
                    counts.into_iter().filter(|&(j, _)| !skip(j)).collect();
                expected.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
                expected.truncate(limit);
                let expected: Vec<u32> = expected.into_iter().map(|(j, _)| j).collect();
                let found = index.candidates_then_insert(&features, i as u32, limit, skip).to_vec();
                prop_assert_eq!(found, expected);
                for f in &features {
                    let list = lists.entry(*f).or_default();
                    if list.len() < cap {
                        list.push(i as u32);
                    }
                }
                // Moving a list only when it outgrows its slice keeps the
                // pool under four slots per entry.
                let entries: usize = lists.values().map(Vec::len).sum();
                prop_assert!(index.pool.len() < 4 * entries || entries == 0);
            }
        }

        #[test]
        fn overlap_counts_the_common_multiset(
            mut a in proptest::collection::vec(0u32..8, 0..40),
            mut b in proptest::collection::vec(0u32..8, 0..40),
            needed in 0usize..45,
        ) {
            a.sort_unstable();
            b.sort_unstable();
            let mut common = 0;
            let mut rest = b.clone();
            for x in &a {
                if let Some(p) = rest.iter().position(|y| y == x) {
                    rest.remove(p);
                    common += 1;
                }
            }
            prop_assert_eq!(sorted_overlap(&a, &b), common);
            prop_assert_eq!(sorted_overlap_reaches(&a, &b, needed), common >= needed);
        }
    }
    use std::path::PathBuf;

    fn stmt(n: usize, doc: &str, kind: Kind, speaker: Option<&str>, text: &str) -> Statement {
        Statement {
            id: format!("{doc}#{n}"),
            doc: doc.to_string(),
            outlet: format!("outlet-{}", doc.get(..3).unwrap_or(doc)),
            date: "2025-04-23".to_string(),
            kind,
            speaker: speaker.map(str::to_string),
            speaker_mention: String::new(),
            anonymous: false,
            affiliation: String::new(),
            cue: "said".to_string(),
            text: text.to_string(),
            start: 0,
            end: text.len(),
            stance: Vec::new(),
        }
    }

    fn shared_dir() -> Option<PathBuf> {
        let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        [
            here.join("../shared"),
            here.join("shared"),
            PathBuf::from("/work/shared"),
        ]
        .into_iter()
        .find(|p| p.join("gold/variants.jsonl").is_file())
    }

    /// The gold statements of the seed articles, in file order.
    fn seed_statements() -> Option<Vec<Statement>> {
        let path = shared_dir()?.join("gold/seeds.jsonl");
        let text = std::fs::read_to_string(path).ok()?;
        let mut out: Vec<Statement> = Vec::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).ok()?;
            let doc = v["doc"].as_str()?;
            let kind = Kind::parse(v["kind"].as_str()?)?;
            let n = out.iter().filter(|s| s.doc == doc).count() + 1;
            out.push(stmt(
                n,
                doc,
                kind,
                v["speaker"].as_str(),
                v["text"].as_str()?,
            ));
        }
        Some(out)
    }

    /// Statements no gold cluster contains, several by the gold speakers.
    fn distractors() -> Vec<Statement> {
        use Kind::*;
        let zel = Some("Volodymyr Zelensky");
        let (d5, d6) = ("005_synthetic.txt", "006_synthetic.txt");
        let rows: &[(&str, Kind, Option<&str>, &str)] = &[
            (
                d5,
                Direct,
                zel,
                "We are ready for a full ceasefire on land, in the air and at sea.",
            ),
            (
                d5,
                Indirect,
                zel,
                "he would support working with the United States to restart operations at the \
                 nuclear plant",
            ),
            (
                d5,
                Direct,
                Some("Karoline Leavitt"),
                "The president is frustrated with the pace of the negotiations.",
            ),
            (
                d5,
                Direct,
                Some("Marco Rubio"),
                "We will not be party to a process that goes nowhere.",
            ),
            (
                d5,
                Direct,
                Some("Dmitry Peskov"),
                "The Kremlin has nothing to add on the meeting.",
            ),
            (
                d5,
                Indirect,
                Some("Vladimir Putin"),
                "Russia would consider a ceasefire only after its demands are met",
            ),
            (
                d6,
                Direct,
                None,
                "Ukraine will not legally recognize the occupation of Crimea.",
            ),
            (
                d6,
                Direct,
                Some("Yulia Svyrydenko"),
                "Ukraine will not legally recognize the occupation of Crimea.",
            ),
            (
                d6,
                Direct,
                zel,
                "Our people will not accept a frozen conflict disguised as peace.",
            ),
        ];
        rows.iter()
            .enumerate()
            .map(|(n, (doc, kind, sp, text))| stmt(n + 1, doc, *kind, *sp, text))
            .collect()
    }

    fn fixture() -> Option<Vec<Statement>> {
        let mut st = seed_statements()?;
        st.extend(distractors());
        Some(st)
    }

    fn cluster_of(clusters: &[Cluster], statement: usize) -> Option<&Cluster> {
        clusters
            .iter()
            .find(|c| c.members.iter().any(|m| m.statement == statement))
    }

    fn find(st: &[Statement], doc_prefix: &str, text_prefix: &str) -> usize {
        st.iter()
            .position(|s| s.doc.starts_with(doc_prefix) && s.text.starts_with(text_prefix))
            .unwrap_or_else(|| panic!("no statement {doc_prefix} {text_prefix}"))
    }

    // ---- normalisation -----------------------------------------------------

    #[test]
    fn normalisation_folds_marks_case_spelling_and_contractions() {
        assert_eq!(
            normalize_for_compare("We’re recognising the “Centre” – isn't it?"),
            "we are recognizing the \" center \" - is not it ?"
        );
        assert_eq!(
            normalize_for_compare("There’s"),
            normalize_for_compare("there is")
        );
        assert_eq!(
            normalize_for_compare("Russia’s war"),
            normalize_for_compare("Russia's war")
        );
        assert_eq!(normalize_for_compare("Russia’s war"), "russia war");
        assert_eq!(
            normalize_for_compare("the U.S. and the US"),
            "the us and the us"
        );
        assert_eq!(normalize_for_compare("won’t can't"), "will not can not");
        assert_eq!(
            normalize_for_compare("colourful labour favourite"),
            "colorful labor favorite"
        );
        assert_eq!(
            normalize_for_compare("organisation analysed"),
            "organization analyzed"
        );
        assert_eq!(
            normalize_for_compare("a promise, a surprise"),
            "a promise , a surprise"
        );
        assert_eq!(
            normalize_for_compare("Wait…"),
            normalize_for_compare("wait...")
        );
        assert_eq!(
            normalize_for_compare("defence programme"),
            "defense program"
        );
        assert_eq!(normalize_for_compare(""), "");
    }

    #[test]
    fn stems_agree_across_forms() {
        for (a, b) in [
            ("hopeful", "hopefully"),
            ("negotiations", "negotiating"),
            ("progress", "progressing"),
            ("ukraine", "ukrainian"),
            ("russia", "russian"),
            ("involvement", "involved"),
            ("logistic", "logistical"),
            ("meeting", "meetings"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
    }

    // ---- word diff ---------------------------------------------------------

    const Z000: &str = "Ukraine will not legally recognize the occupation of Crimea,";
    const Z002: &str =
        "We will not legally recognize the occupation of Crimea. There’s nothing to \
                        discuss here. This is against our Constitution.";
    const Z003: &str = "Ukraine will not legally recognise the occupation of Crimea,";

    const RUBIO_000: &str = "he had a constructive conversation with British Foreign Secretary \
                             David Lammy, who is hosting Wednesday’s meeting";
    const RUBIO_003: &str = "he held a “productive conversation” with British Foreign Secretary \
                             David Lammy, who is hosting the London meeting";
    const PUTIN_000: &str = "the possibility of direct talks regarding a ceasefire";
    const PUTIN_003: &str = "the idea of direct talks with Ukraine to discuss a potential halt to \
                             attacks on civilian targets";
    const CEASEFIRE: &str =
        "A full ceasefire – on land, in the air, and at sea – is the necessary first step,";

    #[test]
    fn identical_has_empty_diff() {
        assert_eq!(
            word_diff(Z000, Z000),
            (Change::Identical, String::new(), 1.0)
        );
        assert_eq!(word_diff("a  b", "a b").0, Change::Identical);
    }

    #[test]
    fn spelling_shows_a_character_diff() {
        let (change, diff, sim) = word_diff(Z000, Z003);
        assert_eq!(change, Change::Spelling);
        assert_eq!(
            diff,
            "Ukraine will not legally recogni[-z-]{+s+}e the occupation of Crimea,"
        );
        assert_eq!(sim, 1.0);
        let (change, diff, _) = word_diff("There’s “peace”", "There is \"peace\"");
        assert_eq!(change, Change::Spelling);
        assert_eq!(diff, "There [-’s-]{+is+} [-“-]{+\"+}peace[-”-]{+\"+}");
        assert_eq!(word_diff("NATO", "Nato").0, Change::Spelling);
    }

    #[test]
    fn punctuation() {
        let (change, diff, _) = word_diff(
            Z000,
            "Ukraine will not legally recognize the occupation of Crimea.",
        );
        assert_eq!(change, Change::Punctuation);
        assert!(diff.ends_with("Crimea[-,-]{+.+}"), "{diff}");
    }

    #[test]
    fn truncation_prefix_suffix_and_middle() {
        let r =
            "We will not legally recognize the occupation of Crimea. There’s nothing to discuss.";
        for other in [
            "We will not legally recognize the occupation of Crimea",
            "There is nothing to discuss.",
            "not legally recognize the occupation",
        ] {
            assert_eq!(word_diff(r, other).0, Change::Truncation, "{other}");
            assert_eq!(word_diff(other, r).0, Change::Truncation, "{other}");
        }
        let (_, diff, sim) = word_diff(r, "There is nothing to discuss.");
        assert!(
            diff.starts_with("[-We will not legally recognize the occupation of Crimea.-]"),
            "{diff}"
        );
        assert!((sim - 2.0 * 5.0 / 19.0).abs() < 1e-9, "{sim}");
    }

    #[test]
    fn omission() {
        let r = CEASEFIRE;
        let (change, diff, _) = word_diff(r, "A full ceasefire is the necessary first step,");
        assert_eq!(change, Change::Omission);
        assert_eq!(
            diff,
            "A full ceasefire [-– on land, in the air, and at sea –-] is the necessary first step,"
        );
    }

    #[test]
    fn substitution_and_paraphrase() {
        assert_eq!(word_diff(Z002, Z000).0, Change::Substitution);
        assert_eq!(
            word_diff(
                Z002,
                "There is nothing to talk about. It is against our constitution."
            )
            .0,
            Change::Substitution
        );
        assert_eq!(word_diff(RUBIO_000, RUBIO_003).0, Change::Substitution);
        assert_eq!(
            word_diff(
                "the negotiations are “hopefully moving in the right direction,”",
                "the negotiations seem to be progressing in a hopeful direction"
            )
            .0,
            Change::Paraphrase
        );
        assert_eq!(word_diff(PUTIN_003, PUTIN_000).0, Change::Paraphrase);
    }

    #[test]
    fn empty_texts() {
        assert_eq!(word_diff("", "").0, Change::Identical);
        assert_eq!(word_diff("", "word").0, Change::Truncation);
        assert_eq!(word_diff("…", "...").0, Change::Spelling);
        assert_eq!(word_diff(",", ".").0, Change::Punctuation);
    }

    /// The diff as hunks: unchanged text, or (removed, added) text.
    #[derive(Debug, PartialEq)]
    enum Hunk {
        Same(String),
        Edit(String, String),
    }

    fn hunks(diff: &str) -> Vec<Hunk> {
        let mut out: Vec<Hunk> = Vec::new();
        let mut rest = diff;
        while !rest.is_empty() {
            let next = [rest.find("[-"), rest.find("{+")]
                .into_iter()
                .flatten()
                .min();
            let (same, edit) = match next {
                Some(0) => (None, true),
                Some(k) => (Some(&rest[..k]), false),
                None => (Some(rest), false),
            };
            if let Some(text) = same {
                match out.last_mut() {
                    Some(Hunk::Same(s)) => s.push_str(text),
                    _ => out.push(Hunk::Same(text.to_string())),
                }
                rest = &rest[text.len()..];
            }
            if edit {
                let deleting = rest.starts_with("[-");
                let close = if deleting { "-]" } else { "+}" };
                let end = rest[2..].find(close).expect("closed marker") + 2;
                let body = rest[2..end].to_string();
                rest = &rest[end + 2..];
                if !matches!(out.last(), Some(Hunk::Edit(..))) {
                    out.push(Hunk::Edit(String::new(), String::new()));
                }
                if let Some(Hunk::Edit(del, ins)) = out.last_mut() {
                    if deleting { del } else { ins }.push_str(&body);
                }
            }
        }
        out
    }

    fn mirrored(h: Vec<Hunk>) -> Vec<Hunk> {
        h.into_iter()
            .map(|x| match x {
                Hunk::Edit(d, i) => Hunk::Edit(i, d),
                same => same,
            })
            .collect()
    }

    /// One side of a diff, whitespace removed.
    fn side(diff: &str, reference: bool) -> String {
        hunks(diff)
            .into_iter()
            .map(|h| match h {
                Hunk::Same(s) => s,
                Hunk::Edit(d, i) => {
                    if reference {
                        d
                    } else {
                        i
                    }
                }
            })
            .collect::<String>()
            .split_whitespace()
            .collect()
    }

    fn squeeze(s: &str) -> String {
        s.split_whitespace().collect()
    }

    #[test]
    fn seed_pairs_mirror_and_rebuild() {
        for (a, b) in [(Z000, Z002), (Z003, Z002), (Z000, Z003)] {
            let (c1, d1, s1) = word_diff(a, b);
            let (c2, d2, s2) = word_diff(b, a);
            assert_eq!(c1, c2);
            assert_eq!(s1, s2);
            assert_eq!(mirrored(hunks(&d1)), hunks(&d2), "{d1}\n{d2}");
            assert_eq!(side(&d1, true), squeeze(a));
            assert_eq!(side(&d1, false), squeeze(b));
        }
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "recognize",
            "recognise",
            "Recognize",
            "Crimea",
            "the",
            "occupation",
            "We",
            "will",
            "not",
            "won’t",
            "There’s",
            "there's",
            "there",
            "is",
            "colour",
            "color",
            "U.S.",
            "US",
            "Russia’s",
            "Russia",
            "talks",
            "direct",
            "1,000",
            "30-day",
            ",",
            ".",
            "…",
            "“",
            "”",
            "\"",
            "—",
            "-",
            "–",
            "'",
            "’",
            "(",
            ")",
            ":",
            "é",
            "café",
        ]);
        let seps = prop::sample::select(vec!["", " ", " ", "  ", "\n"]);
        prop::collection::vec((pieces, seps), 0..14).prop_map(|v| {
            v.into_iter()
                .map(|(p, s)| format!("{p}{s}"))
                .collect::<String>()
        })
    }

    /// The character-index abbreviation scan [`abbreviation_end`] replaced.
    fn abbreviation_end_by_char(chars: &[(usize, char)], i: usize) -> Option<usize> {
        let mut j = i;
        let mut pairs = 0;
        while j + 1 < chars.len() && chars[j].1.is_alphabetic() && chars[j + 1].1 == '.' {
            if j > i && chars[j - 1].1 != '.' {
                break;
            }
            pairs += 1;
            j += 2;
            if j < chars.len() && chars[j].1.is_alphabetic() {
                if j + 1 < chars.len() && chars[j + 1].1 == '.' {
                    continue;
                }
                return None;
            }
            break;
        }
        if pairs >= 2 && (j >= chars.len() || !chars[j].1.is_alphanumeric()) {
            Some(j)
        } else {
            None
        }
    }

    /// The character-by-character tokenizer [`tokenize`] replaced: the oracle
    /// it is checked against.
    fn tokenize_by_char(text: &str) -> Vec<Token> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
        let mut out = Vec::with_capacity(text.len() / 5 + 1);
        let mut space = true;
        let mut i = 0;
        while i < chars.len() {
            let (pos, c) = chars[i];
            if c.is_whitespace() {
                space = true;
                i += 1;
                continue;
            }
            if crate::text::is_alphanumeric(c) {
                if let Some(j) = abbreviation_end_by_char(&chars, i) {
                    let range = pos..byte(j);
                    out.push(Token {
                        key: token_key(&text[range.clone()], KeyKind::Abbreviation),
                        acronym: true,
                        range,
                        word: true,
                        space,
                    });
                    i = j;
                    space = false;
                    continue;
                }
                let mut j = i + 1;
                while j < chars.len() {
                    let c = chars[j].1;
                    let joins = is_word_apostrophe(c)
                        && chars
                            .get(j + 1)
                            .is_some_and(|&(_, n)| crate::text::is_alphanumeric(n));
                    if crate::text::is_alphanumeric(c) || joins {
                        j += 1;
                    } else {
                        break;
                    }
                }
                push_word(text, pos..byte(j), space, false, &mut SharedKeys, &mut out);
                i = j;
                space = false;
                continue;
            }
            let mut j = i + 1;
            if c == '.' {
                while j < chars.len() && chars[j].1 == '.' {
                    j += 1;
                }
            }
            let range = pos..byte(j);
            out.push(Token {
                key: token_key(&text[range.clone()], KeyKind::Punct),
                range,
                word: false,
                acronym: false,
                space,
            });
            i = j;
            space = false;
        }
        out
    }

    proptest! {
        #[test]
        fn markdown_escapes_match_the_character_scan(s in "([a-z *_#|<>\\[\\]`\\\\\n\r]|é|“){0,30}") {
            let (escaped, by_char) = (md_escape(&s), md_escape_by_char(&s));
            prop_assert_eq!(escaped.as_ref(), by_char.as_str());
        }

        /// The byte-stepping tokenizer finds the tokens (ranges, keys,
        /// flags) of the character scan it replaced.
        #[test]
        fn tokens_match_the_character_scan(
            a in text_strategy(),
            extra in "([a-zA-Z0-9.'’ʼ, ]|U\\.S\\.|é|Ж|…|\\.\\.){0,30}",
        ) {
            for text in [a.as_str(), extra.as_str(), &format!("{a}{extra}")] {
                prop_assert_eq!(
                    format!("{:?}", tokenize(text)),
                    format!("{:?}", tokenize_by_char(text))
                );
            }
        }

        /// Linking's word ids stand for the keys the shared tokenizer
        /// gives, token for token, and number words as interning the
        /// shared keys in order did.
        #[test]
        fn word_ids_stand_for_the_shared_keys(
            a in text_strategy(),
            b in text_strategy(),
            extra in "([a-zA-Z0-9.'’ʼ, ]|U\\.S\\.|é|Ж|…|\\.\\.){0,30}",
        ) {
            let texts = [a.clone(), extra.clone(), format!("{a}{extra}"), b, a];
            let mut lexicon = Lexicon::default();
            let mut by_raw = FastMap::default();
            let mut interned = Lexicon::default();
            for text in &texts {
                let mut ids = WordIds { lexicon: &mut lexicon, by_raw: &mut by_raw };
                let with_ids = tokenize_with(text, &mut ids);
                let shared = tokenize(text);
                prop_assert_eq!(with_ids.len(), shared.len());
                for (x, y) in with_ids.iter().zip(&shared) {
                    let same = (x.range.clone(), x.word, x.acronym, x.space);
                    prop_assert_eq!(same, (y.range.clone(), y.word, y.acronym, y.space));
                    if y.word {
                        prop_assert_eq!(x.key, interned.word_by_key(&y.key));
                        prop_assert_eq!(&*lexicon.keys[x.key as usize], &*y.key);
                    } else {
                        prop_assert_eq!(x.key, NO_WORD);
                    }
                }
            }
        }

        #[test]
        fn prop_self_diff_is_identical(a in text_strategy()) {
            let (change, diff, sim) = word_diff(&a, &a);
            prop_assert_eq!(change, Change::Identical);
            prop_assert_eq!(diff, "");
            prop_assert_eq!(sim, 1.0);
        }

        #[test]
        fn prop_diffs_mirror(a in text_strategy(), b in text_strategy()) {
            let (c1, d1, s1) = word_diff(&a, &b);
            let (c2, d2, s2) = word_diff(&b, &a);
            prop_assert_eq!(c1, c2);
            prop_assert_eq!(s1, s2);
            prop_assert_eq!(mirrored(hunks(&d1)), hunks(&d2));
        }

        #[test]
        fn prop_diff_shows_original_words(a in text_strategy(), b in text_strategy()) {
            let (change, diff, _) = word_diff(&a, &b);
            if change != Change::Identical {
                prop_assert_eq!(side(&diff, true), squeeze(&a));
                prop_assert_eq!(side(&diff, false), squeeze(&b));
            }
        }

        #[test]
        fn prop_normalisation_is_idempotent(a in text_strategy()) {
            let n = normalize_for_compare(&a);
            prop_assert_eq!(normalize_for_compare(&n), n);
        }

        #[test]
        fn prop_output_keeps_original_texts(a in text_strategy(), b in text_strategy()) {
            let st = vec![
                stmt(1, "d1", Kind::Direct, Some("X"), &format!("Crimea occupation {a}")),
                stmt(1, "d2", Kind::Direct, Some("X"), &format!("Crimea occupation {b}")),
            ];
            let clusters = cluster(&st, &VariantOptions::default());
            let mut buf = Vec::new();
            write_csv(&mut buf, &st, &clusters).unwrap();
            let mut rows = csv::Reader::from_reader(buf.as_slice());
            for row in rows.records() {
                let row = row.unwrap();
                prop_assert!(st.iter().any(|s| s.text == row[5]));
                prop_assert!(st.iter().any(|s| s.text == row[6]));
            }
            let md = render_markdown(&st, &clusters);
            for c in &clusters {
                for m in &c.members {
                    prop_assert!(md.contains(md_escape(&st[m.statement].text).as_ref()));
                }
            }
        }
    }

    // ---- clustering --------------------------------------------------------

    #[test]
    fn quotes_in_parts_join_one_cluster() {
        let st = vec![
            stmt(1, "000", Kind::Direct, Some("Z"), Z000),
            stmt(1, "002", Kind::Direct, Some("Z"), Z002),
            stmt(1, "003", Kind::Direct, Some("Z"), Z003),
            stmt(
                2,
                "003",
                Kind::Direct,
                Some("Z"),
                "There is nothing to talk about. It is against our constitution.",
            ),
        ];
        let clusters = cluster(&st, &VariantOptions::default());
        assert_eq!(clusters.len(), 1);
        let c = &clusters[0];
        assert_eq!(c.id, "v001");
        assert_eq!(
            c.members.iter().map(|m| m.statement).collect::<Vec<_>>(),
            [0, 1, 2, 3]
        );
        assert_eq!(c.reference_member().statement, 1);
        assert_eq!(c.reference_member().change, Change::Identical);
        let changes: Vec<Change> = c.members.iter().map(|m| m.change).collect();
        assert_eq!(
            changes,
            [
                Change::Substitution,
                Change::Identical,
                Change::Substitution,
                Change::Substitution
            ]
        );
    }

    #[test]
    fn no_speaker_one_document_or_other_speaker_never_cluster() {
        let st = vec![
            stmt(1, "a", Kind::Direct, None, Z000),
            stmt(1, "b", Kind::Direct, None, Z000),
            stmt(2, "a", Kind::Direct, Some("Z"), Z000),
            stmt(3, "a", Kind::Direct, Some("Z"), Z003),
            stmt(2, "b", Kind::Direct, Some("Y"), Z000),
            stmt(3, "b", Kind::Direct, Some(" "), Z000),
        ];
        assert!(cluster(&st, &VariantOptions::default()).is_empty());
    }

    #[test]
    fn different_quotes_of_one_speaker_stay_apart() {
        let st = vec![
            stmt(
                1,
                "a",
                Kind::Direct,
                Some("Z"),
                "Ukraine is ready to negotiate – but not to surrender.",
            ),
            stmt(
                1,
                "b",
                Kind::Direct,
                Some("Z"),
                "Ukraine is ready to fight for every village.",
            ),
            stmt(
                2,
                "b",
                Kind::Indirect,
                Some("Z"),
                "Ukraine would restart operations at the plant",
            ),
            stmt(
                2,
                "a",
                Kind::Indirect,
                Some("Z"),
                "Ukraine will not legally recognize the occupation of Crimea",
            ),
        ];
        assert!(cluster(&st, &VariantOptions::default()).is_empty());
    }

    #[test]
    fn paraphrase_takes_one_partner_per_document() {
        let st = vec![
            stmt(1, "a", Kind::Indirect, Some("P"), PUTIN_000),
            stmt(
                2,
                "a",
                Kind::Indirect,
                Some("P"),
                "the need for clarity on definitions surrounding civilian targets amid ongoing \
                 military actions",
            ),
            stmt(1, "b", Kind::Indirect, Some("P"), PUTIN_003),
            stmt(
                2,
                "b",
                Kind::Mixed,
                Some("P"),
                "the sides still need to agree on what qualifies as a “civilian target.”",
            ),
        ];
        let clusters = cluster(&st, &VariantOptions::default());
        let sets: Vec<Vec<usize>> = clusters
            .iter()
            .map(|c| c.members.iter().map(|m| m.statement).collect())
            .collect();
        assert_eq!(sets, [vec![0, 2], vec![1, 3]]);
        assert_eq!(clusters[0].members[0].change, Change::Paraphrase);
    }

    #[test]
    fn paraphrase_respects_the_date_window() {
        let mut st = vec![
            stmt(
                1,
                "a",
                Kind::Indirect,
                Some("L"),
                "the negotiations seem to be progressing in a hopeful direction",
            ),
            stmt(
                1,
                "b",
                Kind::Mixed,
                Some("L"),
                "the negotiations are “hopefully moving in the right direction,”",
            ),
        ];
        assert_eq!(cluster(&st, &VariantOptions::default()).len(), 1);
        st[1].date = "2025-06-01".into();
        assert!(cluster(&st, &VariantOptions::default()).is_empty());
        let opts = VariantOptions {
            paraphrase_max_days: None,
            ..Default::default()
        };
        assert_eq!(cluster(&st, &opts).len(), 1);
        let opts = VariantOptions {
            paraphrase: false,
            ..Default::default()
        };
        assert!(cluster(&st, &opts).is_empty());
    }

    #[test]
    fn a_stock_phrase_does_not_chain_the_long_quotes_it_is_part_of() {
        // "We are getting there." is part of two different long quotes: it
        // joins the first, and the second (not a version of the first)
        // stays out, instead of all three becoming one utterance.
        let st = vec![
            stmt(1, "a", Kind::Direct, Some("Z"), "We are getting there."),
            stmt(
                1,
                "b",
                Kind::Direct,
                Some("Z"),
                "The talks in Geneva were serious and long. We are getting there.",
            ),
            stmt(
                1,
                "c",
                Kind::Direct,
                Some("Z"),
                "We need more air defence systems, and we need them now. We are getting there.",
            ),
            stmt(
                1,
                "d",
                Kind::Direct,
                Some("Z"),
                "We need more air defence systems, and we need them now.",
            ),
        ];
        let sets: Vec<Vec<usize>> = cluster(&st, &VariantOptions::default())
            .iter()
            .map(|c| c.members.iter().map(|m| m.statement).collect())
            .collect();
        assert_eq!(sets, [vec![0, 1], vec![2, 3]]);
    }

    #[test]
    fn reported_speech_does_not_chain_week_after_week() {
        // Each neighbouring pair is within the seven-day window, but a
        // cluster of one utterance may not span three weeks, nor hold two
        // reported statements of one article.
        let text = "the minister said the energy truce talks had stalled over the grid";
        let mut st: Vec<Statement> = (0..4)
            .map(|k| {
                let mut s = stmt(1, &format!("d{k}"), Kind::Indirect, Some("M"), text);
                s.date = format!("2025-04-{:02}", 1 + 6 * k);
                s
            })
            .collect();
        let clusters = cluster(&st, &VariantOptions::default());
        assert!(
            clusters.iter().all(|c| c.members.len() == 2),
            "{clusters:?}"
        );
        assert_eq!(clusters.len(), 2);
        // Same day, but two of the reports come from one article.
        for s in &mut st {
            s.date = "2025-04-01".into();
        }
        st[2].doc = "d0".into();
        let clusters = cluster(&st, &VariantOptions::default());
        for c in &clusters {
            let docs: HashSet<&str> = c
                .members
                .iter()
                .map(|m| st[m.statement].doc.as_str())
                .collect();
            assert_eq!(docs.len(), c.members.len(), "{clusters:?}");
        }
    }

    #[test]
    fn frequent_words_stay_linear() {
        // Every statement shares "Ukraine" and "Crimea"; the posting caps keep
        // the work per statement bounded, and distinct quotes stay apart.
        let st: Vec<Statement> = (0..4000)
            .map(|i| {
                let text = format!("Ukraine Crimea w{} w{} w{}", i, i + 100_000, i + 200_000);
                stmt(1, &format!("doc{i}"), Kind::Direct, Some("Z"), &text)
            })
            .collect();
        let start = std::time::Instant::now();
        let clusters = cluster(&st, &VariantOptions::default());
        assert!(clusters.is_empty(), "{}", clusters.len());
        assert!(start.elapsed().as_secs() < 30);
    }

    #[test]
    fn a_quote_reported_by_many_documents_is_one_cluster() {
        // More reports than a posting list holds: later ones still find the
        // earlier ones through the capped lists.
        let opts = VariantOptions {
            max_postings: 20,
            max_candidates: 8,
            ..Default::default()
        };
        let st: Vec<Statement> = (0..300)
            .map(|i| {
                let text = match i % 3 {
                    0 => Z000.to_string(),
                    1 => Z003.to_string(),
                    _ => format!("{Z000} Reported {i}."),
                };
                stmt(1, &format!("doc{i}"), Kind::Direct, Some("Z"), &text)
            })
            .collect();
        let clusters = cluster(&st, &opts);
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].members.len(), 300);
    }

    #[test]
    fn ids_follow_first_members_and_are_deterministic() {
        let st = vec![
            stmt(
                1,
                "a",
                Kind::Direct,
                Some("B"),
                "We will build a bridge across the river.",
            ),
            stmt(
                2,
                "a",
                Kind::Direct,
                Some("A"),
                "The sanctions are leverage over Moscow.",
            ),
            stmt(
                1,
                "b",
                Kind::Direct,
                Some("A"),
                "The sanctions are leverage over Moscow",
            ),
            stmt(
                2,
                "b",
                Kind::Fragment,
                Some("B"),
                "build a bridge across the river",
            ),
        ];
        let c1 = cluster(&st, &VariantOptions::default());
        assert_eq!(c1, cluster(&st, &VariantOptions::default()));
        let ids: Vec<(&str, usize)> = c1
            .iter()
            .map(|c| (c.id.as_str(), c.members[0].statement))
            .collect();
        assert_eq!(ids, [("v001", 0), ("v002", 1)]);
        assert_eq!(c1[0].members[1].change, Change::Truncation);
        assert_eq!(c1[1].members[1].change, Change::Punctuation);
    }

    #[test]
    fn markdown_report_sections() {
        let st = vec![
            stmt(1, "000", Kind::Direct, Some("Volodymyr Zelensky"), Z000),
            stmt(1, "003", Kind::Direct, Some("Volodymyr Zelensky"), Z003),
        ];
        let clusters = cluster(&st, &VariantOptions::default());
        let md = render_markdown(&st, &clusters);
        assert!(md.contains("## v001 · Volodymyr Zelensky"), "{md}");
        assert!(md.contains("> Ukraine will not legally recognize the occupation of Crimea,"));
        assert!(
            md.contains("Diff: Ukraine will not legally recogni\\[-z-\\]{+s+}e"),
            "{md}"
        );
        let mut buf = Vec::new();
        write_csv(&mut buf, &st, &clusters).unwrap();
        let csv = String::from_utf8(buf).unwrap();
        assert!(csv.starts_with(
            "cluster,doc,outlet,speaker,kind,text,reference,similarity,change,diff\n"
        ));
        assert!(
            csv.contains(",1.000,spelling,\"Ukraine will not legally recogni[-z-]{+s+}e"),
            "{csv}"
        );
    }

    // ---- the seeds and the scorer -----------------------------------------

    #[test]
    fn seed_fixture_links_gold_and_nothing_wrong() {
        let Some(st) = fixture() else {
            eprintln!("shared/gold not found: skipped");
            return;
        };
        let clusters = cluster(&st, &VariantOptions::default());
        let z = [
            find(&st, "000", "Ukraine will not legally recognize"),
            find(&st, "002", "We will not legally recognize"),
            find(&st, "003", "Ukraine will not legally recognise"),
            find(&st, "003", "There is nothing to talk about"),
        ];
        let zc = cluster_of(&clusters, z[0]).expect("Zelensky cluster");
        for i in z {
            assert!(
                zc.members.iter().any(|m| m.statement == i),
                "{}",
                st[i].text
            );
        }
        assert_eq!(st[zc.reference_member().statement].doc, st[z[1]].doc);
        for (doc, text) in [
            ("004", "he would support working"),
            ("005", "he would support working"),
            ("005", "We are ready for a full ceasefire"),
            ("006", "Ukraine will not legally recognize"),
            ("006", "Our people will not accept"),
        ] {
            let i = find(&st, doc, text);
            assert!(zc.members.iter().all(|m| m.statement != i), "{doc} {text}");
        }
        // The Zaporizhzhia remark and its synthetic copy are one utterance.
        let zap = cluster_of(&clusters, find(&st, "004", "he would support")).expect("plant");
        assert!(zap
            .members
            .iter()
            .any(|m| m.statement == find(&st, "005", "he would support")));
        for c in &clusters {
            let speakers: HashSet<&str> = c
                .members
                .iter()
                .filter_map(|m| st[m.statement].speaker.as_deref())
                .collect();
            assert_eq!(speakers.len(), 1, "{}", c.id);
            for (k, m) in c.members.iter().enumerate() {
                assert_eq!(
                    k == c.reference,
                    m.change == Change::Identical && m.diff.is_empty()
                );
            }
        }
        for (a, b) in [
            ("the negotiations seem", "the negotiations are"),
            ("he had a constructive", "he held a"),
            ("the possibility of direct", "the idea of direct"),
            ("Putin's interest", "(Putin) had in mind"),
            ("future US involvement", "the US would need"),
        ] {
            let i = find(&st, "000", a);
            let j = find(&st, "003", b);
            let c = cluster_of(&clusters, i).unwrap_or_else(|| panic!("{a}"));
            assert!(c.members.iter().any(|m| m.statement == j), "{a} ~ {b}");
        }
    }

    #[test]
    fn seed_fixture_scores() {
        let (Some(st), Some(shared)) = (fixture(), shared_dir()) else {
            eprintln!("shared/gold not found: skipped");
            return;
        };
        let clusters = cluster(&st, &VariantOptions::default());
        let dir = tempfile::tempdir().unwrap();
        let file = std::fs::File::create(dir.path().join("variants.csv")).unwrap();
        write_csv(file, &st, &clusters).unwrap();
        std::fs::write(
            dir.path().join("variants.md"),
            render_markdown(&st, &clusters),
        )
        .unwrap();
        let out = std::process::Command::new("python3")
            .arg(shared.join("tools/score_variants.py"))
            .arg(shared.join("gold/variants.jsonl"))
            .arg(dir.path())
            .arg("--show-errors")
            .output();
        let Ok(out) = out else {
            eprintln!("python3 not found: skipped");
            return;
        };
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        eprintln!("{text}");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let value = |name: &str| -> f64 {
            text.lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{name} missing in\n{text}"))
        };
        assert_eq!(value("recall_verbatim"), 1.0);
        assert!(value("recall_paraphrase") >= 0.5);
        assert_eq!(value("precision_judged"), 1.0);
        assert!(!text.contains("WRONG"), "{text}");
    }
}
