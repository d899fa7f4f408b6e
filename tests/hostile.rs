//! Hostile inputs through the CLI: a corpus generated in a temporary folder
//! with every input fault the tool promises to survive (missing path,
//! unreadable file, directory loop, invalid UTF-8, BOMs, binary, empty,
//! malformed and duplicate JSONL records, a manifest naming a missing file)
//! and pathological text (thousands of marks, deep nesting, unclosed quotes,
//! a 2 MB paragraph, very long words, RTL and combining characters, CRLF and
//! lone CR). Nothing here is a committed binary: every file is written by
//! the tests.
//!
//! Also: a run killed with SIGKILL in the middle leaves the previous
//! complete outputs byte for byte.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;

fn bin() -> Command {
    Command::cargo_bin("stancetrack").expect("binary builds")
}

fn bin_path() -> PathBuf {
    assert_cmd::cargo::cargo_bin("stancetrack")
}

/// A paragraph that the extractor attributes: every good article carries it.
const GOOD_QUOTE: &str = "“We will never give up,” Ukrainian Foreign Minister Andrii Sybiha said.";

fn good_article(title: &str) -> String {
    format!("{title}\n\n{GOOD_QUOTE}\n")
}

fn write(dir: &Path, name: &str, body: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, body).expect("write");
    p
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The `doc` column of a quotes.csv.
fn docs_in(quotes: &Path) -> BTreeSet<String> {
    let mut rdr = csv::Reader::from_path(quotes).expect("quotes.csv opens");
    let headers = rdr.headers().expect("header").clone();
    let col = headers.iter().position(|h| h == "doc").expect("doc column");
    rdr.records()
        .map(|r| r.expect("record parses")[col].to_string())
        .collect()
}

/// Numbers of the summary line, the last line on stderr:
/// (articles, statements, skipped, warnings).
/// `skipped` is 0 when the line does not mention it.
fn summary(stderr: &str) -> (usize, usize, usize, usize) {
    let line = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .filter(|l| l.contains(" articles") && l.contains(" statements"))
        .unwrap_or_else(|| panic!("stderr does not end with a summary line:\n{stderr}"));
    let num = |word: &str| -> Option<usize> {
        let re = regex::Regex::new(&format!(r"(\d+) {word}\b")).unwrap();
        re.captures(line).map(|c| c[1].parse().unwrap())
    };
    let warnings = num("warnings?");
    assert!(warnings.is_some(), "summary line lacks warnings: {line}");
    (
        num("articles?").unwrap(),
        num("statements?").unwrap(),
        num("skipped").unwrap_or(0),
        warnings.unwrap(),
    )
}

fn assert_no_panic(stderr: &str) {
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "the run panicked:\n{stderr}"
    );
}

/// The stderr lines that mention `needle`.
fn lines_naming<'a>(stderr: &'a str, needle: &str) -> Vec<&'a str> {
    stderr.lines().filter(|l| l.contains(needle)).collect()
}

fn assert_named(stderr: &str, needle: &str) {
    assert!(
        !lines_naming(stderr, needle).is_empty(),
        "stderr does not name {needle}:\n{stderr}"
    );
}

/// True when permission bits are enforced for this user (not root).
fn permissions_enforced(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join(".probe");
    fs::write(&probe, b"x").unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o000)).unwrap();
    let enforced = fs::read(&probe).is_err();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o644)).unwrap();
    fs::remove_file(&probe).unwrap();
    enforced
}

fn utf16le_with_bom(s: &str) -> Vec<u8> {
    let mut b = vec![0xFF, 0xFE];
    for u in s.encode_utf16() {
        b.extend_from_slice(&u.to_le_bytes());
    }
    b
}

/// A single paragraph of about `bytes` bytes: words, commas and a few
/// quotation marks, no sentence break anywhere.
fn endless_paragraph(bytes: usize) -> String {
    let words = [
        "Kyiv",
        "talks",
        "would",
        "resume",
        "and",
        "the",
        "minister",
        "said",
        "that",
        "Moscow",
        "ceasefire",
        "sanctions",
        "Crimea",
        "NATO",
        "envoy",
        "—",
        "officials,",
        "according",
    ];
    let mut s = String::with_capacity(bytes + 64);
    let mut n = 0usize;
    while s.len() < bytes {
        let w = words[n % words.len()];
        match n % 97 {
            13 => s.push('“'),
            40 => s.push_str("” "),
            71 => s.push('"'),
            _ => {}
        }
        s.push_str(w);
        s.push(' ');
        n += 1;
    }
    s.push_str("and so on");
    s
}

