//! The rules of the date grammar, one regex each, proposing candidates to `Ctx`.
//! Rule that is not obvious: capitalisation is significant — month and weekday
//! names must be capitalised ("may", "march", "sun" are ordinary words), and a
//! bare month or season needs a cue (a year, a determiner, a preposition) before
//! it counts as a date.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::{Captures, Regex};

use super::Ctx;
use super::calendar::{self as cal, Span};
use super::trigger::{Literals, Trigger};
use super::words;
use crate::model::{Granularity as G, Precision as P};
use crate::rule::Rule;

/// Month names and abbreviations, capitalised.
const MONTH: &str = r"(?:January\b|February\b|March\b|April\b|May\b|June\b|July\b|August\b|September\b|October\b|November\b|December\b|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|Jan\b|Feb\b|Apr\b|Jun\b|Jul\b|Aug\b|Sept\b|Sep\b|Oct\b|Nov\b|Dec\b)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b";
const ORD_WORD: &str = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)";

/// Compile a rule. Word boundaries are ASCII ones: a Unicode `\b` keeps the
/// regex engine off its fast automaton for any text with a non-ASCII letter,
/// and every word a date rule anchors on is ASCII.
fn re(pattern: &str) -> Regex {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).expect("date regex")
}

type Propose = fn(&mut Ctx);
type Rules = [(Propose, &'static [&'static LazyLock<Regex>])];

/// The rules in the order they propose candidates (the order breaks ties), each
/// with every regex it searches the whole sentence with.
static RULES: &Rules = &[
    (day_dates, &[&MDY, &DMY, &DMY_WORD, &MONTH_ORD_WORD]),
    (day_ranges, &[&DAY_RANGES, &WEEK_OF]),
    (iso_dates, &[&ISO]),
    (month_dates, &[&MONTHS]),
    (years, &[&YEARS]),
    (spelled_years, &[&SPELLED_YEARS]),
    (decades, &[&DECADES, &DECADE_REL]),
    (centuries, &[&CENTURIES]),
    (quarters, &[&QUARTERS]),
    (halves, &[&HALVES]),
    (seasons, &[&SEASONS]),
    (relative_units, &[&RELATIVE_UNITS]),
    (relative_days, &[&RELATIVE_DAYS]),
    (weekdays, &[&WEEKDAYS]),
    (ago, &[&AGO]),
    (year_ago_adjective, &[&YEAR_AGO_ADJ]),
    (deictic, &[&DEICTIC]),
    (holidays, &[&HOLIDAYS]),
    (durations, &[&DURATIONS, &VAGUE_DURATIONS]),
];

/// The rules' regexes, with what `run` and `scan` need to know of each.
struct Prefilter {
    /// Which regexes may match in a sentence, one bit each.
    trigger: Trigger,
    /// For each regex: the rule it belongs to,
    owner: Vec<usize>,
    /// its bit in `Ctx::matched`, by its address,
    bit_of: rustc_hash::FxHashMap<usize, usize>,
    /// and the names of its groups, by group index.
    names: Vec<Vec<Option<&'static str>>>,
}

static PREFILTER: LazyLock<Prefilter> = LazyLock::new(|| {
    let mut regexes: Vec<&'static LazyLock<Regex>> = Vec::new();
    let mut owner = Vec::new();
    for (i, (_, rxs)) in RULES.iter().enumerate() {
        regexes.extend(rxs.iter().copied());
        owner.extend(rxs.iter().map(|_| i));
    }
    // compiling them and reading their literals is most of the program's
    // start-up: shared out over as many threads as the run may use
    let literals = on_threads(&regexes, rayon::current_num_threads(), |rx| {
        Literals::of(LazyLock::force(rx).as_str())
    });
    let mut bit_of = rustc_hash::FxHashMap::default();
    let mut names = Vec::new();
    for (bit, rx) in regexes.iter().enumerate() {
        let rx: &'static Regex = rx;
        bit_of.insert(std::ptr::from_ref(rx) as usize, bit);
        names.push(rx.capture_names().collect());
    }
    Prefilter {
        trigger: Trigger::assemble(literals),
        owner,
        bit_of,
        names,
    }
});

/// `f` of each item, in order, worked out on up to `threads` threads of
/// its own. Rule that is not obvious: they are plain scoped threads, not
/// the rayon pool's, because a pool thread waiting for the others would
/// take on other work meanwhile, and that work may need what is being
/// built here (a `LazyLock` that must not be entered twice on one thread).
fn on_threads<T: Sync, R: Send>(items: &[T], threads: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return items.iter().map(&f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(item) = items.get(i) else { break done };
            done.push((i, f(item)));
        }
    };
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        // a thread the system will not give is work this one does itself
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(s, work).ok())
            .collect();
        let mut done = work();
        for h in helpers {
            // a panic in `f` is a bug in a pattern: let it surface as one
            done.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        done
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Every rule one of whose regexes may match in the sentence, in table order.
/// Rule that is not obvious: a rule only loops over its regexes' matches, so
/// skipping a rule none of whose regexes' literals occur in the sentence
/// changes nothing but the time taken. (A `RegexSet` of all the rules told
/// exactly which match, but building its automaton's states for varied
/// text took a third of a run over real news.)
pub(super) fn run(ctx: &mut Ctx) {
    let Prefilter { trigger, owner, .. } = &*PREFILTER;
    let matched = trigger.may_match(ctx.text);
    ctx.matched = matched;
    let mut wanted = [false; 32];
    let mut bits = matched;
    while bits != 0 {
        let p = bits.trailing_zeros() as usize;
        bits &= bits - 1;
        if let Some(&i) = owner.get(p) {
            wanted[i] = true;
        }
    }
    for (i, (rule, _)) in RULES.iter().enumerate() {
        if wanted.get(i).copied().unwrap_or(true) {
            rule(ctx);
        }
    }
}

/// `rx.captures_iter(ctx.text)`, or nothing at once when the trigger found
/// none of the literals `rx` needs in the sentence.
fn scan<'t>(ctx: &Ctx<'t>, rx: &'static Regex) -> impl Iterator<Item = Caps<'t>> + use<'t> {
    let Prefilter { bit_of, names, .. } = &*PREFILTER;
    let bit = bit_of.get(&(std::ptr::from_ref(rx) as usize)).copied();
    let may_match = match bit {
        Some(b) if b < 64 => ctx.matched & (1u64 << b) != 0,
        _ => true,
    };
    let names: &'static [Option<&'static str>] = bit.and_then(|b| names.get(b)).map_or(&[], |n| n);
    let text = ctx.text;
    may_match
        .then(|| rx.captures_iter(text))
        .into_iter()
        .flatten()
        .map(move |c| Caps { c, names })
}

/// A match of a rule's regex. Rule that is not obvious: its groups are found
/// by name in a short list of the regex's names, not through `Captures::name`,
/// whose hashing of the name cost a fifth of the date grammar's time.
struct Caps<'t> {
    c: Captures<'t>,
    /// The regex's group names by index; empty for a regex not in `RULES`.
    names: &'static [Option<&'static str>],
}

impl<'t> Caps<'t> {
    fn get(&self, i: usize) -> Option<regex::Match<'t>> {
        self.c.get(i)
    }

    /// The group called `name`, if it took part in the match.
    fn name(&self, name: &str) -> Option<regex::Match<'t>> {
        match self.names.iter().position(|n| *n == Some(name)) {
            Some(i) => self.c.get(i),
            None if self.names.is_empty() => self.c.name(name),
            None => None,
        }
    }
}

impl std::ops::Index<&str> for Caps<'_> {
    type Output = str;

    /// The text of group `name`; like `Captures`, a panic when it did not
    /// take part in the match (the rules only ask for groups that must).
    fn index(&self, name: &str) -> &str {
        self.name(name)
            .map(|m| m.as_str())
            .unwrap_or_else(|| panic!("date rule asked for group {name:?}, not in the match"))
    }
}

// ---------------------------------------------------------------- helpers

fn span_of(c: &Caps) -> (usize, usize) {
    let m = c.get(0).expect("whole match");
    (m.start(), m.end())
}

/// The word (letters, digits, apostrophes) ending just before `pos`, and whether
/// a sentence-internal character (not the sentence start or a quote) precedes it.
fn prev_word(text: &str, pos: usize) -> &str {
    let before = text.get(..pos).unwrap_or("").trim_end();
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '.' || c == '$'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    &before[start..]
}

fn next_word(text: &str, pos: usize) -> &str {
    let after = text.get(pos..).unwrap_or("");
    let after = after.trim_start();
    let end = after
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .unwrap_or(after.len());
    &after[..end]
}

fn is_sentence_start(text: &str, pos: usize) -> bool {
    text.get(..pos)
        .unwrap_or("")
        .trim_end_matches(|c: char| c.is_whitespace() || "\"'“‘([".contains(c))
        .is_empty()
}

static FUTURE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
        \b(?:will|won't|shall|'ll|going\ to|plans?\ to|planning\ to|planned\ to|planned\ for|scheduled
          |expected\ to|expects?\ to|is\ due|are\ due|set\ to|intends?\ to|aims?\ to|hopes?\ to
          |would|upcoming|as\ soon\ as|as\ early\ as|is\ to|are\ to|postponed|effective)\b")
});
static PAST_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)\b(?:said|says|told|announced|reported|ago|last|was|were|had|did)\b")
});

/// Characters that end a clause for the tense window.
const CLAUSE_BREAKS: &[char] = &[',', ';', ':', '(', ')', '"', '`', '“', '”', '—', '–'];

/// Whether the expression at `start..end` speaks of the future: a future cue in
/// its clause (up to 80 bytes before, 60 after, not across a comma or similar;
/// a comma right after a fronted "On Friday," is skipped) that is nearer than
/// any past cue.
fn future_tense(ctx: &Ctx, start: usize, end: usize) -> bool {
    let text = ctx.text;
    let lo = crate::model::floor_char_boundary(text, start.saturating_sub(80));
    let before = &text[lo..start];
    let before = before.rsplit(CLAUSE_BREAKS).next().unwrap_or("");
    let hi = crate::model::floor_char_boundary(text, end + 60).max(end);
    let after = &text[end..hi];
    let after = after.strip_prefix(',').unwrap_or(after);
    let after = after.split(CLAUSE_BREAKS).next().unwrap_or("");
    let near_before = |rx: &Regex| rx.find_iter(before).last().map(|m| before.len() - m.end());
    let near_after = |rx: &Regex| rx.find(after).map(|m| m.start());
    // "a would-be thief", "a neighbour is to blame": no future
    let future_in = |text: &str| -> Vec<(usize, usize)> {
        FUTURE_CUE
            .find_iter(text)
            .filter(|m| {
                let rest = &text[m.end()..];
                !(rest.starts_with('-')
                    || (m.as_str().ends_with(" to") && rest.starts_with(" blame")))
            })
            .map(|m| (m.start(), m.end()))
            .collect()
    };
    let fut = future_in(before)
        .last()
        .map(|&(_, e)| before.len() - e)
        .into_iter()
        .chain(future_in(after).first().map(|&(s, _)| s))
        .min();
    let past = near_before(&PAST_CUE)
        .into_iter()
        .chain(near_after(&PAST_CUE))
        .min();
    match (fut, past) {
        (Some(f), Some(p)) => f < p,
        (Some(_), None) => true,
        _ => false,
    }
}

