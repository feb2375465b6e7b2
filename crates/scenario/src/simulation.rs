//! The day loop: each local day's ordinary movements are planned, sorted by time and merged with
//! the fraud network's scheduled steps, so transfers.csv comes out in time order while only one
//! day of movements is ever held in memory.

use crate::books::{Books, Txn};
use crate::calendar::{local_day, Day, DAY};
use crate::life::Life;
use crate::network::Network;
use crate::population::World;
use crate::writer::{LabelRows, TransferRows};
use std::io::{self, Write};

/// Runs the data from `start` (inclusive) to `end` (exclusive); returns the number of movements.
pub(crate) fn run<T: Write, L: Write>(
    world: &World,
    life: &mut Life,
    network: &mut Network,
    (start, end): (i64, i64),
    transfers: T,
    labels: &mut LabelRows<L>,
) -> io::Result<u64> {
    let mut books = Books::new(world, TransferRows::new(transfers));
    let mut planned: Vec<Txn> = Vec::new();
    if end > start {
        for number in local_day(start)..=local_day(end - 1) {
            let day = Day::new(number);
            let day_end = (day.start + DAY).min(end);
            planned.clear();
            life.plan_day(world, &day, books.balances(), &mut planned);
            planned.retain(|t| (start..end).contains(&t.ts));
            // A stable sort: ties keep planning order, whatever the toolchain.
            planned.sort_by_key(|t| t.ts);
            let mut ordinary = planned.iter().peekable();
            loop {
                let fraud_at = network.next_at().filter(|ts| *ts < day_end);
                match (ordinary.peek(), fraud_at) {
                    (Some(t), Some(f)) if f < t.ts => network.step(&mut books, labels)?,
                    (Some(_), _) => {
                        if let Some(t) = ordinary.next() {
                            books.make(t)?;
                        }
                    }
                    (None, Some(_)) => network.step(&mut books, labels)?,
                    (None, None) => break,
                }
            }
        }
    }
    let made = books.made();
    books.finish()?;
    Ok(made)
}
