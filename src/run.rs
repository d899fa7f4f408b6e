//! Running a command: [`Config`] loads the codebook, registry and lexicons
//! the arguments name, and [`run`] streams articles through the pipeline in
//! parallel batches, reports each skipped input on stderr and writes the
//! outputs atomically.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use rayon::prelude::*;

use crate::actors::Registry;
use crate::arguments::{ColorChoice, DiffArgs, GroupBy, ModelArgs, RunArgs};
use crate::extract::Extractor;
use crate::ingest::{Input, Item, Manifest, Utf8Policy};
use crate::lexicon::Lexicons;
use crate::matrix;
use crate::pipeline::{merge_speakers, Pipeline};
use crate::report::{self, CsvOptions};
use crate::stance::Codebook;
use crate::statement::Statement;
use crate::text::Boilerplate;
use crate::variants::{self, VariantOptions};

/// Articles processed together; bounds memory while keeping both cores busy.
const BATCH: usize = 256;

/// Loaded settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// The pipeline.
    pub pipeline: Pipeline,
}

impl Config {
    /// Loads the built-in data and applies the user's files.
    pub fn load(model: &ModelArgs) -> anyhow::Result<Config> {
        let mut registry = Registry::builtin();
        for path in &model.actors {
            let src = read(path)?;
            registry
                .extend_from_toml(&src)
                .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.to_string().trim_end()))?;
        }
        let mut codebook = match &model.codebook {
            Some(path) => Codebook::from_toml(&read(path)?)
                .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.to_string().trim_end()))?,
            None => Codebook::builtin(),
        };
        for path in &model.codebook_extend {
            codebook
                .extend_from_toml(&read(path)?)
                .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.to_string().trim_end()))?;
        }
        let extractor = Extractor::new(Lexicons::builtin(), registry, Boilerplate::builtin());
        Ok(Config {
            pipeline: Pipeline {
                extractor,
                codebook,
            },
        })
    }
}

fn read(path: &Path) -> anyhow::Result<String> {
    fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))
}

/// What a run did, for the exit code and the summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Articles processed.
    pub articles: usize,
    /// Inputs skipped with an error.
    pub skipped: usize,
    /// Warnings (repaired inputs).
    pub warnings: usize,
    /// Statements written.
    pub statements: usize,
}

impl Summary {
    /// 0 when everything was processed, 1 when some inputs were skipped,
    /// 2 when nothing could be processed.
    pub fn exit_code(&self) -> i32 {
        if self.articles == 0 {
            2
        } else if self.skipped > 0 {
            1
        } else {
            0
        }
    }
}

/// Checks the output folder before any work: it must be a folder we can write.
pub fn prepare_out(out: &Path) -> anyhow::Result<()> {
    if out.exists() && !out.is_dir() {
        bail!("{}: --out exists and is not a folder", out.display());
    }
    fs::create_dir_all(out)
        .with_context(|| format!("{}: cannot create output folder", out.display()))?;
    let probe: PathBuf = out.join(format!(".stancetrack-write-test-{}", std::process::id()));
    fs::write(&probe, b"")
        .with_context(|| format!("{}: output folder is not writable", out.display()))?;
    let _ = fs::remove_file(probe);
    Ok(())
}

/// Reads and processes every input, reporting skipped ones on stderr.
/// Returns the statements (speakers merged across documents) and counts.
pub fn process_inputs(
    config: &Config,
    inputs: &[PathBuf],
    manifest: Manifest,
    policy: Utf8Policy,
    jobs: Option<usize>,
) -> anyhow::Result<(Vec<Statement>, Summary)> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let mut input = Input::new(inputs, manifest.clone(), policy);
    let mut summary = Summary::default();
    let mut statements: Vec<Statement> = Vec::new();
    let stderr = std::io::stderr();
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        for item in input.by_ref() {
            match item {
                Item::Article(doc, warning) => {
                    if let Some(w) = warning {
                        summary.warnings += 1;
                        let _ = writeln!(stderr.lock(), "stancetrack: warning: {w}");
                    }
                    batch.push(doc);
                    if batch.len() == BATCH {
                        break;
                    }
                }
                Item::Skipped(e) => {
                    summary.skipped += 1;
                    let _ = writeln!(stderr.lock(), "stancetrack: {e}");
                }
            }
        }
        if batch.is_empty() {
            break;
        }
        let pipeline = &config.pipeline;
        let results: Vec<Vec<Statement>> =
            pool.install(|| batch.par_iter().map(|d| pipeline.process(d)).collect());
        summary.articles += batch.len();
        for r in results {
            statements.extend(r);
        }
    }
    for missing in manifest.missing(&input.seen) {
        summary.warnings += 1;
        let _ = writeln!(
            stderr.lock(),
            "stancetrack: warning: manifest names {missing:?}, which is not among the inputs"
        );
    }
    merge_speakers(&mut statements, config.pipeline.extractor.registry());
    summary.statements = statements.len();
    Ok((statements, summary))
}