/// Good articles: file name -> contents. Every one must reach quotes.csv.
fn good_files() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = Vec::new();
    let mut add = |name: &str, body: Vec<u8>| v.push((name.to_string(), body));
    add("good_plain.txt", good_article("Talks").into_bytes());
    let mut bom8 = vec![0xEF, 0xBB, 0xBF];
    bom8.extend_from_slice(good_article("Bom").as_bytes());
    add("good_bom8.txt", bom8);
    add("good_bom16.txt", utf16le_with_bom(&good_article("Wide")));
    add(
        "good_crlf.txt",
        good_article("Crlf").replace('\n', "\r\n").into_bytes(),
    );
    add(
        "good_cr.txt",
        good_article("Lone cr").replace('\n', "\r").into_bytes(),
    );
    add(
        "good_rtl.txt",
        format!(
            "RTL\n\n“نحن لن نستسلم أبدا،” قال الوزير. \u{202E}“שלום” אמר השר\u{202C}.\n\n\
             Combining e\u{301}\u{301}\u{301}\u{20DD} a\u{0300}\u{0301}\u{0302}\u{0303}\u{0304} \
             “Z\u{0335}\u{0321}a\u{0336}l\u{0337}g\u{0338}o\u{0334},” he said \u{200D}\u{200F}.\n\n\
             {GOOD_QUOTE}\n"
        )
        .into_bytes(),
    );
    // Thousands of marks: one paragraph cycling through every kind, one of
    // straight doubles only, one of apostrophes glued to words.
    let marks = ["“", "”", "\"", "'", "‘", "’", "«", "»", "``", "''", "„"];
    let mut cycle = String::new();
    for i in 0..10_000 {
        cycle.push_str(marks[i % marks.len()]);
        if i % 7 == 0 {
            cycle.push_str(" war ");
        }
    }
    add(
        "patho_marks.txt",
        format!(
            "Marks\n\n{cycle}\n\n{}\n\n{}\n\n{GOOD_QUOTE}\n",
            "\"".repeat(10_000),
            "Kyiv’s’s’'s ".repeat(2_000)
        )
        .into_bytes(),
    );
    add(
        "patho_unclosed.txt",
        format!(
            "Unclosed\n\n“We will not stop, the minister said, and “again and “again\n\n\
             He said \"this is never closed\n\n‘single never closed\n\n”“”“ said she.\n\n\
             «Nothing closes here\n\n{GOOD_QUOTE}\n"
        )
        .into_bytes(),
    );
    let mut nested = String::new();
    for i in 0..200 {
        nested.push_str(if i % 2 == 0 { "“level " } else { "‘level " });
    }
    nested.push_str("core");
    for i in (0..200).rev() {
        nested.push_str(if i % 2 == 0 { "”" } else { "’" });
    }
    nested.push_str(" the minister said.");
    let straight_nested = format!("{}core{}", "“a \"".repeat(200), "\"”".repeat(200));
    add(
        "patho_nested.txt",
        format!("Nested\n\n{nested}\n\n{straight_nested} he said.\n\n{GOOD_QUOTE}\n").into_bytes(),
    );
    add(
        "patho_longword.txt",
        format!(
            "Long\n\n“{}” he said {}.\n\n{}\n\n{GOOD_QUOTE}\n",
            "a".repeat(100_000),
            "ж".repeat(50_000),
            "x\u{301}".repeat(30_000)
        )
        .into_bytes(),
    );
    add(
        "patho_big.txt",
        format!("Big\n\n{}\n\n{GOOD_QUOTE}\n", endless_paragraph(2_000_000)).into_bytes(),
    );
    add(
        "patho_endings.txt",
        format!("Endings\r\r\n\n\r\r\r\n{GOOD_QUOTE}\r\r“Split\r\nacross\rlines,” he said.\n\r")
            .into_bytes(),
    );
    v
}

const JSONL_GOOD_IDS: [&str; 4] = ["j1", "j2", "j4", "j6"];

fn jsonl_record(id: &str) -> String {
    serde_json::json!({
        "id": id,
        "title": "Talks",
        "outlet": "wire",
        "text": good_article("Talks"),
    })
    .to_string()
}

