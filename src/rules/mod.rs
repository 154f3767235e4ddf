//! The rule-pack layer: the data model of `rules/` (see `rules/README.md`), its validation, and
//! (natively) its loading from TOML files with every problem located at file:line.
//!
//! A [`RulePack`] is plain data: it serialises to the JSON bundle the extension ships, and
//! deserialises from it inside WebAssembly, where no TOML parser is compiled in.

#[cfg(not(target_arch = "wasm32"))]
pub mod load;
pub mod validate;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The only schema version this build understands.
pub const SCHEMA_VERSION: u32 = 1;

/// The languages a pack may be written in (rules/README.md, "Language codes").
pub const LANGS: &[&str] = &["en", "th", "vi", "km", "my", "lo", "id", "ms", "tl", "zh", "ja", "ko"];

/// Where a rule (or other item) came from, for error messages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// Title, why it matters, and what to do: the explanation of one sign in one language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub title: String,
    pub why: String,
    pub action: String,
}

/// Strength of an indicator, as in `shared/domain/indicators.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Strength {
    S,
    M,
    W,
    C,
    L,
}

/// One entry of `indicators.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub strength: Strength,
    #[serde(default)]
    pub section: String,
    #[serde(default)]
    pub reference: String,
    /// The item of the ILO frameworks this sign evidences (shown to trainers).
    #[serde(default)]
    pub ilo: String,
    #[serde(default)]
    pub text: BTreeMap<String, Text>,
}

impl Indicator {
    /// Legitimacy signals (L1–L5) subtract from the score.
    pub fn is_legit(&self) -> bool {
        self.strength == Strength::L
    }
}

/// `[rule.money]`: a stated pay above a level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoneyCond {
    #[serde(default)]
    pub min_usd_month: Option<f64>,
    #[serde(default)]
    pub min_ratio: Option<f64>,
}

/// `[rule.place]`: a place of the gazetteer is named.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceCond {
    #[serde(default)]
    pub kinds: Vec<String>,
    #[serde(default)]
    pub countries: Vec<String>,
}

/// `[rule.contact]`: a contact handle on one of these channels.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactCond {
    pub channels: Vec<String>,
}

/// `[rule.route]`: a destination with a ban / no agreement for the reader's origin.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteCond {
    #[serde(default = "yes")]
    pub banned: bool,
    /// Only routes with one of these statuses (`ban`, `no-agreement`); empty = any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status: Vec<String>,
}

fn yes() -> bool {
    true
}

/// A `match` test case: a text, optionally with the evidence it must produce.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum MatchCase {
    Text(String),
    Pinned {
        text: String,
        #[serde(default)]
        evidence: Vec<String>,
    },
}

impl MatchCase {
    pub fn text(&self) -> &str {
        match self {
            MatchCase::Text(t) => t,
            MatchCase::Pinned { text, .. } => text,
        }
    }
    pub fn evidence(&self) -> &[String] {
        match self {
            MatchCase::Text(_) => &[],
            MatchCase::Pinned { evidence, .. } => evidence,
        }
    }
}

/// `[rule.test]` / `[combo.test]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tests {
    #[serde(default, rename = "match")]
    pub matches: Vec<MatchCase>,
    #[serde(default)]
    pub no_match: Vec<String>,
    /// The reader's country the cases are scanned for (route rules), e.g. `"PH"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

/// One `[[rule]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub indicator: String,
    pub weight: u32,
    #[serde(default)]
    pub langs: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phrases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub patterns: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub money: Option<MoneyCond>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<PlaceCond>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<ContactCond>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<RouteCond>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub text: BTreeMap<String, Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test: Option<Tests>,
    #[serde(default)]
    pub origin: Origin,
}

/// One `[[combo]]` of `combos.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Combo {
    pub id: String,
    pub indicators: Vec<String>,
    #[serde(default)]
    pub min: Option<usize>,
    pub weight: u32,
    #[serde(default)]
    pub text: BTreeMap<String, Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test: Option<Tests>,
    #[serde(default)]
    pub origin: Origin,
}

impl Combo {
    pub fn needed(&self) -> usize {
        self.min.unwrap_or(self.indicators.len())
    }
}

/// `scoring.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    pub low: u32,
    pub medium: u32,
    pub high: u32,
    pub max_discount: u32,
    pub protected: Vec<String>,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring { low: 15, medium: 40, high: 70, max_discount: 30, protected: Vec::new() }
    }
}

