//! The `crosscheck` binary: parse flags, run the library, print, exit.

use std::io::Write;

use clap::Parser;
use crosscheck::{cli, exit};

/// mimalloc: the run makes millions of small, short-lived strings (words,
/// claims); the system allocator spent a tenth of the time on them and slowed
/// as the heap grew.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

unsafe extern "C" {
    /// mimalloc's own setter of its options (the allocator above links it).
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` in the `mi_option_e` of the mimalloc 3 that
/// libmimalloc-sys 0.1.49 builds (Cargo.lock pins it).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

fn main() {
    // freed memory is handed back to the system a second after it is freed
    // (`MIMALLOC_PURGE_DELAY`), and reused memory is then faulted in and
    // zeroed again: on 40,000 documents 5,000 page faults against 560 when it
    // is kept. A run is short and ends by returning it all anyway.
    // SAFETY: sets an integer option; mimalloc allows it at any time.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut quiet = false;
    // `-o FILE`: the report goes there, atomically (`baseline` writes its own)
    let mut to_file: Option<std::path::PathBuf> = None;
    let code = match cli::Config::try_from(cli::Args::parse()).and_then(|c| {
        quiet = c.quiet;
        if matches!(c.mode, cli::Mode::Check | cli::Mode::Claims) {
            to_file.clone_from(&c.output);
        }
        if let Some(asked) = c.threads {
            let (n, capped) = cli::pool_size(asked);
            if capped && !quiet {
                eprintln!(
                    "crosscheck: -j {asked}: using {n} threads, one per core; more only queue"
                );
            }
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build_global()?;
        }
        if quiet {
            // `-q`: what `extract` streams goes nowhere
            return crosscheck::run(&c, &mut std::io::sink());
        }
        crosscheck::run(&c, &mut stdout)
    }) {
        Ok(out) => {
            for w in out.warnings.iter().filter(|_| !quiet) {
                eprintln!("{w}");
            }
            let writing = std::time::Instant::now();
            let written = if let Some(path) = &to_file {
                crosscheck::atomic::write_with(path, |w| out.write_stdout(w))
                    .map_err(|e| std::io::Error::other(format!("{e:#}")))
            } else if quiet {
                Ok(())
            } else {
                out.write_stdout(&mut stdout).and_then(|()| stdout.flush())
            };
            let mut code = out.code;
            match written {
                // a closed pipe (`| head`) is not an error worth a message
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("crosscheck: writing the output: {e}");
                    code = exit::TROUBLE;
                }
                _ => {}
            }
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
            // the process ends here: freeing every claim's strings one by one
            // (~2% of a run) would only hand back memory the exit returns anyway
            std::mem::forget(out);
            code
        }
        Err(err) => {
            // what was written before the failure (records of `extract`) stays written
            let _ = stdout.flush();
            eprintln!("crosscheck: {err:#}");
            exit::TROUBLE
        }
    };
    std::process::exit(code);
}

#[cfg(test)]
mod tests {
    unsafe extern "C" {
        fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
    }

    /// The option `main` sets is the purge delay: the only option whose
    /// default is 1000 (milliseconds), unless the environment sets it.
    #[test]
    fn the_option_set_is_the_purge_delay() {
        let want = std::env::var("MIMALLOC_PURGE_DELAY")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1000);
        // SAFETY: reads an integer option.
        let got = unsafe { mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(got, want);
    }
}
