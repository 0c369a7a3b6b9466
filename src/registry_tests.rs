//! A stage that exists only here proves that the registry alone gives a stage everything:
//! its subcommand, its flags with their variables, its decision, its outputs and summary,
//! its place in the generated actions, components and pipe (order, files, tools, secrets),
//! in `init` for every platform and in `doctor`, and its secret kept from every tool.

use crate::cli::{main_with, Invocation};
use crate::env::Hosts;
use crate::env::{vars, Env, Var, VarKind};
use crate::error::StageError;
use crate::report::model::Report;
use crate::stages::*;
use crate::tools::runner::{Echo, Tool};

struct Throwaway;

/// The throwaway stage's own secret.
const THROWAWAY_KEY: Var = Var {
    name: "KKP_THROWAWAY_KEY",
    about: "The throwaway stage's own key",
    kind: VarKind::Secret,
    hosts: Hosts::All,
};
/// The tool it runs: a shell that lists its environment.
const THROWAWAY_TOOL: Tool = Tool::new(
    "throwaway-tool",
    Var {
        name: "KKP_THROWAWAY_TOOL_BIN",
        about: "The throwaway tool",
        kind: VarKind::Plain,
        hosts: Hosts::All,
    },
    &[],
);
/// The file it hands on.
const THROWAWAY_FILE: HandedFile = HandedFile {
    name: "kkp-throwaway.json",
    about: "what it said",
};

#[derive(clap::Args, Debug)]
struct ThrowawayArgs {
    /// What the stage says when it runs
    #[arg(long, default_value = "hello")]
    greeting: String,
}

impl Stage for Throwaway {
    type Args = ThrowawayArgs;

    fn info(&self) -> StageInfo {
        StageInfo {
            name: "throwaway",
            about: "a stage that exists only in this test",
            default_run_on: PUSH_DEFAULT_ONLY,
            outputs: &[OutputInfo {
                name: "greeting",
                about: "what it said",
            }],
            scope: Scope::TerraformState,
            after: &["terraform-validate"],
            hands_on: &[THROWAWAY_FILE],
            plan_counts: false,
            tools: &[THROWAWAY_TOOL],
            variables: &[THROWAWAY_KEY],
        }
    }

    fn run(&self, cx: &mut StageCx<'_>, args: &ThrowawayArgs) -> Result<Report, StageError> {
        cx.say(&format!("throwaway says {}", args.greeting))?;
        // The stage itself reads its key; the tool must not see it.
        let has_key = cx.env.get(THROWAWAY_KEY).is_some();
        let dir = cx.dir();
        let listed = cx.run_folded(
            "throwaway_env",
            "the tool's environment",
            &THROWAWAY_TOOL.command(cx.env, &dir, &["-c", "env"]),
            Echo::Quiet,
        )?;
        let names: Vec<&str> = listed
            .stdout
            .lines()
            .filter_map(|l| l.split_once('=').map(|(k, _)| k))
            .collect();
        cx.say(&format!(
            "stage has its key: {has_key}; tool environment: {}",
            names.join(" ")
        ))?;
        let mut report = Report::new(true, format!("said {}", args.greeting), ".");
        report.summary = format!("### throwaway said {}\n", args.greeting);
        report.outputs.set("greeting", args.greeting.clone());
        Ok(report)
    }
}

static REGISTRY: &[&dyn RegisteredStage] = &[
    &Entry(terraform_validate::TerraformValidate),
    &Entry(Throwaway),
];

fn invoke(args: &[&str], env: Env, cwd: &std::path::Path) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = main_with(
        REGISTRY,
        Invocation {
            args: args.iter().map(Into::into).collect(),
            env,
            cwd: cwd.to_owned(),
            exe: None,
            stdout_is_terminal: false,
            out: &mut out,
            err: &mut err,
        },
    );
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

