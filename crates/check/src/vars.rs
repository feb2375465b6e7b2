//! The variables the check's rules can use, with their descriptions (served at `/v1/rules/variables`
//! and listed in docs/check.md). Amounts are fen, times Beijing time, ages in days unless named
//! otherwise; a number that is not known is missing (every comparison with it is false).

use fanzha_rules::{BoolVar, NumberVar, Schema, TextVar};

macro_rules! variables {
    ($($field:ident : $kind:ident = $name:literal, $doc:literal;)*) => {
        /// Handles of every check variable in the rule schema.
        #[derive(Debug, Clone)]
        pub struct Vars {
            $(#[doc = $doc] pub $field: variables!(@ty $kind),)*
        }

        impl Vars {
            /// Registers every variable in a new schema.
            pub fn schema() -> (Schema, Vars) {
                let mut s = Schema::new();
                let vars = Vars { $($field: s.$kind($name, $doc),)* };
                (s, vars)
            }
        }
    };
    (@ty number) => { NumberVar };
    (@ty bool) => { BoolVar };
    (@ty text) => { TextVar };
}

variables! {
    amount_fen: number = "amount_fen", "Amount in fen (5_000_000 = 50,000 yuan).";
    hour: number = "hour", "Hour of the day in Beijing time, 0-23.";
    channel: text = "channel", "counter, online, mobile, atm, pos, other; empty if not given.";
    kind: text = "kind", "transfer, withdrawal or deposit.";
    memo: text = "memo", "The memo (附言); empty if none.";
    cross_border: bool = "cross_border", "The transfer crosses the border.";
    first_time_pair: bool = "first_time_pair", "The payer has never paid this payee before.";
    pair_first_paid_hours: number = "pair.first_paid_hours", "Hours since the payer first paid this payee (missing when it never has: see first_time_pair).";
    pair_standing: bool = "pair.standing", "The payer first paid this payee 7 days (168 h) or more before: a relationship of standing.";
    pair_open_km: number = "pair.open_km", "Km between the province where the payment is made (its region) and the one where the payee's account was opened (0 within one province).";
    pair_home_km: number = "pair.home_km", "Km between the province where the payment is made and the payee holder's home province (from the identity number; 0 within one province): near 0 when family or neighbours at home pay.";
    pair_holders_home_km: number = "pair.holders_home_km", "Km between the payer holder's and the payee holder's home provinces (from their identity numbers; 0 within one province): near 0 for family and people from one place.";
    same_bank: bool = "same_bank", "Payer and payee accounts are at the same bank.";
    same_holder: bool = "same_holder", "Payer and payee accounts belong to the same holder (false when either holder is unknown): a person moving their own money.";
    payer_known: bool = "payer.known", "The payer's account is a known customer account.";
    payer_age: number = "payer.age", "The payer's age in years (from the request's payer context).";
    payer_new_device: bool = "payer.new_device", "The payer uses a device new to them (payer context).";
    payer_on_call: bool = "payer.on_call", "The payer is on a phone call while paying (payer context).";
    payer_account_age_days: number = "payer.account_age_days", "Days since the payer's account was opened.";
    payer_outflows_24h: number = "payer.outflows_24h", "The payer's outgoing transfers in the last 24 h.";
    payer_out_24h_fen: number = "payer.out_24h_fen", "Money the payer sent in the last 24 h, in fen.";
    payer_new_payees_7d: number = "payer.new_payees_7d", "Accounts other than the payee that the payer first paid in the last 7 days (of its latest 256 first payments).";
    payer_new_payees_flagged_7d: number = "payer.new_payees_flagged_7d", "How many of those the latest mule-detection run flagged: a victim whom a scammer directs from one new card to the next.";
    payer_new_payees_flagged_score_7d: number = "payer.new_payees_flagged_score_7d", "The highest combined score (0.5-1) that run gave one of them; missing when it flagged none.";
    payer_listed_block: bool = "payer.listed_block", "The payer's account or holder is on the block list.";
    payer_listed_watch: bool = "payer.listed_watch", "The payer's account or holder is on the watch list.";
    payer_phone_listed_block: bool = "payer.phone_listed_block", "The payer's phone number is on the block list.";
    payer_phone_listed_watch: bool = "payer.phone_listed_watch", "The payer's phone number is on the watch list.";
    payee_known: bool = "payee.known", "The payee's account is a known customer account (not external).";
    payee_company: bool = "payee.company", "The payee's account is a company (unit, 对公) account.";
    payee_age_days: number = "payee.age_days", "Days since the payee's account was opened.";
    payee_in_count: number = "payee.in_count", "Payments the payee's account has taken in the data so far.";
    payee_history_days: number = "payee.history_days", "Days since the data's history of the payee's account began (`Ledger::history_from`: the setting for its bank, else the earliest transfer only its bank can have reported, else the earliest of all): short while its source has just begun to supply data.";
    payee_in_per_day: number = "payee.in_per_day", "payee.in_count over payee.history_days (counted as at least one day): how busy the account has been since its source began; the count includes payments other banks reported before its own bank's history began.";
    payee_fan_in_24h: number = "payee.fan_in_24h", "Distinct accounts that paid the payee in the last 24 h.";
    payee_inflows_24h: number = "payee.inflows_24h", "Incoming transfers of the payee in the last 24 h.";
    payee_in_24h_fen: number = "payee.in_24h_fen", "Money the payee received in the last 24 h, in fen.";
    payee_pass_through: number = "payee.pass_through", "Share of the payee's inflow that left within 1 h (0-1).";
    payee_near_zero_ratio: number = "payee.near_zero_ratio", "Share of the payee's outflows that left its balance near zero (0-1).";
    payee_out_in_ratio: number = "payee.out_in_ratio", "Money the payee sent out over money it received, as far as the data shows (missing before its first inflow): near 1 for an account that passes money on, lower for a business that keeps its takings, above 1 when a balance from before the data is spent.";
    payee_night_share: number = "payee.night_share", "Share of the payee's transactions at night, 0-6 h (0-1).";
    payee_holder_accounts: number = "payee.holder_accounts", "Accounts of the payee's holder.";
    payee_holder_opened_30d: number = "payee.holder_opened_30d", "Most accounts the payee's holder opened within 30 days.";
    payee_home_km: number = "payee.home_km", "Km between where the payee's account was opened and the holder's home province.";
    payee_mule_rules: number = "payee.mule_rules", "The mule rules' score of the payee's account from its behaviour so far (0-1).";
    payee_confirmed_mule: bool = "payee.confirmed_mule", "The centre's cases confirm the payee's account as a mule account: in a live store every account labelled `mule` (or party to a laundering-labelled transfer); in a backtest only those a labelled fraud payment traces to --confirm-days before the latest detection run (see docs/check.md).";
    payee_flagged_mule: bool = "payee.flagged_mule", "The latest mule-detection run flagged the payee's account (see docs/check.md).";
    payee_mule_score: number = "payee.mule_score", "That run's combined mule score of the payee (0.5-1); missing when not flagged.";
    payee_flagged_card_farmer: bool = "payee.flagged_card_farmer", "That run flagged the payee's account as a card of a card farmer (批量开卡).";
    payee_paid_flagged_24h: number = "payee.paid_flagged_24h", "Distinct accounts flagged by the latest mule-detection run that the payee paid in the last 24 h (seen also for external payees, through what they paid into accounts here).";
    payee_paid_flagged_score_24h: number = "payee.paid_flagged_score_24h", "The highest combined score (0.5-1) the latest mule-detection run gave an account the payee paid in the last 24 h; missing when it paid none that run flagged.";
    payee_passed_to_confirmed_3d: number = "payee.passed_to_confirmed_3d", "Distinct accounts confirmed by the centre's cases (as payee.confirmed_mule) that the payee paid in the last 3 days while at least half as much had come into it in the 6 h before (among its latest 256 such payments): a link upstream of a confirmed mule.";
    payee_mule_reason_zh: text = "payee.mule_reason_zh", "That run's first reason for the flag, in Chinese; empty when not flagged.";
    payee_mule_reason_en: text = "payee.mule_reason_en", "That run's first reason for the flag, in English; empty when not flagged.";
    payee_model_score: number = "payee.model_score", "The mule model's live score of the payee from its behaviour so far, shifted so that its cut is 0.5 (0-1; missing without a model and for external accounts).";
    payee_model_reason_zh: text = "payee.model_reason_zh", "What raised that score most (or the score and the cut), in Chinese; empty below the cut.";
    payee_model_reason_en: text = "payee.model_reason_en", "What raised that score most, in English; empty below the cut.";
    payee_new_payers_7d: number = "payee.new_payers_7d", "Payers the payee never dealt with before, in its last 7 days (missing while its past is unknown).";
    payee_new_payer_share_7d: number = "payee.new_payer_share_7d", "Share of the payee's last 7 days' inflow from payers it never dealt with before (0-1).";
    payee_new_payer_share_before: number = "payee.new_payer_share_before", "The same share before those 7 days (0-1): what was normal for it.";
    payee_pass_through_7d: number = "payee.pass_through_7d", "Share of the payee's last 7 days' inflow that left within 1 h (0-1).";
    payee_known_days_before: number = "payee.known_days_before", "Days of the payee's own known past before its last 7 days (its history is censored before the data starts).";
    payee_quiet_days_before: number = "payee.quiet_days_before", "Days the payee had been idle before its current run of activity (a run that began within 7 days, or that this transfer begins); 0 for an account in steady use. Counted from its opening or the start of its history, so a lower bound where the history is censored.";
    payee_listed_block: bool = "payee.listed_block", "The payee's account is on the block list.";
    payee_listed_watch: bool = "payee.listed_watch", "The payee's account is on the watch list.";
    payee_holder_listed_block: bool = "payee.holder_listed_block", "The payee's holder is on the block list.";
    payee_holder_listed_watch: bool = "payee.holder_listed_watch", "The payee's holder is on the watch list.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variable_is_described_once() {
        let (schema, _) = Vars::schema();
        let mut names: Vec<&str> = schema.vars().iter().map(|v| v.name.as_str()).collect();
        assert!(names.len() >= 30);
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), schema.vars().len());
    }
}
