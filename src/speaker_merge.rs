//! The corpus-wide speaker merge, in streaming form: [`SpeakerMerge`] sees
//! every statement once ([`SpeakerMerge::observe`]), then maps each one to
//! its canonical speaker ([`SpeakerMerge::apply`]).
//!
//! Spelling variants of one discovered name (`Sybiga`/`Sybiha`) take the
//! most frequent spelling in the corpus, and a surname alone joins the one
//! full name in the corpus that ends with it. Both depend on the whole
//! corpus, but only through a table of distinct names, so the statements
//! themselves can stay on disk between the two passes.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use crate::actors::{translit, Registry};
use crate::statement::Statement;

/// Name statistics gathered over a corpus, then the canonical names.
#[derive(Debug, Clone, Default)]
pub struct SpeakerMerge {
    /// Transliteration key → spelling → statements.
    spellings: BTreeMap<String, BTreeMap<String, usize>>,
    /// Found speaker → (position of its first statement with an
    /// affiliation, that affiliation).
    first_affiliation: BTreeMap<String, (usize, String)>,
    observed: usize,
    // The two maps every statement is looked up in (only looked up, never
    // iterated: their order reaches no output).
    canonical: FxHashMap<String, String>,
    affiliation: FxHashMap<String, String>,
}

impl SpeakerMerge {
    /// An empty merge.
    pub fn new() -> SpeakerMerge {
        SpeakerMerge::default()
    }

    /// Records one statement as extraction found it; statements must be
    /// observed in corpus order.
    pub fn observe(&mut self, s: &Statement, registry: &Registry) {
        let position = self.observed;
        self.observed += 1;
        let Some(name) = &s.speaker else { return };
        if s.anonymous {
            return;
        }
        if registry.lookup(name).is_none() {
            // Keys and spellings are copied only when first seen.
            let key = translit(name);
            let spellings = match self.spellings.get_mut(&*key) {
                Some(spellings) => spellings,
                None => self.spellings.entry(key.to_string()).or_default(),
            };
            match spellings.get_mut(name.as_str()) {
                Some(count) => *count += 1,
                None => {
                    spellings.insert(name.clone(), 1);
                }
            }
        }
        if !s.affiliation.is_empty() && !self.first_affiliation.contains_key(name) {
            self.first_affiliation
                .insert(name.clone(), (position, s.affiliation.clone()));
        }
    }

    /// Decides the canonical names once every statement was observed.
    pub fn resolve(&mut self) {
        let mut canonical: BTreeMap<String, String> = BTreeMap::new();
        for (key, names) in &self.spellings {
            let best = names
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(n, _)| n.clone())
                .unwrap_or_default();
            canonical.insert(key.clone(), best);
        }
        // Surname-only keys join a unique full name ending with that word.
        let full: Vec<(String, String)> = canonical
            .iter()
            .filter(|(k, _)| k.contains(' '))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        // A lowercase one-word speaker is a description (`office`,
        // `administration`: `Ukraine's statistics office reported ...`), not
        // a surname: it names no one of the corpus's full names.
        let singles: Vec<String> = canonical
            .iter()
            .filter(|(k, v)| !k.contains(' ') && !v.starts_with(|c: char| c.is_lowercase()))
            .map(|(k, _)| k.clone())
            .collect();
        // Only a proper name ends in a surname: `The Government said` at a
        // sentence's start is not another article's `Hungary government`.
        let ends_in_proper_name = |v: &str| {
            v.rsplit(' ')
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        };
        for single in singles {
            let hits: Vec<&(String, String)> = full
                .iter()
                .filter(|(k, v)| {
                    k.rsplit(' ').next() == Some(single.as_str()) && ends_in_proper_name(v)
                })
                .collect();
            if let [(_, name)] = hits.as_slice() {
                canonical.insert(single, name.clone());
            }
        }
        self.canonical = canonical.into_iter().collect();
        // A merged speaker takes the affiliation of its earliest statement
        // that has one, whichever spelling that statement used.
        let mut earliest: BTreeMap<String, (usize, String)> = BTreeMap::new();
        for (name, (position, affiliation)) in &self.first_affiliation {
            let merged = self.canonical_name(name);
            let slot = earliest
                .entry(merged)
                .or_insert((*position, affiliation.clone()));
            if *position < slot.0 {
                *slot = (*position, affiliation.clone());
            }
        }
        self.affiliation = earliest.into_iter().map(|(k, (_, a))| (k, a)).collect();
    }

    fn canonical_name(&self, name: &str) -> String {
        self.canonical_of(name).unwrap_or(name).to_string()
    }

    /// The canonical spelling of `name`, when it has one.
    fn canonical_of(&self, name: &str) -> Option<&str> {
        self.canonical.get(&*translit(name)).map(String::as_str)
    }

    /// The statement with its canonical speaker and, when it had none, the
    /// speaker's affiliation ([`SpeakerMerge::resolve`] must have run).
    pub fn apply(&self, s: &mut Statement) {
        if !s.anonymous {
            // Every statement of the corpus passes here; most speakers are
            // spelled canonically already and keep their string.
            if let Some(name) = &mut s.speaker {
                if let Some(canonical) = self.canonical_of(name) {
                    if canonical != name.as_str() {
                        *name = canonical.to_string();
                    }
                }
            }
        }
        if s.affiliation.is_empty() {
            if let Some(a) = s.speaker.as_ref().and_then(|n| self.affiliation.get(n)) {
                s.affiliation = a.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::Kind;

    fn said(speaker: &str) -> Statement {
        Statement {
            id: String::new(),
            doc: "d.txt".into(),
            outlet: String::new(),
            date: String::new(),
            kind: Kind::Indirect,
            speaker: Some(speaker.into()),
            speaker_mention: speaker.into(),
            anonymous: false,
            affiliation: String::new(),
            cue: "said".into(),
            text: "the talks would resume".into(),
            start: 0,
            end: 0,
            stance: Vec::new(),
        }
    }

    fn merged(speakers: &[&str]) -> Vec<String> {
        let registry = Registry::builtin();
        let mut statements: Vec<Statement> = speakers.iter().map(|s| said(s)).collect();
        let mut merge = SpeakerMerge::new();
        for s in &statements {
            merge.observe(s, &registry);
        }
        merge.resolve();
        statements
            .iter_mut()
            .map(|s| {
                merge.apply(s);
                s.speaker.clone().unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn a_surname_joins_the_one_full_name_ending_with_it() {
        assert_eq!(
            merged(&["Halyna Moroz", "Moroz"]),
            ["Halyna Moroz", "Halyna Moroz"]
        );
    }

    #[test]
    fn a_capitalised_common_noun_joins_no_description() {
        // `The Government said` in one article is not `Hungary government`
        // in another.
        assert_eq!(
            merged(&["Hungary government", "Government"]),
            ["Hungary government", "Government"]
        );
    }

    #[test]
    fn a_lowercase_description_joins_no_full_name() {
        // `Ukraine's statistics office reported ...` is not the U.N. office
        // another article quoted.
        assert_eq!(
            merged(&["U.N. human rights office", "office"]),
            ["U.N. human rights office", "office"]
        );
    }
}
