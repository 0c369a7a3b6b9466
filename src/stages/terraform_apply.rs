//! `terraform-apply`: applies the saved plan (or plans and applies in one step), but on the
//! default branch only after checking that the plan matches the one reviewed on the pull/merge
//! request that brought the commit in. The check compares fingerprints of the normalised
//! resource changes, so formatting and ordering never trip it; a real difference is refused
//! with the resources that differ. After the apply, `output -json` goes to a file for kubeone,
//! never to a log.

use super::{Scope, PLAN_FILE, TERRAFORM_OUTPUTS};
use crate::env::vars;
use crate::platform::Announcement;
use crate::tools::TERRAFORM;
use std::fmt::Write as _;

use crate::error::StageError;
use crate::files::short;
use crate::platform::HostComment;
use crate::report::comment::{marker, parse_fingerprint, with_status};
use crate::report::model::Report;
use crate::text::{escape, one_line};
use crate::tools::plan::{
    digest_differences, parse_digests, Action, PlanSummary, FINGERPRINT_FORMAT,
};
use crate::tools::runner::{write_private, Echo};

use super::terraform::{BackendArgs, EngineArgs, Failure, Knobs, PlanKnobs, Terraform};
use super::{OutputInfo, Stage, StageCx, StageInfo, PUSH_DEFAULT_ONLY};

/// How many differing resources a refusal lists; the rest are counted.
const DIFFERENCES_SHOWN: usize = 50;

/// What the review check found.
enum Review {
    /// Nothing to compare: the plan changes nothing.
    NotRequired(String),
    /// The plan is the one reviewed on this request (`#7`, `!7`), in this comment.
    Matches(String, Reviewed),
    /// Refused: the reason and the differing resources (or knobs).
    Refused(String, Vec<String>),
}

/// The reviewed plan's comment, which the apply keeps current: applying, applied, failed.
struct Reviewed {
    number: u64,
    comment: HostComment,
}

pub struct TerraformApply;

#[derive(clap::Args, Clone, Debug, Default)]
pub struct ApplyArgs {
    #[command(flatten)]
    pub backend: BackendArgs,
    /// Apply even when the plan differs from the reviewed one, or none was found
    #[arg(long)]
    pub allow_unreviewed_changes: bool,
    #[command(flatten)]
    pub knobs: PlanKnobs,
    #[command(flatten)]
    pub engine: EngineArgs,
}

const INFO: StageInfo = StageInfo {
    name: "terraform-apply",
    about: "apply the reviewed plan, refusing a plan that changed since review",
    default_run_on: PUSH_DEFAULT_ONLY,
    outputs: &[
        OutputInfo {
            name: "outputs-json",
            about: "The non-sensitive Terraform outputs for kubeone (kkp-outputs.json)",
        },
        OutputInfo {
            name: "fingerprint",
            about: "The fingerprint of the applied plan",
        },
        OutputInfo {
            name: "create",
            about: "Resources created",
        },
        OutputInfo {
            name: "update",
            about: "Resources updated",
        },
        OutputInfo {
            name: "delete",
            about: "Resources deleted",
        },
        OutputInfo {
            name: "replace",
            about: "Resources replaced",
        },
    ],
    scope: Scope::TerraformState,
    after: &["terraform-plan"],
    hands_on: &[TERRAFORM_OUTPUTS],
    plan_counts: false,
    tools: &[TERRAFORM],
    variables: &[vars::AWS_ACCESS_KEY_ID, vars::AWS_SECRET_ACCESS_KEY],
};

impl Stage for TerraformApply {
    type Args = ApplyArgs;

    fn info(&self) -> StageInfo {
        INFO
    }

    fn run(&self, cx: &mut StageCx<'_>, args: &ApplyArgs) -> Result<Report, StageError> {
        run(cx, args)
    }
}

