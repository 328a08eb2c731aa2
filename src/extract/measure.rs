//! Takes a figure and its sentence, hands on what it measures, the event it belongs
//! to, that event's time anchor and the names around it.
//! Rule that is not obvious: the measure comes from the words bound to the figure
//! in its own clause ("40 people lost their lives" → deaths), and a verb of
//! change ("killed", "injured", "displaced") outranks the counted noun, so
//! "200 soldiers dead" is a death toll, not a troop strength.

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon;
use crate::model::{ClaimKind, Lex, WordMap, WordSet};

/// A word of a sentence with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// A word: `[\p{L}\p{N}][\p{L}\p{N}'’\-]*`, or one clause punctuation mark.
/// Read by hand rather than by a regex (this runs for every sentence), a byte
/// at a time: ASCII bytes (nearly all of them) are classed by a table, and only
/// at a non-ASCII byte is a char decoded, classed by the regex crate's Unicode
/// letter and digit tables.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    read_words(text, |text, start, end| out.push(Word { text, start, end }));
    out
}

/// ASCII letters and digits: open and continue a word.
const ALNUM: u8 = 1;
/// `'` and `-`: continue a word.
const JOINER: u8 = 2;
/// `, ; : ( ) "`: a word of their own.
const MARK: u8 = 4;
/// Bytes of non-ASCII chars: classed by their char.
const WIDE: u8 = 8;

/// The class of every byte, for `read_words`.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c >= 0x80 {
            WIDE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if c == b'\'' || c == b'-' {
            JOINER
        } else if matches!(c, b',' | b';' | b':' | b'(' | b')' | b'"') {
            MARK
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Hand each word of `text` (as `words` reads them) to `push`, with its span.
fn read_words<'a>(text: &'a str, mut push: impl FnMut(&'a str, usize, usize)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let class = BYTE_CLASS[usize::from(bytes[i])];
        if class & WIDE == 0 {
            i += 1;
            if class & ALNUM == 0 {
                if class & MARK != 0 {
                    push(&text[start..i], start, i);
                }
                continue;
            }
        } else {
            let c = char_at(text, i);
            i += c.len_utf8();
            if !letter_or_digit(c) {
                if matches!(c, '“' | '”' | '—' | '–') {
                    push(&text[start..i], start, i);
                }
                continue;
            }
        }
        // the rest of the word
        while i < bytes.len() {
            let class = BYTE_CLASS[usize::from(bytes[i])];
            if class & (ALNUM | JOINER) != 0 {
                i += 1;
            } else if class & WIDE != 0 {
                let c = char_at(text, i);
                if !(letter_or_digit(c) || c == '’') {
                    break;
                }
                i += c.len_utf8();
            } else {
                break;
            }
        }
        push(&text[start..i], start, i);
    }
}

/// The char opening at byte `i` of `text`, a char boundary.
fn char_at(text: &str, i: usize) -> char {
    text.get(i..)
        .and_then(|rest| rest.chars().next())
        .unwrap_or(char::REPLACEMENT_CHARACTER)
}

static LETTER_OR_DIGIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{L}\p{N}]$").expect("letter regex"));

/// Whether `c` is in `[\p{L}\p{N}]` (Unicode general categories L and N).
fn letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        LETTER_OR_DIGIT.is_match(c.encode_utf8(&mut [0; 4]))
    }
}

/// Cue words that say what a count measures. The first group are changes
/// that happened to the counted things; they outrank the counted noun.
static CHANGE_CUES: LazyLock<Vec<(&str, &[&str])>> =
    LazyLock::new(|| lexicon::cue_table(&lexicon::MEASURES.change));

/// Counted nouns that name a measure when no change cue binds the figure.
static NOUN_MEASURES: LazyLock<Vec<(&str, &[&str])>> =
    LazyLock::new(|| lexicon::cue_table(&lexicon::MEASURES.noun));

/// Event nouns and verbs, grouped into classes; durative classes are those
/// whose date is a period that names the event rather than a claim about it.
static EVENTS: LazyLock<Vec<(&str, bool, &[&str])>> = LazyLock::new(|| {
    let events = &lexicon::EVENTS.event;
    events
        .iter()
        .map(|e| (e.class, e.durative, &e.words[..]))
        .collect()
});

/// Event classes that happen again and again in one story (hearings, news
/// conferences, statements, rallies): two reports published on different days
/// that date "the hearing" by weekday speak of different sessions.
static RECURRING: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon::event_classes(|e| e.recurring));

/// Event classes that happen once, suddenly, at one place (a shooting, a
/// crash): two such dates far apart in one story are two incidents.
static SUDDEN: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon::event_classes(|e| e.sudden));

/// Sudden incidents so common that a month or a year holds many of them in
/// one place (shootings, crashes, house fires), unlike earthquakes or floods.
static COMMONPLACE: LazyLock<Vec<&str>> =
    LazyLock::new(|| lexicon::event_classes(|e| e.commonplace));

/// Is an event of this class so common that a month does not single one out?
pub fn commonplace(event: &str) -> bool {
    COMMONPLACE.contains(&event)
}

/// Is an event of this class a sudden incident?
pub fn sudden(event: &str) -> bool {
    SUDDEN.contains(&event)
}

/// Recurring classes whose occurrences are the steps of one process (a case's
/// charges, hearings, trial and sentencing): any two past dates of it may name
/// different steps.
static PROCESSES: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon::event_classes(|e| e.process));

/// Is an event of this class a process of many dated steps?
pub fn is_process(event: &str) -> bool {
    PROCESSES.contains(&event)
}

/// Does an event of this class recur within one story?
pub fn recurs(event: &str) -> bool {
    RECURRING.contains(&event)
}

/// `w` lower-cased, curly apostrophes straightened; borrowed when that
/// changes nothing (most words), so no allocation.
fn lower(w: &str) -> Lower<'_> {
    use std::borrow::Cow;
    if w.is_ascii() {
        if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return Lower(Cow::Borrowed(w));
        }
        return Lower(Cow::Owned(w.to_ascii_lowercase()));
    }
    Lower(Cow::Owned(w.to_lowercase().replace('’', "'")))
}

/// A lower-cased word, used as a `String` would be (`as_str`, `==`, deref).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Lower<'a>(std::borrow::Cow<'a, str>);

impl Lower<'_> {
    fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

#[cfg(test)]
mod lower_tests {
    use super::*;

    #[test]
    fn lowered_words_borrow_only_when_nothing_changes() {
        for (word, lowered, borrowed) in [
            ("killed", "killed", true),
            ("", "", true),
            ("Killed", "killed", false),
            ("UN-backed", "un-backed", false),
            ("don’t", "don't", false),
            ("Été", "été", false),
        ] {
            let l = lower(word);
            assert_eq!(l, lowered, "{word}");
            assert_eq!(l.as_str(), lowered);
            assert_eq!(
                matches!(l.0, std::borrow::Cow::Borrowed(_)),
                borrowed,
                "{word}"
            );
        }
        assert_eq!(Lower::default(), "");
    }
}

/// A table of cue words by class, looked up by word; a word listed under two
/// classes keeps the first.
struct Cues(WordMap<&'static str, &'static str>);

impl Cues {
    fn new(table: &[(&'static str, &[&'static str])]) -> Cues {
        let mut map = WordMap::default();
        for (class, cues) in table {
            for cue in *cues {
                map.entry(*cue).or_insert(*class);
            }
        }
        Cues(map)
    }
}

static CHANGE: LazyLock<Cues> = LazyLock::new(|| Cues::new(&CHANGE_CUES));
static NOUNS: LazyLock<Cues> = LazyLock::new(|| Cues::new(&NOUN_MEASURES));

/// The class of a lower-cased word in `cues`.
fn class_of(cues: &Cues, word: &str) -> Option<&'static str> {
    cues.0.get(word).copied()
}

/// Each cue word of `EVENTS` with its class; a cue listed twice keeps its first class.
static EVENT_CUES: LazyLock<Lex<&'static str, (&'static str, bool)>> =
    LazyLock::new(|| {
        Lex::new(EVENTS.iter().flat_map(|(name, durative, cues)| {
            cues.iter().map(move |cue| (*cue, (*name, *durative)))
        }))
    });

/// The event class of a word, and whether that class is durative.
pub fn event_of(word: &str) -> Option<(&'static str, bool)> {
    // lower case ASCII needs no lowering (and no allocation)
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return EVENT_CUES.get(word);
    }
    EVENT_CUES.get(lower(word).as_str())
}

/// A word of a sentence read once for all its figures: its text and span, its
/// lower-cased form and its event class.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// `lower(text)`
    low: Lower<'a>,
    /// `event_of(text)`
    event: Option<(&'static str, bool)>,
}

impl Tok<'_> {
    /// The word as written.
    pub(crate) fn text(&self) -> &str {
        self.text
    }

    /// The lower-cased word.
    pub(crate) fn low_str(&self) -> &str {
        self.low.as_str()
    }

    /// Byte offset of the word's start in the sentence.
    #[cfg(test)]
    pub(crate) fn start_offset(&self) -> usize {
        self.start
    }

    /// Byte offset just past the word in the sentence.
    #[cfg(test)]
    pub(crate) fn end_offset(&self) -> usize {
        self.end
    }

    /// `lower(text)`, as a lower-cased word for comparisons and lookups.
    fn low(&self) -> &Lower<'_> {
        &self.low
    }

    /// `event_of` of the lower-cased word (`event_of(lower(text))`).
    fn event_of_low(&self) -> Option<(&'static str, bool)> {
        // an ASCII lower-cased word is its own lower case
        if self.low.is_ascii() {
            self.event
        } else {
            event_of(&self.low)
        }
    }
}

