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

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::PathBuf;

use serde::de::Error as _;
use serde::Deserialize;
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

use super::json_stream::{Borrowed, JsonStream};
use crate::error::{StageError, UsageError};

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
    pub fn from_actions<'a>(actions: impl IntoIterator<Item = &'a str>) -> Action {
        let actions: Vec<&str> = actions.into_iter().collect();
        let has = |a: &str| actions.contains(&a);
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

/// A JSON value whose strings are borrowed from the input where they need no unescaping.
/// Objects are sorted by key, as the canonical form wants them; of repeated keys the last is
/// kept, as serde_json's own map keeps it.
#[derive(Debug, Default)]
enum Json<'a> {
    #[default]
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

static NULL: Json<'static> = Json::Null;

impl<'a> Json<'a> {
    /// The member `key` of an object; null for anything else, as `serde_json::Value::get`.
    fn member(&self, key: &str) -> &Json<'a> {
        match self {
            Json::Object(members) => members
                .binary_search_by(|(k, _)| key_order(k, key))
                .map_or(&NULL, |i| &members[i].1),
            _ => &NULL,
        }
    }

    fn element(&self, index: usize) -> &Json<'a> {
        match self {
            Json::Array(items) => items.get(index).unwrap_or(&NULL),
            _ => &NULL,
        }
    }

    fn is_true(&self) -> bool {
        matches!(self, Json::Bool(true))
    }
}

/// A string, borrowed when the input has it without escapes.
struct Str<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visit<'a> {
            type Value = Str<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Str(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Str(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(Str(Cow::Owned(v)))
            }
        }
        d.deserialize_str(Visit(std::marker::PhantomData))
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Json<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visit<'a> {
            type Value = Json<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Json::Null)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
                Ok(Json::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Json::Number(v.into()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Json::Number(v.into()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
                Ok(serde_json::Number::from_f64(v).map_or(Json::Null, Json::Number))
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Json::String(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Json::String(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(Json::String(Cow::Owned(v)))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Json::Array(items))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut members: Vec<(Cow<'a, str>, Json<'a>)> = Vec::new();
                while let Some((Str(key), value)) = map.next_entry()? {
                    members.push((key, value));
                }
                // Terraform writes keys sorted and once: then there is nothing to do.
                if members.windows(2).any(|w| w[0].0 >= w[1].0) {
                    // Stable, so of repeated keys the last stays last; each repeat hands its
                    // value to the first of its run, which is the one kept.
                    members.sort_by(|a, b| a.0.cmp(&b.0));
                    members.dedup_by(|later, kept| {
                        let same = later.0 == kept.0;
                        if same {
                            std::mem::swap(&mut later.1, &mut kept.1);
                        }
                        same
                    });
                }
                Ok(Json::Object(members))
            }
        }
        d.deserialize_any(Visit(std::marker::PhantomData))
    }
}

/// `serde_json`'s compact form of a string (its escapes), as `Value::to_string` writes it.
fn write_str(text: &str, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
    serde_json::to_writer(out, text)
}

/// The canonical form: compact, object keys sorted (format `v2`).
fn write_canonical(v: &Json<'_>, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
    match v {
        Json::Null => out.extend_from_slice(b"null"),
        Json::Bool(true) => out.extend_from_slice(b"true"),
        Json::Bool(false) => out.extend_from_slice(b"false"),
        Json::Number(n) => serde_json::to_writer(&mut *out, n)?,
        Json::String(s) => write_str(s, out)?,
        Json::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out)?;
            }
            out.push(b']');
        }
        Json::Object(members) => {
            out.push(b'{');
            for (i, (key, value)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_str(key, out)?;
                out.push(b':');
                write_canonical(value, out)?;
            }
            out.push(b'}');
        }
    }
    Ok(())
}

/// Where the sensitive leaves of a change go: hashed, in order, and nowhere else.
struct Secrets {
    hash: Sha256,
    any: bool,
    /// Scratch space for one leaf's canonical form.
    leaf: Vec<u8>,
}

/// Writes the canonical form of `value` with sensitive parts replaced by a marker and unknown
/// parts by another. `sensitive` and `unknown` mirror the value's shape (`true` marks a leaf);
/// an unknown key absent from the value still appears, as unknown.
fn write_normalised(
    value: &Json<'_>,
    sensitive: &Json<'_>,
    unknown: &Json<'_>,
    out: &mut Vec<u8>,
    secrets: &mut Secrets,
) -> Result<(), serde_json::Error> {
    if sensitive.is_true() {
        secrets.leaf.clear();
        write_canonical(value, &mut secrets.leaf)?;
        secrets.hash.update(&secrets.leaf);
        secrets.hash.update([0]);
        secrets.any = true;
        out.extend_from_slice(b"\"(sensitive)\"");
        return Ok(());
    }
    if unknown.is_true() {
        out.extend_from_slice(b"\"(known after apply)\"");
        return Ok(());
    }
    match value {
        Json::Object(members) => {
            let unknown_members: &[(Cow<'_, str>, Json<'_>)] = match unknown {
                Json::Object(u) => u,
                _ => &[],
            };
            // The union of both sorted key lists, in order, each key with its value and its
            // unknown mark (null when absent).
            let (mut i, mut j) = (0, 0);
            out.push(b'{');
            let mut first = true;
            loop {
                let (key, member, unknown_member) = match (members.get(i), unknown_members.get(j)) {
                    (Some((a, v)), Some((b, u))) if a == b => {
                        i += 1;
                        j += 1;
                        (a, v, u)
                    }
                    (Some((a, _)), Some((b, u))) if b < a => {
                        j += 1;
                        (b, &NULL, u)
                    }
                    (Some((a, v)), _) => {
                        i += 1;
                        (a, v, &NULL)
                    }
                    (None, Some((b, u))) => {
                        j += 1;
                        (b, &NULL, u)
                    }
                    (None, None) => break,
                };
                if !first {
                    out.push(b',');
                }
                first = false;
                write_str(key, out)?;
                out.push(b':');
                write_normalised(member, sensitive.member(key), unknown_member, out, secrets)?;
            }
            out.push(b'}');
        }
        Json::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_normalised(item, sensitive.element(i), unknown.element(i), out, secrets)?;
            }
            out.push(b']');
        }
        other => write_canonical(other, out)?,
    }
    Ok(())
}

/// Nesting deeper than this leaves the text to the tree path (serde_json refuses over 128).
const TRANSCODE_DEPTH: u32 = 100;

