//! Scoring a run's output against gold statements: a Rust port of the
//! project's reference scorer, `shared/tools/score.py`.
//!
//! The scorer reads `quotes.csv` (and, when present, `stance_matrix.csv`) from
//! an output directory and compares them with gold records in JSON Lines (the
//! format and every label are defined in `shared/gold/GUIDELINES.md`). It
//! reports statement detection, end-to-end attribution, speaker accuracy,
//! stance macro-F1 (favor/against, SemEval-2016 Task 6) and actor × issue
//! matrix cells.
//!
//! Why a port: `stancetrack eval` and the regression tests need the scorer
//! without a Python interpreter, and their figures must be the ones the
//! project is judged by. So this module reproduces score.py operation for
//! operation — the same Unicode folding and tokenizing, the same greedy
//! one-to-one matching with the same tie-breaking, the same float arithmetic
//! in the same order, the same `csv.DictReader` reading of the CSV files and
//! the same sort orders — and [`Scores::render`] prints exactly what score.py
//! prints (with `--show-errors` when asked). The one addition is that the
//! issue list is a parameter ([`EvalOptions::issues`]); with the default
//! ([`DEFAULT_ISSUES`]) the output is score.py's.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;
use thiserror::Error;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// The issues score.py scores (its `ISSUES`), in its order.
pub const DEFAULT_ISSUES: [&str; 4] = ["crimea", "nato", "ceasefire", "sanctions"];

/// Stance labels that fill a matrix cell (`any` accepts everything and fills none).
const STANCES: [&str; 3] = ["favor", "against", "neutral"];

/// Institutions and places that speak under several names (score.py's `INSTITUTIONS`).
const INSTITUTIONS: &[&[&str]] = &[
    &[
        "united states",
        "us",
        "u s",
        "washington",
        "us government",
        "american government",
        "trump administration",
        "us administration",
        "white house",
    ],
    &["white house"],
    &[
        "us state department",
        "state department",
        "us department of state",
    ],
    &[
        "uk foreign office",
        "foreign office",
        "british foreign office",
    ],
    &[
        "uk government",
        "british government",
        "government of the united kingdom",
        "downing street",
    ],
    &[
        "ukraine",
        "kyiv",
        "kiev",
        "ukrainian government",
        "government of ukraine",
        "ukraine government",
    ],
    &["russia", "moscow", "russian government"],
    &["kremlin", "the kremlin"],
    &["european union", "eu", "brussels"],
];

/// Leading words that [`norm_speaker`] drops.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "one", "two", "three", "four", "five", "several", "some", "many", "other",
    "another",
];

/// Words that never make two speakers the same under `--lenient-speaker`.
const STOP: &[&str] = &[
    "the",
    "and",
    "for",
    "who",
    "said",
    "told",
    "with",
    "from",
    "that",
    "this",
    "his",
    "her",
    "former",
    "president",
    "secretary",
    "minister",
    "official",
    "spokesman",
    "spokeswoman",
];

/// Why scoring could not run. Every variant names the file; those that come
/// from a particular place in it also give the (1-based) line.
#[derive(Debug, Error)]
pub enum EvalError {
    /// A file could not be read.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A file is not valid UTF-8.
    #[error("{}:{line}: not valid UTF-8", .path.display())]
    Utf8 {
        /// The file.
        path: PathBuf,
        /// The line holding the first invalid byte.
        line: usize,
    },
    /// A gold line is not valid JSON.
    #[error("{}:{line}: not valid JSON: {source}", .path.display())]
    GoldJson {
        /// The gold file.
        path: PathBuf,
        /// The offending line.
        line: usize,
        /// What the JSON parser said.
        source: serde_json::Error,
    },
    /// A gold line is JSON but not a usable gold record.
    #[error("{}:{line}: {message}", .path.display())]
    GoldRecord {
        /// The gold file.
        path: PathBuf,
        /// The offending line.
        line: usize,
        /// What is wrong with the record.
        message: String,
    },
    /// A CSV file could not be parsed.
    #[error("{}:{line}: {source}", .path.display())]
    Csv {
        /// The CSV file.
        path: PathBuf,
        /// The line where parsing failed.
        line: u64,
        /// What the CSV parser said.
        source: csv::Error,
    },
    /// `quotes.csv` has rows but lacks required columns (score.py exits there).
    #[error("{}:1: quotes.csv lacks columns {}", .path.display(), py_list(.columns))]
    MissingColumns {
        /// The `quotes.csv` file.
        path: PathBuf,
        /// The missing column names, sorted.
        columns: Vec<String>,
    },
}

/// One gold statement: a line of a gold `.jsonl` file (see GUIDELINES.md).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoldRecord {
    /// The document file name the statement is in.
    pub doc: String,
    /// `direct`, `fragment`, `indirect` or `mixed` (not used in scoring).
    pub kind: String,
    /// The statement's text; a JSON `null` reads as "".
    pub text: String,
    /// The canonical speaker; `None` when the article never names one.
    pub speaker: Option<String>,
    /// The reporting cue, e.g. `said` (not used in scoring).
    pub cue: Option<String>,
    /// Issue → label (`favor`, `against`, `neutral`, `any`); non-string labels are dropped.
    pub stance: BTreeMap<String, String>,
    /// Borderline statement: finding it is neither required nor an error.
    pub optional: bool,
    /// Other speakers that are also accepted.
    pub speaker_alternates: Vec<String>,
}

/// Reads a gold `.jsonl` file: one JSON object per non-blank line.
///
/// Lines are split as Python's text mode does (`\n`, `\r\n` or `\r`) so that
/// the line numbers in errors are the ones an editor shows. A leading UTF-8
/// BOM is skipped (score.py would fail on it).
pub fn load_gold(path: &Path) -> Result<Vec<GoldRecord>, EvalError> {
    let text = read_text(path)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut out = Vec::new();
    for (i, line) in universal_lines(text).enumerate() {
        if py_strip(line).is_empty() {
            continue;
        }
        let line_no = i + 1;
        let value: Value = serde_json::from_str(line).map_err(|source| EvalError::GoldJson {
            path: path.to_path_buf(),
            line: line_no,
            source,
        })?;
        let record = gold_from_json(&value).map_err(|message| EvalError::GoldRecord {
            path: path.to_path_buf(),
            line: line_no,
            message,
        })?;
        out.push(record);
    }
    Ok(out)
}

/// Builds a gold record from one parsed JSON line, reading fields the way score.py uses them.
fn gold_from_json(value: &Value) -> Result<GoldRecord, String> {
    let obj = value
        .as_object()
        .ok_or("a gold record must be a JSON object")?;
    let string = |key: &str, required: bool| -> Result<Option<String>, String> {
        match obj.get(key) {
            None if required => Err(format!("missing field `{key}`")),
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(format!("field `{key}` must be a string")),
        }
    };
    let doc = string("doc", true)?.ok_or("field `doc` must be a string")?;
    let text = string("text", true)?.unwrap_or_default();
    let speaker = string("speaker", false)?;
    let kind = string("kind", false)?.unwrap_or_default();
    let cue = string("cue", false)?;
    let stance = match obj.get("stance") {
        None | Some(Value::Null) => BTreeMap::new(),
        Some(Value::Object(m)) => m
            .iter()
            .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_string())))
            .collect(),
        Some(_) => return Err("field `stance` must be an object".into()),
    };
    let optional = obj.get("optional").is_some_and(py_truthy);
    let speaker_alternates = match obj.get("speaker_alternates") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
            .ok_or("field `speaker_alternates` must hold strings")?,
        Some(_) => return Err("field `speaker_alternates` must be a list".into()),
    };
    Ok(GoldRecord {
        doc,
        kind,
        text,
        speaker,
        cue,
        stance,
        optional,
        speaker_alternates,
    })
}

