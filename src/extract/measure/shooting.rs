//! Takes a figure in a report of a shooting, hands on what only such reports need:
//! whether the counted people were shot (victims, not shooters) and whether a count
//! of shots is what a witness heard.
//! Rule that is not obvious: "shot" alone does not say who died, so people shot are
//! their own measure (`key::SHOT`), and extract later makes one victim an injury.

use std::sync::LazyLock;

use super::binding::clause;
use super::cues::*;
use crate::extract::token::{Sentence, lower};
use crate::lexicon;

/// Are the counted people said to have been shot, with no word of their death
/// (which the change cues would have found first)? "A man was shot in the leg",
/// "the gunman shot four people": gunshot wounds, counted as injured. "A man shot
/// his neighbour" counts the shooter, not a victim.
pub(crate) fn shot_victims(
    ws: &Sentence<'_>,
    first: usize,
    last: usize,
    figures: &[(usize, usize)],
) -> bool {
    let (lo, hi) = clause(ws, first);
    let is_shot = |j: usize| matches!(ws[j].low().as_str(), "shot" | "wounded");
    // the figure as object: "shot four people", "shot and wounded two",
    // "charged with shooting a friend"
    let gerund = |j: usize| {
        ws[j].low() == "shooting"
            && j > lo
            && matches!(
                ws[j - 1].low().as_str(),
                "with" | "of" | "for" | "after" | "before" | "while" | "allegedly" | "accidentally"
            )
    };
    if first > lo && (is_shot(first - 1) || gerund(first - 1)) {
        return true;
    }
    // "the Sunday shooting of three people": the people shot ("the deadly
    // shooting of a child" is a death the change cues do not see here)
    if first >= lo + 2
        && ws[first - 1].low() == "of"
        && matches!(ws[first - 2].low().as_str(), "shooting" | "shootings")
    {
        let deadly = first >= lo + 3
            && (class_of(&CHANGE, ws[first - 3].low()).is_some()
                || ws[first - 3].low() == "deadly");
        // one person ("of a child"), or people as such ("of four people"): "the
        // shooting of two children" may name a part of those shot
        let one = last > first || matches!(ws[first].low_str(), "a" | "an" | "one");
        let all = ws
            .get(last + 1)
            .is_some_and(|w| matches!(w.low_str(), "people" | "persons" | "victims"));
        return !deadly && (one || all);
    }
    // "a stray bullet struck one cyclist", "one round hit two diners"
    let projectile = |w: &str| {
        matches!(
            w,
            "bullet" | "bullets" | "round" | "rounds" | "gunfire" | "shot" | "shots" | "pellets"
        )
    };
    if first > lo + 1
        && matches!(ws[first - 1].low().as_str(), "struck" | "hit")
        && (first.saturating_sub(4).max(lo)..first - 1).any(|k| projectile(ws[k].low_str()))
    {
        return true;
    }
    // "the pistol fired by accident and struck a young cashier in the hip": struck
    // in a part of the body
    if first > lo
        && matches!(ws[first - 1].low_str(), "struck" | "hit")
        && (last + 1..hi.min(last + 5)).any(|k| {
            ws[k].low_str() == "in"
                && ws
                    .get(k + 1)
                    .is_some_and(|w| crate::extract::counted::determiner(w.low_str()))
                && ws
                    .get(k + 2)
                    .is_some_and(|w| crate::lexicon::THINGS.body_parts.contains(&w.low_str()))
        })
    {
        return true;
    }
    // "hit by gunfire", "struck by a stray bullet", "struck in the shooting",
    // "struck in the lower leg"
    let hit_by_gunfire = |j: usize| {
        let struck = matches!(ws[j].low().as_str(), "hit" | "struck");
        let by = ws.get(j + 1).is_some_and(|w| w.low() == "by")
            && ws[j + 2..ws.len().min(j + 5)].iter().any(|w| {
                matches!(
                    w.low().as_str(),
                    "gunfire" | "bullet" | "bullets" | "gunshot" | "gunshots"
                )
            });
        let in_the = ws.get(j + 1).is_some_and(|w| w.low() == "in")
            && ws
                .get(j + 2)
                .is_some_and(|w| crate::extract::counted::determiner(w.low_str()))
            && ws.get(j + 3).is_some_and(|w| {
                let w = w.low_str();
                matches!(w, "shooting" | "gunfire" | "crossfire")
                    || crate::lexicon::THINGS.body_parts.contains(&w)
            });
        struck && (by || in_the)
    };
    // a headline's bare participle: "Three people shot outside diner", "5 shot,
    // including teen" (not "two men shot at officers", "two men shot him")
    let noun = usize::from(
        ws.get(last + 1)
            .is_some_and(|w| PEOPLE.contains(&w.low().as_str())),
    );
    if ws.get(last + 1 + noun).is_some_and(|w| w.low() == "shot")
        && !ws.get(last + 2 + noun).is_some_and(|w| {
            // "shot and killed", "shot back" are not the headline's passive
            let l = lower(w.text);
            // "8 shot at Lakeside Park": a place, not the people shot at
            let at_a_place = l == "at"
                && ws
                    .get(last + 3 + noun)
                    .is_some_and(|p| p.text.starts_with(|c: char| c.is_uppercase()));
            (opens_an_object(&l) && !at_a_place)
                || matches!(l.as_str(), "and" | "back")
                || (w.text.starts_with(|c: char| c.is_uppercase()) && l != "including")
        })
    {
        return true;
    }
    // the figure as subject of a passive: "four people were shot"; an aside
    // between commas is passed over ("four people, including a boy, were shot")
    let mut stop = hi.min(last + 6);
    let mut j = last + 1;
    while j < stop {
        // "a mother whose son was shot": the clause is about another
        if figures.iter().any(|&(a, _)| a == j) || ws[j].low() == "whose" {
            return false;
        }
        if ws[j].low() == "," {
            // "a 52-year-old porter, who staff say had just begun his shift, was
            // struck in the crossfire": a relative clause is an aside too,
            // unless it tells the shooting itself ("a porter, who was hit by gunfire, …")
            let relative = ws
                .get(j + 1)
                .is_some_and(|w| matches!(w.low_str(), "who" | "which"));
            let aside = relative
                || ws
                    .get(j + 1)
                    .is_some_and(|w| ASIDE_OPENERS.contains(&w.low().as_str()));
            let close = (j + 1..hi.min(j + 16)).find(|&k| ws[k].text == ",");
            if relative
                && let Some(k) = close
                && (j + 2..k).any(|m| {
                    (is_shot(m) || hit_by_gunfire(m)) && PASSIVE.contains(&ws[m - 1].low().as_str())
                })
            {
                return true;
            }
            match (aside, close) {
                (true, Some(k)) => {
                    stop = hi.min(k + 6);
                    j = k + 1;
                    continue;
                }
                _ => return false,
            }
        }
        // "a 5-year-old girl shot herself in the foot"
        if ws[j].low() == "shot"
            && ws
                .get(j + 1)
                .is_some_and(|w| matches!(w.low().as_str(), "himself" | "herself"))
        {
            return true;
        }
        if is_shot(j) || hit_by_gunfire(j) {
            // "was shot", "was accidentally shot", "was also shot"
            let passive = |k: usize| k > last && PASSIVE.contains(&ws[k].low().as_str());
            let adverb = {
                let w = ws[j - 1].low();
                w.ends_with("ly") || matches!(w.as_str(), "also" | "all" | "both" | "each" | "then")
            };
            return passive(j - 1) || (adverb && passive(j - 2));
        }
        j += 1;
    }
    false
}

/// Does "of ammunition" follow the count ending at word `last`, past its noun
/// ("a box of 50 rounds of ammunition")? Rounds carried are no shots fired.
pub(crate) fn ammunition_carried(ws: &Sentence<'_>, last: usize) -> bool {
    (last + 1..ws.len().saturating_sub(1).min(last + 4))
        .any(|k| ws[k].low_str() == "of" && ws[k + 1].low_str() == "ammunition")
}

/// Words of a witness's senses or guesses before a count.
pub(crate) static PERCEPTION: LazyLock<&[&str]> = LazyLock::new(|| &lexicon::ACTS.perception);

/// Does a word of perception stand just before the figure opening at word
/// `first` ("heard 8 to 10 shots", "estimated that more than 25 shots")?
pub(crate) fn perceived(ws: &Sentence<'_>, first: usize) -> bool {
    ws[first.saturating_sub(4)..first]
        .iter()
        .any(|w| PERCEPTION.contains(&w.low().as_str()))
}
