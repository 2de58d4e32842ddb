//! The binary: parse arguments, hand over. Nothing else lives here.

use std::process::ExitCode;

fn main() -> ExitCode {
    readout::cli::main()
}
