//! `kkp-delivery init` and `kkp-delivery doctor`: the first two commands a new user runs.
//!
//! - `init --platform github|gitlab|bitbucket` writes the pipeline file for this repository
//!   (the whole flow, with the Terraform root it finds), or prints it with `--print`. It never
//!   overwrites an existing file.
//! - `doctor` checks what the stages will need here, before a pipeline finds out: the
//!   repository's layout, each tool on PATH and its version, and the variables each stage reads
//!   (names only — values are secrets). Exit 0 when nothing blocks, 1 when something does.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::env::{vars, Env};
use crate::error::{StageError, UsageError};
use crate::packaging::{secrets_on, secrets_with_users, Registry, IMAGE, VERSION};
use crate::stages::precedes_a_review;
use crate::stages::RegisteredStage;
use crate::tools::runner::Provided;

mod fleet;

/// The Terraform roots directly under `terraform/` (folders holding `*.tf`).
fn terraform_roots(root: &Path) -> Vec<String> {
    let mut roots: Vec<String> = std::fs::read_dir(root.join("terraform"))
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .filter(|p| {
            std::fs::read_dir(p).is_ok_and(|d| {
                d.filter_map(Result::ok)
                    .any(|e| crate::tools::terraform::is_code_file(&e.path()))
            })
        })
        .filter_map(|p| {
            p.file_name()
                .map(|n| format!("terraform/{}", n.to_string_lossy()))
        })
        .collect();
    roots.sort();
    roots
}

/// What `init` writes a pipeline for: the repository's Terraform roots, the one the cluster
/// stages read (`--terraform-dir`), its default branch, and the cloud its roots use.
#[derive(Clone, Debug)]
pub struct Layout {
    pub roots: Vec<String>,
    pub cluster_root: String,
    pub default_branch: String,
    /// Cloud credential variables the roots' providers read, each with a line on it.
    pub cloud: Vec<(&'static str, &'static str)>,
    /// The Terraform version the roots pin exactly (`required_version = "1.9.8"`), if any.
    pub terraform_version: Option<String>,
    /// The roots' `required_version` when it is a constraint, not one version.
    pub terraform_constraint: Option<String>,
    /// A root has OpenTofu's `.tofu` files: the stages run OpenTofu, which the job installs.
    pub opentofu: bool,
}

/// The roots' `required_version`: an exact version, or the constraint as written.
fn required_terraform(root: &Path, roots: &[String]) -> (Option<String>, Option<String>) {
    for r in roots {
        let files = std::fs::read_dir(root.join(r)).into_iter().flatten();
        for entry in files.filter_map(Result::ok) {
            if !crate::tools::terraform::is_code_file(&entry.path()) {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let found = text.lines().find_map(|l| {
                let (key, value) = l.split_once('=')?;
                (key.trim() == "required_version")
                    .then(|| value.trim().trim_matches('"').trim().to_owned())
            });
            if let Some(v) = found {
                let exact = v.trim_start_matches('=').trim();
                let is_exact = !exact.is_empty()
                    && exact.chars().all(|c| c.is_ascii_digit() || c == '.')
                    && exact.matches('.').count() == 2;
                return if is_exact {
                    (Some(exact.to_owned()), None)
                } else {
                    (None, Some(v))
                };
            }
        }
    }
    (None, None)
}

/// The cloud credential variables for the providers a root's `*.tf` files name.
fn cloud_credentials(root: &Path, roots: &[String]) -> Vec<(&'static str, &'static str)> {
    let text: String = roots
        .iter()
        .flat_map(|r| std::fs::read_dir(root.join(r)).into_iter().flatten())
        .filter_map(Result::ok)
        .filter(|e| crate::tools::terraform::is_code_file(&e.path()))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    let mut vars: Vec<(&'static str, &'static str)> = Vec::new();
    let names = |provider: &str| {
        text.contains(&format!("provider \"{provider}\""))
            || text.contains(&format!("hashicorp/{provider}\""))
            || text.contains(&format!(
                "backend \"{}\"",
                match provider {
                    "aws" => "s3",
                    "google" => "gcs",
                    _ => "azurerm",
                }
            ))
    };
    if names("aws") {
        vars.push((
            "AWS_ACCESS_KEY_ID",
            "AWS credentials (Terraform, the S3 state)",
        ));
        vars.push((
            "AWS_SECRET_ACCESS_KEY",
            "AWS credentials (Terraform, the S3 state)",
        ));
    }
    if names("google") {
        vars.push((
            "GOOGLE_CREDENTIALS",
            "a GCP service account key, JSON (Terraform, the GCS state)",
        ));
    }
    if names("azurerm") {
        for v in [
            "ARM_CLIENT_ID",
            "ARM_CLIENT_SECRET",
            "ARM_TENANT_ID",
            "ARM_SUBSCRIPTION_ID",
        ] {
            vars.push((v, "Azure service principal (Terraform, the azurerm state)"));
        }
    }
    vars
}

/// The repository's default branch: the remote's HEAD, else the branch checked out, else `main`.
fn default_branch(root: &Path) -> String {
    let git = crate::git::Git::new(root);
    git.remote_default_branch()
        .or_else(|| git.current_branch())
        .filter(|b| !b.is_empty() && b != "HEAD")
        .unwrap_or_else(|| "main".to_owned())
}

/// The stages of `registry` that run for pull and merge requests.
fn reviewing<'r>(registry: Registry<'r>) -> impl Iterator<Item = &'r dyn RegisteredStage> + 'r {
    registry.iter().copied().filter(|s| s.info().reviews())
}

/// Whether a stage has the flag `--long` (`kkp-version`).
fn has_flag(stage: &dyn RegisteredStage, long: &str) -> bool {
    crate::packaging::flags(stage)
        .iter()
        .any(|f| f.long == long)
}

/// The commit this binary was built from (build.rs); empty when it was built without one.
const SOURCE_COMMIT: &str = env!("KKP_DELIVERY_SOURCE_COMMIT");

