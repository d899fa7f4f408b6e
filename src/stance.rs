//! Stance labelling: a codebook (TOML) of issues, each with topic words,
//! expressions of its target proposition (`pro`) and of the opposite
//! (`con`), plus shared polarity words (negators, rejecting and supporting
//! predicates, conditionals, reported-others markers).
//!
//! A label is computed from the statement together with the clause that
//! reports it: every `pro`/`con` expression, and every topic word governed
//! by a supporting or rejecting predicate, casts a vote whose sign is
//! flipped by each negator and rejecting predicate in its scope (the words
//! before it back to a clause boundary). Votes inside a condition (`if
//! ...`), a question, or a stance handed to another actor (`asking Kyiv to
//! cede`) are not the speaker's and do not count. Every label records the
//! rule that fired and the words it matched, so an analyst can check it.

use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::lexicon::WordMap;
use crate::statement::{Label, StanceLabel};

/// The embedded default codebook.
pub const DEFAULT_CODEBOOK: &str = include_str!("../data/codebook.toml");

/// Shared polarity vocabulary.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Polarity {
    /// Grammatical negation.
    #[serde(default)]
    pub negators: Vec<String>,
    /// Predicates rejecting what follows.
    #[serde(default)]
    pub rejecters: Vec<String>,
    /// Predicates rejecting what precedes (`... is non-negotiable`).
    #[serde(default)]
    pub post_rejecters: Vec<String>,
    /// Predicates endorsing what follows.
    #[serde(default)]
    pub supporters: Vec<String>,
    /// Predicates endorsing what precedes (`... is the necessary first step`).
    #[serde(default)]
    pub post_supporters: Vec<String>,
    /// Predicates making what precedes firm (`neutrality is non-negotiable`).
    #[serde(default)]
    pub post_firm: Vec<String>,
    /// Adjectives right before the issue's noun that condemn it (`illegal
    /// sanctions`, `the illegal annexation`), when nothing else governs it.
    #[serde(default)]
    pub pre_rejecters: Vec<String>,
    /// Condition and question markers that suspend a stance.
    #[serde(default)]
    pub conditionals: Vec<String>,
    /// Precondition markers (`until a ceasefire`): what follows is demanded.
    #[serde(default)]
    pub preconditions: Vec<String>,
    /// Markers that hand the stance to another actor.
    #[serde(default)]
    pub reported_others: Vec<String>,
    /// Words after another actor's reported demand that refuse it (`Moscow
    /// wants us to hand over Crimea. That is not going to happen.`): the
    /// demand's side, reversed, is the speaker's.
    #[serde(default)]
    pub refused_demands: Vec<String>,
    /// Markers of a statement that discusses the issue without a side.
    #[serde(default)]
    pub discussion: Vec<String>,
    /// Markers that leave the issue to others (`will not take sides`,
    /// `not for Singapore to decide`): the statement speaks to the issue and
    /// takes no side. An entry opening with `to` (`to decide`) counts only
    /// after `for` (or `up to`) and up to three words naming who (`not for
    /// Singapore to decide`, not `for a summit to decide`).
    #[serde(default)]
    pub deferrals: Vec<String>,
}

/// One issue of the codebook.
#[derive(Debug, Clone, Deserialize)]
pub struct Issue {
    /// Column name in the outputs.
    pub id: String,
    /// Human label.
    #[serde(default)]
    pub label: String,
    /// The proposition `favor`/`against` refer to.
    #[serde(default)]
    pub target: String,
    /// Words that make a statement about the issue without a side.
    #[serde(default)]
    pub topic: Vec<String>,
    /// Expressions of the target proposition.
    #[serde(default)]
    pub pro: Vec<String>,
    /// Expressions of its opposite.
    #[serde(default)]
    pub con: Vec<String>,
    /// Nouns naming its opposite (need a governing predicate).
    #[serde(default)]
    pub con_topic: Vec<String>,
    /// `con_topic` nouns that take the opposite side by themselves: a
    /// speaker who cites `Ukraine's territorial integrity` with no predicate
    /// of theirs (`our position on the territorial integrity of Ukraine is
    /// unchanged`) upholds it, while `neutrality` or `sanctions relief`
    /// cited so may be anyone's.
    #[serde(default)]
    pub asserting: Vec<String>,
    /// Words that, within three words of a topic word, make it another
    /// target's (`EU membership`, `accession to the EU` for NATO).
    #[serde(default)]
    pub elsewhere: Vec<String>,
    /// Subjects that turn a `reversible` expression into its opposite
    /// (`Russia will never give up Crimea` keeps it: favor).
    #[serde(default)]
    pub reversing_subjects: Vec<String>,
    /// `pro` expressions whose side depends on who does them (`give up`,
    /// `cede`).
    #[serde(default)]
    pub reversible: Vec<String>,
    /// Judgements after the issue's words that reject them for this issue
    /// only, on top of `post_rejecters` (`sanctions have completely
    /// failed`: a failure of sanctions is a case against them, while a
    /// ceasefire that failed is only news).
    #[serde(default)]
    pub post_rejecters: Vec<String>,
    /// Judgements after the issue's words that endorse them for this issue
    /// only, on top of `post_supporters` (`sanctions are biting`).
    #[serde(default)]
    pub post_supporters: Vec<String>,
    /// Which side's expressions are the concession a condition can hold
    /// back: `lifted only after Russia withdraws` refuses the lifting until
    /// then (sanctions: `con`), `stop fighting only when the agreements are
    /// signed` refuses the halt (ceasefire: `pro`), while `take back Crimea
    /// only when Russia collapses` still wants it back (crimea: `pro`, the
    /// recognising). `none` for an issue with no concession.
    #[serde(default)]
    pub concession: Concession,
}

/// The side of an issue that a postponing condition withholds (see
/// [`Issue::concession`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Concession {
    /// The `pro` expressions (`recognise`, `stop fighting`).
    Pro,
    /// The `con` expressions (`lift`, `ease`).
    #[default]
    Con,
    /// Neither: a condition only suspends the stance.
    None,
}
#[derive(Debug, Deserialize)]
struct CodebookFile {
    #[serde(default)]
    polarity: Option<Polarity>,
    #[serde(default)]
    issue: Vec<Issue>,
}

/// A word pattern: lowercase words, `*` suffix wildcard on any word.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pattern {
    words: Vec<(String, bool)>,
    text: String,
}

impl Pattern {
    fn new(s: &str) -> Pattern {
        let words = tokens(s)
            .into_iter()
            .map(|w| match w.strip_suffix('*') {
                Some(stem) => (stem.to_string(), true),
                None => (w, false),
            })
            .filter(|(w, _)| !w.is_empty())
            .collect();
        Pattern {
            words,
            text: s.to_string(),
        }
    }

    fn matches_at(&self, toks: &[&str], i: usize) -> bool {
        self.words.len() <= toks.len().saturating_sub(i)
            && !self.words.is_empty()
            && self.words.iter().enumerate().all(|(k, (w, wild))| {
                let t = toks[i + k];
                if *wild {
                    t.starts_with(w.as_str())
                } else {
                    t == w
                }
            })
    }

    /// Like [`Pattern::matches_at`], but a wildcard never matches a
    /// nominalisation: `resist*` is a predicate in `resisted`, while in
    /// `Ukrainian resistance` it names someone else's stance.
    fn predicate_at(&self, toks: &[&str], i: usize) -> bool {
        self.matches_at(toks, i)
            && self.words.iter().enumerate().all(|(k, (w, wild))| {
                let t = &toks[i + k];
                !*wild
                    || t.len() == w.len()
                    || !["ance", "ence", "ion", "ions", "al", "als", "ances", "ences"]
                        .iter()
                        .any(|suf| t.ends_with(suf))
            })
    }
}

#[derive(Debug, Clone)]
struct CompiledIssue {
    issue: Issue,
    topic: PatternSet,
    pro: PatternSet,
    con: PatternSet,
    con_topic: PatternSet,
    asserting: PatternSet,
    elsewhere: PatternSet,
    reversing_subjects: PatternSet,
    reversible: PatternSet,
    post_rejecters: PatternSet,
    post_supporters: PatternSet,
    /// Which tokens can start a pattern of any of the four sets above.
    starts: StartFilter,
}

impl CompiledIssue {
    /// Whether a word of another target is within three words of the topic
    /// word at `i` (`Ukraine's EU membership`, `accession to the EU`).
    fn elsewhere_near(&self, toks: Toks<'_>, i: usize) -> bool {
        if self.issue.elsewhere.is_empty() {
            return false;
        }
        let window = i.saturating_sub(3)..(i + 4).min(toks.len());
        // Another target's words are rare: looked for first.
        // `EU and NATO membership`: the issue's own target is there too.
        window.clone().any(|k| self.elsewhere.matches_at(toks, k))
            && !window.into_iter().any(|k| {
                k != i
                    && (self.pro.find_at(toks, k).is_some()
                        || self.topic.find_at(toks, k).is_some())
            })
    }
}

/// The tokens that can start a pattern of some sets: by the codebook's id of
/// the first word (exact patterns) or by first byte (wildcards). Finding an
/// issue's expressions tries four sets at every token of a statement and its
/// context, and most tokens start none: one lookup here rules a token out
/// instead of four set searches.
#[derive(Debug, Clone, Default)]
struct StartFilter {
    by_id: Vec<bool>,
    by_first_byte: Vec<bool>,
}

impl StartFilter {
    fn new(sets: &[&PatternSet], ids: usize) -> StartFilter {
        let mut filter = StartFilter {
            by_id: vec![false; ids],
            by_first_byte: vec![false; 256],
        };
        for set in sets {
            for (id, list) in set.by_id.iter().enumerate() {
                filter.by_id[id] |= !list.is_empty();
            }
            for (b, list) in set.wild_by_first_byte.iter().enumerate() {
                filter.by_first_byte[b] |= !list.is_empty();
            }
        }
        filter
    }

    /// Whether token `i` may start a pattern (false: it starts none).
    fn may_start(&self, toks: Toks<'_>, i: usize) -> bool {
        let id = toks.ids.get(i).copied().unwrap_or(NO_WORD) as usize;
        let first = toks.get(i).and_then(|t| t.as_bytes().first()).copied();
        self.by_id.get(id).copied().unwrap_or(false)
            || first.is_some_and(|b| {
                self.by_first_byte
                    .get(usize::from(b))
                    .copied()
                    .unwrap_or(false)
            })
    }
}
/// A loaded codebook, ready to label statements.
#[derive(Debug, Clone)]
pub struct Codebook {
    issues: Vec<CompiledIssue>,
    negators: PatternSet,
    rejecters: PatternSet,
    post_rejecters: PatternSet,
    supporters: PatternSet,
    post_supporters: PatternSet,
    post_firm: PatternSet,
    pre_rejecters: PatternSet,
    conditionals: PatternSet,
    preconditions: PatternSet,
    reported_others: PatternSet,
    refused_demands: PatternSet,
    discussion: PatternSet,
    deferrals: PatternSet,
    triggers: IssueTriggers,
    /// Id of every first word of an exact pattern.
    first_words: WordMap<u32>,
}

/// Which issues a text can possibly mention, found with one Aho-Corasick
/// pass over its lowercase form before any tokenising: most statements in a
/// news corpus touch no codebook issue, and for them labelling stops here.
///
/// An issue is mentioned only through its topic words or a multi-word
/// expression (see [`Codebook::mentions`]). Every token [`tokens`] makes is a
/// substring of the lowercased text (with curly apostrophes straightened)
/// except the `not` split off `n't`, so such a pattern can only match where
/// each of its words occurs as a substring.
#[derive(Debug, Clone, Default)]
struct IssueTriggers {
    automaton: Option<aho_corasick::AhoCorasick>,
    /// Issue index of each automaton pattern.
    issue_of: Vec<usize>,
}

impl IssueTriggers {
    fn build(issues: &[CompiledIssue]) -> IssueTriggers {
        let mut words: Vec<String> = Vec::new();
        let mut issue_of = Vec::new();
        for (k, ci) in issues.iter().enumerate() {
            for (set, min_words) in [
                (&ci.topic, 1),
                (&ci.con_topic, 1),
                (&ci.pro, 2),
                (&ci.con, 2),
            ] {
                for w in set.trigger_words(min_words) {
                    let mut add = |w: &str| {
                        words.push(w.to_string());
                        issue_of.push(k);
                    };
                    add(w);
                    if w == "not" {
                        add("n't");
                    }
                }
            }
        }
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&words)
            .ok();
        IssueTriggers {
            automaton,
            issue_of,
        }
    }

    /// `possible[k]` is false when issue `k` cannot match any of `texts`,
    /// given as [`lowercase_straight`] makes them (the form tokens are cut
    /// from, so the search and the tokens agree).
    fn possible(&self, texts: &[&str], issues: usize) -> Vec<bool> {
        let Some(ac) = &self.automaton else {
            return vec![true; issues];
        };
        let mut possible = vec![false; issues];
        for text in texts {
            for m in ac.find_overlapping_iter(*text) {
                possible[self.issue_of[m.pattern().as_usize()]] = true;
            }
        }
        possible
    }
}

