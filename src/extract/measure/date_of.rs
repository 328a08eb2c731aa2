//! Takes a date's word span in its sentence, hands on the point event it dates
//! ("date of talks"), or the event a sentence says happens as it is written.
//! Rule that is not obvious: another act nearer to the date takes it ("was shot
//! Saturday and died Monday": Monday dates the death), and a durative event (a
//! war) dates nothing: its years are anchors.

use super::binding::{
    attribution_after, clause, is_clause_break, opens_clause, part_of_a_name, span_words,
};
use super::cues::*;
use crate::event::{EventClass, event_of};
use crate::extract::token::{NO_WORD, Sentence, lower, words};
use crate::lexicon;

/// How far from its date an event word may stand and still be what the date dates.
pub(crate) const DATE_EVENT_REACH: usize = 8;

/// The point event a date dates: the nearest event word in its clause, unless
/// another act stands nearer ("was shot Saturday and died Monday": Monday dates
/// the death). Durative events (wars) are not dated this way; their years are anchors.
pub(crate) fn dated_event(ws: &Sentence<'_>, first: usize, last: usize) -> Option<EventClass> {
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
    if let Some(e) = scheduled_subject(ws, first, lo) {
        return Some(e);
    }
    // "the fighting, which began on 26 February, lasted four days": a date in
    // a relative clause dates its antecedent
    if let Some(e) = antecedent(ws, first, lo) {
        return Some(e);
    }
    // "…, according to a joint statement": an attribution dates nothing
    let attribution = attribution_after(ws, last);
    let mut best: Option<(Option<EventClass>, usize)> = None;
    for (j, word) in ws.iter().enumerate().take(hi).skip(lo) {
        if j >= first && j <= last || attribution.contains(&j) {
            continue;
        }
        let d = if j < first { first - j } else { j - last };
        if d > DATE_EVENT_REACH || best.is_some_and(|(_, bd)| bd <= d) {
            continue;
        }
        let w = word.low();
        if let Some((e, durative)) = word.event_of_low().filter(|_| !part_of_a_name(ws, j)) {
            // "certified the results of the poll's count on Friday": the
            // certifying is dated, not the election
            // (only when the date follows the phrase right away: "the results
            // of the election on Wednesday", not "a spate of shootings including
            // Thursday's")
            let right_after = j + 1 == first
                || j + 2 == first && matches!(ws[j + 1].low_str(), "on" | "in" | "at");
            let dated = !(durative || right_after && complement(ws, j, lo));
            best = Some((dated.then_some(e), d));
        } else if OTHER_ACTS.contains(&w.as_str()) || another_act(w) {
            best = Some((None, d));
        }
    }
    match best {
        Some((e, _)) => e,
        // "The truce, brokered by the mediators, took effect at midnight on
        // March 1": with no event or act near, the sentence's subject
        None => subject_event(ws, first, lo),
    }
}

/// Is the event word at `j` the complement of "of" after the object of another
/// act ("certified the results of the club's election", "counted the victims of
/// the crash"), read back to the clause start `lo`? A date after such a phrase
/// dates that act. A noun of a time of the event itself ("the start of the
/// strike") and a report of the event ("a report of a shooting") are no such object.
fn complement(ws: &Sentence<'_>, j: usize, lo: usize) -> bool {
    let plain = |k: usize| ws[k].text.chars().all(|c| c.is_lowercase() || c == '-');
    let mut m = j;
    for _ in 0..4 {
        if m <= lo + 1 {
            return false;
        }
        m -= 1;
        let w = ws[m].low_str();
        if w == "of" {
            let head = m - 1;
            let h = ws[head].low_str();
            if ws[head].event_of_low().is_some()
                || !plain(head)
                || h.ends_with("ed")
                || lexicon::ACTS.event_phases.contains(&h)
            {
                return false;
            }
            // the act whose object the noun is: right before it, or its article
            let mut v = head;
            if v > lo && matches!(ws[v - 1].low_str(), "the" | "a" | "an" | "its" | "their") {
                v -= 1;
            }
            return v > lo && {
                let verb = ws[v - 1].low();
                OTHER_ACTS.contains(&verb.as_str()) || another_act(verb)
            };
        }
        let modifier = matches!(w, "the" | "a" | "an" | "its" | "their" | "this")
            || w.ends_with("'s")
            || w.ends_with("’s")
            || plain(m);
        if !modifier {
            return false;
        }
    }
    false
}

