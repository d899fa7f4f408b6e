//! Cost of each pipeline stage on real articles: the five seed articles and
//! the eight held-out articles (about 44 KB of text), embedded with
//! `include_str!` so the benchmark needs nothing outside the repository.
//!
//! Every group reports `Throughput::Bytes` of *article text* (the same
//! corpus size in every group, whatever the stage reads or writes), so the
//! figures compare directly: the stage with the lowest MiB/s is where a run
//! spends its time. Stance is the exception: it works per statement, so it
//! reports `Throughput::Elements` = statements labelled.
//!
//! - `ingest`: reading the corpus through [`Input`], the public ingest API,
//!   from a JSONL file (one article per line) and from a folder of `.txt`
//!   files in a temporary directory: UTF-8 decoding, JSON parsing, title and
//!   id checks. The files stay in the page cache, so this is parsing cost,
//!   not disk speed.
//! - `text`: the `text` API as extraction drives it: paragraph splitting and
//!   classification, then, per content paragraph, quotation-mark pairing and
//!   sentence splitting; each step alone and the three together.
//! - `extract`: [`Extractor::extract`] on every document (the text steps plus
//!   cue finding, speaker attribution and content spans): the bulk of the
//!   per-article work.
//! - `stance`: [`Codebook::label`] on each extracted statement's text and
//!   reporting context, as [`Pipeline::process`] calls it.
//! - `pipeline`: [`Pipeline::process`] per article (extract, attribute,
//!   label, including the re-labelling of continued quotations): what one
//!   article costs end to end, minus ingest and reports.
//! - `report`: rendering `quotes.csv` and the two stance matrices (building
//!   the matrix rows included) from the whole corpus's statements after the
//!   corpus-wide speaker merge, in memory (no file writes, which measure the
//!   disk).

use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use stancetrack::document::Document;
use stancetrack::extract::Extractor;
use stancetrack::ingest::{has_headline, Input, Item, Manifest, Utf8Policy};
use stancetrack::matrix;
use stancetrack::pipeline::{merge_speakers, Pipeline};
use stancetrack::report::{matrix_csv, quotes_csv, CsvOptions};
use stancetrack::stance::Codebook;
use stancetrack::statement::Statement;
use stancetrack::text::{self, Boilerplate, ParagraphKind};

/// The five seed articles and the eight held-out articles, by file name.
const ARTICLES: &[(&str, &str)] = &[
    (
        "000_60b56010c51136b1.txt",
        include_str!("../seeds/000_60b56010c51136b1.txt"),
    ),
    (
        "001_dfd55fee432114df.txt",
        include_str!("../seeds/001_dfd55fee432114df.txt"),
    ),
    (
        "002_20752e3219b2644e.txt",
        include_str!("../seeds/002_20752e3219b2644e.txt"),
    ),
    (
        "003_eb122c8a95e99d45.txt",
        include_str!("../seeds/003_eb122c8a95e99d45.txt"),
    ),
    (
        "004_3c68d103f99c1bde.txt",
        include_str!("../seeds/004_3c68d103f99c1bde.txt"),
    ),
    (
        "101_4f2a9c0e7b13d865.txt",
        include_str!("../tests/heldout/articles/101_4f2a9c0e7b13d865.txt"),
    ),
    (
        "102_b81e03d5a6c47f29.txt",
        include_str!("../tests/heldout/articles/102_b81e03d5a6c47f29.txt"),
    ),
    (
        "103_0c97e4f1d2a85b36.txt",
        include_str!("../tests/heldout/articles/103_0c97e4f1d2a85b36.txt"),
    ),
    (
        "104_e5d3b7a1904c6f82.txt",
        include_str!("../tests/heldout/articles/104_e5d3b7a1904c6f82.txt"),
    ),
    (
        "105_7a6f21c8e0d9b453.txt",
        include_str!("../tests/heldout/articles/105_7a6f21c8e0d9b453.txt"),
    ),
    (
        "106_3d08b5f9a2e71c64.txt",
        include_str!("../tests/heldout/articles/106_3d08b5f9a2e71c64.txt"),
    ),
    (
        "107_c4e9a0736f1b8d25.txt",
        include_str!("../tests/heldout/articles/107_c4e9a0736f1b8d25.txt"),
    ),
    (
        "108_92b7d4e1c05a3f68.txt",
        include_str!("../tests/heldout/articles/108_92b7d4e1c05a3f68.txt"),
    ),
];

