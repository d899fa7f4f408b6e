//! Accuracy guards: the seed gold (shared/gold/seeds.jsonl, mirrored in
//! `output/`) scored with the Rust port of score.py, and agreement of
//! `stancetrack eval` with score.py itself where Python and the scorer exist.

use std::path::{Path, PathBuf};
use std::process::Command;

use stancetrack::eval::{evaluate, load_gold, EvalOptions};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shared_gold() -> Option<PathBuf> {
    let p = root().join("../shared/gold/seeds.jsonl");
    p.exists().then_some(p)
}

fn run_seeds(out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_stancetrack"))
        .args(["run"])
        .arg(root().join("seeds"))
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .status()
        .expect("run");
    assert!(status.success());
}

#[test]
fn seed_accuracy_does_not_drop() {
    let Some(gold_path) = shared_gold() else {
        eprintln!("skipped: ../shared/gold/seeds.jsonl not present");
        return;
    };
    let out = tempfile::tempdir().unwrap();
    run_seeds(out.path());
    let gold = load_gold(&gold_path).unwrap();
    let s = evaluate(&gold, out.path(), &EvalOptions::default()).unwrap();
    eprintln!("{}", s.render(false));
    assert!(s.attrib_f1 >= 0.95, "attrib_f1 {}", s.attrib_f1);
    assert!(s.speaker_acc >= 0.95, "speaker_acc {}", s.speaker_acc);
    assert!(s.stance_f1 >= 0.90, "stance_f1 {}", s.stance_f1);
    assert!(
        s.matrix_f1.unwrap_or(0.0) >= 0.90,
        "matrix_f1 {:?}",
        s.matrix_f1
    );
}

#[test]
fn heldout_accuracy_does_not_drop() {
    // Invented articles and gold written without looking at the code
    // (tests/heldout): a guard against seed-fitting.
    let gold = load_gold(&root().join("tests/heldout/gold.jsonl")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_stancetrack"))
        .args(["run"])
        .arg(root().join("tests/heldout/articles"))
        .arg("--out")
        .arg(out.path())
        .arg("--quiet")
        .status()
        .expect("run");
    assert!(status.success());
    let s = evaluate(&gold, out.path(), &EvalOptions::default()).unwrap();
    eprintln!("{}", s.render(false));
    assert!(s.attrib_f1 >= HELDOUT_ATTRIB, "attrib_f1 {}", s.attrib_f1);
    assert!(s.stance_f1 >= HELDOUT_STANCE, "stance_f1 {}", s.stance_f1);
}

const HELDOUT_ATTRIB: f64 = 0.92;
const HELDOUT_STANCE: f64 = 0.77;

#[test]
fn eval_command_agrees_with_score_py() {
    let Some(gold_path) = shared_gold() else {
        eprintln!("skipped: ../shared/gold/seeds.jsonl not present");
        return;
    };
    let script = root().join("../shared/tools/score.py");
    let out = tempfile::tempdir().unwrap();
    run_seeds(out.path());
    let ours = Command::new(env!("CARGO_BIN_EXE_stancetrack"))
        .args(["eval", "--gold"])
        .arg(&gold_path)
        .arg(out.path())
        .output()
        .expect("eval");
    assert!(ours.status.success());
    let python = Command::new("python3")
        .arg(&script)
        .arg(&gold_path)
        .arg(out.path())
        .output();
    let Ok(python) = python else {
        eprintln!("skipped: python3 not available");
        return;
    };
    assert_eq!(
        String::from_utf8_lossy(&ours.stdout),
        String::from_utf8_lossy(&python.stdout)
    );
}
