//! Cross-document variant clustering for corpora that do not fit in memory.
//!
//! Links only ever join statements of one speaker, so the corpus splits
//! into independent parts by speaker. [`VariantSpool`] writes each
//! statement that has a speaker to one of a number of bucket files (by a
//! hash of the speaker), links each bucket with
//! [`crate::variants::linked_groups`], builds and spools its clusters (in
//! order of first member), and finally merges those sorted runs into
//! `variants.csv` and `variants.md`.
//!
//! A prolific speaker's bucket grows with the corpus, so a bucket larger
//! than one window is linked window by window in date order (see
//! `cluster_bucket`): memory holds a window of statements per worker and a
//! few integers per statement of the bucket, whatever the corpus size. A
//! bucket within one window gives the same clusters as
//! [`crate::variants::cluster`] over the whole corpus.

use std::borrow::Cow;
use std::collections::{BTreeMap, BinaryHeap};
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::pipelined::pipelined;
use crate::spool_fields::{self, push_field};
use crate::statement::{Kind, Statement};
use crate::variants::{self, Change, Cluster, Member, VariantOptions};

/// Statements per bucket aimed at (a prolific speaker's bucket is larger).
const BUCKET_TARGET: usize = 4096;
/// New statements linked per window of a bucket larger than one window.
const WINDOW: usize = 4096;
/// Statements of the bucket (by date) each window looks back over.
const LOOKBACK: usize = 2048;
/// At most this many bucket files are open at once.
const MAX_BUCKETS: usize = 256;

/// Appends the fields of a bucket line that follow the position (date, doc,
/// outlet, kind, speaker, text), each after a tab, in the order
/// [`statement_from_fields`] reads them.
fn push_fields_after_position(out: &mut Vec<u8>, s: &Statement) {
    for field in [
        &s.date,
        &s.doc,
        &s.outlet,
        s.kind.as_str(),
        s.speaker.as_deref().unwrap_or_default(),
        &s.text,
    ] {
        push_field(out, field);
    }
}

/// Parses a bucket line (see [`SpoolLine`]), without its newline, into
/// what clustering and the variant files need of its statement.
fn parse_line(line: &[u8]) -> io::Result<Statement> {
    let fields = spool_fields::split_fields(line).map_err(bad)?;
    statement_from_fields(&mut fields.into_iter())
}

/// Reads the fields of a bucket line from `fields`: the statement's corpus
/// position (checked, not kept: the bucket's index has it), date, doc,
/// outlet, kind, speaker and text.
fn statement_from_fields<'a>(fields: &mut impl Iterator<Item = &'a str>) -> io::Result<Statement> {
    let mut next = || {
        fields
            .next()
            .ok_or_else(|| bad("missing field in spool line"))
            .and_then(unescape_str)
    };
    next()?
        .parse::<usize>()
        .map_err(|_| bad("bad position in spool line"))?;
    let date = next()?.into_owned();
    let doc = next()?.into_owned();
    let outlet = next()?.into_owned();
    let kind = Kind::parse(&next()?).ok_or_else(|| bad("unknown kind in spool"))?;
    let speaker = next()?.into_owned();
    let text = next()?.into_owned();
    Ok(Statement {
        id: String::new(),
        doc,
        outlet,
        date,
        kind,
        speaker: Some(speaker),
        speaker_mention: String::new(),
        anonymous: false,
        affiliation: String::new(),
        cue: String::new(),
        text,
        start: 0,
        end: 0,
        stance: Vec::new(),
    })
}

/// A cluster found in one bucket, waiting for its corpus-wide id.
///
/// Its line in a bucket's cluster file is tab-separated (escaped like a
/// bucket line): the first member's position (so the merge of the buckets'
/// files orders clusters without parsing them), the reference member, then
/// per member the fields of its bucket line, the similarity's bits, the
/// change and the diff.
#[derive(Debug)]
struct SpooledCluster {
    reference: usize,
    members: Vec<SpooledMember>,
}

