//! Takes clusters, hands on discrepancies: contradictions where the intervals cannot
//! both hold, divergences where they can but the stated figures differ.
//! Rule that is not obvious: only sources disagree. Claims of one document are
//! never set against each other, figures one document gives in one sentence
//! for the same measure ("60 on one side and 40 on the other") are its parts,
//! compared as their sum, and two documents disagree only when no figure one
//! gives can be reconciled with any figure the other gives (a report's total
//! and its parts, or its toll and an earlier one, are all readings of it).
//!
//! Worked example: "more than 6,500" is [6500, ∞), "more than 6,700" is
//! [6700, ∞); they overlap, so both can hold, but the stated figures differ:
//! a divergence. "at least 286" against "200" cannot both hold: a contradiction.
//! "about 30,000" (a band of ±10 %) against "31,000" agrees.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::slice;

use crate::evidence::{Confidence, Evidence, Shared};

use crate::cluster::EVENT_DAY_GAP;
use crate::event::{is_process, recurs, sudden};
use crate::extract::date::counts_from_publication;
use crate::key::MeasureKey;
use crate::model::{
    Claim, ClaimKind, Cluster, Discrepancy, Interval, Precision, Profile, Severity, Why,
};
use crate::rule::Rule;

/// The half-width of the band "about n" stands for, as a share of n, unless
/// the config file's `tolerance` sets another (`set_approx_band`).
pub const APPROX_BAND: f64 = 0.10;

/// The band in force, as `f64` bits (`u64::MAX`, a NaN: not set): a
/// process-wide setting, set once before a run by `set_approx_band`.
static BAND_BITS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(u64::MAX);

/// Set the band "about n" stands for (the config's `tolerance`).
pub fn set_approx_band(share: f64) {
    BAND_BITS.store(share.to_bits(), std::sync::atomic::Ordering::Relaxed);
}

/// The band in force: `APPROX_BAND` unless set.
fn approx_band() -> f64 {
    match BAND_BITS.load(std::sync::atomic::Ordering::Relaxed) {
        u64::MAX => APPROX_BAND,
        bits => f64::from_bits(bits),
    }
}

/// What one document says about a cluster's measure: one claim, or the sum of its parts.
#[derive(Debug, Clone)]
struct Statement<'a> {
    claims: Vec<&'a Claim>,
    value: Say,
    /// For a date of a recurring event: whether it is counted from the
    /// report's publication day ("Wednesday"), and that day.
    session: Option<(bool, Option<chrono::NaiveDate>)>,
    /// A date of a sudden incident (a shooting, a crash): days far apart are
    /// two incidents, not two accounts of one.
    incident: bool,
    /// For a date of a step of a process (a hearing, a trial): whether it had
    /// passed when the report was published, and that day.
    step: Option<(bool, Option<chrono::NaiveDate>)>,
    /// For such a date: told as the day the process began ("the trial began on
    /// October 14"), a step past that no rescheduling moves.
    began: bool,
    /// For a distance: the place it is measured from or to ("northeast of X"),
    /// where the sentence names one.
    distance: Option<Option<String>>,
    /// Whose figure it is, where the sentence says ("Halvern employs 18,000").
    /// Read on first need: most statements are never compared with another's.
    owner: std::cell::OnceCell<Option<String>>,
    /// Where its sentence locates the figure ("in Kenya"); a sum of parts is
    /// located nowhere. Read on first need, like `owner`.
    place: std::cell::OnceCell<Option<String>>,
    /// How the figure stands to the measure: the count, a count added to it
    /// ("three new members"), or the total a part is told out of ("62 of the
    /// 150 seats"). Only figures of one standing are set side by side.
    part: Part,
    /// Its cluster breaks the measure down by place (one report gives figures
    /// of two places): figures are compared only with the same place's.
    by_place: bool,
    /// The group of people its figures count ("civilians", "soldiers"), where
    /// their words name one and all name the same. Read on first need.
    group: std::cell::OnceCell<Option<&'static str>>,
    /// Its cluster names two groups for one toll (civilians and soldiers):
    /// figures are compared only with the same group's, and a figure of no
    /// group with no group's.
    by_group: bool,
}

impl<'a> Statement<'a> {
    /// Whose figure it is, where its sentence says.
    fn owner(&self) -> Option<&String> {
        self.owner
            .get_or_init(|| {
                let c = self.claims.first()?;
                let at = quote_at(c);
                // a company's revenue said by the company: the speaker owns it
                let owned = c.measure.as_ref().is_some_and(MeasureKey::is_owned);
                crate::extract::owner::owner(&c.sentence, at, at + c.quote.len()).or_else(|| {
                    owned
                        .then(|| crate::extract::owner::speaker(&c.sentence, at))
                        .flatten()
                })
            })
            .as_ref()
    }

    /// Its `Part::standing`, judged under its measure: only a measure that is
    /// someone's (seats, shares) has a body whose size is not anyone's count.
    fn standing(&self) -> u8 {
        let measure = self.claims.first().and_then(|c| c.measure.as_ref());
        let owned_measure = measure.is_some_and(MeasureKey::is_owned);
        // "two others are charged": others of a tally that grows (arrests,
        // charges) are some added to it, beside whom is not told: a part
        // no other figure meets, like a share
        if self.part == Part::Others && matches!(measure, Some(MeasureKey::Class(m)) if m.state()) {
            return Part::Share.standing(false, false);
        }
        self.part
            .standing(owned_measure, owned_measure && self.owner().is_some())
    }

    /// Where its sentence locates the figure, if the statement is one figure.
    fn place(&self) -> Option<&String> {
        self.place
            .get_or_init(|| match self.claims.as_slice() {
                [c] => {
                    let at = quote_at(c);
                    crate::extract::place::place(&c.sentence, at, at + c.quote.len())
                }
                _ => None,
            })
            .as_ref()
    }

