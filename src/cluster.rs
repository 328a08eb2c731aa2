//! Takes every claim and a profile of each document, hands on clusters of claims
//! about the same measure of the same event.
//! Rule that is not obvious: documents are first grouped into stories by the names
//! they share (weighted by rarity, spelling variants matched fuzzily), and claims
//! are only ever compared inside one story, so two near-identical reports of
//! different events never meet. Both steps are blocked: no all-pairs pass.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::event::EventClass;
use crate::key::MeasureKey;
use crate::model::{Anchor, Claim, ClaimKind, Cluster, Interval, Profile};

/// How many reports must put an event in one place before that place marks an
/// event of its own (`split_by_lead_place`).
pub const LEAD_PLACE_REPORTS: usize = 2;
/// Cosine similarity of two documents' weighted names above which they tell one story.
pub const STORY_SIMILARITY: f64 = 0.30;
/// …and the summed rarity (idf) of the names they share must reach this: three
/// or four uncommon names, not one city and an outlet.
pub const STORY_SHARED_IDF: f64 = 20.0;
/// Short reports name little; for them, sharing this share of the smaller
/// report's rarity is enough, but never less than `STORY_SHARED_MIN` (one rare name).
pub const STORY_SHARED_SHARE: f64 = 0.6;
pub const STORY_SHARED_MIN: f64 = 5.0;
/// Rarity is computed as if the corpus held at least this many documents, so
/// in a small corpus that is all one story, the names every report shares
/// still count as evidence rather than as noise.
pub const IDF_MIN_DOCS: f64 = 1000.0;
/// Documents published further apart than this need a much closer match.
pub const STORY_DAYS: i64 = 30;
/// The closer match needed across that gap (and the full `STORY_SHARED_IDF`).
pub const STORY_SIMILARITY_FAR: f64 = 0.80;
/// A name in more documents than this does not generate candidate pairs (it still
/// counts in the similarity of pairs found through rarer names).
pub const BLOCK_MAX_DOCS: usize = 100;
/// Jaro-Winkler similarity at which two spellings are one name ("Katrin"/"Catrine").
pub const NAME_SPELLING: f64 = 0.88;
/// Spelling variants are only looked for in pairs whose exact overlap reaches
/// this share of the similarity they need: it keeps fuzzy matching off most pairs.
pub const FUZZY_FLOOR: f64 = 0.4;

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.0[hi] = lo;
        }
    }
}

/// A sentence found in this many documents is boilerplate (page furniture,
/// paywall notices) when it has no digit; with a digit it takes `BOILERPLATE_DOCS_DIGITS`,
/// since wire copy reprinted by a few outlets is real text.
pub const BOILERPLATE_DOCS: usize = 3;
pub const BOILERPLATE_DOCS_DIGITS: usize = 8;

/// Hashes of sentences that are boilerplate across `profiles`.
pub fn boilerplate(profiles: &[Profile]) -> FxHashSet<u64> {
    // hash → (documents, has a digit, last document counted)
    let mut df: FxHashMap<u64, (usize, bool, usize)> = FxHashMap::default();
    for (d, p) in profiles.iter().enumerate() {
        for s in &p.sentences {
            let e = df.entry(s.hash).or_insert((0, s.digits, usize::MAX));
            if e.2 != d {
                e.0 += 1;
                e.2 = d;
            }
        }
    }
    df.into_iter()
        .filter(|(_, (n, digits, _))| {
            *n >= if *digits {
                BOILERPLATE_DOCS_DIGITS
            } else {
                BOILERPLATE_DOCS
            }
        })
        .map(|(h, _)| h)
        .collect()
}

/// Per document a sparse unit vector (name id, weight); the names, their document counts and rarity.
struct NameVectors<'p> {
    vecs: Vec<Vec<(u32, f64)>>,
    names: Vec<&'p str>,
    df: Vec<usize>,
    idf: Vec<f64>,
    /// Per document, the summed rarity of its names.
    mass: Vec<f64>,
    /// Per document, its outlet's number in `furniture`.
    outlet: Vec<Option<usize>>,
    /// Per outlet, the ids of its furniture names.
    furniture: Vec<FxHashSet<u32>>,
}

/// Weighted name vector of each document (idf × (1 + ln tf), unit length) over
/// its sentences that are not boilerplate; also the names and their document counts.
///
/// Names are numbered in order of first appearance, documents in order and each
/// document's names in byte order, and a document's sums run in byte order of
/// its names: the numbering decides which spelling variant a name meets first,
/// and the order of a sum its last bits.
fn vectors<'p>(profiles: &'p [Profile], boiler: &FxHashSet<u64>) -> NameVectors<'p> {
    // per document, its names in byte order with their counts
    let counted: Vec<Vec<(&str, u32)>> = profiles
        .par_iter()
        .map(|p| {
            let mut all: Vec<&str> = p
                .sentences
                .iter()
                .filter(|s| !boiler.contains(&s.hash))
                .flat_map(|s| s.names.iter().map(|n| &**n))
                .collect();
            all.sort_unstable();
            let mut tf: Vec<(&str, u32)> = Vec::new();
            for n in all {
                match tf.last_mut() {
                    Some((m, k)) if *m == n => *k += 1,
                    _ => tf.push((n, 1)),
                }
            }
            tf
        })
        .collect();
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut names: Vec<&str> = Vec::new();
    let mut df: Vec<usize> = Vec::new();
    // per document, the ids of its names, in byte order of the names
    let named: Vec<Vec<u32>> = counted
        .iter()
        .map(|p| {
            p.iter()
                .map(|&(n, _)| {
                    let id = *ids.entry(n).or_insert_with(|| {
                        names.push(n);
                        df.push(0);
                        (names.len() - 1) as u32
                    });
                    df[id as usize] += 1;
                    id
                })
                .collect()
        })
        .collect();
    let n = (profiles.len() as f64).max(IDF_MIN_DOCS);
    let idf: Vec<f64> = df.iter().map(|&d| (1.0 + n / d as f64).ln()).collect();
    let (vecs, mass): (Vec<Vec<(u32, f64)>>, Vec<f64>) = counted
        .par_iter()
        .zip(&named)
        .map(|(p, ids)| {
            let mut v: Vec<(u32, f64)> = ids
                .iter()
                .zip(p)
                .map(|(&id, (_, tf))| (id, idf[id as usize] * (1.0 + f64::from(*tf).ln())))
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, w) in &mut v {
                    *w /= norm;
                }
            }
            v.sort_unstable_by_key(|(id, _)| *id);
            let mass: f64 = ids.iter().map(|&id| idf[id as usize]).sum();
            (v, mass)
        })
        .unzip();
    let (outlet, furniture) = furniture(profiles, &named);
    NameVectors {
        vecs,
        names,
        df,
        idf,
        mass,
        outlet,
        furniture,
    }
}

/// An outlet needs this many reports in the run before its furniture is looked for.
pub const FURNITURE_MIN_DOCS: usize = 4;
/// A name in at least this share of an outlet's reports is its furniture…
pub const FURNITURE_SHARE: f64 = 0.5;

