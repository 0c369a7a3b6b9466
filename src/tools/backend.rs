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

/// `name = "value"` / `name = value` pairs from the lines given; nested blocks are skipped.
fn attributes<'a>(lines: impl Iterator<Item = &'a str>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in lines {
        let line = line.split('#').next().unwrap_or("").trim();
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        let (k, v) = (k.trim(), v.trim());
        if k.is_empty()
            || !k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            || v.starts_with('{')
        {
            continue;
        }
        out.insert(k.to_owned(), v.trim_matches('"').to_owned());
    }
    out
}

/// Reads the backend block of the root in `dir`, then the `-backend-config` file if given.
pub fn read(dir: &Path, backend_config: Option<&Path>) -> std::io::Result<BackendConfig> {
    let mut cfg = BackendConfig::default();
    let mut entries: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "tf"))
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path)?;
        if let Some(start) = text.find("backend \"") {
            let rest = &text[start + "backend \"".len()..];
            let Some(end_name) = rest.find('"') else {
                continue;
            };
            cfg.kind = Some(rest[..end_name].to_owned());
            let body = &rest[end_name..];
            let Some(open) = body.find('{') else { continue };
            let mut depth = 0usize;
            let mut close = body.len();
            for (i, c) in body[open..].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            close = open + i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            cfg.settings = attributes(body[open + 1..close].lines());
            break;
        }
    }
    if let Some(file) = backend_config {
        let text = std::fs::read_to_string(file)?;
        cfg.settings.extend(attributes(text.lines()));
    }
    Ok(cfg)
}

#[cfg(test)]
mod tests {
    use super::*;

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
