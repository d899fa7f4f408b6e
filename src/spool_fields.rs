//! Tab-separated lines for the spools a run writes and reads back itself:
//! the statements between the two passes of `stancetrack run`, and the
//! speaker buckets of [`crate::variant_spool`].
//!
//! A line is fields separated by tabs, each with `\`, tab, newline and
//! carriage return escaped as `\\`, `\t`, `\n`, `\r`, so a line never holds
//! a raw line break. Every statement of a corpus is written and read back
//! once per pass; escaping is a scan for four bytes and splitting a split on
//! tabs, a fraction of the cost of JSON. Files other tools read (merge
//! parts, `quotes.jsonl`) stay JSON ([`crate::record`]).

use std::borrow::Cow;

use crate::statement::{Kind, Label, StanceLabel, Statement};

/// Appends `\t` and `field`, escaped.
pub fn push_field(out: &mut Vec<u8>, field: &str) {
    out.push(b'\t');
    push_escaped(out, field);
}

/// Appends `field`, escaped.
pub fn push_escaped(out: &mut Vec<u8>, field: &str) {
    let bytes = field.as_bytes();
    // Most fields hold nothing to escape; a statement's text is searched
    // with vectorised scans, short fields byte by byte.
    let needs_escape = if bytes.len() < 64 {
        may_need_escape(bytes)
    } else {
        memchr::memchr3(b'\\', b'\t', b'\n', bytes).is_some()
            || memchr::memchr(b'\r', bytes).is_some()
    };
    if !needs_escape {
        out.extend_from_slice(bytes);
        return;
    }
    for &b in bytes {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
}

/// `n` in decimal, written into `digits` (every statement's id and offsets
/// are written so; `to_string` and `format!` cost several times more).
///
/// ```
/// use stancetrack::spool_fields::decimal;
/// assert_eq!(decimal(2305, &mut [0; 20]), "2305");
/// ```
pub fn decimal(n: usize, digits: &mut [u8; 20]) -> &str {
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    std::str::from_utf8(&digits[at..]).unwrap_or_default()
}

const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a word: set in `w & HIGHS` for each
/// non-ASCII byte of `w`.
pub(crate) const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The first eight bytes of `chunk` as one little-endian word (the byte
/// scans and the clustering hasher read texts eight bytes at a time).
pub(crate) fn word_of(chunk: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&chunk[..8]);
    u64::from_le_bytes(word)
}

/// Whether one of the bytes of `w` is below `n` (`n` at most 128): the
/// classic "has less" word test, exact.
fn word_has_byte_below(w: u64, n: u8) -> bool {
    w.wrapping_sub(ONES * u64::from(n)) & !w & HIGHS != 0
}

/// Whether one of the bytes of `w` is `b`: the "has zero" word test on
/// `w` with `b` cancelled, exact.
fn word_has_byte(w: u64, b: u8) -> bool {
    let x = w ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x & HIGHS != 0
}

/// Whether `bytes` may hold a byte to escape, eight bytes at a time: true
/// whenever one does (and for the other control bytes below `\r`, which
/// only send the field through the byte-by-byte escape, unchanged).
fn may_need_escape(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let w = word_of(chunk);
        if word_has_byte_below(w, b'\r' + 1) || word_has_byte(w, b'\\') {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| matches!(b, b'\\' | b'\t' | b'\n' | b'\r'))
}

/// The first backslash of `bytes`, eight bytes at a time: fields are short
/// (a vectorised search costs more to set up) and mostly hold none.
fn find_backslash(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        if word_has_byte(word_of(chunk), b'\\') {
            return chunk.iter().position(|&b| b == b'\\').map(|p| at + p);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b'\\')
        .map(|p| at + p)
}

/// A field, unescaped; `Err` names what is wrong with it.
pub fn unescape(field: &[u8]) -> Result<String, &'static str> {
    let field = std::str::from_utf8(field).map_err(|_| "spool line is not UTF-8")?;
    unescape_str(field).map(Cow::into_owned)
}