/// Each outlet's furniture: the names it prints in half its reports or more
/// (its call sign, its town, "Weather", "Sports"), in reports published more
/// than `STORY_DAYS` apart, so not the coverage of one story. Two reports of
/// one outlet do not tell one story by its furniture; a report of another
/// outlet naming the same town still may. Returns each document's outlet
/// number and each outlet's furniture (name ids).
fn furniture(
    profiles: &[Profile],
    named: &[Vec<u32>],
) -> (Vec<Option<usize>>, Vec<FxHashSet<u32>>) {
    let mut number: FxHashMap<&str, usize> = FxHashMap::default();
    let outlet: Vec<Option<usize>> = profiles
        .iter()
        .map(|p| {
            let next = number.len();
            p.outlet
                .as_deref()
                .map(|o| *number.entry(o).or_insert(next))
        })
        .collect();
    let mut docs: Vec<Vec<usize>> = vec![Vec::new(); number.len()];
    for (d, o) in outlet.iter().enumerate() {
        if let Some(o) = o {
            docs[*o].push(d);
        }
    }
    let furniture = docs
        .par_iter()
        .map(|docs| {
            if docs.len() < FURNITURE_MIN_DOCS {
                return FxHashSet::default();
            }
            // name → (reports, first and last publication day)
            let mut seen: FxHashMap<u32, (usize, Option<(NaiveDate, NaiveDate)>)> =
                FxHashMap::default();
            for &d in docs {
                let day = profiles[d].published;
                for &id in &named[d] {
                    let e = seen.entry(id).or_insert((0, None));
                    e.0 += 1;
                    if let Some(day) = day {
                        e.1 = Some(e.1.map_or((day, day), |(l, h)| (l.min(day), h.max(day))));
                    }
                }
            }
            let need = (FURNITURE_SHARE * docs.len() as f64).ceil() as usize;
            seen.into_iter()
                .filter(|(_, (n, span))| {
                    *n >= need && span.is_some_and(|(l, h)| (h - l).num_days() > STORY_DAYS)
                })
                .map(|(id, _)| id)
                .collect()
        })
        .collect();
    (outlet, furniture)
}

/// Cosine of two unit vectors; names that match only by spelling count too.
/// Also returns the summed rarity of the shared names.
fn cosine(
    (da, a): (usize, &[(u32, f64)]),
    (db, b): (usize, &[(u32, f64)]),
    nv: &NameVectors,
    need: f64,
) -> (f64, f64) {
    let (names, idf) = (&nv.names, &nv.idf);
    // one outlet's furniture says nothing of two of its reports
    let empty = FxHashSet::default();
    let skip = match (nv.outlet[da], nv.outlet[db]) {
        (Some(x), Some(y)) if x == y => &nv.furniture[x],
        _ => &empty,
    };
    let mut s = 0.0;
    let mut shared = 0.0;
    let mut unmatched_a = Vec::new();
    let mut matched_b = vec![false; b.len()];
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Equal => {
                if !skip.contains(&a[i].0) {
                    s += a[i].1 * b[j].1;
                    shared += idf[a[i].0 as usize];
                }
                matched_b[j] = true;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                unmatched_a.push(i);
                i += 1;
            }
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    unmatched_a.extend(i..a.len());
    // spelling can only lift a pair that exact names brought close already
    if s < need * FUZZY_FLOOR {
        return (s, shared);
    }
    // spelling variants: only for the few names left over, and only long ones
    for ia in unmatched_a {
        let na = names[a[ia].0 as usize];
        if na.chars().count() < 4 || skip.contains(&a[ia].0) {
            continue;
        }
        for (jb, m) in matched_b.iter_mut().enumerate() {
            if *m || skip.contains(&b[jb].0) {
                continue;
            }
            let nb = names[b[jb].0 as usize];
            if nb.chars().count() >= 4
                && na.chars().next() == nb.chars().next()
                && strsim::jaro_winkler(na, nb) >= NAME_SPELLING
            {
                s += a[ia].1 * b[jb].1;
                shared += idf[a[ia].0 as usize].min(idf[b[jb].0 as usize]);
                *m = true;
                break;
            }
        }
    }
    (s, shared)
}

