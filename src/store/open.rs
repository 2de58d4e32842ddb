//! Opening the cache file: checks, setting a bad file aside, pragmas, migrations.
//!
//! A file that is not a readout cache (a text file, a corrupt or truncated
//! database, another program's SQLite database) is never written to: it is
//! renamed to `<name>.corrupt-<timestamp>` (with its `-wal`/`-shm` companions)
//! and a fresh cache is started beside it. A busy, read-only or newer file is
//! an error, and is left as it is.

use super::clock;
use super::error::{Result, StoreError};
use super::migrate::{self, APPLICATION_ID};
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A file that was moved aside because it was not a usable readout cache.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// Where the cache was expected (and where the fresh one now is).
    pub original: PathBuf,
    /// Where the old file went.
    pub moved_to: PathBuf,
    /// Why, in a few words ("not a SQLite database").
    pub reason: String,
}

impl std::fmt::Display for SetAside {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} was {}; moved it to {} and started a fresh cache",
            self.original.display(),
            self.reason,
            self.moved_to.display()
        )
    }
}

/// What the first bytes of the file say.
enum Header {
    /// No file, or an empty one: SQLite will make a database of it.
    Absent,
    /// Starts with the SQLite magic string; the 100-byte header.
    Sqlite(Box<[u8; SQLITE_HEADER_LEN]>),
    /// Anything else.
    Foreign(&'static str),
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// The smallest valid database file is one page; its header alone is 100 bytes.
const SQLITE_HEADER_LEN: usize = 100;

fn read_header(path: &Path) -> Result<Header> {
    // Only a regular file can be the cache: opening a FIFO would block for ever,
    // and a device (/dev/zero) must never be read as one or "set aside".
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(StoreError::Io {
            what: "opening the cache",
            path: path.to_path_buf(),
            source: std::io::Error::other("not a regular file"),
        });
    }
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Header::Absent),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            return Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
            });
        }
        Err(source) => {
            return Err(StoreError::Io {
                what: "opening the cache",
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let mut head = [0u8; SQLITE_HEADER_LEN];
    let mut filled = 0;
    while filled < head.len() {
        match file.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(source) => {
                return Err(StoreError::Io {
                    what: "reading the cache",
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
    }
    Ok(match filled {
        0 => Header::Absent,
        n if n < SQLITE_HEADER_LEN => Header::Foreign("a truncated or non-database file"),
        _ if head.starts_with(SQLITE_MAGIC) => Header::Sqlite(Box::new(head)),
        _ => Header::Foreign("not a SQLite database"),
    })
}

/// What an open SQLite file turned out to be.
enum Identity {
    /// readout's cache (or a brand-new empty database).
    Ours,
    /// A sound database of another program, or a damaged one.
    Foreign(&'static str),
}

/// Cheap checks only (a full `quick_check` reads every page: 300 ms for a
/// 10,000-article cache, too slow for start-up). Damage deeper in the file
/// surfaces later as [`StoreError::Damaged`], which [`super::Store::recover`] handles.
fn identify(conn: &Connection) -> rusqlite::Result<Identity> {
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    Ok(match (app, objects) {
        (APPLICATION_ID, _) | (0, 0) => Identity::Ours,
        _ => Identity::Foreign("another program's database"),
    })
}

/// True when the header promises more pages than the file holds: a truncated
/// copy. Only trusted when no write-ahead log is waiting to be replayed (a crash
/// mid-checkpoint legitimately leaves the file short until the log is replayed)
/// and when SQLite itself would trust the header's page count.
fn is_truncated(path: &Path, head: &[u8; SQLITE_HEADER_LEN]) -> bool {
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return false;
    }
    let be32 = |at: usize| {
        head.get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u32::from_be_bytes)
    };
    let page_size = match head.get(16..18) {
        Some([1, 0]) => 65_536,
        Some(&[hi, lo]) => u64::from(u16::from_be_bytes([hi, lo])),
        _ => return false,
    };
    let pages = u64::from(be32(28));
    let valid = pages > 0 && be32(24) == be32(92);
    let len = std::fs::metadata(path).map_or(0, |m| m.len());
    valid && len < pages.saturating_mul(page_size)
}

/// Moves `path` (and its WAL companions) to `path.corrupt-<timestamp>`.
pub(super) fn set_aside(path: &Path, reason: &str) -> Result<SetAside> {
    let stamp = clock::now_compact();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "readout.db".to_string());
    let mut target = path.with_file_name(format!("{name}.corrupt-{stamp}"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = path.with_file_name(format!("{name}.corrupt-{stamp}-{n}"));
    }
    std::fs::rename(path, &target).map_err(|source| StoreError::Io {
        what: "moving aside the unusable cache",
        path: path.to_path_buf(),
        source,
    })?;
    for suffix in ["-wal", "-shm"] {
        let companion = PathBuf::from(format!("{}{suffix}", path.display()));
        if companion.exists() {
            let moved = PathBuf::from(format!("{}{suffix}", target.display()));
            // Best effort: a stale -shm is rebuilt by SQLite; a -wal that cannot
            // move would be replayed into the fresh file, so remove it then.
            if std::fs::rename(&companion, &moved).is_err() {
                let _ = std::fs::remove_file(&companion);
            }
        }
    }
    Ok(SetAside {
        original: path.to_path_buf(),
        moved_to: target,
        reason: reason.to_string(),
    })
}

fn connect(path: &Path, busy: Duration) -> Result<Connection> {
    let sqlite = |e| StoreError::from_sqlite(path, e);
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(sqlite)?;
    conn.busy_timeout(busy).map_err(sqlite)?;
    Ok(conn)
}

/// Refuses a file the user marked read-only, even when running as root (who
/// could write it anyway): the permission bits say what the user wants.
fn check_writable(path: &Path) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.permissions().readonly() => Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
        }),
        _ => Ok(()),
    }
}

