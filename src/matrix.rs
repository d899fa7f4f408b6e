//! The actor × issue stance matrix: one row per canonical actor (or per
//! affiliation with `--group-by affiliation`), one cell per codebook issue.
//!
//! A cell is `favor` or `against` when all the actor's stance-bearing
//! statements on the issue agree, `mixed` when they conflict, `neutral` when
//! the actor only spoke to the issue without taking a side, and empty when it
//! never spoke to it. Each cell keeps its counts and the ids of the statements
//! behind it, so any value can be traced back to its quotes.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use crate::statement::{Label, Statement};

/// One cell's summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// Statements labelled favor.
    pub favor: usize,
    /// Statements labelled against.
    pub against: usize,
    /// Statements labelled neutral.
    pub neutral: usize,
    /// Ids of the statements behind the cell, in statement order.
    pub evidence: Evidence,
}

/// The ids of a cell's statements, in statement order, kept as one string
/// and the end of each id in it: a corpus-wide matrix holds every
/// stance-bearing statement's id, and one allocation per id would make it
/// the largest thing in memory of a long streaming run.
///
/// ```
/// use stancetrack::matrix::Evidence;
/// let mut e = Evidence::default();
/// e.push("apnews-1#2");
/// e.push("doc with spaces#1");
/// assert_eq!(e.iter().collect::<Vec<_>>(), ["apnews-1#2", "doc with spaces#1"]);
/// assert_eq!(e.join(" "), "apnews-1#2 doc with spaces#1");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    ids: String,
    ends: Vec<usize>,
}

impl Evidence {
    /// Adds the next statement's id.
    pub fn push(&mut self, id: &str) {
        self.ids.push_str(id);
        self.ends.push(self.ids.len());
    }

    /// The ids in statement order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(a, b)| &self.ids[a..b])
    }

    /// The first id.
    pub fn first(&self) -> Option<&str> {
        self.iter().next()
    }

    /// Number of ids.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// No ids.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The ids joined by `separator`.
    pub fn join(&self, separator: &str) -> String {
        let mut out = String::with_capacity(self.ids.len() + separator.len() * self.len());
        for (k, id) in self.iter().enumerate() {
            if k > 0 {
                out.push_str(separator);
            }
            out.push_str(id);
        }
        out
    }
}

impl Cell {
    /// The cell value: `favor`, `against`, `mixed`, `neutral` or empty.
    pub fn value(&self) -> &'static str {
        match (self.favor > 0, self.against > 0) {
            (true, true) => "mixed",
            (true, false) => "favor",
            (false, true) => "against",
            (false, false) if self.neutral > 0 => "neutral",
            _ => "",
        }
    }

    /// Number of statements on the issue.
    pub fn count(&self) -> usize {
        self.favor + self.against + self.neutral
    }
}

/// One matrix row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// Actor (or affiliation) name.
    pub actor: String,
    /// Affiliation (for actor rows).
    pub affiliation: String,
    /// Statements by the actor, with or without stance.
    pub statements: usize,
    /// Cells by issue id.
    pub cells: BTreeMap<String, Cell>,
}

/// Builds the matrix, one row per speaker (sorted by name).
pub fn by_actor(statements: &[Statement]) -> Vec<Row> {
    let mut m = MatrixBuilder::by_actor();
    statements.iter().for_each(|s| m.add(s));
    m.rows()
}

/// Builds the matrix rolled up to affiliations (speakers without one are left out).
pub fn by_affiliation(statements: &[Statement]) -> Vec<Row> {
    let mut m = MatrixBuilder::by_affiliation();
    statements.iter().for_each(|s| m.add(s));
    m.rows()
}

/// How statements are grouped into rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grouping {
    Actor,
    Affiliation,
}

/// The matrix built one statement at a time, so a run can stream its
/// statements: it keeps one row per actor and, per cell, the counts and
/// the ids of the stance-bearing statements (the evidence), never the
/// statements themselves.
#[derive(Debug, Clone)]
pub struct MatrixBuilder {
    grouping: Grouping,
    /// Rows by actor, sorted only when handed over: every statement looks
    /// its row up.
    rows: FxHashMap<String, Row>,
}

impl MatrixBuilder {
    /// One row per speaker.
    pub fn by_actor() -> MatrixBuilder {
        MatrixBuilder {
            grouping: Grouping::Actor,
            rows: FxHashMap::default(),
        }
    }

    /// One row per affiliation (speakers without one are left out).
    pub fn by_affiliation() -> MatrixBuilder {
        MatrixBuilder {
            grouping: Grouping::Affiliation,
            rows: FxHashMap::default(),
        }
    }

    /// Counts one statement (statements must come in corpus order, which is
    /// the order of each cell's evidence).
    pub fn add(&mut self, s: &Statement) {
        let key = match self.grouping {
            Grouping::Actor => s
                .speaker
                .as_ref()
                .map(|name| (name, s.affiliation.as_str())),
            Grouping::Affiliation => {
                (s.speaker.is_some() && !s.affiliation.is_empty()).then_some((&s.affiliation, ""))
            }
        };
        let Some((actor, affiliation)) = key else {
            return;
        };
        if !self.rows.contains_key(actor) {
            self.rows.insert(
                actor.clone(),
                Row {
                    actor: actor.clone(),
                    ..Row::default()
                },
            );
        }
        let Some(row) = self.rows.get_mut(actor) else {
            return;
        };
        if row.affiliation.is_empty() {
            row.affiliation = affiliation.to_string();
        }
        row.statements += 1;
        for l in &s.stance {
            let cell = row.cells.entry(l.issue.clone()).or_default();
            match l.label {
                Label::Favor => cell.favor += 1,
                Label::Against => cell.against += 1,
                Label::Neutral => cell.neutral += 1,
            }
            cell.evidence.push(&s.id);
        }
    }

    /// The rows, sorted by name.
    pub fn rows(self) -> Vec<Row> {
        self.into_rows().collect()
    }

    /// The rows, sorted by name, handed over one at a time (a writer that
    /// renders each row as it comes frees the matrix as it goes).
    pub fn into_rows(self) -> impl Iterator<Item = Row> {
        let mut rows: Vec<(String, Row)> = self.rows.into_iter().collect();
        rows.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        rows.into_iter().map(|(_, row)| row)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::{Kind, StanceLabel};

    fn st(id: &str, speaker: &str, label: Label) -> Statement {
        Statement {
            id: id.into(),
            doc: "d".into(),
            outlet: String::new(),
            date: String::new(),
            kind: Kind::Direct,
            speaker: Some(speaker.into()),
            speaker_mention: speaker.into(),
            anonymous: false,
            affiliation: "X".into(),
            cue: "said".into(),
            text: "t".into(),
            start: 0,
            end: 1,
            stance: vec![StanceLabel {
                issue: "nato".into(),
                label,
                rule: String::new(),
            }],
        }
    }

    #[test]
    fn conflicting_statements_are_mixed_and_neutral_does_not_conflict() {
        let rows = by_actor(&[
            st("a", "A", Label::Favor),
            st("b", "A", Label::Against),
            st("c", "B", Label::Neutral),
            st("d", "B", Label::Favor),
        ]);
        assert_eq!(rows[0].cells["nato"].value(), "mixed");
        assert_eq!(rows[1].cells["nato"].value(), "favor");
        let evidence: Vec<&str> = rows[1].cells["nato"].evidence.iter().collect();
        assert_eq!(evidence, ["c", "d"]);
    }
}