fn run(cx: &mut StageCx<'_>, args: &ApplyArgs) -> Result<Report, StageError> {
    let dir = cx.root_dir()?;
    let knobs = args.knobs.resolve(&cx.ctx.workspace)?;
    knobs.protect(cx);
    let failed = |e: anyhow::Error| StageError::Failed(e);
    let engine = args.engine.resolve(&dir)?;
    let terraform = Terraform::new(cx, Some(&args.backend)).with_engine(cx, engine);
    let tf = |args: &[&str]| terraform.cmd(args);
    let name = terraform.name();
    let label = cx.dir_label();
    let fail = |headline: String| Ok(Report::failed(headline, label.clone()));

    let init = terraform.run_init(cx, true)?;
    if !init.success() {
        return Ok(Failure::of(cx, &format!("{name} init"), &init).report(cx));
    }
    if let Some(workspace) = &knobs.workspace {
        if let Err(failure) = terraform.select_workspace(cx, workspace)? {
            return Ok(failure.report(cx));
        }
    }

    if !dir.join(PLAN_FILE.name).is_file() {
        let title = format!("{name} plan ({label}): no saved plan, planning now");
        let planned = terraform.save_plan_with(cx, &title, &knobs)?;
        if let Err(failure) = planned {
            return Ok(failure.report(cx));
        }
    }
    let summary = match terraform.show_plan(cx)? {
        Ok(summary) => summary,
        Err(reason) => return fail(reason),
    };

    let review = check_review(cx, &summary, &label, &knobs);
    let mut md = String::new();
    match &review {
        Review::NotRequired(why) => cx.say(&format!("Review check: {why}"))?,
        Review::Matches(n, _) => cx.say(&format!(
            "Review check: the plan matches the one reviewed on {n}"
        ))?,
        Review::Refused(why, diffs) => {
            if args.allow_unreviewed_changes {
                let event = cx.ctx.describe_event();
                cx.say(&format!(
                    "WARNING: AN UNREVIEWED PLAN IS APPLIED on a {event}: {why}; applying anyway (--allow-unreviewed-changes)"
                ))?;
                for d in diffs {
                    cx.say(&format!("  {d}"))?;
                }
            } else {
                let _ = writeln!(
                    md,
                    "### ⛔ `terraform apply` in `{}` refused\n\n{}\n",
                    escape(&label),
                    escape(why)
                );
                for d in diffs.iter().take(DIFFERENCES_SHOWN) {
                    let _ = writeln!(md, "- `{}`", d.replace('`', "'"));
                }
                if diffs.len() > DIFFERENCES_SHOWN {
                    let _ = writeln!(
                        md,
                        "- …and {} more (the job log lists all)",
                        diffs.len() - DIFFERENCES_SHOWN
                    );
                }
                let _ = writeln!(md, "\nRe-run the plan on the pull request and review it, or pass `--allow-unreviewed-changes`.");
                cx.say(&format!("Refusing to apply: {why}"))?;
                for d in diffs {
                    cx.say(&format!("  {d}"))?;
                }
                let headline = match diffs.len() {
                    0 => why.clone(),
                    n => format!("{why}; {n} resource(s) or output(s) differ (listed above)"),
                };
                let mut report = Report::failed(headline, label.clone());
                report.summary = md;
                return Ok(report);
            }
        }
    }

    let reviewed = match &review {
        Review::Matches(_, reviewed) => Some(reviewed),
        Review::NotRequired(_) | Review::Refused(..) => None,
    };
    if let Some(reviewed) = reviewed {
        let status = format!(
            "> ⏳ **Applying** {}…",
            status_provenance(cx).unwrap_or_else(|| "this plan".to_owned())
        );
        set_status(cx, reviewed, &status);
    }
    let apply = cx.run_folded(
        "kkp_tf_apply",
        &format!("{name} apply ({label})"),
        &tf(&[
            "apply",
            "-input=false",
            "-no-color",
            "-auto-approve",
            PLAN_FILE.name,
        ])
        .logged_only(),
        Echo::Lines,
    )?;
    if !apply.success() {
        let failure = Failure::of(cx, &format!("{name} apply"), &apply);
        if let Some(reviewed) = reviewed {
            let status = format!(
                "> ❌ **Apply failed** ({}): {}",
                status_provenance(cx).unwrap_or_else(|| "this plan".to_owned()),
                escape(&one_line(&failure.reason))
            );
            set_status(cx, reviewed, &status);
        }
        return Ok(failure.report(cx));
    }
    // Outputs may be sensitive (kubeone reads SSH and cloud details from them): to an
    // owner-only file, never to a log.
    let output = cx.run_folded(
        "kkp_tf_output",
        &format!("{name} output ({label})"),
        &tf(&["output", "-json"]),
        Echo::Quiet,
    )?;
    if !output.success() {
        return fail(format!(
            "{name} output -json failed: {}",
            one_line(output.stderr.trim())
        ));
    }
    // Without the sensitive outputs: kubeone needs none, and the file travels between jobs
    // as an artifact.
    let outputs_path = dir.join(TERRAFORM_OUTPUTS.name);
    let all: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&output.stdout)
        .map_err(|e| {
            failed(anyhow::anyhow!(
                "{name} output -json printed no JSON object: {e}"
            ))
        })?;
    let kept: serde_json::Map<String, serde_json::Value> = all
        .into_iter()
        .filter(|(_, v)| v.get("sensitive").and_then(serde_json::Value::as_bool) != Some(true))
        .collect();
    let text = serde_json::to_string_pretty(&kept).map_err(|e| failed(e.into()))?;
    write_private(&outputs_path, text.as_bytes()).map_err(failed)?;
    let outputs_markdown = outputs_markdown(&kept);

    let headline = format!(
        "{}: applied {} created, {} updated, {} deleted, {} replaced",
        engine.describe(&label),
        summary.count(Action::Create),
        summary.count(Action::Update),
        summary.count(Action::Delete),
        summary.count(Action::Replace)
    );
    let _ = writeln!(
        md,
        "### ✅ `terraform apply` in `{}`\n\n**{}**\n",
        escape(&label),
        escape(&headline)
    );
    if let Some(reviewed) = reviewed {
        let status = format!(
            "> ✅ **Applied** ({}): {} created, {} updated, {} deleted, {} replaced.{}",
            status_provenance(cx).unwrap_or_else(|| "this plan".to_owned()),
            summary.count(Action::Create),
            summary.count(Action::Update),
            summary.count(Action::Delete),
            summary.count(Action::Replace),
            outputs_markdown
                .as_deref()
                .map(|o| format!("\n>\n> {}", o.replace('\n', "\n> ")))
                .unwrap_or_default()
        );
        set_status(cx, reviewed, &status);
    }
    match &review {
        Review::Matches(n, _) => {
            let _ = writeln!(md, "The plan matched the one reviewed on {n}.\n");
        }
        Review::NotRequired(why) => {
            let _ = writeln!(md, "Review check: {}.\n", escape(why));
        }
        Review::Refused(why, diffs) => {
            let _ = writeln!(
                md,
                "> [!WARNING]\n> **An unreviewed plan was applied** on a {} (`--allow-unreviewed-changes`): {}. {} resource(s) or output(s) differ from a reviewed plan.\n",
                escape(&cx.ctx.describe_event()),
                escape(why),
                diffs.len()
            );
        }
    }
    let mut report = Report::new(true, headline, label.clone());
    report.summary = md;
    let outputs = &mut report.outputs;
    outputs.set(
        "outputs-json",
        format!("{label}/{}", TERRAFORM_OUTPUTS.name)
            .trim_start_matches("./")
            .to_owned(),
    );
    outputs.set("fingerprint", summary.fingerprint.clone());
    outputs.set("create", summary.count(Action::Create).to_string());
    outputs.set("update", summary.count(Action::Update).to_string());
    outputs.set("delete", summary.count(Action::Delete).to_string());
    outputs.set("replace", summary.count(Action::Replace).to_string());
    Ok(report)
}

