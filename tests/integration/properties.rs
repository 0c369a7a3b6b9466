//! Property tests over what parses or encodes untrusted input: event payloads and CI
//! variables, `show -json` plans, `validate -json` output, the glob rules (against a
//! brute-force reference matcher), the workflow-command encoder (round trip against the
//! runner's decoding rules) and the dotenv writer.
//!
//! Budget: every property runs `CASES` cases per test run (recorded in docs/RELIABILITY.md).
//! Failures proptest finds are kept in `tests/fixtures/proptest-regressions/` and replayed
//! first on every run.

use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use serde_json::Value;

use kkp_delivery::changes::filter::PathFilter;
use kkp_delivery::context::{DetectOptions, Platform};
use kkp_delivery::env::Env;
use kkp_delivery::report::annotations::{escape_data, escape_property};
use kkp_delivery::report::model::Outputs;
use kkp_delivery::tools::plan::summarise;
use kkp_delivery::tools::terraform::{repo_path, ValidateOutput};

/// Cases per property per run.
pub const CASES: u32 = 512;

fn config(name: &'static str) -> Config {
    Config {
        cases: CASES,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            // One file per property, relative to the package root.
            Box::leak(format!("tests/fixtures/proptest-regressions/{name}.txt").into_boxed_str()),
        ))),
        ..Config::default()
    }
}

/// Any JSON value, a few levels deep, with the keys real payloads use mixed in.
fn json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("number".to_owned()),
        Just("pull_request".to_owned()),
        Just("base".to_owned()),
        Just("head".to_owned()),
        Just("sha".to_owned()),
        Just("ref".to_owned()),
        Just("before".to_owned()),
        Just("after".to_owned()),
        Just("repository".to_owned()),
        Just("default_branch".to_owned()),
        Just("merge_group".to_owned()),
        Just("forced".to_owned()),
        Just("deleted".to_owned()),
        Just("created".to_owned()),
        "[a-z_]{1,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,40}".prop_map(Value::String),
        "[0-9a-f]{40}".prop_map(Value::String),
        Just(Value::String(
            "0000000000000000000000000000000000000000".into()
        )),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn detect_github(payload: &Value, event: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("event.json");
    std::fs::write(&path, payload.to_string()).unwrap();
    let env = Env::from_pairs([
        ("GITHUB_ACTIONS", "true".to_owned()),
        ("GITHUB_EVENT_NAME", event.to_owned()),
        ("GITHUB_EVENT_PATH", path.display().to_string()),
        ("GITHUB_REPOSITORY", "acme/kkp".to_owned()),
        ("GITHUB_REF", "refs/heads/main".to_owned()),
    ]);
    let opts = DetectOptions {
        platform: Some(Platform::GitHub),
        workspace: dir.path().to_owned(),
        ..DetectOptions::default()
    };
    // Bad input is a usage error, never a panic; a context that comes out describes itself.
    if let Ok(ctx) = kkp_delivery::platform::detect(&env, &opts) {
        let _ = (ctx.describe_event(), ctx.event_kind(), ctx.request_number());
    }
}

proptest! {
    #![proptest_config(config("event_payloads"))]
    #[test]
    fn any_github_payload_is_an_event_or_a_usage_error(
        payload in json(),
        event in prop_oneof![
            Just("pull_request"), Just("pull_request_target"), Just("push"), Just("merge_group"),
            Just("schedule"), Just("workflow_dispatch"), Just("release"), Just("unknown_event"),
        ],
    ) {
        detect_github(&payload, event);
    }
}

