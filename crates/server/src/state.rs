//! What the server holds: the store and the live checker behind one read-write lock (checks read,
//! records write), the rule set (fixed, or a watched directory that hot-reloads), and metrics.

use crate::access::{self, Caller, DenialLog, Gate, Scope};
use crate::metrics::Metrics;
use fanzha_check::lists::{EntryKind, ListChange, Lists};
use fanzha_check::lookup::{Lookup, PublicReports};
use fanzha_check::suspects::Suspects;
use fanzha_check::Checker;
use fanzha_detect::cases::{CasesConfig, Outcome};
use fanzha_detect::mules::{score_store, MuleConfig};
use fanzha_detect::MuleModel;
use fanzha_graph::{EdgeIx, TemporalGraph};
use fanzha_rules::{Reloading, RuleSet, Watcher};
use fanzha_storage::{LogStore, OpenMode, Store, StoreError};
use fanzha_text::Classifier;
use std::collections::HashMap;
use std::net::IpAddr;
use std::path::Path;
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// The list file inside a store directory.
pub const LISTS_FILE: &str = "lists.jsonl";
/// The public-report file inside a store directory.
pub const REPORTS_FILE: &str = "reports.jsonl";

/// The store and the checker that has seen everything in it.
pub struct Live {
    /// The durable store (opened for writing).
    pub store: LogStore,
    /// Live features and lists.
    pub checker: Checker,
    /// Time of the latest transfer recorded (transfers must come in time order).
    pub latest: Option<fanzha_model::Ts>,
    /// The public's reports (evidence for risk lookups).
    pub reports: PublicReports,
    /// The temporal graph of the store, built at start and rebuilt only when transfers were
    /// recorded since (see [`Live::graph`]).
    graph: Mutex<Arc<TemporalGraph>>,
}

/// Where the rules come from.
pub enum Rules {
    /// A set loaded once (the shipped default).
    Fixed(Arc<RuleSet>),
    /// A directory or file watched for changes (the watch stops when this is dropped).
    Watched(Arc<Reloading>, Watcher),
}

impl Rules {
    /// The set to use for one request.
    pub fn current(&self) -> Arc<RuleSet> {
        match self {
            Rules::Fixed(r) => r.clone(),
            Rules::Watched(w, _) => w.current(),
        }
    }
}

/// Settings of the API that are not about the data.
#[derive(Debug, Clone)]
pub struct ApiConfig {
    /// Requests per minute one client address may make to the public endpoints.
    pub public_per_minute: u32,
    /// Seconds a request's `ts` may lie in the future (clocks differ a little).
    pub max_skew_secs: i64,
    /// Reverse proxies whose `X-Forwarded-For` is believed; from anyone else it is ignored.
    pub trusted_proxies: Vec<IpAddr>,
    /// How batch mule detection (the check's runs, the console's alerts) learns from the store's
    /// confirmed cases (`None`: never; default: as `fanzha detect mules`, auto).
    pub learn_cases: Option<CasesConfig>,
}

impl Default for ApiConfig {
    fn default() -> ApiConfig {
        ApiConfig {
            public_per_minute: 60,
            max_skew_secs: fanzha_model::DEFAULT_MAX_SKEW_SECS,
            trusted_proxies: Vec::new(),
            learn_cases: Some(CasesConfig::auto()),
        }
    }
}

/// Shared state of all handlers.
pub struct App {
    /// Store and checker.
    pub live: RwLock<Live>,
    /// Rules.
    pub rules: Rules,
    /// Counters.
    pub metrics: Metrics,
    /// The fraud-text classifier.
    pub text: Classifier,
    /// Texts that may be analyzed at once when the classifier's second stage is on (one per core):
    /// each takes up to a second of CPU, so more wait for a free slot no longer than a 503 says.
    pub text_slots: Arc<tokio::sync::Semaphore>,
    /// Requests per client address in the current minute, for the public endpoints.
    pub limiter: RateLimiter,
    /// Told about every check answered `hold` or `block` and every public report taken in (the
    /// console raises an alert), if set.
    pub on_notice: OnNotice,
    /// API keys and the audit trail.
    pub gate: Arc<dyn Gate>,
    /// Refused calls, audited off the request path.
    pub denials: DenialLog,
    /// Settings.
    pub config: ApiConfig,
    /// When the node follows a NATS stream (`fanzha serve --follow`): the stream sequence its store
    /// reflects, which every answer states and requests may ask for ([`crate::follow`]).
    pub stream: std::sync::OnceLock<crate::follow::Following>,
}

