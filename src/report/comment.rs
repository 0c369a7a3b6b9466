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

/// Where a comment's status line goes (applying, applied, failed, outdated): right after its
/// hidden markers, replaced in place by each update.
pub const STATUS_OPEN: &str = "<!-- kkp-status -->";
pub const STATUS_CLOSE: &str = "<!-- /kkp-status -->";
/// Around the last good plan a failed plan's comment keeps, folded.
const SUPERSEDED_OPEN: &str = "<!-- kkp-superseded -->";
const SUPERSEDED_CLOSE: &str = "<!-- /kkp-superseded -->";
/// The most characters of a superseded plan a failure's comment keeps.
const SUPERSEDED_MAX: usize = 20_000;

/// `body` with its status line set to `status` (Markdown; empty clears it). A body without the
/// status slot (an older comment) gets one after its leading hidden markers.
pub fn with_status(body: &str, status: &str) -> String {
    let slot = if status.is_empty() {
        format!("{STATUS_OPEN}{STATUS_CLOSE}")
    } else {
        format!("{STATUS_OPEN}\n{}\n{STATUS_CLOSE}", status.trim_end())
    };
    if let (Some(start), Some(end)) = (body.find(STATUS_OPEN), body.find(STATUS_CLOSE)) {
        if start < end {
            return format!(
                "{}{slot}{}",
                &body[..start],
                &body[end + STATUS_CLOSE.len()..]
            );
        }
    }
    let mut out = String::new();
    let mut placed = false;
    for line in body.split_inclusive('\n') {
        let hidden_marker = line.starts_with("<!-- kkp-") && line.trim_end().ends_with("-->");
        if !placed && !hidden_marker {
            out.push_str(&slot);
            out.push('\n');
            placed = true;
        }
        out.push_str(line);
    }
    if !placed {
        out.push('\n');
        out.push_str(&slot);
    }
    out
}

/// `body` without its fingerprint marker: an outdated or failed comment is never a reviewed
/// plan.
pub fn without_fingerprint(body: &str) -> String {
    body.split_inclusive('\n')
        .filter(|l| !l.starts_with("<!-- kkp-fingerprint:"))
        .collect()
}

/// What a failed plan's comment keeps of the bot's `previous` comment: a good plan's visible
/// summary (no markers, no folded plan text), or the superseded plan a previous failure kept.
/// Folded, and marked as not current.
pub fn superseded_section(previous: &str) -> Option<String> {
    let kept = if parse_fingerprint(previous).is_some() {
        let visible: String = previous
            .split_inclusive('\n')
            .filter(|l| !(l.starts_with("<!-- ") && l.trim_end().ends_with("-->")))
            .filter(|l| !l.starts_with("<sub>Plan fingerprint"))
            .collect();
        // The status slot's lines (an outdated or applied note) are not part of the plan.
        let visible = match (visible.find(STATUS_OPEN), visible.find(STATUS_CLOSE)) {
            (Some(a), Some(b)) if a < b => {
                format!("{}{}", &visible[..a], &visible[b + STATUS_CLOSE.len()..])
            }
            _ => visible,
        };
        let head = visible
            .split("<details>")
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned();
        head
    } else {
        let start = previous.find(SUPERSEDED_OPEN)?;
        let end = previous.find(SUPERSEDED_CLOSE)?;
        return (start < end)
            .then(|| format!("{}\n", &previous[start..end + SUPERSEDED_CLOSE.len()]));
    };
    if kept.is_empty() {
        return None;
    }
    let mut kept: String = kept.chars().take(SUPERSEDED_MAX).collect();
    if kept.chars().count() == SUPERSEDED_MAX {
        kept.push_str("\n\n… cut here");
    }
    Some(format!(
        "{SUPERSEDED_OPEN}\n<details><summary>⏮️ The last successful plan: superseded by the failure above, not current</summary>\n\n{kept}\n\n</details>\n{SUPERSEDED_CLOSE}\n"
    ))
}

/// The fingerprint stored in a comment body, if any.
pub fn parse_fingerprint(body: &str) -> Option<String> {
    let start = body.find("<!-- kkp-fingerprint:")? + "<!-- kkp-fingerprint:".len();
    let rest = &body[start..];
    let end = rest.find(" -->")?;
    Some(rest[..end].to_owned())
}