proptest! {
    #![proptest_config(config("ci_variables"))]
    #[test]
    fn any_gitlab_or_bitbucket_variables_are_an_event_or_a_usage_error(
        source in prop_oneof![
            Just("push".to_owned()), Just("merge_request_event".to_owned()), Just("web".to_owned()),
            Just("schedule".to_owned()), Just("pipeline".to_owned()), Just("parent_pipeline".to_owned()),
            Just("external_pull_request_event".to_owned()), ".{0,12}",
        ],
        iid in prop_oneof![Just(String::new()), "[0-9]{1,6}", ".{0,8}"],
        sha in prop_oneof!["[0-9a-f]{40}", "0{40}", ".{0,12}"],
        branch in ".{0,20}",
    ) {
        let dir = tempfile::tempdir().unwrap();
        let gitlab = Env::from_pairs([
            ("GITLAB_CI", "true".to_owned()),
            ("CI_PIPELINE_SOURCE", source),
            ("CI_MERGE_REQUEST_IID", iid.clone()),
            ("CI_COMMIT_BEFORE_SHA", sha.clone()),
            ("CI_COMMIT_SHA", sha.clone()),
            ("CI_COMMIT_BRANCH", branch.clone()),
            ("CI_DEFAULT_BRANCH", "main".to_owned()),
            ("CI_API_V4_URL", "https://gitlab.example/api/v4".to_owned()),
            ("CI_PROJECT_ID", "42".to_owned()),
        ]);
        let bitbucket = Env::from_pairs([
            ("BITBUCKET_BUILD_NUMBER", "1".to_owned()),
            ("BITBUCKET_REPO_FULL_NAME", "acme/kkp".to_owned()),
            ("BITBUCKET_PR_ID", iid),
            ("BITBUCKET_COMMIT", sha),
            ("BITBUCKET_BRANCH", branch),
        ]);
        for (env, platform) in [(gitlab, Platform::GitLab), (bitbucket, Platform::Bitbucket)] {
            let opts = DetectOptions {
                platform: Some(platform),
                workspace: dir.path().to_owned(),
                ..DetectOptions::default()
            };
            if let Ok(ctx) = kkp_delivery::platform::detect(&env, &opts) {
                let _ = (ctx.describe_event(), ctx.event_kind());
            }
        }
    }
}

/// A plan with these resource changes, its keys in the given order.
fn plan(changes: &[(String, Vec<&str>, Value)], outputs: &[(String, Value)]) -> String {
    let rc: Vec<Value> = changes
        .iter()
        .map(|(addr, actions, after)| {
            serde_json::json!({"address": addr, "change": {"actions": actions, "before": null, "after": after, "after_unknown": {}, "before_sensitive": false, "after_sensitive": {}}})
        })
        .collect();
    let oc: serde_json::Map<String, Value> = outputs
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::json!({"actions": ["update"], "before": null, "after": v, "after_sensitive": false, "after_unknown": false})))
        .collect();
    serde_json::json!({"format_version": "1.2", "resource_changes": rc, "output_changes": oc})
        .to_string()
}

fn actions() -> impl Strategy<Value = Vec<&'static str>> {
    prop_oneof![
        Just(vec!["create"]),
        Just(vec!["update"]),
        Just(vec!["delete"]),
        Just(vec!["delete", "create"]),
        Just(vec!["create", "delete"]),
        Just(vec!["forget"]),
        Just(vec!["no-op"]),
        Just(vec!["read"]),
    ]
}

