//! The engine: a [`RulePack`] compiled once into matchers, then used to scan any number of texts.
//!
//! One scan = normalise → extract facts → one Aho-Corasick pass for every phrase of every rule →
//! one Aho-Corasick pass over the patterns' required literals (`gate`) → only the patterns that
//! can match run → extractor
//! rules → score. Nothing is compiled per scan; the engine is immutable and deterministic.

use crate::extract::{stands_alone, ExtractError, Extractors, Facts};
use crate::gate::Gated;
use crate::pattern;
use crate::report::{ComboHit, Finding, Level, Report};
use crate::rules::{validate::PATTERN_SIZE_LIMIT, RulePack, Text};
use crate::text::{self, is_word_char};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::BTreeMap;

/// Most evidence spans kept per finding.
pub const MAX_SPANS_PER_FINDING: usize = 16;

/// A problem compiling a rule pack.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BuildError {
    #[error("{origin}: {rule}: bad pattern `{pattern}`: {message}")]
    Pattern { origin: String, rule: String, pattern: String, message: String },
    #[error("the phrase matcher could not be built: {0}")]
    Phrases(String),
    #[error("the pattern prefilter could not be built: {0}")]
    PatternSet(String),
    #[error(transparent)]
    Extract(#[from] ExtractError),
}

/// Options of one scan.
#[derive(Debug, Clone, Default)]
pub struct ScanOptions {
    /// The reader's country (ISO 3166 alpha-2), for route rules (R07).
    pub origin: Option<String>,
}

/// The compiled engine.
#[derive(Debug, Clone)]
pub struct Engine {
    pack: RulePack,
    phrases: Option<AhoCorasick>,
    /// For each phrase: (rule index, check start edge, check end edge).
    phrase_rule: Vec<(usize, bool, bool)>,
    /// Every pattern of every rule behind one literal prefilter.
    patterns: Gated,
    /// For each pattern: its rule index.
    pattern_rule: Vec<usize>,
    extractors: Extractors,
    norms: BTreeMap<String, f64>,
    default_norm: f64,
    indicator_pos: BTreeMap<String, usize>,
    /// For each rule: the scripts a text must contain for its findings to count (see [`Scripts`]).
    rule_scripts: Vec<Scripts>,
}

/// The writing systems of the unspaced-script packs, as a bit set. A rule whose languages all use
/// one of them (th, lo, km, my, zh, ja, ko) is written for posts in that script: its findings
/// count only when the text contains it. Without this, the English words those packs carry
/// ("customer service", "urgent") would fire on every English job ad a second time, at the
/// weight chosen for a Khmer or Lao post. Latin-script packs (en, vi, id, ms, tl) have no gate:
/// their posts mix English freely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Scripts(u8);

impl Scripts {
    const THAI: u8 = 1;
    const LAO: u8 = 2;
    const KHMER: u8 = 4;
    const MYANMAR: u8 = 8;
    const HAN: u8 = 16;
    const KANA: u8 = 32;
    const HANGUL: u8 = 64;

    fn of_lang(lang: &str) -> Option<u8> {
        Some(match lang {
            "th" => Self::THAI,
            "lo" => Self::LAO,
            "km" => Self::KHMER,
            "my" => Self::MYANMAR,
            "zh" => Self::HAN,
            "ja" => Self::HAN | Self::KANA,
            "ko" => Self::HANGUL,
            _ => return None,
        })
    }

    /// The gate of a rule: empty (always counts) when any of its languages is written in Latin.
    fn of_rule(langs: &[String]) -> Scripts {
        let mut bits = 0;
        for l in langs {
            match Self::of_lang(l) {
                Some(b) => bits |= b,
                None => return Scripts(0),
            }
        }
        Scripts(bits)
    }

    /// The scripts present in `text` (one pass over its characters).
    fn of_text(text: &str) -> Scripts {
        let mut bits = 0;
        for c in text.chars() {
            if c.is_ascii() {
                continue;
            }
            bits |= match c as u32 {
                0x0E00..=0x0E7F => Self::THAI,
                0x0E80..=0x0EFF => Self::LAO,
                0x1780..=0x17FF | 0x19E0..=0x19FF => Self::KHMER,
                0x1000..=0x109F | 0xAA60..=0xAA7F => Self::MYANMAR,
                0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Self::HAN,
                0x3040..=0x30FF => Self::KANA,
                0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Self::HANGUL,
                _ => 0,
            };
        }
        Scripts(bits)
    }

    /// Whether a rule with this gate counts on a text with `present` scripts.
    fn admits(self, present: Scripts) -> bool {
        self.0 == 0 || self.0 & present.0 != 0
    }
}

