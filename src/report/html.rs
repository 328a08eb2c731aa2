//! Takes the run's outcome and how the run was started, hands on one
//! self-contained HTML page for editors (`--format html`): a summary, then a
//! card per discrepancy with a picture of the figures on one axis and every
//! source's sentence, with filters and j/k keys (template: html/page.html.j2).
//! Rule that is not obvious: document text reaches the page only through the
//! template's HTML auto-escaping, never as markup or a link, and the page's
//! Content-Security-Policy lets run only the one script whose hash it names,
//! so a document's `<script>` or `javascript:` is shown as text and runs nothing.

use std::collections::HashMap;

use base64::Engine as _;
use chrono::Datelike;
use minijinja::{AutoEscape, Environment, value::Serde};
use serde::Serialize;
use sha2::Digest as _;

use super::sources::{self, Index};
use super::table::place;
use crate::Outcome;
use crate::model::{Claim, Discrepancy, Interval, Precision, Severity, Status};

const TEMPLATE: &str = include_str!("html/page.html.j2");
/// The stylesheet: every rule that sets `color` or `fill` names what it sits
/// on (`background` or `--on`), so the contrast test can pair them.
pub const STYLE: &str = include_str!("html/page.css");
const SCRIPT: &str = include_str!("html/page.js");

/// The review statuses a finding can have, in the order the page lists them.
pub const STATUSES: [Status; 4] = [
    Status::New,
    Status::Baselined,
    Status::Accepted,
    Status::Dismissed,
];

/// Where a finding stands with the editors, as its card shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
struct Review {
    status: &'static str,
    /// Who decided, when, and what they wrote: an accepted or dismissed
    /// finding's decision, or one taken on older figures of a new finding.
    by: Option<String>,
    at: Option<String>,
    note: Option<String>,
    older_figures: bool,
}

fn review(d: &Discrepancy) -> Review {
    let decision = d.decision.as_ref();
    Review {
        status: d.status.as_str(),
        by: decision.map(|x| x.by.clone()).filter(|b| !b.is_empty()),
        at: decision.map(|x| x.at.clone()).filter(|a| !a.is_empty()),
        note: decision.and_then(|x| x.note.clone()),
        older_figures: decision.is_some_and(|x| x.older_figures),
    }
}

/// How and when the page was made.
#[derive(Debug, Clone, Default)]
pub struct Run {
    /// When the page was made, as people read it (UTC).
    pub generated: String,
    /// The command line, as a shell would take it.
    pub command: String,
    /// Show decided (baselined, accepted, dismissed) findings when the page
    /// opens; without it their status boxes start unchecked (they are on the
    /// page either way, as in the formats for tools).
    pub show_decided: bool,
}

impl Run {
    /// This process's command line and the time now, or `SOURCE_DATE_EPOCH`
    /// when it is set (for pages that must come out the same twice).
    pub fn from_env(show_decided: bool) -> Run {
        let epoch = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .and_then(|s| chrono::DateTime::from_timestamp(s, 0));
        let when = epoch.unwrap_or_else(chrono::Utc::now);
        Run {
            generated: when.format("%Y-%m-%d %H:%M UTC").to_string(),
            command: command_line(std::env::args_os().map(|a| a.to_string_lossy().into_owned())),
            show_decided,
        }
    }
}

