//! The output of a scan: findings, score and level, with spans into the ORIGINAL text. Spans are
//! kept in bytes inside the crate and converted once, here, to the caller's unit: Unicode code
//! points for the CLI and JSON, UTF-16 code units for JavaScript.

use serde::{Deserialize, Serialize};

/// Risk level, from the score and `scoring.toml`'s thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    None,
    Low,
    Medium,
    High,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
        }
    }
    /// What `eval` and moderators count as flagged.
    pub fn is_flagged(self) -> bool {
        self >= Level::Medium
    }
}

/// One rule that matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub indicator: String,
    pub weight: u32,
    /// `[start, end)` in the unit of the report (bytes until converted).
    pub spans: Vec<[usize; 2]>,
    /// Whether this finding is the one that counts for its indicator (the strongest).
    pub counted: bool,
}

/// A combination of indicators that was present.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComboHit {
    pub id: String,
    pub weight: u32,
    pub indicators: Vec<String>,
}

/// The result of scanning one text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub score: u32,
    pub level: Level,
    pub findings: Vec<Finding>,
    pub combos: Vec<ComboHit>,
    /// Points taken off by legitimacy signals.
    pub discount: u32,
}

/// Offset unit of spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    CodePoints,
    Utf16,
}

impl Report {
    /// Converts byte spans (into `text`) to `unit`. Call once, on a report fresh from the engine.
    pub fn convert(mut self, text: &str, unit: Unit) -> Report {
        let mut offsets: Vec<usize> = self.findings.iter().flat_map(|f| f.spans.iter().flat_map(|s| [s[0], s[1]])).collect();
        offsets.sort_unstable();
        offsets.dedup();
        let mut table = Vec::with_capacity(offsets.len());
        let (mut units, mut next) = (0usize, 0usize);
        for (b, c) in text.char_indices() {
            while next < offsets.len() && offsets[next] <= b {
                table.push((offsets[next], units));
                next += 1;
            }
            units += match unit {
                Unit::CodePoints => 1,
                Unit::Utf16 => c.len_utf16(),
            };
        }
        while next < offsets.len() {
            table.push((offsets[next], units));
            next += 1;
        }
        let conv = |b: usize| table.binary_search_by_key(&b, |&(k, _)| k).map(|i| table[i].1).unwrap_or(0);
        for f in &mut self.findings {
            for s in &mut f.spans {
                *s = [conv(s[0]), conv(s[1])];
            }
        }
        self
    }
}
