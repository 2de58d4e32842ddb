//! The reader's background work, off the UI thread: one thread owns the
//! SQLite cache (reading cached analyses, writing read/starred state and new
//! analyses, in the order asked), rayon analyses what the cache lacks, and a
//! refresh runs on its own thread with its own connection. Every result comes
//! back to the event loop as an [`Action`]; a store error becomes a status
//! line, never a crash.

use super::action::Action;
use crate::article::{Article, ArticleId};
use crate::library::Library;
use crate::nlp::{self, Analysis};
use crate::refresh::{self, RefreshEvent, RefreshOptions, network::NetworkSource};
use crate::store::{self, Store};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::Duration;

/// Cached analyses read between two looks at the job queue.
const LOAD_CHUNK: usize = 256;
/// Articles analysed (as one `nlp::analyze_batch`, and then saved in one
/// transaction) together.
const ANALYSE_CHUNK: usize = nlp::BATCH;

/// Work for the thread that owns the cache.
enum Job {
    SetRead(ArticleId, bool),
    SetStarred(ArticleId, bool),
    SaveAnalyses(Vec<(Article, Analysis)>),
    /// Answer once every job sent before this one is done.
    Flush(Sender<()>),
}

/// An article waiting for its analysis: position, revision, text.
type Pending = (usize, u32, Article);

/// The handle the event loop keeps: send it state changes, start refreshes,
/// and flush it before leaving.
#[derive(Debug)]
pub struct Worker {
    jobs: Option<Sender<Job>>,
    db: Option<PathBuf>,
    results: Sender<Action>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::SetRead(..) => "SetRead",
            Self::SetStarred(..) => "SetStarred",
            Self::SaveAnalyses(_) => "SaveAnalyses",
            Self::Flush(_) => "Flush",
        })
    }
}

impl Worker {
    /// Starts the background work for `library`: its missing analyses come
    /// from `store` when cached there, else are computed (and cached). Without
    /// a store they are computed only, and nothing is persisted.
    pub fn start(store: Option<Store>, library: &Library, results: Sender<Action>) -> Self {
        let pending: Vec<Pending> = library
            .entries()
            .iter()
            .enumerate()
            .filter(|(_, e)| e.analysis.is_none())
            .map(|(i, e)| (i, e.revision, e.article.clone()))
            .collect();
        let Some(store) = store else {
            let sender = results.clone();
            std::thread::spawn(move || analyse(pending, &sender, None));
            return Self {
                jobs: None,
                db: None,
                results,
            };
        };
        let db = Some(store.path().to_path_buf());
        let (jobs, queue) = channel();
        let save = jobs.clone();
        let sender = results.clone();
        std::thread::spawn(move || run_store(store, pending, &queue, save, &sender));
        Self {
            jobs: Some(jobs),
            db,
            results,
        }
    }

    /// Remembers that `article` was read or marked unread.
    pub fn set_read(&self, article: ArticleId, read: bool) {
        self.send(Job::SetRead(article, read));
    }

    /// Remembers that `article` was starred or unstarred.
    pub fn set_starred(&self, article: ArticleId, starred: bool) {
        self.send(Job::SetStarred(article, starred));
    }

    fn send(&self, job: Job) {
        if let Some(jobs) = &self.jobs
            && jobs.send(job).is_err()
        {
            let _ = self.results.send(Action::Message(
                "Not saved: the cache's worker has stopped.".into(),
            ));
        }
    }

    /// Refreshes every feed on its own thread with its own connection; each
    /// feed's progress and result comes back as actions, then `RefreshDone`.
    pub fn refresh(&self) {
        let results = self.results.clone();
        let Some(db) = self.db.clone() else {
            let _ = results.send(Action::RefreshDone(Some(
                "no cache to refresh into".to_string(),
            )));
            return;
        };
        std::thread::spawn(move || {
            let outcome = Store::open(&db).and_then(|mut store| {
                refresh::refresh(
                    &mut store,
                    &NetworkSource::default(),
                    RefreshOptions::default(),
                    |event| {
                        let action = match event {
                            RefreshEvent::Started { url, .. } => Action::FeedFetching(url.clone()),
                            RefreshEvent::Finished(report) => {
                                Action::FeedRefreshed(Box::new(report.clone()))
                            }
                        };
                        let _ = results.send(action);
                    },
                )
            });
            let _ = results.send(Action::RefreshDone(outcome.err().map(|e| e.to_string())));
        });
    }

