//! The WebAssembly surface (wasm-bindgen), used by the extension's service worker. Coarse-grained:
//! build an engine once from the JSON bundle (`lurelens rules export`), then scan one text or a
//! batch. Results are plain JS objects (serde-wasm-bindgen); spans are UTF-16 offsets that index
//! the JS strings passed in. Errors are thrown as JS `Error`s with the message of the Rust error.

use crate::report::Unit;
use crate::rules::{RulePack, Text};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[derive(Deserialize, Default)]
#[serde(default)]
struct Options {
    /// Reader's country (ISO alpha-2) for banned-route rules.
    origin: Option<String>,
    /// Language of the explanations.
    lang: Option<String>,
}

#[derive(Deserialize)]
struct Item {
    id: serde_json::Value,
    text: String,
}

#[derive(Serialize)]
struct JsFinding<'a> {
    rule: &'a str,
    indicator: &'a str,
    weight: u32,
    counted: bool,
    legit: bool,
    spans: &'a [[usize; 2]],
    title: &'a str,
    why: &'a str,
    action: &'a str,
}

#[derive(Serialize)]
struct JsCombo<'a> {
    id: &'a str,
    weight: u32,
    indicators: &'a [String],
    title: &'a str,
    why: &'a str,
    action: &'a str,
}

#[derive(Serialize)]
struct JsReport<'a> {
    score: u32,
    level: &'static str,
    discount: u32,
    findings: Vec<JsFinding<'a>>,
    combos: Vec<JsCombo<'a>>,
}

#[derive(Serialize)]
struct JsItem<'a> {
    id: serde_json::Value,
    #[serde(flatten)]
    report: JsReport<'a>,
}

fn error(msg: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&msg.to_string()).into()
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(error)
}

const EMPTY: &str = "";

/// The engine, built once per service-worker life.
#[wasm_bindgen]
pub struct Engine {
    inner: crate::Engine,
}

#[wasm_bindgen]
impl Engine {
    /// Builds the engine from the rule bundle JSON. Throws if the bundle is malformed.
    #[wasm_bindgen(constructor)]
    pub fn new(bundle_json: &str) -> Result<Engine, JsValue> {
        let pack: RulePack = serde_json::from_str(bundle_json).map_err(|e| error(format!("rule bundle: {e}")))?;
        if pack.schema_version != crate::rules::SCHEMA_VERSION {
            return Err(error(format!("rule bundle: schema_version {} is not supported", pack.schema_version)));
        }
        let problems = crate::rules::validate::validate(&pack);
        if let Some(p) = problems.first() {
            return Err(error(format!("rule bundle: {}: {}: {}", p.origin, p.rule.as_deref().unwrap_or("-"), p.message)));
        }
        let inner = crate::Engine::build(pack).map_err(error)?;
        Ok(Engine { inner })
    }

    fn report<'a>(&'a self, text: &str, opts: &Options, lang: &str) -> (crate::Report, &'a Self) {
        let _ = lang;
        let o = crate::ScanOptions { origin: opts.origin.clone() };
        (self.inner.scan(text, &o).convert(text, Unit::Utf16), self)
    }

    fn explain<'a>(&'a self, report: &'a crate::Report, lang: &str) -> JsReport<'a> {
        let blank = |t: Option<&'a Text>| t.map(|t| (t.title.as_str(), t.why.as_str(), t.action.as_str())).unwrap_or((EMPTY, EMPTY, EMPTY));
        let pack = self.inner.pack();
        JsReport {
            score: report.score,
            level: report.level.as_str(),
            discount: report.discount,
            findings: report
                .findings
                .iter()
                .map(|f| {
                    let (title, why, action) = blank(self.inner.explain(&f.rule, lang));
                    let legit = pack.indicator(&f.indicator).is_some_and(|i| i.is_legit());
                    JsFinding { rule: &f.rule, indicator: &f.indicator, weight: f.weight, counted: f.counted, legit, spans: &f.spans, title, why, action }
                })
                .collect(),
            combos: report
                .combos
                .iter()
                .map(|c| {
                    let (title, why, action) = blank(self.inner.explain_combo(&c.id, lang));
                    JsCombo { id: &c.id, weight: c.weight, indicators: &c.indicators, title, why, action }
                })
                .collect(),
        }
    }

    /// Scans one text. `options`: `{ origin?: "PH", lang?: "th" }`. Returns
    /// `{ score, level, discount, findings: [{ rule, indicator, weight, counted, legit, spans, title, why, action }], combos }`.
    pub fn scan(&self, text: &str, options: JsValue) -> Result<JsValue, JsValue> {
        let opts: Options = if options.is_undefined() || options.is_null() { Options::default() } else { serde_wasm_bindgen::from_value(options).map_err(error)? };
        let lang = opts.lang.clone().unwrap_or_else(|| "en".into());
        let (report, _) = self.report(text, &opts, &lang);
        to_js(&self.explain(&report, &lang))
    }

    /// Scans `[{ id, text }, ...]`; returns `[{ id, score, level, ... }, ...]` in the same order.
    #[wasm_bindgen(js_name = scanBatch)]
    pub fn scan_batch(&self, items: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let items: Vec<Item> = serde_wasm_bindgen::from_value(items).map_err(|e| error(format!("scanBatch: expected [{{id, text}}]: {e}")))?;
        let opts: Options = if options.is_undefined() || options.is_null() { Options::default() } else { serde_wasm_bindgen::from_value(options).map_err(error)? };
        let lang = opts.lang.clone().unwrap_or_else(|| "en".into());
        let reports: Vec<crate::Report> = items.iter().map(|i| self.report(&i.text, &opts, &lang).0).collect();
        let out: Vec<JsItem> = items.into_iter().zip(reports.iter()).map(|(i, r)| JsItem { id: i.id, report: self.explain(r, &lang) }).collect();
        to_js(&out)
    }

    /// `{ version, rules, combos, indicators, languages, ratesDate }`.
    pub fn info(&self) -> Result<JsValue, JsValue> {
        let p = self.inner.pack();
        let mut languages: Vec<&str> = vec!["en"];
        languages.extend(p.indicator_text.keys().map(String::as_str).filter(|l| *l != "en"));
        to_js(&serde_json::json!({
            "version": env!("CARGO_PKG_VERSION"),
            "rules": p.rules.len(),
            "combos": p.combos.len(),
            "indicators": p.indicators.len(),
            "languages": languages,
            "ratesDate": p.data.currencies.rates_date,
        }))
    }

    /// The card of an indicator in `lang` (English if that language has none): `{ title, why, action }`.
    pub fn card(&self, indicator: &str, lang: &str) -> Result<JsValue, JsValue> {
        let p = self.inner.pack();
        to_js(&p.card(indicator, lang).or_else(|| p.card(indicator, "en")))
    }

    /// Verification steps and hotlines (`data/help.toml`), as is.
    pub fn help(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.pack().help)
    }
}
