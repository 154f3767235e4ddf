//! Validation of a merged [`RulePack`]: everything that can be checked without scanning, each
//! problem located (file:line of the rule) and named (rule id). Test cases are run by
//! [`crate::check`], which needs a built engine.

use super::*;
use crate::pattern;
use std::collections::{BTreeSet, HashMap};

/// One validation problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub origin: Origin,
    pub rule: Option<String>,
    pub message: String,
}

/// Highest weight a single rule may carry.
pub const MAX_WEIGHT: u32 = 60;
/// Fewest test cases of each kind a rule must have.
pub const MIN_CASES: usize = 2;
/// Compiled-size limit of one pattern (bytes): keeps the engine small enough for WebAssembly.
pub const PATTERN_SIZE_LIMIT: usize = 2 << 20;

const PLACE_KINDS: &[&str] = &["country", "city", "hub"];

/// Every problem of `pack`, in file order (test cases required: the source packs).
pub fn validate(pack: &RulePack) -> Vec<Issue> {
    validate_with(pack, true)
}

/// Every problem of `pack`; `require_tests = false` for a shipped bundle, which has none.
pub fn validate_with(pack: &RulePack, require_tests: bool) -> Vec<Issue> {
    let mut out = Vec::new();
    let catalogue = Origin { file: "indicators.toml".into(), line: 0 };
    let mut ids = BTreeSet::new();
    for ind in &pack.indicators {
        if !ids.insert(ind.id.as_str()) {
            out.push(Issue { origin: catalogue.clone(), rule: Some(ind.id.clone()), message: "indicator listed twice".into() });
        }
        match ind.text.get("en") {
            Some(t) if !t.title.trim().is_empty() && !t.why.trim().is_empty() && !t.action.trim().is_empty() => {}
            _ => out.push(Issue {
                origin: catalogue.clone(),
                rule: Some(ind.id.clone()),
                message: "missing English card: [indicator.text.en] with title, why and action".into(),
            }),
        }
    }
    for (lang, cards) in &pack.indicator_text {
        for (id, t) in cards {
            if !ids.contains(id.as_str()) {
                out.push(Issue {
                    origin: Origin { file: format!("{lang}/cards.toml"), line: 0 },
                    rule: Some(id.clone()),
                    message: format!("card for unknown indicator `{id}`"),
                });
            }
            if t.title.trim().is_empty() || t.why.trim().is_empty() || t.action.trim().is_empty() {
                out.push(Issue {
                    origin: Origin { file: format!("{lang}/cards.toml"), line: 0 },
                    rule: Some(id.clone()),
                    message: "card needs a non-empty title, why and action".into(),
                });
            }
        }
    }
    for p in &pack.scoring.protected {
        if !ids.contains(p.as_str()) {
            out.push(Issue {
                origin: Origin { file: "scoring.toml".into(), line: 0 },
                rule: None,
                message: format!("protected indicator `{p}` is not in indicators.toml"),
            });
        }
    }
    let s = &pack.scoring;
    if !(s.low < s.medium && s.medium < s.high && s.high <= 100) {
        out.push(Issue {
            origin: Origin { file: "scoring.toml".into(), line: 0 },
            rule: None,
            message: "thresholds must rise: low < medium < high <= 100".into(),
        });
    }

    let channels: BTreeSet<&str> = pack.data.channels.iter().map(|c| c.id.as_str()).collect();
    let countries: BTreeSet<&str> = pack.data.places.iter().map(|p| p.country.as_str()).collect();
    let mut seen: HashMap<&str, &Origin> = HashMap::new();
    for r in &pack.rules {
        let mut bad = |m: String| out.push(Issue { origin: r.origin.clone(), rule: Some(r.id.clone()), message: m });
        if let Some(first) = seen.insert(r.id.as_str(), &r.origin) {
            bad(format!("duplicate rule id (first at {first})"));
        }
        if r.id.is_empty() || r.id.chars().any(|c| c.is_uppercase() || c.is_whitespace()) {
            bad("rule id must be lower case without spaces, e.g. `en.pay.easy-work`".into());
        }
        let Some(ind) = pack.indicator(&r.indicator) else {
            bad(format!("unknown indicator `{}` (see indicators.toml)", r.indicator));
            continue;
        };
        if r.weight == 0 || r.weight > MAX_WEIGHT {
            bad(format!("weight {} is outside 1..={MAX_WEIGHT}", r.weight));
        }
        if r.phrases.is_empty()
            && r.patterns.is_empty()
            && r.money.is_none()
            && r.place.is_none()
            && r.contact.is_none()
            && r.route.is_none()
        {
            bad("needs at least one of phrases, patterns, money, place, contact, route".into());
        }
        for l in &r.langs {
            if !LANGS.contains(&l.as_str()) {
                bad(format!("unknown language `{l}`"));
            } else if !r.text.contains_key(l) && pack.card(&r.indicator, l).is_none() {
                bad(format!("no `{l}` explanation: add [rule.text.{l}] or the `{l}` card for {}", ind.id));
            }
        }
        for (l, t) in &r.text {
            if t.title.trim().is_empty() || t.why.trim().is_empty() || t.action.trim().is_empty() {
                bad(format!("[rule.text.{l}] needs a non-empty title, why and action"));
            }
        }
        for ph in &r.phrases {
            if crate::text::normalize(ph).text.is_empty() {
                bad(format!("phrase `{ph}` is empty after normalisation"));
            }
        }
        for p in &r.patterns {
            if let Some(c) = pattern::upper_case_letter(p) {
                bad(format!("pattern `{p}` has the upper-case letter `{c}`; text is lower-cased, write it in lower case"));
            }
            if let Err(e) = regex::RegexBuilder::new(&pattern::prepare(p)).size_limit(PATTERN_SIZE_LIMIT).build() {
                bad(format!("bad pattern `{p}`: {}", e.to_string().lines().last().unwrap_or("")));
            } else if regex::Regex::new(&pattern::prepare(p)).map(|re| re.is_match("")).unwrap_or(false) {
                bad(format!("pattern `{p}` matches empty text"));
            }
        }
        if let Some(m) = &r.money {
            if m.min_usd_month.is_none() && m.min_ratio.is_none() {
                bad("[rule.money] needs min_usd_month or min_ratio".into());
            }
        }
        if let Some(p) = &r.place {
            for k in &p.kinds {
                if !PLACE_KINDS.contains(&k.as_str()) {
                    bad(format!("[rule.place] unknown kind `{k}` (known: {})", PLACE_KINDS.join(", ")));
                }
            }
            for c in &p.countries {
                if !countries.contains(c.as_str()) {
                    bad(format!("[rule.place] country `{c}` is not in data/places.toml"));
                }
            }
        }
        if let Some(c) = &r.contact {
            for ch in &c.channels {
                if !channels.contains(ch.as_str()) {
                    bad(format!("[rule.contact] unknown channel `{ch}` (see data/channels.toml)"));
                }
            }
        }
        match &r.test {
            _ if !require_tests => {}
            None => bad(format!("missing [rule.test] with at least {MIN_CASES} `match` and {MIN_CASES} `no_match` cases")),
            Some(t) => {
                if t.matches.len() < MIN_CASES {
                    bad(format!("[rule.test] has {} `match` case(s); at least {MIN_CASES} are required", t.matches.len()));
                }
                if t.no_match.len() < MIN_CASES {
                    bad(format!("[rule.test] has {} `no_match` case(s); at least {MIN_CASES} are required", t.no_match.len()));
                }
            }
        }
    }
    let mut seen_combo = BTreeSet::new();
    for c in &pack.combos {
        let mut bad = |m: String| out.push(Issue { origin: c.origin.clone(), rule: Some(c.id.clone()), message: m });
        if !seen_combo.insert(c.id.as_str()) {
            bad("duplicate combo id".into());
        }
        for i in &c.indicators {
            if !ids.contains(i.as_str()) {
                bad(format!("unknown indicator `{i}`"));
            }
        }
        if c.needed() == 0 || c.needed() > c.indicators.len() {
            bad(format!("min = {} must be between 1 and the number of indicators ({})", c.needed(), c.indicators.len()));
        }
        if c.weight == 0 || c.weight > MAX_WEIGHT {
            bad(format!("weight {} is outside 1..={MAX_WEIGHT}", c.weight));
        }
        if !c.text.contains_key("en") {
            bad("missing [combo.text.en]".into());
        }
        if require_tests && c.test.as_ref().map_or(true, |t| t.matches.len() < MIN_CASES || t.no_match.len() < MIN_CASES) {
            bad(format!("[combo.test] needs at least {MIN_CASES} `match` and {MIN_CASES} `no_match` cases"));
        }
    }
    out
}
