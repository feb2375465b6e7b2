//! One module per subcommand.

pub mod apikey;
pub mod audit;
pub mod bench;
pub mod check;
pub mod demo;
pub mod detect;
pub mod features;
pub mod gen;
pub mod ingest;
pub mod report;
pub mod salvage;
pub mod stats;
pub mod stream;
pub mod text;
pub mod trace;
pub mod user;
