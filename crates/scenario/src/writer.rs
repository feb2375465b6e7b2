//! The three CSV files of the interchange format (accounts, transfers, labels), written by hand
//! into a reusable buffer: the transfers file is the hot path of the generator.

use crate::banks::INSTITUTIONS;
use crate::books::Txn;
use crate::calendar::{local_day, midnight, DAY};
use crate::population::World;
use crate::regions::PLACES;
use fanzha_model::{Fen, Region, TransferKind, Ts};
use std::io::{self, Write};

/// Rows are handed to the underlying writer in chunks of about this many bytes.
const CHUNK: usize = 1 << 16;

/// A CSV file being written: a header, then rows of fields.
struct Csv<W: Write> {
    out: W,
    buf: Vec<u8>,
    rows: u64,
}

impl<W: Write> Csv<W> {
    fn new(out: W, header: &str) -> Csv<W> {
        let mut buf = Vec::with_capacity(CHUNK + 1024);
        buf.extend_from_slice(header.as_bytes());
        buf.push(b'\n');
        Csv { out, buf, rows: 0 }
    }

    /// Appends a field that needs no quoting (digits, codes, timestamps).
    fn plain(&mut self, bytes: &[u8]) -> &mut Self {
        self.buf.extend_from_slice(bytes);
        self.buf.push(b',');
        self
    }

