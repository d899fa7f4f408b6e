//! Command-line arguments. The clap structs only parse and validate; turning
//! them into a [`crate::run::Config`] (loading the codebook and registry) is
//! `run`'s job, so the library never depends on clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// stancetrack: who said what in news articles, and where they stand.
///
/// Finds direct quotes, quoted fragments and reported speech, attributes each
/// to a canonical speaker, labels its stance on the issues of a codebook and
/// writes a per-actor × issue matrix with the evidence behind every cell.
#[derive(Debug, Parser)]
#[command(name = "stancetrack", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Process articles and write quotes.csv and stance_matrix.csv.
    Run(RunArgs),
    /// Score an output folder against a gold JSONL file (same figures as score.py).
    Eval(EvalArgs),
    /// Show how the given articles worded the same utterances (clusters and word diffs).
    Diff(DiffArgs),
    /// Map step for Spark / Hadoop Streaming: articles as JSONL on stdin,
    /// one statement per line (JSONL) on stdout, in input order.
    Extract(ExtractArgs),
    /// Reduce step: combine statement JSONL parts (from `extract`, or the
    /// quotes.jsonl of `run --format jsonl`) into the files one run writes.
    Merge(MergeArgs),
}

/// Formats of the statement list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// quotes.csv (one row per statement).
    Csv,
    /// quotes.jsonl (one JSON object per statement, with the speaker as
    /// found before the corpus-wide merge, so outputs can be merged later).
    Jsonl,
}

/// Output settings shared by `run` and `merge`.
#[derive(Debug, Args, Clone)]
pub struct OutputArgs {
    /// Output folder (created if missing).
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
    /// Statement list format(s): csv writes quotes.csv, jsonl quotes.jsonl;
    /// `--format csv,jsonl` writes both. The matrix and variant files are
    /// always written.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "csv")]
    pub format: Vec<Format>,
    /// Also write a matrix grouped by affiliation.
    #[arg(long, value_enum)]
    pub group_by: Option<GroupBy>,
    /// Write CSV cells verbatim: do not neutralise cells starting with = + - @ tab or CR.
    #[arg(long)]
    pub raw_csv: bool,
    /// No progress bar or summary on stderr (errors are still printed).
    #[arg(long, short)]
    pub quiet: bool,
}

/// Settings shared by every command that processes articles.
#[derive(Debug, Args, Clone, Default)]
pub struct ModelArgs {
    /// Extra actors (TOML, same format as data/actors.toml); entries with a
    /// registered name replace it.
    #[arg(long, value_name = "FILE.toml")]
    pub actors: Vec<PathBuf>,
    /// Replace the built-in codebook (TOML, same format as data/codebook.toml).
    #[arg(long, value_name = "FILE.toml")]
    pub codebook: Option<PathBuf>,
    /// Add issues to the codebook (TOML with [[issue]] tables).
    #[arg(long, value_name = "FILE.toml")]
    pub codebook_extend: Vec<PathBuf>,
}

/// How matrix rows are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    /// Also write stance_matrix_by_affiliation.csv (actors rolled up to their affiliation).
    Affiliation,
}

/// `stancetrack run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Inputs: .txt files (first non-empty line is the headline), folders
    /// (searched recursively, sorted by path) and .jsonl files (one article
    /// per line with `id`, `text` and optional `outlet`, `date`, `title`, `url`).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Output files.
    #[command(flatten)]
    pub output: OutputArgs,
    /// CSV with columns file,outlet,date,url,title giving metadata for .txt inputs
    /// (without it the outlet is the file stem).
    #[arg(long, value_name = "FILE.csv")]
    pub manifest: Option<PathBuf>,
    /// Replace invalid UTF-8 bytes (with a warning) instead of skipping the article.
    #[arg(long)]
    pub lossy: bool,
    /// Also write stancetrack.xlsx (sheets Matrix, Statements, Variants, About).
    #[arg(long)]
    pub xlsx: bool,
    /// Also write report.html: a self-contained page with the stance heatmap,
    /// one section per actor and the quote variants.
    #[arg(long)]
    pub html: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
    /// Codebook and actor settings.
    #[command(flatten)]
    pub model: ModelArgs,
}

/// `stancetrack extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Replace invalid UTF-8 bytes (with a warning) instead of skipping the article.
    #[arg(long)]
    pub lossy: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
    /// Codebook and actor settings (give `merge` the same ones).
    #[command(flatten)]
    pub model: ModelArgs,
}

/// `stancetrack merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Statement JSONL parts, in corpus order: files, or folders holding
    /// either a quotes.jsonl or part files (Spark's part-00000, ...; names
    /// starting with `.` or `_` and `.crc` files are ignored).
    #[arg(required = true, value_name = "PART")]
    pub parts: Vec<PathBuf>,
    /// Output files.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Worker threads for clustering variants (default: all cores).
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
    /// Codebook and actor settings (the ones `extract` used).
    #[command(flatten)]
    pub model: ModelArgs,
}

/// `stancetrack eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold statements (JSONL, the format of shared/gold/seeds.jsonl, see README).
    #[arg(long, value_name = "FILE.jsonl")]
    pub gold: PathBuf,
    /// Folder with quotes.csv (and optionally stance_matrix.csv).
    #[arg(value_name = "OUTDIR")]
    pub outdir: PathBuf,
    /// List every miss, wrong speaker, extra and matrix mismatch.
    #[arg(long)]
    pub show_errors: bool,
    /// Gold speakers are raw mentions: compare by shared words.
    #[arg(long)]
    pub lenient_speaker: bool,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `stancetrack diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Articles to compare (.txt, .jsonl or folders).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Colour the diffs: auto (when stdout is a terminal), always or never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Replace invalid UTF-8 bytes instead of skipping the article.
    #[arg(long)]
    pub lossy: bool,
    /// Codebook and actor settings.
    #[command(flatten)]
    pub model: ModelArgs,
}

/// When to colour terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}
