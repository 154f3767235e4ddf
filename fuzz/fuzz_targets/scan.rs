//! Fuzz the scanner: any text, with the bundled rules; every span must lie on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn engine() -> &'static lurelens::Engine {
    static E: OnceLock<lurelens::Engine> = OnceLock::new();
    E.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
        lurelens::Engine::build(lurelens::rules::load::load_dir(&dir).unwrap()).unwrap()
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let r = engine().scan(text, &lurelens::ScanOptions { origin: Some("PH".into()) });
        for f in &r.findings {
            for s in &f.spans {
                assert!(s[0] < s[1] && s[1] <= text.len() && text.is_char_boundary(s[0]) && text.is_char_boundary(s[1]));
            }
        }
    }
});
