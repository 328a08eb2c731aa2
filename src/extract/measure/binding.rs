//! Takes a sentence's words and a figure's word span, hands on what binds to the
//! figure: the clause around it, the nearest cue of a table, its event word, and
//! the tests that make a figure a part, a rate, a tally, a name or an agent.
//! Rule that is not obvious: the search for a cue stays inside the clause and
//! stops at another figure, so each figure of "four were killed and one was
//! injured" takes its own clause's cue.

use super::cues::*;
use crate::event::EventClass;
use crate::extract::token::{Lower, NO_WORD, Sentence, Tok, capitalised};
use crate::key::Measure;
use crate::model::ClaimKind;

pub(crate) fn is_clause_break(w: &str) -> bool {
    matches!(w, ";" | "—" | "–" | "(" | ")" | ":")
}

/// Words that open a new clause, so a cue beyond them belongs to another figure.
pub(crate) fn opens_clause(w: &str) -> bool {
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
            | "whose"
    )
}

/// Index range of the words in the clause around word `i`.
pub(crate) fn clause(ws: &Sentence<'_>, i: usize) -> (usize, usize) {
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

/// Where an aside that opens at word `j` ends: the word after its closing dash
/// or comma, for an aside set off by two dashes ("— all former firemen —",
/// "-- all former firemen --") or by a comma and a relative pronoun (", who
/// staff say had just begun his shift,"), at most 12 words long and holding no cue
/// of `table` and no figure's digits. None when no such aside opens at `j`.
fn aside_end(ws: &Sentence<'_>, j: usize, table: &Cues) -> Option<usize> {
    const ASIDE_REACH: usize = 12;
    if j >= ws.len() {
        return None;
    }
    let token_dash = |k: usize| ws.get(k).is_some_and(|w| matches!(w.text, "—" | "–"));
    let (body, end) = if token_dash(j) {
        let close = (j + 2..ws.len().min(j + ASIDE_REACH + 2)).find(|&k| token_dash(k))?;
        (j + 1..close, close + 1)
    } else if j > 0 && ws.dash_before(j) && !token_dash(j - 1) {
        let close = (j + 1..ws.len().min(j + ASIDE_REACH + 1)).find(|&k| ws.dash_before(k))?;
        (j..close, close)
    } else if ws[j].text == ","
        && ws
            .get(j + 1)
            .is_some_and(|n| matches!(n.low_str(), "who" | "which"))
    {
        let close = (j + 2..ws.len().min(j + ASIDE_REACH + 2)).find(|&k| ws[k].text == ",")?;
        (j + 1..close, close + 1)
    } else {
        return None;
    };
    let plain = body.clone().all(|k| {
        let w = ws[k].low_str();
        class_of(table, w).is_none()
            && !w.bytes().any(|b| b.is_ascii_digit())
            && !is_clause_break(ws[k].text)
    });
    (plain && end < ws.len()).then_some(end)
}

/// Is the word at `j` a noun of a place that is a cue only as where people were
/// taken or kept (`things.toml: place_cues`: "taken to hospital", "in the
/// hospital"), standing with no such preposition before it ("The hospital
/// employs 4,100 staff", "the hospital's 900 beds")?
fn unplaced(ws: &Sentence<'_>, j: usize) -> bool {
    crate::lexicon::THINGS.place_cues.contains(&ws[j].low_str())
        && !(j.saturating_sub(6)..j).any(|k| {
            crate::lexicon::THINGS
                .place_cue_openers
                .contains(&ws[k].low_str())
        })
}

/// Does the predicate at word `k`, after an aside, tell what befell its subject:
/// a passive or perfect auxiliary ("-- were killed", ", had a gunshot wound") or
/// a cue of `table` itself? An active verb ("— fired at the guards, wounding
/// two", ", said the toll would rise") tells what the
/// subject did.
fn passive_after(ws: &Sentence<'_>, k: usize, table: &Cues) -> bool {
    ws.get(k).is_some_and(|w| {
        let w = w.low_str();
        PASSIVE.contains(&w) || matches!(w, "had" | "has" | "have") || class_of(table, w).is_some()
    })
}

/// Nearest cue of `table` to the figure occupying words `first..=last`, searched
/// within the clause and at most `reach` words away, not across another figure.
pub(crate) fn nearest_cue(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    figures: &[(usize, usize)],
    table: &Cues,
    reach: usize,
) -> Option<(Measure, usize)> {
    let (lo, mut hi) = clause(ws, first);
    let mut best: Option<(Measure, usize)> = None;
    // after the figure
    let mut d = 0;
    let mut j = last + 1;
    while d < reach {
        // "three ushers -- all of them former firemen -- were
        // killed", "a 52-year-old porter, who staff say had just begun his shift,
        // was struck": an aside set off right after the figure's noun phrase,
        // with no cue of its own, is stepped over to the predicate beyond
        if d <= 3
            && let Some(k) = aside_end(ws, j, table).filter(|&k| passive_after(ws, k, table))
        {
            j = k;
            hi = hi.max(clause(ws, k).1);
            continue;
        }
        if j >= hi {
            break;
        }
        let w = ws[j].low();
        // "five more, including a nine-year-old, were hurt": the aside's
        // figures are parts; the cue lies beyond it
        // "some 45,000 people, according to a police estimate, rallied": an
        // attribution set off by commas is no part of the clause
        if w == ","
            && ws.get(j + 1).is_some_and(|n| n.low_str() == "according")
            && let Some(k) = (j + 2..hi).find(|&k| ws[k].text == ",")
        {
            j = k + 1;
            continue;
        }
        if w == "including" {
            // to the comma that closes it, or to the verb that follows it, or
            // to a cue right after a short aside ("left six guards including
            // the captain dead"; not "including a boy who died", "including
            // the lone man killed")
            let end = (j + 1..hi).find(|&k| {
                ws[k].text == ","
                    || PASSIVE.contains(&ws[k].low().as_str())
                    || k <= j + 3
                        && !ws[k].low_str().ends_with("ing")
                        && !ws[k].low_str().ends_with("ed")
                        && class_of(table, ws[k].low()).is_some()
                        && !(j + 1..k).any(|m| matches!(ws[m].low_str(), "who" | "that" | "which"))
            });
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
        // "the 17 miners who died in the blast": a relative clause on the
        // figure's own noun whose verb of dying takes no object
        if d <= 2
            && matches!(w.as_str(), "who" | "that")
            && ws
                .get(j + 1)
                .is_some_and(|n| crate::lexicon::ACTS.dying_verbs.contains(&n.low_str()))
        {
            j += 1;
            continue;
        }
        if figures.iter().any(|&(a, _)| a == j) {
            break;
        }
        // "the toll has risen to 51, hospital officials said": an attribution
        // after a comma names who said it, not what the figure counts
        // (its words before the verb are a subject: "was killed, according to"
        // is no attribution of the figure's clause)
        if w == ","
            && (j + 1..hi.min(j + 5))
                .take_while(|&k| !PASSIVE.contains(&ws[k].low_str()) && ws[k].text != ",")
                .any(|k| crate::lexicon::ACTS.saying_verbs.contains(&ws[k].low_str()))
        {
            break;
        }
        // "was 16 when he was charged": a clause opened right after the
        // figure is another's, but for a relative pronoun ("three who were hurt")
        if (d > 0 || !matches!(w.as_str(), "who" | "which")) && opens_clause(w) {
            break;
        }
        if let Some(m) = class_of(table, w).filter(|_| !unplaced(ws, j)) {
            // "eleven guests were shot -- one fatally": a cue right after a
            // number word of its own is that number's
            let another_count = j > last + 2 && {
                let p = ws[j - 1].low_str();
                let number = crate::extract::number::small_number_word(p).is_some()
                    || !p.starts_with('0') && p.bytes().all(|b| b.is_ascii_digit());
                // set off as a part: after a comma, a dash or "and"
                number
                    && (matches!(ws[j - 2].low_str(), "," | "—" | "–" | "and")
                        || ws.dash_before(j - 1))
            };
            // "aiming a rifle at eight guards, sure the guards would kill
            // him": a harm done to a person named by a pronoun right after it
            // is done by the figure's people, not to them
            let done_to_another = ws.get(j + 1).is_some_and(|n| {
                crate::lexicon::FUNCTION_WORDS
                    .object_pronouns
                    .contains(&n.low_str())
            }) && TRANSITIVE.contains(&w.as_str());
            // "escaped without injury": a cue denied is no cue
            if !negated(ws, j) && !another_count && !done_to_another {
                best = Some((m, d));
            }
            break;
        }
        // "a clerk accused of poisoning a colleague", "served nine years for
        // killing a rival": the act beyond is the victims', the figure
        // the blamed
        let next = ws.get(j + 1).map(|n| n.low_str()).unwrap_or("");
        if (crate::lexicon::ACTS.blame_words.contains(&w.as_str())
            && matches!(next, "of" | "in" | "for"))
            || (w == "for" && next.len() > 4 && next.ends_with("ing") && !next.contains('-'))
        {
            break;
        }
        d += 1;
        j += 1;
    }
    // before the figure
    let own_verb = has_own_verb(ws, last, hi, figures);
    let mut d = 0;
    let mut j = first;
    while j > lo && d < reach {
        j -= 1;
        if figures.iter().any(|&(_, b)| b == j) {
            break;
        }
        let w = ws[j].low();
        // "four were killed and one was injured": a figure that opens its own
        // clause after "and" takes the cue of that clause, if it has one; a
        // figure with a verb of its own ("two were killed and three others were
        // shot") never takes the cue of the clause before
        if w == ","
            || ((best.is_some() || own_verb) && matches!(w.as_str(), "and" | "but" | "while"))
        {
            break;
        }
        if let Some(m) = class_of(table, w).filter(|_| !unplaced(ws, j)) {
            // "charged with shooting six people": someone else's act
            if best.is_none_or(|(_, bd)| d < bd) && !AFTER_ONLY.contains(&m) && !negated(ws, j) {
                best = Some((m, d));
            }
            break;
        }
        if opens_clause(w) {
            break;
        }
        // "arrested for stabbing three cyclists": the figure is the object of
        // the act after "for"; a cue before it is what befell the actor
        // ("the cost of closing the plant" is the cost's own complement)
        let of_blame = || {
            j > lo + 1 && ws[j - 1].low_str() == "of" && {
                let b = ws[j - 2].low_str();
                b == "suspicion" || crate::lexicon::ACTS.blame_words.contains(&b)
            }
        };
        if w.ends_with("ing")
            && j > lo
            && (matches!(ws[j - 1].low_str(), "for" | "with") || of_blame())
        {
            break;
        }
        d += 1;
    }
    best
}

/// Is the cue at word `j` denied ("without injury", "no deaths", "attempted
/// murder", "did not report any arrests")?
fn negated(ws: &Sentence<'_>, j: usize) -> bool {
    let denial = |k: usize| crate::lexicon::ACTS.denial_words.contains(&ws[k].low_str());
    let not = |k: usize| {
        let w = ws[k].low_str();
        matches!(w, "not" | "never" | "no") || w.ends_with("n't") || w.ends_with("n’t")
    };
    match j {
        0 => false,
        // "not report any arrests", "no more deaths"
        _ if matches!(ws[j - 1].low_str(), "any" | "more") => {
            (j.saturating_sub(4)..j - 1).any(|k| not(k) || denial(k))
        }
        _ => denial(j - 1),
    }
}

/// Is the figure opening at word `first` what a search is for ("searching for three
/// hikers", "rangers are seeking a courier", "a manhunt for two drivers")? Such
/// people are sought: no cue of the clause before them counts them.
pub(crate) fn sought(ws: &Sentence<'_>, first: usize) -> bool {
    let search = |k: usize| crate::lexicon::ACTS.search_words.contains(&ws[k].low_str());
    match first {
        0 => false,
        1 => search(0),
        _ => search(first - 1) || (ws[first - 1].low_str() == "for" && search(first - 2)),
    }
}

/// Is the figure ending at word `last` the subject of a verb of its own, a form
/// of "be" within the next few words of its clause ("three others were shot",
/// "two more are missing"), before any other figure?
pub(crate) fn has_own_verb(
    ws: &Sentence<'_>,
    last: usize,
    hi: usize,
    figures: &[(usize, usize)],
) -> bool {
    (last + 1..hi.min(last + 5))
        .take_while(|&j| ws[j].text != "," && !figures.iter().any(|&(a, _)| a == j))
        .any(|j| PASSIVE.contains(&ws[j].low().as_str()))
}

/// Words the figure spans.
pub(crate) fn span_words(ws: &Sentence<'_>, start: usize, end: usize) -> Option<(usize, usize)> {
    let first = ws.iter().position(|w| w.end > start)?;
    let last = ws.iter().rposition(|w| w.start < end)?;
    (first <= last).then_some((first, last))
}

/// How far back the subject of a level verb may stand.
pub const SUBJECT_REACH: usize = 25;

/// The measure of the subject whose level the figure starting at word `first` gives
/// ("the death toll … rose to 1,240", "cases stand at 389"): the figure follows a
/// level verb (and "to" or "at"), and the nearest cue before that verb names it.
pub(crate) fn subject_cue(
    ws: &Sentence<'_>,
    first: usize,
    figures: &[(usize, usize)],
    money: bool,
) -> Option<Measure> {
    let level = &crate::lexicon::ACTS.level_verbs;
    // "Injured: 1,312", "Deaths: 12": a label before a colon
    if first >= 2 && ws[first - 1].text == ":" && first <= 4 && !money {
        return (0..first - 1).find_map(|j| counted_class(ws[j].low()));
    }
    let mut v = first.checked_sub(1)?;
    let acts = &crate::lexicon::ACTS;
    if let Some(verbs) = match ws[v].low_str() {
        "to" => Some(&acts.raising_verbs),
        "at" => Some(&acts.estimating_verbs),
        _ => None,
    } {
        v = v.checked_sub(1)?;
        // "turnover rose 5.2% to $3.16 billion", "rose by 150 to 2,000": the
        // change's own size stands between the verb and the level
        if let Some(&(a, _)) = figures.iter().find(|&&(_, b)| b == v) {
            v = a.checked_sub(1)?;
            if ws[v].low_str() == "by" {
                v = v.checked_sub(1)?;
            }
        }
        // "bringing the death toll from the siege to 9", "police put the crowd
        // at 23,000": the object of a verb that takes it to the figure
        if let Some(m) = raised_object(ws, v, figures, verbs).filter(|_| !money) {
            return Some(m);
        }
    }
    if !level.contains(&ws[v].low_str()) {
        return None;
    }
    let mut j = v;
    while j > 0 && v - j < SUBJECT_REACH {
        j -= 1;
        // "the death toll from Monday's earthquake … stands at 16": a figure
        // in the possessive modifies the subject, it does not end it
        let possessive = ws[j].text.ends_with("'s") || ws[j].text.ends_with("’s");
        if (figures.iter().any(|&(_, b)| b == j) && !possessive) || is_clause_break(ws[j].text) {
            return None;
        }
        let w = ws[j].low();
        if let Some(m) = class_of(&CHANGE, w) {
            return Some(m).filter(|m| *m != Measure::JOBS_CUT && !money);
        }
        // a sum takes only a measure of money, and a count none
        if let Some(m) = class_of(&NOUNS, w) {
            return Some(m).filter(|m| MONEY_MEASURES.contains(m) == money);
        }
    }
    None
}

/// The measure of the object of a raising verb ("bringing the death toll … to") or
/// an estimating one ("put the crowd … at"), one of `verbs`, read back from word
/// `end` (the word before "to" or "at") to the verb, within the clause and
/// `SUBJECT_REACH` words: the cue nearest the verb, once the verb is found.
fn raised_object(
    ws: &Sentence<'_>,
    end: usize,
    figures: &[(usize, usize)],
    verbs: &[&str],
) -> Option<Measure> {
    let mut cue = None;
    let mut j = end + 1;
    while j > 0 && end + 1 - j < SUBJECT_REACH {
        j -= 1;
        if figures.iter().any(|&(_, b)| b == j) || is_clause_break(ws[j].text) {
            return None;
        }
        let w = ws[j].low();
        if verbs.contains(&w.as_str()) {
            return cue;
        }
        // "put the crowd at": a noun that names its measure only as such an object
        cue = counted_class(w)
            .or_else(|| ESTIMATED.get(w.as_str()).copied())
            .or(cue);
    }
    None
}

/// The class a label or a raised object names: a change or a counted noun, but
/// no sum of money and no cut (which needs the jobs it cuts).
fn counted_class(w: &Lower<'_>) -> Option<Measure> {
    class_of(&CHANGE, w)
        .or_else(|| class_of(&NOUNS, w))
        .filter(|m| !MONEY_MEASURES.contains(m) && *m != Measure::JOBS_CUT)
}

/// Do the words right after the figure ending at word `last` name people of
/// another noun than class `m` counts ("19 crew" beside passengers)?
pub(crate) fn names_other_people(ws: &Sentence<'_>, last: usize, m: Measure) -> bool {
    ws.get(last + 1).is_some_and(|n| {
        crate::extract::counted::is_people_noun(n.low_str()) && class_of(&NOUNS, n.low()) != Some(m)
    })
}

/// Is the figure the earlier value of a change ("from 65 to 125", "up from 40")?
/// Only the value it changed to is a claim about now.
pub(crate) fn earlier_value(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    figures: &[(usize, usize)],
) -> bool {
    let from_to = first > 0
        && ws[first - 1].low() == "from"
        && (last + 1..(last + 4).min(ws.len()))
            .any(|j| ws[j].low() == "to" && figures.iter().any(|&(a, _)| a == j + 1));
    // "held 31 seats in the outgoing chamber", "won 12 seats at the previous
    // election": the noun it counts placed in an earlier body or event
    let word = |k: usize| ws.get(k).map_or("", |w| w.low_str());
    let earlier = matches!(word(last + 2), "in" | "at" | "on")
        && word(last + 3) == "the"
        && crate::lexicon::ACTS.earlier_words.contains(&word(last + 4));
    from_to || earlier
}

/// Is the figure opening at word `first` what something may hold ("licensed to
/// carry 250 passengers", "the stadium can seat 40,000", "a capacity of 300")? A
/// capacity is no count of the event: the ferry's licence is not its passengers.
pub(crate) fn capacity(ws: &Sentence<'_>, first: usize) -> bool {
    let acts = &crate::lexicon::ACTS;
    let low = |k: usize| ws[k].low_str();
    // "a capacity of 300", "capacity for 300"
    let of_capacity =
        first >= 2 && matches!(low(first - 1), "of" | "for") && low(first - 2) == "capacity";
    // "[licensed] to carry 250", "can seat 40,000": a verb of holding right
    // before the figure (after "up to", "about" and the like), a word of ability
    // at most three words before the verb
    let verb = (first.saturating_sub(3)..first)
        .rev()
        .find(|&k| acts.holding_verbs.contains(&low(k)));
    of_capacity
        || verb.is_some_and(|v| {
            (v.saturating_sub(3)..v).any(|k| acts.capacity_words.contains(&low(k)))
        })
}

/// "three times", "three of those hurt", "two of them": not a count of a group.
pub(crate) fn frequency_or_part(ws: &Sentence<'_>, last: usize) -> bool {
    let next = |k: usize| ws.get(last + k).map_or(&NO_WORD, |w| w.low());
    matches!(next(1).as_str(), "times" | "time")
        || (next(1) == "of"
            && matches!(
                next(2).as_str(),
                "the" | "those" | "them" | "these" | "whom" | "us"
            ))
}

/// Does the figure ending at word `last` count things ("15 stab wounds",
/// "four gunshot wounds", "two counts of murder")? The noun comes right after
/// it, or after a word naming the kind of wound.
pub(crate) fn counts_things(ws: &Sentence<'_>, last: usize) -> bool {
    let at = |k: usize| ws.get(last + k).map_or(&NO_WORD, |w| w.low());
    THINGS.contains(&at(1).as_str())
        || (WOUND_KINDS.contains(&at(1).as_str()) && matches!(at(2).as_str(), "wound" | "wounds"))
        // "two shooting incidents", "three separate attacks": events counted
        || INCIDENTS.contains(&at(1).as_str())
        || (INCIDENTS.contains(&at(2).as_str()) && at(1).bytes().all(|b| b.is_ascii_lowercase()))
}

/// Does the figure ending at word `last` name the people it counts ("four
/// people", "two teenage boys")?
pub(crate) fn counts_people(ws: &Sentence<'_>, last: usize) -> bool {
    let at = |k: usize| ws.get(last + k).map_or(&NO_WORD, |w| w.low());
    PEOPLE.contains(&at(1).as_str())
        || (PEOPLE.contains(&at(2).as_str()) && at(1).bytes().all(|b| b.is_ascii_lowercase()))
}

/// Is the figure (digits only) sandwiched between capitalised words in a
/// sentence that is not in title case ("told Radio 4 Today the driver died")?
pub(crate) fn inside_a_name(ws: &Sentence<'_>, first: usize, last: usize) -> bool {
    first == last
        && first > 1
        && ws[first].text.bytes().all(|b| b.is_ascii_digit())
        && capitalised(&ws[first - 1])
        && ws.get(last + 1).is_some_and(capitalised)
        && !ws.title_case()
}

/// Is the figure opening at word `first` inside an "including …" or "among
/// …" aside ("six hurt, including three pupils and a guard")? Its figures
/// are parts of a group already counted.
pub(crate) fn in_an_aside(ws: &Sentence<'_>, first: usize) -> bool {
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

/// Is the figure at words `first..=last` a rate ("4,000 a day", "twice a
/// week", "per year", "every night"), a count over a period ("in the past
/// two years", "over three weeks") or over many places ("across
/// the city"), or the toll of an earlier event ("a year after nine were
/// shot")? Such a figure is not the story's event's, so no report of that
/// event confirms or contradicts it.
/// Is the word one a unit of time could modify as a noun ("night club", "day trip")?
/// A rate's unit is followed by a stop, a function word or nothing.
fn modifies_a_noun(w: &str) -> bool {
    w.len() >= 3
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !crate::extract::counted::is_function_word(w)
        && !w.ends_with("ly")
}

pub(crate) fn over_a_period(ws: &Sentence<'_>, first: usize, last: usize) -> bool {
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
            // "at a night club", "on a day trip": the unit names the noun after it
            && !modifies_a_noun(at(j + 2).as_str())
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
    // a running count: "410 infections were logged so far this year",
    // "so far in 2024"
    for j in lo..hi.saturating_sub(2) {
        if at(j) == "so"
            && at(j + 1) == "far"
            && (matches!(at(j + 2).as_str(), "this" | "in") && unit(j + 3)
                || at(j + 2) == "in"
                    && at(j + 3).len() == 4
                    && at(j + 3).bytes().all(|b| b.is_ascii_digit()))
        {
            return true;
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
pub(crate) fn part_of_a_name(ws: &Sentence<'_>, j: usize) -> bool {
    let before = j > 1 && capitalised(&ws[j - 1]);
    let after = ws.get(j + 1).is_some_and(capitalised);
    capitalised(&ws[j]) && (before || after) && !ws.title_case()
}

/// Is the event nearest to the figure a plural incident noun ("in shootings
/// across the city", "the city's 27 homicides this year")?
pub(crate) fn tallies_incidents(ws: &Sentence<'_>, first: usize, last: usize) -> bool {
    nearest_word(ws, first, last, |w| {
        let tally = TALLY_NOUNS.contains(&w.low().as_str());
        (tally || w.event_of_low().is_some()).then_some(tally)
    })
    .unwrap_or(false)
}

/// Is the figure ending at word `last` the subject of an active verb of
/// harm or change with an object of its own ("a gunman shot and killed two
/// men", "two officers arrested the driver")? Then the verb's count is its
/// object's, not the figure's ("two men were killed", "two killed in crash"
/// and "a boy shot himself" keep theirs).
pub(crate) fn agent(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    figures: &[(usize, usize)],
) -> bool {
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

/// The event word nearest to the figure in its sentence.
pub(crate) fn nearest_event(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    kind: ClaimKind,
) -> Option<(EventClass, bool)> {
    // saying, calling and confirming date a report; a count never belongs to them
    let event = |w: &Tok<'_>| {
        w.event
            .filter(|(e, _)| kind == ClaimKind::Date || !e.reporting())
    };
    // "the quake, which the service measured at magnitude 6.8, was followed by
    // aftershocks": a figure in a relative clause speaks of the clause's antecedent
    let (lo, _) = clause(ws, first);
    let comma = (lo..first).rev().find(|&k| ws[k].text == ",");
    if let Some(k) = comma
        && k >= 1
        && ws
            .get(k + 1)
            .is_some_and(|w| matches!(w.low_str(), "which" | "that" | "who"))
        && let Some(e) = event(&ws[k - 1]).filter(|_| !part_of_a_name(ws, k - 1))
    {
        return Some(e);
    }
    // "…, according to a joint statement": an attribution is no figure's event
    let attribution = attribution_after(ws, last);
    // "31 civilians killed, most of them in villages that came under rocket
    // fire": a relative clause past a comma after the figure, running to the
    // end, tells of another noun ("three men, one of whom was …, were shot"
    // is an aside: the figure's predicate follows its closing comma)
    // (one pass each way: the clause opens after the last comma or break of
    // the sentence, and a comma must stand between it and the figure)
    let after_comma = (last + 1..ws.len()).any(|k| ws[k].text == ",");
    let last_break = (last + 1..ws.len())
        .rev()
        .find(|&k| ws[k].text == "," || is_clause_break(ws[k].text));
    let relative = last_break
        .filter(|_| after_comma)
        .and_then(|b| {
            (b + 1..ws.len())
                .find(|&p| matches!(ws[p].low_str(), "that" | "which" | "who" | "whom" | "where"))
        })
        .unwrap_or(ws.len());
    nearest_word_where(ws, first, last, event, |j| {
        !attribution.contains(&j) && j < relative
    })
}

/// The longest attribution read: "according to" and ten words.
const ATTRIBUTION_WORDS: usize = 12;

/// The words of an attribution after the figure at word `last` ("…, according
/// to a joint statement read out on television"): from "according to" to the
/// comma or stop that closes it, or the end of the sentence. A figure's event or measure
/// is never read in them.
pub(crate) fn attribution_after(ws: &Sentence<'_>, last: usize) -> std::ops::Range<usize> {
    let Some(j) = (last + 1..ws.len().saturating_sub(1))
        .find(|&j| ws[j].low_str() == "according" && ws[j + 1].low_str() == "to")
    else {
        return 0..0;
    };
    let end = (j + 2..ws.len())
        .find(|&k| ws[k].text == "," || ws.stop_before(k) || is_clause_break(ws[k].text))
        .unwrap_or(ws.len())
        .min(j + ATTRIBUTION_WORDS);
    j..end
}

/// What `found` says of the word nearest to the figure at words `first..=last`
/// among those it says something of (the earlier one on a tie).
pub(crate) fn nearest_word<T>(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    found: impl Fn(&Tok<'_>) -> Option<T>,
) -> Option<T> {
    nearest_word_where(ws, first, last, found, |_| true)
}

/// `nearest_word` among the words at the positions `eligible` lets through.
pub(crate) fn nearest_word_where<T>(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    found: impl Fn(&Tok<'_>) -> Option<T>,
    eligible: impl Fn(usize) -> bool,
) -> Option<T> {
    let mut best: Option<(T, usize)> = None;
    for (j, w) in ws.iter().enumerate() {
        if j >= first && j <= last || !eligible(j) {
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

/// Words that put a figure on the day of writing: "still", "remain", "as of",
/// or "released" from hospital (what is left is a state too).
pub(crate) fn still_there(ws: &Sentence<'_>, first: usize) -> bool {
    let (lo, hi) = clause(ws, first);
    (lo..hi).any(|j| {
        let w = ws[j].low();
        matches!(
            w.as_str(),
            "still" | "remain" | "remains" | "remained" | "remaining" | "released" | "discharged"
        ) || (w == "as" && ws.get(j + 1).is_some_and(|n| n.low() == "of"))
    })
}

/// "22 miners were brought out alive", "rescuers pulled 14 people alive from the
/// rubble": "alive" after the figure in its clause, with a verb of getting people
/// out (`extraction_verbs`) before it, makes the figure a count of the rescued.
pub(crate) fn brought_out_alive(ws: &Sentence<'_>, first: usize, last: usize) -> bool {
    let (lo, hi) = clause(ws, first);
    let Some(alive) = (last + 1..hi).find(|&k| ws[k].low_str() == "alive") else {
        return false;
    };
    (lo.max(alive.saturating_sub(5))..alive).any(|k| {
        crate::lexicon::ACTS
            .extraction_verbs
            .contains(&ws[k].low_str())
    })
}

/// Are the people the figure at words `first..=last` counts, under a noun the
/// lexicon does not know, said to have died or been hurt, so that `change` (a death
/// or an injury) is theirs and not an open key's? "two lift attendants were
/// killed", "Two attendants who were wounded", "killing 38 club-goers"; not "the
/// two knives used to kill" (a thing's use) nor "executed 37 search warrants".
pub(crate) fn harmed_people(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    figures: &[(usize, usize)],
    change: Option<Measure>,
) -> bool {
    let harm = |m: Measure| matches!(m, Measure::DEATHS | Measure::INJURED);
    let harmed = |k: usize| {
        ws.get(k)
            .is_some_and(|w| class_of(&CHANGE, w.low()).is_some_and(harm))
    };
    // right after the noun, past an aside ("-- both retired officers --"),
    // "who were", "have been", an adverb
    let after_noun = |at: usize| {
        let mut k = aside_end(ws, at + 1, &CHANGE)
            .filter(|&k| passive_after(ws, k, &CHANGE))
            .unwrap_or(at + 1);
        let at = k - 1;
        while k < at + 4
            && ws.get(k).is_some_and(|w| {
                let w = w.low_str();
                matches!(w, "who" | "that")
                    || PASSIVE.contains(&w)
                    || w.ends_with("ly")
                    || crate::lexicon::ACTS.auxiliaries.contains(&w)
            })
        {
            k += 1;
        }
        harmed(k)
    };
    let verb_before = || {
        first > 0
            && crate::lexicon::ACTS
                .harm_verbs
                .contains(&ws[first - 1].low_str())
            && harmed(first - 1)
    };
    change.is_some_and(harm)
        && crate::extract::counted::counted(ws, last, figures)
            .is_some_and(|c| after_noun(c.at) || verb_before())
}