/// The words of a command line as a shell would take them, the program
/// named without its folder (`crosscheck check …`, wherever it was built).
fn command_line(words: impl Iterator<Item = String>) -> String {
    words
        .enumerate()
        .map(|(i, w)| {
            if i == 0 {
                shell_word(&file_name(&w))
            } else {
                shell_word(&w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word as a shell reads it back: quoted when it holds anything but
/// letters, digits and `-_./=:,+@%`.
fn shell_word(w: &str) -> String {
    let plain = !w.is_empty()
        && w.chars()
            .all(|c| c.is_alphanumeric() || "-_./=:,+@%".contains(c));
    if plain {
        w.to_string()
    } else {
        format!("'{}'", w.replace('\'', r"'\''"))
    }
}

/// The symbol shown with each severity's word, so it never rests on colour.
fn symbol(s: Severity) -> &'static str {
    match s {
        Severity::Contradiction => "✕",
        Severity::Divergence => "≠",
        Severity::Update => "↑",
    }
}

#[derive(Serialize)]
struct Page<'a> {
    generated: &'a str,
    command: &'a str,
    documents: usize,
    claims: usize,
    skipped: usize,
    findings: usize,
    severities: Vec<Count>,
    statuses: Vec<Count>,
    measures: Vec<String>,
    cards: Vec<Card>,
    style: &'static str,
    script: &'static str,
    csp: String,
}

#[derive(Serialize)]
struct Count {
    name: &'static str,
    symbol: &'static str,
    count: usize,
    /// Its filter box starts checked.
    shown: bool,
}

#[derive(Serialize)]
struct Card {
    id: String,
    /// The card's HTML id: the finding id made safe for a fragment.
    anchor: String,
    topic: String,
    measure: String,
    severity: &'static str,
    symbol: &'static str,
    confidence: &'static str,
    review: Review,
    why: WhyView,
    picture: Picture,
    sources: Vec<SourceView>,
}

#[derive(Serialize)]
struct WhyView {
    line: String,
    event: Option<String>,
    /// When the event happened, in words (`Why::anchor_text`).
    anchor: Option<String>,
    open_key: bool,
    shared_names: Vec<String>,
    shared_figures: Vec<String>,
}

#[derive(Serialize)]
struct SourceView {
    outlet: Option<String>,
    title: Option<String>,
    published: Option<String>,
    /// Each statement of the source: its sentence cut around its figures.
    sentences: Vec<Sentence>,
}

#[derive(Serialize)]
struct Sentence {
    location: String,
    figure: String,
    pieces: Vec<Piece>,
}

#[derive(Serialize)]
struct Piece {
    text: String,
    mark: bool,
}

/// The picture: one row per figure a source gives, on one axis.
#[derive(Serialize)]
struct Picture {
    /// "number line" or "timeline".
    kind: &'static str,
    width: u32,
    height: u32,
    /// The x of the axis's two ends.
    left: f64,
    right: f64,
    axis_y: f64,
    rows: Vec<Row>,
    ticks: Vec<Tick>,
    title: String,
    desc: String,
}

#[derive(Serialize)]
struct Row {
    /// The baseline of the row's words; its mark sits below them.
    y: f64,
    mark_y: f64,
    label: String,
    /// "point", "bar", "open" (an arrow to the open side, `x2` the edge) or
    /// "none" (not placed on the axis).
    shape: &'static str,
    x1: f64,
    x2: f64,
    /// A bar's width (at least 2, so a narrow interval still shows).
    w: f64,
    /// For "open": the arrowhead's points at the open end.
    arrow: String,
}

#[derive(Serialize)]
struct Tick {
    x: f64,
    label: String,
}

const WIDTH: u32 = 720;
const LEFT: f64 = 24.0;
const RIGHT: f64 = 696.0;
const ROW: f64 = 38.0;
const TOP: f64 = 18.0;

/// What one row says, before it is placed: bounds on the axis's own scale
/// (days since the common era for dates), `None` where unknown, infinite
/// where open.
struct Span {
    label: String,
    says: String,
    low: f64,
    high: f64,
    known: bool,
}

/// The page for the run.
pub fn page(o: &Outcome, run: &Run) -> Result<String, minijinja::Error> {
    let index = Index::new(&o.claims, &o.documents);
    let docs: HashMap<&str, &crate::model::Document> =
        o.documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let cards: Vec<Card> = o
        .discrepancies
        .iter()
        .enumerate()
        .map(|(k, d)| card(k, d, &index, &docs))
        .collect();
    let mut measures: Vec<String> = cards.iter().map(|c| c.measure.clone()).collect();
    measures.sort();
    measures.dedup();
    let severities = [
        Severity::Contradiction,
        Severity::Divergence,
        Severity::Update,
    ]
    .map(|s| Count {
        name: s.as_str(),
        symbol: symbol(s),
        count: cards.iter().filter(|c| c.severity == s.as_str()).count(),
        shown: true,
    })
    .into();
    let statuses = STATUSES
        .map(|s| Count {
            name: s.as_str(),
            symbol: "",
            count: cards
                .iter()
                .filter(|c| c.review.status == s.as_str())
                .count(),
            shown: run.show_decided || !s.decided(),
        })
        .into();
    let view = Page {
        generated: &run.generated,
        command: &run.command,
        documents: o.documents.len(),
        claims: o.claims.len(),
        skipped: o.problems.len(),
        findings: cards.len(),
        severities,
        statuses,
        measures,
        cards,
        style: STYLE,
        script: SCRIPT,
        csp: csp(),
    };
    let mut env = Environment::new();
    // every template is HTML, whatever its name
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_template("page.html", TEMPLATE)?;
    env.get_template("page.html")?
        .render(minijinja::Value::from(Serde(&view)))
}

/// The page's policy: nothing is fetched, and the only script that runs is
/// the page's own, by its SHA-256.
fn csp() -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(SCRIPT));
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
         script-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'"
    )
}

