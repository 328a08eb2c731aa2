//! Takes the run's outcome, hands on text for a person (a table) or for tools (JSON).
//! Rule that is not obvious: rendering never reorders or filters; what the JSON
//! says is exactly what the table shows, in the same order.

pub mod json;
pub mod records;
pub mod table;

use clap::ValueEnum;

use crate::Outcome;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum OutputFormat {
    /// A table for people.
    #[default]
    Table,
    /// One JSON object (documents, claims, discrepancies).
    Json,
    /// One JSON object per line.
    Jsonl,
}

/// Render the discrepancy report.
pub fn render_check(outcome: &Outcome, format: OutputFormat) -> String {
    match format {
        OutputFormat::Table => table::discrepancies(outcome),
        OutputFormat::Json => json::report(outcome),
        OutputFormat::Jsonl => json::lines(outcome),
    }
}

/// Render every claim (the `claims` command).
pub fn render_claims(outcome: &Outcome, format: OutputFormat) -> String {
    match format {
        OutputFormat::Table => table::claims(outcome),
        OutputFormat::Json => json::report(outcome),
        OutputFormat::Jsonl => json::lines(outcome),
    }
}