/// Python truthiness of a JSON value.
fn py_truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// How to score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalOptions {
    /// The issues scored for stance and for matrix precision, as `quotes.csv` /
    /// `stance_matrix.csv` column names. Defaults to [`DEFAULT_ISSUES`].
    pub issues: Vec<String>,
    /// score.py's `--lenient-speaker`: a predicted speaker is right when it
    /// shares a content word (3+ letters, not a title) with the gold speaker,
    /// for gold whose speakers are raw source mentions (PolNeAR).
    pub lenient_speaker: bool,
}

impl Default for EvalOptions {
    fn default() -> Self {
        EvalOptions {
            issues: DEFAULT_ISSUES.iter().map(|s| s.to_string()).collect(),
            lenient_speaker: false,
        }
    }
}

/// Every figure score.py reports, plus its `--show-errors` lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// Number of required (non-optional) gold statements.
    pub gold_required: usize,
    /// Number of gold statements.
    pub gold_total: usize,
    /// Number of predicted statements after de-duplication.
    pub predicted: usize,
    /// Detection precision: matched predictions over predictions.
    pub detect_p: f64,
    /// Detection recall: matched required gold over required gold.
    pub detect_r: f64,
    /// Detection F1.
    pub detect_f1: f64,
    /// Attribution precision: matches with the right speaker over predictions.
    pub attrib_p: f64,
    /// Attribution recall: required gold matched with the right speaker.
    pub attrib_r: f64,
    /// Attribution F1.
    pub attrib_f1: f64,
    /// Speaker accuracy over matched gold statements that name a speaker.
    pub speaker_acc: f64,
    /// Macro F1 of favor and against over (statement, issue) pairs.
    pub stance_f1: f64,
    /// F1 of `favor`.
    pub stance_favor_f1: f64,
    /// F1 of `against`.
    pub stance_against_f1: f64,
    /// Matrix precision over non-empty predicted cells; `None` without `stance_matrix.csv`.
    pub matrix_p: Option<f64>,
    /// Matrix recall over cells required gold fills; `None` without `stance_matrix.csv`.
    pub matrix_r: Option<f64>,
    /// Matrix F1; `None` without `stance_matrix.csv`.
    pub matrix_f1: Option<f64>,
    /// Number of matrix cells that required gold statements fill.
    pub matrix_cells: usize,
    /// Number of rows in `stance_matrix.csv` (0 without it).
    pub matrix_rows: usize,
    /// score.py's `--show-errors` lines (MISSED, SPEAKER, EXTRA, MATRIX), in its order.
    pub errors: Vec<String>,
}

impl Scores {
    /// Exactly what score.py prints to stdout: the error lines first when
    /// `show_errors`, then one `{key:18} {value}` line per figure (floats to
    /// three decimals, `None` for the matrix figures without a matrix).
    pub fn render(&self, show_errors: bool) -> String {
        let mut out = String::new();
        if show_errors {
            for line in &self.errors {
                out.push_str(line);
                out.push('\n');
            }
        }
        let int = |out: &mut String, k: &str, v: usize| {
            let _ = writeln!(out, "{k:18} {v}");
        };
        let float = |out: &mut String, k: &str, v: Option<f64>| {
            let _ = match v {
                Some(v) => writeln!(out, "{k:18} {v:.3}"),
                None => writeln!(out, "{k:18} None"),
            };
        };
        int(&mut out, "gold_required", self.gold_required);
        int(&mut out, "gold_total", self.gold_total);
        int(&mut out, "predicted", self.predicted);
        float(&mut out, "detect_p", Some(self.detect_p));
        float(&mut out, "detect_r", Some(self.detect_r));
        float(&mut out, "detect_f1", Some(self.detect_f1));
        float(&mut out, "attrib_p", Some(self.attrib_p));
        float(&mut out, "attrib_r", Some(self.attrib_r));
        float(&mut out, "attrib_f1", Some(self.attrib_f1));
        float(&mut out, "speaker_acc", Some(self.speaker_acc));
        float(&mut out, "stance_f1", Some(self.stance_f1));
        float(&mut out, "stance_favor_f1", Some(self.stance_favor_f1));
        float(&mut out, "stance_against_f1", Some(self.stance_against_f1));
        float(&mut out, "matrix_p", self.matrix_p);
        float(&mut out, "matrix_r", self.matrix_r);
        float(&mut out, "matrix_f1", self.matrix_f1);
        int(&mut out, "matrix_cells", self.matrix_cells);
        int(&mut out, "matrix_rows", self.matrix_rows);
        out
    }

    /// The figures as one JSON object (score.py's `--json`).
    pub fn to_json(&self) -> String {
        serde_json::json!({
            "gold_required": self.gold_required, "gold_total": self.gold_total,
            "predicted": self.predicted, "detect_p": self.detect_p, "detect_r": self.detect_r,
            "detect_f1": self.detect_f1, "attrib_p": self.attrib_p, "attrib_r": self.attrib_r,
            "attrib_f1": self.attrib_f1, "speaker_acc": self.speaker_acc,
            "stance_f1": self.stance_f1, "stance_favor_f1": self.stance_favor_f1,
            "stance_against_f1": self.stance_against_f1, "matrix_p": self.matrix_p,
            "matrix_r": self.matrix_r, "matrix_f1": self.matrix_f1,
            "matrix_cells": self.matrix_cells, "matrix_rows": self.matrix_rows,
        })
        .to_string()
    }
}

/// Folds text for comparison: NFKD, combining marks removed, curly single
/// quotes made straight, lowercased (score.py's `fold`).
pub fn fold(s: &str) -> String {
    let bare: String = s
        .nfkd()
        .filter(|&c| canonical_combining_class(c) == 0)
        .collect();
    bare.replace(['\u{2019}', '\u{2018}'], "'").to_lowercase()
}