/// The point event named by the antecedent of the relative clause the date at
/// word `first` stands in (", which began on …"), read back to the clause start `lo`.
fn antecedent(ws: &Sentence<'_>, first: usize, lo: usize) -> Option<EventClass> {
    let k = (lo..first).rev().find(|&k| ws[k].text == ",")?;
    let relative = ws
        .get(k + 1)
        .is_some_and(|w| matches!(w.low_str(), "which" | "that"));
    if !relative
        || k == 0
        || (k + 2..first).any(|j| ws[j].text == "," || ws[j].event_of_low().is_some())
    {
        return None;
    }
    // the noun before the comma, or the one a name after "of" hangs on ("the
    // trial of Oren Vale, which began …")
    let event_at = |j: usize| {
        ws[j]
            .event_of_low()
            .filter(|&(_, durative)| !durative && !part_of_a_name(ws, j))
            .map(|(e, _)| e)
    };
    event_at(k - 1).or_else(|| {
        let mut j = k - 1;
        while j > lo && j + 4 > k && ws[j].text.starts_with(char::is_uppercase) {
            j -= 1;
        }
        (j + 1 < k && ws[j].low_str() == "of" && j > lo)
            .then(|| event_at(j - 1))
            .flatten()
    })
}

/// The point event that opens the sentence as its subject ("The truce, …,
/// took effect …", "The protests started on …"), when the date at word `first`
/// is in the sentence's first clause and nothing but an appositive set off by
/// commas stands between them and a verb.
fn subject_event(ws: &Sentence<'_>, first: usize, lo: usize) -> Option<EventClass> {
    if lo != 0 {
        return None;
    }
    let mut head = match ws.first().map(|w| w.low_str()) {
        Some("the" | "a" | "an" | "this" | "that") => 1,
        _ => 0,
    };
    // "A powerful earthquake struck …": one modifier before the event word
    if ws.get(head).is_some_and(|w| w.event_of_low().is_none())
        && ws.get(head + 1).is_some_and(|w| w.event_of_low().is_some())
        && ws[head].low_str().bytes().all(|b| b.is_ascii_lowercase())
    {
        head += 1;
    }
    // no other clause opens between the subject and the date
    if (head + 1..first).any(|j| opens_clause(ws[j].low_str()) || ws[j].text == ";") {
        return None;
    }
    // the event word heads the subject: a comma, a preposition or a verb
    // follows it, not another noun ("Court records show …" is no trial)
    let heads = ws.get(head + 1).is_some_and(|n| {
        matches!(n.text, ",")
            || matches!(
                n.low_str(),
                "at" | "in" | "on" | "for" | "of" | "near" | "outside"
            )
            || lexicon::ACTS.auxiliaries.contains(&n.low_str())
            || n.low_str().ends_with("ed")
            || OTHER_ACTS.contains(&n.low_str())
            || lexicon::ACTS.occurring_verbs.contains(&n.low_str())
    });
    ws.get(head)
        .filter(|_| head < first && heads)
        .and_then(|w| w.event_of_low())
        .filter(|&(_, durative)| !durative && !part_of_a_name(ws, head))
        .map(|(e, _)| e)
}

