//! Takes a sentence and the publication date, hands on dates and durations as day intervals.
//! Rule that is not obvious: a relative date ("on Monday") is resolved against the
//! publication date only; without one it stays unresolved rather than guessed.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::DateMatch;
use crate::model::{ClaimKind, Granularity, Precision};

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<d>[0-9]{1,2})\s+(?P<m>january|february|march|april|may|june|july|august|september|october|november|december)\s+(?P<y>[0-9]{4})\b").expect("regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(?P<d>[0-9]{1,2})(?:,?\s+(?P<y>[0-9]{4}))?\b").expect("regex")
});
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?P<y>1[0-9]{3}|20[0-9]{2})\b").expect("regex"));

fn month_index(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    MONTHS
        .iter()
        .position(|m| n.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// Every date in `text`; relative ones resolved against `reference`.
pub fn find_dates(text: &str, reference: Option<NaiveDate>) -> Vec<DateMatch> {
    let mut out: Vec<DateMatch> = Vec::new();
    let mut push = |m: DateMatch| {
        if !out.iter().any(|o| m.start < o.end && o.start < m.end) {
            out.push(m);
        }
    };
    for c in DAY_MONTH_YEAR.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let (Some(m), Ok(d), Ok(y)) = (month_index(&c["m"]), c["d"].parse(), c["y"].parse()) else {
            continue;
        };
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            push(day(whole.start(), whole.end(), date, "day month year"));
        }
    }
    for c in MONTH_DAY_YEAR.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let (Some(m), Ok(d)) = (month_index(&c["m"]), c["d"].parse::<u32>()) else {
            continue;
        };
        let y = match c.name("y") {
            Some(y) => y.as_str().parse().ok(),
            None => reference.map(|r| chrono::Datelike::year(&r)),
        };
        match y.and_then(|y| NaiveDate::from_ymd_opt(y, m, d)) {
            Some(date) => push(day(whole.start(), whole.end(), date, "month day year")),
            None => continue,
        }
    }
    for c in YEAR.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let Ok(y) = c["y"].parse::<i32>() else {
            continue;
        };
        let (Some(low), Some(high)) = (
            NaiveDate::from_ymd_opt(y, 1, 1),
            NaiveDate::from_ymd_opt(y, 12, 31),
        ) else {
            continue;
        };
        push(DateMatch {
            start: whole.start(),
            end: whole.end(),
            kind: ClaimKind::Date,
            low: Some(low),
            high: Some(high),
            granularity: Granularity::Year,
            value: format!("{y}"),
            precision: Precision::Exact,
            days: None,
            rule: "year",
        });
    }
    out.sort_by_key(|m| m.start);
    out
}

fn day(start: usize, end: usize, date: NaiveDate, rule: &'static str) -> DateMatch {
    DateMatch {
        start,
        end,
        kind: ClaimKind::Date,
        low: Some(date),
        high: Some(date),
        granularity: Granularity::Day,
        value: date.format("%Y-%m-%d").to_string(),
        precision: Precision::Exact,
        days: None,
        rule,
    }
}
