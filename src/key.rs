//! Takes a measure key as extract wrote it, hands on what later stages ask of it:
//! is it an open key, a state that changes day to day; and the derived keys extract
//! makes beyond the lexicon's classes (people shot, taken to hospital, still there).
//! Rule that is not obvious: a key is open only when it is none of the lexicon's
//! classes, derived keys or units (a date of an event is never open).

use std::sync::LazyLock;

use crate::lexicon;

/// The measure of people shot, killed or not. `extract` turns a single victim
/// ("a man was shot in the leg") into an injury; a group ("five were shot") may
/// hold the dead too, so it stays apart from the injured.
pub const SHOT: &str = "shot (killed or wounded)";

/// The measure of people an incident sent to hospital: injured, counted apart
/// from the injured as a whole (those treated at the scene are not in it).
pub const HOSPITALISED_INJURED: &str = "injured (taken to hospital)";

/// The measure of people in hospital on the day a report was written.
pub const STILL_IN_HOSPITAL: &str = "still in hospital";

/// Measures that describe a state on the day of writing and change from day
/// to day (patients still in hospital, a reward on offer, bail as set at the
/// last hearing, the arrests made so far): reports of different days may
/// differ without disagreeing.
pub(crate) static STATES: LazyLock<Vec<&str>> = LazyLock::new(|| {
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

/// Is `measure` an open key, read from the figure's own words, rather than a
/// class of the lexicon, a unit or the date of an event?
pub fn is_open_key(measure: &str) -> bool {
    let m = measure.strip_suffix(" %").unwrap_or(measure);
    if m.starts_with("date of ") || m.contains(", ") {
        return m.contains(", ");
    }
    let known = |table: &[lexicon::Measure<'_>]| table.iter().any(|x| x.measure == m);
    !(known(&lexicon::MEASURES.change)
        || known(&lexicon::MEASURES.noun)
        || [SHOT, HOSPITALISED_INJURED, STILL_IN_HOSPITAL, "jobs cut"].contains(&m)
        || lexicon::UNITS.units.iter().any(|(_, unit)| *unit == m))
}
