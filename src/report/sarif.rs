//! Takes the run's outcome, hands on a SARIF 2.1.0 log for code scanning: one
//! result per discrepancy, located at each of its claims (path relative to the
//! project root, line and column span), with its fingerprint as
//! `partialFingerprints["crosscheck/v1"]`.
//! Rule that is not obvious: decided findings are always there — accepted and
//! dismissed ones as `suppressions` with the note as justification — and with
//! a baseline each result has a `baselineState` (`new`, `unchanged`), the
//! baseline's stale entries following as results that are `absent`.

use std::path::Path;

use serde_json::{Value as Json, json};

use super::sources::Index;
use crate::Outcome;
use crate::model::{Discrepancy, Severity, Status};
use crate::review::files::BaselineEntry;
use crate::review::fingerprint::{KEY_VERSION, relative};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn rule(s: Severity) -> Json {
    let (short, full) = match s {
        Severity::Contradiction => (
            "Sources give figures that cannot both hold",
            "Two or more reports give figures for one measure of one event whose ranges do not overlap: at least one of them is wrong.",
        ),
        Severity::Divergence => (
            "Sources give different figures that could both hold",
            "Two or more reports state different figures for one measure of one event, though the ranges they allow overlap (\"more than 6,500\" and \"more than 6,700\").",
        ),
        Severity::Update => (
            "A later report gives a higher figure and says it changed",
            "A later report raises the figure and says so (\"rose to\"): shown for review, never a failing disagreement.",
        ),
    };
    json!({
        "id": s.as_str(),
        "name": s.as_str(),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": "Check each source's sentence; then fix the report, or record the decision with `crosscheck review` (docs/ci.md)."},
        "defaultConfiguration": {"level": level(s)},
    })
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Contradiction => "error",
        Severity::Divergence => "warning",
        Severity::Update => "note",
    }
}

fn rule_index(s: Severity) -> usize {
    match s {
        Severity::Contradiction => 0,
        Severity::Divergence => 1,
        Severity::Update => 2,
    }
}

fn result(d: &Discrepancy, index: &Index, root: &Path, baseline: bool) -> Json {
    let locations: Vec<Json> = d
        .claims
        .iter()
        .filter_map(|id| index.claim(id))
        .map(|c| {
            json!({
                "physicalLocation": {
                    "artifactLocation": {
                        "uri": relative(index.path(&c.document), root),
                        "uriBaseId": "%SRCROOT%",
                    },
                    "region": {
                        "startLine": c.line,
                        "startColumn": c.column,
                        "endLine": c.line,
                        "endColumn": c.column as usize + c.quote.chars().count(),
                        "snippet": {"text": c.quote},
                    },
                },
                "message": {"text": c.sentence},
            })
        })
        .collect();
    let mut r = json!({
        "ruleId": d.severity.as_str(),
        "ruleIndex": rule_index(d.severity),
        "level": level(d.severity),
        "message": {"text": format!("{}: {}", d.topic, d.summary)},
        "locations": locations,
        "partialFingerprints": {KEY_VERSION: d.id},
        "properties": {
            "status": d.status.as_str(),
            "confidence": d.confidence.as_str(),
            "why": d.why.line,
        },
    });
    if baseline {
        r["baselineState"] = json!(match d.status {
            Status::New => "new",
            _ => "unchanged",
        });
    }
    if let (Status::Accepted | Status::Dismissed, Some(x)) = (d.status, &d.decision) {
        let mut s = json!({
            "kind": "external",
            "status": "accepted",
            "properties": {"decision": d.status.as_str(), "by": x.by, "at": x.at},
        });
        if let Some(n) = &x.note {
            s["justification"] = json!(n);
        }
        r["suppressions"] = json!([s]);
    }
    r
}

/// A stale baseline entry: a finding that is gone.
fn absent(e: &BaselineEntry) -> Json {
    let says: Vec<String> = e
        .sources
        .iter()
        .map(|s| format!("{} ({})", s.says, s.path))
        .collect();
    json!({
        "ruleId": e.severity.as_str(),
        "ruleIndex": rule_index(e.severity),
        "level": "none",
        "message": {"text": format!("{}: {} (no longer found)", e.topic, says.join(" vs "))},
        "partialFingerprints": {KEY_VERSION: e.id},
        "baselineState": "absent",
    })
}

/// The SARIF log; `stale` is `Some` when a baseline was given.
pub fn log(o: &Outcome, root: &Path, stale: Option<&[BaselineEntry]>) -> String {
    let index = Index::new(&o.claims, &o.documents);
    let mut results: Vec<Json> = o
        .discrepancies
        .iter()
        .map(|d| result(d, &index, root, stale.is_some()))
        .collect();
    results.extend(stale.unwrap_or_default().iter().map(absent));
    let root_uri = std::path::absolute(root)
        .ok()
        .and_then(|p| p.to_str().map(|s| s.to_string()))
        .map(|s| format!("file://{}/", s.trim_end_matches('/').replace(' ', "%20")));
    let mut run = json!({
        "tool": {"driver": {
            "name": "crosscheck",
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "rules": [rule(Severity::Contradiction), rule(Severity::Divergence), rule(Severity::Update)],
        }},
        "columnKind": "unicodeCodePoints",
        "results": results,
    });
    if let Some(uri) = root_uri {
        run["originalUriBaseIds"] = json!({"%SRCROOT%": {"uri": uri}});
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [run],
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}
