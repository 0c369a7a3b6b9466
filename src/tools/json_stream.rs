//! A JSON document read from a stream in chunks, one value at a time.
//!
//! `serde_json::from_reader` pulls the input a byte at a time through `io::Read`, which makes a
//! 100 MiB plan cost several times what parsing the same text from a `str` costs. Here the
//! input is read in chunks and checked to be UTF-8 once, as it arrives; array elements are
//! parsed by serde_json straight from that text (strings borrowed, never checked again), and
//! an element cut by the end of a read is parsed again once the next read arrives. Only the
//! value being parsed is held: memory is a chunk plus the largest single element, however
//! large the document.
//!
//! Values the caller skips (a plan's `planned_values`, `prior_state`, `configuration`) go
//! through a byte scanner instead (strings skipped with `memchr`, brackets matched) and are
//! checked for structure only: strings closed, brackets matched, nothing after the document.
//! Every value the caller reads is parsed by serde_json in full.

use std::io::Read;

use serde::de::Error as _;

const CHUNK: usize = 256 * 1024;

/// A type that borrows from the text it is parsed from, named without its lifetime (so
/// [`JsonStream::each_element`] can parse each element borrowing from its own buffer).
pub trait Borrowed {
    type Of<'de>: serde::Deserialize<'de>;
}

/// Any value, owned.
pub struct Owned<T>(std::marker::PhantomData<T>);

impl<T: serde::de::DeserializeOwned> Borrowed for Owned<T> {
    type Of<'de> = T;
}

pub struct JsonStream<R> {
    reader: R,
    /// What was read and not yet dropped, checked to be UTF-8 once as it arrives, so serde_json
    /// parses slices of it as `str` and never checks a string again.
    text: String,
    /// Bytes read but not yet added to `text`: a character cut by the read.
    partial: Vec<u8>,
    read_buf: Vec<u8>,
    /// The next unread byte in `text`.
    pos: usize,
    eof: bool,
    /// Bytes dropped from the front of `text` so far, for error positions.
    dropped: u64,
}

/// A scan that needs more input resumes where it stopped.
#[derive(Default)]
struct Scan {
    /// Open brackets, innermost last.
    stack: Vec<u8>,
    in_string: bool,
    /// A scalar (number, `true`, …) at the outermost level has begun.
    scalar: bool,
}

impl<R: Read> JsonStream<R> {
    pub fn new(reader: R) -> Self {
        Self {
            reader,
            text: String::with_capacity(2 * CHUNK),
            partial: Vec::new(),
            read_buf: vec![0; CHUNK],
            pos: 0,
            eof: false,
            dropped: 0,
        }
    }

    /// An error at the current position.
    pub fn error(&self, what: impl std::fmt::Display) -> serde_json::Error {
        serde_json::Error::custom(format!("{what} at byte {}", self.dropped + self.pos as u64))
    }

    /// Drops `text[..keep]` and reads more input after the rest; `false` at the end.
    fn fill(&mut self, mut keep: usize) -> Result<bool, serde_json::Error> {
        // Scans stop on ASCII bytes; this only guards against a cut inside a character.
        while !self.text.is_char_boundary(keep) {
            keep -= 1;
        }
        if keep > 0 {
            self.text.drain(..keep);
            self.dropped += keep as u64;
            self.pos -= keep;
        }
        if self.eof {
            return Ok(false);
        }
        loop {
            let n = match self.reader.read(&mut self.read_buf) {
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(serde_json::Error::io(e)),
            };
            if n == 0 {
                self.eof = true;
                if !self.partial.is_empty() {
                    return Err(self.invalid_utf8());
                }
                return Ok(false);
            }
            let bytes: &[u8] = if self.partial.is_empty() {
                &self.read_buf[..n]
            } else {
                self.partial.extend_from_slice(&self.read_buf[..n]);
                &self.partial
            };
            let valid = match std::str::from_utf8(bytes) {
                Ok(text) => text,
                // A character cut by the read: the rest of it comes with the next.
                Err(e) if e.error_len().is_none() => std::str::from_utf8(&bytes[..e.valid_up_to()])
                    .map_err(|_| self.invalid_utf8())?,
                Err(_) => return Err(self.invalid_utf8()),
            };
            self.text.push_str(valid);
            let rest = bytes[valid.len()..].to_vec();
            self.partial = rest;
            if !self.text[self.pos..].is_empty() {
                return Ok(true);
            }
        }
    }

    fn invalid_utf8(&self) -> serde_json::Error {
        serde_json::Error::custom(format!(
            "the input is not UTF-8 after byte {}",
            self.dropped + self.text.len() as u64
        ))
    }

