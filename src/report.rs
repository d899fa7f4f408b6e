//! Output files: `quotes.csv`, `stance_matrix.csv` (and the per-affiliation
//! matrix), written atomically (a temporary file in the output folder,
//! renamed into place) so an interrupted run leaves the previous outputs.
//!
//! Every CSV cell that a spreadsheet would read as a formula (`=`, `+`, `-`,
//! `@`, tab, carriage return first) is prefixed with `'` unless `raw` is set,
//! as OWASP recommends against CSV injection.

use std::borrow::Cow;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::matrix::Row;
use crate::statement::Statement;

/// Output options.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvOptions {
    /// Write cells verbatim (no formula neutralisation).
    pub raw: bool,
}

/// Neutralises a cell a spreadsheet would treat as a formula.
///
/// ```
/// use stancetrack::report::safe_cell;
/// assert_eq!(safe_cell("=HYPERLINK(\"x\")", false), "'=HYPERLINK(\"x\")");
/// assert_eq!(safe_cell("-5", true), "-5");
/// ```
pub fn safe_cell(s: &str, raw: bool) -> std::borrow::Cow<'_, str> {
    if !raw && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp: PathBuf = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    fs::rename(&tmp, path).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

/// Renames a set of written temporary files onto their destinations, the
/// first one last: a reader who sees the first file of the new run sees the
/// whole new set (`quotes.csv` marks a complete run).
pub fn rename_into_place(files: &[(PathBuf, PathBuf)]) -> io::Result<()> {
    for (tmp, path) in files.iter().skip(1).chain(files.iter().take(1)) {
        fs::rename(tmp, path)?;
    }
    Ok(())
}

/// The `quotes.csv` header for a codebook's issues.
pub fn quotes_header(issues: &[String]) -> Vec<String> {
    let mut h: Vec<String> = [
        "id",
        "doc",
        "outlet",
        "date",
        "kind",
        "speaker",
        "speaker_mention",
        "anonymous",
        "cue",
        "text",
        "start",
        "end",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    h.extend(issues.iter().cloned());
    h.push("stance_rules".into());
    h
}

/// One `quotes.csv` record: the statement's own text fields borrowed, the
/// numbers and the joined rules made (it runs for every statement).
pub fn quote_record<'s>(s: &'s Statement, issues: &[String]) -> Vec<Cow<'s, str>> {
    let mut r: Vec<Cow<'s, str>> = Vec::with_capacity(13 + issues.len());
    r.extend([
        Cow::Borrowed(s.id.as_str()),
        Cow::Borrowed(&s.doc),
        Cow::Borrowed(&s.outlet),
        Cow::Borrowed(&s.date),
        Cow::Borrowed(s.kind.as_str()),
        Cow::Borrowed(s.speaker.as_deref().unwrap_or_default()),
        Cow::Borrowed(&s.speaker_mention),
        Cow::Borrowed(if s.anonymous { "yes" } else { "no" }),
        Cow::Borrowed(&s.cue),
        Cow::Borrowed(&s.text),
        Cow::Owned(s.start.to_string()),
        Cow::Owned(s.end.to_string()),
    ]);
    for issue in issues {
        r.push(Cow::Borrowed(
            s.label(issue).map_or("", |l| l.label.as_str()),
        ));
    }
    let rules: Vec<&str> = s.stance.iter().map(|l| l.rule.as_str()).collect();
    r.push(Cow::Owned(rules.join("; ")));
    r
}

fn to_csv<S: AsRef<str>>(
    header: &[String],
    rows: impl Iterator<Item = Vec<S>>,
    opts: CsvOptions,
) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(header);
    for row in rows {
        let cells: Vec<Cow<'_, str>> = row
            .iter()
            .map(|c| safe_cell(c.as_ref(), opts.raw))
            .collect();
        let _ = w.write_record(cells.iter().map(|c| c.as_ref()));
    }
    w.into_inner().unwrap_or_default()
}

/// Renders `quotes.csv`.
pub fn quotes_csv(statements: &[Statement], issues: &[String], opts: CsvOptions) -> Vec<u8> {
    to_csv(
        &quotes_header(issues),
        statements.iter().map(|s| quote_record(s, issues)),
        opts,
    )
}

/// The stance matrix header: `actor, affiliation, statements`, one column
/// per issue, one `ISSUE_n` count column per issue, then `evidence`.
pub fn matrix_header(issues: &[String]) -> Vec<String> {
    let mut header: Vec<String> = vec!["actor".into(), "affiliation".into(), "statements".into()];
    header.extend(issues.iter().cloned());
    header.extend(issues.iter().map(|i| format!("{i}_n")));
    header.push("evidence".into());
    header
}

/// One stance matrix record ([`matrix_header`]); `None` for a row with no
/// statements and no cells, which the matrix leaves out.
pub fn matrix_record(r: &Row, issues: &[String]) -> Option<Vec<String>> {
    if r.cells.is_empty() && r.statements == 0 {
        return None;
    }
    let mut rec = vec![
        r.actor.clone(),
        r.affiliation.clone(),
        r.statements.to_string(),
    ];
    let mut evidence = String::new();
    for i in issues {
        let cell = r.cells.get(i);
        let v = cell.map(|c| c.value()).unwrap_or("");
        rec.push(v.to_string());
        if let Some(c) = cell.filter(|c| !c.value().is_empty()) {
            if !evidence.is_empty() {
                evidence.push_str(" | ");
            }
            evidence.push_str(i);
            evidence.push_str(": ");
            evidence.push_str(&c.evidence.join(" "));
        }
    }
    for i in issues {
        rec.push(r.cells.get(i).map_or(0, |c| c.count()).to_string());
    }
    rec.push(evidence);
    Some(rec)
}

/// Renders a stance matrix ([`matrix_header`], [`matrix_record`]).
pub fn matrix_csv(rows: &[Row], issues: &[String], opts: CsvOptions) -> Vec<u8> {
    to_csv(
        &matrix_header(issues),
        rows.iter().filter_map(|r| matrix_record(r, issues)),
        opts,
    )
}
