//! What can go wrong with the cache, each as one line a user can act on.

use std::path::{Path, PathBuf};

/// An error from the SQLite cache. Every variant names the cache file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process holds the write lock for longer than the busy timeout.
    #[error("the cache {} is busy (another readout is writing to it); try again", .path.display())]
    Busy { path: PathBuf },
    /// The file (or its folder) cannot be written.
    #[error("the cache {} is read-only; make it writable or choose another with --db", .path.display())]
    ReadOnly { path: PathBuf },
    /// The disk (or the file's size limit) is full.
    #[error("no space left to write the cache {}", .path.display())]
    DiskFull { path: PathBuf },
    /// SQLite found damage inside the file; [`super::Store::recover`] sets it aside.
    #[error("the cache {} is damaged", .path.display())]
    Damaged { path: PathBuf },
    /// The file was written by a newer readout whose schema this one does not know.
    #[error(
        "the cache {} was written by a newer readout (schema {found}; this one knows up to {known})",
        .path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    /// No XDG data directory and no `--db`.
    #[error("no data directory to keep the cache in; choose a file with --db")]
    NoDataDir,
    /// A file-system operation around the cache (creating its folder, moving a bad file aside).
    #[error("{what} {}: {source}", .path.display())]
    Io {
        what: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    /// Any other SQLite failure.
    #[error("the cache {}: {source}", .path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    /// A cached analysis could not be encoded.
    #[error("encoding an analysis for the cache: {0}")]
    Encode(#[from] postcard::Error),
}

impl StoreError {
    /// Classifies a SQLite error on the cache at `path` into what a user needs to know.
    pub(crate) fn from_sqlite(path: &Path, source: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        let path = path.to_path_buf();
        match source.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Busy { path },
            Some(ErrorCode::ReadOnly) => Self::ReadOnly { path },
            Some(ErrorCode::DiskFull) => Self::DiskFull { path },
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => Self::Damaged { path },
            _ => Self::Sqlite { path, source },
        }
    }

    /// True when the error says the file is not a usable SQLite database.
    pub(crate) fn is_damage(source: &rusqlite::Error) -> bool {
        use rusqlite::ErrorCode;
        matches!(
            source.sqlite_error_code(),
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
        )
    }
}

/// Shorthand for results of the cache.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
