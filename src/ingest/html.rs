//! Takes an HTML page, hands on its visible article text blanked in place, with
//! title, outlet and publication-date candidates from its metadata.
//! Rule that is not obvious: the page is tokenized with html5gum (a WHATWG
//! tokenizer that reports the byte span of every token); only the spans of text
//! tokens are copied back, everything else stays blank, block-level tags become a
//! paragraph mark (a form feed, see `inplace`) and entities are decoded in place, padded with spaces.
//! When one `<article>` (else `<main>`) holds at least 40% of the visible text,
//! only its text is kept, so teasers and link lists around a story are dropped.

use std::collections::HashMap;
use std::sync::LazyLock;

use html5gum::{DefaultEmitter, Token, Tokenizer};
use regex::Regex;
use serde_json::Value as Json;

use super::inplace;

/// What an HTML page says about itself, besides its text.
#[derive(Debug, Default)]
pub struct HtmlDoc {
    /// Same byte length as the source; see the module doc.
    pub text: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// Publication-date candidates, strongest first: (raw value, where it was found).
    pub dates: Vec<(String, &'static str)>,
}

/// Elements whose content is never article text.
const HIDDEN: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "nav", "aside", "form", "button",
    "select", "textarea", "svg", "math", "iframe", "object", "canvas", "dialog", "menu", "audio",
    "video",
];
/// Page furniture, except inside an `<article>` or `<main>` (where a `<header>`
/// holds the headline).
const FURNITURE: &[&str] = &["header", "footer"];
/// ARIA roles that mark furniture.
const HIDDEN_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
];
/// Tags that end a block of text.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];
/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];
/// `<meta name=…>` values that carry a publication date (weakest source).
const DATE_METAS: &[&str] = &[
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "og:published_time",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
];
/// How far back an end tag looks for its open hidden element; bounds the work
/// on pathological nesting.
const MATCH_WINDOW: usize = 64;

#[derive(Clone, Copy)]
struct Kept {
    start: usize,
    end: usize,
    article: Option<u32>,
    main: bool,
}

fn attr(tag: &html5gum::StartTag<usize>, name: &str) -> Option<String> {
    tag.attributes
        .get(name.as_bytes())
        .map(|v| String::from_utf8_lossy(&v.value).trim().to_string())
}

fn is_hidden_start(name: &str, tag: &html5gum::StartTag<usize>, in_content: bool) -> bool {
    if HIDDEN.contains(&name) || (FURNITURE.contains(&name) && !in_content) {
        return true;
    }
    if tag.attributes.contains_key(b"hidden".as_slice()) {
        return true;
    }
    if attr(tag, "aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        return true;
    }
    if let Some(role) = attr(tag, "role")
        && HIDDEN_ROLES.contains(&role.to_ascii_lowercase().as_str())
    {
        return true;
    }
    attr(tag, "style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        s.to_ascii_lowercase().contains("display:none")
    })
}

