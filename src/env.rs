//! The environment snapshot.
//!
//! `main` captures the process environment once and passes this snapshot down. No library code
//! reads the process environment itself, so tests build a snapshot instead of mutating global
//! state, and every variable the product reads is named below in one place.

use std::collections::BTreeMap;
use std::ffi::OsString;

/// An immutable copy of the environment variables the process started with. Its `Debug`
/// shows secret values as `***`.
#[derive(Clone, Default)]
pub struct Env {
    vars: BTreeMap<String, String>,
}

/// Name fragments of variables whose values are secrets.
const SECRET_NAME_PARTS: &[&str] = &[
    "TOKEN",
    "SECRET",
    "PASSWORD",
    "PASSWD",
    "PASSPHRASE",
    "PRIVATE_KEY",
    "CREDENTIALS",
    "AGE_KEY",
    "SESSION_KEY",
    "API_KEY",
    "ACCESS_KEY",
    "AUTH_KEY",
];

/// Whether a variable's name marks its value as a secret (`GITHUB_TOKEN`, `SSH_PRIVATE_KEY`).
pub fn is_secret_name(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    SECRET_NAME_PARTS.iter().any(|p| upper.contains(p))
}

impl std::fmt::Debug for Env {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map()
            .entries(self.vars.iter().map(|(k, v)| {
                (
                    k.as_str(),
                    if is_secret_name(k) { "***" } else { v.as_str() },
                )
            }))
            .finish()
    }
}

impl Env {
    /// Builds a snapshot from `(name, value)` pairs. Variables that are not valid UTF-8 are dropped:
    /// none of the variables this product reads may legitimately hold non-UTF-8 data.
    pub fn from_pairs<I, K, V>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<OsString>,
        V: Into<OsString>,
    {
        let vars = pairs
            .into_iter()
            .filter_map(|(k, v)| Some((k.into().into_string().ok()?, v.into().into_string().ok()?)))
            .collect();
        Self { vars }
    }

    /// The value of `name`, treating an empty value as unset (CI systems often export empty
    /// variables for fields that do not apply to the current pipeline).
    pub fn get(&self, var: Var) -> Option<&str> {
        self.value(var.name)
    }

    /// The value of a flag's variable (`KKP_X_Y` for `--x-y`): the flag declares it, and only
    /// the flag grammar reads it.
    pub fn flag_variable(&self, name: &str) -> Option<&str> {
        self.value(name)
    }

    fn value(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// True when `name` is set to `true` (case-insensitive) or `1`.
    pub fn is_true(&self, var: Var) -> bool {
        self.get(var)
            .is_some_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
    }

    /// All variables, for handing a scrubbed copy to child processes.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.vars.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// One variable the product reads: its name, what it is, whether its value is a secret, and
/// where it applies. [`vars`] declares every one of them once; library code reads the
/// environment only through these values (`scripts/check-boundaries.sh` rejects a literal
/// name), and `doctor`, the pipe's README and the packaging's env-only inputs are generated
/// from them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Var {
    pub name: &'static str,
    /// One line on what it is, for `doctor` and the generated docs.
    pub about: &'static str,
    pub kind: VarKind,
    /// The hosts whose pipelines set or need it.
    pub hosts: Hosts,
}

/// What a variable's value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarKind {
    /// Set by the host or the user; not a secret.
    Plain,
    /// A credential the wrapped tool reads itself (cloud keys for Terraform): masked in every
    /// output, inherited by tools.
    Credential,
    /// A stage's own secret: masked, and never inherited by a tool; the stage hands it to the
    /// one tool that needs it, under the name that tool reads.
    Secret,
    /// A tool's own credential variable (sops' key variables): masked and never inherited, so
    /// only the credential the stage hands the tool counts.
    ToolSecret,
    /// A forge API token: masked and never inherited by a tool (it can write to the
    /// repository).
    ForgeToken,
}

/// The hosts a variable applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hosts {
    All,
    GitHub,
    GitLab,
    Bitbucket,
    /// GitHub and GitLab (where the forge hands a token to flux, not a deploy key).
    GitHubGitLab,
}