/// The word tokens of a text: runs of `[a-z0-9]` in its [`fold`], after
/// `'s ` became a space and other apostrophes vanished (score.py's `words`).
pub fn words(s: &str) -> Vec<String> {
    let folded = fold(s).replace("'s ", " ").replace('\'', "");
    folded
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// A speaker name reduced for comparison: its [`words`] without leading
/// determiners, `-iy`/`-yy` endings made `-y`, and a plural `-s` dropped from
/// the last word when it is longer than four letters (score.py's `norm_speaker`).
pub fn norm_speaker(s: &str) -> String {
    let mut toks = words(s);
    let lead = toks
        .iter()
        .take_while(|t| DETERMINERS.contains(&t.as_str()))
        .count();
    toks.drain(..lead);
    for t in &mut toks {
        if t.ends_with("iy") || t.ends_with("yy") {
            t.truncate(t.len() - 2);
            t.push('y');
        }
    }
    if let Some(last) = toks.last_mut() {
        if last.len() > 4 && last.ends_with('s') && !last.ends_with("ss") {
            last.pop();
        }
    }
    toks.join(" ")
}

/// Whether a predicted speaker counts as the gold speaker or one of its
/// alternates (score.py's `speaker_ok`; `lenient` is `--lenient-speaker`).
///
/// A gold speaker of `None` accepts anything; an empty prediction matches
/// nothing else. Otherwise the normalized names must be equal, name the same
/// institution, share the surname of a capitalized person's name, or the gold
/// name's words (two or more) must all be in the prediction.
pub fn speaker_ok(pred: &str, gold: Option<&str>, alternates: &[String], lenient: bool) -> bool {
    let Some(gold) = gold else {
        return true;
    };
    let p = norm_speaker(pred);
    if p.is_empty() {
        return false;
    }
    if lenient {
        let keep = |s: &str| -> HashSet<String> {
            words(s)
                .into_iter()
                .filter(|w| w.len() >= 3 && !STOP.contains(&w.as_str()))
                .collect()
        };
        return !keep(pred).is_disjoint(&keep(gold));
    }
    let in_group = |group: &[&str], s: &str| group.contains(&s);
    for name in std::iter::once(gold).chain(alternates.iter().map(String::as_str)) {
        let g = norm_speaker(name);
        if p == g {
            return true;
        }
        if INSTITUTIONS
            .iter()
            .any(|group| in_group(group, &g) && in_group(group, &p))
        {
            return true;
        }
        let gt: Vec<&str> = g.split(' ').filter(|t| !t.is_empty()).collect();
        let pt: Vec<&str> = p.split(' ').collect();
        let capitalized = name.chars().next().is_some_and(char::is_uppercase);
        if gt.len() >= 2
            && capitalized
            && gt.last() == pt.last()
            && !INSTITUTIONS.iter().any(|group| in_group(group, &g))
        {
            return true; // same person by surname: "President Zelenskyy" ~ "Volodymyr Zelensky"
        }
        if gt.len() >= 2 && gt.iter().all(|t| pt.contains(t)) {
            return true;
        }
    }
    false
}

/// A bag of words: counts per word and the total count.
struct Bag {
    counts: HashMap<String, usize>,
    total: usize,
}

impl Bag {
    fn new(s: &str) -> Bag {
        let mut counts = HashMap::new();
        let ws = words(s);
        let total = ws.len();
        for w in ws {
            *counts.entry(w).or_insert(0) += 1;
        }
        Bag { counts, total }
    }

    fn f1(&self, other: &Bag) -> f64 {
        let common: usize = self
            .counts
            .iter()
            .map(|(w, &n)| n.min(other.counts.get(w).copied().unwrap_or(0)))
            .sum();
        if common == 0 {
            return 0.0;
        }
        let p = common as f64 / self.total as f64;
        let r = common as f64 / other.total as f64;
        2.0 * p * r / (p + r)
    }
}

/// F1 of the overlap of two texts' word bags (score.py's `bag_f1`).
pub fn bag_f1(a: &str, b: &str) -> f64 {
    Bag::new(a).f1(&Bag::new(b))
}

/// The value a matrix cell shows for a set of stance labels: `mixed` when
/// more than one polar label, the polar label when one, else `neutral`
/// (score.py's `cell_value`).
pub fn cell_value(labels: &BTreeSet<String>) -> String {
    let polar: Vec<&String> = labels.iter().filter(|l| *l != "neutral").collect();
    match polar.as_slice() {
        [] => "neutral".to_string(),
        [one] => (*one).clone(),
        _ => "mixed".to_string(),
    }
}

/// Cell key (actor, issue) → (filled by a required statement, the values a
/// correct system may show). Required statements must count; any subset of
/// the optional ones may count too (score.py's `gold_matrix`).
type GoldMatrix = BTreeMap<(String, String), (bool, BTreeSet<String>)>;

fn gold_matrix(gold: &[GoldRecord]) -> GoldMatrix {
    let mut req: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    let mut opt: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for g in gold {
        let Some(speaker) = g.speaker.as_deref().filter(|s| !s.is_empty()) else {
            continue;
        };
        for (issue, lab) in &g.stance {
            if STANCES.contains(&lab.as_str()) {
                let target = if g.optional { &mut opt } else { &mut req };
                target
                    .entry((speaker.to_string(), issue.clone()))
                    .or_default()
                    .insert(lab.clone());
            }
        }
    }
    let keys: BTreeSet<&(String, String)> = req.keys().chain(opt.keys()).collect();
    let empty = BTreeSet::new();
    let mut out = GoldMatrix::new();
    for key in keys {
        let required = req.get(key).unwrap_or(&empty);
        let extras: Vec<&String> = opt.get(key).unwrap_or(&empty).iter().collect();
        let mut values = BTreeSet::new();
        for mask in 0..(1usize << extras.len()) {
            let mut labs = required.clone();
            labs.extend(
                (0..extras.len())
                    .filter(|i| mask >> i & 1 == 1)
                    .map(|i| extras[i].clone()),
            );
            if !labs.is_empty() {
                values.insert(cell_value(&labs));
            }
        }
        out.insert(key.clone(), (!required.is_empty(), values));
    }
    out
}

/// A CSV file read as `csv.DictReader` reads it (utf-8-sig).
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn read(path: &Path) -> Result<Table, EvalError> {
        let text = read_text(path)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut records = Vec::new();
        for rec in reader.records() {
            let rec = rec.map_err(|source| EvalError::Csv {
                path: path.to_path_buf(),
                line: source.position().map_or(0, |p| p.line()),
                source,
            })?;
            records.push(rec.iter().map(str::to_string).collect::<Vec<_>>());
        }
        // csv.reader yields an empty row for a blank line: DictReader skips
        // those among the data but takes a blank first line as the header.
        let blank_first = text.starts_with(['\n', '\r']);
        let mut records = records.into_iter();
        let header = if blank_first {
            Vec::new()
        } else {
            records.next().unwrap_or_default()
        };
        Ok(Table {
            header,
            rows: records.collect(),
        })
    }

    /// Index of a column as DictReader's dict sees it (the last of duplicate names).
    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().rposition(|h| h == name)
    }

    /// DictReader's `row.get(name)`: `None` when there is no such column or the row is short.
    fn cell(&self, row: usize, col: Option<usize>) -> Option<&str> {
        col.and_then(|c| self.rows[row].get(c)).map(String::as_str)
    }
}

/// One de-duplicated row of `quotes.csv`.
struct Pred {
    doc: String,
    speaker: Option<String>,
    text: Option<String>,
    /// Per issue of the options: the cell stripped and lowercased.
    labels: Vec<String>,
    bag: Bag,
}

