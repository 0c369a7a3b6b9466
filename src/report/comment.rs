//! Sticky comments: one comment per stage and working directory, found again by a hidden
//! marker and updated in place; the plan fingerprint rides along in a second marker. Bodies are
//! fitted to the host's limit by trimming the long text head and tail, never the summary.

/// GitHub rejects comment bodies over 65,536 characters.
pub const GITHUB_COMMENT_MAX: usize = 65_536;
/// GitLab notes may hold 1,000,000 characters.
pub const GITLAB_NOTE_MAX: usize = 1_000_000;
/// Bitbucket documents no limit; we keep to GitHub's so comments stay readable.
pub const BITBUCKET_COMMENT_MAX: usize = 65_536;

pub fn marker(stage: &str, dir: &str) -> String {
    format!("<!-- kkp-delivery:{stage}:{dir} -->")
}

pub fn fingerprint_marker(fingerprint: &str) -> String {
    format!("<!-- kkp-fingerprint:{fingerprint} -->")
}

/// The fingerprint stored in a comment body, if any.
pub fn parse_fingerprint(body: &str) -> Option<String> {
    let start = body.find("<!-- kkp-fingerprint:")? + "<!-- kkp-fingerprint:".len();
    let rest = &body[start..];
    let end = rest.find(" -->")?;
    Some(rest[..end].to_owned())
}

/// `head`, then `long` in a collapsible block, trimmed in the middle so the whole body stays
/// within `limit` characters; `where_full` says where the untrimmed text is. The head is kept
/// whole unless it alone would not fit (thousands of resources listed): then its end is cut,
/// never its start, where the hidden markers are.
pub fn fit(head: &str, long_title: &str, long: &str, where_full: &str, limit: usize) -> String {
    // Room for the block, its notes, and at least a little of the long text.
    const BLOCK_RESERVE: usize = 2_000;
    let head_chars = head.chars().count();
    let head_room = limit.saturating_sub(BLOCK_RESERVE);
    let cut_head;
    let head = if head_chars > head_room {
        let note = format!(
            "\n\n… {} characters of this summary cut here; {where_full} …\n\n",
            head_chars - head_room
        );
        let keep = head_room.saturating_sub(note.chars().count());
        cut_head = format!("{}{note}", head.chars().take(keep).collect::<String>());
        cut_head.as_str()
    } else {
        head
    };
    let open = format!("<details><summary>{long_title}</summary>\n\n```\n");
    let close = "\n```\n\n</details>\n";
    let note = format!("\n… {{}} characters cut here; {where_full} …\n");
    let fixed = head.chars().count()
        + open.chars().count()
        + close.chars().count()
        + note.chars().count()
        + 20;
    let total = long.chars().count();
    let body_text = if fixed + total <= limit {
        long.replace("```", "ˋˋˋ")
    } else {
        let room = limit.saturating_sub(fixed);
        let keep_head = room * 2 / 3;
        let keep_tail = room - keep_head;
        let head_part: String = long.chars().take(keep_head).collect();
        let tail_part: String = long.chars().skip(total - keep_tail.min(total)).collect();
        let cut = total - keep_head - keep_tail.min(total);
        format!(
            "{head_part}{}{tail_part}",
            note.replace("{}", &cut.to_string())
        )
        .replace("```", "ˋˋˋ")
    };
    format!("{head}{open}{body_text}{close}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_under_the_limit_keeping_head_and_tail() {
        let long: String = (0..20_000).map(|i| format!("line {i}\n")).collect();
        let body = fit(
            "### summary\n",
            "plan",
            &long,
            "the job log has the full plan",
            GITHUB_COMMENT_MAX,
        );
        assert!(
            body.chars().count() <= GITHUB_COMMENT_MAX,
            "{}",
            body.chars().count()
        );
        assert!(body.starts_with("### summary\n"));
        assert!(body.contains("line 0\n") && body.contains("line 19999\n"));
        assert!(body.contains("characters cut here; the job log has the full plan"));
        let short = fit("h\n", "plan", "tiny", "x", GITHUB_COMMENT_MAX);
        assert!(short.contains("tiny") && !short.contains("cut here"));
    }

    #[test]
    fn a_head_too_long_for_the_limit_is_cut_at_its_end() {
        let head = format!(
            "{}\n{}",
            marker("terraform-plan", "terraform/aws"),
            "`aws_instance.x[1234]`, ".repeat(5_000)
        );
        let body = fit(
            &head,
            "plan",
            "the plan",
            "the job log has it",
            GITHUB_COMMENT_MAX,
        );
        assert!(body.chars().count() <= GITHUB_COMMENT_MAX);
        assert!(body.starts_with(&marker("terraform-plan", "terraform/aws")));
        assert!(body.contains("characters of this summary cut here; the job log has it"));
        assert!(body.contains("the plan"));
    }

    #[test]
    fn fingerprint_round_trips() {
        let body = format!(
            "x\n{}\n{}",
            marker("terraform-plan", "terraform/aws"),
            fingerprint_marker("abc123")
        );
        assert_eq!(parse_fingerprint(&body).as_deref(), Some("abc123"));
        assert_eq!(parse_fingerprint("none"), None);
    }
}
