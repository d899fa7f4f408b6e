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
use crate::statement::Statement;
use crate::variant_spool::VariantSpool;
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
    w.write_record(
        row.iter()
            .map(|c| safe_cell(c.as_ref(), opts.raw).into_owned()),
    )
    .map_err(io::Error::other)
}

/// The streaming writer of one run's outputs.
#[derive(Debug)]
pub struct OutputWriter {
    out: PathBuf,
    work: PathBuf,
    issues: Vec<String>,
    opts: OutputOptions,
    quotes_csv: Option<csv::Writer<BufWriter<File>>>,
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
            let mut w = csv_writer(&work.join("quotes.csv"))?;
            // Headers are ours, written as they are (like report::quotes_csv).
            w.write_record(report::quotes_header(&issues))
                .map_err(io::Error::other)?;
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
        Ok(OutputWriter {
            out: out.to_path_buf(),
            work: work.to_path_buf(),
            issues,
            opts,
            quotes_csv,
            quotes_jsonl,
            matrix: MatrixBuilder::by_actor(),
            by_affiliation: opts.by_affiliation.then(MatrixBuilder::by_affiliation),
            variants: VariantSpool::create(&work.join("variants"), expected)?,
        })
    }

    /// Adds the next statement of the corpus: `found` as extracted, `merged`
    /// after the corpus-wide speaker merge.
    pub fn push(&mut self, found: &Statement, merged: &Statement) -> io::Result<()> {
        if let Some(w) = &mut self.quotes_csv {
            write_row(
                w,
                &report::quote_record(merged, &self.issues),
                self.opts.csv,
            )?;
        }
        if let Some(w) = &mut self.quotes_jsonl {
            w.write_all(Record::new(found, merged).to_line().as_bytes())?;
        }
        self.matrix.add(merged);
        if let Some(m) = &mut self.by_affiliation {
            m.add(merged);
        }
        self.variants.push(merged)
    }

    /// Writes the matrices and variants and renames every file into place.
    pub fn finish(self) -> io::Result<()> {
        let csv = self.opts.csv;
        let mut done: Vec<(PathBuf, &str)> = Vec::new();
        if let Some(w) = self.quotes_csv {
            flush_csv(w)?;
            done.push((self.work.join("quotes.csv"), "quotes.csv"));
        }
        if let Some(mut w) = self.quotes_jsonl {
            w.flush()?;
            w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
            done.push((self.work.join("quotes.jsonl"), "quotes.jsonl"));
        }
        let path = self.work.join("stance_matrix.csv");
        write_matrix(&path, self.matrix, &self.issues, csv)?;
        done.push((path, "stance_matrix.csv"));
        if let Some(m) = self.by_affiliation {
            let path = self.work.join("stance_matrix_by_affiliation.csv");
            write_matrix(&path, m, &self.issues, csv)?;
            done.push((path, "stance_matrix_by_affiliation.csv"));
        }
        let mut variants_csv = csv_writer(&self.work.join("variants.csv"))?;
        write_row(&mut variants_csv, &variants::COLUMNS, csv)?;
        let mut md = BufWriter::new(File::create(self.work.join("variants.md"))?);
        let clusters = self
            .variants
            .finish(&VariantOptions::default(), self.opts.jobs)?;
        md.write_all(variants::markdown_header(clusters.count).as_bytes())?;
        clusters.emit_all(|statements, cluster| {
            for row in variants::csv_rows(statements, cluster) {
                write_row(&mut variants_csv, &row, csv)?;
            }
            let mut section = String::new();
            variants::markdown_cluster(&mut section, statements, cluster);
            md.write_all(section.as_bytes())
        })?;
        flush_csv(variants_csv)?;
        md.flush()?;
        md.into_inner().map_err(|e| e.into_error())?.sync_all()?;
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

fn flush_csv(w: csv::Writer<BufWriter<File>>) -> io::Result<()> {
    let inner = w
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?;
    inner.into_inner().map_err(|e| e.into_error())?.sync_all()
}

/// Writes a matrix row by row as the builder hands its rows over, so the
/// rendered file (megabytes of evidence ids on a big corpus) is never held
/// in memory next to the matrix.
fn write_matrix(
    path: &Path,
    matrix: MatrixBuilder,
    issues: &[String],
    csv: CsvOptions,
) -> io::Result<()> {
    let mut w = csv_writer(path)?;
    // Headers are ours, written as they are (like report::matrix_csv).
    w.write_record(report::matrix_header(issues))
        .map_err(io::Error::other)?;
    for row in matrix.into_rows() {
        if let Some(record) = report::matrix_record(&row, issues) {
            write_row(&mut w, &record, csv)?;
        }
    }
    flush_csv(w)
}
