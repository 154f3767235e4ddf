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

/// Every problem of `pack`; `require_tests = false` for a shipped bundle, which has no test cases
/// and whose patterns were compiled when it was exported (so they are not compiled again here).
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
            // Compiling every pattern is the slow part of validation (hundreds of milliseconds in
            // WebAssembly): done for the source packs; a shipped bundle was compiled at export.
            if !require_tests {
                continue;
            }
            match regex::RegexBuilder::new(&pattern::prepare(p)).size_limit(PATTERN_SIZE_LIMIT).build() {
                Err(e) => bad(format!("bad pattern `{p}`: {}", e.to_string().lines().last().unwrap_or(""))),
                Ok(re) if re.is_match("") => bad(format!("pattern `{p}` matches empty text")),
                Ok(_) => {}
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
    for r in &pack.data.routes {
        for ind in &r.sectors {
            if !ids.contains(ind.as_str()) {
                out.push(Issue {
                    origin: Origin { file: "data/routes.toml".into(), line: 0 },
                    rule: Some(format!("{}->{}", r.origin, r.destination)),
                    message: format!("sector indicator `{ind}` is not in indicators.toml"),
                });
            }
        }
    }
    out
}

// ---- data/help.toml -------------------------------------------------------------------------

fn issue(origin: &Origin, what: &str, message: String) -> Issue {
    Issue { origin: origin.clone(), rule: Some(what.to_string()), message }
}

fn check_country(origin: &Origin, what: &str, c: &str, out: &mut Vec<Issue>) {
    if c != "default" && !(c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())) {
        out.push(issue(origin, what, format!("country `{c}`: write an ISO 3166 code such as `PH`, or `default`")));
    }
}

fn check_lang(origin: &Origin, what: &str, lang: &str, out: &mut Vec<Issue>) {
    if !LANGS.contains(&lang) {
        out.push(issue(origin, what, format!("unknown language `{lang}` (known: {})", LANGS.join(" "))));
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
fn is_date(s: &str) -> bool {
    let p: Vec<&str> = s.split('-').collect();
    p.len() == 3
        && p[0].len() == 4
        && p[1].len() == 2
        && p[2].len() == 2
        && p.iter().all(|x| x.bytes().all(|b| b.is_ascii_digit()))
        && (1..=12).contains(&p[1].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&p[2].parse::<u32>().unwrap_or(0))
}

fn check_sourced(origin: &Origin, what: &str, source: &str, checked: &str, out: &mut Vec<Issue>) {
    if source.trim().is_empty() {
        out.push(issue(origin, what, "`source` is empty: name the page that states this".into()));
    }
    if !is_date(checked) {
        out.push(issue(origin, what, format!("`checked = \"{checked}\"`: write the date it was checked as YYYY-MM-DD")));
    }
}

/// Links the extension opens on a click: one web address (some official sites still lack https).
fn check_link(origin: &Origin, what: &str, link: &str, out: &mut Vec<Issue>) {
    if !(link.starts_with("https://") || link.starts_with("http://")) || link.contains(char::is_whitespace) {
        out.push(issue(origin, what, format!("link `{link}` must be one web address (https://...)")));
    }
}

pub fn help_steps(origin: &Origin, s: &HelpSteps) -> Vec<Issue> {
    let mut out = Vec::new();
    let what = format!("steps.{}", s.lang);
    check_lang(origin, &what, &s.lang, &mut out);
    if s.items.is_empty() || s.items.iter().any(|i| i.trim().is_empty()) {
        out.push(issue(origin, &what, "`items` must list the steps, none empty".into()));
    }
    out
}

pub fn verify(origin: &Origin, v: &Verify) -> Vec<Issue> {
    let mut out = Vec::new();
    let what = format!("verify.{}.{}", v.country, v.lang);
    check_country(origin, &what, &v.country, &mut out);
    check_lang(origin, &what, &v.lang, &mut out);
    if v.title.trim().is_empty() || v.steps.is_empty() || v.steps.iter().any(|i| i.trim().is_empty()) {
        out.push(issue(origin, &what, "needs a `title` and non-empty `steps`".into()));
    }
    if let Some(l) = &v.link {
        check_link(origin, &what, l, &mut out);
    }
    check_sourced(origin, &what, &v.source, &v.checked, &mut out);
    out
}

pub fn hotline(origin: &Origin, h: &Hotline) -> Vec<Issue> {
    let mut out = Vec::new();
    let what = format!("hotline.{}.{}", h.country, h.contact);
    check_country(origin, &what, &h.country, &mut out);
    if !HOTLINE_KINDS.contains(&h.kind.as_str()) {
        out.push(issue(origin, &what, format!("kind `{}`: one of {}", h.kind, HOTLINE_KINDS.join(", "))));
    }
    if h.name.trim().is_empty() {
        out.push(issue(origin, &what, "`name` (English) is empty".into()));
    }
    for lang in h.names.keys() {
        check_lang(origin, &what, lang, &mut out);
    }
    let c = h.contact.trim();
    let dialable = !c.is_empty() && c.chars().all(|ch| ch.is_ascii_digit() || " +-()".contains(ch));
    if c.starts_with("http://") || c.starts_with("https://") {
        check_link(origin, &what, c, &mut out);
    } else if !dialable {
        out.push(issue(origin, &what, format!("contact `{c}`: a number to dial (digits, spaces, + - ( )) or a web address")));
    }
    check_sourced(origin, &what, &h.source, &h.checked, &mut out);
    out
}
