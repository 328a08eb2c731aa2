//! Takes a sentence and the publication date, hands on dates and durations as day intervals.
//! Rule that is not obvious: every rule proposes candidate spans, the longest
//! candidate wins (ties: the earlier rule), and a span a rule recognised but found
//! invalid ("31 February") blocks shorter matches inside it. Relative dates ("on
//! Monday", "last week") are resolved against the publication date only; without
//! one they stay unresolved (no bounds, `X`s in the value), and deictic words with
//! no calendar extent ("now", "recently") are always unresolved (`PRESENT_REF`,
//! `PAST_REF`, `FUTURE_REF`). Spans follow TimeML: leading prepositions are left
//! out, determiners and qualifiers ("the", "early", "last") are kept, possessives
//! and demonstratives ("its", "that") are not.
//!
//! Resolution policy, in one place:
//! - partial dates ("Nov. 7", "June", "the third quarter", "the summer"): the
//!   occurrence nearest the reference, a future one counting four times farther
//!   (`calendar::FUTURE_WEIGHT`); in a future-tense clause ("will", "plans to",
//!   "scheduled", "effective", "would"), the first on or after the reference.
//!   Quarters ignore tense (they are reported after they end).
//! - weekdays: the latest such day on or before the reference (the reference day
//!   itself included), or the first on or after it in a future-tense clause;
//!   "last"/"next" step strictly back/forward.
//! - "last/this/next week|month|year" are calendar units (ISO weeks); "the past
//!   year", "the last three months" are durations.
//! - decades and centuries score as the whole span whatever the qualifier
//!   ("the early 1990s" is 1990–1999, value `199X`, precision `Range`).
//! - "a year ago/earlier" in a sentence comparing reported figures is the same
//!   quarter a year before; elsewhere the previous calendar year. Other
//!   "N units earlier/later/before" hang on an unseen event and stay durations.

mod calendar;
mod rules;
mod trigger;
mod words;

pub use words::{month_number, weekday};

/// Rules whose dates are counted from the publication date ("Monday", "last
/// week", "two days ago"), so two reports published on different days that use
/// them may name different days with the same words, or the same day with
/// different words.
pub fn counts_from_publication(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::Weekday
            | Rule::RelativeDay
            | Rule::RelativeUnit
            | Rule::Weekend
            | Rule::AnaphoricUnit
            | Rule::Ago
            | Rule::Deictic
    )
}

use chrono::NaiveDate;

use super::DateMatch;
use crate::model::{ClaimKind, Granularity, Precision};
use crate::rule::Rule;
use calendar::Span;

/// A rule's proposal: a match, or a recognised but invalid span (`None`).
struct Candidate {
    start: usize,
    end: usize,
    found: Option<DateMatch>,
    order: usize,
}

/// What the rules see: the sentence and its reference date.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub reference: Option<NaiveDate>,
    candidates: Vec<Candidate>,
    /// Bit i set: pattern i of the rules' regex set may match the text.
    matched: u64,
}

impl Ctx<'_> {
    /// Propose a date with interval `span` (`None` when it cannot be resolved).
    #[allow(clippy::too_many_arguments)]
    pub fn date(
        &mut self,
        start: usize,
        end: usize,
        span: Option<Span>,
        granularity: Granularity,
        value: String,
        precision: Precision,
        rule: Rule,
    ) {
        let (low, high) = match span {
            Some((l, h)) => (Some(l), Some(h)),
            None => (None, None),
        };
        self.push(DateMatch {
            start,
            end,
            kind: ClaimKind::Date,
            low,
            high,
            granularity,
            value,
            precision,
            days: None,
            rule,
        });
    }

    /// Propose a duration of `days` (low, high) days.
    pub fn duration(
        &mut self,
        start: usize,
        end: usize,
        days: (f64, f64),
        value: String,
        precision: Precision,
        rule: Rule,
    ) {
        self.push(DateMatch {
            start,
            end,
            kind: ClaimKind::Duration,
            low: None,
            high: None,
            granularity: Granularity::Day,
            value,
            precision,
            days: Some(days),
            rule,
        });
    }

    pub fn push(&mut self, m: DateMatch) {
        let order = self.candidates.len();
        self.candidates.push(Candidate {
            start: m.start,
            end: m.end,
            found: Some(m),
            order,
        });
    }

    /// Mark a span as recognised but invalid: nothing inside it is emitted.
    pub fn block(&mut self, start: usize, end: usize) {
        let order = self.candidates.len();
        self.candidates.push(Candidate {
            start,
            end,
            found: None,
            order,
        });
    }
}

/// Every date and duration in `text`; relative ones resolved against `reference`.
pub fn find_dates(text: &str, reference: Option<NaiveDate>) -> Vec<DateMatch> {
    let mut ctx = Ctx {
        text,
        reference,
        candidates: Vec::new(),
        matched: u64::MAX,
    };
    rules::run(&mut ctx);
    let mut cands = ctx.candidates;
    // Longest first; on equal length the invalid marker, then the earlier rule.
    cands.sort_by_key(|c| {
        (
            std::cmp::Reverse(c.end - c.start),
            c.found.is_some(),
            c.start,
            c.order,
        )
    });
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for c in cands {
        if c.start >= c.end || taken.iter().any(|&(s, e)| c.start < e && s < c.end) {
            continue;
        }
        taken.push((c.start, c.end));
        if let Some(m) = c.found {
            out.push(m);
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

#[cfg(test)]
mod tests;