fn load_pred(outdir: &Path, issues: &[String]) -> Result<Vec<Pred>, EvalError> {
    let path = outdir.join("quotes.csv");
    let table = Table::read(&path)?;
    let missing: Vec<String> = ["doc", "speaker", "text"]
        .iter()
        .filter(|c| !table.header.iter().any(|h| h == *c))
        .map(|c| c.to_string())
        .collect();
    if !table.rows.is_empty() && !missing.is_empty() {
        return Err(EvalError::MissingColumns {
            path,
            columns: missing,
        });
    }
    let (doc_col, spk_col, text_col) = (
        table.column("doc"),
        table.column("speaker"),
        table.column("text"),
    );
    let issue_cols: Vec<Option<usize>> = issues.iter().map(|i| table.column(i)).collect();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for r in 0..table.rows.len() {
        let doc = table.cell(r, doc_col).unwrap_or("");
        let doc = doc.rsplit('/').next().unwrap_or(doc).to_string();
        let text = table.cell(r, text_col).map(str::to_string);
        let key = (doc.clone(), words(text.as_deref().unwrap_or("")).join(" "));
        if !seen.insert(key) {
            continue; // a repeated paragraph is one statement
        }
        out.push(Pred {
            doc,
            speaker: table.cell(r, spk_col).map(str::to_string),
            bag: Bag::new(text.as_deref().unwrap_or("")),
            text,
            labels: issue_cols
                .iter()
                .map(|&c| label(table.cell(r, c)))
                .collect(),
        });
    }
    Ok(out)
}

/// `(cell or "").strip().lower()`.
fn label(cell: Option<&str>) -> String {
    py_strip(cell.unwrap_or("")).to_lowercase()
}

/// Greedy one-to-one matching within a document, best word-bag F1 first,
/// ties to the larger gold index, then the larger prediction index.
/// Returns, per gold index, the matched prediction.
fn match_statements(gold: &[GoldRecord], pred: &[Pred]) -> Vec<Option<usize>> {
    let mut by_doc: HashMap<&str, Vec<usize>> = HashMap::new();
    for (pi, p) in pred.iter().enumerate() {
        by_doc.entry(p.doc.as_str()).or_default().push(pi);
    }
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let Some(pis) = by_doc.get(g.doc.as_str()) else {
            continue;
        };
        let bag = Bag::new(&g.text);
        for &pi in pis {
            let s = bag.f1(&pred[pi].bag);
            if s >= 0.5 {
                cands.push((s, gi, pi));
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)));
    let mut g2p = vec![None; gold.len()];
    let mut used = vec![false; pred.len()];
    for (_, gi, pi) in cands {
        if g2p[gi].is_none() && !used[pi] {
            g2p[gi] = Some(pi);
            used[pi] = true;
        }
    }
    g2p
}

/// `2 * p * r / (p + r)`, 0 when both are 0.
fn f1(p: f64, r: f64) -> f64 {
    if p + r != 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// `a / b`, 0 when `b` is 0.
fn ratio(a: usize, b: usize) -> f64 {
    if b != 0 {
        a as f64 / b as f64
    } else {
        0.0
    }
}

/// Scores the output directory `outdir` (its `quotes.csv` and, if present,
/// `stance_matrix.csv`) against `gold`, as score.py does.
pub fn evaluate(
    gold: &[GoldRecord],
    outdir: &Path,
    opts: &EvalOptions,
) -> Result<Scores, EvalError> {
    let lenient = opts.lenient_speaker;
    let pred = load_pred(outdir, &opts.issues)?;
    let g2p = match_statements(gold, &pred);
    let req: Vec<usize> = (0..gold.len()).filter(|&i| !gold[i].optional).collect();
    let n_pred = pred.len();
    let matched: Vec<(usize, usize)> = g2p
        .iter()
        .enumerate()
        .filter_map(|(gi, p)| p.map(|pi| (gi, pi)))
        .collect();

    let detect_p = ratio(matched.len(), n_pred);
    let detect_r = ratio(req.iter().filter(|&&i| g2p[i].is_some()).count(), req.len());
    let detect_f1 = f1(detect_p, detect_r);

    let right = |gi: usize, pi: usize| {
        let g = &gold[gi];
        let spk = pred[pi].speaker.as_deref().unwrap_or("");
        speaker_ok(spk, g.speaker.as_deref(), &g.speaker_alternates, lenient)
    };
    let ok: Vec<bool> = g2p
        .iter()
        .enumerate()
        .map(|(gi, p)| p.is_some_and(|pi| right(gi, pi)))
        .collect();
    let attrib_p = ratio(ok.iter().filter(|&&b| b).count(), n_pred);
    let attrib_r = ratio(req.iter().filter(|&&i| ok[i]).count(), req.len());
    let attrib_f1 = f1(attrib_p, attrib_r);
    let spk_n: Vec<usize> = matched
        .iter()
        .map(|&(gi, _)| gi)
        .filter(|&gi| gold[gi].speaker.as_deref().is_some_and(|s| !s.is_empty()))
        .collect();
    let speaker_acc = ratio(spk_n.iter().filter(|&&gi| ok[gi]).count(), spk_n.len());

    // stance over (statement, issue) pairs of matched statements
    let (mut tp, mut fp, mut fn_) = ([0usize; 2], [0usize; 2], [0usize; 2]);
    for &(gi, pi) in &matched {
        for (k, issue) in opts.issues.iter().enumerate() {
            let gl = gold[gi].stance.get(issue).map_or("", String::as_str);
            if gl == "any" {
                continue;
            }
            let pl = pred[pi].labels[k].as_str();
            for (j, lab) in ["favor", "against"].iter().enumerate() {
                if pl == *lab && gl == *lab {
                    tp[j] += 1;
                } else if pl == *lab {
                    fp[j] += 1;
                } else if gl == *lab {
                    fn_[j] += 1;
                }
            }
        }
    }
    let f_lab: Vec<f64> = (0..2)
        .map(|j| f1(ratio(tp[j], tp[j] + fp[j]), ratio(tp[j], tp[j] + fn_[j])))
        .collect();
    let stance_f1 = (f_lab[0] + f_lab[1]) / 2.0;

    // matrix cells: recall over the cells that required statements fill,
    // precision over every non-empty predicted cell
    let gm = gold_matrix(gold);
    let matrix_cells = gm.values().filter(|(has_req, _)| *has_req).count();
    let (mut matrix_p, mut matrix_r, mut matrix_f1) = (None, None, None);
    let mut matrix_rows = 0;
    let mut mismatches = Vec::new();
    let mpath = outdir.join("stance_matrix.csv");
    if mpath.exists() {
        let table = Table::read(&mpath)?;
        matrix_rows = table.rows.len();
        let actor_col = table.column("actor");
        let actor_of = |r: usize| table.cell(r, actor_col).unwrap_or("");
        let mut hits = 0;
        let mut cells: Vec<_> = gm.iter().collect();
        cells.sort_by_cached_key(|((actor, issue), _)| {
            format!("({}, {})", py_repr(actor), py_repr(issue))
        });
        for ((actor, issue), (has_req, values)) in cells {
            if !has_req {
                continue;
            }
            let col = table.column(issue);
            let got: BTreeSet<String> = (0..table.rows.len())
                .filter(|&r| speaker_ok(actor_of(r), Some(actor), &[], lenient))
                .map(|r| label(table.cell(r, col)))
                .filter(|l| !l.is_empty())
                .collect();
            if got.iter().any(|l| values.contains(l)) {
                hits += 1;
            } else {
                let got = if got.is_empty() {
                    "nothing".to_string()
                } else {
                    py_list(&got)
                };
                mismatches.push(format!(
                    "missing {actor}/{issue}: gold {}, got {got}",
                    py_list(values)
                ));
            }
        }
        let (mut n_cells, mut good) = (0, 0);
        let actors: BTreeSet<&str> = gm.keys().map(|(a, _)| a.as_str()).collect();
        let issue_cols: Vec<Option<usize>> = opts.issues.iter().map(|i| table.column(i)).collect();
        for r in 0..table.rows.len() {
            let same: Vec<&str> = actors
                .iter()
                .copied()
                .filter(|a| speaker_ok(actor_of(r), Some(a), &[], lenient))
                .collect();
            for (issue, &col) in opts.issues.iter().zip(&issue_cols) {
                let lab = label(table.cell(r, col));
                if lab.is_empty() {
                    continue;
                }
                n_cells += 1;
                let cell = |a: &str| gm.get(&(a.to_string(), issue.clone()));
                if same
                    .iter()
                    .any(|a| cell(a).is_some_and(|(_, v)| v.contains(&lab)))
                {
                    good += 1;
                } else {
                    let want: BTreeSet<String> = same
                        .iter()
                        .flat_map(|a| match cell(a) {
                            Some((_, v)) => v.iter().cloned().collect::<Vec<_>>(),
                            None => vec!["empty".to_string()],
                        })
                        .collect();
                    let want = if want.is_empty() {
                        ["empty".to_string()].into()
                    } else {
                        want
                    };
                    let actor = table.cell(r, actor_col).unwrap_or("None");
                    mismatches.push(format!(
                        "wrong   {actor}/{issue}: got {lab}, gold {}",
                        py_list(&want)
                    ));
                }
            }
        }
        let p = ratio(good, n_cells);
        let r = ratio(hits, matrix_cells);
        (matrix_p, matrix_r, matrix_f1) = (Some(p), Some(r), Some(f1(p, r)));
    }

    let errors = error_lines(gold, &pred, &g2p, &ok, mismatches);
    Ok(Scores {
        gold_required: req.len(),
        gold_total: gold.len(),
        predicted: n_pred,
        detect_p,
        detect_r,
        detect_f1,
        attrib_p,
        attrib_r,
        attrib_f1,
        speaker_acc,
        stance_f1,
        stance_favor_f1: f_lab[0],
        stance_against_f1: f_lab[1],
        matrix_p,
        matrix_r,
        matrix_f1,
        matrix_cells,
        matrix_rows,
        errors,
    })
}

/// score.py's `--show-errors` lines; `ok[gi]` tells whether gold `gi` is
/// matched with the right speaker.
fn error_lines(
    gold: &[GoldRecord],
    pred: &[Pred],
    g2p: &[Option<usize>],
    ok: &[bool],
    mismatches: Vec<String>,
) -> Vec<String> {
    let head = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    let none = |s: Option<&str>| s.unwrap_or("None").to_string();
    let mut out = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let (doc, speaker) = (head(&g.doc, 3), none(g.speaker.as_deref()));
        match g2p[gi] {
            None if !g.optional => {
                out.push(format!("MISSED  {doc} [{speaker}] {}", head(&g.text, 90)));
            }
            Some(pi) if !ok[gi] => out.push(format!(
                "SPEAKER {doc} gold [{speaker}] got [{}] {}",
                none(pred[pi].speaker.as_deref()),
                head(&g.text, 70)
            )),
            _ => {}
        }
    }
    let mut hit = vec![false; pred.len()];
    for pi in g2p.iter().flatten() {
        hit[*pi] = true;
    }
    for (p, _) in pred.iter().zip(&hit).filter(|(_, h)| !**h) {
        out.push(format!(
            "EXTRA   {} [{}] {}",
            head(&p.doc, 3),
            none(p.speaker.as_deref()),
            head(p.text.as_deref().unwrap_or(""), 90)
        ));
    }
    out.extend(mismatches.into_iter().map(|m| format!("MATRIX  {m}")));
    out
}