fn days_apart(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<i64> {
    Some((a? - b?).num_days().abs())
}

/// Group documents into stories; returns each profile's story number (0-based,
/// numbered in document order).
pub fn stories(profiles: &[Profile], boiler: &FxHashSet<u64>) -> Vec<usize> {
    if let Some(by_folder) = stories_by_folder(profiles) {
        return by_folder;
    }
    let nv = vectors(profiles, boiler);
    let (vecs, df) = (&nv.vecs, &nv.df);
    // posting lists of the indexed names, each in document order
    let mut index: Vec<Vec<usize>> = vec![Vec::new(); df.len()];
    for (d, v) in vecs.iter().enumerate() {
        for (id, _) in v {
            if df[*id as usize] <= BLOCK_MAX_DOCS {
                index[*id as usize].push(d);
            }
        }
    }
    // candidate links, strongest first: every pair a < b sharing an indexed
    // name, each compared once (`last[b] == a` once b is taken for a, with
    // one `last` per worker); sorted, they come out in one order however the
    // documents were shared out
    let mut edges: Vec<(f64, usize, usize, bool)> = (0..profiles.len())
        .into_par_iter()
        .map_init(
            || vec![usize::MAX; profiles.len()],
            |last, a| links(a, profiles, &nv, &index, last),
        )
        .flatten_iter()
        .collect();
    edges.par_sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    // join strongest first; a weak link may not stretch a story's publication
    // dates beyond STORY_DAYS, so a chain of same-town reports stays apart
    let mut uf = UnionFind((0..profiles.len()).collect());
    let mut span: Vec<Option<(NaiveDate, NaiveDate)>> = profiles
        .iter()
        .map(|p| p.published.map(|d| (d, d)))
        .collect();
    for (_, a, b, far) in edges {
        let (ra, rb) = (uf.find(a), uf.find(b));
        if ra == rb {
            continue;
        }
        let merged = match (span[ra], span[rb]) {
            (Some((l1, h1)), Some((l2, h2))) => Some((l1.min(l2), h1.max(h2))),
            (x, None) | (None, x) => x,
        };
        if !far && merged.is_some_and(|(l, h)| (h - l).num_days() > STORY_DAYS) {
            continue;
        }
        uf.union(ra, rb);
        let root = uf.find(ra);
        span[root] = merged;
    }
    let mut number: Vec<usize> = vec![usize::MAX; profiles.len()];
    let mut next = 0;
    (0..profiles.len())
        .map(|d| {
            let root = uf.find(d);
            if number[root] == usize::MAX {
                number[root] = next;
                next += 1;
            }
            number[root]
        })
        .collect()
}

/// The links of document `a` to the documents after it that share an indexed
/// name with it and are similar enough: (similarity, a, b, published far apart).
/// `last` marks the documents already compared with `a`.
fn links(
    a: usize,
    profiles: &[Profile],
    nv: &NameVectors,
    index: &[Vec<usize>],
    last: &mut [usize],
) -> Vec<(f64, usize, usize, bool)> {
    let vecs = &nv.vecs;
    let mut out = Vec::new();
    for (id, _) in &vecs[a] {
        let docs = &index[*id as usize];
        // documents after `a` in the posting list
        let after = docs.partition_point(|&d| d <= a);
        for &b in &docs[after..] {
            if last[b] == a {
                continue;
            }
            last[b] = a;
            let far = days_apart(profiles[a].published, profiles[b].published)
                .is_some_and(|d| d > STORY_DAYS);
            let need = if far {
                STORY_SIMILARITY_FAR
            } else {
                STORY_SIMILARITY
            };
            let (sim, shared) = cosine((a, &vecs[a]), (b, &vecs[b]), nv, need);
            let smaller = nv.mass[a].min(nv.mass[b]);
            let need_shared = if far {
                STORY_SHARED_IDF
            } else {
                (STORY_SHARED_SHARE * smaller).clamp(STORY_SHARED_MIN, STORY_SHARED_IDF)
            };
            if sim >= need && shared >= need_shared {
                out.push((sim, a, b, far));
            }
        }
    }
    out
}

/// Anchors this close are one event told with different dates (a source that
/// misdated the quake still reports its toll): anchors separate events, and
/// the dates themselves are compared as claims of their own.
pub const ANCHOR_SLACK_DAYS: i64 = 7;

/// Two reports whose main event falls on days further apart than this are
/// about two events (a city's shootings a fortnight apart), whatever names they
/// share. A lone source that misdates one event by a day or a week stays in its
/// story; two groups of reports that each agree on their day, more than
/// `DAY_SLIP` apart, are two events (a city's shootings on consecutive weekends).
pub const EVENT_DAY_GAP: i64 = 7;

/// Days by which reports of one event may place it ("late Friday", "early Saturday").
pub const DAY_SLIP: i64 = 2;

/// Split stories whose documents date their main event on days far apart.
/// A document's event day is the most common day it gives for the story's most
/// dated point event; documents that give none join the part nearest their
/// publication date.
fn split_by_event_day(
    profiles: &[Profile],
    story: &[usize],
    briefs: &[Brief],
    lexicon: &Lexicon,
) -> Vec<usize> {
    // per document: (event, day) → count, from day-level date claims; an
    // event is named by the number of its measure, "date of <event>", which
    // sorts as the event does
    let mut days: Vec<BTreeMap<(u32, NaiveDate), usize>> = vec![BTreeMap::new(); profiles.len()];
    for b in briefs {
        if let (Some(m), Some(day), Some(d)) = (b.measure, b.day, b.doc)
            && lexicon.is_date(m)
        {
            *days[d].entry((m, day)).or_default() += 1;
        }
    }
    let mut next = story.iter().max().map_or(0, |m| m + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); next];
    for (d, &s) in story.iter().enumerate() {
        members[s].push(d);
    }
    let mut out = story.to_vec();
    for docs in &members {
        // the story's most dated event
        let mut events: BTreeMap<u32, usize> = BTreeMap::new();
        for &d in docs {
            for ((e, _), n) in &days[d] {
                *events.entry(*e).or_default() += n;
            }
        }
        let Some((&event, _)) = events
            .iter()
            .max_by_key(|(e, n)| (**n, std::cmp::Reverse(**e)))
        else {
            continue;
        };
        // a day far from the report's own date is no key to its event (a
        // misread or a retrospective), so it does not split
        let day_of = |d: usize| {
            days[d]
                .iter()
                .filter(|((e, _), _)| *e == event)
                .max_by_key(|((_, day), n)| (**n, std::cmp::Reverse(*day)))
                .map(|((_, day), _)| *day)
                .filter(|day| {
                    profiles[d]
                        .published
                        .is_none_or(|p| (p - *day).num_days().abs() <= STORY_DAYS)
                })
        };
        // reports of a past event, every one published before `lo`, cannot tell
        // of an event on day `lo` that reports of it call past
        let past = |d: usize| matches!((profiles[d].published, day_of(d)), (Some(p), Some(day)) if day <= p);
        let happened_after = |later: &[usize], earlier: &[usize], lo: NaiveDate| {
            later.iter().all(|&d| past(d))
                && earlier
                    .iter()
                    .all(|&d| past(d) && profiles[d].published.is_some_and(|p| p < lo))
        };
        let mut dated: Vec<(NaiveDate, usize)> = docs
            .iter()
            .filter_map(|&d| day_of(d).map(|day| (day, d)))
            .collect();
        dated.sort();
        // two lone reports written the same day, one telling of that day's
        // event and the other of one days before, tell of two events (a
        // city's round-ups of the weekend's and of the day's shootings): a
        // report of the day's news does not misdate it by days
        let same_day_pair = |a: &[usize], b: &[usize]| match (a, b) {
            ([x], [y]) => {
                let p = profiles[*x].published;
                p.is_some() && p == profiles[*y].published && (day_of(*x) == p || day_of(*y) == p)
            }
            _ => false,
        };
        // runs of days that differ by a night's slip at most; not two lone
        // reports of one day that are days apart, one of them on its own day
        let mut runs: Vec<(NaiveDate, NaiveDate, Vec<usize>)> = Vec::new();
        for (day, d) in dated {
            match runs.last_mut() {
                Some((_, hi, ds))
                    if (day - *hi).num_days() <= DAY_SLIP
                        && !((day - *hi).num_days() > 1 && same_day_pair(ds, &[d])) =>
                {
                    *hi = day;
                    ds.push(d);
                }
                _ => runs.push((day, day, vec![d])),
            }
        }
        // a lone report within EVENT_DAY_GAP of a run misdated it; runs that
        // several reports agree on are events of their own, and so is a day
        // that came after every earlier report had been published
        let mut parts: Vec<(NaiveDate, NaiveDate, Vec<usize>)> = Vec::new();
        for (lo, hi, ds) in runs {
            match parts.last_mut() {
                Some((_, phi, pds))
                    if (lo - *phi).num_days() <= EVENT_DAY_GAP
                        && (pds.len() == 1 || ds.len() == 1)
                        && !same_day_pair(pds, &ds)
                        && !happened_after(&ds, pds, lo) =>
                {
                    *phi = hi;
                    pds.extend(ds);
                }
                _ => parts.push((lo, hi, ds)),
            }
        }
        if parts.len() < 2 {
            continue;
        }
        // undated documents join the part nearest their publication date (else the first)
        for &d in docs {
            if day_of(d).is_some() {
                continue;
            }
            let k = profiles[d]
                .published
                .and_then(|p| {
                    parts
                        .iter()
                        .enumerate()
                        .min_by_key(|(_, (lo, hi, _))| {
                            if p < *lo {
                                (*lo - p).num_days()
                            } else if p > *hi {
                                (p - *hi).num_days()
                            } else {
                                0
                            }
                        })
                        .map(|(k, _)| k)
                })
                .unwrap_or(0);
            parts[k].2.push(d);
        }
        for (_, _, ds) in parts.iter().skip(1) {
            for &d in ds {
                out[d] = next;
            }
            next += 1;
        }
    }
    out
}

/// With `--story-per-folder` (every profile names its folder): one story per
/// folder, numbered in order of first appearance.
fn stories_by_folder(profiles: &[Profile]) -> Option<Vec<usize>> {
    let mut seen: Vec<&str> = Vec::new();
    profiles
        .iter()
        .map(|p| {
            let f = p.folder.as_deref()?;
            Some(match seen.iter().position(|s| *s == f) {
                Some(k) => k,
                None => {
                    seen.push(f);
                    seen.len() - 1
                }
            })
        })
        .collect()
}

