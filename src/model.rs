//! The types every stage shares: documents in, claims through, discrepancies out.
//! Rule that is not obvious: a `Document`'s `text` has the same byte length as
//! the decoded file, with markup and metadata blanked to spaces (newlines kept),
//! so a byte offset into `text` is a byte offset, line and column of the file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a document's publication date came from, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// Front matter, HTML meta or a JSON field of the document itself.
    Metadata,
    /// `crosscheck.toml` `[documents."path"] published = …`.
    Manifest,
    /// A dateline at the top of the text ("CITY, March 7, 2025 (Agency) —").
    Dateline,
    /// `--published-default`.
    Default,
    /// Nothing gave one: relative dates stay unresolved.
    #[default]
    None,
}

/// The input format a document was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Html,
    Json,
    Jsonl,
}

/// One report, ready for analysis. Serialised (by `crosscheck extract`) without its text.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Document {
    /// Stable id ("d1", "d2" … in path order).
    pub id: String,
    /// The path as given or found while walking (`-` for stdin; `file.jsonl#3` for a record).
    pub path: String,
    pub format: Format,
    pub published: Option<NaiveDate>,
    pub published_from: DateSource,
    pub outlet: Option<String>,
    pub title: Option<String>,
    /// Analysable text. For text, Markdown and HTML it is exactly as long as the
    /// decoded file with non-content blanked; see `relocate` for the others.
    #[serde(skip)]
    pub text: String,
    /// For documents cut out of a larger file (a JSON record): where `text`'s
    /// first byte sits in that file, as (byte offset, line, column). Offsets
    /// inside the text are then approximate where escapes changed lengths.
    pub relocate: Option<Location>,
}

/// A place in a file, 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Location {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

impl Document {
    /// File position of byte `offset` of `text`. For many offsets of one
    /// document, a `Locator` avoids rescanning the text each time.
    pub fn locate(&self, offset: usize) -> Location {
        Locator::new(self).locate(offset)
    }
}

