//! Typed errors with the location they concern (file, line, byte offset), so
//! every message tells the analyst which article or setting to look at.

use std::path::PathBuf;

/// Where in an input a problem is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// The file.
    pub path: PathBuf,
    /// 1-based line, when the format has lines (JSONL, CSV, TOML).
    pub line: Option<usize>,
    /// Byte offset, when known.
    pub offset: Option<usize>,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(offset) = self.offset {
            write!(f, " (byte {offset})")?;
        }
        Ok(())
    }
}

/// Everything that can go wrong reading inputs or settings.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A path that does not exist or cannot be read.
    #[error("{loc}: {source}")]
    Io {
        /// Where.
        loc: Location,
        /// The OS error.
        source: std::io::Error,
    },
    /// Bytes that are not UTF-8 (use --lossy to replace them).
    #[error("{loc}: invalid UTF-8 (run with --lossy to replace bad bytes)")]
    InvalidUtf8 {
        /// Where, with the offset of the first bad byte.
        loc: Location,
    },
    /// A file that looks binary (NUL bytes).
    #[error("{loc}: binary file (NUL byte), skipped")]
    Binary {
        /// Where, with the offset of the first NUL.
        loc: Location,
    },
    /// An empty article.
    #[error("{loc}: empty article, skipped")]
    Empty {
        /// Where.
        loc: Location,
    },
    /// A malformed record in a structured input.
    #[error("{loc}: {message}")]
    Malformed {
        /// Where.
        loc: Location,
        /// What is wrong.
        message: String,
    },
    /// A settings file (codebook, actors, lexicon) that does not parse.
    #[error("{loc}: {message}")]
    Config {
        /// Where.
        loc: Location,
        /// What is wrong.
        message: String,
    },
    /// Two articles with the same id.
    #[error("{loc}: duplicate article id {id:?}, skipped (first seen in {first})")]
    DuplicateId {
        /// Where the second one is.
        loc: Location,
        /// The id.
        id: String,
        /// Where the first one was.
        first: String,
    },
}

impl Error {
    /// An I/O error at a path.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            loc: Location {
                path: path.into(),
                ..Location::default()
            },
            source,
        }
    }
}