proptest! {
    #![proptest_config(config("plans"))]
    #[test]
    fn any_json_is_a_plan_summary_or_an_error(doc in json()) {
        let _ = summarise(doc.to_string().as_bytes());
    }

    #[test]
    fn the_fingerprint_ignores_order_and_sees_every_value(
        changes in prop::collection::vec(("[a-z]{1,6}\\.[a-z]{1,6}", actions(), json()), 1..8),
        outputs in prop::collection::vec(("[a-z]{1,6}", json()), 0..4),
        pick in any::<prop::sample::Index>(),
    ) {
        let mut changes: Vec<(String, Vec<&str>, Value)> = changes;
        changes.sort_by(|a, b| a.0.cmp(&b.0));
        changes.dedup_by(|a, b| a.0 == b.0);
        let mut outputs = outputs;
        outputs.sort_by(|a, b| a.0.cmp(&b.0));
        outputs.dedup_by(|a, b| a.0 == b.0);
        let a = summarise(plan(&changes, &outputs).as_bytes()).unwrap();
        let mut reversed = changes.clone();
        reversed.reverse();
        let b = summarise(plan(&reversed, &outputs).as_bytes()).unwrap();
        prop_assert_eq!(&a.fingerprint, &b.fingerprint);
        // Changing one planned value changes the fingerprint (unless that change is a no-op or
        // a read, which applies nothing).
        let i = pick.index(changes.len());
        let counted = !matches!(changes[i].1.as_slice(), ["no-op"] | ["read"]);
        changes[i].2 = serde_json::json!({"changed": changes[i].2.clone()});
        let c = summarise(plan(&changes, &outputs).as_bytes()).unwrap();
        prop_assert_eq!(a.fingerprint != c.fingerprint, counted);
    }
}

proptest! {
    #![proptest_config(config("validate_output"))]
    #[test]
    fn any_validate_output_gives_findings_inside_the_repository(
        doc in json(),
        filename in prop_oneof![".{0,30}", "(\\.\\./){1,6}[a-z]{1,8}\\.tf", "/[a-z/]{1,20}"],
        dir in "[a-z]{1,6}(/[a-z]{1,6}){0,2}",
    ) {
        if let Ok(out) = serde_json::from_value::<ValidateOutput>(doc) {
            for d in &out.diagnostics {
                let _ = d.to_finding(Path::new(&dir));
            }
        }
        let path = repo_path(Path::new(&dir), &filename);
        prop_assert!(!path.starts_with('/'), "{}", path);
        prop_assert!(!path.split('/').any(|c| c == ".."), "{}", path);
    }
}

/// The reference matcher: pattern components against path components, `**` as zero or more
/// components (one or more at the end, as globset has it), `*` as any run within a component.
fn reference(pattern: &[&str], path: &[&str]) -> bool {
    fn component(p: &str, s: &str) -> bool {
        match p.split_once('*') {
            None => p == s,
            Some((pre, rest)) => {
                s.starts_with(pre)
                    && (0..=s.len() - pre.len()).any(|i| component(rest, &s[pre.len() + i..]))
            }
        }
    }
    match (pattern.split_first(), path.split_first()) {
        (None, None) => true,
        (Some((&"**", [])), _) => !path.is_empty(),
        (Some((&"**", rest)), _) => (0..=path.len()).any(|i| reference(rest, &path[i..])),
        (Some((p, prest)), Some((s, srest))) => component(p, s) && reference(prest, srest),
        _ => false,
    }
}

fn glob_component() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("a".to_owned()),
        Just("b".to_owned()),
        Just("ab".to_owned()),
        Just("*".to_owned()),
        Just("a*".to_owned()),
        Just("*b".to_owned()),
        Just("**".to_owned()),
    ]
}

proptest! {
    #![proptest_config(config("globs"))]
    #[test]
    fn the_glob_rules_agree_with_a_brute_force_matcher(
        rules in prop::collection::vec((any::<bool>(), prop::collection::vec(glob_component(), 1..4)), 1..4),
        path in prop::collection::vec(prop_oneof![Just("a"), Just("b"), Just("ab"), Just("ba")], 1..5),
    ) {
        // `**` twice in a row is not a valid glob; keep the patterns valid.
        let rules: Vec<(bool, Vec<String>)> = rules
            .into_iter()
            .map(|(ex, mut c)| { c.dedup_by(|a, b| a == "**" && b == "**"); (ex, c) })
            .collect();
        prop_assume!(rules.iter().any(|(ex, _)| !ex));
        let texts: Vec<String> = rules
            .iter()
            .map(|(ex, c)| format!("{}{}", if *ex { "!" } else { "" }, c.join("/")))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let filter = PathFilter::from_patterns(&refs, "--paths").unwrap();
        let joined = path.join("/");
        let expected = rules
            .iter()
            .rev()
            .find(|(_, c)| reference(&c.iter().map(String::as_str).collect::<Vec<_>>(), &path))
            .is_some_and(|(ex, _)| !ex);
        prop_assert_eq!(filter.matching_pattern(&joined).is_some(), expected, "{:?} on {}", texts, joined);
    }
}