/// The words of a sentence, each lower-cased and classed once, shared by all
/// the figures of the sentence (`measure_in`).
#[derive(Debug)]
pub struct Sentence<'a> {
    ws: Vec<Tok<'a>>,
    title: std::cell::OnceCell<bool>,
}

impl<'a> Sentence<'a> {
    /// Read the words of `text`.
    pub fn new(text: &'a str) -> Sentence<'a> {
        let mut ws = Vec::with_capacity(text.len() / 6 + 1);
        read_words(text, |text, start, end| {
            let low = lower(text);
            // `event_of` looks up the lower-cased word
            let event = EVENT_CUES.get(low.as_str());
            ws.push(Tok {
                text,
                start,
                end,
                low,
                event,
            });
        });
        Sentence {
            ws,
            title: std::cell::OnceCell::new(),
        }
    }

    /// `title_case` of the sentence, read once.
    fn title_case(&self) -> bool {
        *self
            .title
            .get_or_init(|| title_case(self.ws.iter().map(|w| w.text)))
    }
}

impl<'a> std::ops::Deref for Sentence<'a> {
    type Target = [Tok<'a>];
    fn deref(&self) -> &[Tok<'a>] {
        &self.ws
    }
}

/// The lower-cased form of an absent word: empty.
static NO_WORD: Lower<'static> = Lower(std::borrow::Cow::Borrowed(""));

fn is_clause_break(w: &str) -> bool {
    matches!(w, ";" | "—" | "–" | "(" | ")" | ":")
}

/// Words that open a new clause, so a cue beyond them belongs to another figure.
fn opens_clause(w: &str) -> bool {
    matches!(
        w,
        "while"
            | "whereas"
            | "but"
            | "although"
            | "though"
            | "after"
            | "before"
            | "since"
            | "because"
            | "when"
            | "which"
            | "who"
    )
}

/// Index range of the words in the clause around word `i`.
fn clause(ws: &Sentence<'_>, i: usize) -> (usize, usize) {
    let mut lo = i;
    while lo > 0 && !is_clause_break(ws[lo - 1].text) {
        lo -= 1;
    }
    let mut hi = i + 1;
    while hi < ws.len() && !is_clause_break(ws[hi].text) {
        hi += 1;
    }
    (lo, hi)
}

/// Nearest cue of `table` to the figure occupying words `first..=last`, searched
/// within the clause and at most `reach` words away, not across another figure.
fn nearest_cue(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    figures: &[(usize, usize)],
    table: &Cues,
    reach: usize,
) -> Option<(&'static str, usize)> {
    let (lo, hi) = clause(ws, first);
    let mut best: Option<(&str, usize)> = None;
    // after the figure
    let mut d = 0;
    let mut j = last + 1;
    while j < hi && d < reach {
        let w = ws[j].low();
        // "five more, including a nine-year-old, were hurt": the aside's
        // figures are parts; the cue lies beyond it
        if w == "including" {
            // to the comma that closes it, or to the verb that follows it
            let end =
                (j + 1..hi).find(|&k| ws[k].text == "," || PASSIVE.contains(&ws[k].low().as_str()));
            if let Some(k) = end {
                j = if ws[k].text == "," { k + 1 } else { k };
                continue;
            }
        }
        // "the two men who were hurt": the relative clause says what
        // happened to them
        if d > 0
            && matches!(w.as_str(), "who" | "that")
            && ws
                .get(j + 1)
                .is_some_and(|n| PASSIVE.contains(&n.low().as_str()))
        {
            j += 1;
            continue;
        }
        if figures.iter().any(|&(a, _)| a == j) {
            break;
        }
        if d > 0 && opens_clause(w) {
            break;
        }
        if let Some(m) = class_of(table, w) {
            best = Some((m, d));
            break;
        }
        d += 1;
        j += 1;
    }
    // before the figure
    let mut d = 0;
    let mut j = first;
    while j > lo && d < reach {
        j -= 1;
        if figures.iter().any(|&(_, b)| b == j) {
            break;
        }
        let w = ws[j].low();
        // "four were killed and one was injured": a figure that opens its own
        // clause after "and" takes the cue of that clause, if it has one
        if w == "," || (best.is_some() && matches!(w.as_str(), "and" | "but" | "while")) {
            break;
        }
        if let Some(m) = class_of(table, w) {
            if best.is_none_or(|(_, bd)| d < bd) {
                best = Some((m, d));
            }
            break;
        }
        if opens_clause(w) {
            break;
        }
        d += 1;
    }
    best
}

/// Words the figure spans.
fn span_words(ws: &Sentence<'_>, start: usize, end: usize) -> Option<(usize, usize)> {
    let first = ws.iter().position(|w| w.end > start)?;
    let last = ws.iter().rposition(|w| w.start < end)?;
    (first <= last).then_some((first, last))
}

/// What the figure at `start..end` of the sentence whose words are `ws`
/// measures, and the event it belongs to; `others` are the spans of the
/// sentence's other figures. `fine_grained` says whether a date is a month or
/// finer (coarser dates are not compared as dates).
pub fn measure_in(
    ws: &Sentence<'_>,
    start: usize,
    end: usize,
    kind: ClaimKind,
    unit: Option<&str>,
    others: &[(usize, usize)],
    fine_grained: bool,
) -> (Option<String>, Option<String>) {
    let Some((first, last)) = span_words(ws, start, end) else {
        return (None, None);
    };
    let figures: Vec<(usize, usize)> = others
        .iter()
        .filter(|&&(s, e)| !(s == start && e == end))
        .filter_map(|&(s, e)| span_words(ws, s, e))
        .collect();
    let event = nearest_event(ws, first, last, kind);
    let measure = match kind {
        // a year or a decade names a period; as the date of a point event it
        // is an anchor at most, not a claim to set against a day
        ClaimKind::Date if !fine_grained => None,
        ClaimKind::Date => dated_event(ws, first, last).map(|e| format!("date of {e}")),
        ClaimKind::Duration => None,
        // "shot three times" counts shots; "three of those injured" is a part
        // of a group whose size is given elsewhere
        ClaimKind::Count if frequency_or_part(ws, last) => None,
        // "raised the number of seats from 65 to 125": 65 is what it was
        ClaimKind::Count | ClaimKind::Quantity if earlier_value(ws, first, last, &figures) => None,
        ClaimKind::Count | ClaimKind::Quantity => {
            // "15 stab wounds", "two counts of murder", "50 miles": a change cue
            // nearby happened to people, not to what this figure counts
            let change = if counts_things(ws, last)
                || (kind == ClaimKind::Quantity && unit.is_some_and(|u| !u.is_empty()))
            {
                None
            } else if agent(ws, first, last, &figures) {
                // "a gunman shot and killed two men": the figure did it
                None
            } else {
                // "two dead and a wounded 9-year-old boy": a figure that
                // says itself whether its people died or were hurt
                let own = || {
                    (first + 1..=last).find_map(|j| {
                        class_of(&CHANGE, ws[j].low())
                            .filter(|m| matches!(*m, "deaths" | "injured"))
                    })
                };
                match nearest_cue(ws, first, last, &figures, &CHANGE, 8) {
                    Some((m, d)) if matches!(m, "deaths" | "injured") => {
                        Some((own().unwrap_or(m), d))
                    }
                    other => other,
                }
            };
            let noun = nearest_cue(ws, first, last, &figures, &NOUNS, 4)
                // "a rifle was emptied and 3 bystanders were hit": the figure counts people
                .filter(|(m, _)| !(counts_people(ws, last) && THING_MEASURES.contains(m)))
                // "each is held on a bond of …", "charges against two men": sums of
                // money are given as money
                .filter(|(m, _)| !MONEY_MEASURES.contains(m))
                // "40 rounds came from 2 rifles": a figure that names the
                // things it counts counts nothing else
                .filter(|(m, _)| {
                    !counts_things(ws, last)
                        || ws
                            .get(last + 1)
                            .is_some_and(|n| class_of(&NOUNS, n.low()) == Some(*m))
                });
            // "the death toll from the quake that struck the province rose to
            // 1,240": a level reached takes the measure of its subject
            let change = change.or_else(|| {
                (noun.is_none() && !counts_things(ws, last))
                    .then(|| subject_cue(ws, first, &figures))
                    .flatten()
                    .map(|m| (m, 0))
            });
            // "86 tackles", "missing four games": a figure that names what it
            // counts, in words the lexicon has no class for, keeps a key of its
            // own words; a change cue nearby happened to someone else
            if let Some(key) = open_count(ws, first, last, &figures, kind, unit) {
                return finish(ws, first, last, kind, Some(key), event);
            }
            match (change, noun) {
                (Some((c, _)), _) if c != "jobs cut" => Some(c.to_string()),
                // "will cut 1,200 jobs": the cut, not the headcount it is cut from
                (Some(_), Some(("jobs", _))) => Some("jobs cut".to_string()),
                (Some(_), _) => None,
                // "the four others hit by gunfire" leaves out someone counted
                // before: a part of those shot, not their number
                (None, _)
                    if shot_victims(ws, first, last, &figures)
                        && !matches!(
                            ws.get(last + 1).map(|w| w.low().as_str()),
                            Some("others" | "other")
                        ) =>
                {
                    Some(SHOT.to_string())
                }
                (None, Some((n, _))) => Some(n.to_string()),
                (None, None) => unit.map(|u| u.to_string()).filter(|u| !u.is_empty()),
            }
        }
        ClaimKind::Percent | ClaimKind::Money if earlier_value(ws, first, last, &figures) => None,
        ClaimKind::Percent => nearest_cue(ws, first, last, &figures, &NOUNS, 10)
            .or_else(|| nearest_cue(ws, first, last, &figures, &CHANGE, 6))
            .map(|(m, _)| format!("{m} %")),
        ClaimKind::Money => nearest_cue(ws, first, last, &figures, &NOUNS, 8)
            .map(|(m, _)| m.to_string())
            // "a $2 million fee": the noun it is the amount of
            .or_else(|| open_count(ws, first, last, &figures, kind, None)),
    };
    finish(ws, first, last, kind, measure, event)
}

/// The filters every measure passes, whichever way it was found.
fn finish(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    kind: ClaimKind,
    measure: Option<String>,
    event: Option<(&'static str, bool)>,
) -> (Option<String>, Option<String>) {
    // "nine dead in a spate of shootings this month": a tally over many
    // incidents, which no report of one incident can confirm or contradict
    let measure =
        measure.filter(|_| !(kind == ClaimKind::Count && tallies_incidents(ws, first, last)));
    // "4,000 riders a day", "three deaths in two weeks", "35 shot across the
    // city": a rate or a running count over a period, not one event's figure
    let measure = measure.filter(|_| {
        !(matches!(kind, ClaimKind::Count | ClaimKind::Quantity) && over_a_period(ws, first, last))
    });
    // "told Radio 4 Today", "on Route 9 North": a figure inside a name
    let measure = measure.filter(|_| kind == ClaimKind::Date || !inside_a_name(ws, first, last));
    // "six hurt, including 2 firefighters": a part already counted
    let measure = measure.filter(|_| kind == ClaimKind::Date || !in_an_aside(ws, first));
    // "heard about 30 shots": what one witness heard or guessed, not a count
    // of the event that another report could confirm or contradict
    let measure = measure.filter(|m| !(m == "shots" && perceived(ws, first)));
    // the people a shooting or a crash sent to hospital are its injured;
    // those still there on the day of writing are a state that changes daily
    let measure = match (measure, event) {
        (Some(m), _) if m == "hospitalised" && still_there(ws, first) => {
            Some(STILL_IN_HOSPITAL.to_string())
        }
        (Some(m), Some((e, _))) if m == "hospitalised" && sudden(e) => {
            Some(HOSPITALISED_INJURED.to_string())
        }
        (m, _) => m,
    };
    (measure, event.map(|(e, _)| e.to_string()))
}

/// How far back the subject of a level verb may stand.
const SUBJECT_REACH: usize = 25;

/// The measure of the subject whose level the figure starting at word `first` gives
/// ("the death toll … rose to 1,240", "cases stand at 389"): the figure follows a
/// level verb (and "to" or "at"), and the nearest cue before that verb names it.
fn subject_cue(
    ws: &Sentence<'_>,
    first: usize,
    figures: &[(usize, usize)],
) -> Option<&'static str> {
    let level = &crate::lexicon::ACTS.level_verbs;
    let mut v = first.checked_sub(1)?;
    if matches!(ws[v].low_str(), "to" | "at") {
        v = v.checked_sub(1)?;
    }
    if !level.contains(&ws[v].low_str()) {
        return None;
    }
    let mut j = v;
    while j > 0 && v - j < SUBJECT_REACH {
        j -= 1;
        if figures.iter().any(|&(_, b)| b == j) || is_clause_break(ws[j].text) {
            return None;
        }
        let w = ws[j].low();
        if let Some(m) = class_of(&CHANGE, w) {
            return Some(m).filter(|m| *m != "jobs cut");
        }
        if let Some(m) = class_of(&NOUNS, w) {
            return Some(m).filter(|m| !MONEY_MEASURES.contains(m));
        }
    }
    None
}

/// Is the figure the earlier value of a change ("from 65 to 125", "up from 40")?
/// Only the value it changed to is a claim about now.
fn earlier_value(ws: &Sentence<'_>, first: usize, last: usize, figures: &[(usize, usize)]) -> bool {
    first > 0
        && ws[first - 1].low() == "from"
        && (last + 1..(last + 4).min(ws.len()))
            .any(|j| ws[j].low() == "to" && figures.iter().any(|&(a, _)| a == j + 1))
}

/// Units of length: a distance counts nothing of an event unless a word says what.
const LENGTH_UNITS: &[&str] = &["mi", "km", "m", "ft", "yd"];

/// The open key of a figure whose counted noun (or unit) the lexicon has no class
/// for: its own words, narrowed by the act it is counted under.
fn open_count(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    figures: &[(usize, usize)],
    kind: ClaimKind,
    unit: Option<&str>,
) -> Option<String> {
    // the act is read only for a figure that gets an open key
    let act = || {
        let (lo, _) = clause(ws, first);
        super::counted::act(ws, first, lo, figures)
    };
    if let Some(u) = unit.filter(|u| !u.is_empty() && LENGTH_UNITS.contains(u)) {
        // "135 km from the coast": a place, not a measure; "404 yards rushing":
        // the word after the unit says what was measured
        let next = ws.get(last + 1).map(|w| w.low_str()).unwrap_or("");
        if !(next.ends_with("ing") && next.len() > 4) {
            return None;
        }
        return Some(open_key(u, Some(next), act().as_deref()));
    }
    if unit.is_some_and(|u| !u.is_empty()) {
        return None;
    }
    // "a mother asks", "one witness": the figure names its people itself
    if (first..=last).any(|j| {
        let w = ws[j].low_str();
        crate::lexicon::PEOPLE.singular.contains(&w) || super::counted::is_people_noun(w)
    }) {
        return None;
    }
    let c = super::counted::counted(ws, last, figures)?;
    let word = ws[c.at].low_str();
    let known = class_of(&NOUNS, word).is_some()
        || class_of(&CHANGE, word).is_some()
        || PEOPLE.contains(&word)
        || super::counted::is_people_noun(word)
        || THINGS.contains(&word)
        || INCIDENTS.contains(&word)
        || TALLY_NOUNS.contains(&word)
        || PERIOD_UNITS.contains(&word)
        || LONG_UNITS.contains(&word)
        || event_of(word).is_some()
        || c.modifier.as_deref().is_some_and(|m| {
            class_of(&NOUNS, m).is_some()
                || class_of(&CHANGE, m).is_some()
                || PEOPLE.contains(&m)
                || WOUND_KINDS.contains(&m)
        });
    // "two of the seven": not a noun run; money takes any noun, a count a plural
    if known || (kind == ClaimKind::Count && !word.ends_with('s')) {
        return None;
    }
    let head = super::counted::singular(&c.head);
    Some(open_key(&head, c.modifier.as_deref(), act().as_deref()))
}

/// Is `measure` an open key, read from the figure's own words, rather than a
/// class of the lexicon, a unit or the date of an event?
pub fn is_open_key(measure: &str) -> bool {
    let m = measure.strip_suffix(" %").unwrap_or(measure);
    if m.starts_with("date of ") || m.contains(", ") {
        return m.contains(", ");
    }
    let known = |table: &[(&str, &[&str])]| table.iter().any(|(class, _)| *class == m);
    !(known(&CHANGE_CUES)
        || known(&NOUN_MEASURES)
        || [SHOT, HOSPITALISED_INJURED, STILL_IN_HOSPITAL, "jobs cut"].contains(&m)
        || crate::extract::number::lexicon::UNITS_OF_MEASURE
            .iter()
            .any(|(_, unit)| *unit == m))
}

/// The written form of an open key: "game, missed", "parliamentary seat".
fn open_key(head: &str, modifier: Option<&str>, act: Option<&str>) -> String {
    let mut key = match modifier {
        Some(m) if m.ends_with("ing") => format!("{head} {m}"),
        Some(m) => format!("{m} {head}"),
        None => head.to_string(),
    };
    if let Some(a) = act {
        key.push_str(", ");
        key.push_str(a);
    }
    key
}

/// The measure of people in hospital on the day a report was written.
pub const STILL_IN_HOSPITAL: &str = "still in hospital";

/// Measures that describe a state on the day of writing and change from day
/// to day (patients still in hospital, a reward on offer, bail as set at the
/// last hearing, the arrests made so far): reports of different days may
/// differ without disagreeing.
static STATES: LazyLock<Vec<&str>> = LazyLock::new(|| {
    let measures = lexicon::MEASURES
        .change
        .iter()
        .chain(&lexicon::MEASURES.noun);
    std::iter::once(STILL_IN_HOSPITAL)
        .chain(measures.filter(|m| m.state).map(|m| m.measure))
        .collect()
});

/// Does this measure describe a state that changes from day to day?
pub fn is_state(measure: &str) -> bool {
    STATES.contains(&measure)
}

/// Words that put a figure on the day of writing: "still", "remain", "as of",
/// or "released" from hospital (what is left is a state too).
fn still_there(ws: &Sentence<'_>, first: usize) -> bool {
    let (lo, hi) = clause(ws, first);
    (lo..hi).any(|j| {
        let w = ws[j].low();
        matches!(
            w.as_str(),
            "still" | "remain" | "remains" | "remained" | "remaining" | "released" | "discharged"
        ) || (w == "as" && ws.get(j + 1).is_some_and(|n| n.low() == "of"))
    })
}

/// The measure of people an incident sent to hospital: injured, counted apart
/// from the injured as a whole (those treated at the scene are not in it).
pub const HOSPITALISED_INJURED: &str = "injured (taken to hospital)";

/// Acts that are not events of a story's measure but carry dates of their own:
/// a date nearer to one of these dates that act ("arrested Tuesday"), not the shooting.
static OTHER_ACTS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::ACTS.other_acts);

/// How far from its date an event word may stand and still be what the date dates.
const DATE_EVENT_REACH: usize = 8;

/// The point event a date dates: the nearest event word in its clause, unless
/// another act stands nearer ("was shot Saturday and died Monday": Monday dates
/// the death). Durative events (wars) are not dated this way; their years are anchors.
fn dated_event(ws: &Sentence<'_>, first: usize, last: usize) -> Option<&'static str> {
    // "nobody had been charged as of Friday": a time of reckoning, not an event's
    let before = |k: usize| {
        first
            .checked_sub(k)
            .and_then(|i| ws.get(i))
            .map_or(&NO_WORD, |w| w.low())
    };
    // "no arrest as of Friday", "unreported until Friday",
    // "by Monday most victims had left hospital": a time of reckoning
    if (before(1) == "of" && before(2) == "as")
        || matches!(before(1).as_str(), "until" | "till" | "by" | "since")
    {
        return None;
    }
    let (lo, hi) = clause(ws, first);
    let mut best: Option<(Option<&'static str>, usize)> = None;
    for (j, word) in ws.iter().enumerate().take(hi).skip(lo) {
        if j >= first && j <= last {
            continue;
        }
        let d = if j < first { first - j } else { j - last };
        if d > DATE_EVENT_REACH || best.is_some_and(|(_, bd)| bd <= d) {
            continue;
        }
        let w = word.low();
        if let Some((e, durative)) = word.event_of_low().filter(|_| !part_of_a_name(ws, j)) {
            best = Some(((!durative).then_some(e), d));
        } else if OTHER_ACTS.contains(&w.as_str()) || another_act(w) {
            best = Some((None, d));
        }
    }
    best.and_then(|(e, _)| e)
}

/// A verb in the past tense that is neither an event of the story nor something
/// that happened to its people ("pleaded guilty Friday", "an autopsy conducted
/// Tuesday", "remained hospitalized Monday"): the date belongs to that act.
fn another_act(w: &str) -> bool {
    w.len() >= 5
        && w.ends_with("ed")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && class_of(&CHANGE, w).is_none()
        && !NOT_ACTS.contains(&w)
}

/// Words in "-ed" that describe rather than report an act.
static NOT_ACTS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::ACTS.not_acts);

/// Event classes that are acts of reporting: they can be dated, but a count
/// never belongs to them.
static REPORTING: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon::event_classes(|e| e.reporting));

/// The measure of people shot, killed or not. `extract` turns a single victim
/// ("a man was shot in the leg") into an injury; a group ("five were shot") may
/// hold the dead too, so it stays apart from the injured.
pub const SHOT: &str = "shot (killed or wounded)";

/// "three times", "three of those hurt", "two of them": not a count of a group.
fn frequency_or_part(ws: &Sentence<'_>, last: usize) -> bool {
    let next = |k: usize| ws.get(last + k).map_or(&NO_WORD, |w| w.low());
    matches!(next(1).as_str(), "times" | "time")
        || (next(1) == "of"
            && matches!(
                next(2).as_str(),
                "the" | "those" | "them" | "these" | "whom" | "us"
            ))
}

/// Does the text say anywhere that someone died ("killed", "dead", "fatal" …)?
/// One automaton over the whole text: no per-word allocation.
pub fn mentions_death(text: &str) -> bool {
    DEATH_WORD.is_match(text)
}

/// The deaths cues of `CHANGE_CUES` as one case-insensitive, ASCII-bounded regex.
static DEATH_WORD: LazyLock<Regex> = LazyLock::new(|| {
    let cues = CHANGE_CUES
        .iter()
        .find(|(m, _)| *m == "deaths")
        .map_or(&[][..], |(_, cues)| *cues);
    let alternation: Vec<String> = cues
        .iter()
        .filter(|c| c.len() >= 4)
        .map(|c| regex::escape(c))
        .collect();
    Regex::new(&format!(r"(?i-u)\b(?:{})\b", alternation.join("|"))).expect("death cue regex")
});

/// Nouns a figure counts that are things, not people: wounds, charges,
/// rounds fired, distances and spans of time.
static THINGS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::THINGS.things);

