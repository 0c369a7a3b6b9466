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
        r.stdout.contains("installation aws-eu (by convention): terraform/aws-eu, kubeone/aws-eu.yaml; modules terraform/modules/net (via terraform/aws-eu), terraform/modules/subnet (via terraform/aws-eu → terraform/modules/net)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "installation gcp (by convention): terraform/gcp, kubeone/gcp.yaml, kubermatic/gcp/"
        ),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("KKP_INSTALLATION"), "{}", r.stdout);

    // A declared layout: doctor says where each installation comes from; a broken file blocks
    // (exit 1) naming the file and the key, and no stage guesses past it (exit 2).
    std::fs::create_dir_all(repo.path().join("infra/eu")).unwrap();
    std::fs::write(repo.path().join("infra/eu/main.tf"), "x = 1\n").unwrap();
    std::fs::write(
        repo.path().join("kkp-installations.yaml"),
        "installations:\n  - name: prod-eu\n    terraform: infra/eu\n    kubeone: kubeone/aws-eu.yaml\n",
    )
    .unwrap();
    let r = run("kkp-delivery", &["doctor"], &[], repo.path());
    assert_eq!(r.code(), 0, "{r:?}");
    assert!(
        r.stdout.contains(
            "installation prod-eu (declared in kkp-installations.yaml): infra/eu, kubeone/aws-eu.yaml"
        ),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("installation gcp"), "{}", r.stdout);
    std::fs::write(
        repo.path().join("kkp-installations.yaml"),
        "installations:\n  - name: prod-eu\n    terraform: infra/eu\n    kubeone: kubeone/missing.yaml\n",
    )
    .unwrap();
    let r = run("kkp-delivery", &["doctor"], &[], repo.path());
    assert_eq!(r.code(), 1, "{r:?}");
    assert!(
        r.stdout.contains("kkp-installations.yaml: prod-eu kubeone"),
        "{}",
        r.stdout
    );
    let r = run("kkp-delivery", &["matrix"], &[], repo.path());
    assert_eq!(r.code(), 2, "{r:?}");
    assert!(
        r.stderr.contains("kkp-installations.yaml: prod-eu kubeone"),
        "{}",
        r.stderr
    );
}