#[test]
fn a_stage_added_through_the_registry_alone_runs_end_to_end() {
    let tmp = std::env::temp_dir();
    let (code, help, _) = invoke(&["kkp-delivery", "--help"], Env::default(), &tmp);
    assert_eq!(code, 0);
    assert!(help.contains("throwaway") && help.contains("exists only in this test"));
    let (code, help, _) = invoke(
        &["kkp-delivery", "throwaway", "--help"],
        Env::default(),
        &tmp,
    );
    assert_eq!(code, 0);
    assert!(
        help.contains("--greeting") && help.contains("[env: KKP_GREETING]"),
        "{help}"
    );

    let dir = tempfile::tempdir().unwrap();
    let outputs = dir.path().join("output");
    let summary = dir.path().join("summary");
    let env = Env::from_pairs([
        ("GITHUB_ACTIONS", "true".to_owned()),
        ("GITHUB_EVENT_NAME", "workflow_dispatch".to_owned()),
        ("GITHUB_REPOSITORY", "acme/kkp".to_owned()),
        ("GITHUB_WORKSPACE", dir.path().display().to_string()),
        ("GITHUB_OUTPUT", outputs.display().to_string()),
        ("GITHUB_STEP_SUMMARY", summary.display().to_string()),
        ("KKP_GREETING", "hi there".to_owned()),
        ("KKP_THROWAWAY_KEY", "throwaway-canary-7d1e".to_owned()),
        ("KKP_THROWAWAY_TOOL_BIN", "/bin/sh".to_owned()),
        ("PATH", "/usr/bin:/bin".to_owned()),
    ]);
    // Its default events are the registry's default (push to the default branch only):
    // a manual run skips …
    let (code, log, err) = invoke(&["kkp-delivery", "throwaway"], env.clone(), dir.path());
    assert_eq!(code, 0, "{log}{err}");
    assert!(log.contains("kkp-delivery throwaway: skipped"), "{log}");
    // … and runs when forced, with the stage's own flag from its variable.
    let (code, log, err) = invoke(&["kkp-delivery", "throwaway", "--force"], env, dir.path());
    assert_eq!(code, 0, "{log}{err}");
    assert!(log.contains("kkp-delivery throwaway: runs"), "{log}");
    assert!(log.contains("throwaway says hi there"), "{log}");
    assert!(log.contains("throwaway: said hi there"), "{log}");
    // Its secret reaches the stage and no tool: the tool's environment lists the stage's
    // flag variable and not the key.
    assert!(log.contains("stage has its key: true"), "{log}");
    let tool_env = log
        .lines()
        .find(|l| l.contains("tool environment:"))
        .unwrap_or_default();
    assert!(tool_env.contains("KKP_GREETING"), "{tool_env}");
    assert!(!tool_env.contains("KKP_THROWAWAY_KEY"), "{tool_env}");
    assert!(!log.contains("throwaway-canary-7d1e"), "{log}");
    let outputs = std::fs::read_to_string(outputs).unwrap();
    assert!(outputs.contains("run=true"), "{outputs}");
    assert!(outputs.contains("greeting=hi there"), "{outputs}");
    let summary = std::fs::read_to_string(summary).unwrap();
    assert!(summary.contains("`throwaway` runs"), "{summary}");
    assert!(summary.contains("### throwaway said hi there"), "{summary}");
}

#[test]
fn a_stage_added_through_the_registry_alone_is_packaged_with_its_facts() {
    use crate::packaging;
    let stage: &dyn RegisteredStage = &Entry(Throwaway);
    // The GitHub action: its own flag and output, and the root action lists it.
    let action = packaging::github_action(REGISTRY, Some(stage));
    assert!(action.contains("  greeting:\n"), "{action}");
    assert!(action.contains("steps.stage.outputs.greeting"), "{action}");
    assert!(
        action.contains("exec \"$KKP_BINARY\" throwaway"),
        "{action}"
    );
    assert!(packaging::github_action(REGISTRY, None).contains("terraform-validate, throwaway"));
    // The GitLab component: after validate (its order), one at a time per Terraform root
    // (its scope), the file it hands on as an artifact.
    let component = packaging::gitlab_component(REGISTRY, stage);
    assert!(
        component.contains("- job: \"$[[ inputs.job-prefix ]]-terraform-validate\""),
        "{component}"
    );
    assert!(
        component.contains(
            "resource_group: \"kkp-$[[ inputs.installation ]]-terraform-$[[ inputs.working-directory ]]\""
        ),
        "{component}"
    );
    assert!(
        component.contains("- \"$[[ inputs.working-directory ]]/kkp-throwaway.json\""),
        "{component}"
    );
    assert!(component.contains("stage: $[[ inputs.stage ]]"));
    assert!(component.contains("default: deploy"), "{component}");
    // The pipe: the stage is allowed, and its secret is a secured variable.
    let pipe = packaging::bitbucket_pipe(REGISTRY);
    assert!(
        pipe.contains("allowed_values: [terraform-validate, throwaway]"),
        "{pipe}"
    );
    assert!(
        pipe.contains("  - name: KKP_THROWAWAY_KEY\n    description: \"The throwaway stage's own key\"\n    required: false\n    secret: true\n"),
        "{pipe}"
    );
    let readme = packaging::bitbucket_pipe_readme(REGISTRY);
    assert!(
        readme.contains("`KKP_THROWAWAY_KEY` (throwaway)"),
        "{readme}"
    );
    // Every generated file: one action and one component for it.
    let files: Vec<String> = packaging::files(REGISTRY)
        .into_iter()
        .map(|(p, _)| p.display().to_string())
        .collect();
    assert!(files.contains(&"actions/throwaway/action.yml".to_owned()));
    assert!(files.contains(&"templates/throwaway.yml".to_owned()));
}

