//! The analyst deliverables, end to end: `stancetrack.xlsx` read back with
//! calamine (and its raw XML), `report.html` opened in headless Chromium.
//!
//! The corpus is the seed articles plus one hostile article: a quote with a
//! `<script>` that would retitle the page and a quote starting with
//! `=HYPERLINK(`, which must stay text in both deliverables.
//!
//! The Chromium test is skipped (with a message) when `/usr/bin/chromium` is
//! missing; `.ci/run` installs it. With `STANCETRACK_UPDATE_SCREENSHOT=1` it
//! also refreshes `docs/report.png`, the README's screenshot.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use calamine::{open_workbook, Data, Reader, Xlsx};
use stancetrack::document::Document;
use stancetrack::html::{render_report, DocContext};
use stancetrack::ingest::{Input, Item, Manifest, Utf8Policy};
use stancetrack::matrix::{self, Row};
use stancetrack::pipeline::{merge_speakers, Pipeline};
use stancetrack::statement::Statement;
use stancetrack::variants::{self, Cluster, VariantOptions};
use stancetrack::xlsx::{stance_rgb, write_workbook, About};

const CHROMIUM: &str = "/usr/bin/chromium";
const PWNED: &str = "<script>document.title='pwned'</script>";

/// Everything the deliverables are made from.
struct Corpus {
    statements: Vec<Statement>,
    docs: Vec<DocContext>,
    rows: Vec<Row>,
    clusters: Vec<Cluster>,
    issues: Vec<String>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn hostile_article() -> Document {
    let text = format!(
        "Minister rejects <b>annexation</b> talk\n\n\
         “We will never recognise the annexation of Crimea {PWNED},” the minister, \
         Oleh Tkach, said.\n\n\
         “=HYPERLINK(\"http://evil.example\",\"details\") Sanctions on Russia must stay in \
         place,” Oleh Tkach told reporters.\n"
    );
    Document {
        id: "hostile.txt".into(),
        outlet: "hostile".into(),
        date: "2025-04-24".into(),
        title: "Minister rejects <b>annexation</b> talk".into(),
        url: String::new(),
        text,
    }
}

/// The seeds, optionally with the hostile article, through the built-in
/// pipeline exactly as `stancetrack run` processes them.
fn corpus(hostile: bool) -> Corpus {
    let pipeline = Pipeline::builtin();
    let mut documents: Vec<Document> = Input::new(
        &[root().join("seeds")],
        Manifest::default(),
        Utf8Policy::Strict,
    )
    .map(|item| match item {
        Item::Article(doc, _) => doc,
        Item::Skipped(e) => panic!("seed skipped: {e}"),
    })
    .collect();
    assert!(documents.len() >= 5, "seeds not found");
    if hostile {
        documents.push(hostile_article());
    }
    let mut statements = Vec::new();
    let mut docs = Vec::new();
    for d in &documents {
        let found = pipeline.process(d);
        docs.push(DocContext::new(d, &found));
        statements.extend(found);
    }
    merge_speakers(&mut statements, pipeline.extractor.registry());
    let rows = matrix::by_actor(&statements);
    let clusters = variants::cluster(&statements, &VariantOptions::default());
    Corpus {
        issues: pipeline.codebook.issue_ids(),
        statements,
        docs,
        rows,
        clusters,
    }
}

fn about(articles: usize) -> About {
    About {
        articles,
        generated: "2025-04-25".into(),
        codebook: "built-in".into(),
        version: format!("stancetrack {}", env!("CARGO_PKG_VERSION")),
        inputs: vec!["seeds".into(), "hostile.txt".into()],
    }
}

fn render(c: &Corpus) -> String {
    render_report(&c.statements, &c.rows, &c.clusters, &c.issues, &c.docs).expect("report renders")
}

/// One member of a zip archive (the xlsx), read with Python's `zipfile` so
/// the test needs no zip crate of its own; `None` when python3 is missing.
fn zip_member(archive: &Path, member: &str) -> Option<String> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))",
        ])
        .arg(archive)
        .arg(member)
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "reading {member}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).expect("xml is UTF-8"))
}

