//! Reading articles: `.txt` files, folders (recursively, sorted by path),
//! `.jsonl` files (one article per line) and an optional CSV manifest that
//! adds outlet, date, url and title to `.txt` inputs.
//!
//! Every problem is reported per article with its location and the rest of
//! the corpus goes on; [`Input::next`] yields articles one at a time so the
//! corpus is never held in memory.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::document::Document;
use crate::error::{Error, Location};

/// Metadata for `.txt` inputs, keyed by file name or path.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    rows: HashMap<String, ManifestRow>,
}

/// One manifest row.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
pub struct ManifestRow {
    /// The file (name or path) the row describes.
    pub file: String,
    /// Outlet.
    #[serde(default)]
    pub outlet: String,
    /// Date.
    #[serde(default)]
    pub date: String,
    /// URL.
    #[serde(default)]
    pub url: String,
    /// Headline.
    #[serde(default)]
    pub title: String,
}

impl Manifest {
    /// Reads a manifest CSV (columns `file,outlet,date,url,title`).
    pub fn read(path: &Path) -> Result<Manifest, Error> {
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .from_path(path)
            .map_err(|e| csv_error(path, e))?;
        let mut rows = HashMap::new();
        for rec in rdr.deserialize::<ManifestRow>() {
            let row = rec.map_err(|e| csv_error(path, e))?;
            rows.insert(row.file.clone(), row);
        }
        Ok(Manifest { rows })
    }

    /// The row for a `.txt` path (matched by full path, then file name).
    pub fn get(&self, path: &Path) -> Option<&ManifestRow> {
        self.rows
            .get(&path.to_string_lossy().to_string())
            .or_else(|| {
                let name = path.file_name()?.to_string_lossy().to_string();
                self.rows.get(&name)
            })
    }

    /// Manifest entries naming files that are not among `seen` (file names or paths).
    pub fn missing(&self, seen: &HashSet<String>) -> Vec<String> {
        let mut out: Vec<String> = self
            .rows
            .keys()
            .filter(|k| {
                let name = Path::new(k)
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string());
                !seen.contains(*k) && name.is_none_or(|n| !seen.contains(&n))
            })
            .cloned()
            .collect();
        out.sort();
        out
    }
}

fn csv_error(path: &Path, e: csv::Error) -> Error {
    let line = e.position().map(|p| p.line() as usize);
    Error::Malformed {
        loc: Location {
            path: path.to_path_buf(),
            line,
            offset: None,
        },
        message: format!("manifest: {e}"),
    }
}

/// How to treat bytes that are not UTF-8.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Utf8Policy {
    /// Skip the article with an error.
    #[default]
    Strict,
    /// Replace bad bytes with U+FFFD and warn.
    Lossy,
}

/// What reading one input produced.
#[derive(Debug)]
pub enum Item {
    /// An article, with a warning when something was repaired.
    Article(Document, Option<String>),
    /// A problem; the input (or one record of it) was skipped.
    Skipped(Error),
}

/// The expanded list of input files, read lazily.
#[derive(Debug)]
pub struct Input {
    files: Vec<PathBuf>,
    pending: Vec<Item>,
    manifest: Manifest,
    policy: Utf8Policy,
    ids: SeenIds,
    /// File names and paths seen, to report manifest rows with no file.
    pub seen: HashSet<String>,
    jsonl: Option<(PathBuf, LineSource, usize)>,
    /// Bytes read so far (for progress reports).
    pub bytes_read: u64,
}

/// The ids of the articles read so far, so a duplicate is skipped.
///
/// The table lives as long as the run, so it keeps a 128-bit hash of each id
/// and where the id was first seen (an index into the input paths and a
/// line), a few dozen bytes an article instead of two strings: the
/// 78,000 articles of a 400 MB corpus cost 4 MB rather than 12. Two ids share a hash with
/// probability about 2^-128 per pair, so no article is wrongly skipped in
/// any corpus there is.
#[derive(Debug, Default)]
struct SeenIds {
    first: HashMap<u128, (usize, Option<usize>)>,
    paths: Vec<PathBuf>,
}

