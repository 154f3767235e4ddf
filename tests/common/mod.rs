//! Shared helpers of the integration tests: the bundled rule packs, built once per test binary.

#![allow(dead_code)]

use lurelens::rules::load::load_dir;
use lurelens::Engine;
use std::path::PathBuf;
use std::sync::OnceLock;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        let pack = load_dir(&root().join("rules")).unwrap_or_else(|p| panic!("{p}"));
        Engine::build(pack).expect("engine builds")
    })
}
