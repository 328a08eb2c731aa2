//! Takes the lexicon, hands on the word tables measure binding looks words up in:
//! change cues and counted nouns by measure class, and the lists of people, things,
//! incidents, periods, places and acts the binding rules test words against.
//! Rule that is not obvious: a cue listed under two measures keeps the first, and
//! a change cue (killed, injured) outranks a counted noun wherever both bind.

use std::sync::LazyLock;

use regex::Regex;

use crate::key::Measure;
use crate::lexicon;
use crate::model::WordMap;

/// Cue words that say what a count measures. The first group are changes
/// that happened to the counted things; they outrank the counted noun.
pub(crate) static CHANGE_CUES: LazyLock<Vec<(&str, &[&str])>> =
    LazyLock::new(|| lexicon::cue_table(&lexicon::MEASURES.change));

/// A table of cue words by class, looked up by word; a word listed under two
/// classes keeps the first.
pub(crate) struct Cues(WordMap<&'static str, Measure>);

impl Cues {
    /// The cues of a table of `lexicon::cue_table` (the file's words and the
    /// config file's synonyms).
    fn new(table: &'static [lexicon::Measure<'static>]) -> Cues {
        let mut map = WordMap::default();
        for (entry, (_, cues)) in table.iter().zip(lexicon::cue_table(table)) {
            for cue in cues {
                map.entry(*cue).or_insert(Measure::of(entry));
            }
        }
        Cues(map)
    }
}

pub(crate) static CHANGE: LazyLock<Cues> = LazyLock::new(|| Cues::new(&lexicon::MEASURES.change));

pub(crate) static NOUNS: LazyLock<Cues> = LazyLock::new(|| Cues::new(&lexicon::MEASURES.noun));

/// Nouns that name a measure only as the object of an estimate ("put the crowd at").
pub(crate) static ESTIMATED: LazyLock<WordMap<&'static str, Measure>> = LazyLock::new(|| {
    let mut map = WordMap::default();
    for m in lexicon::MEASURES
        .change
        .iter()
        .chain(&lexicon::MEASURES.noun)
    {
        for w in &m.estimated {
            map.entry(*w).or_insert(Measure::of(m));
        }
    }
    map
});

/// Change classes whose cue binds only after the figure (`after` in the lexicon).
pub(crate) static AFTER_ONLY: LazyLock<Vec<Measure>> = LazyLock::new(|| {
    lexicon::MEASURES
        .change
        .iter()
        .filter(|m| m.after)
        .map(Measure::of)
        .collect()
});

/// The class of a lower-cased word in `cues`.
pub(crate) fn class_of(cues: &Cues, word: &str) -> Option<Measure> {
    cues.0.get(word).copied()
}

/// The counted-noun classes that carry a flag.
fn noun_classes(flag: impl Fn(&lexicon::Measure<'static>) -> bool) -> Vec<Measure> {
    lexicon::MEASURES
        .noun
        .iter()
        .filter(|m| flag(m))
        .map(Measure::of)
        .collect()
}

/// Measures that are sums of money: only a figure given as money takes one.
pub(crate) static MONEY_MEASURES: LazyLock<Vec<Measure>> =
    LazyLock::new(|| noun_classes(|m| m.money));

/// Measures that count things, never people.
pub(crate) static THING_MEASURES: LazyLock<Vec<Measure>> =
    LazyLock::new(|| noun_classes(|m| m.thing));

/// Words for people a figure counts.
pub(crate) static PEOPLE: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::PEOPLE.counted);

/// Words that say what kind of wound a figure counts.
pub(crate) static WOUND_KINDS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::THINGS.wound_kinds);

/// Words before "shot" that make the counted people its victims, not its shooters.
pub(crate) static PASSIVE: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::ACTS.passive);

/// Verbs of harm or change that take an object ("killed two men"); "died",
/// "fled" and the like take none.
pub(crate) static TRANSITIVE: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::ACTS.transitive);

/// Words that open an aside between commas after a count ("four people,
/// including a boy, were shot"; "three men, ranging in age from 19 to 27, …").
pub(crate) static ASIDE_OPENERS: LazyLock<&[&str]> =
    LazyLock::new(|| &lexicon::FUNCTION_WORDS.aside_openers);

/// Words that open the object of an active verb ("shot at officers", "shot
/// him"); a small number word does too (`opens_an_object`).
pub(crate) static OBJECT_STARTS: LazyLock<&[&str]> =
    LazyLock::new(|| &lexicon::FUNCTION_WORDS.object_starts);

/// Does the lower-cased word open the object of an active verb?
pub(crate) fn opens_an_object(w: &str) -> bool {
    OBJECT_STARTS.contains(&w) || crate::extract::number::small_number_word(w).is_some()
}

/// Nouns a figure counts that are things, not people: wounds, charges,
/// rounds fired, distances and spans of time.
pub(crate) static THINGS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::THINGS.things);

/// Nouns that count incidents, not the people in them.
pub(crate) static INCIDENTS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::INCIDENTS.counted);

/// Plural nouns of sudden incidents: a count bound to one is a tally of many.
pub(crate) static TALLY_NOUNS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::INCIDENTS.tallies);

/// Units of time a rate or a period count is given in.
pub(crate) static PERIOD_UNITS: LazyLock<&[&str]> =
    LazyLock::new(|| &lexicon::PERIODS.period_units);

/// Areas that hold many places: a count "across the city" sums many incidents.
pub(crate) static WIDE_PLACES: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::PLACES.wide_places);

/// Spans long enough to hold many events ("three deaths in two weeks"); an
/// event itself may last hours or days ("80 mm of rain in 48 hours").
pub(crate) static LONG_UNITS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::PERIODS.long_units);

/// Words that turn "a year" into a point in time ("a year ago", "a year after").
pub(crate) static NOT_A_RATE: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::PERIODS.not_a_rate);

/// Acts that are not events of a story's measure but carry dates of their own:
/// a date nearer to one of these dates that act ("arrested Tuesday"), not the shooting.
pub(crate) static OTHER_ACTS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::ACTS.other_acts);

/// Words in "-ed" that describe rather than report an act.
pub(crate) static NOT_ACTS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::ACTS.not_acts);

/// Present-tense verbs that put an event on the day of writing ("holds talks").
pub(crate) static NOW_VERBS: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::ACTS.now_verbs);

/// Units of length: a distance counts nothing of an event unless a word says what.
pub(crate) const LENGTH_UNITS: &[&str] = &["mi", "km", "m", "ft", "yd"];

/// Does the text say anywhere that someone died ("killed", "dead", "fatal" …)?
/// One automaton over the whole text: no per-word allocation.
pub fn mentions_death(text: &str) -> bool {
    DEATH_WORD.is_match(text)
}

/// The deaths cues of `CHANGE_CUES` as one case-insensitive, ASCII-bounded regex.
pub(crate) static DEATH_WORD: LazyLock<Regex> = LazyLock::new(|| {
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
