//! `kkp-terraform-apply`: the terraform-apply stage on its own (the same code as `kkp-delivery terraform-apply`).

kkp_delivery::entry_point!(|inv| kkp_delivery::cli::main_stage("terraform-apply", inv));
