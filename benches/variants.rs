//! Clustering cost on synthetic statements: 50k, 100k and 200k statements
//! should take time roughly proportional to their number.
//!
//! The generator makes many speakers (a few prolific ones), Zipf-like
//! vocabulary (so some words are in a large share of the statements, the case
//! that would make an all-pairs or uncapped index quadratic), and re-reports a
//! share of utterances in other documents with the edits outlets make:
//! truncation, British spelling, changed punctuation, a substituted word, or
//! reported speech reusing some of the words.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use stancetrack::statement::{Kind, Statement};
use stancetrack::variants::{cluster, VariantOptions};

/// SplitMix64: a small, fast, reproducible generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Index in `0..n`, skewed towards 0 (roughly Zipf-like).
    fn skewed(&mut self, n: usize, power: i32) -> usize {
        ((self.unit().powi(power) * n as f64) as usize).min(n - 1)
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "zen", "dor", "pal", "gri", "mon", "tes", "ul",
    "bra", "che", "fin", "hol", "jun",
];

const FUNCTION: &[&str] = &[
    "the", "a", "of", "to", "and", "in", "that", "is", "will", "not",
];

/// British spellings the normaliser folds, to make spelling variants.
const SPELLING: &[(&str, &str)] = &[
    ("recognize", "recognise"),
    ("favor", "favour"),
    ("center", "centre"),
    ("defense", "defence"),
    ("organization", "organisation"),
];

fn vocabulary(rng: &mut Rng, n: usize) -> Vec<String> {
    let mut words: Vec<String> = (0..n)
        .map(|_| {
            let k = 2 + rng.below(3);
            (0..k)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect()
        })
        .collect();
    for (k, (us, _)) in SPELLING.iter().enumerate() {
        words[k * 7] = us.to_string();
    }
    words
}

fn utterance(rng: &mut Rng, vocab: &[String]) -> Vec<String> {
    let len = 6 + rng.below(20);
    (0..len)
        .map(|_| {
            if rng.below(3) == 0 {
                FUNCTION[rng.below(FUNCTION.len())].to_string()
            } else {
                vocab[rng.skewed(vocab.len(), 3)].clone()
            }
        })
        .collect()
}

/// Another outlet's version of `words`.
fn variant(rng: &mut Rng, words: &[String], vocab: &[String]) -> (Kind, String) {
    let mut w = words.to_vec();
    let kind = match rng.below(6) {
        0 => {
            let keep = (w.len() / 2).max(3).min(w.len());
            w.truncate(keep);
            Kind::Direct
        }
        1 => {
            for x in w.iter_mut() {
                if let Some((_, gb)) = SPELLING.iter().find(|(us, _)| us == x) {
                    *x = gb.to_string();
                }
            }
            w[0] = w[0].to_uppercase();
            Kind::Direct
        }
        2 => {
            let k = rng.below(w.len());
            w[k] = vocab[rng.below(vocab.len())].clone();
            Kind::Direct
        }
        3 => {
            let start = rng.below(w.len() / 2 + 1);
            w = w[start..].to_vec();
            Kind::Fragment
        }
        _ => {
            // Reported speech: some of the words, some new ones, reordered.
            let mut out: Vec<String> = w.iter().filter(|_| rng.below(3) != 0).cloned().collect();
            for _ in 0..3 {
                out.insert(
                    rng.below(out.len() + 1),
                    vocab[rng.below(vocab.len())].clone(),
                );
            }
            w = out;
            Kind::Indirect
        }
    };
    let end = [".", ",", "", "!"][rng.below(4)];
    (kind, format!("{}{end}", w.join(" ")))
}

fn statement(i: usize, doc: usize, kind: Kind, speaker: usize, text: String) -> Statement {
    Statement {
        id: format!("doc{doc}#{i}"),
        doc: format!("doc{doc}"),
        outlet: format!("outlet{}", doc % 97),
        date: format!(
            "2025-{:02}-{:02}",
            1 + (doc / 2000) % 12,
            1 + (doc / 70) % 28
        ),
        kind,
        speaker: Some(format!("speaker{speaker}")),
        speaker_mention: String::new(),
        anonymous: false,
        affiliation: String::new(),
        cue: "said".to_string(),
        start: 0,
        end: text.len(),
        text,
        stance: Vec::new(),
    }
}

/// `n` statements, about 20 per document, one in three re-reporting an
/// utterance first reported in an earlier document.
pub fn synthetic(n: usize, seed: u64) -> Vec<Statement> {
    let mut rng = Rng(seed);
    let vocab = vocabulary(&mut rng, 20_000);
    let speakers = (n / 100).max(10);
    let mut recent: Vec<(usize, usize, Vec<String>)> = Vec::new();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let doc = i / 20;
        if !recent.is_empty() && rng.below(3) == 0 {
            let k = recent.len() - 1 - rng.below(recent.len().min(400));
            let (speaker, first_doc, words) = &recent[k];
            if *first_doc != doc {
                let (kind, text) = variant(&mut rng, words, &vocab);
                out.push(statement(i, doc, kind, *speaker, text));
                continue;
            }
        }
        let speaker = rng.skewed(speakers, 2);
        let words = utterance(&mut rng, &vocab);
        let kind = [Kind::Direct, Kind::Indirect, Kind::Fragment, Kind::Mixed][rng.below(4)];
        out.push(statement(i, doc, kind, speaker, words.join(" ")));
        recent.push((speaker, doc, words));
    }
    out
}

fn bench_cluster(c: &mut Criterion) {
    let opts = VariantOptions::default();
    let mut group = c.benchmark_group("variants_cluster");
    group.sample_size(10);
    for n in [50_000, 100_000, 200_000] {
        let statements = synthetic(n, 42);
        let clusters = cluster(&statements, &opts);
        let members: usize = clusters.iter().map(|c| c.members.len()).sum();
        eprintln!(
            "{n} statements: {} clusters, {members} members",
            clusters.len()
        );
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &statements, |b, st| {
            b.iter(|| cluster(st, &opts))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_cluster);
criterion_main!(benches);
