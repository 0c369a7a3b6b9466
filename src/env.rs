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
    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// True when `name` is set to `true` (case-insensitive) or `1`.
    pub fn is_true(&self, name: &str) -> bool {
        self.get(name)
            .is_some_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
    }

    /// All variables, for handing a scrubbed copy to child processes.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.vars.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// Names of every environment variable the product reads. Each constant documents why.
pub mod vars {
    // --- generic ---
    /// Disables colour in terminal output (https://no-color.org).
    pub const NO_COLOR: &str = "NO_COLOR";
    /// Set by every CI system we support; used only to refuse interactive behaviour.
    pub const CI: &str = "CI";

    // --- GitHub Actions ---
    pub const GITHUB_ACTIONS: &str = "GITHUB_ACTIONS";
    pub const GITHUB_EVENT_NAME: &str = "GITHUB_EVENT_NAME";
    pub const GITHUB_EVENT_PATH: &str = "GITHUB_EVENT_PATH";
    pub const GITHUB_REF: &str = "GITHUB_REF";
    pub const GITHUB_REF_NAME: &str = "GITHUB_REF_NAME";
    pub const GITHUB_SHA: &str = "GITHUB_SHA";
    pub const GITHUB_BASE_REF: &str = "GITHUB_BASE_REF";
    pub const GITHUB_REPOSITORY: &str = "GITHUB_REPOSITORY";
    pub const GITHUB_API_URL: &str = "GITHUB_API_URL";
    pub const GITHUB_SERVER_URL: &str = "GITHUB_SERVER_URL";
    pub const GITHUB_RUN_ID: &str = "GITHUB_RUN_ID";
    pub const GITHUB_WORKSPACE: &str = "GITHUB_WORKSPACE";
    pub const GITHUB_OUTPUT: &str = "GITHUB_OUTPUT";
    pub const GITHUB_STEP_SUMMARY: &str = "GITHUB_STEP_SUMMARY";
    pub const GITHUB_TOKEN: &str = "GITHUB_TOKEN";

    // --- GitLab CI ---
    pub const GITLAB_CI: &str = "GITLAB_CI";
    pub const CI_PIPELINE_SOURCE: &str = "CI_PIPELINE_SOURCE";
    pub const CI_COMMIT_SHA: &str = "CI_COMMIT_SHA";
    pub const CI_COMMIT_BEFORE_SHA: &str = "CI_COMMIT_BEFORE_SHA";
    pub const CI_COMMIT_BRANCH: &str = "CI_COMMIT_BRANCH";
    pub const CI_COMMIT_TAG: &str = "CI_COMMIT_TAG";
    pub const CI_COMMIT_REF_NAME: &str = "CI_COMMIT_REF_NAME";
    pub const CI_DEFAULT_BRANCH: &str = "CI_DEFAULT_BRANCH";
    pub const CI_COMMIT_DEFAULT_BRANCH_BASE_SHA: &str = "CI_COMMIT_DEFAULT_BRANCH_BASE_SHA";
    pub const CI_MERGE_REQUEST_IID: &str = "CI_MERGE_REQUEST_IID";
    pub const CI_MERGE_REQUEST_DIFF_BASE_SHA: &str = "CI_MERGE_REQUEST_DIFF_BASE_SHA";
    pub const CI_MERGE_REQUEST_EVENT_TYPE: &str = "CI_MERGE_REQUEST_EVENT_TYPE";
    pub const CI_MERGE_REQUEST_TARGET_BRANCH_NAME: &str = "CI_MERGE_REQUEST_TARGET_BRANCH_NAME";
    pub const CI_API_V4_URL: &str = "CI_API_V4_URL";
    pub const CI_PROJECT_ID: &str = "CI_PROJECT_ID";
    pub const CI_PROJECT_PATH: &str = "CI_PROJECT_PATH";
    pub const CI_PROJECT_DIR: &str = "CI_PROJECT_DIR";
    pub const CI_JOB_TOKEN: &str = "CI_JOB_TOKEN";
    pub const CI_JOB_URL: &str = "CI_JOB_URL";
    pub const GITLAB_TOKEN: &str = "GITLAB_TOKEN";

