//! stancetrack: who said what in news articles, and where they stand.
//!
//! Data flows one way, one module per stage:
//!
//! ```text
//! ingest   files, folders, JSONL, manifest        -> Document
//! text     paragraphs, boilerplate, quote pairing, sentences (byte spans)
//! extract  cues, speakers, content: direct / fragment / indirect / mixed
//! actors   registry, name folding, surnames, roles, pronouns
//! stance   codebook TOML -> label + the rule that fired, per issue
//! pipeline per-article processing and the corpus-wide speaker merge
//! matrix   actor x issue cells with counts and evidence
//! report   quotes.csv, stance_matrix.csv (atomic, spreadsheet-safe)
//! ```
//!
//! Lexicons, the actor registry and the codebook are data files under `data/`
//! embedded at build time and overridable from the command line.

pub mod actors;
pub mod arguments;
pub mod document;
pub mod error;
pub mod eval;
pub mod extract;
pub mod html;
pub mod ingest;
pub mod lexicon;
pub mod matrix;
pub mod pipeline;
pub mod report;
pub mod run;
pub mod stance;
pub mod statement;
pub mod text;
pub mod variants;
pub mod xlsx;
