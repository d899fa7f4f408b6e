//! Writes a run's output files while statements stream through:
//! `quotes.csv` and `quotes.jsonl` row by row, the stance matrices as
//! counts and evidence ids, the quote variants through a speaker-bucketed
//! spool ([`VariantSpool`]). Everything goes to temporary files in a work
//! folder inside the output folder; [`OutputWriter::finish`] renames them
//! into place together, the main quotes file last, so an interrupted run
//! leaves the previous set of outputs.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::matrix::MatrixBuilder;
use crate::record::Record;
use crate::report::{self, safe_cell, CsvOptions};
use crate::speaker_merge::SpeakerMerge;
use crate::statement::Statement;
use crate::variant_spool::{SpoolLine, VariantSpool};
use crate::variants::{self, VariantOptions};

/// Which files a run writes.
#[derive(Debug, Clone, Copy)]
pub struct OutputOptions {
    /// Cell neutralisation.
    pub csv: CsvOptions,
    /// Write `quotes.csv`.
    pub quotes_csv: bool,
    /// Write `quotes.jsonl`.
    pub quotes_jsonl: bool,
    /// Also write `stance_matrix_by_affiliation.csv`.
    pub by_affiliation: bool,
    /// Worker threads for clustering (default: all cores).
    pub jobs: Option<usize>,
}

impl Default for OutputOptions {
    fn default() -> Self {
        OutputOptions {
            csv: CsvOptions::default(),
            quotes_csv: true,
            quotes_jsonl: false,
            by_affiliation: false,
            jobs: None,
        }
    }
}

/// A temporary folder inside the output folder, removed when dropped (also
/// when a run fails half-way).
#[derive(Debug)]
pub struct WorkDir(PathBuf);

