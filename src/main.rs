//! `lurelens`: the command-line scanner. Argument parsing, file / HTML / JSONL input and terminal
//! rendering only; all analysis is in the library.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run());
}

// The CLI is native only; `wasm-pack test` still compiles the bin target for wasm32.
#[cfg(target_arch = "wasm32")]
fn main() {}