/// Reads a file as UTF-8.
fn read_text(path: &Path) -> Result<String, EvalError> {
    let bytes = std::fs::read(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        EvalError::Utf8 {
            path: path.to_path_buf(),
            line: 1 + upto.iter().filter(|&&b| b == b'\n').count(),
        }
    })
}

/// Lines as Python's text mode splits them: at `\n`, `\r\n` or `\r`.
fn universal_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match rest.find(['\n', '\r']) {
            Some(i) => {
                let line = &rest[..i];
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[i + skip..];
                Some(line)
            }
            None => Some(std::mem::take(&mut rest)),
        }
    })
}

/// Python's `str.strip()`: Unicode whitespace plus the separators U+001C..U+001F.
fn py_strip(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c))
}

/// Python's `str.isprintable()` for one non-ASCII character.
fn py_printable(c: char) -> bool {
    static NON_PRINTABLE: OnceLock<regex::Regex> = OnceLock::new();
    let re = NON_PRINTABLE.get_or_init(|| {
        regex::Regex::new(r"^[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$").expect("valid class")
    });
    !re.is_match(c.encode_utf8(&mut [0; 4]))
}

/// Python's `repr()` of a string.
fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        let code = c as u32;
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if code < 0x20 || code == 0x7f => {
                let _ = write!(out, "\\x{code:02x}");
            }
            _ if code < 0x7f || py_printable(c) => out.push(c),
            _ if code <= 0xff => {
                let _ = write!(out, "\\x{code:02x}");
            }
            _ if code <= 0xffff => {
                let _ = write!(out, "\\u{code:04x}");
            }
            _ => {
                let _ = write!(out, "\\U{code:08x}");
            }
        }
    }
    out.push(quote);
    out
}

/// Python's `repr()` of a list of strings.
fn py_list<'a, I: IntoIterator<Item = &'a String>>(items: I) -> String {
    let parts: Vec<String> = items.into_iter().map(|s| py_repr(s)).collect();
    format!("[{}]", parts.join(", "))
}

#[cfg(test)]
mod tests {
    //! Expected values were produced by running `shared/tools/score.py` (and
    //! its functions) on the same inputs, so these tests need no Python.
    use super::*;

