//! The walk of one stage: context → change set → decision → run → publish. The entry points
//! (`cli`) parse the command line and hand over here; `explain` walks every stage of the
//! registry the same way up to the decision, with one change-set lookup for all of them.

use std::io::Write;
use std::path::PathBuf;

use clap::ArgMatches;

use crate::changes::{self, ChangeSet};
use crate::context::{Context, EventKind};
use crate::decision::{self, Decision, Rules, Verdict};
use crate::env::{vars, Env};
use crate::error::StageError;
use crate::files::ApiChanges;
use crate::flags::{common_args, CommonArgs, Parsed, Settings};
use crate::mask::Masker;
use crate::platform::http::{ApiError, ApiSettings, Token, REFINE_BUDGET};
use crate::platform::{self, Forge};
use crate::process::Interrupts;
use crate::publish::{self, verdict_label, LogStyle, Publication, Sinks};
use crate::stages::{self, RegisteredStage, StageCx};
use crate::tools::runner::Runner;

fn runtime() -> Result<tokio::runtime::Runtime, StageError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| StageError::Failed(anyhow::anyhow!("cannot start the async runtime: {e}")))
}

/// What [`context_for`] found.
struct Found {
    /// The platform, the event and the repository.
    ctx: Context,
    /// How the API is reached.
    api: ApiSettings,
    /// The run's one owner of host calls.
    forge: Forge,
    /// Notes for the log (a refinement that failed).
    notes: Vec<String>,
    /// The changed files, when they were asked for beside the refinement.
    early: Option<Result<ApiChanges, ApiError>>,
}

/// What the entry point hands the walk besides the stage: the registry it was built from, the
/// parsed command line, the environment snapshot, the working folder and whether stdout is a
/// terminal.
pub struct Invoked<'a> {
    pub registry: &'a [&'a dyn RegisteredStage],
    pub parsed: &'a Parsed,
    pub env: &'a Env,
    pub cwd: PathBuf,
    /// This executable, for the stage's watchdog (`None`: no watchdog).
    pub exe: Option<PathBuf>,
    pub tty: bool,
}

/// Detection, the run's [`Forge`], and the host refinements that need the API (Bitbucket's
/// default branch). With `rules`, a pull request whose decision needs its changed files has
/// them asked for at the same time as the refinement: neither depends on the other, and on
/// Bitbucket that is one round trip less.
async fn context_for(
    settings: &Settings,
    env: &Env,
    rules: Option<&Rules>,
) -> Result<Found, StageError> {
    let mut ctx = platform::detect(env, &settings.detect)?;
    let api = settings.api_settings(env, ctx.platform);
    let forge = Forge::new(&ctx, &api);
    let needs_list = rules.is_some_and(|rules| {
        ctx.event_kind() == EventKind::PullRequest
            && decision::decide_by_event(ctx.event_kind(), &ctx.describe_event(), rules).is_none()
    });
    let (note, early) = if needs_list {
        let before_refining = ctx.clone();
        let (note, list) = tokio::join!(
            forge.refine(&mut ctx, REFINE_BUDGET),
            forge.changed_files(&before_refining, api.changes_budget)
        );
        (note, Some(list))
    } else {
        (forge.refine(&mut ctx, REFINE_BUDGET).await, None)
    };
    Ok(Found {
        ctx,
        api,
        forge,
        notes: note.into_iter().collect(),
        early,
    })
}

fn all_notes(mut notes: Vec<String>, changes: Option<&ChangeSet>) -> Vec<String> {
    if let Some(ChangeSet::Known { notes: n, .. }) = changes {
        notes.extend(n.iter().map(|n| format!("API list not used: {n}")));
    }
    notes.iter().map(|n| crate::text::one_line(n)).collect()
}

