//! Takes the lexicon's measure classes, hands on `MeasureKey`, what a claim measures
//! as every stage after extract sees it: a class of the lexicon (or its share, "… %"),
//! a key extract derives (people shot, taken to hospital, still there), a unit, an
//! open key read from the figure's own words, or the date of an event class.
//! Rule that is not obvious: a key is written and read as the string it always was
//! ("deaths", "tackle, fifth", "date of talks"), and a key is open only when that
//! string is none of the other kinds, so an open key made of words that spell a
//! class *is* that class.

use std::sync::LazyLock;

use crate::event::EventClass;
use crate::lexicon;

/// A measure class of `lexicon/measures.toml` ("deaths", "jobs cut"). Made
/// only from the lexicon or from the named constants, which a test checks
/// against it, so a misspelt class does not compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Measure(&'static str);

impl Measure {
    pub const DEATHS: Measure = Measure("deaths");
    pub const INJURED: Measure = Measure("injured");
    pub const JOBS: Measure = Measure("jobs");
    pub const JOBS_CUT: Measure = Measure("jobs cut");
    pub const HOSPITALISED: Measure = Measure("hospitalised");
    pub const SHOTS: Measure = Measure("shots");
    pub const RESCUED: Measure = Measure("rescued");

    /// The lexicon's class of this name (change cues first, then counted nouns).
    pub fn named(name: &str) -> Option<Measure> {
        entries()
            .find(|m| m.measure == name)
            .map(|m| Measure(m.measure))
    }

    /// The class a lexicon entry names.
    pub(crate) fn of(entry: &lexicon::Measure<'static>) -> Measure {
        Measure(entry.measure)
    }

    /// The class's name.
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// Is it always someone's (a company's revenue, a party's seats)?
    pub fn owned(self) -> bool {
        entries().any(|x| x.owned && x.measure == self.0)
    }

    /// Is it one person's each, of several in a story (`by_name`)?
    pub fn by_name(self) -> bool {
        entries().any(|x| x.by_name && x.measure == self.0)
    }

    /// Is it a standing figure of its owner, which no event narrows?
    pub fn eventless(self) -> bool {
        entries().any(|x| x.eventless && x.measure == self.0)
    }

    /// Does it describe a state that changes from day to day?
    pub fn state(self) -> bool {
        entries().any(|x| x.state && x.measure == self.0)
    }
}

/// Every entry of `measures.toml`, change cues first.
fn entries() -> impl Iterator<Item = &'static lexicon::Measure<'static>> {
    lexicon::MEASURES
        .change
        .iter()
        .chain(&lexicon::MEASURES.noun)
        .chain(&lexicon::MEASURES.frame)
}

/// The measure of people shot, killed or not. `extract` turns a single victim
/// ("a man was shot in the leg") into an injury; a group ("five were shot") may
/// hold the dead too, so it stays apart from the injured.
pub const SHOT: &str = "shot (killed or wounded)";

/// The measure of people an incident sent to hospital: injured, counted apart
/// from the injured as a whole (those treated at the scene are not in it).
pub const HOSPITALISED_INJURED: &str = "injured (taken to hospital)";

/// The measure of people in hospital on the day a report was written.
pub const STILL_IN_HOSPITAL: &str = "still in hospital";

/// What a claim measures.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MeasureKey {
    /// A class of the lexicon: "deaths", "troops".
    Class(Measure),
    /// A class given as a share: "unemployment %".
    Percent(Measure),
    /// People shot, killed or not (`SHOT`).
    Shot,
    /// The injured an incident sent to hospital (`HOSPITALISED_INJURED`).
    HospitalisedInjured,
    /// People still in hospital on the day of writing (`STILL_IN_HOSPITAL`).
    StillInHospital,
    /// A unit of `lexicon/units.toml` standing as the measure: "km", "lb".
    Unit(&'static str),
    /// Read from the figure's own words.
    Open(Box<OpenKey>),
    /// The date of a point event of this class.
    DateOf(EventClass),
}

