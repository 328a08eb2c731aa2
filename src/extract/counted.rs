//! Takes a sentence's words and a figure's place in them, hands on what the figure
//! counts when the lexicon has no class for it: the head of the noun run after the
//! figure (folded to the singular), the word that narrows it, and the act it is
//! counted under. Rule that is not obvious: an open key is deliberately narrow (head,
//! narrowing word and act must all match), so a figure outside the lexicon meets
//! only figures told in the same words and never a neighbouring class.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::token::Sentence;

/// What a figure counts, read from its own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    /// The head noun as written, lower-cased ("tackles"); `singular` folds it.
    pub head: String,
    /// The word right before the head that narrows it ("parliamentary"), or an
    /// "-ing" word right after it ("yards rushing").
    pub modifier: Option<String>,
    /// Word index of the head.
    pub at: usize,
}

/// Is `w` (lower case, as written) a plural noun for people?
pub fn is_people_noun(w: &str) -> bool {
    static PEOPLE_NOUNS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
        let p = &crate::lexicon::PEOPLE;
        p.plural
            .iter()
            .chain(&p.counted)
            .chain(&p.other_plural)
            .copied()
            .collect()
    });
    PEOPLE_NOUNS.contains(w)
}

pub use super::token::is_function_word;

/// A word that may stand in a noun run: lower-case letters, perhaps hyphenated.
fn plain_word(w: &str) -> bool {
    w.len() >= 2
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && w.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
}

/// Does the word read as a verb form or an adverb rather than a noun?
fn verb_or_adverb(w: &str) -> bool {
    w.ends_with("ed") || w.ends_with("ly")
}

/// How many words after the figure a noun run may take.
const RUN_MAX: usize = 3;

/// The noun run the figure ending at word `last` counts, if its words say.
/// `figures` are the word spans of the sentence's other figures.
pub fn counted(ws: &Sentence<'_>, last: usize, figures: &[(usize, usize)]) -> Option<Counted> {
    let mut run: Vec<usize> = Vec::with_capacity(RUN_MAX);
    let mut post: Option<usize> = None;
    let mut j = last + 1;
    // "holds 318,400 Velder Mills shares": an issuer's name between the figure and
    // the shares it counts is passed over (the owner reads it)
    let name_len = (0..3)
        .take_while(|&k| {
            ws.get(last + 1 + k).is_some_and(|w| {
                w.text().starts_with(|c: char| c.is_ascii_uppercase())
                    && w.text().bytes().all(|b| b.is_ascii_alphabetic())
            })
        })
        .count();
    if name_len > 0
        && !ws.title_case()
        && ws.get(last + 1 + name_len).is_some_and(|w| {
            let n = w.low_str();
            plain_word(w.text()) && crate::lexicon::THINGS.issued.contains(&n)
        })
        && !figures
            .iter()
            .any(|&(a, _)| a > last && a <= last + name_len)
    {
        j += name_len;
    }
    while j < ws.len() && run.len() < RUN_MAX {
        if figures.iter().any(|&(a, _)| a == j) {
            break;
        }
        let w = ws[j].low_str();
        // the word as written: a capitalised word opens a name, not a noun run
        if !plain_word(ws[j].text()) || is_function_word(w) {
            break;
        }
        if !run.is_empty() && (w.ends_with("ing") || verb_or_adverb(w)) {
            // "404 yards rushing": a post-modifier narrows the head before it
            if w.ends_with("ing") {
                post = Some(j);
            }
            break;
        }
        if run.is_empty() && verb_or_adverb(w) {
            return None;
        }
        // "were both wearing jackets": after a floating quantifier, a verb
        if run.is_empty()
            && w.ends_with("ing")
            && matches!(ws[last].low_str(), "both" | "all" | "each")
        {
            return None;
        }
        run.push(j);
        j += 1;
        // a plural heads its run: "12 ferries serves the bay" ends at "ferries"
        if w.ends_with('s') && !w.ends_with("ss") {
            if let Some(n) = ws.get(j).map(|n| n.low_str())
                && n.ends_with("ing")
                && plain_word(n)
            {
                post = Some(j);
            }
            break;
        }
    }
    let &at = run.last()?;
    let head = ws[at].low_str().to_string();
    let modifier = if let Some(p) = post.filter(|_| run.len() == 1) {
        Some(ws[p].low_str().to_string())
    } else if run.len() >= 2 {
        Some(ws[run[run.len() - 2]].low_str().to_string())
    } else {
        None
    };
    Some(Counted { head, modifier, at })
}

