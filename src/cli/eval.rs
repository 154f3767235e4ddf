//! `lurelens eval`: precision, recall, F1 and false-positive rate on labelled JSONL
//! (`label` = `lure` / `fraud` positive, `legit` negative; flagged = level medium or high),
//! overall, per language, per group and per indicator.

use lurelens::{Engine, ScanOptions};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    tn: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, positive: bool, flagged: bool) {
        match (positive, flagged) {
            (true, true) => self.tp += 1,
            (true, false) => self.fn_ += 1,
            (false, true) => self.fp += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn ratio(a: usize, b: usize) -> Option<f64> {
        (b > 0).then(|| a as f64 / b as f64)
    }
    fn precision(&self) -> Option<f64> {
        Self::ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> Option<f64> {
        Self::ratio(self.tp, self.tp + self.fn_)
    }
    fn fpr(&self) -> Option<f64> {
        Self::ratio(self.fp, self.fp + self.tn)
    }
    fn f1(&self) -> Option<f64> {
        let (p, r) = (self.precision()?, self.recall()?);
        (p + r > 0.0).then(|| 2.0 * p * r / (p + r))
    }
    fn row(&self, name: &str) -> String {
        let f = |x: Option<f64>| x.map(|v| format!("{v:.3}")).unwrap_or_else(|| "-".into());
        format!(
            "{name:<22} {:>5} {:>5} {:>4} {:>4} {:>4} {:>4}  {:>9} {:>6} {:>6} {:>6}",
            self.tp + self.fn_,
            self.fp + self.tn,
            self.tp,
            self.fp,
            self.tn,
            self.fn_,
            f(self.precision()),
            f(self.recall()),
            f(self.f1()),
            f(self.fpr())
        )
    }
}

pub fn run(engine: &Engine, files: &[PathBuf], show_errors: bool, min_recall: Option<f64>, max_fpr: Option<f64>) -> i32 {
    let mut all = Counts::default();
    let mut by_lang: BTreeMap<String, Counts> = BTreeMap::new();
    let mut by_group: BTreeMap<String, Counts> = BTreeMap::new();
    let mut by_indicator: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut bad = 0;
    if files.is_empty() {
        eprintln!("error: give one or more labelled JSONL files");
        return 2;
    }
    for path in files {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", path.display());
                return 2;
            }
        };
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let where_ = format!("{}:{}", path.display(), n + 1);
            let Ok(v) = serde_json::from_str::<Value>(line) else {
                eprintln!("warning: {where_}: not valid JSON, skipped");
                bad += 1;
                continue;
            };
            let (Some(t), Some(label)) = (v.get("text").and_then(Value::as_str), v.get("label").and_then(Value::as_str)) else {
                eprintln!("warning: {where_}: needs `text` and `label`, skipped");
                bad += 1;
                continue;
            };
            let positive = match label {
                "lure" | "fraud" | "scam" => true,
                "legit" => false,
                other => {
                    eprintln!("warning: {where_}: unknown label `{other}` (lure, fraud or legit), skipped");
                    bad += 1;
                    continue;
                }
            };
            let lang = v.get("lang").and_then(Value::as_str).unwrap_or("?").to_string();
            let group = v.get("group").and_then(Value::as_str).unwrap_or(if positive { "lure" } else { "legit" }).to_string();
            let opts = ScanOptions { origin: engine.origin_for_lang(&lang) };
            let report = engine.scan(t, &opts);
            let flagged = report.level.is_flagged();
            all.add(positive, flagged);
            by_lang.entry(lang.clone()).or_default().add(positive, flagged);
            by_group.entry(group).or_default().add(positive, flagged);
            for f in report.findings.iter().filter(|f| f.counted) {
                let e = by_indicator.entry(f.indicator.clone()).or_default();
                if positive {
                    e.0 += 1;
                } else {
                    e.1 += 1;
                }
            }
            if positive != flagged {
                let id = v.get("id").map(|i| i.to_string()).unwrap_or_else(|| where_.clone());
                let inds: Vec<String> =
                    report.findings.iter().filter(|f| f.counted).map(|f| format!("{}:{}", f.indicator, f.weight)).collect();
                let excerpt: String = t.chars().take(90).collect::<String>().replace('\n', " ");
                errors.push(format!(
                    "{} {id} score {} [{}] {excerpt}",
                    if positive { "MISSED" } else { "FALSE+" },
                    report.score,
                    inds.join(" ")
                ));
            }
        }
    }
    let header = format!(
        "{:<22} {:>5} {:>5} {:>4} {:>4} {:>4} {:>4}  {:>9} {:>6} {:>6} {:>6}",
        "", "pos", "neg", "tp", "fp", "tn", "fn", "precision", "recall", "f1", "fpr"
    );
    println!("{header}");
    println!("{}", all.row("all"));
    println!("by language");
    for (k, c) in &by_lang {
        println!("{}", c.row(&format!("  {k}")));
    }
    println!("by group");
    for (k, c) in &by_group {
        println!("{}", c.row(&format!("  {k}")));
    }
    println!("indicators counted (in positives / in negatives)");
    for (k, (p, n)) in &by_indicator {
        println!("  {k:<5} {p:>5} {n:>5}");
    }
    if bad > 0 {
        println!("{bad} line(s) skipped");
    }
    if show_errors {
        for e in &errors {
            println!("{e}");
        }
    }
    let mut status = 0;
    if let (Some(min), Some(r)) = (min_recall, all.recall()) {
        if r < min {
            eprintln!("FAIL: recall {r:.3} is below {min}");
            status = 1;
        }
    }
    if let (Some(max), Some(f)) = (max_fpr, all.fpr()) {
        if f > max {
            eprintln!("FAIL: false-positive rate {f:.3} is above {max}");
            status = 1;
        }
    }
    status
}
