//! The money extractor: amounts, ranges, currencies and pay periods → US dollars per month.
//!
//! Reads `data/currencies.toml`. An amount needs a currency: written before (`$`, `rm`, `₱`) or
//! after (`baht`, `triệu` implies VND, `元`), or implied by the script of the text (Thai → THB).
//! The period comes from words after (`/month`, `ต่อเดือน`, `/ngày`) or before (`月薪`, `เงินเดือน`,
//! `salary`); with none, a month is assumed. A range counts by its upper bound.

use super::ExtractError;
use crate::rules::Currencies;
use crate::text::{fold, is_word_char};
use regex::Regex;

/// A stated amount of pay.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    /// US dollars per month (upper bound of a range).
    pub usd_month: f64,
    pub currency: String,
    pub period: String,
    /// Normalised byte span of the whole expression (currency and period included).
    pub span: (usize, usize),
}

#[derive(Debug, Clone)]
struct Token {
    text: String,
    value: usize,
}

/// Built once from the currency table.
#[derive(Debug, Clone)]
pub struct MoneyExtractor {
    number: Regex,
    mult_words: Vec<(String, f64, Option<usize>)>,
    cur_before: Vec<Token>,
    cur_after: Vec<Token>,
    per_after: Vec<Token>,
    per_before: Vec<Token>,
    currencies: Vec<(String, f64)>,
    periods: Vec<(String, f64)>,
    script_default: Vec<(String, usize)>,
}

const RANGE_WORDS: &str = r"-|–|—|~|to|den|toi|ถึง|至|到|hanggang|sampai|hingga|ដល់|ເຖິງ";
/// How far before an amount a period word such as `salary` or `เงินเดือน` may stand (bytes).
const PERIOD_BEFORE_WINDOW: usize = 40;
/// Without a written period, an amount is taken as monthly up to this many dollars, and as
/// yearly above it (`£45k` in a London ad is a year's pay; lures state monthly pay).
const MONTHLY_UNLESS_ABOVE: f64 = 8_000.0;
/// Amounts above this many dollars a month are not pay (lottery prizes, company revenue).
const MAX_USD_MONTH: f64 = 1_000_000.0;

fn sorted(mut v: Vec<Token>) -> Vec<Token> {
    v.retain(|t| !t.text.is_empty());
    v.sort_by(|a, b| b.text.len().cmp(&a.text.len()));
    v
}