/// Lines: 1 j1, 2 j2, 3 malformed, 4 j4, 5 duplicate j1, 6 blank, 7 j6 (CRLF).
fn jsonl_file() -> String {
    format!(
        "{}\n{}\n{{\"id\": \"broken\", \"text\": \"never terminated\n{}\n{}\n\n{}\r\n",
        jsonl_record("j1"),
        jsonl_record("j2"),
        jsonl_record("j4"),
        jsonl_record("j1"),
        jsonl_record("j6"),
    )
}

/// The invalid UTF-8 article: a good article with bad bytes before the quote.
fn invalid_utf8_article() -> Vec<u8> {
    let mut b = b"Bad bytes\n\nSome text \xC3\x28 and \xFF\xFE here.\n\n".to_vec();
    b.extend_from_slice(GOOD_QUOTE.as_bytes());
    b.push(b'\n');
    b
}

#[test]
fn hostile_corpus_is_processed_and_every_fault_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let goods = good_files();
    for (name, body) in &goods {
        write(&corpus, name, body);
    }
    write(&corpus, "articles.jsonl", jsonl_file());
    write(&corpus, "bad_utf8.txt", invalid_utf8_article());
    let mut binary = good_article("Binary").into_bytes();
    binary.splice(8..8, [0u8, 1, 2, 0, 0xFF]);
    write(&corpus, "bad_binary.txt", &binary);
    write(&corpus, "bad_empty.txt", b"");
    write(&corpus, "bad_blank.txt", b" \n\r\n\t \n");
    let enforced = permissions_enforced(dir.path());
    let unreadable = write(&corpus, "bad_unreadable.txt", good_article("Locked"));
    fs::set_permissions(&unreadable, fs::Permissions::from_mode(0o000)).unwrap();
    let loop_dir = corpus.join("loop");
    fs::create_dir(&loop_dir).unwrap();
    write(&loop_dir, "good_inloop.txt", good_article("In loop"));
    let back = loop_dir.join("back");
    std::os::unix::fs::symlink("..", &back).unwrap();
    std::os::unix::fs::symlink("nowhere.txt", corpus.join("bad_dangling.txt")).unwrap();
    std::os::unix::fs::symlink("bad_selfloop.txt", corpus.join("bad_selfloop.txt")).unwrap();
    let manifest = write(
        dir.path(),
        "manifest.csv",
        "file,outlet,date,url,title\n\
         good_plain.txt,Kyiv Independent,2025-03-01,https://example.org/a,Talks\n\
         ghost.txt,Nowhere,2025-03-02,https://example.org/ghost,Ghost\n",
    );
    let missing = dir.path().join("nope_missing.txt");

    let out = dir.path().join("out");
    let output = bin()
        .arg("run")
        .arg(&corpus)
        .arg(&missing)
        .arg("--manifest")
        .arg(&manifest)
        .arg("--out")
        .arg(&out)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let stderr = stderr_of(&output);
    assert_no_panic(&stderr);
    assert_eq!(
        output.status.code(),
        Some(1),
        "exit code; stderr:\n{stderr}"
    );

    // Every good article reached quotes.csv.
    let docs = docs_in(&out.join("quotes.csv"));
    let mut expected: Vec<String> = goods.iter().map(|(n, _)| n.clone()).collect();
    expected.push("good_inloop.txt".into());
    expected.extend(JSONL_GOOD_IDS.iter().map(|s| s.to_string()));
    if !enforced {
        // Root reads a mode-000 file: it is then a good article.
        expected.push("bad_unreadable.txt".into());
    }
    for id in &expected {
        assert!(
            docs.contains(id),
            "{id} missing from quotes.csv (docs: {docs:?})\nstderr:\n{stderr}"
        );
    }
    assert!(!docs.contains("broken"), "{docs:?}");

    // Every bad input is named, with a line number or byte offset where it has one.
    assert_named(&stderr, "nope_missing.txt");
    for l in lines_naming(&stderr, "bad_utf8.txt") {
        assert!(l.contains("byte"), "no byte offset for invalid UTF-8: {l}");
    }
    assert_named(&stderr, "bad_utf8.txt");
    assert_named(&stderr, "bad_binary.txt");
    assert!(
        lines_naming(&stderr, "bad_binary.txt")
            .iter()
            .any(|l| l.contains("byte 8")),
        "binary file without the offset of its first NUL:\n{stderr}"
    );
    assert_named(&stderr, "bad_empty.txt");
    assert_named(&stderr, "bad_blank.txt");
    if enforced {
        assert_named(&stderr, "bad_unreadable.txt");
    }
    assert_named(&stderr, &back.display().to_string());
    assert_named(&stderr, "bad_dangling.txt");
    assert_named(&stderr, "bad_selfloop.txt");
    assert_named(&stderr, "articles.jsonl:3");
    assert!(
        lines_naming(&stderr, "articles.jsonl:5")
            .iter()
            .any(|l| l.contains("j1")),
        "duplicate id not named with its line:\n{stderr}"
    );
    assert_named(&stderr, "ghost.txt");
    // Good articles are not reported as errors (UTF-16 conversion may warn).
    for (name, _) in &goods {
        for l in lines_naming(&stderr, name) {
            assert!(
                l.contains("warning"),
                "good article reported as a fault: {l}"
            );
        }
    }

    // The summary counts articles and skipped inputs.
    let (articles, statements, skipped, warnings) = summary(&stderr);
    assert_eq!(articles, expected.len(), "{stderr}");
    assert!(statements >= expected.len(), "{stderr}");
    // Missing path, invalid UTF-8, binary, empty, blank, dangling and
    // self-referencing symlinks, JSONL line 3, duplicate id, unreadable; the
    // directory loop may count as skipped or as a warning.
    let definite = 9 + usize::from(enforced);
    assert!(
        skipped == definite || skipped == definite + 1,
        "skipped {skipped}, expected {definite} (+1 for the loop)\n{stderr}"
    );
    assert!(warnings >= 1, "manifest row without a file is a warning");

    fs::set_permissions(&unreadable, fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn lossy_turns_invalid_utf8_into_an_article_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = invalid_utf8_article();
    let first_bad = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
    let bad = write(dir.path(), "latin.txt", &bytes);

    // Strict (the default): the only article is skipped, nothing ran.
    let strict = bin()
        .arg("run")
        .arg(&bad)
        .arg("--out")
        .arg(dir.path().join("strict"))
        .output()
        .unwrap();
    let stderr = stderr_of(&strict);
    assert_no_panic(&stderr);
    assert_eq!(strict.status.code(), Some(2), "{stderr}");
    assert!(
        lines_naming(&stderr, "latin.txt")
            .iter()
            .any(|l| l.contains(&format!("byte {first_bad}"))),
        "invalid UTF-8 not named with its offset:\n{stderr}"
    );

    let out = dir.path().join("lossy");
    let lossy = bin()
        .arg("run")
        .arg(&bad)
        .arg("--lossy")
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = stderr_of(&lossy);
    assert_no_panic(&stderr);
    assert_eq!(lossy.status.code(), Some(0), "{stderr}");
    assert!(
        lines_naming(&stderr, "latin.txt")
            .iter()
            .any(|l| l.contains("warning")),
        "--lossy does not warn:\n{stderr}"
    );
    assert!(docs_in(&out.join("quotes.csv")).contains("latin.txt"));
    let (articles, _, skipped, warnings) = summary(&stderr);
    assert_eq!((articles, skipped), (1, 0), "{stderr}");
    assert!(warnings >= 1, "{stderr}");
}