/// The most characters any host shows of a long text: GitLab's note limit and GitHub's summary
/// limit are both 1,000,000. A longer text is kept as its head and tail only, which is all
/// [`fit`] ever shows of it.
pub const LONG_TEXT_KEEP: usize = 1_000_000;
const HEAD_KEEP: usize = LONG_TEXT_KEEP * 2 / 3;
const TAIL_KEEP: usize = LONG_TEXT_KEEP - HEAD_KEEP + 2;
/// Read around each cut and masked before cutting, so a secret across a cut is masked whole
/// rather than leaving its first or last characters in the clear.
const MASK_MARGIN: usize = 64 * 1024;

/// A long text (a plan) as much of it as any host can show: whole when short; otherwise its
/// first and last characters, with `omitted` characters between them dropped. A 100,000
/// resource plan is hundreds of MiB of text, and no comment or summary shows more than
/// [`LONG_TEXT_KEEP`] characters of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LongText {
    /// The head and the tail, joined.
    pub text: String,
    /// Characters dropped between the head and the tail.
    pub omitted: usize,
}

impl LongText {
    pub fn whole(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            omitted: 0,
        }
    }

    /// The text `reader` gives (UTF-8; invalid bytes become U+FFFD), read once as it arrives
    /// (a tool's pipe), each kept part passed through `mask` before it is cut. Memory stays
    /// within a few MiB whatever the length: the head is kept as it comes, then the reads go
    /// straight into a ring that holds the last bytes (no byte is copied twice: a 100,000
    /// resource plan's text is hundreds of MiB).
    pub fn from_reader(
        mut reader: impl std::io::Read,
        mask: &dyn Fn(&str) -> String,
    ) -> std::io::Result<Self> {
        // Four bytes per character at most, and one more character for a sequence cut at the
        // start of the tail.
        const HEAD_BYTES: usize = (HEAD_KEEP + MASK_MARGIN) * 4;
        const TAIL_BYTES: usize = (TAIL_KEEP + MASK_MARGIN + 1) * 4;
        const READ: usize = 256 * 1024;
        // Characters are the bytes that do not continue a UTF-8 sequence; plans are almost all
        // ASCII, which std checks many bytes at a time.
        fn count(read: &[u8]) -> usize {
            if read.is_ascii() {
                read.len()
            } else {
                read.iter().filter(|b| (**b & 0xC0) != 0x80).count()
            }
        }
        fn read_some(reader: &mut impl std::io::Read, into: &mut [u8]) -> std::io::Result<usize> {
            loop {
                match reader.read(into) {
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    other => return other,
                }
            }
        }
        let mut chars = 0usize;
        let mut head: Vec<u8> = vec![0; HEAD_BYTES];
        let mut head_len = 0;
        while head_len < HEAD_BYTES {
            let end = (head_len + READ).min(HEAD_BYTES);
            let n = read_some(&mut reader, &mut head[head_len..end])?;
            if n == 0 {
                break;
            }
            chars += count(&head[head_len..head_len + n]);
            head_len += n;
        }
        head.truncate(head_len);
        // The bytes after the head: `ring[at..]` then `ring[..at]` once it has wrapped.
        let mut ring: Vec<u8> = Vec::new();
        let mut at = 0;
        let mut wrapped = false;
        if head_len == HEAD_BYTES {
            ring = vec![0; TAIL_BYTES];
            loop {
                let end = (at + READ).min(TAIL_BYTES);
                let n = read_some(&mut reader, &mut ring[at..end])?;
                if n == 0 {
                    break;
                }
                chars += count(&ring[at..at + n]);
                at += n;
                if at == TAIL_BYTES {
                    at = 0;
                    wrapped = true;
                }
            }
        }
        let rest = if wrapped {
            [&ring[at..], &ring[..at]].concat()
        } else {
            ring.truncate(at);
            ring
        };
        if chars <= HEAD_KEEP + TAIL_KEEP {
            // At most 4 bytes a character: the head and the ring hold every byte.
            head.extend_from_slice(&rest);
            return Ok(Self::whole(mask(&String::from_utf8_lossy(&head))));
        }
        // The tail is the stream's last TAIL_BYTES bytes, the end of the head among them when
        // little followed it.
        let tail = if rest.len() >= TAIL_BYTES {
            rest
        } else {
            let from_head = head.len().saturating_sub(TAIL_BYTES - rest.len());
            [&head[from_head..], &rest[..]].concat()
        };
        let head_text = mask(&String::from_utf8_lossy(&head));
        let tail_text = mask(&String::from_utf8_lossy(&tail));
        let mut text: String = head_text.chars().take(HEAD_KEEP).collect();
        let tail_chars = tail_text.chars().count();
        text.extend(tail_text.chars().skip(tail_chars.saturating_sub(TAIL_KEEP)));
        Ok(Self {
            text,
            omitted: chars - HEAD_KEEP - TAIL_KEEP,
        })
    }

    pub fn map(&self, f: impl Fn(&str) -> String) -> Self {
        Self {
            text: f(&self.text),
            omitted: self.omitted,
        }
    }
}