    /// Waits (at most `timeout`) until every change sent so far is written.
    pub fn flush(&self, timeout: Duration) -> bool {
        let Some(jobs) = &self.jobs else {
            return true;
        };
        let (ack, done) = channel();
        jobs.send(Job::Flush(ack)).is_ok() && done.recv_timeout(timeout).is_ok()
    }
}

/// The cache's thread: cached analyses first (looking at the job queue between
/// chunks, so read state is never held up long), then jobs until the reader ends.
fn run_store(
    mut store: Store,
    pending: Vec<Pending>,
    queue: &Receiver<Job>,
    save: Sender<Job>,
    results: &Sender<Action>,
) {
    let mut missing = Vec::new();
    let mut failed = false;
    for chunk in pending.chunks(LOAD_CHUNK) {
        for (index, revision, article) in chunk {
            match store.cached_analysis(&store::content_hash(article)) {
                Ok(Some(analysis)) => {
                    let _ = results.send(Action::BackgroundAnalysed {
                        index: *index,
                        revision: *revision,
                        analysis: Box::new(analysis),
                    });
                }
                Ok(None) => missing.push((*index, *revision, article.clone())),
                Err(e) => {
                    if !failed {
                        failed = true;
                        let _ = results.send(Action::Message(format!(
                            "Cached analyses not read ({e}): analysing again."
                        )));
                    }
                    missing.push((*index, *revision, article.clone()));
                }
            }
        }
        loop {
            match queue.try_recv() {
                Ok(job) => perform(&mut store, job, results),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => return,
            }
        }
    }
    drop(pending);
    if !missing.is_empty() {
        let sender = results.clone();
        std::thread::spawn(move || analyse(missing, &sender, Some(save)));
    } else {
        drop(save);
    }
    while let Ok(first) = queue.recv() {
        // Everything queued so far: reading state first, then all pending
        // analyses in one transaction (one commit, however many arrived),
        // then the flushes, which so wait for no more than one commit.
        let mut saves = Vec::new();
        let mut flushes = Vec::new();
        for job in std::iter::once(first).chain(queue.try_iter()) {
            match job {
                Job::SaveAnalyses(done) => saves.extend(done),
                Job::Flush(ack) => flushes.push(ack),
                other => perform(&mut store, other, results),
            }
        }
        if !saves.is_empty() {
            perform(&mut store, Job::SaveAnalyses(saves), results);
        }
        for ack in flushes {
            let _ = ack.send(());
        }
    }
}

/// Does one job; a failure is told in the status bar.
fn perform(store: &mut Store, job: Job, results: &Sender<Action>) {
    let outcome = match job {
        Job::SetRead(id, read) => store.mark_read(&id, read),
        Job::SetStarred(id, starred) => store.set_starred(&id, starred),
        Job::SaveAnalyses(done) => {
            let pairs: Vec<(&Article, &Analysis)> = done.iter().map(|(a, b)| (a, b)).collect();
            store.save_analyses(&pairs)
        }
        Job::Flush(ack) => {
            let _ = ack.send(());
            Ok(())
        }
    };
    if let Err(e) = outcome {
        let _ = results.send(Action::Message(format!("Not saved: {e}")));
    }
}

/// Analyses `pending` on rayon's threads and sends each result; each chunk's
/// results go to the cache first (when there is one), so that by the time the
/// reader has seen an analysis, saving it is already queued.
fn analyse(pending: Vec<Pending>, results: &Sender<Action>, save: Option<Sender<Job>>) {
    pending.par_chunks(ANALYSE_CHUNK).for_each_with(
        (results.clone(), save),
        |(results, save), chunk| {
            super::terminal::debug_panic_point("analysis");
            let articles: Vec<&Article> = chunk.iter().map(|(_, _, article)| article).collect();
            let analysed: Vec<(usize, u32, Analysis)> = chunk
                .iter()
                .zip(nlp::analyze_articles(&articles))
                .map(|((index, revision, _), analysis)| (*index, *revision, analysis))
                .collect();
            if let Some(save) = save {
                let done = chunk
                    .iter()
                    .zip(&analysed)
                    .map(|((_, _, article), (_, _, analysis))| (article.clone(), analysis.clone()))
                    .collect();
                let _ = save.send(Job::SaveAnalyses(done));
            }
            for (index, revision, analysis) in analysed {
                let _ = results.send(Action::BackgroundAnalysed {
                    index,
                    revision,
                    analysis: Box::new(analysis),
                });
            }
        },
    );
}
