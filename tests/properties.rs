//! Properties of the per-document pipeline and of input decoding, checked on
//! random inputs: nothing panics, and every statement is an exact slice of
//! its document (`doc.text[start..end] == text`, on char boundaries).

use proptest::prelude::*;

use stancetrack::document::Document;
use stancetrack::error::Location;
use stancetrack::ingest::{decode, Utf8Policy};
use stancetrack::pipeline::Pipeline;

fn pipeline() -> &'static Pipeline {
    static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    P.get_or_init(Pipeline::builtin)
}

/// A document as `ingest` builds it from a `.txt` file: the title is the
/// first non-empty line.
fn doc_of(text: String) -> Document {
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string();
    Document {
        id: "prop.txt".into(),
        outlet: "prop".into(),
        title,
        text,
        ..Document::default()
    }
}

/// Runs the pipeline and checks every span invariant.
fn check_spans(doc: &Document) -> Result<(), TestCaseError> {
    let text = doc.text.as_str();
    for s in pipeline().process(doc) {
        prop_assert!(
            s.start <= s.end && s.end <= text.len(),
            "span {}..{} outside a {}-byte document",
            s.start,
            s.end,
            text.len()
        );
        prop_assert!(
            text.is_char_boundary(s.start),
            "start {} splits a char",
            s.start
        );
        prop_assert!(text.is_char_boundary(s.end), "end {} splits a char", s.end);
        prop_assert_eq!(&text[s.start..s.end], s.text.as_str());
        prop_assert_eq!(s.doc.as_str(), doc.id.as_str());
    }
    Ok(())
}

/// Pieces that stress quotation pairing, sentence splitting and attribution.
fn quote_heavy_piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "„",
        "‹",
        "›",
        "``",
        "''",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r",
        "\r\n",
        ".",
        ",",
        ":",
        "!",
        "?",
        "…",
        "—",
        "(",
        ")",
        "said",
        "told reporters",
        "according to",
        "he",
        "she",
        "Zelensky",
        "Putin",
        "Peskov",
        "the minister",
        "Kremlin",
        "We will never",
        "Crimea",
        "NATO",
        "ceasefire",
        "sanctions",
        "Mr.",
        "U.S.",
        "a.m.",
        "don’t",
        "Russia’s",
        "that",
        "and",
        "war",
        "é",
        "\u{301}",
        "ж",
        "نحن",
        "\u{202E}",
        "\u{200D}",
        "🇺🇦",
        "=HYPERLINK(",
        "-1",
        "@",
    ])
}

fn quote_heavy_text() -> impl Strategy<Value = String> {
    prop::collection::vec(quote_heavy_piece(), 0..300).prop_map(|v| v.concat())
}

/// Word-like pieces for sentence-shaped text: names, cues, connectors,
/// dashes and marks, joined by spaces so the extractor sees real frames.
fn sentence_word() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "Zelensky",
        "Putin",
        "Peskov",
        "Crimea",
        "officials",
        "the minister",
        "he",
        "she",
        "they",
        "Kremlin spokesman Dmitry Peskov",
        "a senior official",
        "Ukraine",
        "Russia’s",
        "don’t",
        "said",
        "says",
        "told",
        "told reporters",
        "according to",
        "added",
        "warned",
        "asked",
        "claimed",
        "that",
        "and",
        "but",
        "while",
        "will",
        "never",
        "recognise",
        "the",
        "war",
        "ceasefire",
        "sanctions",
        "NATO",
        "on Monday",
        "KYIV",
        "—",
        "–",
        "-",
        ",",
        ".",
        ":",
        ";",
        "?",
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "«",
        "»",
        "(",
        ")",
        "\n",
        "\n\n",
        "\r\n",
    ])
}

fn sentence_text() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence_word(), 0..60).prop_map(|v| v.join(" "))
}

/// Bytes that often decode: UTF-8 text with some bytes flipped, BOMs, NULs.
fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    let prefix = prop::sample::select(vec![
        &b""[..],
        &b"\xEF\xBB\xBF"[..],
        &b"\xFF\xFE"[..],
        &b"\xFE\xFF"[..],
        &b"\xEF\xBB\xBF\xFF\xFE"[..],
    ]);
    (
        prefix,
        quote_heavy_text(),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    )
        .prop_map(|(prefix, text, flips)| {
            let mut b = prefix.to_vec();
            b.extend_from_slice(text.as_bytes());
            if !b.is_empty() {
                for (i, v) in flips {
                    let at = i.index(b.len());
                    b[at] = v;
                }
            }
            b
        })
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

fn loc() -> Location {
    Location {
        path: "prop.txt".into(),
        ..Location::default()
    }
}

