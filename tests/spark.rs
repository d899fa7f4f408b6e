//! The Spark driver, `scripts/spark_run.py`, against `stancetrack run`: a
//! sharded JSONL corpus written in a temporary folder (the seeds and the
//! held-out articles, plus a blank line, a malformed line, a line with
//! invalid UTF-8, a duplicate id and an article without statements) must
//! give byte-identical output files either way.
//!
//! Needs python3 with pyspark, and Java. Without pyspark the test is skipped
//! with a message, except when CI is set: .ci/run installs pyspark, so there
//! its absence is a failure.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;

fn bin() -> Command {
    Command::cargo_bin("stancetrack").expect("binary builds")
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Whether `python3 -c 'import pyspark'` works. Under CI (the CI variable
/// set) a missing pyspark is a failure rather than a skip.
fn pyspark_available() -> bool {
    let ok = StdCommand::new("python3")
        .args(["-c", "import pyspark"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but `python3 -c 'import pyspark'` fails: .ci/run should have installed \
             pyspark"
        );
        eprintln!(
            "tests/spark.rs: SKIPPED, `python3 -c 'import pyspark'` fails \
             (python3 -m pip install pyspark==4.3.0, and Java 17+, to run it)"
        );
    }
    ok
}

/// One JSONL line for an article file: id = file name, title = first line,
/// text = the whole file.
fn article_line(path: &Path, n: usize) -> String {
    let text = fs::read_to_string(path).expect("article");
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let stem = path.file_stem().unwrap().to_string_lossy().to_string();
    serde_json::json!({
        "id": name,
        "text": text,
        "outlet": stem.split('_').next().unwrap_or(&stem),
        "date": format!("2025-05-{:02}", n % 28 + 1),
        "title": text.lines().next().unwrap_or(""),
        "url": format!("https://example.org/{stem}"),
    })
    .to_string()
}

/// Writes the corpus as four shards in `dir`; returns their paths sorted.
fn write_shards(dir: &Path) -> Vec<PathBuf> {
    let mut articles: Vec<PathBuf> = Vec::new();
    for folder in ["seeds", "tests/heldout/articles"] {
        let mut files: Vec<PathBuf> = fs::read_dir(repo().join(folder))
            .expect("article folder")
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        articles.extend(files);
    }
    assert!(articles.len() >= 10, "{articles:?}");
    let mut shards = vec![Vec::new(), Vec::new(), Vec::new()];
    for (n, path) in articles.iter().enumerate() {
        shards[n % 3].push(article_line(path, n));
    }
    // Lines `run` skips (and `extract` too): the outputs must still agree.
    shards[1].insert(1, String::new());
    shards[1].insert(2, "{\"id\": \"broken\", \"text\": ".to_string());
    // A fourth shard: a document already seen in the first (skipped by `run`
    // as a duplicate id, and by `merge` as a document merged from an earlier
    // part), and an article without any statement (an empty part file).
    shards.push(vec![
        shards[0][0].clone(),
        serde_json::json!({"id": "weather", "text": "Weather\n\nIt rained all day."}).to_string(),
    ]);
    let paths: Vec<PathBuf> = shards
        .iter()
        .enumerate()
        .map(|(k, lines)| {
            let p = dir.join(format!("shard-{k}.jsonl"));
            fs::write(&p, lines.join("\n") + "\n").expect("write shard");
            p
        })
        .collect();
    // An article with a byte that is not UTF-8: `run` skips it (without
    // --lossy), so the Spark side must hand the bytes to `extract` untouched.
    let mut third = fs::read(&paths[2]).unwrap();
    third.extend_from_slice(
        b"{\"id\": \"latin1\", \"text\": \"Talks\\n\\n\xabWe are ready for a truce,\xbb the minister said.\"}\n",
    );
    fs::write(&paths[2], third).unwrap();
    paths
}

/// Runs a command with a time limit (a Spark that hangs fails the test
/// instead of blocking it); returns the exit code and stderr.
fn run_with_limit(cmd: &mut StdCommand, limit: Duration) -> (i32, String) {
    let mut child = cmd
        .stdout(Stdio::inherit())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    let stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("spark_run.py still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let stderr = reader.join().unwrap();
    (status.code().unwrap_or(-1), stderr)
}

#[test]
fn spark_run_writes_the_same_files_as_run() {
    if !pyspark_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let shard_dir = dir.path().join("shards");
    fs::create_dir(&shard_dir).unwrap();
    let shards = write_shards(&shard_dir);
    let spark_out = dir.path().join("spark");
    let local_out = dir.path().join("local");
    let work = dir.path().join("work");

    // --split-mb 0.005: about 5 KB partitions, so every shard of several
    // articles is read as several partitions, and the order across
    // partitions of one file is tested along with the order across files.
    let (code, stderr) = run_with_limit(
        StdCommand::new("python3")
            .arg(repo().join("scripts/spark_run.py"))
            .arg("--shards")
            .arg(&shard_dir)
            .arg("--out")
            .arg(&spark_out)
            .arg("--binary")
            .arg(env!("CARGO_BIN_EXE_stancetrack"))
            .args(["--master", "local[2]", "--split-mb", "0.005"])
            .arg("--work")
            .arg(&work),
        Duration::from_secs(600),
    );
    eprintln!("{stderr}");
    // 1, like `run`: some lines were skipped.
    assert_eq!(code, 1, "spark_run.py exit code\n{stderr}");
    assert!(stderr.contains("not a JSON article"), "{stderr}");
    assert!(stderr.contains("invalid UTF-8"), "{stderr}");

    let parts = fs::read_dir(work.join("statements"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("part-")
        })
        .count();
    assert!(
        parts > shards.len(),
        "{parts} part files for {} shards",
        shards.len()
    );

    bin()
        .arg("run")
        .args(&shards)
        .arg("--out")
        .arg(&local_out)
        .arg("-q")
        .assert()
        .code(1);

    for f in [
        "quotes.csv",
        "stance_matrix.csv",
        "variants.csv",
        "variants.md",
    ] {
        let spark = fs::read(spark_out.join(f)).unwrap_or_else(|e| panic!("spark {f}: {e}"));
        let local = fs::read(local_out.join(f)).unwrap_or_else(|e| panic!("local {f}: {e}"));
        assert!(
            spark.iter().filter(|&&b| b == b'\n').count() > 1,
            "{f} has no rows past the header"
        );
        assert!(spark == local, "{f} differs between spark_run.py and run");
    }
}
