//! Running a command: [`Config`] loads the codebook, registry and lexicons
//! the arguments name, and [`run`] streams articles through the pipeline in
//! parallel batches, reports each skipped input on stderr and writes the
//! outputs atomically.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::actors::Registry;
use crate::arguments::{
    ColorChoice, DiffArgs, ExtractArgs, Format, GroupBy, MergeArgs, ModelArgs, OutputArgs, RunArgs,
};
use crate::document::Document;
use crate::extract::Extractor;
use crate::html::{self, DocContext};
use crate::ingest::{Input, Item, Manifest, Utf8Policy};
use crate::lexicon::Lexicons;
use crate::matrix;
use crate::output_writer::{OutputOptions, OutputWriter, WorkDir};
use crate::pipeline::{merge_speakers, Pipeline};
use crate::pipelined::pipelined;
use crate::record::Record;
use crate::report::{self, CsvOptions};
use crate::speaker_merge::SpeakerMerge;
use crate::spool_fields;
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
    /// For `merge`: 0 when every record was merged (parts with no
    /// statements are fine: articles without any exist), 1 when some lines
    /// or documents were skipped, 2 when nothing could be merged.
    pub fn merge_exit_code(&self) -> i32 {
        match (self.skipped, self.statements) {
            (0, _) => 0,
            (_, 0) => 2,
            _ => 1,
        }
    }

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

/// One processed article, as [`process_stream`] hands it to its consumer.
pub struct Processed {
    /// Statements, speakers as found in the article.
    pub statements: Vec<Statement>,
    /// With [`Wants::records`]: the statements as lines of that form,
    /// rendered by the worker thread so that the consumer only writes bytes.
    pub records: Vec<u8>,
    /// With `want_context`: what `report.html` needs of the article.
    pub context: Option<DocContext>,
}

/// Per-article results handed to a [`process_stream`] consumer, in input order.
type Sink<'a> = dyn FnMut(Processed) -> anyhow::Result<()> + Send + 'a;

/// What [`process_stream`] computes besides the statements.
#[derive(Debug, Clone, Copy, Default)]
pub struct Wants {
    /// Each article's [`DocContext`].
    pub context: bool,
    /// Each article's statements as lines of this form.
    pub records: Option<LineForm>,
}

/// The line forms statements are written in between processes and passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineForm {
    /// [`Record`] JSON lines: what other tools and `merge` read.
    Record,
    /// [`spool_fields`] lines: what `run` reads back itself.
    Spool,
}

impl LineForm {
    /// Parses one line (without its newline) into the statement as found.
    fn parse(self, line: &str) -> Result<Statement, String> {
        match self {
            LineForm::Record => serde_json::from_str::<Record>(line)
                .map_err(|e| e.to_string())
                .and_then(Record::into_found_statement),
            LineForm::Spool => spool_fields::parse_statement(line.as_bytes()),
        }
    }

    /// Appends the line of `s` (with its newline).
    fn push(self, out: &mut Vec<u8>, s: &Statement) {
        match self {
            LineForm::Record => out.extend_from_slice(Record::new(s, s).to_line().as_bytes()),
            LineForm::Spool => spool_fields::push_statement(out, s),
        }
    }
}

