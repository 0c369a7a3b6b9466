//! `terraform-plan`: `init`, `plan -out`, `show -json`, summarised for reviewers. The summary
//! (counts, resources by action, drift) goes to the job summary and a sticky comment; GitLab
//! also gets its terraform report, Bitbucket a Code Insights report. The plan's fingerprint is
//! an output and is stored in the comment, so the apply stage can check it was reviewed.

use std::fmt::Write as _;

use anyhow::Context as _;
use serde_json::json;

use crate::context::Platform;
use crate::error::StageError;
use crate::platform::bitbucket::insights;
use crate::platform::comments::{self, Written};
use crate::report::comment::{self as sticky, fingerprint_marker, marker};
use crate::report::markdown::escape;
use crate::report::model::Outputs;
use crate::tools::plan::{digests_marker, summarise, Action, PlanSummary};
use crate::tools::process::{Echo, Section};
use crate::tools::terraform;

use super::run::{StageResult, StageRun};

pub const PLAN_FILE: &str = "kkp.tfplan";
pub const PLAN_JSON: &str = "kkp.tfplan.json";
/// GitLab caps each count of its terraform report at this.
const GITLAB_COUNT_MAX: usize = 999_999;

pub fn run(sr: &mut StageRun<'_>) -> Result<StageResult, StageError> {
    let dir = sr.root_dir()?;
    let failed = |e: anyhow::Error| StageError::Failed(e);
    let io = |e: std::io::Error| StageError::Failed(e.into());
    let terraform = sr.terraform();
    let tf = |args: &[&str]| terraform.cmd(args);
    let platform = sr.ctx.platform;
    let label = sr.dir_label();

    let section = Section::open(
        platform,
        sr.log,
        "kkp_tf_init",
        &format!("terraform init ({label})"),
    )
    .map_err(io)?;
    let init = terraform
        .init(true)
        .run(sr.log, Echo::Map(&terraform::log_message), &sr.redactor)
        .map_err(failed)?;
    section.close(sr.log).map_err(io)?;
    if !init.success() {
        let problems: Vec<String> = terraform::diagnostics_from_log(&init.stdout)
            .iter()
            .map(|d| {
                format!(
                    "{}: {}",
                    d.summary,
                    crate::report::markdown::one_line(&d.detail)
                )
            })
            .collect();
        return Ok(StageResult {
            success: false,
            headline: sr.redactor.mask(&format!(
                "terraform init failed in {label}: {}. If the state backend does not exist yet, it is created by terraform-backend-prepare on the default branch; check the backend configuration and credentials.",
                if problems.is_empty() { init.stderr.trim().to_owned() } else { problems.join("; ") }
            )),
            outputs: Outputs::default(),
        });
    }

    let section = Section::open(
        platform,
        sr.log,
        "kkp_tf_plan",
        &format!("terraform plan ({label})"),
    )
    .map_err(io)?;
    let plan_arg = format!("-out={PLAN_FILE}");
    let plan = tf(&["plan", "-input=false", "-no-color", &plan_arg])
        .run(sr.log, Echo::Lines, &sr.redactor)
        .map_err(failed)?;
    section.close(sr.log).map_err(io)?;
    if !plan.success() {
        let text = format!("{}\n{}", plan.stdout, plan.stderr);
        let headline = terraform::failure_reason(&text, &format!("terraform plan in {label}"));
        return Ok(StageResult {
            success: false,
            headline: sr.redactor.mask(&headline),
            outputs: Outputs::default(),
        });
    }

    let show = tf(&["show", "-json", PLAN_FILE])
        .run(sr.log, Echo::Quiet, &sr.redactor)
        .map_err(failed)?;
    if !show.success() {
        return Err(failed(anyhow::anyhow!(
            "terraform show -json failed: {}",
            sr.redactor.mask(show.stderr.trim())
        )));
    }
    // The JSON plan holds sensitive values in the clear: it is written for the apply stage and
    // never printed.
    let json_path = dir.join(PLAN_JSON);
    std::fs::write(&json_path, &show.stdout)
        .with_context(|| format!("cannot write {}", json_path.display()))
        .map_err(failed)?;
    let summary = summarise(show.stdout.as_bytes())
        .context("terraform show -json printed no plan")
        .map_err(failed)?;
    let text = tf(&["show", "-no-color", PLAN_FILE])
        .run(sr.log, Echo::Quiet, &sr.redactor)
        .map_err(failed)?;
    let plan_text = sr.redactor.mask(&text.stdout);

    let headline = headline(&summary, &label);
    let head = summary_markdown(&summary, &label, &headline);
    let where_full = match platform {
        Platform::GitHub | Platform::GitLab | Platform::Bitbucket => {
            "the job log has the full plan"
        }
        Platform::Local => "run `terraform show kkp.tfplan` for the full plan",
    };
    let limit = match platform {
        Platform::GitLab => sticky::GITLAB_NOTE_MAX,
        Platform::Bitbucket => sticky::BITBUCKET_COMMENT_MAX,
        _ => sticky::GITHUB_COMMENT_MAX,
    };
    let body = sticky::fit(
        &format!(
            "{}\n{}\n{}\n{head}",
            marker(sr.stage.name(), &label),
            fingerprint_marker(&summary.fingerprint),
            digests_marker(&summary.digests).unwrap_or_default()
        ),
        "Plan",
        &plan_text,
        where_full,
        limit,
    );

    let mut outputs = Outputs::default();
    outputs.set("has-changes", summary.has_changes().to_string());
    outputs.set("create", summary.count(Action::Create).to_string());
    outputs.set("update", summary.count(Action::Update).to_string());
    outputs.set("delete", summary.count(Action::Delete).to_string());
    outputs.set("replace", summary.count(Action::Replace).to_string());
    outputs.set(
        "plan-file",
        format!("{}/{PLAN_FILE}", label.trim_start_matches("./"))
            .trim_start_matches("./")
            .to_owned(),
    );
    outputs.set(
        "plan-json",
        format!("{}/{PLAN_JSON}", label)
            .trim_start_matches("./")
            .to_owned(),
    );
    outputs.set("fingerprint", summary.fingerprint.clone());

    match platform {
        Platform::GitHub => {
            if let Some(path) = &sr.sinks.github_summary {
                crate::publish::append(
                    path,
                    &sticky::fit(&head, "Plan", &plan_text, where_full, 1_000_000),
                )
                .map_err(failed)?;
            }
        }
        Platform::GitLab => {
            let (c, u, d) = summary.gitlab_counts();
            let report = json!({"create": c.min(GITLAB_COUNT_MAX), "update": u.min(GITLAB_COUNT_MAX), "delete": d.min(GITLAB_COUNT_MAX)});
            let path = sr.ctx.workspace.join("kkp-terraform-plan-report.json");
            std::fs::write(&path, report.to_string())
                .with_context(|| format!("cannot write {}", path.display()))
                .map_err(failed)?;
            writeln!(
                sr.log,
                "Terraform report for the merge request widget: {}",
                path.display()
            )
            .map_err(io)?;
        }
        Platform::Bitbucket => {
            let data = vec![
                json!({"title": "To create", "type": "NUMBER", "value": summary.count(Action::Create)}),
                json!({"title": "To update", "type": "NUMBER", "value": summary.count(Action::Update)}),
                json!({"title": "To delete", "type": "NUMBER", "value": summary.count(Action::Delete)}),
                json!({"title": "To replace", "type": "NUMBER", "value": summary.count(Action::Replace)}),
                json!({"title": "Drift", "type": "NUMBER", "value": summary.drift.len()}),
            ];
            let id = format!("kkp-terraform-plan-{}", label.replace(['/', '.'], "-"));
            let spec = insights::ReportSpec {
                id: &id,
                title: &format!("terraform plan ({label})"),
                details: &headline,
                passed: true,
                data,
                check: "terraform-plan",
            };
            if let Err(e) =
                sr.rt
                    .block_on(insights::publish(sr.ctx, sr.api.token.as_ref(), spec, &[]))
            {
                writeln!(
                    sr.log,
                    "WARNING: the Code Insights report could not be published: {e}"
                )
                .map_err(io)?;
            }
        }
        Platform::Local => {}
    }
    writeln!(sr.log, "{}", crate::report::markdown::one_line(&headline)).map_err(io)?;
    for c in &summary.changes {
        writeln!(sr.log, "  {:<8} {}", c.action.word(), c.address).map_err(io)?;
    }

    if let Some(number) = comments::request_number(sr.ctx) {
        let m = marker(sr.stage.name(), &label);
        match sr.rt.block_on(comments::upsert(sr.ctx, sr.api, number, &m, &body, sr.comment)) {
            Ok(Some(Written::Created(id))) => writeln!(sr.log, "Plan comment {id} created on #{number}"),
            Ok(Some(Written::Updated(id))) => writeln!(sr.log, "Plan comment {id} updated on #{number}"),
            Ok(None) => Ok(()),
            Err(e) => writeln!(sr.log, "WARNING: the plan comment could not be written ({e}); the summary above is complete"),
        }
        .map_err(io)?;
    }
    Ok(StageResult {
        success: true,
        headline,
        outputs,
    })
}

fn headline(s: &PlanSummary, label: &str) -> String {
    if !s.has_changes() {
        return format!("{label}: no changes");
    }
    format!(
        "{label}: {} to create, {} to update, {} to delete, {} to replace{}",
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

/// The part of the summary that always appears whole: counts, resources by action, drift.
fn summary_markdown(s: &PlanSummary, label: &str, headline: &str) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "### 📋 `terraform plan` in `{}`\n", escape(label));
    let _ = writeln!(md, "**{}**\n", escape(headline));
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
    for action in [
        Action::Replace,
        Action::Delete,
        Action::Update,
        Action::Create,
    ] {
        let list: Vec<String> = s
            .changes
            .iter()
            .filter(|c| c.action == action)
            .map(|c| format!("`{}`", c.address.replace('`', "'")))
            .collect();
        if !list.is_empty() {
            let _ = writeln!(
                md,
                "**{}** ({}): {}\n",
                action.word(),
                list.len(),
                list.join(", ")
            );
        }
    }
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
