//! LureLens: an on-device detector of deceptive overseas job offers and trafficking lures.
//!
//! The flow, in the style of adblock-rust: rule packs (`rules/`, plain TOML) are loaded and
//! validated into a [`rules::RulePack`]; [`engine::Engine::build`] compiles it once; the engine
//! then scans any number of texts into explained [`report::Report`]s. See `../README.md` and
//! `rules/README.md`.
//!
//! Layers (dependencies point down): `rules` (schema, loading, validation) · `text`
//! (normalisation with an offset map) · `extract` (money, places, contacts) · `engine` (matching
//! and scoring) · `report` (output types, span units) · `check` (rule test cases) · `wasm`.

pub mod check;
pub mod engine;
pub mod extract;
pub mod gate;
pub mod pattern;
pub mod report;
pub mod rules;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
pub mod zawgyi;

pub use engine::{BuildError, Engine, ScanOptions};
pub use report::{Finding, Level, Report, Unit};
pub use rules::RulePack;
