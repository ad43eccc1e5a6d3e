//! Traditional media on a line: which medium it is, the audience its vehicle measures, and the
//! units a TV, radio, out-of-home, print or cinema buyer books (spots and dayparts, faces,
//! insertions and readership).
//!
//! A digital line is bought by the impression or the click; a TV or radio line is bought in
//! rating points and delivered as spots in dayparts, a poster campaign as faces for a number of
//! weeks, a print campaign as insertions read by a readership. These fields are optional, so a
//! plan written before them reads unchanged.

use super::*;
use crate::Dec;

/// The medium a line runs in. It sets the unit the line is booked in and the market norms its
/// delivery is checked against (`catalogue.rs`). Left out, it is inferred from the channel name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Medium {
    /// Linear (broadcast and cable) television.
    Tv,
    Radio,
    /// Out of home: billboards, posters, transit, digital screens.
    Ooh,
    /// Newspapers and magazines.
    Print,
    Cinema,
    /// Connected TV (streaming on the television set), bought by the impression.
    Ctv,
    OnlineVideo,
    Social,
    Search,
    Display,
    /// Streaming audio and podcasts.
    Audio,
    /// Newsletters and email sponsorships.
    Email,
}

/// What a traditional line is counted in: spots on air, faces posted, insertions printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum BuyUnit {
    Spots,
    Faces,
    Insertions,
}

impl BuyUnit {
    /// The plural as printed: "spots", "faces", "insertions".
    pub fn label(self) -> &'static str {
        match self {
            BuyUnit::Spots => "spots",
            BuyUnit::Faces => "faces",
            BuyUnit::Insertions => "insertions",
        }
    }
}

/// A daypart of a TV or radio schedule and its share of the line's spots, e.g. prime 60%.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Daypart {
    /// e.g. "Prime", "Breakfast", "Drive".
    pub name: String,
    /// Percent of the line's spots in this daypart; when every daypart has one they sum to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub share: Option<Dec>,
}