/// A check answered `hold` or `block`, as the alert queue needs it.
#[derive(Debug, Clone)]
pub struct HeldCheck {
    /// The transaction id, if the request gave one.
    pub txn_id: Option<String>,
    /// Payer account id.
    pub from: Option<String>,
    /// Payee account id.
    pub to: Option<String>,
    /// Amount in fen.
    pub amount_fen: i64,
    /// The payee's bank (its code), when the store knows the account.
    pub payee_bank: Option<String>,
    /// The province where the payee's account was opened (its two-digit code), when known.
    pub payee_province: Option<u32>,
    /// The verdict.
    pub verdict: fanzha_check::Verdict,
}

/// What the API tells the console about, as it happens.
#[derive(Debug, Clone)]
pub enum Notice {
    /// A check answered `hold` or `block`.
    Held(HeldCheck),
    /// A report from the public (`POST /v1/reports`).
    Reported(fanzha_check::lookup::PublicReport),
}

/// Where notices go: set once (by the console) at start.
pub type OnNotice = std::sync::OnceLock<Box<dyn Fn(Notice) + Send + Sync>>;

/// A fixed-window limit of requests per client address per minute.
#[derive(Debug)]
pub struct RateLimiter {
    per_minute: u32,
    seen: Mutex<HashMap<IpAddr, (u64, u32)>>,
}

impl RateLimiter {
    /// Allows `per_minute` requests per address and minute.
    pub fn new(per_minute: u32) -> RateLimiter {
        RateLimiter { per_minute, seen: Mutex::new(HashMap::new()) }
    }

    /// Whether `ip` may make another request in minute `minute` (IPv6 addresses count by their
    /// /64, see [`client_key`]).
    pub fn allow(&self, ip: IpAddr, minute: u64) -> bool {
        let ip = client_key(ip);
        let mut seen = self.seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if seen.len() > 100_000 {
            seen.retain(|_, (m, _)| *m == minute);
        }
        let slot = seen.entry(ip).or_insert((minute, 0));
        if slot.0 != minute {
            *slot = (minute, 0);
        }
        slot.1 += 1;
        slot.1 <= self.per_minute
    }
}

/// The address a per-client limit counts by: an IPv4 address (also when written IPv4-mapped), or
/// the /64 network of an IPv6 address (one host commonly holds a whole /64).
pub fn client_key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => {
            let s = v6.segments();
            IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
        v4 => v4,
    }
}

/// Why a detection run for the check did not finish.
#[derive(Debug, thiserror::Error)]
pub enum RescoreError {
    /// The state's lock was poisoned by a panic.
    #[error("the server state was poisoned by a panic")]
    Poisoned,
    /// The store could not be read.
    #[error(transparent)]
    Store(StoreError),
}

impl From<Poisoned> for RescoreError {
    fn from(_: Poisoned) -> RescoreError {
        RescoreError::Poisoned
    }
}

/// What a change to the lists came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListsChanged {
    /// Applied to this node's lists (durable): the lines written.
    Applied(usize),
    /// Published to the stream this node follows, for every node (this one too) to apply: the
    /// stream sequence that holds it.
    Published(u64),
}

