//! Takes a figure and its sentence's words, hands on what it measures and the
//! event it belongs to.
//! Rule that is not obvious: the measure comes from the words bound to the figure
//! in its own clause ("40 people lost their lives" → deaths), and a verb of
//! change ("killed", "injured", "displaced") outranks the counted noun, so
//! "200 soldiers dead" is a death toll, not a troop strength.
//! Jobs by file: `binding` (clause, cues, parts and rates), `cues` (the word
//! tables), `date_of` (what a date dates), `frame` (what a sum or a span is of), `open` (open keys), `shooting` (rules
//! only reports of shootings need); the tokenizer is `extract::token`, the event
//! classes `crate::event`, names `extract::names`.

mod binding;
mod cues;
mod date_of;
mod frame;
pub(crate) mod open;
mod shooting;

pub use binding::SUBJECT_REACH;
pub use cues::mentions_death;
pub use date_of::{happening_now, times_an_injury};

use self::binding::*;
use self::cues::*;
use self::date_of::dated_event;
use self::frame::frame_key;
use self::open::{open_count, open_people};
use self::shooting::{ammunition_carried, perceived, shot_victims};
use crate::event::EventClass;
use crate::event::sudden;
use crate::extract::token::Sentence;
use crate::key::{Measure, MeasureKey};
use crate::model::ClaimKind;

