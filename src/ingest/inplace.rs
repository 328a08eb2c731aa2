//! Takes a document's bytes, hands back the same number of bytes with markup
//! blanked, escapes decoded and block boundaries marked.
//! Rule that is not obvious: a block boundary that is not a line break is marked
//! with a form feed ('\x0C', one byte, white space to `char::is_whitespace`) on
//! the first byte of the blanked markup; a real '\n' is never added or removed,
//! and the mark replaces one one-byte character, so line numbers and columns of
//! the file survive. `segment` should treat a form feed as the end of a paragraph.

use std::sync::LazyLock;

use regex::Regex;

/// Marks the end of a block (HTML `</p>`, a JSON "\n") without a line break.
pub const PARAGRAPH: char = '\x0C';

/// Replace bytes `start..end` of `text` with spaces, keeping '\n' and '\r'.
/// Out-of-range or non-boundary offsets are clamped inward, never a panic.
pub fn blank(text: &mut String, start: usize, end: usize) {
    let end = crate::model::floor_char_boundary(text, end);
    let mut start = start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    // byte by byte: '\n' and '\r' never occur inside a multi-byte character,
    // so every other byte of a character becomes one space, as `blank_bytes` does
    let blanked: String = text[start..end]
        .bytes()
        .map(|b| match b {
            b'\n' | b'\r' => char::from(b),
            _ => ' ',
        })
        .collect();
    text.replace_range(start..end, &blanked);
}

/// Blank every byte of `buf` except line breaks. `buf` must hold whole characters
/// (each byte of a multi-byte character becomes a space, so UTF-8 stays valid).
pub fn blank_bytes(buf: &mut [u8]) {
    for b in buf {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// Write `s` into `buf[start..end]` padded with spaces, before it when
/// `pad_before` (an opening quote that starts a word) or after it. Returns false
/// and writes nothing when it does not fit or the range is out of bounds.
pub fn put(buf: &mut [u8], start: usize, end: usize, s: &str, pad_before: bool) -> bool {
    if start > end || end > buf.len() || s.len() > end - start {
        return false;
    }
    let pad = end - start - s.len();
    let at = if pad_before { start + pad } else { start };
    buf[start..end].fill(b' ');
    buf[at..at + s.len()].copy_from_slice(s.as_bytes());
    true
}

/// Mark a block boundary inside the blanked range `start..end` (see module doc).
pub fn mark_paragraph(buf: &mut [u8], start: usize, end: usize) {
    // never overwrite a line break: the byte must be a blank where the mark goes
    if start < end && buf.get(start) == Some(&b' ') {
        buf[start] = PARAGRAPH as u8;
    }
}

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?x)
        \b(?:https?|ftp)://[^\s<>"'`]+   # a scheme and everything up to white space or a quote
        | \bwww\.[a-zA-Z0-9-]+\.[^\s<>"'`]+"#,
    )
    .expect("url regex")
});

/// Blank bare URLs: their digits ("/2024/05/07/story-12") are not claims.
/// A closing bracket or sentence punctuation right after the URL is left alone.
pub fn blank_urls(text: &mut String) {
    let spans: Vec<(usize, usize)> = URL
        .find_iter(text)
        .map(|m| {
            let s = m.as_str();
            let trimmed = s.trim_end_matches(|c: char| ".,;:!?)]}".contains(c));
            (m.start(), m.start() + trimmed.len())
        })
        .collect();
    for (s, e) in spans {
        blank(text, s, e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_keeps_length_and_line_breaks() {
        let mut t = "a<é>\r\nb".to_string();
        blank(&mut t, 1, 7);
        assert_eq!(t, "a    \r\nb");
        let mut t = "é".to_string();
        blank(&mut t, 1, 99); // clamped, no panic
        assert_eq!(t, "é");
        let mut t = "x—é\n😀\ry".to_string();
        let len = t.len();
        blank(&mut t, 1, len - 1);
        assert_eq!(t, format!("x{}\n{}\ry", " ".repeat(5), " ".repeat(4)));
    }

    #[test]
    fn put_pads_on_the_chosen_side() {
        let mut b = b"&ldquo;".to_vec();
        assert!(put(&mut b, 0, 7, "\u{201c}", true));
        assert_eq!(String::from_utf8(b).unwrap(), "    \u{201c}");
        let mut b = b"&amp;".to_vec();
        assert!(put(&mut b, 0, 5, "&", false));
        assert_eq!(b, b"&    ");
        let mut b = b"ab".to_vec();
        assert!(!put(&mut b, 0, 2, "abc", false));
        assert!(!put(&mut b, 1, 9, "a", false));
    }

    #[test]
    fn paragraph_marks_take_one_blank_byte() {
        let mut b = b"     ".to_vec();
        mark_paragraph(&mut b, 0, 4);
        assert_eq!(b, b"\x0C    ");
        // never over a line break, never outside the range
        let mut b = b"\n  ".to_vec();
        mark_paragraph(&mut b, 0, 3);
        assert_eq!(b, b"\n  ");
        let mut b = b"  ".to_vec();
        mark_paragraph(&mut b, 2, 2);
        mark_paragraph(&mut b, 5, 9);
        assert_eq!(b, b"  ");
    }

    #[test]
    fn urls_are_blanked_but_not_their_closing_punctuation() {
        let mut t =
            "See https://example.org/2024/05/07/a-12. Then (www.example.com/9).".to_string();
        let len = t.len();
        blank_urls(&mut t);
        assert_eq!(t.len(), len);
        assert!(!t.contains("2024") && !t.contains('9'), "{t}");
        assert!(t.contains(". Then") && t.contains(")."), "{t}");
    }
}
