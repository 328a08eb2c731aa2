//! Takes counts from the pipeline (documents done, claims found, the stage
//! running), hands on a progress line on stderr.
//! Rule that is not obvious: the line stays hidden for the first half second, so
//! a quick run never draws it; whether it may be drawn at all (a terminal, not
//! CI, no `--no-progress`) is decided once by `Progress::wanted`. With
//! `--timings` it also clocks each stage, shown or not.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Runs shorter than this never show a progress line.
const QUIET_FOR: Duration = Duration::from_millis(500);

/// A progress line that may be hidden for good.
#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    shown: AtomicBool,
    documents: AtomicU64,
    claims: AtomicU64,
    clock: Option<Mutex<Clock>>,
}

/// The stage running, since when, and the stages done with their wall time.
#[derive(Debug)]
struct Clock {
    stage: &'static str,
    since: Instant,
    done: Vec<(&'static str, Duration)>,
}

impl Progress {
    /// Whether a progress line belongs on stderr: it is a terminal, `CI` is not
    /// set and the user did not ask for `--no-progress`.
    pub fn wanted(no_progress: bool) -> bool {
        !no_progress && std::env::var_os("CI").is_none() && std::io::stderr().is_terminal()
    }

    /// A progress line that never draws.
    pub fn hidden() -> Progress {
        Progress::new(false)
    }

    /// A progress line that draws on stderr once the run has taken half a second,
    /// if `enabled`; `total` documents when known.
    pub fn new(enabled: bool) -> Progress {
        let bar = enabled.then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            bar.set_style(
                ProgressStyle::with_template("{spinner} [{elapsed_precise}] {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
            shown: AtomicBool::new(false),
            documents: AtomicU64::new(0),
            claims: AtomicU64::new(0),
            clock: None,
        }
    }

    /// Also clock each stage (for `--timings`); the first is "reading".
    pub fn clocked(mut self) -> Progress {
        self.clock = Some(Mutex::new(Clock {
            stage: "reading",
            since: Instant::now(),
            done: Vec::new(),
        }));
        self
    }

    /// The stages done so far with their wall time, the running one included.
    pub fn timings(&self) -> Vec<(&'static str, Duration)> {
        let Some(clock) = &self.clock else {
            return Vec::new();
        };
        let clock = clock.lock().unwrap_or_else(|e| e.into_inner());
        let mut done = clock.done.clone();
        done.push((clock.stage, clock.since.elapsed()));
        done
    }

    /// Set how many documents the run will analyse.
    pub fn set_total(&self, documents: usize) {
        if let Some(bar) = &self.bar {
            bar.set_length(documents as u64);
        }
    }

    /// One more document analysed, with this many claims.
    pub fn document_done(&self, claims: usize) {
        let Some(bar) = &self.bar else { return };
        let d = self.documents.fetch_add(1, Ordering::Relaxed) + 1;
        let c = self.claims.fetch_add(claims as u64, Ordering::Relaxed) + claims as u64;
        // redraw only every 64 documents: the counters are cheap, the bar less so
        if d.is_multiple_of(64) || Some(d) == bar.length() {
            self.reveal(bar);
            let total = bar.length().map_or(String::new(), |t| format!("/{t}"));
            bar.set_message(format!("{d}{total} documents read, {c} claims found"));
        }
    }

    /// A new stage begins ("extracting", "clustering", "comparing").
    pub fn stage(&self, name: &'static str) {
        if let Some(clock) = &self.clock {
            let mut clock = clock.lock().unwrap_or_else(|e| e.into_inner());
            let now = Instant::now();
            let ran = now - clock.since;
            let stage = clock.stage;
            clock.done.push((stage, ran));
            clock.stage = name;
            clock.since = now;
        }
        let Some(bar) = &self.bar else { return };
        self.reveal(bar);
        let d = self.documents.load(Ordering::Relaxed);
        let c = self.claims.load(Ordering::Relaxed);
        bar.set_message(format!("{d} documents read, {c} claims found; {name}"));
    }

    fn reveal(&self, bar: &ProgressBar) {
        if !self.shown.load(Ordering::Relaxed)
            && self.start.elapsed() >= QUIET_FOR
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(200));
        }
    }

    /// Erase the line (before the report is printed).
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_progress_counts_nothing_and_draws_nothing() {
        let p = Progress::hidden();
        p.set_total(3);
        p.document_done(5);
        p.stage("clustering");
        assert!(p.bar.is_none());
        assert_eq!(p.documents.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn enabled_progress_counts_but_stays_hidden_when_quick() {
        let p = Progress::new(true);
        p.set_total(2);
        p.document_done(5);
        p.document_done(2);
        assert_eq!(p.claims.load(Ordering::Relaxed), 7);
        assert!(!p.shown.load(Ordering::Relaxed));
        assert!(p.bar.as_ref().is_some_and(|b| b.is_hidden()));
    }

    #[test]
    fn a_clocked_run_lists_its_stages_in_order() {
        let p = Progress::hidden().clocked();
        p.stage("extracting");
        p.stage("clustering");
        let names: Vec<_> = p.timings().iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["reading", "extracting", "clustering"]);
        assert!(Progress::hidden().timings().is_empty());
    }
}
