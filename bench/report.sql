-- The large-value transaction report (PBOC Order 2016 No. 3, Art. 5) in PostgreSQL, for
-- bench/report.sh (which explains the comparison). Run with \i after the accounts and transfers
-- tables are loaded; psql variables (the script takes them from fanzha's default configuration,
-- crates/reports/src/default.toml):
--   from_day, to_day       the report's natural days, inclusive (YYYY-MM-DD, Asia/Shanghai)
--   line_cash, line_non_natural, line_natural_domestic     the report lines in yuan (inclusive)
--   deadline_days          deadline = this many working days after the transaction's day
--   holidays, workdays     the calendar: comma-separated quoted dates ('2024-01-01','2024-02-10',...)
-- It creates the report's reference tables (lines, calendar) and two views: large_report_rows, one
-- row per reported leg with every field fanzha's CSV has (plus category_rank and ts_order, for
-- ordering), and large_report, the same in fanzha's column order and report order, which report.sh
-- writes out:
--   \copy (SELECT * FROM large_report) TO '/dev/null' CSV HEADER
--
-- How: every leg with its group key (one pass over the month's transfers, once per side, joined to
-- the leg's account), its line and deadline; sum(amount) as a window over the group gives each leg
-- its day total; the legs whose day total reaches the line are the report, joined to the
-- counterparty's account for its bank. The window sorts the legs in report order, so the final
-- ORDER BY finds them already in order (PostgreSQL's sort then makes one linear pass).
--
-- The rules, as crates/reports/src/large.rs applies them:
--   * customers are the accounts of accounts.csv; an account seen only in transfers is external and
--     never reported (the inner join on the leg's account below drops its legs);
--   * a transfer has an `out` leg for its payer and an `in` leg for its payee, each only if a customer;
--   * category: deposit or withdrawal -> cash; else non_natural_transfer if the leg's account is
--     account_class corp, else natural_domestic_transfer (the data has no cross_border column, so
--     every transfer is domestic; all amounts are CNY, which report.sh checks);
--   * customer = the holder identity, trimmed and upper-cased as fanzha normalises it before hashing
--     (or the account number when there is no holder); the group is (institution = the leg account's
--     bank, customer, natural day in Asia/Shanghai, side, category); every leg of a group whose sum
--     reaches the line (>=) is reported, basis `single` when the leg alone reaches it.
-- Differences in form, not content: fanzha shows the customer as a salted digest (the salt is the
-- deployment's secret) and sorts customers by it; here the customer column is the same mask fanzha
-- shows, and the digest column holds the normalised identity itself (customer_key), which a bank's
-- own compliance database would hold.

CREATE TABLE report_lines (
    category      text PRIMARY KEY,
    category_rank int NOT NULL,          -- fanzha's order of categories within a customer's day and side
    line          numeric(16,2) NOT NULL
);
INSERT INTO report_lines VALUES
    ('cash', 0, :'line_cash'),
    ('non_natural_transfer', 1, :'line_non_natural'),
    ('natural_domestic_transfer', 2, :'line_natural_domestic');

-- Working days: Monday to Friday except holidays, plus weekend days worked (调休).
CREATE TABLE report_holidays (day date PRIMARY KEY);
CREATE TABLE report_workdays (day date PRIMARY KEY);
INSERT INTO report_holidays SELECT unnest(ARRAY[:holidays]::date[]);
INSERT INTO report_workdays SELECT unnest(ARRAY[:workdays]::date[]);

-- Each natural day of the report with its filing deadline: the deadline_days-th working day after it.
CREATE TABLE report_days AS
SELECT d::date AS day,
       (SELECT w::date
        FROM generate_series(d + interval '1 day', d + interval '60 days', interval '1 day') w
        WHERE w::date IN (SELECT day FROM report_workdays)
           OR (extract(isodow FROM w) < 6 AND w::date NOT IN (SELECT day FROM report_holidays))
        ORDER BY w
        OFFSET :deadline_days - 1 LIMIT 1) AS deadline
FROM generate_series(:'from_day'::date, :'to_day'::date, interval '1 day') d;
ALTER TABLE report_days ADD PRIMARY KEY (day);
ANALYZE report_lines, report_holidays, report_workdays, report_days;

CREATE VIEW large_report_rows AS
WITH legs AS (
    -- Every leg of the report's days at a customer account (the inner join on accounts drops the
    -- legs of external accounts) with its group key, its line and its deadline.
    SELECT k.*, r.line, r.category_rank, d.deadline
    FROM (
        SELECT l.side, l.txn_id COLLATE "C" AS txn_id, l.ts, l.amount, l.currency, l.channel, l.region, l.account, l.counterparty,
               a.bank COLLATE "C" AS institution,
               COALESCE(NULLIF(upper(btrim(a.holder_id)), ''), a.account_id) COLLATE "C" AS customer_key,
               lower(btrim(a.account_class)) = 'corp' AS corp,
               (l.ts AT TIME ZONE 'Asia/Shanghai')::date AS day,
               CASE WHEN l.kind IN ('deposit', 'withdrawal') THEN 'cash'
                    WHEN lower(btrim(a.account_class)) = 'corp' THEN 'non_natural_transfer'
                    ELSE 'natural_domestic_transfer' END AS category
        FROM (
            SELECT 'out' AS side, t.from_account AS account, t.to_account AS counterparty, t.*
            FROM transfers t
            WHERE t.ts >= (:'from_day'::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
              AND t.ts < (:'to_day'::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
          UNION ALL
            SELECT 'in', t.to_account, t.from_account, t.*
            FROM transfers t
            WHERE t.ts >= (:'from_day'::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
              AND t.ts < (:'to_day'::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
        ) l
        JOIN accounts a ON a.account_id = l.account
    ) k
    JOIN report_lines r ON r.category = k.category
    JOIN report_days d ON d.day = k.day
), summed AS (
    -- The day total of each leg's group. The window is ordered as the report is (ts, txn_id within
    -- a group; the frame is the whole group), so its sort is the report's sort too. COLLATE "C":
    -- byte order, as fanzha sorts codes, and cheaper than the database's C.UTF-8.
    SELECT legs.*,
           sum(amount) OVER (PARTITION BY institution, customer_key, day, side, category_rank
                             ORDER BY ts, txn_id
                             ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS day_total
    FROM legs
)
SELECT institution,
       -- fanzha's mask: the first and last 4 characters kept (1 for 3..9 characters, none below), the rest starred
       CASE WHEN char_length(customer_key) >= 10
                THEN left(customer_key, 4) || repeat('*', char_length(customer_key) - 8) || right(customer_key, 4)
            WHEN char_length(customer_key) >= 3
                THEN left(customer_key, 1) || repeat('*', char_length(customer_key) - 2) || right(customer_key, 1)
            ELSE repeat('*', char_length(customer_key)) END AS customer,
       customer_key,
       CASE WHEN corp THEN 'non_natural' ELSE 'natural' END AS customer_type,
       account,
       side,
       category,
       CASE WHEN amount >= line THEN 'single' ELSE 'cumulative' END AS basis,
       txn_id,
       extract(epoch FROM ts)::bigint AS ts,
       to_char(ts AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS time,
       day,
       (amount * 100)::bigint AS amount_fen,
       currency,
       (day_total * 100)::bigint AS day_total_fen,
       'CNY' AS day_total_currency,
       (line * 100)::bigint AS threshold_fen,
       channel,
       region,
       counterparty,
       c.bank AS counterparty_institution,     -- none for an external counterparty or cash, as in fanzha
       'false' AS cross_border,
       deadline,
       category_rank,
       ts AS ts_order
FROM summed
LEFT JOIN accounts c ON c.account_id = summed.counterparty
WHERE day_total >= line;

-- The report as fanzha writes it: its columns, in report order (customers by identity here, by
-- salted digest in fanzha). The window above has sorted the rows in this order already.
CREATE VIEW large_report AS
SELECT institution, customer, customer_key, customer_type, account, side, category, basis, txn_id, ts, time, day,
       amount_fen, currency, day_total_fen, day_total_currency, threshold_fen, channel, region, counterparty,
       counterparty_institution, cross_border, deadline
FROM large_report_rows
ORDER BY institution, customer_key, day, side, category_rank, ts_order, txn_id;
