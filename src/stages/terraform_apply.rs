//! `terraform-apply`: applies the saved plan (or plans and applies in one step), but on the
//! default branch only after checking that the plan matches the one reviewed on the pull/merge
//! request that brought the commit in. The check compares fingerprints of the normalised
//! resource changes, so formatting and ordering never trip it; a real difference is refused
//! with the resources that differ. After the apply, `output -json` goes to a file for kubeone,
//! never to a log.

use std::fmt::Write as _;

use anyhow::Context as _;

use crate::context::EventKind;
use crate::error::StageError;
use crate::platform::comments;
use crate::report::comment::{marker, parse_fingerprint};
use crate::report::markdown::{escape, one_line};
use crate::report::model::Outputs;
use crate::tools::plan::{digest_differences, parse_digests, summarise, Action, PlanSummary};
use crate::tools::process::{Echo, Section};
use crate::tools::terraform;

use super::run::{StageResult, StageRun};
use super::terraform_plan::PLAN_FILE;

pub const OUTPUTS_FILE: &str = "kkp-outputs.json";
/// How many differing resources a refusal lists; the rest are counted.
const DIFFERENCES_SHOWN: usize = 50;

/// What the review check found.
enum Review {
    /// Not needed (not the default branch, or nothing to change).
    NotRequired(String),
    Matches(u64),
    /// Refused: the reason and the differing resources.
    Refused(String, Vec<String>),
}

