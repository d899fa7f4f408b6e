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

/// The seeds and held-out articles as JSONL lines (id = file name).
fn corpus_lines() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in [root.join("seeds"), root.join("tests/heldout/articles")] {
        let mut found: Vec<PathBuf> = fs::read_dir(&dir)
            .expect("corpus folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        found.sort();
        files.extend(found);
    }
    files
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let text = fs::read_to_string(p).expect("article");
            let title = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            serde_json::json!({
                "id": p.file_name().unwrap().to_string_lossy(),
                "text": text,
                "title": title,
                "outlet": format!("Outlet {}", n % 4),
                "date": format!("2025-03-{:02}", 1 + n % 9),
            })
            .to_string()
        })
        .collect()
}

fn write_shard(dir: &Path, name: &str, lines: &[String]) -> PathBuf {
    write(dir, name, &(lines.join("\n") + "\n"))
}

fn run_jsonl(inputs: &[&Path], out: &Path) {
    bin()
        .arg("run")
        .args(inputs)
        .arg("--out")
        .arg(out)
        .args(["--format", "csv,jsonl", "--quiet"])
        .assert()
        .success();
}

fn merge_parts(parts: &[&Path], out: &Path) {
    bin()
        .arg("merge")
        .args(parts)
        .arg("--out")
        .arg(out)
        .args(["--format", "csv,jsonl", "--quiet"])
        .assert()
        .success();
}

const MERGED_FILES: [&str; 5] = [
    "quotes.csv",
    "quotes.jsonl",
    "stance_matrix.csv",
    "variants.csv",
    "variants.md",
];

fn assert_same_outputs(a: &Path, b: &Path, what: &str) {
    for f in MERGED_FILES {
        let x = fs::read(a.join(f)).unwrap_or_else(|_| panic!("{what}: {f} in {}", a.display()));
        let y = fs::read(b.join(f)).unwrap_or_else(|_| panic!("{what}: {f} in {}", b.display()));
        assert!(x == y, "{what}: {f} differs");
    }
}

#[test]
fn merge_of_runs_equals_one_run_for_every_split_and_grouping() {
    // The speaker merge is corpus-wide (the commonest spelling of a name
    // wins, surnames join the one full name), so a part alone can decide
    // differently from the whole corpus; the merge must redo it from the
    // names as found.
    let lines = corpus_lines();
    let tmp = tempfile::tempdir().unwrap();
    let all = write_shard(tmp.path(), "all.jsonl", &lines);
    let whole = tmp.path().join("whole");
    run_jsonl(&[&all], &whole);
    assert!(
        fs::read_to_string(whole.join("variants.csv"))
            .unwrap()
            .lines()
            .count()
            > 1
    );
    let n = lines.len();
    for (k, (i, j)) in [(1, 2), (3, 9), (5, 6), (n - 2, n - 1)]
        .into_iter()
        .enumerate()
    {
        let dir = tmp.path().join(format!("split{k}"));
        fs::create_dir(&dir).unwrap();
        let a = write_shard(&dir, "a.jsonl", &lines[..i]);
        let b = write_shard(&dir, "b.jsonl", &lines[i..j]);
        let c = write_shard(&dir, "c.jsonl", &lines[j..]);
        let (ra, rb, rc) = (dir.join("ra"), dir.join("rb"), dir.join("rc"));
        run_jsonl(&[&a], &ra);
        run_jsonl(&[&b], &rb);
        run_jsonl(&[&c], &rc);
        // merge(run A, run B, run C) = run(A ∪ B ∪ C)
        let flat = dir.join("flat");
        merge_parts(&[&ra, &rb, &rc], &flat);
        assert_same_outputs(&whole, &flat, &format!("split {k}: flat merge"));
        // merge(merge(A, B), C) = merge(A, merge(B, C)) = run(A ∪ B ∪ C)
        let (ab, bc) = (dir.join("ab"), dir.join("bc"));
        merge_parts(&[&ra, &rb], &ab);
        merge_parts(&[&rb, &rc], &bc);
        let left = dir.join("left");
        let right = dir.join("right");
        merge_parts(&[&ab, &rc], &left);
        merge_parts(&[&ra, &bc], &right);
        assert_same_outputs(&whole, &left, &format!("split {k}: (A+B)+C"));
        assert_same_outputs(&whole, &right, &format!("split {k}: A+(B+C)"));
    }
}

#[test]
fn extract_streams_records_that_merge_into_the_run_outputs() {
    let lines = corpus_lines();
    let tmp = tempfile::tempdir().unwrap();
    let all = write_shard(tmp.path(), "all.jsonl", &lines);
    let whole = tmp.path().join("whole");
    run_jsonl(&[&all], &whole);
    let mut parts = Vec::new();
    for (k, chunk) in lines.chunks(5).enumerate() {
        let out = bin()
            .arg("extract")
            .write_stdin(chunk.join("\n") + "\n")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).expect("utf-8");
        // One JSON object per line, in input order, ids numbered per document.
        let docs: Vec<String> = text
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("json line");
                assert!(v["id"]
                    .as_str()
                    .unwrap()
                    .starts_with(v["doc"].as_str().unwrap()));
                v["doc"].as_str().unwrap().to_string()
            })
            .collect();
        let mut order: Vec<&String> = docs.iter().collect();
        order.dedup();
        let expected: Vec<String> = chunk
            .iter()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .filter(|id| docs.contains(id))
            .collect();
        assert_eq!(order, expected.iter().collect::<Vec<_>>());
        parts.push(write(tmp.path(), &format!("part-{k:05}"), &text));
    }
    let merged = tmp.path().join("merged");
    let refs: Vec<&Path> = parts.iter().map(PathBuf::as_path).collect();
    merge_parts(&refs, &merged);
    assert_same_outputs(&whole, &merged, "extract | merge");
}

