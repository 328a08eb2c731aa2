//! Takes a document's text, hands on sentences as byte ranges with their paragraph.
//! Rule that is not obvious: a period ends a sentence only when the next word starts
//! with a capital or a quote and the word before is not an abbreviation ("Nov. 7",
//! "U.S. officials", "St. Louis" stay whole).

use crate::model::{Document, Segment};

/// The byte ingest writes where an HTML block or a JSON "\n" ended a paragraph.
const PARAGRAPH: u8 = crate::ingest::PARAGRAPH as u8;

/// Words after which a period does not end a sentence.
static ABBREVIATIONS: std::sync::LazyLock<&[&str]> =
    std::sync::LazyLock::new(|| &crate::lexicon::ABBREVIATIONS.words);

/// Split `doc.text` into sentences. Blank lines end paragraphs and sentences;
/// a single line break inside a paragraph does not, unless the line looks like a
/// heading (no closing punctuation).
pub fn segment(doc: &Document) -> Vec<Segment> {
    segment_text(&doc.text)
}

pub fn segment_text(text: &str) -> Vec<Segment> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut start: Option<usize> = None;
    let mut i = 0;
    let push = |out: &mut Vec<Segment>, s: usize, e: usize, p: usize| {
        let piece = &text[s..e];
        let trimmed_start = s + (piece.len() - piece.trim_start().len());
        let trimmed_end = s + piece.trim_end().len();
        if trimmed_end > trimmed_start {
            push_bounded(text, out, trimmed_start, trimmed_end, p);
        }
    };
    while i < bytes.len() {
        if start.is_some() {
            // inside a sentence only these bytes can end it: skip to the next
            match bytes[i..]
                .iter()
                .position(|&b| matches!(b, PARAGRAPH | b'\n' | b'.' | b'!' | b'?'))
            {
                Some(k) => i += k,
                None => break,
            }
        }
        let b = bytes[i];
        // ingest marks the end of an HTML block or a JSON "\n" with a form feed
        if b == PARAGRAPH {
            if let Some(s) = start.take() {
                push(&mut out, s, i, paragraph);
            }
            if !out.is_empty() {
                paragraph += 1;
            }
            i += 1;
            continue;
        }
        if start.is_none() {
            if b == b'\n' {
                // a blank line between paragraphs
                if i > 0 && !out.is_empty() {
                    paragraph += blank_line_at(bytes, i) as usize;
                }
                i += 1;
                continue;
            }
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            start = Some(i);
        }
        let s = start.unwrap_or(i);
        if b == b'\n' {
            // end the sentence at a line break when the line has no closing
            // punctuation (a heading) or the next line is blank
            let line_start = text[..i].rfind('\n').map_or(0, |p| p + 1).max(s);
            let line_text = text[line_start..i].trim_end();
            let next_blank = blank_line_at(bytes, i);
            let heading = is_heading(line_text);
            if next_blank || heading {
                push(&mut out, s, i, paragraph);
                start = None;
                if next_blank {
                    paragraph += 1;
                }
            }
            i += 1;
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?') && ends_sentence(text, s, i) {
            let mut e = i + 1;
            // closing quotes and brackets belong to the sentence
            while e < bytes.len() {
                let rest = &text[e..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | ')' | '”' | '’' | ']') {
                    e += c.len_utf8();
                } else {
                    break;
                }
            }
            push(&mut out, s, e, paragraph);
            start = None;
            i = e;
            continue;
        }
        i += 1;
    }
    if let Some(s) = start {
        push(&mut out, s, text.len(), paragraph);
    }
    out
}

/// The longest run of text handed on as one sentence. Longer runs (tables,
/// pages without full stops, a 50 MB line) are cut at white space, so the work
/// per sentence stays bounded whatever the input.
pub const SENTENCE_MAX_BYTES: usize = 1_000;

/// Push `start..end` as one segment, or as several of at most
/// `SENTENCE_MAX_BYTES` cut at white space (or anywhere, if there is none).
fn push_bounded(
    text: &str,
    out: &mut Vec<Segment>,
    mut start: usize,
    end: usize,
    paragraph: usize,
) {
    while end - start > SENTENCE_MAX_BYTES {
        let limit = crate::model::floor_char_boundary(text, start + SENTENCE_MAX_BYTES);
        let cut = text[start..limit]
            .rfind(char::is_whitespace)
            .map(|i| start + i)
            .filter(|&c| c > start)
            .unwrap_or(limit.max(start + 1));
        let cut = crate::model::floor_char_boundary(text, cut).max(start + 1);
        let cut = (cut..=end)
            .find(|&c| text.is_char_boundary(c))
            .unwrap_or(end);
        let piece = &text[start..cut];
        let piece_end = start + piece.trim_end().len();
        if piece_end > start {
            out.push(Segment {
                start,
                end: piece_end,
                paragraph,
            });
        }
        start = cut + (text[cut..end].len() - text[cut..end].trim_start().len());
        if start >= end {
            return;
        }
    }
    out.push(Segment {
        start,
        end,
        paragraph,
    });
}

/// A line that stands alone: short and without closing or continuing punctuation.
/// Hard-wrapped prose has long lines, so it is not cut at each break.
const HEADING_MAX_CHARS: usize = 60;

