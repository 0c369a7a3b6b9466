//! The Kubernetes API, for the few calls the cluster stages make themselves: server-side apply of
//! the objects kkp-deploy creates (namespaces, the cluster issuer, Secrets) and reading the
//! ingress Service dns-update waits for.
//!
//! A small client over the same reqwest stack as the forges instead of the `kube` crate: the
//! stages need five endpoints, and `kube` + `k8s-openapi` would add megabytes to every
//! executable and minutes to every clean build (docs/ARCHITECTURE.md). The kubeconfig is read
//! as kubectl reads it (a path or a `:`-separated list, the current context), with tokens,
//! basic auth and client certificates; exec plugins are refused with a clear message.
//!
//! No object is ever put on a command line: the body goes to the API server in the request.

use std::collections::BTreeMap;
use std::time::Duration;

use base64::Engine as _;
use serde::Deserialize;
use serde_json::Value;

pub mod kubeconfig;

use kubeconfig::Auth;
pub use kubeconfig::{kubeconfig_paths, secrets_of, Access, ExecCredential, ExecPlugin};

/// Who the objects we apply belong to (`metadata.managedFields[].manager`).
pub const FIELD_MANAGER: &str = "kkp-delivery";
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest answer read: a Service or an API resource list is a few KiB.
const MAX_ANSWER_BYTES: usize = 8 * 1024 * 1024;

/// What can go wrong talking to the cluster.
#[derive(Debug, thiserror::Error)]
pub enum KubeError {
    /// The kubeconfig cannot be used; the text says which file and what.
    #[error("kubeconfig: {0}")]
    Config(String),
    /// The request did not get an answer (connection, TLS, deadline).
    #[error("{what}: {reason}")]
    Transport { what: String, reason: String },
    /// The API server answered with an error status.
    #[error("{what}: the API server answered {status}: {message}")]
    Api {
        what: String,
        status: u16,
        message: String,
    },
    /// The cluster does not serve this kind (a CRD that is not installed yet).
    #[error("the cluster does not serve {kind} in {api_version} (is its CustomResourceDefinition installed?)")]
    NotServed { api_version: String, kind: String },
    /// The object to apply is not a Kubernetes object.
    #[error("{0}")]
    Object(String),
}

impl KubeError {
    /// The API server refused us (credentials or RBAC): waiting will not help.
    pub fn is_denied(&self) -> bool {
        matches!(
            self,
            KubeError::Api {
                status: 401 | 403,
                ..
            }
        )
    }
}

/// What applying an object did, as kubectl says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applied {
    Created,
    Configured,
}

impl std::fmt::Display for Applied {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Applied::Created => "created",
            Applied::Configured => "configured",
        })
    }
}

/// The load balancer of a Service, as far as it exists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadBalancer {
    /// No such Service (yet).
    NoService,
    /// The Service exists, but has no load-balancer address yet.
    Pending { service_type: String },
    /// The first ingress point's hostname and IP (either may be empty).
    Ready { hostname: String, ip: String },
}

/// A resource's place in the API: its plural name and whether it lives in a namespace.
#[derive(Clone, Debug)]
struct Resource {
    plural: String,
    namespaced: bool,
}

/// A client for one API server.
pub struct Client {
    http: reqwest::Client,
    access: Access,
    /// Resources found by discovery, by `apiVersion/kind`.
    discovered: std::sync::Mutex<BTreeMap<String, Resource>>,
}

impl Client {
    pub fn new(access: Access) -> Result<Self, KubeError> {
        if let Some(plugin) = access.exec_plugin() {
            return Err(KubeError::Config(format!(
                "the exec plugin {} has not been run for this client",
                plugin.command.display()
            )));
        }
        let mut builder = crate::tls::client_builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            // Credentials go to the API server only.
            .redirect(reqwest::redirect::Policy::none());
        if let Some(pem) = &access.ca_pem {
            let certs = reqwest::Certificate::from_pem_bundle(pem).map_err(|e| {
                KubeError::Config(format!(
                    "the cluster's certificate authority is not PEM: {e}"
                ))
            })?;
            builder = builder.tls_certs_only(certs);
        }
        if access.insecure {
            builder = builder.danger_accept_invalid_certs(true);
        }
        if let Auth::Certificate { cert, key } = &access.auth {
            let mut pem = cert.clone();
            pem.push(b'\n');
            pem.extend_from_slice(key);
            let identity = reqwest::Identity::from_pem(&pem).map_err(|e| {
                KubeError::Config(format!("the client certificate or key is not usable: {e}"))
            })?;
            builder = builder.identity(identity);
        }
        let http = builder
            .build()
            .map_err(|e| KubeError::Config(format!("cannot build an HTTP client: {e}")))?;
        Ok(Self {
            http,
            access,
            discovered: std::sync::Mutex::new(BTreeMap::new()),
        })
    }

