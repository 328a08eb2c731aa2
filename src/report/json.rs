//! Takes the run's outcome, hands on the JSON contract: `documents`, `claims`,
//! `discrepancies`, `problems`, `totals`, `schema_version` (see docs/claims.md
//! and docs/report.schema.json).
//! Rule that is not obvious: an open bound ("at least 286") is `null`, never a
//! huge number, and dates are `YYYY-MM-DD` strings.

use std::io::Write;

use serde_json::{Value as Json, json};

use crate::Outcome;
use crate::model::{Claim, Document, Granularity, Interval, Precision, Stated};

/// The version of the JSON contract (docs/claims.md, docs/report.schema.json):
/// raised whenever a field changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 3;

/// A claim's precision as the report gives it: a date coarser than a day
/// ("September 2022") is a range of days, not an exact figure.
pub fn precision(v: &crate::model::Value) -> Precision {
    match (&v.interval, v.precision) {
        (Interval::Date { granularity, .. }, Precision::Exact)
            if *granularity != Granularity::Day =>
        {
            Precision::Range
        }
        (_, p) => p,
    }
}

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
        "precision": precision(&c.value),
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
        "anchor_text": c.anchor.as_ref().map(|a| crate::label::anchor_text(&a.value)),
        "entities": c.entities,
        "topic": (!c.topic.is_empty()).then_some(&c.topic),
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
        use chrono::Datelike;
        match self.0 {
            // what `%Y-%m-%d` prints for a four-digit year, without parsing
            // the format string for every date
            Some(d) if (0..=9999).contains(&d.year()) => {
                let mut b = *b"0000-00-00";
                let digits = |n: u32, to: &mut [u8]| {
                    let mut n = n;
                    for slot in to.iter_mut().rev() {
                        *slot = b'0' + (n % 10) as u8;
                        n /= 10;
                    }
                };
                digits(d.year().unsigned_abs(), &mut b[0..4]);
                digits(d.month(), &mut b[5..7]);
                digits(d.day(), &mut b[8..10]);
                s.serialize_str(std::str::from_utf8(&b).unwrap_or_default())
            }
            Some(d) => s.collect_str(&d.format("%Y-%m-%d")),
            None => s.serialize_unit(),
        }
    }
}

/// JSON as serde_json's pretty printer writes it, by hand for the bulk (claims)
/// and through serde for the rest, `depth` levels of two spaces deep.
mod pretty {
    use super::{Day, Num};
    use crate::model::{Claim, Interval, Stated};

    /// A newline and the indentation of `depth` levels.
    pub fn newline(out: &mut Vec<u8>, depth: usize) {
        const INDENT: &[u8; 33] = b"\n                                ";
        match INDENT.get(..1 + 2 * depth) {
            Some(indent) => out.extend_from_slice(indent),
            None => {
                out.push(b'\n');
                for _ in 0..depth {
                    out.extend_from_slice(b"  ");
                }
            }
        }
    }