/// Nouns that count incidents, not the people in them.
static INCIDENTS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::INCIDENTS.counted);

/// Does the figure ending at word `last` count things ("15 stab wounds",
/// "four gunshot wounds", "two counts of murder")? The noun comes right after
/// it, or after a word naming the kind of wound.
fn counts_things(ws: &Sentence<'_>, last: usize) -> bool {
    let at = |k: usize| ws.get(last + k).map_or(&NO_WORD, |w| w.low());
    THINGS.contains(&at(1).as_str())
        || (WOUND_KINDS.contains(&at(1).as_str()) && matches!(at(2).as_str(), "wound" | "wounds"))
        // "two shooting incidents", "three separate attacks": events counted
        || INCIDENTS.contains(&at(1).as_str())
        || (INCIDENTS.contains(&at(2).as_str()) && at(1).bytes().all(|b| b.is_ascii_lowercase()))
}

/// Is the figure (digits only) sandwiched between capitalised words in a
/// sentence that is not in title case ("told Radio 4 Today the driver died")?
fn inside_a_name(ws: &Sentence<'_>, first: usize, last: usize) -> bool {
    first == last
        && first > 1
        && ws[first].text.bytes().all(|b| b.is_ascii_digit())
        && capitalised(&ws[first - 1])
        && ws.get(last + 1).is_some_and(capitalised)
        && !ws.title_case()
}

