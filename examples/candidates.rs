//! How many patterns pass the literal prefilter per post, and what running them costs: the profile
//! behind BENCHMARKS.md's scan figures. Run: `cargo run --release --example candidates`.
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
    // Warm every lazily compiled regex first, then time.
    for t in &texts {
        gate.candidates(
            t,
            |_| true,
            |_, re| {
                re.is_match(t);
            },
        );
    }
    let (mut runs, mut hits) = (0usize, 0usize);
    let started = Instant::now();
    for t in &texts {
        gate.candidates(
            t,
            |_| true,
            |_, re| {
                runs += 1;
                hits += re.find_iter(t).count().min(1);
            },
        );
    }
    let el = started.elapsed();
    println!(
        "{} posts, {} patterns: {:.1} candidates per post, {:.1} of them match; {:.2} µs per candidate search; {:.1} µs per post",
        texts.len(),
        gate.len(),
        runs as f64 / texts.len() as f64,
        hits as f64 / texts.len() as f64,
        el.as_secs_f64() * 1e6 / runs as f64,
        el.as_secs_f64() * 1e6 / texts.len() as f64
    );
}
