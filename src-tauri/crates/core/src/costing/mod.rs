//! Stage 4, the costed plan: every figure a planner sees is computed here, once, exactly.
//!
//! `compute` costs a plan into the `view` every ring shows; `report` is what any output prints
//! (the presented scenario applied, as of a day). Money is exact (`money`): fees on the totals
//! they apply to (`fees`), weekly cells rounded together so rows and columns add up
//! (`flowchart`), reach from GRPs (`reach`), scenarios as variants costed the same way.

mod compute;
pub use compute::*;

pub mod delivery;
pub mod fees;
pub mod flight;
pub(crate) mod flowchart;
pub mod money;
pub mod reach;
pub mod reach_goal;
pub mod report;
pub mod scenario;
pub mod scenario_budget;
pub mod schedule;
pub mod view;
pub mod week_row;
