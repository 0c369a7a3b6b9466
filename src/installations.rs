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
//! Layouts that differ are declared in [`DECLARED_FILE`] at the repository root; when it
//! exists it is the whole list (nothing is guessed beside it).

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use crate::changes::filter::PathFilter;
use crate::error::UsageError;

/// The CI configuration every installation triggers on (the child pipeline's template and the
/// declared installations included: they shape every installation's jobs).
pub const CI_PATHS: &[&str] = &[
    ".github/**",
    ".gitlab-ci.yml",
    GITLAB_CHILD_TEMPLATE,
    "bitbucket-pipelines.yml",
    DECLARED_FILE,
];

/// The GitLab template the child pipeline includes once per installation (`init` writes it).
pub const GITLAB_CHILD_TEMPLATE: &str = ".gitlab/kkp-installation.yml";

/// The file that declares installations whose layout differs from the convention.
pub const DECLARED_FILE: &str = "kkp-installations.yaml";

/// One KKP installation of the repository.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Installation {
    /// Its name: the folder of its Terraform root (`aws` for `terraform/aws`).
    pub name: String,
    /// `terraform/aws`
    pub terraform_root: String,
    /// The DNS Terraform root (`terraform/aws/dns`), where there is one.
    pub dns: Option<String>,
    /// The kubeone manifest or folder (`kubeone/aws.yaml`, `kubeone/aws/`), where there is one.
    pub kubeone: Option<String>,
    /// The KKP configuration and values folder (`kubermatic/aws/`), where there is one.
    pub kubermatic: Option<String>,
    /// The Flux path (`flux/clusters/aws/`), where there is one.
    pub flux: Option<String>,
    /// The local modules the root uses, with the chain that reaches each
    /// (`terraform/modules/net` ← `terraform/aws`).
    pub modules: Vec<ModuleUse>,
    /// Where it was found: `None` by convention, else the file that declares it.
    pub declared_in: Option<&'static str>,
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
        for owned in [&self.dns, &self.kubeone, &self.kubermatic, &self.flux]
            .into_iter()
            .flatten()
        {
            let pattern = match owned.strip_suffix('/') {
                Some(dir) => format!("{dir}/**"),
                None => owned.clone(),
            };
            if !p.contains(&pattern) {
                p.push(pattern);
            }
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
/// Whether `name` is a plain installation name: it reaches logs, job names, environment names
/// and issue markers, and a pull request's author chooses it.
pub fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name.len() <= 63
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

fn roots(repo: &Path) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(repo.join("terraform"))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        // A real folder (not a link out of the repository) with a plain name: the name reaches
        // logs, job names and issue markers, and a pull request's author chooses it.
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| is_plain_name(&e.file_name().to_string_lossy()))
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

