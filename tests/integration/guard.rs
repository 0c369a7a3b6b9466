//! The reviewed-plan guard against someone with comment rights on a pull/merge request, on all
//! three hosts, with real Terraform: planted plan comments before and after the bot's, an
//! older comment of the bot's own, an outputs-only change, a forget-only plan, a manual run and
//! `--force`. Each is refused with a reason; `--allow-unreviewed-changes` applies and says so.

use crate::common::{
    host_env, refs, request_event, run, terraform_env, tool, tools_dir, write_event, Host, Repo,
    Run, TOKEN,
};
use crate::forge::{Forge, BOT};

const REVIEWED: &str = "resource \"terraform_data\" \"cp\" {\n  count = 3\n  input = \"cp-${count.index}\"\n}\n\noutput \"endpoint\" {\n  value = \"https://cp.example\"\n}\n";

struct Guard {
    host: Host,
    forge: std::sync::Arc<Forge>,
    repo: Repo,
    base: String,
    head: String,
}

impl Guard {
    fn new(host: Host) -> Self {
        Self::with_forge(host, std::sync::Arc::new(Forge::start(TOKEN)))
    }

    /// Another checkout talking to the same forge (another job of the same pipeline).
    fn with_forge(host: Host, forge: std::sync::Arc<Forge>) -> Self {
        let repo = Repo::new();
        let base = repo.commit(&[("README.md", "x\n")]);
        let head = repo.commit(&[("terraform/aws/main.tf", REVIEWED)]);
        Guard {
            host,
            forge,
            repo,
            base,
            head,
        }
    }

    fn thread(&self, n: u64) -> String {
        let host = match self.host {
            Host::GitHub => "github",
            Host::GitLab => "gitlab",
            Host::Bitbucket => "bitbucket",
        };
        format!("{host}:{n}")
    }

    fn config(&self, main_tf: &str) {
        std::fs::write(self.repo.path().join("terraform/aws/main.tf"), main_tf).unwrap();
        // Every job plans afresh: no saved plan from an earlier one.
        let _ = std::fs::remove_file(self.repo.path().join("terraform/aws/kkp.tfplan"));
    }

