//! The edges in time order with time-sorted adjacency per vertex and per vertex pair (CSR arrays).

use crate::Edge;
use rustc_hash::FxHashMap;

/// A static temporal multigraph. Edges are addressed by their position in time order (ties keep input
/// order); every adjacency list below is sorted by position, hence by time.
pub(crate) struct Graph {
    /// Input index of the edge at each position.
    pub input: Vec<u32>,
    /// Time, source and target vertex of the edge at each position.
    pub time: Vec<i64>,
    pub src: Vec<u32>,
    pub dst: Vec<u32>,
    /// Number of vertices.
    pub vertices: usize,
    out: Csr,
    inc: Csr,
    /// Edges grouped by (source, target) pair; pairs sorted by (source, target).
    pair_edges: Vec<u32>,
    pair_start: Vec<u32>,
    pair_dst: Vec<u32>,
    pair_src: Vec<u32>,
    /// Pairs of each source vertex (a contiguous range of pair ids, sorted by target).
    out_pairs: Vec<u32>,
    /// Pair ids into each target vertex, sorted by source.
    in_pairs: Csr,
}

/// Compressed sparse rows: the items of row `r` are `items[start[r]..start[r + 1]]`.
struct Csr {
    start: Vec<u32>,
    items: Vec<u32>,
}

impl Csr {
    /// Rows built from `(row, item)` pairs given in the order items must keep within a row.
    fn build(rows: usize, pairs: impl Iterator<Item = (u32, u32)> + Clone) -> Csr {
        let mut start = vec![0u32; rows + 1];
        for (r, _) in pairs.clone() {
            start[r as usize + 1] += 1;
        }
        for r in 0..rows {
            start[r + 1] += start[r];
        }
        let mut fill = start.clone();
        let mut items = vec![0u32; start[rows] as usize];
        for (r, item) in pairs {
            items[fill[r as usize] as usize] = item;
            fill[r as usize] += 1;
        }
        Csr { start, items }
    }

    fn row(&self, r: u32) -> &[u32] {
        &self.items[self.start[r as usize] as usize..self.start[r as usize + 1] as usize]
    }
}

impl Graph {
    /// Builds the graph; vertex ids are renumbered densely.
    pub fn new(edges: &[Edge]) -> Graph {
        assert!(edges.len() < u32::MAX as usize, "at most 2^32 - 1 edges");
        let mut order: Vec<u32> = (0..edges.len() as u32).collect();
        order.sort_by_key(|&i| edges[i as usize].time);
        let mut ids: FxHashMap<i64, u32> = FxHashMap::default();
        let mut vertex = |id: i64| {
            let n = ids.len() as u32;
            *ids.entry(id).or_insert(n)
        };
        let mut src = Vec::with_capacity(edges.len());
        let mut dst = Vec::with_capacity(edges.len());
        for &i in &order {
            let e = &edges[i as usize];
            src.push(vertex(e.src));
            dst.push(vertex(e.dst));
        }
        let time: Vec<i64> = order.iter().map(|&i| edges[i as usize].time).collect();
        let vertices = ids.len();
        let positions = 0..edges.len() as u32;
        let out = Csr::build(vertices, positions.clone().map(|p| (src[p as usize], p)));
        let inc = Csr::build(vertices, positions.map(|p| (dst[p as usize], p)));

        // Pairs: walk each source's out-edges sorted by (target, position).
        let mut pair_edges = Vec::with_capacity(edges.len());
        let (mut pair_start, mut pair_dst, mut pair_src) = (vec![0u32], Vec::new(), Vec::new());
        let mut out_pairs = vec![0u32; vertices + 1];
        let mut row: Vec<u32> = Vec::new();
        for a in 0..vertices as u32 {
            row.clear();
            row.extend_from_slice(out.row(a));
            row.sort_by_key(|&p| (dst[p as usize], p));
            for (k, &p) in row.iter().enumerate() {
                if k > 0 && dst[row[k - 1] as usize] != dst[p as usize] {
                    pair_start.push(pair_edges.len() as u32);
                    pair_dst.push(dst[row[k - 1] as usize]);
                    pair_src.push(a);
                }
                pair_edges.push(p);
            }
            if let Some(&last) = row.last() {
                pair_start.push(pair_edges.len() as u32);
                pair_dst.push(dst[last as usize]);
                pair_src.push(a);
            }
            out_pairs[a as usize + 1] = pair_dst.len() as u32;
        }
        let mut by_target: Vec<u32> = (0..pair_dst.len() as u32).collect();
        by_target.sort_by_key(|&k| (pair_dst[k as usize], pair_src[k as usize]));
        let in_pairs = Csr::build(vertices, by_target.into_iter().map(|k| (pair_dst[k as usize], k)));
        Graph {
            input: order,
            time,
            src,
            dst,
            vertices,
            out,
            inc,
            pair_edges,
            pair_start,
            pair_dst,
            pair_src,
            out_pairs,
            in_pairs,
        }
    }