/// The articles as `.txt` ingest makes them: id = file name, outlet = file
/// stem, title = first non-empty line.
fn documents() -> Vec<Document> {
    ARTICLES
        .iter()
        .map(|(name, text)| Document {
            id: name.to_string(),
            outlet: name.trim_end_matches(".txt").to_string(),
            date: String::new(),
            title: text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or("")
                .to_string(),
            url: String::new(),
            text: text.to_string(),
        })
        .collect()
}

/// Bytes of article text in the corpus.
fn corpus_bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.text.len() as u64).sum()
}

/// Short runs: the whole file should finish in well under three minutes.
fn configure(group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
}

/// Reads every input to the end; returns the number of articles.
fn read_all(paths: &[PathBuf]) -> usize {
    let mut n = 0;
    for item in Input::new(paths, Manifest::default(), Utf8Policy::Strict) {
        match item {
            Item::Article(doc, _) => {
                n += 1;
                std::hint::black_box(doc);
            }
            Item::Skipped(e) => panic!("benchmark corpus skipped: {e}"),
        }
    }
    n
}

fn bench_ingest(c: &mut Criterion) {
    let docs = documents();
    let dir = tempfile::tempdir().expect("temporary directory");

    let jsonl = dir.path().join("corpus.jsonl");
    let mut lines = String::new();
    for d in &docs {
        let rec = serde_json::json!({
            "id": d.id,
            "outlet": d.outlet,
            "title": d.title,
            "text": d.text,
        });
        lines.push_str(&rec.to_string());
        lines.push('\n');
    }
    std::fs::write(&jsonl, &lines).expect("write JSONL corpus");

    let folder = dir.path().join("txt");
    std::fs::create_dir(&folder).expect("create txt folder");
    for (name, text) in ARTICLES {
        std::fs::write(folder.join(name), text).expect("write article");
    }

    let jsonl_paths = [jsonl];
    let folder_paths = [folder];
    assert_eq!(read_all(&jsonl_paths), docs.len());
    assert_eq!(read_all(&folder_paths), docs.len());

    let mut group = c.benchmark_group("ingest");
    configure(&mut group);
    group.throughput(Throughput::Bytes(corpus_bytes(&docs)));
    group.bench_function("jsonl_file", |b| b.iter(|| read_all(&jsonl_paths)));
    group.bench_function("txt_folder", |b| b.iter(|| read_all(&folder_paths)));
    group.finish();
}

fn bench_text(c: &mut Criterion) {
    let docs = documents();
    let boilerplate = Boilerplate::builtin();
    let headline: Vec<bool> = docs.iter().map(has_headline).collect();
    // Content paragraphs and their quotations, precomputed for the
    // single-step benchmarks.
    let content: Vec<Vec<(usize, usize)>> = docs
        .iter()
        .zip(&headline)
        .map(|(d, &h)| {
            text::paragraphs(&d.text, h, &boilerplate)
                .into_iter()
                .filter(|p| p.kind == ParagraphKind::Content)
                .map(|p| (p.start, p.end))
                .collect()
        })
        .collect();
    let quoted: Vec<Vec<_>> = docs
        .iter()
        .zip(&content)
        .map(|(d, ps)| {
            ps.iter()
                .map(|&(s, e)| text::pair_quotes(&d.text, s, e))
                .collect()
        })
        .collect();

    let mut group = c.benchmark_group("text");
    configure(&mut group);
    group.throughput(Throughput::Bytes(corpus_bytes(&docs)));
    group.bench_function("paragraphs", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&headline)
                .map(|(d, &h)| text::paragraphs(&d.text, h, &boilerplate).len())
                .sum::<usize>()
        })
    });
    group.bench_function("pair_quotes", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&content)
                .flat_map(|(d, ps)| {
                    ps.iter()
                        .map(|&(s, e)| text::pair_quotes(&d.text, s, e).len())
                })
                .sum::<usize>()
        })
    });
    group.bench_function("sentences", |b| {
        b.iter(|| {
            let mut n = 0;
            for ((d, ps), qs) in docs.iter().zip(&content).zip(&quoted) {
                for (&(s, e), q) in ps.iter().zip(qs) {
                    n += text::sentences(&d.text, s, e, q).len();
                }
            }
            n
        })
    });
    group.bench_function("all", |b| {
        b.iter(|| {
            let mut n = 0;
            for (d, &h) in docs.iter().zip(&headline) {
                for p in text::paragraphs(&d.text, h, &boilerplate) {
                    if p.kind != ParagraphKind::Content {
                        continue;
                    }
                    let q = text::pair_quotes(&d.text, p.start, p.end);
                    n += text::sentences(&d.text, p.start, p.end, &q).len();
                }
            }
            n
        })
    });
    group.finish();
}

