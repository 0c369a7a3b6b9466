//! The whole pipeline, as a platform team runs it: the bundled example repository
//! (examples/start-kkp) is reviewed on a pull/merge request (validate and plan, the bot's plan
//! comment), merged, and the push to the default branch runs all eight stages in order, each
//! deciding for itself from the host's answer. Real Terraform; fake kubeone, installer and flux;
//! the fake forge and the fake Kubernetes API; on GitHub and on GitLab environments.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::json;

use crate::cluster::{fake, ssh_key};
use crate::common::{
    host_env, refs, request_event, run, tool, tools_dir, write_event, Host, Repo, Run, TOKEN,
};
use crate::deploy::KUBE_TOKEN;
use crate::forge::{files, Forge};
use crate::kube::FakeKube;

const FLUX_TOKEN: &str = "flux-pat-pipeline-9f8e7d";

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if name == ".terraform" || name.to_string_lossy().starts_with("terraform.tfstate") {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file of `dir`, relative to it.
fn list(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.file_type().unwrap().is_dir() {
            if name != ".git" {
                list(&entry.path(), &format!("{name}/"), out);
            }
        } else {
            out.push(name);
        }
    }
}

/// The bundled example as a repository on a host: reviewed on request 7, merged as a push of
/// `head` onto `base`; the fake forge, the fake cluster and the fake tools' logs.
pub(crate) struct Setup {
    host: Host,
    repo: Repo,
    base: String,
    head: String,
    forge: Forge,
    kube: FakeKube,
    scratch: tempfile::TempDir,
    key: String,
    common: Vec<(&'static str, String)>,
}

use crate::bins::stage_binaries;

impl Setup {
    fn new(host: Host, extra_files: &[(&str, &Path)]) -> Self {
        Self::of_example(host, "examples/start-kkp", extra_files)
    }

    /// The example repository `example` (a folder of this repository) on `host`.
    fn of_example(host: Host, example: &str, extra_files: &[(&str, &Path)]) -> Self {
        let example = Path::new(env!("CARGO_MANIFEST_DIR")).join(example);
        let repo = Repo::new();
        let base = repo.commit(&[("README.md", "# platform\n")]);
        copy_dir(&example, repo.path());
        for (to, from) in extra_files {
            copy_dir(from, &repo.path().join(to));
        }
        let head = repo.commit(&[]);
        let mut changed = Vec::new();
        list(&example, "", &mut changed);
        let changed: Vec<&str> = changed.iter().map(String::as_str).collect();

        let forge = Forge::start(TOKEN);
        forge.with(|s| {
            s.gh_pulls.insert(7, files(&changed));
            s.gl_mrs.insert(7, files(&changed));
            s.bb_prs.insert(7, files(&changed));
            s.gh_compares
                .insert(format!("{base}...{head}"), files(&changed));
            for straight in ["true", "false"] {
                s.gl_compares
                    .insert(format!("{base}..{head}:{straight}"), files(&changed));
            }
            // Bitbucket has no "before": the last successful pipeline on main built `base`.
            s.bb_pipelines = vec![json!({
                "uuid": "{00000000-0000-4000-8000-000000000001}",
                "state": {"name": "COMPLETED", "result": {"name": "SUCCESSFUL"}},
                "target": {"ref_name": "main", "commit": {"hash": base[..12].to_owned()}},
                "build_number": 16,
            })];
            s.bb_ranges
                .insert(format!("{head}..{base}:topic=false"), files(&changed));
            s.commit_prs.insert(head.clone(), vec![7]);
            s.owners.insert("acme".into(), "Organization");
        });
        let kube = FakeKube::start(KUBE_TOKEN);
        kube.ingress(
            "nginx-ingress-controller",
            "nginx-ingress-controller",
            1,
            json!({"hostname": "kkp-ingress-0123.elb.example"}),
        );
        let scratch = tempfile::tempdir().unwrap();
        let s = scratch.path();
        std::fs::create_dir_all(s.join("tmp")).unwrap();
        std::fs::create_dir_all(s.join("charts")).unwrap();
        std::fs::write(s.join("admin.conf"), kube.kubeconfig()).unwrap();
        let key = ssh_key(s);
        let p = |n: &str| s.join(n).display().to_string();
        let mut common = host_env(host, &forge.url, repo.path());
        common.extend([
            (
                "KKP_TERRAFORM_BIN",
                tools_dir().join("bin/terraform").display().to_string(),
            ),
            (
                "TF_CLI_CONFIG_FILE",
                tools_dir().join("empty.tfrc").display().to_string(),
            ),
            ("KKP_KUBEONE_BIN", fake("kubeone")),
            ("KKP_INSTALLER_BIN", fake("kubermatic-installer")),
            ("KKP_CHARTS_DIR", p("charts")),
            ("KKP_FLUX_BIN", fake("flux")),
            ("FAKE_KUBEONE_KUBECONFIG", p("admin.conf")),
            ("FAKE_KUBEONE_LOG", p("kubeone.log")),
            ("FAKE_INSTALLER_LOG", p("installer.log")),
            ("FAKE_FLUX_LOG", p("flux.log")),
            ("TMPDIR", p("tmp")),
            ("SSH_PRIVATE_KEY", key.clone()),
            ("KKP_FLUX_TOKEN", FLUX_TOKEN.to_owned()),
            ("KKP_FLUX_SSH_PRIVATE_KEY", key.clone()),
            ("KKP_DEFAULT_BRANCH", "main".to_owned()),
        ]);
        Setup {
            host,
            repo,
            base,
            head,
            forge,
            kube,
            scratch,
            key,
            common,
        }
    }

    fn log(&self, name: &str) -> String {
        std::fs::read_to_string(self.scratch.path().join(name)).unwrap_or_default()
    }

