//! The command-line contract: `scan --jsonl` (order, spans in code points, bad lines reported and
//! skipped), readable and HTML scans, `rules check` on a broken folder, `eval` gates.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn lurelens(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lurelens"))
        .args(args)
        .current_dir(common::root())
        .env_remove("LURELENS_RULES")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn jsonl_contract_with_bad_lines() {
    let input = [
        r#"{"id":"a","text":"🔥 Salary $3,000 per month in Cambodia, no experience needed, Telegram @hr_kh88"}"#,
        r#"not json"#,
        r#"{"id":"b"}"#,
        r#"{"id":7,"text":"Barista wanted in Leeds, £11.44 per hour","extra":true}"#,
        r#"["array"]"#,
    ]
    .join("\n");
    let (code, out, _) = lurelens(&["scan", "--jsonl", "-"], &input);
    assert_eq!(code, 0);
    let lines: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 5, "one output line per input line: {out}");
    assert_eq!(lines[0]["id"], "a");
    assert!(matches!(lines[0]["level"].as_str(), Some("medium" | "high")));
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("JSON"));
    assert_eq!(lines[2]["line"], 3);
    assert!(lines[2]["error"].as_str().unwrap().contains("text"));
    assert_eq!(lines[3]["id"], 7);
    assert_eq!(lines[3]["level"], "none");
    assert_eq!(lines[4]["line"], 5);
    // Spans are code points of `text`: the emoji before "$3,000" counts as one.
    let text: Vec<char> = "🔥 Salary $3,000 per month in Cambodia, no experience needed, Telegram @hr_kh88".chars().collect();
    let r01 = lines[0]["findings"].as_array().unwrap().iter().find(|f| f["indicator"] == "R01").expect("R01");
    let s = &r01["spans"][0];
    let (a, b) = (s[0].as_u64().unwrap() as usize, s[1].as_u64().unwrap() as usize);
    assert_eq!(text[a..b].iter().collect::<String>(), "$3,000 per month");
    for key in ["rule", "indicator", "weight", "spans"] {
        assert!(r01.get(key).is_some(), "finding has `{key}`");
    }
}

#[test]
fn html_is_read_through_a_parser() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("post.html");
    std::fs::write(&page, "<html><head><script>var x='Telegram @fake_in_script'</script></head><body><article><p>Work in Sihanoukville!</p><p>No experience needed. Salary $2,000 per month. Telegram @kh_jobs</p></article></body></html>").unwrap();
    let (code, out, err) = lurelens(&["scan", "--json", page.to_str().unwrap()], "");
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("fake_in_script"));
    let v: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert!(matches!(v["report"]["level"].as_str(), Some("medium" | "high")), "{v}");
}

#[test]
fn readable_report_shows_words_and_advice() {
    let (code, out, _) = lurelens(&["scan", "-"], "Free flight! Work on tourist visa in Cambodia, salary $2,500 per month");
    assert_eq!(code, 0);
    assert!(out.contains("[R09]"), "{out}");
    assert!(out.contains("«"), "evidence is marked when not on a terminal: {out}");
    assert!(out.contains("do:"));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn broken_rules_folder_lists_every_problem_with_place_and_id() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    copy_dir(&common::root().join("rules"), &rules);
    std::fs::write(
        rules.join("en").join("zz-broken.toml"),
        r#"schema_version = 1
lang = "en"

[[rule]]
id = "en.broken.regex"
indicator = "R01"
weight = 20
patterns = ['(unclosed']
sources = ["test"]
[rule.test]
match = ["a", "b"]
no_match = ["c", "d"]

[[rule]]
id = "en.broken.indicator"
indicator = "R99"
weight = 20
phrases = ["x"]
sources = ["test"]
[rule.test]
match = ["x", "x"]
no_match = ["y", "z"]

[[rule]]
id = "en.broken.regex"
indicator = "R02"
weight = 20
phrases = ["zzz"]
[rule.test]
match = ["zzz"]
no_match = ["a", "b"]
"#,
    )
    .unwrap();
    let (code, _, err) = lurelens(&["rules", "check", rules.to_str().unwrap()], "");
    assert_eq!(code, 1);
    assert!(err.contains("en/zz-broken.toml:4: en.broken.regex: bad pattern"), "{err}");
    assert!(err.contains("en/zz-broken.toml:14: en.broken.indicator: unknown indicator `R99`"), "{err}");
    assert!(err.contains("en/zz-broken.toml:24: en.broken.regex: duplicate rule id"), "{err}");
    assert!(err.contains("`match` case(s)"), "{err}");

    // A TOML syntax error is located too, and a scan refuses to run on broken rules.
    std::fs::write(rules.join("en").join("zz-broken.toml"), "schema_version = 1\nlang = \"en\"\n[[rule]\n").unwrap();
    let (code, _, err) = lurelens(&["--rules", rules.to_str().unwrap(), "scan", "-"], "text");
    assert_eq!(code, 2);
    assert!(err.contains("en/zz-broken.toml:3"), "{err}");
}

