//! `terraform-plan`: `init`, `plan -out`, `show -json`, summarised for reviewers. The summary
//! (counts, resources by action, drift) goes to the job summary and a sticky comment, and the
//! counts to the host's own plan widgets and reports. The plan's fingerprint is
//! an output and is stored in the comment, so the apply stage can check it was reviewed.

use super::{Scope, PLAN_FILE, PLAN_JSON};
use crate::env::vars;
use crate::tools::TERRAFORM;
use std::fmt::Write as _;
use std::io::Write as _;

use anyhow::Context as _;

use crate::error::StageError;
use crate::error::UsageError;
use crate::report::comment::{fingerprint_marker, marker, STATUS_CLOSE, STATUS_OPEN};
use crate::report::model::{Artifact, DriftReport, Report, ResultLabel, StickyComment};
use crate::text::escape;
use crate::tools::fold::{Fold, Unfolded};
use crate::tools::plan::{digests_marker, Action, PlanSummary};
use crate::tools::runner::{Echo, StdoutTo};
use crate::tools::terraform;

use super::terraform::{provenance, BackendArgs, EngineArgs, Failure, Knobs, PlanKnobs, Terraform};
use super::{OutputInfo, Stage, StageCx, StageInfo, REVIEW_EVENTS};

/// The most changed resources listed in the log after the plan.
const LOG_LIST: usize = 1000;

pub struct TerraformPlan;

const INFO: StageInfo = StageInfo {
    name: "terraform-plan",
    about: "terraform (or tofu) init, plan -out and show -json, summarised in a sticky comment and reports",
    default_run_on: REVIEW_EVENTS,
    outputs: &[
        OutputInfo {
            name: "has-changes",
            about: "`true` when the plan changes anything",
        },
        OutputInfo {
            name: "create",
            about: "Resources to create",
        },
        OutputInfo {
            name: "update",
            about: "Resources to update",
        },
        OutputInfo {
            name: "delete",
            about: "Resources to delete",
        },
        OutputInfo {
            name: "replace",
            about: "Resources to replace",
        },
        OutputInfo {
            name: "plan-file",
            about: "The saved plan (kkp.tfplan)",
        },
        OutputInfo {
            name: "plan-json",
            about: "The plan as JSON (kkp.tfplan.json; holds sensitive values)",
        },
        OutputInfo {
            name: "fingerprint",
            about: "The plan's fingerprint, which terraform-apply checks",
        },
    ],
    scope: Scope::TerraformState,
    after: &["terraform-validate", "terraform-backend-prepare"],
    hands_on: &[PLAN_FILE, PLAN_JSON],
    plan_counts: true,
    tools: &[TERRAFORM],
    variables: &[vars::AWS_ACCESS_KEY_ID, vars::AWS_SECRET_ACCESS_KEY],
};

/// The plan stage's flags: the backend and the everyday knobs.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct PlanArgs {
    #[command(flatten)]
    pub backend: BackendArgs,
    #[command(flatten)]
    pub knobs: PlanKnobs,
    #[command(flatten)]
    pub engine: EngineArgs,
    /// Label the pull/merge request with the plan's result, PREFIX:no-changes, PREFIX:changes,
    /// PREFIX:destroys or PREFIX:failed, removing the other three, where the host has labels
    /// (it creates them as needed; a host without labels says so in the log)
    #[arg(long, value_name = "PREFIX")]
    pub label: Option<String>,
}

impl Stage for TerraformPlan {
    type Args = PlanArgs;

    fn info(&self) -> StageInfo {
        INFO
    }