/// A codebook file that does not parse or is inconsistent.
#[derive(Debug, thiserror::Error)]
pub enum CodebookError {
    /// TOML syntax or type error (the message carries line and column).
    #[error("{0}")]
    Toml(#[from] toml::de::Error),
    /// Semantic problems.
    #[error("{0}")]
    Invalid(String),
}

/// Patterns indexed by their first word, so a token is checked only
/// against the patterns that can start with it.
#[derive(Debug, Clone, Default)]
struct PatternSet {
    pats: Vec<Pattern>,
    exact: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// `exact` by the codebook's id of the first word (see
    /// [`Codebook::index_first_words`]): a token is hashed once per
    /// statement, not once per pattern set it is tried against.
    by_id: Vec<Vec<usize>>,
    /// The wildcard patterns (`reject*`) by the first byte of their first
    /// word, in pattern order (256 lists, or none when the set has no
    /// wildcard): a token is checked only against the few that start with
    /// its letter, not against the dozens a stance list holds.
    wild_by_first_byte: Vec<Vec<usize>>,
}

/// Id of a token that starts no exact pattern of the codebook.
const NO_WORD: u32 = u32::MAX;

/// Tokens of a text with the codebook's id of each (`NO_WORD` for a word
/// no exact pattern starts with). Derefs to the words.
#[derive(Debug, Clone, Copy)]
struct Toks<'a> {
    words: &'a [&'a str],
    ids: &'a [u32],
}

impl<'a> Toks<'a> {
    /// The tokens `a..b`.
    fn slice(self, a: usize, b: usize) -> Toks<'a> {
        Toks {
            words: &self.words[a..b],
            ids: &self.ids[a..b],
        }
    }
}

impl<'a> std::ops::Deref for Toks<'a> {
    type Target = [&'a str];
    fn deref(&self) -> &[&'a str] {
        self.words
    }
}

impl PatternSet {
    /// The first pattern, in pattern order (longest first, which decides
    /// between several matches), that can start with `tok` and passes `ok`.
    /// Merges the exact and wildcard lists (both in pattern order) without
    /// allocating: this runs at every token of every labelled statement.
    fn first_candidate(
        &self,
        tok: &str,
        id: u32,
        mut ok: impl FnMut(&Pattern) -> bool,
    ) -> Option<&Pattern> {
        let exact = self.by_id.get(id as usize).map_or(&[][..], Vec::as_slice);
        let first = tok.as_bytes().first().copied().unwrap_or(0);
        let wild = self
            .wild_by_first_byte
            .get(usize::from(first))
            .map_or(&[][..], Vec::as_slice);
        if exact.is_empty() && wild.is_empty() {
            return None;
        }
        let mut exact = exact.iter().copied().peekable();
        let mut wild = wild
            .iter()
            .copied()
            .filter(|&i| tok.starts_with(self.pats[i].words[0].0.as_str()))
            .peekable();
        loop {
            let next = match (exact.peek(), wild.peek()) {
                (Some(&e), Some(&w)) if w < e => wild.next(),
                (Some(_), _) => exact.next(),
                (None, Some(_)) => wild.next(),
                (None, None) => return None,
            }?;
            let p = &self.pats[next];
            if ok(p) {
                return Some(p);
            }
        }
    }

    /// The first (longest) pattern matching at `toks[i..]`.
    fn find_at(&self, toks: Toks<'_>, i: usize) -> Option<&Pattern> {
        let tok = toks.get(i)?;
        self.first_candidate(tok, toks.ids[i], |p| p.matches_at(toks.words, i))
    }

    /// Like [`PatternSet::find_at`] with predicate matching.
    fn predicate_find_at(&self, toks: Toks<'_>, i: usize) -> Option<&Pattern> {
        let tok = toks.get(i)?;
        self.first_candidate(tok, toks.ids[i], |p| p.predicate_at(toks.words, i))
    }

    /// For each pattern (of at least `min_words` words), a word a text must
    /// contain as a substring of its lowercase form for the pattern to match:
    /// its longest word, the most selective (`crimea` of `is part of crimea`).
    fn trigger_words(&self, min_words: usize) -> impl Iterator<Item = &str> + '_ {
        self.pats
            .iter()
            .filter(move |p| p.words.len() >= min_words)
            .filter_map(|p| {
                p.words
                    .iter()
                    .map(|(w, _)| w.as_str())
                    .max_by_key(|w| w.len())
            })
    }

    fn matches_at(&self, toks: Toks<'_>, i: usize) -> bool {
        self.find_at(toks, i).is_some()
    }
}

fn compile(v: &[String]) -> PatternSet {
    let mut pats: Vec<Pattern> = v
        .iter()
        .map(|s| Pattern::new(s))
        .filter(|p| !p.words.is_empty())
        .collect();
    // Longer patterns first so `no longer` wins over `no`.
    pats.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    let mut set = PatternSet {
        pats,
        ..PatternSet::default()
    };
    for (i, p) in set.pats.iter().enumerate() {
        let (first, wild) = &p.words[0];
        if *wild {
            if set.wild_by_first_byte.is_empty() {
                set.wild_by_first_byte = vec![Vec::new(); 256];
            }
            // A pattern's words are never empty (`*` alone is no pattern).
            if let Some(&b) = first.as_bytes().first() {
                set.wild_by_first_byte[usize::from(b)].push(i);
            }
        } else {
            set.exact.entry(first.clone()).or_default().push(i);
        }
    }
    set
}

impl Codebook {
    /// The built-in codebook (Crimea, NATO, ceasefire, sanctions).
    pub fn builtin() -> Codebook {
        Codebook::from_toml(DEFAULT_CODEBOOK).expect("built-in codebook parses")
    }

    /// Parses a full codebook (polarity table and issues).
    pub fn from_toml(source: &str) -> Result<Codebook, CodebookError> {
        let file: CodebookFile = toml::from_str(source)?;
        let polarity = file
            .polarity
            .ok_or_else(|| CodebookError::Invalid("missing [polarity] table".into()))?;
        let mut cb = Codebook {
            issues: Vec::new(),
            negators: compile(&polarity.negators),
            rejecters: compile(&polarity.rejecters),
            post_rejecters: compile(&polarity.post_rejecters),
            supporters: compile(&polarity.supporters),
            post_supporters: compile(&polarity.post_supporters),
            post_firm: compile(&polarity.post_firm),
            pre_rejecters: compile(&polarity.pre_rejecters),
            conditionals: compile(&polarity.conditionals),
            preconditions: compile(&polarity.preconditions),
            reported_others: compile(&polarity.reported_others),
            refused_demands: compile(&polarity.refused_demands),
            discussion: compile(&polarity.discussion),
            deferrals: compile(&polarity.deferrals),
            triggers: IssueTriggers::default(),
            first_words: WordMap::default(),
        };
        cb.add_issues(file.issue)?;
        Ok(cb)
    }

    /// Adds issues from a TOML file with `[[issue]]` tables (a `[polarity]`
    /// table there, if any, replaces the shared vocabulary).
    pub fn extend_from_toml(&mut self, source: &str) -> Result<usize, CodebookError> {
        let file: CodebookFile = toml::from_str(source)?;
        if let Some(p) = file.polarity {
            self.negators = compile(&p.negators);
            self.rejecters = compile(&p.rejecters);
            self.post_rejecters = compile(&p.post_rejecters);
            self.supporters = compile(&p.supporters);
            self.post_supporters = compile(&p.post_supporters);
            self.post_firm = compile(&p.post_firm);
            self.pre_rejecters = compile(&p.pre_rejecters);
            self.conditionals = compile(&p.conditionals);
            self.preconditions = compile(&p.preconditions);
            self.reported_others = compile(&p.reported_others);
            self.refused_demands = compile(&p.refused_demands);
            self.discussion = compile(&p.discussion);
            self.deferrals = compile(&p.deferrals);
        }
        let n = file.issue.len();
        self.add_issues(file.issue)?;
        Ok(n)
    }

    fn add_issues(&mut self, issues: Vec<Issue>) -> Result<(), CodebookError> {
        for issue in issues {
            let id_ok = !issue.id.is_empty()
                && issue
                    .id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if !id_ok {
                return Err(CodebookError::Invalid(format!(
                    "issue id {:?} must be non-empty letters, digits, '_' or '-'",
                    issue.id
                )));
            }
            if issue.topic.is_empty()
                && issue.pro.is_empty()
                && issue.con.is_empty()
                && issue.con_topic.is_empty()
            {
                return Err(CodebookError::Invalid(format!(
                    "issue {:?} has no words",
                    issue.id
                )));
            }
            let compiled = CompiledIssue {
                topic: compile(&issue.topic),
                pro: compile(&issue.pro),
                con: compile(&issue.con),
                con_topic: compile(&issue.con_topic),
                asserting: compile(&issue.asserting),
                elsewhere: compile(&issue.elsewhere),
                reversing_subjects: compile(&issue.reversing_subjects),
                reversible: compile(&issue.reversible),
                post_rejecters: compile(&issue.post_rejecters),
                post_supporters: compile(&issue.post_supporters),
                starts: StartFilter::default(),
                issue,
            };
            match self
                .issues
                .iter()
                .position(|i| i.issue.id == compiled.issue.id)
            {
                Some(p) => self.issues[p] = compiled,
                None => self.issues.push(compiled),
            }
        }
        self.triggers = IssueTriggers::build(&self.issues);
        self.index_first_words();
        Ok(())
    }

    /// Every pattern set, mutably.
    fn pattern_sets_mut(&mut self) -> impl Iterator<Item = &mut PatternSet> {
        [
            &mut self.negators,
            &mut self.rejecters,
            &mut self.post_rejecters,
            &mut self.supporters,
            &mut self.post_supporters,
            &mut self.post_firm,
            &mut self.pre_rejecters,
            &mut self.conditionals,
            &mut self.preconditions,
            &mut self.reported_others,
            &mut self.refused_demands,
            &mut self.discussion,
            &mut self.deferrals,
        ]
        .into_iter()
        .chain(self.issues.iter_mut().flat_map(|ci| {
            [
                &mut ci.topic,
                &mut ci.pro,
                &mut ci.con,
                &mut ci.con_topic,
                &mut ci.asserting,
                &mut ci.elsewhere,
                &mut ci.reversing_subjects,
                &mut ci.reversible,
                &mut ci.post_rejecters,
                &mut ci.post_supporters,
            ]
        }))
    }

    /// Numbers the first words of all exact patterns and indexes each set
    /// by them. Labelling tries every token against a dozen sets per issue;
    /// with the ids it hashes each token once.
    fn index_first_words(&mut self) {
        let mut first_words: FxHashMap<String, u32> = FxHashMap::default();
        for set in self.pattern_sets_mut() {
            let mut keys: Vec<&String> = set.exact.keys().collect();
            keys.sort();
            for k in keys {
                let next = first_words.len() as u32;
                first_words.entry(k.clone()).or_insert(next);
            }
        }
        let n = first_words.len();
        for set in self.pattern_sets_mut() {
            set.by_id = vec![Vec::new(); n];
            for (k, list) in &set.exact {
                set.by_id[first_words[k] as usize].clone_from(list);
            }
        }
        for ci in &mut self.issues {
            let sets = [&ci.topic, &ci.con_topic, &ci.pro, &ci.con];
            ci.starts = StartFilter::new(&sets, n);
        }
        // Most tokens of a statement start no pattern: the map's filter
        // answers them without hashing the whole word.
        self.first_words = WordMap::default();
        for (word, id) in first_words {
            self.first_words.insert(word, id);
        }
    }

    /// Ids of tokens (see [`Codebook::index_first_words`]).
    fn word_ids(&self, words: &[&str]) -> Vec<u32> {
        words
            .iter()
            .map(|&w| self.first_words.get(w).copied().unwrap_or(NO_WORD))
            .collect()
    }

    /// Issue ids in column order.
    pub fn issue_ids(&self) -> Vec<String> {
        self.issues.iter().map(|i| i.issue.id.clone()).collect()
    }

    /// The issues.
    pub fn issues(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().map(|c| &c.issue)
    }