    pub fn access(&self) -> &Access {
        &self.access
    }

    fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let url = format!("{}{path}", self.access.server);
        let req = self
            .http
            .request(method, url)
            .header(reqwest::header::ACCEPT, "application/json");
        match &self.access.auth {
            // `Client::new` refuses an access whose plugin has not run.
            Auth::Anonymous | Auth::Certificate { .. } | Auth::Exec(_) => req,
            Auth::Bearer(t) => req.bearer_auth(t),
            Auth::Basic(u, p) => req.basic_auth(u, Some(p)),
        }
    }

    /// Sends `req`; the status and the body (bounded), or a transport error naming `what`.
    async fn send(
        &self,
        what: &str,
        req: reqwest::RequestBuilder,
    ) -> Result<(u16, Vec<u8>), KubeError> {
        let transport = |e: reqwest::Error| KubeError::Transport {
            what: what.to_owned(),
            reason: crate::error::describe_http_error(&e),
        };
        let mut resp = req.send().await.map_err(transport)?;
        let status = resp.status().as_u16();
        let mut body = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(transport)? {
            if body.len() + chunk.len() > MAX_ANSWER_BYTES {
                return Err(KubeError::Transport {
                    what: what.to_owned(),
                    reason: format!("the answer is larger than {MAX_ANSWER_BYTES} bytes"),
                });
            }
            body.extend_from_slice(&chunk);
        }
        Ok((status, body))
    }

    /// Where `apiVersion`/`kind` live: core kinds from a table, others by discovery.
    async fn resource(&self, api_version: &str, kind: &str) -> Result<Resource, KubeError> {
        let core = match (api_version, kind) {
            ("v1", "Namespace") => Some(("namespaces", false)),
            ("v1", "Secret") => Some(("secrets", true)),
            ("v1", "ConfigMap") => Some(("configmaps", true)),
            ("v1", "Service") => Some(("services", true)),
            ("v1", "ServiceAccount") => Some(("serviceaccounts", true)),
            _ => None,
        };
        if let Some((plural, namespaced)) = core {
            return Ok(Resource {
                plural: plural.to_owned(),
                namespaced,
            });
        }
        let key = format!("{api_version}/{kind}");
        if let Some(r) = self
            .discovered
            .lock()
            .ok()
            .and_then(|d| d.get(&key).cloned())
        {
            return Ok(r);
        }
        let path = if api_version.contains('/') {
            format!("/apis/{api_version}")
        } else {
            format!("/api/{api_version}")
        };
        let what = format!("discovering {api_version}");
        let (status, body) = self
            .send(&what, self.request(reqwest::Method::GET, &path))
            .await?;
        if status == 404 {
            return Err(KubeError::NotServed {
                api_version: api_version.to_owned(),
                kind: kind.to_owned(),
            });
        }
        if !(200..300).contains(&status) {
            return Err(api_error(&what, status, &body));
        }
        #[derive(Deserialize)]
        struct ResourceList {
            #[serde(default)]
            resources: Vec<ApiResource>,
        }
        #[derive(Deserialize)]
        struct ApiResource {
            name: String,
            kind: String,
            #[serde(default)]
            namespaced: bool,
        }
        let list: ResourceList =
            serde_json::from_slice(&body).map_err(|e| KubeError::Transport {
                what,
                reason: format!("the API server's answer is not an APIResourceList: {e}"),
            })?;
        let found = list
            .resources
            .into_iter()
            .find(|r| r.kind == kind && !r.name.contains('/'))
            .map(|r| Resource {
                plural: r.name,
                namespaced: r.namespaced,
            })
            .ok_or_else(|| KubeError::NotServed {
                api_version: api_version.to_owned(),
                kind: kind.to_owned(),
            })?;
        if let Ok(mut d) = self.discovered.lock() {
            d.insert(key, found.clone());
        }
        Ok(found)
    }

    /// Server-side apply of `object` (a JSON object with apiVersion, kind and metadata.name),
    /// taking over fields other managers set (`force`): the result is what the repository says.
    pub async fn apply(&self, object: &Value) -> Result<Applied, KubeError> {
        let field = |name: &str| -> Result<String, KubeError> {
            let v = match name {
                "name" | "namespace" => object.get("metadata").and_then(|m| m.get(name)),
                _ => object.get(name),
            };
            Ok(v.and_then(Value::as_str).unwrap_or_default().to_owned())
        };
        let (api_version, kind, name) = (field("apiVersion")?, field("kind")?, field("name")?);
        if api_version.is_empty() || kind.is_empty() || name.is_empty() {
            return Err(KubeError::Object(
                "not a Kubernetes object: apiVersion, kind and metadata.name are required"
                    .to_owned(),
            ));
        }
        // apiVersion becomes part of the URL: `v1` or `<group>/<version>`, nothing else.
        let valid_version = |v: &str| {
            v.len() > 1 && v.starts_with('v') && v[1..].chars().all(|c| c.is_ascii_alphanumeric())
        };
        let valid = match api_version.split_once('/') {
            None => valid_version(&api_version),
            Some((group, version)) => {
                !group.is_empty()
                    && group.chars().all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-'
                    })
                    && valid_version(version)
            }
        };
        if !valid || !kind.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(KubeError::Object(format!(
                "not a Kubernetes object: apiVersion {api_version:?} and kind {kind:?} must look like cert-manager.io/v1 and ClusterIssuer"
            )));
        }
        let resource = self.resource(&api_version, &kind).await?;
        let prefix = if api_version.contains('/') {
            format!("/apis/{api_version}")
        } else {
            format!("/api/{api_version}")
        };
        let mut namespace = field("namespace")?;
        let path = if resource.namespaced {
            if namespace.is_empty() {
                namespace = "default".to_owned();
            }
            format!(
                "{prefix}/namespaces/{}/{}/{}",
                crate::text::path_segment(&namespace),
                resource.plural,
                crate::text::path_segment(&name)
            )
        } else {
            format!(
                "{prefix}/{}/{}",
                resource.plural,
                crate::text::path_segment(&name)
            )
        };
        let mut object = object.clone();
        if resource.namespaced {
            if let Some(meta) = object.get_mut("metadata").and_then(Value::as_object_mut) {
                meta.insert("namespace".into(), Value::String(namespace.clone()));
            }
        }
        let what = if resource.namespaced {
            format!("applying {kind} {namespace}/{name}")
        } else {
            format!("applying {kind} {name}")
        };
        let body = serde_json::to_vec(&object).map_err(|e| KubeError::Object(e.to_string()))?;
        let req = self
            .request(
                reqwest::Method::PATCH,
                &format!("{path}?fieldManager={FIELD_MANAGER}&force=true"),
            )
            // JSON is YAML: the API server takes it as an apply patch.
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/apply-patch+yaml",
            )
            .body(body);
        let (status, answer) = self.send(&what, req).await?;
        match status {
            201 => Ok(Applied::Created),
            200..=299 => Ok(Applied::Configured),
            // An admission webhook that denies a request may echo it in its message: for a
            // Secret that is the Secret's data. Only the status's reason and code are shown.
            _ if kind == "Secret" => Err(api_error_status_only(&what, status, &answer)),
            _ => Err(api_error(&what, status, &answer)),
        }
    }

    /// The load balancer of Service `namespace/name`, asked within `within` (a waiting loop
    /// keeps its own rhythm).
    pub async fn load_balancer(
        &self,
        namespace: &str,
        name: &str,
        within: Duration,
    ) -> Result<LoadBalancer, KubeError> {
        let what = format!("reading Service {namespace}/{name}");
        let path = format!(
            "/api/v1/namespaces/{}/services/{}",
            crate::text::path_segment(namespace),
            crate::text::path_segment(name)
        );
        let req = self.request(reqwest::Method::GET, &path).timeout(within);
        let (status, body) = self.send(&what, req).await?;
        if status == 404 {
            return Ok(LoadBalancer::NoService);
        }
        if !(200..300).contains(&status) {
            return Err(api_error(&what, status, &body));
        }
        let service: Value = serde_json::from_slice(&body).map_err(|e| KubeError::Transport {
            what: what.clone(),
            reason: format!("the answer is not a Service: {e}"),
        })?;
        let service_type = service
            .pointer("/spec/type")
            .and_then(Value::as_str)
            .unwrap_or("ClusterIP")
            .to_owned();
        let first = service
            .pointer("/status/loadBalancer/ingress")
            .and_then(Value::as_array)
            .and_then(|points| {
                points.iter().find(|p| {
                    p.get("hostname")
                        .and_then(Value::as_str)
                        .is_some_and(|s| !s.is_empty())
                        || p.get("ip")
                            .and_then(Value::as_str)
                            .is_some_and(|s| !s.is_empty())
                })
            });
        Ok(match first {
            None => LoadBalancer::Pending { service_type },
            Some(point) => {
                let get = |k: &str| {
                    point
                        .get(k)
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_owned()
                };
                LoadBalancer::Ready {
                    hostname: get("hostname"),
                    ip: get("ip"),
                }
            }
        })
    }
}

