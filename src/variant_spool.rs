//! Cross-document variant clustering for corpora that do not fit in memory.
//!
//! Links only ever join statements of one speaker, so the corpus splits
//! into independent parts by speaker. [`VariantSpool`] writes each
//! statement that has a speaker to one of a number of bucket files (by a
//! hash of the speaker), clusters one bucket at a time with
//! [`crate::variants::cluster`], spools each bucket's clusters (already in
//! order of first member) to disk, and finally merges those sorted runs into
//! `variants.csv` and `variants.md`. Memory holds one bucket, not the
//! corpus; the files are the same as clustering everything at once.

use std::collections::BinaryHeap;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::statement::{Kind, Statement};
use crate::variants::{self, Change, Cluster, Member, VariantOptions};

/// Statements per bucket aimed at (a prolific speaker's bucket is larger).
const BUCKET_TARGET: usize = 8192;
/// At most this many bucket files are open at once.
const MAX_BUCKETS: usize = 256;

/// What clustering and the variant files need of a statement.
#[derive(Debug, Serialize, Deserialize)]
struct Spooled {
    /// Position of the statement in the corpus.
    i: usize,
    doc: String,
    outlet: String,
    date: String,
    kind: String,
    speaker: String,
    text: String,
}

impl Spooled {
    fn statement(self) -> io::Result<Statement> {
        let kind = Kind::parse(&self.kind).ok_or_else(|| bad("unknown kind in spool"))?;
        Ok(Statement {
            id: String::new(),
            doc: self.doc,
            outlet: self.outlet,
            date: self.date,
            kind,
            speaker: Some(self.speaker),
            speaker_mention: String::new(),
            anonymous: false,
            affiliation: String::new(),
            cue: String::new(),
            text: self.text,
            start: 0,
            end: 0,
            stance: Vec::new(),
        })
    }
}

/// A cluster found in one bucket, waiting for its corpus-wide id.
#[derive(Debug, Serialize, Deserialize)]
struct SpooledCluster {
    reference: usize,
    members: Vec<SpooledMember>,
}

#[derive(Debug, Serialize, Deserialize)]
struct SpooledMember {
    statement: Spooled,
    /// `f64::to_bits`, so the similarity survives the round trip exactly.
    similarity: u64,
    change: String,
    diff: String,
}

impl SpooledCluster {
    fn first(&self) -> usize {
        self.members.first().map_or(0, |m| m.statement.i)
    }

    /// The cluster with its final id, over its own members' statements.
    fn into_cluster(self, id: String) -> io::Result<(Vec<Statement>, Cluster)> {
        let mut statements = Vec::with_capacity(self.members.len());
        let mut members = Vec::with_capacity(self.members.len());
        for (k, m) in self.members.into_iter().enumerate() {
            statements.push(m.statement.statement()?);
            members.push(Member {
                statement: k,
                similarity: f64::from_bits(m.similarity),
                change: Change::parse(&m.change).ok_or_else(|| bad("unknown change in spool"))?,
                diff: m.diff,
            });
        }
        Ok((
            statements,
            Cluster {
                id,
                members,
                reference: self.reference,
            },
        ))
    }
}

fn bad(message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message.to_string())
}

/// FNV-1a: a stable hash, so bucket assignment (and nothing else) depends
/// only on the speaker's name.
fn bucket_of(speaker: &str, buckets: usize) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in speaker.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (h % buckets as u64) as usize
}

/// Statements spooled by speaker bucket, then clustered bucket by bucket.
#[derive(Debug)]
pub struct VariantSpool {
    dir: PathBuf,
    buckets: Vec<BufWriter<File>>,
    next: usize,
}

impl VariantSpool {
    /// Spools into `dir` (created; removed by the caller's work folder),
    /// sized for about `expected` statements.
    pub fn create(dir: &Path, expected: usize) -> io::Result<VariantSpool> {
        fs::create_dir_all(dir)?;
        let n = expected.div_ceil(BUCKET_TARGET).clamp(1, MAX_BUCKETS);
        let buckets = (0..n)
            .map(|b| File::create(dir.join(format!("bucket-{b}.jsonl"))).map(BufWriter::new))
            .collect::<io::Result<Vec<_>>>()?;
        Ok(VariantSpool {
            dir: dir.to_path_buf(),
            buckets,
            next: 0,
        })
    }

    /// Adds the next statement of the corpus (after the speaker merge).
    pub fn push(&mut self, s: &Statement) -> io::Result<()> {
        let i = self.next;
        self.next += 1;
        // Only statements with a speaker take part in clustering.
        let Some(speaker) = s
            .speaker
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        else {
            return Ok(());
        };
        let b = bucket_of(speaker, self.buckets.len());
        let rec = Spooled {
            i,
            doc: s.doc.clone(),
            outlet: s.outlet.clone(),
            date: s.date.clone(),
            kind: s.kind.as_str().to_string(),
            speaker: s.speaker.clone().unwrap_or_default(),
            text: s.text.clone(),
        };
        serde_json::to_writer(&mut self.buckets[b], &rec)?;
        self.buckets[b].write_all(b"\n")
    }