fn capitalised(w: &Tok<'_>) -> bool {
    w.text.chars().next().is_some_and(char::is_uppercase)
}

/// `title_case` of a text.
pub fn is_title_case(text: &str) -> bool {
    title_case(words(text).iter().map(|w| w.text))
}

/// Are more than three in four of the sentence's words capitalised, as in a
/// headline? Then capitals mark no names.
fn title_case<'b>(ws: impl Iterator<Item = &'b str>) -> bool {
    let (mut caps, mut all) = (0usize, 0usize);
    for w in ws.filter(|w| w.chars().next().is_some_and(char::is_alphabetic)) {
        all += 1;
        caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
    }
    caps * 4 > all * 3
}

/// Is the figure opening at word `first` inside an "including …" or "among
/// …" aside ("six hurt, including three pupils and a guard")? Its figures
/// are parts of a group already counted.
fn in_an_aside(ws: &Sentence<'_>, first: usize) -> bool {
    for j in (0..first).rev() {
        let w = ws[j].low();
        if w == "including" || (w == "among" && j + 1 == first) {
            return true;
        }
        if w == "," || is_clause_break(w) || PASSIVE.contains(&w.as_str()) || first - j > 8 {
            return false;
        }
    }
    false
}

/// Units of time a rate or a period count is given in.
static PERIOD_UNITS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::PERIODS.period_units);

/// Areas that hold many places: a count "across the city" sums many incidents.
static WIDE_PLACES: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::PLACES.wide_places);

/// Spans long enough to hold many events ("three deaths in two weeks"); an
/// event itself may last hours or days ("80 mm of rain in 48 hours").
static LONG_UNITS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::PERIODS.long_units);

/// Words that turn "a year" into a point in time ("a year ago", "a year after").
static NOT_A_RATE: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::PERIODS.not_a_rate);