impl SeenIds {
    /// Records the id of the article at `loc`; when it was seen before,
    /// returns where (`path:line` or `path`) and records nothing.
    fn insert(&mut self, id: &str, loc: &Location) -> Option<String> {
        let key = id_hash(id);
        if let Some(&(path, line)) = self.first.get(&key) {
            let path = self.paths[path].display();
            return Some(match line {
                Some(line) => format!("{path}:{line}"),
                None => path.to_string(),
            });
        }
        // Articles of one file come together: the path is stored once.
        if self.paths.last() != Some(&loc.path) {
            self.paths.push(loc.path.clone());
        }
        self.first.insert(key, (self.paths.len() - 1, loc.line));
        None
    }
}

/// Two SipHash passes with different prefixes: a 128-bit hash of an id.
fn id_hash(id: &str) -> u128 {
    use std::hash::{Hash, Hasher};
    let half = |prefix: u8| {
        let mut h = std::hash::DefaultHasher::new();
        prefix.hash(&mut h);
        id.hash(&mut h);
        h.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
}

/// Where JSONL lines come from: a file or standard input.
struct LineSource(Box<dyn BufRead + Send>);

impl std::fmt::Debug for LineSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LineSource")
    }
}

impl Input {
    /// Expands paths (folders recursively, sorted) into input files.
    /// Missing paths become skipped items, reported when reached.
    pub fn new(paths: &[PathBuf], manifest: Manifest, policy: Utf8Policy) -> Input {
        let mut files = Vec::new();
        let mut pending = Vec::new();
        for p in paths {
            match fs::metadata(p) {
                Ok(m) if m.is_dir() => {
                    let mut visited = HashSet::new();
                    walk(p, &mut files, &mut pending, &mut visited);
                }
                Ok(m) if m.is_file() => files.push(p.clone()),
                // A FIFO or device would block the run: only regular files.
                Ok(_) => pending.push(Item::Skipped(Error::Malformed {
                    loc: Location {
                        path: p.clone(),
                        ..Location::default()
                    },
                    message: "not a regular file (pipe, socket or device), skipped".into(),
                })),
                Err(e) => pending.push(Item::Skipped(Error::io(p, e))),
            }
        }
        files.reverse();
        pending.reverse();
        Input {
            files,
            pending,
            manifest,
            policy,
            ids: SeenIds::default(),
            seen: HashSet::new(),
            jsonl: None,
            bytes_read: 0,
        }
    }

    /// Total size of the input files (for progress reports).
    pub fn total_bytes(&self) -> u64 {
        self.files
            .iter()
            .filter_map(|f| fs::metadata(f).ok())
            .map(|m| m.len())
            .sum()
    }

    /// Articles from JSONL lines read from `reader` (standard input for
    /// `stancetrack extract`); errors name `name` and the line number.
    pub fn from_jsonl_reader(name: &str, reader: Box<dyn BufRead + Send>) -> Input {
        let mut input = Input::new(&[], Manifest::default(), Utf8Policy::Strict);
        input.jsonl = Some((PathBuf::from(name), LineSource(reader), 0));
        input
    }

    /// Replaces the policy for invalid UTF-8.
    pub fn with_policy(mut self, policy: Utf8Policy) -> Input {
        self.policy = policy;
        self
    }

