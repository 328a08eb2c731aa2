//! Takes the word lists of `lexicon/*.toml`, compiled in with `include_str!`, and hands
//! them on parsed once, as `'static` words that borrow from the compiled-in text.
//! Rule that is not obvious: a file that does not parse is a bug of the build, not bad
//! input, so its first use panics naming the file and the reason; the tests below parse
//! every file, so such a build never passes CI. A word borrows from the file's text, so
//! it may not hold a TOML escape (`\n`, `\u00e9`): write the character itself.

use std::sync::LazyLock;

use serde::Deserialize;

/// Parse the compiled-in `text` of `lexicon/<name>`.
fn parse<T: Deserialize<'static>>(name: &str, text: &'static str) -> T {
    match toml::from_str(text) {
        Ok(t) => t,
        Err(e) => panic!("lexicon/{name} does not parse: {e}"),
    }
}

/// One compiled-in lexicon file, parsed on first use.
macro_rules! lexicon_file {
    ($(#[$doc:meta])* $name:ident: $ty:ty = $file:literal) => {
        $(#[$doc])*
        pub static $name: LazyLock<$ty> =
            LazyLock::new(|| parse($file, include_str!(concat!("../lexicon/", $file))));
    };
}

/// A canonical measure and the words that name it (`measures.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure<'a> {
    pub measure: &'a str,
    pub words: Vec<&'a str>,
    /// A sum of money: only a figure given as money takes it.
    #[serde(default)]
    pub money: bool,
    /// Counts things, never people.
    #[serde(default)]
    pub thing: bool,
    /// A state on the day of writing that changes from day to day.
    #[serde(default)]
    pub state: bool,
    /// Always someone's: compared only when the sentences name one owner.
    #[serde(default)]
    pub owned: bool,
    /// One person's each, of several in a story (co-defendants' terms): compared
    /// only where both sentences open on one name.
    #[serde(default)]
    pub by_name: bool,
    /// A standing figure of its owner (a budget, revenue), not of an event: the
    /// event words near it (the council's vote, a late session) do not narrow it.
    #[serde(default)]
    pub eventless: bool,
    /// A span of time: only a figure given as a duration takes it.
    #[serde(default)]
    pub duration: bool,
    /// Its cue binds only after the figure ("three were charged"); before it,
    /// the cue is someone else's act ("charged with shooting six people").
    #[serde(default)]
    pub after: bool,
    /// Nouns that name the measure only as the object of an estimate ("police put
    /// the crowd at 23,000"); elsewhere they are no cue ("fired into a crowd").
    #[serde(default)]
    pub estimated: Vec<&'a str>,
}

/// `measures.toml`: changes that happened to the counted things, then counted nouns.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Measures {
    pub change: Vec<Measure<'static>>,
    pub noun: Vec<Measure<'static>>,
    /// Sums and spans named by the word they hang on (`extract::measure::frame`).
    pub frame: Vec<Measure<'static>>,
}

lexicon_file!(MEASURES: Measures = "measures.toml");

/// A table of `MEASURES` as `(measure, words)` pairs, in file order, each
/// measure's words followed by the config file's synonyms of it (`add_synonyms`).
pub fn cue_table(
    table: &'static [Measure<'static>],
) -> Vec<(&'static str, &'static [&'static str])> {
    let extra = SYNONYMS.get();
    table
        .iter()
        .map(|m| {
            let words: &'static [&'static str] = match extra.and_then(|e| e.get(m.measure)) {
                Some(more) => {
                    let all: Vec<&'static str> = m
                        .words
                        .iter()
                        .copied()
                        .chain(more.iter().copied())
                        .collect();
                    // built once per table, for the life of the process
                    Vec::leak(all)
                }
                None => &m.words[..],
            };
            (m.measure, words)
        })
        .collect()
}

/// Words a config file adds to canonical measures, set once before the first
/// extraction.
static SYNONYMS: std::sync::OnceLock<std::collections::BTreeMap<&'static str, Vec<&'static str>>> =
    std::sync::OnceLock::new();

