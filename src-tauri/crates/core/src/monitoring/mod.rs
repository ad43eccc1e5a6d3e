//! Stage 6, monitor and optimise, which loops back into the next plan: the thresholds it judges
//! by (`settings`, the plan's `monitoring` block), actuals matched to lines, pacing, performance
//! against the KPI, recommendations, reconciliation with invoices, and rolling the plan forward.

mod settings;
pub use settings::*;

pub mod actuals;
pub mod pacing;
pub mod performance;
pub mod phasing;
pub mod recommend;
pub mod reconcile;
pub mod rollforward;
