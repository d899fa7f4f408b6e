//! Word lists that drive extraction: reporting cues, title words, demonyms
//! and a first-name gender list.
//!
//! They are data files under `data/` embedded at build time, so the rules in
//! [`crate::extract`] stay general and the vocabulary can grow without code.
//! The cue format is one entry per line, `FORMS... ; CLASSES...`, multi-word
//! forms joined with `_` (`point_out pointed_out ; clause`).

use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A fixed list of lowercase words asked about once per token or more
/// (`is this a preposition?`), answered by hashing instead of scanning the
/// list: the scans were a tenth of extraction's time.
///
/// ```
/// use stancetrack::lexicon::WordList;
/// static MODALS: WordList = WordList::new(&["will", "would"]);
/// assert!(MODALS.contains("would") && !MODALS.contains("said"));
/// ```
pub struct WordList {
    words: &'static [&'static str],
    /// Words shared with another list (see [`WordList::joined`]).
    shared: &'static [&'static str],
    set: OnceLock<(WordFilter, HashSet<&'static str>)>,
}

impl WordList {
    /// A list over `words` (the set is built on first use).
    pub const fn new(words: &'static [&'static str]) -> WordList {
        WordList::joined(words, &[])
    }

    /// A list over `words` and `shared`, words that other lists hold too
    /// (kept in one place rather than copied into each).
    pub const fn joined(
        words: &'static [&'static str],
        shared: &'static [&'static str],
    ) -> WordList {
        WordList {
            words,
            shared,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is one of the list's words (exact, case-sensitive).
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let (filter, set) = self.set.get_or_init(|| {
            let all = || self.words.iter().chain(self.shared).copied();
            (WordFilter::of(all()), all().collect())
        });
        filter.may_contain(word) && set.contains(word)
    }
}

/// A bitmap of the fingerprints (length, first, second and last byte) of
/// a set's words. Extraction asks a dozen word sets about nearly every
/// token and most answers are no: a clear bit answers no for a few
/// instructions, where hashing the word and probing the table costs ten
/// times as much. The bitmap has at least 32 bits per word (4096 at
/// least), so few bits are set and few misses get through.
///
/// ```
/// use stancetrack::lexicon::WordFilter;
/// let filter = WordFilter::of(["said", "told"]);
/// assert!(filter.may_contain("said"));
/// assert!(!filter.may_contain("the"));
/// ```
#[derive(Debug, Clone)]
pub struct WordFilter {
    bits: Vec<u64>,
    /// Bits of a slot number: the bitmap has `1 << slot_bits` bits.
    slot_bits: u32,
}

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter::with_capacity(0)
    }
}

impl WordFilter {
    /// An empty filter sized for `words` words.
    pub fn with_capacity(words: usize) -> WordFilter {
        let slot_bits = (words.max(128) * 32).next_power_of_two().trailing_zeros();
        WordFilter {
            bits: vec![0; (1 << slot_bits) / 64],
            slot_bits,
        }
    }

    /// A filter of `words`.
    pub fn of<'w>(words: impl IntoIterator<Item = &'w str> + Clone) -> WordFilter {
        let mut filter = WordFilter::with_capacity(words.clone().into_iter().count());
        for w in words {
            filter.insert(w);
        }
        filter
    }

    #[inline]
    fn slot(&self, word: &str) -> usize {
        let b = word.as_bytes();
        let byte = |i: usize| u32::from(b.get(i).copied().unwrap_or(0));
        let last = u32::from(b.last().copied().unwrap_or(0));
        let h = (b.len() as u32).wrapping_mul(0x9E37_79B1)
            ^ byte(0).wrapping_mul(0x85EB_CA77)
            ^ byte(1).wrapping_mul(0xC2B2_AE3D)
            ^ last.wrapping_mul(0x27D4_EB2F);
        // The top bits of the mix.
        (h.wrapping_mul(0x1656_67B1) >> (32 - self.slot_bits)) as usize
    }

    /// Adds `word`.
    pub fn insert(&mut self, word: &str) {
        let slot = self.slot(word);
        self.bits[slot / 64] |= 1 << (slot % 64);
    }

    /// False when `word` was certainly never inserted.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        let slot = self.slot(word);
        self.bits[slot / 64] & (1 << (slot % 64)) != 0
    }
}

/// A map from lowercase words, with a [`WordFilter`] in front: most words
/// asked about are not in it.
#[derive(Debug, Clone)]
pub struct WordMap<V> {
    filter: WordFilter,
    map: HashMap<String, V>,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            filter: WordFilter::default(),
            map: HashMap::default(),
        }
    }
}