#[cfg(test)]
mod tests;

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
) -> (Option<MeasureKey>, Option<EventClass>) {
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
        ClaimKind::Date => dated_event(ws, first, last).map(MeasureKey::DateOf),
        // "jailed for 12 years", "a 16-day strike": the length of what it hangs on
        ClaimKind::Duration => frame_key(ws, first, last, &figures, kind, true),
        // "shot three times" counts shots; "three of those injured" is a part
        // of a group whose size is given elsewhere
        ClaimKind::Count if frequency_or_part(ws, last) => None,
        // "licensed to carry 250 passengers": what it may hold, not what it held
        ClaimKind::Count | ClaimKind::Quantity if capacity(ws, first) => None,
        // "raised the number of seats from 65 to 125": 65 is what it was
        ClaimKind::Count | ClaimKind::Quantity if earlier_value(ws, first, last, &figures) => None,
        // "a trial of 1,540 people", "the trial enrolled 1,450 patients"
        ClaimKind::Count if in_a_study(ws, first, last) => {
            Measure::named("study participants").map(MeasureKey::Class)
        }
        // "120,000 homes without power", "power was cut to 95,000 customers"
        ClaimKind::Count if let Some(k) = open::cut_off(ws, first, last, &figures) => Some(k),
        // "net of $41.7 million, or 62 cents a share", "9 Canadian cents a
        // share": a sum in cents per share
        ClaimKind::Count if let Some(cents) = subunit_after(ws, last) => {
            per_share(ws, first, cents, &figures)
        }
        ClaimKind::Count | ClaimKind::Quantity => {
            // "four others are trapped": people under an act of their own,
            // read once for the change cue and for the open key
            let own_act = open::own_act(ws, first, last, &figures);
            // "15 stab wounds", "two counts of murder", "50 miles": a change cue
            // nearby happened to people, not to what this figure counts
            let change = if counts_things(ws, last)
                || (kind == ClaimKind::Quantity && unit.is_some_and(|u| !u.is_empty()))
            {
                None
            } else if agent(ws, first, last, &figures) {
                // "a gunman shot and killed two men": the figure did it
                None
            } else if sought(ws, first) {
                // "no charges yet, and rangers are searching for three hikers":
                // the sought are no one's toll
                None
            } else if own_act.is_some() {
                // "one was killed and four others are trapped": the figure's
                // own act, no cue of change, is what happened to it
                None
            } else {
                // "two dead and a wounded 9-year-old boy": a figure that
                // says itself whether its people died or were hurt
                let own = || {
                    (first + 1..=last).find_map(|j| {
                        class_of(&CHANGE, ws[j].low())
                            .filter(|m| matches!(*m, Measure::DEATHS | Measure::INJURED))
                    })
                };
                match nearest_cue(ws, first, last, &figures, &CHANGE, 8) {
                    Some((m, d)) if matches!(m, Measure::DEATHS | Measure::INJURED) => {
                        Some((own().unwrap_or(m), d))
                    }
                    other => other,
                }
            };
            let noun = nearest_cue(ws, first, last, &figures, &NOUNS, 4)
                // "140 rescue workers", "300 aid workers": a noun narrowed by a
                // noun of its own is not the class's ("workers" are jobs)
                .filter(|(m, _)| !narrowed(ws, last, *m))
                // "a rifle was emptied and 3 bystanders were hit": the figure counts people
                .filter(|(m, _)| !(counts_people(ws, last) && THING_MEASURES.contains(m)))
                // "of those confirmed dead, 51 were passengers": a noun after a
                // copula says what some of a group were, not what the figure counts
                .filter(|_| {
                    !ws.get(last + 1)
                        .is_some_and(|w| matches!(w.low_str(), "were" | "was" | "are" | "is"))
                })
                // "287 passengers and 19 crew": people of another noun named
                // right after the figure are what it counts
                .filter(|(m, _)| {
                    let joined = first
                        .checked_sub(1)
                        .is_some_and(|p| ws[p].low_str() == "and");
                    !(joined && names_other_people(ws, last, *m))
                })
                // "the passengers included 33 children": people of another
                // noun right after the figure are what it counts, not the
                // subject's class before the verb ("employs 400 engineers"
                // keeps the verb's)
                .filter(|(m, _)| {
                    let generic = ws
                        .get(last + 1)
                        .is_some_and(|n| matches!(n.low_str(), "people" | "persons" | "others"));
                    let before = (first.saturating_sub(5)..first.saturating_sub(1))
                        .any(|k| class_of(&NOUNS, ws[k].low()) == Some(*m));
                    let after = (last + 1..ws.len().min(last + 5))
                        .any(|k| class_of(&NOUNS, ws[k].low()) == Some(*m));
                    !before || after || generic || !names_other_people(ws, last, *m)
                })
                // "each is held on a bond of …", "charges against two men": sums of
                // money are given as money
                .filter(|(m, _)| !MONEY_MEASURES.contains(m))
                // "a box of 50 rounds of ammunition": rounds carried, not shots fired
                .filter(|(m, _)| !(*m == Measure::SHOTS && ammunition_carried(ws, last)))
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
                    .then(|| subject_cue(ws, first, &figures, false))
                    .flatten()
                    .map(|m| (m, 0))
            });
            // "22 miners were brought out alive": the rescued
            let change = change.or_else(|| {
                (!counts_things(ws, last) && brought_out_alive(ws, first, last))
                    .then_some((Measure::RESCUED, 0))
            });
            // "86 tackles", "missing four games": a figure that names what it
            // counts, in words the lexicon has no class for, keeps a key of its
            // own words; a change cue nearby happened to someone else
            // "two lift attendants were killed": a noun the lexicon does not
            // know, killed or hurt, counts people, and the change is theirs
            let living = harmed_people(ws, first, last, &figures, change.map(|(m, _)| m));
            if !living && let Some(key) = open_count(ws, first, last, &figures, kind, unit) {
                return finish(ws, first, last, kind, Some(key), event);
            }
            // "the town is home to 80,000 people": its population, where a
            // home is no count of people otherwise ("two children inside the home")
            let noun = noun.or_else(|| home_to(ws, first).map(|m| (m, 0)));
            match (change, noun) {
                (Some((c, _)), _) if c != Measure::JOBS_CUT => Some(MeasureKey::Class(c)),
                // "will cut 1,200 jobs": the cut, not the headcount it is cut from
                (Some(_), Some((Measure::JOBS, _))) => Some(MeasureKey::Class(Measure::JOBS_CUT)),
                // "would cut 640 of its 5,200 jobs": the part cut of the whole
                (Some((Measure::JOBS_CUT, _)), None)
                    if ws.get(last + 1).is_some_and(|w| w.low_str() == "of")
                        && (last + 2..ws.len().min(last + 9))
                            .any(|k| class_of(&NOUNS, ws[k].low()) == Some(Measure::JOBS)) =>
                {
                    Some(MeasureKey::Class(Measure::JOBS_CUT))
                }
                (Some(_), _) => None,
                // "one man is dead and three other people were shot": the
                // others shot beside the dead are the wounded
                (None, _)
                    if others_beside_the_dead(ws, first, last)
                        && shot_victims(ws, first, last, &figures) =>
                {
                    Some(MeasureKey::Class(Measure::INJURED))
                }
                // "the four others hit by gunfire" leaves out someone counted
                // before: a part of those shot, not their number
                (None, _)
                    if shot_victims(ws, first, last, &figures)
                        && !matches!(
                            ws.get(last + 1).map(|w| w.low().as_str()),
                            Some("others" | "other")
                        ) =>
                {
                    Some(MeasureKey::Shot)
                }
                (None, Some((n, _))) => Some(MeasureKey::Class(n)),
                (None, None) => unit
                    .filter(|u| !u.is_empty())
                    .and_then(|u| open::unit_key(ws, first, last, u))
                    .or_else(|| own_act.as_deref().map(open_people))
                    // "exchanged 112 prisoners": the act done to them
                    .or_else(|| open::act_on_people(ws, first, last, &figures).map(open_people)),
            }
        }
        ClaimKind::Percent | ClaimKind::Money if earlier_value(ws, first, last, &figures) => None,
        // "$4.55 a share" beside "revenue of $12.97 billion": a rate is
        // neither the revenue nor a part of it; "earned $49 million, or $4.55
        // a share" restates the sum before it per share
        ClaimKind::Money if frame::per_unit(ws, last) => per_share(ws, first, last, &figures),
        ClaimKind::Percent => nearest_cue(ws, first, last, &figures, &NOUNS, 10)
            // "cut 10% of its workforce" is a cut of jobs; "cut the rate of
            // relapses by 38%" is not: as for a count, the cut of jobs needs jobs
            .or_else(|| {
                nearest_cue(ws, first, last, &figures, &CHANGE, 6)
                    .filter(|(m, _)| *m != Measure::JOBS_CUT)
            })
            // "coverage with two doses of the vaccine … stands at 87%": a level
            // reached takes the measure of its subject, however far it stands
            .or_else(|| subject_cue(ws, first, &figures, false).map(|m| (m, 0)))
            .map(|(m, _)| MeasureKey::Percent(m))
            // "a 12 percent pay rise": the change of a named thing it sizes
            .or_else(|| open::sized_change(ws, first, last, &figures))
            // "25% of the jewelry market", "a 50% stake": the noun it is a share of
            .or_else(|| open::open_percent(ws, first, last, &figures))
            // "annual inflation reached 38 percent": the level of its subject
            .or_else(|| open::open_subject_percent(ws, first, last)),
        ClaimKind::Money => money_key(ws, first, last, &figures),
    };
    finish(ws, first, last, kind, measure, event)
}

