//! `kkp-kubeone-apply`: the kubeone-apply stage on its own (the same code as `kkp-delivery kubeone-apply`).

kkp_delivery::entry_point!(|inv| kkp_delivery::cli::main_stage("kubeone-apply", inv));
