//! Takes a sum of money or a span of time and its sentence's words, hands on the key
//! of what it is the amount of: the word it hangs on (its frame), folded through the
//! lexicon's `[[frame]]` classes ("jailed for 12 years" and "a 14-year sentence" are
//! both a prison term), else a key of the word itself ("length of hearing").
//! Rule that is not obvious: the frame is read only inside the figure's clause, in a
//! fixed order (the noun it modifies, then the word before it), never from a verb of
//! saying, and never for a window ("in seven months") or time spent so far ("a month
//! in office"); a verb of lasting hands the span to its subject;
//! a verb the lexicon does not fold keys nothing (whose sum it is depends on its
//! subject and object); a figure with no frame gets no key, so it is never compared.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::binding::clause;
use crate::extract::counted;
use crate::extract::token::Sentence;
use crate::key::{Measure, MeasureKey};
use crate::lexicon;
use crate::model::{ClaimKind, WordMap};

/// How many words before the figure its frame may stand.
const FRAME_REACH: usize = 5;

/// How many words before a verb of lasting its subject may stand.
const SUBJECT_REACH: usize = 6;

/// The stem a word is compared by: "sentenced" and "sentence" meet, "jailed" and "jail".
fn stem(w: &str) -> String {
    thread_local! {
        static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
    }
    STEMMER.with(|s| s.stem(w).into_owned())
}

/// The `[[frame]]` classes by (stem of a word, money?).
static FRAMES: LazyLock<WordMap<(String, bool), Measure>> = LazyLock::new(|| {
    let mut map = WordMap::default();
    for m in &lexicon::MEASURES.frame {
        for w in &m.words {
            map.entry((stem(w), m.money)).or_insert(Measure::of(m));
        }
    }
    map
});

/// "$4 million a year", "$10 a share": the sum ending at word `last` is a
/// rate, not a sum of one event, nor a part of one.
pub(crate) fn per_unit(ws: &Sentence<'_>, last: usize) -> bool {
    ws.get(last + 1)
        .is_some_and(|w| matches!(w.low_str(), "a" | "an" | "per" | "each"))
        && ws.get(last + 2).is_some_and(|w| plain(w.text()))
}

/// The key of the sum or span at words `first..=last`, from its frame.
/// With `open` false, only a frame the lexicon folds into a class gives a key.
pub(crate) fn frame_key(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    figures: &[(usize, usize)],
    kind: ClaimKind,
    open: bool,
) -> Option<MeasureKey> {
    let money = match kind {
        ClaimKind::Money => true,
        ClaimKind::Duration => false,
        _ => return None,
    };
    if money && per_unit(ws, last) {
        return None;
    }
    let (word, noun) = frame(ws, first, last, figures)?;
    if let Some(m) = FRAMES.get(&(stem(&word), money)) {
        return Some(MeasureKey::Class(*m));
    }
    // "paid £4 million", "worked for 30 years": whose sum or span a verb the lexicon
    // does not know gives is for its subject and object to say, which are not read
    if !noun || !open {
        return None;
    }
    let what = if money {
        format!("amount of {word}")
    } else {
        format!("length of {word}")
    };
    Some(MeasureKey::open(what, None))
}