/// Fold extra words into canonical measures of `measures.toml` (the config
/// file's `[crosscheck.synonyms]`, measure → words). A word must be one
/// lower-case word that no measure lists yet, and the measure one the lexicon
/// has; the error names what is wrong. It takes effect only when called before
/// the first figure is read (the tables are built once), so `run` calls it
/// first; a second call with other words is refused.
pub fn add_synonyms(
    synonyms: &std::collections::BTreeMap<String, Vec<String>>,
) -> Result<(), String> {
    if synonyms.is_empty() {
        return Ok(());
    }
    let all = || MEASURES.change.iter().chain(&MEASURES.noun);
    let mut folded: std::collections::BTreeMap<&'static str, Vec<&'static str>> =
        std::collections::BTreeMap::new();
    for (measure, words) in synonyms {
        let Some(m) = all().find(|m| m.measure == measure.as_str()) else {
            let known: Vec<&str> = all().map(|m| m.measure).collect();
            return Err(format!(
                "synonyms: {measure:?} is no measure of the lexicon (lexicon/measures.toml has: {})",
                known.join(", ")
            ));
        };
        for w in words {
            if w.is_empty()
                || w.chars()
                    .any(|c| !c.is_alphabetic() && c != '-' && c != '\'')
                || w.to_lowercase() != *w
            {
                return Err(format!(
                    "synonyms.{measure}: {w:?} is not one lower-case word"
                ));
            }
            if let Some(other) = all().find(|o| o.words.contains(&w.as_str())) {
                return Err(format!(
                    "synonyms.{measure}: {w:?} already names the measure {:?}",
                    other.measure
                ));
            }
            if let Some((m2, _)) = folded.iter().find(|(_, ws)| ws.contains(&w.as_str())) {
                return Err(format!(
                    "synonyms.{measure}: {w:?} is also given for {m2:?}"
                ));
            }
            let w: &'static str = String::leak(w.clone());
            folded.entry(m.measure).or_default().push(w);
        }
    }
    match SYNONYMS.get() {
        Some(set) if *set == folded => Ok(()),
        Some(_) => Err("synonyms: the measure tables were already built with other words".into()),
        None => SYNONYMS
            .set(folded)
            .map_err(|_| "synonyms: set twice at once".to_string()),
    }
}

/// The measures of a table of `MEASURES` that carry a flag, in file order.
pub fn measure_names(
    table: &'static [Measure<'static>],
    flag: impl Fn(&Measure<'static>) -> bool,
) -> Vec<&'static str> {
    table
        .iter()
        .filter(|m| flag(m))
        .map(|m| m.measure)
        .collect()
}

/// An event class, its flags and its words (`events.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event<'a> {
    pub class: &'a str,
    #[serde(default)]
    pub durative: bool,
    #[serde(default)]
    pub sudden: bool,
    #[serde(default)]
    pub commonplace: bool,
    #[serde(default)]
    pub recurring: bool,
    #[serde(default)]
    pub process: bool,
    #[serde(default)]
    pub reporting: bool,
    pub words: Vec<&'a str>,
    #[serde(default)]
    pub phrases: Vec<&'a str>,
}

/// `events.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Events {
    pub not_event_phrases: Vec<&'static str>,
    pub event: Vec<Event<'static>>,
}

lexicon_file!(EVENTS: Events = "events.toml");

/// The classes of `EVENTS` that carry a flag, in file order.
pub fn event_classes(flag: impl Fn(&Event<'static>) -> bool) -> Vec<&'static str> {
    EVENTS
        .event
        .iter()
        .filter(|e| flag(e))
        .map(|e| e.class)
        .collect()
}

/// `incidents.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Incidents {
    pub counted: Vec<&'static str>,
    pub tallies: Vec<&'static str>,
}

lexicon_file!(INCIDENTS: Incidents = "incidents.toml");

/// `people.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct People {
    pub counted: Vec<&'static str>,
    pub singular: Vec<&'static str>,
    pub plural: Vec<&'static str>,
    pub modifiers: Vec<&'static str>,
    pub parents: Vec<&'static str>,
    /// Other plural nouns for people, read only by the open measure key.
    pub other_plural: Vec<&'static str>,
    /// The groups a count of people may be told of (soldiers, civilians…).
    pub group: Vec<WordClass<'static>>,
}

