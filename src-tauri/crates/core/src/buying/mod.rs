//! Stage 5, buy and launch, and the sign-off around it: the launch checklist and board,
//! approval (status moves, the lock, revisions), what changed between two versions, and the
//! naming convention campaigns are set up with.

pub mod approval;
pub mod changes;
pub mod launch;
pub mod naming;
