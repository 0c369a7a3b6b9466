//! GitHub workflow commands, escaped byte for byte as `@actions/core` does
//! (`packages/core/src/command.ts`): data escapes `%`, CR and LF; property values also escape
//! `:` and `,`. `%` is escaped first so an existing `%0A` in a message survives the round trip.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::model::{Finding, Level};

/// GitHub shows at most this many annotations of one type per step
/// (docs/REFERENCES.md, "GitHub: annotation limits").
pub const PER_TYPE_PER_STEP: usize = 10;

pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Writes `::command k=v,…::message`. Properties with empty values are left out, as the toolkit
/// does (`if (val)`).
pub fn write_command(
    w: &mut dyn Write,
    command: &str,
    properties: &[(&str, String)],
    message: &str,
) -> io::Result<()> {
    let mut line = format!("::{command}");
    let props: Vec<String> = properties
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect();
    if !props.is_empty() {
        line.push(' ');
        line.push_str(&props.join(","));
    }
    line.push_str("::");
    line.push_str(&escape_data(message));
    writeln!(w, "{line}")
}

/// The annotation for one finding, in the toolkit's property order (title, file, line,
/// endLine, col, endColumn). Columns are left out where the runner would drop them: without a
/// line, or on a multi-line range.
pub fn write_annotation(w: &mut dyn Write, f: &Finding) -> io::Result<()> {
    let single_line = f.line.is_some() && f.end_line.is_none_or(|e| Some(e) == f.line);
    let num = |n: Option<u32>| n.map(|v| v.to_string()).unwrap_or_default();
    let mut props = vec![
        ("title", f.title.clone().unwrap_or_default()),
        ("file", f.file.clone().unwrap_or_default()),
        ("line", num(f.line)),
        ("endLine", num(f.end_line)),
    ];
    if single_line {
        props.push(("col", num(f.column)));
        props.push(("endColumn", num(f.end_column)));
    }
    write_command(w, f.level.command(), &props, &f.message)
}

/// Splits findings into the ones GitHub will show (worst first, at most
/// [`PER_TYPE_PER_STEP`] per level) and the overflow, which callers must summarise elsewhere.
pub fn budget(findings: &[Finding]) -> (Vec<&Finding>, Vec<&Finding>) {
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by_key(|f| f.level);
    let mut per_level: BTreeMap<Level, usize> = BTreeMap::new();
    let (mut shown, mut rest) = (Vec::new(), Vec::new());
    for f in sorted {
        let n = per_level.entry(f.level).or_default();
        if *n < PER_TYPE_PER_STEP {
            *n += 1;
            shown.push(f);
        } else {
            rest.push(f);
        }
    }
    (shown, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_percent_first() {
        assert_eq!(escape_data("50%\r\n%0A"), "50%25%0D%0A%250A");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn drops_columns_on_multiline_ranges() {
        let mut f = Finding::new(Level::Error, "boom");
        f.file = Some("main.tf".into());
        f.line = Some(3);
        f.end_line = Some(5);
        f.column = Some(2);
        let mut out = Vec::new();
        write_annotation(&mut out, &f).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::error file=main.tf,line=3,endLine=5::boom\n"
        );
    }

    #[test]
    fn budget_keeps_worst_first_and_counts_overflow() {
        let mut all = vec![Finding::new(Level::Notice, "n"); 3];
        all.extend(vec![Finding::new(Level::Error, "e"); 12]);
        let (shown, rest) = budget(&all);
        assert_eq!(shown.len(), 13);
        assert_eq!(shown[0].level, Level::Error);
        assert_eq!(rest.len(), 2);
    }
}