    fn stage(&self, binary: &str, event: Vec<(&'static str, String)>, args: &[&str]) -> Run {
        let mut env = terraform_env();
        env.extend(host_env(self.host, &self.forge.url, self.repo.path()));
        env.push(("KKP_DEFAULT_BRANCH", "main".into()));
        env.extend(event);
        run(binary, args, &refs(&env), self.repo.path())
    }

    /// terraform-plan on request `n`, with the configuration as it is now.
    fn plan_on(&self, n: u64, args: &[&str]) -> Run {
        let event = request_event(self.host, n, &self.base, &self.head, self.repo.path());
        let r = self.stage("kkp-terraform-plan", event, args).expect_code(0);
        let _ = std::fs::remove_file(self.repo.path().join("terraform/aws/kkp.tfplan"));
        r
    }

    /// The body of the bot's last plan comment on request `n` (not the status comment an
    /// apply writes where the token cannot say who it is).
    fn bot_comment(&self, n: u64) -> String {
        let thread = self.thread(n);
        self.forge
            .with(|s| s.thread(&thread))
            .into_iter()
            .rfind(|c| c.author == BOT && c.body.contains("<!-- kkp-delivery:terraform-plan:"))
            .expect("the bot commented")
            .body
    }

    /// terraform-apply for a push of the reviewed commit to the default branch, brought in by
    /// request 7.
    fn apply_push(&self, args: &[&str]) -> Run {
        self.forge
            .with(|s| s.commit_prs.insert(self.head.clone(), vec![7]));
        let event = match self.host {
            Host::GitHub => {
                let payload = serde_json::json!({"ref": "refs/heads/main", "before": self.base, "after": self.head, "repository": {"default_branch": "main"}});
                vec![
                    ("GITHUB_EVENT_NAME", "push".to_owned()),
                    ("GITHUB_EVENT_PATH", write_event(self.repo.path(), &payload)),
                    ("GITHUB_SHA", self.head.clone()),
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
        };
        self.stage("kkp-terraform-apply", event, args)
    }

    /// terraform-apply in a manual run of the reviewed commit.
    fn apply_manual(&self, args: &[&str]) -> Run {
        self.forge
            .with(|s| s.commit_prs.insert(self.head.clone(), vec![7]));
        let event = match self.host {
            Host::GitHub => vec![
                ("GITHUB_EVENT_NAME", "workflow_dispatch".to_owned()),
                ("GITHUB_REF", "refs/heads/main".to_owned()),
                ("GITHUB_SHA", self.head.clone()),
            ],
            Host::GitLab => vec![
                ("CI_PIPELINE_SOURCE", "web".to_owned()),
                ("CI_COMMIT_BRANCH", "main".to_owned()),
                ("CI_COMMIT_SHA", self.head.clone()),
            ],
            Host::Bitbucket => vec![
                ("BITBUCKET_BRANCH", "main".to_owned()),
                ("BITBUCKET_COMMIT", self.head.clone()),
                ("KKP_EVENT", "manual".to_owned()),
            ],
        };
        self.stage("kkp-terraform-apply", event, args)
    }

    fn applied(&self) -> bool {
        self.repo
            .path()
            .join("terraform/aws/terraform.tfstate")
            .exists()
    }
}

/// Refused, saying `why`, and nothing applied.
fn refused(g: &Guard, r: Run, why: &str, case: &str) {
    let r = r.expect_code(1);
    assert!(
        r.stderr.contains(why) || r.stdout.contains(why),
        "{:?} {case}: expected {why:?}:\n{}\n{}",
        g.host,
        r.stdout,
        r.stderr
    );
    assert!(!g.applied(), "{:?} {case}: nothing may be applied", g.host);
}

fn the_guard_holds_on(host: Host) {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let g = Guard::new(host);
    // The plan an attacker wants applied: one more control plane.
    let wanted = REVIEWED.replace("count = 3", "count = 4");
    g.config(&wanted);
    g.plan_on(8, &[]);
    let forged = g.bot_comment(8);

    // A participant plants the wanted plan's comment on #7 before the bot's …
    g.forge
        .with(|s| s.add_comment_by(&g.thread(7), "mallory", &forged));
    g.config(REVIEWED);
    g.plan_on(7, &[]);
    // … and after it.
    g.forge
        .with(|s| s.add_comment_by(&g.thread(7), "mallory", &forged));
    assert!(
        g.forge
            .with(|s| s.thread(&g.thread(7))[0].author == "mallory"),
        "the bot never edits someone else's comment"
    );
    g.config(&wanted);
    refused(
        &g,
        g.apply_push(&[]),
        "the plan differs from the one reviewed on",
        "planted comments",
    );

    // An older comment of the bot's own for the wanted plan: the most recent one counts.
    g.forge
        .with(|s| s.add_comment_by(&g.thread(7), BOT, &forged));
    g.config(REVIEWED);
    g.plan_on(7, &["--comment", "new"]);
    g.config(&wanted);
    refused(
        &g,
        g.apply_push(&[]),
        "the plan differs from the one reviewed on",
        "an older bot comment",
    );

    // Only an output changes (kubeone reads outputs): still a different plan.
    g.config(&REVIEWED.replace("https://cp.example", "https://evil.example"));
    refused(
        &g,
        g.apply_push(&[]),
        "output.endpoint",
        "outputs-only change",
    );

    // Only forgetting a resource: still a different plan.
    g.config(&format!(
        "{REVIEWED}\nremoved {{\n  from = terraform_data.cp\n\n  lifecycle {{\n    destroy = false\n  }}\n}}\n"
    ).replace("resource \"terraform_data\" \"cp\" {\n  count = 3\n  input = \"cp-${count.index}\"\n}\n", ""));
    // (Nothing is in the state yet, so forgetting needs something to forget: apply the
    // reviewed plan first, as the default branch would.)
    let forget = std::fs::read_to_string(g.repo.path().join("terraform/aws/main.tf")).unwrap();
    g.config(REVIEWED);
    g.apply_push(&[]).expect_code(0);
    g.config(&forget);
    let r = g.apply_push(&[]).expect_code(1);
    assert!(
        r.stdout.contains("forget") && r.stderr.contains("differs from the one reviewed"),
        "{host:?} forget-only plan: {}\n{}",
        r.stdout,
        r.stderr
    );

    // A manual run, and --force, run the guard too.
    g.config(&wanted);
    let r = g.apply_manual(&["--force"]).expect_code(1);
    assert!(
        r.stderr.contains("differs from the one reviewed on"),
        "{host:?} manual --force: {}",
        r.stderr
    );

    // Only --allow-unreviewed-changes applies, and says so loudly.
    let r = g
        .apply_manual(&["--allow-unreviewed-changes"])
        .expect_code(0);
    assert!(
        r.stdout
            .contains("AN UNREVIEWED PLAN IS APPLIED on a manual run"),
        "{host:?}: {}",
        r.stdout
    );
}

#[test]
fn the_guard_holds_on_github() {
    the_guard_holds_on(Host::GitHub);
}

#[test]
fn the_guard_holds_on_gitlab() {
    the_guard_holds_on(Host::GitLab);
}

#[test]
fn the_guard_holds_on_bitbucket() {
    the_guard_holds_on(Host::Bitbucket);
}

#[test]
fn an_actions_token_identifies_as_github_actions_bot() {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let g = Guard::new(Host::GitHub);
    g.forge.with(|s| s.gh_actions_token = true);
    // Someone else's comment with the marker is never taken for the bot's own.
    g.forge.with(|s| {
        s.add_comment_by(
            "github:7",
            "kkp-bot",
            "<!-- kkp-delivery:terraform-plan:terraform/aws -->\nnot the Actions bot",
        )
    });
    g.plan_on(7, &[]);
    let thread = g.forge.with(|s| s.thread("github:7"));
    assert_eq!(thread.len(), 2, "{thread:?}");
    assert_eq!(thread[1].author, "github-actions[bot]");
    assert!(thread[0].body.contains("not the Actions bot"), "untouched");
    g.apply_push(&[]).expect_code(0);
}

#[test]
fn concurrent_plans_leave_one_sticky_comment() {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let g = Guard::new(Host::GitHub);
    let other = Guard::with_forge(Host::GitHub, g.forge.clone());
    // Two runs of the same stage at once: each may create its own comment before it sees the
    // other's; the one that finds a duplicate removes it.
    for _ in 0..3 {
        std::thread::scope(|s| {
            let a = s.spawn(|| g.plan_on(7, &[]));
            let b = s.spawn(|| other.plan_on(7, &[]));
            a.join().unwrap();
            b.join().unwrap();
        });
    }
    let own: Vec<_> = g
        .forge
        .with(|s| s.thread("github:7"))
        .into_iter()
        .filter(|c| c.author == BOT)
        .collect();
    assert_eq!(own.len(), 1, "{own:?}");
}

/// A plan that fails where Terraform validates it: a reference to an undeclared resource at
/// main.tf line 2.
const BROKEN: &str = "resource \"terraform_data\" \"cp\" {\n  input = missing_resource.x.id\n}\n";

/// The reviewed configuration plus a resource whose creation fails after `seconds` (a
/// provisioner that exits 3): a plan that reviews fine and an apply that fails.
fn failing_apply(seconds: u32) -> String {
    format!(
        "{REVIEWED}\nresource \"terraform_data\" \"boom\" {{\n  provisioner \"local-exec\" {{\n    command = \"sleep {seconds}; exit 3\"\n  }}\n}}\n"
    )
}

impl Guard {
    /// terraform-plan on request `n` that fails.
    fn plan_failing(&self, n: u64, args: &[&str]) -> Run {
        let event = request_event(self.host, n, &self.base, &self.head, self.repo.path());
        self.stage("kkp-terraform-plan", event, args).expect_code(1)
    }

    /// The bot's plan comments on request `n`, oldest first.
    fn bot_comments(&self, n: u64) -> Vec<String> {
        let thread = self.thread(n);
        self.forge
            .with(|s| s.thread(&thread))
            .into_iter()
            .filter(|c| c.author == BOT && c.body.contains("<!-- kkp-delivery:terraform-plan:"))
            .map(|c| c.body)
            .collect()
    }
}

/// The plan comment through its life on `host`: planned (commit, run, settings), failed
/// (annotation at the file and line, the summary, the comment in a failed state keeping the
/// last good plan folded as superseded), planned again, applied (with the outputs), no
/// changes, `changes-only`, applying and apply failed, and outdated by a newer plan.
fn the_comment_follows_the_plan_on(host: Host) {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let snap = |name: &str, body: &str| {
        if host == Host::GitHub {
            crate::common::snapshot(name, body);
        }
    };
    let g = Guard::new(host);
    g.plan_on(7, &[]);
    let planned = g.bot_comment(7);
    assert!(planned.contains("<!-- kkp-fingerprint:"), "{planned}");
    let commit_link = match host {
        Host::GitHub => format!("https://github.com/acme/kkp/commit/{}", g.head),
        Host::GitLab => format!("https://gitlab.example/acme/kkp/-/commit/{}", g.head),
        Host::Bitbucket => format!("https://bitbucket.org/acme/kkp/commits/{}", g.head),
    };
    assert!(
        planned.contains(&format!("Commit [`{}`]({commit_link})", &g.head[..7])),
        "{host:?}: the commit, short and linked: {planned}"
    );
    let run_link = match host {
        Host::GitHub => "[workflow run](https://github.com/acme/kkp/actions/runs/4242)",
        Host::GitLab => "[job](https://gitlab.example/acme/kkp/-/jobs/99)",
        Host::Bitbucket => "[pipeline](https://bitbucket.org/acme/kkp/pipelines/results/17)",
    };
    assert!(planned.contains(run_link), "{host:?}: {planned}");
    assert!(
        planned.contains("workspace `default`") && planned.contains("backend as in the code"),
        "{planned}"
    );
    snap("comment_planned", &planned);

    // A plan that fails at validation: annotation, summary, failed comment.
    g.config(BROKEN);
    let r = g.plan_failing(7, &[]);
    let failed = g.bot_comment(7);
    assert_eq!(g.bot_comments(7).len(), 1, "{host:?}: one comment, edited");
    assert!(
        !failed.contains("<!-- kkp-fingerprint:"),
        "{host:?}: a failed plan is never a reviewed one: {failed}"
    );
    assert!(
        failed.contains("### ❌ `terraform plan` in `terraform/aws` failed")
            && failed.contains("`terraform/aws/main.tf:2` **Reference to undeclared resource**"),
        "{host:?}: {failed}"
    );
    assert!(
        failed.contains("The last successful plan: superseded") && failed.contains("3 to create"),
        "{host:?}: the last good plan is kept, folded, as superseded: {failed}"
    );
    snap("comment_failed", &failed);
    match host {
        Host::GitHub => {
            assert!(
                r.stdout.contains("::error title=Reference to undeclared resource,file=terraform/aws/main.tf,line=2"),
                "{}",
                r.stdout
            );
            assert!(
                r.summary.contains("failed")
                    && r.summary.contains("Reference to undeclared resource"),
                "{}",
                r.summary
            );
        }
        Host::GitLab => {
            let report =
                std::fs::read_to_string(g.repo.path().join("kkp-terraform-plan-codequality.json"))
                    .unwrap();
            assert!(
                report.contains("terraform/aws/main.tf")
                    && report.contains("Reference to undeclared resource"),
                "{report}"
            );
            let _ = std::fs::remove_file(g.repo.path().join("kkp-terraform-plan-codequality.json"));
        }
        Host::Bitbucket => {
            let (reports, annotations) = g
                .forge
                .with(|s| (s.bb_reports.clone(), s.bb_annotations.clone()));
            let (key, report) = reports
                .iter()
                .find(|(k, _)| k.contains("kkp-terraform-plan"))
                .expect("a Code Insights report for the failed plan");
            assert_eq!(report["result"], "FAILED", "{report}");
            let located = annotations[key].iter().any(|a| {
                a["path"] == "terraform/aws/main.tf" && a["line"] == 2 && a["severity"] == "HIGH"
            });
            assert!(located, "{:?}", annotations[key]);
        }
    }

    // A good plan again: current, nothing superseded.
    g.config(REVIEWED);
    g.plan_on(7, &[]);
    let again = g.bot_comment(7);
    assert!(
        again.contains("<!-- kkp-fingerprint:") && !again.contains("superseded"),
        "{again}"
    );

    // The apply after the merge updates the request's comment.
    g.apply_push(&[]).expect_code(0);
    let applied = g.bot_comment(7);
    assert!(
        applied.contains("✅ **Applied** (commit [`")
            && applied.contains("`endpoint` = `https://cp.example`"),
        "{host:?}: {applied}"
    );
    snap("comment_applied", &applied);

    // A plan that destroys opens with a banner.
    g.config(&REVIEWED.replace("count = 3", "count = 1"));
    g.plan_on(11, &[]);
    let destroying = g.bot_comment(11);
    assert!(
        destroying.contains("🛑 **Resource deletion will happen**: 2 to delete"),
        "{destroying}"
    );
    g.config(REVIEWED);

    // No changes: a comment that says so; with changes-only, none on a request without one,
    // and an existing one kept current.
    g.plan_on(9, &[]);
    let quiet = g.bot_comment(9);
    assert!(quiet.contains("terraform/aws: no changes"), "{quiet}");
    snap("comment_no_changes", &quiet);
    g.plan_on(10, &["--comment", "changes-only"]);
    assert!(
        g.bot_comments(10).is_empty(),
        "{host:?}: no comment for no changes"
    );
    g.plan_on(9, &["--comment", "changes-only"]);
    assert_eq!(g.bot_comments(9).len(), 1);

    // A plan reviewed, then an apply that fails: applying while it runs, then failed.
    g.config(&failing_apply(3));
    g.plan_on(7, &[]);
    let applying = std::thread::scope(|s| {
        let apply = s.spawn(|| g.apply_push(&[]).expect_code(1));
        let started = std::time::Instant::now();
        let mut seen = None;
        while seen.is_none() && started.elapsed() < std::time::Duration::from_secs(60) {
            let body = g.bot_comment(7);
            if body.contains("**Applying**") {
                seen = Some(body);
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let r = apply.join().unwrap();
        assert!(r.stderr.contains("local-exec"), "{}", r.stderr);
        seen.expect("the comment said applying while the apply ran")
    });
    snap("comment_applying", &applying);
    let apply_failed = g.bot_comment(7);
    assert!(
        apply_failed.contains("❌ **Apply failed**") && apply_failed.contains("local-exec"),
        "{host:?}: {apply_failed}"
    );
    snap("comment_apply_failed", &apply_failed);

    // A newer plan with --comment new: the older comment is marked outdated and loses its
    // fingerprint.
    g.plan_on(7, &["--comment", "new"]);
    let all = g.bot_comments(7);
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(
        all[0].contains("**Outdated**") && !all[0].contains("<!-- kkp-fingerprint:"),
        "{}",
        all[0]
    );
    assert!(!all[1].contains("Outdated") && all[1].contains("<!-- kkp-fingerprint:"));
    snap("comment_outdated", &all[0]);
}

#[test]
fn the_comment_follows_the_plan_on_github() {
    the_comment_follows_the_plan_on(Host::GitHub);
}

#[test]
fn the_comment_follows_the_plan_on_gitlab() {
    the_comment_follows_the_plan_on(Host::GitLab);
}

#[test]
fn the_comment_follows_the_plan_on_bitbucket() {
    the_comment_follows_the_plan_on(Host::Bitbucket);
}

/// A GitHub App's installation token (`GET /user` refused) and a Bitbucket access token
/// (`GET /2.0/user` refused with 401), with no `--bot-login`: the plan writes one comment and
/// edits it on the next run; the apply finds it and refuses a changed plan.
#[test]
fn tokens_that_cannot_say_who_they_are_still_keep_one_comment_and_the_guard() {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    for host in [Host::GitHub, Host::Bitbucket] {
        let g = Guard::new(host);
        let bot = match host {
            Host::GitHub => {
                g.forge.with(|s| s.gh_app_bot = Some("kkp-app[bot]"));
                "kkp-app[bot]"
            }
            _ => BOT,
        };
        g.plan_on(7, &[]);
        g.plan_on(7, &[]);
        let own: Vec<_> = g
            .forge
            .with(|s| s.thread(&g.thread(7)))
            .into_iter()
            .filter(|c| c.author == bot)
            .collect();
        assert_eq!(own.len(), 1, "{host:?}: one comment, edited: {own:?}");
        assert!(own[0].body.contains("<!-- kkp-fingerprint:"));
        g.config(&REVIEWED.replace("count = 3", "count = 5"));
        refused(
            &g,
            g.apply_push(&[]),
            "the plan differs from the one reviewed on",
            "a token that cannot say who it is",
        );
        g.config(REVIEWED);
        g.apply_push(&[]).expect_code(0);
    }
    // A Bitbucket API token, a user's (`email:token`, Basic auth): `GET /2.0/user` answers it.
    let g = Guard::new(Host::Bitbucket);
    for _ in 0..2 {
        let mut event = request_event(Host::Bitbucket, 7, &g.base, &g.head, g.repo.path());
        event.push((
            "BITBUCKET_ACCESS_TOKEN",
            format!("kkp-bot@example.com:{}", crate::common::TOKEN),
        ));
        g.stage("kkp-terraform-plan", event, &[]).expect_code(0);
        let _ = std::fs::remove_file(g.repo.path().join("terraform/aws/kkp.tfplan"));
    }
    assert_eq!(g.bot_comments(7).len(), 1);
    assert!(g.forge.with(|s| s.thread("bitbucket:7").len()) == 1);
}

/// The knobs: a workspace, var files and targets appear in the comment; two workspaces of one
/// root keep two comments and two fingerprints; an apply whose var file differs from the
/// reviewed plan's is refused, naming it; `--variables` never reach a log or a comment.
#[test]
fn the_knobs_are_shown_kept_apart_per_workspace_and_checked_by_the_apply() {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let g = Guard::new(Host::GitHub);
    let root = g.repo.path().join("terraform/aws");
    std::fs::write(root.join("prod.tfvars"), "n = 2\n").unwrap();
    std::fs::write(root.join("stage.tfvars"), "n = 1\n").unwrap();
    g.config(
        "variable \"n\" {}\nvariable \"word\" {\n  default = \"\"\n}\nresource \"terraform_data\" \"cp\" {\n  count = var.n\n  input = \"cp-${count.index}\"\n}\noutput \"word\" {\n  value = var.word\n}\n",
    );
    let secret = "hunter2-very-secret-word";
    let variables = format!("word = \"{secret}\"\n");
    let r = g.plan_on(
        8,
        &[
            "--workspace",
            "staging",
            "--var-file",
            "terraform/aws/prod.tfvars",
            "--target",
            "terraform_data.cp",
            "--variables",
            &variables,
        ],
    );
    let shown = g.bot_comment(8);
    assert!(
        shown.contains("workspace `staging`")
            && shown.contains("var files `terraform/aws/prod.tfvars`")
            && shown.contains("targets `terraform_data.cp`")
            && shown.contains("variables `word` (values not shown)"),
        "{shown}"
    );
    assert!(
        !r.all_text().contains(secret) && !shown.contains(secret),
        "the variables' values are never shown:\n{}",
        r.all_text()
    );

    // Two workspaces of one root: two comments, two fingerprints.
    g.plan_on(
        7,
        &[
            "--workspace",
            "staging",
            "--var-file",
            "terraform/aws/stage.tfvars",
        ],
    );
    g.plan_on(
        7,
        &[
            "--workspace",
            "prod",
            "--var-file",
            "terraform/aws/prod.tfvars",
        ],
    );
    let both = g.bot_comments(7);
    assert_eq!(both.len(), 2, "{both:?}");
    let fingerprint = |b: &str| {
        b.split("<!-- kkp-fingerprint:")
            .nth(1)
            .and_then(|r| r.split(" -->").next())
            .unwrap()
            .to_owned()
    };
    assert_ne!(fingerprint(&both[0]), fingerprint(&both[1]));
    assert!(both[0].contains("terraform-plan:terraform/aws#staging -->"));
    assert!(both[1].contains("terraform-plan:terraform/aws#prod -->"));

    // The apply with another var file than the reviewed plan's is refused, saying which.
    let r = g
        .apply_push(&[
            "--workspace",
            "staging",
            "--var-file",
            "terraform/aws/prod.tfvars",
        ])
        .expect_code(1);
    assert!(
        r.all_text().contains("was made with other settings")
            && r.all_text().contains("--var-file: terraform/aws/prod.tfvars in this run, terraform/aws/stage.tfvars in the reviewed plan"),
        "{}",
        r.all_text()
    );
    // With the reviewed settings it applies, into the workspace's own state.
    let _ = std::fs::remove_file(root.join("kkp.tfplan"));
    g.apply_push(&[
        "--workspace",
        "staging",
        "--var-file",
        "terraform/aws/stage.tfvars",
    ])
    .expect_code(0);
    assert!(root
        .join("terraform.tfstate.d/staging/terraform.tfstate")
        .is_file());

    // A var file outside the repository, or missing, is bad input.
    let r = g.stage(
        "kkp-terraform-plan",
        request_event(Host::GitHub, 7, &g.base, &g.head, g.repo.path()),
        &["--var-file", "../../etc/passwd"],
    );
    let r = r.expect_code(2);
    assert!(
        r.stderr.contains("--var-file (KKP_VAR_FILE)"),
        "{}",
        r.stderr
    );
}

/// `--engine`: a root with `.tofu` files is planned with OpenTofu's `tofu` executable, and
/// every message and the comment say so. No OpenTofu binary installs here: the real Terraform
/// runs under the name `tofu` (it ignores the `.tofu` file, which only decides the engine).
#[test]
fn a_root_with_tofu_files_is_planned_with_opentofu() {
    let Some(terraform) = tool(&tools_dir().join("bin/terraform")) else {
        return;
    };
    let g = Guard::new(Host::GitHub);
    std::fs::write(
        g.repo.path().join("terraform/aws/versions.tofu"),
        "# OpenTofu reads this file; Terraform does not.\n",
    )
    .unwrap();
    let bin = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(&terraform, bin.path().join("tofu")).unwrap();
    let mut event = request_event(Host::GitHub, 7, &g.base, &g.head, g.repo.path());
    event.push((
        "PATH",
        format!(
            "{}:{}",
            bin.path().display(),
            std::env::var("PATH").unwrap()
        ),
    ));
    let r = g
        .stage("kkp-terraform-plan", event.clone(), &[])
        .expect_code(0);
    assert!(
        r.stdout.contains("tofu init") && r.stdout.contains("tofu plan"),
        "{}",
        r.stdout
    );
    let body = g.bot_comment(7);
    assert!(
        body.contains("### 📋 `tofu plan` in `terraform/aws`")
            && body.contains("**terraform/aws (OpenTofu): 3 to create"),
        "{body}"
    );
    assert_eq!(r.output("has-changes").as_deref(), Some("true"));
    let _ = std::fs::remove_file(g.repo.path().join("terraform/aws/kkp.tfplan"));
    // --engine terraform overrides the files.
    let r = g
        .stage("kkp-terraform-plan", event, &["--engine", "terraform"])
        .expect_code(0);
    assert!(r.stdout.contains("terraform plan"), "{}", r.stdout);
    assert!(g.bot_comment(7).contains("`terraform plan` in"));
}

/// GitLab's `CI_JOB_TOKEN` cannot read or write merge request notes: with it alone, the plan
/// says at once that terraform-apply will refuse, naming the variable to set.
#[test]
fn a_gitlab_job_token_alone_says_the_apply_will_refuse() {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let g = Guard::new(Host::GitLab);
    let mut event = request_event(Host::GitLab, 7, &g.base, &g.head, g.repo.path());
    event.push(("GITLAB_TOKEN", String::new()));
    let r = g.stage("kkp-terraform-plan", event, &[]).expect_code(0);
    assert!(
        r.stdout
            .contains("terraform-apply will refuse to apply this plan")
            && r.stdout.contains("set GITLAB_TOKEN"),
        "{}",
        r.stdout
    );
    assert!(g.bot_comments(7).is_empty());
}

/// `--label`: the request carries exactly one label of the plan's result, on the hosts that
/// have labels; Bitbucket says it has none.
#[test]
fn the_request_is_labelled_with_the_plans_result() {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    for host in [Host::GitHub, Host::GitLab, Host::Bitbucket] {
        let g = Guard::new(host);
        let labels = || {
            g.forge
                .with(|s| s.labels.get(&g.thread(7)).cloned().unwrap_or_default())
        };
        let r = g.plan_on(7, &["--label", "plan"]);
        if host == Host::Bitbucket {
            assert!(
                r.stdout.contains("Bitbucket has no pull request labels"),
                "{}",
                r.stdout
            );
            continue;
        }
        assert_eq!(labels(), vec!["plan:changes"], "{host:?}");
        g.config(BROKEN);
        g.plan_failing(7, &["--label", "plan"]);
        assert_eq!(labels(), vec!["plan:failed"], "{host:?}");
        // A failed plan is never applied: planned again, then applied.
        g.config(REVIEWED);
        refused(
            &g,
            g.apply_push(&[]),
            "its last plan failed",
            "after a failed plan",
        );
        g.plan_on(7, &["--label", "plan"]);
        assert_eq!(labels(), vec!["plan:changes"], "{host:?}");
        g.apply_push(&[]).expect_code(0);
        g.plan_on(7, &["--label", "plan"]);
        assert_eq!(labels(), vec!["plan:no-changes"], "{host:?}");
        g.config(&REVIEWED.replace("count = 3", "count = 1"));
        g.plan_on(7, &["--label", "plan"]);
        assert_eq!(labels(), vec!["plan:destroys"], "{host:?}");
    }
}

/// Drift: a scheduled plan against a state changed outside Terraform opens the installation's
/// tracking issue, a second run updates it (no duplicate), and a run after the fix closes it
/// with a comment; on Bitbucket, whose issue tracker may be off, drift fails the step and its
/// Code Insights report.
#[test]
fn a_scheduled_plan_tracks_drift_in_one_issue_per_installation() {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    for host in [Host::GitHub, Host::GitLab, Host::Bitbucket] {
        let g = Guard::new(host);
        let schedule = || match host {
            Host::GitHub => vec![
                ("GITHUB_EVENT_NAME", "schedule".to_owned()),
                ("GITHUB_REF", "refs/heads/main".to_owned()),
                ("GITHUB_SHA", g.head.clone()),
            ],
            Host::GitLab => vec![
                ("CI_PIPELINE_SOURCE", "schedule".to_owned()),
                ("CI_COMMIT_BRANCH", "main".to_owned()),
                ("CI_COMMIT_SHA", g.head.clone()),
            ],
            Host::Bitbucket => vec![
                ("BITBUCKET_BRANCH", "main".to_owned()),
                ("BITBUCKET_COMMIT", g.head.clone()),
                ("KKP_EVENT", "schedule".to_owned()),
            ],
        };
        let plan = |code: i32| {
            let r = g
                .stage("kkp-terraform-plan", schedule(), &[])
                .expect_code(code);
            let _ = std::fs::remove_file(g.repo.path().join("terraform/aws/kkp.tfplan"));
            r
        };
        // The configuration applied, then changed outside Terraform (in its state).
        g.apply_manual(&["--allow-unreviewed-changes"])
            .expect_code(0);
        let _ = std::fs::remove_file(g.repo.path().join("terraform/aws/kkp.tfplan"));
        let state = g.repo.path().join("terraform/aws/terraform.tfstate");
        let text = std::fs::read_to_string(&state).unwrap();
        std::fs::write(&state, text.replace("\"cp-0\"", "\"changed-outside\"")).unwrap();
        let open = || {
            g.forge.with(|s| {
                s.issues
                    .iter()
                    .filter(|i| i.open && i.labels.contains(&"kkp-drift".to_owned()))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        };
        if host == Host::Bitbucket {
            let r = plan(1);
            assert!(r.stderr.contains("drift: terraform/aws"), "{}", r.stderr);
            let failed = g.forge.with(|s| {
                s.bb_reports
                    .iter()
                    .any(|(k, v)| k.contains("kkp-terraform-plan") && v["result"] == "FAILED")
            });
            assert!(failed, "a failed Code Insights report");
            continue;
        }
        let r = plan(0);
        let issues = open();
        assert_eq!(issues.len(), 1, "{host:?}: {}", r.stdout);
        let first = issues[0].number;
        assert!(
            issues[0].body.contains("<!-- kkp-drift:terraform/aws -->")
                && issues[0].body.contains("to replace"),
            "{}",
            issues[0].body
        );
        assert!(r.stdout.contains("drift tracking issue"), "{}", r.stdout);
        // A second run: the same issue, updated.
        plan(0);
        let issues = open();
        assert_eq!(issues.len(), 1, "{host:?}: no duplicate");
        assert_eq!(issues[0].number, first);
        // The fix: applied again, and the next scheduled plan closes the issue with a comment.
        g.apply_manual(&["--allow-unreviewed-changes"])
            .expect_code(0);
        let _ = std::fs::remove_file(g.repo.path().join("terraform/aws/kkp.tfplan"));
        plan(0);
        assert!(open().is_empty(), "{host:?}: closed");
        let thread = match host {
            Host::GitHub => format!("github:{first}"),
            _ => format!("gitlab-issue:{first}"),
        };
        let comments = g.forge.with(|s| s.thread(&thread));
        assert!(
            comments.iter().any(|c| c.body.contains("no drift")),
            "{comments:?}"
        );
        // A clean plan with no open issue changes nothing.
        plan(0);
        assert_eq!(g.forge.with(|s| s.issues.len()), 1);
    }
}
