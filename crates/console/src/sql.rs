//! The two database backends behind one small interface: SQLite (embedded, the default) and
//! PostgreSQL (by URL). Statements are written once with `$1`-style parameters and portable SQL;
//! values travel as [`V`] and rows are read through [`Row`], so the queries in [`crate::db`] do not
//! know which backend runs them.

use std::path::Path;

/// A database error of either backend.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// SQLite said so.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL said so.
    #[error("postgres: {0}")]
    Postgres(#[from] postgres::Error),
    /// The database answered something the schema rules out (a missing id, a broken audit chain).
    #[error("{0}")]
    Invalid(String),
}

/// Result of a database call.
pub type DbResult<T> = Result<T, DbError>;

/// A bound value.
#[derive(Debug, Clone)]
pub enum V {
    /// An integer.
    I(i64),
    /// An integer or NULL.
    OI(Option<i64>),
    /// Text.
    S(String),
    /// Text or NULL.
    OS(Option<String>),
    /// A float.
    F(f64),
    /// A boolean.
    B(bool),
}

/// Reads columns of a result row by position. A NULL in a non-null read, a mistyped or a missing
/// column is an error, never a default.
pub trait Row {
    /// An integer column.
    fn int(&self, i: usize) -> DbResult<i64>;
    /// A nullable integer column.
    fn opt_int(&self, i: usize) -> DbResult<Option<i64>>;
    /// A text column.
    fn text(&self, i: usize) -> DbResult<String>;
    /// A nullable text column.
    fn opt_text(&self, i: usize) -> DbResult<Option<String>>;
    /// A float column.
    fn float(&self, i: usize) -> DbResult<f64>;
}

/// Implements [`Row`] with the backend's fallible getter.
macro_rules! row {
    ($ty:ty, $get:ident) => {
        impl Row for $ty {
            fn int(&self, i: usize) -> DbResult<i64> {
                Ok(self.$get(i)?)
            }
            fn opt_int(&self, i: usize) -> DbResult<Option<i64>> {
                Ok(self.$get(i)?)
            }
            fn text(&self, i: usize) -> DbResult<String> {
                Ok(self.$get(i)?)
            }
            fn opt_text(&self, i: usize) -> DbResult<Option<String>> {
                Ok(self.$get(i)?)
            }
            fn float(&self, i: usize) -> DbResult<f64> {
                Ok(self.$get(i)?)
            }
        }
    };
}

row!(rusqlite::Row<'_>, get);
row!(postgres::Row, try_get);

/// An open connection.
pub enum Conn {
    /// The embedded default.
    Sqlite(rusqlite::Connection),
    /// A PostgreSQL server. Its client runs its own runtime, so every call (and closing it) is made
    /// on a scoped thread: it works from inside the server's async handlers too.
    Postgres(Pg),
}

/// A PostgreSQL client that is closed off the async runtime too.
pub struct Pg(Option<postgres::Client>);

impl Pg {
    fn client(&mut self) -> &mut postgres::Client {
        self.0.as_mut().expect("open until dropped")
    }
}

impl Drop for Pg {
    fn drop(&mut self) {
        if let Some(c) = self.0.take() {
            off_runtime(move || drop(c));
        }
    }
}

/// SQLite numbers its parameters `?1`; the statements use PostgreSQL's `$1`.
fn for_sqlite(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    out
}

fn sqlite_values(params: &[V]) -> Vec<Box<dyn rusqlite::ToSql + '_>> {
    params
        .iter()
        .map(|v| -> Box<dyn rusqlite::ToSql> {
            match v {
                V::I(x) => Box::new(*x),
                V::OI(x) => Box::new(*x),
                V::S(x) => Box::new(x.as_str()),
                V::OS(x) => Box::new(x.as_deref()),
                V::F(x) => Box::new(*x),
                V::B(x) => Box::new(*x),
            }
        })
        .collect()
}

fn pg_values(params: &[V]) -> Vec<&(dyn postgres::types::ToSql + Sync)> {
    params
        .iter()
        .map(|v| -> &(dyn postgres::types::ToSql + Sync) {
            match v {
                V::I(x) => x,
                V::OI(x) => x,
                V::S(x) => x,
                V::OS(x) => x,
                V::F(x) => x,
                V::B(x) => x,
            }
        })
        .collect()
}

/// Runs `f` on a scoped thread (outside any async runtime).
fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| s.spawn(f).join().expect("database call panicked"))
}

impl Conn {
    /// Opens SQLite at `path`.
    pub fn sqlite(path: &Path) -> DbResult<Conn> {
        let c = rusqlite::Connection::open(path)?;
        c.busy_timeout(std::time::Duration::from_secs(5))?;
        // FULL: a commit is on disk when it returns, also in WAL mode (NORMAL may lose the last
        // commits on power loss); an audit entry that was written must stay written.
        c.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
        Ok(Conn::Sqlite(c))
    }

    /// Connects to PostgreSQL at `url` (`postgres://user:password@host/db`), using `schema` (created
    /// if missing) when given.
    pub fn postgres(url: &str, schema: Option<&str>) -> DbResult<Conn> {
        let mut client = off_runtime(|| postgres::Client::connect(url, postgres::NoTls))?;
        if let Some(s) = schema {
            let s = s.replace('"', "");
            off_runtime(|| {
                client.batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS \"{s}\"; SET search_path TO \"{s}\""))
            })?;
        }
        Ok(Conn::Postgres(Pg(Some(client))))
    }

    /// Runs statements without parameters.
    pub fn batch(&mut self, sql: &str) -> DbResult<()> {
        match self {
            Conn::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Conn::Postgres(c) => Ok(off_runtime(|| c.client().batch_execute(sql))?),
        }
    }

    /// Runs one statement; returns the rows it changed.
    pub fn exec(&mut self, sql: &str, params: &[V]) -> DbResult<u64> {
        match self {
            Conn::Sqlite(c) => {
                let values = sqlite_values(params);
                let refs: Vec<&dyn rusqlite::ToSql> = values.iter().map(|b| b.as_ref()).collect();
                Ok(c.prepare_cached(&for_sqlite(sql))?.execute(refs.as_slice())? as u64)
            }
            Conn::Postgres(c) => Ok(off_runtime(|| c.client().execute(sql, &pg_values(params)))?),
        }
    }

    /// Runs a query and maps every row.
    pub fn query<T: Send>(&mut self, sql: &str, params: &[V], map: fn(&dyn Row) -> DbResult<T>) -> DbResult<Vec<T>> {
        match self {
            Conn::Sqlite(c) => {
                let values = sqlite_values(params);
                let refs: Vec<&dyn rusqlite::ToSql> = values.iter().map(|b| b.as_ref()).collect();
                let mut st = c.prepare_cached(&for_sqlite(sql))?;
                let mut rows = st.query(refs.as_slice())?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    out.push(map(r)?);
                }
                Ok(out)
            }
            Conn::Postgres(c) => {
                let rows = off_runtime(|| c.client().query(sql, &pg_values(params)))?;
                rows.iter().map(|r| map(r)).collect()
            }
        }
    }

    /// Whether this is PostgreSQL.
    pub fn is_postgres(&self) -> bool {
        matches!(self, Conn::Postgres(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_renamed_for_sqlite_only_where_they_are_parameters() {
        assert_eq!(for_sqlite("SELECT $1, '$x', $12"), "SELECT ?1, '$x', ?12");
    }
}
