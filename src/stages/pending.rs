//! The cluster stages whose tool runs are not built yet (kubeone-apply, kkp-deploy, dns-update,
//! flux-bootstrap). They decide and publish their decision like every stage; when the decision
//! is to run they fail clearly instead of reporting a success they did not earn.

use crate::error::StageError;
use crate::report::model::Report;

use super::{NoArgs, Stage, StageCx};

/// A stage that decides but cannot run its tool yet.
pub struct Pending {
    name: &'static str,
    about: &'static str,
}

pub const KUBEONE_APPLY: Pending = Pending {
    name: "kubeone-apply",
    about: "kubeone apply with the Terraform outputs: the Kubernetes cluster",
};
pub const KKP_DEPLOY: Pending = Pending {
    name: "kkp-deploy",
    about: "decrypt the KKP configuration with sops and run kubermatic-installer deploy",
};
pub const DNS_UPDATE: Pending = Pending {
    name: "dns-update",
    about: "register the KKP ingress address in Route53 with the DNS Terraform module",
};
pub const FLUX_BOOTSTRAP: Pending = Pending {
    name: "flux-bootstrap",
    about: "flux bootstrap for the repository's host, so Flux manages the repository",
};

impl Stage for Pending {
    type Args = NoArgs;

    fn name(&self) -> &'static str {
        self.name
    }

    fn about(&self) -> &'static str {
        self.about
    }

    fn run(&self, cx: &mut StageCx<'_>, _args: &NoArgs) -> Result<Report, StageError> {
        Err(StageError::Failed(anyhow::anyhow!(
            "{}: the decision is to run, but running {} is not implemented yet in this version; \
             nothing was run and the stage does not report success",
            cx.name,
            self.about
        )))
    }
}
