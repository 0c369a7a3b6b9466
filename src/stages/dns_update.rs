//! `dns-update`: the KKP ingress address into DNS. Waits, bounded and with a progress line at
//! least every 15 s, for the ingress Service's load balancer to get a hostname or IP, then
//! plans and applies the DNS Terraform root (`<terraform-dir>/dns`) with them as
//! `TF_VAR_ingress_hostname` / `TF_VAR_ingress_ip`, through the Terraform stages' code (locks,
//! masking, managed state). There is no reviewed-plan guard: the address exists only after
//! kkp-deploy, so no pull request could have reviewed it; the summary shows what was applied.

use super::Scope;
use crate::env::vars;
use crate::tools::{KUBEONE, SSH_ADD, SSH_AGENT, SSH_KEYGEN, TERRAFORM};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::error::{StageError, UsageError};
use crate::kubernetes::LoadBalancer;
use crate::report::model::Report;
use crate::text::escape;
use crate::tools::plan::Action;
use crate::tools::runner::Echo;
use crate::tools::terraform;

use super::cluster::{kube_client, ClusterArgs};
use super::private::PrivateDir;
use super::terraform::{BackendArgs, Terraform};
use super::{OutputInfo, Stage, StageCx, StageInfo, PUSH_DEFAULT_ONLY};
use super::{PLAN_FILE, PLAN_JSON};

/// How often the Service is read while waiting.
const POLL_EVERY: Duration = Duration::from_secs(3);
/// The longest silence while waiting.
const PROGRESS_EVERY: Duration = Duration::from_secs(15);

pub struct DnsUpdate;

#[derive(clap::Args, Clone, Debug, Default)]
pub struct DnsArgs {
    #[command(flatten)]
    pub cluster: ClusterArgs,
    /// The namespace of the ingress Service
    #[arg(
        long,
        value_name = "NAMESPACE",
        default_value = "nginx-ingress-controller"
    )]
    pub ingress_namespace: String,
    /// The ingress Service whose load balancer the records point at
    #[arg(long, value_name = "NAME", default_value = "nginx-ingress-controller")]
    pub ingress_service: String,
    /// Seconds to wait for the load balancer's hostname or IP
    #[arg(long, value_name = "SECONDS", default_value = "600")]
    pub ingress_timeout: String,
}

const INFO: StageInfo = StageInfo {
    name: "dns-update",
    about: "wait for the ingress load balancer, then apply the DNS Terraform root with its address",
    default_run_on: PUSH_DEFAULT_ONLY,
    outputs: &[
        OutputInfo {
            name: "hostname",
            about:
                "The load balancer's hostname the records point at (empty when it has only an IP)",
        },
        OutputInfo {
            name: "ip",
            about: "The load balancer's IP (empty when it has only a hostname)",
        },
        OutputInfo {
            name: "create",
            about: "Records created",
        },
        OutputInfo {
            name: "update",
            about: "Records updated",
        },
        OutputInfo {
            name: "delete",
            about: "Records deleted",
        },
        OutputInfo {
            name: "replace",
            about: "Records replaced",
        },
    ],
    scope: Scope::Cluster,
    after: &["kkp-deploy", "terraform-apply"],
    hands_on: &[],
    plan_counts: false,
    tools: &[TERRAFORM, KUBEONE, SSH_AGENT, SSH_ADD, SSH_KEYGEN],
    variables: &[
        vars::SSH_PRIVATE_KEY,
        vars::KUBECONFIG,
        vars::AWS_ACCESS_KEY_ID,
        vars::AWS_SECRET_ACCESS_KEY,
    ],
};

impl Stage for DnsUpdate {
    type Args = DnsArgs;

    fn info(&self) -> StageInfo {
        INFO
    }