impl<V> WordMap<V> {
    /// The value of `word`.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        if !self.filter.may_contain(word) {
            return None;
        }
        self.map.get(word)
    }

    /// Whether `word` is a key.
    #[inline]
    pub fn contains_key(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Sets the value of `word`.
    pub fn insert(&mut self, word: String, value: V) {
        if (self.map.len() + 1) * 32 > 1 << self.filter.slot_bits {
            // Past its bits per word: rebuilt at twice the size.
            let mut filter = WordFilter::with_capacity(2 * (self.map.len() + 1));
            for w in self.map.keys() {
                filter.insert(w);
            }
            self.filter = filter;
        }
        self.filter.insert(&word);
        self.map.insert(word, value);
    }

    /// The words and their values, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.map.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// The embedded cue lexicon.
pub const DEFAULT_CUES: &str = include_str!("../data/cues.txt");
/// The embedded title and role words.
pub const DEFAULT_TITLES: &str = include_str!("../data/titles.txt");
/// The embedded demonym → affiliation table.
pub const DEFAULT_DEMONYMS: &str = include_str!("../data/demonyms.txt");
/// The embedded first-name → gender table.
pub const DEFAULT_FIRST_NAMES: &str = include_str!("../data/first_names.txt");

/// How a reporting cue takes its content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CueClasses {
    /// `said that ...`, `said the US would ...`.
    pub clause: bool,
    /// A noun-phrase object is itself a statement (`rejected the plan`).
    pub np: bool,
    /// A recipient may precede the content (`told reporters that`).
    pub recipient: bool,
    /// A to-infinitive content (`refused to cede`).
    pub inf: bool,
    /// `warned of ...`.
    pub of: bool,
    /// `called for ...`.
    pub for_: bool,
    /// `called the talks “productive”`, `described X as ...`.
    pub ascriptive: bool,
    /// Writing and posting (`wrote on X`).
    pub posted: bool,
    /// `accused Russia of ...`.
    pub accuse: bool,
    /// Mental-state verbs (`believe`, `fear`): used only with an explicit `that`.
    pub cognition: bool,
    /// Reporting nouns (`her position that ...`).
    pub noun: bool,
    /// Non-verbal phrases (`according to`, `put it`).
    pub phrase: bool,
}

impl CueClasses {
    fn set(&mut self, name: &str) -> bool {
        let flag = match name {
            "clause" => &mut self.clause,
            "np" => &mut self.np,
            "recipient" => &mut self.recipient,
            "inf" => &mut self.inf,
            "of" => &mut self.of,
            "for" => &mut self.for_,
            "ascriptive" => &mut self.ascriptive,
            "posted" => &mut self.posted,
            "accuse" => &mut self.accuse,
            "cognition" => &mut self.cognition,
            "noun" => &mut self.noun,
            "phrase" => &mut self.phrase,
            _ => return false,
        };
        *flag = true;
        true
    }

    fn merge(&mut self, other: CueClasses) {
        self.clause |= other.clause;
        self.np |= other.np;
        self.recipient |= other.recipient;
        self.inf |= other.inf;
        self.of |= other.of;
        self.for_ |= other.for_;
        self.ascriptive |= other.ascriptive;
        self.posted |= other.posted;
        self.accuse |= other.accuse;
        self.cognition |= other.cognition;
        self.noun |= other.noun;
        self.phrase |= other.phrase;
    }
}

/// One surface form of a cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueForm {
    /// Lowercase words of the form (`["pointed", "out"]`).
    pub words: Vec<String>,
    /// The lemma's first word form as written in the lexicon (`point out`).
    pub lemma: String,
    /// How the cue takes content.
    pub classes: CueClasses,
    /// The form is a participle in `-ing` (`saying`): its subject is the
    /// subject of the clause it hangs on.
    pub participle: bool,
    /// The form is the lemma itself (`say`): after a modal or `to` it reports nothing.
    pub base: bool,
}

/// An error in a lexicon file, with the line it is on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct LexiconError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The reporting-cue lexicon, indexed by first word.
#[derive(Debug, Clone, Default)]
pub struct CueLexicon {
    forms: Vec<CueForm>,
    /// The forms by first word: a word like `in` starts dozens
    /// of forms (`in a statement`, `in an interview`, ...), and a token
    /// is compared only with those continuing with the next token.
    starting: HashMap<String, FirstWordForms>,
    /// The first words of `starting`: most tokens start no cue.
    first_filter: WordFilter,
}

/// The forms starting with one word.
#[derive(Debug, Clone, Default)]
struct FirstWordForms {
    /// The form that is the word alone.
    single: Option<usize>,
    /// Longer forms by their second word, longest first.
    longer: HashMap<String, Vec<usize>>,
}