/// The word of a currency's subunit that the count ending at word `last` is told in
/// as a rate ("62 cents a share", "9 Canadian cents a share"), past one capitalised
/// word of its country.
fn subunit_after(ws: &Sentence<'_>, last: usize) -> Option<usize> {
    let subunit = |k: usize| {
        ws.get(k)
            .is_some_and(|w| crate::lexicon::CURRENCIES.subunits.contains(&w.low_str()))
    };
    let k = if subunit(last + 1) {
        last + 1
    } else if ws
        .get(last + 1)
        .is_some_and(|w| w.text().starts_with(|c: char| c.is_ascii_uppercase()))
        && subunit(last + 2)
    {
        last + 2
    } else {
        return None;
    };
    frame::per_unit(ws, k).then_some(k)
}

/// What the sum at words `first..=last` is of.
fn money_key(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    figures: &[(usize, usize)],
) -> Option<MeasureKey> {
    let kind = ClaimKind::Money;
    // "a minimum $1,000 fine": the noun the sum sizes, when the lexicon
    // folds it, outranks a cue further off ("a misdemeanor charge with …")
    crate::extract::counted::counted(ws, last, figures)
        .and_then(|_| frame_key(ws, first, last, figures, kind, false))
        .or_else(|| {
            nearest_cue(ws, first, last, figures, &NOUNS, 8).map(|(m, _)| MeasureKey::Class(m))
        })
        // "turnover rose 5.2% to $3.16 billion": the level its subject reached
        .or_else(|| subject_cue(ws, first, figures, true).map(MeasureKey::Class))
        // "stole £2.3 million", "a $2 billion fine": a word the lexicon folds
        .or_else(|| frame_key(ws, first, last, figures, kind, false))
        // "a $2 million fee": the noun it is the amount of
        .or_else(|| open_count(ws, first, last, figures, kind, None))
        // "a deal worth £21m": the noun it hangs on
        .or_else(|| frame_key(ws, first, last, figures, kind, true))
}

