//! Takes a sentence, hands on every figure in it (counts, money, percentages,
//! physical quantities) as an interval with its kind, unit and counted noun.
//! Rule that is not obvious: a qualifier turns one figure into bounds ("at least
//! 286" is [286, ∞)), and the stated figure is kept apart from the interval; labels
//! that merely contain digits (ages, clock times, addresses, years, ordinals,
//! identifiers, scores) are recognised and skipped rather than reported as counts.
//!
//! Conventions (see also `docs/design.md`):
//! - "more than n" is [n, ∞) although strictly n is excluded; "under n" is [0, n].
//! - approximations are tolerance intervals: `ABOUT_TOLERANCE` either side for
//!   "about/around/some", [n(1-t), n] for "nearly/almost", [n, n(1+t)] for "just over".
//! - a range ("20 to 30", "between 20 and 30", "two or three") is [low, high] and its
//!   stated figure is the first one written, so `stated` is always a number the
//!   source actually wrote.
//! - vague plurals are lower bounds at twice their base: "dozens" [24, ∞),
//!   "hundreds" [200, ∞), "tens of thousands" [20000, ∞).
//! - "several"/"a few" alone and "a handful" are not figures; "several hundred" is
//!   the range [300, 900] (`SEVERAL`), "a few thousand" [2000, 5000] (`A_FEW`).
//! - people counted without digits: "a"/"an"/"another" before a person noun (or
//!   before an age standing for one, "a 5-year-old was hurt") is 1, its quote the
//!   article alone; "both" standing for people is 2; "a couple of" is [2, 3];
//!   "a pair of" and "an elderly couple" are 2. Bare "one" counts only before a
//!   noun, a toll word ("one dead") or after a verb of harm ("killed one").
//! - `unit` is for currencies (ISO codes), "%" / "pp" and physical units; the
//!   counted noun goes to `noun`, lower case as written.
//!
//! Shape: `token` splits the sentence; `Parser::run` walks the tokens once, and
//! at each token that can open a figure (a digit run, a currency sign or a word in
//! `STARTERS`) tries a qualifier, an amount, a range tail, a unit and a suffix
//! qualifier, then `not_a_figure` vetoes labels. Every look-ahead is bounded, so
//! the walk is linear in the sentence.

pub(crate) mod lexicon;

use std::sync::LazyLock;

use regex::Regex;

use self::lexicon::*;
use super::NumberMatch;
use crate::extract::scan::{Kind, Tok, ascii_lower, parse_digits, tokenize};
use crate::model::{ClaimKind, Lex, Precision, WordMap};
use crate::rule::Rule;

/// "about 40" is [36, 44].
pub const ABOUT_TOLERANCE: f64 = 0.10;
/// "nearly 800" is [720, 800].
pub const NEARLY_TOLERANCE: f64 = 0.10;
/// "just over 200" is [200, 220].
pub const JUST_OVER_TOLERANCE: f64 = 0.10;
/// "several hundred" is three to nine hundred.
pub const SEVERAL: (f64, f64) = (3.0, 9.0);
/// "a few thousand" is two to five thousand.
pub const A_FEW: (f64, f64) = (2.0, 5.0);
/// "a couple of" is two, perhaps three.
pub const A_COUPLE: (f64, f64) = (2.0, 3.0);
/// Longest hyphenated compound looked at ("mother-in-law-to-be").
const MAX_CHAIN: usize = 8;
/// The largest figure read as an age in "Name, 23," and "(23)".
const MAX_AGE: f64 = 120.0;

/// The value of a cardinal word below twenty ("two" is 2), lower case.
pub fn small_number_word(w: &str) -> Option<f64> {
    get(&UNITS_MAP, w)
}

/// Cheap test run before tokenising: a sentence with no digit and no number or
/// person word has no figure.
static PREFILTER: LazyLock<Regex> = LazyLock::new(|| {
    let mut words: Vec<&str> = Vec::new();
    words.extend(UNITS.iter().map(|w| w.0));
    words.extend(TENS.iter().map(|w| w.0));
    words.extend(SCALES.iter().map(|w| w.0));
    words.extend(VAGUE_PLURALS.iter().map(|w| w.0));
    words.extend(["dozen", "tens", "both", "couple", "pair", "half"]);
    words.extend(PERSON_SINGULAR.iter().copied());
    let alternation = words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(r"(?i)(?-u:\b)(?:{alternation})(?-u:\b)")).expect("prefilter regex")
});

/// Lower-cased words that can open a figure; any other word is passed over at
/// the cost of a sieve and at worst one hash lookup.
static STARTERS: LazyLock<Lex<String, ()>> = LazyLock::new(|| {
    let mut words: Vec<String> = Vec::new();
    let mut add = |w: &str| words.push(w.to_lowercase());
    QUALIFIERS.iter().for_each(|(words, _)| add(words[0]));
    UNITS.iter().for_each(|w| add(w.0));
    TENS.iter().for_each(|w| add(w.0));
    SCALES.iter().for_each(|w| add(w.0));
    VAGUE_PLURALS.iter().for_each(|w| add(w.0));
    CURRENCY_CODES.iter().for_each(|w| add(w.0));
    DOLLAR_PREFIXES.iter().for_each(|w| add(w.0));
    [
        "tens",
        "a",
        "an",
        "another",
        "half",
        "several",
        "both",
        "the",
        "magnitude",
        "his",
        "her",
        "their",
    ]
    .into_iter()
    .for_each(add);
    Lex::new(words.into_iter().map(|w| (w, ())))
});

/// Every figure in `text` (one sentence), in text order, offsets relative to `text`.
pub fn find_numbers(text: &str) -> Vec<NumberMatch> {
    if !text.bytes().any(|b| b.is_ascii_digit()) && !PREFILTER.is_match(text) {
        return Vec::new();
    }
    let lowered = ascii_lower(text);
    let toks = tokenize(text, &lowered);
    Parser::new(&toks).run()
}

/// What one attempt at a token position gave.
enum Step {
    /// A figure, and the token after it.
    Emit(NumberMatch, usize),
    /// Something with digits that is no figure (an age, a time); resume at this token.
    Skip(usize),
    /// Nothing here.
    No,
}

/// The figure itself, before qualifiers: one amount or a range of two.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Base {
    Exact(f64),
    Range(f64, f64),
    /// "dozens": at least this many.
    Vague(f64),
}

/// A number read at some token: digits or words, with its scale.
#[derive(Debug, Clone)]
struct Amount {
    start: usize,
    /// Token after the amount.
    end: usize,
    base: Base,
    /// A scale word or suffix was applied ("million", "bn").
    scaled: bool,
    /// The single digit token, if the amount is a bare digit run.
    digits: Option<usize>,
    /// Written in words ("thirty-five").
    words: bool,
    /// A unit glued to the digits ("10km", "12pc").
    unit: Option<(ClaimKind, &'static str)>,
}

impl Amount {
    fn low(&self) -> f64 {
        match self.base {
            Base::Exact(v) | Base::Vague(v) | Base::Range(v, _) => v,
        }
    }
    fn high(&self) -> f64 {
        match self.base {
            Base::Exact(v) | Base::Vague(v) => v,
            Base::Range(_, v) => v,
        }
    }
}

/// Qualifiers written after the figure.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Suffix {
    /// "or more", "200+", "20-plus".
    OrMore,
    /// "or fewer", "or less".
    OrFewer,
    /// "or so".
    OrSo,
    /// "40-odd": 40 to 50.
    Odd,
}

/// Punctuation that may open a sentence before its first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '–' | '-' | '•' | '*' | '#'
    )
}

// The long word lists as hash sets: they are asked at almost every figure.
static NOT_NOUNS_SET: LazyLock<LexSet> = LazyLock::new(|| set(&NOT_NOUNS));
static PERSON_SINGULAR_SET: LazyLock<LexSet> = LazyLock::new(|| set(&PERSON_SINGULAR));
static PERSON_PLURAL_SET: LazyLock<LexSet> = LazyLock::new(|| set(&PERSON_PLURAL));
static PERSON_MODIFIERS_SET: LazyLock<LexSet> = LazyLock::new(|| set(&PERSON_MODIFIERS));
static TIME_UNITS_SET: LazyLock<LexSet> = LazyLock::new(|| set(&TIME_UNITS));
static ID_BEFORE_SET: LazyLock<LexSet> = LazyLock::new(|| set(&ID_BEFORE));
static VERB_MARKERS_SET: LazyLock<LexSet> = LazyLock::new(|| set(&VERB_MARKERS));