    fn run(&self, cx: &mut StageCx<'_>, args: &PlanArgs) -> Result<Report, StageError> {
        cx.root_dir()?;
        let knobs = args.knobs.resolve(&cx.ctx.workspace)?;
        knobs.protect(cx);
        let label_prefix = match args.label.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(p)
                if p.len() <= 40
                    && !p.contains([',', '\n', ':'])
                    && p.chars().all(|c| !c.is_control()) =>
            {
                Some(p.to_owned())
            }
            Some(p) => {
                return Err(UsageError::invalid(
                    "--label (KKP_LABEL)",
                    "a label prefix of at most 40 characters, without `,` or `:`",
                    p,
                )
                .into())
            }
        };
        let engine = args.engine.resolve(&cx.dir())?;
        let terraform = Terraform::new(cx, Some(&args.backend)).with_engine(cx, engine);
        let label = cx.dir_label();
        let scope = knobs.scope(&label);
        let result = match plan(cx, &terraform, args, &knobs)? {
            Ok(report) => Ok(report),
            Err(failure) => {
                let mut report = failure.report(cx);
                let head = report.summary.clone();
                report.comment = Some(StickyComment {
                    marker: marker(cx.name, &scope),
                    hidden: vec![format!("{STATUS_OPEN}{STATUS_CLOSE}")],
                    head,
                    long_title: "Error output".to_owned(),
                    long: report
                        .details
                        .as_ref()
                        .map(|(_, text)| text.clone())
                        .unwrap_or_default(),
                    where_full: "the job log has all of it".to_owned(),
                    supersedes: true,
                    quiet: false,
                });
                Ok(report)
            }
        };
        let scheduled = cx.ctx.event_kind() == crate::context::EventKind::Schedule;
        let tracker = cx.forge.has_issue_tracker();
        let key = cx
            .installation
            .as_ref()
            .map(|i| i.name.clone())
            .unwrap_or_else(|| scope.clone());
        let run = super::terraform::provenance(cx.ctx).unwrap_or_default();
        result.map(|mut report: Report| {
            // A scheduled plan is drift detection: its changes go to the installation's
            // tracking issue; a failed plan is an error, never drift.
            if scheduled && report.success {
                let changes = report.outputs.get("has-changes") == Some("true");
                report.drift = Some(DriftReport {
                    key: key.clone(),
                    changes,
                    title: format!("Drift: {key} differs from its configuration"),
                    body: format!(
                        "The scheduled plan found changes made outside the configuration.\n\n{}\n{run}\n",
                        report.summary
                    ),
                    resolved: format!(
                        "✅ The scheduled plan changes nothing any more: no drift. {run}"
                    ),
                });
                // Where there is no issue tracker, drift fails the step and its report.
                if changes && !tracker {
                    report.success = false;
                    report.headline = format!("drift: {}", report.headline);
                }
            }
            if let Some(prefix) = &label_prefix {
                let outcome = match (report.success, report.outputs.get("has-changes")) {
                    (false, _) => "failed",
                    (true, Some("true"))
                        if report.outputs.get("delete") != Some("0")
                            || report.outputs.get("replace") != Some("0") =>
                    {
                        "destroys"
                    }
                    (true, Some("true")) => "changes",
                    (true, _) => "no-changes",
                };
                report.label = Some(ResultLabel::new(prefix, outcome));
            }
            report
        })
    }
}