/// Reads and processes every article of `input` in parallel batches,
/// reporting skipped ones on stderr, and hands each article's statements
/// (speakers as found, not yet merged across documents) to `sink` in input
/// order. Memory holds three batches (see `pipelined`). `wants` asks the
/// workers for more than the statements (see [`Processed`]).
pub fn process_stream(
    config: &Config,
    input: &mut Input,
    jobs: Option<usize>,
    progress: &ProgressBar,
    wants: Wants,
    sink: &mut Sink<'_>,
) -> anyhow::Result<Summary> {
    let pool = worker_pool(jobs)?;
    let mut summary = Summary::default();
    let say = |line: String| {
        progress.suspend(|| {
            let _ = writeln!(std::io::stderr().lock(), "{line}");
        });
    };
    let pipeline = &config.pipeline;
    // One article that trips a bug must not cost the rest of the corpus:
    // it is reported and skipped like a bad input.
    let process = |batch: &[Document]| -> Vec<Option<Processed>> {
        batch
            .par_iter()
            .map(|d| {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    let statements = pipeline.process(d);
                    let context = wants.context.then(|| DocContext::new(d, &statements));
                    let mut records = Vec::new();
                    if let Some(form) = wants.records {
                        for s in &statements {
                            form.push(&mut records, s);
                        }
                    }
                    Processed {
                        statements,
                        records,
                        context,
                    }
                }))
                .ok()
            })
            .collect()
    };
    // Reading a batch (parsing its JSON, checking ids) is serial.
    let (mut warnings, mut unreadable) = (0, 0);
    let read = || {
        let mut batch = Vec::with_capacity(BATCH);
        for item in input.by_ref() {
            match item {
                Item::Article(doc, warning) => {
                    if let Some(w) = warning {
                        warnings += 1;
                        say(format!("stancetrack: warning: {w}"));
                    }
                    batch.push(doc);
                    if batch.len() == BATCH {
                        break;
                    }
                }
                Item::Skipped(e) => {
                    unreadable += 1;
                    say(format!("stancetrack: {e}"));
                }
            }
        }
        progress.set_position(input.bytes_read);
        Ok((!batch.is_empty()).then_some(batch))
    };
    let consume = |docs: Vec<Document>, results: Vec<Option<Processed>>| {
        for (doc, result) in docs.iter().zip(results) {
            let Some(article) = result else {
                summary.skipped += 1;
                say(format!(
                    "stancetrack: {}: internal error while extracting, article skipped",
                    doc.id
                ));
                continue;
            };
            summary.articles += 1;
            summary.statements += article.statements.len();
            sink(article)?;
        }
        progress.set_message(format!("{} articles", summary.articles));
        Ok(())
    };
    pipelined::<_, _, anyhow::Error>(&pool, read, |batch| process(batch), consume)?;
    summary.warnings += warnings;
    summary.skipped += unreadable;
    Ok(summary)
}

/// Reads and processes every input in memory (for `diff` and small
/// corpora), speakers merged across documents.
pub fn process_inputs(
    config: &Config,
    inputs: &[PathBuf],
    manifest: Manifest,
    policy: Utf8Policy,
    jobs: Option<usize>,
) -> anyhow::Result<(Vec<Statement>, Summary)> {
    let mut input = Input::new(inputs, manifest.clone(), policy);
    let mut statements = Vec::new();
    let mut summary = process_stream(
        config,
        &mut input,
        jobs,
        &ProgressBar::hidden(),
        Wants::default(),
        &mut |article| {
            statements.extend(article.statements);
            Ok(())
        },
    )?;
    summary.warnings += report_missing(&manifest, &input, &ProgressBar::hidden());
    merge_speakers(&mut statements, config.pipeline.extractor.registry());
    Ok((statements, summary))
}

/// Warns about manifest rows that name no input; returns how many.
fn report_missing(manifest: &Manifest, input: &Input, progress: &ProgressBar) -> usize {
    let missing = manifest.missing(&input.seen);
    for m in &missing {
        progress.suspend(|| {
            let _ = writeln!(
                std::io::stderr().lock(),
                "stancetrack: warning: manifest names {m:?}, which is not among the inputs"
            );
        });
    }
    missing.len()
}

/// A progress bar on stderr (articles, MB/s, ETA) when stderr is a terminal
/// and the user did not ask for quiet; hidden otherwise.
fn progress_bar(total: u64, quiet: bool) -> ProgressBar {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
    )
    .map(|s| s.progress_chars("=> "));
    if let Ok(style) = style {
        bar.set_style(style);
    }
    bar
}

/// The streaming writer of `run` and `merge` into `output.out`, with its
/// temporaries in `work`, for about `statements` statements.
fn open_writer(
    config: &Config,
    output: &OutputArgs,
    jobs: Option<usize>,
    work: &WorkDir,
    statements: usize,
) -> anyhow::Result<OutputWriter> {
    let out = &output.out;
    OutputWriter::create(
        out,
        work.path(),
        config.pipeline.codebook.issue_ids(),
        output_options(output, jobs),
        statements,
    )
    .with_context(|| format!("{}: cannot write outputs", out.display()))
}

