//! `stancetrack.xlsx`: the run's results as one workbook an analyst can
//! filter, sort and annotate.
//!
//! Four sheets:
//!
//! * **Matrix**: one row per actor, one column per issue. Each cell holds
//!   `favor`, `against`, `mixed` or `neutral` on a background of its colour,
//!   a note with the counts behind it, and a link to the first statement of
//!   its evidence on the Statements sheet. The header row and the actor
//!   column are frozen and the header has filters.
//! * **Statements**: the columns of `quotes.csv`, one row per statement, with
//!   wrapped text, the stance labels coloured like the matrix, frozen header
//!   and filters.
//! * **Variants**: the columns of `variants.csv`, one row per version of an
//!   utterance, with the word diff in colour (removed words red and struck
//!   through, added words green).
//! * **About**: corpus size, generation date, codebook, tool version, inputs
//!   and a colour legend.
//!
//! Why it is written this way: article text is untrusted, and a spreadsheet
//! runs formulas. Every value is written as a string (`write_string`, rich
//! strings) or a number, never through a generic `write` that could guess a
//! type and never as a formula, so a quote starting with `=` stays text. The
//! output is deterministic: the caller passes the date, and the file's
//! creation time is set from it instead of the clock.

use std::collections::HashMap;
use std::path::Path;

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, FormatUnderline, Note,
    Url, Workbook, Worksheet, XlsxError,
};

use crate::matrix::Row;
use crate::report::{quote_record, quotes_header};
use crate::statement::Statement;
use crate::variants::Cluster;

/// Excel's longest cell string; longer texts are cut and end with `…`.
const MAX_CELL_CHARS: usize = 32_767;
/// Excel keeps at most this many hyperlinks per worksheet.
const MAX_LINKS: usize = 65_530;
/// Evidence ids listed in a matrix cell's note before `… and N more`.
const NOTE_IDS: usize = 12;

/// What the About sheet says about the run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct About {
    /// Articles processed.
    pub articles: usize,
    /// Generation date, as the caller wants it shown (`2025-04-23`). Also
    /// used as the workbook's creation date when it starts with
    /// `YYYY-MM-DD`; the writer never reads the clock, so the same inputs
    /// give the same file.
    pub generated: String,
    /// The codebook used (`built-in` or the file names).
    pub codebook: String,
    /// Tool version (`stancetrack 0.1.0`).
    pub version: String,
    /// The inputs named on the command line.
    pub inputs: Vec<String>,
}

/// The fill colour (`0xRRGGBB`) of a matrix value: favor green, against red,
/// mixed amber, neutral grey; `None` for an empty cell.
///
/// ```
/// assert_eq!(stancetrack::xlsx::stance_rgb("favor"), Some(0x2F9A5C));
/// assert_eq!(stancetrack::xlsx::stance_rgb(""), None);
/// ```
pub fn stance_rgb(value: &str) -> Option<u32> {
    match value {
        "favor" => Some(0x2F9A5C),
        "against" => Some(0xD2473C),
        "mixed" => Some(0xEEAA2C),
        "neutral" => Some(0xB9C1CD),
        _ => None,
    }
}

/// The formats shared by the sheets.
struct Styles {
    header: Format,
    text: Format,
    wrap: Format,
    number: Format,
    similarity: Format,
    reference: Format,
    reference_wrap: Format,
    title: Format,
    key: Format,
    removed: Format,
    added: Format,
    /// Matrix cells by value (bold, centred, underlined: they are links).
    cells: HashMap<&'static str, Format>,
    /// Statements-sheet label cells by value.
    labels: HashMap<&'static str, Format>,
}

