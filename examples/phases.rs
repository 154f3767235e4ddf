//! Where scan time goes, phase by phase, over the bundled corpora (a profiling aid):
//! `cargo run --release --example phases`.
use lurelens::rules::load::load_dir;
use std::time::Instant;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("LURELENS_RULES").map(std::path::PathBuf::from).unwrap_or_else(|| root.join("rules"));
    let pack = load_dir(&dir).unwrap();
    let t = Instant::now();
    let engine = lurelens::Engine::build(pack.clone()).unwrap();
    println!("build {:?}; patterns (total, unfiltered) {:?}", t.elapsed(), engine.pattern_counts());
    let mut texts = Vec::new();
    for e in std::fs::read_dir(root.join("tests/corpus")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "jsonl") {
            for l in std::fs::read_to_string(&p).unwrap().lines() {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(l) {
                    texts.push(v["text"].as_str().unwrap().to_string());
                }
            }
        }
    }
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let rounds = 20;
    let time = |name: &str, f: &dyn Fn(&str)| {
        let t = Instant::now();
        for _ in 0..rounds {
            for x in &texts {
                f(x);
            }
        }
        let s = t.elapsed().as_secs_f64();
        println!("{name:<14} {:>8.1} MB/s  {:>6.1} µs/post", (bytes * rounds) as f64 / 1e6 / s, s * 1e6 / (rounds * texts.len()) as f64);
    };
    let x = lurelens::extract::Extractors::build(&pack.data).unwrap();
    time("normalize", &|s| {
        std::hint::black_box(lurelens::text::normalize(s));
    });
    let norms: Vec<String> = texts.iter().map(|t| lurelens::text::normalize(t).text).collect();
    let _ = norms;
    time("extract", &|s| {
        let n = lurelens::text::normalize(s);
        std::hint::black_box(x.extract(&n.text));
    });
    time("money", &|s| {
        let n = lurelens::text::normalize(s);
        std::hint::black_box(x.money.extract(&n.text));
    });
    time("full scan", &|s| {
        std::hint::black_box(engine.scan(s, &Default::default()));
    });
    // The slowest patterns, each alone over the normalised corpus.
    let normed: Vec<String> = texts.iter().map(|t| lurelens::text::normalize(t).text).collect();
    let mut slow = Vec::new();
    for r in &pack.rules {
        for p in &r.patterns {
            let re = regex::Regex::new(&lurelens::pattern::prepare(p)).unwrap();
            let t = Instant::now();
            let mut n = 0;
            for x in &normed {
                n += re.find_iter(x).count();
            }
            slow.push((t.elapsed(), r.id.clone(), n, p.chars().take(70).collect::<String>()));
        }
    }
    slow.sort_by(|a, b| b.0.cmp(&a.0));
    for s in slow.iter().take(8) {
        println!("{:>10.2?} {} hits={} {}", s.0, s.1, s.2, s.3);
    }
    let mut no_patterns = pack.clone();
    for r in &mut no_patterns.rules {
        r.patterns.clear();
    }
    let e2 = lurelens::Engine::build(no_patterns).unwrap();
    time("no patterns", &|s| {
        std::hint::black_box(e2.scan(s, &Default::default()));
    });
    let mut no_phrases = pack.clone();
    for r in &mut no_phrases.rules {
        r.phrases.clear();
    }
    let e3 = lurelens::Engine::build(no_phrases).unwrap();
    time("no phrases", &|s| {
        std::hint::black_box(e3.scan(s, &Default::default()));
    });
}

#[allow(dead_code)]
fn unused() {}