/// Is the figure at words `first..=last` a rate ("4,000 a day", "twice a
/// week", "per year", "every night"), a count over a period ("in the past
/// two years", "over three weeks") or over many places ("across
/// the city"), or the toll of an earlier event ("a year after nine were
/// shot")? Such a figure is not the story's event's, so no report of that
/// event confirms or contradicts it.
fn over_a_period(ws: &Sentence<'_>, first: usize, last: usize) -> bool {
    let (lo, hi) = clause(ws, first);
    let at = |j: usize| {
        if j < hi {
            ws.get(j).map_or(&NO_WORD, |w| w.low())
        } else {
            &NO_WORD
        }
    };
    let unit = |j: usize| PERIOD_UNITS.contains(&at(j).as_str());
    let count = |j: usize| {
        let w = at(j);
        !w.is_empty()
            && (w.bytes().all(|b| b.is_ascii_digit())
                || crate::extract::number::small_number_word(w).is_some()
                || matches!(w.as_str(), "few" | "several"))
    };
    // a rate: after the figure, before the next comma
    for j in last + 1..hi {
        let w = at(j);
        if w == "," {
            break;
        }
        if matches!(w.as_str(), "every" | "each" | "per") && unit(j + 1) {
            return true;
        }
        // "300 a year", but not "in more than a decade", "for a week"
        if matches!(w.as_str(), "a" | "an")
            && !matches!(
                at(j - 1).as_str(),
                "than"
                    | "in"
                    | "for"
                    | "over"
                    | "within"
                    | "about"
                    | "nearly"
                    | "almost"
                    | "of"
                    | "after"
                    | "before"
                    | "past"
                    | "last"
                    | "half"
            )
            && unit(j + 1)
            && !NOT_A_RATE.contains(&at(j + 2).as_str())
        {
            return true;
        }
        if matches!(
            w.as_str(),
            "daily" | "weekly" | "monthly" | "annually" | "yearly"
        ) {
            return true;
        }
    }
    // many places: anywhere in the sentence
    let any = |j: usize| ws.get(j).map_or(&NO_WORD, |w| w.low());
    for j in 0..ws.len() {
        if any(j) == "across" {
            let k = if matches!(any(j + 1).as_str(), "the" | "a") {
                j + 2
            } else {
                j + 1
            };
            let place = any(k);
            if WIDE_PLACES.contains(&place.trim_end_matches("'s")) {
                return true;
            }
        }
    }
    // a period: opening the clause before the figure ("in the past two
    // years, 40 …") or right after it ("three deaths in two weeks")
    for j in (lo..first).chain(last + 1..hi.min(last + 5)) {
        let w = at(j);
        // "two years after six people were hurt", "days before, a
        // man fired at a car": an earlier event
        if j < first && j > 0 {
            let span = at(j - 1);
            let long = matches!(
                span.as_str(),
                "month" | "months" | "year" | "years" | "decade" | "decades"
            );
            let any = long || matches!(span.as_str(), "day" | "days" | "week" | "weeks");
            if (w == "after" && long) || (matches!(w.as_str(), "before" | "earlier") && any) {
                return true;
            }
        }
        if matches!(w.as_str(), "in" | "over" | "during" | "within") {
            let mut k = j + 1;
            if at(k) == "the" {
                k += 1;
            }
            if matches!(at(k).as_str(), "past" | "last" | "first") {
                k += 1;
            }
            if count(k) && LONG_UNITS.contains(&at(k + 1).as_str()) && !(k >= first && k <= last) {
                return true;
            }
        }
    }
    false
}

/// Is word `j` a capitalised word inside a name ("Harbor Court Apartments",
/// "the Supreme Court") rather than a common noun? Words of a title-case
/// headline are not names for this.
fn part_of_a_name(ws: &Sentence<'_>, j: usize) -> bool {
    let before = j > 1 && capitalised(&ws[j - 1]);
    let after = ws.get(j + 1).is_some_and(capitalised);
    capitalised(&ws[j]) && (before || after) && !ws.title_case()
}

/// Plural nouns of sudden incidents: a count bound to one is a tally of many.
static TALLY_NOUNS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::INCIDENTS.tallies);

/// Is the event nearest to the figure a plural incident noun ("in shootings
/// across the city", "the city's 27 homicides this year")?
fn tallies_incidents(ws: &Sentence<'_>, first: usize, last: usize) -> bool {
    nearest_word(ws, first, last, |w| {
        let tally = TALLY_NOUNS.contains(&w.low().as_str());
        (tally || w.event_of_low().is_some()).then_some(tally)
    })
    .unwrap_or(false)
}

/// Words of a witness's senses or guesses before a count.
static PERCEPTION: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::ACTS.perception);

/// Does a word of perception stand just before the figure opening at word
/// `first` ("heard 8 to 10 shots", "estimated that more than 25 shots")?
fn perceived(ws: &Sentence<'_>, first: usize) -> bool {
    ws[first.saturating_sub(4)..first]
        .iter()
        .any(|w| PERCEPTION.contains(&w.low().as_str()))
}

/// Measures that are sums of money: only a figure given as money takes one.
static MONEY_MEASURES: LazyLock<Vec<&str>> =
    LazyLock::new(|| lexicon::measure_names(&lexicon::MEASURES.noun, |m| m.money));

/// Measures that count things, never people.
static THING_MEASURES: LazyLock<Vec<&str>> =
    LazyLock::new(|| lexicon::measure_names(&lexicon::MEASURES.noun, |m| m.thing));

/// Does the figure ending at word `last` name the people it counts ("four
/// people", "two teenage boys")?
fn counts_people(ws: &Sentence<'_>, last: usize) -> bool {
    let at = |k: usize| ws.get(last + k).map_or(&NO_WORD, |w| w.low());
    PEOPLE.contains(&at(1).as_str())
        || (PEOPLE.contains(&at(2).as_str()) && at(1).bytes().all(|b| b.is_ascii_lowercase()))
}

/// May the figure at `start..end` of the sentence `ws` take `measure` from a figure
/// it is coordinated with? Not a measure of things when it names people ("50
/// rounds were fired and one woman was hit").
/// Nor when the figure is a part or a rate that `measure_in` left without a
/// measure on purpose ("six hurt, including three pupils and a guard").
pub fn may_share(ws: &Sentence<'_>, start: usize, end: usize, measure: &str) -> bool {
    let Some((first, last)) = span_words(ws, start, end) else {
        return true;
    };
    let people_as_things = THING_MEASURES.contains(&measure) && counts_people(ws, last);
    !(people_as_things || in_an_aside(ws, first) || over_a_period(ws, first, last))
}

/// Words for people a figure counts.
static PEOPLE: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::PEOPLE.counted);

/// Words that say what kind of wound a figure counts.
static WOUND_KINDS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::THINGS.wound_kinds);

/// Words before "shot" that make the counted people its victims, not its shooters.
static PASSIVE: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::ACTS.passive);

/// Are the counted people said to have been shot, with no word of their death
/// (which the change cues would have found first)? "A man was shot in the leg",
/// "the gunman shot four people": gunshot wounds, counted as injured. "A man shot
/// his neighbour" counts the shooter, not a victim.
fn shot_victims(ws: &Sentence<'_>, first: usize, last: usize, figures: &[(usize, usize)]) -> bool {
    let (lo, hi) = clause(ws, first);
    let is_shot = |j: usize| matches!(ws[j].low().as_str(), "shot" | "wounded");
    // the figure as object: "shot four people", "shot and wounded two",
    // "charged with shooting a friend"
    let gerund = |j: usize| {
        ws[j].low() == "shooting"
            && j > lo
            && matches!(
                ws[j - 1].low().as_str(),
                "with" | "of" | "for" | "after" | "before" | "while" | "allegedly" | "accidentally"
            )
    };
    if first > lo && (is_shot(first - 1) || gerund(first - 1)) {
        return true;
    }
    // "hit by gunfire", "struck by a stray bullet"
    let hit_by_gunfire = |j: usize| {
        matches!(ws[j].low().as_str(), "hit" | "struck")
            && ws.get(j + 1).is_some_and(|w| w.low() == "by")
            && ws[j + 2..ws.len().min(j + 5)].iter().any(|w| {
                matches!(
                    w.low().as_str(),
                    "gunfire" | "bullet" | "bullets" | "gunshot" | "gunshots"
                )
            })
    };
    // a headline's bare participle: "Three people shot outside diner", "5 shot,
    // including teen" (not "two men shot at officers", "two men shot him")
    let noun = usize::from(
        ws.get(last + 1)
            .is_some_and(|w| PEOPLE.contains(&w.low().as_str())),
    );
    if ws.get(last + 1 + noun).is_some_and(|w| w.low() == "shot")
        && !ws.get(last + 2 + noun).is_some_and(|w| {
            // "shot and killed", "shot back" are not the headline's passive
            let l = lower(w.text);
            opens_an_object(&l)
                || matches!(l.as_str(), "and" | "back")
                || (w.text.starts_with(|c: char| c.is_uppercase()) && l != "including")
        })
    {
        return true;
    }
    // the figure as subject of a passive: "four people were shot"; an aside
    // between commas is passed over ("four people, including a boy, were shot")
    let mut stop = hi.min(last + 6);
    let mut j = last + 1;
    while j < stop {
        if figures.iter().any(|&(a, _)| a == j) {
            return false;
        }
        if ws[j].low() == "," {
            let aside = ws
                .get(j + 1)
                .is_some_and(|w| ASIDE_OPENERS.contains(&w.low().as_str()));
            let close = (j + 1..hi.min(j + 12)).find(|&k| ws[k].text == ",");
            match (aside, close) {
                (true, Some(k)) => {
                    stop = hi.min(k + 6);
                    j = k + 1;
                    continue;
                }
                _ => return false,
            }
        }
        // "a 5-year-old girl shot herself in the foot"
        if ws[j].low() == "shot"
            && ws
                .get(j + 1)
                .is_some_and(|w| matches!(w.low().as_str(), "himself" | "herself"))
        {
            return true;
        }
        if is_shot(j) || hit_by_gunfire(j) {
            // "was shot", "was accidentally shot", "was also shot"
            let passive = |k: usize| k > last && PASSIVE.contains(&ws[k].low().as_str());
            let adverb = {
                let w = ws[j - 1].low();
                w.ends_with("ly") || matches!(w.as_str(), "also" | "all" | "both" | "each" | "then")
            };
            return passive(j - 1) || (adverb && passive(j - 2));
        }
        j += 1;
    }
    false
}