/// How many words before the figure the act may stand.
const ACT_REACH: usize = 4;

/// The act a figure starting at word `first` is counted under: the nearest content
/// word before it in its clause ("missing four games", "limited to only six
/// games"), if any.
pub fn act(
    ws: &Sentence<'_>,
    first: usize,
    lo: usize,
    figures: &[(usize, usize)],
) -> Option<String> {
    let mut j = first;
    let mut seen = 0;
    while j > lo && seen < ACT_REACH {
        j -= 1;
        if figures.iter().any(|&(_, b)| b == j) {
            return None;
        }
        let w = ws[j].low_str();
        if !plain_word(w) {
            // punctuation ends the clause part the act is sought in
            if !w.bytes().any(|b| b.is_ascii_alphanumeric()) {
                return None;
            }
            seen += 1;
            continue;
        }
        if is_function_word(w) {
            seen += 1;
            continue;
        }
        return Some(w.to_string());
    }
    None
}

/// The act told after the counted noun at word `at`, in the passive or the
/// perfect ("120 homes had been damaged", "95,000 customers had lost contact") or
/// as a participle right after it ("homes damaged by the storm"); `hi` ends the
/// clause.
pub fn act_after(ws: &Sentence<'_>, at: usize, hi: usize) -> Option<String> {
    let acts = &crate::lexicon::ACTS;
    let mut j = at + 1;
    let mut aux = 0;
    while j < hi && aux < 4 && acts.auxiliaries.contains(&ws[j].low_str()) {
        aux += 1;
        j += 1;
    }
    if j >= hi {
        return None;
    }
    let w = ws[j].text();
    // an irregular form is a participle only after an auxiliary ("had lost");
    // with none, an "-ed" word with an object is the figure's own deed ("two
    // men ambushed the party"), one without is a participle ("homes damaged
    // by the storm", "Fifteen trapped at the pit")
    let no_object = || {
        ws.get(j + 1).is_none_or(|n| {
            let n = n.low_str();
            !n.bytes().any(|b| b.is_ascii_alphanumeric()) || PARTICIPLE_FOLLOWERS.contains(&n)
        })
    };
    let participle = is_participle(w) && (aux > 0 || (w.ends_with("ed") && no_object()));
    (plain_word(w) && participle).then(|| w.to_string())
}

/// Words that may follow a participle with no auxiliary before it: prepositions
/// and the like, never the start of an object.
const PARTICIPLE_FOLLOWERS: &[&str] = &[
    "by",
    "at",
    "in",
    "on",
    "from",
    "after",
    "for",
    "to",
    "with",
    "as",
    "inside",
    "near",
    "under",
    "during",
    "overnight",
    "underground",
    "since",
    "when",
    "and",
];

/// Are `words` what stands between a part and the whole it is told out of
/// ("62 of the 150", "nine of the assembly's 200", "30 of its 80")? "of", then
/// at most a determiner, a possessive, or "the" and a possessive.
pub fn of_a_whole(words: &[&str]) -> bool {
    let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
    match words {
        ["of"] => true,
        ["of", w] => determiner(w) || possessive(w),
        ["of", "the", w] => possessive(w),
        _ => false,
    }
}

/// Is `w` (lower case) a determiner of a whole ("of the", "of its" …)?
pub fn determiner(w: &str) -> bool {
    matches!(w, "the" | "its" | "their" | "his" | "her" | "our")
}

/// Is `w` (lower case) a past participle: a word in "-ed" that reports an act,
/// or an irregular one of `acts.toml`?
pub fn is_participle(w: &str) -> bool {
    let acts = &crate::lexicon::ACTS;
    (w.ends_with("ed") && !acts.not_acts.contains(&w)) || acts.irregular_participles.contains(&w)
}

