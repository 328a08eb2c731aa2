//! Takes date strings from metadata (front matter, HTML meta, JSON fields,
//! manifests) and the top of a document's text, hands on calendar days.
//! Rule that is not obvious: a value is read from its start only ("2024-03-05T23:00:00-05:00"
//! is 5 March: the day as written, never shifted to UTC), and impossible days
//! ("31 February") give `None`, never a neighbouring day.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

static DATE_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^\s*
        # an optional weekday: 'Tue, 07 Mar 2025 …' (RFC 2822) or 'Tuesday 7 March 2025'
        (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?
        (?:
          # 2025-03-07, 2025/3/7, 2025.03.07 (anything may follow: a time, a zone)
          (?P<y>[0-9]{4})[-/.](?P<m>[0-9]{1,2})[-/.](?P<d>[0-9]{1,2})
        | # 7 March 2025, 7th of March, 2025, 07 Mar 2025
          (?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>[a-z]{3,9})\.?,?\s+(?P<y1>[0-9]{4})
        | # March 7, 2025; Mar. 7 2025
          (?P<m2>[a-z]{3,9})\.?\s+(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>[0-9]{4})
        )
        (?:[^0-9]|$)",
    )
    .expect("date value regex")
});

/// A calendar day from a metadata value, in the common written forms.
pub fn parse_date_value(s: &str) -> Option<NaiveDate> {
    let c = DATE_VALUE.captures(s)?;
    let (y, m, d) = if let Some(y) = c.name("y") {
        (
            y.as_str().parse().ok()?,
            c["m"].parse().ok()?,
            c["d"].parse().ok()?,
        )
    } else if let Some(d) = c.name("d1") {
        (
            c["y1"].parse().ok()?,
            crate::extract::date::month_number(&c["m1"])?,
            d.as_str().parse().ok()?,
        )
    } else {
        (
            c["y2"].parse().ok()?,
            crate::extract::date::month_number(&c["m2"])?,
            c["d2"].parse().ok()?,
        )
    };
    NaiveDate::from_ymd_opt(y, m, d)
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^[^\n,]{2,60},\s*             # the place, then a comma
        (?:[^\n,0-9]{2,40},\s*)?           # and its state or country (Ill., Ostland)
        (?:
          (?P<d1>[0-9]{1,2})\s+(?P<m1>[A-Za-z]+)\.?,?\s+(?P<y1>[0-9]{4})   # 4 July 2023
        | (?P<m2>[A-Za-z]+)\.?\s+(?P<d2>[0-9]{1,2}),?\s+(?P<y2>[0-9]{4})   # March 7, 2025
        )
        \s*(?:\([^)\n]{1,60}\))?            # (Agency)
        \s*(?:[-–—:])                       # the dash or colon that ends a dateline",
    )
    .expect("dateline regex")
});

/// How far into the text a dateline may start (after leading white space).
const DATELINE_WINDOW: usize = 400;

/// The longest first line taken for a headline above a dateline.
const HEADLINE_MAX: usize = 200;

/// A publication date from a dateline at the top of the text:
/// `CITY, March 7, 2025 (Agency) —` or `City, 4 July 2023 (ABC):`.
/// Leading white space (blanked markup, paragraph marks) is skipped first.
pub fn dateline(text: &str) -> Option<NaiveDate> {
    dateline_span(text).map(|(d, _)| d)
}

/// `dateline`, with the byte span of the dateline in `text` (from its place
/// to the dash or colon that ends it). The dateline opens the text, or the
/// line after a headline: a first line of at most `HEADLINE_MAX` bytes that
/// ends in no stop ("Barge sinks in the estuary\n\nHALDER QUAY, March 3, 2025 …").
pub fn dateline_span(text: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let lead = text.len() - text.trim_start().len();
    if let Some((d, r)) = dateline_at(&text[lead..]) {
        return Some((d, lead + r.start..lead + r.end));
    }
    let rest = &text[lead..];
    let line_end = rest.find('\n')?;
    let headline = rest[..line_end].trim_end();
    if headline.is_empty()
        || headline.len() > HEADLINE_MAX
        || headline.ends_with(['.', '!', '?', ':', ';', ','])
    {
        return None;
    }
    let after = &rest[line_end..];
    let skip = after.len() - after.trim_start().len();
    let at = lead + line_end + skip;
    if at - lead > DATELINE_WINDOW {
        return None;
    }
    let (d, r) = dateline_at(&text[at..])?;
    Some((d, at + r.start..at + r.end))
}

/// A dateline right at the start of `text`, with its span.
fn dateline_at(text: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let head = &text[..crate::model::floor_char_boundary(text, DATELINE_WINDOW)];
    let c = DATELINE.captures(head)?;
    let span = c.get(0)?.range();
    let (d, m, y) = if let Some(d) = c.name("d1") {
        (d.as_str(), &c["m1"], &c["y1"])
    } else {
        (&c["d2"], &c["m2"], &c["y2"])
    };
    NaiveDate::from_ymd_opt(
        y.parse().ok()?,
        crate::extract::date::month_number(m)?,
        d.parse().ok()?,
    )
    .map(|d| (d, span))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn metadata_values_in_many_forms() {
        for s in [
            "2025-03-07",
            "2025-03-07T23:10:00-05:00",
            "  2025-3-7 ",
            "2025/03/07",
            "7 March 2025",
            "7th March 2025",
            "7 Mar. 2025",
            "March 7, 2025",
            "Mar 7 2025",
            "Friday, March 7, 2025",
            "Fri, 07 Mar 2025 10:00:00 +0000",
            "\"2025-03-07\"",
        ] {
            let s = s.trim_matches('"');
            assert_eq!(parse_date_value(s), ymd(2025, 3, 7), "{s:?}");
        }
    }

    #[test]
    fn impossible_or_foreign_values_give_none() {
        for s in [
            "2025-02-31",
            "31 February 2025",
            "February 30, 2024",
            "2025-13-01",
            "20250307",
            "yesterday",
            "",
            "7 Marchington 2025",
            "2025-03-071",
            "99999999999999999999-01-01",
        ] {
            assert_eq!(parse_date_value(s), None, "{s:?}");
        }
    }

    #[test]
    fn datelines() {
        for (text, want) in [
            ("PARIS, March 7, 2025 (Agency) — Text", ymd(2025, 3, 7)),
            ("Some City, 4 July 2023 (ABC): text", ymd(2023, 7, 4)),
            ("   \n\x0C  TOWN, Sept. 9, 2021 - text", ymd(2021, 9, 9)),
            ("No dateline here, just text.", None),
            ("TOWN, February 31, 2021 — text", None),
            ("He said, March 7, 2025 was a Friday.", None),
            // a place with its state or country
            (
                "SPRINGFIELD, Ill., March 3, 2025 (Wire) - Text",
                ymd(2025, 3, 3),
            ),
            (
                "MARSKE, Ostland, June 10, 2025 (Wire) - Text",
                ymd(2025, 6, 10),
            ),
            // the line after a headline
            (
                "Barge sinks in the estuary\n\nHALDER QUAY, March 3, 2025 (Wire) - Text",
                ymd(2025, 3, 3),
            ),
            // a first line that is a sentence is no headline
            ("It sank on Sunday.\nTOWN, March 3, 2025 - Text", None),
        ] {
            assert_eq!(dateline(text), want, "{text:?}");
        }
        assert_eq!(
            dateline_span("Barge sinks\n\nTOWN, March 3, 2025 - Text").map(|(_, r)| r),
            Some(13..34)
        );
    }
}