/// Finds file positions of many offsets of one document in increasing order
/// without rescanning the text each time: lines by binary search over line
/// starts, columns counted on from the previous offset on the same line.
pub struct Locator<'a> {
    doc: &'a Document,
    line_starts: Vec<usize>,
    /// The last (offset, line index, 0-based column) found.
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl<'a> Locator<'a> {
    pub fn new(doc: &'a Document) -> Locator<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(
            doc.text
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Locator {
            doc,
            line_starts,
            last: std::cell::Cell::new((0, 0, 0)),
        }
    }

    /// The same answer as `Document::locate`.
    pub fn locate(&self, offset: usize) -> Location {
        let text = &self.doc.text;
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line0 = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let line_start = self.line_starts[line0];
        let (last_off, last_line, last_col) = self.last.get();
        let column0 = if last_line == line0 && last_off <= offset && last_off >= line_start {
            last_col + text[last_off..offset].chars().count()
        } else {
            text[line_start..offset].chars().count()
        };
        self.last.set((offset, line0, column0));
        match self.doc.relocate {
            None => Location {
                offset,
                line: line0 + 1,
                column: column0 + 1,
            },
            Some(base) => Location {
                offset: base.offset + offset,
                line: base.line + line0,
                column: if line0 == 0 {
                    base.column + column0
                } else {
                    column0 + 1
                },
            },
        }
    }
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A sentence: a byte range of `Document::text`.
#[cfg(test)]
mod tests {
    use super::*;

    /// The sieve in front of a `Lex` never refuses a word the index holds,
    /// and the first entry of a word wins.
    #[test]
    fn lex_finds_every_entry_and_only_those() {
        let words: Vec<String> = (0..3000)
            .map(|i| {
                let a = (b'a' + (i % 26) as u8) as char;
                let z = (b'a' + (i / 26 % 26) as u8) as char;
                format!("{a}{}{z}", "x".repeat(i % 21))
            })
            .chain(["é", "’s", "a", ""].map(String::from))
            .collect();
        let lex = Lex::new(words.iter().map(|w| (w.as_str(), w.len())));
        for w in &words {
            assert_eq!(lex.get(w), Some(w.len()), "{w:?}");
        }
        for w in ["zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "bb", "é’", "x"] {
            assert_eq!(lex.contains(w), words.iter().any(|x| x == w), "{w:?}");
        }
        let first = Lex::new([("cut", 1), ("cut", 2)]);
        assert_eq!(first.get("cut"), Some(1));
    }

    #[test]
    fn word_sets_find_their_words_and_no_others() {
        let words = [
            "a",
            "an",
            "ab",
            "ba",
            "killed",
            "kill",
            "killeds",
            "eightbyte",
            "eightbyt",
            "sixteen-letters!",
            "",
            "é",
            "–",
        ];
        let set: WordSet<&str> = words.iter().copied().collect();
        assert_eq!(set.len(), words.len());
        for w in words {
            assert!(set.contains(w), "{w:?}");
        }
        for w in [
            "b",
            "abc",
            "killedd",
            "eightbyte ",
            "E",
            "-",
            "sixteen-letters?",
        ] {
            assert!(!set.contains(w), "{w:?}");
        }
        let hash = |w: &str| {
            use std::hash::BuildHasher;
            std::hash::BuildHasherDefault::<WordHasher>::default().hash_one(w)
        };
        // trailing zero bytes, order and length all count
        assert_ne!(hash("a"), hash("a\0"));
        assert_ne!(hash("ab"), hash("ba"));
        assert_ne!(hash("eightbyt"), hash("eightbyte"));
    }

    #[test]
    fn locator_counts_lines_and_characters() {
        let doc = Document {
            text: "first line\nsé 12 cond 34\n\nthird 56 é 78\n".to_string(),
            ..Document::default()
        };
        // the naive answer: count newlines and characters from the start
        let naive = |offset: usize| {
            let before = &doc.text[..offset];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            (line, column)
        };
        // one locator asked in order (the incremental path) and fresh ones
        let loc = Locator::new(&doc);
        for offset in (0..doc.text.len()).filter(|&o| doc.text.is_char_boundary(o)) {
            let l = loc.locate(offset);
            assert_eq!((l.line, l.column), naive(offset), "offset {offset}");
            assert_eq!(doc.locate(offset), l);
        }
        let relocated = Document {
            relocate: Some(Location {
                offset: 100,
                line: 7,
                column: 20,
            }),
            ..doc.clone()
        };
        let l = relocated.locate(3);
        assert_eq!((l.offset, l.line, l.column), (103, 7, 23));
        let l = relocated.locate(doc.text.find("12").unwrap_or(0));
        assert_eq!((l.line, l.column), (8, 4));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph (blank-line separated block) it belongs to.
    pub paragraph: usize,
}

/// What kind of figure a claim states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Count,
    Quantity,
    Percent,
    Money,
    Date,
    Duration,
}

/// How exactly a figure was stated; `compare` is lenient with the loose ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// "286", "4 July 2023".
    Exact,
    /// "about 30,000", "nearly 800", "some 40".
    Approximate,
    /// "at least 286", "more than 6,500", "up to 100": one side open.
    Bound,
    /// "between 20 and 30", "the early 1990s".
    Range,
}

/// How fine a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Weekend,
    Week,
    Month,
    Season,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

/// A claim's value: always an interval, with the figure as stated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Interval {
    /// `high` may be `f64::INFINITY` ("at least 286").
    Number {
        #[serde(with = "crate::report::records::float")]
        low: f64,
        #[serde(with = "crate::report::records::float")]
        high: f64,
    },
    /// Inclusive days. `None` bounds: a relative date with no anchor.
    Date {
        low: Option<NaiveDate>,
        high: Option<NaiveDate>,
        granularity: Granularity,
    },
    /// A length of time in days (low, high).
    Duration {
        #[serde(with = "crate::report::records::float")]
        low: f64,
        #[serde(with = "crate::report::records::float")]
        high: f64,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Value {
    pub interval: Interval,
    /// The central figure as stated: 6500 for "more than 6,500"; for dates the
    /// normalised value (`2023-07-04`, `2023-06`, `199X`, `2023-Q3`).
    pub stated: Stated,
    /// "people", "%", "USD", "EUR", "km", "days" …: a word of the grammar's
    /// own lists, so one copy serves every claim.
    #[serde(deserialize_with = "unit_of_record")]
    pub unit: Option<Word>,
    pub precision: Precision,
}

/// A word of the program's own lists (its units), which lives as long as the
/// program; the alias keeps serde from asking records to outlive it.
pub type Word = &'static str;

/// A unit read back from a record: one lasting copy per distinct word, as the
/// grammar's own are (a record's units come from the grammar that wrote it).
fn unit_of_record<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<&'static str>, D::Error> {
    static SEEN: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let Some(unit) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    let mut seen = SEEN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(&known) = seen.iter().find(|&&u| u == unit) {
        return Ok(Some(known));
    }
    let lasting: &'static str = Box::leak(unit.into_boxed_str());
    seen.push(lasting);
    Ok(Some(lasting))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Stated {
    Number(#[serde(with = "crate::report::records::float")] f64),
    Text(String),
}

impl Stated {
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Stated::Text(t) => Some(t),
            Stated::Number(_) => None,
        }
    }

    pub fn as_number(&self) -> Option<f64> {
        match self {
            Stated::Number(n) => Some(*n),
            Stated::Text(_) => None,
        }
    }
}

