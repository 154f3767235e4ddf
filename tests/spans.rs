//! Property tests: whatever the text, every span is a valid range of the original text (on char
//! boundaries, inside it, non-empty), in bytes, code points and UTF-16, and normalisation never panics.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use lurelens::{ScanOptions, Unit};
use proptest::prelude::*;

fn fragments() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Telegram",
        "T e l e g r a m",
        "t3legr4m",
        "@hr_boss",
        "$2,500",
        "per month",
        "เงินเดือน",
        "๕๐,๐๐๐",
        "บาท",
        "lương",
        "15-30 triệu/tháng",
        "月薪3万",
        "no experience needed",
        "Cambodia",
        "กัมพูชา",
        "\u{200B}",
        "ＦＲＥＥ",
        "visa du lịch",
        "🔥",
        "3\u{FE0F}\u{20E3}",
        "\n",
        " ",
        ".",
        "wa.me/85512345678",
        "Tеlеgram",
        "ỵ",
        "e\u{301}",
    ]);
    prop::collection::vec(prop_oneof![pieces.prop_map(String::from), "\\PC{0,6}"], 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn spans_are_valid_ranges_of_the_original(text in fragments()) {
        let report = common::engine().scan(&text, &ScanOptions { origin: Some("PH".into()) });
        for f in &report.findings {
            prop_assert!(!f.spans.is_empty());
            for s in &f.spans {
                prop_assert!(s[0] < s[1] && s[1] <= text.len(), "{s:?} in {} bytes", text.len());
                prop_assert!(text.is_char_boundary(s[0]) && text.is_char_boundary(s[1]));
            }
        }
        let chars = text.chars().count();
        for f in &report.clone().convert(&text, Unit::CodePoints).findings {
            for s in &f.spans { prop_assert!(s[0] < s[1] && s[1] <= chars); }
        }
        let units = text.encode_utf16().count();
        for f in &report.convert(&text, Unit::Utf16).findings {
            for s in &f.spans { prop_assert!(s[0] < s[1] && s[1] <= units); }
        }
    }

    #[test]
    fn normalisation_map_stays_in_bounds(text in "\\PC{0,80}") {
        let n = lurelens::text::normalize(&text);
        for (i, _) in n.text.char_indices() {
            let (s, e) = n.original_range(i, i + 1);
            prop_assert!(s <= e && e <= text.len());
        }
    }
}