#[derive(Debug)]
struct SpooledMember {
    statement: Statement,
    /// `f64::to_bits`, so the similarity survives the round trip exactly.
    similarity: u64,
    change: String,
    diff: String,
}

impl SpooledCluster {
    /// Parses the fields of a cluster line after the first member's
    /// position (which [`next_cluster`] reads).
    fn parse_fields(fields: &str) -> io::Result<SpooledCluster> {
        let mut fields = spool_fields::split_str_fields(fields).into_iter();
        let number = |field: Option<&str>, what: &str| -> io::Result<u64> {
            let text = unescape_str(
                field.ok_or_else(|| bad(&format!("missing {what} in cluster line")))?,
            )?;
            text.parse()
                .map_err(|_| bad(&format!("bad {what} in cluster line")))
        };
        let reference = number(fields.next(), "reference")? as usize;
        let mut members = Vec::new();
        let mut fields = fields.peekable();
        while fields.peek().is_some() {
            let statement = statement_from_fields(&mut fields)?;
            let similarity = number(fields.next(), "similarity")?;
            let mut text = |what: &str| {
                fields
                    .next()
                    .ok_or_else(|| bad(&format!("missing {what} in cluster line")))
                    .and_then(unescape_str)
                    .map(Cow::into_owned)
            };
            members.push(SpooledMember {
                statement,
                similarity,
                change: text("change")?,
                diff: text("diff")?,
            });
        }
        if reference >= members.len() {
            return Err(bad("cluster line's reference is not one of its members"));
        }
        Ok(SpooledCluster { reference, members })
    }