/// The API server's `Status.reason` and code, never its message or body: for requests whose
/// body holds secrets.
fn api_error_status_only(what: &str, status: u16, body: &[u8]) -> KubeError {
    let reason = serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|v| v.get("reason").and_then(Value::as_str).map(str::to_owned))
        .filter(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_alphanumeric()))
        .unwrap_or_else(|| "no reason given".to_owned());
    KubeError::Api {
        what: what.to_owned(),
        status,
        message: format!(
            "{reason} (the server's message is not shown: it may repeat the Secret's data)"
        ),
    }
}

/// The API server's `Status.message`, else the start of the body.
fn api_error(what: &str, status: u16, body: &[u8]) -> KubeError {
    let message = serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|v| v.get("message").and_then(Value::as_str).map(str::to_owned))
        .unwrap_or_else(|| {
            let text = String::from_utf8_lossy(body);
            text.chars().take(300).collect::<String>().trim().to_owned()
        });
    let message = match status {
        401 => format!("{message} (the kubeconfig's credentials were not accepted)"),
        403 => format!("{message} (the kubeconfig's user lacks the permission)"),
        _ => message,
    };
    KubeError::Api {
        what: what.to_owned(),
        status,
        message: crate::text::one_line(&message),
    }
}

/// Parses one or more YAML documents (`---`-separated) into JSON objects, skipping empty ones.
/// The error says where (line and column) and what, with anything quoted from the file left out
/// (repository files may hold credentials). A file over [`YAML_MAX_BYTES`] or nested deeper than
/// [`YAML_MAX_DEPTH`] is refused before parsing: deep nesting parses in quadratic time.
pub fn yaml_documents(text: &str) -> Result<Vec<Value>, String> {
    check_yaml_shape(text)?;
    let mut out = Vec::new();
    for doc in serde_yaml_ng::Deserializer::from_str(text) {
        let v = Value::deserialize(doc).map_err(|e| yaml_error(&e))?;
        if !v.is_null() {
            out.push(v);
        }
    }
    Ok(out)
}

