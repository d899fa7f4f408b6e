//! Attribution patterns on invented articles (none from the seeds): each
//! case names the construction it covers and the statements it must yield.

use stancetrack::document::Document;
use stancetrack::pipeline::Pipeline;

#[derive(serde::Deserialize)]
struct Expect {
    kind: String,
    speaker: String,
    text: String,
    /// The stance labels the statement must carry, issue by issue, when
    /// the case is about the sentence read for stance.
    #[serde(default)]
    stance: Option<std::collections::BTreeMap<String, String>>,
}

#[derive(serde::Deserialize)]
struct Case {
    name: String,
    article: String,
    expect: Vec<Expect>,
    /// Texts that must not come out as statements (a misreading fixed).
    #[serde(default)]
    absent: Vec<String>,
}

#[test]
fn every_attribution_pattern_yields_its_statements() {
    let pipeline = Pipeline::builtin();
    let mut failures = Vec::new();
    let cases: Vec<Case> = include_str!("data/attribution_cases.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("valid case"))
        .collect();
    for case in &cases {
        let title = case.article.lines().next().unwrap_or("").to_string();
        let doc = Document {
            id: "case.txt".into(),
            title,
            text: case.article.clone(),
            ..Document::default()
        };
        let got = pipeline.process(&doc);
        for e in &case.expect {
            let hit = got.iter().find(|s| s.text == e.text);
            match hit {
                Some(s)
                    if s.speaker.as_deref() == Some(e.speaker.as_str())
                        && s.kind.as_str() == e.kind =>
                {
                    let labels: std::collections::BTreeMap<String, String> = s
                        .stance
                        .iter()
                        .map(|l| (l.issue.clone(), l.label.as_str().to_string()))
                        .collect();
                    if e.stance.as_ref().is_some_and(|want| *want != labels) {
                        failures.push(format!(
                            "{}: {:?} got stance {labels:?}, want {:?}",
                            case.name, e.text, e.stance
                        ));
                    }
                }
                Some(s) => failures.push(format!(
                    "{}: {:?} got speaker {:?} kind {}, want {:?} {}",
                    case.name, e.text, s.speaker, s.kind, e.speaker, e.kind
                )),
                None => failures.push(format!(
                    "{}: missing {:?}; got {:?}",
                    case.name,
                    e.text,
                    got.iter()
                        .map(|s| (s.kind.as_str(), s.speaker.clone(), s.text.clone()))
                        .collect::<Vec<_>>()
                )),
            }
        }
        for text in &case.absent {
            if let Some(s) = got.iter().find(|s| &s.text == text) {
                failures.push(format!(
                    "{}: {:?} must not be a statement; got it from {:?} ({})",
                    case.name, text, s.speaker, s.cue
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