/// The singular of a lower-case English noun (irregular plurals from the
/// `pluralizer` crate's tables; they are looked up once per word and cached).
pub fn singular(w: &str) -> String {
    thread_local! {
        static CACHE: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> =
            std::cell::RefCell::default();
    }
    if !w.ends_with('s') && !w.ends_with("men") && !w.ends_with("ren") && !w.ends_with("ple") {
        return w.to_string();
    }
    CACHE.with(|c| {
        if let Some(s) = c.borrow().get(w) {
            return s.clone();
        }
        let s = pluralizer::pluralize(w, 1, false);
        // an input the rules cannot fold comes back unchanged
        let s = if s.is_empty() { w.to_string() } else { s };
        let mut map = c.borrow_mut();
        // bounded: a hostile input cannot grow it without end
        if map.len() < 1 << 14 {
            map.insert(w.to_string(), s.clone());
        }
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentence: &str, figure: &str) -> Option<(String, Option<String>, Option<String>)> {
        let ws = Sentence::new(sentence);
        let start = sentence.find(figure).unwrap();
        let end = start + figure.len();
        let first = ws.iter().position(|w| w.end_offset() > start).unwrap();
        let last = ws.iter().rposition(|w| w.start_offset() < end).unwrap();
        let c = counted(&ws, last, &[])?;
        Some((singular(&c.head), c.modifier, act(&ws, first, 0, &[])))
    }

    /// One expected key, many surface forms.
    #[test]
    fn heads_fold_plurals_and_keep_their_narrowing_word() {
        let key = |h: &str, m: Option<&str>, a: Option<&str>| {
            Some((h.to_string(), m.map(str::to_string), a.map(str::to_string)))
        };
        for (sentence, figure, want) in [
            (
                "He ranks fifth with 86 tackles.",
                "86",
                key("tackle", None, Some("fifth")),
            ),
            (
                "He missed four games after surgery.",
                "four",
                key("game", None, Some("missed")),
            ),
            (
                "He was limited to only six games.",
                "six",
                key("game", None, Some("limited")),
            ),
            (
                "The 125 parliamentary seats are contested.",
                "125",
                key("seat", Some("parliamentary"), None),
            ),
            (
                "She finished with 404 yards rushing.",
                "404",
                key("yard", Some("rushing"), Some("finished")),
            ),
            (
                "The plant shipped 3,200 tractors last year.",
                "3,200",
                key("tractor", None, Some("shipped")),
            ),
            (
                "The firm shipped 3200 tractors.",
                "3200",
                key("tractor", None, Some("shipped")),
            ),
            (
                "A fleet of 12 ferries serves the bay.",
                "12",
                key("ferry", None, Some("fleet")),
            ),
            (
                "They caught 40 boxes of fish.",
                "40",
                key("box", None, Some("caught")),
            ),
        ] {
            assert_eq!(read(sentence, figure), want, "{sentence}");
        }
    }

    /// Negative rows: no noun run, so no open key.
    #[test]
    fn a_figure_followed_by_a_verb_or_a_name_counts_nothing() {
        for (sentence, figure) in [
            ("Four were killed in the blast.", "Four"),
            ("The toll rose to 40 on Sunday.", "40"),
            ("Police said 12 Kestrel Street residents left.", "12"),
            ("The vote was 12 to 3.", "12"),
            ("About 30 injured in the crash.", "30"),
        ] {
            assert_eq!(read(sentence, figure), None, "{sentence}");
        }
    }

    #[test]
    fn singular_of_regular_and_irregular_plurals() {
        for (plural, one) in [
            ("games", "game"),
            ("ferries", "ferry"),
            ("boxes", "box"),
            ("women", "woman"),
            ("children", "child"),
            ("analyses", "analysis"),
            ("series", "series"),
            ("news", "news"),
            ("seat", "seat"),
        ] {
            assert_eq!(singular(plural), one, "{plural}");
        }
    }

    #[test]
    fn the_function_words_come_from_the_crate_and_the_lexicon() {
        for w in ["the", "were", "of", "more", "other"] {
            assert!(is_function_word(w), "{w}");
        }
        for w in ["tackles", "seats", "people", "killed"] {
            assert!(!is_function_word(w), "{w}");
        }
    }

    /// One expected answer per row; the words between a part and its whole.
    #[test]
    fn the_words_between_a_part_and_its_whole() {
        let cases: &[(&[&str], bool)] = &[
            (&["of"], true),
            (&["of", "the"], true),
            (&["of", "its"], true),
            (&["of", "parliament's"], true),
            (&["of", "the", "assembly's"], true),
            (&["of", "the", "assembly’s"], true),
            (&["of", "the", "large"], false),
            (&["in", "the"], false),
            (&["of", "all"], false),
            (&[], false),
        ];
        for (words, want) in cases {
            assert_eq!(of_a_whole(words), *want, "{words:?}");
        }
    }
}