    /// The group of people its figures count, if they all name one.
    fn group(&self) -> Option<&'static str> {
        *self.group.get_or_init(|| {
            let mut groups = self.claims.iter().map(|c| group_of(c));
            let first = groups.next().flatten()?;
            groups.all(|g| g == Some(first)).then_some(first)
        })
    }

    /// Is it one group's toll in a cluster told group by group? Then it is
    /// judged on its own: another group's agreeing reconciles nothing.
    fn a_groups_toll(&self) -> bool {
        self.by_group && self.group().is_some()
    }

    fn new(claims: Vec<&'a Claim>, value: Say) -> Self {
        Statement {
            claims,
            value,
            session: None,
            incident: false,
            step: None,
            began: false,
            distance: None,
            owner: std::cell::OnceCell::new(),
            place: std::cell::OnceCell::new(),
            by_place: false,
            group: std::cell::OnceCell::new(),
            by_group: false,
            part: Part::Whole,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Say {
    Number {
        low: f64,
        high: f64,
        stated: f64,
        precision: Precision,
        vague: bool,
    },
    /// A date as (year, month, day) parts where known, and its day interval where resolved.
    Date {
        low: Option<chrono::NaiveDate>,
        high: Option<chrono::NaiveDate>,
        month: Option<u32>,
        day: Option<u32>,
        /// Said of a night or its edges ("late Friday", "last night", "early
        /// Saturday"), which straddle midnight: a day's slip is no disagreement.
        night: bool,
    },
}

/// A date that had passed when the report was published.
fn in_the_past(c: &Claim, published: Option<chrono::NaiveDate>) -> bool {
    match (&c.value.interval, published) {
        (Interval::Date { high: Some(h), .. }, Some(p)) => *h <= p,
        _ => false,
    }
}

/// The words of a claim's sentence before its quote, lower-cased, nearest first.
fn words_before(c: &Claim) -> impl Iterator<Item = String> + '_ {
    c.sentence[..quote_at(c)]
        .split(|ch: char| !ch.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .map(str::to_ascii_lowercase)
}

/// Is the date told as the day a process began, in the past tense, right
/// before it ("began on October 14", "which opened on 21 October")?
fn told_as_begun(c: &Claim) -> bool {
    let mut words = words_before(c);
    let mut w = words.next().unwrap_or_default();
    if w == "on" {
        w = words.next().unwrap_or_default();
    }
    crate::lexicon::ACTS.beginning_verbs.contains(&w.as_str())
}

/// A date counted back from the report's own day ("Wednesday", "last week"),
/// not a calendar date and not a session still to come ("will meet Friday").
fn told_as_past_day(c: &Claim, published: Option<chrono::NaiveDate>) -> bool {
    counts_from_publication(c.rule) && in_the_past(c, published)
}

/// The group of people a claim's figure counts, where its words name one.
fn group_of(c: &Claim) -> Option<&'static str> {
    let at = quote_at(c);
    crate::extract::group::group(&c.sentence, at, at + c.quote.len())
}

/// Where a claim's quote starts in its (squashed) sentence: the first place it
/// stands as words of its own ("5" is not the 5 of "2025").
fn quote_at(c: &Claim) -> usize {
    let s = &*c.sentence;
    let alnum = |ch: Option<char>| ch.is_some_and(char::is_alphanumeric);
    s.match_indices(&*c.quote)
        .find(|&(i, q)| {
            !alnum(s[..i].chars().next_back()) && !alnum(s[i + q.len()..].chars().next())
        })
        .or_else(|| s.match_indices(&*c.quote).next())
        .map_or(0, |(i, _)| i)
}

/// Two figures of one sentence joined as two groups, "two men and two women":
/// parts even when equal, never a total and its restatement.
fn coordinated_groups(numbers: &[&Claim]) -> bool {
    let [a, b] = numbers else {
        return false;
    };
    let (a, b) = if a.start <= b.start { (a, b) } else { (b, a) };
    let from = quote_at(a) + a.quote.len();
    let to = quote_at(a) + (b.start - a.start) as usize;
    // only across one noun ("men and"): across a longer phrase the equal parts of
    // one report met another report's parts told in separate sentences, which are
    // not added up, as if each were the whole
    a.sentence.get(from..to).is_some_and(|between| {
        between.split_whitespace().count() == 2
            && crate::extract::measure::joins_two_groups(between)
    })
}

/// Whether two statements can speak of the same occurrence. Past dates of a
/// recurring event ("the hearing Wednesday", "a news conference on Monday")
/// counted back from two reports published on different days name different
/// sessions; a calendar date ("the July 4 talks") or a session still to come
/// is compared with any date of the event.
///
/// Dates of a sudden incident more than `EVENT_DAY_GAP` days apart are two
/// incidents ("the city's last shooting, on Jan. 30"), not a disagreement;
/// where a year is missing, by month and day.
fn comparable(a: &Statement, b: &Statement) -> bool {
    // "14 miles" and "23 kilometres" under one measure (a depth): figures in
    // two units are not converted, so they are not set side by side
    let unit = |s: &Statement| {
        s.claims
            .first()
            .and_then(|c| c.value.unit)
            .filter(|u| !u.is_empty())
    };
    if let (Some(x), Some(y)) = (unit(a), unit(b))
        && x != y
    {
        return false;
    }
    // two owners' figures (two companies' headcounts) are two measures
    if let (Some(x), Some(y)) = (a.owner(), b.owner())
        && x != y
    {
        return false;
    }
    // "three new members" tells how many joined, not how many there are
    let (sa, sb) = (a.standing(), b.standing());
    if sa != sb || sa == 3 {
        return false;
    }
    // a toll broken down by place ("247 in Kenya and 10 in Tanzania"): one
    // place's figure is no account of another's, nor of the whole
    if a.by_place && b.by_place && a.place() != b.place() {
        return false;
    }
    // a toll told for two groups ("31 civilians", "260 soldiers"): one group's
    // figure is no account of another's, nor of a toll that names no group
    if a.by_group && b.by_group && a.group() != b.group() {
        return false;
    }
    if a.incident
        && b.incident
        && (days_apart(&a.value, &b.value) > EVENT_DAY_GAP
            || days_apart_in_a_year(&a.value, &b.value) > EVENT_DAY_GAP)
    {
        return false;
    }
    // a case's hearings and trial are many steps, rescheduled as it goes: only
    // reports of one day, both of steps past or both of steps to come
    if let (Some((pa, da)), Some((pb, db))) = (a.step, b.step) {
        // two reports that both say the process began on their day speak of
        // one day, whenever they were written
        return pa == pb && da.is_some() && da == db || a.began && b.began;
    }
    // distances from different places, or from places not named, measure
    // different things
    match (&a.distance, &b.distance) {
        (None, None) => {}
        (Some(Some(x)), Some(Some(y))) if x == y => {}
        _ => return false,
    }
    match (a.session, b.session) {
        (Some((true, pa)), Some((true, pb))) => pa.is_some() && pa == pb,
        _ => true,
    }
}

/// Days between two dates by month and day, when one or both have no year
/// ("Jan. 4" and "December 2004"): the shorter way round the year, from the
/// nearest edges of a month given without its day; 0 when unknown.
fn days_apart_in_a_year(a: &Say, b: &Say) -> i64 {
    let (
        Say::Date {
            low: al,
            month: Some(am),
            day: ad,
            ..
        },
        Say::Date {
            low: bl,
            month: Some(bm),
            day: bd,
            ..
        },
    ) = (a, b)
    else {
        return 0;
    };
    if al.is_some() && bl.is_some() {
        return 0;
    }
    // a day of the year on a 360-day calendar is close enough for a gap of a week
    let span = |m: u32, d: Option<u32>| match d {
        Some(d) => (m as i64 * 30 + d as i64, m as i64 * 30 + d as i64),
        None => (m as i64 * 30 + 1, m as i64 * 30 + 30),
    };
    let ((alo, ahi), (blo, bhi)) = (span(*am, *ad), span(*bm, *bd));
    let gap = (blo - ahi).max(alo - bhi).max(0);
    gap.min(360 - gap.max(0)).max(0)
}

/// Days between two resolved dates' intervals (0 when they overlap or are unknown).
fn days_apart(a: &Say, b: &Say) -> i64 {
    match (a, b) {
        (
            Say::Date {
                low: Some(al),
                high: Some(ah),
                ..
            },
            Say::Date {
                low: Some(bl),
                high: Some(bh),
                ..
            },
        ) => (*bl - *ah).num_days().max((*al - *bh).num_days()).max(0),
        _ => 0,
    }
}

/// Words that give an order of magnitude, not a figure: never a divergence.
fn is_vague(c: &Claim) -> bool {
    // "a man was shot" names one victim; it is no count of all of them
    c.rule.one_person()
        || !c.quote.chars().any(|ch| ch.is_ascii_digit()) && {
            let quote = c.quote.to_lowercase();
            [
                "hundreds",
                "thousands",
                "dozens",
                "scores",
                "millions",
                "tens",
                "several",
                "many",
                "few",
            ]
            .iter()
            .any(|w| quote.contains(w))
        }
}

fn say(c: &Claim, published: Option<chrono::NaiveDate>) -> Say {
    match &c.value.interval {
        Interval::Number { low, high } => Say::Number {
            low: *low,
            high: *high,
            stated: c.value.stated.as_number().unwrap_or(*low),
            precision: c.value.precision,
            vague: is_vague(c),
        },
        Interval::Date { low, high, .. } => {
            let (month, day) = date_parts(c);
            let quote = c.quote.to_lowercase();
            let (low, high) = loose_reading(c, &quote, *low, *high, published);
            Say::Date {
                low,
                high,
                month,
                day,
                night: ["night", "late", "early", "midnight"]
                    .iter()
                    .any(|w| quote.contains(w))
                    || said_of_a_night(c),
            }
        }
        // "a 16-day strike" against "three weeks on strike": spans are compared in
        // days, as numbers are, with the precision the text gave them
        // "three months" is 84 to 93 days: any count of days inside it agrees
        Interval::Duration { low, high } => Say::Number {
            low: *low,
            high: *high,
            stated: (low + high) / 2.0,
            precision: if c.value.precision == Precision::Exact && low < high {
                Precision::Range
            } else {
                c.value.precision
            },
            vague: is_vague(c),
        },
    }
}

/// The days a loosely used expression can mean. "Last week" is said of any day
/// of the past seven as often as of the calendar week before this one, and
/// "the weekend" takes in Friday night.
fn loose_reading(
    c: &Claim,
    quote: &str,
    low: Option<chrono::NaiveDate>,
    high: Option<chrono::NaiveDate>,
    published: Option<chrono::NaiveDate>,
) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
    let day = chrono::Duration::days(1);
    match (c.rule, published) {
        (Rule::RelativeUnit, Some(p)) if quote.contains("last week") => {
            (Some(p - chrono::Duration::days(13)), Some(p - day))
        }
        (Rule::Weekend, _) => (low.map(|l| l - day), high),
        _ => (low, high),
    }
}

/// A date given as "the night of March 3", "overnight on Friday": the night
/// straddles midnight.
fn said_of_a_night(c: &Claim) -> bool {
    let Some(at) = c.sentence.find(&*c.quote) else {
        return false;
    };
    let before = c.sentence[..at].trim_end().to_lowercase();
    [
        "night of",
        "evening of",
        "overnight",
        "overnight on",
        "night on",
    ]
    .iter()
    .any(|w| before.ends_with(w))
}

/// Units of length: a distance or a height.
fn is_length(unit: &str) -> bool {
    matches!(unit, "mi" | "km" | "m" | "ft" | "yd")
}