proptest! {
    // 256 cases each by default (a fraction of a second); PROPTEST_CASES=N
    // for a deeper run.
    #![proptest_config(ProptestConfig {
        cases: cases(),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_strings_never_panic_and_spans_slice_the_text(text in any::<String>()) {
        check_spans(&doc_of(text))?;
    }

    #[test]
    fn quote_heavy_strings_keep_span_invariants(text in quote_heavy_text()) {
        check_spans(&doc_of(text))?;
    }

    #[test]
    fn quote_heavy_articles_with_headline_keep_span_invariants(
        title in "[A-Z][a-z]{0,12}( [a-z]{1,8}){0,4}",
        body in quote_heavy_text(),
    ) {
        check_spans(&doc_of(format!("{title}\n\n{body}\n")))?;
    }

    #[test]
    fn sentence_shaped_articles_keep_span_invariants(
        title in "[A-Z][a-z]{0,12}",
        paragraphs in prop::collection::vec(sentence_text(), 1..6),
    ) {
        check_spans(&doc_of(format!("{title}\n\n{}\n", paragraphs.join("\n\n"))))?;
    }

    #[test]
    fn arbitrary_bytes_never_panic_decode(bytes in any::<Vec<u8>>()) {
        for policy in [Utf8Policy::Strict, Utf8Policy::Lossy] {
            if let Ok((text, _)) = decode(&bytes, &loc(), policy) {
                check_spans(&doc_of(text))?;
            }
        }
    }

    #[test]
    fn hostile_bytes_decode_and_process(bytes in hostile_bytes()) {
        let strict = decode(&bytes, &loc(), Utf8Policy::Strict);
        let lossy = decode(&bytes, &loc(), Utf8Policy::Lossy);
        // Whatever strict accepts, lossy accepts with the same text.
        if let Ok((s, _)) = &strict {
            match &lossy {
                Ok((l, _)) => prop_assert_eq!(s, l),
                Err(e) => prop_assert!(false, "lossy rejects what strict accepts: {}", e),
            }
        }
        // Plain UTF-8 without NUL or a BOM decodes unchanged, with no warning.
        if let Ok(s) = std::str::from_utf8(&bytes) {
            let bom = s.starts_with('\u{FEFF}')
                || bytes.starts_with(b"\xFF\xFE")
                || bytes.starts_with(b"\xFE\xFF");
            if !s.contains('\0') && !bom {
                match &strict {
                    Ok((t, warning)) => {
                        prop_assert_eq!(t.as_str(), s);
                        prop_assert!(warning.is_none());
                    }
                    Err(e) => prop_assert!(false, "valid UTF-8 rejected: {}", e),
                }
            }
        }
        if let Ok((text, _)) = lossy {
            check_spans(&doc_of(text))?;
        }
    }
}

/// Pathological documents that random generation rarely reaches.
#[test]
fn pathological_documents_keep_span_invariants() {
    let mut nested = String::new();
    for i in 0..200 {
        nested.push_str(if i % 2 == 0 { "“a " } else { "‘b " });
    }
    nested.push_str(" he said.");
    let cases = [
        "“".repeat(10_000),
        "\"".repeat(10_001),
        "’".repeat(5_000) + " said Zelensky.",
        format!("Title\n\n{nested}"),
        format!("Title\n\n“{}” he said.", "a".repeat(50_000)),
        "Title\r\rA said \r“x\r\ny,” she said.\r".into(),
        "“نحن لن نستسلم أبدا،” قال الوزير \u{202E}Zelensky\u{202C} said.".into(),
        "e\u{301}\u{301}“\u{301}x\u{301}”\u{301} said\u{301} Putin\u{301}.".into(),
        String::new(),
        "\u{FEFF}“\u{FEFF}”".into(),
    ];
    for text in cases {
        let doc = doc_of(text);
        check_spans(&doc)
            .unwrap_or_else(|e| panic!("{e}: {:?}", &doc.text[..doc.text.len().min(80)]));
    }
}

/// Found by `scripts/measure_big_paragraph.sh` (MARK_RATE=0.3, 10 MB) and
/// minimised: the `according to` frame takes the content before its cue
/// starting after the previous frame's content (token 4) but ending before
/// it (token 3), and `trim_content` slices `toks[4..3]`.
#[test]
fn regression_according_frame_content_before_previous_frame() {
    let cases: [&[u8]; 2] = [
        b"T\n\nCrimea told don\xE2\x80\x99t \xE2\x80\x94, according to officials.\n",
        b"Big paragraph\n\n\xE2\x80\x9DCrimea told don\xE2\x80\x99t \xE2\x80\x94, according to officials,\n",
    ];
    for bytes in cases {
        let text = std::str::from_utf8(bytes).unwrap().to_string();
        check_spans(&doc_of(text)).unwrap();
    }
}