/// Is the figure ending at word `last` the subject of an active verb of
/// harm or change with an object of its own ("a gunman shot and killed two
/// men", "two officers arrested the driver")? Then the verb's count is its
/// object's, not the figure's ("two men were killed", "two killed in crash"
/// and "a boy shot himself" keep theirs).
fn agent(ws: &Sentence<'_>, first: usize, last: usize, figures: &[(usize, usize)]) -> bool {
    let (lo, hi) = clause(ws, last);
    // "the rebels killed 40 of them": the object of a verb before it
    if first > lo && {
        let w = ws[first - 1].low();
        w.ends_with("ed") || w == "shot" || class_of(&CHANGE, w).is_some()
    } {
        return false;
    }
    for j in last + 1..hi.min(last + 8) {
        let w = ws[j].low();
        if w == "," || PASSIVE.contains(&w.as_str()) || figures.iter().any(|&(a, _)| a == j) {
            return false;
        }
        // "… and the rebels killed 40": another subject's verb
        if matches!(w.as_str(), "and" | "but" | "while")
            && ws.get(j + 1).is_some_and(|n| {
                n.text.starts_with(|c: char| c.is_uppercase())
                    || matches!(
                        n.low().as_str(),
                        "the" | "a" | "an" | "police" | "he" | "she" | "they"
                    )
            })
        {
            return false;
        }
        // "a man who shot his wife" is the man's deed; "a spree that
        // injured a deputy" is the spree's
        if j > last + 1 && matches!(w.as_str(), "that" | "which" | "who" | "whom") {
            return false;
        }
        if !TRANSITIVE.contains(&w.as_str()) {
            continue;
        }
        let Some(next) = ws.get(j + 1) else {
            return false;
        };
        let n = next.low();
        if matches!(n.as_str(), "himself" | "herself" | "themselves" | "itself") {
            return false;
        }
        // "killed Tuesday", "injured last week": a date, no object
        let date_word = crate::extract::date::weekday(next.text).is_some()
            || crate::extract::date::month_number(next.text).is_some()
            || matches!(
                n.as_str(),
                "last"
                    | "this"
                    | "next"
                    | "yesterday"
                    | "today"
                    | "tonight"
                    | "overnight"
                    | "early"
                    | "late"
                    | "earlier"
            );
        if date_word {
            continue;
        }
        // in a headline every word is capitalised: "4 Wounded In Shooting"
        let capital_name = next.text.starts_with(|c: char| c.is_uppercase()) && !ws.title_case();
        if figures.iter().any(|&(a, _)| a == j + 1)
            // "shot at police", but "injured at a diner"
            || (opens_an_object(n) && (n != "at" || w == "shot"))
            || capital_name
        {
            return true;
        }
    }
    false
}

/// Verbs of harm or change that take an object ("killed two men"); "died",
/// "fled" and the like take none.
static TRANSITIVE: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::ACTS.transitive);

/// Words that open an aside between commas after a count ("four people,
/// including a boy, were shot"; "three men, ranging in age from 19 to 27, …").
static ASIDE_OPENERS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::FUNCTION_WORDS.aside_openers);

/// Words that open the object of an active verb ("shot at officers", "shot
/// him"); a small number word does too (`opens_an_object`).
static OBJECT_STARTS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::FUNCTION_WORDS.object_starts);

/// Does the lower-cased word open the object of an active verb?
fn opens_an_object(w: &str) -> bool {
    OBJECT_STARTS.contains(&w) || crate::extract::number::small_number_word(w).is_some()
}

/// The event word nearest to the figure in its sentence.
fn nearest_event(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    kind: ClaimKind,
) -> Option<(&'static str, bool)> {
    // saying, calling and confirming date a report; a count never belongs to them
    nearest_word(ws, first, last, |w| {
        w.event
            .filter(|(e, _)| kind == ClaimKind::Date || !REPORTING.contains(e))
    })
}

/// What `found` says of the word nearest to the figure at words `first..=last`
/// among those it says something of (the earlier one on a tie).
fn nearest_word<T>(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    found: impl Fn(&Tok<'_>) -> Option<T>,
) -> Option<T> {
    let mut best: Option<(T, usize)> = None;
    for (j, w) in ws.iter().enumerate() {
        if j >= first && j <= last {
            continue;
        }
        let d = if j < first { first - j } else { j - last };
        if best.as_ref().is_some_and(|(_, bd)| *bd <= d) {
            continue;
        }
        if let Some(t) = found(w).filter(|_| !part_of_a_name(ws, j)) {
            best = Some((t, d));
        }
    }
    best.map(|(t, _)| t)
}

/// Present-tense verbs that put an event on the day of writing ("holds talks").
static NOW_VERBS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::ACTS.now_verbs);

/// The event the sentence says happens as it is written ("X holds talks
/// between …"): only such an event is dated by a dateline.
pub fn happening_now(sentence: &str) -> Option<&'static str> {
    let ws = words(sentence);
    let point = |w: &str| {
        event_of(w)
            .filter(|(_, durative)| !durative)
            .map(|(e, _)| e)
    };
    ws.iter().enumerate().find_map(|(i, w)| {
        let l = lower(w.text);
        if !NOW_VERBS.contains(&l.as_str()) {
            return None;
        }
        point(&l).or_else(|| {
            ws[i + 1..ws.len().min(i + 4)]
                .iter()
                .find_map(|n| point(n.text))
        })
    })
}

/// Words that are capitalised for grammar, not because they name something.
static NOT_NAMES: LazyLock<Vec<&str>> = LazyLock::new(|| {
    let calendar = &lexicon::CALENDAR;
    let dates = calendar.months.iter().flatten().chain(&calendar.weekdays);
    lexicon::NOT_NAMES
        .words
        .iter()
        .chain(dates)
        .copied()
        .collect()
});

/// `NOT_NAMES` as a set.
static NOT_NAME: LazyLock<WordSet<&'static str>> =
    LazyLock::new(|| NOT_NAMES.iter().copied().collect());

/// Is this lower-cased word one that is capitalised without being a name
/// ("the", "police", a month)?
pub fn not_a_name(low: &str) -> bool {
    NOT_NAME.contains(low) || super::counted::is_function_word(low)
}

/// Capitalised words of `text` that look like names, normalised to lower case.
/// The first word of a sentence is capitalised by grammar, so it counts only
/// when the next word is capitalised too ("Jana Novakova said").
pub fn names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // words that open with a letter or digit seen so far, and the first of
    // them, held until the second says whether it is a name
    let mut seen = 0usize;
    let mut opener: Option<&str> = None;
    read_words(text, |w, _, _| {
        if !w.chars().next().is_some_and(char::is_alphanumeric) {
            return;
        }
        seen += 1;
        if seen == 1 {
            opener = Some(w);
            return;
        }
        if let Some(first) = opener.take().filter(|_| capitalised_word(w)) {
            push_name(first, &mut out);
        }
        push_name(w, &mut out);
    });
    out
}