/// When the event a figure belongs to happened, as the text dates it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// TIMEX3-style value: `2020`, `2022-09`, `XXXX-09` (September of an unknown year).
    pub value: String,
    pub low: Option<NaiveDate>,
    pub high: Option<NaiveDate>,
}

/// The month and day a date fixes, where it fixes them: from its day interval
/// when resolved, else from its TIMEX3 value (`XXXX-11-07` fixes both without a year).
pub fn month_and_day(
    value: &str,
    low: Option<NaiveDate>,
    high: Option<NaiveDate>,
) -> (Option<u32>, Option<u32>) {
    use chrono::Datelike;
    if let (Some(l), Some(h)) = (low, high) {
        let month = (l.year() == h.year() && l.month() == h.month()).then_some(l.month());
        return (month, (l == h).then_some(l.day()));
    }
    let mut it = value.split('-').skip(1);
    let month = it
        .next()
        .and_then(|m| m.parse::<u32>().ok())
        .filter(|m| (1..=12).contains(m));
    let day = it
        .next()
        .and_then(|d| d.get(..2))
        .and_then(|d| d.parse::<u32>().ok());
    (month, day)
}

/// A place in a file as a claim keeps it: files are at most 4 GiB
/// (`--max-file-size`), so this never saturates in practice.
pub fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// One figure found in a document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claim {
    /// "<document id>.<n>", n counting from 1 in text order.
    pub id: String,
    /// The document's id, one allocation shared by its claims.
    pub document: std::sync::Arc<str>,
    pub kind: ClaimKind,
    /// The exact source text of the figure with its qualifier.
    pub quote: Box<str>,
    pub sentence: Box<str>,
    pub line: u32,
    pub column: u32,
    /// Byte offsets into the file (a file over 4 GiB is refused at ingest).
    pub start: u32,
    pub end: u32,
    pub value: Value,
    /// What it measures ("deaths", "injured", "troops", "jobs", "date of talks" …), if known.
    pub measure: Option<crate::key::MeasureKey>,
    /// The event it belongs to ("war", "clashes", "quake", "talks" …), if known.
    pub event: Option<crate::event::EventClass>,
    /// The event's time anchor, if stated ("the 2020 war", "in September").
    pub anchor: Option<Box<Anchor>>,
    /// Names near the figure (places, organisations, people), normalised; the
    /// claims of one sentence share one list.
    pub entities: std::sync::Arc<[String]>,
    /// A readable key of measure + event + anchor; claims are compared within
    /// it. The claims of one cluster share one.
    pub topic: std::sync::Arc<str>,
    /// The grammar rule that matched, for `--dump`.
    pub rule: crate::rule::Rule,
    /// Where `sentence` and `quote` wait while the run holds them out of
    /// memory (`crate::texts`); both are empty meanwhile.
    #[serde(skip)]
    pub stored: Option<crate::texts::TextAt>,
}

// What one claim costs in memory before its heap parts (docs/scale.md): a run
// holds every claim from extraction to the report, so growing it is a choice
// to be made here, not by accident.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Claim>() <= 272);

impl Claim {
    /// `extract::sentence_hash` of its sentence, held or stored.
    pub fn sentence_hash(&self) -> u64 {
        self.stored.map_or_else(
            || crate::extract::sentence_hash(&self.sentence),
            crate::texts::TextAt::sentence_hash,
        )
    }