proptest! {
    #![proptest_config(Config { cases: 8 * CASES, ..config("glob_syntax") })]
    /// The trigger globs (src/changes/glob.rs) are globset's syntax and meaning, as the rules
    /// were first built on (`literal_separator`, `backslash_escape`): the same patterns are
    /// refused, and the rest match the same paths, over every construct the syntax has.
    #[test]
    fn the_glob_syntax_is_globsets(
        pattern in prop::collection::vec(prop_oneof![
            Just("a"), Just("b"), Just("/"), Just("*"), Just("**"), Just("?"), Just("["),
            Just("]"), Just("!"), Just("^"), Just("-"), Just("{"), Just("}"), Just(","),
            Just("\\"), Just("[:digit:]"), Just("1"), Just("."),
        ], 1..10),
        path in "[ab1./*,{}:\\[-]{0,12}",
    ) {
        let pattern = pattern.concat();
        let ours = kkp_delivery::changes::glob::Glob::new(&pattern).map(|g| g.is_match(&path));
        let reference = globset::GlobBuilder::new(&pattern)
            .literal_separator(true)
            .backslash_escape(true)
            .build()
            .map(|g| g.compile_matcher().is_match(&path));
        match (&ours, &reference) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b, "{} on {:?}", pattern, path),
            (Err(_), Err(_)) => {}
            _ => prop_assert!(false, "{} on {:?}: ours {:?}, globset {:?}", pattern, path, ours, reference),
        }
    }
}

/// The runner's decoding of workflow-command data and properties (actions/runner
/// `ActionCommand.Unescape*`).
fn unescape(s: &str, property: bool) -> String {
    let mut out = s.replace("%0D", "\r").replace("%0A", "\n");
    if property {
        out = out.replace("%3A", ":").replace("%2C", ",");
    }
    out.replace("%25", "%")
}

proptest! {
    #![proptest_config(config("workflow_commands"))]
    #[test]
    fn workflow_command_text_round_trips_and_never_breaks_the_line(s in ".{0,60}") {
        let data = escape_data(&s);
        prop_assert!(!data.contains('\n') && !data.contains('\r'));
        prop_assert_eq!(unescape(&data, false), s.clone());
        let prop = escape_property(&s);
        prop_assert!(!prop.contains(':') && !prop.contains(',') && !prop.contains('\n'));
        prop_assert_eq!(unescape(&prop, true), s);
    }
}

proptest! {
    #![proptest_config(config("dotenv"))]
    #[test]
    fn the_dotenv_file_has_one_line_per_output_whatever_the_values(
        values in prop::collection::vec(("[a-z][a-z-]{0,10}", ".{0,1200}"), 1..6),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut outputs = Outputs::default();
        for (k, v) in &values {
            outputs.set(k, v.clone());
        }
        let path = kkp_delivery::publish::write_dotenv(dir.path(), "terraform-plan", &outputs).unwrap();
        let text = std::fs::read_to_string(path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        prop_assert_eq!(lines.len(), outputs.iter().count(), "{}", text);
        for (line, (name, _)) in lines.iter().zip(outputs.iter()) {
            let key = format!("KKP_TERRAFORM_PLAN_{}=", name.to_ascii_uppercase().replace('-', "_"));
            prop_assert!(line.starts_with(&key), "{}", line);
            prop_assert!(line.len() <= key.len() + 1000 + 3);
        }
    }
}