    /// The next byte that is not whitespace, not consumed; `None` at the end of the input.
    pub fn peek(&mut self) -> Result<Option<u8>, serde_json::Error> {
        loop {
            let bytes = self.text.as_bytes();
            while self.pos < bytes.len() {
                match bytes[self.pos] {
                    b' ' | b'\n' | b'\r' | b'\t' => self.pos += 1,
                    b => return Ok(Some(b)),
                }
            }
            if !self.fill(self.pos)? {
                return Ok(None);
            }
        }
    }

    /// Consumes `byte` (after whitespace), or fails saying what was expected.
    pub fn expect(&mut self, byte: u8, what: &str) -> Result<(), serde_json::Error> {
        match self.peek()? {
            Some(b) if b == byte => {
                self.pos += 1;
                Ok(())
            }
            Some(_) => Err(self.error(format!("expected {what}"))),
            None => Err(self.error(format!("expected {what}, found the end of the input"))),
        }
    }

    /// Scans one whole value from the current position; with `keep` its bytes stay in `buf`
    /// and their range is returned.
    fn scan(&mut self, keep: bool) -> Result<std::ops::Range<usize>, serde_json::Error> {
        if self.peek()?.is_none() {
            return Err(self.error("expected a value, found the end of the input"));
        }
        let mut start = self.pos;
        let mut scan = Scan::default();
        loop {
            if let Some(done) = self.scan_available(&mut scan)? {
                if done {
                    return Ok(start..self.pos);
                }
            }
            let more = self.fill(if keep { start } else { self.pos })?;
            // `fill` moved the kept bytes to the front.
            start = if keep { 0 } else { self.pos };
            if !more {
                // A scalar ends with the input; anything else is cut short.
                if scan.scalar && scan.stack.is_empty() && !scan.in_string {
                    return Ok(start..self.pos);
                }
                return Err(self.error("the input ends inside a value"));
            }
        }
    }

    /// Scans the bytes read so far: `Some(true)` when the value ended, `None` when more input
    /// is needed.
    fn scan_available(&mut self, scan: &mut Scan) -> Result<Option<bool>, serde_json::Error> {
        let bytes = self.text.as_bytes();
        let end = bytes.len();
        while self.pos < end {
            if scan.in_string {
                match memchr::memchr2(b'"', b'\\', &bytes[self.pos..]) {
                    None => {
                        self.pos = end;
                        return Ok(None);
                    }
                    Some(i) if bytes[self.pos + i] == b'\\' => {
                        // The escaped byte may be in the next read: resume at the backslash.
                        if self.pos + i + 1 >= end {
                            self.pos += i;
                            return Ok(None);
                        }
                        self.pos += i + 2;
                    }
                    Some(i) => {
                        self.pos += i + 1;
                        scan.in_string = false;
                        if scan.stack.is_empty() {
                            return Ok(Some(true));
                        }
                    }
                }
                continue;
            }
            let b = bytes[self.pos];
            match b {
                b'"' if !scan.scalar => scan.in_string = true,
                b'{' | b'[' if !scan.scalar => scan.stack.push(b),
                b'}' | b']' => {
                    if scan.scalar && scan.stack.is_empty() {
                        return Ok(Some(true));
                    }
                    let open = if b == b'}' { b'{' } else { b'[' };
                    if scan.stack.pop() != Some(open) {
                        return Err(self.error(format!("unexpected `{}`", b as char)));
                    }
                    if scan.stack.is_empty() {
                        self.pos += 1;
                        return Ok(Some(true));
                    }
                }
                b',' | b':' | b' ' | b'\n' | b'\r' | b'\t' => {
                    if scan.stack.is_empty() {
                        if scan.scalar {
                            return Ok(Some(true));
                        }
                        return Err(self.error(format!("unexpected `{}`", b as char)));
                    }
                }
                b'"' | b'{' | b'[' => return Err(self.error("unexpected character after a value")),
                _ => {
                    if scan.stack.is_empty() {
                        scan.scalar = true;
                    }
                }
            }
            self.pos += 1;
        }
        Ok(None)
    }

    /// Skips one value, holding no more of it than a chunk.
    pub fn skip_value(&mut self) -> Result<(), serde_json::Error> {
        self.scan(false).map(|_| ())
    }

    /// Calls `with` on the slice of the value at the current position (for serde_json to
    /// parse, its strings borrowed). Its errors say where in the document the value starts.
    pub fn value_slice<O>(
        &mut self,
        with: impl FnOnce(&[u8]) -> Result<O, serde_json::Error>,
    ) -> Result<O, serde_json::Error> {
        let range = self.scan(true)?;
        let at = self.dropped + range.start as u64;
        with(&self.text.as_bytes()[range])
            .map_err(|e| serde_json::Error::custom(format!("{e} (in the value at byte {at})")))
    }

