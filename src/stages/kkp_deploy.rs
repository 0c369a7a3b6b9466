//! `kkp-deploy`: KKP onto the cluster. The installer comes from `KKP_INSTALLER_BIN` or from the
//! release, verified by SHA-256 before anything runs; SOPS-encrypted inputs are decrypted into a
//! private folder that is removed whatever happens (the repository's files never change);
//! `kubermatic-installer deploy` runs with the storage class derived from the Terraform root;
//! then the cluster issuer and the Secrets `kubeconfig-cluster`, `kubermatic-values` and
//! `sops-age` (docs/REFERENCES.md, "Design: kkp-deploy Secrets") are applied server-side
//! through the Kubernetes API, never with a value on a command line.

use super::Scope;
use crate::env::vars;
use crate::tools::{KUBEONE, SSH_ADD, SSH_AGENT, SSH_KEYGEN, TERRAFORM};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::download;
use crate::error::{StageError, UsageError};
use crate::kubernetes::{self, Applied};
use crate::report::model::Report;
use crate::text::{escape, one_line};
use crate::tools::installer::{
    self, Source, DEFAULT_RELEASES_API_URL, DEFAULT_RELEASES_URL, KKP_REPOSITORY,
};
use crate::tools::runner::{write_private, Echo};
use crate::tools::sops;

use super::cluster::{
    kube_access, kube_client, kubeconfig_env_paths, per_installation, until_interrupted,
    until_interrupted_on, ClusterArgs,
};
use super::private::PrivateDir;
use super::{OutputInfo, Stage, StageCx, StageInfo, PUSH_DEFAULT_ONLY};

use crate::tools::{INSTALLER, SOPS, TAR};

/// Where the installer keeps its objects and where the cluster secrets go.
const KUBERMATIC_NAMESPACE: &str = "kubermatic";

/// The storage classes `kubermatic-installer deploy --storageclass` accepts
/// (docs/REFERENCES.md, "kubermatic-installer: storage classes").
const STORAGE_CLASSES: &[&str] = &[
    "copy-default",
    "aws",
    "azure",
    "digitalocean",
    "gcp",
    "hetzner",
    "openstack",
    "vsphere",
    "vmwareclouddirector",
];

pub struct KkpDeploy;

const DEFAULT_CLUSTER_ISSUER: &str = "kubermatic/cluster-issuer.yaml";

/// The objects of the cluster-issuer file. A YAML error names the file and the place, never the
/// text (it may be decrypted).
fn issuer_objects(text: &str, name: &Path) -> Result<Vec<serde_json::Value>, StageError> {
    let docs = kubernetes::yaml_documents(text).map_err(|e| {
        UsageError::invalid(
            "KKP_CLUSTER_ISSUER",
            &format!("YAML Kubernetes objects ({e})"),
            &name.display().to_string(),
        )
    })?;
    for doc in &docs {
        let kind = doc
            .get("kind")
            .and_then(serde_json::Value::as_str)
            .unwrap_or("");
        let api = doc
            .get("apiVersion")
            .and_then(serde_json::Value::as_str)
            .unwrap_or("");
        let named = doc
            .pointer("/metadata/name")
            .and_then(serde_json::Value::as_str)
            .is_some();
        if kind.is_empty() || api.is_empty() || !named {
            return Err(UsageError::invalid(
                "KKP_CLUSTER_ISSUER",
                "Kubernetes objects with apiVersion, kind and metadata.name",
                &name.display().to_string(),
            )
            .into());
        }
        // The file is applied with force as the stage's own user: only what it is for, never
        // a role binding or another object that widens access.
        let issuer = matches!(kind, "Issuer" | "ClusterIssuer")
            && api.split('/').next() == Some("cert-manager.io");
        if !issuer {
            return Err(UsageError::invalid(
                "KKP_CLUSTER_ISSUER",
                &format!(
                    "cert-manager Issuer or ClusterIssuer objects only (apiVersion cert-manager.io/…), not {}",
                    crate::text::one_line(kind)
                ),
                &name.display().to_string(),
            )
            .into());
        }
    }
    Ok(docs)
}

#[derive(clap::Args, Clone, Debug, Default)]
pub struct DeployArgs {
    #[command(flatten)]
    pub cluster: ClusterArgs,
    /// The KKP release whose installer is downloaded and verified (v2.29.1); KKP_INSTALLER_BIN
    /// wins over it
    #[arg(long, value_name = "VERSION")]
    pub kkp_version: Option<String>,
    /// The KKP edition to download: ce or ee
    #[arg(long, value_name = "EDITION", default_value = "ce")]
    pub edition: String,
    /// The installer's --storageclass; default from the Terraform root's folder name (gce and
    /// gcp give gcp)
    #[arg(long, value_name = "CLASS")]
    pub storageclass: Option<String>,
    /// The KubermaticConfiguration (plain or SOPS-encrypted)
    #[arg(
        long,
        value_name = "FILE",
        default_value = "kubermatic/kubermatic-configuration.yaml"
    )]
    pub config: PathBuf,
    /// The Helm values (plain or SOPS-encrypted)
    #[arg(long, value_name = "FILE", default_value = "kubermatic/values.yaml")]
    pub helm_values: PathBuf,
    /// The cert-manager ClusterIssuer, applied when the file exists
    #[arg(
        long,
        value_name = "FILE",
        default_value = DEFAULT_CLUSTER_ISSUER
    )]
    pub cluster_issuer: PathBuf,
    /// Namespaces that get Secret kubermatic-values (the decrypted Helm values)
    #[arg(long, value_name = "LIST", default_value = "logging,monitoring,iap")]
    pub values_namespaces: String,
}

