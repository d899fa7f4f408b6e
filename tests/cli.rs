//! End-to-end tests of the `stancetrack` binary in temporary folders:
//! inputs of every kind, outputs and their formats, exit codes, errors that
//! name the file, spreadsheet safety and user data files.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn bin() -> Command {
    Command::cargo_bin("stancetrack").expect("binary builds")
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn read_csv(path: &Path) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut rdr = csv::Reader::from_path(path).expect("csv");
    let headers = rdr.headers().expect("headers").clone();
    rdr.records()
        .map(|r| {
            let r = r.expect("record");
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn write(dir: &Path, name: &str, body: &str) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, body).expect("write");
    p
}

#[test]
fn run_on_seeds_writes_both_files_with_documented_columns() {
    let out = tempfile::tempdir().unwrap();
    bin()
        .args(["run"])
        .arg(seeds())
        .arg("--out")
        .arg(out.path())
        .arg("--quiet")
        .assert()
        .success();
    let quotes = read_csv(&out.path().join("quotes.csv"));
    assert!(quotes.len() > 50);
    let cols: Vec<&String> = quotes[0].keys().collect();
    for c in [
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
        "crimea",
        "nato",
        "ceasefire",
        "sanctions",
        "stance_rules",
    ] {
        assert!(cols.iter().any(|k| *k == c), "quotes.csv lacks {c}");
    }
    let matrix = read_csv(&out.path().join("stance_matrix.csv"));
    let zelensky = matrix
        .iter()
        .find(|r| r["actor"] == "Volodymyr Zelensky")
        .expect("Zelensky row");
    assert_eq!(zelensky["crimea"], "against");
    assert!(zelensky["evidence"].contains("crimea: "));
}

#[test]
fn offsets_slice_the_article_to_the_text() {
    let out = tempfile::tempdir().unwrap();
    bin()
        .args(["run"])
        .arg(seeds())
        .arg("--out")
        .arg(out.path())
        .arg("-q")
        .assert()
        .success();
    for row in read_csv(&out.path().join("quotes.csv")) {
        let article = fs::read_to_string(seeds().join(&row["doc"])).unwrap();
        let (s, e): (usize, usize) = (row["start"].parse().unwrap(), row["end"].parse().unwrap());
        assert_eq!(
            &article[s..e],
            row["text"].trim_start_matches('\''),
            "{}",
            row["id"]
        );
    }
}

#[test]
fn same_input_gives_byte_identical_outputs() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for dir in [&a, &b] {
        bin()
            .args(["run"])
            .arg(seeds())
            .arg("--out")
            .arg(dir.path())
            .arg("-q")
            .args(["--jobs", "2"])
            .assert()
            .success();
    }
    for f in ["quotes.csv", "stance_matrix.csv"] {
        assert_eq!(
            fs::read(a.path().join(f)).unwrap(),
            fs::read(b.path().join(f)).unwrap(),
            "{f}"
        );
    }
}

#[test]
fn jsonl_and_manifest_metadata_reach_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    write(
        dir.path(),
        "articles.jsonl",
        r#"{"id": "wire-1", "outlet": "Wire", "date": "2025-05-02", "text": "Talks resume\n\n“We are ready for a truce,” Ukrainian Foreign Minister Andrii Sybiha said."}
"#,
    );
    write(
        dir.path(),
        "local.txt",
        "Headline\n\nThe mayor said the bridge would reopen on Monday.\n",
    );
    write(dir.path(), "manifest.csv", "file,outlet,date,url,title\nlocal.txt,City Paper,2025-05-03,https://example.org/a,Bridge\n");
    bin()
        .args(["run"])
        .arg(dir.path().join("articles.jsonl"))
        .arg(dir.path().join("local.txt"))
        .arg("--manifest")
        .arg(dir.path().join("manifest.csv"))
        .arg("--out")
        .arg(&out)
        .arg("-q")
        .assert()
        .success();
    let rows = read_csv(&out.join("quotes.csv"));
    let wire = rows
        .iter()
        .find(|r| r["doc"] == "wire-1")
        .expect("jsonl article");
    assert_eq!(
        (wire["outlet"].as_str(), wire["date"].as_str()),
        ("Wire", "2025-05-02")
    );
    assert_eq!(wire["speaker"], "Andrii Sybiha");
    assert_eq!(wire["ceasefire"], "favor");
    let local = rows
        .iter()
        .find(|r| r["doc"] == "local.txt")
        .expect("txt article");
    assert_eq!(local["outlet"], "City Paper");
}

