//! The actor × issue stance matrix: one row per canonical actor (or per
//! affiliation with `--group-by affiliation`), one cell per codebook issue.
//!
//! A cell is `favor` or `against` when all the actor's stance-bearing
//! statements on the issue agree, `mixed` when they conflict, `neutral` when
//! the actor only spoke to the issue without taking a side, and empty when it
//! never spoke to it. Each cell keeps its counts and the ids of the statements
//! behind it, so any value can be traced back to its quotes.

use std::collections::BTreeMap;

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
    pub evidence: Vec<String>,
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
    build(statements, |s| {
        s.speaker.clone().map(|name| (name, s.affiliation.clone()))
    })
}

/// Builds the matrix rolled up to affiliations (speakers without one are left out).
pub fn by_affiliation(statements: &[Statement]) -> Vec<Row> {
    build(statements, |s| {
        (s.speaker.is_some() && !s.affiliation.is_empty())
            .then(|| (s.affiliation.clone(), String::new()))
    })
}

fn build(
    statements: &[Statement],
    key: impl Fn(&Statement) -> Option<(String, String)>,
) -> Vec<Row> {
    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    for s in statements {
        let Some((actor, affiliation)) = key(s) else {
            continue;
        };
        let row = rows.entry(actor.clone()).or_insert_with(|| Row {
            actor,
            ..Row::default()
        });
        if row.affiliation.is_empty() {
            row.affiliation = affiliation;
        }
        row.statements += 1;
        for l in &s.stance {
            let cell = row.cells.entry(l.issue.clone()).or_default();
            match l.label {
                Label::Favor => cell.favor += 1,
                Label::Against => cell.against += 1,
                Label::Neutral => cell.neutral += 1,
            }
            cell.evidence.push(s.id.clone());
        }
    }
    rows.into_values().collect()
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
        assert_eq!(rows[1].cells["nato"].evidence, vec!["c", "d"]);
    }
}
