//! The whole per-document pipeline on arbitrary bytes: decoded as an input
//! file would be (lossily, so every input reaches the pipeline), built into a
//! document the way `ingest` builds one from a `.txt` file, processed, and
//! every statement checked to be an exact, char-aligned slice of the text.
//!
//! Build and run (stable toolchain):
//!
//! ```text
//! cargo fuzz build -s none
//! cargo fuzz run pipeline -s none -- -max_total_time=600 -max_len=65536
//! ```

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use stancetrack::document::Document;
use stancetrack::error::Location;
use stancetrack::ingest::{decode, Utf8Policy};
use stancetrack::pipeline::Pipeline;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::builtin)
}

fuzz_target!(|data: &[u8]| {
    let loc = Location {
        path: "fuzz.txt".into(),
        ..Location::default()
    };
    // Strict decoding must not panic either; its result is not used.
    let _ = decode(data, &loc, Utf8Policy::Strict);
    // Binary input (a NUL byte) is skipped by the CLI, but a JSONL record
    // can still carry NULs (`\u0000`), so the pipeline sees those too.
    let text = match decode(data, &loc, Utf8Policy::Lossy) {
        Ok((text, _warning)) => text,
        Err(_) => String::from_utf8_lossy(data).into_owned(),
    };
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string();
    let doc = Document {
        id: "fuzz.txt".into(),
        outlet: "fuzz".into(),
        title,
        text,
        ..Document::default()
    };
    let text = doc.text.as_str();
    for s in pipeline().process(&doc) {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "span {}..{} outside a {}-byte document",
            s.start,
            s.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(s.start),
            "start {} splits a char",
            s.start
        );
        assert!(text.is_char_boundary(s.end), "end {} splits a char", s.end);
        assert_eq!(&text[s.start..s.end], s.text, "text is not the slice");
    }
});