/// The key of a sum per share that restates the sum right before it ("net income
/// of $41.7 million, or 62 cents a share"): that sum's key, per share. A rate told
/// on its own ("a dividend of 10 cents a share") or of anything but a share gets none.
fn per_share(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    figures: &[(usize, usize)],
) -> Option<MeasureKey> {
    let word = |j: usize| ws.get(j).map_or("", |w| w.low_str());
    if !matches!(word(last + 2), "share" | "diluted") {
        return None;
    }
    let (a, b) = *figures
        .iter()
        .find(|&&(_, b)| first >= 3 && b == first - 3 && word(first - 1) == "or")?;
    if word(first - 2) != "," {
        return None;
    }
    let rest: Vec<(usize, usize)> = figures
        .iter()
        .copied()
        .filter(|&f| f != (a, b))
        .chain([(first, last)])
        .collect();
    let whole = money_key(ws, a, b, &rest)?;
    Some(MeasureKey::open(format!("{whole} per share"), None))
}

/// Is the lexicon's noun of class `m` right after the figure ending at word `last`
/// (past at most two words) narrowed by a lower-case content word right before it
/// that is no modifier of the noun-phrase lists ("140 rescue workers", not "140
/// new workers" nor "1,800 of its 9,400 jobs")?
pub(crate) fn narrowed(ws: &Sentence<'_>, last: usize, m: Measure) -> bool {
    let Some(k) =
        (last + 1..ws.len().min(last + 4)).find(|&k| class_of(&NOUNS, ws[k].low()) == Some(m))
    else {
        return false;
    };
    k >= last + 2 && {
        let before = &ws[k - 1];
        let w = before.low_str();
        w.len() > 2
            && before
                .text()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-')
            && !w.ends_with("ed")
            && !crate::extract::counted::is_function_word(w)
            && !crate::lexicon::PEOPLE.modifiers.contains(&w)
            && !crate::lexicon::NOUN_PHRASE.modifiers.contains(&w)
            // "five people staff the desk": the people are what is counted
            && !crate::extract::counted::is_people_noun(w)
            && !PEOPLE.contains(&w)
            && class_of(&NOUNS, w).is_none()
            && class_of(&CHANGE, w).is_none()
    }
}