/// Whether `s` is a full commit SHA (40 hex digits).
fn is_commit(s: &str) -> bool {
    s.len() == 40 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The reference the kkp actions are pinned to, with its comment: `--actions-ref`, else the
/// commit this binary was built from (its actions are the ones that match it), else the
/// version's tag, which zizmor's default policy reports (`unpinned-uses`).
fn action_ref(options: &InitOptions) -> String {
    match options.actions_ref.as_deref().filter(|r| is_commit(r)) {
        Some(given) => format!("{} # v{VERSION}", given.to_ascii_lowercase()),
        None if is_commit(SOURCE_COMMIT) => format!("{SOURCE_COMMIT} # v{VERSION}"),
        None => format!("v{VERSION}"),
    }
}

/// The image the GitLab components and the Bitbucket pipe run: by tag, and by digest where
/// `--image-digest` names it (the digest exists only once the release pushed the image, after
/// this binary was built, so the binary cannot know it).
fn image_ref(options: &InitOptions) -> String {
    match &options.image_digest {
        Some(digest) => format!("{IMAGE}:{VERSION}@{digest}"),
        None => format!("{IMAGE}:{VERSION}"),
    }
}

/// The tools a GitHub job of `stages` installs from `docker/tools.lock` (setup-tools): those
/// neither on the hosted image nor set up by their own step.
fn locked_tools<'r>(stages: impl Iterator<Item = &'r dyn RegisteredStage>) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for stage in stages {
        for tool in stage.info().tools {
            if let Provided::ToolsLock(name) = tool.provided {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
    }
    names
}

/// The GitHub step that installs Terraform (or OpenTofu) for `layout`'s roots. Hosted runners
/// have no Terraform: installed, pinned by commit, without the wrapper (it rewrites stdout,
/// which `-json` output cannot have). Roots with `.tofu` files run OpenTofu: its own setup
/// action, pinned the same way.
fn github_setup_terraform(layout: &Layout) -> String {
    let constraint_note = match (&layout.terraform_version, &layout.terraform_constraint) {
        (None, Some(c)) => format!(" # the roots require {c}: pin a version that meets it"),
        _ => String::new(),
    };
    let version = layout.terraform_version.as_deref().unwrap_or("latest");
    if layout.opentofu {
        format!(
            "      - uses: opentofu/setup-opentofu@a1320f892987e89d278cc92dc5adc984fb93aca4 # v2.0.2\n        with:\n          tofu_version: \"{version}\"{constraint_note}\n          tofu_wrapper: false\n",
        )
    } else {
        format!(
            "      - uses: hashicorp/setup-terraform@b9cd54a3c349d3f38e8881555d616ced269862dd # v3.1.2\n        with:\n          terraform_version: \"{version}\"{constraint_note}\n          terraform_wrapper: false\n",
        )
    }
}

/// The GitHub step that checks the repository out, without keeping the token in `.git`.
const GITHUB_CHECKOUT: &str = "      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n        with:\n          persist-credentials: false\n";

/// The comment lines naming the CI/CD variables a GitLab pipeline of `registry` reads, each
/// with what it is and which stages read it.
fn gitlab_variables(y: &mut String, registry: Registry<'_>, layout: &Layout) {
    let _ = writeln!(
        y,
        "#   {}: {} (every stage; terraform-apply refuses without it: it cannot find the reviewed plan)",
        vars::GITLAB_TOKEN.name,
        vars::GITLAB_TOKEN.about
    );
    for (name, about) in &layout.cloud {
        let _ = writeln!(y, "#   {name}: {about}");
    }
    for (var, users) in &secrets_with_users(registry, "gitlab") {
        let _ = writeln!(y, "#   {}: {} ({users})", var.name, var.about);
    }
    if registry.iter().any(|s| has_flag(*s, "kkp-version")) {
        y.push_str("#   KKP_VERSION: the KKP release kkp-deploy installs (v2.29.1); a project variable wins\n#   over the component's input\n");
    }
}

/// The comment lines naming the variables the pipes of a Bitbucket pipeline of `registry`
/// read, each with what it is and which stages read it.
fn bitbucket_variables(y: &mut String, registry: Registry<'_>, layout: &Layout) {
    let _ = writeln!(
        y,
        "#   {}: {}",
        vars::BITBUCKET_ACCESS_TOKEN.name,
        vars::BITBUCKET_ACCESS_TOKEN.about
    );
    for (name, about) in &layout.cloud {
        let _ = writeln!(y, "#   {name}: {about}");
    }
    for (var, users) in &secrets_with_users(registry, "bitbucket") {
        let _ = writeln!(y, "#   {}: {} ({users})", var.name, var.about);
    }
    if registry.iter().any(|s| has_flag(*s, "kkp-version")) {
        y.push_str(
            "#   KKP_VERSION: the KKP release kkp-deploy installs (v2.29.1), a plain variable\n",
        );
    }
}

/// The job prefix of a Terraform root in GitLab: `kkp` for one root, `kkp-<name>` for several.
fn gitlab_prefix(layout: &Layout, root: &str) -> String {
    if layout.roots.len() == 1 {
        "kkp".to_owned()
    } else {
        format!("kkp-{}", root.rsplit('/').next().unwrap_or(root))
    }
}

/// The pipeline file for `platform`: every stage of `registry` in its order, the reviewing ones
/// on pull and merge requests (and on a schedule: drift), all of them on a push to the default
/// branch, each Terraform stage once per root, each stage with the secrets it reads and a note
/// on where each belongs.
pub fn pipeline(
    registry: Registry<'_>,
    options: &InitOptions,
    layout: &Layout,
) -> Option<(&'static str, String)> {
    let platform = options.platform.as_str();
    let mut y = String::new();
    let branch = &layout.default_branch;
    let several = layout.roots.len() > 1;
    match platform {
        "github" => {
            let action = action_ref(options);
            // The tools no hosted image has, from docker/tools.lock (verified sums) by the
            // setup-tools action of the same commit as the stages'.
            let setup_tools = |y: &mut String, tools: &[&str]| {
                if !tools.is_empty() {
                    let _ = write!(
                        y,
                        "      - uses: kkp-delivery/kkp-delivery/actions/setup-tools@{action}\n        with:\n          tools: {}\n",
                        tools.join(" ")
                    );
                }
            };
            let setup_terraform = github_setup_terraform(layout);
            let step = |y: &mut String, stage: &dyn RegisteredStage| {
                let uses = format!(
                    "kkp-delivery/kkp-delivery/actions/{}@{action}",
                    stage.name()
                );
                if stage.info().scope.is_terraform_root() {
                    for root in &layout.roots {
                        let _ = write!(
                            y,
                            "      - uses: {uses}\n        with:\n          working-directory: {root}\n"
                        );
                    }
                    return;
                }
                let mut with: Vec<String> = Vec::new();
                if several {
                    with.push(format!("terraform-dir: {}", layout.cluster_root));
                }
                if has_flag(stage, "kkp-version") {
                    with.push("kkp-version: ${{ vars.KKP_VERSION }}".to_owned());
                }
                let _ = writeln!(y, "      - uses: {uses}");
                if !with.is_empty() {
                    y.push_str("        with:\n");
                    for w in with {
                        let _ = writeln!(y, "          {w}");
                    }
                }
            };
            let _ = write!(
                y,
                "# Generated by `kkp-delivery init`: the KKP pipeline. Validate and plan on pull requests,\n\
                 # in the merge queue and on a weekday schedule (drift); every stage on a push to {branch}\n\
                 # or by hand (Actions > kkp > Run workflow).\n\
                 name: kkp\non:\n  pull_request:\n  merge_group:\n  push:\n    branches: [{branch}]\n  workflow_dispatch:\n  schedule:\n    - cron: \"17 5 * * 1-5\"\n\
                 permissions:\n  contents: read\nconcurrency:\n  group: kkp-${{{{ github.ref }}}}\n  cancel-in-progress: false\njobs:\n  review:\n\
                 \x20   if: github.event_name == 'pull_request' || github.event_name == 'merge_group' || github.event_name == 'schedule'\n\
                 \x20   runs-on: ubuntu-latest\n    timeout-minutes: 30\n\
                 \x20   # issues: the scheduled plan opens and closes the drift tracking issues.\n\
                 \x20   permissions:\n      contents: read\n      pull-requests: write\n      issues: write\n"
            );
            if !layout.cloud.is_empty() {
                y.push_str("    # Plan-only (read) cloud credentials, as repository secrets: the plan reads the state.\n    env:\n");
                for (name, _) in &layout.cloud {
                    let _ = writeln!(y, "      {name}: ${{{{ secrets.{name} }}}}");
                }
            }
            y.push_str("    steps:\n");
            y.push_str(GITHUB_CHECKOUT);
            y.push_str(&setup_terraform);
            setup_tools(&mut y, &locked_tools(reviewing(registry)));
            for stage in reviewing(registry) {
                step(&mut y, stage);
            }
            let _ = write!(
                y,
                "  deliver:\n    if: github.event_name == 'push' || github.event_name == 'workflow_dispatch'\n    runs-on: ubuntu-latest\n    timeout-minutes: 120\n\
                 \x20   environment: production\n    permissions:\n      contents: read\n      pull-requests: read\n"
            );
            let secrets = secrets_on(registry, "github");
            if !secrets.is_empty() || !layout.cloud.is_empty() {
                y.push_str("    # Secrets of the `production` environment (Settings > Environments), its deployment\n    # branches limited to the default branch: only this job can read them. KKP_VERSION is a\n    # variable (Settings > Variables), the KKP release kkp-deploy installs.\n    env:\n");
                for (name, _) in &layout.cloud {
                    let _ = writeln!(y, "      {name}: ${{{{ secrets.{name} }}}}");
                }
                for var in &secrets {
                    let _ = writeln!(y, "      {0}: ${{{{ secrets.{0} }}}}", var.name);
                }
            }
            y.push_str("    steps:\n");
            y.push_str(GITHUB_CHECKOUT);
            y.push_str(&setup_terraform);
            setup_tools(&mut y, &locked_tools(registry.iter().copied()));
            for stage in registry {
                step(&mut y, *stage);
            }
            Some((".github/workflows/kkp.yml", y))
        }
        "gitlab" => {
            y.push_str("# Generated by `kkp-delivery init`: the KKP pipeline as CI/CD components. Merge requests\n# validate and plan; the default branch runs every stage.\n");
            y.push_str("# Set these as protected and masked CI/CD variables (Settings > CI/CD > Variables), or\n# variables of a protected `production` environment: an unprotected variable reaches merge\n# request pipelines, which run the branch's own CI file.\n");
            gitlab_variables(&mut y, registry, layout);
            let image = image_ref(options);
            if options.image_digest.is_none() {
                let _ = writeln!(
                    y,
                    "# The components run {image} by tag: pin it by digest with\n# `kkp-delivery init --image-digest sha256:...` (docker buildx imagetools inspect {image})."
                );
            }
            y.push_str("stages: [test, deploy]\ninclude:\n");
            let component = |stage: &str| {
                format!(
                    "  - component: $CI_SERVER_FQDN/kkp-delivery/kkp-delivery/{stage}@{VERSION}"
                )
            };
            let mut deploy_jobs: Vec<String> = Vec::new();
            // Each include with its inputs, in the flow's order.
            let include = |y: &mut String, stage: &dyn RegisteredStage, inputs: Vec<String>| {
                let _ = writeln!(y, "{}", component(stage.name()));
                let mut inputs = inputs;
                if options.image_digest.is_some() {
                    inputs.push(format!("image: {image}"));
                }
                if stage.info().scope == crate::stages::Scope::TerraformState
                    && !stage.info().reviews()
                    && !precedes_a_review(registry, stage.name())
                {
                    inputs.push(
                        "when: on_success # manual: the apply waits for a person to start it"
                            .to_owned(),
                    );
                }
                if !inputs.is_empty() {
                    y.push_str("    inputs:\n");
                    for input in inputs {
                        let _ = writeln!(y, "      {input}");
                    }
                }
            };
            for stage in registry {
                let info = stage.info();
                if info.scope.is_terraform_root() {
                    for root in &layout.roots {
                        let prefix = gitlab_prefix(layout, root);
                        let mut inputs = vec![format!("working-directory: {root}")];
                        if several {
                            inputs.push(format!("job-prefix: {prefix}"));
                        }
                        include(&mut y, *stage, inputs);
                        if !info.reviews() && !precedes_a_review(registry, stage.name()) {
                            deploy_jobs.push(format!("{prefix}-{}", stage.name()));
                        }
                    }
                } else {
                    let prefix = gitlab_prefix(layout, &layout.cluster_root);
                    let mut inputs = Vec::new();
                    if several {
                        inputs.push(format!("job-prefix: {prefix}"));
                        inputs.push(format!("terraform-dir: {}", layout.cluster_root));
                    }
                    include(&mut y, *stage, inputs);
                    deploy_jobs.push(format!("{prefix}-{}", stage.name()));
                }
            }
            y.push_str("# The jobs that change the platform deploy to the protected `production` environment.\n");
            for job in deploy_jobs {
                let _ = writeln!(y, "\"{job}\":\n  environment: production");
            }
            Some((".gitlab-ci.yml", y))
        }
        "bitbucket" => {
            // A pipe sees only the variables its step gives it: each stage gets the ones it
            // reads.
            let pipe = |stage: &dyn RegisteredStage, root: Option<&str>| {
                let mut p = format!(
                    "            - pipe: docker://{}\n              variables:\n                STAGE: {}\n                BITBUCKET_ACCESS_TOKEN: $BITBUCKET_ACCESS_TOKEN\n",
                    image_ref(options),
                    stage.name()
                );
                let info = stage.info();
                match root {
                    Some(root) => {
                        let _ = writeln!(p, "                KKP_WORKING_DIRECTORY: {root}");
                        for (name, _) in &layout.cloud {
                            let _ = writeln!(p, "                {name}: ${name}");
                        }
                    }
                    None if several => {
                        let _ = writeln!(
                            p,
                            "                KKP_TERRAFORM_DIR: {}",
                            layout.cluster_root
                        );
                    }
                    None => {}
                }
                if info
                    .variables
                    .iter()
                    .any(|v| layout.cloud.iter().any(|(n, _)| *n == v.name))
                    && root.is_none()
                {
                    for (name, _) in &layout.cloud {
                        let _ = writeln!(p, "                {name}: ${name}");
                    }
                }
                for var in info.secrets() {
                    if var.hosts.include("bitbucket") {
                        let _ = writeln!(p, "                {0}: ${0}", var.name);
                    }
                }
                if has_flag(stage, "kkp-version") {
                    p.push_str("                KKP_VERSION: $KKP_VERSION\n");
                }
                p
            };
            let steps = |stage: &dyn RegisteredStage| -> String {
                if stage.info().scope.is_terraform_root() {
                    layout.roots.iter().map(|r| pipe(stage, Some(r))).collect()
                } else {
                    pipe(stage, None)
                }
            };
            y.push_str("# Generated by `kkp-delivery init`: the KKP pipeline with the kkp-delivery pipe.\n");
            if options.image_digest.is_none() {
                let _ = writeln!(
                    y,
                    "# The pipe runs {0} by tag: pin it by digest with\n# `kkp-delivery init --image-digest sha256:...` (docker buildx imagetools inspect {0}).",
                    image_ref(options)
                );
            }
            y.push_str("# Set these as secured deployment variables of `production` (Repository settings >\n# Deployments); each pipe below is passed the ones it reads:\n");
            bitbucket_variables(&mut y, registry, layout);
            y.push_str("pipelines:\n  pull-requests:\n    '**':\n      - step:\n          name: review\n          script:\n");
            for stage in reviewing(registry) {
                y.push_str(&steps(stage));
            }
            let _ = write!(
                y,
                "  branches:\n    {branch}:\n      - step:\n          name: deliver\n          deployment: production\n          script:\n"
            );
            for stage in registry {
                y.push_str(&steps(*stage));
            }
            Some(("bitbucket-pipelines.yml", y))
        }
        _ => None,
    }
}

/// What `init` is asked for.
#[derive(Clone, Debug, Default)]
pub struct InitOptions {
    /// `github`, `gitlab` or `bitbucket`.
    pub platform: String,
    /// `--terraform-dir`, in order; empty: every root found.
    pub roots: Vec<String>,
    /// `--default-branch`; else found from git.
    pub default_branch: Option<String>,
    /// `--print`: print instead of writing.
    pub print: bool,
    /// `--actions-ref`: the commit the kkp actions are pinned to; default: this binary's.
    pub actions_ref: Option<String>,
    /// `--image-digest`: the image's `sha256:` digest, pinned beside its tag.
    pub image_digest: Option<String>,
}

/// `init`: writes (or prints) the pipeline file for `platform`. The Terraform roots are those
/// given (`--terraform-dir`, repeatable; the first is the cluster's), else every root found
/// under `terraform/`.
pub fn init(
    registry: Registry<'_>,
    root: &Path,
    options: &InitOptions,
    out: &mut dyn Write,
) -> Result<u8, StageError> {
    let (platform, given_roots, print) = (&options.platform, &options.roots, options.print);
    if let Some(given) = &options.actions_ref {
        if !is_commit(given) {
            return Err(UsageError::invalid(
                "--actions-ref",
                "a full commit SHA (40 hex digits)",
                given,
            )
            .into());
        }
    }
    if let Some(given) = &options.image_digest {
        let hex = given.strip_prefix("sha256:").unwrap_or("");
        if hex.len() != 64
            || !hex
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        {
            return Err(UsageError::invalid(
                "--image-digest",
                "sha256: and 64 lowercase hex digits",
                given,
            )
            .into());
        }
    }
    // A fleet (several installations, or declared ones) gets the fan-out, unless roots were
    // named: then one pipeline for those roots, as before.
    let fleet: Vec<crate::installations::Installation> = if given_roots.is_empty() {
        let all = crate::installations::discover(root)?;
        if all.len() > 1 || all.iter().any(|i| i.declared_in.is_some()) {
            all
        } else {
            Vec::new()
        }
    } else {
        Vec::new()
    };
    let found = terraform_roots(root);
    let roots: Vec<String> = if !fleet.is_empty() {
        fleet.iter().map(|i| i.terraform_root.clone()).collect()
    } else if given_roots.is_empty() {
        found.clone()
    } else {
        let mut roots = Vec::new();
        for given in given_roots {
            let given = given.trim().trim_end_matches('/').to_owned();
            let dir = root.join(&given);
            let holds_tf = std::fs::read_dir(&dir).is_ok_and(|d| {
                d.filter_map(Result::ok).any(|e| {
                    e.path()
                        .extension()
                        .is_some_and(|x| x == "tf" || x == "tofu")
                })
            });
            if given.starts_with('/') || given.contains("..") || !holds_tf {
                return Err(UsageError::invalid(
                    "--terraform-dir",
                    "a folder of the repository holding *.tf files",
                    &given,
                )
                .into());
            }
            if !roots.contains(&given) {
                roots.push(given);
            }
        }
        roots
    };
    let roots = if roots.is_empty() {
        vec!["terraform/aws".to_owned()]
    } else {
        roots
    };
    let (terraform_version, terraform_constraint) = required_terraform(root, &roots);
    let opentofu = roots
        .iter()
        .any(|r| crate::tools::terraform::has_tofu_files(&root.join(r)));
    let layout = Layout {
        terraform_version,
        terraform_constraint,
        opentofu,
        cluster_root: roots[0].clone(),
        cloud: cloud_credentials(root, &roots),
        default_branch: match &options.default_branch {
            Some(b) if !b.trim().is_empty() => b.trim().to_owned(),
            _ => default_branch(root),
        },
        roots,
    };
    let files = if fleet.is_empty() {
        pipeline(registry, options, &layout).map(|one| vec![one])
    } else {
        fleet::pipeline(registry, options, &layout, &fleet)
    }
    .ok_or_else(|| UsageError::invalid("--platform", "github, gitlab or bitbucket", platform))?;
    let fail = |e: std::io::Error| StageError::Failed(e.into());
    if print {
        // Several files: each under a comment naming it.
        for (path, text) in &files {
            if files.len() > 1 {
                writeln!(out, "# file: {path}").map_err(fail)?;
            }
            write!(out, "{text}").map_err(fail)?;
        }
        return Ok(0);
    }
    for (path, _) in &files {
        if root.join(path).exists() {
            return Err(UsageError::invalid(
                "--platform",
                &format!("a platform whose pipeline file does not exist yet ({path} does: merge by hand, or use --print)"),
                platform,
            )
            .into());
        }
    }
    for (path, text) in &files {
        let target = root.join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        std::fs::write(&target, text).map_err(fail)?;
    }
    let written: Vec<&str> = files.iter().map(|(p, _)| *p).collect();
    let written = written.join(" and ");
    if !fleet.is_empty() {
        let names: Vec<&str> = fleet.iter().map(|i| i.name.as_str()).collect();
        writeln!(
            out,
            "wrote {written} for a fleet of {} installations ({}), one production environment each, default branch {}; next: `kkp-delivery doctor`, then set the secrets it names",
            fleet.len(),
            names.join(", "),
            layout.default_branch
        )
        .map_err(fail)?;
        return Ok(0);
    }
    let others = if layout.roots.len() > 1 {
        format!(
            "; the cluster stages read {} (the first --terraform-dir)",
            layout.cluster_root
        )
    } else {
        String::new()
    };
    writeln!(
        out,
        "wrote {written} (Terraform root{} {}, default branch {}{others}); next: `kkp-delivery doctor`, then set the secrets it names",
        if layout.roots.len() > 1 { "s" } else { "" },
        layout.roots.join(", "),
        layout.default_branch
    )
    .map_err(fail)?;
    Ok(0)
}

/// One check's outcome.
enum Check {
    Ok(String),
    Warn(String),
    Fail(String),
}

/// A tool's first output line for `--version`-like arguments, within 10 s.
fn tool_version(program: &str, args: &[&str]) -> Option<String> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(50))
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    }
    let output = child.wait_with_output().ok()?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| crate::text::one_line(l).chars().take(80).collect())
}