/// A finding id as an HTML id and URL fragment: letters, digits, `-` and `_`
/// kept, anything else as `_`; never empty, and `k` keeps two apart.
fn anchor(id: &str, k: usize) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if safe.is_empty() || safe != id {
        format!("f{}-{safe}", k + 1)
    } else {
        safe
    }
}

fn card(
    k: usize,
    d: &Discrepancy,
    index: &Index,
    docs: &HashMap<&str, &crate::model::Document>,
) -> Card {
    let statements = statements(d, index);
    let mut sources: Vec<(String, SourceView)> = Vec::new();
    for parts in &statements {
        let first = parts[0];
        let sentence = Sentence {
            location: place(index.path(&first.document), first),
            figure: sources::figure(parts),
            pieces: pieces(&first.sentence, parts),
        };
        match sources.iter_mut().find(|(doc, _)| **doc == *first.document) {
            Some((_, s)) => s.sentences.push(sentence),
            None => {
                let doc = docs.get(&*first.document);
                sources.push((
                    first.document.to_string(),
                    SourceView {
                        outlet: doc.and_then(|d| d.outlet.clone()),
                        title: doc.and_then(|d| d.title.clone()),
                        published: doc
                            .and_then(|d| d.published)
                            .map(|p| p.format("%-d %B %Y").to_string()),
                        sentences: vec![sentence],
                    },
                ))
            }
        }
    }
    // the measure in words, as the label says it ("distance in feet", not "ft")
    let measure = if d.why.measure.is_empty() {
        d.topic.clone()
    } else {
        crate::label::measure_words(&d.why.measure)
    };
    Card {
        id: d.id.clone(),
        anchor: anchor(&d.id, k),
        picture: picture(&d.topic, &statements, index, docs),
        topic: d.topic.clone(),
        measure,
        severity: d.severity.as_str(),
        symbol: symbol(d.severity),
        confidence: d.confidence.as_str(),
        review: review(d),
        why: WhyView {
            line: d.why.line.clone(),
            event: d.why.event.clone(),
            // the page is read by people: the anchor in words, never its code
            anchor: d.why.anchor_text.clone(),
            open_key: d.why.open_key,
            shared_names: d.why.shared_names.clone(),
            shared_figures: d.why.shared_figures.clone(),
        },
        sources: sources.into_iter().map(|(_, s)| s).collect(),
    }
}

