//! The plan summary on a generated `terraform show -json` with 100,000 resource changes, in two
//! compositions (every kind of change with ~1 KB values, and the cheap one of earlier
//! measurements), side by side with the jq filter GitLab's own tooling uses for its terraform report
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

/// What a generated plan's resource changes do.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Composition {
    /// One quarter each create, update, replace and no-op, with small values: the cheap path
    /// (a no-op's values are skipped unread).
    Cheap,
    /// Every kind of change: 12.5 % create, 25 % update, 12.5 % delete, 25 % replace,
    /// 12.5 % no-op and 12.5 % forget, each resource with about 1 KB of values before and
    /// after (an instance's attributes, nested blocks, tags; unknown and sensitive parts).
    AllActions,
}

impl Composition {
    fn key(self) -> &'static str {
        match self {
            Composition::Cheap => "cheap",
            Composition::AllActions => "all-actions",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Composition::Cheap => "cheap (create, update, replace, no-op; small values)",
            Composition::AllActions => {
                "all actions (create, update, delete, replace, no-op, forget; ~1 KB values)"
            }
        }
    }

    /// The actions of resource `i`.
    fn actions(self, i: usize) -> &'static str {
        match self {
            Composition::Cheap => match i % 4 {
                0 => r#"["create"]"#,
                1 => r#"["update"]"#,
                2 => r#"["delete","create"]"#,
                _ => r#"["no-op"]"#,
            },
            Composition::AllActions => match i % 8 {
                0 => r#"["create"]"#,
                1 | 2 => r#"["update"]"#,
                3 => r#"["delete"]"#,
                4 => r#"["delete","create"]"#,
                5 => r#"["create","delete"]"#,
                6 => r#"["no-op"]"#,
                _ => r#"["forget"]"#,
            },
        }
    }

    /// Resources that change something (every one but the no-ops).
    fn changing(self, n: usize) -> usize {
        (0..n)
            .filter(|&i| !self.actions(i).contains("no-op"))
            .count()
    }

    /// The counts GitLab's jq filter prints (a replace counts as create and delete).
    fn counts(self, n: usize) -> (usize, usize, usize) {
        let count = |word: &str| {
            (0..n)
                .filter(|&i| self.actions(i).contains(&format!("\"{word}\"")))
                .count()
        };
        (count("create"), count("update"), count("delete"))
    }
}

/// About 500 bytes of an instance's attributes, keys sorted as Terraform writes them;
/// `version` changes a few of them (an update's before and after).
fn instance_values(i: usize, version: u8) -> String {
    let size = ["large", "xlarge"][usize::from(version) % 2];
    format!(
        r#"{{"ami":"ami-0c55b159cbfafe1f{version}","arn":"arn:aws:ec2:eu-central-1:123456789012:instance/i-0{i:016x}","availability_zone":"eu-central-1a","id":"i-0{i:016x}","instance_type":"m5.{size}","monitoring":true,"private_ip":"10.{}.{}.{}","root_block_device":[{{"encrypted":true,"iops":3000,"volume_size":{},"volume_type":"gp3"}}],"security_groups":["sg-0a1b2c3d4e5f60718"],"subnet_id":"subnet-0{:08x}","tags":{{"Name":"kkp-node-{i}","Team":"platform \"core\""}},"user_data":"I2Nsb3VkLWNvbmZpZwo{version}"}}"#,
        i >> 16,
        (i >> 8) & 255,
        i & 255,
        50 + usize::from(version) * 50,
        i / 64
    )
}