fn output_options(args: &OutputArgs, jobs: Option<usize>) -> OutputOptions {
    OutputOptions {
        jobs,
        csv: CsvOptions { raw: args.raw_csv },
        quotes_csv: args.format.contains(&Format::Csv),
        quotes_jsonl: args.format.contains(&Format::Jsonl),
        by_affiliation: args.group_by == Some(GroupBy::Affiliation),
    }
}

/// Statements as found, spooled to a file of [`spool_fields`] lines between
/// the two passes.
struct Spool {
    path: PathBuf,
    writer: BufWriter<File>,
}

impl Spool {
    fn create(path: PathBuf) -> anyhow::Result<Spool> {
        let file =
            File::create(&path).with_context(|| format!("{}: cannot create", path.display()))?;
        Ok(Spool {
            path,
            writer: BufWriter::with_capacity(1 << 16, file),
        })
    }

    /// Appends statement lines.
    fn push(&mut self, records: &[u8]) -> anyhow::Result<()> {
        self.writer
            .write_all(records)
            .with_context(|| format!("{}: cannot write", self.path.display()))
    }

    fn finish(mut self) -> anyhow::Result<PathBuf> {
        self.writer
            .flush()
            .with_context(|| format!("{}: cannot write", self.path.display()))?;
        Ok(self.path)
    }
}

/// A pool of `jobs` worker threads (default: one per core).
fn worker_pool(jobs: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")
}

/// Reads statements back from record lines: lines are parsed (and mapped by
/// `map`, such as the speaker merge and rendering of the rows) in parallel
/// chunks on `pool`, then handed to `f` in file order, so the serial
/// consumer only consumes. A bad line is reported (file and line) through
/// `bad` and skipped.
fn read_records<T: Send>(
    path: &Path,
    form: LineForm,
    pool: &rayon::ThreadPool,
    map: impl Fn(Statement) -> T + Sync,
    mut bad: impl FnMut(String) + Send,
    mut f: impl FnMut(T) -> anyhow::Result<()> + Send,
) -> anyhow::Result<()> {
    const CHUNK: usize = 1024;
    let file = File::open(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut n = 0;
    let mut bytes = Vec::new();
    let read = || {
        let mut chunk = Vec::with_capacity(CHUNK);
        loop {
            bytes.clear();
            let cannot_read = || format!("{}:{}: cannot read", path.display(), n + 1);
            if crate::ingest::read_line_bytes(&mut reader, &mut bytes).with_context(cannot_read)?
                == 0
            {
                break;
            }
            // What `BufRead::lines` gives: no `\n` or `\r\n`, UTF-8 checked.
            let end = bytes.strip_suffix(b"\n").map_or(bytes.len(), |rest| {
                rest.strip_suffix(b"\r").map_or(rest.len(), <[u8]>::len)
            });
            let line = std::str::from_utf8(&bytes[..end])
                .map_err(|_| {
                    std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        "stream did not contain valid UTF-8",
                    )
                })
                .with_context(cannot_read)?;
            if !line.trim().is_empty() {
                chunk.push((n, line.to_string()));
            }
            n += 1;
            if chunk.len() == CHUNK {
                break;
            }
        }
        Ok((!chunk.is_empty()).then_some(chunk))
    };
    let parse = |chunk: &Vec<(usize, String)>| -> Vec<Result<T, String>> {
        chunk
            .par_iter()
            .map(|(n, line)| {
                form.parse(line).map(&map).map_err(|e| {
                    format!(
                        "{}:{}: not a statement record ({e}), line skipped",
                        path.display(),
                        n + 1
                    )
                })
            })
            .collect()
    };
    pipelined(pool, read, parse, |_, parsed| {
        for p in parsed {
            match p {
                Ok(t) => f(t)?,
                Err(e) => bad(e),
            }
        }
        Ok(())
    })
}

