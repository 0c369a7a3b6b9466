//! Trigger path rules: ordered globs, gitignore-like.
//!
//! Each pattern either includes (`kubeone/**`) or excludes (`!docs/**`) the files it matches, and
//! for every file the last pattern that matches wins. `*` and `?` stop at `/`; `**` crosses it.
//! A pattern ending in `/` means everything below that folder.

use crate::changes::glob::Glob;

use crate::error::UsageError;

/// Trigger paths shared by every stage unless `--paths` is given (docs/REFERENCES.md,
/// "Design: default trigger paths"): the KKP folders and every supported CI configuration.
pub const DEFAULT_PATHS: &[&str] = &[
    "kubeone/**",
    "kubermatic/**",
    "terraform/**",
    ".github/**",
    ".gitlab-ci.yml",
    "bitbucket-pipelines.yml",
];

use crate::files::ChangedFile;

#[derive(Clone, Debug)]
struct Rule {
    text: String,
    exclude: bool,
    matcher: Matcher,
}

/// How a rule matches: most trigger patterns are a folder and everything below it, or one
/// file, which need no glob matching (an installation's filter is built per run, and 50 of
/// them compile in microseconds).
#[derive(Clone, Debug)]
enum Matcher {
    /// `dir/**`: any path under `dir/`.
    Under(String),
    /// A path with no glob syntax: that path.
    Exact(String),
    Glob(Glob),
}

impl Matcher {
    fn is_match(&self, path: &str) -> bool {
        match self {
            Matcher::Under(prefix) => {
                path.len() > prefix.len() && path.starts_with(prefix.as_str())
            }
            Matcher::Exact(p) => path == p,
            Matcher::Glob(g) => g.is_match(path),
        }
    }
}

/// Whether `text` has glob syntax (or an escape).
fn has_glob_syntax(text: &str) -> bool {
    text.contains(['*', '?', '[', ']', '{', '}', '\\'])
}

/// A compiled, ordered list of trigger patterns.
#[derive(Clone, Debug)]
pub struct PathFilter {
    rules: Vec<Rule>,
}

/// The outcome of matching one file: which include pattern matched it last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match<'a> {
    pub file: &'a ChangedFile,
    /// The path (new or, for renames, old) that matched.
    pub path: &'a str,
    pub pattern: &'a str,
}

impl PathFilter {
    /// Parses patterns separated by newlines or commas. `source` names the flag or variable for
    /// error messages.
    pub fn parse(spec: &str, source: &str) -> Result<Self, UsageError> {
        let patterns: Vec<&str> = spec
            .split(['\n', ','])
            .map(str::trim)
            .filter(|p| !p.is_empty() && !p.starts_with('#'))
            .collect();
        Self::from_patterns(&patterns, source)
    }

    pub fn from_patterns(patterns: &[&str], source: &str) -> Result<Self, UsageError> {
        let mut rules = Vec::with_capacity(patterns.len());
        for &raw in patterns {
            let (exclude, body) = match raw.strip_prefix('!') {
                Some(rest) => (true, rest.trim()),
                None => (false, raw),
            };
            let body = body.trim_start_matches("./").trim_start_matches('/');
            if body.is_empty() {
                return Err(UsageError::invalid(
                    source,
                    "glob patterns such as `terraform/**` or `!docs/**`",
                    raw,
                ));
            }
            let glob_text = if body.ends_with('/') {
                format!("{body}**")
            } else {
                body.to_owned()
            };
            let literal = match glob_text.strip_suffix("/**") {
                Some(dir) if !dir.is_empty() && !has_glob_syntax(dir) => {
                    Some(Matcher::Under(format!("{dir}/")))
                }
                _ if !has_glob_syntax(&glob_text) => Some(Matcher::Exact(glob_text.clone())),
                _ => None,
            };
            if let Some(matcher) = literal {
                rules.push(Rule {
                    text: raw.to_owned(),
                    exclude,
                    matcher,
                });
                continue;
            }
            let glob = Glob::new(&glob_text).map_err(|e| {
                UsageError::invalid(source, &format!("valid glob patterns ({e})"), raw)
            })?;
            rules.push(Rule {
                text: raw.to_owned(),
                exclude,
                matcher: Matcher::Glob(glob),
            });
        }
        if rules.iter().all(|r| r.exclude) {
            return Err(UsageError::invalid(
                source,
                "at least one pattern that is not an exclusion (`!…`)",
                &patterns.join(","),
            ));
        }
        Ok(Self { rules })
    }

    pub fn patterns(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.text.as_str())
    }

    /// The include pattern that decides `path`, or `None` if the path is not selected.
    pub fn matching_pattern(&self, path: &str) -> Option<&str> {
        let last = self.rules.iter().rev().find(|r| r.matcher.is_match(path))?;
        (!last.exclude).then_some(last.text.as_str())
    }

    /// The files selected by the rules, each with the path and pattern that selected it.
    pub fn matches<'a>(&'a self, files: &'a [ChangedFile]) -> Vec<Match<'a>> {
        files
            .iter()
            .filter_map(|file| {
                file.paths().find_map(|path| {
                    self.matching_pattern(path).map(|pattern| Match {
                        file,
                        path,
                        pattern,
                    })
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(spec: &str) -> PathFilter {
        PathFilter::parse(spec, "--paths").unwrap()
    }

    #[test]
    fn star_stops_at_slash_double_star_crosses() {
        let flt = filter("terraform/*.tf");
        assert!(flt.matching_pattern("terraform/main.tf").is_some());
        assert!(flt.matching_pattern("terraform/aws/main.tf").is_none());
        let flt = filter("terraform/**");
        assert!(flt.matching_pattern("terraform/aws/dns/main.tf").is_some());
        assert!(flt.matching_pattern("terraformx/main.tf").is_none());
    }

    #[test]
    fn later_patterns_win_and_bang_excludes() {
        let flt = filter("terraform/**\n!terraform/**/*.md\nterraform/aws/README.md");
        assert!(flt.matching_pattern("terraform/aws/main.tf").is_some());
        assert!(flt.matching_pattern("terraform/gce/README.md").is_none());
        assert_eq!(
            flt.matching_pattern("terraform/aws/README.md"),
            Some("terraform/aws/README.md")
        );
    }

    #[test]
    fn trailing_slash_means_folder_and_commas_separate() {
        let flt = filter("kubeone/, .gitlab-ci.yml");
        assert!(flt.matching_pattern("kubeone/addons/x.yaml").is_some());
        assert!(flt.matching_pattern(".gitlab-ci.yml").is_some());
        assert!(flt.matching_pattern("README.md").is_none());
    }

    #[test]
    fn renames_match_on_either_path() {
        let files = vec![ChangedFile::renamed(
            "docs/old-main.tf",
            "terraform/main.tf",
        )];
        let flt = filter("terraform/**");
        let m = flt.matches(&files);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].path, "terraform/main.tf");
    }

    #[test]
    fn bad_patterns_name_the_source() {
        let err = PathFilter::parse("terraform/[", "KKP_PATHS")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("KKP_PATHS"), "{err}");
        let err = PathFilter::parse("!docs/**", "--paths")
            .unwrap_err()
            .to_string();
        assert!(err.contains("not an exclusion"), "{err}");
    }
}
