//! Where the engine's build time goes, from the shipped bundle (what the extension's worker does
//! on wake): JSON parse, validation, compile. Run: `cargo run --release --example build_phases`.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "extension/rules/bundle.json".into());
    let json = std::fs::read_to_string(&path).expect("bundle: run scripts/build-extension.sh first");
    for _ in 0..3 {
        let t = Instant::now();
        let pack: lurelens::rules::RulePack = serde_json::from_str(&json).unwrap();
        let parse = t.elapsed();
        let t = Instant::now();
        let issues = lurelens::rules::validate::validate_with(&pack, false);
        let validate = t.elapsed();
        let t = Instant::now();
        let engine = lurelens::Engine::build(pack).unwrap();
        let build = t.elapsed();
        let (patterns, unfiltered) = engine.pattern_counts();
        let sources: Vec<String> =
            engine.pack().rules.iter().flat_map(|r| r.patterns.iter().map(|p| lurelens::pattern::prepare(p))).collect();
        let t = Instant::now();
        std::hint::black_box(lurelens::gate::Gated::new(sources, 1 << 21).unwrap());
        let gate = t.elapsed();
        let phrases: Vec<String> =
            engine.pack().rules.iter().flat_map(|r| r.phrases.iter().map(|p| lurelens::text::normalize(p).text)).collect();
        let t = Instant::now();
        std::hint::black_box(aho_corasick::AhoCorasick::new(&phrases).unwrap());
        let ac = t.elapsed();
        println!("  prefilter (parse + literals + automaton) {gate:.1?}; phrase automaton ({} phrases) {ac:.1?}", phrases.len());
        let t = Instant::now();
        let mut n = 0;
        for r in &engine.pack().rules {
            for p in &r.patterns {
                regex::Regex::new(&lurelens::pattern::prepare(p)).unwrap();
                n += 1;
            }
        }
        let regexes = t.elapsed();
        let t = Instant::now();
        for r in &engine.pack().rules {
            for p in &r.phrases {
                std::hint::black_box(lurelens::text::normalize(p));
            }
        }
        let phrases = t.elapsed();
        let t = Instant::now();
        std::hint::black_box(lurelens::extract::Extractors::build(&engine.pack().data).unwrap());
        let extractors = t.elapsed();
        println!("  compiling every regex {regexes:.1?} ({n}), phrase normalisation {phrases:.1?}, extractors {extractors:.1?}");
        println!(
            "parse {:>7.1?}  validate {:>7.1?} ({} issues)  build {:>7.1?}  ({} rules, {patterns} patterns, {unfiltered} without a literal)",
            parse,
            validate,
            issues.len(),
            build,
            engine.rule_count()
        );
    }
}