/// Whether the plan about to be applied is the one the bot posted for review. It runs on every
/// apply, whatever the event or `--force`: on a pull/merge request event the reviewed plan is
/// the bot's comment on that request; otherwise it is the bot's comment on the merged request
/// that brought the commit in.
fn check_review(cx: &StageCx<'_>, summary: &PlanSummary, label: &str, knobs: &Knobs) -> Review {
    if !summary.has_changes() {
        return Review::NotRequired(
            "the plan changes no resource and no output: there is nothing to review".to_owned(),
        );
    }
    let m = marker("terraform-plan", &knobs.scope(label));
    let event = cx.ctx.describe_event();
    // Written only where the token cannot say who it is (an access token the host will not
    // name): the comment tells it, so the bot's plan comment can be told from anyone else's.
    let status_marker = marker("terraform-apply", label);
    let status = format!(
        "{status_marker}\n### ⏳ `terraform apply` in `{}`\n\nThe plan of commit `{}` is checked against the one reviewed here, then applied; the job's log has the outcome.\n",
        crate::text::escape(label),
        crate::text::escape(cx.ctx.head_sha.as_deref().map(short).unwrap_or_default()),
    );
    let announce = Announcement {
        marker: &status_marker,
        body: &status,
    };
    let found = match cx.ctx.request_number() {
        Some(n) => cx
            .rt
            .block_on(cx.forge.reviewed_on(n, &m, &announce))
            .map(|comment| comment.map(|c| (n, c))),
        None => {
            let Some(sha) = cx.ctx.head_sha.clone() else {
                return Review::Refused(
                    format!("the commit of this {event} is unknown, so its reviewed plan cannot be found"),
                    Vec::new(),
                );
            };
            match cx.rt.block_on(cx.forge.find_reviewed(&sha, &m, &announce)) {
                Ok(Some((n, comment))) => Ok(Some((n, comment))),
                Ok(None) => {
                    return Review::Refused(
                        format!(
                            "no reviewed plan for {label}: no merged pull/merge request that brought commit {} in carries the bot's terraform-plan comment ({event})",
                            short(&sha)
                        ),
                        Vec::new(),
                    )
                }
                Err(e) => Err(e),
            }
        }
    };
    match found {
        Err(e) => Review::Refused(
            format!("the reviewed plan could not be looked up ({e})"),
            Vec::new(),
        ),
        Ok(None) => Review::Refused(
            format!("no reviewed plan for {label}: the bot has no terraform-plan comment on this {event}"),
            Vec::new(),
        ),
        Ok(Some((number, comment))) => {
            let n = cx.ctx.request_ref(number);
            let body = comment.body.clone();
            let knob_differences = match Knobs::from_comment(&body) {
                Some(reviewed) => knobs.differences(&reviewed),
                None => vec!["the reviewed plan's settings cannot be read".to_owned()],
            };
            if !knob_differences.is_empty() {
                return Review::Refused(
                    format!("the plan reviewed on {n} was made with other settings"),
                    knob_differences,
                );
            }
            match parse_fingerprint(&body) {
            Some(fp) if fp == summary.fingerprint => Review::Matches(n, Reviewed { number, comment }),
            Some(fp) if !fp.starts_with(FINGERPRINT_FORMAT) => Review::Refused(
                format!("the plan on {n} was reviewed with an older kkp-delivery, whose fingerprint covers less; re-run the plan there"),
                Vec::new(),
            ),
            Some(_) => {
                let diffs = match parse_digests(&body) {
                    Some(reviewed) => {
                        let mut d = digest_differences(&reviewed, &summary.digests);
                        if d.is_empty() {
                            d.push("a sensitive value differs (never shown)".to_owned());
                        }
                        d
                    }
                    None => vec!["(the reviewed plan was too large to store its resource list; the fingerprints differ)".to_owned()],
                };
                Review::Refused(format!("the plan differs from the one reviewed on {n}"), diffs)
            }
            None => Review::Refused(format!("the plan comment on {n} has no fingerprint: its last plan failed"), Vec::new()),
            }
        }
    }
}