/// A value's JSON text, already checked by serde_json (it was captured as a
/// [`serde_json::value::RawValue`], which refuses malformed text, control characters in
/// strings included), read once from left to right.
struct Text<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Text<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The next byte that is not whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes().get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    /// The string at the current position, quotes included, and how it is escaped.
    fn string(&mut self) -> Option<(&'a str, Escapes)> {
        let start = self.pos;
        let mut at = start + 1;
        let mut escapes = Escapes::None;
        loop {
            let rest = self.bytes().get(at..)?;
            let i = memchr::memchr2(b'"', b'\\', rest)?;
            if rest.get(i) == Some(&b'\\') {
                // serde_json writes these escapes itself; `\/` and `\u…` it writes otherwise.
                if !matches!(
                    rest.get(i + 1),
                    Some(b'"' | b'\\' | b'n' | b'r' | b't' | b'b' | b'f')
                ) {
                    escapes = Escapes::Other;
                } else if escapes == Escapes::None {
                    escapes = Escapes::AsWritten;
                }
                // The escaped character is never the closing quote.
                at += i + 2;
            } else {
                self.pos = at + i + 1;
                return Some((self.text.get(start..self.pos)?, escapes));
            }
        }
    }

    /// A number or literal: everything up to the next delimiter.
    fn scalar(&mut self) -> Option<&'a [u8]> {
        let start = self.pos;
        let bytes = self.bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                break;
            }
            self.pos += 1;
        }
        bytes.get(start..self.pos).filter(|s| !s.is_empty())
    }

    /// Skips one value.
    fn skip(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth = depth.checked_sub(1)?;
                            if depth == 0 {
                                self.pos += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
            }
            _ => self.scalar().map(|_| ()),
        }
    }
}

/// The escapes a string's text has.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Escapes {
    None,
    /// Only escapes serde_json writes the same way: the text is already canonical.
    AsWritten,
    /// `\/` or `\u…`: canonical only once decoded and written again.
    Other,
}

/// A string's value from its quoted text: borrowed when it has no escapes.
fn unquoted(quoted: &str, escapes: Escapes) -> Option<Cow<'_, str>> {
    if escapes != Escapes::None {
        return serde_json::from_str::<String>(quoted).ok().map(Cow::Owned);
    }
    quoted.get(1..quoted.len() - 1).map(Cow::Borrowed)
}

/// Byte order, as `str`'s: compared in place, short keys cost less than a call to `memcmp`.
fn key_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes().cmp(b.bytes())
}

/// Whether serde_json writes this number as it is written: an integer without a sign on zero
/// or leading zeros, short enough to be read as one (anything else is read as serde_json
/// reads it and written back).
fn is_canonical_integer(number: &[u8]) -> bool {
    let digits = number.strip_prefix(b"-").unwrap_or(number);
    !digits.is_empty()
        && digits.len() <= 18
        && digits.iter().all(u8::is_ascii_digit)
        && (digits[0] != b'0' || (digits.len() == 1 && digits.len() == number.len()))
}

/// [`write_normalised`] straight from a value's text, without building a tree: the same bytes
/// out, the same sensitive leaves hashed in the same order. `None` when the text is not in the
/// form Terraform writes (object keys ascending and unrepeated, nesting within
/// [`TRANSCODE_DEPTH`]): the caller then starts over on the tree path, which sorts and
/// deduplicates.
fn transcode(
    text: &mut Text<'_>,
    sensitive: &Json<'_>,
    unknown: &Json<'_>,
    out: &mut Vec<u8>,
    secrets: &mut Secrets,
    depth: u32,
) -> Option<()> {
    if sensitive.is_true() {
        let mut leaf = std::mem::take(&mut secrets.leaf);
        leaf.clear();
        // With no masks below, nothing else reaches `secrets`.
        let done = transcode(text, &NULL, &NULL, &mut leaf, secrets, depth);
        secrets.hash.update(&leaf);
        secrets.hash.update([0]);
        secrets.any = true;
        secrets.leaf = leaf;
        done?;
        out.extend_from_slice(b"\"(sensitive)\"");
        return Some(());
    }
    if unknown.is_true() {
        text.skip()?;
        out.extend_from_slice(b"\"(known after apply)\"");
        return Some(());
    }
    if depth > TRANSCODE_DEPTH {
        return None;
    }
    match text.peek()? {
        b'{' => {
            text.pos += 1;
            let unknown_members: &[(Cow<'_, str>, Json<'_>)] = match unknown {
                Json::Object(u) => u,
                _ => &[],
            };
            let mut next_unknown = 0;
            let mut previous: Option<Cow<'_, str>> = None;
            out.push(b'{');
            let mut first = true;
            if text.peek()? == b'}' {
                text.pos += 1;
            } else {
                loop {
                    if text.peek()? != b'"' {
                        return None;
                    }
                    let (quoted, escapes) = text.string()?;
                    let key = unquoted(quoted, escapes)?;
                    if previous
                        .as_ref()
                        .is_some_and(|p| key_order(&key, p).is_le())
                    {
                        return None;
                    }
                    if text.peek()? != b':' {
                        return None;
                    }
                    text.pos += 1;
                    let mut mask = &NULL;
                    while let Some((name, m)) = unknown_members.get(next_unknown) {
                        match key_order(name, &key) {
                            std::cmp::Ordering::Less => {
                                absent(name, sensitive, m, &mut first, out, secrets)?;
                                next_unknown += 1;
                            }
                            std::cmp::Ordering::Equal => {
                                mask = m;
                                next_unknown += 1;
                                break;
                            }
                            std::cmp::Ordering::Greater => break,
                        }
                    }
                    if !std::mem::replace(&mut first, false) {
                        out.push(b',');
                    }
                    if escapes == Escapes::Other {
                        write_str(&key, out).ok()?;
                    } else {
                        // As serde_json writes it (see [`Escapes`]).
                        out.extend_from_slice(quoted.as_bytes());
                    }
                    out.push(b':');
                    transcode(text, sensitive.member(&key), mask, out, secrets, depth + 1)?;
                    previous = Some(key);
                    match text.peek()? {
                        b',' => text.pos += 1,
                        b'}' => {
                            text.pos += 1;
                            break;
                        }
                        _ => return None,
                    }
                }
            }
            for (name, m) in unknown_members.get(next_unknown..).unwrap_or_default() {
                absent(name, sensitive, m, &mut first, out, secrets)?;
            }
            out.push(b'}');
        }
        b'[' => {
            text.pos += 1;
            out.push(b'[');
            if text.peek()? == b']' {
                text.pos += 1;
            } else {
                let mut index = 0;
                loop {
                    if index > 0 {
                        out.push(b',');
                    }
                    transcode(
                        text,
                        sensitive.element(index),
                        unknown.element(index),
                        out,
                        secrets,
                        depth + 1,
                    )?;
                    index += 1;
                    match text.peek()? {
                        b',' => text.pos += 1,
                        b']' => {
                            text.pos += 1;
                            break;
                        }
                        _ => return None,
                    }
                }
            }
            out.push(b']');
        }
        b'"' => {
            let (quoted, escapes) = text.string()?;
            if escapes == Escapes::Other {
                write_str(&unquoted(quoted, escapes)?, out).ok()?;
            } else {
                // serde_json escapes only quotes, backslashes and control characters, and
                // those as the text has them (see [`Escapes`]).
                out.extend_from_slice(quoted.as_bytes());
            }
        }
        _ => {
            let scalar = text.scalar()?;
            if matches!(scalar, b"true" | b"false" | b"null") || is_canonical_integer(scalar) {
                out.extend_from_slice(scalar);
            } else {
                let value: Json<'_> = serde_json::from_slice(scalar).ok()?;
                if !matches!(value, Json::Number(_)) {
                    return None;
                }
                write_canonical(&value, out).ok()?;
            }
        }
    }
    Some(())
}

