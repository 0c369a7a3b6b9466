//! `kkp-terraform-validate`: the terraform-validate stage on its own (the same code as `kkp-delivery terraform-validate`).

kkp_delivery::entry_point!(|inv| kkp_delivery::cli::main_stage("terraform-validate", inv));
