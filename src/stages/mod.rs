//! The eight pipeline stages: their names and default rules. The tool runs land per stage in
//! their own modules; a stage without one stops after its decision with a clear message.

pub mod run;
pub mod terraform_apply;
pub mod terraform_backend_prepare;
pub mod terraform_plan;
pub mod terraform_validate;

use std::fmt;

use crate::context::EventKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    TerraformValidate,
    TerraformBackendPrepare,
    TerraformPlan,
    TerraformApply,
    KubeoneApply,
    KkpDeploy,
    DnsUpdate,
    FluxBootstrap,
}

/// Trigger paths shared by every stage unless `--paths` is given (DESIGN §1).
pub const DEFAULT_PATHS: &[&str] = &[
    "kubeone/**",
    "kubermatic/**",
    "terraform/**",
    ".github/**",
    ".gitlab-ci.yml",
    "bitbucket-pipelines.yml",
];

impl Stage {
    /// Pipeline order.
    pub const ALL: [Stage; 8] = [
        Stage::TerraformValidate,
        Stage::TerraformBackendPrepare,
        Stage::TerraformPlan,
        Stage::TerraformApply,
        Stage::KubeoneApply,
        Stage::KkpDeploy,
        Stage::DnsUpdate,
        Stage::FluxBootstrap,
    ];

    /// The stage's name in flags, outputs and file names (`terraform-plan`).
    pub fn name(self) -> &'static str {
        match self {
            Stage::TerraformValidate => "terraform-validate",
            Stage::TerraformBackendPrepare => "terraform-backend-prepare",
            Stage::TerraformPlan => "terraform-plan",
            Stage::TerraformApply => "terraform-apply",
            Stage::KubeoneApply => "kubeone-apply",
            Stage::KkpDeploy => "kkp-deploy",
            Stage::DnsUpdate => "dns-update",
            Stage::FluxBootstrap => "flux-bootstrap",
        }
    }

    /// The stage's executable (`kkp-terraform-plan`).
    pub fn binary(self) -> &'static str {
        match self {
            Stage::TerraformValidate => "kkp-terraform-validate",
            Stage::TerraformBackendPrepare => "kkp-terraform-backend-prepare",
            Stage::TerraformPlan => "kkp-terraform-plan",
            Stage::TerraformApply => "kkp-terraform-apply",
            Stage::KubeoneApply => "kkp-kubeone-apply",
            Stage::KkpDeploy => "kkp-deploy",
            Stage::DnsUpdate => "kkp-dns-update",
            Stage::FluxBootstrap => "kkp-flux-bootstrap",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        let v = value.trim().to_ascii_lowercase().replace('_', "-");
        let v = v
            .strip_prefix("kkp-")
            .filter(|rest| *rest != "deploy")
            .unwrap_or(&v);
        Self::ALL.into_iter().find(|s| s.name() == v)
    }

    /// `KKP_<STAGE>` prefix for dotenv outputs (`KKP_TERRAFORM_PLAN_RUN`).
    pub fn env_prefix(self) -> String {
        format!("KKP_{}", self.name().to_ascii_uppercase().replace('-', "_"))
    }

    /// One line on what the stage does, for `--help` and summaries.
    pub fn about(self) -> &'static str {
        match self {
            Stage::TerraformValidate => "terraform init -backend=false, validate -json and fmt -check, as annotations and reports",
            Stage::TerraformBackendPrepare => "create the Terraform state bucket and lock (idempotent); GitLab-managed state on GitLab",
            Stage::TerraformPlan => "terraform init, plan -out and show -json, summarised in a sticky comment and reports",
            Stage::TerraformApply => "apply the reviewed plan, refusing a plan that changed since review",
            Stage::KubeoneApply => "kubeone apply with the Terraform outputs: the Kubernetes cluster",
            Stage::KkpDeploy => "decrypt the KKP configuration with sops and run kubermatic-installer deploy",
            Stage::DnsUpdate => "register the KKP ingress address in Route53 with the DNS Terraform module",
            Stage::FluxBootstrap => "flux bootstrap github / gitlab / git, so Flux manages the repository",
        }
    }

    /// The events a stage runs on by default: only validate and plan on pull requests, so
    /// reviewers see what will change; everything on a push to the default branch.
    pub fn default_run_on(self) -> &'static [EventKind] {
        match self {
            Stage::TerraformValidate | Stage::TerraformPlan => &[
                EventKind::PullRequest,
                EventKind::MergeQueue,
                EventKind::PushDefault,
                EventKind::Schedule,
                EventKind::Manual,
            ],
            _ => &[EventKind::PushDefault],
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in Stage::ALL {
            assert_eq!(Stage::parse(s.name()), Some(s));
            assert_eq!(Stage::parse(s.binary()), Some(s), "{}", s.binary());
        }
        assert_eq!(Stage::TerraformPlan.env_prefix(), "KKP_TERRAFORM_PLAN");
    }
}