/// Why a change to the lists was not made.
#[derive(Debug, thiserror::Error)]
pub enum ListsChangeError {
    /// The change is invalid, or the list file could not be written.
    #[error(transparent)]
    List(#[from] fanzha_check::lists::ListError),
    /// The node follows a stream but is not connected to it yet.
    #[error("this node is not connected to its stream yet; retry")]
    NotConnected,
    /// The stream did not take the change.
    #[error(transparent)]
    Stream(#[from] fanzha_stream::StreamError),
    /// The state's lock was poisoned by a panic.
    #[error("the server state was poisoned by a panic")]
    Poisoned,
}

/// A request panicked while holding the live state; the state may be half-changed, so requests
/// are refused until the server restarts (which rebuilds it from the store).
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("state poisoned")]
pub struct Poisoned;

impl App {
    /// The API over `live`, with keys checked and writes audited by `gate`.
    pub fn new(live: Live, rules: Rules, text: Classifier, gate: Arc<dyn Gate>, config: ApiConfig) -> App {
        App {
            live: RwLock::new(live),
            rules,
            metrics: Metrics::default(),
            text,
            text_slots: Arc::new(tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
            )),
            limiter: RateLimiter::new(config.public_per_minute),
            on_notice: OnNotice::default(),
            denials: DenialLog::start(gate.clone()),
            gate,
            config,
            stream: std::sync::OnceLock::new(),
        }
    }

    /// Now, with the clock skew allowed: requests dated later are refused.
    pub fn horizon(&self) -> fanzha_model::Horizon {
        fanzha_model::Horizon { at: fanzha_model::Ts::now(), skew_secs: self.config.max_skew_secs }
    }

