//! Takes a document and its sentences, hands on claims: every date, duration and
//! figure with its span, interval value and what it measures.
//! Rule that is not obvious: dates are found first and numbers inside a date span
//! are dropped, so "4 July 2023" is one date, never the counts 4 and 2023.

pub mod date;
pub mod measure;
pub mod number;

use chrono::NaiveDate;

use crate::model::{
    Claim, ClaimKind, Document, Granularity, Interval, Precision, Segment, Stated, Value,
};

/// A number found by the grammar in `number.rs`, offsets relative to the text searched.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMatch {
    pub start: usize,
    pub end: usize,
    pub kind: ClaimKind,
    pub low: f64,
    pub high: f64,
    pub stated: f64,
    pub unit: Option<String>,
    pub precision: Precision,
    pub rule: &'static str,
    /// The counted noun for counts, lower case as written ("people", "soldiers",
    /// "man" for "a man"); `None` when no noun follows ("200 were killed").
    pub noun: Option<String>,
}

/// A date or duration found by the grammar in `date.rs`, offsets relative to the text searched.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMatch {
    pub start: usize,
    pub end: usize,
    /// `ClaimKind::Date` or `ClaimKind::Duration`.
    pub kind: ClaimKind,
    /// Inclusive day interval; `None` when it cannot be resolved (no reference date).
    pub low: Option<NaiveDate>,
    pub high: Option<NaiveDate>,
    pub granularity: Granularity,
    /// Normalised value in TIMEX3 style: `2023-07-04`, `2023-06`, `199X`, `2023-Q3`, `P6W`.
    pub value: String,
    pub precision: Precision,
    /// For durations: length in days (low, high).
    pub days: Option<(f64, f64)>,
    pub rule: &'static str,
}

/// Every claim in one document, in text order, with ids `<doc>.<n>`.
pub fn extract(doc: &Document, segments: &[Segment]) -> Vec<Claim> {
    let mut claims = Vec::new();
    for seg in segments {
        let sentence = &doc.text[seg.start..seg.end];
        let dates = date::find_dates(sentence, doc.published);
        let numbers: Vec<NumberMatch> = number::find_numbers(sentence)
            .into_iter()
            .filter(|n| !dates.iter().any(|d| n.start < d.end && d.start < n.end))
            .collect();
        let mut found: Vec<(usize, usize, ClaimKind, Value, &'static str)> = Vec::new();
        for d in dates {
            let interval = match d.kind {
                ClaimKind::Duration => {
                    let (low, high) = d.days.unwrap_or((f64::NAN, f64::NAN));
                    Interval::Duration { low, high }
                }
                _ => Interval::Date {
                    low: d.low,
                    high: d.high,
                    granularity: d.granularity,
                },
            };
            let unit = (d.kind == ClaimKind::Duration).then(|| "days".to_string());
            found.push((
                d.start,
                d.end,
                d.kind,
                Value {
                    interval,
                    stated: Stated::Text(d.value),
                    unit,
                    precision: d.precision,
                },
                d.rule,
            ));
        }
        for n in numbers {
            found.push((
                n.start,
                n.end,
                n.kind,
                Value {
                    interval: Interval::Number {
                        low: n.low,
                        high: n.high,
                    },
                    stated: Stated::Number(n.stated),
                    unit: n.unit,
                    precision: n.precision,
                },
                n.rule,
            ));
        }
        found.sort_by_key(|f| (f.0, f.1));
        for (start, end, kind, value, rule) in found {
            let abs_start = seg.start + start;
            let abs_end = seg.start + end;
            let loc = doc.locate(abs_start);
            let end_loc = doc.locate(abs_end);
            let context = measure::describe(doc, seg, start, end, kind, &value);
            claims.push(Claim {
                id: format!("{}.{}", doc.id, claims.len() + 1),
                document: doc.id.clone(),
                kind,
                quote: sentence[start..end].to_string(),
                sentence: squash_space(sentence),
                line: loc.line,
                column: loc.column,
                start: loc.offset,
                end: end_loc.offset,
                value,
                measure: context.measure,
                event: context.event,
                anchor: context.anchor,
                entities: context.entities,
                topic: String::new(),
                rule: rule.to_string(),
            });
        }
    }
    claims
}

/// Collapse runs of white space (line breaks inside a sentence) to one space.
pub fn squash_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