#[test]
fn help_entries_need_a_source_a_date_and_a_dialable_contact() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    copy_dir(&common::root().join("rules"), &rules);
    std::fs::write(
        rules.join("data").join("help.toml"),
        r#"schema_version = 1

[[steps]]
lang = "xx"
items = ["Call someone."]

[[verify]]
country = "Philippines"
lang = "en"
title = "Check the agency"
steps = ["Search the list."]
link = "ftp://example.org/list"
source = "https://example.org"
checked = "2026-12-07"

[[hotline]]
country = "PH"
kind = "rumour"
name = "A line"
contact = "call us on Telegram"
source = ""
checked = "last week"
"#,
    )
    .unwrap();
    let (code, _, err) = lurelens(&["rules", "check", rules.to_str().unwrap()], "");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("data/help.toml:3: steps.xx: unknown language `xx`"), "{err}");
    assert!(err.contains("data/help.toml:7: verify.Philippines.en: country `Philippines`"), "{err}");
    assert!(err.contains("data/help.toml:7: verify.Philippines.en: link `ftp://example.org/list` must be one web address"), "{err}");
    for what in ["kind `rumour`", "contact `call us on Telegram`", "`source` is empty", "`checked = \"last week\"`"] {
        assert!(err.contains(&format!("data/help.toml:16: hotline.PH.call us on Telegram: {what}")), "{what}: {err}");
    }
}

#[test]
fn failing_test_case_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    copy_dir(&common::root().join("rules"), &rules);
    std::fs::write(
        rules.join("en").join("zz-fails.toml"),
        "schema_version = 1\nlang = \"en\"\n\n[[rule]]\nid = \"en.zz.fails\"\nindicator = \"R01\"\nweight = 20\nphrases = [\"golden ticket\"]\nsources = [\"test\"]\n[rule.test]\nmatch = [\"golden ticket\", \"no such words\"]\nno_match = [\"silver ticket\", \"a golden ticket here\"]\n",
    )
    .unwrap();
    let (code, _, err) = lurelens(&["rules", "check", rules.to_str().unwrap()], "");
    assert_eq!(code, 1);
    assert!(err.contains("en/zz-fails.toml:4: en.zz.fails: `match` case did not match: \"no such words\""), "{err}");
    assert!(err.contains("en.zz.fails: `no_match` case matched"), "{err}");
}

#[test]
fn eval_prints_figures_and_gates() {
    let (code, out, _) = lurelens(&["eval", "tests/corpus/en.jsonl"], "");
    assert_eq!(code, 0);
    assert!(out.contains("precision") && out.contains("by language"), "{out}");
    let (code, _, err) = lurelens(&["eval", "--min-recall", "1.01", "tests/corpus/en.jsonl"], "");
    assert_eq!(code, 1, "{err}");
}

#[test]
fn export_bundle_round_trips() {
    let (code, out, _) = lurelens(&["rules", "export"], "");
    assert_eq!(code, 0);
    let pack: lurelens::RulePack = serde_json::from_str(&out).unwrap();
    assert_eq!(pack.rules.len(), common::engine().pack().rules.len());
    assert!(pack.rules.iter().all(|r| r.test.is_none()), "tests are not shipped");
    let e = lurelens::Engine::build(pack).unwrap();
    let t = "No experience needed, salary $2,000 per month in Cambodia, Telegram @hr_kh";
    assert_eq!(e.scan(t, &Default::default()), common::engine().scan(t, &Default::default()));
}