    /// The figure's value when it can tell one event from another: a number that is
    /// not a small count (more than 12, or with a fraction), as its bits; dates, spans
    /// and open keys counted under an act ("tackle, fifth") are too loose for that.
    pub fn telling_number(&self) -> Option<u64> {
        // "14 people were treated" tells as much as "14 injured"; "tackle, fifth"
        // and "pass, completed" do not: only people under an act told as a
        // participle keep the figure telling
        if let Some(crate::key::MeasureKey::Open(k)) = self.measure.as_ref()
            && let Some(act) = k.act()
        {
            let person = k.what().rsplit(' ').next().is_some_and(|h| {
                crate::lexicon::PEOPLE.singular.contains(&h)
                    || crate::extract::counted::is_people_noun(h)
            });
            if !(person && crate::extract::counted::is_participle(act)) {
                return None;
            }
        }
        if matches!(self.kind, ClaimKind::Date | ClaimKind::Duration) {
            return None;
        }
        let v = self.value.stated.as_number()?;
        (v.abs() > 12.0 || v.fract() != 0.0).then_some(v.to_bits())
    }
}

/// What `cluster` needs to know of a document once its text is gone: the names
/// it mentions (lower-cased, with counts) and its publication date.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Profile {
    pub document: String,
    pub published: Option<NaiveDate>,
    /// Who published it, when known: names an outlet prints in every report
    /// (its own name, its town, its menus) are not evidence of one story.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// With `--story-per-folder`: the folder the document was filed in, which
    /// then decides its story.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
    /// Every sentence: a hash of its text, whether it has a digit, and its names.
    pub sentences: Vec<SentenceProfile>,
    /// Names it writes mostly otherwise than with a capital first letter, with
    /// that spelling (`mcknight` → `McKnight`), for the words a person reads.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spellings: Vec<(String, String)>,
    /// Where its lead puts the event: the place (`extract::place`) of the first
    /// count with a measure among its first figures ("at the Dobry Hollow mine" →
    /// `dobry`). Two groups of reports with two such places, neither named by the
    /// other, tell of two events (`cluster::split_by_lead_place`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_place: Option<String>,
    /// The sudden events (quakes, blasts, storms) its text names anywhere, by
    /// class, sorted: a report of another disaster is known by them even where
    /// its figures name none (`cluster::blocks`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sudden: Vec<crate::event::EventClass>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SentenceProfile {
    pub hash: u64,
    pub digits: bool,
    pub names: Vec<Name>,
}

/// A name as profiles hold it: once `Names::intern` has seen a profile, one
/// allocation serves every sentence of the run that names it.
pub type Name = std::sync::Arc<str>;

/// The distinct names of a run's profiles.
#[derive(Debug, Default)]
pub struct Names(rustc_hash::FxHashSet<Name>);

impl Names {
    /// Point the profile's names at the run's copies, keeping the first
    /// copy of each new name.
    pub fn intern(&mut self, p: &mut Profile) {
        for n in p.sentences.iter_mut().flat_map(|s| &mut s.names) {
            match self.0.get(n) {
                Some(known) => *n = known.clone(),
                None => {
                    self.0.insert(n.clone());
                }
            }
        }
    }
}

/// Give a document its id, and its claims (`<id>.1`, `<id>.2` … in order) and
/// profile with it.
pub fn give_id(id: String, d: &mut Document, claims: &mut [Claim], profile: &mut Profile) {
    let shared: std::sync::Arc<str> = id.as_str().into();
    for (k, c) in claims.iter_mut().enumerate() {
        c.id = format!("{id}.{}", k + 1);
        c.document = shared.clone();
    }
    profile.document.clone_from(&id);
    d.id = id;
}

/// Claims that speak of the same measure of the same event.
#[derive(Debug, Clone, Serialize)]
pub struct Cluster {
    pub id: String,
    /// Index of the story (group of documents about one event) it belongs to.
    pub story: usize,
    pub topic: String,
    /// Indices into the run's claim list.
    pub claims: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A later report gives a higher figure and says it changed ("rose to",
    /// "now stands at"): shown, but not a disagreement that fails a run.
    Update,
    /// The stated figures differ but their intervals can both hold.
    Divergence,
    /// The intervals cannot both hold.
    Contradiction,
}

impl Severity {
    /// The word a report prints for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Update => "update",
            Severity::Divergence => "divergence",
            Severity::Contradiction => "contradiction",
        }
    }
}

/// Where a finding stands against the baseline and the editors' decisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Neither in the baseline nor decided: the findings a CI gate fails on.
    #[default]
    New,
    /// In the baseline given: known before, not failing.
    Baselined,
    /// An editor accepted it (the sources really differ; leave it be).
    Accepted,
    /// An editor dismissed it (not a real disagreement).
    Dismissed,
}

impl Status {
    /// The word the reports print for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Baselined => "baselined",
            Status::Accepted => "accepted",
            Status::Dismissed => "dismissed",
        }
    }

    /// Anything but `new`: left out of the table unless `--show-decided`.
    pub fn decided(self) -> bool {
        self != Status::New
    }
}