    /// Clusters every bucket; the result gives the clusters in corpus order.
    pub fn finish(self, opts: &VariantOptions, jobs: Option<usize>) -> io::Result<SortedClusters> {
        let n = self.buckets.len();
        for mut w in self.buckets {
            w.flush()?;
        }
        // Buckets are independent: they are clustered in parallel, each
        // worker holding one bucket.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.unwrap_or(0))
            .build()
            .map_err(io::Error::other)?;
        let dir = &self.dir;
        let counts: Vec<io::Result<usize>> = pool.install(|| {
            (0..n)
                .into_par_iter()
                .map(|b| cluster_bucket(dir, b, opts))
                .collect()
        });
        let mut total = 0;
        for c in counts {
            total += c?;
        }
        Ok(SortedClusters {
            dir: self.dir,
            buckets: n,
            count: total,
        })
    }
}

/// The clusters of every bucket, spooled, ready to be read in corpus order.
#[derive(Debug)]
pub struct SortedClusters {
    dir: PathBuf,
    buckets: usize,
    /// Number of clusters.
    pub count: usize,
}

impl SortedClusters {
    /// Calls `emit` for each cluster in corpus order (by first member), with
    /// its members' statements, numbered as one clustering of the whole
    /// corpus would number them.
    pub fn emit_all(
        self,
        mut emit: impl FnMut(&[Statement], &Cluster) -> io::Result<()>,
    ) -> io::Result<()> {
        let n = self.buckets;
        // Each bucket's clusters are in order of first member: merge the
        // sorted runs.
        let width = self.count.to_string().len().max(3);
        let mut runs = Vec::with_capacity(n);
        let mut heap: BinaryHeap<std::cmp::Reverse<(usize, usize)>> = BinaryHeap::new();
        let mut heads: Vec<Option<SpooledCluster>> = Vec::with_capacity(n);
        for b in 0..n {
            let mut lines =
                BufReader::new(File::open(self.dir.join(format!("clusters-{b}.jsonl")))?).lines();
            let head = next_cluster(&mut lines)?;
            if let Some(c) = &head {
                heap.push(std::cmp::Reverse((c.first(), b)));
            }
            heads.push(head);
            runs.push(lines);
        }
        let mut k = 0;
        while let Some(std::cmp::Reverse((_, b))) = heap.pop() {
            let Some(c) = heads[b].take() else { continue };
            k += 1;
            let (statements, cluster) = c.into_cluster(format!("v{k:0width$}"))?;
            emit(&statements, &cluster)?;
            heads[b] = next_cluster(&mut runs[b])?;
            if let Some(c) = &heads[b] {
                heap.push(std::cmp::Reverse((c.first(), b)));
            }
        }
        Ok(())
    }
}

/// Clusters bucket `b` of `dir` into `clusters-{b}.jsonl`; returns the count.
fn cluster_bucket(dir: &Path, b: usize, opts: &VariantOptions) -> io::Result<usize> {
    let path = dir.join(format!("bucket-{b}.jsonl"));
    let mut positions = Vec::new();
    let mut statements = Vec::new();
    for line in BufReader::new(File::open(&path)?).lines() {
        let rec: Spooled = serde_json::from_str(&line?)?;
        positions.push(rec.i);
        statements.push(rec.statement()?);
    }
    fs::remove_file(&path)?;
    let clusters = variants::cluster(&statements, opts);
    let mut out = BufWriter::new(File::create(dir.join(format!("clusters-{b}.jsonl")))?);
    for c in &clusters {
        let members = c
            .members
            .iter()
            .map(|m| {
                let s = &statements[m.statement];
                SpooledMember {
                    statement: Spooled {
                        i: positions[m.statement],
                        doc: s.doc.clone(),
                        outlet: s.outlet.clone(),
                        date: s.date.clone(),
                        kind: s.kind.as_str().to_string(),
                        speaker: s.speaker.clone().unwrap_or_default(),
                        text: s.text.clone(),
                    },
                    similarity: m.similarity.to_bits(),
                    change: m.change.as_str().to_string(),
                    diff: m.diff.clone(),
                }
            })
            .collect();
        let rec = SpooledCluster {
            reference: c.reference,
            members,
        };
        serde_json::to_writer(&mut out, &rec)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(clusters.len())
}

fn next_cluster(lines: &mut io::Lines<BufReader<File>>) -> io::Result<Option<SpooledCluster>> {
    match lines.next() {
        Some(line) => Ok(Some(serde_json::from_str(&line?)?)),
        None => Ok(None),
    }
}
