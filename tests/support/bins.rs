//! The executables as a user installs them: the one multi-call `kkp-delivery`, and each
//! stage's name linked to it (it dispatches on the name it was called by). Shared by the
//! integration tests and the benches.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Every stage's executable name, in pipeline order: the registry's.
pub fn stage_binaries() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        kkp_delivery::stages::STAGES
            .iter()
            .map(|s| &*Box::leak(s.binary().into_boxed_str()))
            .collect()
    })
}

/// `kkp-delivery`, or a stage's link to it.
pub fn bin(name: &str) -> PathBuf {
    let delivery = PathBuf::from(env!("CARGO_BIN_EXE_kkp-delivery"));
    if name == "kkp-delivery" {
        return delivery;
    }
    assert!(stage_binaries().contains(&name), "unknown binary {name}");
    static LINKS: OnceLock<PathBuf> = OnceLock::new();
    let dir = LINKS.get_or_init(|| {
        // One folder per process: a link is never replaced under a running test.
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("stage-links-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for stage in stage_binaries() {
            let link = dir.join(stage);
            let _ = std::fs::remove_file(&link);
            std::os::unix::fs::symlink(&delivery, &link).unwrap();
        }
        dir
    });
    dir.join(name)
}
