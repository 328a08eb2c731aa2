//! Takes a document and its sentences, hands on claims: every date, duration and
//! figure with its span, interval value and what it measures.
//! Rule that is not obvious: dates are found first and numbers inside a date span
//! are dropped, so "4 July 2023" is one date, never the counts 4 and 2023.

pub mod counted;
pub mod date;
pub mod group;
pub mod measure;
pub mod names;
pub mod number;
pub mod owner;
pub mod place;
pub(crate) mod scan;
pub mod token;

use chrono::NaiveDate;

use crate::event::EventClass;
use crate::key::{Measure, MeasureKey};
use crate::model::{
    Anchor, Claim, ClaimKind, Document, Granularity, Interval, Precision, Profile, Segment,
    SentenceProfile, Stated, Value,
};
use crate::rule::Rule;

/// A number found by the grammar in `number/`, offsets relative to the text searched.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMatch {
    pub start: usize,
    pub end: usize,
    pub kind: ClaimKind,
    pub low: f64,
    pub high: f64,
    pub stated: f64,
    pub unit: Option<&'static str>,
    pub precision: Precision,
    pub rule: Rule,
    /// The counted noun for counts, lower case as written ("people", "soldiers",
    /// "man" for "a man"); `None` when no noun follows ("200 were killed").
    pub noun: Option<String>,
}

/// A date or duration found by the grammar in `date.rs`, offsets relative to the text searched.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMatch {
    pub start: usize,
    pub end: usize,
    /// `ClaimKind::Date` or `ClaimKind::Duration`.
    pub kind: ClaimKind,
    /// Inclusive day interval; `None` when it cannot be resolved (no reference date).
    pub low: Option<NaiveDate>,
    pub high: Option<NaiveDate>,
    pub granularity: Granularity,
    /// Normalised value in TIMEX3 style: `2023-07-04`, `2023-06`, `199X`, `2023-Q3`, `P6W`.
    pub value: String,
    pub precision: Precision,
    /// For durations: length in days (low, high).
    pub days: Option<(f64, f64)>,
    pub rule: Rule,
}

/// A figure of a sentence before its context is known.
struct Found {
    start: usize,
    end: usize,
    kind: ClaimKind,
    value: Value,
    rule: Rule,
    /// For dates: the anchor they give to figures near them.
    anchor: Option<Anchor>,
}

/// Every claim in one document, in text order, with ids `<doc>.<n>`.
pub fn extract(doc: &Document, segments: &[Segment]) -> Vec<Claim> {
    extract_named(doc, segments, &segment_names(doc, segments).0)
}

/// Build the grammar's regexes and tables (a tenth of a second of work) by
/// reading a made-up report: run on the pool while the main thread walks the
/// input folders, so that work no longer holds up the first documents.
pub fn warm_up() {
    let doc = Document {
        text: "CITY, March 3, 2021 (Wire) — About 40 people were killed and \
               more than 1,200 hurt on Monday, three weeks after the storm, \
               officials said. It cost $2.5 million, 10% of the budget, in the \
               1990s; last year 20 to 30 fled."
            .into(),
        published: NaiveDate::from_ymd_opt(2021, 3, 3),
        ..Document::default()
    };
    let segments = crate::segment::segment(&doc);
    let _ = extract_and_profile(&doc, &segments);
}

/// `extract` and `profile` of one document, reading each sentence's names once.
pub fn extract_and_profile(doc: &Document, segments: &[Segment]) -> (Vec<Claim>, Profile) {
    let (names, spelled) = segment_names(doc, segments);
    let claims = extract_named(doc, segments, &names);
    let mut profile = profile_named(doc, segments, names, spelled);
    profile.lead_place = lead_place(&claims);
    (claims, profile)
}

/// How many of a report's first figures make its lead, for `lead_place`.
const LEAD_FIGURES: usize = 6;

/// The place of the first count with a measure among the report's first figures
/// (`Profile::lead_place`): the lead says where it happened.
fn lead_place(claims: &[Claim]) -> Option<String> {
    claims
        .iter()
        .take(LEAD_FIGURES)
        .filter(|c| c.kind == ClaimKind::Count && c.measure.is_some())
        .find_map(|c| {
            let at = c.sentence.find(&*c.quote)?;
            place::place(&c.sentence, at, at + c.quote.len())
        })
}

/// `names::names` of every sentence, with the spellings of each.
fn segment_names(
    doc: &Document,
    segments: &[Segment],
) -> (Vec<Vec<String>>, Vec<names::Spellings>) {
    segments
        .iter()
        .map(|s| {
            let mut spelled = names::Spellings::new();
            let n = names::names_spelled(&doc.text[s.start..s.end], Some(&mut spelled));
            (n, spelled)
        })
        .unzip()
}