    fn run(&self, cx: &mut StageCx<'_>, args: &DnsArgs) -> Result<Report, StageError> {
        // Every input first.
        let wait = args
            .ingress_timeout
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|s| *s > 0)
            .map(Duration::from_secs)
            .ok_or_else(|| {
                UsageError::invalid(
                    "KKP_INGRESS_TIMEOUT",
                    "a number of seconds greater than 0",
                    &args.ingress_timeout,
                )
            })?;
        for (var, value) in [
            ("KKP_INGRESS_NAMESPACE", &args.ingress_namespace),
            ("KKP_INGRESS_SERVICE", &args.ingress_service),
        ] {
            let ok = !value.is_empty()
                && value.len() <= 63
                && value
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !ok {
                return Err(UsageError::invalid(
                    var,
                    "a Kubernetes name (lowercase letters, digits, -)",
                    value,
                )
                .into());
            }
        }
        let root = args.cluster.terraform_dir(cx)?;
        if cx.working_dir.as_os_str().is_empty() {
            // The installation's own DNS root where it names one (a declared layout).
            cx.working_dir = match cx.installation.as_ref().and_then(|i| i.dns.as_deref()) {
                Some(dns) if args.cluster.terraform_dir.is_none() => PathBuf::from(dns),
                _ => root.join("dns"),
            };
        }
        if !cx.dir().is_dir() {
            return Err(UsageError::invalid(
                "KKP_WORKING_DIRECTORY",
                "the DNS Terraform root (default: <terraform-dir>/dns)",
                &cx.dir_label(),
            )
            .into());
        }
        args.cluster.check_kubeconfig_inputs(cx)?;

        let private = PrivateDir::new(cx)?;
        let dns_dir = std::mem::take(&mut cx.working_dir);
        // The kubeconfig may come from the cluster root's outputs: derive it there, with that
        // root's default state. `--backend-config`/`--state-name` are the DNS root's: the
        // cluster's state must never be initialised, planned and applied as the DNS root.
        let cluster_root = ClusterArgs {
            backend: BackendArgs::default(),
            ..args.cluster.clone()
        };
        let kubeconfig = cluster_root.kubeconfig(cx, &private);
        cx.working_dir = dns_dir;
        let kubeconfig = kubeconfig?;
        let client = kube_client(cx, kubeconfig.as_deref())?;
        let label = cx.dir_label();
        let service = format!("{}/{}", args.ingress_namespace, args.ingress_service);

        let (hostname, ip) = match wait_for_address(cx, &client, args, wait)? {
            Ok(found) => found,
            Err(why) => {
                let mut report = Report::failed(why.clone(), label);
                report.summary = format!(
                    "### ❌ `dns-update` in `{}`\n\n{}\n",
                    escape(&cx.dir_label()),
                    escape(&why)
                );
                return Ok(report);
            }
        };
        let address = if hostname.is_empty() {
            ip.clone()
        } else {
            hostname.clone()
        };
        cx.say(&format!("Ingress {service}: {address}"))?;
        apply(cx, args, &label, &service, &hostname, &ip)
    }
}