#[test]
fn group_by_affiliation_writes_a_second_matrix() {
    let out = tempfile::tempdir().unwrap();
    bin()
        .args(["run"])
        .arg(seeds())
        .arg("--out")
        .arg(out.path())
        .args(["-q", "--group-by", "affiliation"])
        .assert()
        .success();
    let rows = read_csv(&out.path().join("stance_matrix_by_affiliation.csv"));
    let ukraine = rows
        .iter()
        .find(|r| r["actor"] == "Ukraine")
        .expect("Ukraine row");
    assert_eq!(ukraine["crimea"], "against");
}

#[test]
fn a_fifth_issue_needs_only_a_toml_file() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(
        dir.path(),
        "guarantees.txt",
        "Guarantees\n\nFrench President Emmanuel Macron said Europe must provide security guarantees to Ukraine.\n",
    );
    let extra =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/security_guarantees.toml");
    let out = dir.path().join("out");
    bin()
        .args(["run"])
        .arg(&article)
        .arg("--codebook-extend")
        .arg(extra)
        .arg("--out")
        .arg(&out)
        .arg("-q")
        .assert()
        .success();
    let rows = read_csv(&out.join("quotes.csv"));
    assert_eq!(rows[0]["security_guarantees"], "favor", "{:?}", rows[0]);
    let matrix = read_csv(&out.join("stance_matrix.csv"));
    assert_eq!(matrix[0]["security_guarantees"], "favor");
}

#[test]
fn user_actors_file_adds_a_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(
        dir.path(),
        "a.txt",
        "Front\n\nThe commander said the line was holding.\n",
    );
    let actors = write(
        dir.path(),
        "actors.toml",
        "[[actor]]\nname = \"Oleksandr Syrskyi\"\nkind = \"person\"\nroles = [\"commander\"]\naffiliation = \"Ukraine\"\ngender = \"m\"\n",
    );
    let out = dir.path().join("out");
    bin()
        .args(["run"])
        .arg(&article)
        .arg("--actors")
        .arg(actors)
        .arg("--out")
        .arg(&out)
        .arg("-q")
        .assert()
        .success();
    let rows = read_csv(&out.join("quotes.csv"));
    assert_eq!(rows[0]["speaker"], "Oleksandr Syrskyi");
}

#[test]
fn formula_cells_are_neutralised_unless_raw_csv() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(
        dir.path(),
        "evil.txt",
        "Evil\n\n“=HYPERLINK(\"http://x\",\"click\") is the answer,” the spokesman said.\n\n“-1 is the count,” the spokesman said.\n",
    );
    let out = dir.path().join("safe");
    bin()
        .args(["run"])
        .arg(&article)
        .arg("--out")
        .arg(&out)
        .arg("-q")
        .assert()
        .success();
    let rows = read_csv(&out.join("quotes.csv"));
    assert!(
        rows.iter().any(|r| r["text"].starts_with("'=HYPERLINK(")),
        "{rows:?}"
    );
    assert!(rows.iter().any(|r| r["text"].starts_with("'-1")));
    let raw = dir.path().join("raw");
    bin()
        .args(["run"])
        .arg(&article)
        .arg("--out")
        .arg(&raw)
        .args(["-q", "--raw-csv"])
        .assert()
        .success();
    let rows = read_csv(&raw.join("quotes.csv"));
    assert!(rows.iter().any(|r| r["text"].starts_with("=HYPERLINK(")));
}

#[test]
fn missing_input_is_named_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(
        dir.path(),
        "good.txt",
        "Head\n\nThe minister said talks would resume.\n",
    );
    let out = dir.path().join("out");
    let assert = bin()
        .args(["run"])
        .arg(&good)
        .arg(dir.path().join("nope.txt"))
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("nope.txt"), "{stderr}");
    assert!(stderr.contains("1 articles"), "{stderr}");
    assert_eq!(read_csv(&out.join("quotes.csv"))[0]["doc"], "good.txt");
}

#[test]
fn nothing_to_process_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    bin()
        .args(["run"])
        .arg(dir.path().join("missing"))
        .arg("--out")
        .arg(dir.path().join("o"))
        .assert()
        .code(2);
}

#[test]
fn out_that_is_a_file_fails_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "out", "not a folder");
    let assert = bin()
        .args(["run"])
        .arg(seeds())
        .arg("--out")
        .arg(&file)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.starts_with("stancetrack: "), "{stderr}");
    assert!(stderr.contains("not a folder"), "{stderr}");
}

#[test]
fn help_documents_every_option() {
    let out = bin()
        .args(["run", "--help"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let help = String::from_utf8_lossy(&out);
    for opt in [
        "--out",
        "--manifest",
        "--actors",
        "--codebook",
        "--codebook-extend",
        "--group-by",
        "--lossy",
        "--raw-csv",
        "--jobs",
        "--quiet",
    ] {
        assert!(help.contains(opt), "run --help lacks {opt}");
    }
}