/// The commit and run of this apply, for a status line.
fn status_provenance(cx: &StageCx<'_>) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(commit) = cx.ctx.commit_markdown() {
        parts.push(format!("commit {commit}"));
    }
    if let Some(run) = cx.ctx.run_markdown() {
        parts.push(format!("in this {run}"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The reviewed plan's comment with its status line set to `status`. A status that cannot be
/// written is a warning: the apply's own report is complete.
fn set_status(cx: &mut StageCx<'_>, reviewed: &Reviewed, status: &str) {
    let status = cx.runner.masker.mask(status);
    let body = with_status(&reviewed.comment.body, &status);
    let written = cx.rt.block_on(cx.forge.edit_comment(
        reviewed.number,
        reviewed.comment.id,
        &body,
    ));
    if let Err(e) = written {
        let _ = cx.say(&format!(
            "WARNING: the plan comment on {} could not be updated ({e})",
            cx.ctx.request_ref(reviewed.number)
        ));
    }
}

/// The most outputs an applied status lists, and the longest value it shows whole.
const OUTPUTS_SHOWN: usize = 20;
const OUTPUT_VALUE_MAX: usize = 100;

/// The non-sensitive outputs as one Markdown line each (`` `name` = `value` ``); `None` when
/// there are none.
fn outputs_markdown(outputs: &serde_json::Map<String, serde_json::Value>) -> Option<String> {
    if outputs.is_empty() {
        return None;
    }
    let mut lines = vec!["**Outputs:**".to_owned()];
    for (name, output) in outputs.iter().take(OUTPUTS_SHOWN) {
        let value = match output.get("value") {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => String::new(),
        };
        let mut shown: String = one_line(&value).chars().take(OUTPUT_VALUE_MAX).collect();
        if value.chars().count() > OUTPUT_VALUE_MAX {
            shown.push('…');
        }
        lines.push(format!(
            "`{}` = `{}`",
            name.replace('`', "'"),
            shown.replace('`', "'")
        ));
    }
    if outputs.len() > OUTPUTS_SHOWN {
        lines.push(format!(
            "…and {} more in kkp-outputs.json",
            outputs.len() - OUTPUTS_SHOWN
        ));
    }
    Some(lines.join("  \n"))
}