/// How a count stands to the whole it is a count of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// The count itself ("12 people were hurt").
    Whole,
    /// Told beside someone counted already ("her mother and 10 other people"):
    /// the whole is at least the figure.
    Others,
    /// Added to the count ("three new members", "2,000 more troops"): a change,
    /// not the count, so set only beside other additions.
    Added,
    /// A part told out of a whole ("62 of the 150 seats"): the owner's count
    /// when the sentence names its owner, else a share no other figure meets.
    Share,
    /// The whole a part is told out of ("62 of the 150 seats", "76 of
    /// parliament's 150 seats"): the size of the body, not what anyone holds.
    Total,
}

impl Part {
    /// Figures of one standing may be set side by side: the count and its
    /// "others" speak of the count; additions and totals each of their own.
    /// Under a measure nobody owns (a toll), "one of the five victims" tells
    /// the toll in its whole and leaves the part unmet.
    fn standing(self, owned_measure: bool, has_owner: bool) -> u8 {
        match self {
            Part::Whole | Part::Others => 0,
            Part::Share if has_owner => 0,
            Part::Total if !owned_measure => 0,
            Part::Added => 1,
            Part::Total => 2,
            Part::Share => 3,
        }
    }
}

/// How `c` stands to its whole. "Others" after a change ("four were killed and
/// 11 others wounded") are all of another measure: that figure is the whole.
fn part(c: &Claim) -> Part {
    if c.kind != ClaimKind::Count {
        return Part::Whole;
    }
    if !c.sentence.contains(&*c.quote) {
        return Part::Whole;
    }
    let start = quote_at(c);
    if out_of(&c.sentence[..start]) {
        return Part::Total;
    }
    if of_whom(&c.sentence[..start]) {
        return Part::Share;
    }
    let at = start + c.quote.len();
    // "will cut 640 of its 5,200 jobs": the cut is told out of the
    // workforce, and is the whole of the cut
    let cut =
        matches!(&c.measure, Some(MeasureKey::Class(m)) if *m == crate::key::Measure::JOBS_CUT);
    if told_out_of(&c.sentence[at..]) && !cut {
        return Part::Share;
    }
    let mut after = c.sentence[at..]
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase);
    let Some(next) = after.next() else {
        return Part::Whole;
    };
    match next.as_str() {
        // "three more were injured" is three others, not three added
        "more"
            if after.next().is_some_and(|w| {
                w.ends_with("ed")
                    || matches!(w.as_str(), "were" | "was" | "are" | "is" | "have" | "had")
            }) =>
        {
            Part::Others
        }
        "other" | "others" => {
            let mut before = c.sentence[..start]
                .split(|ch: char| !(ch.is_alphanumeric() || ch == '\''))
                .filter(|w| !w.is_empty())
                .rev()
                .map(str::to_lowercase);
            let mut word = before.next().unwrap_or_default();
            if word == "and" {
                word = before.next().unwrap_or_default();
            }
            let of_a_change = word.ends_with("ed")
                || matches!(
                    word.as_str(),
                    "dead" | "death" | "hurt" | "shot" | "died" | "killing" | "leaving"
                );
            if of_a_change {
                Part::Whole
            } else {
                Part::Others
            }
        }
        "new" | "newest" | "more" | "additional" | "further" | "extra" => Part::Added,
        _ => Part::Whole,
    }
}

/// Does the text before a figure end in another figure and "of" ("62 of
/// parliament's", "76 of the", "30 of its")? Then the figure is the whole the
/// other is told out of.
fn out_of(before: &str) -> bool {
    let words: Vec<&str> = before
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '\'' || ch == '’'))
        .filter(|w| !w.is_empty())
        .collect();
    let figure = |n: &str| {
        n.chars().all(|ch| ch.is_ascii_digit() || ch == ',')
            || crate::extract::number::small_number_word(&n.to_lowercase()).is_some()
    };
    (1..=3.min(words.len().saturating_sub(1))).any(|k| {
        let at = words.len() - k;
        crate::extract::counted::of_a_whole(&words[at..]) && figure(words[at - 1])
    })
}

/// Does the text before a figure say it counts those of whom something is told
/// ("the identities of three victims", "the families of two of the dead")?
/// Then it counts the ones named or met, not the toll.
fn of_whom(before: &str) -> bool {
    let mut words = before
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .map(str::to_lowercase);
    words.next().as_deref() == Some("of")
        && words.next().is_some_and(|w| {
            matches!(
                w.as_str(),
                "identities" | "identity" | "names" | "families" | "relatives" | "funerals"
            )
        })
}

/// Does the text after a figure go on "of [the|its|X's] M" with M a figure?
fn told_out_of(after: &str) -> bool {
    let words: Vec<&str> = after.split_whitespace().take(4).collect();
    (1..words.len()).any(|k| {
        crate::extract::counted::of_a_whole(&words[..k])
            && words[k].starts_with(|ch: char| ch.is_ascii_digit())
    })
}

/// The place a distance is measured from ("40 km east of Lowmere" is
/// "east of lowmere"): two distances are one measure only when they share it.
fn reference_place(c: &Claim) -> Option<String> {
    let at = c.sentence.find(&*c.quote)? + c.quote.len();
    let rest = &c.sentence[at..];
    let words: Vec<&str> = rest
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '\'' || ch == '-'))
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    let k = words.iter().position(|w| matches!(*w, "of" | "from"))?;
    let mut place: Vec<String> = words[..k]
        .iter()
        .filter(|w| DIRECTIONS.contains(&w.to_lowercase().as_str()))
        .map(|w| w.to_lowercase())
        .collect();
    let name: Vec<&str> = words[k + 1..]
        .iter()
        .skip_while(|w| w.eq_ignore_ascii_case("the"))
        .take_while(|w| w.starts_with(char::is_uppercase))
        .copied()
        .collect();
    if name.is_empty() {
        return None;
    }
    place.push(name.join(" ").to_lowercase());
    Some(place.join(" "))
}

/// Compass words that are part of a distance's reference.
static DIRECTIONS: std::sync::LazyLock<&[&str]> =
    std::sync::LazyLock::new(|| &crate::lexicon::PLACES.directions);

/// Month and day of a date claim, where the text fixes them (also without a year).
fn date_parts(c: &Claim) -> (Option<u32>, Option<u32>) {
    let (low, high) = match &c.value.interval {
        Interval::Date { low, high, .. } => (*low, *high),
        _ => (None, None),
    };
    crate::model::month_and_day(c.value.stated.as_text().unwrap_or(""), low, high)
}

