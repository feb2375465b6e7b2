//! IBM AMLworld transactions (`HI-Small_Trans.csv` and its siblings).
//!
//! Columns: Timestamp, From Bank, Account, To Bank, Account, Amount Received, Receiving Currency,
//! Amount Paid, Payment Currency, Payment Format, Is Laundering. The file has no zone and no ids:
//! timestamps (`2022/09/01 00:20`) are taken as UTC, and a transaction's id is `<prefix>:<line>`.
//! The amount kept is *Amount Paid* in the payment currency, rounded half-up to two decimals
//! (AMLworld gives some amounts, notably Bitcoin, with more); a row that rounds to zero is
//! rejected. Banks become institution codes `B<n>`. `Is Laundering = 1` becomes the transfer
//! label `Is Laundering`, kept for evaluation only.

use crate::fields::required;
use crate::ingestor::{Ingestor, Outcome, TransferRecord};
use crate::input::{Row, Schema};
use fanzha_model::{Channel, Currency, Fen, LabelTarget, Transfer, Ts};

pub(crate) const TRANSACTIONS: Schema = Schema {
    columns: &[
        "timestamp",
        "from bank",
        "account",
        "to bank",
        "account.1",
        "amount paid",
        "payment currency",
        "payment format",
        "amount received",
        "receiving currency",
        "is laundering",
    ],
    required: 8,
};

/// One row.
pub(crate) fn transaction(ing: &mut Ingestor<'_>, row: &dyn Row, line: u64, prefix: &str) -> Result<Outcome, String> {
    let ts = parse_time(required(row, 0, "Timestamp")?)?;
    let from_bank = format!("B{}", required(row, 1, "From Bank")?.trim_start_matches('0'));
    let from = required(row, 2, "Account")?;
    let to_bank = format!("B{}", required(row, 3, "To Bank")?.trim_start_matches('0'));
    let to = required(row, 4, "Account (second)")?;
    let paid = required(row, 5, "Amount Paid")?;
    let amount = round_to_fen(paid).ok_or_else(|| format!("Amount Paid: '{paid}' is not a decimal number"))?;
    let currency_name = required(row, 6, "Payment Currency")?;
    if amount.0 <= 0 {
        return Err(format!("Amount Paid: '{paid}' {currency_name} rounds to 0.00"));
    }
    let currency =
        currency(currency_name).ok_or_else(|| format!("Payment Currency: '{currency_name}' is not known"))?;
    let channel = channel(required(row, 7, "Payment Format")?);
    let laundering = match row.get(10) {
        None | Some("0") => false,
        Some("1") => true,
        Some(other) => return Err(format!("Is Laundering: '{other}' is not 0 or 1")),
    };
    ing.ensure_account(from, &from_bank)?;
    ing.ensure_account(to, &to_bank)?;
    let txn_id = format!("{prefix}:{line}");
    let transfer = Transfer { currency, channel: Some(channel), ..Transfer::plain(ts, None, None, amount) };
    let (outcome, ix) =
        ing.put_transfer(TransferRecord { txn_id: &txn_id, from: Some(from), to: Some(to), transfer })?;
    if let (true, Some(ix)) = (laundering, ix) {
        ing.put_label(LabelTarget::Transfer(ix), "Is Laundering")?;
    }
    Ok(outcome)
}

/// `YYYY/MM/DD HH:MM`, as UTC.
fn parse_time(text: &str) -> Result<Ts, String> {
    let bad = || format!("Timestamp: '{text}' is not YYYY/MM/DD HH:MM");
    let (date, time) = text.split_once(' ').ok_or_else(bad)?;
    let mut d = date.split('/').map(str::parse::<u32>);
    let mut t = time.split(':').map(str::parse::<u32>);
    let next = |it: &mut dyn Iterator<Item = Result<u32, _>>| it.next().and_then(Result::ok).ok_or_else(bad);
    let (y, mo, da) = (next(&mut d)?, next(&mut d)?, next(&mut d)?);
    let (h, mi) = (next(&mut t)?, next(&mut t)?);
    let s = t.next().and_then(Result::ok).unwrap_or(0);
    let small = |v: u32| u8::try_from(v).map_err(|_| bad());
    Ts::from_utc(y as i32, small(mo)?, small(da)?, small(h)?, small(mi)?, small(s)?).ok_or_else(bad)
}

/// Decimal text to fen, rounding half-up past the second decimal.
fn round_to_fen(text: &str) -> Option<Fen> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    if frac.len() <= 2 {
        return Fen::parse_yuan(text).ok();
    }
    let kept = Fen::parse_yuan(&format!("{int}.{}", &frac[..2])).ok()?;
    let next = frac.as_bytes()[2];
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(if next >= b'5' { Fen(kept.0 + 1) } else { kept })
}

fn currency(name: &str) -> Option<Currency> {
    let code = match name {
        "US Dollar" => "USD",
        "Euro" => "EUR",
        "Yuan" => "CNY",
        "Yen" => "JPY",
        "Rupee" => "INR",
        "Ruble" => "RUB",
        "UK Pound" => "GBP",
        "Canadian Dollar" => "CAD",
        "Australian Dollar" => "AUD",
        "Swiss Franc" => "CHF",
        "Mexican Peso" => "MXN",
        "Brazil Real" => "BRL",
        "Shekel" => "ILS",
        "Saudi Riyal" => "SAR",
        "Bitcoin" => "XBT",
        other => other,
    };
    Currency::parse(code).ok()
}

fn channel(format: &str) -> Channel {
    match format {
        "Cash" | "Cheque" => Channel::Counter,
        "ACH" | "Wire" => Channel::Online,
        "Credit Card" => Channel::Pos,
        _ => Channel::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_and_parses() {
        assert_eq!(round_to_fen("3697.34"), Some(Fen(369_734)));
        assert_eq!(round_to_fen("0.005"), Some(Fen(1)));
        assert_eq!(round_to_fen("0.0049"), Some(Fen(0)));
        assert_eq!(round_to_fen("1.2x5"), None);
        assert_eq!(parse_time("2022/09/01 00:20").unwrap(), Ts::from_utc(2022, 9, 1, 0, 20, 0).unwrap());
        assert!(parse_time("2022-09-01 00:20").is_err());
        assert_eq!(currency("Yuan"), Some(Currency::CNY));
        assert_eq!(currency("Galleon"), None);
    }
}
