use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = minhbach::cli::Cli::parse();
    // A panic is a bug in minhbach, never the user's fault: say so, and exit with 2.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("error: minhbach stopped because of an internal error ({info}).");
        eprintln!(
            "This is a bug in minhbach, not in your site; please report it with the command you ran."
        );
    }));
    std::panic::catch_unwind(|| minhbach::cli::run(cli)).unwrap_or(ExitCode::from(2))
}
