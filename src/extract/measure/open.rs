//! Takes a figure whose counted noun or unit the lexicon has no class for, hands on
//! its open key: the head folded to the singular, the word that narrows it, and the
//! act it is counted under ("86 tackles" → "tackle, fifth").
//! Rule that is not obvious: a distance takes a key only with the word that says what
//! was measured ("404 yards rushing"); "135 km from the coast" is a place.

use super::binding::clause;
use super::cues::*;
use crate::event::event_of;
use crate::extract::counted;
use crate::extract::token::Sentence;
use crate::key::MeasureKey;
use crate::model::ClaimKind;

/// The open key of a figure whose counted noun (or unit) the lexicon has no class
/// for: its own words, narrowed by the act it is counted under.
pub(crate) fn open_count(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    figures: &[(usize, usize)],
    kind: ClaimKind,
    unit: Option<&str>,
) -> Option<MeasureKey> {
    // the act is read only for a figure that gets an open key
    let act = || {
        let (lo, _) = clause(ws, first);
        counted::act(ws, first, lo, figures)
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
        crate::lexicon::PEOPLE.singular.contains(&w) || counted::is_people_noun(w)
    }) {
        return None;
    }
    // "90 cancelled sailings": a participle before the plural it counts is the act
    if let (Some(p), Some(n)) = (ws.get(last + 1), ws.get(last + 2)) {
        let (part, noun) = (p.low_str(), n.low_str());
        if p.text() == part
            && part.len() > 4
            && part.ends_with("ed")
            && counted::is_participle(part)
            && n.text() == noun
            && noun.len() > 3
            && noun.ends_with('s')
            && !counted::is_function_word(noun)
            && class_of(&NOUNS, noun).is_none()
            && class_of(&CHANGE, part).is_none()
            && !PEOPLE.contains(&noun)
            && !counted::is_people_noun(noun)
            && !PERIOD_UNITS.contains(&noun)
            && event_of(noun).is_none()
        {
            return Some(open_key(&counted::singular(noun), None, Some(part)));
        }
    }
    let c = counted::counted(ws, last, figures)?;
    let word = ws[c.at].low_str();
    // "120 homes had been damaged", "destroyed 48 homes": a thing counted under
    // an act of its own is a measure; a bare "48 homes" or "three rounds" is not
    let after = || {
        let (_, hi) = clause(ws, c.at);
        counted::act_after(ws, c.at, hi)
    };
    let thing_act = (THINGS.contains(&word) && !crate::lexicon::THINGS.no_open_key.contains(&word))
        .then(|| after().or_else(|| act().filter(|w| counted::is_participle(w))))
        .flatten();
    if let Some(act) = &thing_act
        && class_of(&NOUNS, word).is_none()
        && class_of(&CHANGE, act).is_none()
    {
        let head = counted::singular(&c.head);
        return Some(open_key(&head, c.modifier.as_deref(), Some(act)));
    }
    // "140 rescue workers": a noun of the lexicon narrowed by one of its own
    // takes a key of its own words
    let narrowed = class_of(&NOUNS, word).is_some_and(|m| super::narrowed(ws, last, m));
    let known = !narrowed && class_of(&NOUNS, word).is_some()
        || class_of(&CHANGE, word).is_some()
        || !narrowed && PEOPLE.contains(&word)
        || !narrowed && counted::is_people_noun(word)
        || THINGS.contains(&word)
        // "31 cents a share" is money
        || crate::lexicon::CURRENCIES.subunits.contains(&word)
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
    let head = counted::singular(&c.head);
    // "confirmed that nine depots were closed": the act told of the noun after it
    // is its own, not the verb before the figure
    let passive = ws
        .get(c.at + 1)
        .is_some_and(|w| crate::lexicon::ACTS.auxiliaries.contains(&w.low_str()));
    let before = act;
    let act = || passive.then(after).flatten().or_else(&before);
    // "agreeing a $3.6 billion loan" is the amount of the loan, as "a loan of $4.2
    // billion" is: a sum's key is the noun it is the amount of, not the verb that
    // handles it
    if kind == ClaimKind::Money {
        let what = open_key(&head, c.modifier.as_deref(), None);
        return Some(MeasureKey::open(format!("amount of {what}"), None));
    }
    Some(open_key(&head, c.modifier.as_deref(), act().as_deref()))
}