/// The finding's statements as claims, each with at least one part (records
/// of older runs have no statements: each claim is one).
fn statements<'a>(d: &Discrepancy, index: &Index<'a>) -> Vec<Vec<&'a Claim>> {
    let single: Vec<Vec<String>>;
    let ids = if d.statements.is_empty() {
        single = d.claims.iter().map(|c| vec![c.clone()]).collect();
        &single
    } else {
        &d.statements
    };
    ids.iter()
        .map(|st| {
            st.iter()
                .filter_map(|id| index.claim(id))
                .collect::<Vec<_>>()
        })
        .filter(|parts| !parts.is_empty())
        .collect()
}

/// `sentence` cut into plain and marked pieces: each part's quote marked
/// where it is found, in order; a quote not found is left unmarked.
fn pieces(sentence: &str, parts: &[&Claim]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = 0;
    for c in parts {
        let Some(found) = sentence.get(at..).and_then(|rest| rest.find(&*c.quote)) else {
            continue;
        };
        if c.quote.is_empty() {
            continue;
        }
        let start = at + found;
        if start > at {
            out.push(Piece {
                text: sentence[at..start].to_string(),
                mark: false,
            });
        }
        at = start + c.quote.len();
        out.push(Piece {
            text: c.quote.to_string(),
            mark: true,
        });
    }
    if at < sentence.len() {
        out.push(Piece {
            text: sentence[at..].to_string(),
            mark: false,
        });
    }
    out
}

/// A day as a number on the timeline's axis.
fn day_number(d: chrono::NaiveDate) -> f64 {
    f64::from(d.num_days_from_ce())
}

/// What a statement says on its axis: parts added up (bounds too), an
/// approximate figure as the band `compare` allows it.
fn span(parts: &[&Claim], label: String) -> (bool, Span) {
    let first = parts[0];
    let says = sources::figure(parts);
    match &first.value.interval {
        Interval::Date { low, high, .. } => {
            let (low, high) = (low.map(day_number), high.map(day_number));
            let known = low.is_some() || high.is_some();
            let span = Span {
                label,
                says,
                low: low.unwrap_or(f64::NEG_INFINITY),
                high: high.unwrap_or(f64::INFINITY),
                known,
            };
            (true, span)
        }
        Interval::Number { .. } | Interval::Duration { .. } => {
            let (mut low, mut high) = (0.0, 0.0);
            for c in parts {
                let (l, h) = match c.value.interval {
                    Interval::Number { low, high } | Interval::Duration { low, high } => {
                        (low, high)
                    }
                    Interval::Date { .. } => (f64::NAN, f64::NAN),
                };
                let (l, h) = match (c.value.precision, c.value.stated.as_number()) {
                    (Precision::Approximate, Some(s)) if l == h => {
                        let w = s.abs() * crate::compare::APPROX_BAND;
                        (l.min(s - w), h.max(s + w))
                    }
                    _ => (l, h),
                };
                low += l;
                high += h;
            }
            let known = !(low.is_nan() || high.is_nan());
            (
                false,
                Span {
                    label,
                    says,
                    low,
                    high,
                    known,
                },
            )
        }
    }
}