    /// The client's address: the peer's, or, when the peer is a trusted proxy, the last address
    /// in `X-Forwarded-For` that is not one of the trusted proxies. A header from anyone else is
    /// ignored, so it cannot be forged to dodge a per-address limit.
    pub fn client_ip(&self, client: &crate::routes::Client) -> Option<IpAddr> {
        let peer = client.peer?.ip().to_canonical();
        if !self.config.trusted_proxies.contains(&peer) {
            return Some(peer);
        }
        let forwarded: Vec<IpAddr> = client
            .forwarded
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|a| a.trim().parse::<IpAddr>().ok())
            .map(|a| a.to_canonical())
            .collect();
        forwarded
            .iter()
            .rev()
            .find(|a| !self.config.trusted_proxies.contains(a))
            .or(forwarded.first())
            .copied()
            .or(Some(peer))
    }

    /// Admits a call needing `scope` (see [`access::authorize`]).
    pub fn authorize(
        &self,
        client: &crate::routes::Client,
        scope: Scope,
        what: &str,
    ) -> Result<Arc<Caller>, crate::ApiError> {
        let r = access::authorize(&*self.gate, &self.denials, client.key(), self.client_ip(client), scope, what);
        if r.is_err() {
            self.metrics.rejected();
        }
        r
    }

    /// Runs batch mule detection over the store as it stands on disk and hands its flags to the
    /// check (`payee.flagged_mule`), with the mule accounts the store's labels confirm
    /// (`payee.confirmed_mule`). The run reads its own copy of the store (a reader beside the
    /// writer, replaying the log), so neither checks nor records wait for it: only the hand-over
    /// takes the lock, for as long as it takes to find each flagged account in the live ledger by
    /// its id. The copy costs a second ledger and graph in memory while the run lasts. Returns how
    /// many accounts are flagged, and what became of learning from the store's confirmed cases
    /// when [`ApiConfig::learn_cases`] asks for it (every label in the store counts: they are
    /// confirmed by now).
    pub fn rescore_mules(&self, model: &MuleModel) -> Result<(usize, Option<Outcome>), RescoreError> {
        let dir = self.read_live()?.store.dir().to_path_buf();
        let snapshot = LogStore::open(&dir, OpenMode::Read).map_err(RescoreError::Store)?;
        let ledger = snapshot.ledger();
        let graph = TemporalGraph::build(ledger);
        let cfg = MuleConfig { cases: self.config.learn_cases, ..MuleConfig::default() };
        let scored = score_store(ledger, &graph, None, model, &cfg, false, &[]);
        let mut flagged = scored.scores;
        flagged.retain(|s| s.flagged);
        let confirmed = fanzha_detect::labels::confirmed_mules(ledger, None);
        let as_of = (graph.edge_count() > 0).then(|| graph.edge(EdgeIx::of(graph.edge_count() - 1)).ts);
        let mut live = self.write_live()?;
        let current = live.store.ledger();
        // The copy replays the same log, so its indices are the live ones; finding each account by
        // id keeps that an assumption checked, not trusted.
        flagged.retain_mut(|s| match current.account_ix(ledger.account_id(s.account)) {
            Some(a) => {
                s.account = a;
                true
            }
            None => false,
        });
        let confirmed: Vec<_> =
            confirmed.into_iter().filter_map(|a| current.account_ix(ledger.account_id(a))).collect();
        live.checker.suspects = Suspects::from_scores(&flagged, as_of).with_confirmed(confirmed);
        Ok((flagged.len(), scored.cases))
    }

    /// Starts a thread that runs [`App::rescore_mules`] now and then every `every`, logging each
    /// run to stderr; it stops when the state is poisoned.
    pub fn spawn_rescore(self: &Arc<App>, every: std::time::Duration) -> std::thread::JoinHandle<()> {
        let app = Arc::clone(self);
        std::thread::spawn(move || {
            let Ok(model) = app.read_live().map(|l| l.checker.model().cloned()) else { return };
            let model = model.unwrap_or_else(|| Arc::new(MuleModel::shipped()));
            loop {
                let started = std::time::Instant::now();
                match app.rescore_mules(&model) {
                    Ok((n, outcome)) => {
                        // A store that confirms no mule at all is the usual case: nothing to say.
                        let told = outcome.filter(|o| !matches!(o, Outcome::TooFew { cases: 0, .. }));
                        eprintln!(
                            "mule detection: {n} accounts flagged for the check ({:.1} s){}",
                            started.elapsed().as_secs_f64(),
                            told.map(|o| format!("; {}", o.message_en())).unwrap_or_default()
                        )
                    }
                    Err(RescoreError::Poisoned) => return,
                    Err(RescoreError::Store(e)) => eprintln!("mule detection: could not read the store: {e}"),
                }
                std::thread::sleep(every);
            }
        })
    }

    /// The store and checker, for reading.
    pub fn read_live(&self) -> Result<RwLockReadGuard<'_, Live>, Poisoned> {
        self.live.read().map_err(|_| Poisoned)
    }

    /// The store and checker, for changing.
    pub fn write_live(&self) -> Result<RwLockWriteGuard<'_, Live>, Poisoned> {
        self.live.write().map_err(|_| Poisoned)
    }

    /// Changes the block and watch lists (the API's and the console's one way to): checked, then
    /// on a node that follows a stream published for every node to apply, otherwise applied here,
    /// durable before this returns.
    pub async fn change_lists(&self, change: ListChange) -> Result<ListsChanged, ListsChangeError> {
        change.validate()?;
        if let Some(following) = self.stream.get() {
            let js = following.jetstream().ok_or(ListsChangeError::NotConnected)?;
            return Ok(ListsChanged::Published(fanzha_stream::publish_list_change(&js, &change).await?));
        }
        let mut live = self.write_live().map_err(|_| ListsChangeError::Poisoned)?;
        Ok(ListsChanged::Applied(live.checker.lists.change(&change)?))
    }

    /// Whether `client` may make another request to a public endpoint now (counted as rejected
    /// when not). Requests without a known address (in-process tests) are not limited.
    pub fn public_allowed(&self, client: &crate::routes::Client) -> bool {
        let Some(ip) = self.client_ip(client) else { return true };
        let minute = fanzha_model::Ts::now().0.max(0) as u64 / 60;
        let ok = self.limiter.allow(ip, minute);
        if !ok {
            self.metrics.rejected();
        }
        ok
    }
}