/// A field of a line already checked to be UTF-8, unescaped: borrowed when
/// it holds no escape (nearly every field), so a field parsed into a number
/// or a name costs no copy.
pub fn unescape_str(field: &str) -> Result<Cow<'_, str>, &'static str> {
    let Some(first) = find_backslash(field.as_bytes()) else {
        return Ok(Cow::Borrowed(field));
    };
    let mut out = String::with_capacity(field.len());
    let mut rest = field;
    let mut at = first;
    loop {
        out.push_str(&rest[..at]);
        out.push(match rest.as_bytes().get(at + 1) {
            Some(b'\\') => '\\',
            Some(b't') => '\t',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            _ => return Err("bad escape in spool line"),
        });
        // The escape is two ASCII bytes: `at + 2` is a character boundary.
        rest = &rest[at + 2..];
        match rest.bytes().position(|b| b == b'\\') {
            Some(next) => at = next,
            None => break,
        }
    }
    out.push_str(rest);
    Ok(Cow::Owned(out))
}

/// The tab-separated fields of a line, checked to be UTF-8 once for the
/// whole line (still escaped: see [`unescape_str`]).
pub fn split_fields(line: &[u8]) -> Result<Vec<&str>, &'static str> {
    let line = std::str::from_utf8(line).map_err(|_| "spool line is not UTF-8")?;
    Ok(split_str_fields(line))
}

/// The tab-separated fields of a line already known to be text.
pub fn split_str_fields(line: &str) -> Vec<&str> {
    let mut fields = Vec::with_capacity(24);
    let mut start = 0;
    // Tabs are ASCII: each cut is a character boundary.
    for i in memchr::memchr_iter(b'\t', line.as_bytes()) {
        fields.push(&line[start..i]);
        start = i + 1;
    }
    fields.push(&line[start..]);
    fields
}

/// Appends the line of a statement (with its newline): id, doc, outlet,
/// date, kind, whether it has a speaker, speaker, speaker mention,
/// anonymous, affiliation, cue, text, start, end, then issue, label and
/// rule of each stance label.
pub fn push_statement(out: &mut Vec<u8>, s: &Statement) {
    let flag = |b: bool| if b { "1" } else { "0" };
    push_escaped(out, &s.id);
    for field in [
        s.doc.as_str(),
        &s.outlet,
        &s.date,
        s.kind.as_str(),
        flag(s.speaker.is_some()),
        s.speaker.as_deref().unwrap_or_default(),
        &s.speaker_mention,
        flag(s.anonymous),
        &s.affiliation,
        &s.cue,
        &s.text,
        decimal(s.start, &mut [0; 20]),
        decimal(s.end, &mut [0; 20]),
    ] {
        push_field(out, field);
    }
    for l in &s.stance {
        push_field(out, &l.issue);
        push_field(out, l.label.as_str());
        push_field(out, &l.rule);
    }
    out.push(b'\n');
}