fn picture(
    topic: &str,
    statements: &[Vec<&Claim>],
    index: &Index,
    docs: &HashMap<&str, &crate::model::Document>,
) -> Picture {
    // one row per figure a source gives: repeats of it counted, not drawn again
    let mut spans: Vec<(Span, usize)> = Vec::new();
    let mut dates = None;
    for parts in statements {
        let doc = &*parts[0].document;
        let name = docs
            .get(doc)
            .and_then(|d| d.outlet.clone())
            .unwrap_or_else(|| file_name(index.path(doc)));
        let (is_date, s) = span(parts, name);
        let is_date = *dates.get_or_insert(is_date) == is_date;
        let s = if is_date {
            s
        } else {
            // a figure of the other kind has no place on this axis
            Span { known: false, ..s }
        };
        match spans
            .iter_mut()
            .find(|(t, _)| t.label == s.label && t.says.eq_ignore_ascii_case(&s.says))
        {
            Some((_, n)) => *n += 1,
            None => spans.push((s, 1)),
        }
    }
    let dates = dates.unwrap_or(false);
    let finite: Vec<f64> = spans
        .iter()
        .filter(|(s, _)| s.known)
        .flat_map(|(s, _)| [s.low, s.high])
        .filter(|x| x.is_finite())
        .collect();
    let (lo, hi) = bounds(&finite, dates);
    // to a tenth of a pixel: enough for the eye, short in the file
    let x = |v: f64| ((LEFT + (v - lo) / (hi - lo) * (RIGHT - LEFT)) * 10.0).round() / 10.0;
    let kind = if dates { "timeline" } else { "number line" };
    let mut desc = Vec::new();
    let rows: Vec<Row> = spans
        .iter()
        .enumerate()
        .map(|(i, (s, n))| {
            let y = TOP + ROW * i as f64;
            let times = if *n > 1 {
                format!(" ({n} times)")
            } else {
                String::new()
            };
            let (shape, x1, x2, rightward, reads) = if !s.known {
                (
                    "none",
                    LEFT,
                    LEFT,
                    true,
                    "not placed: no fixed value".to_string(),
                )
            } else if s.low.is_finite() && s.high.is_finite() && s.low == s.high {
                let v = x(s.low);
                let exactly = if dates { "on" } else { "exactly" };
                (
                    "point",
                    v,
                    v,
                    true,
                    format!("{exactly} {}", show(s.low, dates)),
                )
            } else if s.low.is_finite() && s.high.is_finite() {
                (
                    "bar",
                    x(s.low),
                    x(s.high),
                    true,
                    format!("from {} to {}", show(s.low, dates), show(s.high, dates)),
                )
            } else if s.low.is_finite() {
                (
                    "open",
                    x(s.low),
                    RIGHT,
                    true,
                    format!("{} or more, open above", show(s.low, dates)),
                )
            } else if s.high.is_finite() {
                (
                    "open",
                    x(s.high),
                    LEFT,
                    false,
                    format!("{} or less, open below", show(s.high, dates)),
                )
            } else {
                ("none", LEFT, LEFT, true, "not placed: no bound".to_string())
            };
            desc.push(format!("{}: {}{times}, {reads}.", s.label, s.says));
            let mark_y = y + 12.0;
            let back = if rightward { -10.0 } else { 10.0 };
            Row {
                y,
                mark_y,
                label: format!("{}: {}{times}", s.label, s.says),
                shape,
                x1,
                x2,
                w: (x2 - x1).abs().max(2.0),
                arrow: format!(
                    "{x2:.1},{mark_y:.1} {:.1},{:.1} {:.1},{:.1}",
                    x2 + back,
                    mark_y - 6.0,
                    x2 + back,
                    mark_y + 6.0
                ),
            }
        })
        .collect();
    let axis_y = TOP + ROW * rows.len() as f64;
    let ticks = ticks(lo, hi, dates)
        .into_iter()
        .map(|v| Tick {
            x: x(v),
            label: show(v, dates),
        })
        .collect();
    Picture {
        kind,
        width: WIDTH,
        height: (axis_y + 30.0) as u32,
        left: LEFT,
        right: RIGHT,
        axis_y,
        title: format!("{topic}: {} figures on a {kind}", rows.len()),
        desc: desc.join(" "),
        rows,
        ticks,
    }
}

/// The last part of a path: what names a source when no outlet is known.
fn file_name(path: &str) -> String {
    path.rsplit(['/', '\\']).next().unwrap_or(path).to_string()
}

/// The axis's two ends: the figures with a margin, never of zero length.
fn bounds(finite: &[f64], dates: bool) -> (f64, f64) {
    let lo = finite.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = finite.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() {
        return (0.0, 1.0);
    }
    let pad = if hi > lo {
        (hi - lo) * 0.12
    } else if dates {
        3.0
    } else {
        (lo.abs() * 0.1).max(1.0)
    };
    (lo - pad, hi + pad)
}