impl Styles {
    fn new() -> Styles {
        let base = Format::new().set_align(FormatAlign::Top);
        let mut cells = HashMap::new();
        let mut labels = HashMap::new();
        for value in ["favor", "against", "mixed", "neutral"] {
            let fill = stance_rgb(value).unwrap_or(0xFFFFFF);
            let font = if matches!(value, "favor" | "against") {
                0xFFFFFF
            } else {
                0x1C2333
            };
            let f = Format::new()
                .set_background_color(Color::RGB(fill))
                .set_font_color(Color::RGB(font))
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_border(FormatBorder::Thin)
                .set_border_color(Color::White);
            cells.insert(
                value,
                f.clone().set_bold().set_underline(FormatUnderline::Single),
            );
            labels.insert(value, f.set_align(FormatAlign::Top));
        }
        Styles {
            header: Format::new()
                .set_bold()
                .set_font_color(Color::White)
                .set_background_color(Color::RGB(0x15213B))
                .set_align(FormatAlign::VerticalCenter)
                .set_border_bottom(FormatBorder::Thin),
            text: base.clone(),
            wrap: base.clone().set_text_wrap(),
            number: base.clone(),
            similarity: base.clone().set_num_format("0.000"),
            reference: base
                .clone()
                .set_background_color(Color::RGB(0xE8EEFB))
                .set_bold(),
            reference_wrap: base
                .clone()
                .set_background_color(Color::RGB(0xE8EEFB))
                .set_text_wrap(),
            title: Format::new().set_bold().set_font_size(16),
            key: base.clone().set_bold(),
            removed: Format::new()
                .set_font_color(Color::RGB(0xA1261C))
                .set_font_strikethrough(),
            added: Format::new()
                .set_font_color(Color::RGB(0x17663A))
                .set_bold(),
            cells,
            labels,
        }
    }
}

/// Cuts a string to Excel's cell limit.
fn clip(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().count() <= MAX_CELL_CHARS {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out: String = s.chars().take(MAX_CELL_CHARS - 1).collect();
    out.push('…');
    std::borrow::Cow::Owned(out)
}

/// Writes `s` as a string cell (never a formula), cut to Excel's limit.
fn put(ws: &mut Worksheet, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, col, clip(s), f)?;
    Ok(())
}

/// A row or column index that fits Excel's limits.
fn row_index(i: usize) -> Result<u32, XlsxError> {
    u32::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)
}

fn col_index(i: usize) -> Result<u16, XlsxError> {
    u16::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)
}

/// Writes `stancetrack.xlsx` (or any `path`): sheets Matrix, Statements,
/// Variants and About. The file is written atomically (a temporary file in
/// the same folder, renamed into place), like the CSV outputs.
///
/// `rows` is the stance matrix of `statements` ([`crate::matrix::by_actor`]),
/// `clusters` their quote variants ([`crate::variants::cluster`]) and
/// `issues` the codebook issue ids, in column order.
pub fn write_workbook(
    path: &Path,
    statements: &[Statement],
    rows: &[Row],
    clusters: &[Cluster],
    issues: &[String],
    about: &About,
) -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    let mut props = DocProperties::new()
        .set_title("stancetrack results")
        .set_author("stancetrack")
        .set_comment(format!("{} · codebook {}", about.version, about.codebook));
    props = props.set_creation_datetime(&creation_date(&about.generated)?);
    workbook.set_properties(&props);
    let styles = Styles::new();

    // Row of each statement on the Statements sheet (1-based, header is row 1).
    let mut excel_row: HashMap<&str, usize> = HashMap::new();
    for (i, s) in statements.iter().enumerate() {
        excel_row.entry(s.id.as_str()).or_insert(i + 2);
    }

    matrix_sheet(workbook.add_worksheet(), rows, issues, &excel_row, &styles)?;
    statements_sheet(workbook.add_worksheet(), statements, issues, &styles)?;
    variants_sheet(workbook.add_worksheet(), statements, clusters, &styles)?;
    about_sheet(
        workbook.add_worksheet(),
        statements,
        rows,
        clusters,
        issues,
        about,
        &styles,
    )?;
    let bytes = workbook.save_to_buffer()?;
    crate::report::write_atomic(path, &bytes).map_err(XlsxError::IoError)
}

