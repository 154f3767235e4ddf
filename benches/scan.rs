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
    println!("load + validate rules: {:.1} ms; build engine: {:.1} ms ({} rules)", loaded.as_secs_f64() * 1e3, (started.elapsed() - loaded).as_secs_f64() * 1e3, engine.rule_count());
    c.bench_function("engine build", |b| b.iter(|| Engine::build(pack.clone()).unwrap()));

    let opts = ScanOptions::default();
    let mut sets: Vec<(String, Vec<String>)> = vec![("emscad (English job ads)".into(), texts(&root.join("tests/fixtures/emscad-sample/emscad-sample.jsonl")))];
    let mut corpora: Vec<_> = std::fs::read_dir(root.join("tests/corpus")).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "jsonl")).collect();
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
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(4));
    targets = bench
}
criterion_main!(benches);