/// `head`, then `long` in a collapsible block, trimmed in the middle so the whole body stays
/// within `limit` characters; `where_full` says where the untrimmed text is. The head is kept
/// whole unless it alone would not fit (thousands of resources listed): then its end is cut,
/// and the note says how much. `limit` is at most [`LONG_TEXT_KEEP`], so what a cut keeps of a
/// long text always lies in the head and tail a [`LongText`] holds.
pub fn fit(
    head: &str,
    long_title: &str,
    long: &LongText,
    where_full: &str,
    limit: usize,
) -> String {
    debug_assert!(limit <= LONG_TEXT_KEEP);
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
    let kept = long.text.chars().count();
    let total = kept + long.omitted;
    let body_text = if long.omitted == 0 && fixed + total <= limit {
        long.text.replace("```", "ˋˋˋ")
    } else {
        let room = limit.saturating_sub(fixed);
        let keep_head = (room * 2 / 3).min(kept);
        let keep_tail = (room - room * 2 / 3).min(kept - keep_head);
        let head_part: String = long.text.chars().take(keep_head).collect();
        let tail_part: String = long.text.chars().skip(kept - keep_tail).collect();
        let cut = total - keep_head - keep_tail;
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
            &LongText::whole(long),
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
        let short = fit(
            "h\n",
            "plan",
            &LongText::whole("tiny"),
            "x",
            GITHUB_COMMENT_MAX,
        );
        assert!(short.contains("tiny") && !short.contains("cut here"));
    }

    /// Gives its text a few bytes at a time, in varying sizes, as a pipe does: reads end
    /// inside multi-byte characters and never fill the reader's buffer.
    struct Trickle<'a> {
        rest: &'a [u8],
        step: usize,
    }

    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.step = self.step % 7919 + 1;
            let n = self.step.min(buf.len()).min(self.rest.len());
            buf[..n].copy_from_slice(&self.rest[..n]);
            self.rest = &self.rest[n..];
            Ok(n)
        }
    }

    /// `text` read through a [`Trickle`], unmasked.
    fn trickled(text: &str) -> LongText {
        let reader = Trickle {
            rest: text.as_bytes(),
            step: 0,
        };
        LongText::from_reader(reader, &|t| t.to_owned()).unwrap()
    }

    #[test]
    fn a_long_text_read_as_it_arrives_fits_exactly_as_the_whole_text_would() {
        // Past LONG_TEXT_KEEP, with multi-byte characters on both sides of the cuts: much
        // longer, and so little longer that the tail overlaps what the head read.
        for lines in [120_000, 26_000] {
            let long: String = (0..lines)
                .map(|i| format!("  + resource \"aws_instance\" \"ü{i}\" {{\n"))
                .collect();
            let read = LongText::from_reader(long.as_bytes(), &|t| t.to_owned()).unwrap();
            let trickled = trickled(&long);
            assert_eq!(read, trickled, "the same text however the reads fall");
            let chars = long.chars().count();
            assert!(read.omitted > 0);
            assert_eq!(read.omitted, chars - HEAD_KEEP - TAIL_KEEP);
            let expected: String = long
                .chars()
                .take(HEAD_KEEP)
                .chain(long.chars().skip(chars - TAIL_KEEP))
                .collect();
            assert!(read.text == expected, "the head and the tail, exactly");
            for limit in [GITHUB_COMMENT_MAX, GITLAB_NOTE_MAX, 1_000_000] {
                assert_eq!(
                    fit("h\n", "plan", &read, "see the log", limit),
                    fit(
                        "h\n",
                        "plan",
                        &LongText::whole(long.clone()),
                        "see the log",
                        limit
                    ),
                    "limit {limit}"
                );
            }
        }
        assert_eq!(
            LongText::from_reader("No changes. ü\n".as_bytes(), &|t| t.to_owned()).unwrap(),
            LongText::whole("No changes. ü\n")
        );
        // The longest text kept whole, in four-byte characters: nothing is lost at the seam.
        let widest = "😀".repeat(LONG_TEXT_KEEP + 2);
        assert_eq!(trickled(&widest), LongText::whole(widest));
    }

    #[test]
    fn a_secret_across_a_cut_is_masked_whole() {
        // The secret starts a few characters before the head's end, and another ends a few
        // after the tail's start.
        let mut long = "x".repeat(HEAD_KEEP - 3);
        long.push_str("s3cr3t-value");
        long.push_str(&"y".repeat(2 * LONG_TEXT_KEEP));
        long.push_str("s3cr3t-value");
        long.push_str(&"z".repeat(TAIL_KEEP - 3));
        let kept =
            LongText::from_reader(long.as_bytes(), &|t| t.replace("s3cr3t-value", "***")).unwrap();
        assert!(
            !kept.text.contains("s3c") && !kept.text.contains("lue"),
            "no part of a secret is kept"
        );
        assert!(kept.text.contains("xxx***"));
        assert!(kept
            .text
            .ends_with(&format!("***{}", "z".repeat(TAIL_KEEP - 3))));
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
            &LongText::whole("the plan"),
            "the job log has it",
            GITHUB_COMMENT_MAX,
        );
        assert!(body.chars().count() <= GITHUB_COMMENT_MAX);
        assert!(body.starts_with(&marker("terraform-plan", "terraform/aws")));
        assert!(body.contains("characters of this summary cut here; the job log has it"));
        assert!(body.contains("the plan"));
    }

    #[test]
    fn status_lines_replace_each_other_and_old_bodies_get_a_slot() {
        let body = format!(
            "{}\n{}\n### plan\n",
            marker("terraform-plan", "."),
            fingerprint_marker("f1")
        );
        let applying = with_status(&body, "> ⏳ applying");
        assert!(applying.contains("<!-- kkp-fingerprint:f1 -->\n<!-- kkp-status -->\n> ⏳ applying\n<!-- /kkp-status -->\n### plan"));
        let applied = with_status(&applying, "> ✅ applied");
        assert!(applied.contains("> ✅ applied") && !applied.contains("applying"));
        assert_eq!(applied.matches(STATUS_OPEN).count(), 1);
        assert!(!without_fingerprint(&applied).contains("kkp-fingerprint"));
    }

    #[test]
    fn a_failure_keeps_the_last_good_plan_folded_as_superseded() {
        let good = format!(
            "{}\n{}\n{STATUS_OPEN}{STATUS_CLOSE}\n### 📋 plan\n\n**2 to create**\n<sub>Plan fingerprint `abc`</sub>\n<details><summary>Plan</summary>\n\n```\nlong text\n```\n</details>\n",
            marker("terraform-plan", "."),
            fingerprint_marker("f1")
        );
        let section = superseded_section(&good).unwrap();
        assert!(section.contains("**2 to create**") && section.contains("not current"));
        assert!(!section.contains("long text") && !section.contains("kkp-fingerprint"));
        assert!(!section.contains("Plan fingerprint"));
        // A second failure keeps the same good plan, not the first failure.
        let failed = format!(
            "{}\n### ❌ failed\n{section}",
            marker("terraform-plan", ".")
        );
        assert_eq!(
            superseded_section(&failed).as_deref(),
            Some(section.as_str())
        );
        assert_eq!(superseded_section("### ❌ failed, nothing kept"), None);
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