/// A key of the unknown mask the value lacks, in its place: null, or unknown.
fn absent(
    key: &str,
    sensitive: &Json<'_>,
    unknown: &Json<'_>,
    first: &mut bool,
    out: &mut Vec<u8>,
    secrets: &mut Secrets,
) -> Option<()> {
    if !std::mem::replace(first, false) {
        out.push(b',');
    }
    write_str(key, out).ok()?;
    out.push(b':');
    write_normalised(&NULL, sensitive.member(key), unknown, out, secrets).ok()
}

/// A resource change: its actions, and its values as the text they were written in (checked
/// by serde_json as it is captured, at the cost of skipping it). A change that changes
/// nothing costs no more than that; a changing one is normalised from the text
/// ([`normalise_text`]).
#[derive(Deserialize)]
struct RawChange<'a> {
    #[serde(borrow)]
    address: Str<'a>,
    #[serde(borrow)]
    change: RawChangeBody<'a>,
}

/// A change's actions (Terraform writes one or two): kept in place, so reading a resource
/// change allocates nothing.
#[derive(Default)]
struct Actions<'a> {
    inline: [Str<'a>; 2],
    len: usize,
    /// All of them, when there are more than fit in place.
    more: Vec<Str<'a>>,
}

impl<'a> Actions<'a> {
    fn as_slice(&self) -> &[Str<'a>] {
        if self.more.is_empty() {
            self.inline.get(..self.len).unwrap_or_default()
        } else {
            &self.more
        }
    }
}

impl Default for Str<'_> {
    fn default() -> Self {
        Str(Cow::Borrowed(""))
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Actions<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visit<'a> {
            type Value = Actions<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of actions")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut actions = Actions::default();
                while let Some(action) = seq.next_element::<Str<'a>>()? {
                    if actions.more.is_empty() && actions.len < actions.inline.len() {
                        actions.inline[actions.len] = action;
                        actions.len += 1;
                    } else {
                        if actions.more.is_empty() {
                            actions
                                .more
                                .extend(actions.inline.iter_mut().map(std::mem::take));
                        }
                        actions.more.push(action);
                    }
                }
                Ok(actions)
            }
        }
        d.deserialize_seq(Visit(std::marker::PhantomData))
    }
}

/// `null` and an absent member are both `None`.
#[derive(Default, Deserialize)]
struct RawChangeBody<'a> {
    #[serde(default, borrow)]
    actions: Actions<'a>,
    #[serde(default, borrow)]
    before: Option<&'a RawValue>,
    #[serde(default, borrow)]
    after: Option<&'a RawValue>,
    #[serde(default, borrow)]
    after_unknown: Option<&'a RawValue>,
    #[serde(default, borrow)]
    before_sensitive: Option<&'a RawValue>,
    #[serde(default, borrow)]
    after_sensitive: Option<&'a RawValue>,
    /// Set when the change imports existing infrastructure (`{"id": …}`).
    #[serde(default, borrow)]
    importing: Option<&'a RawValue>,
}

/// [`RawChange`], for [`JsonStream::each_element`].
struct ChangeFamily;
impl Borrowed for ChangeFamily {
    type Of<'de> = RawChange<'de>;
}

struct DriftFamily;
impl Borrowed for DriftFamily {
    type Of<'de> = RawDrift<'de>;
}

/// The address and actions of a drifted resource.
#[derive(Deserialize)]
struct RawDrift<'a> {
    #[serde(borrow)]
    address: Str<'a>,
    change: RawActions<'a>,
}

#[derive(Deserialize)]
struct RawActions<'a> {
    #[serde(default, borrow)]
    actions: Vec<Str<'a>>,
}

/// One change reduced to what the summary and fingerprint need, so a plan of any size is
/// read in bounded memory: values are hashed and dropped as each element is parsed.
#[derive(Debug)]
struct Compact {
    address: String,
    action: Action,
    /// `actions|short hash`, for explaining a refused apply. Sensitive values masked.
    digest: String,
    /// sha256 of the normalised change (sensitive values masked), for the fingerprint.
    hash: [u8; 32],
    /// Hash of the change's sensitive values, in order; `None` when it has none.
    sensitive: Option<[u8; 32]>,
}

/// Buffers reused from one change to the next.
#[derive(Default)]
struct Scratch {
    text: Vec<u8>,
    before: Vec<u8>,
    after: Vec<u8>,
    leaf: Vec<u8>,
}

fn action_of(actions: &[Str<'_>], importing: Option<&RawValue>) -> Action {
    let action = Action::from_actions(actions.iter().map(|a| a.0.as_ref()));
    if importing.is_some() && matches!(action, Action::NoOp | Action::Read) {
        return Action::Import;
    }
    action
}

/// A value captured as text, as a tree (masks, and values the text path hands back).
fn tree(raw: Option<&str>) -> Result<Json<'_>, serde_json::Error> {
    raw.map_or(Ok(Json::Null), serde_json::from_str)
}

/// A sensitive mask as a tree. Only its `true` leaves mark anything, so one whose text has
/// no `true` marks nothing and is not read (most resources' masks are `{}` or empty blocks).
fn sensitive_mask(raw: Option<&str>) -> Result<Json<'_>, serde_json::Error> {
    match raw {
        Some(raw) if memchr::memmem::find(raw.as_bytes(), b"true").is_some() => tree(Some(raw)),
        _ => Ok(Json::Null),
    }
}

/// Writes the normalised form of a value given as text into `out` (cleared first), as
/// [`write_normalised`] would write it from the value's tree; `None` when the text must take
/// the tree path (see [`transcode`]), in which case `out` and `secrets` are to be discarded.
fn normalise_text(
    raw: Option<&str>,
    sensitive: &Json<'_>,
    unknown: &Json<'_>,
    out: &mut Vec<u8>,
    secrets: &mut Secrets,
) -> Option<()> {
    out.clear();
    let mut text = Text {
        text: raw.unwrap_or("null"),
        pos: 0,
    };
    transcode(&mut text, sensitive, unknown, out, secrets, 0)?;
    // Only whitespace may follow the value.
    text.peek().is_none().then_some(())
}