/// Read an HTML page. Never panics; malformed markup is read as browsers would
/// tokenize it (without tree repair).
pub fn read_html(src: &str) -> HtmlDoc {
    let mut doc = HtmlDoc::default();
    let mut buf = src.as_bytes().to_vec();
    inplace::blank_bytes(&mut buf);

    let mut hidden: Vec<String> = Vec::new();
    let mut article_depth = 0usize;
    let mut article: Option<u32> = None;
    let mut next_article = 0u32;
    let mut main_depth = 0usize;
    let mut in_title = false;
    let mut in_jsonld = false;
    let mut title_text = String::new();
    let mut jsonld: Vec<String> = Vec::new();
    let mut kept: Vec<Kept> = Vec::new();
    let mut marks: Vec<(usize, usize)> = Vec::new();
    // (priority, value, where)
    let mut dates: Vec<(u8, String, &'static str)> = Vec::new();
    let mut og_title = None;
    let mut og_site = None;

    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(src, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                let name = name.as_str();
                match name {
                    "meta" => {
                        let key = attr(&tag, "property")
                            .or_else(|| attr(&tag, "name"))
                            .unwrap_or_default()
                            .to_ascii_lowercase();
                        if let Some(content) = attr(&tag, "content").filter(|c| !c.is_empty()) {
                            match key.as_str() {
                                "article:published_time" => {
                                    dates.push((1, content, "article:published_time meta"))
                                }
                                "og:title" => og_title = og_title.or(Some(content)),
                                "og:site_name" => og_site = og_site.or(Some(content)),
                                k if DATE_METAS.contains(&k) => {
                                    dates.push((4, content, "date meta"))
                                }
                                _ => {}
                            }
                        }
                    }
                    "body" => hidden.retain(|n| n != "head" && n != "title"),
                    "title" => in_title = true,
                    "script" => {
                        in_jsonld = attr(&tag, "type")
                            .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
                        if in_jsonld {
                            jsonld.push(String::new());
                        }
                    }
                    "time" => {
                        if let Some(dt) = attr(&tag, "datetime").filter(|d| !d.is_empty()) {
                            dates.push((3, dt, "<time datetime>"));
                        }
                    }
                    _ => {}
                }
                if attr(&tag, "itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                    && let Some(v) = attr(&tag, "content").or_else(|| attr(&tag, "datetime"))
                {
                    dates.push((2, v, "itemprop=datePublished"));
                }
                let in_content = article_depth > 0 || main_depth > 0;
                let opens = !tag.self_closing && !VOID.contains(&name);
                if BLOCK.contains(&name) && hidden.is_empty() {
                    marks.push((tag.span.start, tag.span.end));
                }
                if opens {
                    if is_hidden_start(name, &tag, in_content) {
                        hidden.push(name.to_string());
                    } else if name == "article" {
                        article_depth += 1;
                        if article_depth == 1 {
                            article = Some(next_article);
                            next_article += 1;
                        }
                    } else if name == "main" {
                        main_depth += 1;
                    }
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                let name = name.as_str();
                let window = hidden.len().saturating_sub(MATCH_WINDOW);
                if let Some(pos) = hidden[window..].iter().rposition(|n| n == name) {
                    hidden.truncate(window + pos);
                } else if name == "article" && article_depth > 0 && hidden.is_empty() {
                    article_depth -= 1;
                    if article_depth == 0 {
                        article = None;
                    }
                } else if name == "main" && hidden.is_empty() {
                    main_depth = main_depth.saturating_sub(1);
                }
                match name {
                    "body" | "html" => hidden.clear(),
                    "head" => hidden.retain(|n| n != "head"),
                    "title" => in_title = false,
                    "script" => in_jsonld = false,
                    _ => {}
                }
                if BLOCK.contains(&name) && hidden.is_empty() {
                    marks.push((tag.span.start, tag.span.end));
                }
            }
            Token::String(s) => {
                if in_title {
                    title_text.push_str(&String::from_utf8_lossy(&s.value));
                }
                if in_jsonld && let Some(block) = jsonld.last_mut() {
                    block.push_str(&String::from_utf8_lossy(&s.value));
                }
                if hidden.is_empty() && s.span.start < s.span.end {
                    kept.push(Kept {
                        start: s.span.start,
                        end: s.span.end,
                        article,
                        main: main_depth > 0,
                    });
                }
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }

    for block in &jsonld {
        if let Ok(v) = serde_json::from_str::<Json>(block) {
            if let Some(d) = find_key(&v, "datePublished", 0).and_then(Json::as_str) {
                dates.push((2, d.trim().to_string(), "JSON-LD datePublished"));
            }
            if og_site.is_none() {
                og_site = find_key(&v, "publisher", 0)
                    .and_then(|p| p.get("name"))
                    .and_then(Json::as_str)
                    .map(str::to_string);
            }
            if og_title.is_none() {
                og_title = find_key(&v, "headline", 0)
                    .and_then(Json::as_str)
                    .map(str::to_string);
            }
        }
    }
    dates.sort_by_key(|d| d.0);
    doc.dates = dates.into_iter().map(|(_, v, w)| (v, w)).collect();
    doc.title = og_title
        .or(Some(title_text))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    doc.outlet = og_site.filter(|s| !s.is_empty());

    for (s, e) in marks {
        inplace::mark_paragraph(&mut buf, s, e);
    }
    let region = choose_region(src, &kept);
    let mut entities = EntityCache::default();
    for k in kept.iter().filter(|k| region(k)) {
        write_text(&mut buf, src, k.start, k.end, &mut entities);
    }
    doc.text = String::from_utf8(buf).unwrap_or_else(|_| {
        // unreachable in practice (every write is whole characters); stay safe
        let mut t = src.to_string();
        inplace::blank(&mut t, 0, src.len());
        t
    });
    doc
}

/// The first value under `key` anywhere in a JSON tree (depth-limited).
fn find_key<'a>(v: &'a Json, key: &str, depth: usize) -> Option<&'a Json> {
    if depth > 32 {
        return None;
    }
    match v {
        Json::Object(m) => m
            .get(key)
            .or_else(|| m.values().find_map(|x| find_key(x, key, depth + 1))),
        Json::Array(a) => a.iter().find_map(|x| find_key(x, key, depth + 1)),
        _ => None,
    }
}

fn weight(src: &str, k: &Kept) -> usize {
    src.as_bytes()
        .get(k.start..k.end)
        .map_or(0, |b| b.iter().filter(|b| !b.is_ascii_whitespace()).count())
}

/// Which kept spans make the article: see the module doc.
fn choose_region(src: &str, kept: &[Kept]) -> Box<dyn Fn(&Kept) -> bool> {
    let total: usize = kept.iter().map(|k| weight(src, k)).sum();
    let mut per_article: HashMap<u32, usize> = HashMap::new();
    let mut main = 0;
    for k in kept {
        let w = weight(src, k);
        if let Some(a) = k.article {
            *per_article.entry(a).or_default() += w;
        }
        if k.main {
            main += w;
        }
    }
    let big_enough = |w: usize| w > 0 && w * 10 >= total * 4;
    // ties go to the earliest article so the choice does not depend on hashing
    let best = per_article
        .iter()
        .max_by_key(|(a, w)| (**w, std::cmp::Reverse(**a)))
        .map(|(a, w)| (*a, *w));
    if let Some((a, w)) = best
        && big_enough(w)
    {
        return Box::new(move |k| k.article == Some(a));
    }
    if big_enough(main) {
        return Box::new(|k| k.main);
    }
    Box::new(|_| true)
}

static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)&(?:
            \#[0-9]{1,7}            # decimal
          | \#[xX][0-9a-fA-F]{1,6}  # hexadecimal
          | [A-Za-z][A-Za-z0-9]{1,31}  # named
        );",
    )
    .expect("entity regex")
});

