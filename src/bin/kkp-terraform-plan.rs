//! `kkp-terraform-plan`: the terraform-plan stage on its own (the same code as `kkp-delivery terraform-plan`).

kkp_delivery::entry_point!(|inv| kkp_delivery::cli::main_stage("terraform-plan", inv));