/// The value of `name="…"` in the first tag of `xml` (tag text only).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let end = tag.find('>').unwrap_or(tag.len());
    let tag = &tag[..end];
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let len = tag[at..].find('"')?;
    Some(&tag[at..at + len])
}

/// The `n`th element `<name` inside the first `<section ...>...</section>`.
fn nth_in<'a>(xml: &'a str, section: &str, name: &str, n: usize) -> &'a str {
    let start = xml
        .find(&format!("<{section}"))
        .unwrap_or_else(|| panic!("no <{section}>"));
    let end = xml[start..]
        .find(&format!("</{section}>"))
        .map_or(xml.len(), |e| start + e);
    let body = &xml[start..end];
    let open = format!("<{name}");
    let mut rest = &body[body.find('>').map_or(0, |i| i + 1)..];
    for _ in 0..n {
        let at = rest.find(&open).expect("element exists");
        rest = &rest[at + open.len()..];
    }
    let at = rest.find(&open).expect("element exists");
    &rest[at..]
}

fn column_letters(mut col: u32) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[test]
fn workbook_reads_back_with_sheets_colours_links_and_no_formulas() {
    let c = corpus(true);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("stancetrack.xlsx");
    let about = about(6);
    write_workbook(
        &path,
        &c.statements,
        &c.rows,
        &c.clusters,
        &c.issues,
        &about,
    )
    .expect("workbook written");

    // Deterministic: the same inputs give the same bytes.
    let again = dir.path().join("again.xlsx");
    write_workbook(
        &again,
        &c.statements,
        &c.rows,
        &c.clusters,
        &c.issues,
        &about,
    )
    .expect("workbook written");
    assert_eq!(fs::read(&path).unwrap(), fs::read(&again).unwrap());

    let mut wb: Xlsx<_> = open_workbook(&path).expect("calamine opens the workbook");
    assert_eq!(
        wb.sheet_names(),
        vec!["Matrix", "Statements", "Variants", "About"]
    );

    let matrix = wb.worksheet_range("Matrix").expect("Matrix");
    let header: Vec<String> = (0..matrix.width() as u32)
        .map(|col| {
            matrix
                .get_value((0, col))
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
        .collect();
    let mut expected = vec!["actor", "affiliation", "statements"];
    expected.extend(c.issues.iter().map(String::as_str));
    expected.push("evidence");
    assert_eq!(header, expected);
    assert_eq!(matrix.height(), c.rows.len() + 1);

    let statements = wb.worksheet_range("Statements").expect("Statements");
    assert_eq!(
        statements.get_value((0, 9)),
        Some(&Data::String("text".into()))
    );
    assert_eq!(statements.height(), c.statements.len() + 1);
    let injected = statements
        .rows()
        .flat_map(|r| r.iter())
        .find(|d| matches!(d, Data::String(s) if s.starts_with("=HYPERLINK(")));
    assert!(
        injected.is_some(),
        "the =HYPERLINK( quote is a plain string cell"
    );
    assert_eq!(
        statements.get_value((1, 10)),
        Some(&Data::Float(c.statements[0].start as f64)),
        "start is a number"
    );

    let variants = wb.worksheet_range("Variants").expect("Variants");
    assert_eq!(
        variants.get_value((0, 9)),
        Some(&Data::String("diff".into()))
    );
    let members: usize = c.clusters.iter().map(|k| k.members.len()).sum();
    assert_eq!(variants.height(), members + 1);
    assert!(members > 0, "the seeds have quote variants");

    let about_sheet = wb.worksheet_range("About").expect("About");
    let about_text: Vec<String> = about_sheet
        .rows()
        .flatten()
        .map(|d| d.to_string())
        .collect();
    for needle in ["2025-04-25", "built-in", "stancetrack ", "seeds"] {
        assert!(
            about_text.iter().any(|t| t.contains(needle)),
            "About lacks {needle}"
        );
    }

    // No formulas, read two ways: calamine's formula view and the raw XML.
    for sheet in ["Matrix", "Statements", "Variants", "About"] {
        let formulas = wb.worksheet_formula(sheet).expect("formula range");
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{sheet} has a formula"
        );
    }
    let Some(workbook_xml) = zip_member(&path, "xl/workbook.xml") else {
        eprintln!("skipping the raw XML checks: python3 is not available");
        return;
    };
    assert!(workbook_xml.find("name=\"Matrix\"") < workbook_xml.find("name=\"Statements\""));
    for n in 1..=4 {
        let xml = zip_member(&path, &format!("xl/worksheets/sheet{n}.xml")).unwrap();
        assert!(
            !xml.contains("<f>") && !xml.contains("<f "),
            "sheet{n}.xml holds a formula"
        );
    }

    // The colour of an `against` cell, through its style to its fill.
    let sheet1 = zip_member(&path, "xl/worksheets/sheet1.xml").unwrap();
    let styles = zip_member(&path, "xl/styles.xml").unwrap();
    let (r, col) = matrix
        .used_cells()
        .find(|(r, c, d)| *r > 0 && *c >= 3 && matches!(d, Data::String(v) if v == "against"))
        .map(|(r, c, _)| (r as u32, c as u32))
        .expect("an against cell");
    let cell_ref = format!("{}{}", column_letters(col), r + 1);
    let cell_tag = &sheet1[sheet1
        .find(&format!("<c r=\"{cell_ref}\""))
        .expect("cell in sheet xml")..];
    let xf: usize = attr(cell_tag, "s").expect("styled").parse().unwrap();
    let fill: usize = attr(nth_in(&styles, "cellXfs", "xf", xf), "fillId")
        .expect("fill")
        .parse()
        .unwrap();
    let fill_xml = nth_in(&styles, "fills", "fill", fill);
    let fg = &fill_xml[fill_xml.find("<fgColor").expect("solid fill")..];
    assert_eq!(
        attr(fg, "rgb"),
        Some(format!("FF{:06X}", stance_rgb("against").unwrap()).as_str())
    );

    // The cell links to its first evidence row on the Statements sheet.
    let link = &sheet1[sheet1
        .find(&format!("<hyperlink ref=\"{cell_ref}\""))
        .expect("cell has a hyperlink")..];
    let location = attr(link, "location").expect("internal link");
    let target_row: u32 = location
        .strip_prefix("Statements!A")
        .expect("links to Statements column A")
        .parse()
        .unwrap();
    let actor = matrix.get_value((r, 0)).unwrap().to_string();
    let issue = &header[col as usize];
    let first = c.rows.iter().find(|x| x.actor == actor).unwrap().cells[issue]
        .evidence
        .first()
        .unwrap();
    assert_eq!(
        statements.get_value((target_row - 1, 0)),
        Some(&Data::String(first.to_string()))
    );
    // And carries a note with the counts.
    let comments = zip_member(&path, "xl/comments1.xml").unwrap();
    assert!(comments.contains("against"), "{comments}");
    assert!(comments.contains("(n = "), "{comments}");
}

#[test]
fn report_is_escaped_self_contained_and_deterministic() {
    let c = corpus(true);
    let page = render(&c);
    assert_eq!(page, render(&c), "deterministic");
    assert!(
        !page.contains(PWNED),
        "article text reached the page unescaped"
    );
    assert!(page.contains("&lt;script&gt;document.title="));
    assert!(!page.contains("<b>annexation"), "titles are escaped too");
    assert_eq!(
        page.matches("<script").count(),
        1,
        "only the report's own script"
    );
    // Nothing is loaded from elsewhere: links are fragments, there is no src.
    assert!(!page.contains(" src="));
    assert!(!page.contains("url("));
    assert!(!page.contains("@import"));
    for (at, _) in page.match_indices(" href=\"") {
        assert!(
            page[at + 7..].starts_with('#'),
            "external link: {}",
            &page[at..at + 60]
        );
    }
    // Every actor has a section and every heatmap row a link to it.
    assert_eq!(
        page.matches("<details class=\"actor panel\" id=").count(),
        c.rows.len()
    );
    // The hostile quote is listed with its context and a highlight.
    assert!(page.contains("<mark>We will never recognise the annexation of Crimea &lt;script&gt;"));
    // Word diffs are coloured spans.
    assert!(page.contains("<del>") && page.contains("<ins>"));

    // The Content-Security-Policy pins the inline script by its hash.
    let script = &page[page.find("<script>").unwrap() + 8..page.find("</script>").unwrap()];
    let hash = Command::new("python3")
        .args([
            "-c",
            "import sys, hashlib, base64; print(base64.b64encode(hashlib.sha256(sys.stdin.buffer.read()).digest()).decode())",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(script.as_bytes())?;
            child.wait_with_output()
        });
    match hash {
        Ok(out) if out.status.success() => {
            let hash = String::from_utf8_lossy(&out.stdout).trim().to_string();
            assert!(
                page.contains(&format!("script-src 'sha256-{hash}'")),
                "templates/report.html: the script changed; set its CSP hash to sha256-{hash}"
            );
        }
        _ => eprintln!("skipping the CSP hash check: python3 is not available"),
    }
}

/// Runs Chromium headless with `args`, stdout to a file, killed after a
/// minute; returns stdout.
fn chromium(profile: &Path, args: &[String]) -> String {
    let out_path = profile.with_extension("out");
    let out = fs::File::create(&out_path).expect("stdout file");
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    fs::read_to_string(&out_path).expect("chromium output")
}

fn file_url(path: &Path, fragment: &str) -> String {
    let path = path.canonicalize().expect("absolute path");
    format!("file://{}{fragment}", path.display())
}

#[test]
fn report_renders_in_headless_chromium_and_the_injected_script_does_not_run() {
    if !Path::new(CHROMIUM).exists() {
        eprintln!("skipping: {CHROMIUM} not found (apt-get install chromium)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");

    // The hostile corpus: the heatmap renders, our script runs, theirs does not.
    let c = corpus(true);
    let report = dir.path().join("report.html");
    fs::write(&report, render(&c)).unwrap();
    let dom = chromium(
        &dir.path().join("profile-dom"),
        &["--dump-dom".into(), file_url(&report, "")],
    );
    assert!(
        dom.contains("<table class=\"heatmap\">"),
        "no heatmap:\n{dom}"
    );
    assert!(dom.contains("class=\"cell v-against\""), "no coloured cell");
    assert!(
        dom.contains("data-js=\"ready\""),
        "the report's script did not run"
    );
    assert!(
        dom.contains("<title>stancetrack report</title>"),
        "title changed"
    );
    assert!(!dom.contains("pwned</title>"), "the injected script ran");
    assert!(
        dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"),
        "the injected script is not shown as text"
    );

    // The seeds alone, opened on the busiest cell: the evidence panel lists
    // its statements. This is the README's screenshot.
    let c = corpus(false);
    let report = dir.path().join("seeds-report.html");
    fs::write(&report, render(&c)).unwrap();
    let (r, i, n) =
        c.rows
            .iter()
            .enumerate()
            .flat_map(|(r, row)| {
                c.issues.iter().enumerate().filter_map(move |(i, issue)| {
                    row.cells.get(issue).map(|cell| (r, i, cell.count()))
                })
            })
            .max_by_key(|&(r, i, n)| (n, std::cmp::Reverse((r, i))))
            .expect("a non-empty cell");
    let fragment = format!("#c-{}-{}", r + 1, i + 1);
    let dom = chromium(
        &dir.path().join("profile-seeds"),
        &["--dump-dom".into(), file_url(&report, &fragment)],
    );
    let panel = &dom[dom.find("class=\"detail-cards\"").expect("panel")..];
    let panel = &panel[..panel.find("</aside>").unwrap_or(panel.len())];
    assert_eq!(
        panel.matches("<article class=\"card\"").count(),
        n,
        "{panel}"
    );

    let png = dir.path().join("report.png");
    chromium(
        &dir.path().join("profile-shot"),
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1280,900".into(),
            file_url(&report, &fragment),
        ],
    );
    let bytes = fs::read(&png).expect("screenshot written");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(bytes.len() > 10_000, "suspiciously small screenshot");
    if std::env::var("STANCETRACK_UPDATE_SCREENSHOT").as_deref() == Ok("1") {
        assert!(
            bytes.len() < 300_000,
            "screenshot too large: {} bytes",
            bytes.len()
        );
        let docs = root().join("docs");
        fs::create_dir_all(&docs).unwrap();
        fs::copy(&png, docs.join("report.png")).unwrap();
        eprintln!("updated docs/report.png ({} bytes)", bytes.len());
    }
}