/// `extract` with the names of each sentence already read.
fn extract_named(doc: &Document, segments: &[Segment], names: &[Vec<String>]) -> Vec<Claim> {
    let mut claims = Vec::new();
    // dates of the previous sentence of the same paragraph, with their events:
    // a figure whose own sentence has no date takes its time from there
    let mut carried: Vec<(Anchor, Option<EventClass>)> = Vec::new();
    let mut last_paragraph = usize::MAX;
    let dateline = dateline_span(doc);
    let locator = crate::model::Locator::new(doc);
    // a report with no word of a death: everyone it says was shot was wounded
    let nobody_died = !measure::mentions_death(&doc.text);
    // the sentence before, in the same paragraph: what an elliptical share
    // ("only 81% do") is a share of
    let mut previous: &str = "";
    // dates that no event word dates but that time the injured of their sentence
    let mut injury_dates: Vec<usize> = Vec::new();
    for (seg, sentence_names) in segments.iter().zip(names) {
        let sentence = &doc.text[seg.start..seg.end];
        if seg.paragraph != last_paragraph {
            carried.clear();
            previous = "";
            last_paragraph = seg.paragraph;
        }
        let found = find_all(sentence, doc.published);
        let spans: Vec<(usize, usize)> = found.iter().map(|f| (f.start, f.end)).collect();
        // "three people have now died": a word of the present between a count
        // and its cue is no other figure (a day or a quarter still is: "fell
        // 22% in the third quarter" keeps the quarter's figures apart)
        let amounts: Vec<(usize, usize)> = found
            .iter()
            .filter(|f| {
                !f.anchor.as_ref().is_some_and(|a| {
                    matches!(a.value.as_str(), "PRESENT_REF" | "PAST_REF" | "FUTURE_REF")
                })
            })
            .map(|f| (f.start, f.end))
            .collect();
        // the sentence's words, read once for all its figures
        let words = std::cell::OnceCell::new();
        let mut described: Vec<(Option<MeasureKey>, Option<EventClass>)> = found
            .iter()
            .map(|f| {
                measure::measure_in(
                    words.get_or_init(|| token::Sentence::new(sentence)),
                    f.start,
                    f.end,
                    f.kind,
                    f.value.unit,
                    if f.kind == ClaimKind::Date {
                        &spans
                    } else {
                        &amounts
                    },
                    !matches!(
                        f.value.interval,
                        Interval::Date {
                            granularity: Granularity::Year
                                | Granularity::Decade
                                | Granularity::Century,
                            ..
                        }
                    ),
                )
            })
            .collect();
        if found.len() > 1 {
            let words = words.get_or_init(|| token::Sentence::new(sentence));
            inherit_coordinated(sentence, words, &found, &mut described);
            inherit_out_of(sentence, &found, &mut described);
        }
        // "About 95% of children need two doses of the vaccine. Here only 81%
        // do.": a share whose verb stands for the sentence before's is a share
        // of what that sentence names
        for (f, d) in found.iter().zip(described.iter_mut()) {
            if f.kind == ClaimKind::Percent
                && d.0.is_none()
                && measure::elliptical(&sentence[f.end..])
            {
                d.0 = measure::share_named_in(previous);
            }
        }
        previous = sentence;
        let dates_here = found.iter().filter(|f| f.anchor.is_some()).count();
        // the dateline's date, if this sentence has it: it anchors nothing
        // a date opening a paragraph before a dash is a dateline too, also
        // further down a page ("3 March 2024 - Officials are inspecting …")
        let stamp = |f: &Found| {
            f.kind == ClaimKind::Date
                && sentence[..f.start].trim().is_empty()
                && sentence[f.end..]
                    .trim_start_matches(' ')
                    .starts_with(['-', '—', '–'])
        };
        let dateline_here = found
            .iter()
            .find(|f| f.anchor.is_some() && (dateline.contains(&(seg.start + f.start)) || stamp(f)))
            .map(|f| f.start);
        // "shot two people in the arms and another man in the hip": the one
        // is a part of the group, shot like them
        let single = |f: &Found| matches!(f.value.stated, Stated::Number(n) if n == 1.0);
        let group_shot = found
            .iter()
            .zip(&described)
            .any(|(f, (m, _))| *m == Some(MeasureKey::Shot) && !single(f) && !f.rule.one_person());
        // the sentence as claims quote it, squashed once for all its figures,
        // and its names, one list for all its figures
        let mut squashed: Option<String> = None;
        let mut entities: Option<std::sync::Arc<[String]>> = None;
        let sentence_start = claims.len();
        for (f, (measure, event)) in found.iter().zip(&described) {
            let mut measure = measure.clone();
            // one person shot, with no word of a death, is a gunshot injury;
            // "a woman who was shot … died at the hospital" stays shot
            if measure == Some(MeasureKey::Shot)
                && (((single(f) || f.rule.one_person())
                    && !group_shot
                    && !measure::mentions_death(&sentence[f.end..]))
                    || nobody_died)
            {
                measure = Some(MeasureKey::Class(Measure::INJURED));
            }
            let in_dateline = dateline.contains(&(seg.start + f.start)) || stamp(f);
            // a dateline's date is the publication date; it dates the lede's event
            // only when the lede gives no date of its own and says it happens now
            if in_dateline {
                measure = if dates_here > 1 {
                    None
                } else {
                    measure::happening_now(sentence).map(MeasureKey::DateOf)
                };
            }
            let event = *event;
            let anchor = if f.kind == ClaimKind::Date {
                None
            } else {
                nearest_anchor(sentence, &found, &described, f, event, dateline_here)
                    .or_else(|| {
                        // from the previous sentence only a date of the very same event
                        carried
                            .iter()
                            .rev()
                            .find(|(_, e)| e.is_some() && *e == event)
                            .map(|(a, _)| a.clone())
                    })
                    // "voted on Tuesday to end a 16-day strike": the day a span or a sum
                    // was told, voted or ruled is no time of the span; a year or a
                    // month ("the 1989 strike") still says which one it was
                    .filter(|a| {
                        !(matches!(f.kind, ClaimKind::Duration | ClaimKind::Money)
                            && ((a.low.is_some() && a.low == a.high)
                                || a.value.matches('-').count() >= 2))
                    })
            };
            let loc = locator.locate(seg.start + f.start);
            let end_loc = locator.locate(seg.start + f.end);
            claims.push(Claim {
                id: format!("{}.{}", doc.id, claims.len() + 1),
                document: doc.id.as_str().into(),
                kind: f.kind,
                quote: sentence[f.start..f.end].into(),
                sentence: if sentence.len() <= SENTENCE_MAX {
                    squashed
                        .get_or_insert_with(|| squash_space(sentence))
                        .as_str()
                        .into()
                } else {
                    context(sentence, f.start, f.end).into()
                },
                line: crate::model::narrow(loc.line),
                column: crate::model::narrow(loc.column),
                start: crate::model::narrow(loc.offset),
                end: crate::model::narrow(end_loc.offset),
                value: f.value.clone(),
                measure,
                event,
                anchor: anchor.map(Box::new),
                entities: entities
                    .get_or_insert_with(|| {
                        // the dateline's place and agency are where the report was
                        // filed, not whose figure it is
                        if seg.start <= dateline.start && dateline.end < seg.end {
                            let head = crate::model::floor_char_boundary(
                                sentence,
                                dateline.end - seg.start,
                            );
                            names::names(&sentence[head..]).into()
                        } else {
                            sentence_names.as_slice().into()
                        }
                    })
                    .clone(),
                topic: "".into(),
                rule: f.rule,
                stored: None,
            });
        }
        injury_dates.extend(
            times_the_injured(sentence, &words, &claims[sentence_start..], &found)
                .map(|k| sentence_start + k),
        );
        // context reaches one sentence on, no further
        carried = found
            .iter()
            .zip(&described)
            .filter_map(|(f, (_, e))| f.anchor.clone().map(|a| (a, *e)))
            .collect();
    }
    // "six others were hurt when part of the roof fell in on Thursday night",
    // under a headline of a warehouse collapse: the time of an incident's
    // injured is the incident's date, when the report names one sudden event
    // (read sentence by sentence, stopping at a second class: a whole page read
    // as one sentence would hold a word record per word of the page)
    if !injury_dates.is_empty() {
        let mut sudden: Vec<EventClass> = Vec::new();
        for seg in segments {
            for class in sudden_events(&doc.text[seg.start..seg.end]) {
                if !sudden.contains(&class) {
                    sudden.push(class);
                }
            }
            if sudden.len() > 1 {
                break;
            }
        }
        if let [class] = sudden[..] {
            for k in injury_dates {
                claims[k].measure = Some(MeasureKey::DateOf(class));
                claims[k].event = Some(class);
            }
        }
    }
    claims
}