    /// Appends a free-text field, quoted (with quotes doubled) when it holds a comma, a quote or
    /// a line break.
    fn text(&mut self, text: &str) -> &mut Self {
        if text.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
            self.buf.push(b'"');
            for b in text.bytes() {
                if b == b'"' {
                    self.buf.push(b'"');
                }
                self.buf.push(b);
            }
            self.buf.push(b'"');
        } else {
            self.buf.extend_from_slice(text.as_bytes());
        }
        self.buf.push(b',');
        self
    }

    /// Appends an amount of fen as decimal yuan.
    fn money(&mut self, fen: i64) -> io::Result<&mut Self> {
        write!(self.buf, "{}", Fen(fen))?;
        self.buf.push(b',');
        Ok(self)
    }

    /// Ends the row (replacing the last separator) and passes full chunks on.
    fn end_row(&mut self) -> io::Result<()> {
        if let Some(last) = self.buf.last_mut() {
            *last = b'\n';
        }
        self.rows += 1;
        if self.buf.len() >= CHUNK {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn finish(mut self) -> io::Result<W> {
        self.out.write_all(&self.buf)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Six-digit division codes of the place table, as text.
fn place_codes() -> Vec<[u8; 6]> {
    PLACES
        .iter()
        .map(|p| {
            let text = Region::new(p.code).map(|r| r.to_string()).unwrap_or_default();
            let mut code = [b'0'; 6];
            code.copy_from_slice(&text.as_bytes()[..6]);
            code
        })
        .collect()
}

/// Writes accounts.csv for every account of the world; returns the number of rows.
pub(crate) fn write_accounts<W: Write>(world: &World, out: W) -> io::Result<u64> {
    let codes = place_codes();
    let mut csv = Csv::new(out, "account_id,bank,holder_id,opened_at,open_region,account_class,opening_balance");
    for a in &world.accounts {
        csv.plain(a.number.as_bytes())
            .plain(INSTITUTIONS[usize::from(a.bank)].code.as_bytes())
            .plain(&world.holders[a.holder as usize])
            .plain(Ts(a.opened_at).to_rfc3339_shanghai().as_bytes())
            .plain(&codes[usize::from(a.place)])
            .plain(a.class.as_str().as_bytes())
            .money(a.opening)?;
        csv.end_row()?;
    }
    let rows = csv.rows;
    csv.finish()?;
    Ok(rows)
}

/// transfers.csv, row by row, in the order the movements are made.
pub(crate) struct TransferRows<W: Write> {
    csv: Csv<W>,
    codes: Vec<[u8; 6]>,
    /// The local day whose date is in `date`.
    day: i64,
    /// `YYYY-MM-DDT` of that day.
    date: [u8; 11],
}

impl<W: Write> TransferRows<W> {
    /// Starts transfers.csv with its header.
    pub fn new(out: W) -> TransferRows<W> {
        let csv = Csv::new(out, "txn_id,ts,from_account,to_account,amount,currency,channel,region,kind,memo");
        TransferRows { csv, codes: place_codes(), day: i64::MIN, date: [b'0'; 11] }
    }

    /// Writes one row; `no` becomes the txn_id (see [`txn_id`]).
    pub fn row(&mut self, no: u64, t: &Txn, kind: TransferKind, amount: i64, from: &[u8], to: &[u8]) -> io::Result<()> {
        let id = txn_id(no);
        let ts = self.timestamp(t.ts);
        let code = self.codes[usize::from(t.place)];
        self.csv.plain(&id).plain(&ts).plain(from).plain(to).money(amount)?;
        self.csv
            .plain(b"CNY")
            .plain(t.channel.as_str().as_bytes())
            .plain(&code)
            .plain(kind.as_str().as_bytes())
            .text(t.memo);
        self.csv.end_row()
    }

    /// RFC 3339 in Shanghai time; the date part is formatted once per day.
    fn timestamp(&mut self, ts: i64) -> [u8; 25] {
        let day = local_day(ts);
        if day != self.day {
            let text = Ts(midnight(day)).to_rfc3339_shanghai();
            self.date.copy_from_slice(&text.as_bytes()[..11]);
            self.day = day;
        }
        let mut out = *b"0000-00-00T00:00:00+08:00";
        out[..11].copy_from_slice(&self.date);
        let second_of_day = (ts - midnight(day)).rem_euclid(DAY) as u64;
        put_digits(&mut out[11..13], second_of_day / 3600);
        put_digits(&mut out[14..16], second_of_day / 60 % 60);
        put_digits(&mut out[17..19], second_of_day % 60);
        out
    }

    /// Flushes and hands back the writer.
    pub fn finish(self) -> io::Result<W> {
        self.csv.finish()
    }
}

/// labels.csv: `kind,id,label`.
pub(crate) struct LabelRows<W: Write> {
    csv: Csv<W>,
}

impl<W: Write> LabelRows<W> {
    /// Starts labels.csv with its header.
    pub fn new(out: W) -> LabelRows<W> {
        LabelRows { csv: Csv::new(out, "kind,id,label") }
    }

    /// Labels the account `number` a mule account.
    pub fn mule(&mut self, number: &[u8]) -> io::Result<()> {
        self.csv.plain(b"account").plain(number).plain(b"mule");
        self.csv.end_row()
    }

    /// Labels the holder `id` a card farmer.
    pub fn card_farmer(&mut self, id: &[u8]) -> io::Result<()> {
        self.csv.plain(b"holder").plain(id).plain(b"card_farmer");
        self.csv.end_row()
    }

    /// Labels transfer number `no` a victim's payment to the fraud network.
    pub fn fraud(&mut self, no: u64) -> io::Result<()> {
        let id = txn_id(no);
        self.csv.plain(b"transfer").plain(&id).plain(b"fraud");
        self.csv.end_row()
    }

    /// Rows written so far.
    pub fn rows(&self) -> u64 {
        self.csv.rows
    }

    /// Flushes and hands back the writer.
    pub fn finish(self) -> io::Result<W> {
        self.csv.finish()
    }
}

/// The txn_id of transfer number `no`: `T` and ten digits.
fn txn_id(no: u64) -> [u8; 11] {
    let mut id = *b"T0000000000";
    put_digits(&mut id[1..], no);
    id
}

/// Writes `value` as zero-padded decimal filling `out`.
pub(crate) fn put_digits(out: &mut [u8], mut value: u64) {
    for d in out.iter_mut().rev() {
        *d = b'0' + (value % 10) as u8;
        value /= 10;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_fields_are_quoted_only_when_needed() {
        let mut csv = Csv::new(Vec::new(), "a,b,c");
        csv.text("安全账户").text("a,b").text("say \"hi\"");
        csv.end_row().unwrap();
        let bytes = csv.finish().unwrap();
        assert_eq!(String::from_utf8(bytes).unwrap(), "a,b,c\n安全账户,\"a,b\",\"say \"\"hi\"\"\"\n");
    }

    #[test]
    fn timestamps_match_the_model() {
        let mut rows = TransferRows::new(Vec::new());
        for ts in [1_709_256_600, 1_709_251_199, 1_709_251_200, 1_711_929_599] {
            let text = rows.timestamp(ts);
            assert_eq!(std::str::from_utf8(&text).unwrap(), Ts(ts).to_rfc3339_shanghai());
        }
    }
}
