//! A prefilter for many regular expressions, in the style of adblock-rust's token index: each
//! pattern's required prefix literals (from `regex-syntax`'s literal extractor) go into one
//! Aho-Corasick automaton; a scan runs that automaton once and then only the patterns whose
//! literals occur (plus the few that have no usable literal). A `RegexSet` over hundreds of
//! patterns with bounded repeats was measured at about 50 µs per post; this does the same work in
//! a fraction of it, because most patterns never get past their literal.
//!
//! Each regex is compiled the first time its literal occurs in a text, then kept for the engine's
//! life (never per scan). Compiling all ~300 patterns up front took about 120 ms natively and
//! several hundred in WebAssembly, which a service worker pays on every wake; a page needs a few
//! dozen of them. Patterns are parsed at build, so a syntax error is still reported then.

use aho_corasick::{AhoCorasick, MatchKind};
use regex_automata::{meta, Anchored, Input};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use std::sync::OnceLock;

/// Most prefix literals kept for one pattern; more than this and the pattern always runs.
const MAX_LITERALS_PER_PATTERN: usize = 200;
/// Shortest useful literal (bytes): a one-byte literal such as `@` or a digit gates nothing.
/// (Requiring two characters, so that a lone Thai or Han character does not gate either, was
/// measured: no faster, since such patterns then always run.)
const MIN_LITERAL_BYTES: usize = 2;

/// Regexes behind one literal prefilter.
#[derive(Debug, Clone)]
pub struct Gated {
    sources: Vec<String>,
    /// Compiled on first use; `None` when a pattern exceeds the size limit (validation of the
    /// source packs compiles every pattern, so only a hand-made bundle can get there).
    regexes: Vec<OnceLock<Option<meta::Regex>>>,
    size_limit: usize,
    prefilter: Option<AhoCorasick>,
    /// literal id → pattern index
    literal_of: Vec<usize>,
    /// patterns without usable literals, always run
    always: Vec<usize>,
}

fn literals(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::ParserBuilder::new().utf8(false).build().parse(pattern).ok()?;
    let mut ex = Extractor::new();
    ex.kind(ExtractKind::Prefix).limit_total(MAX_LITERALS_PER_PATTERN * 4).limit_class(16).limit_repeat(4).limit_literal_len(16);
    let mut seq = ex.extract(&hir);
    seq.optimize_for_prefix_by_preference();
    let lits = seq.literals()?;
    if lits.is_empty() || lits.len() > MAX_LITERALS_PER_PATTERN || lits.iter().any(|l| l.as_bytes().len() < MIN_LITERAL_BYTES) {
        return None;
    }
    Some(lits.iter().map(|l| l.as_bytes().to_vec()).collect())
}

impl Gated {
    /// Builds the prefilter for `sources` (prepared pattern strings). Err((index, message)) names the
    /// first pattern that does not parse.
    pub fn new(sources: Vec<String>, size_limit: usize) -> Result<Gated, (usize, String)> {
        let mut lits = Vec::new();
        let mut literal_of = Vec::new();
        let mut always = Vec::new();
        for (i, src) in sources.iter().enumerate() {
            if let Err(e) = regex_syntax::ParserBuilder::new().utf8(false).build().parse(src) {
                return Err((i, e.to_string()));
            }
            match literals(src) {
                Some(ls) => {
                    for l in ls {
                        lits.push(l);
                        literal_of.push(i);
                    }
                }
                None => always.push(i),
            }
        }
        let prefilter = if lits.is_empty() {
            None
        } else {
            Some(AhoCorasick::builder().match_kind(MatchKind::Standard).build(&lits).map_err(|e| (usize::MAX, e.to_string()))?)
        };
        let regexes = sources.iter().map(|_| OnceLock::new()).collect();
        Ok(Gated { sources, regexes, size_limit, prefilter, literal_of, always })
    }

    /// The compiled regex of pattern `i` (compiled now if this is its first use).
    fn regex(&self, i: usize) -> Option<&meta::Regex> {
        self.regexes[i]
            .get_or_init(|| {
                meta::Builder::new().configure(meta::Config::new().nfa_size_limit(Some(self.size_limit))).build(&self.sources[i]).ok()
            })
            .as_ref()
    }

