//! Text primitives every layer uses: one line for a log, Markdown escaping and code blocks,
//! and one percent-encoder for URL path segments. A leaf: it imports nothing of the crate.

/// Folds control characters (newlines from file names or tool errors) into spaces, so one
/// value can never become several log lines or start a line with a workflow command.
pub fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// `text` as a fenced code block: the fence is longer than any run of backticks in the text, so
/// the text cannot close it early, and control characters other than newlines and tabs are
/// dropped (they could hide or fake content in a rendered page).
pub fn code_block(lang: &str, text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect();
    let mut longest = 0;
    let mut run = 0;
    for c in clean.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat((longest + 1).max(3));
    format!("{fence}{lang}\n{clean}\n{fence}\n")
}

/// Escapes text for a Markdown table cell or inline text.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            // As entities: no renderer takes them for HTML, escaped or not.
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '|' | '*' | '_' | '`' | '[' | ']' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// `text` as one URL path segment: everything but RFC 3986's unreserved characters
/// percent-encoded, so a `/` in a project path, a state name or an object name cannot reach
/// another endpoint.
pub fn path_segment(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_segment_cannot_leave_its_segment() {
        assert_eq!(
            path_segment("group/sub project~1"),
            "group%2Fsub%20project~1"
        );
        assert_eq!(path_segment("../x"), "..%2Fx");
    }

    #[test]
    fn a_code_block_cannot_be_closed_by_its_content() {
        let block = code_block("diff", "+a = \"```\"\n+b = \"````\"\x1b[31m");
        assert!(block.starts_with("`````diff\n"), "{block}");
        assert!(block.ends_with("\n`````\n"));
        assert!(!block.contains('\x1b'));
    }
}