/// The open key of a percentage whose noun the lexicon has no class for: the
/// noun it is a share of ("25% of the jewelry market" → "jewelry market %") or
/// the noun it sizes after an article or a possessive ("a 50% stake" → "stake %";
/// "5% higher", "rose 60 percent overnight" size nothing). A name after "of" ("45% of
/// Americans"), people ("95% of children"), a change, a span or an event gives none.
pub(crate) fn open_percent(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    figures: &[(usize, usize)],
) -> Option<MeasureKey> {
    let of = ws.get(last + 1).is_some_and(|w| w.low_str() == "of");
    // "a 50% stake", "an unwelcome 12.45% stake", "its 20% share": an article or a
    // possessive opens the phrase the figure sizes
    let article = |p: usize| opens_a_phrase(ws[p].low_str());
    let opened = first.checked_sub(1).is_some_and(|p| {
        article(p)
            || (p >= 1 && article(p - 1) && ws[p].low_str().bytes().all(|b| b.is_ascii_lowercase()))
    });
    let c = if of {
        let mut k = last + 2;
        while ws
            .get(k)
            .is_some_and(|w| w.low_str() == "all" || counted::determiner(w.low_str()))
        {
            k += 1;
        }
        counted::counted(ws, k - 1, figures)?
    } else {
        counted::counted(ws, last, figures)?
    };
    let word = ws[c.at].low_str();
    // without one, only a plural noun is sized ("13.5% bonds"): "5% higher" and
    // "60 percent overnight" size nothing
    let plural_after = word.len() > 3 && word.ends_with('s') && c.at <= last + 2;
    if !(of || opened || plural_after) {
        return None;
    }
    if PERIOD_UNITS.contains(&word)
        || LONG_UNITS.contains(&word)
        || event_of(word).is_some()
        || crate::lexicon::ACTS.change_nouns.contains(&word)
        // "95% of children need two doses": a share of people is a share of
        // what they do, which the noun does not say
        || PEOPLE.contains(&word)
        || counted::is_people_noun(word)
    {
        return None;
    }
    let what = open_key(&counted::singular(&c.head), c.modifier.as_deref(), None);
    Some(MeasureKey::open(format!("{what} %"), None))
}

/// Does `w` (lower case) open a noun phrase: an article, a determiner of a whole
/// ("its", "their") or a possessive ("the union's")?
fn opens_a_phrase(w: &str) -> bool {
    matches!(w, "a" | "an" | "the") || counted::determiner(w) || w.ends_with("'s")
}

/// The open key of a percentage that sizes a change of a named thing: "a 12 percent
/// pay rise", "a pay rise of 3.5 percent" → "pay rise %", with the act the phrase
/// is the object of ("offered", "demanding"), so an offer and a demand never meet.
/// A change without a noun of its own ("a 10 percent rise") sizes nothing.
pub(crate) fn sized_change(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    figures: &[(usize, usize)],
) -> Option<MeasureKey> {
    let changes = &crate::lexicon::ACTS.change_nouns;
    let word = |j: usize| ws.get(j).map_or("", |w| w.low_str());
    let modifier_at = |k: usize| {
        let w = ws[k].text();
        let low = word(k);
        low.len() >= 3
            && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && !counted::is_function_word(low)
            && !changes.contains(&low)
            && !PEOPLE.contains(&low)
            && !counted::is_people_noun(low)
            && !PERIOD_UNITS.contains(&low)
            && !low.ends_with("ed")
            && !low.ends_with("ly")
    };
    let (modifier, head, opens) = if first >= 3
        && word(first - 1) == "of"
        && changes.contains(&word(first - 2))
        && modifier_at(first - 3)
    {
        // "a pay rise of 3.5 percent"
        (first - 3, first - 2, first - 3)
    } else if last + 2 < ws.len()
        && first >= 1
        && opens_a_phrase(word(first - 1))
        && changes.contains(&word(last + 2))
        && modifier_at(last + 1)
    {
        // "a 12 percent pay rise"
        (last + 1, last + 2, first)
    } else if first >= 1 && opens_a_phrase(word(first - 1)) && changes.contains(&word(last + 1)) {
        // "demanding a 7 percent increase": a bare change, keyed only as
        // the object of an offer or a demand
        let (lo, _) = clause(ws, first);
        let act = counted::act(ws, first - 1, lo, figures)?;
        let folded = crate::lexicon::fold_act(&act, true);
        if !crate::lexicon::ACTS.bargaining_acts.contains(&folded) {
            return None;
        }
        let rise = crate::lexicon::ACTS.rise_nouns.contains(&word(last + 1));
        return rise.then(|| MeasureKey::open("rise %".to_string(), Some(folded)));
    } else {
        return None;
    };
    let opens = if opens >= 1 && opens_a_phrase(word(opens - 1)) {
        opens - 1
    } else {
        opens
    };
    let (lo, _) = clause(ws, first);
    let act = counted::act(ws, opens, lo, figures);
    let what = format!("{} {} %", word(modifier), counted::singular(word(head)));
    Some(MeasureKey::open(what, act.as_deref()))
}

