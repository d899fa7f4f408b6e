//! `report.html`: one self-contained page an analyst would rather look at
//! than read.
//!
//! The page has three parts: the stance heatmap (actors × issues, coloured by
//! the cell value, with the number of statements; clicking a cell lists its
//! statements, each with its article context and the quote highlighted), one
//! section per actor with all their statements, and the quote variants with
//! coloured word diffs.
//!
//! Why it is built this way:
//!
//! * **Self-contained.** CSS and a few lines of JavaScript are inlined; the page
//!   names no external URL, so it opens offline and can be mailed as one file.
//!   Without JavaScript every heatmap cell still links to its actor's section.
//! * **Safe.** Article text is untrusted. The template is rendered by
//!   minijinja with HTML auto-escaping on for every value, nothing is marked
//!   safe, and no data is embedded in the script: a `<script>` in an article
//!   shows up as text. Diffs are parsed here, in Rust, into plain segments that
//!   the template wraps in `<del>`/`<ins>`, instead of building markup from
//!   strings.
//! * **Deterministic.** The same inputs give byte-identical output: no clock,
//!   no hash-map iteration order reaches the page.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use serde::Serialize;

use crate::document::Document;
use crate::matrix::Row;
use crate::statement::Statement;
use crate::text::{pair_quotes, sentences};
use crate::variants::Cluster;

/// The template, embedded at build time (`templates/report.html`).
const TEMPLATE: &str = include_str!("../templates/report.html");
/// Its name; the `.html` suffix is what turns minijinja's auto-escaping on.
const TEMPLATE_NAME: &str = "report.html";
/// Longest stretch of article text kept on either side of a quote.
const CONTEXT_SIDE: usize = 320;

/// What the report shows about one article: where it was published and the
/// text around each of its statements.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocContext {
    /// Document id (the `doc` of its statements).
    pub id: String,
    /// Outlet (publisher).
    pub outlet: String,
    /// Headline.
    pub title: String,
    /// Article context by statement id: a slice of the article text that
    /// contains the statement text (the sentence or sentences around it).
    /// Statements without an entry are shown with their text alone.
    pub context: BTreeMap<String, String>,
}

impl DocContext {
    /// Builds the context of `doc` for those of `statements` that come from
    /// it: for each, the sentences of its paragraph that overlap the
    /// statement, cut to a few hundred characters on either side.
    ///
    /// Call it while the document is still in memory (after
    /// [`crate::pipeline::Pipeline::process`]); the result is small.
    ///
    /// ```
    /// use stancetrack::{document::Document, html::DocContext, pipeline::Pipeline};
    /// let doc = Document {
    ///     id: "a.txt".into(),
    ///     title: "Talks".into(),
    ///     text: "Talks\n\nTalks resumed. “We will never recognise the annexation,” \
    ///            the minister, Oleh Tkach, said. Others left.\n"
    ///         .into(),
    ///     ..Document::default()
    /// };
    /// let found = Pipeline::builtin().process(&doc);
    /// let ctx = DocContext::new(&doc, &found);
    /// assert_eq!(
    ///     ctx.context[&found[0].id],
    ///     "“We will never recognise the annexation,” the minister, Oleh Tkach, said."
    /// );
    /// ```
    pub fn new(doc: &Document, statements: &[Statement]) -> DocContext {
        let mut context = BTreeMap::new();
        for s in statements.iter().filter(|s| s.doc == doc.id) {
            if let Some(c) = surrounding(&doc.text, s.start, s.end) {
                if c.contains(s.text.as_str()) {
                    context.insert(s.id.clone(), c);
                }
            }
        }
        DocContext {
            id: doc.id.clone(),
            outlet: doc.outlet.clone(),
            title: doc.title.clone(),
            context,
        }
    }
}

/// The sentences around `text[start..end]` within its paragraph (a run of
/// lines without a blank line between them), trimmed to [`CONTEXT_SIDE`]
/// bytes (at a word boundary, marked `…`) on either side.
fn surrounding(text: &str, start: usize, end: usize) -> Option<String> {
    if start > end || end > text.len() || !text.is_char_boundary(start) {
        return None;
    }
    if !text.is_char_boundary(end) {
        return None;
    }
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line_end = text[end..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| end + i);
    let quotes = pair_quotes(text, line_start, line_end);
    let spans = sentences(text, line_start, line_end, &quotes);
    let from = spans
        .iter()
        .filter(|&&(s, e)| s <= start && start < e.max(s + 1))
        .map(|&(s, _)| s)
        .next()
        .unwrap_or(start);
    let to = spans
        .iter()
        .filter(|&&(s, e)| s < end && end <= e)
        .map(|&(_, e)| e)
        .next()
        .unwrap_or(end);
    let (from, to) = (from.min(start), to.max(end));
    let mut out = String::new();
    let lead_from = if start - from > CONTEXT_SIDE {
        out.push('…');
        word_start(text, start - CONTEXT_SIDE, start)
    } else {
        from
    };
    out.push_str(text[lead_from..start].trim_start());
    out.push_str(&text[start..end]);
    if to - end > CONTEXT_SIDE {
        out.push_str(&text[end..word_end(text, end, end + CONTEXT_SIDE)]);
        out.push('…');
    } else {
        out.push_str(text[end..to].trim_end());
    }
    Some(out)
}

