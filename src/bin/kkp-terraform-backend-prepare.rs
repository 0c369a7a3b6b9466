//! `kkp-terraform-backend-prepare`: the terraform-backend-prepare stage on its own (the same code as `kkp-delivery terraform-backend-prepare`).

kkp_delivery::entry_point!(|inv| kkp_delivery::cli::main_stage("terraform-backend-prepare", inv));
