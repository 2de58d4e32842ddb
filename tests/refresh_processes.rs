//! The real binary under stress: SIGKILL in the middle of a refresh leaves the
//! cache consistent with no lost read state; two processes refreshing the
//! same cache at once both succeed and corrupt nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod store_support;

use readout::refresh::network::NetworkSource;
use readout::refresh::{self, RefreshOptions};
use readout::store::Store;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use store_support::server::{Route, Server, rss};

fn readout(db: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_readout"));
    cmd.arg("--db").arg(db).args(args);
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    cmd
}

/// Every article's id and read flag.
fn read_ids(store: &Store) -> Vec<String> {
    let mut ids: Vec<String> = store
        .load_library()
        .unwrap()
        .articles
        .into_iter()
        .filter(|c| c.state.read)
        .map(|c| c.article.id.0)
        .collect();
    ids.sort();
    ids
}

#[cfg(unix)]
#[test]
fn sigkill_mid_refresh_keeps_the_cache_sound_and_read_state_whole() {
    let server = Server::start();
    let big = server.route(
        "/big.xml",
        Route::Feed {
            body: rss("big", 1500, "First version."),
            etag: "\"1\"".into(),
        },
    );
    let small = server.route(
        "/small.xml",
        Route::Feed {
            body: rss("small", 40, ""),
            etag: "\"s1\"".into(),
        },
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("readout.db");
    let read_before = {
        let mut store = Store::open(&db).unwrap();
        store.add_feed(&big, &[]).unwrap();
        store.add_feed(&small, &[]).unwrap();
        refresh::refresh(
            &mut store,
            &NetworkSource::default(),
            RefreshOptions::default(),
            |_| {},
        )
        .unwrap();
        let library = store.load_library().unwrap();
        assert_eq!(library.articles.len(), 1540);
        for cached in library.articles.iter().step_by(3) {
            store.mark_read(&cached.article.id, true).unwrap();
        }
        read_ids(&store)
    };
    assert_eq!(read_before.len(), 514);

    // Kill the binary at several moments of refreshes that re-write every item
    // of the big feed (re-published text) while a slow feed trickles in.
    let slow = server.route(
        "/slow.xml",
        Route::Slow {
            body: rss("slow", 200, ""),
            chunks: 20,
            pause: Duration::from_millis(50),
        },
    );
    Store::open(&db).unwrap().add_feed(&slow, &[]).unwrap();
    let mut killed_running = 0;
    for (round, delay_ms) in [30u64, 120, 250, 400, 600, 900].into_iter().enumerate() {
        server.route(
            "/big.xml",
            Route::Feed {
                body: rss("big", 1500, &format!("Version {round}.")),
                etag: format!("\"v{round}\""),
            },
        );
        let mut child = readout(&db, &["refresh"]).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        if child.try_wait().unwrap().is_none() {
            killed_running += 1;
        }
        // SIGKILL: no destructor, no rollback, no checkpoint.
        let _ = child.kill();
        let _ = child.wait();

        let store = Store::open(&db).unwrap();
        assert!(
            store.set_aside().is_none(),
            "round {round}: the cache was set aside"
        );
        assert!(store.integrity_check().unwrap(), "round {round}: integrity");
        let library = store.load_library().unwrap();
        assert!(
            library.articles.len() >= 1540,
            "round {round}: articles lost"
        );
        assert_eq!(
            read_ids(&store),
            read_before,
            "round {round}: read state changed"
        );
        // Every feed's articles are all of one version or all of another: each
        // feed's refresh is one transaction.
        let versions: std::collections::BTreeSet<String> = library
            .articles
            .iter()
            .filter(|c| c.article.source == "big")
            .map(|c| {
                c.article
                    .body
                    .rsplit("Item")
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
            .map(|tail| {
                tail.split_once('.')
                    .map(|(_, v)| v.trim().to_string())
                    .unwrap_or(tail)
            })
            .collect();
        assert_eq!(
            versions.len(),
            1,
            "round {round}: mixed versions {versions:?}"
        );
    }
    assert!(
        killed_running >= 3,
        "only {killed_running} kills hit a running refresh"
    );
}

#[test]
fn two_processes_refreshing_one_cache_both_succeed() {
    let server = Server::start();
    let urls: Vec<String> = (0..4)
        .map(|i| {
            server.route(
                &format!("/f{i}.xml"),
                Route::Feed {
                    body: rss(&format!("f{i}"), 400, ""),
                    etag: format!("\"f{i}\""),
                },
            )
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("readout.db");
    for url in &urls {
        let status = readout(&db, &["feeds", "add", url]).status().unwrap();
        assert!(status.success());
    }
    let started = Instant::now();
    let mut first = readout(&db, &["refresh"]).spawn().unwrap();
    let mut second = readout(&db, &["refresh"]).spawn().unwrap();
    // Meanwhile a reader marks articles read on the same file.
    let store = Store::open(&db).unwrap();
    let mut marked = 0;
    while started.elapsed() < Duration::from_secs(3) {
        let library = store.load_library().unwrap();
        if let Some(c) = library.articles.iter().find(|c| !c.state.read) {
            store.mark_read(&c.article.id, true).unwrap();
            marked += 1;
        }
        if marked >= 20 {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(first.wait().unwrap().success());
    assert!(second.wait().unwrap().success());
    assert!(store.integrity_check().unwrap());
    let library = store.load_library().unwrap();
    assert_eq!(library.articles.len(), 1600, "no duplicates, nothing lost");
    assert_eq!(
        library.articles.iter().filter(|c| c.state.read).count(),
        marked
    );
}
