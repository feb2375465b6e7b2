//! A flat copy of boosted trees for scoring one row at a time. The transfer check scores a payee
//! with the live stage on every check: through forust's `predict` that is a thousand tree walks
//! over wide nodes plus an allocation per tree (about 90 µs); here the same walks run over one
//! compact array with the same arithmetic, so the sums are equal to forust's to the bit (tested),
//! and so are the path contributions given as reasons.

use forust_ml::gradientbooster::GradientBooster;

/// One node: a split or a leaf.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// Column tested; `u32::MAX` for a leaf.
    feature: u32,
    /// The threshold of a split.
    value: f64,
    /// The node's weight: a leaf's score; a split's, the weight its rows had before the split.
    weight: f64,
    /// Where a value below the threshold goes, where the rest go, and where a missing one goes.
    left: u32,
    right: u32,
    missing: u32,
}

/// The trees of one booster: its base score and, per tree, the index of its root in `nodes`.
#[derive(Debug, Clone)]
struct Booster {
    base: f64,
    roots: Vec<u32>,
}

/// Several boosters' trees in one array.
#[derive(Debug, Clone)]
pub struct Forest {
    nodes: Vec<Node>,
    boosters: Vec<Booster>,
}

const LEAF: u32 = u32::MAX;

impl Forest {
    /// The flat copy of `boosters` (those used for prediction: all trees up to the booster's
    /// prediction iteration). Missing values must be NaN, forust's default (model files are
    /// checked for it on load).
    pub fn new<'a>(boosters: impl IntoIterator<Item = &'a GradientBooster>) -> Forest {
        let mut nodes = Vec::new();
        let mut out = Vec::new();
        for b in boosters {
            let used = b.prediction_iteration.unwrap_or(b.trees.len()).min(b.trees.len());
            let mut roots = Vec::with_capacity(used);
            for tree in &b.trees[..used] {
                let offset = nodes.len() as u32;
                roots.push(offset);
                // forust numbers a tree's nodes by position in its `nodes`.
                let at = |i: usize| offset + i as u32;
                nodes.extend(tree.nodes.iter().map(|n| {
                    let weight = f64::from(n.weight_value);
                    if n.is_leaf {
                        Node { feature: LEAF, value: 0.0, weight, left: 0, right: 0, missing: 0 }
                    } else {
                        Node {
                            feature: n.split_feature as u32,
                            value: n.split_value,
                            weight,
                            left: at(n.left_child),
                            right: at(n.right_child),
                            missing: at(n.missing_node),
                        }
                    }
                }));
            }
            out.push(Booster { base: b.base_score, roots });
        }
        Forest { nodes, boosters: out }
    }

    /// Each booster's raw score (log-odds) of `row`, summed as forust sums it: base score, then
    /// each tree's leaf in order.
    pub fn scores<'a>(&'a self, row: &'a [f64]) -> impl Iterator<Item = f64> + 'a {
        self.boosters.iter().map(move |b| {
            let mut sum = b.base;
            for &root in &b.roots {
                sum += self.leaf(root, row);
            }
            sum
        })
    }

    /// Each booster's contributions of `row`'s columns to its score, as forust's
    /// `ContributionsMethod::Weight` gives them (Saabas): along the row's path, each split adds
    /// to its column the change of weight from the node to the child taken. (forust's last,
    /// bias column is left out.)
    pub fn contributions(&self, row: &[f64]) -> Vec<Vec<f64>> {
        self.boosters
            .iter()
            .map(|b| {
                let mut out = vec![0.0; row.len()];
                for &root in &b.roots {
                    let mut i = root;
                    loop {
                        let n = self.nodes[i as usize];
                        if n.feature == LEAF {
                            break;
                        }
                        let child = self.child(&n, row);
                        out[n.feature as usize] += self.nodes[child as usize].weight - n.weight;
                        i = child;
                    }
                }
                out
            })
            .collect()
    }

    fn leaf(&self, mut i: u32, row: &[f64]) -> f64 {
        loop {
            let n = self.nodes[i as usize];
            if n.feature == LEAF {
                return n.weight;
            }
            i = self.child(&n, row);
        }
    }

    /// The child of split `n` that `row` goes to.
    fn child(&self, n: &Node, row: &[f64]) -> u32 {
        let v = row[n.feature as usize];
        if v.is_nan() {
            n.missing
        } else if v < n.value {
            n.left
        } else {
            n.right
        }
    }
}