static BORROWED_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?x)^\s*(?:-|–|(?i:through|to|until|and|or))\s+
        (?:{MONTH}\s*)?(?:[0-9]{{1,2}}(?:st|nd|rd|th)?)?,?\s+(?i:of\s+)?(?P<year>[12][0-9]{{3}})\b"
    ))
});

/// The year of the second half of a coordination ("January through June of
/// 2015", "March 5 and 6, 2023"), which the first half shares.
fn borrowed_year(text: &str, end: usize) -> Option<&str> {
    let after = text.get(end..)?;
    BORROWED_YEAR
        .captures(after)
        .and_then(|c| c.name("year"))
        .map(|y| y.as_str())
}

/// Valid 4-digit year for the grammar.
fn valid_year(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    (1000..=2099).contains(&y).then_some(y)
}

fn month_value(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

/// The month interval of a month name without a year, by the policy in `calendar`.
fn month_span(ctx: &Ctx, m: u32, future: bool) -> Option<(i32, Span)> {
    let r = ctx.reference?;
    cal::nearest_year(r, future, |y| cal::month(y, m as i32))
}

/// Precision for a qualifier such as "early", "the end of".
fn qualified(q: Option<regex::Match>) -> P {
    if q.is_some() {
        P::Approximate
    } else {
        P::Exact
    }
}

// ------------------------------------------------------------- full days

static MDY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?x)
        (?:(?P<wd>{WEEKDAY}),?\s+)?
        (?P<mon>{MONTH})\s+
        (?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\b
        (?:,?\s+(?P<year>[12][0-9]{{3}})\b)?"
    ))
});
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?x)
        (?:(?P<wd>{WEEKDAY}),?\s+)?
        (?:(?i:the)\s+)?
        \b(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+
        (?:(?i:of)\s+)?
        (?P<mon>{MONTH})
        (?:,?\s+(?P<year>[12][0-9]{{3}})\b)?"
    ))
});
static DMY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?x)
        (?:(?P<wd>{WEEKDAY}),?\s+)?
        (?:(?i:the)\s+)?
        \b(?P<day>(?i:{ORD_WORD}|twenty-(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty-first))\s+
        (?i:of)\s+
        (?P<mon>{MONTH})
        (?:,?\s+(?P<year>[12][0-9]{{3}})\b)?"
    ))
});
static MONTH_ORD_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?x)
        (?:(?P<wd>{WEEKDAY}),?\s+)?
        (?P<mon>{MONTH})\s+(?:the\s+)?
        (?P<day>(?i:{ORD_WORD}|twenty-(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty-first))\b
        (?:,?\s+(?P<year>[12][0-9]{{3}})\b)?"
    ))
});

fn day_dates(ctx: &mut Ctx) {
    for rx in [&*MDY, &*DMY, &*DMY_WORD, &*MONTH_ORD_WORD] {
        for c in scan(ctx, rx) {
            let (start, end) = span_of(&c);
            let after = ctx.text.get(end..).unwrap_or("");
            // "May 5,000", "June 3.5%": a number, not a day.
            if after.starts_with(|ch: char| ch.is_ascii_digit())
                || after.starts_with('%')
                || (after.starts_with([',', '.', ':'])
                    && after[1..].starts_with(|ch: char| ch.is_ascii_digit()))
            {
                continue;
            }
            let (Some(m), Some(d)) = (
                words::month_number(&c["mon"]),
                words::ordinal(&c["day"]).or_else(|| c["day"].parse().ok()),
            ) else {
                continue;
            };
            let wd = c.name("wd").and_then(|w| words::weekday(w.as_str()));
            let year = c
                .name("year")
                .map(|y| y.as_str())
                .or_else(|| borrowed_year(ctx.text, end));
            day_date(ctx, start, end, year, m, d, wd);
        }
    }
}

enum Day {
    Date(NaiveDate),
    /// No reference to pick a year from.
    Unresolved,
    Invalid,
}

/// The day `d` of month `m`, of `year` or of the year the policy picks.
fn resolve_day(
    ctx: &Ctx,
    start: usize,
    end: usize,
    year: Option<&str>,
    m: u32,
    d: u32,
    wd: Option<chrono::Weekday>,
) -> Day {
    // Valid in some year (29 February is)?
    if !(1..=31).contains(&d) || cal::ymd(2000, m, d).is_none() {
        return Day::Invalid;
    }
    if let Some(y) = year {
        return match valid_year(y).and_then(|y| cal::ymd(y, m, d)) {
            Some(date) => Day::Date(date),
            None => Day::Invalid,
        };
    }
    let Some(r) = ctx.reference else {
        return Day::Unresolved;
    };
    let future = future_tense(ctx, start, end);
    let pick = |want_wd: bool, future: bool| {
        cal::nearest_year(r, future, |y| {
            let date = cal::ymd(y, m, d)?;
            (!want_wd || wd.is_none_or(|w| date.weekday() == w)).then_some((date, date))
        })
    };
    // a weekday that fits one year outranks the tense ("the meeting will
    // begin Wednesday, April 24" in a report of April 25 is a slip of tense)
    let by_weekday = pick(true, future).or_else(|| wd.and_then(|_| pick(true, !future)));
    match by_weekday.or_else(|| pick(false, future)) {
        Some((_, span)) => Day::Date(span.0),
        None => Day::Invalid,
    }
}

/// Propose the day `d` of month `m` (of `year` or the year the policy picks).
fn day_date(
    ctx: &mut Ctx,
    start: usize,
    end: usize,
    year: Option<&str>,
    m: u32,
    d: u32,
    wd: Option<chrono::Weekday>,
) {
    let rule = if year.is_some() {
        Rule::DayMonthYear
    } else {
        Rule::DayMonth
    };
    match resolve_day(ctx, start, end, year, m, d, wd) {
        Day::Date(date) => ctx.date(
            start,
            end,
            Some((date, date)),
            G::Day,
            cal::day_value(date),
            P::Exact,
            rule,
        ),
        Day::Unresolved => ctx.date(
            start,
            end,
            None,
            G::Day,
            format!("XXXX-{m:02}-{d:02}"),
            P::Exact,
            rule,
        ),
        Day::Invalid => ctx.block(start, end),
    }
}

static DAY_RANGES: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?x)
        (?: (?P<mon>{MONTH})\s+(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|through)\s*(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?\b
          | \b(?P<e1>[0-9]{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to)\s*(?P<e2>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{MONTH}) )
        (?:,?\s+(?P<year>[12][0-9]{{3}})\b)?"
    ))
});
static WEEK_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?x)(?i:the\ week\ of)\s+(?P<mon>{MONTH})\s+(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>[12][0-9]{{3}})\b)?"
    ))
});

/// "June 5-7, 2023", "5 to 7 June": a range of days; "the week of March 6": its ISO week.
fn day_ranges(ctx: &mut Ctx) {
    for c in scan(ctx, &DAY_RANGES) {
        let (start, end) = span_of(&c);
        let (Some(m), Some(d1), Some(d2)) = (
            c.name("mon")
                .or(c.name("mon2"))
                .and_then(|m| words::month_number(m.as_str())),
            c.name("d1")
                .or(c.name("e1"))
                .and_then(|d| d.as_str().parse::<u32>().ok()),
            c.name("d2")
                .or(c.name("e2"))
                .and_then(|d| d.as_str().parse::<u32>().ok()),
        ) else {
            continue;
        };
        if d2 <= d1 {
            continue;
        }
        let year = c.name("year").map(|y| y.as_str());
        match (
            resolve_day(ctx, start, end, year, m, d1, None),
            resolve_day(ctx, start, end, year, m, d2, None),
        ) {
            (Day::Date(a), Day::Date(_)) => {
                let Some(b) = cal::ymd(a.year(), m, d2) else {
                    ctx.block(start, end);
                    continue;
                };
                ctx.date(
                    start,
                    end,
                    Some((a, b)),
                    G::Day,
                    format!("{}/{}", cal::day_value(a), cal::day_value(b)),
                    P::Range,
                    Rule::DayRange,
                );
            }
            (Day::Unresolved, Day::Unresolved) => ctx.date(
                start,
                end,
                None,
                G::Day,
                format!("XXXX-{m:02}-{d1:02}/XXXX-{m:02}-{d2:02}"),
                P::Range,
                Rule::DayRange,
            ),
            _ => ctx.block(start, end),
        }
    }
    for c in scan(ctx, &WEEK_OF) {
        let (start, end) = span_of(&c);
        let (Some(m), Ok(d)) = (words::month_number(&c["mon"]), c["day"].parse::<u32>()) else {
            continue;
        };
        match resolve_day(
            ctx,
            start,
            end,
            c.name("year").map(|y| y.as_str()),
            m,
            d,
            None,
        ) {
            Day::Date(date) => ctx.date(
                start,
                end,
                cal::week_of(date),
                G::Week,
                cal::week_value(date),
                P::Exact,
                Rule::WeekOf,
            ),
            Day::Unresolved => ctx.date(
                start,
                end,
                None,
                G::Week,
                "XXXX-WXX".into(),
                P::Exact,
                Rule::WeekOf,
            ),
            Day::Invalid => ctx.block(start, end),
        }
    }
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        \b(?P<y>[12][0-9]{3})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})\b
        | \b(?P<m2>[0-9]{1,2})/(?P<d2>[0-9]{1,2})/(?P<y2>[12][0-9]{3})\b")
});

fn iso_dates(ctx: &mut Ctx) {
    for c in scan(ctx, &ISO) {
        let (start, end) = span_of(&c);
        let (y, m, d) = match (c.name("y"), c.name("m2")) {
            (Some(y), _) => (y.as_str(), &c["m"], &c["d"]),
            (None, Some(m)) => (&c["y2"], m.as_str(), &c["d2"]),
            _ => continue,
        };
        let (Ok(mut m), Ok(mut d)) = (m.parse::<u32>(), d.parse::<u32>()) else {
            continue;
        };
        if c.name("m2").is_some() && m > 12 && d <= 12 {
            std::mem::swap(&mut m, &mut d);
        }
        match valid_year(y).and_then(|y| cal::ymd(y, m, d)) {
            Some(date) => ctx.date(
                start,
                end,
                Some((date, date)),
                G::Day,
                cal::day_value(date),
                P::Exact,
                Rule::NumericDate,
            ),
            None => ctx.block(start, end),
        }
    }
}