/// `examples/fleet-kkp` holds what `init` writes there for each platform (the fan-out, not the
/// single job), the files pass each platform's linter, and their concurrency keeps each
/// installation serial while installations run in parallel: two installations' applies land in
/// different concurrency groups / resource groups / deployment environments, and two runs of
/// one installation in the same one.
#[test]
fn init_writes_the_fleet_fan_out_per_platform_and_each_installation_stays_serial() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = root.join("examples/fleet-kkp");
    let scratch = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("cp")
        .arg("-a")
        .arg(format!("{}/.", example.display()))
        .arg(scratch.path())
        .status()
        .unwrap();
    assert!(status.success());
    let written = [
        ".github/workflows/kkp.yml",
        ".gitlab-ci.yml",
        ".gitlab/kkp-installation.yml",
        "bitbucket-pipelines.yml",
    ];
    for file in written {
        std::fs::remove_file(scratch.path().join(file)).unwrap();
    }
    for platform in ["github", "gitlab", "bitbucket"] {
        let r = run(
            "kkp-delivery",
            &["init", "--platform", platform, "--default-branch", "main"],
            &[],
            scratch.path(),
        )
        .expect_code(0);
        assert!(
            r.stdout
                .contains("for a fleet of 3 installations (aws-eu, aws-us, gcp)"),
            "{}",
            r.stdout
        );
    }
    // The kkp actions are pinned to the binary's commit: masked, as for the single examples.
    let masked = |text: &str| -> String {
        text.lines()
            .map(|l| match l.find("kkp-delivery/actions/") {
                Some(_) if l.contains('@') => {
                    let (head, rest) = l.split_once('@').unwrap();
                    format!("{head}@<commit>{}\n", rest.get(40..).unwrap_or(""))
                }
                _ => format!("{l}\n"),
            })
            .collect()
    };
    for file in written {
        let fresh = std::fs::read_to_string(scratch.path().join(file)).unwrap();
        let committed = std::fs::read_to_string(example.join(file)).unwrap_or_default();
        assert_eq!(
            masked(&committed),
            masked(&fresh),
            "examples/fleet-kkp/{file} is stale: remove the four pipeline files and run `kkp-delivery init --platform <each> --default-branch main --root examples/fleet-kkp`"
        );
    }

    // Linted as each platform lints it.
    let venv = crate::common::tools_dir().join("venv/bin");
    let lint = |program: &str, args: &[&str], file: &std::path::Path| {
        let Some(p) = crate::common::tool(&venv.join(program)) else {
            return;
        };
        let out = std::process::Command::new(p)
            .args(args)
            .arg(file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{program} {}: {}{}",
            file.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let gh = example.join(".github/workflows/kkp.yml");
    lint("actionlint", &[], &gh);
    lint("zizmor", &["--offline", "--no-config"], &gh);
    let gl = [
        "--builtin-schema",
        "vendor.gitlab-ci",
        "--data-transform",
        "gitlab-ci",
    ];
    lint("check-jsonschema", &gl, &example.join(".gitlab-ci.yml"));
    // The child template is two documents (spec, then jobs): each on its own.
    let template = std::fs::read_to_string(example.join(".gitlab/kkp-installation.yml")).unwrap();
    let (spec, jobs) = template.split_once("\n---\n").unwrap();
    for (name, doc) in [("spec.yml", spec), ("jobs.yml", jobs)] {
        let p = scratch.path().join(name);
        std::fs::write(&p, doc).unwrap();
        lint("check-jsonschema", &gl, &p);
    }
    lint(
        "check-jsonschema",
        &["--builtin-schema", "vendor.bitbucket-pipelines"],
        &example.join("bitbucket-pipelines.yml"),
    );

    // GitHub: each matrix job's concurrency group and environment are the installation's.
    let doc = |text: &str| {
        kkp_delivery::kubernetes::yaml_documents(text)
            .unwrap()
            .remove(0)
    };
    let workflow = doc(&std::fs::read_to_string(&gh).unwrap());
    let for_installation = |template: &str, name: &str| {
        template
            .replace("${{ matrix.installation }}", name)
            .replace("$[[ inputs.installation ]]", name)
    };
    for job in ["review", "deliver"] {
        let j = &workflow["jobs"][job];
        let group = j["concurrency"]["group"].as_str().unwrap();
        assert_eq!(j["concurrency"]["cancel-in-progress"], false, "{job}");
        assert_ne!(
            for_installation(group, "aws-eu"),
            for_installation(group, "aws-us"),
            "{job}: installations in parallel"
        );
        assert!(
            group.contains("${{ matrix.installation }}"),
            "{job}: {group}"
        );
        assert_eq!(
            j["strategy"]["matrix"],
            "${{ fromJSON(needs.installations.outputs.matrix) }}"
        );
    }
    assert_eq!(
        workflow["jobs"]["deliver"]["environment"],
        "production-${{ matrix.installation }}"
    );
    // No workflow-wide group: it would serialise every installation behind one another.
    assert!(workflow.get("concurrency").is_none());

    // GitLab: every job that holds a state or a cluster is in a resource group of its
    // installation, and every component include names the installation.
    let mut groups = Vec::new();
    for entry in std::fs::read_dir(root.join("templates")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        if let Some(line) = text.lines().find(|l| l.starts_with("  resource_group: ")) {
            groups.push(line.trim_start_matches("  resource_group: ").to_owned());
        }
    }
    assert!(groups.len() >= 7, "{groups:?}");
    for group in &groups {
        assert!(group.contains("$[[ inputs.installation ]]"), "{group}");
        assert_ne!(
            for_installation(group, "aws-eu"),
            for_installation(group, "aws-us")
        );
    }
    assert_eq!(
        jobs.matches("      installation: $[[ inputs.installation ]]")
            .count(),
        jobs.matches("  - component: ").count()
    );
    assert!(jobs.contains(
        "\"kkp-$[[ inputs.installation ]]-terraform-apply\":\n  environment: production/$[[ inputs.installation ]]"
    ));

    // Bitbucket: one parallel group per pipeline, a deployment environment per installation
    // (Bitbucket runs one deployment to an environment at a time).
    let bb = doc(&std::fs::read_to_string(example.join("bitbucket-pipelines.yml")).unwrap());
    let deliver = bb["pipelines"]["branches"]["main"][0]["parallel"]
        .as_array()
        .unwrap();
    let deployments: Vec<&str> = deliver
        .iter()
        .map(|s| s["step"]["deployment"].as_str().unwrap())
        .collect();
    assert_eq!(
        deployments,
        vec!["production-aws-eu", "production-aws-us", "production-gcp"]
    );
}

/// `matrix --format gitlab` writes the child pipeline: one include of the installation
/// template per installation to run. A schedule (drift) runs every installation and hands the
/// event down (a child's source is `parent_pipeline`); a merge request that touches none writes
/// the one job GitLab needs to accept a child pipeline without work.
#[test]
fn the_gitlab_child_pipeline_includes_the_template_per_installation() {
    let (repo, base, head) = fleet();
    let forge = Forge::start(TOKEN);
    forge.with(|s| s.gl_mrs.insert(7, files(&["docs/guide.md"])));
    let mut env = host_env(Host::GitLab, &forge.url, repo.path());
    env.push(("GITLAB_TOKEN", TOKEN.to_owned()));
    let mut schedule = env.clone();
    schedule.extend([
        ("CI_PIPELINE_SOURCE", "schedule".to_owned()),
        ("CI_COMMIT_BRANCH", "main".to_owned()),
        ("CI_COMMIT_SHA", head.clone()),
    ]);
    let r = run(
        "kkp-delivery",
        &["matrix", "--format", "gitlab"],
        &refs(&schedule),
        repo.path(),
    )
    .expect_code(0);
    let child = kkp_delivery::kubernetes::yaml_documents(&r.stdout)
        .unwrap()
        .remove(0);
    let includes = child["include"].as_array().unwrap();
    let names: Vec<&str> = includes
        .iter()
        .map(|i| i["inputs"]["installation"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["aws-eu", "aws-us", "gcp"], "{}", r.stdout);
    for include in includes {
        assert_eq!(include["local"], ".gitlab/kkp-installation.yml");
        assert_eq!(include["inputs"]["event"], "schedule");
        assert_eq!(
            include["inputs"]["terraform-dir"],
            format!(
                "terraform/{}",
                include["inputs"]["installation"].as_str().unwrap()
            )
        );
    }
    assert!(
        forge.hits("/merge_requests").is_empty(),
        "a schedule lists no change"
    );

    let mut mr = env;
    mr.extend(request_event(Host::GitLab, 7, &base, &head, repo.path()));
    let r = run(
        "kkp-delivery",
        &["matrix", "--format", "gitlab"],
        &refs(&mr),
        repo.path(),
    )
    .expect_code(0);
    let child = kkp_delivery::kubernetes::yaml_documents(&r.stdout)
        .unwrap()
        .remove(0);
    assert!(child.get("include").is_none(), "{}", r.stdout);
    assert!(
        child["kkp-no-installation-changed"]["script"].is_array(),
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("SKIP gcp"), "{}", r.stderr);
    assert_eq!(forge.hits("/merge_requests/7/diffs").len(), 1);
}

/// `explain` in a fleet: beside each stage's decision, each installation's, with the matched
/// files and the module chain that made a file count, from the same single listing.
#[test]
fn explain_says_why_for_each_installation() {
    let (repo, base, head) = fleet();
    let forge = Forge::start(TOKEN);
    forge.with(|s| {
        s.gh_pulls.insert(
            7,
            files(&["terraform/modules/subnet/main.tf", "terraform/gcp/main.tf"]),
        )
    });
    let mut env = host_env(Host::GitHub, &forge.url, repo.path());
    env.extend(request_event(Host::GitHub, 7, &base, &head, repo.path()));
    let r = run("kkp-delivery", &["explain"], &refs(&env), repo.path()).expect_code(0);
    let text = &r.stdout;
    let section = text
        .split("installations (")
        .nth(1)
        .unwrap_or_else(|| panic!("{text}"));
    for name in ["aws-eu", "aws-us", "gcp"] {
        assert!(section.contains(&format!("RUN  {name}: ")), "{text}");
    }
    assert!(
        section.contains("terraform/modules/subnet/main.tf  (terraform/modules/subnet/**, a module of terraform/aws-us → terraform/modules/net → terraform/modules/subnet)"),
        "{text}"
    );
    assert!(
        section.contains("terraform/gcp/main.tf  (terraform/gcp/**)"),
        "{text}"
    );
    assert_eq!(forge.hits("/pulls/7/files").len(), 1, "one listing for all");

    // The CI file alone: every installation, each saying so.
    forge.with(|s| s.gh_pulls.insert(7, files(&[".github/workflows/kkp.yml"])));
    let r = run("kkp-delivery", &["explain"], &refs(&env), repo.path()).expect_code(0);
    let section = r.stdout.split("installations (").nth(1).unwrap().to_owned();
    assert_eq!(section.matches("RUN  ").count(), 3, "{}", r.stdout);
    assert_eq!(section.matches("(.github/**)").count(), 3, "{}", r.stdout);
}
