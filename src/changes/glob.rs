//! Glob patterns for trigger paths, with the syntax and meaning of the `globset` crate's
//! `GlobBuilder` under `literal_separator(true)` and `backslash_escape(true)`, which the trigger
//! rules were first built on: `?`, `*` and character classes never match `/`; `**` as a whole
//! component crosses folders (`**/` at the start: any folders or none; `/**` at the end:
//! everything below; `/**/` inside: any folders or none); elsewhere `**` is two `*`; `{a,b}`
//! alternates (nested too); `[a-z]`, `[!…]`/`[^…]` and POSIX classes (`[[:digit:]]`); `\`
//! escapes the next character.
//!
//! Matching is backtracking with a table of the (token, position) pairs already known not to
//! match, so it takes time proportional to the pattern's length times the path's (squared at
//! worst), never exponential: a pattern the author of a pull request chose (`*a*a*a*a*b`)
//! cannot stall a stage. Own code rather than globset: globset compiles each pattern to a
//! regular expression, and the regex engine it brings was a tenth of the executable and
//! about 4 s of CPU in a clean build (docs/BENCHMARKS.md), for patterns that are almost always
//! a folder.

use std::fmt;

/// Why a pattern is not a glob; the texts are globset's, as users of the earlier releases saw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GlobError {
    UnclosedClass,
    InvalidRange(char, char),
    UnopenedAlternates,
    UnclosedAlternates,
    TooManyNestedAlternates,
    TooManyAlternatives,
    DanglingEscape,
}

impl fmt::Display for GlobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GlobError::UnclosedClass => write!(f, "unclosed character class; missing ']'"),
            GlobError::InvalidRange(start, end) => {
                write!(f, "invalid range; '{start}' > '{end}'")
            }
            GlobError::UnopenedAlternates => write!(
                f,
                "unopened alternate group; missing '{{' (maybe escape '}}' with '[}}]'?)"
            ),
            GlobError::UnclosedAlternates => write!(
                f,
                "unclosed alternate group; missing '}}' (maybe escape '{{' with '[{{]'?)"
            ),
            GlobError::TooManyNestedAlternates => {
                write!(f, "too many nested alternate groups")
            }
            GlobError::TooManyAlternatives => write!(
                f,
                "too many alternatives; at most {MAX_ALTERNATIVES} spellings of one pattern"
            ),
            GlobError::DanglingEscape => write!(f, "dangling '\\'"),
        }
    }
}

impl std::error::Error for GlobError {}

/// Alternate groups nest at most this deep (globset's bound).
const MAX_NESTING: usize = 100;
/// A pattern's alternate groups spell at most this many patterns: each is matched on its own.
const MAX_ALTERNATIVES: usize = 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Literal(char),
    /// `?`: one character but `/`.
    Any,
    /// `*`: any characters but `/`.
    ZeroOrMore,
    /// `**/` at the start: nothing, `/`, or anything ending in `/`.
    RecursivePrefix,
    /// `/**` at the end: `/` and anything.
    RecursiveSuffix,
    /// `/**/` inside: `/`, or `/`, anything, `/`.
    RecursiveZeroOrMore,
    /// One character but `/`, in (or, negated, not in) the ranges.
    Class {
        negated: bool,
        ranges: Vec<(char, char)>,
    },
    Alternates(Vec<Vec<Token>>),
}

/// A compiled glob pattern.
#[derive(Clone, Debug)]
pub struct Glob {
    /// Each spelling of the pattern, its alternate groups expanded.
    spellings: Vec<Vec<Token>>,
    /// The pattern is `**`: every path.
    everything: bool,
}

impl Glob {
    pub fn new(pattern: &str) -> Result<Self, GlobError> {
        let tokens = Parser::parse(pattern)?;
        let everything = tokens == [Token::RecursivePrefix];
        let mut spellings = Vec::new();
        expand(&tokens, &mut Vec::new(), &mut spellings)?;
        Ok(Self {
            spellings,
            everything,
        })
    }

    pub fn is_match(&self, path: &str) -> bool {
        if self.everything {
            return true;
        }
        let chars: Vec<char> = path.chars().collect();
        self.spellings
            .iter()
            .any(|tokens| Matching::new(tokens, &chars).from(0, 0))
    }
}