// The shorter lists, too: a scan of twenty entries costs more than one hash.
static ARTICLE_BLOCKERS_SET: LazyLock<LexSet> = LazyLock::new(|| set(&ARTICLE_BLOCKERS));
static BOTH_VERBS_SET: LazyLock<LexSet> = LazyLock::new(|| set(&BOTH_VERBS));
static CASUALTY_WORDS_SET: LazyLock<LexSet> = LazyLock::new(|| set(&CASUALTY_WORDS));
static CLOCK_AFTER_SET: LazyLock<LexSet> = LazyLock::new(|| set(&CLOCK_AFTER));
static HARM_VERBS_SET: LazyLock<LexSet> = LazyLock::new(|| set(&HARM_VERBS));
static MONTHS_SET: LazyLock<LexSet> = LazyLock::new(|| set(&MONTHS));
static NOUN_MODIFIERS_SET: LazyLock<LexSet> = LazyLock::new(|| set(&NOUN_MODIFIERS));
static ONE_BLOCKERS_AFTER_SET: LazyLock<LexSet> = LazyLock::new(|| set(&ONE_BLOCKERS_AFTER));
static ONE_BLOCKERS_BEFORE_SET: LazyLock<LexSet> = LazyLock::new(|| set(&ONE_BLOCKERS_BEFORE));
static PARENTS_SET: LazyLock<LexSet> = LazyLock::new(|| set(&PARENTS));
static POSSESSIVE_HARM_VERBS_SET: LazyLock<LexSet> = LazyLock::new(|| set(&POSSESSIVE_HARM_VERBS));
static STREET_SUFFIXES_SET: LazyLock<LexSet> = LazyLock::new(|| set(&STREET_SUFFIXES));

// The tables of values, indexed by word.
static CURRENCY_CODES_MAP: LazyLock<LexMap<&str>> = LazyLock::new(|| index(&CURRENCY_CODES));
static CURRENCY_WORDS_MAP: LazyLock<LexMap<&str>> = LazyLock::new(|| index(&CURRENCY_WORDS));
static DOLLAR_PREFIXES_MAP: LazyLock<LexMap<&str>> = LazyLock::new(|| index(&DOLLAR_PREFIXES));
static MONEY_SCALES_MAP: LazyLock<LexMap<f64>> = LazyLock::new(|| index(&MONEY_SCALES));
static PLURAL_SCALES_MAP: LazyLock<LexMap<f64>> = LazyLock::new(|| index(&PLURAL_SCALES));
static SCALES_MAP: LazyLock<LexMap<f64>> = LazyLock::new(|| index(&SCALES));
static TENS_MAP: LazyLock<LexMap<f64>> = LazyLock::new(|| index(&TENS));
static UNITS_MAP: LazyLock<LexMap<f64>> = LazyLock::new(|| index(&UNITS));
static UNITS_OF_MEASURE_MAP: LazyLock<LexMap<&str>> = LazyLock::new(|| index(&UNITS_OF_MEASURE));
static VAGUE_PLURALS_MAP: LazyLock<LexMap<f64>> = LazyLock::new(|| index(&VAGUE_PLURALS));

/// The qualifiers that open with one word, in lexicon order (longest first).
type QualifiersOf = Vec<(&'static [&'static str], Qual)>;

/// Qualifiers by their first word.
static QUALIFIERS_BY_FIRST: LazyLock<WordMap<&str, QualifiersOf>> = LazyLock::new(|| {
    let mut map: WordMap<&str, QualifiersOf> = WordMap::default();
    for &(words, q) in QUALIFIERS.iter() {
        if let Some(first) = words.first() {
            map.entry(*first).or_default().push((words, q));
        }
    }
    map
});

type LexSet = Lex<&'static str, ()>;
type LexMap<V> = Lex<&'static str, V>;

fn set(list: &'static [&'static str]) -> LexSet {
    Lex::new(list.iter().map(|&w| (w, ())))
}

/// A table as an index.
fn index<T: Copy>(table: &'static [(&'static str, T)]) -> LexMap<T> {
    Lex::new(table.iter().copied())
}

fn in_set(set: &LexSet, key: &str) -> bool {
    set.contains(key)
}

fn get<T: Copy>(map: &LexMap<T>, key: &str) -> Option<T> {
    map.get(key)
}

fn contains(list: &[&str], key: &str) -> bool {
    list.contains(&key)
}

struct Parser<'a> {
    t: &'a [Tok<'a>],
    /// Headline-style sentence where most words are capitalised.
    title_case: bool,
    /// First token that is not opening punctuation.
    first: usize,
}