#[test]
fn many_batches_keep_input_order_and_a_bad_line_costs_only_itself() {
    // More articles than three read-ahead batches, so reading, extracting
    // and consuming overlap; the outputs must not depend on the job count.
    let base = corpus_lines();
    let mut lines = Vec::new();
    for k in 0..(900 / base.len() + 1) {
        for l in &base {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            let id = format!("{}-{k:03}", v["id"].as_str().unwrap());
            v["id"] = serde_json::Value::String(id);
            lines.push(v.to_string());
        }
    }
    lines.insert(400, "{not json".to_string());
    let tmp = tempfile::tempdir().unwrap();
    let all = write_shard(tmp.path(), "all.jsonl", &lines);
    let mut outs = Vec::new();
    for jobs in ["1", "2"] {
        let out = tmp.path().join(format!("jobs{jobs}"));
        let assert = bin()
            .arg("run")
            .arg(&all)
            .arg("--out")
            .arg(&out)
            .args(["--format", "csv,jsonl", "--quiet", "--jobs", jobs])
            .assert()
            .code(1);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
        assert!(stderr.contains("all.jsonl:401"), "{stderr}");
        outs.push(out);
    }
    assert_same_outputs(&outs[0], &outs[1], "--jobs 1 vs --jobs 2");
    let jsonl = fs::read_to_string(outs[1].join("quotes.jsonl")).unwrap();
    let mut docs: Vec<String> = jsonl
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"].to_string())
        .collect();
    docs.dedup();
    let input_order: Vec<String> = lines
        .iter()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| v["id"].to_string())
        .filter(|id| docs.contains(id))
        .collect();
    assert!(docs.len() > 700, "{} documents with statements", docs.len());
    assert_eq!(docs, input_order);
}

#[test]
fn extract_names_a_bad_stdin_line_and_keeps_the_rest() {
    let lines = corpus_lines();
    let input = format!("{}\n{{not json\n{}\n", lines[0], lines[1]);
    let assert = bin().arg("extract").write_stdin(input).assert().code(1);
    let out = assert.get_output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<stdin>:2"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.lines().count() > 5);
}

#[test]
fn format_jsonl_alone_writes_quotes_jsonl_and_no_quotes_csv() {
    let out = tempfile::tempdir().unwrap();
    bin()
        .arg("run")
        .arg(seeds())
        .arg("--out")
        .arg(out.path())
        .args(["--format", "jsonl", "--quiet"])
        .assert()
        .success();
    assert!(!out.path().join("quotes.csv").exists());
    assert!(out.path().join("stance_matrix.csv").exists());
    let jsonl = fs::read_to_string(out.path().join("quotes.jsonl")).unwrap();
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    for key in [
        "id", "doc", "kind", "speaker", "text", "start", "end", "stance", "found",
    ] {
        assert!(first.get(key).is_some(), "missing {key}: {first}");
    }
    // No work files are left behind.
    let names: Vec<String> = fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
}

#[test]
fn merge_skips_a_part_given_twice_with_one_line() {
    let lines = corpus_lines();
    let tmp = tempfile::tempdir().unwrap();
    let a = write_shard(tmp.path(), "a.jsonl", &lines[..4]);
    let ra = tmp.path().join("ra");
    run_jsonl(&[&a], &ra);
    let twice = tmp.path().join("twice");
    let assert = bin()
        .arg("merge")
        .arg(&ra)
        .arg(&ra)
        .arg("--out")
        .arg(&twice)
        .args(["--format", "csv,jsonl"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert_eq!(stderr.matches("already merged").count(), 1, "{stderr}");
    assert_same_outputs(&ra, &twice, "a part merged twice counts once");
}

#[test]
fn merge_names_a_bad_record_by_file_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    let ra = tmp.path().join("ra");
    run_jsonl(&[&seeds()], &ra);
    let good = fs::read_to_string(ra.join("quotes.jsonl")).unwrap();
    let mut lines: Vec<&str> = good.lines().collect();
    lines.insert(2, "{\"id\": 3}");
    let part = write(tmp.path(), "part-00000", &(lines.join("\n") + "\n"));
    let assert = bin()
        .arg("merge")
        .arg(&part)
        .arg("--out")
        .arg(tmp.path().join("m"))
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("part-00000:3"), "{stderr}");
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let out = tempfile::tempdir().unwrap();
    let assert = bin()
        .arg("run")
        .arg(seeds())
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        !stderr.contains('\r') && !stderr.contains('\u{1b}'),
        "{stderr:?}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("stancetrack: 5 articles"), "{stderr}");
}

#[test]
fn merge_of_parts_without_statements_succeeds_with_empty_files() {
    // Spark writes an empty part for a partition whose articles hold no
    // statement: that is not a failure.
    let tmp = tempfile::tempdir().unwrap();
    let part = write(tmp.path(), "part-00000", "");
    let out = tmp.path().join("m");
    bin()
        .arg("merge")
        .arg(&part)
        .arg("--out")
        .arg(&out)
        .arg("--quiet")
        .assert()
        .success();
    let quotes = fs::read_to_string(out.join("quotes.csv")).unwrap();
    assert_eq!(quotes.lines().count(), 1, "header only: {quotes}");
}