/// The word a sum or span hangs on, lower-cased (a noun folded to its singular), and
/// whether it is a noun ("a fee of", "a 16-day strike") rather than a verb.
fn frame(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    figures: &[(usize, usize)],
) -> Option<(String, bool)> {
    let (lo, hi) = clause(ws, first);
    let figure_at = |j: usize| figures.iter().any(|&(a, b)| a <= j && j <= b);
    // "a six-year sentence", "a £21m move": the noun it modifies
    // "12 seconds left", "two years ago": what follows makes it a remainder or a point
    if ws
        .get(last + 1)
        .is_some_and(|w| lexicon::PERIODS.not_a_length.contains(&w.low_str()))
    {
        return None;
    }
    if let Some(c) = counted::counted(ws, last, figures).filter(|c| c.at < hi) {
        return Some((counted::singular(&c.head), true));
    }
    // "after three weeks on strike", "after nine days of talks": a span told
    // with what lasted it, a frame the lexicon folds, is that thing's length
    // however it is introduced ("a bargain for nine years in prison" is a
    // prison term); "€25,000 in compensation", "$2 million in fines": a sum
    // told with the frame it is paid as
    if let (Some(p), Some(w)) = (ws.get(last + 1), ws.get(last + 2))
        && last + 2 < hi
        && !figure_at(last + 2)
        && match p.low_str() {
            "on" | "of" => FRAMES.contains_key(&(stem(w.low_str()), false)),
            // "15 years in prison", "$2 million in fines"; not "spent seven
            // weeks in jail", the time passed there
            "in" => {
                FRAMES.contains_key(&(stem(w.low_str()), true))
                    || FRAMES.contains_key(&(stem(w.low_str()), false))
                        && !(first.saturating_sub(3)..first)
                            .any(|k| lexicon::ACTS.spending_verbs.contains(&ws[k].low_str()))
            }
            _ => false,
        }
    {
        return Some((w.low_str().to_string(), true));
    }
    // "two extensions in seven months", "over six years": a window something
    // happened in, not the length of anything
    if first > 0
        && matches!(
            ws[first - 1].low_str(),
            "in" | "within" | "over" | "during" | "after" | "since" | "until" | "by" | "past"
        )
    {
        return None;
    }
    // "a fee of £18 million", "jailed for 12 years", "stole £2.3 million",
    // "sentenced yesterday to 14 years": the nearest content word before it
    let calendar = &lexicon::CALENDAR;
    let acts = &lexicon::ACTS;
    let mut j = first;
    let mut seen = 0;
    // "a fee of", "a deal worth": the word before is a noun
    let mut noun = false;
    while j > lo && seen < FRAME_REACH {
        j -= 1;
        seen += 1;
        let tok = &ws[j];
        let w = tok.low_str();
        // "sentenced yesterday to nine years": a day between is an adverb, not a figure
        let day = matches!(w, "yesterday" | "today" | "tonight" | "overnight")
            || calendar.weekdays.contains(&w);
        if figure_at(j) && !day {
            return None;
        }
        if !w.bytes().any(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        let skip = counted::is_function_word(w)
            || matches!(w, "worth" | "valued" | "totalling" | "totaling" | "some" | "just")
            || (w.ends_with("ly") && w.len() > 4)
            || matches!(w, "yesterday" | "today" | "tonight" | "overnight")
            || calendar.weekdays.contains(&w)
            // a name is the object ("paying Rovers £18m"), not the frame
            || !plain(tok.text());
        if skip {
            noun |= matches!(w, "of" | "worth" | "valued");
            continue;
        }
        if acts.saying_verbs.contains(&w) {
            return None;
        }
        if acts.lasting_verbs.contains(&w) || acts.level_verbs.contains(&w) {
            return subject(ws, j, lo, figures).map(|w| (w, true));
        }
        return Some(if noun {
            (counted::singular(w), true)
        } else {
            (w.to_string(), false)
        });
    }
    None
}

/// The subject of the verb at word `v`: the nearest plain noun before it in its
/// clause ("the strike lasted", "the fee was").
fn subject(ws: &Sentence<'_>, v: usize, lo: usize, figures: &[(usize, usize)]) -> Option<String> {
    let mut j = v;
    while j > lo && v - j < SUBJECT_REACH {
        j -= 1;
        if figures.iter().any(|&(a, b)| a <= j && j <= b) {
            return None;
        }
        let w = ws[j].low_str();
        if !w.bytes().any(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        if counted::is_function_word(w) || !plain(ws[j].text()) || w.ends_with("'s") {
            continue;
        }
        return Some(counted::singular(w));
    }
    None
}

/// A lower-case word of letters, perhaps hyphenated: no name, no figure.
fn plain(w: &str) -> bool {
    w.len() >= 2
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && w.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
}
