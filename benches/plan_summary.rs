//! The plan summary on a generated `terraform show -json` with 100,000 resource changes,
//! side by side with the jq filter GitLab's own tooling uses for its terraform report
//! (docs/REFERENCES.md, "GitLab: Terraform report counts"). Both run as processes under
//! `/usr/bin/time`; the bench prints wall time, peak memory (max RSS) and the ratios, and checks
//! both print the same counts.
//! Run: `cargo bench --bench plan_summary` (see docs/BENCHMARKS.md). Under `cargo test` (debug)
//! it runs on 2,000 resources, only to prove it works.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr
)]

#[path = "../tests/support/bins.rs"]
mod bins;

use std::io::Write;
use std::process::Command;

const JQ_FILTER: &str = r#"([.resource_changes[]?.change.actions?]|flatten)|{"create":(map(select(.=="create"))|length),"update":(map(select(.=="update"))|length),"delete":(map(select(.=="delete"))|length)}"#;

fn generate(path: &std::path::Path, n: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    write!(f, r#"{{"format_version":"1.2","terraform_version":"1.15.5","planned_values":{{"root_module":{{"resources":["#).unwrap();
    for i in 0..n {
        if i > 0 {
            f.write_all(b",").unwrap();
        }
        write!(f, r#"{{"address":"terraform_data.r{i}","mode":"managed","type":"terraform_data","name":"r{i}","values":{{"input":"value-{i}-padding-padding-padding","triggers_replace":null}}}}"#).unwrap();
    }
    f.write_all(br#"]}},"resource_changes":["#).unwrap();
    for i in 0..n {
        if i > 0 {
            f.write_all(b",").unwrap();
        }
        let actions = match i % 4 {
            0 => r#"["create"]"#,
            1 => r#"["update"]"#,
            2 => r#"["delete","create"]"#,
            _ => r#"["no-op"]"#,
        };
        write!(
            f,
            r#"{{"address":"terraform_data.r{i}","mode":"managed","type":"terraform_data","name":"r{i}","provider_name":"terraform.io/builtin/terraform","change":{{"actions":{actions},"before":{{"input":"old-{i}","id":"{i}"}},"after":{{"input":"value-{i}-padding-padding-padding","tags":{{"team":"platform","index":{i}}}}},"after_unknown":{{"id":true,"output":true}},"before_sensitive":{{}},"after_sensitive":{{"tags":{{}}}}}}}}"#
        )
        .unwrap();
    }
    f.write_all(br#"],"resource_drift":[],"output_changes":{}}"#)
        .unwrap();
}

/// Runs a command under /usr/bin/time: (stdout, wall seconds, max RSS in KiB).
fn measure(cmd: &mut Command) -> (String, f64, u64) {
    let timing = tempfile::NamedTempFile::new().unwrap();
    let program = cmd.get_program().to_owned();
    let args: Vec<_> = cmd.get_args().map(|a| a.to_owned()).collect();
    let mut timed = Command::new("/usr/bin/time");
    // The measured command's environment and folder, as it was set up.
    if cmd.get_envs().any(|(k, _)| k == "PATH") {
        timed.env_clear();
    }
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => timed.env(k, v),
            None => timed.env_remove(k),
        };
    }
    if let Some(dir) = cmd.get_current_dir() {
        timed.current_dir(dir);
    }
    let out = timed
        .arg("-f")
        .arg("%e %M")
        .arg("-o")
        .arg(timing.path())
        .arg(program)
        .args(args)
        .output()
        .expect("/usr/bin/time (Debian package `time`) runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let t = std::fs::read_to_string(timing.path()).unwrap();
    let mut parts = t.split_whitespace();
    let wall: f64 = parts.next().unwrap().parse().unwrap();
    let rss: u64 = parts.next().unwrap().parse().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).trim().to_owned(),
        wall,
        rss,
    )
}

fn main() {
    let n = if cfg!(debug_assertions) {
        2_000
    } else {
        100_000
    };
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    generate(&plan, n);
    let size = std::fs::metadata(&plan).unwrap().len();
    let ours = measure(
        Command::new(env!("CARGO_BIN_EXE_kkp-delivery"))
            .arg("plan-report")
            .arg(&plan),
    );
    let jq = measure(Command::new("jq").arg("-c").arg(JQ_FILTER).arg(&plan));
    // The whole terraform-plan stage, with a stand-in terraform whose `show -json` prints the
    // same document (init and plan are instant): what the stage itself costs on top.
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(repo.join("terraform/aws")).unwrap();
    std::fs::write(repo.join("terraform/aws/main.tf"), "# bench\n").unwrap();
    let fake = dir.path().join("terraform");
    std::fs::write(
        &fake,
        format!(
            "#!/bin/sh\ncase \"$1\" in\n  init) echo '{{\"@level\":\"info\",\"@message\":\"Terraform has been successfully initialized!\",\"type\":\"init_output\"}}' ;;\n  plan) for a; do case \"$a\" in -out=*) : > \"${{a#-out=}}\" ;; esac; done; echo 'Plan: bench' ;;\n  show) cat '{}' ;;\nesac\n",
            plan.display()
        ),
    )
    .unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let stage = measure(
        Command::new(bins::bin("kkp-terraform-plan"))
            .current_dir(&repo)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("GITHUB_ACTIONS", "true")
            .env("GITHUB_EVENT_NAME", "workflow_dispatch")
            .env("GITHUB_REPOSITORY", "acme/kkp")
            .env("GITHUB_WORKSPACE", &repo)
            .env("GITHUB_STEP_SUMMARY", dir.path().join("summary"))
            .env("KKP_FORCE", "true")
            .env("KKP_COMMENT", "off")
            .env("KKP_WORKING_DIRECTORY", "terraform/aws")
            .env("KKP_TERRAFORM_BIN", &fake),
    );
    // The log lists the first 1000 changed resources and says how many more there are.
    assert!(
        stage
            .0
            .contains(&format!("… and {} more", n * 3 / 4 - 1000)),
        "the log's resource list is capped and says so"
    );
    let summary = std::fs::read_to_string(dir.path().join("summary")).unwrap_or_default();
    assert!(
        summary.contains(&format!("{} to create", n / 4)),
        "the stage planned and summarised: {summary}"
    );
    // The floor: serde_json validating the same file while skipping every value, at its
    // fastest (the whole file in memory as a slice, read before the clock starts), and through
    // a reader as `serde_json::from_reader` does.
    let bytes = std::fs::read(&plan).unwrap();
    let floor_start = std::time::Instant::now();
    let _: serde::de::IgnoredAny = serde_json::from_slice(&bytes).unwrap();
    let floor = floor_start.elapsed().as_secs_f64();
    drop(bytes);
    let reader_start = std::time::Instant::now();
    let reader = std::io::BufReader::new(std::fs::File::open(&plan).unwrap());
    let _: serde::de::IgnoredAny = serde_json::from_reader(reader).unwrap();
    let floor_reader = reader_start.elapsed().as_secs_f64();
    let parse = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
    assert_eq!(
        parse(&ours.0),
        parse(&jq.0),
        "both must report the same counts"
    );
    println!(
        "plan summary of {n} resource changes ({:.1} MB of show -json)",
        size as f64 / 1e6
    );
    println!("{:<28} {:>9} {:>12}   output", "", "wall", "peak RSS");
    println!(
        "{:<28} {:>8.2}s {:>9} MiB   {}",
        "kkp-delivery plan-report",
        ours.1,
        ours.2 / 1024,
        ours.0
    );
    println!(
        "{:<28} {:>8.2}s {:>9} MiB   {}",
        "jq (GitLab's filter)",
        jq.1,
        jq.2 / 1024,
        jq.0
    );
    println!(
        "{:<28} {:>8.2}s {:>9} MiB   (init, plan, show -json, summary, reports)",
        "kkp-terraform-plan (stage)",
        stage.1,
        stage.2 / 1024
    );
    println!(
        "{:<28} {:>8.2}s {:>12}   (serde_json validating skip-parse of the file in memory)",
        "floor", floor, "-"
    );
    println!(
        "{:<28} {:>8.2}s {:>12}   (the same through serde_json::from_reader)",
        "floor, from a reader", floor_reader, "-"
    );
    println!(
        "ratio jq/plan-report: wall {:.2}x, memory {:.2}x",
        jq.1 / ours.1.max(0.01),
        jq.2 as f64 / ours.2 as f64
    );
    println!(
        "ratio jq/stage:       wall {:.2}x, memory {:.2}x",
        jq.1 / stage.1.max(0.01),
        jq.2 as f64 / stage.2 as f64
    );
}