#[derive(Default)]
struct EntityCache(HashMap<String, Option<String>>);

impl EntityCache {
    fn decode(&mut self, entity: &str) -> Option<String> {
        if let Some(v) = self.0.get(entity) {
            return v.clone();
        }
        // html5gum knows the full named-entity table: let it decode the entity alone
        let mut out = String::new();
        for t in Tokenizer::new(entity).flatten() {
            if let Token::String(s) = t {
                out.push_str(&String::from_utf8_lossy(&s.value));
            }
        }
        let v = (out != entity && !out.is_empty()).then(|| {
            out.chars()
                .map(|c| match c {
                    // no-break and other odd spaces read as plain spaces
                    '\u{a0}' | '\u{2007}' | '\u{202f}' => ' ',
                    '\0' => '\u{fffd}',
                    c => c,
                })
                .collect::<String>()
        });
        self.0.insert(entity.to_string(), v.clone());
        v
    }
}

/// Copy `src[start..end]` into `buf`, decoding entities in place.
fn write_text(buf: &mut [u8], src: &str, start: usize, end: usize, cache: &mut EntityCache) {
    let Some(text) = src.get(start..end) else {
        return;
    };
    buf[start..end].copy_from_slice(text.as_bytes());
    for m in ENTITY.find_iter(text) {
        if let Some(decoded) = cache.decode(m.as_str()) {
            let opening = decoded
                .chars()
                .next()
                .is_some_and(|c| matches!(c, '“' | '‘' | '«' | '‹' | '„' | '(' | '[' | '"'));
            inplace::put(buf, start + m.start(), start + m.end(), &decoded, opening);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of a text, each run of paragraph marks shown as one "|".
    fn words(s: &str) -> String {
        let mut out: Vec<&str> = Vec::new();
        let marked = s.replace('\x0C', " | ");
        for w in marked.split_whitespace() {
            if !(w == "|" && out.last() == Some(&"|")) {
                out.push(w);
            }
        }
        out.join(" ")
    }

    fn read(src: &str) -> HtmlDoc {
        let d = read_html(src);
        assert_eq!(d.text.len(), src.len(), "length kept");
        assert_eq!(d.text.matches('\n').count(), src.matches('\n').count());
        d
    }

    #[test]
    fn visible_text_only() {
        let cases = [
            ("<p>Hello 5</p><script>var x = 7;</script>", "| Hello 5 |"),
            ("<style>p{margin:3px}</style><p>A</p>", "| A |"),
            (
                "<nav><a>Home 1</a></nav><p>B</p><footer>(c) 2020</footer>",
                "| B |",
            ),
            ("<p>Before<!-- 99 -->after</p>", "| Before after |"),
            ("<aside>Most read: 12</aside><p>C</p>", "| C |"),
            ("<div hidden>secret 4</div>D", "| D"),
            ("<div role=navigation>x 8</div>E", "| E"),
            ("<span style='display: none'>9</span>F", "F"),
            ("<h1>Title</h1><p>Body</p>", "| Title | Body |"),
            ("Line<br>next", "Line | next"),
            ("<p>Cut <p>off", "| Cut | off"),
            ("x <unknown-tag a=1>y</unknown-tag>", "x y"),
            (
                "<p>3 &lt; 4 &amp;&amp; &#8220;q&#8221; caf&eacute;</p>",
                "| 3 < 4 & & “q” café |",
            ),
            ("<p>10&nbsp;people</p>", "| 10 people |"),
            ("unterminated <p class=\"", "unterminated"),
            ("<title>Page 3</title><p>G</p>", "| G |"),
        ];
        for (src, want) in cases {
            assert_eq!(words(&read(src).text), want, "{src:?}");
        }
    }

    #[test]
    fn header_inside_an_article_is_the_headline() {
        let src = "<header>Site 1</header><article><header><h1>Head 2</h1></header><p>Story 3 with words enough.</p><footer>Tags</footer></article>";
        let t = read(src).text;
        assert!(!t.contains("Site"));
        assert!(t.contains("Head 2") && t.contains("Story 3") && t.contains("Tags"));
    }

    #[test]
    fn the_main_article_wins_over_teasers() {
        let story = "Story words. ".repeat(40);
        let src = format!(
            "<body><article><p>Teaser 11</p></article><article><p>{story}</p></article><div>Related 12</div></body>"
        );
        let t = read(&src).text;
        assert!(t.contains("Story words."));
        assert!(!t.contains("Teaser") && !t.contains("Related"), "{t}");
        // many small articles, none dominant: keep everything
        let src = "<article>a 1</article><article>b 2</article><article>c 3</article>";
        let t = read(src).text;
        assert!(t.contains("a 1") && t.contains("c 3"));
    }

    #[test]
    fn offsets_point_into_the_source() {
        let src =
            "<html>\r\n<body>\r\n<p class=\"x\">It&#39;s 42 &mdash; yes</p>\r\n</body></html>";
        let d = read(src);
        assert_eq!(d.text.find("42"), src.find("42"));
        assert_eq!(d.text.find("yes"), src.find("yes"));
    }

    #[test]
    fn metadata() {
        let src = r#"<html><head>
<title>Fallback  title</title>
<meta property="og:title" content="Real title">
<meta property="og:site_name" content="The Gazette">
<meta name="date" content="2020-01-01">
<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2021-02-03T10:00:00Z"}]}</script>
<meta property="article:published_time" content="2022-03-04T05:06:07+01:00">
</head><body><time datetime="2023-04-05">x</time></body></html>"#;
        let d = read(src);
        assert_eq!(d.title.as_deref(), Some("Real title"));
        assert_eq!(d.outlet.as_deref(), Some("The Gazette"));
        let values: Vec<&str> = d.dates.iter().map(|d| d.0.as_str()).collect();
        assert_eq!(
            values,
            vec![
                "2022-03-04T05:06:07+01:00",
                "2021-02-03T10:00:00Z",
                "2023-04-05",
                "2020-01-01"
            ]
        );
        let d = read("<title>Only &amp; this</title>");
        assert_eq!(d.title.as_deref(), Some("Only & this"));
        assert!(d.dates.is_empty());
    }

    #[test]
    fn deep_nesting_is_linear_and_safe() {
        let src = format!("{}x 5{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        let d = read(&src);
        assert!(d.text.contains("x 5"));
        let src = format!("{}y{}", "<nav>".repeat(50_000), "</aside>".repeat(50_000));
        let d = read(&src);
        assert!(!d.text.contains('y'));
    }
}