impl Hosts {
    /// Whether a variable of these hosts applies on the host named `host` (`github`, `gitlab`,
    /// `bitbucket`, `local`). A local run applies every variable.
    pub fn include(self, host: &str) -> bool {
        match self {
            Hosts::All => true,
            Hosts::GitHub => matches!(host, "github" | "local"),
            Hosts::GitLab => matches!(host, "gitlab" | "local"),
            Hosts::Bitbucket => matches!(host, "bitbucket" | "local"),
            Hosts::GitHubGitLab => matches!(host, "github" | "gitlab" | "local"),
        }
    }
}

impl Var {
    /// Whether the value is a credential of any kind.
    pub const fn is_secret(&self) -> bool {
        !matches!(self.kind, VarKind::Plain)
    }

    /// Whether no tool may inherit it.
    pub const fn hidden_from_tools(&self) -> bool {
        matches!(
            self.kind,
            VarKind::Secret | VarKind::ToolSecret | VarKind::ForgeToken
        )
    }
}

impl AsRef<str> for Var {
    fn as_ref(&self) -> &str {
        self.name
    }
}

impl std::fmt::Display for Var {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// Declares each variable as a constant and lists them all in `ALL`.
macro_rules! catalogue {
    ($( $(#[$doc:meta])* $kind:ident $hosts:ident $name:ident : $about:literal; )*) => {
        $(
            $(#[$doc])*
            #[doc = $about]
            pub const $name: Var = Var {
                name: stringify!($name),
                about: $about,
                kind: VarKind::$kind,
                hosts: Hosts::$hosts,
            };
        )*
        /// Every variable above, in the order declared.
        pub const ALL: &[Var] = &[$($name),*];
    };
}

/// Every environment variable the product reads, declared once. A flag's own variable
/// (`--x-y` reads `KKP_X_Y`) is declared by the flag: the flag grammar reads it through
/// [`Env::flag_variable`].
pub mod vars {
    use super::{Hosts, Var, VarKind};

    catalogue! {
        // --- generic ---
        Plain All NO_COLOR: "Any value: no colour in terminal output (https://no-color.org)";
        Plain All CI: "Set by every CI system; used only to refuse interactive behaviour";
        Plain All DEBUG: "true: debug output (pipe convention)";
        Plain All PATH: "Where tools are found (doctor looks there)";
        Plain All HTTPS_PROXY: "The proxy for https requests to the hosts' APIs";
        #[allow(non_upper_case_globals)]
        Plain All https_proxy: "The proxy for https requests (lower-case spelling)";
        Plain All HTTP_PROXY: "The proxy for http requests to the hosts' APIs";
        #[allow(non_upper_case_globals)]
        Plain All http_proxy: "The proxy for http requests (lower-case spelling)";
        Plain All NO_PROXY: "Hosts reached without the proxy (comma-separated)";
        #[allow(non_upper_case_globals)]
        Plain All no_proxy: "Hosts reached without the proxy (lower-case spelling)";
        Plain All TMPDIR: "Where the cluster stages make their private folder (default /tmp)";
        Plain Bitbucket STAGE: "The stage a pipe runs, when the command line names none";

        // --- GitHub Actions ---
        Plain GitHub GITHUB_ACTIONS: "Set by GitHub Actions";
        Plain GitHub GITHUB_EVENT_NAME: "The event that started the workflow";
        Plain GitHub GITHUB_EVENT_PATH: "The event payload's file";
        Plain GitHub GITHUB_REF: "The ref the workflow runs for";
        Plain GitHub GITHUB_REF_NAME: "The ref's short name";
        Plain GitHub GITHUB_SHA: "The commit the workflow runs for";
        Plain GitHub GITHUB_BASE_REF: "A pull request's base branch";
        Plain GitHub GITHUB_REPOSITORY: "owner/name";
        Plain GitHub GITHUB_API_URL: "The REST API's base URL";
        Plain GitHub GITHUB_SERVER_URL: "The web host's URL, for links";
        Plain GitHub GITHUB_RUN_ID: "The workflow run, for links";
        Plain GitHub GITHUB_RUN_ATTEMPT: "The workflow run's attempt, for links";
        Plain GitHub GITHUB_WORKSPACE: "The checkout";
        Plain GitHub GITHUB_OUTPUT: "The step outputs file";
        Plain GitHub GITHUB_STEP_SUMMARY: "The job summary file";
        ForgeToken GitHub GITHUB_TOKEN: "GitHub token: pull request files and comments (pull-requests: read; write to comment)";

        // --- GitLab CI ---
        Plain GitLab GITLAB_CI: "Set by GitLab CI";
        Plain GitLab CI_PIPELINE_SOURCE: "What started the pipeline";
        Plain GitLab CI_COMMIT_SHA: "The commit the pipeline runs for";
        Plain GitLab CI_COMMIT_BEFORE_SHA: "The branch's previous commit on a push";
        Plain GitLab CI_COMMIT_BRANCH: "The branch of a branch pipeline";
        Plain GitLab CI_COMMIT_TAG: "The tag of a tag pipeline";
        Plain GitLab CI_COMMIT_REF_NAME: "The branch or tag";
        Plain GitLab CI_DEFAULT_BRANCH: "The project's default branch";
        Plain GitLab CI_COMMIT_DEFAULT_BRANCH_BASE_SHA: "A push's merge base with the default branch";
        Plain GitLab CI_MERGE_REQUEST_IID: "The merge request of a merge request pipeline";
        Plain GitLab CI_MERGE_REQUEST_DIFF_BASE_SHA: "The merge request's diff base";
        Plain GitLab CI_MERGE_REQUEST_EVENT_TYPE: "detached, merged_result or merge_train";
        Plain GitLab CI_MERGE_REQUEST_TARGET_BRANCH_NAME: "The merge request's target branch";
        Plain GitLab CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_NAME: "An external pull request's target branch";
        Plain GitLab CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_SHA: "An external pull request's target commit";
        Plain GitLab CI_API_V4_URL: "The REST API's base URL";
        Plain GitLab CI_SERVER_FQDN: "The instance's host name, for links";
        Plain GitLab CI_SERVER_HOST: "The instance's host name (older GitLab), for links";
        Plain GitLab CI_PROJECT_ID: "The project's numeric id";
        Plain GitLab CI_PROJECT_PATH: "group/project";
        Plain GitLab CI_PROJECT_DIR: "The checkout";
        ForgeToken GitLab CI_JOB_TOKEN: "The job token: the host-managed Terraform state only (it cannot read merge request diffs)";
        Plain GitLab CI_JOB_URL: "The job, for links";
        Plain GitLab CI_PROJECT_URL: "The project's web page, for links";
        ForgeToken GitLab GITLAB_TOKEN: "A project access token with read_api (api to comment), as a CI/CD variable: merge request files and comments; terraform-apply needs it to find the reviewed plan";

        // --- Bitbucket Pipelines ---
        Plain Bitbucket BITBUCKET_BUILD_NUMBER: "Set by Bitbucket Pipelines; the pipeline's number, for links";
        Plain Bitbucket BITBUCKET_PIPELINE_UUID: "Set by Bitbucket Pipelines";
        Plain Bitbucket BITBUCKET_PIPE_STORAGE_DIR: "A pipe's own storage";
        Plain Bitbucket BITBUCKET_PIPE_SHARED_STORAGE_DIR: "Storage shared by the pipes of a step";
        Plain Bitbucket BITBUCKET_COMMIT: "The commit the pipeline runs for";
        Plain Bitbucket BITBUCKET_BRANCH: "The branch";
        Plain Bitbucket BITBUCKET_TAG: "The tag";
        Plain Bitbucket BITBUCKET_PR_ID: "The pull request of a pull request pipeline";
        Plain Bitbucket BITBUCKET_PR_DESTINATION_BRANCH: "The pull request's destination branch";
        Plain Bitbucket BITBUCKET_WORKSPACE: "The workspace";
        Plain Bitbucket BITBUCKET_REPO_SLUG: "The repository's slug";
        Plain Bitbucket BITBUCKET_REPO_FULL_NAME: "workspace/slug";
        Plain Bitbucket BITBUCKET_CLONE_DIR: "The checkout";
        /// Not set by Bitbucket itself: tests and Bitbucket-compatible servers point the client
        /// elsewhere (default `https://api.bitbucket.org/2.0`).
        Plain Bitbucket BITBUCKET_API_URL: "The REST API's base URL";
        ForgeToken Bitbucket BITBUCKET_ACCESS_TOKEN: "Repository, project or workspace access token (or a user's API token as email:token): pull request files, comments, Code Insights";

        // --- our own, beside the flags ---
        ForgeToken All KKP_TOKEN: "Forge API token for any host (the --token flag's variable)";
        Plain All KKP_PLATFORM: "Override platform detection (the --platform flag's variable)";

        // --- the Terraform stages ---
        Plain All TF_CLI_ARGS: "Extra arguments for every Terraform command (shown in the plan comment)";
        #[allow(non_upper_case_globals)]
        Plain All TF_CLI_ARGS_plan: "Extra arguments for terraform plan (shown in the plan comment)";
        Plain All TF_HTTP_ADDRESS: "An http state backend's address, set by the user (host-managed state is then not added)";
        Credential All TF_HTTP_PASSWORD: "An http state backend's password, set by the user";
        Plain All AWS_REGION: "The AWS region (terraform-backend-prepare, when the backend names none)";
        Plain All AWS_DEFAULT_REGION: "The AWS region, older name";
        Plain All AWS_ACCESS_KEY_ID: "AWS credentials for Terraform and the S3 state";
        Credential All AWS_SECRET_ACCESS_KEY: "AWS credentials for Terraform and the S3 state";

        // --- the cluster stages ---
        Secret All SSH_PRIVATE_KEY: "The nodes' SSH key, text or base64 (kubeone-apply; the other cluster stages without KUBECONFIG)";
        Plain All KUBECONFIG: "A kubeconfig for the cluster stages (else derived with kubeone)";
        Secret All SOPS_AGE_SECRET_KEY: "The age key for SOPS-encrypted files (kkp-deploy)";
        ToolSecret All SOPS_AGE_KEY: "The age key under sops' own name (kkp-deploy, when SOPS_AGE_SECRET_KEY is not set)";
        ToolSecret All SOPS_AGE_KEY_FILE: "sops' own key file variable: hidden from tools, so only the key the stage hands sops counts";
        ToolSecret All SOPS_AGE_KEY_CMD: "sops' own key command variable: hidden from tools, so only the key the stage hands sops counts";
        ToolSecret All SOPS_AGE_SSH_PRIVATE_KEY_FILE: "sops' own SSH key file variable: hidden from tools, so only the key the stage hands sops counts";
        Secret GitHubGitLab KKP_FLUX_TOKEN: "GitHub/GitLab token that can create deploy keys (flux-bootstrap)";
        Secret Bitbucket KKP_FLUX_SSH_PRIVATE_KEY: "Bitbucket access key with write access, text or base64 (flux-bootstrap)";
        Plain All KKP_INSTALLER_SHA256: "The KKP release tarball's SHA-256 (kkp-deploy; else the releases API's digest)";
        Plain All KKP_CHARTS_DIR: "The installer's charts, with KKP_INSTALLER_BIN";
        Plain All KKP_RELEASES_URL: "Where KKP release tarballs are downloaded from (tests, mirrors)";
        Plain All KKP_RELEASES_API_URL: "The releases API the tarball's digest is read from (tests, mirrors)";

        // --- where the tools are (each `KKP_<TOOL>_BIN`; default: the name on PATH) ---
        Plain All KKP_TERRAFORM_BIN: "The Terraform executable";
        Plain All KKP_TOFU_BIN: "The OpenTofu executable (--engine opentofu)";
        Plain All KKP_AWS_BIN: "The aws CLI";
        Plain All KKP_GCLOUD_BIN: "The gcloud CLI";
        Plain All KKP_KUBEONE_BIN: "The kubeone executable";
        Plain All KKP_SSH_AGENT_BIN: "The ssh-agent executable";
        Plain All KKP_SSH_ADD_BIN: "The ssh-add executable";
        Plain All KKP_SSH_KEYGEN_BIN: "The ssh-keygen executable";
        Plain All KKP_INSTALLER_BIN: "A kubermatic-installer executable (kkp-deploy; else downloaded for KKP_VERSION)";
        Plain All KKP_SOPS_BIN: "The sops executable";
        Plain All KKP_TAR_BIN: "The tar executable";
        Plain All KKP_FLUX_BIN: "The flux executable";
    }

    /// The variables no tool inherits whatever the stage (forge tokens, tools' own key
    /// variables, the stages' secrets).
    pub fn hidden_from_tools() -> impl Iterator<Item = Var> {
        ALL.iter().copied().filter(Var::hidden_from_tools)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_prints_a_secret() {
        let env = Env::from_pairs([("GITHUB_TOKEN", "ghp_abc123"), ("HOME", "/root")]);
        let shown = format!("{env:?}");
        assert!(!shown.contains("ghp_abc123"), "{shown}");
        assert!(shown.contains("/root") && shown.contains("GITHUB_TOKEN"));
    }
}