/// The first word start at or after `at` (never after `limit`).
fn word_start(text: &str, mut at: usize, limit: usize) -> usize {
    while at < limit && !text.is_char_boundary(at) {
        at += 1;
    }
    match text[at..limit].find(char::is_whitespace) {
        Some(i) => {
            let ws = at + i;
            let rest = &text[ws..limit];
            ws + (rest.len() - rest.trim_start().len())
        }
        None => at,
    }
}

/// The last word end at or before `at` (never before `floor`).
fn word_end(text: &str, floor: usize, mut at: usize) -> usize {
    while at > floor && !text.is_char_boundary(at) {
        at -= 1;
    }
    match text[floor..at].rfind(char::is_whitespace) {
        Some(i) => text[..floor + i].trim_end().len().max(floor),
        None => at,
    }
}

/// One piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// `same`, `del` (only in the reference) or `ins` (only in this version).
    pub kind: &'static str,
    /// The words.
    pub text: String,
}

/// Parses the inline diff of [`crate::variants::Member::diff`]
/// (`[-removed-]`, `{+added+}`) into segments; an unclosed marker is kept as
/// text.
///
/// ```
/// use stancetrack::html::diff_segments;
/// let s = diff_segments("Ukraine [-will not-]{+would never+} accept");
/// let kinds: Vec<&str> = s.iter().map(|s| s.kind).collect();
/// assert_eq!(kinds, ["same", "del", "ins", "same"]);
/// assert_eq!(s[2].text, "would never");
/// ```
pub fn diff_segments(diff: &str) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut push = |kind: &'static str, text: &str| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(text),
            _ => out.push(Segment {
                kind,
                text: text.to_string(),
            }),
        }
    };
    let mut rest = diff;
    while !rest.is_empty() {
        let next = [rest.find("[-"), rest.find("{+")]
            .into_iter()
            .flatten()
            .min();
        let Some(at) = next else {
            push("same", rest);
            break;
        };
        push("same", &rest[..at]);
        let marked = &rest[at..];
        let (kind, close) = if marked.starts_with("[-") {
            ("del", "-]")
        } else {
            ("ins", "+}")
        };
        match marked[2..].find(close) {
            Some(len) => {
                push(kind, &marked[2..2 + len]);
                rest = &marked[2 + len + 2..];
            }
            None => {
                push("same", marked);
                break;
            }
        }
    }
    out
}

#[derive(Serialize)]
struct Page {
    version: &'static str,
    stats: Vec<Stat>,
    issues: Vec<IssueView>,
    rows: Vec<RowView>,
    quiet_rows: usize,
    actors: Vec<ActorView>,
    unattributed: Vec<Card>,
    clusters: Vec<ClusterView>,
}

#[derive(Serialize)]
struct Stat {
    label: &'static str,
    value: usize,
}

#[derive(Serialize)]
struct IssueView {
    id: String,
    statements: usize,
    actors: usize,
}

#[derive(Serialize)]
struct RowView {
    anchor: String,
    actor: String,
    affiliation: String,
    statements: usize,
    quiet: bool,
    cells: Vec<CellView>,
}

#[derive(Serialize)]
struct CellView {
    key: String,
    issue: String,
    value: &'static str,
    favor: usize,
    against: usize,
    neutral: usize,
    n: usize,
    evidence: String,
}

#[derive(Serialize)]
struct ActorView {
    anchor: String,
    name: String,
    affiliation: String,
    chips: Vec<Chip>,
    cards: Vec<Card>,
}

#[derive(Serialize)]
struct Chip {
    issue: String,
    value: &'static str,
    n: usize,
}

#[derive(Serialize, Clone)]
struct Card {
    dom_id: String,
    id: String,
    doc: String,
    outlet: String,
    date: String,
    title: String,
    kind: &'static str,
    cue: String,
    speaker: String,
    mention: String,
    before: String,
    quote: String,
    after: String,
    labels: Vec<LabelView>,
}

#[derive(Serialize, Clone)]
struct LabelView {
    issue: String,
    label: &'static str,
    rule: String,
}

#[derive(Serialize)]
struct ClusterView {
    id: String,
    speaker: String,
    documents: usize,
    reference: MemberView,
    others: Vec<MemberView>,
}