impl WorkDir {
    /// Creates `.stancetrack-work-PID` in `out`.
    pub fn create(out: &Path) -> io::Result<WorkDir> {
        let dir = out.join(format!(".stancetrack-work-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir_all(&dir)?;
        Ok(WorkDir(dir))
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// CSV writer with CRLF rows and spreadsheet-safe cells, like every CSV
/// stancetrack writes.
fn csv_writer(path: &Path) -> io::Result<csv::Writer<BufWriter<File>>> {
    Ok(csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BufWriter::with_capacity(1 << 16, File::create(path)?)))
}

fn write_row<W: Write, S: AsRef<str>>(
    w: &mut csv::Writer<W>,
    row: &[S],
    opts: CsvOptions,
) -> io::Result<()> {
    if row.len() <= 1 {
        // `write_record` writes a lone empty field as `""`.
        return w
            .write_record(
                row.iter()
                    .map(|c| safe_cell(c.as_ref(), opts.raw).into_owned()),
            )
            .map_err(io::Error::other);
    }
    // Cell by cell: a cell that needs no guard is written as it is, not
    // copied first.
    for cell in row {
        w.write_field(safe_cell(cell.as_ref(), opts.raw).as_bytes())
            .map_err(io::Error::other)?;
    }
    w.write_record(None::<&[u8]>).map_err(io::Error::other)
}

/// One CSV row as bytes, with the same quoting and CRLF terminator as
/// [`csv_writer`], so rows rendered apart concatenate into one valid file.
/// Every statement's `quotes.csv` row is encoded here: written directly
/// rather than through a CSV writer's buffers and state for each row.
fn csv_row_bytes<S: AsRef<str>>(row: &[S], opts: Option<CsvOptions>) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(row.iter().map(|c| c.as_ref().len() + 1).sum::<usize>() + 8);
    for (k, cell) in row.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        match opts {
            Some(opts) => push_csv_field(&mut out, safe_cell(cell.as_ref(), opts.raw).as_bytes()),
            None => push_csv_field(&mut out, cell.as_ref().as_bytes()),
        }
    }
    // A record that would be an empty line is one empty field, quoted
    // (what the CSV writer does for it).
    if out.is_empty() {
        out.extend_from_slice(b"\"\"");
    }
    out.extend_from_slice(b"\r\n");
    Ok(out)
}

/// Appends `field` as a CSV field: quoted, with quotes doubled, when it
/// holds a comma, a quote or a line break (the CSV writer's `Necessary`
/// quoting for these delimiters and terminators).
fn push_csv_field(out: &mut Vec<u8>, field: &[u8]) {
    /// The bytes that make a field quoted.
    const SPECIAL: [bool; 256] = {
        let mut table = [false; 256];
        table[b',' as usize] = true;
        table[b'"' as usize] = true;
        table[b'\r' as usize] = true;
        table[b'\n' as usize] = true;
        table
    };
    let special = |b: &u8| SPECIAL[usize::from(*b)];
    // Eight bytes per step: a row's cells are every statement's text.
    let mut chunks = field.chunks_exact(8);
    let needs_quotes = chunks
        .by_ref()
        .any(|c| c.iter().fold(false, |q, b| q | special(b)))
        || chunks.remainder().iter().any(special);
    if !needs_quotes {
        out.extend_from_slice(field);
        return;
    }
    out.push(b'"');
    // Copied in runs between quotes, each quote doubled.
    let mut rest = field;
    while let Some(q) = memchr::memchr(b'"', rest) {
        out.extend_from_slice(&rest[..=q]);
        out.push(b'"');
        rest = &rest[q + 1..];
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

/// Renders a statement's lines of the row-by-row outputs (the `quotes.csv`
/// row, the `quotes.jsonl` line, the variant spool line). It holds no file
/// and no corpus state, so the second pass of a run renders on every worker
/// thread and the one writer only appends bytes in corpus order.
#[derive(Debug, Clone)]
pub struct RowRenderer {
    issues: Vec<String>,
    opts: OutputOptions,
    buckets: usize,
}

/// A statement's rendered lines, for [`OutputWriter::write`].
#[derive(Debug)]
pub struct RenderedRow {
    quotes_csv: Vec<u8>,
    quotes_jsonl: String,
    variant: Option<SpoolLine>,
    merged: Statement,
}

impl RowRenderer {
    /// Renders `found` (as extracted) after the corpus-wide speaker merge.
    /// The statement as extracted is kept beside the merged one only for
    /// `quotes.jsonl`, the one output that shows both.
    pub fn render(&self, found: Statement, merge: &SpeakerMerge) -> io::Result<RenderedRow> {
        let original = self.opts.quotes_jsonl.then(|| found.clone());
        let mut merged = found;
        merge.apply(&mut merged);
        let quotes_csv = if self.opts.quotes_csv {
            csv_row_bytes(
                &report::quote_record(&merged, &self.issues),
                Some(self.opts.csv),
            )?
        } else {
            Vec::new()
        };
        let quotes_jsonl = original
            .map(|found| Record::new(&found, &merged).to_line())
            .unwrap_or_default();
        Ok(RenderedRow {
            quotes_csv,
            quotes_jsonl,
            variant: SpoolLine::render(&merged, self.buckets)?,
            merged,
        })
    }
}

/// The streaming writer of one run's outputs.
#[derive(Debug)]
pub struct OutputWriter {
    out: PathBuf,
    work: PathBuf,
    renderer: RowRenderer,
    quotes_csv: Option<BufWriter<File>>,
    quotes_jsonl: Option<BufWriter<File>>,
    matrix: MatrixBuilder,
    by_affiliation: Option<MatrixBuilder>,
    variants: VariantSpool,
}

impl OutputWriter {
    /// Starts the files for `out`, with temporaries in `work` (a folder on
    /// the same file system), for a corpus of about `expected` statements.
    pub fn create(
        out: &Path,
        work: &Path,
        issues: Vec<String>,
        opts: OutputOptions,
        expected: usize,
    ) -> io::Result<OutputWriter> {
        let quotes_csv = if opts.quotes_csv {
            let mut w = BufWriter::with_capacity(1 << 16, File::create(work.join("quotes.csv"))?);
            // Headers are ours, written as they are (like report::quotes_csv).
            w.write_all(&csv_row_bytes(&report::quotes_header(&issues), None)?)?;
            Some(w)
        } else {
            None
        };
        let quotes_jsonl = if opts.quotes_jsonl {
            Some(BufWriter::with_capacity(
                1 << 16,
                File::create(work.join("quotes.jsonl"))?,
            ))
        } else {
            None
        };
        let variants = VariantSpool::create(&work.join("variants"), expected)?;
        Ok(OutputWriter {
            out: out.to_path_buf(),
            work: work.to_path_buf(),
            renderer: RowRenderer {
                issues,
                opts,
                buckets: variants.buckets(),
            },
            quotes_csv,
            quotes_jsonl,
            matrix: MatrixBuilder::by_actor(),
            by_affiliation: opts.by_affiliation.then(MatrixBuilder::by_affiliation),
            variants,
        })
    }

    /// The renderer of this writer's rows, to render on other threads.
    pub fn renderer(&self) -> &RowRenderer {
        &self.renderer
    }

    /// Adds the next statement of the corpus, rendered by
    /// [`RowRenderer::render`] (on any thread); gives the merged statement
    /// back.
    pub fn write(&mut self, row: RenderedRow) -> io::Result<Statement> {
        if let Some(w) = &mut self.quotes_csv {
            w.write_all(&row.quotes_csv)?;
        }
        if let Some(w) = &mut self.quotes_jsonl {
            w.write_all(row.quotes_jsonl.as_bytes())?;
        }
        self.matrix.add(&row.merged);
        if let Some(m) = &mut self.by_affiliation {
            m.add(&row.merged);
        }
        self.variants.push_line(row.variant)?;
        Ok(row.merged)
    }

    /// Writes the matrices and variants and renames every file into place.
    ///
    /// Every file is on disk (`fsync`) before any is renamed. The files
    /// finished before the clustering are synced on a thread of their own
    /// while it runs, and the two variant files side by side: waiting for
    /// the disk one file after the other left both cores idle for a tenth
    /// of a second per file at the end of a big run.
    pub fn finish(self) -> io::Result<()> {
        let csv = self.renderer.opts.csv;
        let issues = &self.renderer.issues;
        let mut done: Vec<(PathBuf, &str)> = Vec::new();
        let mut written: Vec<File> = Vec::new();
        if let Some(w) = self.quotes_csv {
            written.push(flushed(w)?);
            done.push((self.work.join("quotes.csv"), "quotes.csv"));
        }
        if let Some(w) = self.quotes_jsonl {
            written.push(flushed(w)?);
            done.push((self.work.join("quotes.jsonl"), "quotes.jsonl"));
        }
        let path = self.work.join("stance_matrix.csv");
        written.push(write_matrix(&path, self.matrix, issues, csv)?);
        done.push((path, "stance_matrix.csv"));
        if let Some(m) = self.by_affiliation {
            let path = self.work.join("stance_matrix_by_affiliation.csv");
            written.push(write_matrix(&path, m, issues, csv)?);
            done.push((path, "stance_matrix_by_affiliation.csv"));
        }
        let variants = self.variants;
        let jobs = self.renderer.opts.jobs;
        let work = &self.work;
        std::thread::scope(|scope| -> io::Result<()> {
            let synced = scope.spawn(move || sync_all(written));
            let (variants_csv, md) = write_variants(work, variants, csv, jobs)?;
            let variants_synced = scope.spawn(move || variants_csv.sync_all());
            md.sync_all()?;
            joined(variants_synced)?;
            joined(synced)
        })?;
        done.push((self.work.join("variants.csv"), "variants.csv"));
        done.push((self.work.join("variants.md"), "variants.md"));
        // The first file (quotes.csv, else quotes.jsonl) is renamed last.
        let renames: Vec<(PathBuf, PathBuf)> = done
            .into_iter()
            .map(|(tmp, name)| (tmp, self.out.join(name)))
            .collect();
        report::rename_into_place(&renames)
    }
}

/// Clusters the variant spool and writes `variants.csv` and `variants.md`
/// in `work`; gives both files back flushed, not yet synced.
fn write_variants(
    work: &Path,
    variants: VariantSpool,
    csv: CsvOptions,
    jobs: Option<usize>,
) -> io::Result<(File, File)> {
    let mut variants_csv =
        BufWriter::with_capacity(1 << 16, File::create(work.join("variants.csv"))?);
    variants_csv.write_all(&csv_row_bytes(&variants::COLUMNS, Some(csv))?)?;
    let mut md = BufWriter::new(File::create(work.join("variants.md"))?);
    let clusters = variants.finish(&VariantOptions::default(), jobs)?;
    md.write_all(variants::markdown_header(clusters.count).as_bytes())?;
    clusters.emit_all(
        |statements, cluster| {
            let mut rows = Vec::new();
            for row in variants::csv_rows(statements, cluster) {
                rows.extend(csv_row_bytes(&row, Some(csv))?);
            }
            let mut section = String::new();
            variants::markdown_cluster(&mut section, statements, cluster);
            Ok((rows, section))
        },
        |(rows, section)| {
            variants_csv.write_all(&rows)?;
            md.write_all(section.as_bytes())
        },
    )?;
    Ok((flushed(variants_csv)?, flushed(md)?))
}

fn sync_all(files: Vec<File>) -> io::Result<()> {
    files.iter().try_for_each(File::sync_all)
}

/// The result of a syncing thread; its panic as an error.
fn joined(handle: std::thread::ScopedJoinHandle<'_, io::Result<()>>) -> io::Result<()> {
    handle
        .join()
        .unwrap_or_else(|_| Err(io::Error::other("a thread syncing the outputs panicked")))
}

fn flushed_csv(w: csv::Writer<BufWriter<File>>) -> io::Result<File> {
    let inner = w
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?;
    flushed(inner)
}

/// The file behind `w`, its buffer written out (not yet synced).
fn flushed(mut w: BufWriter<File>) -> io::Result<File> {
    w.flush()?;
    w.into_inner().map_err(|e| e.into_error())
}

/// Writes a matrix row by row as the builder hands its rows over, so the
/// rendered file (megabytes of evidence ids on a big corpus) is never held
/// in memory next to the matrix.
fn write_matrix(
    path: &Path,
    matrix: MatrixBuilder,
    issues: &[String],
    csv: CsvOptions,
) -> io::Result<File> {
    let mut w = csv_writer(path)?;
    // Headers are ours, written as they are (like report::matrix_csv).
    w.write_record(report::matrix_header(issues))
        .map_err(io::Error::other)?;
    for row in matrix.into_rows() {
        if let Some(record) = report::matrix_record(&row, issues) {
            write_row(&mut w, &record, csv)?;
        }
    }
    flushed_csv(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The row [`csv::Writer`] writes for `row`, CRLF-terminated.
    fn written_by_csv(row: &[String]) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .flexible(true)
            .from_writer(Vec::new());
        w.write_record(row).unwrap();
        w.into_inner().unwrap()
    }

    proptest::proptest! {
        /// Rows encoded directly are the CSV writer's rows, byte for byte:
        /// quoting, doubled quotes, empty cells and the lone empty cell.
        #[test]
        fn rows_are_encoded_as_the_csv_writer_encodes_them(
            row in proptest::collection::vec("([a-z ,\"\r\n;'=+-]|é|“){0,12}", 0..6)
        ) {
            proptest::prop_assert_eq!(csv_row_bytes(&row, None).unwrap(), written_by_csv(&row));
        }
    }

    #[test]
    fn a_row_of_one_empty_cell_is_a_quoted_empty_field() {
        assert_eq!(csv_row_bytes(&[""], None).unwrap(), b"\"\"\r\n");
        assert_eq!(csv_row_bytes(&["", ""], None).unwrap(), b",\r\n");
        assert_eq!(
            csv_row_bytes(&["a \"b\"", "c,d"], None).unwrap(),
            b"\"a \"\"b\"\"\",\"c,d\"\r\n"
        );
    }
}