/// Decides one stage, publishes the decision, and runs the stage if it should.
pub fn run_stage(
    stage: &dyn RegisteredStage,
    matches: &ArgMatches,
    invoked: Invoked<'_>,
    out: &mut dyn Write,
    masker: &Masker,
) -> Result<u8, StageError> {
    let Invoked {
        registry,
        parsed,
        env,
        cwd,
        exe,
        tty,
    } = invoked;
    let mut settings =
        Settings::resolve(common_args(matches)?, parsed, stage.default_run_on(), cwd)?;
    if env.is_true(vars::DEBUG) {
        // The pipe convention's debug switch: what was configured and where from (names only;
        // values may be secrets).
        let from_env: Vec<&str> = parsed.from_env.values().map(String::as_str).collect();
        let _ = writeln!(
            out,
            "DEBUG: kkp-delivery {} {}; flags set through variables: {}",
            env!("CARGO_PKG_VERSION"),
            stage.name(),
            if from_env.is_empty() {
                "none".to_owned()
            } else {
                from_env.join(", ")
            }
        );
    }
    let rt = runtime()?;
    let (ctx, decision, changes, notes, forge, api, installation) = rt.block_on(async {
        let Found {
            ctx,
            api,
            forge,
            notes,
            early,
        } = context_for(&settings, env, Some(&settings.rules)).await?;
        // `--installation`: its trigger paths (unless `--paths` was given) decide.
        let installation = match &settings.installation {
            Some((name, flag)) => {
                let all = crate::installations::discover(&ctx.workspace)?;
                let chosen = crate::installations::select(&all, Some(name), flag)?.clone();
                if !settings.paths_given {
                    settings.rules.paths = chosen.filter()?;
                }
                Some(chosen)
            }
            None => None,
        };
        let kind = ctx.event_kind();
        let event_text = ctx.describe_event();
        let (decision, changes) =
            match decision::decide_by_event(kind, &event_text, &settings.rules) {
                Some(d) => (d, None),
                None => {
                    let lookup = async {
                        match early {
                            Some(list) => list,
                            None => forge.changed_files(&ctx, api.changes_budget).await,
                        }
                    };
                    let changes =
                        changes::resolve(&ctx, async { lookup.await.map_err(|e| e.to_string()) })
                            .await;
                    (
                        decision::decide(kind, &event_text, &changes, &settings.rules),
                        Some(changes),
                    )
                }
            };
        Ok::<_, StageError>((ctx, decision, changes, notes, forge, api, installation))
    })?;
    // A stage on a Terraform root works in the installation's, unless told otherwise.
    if let (Some(inst), None) = (&installation, &settings.working_directory) {
        if stage.info().scope.is_terraform_root() {
            settings.working_directory = Some(PathBuf::from(&inst.terraform_root));
        }
    }
    // The reason and the notes carry API and git error text and file names: masked and made
    // one line (a file name with a newline could otherwise start a workflow command) before
    // any rendering.
    let mut decision = decision;
    decision.reason = crate::text::one_line(&masker.mask(&decision.reason));
    let notes: Vec<String> = all_notes(notes, changes.as_ref())
        .iter()
        .map(|n| masker.mask(n))
        .collect();
    let sinks = Sinks::from_env(env, tty);
    publish::publish_decision(
        &ctx,
        stage.name(),
        changes.as_ref(),
        &decision,
        &notes,
        &sinks,
        out,
    )
    .map_err(StageError::Failed)?;
    match decision.verdict {
        Verdict::Fail => Err(StageError::Failed(anyhow::anyhow!(
            "{}: {}",
            stage.name(),
            decision.reason
        ))),
        Verdict::Skip => Ok(0),
        Verdict::Run if settings.decide_only => {
            let _ = writeln!(
                out,
                "{}: --decide-only given, not running the tool",
                stage.name()
            );
            Ok(0)
        }
        Verdict::Run => {
            let mut masker = masker.clone();
            if let Some(t) = &api.token {
                masker = Masker::from_env(env, [t.expose()]);
            }
            // Signals are caught only from here on: before a tool runs, SIGINT and SIGTERM end
            // the process as usual.
            let interrupts = Interrupts::install().unwrap_or_else(|e| {
                let _ = writeln!(
                    out,
                    "WARNING: cannot catch SIGINT/SIGTERM ({e}): a cancelled job may stop the tool without letting it release its locks"
                );
                Interrupts::default()
            });
            let style = LogStyle {
                platform: ctx.platform,
            };
            // What a stage killed outright by SIGKILL left is removed by the next one: its
            // private folders. Then this stage's own watchdog, for the same case.
            stages::private::remove_abandoned_private_dirs(env, &ctx.workspace);
            let watchdog = exe.as_deref().and_then(|exe| {
                crate::process::Watchdog::start(exe)
                    .map_err(|e| {
                        let _ = writeln!(
                            out,
                            "WARNING: cannot start the watchdog ({e}): should this job be killed outright, its tools may outlive it"
                        );
                    })
                    .ok()
            });
            let mut runner = Runner::new(
                env,
                masker.clone(),
                settings.timeout,
                interrupts,
                &stages::hidden_from_tools(registry),
                api.token.as_ref().map(Token::expose),
            );
            runner.watchdog = watchdog;
            let mut cx = StageCx {
                name: stage.name(),
                ctx: &ctx,
                env,
                forge: &forge,
                rt: &rt,
                log: &mut *out,
                folds: &style,
                runner,
                working_dir: settings.working_directory.clone().unwrap_or_default(),
                installation: installation.clone(),
            };
            let report = stage.run(&mut cx, matches)?;
            // Every secret the run knows, those it found while running (a derived
            // kubeconfig's credentials, decrypted values) included: the publisher masks the
            // report with it, once.
            let masker = cx.runner.masker.clone();
            drop(cx);
            let publication = Publication {
                ctx: &ctx,
                forge: &forge,
                rt: &rt,
                stage: stage.name(),
                decision: &decision,
                comment: settings.comment,
                sinks: &sinks,
                masker: &masker,
            };
            publication
                .publish(&report, out)
                .map_err(StageError::Failed)?;
            if report.success {
                let _ = writeln!(out, "{}: {}", stage.name(), report.headline);
                Ok(0)
            } else {
                Err(StageError::Failed(anyhow::anyhow!(
                    "{}: {}",
                    stage.name(),
                    report.headline
                )))
            }
        }
    }
}

