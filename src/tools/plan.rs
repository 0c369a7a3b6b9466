//! `terraform show -json <plan>`: the change summary, the resource list by action, drift, and
//! the fingerprint that binds an apply to the reviewed plan.
//!
//! Values are never rendered: summaries show addresses and actions only. The fingerprint does
//! read values, after replacing sensitive ones with a marker, so it changes when a sensitive
//! value changes without ever exposing it.

use std::collections::BTreeMap;
use std::io::Read;

use serde::Deserialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// What a resource change does, as reviewers read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Action {
    Create,
    Update,
    Replace,
    Delete,
    Read,
    NoOp,
}

impl Action {
    pub fn from_actions(actions: &[String]) -> Action {
        let has = |a: &str| actions.iter().any(|x| x == a);
        match (has("create"), has("delete"), has("update"), has("read")) {
            (true, true, _, _) => Action::Replace,
            (true, false, _, _) => Action::Create,
            (false, true, _, _) => Action::Delete,
            (_, _, true, _) => Action::Update,
            (_, _, _, true) => Action::Read,
            _ => Action::NoOp,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Replace => "replace",
            Action::Delete => "delete",
            Action::Read => "read",
            Action::NoOp => "no-op",
        }
    }
}

#[derive(Debug, Deserialize)]
struct RawPlan {
    #[serde(default)]
    resource_changes: CompactChanges,
    #[serde(default)]
    resource_drift: Vec<RawActionsOnly>,
    #[serde(default)]
    output_changes: BTreeMap<String, RawActions>,
}

#[derive(Debug, Deserialize)]
struct RawActionsOnly {
    address: String,
    change: RawActions,
}

#[derive(Debug, Deserialize)]
struct RawActions {
    #[serde(default)]
    actions: Vec<String>,
}

/// One resource change reduced to what the summary and fingerprint need, so a plan of any size
/// is read in bounded memory: values are hashed and dropped as each element is parsed.
#[derive(Debug)]
struct Compact {
    address: String,
    action: Action,
    /// `actions|short hash`, for explaining a refused apply.
    digest: String,
    /// Full hash of the normalised change, for the fingerprint.
    hash: String,
}

#[derive(Debug, Default)]
struct CompactChanges(Vec<Compact>);

impl<'de> Deserialize<'de> for CompactChanges {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = CompactChanges;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of resource changes")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(c) = seq.next_element::<RawChange>()? {
                    if let Some(compact) = compact(c) {
                        out.push(compact);
                    }
                }
                Ok(CompactChanges(out))
            }
        }
        d.deserialize_seq(Visit)
    }
}

fn compact(c: RawChange) -> Option<Compact> {
    let action = Action::from_actions(&c.change.actions);
    if matches!(action, Action::NoOp | Action::Read) {
        return None;
    }
    let body = &c.change;
    let mut entry = Map::new();
    entry.insert("actions".into(), Value::from(body.actions.clone()));
    entry.insert(
        "before".into(),
        normalise(&body.before, &body.before_sensitive, &Value::Null),
    );
    entry.insert(
        "after".into(),
        normalise(&body.after, &body.after_sensitive, &body.after_unknown),
    );
    let mut text = String::new();
    canonical(&Value::Object(entry), &mut text);
    let hash: String = Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Some(Compact {
        digest: format!("{}|{}", body.actions.join("+"), &hash[..12]),
        hash,
        address: c.address,
        action,
    })
}

#[derive(Debug, Deserialize)]
struct RawChange {
    address: String,
    change: RawChangeBody,
}

#[derive(Debug, Deserialize)]
struct RawChangeBody {
    #[serde(default)]
    actions: Vec<String>,
    #[serde(default)]
    before: Value,
    #[serde(default)]
    after: Value,
    #[serde(default)]
    after_unknown: Value,
    #[serde(default)]
    before_sensitive: Value,
    #[serde(default)]
    after_sensitive: Value,
}

/// One changed resource, without values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceChange {
    pub address: String,
    pub action: Action,
}

/// The reviewable summary of a plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanSummary {
    pub changes: Vec<ResourceChange>,
    pub drift: Vec<ResourceChange>,
    /// Output names whose value changes.
    pub output_changes: Vec<String>,
    /// sha256 over the normalised resource changes.
    pub fingerprint: String,
    /// Per resource `actions|hash`, for explaining a mismatch (see [`digest_differences`]).
    pub digests: BTreeMap<String, String>,
}

impl PlanSummary {
    pub fn count(&self, action: Action) -> usize {
        self.changes.iter().filter(|c| c.action == action).count()
    }

    pub fn has_changes(&self) -> bool {
        self.changes
            .iter()
            .any(|c| !matches!(c.action, Action::NoOp | Action::Read))
            || !self.output_changes.is_empty()
    }