/// A named class of words: an act of `acts.toml: same_act` and the words folded
/// to it, or a group of `people.toml` and the nouns that name its members.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordClass<'a> {
    #[serde(alias = "act", alias = "group")]
    pub name: &'a str,
    #[serde(borrow)]
    pub words: Vec<&'a str>,
}

/// The act of `acts.toml: same_act` a word is one of, if any.
pub fn same_act(word: &str) -> Option<&'static str> {
    ACTS.same_act
        .iter()
        .find(|a| a.words.contains(&word))
        .map(|a| a.name)
}

/// The word an open key's act is folded to: its `same_act` entry, for a count
/// of things also its `same_thing_act` entry, or itself.
pub fn fold_act(word: &str, things: bool) -> &str {
    same_act(word)
        .or_else(|| {
            ACTS.same_thing_act
                .iter()
                .filter(|_| things)
                .find(|a| a.words.contains(&word))
                .map(|a| a.name)
        })
        .unwrap_or(word)
}

lexicon_file!(PEOPLE: People = "people.toml");

/// `things.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Things {
    pub things: Vec<&'static str>,
    /// Things whose counts never take an open key.
    pub no_open_key: Vec<&'static str>,
    pub wound_kinds: Vec<&'static str>,
    /// Parts of the body a bullet strikes ("struck in the leg").
    pub body_parts: Vec<&'static str>,
    /// Things a company's name may stand before ("318,400 Velder Mills shares").
    pub issued: Vec<&'static str>,
    /// Supplies a fault cuts off, each a line of words that fold into its first.
    pub supplies: Vec<Vec<&'static str>>,
    /// Nouns of a study of people ("a trial of 1,540 people").
    pub studies: Vec<&'static str>,
    /// Nouns of a place that are cues only after a preposition ("taken to hospital").
    pub place_cues: Vec<&'static str>,
    /// Words before a place cue that make it where people were taken or kept.
    pub place_cue_openers: Vec<&'static str>,
}

lexicon_file!(THINGS: Things = "things.toml");