/// One entry of `data/places.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    pub kind: String,
    pub country: String,
    pub names: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A currency of `data/currencies.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Currency {
    pub code: String,
    /// US dollars for one unit.
    pub usd: f64,
    /// Written before the amount: `$`, `rm`, `₱`, `us$`.
    #[serde(default)]
    pub before: Vec<String>,
    /// Written after the amount: `baht`, `บาท`, `usd`, `元`.
    #[serde(default)]
    pub after: Vec<String>,
}

/// A number word: `k`, `triệu`, `万`, `juta`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Multiplier {
    pub words: Vec<String>,
    pub value: f64,
    /// The currency the word implies when none is written (`triệu` → VND).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// A pay period: how many of it make a month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub name: String,
    pub per_month: f64,
    /// Written after the amount: `/month`, `ต่อเดือน`, `/tháng`.
    #[serde(default)]
    pub after: Vec<String>,
    /// Written before the amount: `月薪`, `เงินเดือน`, `월`.
    #[serde(default)]
    pub before: Vec<String>,
}

/// `data/currencies.toml`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Currencies {
    pub rates_date: String,
    pub rates_source: String,
    pub currency: Vec<Currency>,
    #[serde(default)]
    pub multiplier: Vec<Multiplier>,
    #[serde(default)]
    pub period: Vec<Period>,
    /// Script name (`thai`, `han`, ...) → currency implied when an amount has none written.
    #[serde(default)]
    pub script_default: BTreeMap<String, String>,
}

/// A row of `data/pay-norms.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayNorm {
    pub country: String,
    pub usd_month: f64,
    #[serde(default)]
    pub basis: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub as_of: String,
}

/// A row of `data/routes.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub origin: String,
    pub destination: String,
    pub status: String,
    /// When the ban covers only some work (the Philippines' Cambodia suspension is for the
    /// business-process sector): indicators of that work (e.g. `R03` office roles, `R04` casino);
    /// the route counts only when the post shows one of them. Empty: every job.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub as_of: String,
}

/// A contact channel of `data/channels.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub id: String,
    /// Regular expressions (normalised text) whose matches are a handle or link on this channel.
    pub patterns: Vec<String>,
}

/// Everything under `data/`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Data {
    #[serde(default)]
    pub places: Vec<Place>,
    #[serde(default)]
    pub currencies: Currencies,
    #[serde(default)]
    pub pay_norms: Vec<PayNorm>,
    #[serde(default)]
    pub routes: Vec<Route>,
    #[serde(default)]
    pub origin_by_lang: BTreeMap<String, String>,
    #[serde(default)]
    pub channels: Vec<Channel>,
}

/// `data/help.toml`: the advice shown under every warning. Phone numbers on a frightened reader's
/// screen must be right, so every entry names its source and the date it was checked.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Help {
    /// Generic steps, one list per language.
    #[serde(default)]
    pub steps: Vec<HelpSteps>,
    /// How to verify an agency or a job order, per reader's country and language.
    #[serde(default)]
    pub verify: Vec<Verify>,
    #[serde(default)]
    pub hotline: Vec<Hotline>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpSteps {
    pub lang: String,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verify {
    /// ISO 3166 alpha-2 of the reader's country, or `default`.
    pub country: String,
    pub lang: String,
    pub title: String,
    pub steps: Vec<String>,
    /// The official page where the check is done: opened only when the reader clicks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    pub source: String,
    /// `YYYY-MM-DD`: when the entry was checked against its source.
    pub checked: String,
}

/// Kinds of help line, in the order the extension lists them.
pub const HOTLINE_KINDS: &[&str] = &["trafficking", "migrant", "labour", "scam", "police", "embassy"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hotline {
    pub country: String,
    /// One of [`HOTLINE_KINDS`].
    pub kind: String,
    /// The name in English.
    pub name: String,
    /// The name in other languages: language code → name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
    /// What to dial or open: a short code, an international number or an official https URL.
    pub contact: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    pub source: String,
    pub checked: String,
}

/// All rule packs of a `rules/` folder, merged: the input of [`crate::engine::Engine::build`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RulePack {
    pub schema_version: u32,
    pub indicators: Vec<Indicator>,
    pub rules: Vec<Rule>,
    #[serde(default)]
    pub combos: Vec<Combo>,
    #[serde(default)]
    pub scoring: Scoring,
    /// language → indicator id → card.
    #[serde(default)]
    pub indicator_text: BTreeMap<String, BTreeMap<String, Text>>,
    #[serde(default)]
    pub data: Data,
    /// `data/help.toml`: what to do and whom to call, by the reader's country.
    #[serde(default)]
    pub help: Help,
}

impl RulePack {
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The explanation of a rule for a reader of `lang`: the rule's own text in that language, the
    /// indicator's card in that language, then the same in English.
    pub fn rule_text<'a>(&'a self, rule: &'a Rule, lang: &str) -> Option<&'a Text> {
        rule.text
            .get(lang)
            .or_else(|| self.card(&rule.indicator, lang))
            .or_else(|| rule.text.get("en"))
            .or_else(|| self.card(&rule.indicator, "en"))
    }

    /// The indicator card in `lang` only (no fallback).
    pub fn card<'a>(&'a self, indicator: &str, lang: &str) -> Option<&'a Text> {
        if lang == "en" {
            if let Some(t) = self.indicator(indicator).and_then(|i| i.text.get("en")) {
                return Some(t);
            }
        }
        self.indicator_text.get(lang).and_then(|m| m.get(indicator))
    }

    /// A copy without the test cases, sources and notes: what the extension needs.
    pub fn for_shipping(&self) -> RulePack {
        let mut p = self.clone();
        for r in &mut p.rules {
            r.test = None;
            r.note = None;
            r.sources.clear();
        }
        for c in &mut p.combos {
            c.test = None;
        }
        p
    }
}
