//! Takes a claim's sentence and the place of its figure, hands on the owner the
//! sentence names for that figure: a possessive ("Pellick's 26,000 workers") or the
//! name the figure is said of ("Halvern employs about 18,000", "Pellick Corp, which
//! has 26,000 staff"). Rule that is not obvious: only words of having may stand
//! between the name and the figure, so "Police said 12 …" names no owner; an owner
//! is a name's first word, lower-cased, so "Halvern" and "Halvern Systems" agree.
//! Failing a name before it, a name right after the figure that modifies its noun
//! ("159 U.N. members", "50,000 U.S. troops") owns it; never in a headline's title case.

/// How many words back from the figure the owner's name may stand.
const OWNER_REACH: usize = 6;

/// The owner of the figure spanning bytes `at..end` of `sentence`, if the
/// sentence names one.
pub fn owner(sentence: &str, at: usize, end: usize) -> Option<String> {
    before_figure(sentence, at).or_else(|| modifier(sentence.get(end..)?))
}

/// A name right after the figure that modifies its noun: capitalised, a name,
/// and followed by a word in lower case ("U.N. members"; not "5 Wounded In").
fn modifier(after: &str) -> Option<String> {
    let mut words = after.split_whitespace();
    let name = words.next()?;
    let next = words.next()?;
    let bare = name.trim_matches(|c: char| !c.is_alphanumeric());
    let low = bare.to_lowercase();
    // "Halvern." closes its clause; "U.N." does not
    let closes = name.ends_with([',', ';', ':']) || name.ends_with('.') && !bare.contains('.');
    (capitalised(bare)
        && !closes
        && next.chars().next().is_some_and(char::is_lowercase)
        && !crate::extract::names::not_a_name(&low))
    .then_some(low)
}

/// The owner named before the figure at byte `at` of `sentence`.
fn before_figure(sentence: &str, at: usize) -> Option<String> {
    let before = sentence.get(..at)?;
    let words: Vec<&str> = before
        .split_whitespace()
        .flat_map(|w| {
            // a comma stands apart: "Pellick Corp, which has"
            let bare = w.trim_end_matches(',');
            if bare.len() < w.len() {
                vec![bare, ","]
            } else {
                vec![w]
            }
        })
        .filter(|w| !w.is_empty())
        .collect();
    let owning = &crate::lexicon::ACTS.owning_words;
    let mut j = restated(&words);
    let mut seen = 0;
    while j > 0 && seen < OWNER_REACH {
        j -= 1;
        seen += 1;
        let w = words[j];
        if let Some(stem) = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
            return capitalised(stem).then(|| stem.to_lowercase());
        }
        if w == "," || owning.contains(&w.to_lowercase().as_str()) {
            continue;
        }
        if !capitalised(w) {
            return None;
        }
        // the name: the run of capitalised words ending here; its first word
        let mut k = j;
        while k > 0 && capitalised(words[k - 1]) {
            k -= 1;
        }
        // "Halvern Tull of the Civic Party won 18,000": a name that an "of the"
        // phrase follows owns the figure, not the phrase's name
        while k >= 3 && words[k - 1] == "the" && words[k - 2] == "of" && capitalised(words[k - 3]) {
            k -= 3;
            while k > 0 && capitalised(words[k - 1]) {
                k -= 1;
            }
        }
        // "Tull's Civic Union won 64": the union's, not its leader's
        if let Some(m) = (k..j).rev().find(|&m| possessive(words[m])) {
            k = m + 1;
        }
        // "The Civic Union won 64": the article opens the sentence, not the name
        if k < j && matches!(words[k], "The" | "A" | "An") {
            k += 1;
        }
        // a word capitalised by grammar or habit ("Officials with 12 …",
        // "The") names no one
        let first = words[k]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if crate::extract::names::not_a_name(&first) {
            return None;
        }
        return Some(first);
    }
    None
}

/// The name a sentence opens on when it is the one who says the figure, which
/// stands after the saying verb: "Pellick Corp, with 26,000 employees, said
/// third-quarter revenue rose 9% to $3.9 billion" gives "pellick". Meant for
/// measures that are always someone's (a company's revenue): the speaker of
/// such a figure is its owner; for a toll it is only a source.
pub fn speaker(sentence: &str, at: usize) -> Option<String> {
    let before = sentence.get(..at)?;
    let words: Vec<&str> = before.split_whitespace().collect();
    let saying = &crate::lexicon::ACTS.saying_verbs;
    let verb = words
        .iter()
        .position(|w| saying.contains(&w.trim_end_matches(',').to_lowercase().as_str()))?;
    // the name's run of capitalised words opens the sentence, past an article
    let mut k = usize::from(matches!(words.first(), Some(&("The" | "A" | "An"))));
    let start = k;
    while k < verb && capitalised(words[k]) && !words[k].ends_with(',') {
        k += 1;
    }
    let closes_name = k < verb && capitalised(words[k]) && words[k].ends_with(',');
    if k == start && !closes_name {
        return None;
    }
    let k = k + usize::from(closes_name);
    // right after the name: the verb, or an aside between commas before it
    let aside = k < verb && words[k - 1].ends_with(',') && words[verb - 1].ends_with(',');
    if k != verb && !aside {
        return None;
    }
    let first = words[start]
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    (!first.is_empty() && !crate::extract::names::not_a_name(&first)).then_some(first)
}