/// The local modules `root` (and its DNS root) use, transitively, each with the chain that
/// reaches it.
fn modules_of(repo: &Path, root: &str, dns: Option<&str>) -> Vec<ModuleUse> {
    let mut seen: BTreeSet<String> = BTreeSet::from([root.to_owned()]);
    let mut out = Vec::new();
    let mut queue: Vec<Vec<String>> = vec![vec![root.to_owned()]];
    if let Some(dns) = dns {
        seen.insert(dns.to_owned());
        queue.push(vec![dns.to_owned()]);
    }
    while let Some(chain) = queue.pop() {
        let Some(dir) = chain.last() else { continue };
        for module in local_sources(repo, dir) {
            // A module inside the root is already the root's own path.
            let inside = |r: &str| module.starts_with(&format!("{r}/"));
            if inside(root) || dns.is_some_and(inside) || !seen.insert(module.clone()) {
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

/// The repository's installations: those [`DECLARED_FILE`] declares when it exists, else by
/// convention, one per root under `terraform/`. With one root it owns `kubeone/`,
/// `kubermatic/` and `flux/` whole (the seed's layout); with several, each owns
/// `kubeone/<name>.yaml` or `kubeone/<name>/`, `kubermatic/<name>/` and
/// `flux/clusters/<name>/`, where they exist. A root's `dns/` folder is its DNS root.
pub fn discover(repo: &Path) -> Result<Vec<Installation>, UsageError> {
    if let Some(declared) = declared(repo)? {
        return Ok(declared);
    }
    let roots = roots(repo);
    let several = roots.len() > 1;
    Ok(roots
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
            let dns = own(&[format!("{root}/dns")]).map(|d| d.trim_end_matches('/').to_owned());
            Installation {
                modules: modules_of(repo, root, dns.as_deref()),
                name,
                terraform_root: root.clone(),
                dns,
                kubeone,
                kubermatic,
                flux,
                declared_in: None,
            }
        })
        .collect())
}

/// One entry of [`DECLARED_FILE`].
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DeclaredInstallation {
    name: String,
    terraform: String,
    #[serde(default)]
    dns: Option<String>,
    #[serde(default)]
    kubeone: Option<String>,
    #[serde(default)]
    kubermatic: Option<String>,
    #[serde(default)]
    flux: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DeclaredFile {
    installations: Vec<DeclaredInstallation>,
}

/// The installations [`DECLARED_FILE`] declares, `None` when there is no such file. Every
/// path is repository-relative and must exist (a typo would otherwise silently trigger
/// nothing); a refusal names the file, the installation and the key.
fn declared(repo: &Path) -> Result<Option<Vec<Installation>>, UsageError> {
    let path = repo.join(DECLARED_FILE);
    if path
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
    {
        return Err(UsageError::invalid(
            DECLARED_FILE,
            "a file of the repository, not a link",
            "a symbolic link",
        ));
    }
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(None);
    };
    let file: DeclaredFile = serde_yaml_ng::from_str(&text).map_err(|e| {
        UsageError::invalid(
            DECLARED_FILE,
            "`installations:`, a list of entries with name, terraform and optionally dns, kubeone, kubermatic, flux",
            &crate::text::one_line(&e.to_string()),
        )
    })?;
    if file.installations.is_empty() {
        return Err(UsageError::invalid(
            DECLARED_FILE,
            "at least one installation",
            "an empty list",
        ));
    }
    let mut out: Vec<Installation> = Vec::new();
    for d in file.installations {
        if !is_plain_name(&d.name) {
            return Err(UsageError::invalid(
                format!("{DECLARED_FILE}: name"),
                "a plain name (letters, digits, -, _, .; at most 63)",
                &crate::text::one_line(&d.name),
            ));
        }
        if out.iter().any(|i| i.name == d.name) {
            return Err(UsageError::invalid(
                format!("{DECLARED_FILE}: name"),
                "a name used once",
                &d.name,
            ));
        }
        let key = |k: &str| format!("{DECLARED_FILE}: {} {k}", d.name);
        // A declared path: relative, inside the repository, not through a link, existing.
        let place = |k: &str, value: &str, folder_only: bool| -> Result<String, UsageError> {
            let plain = value
                .trim()
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
            let clean = resolve("", value.trim().trim_end_matches('/'))
                .filter(|_| plain && !value.trim().starts_with('/'))
                .ok_or_else(|| {
                    UsageError::invalid(
                        key(k),
                        "a path inside the repository, relative to its root (letters, digits, -, _, ., /)",
                        &crate::text::one_line(value),
                    )
                })?;
            let linked = {
                let mut at = repo.to_path_buf();
                clean.split('/').any(|part| {
                    at.push(part);
                    at.symlink_metadata()
                        .is_ok_and(|m| m.file_type().is_symlink())
                })
            };
            let full = repo.join(&clean);
            if linked || !(full.is_dir() || (!folder_only && full.is_file())) {
                return Err(UsageError::invalid(
                    key(k),
                    if folder_only {
                        "an existing folder of the repository (not a link)"
                    } else {
                        "an existing file or folder of the repository (not a link)"
                    },
                    &clean,
                ));
            }
            Ok(if full.is_dir() && !folder_only {
                format!("{clean}/")
            } else {
                clean
            })
        };
        let terraform = place("terraform", &d.terraform, true)?;
        if !holds_code(&repo.join(&terraform)) {
            return Err(UsageError::invalid(
                key("terraform"),
                "a folder holding .tf or .tofu files",
                &terraform,
            ));
        }
        let dns = d
            .dns
            .as_deref()
            .map(|v| place("dns", v, true))
            .transpose()?;
        let kubeone = d
            .kubeone
            .as_deref()
            .map(|v| place("kubeone", v, false))
            .transpose()?;
        let kubermatic = d
            .kubermatic
            .as_deref()
            .map(|v| place("kubermatic", v, true).map(|p| format!("{p}/")))
            .transpose()?;
        let flux = d
            .flux
            .as_deref()
            .map(|v| place("flux", v, true).map(|p| format!("{p}/")))
            .transpose()?;
        out.push(Installation {
            modules: modules_of(repo, &terraform, dns.as_deref()),
            name: d.name,
            terraform_root: terraform,
            dns,
            kubeone,
            kubermatic,
            flux,
            declared_in: Some(DECLARED_FILE),
        });
    }
    Ok(Some(out))
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
        let all = discover(r.path()).unwrap();
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
        let all = discover(r.path()).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].name, "aws");
        assert_eq!(all[0].kubeone.as_deref(), Some("kubeone/"));
        assert_eq!(all[0].kubermatic.as_deref(), Some("kubermatic/"));
        let f = all[0].filter().unwrap();
        assert!(f.matching_pattern("kubeone/kubeone.yaml").is_some());
        assert_eq!(select(&all, None, "--installation").unwrap().name, "aws");
    }

    #[test]
    fn a_declared_layout_is_the_whole_list_and_its_paths_are_checked() {
        let r = repo(&[
            ("infra/eu/main.tf", "module \"net\" {\n  source = \"../shared\"\n}\n"),
            ("infra/eu/dns/main.tf", "x = 1\n"),
            ("infra/shared/main.tf", "x = 1\n"),
            ("clusters/eu/kubeone.yaml", "name: eu\n"),
            ("clusters/eu/kkp/values.yaml", "x: 1\n"),
            ("gitops/eu/kustomization.yaml", "x: 1\n"),
            // By convention this would be an installation: the file is the whole list.
            ("terraform/other/main.tf", "x = 1\n"),
            (
                DECLARED_FILE,
                "installations:\n  - name: prod-eu\n    terraform: infra/eu\n    dns: infra/eu/dns\n    kubeone: clusters/eu/kubeone.yaml\n    kubermatic: clusters/eu/kkp/\n    flux: ./gitops/eu\n",
            ),
        ]);
        let all = discover(r.path()).unwrap();
        assert_eq!(all.len(), 1);
        let eu = &all[0];
        assert_eq!(eu.name, "prod-eu");
        assert_eq!(eu.declared_in, Some(DECLARED_FILE));
        assert_eq!(eu.terraform_root, "infra/eu");
        assert_eq!(eu.dns.as_deref(), Some("infra/eu/dns"));
        assert_eq!(eu.kubeone.as_deref(), Some("clusters/eu/kubeone.yaml"));
        assert_eq!(eu.kubermatic.as_deref(), Some("clusters/eu/kkp/"));
        assert_eq!(eu.flux.as_deref(), Some("gitops/eu/"));
        assert_eq!(eu.modules[0].dir, "infra/shared");
        let f = eu.filter().unwrap();
        for hit in [
            "infra/eu/dns/main.tf",
            "infra/shared/main.tf",
            "clusters/eu/kkp/values.yaml",
            "gitops/eu/x.yaml",
            DECLARED_FILE,
        ] {
            assert!(f.matching_pattern(hit).is_some(), "{hit}");
        }
        assert!(f.matching_pattern("terraform/other/main.tf").is_none());

        // Each mistake is refused naming the file, the installation and the key.
        for (text, names) in [
            ("installations:\n  - name: a\n    terraform: ../outside\n", "a terraform"),
            ("installations:\n  - name: a\n    terraform: /etc\n", "a terraform"),
            ("installations:\n  - name: a\n    terraform: clusters/eu\n", "a terraform"),
            ("installations:\n  - name: a\n    terraform: infra/eu\n    kubeone: nope.yaml\n", "a kubeone"),
            ("installations:\n  - name: \"a\\n::x\"\n    terraform: infra/eu\n", "name"),
            ("installations:\n  - name: a\n    terraform: infra/eu\n  - name: a\n    terraform: infra/eu\n", "name"),
            ("installations:\n  - name: a\n    terrafrom: infra/eu\n", DECLARED_FILE),
            ("installations: []\n", DECLARED_FILE),
        ] {
            std::fs::write(r.path().join(DECLARED_FILE), text).unwrap();
            let e = discover(r.path()).unwrap_err().to_string();
            assert!(e.contains(DECLARED_FILE) && e.contains(names), "{text}: {e}");
            assert!(!e.contains('\n'), "{e}");
        }
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
