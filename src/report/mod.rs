//! Takes the run's outcome, hands on text for a person (a table, one line per
//! finding, Markdown) or for tools (JSON, CSV, SARIF, GitHub workflow commands).
//! Rule that is not obvious: rendering never reorders; the formats for people
//! (table, brief, markdown, github) leave decided findings out unless
//! `--show-decided`, those for tools (json, jsonl, csv, sarif) always carry
//! them with their status; otherwise what the JSON says is what the table shows.

pub mod brief;
pub mod csv;
pub mod github;
pub mod json;
pub mod markdown;
pub mod records;
pub mod rows;
pub mod sarif;
pub mod sources;
pub mod table;

use std::path::PathBuf;

use clap::ValueEnum;

use crate::Outcome;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum OutputFormat {
    /// A table for people.
    #[default]
    Table,
    /// One line per finding, `path:line:col: severity: label: …`, for editors.
    Brief,
    /// One JSON object (documents, claims, discrepancies, problems, totals).
    Json,
    /// One JSON object per line, each with its `type`.
    Jsonl,
    /// One CSV row per claim of each finding (id, topic, severity, status, document, line, quote, stated).
    Csv,
    /// A Markdown table of the same rows, for pull-request comments.
    Markdown,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands, and a summary to `$GITHUB_STEP_SUMMARY`.
    Github,
}

/// What the CI formats need besides the outcome.
#[derive(Debug, Clone, Default)]
pub struct Gate {
    /// Paths are shown relative to it (the project root).
    pub root: PathBuf,
    /// Show baselined, accepted and dismissed findings too.
    pub show_decided: bool,
    pub fail_on: crate::config::FailOn,
    /// The baseline's stale entries, when a baseline was given.
    pub stale: Option<Vec<crate::review::files::BaselineEntry>>,
}

/// The totals line, and what was decided when anything was: "…; 2 decided
/// (1 baselined, 1 dismissed), not shown (--show-decided)".
pub fn totals(o: &Outcome, show_decided: bool) -> String {
    use crate::model::Status;
    let mut s = o.totals_line();
    let count = |st: Status| o.discrepancies.iter().filter(|d| d.status == st).count();
    let decided: Vec<String> = [
        (Status::Baselined, count(Status::Baselined)),
        (Status::Accepted, count(Status::Accepted)),
        (Status::Dismissed, count(Status::Dismissed)),
    ]
    .iter()
    .filter(|(_, n)| *n > 0)
    .map(|(st, n)| format!("{n} {}", st.as_str()))
    .collect();
    if !decided.is_empty() {
        let n: usize = [Status::Baselined, Status::Accepted, Status::Dismissed]
            .iter()
            .map(|st| count(*st))
            .sum();
        s.push_str(&format!(
            "; {} new, {n} decided ({}){}",
            count(Status::New),
            decided.join(", "),
            if show_decided {
                ""
            } else {
                ", not shown (--show-decided)"
            }
        ));
    }
    s
}

/// How a table is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Columns the table may take.
    pub width: u16,
    /// Colour the severity.
    pub color: bool,
    /// Draw borders in ASCII (the terminal is not UTF-8).
    pub ascii: bool,
    /// Words of the sentence shown on each side of a figure (0: none).
    pub context: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            width: 120,
            color: false,
            ascii: false,
            context: DEFAULT_CONTEXT,
        }
    }
}

/// Words shown on each side of a figure unless `--context` says otherwise.
pub const DEFAULT_CONTEXT: usize = 4;

/// Render the discrepancy report.
pub fn render_check(outcome: &Outcome, format: OutputFormat, style: &Style, gate: &Gate) -> String {
    match format {
        OutputFormat::Table => table::discrepancies(outcome, style, gate.show_decided),
        OutputFormat::Brief => brief::discrepancies(outcome, gate.show_decided),
        OutputFormat::Json => json::report(outcome),
        OutputFormat::Jsonl => json::lines(outcome),
        OutputFormat::Csv => csv::discrepancies(outcome, &gate.root),
        OutputFormat::Markdown => markdown::discrepancies(outcome, &gate.root, gate.show_decided),
        OutputFormat::Sarif => sarif::log(outcome, &gate.root, gate.stale.as_deref()),
        OutputFormat::Github => {
            github::discrepancies(outcome, &gate.root, gate.show_decided, gate.fail_on)
        }
    }
}

/// Render every claim (the `claims` command).
pub fn render_claims(outcome: &Outcome, format: OutputFormat, style: &Style) -> String {
    match format {
        OutputFormat::Table => table::claims(outcome, style),
        OutputFormat::Brief => brief::claims(outcome),
        OutputFormat::Json => json::report(outcome),
        OutputFormat::Jsonl => json::lines(outcome),
        // the CI formats report findings; `claims` refuses them (cli.rs)
        _ => json::report(outcome),
    }
}
