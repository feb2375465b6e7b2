-- The analyst's forward fund trace in PostgreSQL, for bench/trace.sh (which explains the
-- comparison). psql variables: max_hops (16) and out_limit (1000). Used as
--   EXECUTE trace('<seed txn_id>');
-- and returns one row: edges, hops, leaf_edges, carried_to_leaves, cashed_out, distinct_txns.
--
-- The trace is a tree of edges (transfers that carried traced money):
--   hop 1     the seed transfer; its payee now holds the seed amount, from the seed's time on.
--   hop k+1   for an edge of hop k that carried C yuan to account A at (ts, txn_id): A's outgoing
--             transfers strictly later in (ts, txn_id) order (the same total order fanzha replays,
--             as the generator numbers txn_ids in ingest order), oldest first, at most out_limit
--             of them; each carries LEAST(amount, C - sum of A's earlier outgoing amounts in that
--             list), and the list stops once the earlier ones sum to C. That is FIFO on the traced
--             money alone: A's opening balance and its other inflows are ignored, because a
--             recursive query has no per-account state to hold them in.
--   stop      a withdrawal (to_account NULL: cash out) ends a path; hop max_hops is the last.
-- Each path is expanded on its own: an account reached twice is traced twice, once per arrival.
PREPARE trace(text) AS
WITH RECURSIVE flow (hop, txn_id, parent, ts, account, carried) AS (
    SELECT 1, t.txn_id, NULL::text, t.ts, t.to_account, t.amount::numeric
    FROM transfers t
    WHERE t.txn_id = $1
  UNION ALL
    SELECT f.hop + 1, o.txn_id, f.txn_id, o.ts, o.to_account, LEAST(o.amount, f.carried - o.passed_before)
    FROM flow f
    CROSS JOIN LATERAL (
        -- Running sum of the outgoing amounts before each one, over the first out_limit
        -- outgoing transfers after the arrival (an index range scan on (from_account, ts, txn_id)).
        SELECT w.txn_id, w.ts, w.to_account, w.amount,
               COALESCE(sum(w.amount) OVER (ORDER BY w.ts, w.txn_id
                                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS passed_before
        FROM (SELECT t.txn_id, t.ts, t.to_account, t.amount
              FROM transfers t
              WHERE t.from_account = f.account AND (t.ts, t.txn_id) > (f.ts, f.txn_id)
              ORDER BY t.ts, t.txn_id
              LIMIT :out_limit) w
    ) o
    WHERE f.account IS NOT NULL AND f.hop < :max_hops AND o.passed_before < f.carried
)
-- Sanity figures, so a trace that does no work shows: a leaf edge is one nothing was followed
-- from (cash out, last hop, or a payee with no later outgoing transfer).
SELECT count(*) AS edges,
       max(f.hop) AS hops,
       count(*) FILTER (WHERE leaf) AS leaf_edges,
       COALESCE(sum(f.carried) FILTER (WHERE leaf), 0) AS carried_to_leaves,
       COALESCE(sum(f.carried) FILTER (WHERE f.account IS NULL), 0) AS cashed_out,
       count(DISTINCT f.txn_id) AS distinct_txns
FROM (SELECT f.*,
             f.account IS NULL OR f.hop = :max_hops
               OR NOT EXISTS (SELECT 1 FROM flow c WHERE c.parent = f.txn_id AND c.hop = f.hop + 1) AS leaf
      FROM flow f) f;
