//! Quote variants: one utterance, many versions.
//!
//! Outlets that report the same utterance rarely print the same words: one
//! quotes a sentence, another a fragment of it, a third translates it again,
//! changes the spelling to its house style or paraphrases it. This module
//! finds those versions across documents and shows how each differs from a
//! reference version, so an analyst can see at a glance who quoted what and
//! how faithfully.
//!
//! The work has three steps.
//!
//! 1. **Clustering** ([`cluster`]). Statements of the same canonical speaker
//!    from different documents are linked in two tiers. The *quote* tier links
//!    direct quotes, fragments and mixed statements whose normalised wording
//!    overlaps: the longest common word subsequence covers most of the shorter
//!    version (containment, so a part of a long quote joins the long quote).
//!    The *paraphrase* tier then links reported speech (at least one side
//!    indirect or mixed) of the same speaker whose content words (stopwords
//!    removed, lightly stemmed) overlap, one partner per statement and
//!    document, best pair first, so the same speaker saying two different
//!    things in two articles is not merged. Candidates come from an inverted
//!    index of word bigrams (quote tier) or content stems (paraphrase tier)
//!    keyed by speaker, with capped posting lists and a cap on candidates per
//!    statement, so the work grows linearly with the number of statements,
//!    never with the number of pairs. Links are joined with a union-find;
//!    statements of one document join only through links to other
//!    documents.
//! 2. **Reference and diff** ([`word_diff`]). Each cluster's reference version
//!    is its longest direct quote (then fragments and mixed statements, then
//!    reported speech; ties by earliest date, then input order). Every other
//!    member is diffed word by word against it with the `similar` crate, on
//!    normalised words ([`normalize_for_compare`]), while the diff shows the
//!    original words (`recogni[-z-]{+s+}e`).
//! 3. **Output** ([`write_csv`], [`render_markdown`]): `variants.csv`, one row
//!    per member of every cluster that spans two or more documents, and a
//!    readable report.
//!
//! The submodules hold the steps' parts: `words` (normalised word keys),
//! `link` (the indexes, verification and union-find of step 1) and `diff`
//! (step 2's word diffs).
//!
//! Everything is deterministic: clusters, members and rows come out in input
//! order, and no hash-map iteration order reaches the output.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

use similar::{Algorithm, DiffTag};

use crate::statement::{Kind, Statement};
use crate::text::char_at;

mod diff;
mod link;
mod words;

use diff::*;
use link::*;
use words::*;

pub use diff::word_diff;
pub use link::{day_number, linked_groups};
pub use words::normalize_for_compare;

/// Thresholds and limits for [`cluster`].
#[derive(Debug, Clone, PartialEq)]
pub struct VariantOptions {
    /// Quote tier: the longest common subsequence of normalised words must
    /// cover at least this share of the shorter version.
    pub quote_containment: f64,
    /// Quote tier: at least this many words in common (in order).
    pub quote_min_common: usize,
    /// Run the paraphrase tier (reported speech of the same utterance).
    pub paraphrase: bool,
    /// Paraphrase tier: shared content stems over the content stems of the
    /// statement with fewer of them.
    pub paraphrase_containment: f64,
    /// Paraphrase tier: at least this many shared content stems.
    pub paraphrase_min_shared: usize,
    /// Paraphrase tier: shared content stems plus shared phrases (pairs of
    /// consecutive content stems, like `direct talks`) must reach this.
    pub paraphrase_min_evidence: usize,
    /// Paraphrase tier: for a speaker with at least `speaker_common_min`
    /// statements, stems found in more than this share of them are ignored
    /// (`ukraine` for Zelensky), so a prolific speaker's topic words do not
    /// chain unrelated statements together.
    pub speaker_common_share: f64,
    /// See `speaker_common_share`.
    pub speaker_common_min: usize,
    /// Paraphrase tier: the two documents' dates (`YYYY-MM-DD…`) may be at most
    /// this many days apart; `None`, or a date that does not parse, puts no
    /// limit.
    pub paraphrase_max_days: Option<u32>,
    /// Longest posting list kept per (speaker, feature): later statements still
    /// probe a full list but are not added to it. Bounds the work per
    /// statement, so frequent words do not make clustering quadratic.
    pub max_postings: usize,
    /// Candidates verified per statement and tier (those sharing the most
    /// indexed features first).
    pub max_candidates: usize,
    /// Clusters spanning fewer documents than this are not returned (values
    /// below 2 count as 2: a cluster always spans two documents).
    pub min_docs: usize,
}

impl Default for VariantOptions {
    fn default() -> Self {
        VariantOptions {
            quote_containment: 0.6,
            quote_min_common: 2,
            paraphrase: true,
            paraphrase_containment: 0.35,
            paraphrase_min_shared: 2,
            paraphrase_min_evidence: 3,
            speaker_common_share: 0.2,
            speaker_common_min: 20,
            paraphrase_max_days: Some(7),
            max_postings: 200,
            max_candidates: 32,
            min_docs: 2,
        }
    }
}

/// How a member's wording differs from its cluster's reference version.
///
/// The classes are ordered from the mildest to the strongest difference; a
/// member gets the strongest class that applies (see [`word_diff`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    /// The same characters, apart from whitespace.
    Identical,
    /// Only normalisation differs: case, quote marks, dashes, apostrophes,
    /// contractions, possessive `’s`, British/American spelling.
    Spelling,
    /// The same words; punctuation differs.
    Punctuation,
    /// One version is a contiguous excerpt of the other (a prefix, a suffix or
    /// a middle part).
    Truncation,
    /// One version is the other with words or sentences dropped inside.
    Omission,
    /// Words changed, but most content words are shared.
    Substitution,
    /// Low word overlap: the same speaker and topic in other words.
    Paraphrase,
}

impl Change {
    /// The lowercase name used in the output files.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Identical => "identical",
            Change::Spelling => "spelling",
            Change::Punctuation => "punctuation",
            Change::Truncation => "truncation",
            Change::Omission => "omission",
            Change::Substitution => "substitution",
            Change::Paraphrase => "paraphrase",
        }
    }

    /// Parses the name back.
    pub fn parse(s: &str) -> Option<Change> {
        [
            Change::Identical,
            Change::Spelling,
            Change::Punctuation,
            Change::Truncation,
            Change::Omission,
            Change::Substitution,
            Change::Paraphrase,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One version of an utterance inside a [`Cluster`].
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// Index of the statement in the slice given to [`cluster`].
    pub statement: usize,
    /// Word similarity to the reference version (see [`word_diff`]); 1 for
    /// the reference itself.
    pub similarity: f64,
    /// How the wording differs from the reference version.
    pub change: Change,
    /// Inline word diff against the reference version (`[-removed-]`,
    /// `{+added+}`); empty when identical.
    pub diff: String,
}

/// The versions of one utterance, reported by two or more documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Stable id, `v001`, `v002`, … in the order of each cluster's first
    /// member in the input.
    pub id: String,
    /// The members, in input order.
    pub members: Vec<Member>,
    /// Index into `members` of the reference version.
    pub reference: usize,
}

impl Cluster {
    /// The reference member.
    pub fn reference_member(&self) -> &Member {
        &self.members[self.reference]
    }
}

