//! Takes a cluster's measure key, event and time anchor, hands on the label a
//! person reads ("deaths in the 2020 war", "revenue (%), spring 1989"), the
//! same words at the head of a finding's reason line, and an anchor said on
//! its own for the JSON's `anchor_text` ("autumn 2020", "the past").
//! Rule that is not obvious: no internal code reaches the label — TIMEX3
//! values (`PAST_REF`, `1989-SP`, `1999-W47`) are said in words and a unit
//! that stands as the measure (`km`, `lb`) is named with what it measures; a
//! value this file cannot say is left out rather than shown raw.

use chrono::{Datelike, NaiveDate};

use crate::event::EventClass;
use crate::key::MeasureKey;
use crate::model::Anchor;

/// The label of a cluster: its measure, the event unless the measure names it,
/// and when the event happened (dates of an event carry theirs as their value).
pub fn topic(measure: &MeasureKey, event: Option<EventClass>, anchor: Option<&Anchor>) -> String {
    phrase(
        measure,
        "",
        event.map(EventClass::as_str),
        anchor.map(|a| a.value.as_str()),
    )
}

/// The first part of a finding's reason line: its label, with `note` said
/// right after the measure ("pass, completed (from the figures' own words),
/// the second quarter"), so the line and the label say a time the same way.
pub fn reason(
    measure: &MeasureKey,
    note: &str,
    event: Option<&str>,
    anchor: Option<&str>,
) -> String {
    phrase(measure, note, event, anchor)
}

/// `topic` from an anchor's TIMEX3 value, with `note` after the measure words.
fn phrase(measure: &MeasureKey, note: &str, event: Option<&str>, anchor: Option<&str>) -> String {
    if let MeasureKey::DateOf(of) = measure {
        return format!("date of {}{note}", with_article(of.as_str()));
    }
    let measure = measure.as_str();
    let mut label = measure_words(measure);
    label.push_str(note);
    let when = anchor.and_then(time);
    let event = event.filter(|e| !e.is_empty() && !measure.contains(e));
    match (event, when) {
        (Some(e), Some(Time::Before(t))) => label.push_str(&format!(" in the {t} {e}")),
        (Some(e), Some(Time::After(t))) => {
            label.push_str(&format!(" in {}, {t}", with_article(e)));
        }
        (Some(e), None) => label.push_str(&format!(" in {}", with_article(e))),
        (None, Some(Time::Before(t))) => label.push_str(&format!(", {}", alone(&t))),
        (None, Some(Time::After(t))) => label.push_str(&format!(", {t}")),
        (None, None) => {}
    }
    label
}

/// A TIMEX3 value said on its own, for the JSON's `anchor_text`: "autumn
/// 2020", "the past", "the week of 22 November 1999". A value with no year,
/// month or day says what kind of time it is ("a weekend"), and one that says
/// nothing at all is "an unstated date" — never the code itself.
pub fn anchor_text(value: &str) -> String {
    match time(value) {
        Some(Time::Before(t)) => match t.as_str() {
            "earlier" => "the past".into(),
            "current" => "the present".into(),
            "coming" => "the future".into(),
            _ => t,
        },
        Some(Time::After(t)) => t,
        None if value.ends_with("-WE") => "a weekend".into(),
        None if value.contains("-W") => "a week".into(),
        None => "an unstated date".into(),
    }
}

/// A figure the sources share, as evidence lists it (`measure`, then the
/// value: a number, or a day `YYYY-MM-DD`), said for a person: a day in words
/// ("date of talks 12 November 2024"), a unit after its number ("135 km").
pub fn figure(measure: &str, value: &str) -> String {
    if measure.starts_with("date of ") {
        return format!("{measure} {}", anchor_text(value));
    }
    // a magnitude is a scale, not a unit: "magnitude 7.3"
    if measure != "magnitude" && unit_name(measure).is_some() {
        return format!("{value} {measure}");
    }
    format!("{measure} {value}")
}

