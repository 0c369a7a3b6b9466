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

/// Writes `contents` to `path` as a new file (mode 0644), never through whatever is there: the
/// text goes to a fresh file beside it (created with `O_EXCL`, a name no one else uses) that is
/// then renamed over `path`. A rename replaces a symlink itself rather than writing where it
/// points, so a symlink committed under a name the publisher writes (`kkp-<stage>.env`) cannot
/// redirect the write outside the work tree; and two jobs writing the same name in one folder
/// at once (a shell runner without per-job folders, gitlab-ci-local) each finish, the later
/// rename winning, where removing and re-creating the name raced. A folder of that name is an
/// error.
pub fn write_new(path: &std::path::Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    use std::sync::atomic::{AtomicU64, Ordering};
    static SERIAL: AtomicU64 = AtomicU64::new(0);
    if std::fs::symlink_metadata(path).is_ok_and(|meta| meta.is_dir()) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "a folder has the name of the file to write",
        ));
    }
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, "no file name to write")
    })?;
    let partial = path.with_file_name(format!(
        ".{}.{}-{}.partial",
        name.to_string_lossy(),
        std::process::id(),
        SERIAL.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o644)
            .open(&partial)?;
        file.write_all(contents)?;
        std::fs::rename(&partial, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
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

#[cfg(test)]
mod tests {
    use super::write_new;

    #[test]
    fn writers_of_one_name_in_one_folder_at_once_all_succeed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kkp-terraform-plan.env");
        let texts: Vec<String> = (0..8).map(|i| format!("KKP_WRITER={i}\n")).collect();
        std::thread::scope(|scope| {
            for text in &texts {
                let path = &path;
                scope.spawn(move || {
                    for _ in 0..200 {
                        write_new(path, text.as_bytes()).unwrap();
                    }
                });
            }
        });
        let last = std::fs::read_to_string(&path).unwrap();
        assert!(texts.contains(&last), "{last:?}");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["kkp-terraform-plan.env"], "no partial file is left");
    }

    #[test]
    fn a_symlink_is_replaced_not_followed_and_a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        std::fs::write(&outside, "kept").unwrap();
        let link = dir.path().join("kkp-terraform-plan.env");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        write_new(&link, b"KKP_X=1\n").unwrap();
        assert_eq!(std::fs::read_to_string(&outside).unwrap(), "kept");
        assert!(!std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read_to_string(&link).unwrap(), "KKP_X=1\n");
        let folder = dir.path().join("kkp-terraform-plan.sh");
        std::fs::create_dir(&folder).unwrap();
        assert!(write_new(&folder, b"x").is_err());
        assert!(folder.is_dir());
    }
}