/// `init`, the workspace, `plan -out` and the two `show`s; `Ok(Err(failure))` when Terraform
/// failed, for the caller to publish like a success.
fn plan(
    cx: &mut StageCx<'_>,
    terraform: &Terraform,
    args: &PlanArgs,
    knobs: &Knobs,
) -> Result<Result<Report, Failure>, StageError> {
    let tf = |args: &[&str]| terraform.cmd(args);
    let label = cx.dir_label();

    let init = terraform.run_init(cx, true)?;
    if !init.success() {
        let mut failure = Failure::of(cx, &format!("{} init", terraform.name()), &init);
        let problems: Vec<String> = terraform::diagnostics_from_log(&init.stdout)
            .iter()
            .map(|d| format!("{}: {}", d.summary, crate::text::one_line(&d.detail)))
            .collect();
        failure.reason = format!(
            "{} init failed in {label}: {}. If the state backend does not exist yet, it is created by terraform-backend-prepare on the default branch; check the backend configuration and credentials.",
            terraform.name(),
            if problems.is_empty() {
                crate::text::one_line(init.stderr.trim())
            } else {
                problems.join("; ")
            }
        );
        return Ok(Err(failure));
    }
    if let Some(workspace) = &knobs.workspace {
        if let Err(failure) = terraform.select_workspace(cx, workspace)? {
            return Ok(Err(failure));
        }
    }
    let planned =
        terraform.save_plan_with(cx, &format!("{} plan ({label})", terraform.name()), knobs)?;
    if let Err(failure) = planned {
        return Ok(Err(failure));
    }

    // The two `terraform show`s only read the saved plan, and each can take minutes for a
    // large one (most of it loading provider schemas): the text one runs beside the JSON
    // one. Signals stay held until both have ended, so neither is left running.
    //
    // The JSON plan holds sensitive values in the clear: `show_plan` streams it, owner-only,
    // into kkp.tfplan.json for the apply stage; it is never printed. The text plan is read from
    // its pipe as it arrives, keeping only what a comment or summary can show of it: for a
    // large estate it is hundreds of MiB. The job log already has all of it, from `terraform
    // plan`.
    let mut show_text = tf(&["show", "-no-color", PLAN_FILE.name]);
    show_text.stdout_to = StdoutTo::LongText;
    let text_runner = cx.runner.clone();
    let held = cx.runner.interrupts.hold();
    let (summary, text_job) = std::thread::scope(|scope| {
        let text_job = scope.spawn(move || {
            let mut log = Vec::new();
            let text = Fold::open(&Unfolded, &mut log, "", "")
                .map_err(anyhow::Error::from)
                .and_then(|mut fold| text_runner.run(&show_text, &mut fold, Echo::Quiet))
                .and_then(|shown| {
                    shown
                        .long_text
                        .context("terraform show -no-color: no text was read")
                });
            (text, log)
        });
        (terraform.show_plan(cx), text_job.join())
    });
    drop(held);
    let (plan_text, text_log) = text_job
        .map_err(|_| StageError::Failed(anyhow::anyhow!("the text plan could not be read")))?;
    {
        let mut fold = Fold::open(
            cx.folds,
            &mut *cx.log,
            "kkp_tf_show_text",
            &format!("{} show, as text ({label})", terraform.name()),
        )
        .map_err(|e| StageError::Failed(e.into()))?;
        fold.write_all(&text_log)
            .map_err(|e| StageError::Failed(e.into()))?;
        fold.close().map_err(|e| StageError::Failed(e.into()))?;
    }
    let summary = match summary? {
        Ok(summary) => summary,
        Err(reason) => {
            return Ok(Err(Failure::reason(
                &format!("{} show", terraform.name()),
                reason,
            )))
        }
    };
    let plan_text = plan_text.map_err(StageError::Failed)?;

    let headline = headline(&summary, &terraform.engine().describe(&label));
    let backend_config = args
        .backend
        .backend_config
        .as_ref()
        .map(|p| p.display().to_string());
    let head = summary_markdown(
        &summary,
        terraform.name(),
        &label,
        &headline,
        &context_line(
            cx.ctx,
            cx.env,
            terraform.engine().title(),
            knobs,
            backend_config.as_deref(),
        ),
    );
    // The changed resources in the log, at most LOG_LIST of them: past that the list only
    // repeats what `terraform plan` printed above. One write: a line at a time is a system
    // call per resource.
    let mut listing = crate::text::one_line(&headline);
    for c in summary.changes.iter().take(LOG_LIST) {
        let word = c.action.word();
        listing.push_str("\n  ");
        listing.push_str(word);
        listing.push_str(&"        "[word.len().min(8)..]);
        listing.push(' ');
        listing.push_str(&c.address);
    }
    if summary.changes.len() > LOG_LIST {
        let _ = write!(
            listing,
            "\n  … and {} more: `terraform plan` above lists every change",
            summary.changes.len() - LOG_LIST
        );
    }
    cx.say(&listing)?;

    let mut report = Report::new(true, headline, label.clone());
    report.summary = head.clone();
    report.details = Some(("Plan".to_owned(), plan_text.clone()));
    report.comment = Some(StickyComment {
        marker: marker(cx.name, &knobs.scope(&label)),
        hidden: vec![
            fingerprint_marker(&summary.fingerprint),
            knobs.marker(),
            digests_marker(&summary.digests).unwrap_or_default(),
            format!("{STATUS_OPEN}{STATUS_CLOSE}"),
        ],
        head,
        long_title: "Plan".to_owned(),
        long: plan_text,
        where_full: "the job log has the full plan".to_owned(),
        supersedes: false,
        quiet: !summary.has_changes(),
    });
    let (c, u, d) = summary.widget_counts();
    report.artifacts.push(Artifact::TerraformPlanCounts {
        create: c,
        update: u,
        delete: d,
    });
    report.metric("To create", summary.count(Action::Create));
    report.metric("To update", summary.count(Action::Update));
    report.metric("To delete", summary.count(Action::Delete));
    report.metric("To replace", summary.count(Action::Replace));
    report.metric("Drift", summary.drift.len());

    let outputs = &mut report.outputs;
    outputs.set("has-changes", summary.has_changes().to_string());
    outputs.set("create", summary.count(Action::Create).to_string());
    outputs.set("update", summary.count(Action::Update).to_string());
    outputs.set("delete", summary.count(Action::Delete).to_string());
    outputs.set("replace", summary.count(Action::Replace).to_string());
    outputs.set(
        "plan-file",
        format!("{}/{}", label.trim_start_matches("./"), PLAN_FILE.name)
            .trim_start_matches("./")
            .to_owned(),
    );
    outputs.set(
        "plan-json",
        format!("{}/{}", label, PLAN_JSON.name)
            .trim_start_matches("./")
            .to_owned(),
    );
    outputs.set("fingerprint", summary.fingerprint.clone());
    Ok(Ok(report))
}

fn headline(s: &PlanSummary, label: &str) -> String {
    if !s.has_changes() {
        return format!("{label}: no changes");
    }
    let mut also = String::new();
    for (action, word) in [(Action::Forget, "forget"), (Action::Import, "import")] {
        if s.count(action) > 0 {
            also.push_str(&format!(", {} to {word}", s.count(action)));
        }
    }
    if !s.output_changes.is_empty() {
        also.push_str(&format!(", {} output(s) changing", s.output_changes.len()));
    }
    format!(
        "{label}: {} to create, {} to update, {} to delete, {} to replace{also}{}",
        s.count(Action::Create),
        s.count(Action::Update),
        s.count(Action::Delete),
        s.count(Action::Replace),
        if s.drift.is_empty() {
            String::new()
        } else {
            format!("; {} changed outside Terraform", s.drift.len())
        }
    )
}

