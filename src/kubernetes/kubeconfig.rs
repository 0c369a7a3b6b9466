//! Kubeconfig handling: a kubeconfig read as kubectl reads it (a path or a `:`-separated list,
//! first value wins, the current context), with tokens, token files, basic auth, client
//! certificates, CA data or files and `insecure-skip-tls-verify`; exec and auth-provider
//! plugins refused with a clear message (a credential plugin is a program, and the stages run
//! no program they were not built to run). The client (`kubernetes/mod.rs`) builds its
//! connection from the [`Access`] found here.

use std::path::{Path, PathBuf};

use base64::Engine as _;
use serde::Deserialize;
use serde_json::Value;

use super::KubeError;

/// The parts of a kubeconfig file we read.
#[derive(Debug, Default, Deserialize)]
struct KubeconfigFile {
    #[serde(rename = "current-context", default)]
    current_context: Option<String>,
    #[serde(default)]
    clusters: Vec<Named<ClusterEntry>>,
    #[serde(default)]
    users: Vec<Named<UserEntry>>,
    #[serde(default)]
    contexts: Vec<Named<ContextEntry>>,
}

#[derive(Debug, Deserialize)]
struct Named<T> {
    name: String,
    #[serde(alias = "cluster", alias = "user", alias = "context")]
    value: Option<T>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct ClusterEntry {
    server: Option<String>,
    certificate_authority: Option<PathBuf>,
    certificate_authority_data: Option<String>,
    #[serde(default)]
    insecure_skip_tls_verify: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct UserEntry {
    token: Option<String>,
    token_file: Option<PathBuf>,
    username: Option<String>,
    password: Option<String>,
    client_certificate: Option<PathBuf>,
    client_certificate_data: Option<String>,
    client_key: Option<PathBuf>,
    client_key_data: Option<String>,
    exec: Option<serde_json::Value>,
    #[serde(rename = "auth-provider")]
    auth_provider: Option<serde_json::Value>,
}

#[derive(Debug, Default, Deserialize)]
struct ContextEntry {
    cluster: Option<String>,
    user: Option<String>,
}

/// How requests authenticate.
#[derive(Clone)]
pub(super) enum Auth {
    Anonymous,
    /// A credential plugin not run yet: the stage runs it through its tool runner
    /// ([`Access::exec_plugin`], [`Access::with_exec_credential`]).
    Exec(ExecPlugin),
    Bearer(String),
    Basic(String, String),
    /// A client certificate and its key, as PEM.
    Certificate {
        cert: Vec<u8>,
        key: Vec<u8>,
    },
}

/// Where the API server is and how to reach it, from the kubeconfig's current context.
#[derive(Clone)]
pub struct Access {
    /// The context's name, for messages.
    pub context: String,
    /// The API server, without a trailing `/`.
    pub server: String,
    pub(super) ca_pem: Option<Vec<u8>>,
    pub(super) insecure: bool,
    pub(super) auth: Auth,
    /// The credentials as the kubeconfig spelled them (base64 `*-data`), for masking.
    raw_secrets: Vec<String>,
}

impl std::fmt::Debug for Access {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the credentials.
        f.debug_struct("Access")
            .field("context", &self.context)
            .field("server", &self.server)
            .finish_non_exhaustive()
    }
}

/// The kubeconfig files `KUBECONFIG` names (a `:`-separated list; empty entries skipped).
pub fn kubeconfig_paths(value: &str) -> Vec<PathBuf> {
    value
        .split(':')
        .filter(|p| !p.trim().is_empty())
        .map(PathBuf::from)
        .collect()
}

fn decode_data(what: &str, data: &str) -> Result<Vec<u8>, KubeError> {
    let compact: String = data.split_whitespace().collect();
    base64::engine::general_purpose::STANDARD
        .decode(compact)
        .map_err(|_| KubeError::Config(format!("{what} is not base64")))
}

fn read_file(what: &str, base: &Path, path: &Path) -> Result<Vec<u8>, KubeError> {
    // Relative paths in a kubeconfig are relative to the file that names them.
    let full = base.join(path);
    std::fs::read(&full).map_err(|e| KubeError::Config(format!("{what} {}: {e}", full.display())))
}

impl Access {
    /// The current context of the kubeconfig files, merged as kubectl merges them: the first
    /// file that sets a value wins.
    pub fn load(paths: &[PathBuf]) -> Result<Self, KubeError> {
        let mut files = Vec::new();
        for path in paths {
            let text = match std::fs::read_to_string(path) {
                Ok(t) => t,
                // kubectl skips listed files that do not exist.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && paths.len() > 1 => continue,
                Err(e) => {
                    return Err(KubeError::Config(format!(
                        "cannot read {}: {e}",
                        path.display()
                    )))
                }
            };
            super::check_yaml_shape(&text).map_err(|e| {
                KubeError::Config(format!("{} is not a kubeconfig: {e}", path.display()))
            })?;
            let file: KubeconfigFile = if text.trim().is_empty() {
                KubeconfigFile::default()
            } else {
                serde_yaml_ng::from_str(&text).map_err(|e| not_a_kubeconfig(path, &text, &e))?
            };
            let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
            files.push((base, file));
        }
        let current = files
            .iter()
            .find_map(|(_, f)| f.current_context.clone().filter(|c| !c.is_empty()))
            .ok_or_else(|| KubeError::Config("no current-context is set".to_owned()))?;
        let context = files
            .iter()
            .flat_map(|(_, f)| f.contexts.iter())
            .find(|c| c.name == current)
            .and_then(|c| c.value.as_ref())
            .ok_or_else(|| KubeError::Config(format!("context {current:?} is not defined")))?;
        let cluster_name = context.cluster.clone().unwrap_or_default();
        let (cluster_base, cluster) = files
            .iter()
            .find_map(|(b, f)| {
                f.clusters
                    .iter()
                    .find(|c| c.name == cluster_name)
                    .and_then(|c| c.value.as_ref())
                    .map(|c| (b, c))
            })
            .ok_or_else(|| {
                KubeError::Config(format!(
                    "cluster {cluster_name:?} of context {current:?} is not defined"
                ))
            })?;
        let server = cluster
            .server
            .clone()
            .filter(|s| !s.is_empty())
            .ok_or_else(|| KubeError::Config(format!("cluster {cluster_name:?} has no server")))?;
        let ca_pem = match (
            &cluster.certificate_authority_data,
            &cluster.certificate_authority,
        ) {
            (Some(data), _) => Some(decode_data("certificate-authority-data", data)?),
            (None, Some(path)) => Some(read_file("certificate-authority", cluster_base, path)?),
            (None, None) => None,
        };
        let user_name = context.user.clone().unwrap_or_default();
        let found_user = files.iter().find_map(|(b, f)| {
            f.users
                .iter()
                .find(|u| u.name == user_name)
                .and_then(|u| u.value.as_ref())
                .map(|u| (b, u))
        });
        let (auth, raw_secrets) = match found_user {
            None => (Auth::Anonymous, Vec::new()),
            Some((base, user)) => {
                let raw = [&user.client_key_data, &user.client_certificate_data]
                    .into_iter()
                    .flatten()
                    .map(|d| d.split_whitespace().collect::<String>())
                    .collect();
                (user_auth(&user_name, base, user)?, raw)
            }
        };
        Ok(Access {
            context: current,
            server: server.trim_end_matches('/').to_owned(),
            ca_pem,
            insecure: cluster.insecure_skip_tls_verify,
            auth,
            raw_secrets,
        })
    }

