//! Runs every case of `tests/cases/dates.toml` and reports every failing one at once.

use chrono::NaiveDate;
use serde::Deserialize;

use super::find_dates;
use crate::extract::DateMatch;
use crate::model::ClaimKind;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    /// The publication date; absent means none.
    reference: Option<String>,
    /// Sentences; `[…]` marks the expected span (brackets are removed before matching).
    forms: Vec<String>,
    /// `expect = []`: a negative case, no date or duration may be found.
    expect: Option<Vec<String>>,
    low: Option<String>,
    high: Option<String>,
    /// `"none"` asserts an unresolved date.
    granularity: Option<String>,
    value: Option<String>,
    kind: Option<String>,
    days: Option<[f64; 2]>,
}

fn check(case: &Case, form: &str) -> Result<(), String> {
    let reference = case
        .reference
        .as_deref()
        .map(|r| {
            NaiveDate::parse_from_str(r, "%Y-%m-%d").map_err(|e| format!("bad reference: {e}"))
        })
        .transpose()?;
    let text: String = form.chars().filter(|c| *c != '[' && *c != ']').collect();
    let found = find_dates(&text, reference);
    let show = |ms: &[DateMatch]| {
        ms.iter()
            .map(|m| {
                format!(
                    "{:?} {:?}..{:?} {}",
                    &text[m.start..m.end],
                    m.low,
                    m.high,
                    m.value
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    if case.expect.as_ref().is_some_and(|e| e.is_empty()) {
        return if found.is_empty() {
            Ok(())
        } else {
            Err(format!("expected nothing, found {}", show(&found)))
        };
    }
    let span = match (form.find('['), form.find(']')) {
        (Some(a), Some(b)) if a < b => Some((a, b - 1)),
        _ => None,
    };
    let m = match span {
        Some((s, e)) => found.iter().find(|m| m.start == s && m.end == e),
        None => found.first(),
    };
    let Some(m) = m else {
        return Err(format!("span not found; found {}", show(&found)));
    };
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let mut errs = Vec::new();
    if case.granularity.as_deref() == Some("none") {
        if m.low.is_some() || m.high.is_some() {
            errs.push(format!(
                "expected unresolved, got {:?}..{:?}",
                m.low, m.high
            ));
        }
    } else if let Some(g) = &case.granularity {
        let got = serde_json::to_value(m.granularity).map(|v| v.as_str().unwrap_or("").to_string());
        if got.as_deref().ok() != Some(g.as_str()) {
            errs.push(format!("granularity {:?}, expected {g}", m.granularity));
        }
    }
    if let Some(l) = &case.low
        && m.low != date(l)
    {
        errs.push(format!("low {:?}, expected {l}", m.low));
    }
    if let Some(h) = &case.high
        && m.high != date(h)
    {
        errs.push(format!("high {:?}, expected {h}", m.high));
    }
    if let Some(v) = &case.value
        && &m.value != v
    {
        errs.push(format!("value {}, expected {v}", m.value));
    }
    let want_kind = match case.kind.as_deref() {
        Some("duration") => ClaimKind::Duration,
        _ => ClaimKind::Date,
    };
    if m.kind != want_kind {
        errs.push(format!("kind {:?}, expected {want_kind:?}", m.kind));
    }
    if let Some([lo, hi]) = case.days {
        match m.days {
            Some((a, b)) if (a - lo).abs() < 1e-6 && (b == hi || (b - hi).abs() < 1e-6) => {}
            other => errs.push(format!("days {other:?}, expected ({lo}, {hi})")),
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs.join(", "))
    }
}

#[test]
fn date_cases() {
    let file: File =
        toml::from_str(include_str!("../../../tests/cases/dates.toml")).expect("dates.toml parses");
    let mut failures = Vec::new();
    let mut n = 0;
    for case in &file.case {
        for form in &case.forms {
            n += 1;
            if let Err(e) = check(case, form) {
                failures.push(format!("[{}] {form:?}: {e}", case.name));
            }
        }
    }
    assert!(n > 100, "only {n} forms");
    assert!(
        failures.is_empty(),
        "{} of {n} date forms failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn never_panics_on_odd_input() {
    let long = "9".repeat(400);
    let inputs = [
        format!("{long} days ago"),
        format!("On May {long}, {long} people"),
        format!("the {long}th of May {long}"),
        "31 February 2023".to_string(),
        "Ünïcödé 4 Juli 2023 — “Monday” ½ years".to_string(),
        "Q9 9999 the 0th century 2099-13-45 99/99/9999".to_string(),
        "—Friday— will “Monday” ‘next’ week’s—June 5—the ’90s, « 1990 » …".to_string(),
        "é".repeat(100) + " will meet on Friday " + &"—".repeat(50),
    ];
    for text in &inputs {
        for r in [
            None,
            NaiveDate::from_ymd_opt(2023, 8, 1),
            NaiveDate::from_ymd_opt(1, 1, 1),
        ] {
            for m in find_dates(text, r) {
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            }
        }
    }
}

/// Token soup from a fixed-seed generator: every rule sees odd neighbours
/// (multi-byte punctuation, huge numbers, half dates) and must neither panic nor
/// return a span off a char boundary or an inverted interval.
#[test]
fn token_soup_never_panics() {
    const TOKENS: &[&str] = &[
        "May",
        "Nov.",
        "Sept",
        "June",
        "Monday",
        "Friday's",
        "the",
        "last",
        "next",
        "this",
        "early",
        "mid-",
        "of",
        "week",
        "weekend",
        "quarter",
        "third-quarter",
        "Q4",
        "fiscal",
        "1990",
        "1990s",
        "'90s",
        "2099",
        "0",
        "31",
        "29",
        "99th",
        "4th",
        "February",
        "ago",
        "earlier",
        "will",
        "said",
        "—",
        "–",
        "“",
        "”",
        "é",
        "½",
        ",",
        ".",
        ":",
        "-",
        "/",
        "2023-02-29",
        "12/31/1999",
        "nineteen",
        "ninety-six",
        "two thousand",
        "a",
        "six-week",
        "30-plus",
        "years",
        "hours",
        "days",
        "century",
        "20th",
        "spring",
        "fall",
        "winter",
        "now",
        "recently",
        "yesterday",
        "tonight",
        "Christmas",
        "the year",
        "to",
        "5-7",
        "999999999999999999999999999999",
        "a.m.",
        "EST",
        "weeks",
        "decade",
        "half",
        "first",
    ];
    let mut state: u64 = 0x5eed;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let refs = [
        None,
        NaiveDate::from_ymd_opt(2024, 2, 29),
        NaiveDate::from_ymd_opt(1000, 1, 1),
    ];
    for _ in 0..300 {
        let n = 3 + next() % 12;
        let text: Vec<&str> = (0..n).map(|_| TOKENS[next() % TOKENS.len()]).collect();
        let text = text.join(if next() % 3 == 0 { "" } else { " " });
        for r in refs {
            for m in find_dates(&text, r) {
                assert!(
                    m.start < m.end
                        && text.is_char_boundary(m.start)
                        && text.is_char_boundary(m.end),
                    "{text:?}"
                );
                if let (Some(l), Some(h)) = (m.low, m.high) {
                    assert!(l <= h, "{text:?}: {l} > {h}");
                }
                if let Some((lo, hi)) = m.days {
                    assert!(lo <= hi, "{text:?}: days {lo} > {hi}");
                }
            }
        }
    }
}