/// The claims (indices into `claims`, one sentence's claims in the order of
/// `found`) that are dates no event word dates but that anchor a count of the
/// injured with no event of its own, told after the count and not as a
/// modifier: "six were hurt when … on Thursday night", not "whose
/// Saturday-night dinner had gathered them – was one of two hurt".
/// The sentence's words are read (once, into `words`) only when it has such a date.
fn times_the_injured<'a>(
    sentence: &'a str,
    words: &'a std::cell::OnceCell<token::Sentence<'a>>,
    claims: &'a [Claim],
    found: &'a [Found],
) -> impl Iterator<Item = usize> + 'a {
    let injured_times: Vec<(&crate::model::Anchor, usize)> = claims
        .iter()
        .zip(found)
        .filter(|(c, _)| {
            c.kind == ClaimKind::Count
                && c.event.is_none()
                && c.measure == Some(MeasureKey::Class(Measure::INJURED))
        })
        .filter_map(|(c, f)| c.anchor.as_deref().map(|a| (a, f.end)))
        .collect();
    claims
        .iter()
        .zip(found)
        .enumerate()
        .filter(move |(_, (c, f))| {
            let attributive = sentence[f.end..].starts_with('-')
                || matches!(
                    sentence[..f.start].split_whitespace().next_back(),
                    Some("a" | "an" | "the" | "A" | "An" | "The")
                );
            let of_a_day = matches!(
                f.value.interval,
                Interval::Date {
                    granularity: Granularity::Day,
                    ..
                }
            );
            c.kind == ClaimKind::Date
                && c.measure.is_none()
                && c.event.is_none()
                && of_a_day
                && !attributive
                && f.anchor.as_ref().is_some_and(|a| {
                    injured_times.iter().any(|(t, count_end)| {
                        *t == a
                            && *count_end <= f.start
                            && measure::times_an_injury(
                                words.get_or_init(|| token::Sentence::new(sentence)),
                                f.start,
                                f.end,
                                *count_end,
                            )
                    })
                })
        })
        .map(|(k, _)| k)
}

/// How far apart (in bytes) two coordinated figures may stand.
const COORDINATION_REACH: usize = 60;

/// "killed 140 soldiers on one side and 95 on the other": a count with no cue
/// of its own, joined by "and" to the count before it, measures the same thing.
fn inherit_coordinated(
    sentence: &str,
    words: &token::Sentence<'_>,
    found: &[Found],
    described: &mut [(Option<MeasureKey>, Option<EventClass>)],
) {
    for i in 1..found.len() {
        if described[i].0.is_some() || found[i].kind != ClaimKind::Count {
            continue;
        }
        let Some(j) = (0..i).rev().find(|&j| found[j].kind == ClaimKind::Count) else {
            continue;
        };
        let between = &sentence[found[j].end..found[i].start];
        let joined = between.contains(" and ");
        if described[j]
            .0
            .as_ref()
            .is_some_and(|m| measure::may_share(words, found[i].start, found[i].end, m))
            && joined
            && between.len() <= COORDINATION_REACH
            && !between.bytes().any(|b| b.is_ascii_digit())
        {
            described[i] = described[j].clone();
        }
    }
    // "three men and a woman were killed", "118 soldiers and 97 troops were
    // killed", "162 people in the capital and 53 in the port were arrested": the
    // first of two coordinated groups of people shares the predicate that follows
    // the second, whose act outranks the first's noun as a cue of change outranks
    // a counted noun
    for i in 0..found.len().saturating_sub(1) {
        let k = i + 1;
        let outranked = match (&described[i].0, &described[k].0) {
            (None, _) => true,
            (Some(own @ MeasureKey::Class(_)), Some(theirs)) => {
                !measure::is_change_measure(own) && measure::is_change_measure(theirs)
            }
            _ => false,
        };
        if !outranked || found[i].kind != ClaimKind::Count || found[k].kind != ClaimKind::Count {
            continue;
        }
        let coordinated = measure::joins_two_groups(&sentence[found[i].end..found[k].start]);
        if coordinated
            && described[k].0.as_ref().is_some_and(|m| {
                measure::counts_people_measure(m)
                    && measure::may_share(words, found[i].start, found[i].end, m)
            })
        {
            described[i] = described[k].clone();
        }
    }
}