/// How long [`Live::graph`] waits for traces reading the graph to finish before it merges new
/// transfers into a copy instead of in place.
pub const GRAPH_READERS_WAIT: std::time::Duration = std::time::Duration::from_millis(50);

impl Live {
    /// Tells the live checker about a transfer just committed to the store (`POST /v1/transfers`,
    /// or a batch from the stream a node follows). Transfers must reach the checker in time order,
    /// so one dated before the latest is seen at the latest time.
    pub fn record_committed(&mut self, ix: fanzha_model::TransferIx) {
        let ledger = self.store.ledger();
        let transfer = ledger.transfer(ix);
        let latest = self.latest.map_or(transfer.ts, |l| l.max(transfer.ts));
        self.checker.record(ledger, &fanzha_model::Transfer { ts: latest, ..transfer.clone() });
        self.latest = Some(latest);
    }

    /// What is known about `value` now: lists, public reports and, for an account, the latest
    /// batch mule detection's flag (the public lookup and `/v1/lookup` both answer with this).
    pub fn lookup<'a>(&'a self, kind: EntryKind, value: &'a str) -> Lookup<'a> {
        let ledger = self.store.ledger();
        let suspected = kind == EntryKind::Account
            && ledger.account_ix(value).is_some_and(|a| self.checker.suspects.get(a).is_some());
        fanzha_check::lookup::lookup(
            &self.checker.lists,
            &self.reports,
            suspected,
            kind,
            value,
            fanzha_model::Ts::now(),
        )
    }

    /// Replays the store's transfers in time order into a new checker, with the lists and public
    /// reports kept in the store's directory `dir`; on a partitioned node (`partition`) the checker
    /// keeps live state only for the accounts the partition owns.
    pub fn open(
        store: LogStore,
        dir: &Path,
        partition: Option<fanzha_model::Partition>,
    ) -> Result<Live, fanzha_check::lists::ListError> {
        let lists = Lists::open(&dir.join(LISTS_FILE), fanzha_storage::OpenMode::Write)?;
        let reports = PublicReports::open(&dir.join(REPORTS_FILE), fanzha_storage::OpenMode::Write)?;
        let ledger = store.ledger();
        let graph = TemporalGraph::build(ledger);
        let mut checker = Checker::new(ledger, lists).owning(partition).with_model(Arc::new(MuleModel::shipped()));
        // The store's labels are the cases confirmed so far: the check knows them from the start,
        // before (or without, on a partitioned node) any detection run.
        checker.suspects = Suspects::default().with_confirmed(fanzha_detect::labels::confirmed_mules(ledger, None));
        let mut latest = None;
        // A record dated in the future (loaded before ingest refused such rows) must not make every
        // later record look late: the latest time only counts times up to now.
        let now = fanzha_model::Horizon::now();
        for e in 0..graph.edge_count() {
            let t = ledger.transfer(graph.edge(EdgeIx::of(e)).txn);
            checker.record(ledger, t);
            if now.check(t.ts).is_ok() {
                latest = Some(t.ts);
            }
        }
        Ok(Live { store, checker, latest, reports, graph: Mutex::new(Arc::new(graph)) })
    }

    /// The temporal graph of everything in the store (for tracing and batch detection), shared
    /// by readers. Transfers and accounts recorded since it was last asked for are merged in
    /// ([`TemporalGraph::extend`]) in place: readers hold it for one trace, so this waits up to
    /// [`GRAPH_READERS_WAIT`] for those to finish (no new one can start meanwhile) and only then
    /// merges into a copy, which costs about what a rebuild does.
    pub fn graph(&self) -> Arc<TemporalGraph> {
        let mut cached = self.graph.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let ledger = self.store.ledger();
        if !cached.is_current(ledger) {
            let deadline = std::time::Instant::now() + GRAPH_READERS_WAIT;
            while Arc::strong_count(&cached) > 1 && std::time::Instant::now() < deadline {
                std::thread::sleep(std::time::Duration::from_micros(200));
            }
            Arc::make_mut(&mut cached).extend(ledger);
        }
        cached.clone()
    }
}