#[test]
fn only_good_articles_exit_0_and_only_bad_ones_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good");
    fs::create_dir(&good).unwrap();
    for (name, body) in good_files()
        .into_iter()
        .filter(|(n, _)| !n.starts_with("patho_big"))
    {
        write(&good, &name, body);
    }
    let out = dir.path().join("out_good");
    let ok = bin()
        .arg("run")
        .arg(&good)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = stderr_of(&ok);
    assert_no_panic(&stderr);
    assert_eq!(ok.status.code(), Some(0), "{stderr}");
    let (_, _, skipped, _) = summary(&stderr);
    assert_eq!(skipped, 0);

    let bad = dir.path().join("bad");
    fs::create_dir(&bad).unwrap();
    write(&bad, "latin.txt", invalid_utf8_article());
    write(&bad, "zeros.txt", [0u8; 64]);
    write(&bad, "void.txt", b"");
    write(
        &bad,
        "broken.jsonl",
        "{\"id\": 1}\n[]\nnot json at all\n{\"text\": \"no id\"}\n",
    );
    let out = dir.path().join("out_bad");
    let none = bin()
        .arg("run")
        .arg(&bad)
        .arg(dir.path().join("absent.txt"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = stderr_of(&none);
    assert_no_panic(&stderr);
    assert_eq!(none.status.code(), Some(2), "{stderr}");
    for name in [
        "latin.txt",
        "zeros.txt",
        "void.txt",
        "broken.jsonl:1",
        "broken.jsonl:2",
        "broken.jsonl:3",
        "broken.jsonl:4",
        "absent.txt",
    ] {
        assert_named(&stderr, name);
    }
}

#[test]
fn unwritable_out_is_an_error_before_any_work() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", good_article("Talks"));
    // A file as --out.
    let file = write(dir.path(), "out_file", "not a folder");
    let r = bin()
        .arg("run")
        .arg(&article)
        .arg("--out")
        .arg(&file)
        .output()
        .unwrap();
    let stderr = stderr_of(&r);
    assert_eq!(r.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("out_file"), "{stderr}");
    assert_eq!(fs::read(&file).unwrap(), b"not a folder");
    // A folder under a file.
    let r = bin()
        .arg("run")
        .arg(&article)
        .arg("--out")
        .arg(file.join("sub"))
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2), "{}", stderr_of(&r));
    // A read-only folder (only meaningful when permissions are enforced).
    if permissions_enforced(dir.path()) {
        let ro = dir.path().join("ro");
        fs::create_dir(&ro).unwrap();
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
        let r = bin()
            .arg("run")
            .arg(&article)
            .arg("--out")
            .arg(&ro)
            .output()
            .unwrap();
        let stderr = stderr_of(&r);
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(r.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("ro"), "{stderr}");
        assert!(!stderr.contains(" articles, "), "work started: {stderr}");
    }
}