#[derive(Serialize)]
struct MemberView {
    outlet: String,
    doc: String,
    date: String,
    kind: &'static str,
    change: &'static str,
    similarity: String,
    percent: u32,
    text: String,
    segments: Vec<Segment>,
}

/// Renders `report.html`.
///
/// `statements` are the run's statements, `rows` the stance matrix built from
/// them ([`crate::matrix::by_actor`]), `clusters` the quote variants
/// ([`crate::variants::cluster`] on the same statements), `issues` the
/// codebook issue ids (heatmap columns, in order) and `docs` the article
/// metadata and context ([`DocContext::new`]); documents or contexts missing
/// from `docs` only make the page show less.
pub fn render_report(
    statements: &[Statement],
    rows: &[Row],
    clusters: &[Cluster],
    issues: &[String],
    docs: &[DocContext],
) -> Result<String, minijinja::Error> {
    let page = build_page(statements, rows, clusters, issues, docs);
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.add_template(TEMPLATE_NAME, TEMPLATE)?;
    env.get_template(TEMPLATE_NAME)?.render(&page)
}

fn build_page(
    statements: &[Statement],
    rows: &[Row],
    clusters: &[Cluster],
    issues: &[String],
    docs: &[DocContext],
) -> Page {
    let doc_by_id: HashMap<&str, &DocContext> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut index_of: HashMap<&str, usize> = HashMap::new();
    for (i, s) in statements.iter().enumerate() {
        index_of.entry(s.id.as_str()).or_insert(i);
    }
    let cards: Vec<Card> = statements
        .iter()
        .enumerate()
        .map(|(i, s)| card(i, s, doc_by_id.get(s.doc.as_str()).copied()))
        .collect();

    let mut by_speaker: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut by_affiliation: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, s) in statements.iter().enumerate() {
        if let Some(name) = s.speaker.as_deref() {
            by_speaker.entry(name).or_default().push(i);
            if !s.affiliation.is_empty() {
                by_affiliation.entry(&s.affiliation).or_default().push(i);
            }
        }
    }

    let mut view_rows = Vec::with_capacity(rows.len());
    let mut actors = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        let anchor = format!("actor-{}", r + 1);
        let cells: Vec<CellView> = issues
            .iter()
            .enumerate()
            .map(|(c, issue)| {
                let cell = row.cells.get(issue).cloned().unwrap_or_default();
                let evidence: Vec<String> = cell
                    .evidence
                    .iter()
                    .filter_map(|id| index_of.get(id))
                    .map(|i| format!("s-{}", i + 1))
                    .collect();
                CellView {
                    key: format!("c-{}-{}", r + 1, c + 1),
                    issue: issue.clone(),
                    value: cell.value(),
                    favor: cell.favor,
                    against: cell.against,
                    neutral: cell.neutral,
                    n: cell.count(),
                    evidence: evidence.join(" "),
                }
            })
            .collect();
        let chips = cells
            .iter()
            .filter(|c| !c.value.is_empty())
            .map(|c| Chip {
                issue: c.issue.clone(),
                value: c.value,
                n: c.n,
            })
            .collect();
        let members = by_speaker
            .get(row.actor.as_str())
            .or_else(|| by_affiliation.get(row.actor.as_str()))
            .cloned()
            .unwrap_or_default();
        actors.push(ActorView {
            anchor: anchor.clone(),
            name: row.actor.clone(),
            affiliation: row.affiliation.clone(),
            chips,
            cards: members.iter().map(|&i| cards[i].clone()).collect(),
        });
        view_rows.push(RowView {
            anchor,
            actor: row.actor.clone(),
            affiliation: row.affiliation.clone(),
            statements: row.statements,
            quiet: cells.iter().all(|c| c.value.is_empty()),
            cells,
        });
    }

    let issue_views = issues
        .iter()
        .map(|issue| IssueView {
            id: issue.clone(),
            statements: statements
                .iter()
                .filter(|s| s.label(issue).is_some())
                .count(),
            actors: rows
                .iter()
                .filter(|r| r.cells.get(issue).is_some_and(|c| !c.value().is_empty()))
                .count(),
        })
        .collect();

    let unattributed: Vec<Card> = statements
        .iter()
        .enumerate()
        .filter(|(_, s)| s.speaker.is_none())
        .map(|(i, _)| cards[i].clone())
        .collect();

    let cluster_views = clusters
        .iter()
        .filter_map(|c| cluster_view(c, statements))
        .collect::<Vec<_>>();

    let articles: BTreeSet<&str> = statements
        .iter()
        .map(|s| s.doc.as_str())
        .chain(docs.iter().map(|d| d.id.as_str()))
        .collect();
    let stats = vec![
        Stat {
            label: "articles",
            value: articles.len(),
        },
        Stat {
            label: "statements",
            value: statements.len(),
        },
        Stat {
            label: "actors",
            value: rows.len(),
        },
        Stat {
            label: "with a stance",
            value: view_rows.iter().filter(|r| !r.quiet).count(),
        },
        Stat {
            label: "issues",
            value: issues.len(),
        },
        Stat {
            label: "quote variants",
            value: cluster_views.len(),
        },
    ];
    Page {
        version: env!("CARGO_PKG_VERSION"),
        stats,
        issues: issue_views,
        quiet_rows: view_rows.iter().filter(|r| r.quiet).count(),
        rows: view_rows,
        actors,
        unattributed,
        clusters: cluster_views,
    }
}