pub fn run(sr: &mut StageRun<'_>) -> Result<StageResult, StageError> {
    let dir = sr.root_dir()?;
    let failed = |e: anyhow::Error| StageError::Failed(e);
    let io = |e: std::io::Error| StageError::Failed(e.into());
    let terraform = sr.terraform();
    let tf = |args: &[&str]| terraform.cmd(args);
    let platform = sr.ctx.platform;
    let label = sr.dir_label();
    let fail = |headline: String| {
        Ok(StageResult {
            success: false,
            headline,
            outputs: Outputs::default(),
        })
    };

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
        return fail(sr.redactor.mask(&terraform::failure_reason(
            &format!("{}\n{}", init.stdout, init.stderr),
            &format!("terraform init in {label}"),
        )));
    }

    let saved = dir.join(PLAN_FILE).is_file();
    if !saved {
        let section = Section::open(
            platform,
            sr.log,
            "kkp_tf_plan",
            &format!("terraform plan ({label}): no saved plan, planning now"),
        )
        .map_err(io)?;
        let out = format!("-out={PLAN_FILE}");
        let plan = tf(&["plan", "-input=false", "-no-color", &out])
            .run(sr.log, Echo::Lines, &sr.redactor)
            .map_err(failed)?;
        section.close(sr.log).map_err(io)?;
        if !plan.success() {
            return fail(sr.redactor.mask(&terraform::failure_reason(
                &format!("{}\n{}", plan.stdout, plan.stderr),
                &format!("terraform plan in {label}"),
            )));
        }
    }
    let show = tf(&["show", "-json", PLAN_FILE])
        .run(sr.log, Echo::Quiet, &sr.redactor)
        .map_err(failed)?;
    if !show.success() {
        return fail(sr.redactor.mask(&format!(
            "terraform show -json {PLAN_FILE} failed: {}",
            one_line(show.stderr.trim())
        )));
    }
    let summary = summarise(show.stdout.as_bytes())
        .context("terraform show -json printed no plan")
        .map_err(failed)?;

    let review = check_review(sr, &summary, &label);
    let mut md = String::new();
    match &review {
        Review::NotRequired(why) => writeln!(sr.log, "Review check: {why}").map_err(io)?,
        Review::Matches(n) => writeln!(
            sr.log,
            "Review check: the plan matches the one reviewed on #{n}"
        )
        .map_err(io)?,
        Review::Refused(why, diffs) => {
            if sr.allow_unreviewed {
                writeln!(
                    sr.log,
                    "WARNING: {why}; applying anyway (--allow-unreviewed-changes)"
                )
                .map_err(io)?;
                for d in diffs {
                    writeln!(sr.log, "  {d}").map_err(io)?;
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
                writeln!(sr.log, "Refusing to apply: {why}").map_err(io)?;
                for d in diffs {
                    writeln!(sr.log, "  {d}").map_err(io)?;
                }
                if let Some(path) = &sr.sinks.github_summary {
                    crate::publish::append(path, &md).map_err(failed)?;
                }
                return fail(format!(
                    "{why}; {} resource(s) differ (listed above)",
                    diffs.len()
                ));
            }
        }
    }

    let section = Section::open(
        platform,
        sr.log,
        "kkp_tf_apply",
        &format!("terraform apply ({label})"),
    )
    .map_err(io)?;
    let apply = tf(&[
        "apply",
        "-input=false",
        "-no-color",
        "-auto-approve",
        PLAN_FILE,
    ])
    .run(sr.log, Echo::Lines, &sr.redactor)
    .map_err(failed)?;
    section.close(sr.log).map_err(io)?;
    if !apply.success() {
        return fail(sr.redactor.mask(&terraform::failure_reason(
            &format!("{}\n{}", apply.stdout, apply.stderr),
            &format!("terraform apply in {label}"),
        )));
    }
    // Outputs may be sensitive (kubeone reads SSH and cloud details from them): to a file only.
    let output = tf(&["output", "-json"])
        .run(sr.log, Echo::Quiet, &sr.redactor)
        .map_err(failed)?;
    if !output.success() {
        return fail(format!(
            "terraform output -json failed: {}",
            sr.redactor.mask(one_line(output.stderr.trim()).as_str())
        ));
    }
    let outputs_path = dir.join(OUTPUTS_FILE);
    std::fs::write(&outputs_path, &output.stdout)
        .with_context(|| format!("cannot write {}", outputs_path.display()))
        .map_err(failed)?;

    let headline = format!(
        "{label}: applied {} created, {} updated, {} deleted, {} replaced",
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
    match &review {
        Review::Matches(n) => {
            let _ = writeln!(md, "The plan matched the one reviewed on #{n}.\n");
        }
        Review::NotRequired(why) => {
            let _ = writeln!(md, "Review check: {}.\n", escape(why));
        }
        Review::Refused(why, _) => {
            let _ = writeln!(
                md,
                "⚠️ Applied without review (--allow-unreviewed-changes): {}.\n",
                escape(why)
            );
        }
    }
    if let Some(path) = &sr.sinks.github_summary {
        crate::publish::append(path, &md).map_err(failed)?;
    }
    let mut outputs = Outputs::default();
    outputs.set(
        "outputs-json",
        format!("{label}/{OUTPUTS_FILE}")
            .trim_start_matches("./")
            .to_owned(),
    );
    outputs.set("fingerprint", summary.fingerprint.clone());
    outputs.set("create", summary.count(Action::Create).to_string());
    outputs.set("update", summary.count(Action::Update).to_string());
    outputs.set("delete", summary.count(Action::Delete).to_string());
    outputs.set("replace", summary.count(Action::Replace).to_string());
    Ok(StageResult {
        success: true,
        headline,
        outputs,
    })
}

fn check_review(sr: &StageRun<'_>, summary: &PlanSummary, label: &str) -> Review {
    if sr.ctx.event_kind() != EventKind::PushDefault {
        return Review::NotRequired(format!(
            "not a push to the default branch ({})",
            sr.ctx.describe_event()
        ));
    }
    if !summary.has_changes() {
        return Review::NotRequired("the plan changes nothing".to_owned());
    }
    let Some(sha) = sr.ctx.head_sha.clone() else {
        return Review::Refused(
            "the commit being built is unknown, so its reviewed plan cannot be found".to_owned(),
            Vec::new(),
        );
    };
    let m = marker("terraform-plan", label);
    match sr.rt.block_on(comments::find_reviewed(sr.ctx, sr.api, &sha, &m)) {
        Err(e) => Review::Refused(format!("the reviewed plan could not be looked up ({e})"), Vec::new()),
        Ok(None) => Review::Refused(
            format!("no reviewed plan for {label}: no pull/merge request of commit {} carries a terraform-plan comment", crate::changes::short(&sha)),
            Vec::new(),
        ),
        Ok(Some((n, body))) => match parse_fingerprint(&body) {
            Some(fp) if fp == summary.fingerprint => Review::Matches(n),
            Some(_) => {
                let current = summary.digests.clone();
                let diffs = match parse_digests(&body) {
                    Some(reviewed) => digest_differences(&reviewed, &current),
                    None => vec!["(the reviewed plan was too large to store its resource list; the fingerprints differ)".to_owned()],
                };
                Review::Refused(format!("the plan differs from the one reviewed on #{n}"), diffs)
            }
            None => Review::Refused(format!("the plan comment on #{n} has no fingerprint"), Vec::new()),
        },
    }
}
