//! `kkp-deploy`: the kkp-deploy stage on its own (the same code as `kkp-delivery kkp-deploy`).

kkp_delivery::entry_point!(|inv| kkp_delivery::cli::main_stage("kkp-deploy", inv));