/// Does the word open with a capital?
fn capitalised_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Add the word to `out` if it is capitalised, of three letters or more and
/// not capitalised for grammar, lower-cased and without a possessive "'s".
fn push_name(w: &str, out: &mut Vec<String>) {
    if !capitalised_word(w) || w.chars().count() < 3 {
        return;
    }
    let mut l = lower(w).0.into_owned();
    while l.ends_with("'s") {
        l.truncate(l.len() - 2);
    }
    if !NOT_NAME.contains(l.as_str()) {
        out.push(l);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-read words are exactly what the word regex finds.
    #[test]
    fn words_match_the_word_regex() {
        let rx = Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*|[,;:()“”\x22—–]").unwrap();
        for text in [
            "Three people died, and 12 were hurt (officials said).",
            "The mother-in-law's car — a 1990s model – was “found” on Main St.; no one: hurt.",
            "Crème brûlée café: Ångström, naïve São Paulo; 東京 ٣ ½ x² Ⅻ",
            "it's the dogs’ -ball --x '' ’a 3-4 ...",
            "\u{0915}\u{093f}\u{0924}\u{093e}\u{092c} e\u{301}t\u{e9} \"quoted\" ",
            "",
            "   ",
        ] {
            let want: Vec<(usize, usize)> =
                rx.find_iter(text).map(|m| (m.start(), m.end())).collect();
            let got: Vec<(usize, usize)> = words(text).iter().map(|w| (w.start, w.end)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    /// The words as they were read a char at a time, before the byte loop.
    fn words_by_char(text: &str) -> Vec<Word<'_>> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            let mut end = start + c.len_utf8();
            if letter_or_digit(c) {
                while let Some(&(i, d)) = chars.peek() {
                    if !(letter_or_digit(d) || matches!(d, '\'' | '’' | '-')) {
                        break;
                    }
                    end = i + d.len_utf8();
                    chars.next();
                }
            } else if !matches!(c, ',' | ';' | ':' | '(' | ')' | '“' | '”' | '"' | '—' | '–')
            {
                continue;
            }
            out.push(Word {
                text: &text[start..end],
                start,
                end,
            });
        }
        out
    }

    /// Names as they were read before the set lookup and the single pass.
    fn names_by_list(text: &str) -> Vec<String> {
        let ws: Vec<Word<'_>> = words(text)
            .into_iter()
            .filter(|w| w.text.chars().next().is_some_and(char::is_alphanumeric))
            .collect();
        let capitalised = |w: &Word<'_>| w.text.chars().next().is_some_and(char::is_uppercase);
        let mut out = Vec::new();
        for (i, w) in ws.iter().enumerate() {
            if !capitalised(w) || w.text.chars().count() < 3 {
                continue;
            }
            if i == 0 && !ws.get(1).is_some_and(capitalised) {
                continue;
            }
            let l = lower(w.text);
            let l = l.trim_end_matches("'s").to_string();
            if NOT_NAMES.contains(&l.as_str()) {
                continue;
            }
            out.push(l);
        }
        out
    }

    #[test]
    fn names_match_the_list_reading() {
        for text in [
            "The mayor of Ostrava met Jana Novakova on Monday.",
            "Harbour Board's chair, Mr Olen Tarrow, said Tuesday's vote was close.",
            "Olen's boat's engine; Olen's's; TARROW'S own; Tarrow’s mill",
            "“Quoted” Names (In Brackets) — After Dark – Before Dawn",
            "Émile Zola and Ångström met São Paulo's mayor, İzmir's Øster.",
            "(Police) said: The City Department reported Ab Abc Abcd.",
            "Jo Li went. 3 Big Dogs. 12 people, Lake Quellmoor.",
            "Police said the Tessel Mall closed.",
            "Tessel Mall closed.",
            "Tessel mall closed.",
            "— Tessel Mall, “Harbour” Lane",
            "Tessel",
            "",
            "One",
            "Mr",
        ] {
            assert_eq!(names(text), names_by_list(text), "{text}");
        }
    }

    /// Every cue word is found, in the class of the first event that lists it.
    #[test]
    fn every_event_cue_is_found() {
        let mut seen = std::collections::HashSet::new();
        for (name, durative, cues) in EVENTS.iter() {
            for cue in *cues {
                let got = event_of(cue);
                assert!(got.is_some(), "{cue}");
                if seen.insert(*cue) {
                    assert_eq!(got, Some((*name, *durative)), "{cue}");
                }
            }
        }
        for word in ["", "x", "zzz", "yesterday's"] {
            assert_eq!(event_of(word), None, "{word}");
        }
    }

    /// The byte loop reads ASCII and non-ASCII text as the char loop did.
    #[test]
    fn byte_loop_words_match_char_loop_words() {
        for text in [
            "Three people died, and 12 were hurt (officials said).",
            "it's the dogs' ball; rock-'n'-roll -- 'quoted' - x-",
            "It’s the dogs’ ball: ’tis “quoted” — and – dashed",
            "Crème brûlée café, Ångström; naïve São Paulo: 東京 ٣ ½ x² Ⅻ",
            "e\u{301}t\u{e9} \u{0915}\u{093f} ﬁne 1,500 3.5% $4bn 2024-05-01",
            "a’’b a--b a''b ’’ -- '' ,,;; (( )) \"\" “” —— ––",
            "Émile’s 12’s Ω-3 π’s 4× ×4 €5 5€ ¼-mile",
            "trailing apostrophe’ trailing hyphen- trailing quote'",
            "tab\tnew\nline\r\nnbsp\u{a0}end",
            "🙂 emoji🙂word word🙂 ",
            "",
            "x",
            "’",
        ] {
            let want: Vec<Word<'_>> = words_by_char(text);
            assert_eq!(words(text), want, "{text}");
        }
    }

    fn measure(sentence: &str, figure: &str) -> Option<String> {
        let start = sentence.find(figure).expect("figure in sentence");
        let others: Vec<(usize, usize)> = Regex::new(r"[0-9][0-9,.]*")
            .unwrap()
            .find_iter(sentence)
            .map(|m| (m.start(), m.end()))
            .collect();
        measure_in(
            &Sentence::new(sentence),
            start,
            start + figure.len(),
            ClaimKind::Count,
            None,
            &others,
            true,
        )
        .0
    }

    macro_rules! measures {
        ($($name:ident: $sentence:expr, $figure:expr => $want:expr;)*) => {
            $(#[test] fn $name() { assert_eq!(measure($sentence, $figure).as_deref(), $want, "{}", $sentence); })*
        };
    }

    measures! {
        passive_killed: "More than 40 people were killed in the storm.", "40" => Some("deaths");
        active_killed: "The blast killed 12 workers at the plant.", "12" => Some("deaths");
        lost_lives: "At least 30 people lost their lives in the floods.", "30" => Some("deaths");
        death_of: "The war led to the deaths of about 9,000 people.", "9,000" => Some("deaths");
        soldiers_dead: "Two days of shelling left 150 soldiers dead.", "150" => Some("deaths");
        troops_sent: "The neighbour sent 1,500 peacekeeping troops to the area.", "1,500" => Some("troops");
        split_killed: "Four were killed and 11 others wounded.", "11" => Some("injured");
        split_killed_first: "Four were killed and 11 others wounded.", "Four" => Some("deaths");
        injured: "Some 300 people were injured in the town.", "300" => Some("injured");
        displaced: "About 20,000 residents have been displaced.", "20,000" => Some("displaced");
        jobs: "The company will cut 700 jobs next year.", "700" => Some("jobs cut");
        positions: "The firm plans to eliminate 450 positions at two plants.", "450" => Some("jobs cut");
        a_person_names_its_people: "If a person surfs to the page, the code runs.", "a person" => None;
        a_mother_names_her_people: "After the loss, a mother asks for donations.", "a mother" => None;
        an_open_count_keeps_its_words: "He missed four games after surgery.", "four" => Some("game, missed");
        headcount_is_not_a_cut: "The maker has 2,300 employees at the plant.", "2,300" => Some("jobs");
        cases: "Officials have recorded 1,200 cases of measles this year.", "1,200" => Some("cases");
        members: "The council has 45 members.", "45" => Some("members");
        population_home: "The town is home to about 80,000 people.", "80,000" => Some("population");
        other_clause: "While 5 people died, the 20 firefighters were unharmed.", "20" => None;
        and_opens_a_clause: "Four people were killed and one person was injured.", "one" => Some("injured");
        aside_with_a_figure: "One man was killed and 4 others, including 2 teens, were wounded.", "4" => Some("injured");
        aside_without_a_comma: "One man was killed and 4 others including 2 teens were wounded.", "4" => Some("injured");
        relative_clause: "Of the 2 men who were hurt, one went home.", "2" => Some("injured");
        station_name: "The mayor told Radio 4 Today the driver died.", "4" => None;
        title_case_headline: "Gunman Kills 3 People At Mall", "3" => Some("deaths");
        included_part: "Six were hurt, including 2 firefighters, in the blaze.", "2" => None;
        a_tally_of_shootings: "Nine people died in shootings this month.", "Nine" => None;
        a_tally_of_homicides: "The city has had 27 homicides this year.", "27" => None;
        one_shooting: "At least 4 people were killed in the shooting.", "4" => Some("deaths");
        people_hit_after_shots: "A rifle was emptied and 3 bystanders were hit.", "3" => None;
        shots_fired: "Police said 12 shots were fired.", "12" => Some("shots");
        shots_heard: "Neighbours said they heard about 30 shots.", "about 30" => None;
        shots_estimated: "A neighbour estimated that more than 25 shots rang out.", "more than 25" => None;
        shots_counted_after_hearing: "Residents heard gunfire; police later found 30 shell casings and 12 shots were fired.", "12" => Some("shots");
        adverb_before_shot: "Police said 2 boys were accidentally shot.", "2" => Some(SHOT);
        with_a_gunshot_wound: "Officers found 2 men with a gunshot wound each.", "2" => Some("injured");
        hospital_after_a_shooting: "After the shooting 3 people were taken to hospital.", "3" => Some(HOSPITALISED_INJURED);
        hospital_in_an_outbreak: "The outbreak sent 30 people to hospital.", "30" => Some("hospitalised");
        relative_clause_of_agents: "The 2 men who killed him fled.", "2" => None;
        shot_passive: "Two women were shot in the legs outside the club.", "Two" => Some(SHOT);
        shot_object: "The gunman shot four people before fleeing.", "four" => Some(SHOT);
        shot_headline: "Three people shot outside diner", "Three" => Some(SHOT);
        agent_of_a_killing: "A gunman shot and killed two men on Monday.", "A gunman" => None;
        toll_including_the_gunman: "Five people were killed, including the gunman.", "Five" => Some("deaths");
        toll_with_the_gunman_aside: "Five people, including the gunman, were killed.", "Five" => Some("deaths");
        object_of_a_killing: "A gunman shot and killed two men on Monday.", "two" => Some("deaths");
        agent_with_a_named_object: "Deputies say a woman shot and killed Tom Doe.", "a woman" => None;
        killed_on_a_weekday: "Two men killed Monday in a crash.", "Two" => Some("deaths");
        agent_of_an_arrest: "Two deputies arrested the driver.", "Two" => None;
        headline_verb_before_a_capital: "2 Dead, 5 Wounded In Brandmoor Shooting", "5" => Some("injured");
        injured_at_a_place: "The attack left two dead and at least six injured at a diner.", "at least six" => Some("injured");
        injured_last_week: "The blast left two dead and five injured last week.", "five" => Some("injured");
        died_takes_no_object: "A 3-year-old girl died Sunday after she was struck by a car.", "A 3-year-old girl" => Some("deaths");
        killed_then_a_weekday: "A cyclist struck and killed Friday in Elmton was named.", "A cyclist" => Some("deaths");
        a_relative_clause_of_another_noun: "4 dead after crash that injured Mayor Doe", "4" => Some("deaths");
        a_relative_clause_of_the_figure: "A man who shot and killed his wife was charged.", "A man" => None;
        object_then_another_subject: "The army killed 60 fighters and the rebels killed 40 of them.", "60" => Some("deaths");
        wounded_beside_the_dead: "The blast left two dead and a wounded 9-year-old boy.", "a wounded 9-year-old boy" => Some("injured");
        shot_also: "A 31-year-old man was also shot but is expected to live.", "A 31-year-old man" => Some(SHOT);
        shot_themself: "A 5-year-old girl shot herself in the foot at home.", "A 5-year-old girl" => Some(SHOT);
        shooting_an_object: "A teenager was charged with shooting a friend on Friday.", "a friend" => Some(SHOT);
        shooting_as_a_noun: "Wedding party shooting - 3 gunmen, 9 victims", "3" => None;
        shot_headline_bare: "5 shot, including teen, at fair", "5" => Some(SHOT);
        shot_past_an_aside: "Three people, including a girl, were shot on Friday.", "Three" => Some(SHOT);
        shot_hit_by_gunfire: "Eight people were hit by gunfire near the pier.", "Eight" => Some(SHOT);
        shot_active_is_no_victim_count: "Two men shot at officers before fleeing.", "Two" => None;
        shot_active_with_object: "Two men shot him in the leg.", "Two" => None;
        hit_by_a_car_is_not_shot: "Two people were hit by a car at the fair.", "Two" => None;
        times_are_not_people: "He was shot 3 times in the chest.", "3" => None;
        part_of_a_group: "At least 3 of those injured were taken to hospital.", "3" => None;
        shot_and_killed: "Two women were shot and killed outside the club.", "Two" => Some("deaths");
        others_shot_are_a_part: "Doctors said the 4 others who were shot should recover.", "4" => None;
        shooter_is_not_a_victim: "Police said 2 men shot at the house.", "2" => None;
        wounds_are_not_the_wounded: "The victim suffered 12 stab wounds and died.", "12" => None;
        gunshot_wounds: "He was treated for 3 gunshot wounds to the chest.", "3" => None;
        charges_are_not_deaths: "He faces 2 counts of murder in the killings.", "2" => None;
        killed_with_a_distance: "The gunman killed 2 people 3 miles from the school.", "2" => Some("deaths");
        hours_count_hours: "Two people died 3 hours after the attack.", "3" => None;
        people_then_wounds: "Police said 4 people had gunshot wounds.", "4" => Some("injured");
        a_rate_per_day: "Some 2,600 commuters use the ferry every day.", "2,600" => None;
        a_rate_a_year: "The clinic treats 300 patients a year.", "300" => None;
        a_year_ago_is_no_rate: "Two people were killed a year ago at the bar.", "Two" => Some("deaths");
        deaths_over_weeks: "The school has lost 3 students in two weeks.", "3" => None;
        the_past_years: "In the past two years, 12 people were shot on the block.", "12" => None;
        rain_in_hours_is_one_event: "The storm killed 5 people in 48 hours.", "5" => Some("deaths");
        across_the_county: "Over the holiday 17 people were hurt across the county in crashes.", "17" => None;
        across_the_region_after_an_aside: "Some 22 people were injured — 3 badly — across the region in the storm.", "22" => None;
        a_year_after: "It comes two years after 6 people were hurt at a fair.", "6" => None;
        days_before: "Days before, a man fired 14 shots into an empty shop.", "14" => None;
        weeks_earlier: "Two weeks earlier 3 people were shot nearby.", "3" => None;
        days_after_is_the_same_event: "Police spoke hours after 6 people were shot at a fair.", "6" => Some(SHOT);
        aside_list: "Five were hurt, including 2 children and 1 teacher.", "1" => None;
        among_right_before: "Eight were hurt, among them 3 guards.", "3" => None;
        incidents_are_not_people: "A woman died and 5 others were hurt in 2 shooting incidents.", "2" => None;
        hurt_in_incidents: "A woman died and 5 others were hurt in 2 shooting incidents.", "5" => Some("injured");
        still_in_hospital: "Police said 3 victims remain in the hospital.", "3" => Some(STILL_IN_HOSPITAL);
        as_of_in_hospital: "As of Tuesday, 6 were still in hospital after the crash.", "6" => Some(STILL_IN_HOSPITAL);
        taken_to_hospital: "After the crash 6 were taken to hospital.", "6" => Some(HOSPITALISED_INJURED);
        people_are_not_bail: "Both suspects are held on bail of $75,000 each.", "Both" => None;
        charges_against_people: "Prosecutors filed charges against 3 men.", "3" => None;
        guns_are_things: "Police said 40 rounds came from 2 rifles.", "2" => None;
    }

    #[test]
    fn durative_events_give_no_date_measure() {
        let s = "The two countries fought a war in 1994.";
        let start = s.find("1994").unwrap();
        let (m, e) = measure_in(
            &Sentence::new(s),
            start,
            start + 4,
            ClaimKind::Date,
            None,
            &[],
            true,
        );
        assert_eq!(m, None);
        assert_eq!(e.as_deref(), Some("war"));
        let s = "The man was shot on Saturday and died on Monday.";
        let start = s.find("Monday").unwrap();
        let (m, _) = measure_in(
            &Sentence::new(s),
            start,
            start + 6,
            ClaimKind::Date,
            None,
            &[],
            true,
        );
        assert_eq!(m, None, "Monday dates the death, not the shooting");
        let start = s.find("Saturday").unwrap();
        let (m, _) = measure_in(
            &Sentence::new(s),
            start,
            start + 8,
            ClaimKind::Date,
            None,
            &[],
            true,
        );
        assert_eq!(m.as_deref(), Some("date of shooting"));
        let s = "The ministers met in the capital on 12 May 2024.";
        let start = s.find("12 May").unwrap();
        let (m, _) = measure_in(
            &Sentence::new(s),
            start,
            start + 11,
            ClaimKind::Date,
            None,
            &[],
            true,
        );
        assert_eq!(m.as_deref(), Some("date of talks"));
    }

    #[test]
    fn what_a_date_dates() {
        let dated = |s: &str, date: &str| {
            let start = s.find(date).expect("date in sentence");
            measure_in(
                &Sentence::new(s),
                start,
                start + date.len(),
                ClaimKind::Date,
                None,
                &[],
                true,
            )
            .0
        };
        let shooting = Some("date of shooting".to_string());
        let cases = [
            (
                "A man was shot outside the bar on Friday.",
                "Friday",
                shooting.clone(),
            ),
            (
                "Friday's shooting left two men hurt.",
                "Friday",
                shooting.clone(),
            ),
            // another act stands nearer
            (
                "The father of the girl who was shot pleaded guilty Friday.",
                "Friday",
                None,
            ),
            (
                "A post-mortem of the cyclist who was shot was conducted Tuesday.",
                "Tuesday",
                None,
            ),
            // a time of reckoning, not of the event
            (
                "Nobody had been charged over the shooting as of Friday evening.",
                "Friday evening",
                None,
            ),
            (
                "Neighbours did not hear of the shooting until Monday.",
                "Monday",
                None,
            ),
            (
                "By Monday, most of those shot had left hospital.",
                "Monday",
                None,
            ),
            // an event word inside a name is no event
            (
                "A man was hurt in a shooting at Harbor Court Apartments on Thursday.",
                "Thursday",
                shooting.clone(),
            ),
        ];
        for (s, date, want) in cases {
            assert_eq!(dated(s, date), want, "{s}");
        }
    }

    #[test]
    fn present_tense_puts_the_event_on_the_dateline() {
        let now = happening_now;
        assert_eq!(
            now("The minister holds talks with her counterpart."),
            Some("talks")
        );
        assert_eq!(
            now("Leaders meet in the capital to discuss the border."),
            Some("talks")
        );
        assert_eq!(
            now("The quake, measured at magnitude 6.1, was centred near the town."),
            None
        );
        assert_eq!(
            now("The death toll from the earthquake stands at 40."),
            None
        );
    }

    #[test]
    fn names_skip_grammar_capitals() {
        assert_eq!(
            names("The mayor of Ostrava met Jana Novakova on Monday."),
            vec!["ostrava", "jana", "novakova"]
        );
        assert!(names("Close the window.").is_empty());
        assert_eq!(names("Vance Orlo posts."), vec!["vance", "orlo"]);
    }
}