/// An open key: what is counted ("tackle", "parliamentary seat") and the act it
/// is counted under ("missing"), written "what, act".
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OpenKey {
    text: String,
    /// Where the act starts in `text`, after ", ".
    act_at: Option<usize>,
}

impl OpenKey {
    /// What is counted.
    pub fn what(&self) -> &str {
        self.act_at.map_or(&self.text, |a| &self.text[..a - 2])
    }

    /// The act it is counted under.
    pub fn act(&self) -> Option<&str> {
        self.act_at.map(|a| &self.text[a..])
    }
}

/// "date of X" for every event class, and "X %" for every measure class, made
/// once so that `MeasureKey::as_str` borrows.
static DATE_OF: LazyLock<Vec<(EventClass, String)>> = LazyLock::new(|| {
    lexicon::EVENTS
        .event
        .iter()
        .filter_map(|e| EventClass::named(e.class))
        .map(|e| (e, format!("date of {e}")))
        .collect()
});
static PERCENT: LazyLock<Vec<(Measure, String)>> = LazyLock::new(|| {
    entries()
        .map(|m| (Measure::of(m), format!("{} %", m.measure)))
        .collect()
});

impl MeasureKey {
    /// An open key of the words `what` counted under `act`; a key without an
    /// act whose words spell a class, a derived key or a unit is that instead.
    pub fn open(what: String, act: Option<&str>) -> MeasureKey {
        match act {
            Some(a) => {
                let mut text = what;
                text.push_str(", ");
                let act_at = Some(text.len());
                // "close 14 depots", "shut eleven depots": one act; people
                // found are not people identified (`same_thing_act`)
                let people = text.starts_with("people, ");
                text.push_str(lexicon::fold_act(a, !people));
                MeasureKey::Open(Box::new(OpenKey { text, act_at }))
            }
            None => MeasureKey::closed(&what).unwrap_or_else(|| {
                MeasureKey::Open(Box::new(OpenKey {
                    text: what,
                    act_at: None,
                }))
            }),
        }
    }

    /// A unit standing as the measure (a unit the lexicon does not list is an open key).
    pub fn unit(unit: &str) -> MeasureKey {
        MeasureKey::open(unit.to_string(), None)
    }

    /// The key a string names, if it is not an open key.
    fn closed(s: &str) -> Option<MeasureKey> {
        if let Some(m) = Measure::named(s) {
            return Some(MeasureKey::Class(m));
        }
        let derived = match s {
            SHOT => Some(MeasureKey::Shot),
            HOSPITALISED_INJURED => Some(MeasureKey::HospitalisedInjured),
            STILL_IN_HOSPITAL => Some(MeasureKey::StillInHospital),
            _ => None,
        };
        derived.or_else(|| {
            lexicon::UNITS
                .units
                .iter()
                .find(|(_, unit)| *unit == s)
                .map(|(_, unit)| MeasureKey::Unit(unit))
        })
    }

    /// Read a key as `as_str` writes it (a record of `crosscheck extract`).
    pub fn parse(s: &str) -> Result<MeasureKey, String> {
        if let Some(event) = s.strip_prefix("date of ") {
            return EventClass::named(event)
                .map(MeasureKey::DateOf)
                .ok_or_else(|| format!("unknown event class in measure {s:?}"));
        }
        if let Some(m) = s.strip_suffix(" %").and_then(Measure::named) {
            return Ok(MeasureKey::Percent(m));
        }
        Ok(match s.split_once(", ") {
            Some((what, act)) => MeasureKey::open(what.to_string(), Some(act)),
            None => MeasureKey::open(s.to_string(), None),
        })
    }

    /// The key as written in reports and records.
    pub fn as_str(&self) -> &str {
        match self {
            MeasureKey::Class(m) => m.0,
            MeasureKey::Percent(m) => PERCENT
                .iter()
                .find(|(p, _)| p == m)
                .map_or("", |(_, s)| s.as_str()),
            MeasureKey::Shot => SHOT,
            MeasureKey::HospitalisedInjured => HOSPITALISED_INJURED,
            MeasureKey::StillInHospital => STILL_IN_HOSPITAL,
            MeasureKey::Unit(u) => u,
            MeasureKey::Open(k) => &k.text,
            MeasureKey::DateOf(e) => DATE_OF
                .iter()
                .find(|(d, _)| d == e)
                .map_or("", |(_, s)| s.as_str()),
        }
    }