/// Parses a line [`push_statement`] wrote, without its newline.
pub fn parse_statement(line: &[u8]) -> Result<Statement, String> {
    const FIXED: usize = 14;
    let fields = split_fields(line)?;
    if fields.len() < FIXED || !(fields.len() - FIXED).is_multiple_of(3) {
        return Err(format!(
            "spool line has {} fields, not {FIXED} and three per stance label",
            fields.len()
        ));
    }
    let text = |k: usize| unescape_str(fields[k]).map_err(|e| format!("{e} (field {})", k + 1));
    let field = |k: usize| text(k).map(Cow::into_owned);
    let kind_name = text(4)?;
    let kind = Kind::parse(&kind_name).ok_or_else(|| format!("unknown kind {kind_name:?}"))?;
    let offset = |k: usize| {
        let s = text(k)?;
        s.parse::<usize>()
            .map_err(|_| format!("bad offset {s:?} in spool line"))
    };
    let mut stance = Vec::with_capacity((fields.len() - FIXED) / 3);
    for k in (FIXED..fields.len()).step_by(3) {
        let label_name = text(k + 1)?;
        let label =
            Label::parse(&label_name).ok_or_else(|| format!("unknown label {label_name:?}"))?;
        stance.push(StanceLabel {
            issue: field(k)?,
            label,
            rule: field(k + 2)?,
        });
    }
    Ok(Statement {
        id: field(0)?,
        doc: field(1)?,
        outlet: field(2)?,
        date: field(3)?,
        kind,
        speaker: (fields[5] == "1").then(|| field(6)).transpose()?,
        speaker_mention: field(7)?,
        anonymous: fields[8] == "1",
        affiliation: field(9)?,
        cue: field(10)?,
        text: field(11)?,
        start: offset(12)?,
        end: offset(13)?,
        stance,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn decimals_read_like_to_string(n in 0usize..usize::MAX) {
            let mut digits = [0; 20];
            proptest::prop_assert_eq!(decimal(n, &mut digits), n.to_string());
        }

        #[test]
        fn word_tests_agree_with_the_bytes(bytes in proptest::prelude::any::<[u8; 8]>(), b in 0u8..=255, n in 0u8..=128) {
            let w = word_of(&bytes);
            proptest::prop_assert_eq!(word_has_byte(w, b), bytes.contains(&b));
            proptest::prop_assert_eq!(word_has_byte_below(w, n), bytes.iter().any(|&x| x < n));
        }

        #[test]
        fn the_first_backslash_is_found(s in "[a-z\\\\\t]{0,40}") {
            proptest::prop_assert_eq!(find_backslash(s.as_bytes()), s.find('\\'));
        }

        /// The word test never misses a byte to escape.
        #[test]
        fn the_word_test_finds_every_byte_to_escape(
            s in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40)
        ) {
            let exact = s.iter().any(|&b| matches!(b, b'\\' | b'\t' | b'\n' | b'\r'));
            proptest::prop_assert!(!exact || may_need_escape(&s));
            // Only control bytes below `\r` can be false alarms.
            if s.iter().all(|&b| b > b'\r' && b != b'\\') {
                proptest::prop_assert!(!may_need_escape(&s));
            }
        }
    }

    fn statement(speaker: Option<&str>, stance: Vec<StanceLabel>) -> Statement {
        Statement {
            id: "a\tb#1".into(),
            doc: "a\tb".into(),
            outlet: "The \\ Outlet".into(),
            date: "2025-01-02".into(),
            kind: Kind::Mixed,
            speaker: speaker.map(str::to_string),
            speaker_mention: "Sybiga".into(),
            anonymous: true,
            affiliation: String::new(),
            cue: "said".into(),
            text: "line one\r\nline two\t“quoted” \\n".into(),
            start: 3,
            end: 11,
            stance,
        }
    }

    #[test]
    fn statements_round_trip_with_tabs_newlines_backslashes_and_no_speaker() {
        let labels = vec![
            StanceLabel {
                issue: "nato".into(),
                label: Label::Favor,
                rule: "nato:r[\"x\"]\tz".into(),
            },
            StanceLabel {
                issue: "crimea".into(),
                label: Label::Neutral,
                rule: String::new(),
            },
        ];
        for s in [
            statement(Some("Andrii Sybiha"), labels.clone()),
            statement(Some(""), Vec::new()),
            statement(None, labels),
        ] {
            let mut line = Vec::new();
            push_statement(&mut line, &s);
            assert_eq!(line.iter().filter(|&&b| b == b'\n').count(), 1);
            let back = parse_statement(line.strip_suffix(b"\n").unwrap()).unwrap();
            assert_eq!(back, s);
        }
    }

    #[test]
    fn a_truncated_line_is_an_error_not_a_panic() {
        let mut line = Vec::new();
        push_statement(&mut line, &statement(None, Vec::new()));
        for cut in 0..line.len() {
            let _ = parse_statement(&line[..cut]);
        }
        assert!(parse_statement(b"x\ty").is_err());
    }
}
