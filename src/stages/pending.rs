//! The cluster stages whose tool runs are not built yet (kkp-deploy and dns-update). They decide and publish their decision like every stage; when the decision
//! is to run they fail clearly instead of reporting a success they did not earn.

use crate::error::StageError;
use crate::report::model::Report;

use super::{NoArgs, Stage, StageCx, StageInfo, PUSH_DEFAULT_ONLY};

/// A stage that decides but cannot run its tool yet.
pub struct Pending(pub &'static StageInfo);

const fn pending(name: &'static str, about: &'static str) -> StageInfo {
    StageInfo {
        name,
        about,
        default_run_on: PUSH_DEFAULT_ONLY,
    }
}

pub const KKP_DEPLOY: StageInfo =
    pending("kkp-deploy", "sops -d, then kubermatic-installer deploy");
pub const DNS_UPDATE: StageInfo = pending("dns-update", "the KKP ingress address into DNS");

impl Stage for Pending {
    type Args = NoArgs;

    fn info(&self) -> StageInfo {
        *self.0
    }

    fn run(&self, cx: &mut StageCx<'_>, _args: &NoArgs) -> Result<Report, StageError> {
        Err(StageError::Failed(anyhow::anyhow!(
            "{}: the decision is to run, but running {} is not implemented yet in this version; \
             nothing was run and the stage does not report success",
            cx.name,
            self.0.about
        )))
    }
}
