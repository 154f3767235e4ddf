//! The WebAssembly surface (wasm-bindgen), used by the extension's service worker. Coarse-grained:
//! build an engine once from the JSON bundle (`lurelens rules export`), then scan one text or a
//! batch. Results are plain JS objects (serde-wasm-bindgen); spans are UTF-16 offsets that index
//! the JS strings passed in. Errors are thrown as JS `Error`s with the message of the Rust error.

use crate::report::Unit;
use crate::rules::{RulePack, Strength, Text};
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
    /// The indicator's strength (`S`, `M`, `W`, `C`, `L`) and ILO reference, for the annotate-all view.
    strength: Strength,
    ilo: &'a str,
}

/// One indicator card of the catalogue (the trainer's handout and the annotate-all view).
#[derive(Serialize)]
struct JsCard<'a> {
    id: &'a str,
    name: &'a str,
    strength: Strength,
    ilo: &'a str,
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
        let problems = crate::rules::validate::validate_with(&pack, false);
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
                    let ind = pack.indicator(&f.indicator);
                    let legit = ind.is_some_and(|i| i.is_legit());
                    JsFinding {
                        rule: &f.rule,
                        indicator: &f.indicator,
                        weight: f.weight,
                        counted: f.counted,
                        legit,
                        spans: &f.spans,
                        title,
                        why,
                        action,
                        strength: ind.map_or(Strength::W, |i| i.strength),
                        ilo: ind.map_or(EMPTY, |i| i.ilo.as_str()),
                    }
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
        let opts: Options = if options.is_undefined() || options.is_null() {
            Options::default()
        } else {
            serde_wasm_bindgen::from_value(options).map_err(error)?
        };
        let lang = opts.lang.clone().unwrap_or_else(|| "en".into());
        let (report, _) = self.report(text, &opts, &lang);
        to_js(&self.explain(&report, &lang))
    }

    /// Scans `[{ id, text }, ...]`; returns `[{ id, score, level, ... }, ...]` in the same order.
    #[wasm_bindgen(js_name = scanBatch)]
    pub fn scan_batch(&self, items: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let items: Vec<Item> =
            serde_wasm_bindgen::from_value(items).map_err(|e| error(format!("scanBatch: expected [{{id, text}}]: {e}")))?;
        let opts: Options = if options.is_undefined() || options.is_null() {
            Options::default()
        } else {
            serde_wasm_bindgen::from_value(options).map_err(error)?
        };
        let lang = opts.lang.clone().unwrap_or_else(|| "en".into());
        let reports: Vec<crate::Report> = items.iter().map(|i| self.report(&i.text, &opts, &lang).0).collect();
        let out: Vec<JsItem> =
            items.into_iter().zip(reports.iter()).map(|(i, r)| JsItem { id: i.id, report: self.explain(r, &lang) }).collect();
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

    /// Every indicator's card in `lang` (English where that language has none), catalogue order.
    pub fn catalogue(&self, lang: &str) -> Result<JsValue, JsValue> {
        let p = self.inner.pack();
        let cards: Vec<JsCard> = p
            .indicators
            .iter()
            .map(|i| {
                let t = p.card(&i.id, lang).or_else(|| p.card(&i.id, "en"));
                JsCard {
                    id: &i.id,
                    name: &i.name,
                    strength: i.strength,
                    ilo: &i.ilo,
                    title: t.map_or(EMPTY, |t| t.title.as_str()),
                    why: t.map_or(EMPTY, |t| t.why.as_str()),
                    action: t.map_or(EMPTY, |t| t.action.as_str()),
                }
            })
            .collect();
        to_js(&cards)
    }

    /// Verification steps and hotlines (`data/help.toml`), as is.
    pub fn help(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.pack().help)
    }
}

/// wasm-bindgen tests of this surface (`wasm-pack test --node -- --lib`): the engine is built from
/// the exported rule bundle (`make test-wasm` writes target/lurelens-bundle.json first).
#[cfg(test)]
mod tests {
    use super::Engine;
    use wasm_bindgen::JsValue;
    use wasm_bindgen_test::*;

    const BUNDLE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/target/lurelens-bundle.json"));

    fn get(v: &JsValue, key: &str) -> JsValue {
        js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
    }

    #[wasm_bindgen_test]
    fn scans_with_utf16_spans_and_explanations() {
        let e = Engine::new(BUNDLE).unwrap();
        let text = "🔥 Salary $3,000 per month in Cambodia, no experience needed, Telegram @hr_kh88";
        let opts = js_sys::JSON::parse(r#"{"lang":"en"}"#).unwrap();
        let r = e.scan(text, opts).unwrap();
        let level = get(&r, "level").as_string().unwrap();
        assert!(level == "medium" || level == "high", "{level}");
        let findings = js_sys::Array::from(&get(&r, "findings"));
        let r01 = findings.iter().find(|f| get(f, "indicator").as_string().as_deref() == Some("R01")).expect("R01");
        let span = js_sys::Array::from(&js_sys::Array::from(&get(&r01, "spans")).get(0));
        let (s, en) = (span.get(0).as_f64().unwrap() as u32, span.get(1).as_f64().unwrap() as u32);
        let js = js_sys::JsString::from(text);
        assert_eq!(String::from(js.slice(s, en)), "$3,000 per month");
        assert!(!get(&r01, "title").as_string().unwrap().is_empty());
    }

    #[wasm_bindgen_test]
    fn batch_keeps_order_and_ids() {
        let e = Engine::new(BUNDLE).unwrap();
        let items = js_sys::JSON::parse(r#"[{"id":"a","text":"Barista wanted, 12,000 baht per month"},{"id":2,"text":"Work on tourist visa in Cambodia, free flight"}]"#).unwrap();
        let out = js_sys::Array::from(&e.scan_batch(items, JsValue::UNDEFINED).unwrap());
        assert_eq!(out.length(), 2);
        assert_eq!(get(&out.get(0), "id").as_string().as_deref(), Some("a"));
        assert_eq!(get(&out.get(1), "id").as_f64(), Some(2.0));
        assert_eq!(get(&out.get(0), "level").as_string().as_deref(), Some("none"));
    }

    #[wasm_bindgen_test]
    fn a_bad_bundle_is_an_error_not_a_panic() {
        assert!(Engine::new("{not json").is_err());
        assert!(Engine::new(r#"{"schema_version": 99, "indicators": [], "rules": []}"#).is_err());
    }

    #[wasm_bindgen_test]
    fn info_and_cards() {
        let e = Engine::new(BUNDLE).unwrap();
        let info = e.info().unwrap();
        assert!(get(&info, "rules").as_f64().unwrap() > 50.0);
        let card = e.card("R09", "th").unwrap();
        assert!(!get(&card, "title").as_string().unwrap().is_empty());
    }
}