// ---------------------------------------------------------------- months

static MONTHS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?x)
        (?:(?P<q>(?i:early|late|mid|middle|the\ middle\ of|the\ end\ of|the\ beginning\ of|the\ start\ of|end\ of|end|start\ of)) [-\ ]+ )?
        (?:(?P<det>(?i:last|this\ past|this\ coming|this|next|coming|(?:last|this|next)\ year's)) \s+ )?
        (?P<of>(?i:the\ month\ of) \s+ )?
        (?P<mon>{MONTH})
        (?: ,?\s+ (?i:of\s+)? (?P<year>[12][0-9]{{3}})\b
          | ,?\s+ (?i:of\s+)? (?P<spelled>{spelled})
          | \s+ (?i:of\s+)? (?P<rel>(?i:last|this|next)) \s+ (?i:year)\b
          | \s+ (?P<ago>(?i:a|one)) \s+ (?i:year\s+ago)\b )?",
        spelled = words::SPELLED_YEAR
    ))
});

/// Words after which a bare "May" or "March" is the month.
static MONTH_PREPOSITIONS: LazyLock<&[&str]> =
    LazyLock::new(|| &crate::lexicon::CALENDAR.month_prepositions);

fn month_dates(ctx: &mut Ctx) {
    for c in scan(ctx, &MONTHS) {
        let (start, end) = span_of(&c);
        let mon = c.name("mon").expect("month group");
        let Some(m) = words::month_number(mon.as_str()) else {
            continue;
        };
        let cued = c.name("q").is_some()
            || c.name("spelled").is_some()
            || c.name("det").is_some()
            || c.name("of").is_some()
            || c.name("year").is_some()
            || c.name("rel").is_some()
            || c.name("ago").is_some();
        // "last Oct. 23": the day rule owns it.
        if c.name("year").is_none()
            && c.name("rel").is_none()
            && c.name("ago").is_none()
            && ctx.text.get(end..).is_some_and(|a| {
                a.starts_with(char::is_whitespace)
                    && a.trim_start().starts_with(|ch: char| ch.is_ascii_digit())
            })
        {
            continue;
        }
        if !cued {
            let name = mon.as_str();
            let full = name.len() > 4 || name == "May" || name == "June" || name == "July";
            if !full && !name.ends_with('.') {
                continue;
            }
            let prev = prev_word(ctx.text, start);
            let prev_l = prev.to_ascii_lowercase();
            let prev_is_name = prev.starts_with(|ch: char| ch.is_uppercase())
                && !is_sentence_start(ctx.text, start.saturating_sub(prev.len() + 1))
                && !MONTH_PREPOSITIONS.contains(&prev_l.as_str());
            if prev_is_name {
                continue;
            }
            // "June Jordan School", "April Ryan said": a first name; after a
            // preposition ("in June Congress passed") only a longer name
            // ("of June Hartley School") is one
            let next = next_word(ctx.text, end);
            let capital = |w: &str| w.starts_with(|ch: char| ch.is_uppercase());
            let after_next = {
                let rest = ctx.text.get(end..).unwrap_or("").trim_start();
                next_word(rest, next.len())
            };
            if capital(next)
                && words::weekday(next).is_none()
                && words::month_number(next).is_none()
                && ctx.text.get(end..).is_some_and(|a| a.starts_with(' '))
                && (!MONTH_PREPOSITIONS.contains(&prev_l.as_str())
                    || (capital(after_next) && !crate::extract::token::is_title_case(ctx.text)))
            {
                continue;
            }
            if (name == "May" || name == "March") && !MONTH_PREPOSITIONS.contains(&prev_l.as_str())
            {
                continue;
            }
        }
        let precision = qualified(c.name("q"));
        let r = ctx.reference;
        let borrowed =
            if c.name("rel").is_none() && c.name("ago").is_none() && c.name("det").is_none() {
                borrowed_year(ctx.text, end)
            } else {
                None
            };
        let explicit_year = c
            .name("year")
            .and_then(|y| valid_year(y.as_str()))
            .or_else(|| borrowed.and_then(valid_year))
            .or_else(|| {
                c.name("spelled")
                    .and_then(|y| words::spelled_year(y.as_str()))
            });
        if c.name("year").is_some() && explicit_year.is_none() {
            continue;
        }
        let det = c.name("det").map(|d| d.as_str().to_ascii_lowercase());
        // "September a year ago": the reference's last year
        let rel = c
            .name("rel")
            .map(|d| d.as_str().to_ascii_lowercase())
            .or_else(|| c.name("ago").map(|_| "last".to_string()))
            .or_else(|| {
                det.as_deref()
                    .and_then(|d| d.strip_suffix(" year's"))
                    .map(str::to_string)
            });
        let year = if let Some(y) = explicit_year {
            Some(y)
        } else if let Some(rel) = rel {
            r.map(|r| {
                r.year()
                    + if rel == "last" {
                        -1
                    } else if rel == "next" {
                        1
                    } else {
                        0
                    }
            })
        } else if let Some(det) = det.as_deref() {
            r.map(|r| {
                let (y0, m0) = (r.year(), r.month());
                match det {
                    "last" | "this past" => {
                        if m < m0 {
                            y0
                        } else {
                            y0 - 1
                        }
                    }
                    "next" | "this coming" | "coming" => {
                        if m > m0 {
                            y0
                        } else {
                            y0 + 1
                        }
                    }
                    _ => y0,
                }
            })
        } else {
            let future = future_tense(ctx, start, end);
            month_span(ctx, m, future).map(|(y, _)| y)
        };
        match year.and_then(|y| cal::month(y, m as i32).map(|s| (y, s))) {
            Some((y, span)) => ctx.date(
                start,
                end,
                Some(span),
                G::Month,
                month_value(y, m),
                precision,
                Rule::Month,
            ),
            None => ctx.date(
                start,
                end,
                None,
                G::Month,
                format!("XXXX-{m:02}"),
                precision,
                Rule::Month,
            ),
        }
    }
}

// ----------------------------------------------------------------- years

static YEARS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        (?:(?P<q>(?i:the\ end\ of|the\ beginning\ of|the\ start\ of|the\ middle\ of|the\ rest\ of
            |early|late|mid|the\ year|the\ fiscal\ year|the\ calendar\ year|fiscal\ year|calendar\ year
            |fiscal|calendar|FY|the\ whole\ of|all\ of|end\ of|end|start\ of))[-\ ]+ )?
        \b(?P<year>[12][0-9]{3})\b")
});

/// Nouns after which a 4-digit number is a count, not a year ("1990 people").
static COUNT_NOUNS: LazyLock<&[&str]> =
    LazyLock::new(|| &crate::lexicon::CALENDAR.year_count_nouns);

fn is_count(ctx: &Ctx, start: usize, end: usize) -> bool {
    let text = ctx.text;
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    if before.ends_with(['$', '€', '£', '#', '+'])
        || (before.ends_with([',', '.'])
            && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit()))
        || after.starts_with('%')
        || ([',', '.', ':'].iter().any(|p| after.starts_with(*p))
            && after[1..].starts_with(|c: char| c.is_ascii_digit()))
    {
        return true;
    }
    // Phone numbers and codes: "210-1049", "1049-2231", "(313) 203-1000".
    let digits_before = before
        .strip_suffix('-')
        .map(|b| b.len() - b.trim_end_matches(|c: char| c.is_ascii_digit()).len());
    let digits_after = after
        .strip_prefix('-')
        .map(|a| a.len() - a.trim_start_matches(|c: char| c.is_ascii_digit()).len());
    if digits_before.is_some_and(|n| n > 0 && n != 4)
        || digits_after.is_some_and(|n| n > 0 && n != 2 && n != 4)
    {
        return true;
    }
    let prev = prev_word(text, start).to_ascii_lowercase();
    if [
        "no.",
        "number",
        "nos.",
        "approximately",
        "roughly",
        "nearly",
        "page",
        "route",
        "flight",
        "room",
        "rs",
        "rs.",
    ]
    .contains(&prev.as_str())
    {
        return true;
    }
    let next = next_word(text, end).to_ascii_lowercase();
    let next = next.trim_start_matches('-');
    // "an earthquake in 1987 killed 3,000": after a preposition of time, a
    // participle says what the year's event did, not whom the figure counts
    let participle = next.ends_with("ed") || next == "dead";
    if participle && ["in", "since", "until", "before", "after"].contains(&prev.as_str()) {
        return false;
    }
    COUNT_NOUNS.contains(&next) || next.ends_with("-year-old")
}

/// Words that may stand capitalised before a year without making it part of a name.
static YEAR_LEADS: LazyLock<&[&str]> = LazyLock::new(|| &crate::lexicon::CALENDAR.year_leads);

/// Whether the word before `pos` is a capitalised word inside the sentence that
/// is neither a month nor a preposition: "Orion 1980", "Windows 2000" are names.
fn after_name(text: &str, pos: usize) -> bool {
    let prev = prev_word(text, pos);
    let prev_start = pos.saturating_sub(prev.len() + 1);
    prev.starts_with(|ch: char| ch.is_uppercase())
        && words::month_number(prev).is_none()
        && !YEAR_LEADS.contains(&prev.to_ascii_lowercase().as_str())
        && !is_sentence_start(text, crate::model::floor_char_boundary(text, prev_start))
        && text
            .get(..pos)
            .is_some_and(|b| b.trim_end().len() + 1 >= pos)
}

fn years(ctx: &mut Ctx) {
    for c in scan(ctx, &YEARS) {
        let (start, end) = span_of(&c);
        let ym = c.name("year").expect("year group");
        let Some(y) = valid_year(ym.as_str()) else {
            continue;
        };
        if is_count(ctx, ym.start(), ym.end()) {
            continue;
        }
        if c.name("q").is_none() && after_name(ctx.text, start) {
            continue;
        }
        let span = cal::year(y);
        ctx.date(
            start,
            end,
            span,
            G::Year,
            format!("{y:04}"),
            qualified(c.name("q")),
            Rule::Year,
        );
    }
}

static SPELLED_YEARS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?x)(?P<the>(?i:the\ year)\s+)?\b(?P<y>{})",
        words::SPELLED_YEAR
    ))
});