/// Reads the Service until its load balancer has an address, `wait` passes, or a signal comes.
/// `Ok(Err(reason))` when the address never appeared or the cluster refused us.
fn wait_for_address(
    cx: &mut StageCx<'_>,
    client: &crate::kubernetes::Client,
    args: &DnsArgs,
    wait: Duration,
) -> Result<Result<(String, String), String>, StageError> {
    let service = format!("{}/{}", args.ingress_namespace, args.ingress_service);
    let rt = cx.rt;
    let interrupts = cx.runner.interrupts.clone();
    let mut fold = cx.fold(
        "kkp_ingress_wait",
        &format!("Waiting for the load balancer of Service {service}"),
    )?;
    let started = Instant::now();
    let mut last_progress: Option<Instant> = None;
    let mut last_state = String::new();
    loop {
        // Each read ends in time for the next progress line and the deadline.
        let next_progress = last_progress.map_or(Duration::ZERO, |t: Instant| {
            PROGRESS_EVERY.saturating_sub(t.elapsed())
        });
        let within = Duration::from_secs(10)
            .min(wait.saturating_sub(started.elapsed()))
            .min(next_progress.max(Duration::from_secs(2)))
            .max(Duration::from_secs(1));
        let read = client.load_balancer(&args.ingress_namespace, &args.ingress_service, within);
        let state = match super::cluster::until_interrupted_on(
            rt,
            &interrupts,
            &format!("reading Service {service}"),
            read,
        )? {
            Ok(LoadBalancer::Ready { hostname, ip }) if !valid_address(&hostname, &ip) => {
                // The Service's status is the cluster's word, but it goes into DNS records,
                // outputs and Terraform variables: only a hostname or an IP is accepted.
                return Ok(Err(format!(
                    "Service {service} reports a load-balancer address that is neither a hostname nor an IP: {}",
                    crate::text::one_line(&format!("{hostname} {ip}"))
                )));
            }
            Ok(LoadBalancer::Ready { hostname, ip }) => {
                let _ = writeln!(
                    fold,
                    "Service {service}: load balancer {} after {} s",
                    if hostname.is_empty() { &ip } else { &hostname },
                    started.elapsed().as_secs()
                );
                return Ok(Ok((hostname, ip)));
            }
            Ok(LoadBalancer::NoService) => "the Service does not exist yet".to_owned(),
            Ok(LoadBalancer::Pending { service_type }) if service_type != "LoadBalancer" => {
                // A ClusterIP or NodePort Service never gets a load balancer.
                return Ok(Err(format!(
                    "Service {service} is of type {service_type}, so it never gets a load-balancer address; \
                     the ingress must be a LoadBalancer Service"
                )));
            }
            Ok(LoadBalancer::Pending { .. }) => {
                "the Service has no load-balancer hostname or IP yet".to_owned()
            }
            Err(e) if e.is_denied() => {
                return Ok(Err(format!("cannot read Service {service}: {e}")));
            }
            Err(e) => format!("the API server did not answer ({e})"),
        };
        let elapsed = started.elapsed();
        if elapsed >= wait {
            return Ok(Err(format!(
                "no load-balancer address for Service {service} after {} s (KKP_INGRESS_TIMEOUT): {state}",
                wait.as_secs()
            )));
        }
        if state != last_state || last_progress.is_none_or(|t| t.elapsed() >= PROGRESS_EVERY) {
            let _ = writeln!(
                fold,
                "waiting for Service {service}: {state} ({} s of {} s)",
                elapsed.as_secs(),
                wait.as_secs()
            );
            last_progress = Some(Instant::now());
            last_state = state;
        }
        // Sleep in short steps, so a signal is answered within a second.
        let until = Instant::now() + POLL_EVERY.min(wait - elapsed);
        while Instant::now() < until {
            if let Some(sig) = interrupts.received() {
                return Err(StageError::Failed(anyhow::anyhow!(
                    "stopped while waiting for Service {service}: the stage received {}",
                    sig.as_str()
                )));
            }
            std::thread::sleep(
                Duration::from_millis(200).min(until.saturating_duration_since(Instant::now())),
            );
        }
    }
}