/// About five round values between `lo` and `hi`: steps of 1, 2 or 5 times
/// a power of ten (whole days for dates).
fn ticks(lo: f64, hi: f64, dates: bool) -> Vec<f64> {
    let raw = (hi - lo) / 5.0;
    if raw.is_nan() || raw <= 0.0 || !raw.is_finite() {
        return Vec::new();
    }
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power);
    let step = if dates { step.max(1.0).round() } else { step };
    let mut v = (lo / step).ceil() * step;
    let mut out = Vec::new();
    while v <= hi && out.len() < 12 {
        out.push(v);
        v += step;
    }
    out
}

/// A value as the axis and its text alternative say it: a date as a day, a
/// number with thousands separated.
fn show(v: f64, dates: bool) -> String {
    if dates {
        return chrono::NaiveDate::from_num_days_from_ce_opt(v.round() as i32)
            .map_or_else(|| format!("{v}"), |d| d.format("%-d %b %Y").to_string());
    }
    let rounded = (v * 100.0).round() / 100.0;
    if rounded.fract() != 0.0 {
        return format!("{rounded}");
    }
    let digits = format!("{}", rounded.abs() as i64);
    let mut s = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            s.push(',');
        }
        s.push(ch);
    }
    if rounded < 0.0 { format!("-{s}") } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_only_when_a_shell_would_split_them() {
        assert_eq!(shell_word("data/"), "data/");
        assert_eq!(shell_word("--format=html"), "--format=html");
        assert_eq!(shell_word("a b"), "'a b'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
        assert_eq!(shell_word(""), "''");
        let words = ["/x/target/release/crosscheck", "check", "my data/"].map(String::from);
        assert_eq!(
            command_line(words.into_iter()),
            "crosscheck check 'my data/'"
        );
    }

    #[test]
    fn anchors_are_safe_fragments_and_distinct() {
        assert_eq!(anchor("D3", 2), "D3");
        assert_eq!(anchor("ab12-cd_9", 0), "ab12-cd_9");
        assert_eq!(anchor("a\"><b", 4), "f5-a___b");
        assert_ne!(anchor("a b", 0), anchor("a?b", 1));
        assert_eq!(anchor("", 0), "f1-");
    }

    #[test]
    fn ticks_are_round_and_inside_the_axis() {
        let t = ticks(283.0, 329.0, false);
        assert!(t.len() >= 3 && t.len() <= 12, "{t:?}");
        assert!(t.iter().all(|v| (283.0..=329.0).contains(v)));
        assert!(t.iter().all(|v| v % 10.0 == 0.0), "{t:?}");
        assert!(ticks(5.0, 5.0, false).is_empty());
        let days = ticks(100.0, 102.0, true);
        assert!(days.iter().all(|v| v.fract() == 0.0), "{days:?}");
    }

    #[test]
    fn numbers_show_with_thousands_separated() {
        assert_eq!(show(1240.0, false), "1,240");
        assert_eq!(show(46000.0, false), "46,000");
        assert_eq!(show(-1234567.0, false), "-1,234,567");
        assert_eq!(show(6.8, false), "6.8");
        assert_eq!(show(999.0, false), "999");
        let day = chrono::NaiveDate::from_ymd_opt(2025, 2, 3).map(day_number);
        assert_eq!(day.map(|d| show(d, true)).as_deref(), Some("3 Feb 2025"));
    }

    #[test]
    fn bounds_never_collapse() {
        let (lo, hi) = bounds(&[40.0], false);
        assert!(lo < 40.0 && hi > 40.0);
        let (lo, hi) = bounds(&[], false);
        assert!(lo < hi);
        let (lo, hi) = bounds(&[0.0, 0.0], false);
        assert!(lo < hi);
    }
}