/// One article that makes the pipeline panic must not take the run down
/// with it: the other articles still reach quotes.csv. (The article below
/// is a regression input; see tests/properties.rs.)
#[test]
fn an_article_that_panics_does_not_take_the_run_down() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    write(&corpus, "a_good.txt", good_article("Talks"));
    write(
        &corpus,
        "b_trigger.txt",
        b"T\n\nCrimea told don\xE2\x80\x99t \xE2\x80\x94, according to officials.\n",
    );
    write(&corpus, "c_good.txt", good_article("More talks"));
    let out = dir.path().join("out");
    let r = bin()
        .arg("run")
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = stderr_of(&r);
    assert_no_panic(&stderr);
    assert_eq!(r.status.code(), Some(0), "{stderr}");
    let docs = docs_in(&out.join("quotes.csv"));
    assert!(
        docs.contains("a_good.txt") && docs.contains("c_good.txt"),
        "{docs:?}"
    );
}

/// A named pipe among the inputs is not an article: reading it would block
/// for ever (nobody writes to it). It must be named and skipped, and the
/// rest of the corpus processed.
#[test]
fn named_pipe_is_skipped_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    write(&corpus, "a_good.txt", good_article("Talks"));
    let fifo = corpus.join("b_pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    write(&corpus, "c_good.txt", good_article("More talks"));
    let out = dir.path().join("out");
    let r = bin()
        .arg("run")
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let stderr = stderr_of(&r);
    assert_eq!(
        r.status.code(),
        Some(1),
        "hung or wrong exit code:\n{stderr}"
    );
    assert_named(&stderr, "b_pipe.txt");
    let docs = docs_in(&out.join("quotes.csv"));
    assert!(
        docs.contains("a_good.txt") && docs.contains("c_good.txt"),
        "{docs:?}"
    );
}

/// A corpus of `n` articles, each with several attributed quotes; `variant`
/// changes the words so two corpora give different outputs.
fn write_corpus(dir: &Path, n: usize, variant: &str) {
    fs::create_dir_all(dir).unwrap();
    let speakers = [
        "Ukrainian Foreign Minister Andrii Sybiha",
        "Kremlin spokesman Dmitry Peskov",
        "President Volodymyr Zelensky",
        "U.S. Secretary of State Marco Rubio",
    ];
    for i in 0..n {
        let s1 = speakers[i % speakers.len()];
        let s2 = speakers[(i + 1) % speakers.len()];
        let body = format!(
            "Talks round {i} {variant}\n\n\
             “We will never recognise the occupation of Crimea, not in round {i},” {s1} said.\n\n\
             {s2} said the ceasefire talks {variant} would resume on day {i} in Istanbul.\n\n\
             “Sanctions must stay until the war ends,” {s2} told reporters. \
             “There is no other way {variant}.”\n\n\
             According to {s1}, NATO membership remains the goal for number {i}.\n"
        );
        fs::write(dir.join(format!("a{i:05}.txt")), body).unwrap();
    }
}

const OUTPUTS: [&str; 4] = [
    "quotes.csv",
    "stance_matrix.csv",
    "variants.csv",
    "variants.md",
];

