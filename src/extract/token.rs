//! Takes a sentence, hands on its words read once for all its figures (`Sentence`:
//! each word's text, span, lower case and event class) and the shape tests other
//! stages ask of a text (`words`, `is_title_case`).
//! Rule that is not obvious: a word is `[\p{L}\p{N}][\p{L}\p{N}'’\-]*` or one
//! clause mark, made from the tokens of `scan` (the one tokenizer of extract),
//! not read apart.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashSet;

use crate::event::{EVENT_CUES, EventClass};

/// Words that can never be the head of a counted noun or an act: the function
/// words of English (the NLTK list, shipped by the `stop-words` crate), and the
/// few quantity words it lacks.
static FUNCTION_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut set: FxHashSet<&'static str> = stop_words::lookup("en")
        .unwrap_or(&[])
        .iter()
        .copied()
        .collect();
    set.extend(
        crate::lexicon::FUNCTION_WORDS
            .noun_run_stops
            .iter()
            .copied(),
    );
    set
});

/// Is `w` (lower case) a function word?
pub fn is_function_word(w: &str) -> bool {
    FUNCTION_WORDS.contains(w)
}

/// Is the word at `i` a participle in "-ed" used as an adjective, between an
/// article or a preposition and its noun ("through collapsed apartment
/// blocks", "the crashed car"), not a verb ("collapsed on Friday", "crashed
/// into a wall", "announced charges")? It names no event.
fn attributive_participle(ws: &[Tok<'_>], i: usize) -> bool {
    ws[i].low.ends_with("ed")
        && i > 0
        && crate::lexicon::FUNCTION_WORDS
            .attributive_openers
            .contains(&ws[i - 1].low.as_str())
        && ws.get(i + 1).is_some_and(|n| {
            n.text.bytes().all(|b| b.is_ascii_lowercase())
                && !n.text.ends_with("ly")
                && !is_function_word(n.text)
        })
}

/// A word of a sentence with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// A word: `[\p{L}\p{N}][\p{L}\p{N}'’\-]*`, or one clause punctuation mark.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    read_words(text, |text, start, end| out.push(Word { text, start, end }));
    out
}

/// `, ; : ( ) " “ ” — –`: a word of their own.
fn is_mark(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '—' | '–')
}

/// `'` `’` `-`: continue a word, never open one.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-')
}

/// Hand each word of `text` (as `words` reads them) to `push`, with its span.
/// Made from the tokens of `scan::scan`, the one tokenizer of extract: a word
/// is a run of touching pieces, a piece being a letter or digit, or a joiner
/// after one. Rule that is not obvious: a digit run's separators part words
/// ("6,500" is "6" "," "500"), and `-` joins ("9-year-old" is one word), so
/// the number grammar and the measure rules see the same text split two ways.
pub(crate) fn read_words<'a>(text: &'a str, mut push: impl FnMut(&'a str, usize, usize)) {
    use crate::extract::scan::{Kind, scan};
    let mut open = Open::default();
    scan(text, |start, end, kind, ascii| match kind {
        // letters and apostrophes between letters: all of it one piece
        Kind::Word if ascii => open.letters(text, start, end, &mut push),
        Kind::Word | Kind::Num => {
            for (i, c) in text[start..end].char_indices() {
                open.char(text, start + i, c, &mut push);
            }
        }
        Kind::Punct(c) => open.char(text, start, c, &mut push),
    });
    open.close(text, &mut push);
}

/// The word being read by `read_words`: its start and its end so far.
#[derive(Default)]
struct Open(Option<(usize, usize)>);

impl Open {
    /// Is a piece at `at` touching the word?
    fn touches(&self, at: usize) -> bool {
        matches!(self.0, Some((_, e)) if e == at)
    }

