//! Takes a claim's sentence and the span of its figure, hands on the group of people
//! the figure counts when its words name one of `lexicon/people.toml`'s groups ("31
//! civilians killed" is "civilians", "118 Harrish soldiers" and "64 of its troops" are
//! "soldiers", "the number of civilians killed at nineteen" is "civilians"), for
//! compare to keep one group's toll apart from another's. Rule that is not obvious:
//! only the noun the figure counts is read (the words right after it, past modifiers,
//! names and "of its", or the noun of a "number of …" that the figure sizes); a group
//! named elsewhere in the sentence is someone else's.

use crate::lexicon::PEOPLE;

/// How many words after a figure its counted noun may stand ("118 young Harrish
/// army conscripts").
const REACH: usize = 5;

/// How many words before a figure a "number of …" it sizes may open.
const NUMBER_OF_REACH: usize = 8;

/// The group the figure spanning bytes `start..end` of `sentence` counts, if its
/// words name one.
pub fn group(sentence: &str, start: usize, end: usize) -> Option<&'static str> {
    // "a soldier", "one civilian": the figure's own words may name it
    if let Some(g) = sentence
        .get(start..end)?
        .split_whitespace()
        .last()
        .and_then(|w| group_of(&bare(w).to_lowercase()))
    {
        return Some(g);
    }
    let after: Vec<&str> = sentence.get(end..)?.split_whitespace().collect();
    if let Some(g) = noun_run(&after) {
        return Some(g);
    }
    // "puts the number of civilians killed at nineteen"
    let before: Vec<&str> = sentence.get(..start)?.split_whitespace().collect();
    let n = before.len();
    (n.saturating_sub(NUMBER_OF_REACH)..n.saturating_sub(1))
        .rev()
        .find(|&i| {
            bare(before[i]).eq_ignore_ascii_case("number")
                && bare(before[i + 1]).eq_ignore_ascii_case("of")
        })
        .and_then(|i| noun_run(&before[i + 2..]))
}

/// The group named by the first noun of `words`, past the words that may stand
/// between a figure and its noun.
fn noun_run(words: &[&str]) -> Option<&'static str> {
    for (k, w) in words.iter().take(REACH).enumerate() {
        let low = bare(w).to_lowercase();
        if let Some(g) = group_of(&low) {
            return Some(g);
        }
        let passable = matches!(low.as_str(), "of" | "its" | "their" | "the" | "our" | "his" | "her")
            || PEOPLE.modifiers.contains(&low.as_str())
            // "118 Harrish soldiers": a name standing as an adjective
            || (k < REACH - 1 && bare(w).chars().next().is_some_and(char::is_uppercase));
        if !passable || w.ends_with([',', '.', ';', ':']) {
            return None;
        }
    }
    None
}

/// The group a noun names, lower-cased.
fn group_of(word: &str) -> Option<&'static str> {
    PEOPLE
        .group
        .iter()
        .find(|g| g.words.contains(&word))
        .map(|g| g.name)
}

/// A word with the punctuation around it trimmed.
fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

#[cfg(test)]
mod tests {
    use super::group;

    fn of(sentence: &str, figure: &str) -> Option<&'static str> {
        let at = sentence.find(figure).unwrap();
        group(sentence, at, at + figure.len())
    }

    /// One expected group per row, many surface forms; `None` rows are negative.
    #[test]
    fn groups_a_figure_counts() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("The shelling killed 31 civilians.", "31", Some("civilians")),
            (
                "31 civilians were killed, most of them in villages.",
                "31",
                Some("civilians"),
            ),
            (
                "It counted 118 Harrish soldiers and 97 Pell troops killed.",
                "118",
                Some("soldiers"),
            ),
            (
                "It counted 118 Harrish soldiers and 97 Pell troops killed.",
                "97",
                Some("soldiers"),
            ),
            (
                "Pell has acknowledged 64 of its troops killed.",
                "64",
                Some("soldiers"),
            ),
            (
                "The army said 143 of its servicemen were killed.",
                "143",
                Some("soldiers"),
            ),
            (
                "The ministry puts the number of civilians killed at nineteen.",
                "nineteen",
                Some("civilians"),
            ),
            (
                "Two protesters died and a policeman was hurt.",
                "Two",
                Some("protesters"),
            ),
            (
                "Two protesters died and a policeman was hurt.",
                "a policeman",
                Some("police"),
            ),
            (
                "Three unarmed police officers were wounded.",
                "Three",
                Some("police"),
            ),
            (
                "All 150 passengers and six crew survived.",
                "six",
                Some("crew"),
            ),
            // negative rows: the group is someone else's, or no group is named
            ("Soldiers said 40 people were killed.", "40", None),
            ("At least 175 people lost their lives.", "175", None),
            ("The fire killed 12, soldiers said.", "12", None),
            ("Five were killed near the soldiers' camp.", "Five", None),
            (
                "The number of dead rose to 40 as troops arrived.",
                "40",
                None,
            ),
        ];
        let mut bad = Vec::new();
        for (sentence, figure, want) in cases {
            let got = of(sentence, figure);
            if got != *want {
                bad.push(format!(
                    "{sentence:?} {figure:?}: got {got:?}, want {want:?}"
                ));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }
}