/// The most a repository YAML file may hold.
pub const YAML_MAX_BYTES: usize = 4 * 1024 * 1024;
/// How deep a repository YAML file may nest (flow brackets or block indentation levels).
pub const YAML_MAX_DEPTH: usize = 64;

/// How many alias references (`*name`) a repository YAML file may hold: each copies what its
/// anchor holds, so a few kilobytes of aliases to aliases expand to gigabytes.
pub const YAML_MAX_ALIASES: usize = 256;

/// Refuses text too large, too deeply nested or with too many aliases for a configuration file,
/// in one linear pass. A quote opens a quoted scalar only where a value starts (a `"` inside a
/// plain scalar such as `b"` is text), as YAML reads it.
pub fn check_yaml_shape(text: &str) -> Result<(), String> {
    if text.len() > YAML_MAX_BYTES {
        return Err(format!(
            "{} bytes, more than the {YAML_MAX_BYTES} a configuration file may have",
            text.len()
        ));
    }
    let deeper = |number: usize| {
        format!(
            "nested deeper than {YAML_MAX_DEPTH} levels at line {}",
            number + 1
        )
    };
    let mut depth = 0usize;
    let mut aliases = 0usize;
    let mut quote: Option<char> = None;
    for (number, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches([' ', '-']).len();
        // Block nesting: two columns a level is the narrowest YAML writers use.
        if indent / 2 > YAML_MAX_DEPTH {
            return Err(deeper(number));
        }
        // Where a value may start: the line's start, or after a space or flow punctuation.
        let mut at_start = true;
        let mut escaped = false;
        for c in line.chars() {
            match quote {
                Some('"') if escaped => escaped = false,
                Some('"') if c == '\\' => escaped = true,
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None => match c {
                    '"' | '\'' if at_start => quote = Some(c),
                    '#' if at_start => break,
                    '[' | '{' => {
                        depth += 1;
                        if depth > YAML_MAX_DEPTH {
                            return Err(deeper(number));
                        }
                    }
                    ']' | '}' => depth = depth.saturating_sub(1),
                    '*' if at_start => {
                        aliases += 1;
                        if aliases > YAML_MAX_ALIASES {
                            return Err(format!(
                                "more than {YAML_MAX_ALIASES} aliases (`*name`), at line {}",
                                number + 1
                            ));
                        }
                    }
                    _ => {}
                },
            }
            at_start = matches!(c, ' ' | '\t' | '[' | '{' | ',');
        }
        // A quoted scalar is taken to end with its line: a quote the scan misread can then hide
        // nothing past it. (A quoted scalar that spans lines with brackets in it is counted as
        // nesting: the safe side.)
        quote = None;
    }
    Ok(())
}

