//! The `crosscheck` binary: parse flags, run the library, print, exit.

use std::io::Write;

use clap::Parser;
use crosscheck::{cli, exit};

/// mimalloc: the run makes millions of small, short-lived strings (words,
/// claims); the system allocator spent a tenth of the time on them and slowed
/// as the heap grew.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let code = match cli::Config::try_from(cli::Args::parse()).and_then(|c| {
        if let Some(n) = c.threads {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build_global()?;
        }
        crosscheck::run(&c)
    }) {
        Ok(out) => {
            for w in &out.warnings {
                eprintln!("{w}");
            }
            let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            let writing = std::time::Instant::now();
            // a closed pipe (`| head`) is not an error worth a message
            let _ = out.write_stdout(&mut stdout);
            let _ = stdout.flush();
            if !out.timings.is_empty() {
                let mut timings = out.timings.clone();
                timings.push(("writing", writing.elapsed()));
                for (stage, took) in &timings {
                    eprintln!(
                        "crosscheck: timing: {stage:<10} {:8.3} s",
                        took.as_secs_f64()
                    );
                }
                let total: std::time::Duration = timings.iter().map(|(_, t)| *t).sum();
                eprintln!(
                    "crosscheck: timing: {:<10} {:8.3} s",
                    "total",
                    total.as_secs_f64()
                );
            }
            let code = out.code;
            // the process ends here: freeing every claim's strings one by one
            // (~2% of a run) would only hand back memory the exit returns anyway
            std::mem::forget(out);
            code
        }
        Err(err) => {
            eprintln!("crosscheck: {err:#}");
            exit::TROUBLE
        }
    };
    std::process::exit(code);
}
