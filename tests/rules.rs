//! The rule packs' own test cases, and properties every pack must have.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use lurelens::check;
use lurelens::rules::LANGS;

#[test]
fn every_rule_test_case_passes() {
    let failures = check::run_tests(common::engine());
    let listed: Vec<String> =
        failures.iter().map(|f| format!("{}: {}: {}", f.origin, f.rule.as_deref().unwrap_or("-"), f.message)).collect();
    assert!(listed.is_empty(), "{} failing case(s):\n{}", listed.len(), listed.join("\n"));
    assert!(check::case_count(common::engine()) > 400);
}

#[test]
fn catalogue_has_every_indicator_of_indicators_md() {
    let pack = common::engine().pack();
    for i in 1..=27 {
        assert!(pack.indicator(&format!("R{i:02}")).is_some(), "R{i:02} missing");
    }
    for i in 1..=5 {
        assert!(pack.indicator(&format!("L{i}")).is_some(), "L{i} missing");
    }
}

#[test]
fn every_indicator_names_its_ilo_reference() {
    for ind in &common::engine().pack().indicators {
        assert!(ind.ilo.trim().len() > 10, "{}: `ilo` missing in indicators.toml", ind.id);
    }
}

/// The countries whose readers get concrete advice (issue: job seeker mode), each with at least
/// one help line and a way to verify an agency in English and in the country's own language.
#[test]
fn every_origin_country_has_hotlines_and_verification_steps() {
    let help = &common::engine().pack().help;
    for (country, lang) in [("PH", "tl"), ("TH", "th"), ("ID", "id"), ("VN", "vi"), ("KH", "km"), ("MM", "my"), ("MY", "ms"), ("LA", "lo")]
    {
        assert!(help.hotline.iter().any(|h| h.country == country), "{country}: no hotline");
        for l in ["en", lang] {
            assert!(help.verify.iter().any(|v| v.country == country && v.lang == l), "{country}: no verify steps in {l}");
        }
    }
    assert!(help.hotline.iter().any(|h| h.country == "default"), "no fallback hotline");
    assert!(help.verify.iter().any(|v| v.country == "default"), "no fallback verify steps");
}

#[test]
fn language_packs_have_a_card_for_every_indicator() {
    let pack = common::engine().pack();
    for (lang, cards) in &pack.indicator_text {
        assert!(LANGS.contains(&lang.as_str()));
        for ind in &pack.indicators {
            assert!(cards.contains_key(&ind.id), "{lang}: no card for {}", ind.id);
        }
    }
    assert!(pack.indicator_text.len() >= 2, "English plus at least two Southeast Asian languages");
}

#[test]
fn every_rule_cites_a_source() {
    for r in &common::engine().pack().rules {
        assert!(!r.sources.is_empty(), "{} ({}) has no source", r.id, r.origin);
    }
}
