//! Hot reload: a rule set behind an atomic pointer, reloaded on demand or when files change.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};

use arc_swap::ArcSwap;

use crate::error::LoadErrors;
use crate::ruleset::{rule_files, RuleSet};
use crate::schema::Schema;

/// What a reload attempt gives: the now-current set, or why the old one was kept.
pub type ReloadResult = Result<Arc<RuleSet>, LoadErrors>;

/// A rule set that can be replaced while in use.
///
/// Readers call [`Reloading::current`], which never blocks and never sees a half-loaded set.
/// A reload validates the new files completely and swaps them in only if they have no error;
/// otherwise the old set stays and the errors are kept for [`Reloading::last_error`].
pub struct Reloading {
    path: PathBuf,
    schema: Arc<Schema>,
    current: ArcSwap<RuleSet>,
    state: Mutex<State>,
}

/// Guarded by a mutex that also serializes reloads.
struct State {
    /// The files' stamps as of the last reload attempt.
    attempted: Stamps,
    last_error: Option<LoadErrors>,
}

/// Name, size and modification time of each rule file; `None` when the path cannot be listed.
type Stamps = Option<Vec<(PathBuf, u64, Option<SystemTime>)>>;

fn stamps(path: &Path) -> Stamps {
    let files = rule_files(path).ok()?;
    Some(
        files
            .into_iter()
            .map(|f| {
                let meta = std::fs::metadata(&f).ok();
                let len = meta.as_ref().map_or(0, |m| m.len());
                let modified = meta.and_then(|m| m.modified().ok());
                (f, len, modified)
            })
            .collect(),
    )
}

impl Reloading {
    /// Loads the rule file or directory at `path`; fails if the first load has errors.
    pub fn new(path: impl Into<PathBuf>, schema: Arc<Schema>) -> Result<Self, LoadErrors> {
        let path = path.into();
        let attempted = stamps(&path);
        let set = RuleSet::load(&path, &schema)?;
        Ok(Reloading {
            path,
            schema,
            current: ArcSwap::from_pointee(set),
            state: Mutex::new(State { attempted, last_error: None }),
        })
    }

    /// The current rule set. Lock-free; keep the `Arc` for the whole request so that all its
    /// rules come from one set.
    pub fn current(&self) -> Arc<RuleSet> {
        self.current.load_full()
    }

    /// Re-reads and validates the files now; swaps the new set in only if it has no error.
    ///
    /// Concurrent calls run one after the other. Readers are never blocked.
    pub fn reload_now(&self) -> ReloadResult {
        let mut state = self.state();
        state.attempted = stamps(&self.path);
        match RuleSet::load(&self.path, &self.schema) {
            Ok(set) => {
                let set = Arc::new(set);
                self.current.store(Arc::clone(&set));
                state.last_error = None;
                Ok(set)
            }
            Err(e) => {
                state.last_error = Some(e.clone());
                Err(e)
            }
        }
    }

    /// The errors of the last reload attempt, if it failed; cleared by a successful reload.
    pub fn last_error(&self) -> Option<LoadErrors> {
        self.state().last_error.clone()
    }

    /// The schema rules are compiled against; make each [`Env`](crate::Env) from it.
    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// The watched file or directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Watches the files on a background thread; see [`Reloading::spawn_watch_with`].
    pub fn spawn_watch(self: &Arc<Self>, interval: Duration) -> std::io::Result<Watcher> {
        self.spawn_watch_with(interval, |_| {})
    }

    /// Polls the files' names, sizes and modification times every `interval` and reloads
    /// once a change has stayed unchanged for one more interval (so a file being written is
    /// not read half-way), calling `on_reload` with each outcome. A failed reload is not
    /// retried until the files change again.
    ///
    /// The thread stops when the returned [`Watcher`] is dropped or when every `Arc` of
    /// this `Reloading` is gone.
    pub fn spawn_watch_with(
        self: &Arc<Self>,
        interval: Duration,
        mut on_reload: impl FnMut(&ReloadResult) + Send + 'static,
    ) -> std::io::Result<Watcher> {
        let weak: Weak<Self> = Arc::downgrade(self);
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new().name("fanzha-rules-watch".into()).spawn(move || {
            let mut pending: Option<Stamps> = None;
            while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(interval) {
                let Some(this) = weak.upgrade() else { return };
                let now = stamps(&this.path);
                if now == this.state().attempted {
                    pending = None;
                } else if pending.as_ref() != Some(&now) {
                    pending = Some(now);
                } else {
                    pending = None;
                    on_reload(&this.reload_now());
                }
            }
        })?;
        Ok(Watcher { stop: Some(stop), thread: Some(thread) })
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Handle of a watch thread; dropping it stops the thread and waits for it.
pub struct Watcher {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Watcher {
    /// Stops the thread and waits for it.
    pub fn stop(self) {
        drop(self);
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