/// `acts.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Acts {
    pub other_acts: Vec<&'static str>,
    pub not_acts: Vec<&'static str>,
    pub transitive: Vec<&'static str>,
    pub passive: Vec<&'static str>,
    pub now_verbs: Vec<&'static str>,
    pub perception: Vec<&'static str>,
    pub harm_verbs: Vec<&'static str>,
    pub possessive_harm_verbs: Vec<&'static str>,
    pub both_verbs: Vec<&'static str>,
    pub casualty_words: Vec<&'static str>,
    /// Words with which a later report says its figure changed.
    pub changed_words: Vec<&'static str>,
    /// Words between an owner's name and the figure it owns.
    pub owning_words: Vec<&'static str>,
    /// Verbs that give a figure as the level its subject reached.
    pub level_verbs: Vec<&'static str>,
    pub rate_level_verbs: Vec<&'static str>,
    pub rate_direct_verbs: Vec<&'static str>,
    /// Verbs of lasting, whose span belongs to their subject ("the strike lasted").
    pub lasting_verbs: Vec<&'static str>,
    /// Verbs of saying: a figure after one is what was said, not what it hangs on.
    pub saying_verbs: Vec<&'static str>,
    /// Words between a counted noun and the participle of its act.
    pub auxiliaries: Vec<&'static str>,
    /// Verbs that tell an event taking place, starting or ending after the
    /// event word that heads a sentence ("The truce took effect on …").
    pub occurring_verbs: Vec<&'static str>,
    /// Verbs of time passed somewhere ("spent seven weeks in jail").
    pub spending_verbs: Vec<&'static str>,
    /// Acts by which a study takes people in ("enrolled", "involving", "of").
    pub enrolling_acts: Vec<&'static str>,
    /// Words that say a state holds at a time ("were still alive Tuesday"): a
    /// date after one times the state, not the harm.
    pub state_words: Vec<&'static str>,
    /// Nouns of a time of an event itself ("the start of the strike"): a date
    /// after "<noun> of the <event>" still dates the event.
    pub event_phases: Vec<&'static str>,
    /// Words that place a counted noun in an earlier body or event ("in the
    /// outgoing chamber"): the figure is what it was, not a claim of the story.
    pub earlier_words: Vec<&'static str>,
    /// Acts an open key is counted under, folded to one word.
    pub same_act: Vec<WordClass<'static>>,
    /// Acts folded like `same_act`, for counts of things only.
    pub same_thing_act: Vec<WordClass<'static>>,
    /// Past participles not in "-ed".
    pub irregular_participles: Vec<&'static str>,
    /// Nouns of a change in a level ("increase"): a percentage of one has no open key.
    pub change_nouns: Vec<&'static str>,
    /// Change nouns of a rise ("increase", "hike"): an offer or a demand of one
    /// is keyed "rise %" with its act.
    pub rise_nouns: Vec<&'static str>,
    /// Folded acts whose object a bare rise may be ("demanding a 7 percent increase").
    pub bargaining_acts: Vec<&'static str>,
    /// Verbs of searching: the people a search is for are sought, not counted.
    pub search_words: Vec<&'static str>,
    /// Words that deny the cue after them ("no deaths", "attempted murder").
    pub denial_words: Vec<&'static str>,
    /// Words that make the people before them the ones blamed for the act after.
    pub blame_words: Vec<&'static str>,
    /// Verbs that take a level to a figure ("bringing the toll to 5").
    pub raising_verbs: Vec<&'static str>,
    /// Verbs that give their object's estimate with "at" ("put the crowd at 23,000").
    pub estimating_verbs: Vec<&'static str>,
    /// Verbs in the past tense that tell a process began ("began on").
    pub beginning_verbs: Vec<&'static str>,
    /// Verbs of dying with no object ("the 17 miners who died").
    pub dying_verbs: Vec<&'static str>,
    /// Verbs of getting people out, which "alive" makes a rescue.
    pub extraction_verbs: Vec<&'static str>,
    /// Words that put the event of their subject on the date after them.
    pub scheduling_words: Vec<&'static str>,
    /// Words that move or expect an event: a scheduling word only before a preposition.
    pub deferring_words: Vec<&'static str>,
    /// Words of what a thing may hold ("licensed to carry 250").
    pub capacity_words: Vec<&'static str>,
    /// Verbs of holding that a capacity word puts before its figure.
    pub holding_verbs: Vec<&'static str>,
}

lexicon_file!(ACTS: Acts = "acts.toml");

/// `function-words.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct FunctionWords {
    pub aside_openers: Vec<&'static str>,
    pub attributive_openers: Vec<&'static str>,
    /// Pronouns that name whom a harm was done to, right after its verb.
    pub object_pronouns: Vec<&'static str>,
    pub object_starts: Vec<&'static str>,
    pub article_blockers: Vec<&'static str>,
    pub both_before: Vec<&'static str>,
    pub one_blockers_after: Vec<&'static str>,
    pub one_blockers_before: Vec<&'static str>,
    pub id_before: Vec<&'static str>,
    /// Nouns an emergency number names a service of ("911 calls").
    pub emergency_service_nouns: Vec<&'static str>,
    /// Words after which an `id_before` word is a verb ("to train 800 engineers").
    pub verb_markers: Vec<&'static str>,
    /// Words never heading a counted noun run, beyond the NLTK stop words.
    pub noun_run_stops: Vec<&'static str>,
    /// Words that open a subordinate clause before its subject ("When … was").
    pub subordinators: Vec<&'static str>,
    /// Pronouns a sentence's subject may be ("She won 12 races").
    pub subject_pronouns: Vec<&'static str>,
}

lexicon_file!(FUNCTION_WORDS: FunctionWords = "function-words.toml");