impl CueLexicon {
    /// Parses the `FORMS ; CLASSES` format.
    pub fn parse(source: &str) -> Result<CueLexicon, LexiconError> {
        let mut lex = CueLexicon::default();
        for (n, raw) in source.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |message: String| LexiconError {
                line: n + 1,
                message,
            };
            let (forms, classes) = line
                .split_once(';')
                .ok_or_else(|| err("missing ';' before the classes".into()))?;
            let mut cls = CueClasses::default();
            for c in classes.split_whitespace() {
                if !cls.set(c) {
                    return Err(err(format!("unknown class {c:?}")));
                }
            }
            let forms: Vec<&str> = forms.split_whitespace().collect();
            let Some(lemma) = forms.first() else {
                return Err(err("no forms before ';'".into()));
            };
            for (i, form) in forms.iter().enumerate() {
                let words: Vec<String> = form
                    .split('_')
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect();
                let participle = words.first().is_some_and(|w| w.ends_with("ing"));
                lex.add(CueForm {
                    words,
                    lemma: lemma.replace('_', " "),
                    classes: cls,
                    participle,
                    base: i == 0 && !cls.phrase,
                });
            }
        }
        lex.index();
        Ok(lex)
    }

    /// Finishes the lookup index of [`CueLexicon::longest_at`] once every
    /// form is in: the first-word filter, longer forms longest first (the
    /// first that matches is the longest).
    fn index(&mut self) {
        self.first_filter = WordFilter::of(self.starting.keys().map(String::as_str));
        let forms = &self.forms;
        for group in self.starting.values_mut() {
            for ids in group.longer.values_mut() {
                ids.sort_by_key(|&i| (std::cmp::Reverse(forms[i].words.len()), i));
            }
        }
    }

    fn add(&mut self, form: CueForm) {
        let group = self.starting.entry(form.words[0].clone()).or_default();
        let ids = match form.words.get(1) {
            None => group.single.as_slice(),
            Some(second) => group.longer.get(second).map_or(&[][..], Vec::as_slice),
        };
        // The same form under two lemmas (`stress` noun/verb) merges its classes.
        if let Some(&i) = ids.iter().find(|&&i| self.forms[i].words == form.words) {
            let classes = form.classes;
            self.forms[i].classes.merge(classes);
            self.forms[i].base |= form.base;
            return;
        }
        let id = self.forms.len();
        match form.words.get(1) {
            None => group.single = Some(id),
            Some(second) => group.longer.entry(second.clone()).or_default().push(id),
        }
        self.forms.push(form);
    }

    /// The longest form starting at `words[0]` (lowercase words), with its length.
    pub fn longest_at(&self, words: &[&str]) -> Option<(&CueForm, usize)> {
        let first = words.first()?;
        if !self.first_filter.may_contain(first) {
            return None;
        }
        let group = self.starting.get(*first)?;
        let longer = match words.get(1) {
            Some(second) if !group.longer.is_empty() => group.longer.get(*second),
            _ => None,
        };
        longer
            .into_iter()
            .flatten()
            .map(|&i| &self.forms[i])
            .find(|f| {
                // The first two words are equal: the forms were found by them.
                f.words.len() <= words.len()
                    && f.words[2..].iter().zip(&words[2..]).all(|(a, b)| a == b)
            })
            .or_else(|| group.single.map(|i| &self.forms[i]))
            .map(|f| (f, f.words.len()))
    }

    /// Number of surface forms.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// True when the lexicon has no forms.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }
}

/// What a title word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// A head noun naming a role (`minister`, `spokesman`).
    Role,
    /// A word inside titles (`foreign`, `deputy`).
    Modifier,
    /// An abbreviated title (`Gen.`).
    Abbrev,
    /// An honorific with the gender it implies.
    Honorific(Option<Gender>),
}

/// Grammatical gender used for pronoun resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Gender {
    /// he / him / his
    Male,
    /// she / her
    Female,
}

impl Gender {
    /// Parses `m`/`f`.
    pub fn parse(s: &str) -> Option<Gender> {
        match s.trim() {
            "m" | "male" => Some(Gender::Male),
            "f" | "female" => Some(Gender::Female),
            _ => None,
        }
    }
}

impl Lexicons {
    /// The gender of a first name (lowercase), as written or with its
    /// diacritics folded (`sławomir` is listed as `slawomir`).
    pub fn first_name_gender(&self, lower: &str) -> Option<Gender> {
        match self.first_names.get(lower) {
            Some(&g) => Some(g),
            None if !lower.is_ascii() => self
                .first_names
                .get(&any_ascii::any_ascii(lower).to_lowercase())
                .copied(),
            None => None,
        }
    }
}