/// A reworded member is a [`Change::Substitution`] when the words it shares
/// with the reference (in order) include more than this share of the content
/// words of the version with fewer of them, else a [`Change::Paraphrase`].
pub const SUBSTITUTION_SHARE: f64 = 0.5;

// ---------------------------------------------------------------------------
// Tokens and normalisation
// ---------------------------------------------------------------------------

/// Finds the statements that report one utterance in two or more documents.
///
/// Only statements with a speaker take part; links join statements of the
/// same speaker (trimmed, exact) from different documents:
///
/// * quote tier (direct, fragment and mixed statements): the longest common
///   subsequence of normalised words is at least
///   [`VariantOptions::quote_min_common`] words and covers at least
///   [`VariantOptions::quote_containment`] of the shorter version, and the two
///   share a word that is not a stopword. A part of a long quote thus joins
///   the long quote, and through it the other parts.
/// * paraphrase tier (at least one side reported speech: indirect or mixed;
///   two quotes that fail the quote tier are two utterances): at least
///   [`VariantOptions::paraphrase_min_shared`] shared content stems covering
///   at least [`VariantOptions::paraphrase_containment`] of the smaller stem
///   set, shared stems plus shared stem pairs (`direct talks`) reaching
///   [`VariantOptions::paraphrase_min_evidence`], dates within
///   [`VariantOptions::paraphrase_max_days`]. Each statement takes at most one
///   partner per other document (a quote-tier link counts), best pairs first,
///   so a second, different remark of the same speaker in the same article
///   pair stays out. A paraphrase link also never joins two sets that share
///   a document or whose dates together span more than
///   [`VariantOptions::paraphrase_max_days`]: one utterance is reported
///   within days, and once per article in reported speech, so a cluster
///   cannot grow by chaining a speaker's remarks on one topic week after
///   week.
///
/// Candidates come from inverted indexes keyed by speaker and word bigram
/// (quote tier) or content stem (paraphrase tier); each statement verifies at
/// most [`VariantOptions::max_candidates`] of them, and posting lists stop
/// growing at [`VariantOptions::max_postings`], so the work is linear in the
/// number of statements.
///
/// Returns the clusters spanning at least [`VariantOptions::min_docs`]
/// documents, ordered by first member, each with its reference version and
/// every member's diff against it.
pub fn cluster(statements: &[Statement], opts: &VariantOptions) -> Vec<Cluster> {
    let mut found: Vec<Vec<usize>> = linked_groups(statements, opts)
        .into_iter()
        .filter(|m| spans_enough_docs(m.iter().map(|&i| &statements[i]), opts))
        .collect();
    found.sort_by_key(|m| m[0]);
    let width = found.len().to_string().len().max(3);
    found
        .into_iter()
        .enumerate()
        .map(|(k, members)| build_cluster(format!("v{:0width$}", k + 1), members, statements))
        .collect()
}

/// Whether statements linked into one group span enough documents to be
/// returned as a cluster ([`VariantOptions::min_docs`]).
pub fn spans_enough_docs<'a>(
    members: impl Iterator<Item = &'a Statement>,
    opts: &VariantOptions,
) -> bool {
    let mut docs: Vec<&str> = members.map(|s| s.doc.as_str()).collect();
    let n = docs.len();
    docs.sort_unstable();
    docs.dedup();
    n > 1 && docs.len() >= opts.min_docs.max(2)
}

fn kind_rank(kind: Kind) -> u8 {
    match kind {
        Kind::Direct => 0,
        Kind::Fragment | Kind::Mixed => 1,
        Kind::Indirect => 2,
    }
}

/// The cluster of `members` (ascending indices into `statements`), without
/// an id, with its reference version and each member's diff against it;
/// each [`Member::statement`] indexes `statements`: how the spool of a big
/// corpus builds a bucket's clusters, from the bucket in memory or from
/// each cluster's members read back from disk.
pub fn cluster_of_members(members: Vec<usize>, statements: &[Statement]) -> Cluster {
    build_cluster(String::new(), members, statements)
}