/// The host whose pipeline file the repository has (`github`, `gitlab`, `bitbucket`), else
/// `local`: which host-specific variables `doctor` names.
fn host_of(root: &Path) -> &'static str {
    if root.join("bitbucket-pipelines.yml").is_file() {
        "bitbucket"
    } else if root.join(".gitlab-ci.yml").is_file() {
        "gitlab"
    } else if root.join(".github/workflows").is_dir() {
        "github"
    } else {
        "local"
    }
}

/// Whether `program` (a path, or a name looked up in `PATH`) is an executable file.
fn on_path(program: &str, env: &Env) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    let executable = |p: &Path| {
        p.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    };
    if program.contains('/') {
        return executable(Path::new(program));
    }
    env.get(vars::PATH)
        .unwrap_or_default()
        .split(':')
        .filter(|d| !d.is_empty())
        .any(|d| executable(&Path::new(d).join(program)))
}

/// `doctor`: what the stages of `registry` need here, checked. Exit 1 when something blocks.
pub fn doctor(
    registry: Registry<'_>,
    root: &Path,
    env: &Env,
    out: &mut dyn Write,
) -> Result<u8, StageError> {
    let mut checks: Vec<(&str, Check)> = Vec::new();
    // The repository: its installations, with what each owns, where they were found, and why:
    // the paths their stages trigger on.
    let roots = terraform_roots(root);
    let installations = match crate::installations::discover(root) {
        Ok(all) => all,
        Err(e) => {
            checks.push(("repository", Check::Fail(e.to_string())));
            Vec::new()
        }
    };
    let fleet = installations.len() > 1 || installations.iter().any(|i| i.declared_in.is_some());
    checks.push((
        "repository",
        match roots.as_slice() {
            _ if fleet => Check::Ok(format!(
                "{} installations: each stage takes KKP_INSTALLATION; `kkp-delivery matrix` fans the work out (`kkp-delivery init` writes the fan-out)",
                installations.len()
            )),
            [one] => Check::Ok(format!("Terraform root {one}")),
            [] => Check::Fail("no folder under terraform/ holds *.tf files".into()),
            several => Check::Warn(format!(
                "{} Terraform roots ({}): the cluster stages need KKP_INSTALLATION (or KKP_TERRAFORM_DIR); `kkp-delivery matrix` fans the work out",
                several.len(),
                several.join(", ")
            )),
        },
    ));
    for inst in installations {
        let mut owns = vec![inst.terraform_root.clone()];
        owns.extend(
            [&inst.dns, &inst.kubeone, &inst.kubermatic, &inst.flux]
                .into_iter()
                .flatten()
                .cloned(),
        );
        let mut line = format!(
            "installation {} ({}): {}",
            inst.name,
            inst.declared_in
                .map_or("by convention".to_owned(), |f| format!("declared in {f}")),
            owns.join(", ")
        );
        if !inst.modules.is_empty() {
            let modules: Vec<String> = inst
                .modules
                .iter()
                .map(|m| {
                    format!(
                        "{} (via {})",
                        m.dir,
                        m.chain[..m.chain.len() - 1].join(" → ")
                    )
                })
                .collect();
            line.push_str(&format!("; modules {}", modules.join(", ")));
        }
        checks.push(("repository", Check::Ok(line)));
    }
    // The seed's single-installation files; a fleet's are listed per installation above.
    let seed_files: &[(&str, &str)] = if fleet {
        &[]
    } else {
        &[
            (
                "kubeone/kubeone.yaml",
                "kubeone-apply (KKP_KUBEONE_MANIFEST)",
            ),
            (
                "kubermatic/kubermatic-configuration.yaml",
                "kkp-deploy (KKP_CONFIG)",
            ),
            ("kubermatic/values.yaml", "kkp-deploy (KKP_HELM_VALUES)"),
        ]
    };
    for (file, why) in seed_files {
        checks.push((
            "repository",
            if root.join(file).is_file() {
                Check::Ok((*file).to_owned())
            } else {
                Check::Warn(format!("{file} is missing: {why} needs it"))
            },
        ));
    }
    if let Some(r) = roots.first().filter(|_| !fleet) {
        let dns = root.join(r).join("dns");
        checks.push((
            "repository",
            if dns.is_dir() {
                Check::Ok(format!("{r}/dns (dns-update)"))
            } else {
                Check::Warn(format!("{r}/dns is missing: dns-update's default root"))
            },
        ));
    }
    // The stages, in pipeline order, with what each needs and leaves.
    for stage in registry {
        let info = stage.info();
        let mut parts = vec![info.scope.describe().to_owned()];
        if !info.after.is_empty() {
            parts.push(format!("after {}", info.after.join(", ")));
        }
        if !info.hands_on.is_empty() {
            let files: Vec<&str> = info.hands_on.iter().map(|f| f.name).collect();
            parts.push(format!("hands on {}", files.join(", ")));
        }
        if !info.tools.is_empty() {
            let tools: Vec<&str> = info.tools.iter().map(|t| t.name).collect();
            parts.push(format!("runs {}", tools.join(", ")));
        }
        let secrets: Vec<&str> = info.secrets().map(|v| v.name).collect();
        if !secrets.is_empty() {
            parts.push(format!("secrets {}", secrets.join(", ")));
        }
        checks.push((
            "stage",
            Check::Ok(format!("{}: {}", info.name, parts.join("; "))),
        ));
    }
    // The tools, each once, with the stages that run it.
    let mut tools: Vec<(crate::tools::runner::Tool, Vec<&str>)> = Vec::new();
    for stage in registry {
        for tool in stage.info().tools {
            match tools.iter_mut().find(|(t, _)| t == tool) {
                Some((_, users)) => users.push(stage.name()),
                None => tools.push((*tool, vec![stage.name()])),
            }
        }
    }
    for (tool, users) in &tools {
        let program = tool.program(env).display().to_string();
        let why = users.join(", ");
        let found = if tool.version_args.is_empty() {
            on_path(&program, env).then(|| format!("{} found", tool.name))
        } else {
            tool_version(&program, tool.version_args).map(|v| format!("{}: {v}", tool.name))
        };
        checks.push((
            "tool",
            match found {
                Some(text) => Check::Ok(text),
                None => Check::Warn(format!(
                    "{} not found (PATH or {}): used by {why}",
                    tool.name, tool.bin_var
                )),
            },
        ));
    }
    checks.push((
        "tool",
        match tool_version("git", &["--version"]) {
            Some(v) => Check::Ok(format!("git: {v}")),
            None => Check::Warn("git not found: used by the changed-files fallback".into()),
        },
    ));
    // The pipeline file, as committed: what each stage's step is given.
    for problem in pipeline_problems(registry, root) {
        checks.push(("pipeline", problem));
    }
    // The variables (names only).
    let host = host_of(root);
    let token = [
        vars::KKP_TOKEN,
        vars::GITHUB_TOKEN,
        vars::GITLAB_TOKEN,
        vars::BITBUCKET_ACCESS_TOKEN,
    ]
    .into_iter()
    .find(|v| env.get(*v).is_some());
    checks.push((
        "variable",
        match token {
            Some(v) => Check::Ok(format!("forge token from {v}")),
            None => Check::Warn(
                "no forge token here: decisions fall back to git, no comments, and terraform-apply \
                 refuses (it cannot find the reviewed plan without the host's API)"
                    .into(),
            ),
        },
    ));
    for (var, users) in secrets_with_users(registry, host) {
        checks.push((
            "variable",
            if env.get(var).is_some() {
                Check::Ok(format!("{var} is set"))
            } else {
                Check::Warn(format!("{var} is not set: {users} ({})", var.about))
            },
        ));
    }
    let mut failed = false;
    let fail = |e: std::io::Error| StageError::Failed(e.into());
    for (kind, check) in &checks {
        let (mark, text) = match check {
            Check::Ok(t) => ("ok  ", t),
            Check::Warn(t) => ("warn", t),
            Check::Fail(t) => {
                failed = true;
                ("FAIL", t)
            }
        };
        writeln!(out, "{mark}  {kind:<10} {text}").map_err(fail)?;
    }
    writeln!(
        out,
        "{}",
        if failed {
            "doctor: something blocks the pipeline (FAIL above)"
        } else {
            "doctor: nothing blocks; warnings name what a stage will ask for"
        }
    )
    .map_err(fail)?;
    Ok(u8::from(failed))
}