/// A change's actions and the texts of its values (`None`: null or absent).
struct Values<'a> {
    actions: &'a [&'a str],
    before: Option<&'a str>,
    after: Option<&'a str>,
    after_unknown: Option<&'a str>,
    before_sensitive: Option<&'a str>,
    after_sensitive: Option<&'a str>,
    importing: Option<&'a str>,
}

impl<'a> RawChangeBody<'a> {
    /// The change's values, with its actions as `actions` has them.
    fn values(&'a self, actions: &'a [&'a str]) -> Values<'a> {
        Values {
            actions,
            before: self.before.map(RawValue::get),
            after: self.after.map(RawValue::get),
            after_unknown: self.after_unknown.map(RawValue::get),
            before_sensitive: self.before_sensitive.map(RawValue::get),
            after_sensitive: self.after_sensitive.map(RawValue::get),
            importing: self.importing.map(RawValue::get),
        }
    }
}

/// The digest, hash and sensitive hash of one change (a resource's, or an output's). The
/// hashed text is `{"actions":…,"after":…,"before":…[,"importing":…]}` in canonical form.
fn compact_change(
    address: String,
    action: Action,
    body: &Values<'_>,
    scratch: &mut Scratch,
) -> Result<Compact, serde_json::Error> {
    let before_sensitive = sensitive_mask(body.before_sensitive)?;
    let after_sensitive = sensitive_mask(body.after_sensitive)?;
    let after_unknown = tree(body.after_unknown)?;
    let fresh = |leaf: Vec<u8>| Secrets {
        hash: Sha256::new(),
        any: false,
        leaf,
    };
    let mut secrets = fresh(std::mem::take(&mut scratch.leaf));
    // `before` first: the sensitive values are hashed in the order v2 defines. Values as
    // Terraform writes them (keys sorted, once) are normalised straight from their text;
    // anything else is read into a tree first, which sorts and deduplicates.
    let from_text = normalise_text(
        body.before,
        &before_sensitive,
        &NULL,
        &mut scratch.before,
        &mut secrets,
    )
    .and_then(|()| {
        normalise_text(
            body.after,
            &after_sensitive,
            &after_unknown,
            &mut scratch.after,
            &mut secrets,
        )
    });
    if from_text.is_none() {
        secrets = fresh(std::mem::take(&mut secrets.leaf));
        scratch.before.clear();
        write_normalised(
            &tree(body.before)?,
            &before_sensitive,
            &NULL,
            &mut scratch.before,
            &mut secrets,
        )?;
        scratch.after.clear();
        write_normalised(
            &tree(body.after)?,
            &after_sensitive,
            &after_unknown,
            &mut scratch.after,
            &mut secrets,
        )?;
    }
    scratch.leaf = std::mem::take(&mut secrets.leaf);
    // The hashed text is hashed in its pieces, as they are: `after` and `before` are not
    // copied into one text first.
    let text = &mut scratch.text;
    text.clear();
    text.extend_from_slice(b"{\"actions\":[");
    for (i, a) in body.actions.iter().enumerate() {
        if i > 0 {
            text.push(b',');
        }
        write_str(a, text)?;
    }
    text.extend_from_slice(b"],\"after\":");
    let mut hasher = Sha256::new();
    hasher.update(&text[..]);
    hasher.update(&scratch.after);
    hasher.update(b",\"before\":");
    hasher.update(&scratch.before);
    if body.importing.is_some() {
        text.clear();
        text.extend_from_slice(b",\"importing\":");
        write_canonical(&tree(body.importing)?, text)?;
        hasher.update(&text[..]);
    }
    hasher.update(b"}");
    let hash: [u8; 32] = hasher.finalize().into();
    let mut digest = String::with_capacity(32);
    for (i, a) in body.actions.iter().enumerate() {
        if i > 0 {
            digest.push('+');
        }
        digest.push_str(a);
    }
    digest.push('|');
    digest.push_str(&hex_str(&hash, 12));
    Ok(Compact {
        address,
        action,
        digest,
        hash,
        sensitive: secrets.any.then(|| secrets.hash.finalize().into()),
    })
}

/// Lower-case hex digits of a hash, on the stack (two per resource and summary).
fn hex(bytes: &[u8; 32]) -> [u8; 64] {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = [0u8; 64];
    for (i, b) in bytes.iter().enumerate() {
        out[2 * i] = DIGITS[usize::from(b >> 4)];
        out[2 * i + 1] = DIGITS[usize::from(b & 0xf)];
    }
    out
}

/// The first `n` hex digits of a hash as text.
fn hex_str(bytes: &[u8; 32], n: usize) -> String {
    hex(bytes)[..n.min(64)]
        .iter()
        .map(|&d| char::from(d))
        .collect()
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
    /// as GitLab's own jq filter does (docs/REFERENCES.md, "GitLab: Terraform report counts").
    pub fn widget_counts(&self) -> (usize, usize, usize) {
        let r = self.count(Action::Replace);
        (
            self.count(Action::Create) + r,
            self.count(Action::Update),
            self.count(Action::Delete) + r,
        )
    }
}

/// Parses `show -json` output from a reader, streaming (see [`crate::tools::json_stream`]):
/// memory grows with the number of changed resources (an address and two hashes each), not
/// with the size of the plan. A resource change that changes nothing is recognised from its
/// address and actions alone; only changing ones are parsed whole and hashed.
pub fn summarise(reader: impl Read) -> Result<PlanSummary, serde_json::Error> {
    // Two threads: this one reads and checks the document and copies each changing resource's
    // value texts into a batch; the other normalises and hashes them, in order. A bounded
    // channel keeps memory to a few batches, and emptied batches come back to be refilled.
    let (to_hasher, batches) = std::sync::mpsc::sync_channel::<Batch>(2);
    let (give_back, given_back) = std::sync::mpsc::channel::<Batch>();
    std::thread::scope(|scope| {
        let hasher = scope.spawn(move || -> Result<Vec<Compact>, serde_json::Error> {
            let mut scratch = Scratch::default();
            let mut changes = Vec::new();
            for mut batch in batches {
                batch.compact(&mut scratch, &mut changes)?;
                let _ = give_back.send(batch);
            }
            Ok(changes)
        });
        let read = read_plan(reader, &to_hasher, &given_back);
        // The hasher ends once every batch sent is hashed.
        drop(to_hasher);
        let hashed = hasher
            .join()
            .map_err(|_| serde_json::Error::custom("the plan's hashing thread failed"))?;
        // A hasher's error comes first: the reader stopped because of it.
        let changes = hashed?;
        let (drift, outputs) = read?;
        assemble(changes, drift, outputs)
    })
}

/// The size of text a batch of resource changes gathers before it goes to the hasher.
const BATCH_BYTES: usize = 256 * 1024;

/// Changing resources on their way to the hashing thread: their addresses, actions and value
/// texts, one after another in `text` (nothing allocated per resource: memory one thread
/// allocates and another frees makes both wait on the allocator's lock).
#[derive(Default)]
struct Batch {
    text: String,
    changes: Vec<Copied>,
    /// Every change's actions, in order.
    actions: Vec<Span>,
}

/// Where a piece of a [`Batch`]'s text is.
#[derive(Clone, Copy)]
struct Span {
    start: u32,
    end: u32,
}

/// One changing resource in a [`Batch`].
struct Copied {
    address: Span,
    action: Action,
    /// How many of the batch's actions are this change's.
    actions: u8,
    /// `before`, `after`, `after_unknown`, `before_sensitive`, `after_sensitive` and
    /// `importing`.
    parts: [Option<Span>; 6],
}

impl Batch {
    /// Appends `piece` to the text; `None` past 4 GiB (the caller sends a batch long before).
    fn copy(&mut self, piece: &str) -> Option<Span> {
        let start = u32::try_from(self.text.len()).ok()?;
        self.text.push_str(piece);
        let end = u32::try_from(self.text.len()).ok()?;
        Some(Span { start, end })
    }

    fn push(
        &mut self,
        address: &str,
        action: Action,
        body: &RawChangeBody<'_>,
    ) -> Result<(), serde_json::Error> {
        let too_large = || serde_json::Error::custom("a resource change larger than 4 GiB");
        let address = self.copy(address).ok_or_else(too_large)?;
        let count = u8::try_from(body.actions.as_slice().len()).map_err(|_| too_large())?;
        for a in body.actions.as_slice() {
            let span = self.copy(&a.0).ok_or_else(too_large)?;
            self.actions.push(span);
        }
        let mut parts = [None; 6];
        for (slot, raw) in parts.iter_mut().zip([
            body.before,
            body.after,
            body.after_unknown,
            body.before_sensitive,
            body.after_sensitive,
            body.importing,
        ]) {
            if let Some(raw) = raw {
                *slot = Some(self.copy(raw.get()).ok_or_else(too_large)?);
            }
        }
        self.changes.push(Copied {
            address,
            action,
            actions: count,
            parts,
        });
        Ok(())
    }

    /// Normalises and hashes every change of the batch, in order, and empties it.
    fn compact(
        &mut self,
        scratch: &mut Scratch,
        out: &mut Vec<Compact>,
    ) -> Result<(), serde_json::Error> {
        let Batch {
            text,
            changes,
            actions: all_actions,
        } = self;
        let at = |span: Span| text.get(span.start as usize..span.end as usize);
        let mut spans = all_actions.iter();
        let mut actions: Vec<&str> = Vec::with_capacity(2);
        for change in changes.iter() {
            actions.clear();
            for span in spans.by_ref().take(usize::from(change.actions)) {
                actions.push(at(*span).unwrap_or_default());
            }
            let part = |i: usize| change.parts[i].and_then(at);
            let values = Values {
                actions: &actions,
                before: part(0),
                after: part(1),
                after_unknown: part(2),
                before_sensitive: part(3),
                after_sensitive: part(4),
                importing: part(5),
            };
            let address = at(change.address).unwrap_or_default().to_owned();
            out.push(compact_change(address, change.action, &values, scratch)?);
        }
        changes.clear();
        all_actions.clear();
        text.clear();
        Ok(())
    }
}

/// The reading side of [`summarise`]: checks the document, sends the changing resources to
/// the hasher in batches, and returns the drift and the changing outputs.
fn read_plan(
    reader: impl Read,
    to_hasher: &std::sync::mpsc::SyncSender<Batch>,
    given_back: &std::sync::mpsc::Receiver<Batch>,
) -> Result<(Vec<ResourceChange>, Vec<Compact>), serde_json::Error> {
    let mut stream = JsonStream::new(reader);
    let mut scratch = Scratch::default();
    let mut batch = Batch::default();
    let mut drift: Vec<ResourceChange> = Vec::new();
    let mut outputs: Vec<Compact> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let send = |batch: &mut Batch| -> Result<(), serde_json::Error> {
        let next = given_back.try_recv().unwrap_or_default();
        to_hasher
            .send(std::mem::replace(batch, next))
            .map_err(|_| serde_json::Error::custom("the plan's hashing thread stopped"))
    };
    stream.each_member(|stream, key| {
        if matches!(
            key,
            "resource_changes" | "resource_drift" | "output_changes"
        ) {
            // A key given twice would let one list hide behind another.
            if seen.iter().any(|k| k == key) {
                return Err(stream.error(format!("`{key}` appears twice")));
            }
            seen.push(key.to_owned());
        }
        match key {
            "resource_changes" => stream.each_element::<ChangeFamily>(|raw, _| {
                let action = action_of(raw.change.actions.as_slice(), raw.change.importing);
                if matches!(action, Action::NoOp | Action::Read) {
                    return Ok(());
                }
                batch.push(&raw.address.0, action, &raw.change)?;
                if batch.text.len() >= BATCH_BYTES {
                    send(&mut batch)?;
                }
                Ok(())
            }),
            "resource_drift" => stream.each_element::<DriftFamily>(|d, _| {
                drift.push(ResourceChange {
                    action: Action::from_actions(d.change.actions.iter().map(|a| a.0.as_ref())),
                    address: d.address.0.into_owned(),
                });
                Ok(())
            }),
            "output_changes" => stream.value_slice(|slice| {
                let all: Option<BTreeMap<Cow<'_, str>, RawChangeBody<'_>>> =
                    serde_json::from_slice(slice)?;
                // Outputs take part as `output.<name>`: an output kubeone reads is as much a
                // change.
                for (name, body) in all.unwrap_or_default() {
                    let action =
                        Action::from_actions(body.actions.as_slice().iter().map(|a| a.0.as_ref()));
                    if action != Action::NoOp {
                        let actions: Vec<&str> =
                            body.actions.as_slice().iter().map(|a| &*a.0).collect();
                        outputs.push(compact_change(
                            format!("output.{name}"),
                            action,
                            &body.values(&actions),
                            &mut scratch,
                        )?);
                    }
                }
                Ok(())
            }),
            _ => stream.skip_value(),
        }
    })?;
    stream.finish()?;
    if !batch.changes.is_empty() {
        send(&mut batch)?;
    }
    Ok((drift, outputs))
}

/// The summary of a plan's changing resources, drift and changing outputs.
fn assemble(
    changes: Vec<Compact>,
    drift: Vec<ResourceChange>,
    outputs: Vec<Compact>,
) -> Result<PlanSummary, serde_json::Error> {
    // The fingerprint (a sort, and the key derivation when there are sensitive values) on
    // one thread, the lists on another.
    std::thread::scope(|scope| {
        let fingerprinted = scope.spawn(|| fingerprint(changes.iter().chain(outputs.iter())));
        // Built at once from a list (sorted, then the tree in one pass; of repeated addresses
        // the last is kept, as repeated inserts would keep it): a tree grown one insert at a
        // time costs a search per resource.
        let digests: BTreeMap<String, String> = outputs
            .iter()
            .chain(changes.iter())
            .map(|c| (c.address.clone(), c.digest.clone()))
            .collect();
        let mut listed: Vec<ResourceChange> = changes
            .iter()
            .map(|c| ResourceChange {
                address: c.address.clone(),
                action: c.action,
            })
            .collect();
        // By action, then address: sorted by address first (Terraform lists them so, which
        // the sort finds in one pass), then by action alone, which keeps that order.
        listed.sort_by(|a, b| a.address.cmp(&b.address));
        listed.sort_by_key(|c| c.action);
        let output_changes = outputs
            .iter()
            .filter_map(|c| c.address.strip_prefix("output.").map(str::to_owned))
            .collect();
        Ok(PlanSummary {
            changes: listed,
            drift,
            output_changes,
            fingerprint: fingerprinted
                .join()
                .map_err(|_| serde_json::Error::custom("the plan's fingerprint failed"))?,
            digests,
        })
    })
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
        h.update(hex(&c.hash));
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
    format!("{FINGERPRINT_FORMAT}:{}", hex_str(&h.finalize().into(), 64))
}

/// Largest resource list stored in a comment marker; past it only the fingerprint is kept.
const DIGESTS_MAX: usize = 30_000;

/// The digests as a hidden HTML comment, or `None` when too large to store.
pub fn digests_marker(digests: &BTreeMap<String, String>) -> Option<String> {
    // An entry is at least `"a":"x|<12 hex>",`, 20 characters: a list that cannot fit is not
    // serialised only to be dropped (100,000 resources are megabytes).
    if digests.len().saturating_mul(20) > DIGESTS_MAX {
        return None;
    }
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

/// `plan-report`: the counts GitLab's merge request widget shows, computed as GitLab's own jq
/// filter does (a replace counts once as create and once as delete), summed over the files and
/// capped at GitLab's 999,999 (the publisher's cap: `report::model::plan_counts_json`).
pub fn plan_report(files: &[PathBuf], out: &mut dyn Write) -> Result<u8, StageError> {
    let (mut create, mut update, mut delete) = (0usize, 0usize, 0usize);
    for file in files {
        let reader = std::fs::File::open(file).map_err(|e| {
            UsageError::invalid(
                "FILE",
                "a readable `terraform show -json` file",
                &format!("{} ({e})", file.display()),
            )
        })?;
        let summary = summarise(reader).map_err(|e| {
            UsageError::invalid(
                "FILE",
                "`terraform show -json` output",
                &format!("{} ({e})", file.display()),
            )
        })?;
        let (c, u, d) = summary.widget_counts();
        create += c;
        update += u;
        delete += d;
    }
    writeln!(
        out,
        "{}",
        crate::report::model::plan_counts_json(create, update, delete)
    )
    .map_err(|e| StageError::Failed(e.into()))?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The v2 format as first written, on `serde_json::Value` trees: the oracle the streaming
    /// parser must agree with, fingerprint for fingerprint.
    mod reference {
        use super::super::*;
        use serde_json::{Map, Value};

        #[derive(Deserialize)]
        struct RawPlan {
            #[serde(default)]
            resource_changes: Vec<RawChange>,
            #[serde(default)]
            resource_drift: Vec<RawChange>,
            #[serde(default)]
            output_changes: BTreeMap<String, Body>,
        }

        #[derive(Deserialize)]
        struct RawChange {
            address: String,
            change: Body,
        }

        #[derive(Deserialize)]
        struct Body {
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
            #[serde(default)]
            importing: Value,
        }

        pub fn normalise(
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
                    let mut keys: Vec<&String> = map.keys().collect();
                    if let Value::Object(u) = unknown {
                        keys.extend(u.keys().filter(|k| !map.contains_key(*k)));
                    }
                    keys.sort();
                    keys.dedup();
                    let mut out = Map::new();
                    for k in keys {
                        let v = map.get(k).unwrap_or(&Value::Null);
                        let s = sensitive.get(k).unwrap_or(&Value::Null);
                        let u = unknown.get(k).unwrap_or(&Value::Null);
                        out.insert(k.clone(), normalise(v, s, u, secret));
                    }
                    Value::Object(out)
                }
                Value::Array(items) => Value::Array(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, v)| {
                            let s = sensitive.get(i).unwrap_or(&Value::Null);
                            let u = unknown.get(i).unwrap_or(&Value::Null);
                            normalise(v, s, u, secret)
                        })
                        .collect(),
                ),
                other => other.clone(),
            }
        }

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

