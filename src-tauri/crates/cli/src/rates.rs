//! `flightplan library rates …`: the rate card kept in the library (show, export, import,
//! reset, set one default rate).

use crate::library::open;
use crate::plan_file::{read_text, write_atomically};
use crate::print_json;
use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use flightplan_core::rate_card::{read_rate_card, set_rate};
use flightplan_core::Error;
use std::path::PathBuf;

#[derive(Args)]
pub struct RatesArgs {
    #[command(subcommand)]
    command: RatesCommand,
}

#[derive(Subcommand)]
enum RatesCommand {
    /// Print the rate card (the built-in one until one is saved) and when it was saved.
    Show,
    /// Write the rate card as a flightplan-rates/1 file (to stdout, or to a file with -o).
    Export {
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Check a flightplan-rates/1 file and save it as the rate card (every problem is listed,
    /// each naming its entry, and nothing is saved).
    Import { file: PathBuf },
    /// Go back to the built-in rate card.
    Reset,
    /// Set one entry's default rate ("-" clears it).
    Set { channel: String, name: String, rate: String },
}

pub fn run(library: Option<PathBuf>, args: RatesArgs, now: DateTime<Utc>) -> Result<(), Vec<Error>> {
    let one = |e: Error| vec![e];
    match args.command {
        RatesCommand::Show => print_json(&open(library)?.rate_card().map_err(one)?),
        RatesCommand::Export { output } => {
            let text = open(library)?.export_rate_card().map_err(one)?;
            match output {
                None => {
                    println!("{text}");
                    Ok(())
                }
                Some(path) => write_atomically(&path, text.as_bytes()).map_err(one),
            }
        }
        RatesCommand::Import { file } => {
            // Read and check the file before touching the library.
            let card = read_rate_card(&read_text(&file).map_err(one)?)?;
            let mut lib = open(library)?;
            lib.set_rate_card(&card, now).map_err(one)?;
            print_json(&lib.rate_card().map_err(one)?)
        }
        RatesCommand::Reset => {
            let mut lib = open(library)?;
            lib.reset_rate_card().map_err(one)?;
            print_json(&lib.rate_card().map_err(one)?)
        }
        RatesCommand::Set { channel, name, rate } => {
            let rate = match rate.trim() {
                "-" | "" => None,
                r => Some(flightplan_core::dec::parse(r).map_err(|m| vec![Error::at("invalid_field", "rate", m)])?),
            };
            let mut lib = open(library)?;
            let card = set_rate(&lib.rate_card().map_err(one)?.card, &channel, &name, rate).map_err(one)?;
            lib.set_rate_card(&card, now).map_err(one)?;
            print_json(&lib.rate_card().map_err(one)?)
        }
    }
}