/// An editor's decision on a finding, as the review file keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decided {
    /// `accepted` or `dismissed`.
    pub status: Status,
    pub by: String,
    /// When, as RFC 3339.
    pub at: String,
    pub note: Option<String>,
    /// The decision was taken on other figures of this finding (its id then
    /// differed): it does not silence the finding.
    pub older_figures: bool,
}

/// A cluster whose sources disagree.
#[derive(Debug, Clone, Serialize)]
pub struct Discrepancy {
    /// Its fingerprint (`review::fingerprint`, 16 hex digits): the same for the
    /// same disagreement in every run; before fingerprinting, `D1`, `D2` ….
    pub id: String,
    /// `new` unless a baseline or a decision says otherwise.
    pub status: Status,
    /// The decision that set `status`; or, on a `new` finding, one taken on
    /// older figures of it (`older_figures`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decided>,
    pub topic: String,
    pub severity: Severity,
    /// Claim ids.
    pub claims: Vec<String>,
    /// The same ids, one list per statement: figures one document gives in one
    /// sentence for the measure are its parts, added up.
    pub statements: Vec<Vec<String>>,
    /// The statements set against each other, each with the file it is in.
    pub summary: String,
    /// How sure crosscheck is that the figures speak of one thing.
    pub confidence: crate::evidence::Confidence,
    /// Why the figures were set side by side.
    pub why: Why,
}

/// Why a finding's figures were set side by side: the measure key, the event
/// it is of, and what joined the sources.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Why {
    pub measure: String,
    /// The measure was read from the figure's own words, not a class of the lexicon.
    pub open_key: bool,
    pub event: Option<String>,
    /// The time the figures are of, as the claims state it (a TIMEX3 value).
    pub anchor: Option<String>,
    /// That time in words (`crate::label::anchor_text`).
    pub anchor_text: Option<String>,
    /// Specific names the sources share (not those that define the whole story).
    pub shared_names: Vec<String>,
    /// Figures the sources agree on for other measures.
    pub shared_figures: Vec<String>,
    /// One short line for the table.
    pub line: String,
}

/// A hasher for the fixed word lists the grammar asks at nearly every word:
/// the Fx multiply-rotate over 8 bytes at a time, several times faster on short
/// words than the default SipHash. Only for tables built from the lexicon, whose
/// size no input can grow, so the keyed hash's flood resistance is not needed.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        // the length first, so a zero-padded last chunk cannot pass for zeros written
        self.add(bytes.len() as u64);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set of lexicon words hashed with `WordHasher`.
pub type WordSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<WordHasher>>;
/// A map from lexicon words hashed with `WordHasher`.
pub type WordMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;

/// A word index with a sieve in front: a word whose length no entry shares
/// with its first byte, or with its last, is refused without hashing (most
/// words asked are no entry).
pub struct Lex<K, V> {
    /// By length (up to 31): bit `b % 32` of each entry's first byte `b`,
    first: [u32; 32],
    /// and of its last byte.
    last: [u32; 32],
    map: WordMap<K, V>,
}

impl<K: std::borrow::Borrow<str> + std::hash::Hash + Eq, V: Copy> Lex<K, V> {
    /// Where the first entry of a word wins, as in a scan.
    pub fn new(entries: impl IntoIterator<Item = (K, V)>) -> Self {
        let mut lex = Lex {
            first: [0; 32],
            last: [0; 32],
            map: WordMap::default(),
        };
        for (k, v) in entries {
            let (len, a, z) = Self::shape(k.borrow());
            lex.first[len] |= a;
            lex.last[len] |= z;
            lex.map.entry(k).or_insert(v);
        }
        lex
    }

    /// The length slot of `w` and the bits of its first and last bytes.
    fn shape(w: &str) -> (usize, u32, u32) {
        let b = w.as_bytes();
        let bit = |x: Option<&u8>| 1u32 << (x.copied().unwrap_or(0) % 32);
        (b.len().min(31), bit(b.first()), bit(b.last()))
    }

    pub fn get(&self, w: &str) -> Option<V> {
        let (len, a, z) = Self::shape(w);
        if self.first[len] & a == 0 || self.last[len] & z == 0 {
            return None;
        }
        self.map.get(w).copied()
    }

    pub fn contains(&self, w: &str) -> bool {
        self.get(w).is_some()
    }
}