fn generate(path: &std::path::Path, n: usize, composition: Composition) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    write!(f, r#"{{"format_version":"1.2","terraform_version":"1.15.5","planned_values":{{"root_module":{{"resources":["#).unwrap();
    let mut first = true;
    for i in 0..n {
        let actions = composition.actions(i);
        // Deleted and forgotten resources are not in the planned state.
        if actions.contains("forget") || actions == r#"["delete"]"# {
            continue;
        }
        if !first {
            f.write_all(b",").unwrap();
        }
        first = false;
        match composition {
            Composition::Cheap => write!(f, r#"{{"address":"terraform_data.r{i}","mode":"managed","type":"terraform_data","name":"r{i}","values":{{"input":"value-{i}-padding-padding-padding","triggers_replace":null}}}}"#).unwrap(),
            Composition::AllActions => write!(f, r#"{{"address":"aws_instance.r{i}","mode":"managed","type":"aws_instance","name":"r{i}","provider_name":"registry.terraform.io/hashicorp/aws","schema_version":1,"values":{{"ami":"ami-0c55b159cbfafe1f1","instance_type":"m5.xlarge"}},"sensitive_values":{{"root_block_device":[{{}}],"tags":{{}}}}}}"#).unwrap(),
        }
    }
    f.write_all(br#"]}},"resource_changes":["#).unwrap();
    for i in 0..n {
        if i > 0 {
            f.write_all(b",").unwrap();
        }
        let actions = composition.actions(i);
        match composition {
            Composition::Cheap => write!(
                f,
                r#"{{"address":"terraform_data.r{i}","mode":"managed","type":"terraform_data","name":"r{i}","provider_name":"terraform.io/builtin/terraform","change":{{"actions":{actions},"before":{{"input":"old-{i}","id":"{i}"}},"after":{{"input":"value-{i}-padding-padding-padding","tags":{{"team":"platform","index":{i}}}}},"after_unknown":{{"id":true,"output":true}},"before_sensitive":{{}},"after_sensitive":{{"tags":{{}}}}}}}}"#
            )
            .unwrap(),
            Composition::AllActions => {
                let (before, after, unknown, sensitive) = match i % 8 {
                    // A create: nothing before, the id and arn known after apply.
                    0 => ("null".to_owned(), instance_values(i, 1), r#"{"arn":true,"id":true,"root_block_device":[{}],"tags":{}}"#, r#"{"root_block_device":[{}],"tags":{},"user_data":true}"#),
                    // An update in place; one in sixteen with a sensitive attribute changing.
                    1 | 2 => (instance_values(i, 0), instance_values(i, 1), r#"{"root_block_device":[{}],"tags":{}}"#, if i % 16 == 1 { r#"{"root_block_device":[{}],"tags":{},"user_data":true}"# } else { r#"{"root_block_device":[{}],"tags":{}}"# }),
                    3 | 7 => (instance_values(i, 0), "null".to_owned(), "{}", "false"),
                    6 => (instance_values(i, 1), instance_values(i, 1), "{}", r#"{"root_block_device":[{}],"tags":{}}"#),
                    // A replace: a new instance, its id and arn unknown.
                    _ => (instance_values(i, 0), instance_values(i, 1), r#"{"arn":true,"id":true,"root_block_device":[{}],"tags":{}}"#, r#"{"root_block_device":[{}],"tags":{}}"#),
                };
                let replace_paths = if actions.contains("\"delete\",\"create\"") || actions.contains("\"create\",\"delete\"") { r#","replace_paths":[["instance_type"]]"# } else { "" };
                write!(
                    f,
                    r#"{{"address":"aws_instance.r{i}","mode":"managed","type":"aws_instance","name":"r{i}","provider_name":"registry.terraform.io/hashicorp/aws","change":{{"actions":{actions},"before":{before},"after":{after},"after_unknown":{unknown},"before_sensitive":{{"root_block_device":[{{}}],"tags":{{}}}},"after_sensitive":{sensitive}{replace_paths}}}}}"#
                )
                .unwrap()
            }
        }
    }
    f.write_all(br#"],"resource_drift":[],"output_changes":{}}"#)
        .unwrap();
}

/// How many times each side runs; the median run is reported (this machine's timings vary by
/// a fifth from one run to the next).
const RUNS: usize = if cfg!(debug_assertions) { 1 } else { 3 };

/// [`measure_once`] [`RUNS`] times: the run with the median wall time.
fn measure(cmd: &mut Command) -> (String, f64, u64) {
    let mut runs: Vec<_> = (0..RUNS).map(|_| measure_once(cmd)).collect();
    runs.sort_by(|a, b| a.1.total_cmp(&b.1));
    runs.swap_remove(RUNS / 2)
}

/// Runs a command under /usr/bin/time: (stdout, wall seconds, max RSS in KiB).
fn measure_once(cmd: &mut Command) -> (String, f64, u64) {
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

/// One composition measured: plan-report, jq and the whole stage side by side, with the floor.
fn bench(composition: Composition, n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    generate(&plan, n, composition);
    // `KKP_BENCH_KEEP=DIR` keeps the generated plan there, to profile by hand.
    if let Some(keep) = std::env::var_os("KKP_BENCH_KEEP") {
        let name = format!("plan-{}.json", composition.key());
        std::fs::copy(&plan, std::path::Path::new(&keep).join(name)).unwrap();
    }
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
            .contains(&format!("… and {} more", composition.changing(n) - 1000)),
        "the log's resource list is capped and says so"
    );
    let creates = (0..n)
        .filter(|&i| composition.actions(i) == r#"["create"]"#)
        .count();
    let summary = std::fs::read_to_string(dir.path().join("summary")).unwrap_or_default();
    assert!(
        summary.contains(&format!("{creates} to create")),
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
    let (create, update, delete) = composition.counts(n);
    assert_eq!(
        parse(&ours.0),
        serde_json::json!({"create": create, "update": update, "delete": delete}),
        "the counts are the generated plan's"
    );
    println!(
        "\nplan summary of {n} resource changes, {} ({:.1} MiB of show -json; median of {RUNS} runs)",
        composition.name(),
        size as f64 / (1024.0 * 1024.0)
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

fn main() {
    let n = if cfg!(debug_assertions) {
        2_000
    } else {
        100_000
    };
    // `cargo bench --bench plan_summary -- all-actions` measures one composition only.
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    for composition in [Composition::AllActions, Composition::Cheap] {
        if only.is_empty() || only.iter().any(|o| o == composition.key()) {
            bench(composition, n);
        }
    }
}