    /// Labels one statement: `text` is the statement, `context` the
    /// reporting sentence that contains it (or `text` again).
    pub fn label(&self, text: &str, context: &str) -> Vec<StanceLabel> {
        // `We want a ceasefire now. Why is that so hard?`: only the last
        // sentence asks; the sentences before it assert.
        if let Some(cut) = asserted_before_question(text) {
            let context = if context == text {
                &text[..cut]
            } else {
                context
            };
            return self.label(&text[..cut], context);
        }
        // A statement labelled in its own words (`context` is `text`) is
        // lowercased, searched and tokenized once.
        let same = context == text;
        let text_lower = lowercase_straight(text);
        let ctx_lower = if same {
            String::new()
        } else {
            lowercase_straight(context)
        };
        // The statement nearly always stands whole in its context sentence:
        // then its tokens are a run of the context's, and the context alone
        // is searched and tokenized.
        let inside = if same {
            None
        } else {
            find_substring(&ctx_lower, &text_lower)
                .filter(|&at| cuts_no_token(&ctx_lower, at, at + text_lower.len()))
        };
        let lowered: &[&str] = if same {
            &[&text_lower]
        } else if inside.is_some() {
            &[&ctx_lower]
        } else {
            &[&text_lower, &ctx_lower]
        };
        let possible = self.triggers.possible(lowered, self.issues.len());
        if !possible.contains(&true) {
            return Vec::new();
        }
        let (ctx_words, ctx_starts) = if same {
            (Vec::new(), Vec::new())
        } else {
            tokens_of_lowercase(&ctx_lower)
        };
        let ctx_ids = self.word_ids(&ctx_words);
        let (text_words, _) = if inside.is_some() {
            (Vec::new(), Vec::new())
        } else {
            tokens_of_lowercase(&text_lower)
        };
        let text_ids = self.word_ids(&text_words);
        let text_own = Toks {
            words: &text_words,
            ids: &text_ids,
        };
        let ctx_toks = if same {
            text_own
        } else {
            Toks {
                words: &ctx_words,
                ids: &ctx_ids,
            }
        };
        let text_toks = match inside {
            Some(at) => {
                let first = ctx_starts.partition_point(|&s| s < at);
                let end = ctx_starts.partition_point(|&s| s < at + text_lower.len());
                ctx_toks.slice(first, end)
            }
            None => text_own,
        };
        let question = text
            .trim_end()
            .trim_end_matches(['"', '”', '’', '\''])
            .ends_with('?');
        // `Why should Ukraine abandon its ambition to join the alliance?`,
        // `Is anyone seriously suggesting Ukraine should hand Crimea to
        // Putin?`: a rhetorical question asserts the opposite of its words.
        let opening = text_lower.trim_start_matches(|c: char| !c.is_alphanumeric());
        let rhetorical = question
            && RHETORICAL_OPENINGS.iter().any(|o| {
                opening
                    .strip_prefix(o)
                    .is_some_and(|rest| rest.starts_with(' '))
            });
        let mut out = Vec::new();
        for (ci, _) in self.issues.iter().zip(&possible).filter(|(_, &p)| p) {
            let in_text = self.mentions(ci, text_toks);
            let in_ctx = in_text || self.mentions(ci, ctx_toks);
            if !in_ctx {
                continue;
            }
            let toks = if ctx_toks.len() >= text_toks.len() {
                ctx_toks
            } else {
                text_toks
            };
            // A noun that upholds a side with no predicate is the speaker's
            // only in the statement's own words: in `thanked Türkiye for its
            // position on Ukraine's territorial integrity and said Kyiv was
            // ready to sign`, the thanks are another statement's.
            let own_span = match inside {
                Some(at) if toks.len() > text_toks.len() => {
                    let first = ctx_starts.partition_point(|&s| s < at);
                    first..first + text_toks.len()
                }
                _ => 0..toks.len(),
            };
            let borrowed = |v: &Vote| {
                (v.rule.contains("asserted-") || v.rule.contains("condemned-"))
                    && !own_span.contains(&v.at)
            };
            let mut votes = if rhetorical {
                let mut votes = self.votes(ci, toks);
                for v in &mut votes {
                    v.sign = -v.sign;
                    v.rule = format!("rhetorical-{}", v.rule);
                }
                votes
            } else if question {
                Vec::new()
            } else {
                self.votes(ci, toks)
            };
            votes.retain(|v| !borrowed(v));
            let mut sum: i32 = votes.iter().map(|v| v.sign).sum();
            // `Kyiv had "nothing against" a phased ceasefire, but that it
            // would not sign a document in which truce means ...`: when the
            // sentence's clauses cancel out, the statement's own words decide.
            // Not when the statement's own cue denies or negates it
            // (`Officials denied that Ukraine supports a ceasefire and said
            // ...`).
            let cue_governs = || {
                inside.is_some_and(|at| {
                    let first = ctx_starts.partition_point(|&s| s < at);
                    (first.saturating_sub(4)..first).any(|k| {
                        match_len(&self.negators, ctx_toks, k).is_some()
                            || predicate_len(&self.rejecters, ctx_toks, k).is_some()
                    })
                })
            };
            if sum == 0
                && !votes.is_empty()
                && !rhetorical
                && toks.len() > text_toks.len()
                && !cue_governs()
            {
                let own = self.votes(ci, text_toks);
                let own_sum: i32 = own.iter().map(|v| v.sign).sum();
                if own_sum != 0 {
                    votes = own;
                    sum = own_sum;
                }
            }
            let label = match sum.signum() {
                1 => Label::Favor,
                -1 => Label::Against,
                _ => Label::Neutral,
            };
            // `neutral` needs the issue in the statement itself, discussed
            // (`talks on a ceasefire`, `whether the truce holds`), asked
            // about, or held in a condition.
            if label == Label::Neutral && !(in_text && (question || self.discussed(ci, text_toks)))
            {
                continue;
            }
            let rule = if votes.is_empty() {
                let why = if question { "question" } else { "no-side" };
                format!("{}:{why}", ci.issue.id)
            } else {
                let parts: Vec<String> = votes
                    .iter()
                    .filter(|v| v.sign.signum() == sum.signum() || sum == 0)
                    .map(|v| format!("{}[{:?}]", v.rule, v.words))
                    .collect();
                format!("{}:{}", ci.issue.id, parts.join("+"))
            };
            out.push(StanceLabel {
                issue: ci.issue.id.clone(),
                label,
                rule,
            });
        }
        out
    }

    /// Where a deferral starts in `toks`, if anywhere: `will not take sides`,
    /// `not for India to prescribe`, `up to Kyiv to decide`.
    fn deferral_at(&self, toks: Toks<'_>) -> Option<usize> {
        // `for Singapore`, `for us`, `up to the Ukrainians` right before `to`.
        let names_who = |k: usize| {
            (1..=3).any(|n| {
                k > n
                    && (toks[k - n - 1] == "for"
                        || (toks[k - n - 1] == "to" && k > n + 1 && toks[k - n - 2] == "up"))
                    && !matches!(toks[k - n], "a" | "an" | "some" | "any" | "this" | "that")
            })
        };
        (0..toks.len()).find(|&k| {
            self.deferrals
                .find_at(toks, k)
                .is_some_and(|p| p.words[0].0 != "to" || names_who(k))
        })
    }

    fn discussed(&self, ci: &CompiledIssue, toks: Toks<'_>) -> bool {
        let issue_at: Vec<usize> = (0..toks.len())
            .filter(|&i| {
                ci.starts.may_start(toks, i)
                    && (ci.topic.matches_at(toks, i)
                        || ci.con_topic.matches_at(toks, i)
                        || ci.pro.matches_at(toks, i)
                        || ci.con.matches_at(toks, i))
            })
            .collect();
        if let Some(k) = self.deferral_at(toks) {
            if issue_at.iter().any(|&i| i.abs_diff(k) <= 8) {
                return true;
            }
        }
        (0..toks.len()).any(|k| {
            // `whether the truce will hold`: a condition right before the words.
            let conditional = self.conditionals.matches_at(toks, k);
            if conditional {
                return issue_at.iter().any(|&i| i > k && i - k <= 4);
            }
            let marker = self.discussion.matches_at(toks, k);
            marker && issue_at.iter().any(|&i| i.abs_diff(k) <= 6)
        })
    }

    fn mentions(&self, ci: &CompiledIssue, toks: Toks<'_>) -> bool {
        (0..toks.len()).any(|i| {
            if !ci.starts.may_start(toks, i) {
                return false;
            }
            ((ci.topic.matches_at(toks, i) || ci.con_topic.matches_at(toks, i))
                && !ci.elsewhere_near(toks, i))
                || [&ci.pro, &ci.con].iter().any(|set| {
                    toks.get(i).is_some_and(|tok| {
                        set.first_candidate(tok, toks.ids[i], |p| {
                            p.words.len() > 1
                                && p.matches_at(toks.words, i)
                                && !neutral_in_a_dispute(p, toks, i)
                        })
                        .is_some()
                    })
                })
        })
    }

    fn votes(&self, ci: &CompiledIssue, toks: Toks<'_>) -> Vec<Vote> {
        let mut votes = Vec::new();
        // Spans of the self-asserting expressions met so far.
        let mut asserted: Vec<(usize, usize)> = Vec::new();
        let mut absorbed_until = 0;
        let mut i = 0;
        while i < toks.len() {
            if !ci.starts.may_start(toks, i) {
                i += 1;
                continue;
            }
            // The longest expression starting here decides what it is.
            let mut best: Option<(&Pattern, Term)> = None;
            for (list, term) in [
                (&ci.pro, Term::Pro),
                (&ci.con, Term::Con),
                (&ci.topic, Term::Topic),
                (&ci.con_topic, Term::ConTopic),
            ] {
                if let Some(p) = list.find_at(toks, i) {
                    if best.is_none_or(|(b, _)| p.words.len() > b.words.len()) {
                        best = Some((p, term));
                    }
                }
            }
            let Some((pat, term)) = best else {
                i += 1;
                continue;
            };
            let len = pat.words.len();
            if matches!(term, Term::Topic | Term::ConTopic) && ci.elsewhere_near(toks, i) {
                i += len;
                continue;
            }
            // `a monitoring mission on Ukrainian territory`, `strikes deep
            // into Russian territory`: a place, not the land at issue.
            let place = len == 1
                && term == Term::Topic
                && matches!(toks[i], "territory" | "territories")
                && i >= 2
                && ["ian", "ish", "ese", "nato", "allied"]
                    .iter()
                    .any(|end| toks[i - 1].ends_with(end))
                && matches!(
                    toks[i - 2],
                    "on" | "in" | "into" | "onto" | "inside" | "across" | "from"
                );
            // `the talks to end the war resume next week`: the purpose of
            // talks names what they are about, a topic a predicate can take
            // a side on (`We support the talks to end the war`).
            let purpose_of_talks = term == Term::Pro
                && i >= 2
                && toks[i - 1] == "to"
                && matches!(
                    toks[i - 2],
                    "talks" | "negotiations" | "summit" | "meeting" | "round" | "process"
                );
            // `Egypt would stay neutral on the question of Crimea`, `remain
            // neutral in the conflict`: neutral on a question or in a war
            // takes no side, and is no bloc status.
            let no_side = neutral_in_a_dispute(pat, toks, i);
            if place || no_side {
                i += len;
                continue;
            }
            let term = if purpose_of_talks { Term::Topic } else { term };
            // `..., he acknowledged.`, `acknowledged that ...`: the speech
            // verb, not the recognition of a claim.
            let speech_verb = len == 1
                && toks[i].starts_with("acknowledg")
                && toks
                    .get(i + 1)
                    .is_none_or(|&n| n == "that" || n == "," || n == ".");
            if speech_verb {
                i += 1;
                continue;
            }
            let nominal = matches!(term, Term::Topic | Term::ConTopic);
            if nominal && i < absorbed_until {
                // `annexation of Crimea` is one noun phrase and one vote.
                i += len;
                continue;
            }
            if term == Term::Pro && recognizes_the_opposite(ci, toks, i, len) {
                i += len;
                continue;
            }
            if let Some(v) = self.vote_at(ci, toks, (i, len), term, &asserted, false) {
                votes.push((v, nominal));
            }
            if !nominal {
                asserted.push((i, i + len));
            }
            if nominal {
                // Not past a clause boundary: `On NATO, membership for
                // Ukraine is not on the table` has two phrases.
                absorbed_until = (i + len..i + len + 4)
                    .find(|&p| toks.get(p).is_some_and(|&w| is_boundary(w)))
                    .unwrap_or(i + len + 4);
            }
            i += len;
        }
        // Nouns under a predicate decide only when no self-asserting
        // expression does: in `reconnecting banks to SWIFT would be a
        // sensible first step`, `reconnecting` carries the stance, not `SWIFT`.
        let verbal = votes.iter().any(|(_, nominal)| !nominal);
        votes
            .into_iter()
            .filter(|(_, nominal)| !verbal || !nominal)
            .map(|(v, _)| v)
            .collect()
    }

    /// Whether the main clause after `from` (after the comma that ends a
    /// verbless phrase of up to fourteen words, if any) holds a negation or
    /// a rejecting judgement in its first eight words (`..., Ukraine will
    /// never be safe`, `..., peace is impossible`).
    fn negated_after_comma(&self, toks: Toks<'_>, from: usize) -> bool {
        // `Without the lifting of restrictions on Rosselkhozbank and on
        // insurance for our ships, there will be no deal` has a long object;
        // `Without sanctions relief the economy will keep growing, nobody
        // ...` has its main clause before the comma.
        let comma = (from..(from + 14).min(toks.len()))
            .take_while(|&p| {
                !matches!(toks[p], "." | ";" | "?" | "!" | "but" | "—" | "–")
                    && !MODALS.contains(&toks[p])
                    && !AUXILIARIES.contains(&toks[p])
            })
            .find(|&p| toks[p] == ",");
        let negated = |p: usize| {
            match_len(&self.negators, toks, p).is_some()
                || match_len(&self.post_rejecters, toks, p).is_some()
        };
        match comma {
            // `“Without a ceasefire there can be no talks,” he said`: the
            // main clause opens with `there` before the comma.
            Some(c) => {
                (c + 1..(c + 9).min(toks.len())).any(negated)
                    || (from..c).any(|t| toks[t] == "there" && (t + 1..(t + 4).min(c)).any(negated))
            }
            // `Without the lifting of sanctions on firms that did nothing
            // wrong`: a relative clause's negation is not the main clause's.
            None => (from..(from + 8).min(toks.len()))
                .take_while(|&p| !matches!(toks[p], "that" | "which" | "who"))
                .any(negated),
        }
    }

