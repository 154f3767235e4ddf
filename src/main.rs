//! `lurelens`: the command-line scanner. Argument parsing, file / HTML / JSONL input and terminal
//! rendering only; all analysis is in the library.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
