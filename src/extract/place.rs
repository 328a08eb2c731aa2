//! Takes a claim's sentence and the span of its figure, hands on the place the
//! sentence locates that figure in ("killed 247 people in Kenya" is "kenya",
//! "wounded 70 in Kenya and Tanzania" is "kenya+tanzania"), for compare to keep
//! a breakdown by place apart from its parts. Rule that is not obvious: the place
//! after the figure wins, read up to the next figure in digits ("killed 247 in
//! Kenya and 10 in Tanzania" gives each its own); else the nearest place before
//! it in the sentence, which a subject's place governs ("a bomb in Tanzania
//! killed 10 and wounded 70").

/// Words that locate what follows them.
const LOCATING: [&str; 2] = ["in", "at"];

/// The place of the figure spanning bytes `start..end` of `sentence`, if the
/// sentence locates it: the first word of each place named, lower-cased, joined
/// by `+` in the order written.
pub fn place(sentence: &str, start: usize, end: usize) -> Option<String> {
    let after = sentence.get(end..)?;
    let before = sentence.get(..start)?;
    let after: Vec<&str> = after
        .split_whitespace()
        .take_while(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .collect();
    if let Some(p) = (0..after.len()).find_map(|i| located(&after[i..])) {
        return Some(p);
    }
    let before: Vec<&str> = before.split_whitespace().collect();
    (0..before.len()).rev().find_map(|i| located(&before[i..]))
}

/// The place named by `words` when they open on a locating word and a name
/// ("in the Tanzanian capital", "at Lowmere and Harrow").
fn located(words: &[&str]) -> Option<String> {
    let (first, rest) = words.split_first()?;
    if !LOCATING.contains(&bare(first).to_lowercase().as_str()) || ends_clause(first) {
        return None;
    }
    let mut rest = rest;
    if rest
        .first()
        .is_some_and(|w| bare(w).eq_ignore_ascii_case("the"))
    {
        rest = &rest[1..];
    }
    let mut places: Vec<String> = Vec::new();
    let mut i = 0;
    loop {
        let w = rest.get(i)?;
        if !is_name(w) {
            break;
        }
        places.push(stem(w).to_lowercase());
        // the rest of this name's words ("Dar es Salaam", "Nairobi, Kenya,")
        while i < rest.len() && !ends_clause(rest[i]) {
            i += 1;
            match rest.get(i) {
                Some(w) if is_name(w) || matches!(bare(w), "es" | "de" | "of") => {}
                _ => break,
            }
        }
        // another place joined on ("in Kenya and Tanzania")
        match rest.get(i) {
            Some(w) if bare(w) == "and" && rest.get(i + 1).is_some_and(|w| is_name(w)) => {
                i += 1;
            }
            _ => break,
        }
    }
    (!places.is_empty()).then(|| places.join("+"))
}

/// A word with the punctuation around it trimmed.
fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// A word bare of punctuation and of a possessive ending ("Harrow's" is "Harrow").
fn stem(w: &str) -> &str {
    let b = bare(w);
    b.strip_suffix("'s")
        .or_else(|| b.strip_suffix("’s"))
        .unwrap_or(b)
}

/// A word that closes its clause ("Kenya," "Kenya.").
fn ends_clause(w: &str) -> bool {
    w.ends_with([',', '.', ';', ':'])
}

/// A capitalised word that names something (not a month, a weekday or a
/// function word).
fn is_name(w: &str) -> bool {
    let b = bare(w);
    // "in Sunday's election": a possessive is judged by its stem
    let stem = stem(w);
    b.chars().next().is_some_and(char::is_uppercase)
        && !crate::extract::names::not_a_name(&stem.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::place;

    fn of(sentence: &str, figure: &str) -> Option<String> {
        let at = sentence.find(figure).unwrap();
        place(sentence, at, at + figure.len())
    }

    /// One expected place per row, many surface forms; `None` rows are negative.
    #[test]
    fn places_a_sentence_gives_its_figure() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "The storms killed 31 people in Harrow.",
                "31",
                Some("harrow"),
            ),
            (
                "The storms killed 31 in Harrow and 4 in Lowmere.",
                "31",
                Some("harrow"),
            ),
            (
                "The storms killed 31 in Harrow and 4 in Lowmere.",
                "4",
                Some("lowmere"),
            ),
            (
                "A flood in Lowmere killed 4 and injured 12 others.",
                "12",
                Some("lowmere"),
            ),
            (
                "At least 9 died in the Lowmere district.",
                "9",
                Some("lowmere"),
            ),
            (
                "Blasts in Harrow and Lowmere killed 40.",
                "40",
                Some("harrow+lowmere"),
            ),
            (
                "Blasts at Port Vell, Harrow, killed 40.",
                "40",
                Some("port"),
            ),
            ("In Harrow, 40 homes burned.", "40", Some("harrow")),
            ("The storms killed 31 people.", "31", None),
            ("The storms killed 31 people in the night.", "31", None),
            ("The storms killed 31 people in September.", "31", None),
            ("The party won 31 seats in Sunday's vote.", "31", None),
            (
                "The party won 31 seats in Harrow's vote.",
                "31",
                Some("harrow"),
            ),
            ("At least 31 people were killed.", "31", None),
        ];
        for (sentence, figure, want) in cases {
            assert_eq!(of(sentence, figure).as_deref(), *want, "{sentence}");
        }
    }
}