const INFO: StageInfo = StageInfo {
    name: "kkp-deploy",
    about: "sops -d, kubermatic-installer deploy, then the cluster issuer and secrets",
    default_run_on: PUSH_DEFAULT_ONLY,
    outputs: &[
        OutputInfo {
            name: "storageclass",
            about: "The storage class given to the installer",
        },
        OutputInfo {
            name: "kkp-version",
            about: "The KKP release installed (downloaded installers)",
        },
        OutputInfo {
            name: "edition",
            about: "The KKP edition installed (downloaded installers)",
        },
        OutputInfo {
            name: "objects",
            about: "How many cluster objects were applied",
        },
    ],
    scope: Scope::Cluster,
    after: &["kubeone-apply", "terraform-apply"],
    hands_on: &[],
    plan_counts: false,
    tools: &[
        TERRAFORM, KUBEONE, SSH_AGENT, SSH_ADD, SSH_KEYGEN, INSTALLER, SOPS, TAR,
    ],
    variables: &[
        vars::SSH_PRIVATE_KEY,
        vars::KUBECONFIG,
        vars::SOPS_AGE_SECRET_KEY,
        vars::KKP_INSTALLER_SHA256,
        vars::KKP_INSTALLER_BIN,
        vars::KKP_CHARTS_DIR,
    ],
};

impl Stage for KkpDeploy {
    type Args = DeployArgs;

    fn info(&self) -> StageInfo {
        INFO
    }

    fn run(&self, cx: &mut StageCx<'_>, args: &DeployArgs) -> Result<Report, StageError> {
        let inputs = Inputs::check(cx, args)?;
        let private = PrivateDir::new(cx)?;
        run(cx, args, &inputs, &private)
    }
}

/// Where the installer comes from.
enum InstallerSource {
    /// `KKP_INSTALLER_BIN`, with its charts.
    Given { program: PathBuf, charts: PathBuf },
    /// The release asset for a version and edition.
    Release { version: String, edition: String },
}

/// One input file, and whether sops must decrypt it.
struct InputFile {
    /// As the user named it, relative to the repository.
    name: PathBuf,
    path: PathBuf,
    encrypted: bool,
}

/// Everything checked before any tool runs.
struct Inputs {
    installer: InstallerSource,
    storageclass: String,
    config: InputFile,
    values: InputFile,
    issuer: Option<InputFile>,
    values_namespaces: Vec<String>,
    /// The age key (`SOPS_AGE_SECRET_KEY`, else `SOPS_AGE_KEY`).
    age_key: Option<String>,
    label: String,
}

fn input_file(
    cx: &StageCx<'_>,
    name: &Path,
    var: &str,
    required: bool,
) -> Result<Option<InputFile>, StageError> {
    // These files hold credentials: content pasted where the path belongs is said in words,
    // never repeated.
    let given = name.as_os_str().to_string_lossy();
    let base64_like = given.len() >= 40
        && given
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'=' | b'-' | b'_'));
    if given.contains('\n')
        || given.contains(": ")
        || given.contains("\":")
        || given.starts_with('{')
        || given.starts_with('[')
        || base64_like
        || given.len() > 1024
    {
        return Err(UsageError::Other(format!(
            "{var}: expected the path of a file in the repository; it holds file content \
             instead (not shown): commit the file and give its path"
        ))
        .into());
    }
    if name.is_absolute() || name.components().any(|c| c.as_os_str() == "..") {
        return Err(UsageError::invalid(
            var,
            "a file inside the repository",
            &name.display().to_string(),
        )
        .into());
    }
    let path = cx.ctx.workspace.join(name);
    if !path.is_file() {
        if required {
            return Err(UsageError::invalid(
                var,
                "an existing file in the repository",
                &name.display().to_string(),
            )
            .into());
        }
        return Ok(None);
    }
    let text = std::fs::read_to_string(&path).map_err(|e| {
        UsageError::invalid(
            var,
            &format!("a readable text file ({e})"),
            &name.display().to_string(),
        )
    })?;
    // Bounded before anything parses it: a deeply nested file parses in quadratic time.
    crate::kubernetes::check_yaml_shape(&text).map_err(|e| {
        UsageError::invalid(
            var,
            &format!("a YAML configuration file ({e})"),
            &name.display().to_string(),
        )
    })?;
    Ok(Some(InputFile {
        name: name.to_owned(),
        path,
        encrypted: sops::is_encrypted(&text),
    }))
}