/// A name carried by at most this many documents of the run can name one event's
/// place or people (`join_instances`).
pub const INSTANCE_NAME_DOCS: usize = 4;

/// Rare names two reports of a slow event (an outbreak, a closure) must share to
/// be taken for one instance; one is enough for a sudden event.
pub const INSTANCE_NAMES: usize = 2;

/// Telling figures (`Claim::telling_number`), each rare in the run, that two reports
/// sharing a rare name must both give to be taken for one instance of any kind.
pub const INSTANCE_FIGURES: usize = 2;

/// Reports of one event instance are published within this many days of each other.
pub const INSTANCE_DAYS: i64 = 3;

/// Join stories whose reports tell one event instance: the same kind of event (a
/// quake, an outbreak, a plant closure), a name rare in the run that both carry
/// (the place, a person), and publication days close together. Reports of one
/// event often share too few names for the name vectors to link them (one
/// quotes the governor, another the seismologists); the instance is the
/// specific detail they do share. Commonplace incidents (shootings, crashes,
/// fires) are left to the name vectors: a town has many of them. Undated
/// reports are never joined this way.
fn join_instances(
    profiles: &[Profile],
    story: &[usize],
    briefs: &[Brief],
    figures: &[Vec<u64>],
    lexicon: &Lexicon,
    boiler: &FxHashSet<u64>,
) -> Vec<usize> {
    let n = profiles.len();
    // per document, the event classes its claims name
    let mut events: Vec<Vec<u32>> = vec![Vec::new(); n];
    for b in briefs {
        if let (Some(d), Some(e)) = (b.doc, b.event)
            && !lexicon.event(e).is_some_and(crate::event::commonplace)
            && !events[d].contains(&e)
        {
            events[d].push(e);
        }
    }
    // per document, the days it gives as the date of an event ("Tuesday's
    // fire"), with the event
    let mut dated: Vec<Vec<(u32, NaiveDate)>> = vec![Vec::new(); n];
    for b in briefs {
        if let (Some(d), Some(m), Some(e), Some(day)) = (b.doc, b.measure, b.event, b.day)
            && lexicon.is_date(m)
            && !dated[d].contains(&(e, day))
        {
            dated[d].push((e, day));
        }
    }
    // per rare name, the documents that carry it
    let mut carriers: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (d, p) in profiles.iter().enumerate() {
        let mut names: Vec<&str> = p
            .sentences
            .iter()
            .filter(|s| !boiler.contains(&s.hash))
            .flat_map(|s| s.names.iter().map(|n| &**n))
            .collect();
        names.sort_unstable();
        names.dedup();
        for name in names {
            carriers.entry(name).or_default().push(d);
        }
    }
    let stories = story.iter().max().map_or(0, |m| m + 1);
    let mut uf = UnionFind((0..stories).collect());
    // per pair of documents, the rare names they share
    let mut shared: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for docs in carriers.values() {
        if docs.len() < 2 || docs.len() > INSTANCE_NAME_DOCS {
            continue;
        }
        for (i, &a) in docs.iter().enumerate() {
            for &b in &docs[i + 1..] {
                if story[a] != story[b] {
                    *shared.entry((a.min(b), a.max(b))).or_default() += 1;
                }
            }
        }
    }
    // per telling figure rare in the run, the documents that give it
    let mut givers: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (d, fs) in figures.iter().enumerate() {
        for &v in fs {
            givers.entry(v).or_default().push(d);
        }
    }
    let mut same_figures: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for docs in givers.values() {
        if docs.len() < 2 || docs.len() > INSTANCE_NAME_DOCS {
            continue;
        }
        for (i, &a) in docs.iter().enumerate() {
            for &b in &docs[i + 1..] {
                if story[a] != story[b] && shared.contains_key(&(a.min(b), a.max(b))) {
                    *same_figures.entry((a.min(b), a.max(b))).or_default() += 1;
                }
            }
        }
    }
    let mut pairs: Vec<((usize, usize), usize)> = shared.into_iter().collect();
    pairs.sort_unstable();
    for ((a, b), names) in pairs {
        let apart = days_apart(profiles[a].published, profiles[b].published);
        let close = apart.is_some_and(|d| d <= INSTANCE_DAYS);
        // a sudden event (a quake, a blast) and its place are one instance;
        // a slower one (an outbreak, a closure) needs a second shared name,
        // unless the two reports came out within a day's slip of each other
        let kind = events[a].iter().find(|e| events[b].contains(e));
        let enough = kind.is_some_and(|e| {
            names >= INSTANCE_NAMES
                || lexicon.event(*e).is_some_and(crate::event::sudden)
                || apart.is_some_and(|d| d <= DAY_SLIP)
        });
        // any kind of event, commonplace or none: a rare name and the same
        // specific figures ("2,300 dockers", "35 percent contained") are one instance
        let figures_agree = same_figures
            .get(&(a, b))
            .is_some_and(|&k| k >= INSTANCE_FIGURES);
        // any kind of event: a rare name and the same event on the same day
        // ("Tuesday's fire" in two reports of Wednesday) are one instance
        let same_day = dated[a].iter().any(|x| dated[b].contains(x));
        if close && (enough || figures_agree || same_day) {
            uf.union(story[a], story[b]);
        }
    }
    // stories numbered again in order of their first document
    let mut number: FxHashMap<usize, usize> = FxHashMap::default();
    story
        .iter()
        .map(|&s| {
            let root = uf.find(s);
            let next = number.len();
            *number.entry(root).or_insert(next)
        })
        .collect()
}

/// Can two anchors name the same time? Unknown parts (an unstated year) match anything.
pub fn anchors_compatible(a: &Anchor, b: &Anchor) -> bool {
    if let (Some(al), Some(ah), Some(bl), Some(bh)) = (a.low, a.high, b.low, b.high) {
        return overlap((al, ah), (bl, bh));
    }
    // partial values such as XXXX-09 or XXXX-09-19: compare the parts both know
    let pa = parts(a);
    let pb = parts(b);
    match (pa.month, pb.month) {
        (Some(x), Some(y)) if x != y => false,
        _ => !matches!((pa.day, pb.day), (Some(x), Some(y)) if x != y),
    }
}

/// Do two spans of days overlap, give or take `ANCHOR_SLACK_DAYS`?
fn overlap((al, ah): (NaiveDate, NaiveDate), (bl, bh): (NaiveDate, NaiveDate)) -> bool {
    let slack = chrono::Duration::days(ANCHOR_SLACK_DAYS);
    al - slack <= bh && bl - slack <= ah
}

struct Parts {
    month: Option<u32>,
    day: Option<u32>,
}

fn parts(a: &Anchor) -> Parts {
    let (month, day) = crate::model::month_and_day(&a.value, a.low, a.high);
    Parts { month, day }
}

/// Cluster claims: inside each story, by measure and event class, then split by
/// anchors that cannot name the same time.
pub fn cluster(claims: &mut [Claim], profiles: &[Profile]) -> Vec<Cluster> {
    cluster_in(claims, profiles, None)
}