/// `noun-phrase.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct NounPhrase {
    pub modifiers: Vec<&'static str>,
    pub not_nouns: Vec<&'static str>,
    pub generic_heads: Vec<&'static str>,
    /// Nouns of a level that fold into the noun narrowing them ("inflation rate").
    pub level_heads: Vec<&'static str>,
    /// Words before a noun of a sum that say its scope, not a part of its owner.
    pub scope_words: Vec<&'static str>,
}

lexicon_file!(NOUN_PHRASE: NounPhrase = "noun-phrase.toml");

/// `periods.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Periods {
    pub time_units: Vec<&'static str>,
    pub clock_after: Vec<&'static str>,
    pub period_units: Vec<&'static str>,
    pub long_units: Vec<&'static str>,
    pub not_a_rate: Vec<&'static str>,
    /// Words after a span that make it no length ("12 seconds left").
    pub not_a_length: Vec<&'static str>,
}

lexicon_file!(PERIODS: Periods = "periods.toml");

/// `places.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Places {
    pub wide_places: Vec<&'static str>,
    pub street_suffixes: Vec<&'static str>,
    pub directions: Vec<&'static str>,
    /// Prepositions of place the stop-word list lacks.
    pub place_prepositions: Vec<&'static str>,
}

lexicon_file!(PLACES: Places = "places.toml");

/// A file that is one list of words (`not-names.toml`, `abbreviations.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Words {
    pub words: Vec<&'static str>,
}

lexicon_file!(NOT_NAMES: Words = "not-names.toml");
lexicon_file!(ABBREVIATIONS: Words = "abbreviations.toml");

/// Qualifier phrases by the interval they make (`number-words.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Qualifiers {
    pub lower: Vec<&'static str>,
    pub upper: Vec<&'static str>,
    pub about: Vec<&'static str>,
    pub nearly: Vec<&'static str>,
    pub just_over: Vec<&'static str>,
    pub between: Vec<&'static str>,
}

/// `number-words.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct NumberWords {
    pub units: Vec<(&'static str, f64)>,
    pub tens: Vec<(&'static str, f64)>,
    pub tens_misspelt: Vec<(&'static str, f64)>,
    pub ordinals: Vec<&'static str>,
    pub scales: Vec<(&'static str, f64)>,
    pub money_scales: Vec<(&'static str, f64)>,
    pub vague_plurals: Vec<(&'static str, f64)>,
    pub plural_scales: Vec<(&'static str, f64)>,
    pub qualifiers: Qualifiers,
}

lexicon_file!(NUMBER_WORDS: NumberWords = "number-words.toml");

/// `currencies.toml`: written forms with their ISO 4217 codes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Currencies {
    pub symbols: Vec<(char, &'static str)>,
    pub dollar_prefixes: Vec<(&'static str, &'static str)>,
    pub codes: Vec<(&'static str, &'static str)>,
    pub words: Vec<(&'static str, &'static str)>,
    /// A currency's hundredth part ("cents"), lower case.
    pub subunits: Vec<&'static str>,
}

lexicon_file!(CURRENCIES: Currencies = "currencies.toml");

/// `units.toml`: written forms with their symbols.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Units {
    pub units: Vec<(&'static str, &'static str)>,
}

lexicon_file!(UNITS: Units = "units.toml");

/// `unit-names.toml`: what a unit symbol measures and its name, for labels.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct UnitNames {
    /// (symbol, what it measures, plural name).
    pub names: Vec<(&'static str, &'static str, &'static str)>,
}

lexicon_file!(UNIT_NAMES: UnitNames = "unit-names.toml");

/// `calendar.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Calendar {
    /// January first; each month's names, full name first.
    pub months: Vec<Vec<&'static str>>,
    /// Monday first.
    pub weekdays: Vec<&'static str>,
    pub month_prepositions: Vec<&'static str>,
    pub year_count_nouns: Vec<&'static str>,
    pub year_leads: Vec<&'static str>,
    pub season_cues: Vec<&'static str>,
    pub named_day_leads: Vec<&'static str>,
}

lexicon_file!(CALENDAR: Calendar = "calendar.toml");

#[cfg(test)]
mod tests;
