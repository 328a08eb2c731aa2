//! Takes the run's outcome, hands on one row per claim of each discrepancy
//! (id, topic, severity, status, confidence, document, line, column, quote,
//! stated value, unit): what the `csv` and `markdown` formats print.
//! Rule that is not obvious: the document is its path relative to the
//! project root, as in the fingerprint, so rows of two runs from different
//! folders compare.

use std::path::Path;

use super::sources::Index;
use crate::Outcome;
use crate::model::{Discrepancy, Stated};

/// The columns, in order.
pub const HEADER: [&str; 11] = [
    "id",
    "topic",
    "severity",
    "status",
    "confidence",
    "document",
    "line",
    "column",
    "quote",
    "stated",
    "unit",
];

/// A number as a report writes it: integers without a point.
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// The rows of the discrepancies `keep` lets through, in report order.
pub fn rows(o: &Outcome, root: &Path, keep: impl Fn(&Discrepancy) -> bool) -> Vec<[String; 11]> {
    let index = Index::new(&o.claims, &o.documents);
    let mut out = Vec::new();
    for d in o.discrepancies.iter().filter(|d| keep(d)) {
        for c in d.claims.iter().filter_map(|id| index.claim(id)) {
            let stated = match &c.value.stated {
                Stated::Number(n) => number(*n),
                Stated::Text(t) => t.clone(),
            };
            out.push([
                d.id.clone(),
                d.topic.clone(),
                d.severity.as_str().to_string(),
                d.status.as_str().to_string(),
                d.confidence.as_str().to_string(),
                crate::review::fingerprint::relative(index.path(&c.document), root),
                c.line.to_string(),
                c.column.to_string(),
                c.quote.to_string(),
                stated,
                c.value.unit.unwrap_or_default().to_string(),
            ]);
        }
    }
    out
}
