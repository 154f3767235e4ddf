//! Engine behaviour end to end on whole posts: scoring, combos, legitimacy discount, evasions,
//! determinism and span units.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use lurelens::{Level, ScanOptions, Unit};

fn scan(text: &str) -> lurelens::Report {
    common::engine().scan(text, &ScanOptions::default())
}

fn evidence(text: &str, r: &lurelens::Report) -> Vec<String> {
    r.findings.iter().flat_map(|f| f.spans.iter().map(|s| text[s[0]..s[1]].to_string())).collect()
}

#[test]
fn the_core_template_is_high() {
    let t = "URGENT HIRING customer service in Cambodia, no experience needed, salary $2,500 per month, free flight and accommodation. Contact Telegram @hr_kh88";
    let r = scan(t);
    assert_eq!(r.level, Level::High, "{r:#?}");
    assert!(r.combos.iter().any(|c| c.id == "combo.core-template"));
    let ev = evidence(t, &r);
    assert!(ev.iter().any(|e| e == "$2,500 per month"), "{ev:?}");
    assert!(ev.iter().any(|e| e.contains("Telegram @hr_kh88")), "{ev:?}");
}

#[test]
fn evasions_still_match_and_point_at_the_original_words() {
    let t = "Easy job!! Contact T e l e g r a m: @easyjob_kh";
    let r = scan(t);
    assert!(evidence(t, &r).iter().any(|e| e.starts_with("T e l e g r a m")), "{r:#?}");
}

#[test]
fn an_ordinary_local_job_is_none() {
    let r = scan("Barista wanted at our Chiang Mai cafe. 2 years experience, 12,000 baht per month, apply in person at 12 Nimman Road.");
    assert!(r.level <= Level::Low, "{r:#?}");
}

#[test]
fn legitimacy_discounts_but_never_clears_a_protected_sign() {
    let text = "POEA licence 123-LB-456. Travel on a tourist visa, the company will convert it to a work visa later.";
    let r = scan(text);
    let tourist = r.findings.iter().find(|f| f.indicator == "R09").expect("R09 found");
    assert!(r.score >= tourist.weight, "{r:#?}");
}

#[test]
fn route_rules_need_the_readers_country() {
    let t = "Customer service agents needed in Myanmar, apply now";
    let without = common::engine().scan(t, &ScanOptions::default());
    let with = common::engine().scan(t, &ScanOptions { origin: Some("PH".into()) });
    assert!(!without.findings.iter().any(|f| f.indicator == "R07"));
    assert!(with.findings.iter().any(|f| f.indicator == "R07"));
}

#[test]
fn a_ban_limited_to_a_sector_needs_that_kind_of_work() {
    let ph = ScanOptions { origin: Some("PH".into()) };
    let r07 = |t: &str| common::engine().scan(t, &ph).findings.iter().any(|f| f.indicator == "R07");
    assert!(r07("Chat support agents for an online company in Phnom Penh, Cambodia"));
    assert!(!r07("Mathematics teacher for an international school in Phnom Penh, Cambodia. Licensed teachers only."));
}

#[test]
fn the_readers_own_country_is_not_a_destination() {
    let t = "Receptionist for a hotel in Myanmar, Yangon, 8 hours a day";
    let r06 = |origin: Option<&str>| {
        common::engine().scan(t, &ScanOptions { origin: origin.map(String::from) }).findings.iter().any(|f| f.indicator == "R06")
    };
    assert!(r06(None) && r06(Some("TH")), "Myanmar is a compound country for a reader elsewhere");
    assert!(!r06(Some("MM")), "but not for a reader in Myanmar");
    let hub = common::engine().scan("Job in Myawaddy, Myanmar", &ScanOptions { origin: Some("MM".into()) });
    assert!(hub.findings.iter().any(|f| f.indicator == "R06"), "its scam-hub towns still count");
}

#[test]
fn packs_for_unspaced_scripts_count_only_on_text_in_that_script() {
    // The English words that the Khmer, Lao, Thai and Burmese packs carry ("customer service",
    // "data entry") must not fire on an English ad a second time; they do on a post in that script.
    let en = scan("Customer service and data entry clerk, Manila office, 2 years experience required.");
    for f in &en.findings {
        for p in ["th.", "lo.", "km.", "my.", "zh."] {
            assert!(!f.rule.starts_with(p), "{} fired on English text", f.rule);
        }
    }
    let km = scan("ជ្រើសរើស customer service ធ្វើការនៅប្រទេសជិតខាង");
    assert!(km.findings.iter().any(|f| f.rule.starts_with("km.")), "{km:#?}");
}

#[test]
fn scans_are_deterministic() {
    let t = "เงินเดือน 50,000 บาท ทำงานที่กัมพูชา ไม่ต้องมีประสบการณ์ ทักไลน์ @job888";
    assert_eq!(scan(t), scan(t));
}

#[test]
fn spans_convert_to_code_points_and_utf16() {
    let t = "🔥🔥 Salary $3,000 per month in Cambodia";
    let bytes = scan(t);
    let cp = bytes.clone().convert(t, Unit::CodePoints);
    let u16 = bytes.clone().convert(t, Unit::Utf16);
    let f = bytes.findings.iter().position(|f| f.indicator == "R01").expect("R01");
    let [bs, be] = bytes.findings[f].spans[0];
    let [cs, ce] = cp.findings[f].spans[0];
    let [us, ue] = u16.findings[f].spans[0];
    let chars: Vec<char> = t.chars().collect();
    assert_eq!(chars[cs..ce].iter().collect::<String>(), &t[bs..be]);
    let utf16: Vec<u16> = t.encode_utf16().collect();
    assert_eq!(String::from_utf16(&utf16[us..ue]).unwrap(), &t[bs..be]);
}