    /// One self-contained kubeconfig for this context (credentials and CA inline), as JSON,
    /// which every kubeconfig reader takes as YAML: for a tool that takes one file, and for
    /// Secret kubeconfig-cluster, whose reader inside the cluster has none of our files.
    pub fn flattened(&self) -> String {
        let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
        let mut cluster = serde_json::json!({ "server": self.server });
        if let Some(ca) = &self.ca_pem {
            cluster["certificate-authority-data"] = Value::String(b64(ca));
        }
        if self.insecure {
            cluster["insecure-skip-tls-verify"] = Value::Bool(true);
        }
        let user = match &self.auth {
            // A plugin not run gives the tools no credential: they never run it themselves.
            Auth::Anonymous | Auth::Exec(_) => serde_json::json!({}),
            Auth::Bearer(t) => serde_json::json!({ "token": t }),
            Auth::Basic(u, p) => serde_json::json!({ "username": u, "password": p }),
            Auth::Certificate { cert, key } => serde_json::json!({
                "client-certificate-data": b64(cert),
                "client-key-data": b64(key),
            }),
        };
        serde_json::json!({
            "apiVersion": "v1",
            "kind": "Config",
            "current-context": self.context,
            "clusters": [{ "name": "cluster", "cluster": cluster }],
            "users": [{ "name": "user", "user": user }],
            "contexts": [{ "name": self.context, "context": { "cluster": "cluster", "user": "user" } }],
        })
        .to_string()
    }
}

fn user_auth(name: &str, base: &Path, user: &UserEntry) -> Result<Auth, KubeError> {
    if user.auth_provider.is_some() {
        return Err(KubeError::Config(format!(
            "user {name:?} gets its credentials from an auth-provider plugin, which kubectl no \
             longer runs and kkp-delivery never does: use an exec credential plugin \
             (client.authentication.k8s.io/v1, as EKS, GKE and AKS kubeconfigs do), a token or a \
             client certificate"
        )));
    }
    if let Some(exec) = &user.exec {
        return ExecPlugin::parse(name, base, exec).map(Auth::Exec);
    }
    let cert = match (&user.client_certificate_data, &user.client_certificate) {
        (Some(data), _) => Some(decode_data("client-certificate-data", data)?),
        (None, Some(path)) => Some(read_file("client-certificate", base, path)?),
        (None, None) => None,
    };
    let key = match (&user.client_key_data, &user.client_key) {
        (Some(data), _) => Some(decode_data("client-key-data", data)?),
        (None, Some(path)) => Some(read_file("client-key", base, path)?),
        (None, None) => None,
    };
    if let Some(token) = user
        .token
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        return Ok(Auth::Bearer(token.to_owned()));
    }
    if let Some(path) = &user.token_file {
        let token = read_file("tokenFile", base, path)?;
        return Ok(Auth::Bearer(
            String::from_utf8_lossy(&token).trim().to_owned(),
        ));
    }
    match (cert, key) {
        (Some(cert), Some(key)) => return Ok(Auth::Certificate { cert, key }),
        (Some(_), None) | (None, Some(_)) => {
            return Err(KubeError::Config(format!(
                "user {name:?} has a client certificate or key, but not both"
            )))
        }
        (None, None) => {}
    }
    if let (Some(u), Some(p)) = (&user.username, &user.password) {
        return Ok(Auth::Basic(u.clone(), p.clone()));
    }
    Ok(Auth::Anonymous)
}

