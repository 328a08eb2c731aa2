//! Takes a sentence, hands on the capitalised words in it that look like names,
//! lower-cased ("jana", "novakova"), for grouping documents into stories and for owners,
//! and on request the spellings that a capital first letter does not give back
//! ("McKnight", "NATO"), for the words a person reads.
//! Rule that is not obvious: the sentence's first word is capitalised by grammar and
//! counts only when the second is capitalised too or it is a possessive ("Bressley's"); words capitalised for grammar
//! (`lexicon/not-names.toml`, months, weekdays, function words) never count.

use std::sync::LazyLock;

use crate::extract::token::{lower, read_words};
use crate::lexicon;
use crate::model::WordSet;

/// Words that are capitalised for grammar, not because they name something.
pub(crate) static NOT_NAMES: LazyLock<Vec<&str>> = LazyLock::new(|| {
    let calendar = &lexicon::CALENDAR;
    let dates = calendar.months.iter().flatten().chain(&calendar.weekdays);
    lexicon::NOT_NAMES
        .words
        .iter()
        .chain(dates)
        .copied()
        .collect()
});

/// `NOT_NAMES` as a set.
pub(crate) static NOT_NAME: LazyLock<WordSet<&'static str>> =
    LazyLock::new(|| NOT_NAMES.iter().copied().collect());

/// Is this lower-cased word one that is capitalised without being a name
/// ("the", "police", a month)?
pub fn not_a_name(low: &str) -> bool {
    NOT_NAME.contains(low) || super::counted::is_function_word(low)
}

/// Capitalised words of `text` that look like names, normalised to lower case.
/// The first word of a sentence is capitalised by grammar, so it counts only
/// when the next word is capitalised too ("Jana Novakova said").
pub fn names(text: &str) -> Vec<String> {
    names_spelled(text, None)
}

/// The spellings of names that are not their lower-cased form with a capital
/// first letter ("McKnight", "NATO"): each with its place in the names read.
pub type Spellings = Vec<(u32, String)>;

/// `names`, adding to `spelled` the spelling of each name that `spelling`
/// would not give back, at its place in the returned names.
pub fn names_spelled(text: &str, mut spelled: Option<&mut Spellings>) -> Vec<String> {
    let mut out = Vec::new();
    // words that open with a letter or digit seen so far, and the first of
    // them, held until the second says whether it is a name
    let mut seen = 0usize;
    let mut opener: Option<&str> = None;
    read_words(text, |w, _, _| {
        if !w.chars().next().is_some_and(char::is_alphanumeric) {
            return;
        }
        seen += 1;
        if seen == 1 {
            // "Bressley's crews": a possessive names its owner even at the start
            if possessive(w) {
                push_name(w, &mut out, spelled.as_deref_mut());
            } else {
                opener = Some(w);
            }
            return;
        }
        if let Some(first) = opener.take().filter(|_| capitalised_word(w)) {
            push_name(first, &mut out, spelled.as_deref_mut());
        }
        push_name(w, &mut out, spelled.as_deref_mut());
    });
    out
}

