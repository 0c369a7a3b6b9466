//! Our workflow-command encoder against the real `@actions/core` package, byte for byte, on a
//! corpus with `%`, CR, LF, `:` and `,` in messages and property values.

use std::io::Write;
use std::process::{Command, Stdio};

use kkp_delivery::report::annotations::write_annotation;
use kkp_delivery::report::model::{Finding, Level};
use serde_json::json;

use crate::common::{tool, tools_dir};

fn corpus() -> Vec<Finding> {
    let texts = [
        "plain message",
        "100% sure: a, b, c",
        "line one\nline two\r\nline three",
        "already escaped %0A and %25 and %3A",
        "::error::injected",
        "unicode ✓ — ü",
        "",
    ];
    let mut out = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let level = [Level::Error, Level::Warning, Level::Notice][i % 3];
        let mut f = Finding::new(level, *t);
        f.title = Some(format!("Title {t}: x,y"));
        f.file = Some(format!("terraform/aws/ma,in:{i}.tf"));
        f.line = Some(i as u32 + 1);
        f.end_line = Some(i as u32 + 1);
        f.column = Some(3);
        f.end_column = Some(9);
        out.push(f);
        out.push(Finding::new(level, *t));
        let mut only_file = Finding::new(level, *t);
        only_file.file = Some("kubeone/kube one.yaml".into());
        only_file.line = Some(10);
        only_file.end_line = Some(12);
        out.push(only_file);
    }
    out
}

#[test]
fn annotations_match_actions_core_byte_for_byte() {
    let Some(core) = tool(&tools_dir().join("node/node_modules/@actions/core/lib/core.js")) else {
        return;
    };
    let corpus = corpus();
    let as_json: Vec<_> = corpus
        .iter()
        .map(|f| {
            json!({
                "level": f.level.command(), "message": f.message, "title": f.title, "file": f.file,
                "line": f.line, "end_line": f.end_line,
                // Columns on multi-line ranges are dropped by the runner and by us; the toolkit
                // would send them, so they are only given where both agree.
                "column": if f.end_line.is_none_or(|e| Some(e) == f.line) { f.column } else { None },
                "end_column": if f.end_line.is_none_or(|e| Some(e) == f.line) { f.end_column } else { None },
            })
        })
        .map(|mut v| {
            v.as_object_mut().unwrap().retain(|_, x| !x.is_null());
            v
        })
        .collect();
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/actions-core-annotations.js");
    let mut child = Command::new("node")
        .arg(script)
        .arg(core)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(serde_json::to_string(&as_json).unwrap().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let expected = String::from_utf8(out.stdout).unwrap();

    let mut ours = Vec::new();
    for f in &corpus {
        write_annotation(&mut ours, f).unwrap();
    }
    let ours = String::from_utf8(ours).unwrap();
    assert_eq!(ours.lines().count(), corpus.len());
    for (i, (a, b)) in ours.lines().zip(expected.lines()).enumerate() {
        assert_eq!(a, b, "finding {i}: {:?}", corpus[i]);
    }
    assert_eq!(ours, expected);
}