/// All the word lists extraction uses.
#[derive(Debug, Clone, Default)]
pub struct Lexicons {
    /// Reporting cues.
    pub cues: CueLexicon,
    /// Title words by lowercase form (abbreviations keep their dot).
    pub titles: WordMap<TitleKind>,
    /// Demonym or short form (lowercase) → affiliation.
    pub demonyms: WordMap<String>,
    /// First name (lowercase) → gender.
    pub first_names: WordMap<Gender>,
    /// Country name (lowercase) → its adjective, the first demonym listed
    /// for its affiliation (`russia` → `russian`, `britain` → `british`).
    pub country_adjectives: WordMap<String>,
    /// Affiliation (lowercase) → its adjective (`russia` → `russian`).
    pub affiliation_adjectives: WordMap<String>,
}

fn semicolon_table(source: &str) -> impl Iterator<Item = (usize, &str, &str)> {
    source.lines().enumerate().filter_map(|(n, raw)| {
        let line = raw.split('#').next().unwrap_or("").trim();
        let (a, b) = line.split_once(';')?;
        Some((n + 1, a.trim(), b.trim()))
    })
}

impl Lexicons {
    /// Loads the embedded lists.
    pub fn builtin() -> Lexicons {
        Lexicons::from_sources(
            DEFAULT_CUES,
            DEFAULT_TITLES,
            DEFAULT_DEMONYMS,
            DEFAULT_FIRST_NAMES,
        )
        .expect("built-in lexicons parse")
    }

    /// Parses the four lists from their sources.
    pub fn from_sources(
        cues: &str,
        titles: &str,
        demonyms: &str,
        first_names: &str,
    ) -> Result<Lexicons, LexiconError> {
        let mut lex = Lexicons {
            cues: CueLexicon::parse(cues)?,
            ..Lexicons::default()
        };
        for (line, word, kind) in semicolon_table(titles) {
            let kind = match kind {
                "role" => TitleKind::Role,
                "modifier" => TitleKind::Modifier,
                "abbrev" => TitleKind::Abbrev,
                "honorific-m" => TitleKind::Honorific(Some(Gender::Male)),
                "honorific-f" => TitleKind::Honorific(Some(Gender::Female)),
                "honorific" => TitleKind::Honorific(None),
                other => {
                    return Err(LexiconError {
                        line,
                        message: format!("unknown kind {other:?}"),
                    })
                }
            };
            let key = word.to_lowercase();
            // A word that is both a role and a modifier (`chief`) acts as a role.
            let keep_role = lex.titles.get(&key) == Some(&TitleKind::Role);
            if !keep_role {
                lex.titles.insert(key, kind);
            }
        }
        let mut adjective_of: Vec<(&str, String)> = Vec::new();
        for (_, word, affiliation) in semicolon_table(demonyms) {
            let word = word.to_lowercase();
            match adjective_of.iter().find(|(a, _)| *a == affiliation) {
                None => adjective_of.push((affiliation, word.clone())),
                Some((_, adjective)) => {
                    // The country's own name (`russia`, `united_kingdom`),
                    // or a short one sharing the adjective's stem
                    // (`britain`, `america`); not a capital or an
                    // institution (`moscow`, `kremlin`).
                    let own_name = word == affiliation.to_lowercase().replace(' ', "_");
                    let stem = |w: &str| w.chars().take(4).collect::<String>();
                    let short_name =
                        word.len() >= 5 && !word.ends_with('s') && stem(&word) == stem(adjective);
                    if own_name || short_name {
                        lex.country_adjectives
                            .insert(word.clone(), adjective.clone());
                    }
                }
            }
            lex.demonyms.insert(word, affiliation.to_string());
        }
        for (affiliation, adjective) in adjective_of {
            lex.affiliation_adjectives
                .insert(affiliation.to_lowercase(), adjective);
        }
        for (n, raw) in first_names.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            let mut parts = line.split_whitespace();
            let (Some(name), Some(g)) = (parts.next(), parts.next()) else {
                continue;
            };
            let gender = Gender::parse(g).ok_or_else(|| LexiconError {
                line: n + 1,
                message: format!("gender must be m or f, not {g:?}"),
            })?;
            lex.first_names.insert(name.to_lowercase(), gender);
        }
        Ok(lex)
    }

    /// Role words with a country name opening them as its adjective:
    /// `Russia's leader` and `the Russian leader` are one role. Only the
    /// first word: a complement keeps its noun (`special envoy for Ukraine
    /// and Russia` is no `Russian envoy`).
    pub fn role_words_by_adjective(&self, mut words: Vec<String>) -> Vec<String> {
        if let Some(first) = words.first_mut() {
            if let Some(adjective) = self.country_adjectives.get(first.as_str()) {
                *first = adjective.clone();
            }
        }
        words
    }

    /// The adjective of the country a demonym, capital or institution
    /// stands for (`moscow` → `russian`), when it is another word.
    pub fn country_adjective_of(&self, word: &str) -> Option<&str> {
        let affiliation = self.demonyms.get(word)?.to_lowercase();
        self.affiliation_adjectives
            .get(&affiliation)
            .map(String::as_str)
            .filter(|adjective| *adjective != word)
    }

    /// The kind of a title word, matching case-insensitively.
    pub fn title(&self, word: &str) -> Option<TitleKind> {
        // Extraction asks this of nearly every token, mostly lowercase
        // already: those need no lowercased copy.
        with_lowercase(word, |lower| {
            self.titles.get(lower).copied().or_else(|| {
                // `co-leader`, `co-chairman`: one of two holders of a role.
                let role = lower.strip_prefix("co-")?;
                self.titles
                    .get(role)
                    .copied()
                    .filter(|k| *k == TitleKind::Role)
            })
        })
    }
}

