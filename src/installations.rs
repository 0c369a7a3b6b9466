//! Installations: one repository driving several KKP installations. An installation is a named
//! set of paths — its Terraform root, its kubeone manifest, its KKP configuration, its Flux
//! path — found by convention, with the local Terraform modules its root uses (followed
//! through `module` blocks with a local `source`, transitively). Its trigger paths are its own
//! paths, its modules and the CI configuration, never another installation's files, so a change
//! to one installation plans only that one, and a change to a shared module every one that uses
//! it.
//!
//! The seed's layout (one root under `terraform/`) is the zero-configuration case: one
//! installation, named after its root, that owns `kubeone/`, `kubermatic/` and `flux/` whole.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use crate::changes::filter::PathFilter;
use crate::error::UsageError;

/// The CI configuration every installation triggers on.
pub const CI_PATHS: &[&str] = &[".github/**", ".gitlab-ci.yml", "bitbucket-pipelines.yml"];

/// One KKP installation of the repository.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Installation {
    /// Its name: the folder of its Terraform root (`aws` for `terraform/aws`).
    pub name: String,
    /// `terraform/aws`
    pub terraform_root: String,
    /// The kubeone manifest or folder (`kubeone/aws.yaml`, `kubeone/aws/`), where there is one.
    pub kubeone: Option<String>,
    /// The KKP configuration and values folder (`kubermatic/aws/`), where there is one.
    pub kubermatic: Option<String>,
    /// The Flux path (`flux/clusters/aws/`), where there is one.
    pub flux: Option<String>,
    /// The local modules the root uses, with the chain that reaches each
    /// (`terraform/modules/net` ← `terraform/aws`).
    pub modules: Vec<ModuleUse>,
}

/// A local module an installation's root uses, and through which module blocks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleUse {
    /// The module's folder, repository-relative.
    pub dir: String,
    /// The folders from the root to it: `[terraform/aws, terraform/modules/net]`.
    pub chain: Vec<String>,
}

impl Installation {
    /// Its trigger patterns: its own paths, its modules and the CI configuration.
    pub fn patterns(&self) -> Vec<String> {
        let mut p = vec![format!("{}/**", self.terraform_root)];
        for owned in [&self.kubeone, &self.kubermatic, &self.flux]
            .into_iter()
            .flatten()
        {
            p.push(match owned.strip_suffix('/') {
                Some(dir) => format!("{dir}/**"),
                None => owned.clone(),
            });
        }
        p.extend(self.modules.iter().map(|m| format!("{}/**", m.dir)));
        p.extend(CI_PATHS.iter().map(|s| (*s).to_owned()));
        p
    }

    /// Its trigger paths as a filter.
    pub fn filter(&self) -> Result<PathFilter, UsageError> {
        let patterns = self.patterns();
        let refs: Vec<&str> = patterns.iter().map(String::as_str).collect();
        PathFilter::from_patterns(&refs, &format!("installation {}", self.name))
    }

    /// The module chain that makes `path` count for this installation, when a module does.
    pub fn module_chain(&self, path: &str) -> Option<&ModuleUse> {
        self.modules
            .iter()
            .find(|m| path.starts_with(&format!("{}/", m.dir)))
    }
}

/// The Terraform roots directly under `terraform/`: folders that hold `.tf` or `.tofu` files.
fn roots(repo: &Path) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(repo.join("terraform"))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        // A real folder (not a link out of the repository) with a plain name: the name reaches
        // logs, job names and issue markers, and a pull request's author chooses it.
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            !name.starts_with('.')
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        })
        .filter(|e| holds_code(&e.path()))
        .map(|e| format!("terraform/{}", e.file_name().to_string_lossy()))
        .collect();
    found.sort();
    found
}

fn holds_code(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|d| {
        d.filter_map(Result::ok)
            .any(|e| crate::files::is_code_file(&e.path()))
    })
}