/// `stancetrack run`.
pub fn run(args: &RunArgs) -> anyhow::Result<Summary> {
    prepare_out(&args.out)?;
    let config = Config::load(&args.model)?;
    let manifest = match &args.manifest {
        Some(p) => Manifest::read(p).map_err(|e| anyhow::anyhow!("{e}"))?,
        None => Manifest::default(),
    };
    let policy = if args.lossy {
        Utf8Policy::Lossy
    } else {
        Utf8Policy::Strict
    };
    let (statements, summary) = process_inputs(&config, &args.inputs, manifest, policy, args.jobs)?;
    let stderr = std::io::stderr();
    write_outputs(
        &args.out,
        &statements,
        &config.pipeline.codebook,
        args.group_by,
        CsvOptions { raw: args.raw_csv },
    )?;
    if !args.quiet {
        let _ = writeln!(
            stderr.lock(),
            "stancetrack: {} articles, {} statements, {} skipped, {} warnings -> {}",
            summary.articles,
            summary.statements,
            summary.skipped,
            summary.warnings,
            args.out.display()
        );
    }
    Ok(summary)
}

/// Writes every output file of a run.
pub fn write_outputs(
    out: &Path,
    statements: &[Statement],
    codebook: &Codebook,
    group_by: Option<GroupBy>,
    opts: CsvOptions,
) -> anyhow::Result<()> {
    let issues = codebook.issue_ids();
    let write = |name: &str, bytes: Vec<u8>| {
        let path = out.join(name);
        report::write_atomic(&path, &bytes)
            .with_context(|| format!("{}: cannot write", path.display()))
    };
    write("quotes.csv", report::quotes_csv(statements, &issues, opts))?;
    write(
        "stance_matrix.csv",
        report::matrix_csv(&matrix::by_actor(statements), &issues, opts),
    )?;
    let clusters = variants::cluster(statements, &VariantOptions::default());
    let mut raw = Vec::new();
    variants::write_csv(&mut raw, statements, &clusters).context("cannot render variants.csv")?;
    write("variants.csv", report::neutralize_csv(&raw, opts))?;
    write(
        "variants.md",
        variants::render_markdown(statements, &clusters).into_bytes(),
    )?;
    if group_by == Some(GroupBy::Affiliation) {
        write(
            "stance_matrix_by_affiliation.csv",
            report::matrix_csv(&matrix::by_affiliation(statements), &issues, opts),
        )?;
    }
    Ok(())
}

/// `stancetrack diff`: clusters of one utterance across the given articles,
/// printed with the reference version and every other version's word diff.
pub fn diff(args: &DiffArgs) -> anyhow::Result<Summary> {
    use std::io::IsTerminal;
    let config = Config::load(&args.model)?;
    let policy = if args.lossy {
        Utf8Policy::Lossy
    } else {
        Utf8Policy::Strict
    };
    let (statements, summary) =
        process_inputs(&config, &args.inputs, Manifest::default(), policy, None)?;
    let clusters = variants::cluster(&statements, &VariantOptions::default());
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stdout().is_terminal(),
    };
    let mut out = std::io::stdout().lock();
    if clusters.is_empty() {
        writeln!(
            out,
            "No utterance is reported by two or more of these articles."
        )?;
    }
    for c in &clusters {
        let r = &statements[c.reference_member().statement];
        writeln!(
            out,
            "{} {} ({} versions)",
            c.id,
            r.speaker.as_deref().unwrap_or("?"),
            c.members.len()
        )?;
        writeln!(out, "  reference  {} [{}]: {}", r.outlet, r.doc, r.text)?;
        for m in &c.members {
            let s = &statements[m.statement];
            if m.statement == r_index(c) {
                continue;
            }
            let diff = if color {
                colorize(&m.diff)
            } else {
                m.diff.clone()
            };
            writeln!(
                out,
                "  {:10} {} [{}] {:.2}: {}",
                m.change.as_str(),
                s.outlet,
                s.doc,
                m.similarity,
                if m.diff.is_empty() {
                    s.text.clone()
                } else {
                    diff
                }
            )?;
        }
        writeln!(out)?;
    }
    Ok(summary)
}

fn r_index(c: &variants::Cluster) -> usize {
    c.reference_member().statement
}

/// Turns `[-removed-]` red and `{+added+}` green with ANSI escapes.
fn colorize(diff: &str) -> String {
    diff.replace("[-", "\x1b[31m[-")
        .replace("-]", "-]\x1b[0m")
        .replace("{+", "\x1b[32m{+")
        .replace("+}", "+}\x1b[0m")
}