    /// Letters or digits from `at` to `end`: they extend the word they touch,
    /// or open one.
    fn letters<'a>(
        &mut self,
        text: &'a str,
        at: usize,
        end: usize,
        push: &mut impl FnMut(&'a str, usize, usize),
    ) {
        match &mut self.0 {
            Some((_, e)) if *e == at => *e = end,
            _ => {
                self.close(text, push);
                self.0 = Some((at, end));
            }
        }
    }

    /// One char at `at`: a letter or digit, a joiner, a mark or a break.
    fn char<'a>(
        &mut self,
        text: &'a str,
        at: usize,
        c: char,
        push: &mut impl FnMut(&'a str, usize, usize),
    ) {
        let end = at + c.len_utf8();
        if letter_or_digit(c) {
            self.letters(text, at, end, push);
        } else if is_joiner(c) && self.touches(at) {
            self.0 = self.0.map(|(s, _)| (s, end));
        } else {
            self.close(text, push);
            if is_mark(c) {
                push(&text[at..end], at, end);
            }
        }
    }

    /// Hand on the word, if one is open.
    fn close<'a>(&mut self, text: &'a str, push: &mut impl FnMut(&'a str, usize, usize)) {
        if let Some((s, e)) = self.0.take() {
            push(&text[s..e], s, e);
        }
    }
}

pub(crate) static LETTER_OR_DIGIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{L}\p{N}]$").expect("letter regex"));

/// Whether `c` is in `[\p{L}\p{N}]` (Unicode general categories L and N).
pub(crate) fn letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        LETTER_OR_DIGIT.is_match(c.encode_utf8(&mut [0; 4]))
    }
}

/// `w` lower-cased, curly apostrophes straightened; borrowed when that
/// changes nothing (most words), so no allocation.
pub(crate) fn lower(w: &str) -> Lower<'_> {
    use std::borrow::Cow;
    if w.is_ascii() {
        if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return Lower(Cow::Borrowed(w));
        }
        return Lower(Cow::Owned(w.to_ascii_lowercase()));
    }
    Lower(Cow::Owned(w.to_lowercase().replace('’', "'")))
}

/// A lower-cased word, used as a `String` would be (`as_str`, `==`, deref).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lower<'a>(pub(crate) std::borrow::Cow<'a, str>);

impl Lower<'_> {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

#[cfg(test)]
mod lower_tests {
    use super::*;

    #[test]
    fn lowered_words_borrow_only_when_nothing_changes() {
        for (word, lowered, borrowed) in [
            ("killed", "killed", true),
            ("", "", true),
            ("Killed", "killed", false),
            ("UN-backed", "un-backed", false),
            ("don’t", "don't", false),
            ("Été", "été", false),
        ] {
            let l = lower(word);
            assert_eq!(l, lowered, "{word}");
            assert_eq!(l.as_str(), lowered);
            assert_eq!(
                matches!(l.0, std::borrow::Cow::Borrowed(_)),
                borrowed,
                "{word}"
            );
        }
        assert_eq!(Lower::default(), "");
    }
}

/// A word of a sentence read once for all its figures: its text and span, its
/// lower-cased form and its event class.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub(crate) text: &'a str,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// `lower(text)`
    pub(crate) low: Lower<'a>,
    /// `event_of(text)`, unless the word opens a phrase that names no event
    pub(crate) event: Option<(EventClass, bool)>,
}

impl Tok<'_> {
    /// The word as written.
    pub(crate) fn text(&self) -> &str {
        self.text
    }

    /// The lower-cased word.
    pub(crate) fn low_str(&self) -> &str {
        self.low.as_str()
    }

    /// Byte offset of the word's start in the sentence.
    #[cfg(test)]
    pub(crate) fn start_offset(&self) -> usize {
        self.start
    }

    /// Byte offset just past the word in the sentence.
    #[cfg(test)]
    pub(crate) fn end_offset(&self) -> usize {
        self.end
    }

    /// `lower(text)`, as a lower-cased word for comparisons and lookups.
    pub(crate) fn low(&self) -> &Lower<'_> {
        &self.low
    }

    /// `event_of` of the lower-cased word (`event_of(lower(text))`).
    pub(crate) fn event_of_low(&self) -> Option<(EventClass, bool)> {
        // `low` is lower-cased with its apostrophes straightened, as `event_of` folds it;
        // `Sentence::new` clears it inside a phrase that names no event
        self.event
    }
}

