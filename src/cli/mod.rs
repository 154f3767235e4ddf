//! The command-line interface (see `lurelens --help` and README.md).

mod eval;
mod html;
mod jsonl;
mod render;

use clap::{Parser, Subcommand};
use lurelens::rules::load::{load_dir, Problem, Problems};
use lurelens::{Engine, ScanOptions};
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(name = "lurelens", version, about = "Finds the signs of deceptive overseas job offers and trafficking lures in text", long_about = None)]
struct Cli {
    /// Folder of rule packs (default: $LURELENS_RULES, else ./rules, else the bundled rules).
    #[arg(long, global = true, value_name = "DIR")]
    rules: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan text or HTML files, or JSONL (one {"id","text"} object a line) with --jsonl.
    Scan {
        /// Files to scan; `-` (or nothing) reads standard input.
        files: Vec<PathBuf>,
        /// Input is JSON Lines; output is one JSON report a line (the moderators' contract).
        #[arg(long)]
        jsonl: bool,
        /// Language of the explanations (en, th, vi, ...).
        #[arg(long, default_value = "en")]
        lang: String,
        /// The reader's country (ISO code such as PH, ID, TH) for banned-route rules.
        #[arg(long)]
        origin: Option<String>,
        /// Print a JSON report instead of the readable one (text and HTML input).
        #[arg(long)]
        json: bool,
        /// Show only posts at this level or above: none, low, medium, high.
        #[arg(long, default_value = "none")]
        min_level: String,
    },
    /// Check or export rule packs.
    Rules {
        #[command(subcommand)]
        action: RulesAction,
    },
    /// Measure precision, recall, F1 and false-positive rate on labelled JSONL files.
    Eval {
        files: Vec<PathBuf>,
        /// List every misclassified post.
        #[arg(long)]
        errors: bool,
        /// Exit with failure if recall is below this (0-1).
        #[arg(long)]
        min_recall: Option<f64>,
        /// Exit with failure if the false-positive rate is above this (0-1).
        #[arg(long)]
        max_fpr: Option<f64>,
    },
}

#[derive(Subcommand)]
enum RulesAction {
    /// Validate every file and run every rule's test cases.
    Check { dir: Option<PathBuf> },
    /// Write the validated packs as one JSON bundle (for the extension).
    Export {
        dir: Option<PathBuf>,
        /// Output file (default: standard output).
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// List the rules with their indicator and weight.
    List { dir: Option<PathBuf> },
}

fn rules_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(d) = explicit {
        return d.to_path_buf();
    }
    if let Some(d) = std::env::var_os("LURELENS_RULES") {
        return PathBuf::from(d);
    }
    let here = PathBuf::from("rules");
    if here.join("indicators.toml").exists() {
        return here;
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules")
}

fn print_problems(dir: &Path, p: &Problems) {
    eprintln!("error: {} problem(s) in the rule packs at {}:", p.0.len(), dir.display());
    for x in &p.0 {
        eprintln!("  {x}");
    }
}

/// Loads and compiles the packs, or prints every problem and returns None.
fn engine(dir: &Path) -> Option<Engine> {
    let pack = match load_dir(dir) {
        Ok(p) => p,
        Err(p) => {
            print_problems(dir, &p);
            return None;
        }
    };
    match Engine::build(pack) {
        Ok(e) => Some(e),
        Err(e) => {
            eprintln!("error: {e}");
            None
        }
    }
}

pub fn run() -> i32 {
    let cli = Cli::parse();
    match cli.command {
        Command::Scan { files, jsonl, lang, origin, json, min_level } => {
            let dir = rules_dir(cli.rules.as_deref());
            let Some(engine) = engine(&dir) else { return 2 };
            let opts = ScanOptions { origin: origin.map(|o| o.to_uppercase()) };
            if jsonl {
                jsonl::scan(&engine, &files, &opts)
            } else {
                render::scan_files(&engine, &files, &opts, &lang, json, &min_level)
            }
        }
        Command::Rules { action } => match action {
            RulesAction::Check { dir } => {
                let dir = rules_dir(dir.as_deref().or(cli.rules.as_deref()));
                check(&dir)
            }
            RulesAction::Export { dir, out } => {
                let dir = rules_dir(dir.as_deref().or(cli.rules.as_deref()));
                let Some(engine) = engine(&dir) else { return 2 };
                let bundle = match serde_json::to_string(&engine.pack().for_shipping()) {
                    Ok(b) => b,
                    Err(e) => {
                        eprintln!("error: cannot serialise the bundle: {e}");
                        return 2;
                    }
                };
                match out {
                    Some(path) => {
                        if let Err(e) = std::fs::write(&path, bundle) {
                            eprintln!("error: cannot write {}: {e}", path.display());
                            return 2;
                        }
                        0
                    }
                    None => {
                        println!("{bundle}");
                        0
                    }
                }
            }
            RulesAction::List { dir } => {
                let dir = rules_dir(dir.as_deref().or(cli.rules.as_deref()));
                let Some(engine) = engine(&dir) else { return 2 };
                for r in &engine.pack().rules {
                    println!("{:<48} {:<4} {:>3}  {}", r.id, r.indicator, r.weight, r.origin);
                }
                0
            }
        },
        Command::Eval { files, errors, min_recall, max_fpr } => {
            let dir = rules_dir(cli.rules.as_deref());
            let Some(engine) = engine(&dir) else { return 2 };
            eval::run(&engine, &files, errors, min_recall, max_fpr)
        }
    }
}

fn check(dir: &Path) -> i32 {
    let pack = match load_dir(dir) {
        Ok(p) => p,
        Err(p) => {
            print_problems(dir, &p);
            return 1;
        }
    };
    let (rules, combos, langs) = (pack.rules.len(), pack.combos.len(), pack.indicator_text.len() + 1);
    let engine = match Engine::build(pack) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    let failures = lurelens::check::run_tests(&engine);
    let cases = lurelens::check::case_count(&engine);
    if failures.is_empty() {
        println!("ok: {rules} rules, {combos} combos, {langs} languages; all {cases} test cases pass");
        0
    } else {
        let problems = Problems(failures.into_iter().map(|i| Problem { origin: i.origin, rule: i.rule, message: i.message }).collect());
        print_problems(dir, &problems);
        eprintln!("{} of {cases} test cases failed", problems.0.len());
        1
    }
}
