//! Takes the run's outcome, hands on the JSON contract: `documents`, `claims`,
//! `discrepancies` (see docs/claims.md).
//! Rule that is not obvious: an open bound ("at least 286") is `null`, never a
//! huge number, and dates are `YYYY-MM-DD` strings.

use serde_json::{Value as Json, json};

use crate::Outcome;
use crate::model::{Claim, Document, Interval, Stated};

pub fn document(d: &Document) -> Json {
    json!({
        "id": d.id,
        "path": d.path,
        "published": d.published.map(|p| p.format("%Y-%m-%d").to_string()),
        "published_from": d.published_from,
        "format": d.format,
        "outlet": d.outlet,
        "title": d.title,
    })
}

fn num(x: f64) -> Json {
    if x.is_finite() {
        if x.fract() == 0.0 && x.abs() < 9e15 {
            json!(x as i64)
        } else {
            json!(x)
        }
    } else {
        Json::Null
    }
}

pub fn value(c: &Claim) -> Json {
    let stated = match &c.value.stated {
        Stated::Number(n) => num(*n),
        Stated::Text(t) => json!(t),
    };
    let (low, high, granularity) = match &c.value.interval {
        Interval::Number { low, high } | Interval::Duration { low, high } => {
            (num(*low), num(*high), None)
        }
        Interval::Date {
            low,
            high,
            granularity,
        } => (
            json!(low.map(|d| d.format("%Y-%m-%d").to_string())),
            json!(high.map(|d| d.format("%Y-%m-%d").to_string())),
            Some(*granularity),
        ),
    };
    let mut v = json!({
        "low": low,
        "high": high,
        "stated": stated,
        "unit": c.value.unit,
        "precision": c.value.precision,
    });
    if let Some(g) = granularity {
        v["granularity"] = json!(g);
    }
    v
}

pub fn claim(c: &Claim) -> Json {
    json!({
        "id": c.id,
        "document": c.document,
        "kind": c.kind,
        "quote": c.quote,
        "sentence": c.sentence,
        "line": c.line,
        "column": c.column,
        "start": c.start,
        "end": c.end,
        "value": value(c),
        "measure": c.measure,
        "event": c.event,
        "anchor": c.anchor.as_ref().map(|a| a.value.clone()),
        "entities": c.entities,
        "topic": c.topic,
        "rule": c.rule,
    })
}

/// The whole report as one pretty-printed object. Each item becomes a JSON
/// tree only while it is written, so memory holds one claim's tree, not all.
pub fn report(o: &Outcome) -> String {
    // fields in alphabetical order, as a `json!` object would print them
    #[derive(serde::Serialize)]
    struct Report<'a> {
        claims: Each<'a, Claim>,
        discrepancies: Each<'a, crate::model::Discrepancy>,
        documents: Each<'a, Document>,
        problems: Each<'a, crate::ingest::Problem>,
        totals: Json,
    }
    let r = Report {
        claims: Each(&o.claims, claim),
        discrepancies: Each(&o.discrepancies, |d| {
            serde_json::to_value(d).unwrap_or_default()
        }),
        documents: Each(&o.documents, document),
        problems: Each(&o.problems, |p| serde_json::to_value(p).unwrap_or_default()),
        totals: serde_json::to_value(o.totals()).unwrap_or_default(),
    };
    let mut s = serde_json::to_string_pretty(&r).unwrap_or_default();
    s.push('\n');
    s
}

/// A slice written as a JSON array, each item turned into JSON as it is reached.
struct Each<'a, T>(&'a [T], fn(&T) -> Json);

impl<T> serde::Serialize for Each<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(self.1))
    }
}

/// One object per line: documents, then claims, then discrepancies, each tagged with `type`.
pub fn lines(o: &Outcome) -> String {
    let mut s = String::new();
    let mut put = |kind: &str, mut v: Json| {
        v["type"] = json!(kind);
        s.push_str(&v.to_string());
        s.push('\n');
    };
    for d in &o.documents {
        put("document", document(d));
    }
    for c in &o.claims {
        put("claim", claim(c));
    }
    for d in &o.discrepancies {
        put("discrepancy", serde_json::to_value(d).unwrap_or_default());
    }
    s
}