/// Does the count at words `first..=last` count the people a study takes in: it
/// follows an act of enrolling (`enrolling_acts`, past one function word), with a
/// study noun (`studies`) right before that act or heading its clause, and counts
/// people ("a trial of 1,540 people", "the trial enrolled 1,450 patients", "a study
/// involving 800 volunteers"; not "a trial of the drug in 40 hospitals")?
fn in_a_study(ws: &Sentence<'_>, first: usize, last: usize) -> bool {
    let studies = &crate::lexicon::THINGS.studies;
    let acts = &crate::lexicon::ACTS.enrolling_acts;
    let Some(act) = (first.saturating_sub(2)..first)
        .rev()
        .find(|&j| acts.contains(&ws[j].low_str()))
    else {
        return false;
    };
    if (act + 1..first).any(|k| !crate::extract::counted::is_function_word(ws[k].low_str())) {
        return false;
    }
    let (lo, _) = clause(ws, first);
    let named = act > 0 && studies.contains(&ws[act - 1].low_str())
        || ws[act].low_str().ends_with("ed")
            && (lo..act).any(|j| studies.contains(&ws[j].low_str()));
    let people = ws.get(last + 1).is_some_and(|w| {
        let w = w.low_str();
        crate::extract::counted::is_people_noun(w) || PEOPLE.contains(&w)
    });
    // "the trial of three brothers accused of arson": a court's defendants
    let defendants = (last + 2..ws.len().min(last + 4)).any(|k| {
        let w = ws[k].low_str();
        crate::lexicon::ACTS.blame_words.contains(&w) || w == "charged"
    });
    named && people && !defendants
}

/// The lower-case noun that narrows the noun of a standing sum `m` (`eventless`:
/// a budget, revenue) nearest to the
/// figure at words `first..=last` in its clause, right before it or as a
/// possessive ("the police budget", "the police department's budget"), unless it
/// only says the sum's scope or kind (`NOUN_PHRASE.scope_words`: annual, total,
/// city, operating): the sum of a part, not of its owner.
fn narrowing(ws: &Sentence<'_>, first: usize, last: usize, m: Measure) -> Option<String> {
    let (lo, hi) = clause(ws, first);
    let k = (lo..hi)
        .filter(|&k| (k < first || k > last) && class_of(&NOUNS, ws[k].low()) == Some(m))
        .min_by_key(|&k| if k < first { first - k } else { k - last })?;
    let plain = |j: usize| {
        let w = ws[j].low_str();
        w.len() > 2
            && ws[j].text().bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && !crate::extract::counted::is_function_word(w)
            // "posted earnings", "expects to report earnings", "reportedly":
            // a verb or an adverb, no noun of a part
            && !w.ends_with("ed")
            && !w.ends_with("ly")
            && !w.ends_with("ing")
            && j.checked_sub(1).is_none_or(|i| ws[i].low_str() != "to")
            && !crate::lexicon::NOUN_PHRASE.modifiers.contains(&w)
            && !crate::lexicon::NOUN_PHRASE.scope_words.contains(&w)
            && class_of(&NOUNS, w).is_none()
    };
    // "a $412 million budget": the figure itself stands before the noun
    let j = k.checked_sub(1).filter(|&j| j < first || j > last)?;
    let w = ws[j].low_str();
    if let Some(owner) = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
        // "the police department's budget"
        let owner_plain = ws[j]
            .text()
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'\'' || b >= 0x80)
            && !crate::lexicon::NOUN_PHRASE.scope_words.contains(&owner)
            && !crate::extract::counted::is_function_word(owner);
        if !owner_plain {
            return None;
        }
        let before = j.checked_sub(1).filter(|&i| plain(i));
        return Some(match before {
            Some(i) => format!("{} {owner}", ws[i].low_str()),
            None => owner.to_string(),
        });
    }
    plain(j).then(|| w.to_string())
}

/// The population, when the figure opening at word `first` follows "home to"
/// and at most two function words ("home to about 80,000").
fn home_to(ws: &Sentence<'_>, first: usize) -> Option<Measure> {
    (first.saturating_sub(4)..first.saturating_sub(1))
        .find(|&j| {
            ws[j].low() == "home"
                && ws[j + 1].low() == "to"
                && (j + 2..first)
                    .all(|k| crate::extract::counted::is_function_word(ws[k].low_str()))
        })
        .and_then(|_| Measure::named("population"))
}