fn card(i: usize, s: &Statement, doc: Option<&DocContext>) -> Card {
    let (before, quote, after) = match doc.and_then(|d| d.context.get(&s.id)) {
        Some(ctx) => match ctx.find(s.text.as_str()) {
            Some(at) if !s.text.is_empty() => (
                ctx[..at].to_string(),
                s.text.clone(),
                ctx[at + s.text.len()..].to_string(),
            ),
            _ => (String::new(), s.text.clone(), String::new()),
        },
        None => (String::new(), s.text.clone(), String::new()),
    };
    Card {
        dom_id: format!("s-{}", i + 1),
        id: s.id.clone(),
        doc: s.doc.clone(),
        outlet: doc
            .map(|d| d.outlet.clone())
            .filter(|o| !o.is_empty())
            .unwrap_or_else(|| s.outlet.clone()),
        date: s.date.clone(),
        title: doc.map(|d| d.title.clone()).unwrap_or_default(),
        kind: s.kind.as_str(),
        cue: s.cue.clone(),
        speaker: s.speaker.clone().unwrap_or_default(),
        mention: s.speaker_mention.clone(),
        before,
        quote,
        after,
        labels: s
            .stance
            .iter()
            .map(|l| LabelView {
                issue: l.issue.clone(),
                label: l.label.as_str(),
                rule: l.rule.clone(),
            })
            .collect(),
    }
}

fn cluster_view(c: &Cluster, statements: &[Statement]) -> Option<ClusterView> {
    let reference = c.members.get(c.reference)?;
    let r = statements.get(reference.statement)?;
    let docs: BTreeSet<&str> = c
        .members
        .iter()
        .filter_map(|m| statements.get(m.statement))
        .map(|s| s.doc.as_str())
        .collect();
    let member = |m: &crate::variants::Member| -> Option<MemberView> {
        let s = statements.get(m.statement)?;
        Some(MemberView {
            outlet: s.outlet.clone(),
            doc: s.doc.clone(),
            date: s.date.clone(),
            kind: s.kind.as_str(),
            change: m.change.as_str(),
            similarity: format!("{:.3}", m.similarity),
            percent: (m.similarity.clamp(0.0, 1.0) * 100.0).round() as u32,
            text: s.text.clone(),
            segments: if m.diff.is_empty() {
                vec![Segment {
                    kind: "same",
                    text: s.text.clone(),
                }]
            } else {
                diff_segments(&m.diff)
            },
        })
    };
    Some(ClusterView {
        id: c.id.clone(),
        speaker: r.speaker.clone().unwrap_or_default(),
        documents: docs.len(),
        reference: member(reference)?,
        others: c
            .members
            .iter()
            .enumerate()
            .filter(|&(k, _)| k != c.reference)
            .filter_map(|(_, m)| member(m))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_segments_keep_every_character() {
        let diff = "There [-’s-]{+is+} [-“-]{+\"+}peace[-”-]{+\"+} [---]{+;+} end";
        let segs = diff_segments(diff);
        assert_eq!(segs[0].text, "There ");
        assert_eq!(segs[1].kind, "del");
        assert_eq!(segs[1].text, "’s");
        assert!(segs.iter().any(|s| s.kind == "del" && s.text == "-"));
        assert_eq!(diff_segments("a [-b").last().unwrap().text, "a [-b");
        assert!(diff_segments("").is_empty());
    }

    #[test]
    fn context_is_cut_at_word_boundaries() {
        let long = "word ".repeat(200);
        let text = format!("{long}“Quote here,” she said. {long}");
        let start = text.find("Quote").unwrap();
        let end = start + "Quote here,".len();
        let c = surrounding(&text, start, end).unwrap();
        assert!(c.starts_with('…'), "{c}");
        assert!(c.contains("Quote here,"));
        assert!(c.len() < 2 * CONTEXT_SIDE + 40, "{}", c.len());
        assert!(surrounding(&text, end, start).is_none());

        let text = format!("“Quote here,” she said, {long}");
        let c = surrounding(&text, 3, 3 + "Quote here,".len()).unwrap();
        assert!(c.starts_with("“Quote here,” she said, word"), "{c}");
        assert!(c.ends_with("word…"), "{c}");
    }
}
