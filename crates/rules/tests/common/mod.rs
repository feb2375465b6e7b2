//! A schema shared by the integration tests.
#![allow(dead_code)]

use fanzha_rules::{BoolVar, NumberVar, Schema, TextVar};

/// Handles of the test schema's variables.
pub struct Vars {
    pub amount: NumberVar,
    pub age_days: NumberVar,
    pub fan_in: NumberVar,
    pub pass_through: NumberVar,
    pub payer_age: NumberVar,
    pub hour: NumberVar,
    pub x: NumberVar,
    pub y: NumberVar,
    pub mule: BoolVar,
    pub listed: BoolVar,
    pub phone_listed: BoolVar,
    pub memo: TextVar,
    pub channel: TextVar,
    pub name: TextVar,
}

pub fn schema() -> (Schema, Vars) {
    let mut s = Schema::new();
    let vars = Vars {
        amount: s.number("amount_fen", "transfer amount in fen"),
        age_days: s.number("payee.age_days", "days since the payee's account was opened"),
        fan_in: s.number("payee.fan_in_24h", "distinct payers of the payee in 24 h"),
        pass_through: s.number("payee.pass_through", "share of inflow forwarded within 24 h"),
        payer_age: s.number("payer.age", "payer's age in years"),
        hour: s.number("hour", "local hour of the transfer"),
        x: s.number("x", "test number"),
        y: s.number("y", "test number"),
        mule: s.bool("payee.flagged_mule", "payee flagged as a mule account"),
        listed: s.bool("payee.listed_block", "payee on the block list"),
        phone_listed: s.bool("payer_phone.listed_block", "payer's phone on the block list"),
        memo: s.text("memo", "transfer memo"),
        channel: s.text("channel", "atm, counter, app, ..."),
        name: s.text("payee.name", "payee name"),
    };
    (s, vars)
}
