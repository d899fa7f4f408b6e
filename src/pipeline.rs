//! The per-article pipeline (extract → attribute → label) and the
//! corpus-wide speaker merge that runs after it.
//!
//! [`Pipeline::process`] depends only on one document, so it runs in
//! parallel and in any order; [`merge_speakers`] then folds spelling
//! variants and surname-only mentions of discovered people across
//! documents, which is the only step that needs the whole corpus.

use std::collections::BTreeMap;

use crate::actors::{translit_key, Registry};
use crate::document::Document;
use crate::extract::Extractor;
use crate::ingest::has_headline;
use crate::stance::Codebook;
use crate::statement::{StanceLabel, Statement};

/// Everything needed to process articles.
#[derive(Debug, Clone)]
pub struct Pipeline {
    /// Extraction and attribution.
    pub extractor: Extractor,
    /// Stance labelling.
    pub codebook: Codebook,
}

impl Pipeline {
    /// The built-in registry, lexicons and codebook.
    pub fn builtin() -> Pipeline {
        Pipeline {
            extractor: Extractor::builtin(),
            codebook: Codebook::builtin(),
        }
    }

    /// Extracts, attributes and labels the statements of one document.
    ///
    /// ```
    /// use stancetrack::{document::Document, pipeline::Pipeline};
    /// let doc = Document {
    ///     id: "a.txt".into(),
    ///     text: "Talks\n\n“We will never recognise the annexation,” the minister, Oleh Tkach, said.\n".into(),
    ///     title: "Talks".into(),
    ///     ..Document::default()
    /// };
    /// let found = Pipeline::builtin().process(&doc);
    /// assert_eq!(found[0].text, "We will never recognise the annexation,");
    /// assert_eq!(found[0].label("crimea").unwrap().label.as_str(), "against");
    /// ```
    pub fn process(&self, doc: &Document) -> Vec<Statement> {
        let found = self.extractor.extract(doc, has_headline(doc));
        let mut out: Vec<Statement> = Vec::with_capacity(found.len());
        for (n, f) in found.into_iter().enumerate() {
            let text = doc.text[f.start..f.end].to_string();
            let mut stance = self.codebook.label(&text, &f.context);
            if f.continues {
                // A quotation continuing the same speaker's previous one
                // (`“A,” she said. “B.”`) inherits the issues of what it
                // continues: it is labelled on them with the previous words
                // as context (`“... recognise the occupation of Crimea,” he
                // said. “It is against our constitution.”` is against).
                if let Some(prev) = out.iter().rev().find(|p| p.speaker == f.speaker.name) {
                    let joined = format!("{} {}", prev.text, text);
                    for l in self.codebook.label(&text, &joined) {
                        let inherited = prev.label(&l.issue).is_some();
                        if inherited && stance.iter().all(|s| s.issue != l.issue) {
                            stance.push(StanceLabel {
                                rule: format!("{} inherited-issue[{}]", l.rule, prev.id),
                                ..l
                            });
                        }
                    }
                    let order = self.codebook.issue_ids();
                    stance.sort_by_key(|l| order.iter().position(|i| *i == l.issue));
                }
            }
            out.push(Statement {
                id: format!("{}#{}", doc.id, n + 1),
                doc: doc.id.clone(),
                outlet: doc.outlet.clone(),
                date: doc.date.clone(),
                kind: f.kind,
                speaker: f.speaker.name,
                speaker_mention: f.speaker.mention,
                anonymous: f.speaker.anonymous,
                affiliation: f.speaker.affiliation,
                cue: f.cue,
                text,
                start: f.start,
                end: f.end,
                stance,
            });
        }
        out
    }
}

/// Folds speaker names of people not in the registry across documents:
/// spelling variants of one name take its most frequent spelling, and a
/// surname alone joins the one full name in the corpus that ends with it.
pub fn merge_speakers(statements: &mut [Statement], registry: &Registry) {
    let mut spellings: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for s in statements.iter() {
        let Some(name) = &s.speaker else { continue };
        if s.anonymous || registry.lookup(name).is_some() {
            continue;
        }
        *spellings
            .entry(translit_key(name))
            .or_default()
            .entry(name.clone())
            .or_default() += 1;
    }
    let mut canonical: BTreeMap<String, String> = BTreeMap::new();
    for (key, names) in &spellings {
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
    let singles: Vec<String> = canonical
        .keys()
        .filter(|k| !k.contains(' '))
        .cloned()
        .collect();
    for single in singles {
        let hits: Vec<&(String, String)> = full
            .iter()
            .filter(|(k, _)| k.rsplit(' ').next() == Some(single.as_str()))
            .collect();
        if let [(_, name)] = hits.as_slice() {
            canonical.insert(single, name.clone());
        }
    }
    let mut affiliation: BTreeMap<String, String> = BTreeMap::new();
    for s in statements.iter_mut() {
        let Some(name) = &s.speaker else { continue };
        if s.anonymous {
            continue;
        }
        if let Some(c) = canonical.get(&translit_key(name)) {
            s.speaker = Some(c.clone());
        }
        if let Some(name) = &s.speaker {
            if !s.affiliation.is_empty() {
                affiliation
                    .entry(name.clone())
                    .or_insert_with(|| s.affiliation.clone());
            }
        }
    }
    for s in statements.iter_mut() {
        if s.affiliation.is_empty() {
            if let Some(a) = s.speaker.as_ref().and_then(|n| affiliation.get(n)) {
                s.affiliation = a.clone();
            }
        }
    }
}