    /// Is it read from the figure's own words rather than a class of the lexicon,
    /// a derived key, a unit or the date of an event?
    pub fn is_open(&self) -> bool {
        matches!(self, MeasureKey::Open(_))
    }

    /// Is it always someone's (a company's revenue, a party's seats), so that
    /// two figures of it speak of one thing only when their sentences name one owner?
    pub fn is_owned(&self) -> bool {
        match self {
            MeasureKey::Class(m) | MeasureKey::Percent(m) => m.owned(),
            _ => false,
        }
    }

    /// Does it describe a state on the day of writing that changes from day to
    /// day (patients still in hospital, a reward on offer, bail as set at the
    /// last hearing, the arrests made so far)? Reports of different days may
    /// differ without disagreeing.
    pub fn is_state(&self) -> bool {
        match self {
            MeasureKey::StillInHospital => true,
            MeasureKey::Class(m) => m.state(),
            _ => false,
        }
    }

    /// Is it one person's each, of several in a story (a co-defendant's term)?
    pub fn is_by_name(&self) -> bool {
        matches!(self, MeasureKey::Class(m) if m.by_name())
    }

    /// Is it a class of sums or spans named by the word they hang on (`[[frame]]`)?
    pub fn is_frame(&self) -> bool {
        matches!(self, MeasureKey::Class(m) if lexicon::MEASURES.frame.iter().any(|f| f.measure == m.0))
    }

    /// Is it the date of an event?
    pub fn is_date(&self) -> bool {
        matches!(self, MeasureKey::DateOf(_))
    }
}

impl std::fmt::Display for MeasureKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for MeasureKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for MeasureKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        MeasureKey::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every class the code names is one the lexicon lists.
    #[test]
    fn named_classes_are_in_the_lexicon() {
        for m in [
            Measure::DEATHS,
            Measure::INJURED,
            Measure::JOBS,
            Measure::JOBS_CUT,
            Measure::HOSPITALISED,
            Measure::SHOTS,
            Measure::RESCUED,
        ] {
            assert_eq!(Measure::named(m.as_str()), Some(m), "{}", m.as_str());
        }
    }

    /// A key reads back as the key written, of the same kind.
    #[test]
    fn keys_read_back_as_written() {
        let talks = EventClass::named("talks").expect("talks is an event class");
        let keys = [
            MeasureKey::Class(Measure::DEATHS),
            MeasureKey::Percent(Measure::JOBS),
            MeasureKey::Shot,
            MeasureKey::HospitalisedInjured,
            MeasureKey::StillInHospital,
            MeasureKey::unit("km"),
            MeasureKey::open("tackle".into(), Some("fifth")),
            MeasureKey::open("parliamentary seat".into(), None),
            MeasureKey::DateOf(talks),
        ];
        for k in keys {
            let back = MeasureKey::parse(k.as_str()).expect("reads back");
            assert_eq!(back, k, "{}", k.as_str());
        }
        assert_eq!(MeasureKey::unit("km"), MeasureKey::Unit("km"));
        assert!(MeasureKey::parse("date of no such event").is_err());
    }

    /// Open keys are what the string said they were.
    #[test]
    fn open_keys_are_none_of_the_other_kinds() {
        for (s, open) in [
            ("deaths", false),
            ("jobs %", false),
            ("km", false),
            (SHOT, false),
            ("date of talks", false),
            ("tackle, fifth", true),
            ("deaths, fifth", true),
            ("parliamentary seat", true),
        ] {
            assert_eq!(MeasureKey::parse(s).map(|k| k.is_open()), Ok(open), "{s}");
        }
        assert_eq!(
            MeasureKey::open("deaths".into(), None),
            MeasureKey::Class(Measure::DEATHS)
        );
    }
}
