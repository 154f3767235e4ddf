//! Quality floors on the labelled corpora (tests/corpus/*.jsonl) and the EMSCAD false-positive
//! smoke test. The floors are data: tests/corpus/floors.toml. They only ever go up.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use lurelens::ScanOptions;
use serde_json::Value;

#[derive(serde::Deserialize)]
struct Floors {
    min_recall: f64,
    max_fpr_overseas_legit: f64,
    max_fpr_local_legit: f64,
    max_fpr_emscad: f64,
}

struct Counts {
    lures: usize,
    caught: usize,
    by_group: std::collections::BTreeMap<String, (usize, usize)>,
}

fn run(path: &std::path::Path) -> Counts {
    let e = common::engine();
    let mut c = Counts { lures: 0, caught: 0, by_group: Default::default() };
    for line in std::fs::read_to_string(path).unwrap().lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let text = v["text"].as_str().unwrap();
        let lang = v["lang"].as_str().unwrap_or("?");
        let flagged = e.scan(text, &ScanOptions { origin: e.origin_for_lang(lang) }).level.is_flagged();
        match v["label"].as_str() {
            Some("lure") | Some("fraud") => {
                c.lures += 1;
                c.caught += flagged as usize;
            }
            _ => {
                let g = c.by_group.entry(v["group"].as_str().unwrap_or("legit").to_string()).or_default();
                g.0 += 1;
                g.1 += flagged as usize;
            }
        }
    }
    c
}

fn floors() -> Floors {
    toml::from_str(&std::fs::read_to_string(common::root().join("tests/corpus/floors.toml")).unwrap()).unwrap()
}

#[test]
fn corpora_meet_the_floors() {
    let f = floors();
    let mut report = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(common::root().join("tests/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "en and two Southeast Asian corpora");
    for p in files {
        let c = run(&p);
        let recall = c.caught as f64 / c.lures.max(1) as f64;
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if recall < f.min_recall {
            report.push(format!("{name}: recall {recall:.3} < {}", f.min_recall));
        }
        for (group, (n, fp)) in &c.by_group {
            let fpr = *fp as f64 / (*n).max(1) as f64;
            let max = if group == "overseas-legit" { f.max_fpr_overseas_legit } else { f.max_fpr_local_legit };
            if fpr > max {
                report.push(format!("{name}: {group} false-positive rate {fpr:.3} > {max}"));
            }
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn emscad_false_positive_smoke() {
    let c = run(&common::root().join("tests/fixtures/emscad-sample/emscad-sample.jsonl"));
    let (n, fp) = c.by_group.get("legit").copied().unwrap_or((0, 0));
    assert!(n > 300, "the sample has 347 legitimate postings");
    let fpr = fp as f64 / n as f64;
    assert!(fpr <= floors().max_fpr_emscad, "EMSCAD false-positive rate {fpr:.3}");
}
