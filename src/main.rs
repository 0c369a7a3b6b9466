//! `kkp-delivery`: every stage as a subcommand, plus `explain` and `plan-report`.

kkp_delivery::entry_point!(kkp_delivery::cli::main_multi);