    /// The vote of the issue expression at `toks[i..i + len]`, if it is the
    /// speaker's and carries a side.
    ///
    /// `asserted` holds the spans of the issue's self-asserting expressions
    /// before it: they govern nothing (in `give up the land it cannot take
    /// back`, `give up` is a stance of its own, not a rejection of `take
    /// back`). `demand_refused` reads the expression as the speaker's own
    /// even inside another's demand: a demand the speaker refuses is voted
    /// on so, then reversed.
    fn vote_at(
        &self,
        ci: &CompiledIssue,
        toks: Toks<'_>,
        (i, len): (usize, usize),
        term: Term,
        asserted: &[(usize, usize)],
        demand_refused: bool,
    ) -> Option<Vote> {
        // Scope: back to a clause boundary, at most 20 words. A relative
        // clause continues its antecedent's clause: in `reject the framework,
        // which includes recognition`, `reject` governs `recognition`.
        let mut lo = i;
        while lo > 0 && i - lo < 20 {
            let w = toks[lo - 1];
            let relative = w == "," && toks.get(lo).is_some_and(|&n| n == "which" || n == "that");
            // `and` joins clauses after a comma; without one it joins words
            // (`a full and unconditional ceasefire`).
            let verb_follows = || {
                // `and (previously) rejected ...` coordinates clauses.
                let mut m = lo;
                while m < i && toks[m].ends_with("ly") {
                    m += 1;
                }
                // `and will fight on`: a modal opens a predicate too.
                // `stop playing games and accept a ceasefire`: a governing
                // verb after `and` opens its own predicate.
                m < i
                    && ((toks[m].len() > 4 && toks[m].ends_with("ed"))
                        || MODALS.contains(&toks[m])
                        || REPORTING_VERBS.contains(&toks[m])
                        || [&self.supporters, &self.rejecters].iter().any(|set| {
                            // Not a noun the pattern also matches (`and
                            // proposals for a ceasefire`).
                            // (`and push for a ceasefire` after a modal is
                            // the verb: only a plural may be the noun.)
                            predicate_len(set, toks, m).is_some_and(|n| {
                                let last = if toks[m].ends_with('s') {
                                    toks.get(m + n - 1)
                                } else {
                                    None
                                };
                                ![toks.get(m + n), last]
                                    .iter()
                                    .any(|w| matches!(w, Some(&("for" | "of"))))
                            })
                        }))
            };
            // `stop supplying weapons and lift the sanctions`: a verb of the
            // issue right after `and` starts a coordinated predicate.
            let verb_term = lo == i && matches!(term, Term::Pro | Term::Con);
            let word_and = (w == "and" || w == "or")
                && lo >= 2
                && toks[lo - 2] != ","
                && !verb_term
                && !verb_follows();
            // `said the position had not changed and that sanctions would
            // stay`: a second reported clause.
            let and_that = (w == "and" || w == "but") && toks.get(lo).is_some_and(|&n| n == "that");
            // `would “never, under any circumstances,” accept`: a short aside
            // after a negation leaves the negation governing.
            // Quoted (`“never, under any circumstances” accept`), the aside
            // has no closing comma.
            // The aside is a phrase of its own (`under any circumstances`,
            // `in any form`), with no predicate of the issue in it (not
            // `not, despite opposition from Hungary, lift`).
            if w == "," {
                let after_negation = |c: usize| c >= 1 && matches!(toks[c - 1], "never" | "not");
                let opens_aside = |c: usize| {
                    toks.get(c + 1).is_some_and(|&x| {
                        matches!(
                            x,
                            "under"
                                | "in"
                                | "at"
                                | "by"
                                | "for"
                                | "on"
                                | "even"
                                | "ever"
                                // `will not, now or later, recognise`
                                | "now"
                                | "today"
                                | "either"
                                | "whatever"
                                | "whether"
                        )
                    })
                };
                let plain = |from: usize, to: usize| {
                    (from..to).all(|m| {
                        [&self.rejecters, &self.supporters]
                            .iter()
                            .all(|set| predicate_len(set, toks, m).is_none())
                    })
                };
                let aside_open = (lo.saturating_sub(7)..lo - 1)
                    .rev()
                    .find(|&c| toks[c] == ",")
                    .filter(|&c| after_negation(c) && opens_aside(c) && plain(c + 1, lo - 1))
                    .or_else(|| (after_negation(lo - 1) && opens_aside(lo - 1)).then_some(lo - 1));
                if let Some(c) = aside_open {
                    lo = c;
                    continue;
                }
                // `We do not, and will not, recognize`: an interrupted chain
                // of negated auxiliaries governs the verb after it.
                let negated_chain = after_negation(lo - 1)
                    && (lo.saturating_sub(6)..lo - 1)
                        .rev()
                        .find(|&c| toks[c] == ",")
                        .is_some_and(|c| {
                            after_negation(c)
                                && toks[c + 1..lo - 1].iter().all(|&x| {
                                    matches!(x, "and" | "or" | "not" | "never")
                                        || AUXILIARIES.contains(&x)
                                        || MODALS.contains(&x)
                                })
                        });
                if negated_chain {
                    lo -= 1;
                    continue;
                }
                // `ready for an immediate, full and unconditional ceasefire`:
                // a comma between the adjectives of one noun phrase (opened
                // by a determiner right before the first) ends no clause.
                let adjective_list = lo >= 3
                    && matches!(toks[lo - 3], "a" | "an" | "the" | "any" | "every")
                    && i - lo <= 4
                    && toks[lo..i].iter().any(|&x| x == "and" || x == "or")
                    && toks[lo - 2..i]
                        .iter()
                        .all(|&x| matches!(x, "," | "and" | "or") || looks_adjectival(x))
                    && plain(lo - 2, i);
                if adjective_list {
                    lo -= 1;
                    continue;
                }
            }
            if (is_boundary(w) && !relative && !word_and) || and_that {
                break;
            }
            lo -= 1;
        }
        // `Ukraine will not cede land in exchange for a ceasefire`: what is
        // traded takes no side from the predicate of what is given.
        let det = usize::from(i > 0 && matches!(toks[i - 1], "a" | "an" | "the" | "any"));
        // `We will not trade our land for a pause`: so is what a trading
        // verb takes in return.
        let trade_for = i > det
            && toks[i - det - 1] == "for"
            && toks[i.saturating_sub(det + 6)..i - det - 1]
                .iter()
                .any(|w| {
                    ["trade", "trading", "swap", "exchang", "barter"]
                        .iter()
                        .any(|p| w.starts_with(p))
                });
        let traded = trade_for
            || (i >= 3 + det
                && toks[i - det - 3] == "in"
                && matches!(toks[i - det - 2], "exchange" | "return")
                && toks[i - det - 1] == "for");
        // `Norway will not reopen its ports as part of any ceasefire deal`:
        // the deal a measure would belong to takes no side from what is
        // said of the measure.
        let framing = i >= 3 + det
            && toks[i - det - 3] == "as"
            && toks[i - det - 2] == "part"
            && toks[i - det - 1] == "of";
        if traded || framing {
            lo = lo.max(i - det);
        }
        let scope = toks.slice(lo, i);
        let mut orientation = match term {
            Term::Pro | Term::Topic => 1,
            Term::Con | Term::ConTopic => -1,
        };
        // `Russia will never give up Crimea`: giving up by the other party
        // is keeping it. Its subject is right before the verb's auxiliaries
        // (not `Putin said both sides would have to cede`).
        let reversed = term == Term::Pro && ci.reversible.matches_at(toks, i) && {
            let mut k = i;
            while k > lo && AUXILIARIES.contains(&toks[k - 1]) {
                k -= 1;
            }
            (k.saturating_sub(2)..k).any(|s| ci.reversing_subjects.matches_at(toks, s))
        };
        // `Russia's claim to Crimea`: the occupier's claim is its control.
        let occupiers = (term == Term::Con
            && toks[i].starts_with("claim")
            && i > 0
            && occupiers_possessive(ci, toks[i - 1]))
            // `the territorial integrity of Russia, including Crimea`: the
            // occupier's integrity holds the land it took.
            || (term == Term::ConTopic
                && toks[i] == "territorial"
                && ((i > 0 && occupiers_possessive(ci, toks[i - 1]))
                    || occupier_after_of(ci, toks, i + len)));
        if reversed || occupiers {
            orientation = -orientation;
        }
        // A gerund (`Ukraine joining the alliance was one of the reasons`)
        // names the act rather than asserting it: it needs a predicate too.
        // After a form of `be` it is a progressive verb (`sanctions are
        // hurting our economy`, `the EU is lifting sanctions`).
        // `keeps bankrolling the war`: so it is after a verb of continuing.
        let ing = is_ing_form(toks[i]);
        let progressive = ing && !is_gerund(&toks, i);
        let gerund = is_gerund(&toks, i);
        let nominal = term == Term::Topic || (term == Term::ConTopic && !progressive) || gerund;
        if matches!(term, Term::Pro | Term::Con) && simile_at(toks, i + len) {
            return None;
        }
        let kind = match term {
            Term::Pro if reversed => "reversed-pro",
            Term::Pro => "pro",
            Term::Con => "con",
            Term::Topic => "topic",
            Term::ConTopic => "con-topic",
        };
        // `The sanctions will only be lifted if Russia withdraws`, `eased only
        // after a peace deal`: undoing made to wait on a condition is refused
        // until then (`They're not being lifted before an agreement`).
        // `only in return for verifiable steps`, `in exchange for ...`.
        // A halt or a recognition held back is refused only until a time
        // (`would stop fighting only when the agreements are signed`); one
        // offered on a condition is an offer (`ready to stop the fighting
        // only if Russia does the same`, `could cede territory only in
        // exchange for NATO membership`).
        let temporal_only = ci.issue.concession == Concession::Pro;
        let condition = |k: usize| {
            matches!(toks.get(k), Some(&("when" | "after" | "once")))
                || (!temporal_only
                    && (toks.get(k) == Some(&"if")
                        || (toks.get(k) == Some(&"in")
                            && matches!(toks.get(k + 1), Some(&("return" | "exchange")))
                            && toks.get(k + 2) == Some(&"for"))))
        };
        let only_if = |k: usize| toks.get(k) == Some(&"only") && condition(k + 1);
        // `would only be lifted step by step, and only in return for ...`:
        // the condition a few words on, within the clause.
        let only_if_soon = || {
            (i + len..(i + len + 6).min(toks.len()))
                .take_while(|&k| !matches!(toks[k], "." | ";" | "but"))
                .any(only_if)
        };
        // `They should be lifted when the war is over ..., not one day
        // before`.
        let not_before = || {
            (i + len..(i + len + 20).min(toks.len()))
                .take_while(|&k| !matches!(toks[k], "." | ";"))
                .any(|k| {
                    // (Not the idiom `and not before time`.)
                    toks[k] == "not"
                        && matches!(
                            &toks[k + 1..(k + 4).min(toks.len())],
                            ["one", "day", "before", ..]
                                | ["a", "day", "before", ..]
                                | ["before", ..]
                        )
                        && !toks[k + 1..(k + 4).min(toks.len())].contains(&"time")
                })
        };
        let concession = match ci.issue.concession {
            Concession::Pro => term == Term::Pro,
            Concession::Con => term == Term::Con,
            Concession::None => false,
        };
        // (Asked last: a supporter is looked for in the whole scope.)
        let offered_halt =
            || temporal_only && (0..scope.len()).any(|k| self.supporters.matches_at(scope, k));
        let postponed = concession
            && ((condition(i + len)
                && (lo..i)
                    .rev()
                    .take_while(|&k| toks[k] == "only" || AUXILIARIES.contains(&toks[k]))
                    .any(|k| toks[k] == "only"))
                || only_if_soon()
                || not_before())
            && !offered_halt();
        // `Any easing of EU sanctions should come only when Russia has
        // withdrawn`: relief of the issue (named in the words or an `of`
        // phrase; not `humanitarian relief`) made to wait on a condition.
        let postponed = postponed
            || (term == Term::ConTopic && {
                let names_issue = |a: usize, b: usize| (a..b).any(|p| ci.topic.matches_at(toks, p));
                let mut after = i + len;
                if matches!(toks.get(after), Some(&("of" | "on"))) {
                    let phrase_end = (after + 1..(after + 5).min(toks.len()))
                        .find(|&p| ci.topic.matches_at(toks, p))
                        .map(|p| p + 1);
                    after = phrase_end.unwrap_or(after);
                }
                let verb_end = (after..(after + 3).min(toks.len()))
                    .take_while(|&p| {
                        MODALS.contains(&toks[p])
                            || AUXILIARIES.contains(&toks[p])
                            || matches!(toks[p], "come" | "comes" | "happen" | "happens")
                    })
                    .count();
                let verbs = &toks[after..after + verb_end];
                let comes = verbs
                    .iter()
                    .any(|&w| matches!(w, "come" | "comes" | "happen" | "happens"));
                // `any relief must come "after, not before" Moscow signs`:
                // relief that must come after is withheld until then too.
                // `Any relief` is the issue's; `humanitarian relief` is not.
                let bare = i > 0 && matches!(toks[i - 1], "any" | "such");
                // (Obliged to wait: `must come after`, not the forecast
                // `could come after the summit`.)
                let obliged = verbs
                    .iter()
                    .any(|&w| matches!(w, "must" | "should" | "has" | "have" | "needs"));
                let waits = only_if(after + verb_end)
                    || (comes
                        && obliged
                        && matches!(toks.get(after + verb_end), Some(&("after" | "once"))));
                (names_issue(i, after) || bare) && verb_end > 0 && waits
            });
        if postponed {
            return Some(Vote {
                sign: -orientation,
                rule: format!("postponed-{kind}"),
                words: span(&toks, i, i + len),
                at: i,
            });
        }
        // Preconditions demand what follows: `no talks until a ceasefire`.
        // `should not discuss easing restrictions before Moscow agreed to a
        // ceasefire`: after a negation, `before` demands what follows first.
        let precondition = (0..scope.len()).rev().find(|&k| {
            self.preconditions.matches_at(scope, k)
                || (scope[k] == "before"
                    && (0..k).any(|j| match_len(&self.negators, scope, j).is_some()))
        });
        // A predicate of the issue reaches further back than a noun: in
        // `only if restrictions on Russian banks were lifted` the condition
        // holds the verb's whole subject.
        let reach = if matches!(term, Term::Pro | Term::Con) {
            8
        } else {
            6
        };
        if let Some(k) = precondition {
            if scope.len() - k <= reach {
                let words = span(&toks, lo + k, i + len);
                // `only if Ukraine renounces its plans to join NATO`: the
                // condition demands the words rejected.
                let rejected = (k + 1..scope.len())
                    .any(|j| predicate_len(&self.rejecters, scope, j).is_some());
                let (sign, rule) = if rejected {
                    (-orientation, format!("precondition-rejected-{kind}"))
                } else {
                    (orientation, format!("precondition-{kind}"))
                };
                return Some(Vote {
                    sign,
                    rule,
                    words,
                    at: i,
                });
            }
        }
        // `Russia might halt its invasion and drop claims to ... if the US
        // recognizes ...`: a bare verb after `and` shares the first
        // conjunct's modal and condition.
        let bare_conjunct = lo >= 2
            && matches!(toks[lo - 1], "and" | "or")
            && !MODALS.contains(&toks[lo])
            && !toks[lo].ends_with("ed");
        let shared_from = if bare_conjunct {
            let mut w = lo - 1;
            while w > 0
                && i - w < 20
                && (matches!(toks[w - 1], "and" | "or") || !is_boundary(toks[w - 1]))
            {
                w -= 1;
            }
            w
        } else {
            lo
        };
        // `Britain was prepared to send troops once a ceasefire is in
        // place`, `ready to help monitor a truce once the fighting stops`:
        // the speaker's own offer made for when it happens wants it to.
        let once_at = (i.saturating_sub(3)..i)
            .rev()
            .find(|&k| matches!(toks[k], "once" | "after" | "when"));
        // (What follows says it comes about, not `once the truce expires`.)
        let comes_about = || {
            matches!(term, Term::Pro | Term::Con)
                || (i + len..(i + len + 4).min(toks.len())).any(|k| {
                    matches!(
                        toks[k],
                        "place"
                            | "hold"
                            | "holds"
                            | "agreed"
                            | "reached"
                            | "signed"
                            | "stops"
                            | "stopped"
                            | "lifted"
                            | "eased"
                            | "ends"
                            | "ended"
                            | "over"
                    )
                })
        };
        let offered = once_at.is_some_and(|c| {
            // A help offered, not a threat (`prepared to resume strikes
            // once the truce expires`, `ready to hit back once sanctions
            // are tightened`).
            (lo..c).any(|k| {
                matches!(
                    toks[k],
                    "contribute" | "monitor" | "deploy" | "rebuild" | "invest" | "host" | "reopen"
                ) || (toks[k] == "send" && toks.get(k + 1) == Some(&"troops"))
                    || (toks[k] == "resume" && toks.get(k + 1) == Some(&"trade"))
            }) && (lo..c).all(|k| match_len(&self.negators, toks, k).is_none())
        }) && comes_about();
        if offered {
            return Some(Vote {
                sign: orientation,
                rule: format!("offered-once-{kind}"),
                words: span(&toks, once_at.unwrap_or(i), i + len),
                at: i,
            });
        }
        if find_any(&self.conditionals, toks.slice(shared_from, i)).is_some() {
            return None;
        }
        // Another's verb of wanting in the scope: not the speaker's (`we have
        // threatened to impose new sanctions`) nor an infinitive (`to expect
        // Russia to give back ...` is the speaker's expectation).
        let others_verb = find_any(&self.reported_others, scope).filter(|&k| {
            let own = scope[k.saturating_sub(3)..k]
                .iter()
                .any(|&w| w == "we" || w == "i");
            let infinitive = k > 0 && scope[k - 1] == "to";
            !own && !infinitive
        });
        // `Moscow wants us to hand over Crimea and the Donbas. That is not
        // going to happen.`, `The Kremlin wants a pledge that Ukraine will
        // never join NATO, and it will not get one`: another's demand the
        // speaker then refuses is the demand's side reversed.
        // The refusal takes the demand as its subject (`that is not going to
        // happen`, `which won't happen`, `it will not get one`), is no
        // condition (`that won't happen until Russia withdraws`), and is the
        // speaker's own answer, in this sentence or the next: not another's
        // (`Hungary says it will not happen`, `Moscow has made clear that is
        // not going to happen`) nor a prediction (`I think it will not
        // happen`, `we understand it won't happen`).
        let refused = || {
            (i + len..(i + len + 30).min(toks.len())).any(|p| {
                match_len(&self.refused_demands, toks, p).is_some_and(|n| {
                    let between = &toks[i + len..p];
                    // (The speaker's own reporting verb may stand between:
                    // `“...,” he said, adding: “That will not happen.”`.)
                    let own = !between.iter().enumerate().any(|(k, &w)| {
                        let speakers = k > 0 && matches!(between[k - 1], "he" | "she");
                        (REPORTING_VERBS.contains(&w)
                            && !speakers
                            && !matches!(w, "adding" | "added"))
                            || matches!(
                                w,
                                "we" | "i"
                                    | "made"
                                    | "think"
                                    | "thinks"
                                    | "believe"
                                    | "believes"
                                    | "understand"
                                    | "understands"
                                    | "expect"
                                    | "expects"
                                    | "fear"
                                    | "fears"
                            )
                    }) && between
                        .iter()
                        .filter(|&&w| matches!(w, "." | "!" | "?"))
                        .count()
                        <= 1;
                    own && toks[p.saturating_sub(3)..p].iter().any(|&w| {
                        matches!(w, "that" | "which" | "this" | "it" | "they" | "he" | "she")
                    }) && !toks[p + n..(p + n + 2).min(toks.len())].iter().any(|&w| {
                        matches!(
                            w,
                            "until" | "unless" | "without" | "before" | "if" | "while"
                        )
                    })
                })
            })
        };
        if !demand_refused && others_verb.is_some() && refused() {
            return self
                .vote_at(ci, toks, (i, len), term, asserted, true)
                .map(|v| Vote {
                    sign: -v.sign,
                    rule: format!("refused-demand-{}", v.rule),
                    words: v.words,
                    at: v.at,
                });
        }
        // `asking Kyiv to cede`, `a desire from Moscow to end`: another actor's stance.
        let other = !demand_refused
            && others_verb.is_some_and(|k| {
                // `Ukraine cannot be forced to give up land`: a refusal to be
                // made to, which keeps the speaker's stance (and its negation).
                let refused_passive = k >= 2
                    && matches!(scope[k - 1], "be" | "been" | "being")
                    && (k.saturating_sub(3)..k - 1)
                        .any(|j| match_len(&self.negators, scope, j).is_some());
                !refused_passive
                    && scope[k + 1..]
                        .iter()
                        .take(6)
                        .any(|&w| w == "to" || w == "from" || w == "by" || w == "for")
            });
        if other {
            return None;
        }
        // `India will not take sides on territorial questions`, `it was not
        // for Singapore to decide the membership`: the issue is left to
        // others, and no word of it is the speaker's side.
        if self.deferral_at(scope).is_some() {
            return None;
        }
        let mut flips = 0;
        let mut fears = 0;
        let mut governor = 0;
        let mut rejected = false;
        // The rejection is a relative clause's (`any agreement that rules
        // out ...`): a judgement of its noun judges the rejection.
        let mut rejected_in_relative = false;
        let mut rejected_as_gerund = false;
        let mut rule = String::from(kind);
        let mut first = i;
        let mut k = 0;
        while k < scope.len() {
            // `no question of easing`, `not interested in`: a rejecting
            // phrase that opens with a negation is the phrase.
            let negation = match_len(&self.negators, scope, k)
                .filter(|_| predicate_len(&self.rejecters, scope, k).is_none());
            if let Some(n) = negation {
                // `has not made any decision on Crimea`: the decision is
                // negated, not what it would be about.
                let about_between = (k + n..scope.len()).any(|m| {
                    match_len(&self.discussion, scope, m).is_some_and(|dn| {
                        matches!(
                            scope[m + dn - 1],
                            "on" | "about" | "over" | "regarding" | "of"
                        )
                    })
                });
                if about_between {
                    k += n;
                    continue;
                }
                // `Without a ceasefire there will be no easing of sanctions`:
                // `without` negates its own object, not words of the clause
                // after it.
                let clause_between = scope[k] == "without"
                    && scope[k + n..].iter().any(|&w| {
                        MODALS.contains(&w)
                            || matches!(w, "there" | "is" | "are" | "was" | "were" | "cannot")
                    });
                if clause_between {
                    k += n;
                    continue;
                }
                // `Without a ceasefire, there can be no talks`: what a
                // clause-initial `without` names is required when the main
                // clause is negated, also after a conjunction (`it's obvious
                // that without their removal there can be no normal
                // relations`).
                let clause_initial =
                    k == 0 || matches!(scope[k - 1], "that" | "and" | "because" | "since" | "so");
                if clause_initial
                    && scope[k] == "without"
                    && self.negated_after_comma(toks, i + len)
                {
                    if governor == 0 {
                        governor = 1;
                    }
                    rule = format!("required-{rule}");
                    first = first.min(lo);
                    k += n;
                    continue;
                }
                flips += 1;
                // `Diplomats fear that Trump will lift sanctions`: fearing
                // what a predicate says opposes it; `fear that the
                // ceasefire will collapse` says nothing against a ceasefire.
                if ["fear", "worr", "fret", "concern"]
                    .iter()
                    .any(|p| scope[k].starts_with(p))
                {
                    fears += 1;
                }
                rule = format!("negated-{rule}");
                first = first.min(lo + k);
                k += n;
                continue;
            }
            // `sanctions against Russia`: a preposition after a noun.
            let prepositional = scope[k] == "against"
                && k > 0
                && matches!(
                    scope[k - 1],
                    "sanctions" | "measures" | "restrictions" | "penalties" | "war" | "aggression"
                );
            let in_expression = asserted.iter().any(|&(a, b)| a <= lo + k && lo + k < b);
            if purpose_in_subject(&scope, k) {
                k += 1;
                continue;
            }
            if let Some(n) = predicate_len(&self.rejecters, scope, k)
                .filter(|_| !prepositional && !in_expression)
            {
                if governor == 0 {
                    governor = -1;
                } else {
                    flips += 1;
                }
                rejected = true;
                rejected_in_relative =
                    (k.saturating_sub(2)..k).any(|m| matches!(scope[m], "that" | "which"));
                // `Giving up the sanctions now would be a mistake`: the
                // rejection, a gerund, is the subject the judgement is of.
                rejected_as_gerund = is_gerund(&scope, k);
                rule = format!("rejected-{rule}");
                first = first.min(lo + k);
                k += n;
                continue;
            }
            if let Some(n) = predicate_len(&self.supporters, scope, k).filter(|_| !in_expression) {
                // `acknowledged that the Kremlin was against a pause`: an
                // assertive supporter before `that` reports a clause and
                // endorses nothing in it (`urged that ...` still demands it).
                // `asked about sanctions` asks nothing for them.
                let reports = scope.get(k + n) == Some(&"that")
                    && ["acknowledg", "accept", "recogni", "agree", "admit"]
                        .iter()
                        .any(|p| scope[k].starts_with(p));
                let asks_about = scope[k].starts_with("ask")
                    && matches!(scope.get(k + n), Some(&("about" | "whether" | "if")));
                if reports || asks_about {
                    k += n;
                    continue;
                }
                if governor == 0 {
                    governor = 1;
                }
                rule = format!("supported-{rule}");
                first = first.min(lo + k);
                k += n;
                continue;
            }
            k += 1;
        }
        // `Only full membership, with Article 5 behind it, can stop Russia`,
        // `only a ceasefire will save lives`: what alone can do it is wanted,
        // unless a judgement follows the modal (`Only a ceasefire would give
        // Russia time to rearm`, `Only sanctions will not work`).
        if nominal && governor == 0 && flips == 0 {
            let judged_after = |to: usize| {
                (to..(to + 10).min(toks.len()))
                    .take_while(|&p| {
                        !is_boundary(toks[p]) && !matches!(toks[p], "that" | "which" | "who")
                    })
                    .any(|p| {
                        match_len(&self.negators, toks, p).is_some()
                            || match_len(&self.post_rejecters, toks, p).is_some()
                            || match_len(&ci.post_rejecters, toks, p).is_some()
                    })
            };
            let only = only_means(&toks, i, len).filter(|&(_, to)| !judged_after(to));
            if let Some((from, to)) = only {
                return Some(Vote {
                    sign: orientation,
                    rule: format!("only-means-{rule}"),
                    words: span(&toks, from, to),
                    at: i,
                });
            }
        }
        // Judgements after the words: `stance on Crimea is non-negotiable`,
        // `a full ceasefire – on land, in the air – is the necessary first step`.
        let mut last = i + len;
        let mut hi = i + len;
        // `lifting them in exchange for a ceasefire would reward the
        // aggressor`: what is traded is not what is judged.
        // `Talks on a possible ceasefire will continue`: a judgement after
        // the object of talks (`talks on`, `question of`) is of the talks.
        let talked_about = (i.saturating_sub(4)..i).any(|k| {
            match_len(&self.discussion, toks, k).is_some_and(|n| {
                k + n <= i
                    && matches!(
                        toks[k + n - 1],
                        "on" | "about" | "over" | "regarding" | "of"
                    )
                    && toks[k + n..i].iter().all(|&w| !is_boundary(w))
            })
        });
        let limit = if traded || talked_about {
            hi
        } else {
            (i + len + 24).min(toks.len())
        };
        let rejects_at = |p: usize| {
            match_len(&self.post_rejecters, toks, p)
                .or_else(|| match_len(&ci.post_rejecters, toks, p))
                .filter(|&n| !simile_at(toks, p + n))
        };
        let mut seen = 0;
        let mut pending_flips = 0;
        // `a ceasefire without solving fundamental issues would only give
        // Kyiv time to regroup`: a `without` phrase right after the words
        // modifies them; the judgement after it is still of them.
        if toks.get(hi) == Some(&"without") {
            let phrase_end = (hi + 1..(hi + 6).min(limit)).find(|&k| {
                let w = toks[k];
                MODALS.contains(&w)
                    || matches!(w, "is" | "are" | "was" | "were" | "will" | "would")
                    || is_boundary(w)
            });
            if let Some(end) = phrase_end.filter(|&e| !is_boundary(toks[e])) {
                hi = end;
            }
        }
        while hi < limit {
            let w = toks[hi];
            if w == "—" || w == "–" {
                // Skip a parenthetical between dashes.
                if let Some(close) = toks[hi + 1..limit]
                    .iter()
                    .position(|&x| x == "—" || x == "–")
                {
                    hi += close + 2;
                    continue;
                }
            }
            // `A truce, she says, would only let Moscow come back stronger`:
            // the reporting clause inside the statement stands between the
            // words and their judgement.
            if let Some(close) = parenthetical_report_end(&toks, hi) {
                hi = close + 1;
                continue;
            }
            seen += 1;
            // `NATO said that a ceasefire was worth more`: a reporting verb
            // opens another clause, whose judgements are of its own words.
            // `A NATO diplomat called the report a betrayal`: an ascribing
            // verb judges its object, not its subject.
            let reporting = REPORTING_VERBS.contains(&w);
            if is_boundary(w) || seen > 10 || reporting {
                break;
            }
            if let Some(n) = match_len(&self.negators, toks, hi) {
                // `the sanctions do not work`: a negation between the words
                // and a judgement of them counts only with that judgement.
                // The judgement may start inside the negation: `relief was
                // not on the table` reads `was not` as one negator.
                // Not before a contrast: `sanctions were not an option but a
                // necessity`.
                let judged_at = (hi..hi + n).find(|&p| {
                    let len = rejects_at(p).or_else(|| match_len(&self.post_firm, toks, p));
                    len.is_some_and(|l| {
                        !toks[(p + l).min(toks.len())..]
                            .iter()
                            .take(3)
                            .any(|&w| w == "but" || w == "rather")
                    })
                });
                match judged_at {
                    Some(p) => hi = p,
                    None => {
                        pending_flips += 1;
                        hi += n;
                        continue;
                    }
                }
            }
            // `sanctions hurt Europe's industry far more than they hurt
            // Russia`: what follows `than` is the lesser term of a
            // comparison, no judgement of the words.
            let compared = hi >= 2
                && toks[hi - 2] == "than"
                && matches!(toks[hi - 1], "they" | "it" | "he" | "she" | "we" | "those");
            if compared {
                hi += 1;
                continue;
            }
            // `a ceasefire would make it impossible for Russia to regroup`:
            // a judgement after `it` is of the extraposed clause.
            let rejection = rejects_at(hi);
            let extraposed = toks[hi.saturating_sub(2)..hi].contains(&"it")
                && rejection
                    .is_some_and(|n| matches!(toks.get(hi + n), Some(&("to" | "for" | "that"))));
            // `will not recognise Russia's illegal annexation`: an adjective
            // between a possessive (or `the`) and its noun describes the
            // noun; it judges nothing.
            let attributive = hi > 0
                && (toks[hi - 1].ends_with("'s")
                    || matches!(
                        toks[hi - 1],
                        "the" | "its" | "their" | "our" | "his" | "her"
                    ))
                && rejection == Some(1)
                && toks.get(hi + 1).is_some_and(|&next| {
                    next.chars().all(char::is_alphabetic) && !FUNCTION_WORDS.contains(&next)
                });
            if attributive {
                hi += 1;
                continue;
            }
            // `had “never supported” sanctions that “hurt Europe more than
            // Russia”`: a relative clause after words a predicate governs
            // describes them, and gives its reason; it judges nothing.
            let describes_governed = (governor != 0 || flips > 0)
                && toks[i + len..hi]
                    .iter()
                    .take(2)
                    .any(|&w| w == "that" || w == "which");
            if describes_governed && rejection.is_some() {
                break;
            }
            if let Some(n) = rejection.filter(|_| !extraposed) {
                // `dismissed the plan as a trap`: the judgement agrees with a
                // rejecting predicate; alone it rejects. After a supporter
                // too (`acknowledged the Kremlin rejected any invitation as
                // a threat`), the rejection has had its say.
                if !rejected {
                    governor = -1;
                }
                // `any peace agreement that formally rules out Ukraine's
                // membership of NATO would be “a historic mistake”`: the
                // agreement that rejects is judged, not the target.
                let predicated = toks[i + len..hi].iter().any(|&w| {
                    matches!(
                        w,
                        "is" | "are" | "was" | "were" | "be" | "would" | "will" | "could"
                    )
                });
                if (rejected_in_relative || rejected_as_gerund) && predicated {
                    flips += 1;
                }
                flips += pending_flips;
                rule = format!("{rule}-judged-unacceptable");
                last = hi + n;
                break;
            }
            if let Some(n) = match_len(&self.post_firm, toks, hi) {
                // `neutrality is non-negotiable` insists on it; `its stance on
                // Crimea is non-negotiable` keeps the stance: no concession.
                let stance_noun = toks[i.saturating_sub(3)..i]
                    .iter()
                    .any(|&w| matches!(w, "stance" | "position" | "positions" | "view"));
                governor = if stance_noun { -1 } else { 1 };
                flips += pending_flips;
                rule = format!("{rule}-judged-firm");
                last = hi + n;
                break;
            }
            // `Sanctions relief is acceptable to Hungary`: acceptable to
            // someone is that one's judgement.
            if let Some(n) = match_len(&self.post_supporters, toks, hi)
                .or_else(|| match_len(&ci.post_supporters, toks, hi))
                .filter(|&n| !(toks[hi + n - 1] == "acceptable" && toks.get(hi + n) == Some(&"to")))
            {
                if governor == 0 {
                    governor = 1;
                }
                flips += pending_flips;
                rule = format!("{rule}-judged-necessary");
                last = hi + n;
                break;
            }
            hi += 1;
        }
        // `Ukraine's ambition to join NATO`, cited with no predicate of the
        // speaker's, is the possessor's stance.
        // `Ukraine's place is in NATO` has a predicate of its own.
        // `NATO's door remains open`: the door of the target itself (the
        // possessor is a topic word of the issue) is no other actor's.
        // `The UK's sanctions stay` has one too.
        let predicated = toks[i..i + len]
            .iter()
            .any(|&w| matches!(w, "is" | "are" | "belongs" | "lies" | "stay" | "stays"));
        let own_target = |w: &str| {
            w.strip_suffix("'s")
                .is_some_and(|owner| ci.topic.pats.iter().any(|p| p.matches_at(&[owner], 0)))
        };
        // (`Ukraine's borders of 1991`, `Ukraine's territorial integrity`:
        // what a country owns is no stance of its.)
        let owned = matches!(
            toks[i],
            "border" | "borders" | "territorial" | "territory" | "sovereignty" | "land"
        ) || toks[i].ends_with("1991");
        let possessed = i > 0
            && !predicated
            && !owned
            && !occupiers
            && ((toks[i - 1].ends_with("'s") && !own_target(toks[i - 1]))
                || matches!(toks[i - 1], "its" | "their" | "his" | "her"));
        if possessed && governor == 0 && flips == 0 {
            return None;
        }
        // A fear of what a noun names is no judgement of it: `fear that the
        // ceasefire will collapse`, `fear that Russia will use a ceasefire to
        // rearm` (against for the judgement alone).
        if nominal {
            flips -= fears;
        }
        // `have both been victims of illegal sanctions`, `the illegal
        // annexation of Crimea`: an adjective of the speaker's that condemns
        // the noun, with nothing else governing it (one adjective may stand
        // between: `illegal unilateral sanctions`).
        if nominal && governor == 0 && flips == 0 {
            // (Not another's: `Ireland's so-called neutrality`.)
            let condemned = (i.saturating_sub(2)..i).find(|&k| {
                let owned = k > 0
                    && (toks[k - 1].ends_with("'s")
                        || matches!(toks[k - 1], "its" | "their" | "his" | "her"));
                !owned
                    && match_len(&self.pre_rejecters, toks, k).is_some_and(|n| {
                        k + n == i
                            || (k + n + 1 == i && toks[k + n].chars().all(char::is_alphabetic))
                    })
            });
            if let Some(k) = condemned {
                return Some(Vote {
                    sign: -orientation,
                    rule: format!("condemned-{rule}"),
                    words: span(&toks, k, i + len),
                    at: i,
                });
            }
        }
        // `Azerbaijan's position on the sovereignty and territorial integrity
        // of Ukraine remains unchanged`, `the inviolability of borders`: a
        // noun that upholds the opposite by itself, cited by the speaker
        // with no predicate, is upheld (not as the object of talks: `talks on
        // territorial integrity`).
        // (Ukraine's, or every state's (`the principle of territorial
        // integrity`), or the occupier's holding Crimea: not `China's
        // territorial integrity`, `the territorial integrity of Serbia`, nor
        // an attack on Russia's in Kursk.)
        let ukrainian = |w: &str| {
            matches!(
                w,
                "ukraine" | "ukraine's" | "ukrainian" | "kyiv" | "kyiv's" | "crimea" | "crimea's"
            )
        };
        let everyones = |w: &str| {
            ukrainian(w)
                || matches!(
                    w,
                    "states"
                        | "countries"
                        | "nations"
                        | "every"
                        | "any"
                        | "borders"
                        | "its"
                        | "their"
                        | "our"
                        | "sovereign"
                        | "a"
                )
        };
        let whose_named = || {
            if occupiers {
                toks[i.saturating_sub(4)..(i + len + 7).min(toks.len())]
                    .iter()
                    .any(|w| w.starts_with("crimea"))
            } else {
                let owner_after = if toks.get(i + len) == Some(&"of") {
                    toks[i + len + 1..]
                        .iter()
                        .find(|&&w| !matches!(w, "the" | "all"))
                        .copied()
                } else {
                    None
                };
                !(i > 0 && toks[i - 1].ends_with("'s") && !ukrainian(toks[i - 1]))
                    && owner_after.is_none_or(everyones)
            }
        };
        let asserted_alone = term == Term::ConTopic
            && governor == 0
            && flips == 0
            && !talked_about
            && ci.asserting.matches_at(toks, i)
            && whose_named();
        if asserted_alone {
            // `the “so-called territorial integrity” of Ukraine`: the speaker
            // disowns what the noun upholds.
            let disowned = i > 0 && toks[i - 1] == "so-called";
            return Some(Vote {
                sign: if disowned { -orientation } else { orientation },
                rule: format!("asserted-{}{rule}", if disowned { "disowned-" } else { "" }),
                words: span(&toks, i, i + len),
                at: i,
            });
        }
        let sign = if nominal {
            // A noun carries a side only under a predicate or negation.
            match (governor, flips) {
                (0, 0) => return None,
                (0, _) => orientation,
                (g, _) => orientation * g,
            }
        } else if governor == -1 {
            -orientation
        } else {
            orientation
        };
        let sign = if flips % 2 == 1 { -sign } else { sign };
        Some(Vote {
            sign,
            rule,
            words: span(&toks, first, last),
            at: i,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Term {
    Pro,
    Con,
    Topic,
    ConTopic,
}

#[derive(Debug)]
struct Vote {
    sign: i32,
    rule: String,
    words: String,
    /// Where the issue's words start in the tokens voted on.
    at: usize,
}

/// Verbs that report or ascribe: after `and` they open a clause of their
/// own (`rejected the truce and said forces will press on`); after the
/// words, what follows is another clause's (`NATO said that ...`) or judges
/// the verb's object (`called the report a betrayal`).
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "wrote",
    "added",
    "stated",
    "called",
    "calls",
    "branded",
    "brands",
    "described",
    "describes",
    "dubbed",
    "labelled",
    "labeled",
    "termed",
];

/// The closing comma of a reporting clause set off by commas that opens at
/// the comma `at` (`, she says,`, `, he told reporters,`, `, Peskov
/// argued,`): at most five words, one of them a verb of saying.
fn parenthetical_report_end(toks: &[&str], at: usize) -> Option<usize> {
    const SAYING: &[&str] = &[
        // `A truce, critics say, would be a trap`.
        "say",
        "argue",
        "insist",
        "warn",
        "believe",
        "think",
        "claim",
        "argues",
        "argued",
        "insists",
        "insisted",
        "warns",
        "warned",
        "believes",
        "believed",
        "thinks",
        "reckons",
        "claims",
        "claimed",
        "notes",
        "noted",
        "adds",
        "explains",
        "explained",
        "suggests",
        "suggested",
        "contends",
        "contended",
        "stresses",
        "stressed",
    ];
    if toks.get(at) != Some(&",") {
        return None;
    }
    let close = (at + 2..(at + 7).min(toks.len())).find(|&c| is_boundary(toks[c]))?;
    let inside = &toks[at + 1..close];
    // The subject's predicate resumes after it (`, she says, would ...`);
    // a trailing attribution is followed by a clause of its own
    // (`..., Zelensky stated, asserting that ...`).
    let resumes = toks.get(close + 1).is_some_and(|next| {
        MODALS.contains(next)
            || matches!(
                *next,
                "is" | "are" | "was" | "were" | "has" | "have" | "had" | "may" | "might"
            )
    });
    (toks[close] == ","
        && resumes
        && inside
            .iter()
            .any(|w| REPORTING_VERBS.contains(w) || SAYING.contains(w)))
    .then_some(close)
}

/// Modals that open a predicate of their own (`and will fight on`).
const MODALS: &[&str] = &["will", "would", "must", "should", "can", "could", "shall"];

/// Where the sentences before a closing question end, when a statement of
/// several sentences ends in one that is not rhetorical (`We want a
/// ceasefire now. Why is that so hard?` → after `now.`).
fn asserted_before_question(text: &str) -> Option<usize> {
    let body = text.trim_end().trim_end_matches(['"', '”', '’', '\'']);
    if !body.ends_with('?') {
        return None;
    }
    let asked = &body[..body.len() - 1];
    let cut = asked
        .rmatch_indices(['.', '!', '?'])
        .filter(|&(p, _)| {
            let rest = &asked[p + 1..];
            let next = rest.trim_start_matches(['"', '”', '’', '\'']);
            next.starts_with(' ')
                && next
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
        .map(|(p, _)| p + 1)
        .next()?;
    let question = asked[cut..].trim_start().to_lowercase();
    let rhetorical = RHETORICAL_OPENINGS.iter().any(|o| question.starts_with(o));
    let words_before = text[..cut].split_whitespace().count();
    (!rhetorical && words_before >= 3).then_some(cut)
}

/// Openings of questions asked to deny their content (`why should`, `is
/// anyone suggesting`).
const RHETORICAL_OPENINGS: &[&str] = &[
    "why should",
    "why would",
    "why must",
    "how can",
    "how could",
    "who would",
    "who in their right mind",
    "is anyone",
    "does anyone",
    "can anyone",
    "would anyone",
    "since when",
];

/// Words that start no noun: an adjective before one of them is predicative
/// (`illegal under international law`, `illegal and illegitimate`).
const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "nor", "but", "to", "for", "of", "in", "on", "under", "by", "as", "at", "from",
    "with", "than", "because", "since", "if", "unless", "now", "today", "anyway",
];

/// Words between a subject and its verb (`will never`, `would have to`).
const AUXILIARIES: &[&str] = &[
    "will", "would", "shall", "should", "must", "can", "cannot", "could", "may", "might", "never",
    "not", "n't", "to", "have", "has", "had", "be", "been", "is", "are", "was", "were", "ever",
    "won't", "wouldn't", "doesn't", "does", "do", "did", "didn't", "ready", "prepared", "going",
    "also", "still",
];

/// Whether a word is an `-ing` form (`lifting`, `bankrolling`), not a short
/// word that happens to end so (`king`, `thing`).
fn is_ing_form(w: &str) -> bool {
    w.ends_with("ing") && w.len() > 5
}

/// Whether a judgement ending at `end` opens a simile (`Sanctions don't
/// work like a light switch`): it judges nothing.
fn simile_at(toks: Toks<'_>, end: usize) -> bool {
    end > 0
        && toks.get(end) == Some(&"like")
        && matches!(toks[end - 1], "work" | "works" | "worked")
}

/// Whether the `-ing` form at `toks[i]` is a gerund, naming an act, not a
/// progressive verb after a form of `be` (`the EU is lifting sanctions`) or
/// of a verb of continuing (`keeps bankrolling the war`).
fn is_gerund(toks: &[&str], i: usize) -> bool {
    is_ing_form(toks[i])
        && (i == 0
            || !matches!(
                toks[i - 1],
                "is" | "are"
                    | "was"
                    | "were"
                    | "been"
                    | "keep"
                    | "keeps"
                    | "kept"
                    | "continue"
                    | "continues"
                    | "continued"
            ))
}

/// Whether a lowercase word has an adjective's shape (`immediate`, `full`,
/// `unconditional`, `lasting`): a common adjective ending, or one of the
/// short adjectives that qualify a ceasefire or a peace.
fn looks_adjectival(w: &str) -> bool {
    const ENDINGS: [&str; 14] = [
        "ate", "ful", "al", "ive", "ous", "ic", "ing", "ent", "ant", "ble", "ed", "less", "ary",
        "ete",
    ];
    const SHORT: [&str; 10] = [
        "full", "just", "real", "fair", "total", "true", "broad", "new", "firm", "long",
    ];
    w.len() > 2
        && w.chars().all(char::is_alphabetic)
        && (SHORT.contains(&w) || ENDINGS.iter().any(|e| w.ends_with(e)))
}

/// Whether the pro expression at `toks[i..i + len]` recognises what is
/// Ukraine's or the opposite of the target: `We recognize Ukraine's borders
/// of 1991`, `recognise Ukraine within its internationally recognised
/// borders`, `recognize the borders of 1991`. It is then no expression of
/// its own but a predicate over its object (`recognize Ukraine's
/// territorial integrity` supports the integrity).
fn recognizes_the_opposite(ci: &CompiledIssue, toks: Toks<'_>, i: usize, len: usize) -> bool {
    // (Not a passive's agent, `will never be recognized by Ukraine`, nor
    // Russia's claim, `never recognize Russia's claim to Crimea`.)
    if len != 1 || !toks[i].starts_with("recogni") || toks.get(i + 1) == Some(&"by") {
        return false;
    }
    let object = (i + 1..(i + 6).min(toks.len())).take_while(|&k| !is_boundary(toks[k]));
    let russian = object
        .clone()
        .take(3)
        .any(|k| toks[k] == "russian" || occupiers_possessive(ci, toks[k]));
    if russian {
        return false;
    }
    object
        .clone()
        .take(3)
        .any(|k| matches!(toks[k], "ukraine" | "ukraine's" | "kyiv's" | "ukrainian"))
        || object
            .clone()
            .any(|k| ci.con.matches_at(toks, k) || ci.con_topic.matches_at(toks, k))
}

/// Whether `w` is the possessive of one of the issue's `reversing_subjects`
/// (`russia's`, `the kremlin's`; the tokens' apostrophes are straight).
fn occupiers_possessive(ci: &CompiledIssue, w: &str) -> bool {
    w.strip_suffix("'s").is_some_and(|owner| {
        ci.reversing_subjects
            .pats
            .iter()
            .any(|p| p.matches_at(&[owner], 0))
    })
}

/// Whether the expression `p` at `toks[i..]` ends in `neutral` and goes on
/// with what the neutrality is about (`stay neutral on the question of
/// Crimea`, `remain neutral in the conflict`): no side taken, and no bloc
/// status.
fn neutral_in_a_dispute(p: &Pattern, toks: Toks<'_>, i: usize) -> bool {
    let after = i + p.words.len();
    // (Not `neutral in the future`, `neutral between Russia and NATO`: a
    // status still.)
    let in_a_war = toks.get(after) == Some(&"in")
        && toks[after + 1..(after + 4).min(toks.len())]
            .iter()
            .any(|&w| matches!(w, "conflict" | "war" | "dispute" | "fighting"));
    p.words.last().is_some_and(|(w, _)| w == "neutral")
        && (in_a_war
            || toks
                .get(after)
                .is_some_and(|&w| matches!(w, "on" | "toward" | "towards" | "regarding" | "about")))
}

/// Whether an `of` phrase at `toks[at..]` names the occupier (`of Russia`,
/// `of the Russian Federation`).
fn occupier_after_of(ci: &CompiledIssue, toks: Toks<'_>, at: usize) -> bool {
    if toks.get(at) != Some(&"of") {
        return false;
    }
    let owner = if toks.get(at + 1) == Some(&"the") {
        at + 2
    } else {
        at + 1
    };
    owner < toks.len()
        && (ci.reversing_subjects.matches_at(toks, owner)
            || (toks[owner] == "russian" && toks.get(owner + 1) == Some(&"federation")))
}

/// Whether the word at `scope[k]` is the verb of a purpose infinitive
/// inside the subject of a later predicate: in `any agreement to end the
/// war must not recognize the occupation`, `end` governs `the war`, and the
/// modal opens the predicate that governs the issue words (a relative
/// pronoun in between keeps it governing: `efforts to block any deal that
/// would recognize ...`).
fn purpose_in_subject(scope: &Toks<'_>, k: usize) -> bool {
    k >= 2
        && scope[k - 1] == "to"
        && matches!(
            scope[k - 2],
            "agreement"
                | "deal"
                | "plan"
                | "effort"
                | "efforts"
                | "attempt"
                | "attempts"
                | "bid"
                | "proposal"
                | "push"
                | "talks"
                | "negotiations"
                | "framework"
                | "initiative"
                | "process"
        )
        && (k + 1..scope.len())
            .take_while(|&m| !matches!(scope[m], "that" | "which" | "who"))
            .any(|m| MODALS.contains(&scope[m]) && scope[m] != "to")
}

/// The span from `only` to the modal when the words at `toks[i..i + len]`
/// open their clause as `only` + noun phrase + `can`/`will`/`would` (an
/// aside between commas may stand before the modal).
fn only_means(toks: &Toks<'_>, i: usize, len: usize) -> Option<(usize, usize)> {
    let only = (i.saturating_sub(3)..i)
        .rev()
        .find(|&k| toks[k] == "only")?;
    let opens_clause = only == 0
        || is_boundary(toks[only - 1])
        || toks[only - 1] == "that"
        || REPORTING_VERBS.contains(&toks[only - 1]);
    if !opens_clause || toks[only + 1..i].iter().any(|&w| is_boundary(w)) {
        return None;
    }
    let mut j = i + len;
    if toks.get(j) == Some(&",") {
        let close = (j + 1..(j + 10).min(toks.len())).find(|&k| toks[k] == ",")?;
        j = close + 1;
    }
    let modal = (j..(j + 3).min(toks.len()))
        .take_while(|&k| !is_boundary(toks[k]))
        .find(|&k| matches!(toks[k], "can" | "will" | "would"))?;
    Some((only, modal + 1))
}

fn is_boundary(w: &str) -> bool {
    matches!(
        w,
        "." | ";"
            | "?"
            | "!"
            | ","
            | "but"
            | "while"
            | "although"
            | "though"
            | "because"
            | "since"
            | "and"
            | "—"
            | "–"
    )
}

fn find_any(pats: &PatternSet, toks: Toks<'_>) -> Option<usize> {
    (0..toks.len()).find(|&k| pats.matches_at(toks, k))
}

fn match_len(pats: &PatternSet, toks: Toks<'_>, k: usize) -> Option<usize> {
    pats.find_at(toks, k).map(|p| p.words.len())
}

fn predicate_len(pats: &PatternSet, toks: Toks<'_>, k: usize) -> Option<usize> {
    pats.predicate_find_at(toks, k).map(|p| p.words.len())
}

fn span(toks: &[&str], a: usize, b: usize) -> String {
    toks[a..b.min(toks.len())].join(" ")
}

/// How many bytes `bytes` starts with are ASCII, eight at a time (whole
/// sentences usually are).
fn ascii_prefix_len(bytes: &[u8]) -> usize {
    use crate::spool_fields::{word_of, HIGHS};
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        if word_of(chunk) & HIGHS != 0 {
            return at + chunk.iter().position(|b| !b.is_ascii()).unwrap_or(0);
        }
        at += 8;
    }
    let rest = chunks.remainder();
    at + rest
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(rest.len())
}

/// `s` lowercased with curly apostrophes straightened (`They’re` →
/// `they're`), copied once unless there is an apostrophe to straighten.
fn lowercase_straight(s: &str) -> String {
    if s.contains('Σ') {
        // Final sigma lowercases by context: leave it to the library.
        return s.to_lowercase().replace(['’', '‘'], "'");
    }
    // One pass that copies ASCII runs whole: the library's lowercasing
    // goes character by character after the first curly quote or dash,
    // and every statement and context sentence passes here.
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = ascii_prefix_len(rest.as_bytes());
        let from = out.len();
        out.push_str(&rest[..ascii]);
        out[from..].make_ascii_lowercase();
        rest = &rest[ascii..];
        if let Some(c) = rest.chars().next() {
            if matches!(c, '’' | '‘') {
                out.push('\'');
            } else {
                out.extend(c.to_lowercase());
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Lowercase word tokens with `n't` split off and punctuation kept as
/// boundary tokens: `They’re not being lifted, ...` →
/// `they're not being lifted , ...`.
pub fn tokens(s: &str) -> Vec<String> {
    let lower = lowercase_straight(s);
    tokens_of_lowercase(&lower)
        .0
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// Where `needle` first occurs in `haystack`. A statement is searched for in
/// its context sentence: a scan for the needle's first byte and a compare at
/// each hit costs less than building a substring searcher for every
/// statement, and long haystacks (where the scan's worst case would show)
/// still get one.
fn find_substring(haystack: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    if hay.len() > 4096 {
        return memchr::memmem::find(hay, needle);
    }
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    let mut from = 0;
    while let Some(k) = memchr::memchr(first, &hay[from..]) {
        let at = from + k;
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Whether `lower[start..end]` (a lowercased text, see
/// [`lowercase_straight`]) tokenizes as the run of `lower`'s tokens that
/// start inside it: no word, joined word (`pro-russian`, `don't`) or
/// shout (`stop!`) crosses either end, so [`tokens_of_lowercase`] is in its
/// starting state at `start` and ends the last word at `end` as it would at
/// the end of the text.
fn cuts_no_token(lower: &str, start: usize, end: usize) -> bool {
    let joins = |c: char| crate::text::is_alphanumeric(c) || matches!(c, '*' | '\'' | '-');
    let alnum = |c: Option<char>| c.is_some_and(crate::text::is_alphanumeric);
    let head = lower.get(..start).unwrap_or("");
    let tail = lower.get(end..).unwrap_or("");
    let mut back = head.chars().rev();
    let mut ahead = tail.chars();
    let (before, before2) = (back.next(), back.next());
    let (after, after2) = (ahead.next(), ahead.next());
    let first = lower.get(start..).and_then(|t| t.chars().next());
    let last = lower.get(..end).and_then(|h| h.chars().next_back());
    // A dot between letters or digits joins them (`u.s`, `1.5`); the last
    // dot of an abbreviation (`u.s.`) is no token.
    let dot_before = before == Some('.') && alnum(before2) && alnum(first);
    let dot_after = after == Some('.')
        && alnum(last)
        && (alnum(after2) || lower.get(..end).is_some_and(last_word_has_dot));
    before.is_none_or(|c| !joins(c))
        && !dot_before
        && after.is_none_or(|c| !joins(c) && c != '!')
        && !dot_after
}

/// Whether the word `text` ends with holds a dot (`u.s`).
fn last_word_has_dot(text: &str) -> bool {
    text.rsplit(|c: char| !(crate::text::is_alphanumeric(c) || matches!(c, '.' | '*' | '\'' | '-')))
        .next()
        .is_some_and(|w| w.trim_end_matches('.').contains('.'))
}

/// [`tokens`] of a text already lowercased by [`lowercase_straight`], with
/// the byte offset in `lower` where each starts.
fn tokens_of_lowercase(lower: &str) -> (Vec<&str>, Vec<usize>) {
    // Every statement and its context sentence are tokenized once per
    // statement, so tokens are slices of the lowercased text (or the
    // `not` of `n't`), not strings of their own.
    fn flush<'a>(word: &'a str, at: usize, out: &mut Vec<&'a str>, starts: &mut Vec<usize>) {
        if word.is_empty() {
            return;
        }
        if let Some(stem) = word.strip_suffix("n't") {
            if !stem.is_empty() {
                out.push(stem);
                out.push("not");
                starts.push(at);
                starts.push(at + stem.len());
                return;
            }
        }
        out.push(word);
        starts.push(at);
    }
    let mut out = Vec::with_capacity(lower.len() / 4 + 1);
    let mut starts = Vec::with_capacity(lower.len() / 4 + 1);
    let bytes = lower.as_bytes();
    let char_at = |i: usize| crate::text::char_at(lower, i);
    // Start of the word being read, if any: a word is a contiguous slice.
    let mut word_start: Option<usize> = None;
    let mut prev_alnum = false;
    let mut i = 0;
    while i < bytes.len() {
        // Runs of ASCII letters and digits (most of any text) are taken
        // whole; other characters are decoded one at a time.
        if bytes[i].is_ascii_alphanumeric() {
            word_start.get_or_insert(i);
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            prev_alnum = true;
            continue;
        }
        if bytes[i] == b' ' {
            // A space (the commonest separator) only ends the word.
            let at = word_start.take().unwrap_or(i);
            flush(&lower[at..i], at, &mut out, &mut starts);
            prev_alnum = false;
            i += 1;
            continue;
        }
        let Some(c) = char_at(i) else { break };
        let alnum = crate::text::is_alphanumeric(c);
        let next_alnum = || char_at(i + c.len_utf8()).is_some_and(crate::text::is_alphanumeric);
        // `pro-Russian`, `Kyiv's`, and the dots inside `u.s.` and `1.5`.
        let joins =
            alnum || c == '*' || (matches!(c, '\'' | '-' | '.') && prev_alnum && next_alnum());
        prev_alnum = alnum;
        if joins {
            word_start.get_or_insert(i);
            i += c.len_utf8();
            continue;
        }
        let at = word_start.unwrap_or(i);
        let word = &lower[at..i];
        word_start = None;
        if c == '!' && !word.is_empty() && word.chars().all(char::is_alphabetic) {
            // `STOP!`
            flush(&lower[at..=i], at, &mut out, &mut starts);
        } else {
            flush(word, at, &mut out, &mut starts);
            // The last dot of `u.s.` ends no clause.
            let abbreviation = c == '.' && word.contains('.');
            if matches!(c, '.' | ',' | ';' | '?' | '!' | ':' | '—' | '–') && !abbreviation {
                out.push(&lower[i..i + c.len_utf8()]);
                starts.push(i);
            }
        }
        i += c.len_utf8();
    }
    let at = word_start.unwrap_or(lower.len());
    flush(&lower[at..], at, &mut out, &mut starts);
    (out, starts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> Vec<(String, &'static str)> {
        Codebook::builtin()
            .label(text, text)
            .into_iter()
            .map(|l| (l.issue, l.label.as_str()))
            .collect()
    }

    #[test]
    fn negated_recognition_is_against() {
        assert_eq!(
            label("We will never recognise the annexation of the peninsula."),
            vec![("crimea".into(), "against")]
        );
    }

    #[test]
    fn double_negation_on_lifting_is_favor_sanctions() {
        assert_eq!(
            label("Brussels will not agree to lift the sanctions."),
            vec![("sanctions".into(), "favor")]
        );
    }

    #[test]
    fn precondition_demands_the_ceasefire() {
        assert_eq!(
            label("There will be no negotiations until a complete truce holds."),
            vec![("ceasefire".into(), "favor")]
        );
    }

    #[test]
    fn conditional_is_no_side() {
        assert_eq!(
            label("If Moscow accepts a truce, talks could start."),
            vec![("ceasefire".into(), "neutral")]
        );
    }

    /// Wildcard patterns are listed by their first byte: a token is tried
    /// against exactly the wildcards it starts with, longest pattern first,
    /// in the order of the codebook. `*` alone is no pattern.
    #[test]
    fn wildcards_are_tried_by_first_letter_in_pattern_order() {
        let set = compile(&["stop*", "stall*", "st* now", "s*", "*", "x*"].map(String::from));
        let tried = |tok: &str| {
            let mut seen = Vec::new();
            set.first_candidate(tok, NO_WORD, |p| {
                seen.push(
                    p.words
                        .iter()
                        .map(|(w, _)| w.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                false
            });
            seen
        };
        assert_eq!(tried("stopping"), ["st now", "stop", "s"]);
        assert_eq!(tried("xylophone"), ["x"]);
        assert!(tried("ceasefire").is_empty() && tried("").is_empty());
    }

    /// The character-at-a-time tokenizer `tokens` replaced: the slicing
    /// one must give the same tokens on any text.
    fn tokens_by_char(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        let flush = |cur: &mut String, out: &mut Vec<String>| {
            if !cur.is_empty() {
                let w = std::mem::take(cur);
                if let Some(stem) = w.strip_suffix("n't") {
                    if !stem.is_empty() {
                        out.push(stem.to_string());
                        out.push("not".to_string());
                        return;
                    }
                }
                out.push(w);
            }
        };
        let chars: Vec<char> = lowercase_straight(s).chars().collect();
        for (idx, &c) in chars.iter().enumerate() {
            let next_alnum = chars
                .get(idx + 1)
                .is_some_and(|&n| crate::text::is_alphanumeric(n));
            let prev_alnum = idx > 0 && crate::text::is_alphanumeric(chars[idx - 1]);
            if crate::text::is_alphanumeric(c)
                || c == '*'
                || (matches!(c, '\'' | '-' | '.') && prev_alnum && next_alnum)
            {
                cur.push(c);
            } else if c == '!' && cur.chars().all(|x| x.is_alphabetic()) && !cur.is_empty() {
                cur.push(c);
                flush(&mut cur, &mut out);
            } else {
                let abbreviation = c == '.' && cur.contains('.');
                flush(&mut cur, &mut out);
                if matches!(c, '.' | ',' | ';' | '?' | '!' | ':' | '—' | '–') && !abbreviation {
                    out.push(c.to_string());
                }
            }
        }
        flush(&mut cur, &mut out);
        out
    }

    proptest::proptest! {
        #[test]
        fn ascii_prefixes_are_measured_exactly(s in "([a-z ]|é|К){0,40}") {
            let expected = s.bytes().position(|b| !b.is_ascii()).unwrap_or(s.len());
            proptest::prop_assert_eq!(ascii_prefix_len(s.as_bytes()), expected);
        }

        #[test]
        fn lowercase_straight_is_the_library_lowercase_with_straight_quotes(
            s in "([a-zA-Z0-9 ,.'’‘“”—]|İ|ẞ|Σ|ΑΣ |É|К|ǅ){0,40}"
        ) {
            proptest::prop_assert_eq!(
                lowercase_straight(&s),
                s.to_lowercase().replace(['’', '‘'], "'")
            );
        }

        #[test]
        fn tokens_match_the_character_tokenizer(
            s in "([a-zA-Z0-9*!'’‘\\-.,;?:—– İẞ]|n't|STOP!|ÉTÉ){0,40}"
        ) {
            proptest::prop_assert_eq!(tokens(&s), tokens_by_char(&s));
        }

        /// Wherever [`cuts_no_token`] holds, a statement's tokens are the
        /// run of its context's tokens that start inside it, which is how
        /// [`Codebook::label`] reads a statement standing in its context.
        #[test]
        fn a_span_cutting_no_token_has_the_tokens_of_its_context_run(
            s in "([a-z0-9*!'\\-.,;?:—– é]|n't|stop!|été){0,30}"
        ) {
            let lower = lowercase_straight(&s);
            let (words, starts) = tokens_of_lowercase(&lower);
            let bounds: Vec<usize> = (0..=lower.len()).filter(|&b| lower.is_char_boundary(b)).collect();
            for (k, &a) in bounds.iter().enumerate() {
                for &b in &bounds[k..] {
                    if !cuts_no_token(&lower, a, b) {
                        continue;
                    }
                    let first = starts.partition_point(|&x| x < a);
                    let end = starts.partition_point(|&x| x < b);
                    proptest::prop_assert_eq!(
                        &words[first..end],
                        &tokens_of_lowercase(&lower[a..b]).0[..],
                        "span {}..{} of {:?}", a, b, lower
                    );
                }
            }
        }
    }

    /// An extension that fails half-way leaves issues it stored before the
    /// bad one without their token filter: labelling must not panic on them
    /// (a library caller may go on after the error).
    #[test]
    fn labelling_after_a_failed_extension_does_not_panic() {
        let mut cb = Codebook::builtin();
        let bad = "[[issue]]\nid=\"crimea\"\ntopic=[\"crimea\"]\n\
                   [[issue]]\nid=\"bad id\"\ntopic=[\"x\"]";
        assert!(cb.extend_from_toml(bad).is_err());
        let _ = cb.label("Crimea is ours", "Crimea is ours");
    }

    #[test]
    fn find_substring_finds_the_first_occurrence_short_and_long() {
        assert_eq!(find_substring("a ab abc", "abc"), Some(5));
        assert_eq!(find_substring("a ab abc", "abd"), None);
        assert_eq!(find_substring("abc", ""), Some(0));
        let long = format!("{}needle", "n".repeat(5000));
        assert_eq!(find_substring(&long, "needle"), Some(5000));
        assert_eq!(find_substring(&long, "needles"), None);
    }

    /// A statement inside its context is labelled as when it is tokenized
    /// on its own: its issue is found in its own words even where the
    /// context joins a word across its edge (`pro-` + `ceasefire`).
    #[test]
    fn a_statement_in_its_context_is_labelled_on_its_own_words() {
        let cb = Codebook::builtin();
        let text = "We will never recognise the annexation of Crimea.";
        let context = format!("“{text}” the minister said.");
        let alone = cb.label(text, text);
        let inside = cb.label(text, &context);
        assert_eq!(alone.len(), 1);
        assert_eq!(inside[0].issue, alone[0].issue);
        assert_eq!(inside[0].label, alone[0].label);
        // A context whose word runs into the statement's first word: the
        // statement is tokenized separately, never as a piece of `x-we`.
        let joined = format!("x-{text}");
        assert_eq!(cb.label(text, &joined)[0].label, alone[0].label);
    }

    #[test]
    fn tokens_keep_shouts_and_joined_words() {
        assert_eq!(
            tokens("STOP! Pro-Kremlin rock'n'roll — isn’t it?"),
            vec![
                "stop!",
                "pro-kremlin",
                "rock'n'roll",
                "—",
                "is",
                "not",
                "it",
                "?"
            ]
        );
    }

    #[test]
    fn tokens_split_negation() {
        assert_eq!(
            tokens("They won’t lift it"),
            vec!["they", "wo", "not", "lift", "it"]
        );
    }
}