    /// Number of edges.
    pub fn len(&self) -> usize {
        self.time.len()
    }

    /// Out-edges of `v` (positions).
    pub fn out_edges(&self, v: u32) -> &[u32] {
        self.out.row(v)
    }

    /// In-edges of `v` (positions).
    pub fn in_edges(&self, v: u32) -> &[u32] {
        self.inc.row(v)
    }

    /// Pair ids of `v`'s out-neighbours, sorted by neighbour.
    pub fn out_pairs(&self, v: u32) -> std::ops::Range<u32> {
        self.out_pairs[v as usize]..self.out_pairs[v as usize + 1]
    }

    /// Pair ids of `v`'s in-neighbours, sorted by neighbour.
    pub fn in_pairs(&self, v: u32) -> &[u32] {
        self.in_pairs.row(v)
    }

    /// Source and target of a pair.
    pub fn pair_ends(&self, k: u32) -> (u32, u32) {
        (self.pair_src[k as usize], self.pair_dst[k as usize])
    }

    /// The edges of a pair, in time order.
    pub fn pair(&self, k: u32) -> &[u32] {
        &self.pair_edges[self.pair_start[k as usize] as usize..self.pair_start[k as usize + 1] as usize]
    }

    /// The latest time of a pair's edges.
    pub fn pair_latest(&self, k: u32) -> i64 {
        let edges = self.pair(k);
        self.time[edges[edges.len() - 1] as usize]
    }

    /// The pair `a -> b`, if any edge goes from `a` to `b`.
    pub fn find_pair(&self, a: u32, b: u32) -> Option<u32> {
        let r = self.out_pairs(a);
        let dsts = &self.pair_dst[r.start as usize..r.end as usize];
        dsts.binary_search(&b).ok().map(|i| r.start + i as u32)
    }

    /// The number of items of a time-sorted position list with time in `lo..=hi`.
    pub fn count_in(&self, list: &[u32], lo: i64, hi: i64) -> usize {
        self.upto(list, hi) - self.upto(list, lo - 1)
    }

    /// The number of items of a time-sorted position list with time `<= t`.
    pub fn upto(&self, list: &[u32], t: i64) -> usize {
        list.partition_point(|&p| self.time[p as usize] <= t)
    }

    /// Edges of `v` (in and out) with time in `lo..=hi`.
    pub fn degree_in_window(&self, v: u32, lo: i64, hi: i64) -> usize {
        self.count_in(self.out_edges(v), lo, hi) + self.count_in(self.in_edges(v), lo, hi)
    }

    /// Whether `v` is a hub under `limit` (none: never): more than `limit` edges with time in `lo..=hi`.
    pub fn is_hub(&self, v: u32, lo: i64, hi: i64, limit: Option<usize>) -> bool {
        limit.is_some_and(|l| self.degree_in_window(v, lo, hi) > l)
    }
}
