//! Word lists of the date grammar: month, weekday, ordinal and number words.
//! Rule that is not obvious: a count is an interval ("several" is 3–7, "a few"
//! 2–4), so a vague duration still has day bounds. The words themselves live in
//! `lexicon/calendar.toml` and `lexicon/number-words.toml`.

use std::sync::LazyLock;

use chrono::Weekday;

use crate::lexicon::{CALENDAR, NUMBER_WORDS};
use crate::model::WordMap;

/// Each month name of `CALENDAR` with its month number.
static MONTH_NUMBERS: LazyLock<WordMap<&str, u32>> = LazyLock::new(|| {
    let months = (1..).zip(&CALENDAR.months);
    months
        .flat_map(|(n, names)| names.iter().map(move |w| (*w, n)))
        .collect()
});

/// Month number of a month name or abbreviation ("Sept.", "nov", "March").
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    MONTH_NUMBERS.get(w.as_str()).copied()
}

pub fn weekday(word: &str) -> Option<Weekday> {
    const DAYS: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    let w = word.to_ascii_lowercase();
    let prefix = w.get(..3)?;
    let i = CALENDAR
        .weekdays
        .iter()
        .position(|d| d.get(..3) == Some(prefix))?;
    DAYS.get(i).copied()
}

/// Cardinal words below twenty; a word's place is its value.
static UNITS: LazyLock<Vec<&str>> =
    LazyLock::new(|| NUMBER_WORDS.units.iter().map(|u| u.0).collect());
/// Multiples of ten (not their misspellings); a word's place is its value over ten.
static TENS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    let tens = NUMBER_WORDS.tens.iter().map(|t| t.0);
    ["", ""].into_iter().chain(tens).collect()
});
/// Ordinal words; a word's place is its value.
static ORDINALS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    std::iter::once("")
        .chain(NUMBER_WORDS.ordinals.iter().copied())
        .collect()
});

/// Value of an ordinal: "third", "3rd", "21st", "twenty-first".
pub fn ordinal(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    if let Some(i) = ORDINALS.iter().position(|o| *o == w) {
        return (i > 0).then_some(i as u32);
    }
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if !digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits.parse().ok();
    }
    let (tens, unit) = w.split_once(['-', ' '])?;
    let t = TENS.iter().position(|x| *x == tens)?;
    let u = ORDINALS.iter().position(|o| *o == unit)?;
    (t >= 2 && (1..10).contains(&u)).then_some((t * 10 + u) as u32)
}

/// A cardinal written in digits or words, as an interval (low, high):
/// "6", "1,200", "six", "twenty four", "twenty-four", "a", "several", "a few".
pub fn cardinal(text: &str) -> Option<(f64, f64)> {
    let w = text.trim().to_ascii_lowercase();
    let w = w.as_str();
    match w {
        "a" | "an" | "one" => return Some((1.0, 1.0)),
        "a few" | "few" => return Some((2.0, 4.0)),
        "several" => return Some((3.0, 7.0)),
        "a couple of" | "couple of" | "a couple" => return Some((2.0, 2.0)),
        "a dozen" | "dozen" => return Some((12.0, 12.0)),
        "a hundred" | "one hundred" | "hundred" => return Some((100.0, 100.0)),
        "many" | "some" => return None,
        _ => {}
    }
    if w.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        if w.len() > 12 {
            return None;
        }
        let n: f64 = w.replace(',', "").parse().ok()?;
        return n.is_finite().then_some((n, n));
    }
    let mut total = 0u32;
    for part in w.split(['-', ' ']).filter(|p| !p.is_empty()) {
        if let Some(u) = UNITS.iter().position(|x| *x == part) {
            if !total.is_multiple_of(10) || (total > 0 && u >= 10) {
                return None;
            }
            total += u as u32;
        } else if let Some(t) = TENS.iter().position(|x| *x == part && !x.is_empty()) {
            if total != 0 {
                return None;
            }
            total = t as u32 * 10;
        } else {
            return None;
        }
    }
    (total > 0).then_some((total as f64, total as f64))
}

/// The pattern text of a cardinal in words (for building regexes).
pub const CARDINAL_WORDS: &str = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\ ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\ few|several|a\ couple\ of|a\ dozen|a\ hundred|few|a|an)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cardinals_and_ordinals() {
        assert_eq!(cardinal("twenty four"), Some((24.0, 24.0)));
        assert_eq!(cardinal("twenty-four"), Some((24.0, 24.0)));
        assert_eq!(cardinal("1,200"), Some((1200.0, 1200.0)));
        assert_eq!(cardinal("four twenty"), None);
        assert_eq!(cardinal(&"9".repeat(400)), None);
        assert_eq!(ordinal("twenty-first"), Some(21));
        assert_eq!(ordinal("3rd"), Some(3));
        assert_eq!(ordinal("twentieth"), Some(20));
    }
}

/// Pattern of a year spelled out: "nineteen ninety-six", "nineteen hundred",
/// "two thousand", "two thousand and one".
pub const SPELLED_YEAR: &str = r"(?i:(?:nineteen|eighteen)[-\ ](?:hundred(?:\ and\ (?:one|two|three|four|five|six|seven|eight|nine))?|oh[-\ ](?:one|two|three|four|five|six|seven|eight|nine)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\ ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two\ thousand(?:\ and\ (?:one|two|three|four|five|six|seven|eight|nine|ten))?)\b";

/// Value of a year matched by `SPELLED_YEAR`.
pub fn spelled_year(text: &str) -> Option<i32> {
    let w = text.to_ascii_lowercase().replace('-', " ");
    if let Some(rest) = w.strip_prefix("two thousand") {
        let rest = rest.trim().trim_start_matches("and").trim();
        return Some(
            2000 + if rest.is_empty() {
                0
            } else {
                cardinal(rest)?.0 as i32
            },
        );
    }
    let (head, rest) = w.split_once(' ')?;
    let century = match head {
        "nineteen" => 1900,
        "eighteen" => 1800,
        _ => return None,
    };
    let rest = rest.trim();
    let tail = if let Some(r) = rest.strip_prefix("hundred") {
        let r = r.trim().trim_start_matches("and").trim();
        if r.is_empty() { 0.0 } else { cardinal(r)?.0 }
    } else if let Some(r) = rest.strip_prefix("oh ") {
        cardinal(r)?.0
    } else {
        cardinal(rest)?.0
    };
    (tail < 100.0).then_some(century + tail as i32)
}

#[cfg(test)]
mod spelled_tests {
    use super::spelled_year;

    #[test]
    fn spelled_years() {
        assert_eq!(spelled_year("nineteen ninety-six"), Some(1996));
        assert_eq!(spelled_year("Nineteen seventy"), Some(1970));
        assert_eq!(spelled_year("nineteen oh five"), Some(1905));
        assert_eq!(spelled_year("two thousand"), Some(2000));
        assert_eq!(spelled_year("two thousand and one"), Some(2001));
        assert_eq!(spelled_year("nineteen hundred"), Some(1900));
    }
}
