//! Fuzz the JSON bundle path of the extension: validate, then build; errors, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(pack) = serde_json::from_slice::<lurelens::RulePack>(data) {
        if lurelens::rules::validate::validate_with(&pack, false).is_empty() {
            if let Ok(e) = lurelens::Engine::build(pack) {
                let _ = e.scan("Salary $3,000 per month in Cambodia, Telegram @hr_kh", &Default::default());
            }
        }
    }
});