/// Every sequence of plain tokens `tokens` spells, each alternate group replaced by one of its
/// branches, appended to `out` after `prefix`.
fn expand(
    tokens: &[Token],
    prefix: &mut Vec<Token>,
    out: &mut Vec<Vec<Token>>,
) -> Result<(), GlobError> {
    let Some(at) = tokens
        .iter()
        .position(|t| matches!(t, Token::Alternates(_)))
    else {
        if out.len() >= MAX_ALTERNATIVES {
            return Err(GlobError::TooManyAlternatives);
        }
        let mut spelling = prefix.clone();
        spelling.extend_from_slice(tokens);
        out.push(spelling);
        return Ok(());
    };
    let Token::Alternates(branches) = &tokens[at] else {
        return Ok(());
    };
    // As globset: an empty branch is dropped (`{,a}` is `a`), and a group of empty branches
    // is nothing.
    let branches: Vec<&Vec<Token>> = branches.iter().filter(|b| !matches_nothing(b)).collect();
    if branches.is_empty() {
        let kept = prefix.len();
        prefix.extend_from_slice(&tokens[..at]);
        let result = expand(&tokens[at + 1..], prefix, out);
        prefix.truncate(kept);
        return result;
    }
    for branch in branches {
        // The branch, then what follows the group: a nested group inside the branch is
        // expanded in turn.
        let mut rest = branch.clone();
        rest.extend_from_slice(&tokens[at + 1..]);
        let kept = prefix.len();
        prefix.extend_from_slice(&tokens[..at]);
        expand(&rest, prefix, out)?;
        prefix.truncate(kept);
    }
    Ok(())
}

/// Whether `tokens` spell only the empty text by way of empty groups (`{}`, `{,{}}`): globset
/// writes no regular expression for them, and drops such a branch from its group.
fn matches_nothing(tokens: &[Token]) -> bool {
    tokens.iter().all(|t| match t {
        Token::Alternates(branches) => branches.iter().all(|b| matches_nothing(b)),
        _ => false,
    })
}

/// globset's parser, for the options the trigger rules use.
struct Parser<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    prev: Option<char>,
    cur: Option<char>,
    /// Where each open alternate group's branches start in `branches`.
    alternates: Vec<usize>,
    /// The top level's tokens, then one list per branch of the open groups.
    branches: Vec<Vec<Token>>,
}

impl<'a> Parser<'a> {
    fn parse(pattern: &'a str) -> Result<Vec<Token>, GlobError> {
        let mut p = Parser {
            chars: pattern.chars().peekable(),
            prev: None,
            cur: None,
            alternates: Vec::new(),
            branches: vec![Vec::new()],
        };
        while let Some(c) = p.bump() {
            match c {
                '?' => p.push(Token::Any)?,
                '*' => p.star()?,
                '[' => p.class()?,
                '{' => {
                    if p.alternates.len() >= MAX_NESTING {
                        return Err(GlobError::TooManyNestedAlternates);
                    }
                    p.alternates.push(p.branches.len());
                    p.branches.push(Vec::new());
                }
                '}' => {
                    let start = p.alternates.pop().ok_or(GlobError::UnopenedAlternates)?;
                    let group = Token::Alternates(p.branches.drain(start..).collect());
                    p.push(group)?;
                }
                ',' if !p.alternates.is_empty() => p.branches.push(Vec::new()),
                '\\' => {
                    let escaped = p.bump().ok_or(GlobError::DanglingEscape)?;
                    p.push(Token::Literal(escaped))?;
                }
                c => p.push(Token::Literal(c))?,
            }
        }
        match p.branches.pop() {
            Some(tokens) if p.branches.is_empty() => Ok(tokens),
            _ => Err(GlobError::UnclosedAlternates),
        }
    }

    fn bump(&mut self) -> Option<char> {
        self.prev = self.cur;
        self.cur = self.chars.next();
        self.cur
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }

    fn branch(&mut self) -> Result<&mut Vec<Token>, GlobError> {
        self.branches
            .last_mut()
            .ok_or(GlobError::UnopenedAlternates)
    }

    fn push(&mut self, token: Token) -> Result<(), GlobError> {
        self.branch()?.push(token);
        Ok(())
    }

    fn two_stars(&mut self) -> Result<(), GlobError> {
        self.push(Token::ZeroOrMore)?;
        self.push(Token::ZeroOrMore)
    }

    /// After a `*`: one `*`, or `**` as a whole component (globset's `parse_star`).
    fn star(&mut self) -> Result<(), GlobError> {
        let prev = self.prev;
        if self.peek() != Some('*') {
            return self.push(Token::ZeroOrMore);
        }
        self.bump();
        if self.branch()?.is_empty() {
            if self.peek().is_some_and(|c| c != '/') {
                return self.two_stars();
            }
            self.push(Token::RecursivePrefix)?;
            self.bump();
            return Ok(());
        }
        if prev != Some('/') && (self.branches.len() <= 1 || !matches!(prev, Some(',' | '{'))) {
            return self.two_stars();
        }
        let suffix = match self.peek() {
            None => true,
            Some(',' | '}') if self.branches.len() >= 2 => true,
            Some('/') => {
                self.bump();
                false
            }
            Some(_) => return self.two_stars(),
        };
        let last = self.branch()?.pop();
        let token = match last {
            Some(Token::RecursivePrefix) => Token::RecursivePrefix,
            Some(Token::RecursiveSuffix) => Token::RecursiveSuffix,
            _ if suffix => Token::RecursiveSuffix,
            _ => Token::RecursiveZeroOrMore,
        };
        self.push(token)
    }

