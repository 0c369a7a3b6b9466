//! Running a tool as a child process: its environment comes from the snapshot (never the
//! process environment), its output streams live into a folded log section with secrets
//! masked, and its exit status is kept.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context as _, Result};

use crate::context::Platform;
use crate::env::Env;
use crate::platform::gitlab::publish::{section_end, section_start};

/// Masks secret values in text. Built from the environment: every variable whose name marks it
/// as a credential, plus any value added explicitly (the API token).
#[derive(Clone, Debug, Default)]
pub struct Redactor {
    secrets: Vec<String>,
}

/// Name fragments of variables whose values are secrets.
const SECRET_NAME_PARTS: &[&str] = &[
    "TOKEN",
    "SECRET",
    "PASSWORD",
    "PASSWD",
    "PRIVATE_KEY",
    "CREDENTIALS",
    "AGE_KEY",
    "SESSION_KEY",
];

impl Redactor {
    pub fn from_env(env: &Env) -> Self {
        let mut r = Redactor::default();
        for (name, value) in env.iter() {
            let upper = name.to_ascii_uppercase();
            if SECRET_NAME_PARTS.iter().any(|p| upper.contains(p)) {
                r.add(value);
            }
        }
        r
    }

    /// Adds a secret. Very short values are ignored: masking `1` or `true` would mangle output
    /// without protecting anything.
    pub fn add(&mut self, secret: &str) {
        if secret.len() >= 6 && !self.secrets.iter().any(|s| s == secret) {
            self.secrets.push(secret.to_owned());
            // Longest first, so a secret containing another is masked whole.
            self.secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        }
    }

    pub fn mask(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for s in &self.secrets {
            if out.contains(s.as_str()) {
                out = out.replace(s.as_str(), "***");
            }
        }
        out
    }
}

/// A folded log section in the platform's own form. On GitHub the content is also wrapped in
/// `::stop-commands::`, so tool output cannot issue workflow commands.
pub struct Section {
    platform: Platform,
    name: String,
    stop_token: Option<String>,
}

impl Section {
    pub fn open(
        platform: Platform,
        log: &mut dyn Write,
        name: &str,
        title: &str,
    ) -> std::io::Result<Self> {
        let mut stop_token = None;
        match platform {
            Platform::GitHub => {
                writeln!(
                    log,
                    "::group::{}",
                    crate::report::annotations::escape_data(title)
                )?;
                let token = random_token(name);
                writeln!(log, "::stop-commands::{token}")?;
                stop_token = Some(token);
            }
            Platform::GitLab => section_start(log, name, title, true)?,
            Platform::Bitbucket | Platform::Local => writeln!(log, "── {title}")?,
        }
        Ok(Section {
            platform,
            name: name.to_owned(),
            stop_token,
        })
    }

    pub fn close(self, log: &mut dyn Write) -> std::io::Result<()> {
        match self.platform {
            Platform::GitHub => {
                if let Some(t) = &self.stop_token {
                    writeln!(log, "::{t}::")?;
                }
                writeln!(log, "::endgroup::")
            }
            Platform::GitLab => section_end(log, &self.name),
            Platform::Bitbucket | Platform::Local => Ok(()),
        }
    }
}

/// An unguessable token for `::stop-commands::` (tool output must not be able to end it).
/// `RandomState` is seeded from the OS per instance.
fn random_token(seed: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut parts = String::new();
    for round in 0..2u8 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write(seed.as_bytes());
        h.write_u8(round);
        h.write_u128(
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0),
        );
        parts.push_str(&format!("{:016x}", h.finish()));
    }
    parts
}

/// One tool invocation.
pub struct ToolCommand<'a> {
    pub program: PathBuf,
    pub args: Vec<String>,
    pub dir: PathBuf,
    pub env: &'a Env,
    pub extra_env: Vec<(String, String)>,
}

/// What a tool run produced.
#[derive(Debug)]
pub struct Captured {
    /// `None` when killed by a signal.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Captured {
    pub fn success(&self) -> bool {
        self.code == Some(0)
    }
}

