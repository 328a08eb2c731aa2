//! Takes a sentence, hands on the capitalised words in it that look like names,
//! lower-cased ("jana", "novakova"), for grouping documents into stories and for owners.
//! Rule that is not obvious: the sentence's first word is capitalised by grammar and
//! counts only when the second is capitalised too; words capitalised for grammar
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
            opener = Some(w);
            return;
        }
        if let Some(first) = opener.take().filter(|_| capitalised_word(w)) {
            push_name(first, &mut out);
        }
        push_name(w, &mut out);
    });
    out
}

/// Does the word open with a capital?
pub(crate) fn capitalised_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Add the word to `out` if it is capitalised, of three letters or more and
/// not capitalised for grammar, lower-cased and without a possessive "'s".
pub(crate) fn push_name(w: &str, out: &mut Vec<String>) {
    if !capitalised_word(w) || w.chars().count() < 3 {
        return;
    }
    let mut l = lower(w).0.into_owned();
    while l.ends_with("'s") {
        l.truncate(l.len() - 2);
    }
    if !NOT_NAME.contains(l.as_str()) {
        out.push(l);
    }
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
            if i == 0 && !ws.get(1).is_some_and(capitalised) {
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
    fn names_skip_grammar_capitals() {
        assert_eq!(
            names("The mayor of Ostrava met Jana Novakova on Monday."),
            vec!["ostrava", "jana", "novakova"]
        );
        assert!(names("Close the window.").is_empty());
        assert_eq!(names("Vance Orlo posts."), vec!["vance", "orlo"]);
    }
}
