//! The readable report of `lurelens scan FILE...`: level and score, then each sign with its
//! explanation and the words that raised it (highlighted on a terminal).

use super::html;
use lurelens::{Engine, Level, Report, ScanOptions, Unit};
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;

/// Characters of context shown either side of the evidence.
const CONTEXT_CHARS: usize = 30;

pub struct Style {
    pub on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

fn level_code(l: Level) -> &'static str {
    match l {
        Level::High => "1;31",
        Level::Medium => "1;33",
        Level::Low => "1;36",
        Level::None => "1;32",
    }
}

fn excerpt(text: &str, span: [usize; 2], style: &Style) -> String {
    let before: String = {
        let b: Vec<char> = text[..span[0]].chars().rev().take(CONTEXT_CHARS).collect();
        b.into_iter().rev().collect()
    };
    let after: String = text[span[1]..].chars().take(CONTEXT_CHARS).collect();
    let clean = |s: &str| s.replace(['\n', '\r', '\t'], " ");
    let ev =
        if style.on { style.paint("1;4;31", &clean(&text[span[0]..span[1]])) } else { format!("«{}»", clean(&text[span[0]..span[1]])) };
    format!("…{}{}{}…", clean(&before), ev, clean(&after))
}

fn read_input(path: &PathBuf) -> Result<(String, String), String> {
    let mut s = String::new();
    if path.as_os_str() == "-" {
        std::io::stdin().read_to_string(&mut s).map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(("<stdin>".into(), s));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    s = String::from_utf8(bytes).map_err(|e| format!("{}: not valid UTF-8 (byte {})", path.display(), e.utf8_error().valid_up_to()))?;
    Ok((path.display().to_string(), s))
}

pub fn render(
    engine: &Engine,
    name: &str,
    text: &str,
    report: &Report,
    lang: &str,
    style: &Style,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let level = report.level.as_str().to_uppercase();
    writeln!(out, "{}  {}  score {}/100", style.paint("1", name), style.paint(level_code(report.level), &level), report.score)?;
    if report.findings.is_empty() {
        writeln!(out, "  no signs of a deceptive job offer found")?;
    }
    for f in &report.findings {
        let t = engine.explain(&f.rule, lang);
        let title = t.map(|t| t.title.as_str()).unwrap_or("");
        let weight = if f.counted { format!("+{}", f.weight) } else { format!("({})", f.weight) };
        let weight = if f.indicator.starts_with('L') { weight.replace('+', "−") } else { weight };
        writeln!(
            out,
            "  {} {} {}  {}{}",
            style.paint("1", &format!("[{}]", f.indicator)),
            title,
            style.paint("2", &weight),
            style.paint("2", &f.rule),
            ""
        )?;
        for s in f.spans.iter().take(3) {
            writeln!(out, "      {}", excerpt(text, *s, style))?;
        }
        // Only the finding that counts for its indicator gets the explanation: the rest add evidence.
        if let Some(t) = t.filter(|_| f.counted) {
            writeln!(out, "      why: {}", t.why)?;
            writeln!(out, "      do:  {}", t.action)?;
        }
    }
    for c in &report.combos {
        let title = engine.explain_combo(&c.id, lang).map(|t| t.title.as_str()).unwrap_or("");
        writeln!(
            out,
            "  {} {} {}  {}",
            style.paint("1", &format!("[{}]", c.indicators.join("+"))),
            title,
            style.paint("2", &format!("+{}", c.weight)),
            style.paint("2", &c.id)
        )?;
    }
    if report.discount > 0 {
        writeln!(out, "  legitimacy signs: −{} (they lower the score but never clear a strong sign)", report.discount)?;
    }
    writeln!(out)
}

pub fn scan_files(engine: &Engine, files: &[PathBuf], opts: &ScanOptions, lang: &str, json: bool, min_level: &str) -> i32 {
    let min = match min_level {
        "none" => Level::None,
        "low" => Level::Low,
        "medium" => Level::Medium,
        "high" => Level::High,
        other => {
            eprintln!("error: --min-level `{other}`: expected none, low, medium or high");
            return 2;
        }
    };
    let style = Style { on: !json && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut status = 0;
    let stdin = [PathBuf::from("-")];
    for path in if files.is_empty() { &stdin[..] } else { files } {
        let (name, raw) = match read_input(path) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("error: {e}");
                status = 2;
                continue;
            }
        };
        // A JSONL feed read without --jsonl: each post gets a readable report, named by its id.
        let posts: Vec<(String, String)> = if name.ends_with(".jsonl") {
            let mut v = Vec::new();
            for (n, line) in raw.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                match serde_json::from_str::<serde_json::Value>(line) {
                    Ok(j) if j["text"].is_string() => {
                        let id = j["id"].as_str().map(String::from).unwrap_or_else(|| j["id"].to_string());
                        v.push((format!("{name}:{} {id}", n + 1), j["text"].as_str().unwrap_or_default().to_string()));
                    }
                    _ => {
                        eprintln!("error: {name}:{}: expected a JSON object with `text`", n + 1);
                        status = 2;
                    }
                }
            }
            v
        } else if html::looks_like_html(&name, &raw) {
            vec![(name, html::visible_text(&raw))]
        } else {
            vec![(name, raw)]
        };
        for (name, text) in posts {
            let report = engine.scan(&text, opts);
            if report.level < min {
                continue;
            }
            let r = if json {
                let report = report.convert(&text, Unit::CodePoints);
                writeln!(out, "{}", serde_json::json!({"file": name, "report": report}))
            } else {
                render(engine, &name, &text, &report, lang, &style, &mut out)
            };
            if r.is_err() {
                return status;
            }
        }
    }
    status
}