    fn next_jsonl(&mut self) -> Option<Item> {
        let (path, reader, line_no) = self.jsonl.as_mut()?;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            *line_no += 1;
            match read_line_bytes(&mut reader.0, &mut buf) {
                Ok(0) => {
                    self.jsonl = None;
                    return None;
                }
                Ok(n) => self.bytes_read += n as u64,
                Err(e) => {
                    let err = Error::io(path.clone(), e);
                    self.jsonl = None;
                    return Some(Item::Skipped(err));
                }
            }
            let loc = Location {
                path: path.clone(),
                line: Some(*line_no),
                offset: None,
            };
            let (text, warning) = match decode(&buf, &loc, self.policy) {
                Ok(x) => x,
                Err(e) => return Some(Item::Skipped(e)),
            };
            if text.trim().is_empty() {
                continue;
            }
            let rec: JsonArticle = match serde_json::from_str(text.trim()) {
                Ok(r) => r,
                Err(e) => {
                    return Some(Item::Skipped(Error::Malformed {
                        loc,
                        message: format!("not a JSON article ({e})"),
                    }))
                }
            };
            if rec.text.trim().is_empty() {
                return Some(Item::Skipped(Error::Empty { loc }));
            }
            let doc = Document {
                outlet: rec.outlet.unwrap_or_default(),
                date: rec.date.unwrap_or_default(),
                title: rec.title.unwrap_or_default(),
                url: rec.url.unwrap_or_default(),
                text: rec.text,
                id: rec.id,
            };
            return Some(self.check_id(doc, warning, loc));
        }
    }

    fn check_id(&mut self, doc: Document, warning: Option<String>, loc: Location) -> Item {
        if let Some(first) = self.ids.insert(&doc.id, &loc) {
            return Item::Skipped(Error::DuplicateId {
                loc,
                id: doc.id,
                first,
            });
        }
        Item::Article(doc, warning)
    }

    fn read_txt(&mut self, path: &Path) -> Item {
        self.seen.insert(path.to_string_lossy().to_string());
        if let Some(name) = path.file_name() {
            self.seen.insert(name.to_string_lossy().to_string());
        }
        let loc = Location {
            path: path.to_path_buf(),
            line: None,
            offset: None,
        };
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) => return Item::Skipped(Error::io(path, e)),
        };
        self.bytes_read += bytes.len() as u64;
        let (text, warning) = match decode(&bytes, &loc, self.policy) {
            Ok(x) => x,
            Err(e) => return Item::Skipped(e),
        };
        if text.trim().is_empty() {
            return Item::Skipped(Error::Empty { loc });
        }
        let id = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().to_string());
        let stem = path
            .file_stem()
            .map_or_else(String::new, |n| n.to_string_lossy().to_string());
        let row = self.manifest.get(path).cloned().unwrap_or_default();
        let title = if row.title.is_empty() {
            // `lines` does not split on a lone CR (old Mac files).
            text.split(['\r', '\n'])
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or("")
                .to_string()
        } else {
            row.title
        };
        let doc = Document {
            id,
            outlet: if row.outlet.is_empty() {
                stem
            } else {
                row.outlet
            },
            date: row.date,
            title,
            url: row.url,
            text,
        };
        self.check_id(doc, warning, loc)
    }
}

impl Iterator for Input {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.pending.pop() {
                return Some(item);
            }
            if self.jsonl.is_some() {
                if let Some(item) = self.next_jsonl() {
                    return Some(item);
                }
                continue;
            }
            let path = self.files.pop()?;
            let is_jsonl = path
                .extension()
                .is_some_and(|e| e == "jsonl" || e == "ndjson");
            if is_jsonl {
                match fs::File::open(&path) {
                    Ok(f) => {
                        let reader = LineSource(Box::new(BufReader::with_capacity(1 << 16, f)));
                        self.jsonl = Some((path, reader, 0));
                    }
                    Err(e) => return Some(Item::Skipped(Error::io(&path, e))),
                }
                continue;
            }
            return Some(self.read_txt(&path));
        }
    }
}

/// Whether articles from this input have a headline as their first line.
pub fn has_headline(doc: &Document) -> bool {
    !doc.title.is_empty() && doc.text.trim_start().starts_with(doc.title.as_str())
}

#[derive(Debug, Deserialize)]
struct JsonArticle {
    id: String,
    text: String,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    pending: &mut Vec<Item>,
    visited: &mut HashSet<PathBuf>,
) {
    let canonical = match fs::canonicalize(dir) {
        Ok(c) => c,
        Err(e) => {
            pending.push(Item::Skipped(Error::io(dir, e)));
            return;
        }
    };
    if !visited.insert(canonical) {
        pending.push(Item::Skipped(Error::Malformed {
            loc: Location {
                path: dir.to_path_buf(),
                ..Location::default()
            },
            message: "directory loop (symbolic link back to a parent), not followed".into(),
        }));
        return;
    }
    let mut entries: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            pending.push(Item::Skipped(Error::io(dir, e)));
            return;
        }
    };
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, files, pending, visited);
        } else if p
            .extension()
            .is_some_and(|e| e == "txt" || e == "jsonl" || e == "ndjson")
        {
            if p.is_file() {
                files.push(p);
            } else {
                // A FIFO or socket named like an article would block the run.
                pending.push(Item::Skipped(Error::Malformed {
                    loc: Location {
                        path: p,
                        ..Location::default()
                    },
                    message: "not a regular file (pipe, socket or device), skipped".into(),
                }));
            }
        }
    }
}

