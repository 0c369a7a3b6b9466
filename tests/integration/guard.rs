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

    /// The body of the bot's last plan comment on request `n`.
    fn bot_comment(&self, n: u64) -> String {
        let thread = self.thread(n);
        self.forge
            .with(|s| s.thread(&thread))
            .into_iter()
            .rfind(|c| c.author == BOT)
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
