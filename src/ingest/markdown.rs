//! Takes Markdown text, hands on its front matter (date, outlet, title) and the
//! text with everything that is not prose blanked: front matter, link and image
//! targets, images, code, HTML and comments.
//! Rule that is not obvious: the CommonMark parser (pulldown-cmark) only decides
//! which byte ranges are prose; the prose bytes themselves are copied from the
//! source, so every offset is a file offset (escapes and entities are decoded in
//! place, padded with spaces).

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::inplace;

/// The fields front matter may set; values are raw strings as written.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    /// End (exclusive) of the block, closing line included.
    pub end: usize,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    /// Byte span of the title's text in the block, when it is written on its
    /// line as is (the headline is analysed like the body).
    pub title_span: Option<(usize, usize)>,
}

/// Read a front matter block at the very start: YAML-ish between `---` lines
/// (closed by `---` or `...`) or TOML-ish between `+++` lines. Values may be
/// quoted or raw text; nested keys and lists are ignored. An unterminated block
/// is not front matter (`None`): the text is read as it is.
pub fn front_matter(text: &str) -> Option<FrontMatter> {
    let first = text.split_inclusive('\n').next()?;
    let (sep, closers): (char, &[&str]) = match first.trim_end() {
        "---" => (':', &["---", "..."]),
        "+++" => ('=', &["+++"]),
        _ => return None,
    };
    let mut fm = FrontMatter::default();
    let mut pos = first.len();
    for line in text[pos..].split_inclusive('\n') {
        pos += line.len();
        let trimmed = line.trim_end();
        if closers.contains(&trimmed) {
            fm.end = pos;
            return Some(fm);
        }
        if line.starts_with(char::is_whitespace) {
            continue; // nested value
        }
        let Some((key, value)) = trimmed.split_once(sep) else {
            continue;
        };
        let value = scalar(value);
        if value.is_empty() {
            continue;
        }
        let key = key.trim().trim_matches('"').to_ascii_lowercase();
        let is_title = matches!(key.as_str(), "title" | "headline");
        if is_title
            && fm.title.is_none()
            && let Some(at) = line.find(value.as_str())
        {
            let start = pos - line.len() + at;
            fm.title_span = Some((start, start + value.len()));
        }
        let slot = match key.as_str() {
            "date" | "published" | "pubdate" | "publish_date" | "publishdate" | "published_at"
            | "published_on" | "datepublished" => &mut fm.date,
            "outlet" | "source" | "publisher" | "site" | "site_name" => &mut fm.outlet,
            "title" | "headline" => &mut fm.title,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }
    None
}

/// A scalar as written: quotes removed, or a trailing ` # comment` when unquoted.
fn scalar(raw: &str) -> String {
    let v = raw.trim();
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q)
            && let Some(end) = inner.rfind(q)
        {
            return inner[..end].trim().to_string();
        }
    }
    let v = v.split(" #").next().unwrap_or(v);
    v.trim().to_string()
}