    /// Parses every element of the array at the current position as `T::Of` and calls `each`
    /// with it and its text (`null` is an empty array). Each element is parsed once, straight
    /// from the text read so far; one cut by the end of a read is parsed again after the next.
    pub fn each_element<T: Borrowed>(
        &mut self,
        mut each: impl for<'de> FnMut(T::Of<'de>, &'de str) -> Result<(), serde_json::Error>,
    ) -> Result<(), serde_json::Error> {
        if self.peek()? == Some(b'n') {
            return self.value_slice(|v| serde_json::from_slice::<()>(v));
        }
        self.expect(b'[', "an array")?;
        if self.peek()? == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            if self.peek()?.is_none() {
                return Err(self.error("the input ends inside an array"));
            }
            let at = self.dropped + self.pos as u64;
            let parsed = {
                let text = self.text.get(self.pos..).unwrap_or_default();
                let mut values = serde_json::Deserializer::from_str(text).into_iter::<T::Of<'_>>();
                match values.next() {
                    // A value that ends where the text does may go on in the next read (a
                    // number): only the end of the input says it is whole.
                    Some(Ok(value)) if values.byte_offset() < text.len() || self.eof => {
                        let used = values.byte_offset();
                        each(value, &text[..used]).map_err(|e| {
                            serde_json::Error::custom(format!("{e} (in the element at byte {at})"))
                        })?;
                        Some(Some(used))
                    }
                    Some(Err(e)) if self.eof => {
                        return Err(serde_json::Error::custom(format!(
                            "{e} (in the element at byte {at})"
                        )))
                    }
                    // Cut by the read (`1.` is an invalid number until its digits arrive),
                    // or wrong: the scanner finds where it ends, and that text decides.
                    Some(Err(e)) if !e.is_eof() => Some(None),
                    _ => None,
                }
            };
            match parsed {
                Some(Some(used)) => self.pos += used,
                Some(None) => {
                    let range = self.scan(true)?;
                    let text = self.text.get(range).unwrap_or_default();
                    let value = serde_json::from_str::<T::Of<'_>>(text).map_err(|e| {
                        serde_json::Error::custom(format!("{e} (in the element at byte {at})"))
                    })?;
                    each(value, text).map_err(|e| {
                        serde_json::Error::custom(format!("{e} (in the element at byte {at})"))
                    })?;
                }
                None => {
                    if !self.fill(self.pos)? {
                        return Err(self.error("the input ends inside an array"));
                    }
                    continue;
                }
            }
            match self.peek()? {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.error("expected `,` or `]` in an array")),
            }
        }
    }

    /// Calls `each` with every key of the object at the current position, positioned at its
    /// value; `each` must read or skip the value.
    pub fn each_member(
        &mut self,
        mut each: impl FnMut(&mut Self, &str) -> Result<(), serde_json::Error>,
    ) -> Result<(), serde_json::Error> {
        self.expect(b'{', "an object")?;
        if self.peek()? == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            if self.peek()? != Some(b'"') {
                return Err(self.error("expected a key"));
            }
            let key: String = self.value_slice(|k| serde_json::from_slice(k))?;
            self.expect(b':', "`:` after a key")?;
            each(self, &key)?;
            match self.peek()? {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.error("expected `,` or `}` in an object")),
            }
        }
    }

    /// Fails unless only whitespace is left.
    pub fn finish(&mut self) -> Result<(), serde_json::Error> {
        match self.peek()? {
            None => Ok(()),
            Some(_) => Err(self.error("trailing characters after the document")),
        }
    }
}

/// A file read while another thread is still writing it: at its current end the reader waits,
/// a millisecond at a time, until `written` says the writer has finished, then reads the rest.
/// The file need not exist yet; if it never appears, it reads as empty.
pub struct GrowingFile<'a> {
    path: &'a std::path::Path,
    file: Option<std::fs::File>,
    written: &'a std::sync::atomic::AtomicBool,
}

impl<'a> GrowingFile<'a> {
    pub fn new(path: &'a std::path::Path, written: &'a std::sync::atomic::AtomicBool) -> Self {
        Self {
            path,
            file: None,
            written,
        }
    }
}

impl Read for GrowingFile<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            // Looked at before reading: when the writer had finished, an empty read is the end.
            let finished = self.written.load(std::sync::atomic::Ordering::SeqCst);
            let file = match &mut self.file {
                Some(file) => file,
                None => match std::fs::File::open(self.path) {
                    Ok(file) => self.file.insert(file),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound && finished => return Ok(0),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        std::thread::sleep(std::time::Duration::from_millis(1));
                        continue;
                    }
                    Err(e) => return Err(e),
                },
            };
            let n = file.read(buf)?;
            if n > 0 || finished {
                return Ok(n);
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }
}