/// Years in words, as transcripts write them: "nineteen ninety-six", "the year
/// two thousand". "two thousand" alone is a count unless "the year" or a
/// preposition of time comes before it.
fn spelled_years(ctx: &mut Ctx) {
    for c in scan(ctx, &SPELLED_YEARS) {
        let (start, end) = span_of(&c);
        let text = &c["y"];
        let Some(y) = words::spelled_year(text) else {
            continue;
        };
        if text.to_ascii_lowercase().starts_with("two")
            && c.name("the").is_none()
            && !["in", "since", "by", "until", "before", "after"]
                .contains(&prev_word(ctx.text, start).to_ascii_lowercase().as_str())
        {
            continue;
        }
        if COUNT_NOUNS.contains(&next_word(ctx.text, end).to_ascii_lowercase().as_str()) {
            continue;
        }
        ctx.date(
            start,
            end,
            cal::year(y),
            G::Year,
            format!("{y:04}"),
            P::Exact,
            Rule::YearInWords,
        );
    }
}

// ------------------------------------------------------- decades, centuries

static DECADES: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        (?:(?i:the)\s+)?
        (?:(?P<q>(?i:early|late|mid|middle|(?:first|second|last|latter)\ half\ of\ the)) [-\ ]+ )?
        (?: (?P<dec>[12][0-9]{2}0)'?s
          | '(?P<short>[0-9]0)s
          | (?P<word>(?i:(?:nineteen[-\ ])?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))
        )\b")
});
static DECADE_REL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?x)\b(?P<det>(?i:this|the\ last|the\ past|last|the\ previous|the\ next|next|the\ current))\s+(?i:decade)\b",
    )
});

fn decades(ctx: &mut Ctx) {
    for c in scan(ctx, &DECADES) {
        let (start, end) = span_of(&c);
        // "1990s" without "the" before a count noun is still a decade; "the" is
        // part of the span only when present.
        let d = if let Some(d) = c.name("dec") {
            d.as_str().parse::<i32>().ok()
        } else {
            let tens = if let Some(s) = c.name("short") {
                s.as_str().parse::<i32>().ok()
            } else {
                let w = c["word"].to_ascii_lowercase();
                let w = w.rsplit([' ', '-']).next().unwrap_or("").to_string();
                [
                    "twenties",
                    "thirties",
                    "forties",
                    "fifties",
                    "sixties",
                    "seventies",
                    "eighties",
                    "nineties",
                ]
                .iter()
                .position(|x| *x == w)
                .map(|i| (i as i32 + 2) * 10)
            };
            tens.map(|t| {
                let century = ctx.reference.map_or(1900, |r| r.year() / 100 * 100);
                if century + t > ctx.reference.map_or(i32::MAX, |r| r.year()) {
                    century - 100 + t
                } else {
                    century + t
                }
            })
        };
        let Some(d) = d.filter(|d| (1000..=2090).contains(d)) else {
            continue;
        };
        let precision = if c.name("q").is_some() {
            P::Range
        } else {
            P::Exact
        };
        ctx.date(
            start,
            end,
            cal::decade(d),
            G::Decade,
            format!("{}X", d / 10),
            precision,
            Rule::Decade,
        );
    }
    for c in scan(ctx, &DECADE_REL) {
        let (start, end) = span_of(&c);
        let det = c["det"].to_ascii_lowercase();
        let shift = match det.as_str() {
            "this" | "the current" => 0,
            "the next" | "next" => 10,
            _ => -10,
        };
        match ctx.reference {
            Some(r) => {
                let d = r.year() / 10 * 10 + shift;
                ctx.date(
                    start,
                    end,
                    cal::decade(d),
                    G::Decade,
                    format!("{}X", d / 10),
                    P::Exact,
                    Rule::Decade,
                )
            }
            None => ctx.date(
                start,
                end,
                None,
                G::Decade,
                "XXXX".into(),
                P::Exact,
                Rule::Decade,
            ),
        }
    }
}

static CENTURIES: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?x)
        (?:(?i:the)\s+)?
        (?:(?P<q>(?i:early|late|mid|middle)) [-\ ]+ )?
        (?: (?P<ord>[0-9]{{1,2}}(?:st|nd|rd|th)|(?i:{ORD_WORD}|twenty-first)) [-\ ]+ (?i:century)\b
          | (?P<det>(?i:this|the\ last|last|the\ past|the\ previous|the\ next|next|the\ current))\s+(?i:century)\b )"
    ))
});

fn centuries(ctx: &mut Ctx) {
    for c in scan(ctx, &CENTURIES) {
        let (start, end) = span_of(&c);
        let first = if let Some(o) = c.name("ord") {
            match words::ordinal(o.as_str()) {
                Some(n) if (1..=21).contains(&n) => Some((n as i32 - 1) * 100),
                _ => continue,
            }
        } else {
            let det = c["det"].to_ascii_lowercase();
            let shift = match det.as_str() {
                "this" | "the current" => 0,
                "the next" | "next" => 100,
                _ => -100,
            };
            ctx.reference.map(|r| r.year() / 100 * 100 + shift)
        };
        let precision = if c.name("q").is_some() {
            P::Range
        } else {
            P::Exact
        };
        match first {
            Some(f) => ctx.date(
                start,
                end,
                cal::century(f),
                G::Century,
                format!("{:02}", f / 100),
                precision,
                Rule::Century,
            ),
            None => ctx.date(
                start,
                end,
                None,
                G::Century,
                "XX".into(),
                precision,
                Rule::Century,
            ),
        }
    }
}

// ------------------------------------------------------ quarters, halves