/// Blank everything in `text` that is not prose, in place.
pub fn blank_markup(text: &mut String) {
    let mut buf = text.clone().into_bytes();
    inplace::blank_bytes(&mut buf);
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_FOOTNOTES);
    // depth of constructs whose text is not prose: images, code blocks, autolinks
    let mut hidden = 0usize;
    // an indented block is, in a news file, indented prose (a wire body pasted
    // with its margins), not code: it stays text
    let mut indented = false;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => indented = true,
            Event::End(TagEnd::CodeBlock) if indented => indented = false,
            Event::Start(Tag::Image { .. } | Tag::CodeBlock(_) | Tag::MetadataBlock(_)) => {
                hidden += 1
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => hidden += 1,
            Event::End(TagEnd::Image | TagEnd::CodeBlock | TagEnd::MetadataBlock(_)) => {
                hidden = hidden.saturating_sub(1)
            }
            Event::End(TagEnd::Link) => {
                // only autolinks were counted; a plain link's end is harmless
                if let Some(src) = text.get(range.clone())
                    && src.starts_with('<')
                {
                    hidden = hidden.saturating_sub(1);
                }
            }
            // backquotes in news copy are mostly ``quotes'' of old wire text, so an
            // inline code span is kept as written
            Event::Code(_) if hidden == 0 => {
                if let Some(src) = text.get(range.clone()) {
                    buf[range].copy_from_slice(src.as_bytes());
                }
            }
            Event::Text(t) if hidden == 0 => {
                let Some(src) = text.get(range.clone()) else {
                    continue;
                };
                // decoded escapes and entities are written padded; else the source as is
                if src == &*t || !inplace::put(&mut buf, range.start, range.end, &t, false) {
                    buf[range].copy_from_slice(src.as_bytes());
                }
            }
            _ => {}
        }
    }
    if let Ok(s) = String::from_utf8(buf) {
        *text = s;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blanked(s: &str) -> String {
        let mut t = s.to_string();
        blank_markup(&mut t);
        assert_eq!(t.len(), s.len(), "length kept");
        assert_eq!(
            t.matches('\n').count(),
            s.matches('\n').count(),
            "lines kept"
        );
        t
    }

    fn words(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn prose_stays_and_markup_goes() {
        let cases = [
            (
                "# Heading 3\n\nBody *with* **bold** text.",
                "Heading 3 Body with bold text.",
            ),
            (
                "See [the report](https://x.org/2024/12) now.",
                "See the report now.",
            ),
            (
                "An image ![chart of 40 units](img/40.png) here.",
                "An image here.",
            ),
            // inline code stays: in news copy it is ``old-style quotes''
            ("Code `x = 12` inline.", "Code `x = 12` inline."),
            ("He said ``never.'' Then", "He said ``never.'' Then"),
            ("Before\n\n```\nlet n = 99;\n```\n\nAfter", "Before After"),
            ("A <!-- note 77 --> comment.", "A comment."),
            ("Auto <https://x.org/55> link.", "Auto link."),
            ("[ref]: https://x.org/88\n\nText [ref].", "Text ref ."),
            ("- 5 dead\n- 10 hurt", "5 dead 10 hurt"),
            ("A &amp; B, 3 &lt; 4.", "A & B, 3 < 4."),
            ("| a | 2 |\n|---|---|\n| b | 3 |", "a 2 b 3"),
            (
                "Plain text with 42 and no markup.",
                "Plain text with 42 and no markup.",
            ),
        ];
        for (src, want) in cases {
            assert_eq!(words(&blanked(src)), want, "{src:?}");
        }
    }

    #[test]
    fn prose_keeps_its_offsets() {
        let src = "Intro [link](u) and\r\n*12* people.";
        let t = blanked(src);
        assert_eq!(t.find("12"), src.find("12"));
        assert_eq!(t.find("people"), src.find("people"));
    }

    #[test]
    fn front_matter_forms() {
        let fm = front_matter(
            "---\ntitle: A plain title: with colon\ndate: March 7, 2025\nsource: \"The Daily\"\ntags:\n  - x\n---\nBody",
        )
        .unwrap();
        assert_eq!(fm.title.as_deref(), Some("A plain title: with colon"));
        assert_eq!(
            fm.title_span,
            Some((11, 11 + "A plain title: with colon".len()))
        );
        assert_eq!(fm.date.as_deref(), Some("March 7, 2025"));
        assert_eq!(fm.outlet.as_deref(), Some("The Daily"));
        assert_eq!(fm.end, "---\ntitle: A plain title: with colon\ndate: March 7, 2025\nsource: \"The Daily\"\ntags:\n  - x\n---\n".len());

        let fm = front_matter("+++\r\npublished = 2024-01-02 # set by hand\r\n+++\r\nx").unwrap();
        assert_eq!(fm.date.as_deref(), Some("2024-01-02"));

        assert_eq!(front_matter("---\ndate: 2024-01-02\nno end"), None);
        assert_eq!(front_matter("Not front matter\n---\n"), None);
        assert_eq!(front_matter(""), None);
        assert_eq!(front_matter("---"), None);
    }
}