/// How a line is echoed to the log, if at all.
pub enum Echo<'a> {
    /// Capture only (machine-readable output such as `validate -json`).
    Quiet,
    /// Every line, masked.
    Lines,
    /// Each line through a function (for JSON log lines shown as their message); `None` hides it.
    Map(&'a dyn Fn(&str) -> Option<String>),
}

impl ToolCommand<'_> {
    pub fn display(&self) -> String {
        let name = self
            .program
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        format!("{name} {}", self.args.join(" "))
    }

    /// Runs the tool, streaming echoed lines to `log` as they arrive.
    pub fn run(
        &self,
        log: &mut dyn Write,
        echo: Echo<'_>,
        redactor: &Redactor,
    ) -> Result<Captured> {
        let mut cmd = Command::new(&self.program);
        cmd.args(&self.args)
            .current_dir(&self.dir)
            .env_clear()
            .envs(self.env.iter())
            .envs(self.extra_env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().with_context(|| {
            format!(
                "cannot start {} (set KKP_TERRAFORM_BIN or put it on PATH)",
                self.program.display()
            )
        })?;
        let (tx, rx) = mpsc::channel::<(bool, String)>();
        let mut readers = Vec::new();
        if let Some(out) = child.stdout.take() {
            let tx = tx.clone();
            readers.push(std::thread::spawn(move || forward(out, false, tx)));
        }
        if let Some(err) = child.stderr.take() {
            let tx = tx.clone();
            readers.push(std::thread::spawn(move || forward(err, true, tx)));
        }
        drop(tx);
        let (mut stdout, mut stderr) = (String::new(), String::new());
        for (is_err, line) in rx {
            let shown = match &echo {
                Echo::Quiet => None,
                Echo::Lines => Some(line.clone()),
                Echo::Map(f) => f(&line),
            };
            if let Some(text) = shown {
                writeln!(log, "{}", redactor.mask(&text))?;
            }
            let buf = if is_err { &mut stderr } else { &mut stdout };
            buf.push_str(&line);
            buf.push('\n');
        }
        for r in readers {
            let _ = r.join();
        }
        let status = child
            .wait()
            .with_context(|| format!("waiting for {}", self.display()))?;
        Ok(Captured {
            code: status.code(),
            stdout,
            stderr,
        })
    }
}

fn forward(stream: impl std::io::Read, is_err: bool, tx: mpsc::Sender<(bool, String)>) {
    let reader = BufReader::new(stream);
    for line in reader.split(b'\n') {
        let Ok(bytes) = line else { break };
        let text = String::from_utf8_lossy(&bytes)
            .trim_end_matches('\r')
            .to_owned();
        if tx.send((is_err, text)).is_err() {
            break;
        }
    }
}

/// Resolves a tool: `KKP_<TOOL>_BIN` from the snapshot, else the name (found on PATH).
pub fn tool_path(env: &Env, var: &str, name: &str) -> PathBuf {
    env.get(var)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(name).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_credentials_from_env_longest_first() {
        let env = Env::from_pairs([
            ("AWS_SECRET_ACCESS_KEY", "abcdefSECRET"),
            ("GITLAB_TOKEN", "abcdef"),
            ("PATH", "/usr/bin"),
        ]);
        let r = Redactor::from_env(&env);
        assert_eq!(
            r.mask("k=abcdefSECRET t=abcdef p=/usr/bin"),
            "k=*** t=*** p=/usr/bin"
        );
    }

    #[test]
    fn github_sections_stop_commands() {
        let mut out = Vec::new();
        let s = Section::open(Platform::GitHub, &mut out, "x", "terraform init").unwrap();
        writeln!(out, "::error::injected").unwrap();
        s.close(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "::group::terraform init");
        let token = lines[1].strip_prefix("::stop-commands::").unwrap();
        assert_eq!(token.len(), 32);
        assert_eq!(lines[3], format!("::{token}::"));
        assert_eq!(lines[4], "::endgroup::");
    }
}