/// `cluster`, with the stories and boilerplate of the whole run given
/// (`crate::partition::Whole`) when these claims are one partition of it.
pub fn cluster_in(
    claims: &mut [Claim],
    profiles: &[Profile],
    whole: Option<&crate::partition::Whole>,
) -> Vec<Cluster> {
    let own;
    let boiler = match whole {
        Some(w) => &w.boilerplate,
        None => {
            own = boilerplate(profiles);
            &own
        }
    };
    let (briefs, lexicon) = brief(claims, profiles, boiler);
    let story = match whole {
        Some(w) => w.story.clone(),
        None => story_of(claims, profiles, boiler, &briefs, &lexicon),
    };
    let published = |i: usize| briefs[i].doc.and_then(|d| profiles[d].published);
    let keyed = blocks(claims, profiles, &briefs, &lexicon, &story, &published);
    let blocks: Vec<&[Keyed]> = keyed
        .chunk_by(|x, y| (x.0, x.1, x.2) == (y.0, y.1, y.2))
        .collect();
    // blocks are split and named apart from one another; the clusters are
    // numbered in block order
    let split: Vec<Vec<(Vec<usize>, String)>> = blocks
        .par_iter()
        .map(|block| {
            let (_, measure, event, first) = block[0];
            let members = block.iter().map(|k| k.3).collect();
            let (dated, class) = (lexicon.is_date(measure), lexicon.event(event));
            // the claims of a block share one measure key (only claims with one are keyed)
            let key = claims[first].measure.as_ref();
            split_by_anchor(claims, &published, dated, class, members)
                .into_iter()
                .map(|g| {
                    let topic = key.map_or_else(String::new, |m| topic(claims, m, class, &g));
                    (g, topic)
                })
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    for (block, groups) in blocks.iter().zip(split) {
        for (g, topic) in groups {
            out.push(Cluster {
                id: format!("k{}", out.len() + 1),
                story: block[0].0,
                topic,
                claims: g,
            });
        }
    }
    let mut cluster_of = vec![usize::MAX; claims.len()];
    for (k, c) in out.iter().enumerate() {
        for &i in &c.claims {
            cluster_of[i] = k;
        }
    }
    // one shared topic per cluster, not a copy per claim
    let topics: Vec<std::sync::Arc<str>> = out.iter().map(|k| k.topic.as_str().into()).collect();
    claims.par_iter_mut().zip(cluster_of).for_each(|(c, k)| {
        if let Some(topic) = topics.get(k) {
            c.topic = topic.clone();
        }
    });
    out
}

/// Each document's final story: grouped by names, joined on an event
/// instance, split by the event's day.
fn story_of(
    claims: &[Claim],
    profiles: &[Profile],
    boiler: &FxHashSet<u64>,
    briefs: &[Brief],
    lexicon: &Lexicon,
) -> Vec<usize> {
    // per document, the telling figures its claims give (`join_instances`)
    let mut figures: Vec<Vec<u64>> = vec![Vec::new(); profiles.len()];
    for (b, c) in briefs.iter().zip(claims.iter()) {
        if let (Some(d), Some(v)) = (b.doc, c.telling_number())
            && !figures[d].contains(&v)
        {
            figures[d].push(v);
        }
    }
    let joined = join_instances(
        profiles,
        &stories(profiles, boiler),
        briefs,
        &figures,
        lexicon,
        boiler,
    );
    let by_day = split_by_event_day(profiles, &joined, briefs, lexicon);
    split_by_lead_place(profiles, &by_day)
}

/// Reports of one story whose leads put the event in two places, each place
/// given by at least `LEAD_PLACE_REPORTS` reports and named by none of the
/// other group, tell of two events (two collapses at two mines of one valley,
/// undated, sharing the valley, the company and the rescue chief). A lone report
/// with a place of its own is no second event: one report's lead may name the
/// street where another names the town. Reports whose lead names no place join
/// the group whose names they share most.
fn split_by_lead_place(profiles: &[Profile], story: &[usize]) -> Vec<usize> {
    let mut next = story.iter().max().map_or(0, |m| m + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); next];
    for (d, &s) in story.iter().enumerate() {
        members[s].push(d);
    }
    let names = |d: usize| -> FxHashSet<&str> {
        profiles[d]
            .sentences
            .iter()
            .flat_map(|s| s.names.iter().map(|n| &**n))
            .collect()
    };
    let mut out = story.to_vec();
    for docs in &members {
        if docs.len() < 2 * LEAD_PLACE_REPORTS {
            continue;
        }
        let mut places: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &d in docs {
            if let Some(p) = profiles[d].lead_place.as_deref() {
                places.entry(p).or_default().push(d);
            }
        }
        let named: Vec<FxHashSet<&str>> = docs.iter().map(|&d| names(d)).collect();
        let index = |d: usize| docs.iter().position(|&x| x == d).unwrap_or(0);
        // groups of reports that put the event in one place which no report
        // of another group names
        let groups: Vec<(&str, &Vec<usize>)> = places
            .iter()
            .filter(|(_, ds)| ds.len() >= LEAD_PLACE_REPORTS)
            .map(|(p, ds)| (*p, ds))
            .collect();
        let apart = groups.len() >= 2
            && groups.iter().all(|(p, ds)| {
                groups
                    .iter()
                    .filter(|(q, _)| q != p)
                    .all(|(_, others)| others.iter().all(|&o| !named[index(o)].contains(p)))
                    && ds
                        .iter()
                        .all(|&d| profiles[d].lead_place.as_deref() == Some(*p))
            });
        if !apart {
            continue;
        }
        // every report joins the group whose place it names, else whose
        // reports' names it shares most; ties go to the first group
        let mut part: Vec<usize> = vec![0; docs.len()];
        for i in 0..docs.len() {
            let by_place = groups.iter().position(|(p, _)| named[i].contains(p));
            part[i] = by_place.unwrap_or_else(|| {
                let shared = |ds: &Vec<usize>| {
                    ds.iter()
                        .map(|&o| named[i].intersection(&named[index(o)]).count())
                        .sum::<usize>()
                };
                let mut best = 0;
                for (k, (_, ds)) in groups.iter().enumerate() {
                    if shared(ds) > shared(groups[best].1) {
                        best = k;
                    }
                }
                best
            });
        }
        for k in 1..groups.len() {
            for (i, &d) in docs.iter().enumerate() {
                if part[i] == k {
                    out[d] = next;
                }
            }
            next += 1;
        }
    }
    out
}

/// The final story of each profile, as `cluster` groups them, and the
/// boilerplate it found. Only the claims that name an event, give a telling
/// figure or a date matter here (`partition::slim` keeps those).
pub fn final_stories(claims: &[Claim], profiles: &[Profile]) -> (Vec<usize>, FxHashSet<u64>) {
    let boiler = boilerplate(profiles);
    let (briefs, lexicon) = brief(claims, profiles, &boiler);
    let story = story_of(claims, profiles, &boiler, &briefs, &lexicon);
    (story, boiler)
}

/// A cluster's topic: the label (`crate::label::topic`) of its measure, event
/// and the first anchor its claims state.
fn topic(
    claims: &[Claim],
    measure: &MeasureKey,
    event: Option<EventClass>,
    group: &[usize],
) -> String {
    let anchor = group.iter().find_map(|&i| claims[i].anchor.as_deref());
    crate::label::topic(measure, event, anchor)
}

/// What clustering reads of a claim. Claims keep their text all over the
/// heap, so it is read in one pass, and measures and events become numbers.
#[derive(Default)]
struct Brief {
    /// The claim's document: its place in the profiles (the last of that id).
    doc: Option<usize>,
    /// Measure and event, numbered in the `Lexicon`.
    measure: Option<u32>,
    event: Option<u32>,
    /// The day of a date given to the day.
    day: Option<NaiveDate>,
    /// Neither an unresolved date nor said in a boilerplate sentence.
    eligible: bool,
}

/// The measures and events of the claims, numbered in byte order so that the
/// numbers sort as the words do. The empty word is always there: number 0.
/// Each word carries what it names, typed: the event class it is, whether it
/// is the measure of a date of an event.
struct Lexicon<'c>(Vec<(&'c str, Kind)>);

