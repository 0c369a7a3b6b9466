//! The Terraform state backend of a root: which kind it is and its settings, read from the
//! `backend "…" {}` block of the root's `.tf` files, overridden by a `-backend-config` file.
//! Only plain `name = "value"` / `name = true` attributes are read: that is all KKP roots use.

use std::collections::BTreeMap;
use std::path::Path;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BackendConfig {
    /// `s3`, `gcs`, `http`, `local`, …; `None` when the root declares no backend (local state).
    pub kind: Option<String>,
    pub settings: BTreeMap<String, String>,
}

impl BackendConfig {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.settings.get(key).map(String::as_str)
    }
}

/// A plain attribute value: strings, numbers and booleans as Terraform's `-backend-config`
/// takes them; anything else (an object such as `endpoints`, an expression) is not a setting
/// the stages read.
fn plain(expr: &hcl::Expression) -> Option<String> {
    match expr {
        hcl::Expression::String(s) => Some(s.clone()),
        hcl::Expression::Bool(b) => Some(b.to_string()),
        hcl::Expression::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The plain attributes of an HCL body.
fn attributes(body: &hcl::Body) -> BTreeMap<String, String> {
    body.attributes()
        .filter_map(|a| Some((a.key().to_owned(), plain(a.expr())?)))
        .collect()
}

/// The backend declared in an HCL file: `terraform { backend "<kind>" { … } }`. Parsed, so a
/// commented-out block or a string that looks like one is never taken for it.
fn hcl_backend(
    text: &str,
    path: &Path,
) -> std::io::Result<Option<(String, BTreeMap<String, String>)>> {
    let body = hcl::parse(text).map_err(|e| invalid(path, &e.to_string()))?;
    for terraform in body.blocks().filter(|b| b.identifier() == "terraform") {
        if let Some(backend) = terraform
            .body()
            .blocks()
            .find(|b| b.identifier() == "backend")
        {
            let kind = backend
                .labels()
                .first()
                .map(|l| l.as_str().to_owned())
                .ok_or_else(|| invalid(path, "a backend block without its type"))?;
            return Ok(Some((kind, attributes(backend.body()))));
        }
    }
    Ok(None)
}

/// The backend declared in a JSON configuration file (`*.tf.json`): `{"terraform": {"backend":
/// {"<kind>": {…}}}}`, where Terraform also accepts a list at each level.
fn json_backend(
    text: &str,
    path: &Path,
) -> std::io::Result<Option<(String, BTreeMap<String, String>)>> {
    use serde_json::Value;
    let doc: Value = serde_json::from_str(text).map_err(|e| invalid(path, &e.to_string()))?;
    let items = |v: Option<&Value>| -> Vec<Value> {
        match v {
            Some(Value::Array(a)) => a.clone(),
            Some(other) => vec![other.clone()],
            None => Vec::new(),
        }
    };
    for terraform in items(doc.get("terraform")) {
        for backend in items(terraform.get("backend")) {
            let Some((kind, settings)) = backend.as_object().and_then(|o| o.iter().next()) else {
                continue;
            };
            let settings = items(Some(settings))
                .iter()
                .filter_map(Value::as_object)
                .flat_map(|o| o.iter())
                .filter_map(|(k, v)| {
                    let v = match v {
                        Value::String(s) => s.clone(),
                        Value::Bool(_) | Value::Number(_) => v.to_string(),
                        _ => return None,
                    };
                    Some((k.clone(), v))
                })
                .collect();
            return Ok(Some((kind.clone(), settings)));
        }
    }
    Ok(None)
}

fn invalid(path: &Path, why: &str) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        format!("{} is not valid configuration: {why}", path.display()),
    )
}

/// Reads the backend block of the root in `dir` (`*.tf`, `*.tofu` and their JSON forms, parsed), then the
/// `-backend-config` file if given.
pub fn read(dir: &Path, backend_config: Option<&Path>) -> std::io::Result<BackendConfig> {
    let mut cfg = BackendConfig::default();
    let mut entries: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            crate::tools::terraform::is_code_file(p) && !name.is_empty()
        })
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path)?;
        let found = if path.to_string_lossy().ends_with(".json") {
            json_backend(&text, &path)?
        } else {
            hcl_backend(&text, &path)?
        };
        if let Some((kind, settings)) = found {
            cfg.kind = Some(kind);
            cfg.settings = settings;
            break;
        }
    }
    if let Some(file) = backend_config {
        let text = std::fs::read_to_string(file)?;
        let body = hcl::parse(&text).map_err(|e| invalid(file, &e.to_string()))?;
        cfg.settings.extend(attributes(&body));
    }
    Ok(cfg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commented_out_block_or_a_string_is_not_a_backend() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("main.tf"),
            "# terraform {\n#   backend \"http\" {}\n# }\n/* terraform { backend \"http\" {} } */\nlocals {\n  note = \"terraform { backend \\\"http\\\" {} }\"\n}\n",
        )
        .unwrap();
        assert_eq!(read(dir.path(), None).unwrap().kind, None);
        std::fs::write(
            dir.path().join("z_backend.tf.json"),
            r#"{"terraform": [{"backend": {"gcs": {"bucket": "b", "prefix": "p"}}}]}"#,
        )
        .unwrap();
        let cfg = read(dir.path(), None).unwrap();
        assert_eq!(cfg.kind.as_deref(), Some("gcs"));
        assert_eq!(cfg.get("bucket"), Some("b"));
    }

    #[test]
    fn reads_the_backend_block_and_overrides() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("backend.tf"), "terraform {\n  backend \"s3\" {\n    region = \"eu-central-1\" # Frankfurt\n    bucket = \"tf-state-kkp-x\"\n    key    = \"terraform-kkp.tfstate\"\n    encrypt = true\n  }\n}\n").unwrap();
        std::fs::write(
            dir.path().join("over.tfbackend"),
            "bucket = \"other\"\nuse_lockfile = true\n",
        )
        .unwrap();
        let cfg = read(dir.path(), None).unwrap();
        assert_eq!(cfg.kind.as_deref(), Some("s3"));
        assert_eq!(cfg.get("bucket"), Some("tf-state-kkp-x"));
        assert_eq!(cfg.get("encrypt"), Some("true"));
        let cfg = read(dir.path(), Some(&dir.path().join("over.tfbackend"))).unwrap();
        assert_eq!(
            (cfg.get("bucket"), cfg.get("use_lockfile")),
            (Some("other"), Some("true"))
        );
    }
}
