# Shared by the bench/*.sh scripts (source it, do not run it): a throwaway PostgreSQL cluster for
# one benchmark run.
#
#   source bench/lib/pg.sh
#   pg_start                 # sets PGBIN, PGDATA and the PSQL command array; stops on EXIT
#   "${PSQL[@]}" -c 'SELECT 1'
#
# The cluster is the newest installed PostgreSQL (installed with apt-get if there is none), made
# by initdb in a fresh temp directory, with trust auth and no TCP: clients connect on a unix
# socket in that directory. fsync and synchronous_commit keep their defaults (on), so loads are
# durable as in production; max_wal_size=4GB and shared_buffers=1GB are the usual bulk-load
# settings. When run as root the server runs as the postgres user (it refuses to run as root).
# pg_start installs an EXIT trap that stops the server and deletes the directory; a caller that
# needs its own EXIT trap should call pg_stop from it.

# Run a command as the postgres user when we are root, else as ourselves.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_start() {
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$PGBIN" ]; then
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  PGDATA=$(mktemp -d /tmp/fanzha-bench-pg.XXXXXX)
  chown postgres "$PGDATA"
  as_pg "$PGBIN/initdb" -D "$PGDATA/data" -A trust -U postgres >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA/data" -o "-k $PGDATA -c listen_addresses='' -c max_wal_size=4GB -c shared_buffers=1GB" -l "$PGDATA/log" -w start >/dev/null
  trap pg_stop EXIT
  PSQL=("$PGBIN/psql" -h "$PGDATA" -U postgres -v ON_ERROR_STOP=1 -q -X)
}

# Stop the server (fast shutdown) and delete its directory. Safe to call twice.
pg_stop() {
  [ -n "${PGDATA:-}" ] || return 0
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
  PGDATA=
}

# (Re)create the accounts and transfers tables of the interchange CSVs, keys only; $1 is extra SQL run
# in the same statement (e.g. indexes that must exist during the load).
pg_create_tables() {
  "${PSQL[@]}" -c "SET client_min_messages = warning; DROP TABLE IF EXISTS transfers; DROP TABLE IF EXISTS accounts;
    CREATE TABLE accounts (account_id text PRIMARY KEY, bank text NOT NULL, holder_id text NOT NULL,
      opened_at timestamptz NOT NULL, open_region text, account_class text, opening_balance numeric(16,2));
    CREATE TABLE transfers (txn_id text PRIMARY KEY, ts timestamptz NOT NULL, from_account text, to_account text,
      amount numeric(16,2) NOT NULL, currency text, channel text, region text, kind text, memo text);
    ${1:-}"
}

# \copy DIR/accounts.csv and DIR/transfers.csv into those tables (columns as the headers name them);
# sets COPY_T0 and COPY_T1, the times around the two copies.
pg_copy_csv() {
  local acols tcols
  acols=$(head -1 "$1/accounts.csv" | tr -d '\r')
  tcols=$(head -1 "$1/transfers.csv" | tr -d '\r')
  COPY_T0=$(date +%s.%N)
  "${PSQL[@]}" -c "\\copy accounts($acols) FROM '$1/accounts.csv' CSV HEADER"
  "${PSQL[@]}" -c "\\copy transfers($tcols) FROM '$1/transfers.csv' CSV HEADER"
  COPY_T1=$(date +%s.%N)
}