/// The storage class for a Terraform root's folder name
/// (docs/REFERENCES.md, "Design: storage class from the Terraform root").
pub fn storageclass_for(root: &Path) -> Option<&'static str> {
    let name = root.file_name()?.to_str()?.to_ascii_lowercase();
    Some(match name.as_str() {
        "aws" => "aws",
        "azure" => "azure",
        "digitalocean" => "digitalocean",
        "hetzner" => "hetzner",
        "openstack" => "openstack",
        "vsphere" => "vsphere",
        // `gce` was the installer's name until v2.22; v2.23 and later reject it.
        "gce" | "gcp" => "gcp",
        _ => return None,
    })
}

impl Inputs {
    fn check(cx: &StageCx<'_>, args: &DeployArgs) -> Result<Self, StageError> {
        let root = args.cluster.terraform_dir(cx)?;
        let storageclass = match &args.storageclass {
            Some(class) => {
                let class = class.trim().to_ascii_lowercase();
                if class == "gce" {
                    return Err(UsageError::invalid(
                        "KKP_STORAGECLASS",
                        "gcp (gce was renamed in KKP 2.23 and is rejected since)",
                        "gce",
                    )
                    .into());
                }
                if !STORAGE_CLASSES.contains(&class.as_str()) {
                    return Err(UsageError::invalid(
                        "KKP_STORAGECLASS",
                        &format!("one of {}", STORAGE_CLASSES.join(", ")),
                        &class,
                    )
                    .into());
                }
                class
            }
            None => storageclass_for(&root)
                .ok_or_else(|| {
                    UsageError::missing(
                        "KKP_STORAGECLASS",
                        &format!(
                            "the Terraform root {} does not name a provider the installer knows \
                             (aws, azure, digitalocean, gcp, hetzner, openstack, vsphere): set the storage class",
                            root.display()
                        ),
                    )
                })?
                .to_owned(),
        };
        let installer = match cx.env.get(INSTALLER.bin_var).filter(|v| !v.is_empty()) {
            Some(bin) => {
                // Relative to the repository, where the installer runs.
                let program = cx.ctx.workspace.join(bin);
                if !program.is_file() {
                    return Err(UsageError::invalid(
                        INSTALLER.bin_var,
                        "the path of a kubermatic-installer executable",
                        bin,
                    )
                    .into());
                }
                let charts = match cx.env.get(vars::KKP_CHARTS_DIR).filter(|v| !v.is_empty()) {
                    Some(dir) => cx.ctx.workspace.join(dir),
                    None => program
                        .parent()
                        .map(|p| p.join("charts"))
                        .unwrap_or_else(|| PathBuf::from("charts")),
                };
                if !charts.is_dir() {
                    return Err(UsageError::invalid(
                        "KKP_CHARTS_DIR",
                        "the folder with the installer's Helm charts (the release tarball's charts/)",
                        &charts.display().to_string(),
                    )
                    .into());
                }
                InstallerSource::Given { program, charts }
            }
            None => {
                let version = args.kkp_version.clone().filter(|v| !v.trim().is_empty()).ok_or_else(|| {
                    UsageError::missing(
                        "KKP_VERSION",
                        "the KKP release to install (v2.29.1), or KKP_INSTALLER_BIN with KKP_CHARTS_DIR; \
                         the installer is never taken from PATH, because its version must match its charts",
                    )
                })?;
                let version = format!("v{}", version.trim().trim_start_matches('v'));
                if installer::parse_minor(&version).is_none()
                    || !version[1..]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'))
                {
                    return Err(UsageError::invalid(
                        "KKP_VERSION",
                        "a KKP release such as v2.29.1",
                        &version,
                    )
                    .into());
                }
                let edition = args.edition.trim().to_ascii_lowercase();
                if !matches!(edition.as_str(), "ce" | "ee") {
                    return Err(
                        UsageError::invalid("KKP_EDITION", "ce or ee", &args.edition).into(),
                    );
                }
                if let Some(pin) = cx
                    .env
                    .get(vars::KKP_INSTALLER_SHA256)
                    .filter(|v| !v.is_empty())
                {
                    if crate::download::normalise_sha256(pin).is_none() {
                        return Err(UsageError::invalid(
                            "KKP_INSTALLER_SHA256",
                            "a SHA-256 as 64 hex digits",
                            pin,
                        )
                        .into());
                    }
                }
                let pinned = cx
                    .env
                    .get(vars::KKP_INSTALLER_SHA256)
                    .is_some_and(|v| !v.is_empty());
                for var in [vars::KKP_RELEASES_URL, vars::KKP_RELEASES_API_URL] {
                    if let Some(value) = cx.env.get(var).filter(|v| !v.is_empty()) {
                        let parsed = url::Url::parse(value).ok();
                        if parsed
                            .as_ref()
                            .is_some_and(|u| !u.username().is_empty() || u.password().is_some())
                        {
                            return Err(UsageError::Other(format!(
                                "{}: expected an http(s) URL without credentials in it (the value is not shown)",
                                var.name
                            ))
                            .into());
                        }
                        let scheme = parsed.as_ref().map(|u| u.scheme().to_owned());
                        let loopback = parsed.as_ref().is_some_and(|u| {
                            matches!(u.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"))
                        });
                        // The digest the download is checked against must not cross the network
                        // in the clear: only a pinned SHA-256 makes the API's answer moot.
                        let needs_tls = var == vars::KKP_RELEASES_API_URL && !pinned && !loopback;
                        let ok = match scheme.as_deref() {
                            Some("https") => true,
                            Some("http") => !needs_tls,
                            _ => false,
                        };
                        if !ok {
                            let expected = if needs_tls {
                                "an https URL (the asset's digest is read from it; http is taken only with KKP_INSTALLER_SHA256 set)"
                            } else {
                                "an http(s) URL"
                            };
                            return Err(UsageError::invalid(var.name, expected, value).into());
                        }
                    }
                }
                InstallerSource::Release { version, edition }
            }
        };
        // An installation's own KKP configuration and values, in its `kubermatic/<name>/`.
        let own = |file: &str| {
            cx.installation
                .as_ref()
                .and_then(|i| i.kubermatic.as_deref())
                .map(|dir| Path::new(dir).join(file))
        };
        let config_path = per_installation(
            &args.config,
            "kubermatic/kubermatic-configuration.yaml",
            own("kubermatic-configuration.yaml"),
        );
        let values_path = per_installation(
            &args.helm_values,
            "kubermatic/values.yaml",
            own("values.yaml"),
        );
        let config = input_file(cx, &config_path, "KKP_CONFIG", true)?
            .ok_or_else(|| UsageError::missing("KKP_CONFIG", "the KubermaticConfiguration file"))?;
        let values = input_file(cx, &values_path, "KKP_HELM_VALUES", true)?
            .ok_or_else(|| UsageError::missing("KKP_HELM_VALUES", "the Helm values file"))?;
        // The default issuer file is optional; one the user named must exist.
        let named = args.cluster_issuer != Path::new(DEFAULT_CLUSTER_ISSUER);
        let issuer = input_file(cx, &args.cluster_issuer, "KKP_CLUSTER_ISSUER", named)?;
        if let Some(f) = issuer.as_ref().filter(|f| !f.encrypted) {
            // Read now: a broken file must stop the stage before the installer changes the
            // cluster.
            let text = std::fs::read_to_string(&f.path).unwrap_or_default();
            issuer_objects(&text, &f.name)?;
        }
        let mut values_namespaces = Vec::new();
        for ns in args
            .values_namespaces
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let valid = ns.len() <= 63
                && ns
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !ns.starts_with('-')
                && !ns.ends_with('-');
            if !valid {
                return Err(UsageError::invalid(
                    "KKP_VALUES_NAMESPACES",
                    "comma-separated namespace names (lowercase letters, digits, -)",
                    ns,
                )
                .into());
            }
            if !values_namespaces.iter().any(|n| n == ns) {
                values_namespaces.push(ns.to_owned());
            }
        }
        let age_key = [vars::SOPS_AGE_SECRET_KEY, vars::SOPS_AGE_KEY]
            .iter()
            .find_map(|v| cx.env.get(*v).filter(|k| !k.trim().is_empty()))
            .map(|k| format!("{}\n", k.trim()));
        let encrypted: Vec<String> = [Some(&config), Some(&values), issuer.as_ref()]
            .into_iter()
            .flatten()
            .filter(|f| f.encrypted)
            .map(|f| f.name.display().to_string())
            .collect();
        if !encrypted.is_empty() && age_key.is_none() {
            return Err(UsageError::missing(
                "SOPS_AGE_SECRET_KEY",
                &format!(
                    "the age key that decrypts {} (SOPS-encrypted)",
                    encrypted.join(", ")
                ),
            )
            .into());
        }
        args.cluster.check_kubeconfig_inputs(cx)?;
        Ok(Inputs {
            installer,
            storageclass,
            config,
            values,
            issuer,
            values_namespaces,
            age_key,
            label: root.display().to_string(),
        })
    }
}

