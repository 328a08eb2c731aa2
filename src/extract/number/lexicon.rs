//! Word lists of the number grammar: number words, qualifiers, units, currencies,
//! person nouns and the words that mark a figure as something other than a count.
//! Rule that is not obvious: every entry is general English; nothing here may name
//! a place, person, outlet or event (the corpora are for measuring, not tuning).
//! The words themselves live in `lexicon/*.toml` (`crate::lexicon`); this file names
//! the lists the number grammar reads, in the shapes it reads them.

use std::sync::LazyLock;

use crate::lexicon::{
    self, ACTS, CALENDAR, CURRENCIES, FUNCTION_WORDS, NOUN_PHRASE, NUMBER_WORDS, PEOPLE, PERIODS,
    PLACES,
};

/// Cardinal words below twenty.
pub static UNITS: LazyLock<&[(&str, f64)]> = LazyLock::new(|| &NUMBER_WORDS.units);

/// Multiples of ten.
pub static TENS: LazyLock<Vec<(&str, f64)>> = LazyLock::new(|| {
    let mut tens: Vec<(&str, f64)> = NUMBER_WORDS.tens.clone();
    tens.extend(&NUMBER_WORDS.tens_misspelt);
    // a misspelling after the spelling it stands for
    tens.sort_by(|a, b| a.1.total_cmp(&b.1));
    tens
});

/// Scale words that multiply what precedes them ("two hundred", "1.2 million").
pub static SCALES: LazyLock<&[(&str, f64)]> = LazyLock::new(|| &NUMBER_WORDS.scales);

/// Scale letters that only mean a scale next to a currency ("$3m", "£5k");
/// elsewhere "5m" is five metres.
pub static MONEY_SCALES: LazyLock<&[(&str, f64)]> = LazyLock::new(|| &NUMBER_WORDS.money_scales);

/// Vague plurals and the lowest count each can mean: "dozens" is at least two dozen.
pub static VAGUE_PLURALS: LazyLock<&[(&str, f64)]> = LazyLock::new(|| &NUMBER_WORDS.vague_plurals);

/// Plural scales that may follow "tens of" / "hundreds of".
pub static PLURAL_SCALES: LazyLock<&[(&str, f64)]> = LazyLock::new(|| &NUMBER_WORDS.plural_scales);

/// How a qualifier turns a figure into an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qual {
    /// [n, ∞): "more than", "at least", "over".
    Lower,
    /// [0, n]: "up to", "fewer than", "under".
    Upper,
    /// [n(1-t), n(1+t)]: "about", "around", "some".
    About,
    /// [n(1-t), n]: "nearly", "almost", "close to".
    Nearly,
    /// [n, n(1+t)]: "just over", "slightly more than".
    JustOver,
    /// "between X and Y": needs a range.
    Between,
}

/// Qualifiers written before the figure, longest first where one is a prefix of another.
pub static QUALIFIERS: LazyLock<Vec<(&[&str], Qual)>> = LazyLock::new(|| {
    let q = &NUMBER_WORDS.qualifiers;
    let kinds = [
        (&q.lower, Qual::Lower),
        (&q.upper, Qual::Upper),
        (&q.about, Qual::About),
        (&q.nearly, Qual::Nearly),
        (&q.just_over, Qual::JustOver),
        (&q.between, Qual::Between),
    ];
    kinds
        .into_iter()
        .flat_map(|(phrases, kind)| phrases.iter().map(move |p| (words_of(p), kind)))
        .collect()
});

/// The words of a qualifier phrase, kept for the life of the program (the table
/// is built once).
fn words_of(phrase: &'static str) -> &'static [&'static str] {
    phrase.split(' ').collect::<Vec<_>>().leak()
}

/// Currency symbols written before the amount.
pub static CURRENCY_SYMBOLS: LazyLock<&[(char, &str)]> = LazyLock::new(|| &CURRENCIES.symbols);

/// Letters glued before "$" ("US$", "A$"), lower case.
pub static DOLLAR_PREFIXES: LazyLock<&[(&str, &str)]> =
    LazyLock::new(|| &CURRENCIES.dollar_prefixes);

/// ISO codes (and "Rs") written before or after the amount, as written.
pub static CURRENCY_CODES: LazyLock<&[(&str, &str)]> = LazyLock::new(|| &CURRENCIES.codes);

/// Currency names written after the amount, lower case.
pub static CURRENCY_WORDS: LazyLock<&[(&str, &str)]> = LazyLock::new(|| &CURRENCIES.words);

/// Physical units after the amount (separate word or glued: "10km"), lower case → symbol.
pub static UNITS_OF_MEASURE: LazyLock<&[(&str, &str)]> = LazyLock::new(|| &lexicon::UNITS.units);

/// Words of time: a figure before them is a duration or an age, which the date
/// grammar owns ("three days", "10-year", "23-year-old").
pub static TIME_UNITS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    let weekdays = &CALENDAR.weekdays;
    PERIODS.time_units.iter().chain(weekdays).copied().collect()
});

