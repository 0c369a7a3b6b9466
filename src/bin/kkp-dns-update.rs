//! `kkp-dns-update`: the dns-update stage on its own (the same code as `kkp-delivery dns-update`).

kkp_delivery::entry_point!(|inv| kkp_delivery::cli::main_stage("dns-update", inv));
