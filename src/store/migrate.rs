//! Versioned schema: migrations applied in order, each in its own transaction.
//!
//! `PRAGMA user_version` holds the number of the last migration applied and
//! `PRAGMA application_id` marks the file as readout's, so a foreign SQLite
//! database is never mistaken for a cache. `schema.sql` is the sum of the
//! migrations, for reading; a test checks that the two agree.

use rusqlite::{Connection, TransactionBehavior};

/// readout's SQLite application id: the bytes of "read".
pub const APPLICATION_ID: i32 = 0x7265_6164;

/// One step of the schema.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    /// The `user_version` after this migration; migrations count 1, 2, 3 ...
    pub version: i64,
    pub sql: &'static str,
}

/// Every migration readout knows, oldest first. Never edit a released one.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    sql: include_str!("migrations/0001_initial.sql"),
}];

/// The schema version this build writes.
pub fn latest() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// The file's schema version.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Brings the schema up to the last of `migrations`; returns the version reached.
///
/// Each migration runs in an immediate transaction that re-reads the version
/// first, so two processes opening an old file at once migrate it once.
/// A failing migration rolls back whole: the file stays at the previous version.
pub fn migrate(conn: &mut Connection, migrations: &[Migration]) -> rusqlite::Result<i64> {
    for migration in migrations {
        if version(conn)? >= migration.version {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if version(&tx)? >= migration.version {
            continue;
        }
        tx.execute_batch(migration.sql)?;
        tx.pragma_update(None, "user_version", migration.version)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.commit()?;
    }
    version(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: Migration = Migration {
        version: 1,
        sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);",
    };
    const V2: Migration = Migration {
        version: 2,
        sql: "ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;",
    };
    const V2_BROKEN: Migration = Migration {
        version: 2,
        sql: "CREATE TABLE half (x); THIS IS NOT SQL;",
    };

    #[test]
    fn migrates_step_by_step_keeping_rows() -> rusqlite::Result<()> {
        let mut conn = Connection::open_in_memory()?;
        assert_eq!(migrate(&mut conn, &[V1])?, 1);
        conn.execute("INSERT INTO notes (text) VALUES ('kept')", [])?;
        assert_eq!(migrate(&mut conn, &[V1, V2])?, 2);
        let (text, pinned): (String, i64) =
            conn.query_row("SELECT text, pinned FROM notes", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        assert_eq!((text.as_str(), pinned), ("kept", 0));
        let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        assert_eq!(app, APPLICATION_ID);
        // Running again is a no-op.
        assert_eq!(migrate(&mut conn, &[V1, V2])?, 2);
        Ok(())
    }

    #[test]
    fn a_failing_migration_leaves_the_previous_version() -> rusqlite::Result<()> {
        let mut conn = Connection::open_in_memory()?;
        migrate(&mut conn, &[V1])?;
        assert!(migrate(&mut conn, &[V1, V2_BROKEN]).is_err());
        assert_eq!(version(&conn)?, 1);
        let half: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'half'",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(
            half, 0,
            "the broken migration's first statement was rolled back"
        );
        Ok(())
    }

    #[test]
    fn shipped_migrations_are_numbered_in_order() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i64::try_from(i).unwrap_or(-1) + 1);
        }
    }
}