/// A reader that hands out a few bytes at a time, so values cross reads (for tests).
#[cfg(test)]
pub(crate) struct Trickle<'a>(pub &'a [u8], pub usize);

#[cfg(test)]
impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.1.min(self.0.len()).min(buf.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(doc: &str, step: usize) -> Result<Vec<(String, String)>, serde_json::Error> {
        let mut s = JsonStream::new(Trickle(doc.as_bytes(), step));
        let mut out = Vec::new();
        s.each_member(|s, key| {
            if key == "skip" {
                s.skip_value()?;
                out.push((key.to_owned(), "skipped".to_owned()));
            } else if key == "list" {
                s.each_element::<Owned<serde_json::Value>>(|v, text| {
                    assert_eq!(serde_json::from_str::<serde_json::Value>(text).unwrap(), v);
                    out.push((key.to_owned(), v.to_string()));
                    Ok(())
                })?;
            } else {
                let v: serde_json::Value = s.value_slice(|v| serde_json::from_slice(v))?;
                out.push((key.to_owned(), v.to_string()));
            }
            Ok(())
        })?;
        s.finish()?;
        Ok(out)
    }

    #[test]
    fn reads_members_and_elements_across_any_read_size() {
        let doc = r#" { "a" : 1.5e3 , "skip": {"x":[1,{"y":"}]\"\\"}],"z":null},
            "list": [ {"k":"v\"]"}, 2, "three", [4], true, -1.25e-3 ], "b":"é\u00e9", "n": -0, "t": false,
            "empty":[], "o":{} } "#;
        let want = members(doc, 1 << 20).unwrap();
        assert_eq!(
            want,
            [
                ("a", "1500.0"),
                ("skip", "skipped"),
                ("list", r#"{"k":"v\"]"}"#),
                ("list", "2"),
                ("list", r#""three""#),
                ("list", "[4]"),
                ("list", "true"),
                ("list", "-0.00125"),
                ("b", r#""éé""#),
                ("n", "-0.0"),
                ("t", "false"),
                ("empty", "[]"),
                ("o", "{}"),
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
        for step in [1, 2, 3, 7, 64] {
            assert_eq!(members(doc, step).unwrap(), want, "read size {step}");
        }
    }

    #[test]
    fn broken_documents_are_errors_with_a_position() {
        for (doc, says) in [
            (r#"{"skip": {"a": [1, 2}}"#, "unexpected `}` at byte"),
            (r#"{"skip": "open"#, "ends inside a value"),
            (r#"{"a": 1} x"#, "trailing characters"),
            (r#"{"a": 1 "b": 2}"#, "expected `,` or `}`"),
            (r#"{"list": [1 2]}"#, "expected `,` or `]`"),
            (r#"{"a": tru}"#, "EOF while parsing a value"),
            (r#"{"skip": {"a" 1}}"#, ""),
            (r#"[1]"#, "expected an object"),
            ("", "expected an object, found the end"),
        ] {
            for step in [1, 5, 1 << 20] {
                match members(doc, step) {
                    Err(e) => assert!(e.to_string().contains(says), "{doc}: {e}"),
                    // Structure-only checks of skipped values let this one through.
                    Ok(_) => assert_eq!(doc, r#"{"skip": {"a" 1}}"#),
                }
            }
        }
    }

    #[test]
    fn a_growing_file_is_read_to_the_end_its_writer_gives_it() {
        use std::io::Write as _;
        use std::sync::atomic::{AtomicBool, Ordering};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.json");
        let written = AtomicBool::new(false);
        let doc = format!(r#"{{"list":[{}1]}}"#, "1,".repeat(200_000));
        let got = std::thread::scope(|scope| {
            let reader = scope.spawn(|| {
                let mut text = String::new();
                GrowingFile::new(&path, &written)
                    .read_to_string(&mut text)
                    .unwrap();
                text
            });
            // The file appears late and grows in pieces.
            std::thread::sleep(std::time::Duration::from_millis(20));
            let mut file = std::fs::File::create(&path).unwrap();
            for piece in doc.as_bytes().chunks(100_000) {
                file.write_all(piece).unwrap();
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            drop(file);
            written.store(true, Ordering::SeqCst);
            reader.join().unwrap()
        });
        assert_eq!(got, doc);
        let never = AtomicBool::new(true);
        let mut empty = String::new();
        GrowingFile::new(&dir.path().join("none"), &never)
            .read_to_string(&mut empty)
            .unwrap();
        assert_eq!(empty, "");
    }

    #[test]
    fn a_value_larger_than_a_chunk_is_read_whole() {
        let big = "x".repeat(3 * CHUNK);
        let doc = format!(r#"{{"skip":"{big}","a":"{big}"}}"#);
        let got = members(&doc, 100_000).unwrap();
        assert_eq!(got[1].1.len(), big.len() + 2);
    }
}
