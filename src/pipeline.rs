//! The per-article pipeline (extract → attribute → label) and the
//! corpus-wide speaker merge that runs after it.
//!
//! [`Pipeline::process`] depends only on one document, so it runs in
//! parallel and in any order; [`merge_speakers`] then folds spelling
//! variants and surname-only mentions of discovered people across
//! documents, which is the only step that needs the whole corpus.

use crate::actors::Registry;
use crate::document::Document;
use crate::extract::Extractor;
use crate::ingest::has_headline;
use crate::speaker_merge::SpeakerMerge;
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
            // `According to a Novus poll, 71 percent of Swedes want the
            // sanctions to remain`: a poll reports what others think; its
            // author takes no side.
            let mut stance = if reports_poll(&f.speaker.mention) {
                Vec::new()
            } else if f.interrupted {
                self.codebook.label(&f.context, &f.context)
            } else {
                self.codebook.label(&text, &f.context)
            };
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
                id: statement_id(&doc.id, n + 1),
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

/// Whether a speaker's mention is a poll or survey (`a survey by Alpha
/// Research`, `a Novus poll for Sveriges Radio`).
fn reports_poll(mention: &str) -> bool {
    mention.split(|c: char| !c.is_alphanumeric()).any(|w| {
        ["poll", "polls", "survey", "surveys"]
            .iter()
            .any(|p| w.eq_ignore_ascii_case(p))
    })
}

/// `doc#n`, the id of a document's `n`th statement. Every statement gets
/// one, and `format!` costs several times the two copies.
fn statement_id(doc: &str, n: usize) -> String {
    let mut buffer = [0; 20];
    let digits = crate::spool_fields::decimal(n, &mut buffer);
    let mut id = String::with_capacity(doc.len() + 1 + digits.len());
    id.push_str(doc);
    id.push('#');
    id.push_str(digits);
    id
}

/// Folds speaker names of people not in the registry across documents:
/// spelling variants of one name take its most frequent spelling, and a
/// surname alone joins the one full name in the corpus that ends with it
/// (the in-memory form of [`SpeakerMerge`]).
pub fn merge_speakers(statements: &mut [Statement], registry: &Registry) {
    let mut merge = SpeakerMerge::new();
    for s in statements.iter() {
        merge.observe(s, registry);
    }
    merge.resolve();
    for s in statements.iter_mut() {
        merge.apply(s);
    }
}

#[cfg(test)]
mod tests {
    use super::statement_id;

    proptest::proptest! {
        #[test]
        fn statement_ids_read_like_format(doc in "[a-z0-9_.#]{0,12}", n in 0usize..usize::MAX) {
            proptest::prop_assert_eq!(statement_id(&doc, n), format!("{doc}#{n}"));
        }
    }

    /// Regression: the reporting clause inside `The ceasefire, Peskov said,
    /// was unacceptable.` cut the judgement from its subject, and the
    /// statement had no stance.
    #[test]
    fn stance_reaches_across_an_interrupting_reporting_clause() {
        use crate::document::Document;
        let doc = Document {
            id: "a.txt".into(),
            title: "Talks".into(),
            text: "Talks\n\nThe ceasefire, Peskov said, was unacceptable.\n\n\
                   Sanctions, Kallas said, would never be lifted.\n"
                .into(),
            ..Document::default()
        };
        let found = super::Pipeline::builtin().process(&doc);
        let labels: Vec<(&str, &str, &str)> = found
            .iter()
            .flat_map(|s| {
                s.stance.iter().map(move |l| {
                    (
                        s.speaker.as_deref().unwrap_or(""),
                        l.issue.as_str(),
                        l.label.as_str(),
                    )
                })
            })
            .collect();
        assert_eq!(
            labels,
            vec![
                ("Dmitry Peskov", "ceasefire", "against"),
                ("Kaja Kallas", "sanctions", "favor"),
            ]
        );
    }

    #[test]
    fn statement_ids_of_the_first_statements() {
        assert_eq!(statement_id("001_a.txt", 1), "001_a.txt#1");
        assert_eq!(statement_id("d", 10), "d#10");
        assert_eq!(statement_id("d", 0), "d#0");
    }
}