/// The changed resources, one line per action (`**create** (2): `a`, `b``), most dangerous
/// first.
pub fn changes_by_action(s: &PlanSummary) -> String {
    let mut md = String::new();
    for action in [
        Action::Replace,
        Action::Delete,
        Action::Forget,
        Action::Update,
        Action::Create,
        Action::Import,
    ] {
        // Written straight into the text: a plan may list 100,000 resources.
        let count = s.count(action);
        if count == 0 {
            continue;
        }
        let _ = write!(md, "**{}** ({count}): ", action.word());
        for (i, c) in s.changes.iter().filter(|c| c.action == action).enumerate() {
            if i > 0 {
                md.push_str(", ");
            }
            md.push('`');
            if c.address.contains('`') {
                md.push_str(&c.address.replace('`', "'"));
            } else {
                md.push_str(&c.address);
            }
            md.push('`');
        }
        md.push_str("\n\n");
    }
    md
}

/// What the plan was made from, one Markdown line: the commit and run, the workspace, var
/// files, targets and backend configuration, and `TF_CLI_ARGS*` when the job sets them.
fn context_line(
    ctx: &crate::context::Context,
    env: &crate::env::Env,
    engine: &str,
    knobs: &Knobs,
    backend_config: Option<&str>,
) -> String {
    let mut parts: Vec<String> = provenance(ctx).into_iter().collect();
    parts.push(engine.to_owned());
    parts.extend(knobs.describe(backend_config));
    // Arguments the job adds behind the stage's back change the plan too: shown, with the
    // values of `-var` left out (they may be secret).
    for var in [vars::TF_CLI_ARGS, vars::TF_CLI_ARGS_plan] {
        if let Some(value) = env.get(var).filter(|v| !v.trim().is_empty()) {
            let shown: Vec<String> = value
                .split_whitespace()
                .map(|arg| match arg.split_once('=') {
                    Some(("-var", _)) => "-var=…".to_owned(),
                    _ => arg.replace('`', "'"),
                })
                .collect();
            parts.push(format!("`{var}={}`", shown.join(" ")));
        }
    }
    parts.join(" · ")
}

/// The banner a plan that destroys anything opens with: deletions and replacements counted.
fn destruction_banner(s: &PlanSummary) -> Option<String> {
    let (delete, replace) = (s.count(Action::Delete), s.count(Action::Replace));
    if delete == 0 && replace == 0 {
        return None;
    }
    let mut what = Vec::new();
    if delete > 0 {
        what.push(format!("{delete} to delete"));
    }
    if replace > 0 {
        what.push(format!("{replace} to replace (destroyed, then created)"));
    }
    Some(format!(
        "> 🛑 **Resource deletion will happen**: {}. Check the resources below before approving.\n",
        what.join(", ")
    ))
}

/// The part of the summary that always appears whole: counts, resources by action, drift.
fn summary_markdown(
    s: &PlanSummary,
    command: &str,
    label: &str,
    headline: &str,
    context: &str,
) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "### 📋 `{command} plan` in `{}`\n", escape(label));
    if let Some(banner) = destruction_banner(s) {
        let _ = writeln!(md, "{banner}");
    }
    let _ = writeln!(md, "**{}**\n", escape(headline));
    if !context.is_empty() {
        let _ = writeln!(md, "<sub>{context}</sub>\n");
    }
    let _ = writeln!(
        md,
        "| create | update | delete | replace |\n|---:|---:|---:|---:|"
    );
    let _ = writeln!(
        md,
        "| {} | {} | {} | {} |\n",
        s.count(Action::Create),
        s.count(Action::Update),
        s.count(Action::Delete),
        s.count(Action::Replace)
    );
    md.push_str(&changes_by_action(s));
    if !s.drift.is_empty() {
        let list: Vec<String> = s
            .drift
            .iter()
            .map(|c| format!("`{}` ({})", c.address.replace('`', "'"), c.action.word()))
            .collect();
        let _ = writeln!(
            md,
            "**Changed outside Terraform** ({}): {}\n",
            list.len(),
            list.join(", ")
        );
    }
    if !s.output_changes.is_empty() {
        let _ = writeln!(
            md,
            "**Outputs changing:** {}\n",
            s.output_changes
                .iter()
                .map(|o| format!("`{o}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let _ = writeln!(md, "<sub>Plan fingerprint `{}`: the apply stage refuses a plan that differs from this one.</sub>\n", &s.fingerprint[..16.min(s.fingerprint.len())]);
    md
}