fn snapshot(out: &Path) -> Vec<(String, Vec<u8>)> {
    OUTPUTS
        .iter()
        .filter(|n| out.join(n).exists())
        .map(|n| (n.to_string(), fs::read(out.join(n)).unwrap()))
        .collect()
}

fn assert_csvs_parse(out: &Path) {
    for name in ["quotes.csv", "stance_matrix.csv"] {
        let mut rdr = csv::Reader::from_path(out.join(name)).unwrap();
        let width = rdr.headers().unwrap().len();
        let mut rows = 0;
        for r in rdr.records() {
            let r = r.unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
            assert_eq!(r.len(), width, "{name}: ragged row");
            rows += 1;
        }
        assert!(rows > 0, "{name} is empty");
    }
}

fn run_to_completion(corpus: &Path, out: &Path) {
    let done = std::process::Command::new(bin_path())
        .arg("run")
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .arg("-q")
        .output()
        .unwrap();
    assert!(done.status.success(), "{}", stderr_of(&done));
    assert_csvs_parse(out);
}

fn spawn_run(corpus: &Path, out: &Path) -> std::process::Child {
    std::process::Command::new(bin_path())
        .arg("run")
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .arg("-q")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn changed_files(a: &[(String, Vec<u8>)], b: &[(String, Vec<u8>)]) -> Vec<String> {
    let mut names: Vec<String> = a
        .iter()
        .filter(|(n, bytes)| b.iter().find(|(m, _)| m == n).map(|(_, x)| x) != Some(bytes))
        .map(|(n, _)| n.clone())
        .collect();
    names.extend(
        b.iter()
            .filter(|(n, _)| !a.iter().any(|(m, _)| m == n))
            .map(|(n, _)| n.clone()),
    );
    names
}

#[test]
fn sigkill_while_processing_leaves_previous_outputs_intact() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first");
    let second = dir.path().join("second");
    write_corpus(&first, 3000, "alpha");
    write_corpus(&second, 3000, "beta");
    let out = dir.path().join("out");
    run_to_completion(&first, &out);
    let before = snapshot(&out);
    assert_eq!(before.len(), OUTPUTS.len(), "outputs missing");

    let mut child = spawn_run(&second, &out);
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the second run finished within 200 ms: corpus too small for the test"
    );
    child.kill().unwrap(); // SIGKILL on unix
    let status = child.wait().unwrap();
    assert!(!status.success(), "the killed run reported success");

    assert_csvs_parse(&out);
    let after = snapshot(&out);
    let changed = changed_files(&before, &after);
    assert!(
        changed.is_empty(),
        "outputs replaced by a run killed while processing: {changed:?}"
    );
}

/// The outputs are one set: a run killed after it has replaced the first
/// output file must not leave files of two different runs side by side
/// (quotes.csv of the new corpus with variants.csv of the old one). The kill
/// comes as soon as quotes.csv is replaced; afterwards every output must be
/// the previous run's or every output the new run's.
#[test]
fn sigkill_between_output_files_leaves_one_consistent_set() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first");
    let second = dir.path().join("second");
    write_corpus(&first, 3000, "alpha");
    write_corpus(&second, 3000, "beta");
    let out = dir.path().join("out");
    let reference = dir.path().join("reference");
    run_to_completion(&first, &out);
    run_to_completion(&second, &reference);
    let before = snapshot(&out);
    let complete = snapshot(&reference);
    let inode = |p: &Path| fs::metadata(p).map(|m| m.ino()).ok();
    let first_ino = inode(&out.join("quotes.csv"));

    let mut child = spawn_run(&second, &out);
    let t0 = Instant::now();
    let killed_at = loop {
        if child.try_wait().unwrap().is_some() {
            break None; // finished: nothing to interrupt
        }
        if inode(&out.join("quotes.csv")) != first_ino {
            child.kill().unwrap();
            child.wait().unwrap();
            break Some(t0.elapsed());
        }
        assert!(t0.elapsed() < Duration::from_secs(120), "run hangs");
        std::thread::sleep(Duration::from_millis(1));
    };

    assert_csvs_parse(&out);
    let after = snapshot(&out);
    let from_previous = changed_files(&before, &after);
    let from_new = changed_files(&complete, &after);
    assert!(
        from_previous.is_empty() || from_new.is_empty(),
        "killed at {killed_at:?} right after quotes.csv was replaced: the output \
         folder mixes two runs ({from_previous:?} are new, {from_new:?} are old)"
    );
}
