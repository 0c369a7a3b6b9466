//! Folded log sections: the publisher's [`FoldStyle`] opens them (GitHub groups with
//! stop-commands, GitLab collapsible sections), and a [`Fold`] closes itself when dropped.

use std::io::{self, Write};

/// What closes a fold: written when the [`Fold`] is closed or dropped.
pub type FoldEnd = Box<dyn FnOnce(&mut dyn Write) -> io::Result<()>>;

/// How the platform folds a log section. The publisher supplies it, so this module never names
/// a platform.
pub trait FoldStyle {
    fn open(&self, out: &mut dyn Write, id: &str, title: &str) -> io::Result<FoldEnd>;
}

/// No fold markers: for output gathered away from the log (a tool run beside another) and
/// written into a fold of its own afterwards.
pub struct Unfolded;

impl FoldStyle for Unfolded {
    fn open(&self, _: &mut dyn Write, _: &str, _: &str) -> io::Result<FoldEnd> {
        Ok(Box::new(|_: &mut dyn Write| Ok(())))
    }
}

/// An open, folded log section. Everything written to it goes to the log; it closes itself when
/// dropped, so an early return never leaves a fold open.
pub struct Fold<'a> {
    out: &'a mut dyn Write,
    end: Option<FoldEnd>,
}

impl<'a> Fold<'a> {
    pub fn open(
        style: &dyn FoldStyle,
        out: &'a mut dyn Write,
        id: &str,
        title: &str,
    ) -> io::Result<Self> {
        let end = style.open(out, id, title)?;
        Ok(Self {
            out,
            end: Some(end),
        })
    }

    pub fn close(mut self) -> io::Result<()> {
        match self.end.take() {
            Some(end) => end(self.out),
            None => Ok(()),
        }
    }
}

impl Write for Fold<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl Drop for Fold<'_> {
    fn drop(&mut self) {
        if let Some(end) = self.end.take() {
            let _ = end(self.out);
        }
    }
}
