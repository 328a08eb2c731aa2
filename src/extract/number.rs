//! Takes a sentence, hands on every number in it as an interval with its kind.
//! Rule that is not obvious: a qualifier turns one figure into bounds ("at least
//! 286" is [286, ∞)), and the stated figure is kept apart from the interval.

use std::sync::LazyLock;

use regex::Regex;

use super::NumberMatch;
use crate::model::{ClaimKind, Precision};

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?P<qual>\b(?:more\ than|at\ least|about|nearly|some|up\ to|over|almost|around|fewer\ than|less\ than)\s+)?
        (?P<cur>[$€£])?
        (?P<num>\b[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|\b[0-9]+(?:\.[0-9]+)?)
        (?P<scale>\s+(?:million|billion|thousand))?
        (?P<pct>\s*%|\s+percent)?
        ",
    )
    .expect("number regex")
});

/// Every number in `text`.
pub fn find_numbers(text: &str) -> Vec<NumberMatch> {
    let mut out = Vec::new();
    for caps in NUMBER.captures_iter(text) {
        let whole = caps.get(0).expect("match");
        let raw = caps["num"].replace(',', "");
        let Ok(mut n) = raw.parse::<f64>() else {
            continue;
        };
        if let Some(scale) = caps.name("scale") {
            n *= match scale.as_str().trim().to_lowercase().as_str() {
                "million" => 1e6,
                "billion" => 1e9,
                _ => 1e3,
            };
        }
        let kind = if caps.name("pct").is_some() {
            ClaimKind::Percent
        } else if caps.name("cur").is_some() {
            ClaimKind::Money
        } else {
            ClaimKind::Count
        };
        let (low, high, precision) =
            match caps.name("qual").map(|q| q.as_str().trim().to_lowercase()) {
                None => (n, n, Precision::Exact),
                Some(q) => match q.as_str() {
                    "more than" | "over" => (n, f64::INFINITY, Precision::Bound),
                    "at least" => (n, f64::INFINITY, Precision::Bound),
                    "up to" | "fewer than" | "less than" => (0.0, n, Precision::Bound),
                    "nearly" | "almost" => (n * 0.9, n, Precision::Approximate),
                    _ => (n * 0.9, n * 1.1, Precision::Approximate),
                },
            };
        out.push(NumberMatch {
            start: whole.start(),
            end: whole.end(),
            kind,
            low,
            high,
            stated: n,
            unit: None,
            precision,
            rule: "number",
        });
    }
    out
}
