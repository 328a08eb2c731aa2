//! Takes a word, hands on its event class (`lexicon/events.toml`) and what later
//! stages need to know of a class: sudden, commonplace, recurring, a process, an
//! act of reporting, durative.
//! Rule that is not obvious: a word listed under two classes keeps the first, so
//! the file's order decides.

use std::sync::LazyLock;

use crate::lexicon;
use crate::model::Lex;

/// An event class of `lexicon/events.toml` ("shooting", "talks"). Made only
/// from the lexicon (`event_of`, `named`), so no code can name a class no file
/// lists; written and read as the class's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventClass(&'static str);

impl EventClass {
    /// The class of this name, if the lexicon lists one.
    pub fn named(name: &str) -> Option<EventClass> {
        EVENTS
            .iter()
            .find(|(class, _, _)| *class == name)
            .map(|(class, _, _)| EventClass(class))
    }

    /// The class's name, as the lexicon gives it.
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// Is it an act of reporting (said, confirmed), which a count never belongs to?
    pub fn reporting(self) -> bool {
        REPORTING.contains(&self.0)
    }
}

impl std::fmt::Display for EventClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl serde::Serialize for EventClass {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for EventClass {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        EventClass::named(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown event class {name:?}")))
    }
}

/// Event nouns and verbs, grouped into classes; durative classes are those
/// whose date is a period that names the event rather than a claim about it.
pub(crate) static EVENTS: LazyLock<Vec<(&str, bool, &[&str])>> = LazyLock::new(|| {
    let events = &lexicon::EVENTS.event;
    events
        .iter()
        .map(|e| (e.class, e.durative, &e.words[..]))
        .collect()
});

/// Event classes that happen again and again in one story (hearings, news
/// conferences, statements, rallies): two reports published on different days
/// that date "the hearing" by weekday speak of different sessions.
pub(crate) static RECURRING: LazyLock<Vec<&str>> =
    LazyLock::new(|| lexicon::event_classes(|e| e.recurring));

/// Event classes that happen once, suddenly, at one place (a shooting, a
/// crash): two such dates far apart in one story are two incidents.
pub(crate) static SUDDEN: LazyLock<Vec<&str>> =
    LazyLock::new(|| lexicon::event_classes(|e| e.sudden));

/// Sudden incidents so common that a month or a year holds many of them in
/// one place (shootings, crashes, house fires), unlike earthquakes or floods.
pub(crate) static COMMONPLACE: LazyLock<Vec<&str>> =
    LazyLock::new(|| lexicon::event_classes(|e| e.commonplace));

/// Is an event of this class so common that a month does not single one out?
pub fn commonplace(event: EventClass) -> bool {
    COMMONPLACE.contains(&event.0)
}

/// Is an event of this class a sudden incident?
pub fn sudden(event: EventClass) -> bool {
    SUDDEN.contains(&event.0)
}

/// Recurring classes whose occurrences are the steps of one process (a case's
/// charges, hearings, trial and sentencing): any two past dates of it may name
/// different steps.
pub(crate) static PROCESSES: LazyLock<Vec<&str>> =
    LazyLock::new(|| lexicon::event_classes(|e| e.process));

/// Is an event of this class a process of many dated steps?
pub fn is_process(event: EventClass) -> bool {
    PROCESSES.contains(&event.0)
}

/// Does an event of this class recur within one story?
pub fn recurs(event: EventClass) -> bool {
    RECURRING.contains(&event.0)
}

/// Event classes that are acts of reporting: they can be dated, but a count
/// never belongs to them.
pub(crate) static REPORTING: LazyLock<Vec<&str>> =
    LazyLock::new(|| lexicon::event_classes(|e| e.reporting));

/// Each cue word of `EVENTS` with its class; a cue listed twice keeps its first class.
pub(crate) static EVENT_CUES: LazyLock<Lex<&'static str, (EventClass, bool)>> =
    LazyLock::new(|| {
        Lex::new(EVENTS.iter().flat_map(|(name, durative, cues)| {
            cues.iter()
                .map(move |cue| (*cue, (EventClass(name), *durative)))
        }))
    });

/// `events.toml: not_event_phrases`, each split into its words (`*` for any one word).
static NOT_EVENT_PHRASES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    lexicon::EVENTS
        .not_event_phrases
        .iter()
        .map(|p| p.split(' ').collect())
        .collect()
});

/// Does `phrase` (words, `*` for any one) match the start of `words`?
fn phrase_matches(phrase: &[&str], words: &[&str]) -> bool {
    phrase.len() <= words.len()
        && phrase
            .iter()
            .zip(words)
            .all(|(want, got)| *want == "*" || want == got)
}

/// A phrase's words and the class it names, with whether that class is durative.
type EventPhrase = (Vec<&'static str>, (EventClass, bool));

/// `events.toml` phrases, each split into its words, with the class it names.
static EVENT_PHRASES: LazyLock<Vec<EventPhrase>> = LazyLock::new(|| {
    lexicon::EVENTS
        .event
        .iter()
        .flat_map(|e| {
            e.phrases
                .iter()
                .map(move |p| (p.split(' ').collect(), (EventClass(e.class), e.durative)))
        })
        .collect()
});

/// Does some event phrase open with `word`, in any case? (A cheap test before
/// `phrase_event`.)
pub(crate) fn opens_event_phrase(word: &str) -> bool {
    EVENT_PHRASES
        .iter()
        .any(|(p, _)| p[0].eq_ignore_ascii_case(word))
}

/// The event a phrase at the start of `words` (lower-cased) names, and its length
/// ("burst its banks": a flood, three words).
pub(crate) fn phrase_event(words: &[&str]) -> Option<(usize, (EventClass, bool))> {
    EVENT_PHRASES
        .iter()
        .find(|(p, _)| phrase_matches(p, words))
        .map(|(p, e)| (p.len(), *e))
}

/// Does an event word at the start of `words` (lower-cased) open a phrase that names
/// no event ("fighting for her life")?
pub(crate) fn opens_not_event_phrase(words: &[&str]) -> bool {
    NOT_EVENT_PHRASES.iter().any(|p| phrase_matches(p, words))
}

/// The event class of a word, and whether that class is durative.
pub fn event_of(word: &str) -> Option<(EventClass, bool)> {
    // lower case ASCII needs no lowering (and no allocation)
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return EVENT_CUES.get(word);
    }
    // as `token::lower` folds it: lower case, curly apostrophes straightened
    EVENT_CUES.get(word.to_lowercase().replace('’', "'").as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every cue word is found, in the class of the first event that lists it.
    #[test]
    fn every_event_cue_is_found() {
        let mut seen = std::collections::HashSet::new();
        for (name, durative, cues) in EVENTS.iter() {
            for cue in *cues {
                let got = event_of(cue);
                assert!(got.is_some(), "{cue}");
                if seen.insert(*cue) {
                    assert_eq!(got, Some((EventClass(name), *durative)), "{cue}");
                }
            }
        }
        for word in ["", "x", "zzz", "yesterday's"] {
            assert_eq!(event_of(word), None, "{word}");
        }
    }
}