/// A YAML error as where and what, with every quoted part left out.
fn yaml_error(e: &serde_yaml_ng::Error) -> String {
    let text = e.to_string();
    let mut what = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' | '`' => {
                if !quoted {
                    what.push('…');
                }
                quoted = !quoted;
            }
            _ if !quoted => what.push(c),
            _ => {}
        }
    }
    let what = what
        .split(" at line ")
        .next()
        .unwrap_or("")
        .trim()
        .to_owned();
    match e.location() {
        Some(at) => format!("{what} at line {}, column {}", at.line(), at.column()),
        None => what,
    }
}

/// A Secret of type Opaque with `data` (values base64-encoded here, never on a command line).
pub fn secret(namespace: &str, name: &str, data: &[(&str, &[u8])]) -> Value {
    let data: serde_json::Map<String, Value> = data
        .iter()
        .map(|(k, v)| {
            (
                (*k).to_owned(),
                Value::String(base64::engine::general_purpose::STANDARD.encode(v)),
            )
        })
        .collect();
    serde_json::json!({
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": { "name": name, "namespace": namespace },
        "type": "Opaque",
        "data": data,
    })
}

/// A Namespace.
pub fn namespace(name: &str) -> Value {
    serde_json::json!({
        "apiVersion": "v1",
        "kind": "Namespace",
        "metadata": { "name": name },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = r#"
apiVersion: v1
kind: Config
current-context: admin@kkp
clusters:
- cluster:
    certificate-authority-data: bm90LWEtY2VydA==
    server: https://lb.example:6443/
  name: kkp
contexts:
- context:
    cluster: kkp
    user: admin
  name: admin@kkp
users:
- name: admin
  user:
    token: abc.def
"#;

    #[test]
    fn the_current_context_picks_server_and_credentials() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config");
        std::fs::write(&path, CONFIG).unwrap();
        let access = Access::load(&[path]).unwrap();
        assert_eq!(access.server, "https://lb.example:6443");
        assert_eq!(access.context, "admin@kkp");
        assert_eq!(secrets_of(&access), vec!["abc.def".to_owned()]);
        assert!(!format!("{access:?}").contains("abc.def"));
    }

    #[test]
    fn a_list_merges_and_skips_missing_files() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("a");
        std::fs::write(&first, "current-context: admin@kkp\n").unwrap();
        let second = dir.path().join("b");
        std::fs::write(&second, CONFIG.replace("current-context: admin@kkp", "")).unwrap();
        let value = format!(
            "{}::{}:{}",
            first.display(),
            dir.path().join("missing").display(),
            second.display()
        );
        let access = Access::load(&kubeconfig_paths(&value)).unwrap();
        assert_eq!(access.server, "https://lb.example:6443");
    }

    #[test]
    fn exec_plugins_are_parsed_auth_providers_and_missing_contexts_are_clear_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config");
        // An exec plugin of another version: named, with the versions taken.
        std::fs::write(
            &path,
            CONFIG.replace("    token: abc.def", "    exec:\n      command: aws"),
        )
        .unwrap();
        let err = Access::load(std::slice::from_ref(&path))
            .unwrap_err()
            .to_string();
        assert!(err.contains("client.authentication.k8s.io/v1"), "{err}");
        // EKS's: parsed, not run; the client refuses it until the stage has run it.
        std::fs::write(
            &path,
            CONFIG.replace(
                "    token: abc.def",
                "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: bin/aws\n      args: [eks, get-token]\n      env:\n      - name: AWS_PROFILE\n        value: kkp-admin-profile",
            ),
        )
        .unwrap();
        let access = Access::load(std::slice::from_ref(&path)).unwrap();
        let plugin = access.exec_plugin().unwrap().clone();
        assert_eq!(plugin.command, dir.path().join("bin/aws"));
        assert_eq!(plugin.args, ["eks", "get-token"]);
        assert!(secrets_of(&access).contains(&"kkp-admin-profile".to_owned()));
        assert!(Client::new(access.clone()).is_err());
        let credential = plugin
            .credential(r#"{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"k8s-aws-v1.secret"}}"#)
            .unwrap();
        assert_eq!(credential.secrets(), ["k8s-aws-v1.secret"]);
        let resolved = access.with_exec_credential(credential);
        assert!(resolved.exec_plugin().is_none());
        assert!(resolved.flattened().contains("k8s-aws-v1.secret"));
        let refused = plugin
            .credential("token: k8s-aws-v1.secret")
            .err()
            .unwrap()
            .to_string();
        assert!(!refused.contains("k8s-aws-v1.secret"), "{refused}");
        // auth-provider: refused, saying what to use instead.
        std::fs::write(
            &path,
            CONFIG.replace("    token: abc.def", "    auth-provider:\n      name: gcp"),
        )
        .unwrap();
        let err = Access::load(std::slice::from_ref(&path))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("auth-provider") && err.contains("exec"),
            "{err}"
        );
        std::fs::write(
            &path,
            CONFIG.replace("current-context: admin@kkp", "current-context: x"),
        )
        .unwrap();
        let err = Access::load(&[path]).unwrap_err().to_string();
        assert!(err.contains("context \"x\" is not defined"), "{err}");
    }

    #[test]
    fn yaml_errors_say_where_and_never_quote_the_file() {
        let err = yaml_documents("a: 1\ntoken: \"s3cr3t-value\"\n  bad: [\n").unwrap_err();
        assert!(!err.contains("s3cr3t-value"), "{err}");
        assert!(err.contains("line"), "{err}");
        let deep = format!("{}1{}", "[".repeat(100), "]".repeat(100));
        assert!(yaml_documents(&deep)
            .unwrap_err()
            .contains("nested deeper than 64"));
        let indented: String = (0..100)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect();
        assert!(yaml_documents(&indented)
            .unwrap_err()
            .contains("nested deeper than 64"));
        assert!(yaml_documents("a: [[1, 2], {b: c}]\nd: 'it''s [fine'\ne: don't\n").is_ok());
        // A quote inside a plain scalar opens nothing: the nesting after it still counts.
        let hidden = format!("a: b\"\nc: {}1{}\n", "[".repeat(100), "]".repeat(100));
        assert!(yaml_documents(&hidden)
            .unwrap_err()
            .contains("nested deeper than 64"));
        let hidden = format!("a: [x's, {}1{}]\n", "[".repeat(100), "]".repeat(100));
        assert!(yaml_documents(&hidden)
            .unwrap_err()
            .contains("nested deeper than 64"));
        // Aliases that expand quadratically.
        let laughs = format!(
            "a: &a [{}]\nb: [{}]\n",
            vec!["1"; 1000].join(","),
            vec!["*a"; 1000].join(", ")
        );
        assert!(yaml_documents(&laughs).unwrap_err().contains("aliases"));
    }

    #[test]
    fn yaml_documents_and_secrets() {
        let docs = yaml_documents("---\na: 1\n---\n---\nb: [x]\n").unwrap();
        assert_eq!(docs.len(), 2);
        let s = secret(
            "kubermatic",
            "sops-age",
            &[("age.agekey", b"AGE-SECRET-KEY-1")],
        );
        assert_eq!(s["data"]["age.agekey"], "QUdFLVNFQ1JFVC1LRVktMQ==");
        assert_eq!(s["metadata"]["namespace"], "kubermatic");
    }
}
