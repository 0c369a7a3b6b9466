//! Fleets: one repository with three installations (two on AWS sharing a module through
//! another, one on GCP). `kkp-delivery matrix` lists exactly the installations a pull request
//! touches, in one API listing, and says why; `--installation` scopes a stage to one.

use crate::common::{host_env, refs, request_event, run, Host, Repo, TOKEN};
use crate::forge::{files, Forge};

const AWS_ROOT: &str = "module \"net\" {\n  source = \"../modules/net\"\n}\n";

fn fleet() -> (Repo, String, String) {
    let repo = Repo::new();
    let base = repo.commit(&[
        ("terraform/aws-eu/main.tf", AWS_ROOT),
        ("terraform/aws-us/main.tf", AWS_ROOT),
        (
            "terraform/gcp/main.tf",
            "resource \"terraform_data\" \"x\" {}\n",
        ),
        (
            "terraform/modules/net/main.tf",
            "module \"subnet\" {\n  source = \"../subnet\"\n}\n",
        ),
        ("terraform/modules/subnet/main.tf", "variable \"cidr\" {}\n"),
        ("kubeone/aws-eu.yaml", "name: eu\n"),
        ("kubeone/aws-us.yaml", "name: us\n"),
        ("kubeone/gcp.yaml", "name: gcp\n"),
        ("kubermatic/gcp/values.yaml", "x: 1\n"),
    ]);
    let head = repo.commit(&[("README.md", "fleet\n")]);
    (repo, base, head)
}

/// `kkp-delivery matrix` on a GitHub pull request that changes `changed`.
fn matrix_for(changed: &[&str]) -> (String, String, usize, String) {
    let (repo, base, head) = fleet();
    let forge = Forge::start(TOKEN);
    forge.with(|s| s.gh_pulls.insert(7, files(changed)));
    let mut env = host_env(Host::GitHub, &forge.url, repo.path());
    env.extend(request_event(Host::GitHub, 7, &base, &head, repo.path()));
    let r = run("kkp-delivery", &["matrix"], &refs(&env), repo.path()).expect_code(0);
    let listings = forge.hits("/pulls/7/files").len();
    (
        r.stdout.clone(),
        r.stderr.clone(),
        listings,
        r.outputs.clone(),
    )
}

#[test]
fn the_matrix_lists_exactly_the_installations_a_change_touches() {
    // Only the GCP root: only GCP.
    let (json, why, listings, _) = matrix_for(&["terraform/gcp/main.tf"]);
    assert_eq!(
        json.trim(),
        r#"{"include":[{"installation":"gcp","terraform-dir":"terraform/gcp"}]}"#,
        "{why}"
    );
    assert_eq!(listings, 1, "one API listing for every installation");
    assert!(
        why.contains("SKIP aws-eu") && why.contains("RUN  gcp"),
        "{why}"
    );

    // A module shared through another: both AWS installations, and the chain is named.
    let (json, why, listings, outputs) = matrix_for(&["terraform/modules/subnet/main.tf"]);
    assert_eq!(
        json.trim(),
        r#"{"include":[{"installation":"aws-eu","terraform-dir":"terraform/aws-eu"},{"installation":"aws-us","terraform-dir":"terraform/aws-us"}]}"#,
        "{why}"
    );
    assert_eq!(listings, 1);
    assert!(
        why.contains(
            "a module of terraform/aws-eu → terraform/modules/net → terraform/modules/subnet"
        ),
        "{why}"
    );
    assert!(why.contains("SKIP gcp"), "{why}");
    assert!(
        outputs.contains("installations=aws-eu aws-us") && outputs.contains("count=2"),
        "{outputs}"
    );

    // The CI configuration: all three.
    let (json, why, _, _) = matrix_for(&[".github/workflows/kkp.yml"]);
    for name in ["aws-eu", "aws-us", "gcp"] {
        assert!(
            json.contains(&format!("\"installation\":\"{name}\"")),
            "{json}\n{why}"
        );
    }

    // One installation's own kubeone manifest and KKP values: only that one.
    let (json, _, _, _) = matrix_for(&["kubeone/aws-us.yaml"]);
    assert!(json.contains("aws-us") && !json.contains("aws-eu") && !json.contains("gcp"));
    let (json, _, _, _) = matrix_for(&["kubermatic/gcp/values.yaml"]);
    assert!(json.contains("gcp") && !json.contains("aws"), "{json}");
}

#[test]
fn a_stage_scoped_to_an_installation_decides_on_its_paths_and_refuses_an_unknown_one() {
    let (repo, base, head) = fleet();
    let forge = Forge::start(TOKEN);
    forge.with(|s| {
        s.gh_pulls
            .insert(7, files(&["terraform/modules/net/main.tf"]))
    });
    let mut env = host_env(Host::GitHub, &forge.url, repo.path());
    env.extend(request_event(Host::GitHub, 7, &base, &head, repo.path()));
    env.push(("KKP_DECIDE_ONLY", "true".to_owned()));
    let decide = |installation: &str| {
        let mut env = env.clone();
        env.push(("KKP_INSTALLATION", installation.to_owned()));
        run("kkp-terraform-plan", &[], &refs(&env), repo.path())
    };
    let r = decide("aws-us").expect_code(0);
    assert_eq!(r.output("run").as_deref(), Some("true"), "{}", r.stdout);
    let r = decide("gcp").expect_code(0);
    assert_eq!(r.output("run").as_deref(), Some("false"), "{}", r.stdout);
    let r = decide("azure").expect_code(2);
    assert!(
        r.stderr.contains("KKP_INSTALLATION") && r.stderr.contains("aws-eu, aws-us, gcp"),
        "{}",
        r.stderr
    );
}

#[test]
fn doctor_shows_the_installations_what_they_own_and_their_module_chains() {
    let (repo, _, _) = fleet();
    let r = run("kkp-delivery", &["doctor"], &[], repo.path());
    // Warnings only (several roots, the seed's single kubeone manifest absent): exit 0.
    assert_eq!(r.code(), 0, "{r:?}");
    assert!(
        r.stdout.contains("installation aws-eu: terraform/aws-eu, kubeone/aws-eu.yaml; modules terraform/modules/net (via terraform/aws-eu), terraform/modules/subnet (via terraform/aws-eu → terraform/modules/net)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("installation gcp: terraform/gcp, kubeone/gcp.yaml, kubermatic/gcp/"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("KKP_INSTALLATION"), "{}", r.stdout);
}