fn bench_extract(c: &mut Criterion) {
    let docs = documents();
    let extractor = Extractor::builtin();
    let mut group = c.benchmark_group("extract");
    configure(&mut group);
    group.throughput(Throughput::Bytes(corpus_bytes(&docs)));
    group.bench_function("corpus", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| extractor.extract(d, has_headline(d)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn bench_stance(c: &mut Criterion) {
    let docs = documents();
    let extractor = Extractor::builtin();
    let codebook = Codebook::builtin();
    // (statement text, reporting context) as `Pipeline::process` passes them.
    let inputs: Vec<(String, String)> = docs
        .iter()
        .flat_map(|d| {
            extractor
                .extract(d, has_headline(d))
                .into_iter()
                .map(|f| (d.text[f.start..f.end].to_string(), f.context))
        })
        .collect();
    let labelled = inputs
        .iter()
        .filter(|(t, ctx)| !codebook.label(t, ctx).is_empty())
        .count();
    eprintln!(
        "stance: {} statements, {labelled} with a label",
        inputs.len()
    );

    let mut group = c.benchmark_group("stance");
    configure(&mut group);
    group.throughput(Throughput::Elements(inputs.len() as u64));
    group.bench_function("label", |b| {
        b.iter(|| {
            inputs
                .iter()
                .map(|(t, ctx)| codebook.label(t, ctx).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn bench_pipeline(c: &mut Criterion) {
    let docs = documents();
    let pipeline = Pipeline::builtin();
    let mut group = c.benchmark_group("pipeline");
    configure(&mut group);
    group.throughput(Throughput::Bytes(corpus_bytes(&docs)));
    group.bench_function("process", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| pipeline.process(d).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn bench_report(c: &mut Criterion) {
    let docs = documents();
    let pipeline = Pipeline::builtin();
    let mut statements: Vec<Statement> = docs.iter().flat_map(|d| pipeline.process(d)).collect();
    merge_speakers(&mut statements, pipeline.extractor.registry());
    let issues = pipeline.codebook.issue_ids();
    let opts = CsvOptions::default();
    eprintln!(
        "report: {} statements, {} actors, quotes.csv {} bytes",
        statements.len(),
        matrix::by_actor(&statements).len(),
        quotes_csv(&statements, &issues, opts).len()
    );

    let mut group = c.benchmark_group("report");
    configure(&mut group);
    group.throughput(Throughput::Bytes(corpus_bytes(&docs)));
    group.bench_function("quotes_csv", |b| {
        b.iter(|| quotes_csv(&statements, &issues, opts))
    });
    group.bench_function("stance_matrix", |b| {
        b.iter(|| matrix_csv(&matrix::by_actor(&statements), &issues, opts))
    });
    group.bench_function("stance_matrix_by_affiliation", |b| {
        b.iter(|| matrix_csv(&matrix::by_affiliation(&statements), &issues, opts))
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_ingest,
    bench_text,
    bench_extract,
    bench_stance,
    bench_pipeline,
    bench_report
);
criterion_main!(benches);
