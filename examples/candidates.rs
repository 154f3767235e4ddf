//! What the pattern stage of a scan costs per post (the literal prefilter, then anchored searches
//! at its hits): the profile behind BENCHMARKS.md's scan figures. Run: `cargo run --release --example candidates`.
use std::time::Instant;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let pack = lurelens::rules::load::load_dir(&root.join("rules")).expect("rules load");
    let sources: Vec<String> = pack.rules.iter().flat_map(|r| r.patterns.iter().map(|p| lurelens::pattern::prepare(p))).collect();
    let gate = lurelens::gate::Gated::new(sources, 1 << 21).expect("patterns parse");
    let mut texts = Vec::new();
    for e in std::fs::read_dir(root.join("tests/corpus")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "jsonl") {
            for l in std::fs::read_to_string(&p).unwrap().lines() {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(l) {
                    texts.push(lurelens::text::normalize(v["text"].as_str().unwrap_or("")).text);
                }
            }
        }
    }
    // Warm every lazily compiled regex first, then time the pattern stage as the engine runs it.
    for t in &texts {
        gate.matches(t, |_| true, 8, |_, _, _| {});
    }
    let mut found = 0usize;
    let started = Instant::now();
    for t in &texts {
        gate.matches(t, |_| true, 8, |_, _, _| found += 1);
    }
    let el = started.elapsed();
    println!(
        "{} posts, {} patterns ({} always run): pattern stage {:.1} µs per post, {:.1} matches per post",
        texts.len(),
        gate.len(),
        gate.unfiltered(),
        el.as_secs_f64() * 1e6 / texts.len() as f64,
        found as f64 / texts.len() as f64
    );
}
