//! What the core knows that a spreadsheet does not: the checks a plan must pass (`findings`,
//! `plausibility`, `timeline`, `stages`), the channel catalogue and the planner's rate card, and
//! the allocation of a budget over response curves (`response`, `allocate`, `optimise`).
//!
//! The checks read the costed view (`crate::view`) and never call the costing that calls them.

pub mod finding;
pub mod findings;
pub mod finding_groups;
pub(crate) mod plausibility;
pub mod timeline;
pub mod stages;
pub mod learning;
pub mod catalogue;
pub mod rate_card;
pub mod response;
pub mod response_fit;
pub mod allocate;
pub(crate) mod split_problem;
pub mod allocation;
pub(crate) mod funded_set;
pub mod optimise;
