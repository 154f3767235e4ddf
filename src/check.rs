//! Running the test cases written in the rule packs: every rule's `match` texts must produce a
//! finding of that rule (with the pinned evidence, if any) and its `no_match` texts must not; the
//! same for combinations. Used by `lurelens rules check` and the test suite.

use crate::engine::{Engine, ScanOptions};
use crate::rules::validate::Issue;
use crate::rules::Tests;

fn options(engine: &Engine, tests: &Tests, langs: &[String]) -> ScanOptions {
    let origin = tests.origin.clone().or_else(|| langs.first().and_then(|l| engine.origin_for_lang(l)));
    ScanOptions { origin }
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// Runs every test case of the engine's pack; returns one issue per failing case.
pub fn run_tests(engine: &Engine) -> Vec<Issue> {
    let mut out = Vec::new();
    let pack = engine.pack();
    for r in &pack.rules {
        let Some(tests) = &r.test else { continue };
        let opts = options(engine, tests, &r.langs);
        let mut fail = |m: String| out.push(Issue { origin: r.origin.clone(), rule: Some(r.id.clone()), message: m });
        for case in &tests.matches {
            let text = case.text();
            let report = engine.scan(text, &opts);
            match report.findings.iter().find(|f| f.rule == r.id) {
                None => fail(format!("`match` case did not match: \"{}\"", short(text))),
                Some(f) => {
                    for ev in case.evidence() {
                        if !f.spans.iter().any(|s| &text[s[0]..s[1]] == ev) {
                            let got: Vec<&str> = f.spans.iter().map(|s| &text[s[0]..s[1]]).collect();
                            fail(format!("`match` case \"{}\": expected evidence \"{ev}\", got {got:?}", short(text)));
                        }
                    }
                }
            }
        }
        for text in &tests.no_match {
            let report = engine.scan(text, &opts);
            if let Some(f) = report.findings.iter().find(|f| f.rule == r.id) {
                let got: Vec<&str> = f.spans.iter().map(|s| &text[s[0]..s[1]]).collect();
                fail(format!("`no_match` case matched {got:?}: \"{}\"", short(text)));
            }
        }
    }
    for c in &pack.combos {
        let Some(tests) = &c.test else { continue };
        let opts = options(engine, tests, &[]);
        let mut fail = |m: String| out.push(Issue { origin: c.origin.clone(), rule: Some(c.id.clone()), message: m });
        for case in &tests.matches {
            let report = engine.scan(case.text(), &opts);
            if !report.combos.iter().any(|h| h.id == c.id) {
                let found: Vec<&str> = report.findings.iter().map(|f| f.indicator.as_str()).collect();
                fail(format!("`match` case did not combine (indicators found: {found:?}): \"{}\"", short(case.text())));
            }
        }
        for text in &tests.no_match {
            let report = engine.scan(text, &opts);
            if report.combos.iter().any(|h| h.id == c.id) {
                fail(format!("`no_match` case combined: \"{}\"", short(text)));
            }
        }
    }
    out
}

/// How many test cases the pack holds.
pub fn case_count(engine: &Engine) -> usize {
    let p = engine.pack();
    p.rules
        .iter()
        .filter_map(|r| r.test.as_ref())
        .chain(p.combos.iter().filter_map(|c| c.test.as_ref()))
        .map(|t| t.matches.len() + t.no_match.len())
        .sum()
}
