//! Errors at the library's boundary, by what the caller does with them: a usage error exits 2,
//! a stage failure exits 1.

use std::path::PathBuf;

/// Bad input or environment. The message always names the flag, variable or file and says what
/// was expected; `main` prints it and exits with status 2.
#[derive(Debug, thiserror::Error)]
pub enum UsageError {
    #[error("{name}: expected {expected}, got {got:?}")]
    InvalidValue {
        name: String,
        expected: String,
        got: String,
    },

    #[error("{name} is required: {why}")]
    Missing { name: String, why: String },

    #[error("event payload {path} (from GITHUB_EVENT_PATH) {problem}")]
    EventPayload { path: PathBuf, problem: String },

    #[error("{0}")]
    Other(String),
}

impl UsageError {
    /// `name` is a flag (`--timeout`) or a variable (a catalogue `Var`, or a flag's `KKP_*`).
    pub fn invalid(name: impl AsRef<str>, expected: &str, got: &str) -> Self {
        UsageError::InvalidValue {
            name: name.as_ref().to_owned(),
            expected: expected.to_owned(),
            got: got.to_owned(),
        }
    }

    pub fn missing(name: impl AsRef<str>, why: &str) -> Self {
        UsageError::Missing {
            name: name.as_ref().to_owned(),
            why: why.to_owned(),
        }
    }
}

/// Why a stage did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum StageError {
    /// Exit 2.
    #[error(transparent)]
    Usage(#[from] UsageError),
    /// Exit 1: the stage ran (or tried to) and failed.
    #[error("{0:#}")]
    Failed(anyhow::Error),
}

impl StageError {
    pub fn exit_code(&self) -> u8 {
        match self {
            StageError::Usage(_) => 2,
            StageError::Failed(_) => 1,
        }
    }
}

/// A reqwest error as one line for a user: what kind of failure, then its deepest cause
/// ("cannot connect (Connection refused (os error 111))"), never the URL's credentials.
pub fn describe_http_error(e: &reqwest::Error) -> String {
    let mut text = if e.is_timeout() {
        "no answer within the deadline".to_owned()
    } else if e.is_connect() {
        "cannot connect".to_owned()
    } else {
        "the request failed".to_owned()
    };
    let mut source = std::error::Error::source(e);
    let mut deepest = None;
    while let Some(s) = source {
        deepest = Some(s.to_string());
        source = s.source();
    }
    if let Some(d) = deepest {
        text.push_str(&format!(" ({d})"));
    }
    text
}