/// How many of `words` (those before a figure) to read back from: past a share
/// the figure restates (", or" after "38.4 percent" in "Tull won 41.5 percent,
/// or 18,000 votes"), so the share's owner is the figure's.
fn restated(words: &[&str]) -> usize {
    let n = words.len();
    let number = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
    if n >= 4 && words[n - 1] == "or" && words[n - 2] == "," {
        let unit = n - 3;
        if matches!(words[unit], "percent" | "%") && unit > 0 && number(words[unit - 1]) {
            return unit - 1;
        }
        if words[unit].ends_with('%') && number(words[unit]) {
            return unit;
        }
    }
    n
}

/// A possessive word ("Tull's").
fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// A word that starts with a capital letter and is a word.
fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::owner;

    fn of(sentence: &str, figure: &str) -> Option<String> {
        let at = sentence.find(figure).unwrap();
        owner(sentence, at, at + figure.len())
    }

    /// One expected owner, many surface forms.
    #[test]
    fn owners_named_before_the_figure() {
        for (sentence, figure) in [
            ("Halvern employs about 18,000 people worldwide.", "18,000"),
            (
                "Its rival, Halvern Systems, which has about 18,000 workers, fell.",
                "18,000",
            ),
            ("Halvern's 18,000 staff were told on Monday.", "18,000"),
            (
                "Shares rose after Halvern, with 18,000 employees, said so.",
                "18,000",
            ),
            ("The Halvern Group won 18,000 new orders.", "18,000"),
            (
                "Halvern Tull of the Civic Party won 18,000 votes.",
                "18,000",
            ),
            (
                "Halvern won 41.5 percent, or 18,000 votes, on Sunday.",
                "18,000",
            ),
            ("Halvern won 41.5%, or 18,000 votes.", "18,000"),
            ("Tull's Halvern Party won 18,000 votes.", "18,000"),
            ("Halvern Tull received 18,000 votes.", "18,000"),
            (
                "Halvern Tull of the Civic Party finished third with 18,000 votes.",
                "18,000",
            ),
        ] {
            assert_eq!(
                of(sentence, figure).as_deref(),
                Some("halvern"),
                "{sentence}"
            );
        }
    }

    /// The one who says a figure of its own owns it.
    #[test]
    fn speakers_of_their_own_figures() {
        let at = |s: &str, f: &str| super::speaker(s, s.find(f).unwrap());
        for (sentence, figure, want) in [
            (
                "Pellick Corp, with 26,000 employees, said revenue rose 9% to $3.9 billion.",
                "$3.9",
                Some("pellick"),
            ),
            (
                "Halvern said revenue fell to $2.4 billion.",
                "$2.4",
                Some("halvern"),
            ),
            (
                "The Halvern Group reported sales of $2.4 billion.",
                "$2.4",
                Some("halvern"),
            ),
            // a word capitalised by grammar, no name, or a name that does not say it
            ("Police said revenue fell to $2.4 billion.", "$2.4", None),
            (
                "Revenue fell to $2.4 billion, the company said.",
                "$2.4",
                None,
            ),
            (
                "Analysts at Orrin said revenue fell to $2.4 billion.",
                "$2.4",
                None,
            ),
        ] {
            assert_eq!(at(sentence, figure).as_deref(), want, "{sentence}");
        }
    }

    /// A name that modifies the figure's noun owns it.
    #[test]
    fn owners_named_after_the_figure() {
        for (sentence, figure, want) in [
            ("Thirty of the 159 U.N. members had filed.", "159", "u.n"),
            (
                "At least 5,000 Halvern workers will go.",
                "5,000",
                "halvern",
            ),
            (
                "The army sent 200 Lowmerian soldiers north.",
                "200",
                "lowmerian",
            ),
        ] {
            assert_eq!(of(sentence, figure).as_deref(), Some(want), "{sentence}");
        }
    }

    /// Negative rows: no name, or a word other than one of having between.
    #[test]
    fn no_owner_without_a_name_right_before() {
        for (sentence, figure) in [
            ("Police said 12 people were hurt.", "12"),
            ("The company has 18,000 staff.", "18,000"),
            ("Officials with 12 teams arrived.", "12"),
            ("The Officials had 12 teams.", "12"),
            ("In Marrow County the storm destroyed 40 homes.", "40"),
            // a headline's title case, a month, a name closing its clause
            ("5 Wounded In Harrow Shooting", "5"),
            ("The storm killed 40 in September last year.", "40"),
            ("The storm killed 40 Monday night.", "40"),
            ("Its staff numbered 40. Halvern said so.", "40"),
            // a restated share's owner only right before it
            ("Police said 12 percent, or 40 homes, burned.", "40"),
            ("Halvern won, with 12 seats or 40 votes.", "40"),
        ] {
            assert_eq!(of(sentence, figure), None, "{sentence}");
        }
    }
}