#[test]
fn a_stage_added_through_the_registry_alone_is_in_init_and_doctor() {
    let repo = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(repo.path().join("terraform/aws")).unwrap();
    std::fs::write(repo.path().join("terraform/aws/main.tf"), "").unwrap();
    let print = |platform: &str| {
        let (code, text, err) = invoke(
            &["kkp-delivery", "init", "--platform", platform, "--print"],
            Env::default(),
            repo.path(),
        );
        assert_eq!(code, 0, "{err}");
        text
    };
    let github = print("github");
    let deliver = &github[github.find("  deliver:").unwrap()..];
    assert!(
        deliver.contains("KKP_THROWAWAY_KEY: ${{ secrets.KKP_THROWAWAY_KEY }}"),
        "{github}"
    );
    let validate = deliver.find("actions/terraform-validate@").unwrap();
    let throwaway = deliver.find("actions/throwaway@").unwrap();
    assert!(validate < throwaway, "in pipeline order: {github}");
    let line_end = throwaway + deliver[throwaway..].find('\n').unwrap_or(0);
    assert!(
        deliver[throwaway..line_end].ends_with(&format!("v{}", packaging_version())),
        "pinned, the version named: {github}"
    );
    assert!(
        deliver[line_end..]
            .starts_with("\n        with:\n          working-directory: terraform/aws"),
        "a Terraform root stage gets its root: {github}"
    );
    // It does not review (push only), so the review job has validate alone.
    let review = &github[..github.find("  deliver:").unwrap()];
    assert!(!review.contains("throwaway"), "{github}");
    let gitlab = print("gitlab");
    assert!(gitlab.contains("/throwaway@"), "{gitlab}");
    assert!(
        gitlab.contains("#   KKP_THROWAWAY_KEY: The throwaway stage's own key (throwaway)"),
        "{gitlab}"
    );
    let bitbucket = print("bitbucket");
    let step = &bitbucket[bitbucket.find("STAGE: throwaway").unwrap()..];
    assert!(
        step.contains("KKP_WORKING_DIRECTORY: terraform/aws\n                KKP_THROWAWAY_KEY: $KKP_THROWAWAY_KEY"),
        "{bitbucket}"
    );

    let (code, doctor, err) = invoke(
        &["kkp-delivery", "doctor"],
        Env::from_pairs([("PATH", "/nonexistent")]),
        repo.path(),
    );
    assert_eq!(code, 0, "{doctor}{err}");
    assert!(
        doctor.contains("stage      throwaway: a Terraform root and its state; after terraform-validate; hands on kkp-throwaway.json; runs throwaway-tool; secrets KKP_THROWAWAY_KEY"),
        "{doctor}"
    );
    assert!(
        doctor.contains(
            "throwaway-tool not found (PATH or KKP_THROWAWAY_TOOL_BIN): used by throwaway"
        ),
        "{doctor}"
    );
    assert!(
        doctor.contains("KKP_THROWAWAY_KEY is not set: throwaway"),
        "{doctor}"
    );
}

fn packaging_version() -> &'static str {
    crate::packaging::VERSION
}

#[test]
fn its_secret_is_hidden_from_the_tools_of_every_stage() {
    let hidden = hidden_from_tools(REGISTRY);
    assert!(hidden.contains(&THROWAWAY_KEY));
    // The forge tokens and the real stages' secrets too.
    assert!(hidden.contains(&vars::GITHUB_TOKEN));
    for stage in STAGES {
        for secret in stage.info().secrets() {
            assert!(hidden_from_tools(STAGES).contains(&secret), "{secret}");
        }
    }
}