/// The statements of one document in one cluster.
fn statements<'a>(
    claims: &[&'a Claim],
    published: Option<chrono::NaiveDate>,
) -> Vec<Statement<'a>> {
    // a page that repeats a sentence (captions, teasers) says it once
    // (the same figure twice in one sentence, "two men and two women", is said twice)
    let mut said: FxHashSet<(&str, &str, usize)> = FxHashSet::default();
    let mut nth: FxHashMap<(u32, &str, &str), usize> = FxHashMap::default();
    let mut claims: Vec<&Claim> = claims
        .iter()
        .copied()
        .filter(|c| {
            let n = nth.entry((c.line, &*c.sentence, &*c.quote)).or_insert(0);
            *n += 1;
            said.insert((&*c.sentence, &*c.quote, *n))
        })
        .collect();
    // sentence by sentence, in text order; a sentence's claims as they came
    let at = |c: &&'a Claim| -> (u32, &'a str) {
        let c: &'a Claim = c;
        (c.line, &c.sentence)
    };
    claims.sort_by(|a, b| at(a).cmp(&at(b)));
    let mut out = Vec::new();
    for group in claims.chunk_by(|a, b| at(a) == at(b)) {
        let numbers: Vec<&Claim> = group
            .iter()
            .copied()
            .filter(|c| {
                // counts and sums of money add up; two distances or two
                // magnitudes in one sentence are two measurements, not parts
                matches!(c.kind, ClaimKind::Count | ClaimKind::Money)
            })
            .collect();
        // parts of one owner's total only: "Pellick, with 26,000 staff, and
        // Halvern, with 18,000" are two headcounts
        let one_owner = || {
            let owners: FxHashSet<Option<String>> = numbers
                .iter()
                .map(|c| {
                    let at = quote_at(c);
                    crate::extract::owner::owner(&c.sentence, at, at + c.quote.len())
                })
                .collect();
            owners.len() == 1
        };
        // "76 of the 150 seats": a share and its whole are not parts of a sum
        let no_share = || {
            numbers
                .iter()
                .all(|c| !matches!(part(c), Part::Share | Part::Total))
        };
        // ("one of the two men and two women": two coordinated wholes add up)
        let parts = || no_share() || coordinated_groups(&numbers);
        if numbers.len() >= 2 && numbers.len() == group.len() && parts() && one_owner() {
            // parts of one total, unless one of them already is the total
            let values: Vec<Say> = numbers.iter().map(|c| say(c, published)).collect();
            let stated: Vec<f64> = values
                .iter()
                .map(|v| match v {
                    Say::Number { stated, .. } => *stated,
                    _ => 0.0,
                })
                .collect();
            let max = stated.iter().cloned().fold(f64::MIN, f64::max);
            let rest: f64 = stated.iter().sum::<f64>() - max;
            if (rest - max).abs() < 1e-9 && !coordinated_groups(&numbers) {
                let i = stated.iter().position(|&s| s == max).unwrap_or(0);
                out.push(Statement::new(vec![numbers[i]], values[i].clone()));
                continue;
            }
            let mut low = 0.0;
            let mut high = 0.0;
            let mut vague = false;
            let mut precision = Precision::Exact;
            for v in &values {
                if let Say::Number {
                    low: l,
                    high: h,
                    vague: g,
                    precision: p,
                    ..
                } = v
                {
                    low += l;
                    high += h;
                    vague |= g;
                    if *p != Precision::Exact {
                        precision = *p;
                    }
                }
            }
            // "nearly 200 soldiers and nineteen civilians": each group's toll
            // is said as well as the whole (`comparable` sets the whole only
            // beside a toll of no group, and each part beside its group's)
            let groups: Vec<Option<&str>> = numbers.iter().map(|c| group_of(c)).collect();
            if groups.iter().all(Option::is_some) && groups.iter().any(|g| *g != groups[0]) {
                for (c, v) in numbers.iter().zip(&values) {
                    out.push(Statement::new(vec![*c], v.clone()));
                }
            }
            out.push(Statement::new(
                numbers,
                Say::Number {
                    low,
                    high,
                    stated: stated.iter().sum(),
                    precision,
                    vague,
                },
            ));
        } else {
            for &c in group {
                let mut value = say(c, published);
                // "10 other people": a part beside someone counted already,
                // so the whole is more
                let part = part(c);
                if let (
                    Part::Others,
                    Say::Number {
                        high, precision, ..
                    },
                ) = (part, &mut value)
                {
                    *high = f64::INFINITY;
                    *precision = Precision::Bound;
                }
                let mut st = Statement::new(vec![c], value);
                st.part = part;
                if c.kind == ClaimKind::Date
                    && let Some(event) = c.event.filter(|e| recurs(*e))
                {
                    if is_process(event) {
                        st.step = Some((in_the_past(c, published), published));
                        st.began = told_as_begun(c);
                    } else {
                        st.session = Some((told_as_past_day(c, published), published));
                    }
                }
                // a bare distance, whose measure is its unit
                if c.value.unit.is_some_and(is_length)
                    && c.measure.as_ref().map(MeasureKey::as_str) == c.value.unit
                {
                    st.distance = Some(reference_place(c));
                }
                st.incident = c.kind == ClaimKind::Date && c.event.is_some_and(sudden);
                out.push(st);
            }
        }
    }
    // a state of the day of writing is compared only with reports of that day
    for st in &mut out {
        if st
            .claims
            .first()
            .and_then(|c| c.measure.as_ref())
            .is_some_and(MeasureKey::is_state)
        {
            st.session = Some((true, published));
        }
    }
    out
}

/// How two statements disagree, if they do.
fn disagree(a: &Say, b: &Say) -> Option<Severity> {
    match (a, b) {
        (
            Say::Number {
                low: al,
                high: ah,
                stated: as_,
                precision: ap,
                vague: av,
            },
            Say::Number {
                low: bl,
                high: bh,
                stated: bs,
                precision: bp,
                vague: bv,
            },
        ) => {
            let (al, ah) = band(*al, *ah, *as_, *ap);
            let (bl, bh) = band(*bl, *bh, *bs, *bp);
            // an approximate figure agrees with any figure inside its band
            let within = |s: f64, p: Precision, other: f64| {
                p == Precision::Approximate && (other - s).abs() <= s.abs() * approx_band() + 1e-9
            };
            // a range agrees with any figure inside it ("15 to 18 shots"
            // against "about 18"); a bound does not: "more than 54" against
            // "67" are two different counts
            let inside = |p: Precision, l: f64, h: f64, other: f64| {
                p == Precision::Range && l - 1e-9 <= other && other <= h + 1e-9
            };
            if ah < bl || bh < al {
                Some(Severity::Contradiction)
            } else if *av
                || *bv
                || within(*as_, *ap, *bs)
                || within(*bs, *bp, *as_)
                || inside(*ap, al, ah, *bs)
                || inside(*bp, bl, bh, *as_)
                || (*bp != Precision::Bound && rounded_bound(*ap, al, ah, *as_, *bs))
                || (*ap != Precision::Bound && rounded_bound(*bp, bl, bh, *bs, *as_))
            {
                None
            } else if (as_ - bs).abs() > 1e-9 * as_.abs().max(1.0) {
                Some(Severity::Divergence)
            } else {
                None
            }
        }
        (
            Say::Date {
                low: al,
                high: ah,
                month: am,
                day: ad,
                night: an,
            },
            Say::Date {
                low: bl,
                high: bh,
                month: bm,
                day: bd,
                night: bn,
            },
        ) => {
            if let (Some(al), Some(ah), Some(bl), Some(bh)) = (al, ah, bl, bh) {
                let slack = chrono::Duration::days(i64::from(*an || *bn));
                return (*ah + slack < *bl || *bh + slack < *al).then_some(Severity::Contradiction);
            }
            // a year is unknown on one side: compare what both fix
            match ((am, bm), (ad, bd)) {
                ((Some(x), Some(y)), _) if x != y => Some(Severity::Contradiction),
                ((Some(_), Some(_)), (Some(x), Some(y))) if x != y => Some(Severity::Contradiction),
                _ => None,
            }
        }
        _ => None,
    }
}

/// How two documents disagree: only when no statement of one can be reconciled
/// with any statement of the other, and then as mildly as their closest pair.
/// A report that gives several figures for one measure (a total and its parts,
/// an early toll and a later one, this shooting and an earlier one) is taken at
/// its most favourable reading.
/// Words that only give an order of magnitude ("hundreds", "a man") reconcile
/// nothing when the report also gives a figure.
/// `meet` says which statements of the two may be set side by side at all.
/// With `each`, the figures are one person's each (two defendants' terms): a
/// figure is reconciled only by a figure it meets, so the co-defendant's
/// agreeing term does not hide the defendant's disagreeing one. Figures whose
/// sentences both name their owner under an `owned` measure (two parties' seats)
/// are always read so.
fn irreconcilable(
    a: &[Statement],
    b: &[Statement],
    meet: impl Fn(&Statement, &Statement) -> bool,
    each: bool,
    owned: bool,
) -> Option<Severity> {
    let (a, b) = (informative(a), informative(b));
    let mut mildest: Option<Severity> = None;
    for x in &a {
        for y in b.iter().filter(|y| meet(x, y)) {
            // one group's toll agreeing says nothing of another group's
            let own = each || owned && both_owned(x, y) || x.a_groups_toll();
            let sev = match disagree(&x.value, &y.value) {
                Some(sev) => sev,
                None if own => continue,
                None => return None,
            };
            if own && (reconciled(x, &b, &meet) || reconciled(y, &a, |p, q| meet(q, p))) {
                continue;
            }
            mildest = Some(mildest.map_or(sev, |m| m.min(sev)));
        }
    }
    mildest
}

/// Do both sentences name the owner of their figure (one owner: `comparable`
/// keeps two owners apart), the one before its figure and the other anywhere?
fn both_owned(x: &Statement, y: &Statement) -> bool {
    let names = |s: &Statement, o: &String| s.claims[0].entities.contains(o);
    match (x.owner(), y.owner()) {
        (Some(_), Some(_)) => true,
        // "the Greens came second with 31 seats": the owner is named, only not
        // right before the figure
        (Some(a), None) => names(y, a),
        (None, Some(b)) => names(x, b),
        (None, None) => false,
    }
}

/// Does some statement of `others` that `x` meets agree with it?
fn reconciled(
    x: &Statement,
    others: &[&Statement],
    meet: impl Fn(&Statement, &Statement) -> bool,
) -> bool {
    others
        .iter()
        .any(|y| meet(x, y) && disagree(&x.value, &y.value).is_none())
}

/// A document's statements that give a figure, or all of them if none does.
fn informative<'s, 'a>(all: &'s [Statement<'a>]) -> Vec<&'s Statement<'a>> {
    let precise: Vec<&Statement> = all
        .iter()
        .filter(|s| !matches!(s.value, Say::Number { vague: true, .. }))
        .collect();
    if precise.is_empty() {
        all.iter().collect()
    } else {
        precise
    }
}

