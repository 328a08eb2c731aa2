//! Takes the date rules' regexes, hands on a prefilter that tells, in one
//! Aho-Corasick pass over a sentence, which of them can match in it.
//! Rule that is not obvious: each regex's literals are the prefixes (or
//! suffixes) that every one of its matches must begin (or end) with, taken
//! from its syntax tree; a regex with no such finite set is always run.
//! The prefilter may let through a regex that then finds nothing, never the
//! reverse, so using it changes nothing but the time taken.

use aho_corasick::AhoCorasick;
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Capture, Class, Hir, HirKind, Repetition};

/// `hir` with every letter that may be written in either case (a class
/// such as `[Ee]`, from `(?i)`) and every literal letter lower-cased, for a
/// search that ignores ASCII case. A class of one letter in both cases that
/// also holds a non-ASCII character that folds to it (the Kelvin sign for
/// `k`) becomes the letter too; those characters are gathered in `others`.
fn fold_case(hir: &Hir, others: &mut Vec<char>) -> Hir {
    match hir.kind() {
        HirKind::Literal(lit) => Hir::literal(lit.0.to_ascii_lowercase()),
        HirKind::Class(class) => match folded_letter(class, others) {
            Some(b) => Hir::literal([b]),
            None => hir.clone(),
        },
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(fold_case(&r.sub, others)),
            ..r.clone()
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(fold_case(&c.sub, others)),
            ..c.clone()
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(|h| fold_case(h, others)).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.iter().map(|h| fold_case(h, others)).collect())
        }
        HirKind::Empty | HirKind::Look(_) => hir.clone(),
    }
}

/// The lower-case ASCII letter a small class stands for, when its members
/// are that letter, in either case, and non-ASCII characters (pushed on
/// `others`).
fn folded_letter(class: &Class, others: &mut Vec<char>) -> Option<u8> {
    let members: Vec<char> = match class {
        Class::Unicode(c) => {
            let mut v = Vec::new();
            for r in c.ranges() {
                if (r.end() as u32) - (r.start() as u32) > 4 || v.len() > 4 {
                    return None;
                }
                v.extend(r.start()..=r.end());
            }
            v
        }
        Class::Bytes(c) => {
            let mut v = Vec::new();
            for r in c.ranges() {
                if r.end() - r.start() > 4 || v.len() > 4 || !r.end().is_ascii() {
                    return None;
                }
                v.extend((r.start()..=r.end()).map(char::from));
            }
            v
        }
    };
    let mut letter: Option<u8> = None;
    let mut non_ascii = Vec::new();
    for m in members {
        if m.is_ascii_alphabetic() {
            let l = m.to_ascii_lowercase() as u8;
            if letter.is_some_and(|x| x != l) {
                return None;
            }
            letter = Some(l);
        } else if m.is_ascii() {
            return None;
        } else {
            non_ascii.push(m);
        }
    }
    if letter.is_some() {
        others.extend(non_ascii);
    }
    letter
}

/// Literals, one of which every match of `pattern` contains (see
/// `required`), taken from the case-folded pattern (see `fold_case`): to be
/// searched for ignoring ASCII case, and in any text holding one of
/// `others`, to be taken as found. `None` when there is no finite set or
/// one of its literals is empty (it would fire everywhere).
fn required_literals_folded(pattern: &str, others: &mut Vec<char>) -> Option<Vec<Vec<u8>>> {
    // the regex crate's own defaults, so the tree is the regex's tree
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    required(&fold_case(&hir, others))
}

/// A set of literals one of which every match of `hir` contains: the
/// prefixes or suffixes of the whole, or the set of a part every match
/// passes through (a part of a concatenation, the body of a group or of a
/// repetition that must happen once), or for an alternation the sets of all
/// its branches together; of these, the one whose shortest literal is
/// longest (then the smallest), as the one that fires least often, a digit
/// of a literal of digits only counting half a letter.
fn required(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let mut candidates: Vec<Vec<Vec<u8>>> = [ExtractKind::Prefix, ExtractKind::Suffix]
        .into_iter()
        .filter_map(|kind| literal_set(&Extractor::new().kind(kind).extract(hir)))
        .collect();
    match hir.kind() {
        HirKind::Concat(subs) => candidates.extend(subs.iter().filter_map(required)),
        HirKind::Capture(c) => candidates.extend(required(&c.sub)),
        HirKind::Repetition(r) if r.min > 0 => candidates.extend(required(&r.sub)),
        HirKind::Alternation(subs) => {
            let mut union = Vec::new();
            for sub in subs {
                union.extend(required(sub)?);
            }
            union.sort();
            union.dedup();
            candidates.push(union);
        }
        _ => {}
    }
    // in half characters: a literal of digits only is tested as a run of as
    // many digits, which nearly every figure has, so its digits count half
    let shortest = |set: &Vec<Vec<u8>>| {
        set.iter()
            .map(|l| {
                if l.iter().all(u8::is_ascii_digit) {
                    l.len()
                } else {
                    2 * l.len()
                }
            })
            .min()
            .unwrap_or(0)
    };
    candidates
        .into_iter()
        .max_by_key(|set| (shortest(set), std::cmp::Reverse(set.len())))
}

