//! Reading a `rules/` folder from disk (native builds only): every TOML file is parsed, each item
//! deserialised on its own so that one bad rule never hides the others, and every problem is
//! reported with file:line and the rule id.

use super::*;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// One problem found while loading or checking rule packs.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{origin}: {}{message}", rule.as_ref().map(|r| format!("{r}: ")).unwrap_or_default())]
pub struct Problem {
    pub origin: Origin,
    pub rule: Option<String>,
    pub message: String,
}

impl From<validate::Issue> for Problem {
    fn from(v: validate::Issue) -> Self {
        Problem { origin: v.origin, rule: v.rule, message: v.message }
    }
}

impl Problem {
    pub fn new(origin: &Origin, rule: Option<&str>, message: impl Into<String>) -> Self {
        Problem { origin: origin.clone(), rule: rule.map(str::to_string), message: message.into() }
    }
}

/// All the problems of a load, at once.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{} problem(s) in the rule packs:\n{}", .0.len(), .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
pub struct Problems(pub Vec<Problem>);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    schema_version: Option<u32>,
    lang: Option<String>,
    #[serde(default)]
    rule: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    indicator_text: BTreeMap<String, Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorsFile {
    schema_version: Option<u32>,
    indicator: Vec<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CombosFile {
    schema_version: Option<u32>,
    #[serde(default)]
    combo: Vec<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScoringFile {
    schema_version: Option<u32>,
    low: u32,
    medium: u32,
    high: u32,
    max_discount: u32,
    #[serde(default)]
    protected: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HelpFile {
    schema_version: Option<u32>,
    #[serde(default)]
    steps: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    verify: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    hotline: Vec<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlacesFile {
    schema_version: Option<u32>,
    place: Vec<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CurrenciesFile {
    schema_version: Option<u32>,
    rates_date: String,
    rates_source: String,
    currency: Vec<Currency>,
    #[serde(default)]
    multiplier: Vec<Multiplier>,
    #[serde(default)]
    period: Vec<Period>,
    #[serde(default)]
    script_default: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NormsFile {
    schema_version: Option<u32>,
    norm: Vec<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoutesFile {
    schema_version: Option<u32>,
    #[serde(default)]
    origin_by_lang: BTreeMap<String, String>,
    #[serde(default)]
    route: Vec<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChannelsFile {
    schema_version: Option<u32>,
    channel: Vec<Spanned<toml::Value>>,
}

struct Loader {
    root: PathBuf,
    problems: Vec<Problem>,
}

fn line_of(src: &str, byte: usize) -> usize {
    src.as_bytes()[..byte.min(src.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

impl Loader {
    fn rel(&self, path: &Path) -> String {
        path.strip_prefix(&self.root).map(|p| p.display().to_string()).unwrap_or_else(|_| path.display().to_string())
    }

    fn read<T: DeserializeOwned>(&mut self, path: &Path) -> Option<(String, String, T)> {
        let name = self.rel(path);
        let src = match std::fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                self.problems.push(Problem::new(&Origin { file: name, line: 0 }, None, format!("cannot read: {e}")));
                return None;
            }
        };
        match toml::from_str::<T>(&src) {
            Ok(v) => Some((name, src, v)),
            Err(e) => {
                let line = e.span().map(|s| line_of(&src, s.start)).unwrap_or(0);
                let msg = e.message().to_string();
                self.problems.push(Problem::new(&Origin { file: name, line }, None, msg));
                None
            }
        }
    }

    fn version(&mut self, file: &str, v: Option<u32>) {
        match v {
            Some(SCHEMA_VERSION) => {}
            Some(other) => self.problems.push(Problem::new(
                &Origin { file: file.into(), line: 1 },
                None,
                format!("schema_version {other} is not supported (this build reads {SCHEMA_VERSION})"),
            )),
            None => self.problems.push(Problem::new(
                &Origin { file: file.into(), line: 1 },
                None,
                format!("missing `schema_version = {SCHEMA_VERSION}` at the top"),
            )),
        }
    }

    /// Deserialises each item on its own, so one bad item is reported and the rest still load.
    fn items<T: DeserializeOwned>(&mut self, file: &str, src: &str, items: Vec<Spanned<toml::Value>>) -> Vec<(Origin, T)> {
        let mut out = Vec::new();
        for item in items {
            let origin = Origin { file: file.to_string(), line: line_of(src, item.span().start) };
            let value = item.into_inner();
            let id = value.get("id").and_then(|v| v.as_str()).map(str::to_string);
            match T::deserialize(value) {
                Ok(t) => out.push((origin, t)),
                Err(e) => self.problems.push(Problem::new(&origin, id.as_deref(), e.message().to_string())),
            }
        }
        out
    }
}

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            toml_files(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Loads and validates the rule packs of `dir`. Returns every problem found, not just the first.
pub fn load_dir(dir: &Path) -> Result<RulePack, Problems> {
    let mut l = Loader { root: dir.to_path_buf(), problems: Vec::new() };
    let mut pack = RulePack { schema_version: SCHEMA_VERSION, ..Default::default() };
    if !dir.is_dir() {
        return Err(Problems(vec![Problem::new(&Origin { file: dir.display().to_string(), line: 0 }, None, "not a folder of rule packs")]));
    }

    // The catalogue.
    if let Some((name, src, f)) = l.read::<IndicatorsFile>(&dir.join("indicators.toml")) {
        l.version(&name, f.schema_version);
        for (origin, ind) in l.items::<Indicator>(&name, &src, f.indicator) {
            let _ = origin;
            pack.indicators.push(ind);
        }
    }
    if let Some((name, _src, f)) = l.read::<ScoringFile>(&dir.join("scoring.toml")) {
        l.version(&name, f.schema_version);
        pack.scoring = Scoring { low: f.low, medium: f.medium, high: f.high, max_discount: f.max_discount, protected: f.protected };
    }
    let combos = dir.join("combos.toml");
    if combos.exists() {
        if let Some((name, src, f)) = l.read::<CombosFile>(&combos) {
            l.version(&name, f.schema_version);
            for (origin, mut c) in l.items::<Combo>(&name, &src, f.combo) {
                c.origin = origin;
                pack.combos.push(c);
            }
        }
    }

    // Data.
    let data = dir.join("data");
    if let Some((name, src, f)) = l.read::<PlacesFile>(&data.join("places.toml")) {
        l.version(&name, f.schema_version);
        pack.data.places = l.items::<Place>(&name, &src, f.place).into_iter().map(|(_, p)| p).collect();
    }
    if let Some((name, _src, f)) = l.read::<CurrenciesFile>(&data.join("currencies.toml")) {
        l.version(&name, f.schema_version);
        pack.data.currencies = Currencies {
            rates_date: f.rates_date,
            rates_source: f.rates_source,
            currency: f.currency,
            multiplier: f.multiplier,
            period: f.period,
            script_default: f.script_default,
        };
    }
    if let Some((name, src, f)) = l.read::<NormsFile>(&data.join("pay-norms.toml")) {
        l.version(&name, f.schema_version);
        pack.data.pay_norms = l.items::<PayNorm>(&name, &src, f.norm).into_iter().map(|(_, p)| p).collect();
    }
    if let Some((name, src, f)) = l.read::<RoutesFile>(&data.join("routes.toml")) {
        l.version(&name, f.schema_version);
        pack.data.origin_by_lang = f.origin_by_lang;
        pack.data.routes = l.items::<Route>(&name, &src, f.route).into_iter().map(|(_, p)| p).collect();
    }
    if let Some((name, src, f)) = l.read::<ChannelsFile>(&data.join("channels.toml")) {
        l.version(&name, f.schema_version);
        pack.data.channels = l.items::<Channel>(&name, &src, f.channel).into_iter().map(|(_, p)| p).collect();
    }
    let help = data.join("help.toml");
    if help.exists() {
        if let Some((name, src, f)) = l.read::<HelpFile>(&help) {
            l.version(&name, f.schema_version);
            let mut h = Help::default();
            for (origin, s) in l.items::<HelpSteps>(&name, &src, f.steps) {
                l.problems.extend(validate::help_steps(&origin, &s).into_iter().map(Problem::from));
                h.steps.push(s);
            }
            for (origin, v) in l.items::<Verify>(&name, &src, f.verify) {
                l.problems.extend(validate::verify(&origin, &v).into_iter().map(Problem::from));
                h.verify.push(v);
            }
            for (origin, x) in l.items::<Hotline>(&name, &src, f.hotline) {
                l.problems.extend(validate::hotline(&origin, &x).into_iter().map(Problem::from));
                h.hotline.push(x);
            }
            pack.help = h;
        }
    }

    // Language packs: every other .toml under a sub-folder that is not data/.
    let mut files = Vec::new();
    if let Err(e) = toml_files(dir, &mut files) {
        l.problems.push(Problem::new(&Origin { file: dir.display().to_string(), line: 0 }, None, format!("cannot list: {e}")));
    }
    for path in files {
        let rel = path.strip_prefix(dir).unwrap_or(&path);
        if rel.components().count() < 2 || rel.starts_with("data") {
            continue;
        }
        let Some((name, src, f)) = l.read::<PackFile>(&path) else { continue };
        l.version(&name, f.schema_version);
        let Some(lang) = f.lang.clone() else {
            l.problems.push(Problem::new(&Origin { file: name.clone(), line: 1 }, None, "missing `lang = \"..\"` at the top"));
            continue;
        };
        if !LANGS.contains(&lang.as_str()) {
            l.problems.push(Problem::new(
                &Origin { file: name.clone(), line: 1 },
                None,
                format!("unknown language `{lang}` (known: {})", LANGS.join(" ")),
            ));
        }
        for (origin, mut r) in l.items::<Rule>(&name, &src, f.rule) {
            if r.langs.is_empty() {
                r.langs = vec![lang.clone()];
            }
            r.origin = origin;
            pack.rules.push(r);
        }
        for (ind, v) in f.indicator_text {
            let origin = Origin { file: name.clone(), line: line_of(&src, v.span().start) };
            match Text::deserialize(v.into_inner()) {
                Ok(t) => {
                    let cards = pack.indicator_text.entry(lang.clone()).or_default();
                    if cards.insert(ind.clone(), t).is_some() {
                        l.problems.push(Problem::new(&origin, Some(&ind), format!("second `indicator_text.{ind}` card for `{lang}`")));
                    }
                }
                Err(e) => l.problems.push(Problem::new(&origin, Some(&ind), e.message().to_string())),
            }
        }
    }

    l.problems.extend(validate::validate(&pack).into_iter().map(|v| Problem { origin: v.origin, rule: v.rule, message: v.message }));
    if l.problems.is_empty() {
        Ok(pack)
    } else {
        Err(Problems(l.problems))
    }
}

/// Parses one language-pack file from memory (`file` names it in messages): its rules and cards,
/// without cross-file validation. Used by the fuzz target and by tools that check a single file.
pub fn parse_pack_str(file: &str, src: &str) -> Result<(Vec<Rule>, BTreeMap<String, Text>), Problems> {
    let mut l = Loader { root: PathBuf::new(), problems: Vec::new() };
    let f = match toml::from_str::<PackFile>(src) {
        Ok(f) => f,
        Err(e) => {
            let line = e.span().map(|s| line_of(src, s.start)).unwrap_or(0);
            return Err(Problems(vec![Problem::new(&Origin { file: file.into(), line }, None, e.message().to_string())]));
        }
    };
    l.version(file, f.schema_version);
    let rules: Vec<Rule> = l
        .items::<Rule>(file, src, f.rule)
        .into_iter()
        .map(|(o, mut r)| {
            r.origin = o;
            r
        })
        .collect();
    let mut cards = BTreeMap::new();
    for (ind, v) in f.indicator_text {
        let origin = Origin { file: file.into(), line: line_of(src, v.span().start) };
        match Text::deserialize(v.into_inner()) {
            Ok(t) => {
                cards.insert(ind, t);
            }
            Err(e) => l.problems.push(Problem::new(&origin, Some(&ind), e.message().to_string())),
        }
    }
    if l.problems.is_empty() {
        Ok((rules, cards))
    } else {
        Err(Problems(l.problems))
    }
}