static QUARTERS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        (?:(?P<det>(?i:the|its|their|a|this|that|(?:last|this|next)\ year's))\s+)?
        (?P<adj>(?:(?i:current|latest|most\ recent|recent|past|previous|prior|last|next|coming|year-ago|year-earlier
            |comparable|same|corresponding|flat|fiscal|calendar|strong|weak|disappointing|(?:[12][0-9]{3}))[-\ ]+)*)
        (?: (?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[-\ ](?i:quarter|period)
          | (?P<bare>(?i:quarter|period)) )\b
        (?: \s+(?i:of)\s+(?:(?i:fiscal|calendar|the\ fiscal\ year|the\ year)\s+)?(?P<year>[12][0-9]{3})\b
          | \s+(?P<rel>(?i:last|this|next))\s+(?i:year)\b )?
        | \b(?P<qn>Q[1-4])(?:\s+(?P<qy>[12][0-9]{3})\b)?
        | \b(?P<qy2>[12][0-9]{3})\s+(?P<qn2>Q[1-4])\b")
});

/// The quarter most recently completed before the reference.
fn last_quarter(r: NaiveDate) -> (i32, i32) {
    let q = cal::quarter_of(r);
    if q == 1 {
        (r.year() - 1, 4)
    } else {
        (r.year(), q - 1)
    }
}

fn quarter_value(y: i32, q: i32) -> String {
    format!("{y:04}-Q{q}")
}

fn quarters(ctx: &mut Ctx) {
    for c in scan(ctx, &QUARTERS) {
        let (mut start, end) = span_of(&c);
        let r = ctx.reference;
        let adj = c
            .name("adj")
            .map_or(String::new(), |a| a.as_str().to_ascii_lowercase());
        let det = c.name("det").map(|d| d.as_str().to_ascii_lowercase());
        let explicit = ["year", "qy", "qy2"]
            .iter()
            .find_map(|g| c.name(g))
            .map(|y| y.as_str())
            .or_else(|| {
                adj.split([' ', '-'])
                    .find(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            });
        let explicit = explicit.and_then(valid_year);
        let qn = c
            .name("ord")
            .and_then(|o| words::ordinal(o.as_str()))
            .or_else(|| {
                c.name("qn")
                    .or(c.name("qn2"))
                    .and_then(|q| q.as_str()[1..].parse().ok())
            })
            .map(|q: u32| q as i32);
        let year_ago = adj.contains("year-ago") || adj.contains("year-earlier");
        if ctx.text.get(end..).is_some_and(|a| a.starts_with('-')) {
            continue;
        }
        if let Some(bare) = c.name("bare") {
            // "the Latin Quarter": a place.
            if bare.as_str().starts_with(|ch: char| ch.is_uppercase())
                && !is_sentence_start(ctx.text, start)
            {
                continue;
            }
            // A bare "quarter"/"period" needs a determiner or an adjective, and not "a quarter of".
            let noun = bare.as_str().to_ascii_lowercase();
            if adj.trim().is_empty() && det.as_deref().is_none_or(|d| d == "a") {
                continue;
            }
            if next_word(ctx.text, end).eq_ignore_ascii_case("of") && explicit.is_none() {
                continue;
            }
            if noun == "period"
                && !(year_ago
                    || adj.contains("latest")
                    || adj.contains("comparable")
                    || explicit.is_some())
            {
                continue;
            }
            if adj.trim().is_empty() && det.as_deref() == Some("that") {
                continue;
            }
        } else if det.as_deref() == Some("a") && adj.trim().is_empty() {
            // "a third quarter" is rare; keep "a flat second quarter".
            start = c.name("ord").map_or(start, |o| o.start());
        }
        // Possessives and demonstratives stay out of the span ("its third quarter"),
        // and so does "the" before an adjectival "third-quarter" (it belongs to the noun after).
        let hyphenated = c
            .name("ord")
            .is_some_and(|o| ctx.text.get(o.end()..).is_some_and(|a| a.starts_with('-')));
        if let Some(d) = c.name("det") {
            let dl = d.as_str().to_ascii_lowercase();
            let drop = matches!(dl.as_str(), "its" | "their" | "that")
                || (dl == "the" && hyphenated && c.name("year").is_none() && !year_ago);
            if drop && d.start() == start {
                let rest = &ctx.text[d.end()..end];
                start = end - rest.trim_start().len();
            }
        }
        let (y, q) = match (r, qn, explicit) {
            (_, Some(q), Some(y)) => (Some(y), q),
            (Some(r), Some(q), None) => {
                let y = if let Some(d) = det.as_deref().and_then(|d| d.strip_suffix(" year's")) {
                    r.year()
                        + if d == "last" {
                            -1
                        } else if d == "next" {
                            1
                        } else {
                            0
                        }
                } else if let Some(rel) = c.name("rel") {
                    let rel = rel.as_str().to_ascii_lowercase();
                    r.year()
                        + if rel == "last" {
                            -1
                        } else if rel == "next" {
                            1
                        } else {
                            0
                        }
                } else {
                    // No tense here: quarters are mostly named in reports after them
                    // ("expects third-quarter results").
                    cal::nearest_year(r, false, |y| cal::quarter(y, q)).map_or(r.year(), |(y, _)| y)
                };
                (Some(if year_ago { y - 1 } else { y }), q)
            }
            (Some(r), None, _) => {
                let cq = cal::quarter_of(r);
                let (y, q) = if let Some(y) = explicit {
                    (y, focus_quarter(ctx).map_or(cq, |f| f.1))
                } else if adj.contains("current") || det.as_deref() == Some("this") {
                    (r.year(), cq)
                } else if adj.contains("next") || adj.contains("coming") {
                    if cq == 4 {
                        (r.year() + 1, 1)
                    } else {
                        (r.year(), cq + 1)
                    }
                } else if adj.contains("previous") || adj.contains("prior") || adj.contains("last")
                {
                    last_quarter(r)
                } else {
                    // "the quarter", "the latest quarter": the one the sentence reports on.
                    focus_quarter(ctx).unwrap_or_else(|| last_quarter(r))
                };
                (Some(if year_ago { y - 1 } else { y }), q)
            }
            (None, Some(q), None) => (None, q),
            (None, None, _) => (None, 0),
        };
        match y {
            Some(y) if q > 0 => ctx.date(
                start,
                end,
                cal::quarter(y, q),
                G::Quarter,
                quarter_value(y, q),
                P::Exact,
                Rule::Quarter,
            ),
            _ if q > 0 => ctx.date(
                start,
                end,
                None,
                G::Quarter,
                format!("XXXX-Q{q}"),
                P::Exact,
                Rule::Quarter,
            ),
            _ => ctx.date(
                start,
                end,
                None,
                G::Quarter,
                "XXXX-QX".into(),
                P::Exact,
                Rule::Quarter,
            ),
        }
    }
}

static HALVES: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        (?:(?P<det>(?i:the|(?:last|this|next)\ year's))\s+)?
        (?P<ord>(?i:first|second|last|latter))[-\ ](?i:half)\b
        (?: \s+(?i:of)\s+(?: (?:(?i:fiscal|calendar)\s+)?(?P<year>[12][0-9]{3})\b
                         | (?P<rel>(?i:last|this|next|the))\s+(?i:year)\b ) )?")
});

fn halves(ctx: &mut Ctx) {
    for c in scan(ctx, &HALVES) {
        let (start, end) = span_of(&c);
        let h = if c["ord"].eq_ignore_ascii_case("first") {
            1
        } else {
            2
        };
        // "the first half of the game": not a calendar half.
        if c.name("year").is_none()
            && c.name("rel").is_none()
            && next_word(ctx.text, end).eq_ignore_ascii_case("of")
        {
            continue;
        }
        if c.name("det").is_none() && c.name("year").is_none() && c.name("rel").is_none() {
            // bare "first-half" adjective only before a noun like "profit"
            if !c.get(0).is_some_and(|m| m.as_str().contains('-')) {
                continue;
            }
        }
        let r = ctx.reference;
        let det = c.name("det").map(|d| d.as_str().to_ascii_lowercase());
        let rel = c
            .name("rel")
            .map(|d| d.as_str().to_ascii_lowercase())
            .or_else(|| {
                det.as_deref()
                    .and_then(|d| d.strip_suffix(" year's"))
                    .map(str::to_string)
            });
        let y = if let Some(y) = c.name("year") {
            valid_year(y.as_str())
        } else if let (Some(rel), Some(r)) = (rel, r) {
            Some(
                r.year()
                    + if rel == "last" {
                        -1
                    } else if rel == "next" {
                        1
                    } else {
                        0
                    },
            )
        } else {
            r.and_then(|r| {
                cal::nearest_year(r, future_tense(ctx, start, end), |y| cal::half(y, h))
                    .map(|(y, _)| y)
            })
        };
        match y {
            Some(y) => ctx.date(
                start,
                end,
                cal::half(y, h),
                G::Half,
                format!("{y:04}-H{h}"),
                P::Exact,
                Rule::Half,
            ),
            None => ctx.date(
                start,
                end,
                None,
                G::Half,
                format!("XXXX-H{h}"),
                P::Exact,
                Rule::Half,
            ),
        }
    }
}

// ---------------------------------------------------------------- seasons

static SEASONS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        (?:(?P<det>(?i:last|this\ past|this\ coming|this|next|the\ coming|the\ past|the|(?:last|this|next)\ year's))\s+)?
        (?:(?P<q>(?i:early|late|mid|middle))[-\ ]+)?
        \b(?P<s>(?i:spring|summer|fall|autumn|winter))\b
        (?: \s+(?i:of\s+)?(?P<year>[12][0-9]{3})\b
          | \s+(?i:of\s+)?(?P<spelled>SPELLED)
          | \s+(?P<rel>(?i:last|this|next))\s+(?i:year)\b )?"
        .replace("SPELLED", words::SPELLED_YEAR)
        .as_str())
});

static SEASON_CUES: LazyLock<&[&str]> = LazyLock::new(|| &crate::lexicon::CALENDAR.season_cues);

fn seasons(ctx: &mut Ctx) {
    for c in scan(ctx, &SEASONS) {
        let (start, end) = span_of(&c);
        let name = c["s"].to_ascii_lowercase();
        let s = match name.as_str() {
            "spring" => 1,
            "summer" => 2,
            "fall" | "autumn" => 3,
            _ => 4,
        };
        let det = c.name("det").map(|d| d.as_str().to_ascii_lowercase());
        let has_year =
            c.name("year").is_some() || c.name("rel").is_some() || c.name("spelled").is_some();
        let prev = prev_word(ctx.text, start).to_ascii_lowercase();
        // "the fall of the regime", "a fall in prices", "spring up".
        if !has_year {
            if next_word(ctx.text, end).eq_ignore_ascii_case("of") {
                continue;
            }
            let cued = match det.as_deref() {
                Some("the") => SEASON_CUES.contains(&prev.as_str()) || name != "fall",
                Some(_) => true,
                None => {
                    c.name("q").is_some()
                        || (name != "fall" && SEASON_CUES.contains(&prev.as_str()))
                }
            };
            if !cued {
                continue;
            }
        }
        let r = ctx.reference;
        let rel = c
            .name("rel")
            .map(|d| d.as_str().to_ascii_lowercase())
            .or_else(|| {
                det.as_deref()
                    .and_then(|d| d.strip_suffix(" year's"))
                    .map(str::to_string)
            });
        let y = if let Some(y) = c.name("year") {
            valid_year(y.as_str())
        } else if let Some(y) = c.name("spelled") {
            words::spelled_year(y.as_str())
        } else if let (Some(rel), Some(r)) = (rel, r) {
            Some(
                r.year()
                    + if rel == "last" {
                        -1
                    } else if rel == "next" {
                        1
                    } else {
                        0
                    },
            )
        } else if let Some(r) = r {
            let around = [r.year() - 2, r.year() - 1, r.year(), r.year() + 1];
            let spans: Vec<(i32, Span)> = around
                .iter()
                .filter_map(|&y| cal::season(y, s).map(|sp| (y, sp)))
                .collect();
            match det.as_deref() {
                Some("last" | "this past" | "the past") => {
                    spans.iter().rev().find(|(_, sp)| sp.1 < r).map(|(y, _)| *y)
                }
                Some("next" | "this coming" | "the coming") => {
                    spans.iter().find(|(_, sp)| sp.0 > r).map(|(y, _)| *y)
                }
                // "this summer": the one under way, else the reference year's.
                Some("this") => spans
                    .iter()
                    .find(|(_, sp)| sp.0 <= r && r <= sp.1)
                    .map(|(y, _)| *y)
                    .or(Some(r.year())),
                _ => cal::nearest_year(r, future_tense(ctx, start, end), |y| cal::season(y, s))
                    .map(|(y, _)| y),
            }
        } else {
            None
        };
        let code = ["SP", "SU", "FA", "WI"][(s - 1) as usize];
        let precision = qualified(c.name("q"));
        match y {
            Some(y) => ctx.date(
                start,
                end,
                cal::season(y, s),
                G::Season,
                format!("{y:04}-{code}"),
                precision,
                Rule::Season,
            ),
            None => ctx.date(
                start,
                end,
                None,
                G::Season,
                format!("XXXX-{code}"),
                precision,
                Rule::Season,
            ),
        }
    }
}

// ------------------------------------------------ weeks, months, years relative

static RELATIVE_UNITS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        (?:(?P<q>(?i:early|late|earlier|later|the\ end\ of|the\ beginning\ of|the\ start\ of|the\ middle\ of|the\ rest\ of|mid|sometime|the\ first\ days\ of))[-\ ]+)?
        \b(?P<det>(?i:last|this\ past|this\ coming|this|next|coming|the\ past|the\ previous|the\ last|the\ following|the\ coming|the\ current|the\ next|the\ same|that\ same|that|the))\s+
        (?P<unit>(?i:week|weekend|month|year|fiscal\ year))\b
        (?P<tail>(?i:\s+or\ so))?")
});

fn relative_units(ctx: &mut Ctx) {
    for c in scan(ctx, &RELATIVE_UNITS) {
        let (start, end) = span_of(&c);
        if c["unit"].starts_with(|ch: char| ch.is_uppercase()) {
            continue;
        }
        let det = c["det"].to_ascii_lowercase();
        let unit = c["unit"].to_ascii_lowercase();
        let unit = if unit == "fiscal year" {
            "year".to_string()
        } else {
            unit
        };
        let precision = qualified(c.name("q"));
        // "the past year", "the next month": a stretch of time, not a calendar unit.
        if ["the past", "the last", "the next", "the coming"].contains(&det.as_str()) {
            let (days, code) = match unit.as_str() {
                "week" => ((7.0, 7.0), "P1W"),
                "month" => ((28.0, 31.0), "P1M"),
                "year" => ((365.0, 366.0), "P1Y"),
                _ => continue,
            };
            ctx.duration(start, end, days, code.into(), precision, Rule::PastUnit);
            continue;
        }
        let shift = match det.as_str() {
            "last" | "this past" | "the previous" => -1,
            "next" | "this coming" | "coming" | "the following" => 1,
            "this" | "the current" => 0,
            // "that year", "the same month", "the year": anaphoric, no anchor we can use.
            // "the end of the month": the reference's.
            "the"
                if c.name("q")
                    .is_some_and(|q| q.as_str().to_ascii_lowercase().starts_with("the "))
                    && unit != "weekend" =>
            {
                0
            }
            "the" => {
                if unit != "weekend" && unit != "year" {
                    continue;
                }
                if unit == "year" {
                    // "the year" is a date only as "the year ended/to date"; skip otherwise.
                    let nw = next_word(ctx.text, end).to_ascii_lowercase();
                    if !["ended", "ending", "earlier", "before", "ago", "to"].contains(&nw.as_str())
                    {
                        continue;
                    }
                    ctx.date(
                        start,
                        end,
                        None,
                        G::Year,
                        "XXXX".into(),
                        precision,
                        Rule::AnaphoricUnit,
                    );
                    continue;
                }
                // "the weekend": the most recent one, or the coming one in the future tense.
                let future = future_tense(ctx, start, end);
                weekend(
                    ctx,
                    start,
                    end,
                    if future { 1 } else { -1 },
                    precision,
                    true,
                );
                continue;
            }
            _ => {
                let g = match unit.as_str() {
                    "week" => G::Week,
                    "weekend" => G::Weekend,
                    "month" => G::Month,
                    _ => G::Year,
                };
                ctx.date(
                    start,
                    end,
                    None,
                    g,
                    "XXXX".into(),
                    precision,
                    Rule::AnaphoricUnit,
                );
                continue;
            }
        };
        let Some(r) = ctx.reference else {
            let (g, v) = match unit.as_str() {
                "week" => (G::Week, "XXXX-WXX"),
                "weekend" => (G::Weekend, "XXXX-WXX-WE"),
                "month" => (G::Month, "XXXX-XX"),
                _ => (G::Year, "XXXX"),
            };
            ctx.date(start, end, None, g, v.into(), precision, Rule::RelativeUnit);
            continue;
        };
        match unit.as_str() {
            "week" => {
                let Some(d) = cal::add_days(r, 7 * shift) else {
                    continue;
                };
                ctx.date(
                    start,
                    end,
                    cal::week_of(d),
                    G::Week,
                    cal::week_value(d),
                    precision,
                    Rule::RelativeUnit,
                );
            }
            "weekend" => weekend(ctx, start, end, shift, precision, false),
            "month" => {
                let Some(d) = cal::add_months(r, shift as i32) else {
                    continue;
                };
                ctx.date(
                    start,
                    end,
                    cal::month(d.year(), d.month() as i32),
                    G::Month,
                    month_value(d.year(), d.month()),
                    precision,
                    Rule::RelativeUnit,
                );
            }
            _ => {
                let y = r.year() + shift as i32;
                ctx.date(
                    start,
                    end,
                    cal::year(y),
                    G::Year,
                    format!("{y:04}"),
                    precision,
                    Rule::RelativeUnit,
                );
            }
        }
    }
}

/// A weekend: `shift` -1 the last one (or the one under way), 0 this week's, 1 the next.
fn weekend(ctx: &mut Ctx, start: usize, end: usize, shift: i64, precision: P, nearest: bool) {
    let Some(r) = ctx.reference else {
        ctx.date(
            start,
            end,
            None,
            G::Weekend,
            "XXXX-WXX-WE".into(),
            precision,
            Rule::Weekend,
        );
        return;
    };
    let wd = r.weekday().num_days_from_monday() as i64;
    let anchor = match shift {
        // Saturday/Sunday: this one; otherwise the previous week's.
        -1 if nearest && wd >= 5 => Some(r),
        -1 => cal::add_days(r, -7),
        0 => Some(r),
        _ if nearest && wd < 5 => Some(r),
        _ => cal::add_days(r, 7),
    };
    let Some(a) = anchor else { return };
    let span = cal::weekend_of(a);
    ctx.date(
        start,
        end,
        span,
        G::Weekend,
        format!("{}-WE", cal::week_value(a)),
        precision,
        Rule::Weekend,
    );
}

// ----------------------------------------------------------- days relative

static RELATIVE_DAYS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        (?:(?P<q>(?i:early|late|earlier|later))\s+)?
        \b(?P<w>(?i:the\ day\ before\ yesterday|the\ day\ after\ tomorrow|today|tonight|yesterday|tomorrow|this\ morning|this\ afternoon|this\ evening|last\ night))\b
        (?P<part>\s+(?i:morning|afternoon|evening|night))?")
});