    /// After a `[`: the class up to its `]` (globset's `parse_class`).
    fn class(&mut self) -> Result<(), GlobError> {
        let negated = matches!(self.peek(), Some('!' | '^'));
        if negated {
            self.bump();
        }
        let mut ranges: Vec<(char, char)> = Vec::new();
        let mut first = true;
        let mut in_range = false;
        loop {
            let c = self.bump().ok_or(GlobError::UnclosedClass)?;
            match c {
                ']' if !first => break,
                '-' if !first => {
                    if in_range {
                        extend_range(&mut ranges, '-')?;
                        in_range = false;
                    } else {
                        in_range = true;
                    }
                }
                '[' if !in_range && self.peek() == Some(':') => {
                    match self.posix_class() {
                        Some(class) => ranges.extend_from_slice(class),
                        None => ranges.push(('[', '[')),
                    }
                    in_range = false;
                }
                c => {
                    if in_range {
                        extend_range(&mut ranges, c)?;
                    } else {
                        ranges.push((c, c));
                    }
                    in_range = false;
                }
            }
            first = false;
        }
        if in_range {
            ranges.push(('-', '-'));
        }
        self.push(Token::Class { negated, ranges })
    }

    /// `[:name:]` inside a class, or `None` (nothing consumed) when it is not one.
    fn posix_class(&mut self) -> Option<&'static [(char, char)]> {
        let saved = (self.chars.clone(), self.prev, self.cur);
        self.bump();
        let mut name = String::new();
        let found = loop {
            match self.bump() {
                Some(':') if self.peek() == Some(']') => {
                    self.bump();
                    break posix_ranges(&name);
                }
                Some(c) if c.is_ascii_lowercase() && name.len() < 8 => name.push(c),
                _ => break None,
            }
        };
        if found.is_none() {
            (self.chars, self.prev, self.cur) = saved;
        }
        found
    }
}

fn extend_range(ranges: &mut [(char, char)], end: char) -> Result<(), GlobError> {
    if let Some(range) = ranges.last_mut() {
        range.1 = end;
        if range.1 < range.0 {
            return Err(GlobError::InvalidRange(range.0, range.1));
        }
    }
    Ok(())
}

fn posix_ranges(name: &str) -> Option<&'static [(char, char)]> {
    Some(match name {
        "alnum" => &[('0', '9'), ('A', 'Z'), ('a', 'z')],
        "alpha" => &[('A', 'Z'), ('a', 'z')],
        "blank" => &[('\t', '\t'), (' ', ' ')],
        "cntrl" => &[('\x00', '\x1f'), ('\x7f', '\x7f')],
        "digit" => &[('0', '9')],
        "graph" => &[('!', '~')],
        "lower" => &[('a', 'z')],
        "print" => &[(' ', '~')],
        "punct" => &[('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
        "space" => &[('\t', '\r'), (' ', ' ')],
        "upper" => &[('A', 'Z')],
        "xdigit" => &[('0', '9'), ('A', 'F'), ('a', 'f')],
        _ => return None,
    })
}

/// One spelling against one path: `from(t, p)` is whether tokens `t..` match chars `p..`.
struct Matching<'a> {
    tokens: &'a [Token],
    chars: &'a [char],
    /// (token, position) pairs already found not to match.
    failed: Vec<bool>,
    /// Calls of `from` so far: the work a match took.
    calls: usize,
}

impl<'a> Matching<'a> {
    fn new(tokens: &'a [Token], chars: &'a [char]) -> Self {
        Self {
            tokens,
            chars,
            failed: vec![false; (tokens.len() + 1) * (chars.len() + 1)],
            calls: 0,
        }
    }

