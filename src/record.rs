//! The JSONL form of a statement: one line of `quotes.jsonl`, of
//! `stancetrack extract`'s output and of the partial outputs
//! `stancetrack merge` reduces.
//!
//! A record carries the statement as written to `quotes.csv` (canonical
//! speaker and affiliation after the corpus-wide merge) and, in `found`, the
//! speaker and affiliation as extraction found them in the article. The
//! merge of spelling variants depends on the whole corpus, so a reducer
//! needs the found values to redo it over the union of its parts: that is
//! what makes `merge(run(A), run(B))` equal `run(A ∪ B)`.

use serde::{Deserialize, Serialize};

use crate::statement::{Kind, Label, StanceLabel, Statement};

/// One statement as a JSON object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// `{doc}#{n}`.
    pub id: String,
    /// Document id.
    pub doc: String,
    /// Outlet.
    pub outlet: String,
    /// Date.
    pub date: String,
    /// `direct`, `fragment`, `indirect` or `mixed`.
    pub kind: String,
    /// Canonical speaker (`null` when the article never names one).
    pub speaker: Option<String>,
    /// The words the article used for the speaker.
    pub speaker_mention: String,
    /// Unnamed source.
    pub anonymous: bool,
    /// Affiliation of the speaker, when known.
    pub affiliation: String,
    /// Reporting cue.
    pub cue: String,
    /// Statement text (a slice of the document text).
    pub text: String,
    /// Byte offset of `text` in the document.
    pub start: usize,
    /// Byte offset one past the end of `text`.
    pub end: usize,
    /// Stance labels in codebook order.
    pub stance: Vec<RecordLabel>,
    /// Speaker and affiliation before the corpus-wide merge.
    pub found: Found,
}

/// One stance label in a [`Record`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordLabel {
    /// Issue id.
    pub issue: String,
    /// `favor`, `against` or `neutral`.
    pub label: String,
    /// The rule that fired.
    pub rule: String,
}

/// What extraction found, before speakers were merged across documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    /// Speaker as attributed within the article.
    pub speaker: Option<String>,
    /// Affiliation as known within the article.
    pub affiliation: String,
}

impl Record {
    /// The record of a statement: `found` is the statement as extracted,
    /// `merged` the same statement after the corpus-wide speaker merge.
    pub fn new(found: &Statement, merged: &Statement) -> Record {
        Record {
            id: merged.id.clone(),
            doc: merged.doc.clone(),
            outlet: merged.outlet.clone(),
            date: merged.date.clone(),
            kind: merged.kind.as_str().to_string(),
            speaker: merged.speaker.clone(),
            speaker_mention: merged.speaker_mention.clone(),
            anonymous: merged.anonymous,
            affiliation: merged.affiliation.clone(),
            cue: merged.cue.clone(),
            text: merged.text.clone(),
            start: merged.start,
            end: merged.end,
            stance: merged
                .stance
                .iter()
                .map(|l| RecordLabel {
                    issue: l.issue.clone(),
                    label: l.label.as_str().to_string(),
                    rule: l.rule.clone(),
                })
                .collect(),
            found: Found {
                speaker: found.speaker.clone(),
                affiliation: found.affiliation.clone(),
            },
        }
    }

    /// The statement as extraction found it (speaker and affiliation from
    /// `found`), ready to be merged again; `None` names the bad field.
    pub fn into_found_statement(self) -> Result<Statement, String> {
        let kind =
            Kind::parse(&self.kind).ok_or_else(|| format!("unknown kind {:?}", self.kind))?;
        let mut stance = Vec::with_capacity(self.stance.len());
        for l in self.stance {
            let label =
                Label::parse(&l.label).ok_or_else(|| format!("unknown label {:?}", l.label))?;
            stance.push(StanceLabel {
                issue: l.issue,
                label,
                rule: l.rule,
            });
        }
        if self.start > self.end {
            return Err(format!("start {} is after end {}", self.start, self.end));
        }
        Ok(Statement {
            id: self.id,
            doc: self.doc,
            outlet: self.outlet,
            date: self.date,
            kind,
            speaker: self.found.speaker,
            speaker_mention: self.speaker_mention,
            anonymous: self.anonymous,
            affiliation: self.found.affiliation,
            cue: self.cue,
            text: self.text,
            start: self.start,
            end: self.end,
            stance,
        })
    }

    /// One JSON line (with the trailing newline).
    pub fn to_line(&self) -> String {
        // Serialising plain strings, numbers and booleans cannot fail.
        let mut line = serde_json::to_string(self).unwrap_or_default();
        line.push('\n');
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_round_trips_to_the_found_statement() {
        let found = Statement {
            id: "a#1".into(),
            doc: "a".into(),
            outlet: "O".into(),
            date: "2025-01-02".into(),
            kind: Kind::Mixed,
            speaker: Some("Andriy Sybiga".into()),
            speaker_mention: "Sybiga".into(),
            anonymous: false,
            affiliation: String::new(),
            cue: "said".into(),
            text: "that \"x\"".into(),
            start: 3,
            end: 11,
            stance: vec![StanceLabel {
                issue: "nato".into(),
                label: Label::Favor,
                rule: "nato:r[\"x\"]".into(),
            }],
        };
        let merged = Statement {
            speaker: Some("Andrii Sybiha".into()),
            affiliation: "Ukraine".into(),
            ..found.clone()
        };
        let rec = Record::new(&found, &merged);
        let line = rec.to_line();
        let back: Record = serde_json::from_str(&line).unwrap();
        assert_eq!(back.speaker.as_deref(), Some("Andrii Sybiha"));
        assert_eq!(back.into_found_statement().unwrap(), found);
    }
}