/// The interval an approximate figure allows: at least its ±band.
/// Does a bound given as a round figure take in the other figure within its last
/// round step? "More than 14,000 acres" is what a writer says of 14,200, and "at
/// least 40" of 43; "more than 54" is not said of 67. Two bounds are not read this
/// way: "more than 40,000" against "more than 46,000" is two sources' floors.
fn rounded_bound(precision: Precision, low: f64, high: f64, stated: f64, other: f64) -> bool {
    if precision != Precision::Bound || stated.fract() != 0.0 || stated <= 0.0 {
        return false;
    }
    let mut step = 1.0;
    while stated % (step * 10.0) == 0.0 {
        step *= 10.0;
    }
    if step < 10.0 {
        return false;
    }
    if high.is_infinite() && (low - stated).abs() < 1e-9 {
        stated <= other && other < stated + step
    } else if low.is_infinite() && (high - stated).abs() < 1e-9 {
        stated - step < other && other <= stated
    } else {
        false
    }
}

fn band(low: f64, high: f64, stated: f64, precision: Precision) -> (f64, f64) {
    if precision == Precision::Approximate {
        let w = stated.abs() * approx_band();
        (low.min(stated - w), high.max(stated + w))
    } else {
        (low, high)
    }
}

/// Compare each cluster's statements across documents.
pub fn compare(claims: &[Claim], clusters: &[Cluster], profiles: &[Profile]) -> Vec<Discrepancy> {
    compare_in(
        claims,
        clusters,
        profiles,
        None,
        &crate::texts::Texts::default(),
    )
}

/// `compare`, with the run-wide counts given (`crate::partition::Whole`) when
/// these claims are one partition of the run, and the claims' texts read back
/// from `texts` for the clusters that are judged, one cluster at a time.
pub fn compare_in(
    claims: &[Claim],
    clusters: &[Cluster],
    profiles: &[Profile],
    whole: Option<&crate::partition::Whole>,
    texts: &crate::texts::Texts,
) -> Vec<Discrepancy> {
    let published: FxHashMap<&str, chrono::NaiveDate> = profiles
        .iter()
        .filter_map(|p| Some((p.document.as_str(), p.published?)))
        .collect();
    let evidence = Evidence::new_in(claims, clusters, profiles, whole);
    // clusters are judged apart from one another, and numbered in cluster order
    let judged: Vec<Vec<Judgement>> = clusters
        .par_iter()
        .map(|cluster| {
            let mine = cluster
                .claims
                .iter()
                .map(|&i| std::borrow::Cow::Borrowed(&claims[i]))
                .collect();
            judge(mine, texts, &published, &evidence)
        })
        .collect();
    clusters
        .iter()
        .zip(judged)
        .flat_map(|(cluster, judgements)| judgements.into_iter().map(move |j| (cluster, j)))
        .enumerate()
        .map(|(k, (cluster, j))| Discrepancy {
            id: format!("D{}", k + 1),
            status: crate::model::Status::New,
            decision: None,
            topic: cluster.topic.clone(),
            severity: j.severity,
            claims: j.claims,
            summary: j.summary,
            statements: j.statements,
            confidence: j.confidence,
            why: j.why,
        })
        .collect()
}

/// How a cluster's documents disagree: the worst severity among the pairs of
/// documents of the most confident level, the ids of the claims set against
/// each other, a summary of them, and why they were set side by side.
struct Judgement {
    severity: Severity,
    claims: Vec<String>,
    summary: String,
    /// The claim ids by statement (a document's parts added up are one statement).
    statements: Vec<Vec<String>>,
    confidence: Confidence,
    why: Why,
}

/// How many words before a figure its word of change may stand ("rose to 40",
/// "now stands at 40").
const CHANGE_REACH: usize = 4;

/// Does the claim's sentence say, right before the figure, that it changed?
fn says_it_changed(c: &Claim) -> bool {
    let mut words = words_before(c);
    let near: Vec<String> = words.by_ref().take(CHANGE_REACH).collect();
    near.iter()
        .any(|w| crate::lexicon::ACTS.changed_words.contains(&w.as_str()))
        // "bringing the death toll from the siege to 9": a verb
        // that takes the level to the figure, however long its object
        || near.first().is_some_and(|w| w == "to")
            && near
                .iter()
                .cloned()
                .chain(words.take(crate::extract::measure::SUBJECT_REACH))
                .any(|w| crate::lexicon::ACTS.raising_verbs.contains(&w.as_str()))
}

/// Is the disagreement between two documents' statements a later report's
/// higher count, told as a change? `a` is published before `b`.
fn is_update(a: &[Statement], b: &[Statement]) -> bool {
    let top = |ss: &[Statement]| {
        ss.iter()
            .filter_map(|s| match s.value {
                Say::Number { stated, .. } => Some(stated),
                _ => None,
            })
            .fold(f64::MIN, f64::max)
    };
    let earlier = top(a);
    earlier > f64::MIN
        && b.iter().any(|s| {
            matches!(s.value, Say::Number { stated, .. } if stated > earlier)
                && s.claims
                    .iter()
                    .any(|c| c.kind == ClaimKind::Count && says_it_changed(c))
        })
}

/// Days two dates without a common year are at least apart when their months lie two
/// or more apart ("February" against "December 15"); 0 when that cannot be told.
fn months_apart(a: &Say, b: &Say) -> i64 {
    match (a, b) {
        (Say::Date { month: Some(x), .. }, Say::Date { month: Some(y), .. }) => {
            let d = (i64::from(*x) - i64::from(*y)).rem_euclid(12);
            let d = d.min(12 - d);
            if d >= 2 { (d - 1) * 28 } else { 0 }
        }
        _ => 0,
    }
}

/// Dates of one kind of event further apart than this, in days, need two shared
/// details to be taken for one event's (`PairFacts::dates_far`).
const DATES_FAR_DAYS: i64 = 7;

