//! `flightplan library rates …`: the rate card kept in the library (show, export, import,
//! reset, set one default rate, add or remove a channel).

use crate::library::open;
use crate::plan_file::{read_text, write_atomically};
use crate::print_json;
use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use flightplan_core::rate_card::{add_entry, read_rate_card, remove_entry, set_rate, RateCardEntry};
use flightplan_core::Dec;
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
    /// Add a channel (every problem is listed, naming its field, and nothing is saved).
    Add(AddArgs),
    /// Remove a channel's entry; plans whose lines use it keep them as they are.
    Remove { channel: String, name: String },
}

#[derive(Args)]
struct AddArgs {
    /// The channel, as lines name it ("Podcasts").
    #[arg(long)]
    channel: String,
    /// The kind of buy within the channel ("Host reads"), new lines' name.
    #[arg(long)]
    name: String,
    /// cpm, cpc, cpa, cpv, cpp, flat, per_face_week or per_insertion.
    #[arg(long)]
    pricing: String,
    /// The default rate in the card's currency (none: each line gives its own).
    #[arg(long, allow_hyphen_values = true)]
    rate: Option<String>,
    /// tv, radio, ooh, print, cinema, ctv, online_video, social, search, display, audio, email.
    #[arg(long)]
    medium: Option<String>,
    /// auction, programmatic, direct or offline.
    #[arg(long)]
    buying: Option<String>,
    /// awareness, consideration, conversion or retention.
    #[arg(long)]
    role: Option<String>,
    /// capture or creation.
    #[arg(long)]
    demand: Option<String>,
    #[arg(long, default_value = "")]
    vendor: String,
}

impl AddArgs {
    /// The entry, each option read by the core's own file names (`--pricing per_face_week`).
    fn entry(&self) -> Result<RateCardEntry, Vec<Error>> {
        fn pick<T: serde::de::DeserializeOwned>(flag: &str, value: Option<&str>) -> Result<Option<T>, Vec<Error>> {
            value
                .map(|v| {
                    serde_json::from_value(serde_json::Value::String(v.trim().to_lowercase()))
                        .map_err(|e| vec![Error::at("invalid_field", flag, format!("\"{v}\": {e}"))])
                })
                .transpose()
        }
        let rate = match self.rate.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(r) => Some(flightplan_core::dec::parse(r).map_err(|m| vec![Error::at("invalid_field", "--rate", m)])?),
        };
        Ok(RateCardEntry {
            channel: self.channel.clone(),
            name: self.name.clone(),
            vendor: self.vendor.clone(),
            demand: pick("--demand", self.demand.as_deref())?,
            role: pick("--role", self.role.as_deref())?,
            buying: pick("--buying", self.buying.as_deref())?,
            pricing: pick("--pricing", Some(self.pricing.as_str()))?.ok_or_else(|| vec![Error::at("missing_field", "--pricing", "give the pricing")])?,
            rate: rate.map(Dec),
            ad_served: None,
            medium: pick("--medium", self.medium.as_deref())?,
            typical_cpm: None,
            spot_length: None,
            dayparts: Vec::new(),
            faces: None,
            insertions: None,
            readership: None,
        })
    }
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
        RatesCommand::Add(add) => {
            let entry = add.entry()?;
            let mut lib = open(library)?;
            let card = add_entry(&lib.rate_card().map_err(one)?.card, entry)?;
            lib.set_rate_card(&card, now).map_err(one)?;
            print_json(&lib.rate_card().map_err(one)?)
        }
        RatesCommand::Remove { channel, name } => {
            let mut lib = open(library)?;
            let card = remove_entry(&lib.rate_card().map_err(one)?.card, &channel, &name).map_err(one)?;
            lib.set_rate_card(&card, now).map_err(one)?;
            print_json(&lib.rate_card().map_err(one)?)
        }
    }
}