/// The credentials of `access` that must never be shown (for the log masker).
pub fn secrets_of(access: &Access) -> Vec<String> {
    let mut secrets = access.raw_secrets.clone();
    match &access.auth {
        Auth::Anonymous => {}
        // The plugin's own variables may carry credentials (a role, a profile's key).
        Auth::Exec(plugin) => secrets.extend(
            plugin
                .env
                .iter()
                .map(|(_, v)| v.clone())
                .filter(|v| v.len() >= 8),
        ),
        Auth::Bearer(t) => secrets.push(t.clone()),
        Auth::Basic(_, p) => secrets.push(p.clone()),
        Auth::Certificate { key, .. } => secrets.extend(
            String::from_utf8_lossy(key)
                .lines()
                .filter(|l| l.len() > 16 && !l.starts_with("-----"))
                .map(str::to_owned),
        ),
    }
    secrets
}

/// What a `KUBECONFIG` value names: its files, or, when it holds a kubeconfig's content or
/// base64 instead of paths, what was expected, said without repeating the value.
pub fn paths_of_value(value: &str) -> Result<Vec<PathBuf>, String> {
    let trimmed = value.trim();
    let content = trimmed.contains('\n')
        || trimmed.starts_with('{')
        || trimmed.starts_with("apiVersion")
        || trimmed.contains(": ");
    if content {
        return Err(
            "the path of a kubeconfig file (or a `:`-separated list of them); it holds \
                    a kubeconfig's content instead: write the content to a file and set the \
                    variable to that file's path"
                .to_owned(),
        );
    }
    if looks_like_base64(trimmed) && !Path::new(trimmed).exists() {
        return Err(
            "the path of a kubeconfig file; it holds base64 text instead: decode it \
                    into a file (`base64 -d`) and set the variable to that file's path"
                .to_owned(),
        );
    }
    Ok(kubeconfig_paths(value))
}

/// Long text of base64's alphabet only: not a path anyone writes.
fn looks_like_base64(text: &str) -> bool {
    text.len() >= 64
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
        && !text.contains("//")
}

/// Why `path` is not a kubeconfig, with the place in the file and never its content (serde's
/// messages quote the value they could not read).
fn not_a_kubeconfig(path: &Path, text: &str, e: &serde_yaml_ng::Error) -> KubeError {
    let compact: String = text.split_whitespace().collect();
    if looks_like_base64(&compact) {
        return KubeError::Config(format!(
            "{} holds base64 text, not a kubeconfig: decode it first (`base64 -d`)",
            path.display()
        ));
    }
    let place = match e.location() {
        Some(at) => format!(" at line {}, column {}", at.line(), at.column()),
        None => String::new(),
    };
    KubeError::Config(format!(
        "{} is not a kubeconfig: its YAML does not parse as one{place}",
        path.display()
    ))
}