    /// GitLab's terraform report counts: a replace counts once as create and once as delete,
    /// as GitLab's own jq filter does (platform-facts §2.6).
    pub fn widget_counts(&self) -> (usize, usize, usize) {
        let r = self.count(Action::Replace);
        (
            self.count(Action::Create) + r,
            self.count(Action::Update),
            self.count(Action::Delete) + r,
        )
    }
}

/// The value with sensitive parts replaced by a marker and unknown parts by another, keys
/// sorted. `sensitive` and `unknown` mirror the value's shape (`true` marks a leaf).
fn normalise(value: &Value, sensitive: &Value, unknown: &Value) -> Value {
    if sensitive.as_bool() == Some(true) {
        return Value::String("(sensitive)".to_owned());
    }
    if unknown.as_bool() == Some(true) {
        return Value::String("(known after apply)".to_owned());
    }
    match value {
        Value::Object(map) => {
            let mut out = Map::new();
            let mut keys: Vec<&String> = map.keys().collect();
            if let Value::Object(u) = unknown {
                keys.extend(u.keys().filter(|k| !map.contains_key(*k)));
            }
            keys.sort();
            keys.dedup();
            for k in keys {
                let v = map.get(k).unwrap_or(&Value::Null);
                out.insert(
                    k.clone(),
                    normalise(
                        v,
                        sensitive.get(k).unwrap_or(&Value::Null),
                        unknown.get(k).unwrap_or(&Value::Null),
                    ),
                );
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    normalise(
                        v,
                        sensitive.get(i).unwrap_or(&Value::Null),
                        unknown.get(i).unwrap_or(&Value::Null),
                    )
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Serialises with object keys sorted, whatever the map implementation keeps.
fn canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String((*k).clone()).to_string());
                out.push(':');
                canonical(&map[*k], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Parses `show -json` output from a reader, streaming: memory grows with the number of
/// changed resources (address and hashes each), not with the size of the plan.
pub fn summarise(reader: impl Read) -> Result<PlanSummary, serde_json::Error> {
    let raw: RawPlan = serde_json::from_reader(std::io::BufReader::with_capacity(1 << 16, reader))?;
    let mut summary = PlanSummary::default();
    let mut changes = raw.resource_changes.0;
    changes.sort_by(|a, b| a.address.cmp(&b.address));
    let mut h = Sha256::new();
    for c in &changes {
        h.update(c.address.as_bytes());
        h.update([0]);
        h.update(c.hash.as_bytes());
        h.update([b'\n']);
    }
    summary.fingerprint = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
    for c in changes {
        summary.digests.insert(c.address.clone(), c.digest);
        summary.changes.push(ResourceChange {
            address: c.address,
            action: c.action,
        });
    }
    summary
        .changes
        .sort_by(|a, b| (a.action, &a.address).cmp(&(b.action, &b.address)));
    summary.drift = raw
        .resource_drift
        .into_iter()
        .map(|d| ResourceChange {
            action: Action::from_actions(&d.change.actions),
            address: d.address,
        })
        .collect();
    summary.output_changes = raw
        .output_changes
        .into_iter()
        .filter(|(_, c)| Action::from_actions(&c.actions) != Action::NoOp)
        .map(|(name, _)| name)
        .collect();
    Ok(summary)
}

/// Largest resource list stored in a comment marker; past it only the fingerprint is kept.
const DIGESTS_MAX: usize = 30_000;

/// The digests as a hidden HTML comment, or `None` when too large to store.
pub fn digests_marker(digests: &BTreeMap<String, String>) -> Option<String> {
    // `--` only occurs inside JSON strings here, where `\u002d` is the same character: the
    // comment can then never be closed early by an address.
    let json = serde_json::to_string(digests)
        .ok()?
        .replace("--", "-\\u002d");
    (json.len() <= DIGESTS_MAX).then(|| format!("<!-- kkp-plan-resources:{json} -->"))
}

pub fn parse_digests(body: &str) -> Option<BTreeMap<String, String>> {
    let start = body.find("<!-- kkp-plan-resources:")? + "<!-- kkp-plan-resources:".len();
    let rest = &body[start..];
    serde_json::from_str(&rest[..rest.find(" -->")?]).ok()
}

/// Readable differences between the reviewed digests and the current ones.
pub fn digest_differences(
    reviewed: &BTreeMap<String, String>,
    current: &BTreeMap<String, String>,
) -> Vec<String> {
    let action = |d: &str| d.split('|').next().unwrap_or("").replace('+', ", ");
    let mut out = Vec::new();
    for (addr, cur) in current {
        match reviewed.get(addr) {
            None => out.push(format!(
                "{addr}: {} was not in the reviewed plan",
                action(cur)
            )),
            Some(rev) if action(rev) != action(cur) => {
                out.push(format!("{addr}: {} → {}", action(rev), action(cur)))
            }
            Some(rev) if rev != cur => {
                out.push(format!("{addr}: {} with different values", action(cur)))
            }
            _ => {}
        }
    }
    for addr in reviewed.keys().filter(|a| !current.contains_key(*a)) {
        out.push(format!(
            "{addr}: {} was reviewed but is no longer planned",
            action(&reviewed[addr])
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = r#"{"format_version":"1.2","resource_changes":[
      {"address":"terraform_data.b","change":{"actions":["delete","create"],"before":{"input":"x"},"after":{"input":"y"},"after_unknown":{"id":true},"before_sensitive":{},"after_sensitive":{}}},
      {"address":"terraform_data.a","change":{"actions":["create"],"before":null,"after":{"input":"s3cr3t","n":1},"after_unknown":{"id":true},"before_sensitive":false,"after_sensitive":{"input":true}}},
      {"address":"terraform_data.c","change":{"actions":["no-op"],"before":{},"after":{}}}],
      "resource_drift":[{"address":"terraform_data.d","change":{"actions":["update"]}}],
      "output_changes":{"o":{"actions":["create"]},"p":{"actions":["no-op"]}}}"#;

    #[test]
    fn counts_drift_and_outputs() {
        let s = summarise(PLAN.as_bytes()).unwrap();
        assert_eq!(
            (
                s.count(Action::Create),
                s.count(Action::Replace),
                s.count(Action::Update)
            ),
            (1, 1, 0)
        );
        assert_eq!(s.widget_counts(), (2, 0, 1));
        assert_eq!(s.drift[0].address, "terraform_data.d");
        assert_eq!(s.output_changes, vec!["o"]);
        assert!(s.has_changes());
    }

    #[test]
    fn fingerprint_ignores_order_and_whitespace_but_not_values() {
        let a = summarise(PLAN.as_bytes()).unwrap();
        let reordered = PLAN
            .replace("\n      ", "\n")
            .replace(r#""input":"s3cr3t","n":1"#, r#""n":1, "input":"s3cr3t""#);
        assert_eq!(
            summarise(reordered.as_bytes()).unwrap().fingerprint,
            a.fingerprint
        );
        let changed = PLAN.replace(r#""input":"y""#, r#""input":"z""#);
        let b = summarise(changed.as_bytes()).unwrap();
        assert_ne!(b.fingerprint, a.fingerprint);
        assert_eq!(
            digest_differences(&a.digests.clone(), &b.digests.clone()),
            vec!["terraform_data.b: delete, create with different values"]
        );
    }

    #[test]
    fn digests_round_trip_through_a_comment_and_explain_differences() {
        let a = summarise(PLAN.as_bytes()).unwrap();
        let b = summarise(
            PLAN.replace(
                r#""actions":["delete","create"]"#,
                r#""actions":["update"]"#,
            )
            .as_bytes(),
        )
        .unwrap();
        let marker = digests_marker(&a.digests.clone()).unwrap();
        let parsed = parse_digests(&format!("text\n{marker}\nmore")).unwrap();
        assert_eq!(parsed, a.digests.clone());
        let diff = digest_differences(&parsed, &b.digests.clone());
        assert_eq!(diff, vec!["terraform_data.b: delete, create → update"]);
        let mut tricky = BTreeMap::new();
        tricky.insert("x[\"a-->b\"]".to_owned(), "create|00".to_owned());
        let m = digests_marker(&tricky).unwrap();
        assert_eq!(m.matches("-->").count(), 1, "{m}");
        assert_eq!(parse_digests(&m).unwrap(), tricky);
    }

    #[test]
    fn sensitive_values_are_masked_in_what_is_hashed() {
        let s = summarise(PLAN.as_bytes()).unwrap();
        // The same plan with another sensitive value has the same digests and fingerprint: the
        // value is masked before hashing, so nothing derived from it is stored.
        let other = summarise(PLAN.replace("s3cr3t", "other-secret").as_bytes()).unwrap();
        assert_eq!(other.fingerprint, s.fingerprint);
        assert!(!format!("{s:?}").contains("s3cr3t"));
        let masked = normalise(
            &serde_json::json!({"a": "s3cr3t", "b": 1}),
            &serde_json::json!({"a": true}),
            &serde_json::json!({"c": true}),
        );
        assert_eq!(
            masked,
            serde_json::json!({"a": "(sensitive)", "b": 1, "c": "(known after apply)"})
        );
    }
}