/// The literals of a finite sequence, if none is empty.
fn literal_set(seq: &regex_syntax::hir::literal::Seq) -> Option<Vec<Vec<u8>>> {
    let literals = seq.literals()?;
    if literals.is_empty() || literals.iter().any(|l| l.as_bytes().is_empty()) {
        return None;
    }
    Some(literals.iter().map(|l| l.as_bytes().to_vec()).collect())
}

/// Which of a list of regexes (at most 64) may match in a text.
pub struct Trigger {
    literals: AhoCorasick,
    /// For each literal, the regexes (as bits) whose literal set holds it.
    masks: Vec<u64>,
    /// The regexes that have no literals and so are always run.
    always: u64,
    /// The regexes that a literal made of `k` digits lets through whenever
    /// the text has a run of `k` digits, at index `k`: hundreds of literals
    /// ("100" to "299" for a year) that match at nearly every figure cost
    /// more to find than the regexes they would hold back.
    digits: Vec<u64>,
    /// Non-ASCII characters that fold to a letter of a literal: a text with
    /// one may match where no literal is found, so it lets every regex through.
    others: Vec<char>,
}

/// What the trigger needs of one pattern, read from its syntax tree alone,
/// so the patterns can be read on several threads before `Trigger::assemble`.
pub struct Literals {
    /// `required_literals_folded` of the pattern.
    set: Option<Vec<Vec<u8>>>,
    /// Non-ASCII characters that fold to one of its letters.
    others: Vec<char>,
}

impl Literals {
    pub fn of(pattern: &str) -> Literals {
        let mut others = Vec::new();
        let set = required_literals_folded(pattern, &mut others);
        Literals { set, others }
    }
}

impl Trigger {
    /// A trigger for `patterns`, the `i`-th pattern being bit `i`.
    #[cfg(test)]
    pub fn new(patterns: &[&str]) -> Trigger {
        Trigger::assemble(patterns.iter().map(|p| Literals::of(p)).collect())
    }

    /// A trigger for the patterns whose literals are `read`, the `i`-th
    /// pattern being bit `i`.
    pub fn assemble(read: Vec<Literals>) -> Trigger {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut masks: Vec<u64> = Vec::new();
        let mut index: rustc_hash::FxHashMap<Vec<u8>, usize> = Default::default();
        let mut always = 0u64;
        let mut digits: Vec<u64> = Vec::new();
        let mut others = Vec::new();
        for (i, read) in read.into_iter().enumerate() {
            let bit = 1u64.checked_shl(i as u32).unwrap_or(0);
            others.extend(read.others);
            match read.set {
                Some(lits) if bit != 0 => {
                    for l in lits {
                        if l.iter().all(u8::is_ascii_digit) {
                            if digits.len() <= l.len() {
                                digits.resize(l.len() + 1, 0);
                            }
                            digits[l.len()] |= bit;
                            continue;
                        }
                        match index.get(&l) {
                            Some(&k) => masks[k] |= bit,
                            None => {
                                index.insert(l.clone(), literals.len());
                                literals.push(l);
                                masks.push(bit);
                            }
                        }
                    }
                }
                _ => always |= bit,
            }
        }
        let literals = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&literals)
            .expect("date rule literals");
        others.sort_unstable();
        others.dedup();
        Trigger {
            literals,
            masks,
            always,
            digits,
            others,
        }
    }

    /// The bits of the regexes that may match somewhere in `text`.
    pub fn may_match(&self, text: &str) -> u64 {
        if !text.is_ascii() && text.contains(self.others.as_slice()) {
            return u64::MAX;
        }
        let mut bits = self.always;
        if !self.digits.is_empty() {
            let run = longest_digit_run(text, self.digits.len() - 1);
            for mask in self.digits.iter().take(run + 1) {
                bits |= mask;
            }
        }
        for m in self.literals.find_overlapping_iter(text) {
            bits |= self.masks.get(m.pattern().as_usize()).copied().unwrap_or(0);
        }
        bits
    }
}