/// `dir` joined with a relative `source`, normalised and repository-relative; `None` when it
/// leaves the repository.
fn resolve(dir: &str, source: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for c in Path::new(dir).join(source).components() {
        match c {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The local `source`s of the `module` blocks in the folder `dir` (parsed, never grepped): only
/// `./` and `../` sources are local modules; registry and git sources are not in the
/// repository.
fn local_sources(repo: &Path, dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    let files = std::fs::read_dir(repo.join(dir)).into_iter().flatten();
    for entry in files.filter_map(Result::ok) {
        let path = entry.path();
        let name = path.to_string_lossy().into_owned();
        if !crate::files::is_code_file(&path) || name.ends_with(".json") {
            continue;
        }
        // A link may point out of the repository: not followed.
        if path
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
        {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(body) = hcl::parse(&text) else {
            continue;
        };
        for module in body.blocks().filter(|b| b.identifier() == "module") {
            let source = module.body().attributes().find(|a| a.key() == "source");
            if let Some(hcl::Expression::String(s)) = source.map(|a| a.expr()) {
                if s.starts_with("./") || s.starts_with("../") {
                    if let Some(resolved) = resolve(dir, s) {
                        out.push(resolved);
                    }
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The local modules `root` uses, transitively, each with the chain that reaches it.
fn modules_of(repo: &Path, root: &str) -> Vec<ModuleUse> {
    let mut seen: BTreeSet<String> = BTreeSet::from([root.to_owned()]);
    let mut out = Vec::new();
    let mut queue: Vec<Vec<String>> = vec![vec![root.to_owned()]];
    while let Some(chain) = queue.pop() {
        let Some(dir) = chain.last() else { continue };
        for module in local_sources(repo, dir) {
            // A module inside the root is already the root's own path.
            if module.starts_with(&format!("{root}/")) || !seen.insert(module.clone()) {
                continue;
            }
            let mut next = chain.clone();
            next.push(module.clone());
            out.push(ModuleUse {
                dir: module,
                chain: next.clone(),
            });
            queue.push(next);
        }
    }
    out.sort_by(|a, b| a.dir.cmp(&b.dir));
    out
}

/// The path under `repo` if it exists: `file` when it is a file, `file/` when a folder.
fn existing(repo: &Path, candidates: &[String]) -> Option<String> {
    candidates.iter().find_map(|c| {
        let p: PathBuf = repo.join(c);
        if p.is_file() {
            Some(c.clone())
        } else if p.is_dir() {
            Some(format!("{c}/"))
        } else {
            None
        }
    })
}

/// The repository's installations, by convention: one per root under `terraform/`. With one
/// root it owns `kubeone/`, `kubermatic/` and `flux/` whole (the seed's layout); with several,
/// each owns `kubeone/<name>.yaml` or `kubeone/<name>/`, `kubermatic/<name>/` and
/// `flux/clusters/<name>/`, where they exist.
pub fn discover(repo: &Path) -> Vec<Installation> {
    let roots = roots(repo);
    let several = roots.len() > 1;
    roots
        .iter()
        .map(|root| {
            let name = root.trim_start_matches("terraform/").to_owned();
            let own = |candidates: &[String]| existing(repo, candidates);
            let (kubeone, kubermatic, flux) = if several {
                (
                    own(&[format!("kubeone/{name}.yaml"), format!("kubeone/{name}")]),
                    own(&[format!("kubermatic/{name}")]),
                    own(&[format!("flux/clusters/{name}")]),
                )
            } else {
                (
                    own(&["kubeone".to_owned()]),
                    own(&["kubermatic".to_owned()]),
                    own(&["flux".to_owned()]),
                )
            };
            Installation {
                modules: modules_of(repo, root),
                name,
                terraform_root: root.clone(),
                kubeone,
                kubermatic,
                flux,
            }
        })
        .collect()
}

/// The installation `name` (`--installation`), or the only one; an ambiguous or unknown name
/// is a usage error naming the variable and the candidates.
pub fn select<'a>(
    all: &'a [Installation],
    name: Option<&str>,
    flag: &str,
) -> Result<&'a Installation, UsageError> {
    let names = || {
        all.iter()
            .map(|i| i.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match name {
        Some(n) => all.iter().find(|i| i.name == n).ok_or_else(|| {
            UsageError::invalid(
                flag,
                &format!("one of this repository's installations: {}", names()),
                n,
            )
        }),
        None => match all {
            [one] => Ok(one),
            [] => Err(UsageError::missing(
                flag,
                "no folder under terraform/ holds .tf or .tofu files: there is no installation",
            )),
            _ => Err(UsageError::missing(
                flag,
                &format!(
                    "this repository has several installations ({}): name one",
                    names()
                ),
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }

    #[test]
    fn three_installations_two_sharing_a_module_through_another() {
        let r = repo(&[
            ("terraform/aws-eu/main.tf", "module \"net\" {\n  source = \"../modules/net\"\n}\nmodule \"reg\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n"),
            ("terraform/aws-us/main.tf", "module \"net\" {\n  source = \"../modules/net\"\n}\n"),
            ("terraform/gcp/main.tf", "resource \"x\" \"y\" {}\n"),
            ("terraform/modules/net/main.tf", "module \"sub\" {\n  source = \"../subnet\"\n}\n"),
            ("terraform/modules/subnet/main.tf", "# comment: module \"fake\" { source = \"../../gcp\" }\n"),
            ("kubeone/aws-eu.yaml", "name: eu\n"),
            ("kubeone/gcp/cluster.yaml", "name: gcp\n"),
            ("kubermatic/gcp/values.yaml", "x: 1\n"),
            ("flux/clusters/aws-us/kustomization.yaml", "x: 1\n"),
            ("terraform/bad\n::x/main.tf", "x = 1\n"),
        ]);
        let all = discover(r.path());
        let names: Vec<&str> = all.iter().map(|i| i.name.as_str()).collect();
        // `modules` holds no `.tf` directly: not a root; a name that is not plain is not one.
        assert_eq!(names, vec!["aws-eu", "aws-us", "gcp"]);
        let eu = &all[0];
        assert_eq!(eu.kubeone.as_deref(), Some("kubeone/aws-eu.yaml"));
        assert_eq!(eu.kubermatic, None);
        let dirs: Vec<&str> = eu.modules.iter().map(|m| m.dir.as_str()).collect();
        assert_eq!(
            dirs,
            vec!["terraform/modules/net", "terraform/modules/subnet"]
        );
        assert_eq!(
            eu.modules[1].chain,
            vec![
                "terraform/aws-eu",
                "terraform/modules/net",
                "terraform/modules/subnet"
            ]
        );
        let gcp = &all[2];
        assert!(gcp.modules.is_empty());
        assert_eq!(gcp.kubeone.as_deref(), Some("kubeone/gcp/"));
        assert_eq!(gcp.kubermatic.as_deref(), Some("kubermatic/gcp/"));
        assert_eq!(all[1].flux.as_deref(), Some("flux/clusters/aws-us/"));
        let f = gcp.filter().unwrap();
        assert!(f.matching_pattern("terraform/gcp/main.tf").is_some());
        assert!(f.matching_pattern("kubermatic/gcp/values.yaml").is_some());
        assert!(f
            .matching_pattern("terraform/modules/net/main.tf")
            .is_none());
        assert!(f.matching_pattern("kubeone/aws-eu.yaml").is_none());
        assert!(f.matching_pattern(".gitlab-ci.yml").is_some());
        let f = all[1].filter().unwrap();
        assert!(f
            .matching_pattern("terraform/modules/subnet/main.tf")
            .is_some());
        assert_eq!(
            all[1]
                .module_chain("terraform/modules/subnet/main.tf")
                .map(|m| m.chain.join(" → ")),
            Some("terraform/aws-us → terraform/modules/net → terraform/modules/subnet".to_owned())
        );
        // Selecting: by name, or refused naming the candidates.
        assert_eq!(
            select(&all, Some("gcp"), "KKP_INSTALLATION").unwrap().name,
            "gcp"
        );
        let e = select(&all, None, "KKP_INSTALLATION")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("KKP_INSTALLATION") && e.contains("aws-eu, aws-us, gcp"),
            "{e}"
        );
        let e = select(&all, Some("azure"), "KKP_INSTALLATION")
            .unwrap_err()
            .to_string();
        assert!(e.contains("aws-eu, aws-us, gcp"), "{e}");
    }

    #[test]
    fn the_seed_layout_is_one_installation_owning_the_kkp_folders() {
        let r = repo(&[
            ("terraform/aws/main.tf", "x = 1\n"),
            ("kubeone/kubeone.yaml", "name: kkp\n"),
            ("kubermatic/values.yaml", "x: 1\n"),
        ]);
        let all = discover(r.path());
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].name, "aws");
        assert_eq!(all[0].kubeone.as_deref(), Some("kubeone/"));
        assert_eq!(all[0].kubermatic.as_deref(), Some("kubermatic/"));
        let f = all[0].filter().unwrap();
        assert!(f.matching_pattern("kubeone/kubeone.yaml").is_some());
        assert_eq!(select(&all, None, "--installation").unwrap().name, "aws");
    }

    #[test]
    fn a_module_source_that_leaves_the_repository_is_not_followed() {
        assert_eq!(resolve("terraform/aws", "../../../etc"), None);
        assert_eq!(
            resolve("terraform/aws", "../modules/./net").as_deref(),
            Some("terraform/modules/net")
        );
    }
}