/// Opens (creating, migrating, or setting aside and recreating) the cache at `path`.
pub(crate) fn open(path: &Path, busy: Duration) -> Result<(Connection, Option<SetAside>)> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            what: "creating the cache folder",
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let mut aside = None;
    match read_header(path)? {
        Header::Foreign(reason) => aside = Some(set_aside(path, reason)?),
        Header::Sqlite(head) if is_truncated(path, &head) => {
            aside = Some(set_aside(path, "a truncated database")?);
        }
        Header::Sqlite(_) | Header::Absent => {}
    }
    check_writable(path)?;
    let mut conn = connect(path, busy)?;
    if aside.is_none() {
        let reason = match identify(&conn) {
            Ok(Identity::Ours) => None,
            Ok(Identity::Foreign(reason)) => Some(reason),
            Err(e) if StoreError::is_damage(&e) => Some("a damaged database"),
            Err(e) => return Err(StoreError::from_sqlite(path, e)),
        };
        if let Some(reason) = reason {
            drop(conn);
            aside = Some(set_aside(path, reason)?);
            conn = connect(path, busy)?;
        }
    }
    configure(&conn).map_err(|e| StoreError::from_sqlite(path, e))?;
    let found = migrate::version(&conn).map_err(|e| StoreError::from_sqlite(path, e))?;
    if found > migrate::latest() {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            known: migrate::latest(),
        });
    }
    migrate::migrate(&mut conn, migrate::MIGRATIONS)
        .map_err(|e| StoreError::from_sqlite(path, e))?;
    Ok((conn, aside))
}

/// WAL so readers never block the writer; NORMAL sync is crash-safe in WAL mode
/// (a killed process loses nothing committed); foreign keys for cascades.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        // Some file systems cannot share memory for WAL; the rollback journal still works.
        conn.pragma_update(None, "journal_mode", "DELETE")?;
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(())
}