/// What a word of the `Lexicon` names (a word may be an event and a measure both).
#[derive(Debug, Clone, Copy, Default)]
struct Kind {
    event: Option<EventClass>,
    date: bool,
}

impl Kind {
    /// What either word says.
    fn merge(&mut self, other: Kind) {
        self.event = self.event.or(other.event);
        self.date |= other.date;
    }
}

impl<'c> Lexicon<'c> {
    const EMPTY: u32 = 0;

    /// The event class word `n` is, if it is one.
    fn event(&self, n: u32) -> Option<EventClass> {
        self.0[n as usize].1.event
    }

    /// Is word `n` the measure of a date of an event ("date of talks")?
    fn is_date(&self, n: u32) -> bool {
        self.0[n as usize].1.date
    }
}

/// Claims read in chunks of this many, each on one worker.
const CHUNK: usize = 4096;

/// Each claim's `Brief`, and the lexicon of their measures and events.
fn brief<'c>(
    claims: &'c [Claim],
    profiles: &[Profile],
    boiler: &FxHashSet<u64>,
) -> (Vec<Brief>, Lexicon<'c>) {
    let index: FxHashMap<&str, usize> = profiles
        .iter()
        .enumerate()
        .map(|(d, p)| (p.document.as_str(), d))
        .collect();
    let mut briefs: Vec<Brief> = Vec::new();
    briefs.resize_with(claims.len(), Brief::default);
    // chunk by chunk, words are numbered in the chunk's own list first
    let local: Vec<Vec<(&str, Kind)>> = briefs
        .par_chunks_mut(CHUNK)
        .zip(claims.par_chunks(CHUNK))
        .map(|(briefs, claims)| {
            let mut words: Vec<(&str, Kind)> = Vec::new();
            let mut numbers: FxHashMap<&str, u32> = FxHashMap::default();
            let mut number = |w: &'c str, kind: Kind| {
                let n = *numbers.entry(w).or_insert_with(|| {
                    words.push((w, Kind::default()));
                    (words.len() - 1) as u32
                });
                words[n as usize].1.merge(kind);
                n
            };
            // the claims of one document are neighbours: look it up once
            let mut last: Option<(&str, Option<usize>)> = None;
            for (b, c) in briefs.iter_mut().zip(claims) {
                let doc = match last {
                    Some((d, k)) if d == &*c.document => k,
                    _ => index.get(&*c.document).copied(),
                };
                last = Some((&c.document, doc));
                let day = match c.value.interval {
                    Interval::Date {
                        low: Some(l),
                        high: Some(h),
                        ..
                    } if l == h => Some(l),
                    _ => None,
                };
                *b = Brief {
                    doc,
                    measure: c.measure.as_ref().map(|m| {
                        let date = m.is_date();
                        number(m.as_str(), Kind { event: None, date })
                    }),
                    event: c.event.map(|e| {
                        number(
                            e.as_str(),
                            Kind {
                                event: Some(e),
                                date: false,
                            },
                        )
                    }),
                    day,
                    eligible: c.measure.is_some()
                        && !is_unresolved_date(c)
                        && !boiler.contains(&c.sentence_hash()),
                };
            }
            words
        })
        .collect();
    let mut words: Vec<(&str, Kind)> = local
        .iter()
        .flatten()
        .copied()
        .chain([("", Kind::default())])
        .collect();
    words.sort_unstable_by(|a, b| a.0.cmp(b.0));
    words.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1.merge(later.1);
        }
        same
    });
    briefs
        .par_chunks_mut(CHUNK)
        .zip(&local)
        .for_each(|(briefs, local)| {
            let global: Vec<u32> = local
                .iter()
                .map(|w| words.partition_point(|x| x.0 < w.0) as u32)
                .collect();
            for b in briefs {
                b.measure = b.measure.map(|m| global[m as usize]);
                b.event = b.event.map(|e| global[e as usize]);
            }
        });
    (briefs, Lexicon(words))
}

/// A claim to cluster: (story, measure, event, index of the claim).
type Keyed = (usize, u32, u32, usize);

/// The claims to cluster, sorted: the claims of one block (story, measure and
/// event) are neighbours, in claim order. A claim whose sentence names no
/// event takes the usual event of its story's measure, unless that event is
/// sudden and its report (its claims or its text, `Profile::sudden`) names
/// another sudden event but never that one.
fn blocks(
    claims: &[Claim],
    profiles: &[Profile],
    briefs: &[Brief],
    lexicon: &Lexicon,
    story: &[usize],
    published: &(impl Fn(usize) -> Option<NaiveDate> + Sync),
) -> Vec<Keyed> {
    // the usual event of each (story, measure): the most frequent, ties to the
    // first in byte order
    let mut tally: FxHashMap<(usize, u32, u32), usize> = FxHashMap::default();
    for b in briefs {
        if let (Some(m), Some(e), Some(d)) = (b.measure, b.event, b.doc) {
            *tally.entry((story[d], m, e)).or_default() += 1;
        }
    }
    let mut usual: FxHashMap<(usize, u32), (u32, usize)> = FxHashMap::default();
    for ((s, m, e), n) in tally {
        let best = usual.entry((s, m)).or_insert((e, n));
        if (n, Reverse(e)) > (best.1, Reverse(best.0)) {
            *best = (e, n);
        }
    }
    // the sudden events (quakes, blasts, storms) each document names, in its
    // claims or anywhere in its text
    let sudden = |e: u32| lexicon.event(e).is_some_and(crate::event::sudden);
    let mut named: FxHashSet<(usize, EventClass)> = briefs
        .iter()
        .filter_map(|b| Some((b.doc?, lexicon.event(b.event.filter(|&e| sudden(e))?)?)))
        .collect();
    named.extend(
        profiles
            .iter()
            .enumerate()
            .flat_map(|(d, p)| p.sudden.iter().map(move |&e| (d, e))),
    );
    let names_any: FxHashSet<usize> = named.iter().map(|&(d, _)| d).collect();
    let mut keyed: Vec<Keyed> = briefs
        .par_iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let m = b.measure?;
            let d = b.doc?;
            let s = story[d];
            if !b.eligible {
                return None;
            }
            // a sudden event (a quake, a blast) is one a report names when it
            // speaks of it: a report that names another sudden event but never
            // the story's (an insurer's hurricane charge in a story of quake
            // charges) does not take it; one that names none still does
            let event = b
                .event
                .or_else(|| {
                    usual.get(&(s, m)).map(|(e, _)| *e).filter(|&e| {
                        !sudden(e)
                            || !names_any.contains(&d)
                            || lexicon.event(e).is_some_and(|c| named.contains(&(d, c)))
                    })
                })
                .unwrap_or(Lexicon::EMPTY);
            if background_incident(&claims[i], lexicon.event(event), published(i)) {
                return None;
            }
            Some((s, m, event, i))
        })
        .collect();
    keyed.par_sort_unstable();
    keyed
}

