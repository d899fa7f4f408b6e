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
//! variants cross-document clusters of one utterance + word diffs
//! ```
//!
//! A run streams: articles are processed in parallel batches, each
//! statement goes to a spool on disk ([`spool_fields`] lines) while
//! [`speaker_merge`] gathers the corpus-wide name table; a second pass over
//! the spool writes every output ([`output_writer`]), clustering variants
//! speaker bucket by speaker bucket ([`variant_spool`]). Memory holds one
//! batch, the name table, the matrix counts and one variant bucket.
//! `stancetrack extract` and `stancetrack merge` are the two halves of that
//! flow as separate commands, for Spark and Hadoop Streaming.
//!
//! Lexicons, the actor registry and the codebook are data files under `data/`
//! embedded at build time and overridable from the command line.

// The library needs no unsafe code; only the binary's allocator shim has any.
#![forbid(unsafe_code)]

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
pub mod output_writer;
pub mod pipeline;
pub mod pipelined;
pub mod record;
pub mod report;
pub mod run;
pub mod speaker_merge;
pub mod spool_fields;
pub mod stance;
pub mod statement;
pub mod text;
pub mod variant_spool;
pub mod variants;
pub mod xlsx;