    /// A JSON string, escaped exactly as serde_json escapes it.
    pub fn string(out: &mut Vec<u8>, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let bytes = s.as_bytes();
        out.reserve(bytes.len() + 2);
        out.push(b'"');
        let plain = |b: u8| b >= 0x20 && b != b'"' && b != b'\\';
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            // 16 bytes at a time while none needs escaping (nearly always)
            if let Some(chunk) = bytes.get(i..i + 16)
                && chunk.iter().fold(true, |all, &b| all & plain(b))
            {
                i += 16;
                continue;
            }
            let b = bytes[i];
            if plain(b) {
                i += 1;
                continue;
            }
            out.extend_from_slice(&bytes[start..i]);
            match b {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                0x08 => out.extend_from_slice(b"\\b"),
                0x0c => out.extend_from_slice(b"\\f"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\t' => out.extend_from_slice(b"\\t"),
                _ => out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 0xf)],
                ]),
            }
            i += 1;
            start = i;
        }
        out.extend_from_slice(&bytes[start..]);
        out.push(b'"');
    }

    fn opt_string(out: &mut Vec<u8>, s: Option<&str>) {
        match s {
            Some(s) => string(out, s),
            None => out.extend_from_slice(b"null"),
        }
    }

    /// A scalar (number, unit enum variant, date) as serde_json writes it; a
    /// scalar prints the same compact or pretty.
    fn scalar<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) {
        // writing to memory cannot fail
        let _ = serde_json::to_writer(&mut *out, v);
    }

    /// `,` (unless first), a newline, the indent and `"k": `, copied in one
    /// piece: keys are literals, so inlined this is a few stores, not five copies.
    #[inline(always)]
    fn key(out: &mut Vec<u8>, depth: usize, first: bool, k: &str) {
        let mut buf = [b' '; 64];
        let comma = usize::from(!first);
        let indent = 2 * depth;
        let len = comma + 1 + indent + 1 + k.len() + 3;
        if len > buf.len() {
            if !first {
                out.push(b',');
            }
            newline(out, depth);
            out.push(b'"');
            out.extend_from_slice(k.as_bytes());
            out.extend_from_slice(b"\": ");
            return;
        }
        buf[0] = b',';
        buf[comma] = b'\n';
        let at = comma + 1 + indent;
        buf[at] = b'"';
        buf[at + 1..at + 1 + k.len()].copy_from_slice(k.as_bytes());
        buf[len - 3..len].copy_from_slice(b"\": ");
        out.extend_from_slice(&buf[..len]);
    }

    /// `claim(c)` pretty-printed at `depth`, with the same keys in the same
    /// (sorted) order as its JSON tree, so the same bytes.
    /// Its sentence and quote are given apart (`crate::texts`).
    pub fn claim_with(out: &mut Vec<u8>, c: &Claim, sentence: &str, quote: &str, depth: usize) {
        let d = depth + 1;
        out.push(b'{');
        key(out, d, true, "anchor");
        opt_string(out, c.anchor.as_ref().map(|a| a.value.as_str()));
        key(out, d, false, "anchor_text");
        opt_string(
            out,
            c.anchor
                .as_ref()
                .map(|a| crate::label::anchor_text(&a.value))
                .as_deref(),
        );
        key(out, d, false, "column");
        scalar(out, &c.column);
        key(out, d, false, "document");
        string(out, &c.document);
        key(out, d, false, "end");
        scalar(out, &c.end);
        key(out, d, false, "entities");
        if c.entities.is_empty() {
            out.extend_from_slice(b"[]");
        } else {
            out.push(b'[');
            for (i, e) in c.entities.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                newline(out, d + 1);
                string(out, e);
            }
            newline(out, d);
            out.push(b']');
        }
        key(out, d, false, "event");
        opt_string(out, c.event.map(crate::event::EventClass::as_str));
        key(out, d, false, "id");
        string(out, &c.id);
        key(out, d, false, "kind");
        scalar(out, &c.kind);
        key(out, d, false, "line");
        scalar(out, &c.line);
        key(out, d, false, "measure");
        opt_string(out, c.measure.as_ref().map(crate::key::MeasureKey::as_str));
        key(out, d, false, "quote");
        string(out, quote);
        key(out, d, false, "rule");
        string(out, c.rule.as_str());
        key(out, d, false, "sentence");
        string(out, sentence);
        key(out, d, false, "start");
        scalar(out, &c.start);
        key(out, d, false, "topic");
        opt_string(out, (!c.topic.is_empty()).then_some(&*c.topic));
        key(out, d, false, "value");
        value(out, c, d);
        newline(out, depth);
        out.push(b'}');
    }

    /// `value(c)` pretty-printed at `depth`.
    fn value(out: &mut Vec<u8>, c: &Claim, depth: usize) {
        let d = depth + 1;
        let v = &c.value;
        out.push(b'{');
        match &v.interval {
            Interval::Number { low, high } | Interval::Duration { low, high } => {
                key(out, d, true, "high");
                scalar(out, &Num(*high));
                key(out, d, false, "low");
                scalar(out, &Num(*low));
            }
            Interval::Date {
                low,
                high,
                granularity,
            } => {
                key(out, d, true, "granularity");
                scalar(out, granularity);
                key(out, d, false, "high");
                scalar(out, &Day(*high));
                key(out, d, false, "low");
                scalar(out, &Day(*low));
            }
        }
        key(out, d, false, "precision");
        scalar(out, &super::precision(v));
        key(out, d, false, "stated");
        match &v.stated {
            Stated::Number(n) => scalar(out, &Num(*n)),
            Stated::Text(t) => string(out, t),
        }
        key(out, d, false, "unit");
        opt_string(out, v.unit);
        newline(out, depth);
        out.push(b'}');
    }

    /// Any value pretty-printed by serde_json at `depth`: its lines are
    /// indented further (a newline in pretty JSON is never inside a string).
    pub fn nested<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, v: &T, depth: usize) {
        let mut flat = Vec::new();
        // writing to memory cannot fail
        let _ = serde_json::to_writer_pretty(&mut flat, v);
        let mut lines = flat.split(|&b| b == b'\n');
        if let Some(first) = lines.next() {
            out.extend_from_slice(first);
        }
        for line in lines {
            newline(out, depth);
            out.extend_from_slice(line);
        }
    }
}