/// Each installation's decision: the rules of `base` scoped to its trigger paths, the change
/// set looked up at most once through `lookup` (an event that decides alone needs none).
fn decide_installations<'a>(
    all: &'a [crate::installations::Installation],
    base: &Rules,
    kind: EventKind,
    event_text: &str,
    changes: &mut Option<ChangeSet>,
    lookup: &mut dyn FnMut() -> ChangeSet,
) -> Result<Vec<(&'a crate::installations::Installation, Decision)>, StageError> {
    let mut out = Vec::new();
    for inst in all {
        let mut rules = base.clone();
        rules.paths = inst.filter()?;
        let d = match decision::decide_by_event(kind, event_text, &rules) {
            Some(d) => d,
            None => {
                let c = changes.get_or_insert_with(&mut *lookup);
                decision::decide(kind, event_text, c, &rules)
            }
        };
        out.push((inst, d));
    }
    Ok(out)
}

/// Why an installation runs or not: its verdict and reason, then each matched file with the
/// pattern, and the module chain where a module made the file count. File names come from the
/// change: made one line, so no control character reaches a terminal or a log.
fn installation_lines(inst: &crate::installations::Installation, d: &Decision) -> Vec<String> {
    let (word, _) = verdict_label(&d.verdict);
    let mut lines = vec![format!("  {word} {}: {}", inst.name, d.reason)];
    for m in &d.matched {
        let file = crate::text::one_line(&m.file.to_string());
        let via = inst
            .module_chain(&m.file.path)
            .map(|u| format!(", a module of {}", u.chain.join(" → ")))
            .unwrap_or_default();
        lines.push(format!("      - {file}  ({}{via})", m.pattern));
    }
    lines
}