/// A kubeconfig user's `exec` credential plugin: a program that prints an `ExecCredential`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExecPlugin {
    /// As the kubeconfig gives it; a relative path with a `/` is taken from the kubeconfig's
    /// folder, as kubectl does.
    pub command: PathBuf,
    pub args: Vec<String>,
    /// The plugin's own variables, from the kubeconfig.
    pub env: Vec<(String, String)>,
    /// `client.authentication.k8s.io/v1` or `…/v1beta1`.
    pub api_version: String,
    /// The kubeconfig's folder: the plugin runs there.
    pub dir: PathBuf,
}

/// The `ExecCredential` versions a plugin may speak.
const EXEC_VERSIONS: &[&str] = &[
    "client.authentication.k8s.io/v1",
    "client.authentication.k8s.io/v1beta1",
];

impl ExecPlugin {
    fn parse(user: &str, base: &Path, exec: &Value) -> Result<Self, KubeError> {
        let text = |key: &str| exec.get(key).and_then(Value::as_str).map(str::to_owned);
        let api_version = text("apiVersion").unwrap_or_default();
        if !EXEC_VERSIONS.contains(&api_version.as_str()) {
            return Err(KubeError::Config(format!(
                "user {user:?}'s exec plugin speaks {api_version:?}; expected one of {}",
                EXEC_VERSIONS.join(", ")
            )));
        }
        let command = text("command")
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| {
                KubeError::Config(format!("user {user:?}'s exec plugin has no command"))
            })?;
        let command = if command.contains('/') && !command.starts_with('/') {
            base.join(command)
        } else {
            PathBuf::from(command)
        };
        let args = exec
            .get("args")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let env = exec
            .get("env")
            .and_then(Value::as_array)
            .map(|e| {
                e.iter()
                    .filter_map(|v| {
                        Some((
                            v.get("name")?.as_str()?.to_owned(),
                            v.get("value")?.as_str()?.to_owned(),
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ok(Self {
            command,
            args,
            env,
            api_version,
            dir: base.to_owned(),
        })
    }

    /// `KUBERNETES_EXEC_INFO`: what the plugin is told of the call (never interactive here).
    pub fn exec_info(&self) -> String {
        serde_json::json!({
            "apiVersion": self.api_version,
            "kind": "ExecCredential",
            "spec": { "interactive": false },
        })
        .to_string()
    }

    /// The credential in the plugin's standard output: a token or a client certificate and
    /// key. The error never repeats the output (it holds the credential).
    pub fn credential(&self, stdout: &str) -> Result<ExecCredential, KubeError> {
        let refused = |what: &str| {
            KubeError::Config(format!(
                "the exec plugin {} printed {what}, not an ExecCredential with a token or a client certificate",
                self.command.display()
            ))
        };
        let value: Value = serde_json::from_str(stdout.trim()).map_err(|_| refused("no JSON"))?;
        if value.get("kind").and_then(Value::as_str) != Some("ExecCredential") {
            return Err(refused("another kind of object"));
        }
        let status = value.get("status").ok_or_else(|| refused("no status"))?;
        let field = |key: &str| {
            status
                .get(key)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
        };
        if let Some(token) = field("token") {
            return Ok(ExecCredential::Token(token));
        }
        match (field("clientCertificateData"), field("clientKeyData")) {
            (Some(cert), Some(key)) => Ok(ExecCredential::Certificate { cert, key }),
            _ => Err(refused("a status without a token")),
        }
    }
}

/// What an exec plugin gave.
#[derive(Clone)]
pub enum ExecCredential {
    Token(String),
    /// PEM text of each.
    Certificate {
        cert: String,
        key: String,
    },
}

impl ExecCredential {
    /// The values to mask.
    pub fn secrets(&self) -> Vec<String> {
        match self {
            ExecCredential::Token(t) => vec![t.clone()],
            ExecCredential::Certificate { key, .. } => key
                .lines()
                .filter(|l| l.len() > 16 && !l.starts_with("-----"))
                .map(str::to_owned)
                .collect(),
        }
    }
}

impl Access {
    /// The credential plugin this access still needs run, if any.
    pub fn exec_plugin(&self) -> Option<&ExecPlugin> {
        match &self.auth {
            Auth::Exec(plugin) => Some(plugin),
            _ => None,
        }
    }

    /// This access with the plugin's credential in place of the plugin: what the client and
    /// the tools (through [`Access::flattened`]) use, so no tool runs the plugin itself.
    pub fn with_exec_credential(mut self, credential: ExecCredential) -> Self {
        self.auth = match credential {
            ExecCredential::Token(t) => Auth::Bearer(t),
            ExecCredential::Certificate { cert, key } => Auth::Certificate {
                cert: cert.into_bytes(),
                key: key.into_bytes(),
            },
        };
        self
    }
}