fn relative_days(ctx: &mut Ctx) {
    for c in scan(ctx, &RELATIVE_DAYS) {
        let (start, mut end) = span_of(&c);
        let w = c["w"].to_ascii_lowercase();
        let shift = match w.as_str() {
            "the day before yesterday" => -2,
            "yesterday" | "last night" => -1,
            "tomorrow" => 1,
            "the day after tomorrow" => 2,
            _ => 0,
        };
        // "today's" keeps the possessive out of the span; "today" as "nowadays"
        // is still the day of publication.
        if ctx.text.get(end..).is_some_and(|a| a.starts_with("'s")) {
            end = c.get(0).map_or(end, |m| m.end());
        }
        match ctx.reference.and_then(|r| cal::add_days(r, shift)) {
            Some(d) => ctx.date(
                start,
                end,
                Some((d, d)),
                G::Day,
                cal::day_value(d),
                qualified(c.name("q")),
                Rule::RelativeDay,
            ),
            None => ctx.date(
                start,
                end,
                None,
                G::Day,
                "XXXX-XX-XX".into(),
                qualified(c.name("q")),
                Rule::RelativeDay,
            ),
        }
    }
}

/// What follows a weekday that opens a full day ("Wednesday, April 24").
static WEEKDAY_THEN_DAY: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"^,?\s+{MONTH}\s+[0-9]{{1,2}}\b")));

static WEEKDAYS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?x)
        (?P<clock>\b[0-9]{{1,2}}(?::[0-9]{{2}})?\s*(?i:a\.m\.|p\.m\.|am\b|pm\b|o'clock)\s+(?:[A-Z]{{3}}\s+)?(?i:on\s+)?)?
        (?:(?P<q>(?i:early|late|earlier|later))\s+)?
        (?:(?P<det>(?i:last|this\ past|this\ coming|this|next|coming|the\ previous|the\ following|the\ next|the\ same))\s+)?
        (?P<wd>{WEEKDAY})
        (?P<part>\s+(?i:morning|afternoon|evening|night))?"
    ))
});

/// Capitalised words that make a weekday the name of a particular day.
static NAMED_DAY_LEADS: LazyLock<&[&str]> =
    LazyLock::new(|| &crate::lexicon::CALENDAR.named_day_leads);

fn weekdays(ctx: &mut Ctx) {
    for c in scan(ctx, &WEEKDAYS) {
        let (start, end) = span_of(&c);
        let Some(wd) = words::weekday(&c["wd"]) else {
            continue;
        };
        // "Mondays": a set, not a date.
        if ctx.text.get(end..).is_some_and(|a| a.starts_with('s')) {
            continue;
        }
        // "9 a.m. Friday, May 9": the day rule dates it
        if ctx
            .text
            .get(end..)
            .is_some_and(|a| WEEKDAY_THEN_DAY.is_match(a))
        {
            continue;
        }
        // "Black Monday", "Super Tuesday", "Good Friday": names of particular days
        // whose date the weekday rule cannot give.
        let wd_start = c.name("wd").map_or(start, |w| w.start());
        if c.name("det").is_none() && NAMED_DAY_LEADS.contains(&prev_word(ctx.text, wd_start)) {
            continue;
        }
        let det = c.name("det").map(|d| d.as_str().to_ascii_lowercase());
        let precision = qualified(c.name("q"));
        let Some(r) = ctx.reference else {
            ctx.date(
                start,
                end,
                None,
                G::Day,
                "XXXX-XX-XX".into(),
                precision,
                Rule::Weekday,
            );
            continue;
        };
        let date = match det.as_deref() {
            Some("last" | "this past" | "the previous") => {
                cal::add_days(r, -1).and_then(|d| cal::weekday_near(d, wd, false))
            }
            Some("next" | "this coming" | "coming" | "the following" | "the next") => {
                cal::add_days(r, 1).and_then(|d| cal::weekday_near(d, wd, true))
            }
            Some("the same") => None,
            Some("this") => {
                let future = future_tense(ctx, start, end);
                cal::weekday_near(r, wd, future)
            }
            _ => cal::weekday_near(r, wd, future_tense(ctx, start, end)),
        };
        match date {
            Some(d) => ctx.date(
                start,
                end,
                Some((d, d)),
                G::Day,
                cal::day_value(d),
                precision,
                Rule::Weekday,
            ),
            None => ctx.date(
                start,
                end,
                None,
                G::Day,
                "XXXX-XX-XX".into(),
                precision,
                Rule::Weekday,
            ),
        }
    }
}

// ------------------------------------------------------------------- ago

static AGO: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?x)
        (?:(?P<qual>(?i:nearly|almost|about|some|more\ than|over|just|only|roughly|around|less\ than|barely|little\ more\ than))\s+)?
        \b(?P<n>[0-9]{{1,4}}|(?i:{words}))\s+
        (?P<unit>(?i:days?|weeks?|months?|years?|decades?|centuries|century))\s+
        (?:(?i:or\ so)\s+)?
        (?P<dir>(?i:ago|earlier|before|later|from\ now|hence))\b",
        words = words::CARDINAL_WORDS
    ))
});

