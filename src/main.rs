use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    minhbach::cli::run(minhbach::cli::Cli::parse())
}