/// The whole report as one pretty-printed object.
pub fn report(o: &Outcome) -> String {
    let mut out = Vec::new();
    // writing to memory cannot fail, and every part written is UTF-8
    let _ = write_report(o, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Items per block rendered in parallel and then written: enough to keep the
/// threads busy, few enough that the rendered text stays small in memory.
const BLOCK: usize = 2048;

/// `items` as the pretty JSON array at depth 1 of the report, each item
/// rendered by `item` at depth 2, in parallel, written in order.
fn write_array<T: Sync>(
    w: &mut impl Write,
    items: &[T],
    item: impl Fn(&mut Vec<u8>, &T) + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    if items.is_empty() {
        return w.write_all(b"[]");
    }
    w.write_all(b"[")?;
    for (b, block) in items.chunks(BLOCK).enumerate() {
        let parts: Vec<Vec<u8>> = block
            .par_chunks(64)
            .enumerate()
            .map(|(k, chunk)| {
                let mut out = Vec::with_capacity(chunk.len() * 1024);
                for (i, x) in chunk.iter().enumerate() {
                    if b > 0 || k > 0 || i > 0 {
                        out.push(b',');
                    }
                    pretty::newline(&mut out, 2);
                    item(&mut out, x);
                }
                out
            })
            .collect();
        for part in parts {
            w.write_all(&part)?;
        }
    }
    w.write_all(b"\n  ]")
}

/// `report`, written to `w` as it is produced: the object `{claims,
/// discrepancies, documents, problems, schema_version, totals}` (keys sorted,
/// as a `json!` object prints them), pretty-printed as serde_json does.
pub fn write_report(o: &Outcome, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut buf = std::io::BufWriter::with_capacity(1 << 16, w);
    buf.write_all(b"{\n  \"claims\": ")?;
    write_array(&mut buf, &o.claims, |out, c| {
        let (sentence, quote) = o.texts.text(c);
        pretty::claim_with(out, c, &sentence, &quote, 2);
    })?;
    if let Some(e) = o.texts.failure() {
        return Err(std::io::Error::other(format!(
            "reading the claims' sentences back from their temporary file: {e}"
        )));
    }
    buf.write_all(b",\n  \"discrepancies\": ")?;
    write_array(&mut buf, &o.discrepancies, |out, d| {
        pretty::nested(out, &serde_json::to_value(d).unwrap_or_default(), 2);
    })?;
    buf.write_all(b",\n  \"documents\": ")?;
    write_array(&mut buf, &o.documents, |out, d| {
        pretty::nested(out, &document(d), 2);
    })?;
    buf.write_all(b",\n  \"problems\": ")?;
    write_array(&mut buf, &o.problems, |out, p| {
        pretty::nested(out, &serde_json::to_value(p).unwrap_or_default(), 2);
    })?;
    buf.write_all(format!(",\n  \"schema_version\": {SCHEMA_VERSION}").as_bytes())?;
    buf.write_all(b",\n  \"totals\": ")?;
    let mut totals = Vec::new();
    pretty::nested(
        &mut totals,
        &serde_json::to_value(o.totals()).unwrap_or_default(),
        1,
    );
    buf.write_all(&totals)?;
    buf.write_all(b"\n}\n")?;
    buf.flush()
}

/// `write_report` of a run merged from its partitions' reports
/// (`crate::partition::merge`): their claims, findings and documents as they
/// were written (each at the depth it has here), in the run's order.
pub fn write_merged(
    claims: &[&serde_json::value::RawValue],
    discrepancies: &[&serde_json::value::RawValue],
    documents: &[&serde_json::value::RawValue],
    problems: &[crate::ingest::Problem],
    totals: &crate::Totals,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut buf = std::io::BufWriter::with_capacity(1 << 16, w);
    let copy = |out: &mut Vec<u8>, r: &&serde_json::value::RawValue| {
        out.extend_from_slice(r.get().as_bytes());
    };
    buf.write_all(b"{\n  \"claims\": ")?;
    write_array(&mut buf, claims, copy)?;
    buf.write_all(b",\n  \"discrepancies\": ")?;
    write_array(&mut buf, discrepancies, copy)?;
    buf.write_all(b",\n  \"documents\": ")?;
    write_array(&mut buf, documents, copy)?;
    buf.write_all(b",\n  \"problems\": ")?;
    write_array(&mut buf, problems, |out, p| {
        pretty::nested(out, &serde_json::to_value(p).unwrap_or_default(), 2);
    })?;
    buf.write_all(format!(",\n  \"schema_version\": {SCHEMA_VERSION}").as_bytes())?;
    buf.write_all(b",\n  \"totals\": ")?;
    let mut out = Vec::new();
    pretty::nested(
        &mut out,
        &serde_json::to_value(totals).unwrap_or_default(),
        1,
    );
    buf.write_all(&out)?;
    buf.write_all(b"\n}\n")?;
    buf.flush()
}

/// One object per line, each tagged with `type`: documents, claims,
/// discrepancies, problems (inputs skipped), then one `totals` line with the
/// `schema_version`.
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
        put("claim", claim(&o.texts.with_text(c)));
    }
    for d in &o.discrepancies {
        put("discrepancy", serde_json::to_value(d).unwrap_or_default());
    }
    for p in &o.problems {
        put("problem", serde_json::to_value(p).unwrap_or_default());
    }
    let mut totals = serde_json::to_value(o.totals()).unwrap_or_default();
    totals["schema_version"] = json!(SCHEMA_VERSION);
    put("totals", totals);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_days_print_as_serde_json_prints_them() {
        let long = "a long run of plain text, more than sixteen bytes\u{7f}".repeat(3);
        for text in [
            "",
            "plain",
            "quote \" and backslash \\ inside",
            "tab\there, newline\nthere, cr\r, bell\u{7}, nul\u{0}, esc\u{1b}, \u{8}\u{c}\u{1f}",
            "Ünter den Linden — “curly” 😀 and a long tail of words to pass 16 bytes\"",
            &long,
            "0123456789abcde\"",
            "0123456789abcdef\"",
        ] {
            let mut out = Vec::new();
            pretty::string(&mut out, text);
            let expected = serde_json::to_string(text).unwrap_or_default();
            assert_eq!(String::from_utf8(out).unwrap_or_default(), expected);
        }
        for (y, m, d) in [
            (2023, 7, 4),
            (5, 1, 9),
            (999, 12, 31),
            (9999, 2, 28),
            (10000, 1, 1),
            (-44, 3, 15),
            (0, 6, 1),
        ] {
            let day = chrono::NaiveDate::from_ymd_opt(y, m, d);
            assert!(day.is_some());
            let expected = serde_json::to_string(&day.map(|d| d.format("%Y-%m-%d").to_string()))
                .unwrap_or_default();
            assert_eq!(
                serde_json::to_string(&Day(day)).unwrap_or_default(),
                expected
            );
        }
        assert_eq!(
            serde_json::to_string(&Day(None)).unwrap_or_default(),
            "null"
        );
    }

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
                let mut streamed = Vec::new();
                pretty::claim_with(&mut streamed, c, &c.sentence, &c.quote, 0);
                assert_eq!(String::from_utf8(streamed).unwrap_or_default(), tree);
                // deeper: every line but the first indented further (30: past
                // the keys' stack buffer)
                for depth in [2, 30] {
                    let mut deep = Vec::new();
                    pretty::claim_with(&mut deep, c, &c.sentence, &c.quote, depth);
                    let mut nested = Vec::new();
                    pretty::nested(&mut nested, &claim(c), depth);
                    assert_eq!(deep, nested);
                }
            }
        }
    }
}