fn judge(
    mine: Vec<std::borrow::Cow<Claim>>,
    texts: &crate::texts::Texts,
    published: &FxHashMap<&str, chrono::NaiveDate>,
    evidence: &Evidence,
) -> Vec<Judgement> {
    let Some(first) = mine.first() else {
        return Vec::new();
    };
    if mine.iter().all(|c| c.document == first.document) {
        return Vec::new();
    }
    // only a cluster of two documents or more is read: its texts come back now
    let held: Vec<std::borrow::Cow<Claim>> = mine
        .into_iter()
        .map(|c| match c {
            std::borrow::Cow::Borrowed(c) => texts.with_text(c),
            owned => owned,
        })
        .collect();
    let mut mine: Vec<&Claim> = held.iter().map(|c| c.as_ref()).collect();
    let first = mine[0];
    let key = first.measure.as_ref();
    let measure = key.map_or("", MeasureKey::as_str);
    let open_key = key.is_none_or(MeasureKey::is_open);
    let owned = key.is_some_and(MeasureKey::is_owned);
    // document by document, in byte order of their ids; each one's claims in cluster order
    mine.sort_by(|a, b| a.document.cmp(&b.document));
    let mut per_doc: Vec<(&str, Vec<Statement>)> = mine
        .chunk_by(|a, b| a.document == b.document)
        .map(|cs| {
            let d = &*cs[0].document;
            (d, statements(cs, published.get(d).copied()))
        })
        .collect();
    // a report that gives the measure for two places breaks it down by place
    let by_place = key.is_some_and(|k| !k.is_date())
        && per_doc.iter().any(|(_, sts)| {
            let mut places = informative(sts).into_iter().filter_map(Statement::place);
            places
                .next()
                .is_some_and(|first| places.any(|p| p != first))
        });
    // a toll of people that the cluster's figures give for two groups
    let by_group = key.is_some_and(|k| {
        crate::extract::measure::is_change_measure(k)
            && crate::extract::measure::counts_people_measure(k)
    }) && {
        let mut groups = per_doc
            .iter()
            .flat_map(|(_, sts)| sts.iter())
            .filter_map(Statement::group);
        groups
            .next()
            .is_some_and(|first| groups.any(|g| g != first))
    };
    for st in per_doc.iter_mut().flat_map(|(_, sts)| sts.iter_mut()) {
        st.by_place = by_place;
        st.by_group = by_group;
    }
    // every pair of documents that cannot both be right, with how sure we are
    // that they speak of one thing
    // a sum or span that is someone's (a prison term) is set side by side
    // only where both sentences open on one name, their subject: a
    // co-defendant's term is not the defendant's though both sentences name
    // the club, and a sentence that names no one cannot say whose it gives
    let strict = owned
        && first
            .measure
            .as_ref()
            .is_some_and(|k| k.is_owned() && k.is_frame() && k.is_by_name());
    let owners_meet = |x: &Statement, y: &Statement| {
        let (ex, ey) = (&x.claims[0].entities, &y.claims[0].entities);
        let (cx, cy) = (x.claims[0], y.claims[0]);
        !strict
            || ex.first().is_some_and(|n| ey.first() == Some(n))
            || crate::evidence::subject_name(&cx.sentence)
                .is_some_and(|n| crate::evidence::subject_name(&cy.sentence) == Some(n))
            || crate::evidence::same_role_before(
                &cx.sentence,
                quote_at(cx),
                &cy.sentence,
                quote_at(cy),
            )
    };
    // an owned measure's figure with its owner named meets a figure whose
    // sentence names only others ("the Greens came second with 31 seats") no more
    // than it meets another owner's
    let owner_fits = |x: &Statement, y: &Statement| {
        let fits = |o: Option<&String>, other: &Statement| {
            let names = &other.claims[0].entities;
            o.is_none_or(|o| other.owner().is_some() || names.is_empty() || names.contains(o))
        };
        !owned || fits(x.owner(), y) && fits(y.owner(), x)
    };
    let meet =
        |x: &Statement, y: &Statement| comparable(x, y) && owners_meet(x, y) && owner_fits(x, y);
    let mut pairs: Vec<Pair> = Vec::new();
    for (x, (da, sa)) in per_doc.iter().enumerate() {
        for (y, (db, sb)) in per_doc.iter().enumerate().skip(x + 1) {
            let Some(mut severity) = irreconcilable(sa, sb, meet, strict, owned) else {
                continue;
            };
            let (pa, pb) = (published.get(da), published.get(db));
            // a report whose day is unknown, or two of one day, are ordered by
            // their own words: the higher toll told as a change ("rose to 11")
            // is the later one
            let unordered = pa.is_none() || pb.is_none() || pa == pb;
            if matches!((pa, pb), (Some(p), Some(q)) if p < q) && is_update(sa, sb)
                || matches!((pa, pb), (Some(p), Some(q)) if q < p) && is_update(sb, sa)
                || unordered && (is_update(sa, sb) || is_update(sb, sa))
            {
                severity = Severity::Update;
            }
            // the statements set against each other, not every figure of
            // the two reports ("12 miles from the depot" is no party to a
            // quarrel over the distance north of a town)
            let (ia, ib) = (informative(sa), informative(sb));
            let mut statements: Vec<&Statement> = Vec::new();
            let mut context = 0;
            let mut same_owner = false;
            let mut unnamed = false;
            let mut nameless = false;
            let mut owner_unmentioned = false;
            let mut far = 0;
            // every pair set side by side tells the day a process began
            let mut begun: Option<bool> = None;
            for x in &ia {
                // one person's figure each: only the pairs that stand apart
                let stands = |y: &Statement| {
                    !(strict || both_owned(x, y) || x.a_groups_toll())
                        || disagree(&x.value, &y.value).is_some()
                            && !reconciled(x, &ib, meet)
                            && !reconciled(y, &ia, |p, q| meet(q, p))
                };
                for y in ib.iter().filter(|y| meet(x, y) && stands(y)) {
                    begun = Some(begun.unwrap_or(true) && x.began && y.began);
                    far = far
                        .max(days_apart(&x.value, &y.value))
                        .max(months_apart(&x.value, &y.value));
                    context = context.max(crate::evidence::shared_context(
                        &x.claims[0].sentence,
                        &y.claims[0].sentence,
                    ));
                    // the names beside the two figures: whose they are
                    let (ex, ey) = (&x.claims[0].entities, &y.claims[0].entities);
                    // the owner named for a figure ("159 U.N. members") must
                    // be among the names of the other's sentence
                    let (ox, oy) = (x.owner(), y.owner());
                    // a person's term: `meet` found one subject in both
                    same_owner |= strict;
                    same_owner |= match (ox, oy) {
                        (Some(a), Some(b)) => a == b,
                        (Some(a), None) => ey.contains(a),
                        (None, Some(b)) => ex.contains(b),
                        (None, None) => ex.iter().any(|n| ey.contains(n)),
                    };
                    // a sentence that names no one ("the company will cut …")
                    // leaves the owner to the documents' evidence
                    unnamed |= ex.is_empty() || ey.is_empty();
                    nameless |= ex.is_empty()
                        && ey.is_empty()
                        && !is_vague(x.claims[0])
                        && !is_vague(y.claims[0])
                        && !crate::evidence::opens_on_pronoun(&x.claims[0].sentence)
                        && !crate::evidence::opens_on_pronoun(&y.claims[0].sentence);
                    // unless that document never names the other's owner
                    owner_unmentioned |= (ex.is_empty()
                        && !ey.is_empty()
                        && evidence.names_none_of(da, ey))
                        || (ey.is_empty() && !ex.is_empty() && evidence.names_none_of(db, ex))
                        || (ox.is_none()
                            && oy.is_some_and(|b| evidence.names_none_of(da, slice::from_ref(b))))
                        || (oy.is_none()
                            && ox.is_some_and(|a| evidence.names_none_of(db, slice::from_ref(a))));
                    for s in [*x, *y] {
                        if !statements.iter().any(|t| std::ptr::eq(*t, s)) {
                            statements.push(s);
                        }
                    }
                }
            }
            let shared = evidence.shared(da, db, Some(measure));
            let apart = evidence.apart(da, db);
            let facts = crate::evidence::PairFacts {
                open_key,
                owned,
                unnamed,
                nameless,
                apart,
                context,
                same_owner,
                principals_differ: evidence.different_principals(da, db),
                owner_unmentioned,
                dates_far: key.is_some_and(MeasureKey::is_date) && far > DATES_FAR_DAYS,
                // the day a trial began is no session among many
                recurring_date: matches!(key, Some(MeasureKey::DateOf(e)) if recurs(*e))
                    && begun != Some(true),
            };
            let confidence = crate::evidence::confidence(&facts, &shared);
            pairs.push(Pair {
                docs: (x, y),
                severity,
                confidence,
                shared,
                statements,
            });
        }
    }
    // pairs below the cluster's level are left out (a high pair beside a medium
    // one is still one disagreement); the pairs kept fall into findings by the
    // documents they link: two reports that disagree with each other and with
    // no report of a second event's pair make a finding of their own, so one
    // event's quarrel is never shown beside another's
    let Some(top) = pairs.iter().map(|p| p.confidence).max() else {
        return Vec::new();
    };
    let floor = top.min(Confidence::Medium);
    let sure: Vec<&Pair> = pairs.iter().filter(|p| p.confidence >= floor).collect();
    let mut parent: Vec<usize> = (0..per_doc.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for p in &sure {
        let (a, b) = (root(&mut parent, p.docs.0), root(&mut parent, p.docs.1));
        parent[a.max(b)] = a.min(b);
    }
    let mut parts: Vec<(usize, Vec<&Pair>)> = Vec::new();
    for p in sure {
        let r = root(&mut parent, p.docs.0);
        match parts.iter_mut().find(|(k, _)| *k == r) {
            Some((_, v)) => v.push(p),
            None => parts.push((r, vec![p])),
        }
    }
    parts
        .into_iter()
        .filter_map(|(_, part)| {
            let confidence = part.iter().map(|p| p.confidence).max()?;
            let floor = confidence.min(Confidence::Medium);
            let kept: Vec<&Pair> = part.into_iter().filter(|p| p.confidence >= floor).collect();
            finding(measure, open_key, confidence, &kept)
        })
        .collect()
}

/// Two documents of a cluster that cannot both be right, with how sure it is
/// that they speak of one thing.
struct Pair<'s, 'a> {
    docs: (usize, usize),
    severity: Severity,
    confidence: Confidence,
    shared: Shared,
    statements: Vec<&'s Statement<'a>>,
}

/// One finding of a cluster from the pairs of documents it sets side by side.
fn finding(
    measure: &str,
    open_key: bool,
    confidence: Confidence,
    sure: &[&Pair],
) -> Option<Judgement> {
    let severity = sure.iter().map(|p| p.severity).max()?;
    let mut involved: Vec<&Statement> = Vec::new();
    // each name with its spelling, kept in the order of the names
    let mut spelled: Vec<(String, String)> = Vec::new();
    let mut figures: Vec<String> = Vec::new();
    for p in sure {
        for s in &p.statements {
            if !involved.iter().any(|t| std::ptr::eq(*t, *s)) {
                involved.push(s);
            }
        }
        spelled.extend(
            p.shared
                .names
                .iter()
                .cloned()
                .zip(p.shared.spelled.iter().cloned()),
        );
        figures.extend(p.shared.figures.iter().cloned());
    }
    spelled.sort_unstable();
    spelled.dedup_by(|a, b| a.0 == b.0);
    figures.sort_unstable();
    figures.dedup();
    let (names, spelled): (Vec<String>, Vec<String>) = spelled.into_iter().unzip();
    involved.sort_by_key(|s| (doc_order(&s.claims[0].document), s.claims[0].start));
    let summary = involved
        .iter()
        .map(|s| {
            let quotes: Vec<&str> = s.claims.iter().map(|c| &*c.quote).collect();
            let text = quotes.join(" + ");
            format!("{} ({})", text, s.claims[0].document)
        })
        .collect::<Vec<_>>()
        .join(" vs ");
    // a figure in a group's part and in the whole it adds up to is listed once
    let mut ids: Vec<String> = Vec::new();
    for c in involved.iter().flat_map(|s| s.claims.iter()) {
        if !ids.contains(&c.id) {
            ids.push(c.id.clone());
        }
    }
    let event = involved
        .iter()
        .find_map(|s| s.claims[0].event.map(|e| e.as_str().to_string()));
    let anchor = involved
        .iter()
        .find_map(|s| s.claims[0].anchor.as_ref().map(|a| a.value.clone()));
    let why = Why {
        line: why_line(
            involved
                .first()
                .and_then(|s| s.claims.first())
                .and_then(|c| c.measure.as_ref()),
            open_key,
            event.as_deref(),
            anchor.as_deref(),
            &spelled,
            &figures,
        ),
        measure: measure.to_string(),
        open_key,
        event,
        anchor_text: anchor.as_deref().map(crate::label::anchor_text),
        anchor,
        shared_names: names,
        shared_figures: figures,
    };
    let statements = involved
        .iter()
        .map(|s| s.claims.iter().map(|c| c.id.clone()).collect())
        .collect();
    Some(Judgement {
        severity,
        claims: ids,
        summary,
        statements,
        confidence,
        why,
    })
}

/// How many shared names the reason line lists before "…".
const WHY_NAMES: usize = 4;

/// The reason line under a finding: its label in `crate::label`'s words,
/// then what joined the sources, names spelled as the documents write them
/// ("deaths in the earthquake, March 2024; sources share Harrowgate,
/// magnitude 6.1").
fn why_line(
    measure: Option<&MeasureKey>,
    open_key: bool,
    event: Option<&str>,
    anchor: Option<&str>,
    names: &[String],
    figures: &[String],
) -> String {
    let note = if open_key {
        " (from the figures' own words)"
    } else {
        ""
    };
    let mut line = measure
        .map(|m| crate::label::reason(m, note, event, anchor))
        .unwrap_or_default();
    let mut joined: Vec<String> = names.iter().take(WHY_NAMES).cloned().collect();
    match names.len().saturating_sub(WHY_NAMES) {
        0 => {}
        1 => joined.push("1 more name".into()),
        n => joined.push(format!("{n} more names")),
    }
    // evidence writes a figure as "{measure} {value}", and a value (a number
    // or a day) has no space in it
    joined.extend(figures.iter().take(2).map(|f| match f.rsplit_once(' ') {
        Some((m, v)) => crate::label::figure(m, v),
        None => f.clone(),
    }));
    if joined.is_empty() {
        line.push_str("; the sources share no specific detail");
    } else {
        line.push_str("; sources share ");
        line.push_str(&joined.join(", "));
    }
    line
}

/// Documents are numbered d1, d2 …: order them by number, not as strings.
fn doc_order(id: &str) -> (usize, String) {
    let n = id
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .unwrap_or(usize::MAX);
    (n, id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The claims of `text` as the extract stage reads a plain-text report.
    fn claims_of(text: &str) -> Vec<Claim> {
        let doc = crate::ingest::parse_document(
            "x.txt".into(),
            crate::model::Format::Text,
            text.into(),
            &crate::ingest::IngestOptions::default(),
        );
        let segments = crate::segment::segment(&doc);
        crate::extract::extract_and_profile(&doc, &segments).0
    }

    /// The claim of `quote` as the extract stage reads it in `sentence`.
    fn claim(quote: &str, sentence: &str) -> Claim {
        claims_of(sentence)
            .into_iter()
            .find(|c| &*c.quote == quote)
            .expect("the quote is a claim")
    }

    /// The statements a one-document `text` makes about the measure `measure`: the
    /// quotes of each and the figure it states.
    fn said(text: &str, measure: &str) -> Vec<(Vec<String>, f64)> {
        let claims = claims_of(text);
        let of: Vec<&Claim> = claims
            .iter()
            .filter(|c| c.measure.as_ref().is_some_and(|m| m.to_string() == measure))
            .collect();
        statements(&of, None)
            .into_iter()
            .map(|s| {
                let quotes = s.claims.iter().map(|c| c.quote.to_string()).collect();
                match s.value {
                    Say::Number { stated, .. } => (quotes, stated),
                    _ => (quotes, f64::NAN),
                }
            })
            .collect()
    }

    #[test]
    fn coordinated_groups_of_people_add_up() {
        let q = |qs: &[&str]| qs.iter().map(|q| q.to_string()).collect::<Vec<_>>();
        // one sum, many surface forms: two groups joined by "and" under one predicate
        for text in [
            "Three men and a woman were killed in the fire.",
            "Two men and two women were killed in the fire.",
            "One of the two men and two women killed in the fire was a nurse.",
        ] {
            let got = said(text, "deaths");
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, 4.0, "{text}: {got:?}");
        }
        // a total and its restatement are one figure, not two parts
        assert_eq!(
            said(
                "Four people were killed, four of them in the fire.",
                "deaths"
            ),
            vec![(q(&["Four"]), 4.0)]
        );
        // a repeated sentence (a caption printed twice) says its figure once
        assert_eq!(
            said("Two men were killed.\n\nTwo men were killed.", "deaths"),
            vec![(q(&["Two"]), 2.0)]
        );
    }

    #[test]
    fn a_count_beside_others_is_a_part() {
        let cases = [
            (
                "10",
                "Her mother and 10 other people were hurt in the crash.",
                Part::Others,
            ),
            (
                "four",
                "The driver, along with four other passengers, was hurt.",
                Part::Others,
            ),
            (
                "2,000",
                "The ministry will send 2,000 more troops to the border.",
                Part::Added,
            ),
            (
                "three",
                "The board named three new members on Friday.",
                Part::Added,
            ),
            (
                "three",
                "Five were killed and three more were injured.",
                Part::Others,
            ),
            (
                "11",
                "Four people were killed and 11 others wounded.",
                Part::Whole,
            ),
            (
                "four",
                "One man was shot to death and four others were injured.",
                Part::Whole,
            ),
            (
                "Four",
                "Four people were injured in the crash on Friday.",
                Part::Whole,
            ),
            (
                "48",
                "The alliance took 48 of the 120 seats in the chamber.",
                Part::Share,
            ),
            (
                "120",
                "The alliance took 48 of the 120 seats in the chamber.",
                Part::Total,
            ),
            (
                "200",
                "Greens won nine of the assembly's 200 seats.",
                Part::Total,
            ),
            (
                "nine",
                "Greens won nine of the assembly's 200 seats.",
                Part::Share,
            ),
            (
                "30",
                "Of the 30 workers on shift, most were unhurt.",
                Part::Whole,
            ),
            (
                "three",
                "Police released the identities of three victims killed in the attack.",
                Part::Share,
            ),
            (
                "two",
                "The families of two men killed in the crash spoke on Monday.",
                Part::Share,
            ),
            (
                "two",
                "The bodies of two men were found on Monday.",
                Part::Whole,
            ),
        ];
        for (quote, sentence, want) in cases {
            assert_eq!(part(&claim(quote, sentence)), want, "{sentence}");
        }
    }

    #[test]
    fn months_two_apart_are_weeks_apart() {
        let month = |m: u32| Say::Date {
            low: None,
            high: None,
            month: Some(m),
            day: None,
            night: false,
        };
        assert_eq!(months_apart(&month(2), &month(12)), 28);
        assert_eq!(months_apart(&month(1), &month(12)), 0);
        assert_eq!(months_apart(&month(3), &month(4)), 0);
        assert!(months_apart(&month(1), &month(7)) > DATES_FAR_DAYS);
    }

    /// A statement of one day of 2021 (month, day).
    fn on_day(m: u32, day: u32) -> Statement<'static> {
        let d = chrono::NaiveDate::from_ymd_opt(2021, m, day);
        Statement::new(
            Vec::new(),
            Say::Date {
                low: d,
                high: d,
                month: Some(m),
                day: Some(day),
                night: false,
            },
        )
    }

    fn num(low: f64, high: f64, stated: f64, precision: Precision) -> Say {
        Say::Number {
            low,
            high,
            stated,
            precision,
            vague: false,
        }
    }

    #[test]
    fn severity_table() {
        let inf = f64::INFINITY;
        let exact = |n| num(n, n, n, Precision::Exact);
        let cases = [
            (
                num(286.0, inf, 286.0, Precision::Bound),
                exact(200.0),
                Some(Severity::Contradiction),
            ),
            (
                num(6500.0, inf, 6500.0, Precision::Bound),
                num(6700.0, inf, 6700.0, Precision::Bound),
                Some(Severity::Divergence),
            ),
            (
                num(27000.0, 33000.0, 30000.0, Precision::Approximate),
                exact(31000.0),
                None,
            ),
            (exact(12.0), exact(12.0), None),
            (
                num(800.0, inf, 800.0, Precision::Bound),
                exact(1000.0),
                Some(Severity::Divergence),
            ),
            (
                num(720.0, 800.0, 800.0, Precision::Approximate),
                exact(1000.0),
                Some(Severity::Contradiction),
            ),
            // a range agrees with a figure inside it
            (
                num(15.0, 18.0, 15.0, Precision::Range),
                num(16.2, 19.8, 18.0, Precision::Approximate),
                None,
            ),
            (
                num(15.0, 20.0, 15.0, Precision::Range),
                num(20.0, inf, 20.0, Precision::Bound),
                None,
            ),
            (
                num(15.0, 18.0, 15.0, Precision::Range),
                exact(25.0),
                Some(Severity::Contradiction),
            ),
        ];
        for (a, b, want) in cases {
            assert_eq!(disagree(&a, &b), want, "{a:?} vs {b:?}");
            assert_eq!(disagree(&b, &a), want, "{b:?} vs {a:?}");
        }
    }

    #[test]
    fn reports_disagree_only_when_no_reading_reconciles_them() {
        let exact = |n| num(n, n, n, Precision::Exact);
        let vague = |n| Say::Number {
            low: n,
            high: f64::INFINITY,
            stated: n,
            precision: Precision::Bound,
            vague: true,
        };
        let doc = |vs: Vec<Say>| -> Vec<Statement<'static>> {
            vs.into_iter()
                .map(|value| Statement::new(Vec::new(), value))
                .collect()
        };
        let cases = [
            // a total and one of its parts against the total: agreement
            (vec![exact(3.0), exact(2.0)], vec![exact(3.0)], None),
            // no figure of one report fits any of the other's
            (
                vec![exact(3.0), exact(2.0)],
                vec![exact(5.0)],
                Some(Severity::Contradiction),
            ),
            // the mildest pair sets the severity
            (
                vec![num(15.0, f64::INFINITY, 15.0, Precision::Bound), exact(4.0)],
                vec![exact(17.0)],
                Some(Severity::Divergence),
            ),
            // a round bound takes in a figure within its last step ("more than
            // 10" of 12, "more than 14,000" of 14,200), not one beyond it
            (
                vec![num(10.0, f64::INFINITY, 10.0, Precision::Bound)],
                vec![exact(12.0)],
                None,
            ),
            (
                vec![num(14000.0, f64::INFINITY, 14000.0, Precision::Bound)],
                vec![exact(14200.0)],
                None,
            ),
            (
                vec![num(14000.0, f64::INFINITY, 14000.0, Precision::Bound)],
                vec![exact(15200.0)],
                Some(Severity::Divergence),
            ),
            // two bounds are two sources' floors, however round
            (
                vec![num(40000.0, f64::INFINITY, 40000.0, Precision::Bound)],
                vec![num(46000.0, f64::INFINITY, 46000.0, Precision::Bound)],
                Some(Severity::Divergence),
            ),
            // "hundreds" beside a figure reconciles nothing
            (
                vec![
                    vague(200.0),
                    num(6500.0, f64::INFINITY, 6500.0, Precision::Bound),
                ],
                vec![num(6700.0, f64::INFINITY, 6700.0, Precision::Bound)],
                Some(Severity::Divergence),
            ),
            // a report that only says "hundreds" is not contradicted
            (vec![vague(200.0)], vec![exact(250.0)], None),
        ];
        for (a, b, want) in cases {
            let (a, b) = (doc(a), doc(b));
            assert_eq!(
                irreconcilable(&a, &b, comparable, false, false),
                want,
                "{a:?} vs {b:?}"
            );
            assert_eq!(
                irreconcilable(&b, &a, comparable, false, false),
                want,
                "{b:?} vs {a:?}"
            );
        }
    }

    #[test]
    fn past_sessions_counted_from_different_days_are_not_compared() {
        let d = |m, day| chrono::NaiveDate::from_ymd_opt(2021, m, day);
        let on = |m, day, session| {
            let mut s = on_day(m, day);
            s.session = session;
            s
        };
        // (past day counted from publication?, published)
        let told = |rel: bool, m, day| Some((rel, d(m, day)));
        let cases = [
            // "the hearing Wednesday" in reports of different days: two sessions
            (
                on(3, 3, told(true, 3, 4)),
                on(3, 9, told(true, 3, 10)),
                false,
            ),
            // the same day's reports speak of the same session
            (on(3, 3, told(true, 3, 4)), on(3, 2, told(true, 3, 4)), true),
            // calendar dates are compared whoever wrote them
            (
                on(3, 3, told(false, 3, 4)),
                on(3, 9, told(false, 3, 10)),
                true,
            ),
            (
                on(3, 3, told(true, 3, 4)),
                on(3, 9, told(false, 3, 10)),
                true,
            ),
            // one-off events are always compared
            (on(3, 3, None), on(3, 9, None), true),
        ];
        for (a, b, want) in cases {
            assert_eq!(
                comparable(&a, &b),
                want,
                "{:?} vs {:?}",
                a.session,
                b.session
            );
            assert_eq!(comparable(&b, &a), want);
        }
    }

    #[test]
    fn a_night_straddles_two_days() {
        let d = |day| chrono::NaiveDate::from_ymd_opt(2021, 3, day);
        let on = |day, night| Say::Date {
            low: d(day),
            high: d(day),
            month: Some(3),
            day: Some(day),
            night,
        };
        // "late Friday" and "Saturday": one night
        assert_eq!(disagree(&on(5, true), &on(6, false)), None);
        assert_eq!(disagree(&on(6, false), &on(5, true)), None);
        // "Friday" and "Saturday": two days
        assert_eq!(
            disagree(&on(5, false), &on(6, false)),
            Some(Severity::Contradiction)
        );
        // a night is no excuse for two days' slip
        assert_eq!(
            disagree(&on(4, true), &on(6, false)),
            Some(Severity::Contradiction)
        );
    }

    #[test]
    fn dates_of_a_sudden_incident_far_apart_are_two_incidents() {
        let at = |m, day, incident| {
            let mut s = on_day(m, day);
            s.incident = incident;
            s
        };
        // a week's misdate is still a disagreement about one shooting
        assert!(comparable(&at(3, 1, true), &at(3, 8, true)));
        // "the city's last shooting, in January" is another shooting
        assert!(!comparable(&at(1, 30, true), &at(3, 8, true)));
        // talks months apart are still compared
        assert!(comparable(&at(1, 30, false), &at(3, 8, false)));
        // without a year, by month and day: "Jan. 4" is not the quake "in December 2004"
        let yearless = |m, day: Option<u32>, year: Option<i32>| {
            let low = year.and_then(|y| chrono::NaiveDate::from_ymd_opt(y, m, day.unwrap_or(1)));
            let mut s = Statement::new(
                Vec::new(),
                Say::Date {
                    low,
                    high: low,
                    month: Some(m),
                    day,
                    night: false,
                },
            );
            s.incident = true;
            s
        };
        assert!(!comparable(
            &yearless(1, Some(4), None),
            &yearless(12, None, Some(2004))
        ));
        assert!(!comparable(
            &yearless(1, Some(4), None),
            &yearless(2, Some(20), None)
        ));
        // a week round the turn of the year, or a day apart, is one incident misdated
        assert!(comparable(
            &yearless(1, Some(2), None),
            &yearless(12, Some(30), Some(2020))
        ));
        assert!(comparable(
            &yearless(3, Some(4), None),
            &yearless(3, Some(5), Some(2021))
        ));
        assert!(comparable(
            &yearless(3, Some(4), None),
            &yearless(3, None, Some(2021))
        ));
    }

    #[test]
    fn dates_without_a_year_compare_by_month_and_day() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day);
        let july4 = Say::Date {
            low: d(2023, 7, 4),
            high: d(2023, 7, 4),
            month: Some(7),
            day: Some(4),
            night: false,
        };
        let nov7 = Say::Date {
            low: None,
            high: None,
            month: Some(11),
            day: Some(7),
            night: false,
        };
        let july = Say::Date {
            low: None,
            high: None,
            month: Some(7),
            day: None,
            night: false,
        };
        assert_eq!(disagree(&july4, &nov7), Some(Severity::Contradiction));
        assert_eq!(disagree(&july4, &july), None);
        let early90s = Say::Date {
            low: d(1990, 1, 1),
            high: d(1993, 12, 31),
            month: None,
            day: None,
            night: false,
        };
        let y1990 = Say::Date {
            low: d(1990, 1, 1),
            high: d(1990, 12, 31),
            month: None,
            day: None,
            night: false,
        };
        assert_eq!(disagree(&early90s, &y1990), None);
    }
}