impl Engine {
    /// Compiles `pack`. The pack should have been validated (the loader does this).
    pub fn build(pack: RulePack) -> Result<Engine, BuildError> {
        let mut phrase_texts = Vec::new();
        let mut phrase_rule = Vec::new();
        let mut sources = Vec::new();
        let mut pattern_rule = Vec::new();
        for (i, r) in pack.rules.iter().enumerate() {
            for p in &r.phrases {
                let f = text::normalize(p).text;
                if f.is_empty() {
                    continue;
                }
                let s = f.chars().next().is_some_and(is_word_char);
                let e = f.chars().last().is_some_and(is_word_char);
                phrase_texts.push(f);
                phrase_rule.push((i, s, e));
            }
            for p in &r.patterns {
                sources.push(pattern::prepare(p));
                pattern_rule.push(i);
            }
        }
        let phrases = if phrase_texts.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&phrase_texts)
                    .map_err(|e| BuildError::Phrases(e.to_string()))?,
            )
        };
        let patterns = Gated::new(sources, PATTERN_SIZE_LIMIT).map_err(|(i, message)| match pattern_rule.get(i) {
            Some(&r) => {
                let rule = &pack.rules[r];
                let nth = pattern_rule[..i].iter().filter(|&&x| x == r).count();
                BuildError::Pattern {
                    origin: rule.origin.to_string(),
                    rule: rule.id.clone(),
                    pattern: rule.patterns.get(nth).cloned().unwrap_or_default(),
                    message,
                }
            }
            None => BuildError::PatternSet(message),
        })?;
        let extractors = Extractors::build(&pack.data)?;
        let mut norms = BTreeMap::new();
        let mut default_norm = 600.0;
        for n in &pack.data.pay_norms {
            if n.country == "default" {
                default_norm = n.usd_month;
            } else {
                norms.insert(n.country.clone(), n.usd_month);
            }
        }
        let indicator_pos = pack.indicators.iter().enumerate().map(|(i, x)| (x.id.clone(), i)).collect();
        let rule_scripts = pack.rules.iter().map(|r| Scripts::of_rule(&r.langs)).collect();
        Ok(Engine { pack, phrases, phrase_rule, patterns, pattern_rule, extractors, norms, default_norm, indicator_pos, rule_scripts })
    }

    pub fn pack(&self) -> &RulePack {
        &self.pack
    }

    /// Rules in the engine.
    pub fn rule_count(&self) -> usize {
        self.pack.rules.len()
    }

    /// (patterns, patterns without a usable literal, which run on every text).
    pub fn pattern_counts(&self) -> (usize, usize) {
        (self.patterns.len(), self.patterns.unfiltered())
    }

    /// The explanation of a finding for a reader of `lang` (falls back to English).
    pub fn explain(&self, rule_id: &str, lang: &str) -> Option<&Text> {
        let r = self.pack.rules.iter().find(|r| r.id == rule_id)?;
        self.pack.rule_text(r, lang)
    }

    /// The explanation of a combination for `lang` (falls back to English).
    pub fn explain_combo(&self, combo_id: &str, lang: &str) -> Option<&Text> {
        let c = self.pack.combos.iter().find(|c| c.id == combo_id)?;
        c.text.get(lang).or_else(|| c.text.get("en"))
    }

    /// The reader's country implied by a post language (`data/routes.toml` `origin_by_lang`).
    pub fn origin_for_lang(&self, lang: &str) -> Option<String> {
        self.pack.data.origin_by_lang.get(lang).cloned()
    }

    fn pay_norm(&self, facts: &Facts) -> f64 {
        facts
            .countries()
            .iter()
            .filter_map(|c| self.norms.get(*c))
            .copied()
            .fold(None, |m: Option<f64>, x| Some(m.map_or(x, |m| m.max(x))))
            .unwrap_or(self.default_norm)
    }

    /// Scans `input`. Spans of the report are byte offsets into `input`; use
    /// [`Report::convert`] for code points or UTF-16.
    pub fn scan(&self, input: &str, opts: &ScanOptions) -> Report {
        let norm = text::normalize(input);
        let t = norm.text.as_str();
        let mut spans: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.pack.rules.len()];

        if let Some(ac) = &self.phrases {
            for m in ac.find_overlapping_iter(t) {
                let (rule, s, e) = self.phrase_rule[m.pattern().as_usize()];
                if stands_alone(t, m.start(), m.end(), s, e) {
                    spans[rule].push((m.start(), m.end()));
                }
            }
        }
        // Patterns of rules whose script is absent are not run at all (their findings would not count).
        let present = Scripts::of_text(t);
        let admitted = |i: usize| self.rule_scripts[self.pattern_rule[i]].admits(present);
        self.patterns.matches(t, admitted, MAX_SPANS_PER_FINDING, |i, start, end| {
            spans[self.pattern_rule[i]].push((start, end));
        });
        let facts = self.extractors.extract(t);
        let norm_usd = self.pay_norm(&facts);
        for (i, r) in self.pack.rules.iter().enumerate() {
            if let Some(m) = &r.money {
                for f in &facts.money {
                    let over_min = m.min_usd_month.is_none_or(|min| f.usd_month >= min);
                    let over_ratio = m.min_ratio.is_none_or(|ratio| f.usd_month >= ratio * norm_usd);
                    if over_min && over_ratio {
                        spans[i].push(f.span);
                    }
                }
            }
            if let Some(p) = &r.place {
                for h in &facts.places {
                    let kind_ok = p.kinds.is_empty() || p.kinds.contains(&h.kind);
                    let country_ok = p.countries.is_empty() || p.countries.contains(&h.country);
                    // The reader's own country named as a country is a job at home, not abroad (a
                    // Yangon ad saying "Myanmar"); its scam-hub towns still count.
                    let at_home = h.kind == "country" && opts.origin.as_deref() == Some(h.country.as_str());
                    if kind_ok && country_ok && !at_home {
                        spans[i].push(h.span);
                    }
                }
            }
            if let Some(c) = &r.contact {
                for h in &facts.contacts {
                    if c.channels.contains(&h.channel) {
                        spans[i].push(h.span);
                    }
                }
            }
        }
        for (s, gate) in spans.iter_mut().zip(&self.rule_scripts) {
            if !gate.admits(present) {
                s.clear();
            }
        }
        // Route rules last: a ban limited to some sectors needs the other findings.
        if let Some(origin) = &opts.origin {
            let shown: Vec<&str> =
                spans.iter().zip(&self.pack.rules).filter(|(s, _)| !s.is_empty()).map(|(_, r)| r.indicator.as_str()).collect();
            for (i, r) in self.pack.rules.iter().enumerate() {
                let Some(route) = r.route.as_ref().filter(|x| x.banned) else { continue };
                for h in &facts.places {
                    let banned = self.pack.data.routes.iter().any(|x| {
                        &x.origin == origin
                            && x.destination == h.country
                            && (route.status.is_empty() || route.status.contains(&x.status))
                            && (x.sectors.is_empty() || x.sectors.iter().any(|ind| shown.contains(&ind.as_str())))
                    });
                    if banned {
                        spans[i].push(h.span);
                    }
                }
            }
        }
        self.score(&norm, spans)
    }

    fn score(&self, norm: &text::Normalized, spans: Vec<Vec<(usize, usize)>>) -> Report {
        let mut findings = Vec::new();
        // indicator → (index into findings of the strongest, weight)
        let mut best: BTreeMap<&str, (usize, u32)> = BTreeMap::new();
        for (i, mut s) in spans.into_iter().enumerate() {
            if s.is_empty() {
                continue;
            }
            let r = &self.pack.rules[i];
            // Distinct spans in order; overlapping ones are kept apart so that each phrase and
            // pattern keeps its own evidence (the overlay draws them as one highlight anyway).
            s.sort_unstable();
            s.dedup();
            let mut merged = s;
            merged.truncate(MAX_SPANS_PER_FINDING);
            let spans = merged
                .into_iter()
                .map(|(a, b)| {
                    let (x, y) = norm.original_range(a, b);
                    [x, y]
                })
                .collect();
            let idx = findings.len();
            findings.push(Finding { rule: r.id.clone(), indicator: r.indicator.clone(), weight: r.weight, spans, counted: false });
            let e = best.entry(r.indicator.as_str()).or_insert((idx, 0));
            if r.weight > e.1 {
                *e = (idx, r.weight);
            }
        }
        for (idx, _) in best.values() {
            findings[*idx].counted = true;
        }
        let sc = &self.pack.scoring;
        let (mut raw, mut legit, mut floor) = (0u32, 0u32, 0u32);
        for (ind, (_, w)) in &best {
            let is_legit = self.indicator_pos.get(*ind).map(|&p| self.pack.indicators[p].is_legit()).unwrap_or(false);
            if is_legit {
                legit += w;
            } else {
                raw += w;
                if sc.protected.iter().any(|p| p == ind) {
                    floor = floor.max(*w);
                }
            }
        }
        let mut combos = Vec::new();
        for c in &self.pack.combos {
            let present: Vec<String> = c.indicators.iter().filter(|i| best.contains_key(i.as_str())).cloned().collect();
            if present.len() >= c.needed() {
                raw += c.weight;
                combos.push(ComboHit { id: c.id.clone(), weight: c.weight, indicators: present });
            }
        }
        let discount = legit.min(sc.max_discount).min(raw);
        let score = raw.saturating_sub(discount).max(floor.min(raw)).min(100);
        let level = if score >= sc.high {
            Level::High
        } else if score >= sc.medium {
            Level::Medium
        } else if score >= sc.low {
            Level::Low
        } else {
            Level::None
        };
        // Strongest first, then by rule id: stable output.
        findings.sort_by(|a, b| b.weight.cmp(&a.weight).then_with(|| a.rule.cmp(&b.rule)));
        Report { score, level, findings, combos, discount }
    }
}