fn ago(ctx: &mut Ctx) {
    for c in scan(ctx, &AGO) {
        let (start, end) = span_of(&c);
        let Some((lo, hi)) = words::cardinal(&c["n"]) else {
            continue;
        };
        let unit = c["unit"].to_ascii_lowercase();
        let dir = c["dir"].to_ascii_lowercase();
        // "three days later", "a week before the vote": anchored to another event,
        // not to publication; the duration rule keeps "three days". Only "a year
        // earlier/before", the reporting idiom, is read against publication.
        let anaphoric = matches!(dir.as_str(), "earlier" | "before" | "later");
        if anaphoric && !(unit.starts_with("year") && lo == 1.0 && hi == 1.0 && dir != "later") {
            continue;
        }
        let sign: i64 = if dir == "later" || dir == "from now" || dir == "hence" {
            1
        } else {
            -1
        };
        let precision = if c.name("qual").is_some() || lo != hi {
            P::Approximate
        } else {
            P::Exact
        };
        let Some(r) = ctx.reference else {
            ctx.date(
                start,
                end,
                None,
                G::Day,
                if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into(),
                precision,
                Rule::Ago,
            );
            continue;
        };
        // year-ago figures in earnings reports compare quarters.
        if unit.starts_with("year")
            && lo == 1.0
            && hi == 1.0
            && sign < 0
            && mentions_quarter(ctx.text)
            && let Some((y, q)) = focus_quarter(ctx)
        {
            ctx.date(
                start,
                end,
                cal::quarter(y - 1, q),
                G::Quarter,
                quarter_value(y - 1, q),
                precision,
                Rule::Ago,
            );
            continue;
        }
        let shifted = |n: f64| -> Option<NaiveDate> {
            let n = (n as i64) * sign;
            match unit.trim_end_matches('s') {
                "day" => cal::add_days(r, n),
                "week" => cal::add_days(r, 7 * n),
                "month" => cal::add_months(r, n as i32),
                "year" => cal::add_months(r, 12 * n as i32),
                "decade" => cal::add_months(r, 120 * n as i32),
                _ => cal::add_months(r, 1200 * n as i32),
            }
        };
        if lo > 5000.0 || hi > 5000.0 {
            continue;
        }
        let (Some(a), Some(b)) = (shifted(lo), shifted(hi)) else {
            continue;
        };
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        let (g, span, value) = match unit.trim_end_matches('s') {
            "day" => (G::Day, (a, b), cal::day_value(a)),
            "week" => {
                let (wa, wb) = (cal::week_of(a), cal::week_of(b));
                let (Some(wa), Some(wb)) = (wa, wb) else {
                    continue;
                };
                (G::Week, (wa.0, wb.1), cal::week_value(a))
            }
            "month" => {
                let (Some(ma), Some(mb)) = (
                    cal::month(a.year(), a.month() as i32),
                    cal::month(b.year(), b.month() as i32),
                ) else {
                    continue;
                };
                (G::Month, (ma.0, mb.1), month_value(a.year(), a.month()))
            }
            "year" => {
                let (Some(ya), Some(yb)) = (cal::year(a.year()), cal::year(b.year())) else {
                    continue;
                };
                (G::Year, (ya.0, yb.1), format!("{:04}", a.year()))
            }
            _ => {
                let (Some(ya), Some(yb)) = (cal::year(a.year()), cal::year(b.year())) else {
                    continue;
                };
                (G::Year, (ya.0, yb.1), format!("{:04}", a.year()))
            }
        };
        let precision = if lo != hi { P::Range } else { precision };
        ctx.date(start, end, Some(span), g, value, precision, Rule::Ago);
    }
}

static RESULTS_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?xi)\b(?:quarter|net\ income|net\ loss|profit|earnings|revenue|sales|per\ share|a\ share
        |cents|operating\ (?:income|loss))\b",
    )
});

/// Whether a sentence compares reported results, where "a year ago" means the
/// same quarter a year before ("profit fell to $3 million from $5 million a year ago").
fn mentions_quarter(text: &str) -> bool {
    RESULTS_CUE.is_match(text) && text.bytes().any(|b| b.is_ascii_digit())
}

static ORD_QUARTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(first|second|third|fourth)[-\ ]quarter\b"));

/// The quarter a sentence reports on: the first ordinal quarter it names, else the last completed one.
fn focus_quarter(ctx: &Ctx) -> Option<(i32, i32)> {
    let r = ctx.reference?;
    if let Some(c) = ORD_QUARTER.captures(ctx.text) {
        let q = words::ordinal(&c[1])? as i32;
        let (y, _) = cal::nearest_year(r, false, |y| cal::quarter(y, q))?;
        return Some((y, q));
    }
    Some(last_quarter(r))
}

static YEAR_AGO_ADJ: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?x)\b(?i:year-ago|year-earlier|a\ year\ earlier|a\ year\ ago)\b"));

fn year_ago_adjective(ctx: &mut Ctx) {
    for m in YEAR_AGO_ADJ.find_iter(ctx.text) {
        let Some(r) = ctx.reference else {
            ctx.date(
                m.start(),
                m.end(),
                None,
                G::Year,
                "PAST_REF".into(),
                P::Exact,
                Rule::YearAgo,
            );
            continue;
        };
        if mentions_quarter(ctx.text)
            && let Some((y, q)) = focus_quarter(ctx)
        {
            ctx.date(
                m.start(),
                m.end(),
                cal::quarter(y - 1, q),
                G::Quarter,
                quarter_value(y - 1, q),
                P::Exact,
                Rule::YearAgo,
            );
            continue;
        }
        let y = r.year() - 1;
        ctx.date(
            m.start(),
            m.end(),
            cal::year(y),
            G::Year,
            format!("{y:04}"),
            P::Exact,
            Rule::YearAgo,
        );
    }
}

// --------------------------------------------------------------- deictic

static DEICTIC: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)\b(?i:
          (?P<present>right\ now|now|currently|nowadays|these\ days|at\ present|the\ present)
        | (?P<past>more\ recently|recently|until\ recently|lately|recent\ (?:years|months|weeks|days|times)|in\ the\ past)
        | (?P<future>the\ (?:near\ |distant\ |foreseeable\ |immediate\ )?future|the\ near\ term|the\ short\ term|the\ long\ term)
        )\b")
});

fn deictic(ctx: &mut Ctx) {
    for c in scan(ctx, &DEICTIC) {
        let (mut start, end) = span_of(&c);
        let value = if c.name("present").is_some() {
            "PRESENT_REF"
        } else if c.name("past").is_some() {
            "PAST_REF"
        } else {
            "FUTURE_REF"
        };
        let text = &ctx.text[start..end];
        if let Some(rest) = text
            .strip_prefix("in the ")
            .or_else(|| text.strip_prefix("In the "))
        {
            start = end - rest.len() - 4;
        }
        if text.eq_ignore_ascii_case("until recently") {
            start += 6;
        }
        // "now-defunct", "now 40": adverbs, still present reference; "know" is excluded by \b.
        ctx.date(
            start,
            end,
            None,
            G::Day,
            value.into(),
            P::Approximate,
            Rule::Deictic,
        );
    }
}

// --------------------------------------------------------------- holidays

static HOLIDAYS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        (?:(?P<det>(?i:last|this|next))\s+)?
        \b(?P<h>Christmas\ Eve|Christmas\ Day|Christmas|New\ Year's\ Eve|New\ Year's\ Day|Independence\ Day|Halloween|Valentine's\ Day|Thanksgiving\ Day|Thanksgiving|Election\ Day|Labor\ Day|Memorial\ Day|Veterans\ Day|Boxing\ Day
            |Easter\ week|Easter\ Sunday|Easter\ Monday|Easter|Good\ Friday)\b
        (?:,?\s+(?P<year>[12][0-9]{3})\b)?")
});

fn holiday(name: &str, y: i32) -> Option<NaiveDate> {
    let nth =
        |m: u32, wd: chrono::Weekday, n: u8| NaiveDate::from_weekday_of_month_opt(y, m, wd, n);
    match name {
        "Christmas Eve" => cal::ymd(y, 12, 24),
        "Christmas Day" | "Christmas" => cal::ymd(y, 12, 25),
        "New Year's Eve" => cal::ymd(y, 12, 31),
        "New Year's Day" => cal::ymd(y, 1, 1),
        "Independence Day" => cal::ymd(y, 7, 4),
        "Halloween" => cal::ymd(y, 10, 31),
        "Valentine's Day" => cal::ymd(y, 2, 14),
        "Thanksgiving Day" | "Thanksgiving" => nth(11, chrono::Weekday::Thu, 4),
        "Election Day" => nth(11, chrono::Weekday::Mon, 1).and_then(|d| cal::add_days(d, 1)),
        "Labor Day" => nth(9, chrono::Weekday::Mon, 1),
        "Veterans Day" => cal::ymd(y, 11, 11),
        "Boxing Day" => cal::ymd(y, 12, 26),
        "Easter" | "Easter Sunday" | "Easter week" => easter(y),
        "Easter Monday" => easter(y).and_then(|d| cal::add_days(d, 1)),
        "Good Friday" => easter(y).and_then(|d| cal::add_days(d, -2)),
        "Memorial Day" => {
            let last = cal::month(y, 5)?.1;
            cal::add_days(last, -(last.weekday().num_days_from_monday() as i64))
        }
        _ => None,
    }
}

/// Western Easter Sunday (the anonymous Gregorian computus).
fn easter(y: i32) -> Option<NaiveDate> {
    if !(1583..=9999).contains(&y) {
        return None;
    }
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    cal::ymd(y, (n / 31) as u32, (n % 31 + 1) as u32)
}

fn holidays(ctx: &mut Ctx) {
    for c in scan(ctx, &HOLIDAYS) {
        let (start, end) = span_of(&c);
        let name = c["h"].to_string();
        // "Thanksgiving Square", "Halloween Street": a place named after the day.
        let next = next_word(ctx.text, end);
        if c.name("year").is_none()
            && next.starts_with(|ch: char| ch.is_uppercase())
            && words::month_number(next).is_none()
            && words::weekday(next).is_none()
            && ctx.text.get(end..).is_some_and(|a| a.starts_with(' '))
        {
            continue;
        }
        let det = c.name("det").map(|d| d.as_str().to_ascii_lowercase());
        let y = if let Some(y) = c.name("year") {
            valid_year(y.as_str())
        } else if let Some(r) = ctx.reference {
            let days = |y| holiday(&name, y).map(|d| (d, d));
            match det.as_deref() {
                Some("last") => [r.year(), r.year() - 1]
                    .into_iter()
                    .find(|&y| days(y).is_some_and(|s| s.0 < r)),
                Some("next") => [r.year(), r.year() + 1]
                    .into_iter()
                    .find(|&y| days(y).is_some_and(|s| s.0 > r)),
                Some(_) => Some(r.year()),
                None => cal::nearest_year(r, future_tense(ctx, start, end), days).map(|(y, _)| y),
            }
        } else {
            None
        };
        // "the day-after-Christmas robbery", "the day before New Year"
        let lead = ctx.text[..start].to_ascii_lowercase();
        let lead = lead.trim_end_matches([' ', '-']);
        let shift = if lead.ends_with("day after") || lead.ends_with("day-after") {
            1
        } else if lead.ends_with("day before") || lead.ends_with("day-before") {
            -1
        } else {
            0
        };
        let y_day = y.and_then(|y| holiday(&name, y));
        let y_day = if shift != 0 && name != "Easter week" {
            y_day.and_then(|d| cal::add_days(d, shift))
        } else {
            y_day
        };
        match y_day {
            Some(d) if name == "Easter week" => ctx.date(
                start,
                end,
                cal::week_of(d),
                G::Week,
                cal::week_value(d),
                P::Exact,
                Rule::Holiday,
            ),
            Some(d) => ctx.date(
                start,
                end,
                Some((d, d)),
                G::Day,
                cal::day_value(d),
                P::Exact,
                Rule::Holiday,
            ),
            None => ctx.date(
                start,
                end,
                None,
                G::Day,
                "XXXX-XX-XX".into(),
                P::Exact,
                Rule::Holiday,
            ),
        }
    }
}

// -------------------------------------------------------------- durations