    /// The cluster with its final id, over its own members' statements.
    fn into_cluster(self, id: String) -> io::Result<(Vec<Statement>, Cluster)> {
        let mut statements = Vec::with_capacity(self.members.len());
        let mut members = Vec::with_capacity(self.members.len());
        for (k, m) in self.members.into_iter().enumerate() {
            statements.push(m.statement);
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

/// Appends the line of cluster `c` (see [`SpooledCluster`]), with its
/// newline. Its members are statements of `statements`, the `k`-th at
/// position `position(k)` of the corpus.
fn push_cluster_line(
    out: &mut Vec<u8>,
    c: &Cluster,
    statements: &[Statement],
    position: impl Fn(usize) -> usize,
) {
    let first = c.members.first().map_or(0, |m| position(m.statement));
    out.extend_from_slice(first.to_string().as_bytes());
    push_field(out, &c.reference.to_string());
    for m in &c.members {
        let s = &statements[m.statement];
        push_field(out, &position(m.statement).to_string());
        push_fields_after_position(out, s);
        push_field(out, &m.similarity.to_bits().to_string());
        push_field(out, m.change.as_str());
        push_field(out, &m.diff);
    }
    out.push(b'\n');
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

/// A statement's spool line, rendered apart from the spool (on any thread)
/// without its corpus position, which only the spool knows.
///
/// A bucket line is a statement's fields separated by tabs (position, date,
/// doc, outlet, kind, speaker, text), each with `\`, tab, newline and
/// carriage return escaped as `\\`, `\t`, `\n`, `\r`: a bucket is read
/// back once per statement (twice in a bucket of several windows), and
/// splitting on tabs costs a fraction of parsing JSON.
#[derive(Debug)]
pub struct SpoolLine {
    bucket: usize,
    /// Every field of the line but the position, with the tab before it.
    fields: Vec<u8>,
}

/// A field of a bucket line, unescaped.
fn unescape(field: &[u8]) -> io::Result<String> {
    spool_fields::unescape(field).map_err(bad)
}

/// A field of a bucket line checked to be UTF-8, unescaped (borrowed when
/// it holds no escape).
fn unescape_str(field: &str) -> io::Result<Cow<'_, str>> {
    spool_fields::unescape_str(field).map_err(bad)
}

impl SpoolLine {
    /// The line of statement `s` for a spool of `buckets` buckets; `None`
    /// when it has no speaker (only statements with a speaker take part in
    /// clustering).
    pub fn render(s: &Statement, buckets: usize) -> io::Result<Option<SpoolLine>> {
        let Some(speaker) = s
            .speaker
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        else {
            return Ok(None);
        };
        let mut fields = Vec::with_capacity(
            s.date.len() + s.doc.len() + s.outlet.len() + speaker.len() + s.text.len() + 32,
        );
        push_fields_after_position(&mut fields, s);
        Ok(Some(SpoolLine {
            bucket: bucket_of(speaker, buckets),
            fields,
        }))
    }
}

/// Statements spooled by speaker bucket, then clustered bucket by bucket.
#[derive(Debug)]
pub struct VariantSpool {
    dir: PathBuf,
    buckets: Vec<BufWriter<File>>,
    /// Statements written to each bucket (the clustering work it holds).
    sizes: Vec<usize>,
    next: usize,
}

impl VariantSpool {
    /// Spools into `dir` (created; removed by the caller's work folder),
    /// sized for about `expected` statements.
    pub fn create(dir: &Path, expected: usize) -> io::Result<VariantSpool> {
        fs::create_dir_all(dir)?;
        let n = expected.div_ceil(BUCKET_TARGET).clamp(1, MAX_BUCKETS);
        let buckets = (0..n)
            .map(|b| File::create(dir.join(format!("bucket-{b}.tsv"))).map(BufWriter::new))
            .collect::<io::Result<Vec<_>>>()?;
        Ok(VariantSpool {
            dir: dir.to_path_buf(),
            sizes: vec![0; buckets.len()],
            buckets,
            next: 0,
        })
    }

    /// Number of bucket files (what [`SpoolLine::render`] needs).
    pub fn buckets(&self) -> usize {
        self.buckets.len()
    }

    /// Adds the next statement of the corpus (after the speaker merge).
    pub fn push(&mut self, s: &Statement) -> io::Result<()> {
        let line = SpoolLine::render(s, self.buckets.len())?;
        self.push_line(line)
    }

    /// Adds the next statement of the corpus as rendered by
    /// [`SpoolLine::render`] (`None`: a statement without a speaker).
    pub fn push_line(&mut self, line: Option<SpoolLine>) -> io::Result<()> {
        let i = self.next;
        self.next += 1;
        let Some(line) = line else {
            return Ok(());
        };
        self.sizes[line.bucket] += 1;
        let w = &mut self.buckets[line.bucket];
        write!(w, "{i}")?;
        w.write_all(&line.fields)?;
        w.write_all(b"\n")
    }

    /// Clusters every bucket; the result gives the clusters in corpus order.
    pub fn finish(self, opts: &VariantOptions, jobs: Option<usize>) -> io::Result<SortedClusters> {
        let n = self.buckets.len();
        for mut w in self.buckets {
            w.flush()?;
        }
        // Buckets are independent: they are clustered in parallel, each
        // worker holding one bucket. A prolific speaker's bucket takes many
        // times the average, so the largest go first and each worker takes
        // the next one as it frees: handed out in file order, one late large
        // bucket left a core idle for the last second of a 200 MB run.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.unwrap_or(0))
            .build()
            .map_err(io::Error::other)?;
        let dir = &self.dir;
        let mut largest_first: Vec<usize> = (0..n).collect();
        largest_first.sort_by_key(|&b| (std::cmp::Reverse(self.sizes[b]), b));
        let next = AtomicUsize::new(0);
        let mut counts: Vec<(usize, io::Result<usize>)> = pool.install(|| {
            (0..rayon::current_num_threads())
                .into_par_iter()
                .flat_map_iter(|_| {
                    std::iter::from_fn(|| {
                        let b = *largest_first.get(next.fetch_add(1, Ordering::Relaxed))?;
                        Some((b, cluster_bucket(dir, b, opts)))
                    })
                    .collect::<Vec<_>>()
                })
                .collect()
        });
        // In bucket order, so that the error reported (the first bucket's)
        // does not depend on which worker took which bucket.
        counts.sort_unstable_by_key(|&(b, _)| b);
        let mut total = 0;
        for (_, c) in counts {
            total += c?;
        }
        Ok(SortedClusters {
            dir: self.dir,
            buckets: n,
            count: total,
            pool,
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
    /// The clustering workers, kept to render the clusters.
    pool: rayon::ThreadPool,
}

impl SortedClusters {
    /// Renders each cluster (with its members' statements, numbered as one
    /// clustering of the whole corpus would number them) with `render`, and
    /// hands the results to `write` in corpus order (by first member).
    /// Clusters are read back and rendered in parallel batches, pipelined
    /// (see [`pipelined`]) so that the merge of the buckets' sorted runs and
    /// `write`, the serial ends, run while the next batch renders.
    pub fn emit_all<R: Send>(
        self,
        render: impl Fn(&[Statement], &Cluster) -> io::Result<R> + Sync,
        mut write: impl FnMut(R) -> io::Result<()> + Send,
    ) -> io::Result<()> {
        const BATCH: usize = 512;
        let n = self.buckets;
        let width = self.count.to_string().len().max(3);
        // Each bucket's clusters are in order of first member: merge the
        // sorted runs.
        let mut runs = Vec::with_capacity(n);
        let mut heap: BinaryHeap<std::cmp::Reverse<(usize, usize)>> = BinaryHeap::new();
        let mut heads: Vec<Option<String>> = Vec::with_capacity(n);
        for b in 0..n {
            let mut lines =
                BufReader::new(File::open(self.dir.join(format!("clusters-{b}.tsv")))?).lines();
            let head = next_cluster(&mut lines)?.map(|(first, fields)| {
                heap.push(std::cmp::Reverse((first, b)));
                fields
            });
            heads.push(head);
            runs.push(lines);
        }
        let mut k = 0;
        let read = || -> io::Result<Option<Vec<(usize, String)>>> {
            let mut batch = Vec::with_capacity(BATCH);
            while let Some(std::cmp::Reverse((_, b))) = heap.pop() {
                let Some(fields) = heads[b].take() else {
                    continue;
                };
                k += 1;
                batch.push((k, fields));
                heads[b] = next_cluster(&mut runs[b])?.map(|(first, fields)| {
                    heap.push(std::cmp::Reverse((first, b)));
                    fields
                });
                if batch.len() == BATCH {
                    break;
                }
            }
            Ok((!batch.is_empty()).then_some(batch))
        };
        let render_batch = |batch: &Vec<(usize, String)>| -> Vec<io::Result<R>> {
            batch
                .par_iter()
                .map(|(k, fields)| {
                    let c = SpooledCluster::parse_fields(fields)?;
                    let (statements, cluster) = c.into_cluster(format!("v{k:0width$}"))?;
                    render(&statements, &cluster)
                })
                .collect()
        };
        pipelined(&self.pool, read, render_batch, |_, rendered| {
            rendered.into_iter().try_for_each(|r| write(r?))
        })
    }
}

/// Where one spooled statement is in its bucket file, and what ordering
/// it into windows needs.
#[derive(Debug, Clone, Copy)]
struct Entry {
    offset: u64,
    len: usize,
    /// Position of the statement in the corpus.
    i: usize,
    day: Option<i64>,
}

/// A bucket file read back statement by statement at the offsets of its
/// [`Entry`]s.
struct BucketFile {
    file: File,
    buf: Vec<u8>,
}

impl BucketFile {
    /// Bytes `offset..offset + len` of the file. The buffer only grows:
    /// zeroing it afresh before every read cost more than the reads.
    fn fill(&mut self, offset: u64, len: usize) -> io::Result<&[u8]> {
        if self.buf.len() < len {
            self.buf.resize(len, 0);
        }
        // Members are read one by one wherever they lie apart: one
        // positioned read each, not a seek and a read.
        #[cfg(unix)]
        std::os::unix::fs::FileExt::read_exact_at(&self.file, &mut self.buf[..len], offset)?;
        #[cfg(not(unix))]
        {
            use std::io::{Read, Seek, SeekFrom};
            self.file.seek(SeekFrom::Start(offset))?;
            self.file.read_exact(&mut self.buf[..len])?;
        }
        Ok(&self.buf[..len])
    }

    fn read(&mut self, e: &Entry) -> io::Result<Statement> {
        let line = self.fill(e.offset, e.len)?;
        parse_line(line.strip_suffix(b"\n").unwrap_or(line))
    }

    /// The statements of `entries` (ascending offsets), read with one
    /// system call when they lie close together in the file (a whole
    /// bucket, a window of a corpus in date order), else one by one: a
    /// cluster's few members can lie megabytes apart, and copying the
    /// span between them cost more than a call per member.
    fn read_all(&mut self, entries: &[Entry]) -> io::Result<Vec<Statement>> {
        let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
            return Ok(Vec::new());
        };
        let span = (last.offset + last.len as u64).saturating_sub(first.offset) as usize;
        let needed: usize = entries.iter().map(|e| e.len).sum();
        let ascending = entries.windows(2).all(|w| w[0].offset < w[1].offset);
        if !ascending || span > 2 * needed + (1 << 16) {
            return entries.iter().map(|e| self.read(e)).collect();
        }
        let buf = self.fill(first.offset, span)?;
        let mut out = Vec::with_capacity(entries.len());
        for e in entries {
            let at = (e.offset - first.offset) as usize;
            let line = &buf[at..at + e.len];
            let line = line.strip_suffix(b"\n").unwrap_or(line);
            out.push(parse_line(line)?);
        }
        Ok(out)
    }
}

/// Indexes a bucket file: one [`Entry`] per line, in corpus order.
fn index_bucket(path: &Path) -> io::Result<Vec<Entry>> {
    let mut reader = BufReader::with_capacity(1 << 16, File::open(path)?);
    let mut entries = Vec::new();
    let mut line = Vec::new();
    let mut offset = 0u64;
    loop {
        line.clear();
        let n = crate::ingest::read_line_bytes(&mut reader, &mut line)?;
        if n == 0 {
            break;
        }
        // The position and the date lead the line.
        let mut head = line.splitn(3, |&b| b == b'\t');
        let i = unescape(head.next().unwrap_or_default())?
            .parse()
            .map_err(|_| bad("bad position in spool line"))?;
        let date = unescape(
            head.next()
                .ok_or_else(|| bad("missing date in spool line"))?,
        )?;
        entries.push(Entry {
            offset,
            len: n,
            i,
            day: variants::day_number(&date),
        });
        offset += n as u64;
    }
    Ok(entries)
}

/// The windows a bucket is linked in: ranges of `order` (the bucket's
/// statements by date), each [`WINDOW`] new statements preceded by the
/// [`LOOKBACK`] before them. A bucket no larger than one window is one
/// window, linked exactly like [`variants::cluster`] would.
fn windows(n: usize) -> Vec<std::ops::Range<usize>> {
    if n <= WINDOW + LOOKBACK {
        return std::iter::once(0..n).collect();
    }
    let mut out = Vec::new();
    let mut fresh = 0;
    while fresh < n {
        let end = (fresh + WINDOW).min(n);
        out.push(fresh.saturating_sub(LOOKBACK)..end);
        fresh = end;
    }
    out
}

/// Clusters bucket `b` of `dir` into `clusters-{b}.tsv`; returns the count.
///
/// The bucket is linked window by window: its statements ordered by date
/// (undated ones last, in corpus order), [`WINDOW`] at a time with the
/// [`LOOKBACK`] statements before them, so that memory holds one window
/// however many statements a prolific speaker has in the corpus. Groups
/// linked in two windows share the statements of the overlap and are
/// joined. A re-report is thus found when it comes within [`LOOKBACK`] of
/// the speaker bucket's statements (months, even for the most quoted
/// speakers) of what it reports; ordering by date rather than by corpus
/// position keeps that true for corpora sorted by outlet.
///
/// A bucket of one window keeps its statements to build its clusters; a
/// larger one reads each cluster's members back from the file.
fn cluster_bucket(dir: &Path, b: usize, opts: &VariantOptions) -> io::Result<usize> {
    let path = dir.join(format!("bucket-{b}.tsv"));
    let entries = index_bucket(&path)?;
    let n = entries.len();
    let mut bucket = BucketFile {
        file: File::open(&path)?,
        buf: Vec::new(),
    };
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&k| (entries[k].day.unwrap_or(i64::MAX), k));
    let mut sets = Sets::new(n);
    let windows = windows(n);
    let mut resident: Option<Vec<Statement>> = None;
    let one_window = windows.len() == 1;
    for window in windows {
        // Linked in corpus order, as one clustering of the whole corpus
        // would see them.
        let mut members: Vec<usize> = order[window].to_vec();
        members.sort_unstable();
        let picked: Vec<Entry> = members.iter().map(|&k| entries[k]).collect();
        let statements = bucket.read_all(&picked)?;
        for group in variants::linked_groups(&statements, opts) {
            let group: Vec<usize> = group.iter().map(|&g| members[g]).collect();
            sets.join_window_group(&group);
        }
        if one_window {
            // The window is the whole bucket, in order: statement k is
            // entry k.
            resident = Some(statements);
        }
    }
    let mut parent = sets.parent;
    let mut groups: Vec<Vec<usize>> = {
        let mut by_root: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for k in 0..n {
            let root = find(&mut parent, k);
            by_root.entry(root).or_default().push(k);
        }
        by_root.into_values().filter(|m| m.len() > 1).collect()
    };
    drop(parent);
    groups.sort_by_key(|m| m[0]);
    let mut out = BufWriter::new(File::create(dir.join(format!("clusters-{b}.tsv")))?);
    let mut count = 0;
    let mut line = Vec::new();
    for group in groups {
        let read_back;
        // The group's statements, and its members' indices into them.
        let (statements, members): (&[Statement], Vec<usize>) = match &resident {
            Some(all) => (all, group.clone()),
            None => {
                let picked: Vec<Entry> = group.iter().map(|&k| entries[k]).collect();
                read_back = bucket.read_all(&picked)?;
                (&read_back, (0..group.len()).collect())
            }
        };
        if !variants::spans_enough_docs(members.iter().map(|&k| &statements[k]), opts) {
            continue;
        }
        count += 1;
        let c = variants::cluster_of_members(members, statements);
        line.clear();
        push_cluster_line(&mut line, &c, statements, |k| match resident {
            Some(_) => entries[k].i,
            None => entries[group[k]].i,
        });
        out.write_all(&line)?;
    }
    out.flush()?;
    drop(bucket);
    fs::remove_file(&path)?;
    Ok(count)
}

fn find(parent: &mut [u32], mut x: usize) -> u32 {
    while parent[x] as usize != x {
        let p = parent[x] as usize;
        parent[x] = parent[p];
        x = p;
    }
    x as u32
}

/// The sets of a bucket's statements linked so far, across windows.
struct Sets {
    parent: Vec<u32>,
    /// Per root: members.
    size: Vec<u32>,
}

impl Sets {
    fn new(n: usize) -> Sets {
        Sets {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    /// Joins the sets of a group one window linked (ascending bucket
    /// indices). Linking checks each new link against the sets it would
    /// join, but a window only sees its own statements: two sets that also
    /// hold statements outside this window's group were kept apart (or
    /// built) by other windows, and joining them here would chain, through
    /// the overlaps, what no window saw together. So the group's sets held
    /// entirely inside the group join into the first set that reaches
    /// outside it, and sets reaching outside are never joined together.
    fn join_window_group(&mut self, group: &[usize]) {
        let mut roots: Vec<(u32, u32)> = Vec::new();
        for &k in group {
            let r = find(&mut self.parent, k);
            match roots.iter_mut().find(|(root, _)| *root == r) {
                Some((_, seen)) => *seen += 1,
                None => roots.push((r, 1)),
            }
        }
        let anchor = roots
            .iter()
            .find(|&&(r, seen)| self.size[r as usize] > seen)
            .map_or(roots[0].0, |&(r, _)| r);
        for &(r, seen) in &roots {
            if r != anchor && self.size[r as usize] == seen {
                self.union(anchor, r);
            }
        }
    }

    fn union(&mut self, ra: u32, rb: u32) {
        let (lo, hi) = (ra.min(rb) as usize, ra.max(rb) as usize);
        self.parent[hi] = lo as u32;
        self.size[lo] += self.size[hi];
    }
}

/// The next cluster line of a run: its first member's position and its JSON.
fn next_cluster(lines: &mut io::Lines<BufReader<File>>) -> io::Result<Option<(usize, String)>> {
    let Some(line) = lines.next() else {
        return Ok(None);
    };
    let mut line = line?;
    let (first, fields) = line
        .split_once('\t')
        .ok_or_else(|| bad("cluster line without position in spool"))?;
    let first = first
        .parse()
        .map_err(|_| bad("bad cluster position in spool"))?;
    let at = line.len() - fields.len();
    line.drain(..at);
    Ok(Some((first, line)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(doc: &str, outlet: &str, kind: Kind, speaker: &str, text: &str) -> Statement {
        Statement {
            id: "d#1".into(),
            doc: doc.into(),
            outlet: outlet.into(),
            date: "2025-03-01".into(),
            kind,
            speaker: Some(speaker.into()),
            speaker_mention: String::new(),
            anonymous: false,
            affiliation: String::new(),
            cue: String::new(),
            text: text.into(),
            start: 0,
            end: 0,
            stance: Vec::new(),
        }
    }

    /// What a bucket or cluster line keeps of a statement.
    fn spooled(s: &Statement) -> Statement {
        Statement {
            id: String::new(),
            cue: String::new(),
            ..s.clone()
        }
    }

    #[test]
    fn bucket_lines_keep_tabs_newlines_and_backslashes() {
        let s = statement(
            "doc\\1",
            "Out\tlet",
            Kind::Mixed,
            "A \\t B",
            "line one\nline two\r\n\\n is not a newline\t“ok”",
        );
        let line = SpoolLine::render(&s, 7).unwrap().unwrap();
        let mut bytes = b"42".to_vec();
        bytes.extend_from_slice(&line.fields);
        assert!(!bytes.contains(&b'\n'));
        assert_eq!(parse_line(&bytes).unwrap(), spooled(&s));
        assert!(parse_line(b"1\t2025").is_err());
        assert!(parse_line(b"x\ta\tb\tc\tdirect\te\tf").is_err());
        assert!(parse_line(b"1\ta\tb\tc\tsaid\te\tf").is_err());
    }

    #[test]
    fn cluster_lines_round_trip_members_diffs_and_exact_similarity() {
        let statements = vec![
            statement("unclustered", "", Kind::Direct, "A B", "Other words"),
            statement("doc\t7", "Out\\let", Kind::Direct, "A B", "We will\nnot"),
            statement("doc\t9", "Out\\let", Kind::Direct, "A B", "We will never"),
        ];
        let member = |statement: usize, diff: &str, similarity: f64| Member {
            statement,
            similarity,
            change: Change::Substitution,
            diff: diff.into(),
        };
        let c = Cluster {
            id: String::new(),
            reference: 1,
            members: vec![
                member(1, "[-not-]{+never+}\t", 0.1 + 0.2),
                member(2, "", 1.0),
            ],
        };
        let mut line = Vec::new();
        push_cluster_line(&mut line, &c, &statements, |k| [0, 7, 9][k]);
        assert_eq!(line.iter().filter(|&&b| b == b'\n').count(), 1);
        let text = String::from_utf8(line).unwrap();
        let (first, fields) = text.trim_end_matches('\n').split_once('\t').unwrap();
        assert_eq!(first, "7");
        let (back, cluster) = SpooledCluster::parse_fields(fields)
            .unwrap()
            .into_cluster("v1".into())
            .unwrap();
        assert_eq!(back, vec![spooled(&statements[1]), spooled(&statements[2])]);
        assert_eq!(cluster.id, "v1");
        assert_eq!(cluster.reference, 1);
        assert_eq!(
            cluster.members,
            vec![
                member(0, "[-not-]{+never+}\t", 0.1 + 0.2),
                member(1, "", 1.0)
            ]
        );
        assert!(SpooledCluster::parse_fields("3").is_err());
        // A member without its diff.
        let cut = fields.rfind('\t').unwrap();
        assert!(SpooledCluster::parse_fields(&fields[..cut]).is_err());
    }

    #[test]
    fn windows_cover_every_statement_once_with_their_lookback() {
        let whole = windows(WINDOW + LOOKBACK);
        assert_eq!((whole.len(), &whole[0]), (1, &(0..WINDOW + LOOKBACK)));
        let n = 5 * WINDOW + 17;
        let w = windows(n);
        assert_eq!(w[0], 0..WINDOW);
        let mut fresh: usize = 0;
        for r in &w {
            assert_eq!(r.start, fresh.saturating_sub(LOOKBACK));
            assert!(r.end > fresh && r.end - fresh <= WINDOW);
            fresh = r.end;
        }
        assert_eq!(fresh, n);
    }

    /// One speaker's statements, each utterance reported by two outlets on
    /// the same day, the corpus sorted by outlet: in corpus order the two
    /// reports are a whole outlet apart (far more than the lookback), by
    /// date they are neighbours.
    #[test]
    fn a_bucket_larger_than_a_window_finds_re_reports_of_a_corpus_sorted_by_outlet() {
        let utterances = WINDOW + LOOKBACK;
        let report = |outlet: &str, u: usize| {
            let day = u / 40;
            Statement {
                id: format!("{outlet}{u}#1"),
                doc: format!("{outlet}{u}"),
                outlet: outlet.to_string(),
                date: format!("2025-{:02}-{:02}", 1 + day / 28, 1 + day % 28),
                kind: Kind::Direct,
                speaker: Some("Z".into()),
                speaker_mention: "Z".into(),
                anonymous: false,
                affiliation: String::new(),
                cue: "said".into(),
                text: format!("alpha{u} bravo{u} charlie{u} delta{u} echo{u}"),
                start: 0,
                end: 0,
                stance: Vec::new(),
            }
        };
        let dir = tempfile::tempdir().unwrap();
        let mut spool = VariantSpool::create(dir.path(), 2 * utterances).unwrap();
        for outlet in ["A", "B"] {
            for u in 0..utterances {
                spool.push(&report(outlet, u)).unwrap();
            }
        }
        let clusters = spool.finish(&VariantOptions::default(), Some(2)).unwrap();
        assert_eq!(clusters.count, utterances);
        let mut seen = 0;
        clusters
            .emit_all(
                |statements, cluster| Ok((statements.to_vec(), cluster.id.clone())),
                |(statements, id)| {
                    let width = utterances.to_string().len();
                    assert_eq!(id, format!("v{:0width$}", seen + 1));
                    assert_eq!(statements.len(), 2);
                    assert_eq!(statements[0].text, statements[1].text);
                    assert_eq!(statements[0].doc, format!("A{seen}"));
                    seen += 1;
                    Ok(())
                },
            )
            .unwrap();
        assert_eq!(seen, utterances);
    }
}