    fn set(labels: &[&str]) -> BTreeSet<String> {
        labels.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn fold_matches_python() {
        assert_eq!(fold("Zelenskyy’s Café"), "zelenskyy's cafe");
        assert_eq!(fold("ﬁnal İstanbul"), "final istanbul");
        assert_eq!(fold("Ⅻ x² ½"), "xii x2 1\u{2044}2");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn words_matches_python() {
        assert_eq!(
            words("Russia's annexation of Crimea’s"),
            ["russia", "annexation", "of", "crimeas"]
        );
        assert_eq!(
            words("it's 30-day x² don’t"),
            ["it", "30", "day", "x2", "dont"]
        );
        assert_eq!(words("Ukraine's"), ["ukraines"]);
        assert_eq!(words("Straße naïve"), ["stra", "e", "naive"]);
        assert!(words("— «»").is_empty());
    }

    #[test]
    fn norm_speaker_matches_python() {
        let cases = [
            ("two European diplomats", "european diplomat"),
            ("Zelenskyy", "zelensky"),
            ("Zelenskiy", "zelensky"),
            ("United States", "united state"),
            ("the Kremlin", "kremlin"),
            ("boss", "boss"),
            ("US officials", "us official"),
            ("the", ""),
            ("Several news", "news"),
            ("sources", "source"),
        ];
        for (name, want) in cases {
            assert_eq!(norm_speaker(name), want, "{name}");
        }
    }

    #[test]
    fn speaker_ok_matches_python() {
        // (pred, gold, alternates, strict, lenient) as score.py answers them
        type Case = (
            &'static str,
            Option<&'static str>,
            &'static [&'static str],
            bool,
            bool,
        );
        let cases: &[Case] = &[
            (
                "President Zelenskyy",
                Some("Volodymyr Zelensky"),
                &[],
                true,
                false,
            ),
            ("Washington", Some("United States"), &[], false, false),
            ("Washington", Some("US"), &[], true, false),
            ("the Kremlin", Some("Kremlin"), &[], true, true),
            ("Kremlin spokesman", Some("Kremlin"), &[], false, true),
            ("EU officials", Some("EU official"), &[], true, false),
            (
                "two diplomats",
                Some("diplomat briefed on the content of the talks"),
                &["diplomat", "diplomats"],
                true,
                false,
            ),
            ("", Some("Anna"), &[], false, false),
            ("anyone", None, &[], true, true),
            ("vance", Some("jd vance"), &[], false, true),
            ("Sen. JD Vance", Some("JD Vance"), &[], true, true),
            ("Moscow", Some("Russia"), &["Moscow"], true, false),
            (
                "Foreign Secretary David Lammy",
                Some("David Lammy"),
                &[],
                true,
                true,
            ),
            (
                "Starmer spokesperson",
                Some("spokesperson for Keir Starmer"),
                &[],
                false,
                true,
            ),
        ];
        for &(pred, gold, alts, strict, lenient) in cases {
            let alts: Vec<String> = alts.iter().map(|s| s.to_string()).collect();
            assert_eq!(
                speaker_ok(pred, gold, &alts, false),
                strict,
                "{pred} / {gold:?}"
            );
            assert_eq!(
                speaker_ok(pred, gold, &alts, true),
                lenient,
                "lenient {pred} / {gold:?}"
            );
        }
    }

    #[test]
    fn bag_f1_matches_python() {
        assert_eq!(bag_f1("x y", "x y z"), 0.8);
        assert_eq!(bag_f1("a a b", "a b b c"), 0.5714285714285715);
        assert_eq!(bag_f1("Russia's war", "russia war"), 1.0);
        assert_eq!(bag_f1("x", "y"), 0.0);
        assert_eq!(bag_f1("", "x"), 0.0);
        assert_eq!(
            bag_f1("one two three", "three two one four five six"),
            0.6666666666666666
        );
    }

    #[test]
    fn cell_value_matches_python() {
        assert_eq!(cell_value(&set(&["neutral"])), "neutral");
        assert_eq!(cell_value(&set(&["favor"])), "favor");
        assert_eq!(cell_value(&set(&["favor", "neutral"])), "favor");
        assert_eq!(cell_value(&set(&["favor", "against"])), "mixed");
        assert_eq!(cell_value(&set(&["favor", "against", "neutral"])), "mixed");
        assert_eq!(cell_value(&set(&[])), "neutral");
    }

    #[test]
    fn gold_matrix_enumerates_optional_subsets() {
        let rec = |stance: &str, optional: bool| GoldRecord {
            doc: "d".into(),
            speaker: Some("EU official".into()),
            stance: [("sanctions".to_string(), stance.to_string())].into(),
            optional,
            ..Default::default()
        };
        let gm = gold_matrix(&[rec("favor", false), rec("against", true), rec("any", false)]);
        let key = ("EU official".to_string(), "sanctions".to_string());
        assert_eq!(gm[&key], (true, set(&["favor", "mixed"])));
        let gm = gold_matrix(&[rec("neutral", true), rec("against", true)]);
        assert_eq!(gm[&key], (false, set(&["against", "neutral"])));
    }

    #[test]
    fn python_repr_and_helpers() {
        assert_eq!(py_repr("O'Brien"), "\"O'Brien\"");
        assert_eq!(py_repr("a\"b'c"), "'a\"b\\'c'");
        assert_eq!(
            py_repr("a\u{a0}b\u{200b}c\u{2028}\x7f\u{85}é😀\u{e0001}\u{e000}\t"),
            "'a\\xa0b\\u200bc\\u2028\\x7f\\x85é😀\\U000e0001\\ue000\\t'"
        );
        assert_eq!(py_list(&set(&["mixed", "favor"])), "['favor', 'mixed']");
        assert_eq!(py_strip("\u{1c} favor\u{a0}\n"), "favor");
        let lines: Vec<&str> = universal_lines("a\r\nb\rc\n\nd").collect();
        assert_eq!(lines, ["a", "b", "c", "", "d"]);
        // Python's "{:.3f}" rounds exact ties to even, as Rust does.
        assert_eq!(format!("{:.3}", 0.0625), "0.062");
        assert_eq!(format!("{:.3}", 0.1875), "0.188");
    }

    /// Writes gold and an output directory, then scores it.
    fn run(gold: &str, quotes: &str, matrix: Option<&str>, opts: &EvalOptions) -> Scores {
        let dir = tempfile::tempdir().unwrap();
        let gold_path = dir.path().join("gold.jsonl");
        std::fs::write(&gold_path, gold).unwrap();
        std::fs::write(dir.path().join("quotes.csv"), quotes).unwrap();
        if let Some(m) = matrix {
            std::fs::write(dir.path().join("stance_matrix.csv"), m).unwrap();
        }
        let gold = load_gold(&gold_path).unwrap();
        evaluate(&gold, dir.path(), opts).unwrap()
    }

    fn lenient() -> EvalOptions {
        EvalOptions {
            lenient_speaker: true,
            ..Default::default()
        }
    }

    const RICH_GOLD: &str = r#"{"doc": "d1.txt", "kind": "direct", "text": "we will not recognise crimea as russian", "speaker": "EU official", "stance": {"crimea": "against", "sanctions": "favor"}, "optional": false}
{"doc": "d1.txt", "kind": "direct", "text": "sanctions stay", "speaker": "EU official", "stance": {"sanctions": "favor"}, "optional": true}
{"doc": "d1.txt", "kind": "direct", "text": "sanctions go", "speaker": "EU official", "stance": {"sanctions": "against"}, "optional": true}
{"doc": "d1.txt", "kind": "direct", "text": "nato is off the table", "speaker": "United States", "stance": {"nato": "against"}, "optional": false}
{"doc": "d1.txt", "kind": "direct", "text": "the ceasefire must hold", "speaker": "Russia", "stance": {"ceasefire": "neutral"}, "optional": false, "speaker_alternates": ["Moscow"]}
{"doc": "d1.txt", "kind": "direct", "text": "crimea is ours", "speaker": "Russia", "stance": {"crimea": "favor", "energy": "favor"}, "optional": false}
{"doc": "d1.txt", "kind": "direct", "text": "talks were constructive", "speaker": "Volodymyr Zelensky", "stance": {"ceasefire": "any"}, "optional": false}
{"doc": "d1.txt", "kind": "direct", "text": "we need peace", "speaker": "diplomat briefed on the content of the talks", "stance": {"ceasefire": "favor"}, "optional": false, "speaker_alternates": ["diplomat", "diplomats"]}
{"doc": "d1.txt", "kind": "direct", "text": "no comment", "speaker": "O'Brien", "stance": {"nato": "neutral"}, "optional": false}
{"doc": "d1.txt", "kind": "direct", "text": "good", "speaker": "\u00c9mile\u00a0Zola", "stance": {"nato": "favor"}, "optional": false}
"#;

    const RICH_QUOTES: &str = "\u{feff}doc,kind,speaker,text,crimea,nato,ceasefire,sanctions
x/d1.txt,direct,EU officials,We will not recognise Crimea as Russian,AGAINST, , ,favor
d1.txt,direct,an EU official,Sanctions stay,,,,Favor
d1.txt,direct,Washington,NATO is off the table,,against,,
d1.txt,direct,Moscow,The ceasefire must hold!,,,neutral,
d1.txt,direct,the Kremlin,Crimea is ours,favor,,,
d1.txt,direct,President Zelenskyy,talks were constructive,,,favor,
d1.txt,direct,two diplomats,we need peace,,,favor,
d1.txt,direct,O'Brien,no comment,,neutral,,
d1.txt,direct,Emile Zola,good,,favor,,
";

    const RICH_MATRIX: &str = "\u{feff}actor,crimea,nato,ceasefire,sanctions,energy
EU official,against,,,mixed,
United States,,against,,,
Moscow,favor,,neutral,,favor
Kremlin,favor,,,,
diplomats,,,favor,,
O'Brien,,neutral,
Émile Zola,,favor,,,
Zelensky,,,favor,,
";

    const RICH_FIGURES: &str = "gold_required      8
gold_total         10
predicted          9
detect_p           1.000
detect_r           1.000
detect_f1          1.000
attrib_p           0.778
attrib_r           0.750
attrib_f1          0.764
speaker_acc        0.778
stance_f1          1.000
stance_favor_f1    1.000
stance_against_f1  1.000
";

    #[test]
    fn rich_case_equals_score_py() {
        let s = run(
            RICH_GOLD,
            RICH_QUOTES,
            Some(RICH_MATRIX),
            &EvalOptions::default(),
        );
        let want = "\
SPEAKER d1. gold [United States] got [Washington] nato is off the table
SPEAKER d1. gold [Russia] got [the Kremlin] crimea is ours
MATRIX  missing diplomat briefed on the content of the talks/ceasefire: gold ['favor'], got nothing
MATRIX  wrong   Kremlin/crimea: got favor, gold ['empty']
MATRIX  wrong   diplomats/ceasefire: got favor, gold ['empty']
MATRIX  wrong   Zelensky/ceasefire: got favor, gold ['empty']
"
        .to_string()
            + RICH_FIGURES
            + "matrix_p           0.700
matrix_r           0.889
matrix_f1          0.783
matrix_cells       9
matrix_rows        8
";
        assert_eq!(s.render(true), want);
        let figures = &want[want.find("gold_required").unwrap()..];
        assert_eq!(s.render(false), figures);
    }

    #[test]
    fn rich_case_lenient_equals_score_py() {
        let s = run(RICH_GOLD, RICH_QUOTES, Some(RICH_MATRIX), &lenient());
        let want = "\
SPEAKER d1. gold [EU official] got [EU officials] we will not recognise crimea as russian
SPEAKER d1. gold [EU official] got [an EU official] sanctions stay
SPEAKER d1. gold [United States] got [Washington] nato is off the table
SPEAKER d1. gold [Russia] got [Moscow] the ceasefire must hold
SPEAKER d1. gold [Russia] got [the Kremlin] crimea is ours
SPEAKER d1. gold [Volodymyr Zelensky] got [President Zelenskyy] talks were constructive
SPEAKER d1. gold [diplomat briefed on the content of the talks] got [two diplomats] we need peace
MATRIX  missing EU official/crimea: gold ['against'], got nothing
MATRIX  missing EU official/sanctions: gold ['favor', 'mixed'], got nothing
MATRIX  missing Russia/ceasefire: gold ['neutral'], got nothing
MATRIX  missing Russia/crimea: gold ['favor'], got nothing
MATRIX  missing Russia/energy: gold ['favor'], got nothing
MATRIX  missing diplomat briefed on the content of the talks/ceasefire: gold ['favor'], got nothing
MATRIX  wrong   EU official/crimea: got against, gold ['empty']
MATRIX  wrong   EU official/sanctions: got mixed, gold ['empty']
MATRIX  wrong   Moscow/crimea: got favor, gold ['empty']
MATRIX  wrong   Moscow/ceasefire: got neutral, gold ['empty']
MATRIX  wrong   Kremlin/crimea: got favor, gold ['empty']
MATRIX  wrong   diplomats/ceasefire: got favor, gold ['empty']
MATRIX  wrong   Zelensky/ceasefire: got favor, gold ['empty']
gold_required      8
gold_total         10
predicted          9
detect_p           1.000
detect_r           1.000
detect_f1          1.000
attrib_p           0.222
attrib_r           0.250
attrib_f1          0.235
speaker_acc        0.222
stance_f1          1.000
stance_favor_f1    1.000
stance_against_f1  1.000
matrix_p           0.300
matrix_r           0.333
matrix_f1          0.316
matrix_cells       9
matrix_rows        8
";
        assert_eq!(s.render(true), want);
    }

    #[test]
    fn missing_matrix_prints_none() {
        let s = run(RICH_GOLD, RICH_QUOTES, None, &EvalOptions::default());
        let want = RICH_FIGURES.to_string()
            + "matrix_p           None
matrix_r           None
matrix_f1          None
matrix_cells       9
matrix_rows        0
";
        assert_eq!(s.render(false), want);
        assert_eq!(s.matrix_p, None);
    }

    #[test]
    fn extra_issue_counts_for_stance_and_matrix_precision() {
        // score.py with "energy" appended to ISSUES
        let mut opts = EvalOptions::default();
        opts.issues.push("energy".into());
        let s = run(RICH_GOLD, RICH_QUOTES, Some(RICH_MATRIX), &opts);
        let got = s.render(false);
        let want = "stance_f1          0.955
stance_favor_f1    0.909
stance_against_f1  1.000
matrix_p           0.727
matrix_r           0.889
matrix_f1          0.800
matrix_cells       9
matrix_rows        8
";
        assert!(got.ends_with(want), "{got}");
    }

    #[test]
    fn ties_go_to_the_larger_gold_then_prediction_index() {
        let g = |text: &str, spk: &str| {
            format!(
                r#"{{"doc": "d1.txt", "text": "{text}", "speaker": "{spk}", "stance": {{}}, "optional": false}}"#
            )
        };
        let gold = format!("{}\n{}\n", g("x y", "Anna Bell"), g("x y", "Carl Dean"));
        let s = run(
            &gold,
            "doc,speaker,text\nd1.txt,Anna Bell,x y\n",
            None,
            &EvalOptions::default(),
        );
        assert_eq!(
            s.errors,
            [
                "MISSED  d1. [Anna Bell] x y",
                "SPEAKER d1. gold [Carl Dean] got [Anna Bell] x y"
            ]
        );
        let gold = format!("{}\n", g("x y", "Anna Bell"));
        let quotes = "doc,speaker,text\nd1.txt,Carl Dean,x y z\nd1.txt,Anna Bell,x y w\n";
        let s = run(&gold, quotes, None, &EvalOptions::default());
        assert_eq!(s.errors, ["EXTRA   d1. [Carl Dean] x y z"]);
    }

    #[test]
    fn exact_ties_round_half_to_even() {
        let gold = r#"{"doc": "d1.txt", "text": "x y", "speaker": "Anna Bell"}"#;
        let mut quotes = "doc,speaker,text\n".to_string();
        for i in 0..15 {
            quotes += &format!("d1.txt,A,w{i}\n");
        }
        quotes += "d1.txt,Anna Bell,x y\n";
        let s = run(gold, &quotes, None, &EvalOptions::default());
        assert!(s.render(false).contains("detect_p           0.062\n"));
    }

    #[test]
    fn matrix_lines_sort_as_python_str_of_items() {
        let actors = [
            "Kremlin",
            "Kremlin Spokesman",
            "O'Brien",
            "Émile Zola",
            "Mr\u{a0}Smith",
            "Mr Smith",
            "Zed",
            "a\"b",
        ];
        let gold: String = actors
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let rec = serde_json::json!({"doc": "d.txt", "text": format!("t{i}"), "speaker": a,
                    "stance": {"crimea": "favor", "nato": "against"}, "optional": false});
                format!("{rec}\n")
            })
            .collect();
        let matrix = "actor,crimea,nato\nKremlin, Against ,favor\nKremlin spokesman,favor,\n";
        let s = run(
            &gold,
            "doc,speaker,text\n",
            Some(matrix),
            &EvalOptions::default(),
        );
        let matrix_lines: Vec<&String> = s
            .errors
            .iter()
            .filter(|l| l.starts_with("MATRIX"))
            .collect();
        let want = [
            "MATRIX  missing O'Brien/crimea: gold ['favor'], got nothing",
            "MATRIX  missing O'Brien/nato: gold ['against'], got nothing",
            "MATRIX  missing Kremlin Spokesman/nato: gold ['against'], got nothing",
            "MATRIX  missing Kremlin/crimea: gold ['favor'], got ['against']",
            "MATRIX  missing Kremlin/nato: gold ['against'], got ['favor']",
            "MATRIX  missing Mr Smith/crimea: gold ['favor'], got nothing",
            "MATRIX  missing Mr Smith/nato: gold ['against'], got nothing",
            "MATRIX  missing Mr\u{a0}Smith/crimea: gold ['favor'], got nothing",
            "MATRIX  missing Mr\u{a0}Smith/nato: gold ['against'], got nothing",
            "MATRIX  missing Zed/crimea: gold ['favor'], got nothing",
            "MATRIX  missing Zed/nato: gold ['against'], got nothing",
            "MATRIX  missing a\"b/crimea: gold ['favor'], got nothing",
            "MATRIX  missing a\"b/nato: gold ['against'], got nothing",
            "MATRIX  missing Émile Zola/crimea: gold ['favor'], got nothing",
            "MATRIX  missing Émile Zola/nato: gold ['against'], got nothing",
            "MATRIX  wrong   Kremlin/crimea: got against, gold ['favor']",
            "MATRIX  wrong   Kremlin/nato: got favor, gold ['against']",
        ];
        assert_eq!(matrix_lines, want);
    }

    #[test]
    fn csv_reading_follows_dictreader() {
        let gold = r#"{"doc": "d1.txt", "text": "x y", "speaker": "Anna Bell", "stance": {"crimea": "favor"}}"#;
        // blank lines are skipped, a whitespace-only row is a row with no text
        let quotes = "doc,speaker,text,crimea\n\nd1.txt,Anna Bell,x y,favor\n\n \n";
        let s = run(
            gold,
            quotes,
            Some("actor,crimea\n\n\nAnna Bell,favor\n \n"),
            &EvalOptions::default(),
        );
        assert_eq!((s.predicted, s.detect_p, s.stance_favor_f1), (2, 0.5, 1.0));
        assert_eq!(
            (s.matrix_rows, s.matrix_p, s.matrix_r),
            (2, Some(1.0), Some(1.0))
        );
        assert_eq!(s.errors, ["EXTRA     [None] "]);
        // quoted fields, doubled quotes, embedded newlines; header-only files
        let gold = r#"{"doc": "d1.txt", "text": "x y\nz", "speaker": "Anna Bell"}"#;
        let quotes = "doc,speaker,text\n\"d1.txt\",\"Anna \"\"B\"\" Bell\",\"x y\r\nz\"\n";
        let s = run(
            gold,
            quotes,
            Some("actor,crimea\n"),
            &EvalOptions::default(),
        );
        assert_eq!((s.detect_f1, s.attrib_f1, s.matrix_rows), (1.0, 1.0, 0));
        let s = run(gold, "", None, &EvalOptions::default());
        assert_eq!((s.predicted, s.detect_r), (0, 0.0));
    }

    #[test]
    fn errors_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let gold = dir.path().join("gold.jsonl");
        std::fs::write(&gold, "{\"doc\": \"a\", \"text\": \"x\"}\r\n  \n{oops\n").unwrap();
        let err = load_gold(&gold).unwrap_err();
        assert!(matches!(err, EvalError::GoldJson { line: 3, .. }), "{err}");
        assert!(err
            .to_string()
            .starts_with(&format!("{}:3: ", gold.display())));
        std::fs::write(&gold, "{\"doc\": \"a\", \"text\": \"x\"}\n{\"doc\": 3}\n").unwrap();
        assert!(matches!(
            load_gold(&gold).unwrap_err(),
            EvalError::GoldRecord { line: 2, .. }
        ));

        std::fs::write(dir.path().join("quotes.csv"), "doc,text\nd1.txt,x y\n").unwrap();
        let err = evaluate(&[], dir.path(), &EvalOptions::default()).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("quotes.csv lacks columns ['speaker']"),
            "{err}"
        );
        // with no rows, score.py does not check the columns
        std::fs::write(dir.path().join("quotes.csv"), "doc,text\n").unwrap();
        assert!(evaluate(&[], dir.path(), &EvalOptions::default()).is_ok());
        std::fs::remove_file(dir.path().join("quotes.csv")).unwrap();
        let err = evaluate(&[], dir.path(), &EvalOptions::default()).unwrap_err();
        assert!(matches!(err, EvalError::Io { .. }));
    }
}