/// The UTC calendar date (`YYYY-MM-DD`) of a Unix time, for
/// [`About::generated`] (pass `SOURCE_DATE_EPOCH` or the current time; this
/// function reads no clock).
///
/// ```
/// assert_eq!(stancetrack::xlsx::utc_date(0), "1970-01-01");
/// assert_eq!(stancetrack::xlsx::utc_date(1_745_539_200), "2025-04-25");
/// ```
pub fn utc_date(unix_seconds: u64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let z = (unix_seconds / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// `YYYY-MM-DD…` as a date, else 2000-01-01 (a fixed value keeps the file
/// reproducible).
fn creation_date(generated: &str) -> Result<ExcelDateTime, XlsxError> {
    let parsed = generated
        .get(..10)
        .filter(|d| d.as_bytes().get(4) == Some(&b'-') && d.as_bytes().get(7) == Some(&b'-'))
        .and_then(|d| {
            let y = d[..4].parse().ok()?;
            let m = d[5..7].parse().ok()?;
            let day = d[8..10].parse().ok()?;
            ExcelDateTime::from_ymd(y, m, day).ok()
        });
    match parsed {
        Some(d) => Ok(d),
        None => ExcelDateTime::from_ymd(2000, 1, 1),
    }
}

fn matrix_sheet(
    ws: &mut Worksheet,
    rows: &[Row],
    issues: &[String],
    excel_row: &HashMap<&str, usize>,
    st: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name("Matrix")?;
    ws.set_default_note_author("stancetrack");
    let mut header: Vec<&str> = vec!["actor", "affiliation", "statements"];
    header.extend(issues.iter().map(String::as_str));
    header.push("evidence");
    for (c, h) in header.iter().enumerate() {
        put(ws, 0, col_index(c)?, h, &st.header)?;
    }
    ws.set_row_height(0, 20)?;
    ws.set_column_width(0, 30)?;
    ws.set_column_width(1, 18)?;
    ws.set_column_width(2, 11)?;
    for c in 0..issues.len() {
        ws.set_column_width(col_index(3 + c)?, 13)?;
    }
    let evidence_col = col_index(3 + issues.len())?;
    ws.set_column_width(evidence_col, 80)?;

    let mut links = 0usize;
    for (i, row) in rows.iter().enumerate() {
        let r = row_index(i + 1)?;
        put(ws, r, 0, &row.actor, &st.text)?;
        put(ws, r, 1, &row.affiliation, &st.text)?;
        ws.write_number_with_format(r, 2, row.statements as f64, &st.number)?;
        let mut evidence = Vec::new();
        for (c, issue) in issues.iter().enumerate() {
            let col = col_index(3 + c)?;
            let Some(cell) = row.cells.get(issue) else {
                continue;
            };
            let value = cell.value();
            let Some(format) = st.cells.get(value) else {
                continue;
            };
            evidence.push(format!("{issue}: {}", cell.evidence.join(" ")));
            let target = cell
                .evidence
                .first()
                .and_then(|id| excel_row.get(id).map(|r| (id, r)));
            match target {
                Some((id, target_row)) if links < MAX_LINKS => {
                    let tip: String = format!("Go to {id} on the Statements sheet")
                        .chars()
                        .take(250)
                        .collect();
                    let url = Url::new(format!("internal:Statements!A{target_row}"))
                        .set_text(value)
                        .set_tip(tip);
                    ws.write_url_with_format(r, col, url, format)?;
                    links += 1;
                }
                _ => put(ws, r, col, value, format)?,
            }
            ws.insert_note(r, col, &cell_note(issue, cell))?;
        }
        put(ws, r, evidence_col, &evidence.join(" | "), &st.text)?;
    }
    ws.set_freeze_panes(1, 1)?;
    ws.autofilter(0, 0, row_index(rows.len())?, evidence_col)?;
    Ok(())
}

/// The note on a matrix cell: counts, then the evidence ids.
fn cell_note(issue: &str, cell: &crate::matrix::Cell) -> Note {
    let mut text = format!(
        "{issue}: {}\nfavor {} · against {} · neutral {} (n = {})\nEvidence: ",
        cell.value(),
        cell.favor,
        cell.against,
        cell.neutral,
        cell.count()
    );
    let shown: Vec<&str> = cell.evidence.iter().take(NOTE_IDS).collect();
    text.push_str(&shown.join(", "));
    if cell.evidence.len() > NOTE_IDS {
        text.push_str(&format!(" … and {} more", cell.evidence.len() - NOTE_IDS));
    }
    let lines = 3 + shown.iter().map(|s| s.len()).sum::<usize>() / 36;
    Note::new(clip(&text))
        .add_author_prefix(false)
        .set_width(280)
        .set_height(u32::try_from(18 * lines.min(20)).unwrap_or(360))
}

fn statements_sheet(
    ws: &mut Worksheet,
    statements: &[Statement],
    issues: &[String],
    st: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name("Statements")?;
    let header = quotes_header(issues);
    for (c, h) in header.iter().enumerate() {
        put(ws, 0, col_index(c)?, h, &st.header)?;
    }
    ws.set_row_height(0, 20)?;
    let text_col = header.iter().position(|h| h == "text").unwrap_or(9);
    let numeric: Vec<usize> = ["start", "end"]
        .iter()
        .filter_map(|n| header.iter().position(|h| h == n))
        .collect();
    let rules_col = header.len() - 1;
    let first_issue = rules_col - issues.len();
    for (c, h) in header.iter().enumerate() {
        let width = match h.as_str() {
            "id" => 30.0,
            "doc" => 26.0,
            "outlet" | "speaker" | "speaker_mention" => 20.0,
            "date" => 12.0,
            "kind" | "anonymous" => 10.0,
            "cue" => 14.0,
            "text" => 80.0,
            "start" | "end" => 8.0,
            _ if c == rules_col => 60.0,
            _ => 11.0,
        };
        ws.set_column_width(col_index(c)?, width)?;
    }
    for (i, s) in statements.iter().enumerate() {
        let r = row_index(i + 1)?;
        for (c, value) in quote_record(s, issues).iter().enumerate() {
            let col = col_index(c)?;
            if numeric.contains(&c) {
                match value.parse::<u64>() {
                    Ok(n) => ws.write_number_with_format(r, col, n as f64, &st.number)?,
                    Err(_) => ws.write_string_with_format(r, col, clip(value), &st.text)?,
                };
            } else if c == text_col || c == rules_col {
                put(ws, r, col, value, &st.wrap)?;
            } else if (first_issue..rules_col).contains(&c) {
                if let Some(f) = st.labels.get(value.as_ref()) {
                    put(ws, r, col, value, f)?;
                }
            } else {
                put(ws, r, col, value, &st.text)?;
            }
        }
    }
    ws.set_freeze_panes(1, 1)?;
    ws.autofilter(
        0,
        0,
        row_index(statements.len())?,
        col_index(header.len() - 1)?,
    )?;
    Ok(())
}

fn variants_sheet(
    ws: &mut Worksheet,
    statements: &[Statement],
    clusters: &[Cluster],
    st: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name("Variants")?;
    let header = crate::variants::COLUMNS;
    let widths = [9.0, 26.0, 20.0, 22.0, 10.0, 60.0, 60.0, 11.0, 13.0, 70.0];
    for (c, (h, w)) in header.iter().zip(widths).enumerate() {
        let col = col_index(c)?;
        put(ws, 0, col, h, &st.header)?;
        ws.set_column_width(col, w)?;
    }
    ws.set_row_height(0, 20)?;
    let mut r = 0u32;
    for c in clusters {
        let Some(reference) = statements.get(c.reference_member().statement) else {
            continue;
        };
        for (k, m) in c.members.iter().enumerate() {
            let Some(s) = statements.get(m.statement) else {
                continue;
            };
            r += 1;
            let is_ref = k == c.reference;
            let (plain, wrap) = if is_ref {
                (&st.reference, &st.reference_wrap)
            } else {
                (&st.text, &st.wrap)
            };
            put(ws, r, 0, &c.id, plain)?;
            put(ws, r, 1, &s.doc, plain)?;
            put(ws, r, 2, &s.outlet, plain)?;
            put(ws, r, 3, s.speaker.as_deref().unwrap_or(""), plain)?;
            put(ws, r, 4, s.kind.as_str(), plain)?;
            put(ws, r, 5, &s.text, wrap)?;
            put(ws, r, 6, &reference.text, wrap)?;
            ws.write_number_with_format(r, 7, m.similarity, &st.similarity)?;
            put(ws, r, 8, m.change.as_str(), plain)?;
            write_diff(ws, r, 9, &m.diff, wrap, st)?;
        }
    }
    ws.set_freeze_panes(1, 1)?;
    ws.autofilter(0, 0, r, col_index(header.len() - 1)?)?;
    Ok(())
}

/// Writes an inline diff as a rich string: removed words red and struck
/// through, added words green (the markers themselves are dropped).
fn write_diff(
    ws: &mut Worksheet,
    r: u32,
    col: u16,
    diff: &str,
    cell: &Format,
    st: &Styles,
) -> Result<(), XlsxError> {
    let plain = Format::default();
    let segments = crate::html::diff_segments(diff);
    let total: usize = segments.iter().map(|s| s.text.chars().count()).sum();
    let rich: Vec<(&Format, &str)> = segments
        .iter()
        .filter(|s| !s.text.is_empty())
        .map(|s| {
            let f = match s.kind {
                "del" => &st.removed,
                "ins" => &st.added,
                _ => &plain,
            };
            (f, s.text.as_str())
        })
        .collect();
    if rich.is_empty() || total > MAX_CELL_CHARS {
        return put(ws, r, col, diff, cell);
    }
    ws.write_rich_string_with_format(r, col, &rich, cell)?;
    Ok(())
}

fn about_sheet(
    ws: &mut Worksheet,
    statements: &[Statement],
    rows: &[Row],
    clusters: &[Cluster],
    issues: &[String],
    about: &About,
    st: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name("About")?;
    ws.set_column_width(0, 24)?;
    ws.set_column_width(1, 90)?;
    put(ws, 0, 0, "stancetrack results", &st.title)?;
    ws.set_row_height(0, 24)?;
    let number = |n: usize| n as f64;
    let mut r = 2u32;
    let text_rows: [(&str, &str); 3] = [
        ("Tool version", &about.version),
        ("Generated", &about.generated),
        ("Codebook", &about.codebook),
    ];
    for (k, v) in text_rows {
        put(ws, r, 0, k, &st.key)?;
        put(ws, r, 1, v, &st.text)?;
        r += 1;
    }
    let attributed = statements.iter().filter(|s| s.speaker.is_some()).count();
    let numbers = [
        ("Articles", about.articles),
        ("Statements", statements.len()),
        ("Attributed statements", attributed),
        ("Actors", rows.len()),
        ("Variant clusters", clusters.len()),
    ];
    for (k, v) in numbers {
        put(ws, r, 0, k, &st.key)?;
        ws.write_number_with_format(
            r,
            1,
            number(v),
            &st.text.clone().set_align(FormatAlign::Left),
        )?;
        r += 1;
    }
    put(ws, r, 0, "Issues", &st.key)?;
    put(ws, r, 1, &issues.join(", "), &st.text)?;
    r += 1;
    put(ws, r, 0, "Inputs", &st.key)?;
    if about.inputs.is_empty() {
        r += 1;
    }
    for input in &about.inputs {
        put(ws, r, 1, input, &st.text)?;
        r += 1;
    }
    r += 1;
    put(ws, r, 0, "Matrix colours", &st.key)?;
    let meanings = [
        (
            "favor",
            "every stance-bearing statement supports the issue's target",
        ),
        ("against", "every stance-bearing statement opposes it"),
        ("mixed", "the actor's statements on the issue conflict"),
        (
            "neutral",
            "the actor spoke to the issue without taking a side",
        ),
    ];
    for (value, meaning) in meanings {
        if let Some(f) = st.labels.get(value) {
            put(ws, r, 0, value, f)?;
        }
        put(ws, r, 1, meaning, &st.text)?;
        r += 1;
    }
    r += 1;
    put(ws, r, 0, "Reading the matrix", &st.key)?;
    put(
        ws,
        r,
        1,
        "Hover a cell for its counts and evidence ids; click it to jump to its first \
         statement on the Statements sheet. Empty cells: the actor never spoke to the issue.",
        &st.wrap,
    )?;
    ws.set_row_height(r, 32)?;
    Ok(())
}