/// Split one block's claims by anchor: each claim joins the first group it is
/// compatible with; claims that state their time go first, so the groups form
/// around them.
fn split_by_anchor(
    claims: &[Claim],
    published: &impl Fn(usize) -> Option<NaiveDate>,
    dated: bool,
    event: Option<EventClass>,
    mut members: Vec<usize>,
) -> Vec<Vec<usize>> {
    members.sort_by_key(|&i| claims[i].anchor.is_none());
    if dated {
        return vec![members];
    }
    let days = chrono::Duration::days;
    // an incident's undated figures speak of the last weeks' news only
    let incident = event.is_some_and(crate::event::sudden);
    // per member: the time it speaks of, and for an incident's undated figure
    // the time of the recent news
    let windows: Vec<(Option<Window>, Option<Option<Window>>)> = members
        .iter()
        .map(|&i| {
            let anchor = claims[i].anchor.as_ref();
            let p = published(i);
            let effective = match anchor {
                Some(a) => Some(Window::Stated(a)),
                None => p.map(|p| Window::News {
                    published: p,
                    low: p.checked_sub_signed(days(NEWS_DAYS_BEFORE)),
                    high: p.checked_add_signed(days(NEWS_DAYS_AFTER)),
                }),
            };
            let recent = (incident && anchor.is_none()).then(|| {
                p.map(|p| Window::News {
                    published: p,
                    low: p.checked_sub_signed(days(STORY_DAYS)),
                    high: Some(p),
                })
            });
            (effective, recent)
        })
        .collect();
    let dated = |x: usize| claims[members[x]].anchor.is_some();
    // two members of one anchor and one publication day meet every other
    // member alike, so each group is tested through one member of each such
    // kind: a document's thousands of figures of one day cost one test, not
    // thousands (the grouping is the same as testing every member)
    let mut kinds: Vec<(Option<&Anchor>, Option<NaiveDate>)> = Vec::new();
    let kind: Vec<usize> = members
        .iter()
        .map(|&i| {
            let k = (claims[i].anchor.as_deref(), published(i));
            kinds.iter().position(|x| *x == k).unwrap_or_else(|| {
                kinds.push(k);
                kinds.len() - 1
            })
        })
        .collect();
    // groups of positions in `members`, and per group one member of each kind
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut shown: Vec<Vec<usize>> = Vec::new();
    for x in 0..members.len() {
        let slot = shown.iter().position(|g| {
            g.iter().all(|&y| {
                // a dated figure against an undated one: the undated
                // report's recent news; two undated ones: any news
                let dated_pair = dated(x) != dated(y);
                let pick = |k: usize| match &windows[k] {
                    (_, Some(w)) if dated_pair => w.as_ref(),
                    (w, _) => w.as_ref(),
                };
                match (pick(x), pick(y)) {
                    (Some(a), Some(b)) => a.compatible(b),
                    // a figure of a report of unknown day against one its
                    // sentence puts in a year or a season ("in 2019 it walked
                    // away from a €2.8 billion bid"): a time recalled, not the news
                    (Some(w), None) | (None, Some(w)) if dated_pair => !w.recalled(),
                    _ => true,
                }
            })
        });
        match slot {
            Some(k) => {
                groups[k].push(x);
                if shown[k].iter().all(|&y| kind[y] != kind[x]) {
                    shown[k].push(x);
                }
            }
            None => {
                groups.push(vec![x]);
                shown.push(vec![x]);
            }
        }
    }
    groups
        .into_iter()
        .map(|g| g.into_iter().map(|x| members[x]).collect())
        .collect()
}

/// The time a claim speaks of: its anchor, or for a claim without one the
/// news around its report's publication.
enum Window<'c> {
    Stated(&'c Anchor),
    News {
        published: NaiveDate,
        low: Option<NaiveDate>,
        high: Option<NaiveDate>,
    },
}

impl Window<'_> {
    fn bounds(&self) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            Window::Stated(a) => Some((a.low?, a.high?)),
            Window::News { low, high, .. } => Some(((*low)?, (*high)?)),
        }
    }

    fn anchor(&self) -> Cow<'_, Anchor> {
        match self {
            Window::Stated(a) => Cow::Borrowed(*a),
            Window::News {
                published,
                low,
                high,
            } => Cow::Owned(Anchor {
                value: format!("news of {published}"),
                low: *low,
                high: *high,
            }),
        }
    }

    /// Is it a stated time longer than a month (a year, a season, a decade)?
    /// Reports recall earlier events by such times; the day's news is told by
    /// its day or not at all.
    fn recalled(&self) -> bool {
        matches!(self, Window::Stated(_))
            && self
                .bounds()
                .is_some_and(|(l, h)| (h - l).num_days() > RECALLED_SPAN_DAYS)
    }

    /// `anchors_compatible`, without writing out a window that has both ends.
    fn compatible(&self, other: &Window) -> bool {
        match (self.bounds(), other.bounds()) {
            (Some(a), Some(b)) => overlap(a, b),
            _ => anchors_compatible(&self.anchor(), &other.anchor()),
        }
    }
}

/// Is the claim about an earlier incident the report recalls only by a month
/// or a year ("last year's nightclub shooting", "a July 2016 crash")? Many
/// incidents of a commonplace kind share such a time, so two reports recalling "a shooting in 2016" need not
/// speak of the same one; the story's own incident is in the report's recent news.
fn background_incident(c: &Claim, event: Option<EventClass>, published: Option<NaiveDate>) -> bool {
    let Some(Anchor {
        low: Some(low),
        high: Some(high),
        ..
    }) = c.anchor.as_deref()
    else {
        return false;
    };
    event.is_some_and(crate::event::commonplace)
        && (*high - *low).num_days() > EVENT_DAY_GAP
        && published.is_some_and(|p| (p - *high).num_days() > STORY_DAYS)
}

/// A stated time longer than this, in days, is one a report recalls (`Window::recalled`).
pub const RECALLED_SPAN_DAYS: i64 = 31;

/// How far before and after its publication a report's undated figures are
/// taken to speak of: a figure with no time of its own is about the news of the day.
pub const NEWS_DAYS_BEFORE: i64 = 365;
pub const NEWS_DAYS_AFTER: i64 = 730;