/// The open key of a percentage given as the level of a subject the lexicon has no
/// class for: "annual inflation reached 38 percent" → "annual inflation %",
/// "unemployment fell to 5%", "turnout was 64%", "with inflation at 40 percent".
/// The subject is the word right before the verb (past its auxiliaries) with the one
/// modifier before it; a name, a pronoun, people, a span or an event gives none, and
/// so does a change without "to" ("prices rose 60%": by how much, not to what level).
pub(crate) fn open_subject_percent(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
) -> Option<MeasureKey> {
    let acts = &crate::lexicon::ACTS;
    let word = |j: usize| ws.get(j).map_or("", |w| w.low_str());
    let prev = first.checked_sub(1)?;
    // "turnout of 47 percent at the count": the noun the share is of
    // names its level, as "turnout was 51.8 percent" does
    // (the noun's phrase opens the sentence or an article opens it: "requires
    // coverage of 95%" leaves a verb where the modifier would be)
    if word(prev) == "of" && prev >= 1 && ws.get(last + 1).is_none_or(|w| w.low_str() != "of") {
        let j = prev - 1;
        let opened = j == 0 || opens_a_phrase(word(j - 1)) || j >= 2 && opens_a_phrase(word(j - 2));
        return opened.then(|| subject_key(ws, j)).flatten();
    }
    let verb_at = if matches!(word(prev), "to" | "at") {
        let v = prev.checked_sub(1)?;
        let w = word(v);
        if acts.level_verbs.contains(&w) || acts.rate_level_verbs.contains(&w) {
            Some(v)
        } else if word(prev) == "at" && v >= 1 && word(v - 1) == "with" {
            // "with inflation at 40 percent": the noun itself before "at"
            return subject_key(ws, v);
        } else {
            None
        }
    } else {
        let w = word(prev);
        acts.rate_direct_verbs.contains(&w).then_some(prev)
    }?;
    // "the county is 43 percent rural", "99.9 percent sure": a degree of the word
    // after it, not a level of the subject
    if ws.get(last + 1).is_some_and(|w| degree_word(w.low_str())) {
        return None;
    }
    // "has risen to", "had been": the subject stands before the auxiliaries
    let mut j = verb_at.checked_sub(1)?;
    while acts.auxiliaries.contains(&word(j)) && word(j) != "now" {
        j = j.checked_sub(1)?;
    }
    // "methane levels at the coal face had reached": the subject's head stands
    // before the phrase that places it
    let places = &crate::lexicon::PLACES.place_prepositions;
    if let Some(p) = (j.saturating_sub(4)..j)
        .rev()
        .find(|&p| places.contains(&word(p)) || matches!(word(p), "in" | "at" | "on"))
        && p >= 1
        && (p + 1..=j).all(|k| {
            ws[k]
                .text()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-')
        })
    {
        return subject_key(ws, p - 1).or_else(|| subject_key(ws, j));
    }
    subject_key(ws, j)
}

/// A word after a percentage that the percentage is a degree of ("43 percent
/// rural", "100 percent sure"): a plain word that is no function word and no word
/// of time.
fn degree_word(w: &str) -> bool {
    w.len() > 2
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !counted::is_function_word(w)
        && !matches!(w, "last" | "this" | "next" | "overall" | "according")
        && !crate::lexicon::PERIODS.time_units.contains(&w)
        && !crate::lexicon::CALENDAR
            .months
            .iter()
            .any(|m| m.contains(&w))
}

