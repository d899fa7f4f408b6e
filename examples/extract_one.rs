//! Prints the statements stancetrack finds in one article, one per line:
//! `kind | speaker (mention) | cue | text | stance rules`.
//!
//! ```text
//! cargo run --example extract_one -- seeds/003_eb122c8a95e99d45.txt
//! ```

use stancetrack::document::Document;
use stancetrack::pipeline::Pipeline;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: extract_one ARTICLE.txt");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("extract_one: {path}: {e}");
            std::process::exit(2);
        }
    };
    let title = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string();
    let doc = Document {
        id: path.clone(),
        title,
        text,
        ..Document::default()
    };
    for s in Pipeline::builtin().process(&doc) {
        let rules: Vec<String> = s
            .stance
            .iter()
            .map(|l| format!("{}={:?} {}", l.issue, l.label, l.rule))
            .collect();
        println!(
            "{:9}| {} ({}) | {} | {} | {}",
            s.kind.as_str(),
            s.speaker.as_deref().unwrap_or("-"),
            s.speaker_mention,
            s.cue,
            s.text,
            rules.join("; ")
        );
    }
}
