//! Extractors: structured facts found in normalised text, each with its span (normalised bytes).
//! Built once from the `data/` part of a rule pack; rules use them through `money`, `place`,
//! `contact` and `route` conditions.

pub mod money;

use crate::pattern;
use crate::rules::Data;
use crate::text::is_word_char;
use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

pub use money::{Money, MoneyExtractor};

/// A place of the gazetteer named in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceHit {
    pub place: usize,
    pub kind: String,
    pub country: String,
    pub span: (usize, usize),
}

/// A contact handle, link or number.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactHit {
    pub channel: String,
    pub span: (usize, usize),
}

/// Everything the extractors found in one text.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub money: Vec<Money>,
    pub places: Vec<PlaceHit>,
    pub contacts: Vec<ContactHit>,
}

impl Facts {
    /// Countries named in the text, in order of first mention, without repeats.
    pub fn countries(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for p in &self.places {
            if !out.contains(&p.country.as_str()) {
                out.push(&p.country);
            }
        }
        out
    }
}

/// A problem building the extractors from `data/`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExtractError {
    #[error("data/channels.toml: channel `{channel}`: bad pattern `{pattern}`: {message}")]
    BadChannelPattern { channel: String, pattern: String, message: String },
    #[error("data/places.toml: the gazetteer could not be built: {0}")]
    Gazetteer(String),
    #[error("data/currencies.toml: {0}")]
    Money(String),
}

/// The place, contact and money extractors, built once.
#[derive(Debug, Clone)]
pub struct Extractors {
    places: Option<AhoCorasick>,
    place_of: Vec<(usize, bool, bool)>,
    place_kind: Vec<(String, String)>,
    channels: Vec<(String, Regex)>,
    pub money: MoneyExtractor,
}

fn edges(name: &str) -> (bool, bool) {
    (name.chars().next().is_some_and(is_word_char), name.chars().last().is_some_and(is_word_char))
}

/// Whether `text[start..end]` stands on its own: no letter or digit of a spaced script right
/// before (after) it where the match itself begins (ends) with one.
pub fn stands_alone(text: &str, start: usize, end: usize, check_start: bool, check_end: bool) -> bool {
    if check_start && text[..start].chars().next_back().is_some_and(is_word_char) {
        return false;
    }
    if check_end && text[end..].chars().next().is_some_and(is_word_char) {
        return false;
    }
    true
}

impl Extractors {
    pub fn build(data: &Data) -> Result<Self, ExtractError> {
        let mut names = Vec::new();
        let mut place_of = Vec::new();
        let mut place_kind = Vec::new();
        for (i, p) in data.places.iter().enumerate() {
            place_kind.push((p.kind.clone(), p.country.clone()));
            for n in &p.names {
                let f = crate::text::normalize(n).text;
                if f.is_empty() {
                    continue;
                }
                let (s, e) = edges(&f);
                names.push(f);
                place_of.push((i, s, e));
            }
        }
        let places = if names.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&names)
                    .map_err(|e| ExtractError::Gazetteer(e.to_string()))?,
            )
        };
        let mut channels = Vec::new();
        for c in &data.channels {
            for p in &c.patterns {
                let re = Regex::new(&pattern::prepare(p)).map_err(|e| ExtractError::BadChannelPattern {
                    channel: c.id.clone(),
                    pattern: p.clone(),
                    message: e.to_string(),
                })?;
                channels.push((c.id.clone(), re));
            }
        }
        Ok(Extractors { places, place_of, place_kind, channels, money: MoneyExtractor::build(&data.currencies)? })
    }

    /// Runs every extractor over normalised `text`.
    pub fn extract(&self, text: &str) -> Facts {
        let mut facts = Facts::default();
        if let Some(ac) = &self.places {
            for m in ac.find_iter(text) {
                let (place, s, e) = self.place_of[m.pattern().as_usize()];
                if stands_alone(text, m.start(), m.end(), s, e) {
                    let (kind, country) = &self.place_kind[place];
                    facts.places.push(PlaceHit { place, kind: kind.clone(), country: country.clone(), span: (m.start(), m.end()) });
                }
            }
        }
        for (channel, re) in &self.channels {
            for m in re.find_iter(text) {
                let span = (m.start(), m.end());
                if !facts.contacts.iter().any(|c| c.span.0 < span.1 && span.0 < c.span.1) {
                    facts.contacts.push(ContactHit { channel: channel.clone(), span });
                }
            }
        }
        facts.money = self.money.extract(text);
        facts
    }
}
