//! The wrapped tools: running them as child processes, and parsing what they print.
//!
//! Every tool a stage runs is declared here once, with the variable that points at its
//! executable and how it says its version; each stage names the ones it runs in the registry
//! (`StageInfo::tools`), and `doctor` checks them from there.

pub mod backend;
pub mod flux;
pub mod fold;
pub mod installer;
pub mod json_stream;
pub mod kubeone;
pub mod plan;
pub mod runner;
pub mod sops;
pub mod terraform;

use crate::env::vars;
use runner::{Provided, Tool};

pub const TERRAFORM: Tool = Tool::new("terraform", vars::KKP_TERRAFORM_BIN, &["version"])
    .provided_by(Provided::SetupTerraform);
/// OpenTofu, the stages' engine with `--engine opentofu` or where a root has `.tofu` files.
pub const TOFU: Tool =
    Tool::new("tofu", vars::KKP_TOFU_BIN, &["version"]).provided_by(Provided::ToolsLock("tofu"));
pub const AWS: Tool = Tool::new("aws", vars::KKP_AWS_BIN, &["--version"]);
pub const GCLOUD: Tool = Tool::new("gcloud", vars::KKP_GCLOUD_BIN, &["--version"]);
pub const KUBEONE: Tool = Tool::new("kubeone", vars::KKP_KUBEONE_BIN, &["version"])
    .provided_by(Provided::ToolsLock("kubeone"));
// ssh-agent, ssh-add and ssh-keygen have no version flag of their own.
pub const SSH_AGENT: Tool = Tool::new("ssh-agent", vars::KKP_SSH_AGENT_BIN, &[]);
pub const SSH_ADD: Tool = Tool::new("ssh-add", vars::KKP_SSH_ADD_BIN, &[]);
pub const SSH_KEYGEN: Tool = Tool::new("ssh-keygen", vars::KKP_SSH_KEYGEN_BIN, &[]);
pub const INSTALLER: Tool = Tool::new(
    "kubermatic-installer",
    vars::KKP_INSTALLER_BIN,
    &["version"],
)
.provided_by(Provided::ByTheStage);
pub const SOPS: Tool = Tool::new(
    "sops",
    vars::KKP_SOPS_BIN,
    &["--version", "--disable-version-check"],
)
.provided_by(Provided::ToolsLock("sops"));
pub const TAR: Tool = Tool::new("tar", vars::KKP_TAR_BIN, &["--version"]);
pub const FLUX: Tool = Tool::new("flux", vars::KKP_FLUX_BIN, &["version", "--client"])
    .provided_by(Provided::ToolsLock("flux"));
/// A kubeconfig's exec credential plugin: the program the kubeconfig names (its path comes
/// from `KUBECONFIG`'s file, not from a variable of its own).
pub const KUBECONFIG_EXEC_PLUGIN: Tool =
    Tool::new("the kubeconfig's credential plugin", vars::KUBECONFIG, &[])
        .provided_by(Provided::ByTheKubeconfig);