    /// The variables of the push of `head` to the default branch.
    fn push_event(&self) -> Vec<(&'static str, String)> {
        match self.host {
            Host::GitHub => {
                let payload = json!({"ref": "refs/heads/main", "before": self.base, "after": self.head, "repository": {"default_branch": "main", "full_name": "acme/kkp"}});
                vec![
                    ("GITHUB_EVENT_NAME", "push".to_owned()),
                    ("GITHUB_EVENT_PATH", write_event(self.repo.path(), &payload)),
                    ("GITHUB_SHA", self.head.clone()),
                    ("GITHUB_REF", "refs/heads/main".to_owned()),
                ]
            }
            Host::GitLab => vec![
                ("CI_PIPELINE_SOURCE", "push".to_owned()),
                ("CI_COMMIT_BRANCH", "main".to_owned()),
                ("CI_COMMIT_BEFORE_SHA", self.base.clone()),
                ("CI_COMMIT_SHA", self.head.clone()),
            ],
            Host::Bitbucket => vec![
                ("BITBUCKET_BRANCH", "main".to_owned()),
                ("BITBUCKET_COMMIT", self.head.clone()),
            ],
        }
    }

    /// One stage as the host runs it: the stage's executable, or on Bitbucket the pipe's entry
    /// (`kkp-delivery` with `STAGE`).
    fn stage(&self, stage: &str, event: &[(&'static str, String)]) -> Run {
        let mut env = self.common.clone();
        if stage.starts_with("kkp-terraform") {
            env.push(("KKP_WORKING_DIRECTORY", "terraform/aws".to_owned()));
        }
        env.extend(event.iter().cloned());
        if self.host == Host::Bitbucket {
            let name = stage
                .strip_prefix("kkp-")
                .filter(|n| *n != "deploy")
                .unwrap_or(stage);
            env.push(("STAGE", name.to_owned()));
            let mut r = run("kkp-delivery", &[], &refs(&env), self.repo.path());
            // The pipe's outputs are in kkp-<stage>.env, as a later step would read them.
            let dotenv = self.repo.path().join(format!("kkp-{name}.env"));
            r.dotenv = std::fs::read_to_string(&dotenv).unwrap_or_default();
            let _ = std::fs::remove_file(dotenv);
            let _ = std::fs::remove_file(self.repo.path().join(format!("kkp-{name}.sh")));
            r
        } else {
            run(stage, &[], &refs(&env), self.repo.path())
        }
    }

    /// What the run left that a user sees: the platform is up, and nothing secret anywhere.
    fn assert_delivered(&self, transcript: &str) {
        assert!(self
            .kube
            .object("/api/v1/namespaces/kubermatic/secrets/kubeconfig-cluster")
            .is_some());
        assert!(self
            .kube
            .object("/apis/cert-manager.io/v1/clusterissuers/letsencrypt-prod")
            .is_some());
        let flux = self.log("flux.log");
        assert!(flux.contains("argv: bootstrap"), "{flux}");
        let installer = self.log("installer.log");
        assert!(installer.contains("--storageclass aws"), "{installer}");
        for secret in [KUBE_TOKEN, FLUX_TOKEN] {
            assert!(!transcript.contains(secret), "{secret} leaked");
        }
        for line in self.key.lines().filter(|l| !l.starts_with("-----")) {
            assert!(!transcript.contains(line), "the SSH key leaked");
        }
        let left: Vec<_> = std::fs::read_dir(self.scratch.path().join("tmp"))
            .unwrap()
            .collect();
        assert!(left.is_empty(), "left in temp: {left:?}");
    }
}

fn the_whole_pipeline_on(host: Host) {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let setup = Setup::new(host, &[]);
    // The review: validate and plan on request 7; the bot's plan comment is what apply checks.
    let review = request_event(host, 7, &setup.base, &setup.head, setup.repo.path());
    for stage in ["kkp-terraform-validate", "kkp-terraform-plan"] {
        let r = setup.stage(stage, &review).expect_code(0);
        assert!(
            r.ran() || r.dotenv.contains("_RUN=true"),
            "{stage} runs on the request: {}",
            r.all_text()
        );
    }
    let _ = std::fs::remove_file(setup.repo.path().join("terraform/aws/kkp.tfplan"));

    // The merge: a push of the reviewed commit to the default branch, every stage in order.
    let push = setup.push_event();
    let mut transcript = String::new();
    let mut runs: Vec<(&str, Run)> = Vec::new();
    for stage in stage_binaries() {
        let r = setup.stage(stage, &push).expect_code(0);
        assert!(
            r.ran(),
            "{stage} decides to run on the push: {}",
            r.all_text()
        );
        let _ = writeln!(transcript, "==================== {stage}");
        let _ = writeln!(transcript, "{}", r.stdout.trim());
        let _ = writeln!(transcript, "{}", r.stderr.trim());
        match host {
            Host::GitHub => {
                let _ = writeln!(transcript, "--- outputs\n{}", r.outputs.trim());
                let _ = writeln!(transcript, "--- step summary\n{}", r.summary.trim());
            }
            _ => {
                let _ = writeln!(transcript, "--- dotenv\n{}", r.dotenv.trim());
            }
        }
        runs.push((stage, r));
    }
    // Shown with `cargo test -- --nocapture`: what a user sees, stage by stage.
    println!("{transcript}");

    let out = |stage: &str, name: &str| {
        runs.iter()
            .find(|(s, _)| *s == stage)
            .and_then(|(_, r)| r.output(name))
            .unwrap_or_default()
    };
    assert_eq!(out("kkp-terraform-plan", "has-changes"), "true");
    assert_eq!(
        out("kkp-terraform-apply", "outputs-json"),
        "terraform/aws/kkp-outputs.json"
    );
    assert_eq!(out("kkp-kubeone-apply", "actions"), "3");
    assert_eq!(out("kkp-deploy", "storageclass"), "aws");
    assert_eq!(out("kkp-deploy", "objects"), "9");
    assert_eq!(
        out("kkp-dns-update", "hostname"),
        "kkp-ingress-0123.elb.example"
    );
    assert_eq!(out("kkp-dns-update", "create"), "2");
    let dns_state = std::fs::read_to_string(
        setup
            .repo
            .path()
            .join("terraform/aws/dns/terraform.tfstate"),
    )
    .unwrap();
    assert!(dns_state.contains("kkp-ingress-0123.elb.example"));
    setup.assert_delivered(&transcript);
}

#[test]
fn the_whole_pipeline_on_github() {
    the_whole_pipeline_on(Host::GitHub);
}

#[test]
fn the_whole_pipeline_on_gitlab() {
    the_whole_pipeline_on(Host::GitLab);
}

/// Bitbucket has no runner that can run here: the pipe's own entry point runs each step as the
/// pipe container would (`kkp-delivery` with `STAGE` and the pipe's variables), on the pipeline
/// variables Bitbucket sets.
#[test]
fn the_whole_pipeline_on_bitbucket_through_the_pipe_entry() {
    the_whole_pipeline_on(Host::Bitbucket);
}

/// The same pipeline through a real GitHub Actions runner (act, host mode) and the packaged
/// actions: a pull_request run (validate, plan, the plan comment), then the push run with all
/// eight actions, each step's outputs read by the next as a user's workflow would.
#[test]
fn the_whole_pipeline_under_act_with_the_actions() {
    let Some(act) = tool(&tools_dir().join("venv/bin/act")) else {
        return;
    };
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let setup = Setup::new(
        Host::GitHub,
        &[
            ("actions", &root.join("actions")),
            ("scripts", &root.join("scripts")),
        ],
    );
    let uses = |stage: &str, tf: bool| {
        let mut step = format!(
            "      - id: {}\n        uses: ./actions/{stage}\n        with:\n          binary-path: ${{{{ env.KKP_BIN }}}}\n",
            stage.replace('-', "_")
        );
        if tf {
            step.push_str("          working-directory: terraform/aws\n");
        }
        step
    };
    let mut review = String::from("name: review\non: [pull_request]\njobs:\n  review:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cp -a \"$SRC/.\" .\n");
    review.push_str(&uses("terraform-validate", true));
    review.push_str(&uses("terraform-plan", true));
    review.push_str("      - env:\n          CHANGES: ${{ steps.terraform_plan.outputs.has-changes }}\n        run: echo \"RESULT review has-changes=$CHANGES\"\n");
    // Secrets reach the steps the way the README's workflow passes them: job env from secrets.
    let mut deliver = String::from("name: deliver\non: [push]\njobs:\n  deliver:\n    runs-on: ubuntu-latest\n    env:\n      SSH_PRIVATE_KEY: ${{ secrets.SSH_PRIVATE_KEY }}\n      KKP_FLUX_SSH_PRIVATE_KEY: ${{ secrets.KKP_FLUX_SSH_PRIVATE_KEY }}\n    steps:\n      - run: cp -a \"$SRC/.\" .\n");
    for stage in stage_binaries() {
        let name = stage
            .strip_prefix("kkp-")
            .filter(|n| *n != "deploy")
            .unwrap_or(stage);
        deliver.push_str(&uses(name, name.starts_with("terraform-")));
    }
    deliver.push_str("      - env:\n          ACTIONS: ${{ steps.kubeone_apply.outputs.actions }}\n          OBJECTS: ${{ steps.kkp_deploy.outputs.objects }}\n          HOSTNAME: ${{ steps.dns_update.outputs.hostname }}\n          FLUX: ${{ steps.flux_bootstrap.outputs.bootstrapped }}\n        run: echo \"RESULT deliver actions=$ACTIONS objects=$OBJECTS hostname=$HOSTNAME flux=$FLUX\"\n");
    let wf = setup.repo.path().join(".github/workflows");
    std::fs::create_dir_all(&wf).unwrap();
    std::fs::write(wf.join("review.yml"), review).unwrap();
    std::fs::write(wf.join("deliver.yml"), deliver).unwrap();

    let act_run = |event: &str, workflow: &str, payload: serde_json::Value| -> String {
        act_run(&setup, &act, event, workflow, payload, &[])
    };
    let pr = json!({"number": 7, "pull_request": {"number": 7, "base": {"ref": "main", "sha": setup.base}, "head": {"ref": "feat", "sha": setup.head}}, "repository": {"default_branch": "main", "full_name": "acme/kkp"}});
    let log = act_run("pull_request", ".github/workflows/review.yml", pr);
    assert!(log.contains("RESULT review has-changes=true"), "{log}");
    let push = json!({"ref": "refs/heads/main", "before": setup.base, "after": setup.head, "repository": {"default_branch": "main", "full_name": "acme/kkp"}});
    let log = act_run("push", ".github/workflows/deliver.yml", push);
    assert!(
        log.contains(
            "RESULT deliver actions=3 objects=9 hostname=kkp-ingress-0123.elb.example flux=true"
        ),
        "{log}"
    );
    assert!(
        log.contains("The plan matched the one reviewed on #7")
            || log.contains("matches the one reviewed on #7"),
        "{log}"
    );
    setup.assert_delivered(&log);
    assert!(!log.contains(TOKEN), "the forge token leaked");
}

/// The same pipeline through a real GitLab runner (gitlab-ci-local, shell executor) and the
/// packaged components: a merge request pipeline (validate, plan), then the default branch
/// pipeline with all eight components, ordered by their `needs`, passing the saved plan and the
/// Terraform outputs as artifacts and the outputs as dotenv reports.
#[test]
fn the_whole_pipeline_under_gitlab_ci_local_with_the_components() {
    let Some((setup, gcl)) = gitlab_setup() else {
        return;
    };
    let mut ci = String::from("stages: [test, deploy, report]\ninclude:\n");
    for stage in stage_binaries() {
        let name = stage
            .strip_prefix("kkp-")
            .filter(|n| *n != "deploy")
            .unwrap_or(stage);
        ci.push_str(&format!(
            "  - component: $CI_SERVER_FQDN/acme/kkp/{name}@{}\n    inputs:\n      binary: {}\n",
            setup.head,
            env!("CARGO_BIN_EXE_kkp-delivery")
        ));
        if name.starts_with("terraform-") {
            ci.push_str("      working-directory: terraform/aws\n");
        }
    }
    ci.push_str("show:\n  stage: report\n  rules:\n    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE != \"merge_request_event\"\n  needs:\n    - {job: kkp-kubeone-apply, optional: true}\n    - {job: kkp-kkp-deploy, optional: true}\n    - {job: kkp-dns-update, optional: true}\n    - {job: kkp-flux-bootstrap, optional: true}\n  script:\n    - echo \"RESULT deliver actions=$KKP_KUBEONE_APPLY_ACTIONS objects=$KKP_KKP_DEPLOY_OBJECTS hostname=$KKP_DNS_UPDATE_HOSTNAME flux=$KKP_FLUX_BOOTSTRAP_BOOTSTRAPPED\"\n");
    // Uncommitted, as gitlab-ci-local reads it: the components come from this very commit.
    write_gitlab_ci(&setup, &ci);

    let pipeline = |vars: &[(&str, String)]| -> String { gitlab_ci_local(&setup, &gcl, vars) };
    let mr = pipeline(&[
        ("CI_PIPELINE_SOURCE", "merge_request_event".to_owned()),
        ("CI_MERGE_REQUEST_IID", "7".to_owned()),
        ("CI_MERGE_REQUEST_DIFF_BASE_SHA", setup.base.clone()),
    ]);
    assert!(mr.contains("kkp-delivery terraform-plan: runs"), "{mr}");
    assert!(
        !mr.contains("kkp-delivery terraform-apply"),
        "apply is not in merge request pipelines: {mr}"
    );
    let push = pipeline(&[
        ("CI_PIPELINE_SOURCE", "push".to_owned()),
        ("CI_COMMIT_BRANCH", "main".to_owned()),
        ("CI_COMMIT_BEFORE_SHA", setup.base.clone()),
    ]);
    assert!(
        push.contains(
            "RESULT deliver actions=3 objects=9 hostname=kkp-ingress-0123.elb.example flux=true"
        ),
        "{push}"
    );
    setup.assert_delivered(&push);
    assert!(!push.contains(TOKEN), "the forge token leaked");
}

/// The Bitbucket file `init` writes (`examples/bitbucket/bitbucket-pipelines.yml`), pipe by pipe
/// through the pipe's entry point, each pipe given exactly the variables the file passes it
/// (resolved from the repository and deployment variables a user sets) on top of the pipeline
/// variables Bitbucket sets and the image's tools (here the fakes, by their `KKP_*_BIN`): the
/// pull request's step, then the default branch's.
#[test]
fn the_bitbucket_example_runs_pipe_by_pipe_with_exactly_its_variables() {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/bitbucket/bitbucket-pipelines.yml");
    let doc = kkp_delivery::kubernetes::yaml_documents(&std::fs::read_to_string(file).unwrap())
        .unwrap()
        .remove(0);
    let setup = Setup::new(Host::Bitbucket, &[]);
    // What a user sets as repository and deployment variables.
    let user_vars: Vec<(&str, String)> = vec![
        ("BITBUCKET_ACCESS_TOKEN", TOKEN.to_owned()),
        ("SSH_PRIVATE_KEY", setup.key.clone()),
        ("KKP_FLUX_SSH_PRIVATE_KEY", setup.key.clone()),
        (
            "SOPS_AGE_SECRET_KEY",
            "AGE-SECRET-KEY-1UNUSEDBYTHEEXAMPLE".to_owned(),
        ),
        ("KKP_VERSION", "v2.29.1".to_owned()),
    ];
    let run_step = |script: &serde_json::Value, event: &[(&'static str, String)]| {
        bitbucket_step(&setup, &user_vars, script, event)
    };
    let review = request_event(
        Host::Bitbucket,
        7,
        &setup.base,
        &setup.head,
        setup.repo.path(),
    );
    let log = run_step(
        &doc["pipelines"]["pull-requests"]["**"][0]["step"]["script"],
        &review,
    );
    assert!(log.contains("terraform-plan"), "{log}");
    assert_eq!(
        setup.forge.with(|s| s.thread("bitbucket:7")).len(),
        1,
        "the plan comment: {log}"
    );
    let _ = std::fs::remove_file(setup.repo.path().join("terraform/aws/kkp.tfplan"));
    let log = run_step(
        &doc["pipelines"]["branches"]["main"][0]["step"]["script"],
        &setup.push_event(),
    );
    for stage in [
        "terraform-apply",
        "kubeone-apply",
        "kkp-deploy",
        "dns-update",
        "flux-bootstrap",
    ] {
        assert!(
            log.contains(&format!("==================== {stage}")),
            "{stage}: {log}"
        );
    }
    setup.assert_delivered(&log);
    assert!(!log.contains(TOKEN), "the forge token leaked");
}

/// One Bitbucket step of `script` run pipe by pipe through the pipe's entry, each pipe given
/// exactly its `variables:` (`$NAME` resolved from `user_vars`, what a user sets as repository
/// and deployment variables) on top of Bitbucket's variables, `event` and the image's tools.
/// Returns the transcript, each pipe under a `==================== <stage>` line.
fn bitbucket_step(
    setup: &Setup,
    user_vars: &[(&str, String)],
    script: &serde_json::Value,
    event: &[(&'static str, String)],
) -> String {
    // The pipe's own environment: Bitbucket's variables and the image's tools, no secret.
    let image: Vec<(&'static str, String)> = setup
        .common
        .iter()
        .filter(|(k, _)| {
            !user_vars.iter().any(|(u, _)| u == k)
                && !matches!(*k, "KKP_FLUX_TOKEN" | "KKP_DEFAULT_BRANCH")
        })
        .cloned()
        .collect();
    let pipes: Vec<Vec<(String, String)>> = script
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|entry| entry.get("variables")?.as_object().cloned())
        .map(|vars| {
            vars.iter()
                .map(|(k, v)| {
                    let v = v.as_str().unwrap();
                    let value = match v.strip_prefix('$') {
                        Some(name) => user_vars
                            .iter()
                            .find(|(u, _)| *u == name)
                            .map(|(_, value)| value.clone())
                            .unwrap_or_else(|| {
                                panic!("the file passes ${name}, which no one sets")
                            }),
                        None => v.to_owned(),
                    };
                    (k.clone(), value)
                })
                .collect()
        })
        .collect();
    let mut transcript = String::new();
    for passed in pipes {
        let env: Vec<(&str, &str)> = image
            .iter()
            .chain(event.iter())
            .map(|(k, v)| (*k, v.as_str()))
            .chain(passed.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .collect();
        let r = run("kkp-delivery", &[], &env, setup.repo.path()).expect_code(0);
        let stage = &passed.iter().find(|(k, _)| k == "STAGE").unwrap().1;
        let _ = writeln!(
            transcript,
            "==================== {stage}\n{}\n{}",
            r.stdout, r.stderr
        );
        let _ = std::fs::remove_file(setup.repo.path().join(format!("kkp-{stage}.env")));
        let _ = std::fs::remove_file(setup.repo.path().join(format!("kkp-{stage}.sh")));
    }
    transcript
}

/// Runs `workflow` of the setup's repository under act (host mode) for `event` with `payload`:
/// the fake forge's API, `KKP_BIN` (the binary under test), the setup's variables (multi-line
/// ones as secrets, as a workflow's secrets are) and `extra` act arguments. Fails on a failed
/// run; returns act's output.
fn act_run(
    setup: &Setup,
    act: &Path,
    event: &str,
    workflow: &str,
    payload: serde_json::Value,
    extra: &[String],
) -> String {
    let event_path = write_event(setup.repo.path(), &payload);
    let cache = tempfile::tempdir().unwrap();
    let mut cmd = std::process::Command::new(act);
    cmd.current_dir(setup.repo.path())
        .env("XDG_CACHE_HOME", cache.path())
        .args(crate::common::act_air_gapped_actions())
        .args([
            event,
            "-W",
            workflow,
            "-P",
            "ubuntu-latest=-self-hosted",
            "-e",
            &event_path,
        ])
        .args(["--env", &format!("SRC={}", setup.repo.path().display())])
        .args([
            "--env",
            &format!("KKP_BIN={}", env!("CARGO_BIN_EXE_kkp-delivery")),
        ])
        .args([
            "--env",
            &format!("GITHUB_API_URL={}", setup.forge.github_api()),
        ])
        .args(["--env", "GITHUB_REPOSITORY=acme/kkp"])
        .args(["-s", &format!("GITHUB_TOKEN={TOKEN}")]);
    for (k, v) in &setup.common {
        let host_marker = k.starts_with("GITHUB_") || *k == "CI";
        if host_marker {
            continue;
        }
        if v.contains('\n') {
            // Multi-line values (the SSH key) are secrets, as in a real workflow.
            cmd.args(["-s", &format!("{k}={v}")]);
        } else {
            cmd.args(["--env", &format!("{k}={v}")]);
        }
    }
    cmd.args(extra);
    let out = cmd.output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "act {workflow} failed:\n{text}");
    text
}

/// A workflow `init` wrote, as the README tells an air-gapped runner to run it: the kkp actions
/// from this repository's copy with `binary-path`, `actions/checkout` (a download) a copy of the
/// work tree, and the setup actions of Terraform and of kkp's pinned tools (downloads) dropped
/// for the Terraform and the fake cluster tools installed here. Nothing else is changed.
fn workflow_for_act(example: &str) -> String {
    let checkout = "      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n        with:\n          persist-credentials: false\n";
    assert!(example.contains(checkout), "{example}");
    let mut example = example.replace(checkout, "      - run: cp -a \"$SRC/.\" .\n");
    let mut dropped = 0;
    while let Some(start) = example.find("      - uses: hashicorp/setup-terraform@") {
        let end = example[start..].find("terraform_wrapper: false\n").unwrap()
            + "terraform_wrapper: false\n".len();
        example.replace_range(start..start + end, "");
        dropped += 1;
    }
    assert!(dropped > 0, "init installs Terraform on hosted runners");
    let mut workflow = String::new();
    let mut lines = example.lines().peekable();
    while let Some(line) = lines.next() {
        if let Some((indent, rest)) = line.split_once("uses: kkp-delivery/kkp-delivery/actions/") {
            let stage = rest.split('@').next().unwrap();
            let keys = " ".repeat(indent.len());
            if stage == "setup-tools" {
                assert_eq!(lines.next(), Some(format!("{keys}with:").as_str()));
                assert!(lines
                    .next()
                    .unwrap()
                    .starts_with(&format!("{keys}  tools: ")));
                continue;
            }
            let _ = write!(
                workflow,
                "{indent}uses: ./actions/{stage}\n{keys}with:\n{keys}  binary-path: ${{{{ env.KKP_BIN }}}}\n"
            );
            if lines.peek() == Some(&format!("{keys}with:").as_str()) {
                lines.next();
            }
            continue;
        }
        workflow.push_str(line);
        workflow.push('\n');
    }
    workflow
}

/// The GitHub workflow `init` writes (`examples/github/.github/workflows/kkp.yml`) under act: the
/// pull request runs the review job (validate, plan, the plan comment), the push the deliver
/// job (every stage, apply guarded by the reviewed plan, each stage given its secrets by the
/// workflow's own `env:`). Four substitutions, as the README tells an air-gapped runner: the
/// kkp actions come from this repository's copy with `binary-path`, `actions/checkout` (a
/// download) is a copy of the work tree, and Terraform's setup action and kkp's setup-tools
/// (downloads) are dropped for the Terraform and the fake cluster tools installed here.
/// Nothing else of the file is changed.
#[test]
fn the_github_example_runs_under_act() {
    let Some(act) = tool(&tools_dir().join("venv/bin/act")) else {
        return;
    };
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let setup = Setup::new(
        Host::GitHub,
        &[
            ("actions", &root.join("actions")),
            ("scripts", &root.join("scripts")),
        ],
    );
    let example =
        std::fs::read_to_string(root.join("examples/github/.github/workflows/kkp.yml")).unwrap();
    let workflow = workflow_for_act(&example);
    let dir = setup.repo.path().join(".github/workflows");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("kkp.yml"), &workflow).unwrap();
    // The secrets and the variable a user sets (Settings > Environments > production).
    let extra: Vec<String> = [
        "-s",
        &format!("KKP_FLUX_TOKEN={FLUX_TOKEN}"),
        "-s",
        "SOPS_AGE_SECRET_KEY=AGE-SECRET-KEY-1UNUSEDBYTHEEXAMPLE",
        "--var",
        "KKP_VERSION=v2.29.1",
    ]
    .iter()
    .map(|a| (*a).to_owned())
    .collect();
    let pr = json!({"number": 7, "pull_request": {"number": 7, "base": {"ref": "main", "sha": setup.base}, "head": {"ref": "feat", "sha": setup.head}}, "repository": {"default_branch": "main", "full_name": "acme/kkp"}});
    let log = act_run(
        &setup,
        &act,
        "pull_request",
        ".github/workflows/kkp.yml",
        pr,
        &extra,
    );
    assert!(log.contains("terraform-plan"), "{log}");
    assert_eq!(
        setup.forge.with(|s| s.thread("github:7")).len(),
        1,
        "the plan comment: {log}"
    );
    let push = json!({"ref": "refs/heads/main", "before": setup.base, "after": setup.head, "repository": {"default_branch": "main", "full_name": "acme/kkp"}});
    let log = act_run(
        &setup,
        &act,
        "push",
        ".github/workflows/kkp.yml",
        push,
        &extra,
    );
    assert!(
        log.contains("The plan matched the one reviewed on #7")
            || log.contains("matches the one reviewed on #7"),
        "{log}"
    );
    setup.assert_delivered(&log);
    assert!(!log.contains(TOKEN), "the forge token leaked");
}

/// Runs the setup's `.gitlab-ci.yml` with gitlab-ci-local (shell executor) for the pipeline
/// `vars` describe, the setup's variables given as the project's CI/CD settings would hold them.
/// Fails on a failed pipeline; returns its output.
fn gitlab_ci_local(setup: &Setup, gcl: &Path, vars: &[(&str, String)]) -> String {
    let repo = &setup.repo;
    // Variables as the project's CI/CD settings would hold them (the SSH key has lines).
    let mut file = String::new();
    for (k, v) in setup
        .common
        .iter()
        .cloned()
        .chain(vars.iter().map(|(k, v)| (*k, v.clone())))
    {
        if k.starts_with("CI_")
            && !matches!(
                k,
                "CI_API_V4_URL"
                    | "CI_PROJECT_ID"
                    | "CI_DEFAULT_BRANCH"
                    | "CI_JOB_TOKEN"
                    | "CI_PIPELINE_SOURCE"
                    | "CI_COMMIT_BRANCH"
                    | "CI_COMMIT_BEFORE_SHA"
                    | "CI_MERGE_REQUEST_IID"
                    | "CI_MERGE_REQUEST_DIFF_BASE_SHA"
            )
        {
            continue;
        }
        if matches!(k, "CI" | "CI_PROJECT_DIR" | "CI_PROJECT_PATH") {
            continue;
        }
        // Typed `variable`: gitlab-ci-local takes a bare value that is a path for a file
        // variable.
        file.push_str(&format!(
            "{k}: {{type: variable, values: {{\"*\": {}}}}}\n",
            serde_json::Value::String(v)
        ));
    }
    std::fs::write(repo.path().join(".gitlab-ci-local-variables.yml"), file).unwrap();
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("node")
        .arg(gcl)
        .arg("--home")
        .arg(home.path())
        .arg("--force-shell-executor")
        .current_dir(repo.path())
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "gitlab-ci-local failed:\n{text}");
    let _ = std::fs::remove_dir_all(repo.path().join(".gitlab-ci-local"));
    text
}

/// The GitLab file `init` writes (`examples/gitlab/.gitlab-ci.yml`) under gitlab-ci-local: the
/// merge request pipeline (validate, plan), then the default branch's (every component, apply
/// guarded by the reviewed plan, the deploy jobs in `environment: production`). One
/// substitution, as a self-managed instance mirrors the component project: the components come
/// from this repository's own copy (`acme/kkp` at this commit) with `binary` pointing at the
/// binary under test instead of the image's. The secrets are the project's CI/CD variables.
#[test]
fn the_gitlab_example_runs_under_gitlab_ci_local() {
    let Some((setup, gcl)) = gitlab_setup() else {
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = std::fs::read_to_string(root.join("examples/gitlab/.gitlab-ci.yml")).unwrap();
    let ci = components_of_this_commit(&example, &setup.head);
    assert!(ci.contains("environment: production"), "{ci}");
    write_gitlab_ci(&setup, &ci);
    let project = [
        ("KKP_VERSION", "v2.29.1".to_owned()),
        (
            "SOPS_AGE_SECRET_KEY",
            "AGE-SECRET-KEY-1UNUSEDBYTHEEXAMPLE".to_owned(),
        ),
    ];
    let mr: Vec<(&str, String)> = [
        ("CI_PIPELINE_SOURCE", "merge_request_event".to_owned()),
        ("CI_MERGE_REQUEST_IID", "7".to_owned()),
        ("CI_MERGE_REQUEST_DIFF_BASE_SHA", setup.base.clone()),
    ]
    .into_iter()
    .chain(project.iter().cloned())
    .collect();
    let log = gitlab_ci_local(&setup, &gcl, &mr);
    assert!(log.contains("kkp-delivery terraform-plan: runs"), "{log}");
    assert!(!log.contains("kkp-delivery terraform-apply"), "{log}");
    let push: Vec<(&str, String)> = [
        ("CI_PIPELINE_SOURCE", "push".to_owned()),
        ("CI_COMMIT_BRANCH", "main".to_owned()),
        ("CI_COMMIT_BEFORE_SHA", setup.base.clone()),
    ]
    .into_iter()
    .chain(project.iter().cloned())
    .collect();
    let log = gitlab_ci_local(&setup, &gcl, &push);
    for stage in [
        "terraform-apply",
        "kubeone-apply",
        "kkp-deploy",
        "dns-update",
        "flux-bootstrap",
    ] {
        assert!(
            log.contains(&format!("kkp-delivery {stage}: runs")),
            "{stage}: {log}"
        );
    }
    setup.assert_delivered(&log);
    assert!(!log.contains(TOKEN), "the forge token leaked");
}

/// A GitLab file `init` wrote with one substitution, as a self-managed instance mirrors the
/// component project: the components come from this repository's own copy (`acme/kkp` at
/// `head`) with `binary` pointing at the binary under test instead of the image's.
fn components_of_this_commit(text: &str, head: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if let Some(rest) =
            line.strip_prefix("  - component: $CI_SERVER_FQDN/kkp-delivery/kkp-delivery/")
        {
            let stage = rest.split('@').next().unwrap();
            let _ = writeln!(
                out,
                "  - component: $CI_SERVER_FQDN/acme/kkp/{stage}@{head}\n    inputs:\n      binary: {}",
                env!("CARGO_BIN_EXE_kkp-delivery")
            );
            if lines.peek() == Some(&"    inputs:") {
                lines.next();
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A GitLab setup for gitlab-ci-local, with the components of this repository as the project's
/// own (`acme/kkp`), and the runner: `None` where the tools are missing (outside CI).
fn gitlab_setup() -> Option<(Setup, std::path::PathBuf)> {
    let gcl = tool(&tools_dir().join("node/node_modules/gitlab-ci-local/src/index.js"))?;
    tool(&tools_dir().join("bin/terraform"))?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let setup = Setup::new(Host::GitLab, &[("templates", &root.join("templates"))]);
    let repo = &setup.repo;
    repo.git(&["remote", "add", "origin", "https://gitlab.com/acme/kkp.git"]);
    std::fs::write(
        repo.path().join(".gitignore"),
        ".gitlab-ci-local/\n.gitlab-ci-local-variables.yml\nkkp-*.env\n",
    )
    .unwrap();
    Some((setup, gcl))
}

/// Writes `ci` as the setup's `.gitlab-ci.yml`, uncommitted, as gitlab-ci-local reads it: the
/// components come from this very commit, the remote's default branch.
fn write_gitlab_ci(setup: &Setup, ci: &str) {
    let repo = &setup.repo;
    std::fs::write(repo.path().join(".gitlab-ci.yml"), ci).unwrap();
    repo.git(&["update-ref", "refs/remotes/origin/main", "HEAD"]);
    repo.git(&[
        "symbolic-ref",
        "refs/remotes/origin/HEAD",
        "refs/remotes/origin/main",
    ]);
}

// Fleets: the example with three installations (examples/fleet-kkp), its pipeline files as
// `init` wrote them, on a pull/merge request that changes only the network module both AWS
// installations use: each platform fans out to exactly those two.

const SHARED_MODULE: &str = "terraform/modules/network/main.tf";

fn fleet_setup(host: Host, extra_files: &[(&str, &Path)]) -> Setup {
    let setup = Setup::of_example(host, "examples/fleet-kkp", extra_files);
    setup.forge.with(|s| {
        s.gh_pulls.insert(7, files(&[SHARED_MODULE]));
        s.gl_mrs.insert(7, files(&[SHARED_MODULE]));
        s.bb_prs.insert(7, files(&[SHARED_MODULE]));
    });
    setup
}

/// One plan comment per changed installation on `thread`, none for GCP, no token anywhere.
fn assert_planned_the_aws_installations(setup: &Setup, thread: &str, log: &str) {
    let comments = setup.forge.with(|s| s.thread(thread));
    let bodies: Vec<&str> = comments.iter().map(|c| c.body.as_str()).collect();
    assert_eq!(
        bodies.len(),
        2,
        "one plan comment per changed installation: {bodies:#?}\n{log}"
    );
    for root in ["terraform/aws-eu", "terraform/aws-us"] {
        assert!(
            bodies.iter().any(|b| b.contains(root)),
            "{root}: {bodies:#?}"
        );
    }
    assert!(
        !bodies.iter().any(|b| b.contains("terraform/gcp")),
        "{bodies:#?}"
    );
    assert!(!log.contains(TOKEN), "the forge token leaked");
}

/// GitHub: the matrix job lists the two AWS installations (one API listing), and act runs a
/// review job per installation from `strategy.matrix`, each validating and planning its own
/// root with the real Terraform.
#[test]
fn the_fleet_fans_out_under_act_a_review_job_per_changed_installation() {
    let Some(act) = tool(&tools_dir().join("venv/bin/act")) else {
        return;
    };
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let setup = fleet_setup(
        Host::GitHub,
        &[
            ("actions", &root.join("actions")),
            ("scripts", &root.join("scripts")),
        ],
    );
    let example =
        std::fs::read_to_string(root.join("examples/fleet-kkp/.github/workflows/kkp.yml")).unwrap();
    let workflow = workflow_for_act(&example);
    assert!(
        workflow.contains("matrix: ${{ fromJSON(needs.installations.outputs.matrix) }}"),
        "{workflow}"
    );
    std::fs::write(
        setup.repo.path().join(".github/workflows/kkp.yml"),
        &workflow,
    )
    .unwrap();
    let pr = json!({"number": 7, "pull_request": {"number": 7, "base": {"ref": "main", "sha": setup.base}, "head": {"ref": "feat", "sha": setup.head}}, "repository": {"default_branch": "main", "full_name": "acme/kkp"}});
    // One job at a time: host mode shares the runner's folder between jobs.
    let extra = ["--concurrent-jobs".to_owned(), "1".to_owned()];
    let log = act_run(
        &setup,
        &act,
        "pull_request",
        ".github/workflows/kkp.yml",
        pr,
        &extra,
    );
    assert!(
        log.contains("review aws-eu") && log.contains("review aws-us"),
        "{log}"
    );
    assert!(!log.contains("review gcp"), "{log}");
    assert_planned_the_aws_installations(&setup, "github:7", &log);
}

/// GitLab: the matrix job writes the child pipeline, gitlab-ci-local triggers it
/// (`trigger: include: artifact:`), and the child includes the installation template once per
/// changed installation: each validates and plans its own root. The components come from this
/// repository's copy and run the binary under test, as in the single-installation example.
#[test]
fn the_fleet_fans_out_under_gitlab_ci_local_through_the_child_pipeline() {
    let Some(gcl) = tool(&tools_dir().join("node/node_modules/gitlab-ci-local/src/index.js"))
    else {
        return;
    };
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let setup = fleet_setup(Host::GitLab, &[("templates", &root.join("templates"))]);
    let repo = &setup.repo;
    repo.git(&["remote", "add", "origin", "https://gitlab.com/acme/kkp.git"]);
    std::fs::write(
        repo.path().join(".gitignore"),
        ".gitlab-ci-local/\n.gitlab-ci-local-variables.yml\nkkp-*.env\nkkp-installations.yml\n",
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_kkp-delivery");
    let swap = |text: &str| {
        components_of_this_commit(text, &setup.head)
            .replace("KKP_BIN: kkp-delivery", &format!("KKP_BIN: {bin}"))
    };
    let ci =
        swap(&std::fs::read_to_string(root.join("examples/fleet-kkp/.gitlab-ci.yml")).unwrap());
    assert!(ci.contains(&format!("KKP_BIN: {bin}")), "{ci}");
    let child = swap(
        &std::fs::read_to_string(root.join("examples/fleet-kkp/.gitlab/kkp-installation.yml"))
            .unwrap(),
    );
    std::fs::write(repo.path().join(".gitlab/kkp-installation.yml"), child).unwrap();
    write_gitlab_ci(&setup, &ci);
    let mr: Vec<(&str, String)> = vec![
        ("CI_PIPELINE_SOURCE", "merge_request_event".to_owned()),
        ("CI_MERGE_REQUEST_IID", "7".to_owned()),
        ("CI_MERGE_REQUEST_DIFF_BASE_SHA", setup.base.clone()),
    ];
    let log = gitlab_ci_local(&setup, &gcl, &mr);
    assert!(
        log.contains("kkp-aws-eu-terraform-plan") && log.contains("kkp-aws-us-terraform-plan"),
        "{log}"
    );
    assert!(!log.contains("kkp-gcp-terraform-plan"), "{log}");
    assert!(!log.contains("kkp-aws-eu-terraform-apply"), "{log}");
    assert_planned_the_aws_installations(&setup, "gitlab:7", &log);
    let listings = setup.forge.hits("/merge_requests/7/diffs");
    assert!(
        !listings.is_empty() && listings.iter().all(|h| h.authorized),
        "{log}"
    );
}

/// Bitbucket: the pull request's parallel group has one step per installation; each runs its
/// pipes through the pipe's entry with exactly the step's variables (and the parallel step's
/// index Bitbucket sets). GCP's step decides to skip; the AWS ones plan.
#[test]
fn the_fleet_runs_as_bitbucket_parallel_steps_through_the_pipe_entry() {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/fleet-kkp/bitbucket-pipelines.yml");
    let doc = kkp_delivery::kubernetes::yaml_documents(&std::fs::read_to_string(file).unwrap())
        .unwrap()
        .remove(0);
    let setup = fleet_setup(Host::Bitbucket, &[]);
    let user_vars: Vec<(&str, String)> = vec![("BITBUCKET_ACCESS_TOKEN", TOKEN.to_owned())];
    let review = request_event(
        Host::Bitbucket,
        7,
        &setup.base,
        &setup.head,
        setup.repo.path(),
    );
    let steps = doc["pipelines"]["pull-requests"]["**"][0]["parallel"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(steps.len(), 3, "one parallel step per installation");
    let mut log = String::new();
    for (i, step) in steps.iter().enumerate() {
        let name = step["step"]["name"].as_str().unwrap().to_owned();
        let mut event = review.clone();
        event.push(("BITBUCKET_PARALLEL_STEP", i.to_string()));
        event.push(("BITBUCKET_PARALLEL_STEP_COUNT", steps.len().to_string()));
        let transcript = bitbucket_step(&setup, &user_vars, &step["step"]["script"], &event);
        if name == "review gcp" {
            assert!(
                transcript.contains("kkp-delivery terraform-plan: skipped"),
                "{transcript}"
            );
        } else {
            assert!(
                transcript.contains("kkp-delivery terraform-plan: runs"),
                "{name}: {transcript}"
            );
        }
        log.push_str(&transcript);
    }
    assert_planned_the_aws_installations(&setup, "bitbucket:7", &log);
}