/// `open_subject_percent`'s key for the subject whose head is word `j`.
fn subject_key(ws: &Sentence<'_>, j: usize) -> Option<MeasureKey> {
    let noun_like = |k: usize, head: bool| {
        let w = &ws[k];
        let low = w.low_str();
        let capital = w.text.starts_with(char::is_uppercase);
        low.len() >= 3
            && low.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && (!capital || k == 0 || ws.title_case())
            && !counted::is_function_word(low)
            && !counted::determiner(low)
            && !PEOPLE.contains(&low)
            && !counted::is_people_noun(low)
            && !PERIOD_UNITS.contains(&low)
            && event_of(low).is_none()
            && (head || !low.ends_with("ed"))
    };
    if !noun_like(j, true) {
        return None;
    }
    // a noun of the lexicon ("turnout") is its class's share
    if let Some(m) = class_of(&NOUNS, ws[j].low()) {
        return Some(MeasureKey::Percent(m));
    }
    // "the $5.1 billion market": a figure's words are no modifier
    let number_word = |w: &str| {
        let n = &crate::lexicon::NUMBER_WORDS;
        n.scales
            .iter()
            .chain(&n.units)
            .chain(&n.tens)
            .any(|(x, _)| *x == w)
            || n.plural_scales.iter().any(|(x, _)| *x == w)
    };
    // "by noon turnout": a word after a preposition is no modifier
    let after_preposition = j >= 2 && {
        let w = ws[j - 2].low_str();
        counted::is_function_word(w) && !matches!(w, "a" | "an" | "the") && !counted::determiner(w)
    };
    let modifier = (j >= 1
        && noun_like(j - 1, false)
        && !number_word(ws[j - 1].low_str())
        && !after_preposition)
        .then(|| ws[j - 1].low_str());
    // "the rate was 3.9 percent": a level of what, the sentence does not say
    if modifier.is_none()
        && crate::lexicon::NOUN_PHRASE
            .generic_heads
            .contains(&ws[j].low_str())
    {
        return None;
    }
    // "the inflation rate", "methane levels": the level of what narrows it
    if let Some(m) = modifier
        && crate::lexicon::NOUN_PHRASE
            .level_heads
            .contains(&ws[j].low_str())
    {
        return Some(MeasureKey::open(format!("{m} %"), None));
    }
    let what = open_key(&counted::singular(ws[j].low_str()), modifier, None);
    Some(MeasureKey::open(format!("{what} %"), None))
}

/// The supply (`lexicon/things.toml: supplies`) a word names, as its line's first word.
fn supply(w: &str) -> Option<&'static str> {
    crate::lexicon::THINGS
        .supplies
        .iter()
        .find(|line| line.contains(&w))
        .and_then(|line| line.first().copied())
}

/// The open key of a count of homes, customers or people cut off from a supply:
/// "120,000 homes without power", "95,000 customers had lost electricity",
/// "power had been cut to 120,000 homes" all key "without power".
pub(crate) fn cut_off(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    figures: &[(usize, usize)],
) -> Option<MeasureKey> {
    let (lo, hi) = clause(ws, first);
    let figure_at = |j: usize| figures.iter().any(|&(a, b)| a <= j && j <= b);
    let key = |s: &str| MeasureKey::open(format!("without {s}"), None);
    // after the counted noun: "without power", "had lost electricity"
    let head = counted::counted(ws, last, figures).map_or(last, |c| c.at);
    let mut j = head + 1;
    while j < hi.min(head + 5) && !figure_at(j) {
        let w = ws[j].low_str();
        if matches!(w, "without" | "lost" | "lose" | "losing")
            && let Some(s) = ws.get(j + 1).and_then(|n| supply(n.low_str()))
        {
            // "still without power": the count on the day of writing, which
            // changes from day to day, is no account of the outage
            if ws[j - 1].low_str() == "still" {
                return None;
            }
            return Some(key(s));
        }
        if w == "," || opens_an_object(w) && w != "without" {
            break;
        }
        j += 1;
    }
    // before the figure: "power had been cut to", "knocked out electricity to"
    if first >= lo + 2 && ws[first - 1].low_str() == "to" {
        let from = first.saturating_sub(6).max(lo);
        let cut = (from..first - 1).any(|k| matches!(ws[k].low_str(), "cut" | "out" | "off"));
        let s = (from..first - 1).find_map(|k| supply(ws[k].low_str()));
        if cut && let Some(s) = s {
            return Some(key(s));
        }
    }
    None
}

/// The act a count of people undergoes, told right after it or after the people
/// it counts ("900 residents had lost contact", "four others are trapped",
/// "Fifteen trapped"), when no cue of harm or change stands between the figure
/// and the end of the act's clause part.
/// The act done to the people a figure counts, told right before it by a verb of
/// `acts.toml: same_act` ("exchanged 112 prisoners", "will send 300 monitors"), read
/// only when no class of the lexicon binds the figure: the act `open_people` keys.
pub(crate) fn act_on_people(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    figures: &[(usize, usize)],
) -> Option<&'static str> {
    let c = counted::counted(ws, last, figures)?;
    let w = ws[c.at].low_str();
    if !counted::is_people_noun(w) && !PEOPLE.contains(&w) {
        return None;
    }
    crate::lexicon::same_act(ws.get(first.checked_sub(1)?)?.low_str())
}

