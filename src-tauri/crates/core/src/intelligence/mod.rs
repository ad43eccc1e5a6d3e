//! What the core knows that a spreadsheet does not: the checks a plan must pass (`findings`,
//! `plausibility`, `timeline`, `stages`), the channel catalogue and the planner's rate card, and
//! the allocation of a budget over response curves (`response`, `allocate`, `optimise`).
//!
//! The checks read the costed view (`crate::view`) and never call the costing that calls them.

pub mod allocate;
pub mod allocation;
pub mod catalogue;
pub mod finding;
pub mod finding_groups;
pub mod findings;
pub(crate) mod funded_set;
pub mod learning;
pub mod optimise;
pub(crate) mod plausibility;
pub mod rate_card;
pub mod response;
pub mod response_fit;
pub(crate) mod split_problem;
pub mod stages;
pub mod timeline;
