//! The unit of output: one attributed statement found in one document.
//!
//! A statement carries where it is (`start..end` byte offsets into the
//! document text), what kind of reported speech it is, who said it (the
//! canonical actor and the words the article used), and its stance labels.

use std::fmt;

/// What kind of reported speech a statement is (see GUIDELINES.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Words inside quotation marks presented as a whole utterance.
    Direct,
    /// A short quoted phrase embedded in the reporter's own sentence.
    Fragment,
    /// Reported speech without quotation marks: the content clause of a cue.
    Indirect,
    /// Reported speech whose content clause contains a quoted fragment.
    Mixed,
}

impl Kind {
    /// The lowercase name used in every output file.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Fragment => "fragment",
            Kind::Indirect => "indirect",
            Kind::Mixed => "mixed",
        }
    }

    /// Parses the lowercase name back (used when merging partial outputs).
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "direct" => Some(Kind::Direct),
            "fragment" => Some(Kind::Fragment),
            "indirect" => Some(Kind::Indirect),
            "mixed" => Some(Kind::Mixed),
            _ => None,
        }
    }

    /// Direct quotes and fragments reproduce the speaker's own words.
    pub fn is_quoted(self) -> bool {
        matches!(self, Kind::Direct | Kind::Fragment)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A stance label on one codebook issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    /// The statement supports the issue's target proposition.
    Favor,
    /// The statement opposes the issue's target proposition.
    Against,
    /// The statement is about the issue but takes no side.
    Neutral,
}

impl Label {
    /// The lowercase name used in every output file.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Favor => "favor",
            Label::Against => "against",
            Label::Neutral => "neutral",
        }
    }

    /// Parses the lowercase name back.
    pub fn parse(s: &str) -> Option<Label> {
        match s {
            "favor" => Some(Label::Favor),
            "against" => Some(Label::Against),
            "neutral" => Some(Label::Neutral),
            _ => None,
        }
    }

    /// The opposite polarity (neutral stays neutral).
    pub fn flipped(self) -> Label {
        match self {
            Label::Favor => Label::Against,
            Label::Against => Label::Favor,
            Label::Neutral => Label::Neutral,
        }
    }
}

/// The label one statement gets on one issue, with the rule that produced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StanceLabel {
    /// Codebook issue id (the CSV column name).
    pub issue: String,
    /// The label.
    pub label: Label,
    /// Rule id and matched words, e.g. `negated-recognition["will not legally recognize"]`.
    pub rule: String,
}

/// One attributed statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Stable id: `{doc}#{n}` with `n` counting statements within the document from 1.
    pub id: String,
    /// Document id.
    pub doc: String,
    /// Outlet of the document.
    pub outlet: String,
    /// Date of the document.
    pub date: String,
    /// Kind of reported speech.
    pub kind: Kind,
    /// Canonical speaker, `None` when the article never names one.
    pub speaker: Option<String>,
    /// The words the article used for the speaker at the attribution site
    /// (`he`, `the Kremlin spokesman`, `Zelenskyy`).
    pub speaker_mention: String,
    /// The speaker is an unnamed source (`one EU official`).
    pub anonymous: bool,
    /// The speaker's affiliation (country or organisation) when known.
    pub affiliation: String,
    /// The reporting cue (`said`, `according to`, `told reporters`).
    pub cue: String,
    /// The statement text, an exact slice of the document text at `start..end`.
    pub text: String,
    /// Byte offset of `text` in the document text.
    pub start: usize,
    /// Byte offset one past the end of `text`.
    pub end: usize,
    /// Stance labels, in codebook issue order; issues not touched are absent.
    pub stance: Vec<StanceLabel>,
}

impl Statement {
    /// The label on `issue`, if the statement speaks to it.
    pub fn label(&self, issue: &str) -> Option<&StanceLabel> {
        self.stance.iter().find(|s| s.issue == issue)
    }
}