/// `stancetrack run`.
pub fn run(args: &RunArgs) -> anyhow::Result<Summary> {
    let out = &args.output.out;
    prepare_out(out)?;
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
    let work = WorkDir::create(out)
        .with_context(|| format!("{}: cannot create a work folder", out.display()))?;
    let registry = config.pipeline.extractor.registry();
    let mut input = Input::new(&args.inputs, manifest.clone(), policy);
    let progress = progress_bar(input.total_bytes(), args.output.quiet);
    // Pass 1: extract, spool the statements, gather the name table.
    let mut spool = Spool::create(work.path().join("statements.tsv"))?;
    let mut merge = SpeakerMerge::new();
    let mut docs = Vec::new();
    let mut summary = process_stream(
        &config,
        &mut input,
        args.jobs,
        &progress,
        Wants {
            context: args.html,
            records: Some(LineForm::Spool),
        },
        &mut |article| {
            for s in &article.statements {
                merge.observe(s, registry);
            }
            spool.push(&article.records)?;
            docs.extend(article.context);
            Ok(())
        },
    )?;
    summary.warnings += report_missing(&manifest, &input, &progress);
    progress.finish_and_clear();
    let spooled = spool.finish()?;
    merge.resolve();
    // Pass 2: merged speakers, every output written as the spool streams by.
    let keep = args.xlsx || args.html;
    let mut all = Vec::new();
    let mut writer = open_writer(&config, &args.output, args.jobs, &work, summary.statements)?;
    let pool = worker_pool(args.jobs)?;
    let renderer = writer.renderer().clone();
    read_records(
        &spooled,
        LineForm::Spool,
        &pool,
        |found| renderer.render(found, &merge),
        |e| eprintln!("stancetrack: internal error: {e}"),
        |row| {
            let merged = row
                .and_then(|row| writer.write(row))
                .with_context(|| format!("{}: cannot write outputs", out.display()))?;
            if keep {
                all.push(merged);
            }
            Ok(())
        },
    )?;
    // The pass's threads end here, so the memory their allocator kept for
    // reuse goes to the clustering workers instead of adding to it.
    drop(pool);
    writer
        .finish()
        .with_context(|| format!("{}: cannot write outputs", out.display()))?;
    drop(work);
    write_deliverables(
        args,
        &all,
        &docs,
        &config.pipeline.codebook,
        summary.articles,
    )?;
    if !args.output.quiet {
        eprintln!(
            "stancetrack: {} articles, {} statements, {} skipped, {} warnings -> {}",
            summary.articles,
            summary.statements,
            summary.skipped,
            summary.warnings,
            out.display()
        );
    }
    Ok(summary)
}

/// `stancetrack extract`: JSONL articles on stdin, statement records (speakers
/// as found in each article) on stdout, in input order.
pub fn extract(args: &ExtractArgs) -> anyhow::Result<Summary> {
    let config = Config::load(&args.model)?;
    let policy = if args.lossy {
        Utf8Policy::Lossy
    } else {
        Utf8Policy::Strict
    };
    let stdin = std::io::stdin();
    let mut input = Input::from_jsonl_reader(
        "<stdin>",
        Box::new(BufReader::with_capacity(1 << 16, stdin)),
    )
    .with_policy(policy);
    // Unlocked (locked when the buffer flushes): the consumer may run on a
    // worker thread.
    let mut stdout = BufWriter::with_capacity(1 << 16, std::io::stdout());
    let summary = process_stream(
        &config,
        &mut input,
        args.jobs,
        &ProgressBar::hidden(),
        Wants {
            context: false,
            records: Some(LineForm::Record),
        },
        &mut |article| Ok(stdout.write_all(&article.records)?),
    )?;
    stdout.flush()?;
    Ok(summary)
}

