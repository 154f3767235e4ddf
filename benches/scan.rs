//! Scan throughput on the bundled corpora and the EMSCAD sample (criterion). Prints MB/s.
//! Run: `cargo bench --bench scan` (figures in BENCHMARKS.md).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lurelens::rules::load::load_dir;
use lurelens::{Engine, ScanOptions};
use std::path::Path;

fn texts(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(String::from))
        .collect()
}

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let started = std::time::Instant::now();
    let pack = load_dir(&root.join("rules")).unwrap();
    let loaded = started.elapsed();
    let engine = Engine::build(pack.clone()).unwrap();
    println!(
        "load + validate rules: {:.1} ms; build engine: {:.1} ms ({} rules)",
        loaded.as_secs_f64() * 1e3,
        (started.elapsed() - loaded).as_secs_f64() * 1e3,
        engine.rule_count()
    );
    c.bench_function("engine build", |b| b.iter(|| Engine::build(pack.clone()).unwrap()));

    let opts = ScanOptions::default();
    let mut sets: Vec<(String, Vec<String>)> =
        vec![("emscad (English job ads)".into(), texts(&root.join("tests/fixtures/emscad-sample/emscad-sample.jsonl")))];
    let mut corpora: Vec<_> = std::fs::read_dir(root.join("tests/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    corpora.sort();
    for p in corpora {
        sets.push((format!("corpus {}", p.file_stem().unwrap().to_string_lossy()), texts(&p)));
    }
    let mut g = c.benchmark_group("scan");
    for (name, posts) in &sets {
        let bytes: usize = posts.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(name.as_str(), |b| {
            b.iter(|| {
                let mut flagged = 0;
                for t in posts {
                    flagged += engine.scan(t, &opts).level.is_flagged() as usize;
                }
                flagged
            })
        });
    }
    g.finish();

    // Mixed-language feeds of 10 KB, 100 KB and 1 MB: every corpus post in turn (en, th, vi, ...),
    // repeated, each scanned as its own post, as the extension does with a page.
    let mut mixed: Vec<&String> = Vec::new();
    let longest = sets.iter().skip(1).map(|(_, p)| p.len()).max().unwrap_or(0);
    for i in 0..longest {
        for (_, posts) in sets.iter().skip(1) {
            if let Some(p) = posts.get(i) {
                mixed.push(p);
            }
        }
    }
    let mut g = c.benchmark_group("feed");
    for (label, size) in [("10 KB", 10_000usize), ("100 KB", 100_000), ("1 MB", 1_000_000)] {
        let mut feed: Vec<&String> = Vec::new();
        let mut bytes = 0;
        while bytes < size {
            let p = mixed[feed.len() % mixed.len()];
            bytes += p.len();
            feed.push(p);
        }
        g.throughput(Throughput::Bytes(bytes as u64));
        let t = std::time::Instant::now();
        let mut rounds = 0;
        while t.elapsed().as_millis() < 300 {
            for p in &feed {
                std::hint::black_box(engine.scan(p, &opts));
            }
            rounds += 1;
        }
        let per_post = t.elapsed().as_secs_f64() / (rounds * feed.len()) as f64;
        println!("feed {label}: {} posts, mean {:.1} µs per post", feed.len(), per_post * 1e6);
        g.bench_function(label, |b| b.iter(|| feed.iter().filter(|p| engine.scan(p, &opts).level.is_flagged()).count()));
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(4));
    targets = bench
}
criterion_main!(benches);
