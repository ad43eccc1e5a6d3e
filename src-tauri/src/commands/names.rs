// Shared with build.rs through `include!`, so it holds only this constant (no inner doc comment).

/// Every command the UI may invoke, by its Rust name. build.rs generates an `allow-…`
/// permission for each (underscores become hyphens) and the default capability grants them.
pub const COMMANDS: &[&str] = &[
    "list_plans",
    "open_plan",
    "compute_plan",
    "save_plan",
    "snapshot_plan",
    "list_versions",
    "create_plan",
    "duplicate_plan",
    "delete_plan",
    "restore_plan",
    "export_pdf",
    "import_plan_file",
    "export_plan_file",
    "export_table",
    "open_export",
    "launch_board",
    "move_line",
    "export_insertion_orders",
    "review_plan",
    "choose_report",
    "preview_actuals",
    "roll_forward_plan",
    "catalogue",
    "optimise_split",
    "accept_split",
    "compare_scenarios",
];