/// The event a date still to come is set for: "A hearing in the fraud case is
/// set for May 4", "The meeting, planned for May 4, …": the first event word of
/// the subject of the scheduling word right before the date (a deferring word
/// only after "for", "to", "on" or "until"), read back to the comma, the word or
/// the clause opener that starts the subject.
fn scheduled_subject(ws: &Sentence<'_>, first: usize, lo: usize) -> Option<EventClass> {
    let acts = &lexicon::ACTS;
    let mut k = first.checked_sub(1)?;
    let preposition = matches!(ws[k].low_str(), "for" | "to" | "on" | "until");
    if preposition {
        k = k.checked_sub(1)?;
    }
    let w = ws[k].low_str();
    // "a referendum, to be held on 15 June": an event still to take place
    let to_be =
        preposition && acts.occurring_verbs.contains(&w) && k >= 1 && ws[k - 1].low_str() == "be";
    let sets = acts.scheduling_words.contains(&w)
        || (preposition && acts.deferring_words.contains(&w))
        || to_be;
    if k < lo || !sets {
        return None;
    }
    // "The meeting, planned for …": the appositive's subject is before its comma
    let mut end = k;
    if end > lo && ws[end - 1].text == "," {
        end -= 1;
    }
    // ("elections which are planned for …": a relative pronoun leads back to
    // its antecedent, the subject)
    let mut start = end;
    while start > lo {
        let w = ws[start - 1].low_str();
        let relative = matches!(w, "that" | "which" | "who");
        if w == "," || w == "and" || (opens_clause(w) && !relative) {
            break;
        }
        start -= 1;
    }
    let event_at = |j: usize| {
        ws[j]
            .event_of_low()
            .filter(|&(_, durative)| !durative && !part_of_a_name(ws, j))
            .map(|(e, _)| e)
    };
    (start..end).find_map(event_at).or_else(|| {
        // "called a referendum on the package, to be held on …": nothing but
        // "to be" after the comma, so the event is the nearest named before it
        let bare = (start..end).all(|j| matches!(ws[j].low_str(), "to" | "be" | "will"));
        (to_be && bare && start > 0 && ws[start - 1].text == ",")
            .then(|| {
                (start.saturating_sub(DATE_EVENT_REACH)..start - 1)
                    .rev()
                    .find_map(event_at)
            })
            .flatten()
    })
}

/// A verb in the past tense that is neither an event of the story nor something
/// that happened to its people ("pleaded guilty Friday", "an autopsy conducted
/// Tuesday", "remained hospitalized Monday"): the date belongs to that act.
pub(crate) fn another_act(w: &str) -> bool {
    w.len() >= 5
        && w.ends_with("ed")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && class_of(&CHANGE, w).is_none()
        && !NOT_ACTS.contains(&w)
        // "The protests started on 5 May": the event's own start, not another act
        && !lexicon::ACTS.occurring_verbs.contains(&w)
}

/// The event the sentence says happens as it is written ("X holds talks
/// between …"): only such an event is dated by a dateline.
pub fn happening_now(sentence: &str) -> Option<EventClass> {
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

/// Is the date in bytes `start..end` of the sentence read as `ws` the time of the harm told by
/// the count of the injured that ends at byte `count_end` before it ("six were
/// hurt when part of the roof fell in on Thursday evening", "four others
/// hurt late on Sunday")? Not when another act, a lasting state or a time of
/// reckoning stands between them: "the two injured … were listed as serious on
/// Sunday", "were still in hospital Tuesday evening", "had gone home by
/// Monday morning", "a spokeswoman said Thursday".
pub fn times_an_injury(ws: &Sentence<'_>, start: usize, end: usize, count_end: usize) -> bool {
    let Some((first, _)) = span_words(ws, start, end) else {
        return false;
    };
    let from = ws
        .iter()
        .position(|w| w.start >= count_end)
        .unwrap_or(first);
    if from > first {
        return false;
    }
    let before = |k: usize| first.checked_sub(k).map_or("", |i| ws[i].low_str());
    if (before(1) == "of" && before(2) == "as")
        || matches!(before(1), "until" | "till" | "by" | "since")
    {
        return false;
    }
    !ws.iter().take(first).skip(from).any(|w| {
        let l = w.low();
        is_clause_break(w.text)
            || OTHER_ACTS.contains(&l.as_str())
            || lexicon::ACTS.state_words.contains(&l.as_str())
            || another_act(l)
    })
}
