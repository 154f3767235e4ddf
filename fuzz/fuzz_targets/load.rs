//! Fuzz the rule-pack file parser: any bytes give rules or located problems, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        if let Err(p) = lurelens::rules::load::parse_pack_str("fuzz.toml", src) {
            assert!(!p.0.is_empty());
        }
    }
});