    // --- Bitbucket Pipelines ---
    pub const BITBUCKET_BUILD_NUMBER: &str = "BITBUCKET_BUILD_NUMBER";
    pub const BITBUCKET_PIPELINE_UUID: &str = "BITBUCKET_PIPELINE_UUID";
    pub const BITBUCKET_PIPE_STORAGE_DIR: &str = "BITBUCKET_PIPE_STORAGE_DIR";
    pub const BITBUCKET_PIPE_SHARED_STORAGE_DIR: &str = "BITBUCKET_PIPE_SHARED_STORAGE_DIR";
    pub const BITBUCKET_COMMIT: &str = "BITBUCKET_COMMIT";
    pub const BITBUCKET_BRANCH: &str = "BITBUCKET_BRANCH";
    pub const BITBUCKET_TAG: &str = "BITBUCKET_TAG";
    pub const BITBUCKET_PR_ID: &str = "BITBUCKET_PR_ID";
    pub const BITBUCKET_PR_DESTINATION_BRANCH: &str = "BITBUCKET_PR_DESTINATION_BRANCH";
    pub const BITBUCKET_WORKSPACE: &str = "BITBUCKET_WORKSPACE";
    pub const BITBUCKET_REPO_SLUG: &str = "BITBUCKET_REPO_SLUG";
    pub const BITBUCKET_REPO_FULL_NAME: &str = "BITBUCKET_REPO_FULL_NAME";
    pub const BITBUCKET_CLONE_DIR: &str = "BITBUCKET_CLONE_DIR";
    /// Not set by Bitbucket itself: the API base, so tests and Bitbucket-compatible servers can
    /// point the client elsewhere (default `https://api.bitbucket.org/2.0`).
    pub const BITBUCKET_API_URL: &str = "BITBUCKET_API_URL";
    pub const BITBUCKET_ACCESS_TOKEN: &str = "BITBUCKET_ACCESS_TOKEN";

    // --- our own flags (each flag `--x-y` has `KKP_X_Y`) ---
    pub const KKP_PATHS: &str = "KKP_PATHS";
    pub const KKP_RUN_ON: &str = "KKP_RUN_ON";
    pub const KKP_FORCE: &str = "KKP_FORCE";
    pub const KKP_ON_UNKNOWN: &str = "KKP_ON_UNKNOWN";
    pub const KKP_DECIDE_ONLY: &str = "KKP_DECIDE_ONLY";
    pub const KKP_WORKING_DIRECTORY: &str = "KKP_WORKING_DIRECTORY";
    pub const KKP_PLATFORM: &str = "KKP_PLATFORM";
    pub const KKP_TOKEN: &str = "KKP_TOKEN";
    pub const KKP_COMMENT: &str = "KKP_COMMENT";
    pub const KKP_BASE: &str = "KKP_BASE";
    pub const KKP_EVENT: &str = "KKP_EVENT";
    pub const KKP_DEFAULT_BRANCH: &str = "KKP_DEFAULT_BRANCH";
    pub const KKP_API_CONCURRENCY: &str = "KKP_API_CONCURRENCY";
    pub const KKP_API_MAX_WAIT: &str = "KKP_API_MAX_WAIT";
    pub const KKP_BACKEND_CONFIG: &str = "KKP_BACKEND_CONFIG";
    pub const KKP_ALLOW_UNREVIEWED_CHANGES: &str = "KKP_ALLOW_UNREVIEWED_CHANGES";
    /// GCS bucket location for terraform-backend-prepare; default `EU`.
    pub const KKP_GCS_LOCATION: &str = "KKP_GCS_LOCATION";
    /// The Terraform executable; default `terraform` on PATH.
    pub const KKP_TERRAFORM_BIN: &str = "KKP_TERRAFORM_BIN";
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