    pub fn len(&self) -> usize {
        self.regexes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.regexes.is_empty()
    }

    /// How many patterns always run (no usable literal): a figure for `rules check` and benchmarks.
    pub fn unfiltered(&self) -> usize {
        self.always.len()
    }

    /// Calls `f(pattern index, start, end)` for the matches of every pattern that `keep` accepts:
    /// the leftmost-first, non-overlapping matches, as `find_iter` gives them, at most `max` per
    /// pattern. A gated pattern's match must begin with one of its prefix literals, so it is only
    /// tried, anchored, where the prefilter found one: a pattern that does not match costs a few
    /// steps per literal hit instead of a search of the whole text.
    pub fn matches(&self, text: &str, keep: impl Fn(usize) -> bool, max: usize, mut f: impl FnMut(usize, usize, usize)) {
        for &i in &self.always {
            if !keep(i) {
                continue;
            }
            if let Some(re) = self.regex(i) {
                for m in re.find_iter(text).take(max) {
                    f(i, m.start(), m.end());
                }
            }
        }
        let Some(ac) = &self.prefilter else { return };
        let mut hits: Vec<(usize, usize)> =
            ac.find_overlapping_iter(text.as_bytes()).map(|m| (self.literal_of[m.pattern().as_usize()], m.start())).collect();
        hits.sort_unstable();
        hits.dedup();
        let mut k = 0;
        while k < hits.len() {
            let i = hits[k].0;
            let end = hits[k..].iter().position(|h| h.0 != i).map_or(hits.len(), |n| k + n);
            if keep(i) {
                if let Some(re) = self.regex(i) {
                    let (mut after, mut found) = (0, 0);
                    for &(_, s) in &hits[k..end] {
                        if s < after || found >= max || !text.is_char_boundary(s) {
                            continue;
                        }
                        if let Some(m) = re.search(&Input::new(text).range(s..).anchored(Anchored::Yes)) {
                            if m.end() > m.start() {
                                f(i, m.start(), m.end());
                                found += 1;
                                after = m.end();
                            }
                        }
                    }
                }
            }
            k = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_patterns_are_gated_and_classes_always_run() {
        let src = vec![r"(?:easy|light)\s+job".to_string(), r"\d+\s*usd".to_string(), r"telegram".to_string()];
        let g = Gated::new(src, 1 << 20).unwrap();
        assert_eq!(g.unfiltered(), 1);
        let mut seen = Vec::new();
        g.matches("an easy  job, 500 usd", |_| true, 10, |i, s, e| seen.push((i, s, e)));
        seen.sort();
        assert_eq!(seen, vec![(0, 3, 12), (1, 14, 21)]);
        assert!(g.regexes[2].get().is_none(), "a pattern whose literal never occurred is not compiled");
    }

    #[test]
    fn anchored_matches_equal_find_iter() {
        // Overlapping literal hits, matches that swallow later hits, boundaries, non-ASCII text.
        let cases = [
            (r"\btele(?:gram|phone)\b.{0,5}", "telegram telegramx telephone tele gram telegram!!"),
            (r"(?:ab|abc)\d+", "abc123 ab45 xabc9 ab"),
            (r"(?:งาน|งานง่าย)\s?\d+", "งานง่าย 500 งาน 20 งานงาน3"),
        ];
        for (pat, text) in cases {
            let g = Gated::new(vec![pat.to_string()], 1 << 20).unwrap();
            assert_eq!(g.unfiltered(), 0, "{pat} is gated");
            let mut got = Vec::new();
            g.matches(text, |_| true, 100, |_, s, e| got.push((s, e)));
            let want: Vec<(usize, usize)> = regex::Regex::new(pat).unwrap().find_iter(text).map(|m| (m.start(), m.end())).collect();
            assert_eq!(got, want, "{pat} on {text}");
        }
    }

    #[test]
    fn a_pattern_that_does_not_parse_is_named() {
        let src = vec!["fine".to_string(), "(unclosed".to_string()];
        assert_eq!(Gated::new(src, 1 << 20).unwrap_err().0, 1);
    }
}
