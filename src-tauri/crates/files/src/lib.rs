//! Files a planner reads and writes, shared by the CLI and the desktop shell so both keep the
//! same promises.
//!
//! A planner's export folder is precious: a failed export must leave either the old file or the
//! whole new one, never half a file or a stray temporary; it must not write through a symlink,
//! over a device or over a file the planner made read-only; a set of insertion orders is written
//! all or nothing. Reads are bounded, so a wrong or hostile file (a 4 GB video picked by mistake)
//! is refused by its size before it is loaded.

mod read;
mod write;

pub use read::{read_bounded, read_text_bounded, PLAN_FILE_LIMIT};
pub use write::{write_file, write_set, Replace};