/// Is the figure at words `first..=last` told as others ("three other people",
/// "two others") after a word of death earlier in its sentence?
fn others_beside_the_dead(ws: &Sentence<'_>, first: usize, last: usize) -> bool {
    matches!(
        ws.get(last + 1).map(|w| w.low().as_str()),
        Some("others" | "other")
    ) && (0..first).any(|j| class_of(&CHANGE, ws[j].low()) == Some(Measure::DEATHS))
}

/// Does the text after a figure end its sentence on a verb that stands for
/// another's ("only 81% do.", "40% did")?
pub fn elliptical(after: &str) -> bool {
    let words: Vec<&str> = after
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let pro_verb = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "do" | "does" | "did" | "have" | "has"
        )
    };
    match words.as_slice() {
        [w] => pro_verb(w),
        // "only 81% do so", "40% did too"
        [w, x] => pro_verb(w) && matches!(x.to_lowercase().as_str(), "so" | "too"),
        _ => false,
    }
}

/// The share measure a sentence's predicate names, which a pro-verb after it
/// stands for: the last counted noun of the lexicon in it that is no sum of money
/// ("95% of pupils need two doses of the vaccine" → "vaccination %").
pub fn share_named_in(sentence: &str) -> Option<MeasureKey> {
    let ws = Sentence::new(sentence);
    (0..ws.len())
        .rev()
        .find_map(|j| class_of(&NOUNS, ws[j].low()).filter(|m| !MONEY_MEASURES.contains(m)))
        .map(MeasureKey::Percent)
}

/// The filters every measure passes, whichever way it was found.
pub(crate) fn finish(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    kind: ClaimKind,
    measure: Option<MeasureKey>,
    event: Option<(EventClass, bool)>,
) -> (Option<MeasureKey>, Option<EventClass>) {
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
    let measure =
        measure.filter(|m| !(*m == MeasureKey::Class(Measure::SHOTS) && perceived(ws, first)));
    // the people a shooting or a crash sent to hospital are its injured;
    // those still there on the day of writing are a state that changes daily
    let measure = match (measure, event) {
        (Some(MeasureKey::Class(Measure::HOSPITALISED)), _) if still_there(ws, first) => {
            Some(MeasureKey::StillInHospital)
        }
        (Some(MeasureKey::Class(Measure::HOSPITALISED)), Some((e, _))) if sudden(e) => {
            Some(MeasureKey::HospitalisedInjured)
        }
        (m, _) => m,
    };
    // "the police department's budget grows to $38 million": a part's sum,
    // not the whole's
    let measure = match measure {
        Some(MeasureKey::Class(m)) if m.eventless() => Some(
            narrowing(ws, first, last, m).map_or(MeasureKey::Class(m), |w| {
                MeasureKey::open(format!("{}, {w}", m.as_str()), None)
            }),
        ),
        m => m,
    };
    // "adopted a budget of $421 million on a vote of seven to four": the
    // budget is the council's, not the vote's
    let event = event.filter(|_| !matches!(&measure, Some(MeasureKey::Class(m)) if m.eventless()));
    (measure, event.map(|(e, _)| e))
}

/// Is `measure` a change that happened to what is counted ("deaths", "arrests",
/// people shot), not a counted noun ("troops")? A change outranks a noun.
pub fn is_change_measure(measure: &MeasureKey) -> bool {
    match measure {
        MeasureKey::Class(m) => CHANGE_CUES.iter().any(|(c, _)| *c == m.as_str()),
        MeasureKey::Shot => true,
        _ => false,
    }
}