fn parse_number(s: &str) -> Option<f64> {
    let grouped = {
        let parts: Vec<&str> = s.split([',', '.', '\'']).collect();
        parts.len() > 1 && parts[0].len() <= 3 && parts[1..].iter().all(|p| p.len() == 3)
    };
    if grouped {
        s.chars().filter(|c| c.is_ascii_digit()).collect::<String>().parse().ok()
    } else {
        s.replace(',', ".").parse().ok()
    }
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

impl MoneyExtractor {
    pub fn build(c: &Currencies) -> Result<Self, ExtractError> {
        let currencies: Vec<(String, f64)> = c.currency.iter().map(|x| (x.code.clone(), x.usd)).collect();
        let code_index = |code: &str| -> Result<usize, ExtractError> {
            currencies.iter().position(|(c, _)| c == code).ok_or_else(|| ExtractError::Money(format!("unknown currency `{code}`")))
        };
        let mut cur_before = Vec::new();
        let mut cur_after = Vec::new();
        for (i, x) in c.currency.iter().enumerate() {
            if !(x.usd > 0.0) {
                return Err(ExtractError::Money(format!("currency `{}`: usd must be above 0", x.code)));
            }
            cur_before.extend(x.before.iter().map(|t| Token { text: fold(t), value: i }));
            cur_after.extend(x.after.iter().map(|t| Token { text: fold(t), value: i }));
        }
        let mut mult_words = Vec::new();
        for m in &c.multiplier {
            let cur = match &m.currency {
                Some(code) => Some(code_index(code)?),
                None => None,
            };
            for w in &m.words {
                mult_words.push((fold(w), m.value, cur));
            }
        }
        mult_words.retain(|(w, _, _)| !w.is_empty());
        mult_words.sort_by(|a, b| b.0.len().cmp(&a.0.len()));
        let mut per_after = Vec::new();
        let mut per_before = Vec::new();
        for (i, p) in c.period.iter().enumerate() {
            per_after.extend(p.after.iter().map(|t| Token { text: fold(t), value: i }));
            per_before.extend(p.before.iter().map(|t| Token { text: fold(t), value: i }));
        }
        let mut script_default = Vec::new();
        for (script, code) in &c.script_default {
            script_default.push((script.clone(), code_index(code)?));
        }
        let mult_alt = mult_words
            .iter()
            .map(|(w, _, _)| {
                let e = regex::escape(w);
                if w.chars().last().is_some_and(|c| c.is_ascii_alphanumeric()) {
                    format!("{e}(?-u:\\b)")
                } else {
                    e
                }
            })
            .collect::<Vec<_>>()
            .join("|");
        let num = r"\d{1,3}(?:[,.']\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?";
        let mult = if mult_alt.is_empty() { String::from("(?:$^)") } else { format!("(?:{mult_alt})") };
        let re = format!(r"(?P<a>{num})(?:\s?(?P<ma>{mult}))?(?:\s{{0,2}}(?:{RANGE_WORDS})\s{{0,2}}(?P<b>{num})(?:\s?(?P<mb>{mult}))?)?");
        let number = Regex::new(&re).map_err(|e| ExtractError::Money(e.to_string()))?;
        Ok(MoneyExtractor {
            number,
            mult_words,
            cur_before: sorted(cur_before),
            cur_after: sorted(cur_after),
            per_after: sorted(per_after),
            per_before: sorted(per_before),
            currencies,
            periods: c.period.iter().map(|p| (p.name.clone(), p.per_month)).collect(),
            script_default,
        })
    }

    fn mult(&self, w: Option<regex::Match>) -> (f64, Option<usize>) {
        match w {
            Some(m) => self.mult_words.iter().find(|(t, _, _)| t == m.as_str()).map(|(_, v, c)| (*v, *c)).unwrap_or((1.0, None)),
            None => (1.0, None),
        }
    }

    /// A token of `list` ending exactly at `at` (spaces allowed between), standing alone.
    fn token_before<'a>(&'a self, list: &'a [Token], text: &str, at: usize, max_gap: usize) -> Option<(&'a Token, usize)> {
        let trimmed = text[..at].trim_end_matches(' ');
        if at - trimmed.len() > max_gap {
            return None;
        }
        list.iter()
            .find(|t| {
                trimmed.ends_with(&t.text) && {
                    let s = trimmed.len() - t.text.len();
                    !(t.text.chars().next().is_some_and(is_word_char) && char_before(text, s).is_some_and(is_word_char))
                }
            })
            .map(|t| (t, trimmed.len() - t.text.len()))
    }

    /// A token of `list` starting right after `at` (at most `max_gap` spaces between), standing alone.
    fn token_after<'a>(&'a self, list: &'a [Token], text: &str, at: usize, max_gap: usize) -> Option<(&'a Token, usize)> {
        let rest = &text[at..];
        let trimmed = rest.trim_start_matches(' ');
        let gap = rest.len() - trimmed.len();
        if gap > max_gap {
            return None;
        }
        list.iter()
            .find(|t| {
                trimmed.starts_with(&t.text)
                    && !(t.text.chars().last().is_some_and(is_word_char)
                        && trimmed[t.text.len()..].chars().next().is_some_and(is_word_char))
            })
            .map(|t| (t, at + gap + t.text.len()))
    }

    fn script_currency(&self, text: &str) -> Option<usize> {
        let mut counts = [0usize; 7];
        for c in text.chars() {
            let i = match c as u32 {
                0x0E00..=0x0E7F => 0,
                0x0E80..=0x0EFF => 1,
                0x1780..=0x17FF => 2,
                0x1000..=0x109F => 3,
                0xAC00..=0xD7AF | 0x1100..=0x11FF => 4,
                0x3040..=0x30FF => 5,
                0x4E00..=0x9FFF => 6,
                _ => continue,
            };
            counts[i] += 1;
        }
        // Japanese mixes kana with kanji: any kana makes it Japanese.
        let best = if counts[5] > 0 { 5 } else { (0..7).max_by_key(|&i| counts[i]).filter(|&i| counts[i] > 0)? };
        let name = ["thai", "lao", "khmer", "myanmar", "hangul", "kana", "han"][best];
        self.script_default.iter().find(|(s, _)| s == name).map(|(_, c)| *c)
    }

    /// Every amount of pay stated in normalised `text`.
    pub fn extract(&self, text: &str) -> Vec<Money> {
        let mut out = Vec::new();
        let mut script: Option<Option<usize>> = None;
        for caps in self.number.captures_iter(text) {
            let whole = caps.get(0).unwrap();
            let (mut start, mut end) = (whole.start(), whole.end());
            let a = caps.name("a").unwrap();
            let (ma, ca) = self.mult(caps.name("ma"));
            let (mb, cb) = self.mult(caps.name("mb"));
            let (Some(va), vb) = (parse_number(a.as_str()), caps.name("b").and_then(|b| parse_number(b.as_str()))) else { continue };
            // A range "15-30 triệu": the multiplier of the upper bound applies to both.
            let upper = match vb {
                Some(b) => (b * mb).max(va * if caps.name("ma").is_some() { ma } else { mb }),
                None => va * ma,
            };
            let mut currency = cb.or(ca);
            if let Some((t, s)) = self.token_before(&self.cur_before, text, start, 1) {
                currency = Some(t.value);
                start = s;
            } else if char_before(text, start).is_some_and(|c| c.is_alphabetic() && !crate::text::is_unspaced_script(c)) {
                continue; // part of a word or code: "covid19", "a4"
            }
            if let Some((t, e)) = self.token_after(&self.cur_after, text, end, 1) {
                currency = Some(t.value);
                end = e;
            }
            let mut period = None;
            if let Some((t, e)) = self.token_after(&self.per_after, text, end, 2) {
                period = Some(t.value);
                end = e;
            }
            if period.is_none() {
                let mut from = start.saturating_sub(PERIOD_BEFORE_WINDOW);
                while !text.is_char_boundary(from) {
                    from -= 1;
                }
                let window = &text[from..start];
                period = self.per_before.iter().find(|t| window.contains(t.text.as_str())).map(|t| t.value);
            }
            let currency = match currency {
                Some(c) => c,
                None => match *script.get_or_insert_with(|| self.script_currency(text)) {
                    Some(c) => c,
                    None => continue,
                },
            };
            let (code, rate) = &self.currencies[currency];
            let (pname, per_month) = match period {
                Some(p) => (self.periods[p].0.clone(), self.periods[p].1),
                None if upper * rate > MONTHLY_UNLESS_ABOVE => ("year (assumed)".to_string(), 1.0 / 12.0),
                None => ("month (assumed)".to_string(), 1.0),
            };
            let usd_month = upper * rate * per_month;
            if usd_month.is_finite() && usd_month > 0.0 && usd_month <= MAX_USD_MONTH {
                out.push(Money { usd_month, currency: code.clone(), period: pname, span: (start, end) });
            }
        }
        out
    }
}