/// Plans and applies the DNS root with the address.
fn apply(
    cx: &mut StageCx<'_>,
    args: &DnsArgs,
    label: &str,
    service: &str,
    hostname: &str,
    ip: &str,
) -> Result<Report, StageError> {
    let fail = |why: String| {
        let mut report = Report::failed(why.clone(), label.to_owned());
        report.summary = format!(
            "### ❌ `dns-update` in `{}`\n\n{}\n",
            escape(label),
            escape(&why)
        );
        Ok(report)
    };
    let terraform = Terraform::new(cx, Some(&args.cluster.backend))
        .with_env("TF_VAR_ingress_hostname", hostname)
        .with_env("TF_VAR_ingress_ip", ip);
    let init = terraform.run_init(cx, true)?;
    if !init.success() {
        return fail(terraform::failure_reason(
            &format!("{}\n{}", init.stdout, init.stderr),
            &format!("terraform init in {label}"),
        ));
    }
    let title = format!("terraform plan ({label})");
    if let Err(failure) = terraform.save_plan(cx, &title, &[])? {
        return fail(zone_reason(failure.reason));
    }
    let summary = match terraform.show_plan(cx)? {
        Ok(summary) => summary,
        Err(reason) => {
            let _ = std::fs::remove_file(cx.dir().join(PLAN_FILE.name));
            return fail(reason);
        }
    };
    let plan_path = PathBuf::from(PLAN_FILE.name);
    let plan_arg = plan_path.display().to_string();
    let applied = cx.run_folded(
        "kkp_tf_apply",
        &format!("terraform apply ({label})"),
        &terraform
            .cmd(&[
                "apply",
                "-input=false",
                "-no-color",
                "-auto-approve",
                &plan_arg,
            ])
            .logged_only(),
        Echo::Lines,
    )?;
    // The saved plan and its JSON hold the variables in the clear: not left behind.
    let _ = std::fs::remove_file(cx.dir().join(PLAN_FILE.name));
    let _ = std::fs::remove_file(cx.dir().join(PLAN_JSON.name));
    if !applied.success() {
        return fail(zone_reason(terraform::failure_reason(
            &format!("{}\n{}", applied.stdout, applied.stderr),
            &format!("terraform apply in {label}"),
        )));
    }
    let counts = [
        Action::Create,
        Action::Update,
        Action::Delete,
        Action::Replace,
    ]
    .map(|a| summary.count(a));
    let address = if hostname.is_empty() { ip } else { hostname };
    let headline = if summary.has_changes() {
        format!(
            "{label}: records point at {address}: {} created, {} updated, {} deleted, {} replaced",
            counts[0], counts[1], counts[2], counts[3]
        )
    } else {
        format!("{label}: records already point at {address}; nothing changed")
    };
    let mut md = String::new();
    let _ = writeln!(
        md,
        "### ✅ `dns-update` in `{}`\n\n**{}**\n",
        escape(label),
        escape(&headline)
    );
    let _ = writeln!(
        md,
        "| Service | hostname | IP |\n|---|---|---|\n| `{}` | {} | {} |\n",
        service,
        if hostname.is_empty() {
            "—".to_owned()
        } else {
            format!("`{}`", hostname.replace('`', "'"))
        },
        if ip.is_empty() {
            "—".to_owned()
        } else {
            format!("`{}`", ip.replace('`', "'"))
        },
    );
    md.push_str(&super::terraform_plan::changes_by_action(&summary));
    let mut report = Report::new(true, headline, label.to_owned());
    report.summary = md;
    report.metric("Created", counts[0]);
    report.metric("Updated", counts[1]);
    report.metric("Deleted", counts[2]);
    report.metric("Replaced", counts[3]);
    let outputs = &mut report.outputs;
    outputs.set("hostname", hostname.to_owned());
    outputs.set("ip", ip.to_owned());
    outputs.set("create", counts[0].to_string());
    outputs.set("update", counts[1].to_string());
    outputs.set("delete", counts[2].to_string());
    outputs.set("replace", counts[3].to_string());
    Ok(report)
}

/// A missing hosted zone said plainly: the AWS provider reports it as `no matching Route 53
/// Hosted Zone found` (`no matching Route53Zone found` in provider v5).
fn zone_reason(reason: String) -> String {
    let lower = reason.to_ascii_lowercase();
    let zone = lower.contains("hosted zone")
        || lower.contains("route53zone")
        || lower.contains("nosuchhostedzone");
    if zone
        && (lower.contains("no matching")
            || lower.contains("not found")
            || lower.contains("nosuch"))
    {
        format!("the DNS hosted zone was not found — check the zone name (var.domain) and that the zone exists in this account: {reason}")
    } else {
        reason
    }
}

/// A DNS hostname (RFC 1123 labels) or empty, and an IP address or empty; not both empty.
fn valid_address(hostname: &str, ip: &str) -> bool {
    let hostname_ok = hostname.is_empty()
        || (hostname.len() <= 253
            && hostname.trim_end_matches('.').split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            }));
    let ip_ok = ip.is_empty() || ip.parse::<std::net::IpAddr>().is_ok();
    hostname_ok && ip_ok && !(hostname.is_empty() && ip.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hostnames_and_ips_are_addresses() {
        assert!(valid_address("a1b2-123.eu-west-1.elb.amazonaws.com", ""));
        assert!(valid_address("", "203.0.113.10"));
        assert!(valid_address("", "2001:db8::1"));
        assert!(!valid_address("", ""));
        assert!(!valid_address("evil\n::set-output", ""));
        assert!(!valid_address("a b", ""));
        assert!(!valid_address("", "300.1.1.1"));
    }
}
