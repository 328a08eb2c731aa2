//! Takes the run's outcome, hands on text for a person (a table, one line per
//! finding) or for tools (JSON).
//! Rule that is not obvious: rendering never reorders or filters; what the JSON
//! says is exactly what the table shows, in the same order.

pub mod brief;
pub mod html;
pub mod json;
pub mod records;
pub mod sources;
pub mod table;

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
    /// One self-contained HTML page for editors (`check` only; docs/report-page.md).
    Html,
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
pub fn render_check(outcome: &Outcome, format: OutputFormat, style: &Style) -> String {
    match format {
        OutputFormat::Table => table::discrepancies(outcome, style),
        OutputFormat::Brief => brief::discrepancies(outcome),
        OutputFormat::Json => json::report(outcome),
        OutputFormat::Jsonl => json::lines(outcome),
        OutputFormat::Html => html_page(outcome),
    }
}

/// The HTML page for this process's run, or the reason it could not be made
/// (the template is part of the binary: a failure is a bug, not bad input).
pub fn html_page(outcome: &Outcome) -> String {
    html::page(outcome, &html::Run::from_env())
        .unwrap_or_else(|e| format!("crosscheck: rendering the HTML page: {e:#}\n"))
}

/// Render every claim (the `claims` command).
pub fn render_claims(outcome: &Outcome, format: OutputFormat, style: &Style) -> String {
    match format {
        OutputFormat::Table => table::claims(outcome, style),
        OutputFormat::Brief => brief::claims(outcome),
        OutputFormat::Json => json::report(outcome),
        OutputFormat::Jsonl => json::lines(outcome),
        // refused by `Config` for `claims`: the page is of findings
        OutputFormat::Html => html_page(outcome),
    }
}
