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
use crate::html::{self, DocContext};
use crate::ingest::{Input, Item, Manifest, Utf8Policy};
use crate::lexicon::Lexicons;
use crate::matrix;
use crate::pipeline::{merge_speakers, Pipeline};
use crate::report::{self, CsvOptions};
use crate::stance::Codebook;
use crate::statement::Statement;
use crate::text::Boilerplate;
use crate::variants::{self, VariantOptions};
use crate::xlsx;

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
/// Returns the statements (speakers merged across documents) and counts;
/// with `contexts`, also collects each article's [`DocContext`] for
/// `report.html`.
pub fn process_inputs(
    config: &Config,
    inputs: &[PathBuf],
    manifest: Manifest,
    policy: Utf8Policy,
    jobs: Option<usize>,
    mut contexts: Option<&mut Vec<DocContext>>,
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
        let want_context = contexts.is_some();
        // One article that trips a bug must not cost the rest of the corpus:
        // it is reported and skipped like a bad input.
        type Processed = Option<(Vec<Statement>, Option<DocContext>)>;
        let results: Vec<Processed> = pool.install(|| {
            batch
                .par_iter()
                .map(|d| {
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        let found = pipeline.process(d);
                        let context = want_context.then(|| DocContext::new(d, &found));
                        (found, context)
                    }))
                    .ok()
                })
                .collect()
        });
        for (doc, result) in batch.iter().zip(results) {
            let Some((r, context)) = result else {
                summary.skipped += 1;
                let _ = writeln!(
                    stderr.lock(),
                    "stancetrack: {}: internal error while extracting, article skipped",
                    doc.id
                );
                continue;
            };
            summary.articles += 1;
            statements.extend(r);
            if let (Some(all), Some(c)) = (contexts.as_deref_mut(), context) {
                all.push(c);
            }
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
    let mut docs = Vec::new();
    let contexts = args.html.then_some(&mut docs);
    let (statements, summary) =
        process_inputs(&config, &args.inputs, manifest, policy, args.jobs, contexts)?;
    let stderr = std::io::stderr();
    write_outputs(
        &args.out,
        &statements,
        &config.pipeline.codebook,
        args.group_by,
        CsvOptions { raw: args.raw_csv },
    )?;
    write_deliverables(
        args,
        &statements,
        &docs,
        &config.pipeline.codebook,
        summary.articles,
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
    // Everything is rendered first and then renamed into place together, so
    // an interruption leaves either the previous set or the new one.
    let mut files: Vec<(&str, Vec<u8>)> = vec![
        ("quotes.csv", report::quotes_csv(statements, &issues, opts)),
        (
            "stance_matrix.csv",
            report::matrix_csv(&matrix::by_actor(statements), &issues, opts),
        ),
    ];
    let clusters = variants::cluster(statements, &VariantOptions::default());
    let mut raw = Vec::new();
    variants::write_csv(&mut raw, statements, &clusters).context("cannot render variants.csv")?;
    files.push(("variants.csv", report::neutralize_csv(&raw, opts)));
    files.push((
        "variants.md",
        variants::render_markdown(statements, &clusters).into_bytes(),
    ));
    if group_by == Some(GroupBy::Affiliation) {
        let rows = matrix::by_affiliation(statements);
        files.push((
            "stance_matrix_by_affiliation.csv",
            report::matrix_csv(&rows, &issues, opts),
        ));
    }
    let named: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .map(|(name, bytes)| (out.join(name), bytes))
        .collect();
    report::write_all_atomic(&named)
        .with_context(|| format!("{}: cannot write outputs", out.display()))?;
    Ok(())
}

/// Writes `stancetrack.xlsx` (`--xlsx`) and `report.html` (`--html`).
fn write_deliverables(
    args: &RunArgs,
    statements: &[Statement],
    docs: &[DocContext],
    codebook: &Codebook,
    articles: usize,
) -> anyhow::Result<()> {
    if !args.xlsx && !args.html {
        return Ok(());
    }
    let issues = codebook.issue_ids();
    let rows = matrix::by_actor(statements);
    let clusters = variants::cluster(statements, &VariantOptions::default());
    if args.xlsx {
        // SOURCE_DATE_EPOCH makes the file reproducible.
        let now = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs())
            });
        let mut codebook_names: Vec<String> = match &args.model.codebook {
            Some(p) => vec![p.display().to_string()],
            None => vec!["built-in".to_string()],
        };
        codebook_names.extend(
            args.model
                .codebook_extend
                .iter()
                .map(|p| format!("+ {}", p.display())),
        );
        let about = xlsx::About {
            articles,
            generated: xlsx::utc_date(now),
            codebook: format!("{} ({} issues)", codebook_names.join(" "), issues.len()),
            version: format!("stancetrack {}", env!("CARGO_PKG_VERSION")),
            inputs: args
                .inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
        };
        let path = args.out.join("stancetrack.xlsx");
        xlsx::write_workbook(&path, statements, &rows, &clusters, &issues, &about)
            .with_context(|| format!("{}: cannot write", path.display()))?;
    }
    if args.html {
        let page = html::render_report(statements, &rows, &clusters, &issues, docs)
            .context("cannot render report.html")?;
        let path = args.out.join("report.html");
        report::write_atomic(&path, page.as_bytes())
            .with_context(|| format!("{}: cannot write", path.display()))?;
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
    let (statements, summary) = process_inputs(
        &config,
        &args.inputs,
        Manifest::default(),
        policy,
        None,
        None,
    )?;
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
