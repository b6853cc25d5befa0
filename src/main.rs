//! The `annals` program: parses the command line and runs it.

use std::process::ExitCode;

fn main() -> ExitCode {
    annals::allocator::configure();
    annals::cli::run(std::env::args_os())
}