fn is_heading(line: &str) -> bool {
    !line.is_empty()
        && line.chars().count() < HEADING_MAX_CHARS
        && !line.ends_with(|c: char| ",;:-–—(".contains(c))
        && !line.split_whitespace().last().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "the"
                    | "a"
                    | "an"
                    | "of"
                    | "and"
                    | "or"
                    | "to"
                    | "in"
                    | "on"
                    | "at"
                    | "by"
                    | "for"
                    | "with"
                    | "from"
            )
        })
}

/// Is the newline at `i` followed by only white space up to the next newline (or the end)?
fn blank_line_at(bytes: &[u8], i: usize) -> bool {
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\n' | PARAGRAPH => return true,
            b' ' | b'\t' | b'\r' => j += 1,
            _ => return false,
        }
    }
    true
}

/// Does the punctuation at byte `i` end the sentence that began at `s`?
fn ends_sentence(text: &str, s: usize, i: usize) -> bool {
    let bytes = text.as_bytes();
    if bytes[i] != b'.' {
        return next_starts_sentence(text, i + 1);
    }
    // decimal point or number like 1.5
    if i + 1 < bytes.len() && bytes[i + 1].is_ascii_digit() {
        return false;
    }
    let word_start = text[s..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map_or(s, |(p, c)| s + p + c.len_utf8());
    let word = &text[word_start..i];
    let abbreviation = if word.is_ascii() {
        // no allocation for the usual word: compared as the lower-cased word
        // would be (a word of another length is told apart by its length)
        ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
    } else {
        ABBREVIATIONS.contains(&word.to_lowercase().as_str())
    };
    if abbreviation {
        // "Nov. 7" or "U.S. officials": the sentence goes on
        return false;
    }
    // single capital initial ("John F. Kennedy"); lower-casing keeps a
    // single letter single
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.to_lowercase().count() == 1
        && c.to_lowercase().all(char::is_alphabetic)
    {
        return false;
    }
    next_starts_sentence(text, i + 1)
}

fn next_starts_sentence(text: &str, from: usize) -> bool {
    let rest = &text[from..];
    let mut chars = rest.chars();
    // require white space after the punctuation (or quotes then white space)
    let mut c = match chars.next() {
        None => return true,
        Some(c) => c,
    };
    while matches!(c, '"' | '\'' | ')' | '”' | '’' | ']') {
        c = match chars.next() {
            None => return true,
            Some(c) => c,
        };
    }
    if !c.is_whitespace() {
        return false;
    }
    for c in chars {
        if c.is_whitespace() {
            continue;
        }
        return c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[');
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        segment_text(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_in_any_case() {
        for (text, want) in [
            ("They met on NOV. 7 in the hall.", 1),
            ("Approx. 40 came. Then they left.", 2),
            ("GEN. Doe spoke. Others did too.", 2),
            ("He saw J. Doe. She did not.", 2),
            ("He saw É. Doe. She did not.", 2),
            ("The Été. Next one.", 2),
            ("The abbreviationx. Next one.", 2),
        ] {
            assert_eq!(sentences(text).len(), want, "{text}");
        }
    }

    #[test]
    fn splits_on_periods_but_not_abbreviations() {
        assert_eq!(
            sentences("The Nov. 7 meeting took place. It was long. U.S. officials spoke."),
            vec![
                "The Nov. 7 meeting took place.",
                "It was long.",
                "U.S. officials spoke."
            ]
        );
    }

    #[test]
    fn blank_lines_and_headings_end_sentences() {
        let text = "Title line\n\nFirst sentence here. Second one!\nHeading\nBody text that is wrapped at a width of about sixty-five or seventy columns\ngoes on.";
        assert_eq!(
            sentences(text),
            vec![
                "Title line",
                "First sentence here.",
                "Second one!",
                "Heading",
                "Body text that is wrapped at a width of about sixty-five or seventy columns\ngoes on."
            ]
        );
    }

    #[test]
    fn multibyte_punctuation_before_a_period_does_not_panic() {
        assert_eq!(
            sentences("He said “Go. Now.” Then left."),
            vec!["He said “Go.", "Now.”", "Then left."]
        );
    }

    #[test]
    fn a_form_feed_ends_a_paragraph() {
        let text = "Headline here\x0cBody starts here. More.";
        assert_eq!(
            sentences(text),
            vec!["Headline here", "Body starts here.", "More."]
        );
        let segs = segment_text(text);
        assert!(segs[1].paragraph > segs[0].paragraph);
    }

    #[test]
    fn overlong_runs_are_cut_at_white_space() {
        let text = "12 ".repeat(2_000);
        let segs = segment_text(&text);
        assert!(segs.len() >= 6);
        for s in &segs {
            assert!(s.end - s.start <= SENTENCE_MAX_BYTES);
            assert!(!text[s.start..s.end].starts_with(' ') && !text[s.start..s.end].ends_with(' '));
        }
        let no_space = "x".repeat(2_500);
        assert_eq!(segment_text(&no_space).len(), 3);
        let accents = "é".repeat(1_500);
        assert!(
            segment_text(&accents)
                .iter()
                .all(|s| accents.is_char_boundary(s.start) && accents.is_char_boundary(s.end))
        );
    }

    #[test]
    fn decimals_stay_inside() {
        assert_eq!(
            sentences("It was 6.5 metres. Then 3."),
            vec!["It was 6.5 metres.", "Then 3."]
        );
    }
}