/// The length of the longest run of ASCII digits in `text`, counted up to `enough`.
fn longest_digit_run(text: &str, enough: usize) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for b in text.bytes() {
        if b.is_ascii_digit() {
            run += 1;
            if run > longest {
                longest = run;
                if longest >= enough {
                    break;
                }
            }
        } else {
            run = 0;
        }
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lits(p: &str) -> Option<Vec<String>> {
        required_literals_folded(p, &mut Vec::new()).map(|v| {
            let mut v: Vec<String> = v
                .into_iter()
                .map(|l| String::from_utf8(l).unwrap())
                .collect();
            v.sort();
            v
        })
    }

    #[test]
    fn literals_every_match_must_carry() {
        // a year, by some of its digits (two thousand literals are too many)
        let year = lits(r"(?:early\s+)?\b[12][0-9]{3}\b").unwrap();
        assert!(year.len() >= 100, "{year:?}");
        assert!(
            year.iter()
                .all(|l| l.len() >= 2 && l.bytes().all(|b| b.is_ascii_digit()))
        );
        let grouped = lits(r"(?:early\s+)?\b(?P<y>[12][0-9]{3})\b").unwrap();
        assert!(
            grouped
                .iter()
                .all(|l| l.len() >= 3 && l.starts_with(['1', '2']))
        );
        assert_eq!(
            lits(r"\b(?:ago|since)\b"),
            Some(vec!["ago".into(), "since".into()])
        );
        // a suffix when no prefix is required, and a part every match has
        assert_eq!(lits(r"[a-z]+ ago"), Some(vec![" ago".into()]));
        assert_eq!(
            lits(r"[a-z]+ (?:week|month) [a-z]+"),
            Some(vec!["month".into(), "week".into()])
        );
        // case is folded: "(?i)ago" is one literal, not eight
        assert_eq!(lits(r"(?i)\bAgo\b"), Some(vec!["ago".into()]));
        // nothing finite to require
        assert_eq!(lits(r"[a-z]+"), None);
        assert_eq!(lits(r"(?:x)?"), None);
        assert_eq!(lits(r"(?:[a-z]+ ago|[a-z]+)"), None);
        // an alternation requires what one of its branches requires
        let either = lits(r"(?:[a-z]+ ago|[0-9]+)").unwrap();
        assert_eq!(either.len(), 11);
        assert!(either.contains(&" ago".to_string()) && either.contains(&"7".to_string()));
    }

    #[test]
    fn digits_weigh_half_a_letter_in_the_choice() {
        // "Q3" is rarer than a run of four digits, which nearly every figure has
        assert_eq!(
            lits(r"\b[12][0-9]{3}\s+Q[1-4]\b"),
            Some(vec!["q1".into(), "q2".into(), "q3".into(), "q4".into()])
        );
        // and a hyphen with two digits is rarer than a run of four
        let iso = lits(r"\b[12][0-9]{3}-[0-9]{2}\b").unwrap();
        assert_eq!(iso.len(), 100);
        assert!(iso.iter().all(|l| l.len() == 3 && l.starts_with('-')));
    }

    #[test]
    fn digit_literals_need_a_run_as_long() {
        assert_eq!(longest_digit_run("40 people, 1,200 homes", 9), 3);
        assert_eq!(longest_digit_run("no figure", 9), 0);
        assert_eq!(longest_digit_run("in 19999999", 4), 4);
        let trigger = Trigger::new(&[r"\b(?P<y>[12][0-9]{3})\b", r"\b[0-9]+ people\b"]);
        // a year needs three digits in a row; the count needs " people"
        assert_eq!(trigger.may_match("40 people"), 0b10);
        assert_eq!(trigger.may_match("in 1999"), 0b01);
        assert_eq!(trigger.may_match("1,200 homes"), 0b01);
        assert_eq!(trigger.may_match("12 homes"), 0);
    }

    #[test]
    fn a_kelvin_sign_lets_everything_through() {
        // "(?i)k" also matches U+212A, which no ASCII literal finds
        let trigger = Trigger::new(&[r"(?i)\bweek\b", r"\bago\b"]);
        assert_eq!(trigger.may_match("one weeK later"), 0b01);
        assert_eq!(trigger.may_match("one wee\u{212A} later"), u64::MAX);
        assert_eq!(trigger.may_match("no such word — here"), 0);
    }

    #[test]
    fn the_trigger_never_misses_a_match() {
        let patterns = [
            r"(?:(?i:the\ end\ of|early|late)[-\ ]+)?\b[12][0-9]{3}\b",
            r"\b(?:January|February|March)\s+[0-9]{1,2}\b",
            r"(?i)\b(?:yesterday|today)\b",
            r"\b[a-z]+ ago\b",
            r"\b[a-z]+\b",
        ];
        let trigger = Trigger::new(&patterns);
        let regexes: Vec<regex::Regex> = patterns
            .iter()
            .map(|p| regex::Regex::new(p).unwrap())
            .collect();
        for text in [
            "In early 2021, on March 3 and Yesterday.",
            "TODAY it rained; two weeks ago it did not.",
            "Nothing here at all",
            "1999",
            "ÉTÉ",
            "",
        ] {
            let bits = trigger.may_match(text);
            for (i, rx) in regexes.iter().enumerate() {
                if rx.is_match(text) {
                    assert!(bits & (1 << i) != 0, "{text:?}: pattern {i} missed");
                }
            }
        }
        // and it does filter: no month, no year, no "ago" in a plain sentence
        let bits = trigger.may_match("Nothing here at all");
        assert_eq!(bits & 0b1011, 0);
        assert!(
            bits & (1 << 4) != 0,
            "a pattern with no literal always runs"
        );
    }
}