pub(crate) fn own_act(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    figures: &[(usize, usize)],
) -> Option<String> {
    // "a gunman", "A 16-year-old": one person the figure names itself
    if matches!(ws[first].low_str(), "a" | "an")
        || (first..=last).any(|j| {
            let w = ws[j].low_str();
            crate::lexicon::PEOPLE.singular.contains(&w)
        })
    {
        return None;
    }
    let (_, hi) = clause(ws, first);
    let at = match counted::counted(ws, last, figures) {
        Some(c) => {
            let w = ws[c.at].low_str();
            if !counted::is_people_noun(w) && !PEOPLE.contains(&w) {
                return None;
            }
            c.at
        }
        None => match ws.get(last + 1).map(|w| w.low_str()) {
            Some("others" | "other" | "more") => last + 1,
            _ => last,
        },
    };
    // a cue of change is the closed model's
    let acts = &crate::lexicon::ACTS;
    let harm = |w: &str| {
        class_of(&CHANGE, w).is_some()
            || acts.harm_verbs.contains(&w)
            || acts.transitive.contains(&w)
    };
    let act = counted::act_after(ws, at, hi)?;
    // "four others are trapped", but not "four people were killed", "1,180
    // confirmed dead" (a cue right after the act) nor "40 passengers" (a counted
    // noun the lexicon knows)
    // the cue may follow the act to the end of its part of the clause ("had
    // been forced from their homes")
    let act_at = (at + 1..hi).find(|&j| ws[j].low_str() == act)?;
    let end = (act_at + 1..hi)
        .find(|&j| {
            matches!(ws[j].low_str(), "," | "and" | "but" | "while")
                || figures.iter().any(|&(a, _)| a == j)
        })
        .unwrap_or(hi);
    let near = (last + 1..end).any(|j| harm(ws[j].low_str()));
    let between = (last + 1..=at).any(|j| class_of(&NOUNS, ws[j].low_str()).is_some());
    (!near && !between).then_some(act)
}

/// The open key of a count of people under its own act (`own_act`), told after
/// them ("900 residents had lost contact" → "people, lost"): people of
/// any noun fold into one, so "twelve miners are trapped" meets "fifteen men are
/// trapped"; only the same act meets it.
pub(crate) fn open_people(act: &str) -> MeasureKey {
    open_key("people", None, Some(act))
}

/// The written form of an open key: "game, missed", "parliamentary seat".
pub(crate) fn open_key(head: &str, modifier: Option<&str>, act: Option<&str>) -> MeasureKey {
    let what = match modifier {
        Some(m) if m.ends_with("ing") => format!("{head} {m}"),
        Some(m) => format!("{m} {head}"),
        None => head.to_string(),
    };
    MeasureKey::open(what, act)
}

/// The key of a figure given in a unit, with no word of the lexicon to say what it
/// measures: the unit itself ("14,200 acres", "63,500 pounds of sausage"), unless
/// the figure sizes the word after it ("a 38-yard field goal", "a 7mm rifle",
/// "5 feet tall", "three metres wide") or describes a person ("weighing 180
/// pounds", "5 feet 8 inches"): such a figure is one thing's size among many that
/// a report gives in that unit, and meets no other.
pub(crate) fn unit_key(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    unit: &str,
) -> Option<MeasureKey> {
    let next = ws.get(last + 1);
    // "5 feet 8 inches", "5-foot-8": a height told in two units
    let paired = next.is_some_and(|w| w.text().starts_with(|c: char| c.is_ascii_digit()));
    // "the driver, 5 feet tall and weighing 180 pounds"
    let described = (first.saturating_sub(4)..first).any(|j| {
        let w = ws[j].low_str();
        w.starts_with("weigh") || matches!(w, "tall" | "height" | "stood" | "stands")
    });
    // a word of content right after the unit: the figure sizes it
    let sizes = next.is_some_and(|w| {
        let low = w.low_str();
        // ("140 yards Sunday": a name or a day after it is sized by nothing)
        w.text().starts_with(|c: char| c.is_lowercase())
            && w.text().chars().all(|c| c.is_alphabetic() || c == '-')
            && !counted::is_function_word(low)
            && !PASSIVE.contains(&low)
            && !crate::lexicon::PLACES.directions.contains(&low)
            && !crate::lexicon::PLACES.place_prepositions.contains(&low)
            && !crate::lexicon::ACTS.auxiliaries.contains(&low)
    });
    let key = MeasureKey::unit(unit);
    // a unit that is a measure of the lexicon ("a 6.1-magnitude quake") says
    // what it measures wherever it stands
    let named = matches!(key, MeasureKey::Class(_));
    (named || !(paired || described || sizes)).then_some(key)
}
