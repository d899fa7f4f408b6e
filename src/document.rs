//! One article as the pipeline sees it: its text, exactly as read, plus the
//! metadata (outlet, date, title, url) that the reports carry along.
//!
//! Every byte offset stancetrack writes is an offset into [`Document::text`],
//! so the text is never normalised in place: normalisation happens on copies
//! where comparisons need it.

/// An article ready for extraction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Stable identifier: the file name for `.txt` inputs, the `id` field for JSONL.
    pub id: String,
    /// Outlet (publisher); defaults to the file stem when no manifest names it.
    pub outlet: String,
    /// Publication date as given by the input (free text, usually ISO 8601).
    pub date: String,
    /// Headline: the first non-empty line of a `.txt` file, or the JSONL `title`.
    pub title: String,
    /// Source URL when known.
    pub url: String,
    /// The article text as read (UTF-8). Offsets in statements index into it.
    pub text: String,
}