fn build_cluster(id: String, members: Vec<usize>, statements: &[Statement]) -> Cluster {
    let tokens: Vec<Vec<Token>> = members
        .iter()
        .map(|&i| tokenize(&statements[i].text))
        .collect();
    let words: Vec<usize> = tokens
        .iter()
        .map(|t| t.iter().filter(|t| t.word).count())
        .collect();
    let days: Vec<Option<i64>> = members
        .iter()
        .map(|&i| parse_day(&statements[i].date))
        .collect();
    let reference = (0..members.len())
        .min_by(|&x, &y| {
            let (a, b) = (members[x], members[y]);
            kind_rank(statements[a].kind)
                .cmp(&kind_rank(statements[b].kind))
                .then(words[y].cmp(&words[x]))
                .then_with(|| match (days[x], days[y]) {
                    (Some(p), Some(q)) => p.cmp(&q),
                    _ => statements[a].date.cmp(&statements[b].date),
                })
                .then(a.cmp(&b))
        })
        .unwrap_or(0);
    let r = members[reference];
    let texts: Vec<&str> = members
        .iter()
        .map(|&i| statements[i].text.as_str())
        .collect();
    let interned = intern(&texts, &tokens);
    // Syndicated copy repeats one wording in many outlets: a text already
    // compared with the reference gets the same comparison (it depends on
    // the two texts alone), without a second diff.
    let mut compared: FastMap<&str, (Change, String, f64)> = FastMap::default();
    let members = members
        .iter()
        .zip(&interned)
        .map(|(&i, member)| {
            let (change, diff, similarity) = if i == r {
                (Change::Identical, String::new(), 1.0)
            } else {
                compared
                    .entry(member.text)
                    .or_insert_with(|| compare(&interned[reference], member))
                    .clone()
            };
            Member {
                statement: i,
                similarity,
                change,
                diff,
            }
        })
        .collect();
    Cluster {
        id,
        members,
        reference,
    }
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

/// The columns of `variants.csv` (and of the workbook's Variants sheet).
pub const COLUMNS: [&str; 10] = [
    "cluster",
    "doc",
    "outlet",
    "speaker",
    "kind",
    "text",
    "reference",
    "similarity",
    "change",
    "diff",
];

/// Writes `variants.csv`: a header, then one row per member of every cluster,
/// clusters in order, members in input order. Columns: `cluster, doc, outlet,
/// speaker, kind, text, reference, similarity, change, diff`; `text` and
/// `reference` are the original statement texts, `similarity` has three
/// decimals.
pub fn write_csv<W: std::io::Write>(
    w: W,
    statements: &[Statement],
    clusters: &[Cluster],
) -> csv::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(COLUMNS)?;
    for c in clusters {
        for row in csv_rows(statements, c) {
            out.write_record(row.iter().map(|cell| cell.as_bytes()))?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The `variants.csv` rows of one cluster (columns [`COLUMNS`]).
pub fn csv_rows<'a>(statements: &'a [Statement], c: &'a Cluster) -> Vec<[Cow<'a, str>; 10]> {
    let reference = &statements[c.reference_member().statement];
    c.members
        .iter()
        .map(|m| {
            let s = &statements[m.statement];
            [
                Cow::Borrowed(c.id.as_str()),
                Cow::Borrowed(s.doc.as_str()),
                Cow::Borrowed(s.outlet.as_str()),
                Cow::Borrowed(s.speaker.as_deref().unwrap_or_default()),
                Cow::Borrowed(s.kind.as_str()),
                Cow::Borrowed(s.text.as_str()),
                Cow::Borrowed(reference.text.as_str()),
                Cow::Owned(format!("{:.3}", m.similarity)),
                Cow::Borrowed(m.change.as_str()),
                Cow::Borrowed(m.diff.as_str()),
            ]
        })
        .collect()
}

/// Escapes the characters Markdown would read as formatting.
fn md_escape(s: &str) -> Cow<'_, str> {
    // Every mark escaped or replaced is ASCII: the text is copied in runs
    // between them, and most fields (dates, ids, outlets) have none.
    let special = |b: u8| {
        matches!(
            b,
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'|' | b'#' | b'\n' | b'\r'
        )
    };
    let Some(first) = s.bytes().position(special) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    let mut run = 0;
    for (i, b) in s.bytes().enumerate().skip(first) {
        if !special(b) {
            continue;
        }
        out.push_str(&s[run..i]);
        if b == b'\n' || b == b'\r' {
            out.push(' ');
        } else {
            out.push('\\');
            out.push(char::from(b));
        }
        run = i + 1;
    }
    out.push_str(&s[run..]);
    Cow::Owned(out)
}

/// The character-by-character escape [`md_escape`] must agree with.
#[cfg(test)]
fn md_escape_by_char(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        if c == '\n' || c == '\r' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// A readable report: one section per cluster with the speaker, the reference
/// quote, then every other document's version with its change, similarity
/// and diff against the reference.
pub fn render_markdown(statements: &[Statement], clusters: &[Cluster]) -> String {
    let mut out = markdown_header(clusters.len());
    for c in clusters {
        markdown_cluster(&mut out, statements, c);
    }
    out
}

/// The title and summary line of `variants.md`.
pub fn markdown_header(clusters: usize) -> String {
    format!(
        "# Quote variants\n\n{clusters} utterance(s) reported by two or more documents. Diffs \
         read from the reference to each version: `[-removed-]`, `{{+added+}}`.\n\n"
    )
}

/// Appends one cluster's section of `variants.md`.
pub fn markdown_cluster(out: &mut String, statements: &[Statement], c: &Cluster) {
    use std::fmt::Write as _;
    {
        let r = &statements[c.reference_member().statement];
        let mut docs: Vec<&str> = c
            .members
            .iter()
            .map(|m| statements[m.statement].doc.as_str())
            .collect();
        docs.sort_unstable();
        docs.dedup();
        let _ = writeln!(
            out,
            "## {} · {}\n\n{} versions in {} documents.\n",
            c.id,
            md_escape(r.speaker.as_deref().unwrap_or("")),
            c.members.len(),
            docs.len()
        );
        let _ = writeln!(
            out,
            "**Reference**, {} ({}, {}, {}):\n\n> {}\n",
            md_escape(&r.outlet),
            r.kind,
            md_escape(&r.date),
            md_escape(&r.doc),
            md_escape(&r.text)
        );
        for (k, m) in c.members.iter().enumerate() {
            if k == c.reference {
                continue;
            }
            let s = &statements[m.statement];
            let _ = writeln!(
                out,
                "### {} ({}, {}, {}): {}, similarity {:.3}\n\n> {}\n",
                md_escape(&s.outlet),
                s.kind,
                md_escape(&s.date),
                md_escape(&s.doc),
                m.change,
                m.similarity,
                md_escape(&s.text)
            );
            if !m.diff.is_empty() {
                let _ = writeln!(out, "Diff: {}\n", md_escape(&m.diff));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn bit_parallel_lcs_equals_the_common_length_of_a_diff(
            a in proptest::collection::vec(0u32..6, 0..150),
            b in proptest::collection::vec(0u32..6, 0..150),
        ) {
            let diff = common_len(&canonical_diff(&a, &b, a <= b));
            prop_assert_eq!(lcs_len(&a, &b), diff);
            prop_assert_eq!(lcs_len(&b, &a), diff);
        }

        #[test]
        fn one_word_lcs_holds_at_sixty_four_distinct_words(
            b in proptest::collection::vec(0u32..80, 0..150),
        ) {
            // Every bit of the machine word is a position: the top one too.
            let a: Vec<u32> = (0..64).map(|w| (w * 7) % 64).collect();
            prop_assert_eq!(lcs_len_in_one_word(&word_masks(&a), 64, &b), lcs_len(&a, &b));
            prop_assert_eq!(lcs_len_in_one_word(&word_masks(&a), 64, &a), 64);
        }

        #[test]
        fn bucket_bound_is_at_least_the_common_multiset(
            mut a in proptest::collection::vec(0u32..200, 0..300),
            mut b in proptest::collection::vec(0u32..200, 0..300),
        ) {
            let bound = WordBuckets::of(&a).overlap_bound(&WordBuckets::of(&b));
            a.sort_unstable();
            b.sort_unstable();
            prop_assert!(bound >= sorted_overlap(&a, &b));
        }

        #[test]
        fn one_word_lcs_equals_the_general_one(
            a in proptest::collection::vec(0u32..6, 0..=64),
            b in proptest::collection::vec(0u32..6, 0..150),
        ) {
            let masks = word_masks(&a);
            prop_assert_eq!(lcs_len_in_one_word(&masks, a.len(), &b), lcs_len(&a, &b));
        }

        #[test]
        fn index_finds_what_a_count_over_all_earlier_statements_finds(
            statements in proptest::collection::vec(
                proptest::collection::btree_set(0u64..12, 0..8),
                0..60,
            ),
            cap in 1usize..9,
            limit in 0usize..10,
            skip_every in 1u32..5,
        ) {
            // The naive index: every feature's list holds the first `cap`
            // statements that had it; a lookup counts, per earlier
            // statement, the looked-up features whose list holds it.
            let mut index = Index::new(cap, statements.len(), 0);
            let mut lists: HashMap<u64, Vec<u32>> = HashMap::new();
            for (i, features) in statements.iter().enumerate() {
                let features: Vec<u64> = features.iter().copied().collect();
                let skip = |j: u32| j.is_multiple_of(skip_every);
                let mut counts: BTreeMap<u32, u32> = BTreeMap::new();
                for f in &features {
                    for &j in lists.get(f).into_iter().flatten() {
                        *counts.entry(j).or_default() += 1;
                    }
                }
                let mut expected: Vec<(u32, u32)> =
                    counts.into_iter().filter(|&(j, _)| !skip(j)).collect();
                expected.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
                expected.truncate(limit);
                let expected: Vec<u32> = expected.into_iter().map(|(j, _)| j).collect();
                let found = index.candidates_then_insert(&features, i as u32, limit, skip).to_vec();
                prop_assert_eq!(found, expected);
                for f in &features {
                    let list = lists.entry(*f).or_default();
                    if list.len() < cap {
                        list.push(i as u32);
                    }
                }
                // Moving a list only when it outgrows its slice keeps the
                // pool under four slots per entry.
                let entries: usize = lists.values().map(Vec::len).sum();
                prop_assert!(index.pool.len() < 4 * entries || entries == 0);
            }
        }

        #[test]
        fn overlap_counts_the_common_multiset(
            mut a in proptest::collection::vec(0u32..8, 0..40),
            mut b in proptest::collection::vec(0u32..8, 0..40),
            needed in 0usize..45,
        ) {
            a.sort_unstable();
            b.sort_unstable();
            let mut common = 0;
            let mut rest = b.clone();
            for x in &a {
                if let Some(p) = rest.iter().position(|y| y == x) {
                    rest.remove(p);
                    common += 1;
                }
            }
            prop_assert_eq!(sorted_overlap(&a, &b), common);
            prop_assert_eq!(sorted_overlap_reaches(&a, &b, needed), common >= needed);
        }
    }
    use std::path::PathBuf;

    fn stmt(n: usize, doc: &str, kind: Kind, speaker: Option<&str>, text: &str) -> Statement {
        Statement {
            id: format!("{doc}#{n}"),
            doc: doc.to_string(),
            outlet: format!("outlet-{}", doc.get(..3).unwrap_or(doc)),
            date: "2025-04-23".to_string(),
            kind,
            speaker: speaker.map(str::to_string),
            speaker_mention: String::new(),
            anonymous: false,
            affiliation: String::new(),
            cue: "said".to_string(),
            text: text.to_string(),
            start: 0,
            end: text.len(),
            stance: Vec::new(),
        }
    }

    fn shared_dir() -> Option<PathBuf> {
        let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        [
            here.join("../shared"),
            here.join("shared"),
            PathBuf::from("/work/shared"),
        ]
        .into_iter()
        .find(|p| p.join("gold/variants.jsonl").is_file())
    }

    /// The gold statements of the seed articles, in file order.
    fn seed_statements() -> Option<Vec<Statement>> {
        let path = shared_dir()?.join("gold/seeds.jsonl");
        let text = std::fs::read_to_string(path).ok()?;
        let mut out: Vec<Statement> = Vec::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).ok()?;
            let doc = v["doc"].as_str()?;
            let kind = Kind::parse(v["kind"].as_str()?)?;
            let n = out.iter().filter(|s| s.doc == doc).count() + 1;
            out.push(stmt(
                n,
                doc,
                kind,
                v["speaker"].as_str(),
                v["text"].as_str()?,
            ));
        }
        Some(out)
    }

    /// Statements no gold cluster contains, several by the gold speakers.
    fn distractors() -> Vec<Statement> {
        use Kind::*;
        let zel = Some("Volodymyr Zelensky");
        let (d5, d6) = ("005_synthetic.txt", "006_synthetic.txt");
        let rows: &[(&str, Kind, Option<&str>, &str)] = &[
            (
                d5,
                Direct,
                zel,
                "We are ready for a full ceasefire on land, in the air and at sea.",
            ),
            (
                d5,
                Indirect,
                zel,
                "he would support working with the United States to restart operations at the \
                 nuclear plant",
            ),
            (
                d5,
                Direct,
                Some("Karoline Leavitt"),
                "The president is frustrated with the pace of the negotiations.",
            ),
            (
                d5,
                Direct,
                Some("Marco Rubio"),
                "We will not be party to a process that goes nowhere.",
            ),
            (
                d5,
                Direct,
                Some("Dmitry Peskov"),
                "The Kremlin has nothing to add on the meeting.",
            ),
            (
                d5,
                Indirect,
                Some("Vladimir Putin"),
                "Russia would consider a ceasefire only after its demands are met",
            ),
            (
                d6,
                Direct,
                None,
                "Ukraine will not legally recognize the occupation of Crimea.",
            ),
            (
                d6,
                Direct,
                Some("Yulia Svyrydenko"),
                "Ukraine will not legally recognize the occupation of Crimea.",
            ),
            (
                d6,
                Direct,
                zel,
                "Our people will not accept a frozen conflict disguised as peace.",
            ),
        ];
        rows.iter()
            .enumerate()
            .map(|(n, (doc, kind, sp, text))| stmt(n + 1, doc, *kind, *sp, text))
            .collect()
    }

    fn fixture() -> Option<Vec<Statement>> {
        let mut st = seed_statements()?;
        st.extend(distractors());
        Some(st)
    }

    fn cluster_of(clusters: &[Cluster], statement: usize) -> Option<&Cluster> {
        clusters
            .iter()
            .find(|c| c.members.iter().any(|m| m.statement == statement))
    }

    fn find(st: &[Statement], doc_prefix: &str, text_prefix: &str) -> usize {
        st.iter()
            .position(|s| s.doc.starts_with(doc_prefix) && s.text.starts_with(text_prefix))
            .unwrap_or_else(|| panic!("no statement {doc_prefix} {text_prefix}"))
    }

    // ---- normalisation -----------------------------------------------------

    #[test]
    fn normalisation_folds_marks_case_spelling_and_contractions() {
        assert_eq!(
            normalize_for_compare("We’re recognising the “Centre” – isn't it?"),
            "we are recognizing the \" center \" - is not it ?"
        );
        assert_eq!(
            normalize_for_compare("There’s"),
            normalize_for_compare("there is")
        );
        assert_eq!(
            normalize_for_compare("Russia’s war"),
            normalize_for_compare("Russia's war")
        );
        assert_eq!(normalize_for_compare("Russia’s war"), "russia war");
        assert_eq!(
            normalize_for_compare("the U.S. and the US"),
            "the us and the us"
        );
        assert_eq!(normalize_for_compare("won’t can't"), "will not can not");
        assert_eq!(
            normalize_for_compare("colourful labour favourite"),
            "colorful labor favorite"
        );
        assert_eq!(
            normalize_for_compare("organisation analysed"),
            "organization analyzed"
        );
        assert_eq!(
            normalize_for_compare("a promise, a surprise"),
            "a promise , a surprise"
        );
        assert_eq!(
            normalize_for_compare("Wait…"),
            normalize_for_compare("wait...")
        );
        assert_eq!(
            normalize_for_compare("defence programme"),
            "defense program"
        );
        assert_eq!(normalize_for_compare(""), "");
    }

    #[test]
    fn stems_agree_across_forms() {
        for (a, b) in [
            ("hopeful", "hopefully"),
            ("negotiations", "negotiating"),
            ("progress", "progressing"),
            ("ukraine", "ukrainian"),
            ("russia", "russian"),
            ("involvement", "involved"),
            ("logistic", "logistical"),
            ("meeting", "meetings"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
    }

    // ---- word diff ---------------------------------------------------------

    const Z000: &str = "Ukraine will not legally recognize the occupation of Crimea,";
    const Z002: &str =
        "We will not legally recognize the occupation of Crimea. There’s nothing to \
                        discuss here. This is against our Constitution.";
    const Z003: &str = "Ukraine will not legally recognise the occupation of Crimea,";

    const RUBIO_000: &str = "he had a constructive conversation with British Foreign Secretary \
                             David Lammy, who is hosting Wednesday’s meeting";
    const RUBIO_003: &str = "he held a “productive conversation” with British Foreign Secretary \
                             David Lammy, who is hosting the London meeting";
    const PUTIN_000: &str = "the possibility of direct talks regarding a ceasefire";
    const PUTIN_003: &str = "the idea of direct talks with Ukraine to discuss a potential halt to \
                             attacks on civilian targets";
    const CEASEFIRE: &str =
        "A full ceasefire – on land, in the air, and at sea – is the necessary first step,";

    #[test]
    fn identical_has_empty_diff() {
        assert_eq!(
            word_diff(Z000, Z000),
            (Change::Identical, String::new(), 1.0)
        );
        assert_eq!(word_diff("a  b", "a b").0, Change::Identical);
    }

    #[test]
    fn spelling_shows_a_character_diff() {
        let (change, diff, sim) = word_diff(Z000, Z003);
        assert_eq!(change, Change::Spelling);
        assert_eq!(
            diff,
            "Ukraine will not legally recogni[-z-]{+s+}e the occupation of Crimea,"
        );
        assert_eq!(sim, 1.0);
        let (change, diff, _) = word_diff("There’s “peace”", "There is \"peace\"");
        assert_eq!(change, Change::Spelling);
        assert_eq!(diff, "There [-’s-]{+is+} [-“-]{+\"+}peace[-”-]{+\"+}");
        assert_eq!(word_diff("NATO", "Nato").0, Change::Spelling);
    }

    #[test]
    fn punctuation() {
        let (change, diff, _) = word_diff(
            Z000,
            "Ukraine will not legally recognize the occupation of Crimea.",
        );
        assert_eq!(change, Change::Punctuation);
        assert!(diff.ends_with("Crimea[-,-]{+.+}"), "{diff}");
    }

    #[test]
    fn truncation_prefix_suffix_and_middle() {
        let r =
            "We will not legally recognize the occupation of Crimea. There’s nothing to discuss.";
        for other in [
            "We will not legally recognize the occupation of Crimea",
            "There is nothing to discuss.",
            "not legally recognize the occupation",
        ] {
            assert_eq!(word_diff(r, other).0, Change::Truncation, "{other}");
            assert_eq!(word_diff(other, r).0, Change::Truncation, "{other}");
        }
        let (_, diff, sim) = word_diff(r, "There is nothing to discuss.");
        assert!(
            diff.starts_with("[-We will not legally recognize the occupation of Crimea.-]"),
            "{diff}"
        );
        assert!((sim - 2.0 * 5.0 / 19.0).abs() < 1e-9, "{sim}");
    }

    #[test]
    fn omission() {
        let r = CEASEFIRE;
        let (change, diff, _) = word_diff(r, "A full ceasefire is the necessary first step,");
        assert_eq!(change, Change::Omission);
        assert_eq!(
            diff,
            "A full ceasefire [-– on land, in the air, and at sea –-] is the necessary first step,"
        );
    }

    #[test]
    fn substitution_and_paraphrase() {
        assert_eq!(word_diff(Z002, Z000).0, Change::Substitution);
        assert_eq!(
            word_diff(
                Z002,
                "There is nothing to talk about. It is against our constitution."
            )
            .0,
            Change::Substitution
        );
        assert_eq!(word_diff(RUBIO_000, RUBIO_003).0, Change::Substitution);
        assert_eq!(
            word_diff(
                "the negotiations are “hopefully moving in the right direction,”",
                "the negotiations seem to be progressing in a hopeful direction"
            )
            .0,
            Change::Paraphrase
        );
        assert_eq!(word_diff(PUTIN_003, PUTIN_000).0, Change::Paraphrase);
    }

    #[test]
    fn empty_texts() {
        assert_eq!(word_diff("", "").0, Change::Identical);
        assert_eq!(word_diff("", "word").0, Change::Truncation);
        assert_eq!(word_diff("…", "...").0, Change::Spelling);
        assert_eq!(word_diff(",", ".").0, Change::Punctuation);
    }

    /// The diff as hunks: unchanged text, or (removed, added) text.
    #[derive(Debug, PartialEq)]
    enum Hunk {
        Same(String),
        Edit(String, String),
    }

    fn hunks(diff: &str) -> Vec<Hunk> {
        let mut out: Vec<Hunk> = Vec::new();
        let mut rest = diff;
        while !rest.is_empty() {
            let next = [rest.find("[-"), rest.find("{+")]
                .into_iter()
                .flatten()
                .min();
            let (same, edit) = match next {
                Some(0) => (None, true),
                Some(k) => (Some(&rest[..k]), false),
                None => (Some(rest), false),
            };
            if let Some(text) = same {
                match out.last_mut() {
                    Some(Hunk::Same(s)) => s.push_str(text),
                    _ => out.push(Hunk::Same(text.to_string())),
                }
                rest = &rest[text.len()..];
            }
            if edit {
                let deleting = rest.starts_with("[-");
                let close = if deleting { "-]" } else { "+}" };
                let end = rest[2..].find(close).expect("closed marker") + 2;
                let body = rest[2..end].to_string();
                rest = &rest[end + 2..];
                if !matches!(out.last(), Some(Hunk::Edit(..))) {
                    out.push(Hunk::Edit(String::new(), String::new()));
                }
                if let Some(Hunk::Edit(del, ins)) = out.last_mut() {
                    if deleting { del } else { ins }.push_str(&body);
                }
            }
        }
        out
    }

    fn mirrored(h: Vec<Hunk>) -> Vec<Hunk> {
        h.into_iter()
            .map(|x| match x {
                Hunk::Edit(d, i) => Hunk::Edit(i, d),
                same => same,
            })
            .collect()
    }

    /// One side of a diff, whitespace removed.
    fn side(diff: &str, reference: bool) -> String {
        hunks(diff)
            .into_iter()
            .map(|h| match h {
                Hunk::Same(s) => s,
                Hunk::Edit(d, i) => {
                    if reference {
                        d
                    } else {
                        i
                    }
                }
            })
            .collect::<String>()
            .split_whitespace()
            .collect()
    }

    fn squeeze(s: &str) -> String {
        s.split_whitespace().collect()
    }

    #[test]
    fn seed_pairs_mirror_and_rebuild() {
        for (a, b) in [(Z000, Z002), (Z003, Z002), (Z000, Z003)] {
            let (c1, d1, s1) = word_diff(a, b);
            let (c2, d2, s2) = word_diff(b, a);
            assert_eq!(c1, c2);
            assert_eq!(s1, s2);
            assert_eq!(mirrored(hunks(&d1)), hunks(&d2), "{d1}\n{d2}");
            assert_eq!(side(&d1, true), squeeze(a));
            assert_eq!(side(&d1, false), squeeze(b));
        }
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "recognize",
            "recognise",
            "Recognize",
            "Crimea",
            "the",
            "occupation",
            "We",
            "will",
            "not",
            "won’t",
            "There’s",
            "there's",
            "there",
            "is",
            "colour",
            "color",
            "U.S.",
            "US",
            "Russia’s",
            "Russia",
            "talks",
            "direct",
            "1,000",
            "30-day",
            ",",
            ".",
            "…",
            "“",
            "”",
            "\"",
            "—",
            "-",
            "–",
            "'",
            "’",
            "(",
            ")",
            ":",
            "é",
            "café",
        ]);
        let seps = prop::sample::select(vec!["", " ", " ", "  ", "\n"]);
        prop::collection::vec((pieces, seps), 0..14).prop_map(|v| {
            v.into_iter()
                .map(|(p, s)| format!("{p}{s}"))
                .collect::<String>()
        })
    }

    /// The character-index abbreviation scan [`abbreviation_end`] replaced.
    fn abbreviation_end_by_char(chars: &[(usize, char)], i: usize) -> Option<usize> {
        let mut j = i;
        let mut pairs = 0;
        while j + 1 < chars.len() && chars[j].1.is_alphabetic() && chars[j + 1].1 == '.' {
            if j > i && chars[j - 1].1 != '.' {
                break;
            }
            pairs += 1;
            j += 2;
            if j < chars.len() && chars[j].1.is_alphabetic() {
                if j + 1 < chars.len() && chars[j + 1].1 == '.' {
                    continue;
                }
                return None;
            }
            break;
        }
        if pairs >= 2 && (j >= chars.len() || !chars[j].1.is_alphanumeric()) {
            Some(j)
        } else {
            None
        }
    }

    /// The character-by-character tokenizer [`tokenize`] replaced: the oracle
    /// it is checked against.
    fn tokenize_by_char(text: &str) -> Vec<Token> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
        let mut out = Vec::with_capacity(text.len() / 5 + 1);
        let mut space = true;
        let mut i = 0;
        while i < chars.len() {
            let (pos, c) = chars[i];
            if c.is_whitespace() {
                space = true;
                i += 1;
                continue;
            }
            if crate::text::is_alphanumeric(c) {
                if let Some(j) = abbreviation_end_by_char(&chars, i) {
                    let range = pos..byte(j);
                    out.push(Token {
                        key: token_key(&text[range.clone()], KeyKind::Abbreviation),
                        acronym: true,
                        range,
                        word: true,
                        space,
                    });
                    i = j;
                    space = false;
                    continue;
                }
                let mut j = i + 1;
                while j < chars.len() {
                    let c = chars[j].1;
                    let joins = is_word_apostrophe(c)
                        && chars
                            .get(j + 1)
                            .is_some_and(|&(_, n)| crate::text::is_alphanumeric(n));
                    if crate::text::is_alphanumeric(c) || joins {
                        j += 1;
                    } else {
                        break;
                    }
                }
                push_word(text, pos..byte(j), space, false, &mut SharedKeys, &mut out);
                i = j;
                space = false;
                continue;
            }
            let mut j = i + 1;
            if c == '.' {
                while j < chars.len() && chars[j].1 == '.' {
                    j += 1;
                }
            }
            let range = pos..byte(j);
            out.push(Token {
                key: token_key(&text[range.clone()], KeyKind::Punct),
                range,
                word: false,
                acronym: false,
                space,
            });
            i = j;
            space = false;
        }
        out
    }

    proptest! {
        #[test]
        fn markdown_escapes_match_the_character_scan(s in "([a-z *_#|<>\\[\\]`\\\\\n\r]|é|“){0,30}") {
            let (escaped, by_char) = (md_escape(&s), md_escape_by_char(&s));
            prop_assert_eq!(escaped.as_ref(), by_char.as_str());
        }

        /// The byte-stepping tokenizer finds the tokens (ranges, keys,
        /// flags) of the character scan it replaced.
        #[test]
        fn tokens_match_the_character_scan(
            a in text_strategy(),
            extra in "([a-zA-Z0-9.'’ʼ, ]|U\\.S\\.|é|Ж|…|\\.\\.){0,30}",
        ) {
            for text in [a.as_str(), extra.as_str(), &format!("{a}{extra}")] {
                prop_assert_eq!(
                    format!("{:?}", tokenize(text)),
                    format!("{:?}", tokenize_by_char(text))
                );
            }
        }

        /// Linking's word ids stand for the keys the shared tokenizer
        /// gives, token for token, and number words as interning the
        /// shared keys in order did.
        #[test]
        fn word_ids_stand_for_the_shared_keys(
            a in text_strategy(),
            b in text_strategy(),
            extra in "([a-zA-Z0-9.'’ʼ, ]|U\\.S\\.|é|Ж|…|\\.\\.){0,30}",
        ) {
            let texts = [a.clone(), extra.clone(), format!("{a}{extra}"), b, a];
            let mut lexicon = Lexicon::default();
            let mut by_raw = FastMap::default();
            let mut interned = Lexicon::default();
            for text in &texts {
                let mut ids = WordIds { lexicon: &mut lexicon, by_raw: &mut by_raw };
                let with_ids = tokenize_with(text, &mut ids);
                let shared = tokenize(text);
                prop_assert_eq!(with_ids.len(), shared.len());
                for (x, y) in with_ids.iter().zip(&shared) {
                    let same = (x.range.clone(), x.word, x.acronym, x.space);
                    prop_assert_eq!(same, (y.range.clone(), y.word, y.acronym, y.space));
                    if y.word {
                        prop_assert_eq!(x.key, interned.word_by_key(&y.key));
                        prop_assert_eq!(&*lexicon.keys[x.key as usize], &*y.key);
                    } else {
                        prop_assert_eq!(x.key, NO_WORD);
                    }
                }
            }
        }

        #[test]
        fn prop_self_diff_is_identical(a in text_strategy()) {
            let (change, diff, sim) = word_diff(&a, &a);
            prop_assert_eq!(change, Change::Identical);
            prop_assert_eq!(diff, "");
            prop_assert_eq!(sim, 1.0);
        }

        #[test]
        fn prop_diffs_mirror(a in text_strategy(), b in text_strategy()) {
            let (c1, d1, s1) = word_diff(&a, &b);
            let (c2, d2, s2) = word_diff(&b, &a);
            prop_assert_eq!(c1, c2);
            prop_assert_eq!(s1, s2);
            prop_assert_eq!(mirrored(hunks(&d1)), hunks(&d2));
        }

        #[test]
        fn prop_diff_shows_original_words(a in text_strategy(), b in text_strategy()) {
            let (change, diff, _) = word_diff(&a, &b);
            if change != Change::Identical {
                prop_assert_eq!(side(&diff, true), squeeze(&a));
                prop_assert_eq!(side(&diff, false), squeeze(&b));
            }
        }

        #[test]
        fn prop_normalisation_is_idempotent(a in text_strategy()) {
            let n = normalize_for_compare(&a);
            prop_assert_eq!(normalize_for_compare(&n), n);
        }

        #[test]
        fn prop_output_keeps_original_texts(a in text_strategy(), b in text_strategy()) {
            let st = vec![
                stmt(1, "d1", Kind::Direct, Some("X"), &format!("Crimea occupation {a}")),
                stmt(1, "d2", Kind::Direct, Some("X"), &format!("Crimea occupation {b}")),
            ];
            let clusters = cluster(&st, &VariantOptions::default());
            let mut buf = Vec::new();
            write_csv(&mut buf, &st, &clusters).unwrap();
            let mut rows = csv::Reader::from_reader(buf.as_slice());
            for row in rows.records() {
                let row = row.unwrap();
                prop_assert!(st.iter().any(|s| s.text == row[5]));
                prop_assert!(st.iter().any(|s| s.text == row[6]));
            }
            let md = render_markdown(&st, &clusters);
            for c in &clusters {
                for m in &c.members {
                    prop_assert!(md.contains(md_escape(&st[m.statement].text).as_ref()));
                }
            }
        }
    }

    // ---- clustering --------------------------------------------------------

    #[test]
    fn quotes_in_parts_join_one_cluster() {
        let st = vec![
            stmt(1, "000", Kind::Direct, Some("Z"), Z000),
            stmt(1, "002", Kind::Direct, Some("Z"), Z002),
            stmt(1, "003", Kind::Direct, Some("Z"), Z003),
            stmt(
                2,
                "003",
                Kind::Direct,
                Some("Z"),
                "There is nothing to talk about. It is against our constitution.",
            ),
        ];
        let clusters = cluster(&st, &VariantOptions::default());
        assert_eq!(clusters.len(), 1);
        let c = &clusters[0];
        assert_eq!(c.id, "v001");
        assert_eq!(
            c.members.iter().map(|m| m.statement).collect::<Vec<_>>(),
            [0, 1, 2, 3]
        );
        assert_eq!(c.reference_member().statement, 1);
        assert_eq!(c.reference_member().change, Change::Identical);
        let changes: Vec<Change> = c.members.iter().map(|m| m.change).collect();
        assert_eq!(
            changes,
            [
                Change::Substitution,
                Change::Identical,
                Change::Substitution,
                Change::Substitution
            ]
        );
    }

    #[test]
    fn no_speaker_one_document_or_other_speaker_never_cluster() {
        let st = vec![
            stmt(1, "a", Kind::Direct, None, Z000),
            stmt(1, "b", Kind::Direct, None, Z000),
            stmt(2, "a", Kind::Direct, Some("Z"), Z000),
            stmt(3, "a", Kind::Direct, Some("Z"), Z003),
            stmt(2, "b", Kind::Direct, Some("Y"), Z000),
            stmt(3, "b", Kind::Direct, Some(" "), Z000),
        ];
        assert!(cluster(&st, &VariantOptions::default()).is_empty());
    }

    #[test]
    fn different_quotes_of_one_speaker_stay_apart() {
        let st = vec![
            stmt(
                1,
                "a",
                Kind::Direct,
                Some("Z"),
                "Ukraine is ready to negotiate – but not to surrender.",
            ),
            stmt(
                1,
                "b",
                Kind::Direct,
                Some("Z"),
                "Ukraine is ready to fight for every village.",
            ),
            stmt(
                2,
                "b",
                Kind::Indirect,
                Some("Z"),
                "Ukraine would restart operations at the plant",
            ),
            stmt(
                2,
                "a",
                Kind::Indirect,
                Some("Z"),
                "Ukraine will not legally recognize the occupation of Crimea",
            ),
        ];
        assert!(cluster(&st, &VariantOptions::default()).is_empty());
    }

    #[test]
    fn paraphrase_takes_one_partner_per_document() {
        let st = vec![
            stmt(1, "a", Kind::Indirect, Some("P"), PUTIN_000),
            stmt(
                2,
                "a",
                Kind::Indirect,
                Some("P"),
                "the need for clarity on definitions surrounding civilian targets amid ongoing \
                 military actions",
            ),
            stmt(1, "b", Kind::Indirect, Some("P"), PUTIN_003),
            stmt(
                2,
                "b",
                Kind::Mixed,
                Some("P"),
                "the sides still need to agree on what qualifies as a “civilian target.”",
            ),
        ];
        let clusters = cluster(&st, &VariantOptions::default());
        let sets: Vec<Vec<usize>> = clusters
            .iter()
            .map(|c| c.members.iter().map(|m| m.statement).collect())
            .collect();
        assert_eq!(sets, [vec![0, 2], vec![1, 3]]);
        assert_eq!(clusters[0].members[0].change, Change::Paraphrase);
    }

    #[test]
    fn paraphrase_respects_the_date_window() {
        let mut st = vec![
            stmt(
                1,
                "a",
                Kind::Indirect,
                Some("L"),
                "the negotiations seem to be progressing in a hopeful direction",
            ),
            stmt(
                1,
                "b",
                Kind::Mixed,
                Some("L"),
                "the negotiations are “hopefully moving in the right direction,”",
            ),
        ];
        assert_eq!(cluster(&st, &VariantOptions::default()).len(), 1);
        st[1].date = "2025-06-01".into();
        assert!(cluster(&st, &VariantOptions::default()).is_empty());
        let opts = VariantOptions {
            paraphrase_max_days: None,
            ..Default::default()
        };
        assert_eq!(cluster(&st, &opts).len(), 1);
        let opts = VariantOptions {
            paraphrase: false,
            ..Default::default()
        };
        assert!(cluster(&st, &opts).is_empty());
    }

    #[test]
    fn a_stock_phrase_does_not_chain_the_long_quotes_it_is_part_of() {
        // "We are getting there." is part of two different long quotes: it
        // joins the first, and the second (not a version of the first)
        // stays out, instead of all three becoming one utterance.
        let st = vec![
            stmt(1, "a", Kind::Direct, Some("Z"), "We are getting there."),
            stmt(
                1,
                "b",
                Kind::Direct,
                Some("Z"),
                "The talks in Geneva were serious and long. We are getting there.",
            ),
            stmt(
                1,
                "c",
                Kind::Direct,
                Some("Z"),
                "We need more air defence systems, and we need them now. We are getting there.",
            ),
            stmt(
                1,
                "d",
                Kind::Direct,
                Some("Z"),
                "We need more air defence systems, and we need them now.",
            ),
        ];
        let sets: Vec<Vec<usize>> = cluster(&st, &VariantOptions::default())
            .iter()
            .map(|c| c.members.iter().map(|m| m.statement).collect())
            .collect();
        assert_eq!(sets, [vec![0, 1], vec![2, 3]]);
    }

    #[test]
    fn reported_speech_does_not_chain_week_after_week() {
        // Each neighbouring pair is within the seven-day window, but a
        // cluster of one utterance may not span three weeks, nor hold two
        // reported statements of one article.
        let text = "the minister said the energy truce talks had stalled over the grid";
        let mut st: Vec<Statement> = (0..4)
            .map(|k| {
                let mut s = stmt(1, &format!("d{k}"), Kind::Indirect, Some("M"), text);
                s.date = format!("2025-04-{:02}", 1 + 6 * k);
                s
            })
            .collect();
        let clusters = cluster(&st, &VariantOptions::default());
        assert!(
            clusters.iter().all(|c| c.members.len() == 2),
            "{clusters:?}"
        );
        assert_eq!(clusters.len(), 2);
        // Same day, but two of the reports come from one article.
        for s in &mut st {
            s.date = "2025-04-01".into();
        }
        st[2].doc = "d0".into();
        let clusters = cluster(&st, &VariantOptions::default());
        for c in &clusters {
            let docs: HashSet<&str> = c
                .members
                .iter()
                .map(|m| st[m.statement].doc.as_str())
                .collect();
            assert_eq!(docs.len(), c.members.len(), "{clusters:?}");
        }
    }

    #[test]
    fn frequent_words_stay_linear() {
        // Every statement shares "Ukraine" and "Crimea"; the posting caps keep
        // the work per statement bounded, and distinct quotes stay apart.
        let st: Vec<Statement> = (0..4000)
            .map(|i| {
                let text = format!("Ukraine Crimea w{} w{} w{}", i, i + 100_000, i + 200_000);
                stmt(1, &format!("doc{i}"), Kind::Direct, Some("Z"), &text)
            })
            .collect();
        let start = std::time::Instant::now();
        let clusters = cluster(&st, &VariantOptions::default());
        assert!(clusters.is_empty(), "{}", clusters.len());
        assert!(start.elapsed().as_secs() < 30);
    }

    #[test]
    fn a_quote_reported_by_many_documents_is_one_cluster() {
        // More reports than a posting list holds: later ones still find the
        // earlier ones through the capped lists.
        let opts = VariantOptions {
            max_postings: 20,
            max_candidates: 8,
            ..Default::default()
        };
        let st: Vec<Statement> = (0..300)
            .map(|i| {
                let text = match i % 3 {
                    0 => Z000.to_string(),
                    1 => Z003.to_string(),
                    _ => format!("{Z000} Reported {i}."),
                };
                stmt(1, &format!("doc{i}"), Kind::Direct, Some("Z"), &text)
            })
            .collect();
        let clusters = cluster(&st, &opts);
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].members.len(), 300);
    }

    #[test]
    fn ids_follow_first_members_and_are_deterministic() {
        let st = vec![
            stmt(
                1,
                "a",
                Kind::Direct,
                Some("B"),
                "We will build a bridge across the river.",
            ),
            stmt(
                2,
                "a",
                Kind::Direct,
                Some("A"),
                "The sanctions are leverage over Moscow.",
            ),
            stmt(
                1,
                "b",
                Kind::Direct,
                Some("A"),
                "The sanctions are leverage over Moscow",
            ),
            stmt(
                2,
                "b",
                Kind::Fragment,
                Some("B"),
                "build a bridge across the river",
            ),
        ];
        let c1 = cluster(&st, &VariantOptions::default());
        assert_eq!(c1, cluster(&st, &VariantOptions::default()));
        let ids: Vec<(&str, usize)> = c1
            .iter()
            .map(|c| (c.id.as_str(), c.members[0].statement))
            .collect();
        assert_eq!(ids, [("v001", 0), ("v002", 1)]);
        assert_eq!(c1[0].members[1].change, Change::Truncation);
        assert_eq!(c1[1].members[1].change, Change::Punctuation);
    }

    #[test]
    fn markdown_report_sections() {
        let st = vec![
            stmt(1, "000", Kind::Direct, Some("Volodymyr Zelensky"), Z000),
            stmt(1, "003", Kind::Direct, Some("Volodymyr Zelensky"), Z003),
        ];
        let clusters = cluster(&st, &VariantOptions::default());
        let md = render_markdown(&st, &clusters);
        assert!(md.contains("## v001 · Volodymyr Zelensky"), "{md}");
        assert!(md.contains("> Ukraine will not legally recognize the occupation of Crimea,"));
        assert!(
            md.contains("Diff: Ukraine will not legally recogni\\[-z-\\]{+s+}e"),
            "{md}"
        );
        let mut buf = Vec::new();
        write_csv(&mut buf, &st, &clusters).unwrap();
        let csv = String::from_utf8(buf).unwrap();
        assert!(csv.starts_with(
            "cluster,doc,outlet,speaker,kind,text,reference,similarity,change,diff\n"
        ));
        assert!(
            csv.contains(",1.000,spelling,\"Ukraine will not legally recogni[-z-]{+s+}e"),
            "{csv}"
        );
    }

    // ---- the seeds and the scorer -----------------------------------------

    #[test]
    fn seed_fixture_links_gold_and_nothing_wrong() {
        let Some(st) = fixture() else {
            eprintln!("shared/gold not found: skipped");
            return;
        };
        let clusters = cluster(&st, &VariantOptions::default());
        let z = [
            find(&st, "000", "Ukraine will not legally recognize"),
            find(&st, "002", "We will not legally recognize"),
            find(&st, "003", "Ukraine will not legally recognise"),
            find(&st, "003", "There is nothing to talk about"),
        ];
        let zc = cluster_of(&clusters, z[0]).expect("Zelensky cluster");
        for i in z {
            assert!(
                zc.members.iter().any(|m| m.statement == i),
                "{}",
                st[i].text
            );
        }
        assert_eq!(st[zc.reference_member().statement].doc, st[z[1]].doc);
        for (doc, text) in [
            ("004", "he would support working"),
            ("005", "he would support working"),
            ("005", "We are ready for a full ceasefire"),
            ("006", "Ukraine will not legally recognize"),
            ("006", "Our people will not accept"),
        ] {
            let i = find(&st, doc, text);
            assert!(zc.members.iter().all(|m| m.statement != i), "{doc} {text}");
        }
        // The Zaporizhzhia remark and its synthetic copy are one utterance.
        let zap = cluster_of(&clusters, find(&st, "004", "he would support")).expect("plant");
        assert!(zap
            .members
            .iter()
            .any(|m| m.statement == find(&st, "005", "he would support")));
        for c in &clusters {
            let speakers: HashSet<&str> = c
                .members
                .iter()
                .filter_map(|m| st[m.statement].speaker.as_deref())
                .collect();
            assert_eq!(speakers.len(), 1, "{}", c.id);
            for (k, m) in c.members.iter().enumerate() {
                assert_eq!(
                    k == c.reference,
                    m.change == Change::Identical && m.diff.is_empty()
                );
            }
        }
        for (a, b) in [
            ("the negotiations seem", "the negotiations are"),
            ("he had a constructive", "he held a"),
            ("the possibility of direct", "the idea of direct"),
            ("Putin's interest", "(Putin) had in mind"),
            ("future US involvement", "the US would need"),
        ] {
            let i = find(&st, "000", a);
            let j = find(&st, "003", b);
            let c = cluster_of(&clusters, i).unwrap_or_else(|| panic!("{a}"));
            assert!(c.members.iter().any(|m| m.statement == j), "{a} ~ {b}");
        }
    }

    #[test]
    fn seed_fixture_scores() {
        let (Some(st), Some(shared)) = (fixture(), shared_dir()) else {
            eprintln!("shared/gold not found: skipped");
            return;
        };
        let clusters = cluster(&st, &VariantOptions::default());
        let dir = tempfile::tempdir().unwrap();
        let file = std::fs::File::create(dir.path().join("variants.csv")).unwrap();
        write_csv(file, &st, &clusters).unwrap();
        std::fs::write(
            dir.path().join("variants.md"),
            render_markdown(&st, &clusters),
        )
        .unwrap();
        let out = std::process::Command::new("python3")
            .arg(shared.join("tools/score_variants.py"))
            .arg(shared.join("gold/variants.jsonl"))
            .arg(dir.path())
            .arg("--show-errors")
            .output();
        let Ok(out) = out else {
            eprintln!("python3 not found: skipped");
            return;
        };
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        eprintln!("{text}");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let value = |name: &str| -> f64 {
            text.lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{name} missing in\n{text}"))
        };
        assert_eq!(value("recall_verbatim"), 1.0);
        assert!(value("recall_paraphrase") >= 0.5);
        assert_eq!(value("precision_judged"), 1.0);
        assert!(!text.contains("WRONG"), "{text}");
    }
}
