//! Embeds the commit this binary is built from (`KKP_DELIVERY_SOURCE_COMMIT`), so `init` pins
//! the kkp actions to the very source of the binary that wrote the pipeline. A build outside a
//! git checkout (the image, a source archive) passes it in the variable of the same name.

use std::path::PathBuf;
use std::process::Command;

fn is_commit(s: &str) -> bool {
    s.len() == 40 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn main() {
    println!("cargo:rerun-if-env-changed=KKP_DELIVERY_SOURCE_COMMIT");
    let given = std::env::var("KKP_DELIVERY_SOURCE_COMMIT")
        .ok()
        .filter(|c| is_commit(c));
    let commit = given.or_else(|| {
        // Only this project's own checkout: an action's copy inside a user's repository
        // must not take the user's commit for its own.
        let top = git(&["rev-parse", "--show-toplevel"]).map(PathBuf::from)?;
        let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").ok()?);
        if top.canonicalize().ok()? != manifest.canonicalize().ok()? {
            return None;
        }
        // A new commit moves the branch's ref (or HEAD itself, detached): build again then.
        if let Some(dir) = git(&["rev-parse", "--git-dir"]) {
            let dir = PathBuf::from(dir);
            println!("cargo:rerun-if-changed={}", dir.join("HEAD").display());
            println!(
                "cargo:rerun-if-changed={}",
                dir.join("packed-refs").display()
            );
            if let Some(head) = git(&["symbolic-ref", "-q", "HEAD"]) {
                println!("cargo:rerun-if-changed={}", dir.join(head).display());
            }
        }
        git(&["rev-parse", "HEAD"]).filter(|c| is_commit(c))
    });
    println!(
        "cargo:rustc-env=KKP_DELIVERY_SOURCE_COMMIT={}",
        commit.unwrap_or_default()
    );
}
