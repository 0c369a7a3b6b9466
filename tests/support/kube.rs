//! A small fake Kubernetes API server, shaped after the real API for what the cluster stages
//! use: server-side apply (`PATCH …?fieldManager=…&force=true` with
//! `application/apply-patch+yaml`) of Namespaces, Secrets and cert-manager's ClusterIssuer,
//! discovery of `cert-manager.io/v1`, and reading a Service. Errors are `Status` objects with
//! the API's codes and messages (401 without the bearer token, 404 for a missing namespace or
//! Service, 422 for an apply without a field manager). It records every request.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use serde_json::{json, Value};

/// One request as the server received it.
#[derive(Clone, Debug)]
pub struct Received {
    pub method: String,
    pub path: String,
    pub query: String,
    pub content_type: String,
    pub body: String,
}

#[derive(Default)]
pub struct KubeState {
    pub token: String,
    /// Stored objects by API path (`/api/v1/namespaces/kubermatic/secrets/sops-age`).
    pub objects: BTreeMap<String, Value>,
    pub received: Vec<Received>,
    /// Whether cert-manager's CRDs are installed (discovery of cert-manager.io/v1).
    pub cert_manager: bool,
    /// The ingress Service as stored, and after how many reads its load balancer appears.
    pub service: Option<Value>,
    pub ingress_after_reads: u32,
    pub ingress: Value,
    pub service_reads: u32,
    /// Every request is refused with 403 (RBAC).
    pub forbid: bool,
    /// A denying admission webhook for Secrets: 422 whose message repeats the request body,
    /// as real webhooks do.
    pub deny_secrets_echoing: bool,
    /// Applies (PATCH) get no answer for two minutes: a slow or stuck API server.
    pub hang_applies: bool,
}

pub struct FakeKube {
    pub url: String,
    state: Arc<Mutex<KubeState>>,
    _server: Server,
}