    fn from(&mut self, t: usize, p: usize) -> bool {
        self.calls += 1;
        let Some(token) = self.tokens.get(t) else {
            return p == self.chars.len();
        };
        let seen = t * (self.chars.len() + 1) + p;
        if self.failed.get(seen).copied().unwrap_or(false) {
            return false;
        }
        let chars = self.chars;
        let at = chars.get(p).copied();
        // Where this token could end: then the rest must match from there.
        let matched = match token {
            Token::Literal(c) => at == Some(*c) && self.from(t + 1, p + 1),
            Token::Any => at.is_some_and(|c| c != '/') && self.from(t + 1, p + 1),
            Token::Class { negated, ranges } => {
                at.is_some_and(|c| {
                    c != '/' && ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) != *negated
                }) && self.from(t + 1, p + 1)
            }
            Token::ZeroOrMore => {
                let run = chars[p..].iter().take_while(|c| **c != '/').count();
                (p..=p + run).any(|end| self.from(t + 1, end))
            }
            Token::RecursivePrefix => {
                self.from(t + 1, p)
                    || (p..chars.len()).any(|i| chars[i] == '/' && self.from(t + 1, i + 1))
            }
            Token::RecursiveSuffix => {
                at == Some('/') && (p + 1..=chars.len()).any(|end| self.from(t + 1, end))
            }
            Token::RecursiveZeroOrMore => {
                at == Some('/')
                    && (self.from(t + 1, p + 1)
                        || (p + 1..chars.len()).any(|i| chars[i] == '/' && self.from(t + 1, i + 1)))
            }
            // Expanded before matching.
            Token::Alternates(_) => false,
        };
        if !matched {
            if let Some(slot) = self.failed.get_mut(seen) {
                *slot = true;
            }
        }
        matched
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(pattern: &str, path: &str) -> bool {
        Glob::new(pattern).unwrap().is_match(path)
    }

    #[test]
    fn stars_and_questions_stop_at_slash_double_stars_cross() {
        assert!(m("terraform/*.tf", "terraform/main.tf"));
        assert!(!m("terraform/*.tf", "terraform/aws/main.tf"));
        assert!(m("terraform/**/*.tf", "terraform/main.tf"));
        assert!(m("terraform/**/*.tf", "terraform/aws/dns/main.tf"));
        assert!(m("**/*.md", "README.md"));
        assert!(m("**/*.md", "docs/a/README.md"));
        assert!(m("docs/**", "docs/a/b.md"));
        assert!(!m("docs/**", "docs"));
        assert!(m("**", "any/thing/at/all"));
        assert!(m("a?c", "abc") && !m("a?c", "a/c"));
        // `**` that is not a whole component is two `*`.
        assert!(m("a**", "abc") && !m("a**", "ab/c"));
        assert!(m("**b", "ab") && !m("**b", "a/b"));
    }

    #[test]
    fn classes_alternates_and_escapes() {
        assert!(m("v[0-9].tf", "v7.tf") && !m("v[0-9].tf", "vx.tf"));
        assert!(m("v[!0-9].tf", "vx.tf") && !m("v[!0-9].tf", "v7.tf"));
        assert!(!m("a[!b]c", "a/c"), "a class never matches /");
        assert!(m("[]]", "]") && m("[-a]", "-") && m("[a-]", "-"));
        assert!(m("[[:digit:]]x", "5x") && !m("[[:digit:]]x", "ax"));
        assert!(m("terraform/{aws,gcp}/**", "terraform/gcp/main.tf"));
        assert!(!m("terraform/{aws,gcp}/**", "terraform/azure/main.tf"));
        assert!(m("{a,b{c,d}}.tf", "bd.tf") && !m("{a,b{c,d}}.tf", "b.tf"));
        assert!(m(r"a\*b", "a*b") && !m(r"a\*b", "axb"));
        assert!(m("a,b", "a,b"), "a comma outside a group is itself");
    }

    #[test]
    fn bad_patterns_say_what_is_wrong() {
        assert_eq!(
            Glob::new("terraform/[").unwrap_err(),
            GlobError::UnclosedClass
        );
        assert_eq!(
            Glob::new("[z-a]").unwrap_err(),
            GlobError::InvalidRange('z', 'a')
        );
        assert_eq!(
            Glob::new("{a,b").unwrap_err(),
            GlobError::UnclosedAlternates
        );
        assert_eq!(Glob::new("a}").unwrap_err(), GlobError::UnopenedAlternates);
        assert_eq!(Glob::new("a\\").unwrap_err(), GlobError::DanglingEscape);
        let many = "{a,b}".repeat(11);
        assert_eq!(
            Glob::new(&many).unwrap_err(),
            GlobError::TooManyAlternatives
        );
        assert!(Glob::new(&"{a,b}".repeat(10)).is_ok());
    }

    #[test]
    fn a_pattern_built_to_backtrack_takes_polynomial_work() {
        let glob = Glob::new("*a*a*a*a*a*a*a*a*a*a*a*a*b").unwrap();
        let tokens = &glob.spellings[0];
        let chars: Vec<char> = "a".repeat(400).chars().collect();
        let mut matching = Matching::new(tokens, &chars);
        assert!(!matching.from(0, 0));
        // Each (token, position) pair is worked out once and tries at most every end: without
        // the table the calls would number about C(400, 12), some 10^22.
        let bound = (tokens.len() + 1) * (chars.len() + 1) * (chars.len() + 1);
        assert!(matching.calls <= bound, "{} calls", matching.calls);
        assert!(matching.calls > chars.len(), "it did search");
    }
}
