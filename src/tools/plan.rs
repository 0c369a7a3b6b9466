//! `terraform show -json <plan>`: the change summary, the resource list by action, drift, and
//! the fingerprint that binds an apply to the reviewed plan.
//!
//! Values are never rendered: summaries show addresses and actions only.
//!
//! The fingerprint (format `v2`, see [`FINGERPRINT_FORMAT`]) covers everything an apply would
//! change: every resource change of every action — `forget` and imports included — and every
//! output change. Each is normalised (keys sorted, unknown values marked) and hashed. Sensitive
//! values take part too, but never in the clear and never where a single guess could be
//! checked: the per-resource digests stored in the plan comment mask them, and the fingerprint
//! folds in one slow, salted hash (PBKDF2-HMAC-SHA256, 100,000 rounds) of all of them, so a
//! change in a sensitive value alone changes the fingerprint while guessing a weak secret from
//! it costs a key derivation per guess.

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
    /// Removed from the state without destroying it (a `removed` block).
    Forget,
    /// Brought into the state from existing infrastructure (an `import` block), unchanged.
    Import,
    Read,
    NoOp,
}

impl Action {
    pub fn from_actions(actions: &[String]) -> Action {
        let has = |a: &str| actions.iter().any(|x| x == a);
        if has("forget") {
            return Action::Forget;
        }
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
            Action::Forget => "forget",
            Action::Import => "import",
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
    output_changes: BTreeMap<String, RawChangeBody>,
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
    /// `actions|short hash`, for explaining a refused apply. Sensitive values masked.
    digest: String,
    /// Full hash of the normalised change (sensitive values masked), for the fingerprint.
    hash: String,
    /// Hash of the change's sensitive values, in order; `None` when it has none.
    sensitive: Option<[u8; 32]>,
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
    let mut action = Action::from_actions(&c.change.actions);
    if !c.change.importing.is_null() && matches!(action, Action::NoOp | Action::Read) {
        action = Action::Import;
    }
    if matches!(action, Action::NoOp | Action::Read) {
        return None;
    }
    Some(compact_change(c.address, action, &c.change))
}

/// The digest, hash and sensitive hash of one change (a resource's, or an output's).
fn compact_change(address: String, action: Action, body: &RawChangeBody) -> Compact {
    let mut secrets = Sha256::new();
    let mut any_secret = false;
    let mut entry = Map::new();
    entry.insert("actions".into(), Value::from(body.actions.clone()));
    entry.insert(
        "before".into(),
        normalise(
            &body.before,
            &body.before_sensitive,
            &Value::Null,
            &mut |leaf| {
                any_secret = true;
                secrets.update(leaf.as_bytes());
                secrets.update([0]);
            },
        ),
    );
    entry.insert(
        "after".into(),
        normalise(
            &body.after,
            &body.after_sensitive,
            &body.after_unknown,
            &mut |leaf| {
                any_secret = true;
                secrets.update(leaf.as_bytes());
                secrets.update([0]);
            },
        ),
    );
    if !body.importing.is_null() {
        entry.insert("importing".into(), body.importing.clone());
    }
    let mut text = String::new();
    canonical(&Value::Object(entry), &mut text);
    let hash: String = Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Compact {
        digest: format!("{}|{}", body.actions.join("+"), &hash[..12]),
        hash,
        sensitive: any_secret.then(|| secrets.finalize().into()),
        address,
        action,
    }
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
    /// Set when the change imports existing infrastructure (`{"id": …}`).
    #[serde(default)]
    importing: Value,
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

    /// Whether applying would change anything: a resource (forgets and imports included) or an
    /// output.
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
/// sorted. `sensitive` and `unknown` mirror the value's shape (`true` marks a leaf). Each
/// sensitive part, in canonical form, goes to `secret` (and nowhere else).
fn normalise(
    value: &Value,
    sensitive: &Value,
    unknown: &Value,
    secret: &mut dyn FnMut(&str),
) -> Value {
    if sensitive.as_bool() == Some(true) {
        let mut text = String::new();
        canonical(value, &mut text);
        secret(&text);
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
                        secret,
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
                        secret,
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
    // Outputs take part as `output.<name>`: an output kubeone reads is as much a change.
    let outputs: Vec<Compact> = raw
        .output_changes
        .iter()
        .filter_map(|(name, body)| {
            let action = Action::from_actions(&body.actions);
            (action != Action::NoOp).then(|| compact_change(format!("output.{name}"), action, body))
        })
        .collect();
    summary.fingerprint = fingerprint(changes.iter().chain(outputs.iter()));
    for c in &outputs {
        summary.digests.insert(c.address.clone(), c.digest.clone());
    }
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
    summary.output_changes = outputs
        .into_iter()
        .filter_map(|c| c.address.strip_prefix("output.").map(str::to_owned))
        .collect();
    Ok(summary)
}

/// The fingerprint's format. A new format changes every fingerprint; the version is part of
/// what is stored, so a plan reviewed under another format is reported as such, not as a
/// different plan.
pub const FINGERPRINT_FORMAT: &str = "v2";

/// Salt and work factor of the sensitive values' hash (see the module docs).
const SENSITIVE_SALT: &[u8] = b"kkp-delivery plan fingerprint v2: sensitive values";
const SENSITIVE_ROUNDS: u32 = 100_000;

/// `v2:` and the sha256 over every change (sorted by address) and the slow hash of all
/// sensitive values.
fn fingerprint<'a>(changes: impl Iterator<Item = &'a Compact>) -> String {
    let mut h = Sha256::new();
    let mut secrets = Sha256::new();
    let mut any_secret = false;
    let mut all: Vec<&Compact> = changes.collect();
    all.sort_by(|a, b| a.address.cmp(&b.address));
    for c in all {
        h.update(c.address.as_bytes());
        h.update([0]);
        h.update(c.hash.as_bytes());
        h.update([b'\n']);
        if let Some(s) = &c.sensitive {
            any_secret = true;
            secrets.update(c.address.as_bytes());
            secrets.update(s);
        }
    }
    if any_secret {
        let mut slow = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<Sha256>(
            &secrets.finalize(),
            SENSITIVE_SALT,
            SENSITIVE_ROUNDS,
            &mut slow,
        );
        h.update(b"sensitive\0");
        h.update(slow);
    }
    let hex: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
    format!("{FINGERPRINT_FORMAT}:{hex}")
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
        // Another sensitive value: the same per-resource digests (they never depend on a
        // secret), but another fingerprint (an apply of a changed secret is a changed plan).
        let other = summarise(PLAN.replace("s3cr3t", "other-secret").as_bytes()).unwrap();
        assert_eq!(other.digests, s.digests);
        assert_ne!(other.fingerprint, s.fingerprint);
        assert!(!format!("{s:?}").contains("s3cr3t"));
        let mut seen = Vec::new();
        let masked = normalise(
            &serde_json::json!({"a": "s3cr3t", "b": 1}),
            &serde_json::json!({"a": true}),
            &serde_json::json!({"c": true}),
            &mut |leaf| seen.push(leaf.to_owned()),
        );
        assert_eq!(seen, vec!["\"s3cr3t\""]);
        assert_eq!(
            masked,
            serde_json::json!({"a": "(sensitive)", "b": 1, "c": "(known after apply)"})
        );
    }
}
