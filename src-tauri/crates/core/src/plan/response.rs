//! A line's response curve as the plan file stores it: what a planner typed or fitted, in the
//! plan's own terms. It is part of the file format, so it lives with the plan; what the curve
//! *does* (its value at a spend, its parameters in words, the allocator's form) is the
//! intelligence's (`intelligence/response.rs`).

use crate::Dec;
use serde::{Deserialize, Serialize};

/// Spend in, result out: a Hill curve, or ADBUDG with a floor at zero spend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "curve", rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Response {
    Hill {
        max: Dec,
        shape: Dec,
        /// The spend at which the line returns half of `max`.
        half_saturation: Dec,
    },
    Adbudg {
        /// Response at zero spend.
        #[serde(default)]
        min: Dec,
        max: Dec,
        shape: Dec,
        d: Dec,
    },
}
