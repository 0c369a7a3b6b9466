//! sops (docs/REFERENCES.md, "sops: errors and exit codes"): which files are encrypted, and
//! its failures as one line. Errors go to stderr with typed exit codes (`cmd/sops/codes`); the
//! no-key error is a block whose per-key reasons are word-wrapped at 60 columns behind `| `.

/// Whether a YAML or JSON document is sops-encrypted: it has a top-level `sops` key.
pub fn is_encrypted(text: &str) -> bool {
    match crate::kubernetes::yaml_documents(text) {
        Ok(docs) => docs
            .iter()
            .any(|d| d.as_object().is_some_and(|o| o.contains_key("sops"))),
        // Not YAML (dotenv, ini): sops writes `sops_version=` into those.
        Err(_) => text.lines().any(|l| l.starts_with("sops_")),
    }
}

/// A failed `sops -d` as one line.
pub fn failure_reason(code: Option<i32>, stderr: &str) -> String {
    // The wrapped `| ` lines of the no-key block are one reason.
    let mut reasons: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in stderr.lines() {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("- | ") {
            if !current.is_empty() {
                reasons.push(std::mem::take(&mut current));
            }
            current.push_str(rest.trim());
        } else if let Some(rest) = t.strip_prefix("| ") {
            current.push(' ');
            current.push_str(rest.trim());
        } else if !current.is_empty() {
            reasons.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        reasons.push(current);
    }
    let first_line = stderr
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .trim_start_matches("Error: ")
        .to_owned();
    match code {
        Some(128) => {
            let why = reasons
                .first()
                .cloned()
                .unwrap_or_else(|| "no key was able to decrypt the file".to_owned());
            // sops 3.9 and 3.11 word it differently.
            let hint = if why.contains("no identity matched")
                || why.contains("did not match any of the recipients")
            {
                " (SOPS_AGE_SECRET_KEY is not one of the file's recipients)"
            } else {
                ""
            };
            format!("no key could decrypt the data key: {why}{hint}")
        }
        Some(51) => "the file's MAC does not match: it was changed after encryption".to_owned(),
        Some(c) if first_line.is_empty() => format!("sops exited with status {c}"),
        Some(_) => crate::text::one_line(&first_line),
        None => "sops was stopped by a signal".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encrypted_files_have_a_top_level_sops_key() {
        assert!(is_encrypted(
            "a: ENC[AES256_GCM,data:x]\nsops:\n  version: 3.9.4\n"
        ));
        assert!(is_encrypted(
            "{\"a\": \"ENC[x]\", \"sops\": {\"version\": \"3.9.4\"}}"
        ));
        assert!(!is_encrypted("a: 1\nb:\n  sops: nested\n"));
        assert!(!is_encrypted(""));
    }

    #[test]
    fn the_no_key_block_becomes_one_line() {
        let stderr = "Failed to get the data key required to decrypt the SOPS file.\n\nGroup 0: FAILED\n  age1758ynd4uzc83t24x4748uk42n6838rfg9k2ypvfhaqsn2vl3n5tq25yx3p: FAILED\n    - | failed to create reader for decrypting sops data key with\n      | age: no identity matched any of the recipients\n\nRecovery failed because no master key was able to decrypt the file. In\norder for SOPS to recover the file, at least one key has to be successful,\nbut none were.\n";
        assert_eq!(
            failure_reason(Some(128), stderr),
            "no key could decrypt the data key: failed to create reader for decrypting sops data key with age: no identity matched any of the recipients (SOPS_AGE_SECRET_KEY is not one of the file's recipients)"
        );
        assert_eq!(
            failure_reason(Some(1), "Error: sops metadata not found\n"),
            "sops metadata not found"
        );
    }
}