/// The file the installer and the Secrets read: the repository's, or its decrypted copy in
/// `private`.
fn readable(
    cx: &mut StageCx<'_>,
    role: &str,
    file: &InputFile,
    age_key: Option<&str>,
    private: &PrivateDir,
) -> Result<Result<PathBuf, String>, StageError> {
    if !file.encrypted {
        return Ok(Ok(file.path.clone()));
    }
    let dir = cx.ctx.workspace.clone();
    let path_arg = file.path.display().to_string();
    let mut cmd = SOPS.command(cx.env, &dir, &["-d", &path_arg]);
    if let Some(key) = age_key {
        cmd = cmd.env("SOPS_AGE_KEY", key.trim());
    }
    // Quiet: stdout is the plain text.
    let run = cx.run_folded(
        "kkp_sops",
        &format!("sops -d {}", file.name.display()),
        &cmd,
        Echo::Quiet,
    )?;
    if !run.success() {
        return Ok(Err(format!(
            "sops could not decrypt {}: {}",
            file.name.display(),
            sops::failure_reason(run.code, &run.stderr)
        )));
    }
    let name = file
        .name
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".to_owned());
    // By role, keeping the extension (the installer and sops read the format from it): two
    // inputs with the same file name never overwrite each other.
    let plain = private.path().join(format!("{role}-{name}"));
    // Whatever was encrypted is a secret from here on: its string values are masked in what
    // any tool prints.
    let values = decrypted_strings(&run.stdout);
    cx.runner.masker = cx.runner.masker.with(values.iter().map(String::as_str));
    write_private(&plain, run.stdout.as_bytes()).map_err(StageError::Failed)?;
    cx.say(&format!(
        "Decrypted {} into a private temporary file",
        file.name.display()
    ))?;
    Ok(Ok(plain))
}