/// An axum app served on 127.0.0.1 from its own thread, stopped when dropped.
pub struct Server {
    pub url: String,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    pub fn start(app: Router) -> Self {
        let (addr_tx, addr_rx) = std::sync::mpsc::channel::<SocketAddr>();
        let (shutdown_tx, shutdown_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = shutdown_rx.await;
                    })
                    .await
                    .unwrap();
            });
        });
        let addr = addr_rx.recv().unwrap();
        Server {
            url: format!("http://{addr}"),
            shutdown: Some(shutdown_tx),
            thread: Some(thread),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn status(code: StatusCode, reason: &str, message: &str) -> Response {
    (
        code,
        [("content-type", "application/json")],
        json!({
            "kind": "Status",
            "apiVersion": "v1",
            "metadata": {},
            "status": "Failure",
            "message": message,
            "reason": reason,
            "code": code.as_u16(),
        })
        .to_string(),
    )
        .into_response()
}

fn ok(code: StatusCode, body: &Value) -> Response {
    (
        code,
        [("content-type", "application/json")],
        body.to_string(),
    )
        .into_response()
}

/// The resources the server knows: plural → (kind, namespaced), per group-version prefix.
fn known(prefix: &str, plural: &str) -> Option<(&'static str, bool)> {
    match (prefix, plural) {
        ("/api/v1", "namespaces") => Some(("Namespace", false)),
        ("/api/v1", "secrets") => Some(("Secret", true)),
        ("/api/v1", "services") => Some(("Service", true)),
        ("/apis/cert-manager.io/v1", "clusterissuers") => Some(("ClusterIssuer", false)),
        ("/apis/cert-manager.io/v1", "issuers") => Some(("Issuer", true)),
        _ => None,
    }
}

async fn handle(
    State(state): State<Arc<Mutex<KubeState>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let hang = method == Method::PATCH && state.lock().unwrap().hang_applies;
    if hang {
        state.lock().unwrap().received.push(Received {
            method: method.to_string(),
            path: uri.path().to_owned(),
            query: uri.query().unwrap_or("").to_owned(),
            content_type: String::new(),
            body: String::new(),
        });
        tokio::time::sleep(std::time::Duration::from_secs(120)).await;
        return status(
            StatusCode::GATEWAY_TIMEOUT,
            "Timeout",
            "the apply took too long",
        );
    }
    let mut s = state.lock().unwrap();
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    s.received.push(Received {
        method: method.to_string(),
        path: uri.path().to_owned(),
        query: uri.query().unwrap_or("").to_owned(),
        content_type: content_type.clone(),
        body: String::from_utf8_lossy(&body).into_owned(),
    });
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if auth != format!("Bearer {}", s.token) {
        return status(StatusCode::UNAUTHORIZED, "Unauthorized", "Unauthorized");
    }
    if s.forbid {
        return status(
            StatusCode::FORBIDDEN,
            "Forbidden",
            &format!(
                "{} is forbidden: User \"ci\" cannot {} resource at the cluster scope",
                uri.path(),
                method.as_str().to_lowercase()
            ),
        );
    }
    let path = uri.path().to_owned();
    // Discovery.
    if method == Method::GET && path == "/apis/cert-manager.io/v1" {
        if !s.cert_manager {
            return status(
                StatusCode::NOT_FOUND,
                "NotFound",
                "the server could not find the requested resource",
            );
        }
        return ok(
            StatusCode::OK,
            &json!({
                "kind": "APIResourceList",
                "apiVersion": "v1",
                "groupVersion": "cert-manager.io/v1",
                "resources": [
                    {"name": "clusterissuers", "singularName": "clusterissuer", "namespaced": false, "kind": "ClusterIssuer", "verbs": ["get","list","patch","create","update","delete"]},
                    {"name": "clusterissuers/status", "singularName": "", "namespaced": false, "kind": "ClusterIssuer", "verbs": ["get","patch","update"]},
                    {"name": "issuers", "singularName": "issuer", "namespaced": true, "kind": "Issuer", "verbs": ["get","list","patch","create","update","delete"]}
                ]
            }),
        );
    }
    let (prefix, rest) = if let Some(r) = path.strip_prefix("/api/v1/") {
        ("/api/v1", r)
    } else if let Some(r) = path.strip_prefix("/apis/cert-manager.io/v1/") {
        if !s.cert_manager {
            return status(
                StatusCode::NOT_FOUND,
                "NotFound",
                "the server could not find the requested resource",
            );
        }
        ("/apis/cert-manager.io/v1", r)
    } else {
        return status(
            StatusCode::NOT_FOUND,
            "NotFound",
            "the server could not find the requested resource",
        );
    };
    let parts: Vec<&str> = rest.split('/').collect();
    // namespaces/<ns>/<plural>/<name> or <plural>/<name>
    let (namespace, plural, name) = match parts.as_slice() {
        ["namespaces", ns, plural, name] => (Some(*ns), *plural, *name),
        [plural, name] => (None, *plural, *name),
        _ => {
            return status(
                StatusCode::NOT_FOUND,
                "NotFound",
                "the server could not find the requested resource",
            )
        }
    };
    let Some((kind, namespaced)) = known(prefix, plural) else {
        return status(
            StatusCode::NOT_FOUND,
            "NotFound",
            "the server could not find the requested resource",
        );
    };
    if namespaced != namespace.is_some() {
        return status(
            StatusCode::NOT_FOUND,
            "NotFound",
            "the server could not find the requested resource",
        );
    }
    if method == Method::GET && plural == "services" {
        s.service_reads += 1;
        let Some(mut svc) = s.service.clone() else {
            return status(
                StatusCode::NOT_FOUND,
                "NotFound",
                &format!("services \"{name}\" not found"),
            );
        };
        if s.service_reads > s.ingress_after_reads && !s.ingress.is_null() {
            svc["status"] = json!({"loadBalancer": {"ingress": [s.ingress.clone()]}});
        } else {
            svc["status"] = json!({"loadBalancer": {}});
        }
        return ok(StatusCode::OK, &svc);
    }
    if method != Method::PATCH {
        return status(
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            "the server does not allow this method on the requested resource",
        );
    }
    if content_type != "application/apply-patch+yaml" {
        return status(StatusCode::UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
    }
    let query = uri.query().unwrap_or("");
    if !query
        .split('&')
        .any(|p| p.starts_with("fieldManager=") && p.len() > "fieldManager=".len())
    {
        return status(StatusCode::UNPROCESSABLE_ENTITY, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
    }
    // JSON is YAML; this server only needs the JSON the stages send.
    let Ok(object) = serde_json::from_slice::<Value>(&body) else {
        return status(StatusCode::BAD_REQUEST, "BadRequest", "error decoding YAML");
    };
    if s.deny_secrets_echoing && object["kind"] == "Secret" {
        return status(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Invalid",
            &format!(
                "admission webhook \"deny.kkp.test\" denied the request: {}",
                String::from_utf8_lossy(&body)
            ),
        );
    }
    let api_version = prefix
        .trim_start_matches("/api/")
        .trim_start_matches("/apis/");
    if object["apiVersion"] != api_version
        || object["kind"] != kind
        || object["metadata"]["name"] != name
    {
        return status(
            StatusCode::BAD_REQUEST,
            "BadRequest",
            "the name of the object does not match the name on the URL",
        );
    }
    if let Some(ns) = namespace {
        if object["metadata"]["namespace"] != ns {
            return status(StatusCode::BAD_REQUEST, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request");
        }
        if !s.objects.contains_key(&format!("/api/v1/namespaces/{ns}")) {
            return status(
                StatusCode::NOT_FOUND,
                "NotFound",
                &format!("namespaces \"{ns}\" not found"),
            );
        }
    }
    let created = s.objects.insert(path, object.clone()).is_none();
    ok(
        if created {
            StatusCode::CREATED
        } else {
            StatusCode::OK
        },
        &object,
    )
}

impl FakeKube {
    /// Starts a server on 127.0.0.1 accepting `token`, with cert-manager installed and no
    /// ingress Service.
    pub fn start(token: &str) -> Self {
        let state = Arc::new(Mutex::new(KubeState {
            token: token.to_owned(),
            cert_manager: true,
            ..Default::default()
        }));
        let server = Server::start(Router::new().fallback(handle).with_state(state.clone()));
        FakeKube {
            url: server.url.clone(),
            state,
            _server: server,
        }
    }

    pub fn with<R>(&self, f: impl FnOnce(&mut KubeState) -> R) -> R {
        f(&mut self.state.lock().unwrap())
    }

    /// An admin kubeconfig for this server, as `kubeone kubeconfig` prints one.
    pub fn kubeconfig(&self) -> String {
        let token = self.with(|s| s.token.clone());
        format!(
            "apiVersion: v1\nclusters:\n- cluster:\n    server: {}\n  name: kkp\ncontexts:\n- context:\n    cluster: kkp\n    user: kubernetes-admin\n  name: kubernetes-admin@kkp\ncurrent-context: kubernetes-admin@kkp\nkind: Config\nusers:\n- name: kubernetes-admin\n  user:\n    token: {token}\n",
            self.url
        )
    }

    /// The ingress Service exists; its load balancer gets `ingress` (`{"hostname": …}`) after
    /// `after_reads` reads.
    pub fn ingress(&self, namespace: &str, name: &str, after_reads: u32, ingress: Value) {
        self.with(|s| {
            s.service = Some(json!({
                "apiVersion": "v1",
                "kind": "Service",
                "metadata": {"name": name, "namespace": namespace},
                "spec": {"type": "LoadBalancer", "ports": [{"name": "https", "port": 443}]},
            }));
            s.ingress_after_reads = after_reads;
            s.ingress = ingress;
        });
    }

    /// The object stored at `path`.
    pub fn object(&self, path: &str) -> Option<Value> {
        self.with(|s| s.objects.get(path).cloned())
    }

    pub fn received(&self) -> Vec<Received> {
        self.with(|s| s.received.clone())
    }
}

/// A server of fixed files (a release download and its API answer), by path.
pub fn files(files: Vec<(String, String, Vec<u8>)>) -> Server {
    let files: Arc<BTreeMap<String, (String, Vec<u8>)>> = Arc::new(
        files
            .into_iter()
            .map(|(path, ct, body)| (path, (ct, body)))
            .collect(),
    );
    Server::start(Router::new().fallback(move |uri: Uri| {
        let files = files.clone();
        async move {
            match files.get(uri.path()) {
                Some((ct, body)) => {
                    (StatusCode::OK, [("content-type", ct.clone())], body.clone()).into_response()
                }
                None => (StatusCode::NOT_FOUND, "Not Found").into_response(),
            }
        }
    }))
}