/// `f` of the lowercase form of `word`, for lookups made at nearly every
/// token or period: a word lowercase already is passed as it is, a short
/// capitalised ASCII word (`Gen.`, `President`) is lowercased on the stack,
/// and only longer or non-ASCII words are copied.
///
/// ```
/// use stancetrack::lexicon::with_lowercase;
/// assert_eq!(with_lowercase("Gen.", str::to_string), "gen.");
/// assert_eq!(with_lowercase("KYЇV", str::to_string), "kyїv");
/// ```
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        return f(word);
    }
    let mut stack = [0u8; 32];
    if word.is_ascii() && word.len() <= stack.len() {
        let lower = &mut stack[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_forms_and_classes() {
        let lex =
            CueLexicon::parse("say says said saying ; clause\npoint_out pointed_out ; clause\n")
                .unwrap();
        let (f, n) = lex.longest_at(&["pointed", "out", "that"]).unwrap();
        assert_eq!((f.lemma.as_str(), n), ("point out", 2));
        assert!(lex.longest_at(&["saying"]).unwrap().0.participle);
        assert!(lex.longest_at(&["say"]).unwrap().0.base);
    }

    #[test]
    fn the_longest_form_wins_among_forms_sharing_their_first_words() {
        let lex = CueLexicon::parse(
            "in ; phrase\nin_a_statement ; phrase\nin_a_statement_issued ; phrase\n\
             in_an_interview ; phrase\n",
        )
        .unwrap();
        let at = |words: &[&str]| lex.longest_at(words).map(|(f, n)| (f.lemma.clone(), n));
        assert_eq!(
            at(&["in", "a", "statement", "issued", "by"]),
            Some(("in a statement issued".into(), 4))
        );
        assert_eq!(
            at(&["in", "a", "statement"]),
            Some(("in a statement".into(), 3))
        );
        // A longer form the text does not complete falls back to the word.
        assert_eq!(at(&["in", "a", "moment"]), Some(("in".into(), 1)));
        assert_eq!(at(&["in", "an"]), Some(("in".into(), 1)));
        assert_eq!(at(&["on", "a"]), None);
    }

    proptest::proptest! {
        /// The filter in front of every word set never turns a member away.
        #[test]
        fn word_maps_find_every_word_they_hold(
            words in proptest::collection::vec("[a-zé.'-]{0,12}", 0..400)
        ) {
            let mut map = WordMap::default();
            for (i, w) in words.iter().enumerate() {
                map.insert(w.clone(), i);
            }
            for w in &words {
                proptest::prop_assert!(map.contains_key(w));
            }
            proptest::prop_assert_eq!(map.iter().count(), map.len());
            let filter = WordFilter::of(words.iter().map(String::as_str));
            proptest::prop_assert!(words.iter().all(|w| filter.may_contain(w)));
        }
    }

    #[test]
    fn unknown_class_names_the_line() {
        let err = CueLexicon::parse("say ; clause\nwarn ; shout\n").unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn builtin_lexicon_is_large() {
        let lex = Lexicons::builtin();
        assert!(lex.cues.len() > 500, "{} cue forms", lex.cues.len());
        assert_eq!(lex.first_names.get("yulia"), Some(&Gender::Female));
    }
}