/// Is the text between two counts of one sentence a noun phrase, perhaps with a
/// place, then "and" ("men and", "people in the capital and", "border soldiers
/// and"): two coordinated groups that share what follows? Not when the first has an
/// act of its own ("28 people shot and").
pub fn joins_two_groups(between: &str) -> bool {
    let words: Vec<&str> = between.split_whitespace().collect();
    let Some((&"and", phrase)) = words.split_last() else {
        return false;
    };
    !phrase.is_empty()
        && phrase.len() <= 4
        && phrase.iter().enumerate().all(|(k, w)| {
            let low = w.to_lowercase();
            let place_word = matches!(
                low.as_str(),
                "in" | "at" | "of" | "the" | "from" | "on" | "near"
            );
            w.chars().all(char::is_alphabetic)
                && !low.ends_with("ed")
                && class_of(&CHANGE, &low).is_none()
                && !crate::lexicon::ACTS.harm_verbs.contains(&low.as_str())
                && (!crate::extract::counted::is_function_word(&low) || (k > 0 && place_word))
        })
}

/// Does `measure` count people ("deaths", people shot), as no thing, sum or open key does?
pub fn counts_people_measure(measure: &MeasureKey) -> bool {
    match measure {
        MeasureKey::Class(m) => !THING_MEASURES.contains(m) && !MONEY_MEASURES.contains(m),
        MeasureKey::Shot | MeasureKey::HospitalisedInjured | MeasureKey::StillInHospital => true,
        _ => false,
    }
}

/// May the figure at `start..end` of the sentence `ws` take `measure` from a figure
/// it is coordinated with? Not a measure of things when it names people ("50
/// rounds were fired and one woman was hit").
/// Nor a measure of people when it names the things it counts ("killing two
/// people and leaving 9,000 homes without power").
/// Nor when the figure is a part or a rate that `measure_in` left without a
/// measure on purpose ("six hurt, including three pupils and a guard"), or
/// has a verb of its own ("and three others were shot"), nor a class of people
/// when it names people of another noun ("287 passengers and 19 crew").
pub fn may_share(ws: &Sentence<'_>, start: usize, end: usize, measure: &MeasureKey) -> bool {
    let Some((first, last)) = span_words(ws, start, end) else {
        return true;
    };
    // (a measure of things, a measure of people); money and open keys are neither
    let (of_things, of_people) = match measure {
        MeasureKey::Class(m) if THING_MEASURES.contains(m) => (true, false),
        MeasureKey::Class(m) => (false, !MONEY_MEASURES.contains(m)),
        MeasureKey::Shot => (false, true),
        _ => (false, false),
    };
    let people_as_things = of_things && counts_people(ws, last);
    // ("dozens of depots" names its things after "of")
    let of_things_named = || {
        ws.get(last + 1).is_some_and(|w| w.low_str() == "of")
            && (counts_things(ws, last + 1) || counts_things(ws, last + 2))
    };
    let things_as_people = of_people && (counts_things(ws, last) || of_things_named());
    // "two were killed and three others were shot": a figure with a verb of
    // its own says what happened to it, or leaves it unsaid
    let own_verb = has_own_verb(ws, last, clause(ws, first).1, &[]);
    // "employs 900 people and runs dozens of depots": a verb of its own
    // between the "and" and the figure opens another predicate
    let own_predicate = first >= 2 && {
        let w = ws[first - 1].low_str();
        w.len() > 2
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && !crate::extract::counted::is_function_word(w)
            && matches!(ws[first - 2].low_str(), "and" | "but" | "while")
    };
    // "287 passengers and 19 crew": people of another noun than the class the
    // first figure counts are not of that class (a change, "killed", is shared)
    let other_people = match measure {
        MeasureKey::Class(m) if !is_change_measure(measure) => names_other_people(ws, last, *m),
        _ => false,
    };
    !(people_as_things
        || things_as_people
        || other_people
        || own_verb
        || own_predicate
        || in_an_aside(ws, first)
        || over_a_period(ws, first, last))
}