/// `explain`: every stage's decision for the current checkout or CI run, with one change-set
/// lookup shared by all stages.
pub fn explain(
    args: CommonArgs,
    invoked: Invoked<'_>,
    out: &mut dyn Write,
) -> Result<u8, StageError> {
    let Invoked {
        registry,
        parsed,
        env,
        cwd,
        exe: _,
        tty,
    } = invoked;
    let explicit_run_on = args.run_on.is_some();
    let base = Settings::resolve(args, parsed, &[], cwd)?;
    let rt = runtime()?;
    let color = tty && env.get(vars::NO_COLOR).is_none();
    let paint = |text: &str, code: &str| publish::paint(text, code, color);
    let write = |out: &mut dyn Write, s: String| {
        writeln!(out, "{s}").map_err(|e| StageError::Failed(e.into()))
    };

    let Found {
        ctx,
        api,
        forge,
        notes,
        early: _,
    } = rt.block_on(context_for(&base, env, None))?;
    let kind = ctx.event_kind();
    let event_text = ctx.describe_event();
    let mut decisions: Vec<(&str, Decision)> = Vec::new();
    let mut changes: Option<ChangeSet> = None;
    let mut lookup = || {
        let list = forge.changed_files(&ctx, api.changes_budget);
        rt.block_on(changes::resolve(&ctx, async {
            list.await.map_err(|e| e.to_string())
        }))
    };
    for stage in registry {
        let mut rules = base.rules.clone();
        if !explicit_run_on {
            rules.run_on = stage.default_run_on().to_vec();
        }
        let d = match decision::decide_by_event(kind, &event_text, &rules) {
            Some(d) => d,
            None => {
                let c = changes.get_or_insert_with(&mut lookup);
                decision::decide(kind, &event_text, c, &rules)
            }
        };
        decisions.push((stage.name(), d));
    }
    // A fleet: each installation's decision too, on the same change set (what `matrix` says).
    let installations = crate::installations::discover(&ctx.workspace)?;
    let fleet = installations.len() > 1 || installations.iter().any(|i| i.declared_in.is_some());
    let per_installation = if fleet {
        let mut rules = base.rules.clone();
        if !explicit_run_on {
            rules.run_on = stages::REVIEW_EVENTS.to_vec();
        }
        decide_installations(
            &installations,
            &rules,
            kind,
            &event_text,
            &mut changes,
            &mut lookup,
        )?
    } else {
        Vec::new()
    };
    let notes = all_notes(notes, changes.as_ref());
    write(
        out,
        format!(
            "{} {} ({} on {})",
            paint("kkp-delivery explain:", "1"),
            event_text,
            ctx.trigger,
            ctx.platform
        ),
    )?;
    match &changes {
        Some(ChangeSet::Known { files, source, .. }) => write(
            out,
            format!(
                "changes: {} file{} from {source}",
                files.len(),
                if files.len() == 1 { "" } else { "s" }
            ),
        )?,
        Some(ChangeSet::Unknown { why }) => write(out, format!("changes: unknown: {why}"))?,
        Some(ChangeSet::NotApplicable { why }) => {
            write(out, format!("changes: not checked: {why}"))?
        }
        None => write(
            out,
            "changes: not needed, the event decides every stage".to_owned(),
        )?,
    }
    for note in &notes {
        write(out, format!("{}: {note}", paint("note", "33")))?;
    }
    write(out, String::new())?;
    let width = registry.iter().map(|s| s.name().len()).max().unwrap_or(0);
    for (name, d) in &decisions {
        let (word, code) = verdict_label(&d.verdict);
        write(
            out,
            format!("  {} {:width$}  {}", paint(word, code), name, d.reason),
        )?;
    }
    let matched: Vec<_> = decisions
        .iter()
        .flat_map(|(_, d)| d.matched.iter())
        .collect();
    if !matched.is_empty() {
        write(out, String::new())?;
        write(out, "matched files:".to_owned())?;
        let mut seen = std::collections::BTreeSet::new();
        for m in matched {
            if seen.insert((m.file.to_string(), m.pattern.clone())) {
                // File names come from the change: no control character reaches a terminal.
                write(
                    out,
                    format!(
                        "  - {}  ({})",
                        crate::text::one_line(&m.file.to_string()),
                        m.pattern
                    ),
                )?;
            }
        }
    }
    if !per_installation.is_empty() {
        write(out, String::new())?;
        write(
            out,
            "installations (each stage takes --installation / KKP_INSTALLATION; `kkp-delivery matrix` fans them out):".to_owned(),
        )?;
        for (inst, d) in &per_installation {
            for line in installation_lines(inst, d) {
                write(out, line)?;
            }
        }
    }
    Ok(0)
}

/// How `matrix` prints the installations to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatrixFormat {
    /// `{"include":[{"installation":…,"terraform-dir":…}]}`, for GitHub's `strategy.matrix`
    /// (`fromJSON`).
    Json,
    /// One name a line, for a shell loop or Bitbucket's parallel steps.
    List,
    /// A GitLab child pipeline (`trigger: include: artifact:`): one include of
    /// [`crate::installations::GITLAB_CHILD_TEMPLATE`] per installation to run.
    Gitlab,
}

impl MatrixFormat {
    pub fn parse(v: &str) -> Option<Self> {
        match v {
            "json" => Some(Self::Json),
            "list" => Some(Self::List),
            "gitlab" => Some(Self::Gitlab),
            _ => None,
        }
    }
}

