//! Platform-neutral facts about changed files, shared by the host APIs, the git fallback and the
//! decision: what changed, how, and where the list came from.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileStatus {
    Added,
    Removed,
    Modified,
    Renamed,
}

/// One changed file. A rename carries both paths, and both take part in matching.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedFile {
    pub path: String,
    pub previous_path: Option<String>,
    pub status: FileStatus,
}

impl ChangedFile {
    pub fn new(path: impl Into<String>, status: FileStatus) -> Self {
        Self {
            path: path.into(),
            previous_path: None,
            status,
        }
    }

    pub fn renamed(path: impl Into<String>, from: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            previous_path: Some(from.into()),
            status: FileStatus::Renamed,
        }
    }

    /// The paths that count for matching: the new one and, for renames, the old one.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.path.as_str()).chain(self.previous_path.as_deref())
    }
}

impl fmt::Display for ChangedFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.previous_path {
            Some(old) => write!(f, "{old} → {}", self.path),
            None => f.write_str(&self.path),
        }
    }
}

/// What a host API answered: the files and a description of the endpoint used.
#[derive(Debug)]
pub struct ApiChanges {
    pub files: Vec<ChangedFile>,
    pub source: String,
}

/// The 12-character abbreviation used in messages.
pub fn short(sha: &str) -> &str {
    if sha.len() == 40 && sha.bytes().all(|b| b.is_ascii_hexdigit()) {
        &sha[..12]
    } else {
        sha
    }
}

/// Writes `contents` to `path` as a new file (mode 0644), never through whatever is there: an
/// existing file or symlink of that name is removed first and the file created with
/// `O_EXCL`, so a symlink committed under a name the publisher writes (`kkp-<stage>.env`) cannot
/// redirect the write outside the work tree. A folder of that name is an error.
pub fn write_new(path: &std::path::Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    match std::fs::symlink_metadata(path) {
        Ok(meta) if !meta.is_dir() => std::fs::remove_file(path)?,
        _ => {}
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o644)
        .open(path)?;
    file.write_all(contents)
}

/// Whether `path` is a Terraform or OpenTofu configuration file: `.tf`, `.tofu`, or their
/// JSON forms. OpenTofu reads `.tofu` files beside (and instead of) `.tf` ones.
pub fn is_code_file(path: &std::path::Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    [".tf", ".tofu", ".tf.json", ".tofu.json"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Whether the folder `dir` holds OpenTofu's own `.tofu` files: its engine is OpenTofu.
pub fn has_tofu_files(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|d| {
        d.filter_map(Result::ok).any(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.ends_with(".tofu") || name.ends_with(".tofu.json")
        })
    })
}