impl<'a> Parser<'a> {
    fn new(t: &'a [Tok<'a>]) -> Self {
        let (mut long, mut caps) = (0usize, 0usize);
        for x in t.iter().filter(|x| x.is_word() && x.text.len() > 3) {
            long += 1;
            caps += usize::from(x.is_capitalised());
        }
        let title_case = long >= 3 && caps * 10 >= long * 7;
        let first = t
            .iter()
            .position(|x| !matches!(x.kind, Kind::Punct(c) if is_opener(c)))
            .unwrap_or(t.len());
        Parser {
            t,
            title_case,
            first,
        }
    }

    fn run(&self) -> Vec<NumberMatch> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.t.len() {
            let t = &self.t[i];
            let may_start = match t.kind {
                Kind::Num => true,
                Kind::Word => STARTERS.contains(t.lower.as_ref()),
                Kind::Punct(c) => CURRENCY_SYMBOLS.iter().any(|s| s.0 == c),
            };
            if !may_start {
                i += 1;
                continue;
            }
            let step = match self.figure(i) {
                Step::No => self.people(i),
                s => s,
            };
            match step {
                Step::Emit(m, next) => {
                    out.push(m);
                    i = next.max(i + 1);
                }
                Step::Skip(next) => i = next.max(i + 1),
                Step::No => i += 1,
            }
        }
        out
    }

    // ---- token helpers -------------------------------------------------------

    /// Lower-cased word at `i`, or "" when `i` is no word.
    fn w(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) if t.is_word() => &t.lower,
            _ => "",
        }
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.w(i) == word
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.t.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn is_num(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Num)
    }

    /// Tokens `a` and `b` touch (no space between).
    fn adj(&self, a: usize, b: usize) -> bool {
        match (self.t.get(a), self.t.get(b)) {
            (Some(x), Some(y)) => x.end == y.start,
            _ => false,
        }
    }

    /// `words` at `i` → the token after them.
    fn phrase(&self, i: usize, words: &[&str]) -> Option<usize> {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.is(i + k, w))
            .then_some(i + words.len())
    }

    /// The word before `i`, lower-cased, or "".
    /// Does a "Name, 23," age stand before token `i` ("Tom Doe, 41, and Ann
    /// Roe, 39 were …")?
    fn ages_before(&self, i: usize) -> bool {
        (0..i.min(self.t.len()).saturating_sub(3)).any(|k| {
            self.t[k].is_capitalised()
                && self.punct(k + 1) == Some(',')
                && self.t[k + 2].text.len() <= 3
                && self.t[k + 2].text.bytes().all(|b| b.is_ascii_digit())
                && (self.punct(k + 3) == Some(',') || self.is(k + 3, "and"))
        })
    }

    fn prev_word(&self, i: usize) -> &str {
        i.checked_sub(1).map_or("", |p| self.w(p))
    }

    /// `i` opens the sentence (or a quotation, parenthesis or list item).
    fn sentence_initial(&self, i: usize) -> bool {
        // after a dateline's dash or an opening quote, too: "CITY (Agency) — Two people …"
        i <= self.first
            || matches!(
                self.punct(i.wrapping_sub(1)),
                Some(':' | '“' | '"' | '—' | '–' | '(' | '[' | '‘')
            )
    }

    /// A hyphen standing alone between spaces, as a dash: "CITY, May 4 - Nine …".
    fn spaced_hyphen(&self, k: usize) -> bool {
        k > 0 && self.punct(k) == Some('-') && !self.adj(k - 1, k) && !self.adj(k, k + 1)
    }

    /// A hyphen between `i` and `i + 2`, touching both ("thirty-five", "23-year").
    fn hyphen_joins(&self, i: usize) -> bool {
        matches!(self.punct(i + 1), Some('-' | '‐')) && self.adj(i, i + 1) && self.adj(i + 1, i + 2)
    }

    /// End of a chain of tokens glued by hyphens starting at `i` ("23-year-old"),
    /// at most `MAX_CHAIN` links so that a pathological "a-a-a-…" stays linear.
    fn hyphen_chain_end(&self, mut i: usize) -> usize {
        let mut links = 0;
        while self.hyphen_joins(i) && links < MAX_CHAIN {
            i += 2;
            links += 1;
        }
        i + 1
    }

    // ---- figures ---------------------------------------------------------------

    /// A qualifier at `i` and the token after it.
    fn qualifier(&self, i: usize) -> Option<(Qual, usize)> {
        if !self.t.get(i)?.is_word() {
            return None;
        }
        QUALIFIERS_BY_FIRST
            .get(self.w(i))?
            .iter()
            .find_map(|(words, q)| self.phrase(i, words).map(|next| (*q, next)))
    }

    /// A figure starting at `i`, qualifier and all.
    fn figure(&self, i: usize) -> Step {
        let (qual, j) = match self.qualifier(i) {
            Some((q, j)) => (Some(q), j),
            None => (None, i),
        };
        // "from 20 to 30" is usually a change, not a range: read two figures
        let no_range = self.prev_word(i) == "from";
        let between = qual == Some(Qual::Between);
        // currency or magnitude written before the amount
        let mut unit: Option<(ClaimKind, &'static str)> = None;
        let mut k = j;
        if let Some((code, next)) = self.currency_before(k) {
            unit = Some((ClaimKind::Money, code));
            k = next;
        } else if self.is(k, "magnitude") {
            unit = Some((ClaimKind::Quantity, "magnitude"));
            k += 1;
            if self.hyphen_joins(k - 1) {
                k += 1;
            }
        }
        let money = matches!(unit, Some((ClaimKind::Money, _)));
        let first = match self.amount(k, money) {
            Ok(a) => a,
            Err(Some(skip)) => return Step::Skip(skip),
            Err(None) => return Step::No,
        };
        if first.unit.is_some() {
            unit = first.unit;
        }
        // a second amount making a range
        let mut amount = first.clone();
        let mut end = first.end;
        if between {
            let Some(and) = self.phrase(end, &["and"]) else {
                return Step::No;
            };
            let after = self.currency_before(and).map_or(and, |(_, n)| n);
            match self.amount(after, money) {
                Ok(second) => match join_range(&first, &second) {
                    Some(r) => {
                        amount = r;
                        end = second.end;
                    }
                    None => return Step::No,
                },
                _ => return Step::No,
            }
        } else if !matches!(first.base, Base::Vague(_)) {
            match self.range_tail(&first, first.end, money, no_range) {
                RangeTail::Range(r, e) => {
                    amount = r;
                    end = e;
                }
                RangeTail::Skip(s) => return Step::Skip(s),
                RangeTail::None => {}
            }
        }
        if let Some(u) = amount.unit.or(unit) {
            unit = Some(u);
        }
        // units and currencies written after
        if (unit.is_none() || matches!(unit, Some((ClaimKind::Money, _))))
            && let Some((u, e)) = self.unit_after(end, unit.is_some())
        {
            unit = Some(u);
            end = e;
            // "50% to 60%", "5 km to 8 km": a range with the unit written twice
            if !matches!(amount.base, Base::Range(..) | Base::Vague(_))
                && let RangeTail::Range(r, e2) = self.range_tail(&amount, e, false, no_range)
                && self.unit_after(e2, false).map(|x| x.0) == Some(u)
                && let Some((_, e3)) = self.unit_after(e2, false)
            {
                amount = r;
                end = e3;
            }
        }
        let (suffix, e) = self.suffix_qualifier(end);
        end = e;

        if let Some(skip) = self.not_a_figure(
            i,
            &amount,
            end,
            qual.is_some() || suffix.is_some(),
            unit.is_some(),
        ) {
            return Step::Skip(skip);
        }

        let kind = unit.map_or(ClaimKind::Count, |u| u.0);
        // bare "one" is a pronoun unless a noun or a toll word follows
        let noun = if kind == ClaimKind::Count {
            self.noun_after(end, amount.high() != 1.0)
        } else {
            None
        };
        if amount.words && self.is(amount.start, "one") && amount.end == amount.start + 1 {
            let next = self.w(end);
            // "killed one and injured three": the object of a verb of harm
            let harmed = in_set(&HARM_VERBS_SET, self.prev_word(amount.start))
                || (matches!(next, "was" | "is") && in_set(&CASUALTY_WORDS_SET, self.w(end + 1)));
            let pronoun = in_set(&ONE_BLOCKERS_BEFORE_SET, self.prev_word(amount.start))
                || in_set(&ONE_BLOCKERS_AFTER_SET, next)
                || (noun.is_none() && !in_set(&CASUALTY_WORDS_SET, next) && !harmed);
            if pronoun {
                return Step::No;
            }
        }

        let Some((low, high, stated, precision)) = interval(qual, suffix, amount.base) else {
            return Step::No;
        };
        if !(low.is_finite() && stated.is_finite() && !high.is_nan()) {
            return Step::Skip(end);
        }
        let rule = match (&amount.base, amount.words) {
            (Base::Vague(_), _) => Rule::VaguePlural,
            (Base::Range(..), _) => Rule::Range,
            (_, true) => Rule::NumberWords,
            (_, false) => Rule::Digits,
        };
        let (Some(first_tok), Some(last_tok)) = (self.t.get(i), self.t.get(end - 1)) else {
            return Step::No;
        };
        Step::Emit(
            NumberMatch {
                start: first_tok.start,
                end: last_tok.end,
                kind,
                low,
                high,
                stated,
                unit: unit.map(|u| u.1),
                precision,
                rule,
                noun,
            },
            end,
        )
    }

    /// A currency written before an amount: "$", "US$", "€", "USD", "Rs.".
    fn currency_before(&self, i: usize) -> Option<(&'static str, usize)> {
        let t = self.t.get(i)?;
        match t.kind {
            Kind::Punct(c) => {
                let code = CURRENCY_SYMBOLS.iter().find(|s| s.0 == c)?.1;
                Some((code, i + 1))
            }
            Kind::Word => {
                if self.punct(i + 1) == Some('$') && self.adj(i, i + 1) {
                    return get(&DOLLAR_PREFIXES_MAP, &t.lower).map(|c| (c, i + 2));
                }
                let code = get(&CURRENCY_CODES_MAP, t.text)?;
                let mut next = i + 1;
                if self.punct(next) == Some('.') && self.adj(i, next) {
                    next += 1;
                }
                self.is_num(next).then_some((code, next))
            }
            Kind::Num => None,
        }
    }

    /// A number at `i`: digits with scale, or number words.
    /// `Err(Some(n))`: digits that are no figure, resume at `n`; `Err(None)`: none.
    fn amount(&self, i: usize, money: bool) -> Result<Amount, Option<usize>> {
        let t = self.t.get(i).ok_or(None)?;
        match t.kind {
            Kind::Num => self.digit_amount(i, money),
            Kind::Word => self.word_amount(i),
            Kind::Punct(_) => Err(None),
        }
    }

    fn digit_amount(&self, i: usize, money: bool) -> Result<Amount, Option<usize>> {
        // glued to letters before ("G7", "COVID-19", "AK-47"), or ".45", "#3"
        if i > 0 && self.adj(i - 1, i) {
            match self.t[i - 1].kind {
                Kind::Word => return Err(Some(self.hyphen_chain_end(i))),
                Kind::Punct('-' | '‐')
                    if i > 1
                        && self.adj(i - 2, i - 1)
                        && self.t[i - 2].is_word()
                        && self.w(i - 2) != "magnitude" =>
                {
                    return Err(Some(self.hyphen_chain_end(i)));
                }
                Kind::Punct('.' | '#' | '/' | ':') => return Err(Some(i + 1)),
                _ => {}
            }
        }
        // clock times, fractions, dates, phone numbers: digits glued by : / . -
        let mut chain = i;
        let mut seps = Vec::new();
        while let Some(c @ (':' | '/' | '-' | '‐' | '.')) = self.punct(chain + 1) {
            if self.adj(chain, chain + 1)
                && self.adj(chain + 1, chain + 2)
                && self.is_num(chain + 2)
            {
                seps.push(c);
                chain += 2;
            } else {
                break;
            }
        }
        if seps.iter().any(|c| matches!(c, ':' | '/' | '.')) || seps.len() >= 2 {
            return Err(Some(self.skip_clock(chain + 1)));
        }
        // "(555) 012-3456": an area code
        if self.punct(i.wrapping_sub(1)) == Some('(')
            && self.punct(i + 1) == Some(')')
            && self.is_num(i + 2)
        {
            return Err(Some(self.hyphen_chain_end(i + 2)));
        }
        let value = parse_digits(self.t[i].text).ok_or(Some(self.hyphen_chain_end(i)))?;
        let mut a = Amount {
            start: i,
            end: i + 1,
            base: Base::Exact(value),
            scaled: false,
            digits: Some(i),
            words: false,
            unit: None,
        };
        // letters glued after the digits
        if self.adj(i, i + 1) {
            match self.t[i + 1].kind {
                Kind::Word => {
                    let suf = self.t[i + 1].lower.as_ref();
                    let raw = self.t[i + 1].text;
                    if let Some(s) = get(&SCALES_MAP, suf).filter(|_| suf != "hundred") {
                        a.base = Base::Exact(value * s);
                        a.scaled = true;
                        a.end = i + 2;
                    } else if let Some(s) = get(&MONEY_SCALES_MAP, suf).filter(|_| money) {
                        a.base = Base::Exact(value * s);
                        a.scaled = true;
                        a.end = i + 2;
                    } else if matches!(suf, "pc" | "pct") {
                        a.unit = Some((ClaimKind::Percent, "%"));
                        a.end = i + 2;
                    } else if let Some(u) = get(&UNITS_OF_MEASURE_MAP, suf)
                        .filter(|_| raw == suf || matches!(suf, "mw" | "gw" | "kw"))
                    {
                        a.unit = Some((ClaimKind::Quantity, u));
                        a.end = i + 2;
                    } else {
                        // ordinals (21st), decades (1990s), times (10pm), ages (23yo), codes (3D)
                        return Err(Some(self.skip_clock(i + 1)));
                    }
                    a.digits = None;
                    return Ok(a);
                }
                Kind::Punct('\'' | '’') if self.is(i + 2, "s") && self.adj(i + 1, i + 2) => {
                    return Err(Some(i + 3));
                }
                // feet and inches: 5'9", 12′
                Kind::Punct('\'' | '’' | '′' | '"' | '″' | '”') => {
                    let mut k = i + 2;
                    while self.adj(k - 1, k)
                        && (self.is_num(k) || matches!(self.punct(k), Some('"' | '″' | '”')))
                    {
                        k += 1;
                    }
                    return Err(Some(k));
                }
                Kind::Punct('°') => {
                    let (u, end) = match self.t.get(i + 2).map(|t| t.text) {
                        Some("C") if self.adj(i + 1, i + 2) => ("°C", i + 3),
                        Some("F") if self.adj(i + 1, i + 2) => ("°F", i + 3),
                        _ => ("°", i + 2),
                    };
                    a.unit = Some((ClaimKind::Quantity, u));
                    a.end = end;
                    a.digits = None;
                    return Ok(a);
                }
                _ => {}
            }
        }
        // a scale word after ("1.2 million", "$3-million")
        let k = if self.hyphen_joins(i) && get(&SCALES_MAP, self.w(i + 2)).is_some() {
            i + 2
        } else {
            i + 1
        };
        if let Some(s) = get(&SCALES_MAP, self.w(k)) {
            a.base = Base::Exact(value * s);
            a.scaled = true;
            a.digits = None;
            a.end = k + 1;
        }
        Ok(a)
    }

    /// Past "a.m.", "pm", "GMT" after a clock time ending at token `i - 1`.
    fn skip_clock(&self, i: usize) -> usize {
        if matches!(self.w(i), "a" | "p") && self.punct(i + 1) == Some('.') && self.is(i + 2, "m") {
            return if self.punct(i + 3) == Some('.') {
                i + 4
            } else {
                i + 3
            };
        }
        if in_set(&CLOCK_AFTER_SET, self.w(i)) {
            return i + 1;
        }
        i
    }

    fn word_amount(&self, i: usize) -> Result<Amount, Option<usize>> {
        let w = self.w(i);
        let t = &self.t[i];
        // "Three Rivers", "Thousand Oaks": a capitalised number word inside a sentence is a name
        let looks_number = get(&UNITS_MAP, w).is_some()
            || get(&TENS_MAP, w).is_some()
            || get(&SCALES_MAP, w).is_some()
            || get(&VAGUE_PLURALS_MAP, w).is_some()
            || w == "tens";
        if looks_number
            && t.is_capitalised()
            && !self.title_case
            && !self.sentence_initial(i)
            && !self.spaced_hyphen(i.wrapping_sub(1))
        {
            return Err(Some(i + 1));
        }
        let amount = |end, base, words| Amount {
            start: i,
            end,
            base,
            scaled: false,
            digits: None,
            words,
            unit: None,
        };
        // "a hundred", "a dozen", "half a million"
        if matches!(w, "a" | "an") {
            let next = self.w(i + 1);
            if next == "dozen" {
                return Ok(amount(i + 2, Base::Exact(12.0), true));
            }
            if let Some(s) = get(&SCALES_MAP, next).filter(|_| self.t[i + 1].text.len() > 3) {
                // "a hundred thirty million": read on as if "one hundred …"
                if let Some((v, end)) = self.cardinal_words_from(i + 1, 1.0) {
                    return Ok(amount(end, Base::Exact(v), true));
                }
                return Ok(amount(i + 2, Base::Exact(s), true));
            }
            if next == "few" {
                return self.few(i, i + 2, A_FEW);
            }
            if next == "couple"
                && self.is(i + 2, "of")
                && let Some(s) = get(&SCALES_MAP, self.w(i + 3)).filter(|&s| s >= 100.0)
            {
                return Ok(amount(
                    i + 4,
                    Base::Range(A_COUPLE.0 * s, A_COUPLE.1 * s),
                    true,
                ));
            }
            return Err(None);
        }
        if w == "half" && matches!(self.w(i + 1), "a" | "an") {
            let next = self.w(i + 2);
            let s = if next == "dozen" {
                Some(12.0)
            } else {
                get(&SCALES_MAP, next)
            };
            return match s {
                Some(s) => Ok(amount(i + 3, Base::Exact(s / 2.0), true)),
                None => Err(None),
            };
        }
        if w == "several" {
            return self.few(i, i + 1, SEVERAL);
        }
        // vague plurals: "dozens", "hundreds of thousands", "tens of thousands"
        let vague = match w {
            "tens" => None,
            "scores" if !self.is(i + 1, "of") => return Err(None),
            _ => get(&VAGUE_PLURALS_MAP, w),
        };
        if vague.is_some() || w == "tens" {
            let base = vague.unwrap_or(20.0);
            if self.is(i + 1, "of")
                && let Some(s) = get(&PLURAL_SCALES_MAP, self.w(i + 2))
            {
                let v = if w == "tens" { 20.0 * s } else { base * s };
                return Ok(amount(i + 3, Base::Vague(v), true));
            }
            return if w == "tens" {
                Err(None)
            } else {
                Ok(amount(i + 1, Base::Vague(base), true))
            };
        }
        self.cardinal_words(i)
            .map(|(v, end)| amount(end, Base::Exact(v), true))
            .ok_or(None)
    }

    /// "several hundred" / "a few thousand": the words up to `k`, then a scale.
    fn few(&self, i: usize, k: usize, (lo, hi): (f64, f64)) -> Result<Amount, Option<usize>> {
        let next = self.w(k);
        let s = if next == "dozen" {
            Some(12.0)
        } else {
            get(&SCALES_MAP, next)
        };
        match s {
            Some(s) if next.len() > 3 => Ok(Amount {
                start: i,
                end: k + 1,
                base: Base::Range(lo * s, hi * s),
                scaled: true,
                digits: None,
                words: true,
                unit: None,
            }),
            _ => Err(None),
        }
    }

    /// A cardinal in words from `i` ("two hundred and fifty", "thirty-five",
    /// "two dozen"): its value and the token after it.
    fn cardinal_words(&self, i: usize) -> Option<(f64, usize)> {
        self.cardinal_words_from(i, 0.0)
    }

    /// As `cardinal_words`, with `start` already read (1 for "a" in "a hundred").
    fn cardinal_words_from(&self, i: usize, start: f64) -> Option<(f64, usize)> {
        let mut total = 0.0;
        let mut current = start;
        let mut k = i;
        let mut end = None;
        // what the previous word was: 0 none, 1 unit/teen, 2 tens, 3 hundred, 4 big scale
        let mut last = if start > 0.0 { 1 } else { 0 };
        loop {
            let w = self.w(k);
            let step = if let Some(v) = get(&UNITS_MAP, w) {
                if last == 1 || (last == 2 && v >= 10.0) {
                    break;
                }
                current += v;
                1
            } else if let Some(v) = get(&TENS_MAP, w) {
                if last == 1 || last == 2 {
                    break;
                }
                current += v;
                2
            } else if w == "hundred" && (last == 1 || last == 2) && current < 100.0 {
                current *= 100.0;
                3
            } else if w == "dozen" && last == 1 {
                current *= 12.0;
                end = Some(k + 1);
                break;
            } else if let Some(s) = get(&SCALES_MAP, w).filter(|&s| s >= 1e3 && w.len() > 3) {
                if last == 0 || last == 4 {
                    break;
                }
                total += current * s;
                current = 0.0;
                4
            } else {
                break;
            };
            last = step;
            end = Some(k + 1);
            // joiners: "thirty-five", "two hundred and fifty"
            let hyphen =
                self.hyphen_joins(k) && get(&UNITS_MAP, self.w(k + 2)).is_some() && step == 2;
            let and = self.is(k + 1, "and")
                && (step == 3 || step == 4)
                && (get(&UNITS_MAP, self.w(k + 2)).is_some()
                    || get(&TENS_MAP, self.w(k + 2)).is_some());
            k += if hyphen || and { 2 } else { 1 };
        }
        end.map(|e| (total + current, e))
    }

    /// A second amount after `first` that makes a range: "20-30", "20 to 30",
    /// "two or three". A hyphen between a high and a low figure is a score ("3-2").
    fn range_tail(&self, first: &Amount, e: usize, money: bool, no_range: bool) -> RangeTail {
        let (conn, hyphen) = match (self.punct(e), self.w(e)) {
            (Some('-' | '‐'), _) if self.adj(e - 1, e) && self.adj(e, e + 1) => (e + 1, true),
            (Some('–'), _) => (e + 1, true),
            (_, "to") if !no_range => (e + 1, false),
            (_, "or") if !self.is(e + 1, "more") && !self.is(e + 1, "so") => (e + 1, false),
            _ => return RangeTail::None,
        };
        let after = self.currency_before(conn).map_or(conn, |(_, n)| n);
        let Ok(second) = self.amount(after, money) else {
            return RangeTail::None;
        };
        if matches!(second.base, Base::Vague(_)) || second.words != first.words && hyphen {
            return RangeTail::None;
        }
        if hyphen {
            let (a, b) = (first.low(), second.high());
            let year = |v: f64| (1000.0..=2099.0).contains(&v) && v.fract() == 0.0;
            let short = self.t.get(second.start).map_or(0, |t| t.text.len());
            let phone = self.t.get(first.start).is_some_and(|t| t.text.len() == 3)
                && short == 4
                && (b % 100.0 != 0.0 || self.noun_after(second.end, true).is_none())
                && !first.scaled
                && !second.scaled
                && second.unit.is_none();
            let years = first.digits.is_some() && year(a) && (year(b) || short == 2);
            if a >= b || years || phone {
                return RangeTail::Skip(self.hyphen_chain_end(second.start).max(second.end));
            }
        }
        match join_range(first, &second) {
            Some(r) => RangeTail::Range(r, second.end),
            None => RangeTail::None,
        }
    }

    /// A unit or currency word after the amount ending at `e`: "percent", "per cent",
    /// "%", "dollars", "km", "square miles", "-mile", "magnitude".
    fn unit_after(
        &self,
        e: usize,
        have_currency: bool,
    ) -> Option<((ClaimKind, &'static str), usize)> {
        if let Some('%') = self.punct(e) {
            return Some(((ClaimKind::Percent, "%"), e + 1));
        }
        // "5-mile", "6.4-magnitude"
        let (k, glued) = if self.hyphen_joins(e - 1) {
            (e + 1, true)
        } else {
            (e, false)
        };
        let w = self.w(k);
        if !glued {
            if matches!(w, "percent" | "pct") {
                return Some(((ClaimKind::Percent, "%"), k + 1));
            }
            if w == "per" && self.is(k + 1, "cent") {
                return Some(((ClaimKind::Percent, "%"), k + 2));
            }
            if w == "percentage" && matches!(self.w(k + 1), "point" | "points") {
                return Some(((ClaimKind::Percent, "pp"), k + 2));
            }
            // "3 million US dollars"
            if matches!(w, "us" | "u") {
                let mut n = k + 1;
                if w == "u" {
                    // "U.S."
                    while matches!(self.punct(n), Some('.')) || self.is(n, "s") {
                        n += 1;
                    }
                }
                if matches!(self.w(n), "dollar" | "dollars") {
                    return Some(((ClaimKind::Money, "USD"), n + 1));
                }
            }
            if !have_currency {
                if let Some(code) = get(&CURRENCY_WORDS_MAP, w) {
                    // "200 pounds of" is a weight
                    if matches!(w, "pound" | "pounds") && (self.is(k + 1, "of") || self.weighing(k))
                    {
                        return Some(((ClaimKind::Quantity, "lb"), k + 1));
                    }
                    let end = if self.is(k + 1, "sterling") {
                        k + 2
                    } else {
                        k + 1
                    };
                    return Some(((ClaimKind::Money, code), end));
                }
                if let Some(code) = self.t.get(k).and_then(|t| get(&CURRENCY_CODES_MAP, t.text))
                    && (code != "INR" || self.t[k].text != "Rs")
                {
                    return Some(((ClaimKind::Money, code), k + 1));
                }
            }
            if matches!(w, "square" | "sq") {
                let n = if self.punct(k + 1) == Some('.') {
                    k + 2
                } else {
                    k + 1
                };
                let u = match get(&UNITS_OF_MEASURE_MAP, self.w(n)) {
                    Some("km") => Some("km2"),
                    Some("mi") => Some("mi2"),
                    Some("m") => Some("m2"),
                    Some("ft") => Some("ft2"),
                    _ => None,
                };
                return u.map(|u| ((ClaimKind::Quantity, u), n + 1));
            }
            if self.punct(k) == Some('°') {
                let u = match self.t.get(k + 1).map(|t| t.text) {
                    Some("C") if self.adj(k, k + 1) => {
                        return Some(((ClaimKind::Quantity, "°C"), k + 2));
                    }
                    Some("F") if self.adj(k, k + 1) => {
                        return Some(((ClaimKind::Quantity, "°F"), k + 2));
                    }
                    _ => "°",
                };
                return Some(((ClaimKind::Quantity, u), k + 1));
            }
        }
        if have_currency {
            return None;
        }
        if glued && matches!(w, "pound" | "pounds") {
            return Some(((ClaimKind::Quantity, "lb"), k + 1));
        }
        if glued && matches!(w, "percent") {
            return Some(((ClaimKind::Percent, "%"), k + 1));
        }
        let raw = self.t.get(k).map_or("", |t| t.text);
        // abbreviations must be written in lower case ("5 m"), names in any case
        let u = get(&UNITS_OF_MEASURE_MAP, w)
            .filter(|_| raw.len() > 3 || raw == w || matches!(w, "mw" | "gw" | "kw"))?;
        // "km/h"
        if u == "km" && self.punct(k + 1) == Some('/') && self.is(k + 2, "h") {
            return Some(((ClaimKind::Quantity, "km/h"), k + 3));
        }
        // "5 m" only as a separate word before a non-word: "m" is too common otherwise
        if w == "m" && self.t.get(k + 1).is_some_and(|t| t.is_word()) {
            return None;
        }
        Some(((ClaimKind::Quantity, u), k + 1))
    }

    /// A form of "weigh" in the few words before `k`: "weighing 200 pounds".
    fn weighing(&self, k: usize) -> bool {
        (k.saturating_sub(6)..k).any(|p| self.w(p).starts_with("weigh"))
    }

    /// Qualifiers after the figure: "or more", "200+", "20-plus", "or so", "40-odd".
    fn suffix_qualifier(&self, e: usize) -> (Option<Suffix>, usize) {
        if self.punct(e) == Some('+') && self.adj(e - 1, e) {
            return (Some(Suffix::OrMore), e + 1);
        }
        if self.hyphen_joins(e - 1) {
            match self.w(e + 1) {
                "plus" => return (Some(Suffix::OrMore), e + 2),
                "odd" => return (Some(Suffix::Odd), e + 2),
                _ => {}
            }
        }
        if self.is(e, "or") {
            let s = match self.w(e + 1) {
                "more" | "above" | "over" => Some(Suffix::OrMore),
                "fewer" | "less" | "under" => Some(Suffix::OrFewer),
                "so" => Some(Suffix::OrSo),
                _ => None,
            };
            if s.is_some() {
                return (s, e + 2);
            }
        }
        (None, e)
    }

    /// Why the figure at `i..end` (amount `a`, after any qualifier) is
    /// no figure: an age, a label, a year, an address, a duration. Returns where to resume.
    fn not_a_figure(
        &self,
        i: usize,
        a: &Amount,
        end: usize,
        qualified: bool,
        has_unit: bool,
    ) -> Option<usize> {
        let skip = Some(end.max(a.end));
        let before = self.prev_word(i);
        let next = self.w(end);
        // durations and ages belong to the date grammar: "three days", "10-year", "23-year-old"
        if !has_unit {
            if in_set(&TIME_UNITS_SET, next) {
                return skip;
            }
            if self.hyphen_joins(end - 1) {
                // any other hyphenated compound is an adjective: "two-car", "one-third"
                return Some(self.hyphen_chain_end(end - 1));
            }
            if next == "year" || (next == "years" && self.is(end + 1, "old")) {
                return skip;
            }
        }
        // "aged 23", "ages 18 to 25", "No. 3", "Route 66", "page 12", "per 100,000";
        // a list goes with its label ("ages 15, 10 and 6", "Image 3 of 8"); the
        // word as a verb labels nothing ("will train 800 engineers")
        let verb = i >= 2 && {
            let marker = self.prev_word(i - 1);
            in_set(&VERB_MARKERS_SET, marker)
                || (marker == "to" && next.len() > 3 && next.ends_with('s'))
        };
        if in_set(&ID_BEFORE_SET, before) && !verb {
            return Some(self.list_end(end.max(a.end)));
        }
        // "11 or younger", "18 and older": ages
        if matches!(next, "or" | "and")
            && matches!(
                self.w(end + 1),
                "younger" | "older" | "up" | "over" | "under"
            )
            && !qualified
            && !matches!(self.w(end + 1), "over" | "under" if next == "or")
        {
            return Some(end + 2);
        }
        // "mother of three": children, not a toll; "the age of eight": an age
        if before == "of"
            && (in_set(&PARENTS_SET, self.prev_word(i - 1))
                || matches!(self.prev_word(i - 1), "age" | "ages"))
            && !qualified
        {
            return skip;
        }
        // "who was 3 when she died", "she was four when": an age (not
        // "the toll was 12 when officials spoke")
        if matches!(before, "was" | "were" | "is" | "turned")
            && matches!(
                self.prev_word(i - 1),
                "who" | "he" | "she" | "they" | "i" | "we" | "you"
            )
            && next == "when"
            && a.high() <= MAX_AGE
            && !qualified
        {
            return skip;
        }
        // "as young as 9", "range in age from 40 to 52": ages
        if (before == "as" && matches!(self.prev_word(i - 1), "young" | "old"))
            || (before == "from" && matches!(self.prev_word(i - 1), "age" | "ages"))
        {
            return Some(self.list_end(end.max(a.end)));
        }
        // "[9]": a reference mark; "(1)" opening a sentence: a list mark
        let wrapped = |open: char, close: char| {
            self.punct(i.wrapping_sub(1)) == Some(open)
                && self.punct(end) == Some(close)
                && self.adj(i - 1, i)
                && self.adj(end - 1, end)
        };
        if wrapped('[', ']') || (wrapped('(', ')') && i == 1 + self.first.min(i - 1)) {
            return Some(end + 1);
        }
        // "a 40 caliber handgun", "a 12 gauge"
        if matches!(next, "caliber" | "calibre" | "gauge") {
            return Some(end + 1);
        }
        if before == "no" || before == "nos" {
            return skip;
        }
        if self.punct(i.wrapping_sub(1)) == Some('.')
            && matches!(self.prev_word(i - 1), "no" | "nos")
        {
            return skip;
        }
        if self.punct(i.wrapping_sub(1)) == Some('#') {
            return skip;
        }
        // "in '87", "the class of ’08": a year with its century cut off
        if matches!(self.punct(i.wrapping_sub(1)), Some('\'' | '’'))
            && self.adj(i - 1, i)
            && a.digits.is_some_and(|d| self.t[d].text.len() == 2)
        {
            return skip;
        }
        // "3 March", "30 October": a day the date grammar did not take
        if self
            .t
            .get(end)
            .is_some_and(|t| t.is_capitalised() && in_set(&MONTHS_SET, &t.lower))
            && a.digits.is_some()
            && !qualified
        {
            return Some(end + 1);
        }
        // "week 15", "day 3": a label, unless it counts something
        if matches!(before, "week" | "day")
            && !matches!(
                self.prev_word(i - 1),
                "the" | "a" | "this" | "that" | "each" | "every" | "per" | "last" | "next" | "same"
            )
            && a.digits.is_some()
            && (next == "of" || self.noun_after(end, true).is_none())
        {
            return skip;
        }
        // "children under five", "people over 65": ages
        let q = self.qualifier(i).map(|(q, _)| q);
        if matches!(self.w(i), "under" | "over" | "aged")
            && matches!(q, Some(Qual::Upper | Qual::Lower) | None)
            && (in_set(&PERSON_PLURAL_SET, before) || before == "those")
            && a.high() <= MAX_AGE
            && self.noun_after(end, true).is_none()
        {
            return skip;
        }
        // "Nov. 7", "Sept 19": a day the date grammar did not take
        let month_before = if self.punct(i.wrapping_sub(1)) == Some('.') {
            self.prev_word(i - 1)
        } else {
            before
        };
        let month_tok = if self.punct(i.wrapping_sub(1)) == Some('.') {
            i.wrapping_sub(2)
        } else {
            i.wrapping_sub(1)
        };
        if in_set(&MONTHS_SET, month_before)
            && self.t.get(month_tok).is_some_and(|t| t.is_capitalised())
        {
            return Some(self.list_end(end.max(a.end)));
        }
        if has_unit {
            return None;
        }
        // clock times: "10 p.m.", "9 o'clock", "1400 GMT"
        if self.skip_clock(end) != end {
            return Some(self.skip_clock(end));
        }
        let plain = a.digits.is_some() && !qualified;
        if let Some(d) = a.digits.filter(|_| plain) {
            let raw = self.t[d].text;
            // the emergency number, not a figure, unless it counts something
            // ("exchanged 112 prisoners")
            // ("112 miners": a plural in lower case right after it)
            let counts = !self.t.get(end).is_some_and(|t| t.is_capitalised())
                && (in_set(&PERSON_PLURAL_SET, self.w(end))
                    || (self.w(end).len() > 3
                        && self.w(end).ends_with('s')
                        && !crate::lexicon::FUNCTION_WORDS
                            .emergency_service_nouns
                            .contains(&self.w(end))
                        && self.noun_after(end, true).is_some()));
            if matches!(raw, "911" | "999" | "112") && !counts {
                return skip;
            }
            // a long bare digit run ("21230") is a code unless it counts something
            if raw.len() >= 5
                && raw.bytes().all(|b| b.is_ascii_digit())
                && self.noun_after(end, true).is_none()
            {
                return skip;
            }
        }
        let v = a.low();
        let small_whole = v <= MAX_AGE && v.fract() == 0.0;
        // ages after a name: "Jane Doe, 23, of ..." and "Jane Doe (23)"
        if plain && small_whole && matches!(a.base, Base::Exact(_)) {
            let mut p = i.wrapping_sub(1);
            // "Jane Doe, also 16, of …", "Jane Doe, now 21,": an adverb before the age
            if matches!(self.w(p), "also" | "now") {
                p = p.wrapping_sub(1);
            }
            // the name may end in an abbreviation: "Jr.", "Sr."
            let mut n = p.wrapping_sub(1);
            if self.punct(n) == Some('.') {
                n = n.wrapping_sub(1);
            }
            // a name, or a person noun: "a woman, 36, was", "the other, 25, suffered"
            let name_before = self.t.get(n).is_some_and(|t| {
                t.is_capitalised()
                    || in_set(&PERSON_SINGULAR_SET, &t.lower)
                    || in_set(&PERSON_PLURAL_SET, &t.lower)
                    || matches!(t.lower.as_ref(), "other" | "one")
            });
            // "… and Jane Doe, 32 were taken to hospital": the comma after the
            // last age of a list is often left out
            let named = self.t.get(n).is_some_and(|t| t.is_capitalised());
            let closes = matches!(self.punct(end), Some(',' | ';' | ')'))
                || (self.punct(end) == Some('.') && end + 1 == self.t.len())
                || end == self.t.len()
                // "Jane Doe, 23 of Springfield, was": the home town follows the age
                || (next == "of" && self.t.get(end + 1).is_some_and(|t| t.is_capitalised()))
                || (named && matches!(next, "were" | "was" | "are" | "is") && self.ages_before(n));
            if self.punct(p) == Some(',') && name_before && closes {
                return skip;
            }
            // "Tom and Ann Doe -- 19 and 17 -- were": ages between dashes
            let dash = |k: usize| matches!(self.punct(k), Some('-' | '—' | '–'));
            if dash(p) {
                let mut q = p;
                while q > 0 && dash(q) {
                    q -= 1;
                }
                let capital_before = self.t.get(q).is_some_and(|t| t.is_capitalised());
                let second = next == "and"
                    && self.t.get(end + 1).is_some_and(|t| {
                        t.text.len() <= 3 && t.text.bytes().all(|b| b.is_ascii_digit())
                    });
                let close = if second { end + 2 } else { end };
                if capital_before && dash(close) {
                    return Some(close);
                }
            }
            // "her sons, 7 and 9, were hurt": two ages
            let small = |k: usize| {
                self.t.get(k).is_some_and(|t| {
                    t.text.len() <= 3 && t.text.bytes().all(|b| b.is_ascii_digit())
                })
            };
            if self.punct(p) == Some(',')
                && name_before
                && next == "and"
                && small(end + 1)
                && matches!(self.punct(end + 2), Some(',' | ')'))
            {
                return Some(end + 2);
            }
            if self.punct(p) == Some('(') && self.punct(end) == Some(')') && name_before {
                return Some(end + 1);
            }
        }
        // "both 31", "aged 17 and 19 years": ages in a list that ends in a unit of time
        if plain && small_whole && before == "both" && self.noun_after(end, true).is_none() {
            return skip;
        }
        if matches!(next, "and" | "or" | "to" | ",") || self.punct(end) == Some(',') {
            let k = if self.punct(end) == Some(',') && self.is(end + 1, "and") {
                end + 2
            } else {
                end + 1
            };
            if let Ok(b) = self.amount(k, false)
                && matches!(b.base, Base::Exact(_))
                && in_set(&TIME_UNITS_SET, self.w(b.end))
            {
                return Some(b.end + 1);
            }
        }
        // "at 533 Elm": a house number before a street name without its suffix
        if plain
            && a.digits.is_some()
            && v >= 10.0
            && matches!(
                before,
                "at" | "on" | "near" | "to" | "outside" | "behind" | "across"
            )
            && self.t.get(end).is_some_and(|t| {
                t.is_capitalised() && !t.lower.ends_with('s') && !in_set(&MONTHS_SET, &t.lower)
            })
        {
            return Some(end + 1);
        }
        // "1 / 4": a gallery position or a fraction written with spaces
        if self.punct(end) == Some('/') && self.is_num(end + 1) {
            return Some(end + 2);
        }
        // "1 in 5": a ratio
        if self.is(end, "in")
            && !qualified
            && let Ok(b) = self.amount(end + 1, false)
        {
            let year = b.digits.is_some() && (1000.0..=2099.0).contains(&b.low());
            if b.low() > v && !year && !in_set(&TIME_UNITS_SET, self.w(b.end)) {
                return Some(b.end);
            }
        }
        // addresses: "the 1200 block", "123 North Main Street"
        if a.digits.is_some() {
            if next == "block" {
                return skip;
            }
            let mut k = end;
            while k < end + 4
                && self
                    .t
                    .get(k)
                    .is_some_and(|t| t.is_capitalised() || t.kind == Kind::Punct('.'))
            {
                if in_set(&STREET_SUFFIXES_SET, self.w(k)) && k > end {
                    return Some(k + 1);
                }
                k += 1;
            }
        }
        // identifiers after a capitalised word: "Boeing 737", "Apollo 11", "IL 62704";
        // never one written with thousands separators ("gave Halvern 61,250 votes")
        let grouped = a.digits.is_some_and(|d| self.t[d].text.contains(','));
        if plain
            && !grouped
            && !self.title_case
            && let Some(p) = i.checked_sub(1)
        {
            let prev = &self.t[p];
            let toll_next = in_set(&PERSON_PLURAL_SET, next) || in_set(&CASUALTY_WORDS_SET, next);
            if prev.is_capitalised() && !self.sentence_initial(p) && !toll_next {
                return skip;
            }
        }
        // years: a bare 1000–2099 is a date unless it counts something
        if plain
            && a.end == end
            && let Some(d) = a.digits
        {
            let raw = self.t[d].text;
            let year_like = raw.len() == 4
                && raw.bytes().all(|b| b.is_ascii_digit())
                && (1000.0..=2099.0).contains(&v);
            if year_like {
                let counts_people = in_set(&PERSON_PLURAL_SET, next);
                let plural = next.len() > 3 && next.ends_with('s') && !in_set(&NOT_NOUNS_SET, next);
                let dated = matches!(
                    before,
                    "the"
                        | "in"
                        | "of"
                        | "since"
                        | "by"
                        | "until"
                        | "till"
                        | "from"
                        | "during"
                        | "before"
                        | "after"
                        | "early"
                        | "late"
                        | "mid"
                        | "this"
                        | "that"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "our"
                        | "s"
                        | "year"
                        | "fiscal"
                );
                if !(counts_people || (plural && !dated)) {
                    return skip;
                }
            }
        }
        None
    }

    /// Past a list of figures continuing a labelled one: ", 10 and 6", " of 8", "-25".
    fn list_end(&self, mut k: usize) -> usize {
        for _ in 0..8 {
            let step = match (self.punct(k), self.w(k)) {
                (Some(',' | '-' | '–'), _) | (_, "and" | "or" | "of" | "to") => 1,
                _ => break,
            };
            if self.is_num(k + step) {
                k += step + 1;
            } else if self.punct(k) == Some(',') && self.is(k + 1, "and") && self.is_num(k + 2) {
                k += 3;
            } else {
                break;
            }
        }
        k
    }

    /// The counted noun after a figure ending at `k`: "40 people", "12 border
    /// guards", "dozens of people", "two of the victims"; lower case, as written.
    fn noun_after(&self, mut k: usize, plural: bool) -> Option<String> {
        if self.is(k, "of") {
            k += 1;
            match self.w(k) {
                "the" | "those" | "these" | "their" | "its" | "our" | "his" | "her" | "your"
                | "my" => k += 1,
                "them" | "whom" | "us" | "which" => return None,
                _ => {}
            }
        }
        for _ in 0..4 {
            let t = self.t.get(k)?;
            if !t.is_word() {
                return None;
            }
            if self.hyphen_joins(k) {
                // "23-year-old", "off-duty": a compound modifier, unless it ends the phrase
                let e = self.hyphen_chain_end(k);
                if self.t.get(e).is_some_and(|t| t.is_word()) {
                    k = e;
                    continue;
                }
                return None;
            }
            let w = t.lower.as_ref();
            // possessives modify: "the group's models"
            let possessive = w.ends_with("'s") || w.ends_with("’s");
            if possessive && !self.t.get(k + 1).is_some_and(|t| t.is_word()) {
                return None;
            }
            if (possessive || in_set(&NOUN_MODIFIERS_SET, w))
                && self.t.get(k + 1).is_some_and(|t| t.is_word())
            {
                k += 1;
                continue;
            }
            if t.is_capitalised() && !self.title_case {
                let next = self.w(k + 1);
                let nounish = !next.is_empty()
                    && !self.t[k + 1].is_capitalised()
                    && !in_set(&NOT_NOUNS_SET, next)
                    && !verbish(next);
                if nounish {
                    k += 1;
                    continue;
                }
            }
            // a plain noun may follow: "peacekeeping troops", "wounded people"
            let next = self
                .t
                .get(k + 1)
                .filter(|t| t.is_word() && !self.hyphen_joins(k));
            let next_lower = next.map_or("", |t| t.lower.as_ref());
            let next_nounish = !next_lower.is_empty()
                && !in_set(&NOT_NOUNS_SET, next_lower)
                && !verbish(next_lower)
                && !in_set(&TIME_UNITS_SET, next_lower)
                && next.is_some_and(|t| !t.is_capitalised() || self.title_case);
            if in_set(&NOT_NOUNS_SET, w) || in_set(&TIME_UNITS_SET, w) {
                return None;
            }
            if verbish(w) {
                // only before a plain plural or a people noun: "marched through" is no compound
                let plural = next_lower.ends_with('s')
                    || in_set(&PERSON_PLURAL_SET, next_lower)
                    || in_set(&PERSON_SINGULAR_SET, next_lower);
                if next_nounish
                    && plural
                    && (!in_set(&CASUALTY_WORDS_SET, w) || in_set(&NOUN_MODIFIERS_SET, w))
                {
                    k += 1;
                    continue;
                }
                return None;
            }
            // compounds whose head is a people noun: "military personnel", "homicide victims",
            // or a capitalised plural: "native Citizens"
            if let Some(n) = next {
                let plural_name = n.is_capitalised() && n.lower.ends_with('s') && n.lower.len() > 3;
                if (in_set(&PERSON_PLURAL_SET, &n.lower) || plural_name)
                    && !in_set(&TIME_UNITS_SET, &n.lower)
                    && !in_set(&NOT_NOUNS_SET, &n.lower)
                {
                    return Some(n.lower.to_string());
                }
            }
            // "two primary schools": after a figure above one, an adjective before a plural
            let is_plural_noun = |x: &str| x.ends_with('s') && !x.ends_with("ss") && x.len() > 3;
            if plural
                && !is_plural_noun(w)
                && !in_set(&PERSON_SINGULAR_SET, w)
                && next_nounish
                && is_plural_noun(next_lower)
            {
                return Some(next_lower.to_string());
            }
            return Some(w.to_string());
        }
        None
    }

    // ---- people without digits -------------------------------------------------

    /// "a man", "an officer", "both victims", "a couple of people", "a pair of gunmen".
    fn people(&self, i: usize) -> Step {
        let w = self.w(i);
        match w {
            "a" | "an" | "another" => self.article(i),
            "both" => self.both(i),
            "the" => self.the_victim(i),
            "his" | "her" | "their" => self.kin_harmed(i),
            _ => Step::No,
        }
    }

    /// "shot and killed his wife", "wounded her 9-year-old son": one person,
    /// named by a possessive as the object of a verb of harm. Elsewhere ("his
    /// wife said") a possessive counts nobody.
    fn kin_harmed(&self, i: usize) -> Step {
        if !in_set(&POSSESSIVE_HARM_VERBS_SET, self.prev_word(i)) {
            return Step::No;
        }
        let mut k = i + 1;
        for _ in 0..3 {
            let Some(t) = self.t.get(k) else {
                return Step::No;
            };
            if self.hyphen_joins(k) {
                k = self.hyphen_chain_end(k);
                continue;
            }
            if !t.is_word() {
                return Step::No;
            }
            let w = t.lower.as_ref();
            if in_set(&PERSON_SINGULAR_SET, w) {
                // "his son's friend", "her son-in-law": someone else or a compound
                if matches!(self.punct(k + 1), Some('\'' | '’' | '-')) && self.adj(k, k + 1) {
                    return Step::No;
                }
                return match self.emit_one(i, Some(w), k + 1) {
                    Step::Emit(mut m, next) => {
                        m.rule = Rule::Possessive;
                        Step::Emit(m, next)
                    }
                    other => other,
                };
            }
            if !in_set(&PERSON_MODIFIERS_SET, w) && !matches!(w, "own" | "estranged" | "pregnant") {
                return Step::No;
            }
            k += 1;
        }
        Step::No
    }

    /// "the victim was shot in the leg": a report that speaks of its victim in
    /// the singular counts one.
    fn the_victim(&self, i: usize) -> Step {
        if self.is(i + 1, "victim") && !matches!(self.punct(i + 2), Some('\'' | '’')) {
            self.emit_one(i, Some("victim"), i + 2)
        } else {
            Step::No
        }
    }

    fn article(&self, i: usize) -> Step {
        if in_set(&ARTICLE_BLOCKERS_SET, self.prev_word(i)) {
            return Step::No;
        }
        // "one was killed and another wounded", "another was shot": a pronoun for a person
        if self.is(i, "another") {
            let k = if matches!(self.w(i + 1), "was" | "is") {
                i + 2
            } else {
                i + 1
            };
            let toll = in_set(&CASUALTY_WORDS_SET, self.w(k));
            let then = self.t.get(k + 1);
            let ends = then.is_none_or(|t| !t.is_word() || in_set(&NOT_NOUNS_SET, &t.lower));
            if toll && ends {
                return self.emit_one(i, None, i + 1);
            }
        }
        let mut k = i + 1;
        let mut n = 0;
        while n < 4 {
            let Some(t) = self.t.get(k) else {
                return Step::No;
            };
            let w = t.lower.as_ref();
            if (w == "couple" || w == "pair") && t.is_word() {
                return self.couple(i, k);
            }
            // age compounds and hyphenated modifiers ("23-year-old", "off-duty")
            if self.hyphen_joins(k) {
                let e = self.hyphen_chain_end(k);
                let last = self.w(e - 1);
                if in_set(&PERSON_SINGULAR_SET, last) && last != self.w(k) {
                    return self.emit_one(i, Some(last), e);
                }
                // "a 5-year-old was hurt": the age stands for the person
                if last == "old" && matches!(self.w(e - 3), "year" | "month" | "week" | "day") {
                    let after = self.t.get(e);
                    let head = match after {
                        None => true,
                        Some(t) if !t.is_word() => true,
                        Some(t) => in_set(&NOT_NOUNS_SET, &t.lower) || verbish(&t.lower),
                    };
                    if head {
                        let noun = format!("{}-old", self.w(e - 3));
                        return self.emit_one(i, Some(&noun), e);
                    }
                }
                k = e;
                n += 1;
                continue;
            }
            // "a 23 year old man", "a ten year old boy"
            let numberish =
                t.kind == Kind::Num || get(&UNITS_MAP, w).is_some() || get(&TENS_MAP, w).is_some();
            if numberish
                && matches!(self.w(k + 1), "year" | "month" | "week")
                && self.is(k + 2, "old")
            {
                k += 3;
                n += 1;
                continue;
            }
            if !t.is_word() {
                return Step::No;
            }
            if in_set(&PERSON_SINGULAR_SET, w) {
                // "a man-made", "a man's world"
                if matches!(self.punct(k + 1), Some('-')) && self.adj(k, k + 1) {
                    return Step::No;
                }
                return self.emit_one(i, Some(w), k + 1);
            }
            if in_set(&PERSON_MODIFIERS_SET, w) || (t.is_capitalised() && !self.title_case) {
                k += 1;
                n += 1;
                continue;
            }
            return Step::No;
        }
        Step::No
    }

    /// One person, counted by a word: "a man", "the victim", "another".
    fn emit_one(&self, i: usize, noun: Option<&str>, next: usize) -> Step {
        let t = &self.t[i];
        Step::Emit(
            NumberMatch {
                start: t.start,
                end: t.end,
                kind: ClaimKind::Count,
                low: 1.0,
                high: 1.0,
                stated: 1.0,
                unit: None,
                precision: Precision::Exact,
                rule: Rule::Article,
                noun: noun.map(str::to_string),
            },
            next,
        )
    }

    /// "a couple of people" [2, 3]; "an elderly couple" 2; "a pair of gunmen" 2.
    fn couple(&self, i: usize, k: usize) -> Step {
        let word = self.w(k);
        let (low, high, precision, noun, end_tok) = if self.is(k + 1, "of") {
            let noun = self.noun_after(k + 1, true);
            if in_set(&TIME_UNITS_SET, self.w(k + 2)) || (noun.is_none() && !self.is(k + 2, "them"))
            {
                return Step::No;
            }
            if word == "couple" {
                (A_COUPLE.0, A_COUPLE.1, Precision::Approximate, noun, k + 1)
            } else {
                (2.0, 2.0, Precision::Exact, noun, k + 1)
            }
        } else if word == "couple" {
            (
                2.0,
                2.0,
                Precision::Exact,
                Some("couple".to_string()),
                k + 1,
            )
        } else {
            return Step::No;
        };
        let (Some(s), Some(e)) = (self.t.get(i), self.t.get(end_tok - 1)) else {
            return Step::No;
        };
        Step::Emit(
            NumberMatch {
                start: s.start,
                end: e.end,
                kind: ClaimKind::Count,
                low,
                high,
                stated: 2.0,
                unit: None,
                precision,
                rule: if word == "couple" {
                    Rule::Couple
                } else {
                    Rule::Pair
                },
                noun,
            },
            end_tok,
        )
    }

    /// "both" standing for two people: "both victims", "both were killed",
    /// "they were both shot"; not "both sides" or "both ... and ...".
    fn both(&self, i: usize) -> Step {
        let next = self.w(i + 1);
        let mut noun = None;
        let people = if in_set(&PERSON_PLURAL_SET, next) {
            noun = Some(next.to_string());
            true
        } else if next == "of" {
            match self.w(i + 2) {
                "them" | "whom" => true,
                "the" | "these" | "those" if in_set(&PERSON_PLURAL_SET, self.w(i + 3)) => {
                    noun = Some(self.w(i + 3).to_string());
                    true
                }
                _ => false,
            }
        } else if in_set(&BOTH_VERBS_SET, next) {
            true
        } else {
            contains(&BOTH_BEFORE, self.prev_word(i))
                && (next.is_empty() || verbish(next) || in_set(&CASUALTY_WORDS_SET, next))
        };
        if !people {
            return Step::No;
        }
        let t = &self.t[i];
        Step::Emit(
            NumberMatch {
                start: t.start,
                end: t.end,
                kind: ClaimKind::Count,
                low: 2.0,
                high: 2.0,
                stated: 2.0,
                unit: None,
                precision: Precision::Exact,
                rule: Rule::Both,
                noun,
            },
            i + 1,
        )
    }
}

enum RangeTail {
    Range(Amount, usize),
    Skip(usize),
    None,
}

/// Join two amounts into a range; a scale on the second alone applies to both
/// ("1.2-1.5 million", "20 to 30 million"). `None` unless low < high.
fn join_range(first: &Amount, second: &Amount) -> Option<Amount> {
    let mut low = first.low();
    let high = second.high();
    if !first.scaled && second.scaled && low * second_scale(second) < high {
        low *= second_scale(second);
    }
    if low >= high || low.is_nan() || matches!(second.base, Base::Vague(_)) {
        return None;
    }
    Some(Amount {
        start: first.start,
        end: second.end,
        base: Base::Range(low, high),
        scaled: first.scaled || second.scaled,
        digits: None,
        words: first.words && second.words,
        unit: second.unit.or(first.unit),
    })
}

/// The scale a scaled amount carries: the power of a thousand (or hundred) that
/// its value is a whole multiple of, as written ("1.5 million" → 1e6).
fn second_scale(a: &Amount) -> f64 {
    let v = a.high();
    [1e12, 1e9, 1e6, 1e3, 1e2]
        .into_iter()
        .find(|s| v >= *s)
        .unwrap_or(1.0)
}

/// Ends like a verb form, so not a counted noun ("killed", "leaving", "badly").
fn verbish(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed"))
        || (w.len() > 5 && w.ends_with("ing"))
        || (w.len() > 4 && w.ends_with("ly"))
}

/// The interval, stated figure and precision of `base` under its qualifiers.
fn interval(
    qual: Option<Qual>,
    suffix: Option<Suffix>,
    base: Base,
) -> Option<(f64, f64, f64, Precision)> {
    use Precision::*;
    let (stated, top) = match base {
        Base::Exact(v) | Base::Vague(v) => (v, v),
        Base::Range(a, b) => (a, b),
    };
    let q = match (qual, suffix) {
        (Some(Qual::Between), _) => {
            return match base {
                Base::Range(a, b) => Some((a, b, a, Range)),
                _ => None,
            };
        }
        (Some(q), _) => Some(q),
        (None, Some(Suffix::OrMore)) => Some(Qual::Lower),
        (None, Some(Suffix::OrFewer)) => Some(Qual::Upper),
        (None, Some(Suffix::OrSo)) => Some(Qual::About),
        (None, Some(Suffix::Odd)) => {
            // "40-odd" is forty-something: up to the next step of the last non-zero place
            let place = 10f64.powf(stated.abs().max(1.0).log10().floor());
            return Some((stated, stated + place, stated, Approximate));
        }
        (None, None) => None,
    };
    let n = stated;
    Some(match (q, base) {
        (None, Base::Exact(v)) => (v, v, v, Exact),
        (None, Base::Range(a, b)) => (a, b, a, Range),
        (None, Base::Vague(v)) => (v, f64::INFINITY, v, Bound),
        (Some(Qual::Lower), _) => (n, f64::INFINITY, n, Bound),
        (Some(Qual::Upper), Base::Vague(_)) => return None,
        (Some(Qual::Upper), _) => (0.0, top, top, Bound),
        (Some(_), Base::Range(a, b)) => (a, b, a, Range),
        (Some(_), Base::Vague(v)) => (v, f64::INFINITY, v, Bound),
        (Some(Qual::About), _) => (
            n * (1.0 - ABOUT_TOLERANCE),
            n * (1.0 + ABOUT_TOLERANCE),
            n,
            Approximate,
        ),
        (Some(Qual::Nearly), _) => (n * (1.0 - NEARLY_TOLERANCE), n, n, Approximate),
        (Some(Qual::JustOver), _) => (n, n * (1.0 + JUST_OVER_TOLERANCE), n, Approximate),
        (Some(Qual::Between), _) => return None,
    })
}

#[cfg(test)]
mod tests;