/// When an event happened, said in words: before its noun ("the 2020 war",
/// "the earlier war") or after it ("clashes, September 2022").
#[derive(Debug, PartialEq, Eq)]
enum Time {
    Before(String),
    After(String),
}

/// A time said before a noun, said without one ("earlier" → "earlier on").
fn alone(t: &str) -> String {
    match t {
        "earlier" => "in the past".into(),
        "current" => "at present".into(),
        "coming" => "in future".into(),
        year => year.into(),
    }
}

/// The name of month `m` ("09" → "September"), from the lexicon's calendar.
fn month(m: &str) -> Option<String> {
    let n: usize = m.parse().ok()?;
    let name = crate::lexicon::CALENDAR
        .months
        .get(n.checked_sub(1)?)?
        .first()?;
    let mut chars = name.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

fn ordinal(n: u32) -> &'static str {
    ["first", "second", "third", "fourth"]
        .get(n.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("")
}

/// A TIMEX3 value in words, or `None` when it is not one this file knows.
fn time(value: &str) -> Option<Time> {
    use Time::{After, Before};
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match value {
        "PAST_REF" => return Some(Before("earlier".into())),
        "PRESENT_REF" => return Some(Before("current".into())),
        "FUTURE_REF" => return Some(Before("coming".into())),
        _ => {}
    }
    // a time of day is finer than a label needs
    let value = value.split('T').next().unwrap_or(value);
    let parts: Vec<&str> = value.split('-').collect();
    let year = parts[0];
    let known_year = digits(year) && year.len() == 4;
    match parts.as_slice() {
        [y] if known_year => Some(Before((*y).into())),
        [y] if y.len() == 2 && digits(y) => Some(After(format!("the {y}00s"))),
        [y] if y.len() == 4 && y.ends_with("XX") && digits(&y[..2]) => {
            Some(After(format!("the {}00s", &y[..2])))
        }
        [y] if y.len() == 4 && y.ends_with('X') && digits(&y[..3]) => {
            Some(After(format!("the {}0s", &y[..3])))
        }
        [_, m] if month(m).is_some() => {
            let m = month(m)?;
            Some(After(if known_year { format!("{m} {year}") } else { m }))
        }
        [_, m, d] if month(m).is_some() && digits(d) => {
            let m = month(m)?;
            let d: u32 = d.parse().ok()?;
            Some(After(if known_year {
                format!("{d} {m} {year}")
            } else {
                format!("{d} {m}")
            }))
        }
        [_, s @ ("SP" | "SU" | "FA" | "WI")] => {
            let season = match *s {
                "SP" => "spring",
                "SU" => "summer",
                "FA" => "autumn",
                _ => "winter",
            };
            Some(After(if known_year {
                format!("{season} {year}")
            } else {
                season.into()
            }))
        }
        [_, q] if q.len() == 2 && (q.starts_with('Q') || q.starts_with('H')) => {
            let n: u32 = q[1..].parse().ok()?;
            let part = if q.starts_with('Q') {
                "quarter"
            } else {
                "half"
            };
            let of = if known_year {
                format!(" of {year}")
            } else {
                String::new()
            };
            Some(After(format!("the {} {part}{of}", ordinal(n))))
        }
        [_, w] | [_, w, "WE"] if w.starts_with('W') => {
            let weekend = parts.len() == 3;
            let span = if weekend { "weekend" } else { "week" };
            let n: u32 = w[1..].parse().ok()?;
            let y: i32 = year.parse().ok()?;
            let day = if weekend {
                chrono::Weekday::Sat
            } else {
                chrono::Weekday::Mon
            };
            let first = NaiveDate::from_isoywd_opt(y, n, day)?;
            Some(After(format!(
                "the {span} of {} {} {}",
                first.day(),
                month(&first.month().to_string())?,
                first.year()
            )))
        }
        _ => None,
    }
}

/// An event noun as a phrase: singular nouns take "the" ("the war"), plural
/// ones stand alone ("clashes", "talks").
fn with_article(event: &str) -> String {
    if is_plural(event) {
        event.to_string()
    } else {
        format!("the {event}")
    }
}

fn is_plural(noun: &str) -> bool {
    const SINGULAR_IN_S: &[&str] = &["crisis", "census", "virus", "status", "chaos", "bus"];
    let last = noun.rsplit(' ').next().unwrap_or(noun);
    last.ends_with('s') && !last.ends_with("ss") && !SINGULAR_IN_S.contains(&last)
}

/// What a unit symbol measures and its name, from `lexicon/unit-names.toml`.
fn unit_name(symbol: &str) -> Option<(&'static str, &'static str)> {
    crate::lexicon::UNIT_NAMES
        .names
        .iter()
        .find(|(code, _, _)| *code == symbol)
        .map(|&(_, what, name)| (what, name))
}

/// A measure key in words: a unit is named with what it measures ("km" →
/// "distance in kilometres"), "x %" is "x (%)", any other key is already words.
pub fn measure_words(measure: &str) -> String {
    let squared = measure
        .strip_prefix("sq ")
        .or(measure.strip_prefix("square "));
    if let Some((_, name)) = squared.and_then(unit_name) {
        return format!("area in square {name}");
    }
    if measure == "magnitude" {
        return measure.to_string();
    }
    if let Some((what, name)) = unit_name(measure) {
        return format!("{what} in {name}");
    }
    if let Some(m) = measure.strip_suffix(" %") {
        return format!("{m} (%)");
    }
    measure.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(value: &str) -> Anchor {
        Anchor {
            value: value.into(),
            low: None,
            high: None,
        }
    }

    macro_rules! label {
        ($name:ident, $measure:expr, $event:expr, $anchor:expr, $want:expr) => {
            #[test]
            fn $name() {
                let a: Option<&str> = $anchor;
                let a = a.map(anchor);
                let measure = MeasureKey::parse($measure).expect("a key");
                let event: &str = $event;
                let event = EventClass::named(event);
                assert!(
                    event.is_some() || $event.is_empty(),
                    "{} is no event class",
                    $event
                );
                assert_eq!(topic(&measure, event, a.as_ref()), $want);
            }
        };
    }

    label!(
        year_before_a_singular_event,
        "deaths",
        "war",
        Some("2020"),
        "deaths in the 2020 war"
    );
    label!(
        month_after_a_plural_event,
        "deaths",
        "clashes",
        Some("2022-09"),
        "deaths in clashes, September 2022"
    );
    label!(
        season_without_event,
        "revenue %",
        "",
        Some("1989-SP"),
        "revenue (%), spring 1989"
    );
    label!(
        past_ref,
        "deaths",
        "war",
        Some("PAST_REF"),
        "deaths in the earlier war"
    );
    label!(
        present_ref,
        "troops",
        "war",
        Some("PRESENT_REF"),
        "troops in the current war"
    );
    label!(
        present_ref_alone,
        "cases",
        "",
        Some("PRESENT_REF"),
        "cases, at present"
    );
    label!(autumn, "shots", "", Some("2016-FA"), "shots, autumn 2016");
    label!(
        iso_week,
        "ft",
        "",
        Some("1999-W47"),
        "length in feet, the week of 22 November 1999"
    );
    label!(
        weekend,
        "deaths",
        "storm",
        Some("2024-W10-WE"),
        "deaths in the storm, the weekend of 9 March 2024"
    );
    label!(
        day,
        "injured",
        "shooting",
        Some("2024-10-12"),
        "injured in the shooting, 12 October 2024"
    );
    label!(
        day_without_year,
        "injured",
        "shooting",
        Some("XXXX-10-12"),
        "injured in the shooting, 12 October"
    );
    label!(
        decade,
        "deaths",
        "clashes",
        Some("198X"),
        "deaths in clashes, the 1980s"
    );
    label!(
        quarter,
        "revenue",
        "",
        Some("2020-Q3"),
        "revenue, the third quarter of 2020"
    );
    label!(unit_measures, "lb", "", None, "weight in pounds");
    label!(area, "acre", "fire", None, "area in acres in the fire");
    label!(
        date_of,
        "date of shooting",
        "shooting",
        Some("2024-10-12"),
        "date of the shooting"
    );
    label!(
        date_of_plural,
        "date of talks",
        "talks",
        None,
        "date of talks"
    );
    label!(
        unknown_code_is_left_out,
        "deaths",
        "war",
        Some("XXXX-WXX"),
        "deaths in the war"
    );
    label!(
        measure_naming_its_event,
        "war deaths",
        "war",
        Some("2019"),
        "war deaths, 2019"
    );

    /// Every symbol a quantity can carry has a name a label can say.
    #[test]
    fn every_unit_symbol_has_a_name() {
        for (_, symbol) in &crate::lexicon::UNITS.units {
            assert!(
                unit_name(symbol).is_some(),
                "lexicon/unit-names.toml lacks {symbol}"
            );
        }
        for m in 1..=12 {
            assert!(month(&m.to_string()).is_some_and(|n| n.starts_with(char::is_uppercase)));
        }
    }

    #[test]
    fn anchor_text_says_every_code_in_words() {
        for (v, want) in [
            ("2020-FA", "autumn 2020"),
            ("2019", "2019"),
            ("PAST_REF", "the past"),
            ("PRESENT_REF", "the present"),
            ("FUTURE_REF", "the future"),
            ("XXXX-Q2", "the second quarter"),
            ("2024-09", "September 2024"),
            ("19", "the 1900s"),
            ("XXXX-WXX-WE", "a weekend"),
            ("XXXX-WXX", "a week"),
            ("XXXX-XX-XX", "an unstated date"),
            ("XXXX", "an unstated date"),
        ] {
            assert_eq!(anchor_text(v), want, "{v}");
        }
    }

    #[test]
    fn shared_figures_read_as_words() {
        assert_eq!(
            figure("date of talks", "2024-11-12"),
            "date of talks 12 November 2024"
        );
        assert_eq!(figure("km", "135"), "135 km");
        assert_eq!(figure("deaths", "1240"), "deaths 1240");
        assert_eq!(figure("magnitude", "7.3"), "magnitude 7.3");
    }

    #[test]
    fn reason_puts_the_note_after_the_measure() {
        let key = |k: &str| MeasureKey::parse(k).expect("a key");
        assert_eq!(
            reason(
                &key("pass, completed"),
                " (own words)",
                None,
                Some("XXXX-Q2")
            ),
            "pass, completed (own words), the second quarter"
        );
        assert_eq!(
            reason(&key("deaths"), "", Some("war"), Some("2020-FA")),
            "deaths in the war, autumn 2020"
        );
        assert_eq!(
            reason(&key("date of talks"), "", Some("talks"), None),
            "date of talks"
        );
        // what the label leaves out, the reason leaves out
        assert_eq!(reason(&key("shots"), "", None, Some("XXXX-XX-XX")), "shots");
    }

    #[test]
    fn no_label_shows_a_code() {
        for v in [
            "PAST_REF",
            "PRESENT_REF",
            "FUTURE_REF",
            "1989-SP",
            "2016-FA",
            "1999-W47",
            "2020-H1",
            "19XX",
            "19",
            "2024-09-01T10:00",
        ] {
            let l = topic(
                &MeasureKey::parse("deaths").expect("a key"),
                EventClass::named("war"),
                Some(&anchor(v)),
            );
            assert!(
                !l.contains('_') && !l.contains("-") && !l.contains('X'),
                "{v} → {l}"
            );
        }
    }
}