/// The GitLab child pipeline for `chosen`: the per-installation template once per
/// installation, with its name and Terraform root as inputs. With none to run, one job that
/// says so (GitLab refuses a child pipeline without jobs). Names and roots are plain (see
/// [`crate::installations::is_plain_name`]), so they need no quoting beyond YAML's. A child
/// pipeline's jobs see `parent_pipeline` as their source: a schedule (drift) or a hand-started
/// run is handed down as the `event` input, which a child could not tell otherwise.
fn gitlab_child_pipeline(
    chosen: &[&crate::installations::Installation],
    event: &str,
    kind: crate::context::EventKind,
) -> String {
    use crate::context::EventKind;
    let handed_down = match kind {
        EventKind::Schedule | EventKind::Manual => {
            format!("      event: \"{}\"\n", kind.name())
        }
        _ => String::new(),
    };
    let template = crate::installations::GITLAB_CHILD_TEMPLATE;
    let mut y = format!(
        "# Generated by `kkp-delivery matrix --format gitlab` ({}): one include of\n# {template} per installation to run.\n",
        crate::text::one_line(event).replace(['#', '\''], "")
    );
    if chosen.is_empty() {
        y.push_str("kkp-no-installation-changed:\n  script:\n    - echo \"kkp-delivery matrix: no installation to run for this event\"\n");
        return y;
    }
    y.push_str("include:\n");
    for inst in chosen {
        y.push_str(&format!(
            "  - local: {template}\n    inputs:\n      installation: \"{}\"\n      terraform-dir: \"{}\"\n{handed_down}",
            inst.name, inst.terraform_root
        ));
    }
    y
}

/// `matrix`: the repository's installations to run for this event, decided in one pass over
/// one change set (one API listing, whatever the number of installations). The machine form
/// goes to `out`; why each installation runs or not (the matched files, and the module chain
/// that made a file count) goes to `why`. On GitHub the matrix is also the step output
/// `matrix`, and the names `installations`.
pub fn matrix(
    args: CommonArgs,
    format: MatrixFormat,
    invoked: Invoked<'_>,
    out: &mut dyn Write,
    why: &mut dyn Write,
) -> Result<u8, StageError> {
    let Invoked {
        registry: _,
        parsed,
        env,
        cwd,
        exe: _,
        tty: _,
    } = invoked;
    let base = Settings::resolve(args, parsed, stages::REVIEW_EVENTS, cwd)?;
    let rt = runtime()?;
    let Found {
        ctx,
        api,
        forge,
        notes,
        early: _,
    } = rt.block_on(context_for(&base, env, None))?;
    let all = crate::installations::discover(&ctx.workspace)?;
    if all.is_empty() {
        return Err(crate::error::UsageError::missing(
            "--working-directory",
            "no folder under terraform/ holds .tf or .tofu files: there is no installation",
        )
        .into());
    }
    let kind = ctx.event_kind();
    let event_text = ctx.describe_event();
    let mut changes: Option<ChangeSet> = None;
    let w = |out: &mut dyn Write, s: String| {
        writeln!(out, "{s}").map_err(|e| StageError::Failed(e.into()))
    };
    w(
        why,
        format!(
            "kkp-delivery matrix: {event_text} ({} on {})",
            ctx.trigger, ctx.platform
        ),
    )?;
    let mut lookup = || {
        let list = forge.changed_files(&ctx, api.changes_budget);
        rt.block_on(changes::resolve(&ctx, async {
            list.await.map_err(|e| e.to_string())
        }))
    };
    let decided = decide_installations(
        &all,
        &base.rules,
        kind,
        &event_text,
        &mut changes,
        &mut lookup,
    )?;
    let mut chosen = Vec::new();
    for (inst, d) in &decided {
        for line in installation_lines(inst, d) {
            w(why, line)?;
        }
        if d.verdict == Verdict::Run {
            chosen.push(*inst);
        }
    }
    for note in all_notes(notes, changes.as_ref()) {
        w(why, format!("  note: {note}"))?;
    }
    let include: Vec<serde_json::Value> = chosen
        .iter()
        .map(|i| serde_json::json!({"installation": i.name, "terraform-dir": i.terraform_root}))
        .collect();
    let json = serde_json::json!({ "include": include }).to_string();
    let names: Vec<&str> = chosen.iter().map(|i| i.name.as_str()).collect();
    match format {
        MatrixFormat::Json => w(out, json.clone())?,
        MatrixFormat::List => {
            for n in &names {
                w(out, (*n).to_owned())?;
            }
        }
        MatrixFormat::Gitlab => w(out, gitlab_child_pipeline(&chosen, &event_text, kind))?,
    }
    if let (crate::context::Platform::GitHub, Some(path)) =
        (ctx.platform, env.get(vars::GITHUB_OUTPUT))
    {
        let mut o = crate::report::model::Outputs::default();
        o.set("matrix", json);
        o.set("installations", names.join(" "));
        o.set("count", names.len().to_string());
        crate::platform::github::publish::write_outputs(std::path::Path::new(path), &o)
            .map_err(StageError::Failed)?;
    }
    Ok(0)
}