/// Appends the next line of `reader` to `buf`, its `\n` included, and
/// returns its length (0 at the end): [`BufRead::read_until`] with a
/// vectorised search for the newline (the standard one goes a word at a
/// time, and every byte of a corpus and of the spools is searched).
///
/// ```
/// use std::io::BufRead;
/// let mut reader: &[u8] = b"one\ntwo";
/// let mut buf = Vec::new();
/// assert_eq!(stancetrack::ingest::read_line_bytes(&mut reader, &mut buf).unwrap(), 4);
/// assert_eq!(stancetrack::ingest::read_line_bytes(&mut reader, &mut buf).unwrap(), 3);
/// assert_eq!(buf, b"one\ntwo");
/// ```
pub fn read_line_bytes<R: BufRead + ?Sized>(
    reader: &mut R,
    buf: &mut Vec<u8>,
) -> io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (done, used) = match memchr::memchr(b'\n', available) {
            Some(i) => {
                buf.extend_from_slice(&available[..=i]);
                (true, i + 1)
            }
            None => {
                buf.extend_from_slice(available);
                (available.is_empty(), available.len())
            }
        };
        reader.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

/// Decodes bytes as UTF-8 (with BOM handling, UTF-16 with BOM, NUL check).
pub fn decode(
    bytes: &[u8],
    loc: &Location,
    policy: Utf8Policy,
) -> Result<(String, Option<String>), Error> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode(rest, loc, policy);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        let text = String::from_utf16_lossy(&units);
        return Ok((text, Some(format!("{loc}: UTF-16 text converted to UTF-8"))));
    }
    if let Some(pos) = memchr::memchr(0, bytes) {
        return Err(Error::Binary {
            loc: Location {
                offset: Some(pos),
                ..loc.clone()
            },
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), None)),
        Err(e) => match policy {
            Utf8Policy::Strict => Err(Error::InvalidUtf8 {
                loc: Location {
                    offset: Some(e.valid_up_to()),
                    ..loc.clone()
                },
            }),
            Utf8Policy::Lossy => Ok((
                String::from_utf8_lossy(bytes).into_owned(),
                Some(format!(
                    "{loc}: invalid UTF-8 at byte {} replaced",
                    e.valid_up_to()
                )),
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Lines come out as `read_until` gives them, wherever the reader's
        /// buffer cuts them.
        #[test]
        fn lines_read_like_read_until(text in "(a|\n|\r|é| ){0,60}", capacity in 1usize..9) {
            let mut ours = BufReader::with_capacity(capacity, text.as_bytes());
            let mut theirs = BufReader::with_capacity(capacity, text.as_bytes());
            loop {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                let n = read_line_bytes(&mut ours, &mut a).unwrap();
                proptest::prop_assert_eq!(n, theirs.read_until(b'\n', &mut b).unwrap());
                proptest::prop_assert_eq!(&a, &b);
                if n == 0 {
                    break;
                }
            }
        }
    }

    fn at(path: &str, line: Option<usize>) -> Location {
        Location {
            path: PathBuf::from(path),
            line,
            offset: None,
        }
    }

    #[test]
    fn a_duplicate_id_names_where_it_was_first_seen_across_files() {
        let mut ids = SeenIds::default();
        assert_eq!(ids.insert("a", &at("one.jsonl", Some(1))), None);
        assert_eq!(ids.insert("b", &at("one.jsonl", Some(2))), None);
        assert_eq!(ids.insert("c.txt", &at("dir/c.txt", None)), None);
        assert_eq!(
            ids.insert("b", &at("two.jsonl", Some(7))),
            Some("one.jsonl:2".to_string())
        );
        assert_eq!(
            ids.insert("c.txt", &at("two.jsonl", Some(8))),
            Some("dir/c.txt".to_string())
        );
        // Ids that differ only slightly are different articles.
        assert_eq!(ids.insert("a ", &at("two.jsonl", Some(9))), None);
        assert_eq!(ids.insert("A", &at("two.jsonl", Some(10))), None);
    }
}
