//! Takes the run's outcome, hands on the JSON contract: `documents`, `claims`,
//! `discrepancies` (see docs/claims.md).
//! Rule that is not obvious: an open bound ("at least 286") is `null`, never a
//! huge number, and dates are `YYYY-MM-DD` strings.

use std::io::Write;

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

/// A number as `num` writes it: integral values as integers, open bounds as `null`.
struct Num(f64);

impl serde::Serialize for Num {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let x = self.0;
        if !x.is_finite() {
            s.serialize_unit()
        } else if x.fract() == 0.0 && x.abs() < 9e15 {
            s.serialize_i64(x as i64)
        } else {
            s.serialize_f64(x)
        }
    }
}

/// A day as `YYYY-MM-DD`, or `null`.
struct Day(Option<chrono::NaiveDate>);

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(d) => s.collect_str(&d.format("%Y-%m-%d")),
            None => s.serialize_unit(),
        }
    }
}

/// `value(c)` written straight to the serializer, keys in the same (sorted) order.
struct ValueOut<'a>(&'a Claim);

impl serde::Serialize for ValueOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let v = &self.0.value;
        let mut m = s.serialize_map(None)?;
        match &v.interval {
            Interval::Number { low, high } | Interval::Duration { low, high } => {
                m.serialize_entry("high", &Num(*high))?;
                m.serialize_entry("low", &Num(*low))?;
            }
            Interval::Date {
                low,
                high,
                granularity,
            } => {
                m.serialize_entry("granularity", granularity)?;
                m.serialize_entry("high", &Day(*high))?;
                m.serialize_entry("low", &Day(*low))?;
            }
        }
        m.serialize_entry("precision", &v.precision)?;
        match &v.stated {
            Stated::Number(n) => m.serialize_entry("stated", &Num(*n))?,
            Stated::Text(t) => m.serialize_entry("stated", t)?,
        }
        m.serialize_entry("unit", &v.unit)?;
        m.end()
    }
}

/// `claim(c)` written straight to the serializer, with no JSON tree in between:
/// the same keys in the same (sorted) order, so the same bytes.
struct ClaimOut<'a>(&'a Claim);

impl serde::Serialize for ClaimOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let c = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("anchor", &c.anchor.as_ref().map(|a| &a.value))?;
        m.serialize_entry("column", &c.column)?;
        m.serialize_entry("document", &c.document)?;
        m.serialize_entry("end", &c.end)?;
        m.serialize_entry("entities", &c.entities)?;
        m.serialize_entry("event", &c.event)?;
        m.serialize_entry("id", &c.id)?;
        m.serialize_entry("kind", &c.kind)?;
        m.serialize_entry("line", &c.line)?;
        m.serialize_entry("measure", &c.measure)?;
        m.serialize_entry("quote", &c.quote)?;
        m.serialize_entry("rule", &c.rule)?;
        m.serialize_entry("sentence", &c.sentence)?;
        m.serialize_entry("start", &c.start)?;
        m.serialize_entry("topic", &c.topic)?;
        m.serialize_entry("value", &ValueOut(c))?;
        m.end()
    }
}

/// The whole report as one pretty-printed object. Each item becomes a JSON
/// tree only while it is written, so memory holds one claim's tree, not all.
pub fn report(o: &Outcome) -> String {
    let mut out = Vec::new();
    // writing to memory cannot fail, and serde_json writes UTF-8
    let _ = write_report(o, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// `report`, written to `w` as it is produced.
pub fn write_report(o: &Outcome, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    // fields in alphabetical order, as a `json!` object would print them
    #[derive(serde::Serialize)]
    struct Report<'a> {
        claims: Claims<'a>,
        discrepancies: Each<'a, crate::model::Discrepancy>,
        documents: Each<'a, Document>,
        problems: Each<'a, crate::ingest::Problem>,
        totals: Json,
    }
    let r = Report {
        claims: Claims(&o.claims),
        discrepancies: Each(&o.discrepancies, |d| {
            serde_json::to_value(d).unwrap_or_default()
        }),
        documents: Each(&o.documents, document),
        problems: Each(&o.problems, |p| serde_json::to_value(p).unwrap_or_default()),
        totals: serde_json::to_value(o.totals()).unwrap_or_default(),
    };
    // a buffer of known type, so serde_json's many small writes are inlined
    // copies rather than calls through `dyn Write`
    let mut buf = std::io::BufWriter::with_capacity(1 << 16, w);
    serde_json::to_writer_pretty(&mut buf, &r)?;
    buf.write_all(b"\n")?;
    buf.flush()
}

/// The claims written as a JSON array, each straight from the claim.
struct Claims<'a>(&'a [Claim]);

impl serde::Serialize for Claims<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(ClaimOut))
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The streamed claim must print exactly as its JSON tree does: counts,
    /// bounds, open bounds, fractions, dates with and without a reference.
    #[test]
    fn a_streamed_claim_prints_as_its_tree() {
        let text = "On March 3, 2021 at least 12 people died and 2.5 million fled. \
                    By Tuesday about 40 to 45 were hurt, up from a dozen last week. \
                    The talks lasted three weeks in the 1990s, costing $1.2 billion.";
        for published in [chrono::NaiveDate::from_ymd_opt(2021, 3, 9), None] {
            let doc = Document {
                id: "d1".into(),
                path: "x.txt".into(),
                published,
                text: text.into(),
                ..Document::default()
            };
            let segments = crate::segment::segment(&doc);
            let claims = crate::extract::extract(&doc, &segments);
            assert!(claims.len() >= 8, "{}", claims.len());
            assert!(
                claims
                    .iter()
                    .any(|c| c.kind == crate::model::ClaimKind::Date)
            );
            for c in &claims {
                let tree = serde_json::to_string_pretty(&claim(c)).unwrap_or_default();
                let streamed = serde_json::to_string_pretty(&ClaimOut(c)).unwrap_or_default();
                assert_eq!(streamed, tree);
            }
        }
    }
}