/// The record files of `merge`'s parts, in order: a file is itself; a
/// folder gives its quotes.jsonl, or else its part files sorted by name.
fn part_files(parts: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for p in parts {
        let meta = fs::metadata(p).with_context(|| format!("{}: cannot read", p.display()))?;
        if !meta.is_dir() {
            files.push(p.clone());
            continue;
        }
        let quotes = p.join("quotes.jsonl");
        if quotes.is_file() {
            files.push(quotes);
            continue;
        }
        let mut found: Vec<PathBuf> = fs::read_dir(p)
            .with_context(|| format!("{}: cannot read", p.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|f| f.is_file())
            .filter(|f| {
                let name = f
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                !name.starts_with('.') && !name.starts_with('_') && !name.ends_with(".crc")
            })
            .collect();
        found.sort();
        if found.is_empty() {
            bail!(
                "{}: no quotes.jsonl and no part files in this folder",
                p.display()
            );
        }
        files.extend(found);
    }
    Ok(files)
}

/// Tracks document ids across the parts of a merge: a document's statements
/// must be contiguous, so a document that reappears after another began is
/// a duplicate (the same shard merged twice) and is skipped, as `run` skips
/// a duplicate id.
#[derive(Default)]
struct DocGuard {
    seen: HashSet<String>,
    current: Option<String>,
    skipping: bool,
}

impl DocGuard {
    /// Whether the statement is kept; `Some(doc)` in the second value when
    /// a duplicate document starts here.
    fn check(&mut self, doc: &str) -> (bool, Option<String>) {
        if self.current.as_deref() == Some(doc) {
            return (!self.skipping, None);
        }
        self.current = Some(doc.to_string());
        self.skipping = !self.seen.insert(doc.to_string());
        (!self.skipping, self.skipping.then(|| doc.to_string()))
    }
}

/// `stancetrack merge`: the files one run over the union of the parts writes.
pub fn merge(args: &MergeArgs) -> anyhow::Result<Summary> {
    let out = &args.output.out;
    prepare_out(out)?;
    let config = Config::load(&args.model)?;
    let registry = config.pipeline.extractor.registry();
    let files = part_files(&args.parts)?;
    let pool = worker_pool(args.jobs)?;
    let mut summary = Summary::default();
    // Pass 1: the name table (and the counts).
    let mut merge = SpeakerMerge::new();
    let mut guard = DocGuard::default();
    for f in &files {
        let mut duplicates: Vec<String> = Vec::new();
        read_records(
            f,
            LineForm::Record,
            &pool,
            |s| s,
            |e| {
                summary.skipped += 1;
                eprintln!("stancetrack: {e}");
            },
            |s| {
                let (keep, duplicate) = guard.check(&s.doc);
                duplicates.extend(duplicate);
                if keep {
                    merge.observe(&s, registry);
                    summary.statements += 1;
                }
                Ok(())
            },
        )?;
        // One line per part, not per document: merging a shard twice would
        // otherwise print thousands.
        if let Some(first) = duplicates.first() {
            summary.skipped += duplicates.len();
            eprintln!(
                "stancetrack: {}: {} document(s) already merged from an earlier part (first {first:?}), skipped",
                f.display(),
                duplicates.len()
            );
        }
    }
    summary.articles = guard.seen.len();
    merge.resolve();
    // Pass 2: the outputs.
    let work = WorkDir::create(out)
        .with_context(|| format!("{}: cannot create a work folder", out.display()))?;
    let mut writer = open_writer(&config, &args.output, args.jobs, &work, summary.statements)?;
    let mut guard = DocGuard::default();
    let renderer = writer.renderer().clone();
    for f in &files {
        read_records(
            f,
            LineForm::Record,
            &pool,
            |found| (found.doc.clone(), renderer.render(found, &merge)),
            |_| {},
            |(doc, row)| {
                if !guard.check(&doc).0 {
                    return Ok(());
                }
                row.and_then(|row| writer.write(row))
                    .map(drop)
                    .with_context(|| format!("{}: cannot write outputs", out.display()))
            },
        )?;
    }
    drop(pool);
    writer
        .finish()
        .with_context(|| format!("{}: cannot write outputs", out.display()))?;
    if !args.output.quiet {
        eprintln!(
            "stancetrack: {} parts, {} documents, {} statements, {} skipped, {} warnings -> {}",
            files.len(),
            summary.articles,
            summary.statements,
            summary.skipped,
            summary.warnings,
            out.display()
        );
    }
    Ok(summary)
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
        let path = args.output.out.join("stancetrack.xlsx");
        xlsx::write_workbook(&path, statements, &rows, &clusters, &issues, &about)
            .with_context(|| format!("{}: cannot write", path.display()))?;
    }
    if args.html {
        let page = html::render_report(statements, &rows, &clusters, &issues, docs)
            .context("cannot render report.html")?;
        let path = args.output.out.join("report.html");
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