static DURATIONS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?x)
        (?:(?P<the>(?i:the|a|an))\s+)?
        (?:(?P<dir>(?i:past|last|next|coming|first|final|previous|following|better\ part\ of\ the|whole|entire))\s+)?
        (?:(?P<qual>(?i:nearly|almost|about|some|more\ than|over|at\ least|roughly|around|just|only|less\ than|fewer\ than|up\ to|no\ more\ than|little\ more\ than|well\ over))\s+)?
        \b(?P<n>[0-9](?:[0-9,]*[0-9])?(?:\.[0-9]+)?|(?i:{words}))
        (?P<plus>-plus|\+|\s+or\s+more)?
        (?P<half>\s+(?i:and\ a\ half))?
        [-\ ]+
        (?P<unit>(?i:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century))\b
        (?P<long>-(?i:long|old))?",
        words = words::CARDINAL_WORDS
    ))
});
static VAGUE_DURATIONS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?x)\b(?P<the>(?i:the\ past|the\ last|the\ next|the\ coming|recent|coming|(?:the\ )?past))\s+(?P<unit>(?i:days|weeks|months|years|decades))\b",
    )
});

/// Rejects what the duration pattern catches but is no length of time: ages
/// ("a 44-year-old", "52 years old"), rates ("four flights a week", "$2 a year"),
/// "one day" as "some day", "a second" as an ordinal, titles ("60 Minutes").
fn duration_plausible(ctx: &Ctx, c: &Caps, unit: &str, start: usize, end: usize) -> bool {
    let text = ctx.text;
    if c.name("long")
        .is_some_and(|l| l.as_str().eq_ignore_ascii_case("-old"))
        || next_word(text, end).eq_ignore_ascii_case("old")
    {
        return false;
    }
    if c["unit"].starts_with(|ch: char| ch.is_uppercase()) && !is_sentence_start(text, start) {
        return false;
    }
    let n = c["n"].to_ascii_lowercase();
    let lone_article =
        (n == "a" || n == "an") && c.name("dir").is_none() && c.name("qual").is_none();
    if lone_article {
        if unit == "second" {
            return false;
        }
        let prev = prev_word(text, c.name("n").map_or(start, |m| m.start())).to_ascii_lowercase();
        let rate = prev.bytes().any(|b| b.is_ascii_digit())
            || (prev.ends_with('s')
                && prev != "as"
                && prev != "was"
                && prev != "is"
                && prev != "this")
            || [
                "million", "billion", "thousand", "hundred", "once", "twice", "times", "dozen",
            ]
            .contains(&prev.as_str());
        if rate {
            return false;
        }
    }
    if n == "one" && unit == "day" && c.name("qual").is_none() && c.name("dir").is_none() {
        let prev = prev_word(text, start).to_ascii_lowercase();
        if !["for", "in", "within", "after", "than", "of", "just", "only"].contains(&prev.as_str())
        {
            return false;
        }
    }
    true
}

fn durations(ctx: &mut Ctx) {
    for c in scan(ctx, &DURATIONS) {
        let (mut start, end) = span_of(&c);
        let Some((mut lo, mut hi)) = words::cardinal(&c["n"]) else {
            continue;
        };
        if !(lo.is_finite() && hi.is_finite()) || hi > 100_000.0 {
            continue;
        }
        if c.name("half").is_some() {
            lo += 0.5;
            hi += 0.5;
        }
        let unit = c["unit"].to_ascii_lowercase();
        let unit = unit.trim_end_matches('s');
        let unit = if unit == "centurie" { "century" } else { unit };
        if !duration_plausible(ctx, &c, unit, start, end) {
            continue;
        }
        let n_text = c["n"].to_ascii_lowercase();
        // Keep a leading article only with "past/next/first …" ("the past three months")
        // or as part of the count ("a few days"); "a six-week war" spans "six-week".
        if c.name("dir").is_none() {
            let article_counts = c.name("the").is_some_and(|t| {
                ["a", "an"].contains(&t.as_str().to_ascii_lowercase().as_str())
                    && ["few", "couple of", "dozen", "hundred"].contains(&n_text.as_str())
            });
            if let Some(t) = c.name("the")
                && !["a", "an"].contains(&n_text.as_str())
                && !article_counts
            {
                start = c
                    .name("qual")
                    .or(c.name("n"))
                    .map_or(t.end(), |m| m.start());
            }
        } else if c
            .name("the")
            .is_some_and(|t| ["a", "an"].contains(&t.as_str().to_ascii_lowercase().as_str()))
        {
            continue;
        }
        let (per_lo, per_hi, code, scale): (f64, f64, &str, f64) = match unit {
            "second" => (1.0 / 86400.0, 1.0 / 86400.0, "S", 1.0),
            "minute" => (1.0 / 1440.0, 1.0 / 1440.0, "M", 1.0),
            "hour" => (1.0 / 24.0, 1.0 / 24.0, "H", 1.0),
            "day" => (1.0, 1.0, "D", 1.0),
            "week" => (7.0, 7.0, "W", 1.0),
            "month" => (28.0, 31.0, "M", 1.0),
            "year" => (365.0, 366.0, "Y", 1.0),
            "decade" => (3652.0, 3653.0, "Y", 10.0),
            _ => (36524.0, 36525.0, "Y", 100.0),
        };
        let qual = c.name("qual").map(|q| q.as_str().to_ascii_lowercase());
        let mut precision = if lo != hi { P::Range } else { P::Exact };
        let (mut dlo, mut dhi) = (lo * per_lo, hi * per_hi);
        if c.name("plus").is_some() {
            dhi = f64::INFINITY;
            precision = P::Bound;
        }
        match qual.as_deref() {
            Some("more than" | "over" | "at least" | "well over" | "little more than") => {
                dhi = f64::INFINITY;
                precision = P::Bound;
            }
            Some("less than" | "fewer than" | "up to" | "no more than") => {
                dlo = 0.0;
                precision = P::Bound;
            }
            Some(_) => {
                dlo *= 0.9;
                dhi *= 1.1;
                precision = P::Approximate;
            }
            None => {}
        }
        let count = if lo != hi {
            "X".to_string()
        } else {
            let n = lo * scale;
            if n.fract() == 0.0 {
                format!("{n}")
            } else {
                format!("{n:.1}")
            }
        };
        let value = if matches!(unit, "second" | "minute" | "hour") {
            format!("PT{count}{code}")
        } else {
            format!("P{count}{code}")
        };
        ctx.duration(start, end, (dlo, dhi), value, precision, Rule::Duration);
    }
    for c in scan(ctx, &VAGUE_DURATIONS) {
        let (start, end) = span_of(&c);
        let unit = c["unit"].to_ascii_lowercase();
        let (per, code) = match unit.as_str() {
            "days" => (1.0, "D"),
            "weeks" => (7.0, "W"),
            "months" => (30.0, "M"),
            "years" => (365.0, "Y"),
            _ => (3652.0, "DE"),
        };
        ctx.duration(
            start,
            end,
            (2.0 * per, f64::INFINITY),
            format!("PX{code}"),
            P::Bound,
            Rule::VagueDuration,
        );
    }
}

#[cfg(test)]
mod caps_tests {
    use super::*;

    /// Sentences that exercise most rules, and one with no date at all.
    const SENTENCES: [&str; 7] = [
        "On Tuesday, March 3, 2021, about 40 people died; by 4 July 2023 it was over.",
        "In the early 1990s and the late 19th century, the second quarter of 2019 was weak.",
        "Three weeks ago, last spring, two years later, the first half of 2020, 2020-05-06.",
        "From March 5 to 9, 2024 and the week of Jan. 8, over the past six months, New Year's Day.",
        "Yesterday, this week, a year earlier, next month, 52 years old, for several days.",
        "TONIGHT, in nineteen ninety-six, the twenties, this decade, mid-2020, FY2021.",
        "Nobody here said anything of note at all.",
    ];

    #[test]
    fn on_threads_keeps_the_order_of_the_items() {
        let items: Vec<usize> = (0..40).collect();
        let square = |i: &usize| {
            // uneven work, so the threads finish out of order
            std::thread::sleep(std::time::Duration::from_micros((i % 7) as u64 * 50));
            i * i
        };
        let want: Vec<usize> = items.iter().map(square).collect();
        for threads in [0, 1, 2, 3, 64] {
            assert_eq!(
                on_threads(&items, threads, square),
                want,
                "{threads} threads"
            );
        }
        assert!(on_threads(&[] as &[usize], 4, square).is_empty());
    }

    #[test]
    fn every_regex_has_a_bit() {
        assert!(PREFILTER.owner.len() <= 64);
        assert_eq!(PREFILTER.bit_of.len(), PREFILTER.owner.len());
        assert!(RULES.len() <= 32);
    }

    /// The trigger lets through every regex that matches, on sentences that
    /// exercise most rules and on some with no date at all.
    #[test]
    fn the_trigger_lets_every_matching_regex_through() {
        let mut fired = 0;
        for text in SENTENCES {
            let bits = PREFILTER.trigger.may_match(text);
            let mut k = 0;
            for (_, regexes) in RULES {
                for rx in regexes.iter() {
                    if rx.is_match(text) {
                        assert!(bits & (1 << k) != 0, "{text:?}: {} missed", rx.as_str());
                        fired += 1;
                    }
                    k += 1;
                }
            }
        }
        assert!(fired > 20, "only {fired} matches seen");
        // and it filters: a sentence without a date lets few regexes through
        let quiet = PREFILTER
            .trigger
            .may_match("Nobody here said anything of note at all.");
        assert!(quiet.count_ones() < 8, "{quiet:b}");
    }

    /// `Caps` finds each group by its name exactly as `Captures::name` does,
    /// for every regex of the rules, on sentences that exercise most rules.
    #[test]
    fn caps_name_agrees_with_captures_name() {
        let mut compared = 0;
        for text in SENTENCES {
            let ctx = Ctx {
                text,
                reference: NaiveDate::from_ymd_opt(2024, 6, 15),
                candidates: Vec::new(),
                matched: u64::MAX,
            };
            for (_, regexes) in RULES {
                for rx in regexes.iter() {
                    let rx: &'static Regex = rx;
                    let plain: Vec<Captures> = rx.captures_iter(text).collect();
                    let ours: Vec<Caps> = scan(&ctx, rx).collect();
                    assert_eq!(plain.len(), ours.len(), "{}", rx.as_str());
                    for (p, o) in plain.iter().zip(&ours) {
                        for name in rx.capture_names().flatten() {
                            assert_eq!(p.name(name), o.name(name), "group {name}");
                            compared += 1;
                        }
                        assert_eq!(o.name("no such group"), None);
                    }
                }
            }
        }
        assert!(compared > 50, "only {compared} groups compared");
    }
}