        fn compact(address: String, action: Action, body: &Body) -> Compact {
            let mut secrets = Sha256::new();
            let mut any_secret = false;
            let mut secret = |leaf: &str| {
                any_secret = true;
                secrets.update(leaf.as_bytes());
                secrets.update([0]);
            };
            let mut entry = Map::new();
            entry.insert("actions".into(), Value::from(body.actions.clone()));
            let before = normalise(
                &body.before,
                &body.before_sensitive,
                &Value::Null,
                &mut secret,
            );
            let after = normalise(
                &body.after,
                &body.after_sensitive,
                &body.after_unknown,
                &mut secret,
            );
            entry.insert("before".into(), before);
            entry.insert("after".into(), after);
            if !body.importing.is_null() {
                entry.insert("importing".into(), body.importing.clone());
            }
            let mut text = String::new();
            canonical(&Value::Object(entry), &mut text);
            let hash: [u8; 32] = Sha256::digest(text.as_bytes()).into();
            Compact {
                digest: format!("{}|{}", body.actions.join("+"), hex_str(&hash, 12)),
                hash,
                sensitive: any_secret.then(|| secrets.finalize().into()),
                address,
                action,
            }
        }

        pub fn summarise(text: &str) -> Result<PlanSummary, serde_json::Error> {
            let raw: RawPlan = serde_json::from_str(text)?;
            let actions = |b: &Body| Action::from_actions(b.actions.iter().map(String::as_str));
            let mut changes = Vec::new();
            for c in raw.resource_changes {
                let mut action = actions(&c.change);
                if !c.change.importing.is_null() && matches!(action, Action::NoOp | Action::Read) {
                    action = Action::Import;
                }
                if !matches!(action, Action::NoOp | Action::Read) {
                    changes.push(compact(c.address, action, &c.change));
                }
            }
            let drift = raw
                .resource_drift
                .iter()
                .map(|d| ResourceChange {
                    address: d.address.clone(),
                    action: actions(&d.change),
                })
                .collect();
            let outputs = raw
                .output_changes
                .iter()
                .filter(|(_, b)| actions(b) != Action::NoOp)
                .map(|(name, b)| compact(format!("output.{name}"), actions(b), b))
                .collect();
            assemble(changes, drift, outputs)
        }
    }

    use crate::tools::json_stream::Trickle;

    mod agrees_with_the_reference {
        use super::*;
        use proptest::prelude::*;
        use serde_json::{json, Value};

        /// Values with the shapes plans have: escapes, non-ASCII, floats, nesting, repeated
        /// keys across value and masks.
        fn value() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::Bool),
                any::<i64>().prop_map(Value::from),
                any::<u64>().prop_map(Value::from),
                (-1e6f64..1e6).prop_map(Value::from),
                "[a-c\\\"\\n\\u{e9}\\u{1F600}/ ]{0,6}".prop_map(Value::String),
            ];
            leaf.prop_recursive(3, 24, 4, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                    prop::collection::btree_map("[a-d]{1,2}", inner, 0..4)
                        .prop_map(|m| Value::Object(m.into_iter().collect())),
                ]
            })
        }

        /// A sensitive or unknown mask: `true` leaves and containers mirroring a value.
        fn mask() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                Just(Value::Bool(true)),
                Just(Value::Bool(false)),
                Just(json!({}))
            ];
            leaf.prop_recursive(3, 16, 4, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                    prop::collection::btree_map("[a-d]{1,2}", inner, 0..4)
                        .prop_map(|m| Value::Object(m.into_iter().collect())),
                ]
            })
        }

        fn actions() -> impl Strategy<Value = Value> {
            prop_oneof![
                Just(json!(["create"])),
                Just(json!(["update"])),
                Just(json!(["delete", "create"])),
                Just(json!(["create", "delete"])),
                Just(json!(["delete"])),
                Just(json!(["no-op"])),
                Just(json!(["read"])),
                Just(json!(["forget"])),
            ]
        }

        fn change() -> impl Strategy<Value = Value> {
            (
                "[a-z_.\\[\\]\"0-9]{1,12}",
                actions(),
                (value(), value(), mask(), mask(), mask()),
                prop::option::of(value()),
            )
                .prop_map(|(address, actions, (before, after, unknown, bs, as_), importing)| {
                    let mut change = json!({"actions": actions, "before": before, "after": after,
                        "after_unknown": unknown, "before_sensitive": bs, "after_sensitive": as_});
                    if let Some(i) = importing {
                        change["importing"] = i;
                    }
                    json!({"address": address, "mode": "managed", "change": change})
                })
        }

        proptest! {
            // Few cases: most plans here carry a sensitive value, and each summary then costs
            // its 100,000-round key derivation twice.
            #![proptest_config(ProptestConfig::with_cases(40))]
            #[test]
            fn on_any_plan(
                changes in prop::collection::vec(change(), 0..6),
                drift in prop::collection::vec(change(), 0..2),
                outputs in prop::collection::btree_map("[a-c]{1,3}", change(), 0..3),
                skipped in value(),
                step in 1usize..64,
                pretty in any::<bool>(),
            ) {
                let outputs: serde_json::Map<String, Value> =
                    outputs.into_iter().map(|(k, v)| (k, v["change"].clone())).collect();
                let plan = json!({"format_version": "1.2", "planned_values": skipped,
                    "resource_changes": changes, "resource_drift": drift,
                    "output_changes": outputs, "errored": false});
                let text = if pretty {
                    serde_json::to_string_pretty(&plan).unwrap()
                } else {
                    plan.to_string()
                };
                let want = reference::summarise(&text).unwrap();
                let got = summarise(Trickle(text.as_bytes(), step)).unwrap();
                prop_assert_eq!(got, want);
            }
        }

        /// A value as text, written as anyone might: keys in any order and repeated, numbers
        /// and strings spelled every way JSON allows, whitespace anywhere. With it, whether
        /// every object's keys (decoded) are ascending and unrepeated, as Terraform writes them.
        fn text() -> impl Strategy<Value = (String, bool)> {
            let leaf = prop_oneof![
                prop::sample::select(vec![
                    "null",
                    "true",
                    "false",
                    "0",
                    "-0",
                    "7",
                    "-12",
                    "1.50",
                    "1e2",
                    "1E+2",
                    "-0.0",
                    "0.1e-3",
                    "123456789012345678",
                    "-123456789012345678",
                    "1234567890123456789",
                    "18446744073709551615",
                    "18446744073709551616",
                    "-9223372036854775809",
                    "3.141592653589793",
                    "2.5e-308",
                ])
                .prop_map(|s| (s.to_owned(), true)),
                any::<i64>().prop_map(|n| (n.to_string(), true)),
                (-1e9f64..1e9).prop_map(|f| (f.to_string(), true)),
                prop::collection::vec(
                    prop::sample::select(vec![
                        "a",
                        "\\n",
                        "\\u00e9",
                        "\\/",
                        "\\\"",
                        "é",
                        "\\\\",
                        "\\u0041",
                        "\\ud83d\\ude00",
                        "<&>",
                        "\\t",
                        "\u{2028}",
                        "\\u001f",
                        "\\b",
                        "\\f",
                        "\\r",
                        "\\u0008",
                    ]),
                    0..5
                )
                .prop_map(|parts| (format!("\"{}\"", parts.concat()), true)),
            ];
            let keys = prop::sample::select(vec![
                ("\"a\"", "a"),
                ("\"\\u0061\"", "a"),
                ("\"b\"", "b"),
                ("\"B\"", "B"),
                ("\"id\"", "id"),
                ("\"\\n\"", "\n"),
                ("\"é\"", "é"),
            ]);
            leaf.prop_recursive(4, 32, 5, move |inner| {
                let space = prop::sample::select(vec!["", " ", "\n  "]);
                prop_oneof![
                    (prop::collection::vec(inner.clone(), 0..5), space.clone()).prop_map(
                        |(items, ws)| {
                            let sorted = items.iter().all(|(_, s)| *s);
                            let texts: Vec<String> = items.into_iter().map(|(t, _)| t).collect();
                            (
                                format!("[{ws}{}{ws}]", texts.join(&format!(",{ws}"))),
                                sorted,
                            )
                        }
                    ),
                    (prop::collection::vec((keys.clone(), inner), 0..5), space).prop_map(
                        |(members, ws)| {
                            let sorted = members.iter().all(|(_, (_, s))| *s)
                                && members.windows(2).all(|w| w[0].0 .1 < w[1].0 .1);
                            let texts: Vec<String> = members
                                .into_iter()
                                .map(|((raw, _), (t, _))| format!("{raw}{ws}:{ws}{t}"))
                                .collect();
                            (
                                format!("{{{ws}{}{ws}}}", texts.join(&format!(",{ws}"))),
                                sorted,
                            )
                        }
                    ),
                ]
            })
        }

        /// A normalised value, whether it had sensitive parts, and their hash.
        type Normalised = (Vec<u8>, bool, [u8; 32]);

        /// Both ways of normalising a value: from its tree, and from its text where the text
        /// allows it (the text path answers `None` otherwise).
        fn both_ways(
            text: &str,
            sensitive: &Value,
            unknown: &Value,
        ) -> (Normalised, Option<Normalised>) {
            let (sensitive, unknown) = (sensitive.to_string(), unknown.to_string());
            let sensitive: &Json<'_> = &serde_json::from_str(&sensitive).unwrap();
            let unknown: &Json<'_> = &serde_json::from_str(&unknown).unwrap();
            let secrets = || Secrets {
                hash: Sha256::new(),
                any: false,
                leaf: Vec::new(),
            };
            let finish = |out: Vec<u8>, s: Secrets| (out, s.any, s.hash.finalize().into());
            let tree: Json<'_> = serde_json::from_str(text).unwrap();
            let (mut out, mut s) = (Vec::new(), secrets());
            write_normalised(&tree, sensitive, unknown, &mut out, &mut s).unwrap();
            let from_tree = finish(out, s);
            let raw: &RawValue = serde_json::from_str(text).unwrap();
            let (mut out, mut s) = (b"stale".to_vec(), secrets());
            let from_text = normalise_text(Some(raw.get()), sensitive, unknown, &mut out, &mut s)
                .map(|()| finish(out, s));
            (from_tree, from_text)
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]
            #[test]
            fn the_text_path_writes_what_the_tree_path_writes(
                (text, sorted) in text(),
                sensitive in mask(),
                unknown in mask(),
            ) {
                // Numbers serde_json cannot read are refused by both paths alike.
                prop_assume!(serde_json::from_str::<Json<'_>>(&text).is_ok());
                let (from_tree, from_text) = both_ways(&text, &sensitive, &unknown);
                if sorted {
                    prop_assert!(from_text.is_some(), "Terraform's form takes the text path: {}", text);
                }
                if let Some(from_text) = from_text {
                    prop_assert_eq!(
                        String::from_utf8_lossy(&from_text.0),
                        String::from_utf8_lossy(&from_tree.0),
                        "{}", text
                    );
                    prop_assert_eq!(from_text, from_tree);
                }
            }
        }

        #[test]
        fn on_the_bench_shape_with_repeated_keys_and_escapes() {
            let text = r#"{"planned_values":{"x":[1,"]"]},"resource_changes":[
              {"address":"a[\"k\"]","change":{"actions":["update"],"before":{"t":{"z":1,"a":2},"t":{"b":3}},
               "after":{"s":"\u00e9\n","n":1.50,"big":18446744073709551615,"neg":-1,"e":1e300},
               "after_unknown":{"id":true,"t":{"q":true}},"after_sensitive":{"s":true},"before_sensitive":{}}},
              {"address":"b","change":{"actions":["no-op"],"importing":{"id":"x"}}}],
              "output_changes":{"o":{"actions":["update"],"before":1,"after":2,"after_sensitive":true}}}"#;
            for step in [1, 3, 1 << 20] {
                assert_eq!(
                    summarise(Trickle(text.as_bytes(), step)).unwrap(),
                    reference::summarise(text).unwrap()
                );
            }
        }
    }

    const PLAN: &str = r#"{"format_version":"1.2","resource_changes":[
      {"address":"terraform_data.b","change":{"actions":["delete","create"],"before":{"input":"x"},"after":{"input":"y"},"after_unknown":{"id":true},"before_sensitive":{},"after_sensitive":{}}},
      {"address":"terraform_data.a","change":{"actions":["create"],"before":null,"after":{"input":"s3cr3t","n":1},"after_unknown":{"id":true},"before_sensitive":false,"after_sensitive":{"input":true}}},
      {"address":"terraform_data.c","change":{"actions":["no-op"],"before":{},"after":{}}}],
      "resource_drift":[{"address":"terraform_data.d","change":{"actions":["update"]}}],
      "output_changes":{"o":{"actions":["create"]},"p":{"actions":["no-op"]}}}"#;

    /// A member given twice could hide one value behind another from a reviewer's tool: the
    /// plan is refused, not read with either.
    #[test]
    fn a_change_member_given_twice_is_refused() {
        for member in [
            "actions",
            "before",
            "after",
            "after_unknown",
            "after_sensitive",
            "importing",
        ] {
            let plan = format!(
                r#"{{"resource_changes":[{{"address":"a","change":{{"actions":["update"],"before":{{}},"after":{{}},"{member}":{{}},"{member}":{{}}}}}}]}}"#
            );
            let err = summarise(plan.as_bytes()).unwrap_err().to_string();
            assert!(
                err.contains(&format!("duplicate field `{member}`")),
                "{member}: {err}"
            );
        }
    }

    #[test]
    fn actions_of_any_length_are_read_in_order() {
        for list in [
            vec![],
            vec!["update"],
            vec!["delete", "create"],
            vec!["a", "b", "c", "d"],
        ] {
            let text = serde_json::to_string(&list).unwrap();
            let actions: Actions<'_> = serde_json::from_str(&text).unwrap();
            let got: Vec<&str> = actions.as_slice().iter().map(|a| &*a.0).collect();
            assert_eq!(got, list);
        }
    }

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
        let masked = reference::normalise(
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
        let value: Json<'_> = serde_json::from_str(r#"{"a": "s3cr3t", "b": 1}"#).unwrap();
        let sensitive: Json<'_> = serde_json::from_str(r#"{"a": true}"#).unwrap();
        let unknown: Json<'_> = serde_json::from_str(r#"{"c": true}"#).unwrap();
        let mut secrets = Secrets {
            hash: Sha256::new(),
            any: false,
            leaf: Vec::new(),
        };
        let mut out = Vec::new();
        write_normalised(&value, &sensitive, &unknown, &mut out, &mut secrets).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"a":"(sensitive)","b":1,"c":"(known after apply)"}"#
        );
        assert!(secrets.any);
    }
}