fn is_unresolved_date(c: &Claim) -> bool {
    c.kind == ClaimKind::Date
        && matches!(
            c.value.interval,
            crate::model::Interval::Date { low: None, .. }
        )
        && !c.value.stated.as_text().is_some_and(|v| {
            v.starts_with("XXXX-") && v.len() >= 7 && v[5..7].chars().all(|ch| ch.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(doc: &str, names: &[&str], published: Option<NaiveDate>) -> Profile {
        Profile {
            document: doc.into(),
            published,
            outlet: None,
            folder: None,
            spellings: Vec::new(),
            lead_place: None,
            sudden: Vec::new(),
            sentences: vec![crate::model::SentenceProfile {
                hash: crate::extract::sentence_hash(doc),
                digits: false,
                names: names
                    .iter()
                    .map(|n| crate::model::Name::from(&**n))
                    .collect(),
            }],
        }
    }

    /// A profile whose lead puts the event at `place`.
    fn led(doc: &str, names: &[&str], place: Option<&str>) -> Profile {
        let mut p = profile(doc, names, None);
        p.lead_place = place.map(str::to_string);
        p
    }

    /// One row per case: the leads' places and names, and which reports share
    /// a story afterwards.
    #[test]
    fn two_places_each_told_by_two_reports_are_two_events() {
        let shared = ["gallow", "anvers", "mining"];
        let with = |own: &[&'static str]| -> Vec<&'static str> {
            shared.iter().copied().chain(own.iter().copied()).collect()
        };
        let cases: Vec<(Vec<Profile>, Vec<usize>)> = vec![
            // two mines, two reports each: apart
            (
                vec![
                    led("a", &with(&["dobry"]), Some("dobry")),
                    led("b", &with(&["dobry"]), Some("dobry")),
                    led("c", &with(&["ferris"]), Some("ferris")),
                    led("d", &with(&["ferris"]), Some("ferris")),
                ],
                vec![0, 0, 1, 1],
            ),
            // a report that names no place in its lead goes with the mine it names
            (
                vec![
                    led("a", &with(&["dobry"]), Some("dobry")),
                    led("b", &with(&["dobry"]), Some("dobry")),
                    led("c", &with(&["ferris"]), Some("ferris")),
                    led("d", &with(&["ferris"]), Some("ferris")),
                    led("e", &with(&["ferris"]), None),
                ],
                vec![0, 0, 1, 1, 1],
            ),
            // one report puts it in the town, the others at the works: together
            (
                vec![
                    led("a", &with(&["brannock"]), Some("brannock")),
                    led("b", &with(&["kessway"]), Some("kessway")),
                    led("c", &with(&["kessway"]), Some("kessway")),
                    led("d", &with(&["kessway"]), Some("kessway")),
                ],
                vec![0, 0, 0, 0],
            ),
            // each place is named by a report of the other group: one event
            (
                vec![
                    led("a", &with(&["dobry"]), Some("dobry")),
                    led("b", &with(&["dobry"]), Some("dobry")),
                    led("c", &with(&["ferris", "dobry"]), Some("ferris")),
                    led("d", &with(&["ferris"]), Some("ferris")),
                ],
                vec![0, 0, 0, 0],
            ),
        ];
        for (profiles, want) in cases {
            let story = vec![0; profiles.len()];
            let got = split_by_lead_place(&profiles, &story);
            let first = |s: &[usize]| -> Vec<usize> {
                s.iter()
                    .map(|x| s.iter().position(|y| y == x).unwrap())
                    .collect()
            };
            assert_eq!(first(&got), first(&want), "{profiles:?}");
        }
    }

    #[test]
    fn stories_group_by_shared_rare_names() {
        let ps = vec![
            profile("a", &["velora", "kestin", "arvo", "lisk", "marrow"], None),
            profile("b", &["velora", "kestin", "arvo", "lisk", "tamsin"], None),
            profile("c", &["oduya", "brenner", "quill", "saxe", "pell"], None),
            profile("d", &["oduya", "brenner", "quill", "saxe", "marrow"], None),
        ];
        assert_eq!(stories(&ps, &FxHashSet::default()), vec![0, 0, 1, 1]);
    }

    #[test]
    fn an_outlets_furniture_links_only_reports_of_other_outlets() {
        let d = |m, day| NaiveDate::from_ymd_opt(2020, m, day);
        let furniture = ["kxrv", "harlow", "weather", "sports"];
        let with = |doc: &str, outlet: &str, own: &[&str], day| {
            let names: Vec<&str> = furniture.iter().chain(own).copied().collect();
            let mut p = profile(doc, &names, day);
            p.outlet = Some(outlet.into());
            p
        };
        let ps = vec![
            with("a", "KXRV", &["alder", "castellane"], d(3, 1)),
            with("b", "KXRV", &["varnholt", "dunmore"], d(3, 4)),
            with("c", "KXRV", &["quarry", "edgeton"], d(4, 12)),
            with("d", "KXRV", &["brackley", "tulley"], d(5, 3)),
        ];
        let mut e = profile("e", &["harlow", "alder", "castellane", "pellham"], d(3, 2));
        e.outlet = Some("Star".into());
        let ps = [ps, vec![e]].concat();
        // KXRV's reports share only its furniture; the Star's report of the
        // first one's shooting names its town too, and that still counts
        assert_eq!(stories(&ps, &FxHashSet::default()), vec![0, 1, 2, 3, 0]);
        // one outlet covering one story for a month has no furniture
        let mut story = ps[..4].to_vec();
        assert!(story.iter().all(|p| p.outlet.as_deref() == Some("KXRV")));
        for (p, day) in story.iter_mut().zip([1, 5, 12, 20]) {
            p.published = d(3, day);
        }
        assert_eq!(stories(&story, &FxHashSet::default()), vec![0, 0, 0, 0]);
    }

    #[test]
    fn spelling_variants_still_match() {
        let ps = vec![
            profile(
                "a",
                &["nicolette", "ostrovak", "harlow", "quill", "saxe"],
                None,
            ),
            profile(
                "b",
                &["nikolette", "ostrowak", "harlow", "quill", "saxe"],
                None,
            ),
        ];
        assert_eq!(stories(&ps, &FxHashSet::default()), vec![0, 0]);
    }

    #[test]
    fn far_apart_dates_need_a_closer_match() {
        let d = |m| NaiveDate::from_ymd_opt(2020, m, 1);
        let names_a = ["velora", "kestin", "marrow", "arvo", "lisk", "tamsin"];
        let names_b = ["velora", "kestin", "marrow", "arvo", "dunmore", "pell"];
        let near = vec![profile("a", &names_a, d(1)), profile("b", &names_b, d(1))];
        assert_eq!(stories(&near, &FxHashSet::default()), vec![0, 0]);
        let far = vec![profile("a", &names_a, d(1)), profile("b", &names_b, d(9))];
        assert_eq!(stories(&far, &FxHashSet::default()), vec![0, 1]);
    }

    #[test]
    fn anchors() {
        let a = |v: &str, l: Option<(i32, u32, u32)>, h: Option<(i32, u32, u32)>| Anchor {
            value: v.into(),
            low: l.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            high: h.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        };
        let y2020 = a("2020", Some((2020, 1, 1)), Some((2020, 12, 31)));
        let y1990s = a("199X", Some((1990, 1, 1)), Some((1999, 12, 31)));
        let sep = a("XXXX-09", None, None);
        let sep22 = a("2022-09", Some((2022, 9, 1)), Some((2022, 9, 30)));
        let nov = a("XXXX-11-07", None, None);
        assert!(!anchors_compatible(&y2020, &y1990s));
        assert!(anchors_compatible(&sep, &sep22));
        assert!(!anchors_compatible(&nov, &sep22));
        assert!(anchors_compatible(&sep, &y2020));
    }
}