/// "the party has 62 of parliament's 150 seats": a count told out of the
/// count right after it ("N of [the|its|X's] M seats"), with no cue of its own,
/// counts the same thing. Compare sets such a part only beside its owner's.
fn inherit_out_of(
    sentence: &str,
    found: &[Found],
    described: &mut [(Option<MeasureKey>, Option<EventClass>)],
) {
    for i in 0..found.len().saturating_sub(1) {
        let j = i + 1;
        if described[i].0.is_some()
            || found[i].kind != ClaimKind::Count
            || found[j].kind != ClaimKind::Count
            || described[j].0.is_none()
        {
            continue;
        }
        let between: Vec<&str> = sentence[found[i].end..found[j].start]
            .split_whitespace()
            .collect();
        let out_of = counted::of_a_whole(&between);
        if out_of {
            described[i] = described[j].clone();
        }
    }
}

/// Where the dateline stands, for documents whose publication date came from
/// one: from its place to the dash that ends it, at the top or under a headline.
fn dateline_span(doc: &Document) -> std::ops::Range<usize> {
    if doc.published_from != crate::model::DateSource::Dateline {
        return 0..0;
    }
    crate::ingest::dateline_span(&doc.text).map_or(0..0, |(_, r)| r)
}

/// A date can anchor a figure when both speak of the same event, or either names none.
fn same_event(a: Option<EventClass>, b: Option<EventClass>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// The names a document mentions, sentence by sentence, for grouping documents into stories.
pub fn profile(doc: &Document, segments: &[Segment]) -> Profile {
    // the lead's place comes from the claims: the profile is the one a run uses
    extract_and_profile(doc, segments).1
}

/// `profile` with the names of each sentence (and their spellings) already read.
fn profile_named(
    doc: &Document,
    segments: &[Segment],
    names: Vec<Vec<String>>,
    spelled: Vec<names::Spellings>,
) -> Profile {
    let mut names = names.into_iter().zip(spelled);
    let mut sentences = Vec::new();
    let mut spellings: Vec<names::Spellings> = Vec::new();
    let mut sudden = Vec::new();
    let title = doc.title.iter().map(|t| t.as_str());
    let dateline = dateline_span(doc);
    // the segment the dateline opens
    let dated = segments
        .iter()
        .position(|s| s.start <= dateline.start && dateline.end <= s.end && !dateline.is_empty());
    for (i, text) in segments
        .iter()
        .map(|s| &doc.text[s.start..s.end])
        .chain(title)
        .enumerate()
    {
        // the agency of a dateline ("(The Example Wire)") names the messenger,
        // not the story: it is left out of the names
        let read = names.next();
        let (names, spelled) = match dated.filter(|&k| k == i).map(|k| &segments[k]) {
            Some(first) => {
                let head = dateline.end.saturating_sub(first.start).min(text.len());
                let head = crate::model::floor_char_boundary(text, head);
                let cut = text[..head].find('(').map_or(head, |p| p);
                let mut spelled = names::Spellings::new();
                let mut names = names::names_spelled(&text[..cut], Some(&mut spelled));
                let mut rest = names::Spellings::new();
                let more = names::names_spelled(&text[head..], Some(&mut rest));
                let at = names.len() as u32;
                spelled.extend(rest.into_iter().map(|(k, w)| (k + at, w)));
                names.extend(more);
                (names, spelled)
            }
            // titles come after the sentences and have no names read yet
            _ => read.unwrap_or_else(|| {
                let mut spelled = names::Spellings::new();
                (names::names_spelled(text, Some(&mut spelled)), spelled)
            }),
        };
        sudden.extend(sudden_events(text));
        sentences.push(SentenceProfile {
            hash: sentence_hash(text),
            digits: text.bytes().any(|b| b.is_ascii_digit()),
            names: names.into_iter().map(crate::model::Name::from).collect(),
        });
        spellings.push(spelled);
    }
    Profile {
        document: doc.id.as_str().into(),
        published: doc.published,
        outlet: doc.outlet.clone(),
        folder: None,
        lead_place: None,
        sudden: {
            sudden.sort_unstable();
            sudden.dedup();
            sudden
        },
        spellings: doc_spellings(&sentences, &spellings),
        sentences,
    }
}

/// The sudden events (`event::sudden`) a text names, read by the sentence reader
/// (`token::Sentence`), so that a phrase naming no event ("fighting for her life")
/// or one naming an event ("burst its banks") counts as it does for the figures.
fn sudden_events(text: &str) -> Vec<crate::event::EventClass> {
    token::Sentence::new(text)
        .iter()
        .filter_map(|w| w.event_of_low().map(|(class, _)| class))
        .filter(|&class| crate::event::sudden(class))
        .collect()
}

/// A document's spelling of each name it writes mostly otherwise than with a
/// capital first letter (`names::spelling`): the spelling it uses most, in
/// name order; names it writes mostly the plain way are left out.
fn doc_spellings(
    sentences: &[SentenceProfile],
    spelled: &[names::Spellings],
) -> Vec<(String, String)> {
    let mut forms: std::collections::BTreeMap<&str, std::collections::BTreeMap<&str, usize>> =
        std::collections::BTreeMap::new();
    for (s, sp) in sentences.iter().zip(spelled) {
        for (k, w) in sp {
            if let Some(n) = s.names.get(*k as usize) {
                *forms.entry(n).or_default().entry(w).or_default() += 1;
            }
        }
    }
    if forms.is_empty() {
        return Vec::new();
    }
    let mut total: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for n in sentences.iter().flat_map(|s| &s.names) {
        if forms.contains_key(&**n) {
            *total.entry(n).or_default() += 1;
        }
    }
    forms
        .into_iter()
        .filter_map(|(n, ws)| {
            let plain = total.get(n).copied().unwrap_or(0) - ws.values().sum::<usize>();
            // the most used spelling; of two used as often, the first in order
            let (w, k) = ws
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
            (k > plain).then(|| (n.to_string(), w.to_string()))
        })
        .collect()
}

/// A hash of a sentence's words, blind to spacing and case, to spot boilerplate
/// repeated across documents.
pub fn sentence_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    // FNV-1a: stable across runs and platforms, unlike the std hasher's seed
    struct Fnv(u64);
    impl Hasher for Fnv {
        fn finish(&self) -> u64 {
            self.0
        }
        fn write(&mut self, bytes: &[u8]) {
            for b in bytes {
                self.0 ^= u64::from(*b);
                self.0 = self.0.wrapping_mul(0x100_0000_01b3);
            }
        }
    }
    if text.is_ascii() {
        // the same bytes fed in one pass: ASCII white space is what
        // `split_whitespace` splits an ASCII text at (vertical tab included)
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut in_word = false;
        for &b in text.as_bytes() {
            let byte = if matches!(b, b' ' | b'\t'..=b'\r') {
                if !in_word {
                    continue;
                }
                in_word = false;
                0xff
            } else {
                in_word = true;
                b.to_ascii_lowercase()
            };
            h = (h ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
        }
        if in_word {
            h = (h ^ 0xff).wrapping_mul(0x100_0000_01b3);
        }
        return h;
    }
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    for w in text.split_whitespace() {
        if w.is_ascii() {
            // what hashing the lowered `String` feeds: its bytes, then 0xff
            for b in w.bytes() {
                h.write_u8(b.to_ascii_lowercase());
            }
            h.write_u8(0xff);
        } else {
            w.to_lowercase().hash(&mut h);
        }
    }
    h.finish()
}

/// Does the date at byte `at` of the sentence follow "since" (the start of a span
/// measured up to now, not the time of the figure)?
fn since(sentence: &str, at: usize) -> bool {
    sentence
        .get(..at)
        .map(str::trim_end)
        .and_then(|b| b.rsplit(|c: char| !c.is_alphabetic()).next())
        .is_some_and(|w| w.eq_ignore_ascii_case("since"))
}

/// Does the date ending at byte `end` open a clause of its own time (", when …")?
fn when_after(sentence: &str, end: usize) -> bool {
    sentence.get(end..).is_some_and(|rest| {
        let rest = rest.trim_start();
        rest.strip_prefix(',')
            .map(str::trim_start)
            .and_then(|r| r.get(..5))
            .is_some_and(|w| w.eq_ignore_ascii_case("when "))
    })
}

/// The date of the sentence nearest to figure `f` that speaks of the same event.
fn nearest_anchor(
    sentence: &str,
    found: &[Found],
    described: &[(Option<MeasureKey>, Option<EventClass>)],
    f: &Found,
    event: Option<EventClass>,
    dateline: Option<usize>,
) -> Option<Anchor> {
    // "reported revenue of $2.3 billion last year": a date right after the
    // figure (past one word at most, no comma) is its time whatever event
    // words stand further off ("Harmond, founded in 1977, …"); a word of the
    // present is no such time
    let beside = found.iter().find(|d| {
        d.start >= f.end
            && Some(d.start) != dateline
            && d.anchor
                .as_ref()
                .is_some_and(|a| !a.value.ends_with("_REF"))
            && sentence.get(f.end..d.start).is_some_and(|g| {
                !g.contains([',', ';', '(', ')', '—', '–'])
                    && g.split_whitespace().count() <= 1
                    && !since(sentence, d.start)
            })
    });
    if let Some(d) = beside {
        return d.anchor.clone();
    }
    found
        .iter()
        .zip(described)
        .filter(|(d, (_, e))| {
            // "the worst since 2019, when 22 died": the time of what follows
            // it, whatever event the words before the date name
            let when = f.start > d.end && when_after(sentence, d.end);
            d.anchor.is_some()
                && d.start != f.start
                && Some(d.start) != dateline
                && (when
                    || same_event(*e, event)
                        // "the longest stoppage since 1989": a time measured
                        // from, not of
                        && !since(sentence, d.start))
        })
        .min_by_key(|(d, _)| {
            if d.end <= f.start {
                f.start - d.end
            } else {
                d.start.saturating_sub(f.end)
            }
        })
        .and_then(|(d, _)| d.anchor.clone())
}

/// Dates, durations and numbers of one sentence, in text order, without overlaps.
fn find_all(sentence: &str, published: Option<NaiveDate>) -> Vec<Found> {
    let dates = date::find_dates(sentence, published);
    let numbers: Vec<NumberMatch> = number::find_numbers(sentence)
        .into_iter()
        .filter(|n| !dates.iter().any(|d| n.start < d.end && d.start < n.end))
        .collect();
    let mut found = Vec::new();
    for d in dates {
        let interval = match d.kind {
            ClaimKind::Duration => {
                let (low, high) = d.days.unwrap_or((f64::NAN, f64::NAN));
                Interval::Duration { low, high }
            }
            _ => Interval::Date {
                low: d.low,
                high: d.high,
                granularity: d.granularity,
            },
        };
        let anchor = (d.kind == ClaimKind::Date).then(|| Anchor {
            value: d.value.clone(),
            low: d.low,
            high: d.high,
        });
        let unit = (d.kind == ClaimKind::Duration).then_some("days");
        found.push(Found {
            start: d.start,
            end: d.end,
            kind: d.kind,
            value: Value {
                interval,
                stated: Stated::Text(d.value),
                unit,
                precision: d.precision,
            },
            rule: d.rule,
            anchor,
        });
    }
    for n in numbers {
        // "A man was killed": the quote reads "A man", not "A"
        let end = match (&n.noun, n.rule) {
            (Some(noun), rule) if rule.one_person() => {
                let window =
                    &sentence[n.end..crate::model::floor_char_boundary(sentence, n.end + 40)];
                window
                    .to_lowercase()
                    .find(noun.as_str())
                    .filter(|&i| sentence.is_char_boundary(n.end + i + noun.len()))
                    .map_or(n.end, |i| n.end + i + noun.len())
            }
            _ => n.end,
        };
        found.push(Found {
            start: n.start,
            end,
            kind: n.kind,
            // "a man was killed" tells of one victim, not that there was only
            // one: an article count is a lower bound
            value: Value {
                interval: Interval::Number {
                    low: n.low,
                    high: if n.rule.one_person() {
                        f64::INFINITY
                    } else {
                        n.high
                    },
                },
                stated: Stated::Number(n.stated),
                unit: n.unit,
                precision: if n.rule.one_person() {
                    Precision::Bound
                } else {
                    n.precision
                },
            },
            rule: n.rule,
            anchor: None,
        });
    }
    found.sort_by_key(|f| (f.start, f.end));
    found
}

/// Longest sentence kept whole in a claim; a longer one (a table, a page with no
/// full stops) is cut to this much around the quote, so a claim stays readable
/// and a page of figures does not copy itself into every one of them.
pub const SENTENCE_MAX: usize = 600;

/// The claim's sentence, or the part of an overlong one around the quote.
fn context(sentence: &str, start: usize, end: usize) -> String {
    if sentence.len() <= SENTENCE_MAX {
        return squash_space(sentence);
    }
    let half = SENTENCE_MAX / 2;
    let lo = crate::model::floor_char_boundary(sentence, start.saturating_sub(half));
    let hi = crate::model::floor_char_boundary(sentence, end.saturating_add(half));
    let mut out = String::new();
    if lo > 0 {
        out.push('…');
    }
    out.push_str(&squash_space(&sentence[lo..hi]));
    if hi < sentence.len() {
        out.push('…');
    }
    out
}

/// Collapse runs of white space (line breaks inside a sentence) to one space.
pub fn squash_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_keeps_the_spelling_it_uses_most() {
        let doc = Document {
            text: "Ana Mctavish spoke. Then Rhona McTavish met NATO staff. \
                   Later McTavish and NATO left. Tarrow stayed with Mctavish and Lia Tarrow."
                .into(),
            ..Document::default()
        };
        let segments = crate::segment::segment(&doc);
        let p = profile(&doc, &segments);
        // McTavish twice and Mctavish twice: a tie keeps the plain spelling,
        // which needs no keeping; NATO is always NATO
        assert_eq!(p.spellings, vec![("nato".to_string(), "NATO".to_string())]);
        let doc = Document {
            text: "Rhona McTavish spoke. Then McTavish met Lia Mctavish.".into(),
            ..Document::default()
        };
        let segments = crate::segment::segment(&doc);
        let p = profile(&doc, &segments);
        assert_eq!(
            p.spellings,
            vec![("mctavish".to_string(), "McTavish".to_string())]
        );
    }

    /// A date that no event word dates but that times the injured of its
    /// sentence is the date of the one sudden event the report names; not when
    /// another act, a lasting state or a time of reckoning stands between, nor
    /// when it describes a noun, nor when the report names two sudden events.
    #[test]
    fn the_time_of_the_injured_dates_the_reports_one_incident() {
        let head = "Roof collapse at the depot.\n\n";
        // (body under the headline, date, dated as the collapse or not)
        let cases: &[(&str, &str, bool)] = &[
            (
                "A worker died and six others were hurt when part of the roof fell in on Thursday evening.",
                "Thursday evening",
                true,
            ),
            (
                "Four loaders were injured at the depot early Saturday, the firm said.",
                "early Saturday",
                true,
            ),
            (
                "Five more drivers were also hurt Thursday.",
                "Thursday",
                true,
            ),
            // another act, a lasting state, a time of reckoning
            (
                "The two injured were flown to the city, where both were listed as serious on Sunday.",
                "Sunday",
                false,
            ),
            (
                "The three who were hurt were still in hospital Tuesday evening.",
                "Tuesday evening",
                false,
            ),
            (
                "Most of the nine staff who were injured had gone home by Monday morning.",
                "Monday morning",
                false,
            ),
            (
                "Two further workers who were injured stayed unnamed, a spokeswoman said Thursday.",
                "Thursday",
                false,
            ),
            // the date comes first, as a modifier of another noun
            (
                "Her sister, whose party on a Saturday-night brought them together, was one of two hurt.",
                "Saturday",
                false,
            ),
        ];
        for &(body, date, dated) in cases {
            let doc = Document {
                text: format!("{head}{body}"),
                published: NaiveDate::from_ymd_opt(2024, 6, 10),
                ..Document::default()
            };
            let claims = extract(&doc, &crate::segment::segment(&doc));
            let c = claims
                .iter()
                .find(|c| &*c.quote == date)
                .unwrap_or_else(|| panic!("no claim {date:?} in {body:?}"));
            let want =
                dated.then(|| MeasureKey::DateOf(crate::event::event_of("collapse").unwrap().0));
            assert_eq!(c.measure, want, "{body}");
        }
        // two sudden events in one report: which one the injured were hurt in is unsaid
        let doc = Document {
            text: format!("{head}A fire broke out later. Six were hurt on Thursday evening."),
            published: NaiveDate::from_ymd_opt(2024, 6, 10),
            ..Document::default()
        };
        let claims = extract(&doc, &crate::segment::segment(&doc));
        let c = claims
            .iter()
            .find(|c| &*c.quote == "Thursday evening")
            .unwrap();
        assert_eq!(c.measure, None);
    }

    /// A count with no cue of its own takes the measure of the count it is
    /// coordinated with, unless it names things where that one counts people.
    #[test]
    fn a_coordinated_count_shares_a_measure_only_of_its_own_kind() {
        // (sentence, figure, the measure of the count before it, shared or not)
        let cases: &[(&str, &str, &str, bool)] = &[
            (
                "The fighting killed 140 soldiers on one side and 95 on the other.",
                "95",
                "deaths",
                true,
            ),
            (
                "The storm hit overnight, killing two people and leaving 9,000 homes without power.",
                "9,000",
                "deaths",
                false,
            ),
            (
                "The blast killed three workers and left 40 houses without windows.",
                "40",
                "deaths",
                false,
            ),
            (
                "The firm employs 900 people and runs dozens of depots.",
                "dozens",
                "jobs",
                false,
            ),
            (
                "The firm employs 900 people here and 250 abroad.",
                "250",
                "jobs",
                true,
            ),
            // people of another noun are not the first figure's class
            (
                "A launch carrying 64 passengers and nine crew sank on Sunday.",
                "nine",
                "passengers",
                false,
            ),
            (
                "The army has now lost nine soldiers and three civilians in the war.",
                "three",
                "troops",
                false,
            ),
            // a change said of both is shared
            (
                "The blast killed nine soldiers and three civilians.",
                "three",
                "deaths",
                true,
            ),
        ];
        for &(text, figure, first, shared) in cases {
            let doc = Document {
                text: text.into(),
                ..Document::default()
            };
            let segments = crate::segment::segment(&doc);
            let claims = extract(&doc, &segments);
            let measure = |q: &str| {
                claims
                    .iter()
                    .find(|c| c.quote.ends_with(q))
                    .unwrap_or_else(|| panic!("{q} in {text}"))
                    .measure
                    .as_ref()
                    .map(|m| m.as_str().to_string())
            };
            let before = claims
                .iter()
                .find(|c| &*c.quote != figure && c.measure.is_some())
                .and_then(|c| c.measure.as_ref())
                .map(|m| m.as_str().to_string());
            assert_eq!(before.as_deref(), Some(first), "{text}");
            assert_eq!(measure(figure).as_deref() == Some(first), shared, "{text}");
        }
    }

    /// A date right after a figure is its time, whatever event words stand
    /// further off; one a word of the present, or past a comma, is not.
    #[test]
    fn a_date_right_after_a_figure_anchors_it() {
        // (sentence, figure, anchored to the founding year)
        let cases: &[(&str, &str, bool)] = &[
            (
                "Harmond, founded in 1977 as a maker of pumps, reported revenue of $2.3 billion last year.",
                "$2.3 billion",
                false,
            ),
            (
                "The firm, founded in 1977, reported revenue of $2.3 billion.",
                "$2.3 billion",
                true,
            ),
        ];
        for &(text, figure, want) in cases {
            let doc = Document {
                text: text.into(),
                ..Document::default()
            };
            let segments = crate::segment::segment(&doc);
            let claims = extract(&doc, &segments);
            let c = claims
                .iter()
                .find(|c| &*c.quote == figure)
                .unwrap_or_else(|| panic!("{figure} in {text}"));
            let founding = c.anchor.as_ref().is_some_and(|a| a.value == "1977");
            assert_eq!(founding, want, "{text}: {:?}", c.anchor);
        }
    }

    /// The hash reads words as their lower-cased `String`s would hash.
    #[test]
    fn sentence_hash_is_the_hash_of_the_lowered_words() {
        use std::hash::{Hash, Hasher};
        struct Fnv(u64);
        impl Hasher for Fnv {
            fn finish(&self) -> u64 {
                self.0
            }
            fn write(&mut self, bytes: &[u8]) {
                for b in bytes {
                    self.0 ^= u64::from(*b);
                    self.0 = self.0.wrapping_mul(0x100_0000_01b3);
                }
            }
        }
        for text in [
            "Three people DIED in the Fire.",
            "\tTabs\x0bvertical\x0cfeed\r\nand  spaces ",
            "one",
            "   ",
            "  Ünter   den Linden, ÉTÉ 2020 —  said   ",
            "",
            "ΣΟΦΊΑ and İstanbul",
        ] {
            let mut h = Fnv(0xcbf2_9ce4_8422_2325);
            for w in text.split_whitespace() {
                w.to_lowercase().hash(&mut h);
            }
            assert_eq!(sentence_hash(text), h.finish(), "{text}");
        }
        assert_eq!(sentence_hash("Ten  dead"), sentence_hash("ten dead"));
        assert_ne!(sentence_hash("ten dead"), sentence_hash("tend ead"));
    }

    #[test]
    fn squashed_space_is_the_words_joined_by_one_space() {
        for text in [
            "",
            "   ",
            "one",
            "  two  words ",
            "line\nbreak\r\n and\ttab\x0bvt\x0cff",
            "no\u{a0}break\u{2003}em\u{3000}ideographic — dash",
        ] {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squash_space(text), joined, "{text:?}");
        }
    }

    #[test]
    fn an_overlong_sentence_is_cut_around_the_quote() {
        let filler = "word ".repeat(400);
        let sentence = format!("{filler}and 17 people were hurt {filler}");
        let start = sentence.find("17").expect("figure");
        let c = context(&sentence, start, start + 2);
        assert!(c.len() <= SENTENCE_MAX + 8, "{}", c.len());
        assert!(c.starts_with('…') && c.ends_with('…'));
        assert!(c.contains("and 17 people were hurt"));
        assert_eq!(context("Short one, 3 dead.", 11, 12), "Short one, 3 dead.");
    }

    /// The claims of `text` as a plain-text report published on 8 March 2021.
    fn claims_in(text: &str) -> Vec<Claim> {
        let doc = Document {
            id: "d1".into(),
            path: "t.txt".into(),
            format: crate::model::Format::Text,
            published: NaiveDate::from_ymd_opt(2021, 3, 8),
            published_from: crate::model::DateSource::Metadata,
            outlet: None,
            title: None,
            text: text.into(),
            relocate: None,
        };
        let segments = crate::segment::segment(&doc);
        extract(&doc, &segments)
    }

    /// Each figure of `text` with its measure.
    fn measures_in(text: &str) -> Vec<(String, Option<String>)> {
        claims_in(text)
            .into_iter()
            .map(|c| (c.quote.into(), c.measure.map(|m| m.to_string())))
            .collect()
    }

    #[test]
    fn a_date_after_since_anchors_only_its_when_clause() {
        let anchor = |text: &str, quote: &str| {
            claims_in(text)
                .into_iter()
                .find(|c| &*c.quote == quote)
                .and_then(|c| c.anchor.map(|a| a.value.clone()))
        };
        // one value, many surface forms: the when-clause's time
        for text in [
            "It was the worst attack since 2017, when 22 people died in a blast.",
            "It was the deadliest raid since 2017, when 22 people were killed in a bombing.",
        ] {
            assert_eq!(anchor(text, "22").as_deref(), Some("2017"), "{text}");
        }
        // a time measured from is no time of the figure
        let from = "The strike is the longest since 2017 and has cost 22 jobs.";
        assert_eq!(anchor(from, "22"), None);
    }

    #[test]
    fn the_shot_are_the_wounded_when_no_one_died() {
        let shot = |text: &str| {
            measures_in(text)
                .into_iter()
                .find(|(q, _)| q == "Four")
                .and_then(|(_, m)| m)
        };
        let wounded =
            "Four people were shot at a street fair. Detectives want to hear from witnesses.";
        assert_eq!(shot(wounded).as_deref(), Some("injured"));
        let one_died = "Four people were shot at a street fair. One of them died in hospital.";
        assert_eq!(shot(one_died).as_deref(), Some(crate::key::SHOT));
    }

    /// A share told with a verb that stands for the sentence before's is a share
    /// of what that sentence names; other shares are left alone.
    #[test]
    fn an_elliptical_share_takes_the_sentence_befores_measure() {
        let of = |text: &str, quote: &str| {
            measures_in(text)
                .into_iter()
                .find(|(q, _)| q == quote)
                .and_then(|(_, m)| m)
        };
        for text in [
            "Experts say about 95% of pupils should have both doses of the vaccine. Here only 70% do.",
            "Experts say about 95% of pupils should have both doses of the vaccine. Here only 70% do so.",
        ] {
            assert_eq!(of(text, "70%").as_deref(), Some("vaccination %"), "{text}");
        }
        for text in [
            "Experts say about 95% of pupils should have both doses of the vaccine. Here 70% did well in tests.",
            "Experts say about 95% of pupils should have both doses of the vaccine.\n\nHere only 70% do.",
        ] {
            assert_eq!(of(text, "70%"), None, "{text}");
        }
    }

    #[test]
    fn the_first_of_two_coordinated_groups_shares_the_predicate() {
        let of = |text: &str, q: &str| {
            measures_in(text)
                .into_iter()
                .find(|(x, _)| x == q)
                .and_then(|(_, m)| m)
        };
        // one measure, many surface forms: one noun between the groups, a place,
        // or the first's own noun outranked by the second's act
        for (text, q, want) in [
            (
                "Three men and a woman were killed in the fire.",
                "Three",
                "deaths",
            ),
            (
                "Two adults and three children were injured in the crash.",
                "Two",
                "injured",
            ),
            (
                "Police said four men and two women were arrested.",
                "four",
                "arrests",
            ),
            (
                "Records show 16 people in the city and 5 in the port were arrested.",
                "16",
                "arrests",
            ),
            (
                "Officials said 18 soldiers and 9 police officers were killed.",
                "18",
                "deaths",
            ),
        ] {
            assert_eq!(of(text, q).as_deref(), Some(want), "{text}");
        }
        // an act of the first group's own is its own
        assert_ne!(
            of("The riots left 28 people shot and 10 people killed.", "28").as_deref(),
            Some("deaths")
        );
        // not things beside people, nor people beside things
        assert_eq!(
            of(
                "The service said 85 firefighters and 22 engines were sent.",
                "85"
            ),
            None
        );
        assert_eq!(
            of("Two cars and three people were hit by the truck.", "Two"),
            None
        );
    }

    #[test]
    fn one_shot_beside_a_group_is_part_of_it() {
        let text = "Police said the man shot two people in the arms and another man in the hip. \
                    One of them died later.";
        let got = measures_in(text);
        let of = |q: &str| {
            got.iter()
                .find(|(x, _)| x == q)
                .and_then(|(_, m)| m.clone())
        };
        assert_eq!(of("two").as_deref(), Some(crate::key::SHOT));
        assert_eq!(of("another man").as_deref(), Some(crate::key::SHOT));
        // alone, one person shot is a wounded person
        let alone =
            measures_in("A cyclist was shot in the foot on Friday. A driver died in a crash.");
        assert_eq!(alone[0].1.as_deref(), Some("injured"), "{alone:?}");
        // one person shot who died later in the sentence is no wounded person
        for (text, want) in [
            (
                "A man who was shot outside a shop on Friday died in hospital.",
                crate::key::SHOT,
            ),
            (
                "A second man was shot in the chest and pronounced dead at the scene.",
                "deaths",
            ),
        ] {
            let got = measures_in(text);
            assert_eq!(got[0].1.as_deref(), Some(want), "{got:?}");
        }
    }
}