/// What the pipeline files of the repository give each kkp stage, checked against what the
/// stage reads: its secrets, `kkp-version`, the forge token, and a trigger on the default
/// branch. One check a problem, naming the file, the job and the variable.
fn pipeline_problems(registry: Registry<'_>, root: &Path) -> Vec<Check> {
    let mut out = Vec::new();
    let branch = default_branch(root);
    let stage_of = |name: &str| crate::stages::find(registry, name);
    // GitHub: every workflow using the kkp actions.
    let workflows = std::fs::read_dir(root.join(".github/workflows"))
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    for file in workflows {
        let Some(doc) = read_yaml(&file) else {
            continue;
        };
        let shown = file
            .strip_prefix(root)
            .unwrap_or(&file)
            .display()
            .to_string();
        let mut uses_kkp = false;
        let jobs = doc.get("jobs").and_then(serde_json::Value::as_object);
        for (job, body) in jobs.into_iter().flatten() {
            let env_of = |v: &serde_json::Value| -> Vec<String> {
                v.get("env")
                    .and_then(serde_json::Value::as_object)
                    .map(|e| e.keys().cloned().collect())
                    .unwrap_or_default()
            };
            let mut job_env = env_of(&doc);
            job_env.extend(env_of(body));
            let steps = body.get("steps").and_then(serde_json::Value::as_array);
            // On GitHub's hosted runners no tool of the stages is installed: a job installs it,
            // or names it with KKP_*_BIN (a self-hosted runner's own copy).
            let hosted = body
                .get("runs-on")
                .and_then(serde_json::Value::as_str)
                .is_some_and(|r| r.starts_with("ubuntu-"));
            let installs_terraform = steps.into_iter().flatten().any(|s| {
                s.get("uses")
                    .and_then(serde_json::Value::as_str)
                    .is_some_and(|u| {
                        u.starts_with("hashicorp/setup-terraform@")
                            || u.starts_with("opentofu/setup-opentofu@")
                    })
            });
            // The tools a setup-tools step of this job installs (its `tools` input).
            let installed: Vec<String> = steps
                .into_iter()
                .flatten()
                .filter(|s| {
                    s.get("uses")
                        .and_then(serde_json::Value::as_str)
                        .is_some_and(|u| u.contains("kkp-delivery/actions/setup-tools@"))
                })
                .filter_map(|s| s.get("with")?.get("tools")?.as_str())
                .flat_map(|t| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
                .collect();
            let mut warned: Vec<&str> = Vec::new();
            for step in steps.into_iter().flatten() {
                let Some(uses) = step.get("uses").and_then(serde_json::Value::as_str) else {
                    continue;
                };
                if uses.contains("kkp-delivery/actions/")
                    && !uses.rsplit_once('@').is_some_and(|(_, r)| is_commit(r))
                    && !warned.contains(&"pin")
                {
                    warned.push("pin");
                    out.push(Check::Warn(format!(
                        "{shown}: job {job}: {uses} is pinned by tag, not by commit: a moved tag changes what runs (zizmor reports unpinned-uses; `kkp-delivery init` pins the commit)"
                    )));
                }
                let Some(stage) = uses
                    .split_once("/actions/")
                    .filter(|(repo, _)| repo.ends_with("kkp-delivery"))
                    .and_then(|(_, rest)| rest.split('@').next())
                    .and_then(stage_of)
                else {
                    continue;
                };
                uses_kkp = true;
                let mut given = job_env.clone();
                given.extend(env_of(step));
                if hosted {
                    for tool in stage.info().tools {
                        // ssh-agent, tar and the cloud CLIs are on the hosted image; the
                        // installer is downloaded by kkp-deploy itself.
                        let needs_install = match tool.provided {
                            Provided::SetupTerraform => !installs_terraform,
                            Provided::ToolsLock(name) => !installed.iter().any(|i| i == name),
                            _ => false,
                        };
                        let named = given.iter().any(|g| g == tool.bin_var.name);
                        if needs_install && !named && !warned.contains(&tool.name) {
                            warned.push(tool.name);
                            out.push(Check::Warn(format!(
                                "{shown}: job {job}: {} needs {}, which no step installs on this hosted runner (kkp-delivery/kkp-delivery/actions/setup-tools installs it; or use a runner that has it and set {})",
                                stage.name(),
                                tool.name,
                                tool.bin_var.name
                            )));
                        }
                    }
                }
                let with = step.get("with").and_then(serde_json::Value::as_object);
                for var in stage.info().secrets().filter(|v| v.hosts.include("github")) {
                    if !given.iter().any(|g| g == var.name) {
                        out.push(Check::Fail(format!(
                            "{shown}: job {job}, {}: {} is not passed (the job's env:, from the `production` environment's secrets)",
                            stage.name(),
                            var.name
                        )));
                    }
                }
                let versioned = with.is_some_and(|w| w.contains_key("kkp-version"))
                    || given.iter().any(|g| g == "KKP_VERSION");
                if has_flag(stage, "kkp-version") && !versioned {
                    out.push(Check::Fail(format!(
                        "{shown}: job {job}, {}: kkp-version is not given (with: kkp-version: ${{{{ vars.KKP_VERSION }}}})",
                        stage.name()
                    )));
                }
            }
        }
        if uses_kkp {
            let push = doc.get("on").and_then(|on| on.get("push"));
            let branches: Vec<&str> = push
                .and_then(|p| p.get("branches"))
                .and_then(serde_json::Value::as_array)
                .map(|b| b.iter().filter_map(serde_json::Value::as_str).collect())
                .unwrap_or_default();
            if push.is_none() || (!branches.is_empty() && !branches.contains(&branch.as_str())) {
                out.push(Check::Fail(format!(
                    "{shown}: on.push names no trigger for the default branch {branch}: nothing would deploy"
                )));
            } else {
                out.push(Check::Ok(format!(
                    "{shown}: every kkp step is given what it reads"
                )));
            }
        }
    }
    // Bitbucket: every kkp pipe and the variables its step passes it.
    let file = root.join("bitbucket-pipelines.yml");
    if let Some(doc) = read_yaml(&file) {
        let mut pipes = Vec::new();
        collect_pipes(&doc, &mut pipes);
        let before = out.len();
        for variables in &pipes {
            let given = |name: &str| variables.contains_key(name);
            let Some(stage) = variables
                .get(vars::STAGE.name)
                .and_then(serde_json::Value::as_str)
                .and_then(stage_of)
            else {
                continue;
            };
            const PIPE_SEES: &str = "a pipe sees only the variables its step gives it";
            let mut missing: Vec<(String, &str)> = stage
                .info()
                .secrets()
                .filter(|v| v.hosts.include("bitbucket") && !given(v.name))
                .map(|v| (v.name.to_owned(), PIPE_SEES))
                .collect();
            if !given(vars::BITBUCKET_ACCESS_TOKEN.name) {
                missing.push((
                    vars::BITBUCKET_ACCESS_TOKEN.name.to_owned(),
                    "without it no comment is written, and terraform-apply refuses: it cannot find the reviewed plan",
                ));
            }
            if has_flag(stage, "kkp-version") && !given("KKP_VERSION") {
                missing.push((
                    "KKP_VERSION".to_owned(),
                    "the KKP release kkp-deploy installs",
                ));
            }
            for (name, why) in missing {
                out.push(Check::Fail(format!(
                    "bitbucket-pipelines.yml: pipe {}: {name} is not passed ({why})",
                    stage.name()
                )));
            }
        }
        let branches = doc
            .get("pipelines")
            .and_then(|p| p.get("branches"))
            .and_then(serde_json::Value::as_object);
        if !pipes.is_empty() && !branches.is_some_and(|b| b.contains_key(&branch)) {
            out.push(Check::Fail(format!(
                "bitbucket-pipelines.yml: pipelines.branches names no step for the default branch {branch}: nothing would deploy"
            )));
        }
        if !pipes.is_empty() && out.len() == before {
            out.push(Check::Ok(
                "bitbucket-pipelines.yml: every kkp pipe is given what it reads".to_owned(),
            ));
        }
        let unpinned = std::fs::read_to_string(&file)
            .unwrap_or_default()
            .lines()
            .any(|l| l.contains(&format!("docker://{IMAGE}:")) && !l.contains("@sha256:"));
        if unpinned {
            out.push(Check::Warn(format!(
                "bitbucket-pipelines.yml: the pipe's image {IMAGE} is named by tag only: pin its digest (`kkp-delivery init --image-digest`)"
            )));
        }
    }
    // GitLab: the components read CI/CD variables, which the file does not show.
    if let Some(doc) = read_yaml(&root.join(".gitlab-ci.yml")) {
        let uses_kkp = doc
            .get("include")
            .and_then(serde_json::Value::as_array)
            .is_some_and(|i| {
                i.iter().any(|c| {
                    c.get("component")
                        .and_then(serde_json::Value::as_str)
                        .is_some_and(|c| c.contains("kkp-delivery"))
                })
            });
        let pinned = std::fs::read_to_string(root.join(".gitlab-ci.yml"))
            .unwrap_or_default()
            .lines()
            .any(|l| l.trim_start().starts_with("image:") && l.contains("@sha256:"));
        if uses_kkp && !pinned {
            out.push(Check::Warn(format!(
                ".gitlab-ci.yml: the components run the image {IMAGE} by tag only: pin its digest (`kkp-delivery init --image-digest`, the components' image input)"
            )));
        }
        if uses_kkp {
            out.push(Check::Warn(
                ".gitlab-ci.yml: the components read GITLAB_TOKEN, KKP_VERSION and the secrets above as protected CI/CD variables, which this file cannot show: check Settings > CI/CD > Variables".to_owned(),
            ));
        }
    }
    out
}

/// A YAML file as JSON, when it exists and parses (bounded like every repository file).
fn read_yaml(path: &Path) -> Option<serde_json::Value> {
    let text = std::fs::read_to_string(path).ok()?;
    crate::kubernetes::yaml_documents(&text)
        .ok()?
        .into_iter()
        .next()
}

/// Every `pipe:` of kkp-delivery in a Bitbucket file, as its `variables`.
fn collect_pipes(
    value: &serde_json::Value,
    out: &mut Vec<serde_json::Map<String, serde_json::Value>>,
) {
    match value {
        serde_json::Value::Object(map) => {
            let ours = map
                .get("pipe")
                .and_then(serde_json::Value::as_str)
                .is_some_and(|p| p.contains("kkp-delivery"));
            if ours {
                out.push(
                    map.get("variables")
                        .and_then(serde_json::Value::as_object)
                        .cloned()
                        .unwrap_or_default(),
                );
            }
            for v in map.values() {
                collect_pipes(v, out);
            }
        }
        serde_json::Value::Array(items) => {
            for v in items {
                collect_pipes(v, out);
            }
        }
        _ => {}
    }
}

/// The repository root for `init`/`doctor`: `--root`, else the current folder.
pub fn root_of(cwd: &Path, given: Option<&PathBuf>) -> PathBuf {
    given.map(|g| cwd.join(g)).unwrap_or_else(|| cwd.to_owned())
}
