//! `scan --jsonl`: the batch contract. One input object a line with `id` and `text` (an optional
//! `lang` sets the reader's country for route rules); one output object a line, same order:
//! `{"id","score","level","findings":[{"rule","indicator","weight","spans":[[s,e],...]}]}` with
//! spans in Unicode code points of `text`. A bad line yields `{"line":N,"error":"..."}`.

use lurelens::{Engine, ScanOptions, Unit};
use serde::Serialize;
use serde_json::Value;
use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;

#[derive(Serialize)]
struct OutFinding<'a> {
    rule: &'a str,
    indicator: &'a str,
    weight: u32,
    spans: &'a [[usize; 2]],
}

#[derive(Serialize)]
struct Out<'a> {
    id: &'a Value,
    score: u32,
    level: &'static str,
    findings: Vec<OutFinding<'a>>,
}

/// Scans one JSONL line; `Err` is the message for the error object.
pub fn scan_line(engine: &Engine, line: &str, opts: &ScanOptions) -> Result<String, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
    let obj = v.as_object().ok_or("expected a JSON object with `id` and `text`")?;
    let id = obj.get("id").filter(|i| i.is_string() || i.is_number()).ok_or("missing `id` (a string or number)")?;
    let text = obj.get("text").and_then(Value::as_str).ok_or("missing `text` (a string)")?;
    let mut o = opts.clone();
    if o.origin.is_none() {
        o.origin = obj.get("lang").and_then(Value::as_str).and_then(|l| engine.origin_for_lang(l));
    }
    let report = engine.scan(text, &o).convert(text, Unit::CodePoints);
    let out = Out {
        id,
        score: report.score,
        level: report.level.as_str(),
        findings: report
            .findings
            .iter()
            .map(|f| OutFinding { rule: &f.rule, indicator: &f.indicator, weight: f.weight, spans: &f.spans })
            .collect(),
    };
    serde_json::to_string(&out).map_err(|e| e.to_string())
}

pub fn scan(engine: &Engine, files: &[PathBuf], opts: &ScanOptions) -> i32 {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let inputs: Vec<Option<&PathBuf>> = if files.is_empty() { vec![None] } else { files.iter().map(Some).collect() };
    let mut status = 0;
    for input in inputs {
        let reader: Box<dyn BufRead> = match input {
            None => Box::new(std::io::stdin().lock()),
            Some(p) if p.as_os_str() == "-" => Box::new(std::io::stdin().lock()),
            Some(p) => match std::fs::File::open(p) {
                Ok(f) => Box::new(std::io::BufReader::new(f)),
                Err(e) => {
                    eprintln!("error: cannot read {}: {e}", p.display());
                    status = 2;
                    continue;
                }
            },
        };
        for (n, line) in reader.split(b'\n').enumerate() {
            let line_no = n + 1;
            let result = match line {
                Err(e) => Err(format!("cannot read: {e}")),
                Ok(bytes) => match String::from_utf8(bytes) {
                    Err(_) => Err("not valid UTF-8".to_string()),
                    Ok(s) if s.trim().is_empty() => continue,
                    Ok(s) => scan_line(engine, s.trim_end_matches('\r'), opts),
                },
            };
            let written = match result {
                Ok(json) => writeln!(out, "{json}"),
                Err(msg) => writeln!(out, "{}", serde_json::json!({"line": line_no, "error": msg})),
            };
            if written.is_err() {
                return status; // reader closed the pipe
            }
        }
    }
    let _ = out.flush();
    status
}