/// Words before a number that make it a label, not a figure ("Route 66", "No. 3").
pub static ID_BEFORE: LazyLock<&[&str]> = LazyLock::new(|| &FUNCTION_WORDS.id_before);

/// Words after which a word of `ID_BEFORE` is a verb ("to train 800 engineers").
pub static VERB_MARKERS: LazyLock<&[&str]> = LazyLock::new(|| &FUNCTION_WORDS.verb_markers);

/// Month names and their abbreviations, lower case.
pub static MONTHS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    let months = &CALENDAR.months;
    let full = months.iter().filter_map(|names| names.first());
    let short = months.iter().flat_map(|names| names.iter().skip(1));
    full.chain(short).copied().collect()
});

/// Parents: "mother of three" counts children, not a toll.
pub static PARENTS: LazyLock<&[&str]> = LazyLock::new(|| &PEOPLE.parents);

/// Street words after a number and a name: "123 Main Street" is an address.
pub static STREET_SUFFIXES: LazyLock<&[&str]> = LazyLock::new(|| &PLACES.street_suffixes);

/// Words that, right after a figure, mean a clock time ("10 p.m." is handled apart).
pub static CLOCK_AFTER: LazyLock<&[&str]> = LazyLock::new(|| &PERIODS.clock_after);

/// Verbs of harm whose object, named by a possessive, is one person counted
/// ("killed his wife"); unlike `HARM_VERBS`, no "left his wife".
pub static POSSESSIVE_HARM_VERBS: LazyLock<&[&str]> = LazyLock::new(|| &ACTS.possessive_harm_verbs);

/// Singular nouns for people: "a man" or "an officer" counts one.
pub static PERSON_SINGULAR: LazyLock<&[&str]> = LazyLock::new(|| &PEOPLE.singular);

/// Plural nouns for people: "both victims", and the nouns a year-like figure may count.
pub static PERSON_PLURAL: LazyLock<&[&str]> = LazyLock::new(|| &PEOPLE.plural);

/// Modifiers that may stand between "a" and a person noun ("a young off-duty officer").
pub static PERSON_MODIFIERS: LazyLock<&[&str]> = LazyLock::new(|| &PEOPLE.modifiers);

/// Words that, right before "a"/"an", make it no count ("such a man", "as a child").
pub static ARTICLE_BLOCKERS: LazyLock<&[&str]> = LazyLock::new(|| &FUNCTION_WORDS.article_blockers);

/// Words after "both" that show it stands for two people ("both were killed").
pub static BOTH_VERBS: LazyLock<&[&str]> = LazyLock::new(|| &ACTS.both_verbs);

/// Pronouns/auxiliaries before "both" that make it stand for people ("they were both shot").
pub static BOTH_BEFORE: LazyLock<&[&str]> = LazyLock::new(|| &FUNCTION_WORDS.both_before);

/// Words that, after a figure, are past participles or adjectives of a toll; they let a
/// bare "one" count ("one dead, two hurt") though they are not nouns.
pub static CASUALTY_WORDS: LazyLock<&[&str]> = LazyLock::new(|| &ACTS.casualty_words);

/// Verbs of harm before a bare "one" that make it a count ("killed one").
pub static HARM_VERBS: LazyLock<&[&str]> = LazyLock::new(|| &ACTS.harm_verbs);

/// Words after "one" that make it no count ("one of", "one another", "one way").
pub static ONE_BLOCKERS_AFTER: LazyLock<&[&str]> =
    LazyLock::new(|| &FUNCTION_WORDS.one_blockers_after);

/// Words before "one" that make it a pronoun ("no one", "the one").
pub static ONE_BLOCKERS_BEFORE: LazyLock<&[&str]> =
    LazyLock::new(|| &FUNCTION_WORDS.one_blockers_before);

/// Words that never are the counted noun; a figure followed by one of them has none.
pub static NOT_NOUNS: LazyLock<&[&str]> = LazyLock::new(|| &NOUN_PHRASE.not_nouns);

/// Modifiers skipped between a figure and its counted noun ("2,000 more troops").
pub static NOUN_MODIFIERS: LazyLock<&[&str]> = LazyLock::new(|| &NOUN_PHRASE.modifiers);