/// The string values of a decrypted YAML/JSON document that are secrets: those under a key
/// that names one (`clientSecret`, `password`, `serviceAccountKey`, …) and those that look
/// generated (16+ characters of letters and digits without spaces). Names, kinds and hostnames
/// stay readable: masking `kubermatic` everywhere would hide what the log is about.
fn decrypted_strings(text: &str) -> Vec<String> {
    const SECRET_KEYS: &[&str] = &[
        "secret",
        "password",
        "passwd",
        "token",
        "key",
        "credential",
        "private",
        "cookie",
        "salt",
        "hash",
        "cert",
        "auth",
    ];
    fn looks_generated(s: &str) -> bool {
        s.len() >= 16
            && !s.contains(char::is_whitespace)
            && s.chars().any(|c| c.is_ascii_digit())
            && s.chars().any(|c| c.is_ascii_alphabetic())
    }
    fn walk(key: &str, v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => {
                let k = key.to_ascii_lowercase();
                let named = SECRET_KEYS.iter().any(|p| k.contains(p));
                if s.chars().count() >= 6 && (named || looks_generated(s)) {
                    out.push(s.clone());
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(key, x, out)),
            serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| walk(k, x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for doc in kubernetes::yaml_documents(text).unwrap_or_default() {
        walk("", &doc, &mut out);
    }
    out
}

/// The installer, its charts, and its version when known (`(2, 29)`).
struct Installer {
    program: PathBuf,
    charts: PathBuf,
    version: Option<(u32, u32)>,
}

/// The installer and its charts: as given, or downloaded, verified and unpacked into `private`.
fn installer(
    cx: &mut StageCx<'_>,
    source: &InstallerSource,
    private: &PrivateDir,
) -> Result<Result<Installer, String>, StageError> {
    let (version, edition) = match source {
        InstallerSource::Given { program, charts } => {
            return Ok(Ok(Installer {
                program: program.clone(),
                charts: charts.clone(),
                version: None,
            }));
        }
        InstallerSource::Release { version, edition } => (version, edition),
    };
    let os = if cfg!(target_os = "macos") {
        "darwin"
    } else {
        "linux"
    };
    let arch = if cfg!(target_arch = "aarch64") && os == "darwin" {
        "arm64"
    } else {
        // KKP publishes linux-amd64 only.
        "amd64"
    };
    let asset = format!("kubermatic-{edition}-{version}-{os}-{arch}.tar.gz");
    let releases = cx
        .env
        .get(vars::KKP_RELEASES_URL)
        .filter(|v| !v.is_empty())
        .unwrap_or(DEFAULT_RELEASES_URL)
        .trim_end_matches('/')
        .to_owned();
    let url = format!("{releases}/{version}/{asset}");
    let (expected, source_of_expected) = match cx
        .env
        .get(vars::KKP_INSTALLER_SHA256)
        .filter(|v| !v.is_empty())
    {
        Some(pin) => match download::normalise_sha256(pin) {
            Some(sum) => (sum, "KKP_INSTALLER_SHA256".to_owned()),
            None => {
                return Err(UsageError::invalid(
                    "KKP_INSTALLER_SHA256",
                    "a SHA-256 as 64 hex digits",
                    pin,
                )
                .into())
            }
        },
        None => {
            let api = cx
                .env
                .get(vars::KKP_RELEASES_API_URL)
                .filter(|v| !v.is_empty())
                .unwrap_or(DEFAULT_RELEASES_API_URL)
                .to_owned();
            cx.say(&format!(
                "Looking up the SHA-256 of {asset} in the releases API"
            ))?;
            match until_interrupted(
                cx,
                "looking up the installer's SHA-256",
                download::release_asset_digest(&api, KKP_REPOSITORY, version, &asset),
            )? {
                Ok(Some(digest)) => (
                    digest,
                    format!("the releases API ({KKP_REPOSITORY} {version})"),
                ),
                Ok(None) => {
                    return Ok(Err(format!(
                        "the releases API publishes no SHA-256 digest for {asset}, so the download \
                         cannot be verified: set KKP_INSTALLER_SHA256 to the asset's SHA-256"
                    )))
                }
                Err(e) => return Ok(Err(format!("cannot verify the installer download: {e}"))),
            }
        }
    };
    let tarball = private.path().join(&asset);
    {
        let rt = cx.rt;
        let interrupts = cx.runner.interrupts.clone();
        let mut fold = cx.fold("kkp_installer_download", &format!("Download {asset}"))?;
        let _ = writeln!(
            fold,
            "{url}\nexpected SHA-256 {expected} ({source_of_expected})"
        );
        let mut progress = |bytes: u64| {
            let _ = writeln!(fold, "{} MiB", bytes / (1024 * 1024));
        };
        let result = until_interrupted_on(
            rt,
            &interrupts,
            "downloading the installer",
            download::fetch_verified(
                &url,
                &tarball,
                &expected,
                &source_of_expected,
                &mut progress,
            ),
        );
        // A stopped download leaves no partial file.
        let result = match result {
            Ok(r) => r,
            Err(e) => {
                let _ = std::fs::remove_file(&tarball);
                return Err(e);
            }
        };
        if let Err(e) = result {
            return Ok(Err(e.to_string()));
        }
        let _ = writeln!(fold, "SHA-256 verified");
    }
    let unpacked = private.path().join("release");
    std::fs::create_dir(&unpacked).map_err(|e| StageError::Failed(e.into()))?;
    let tarball_arg = tarball.display().to_string();
    let unpacked_arg = unpacked.display().to_string();
    let dir = private.path().to_owned();
    let untar = cx.run_folded(
        "kkp_installer_unpack",
        &format!("Unpack {asset}"),
        &TAR.command(
            cx.env,
            &dir,
            &["-xzf", &tarball_arg, "-C", &unpacked_arg, "--no-same-owner"],
        ),
        Echo::Lines,
    )?;
    let _ = std::fs::remove_file(&tarball);
    let program = unpacked.join("kubermatic-installer");
    if !untar.success() || !program.is_file() {
        return Ok(Err(format!(
            "{asset} did not unpack to kubermatic-installer and charts/: {}",
            one_line(untar.stderr.trim())
        )));
    }
    Ok(Ok(Installer {
        program,
        charts: unpacked.join("charts"),
        version: installer::parse_minor(version),
    }))
}

fn run(
    cx: &mut StageCx<'_>,
    args: &DeployArgs,
    inputs: &Inputs,
    private: &PrivateDir,
) -> Result<Report, StageError> {
    let label = inputs.label.clone();
    let fail = |why: String| Ok(Report::failed(why, label.clone()));
    let age = inputs.age_key.as_deref();

    // The installer first: a download that does not verify stops the stage before any file
    // is decrypted.
    let Installer {
        program,
        charts,
        version: known_version,
    } = match installer(cx, &inputs.installer, private)? {
        Ok(found) => found,
        Err(why) => return fail(why),
    };
    let config = match readable(cx, "config", &inputs.config, age, private)? {
        Ok(p) => p,
        Err(why) => return fail(why),
    };
    let values = match readable(cx, "values", &inputs.values, age, private)? {
        Ok(p) => p,
        Err(why) => return fail(why),
    };
    let issuer = match &inputs.issuer {
        Some(f) => match readable(cx, "issuer", f, age, private)? {
            Ok(p) => Some(p),
            Err(why) => return fail(why),
        },
        None => None,
    };

    let kubeconfig = args.cluster.kubeconfig(cx, private)?;

    // `-o json` exists from v2.24; a given installer is asked its version.
    let version = match known_version {
        Some(v) => Some(v),
        None => {
            let dir = cx.ctx.workspace.clone();
            let mut cmd = INSTALLER.command(cx.env, &dir, &["version", "--short"]);
            cmd.program = program.clone();
            let run = cx.run_folded(
                "kkp_installer_version",
                "kubermatic-installer version",
                &cmd,
                Echo::Lines,
            )?;
            installer::version(&format!("{}\n{}", run.stdout, run.stderr))
        }
    };
    let mut deploy_args: Vec<String> = vec!["deploy".into()];
    let mut push = |flag: &str, value: &Path| {
        deploy_args.push(flag.to_owned());
        deploy_args.push(value.display().to_string());
    };
    push("--config", &config);
    push("--helm-values", &values);
    push("--storageclass", Path::new(&inputs.storageclass));
    // The derived kubeconfig, KUBECONFIG's file, or, for a list (the flag takes one file),
    // the list flattened into one private file.
    let access = kube_access(cx, kubeconfig.as_deref())?;
    let kubeconfig_file = match &kubeconfig {
        Some(k) => k.clone(),
        None => {
            let paths = kubeconfig_env_paths(cx)?.unwrap_or_default();
            match paths.as_slice() {
                [one] => one.clone(),
                _ => {
                    let path = private.path().join("kubeconfig");
                    write_private(&path, access.flattened().as_bytes())
                        .map_err(StageError::Failed)?;
                    path
                }
            }
        }
    };
    push("--kubeconfig", &kubeconfig_file);
    push("--charts-directory", &charts);
    if version.is_some_and(installer::has_json_output) {
        deploy_args.push("-o".into());
        deploy_args.push("json".into());
    }
    let dir = cx.ctx.workspace.clone();
    let refs: Vec<&str> = deploy_args.iter().map(String::as_str).collect();
    let mut cmd = INSTALLER.command(cx.env, &dir, &refs);
    cmd.program = program;
    if let Some(k) = &kubeconfig {
        cmd = cmd.env("KUBECONFIG", k.display().to_string());
    }
    let run = cx.run_folded(
        "kkp_installer",
        "kubermatic-installer deploy",
        &cmd,
        Echo::Map(&installer::log_line),
    )?;
    // Masked before it becomes findings and reasons, with the credentials found during the
    // run (the derived kubeconfig's), which the publisher's masker does not know.
    let output = cx
        .runner
        .masker
        .mask(&format!("{}\n{}", run.stdout, run.stderr));
    let config_name = inputs.config.name.display().to_string();
    let values_name = inputs.values.name.display().to_string();
    let findings = installer::findings(&output, &|source| match source {
        Source::Configuration => config_name.clone(),
        Source::HelmValues => values_name.clone(),
    });
    let mut md = String::new();
    if !run.success() {
        let why = installer::failure_reason(run.code, &output);
        let _ = writeln!(
            md,
            "### ❌ `kubermatic-installer deploy` failed\n\n{}\n",
            escape(&why)
        );
        let invalid: Vec<_> = findings.iter().filter(|f| f.file.is_some()).collect();
        if !invalid.is_empty() {
            let _ = writeln!(md, "| File | Problem |\n|---|---|");
            for f in invalid {
                let _ = writeln!(
                    md,
                    "| `{}` | {} |",
                    f.file.as_deref().unwrap_or("").replace('`', "'"),
                    escape(&f.message).replace('|', "\\|")
                );
            }
            md.push('\n');
        }
        let _ = writeln!(md, "Nothing was applied after the installer failed.");
        let mut report = Report::failed(why, label);
        report.summary = md;
        report.findings = findings;
        report.findings_path = config_name;
        return Ok(report);
    }

    // The objects, in an order that lets each find what it needs.
    // Self-contained: whoever reads the Secret in the cluster has none of our files.
    let kubeconfig_text = access.flattened().into_bytes();
    let values_text = std::fs::read(&values).map_err(|e| StageError::Failed(e.into()))?;
    let mut objects: Vec<(String, serde_json::Value)> = Vec::new();
    let mut namespaces = vec![KUBERMATIC_NAMESPACE.to_owned()];
    namespaces.extend(
        inputs
            .values_namespaces
            .iter()
            .filter(|n| *n != KUBERMATIC_NAMESPACE)
            .cloned(),
    );
    for ns in &namespaces {
        objects.push((format!("Namespace {ns}"), kubernetes::namespace(ns)));
    }
    if let (Some(path), Some(f)) = (&issuer, &inputs.issuer) {
        let text = std::fs::read_to_string(path).map_err(|e| StageError::Failed(e.into()))?;
        let docs = issuer_objects(&text, &f.name)?;
        for doc in docs {
            let kind = doc
                .get("kind")
                .and_then(serde_json::Value::as_str)
                .unwrap_or("?");
            let name = doc
                .pointer("/metadata/name")
                .and_then(serde_json::Value::as_str)
                .unwrap_or("?");
            objects.push((one_line(&format!("{kind} {name}")), doc.clone()));
        }
    }
    objects.push((
        format!("Secret {KUBERMATIC_NAMESPACE}/kubeconfig-cluster"),
        kubernetes::secret(
            KUBERMATIC_NAMESPACE,
            "kubeconfig-cluster",
            &[("kubeconfig", &kubeconfig_text)],
        ),
    ));
    for ns in &inputs.values_namespaces {
        objects.push((
            format!("Secret {ns}/kubermatic-values"),
            kubernetes::secret(ns, "kubermatic-values", &[("values.yaml", &values_text)]),
        ));
    }
    if let Some(key) = age {
        objects.push((
            format!("Secret {KUBERMATIC_NAMESPACE}/sops-age"),
            kubernetes::secret(
                KUBERMATIC_NAMESPACE,
                "sops-age",
                &[("age.agekey", key.as_bytes())],
            ),
        ));
    }

    // The Secrets' data as the API sees it (base64), and the long lines of the flattened
    // kubeconfig (its keys, certificates and server), are masked wherever they might be
    // repeated: an API error, a tool's log.
    let mut hidden: Vec<String> = Vec::new();
    for (_, object) in &objects {
        if object.get("kind").and_then(serde_json::Value::as_str) == Some("Secret") {
            if let Some(data) = object.get("data").and_then(serde_json::Value::as_object) {
                hidden.extend(
                    data.values()
                        .filter_map(serde_json::Value::as_str)
                        .map(str::to_owned),
                );
            }
        }
    }
    hidden.extend(crate::mask::long_values(&String::from_utf8_lossy(
        &kubeconfig_text,
    )));
    cx.runner.masker = cx.runner.masker.with(hidden.iter().map(String::as_str));
    let client = kube_client(cx, kubeconfig.as_deref())?;
    let mut applied: Vec<(String, Applied)> = Vec::new();
    let mut failure = None;
    {
        let rt = cx.rt;
        let interrupts = cx.runner.interrupts.clone();
        let mut fold = cx.fold(
            "kkp_cluster_objects",
            "Cluster issuer and secrets (server-side apply)",
        )?;
        for (what, object) in &objects {
            if let Some(sig) = interrupts.received() {
                failure = Some(format!(
                    "stopped before {what}: the stage received {}",
                    sig.as_str()
                ));
                break;
            }
            let stopped_or_applied = until_interrupted_on(
                rt,
                &interrupts,
                &format!("applying {what}"),
                client.apply(object),
            );
            let applied_or_failed = match stopped_or_applied {
                Ok(answer) => answer,
                Err(stopped) => {
                    let _ = writeln!(fold, "{what}: {stopped}");
                    failure = Some(stopped.to_string());
                    break;
                }
            };
            match applied_or_failed {
                Ok(result) => {
                    let _ = writeln!(fold, "{what}: {result}");
                    applied.push((what.clone(), result));
                }
                Err(e) => {
                    let _ = writeln!(fold, "{what}: failed: {e}");
                    failure = Some(format!("{what} could not be applied: {e}"));
                    break;
                }
            }
        }
    }
    let version_text = match (&inputs.installer, version) {
        (InstallerSource::Release { version, edition }, _) => format!("KKP {version} ({edition})"),
        (InstallerSource::Given { .. }, Some((a, b))) => format!("KKP v{a}.{b}"),
        (InstallerSource::Given { .. }, None) => "KKP".to_owned(),
    };
    let table = |md: &mut String| {
        if !applied.is_empty() {
            let _ = writeln!(md, "| Object | Result |\n|---|---|");
            for (what, result) in &applied {
                let _ = writeln!(md, "| {} | {result} |", escape(what));
            }
            md.push('\n');
        }
    };
    let mut report = if let Some(why) = failure {
        let _ = writeln!(
            md,
            "### ❌ `kkp-deploy`: the installer succeeded, the cluster objects did not\n\n{}\n",
            escape(&why)
        );
        table(&mut md);
        Report::failed(why, label)
    } else {
        let headline = format!(
            "{version_text} deployed with storage class {}; {} object(s) applied",
            inputs.storageclass,
            applied.len()
        );
        let _ = writeln!(
            md,
            "### ✅ `kubermatic-installer deploy`\n\n**{}**\n",
            escape(&headline)
        );
        table(&mut md);
        if age.is_none() {
            let _ = writeln!(
                md,
                "No SOPS_AGE_SECRET_KEY was set: Secret `sops-age` was not applied.\n"
            );
        }
        Report::new(true, headline, label)
    };
    report.summary = md;
    report.findings = findings;
    // KUBECONFIG with an exec credential plugin: the stage ran the plugin and the cluster's
    // kubeconfig Secret holds its short-lived token (EKS: about 15 minutes), which KKP cannot
    // renew from inside the cluster.
    if kubeconfig_env_paths(cx)?.is_some() && kubeconfig.is_some() {
        report.findings.push(crate::report::model::Finding::new(
            crate::report::model::Level::Warning,
            "Secret kubermatic/kubeconfig-cluster holds the token KUBECONFIG's exec plugin gave, which expires soon: give KKP a kubeconfig with a long-lived token (a service account's) for its own use",
        ));
    }
    report.findings_path = config_name;
    report.metric("Objects applied", applied.len());
    let outputs = &mut report.outputs;
    outputs.set("storageclass", inputs.storageclass.clone());
    if let InstallerSource::Release { version, edition } = &inputs.installer {
        outputs.set("kkp-version", version.clone());
        outputs.set("edition", edition.clone());
    }
    outputs.set("objects", applied.len().to_string());
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decrypted_secrets_are_masked_and_names_are_not() {
        let found = decrypted_strings(
            "metadata:\n  name: kubermatic\nspec:\n  ingress:\n    domain: kkp.example.com\n  auth:\n    serviceAccountKey: short-but-named\ndex:\n  clients:\n  - id: kubermatic\n    secret: Zm9vYmFyYmF6cXV4MTIzNDU2\n  other: 9f8e7d6c5b4a39281706\n",
        );
        assert!(found.contains(&"short-but-named".to_owned()), "{found:?}");
        assert!(found.contains(&"Zm9vYmFyYmF6cXV4MTIzNDU2".to_owned()));
        assert!(found.contains(&"9f8e7d6c5b4a39281706".to_owned()));
        assert!(!found
            .iter()
            .any(|s| s == "kubermatic" || s == "kkp.example.com"));
    }

    #[test]
    fn storage_classes_follow_the_root() {
        assert_eq!(storageclass_for(Path::new("terraform/gce")), Some("gcp"));
        assert_eq!(storageclass_for(Path::new("terraform/aws")), Some("aws"));
        assert_eq!(storageclass_for(Path::new("terraform/x")), None);
    }
}