/// A lower-cased name as most text writes it: with a capital first letter.
pub fn spelling(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Is the word a capitalised possessive whose stem is no grammar word ("Bressley's",
/// not "It's" or "That's")?
fn possessive(w: &str) -> bool {
    let stem = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"));
    stem.is_some_and(|s| capitalised_word(s) && s.chars().count() >= 3 && !not_a_name(&lower(s).0))
}

/// Does the word open with a capital?
pub(crate) fn capitalised_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Add the word to `out` if it is capitalised, of three letters or more and
/// not capitalised for grammar, lower-cased and without a possessive "'s";
/// keep in `spelled` a spelling `spelling` would not give back.
fn push_name(w: &str, out: &mut Vec<String>, spelled: Option<&mut Spellings>) {
    if !capitalised_word(w) || w.chars().count() < 3 {
        return;
    }
    let mut l = lower(w).0.into_owned();
    let mut written = w;
    while l.ends_with("'s") {
        l.truncate(l.len() - 2);
        written = written
            .strip_suffix("'s")
            .or(written.strip_suffix("'S"))
            .or(written.strip_suffix("’s"))
            .or(written.strip_suffix("’S"))
            .unwrap_or(written);
    }
    if NOT_NAME.contains(l.as_str()) {
        return;
    }
    if let Some(spelled) = spelled {
        // most names are a capital and lower-case letters: nothing to keep
        let plain = written.chars().skip(1).all(|c| !c.is_uppercase());
        if !plain && lower(written) == l.as_str() {
            spelled.push((out.len() as u32, written.to_string()));
        }
    }
    out.push(l);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::{Word, words};

    /// Names as they were read before the set lookup and the single pass.
    fn names_by_list(text: &str) -> Vec<String> {
        let ws: Vec<Word<'_>> = words(text)
            .into_iter()
            .filter(|w| w.text.chars().next().is_some_and(char::is_alphanumeric))
            .collect();
        let capitalised = |w: &Word<'_>| w.text.chars().next().is_some_and(char::is_uppercase);
        let mut out = Vec::new();
        for (i, w) in ws.iter().enumerate() {
            if !capitalised(w) || w.text.chars().count() < 3 {
                continue;
            }
            let possessive = w.text.ends_with("'s") || w.text.ends_with("’s");
            if i == 0 && !ws.get(1).is_some_and(capitalised) && !possessive {
                continue;
            }
            let l = lower(w.text);
            let l = l.trim_end_matches("'s").to_string();
            if NOT_NAMES.contains(&l.as_str()) {
                continue;
            }
            out.push(l);
        }
        out
    }

    #[test]
    fn names_match_the_list_reading() {
        for text in [
            "The mayor of Ostrava met Jana Novakova on Monday.",
            "Harbour Board's chair, Mr Olen Tarrow, said Tuesday's vote was close.",
            "Olen's boat's engine; Olen's's; TARROW'S own; Tarrow’s mill",
            "“Quoted” Names (In Brackets) — After Dark – Before Dawn",
            "Émile Zola and Ångström met São Paulo's mayor, İzmir's Øster.",
            "(Police) said: The City Department reported Ab Abc Abcd.",
            "Jo Li went. 3 Big Dogs. 12 people, Lake Quellmoor.",
            "Police said the Tessel Mall closed.",
            "Tessel Mall closed.",
            "Tessel mall closed.",
            "— Tessel Mall, “Harbour” Lane",
            "Tessel",
            "",
            "One",
            "Mr",
        ] {
            assert_eq!(names(text), names_by_list(text), "{text}");
        }
    }

    #[test]
    fn spellings_are_kept_only_where_a_capital_does_not_give_them_back() {
        let mut spelled = Spellings::new();
        let text = "Police said DeVonte McKnight met NATO's envoy, Ana Tarrow, in Dar-es-Salaam.";
        let names = names_spelled(text, Some(&mut spelled));
        assert_eq!(names, super::names(text));
        let got: Vec<(&str, &str)> = spelled
            .iter()
            .map(|(i, s)| (names[*i as usize].as_str(), s.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("devonte", "DeVonte"),
                ("mcknight", "McKnight"),
                ("nato", "NATO"),
                ("dar-es-salaam", "Dar-es-Salaam"),
            ]
        );
        assert_eq!(spelling("tarrow"), "Tarrow");
        assert_eq!(spelling("émile"), "Émile");
    }

    #[test]
    fn names_skip_grammar_capitals() {
        assert_eq!(
            names("The mayor of Ostrava met Jana Novakova on Monday."),
            vec!["ostrava", "jana", "novakova"]
        );
        assert!(names("Close the window.").is_empty());
        assert_eq!(names("Vance Orlo posts."), vec!["vance", "orlo"]);
    }
}
