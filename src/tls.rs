//! The process's one TLS stack: rustls with the ring crypto provider, for every HTTP client
//! (the three hosts' APIs, downloads, the Kubernetes API). reqwest is built without a provider
//! of its own (Cargo.toml: `rustls-no-provider`; the vendored `gitlab` crate asks for the same),
//! so the provider is installed here, once, before any client is built; root certificates
//! stay the system's (reqwest's platform verifier), so private CAs keep working.

/// A reqwest client builder on the process's crypto provider.
pub fn client_builder() -> reqwest::ClientBuilder {
    // Fails only when a provider is installed already: this one, by an earlier call.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
}