/// The words of a sentence, each lower-cased and classed once, shared by all
/// the figures of the sentence (`measure_in`).
#[derive(Debug)]
pub struct Sentence<'a> {
    ws: Vec<Tok<'a>>,
    text: &'a str,
    title: std::cell::OnceCell<bool>,
}

impl<'a> Sentence<'a> {
    /// Read the words of `text`.
    pub fn new(text: &'a str) -> Sentence<'a> {
        let mut ws = Vec::with_capacity(text.len() / 6 + 1);
        read_words(text, |text, start, end| {
            let low = lower(text);
            // `event_of` looks up the lower-cased word
            let event = EVENT_CUES.get(low.as_str());
            ws.push(Tok {
                text,
                start,
                end,
                low,
                event,
            });
        });
        // "fighting for her life" names no clash; "burst its banks" names a flood
        for i in 0..ws.len() {
            let opens =
                ws[i].event.is_some() || crate::event::opens_event_phrase(ws[i].low.as_str());
            if !opens {
                continue;
            }
            let ahead: Vec<&str> = ws[i..(i + 4).min(ws.len())]
                .iter()
                .map(|w| w.low.as_str())
                .collect();
            let none = ws[i].event.is_some() && crate::event::opens_not_event_phrase(&ahead);
            let named = crate::event::phrase_event(&ahead);
            if none || ws[i].event.is_some() && attributive_participle(&ws, i) {
                ws[i].event = None;
            }
            if let Some((n, e)) = named {
                ws[i + n - 1].event = Some(e);
            }
        }
        Sentence {
            ws,
            text,
            title: std::cell::OnceCell::new(),
        }
    }

    /// Does a stop ('.', '!', '?') stand between word `k` and the word before
    /// it ("… Office.Authorities said", two sentences run together)?
    pub(crate) fn stop_before(&self, k: usize) -> bool {
        k > 0
            && self
                .text
                .get(self.ws[k - 1].end..self.ws[k].start)
                .is_some_and(|gap| gap.contains(['.', '!', '?']))
    }

    /// Does a dash that is no word of its own stand between word `k` and the
    /// word before it ("shot -- one fatally")?
    pub(crate) fn dash_before(&self, k: usize) -> bool {
        k > 0
            && self
                .text
                .get(self.ws[k - 1].end..self.ws[k].start)
                .is_some_and(|gap| gap.contains('-'))
    }

    /// `title_case` of the sentence, read once.
    pub(crate) fn title_case(&self) -> bool {
        *self
            .title
            .get_or_init(|| title_case(self.ws.iter().map(|w| w.text)))
    }
}

impl<'a> std::ops::Deref for Sentence<'a> {
    type Target = [Tok<'a>];
    fn deref(&self) -> &[Tok<'a>] {
        &self.ws
    }
}

/// The lower-cased form of an absent word: empty.
pub(crate) static NO_WORD: Lower<'static> = Lower(std::borrow::Cow::Borrowed(""));

pub(crate) fn capitalised(w: &Tok<'_>) -> bool {
    w.text.chars().next().is_some_and(char::is_uppercase)
}

/// `title_case` of a text.
pub fn is_title_case(text: &str) -> bool {
    title_case(words(text).iter().map(|w| w.text))
}

/// Are more than three in four of the sentence's words capitalised, as in a
/// headline? Then capitals mark no names.
pub(crate) fn title_case<'b>(ws: impl Iterator<Item = &'b str>) -> bool {
    let (mut caps, mut all) = (0usize, 0usize);
    for w in ws.filter(|w| w.chars().next().is_some_and(char::is_alphabetic)) {
        all += 1;
        caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
    }
    caps * 4 > all * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-read words are exactly what the word regex finds.
    #[test]
    fn words_match_the_word_regex() {
        let rx = Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*|[,;:()“”\x22—–]").unwrap();
        for text in [
            "Three people died, and 12 were hurt (officials said).",
            "The mother-in-law's car — a 1990s model – was “found” on Main St.; no one: hurt.",
            "Crème brûlée café: Ångström, naïve São Paulo; 東京 ٣ ½ x² Ⅻ",
            "it's the dogs’ -ball --x '' ’a 3-4 ...",
            "\u{0915}\u{093f}\u{0924}\u{093e}\u{092c} e\u{301}t\u{e9} \"quoted\" ",
            "",
            "   ",
        ] {
            let want: Vec<(usize, usize)> =
                rx.find_iter(text).map(|m| (m.start(), m.end())).collect();
            let got: Vec<(usize, usize)> = words(text).iter().map(|w| (w.start, w.end)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    /// The words as they were read a char at a time, before the byte loop.
    fn words_by_char(text: &str) -> Vec<Word<'_>> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            let mut end = start + c.len_utf8();
            if letter_or_digit(c) {
                while let Some(&(i, d)) = chars.peek() {
                    if !(letter_or_digit(d) || matches!(d, '\'' | '’' | '-')) {
                        break;
                    }
                    end = i + d.len_utf8();
                    chars.next();
                }
            } else if !matches!(c, ',' | ';' | ':' | '(' | ')' | '“' | '”' | '"' | '—' | '–')
            {
                continue;
            }
            out.push(Word {
                text: &text[start..end],
                start,
                end,
            });
        }
        out
    }

    /// The words made from the tokens are the words a char loop reads.
    #[test]
    fn words_from_tokens_match_char_loop_words() {
        for text in [
            "Three people died, and 12 were hurt (officials said).",
            "it's the dogs' ball; rock-'n'-roll -- 'quoted' - x-",
            "It’s the dogs’ ball: ’tis “quoted” — and – dashed",
            "Crème brûlée café, Ångström; naïve São Paulo: 東京 ٣ ½ x² Ⅻ",
            "e\u{301}t\u{e9} \u{0915}\u{093f} ﬁne 1,500 3.5% $4bn 2024-05-01",
            "a’’b a--b a''b ’’ -- '' ,,;; (( )) \"\" “” —— ––",
            "Émile’s 12’s Ω-3 π’s 4× ×4 €5 5€ ¼-mile",
            "trailing apostrophe’ trailing hyphen- trailing quote'",
            "tab\tnew\nline\r\nnbsp\u{a0}end",
            "🙂 emoji🙂word word🙂 ",
            "",
            "x",
            "’",
        ] {
            let want: Vec<Word<'_>> = words_by_char(text);
            assert_eq!(words(text), want, "{text}");
        }
    }

    /// Every three pieces of the kinds the tokens and words tell apart, so
    /// each boundary of a token meets each piece: digit runs with their
    /// separators, joiners, marks, letters that are no `\p{L}`, digits that
    /// are no ASCII.
    #[test]
    fn words_from_tokens_match_char_loop_words_at_every_boundary() {
        let pieces = [
            "a", "É", "ß", "1", ",", ".", "'", "’", "-", " ", "\u{a0}", "\u{202f}", "(", "“", "—",
            "$", "٣", "²", "Ⅻ", "\u{301}", "\u{93f}", "🙂", "\t",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for text in [
                        format!("{a}{b}{c}"),
                        format!("x{a}{b}{c}9"),
                        format!("9{a}{b}{c}x"),
                    ] {
                        assert_eq!(words(&text), words_by_char(&text), "{text:?}");
                    }
                }
            }
        }
    }
}
