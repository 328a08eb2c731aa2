//! Calendar arithmetic for the date grammar: the day interval of a month, quarter,
//! season, ISO week …, and the policy that picks a year for a partial date.
//! Rule that is not obvious: a partial date ("Nov. 7", "June", "the third quarter")
//! takes the occurrence nearest the reference, where a future occurrence counts as
//! `FUTURE_WEIGHT` times farther than a past one (news mostly reports the past) —
//! unless the sentence is in the future tense, in which case the first occurrence
//! on or after the reference is taken.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// An inclusive day interval.
pub type Span = (NaiveDate, NaiveDate);

/// How much farther a future occurrence of a partial date counts than a past one.
pub const FUTURE_WEIGHT: i64 = 4;

pub fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub fn year(y: i32) -> Option<Span> {
    Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
}

/// Month `m` of year `y`; months outside 1..=12 roll over into neighbouring years.
pub fn month(y: i32, m: i32) -> Option<Span> {
    let (y, m) = (
        y.checked_add((m - 1).div_euclid(12))?,
        (m - 1).rem_euclid(12) + 1,
    );
    let first = ymd(y, m as u32, 1)?;
    let (ny, nm) = if m == 12 {
        (y + 1, 1)
    } else {
        (y, m as u32 + 1)
    };
    Some((first, ymd(ny, nm, 1)?.pred_opt()?))
}

pub fn months(y: i32, first: i32, last: i32) -> Option<Span> {
    Some((month(y, first)?.0, month(y, last)?.1))
}

pub fn quarter(y: i32, q: i32) -> Option<Span> {
    months(y, 3 * q - 2, 3 * q)
}

pub fn half(y: i32, h: i32) -> Option<Span> {
    months(y, 6 * h - 5, 6 * h)
}

/// Meteorological northern seasons: 1 spring (Mar–May), 2 summer, 3 fall, 4 winter
/// (December of `y` to February of `y + 1`).
pub fn season(y: i32, s: i32) -> Option<Span> {
    months(y, 3 * s, 3 * s + 2)
}

pub fn decade(d: i32) -> Option<Span> {
    Some((year(d)?.0, year(d.checked_add(9)?)?.1))
}

/// Century by its first year (1900 for "the 20th century", as TimeML writes `19`).
pub fn century(c: i32) -> Option<Span> {
    Some((year(c)?.0, year(c.checked_add(99)?)?.1))
}

/// The ISO week (Monday–Sunday) holding `d`.
pub fn week_of(d: NaiveDate) -> Option<Span> {
    let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
    Some((monday, monday + Duration::days(6)))
}

/// The Saturday–Sunday of the ISO week holding `d`.
pub fn weekend_of(d: NaiveDate) -> Option<Span> {
    let (monday, _) = week_of(d)?;
    Some((monday + Duration::days(5), monday + Duration::days(6)))
}

pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(n)?)
}

/// `d` moved by `n` months, the day clamped to the month's length.
pub fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    let (first, last) = month(d.year(), d.month() as i32 + n)?;
    ymd(first.year(), first.month(), d.day().min(last.day()))
}

pub fn quarter_of(d: NaiveDate) -> i32 {
    (d.month() as i32 - 1) / 3 + 1
}

/// Signed distance from the reference to an interval, in days: negative when the
/// interval lies before it, 0 when it holds it.
fn distance(span: Span, reference: NaiveDate) -> i64 {
    if span.1 < reference {
        (span.1 - reference).num_days()
    } else if span.0 > reference {
        (span.0 - reference).num_days()
    } else {
        0
    }
}

/// Pick, among the occurrences `make(year)` for the years around the reference,
/// the one the policy in this module's doc prefers; returns it with its year.
pub fn nearest_year(
    reference: NaiveDate,
    future: bool,
    make: impl Fn(i32) -> Option<Span>,
) -> Option<(i32, Span)> {
    let y0 = reference.year();
    let mut best: Option<(i64, i32, Span)> = None;
    for y in [y0 - 1, y0, y0 + 1] {
        let Some(span) = make(y) else { continue };
        let d = distance(span, reference);
        let cost = if future {
            if d < 0 {
                continue;
            }
            d
        } else if d > 0 {
            d * FUTURE_WEIGHT
        } else {
            -d
        };
        if best.is_none_or(|(c, _, _)| cost < c) {
            best = Some((cost, y, span));
        }
    }
    best.map(|(_, y, s)| (y, s))
}

/// The weekday `wd` nearest the reference: on or before it, or (future tense)
/// on or after it.
pub fn weekday_near(reference: NaiveDate, wd: Weekday, future: bool) -> Option<NaiveDate> {
    let r = reference.weekday().num_days_from_monday() as i64;
    let w = wd.num_days_from_monday() as i64;
    if future {
        add_days(reference, (w - r).rem_euclid(7))
    } else {
        add_days(reference, -(r - w).rem_euclid(7))
    }
}

/// TIMEX3 value of a day.
pub fn day_value(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// TIMEX3 value of the ISO week holding `d`.
pub fn week_value(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}
