//! `kkp-flux-bootstrap`: the flux-bootstrap stage on its own (the same code as `kkp-delivery flux-bootstrap`).

kkp_delivery::entry_point!(|inv| kkp_delivery::cli::main_stage("flux-bootstrap", inv));
