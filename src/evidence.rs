//! Takes the claims, clusters and document profiles, hands on to `compare` what joins
//! two documents of one story: the specific details they share (rare names, the same
//! figure for the same measure) and how confidently two of their claims speak of one
//! thing. Rule that is not obvious: a name every report of a story carries (the
//! island, the company, the boxer) defines the topic and is no evidence that two
//! reports tell the same event; two events of one kind share exactly those names.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::model::{Claim, ClaimKind, Cluster, Profile};

/// A name found in at most this many documents of the run, or this share of them
/// in a large run, is specific enough to say two reports tell one event.
pub const SPECIFIC_DOCS: usize = 5;
pub const SPECIFIC_SHARE: f64 = 0.02;

/// Within a story, a name carried by more than this share of its documents is the
/// topic's, not one event's; the events inside a story show in the names that
/// some of its reports share and others lack.
pub const EVENT_NAME_SHARE: f64 = 0.5;

/// Two groups of a story's reports are taken for one event's while their reports'
/// details agree, on average, at least this much (a weighted Dice coefficient).
pub const GROUP_LINK: f64 = 0.1;

/// Stories larger than this are not split into event groups (the linkage is cubic
/// in a story's reports); their findings rest on the pairs' own evidence.
pub const GROUPS_MAX_DOCS: usize = 400;

/// A story is looked at for events inside it from this many reports on, and an
/// event group needs this many: a few reports of one event that happen to pair
/// off by the officials they quote are not two events.
pub const GROUPS_MIN_DOCS: usize = 8;
pub const GROUP_MIN_DOCS: usize = 3;

/// Sentences a name must lead in before it is a document's principal name.
pub const PRINCIPAL_MIN: usize = 3;

/// Shared content words two sentences need before an open measure key (a figure
/// counted in words the lexicon has no class for) is taken to speak of one thing.
pub const OPEN_KEY_CONTEXT: usize = 2;

/// How sure crosscheck is that the figures of a finding speak of one thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Joined only by the names that define the topic, or a measure read from
    /// the figure's own words with little else shared.
    Low,
    /// One specific detail shared, or a measure of the lexicon in a story
    /// whose documents share specific names.
    Medium,
    /// A measure of the lexicon and at least two specific details shared.
    High,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// What two documents share that is specific to one event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Shared {
    /// Names both mention that are rare in the run and do not define the story.
    pub names: Vec<String>,
    /// Figures both give for the same measure ("magnitude 6.1"), outside the finding.
    pub figures: Vec<String>,
    /// `names` as the run's documents mostly write them ("McKnight"), for the
    /// reason line; the same order.
    #[serde(skip)]
    pub spelled: Vec<String>,
}

impl Shared {
    pub fn count(&self) -> usize {
        self.names.len() + self.figures.len()
    }
}

/// Per-run tables: each document's names and figures, how many documents carry
/// each name in the run, and which event group of its story each document is in.
pub struct Evidence<'a> {
    names: FxHashMap<&'a str, Sorted<&'a str>>,
    run_docs: FxHashMap<&'a str, usize>,
    /// `SPECIFIC_DOCS`, or `SPECIFIC_SHARE` of the run's documents if more.
    specific_docs: usize,
    story_size: FxHashMap<usize, usize>,
    story_of: FxHashMap<&'a str, usize>,
    figures: FxHashMap<&'a str, Sorted<(&'a str, Fig)>>,
    /// Per story and name (or figure): how many of its documents carry it.
    story_names: FxHashMap<(usize, &'a str), usize>,
    story_figures: FxHashMap<(usize, &'a str, Fig), usize>,
    /// Per document: its folder, when the user said a folder is a story.
    folder: FxHashMap<&'a str, &'a str>,
    /// Per document: the names most of its sentences speak of (the company of an
    /// earnings report), when some name leads (`leading_names`).
    principal: FxHashMap<&'a str, Vec<&'a str>>,
    /// Per document: its event group inside its story, when the story's reports
    /// fall into two or more groups that share event names within and none across.
    group: FxHashMap<&'a str, usize>,
    /// Names the run's documents mostly write otherwise than with a capital
    /// first letter, with that spelling (`Profile::spellings`).
    spelled: FxHashMap<&'a str, &'a str>,
}

/// A document's names or figures, sorted and without repeats: a run keeps one
/// per document, and a slice is a third of a hash set's memory for the handful
/// each holds.
#[derive(Debug)]
struct Sorted<T>(Box<[T]>);

impl<T: Ord + Copy> Sorted<T> {
    fn new(mut items: Vec<T>) -> Sorted<T> {
        items.sort_unstable();
        items.dedup();
        Sorted(items.into_boxed_slice())
    }

    fn contains(&self, x: &T) -> bool {
        self.0.binary_search(x).is_ok()
    }

    fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// What both hold, in order.
    fn intersection<'s>(&'s self, other: &'s Sorted<T>) -> impl Iterator<Item = &'s T> + 's {
        let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
        std::iter::from_fn(move || {
            loop {
                match a.peek()?.cmp(b.peek()?) {
                    std::cmp::Ordering::Less => {
                        a.next();
                    }
                    std::cmp::Ordering::Greater => {
                        b.next();
                    }
                    std::cmp::Ordering::Equal => {
                        b.next();
                        return a.next();
                    }
                }
            }
        })
    }
}

impl<'s, T> IntoIterator for &'s Sorted<T> {
    type Item = &'s T;
    type IntoIter = std::slice::Iter<'s, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// A figure as the evidence tables hold it: a number's bits, or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Fig {
    Number(u64),
    Day(chrono::NaiveDate),
}

impl std::fmt::Display for Fig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fig::Number(bits) => write!(f, "{}", f64::from_bits(*bits)),
            Fig::Day(d) => write!(f, "{d}"),
        }
    }
}

/// A figure that can tell one event from another: not a small count, not a year.
fn telling(c: &Claim) -> Option<Fig> {
    c.measure.as_ref()?;
    match (&c.kind, &c.value.interval) {
        (
            ClaimKind::Date,
            crate::model::Interval::Date {
                low: Some(lo),
                high: Some(hi),
                ..
            },
        ) => (lo == hi).then_some(Fig::Day(*lo)),
        _ => c.telling_number().map(Fig::Number),
    }
}

impl<'a> Evidence<'a> {
    pub fn new(claims: &'a [Claim], clusters: &[Cluster], profiles: &'a [Profile]) -> Self {
        Self::new_in(claims, clusters, profiles, None)
    }

    /// `new`, with the run-wide counts given (`crate::partition::Whole`) when
    /// these claims are one partition of the run.
    pub fn new_in(
        claims: &'a [Claim],
        clusters: &[Cluster],
        profiles: &'a [Profile],
        whole: Option<&'a crate::partition::Whole>,
    ) -> Self {
        let names = doc_names(profiles);
        let run_docs: FxHashMap<&str, usize> = match whole {
            // only whether a name is in more than `specific_docs` is read
            Some(w) => w.common.iter().map(|n| (n.as_str(), usize::MAX)).collect(),
            None => run_docs(&names),
        };
        let mut story_of: FxHashMap<&str, usize> = FxHashMap::default();
        for k in clusters {
            for &i in &k.claims {
                story_of.insert(&*claims[i].document, k.story);
            }
        }
        let mut members: FxHashMap<usize, Vec<&str>> = FxHashMap::default();
        for (d, s) in &story_of {
            members.entry(*s).or_default().push(d);
        }
        let story_size = members.iter().map(|(s, ds)| (*s, ds.len())).collect();
        let mut told: FxHashMap<&str, Vec<(&str, Fig)>> = FxHashMap::default();
        for c in claims {
            if let (Some(m), Some(v)) = (
                c.measure.as_ref().map(crate::key::MeasureKey::as_str),
                telling(c),
            ) {
                told.entry(&*c.document).or_default().push((m, v));
            }
        }
        let figures: FxHashMap<&str, Sorted<(&str, Fig)>> = told
            .into_iter()
            .map(|(d, figs)| (d, Sorted::new(figs)))
            .collect();
        let mut story_names: FxHashMap<(usize, &str), usize> = FxHashMap::default();
        let mut story_figures: FxHashMap<(usize, &str, Fig), usize> = FxHashMap::default();
        for (d, s) in &story_of {
            for n in names.get(d).into_iter().flatten() {
                *story_names.entry((*s, n)).or_default() += 1;
            }
            for (m, f) in figures.get(d).into_iter().flatten() {
                *story_figures.entry((*s, m, *f)).or_default() += 1;
            }
        }
        let folder = profiles
            .iter()
            .filter_map(|p| Some((p.document.as_str(), p.folder.as_deref()?)))
            .collect();
        let principal = profiles
            .iter()
            .map(|p| (p.document.as_str(), leading_names(p)))
            .filter(|(_, names)| !names.is_empty())
            .collect();
        let mut group = FxHashMap::default();
        for docs in members.values_mut() {
            docs.sort_unstable();
            event_groups(docs, &names, &figures, &mut group);
        }
        let (spelled, specific_docs) = match whole {
            Some(w) => (
                w.spelled
                    .iter()
                    .map(|(n, s)| (n.as_str(), s.as_str()))
                    .collect(),
                specific_docs(w.documents),
            ),
            None => (
                run_spellings(profiles, &run_docs),
                specific_docs(profiles.len()),
            ),
        };
        Evidence {
            names,
            run_docs,
            specific_docs,
            story_size,
            story_of,
            figures,
            story_names,
            story_figures,
            folder,
            principal,
            group,
            spelled,
        }
    }

    /// A name as the run's documents mostly write it.
    fn spelling(&self, name: &str) -> String {
        match self.spelled.get(name) {
            Some(w) => (*w).to_string(),
            None => crate::extract::names::spelling(name),
        }
    }

    /// Do `a` and `b` speak mainly of different names (two companies' reports)?
    /// Unknown when either has no leading name. One leading name each: the two
    /// differ. Names tied at the top are weaker evidence (a multi-word name, a
    /// town and its bridge): then neither report may name a name that leads the
    /// other.
    pub fn different_principals(&self, a: &str, b: &str) -> bool {
        let names = |d: &str, n: &str| self.names.get(d).is_some_and(|s| s.contains(&n));
        match (self.principal.get(a), self.principal.get(b)) {
            (Some(x), Some(y)) if x.len() == 1 && y.len() == 1 => x != y,
            (Some(x), Some(y)) => !x.iter().any(|n| names(b, n)) && !y.iter().any(|n| names(a, n)),
            _ => false,
        }
    }

    /// Does document `doc` name none of `names` anywhere? (Unknown documents
    /// name nothing.)
    pub fn names_none_of(&self, doc: &str, names: &[String]) -> bool {
        let Some(set) = self.names.get(doc) else {
            return true;
        };
        !names.iter().any(|n| set.contains(&n.as_str()))
    }

    /// Do `a` and `b` belong to different event groups of their story?
    pub fn apart(&self, a: &str, b: &str) -> bool {
        matches!((self.group.get(a), self.group.get(b)), (Some(x), Some(y)) if x != y)
            // a report linked to no group of a story that has groups: which
            // event it tells is unknown
            || (self.group.contains_key(a) != self.group.contains_key(b))
    }

    /// What documents `a` and `b` share that is specific to one event; `except`
    /// is the measure of the finding itself, whose figures are in question.
    pub fn shared(&self, a: &str, b: &str, except: Option<&str>) -> Shared {
        let mut out = Shared::default();
        let story = self.story_of.get(a).copied().unwrap_or(usize::MAX);
        let size = self.story_size.get(&story).copied().unwrap_or(0);
        // in a large story, what most of its reports carry is the topic's
        let topical =
            |k: usize| size >= GROUPS_MIN_DOCS && k as f64 > EVENT_NAME_SHARE * size as f64;
        if let (Some(na), Some(nb)) = (self.names.get(a), self.names.get(b)) {
            let mut names: Vec<&str> = na
                .intersection(nb)
                .copied()
                .filter(|n| {
                    let in_run = self.run_docs.get(n).copied().unwrap_or(0);
                    let in_story = self.story_names.get(&(story, *n)).copied().unwrap_or(0);
                    in_run <= self.specific_docs && !topical(in_story)
                })
                .collect();
            names.sort_unstable();
            out.spelled = names.iter().map(|n| self.spelling(n)).collect();
            out.names = names.into_iter().map(str::to_string).collect();
        }
        if let (Some(fa), Some(fb)) = (self.figures.get(a), self.figures.get(b)) {
            let mut figs: Vec<String> = fa
                .intersection(fb)
                .filter(|(m, _)| Some(*m) != except)
                .filter(|(m, f)| {
                    !topical(
                        self.story_figures
                            .get(&(story, *m, *f))
                            .copied()
                            .unwrap_or(0),
                    )
                })
                // `compare::why_line` reads this back as measure, then value
                .map(|(m, v)| format!("{m} {v}"))
                .collect();
            figs.sort_unstable();
            figs.dedup();
            out.figures = figs;
        }
        // `--story-per-folder`: the user filed them as one story
        if let (Some(x), Some(y)) = (self.folder.get(a), self.folder.get(b))
            && x == y
        {
            out.names.push(format!("the folder {x}"));
            out.spelled.push(format!("the folder {x}"));
        }
        out
    }
}

/// Per document (by id), the names of all its sentences.
fn doc_names(profiles: &[Profile]) -> FxHashMap<&str, Sorted<&str>> {
    profiles
        .par_iter()
        .map(|p| {
            let all: Vec<&str> = p
                .sentences
                .iter()
                .flat_map(|s| s.names.iter().map(|n| &**n))
                .collect();
            (p.document.as_str(), Sorted::new(all))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .collect()
}

/// Per name, the documents that carry it.
fn run_docs<'a>(names: &FxHashMap<&'a str, Sorted<&'a str>>) -> FxHashMap<&'a str, usize> {
    let mut run_docs: FxHashMap<&str, usize> = FxHashMap::default();
    for set in names.values() {
        for n in set {
            *run_docs.entry(n).or_default() += 1;
        }
    }
    run_docs
}

/// A name in more documents than this says nothing specific of one event:
/// `SPECIFIC_DOCS`, or `SPECIFIC_SHARE` of the run's `documents` if more.
pub fn specific_docs(documents: usize) -> usize {
    SPECIFIC_DOCS.max((SPECIFIC_SHARE * documents as f64) as usize)
}

/// What `Evidence` reads of every profile of the run: the names in more
/// documents than `specific_docs`, and the spellings the run's documents
/// mostly give names, both sorted (for `crate::partition`'s table).
pub fn run_facts(profiles: &[Profile]) -> (Vec<String>, Vec<(String, String)>) {
    let names = doc_names(profiles);
    let run_docs = run_docs(&names);
    let specific = specific_docs(profiles.len());
    let mut common: Vec<String> = run_docs
        .iter()
        .filter(|(_, n)| **n > specific)
        .map(|(name, _)| (*name).to_string())
        .collect();
    common.sort_unstable();
    let mut spelled: Vec<(String, String)> = run_spellings(profiles, &run_docs)
        .into_iter()
        .map(|(n, s)| (n.to_string(), s.to_string()))
        .collect();
    spelled.sort_unstable();
    (common, spelled)
}

/// Each name's spelling in the run where most of the documents that carry it
/// write it otherwise than with a capital first letter: the spelling most of
/// them use (of two used by as many, the first in order).
fn run_spellings<'a>(
    profiles: &'a [Profile],
    run_docs: &FxHashMap<&'a str, usize>,
) -> FxHashMap<&'a str, &'a str> {
    let mut forms: FxHashMap<&str, FxHashMap<&str, usize>> = FxHashMap::default();
    for p in profiles {
        for (n, w) in &p.spellings {
            *forms
                .entry(n.as_str())
                .or_default()
                .entry(w.as_str())
                .or_default() += 1;
        }
    }
    forms
        .into_iter()
        .filter_map(|(n, ws)| {
            let plain = run_docs
                .get(n)
                .copied()
                .unwrap_or(0)
                .saturating_sub(ws.values().sum());
            let (w, k) = ws
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
            (k > plain).then_some((n, w))
        })
        .collect()
}

/// The names a document speaks of most: in the most sentences, at least
/// `PRINCIPAL_MIN` of them, and in no fewer than any other name (two names tied
/// at the top both lead: a subsidiary and its parent). The first sentence that
/// names anyone (the lede) counts twice: it names what the report is about,
/// where later sentences refer back to it by a pronoun or a sentence-initial
/// name that is not read as one ("Corvane estimated …").
fn leading_names(p: &Profile) -> Vec<&str> {
    let mut count: FxHashMap<&str, usize> = FxHashMap::default();
    let mut lede = true;
    for s in &p.sentences {
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        let weight = if lede && !s.names.is_empty() { 2 } else { 1 };
        lede &= s.names.is_empty();
        for n in &s.names {
            if seen.insert(n) {
                *count.entry(n).or_default() += weight;
            }
        }
    }
    let top = count.values().copied().max().unwrap_or(0);
    if top < PRINCIPAL_MIN {
        return Vec::new();
    }
    let mut leading: Vec<&str> = count
        .into_iter()
        .filter(|&(_, k)| k == top)
        .map(|(n, _)| n)
        .collect();
    leading.sort_unstable();
    leading
}

/// Split a story's documents into event groups by average linkage: each report is
/// weighed by the details some but not most of the story's reports carry (names,
/// and figures they agree on), rarer details weighing more; the two groups whose
/// reports are most alike on average merge, until no two are alike enough. A
/// background detail two events' reports share ("the tsunami of 2004") links a few
/// pairs and moves no average, where one shared link chained whole groups before.
/// Groups are recorded only when at least two groups of `GROUP_MIN_DOCS` or more
/// reports come out: one event needs no groups.
fn event_groups<'a>(
    docs: &[&'a str],
    names: &FxHashMap<&'a str, Sorted<&'a str>>,
    figures: &FxHashMap<&'a str, Sorted<(&'a str, Fig)>>,
    group: &mut FxHashMap<&'a str, usize>,
) {
    let n = docs.len();
    if !(GROUPS_MIN_DOCS..=GROUPS_MAX_DOCS).contains(&n) {
        return;
    }
    // each report's details, as ids into one table per story
    #[derive(Hash, PartialEq, Eq, Clone, Copy)]
    enum Detail<'a> {
        Name(&'a str),
        Figure(&'a str, Fig),
    }
    let empty_n = Sorted(Box::default());
    let empty_f = Sorted(Box::default());
    let mut df: FxHashMap<Detail, usize> = FxHashMap::default();
    let details_of = |d: &str| {
        let ns = names
            .get(d)
            .unwrap_or(&empty_n)
            .iter()
            .map(|x| Detail::Name(x));
        let fs = figures
            .get(d)
            .unwrap_or(&empty_f)
            .iter()
            .map(|(m, f)| Detail::Figure(m, *f));
        ns.chain(fs).collect::<Vec<Detail>>()
    };
    let all: Vec<Vec<Detail>> = docs.iter().map(|d| details_of(d)).collect();
    for ds in &all {
        for d in ds {
            *df.entry(*d).or_default() += 1;
        }
    }
    let weight = |d: &Detail| {
        let k = df.get(d).copied().unwrap_or(0);
        if k >= 2 && (k as f64) <= EVENT_NAME_SHARE * n as f64 {
            (n as f64 / k as f64).ln()
        } else {
            0.0
        }
    };
    let weighed: Vec<FxHashMap<Detail, f64>> = all
        .iter()
        .map(|ds| {
            ds.iter()
                .map(|d| (*d, weight(d)))
                .filter(|(_, w)| *w > 0.0)
                .collect()
        })
        .collect();
    let mass: Vec<f64> = weighed.iter().map(|m| m.values().sum()).collect();
    // weighted Dice of two reports' details
    let mut sim = vec![0.0f64; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = if weighed[i].len() <= weighed[j].len() {
                (&weighed[i], &weighed[j])
            } else {
                (&weighed[j], &weighed[i])
            };
            let shared: f64 = a
                .iter()
                .filter(|(d, _)| b.contains_key(*d))
                .map(|(_, w)| w)
                .sum();
            let total = mass[i] + mass[j];
            let s = if total > 0.0 {
                2.0 * shared / total
            } else {
                0.0
            };
            sim[i * n + j] = s;
            sim[j * n + i] = s;
        }
    }
    let mut groups: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    loop {
        let mut best = (GROUP_LINK, usize::MAX, usize::MAX);
        for x in 0..groups.len() {
            for y in x + 1..groups.len() {
                let total: f64 = groups[x]
                    .iter()
                    .flat_map(|&i| groups[y].iter().map(move |&j| (i, j)))
                    .map(|(i, j)| sim[i * n + j])
                    .sum();
                let avg = total / (groups[x].len() * groups[y].len()) as f64;
                if avg >= best.0 {
                    best = (avg, x, y);
                }
            }
        }
        if best.1 == usize::MAX {
            break;
        }
        let taken = groups.swap_remove(best.2);
        groups[best.1].extend(taken);
    }
    if groups.iter().filter(|g| g.len() >= GROUP_MIN_DOCS).count() < 2 {
        return;
    }
    for g in groups.iter().filter(|g| g.len() >= GROUP_MIN_DOCS) {
        let id = *g.iter().min().unwrap_or(&0);
        for &i in g {
            group.insert(docs[i], id);
        }
    }
}

/// Do two sentences describe the figure's subject with one common-noun phrase
/// before their figures ("a former finance director ... was jailed for 12 years"
/// and "the trust's former finance director, was sentenced to 14 years")? Two
/// adjacent lower-case content words, the same in both: a role, not a name.
pub fn same_role_before(a: &str, a_at: usize, b: &str, b_at: usize) -> bool {
    let pairs = |s: &str, at: usize| -> FxHashSet<(String, String)> {
        let head = s.get(..at).unwrap_or(s);
        let words: Vec<&str> = head
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        let content = |w: &str| {
            w.len() >= 3
                && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                && !crate::extract::counted::is_function_word(w)
        };
        words
            .windows(2)
            .filter(|p| content(p[0]) && content(p[1]))
            .map(|p| (p[0].to_string(), p[1].to_string()))
            .collect()
    };
    let pa = pairs(a, a_at);
    !pa.is_empty() && pairs(b, b_at).iter().any(|p| pa.contains(p))
}

/// The name a sentence opens on as its subject, lower-cased first word: past a
/// dateline ("HARROW, May 4 (Wire) - Ann Pell, …", "HARROW - …") and a subordinator ("When Ann
/// Pell was sentenced …"). None when the sentence opens on a possessive ("Pell's
/// finance director …": the subject is someone else) or on no name.
pub fn subject_name(sentence: &str) -> Option<String> {
    let w = subject_word(sentence)?;
    let bare = w.trim_end_matches([',', ';', ':']);
    let named = bare.chars().next().is_some_and(char::is_uppercase)
        && bare.chars().all(|c| c.is_alphabetic() || c == '-')
        && !crate::extract::names::not_a_name(&bare.to_lowercase());
    named.then(|| bare.to_lowercase())
}

/// Does the sentence open on a pronoun as its subject ("She won 12 races",
/// "When she was sentenced …")? Its figure is then someone's named elsewhere.
pub fn opens_on_pronoun(sentence: &str) -> bool {
    subject_word(sentence).is_some_and(|w| {
        let w = w.trim_end_matches([',', ';', ':', '\'']).to_lowercase();
        crate::lexicon::FUNCTION_WORDS
            .subject_pronouns
            .contains(&w.as_str())
    })
}

/// The first word of a sentence's subject: past a dateline and a subordinator.
fn subject_word(sentence: &str) -> Option<&str> {
    let mut text = sentence;
    // a dateline: a place, a comma and a date, then a dash
    if let Some(k) = text.get(..text.len().min(100)).and_then(|h| {
        [" - ", " – ", " — "]
            .iter()
            .find_map(|d| h.find(d).map(|k| k + d.len()))
    }) && (text[..k].contains(',') && text[..k].bytes().any(|b| b.is_ascii_digit())
        || text
            .split_whitespace()
            .next()
            .is_some_and(|w| w.len() >= 2 && w.chars().all(|c| !c.is_lowercase())))
    {
        text = &text[k..];
    }
    let mut words = text.split_whitespace();
    let mut w = words.next()?;
    if crate::lexicon::FUNCTION_WORDS
        .subordinators
        .contains(&w.to_lowercase().as_str())
    {
        w = words.next()?;
    }
    Some(w)
}

/// Content words two sentences share (lower-cased, no function words, no
/// figures), for judging an open measure key.
pub fn shared_context(a: &str, b: &str) -> usize {
    let words = |s: &str| -> FxHashSet<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-'))
            .map(str::to_ascii_lowercase)
            .filter(|w| !crate::extract::counted::is_function_word(w))
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    wa.intersection(&wb).count()
}

/// What is known of a pair of disagreeing statements besides the details their
/// documents share.
#[derive(Debug, Clone, Copy, Default)]
pub struct PairFacts {
    /// The measure is read from the figures' own words, not the lexicon.
    pub open_key: bool,
    /// The measure is always someone's (`is_owned`).
    pub owned: bool,
    /// One of the two sentences names no one.
    pub unnamed: bool,
    /// Neither sentence names anyone, nor opens on a pronoun: nothing says
    /// the two figures are two owners' ("The ship carried eight lifeboats").
    pub nameless: bool,
    /// The documents fall in different event groups of their story.
    pub apart: bool,
    /// Content words the two sentences share.
    pub context: usize,
    /// The two sentences name someone in common.
    pub same_owner: bool,
    /// The two documents speak mainly of different names.
    pub principals_differ: bool,
    /// The measure is the date of an event, and the two dates lie more than a
    /// week apart.
    pub dates_far: bool,
    /// One sentence names the figure's owner and the other names no one, and
    /// the other's document never names that owner (one company's revenue against a
    /// "revenue declined" of a report that speaks of another company).
    pub owner_unmentioned: bool,
    /// The measure is the date of an event that recurs within one story (a
    /// statement, talks, a call).
    pub recurring_date: bool,
}

/// How confident a pair of disagreeing statements is: the measure's origin, what
/// their documents share, and whether they fall in different event groups.
pub fn confidence(facts: &PairFacts, shared: &Shared) -> Confidence {
    let PairFacts {
        open_key,
        owned,
        unnamed,
        nameless,
        apart,
        context,
        same_owner,
        principals_differ,
        owner_unmentioned,
        dates_far,
        recurring_date,
    } = *facts;
    if apart || shared.count() == 0 {
        return Confidence::Low;
    }
    // two companies' revenue, two parties' seats: named owners must agree; a
    // sentence that names no one ("revenue rose 4%") leaves it to the documents,
    // which must then share more than one detail
    // a sentence that names no owner takes its document's leading name: two
    // earnings reports of two companies are two owners
    if owned
        && !same_owner
        && (!unnamed || shared.count() < 2 || principals_differ || owner_unmentioned)
    {
        return Confidence::Low;
    }
    // two elections in one country, two sessions of one court: dates of one kind
    // of event weeks apart need two specific details to be one event's dates (a
    // day's slip between two reports of one event needs one)
    if dates_far && shared.count() < 2 {
        return Confidence::Low;
    }
    // a story holds many statements, calls and rounds of talks: two dates of
    // one are one occasion's only when their sentences name a party in common
    // ("the Monday talks between X and Y" and "X met Y on Tuesday")
    if recurring_date && !same_owner {
        return Confidence::Low;
    }
    if open_key {
        // a key from the figure's own words needs its sentences to agree on
        // more: the names beside the figures (whose points, whose sales) and
        // their words
        // or, two sentences that name no one and open on no pronoun ("The ship
        // carried eight lifeboats" against "… carried 16 lifeboats"): no name
        // makes them two players' or two firms' figures, and their reports
        // share two details
        let unowned = nameless && shared.count() >= 2;
        return if (same_owner || unowned) && context > OPEN_KEY_CONTEXT {
            Confidence::Medium
        } else {
            Confidence::Low
        };
    }
    if shared.count() >= 2 {
        Confidence::High
    } else {
        Confidence::Medium
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_that_opens_on_a_pronoun() {
        for s in [
            "She won 12 races for the club.",
            "She was jailed for nine years.",
            "When he was sentenced, the court fell silent.",
            "HARROW, Nov 14 (Orsk Wire) - It carried 16 lifeboats.",
            "Their offer values the group at $4 billion.",
        ] {
            assert!(opens_on_pronoun(s), "{s}");
        }
        for s in [
            "The ship carried 16 lifeboats.",
            "Helga won 12 races.",
            "Helen was jailed.",
            "Itself a small port, the town has 300 boats.",
        ] {
            assert!(!opens_on_pronoun(s), "{s}");
        }
    }

    /// One expected subject per row, many surface forms; `None` rows are negative.
    #[test]
    fn the_name_a_sentence_opens_on() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Ann Pell was sentenced to nine years.", Some("ann")),
            (
                "When Ann Pell was sentenced to 11 years, her victims wept.",
                Some("ann"),
            ),
            (
                "HARROW, Nov 14 (Orsk Wire) - Ann Pell, the fund's founder, was sentenced to nine years.",
                Some("ann"),
            ),
            (
                "Pell, who pleaded guilty, was jailed for three years.",
                Some("pell"),
            ),
            (
                "Pell's finance director is serving a three-year sentence.",
                None,
            ),
            ("The judge sentenced her to nine years.", None),
            ("HARROW - The judge sentenced her to nine years.", None),
        ];
        for (sentence, want) in cases {
            assert_eq!(subject_name(sentence).as_deref(), *want, "{sentence}");
        }
    }

    #[test]
    fn dates_weeks_apart_need_two_shared_details() {
        let one = Shared {
            names: vec!["harrowgate".into()],
            figures: vec![],
            ..Shared::default()
        };
        let two = Shared {
            names: vec!["harrowgate".into()],
            figures: vec!["magnitude 6.1".into()],
            ..Shared::default()
        };
        let far = PairFacts {
            dates_far: true,
            ..PairFacts::default()
        };
        assert_eq!(confidence(&far, &one), Confidence::Low);
        assert_eq!(confidence(&far, &two), Confidence::High);
        // a day's slip between two reports of one event needs one detail only
        assert_eq!(confidence(&PairFacts::default(), &one), Confidence::Medium);
        // two dates of a recurring occasion (talks, a statement) are one
        // occasion's only when their sentences name a party in common
        let recurring = PairFacts {
            recurring_date: true,
            ..PairFacts::default()
        };
        assert_eq!(confidence(&recurring, &two), Confidence::Low);
        let recurring_same_party = PairFacts {
            same_owner: true,
            ..recurring
        };
        assert_eq!(confidence(&recurring_same_party, &two), Confidence::High);
    }

    #[test]
    fn confidence_rises_with_specific_details_and_falls_for_open_keys() {
        let none = Shared::default();
        let one = Shared {
            names: vec!["harrowgate".into()],
            figures: vec![],
            ..Shared::default()
        };
        let two = Shared {
            names: vec!["harrowgate".into()],
            figures: vec!["magnitude 6.1".into()],
            ..Shared::default()
        };
        assert_eq!(
            confidence(
                &PairFacts {
                    context: 9,
                    same_owner: true,
                    ..PairFacts::default()
                },
                &none
            ),
            Confidence::Low
        );
        assert_eq!(
            confidence(
                &PairFacts {
                    ..PairFacts::default()
                },
                &one
            ),
            Confidence::Medium
        );
        assert_eq!(
            confidence(
                &PairFacts {
                    ..PairFacts::default()
                },
                &two
            ),
            Confidence::High
        );
        assert_eq!(
            confidence(
                &PairFacts {
                    apart: true,
                    same_owner: true,
                    ..PairFacts::default()
                },
                &two
            ),
            Confidence::Low
        );
        assert_eq!(
            confidence(
                &PairFacts {
                    open_key: true,
                    context: 1,
                    same_owner: true,
                    ..PairFacts::default()
                },
                &two
            ),
            Confidence::Low
        );
        assert_eq!(
            confidence(
                &PairFacts {
                    open_key: true,
                    context: 5,
                    same_owner: true,
                    ..PairFacts::default()
                },
                &two
            ),
            Confidence::Medium
        );
        // sentences that name no one: their reports' two details and their words
        assert_eq!(
            confidence(
                &PairFacts {
                    open_key: true,
                    context: 5,
                    nameless: true,
                    ..PairFacts::default()
                },
                &two
            ),
            Confidence::Medium
        );
        assert_eq!(
            confidence(
                &PairFacts {
                    open_key: true,
                    context: 5,
                    nameless: true,
                    ..PairFacts::default()
                },
                &one
            ),
            Confidence::Low
        );
        assert_eq!(
            confidence(
                &PairFacts {
                    open_key: true,
                    context: 1,
                    nameless: true,
                    ..PairFacts::default()
                },
                &two
            ),
            Confidence::Low
        );
        assert_eq!(
            confidence(
                &PairFacts {
                    open_key: true,
                    context: 5,
                    ..PairFacts::default()
                },
                &two
            ),
            Confidence::Low
        );
        assert_eq!(
            confidence(
                &PairFacts {
                    open_key: true,
                    context: 5,
                    same_owner: true,
                    ..PairFacts::default()
                },
                &none
            ),
            Confidence::Low
        );
    }

    #[test]
    fn an_owned_measure_of_unnamed_sentences_needs_one_leading_name() {
        let two = Shared {
            names: vec!["storm".into(), "quarter".into()],
            figures: vec![],
            ..Shared::default()
        };
        // "revenue fell to $3 billion" in two reports: one company's or two?
        assert_eq!(
            confidence(
                &PairFacts {
                    owned: true,
                    unnamed: true,
                    ..PairFacts::default()
                },
                &two
            ),
            Confidence::High
        );
        assert_eq!(
            confidence(
                &PairFacts {
                    owned: true,
                    unnamed: true,
                    principals_differ: true,
                    ..PairFacts::default()
                },
                &two
            ),
            Confidence::Low
        );
        // nor one whose document never names the owner the other sentence gives
        assert_eq!(
            confidence(
                &PairFacts {
                    owned: true,
                    unnamed: true,
                    owner_unmentioned: true,
                    ..PairFacts::default()
                },
                &two
            ),
            Confidence::Low
        );
        // named owners that agree need no leading name
        assert_eq!(
            confidence(
                &PairFacts {
                    owned: true,
                    same_owner: true,
                    principals_differ: true,
                    ..PairFacts::default()
                },
                &two
            ),
            Confidence::High
        );
    }

    #[test]
    fn the_names_of_most_sentences_lead() {
        let p = |names: &[&[&str]]| Profile {
            document: "d1".into(),
            published: None,
            outlet: None,
            folder: None,
            spellings: Vec::new(),
            lead_place: None,
            sudden: Vec::new(),
            sentences: names
                .iter()
                .map(|ns| crate::model::SentenceProfile {
                    hash: 0,
                    digits: false,
                    names: ns.iter().map(|n| crate::model::Name::from(&**n)).collect(),
                })
                .collect(),
        };
        let lead = p(&[
            &["marlow", "kent"],
            &["marlow"],
            &["marlow", "marlow"],
            &["kent"],
        ]);
        assert_eq!(leading_names(&lead), ["marlow"]);
        // names tied at the top both lead; too few sentences lead nowhere
        let tie = p(&[
            &["marlow", "kent"],
            &["marlow", "kent"],
            &["marlow", "kent"],
        ]);
        assert_eq!(leading_names(&tie), ["kent", "marlow"]);
        // the lede counts twice: a name it gives alone breaks an even count
        let lede = p(&[
            &["kent"],
            &["marlow", "kent"],
            &["marlow"],
            &["marlow"],
            &["kent"],
        ]);
        assert_eq!(leading_names(&lede), ["kent"]);
        let few = p(&[&["marlow"]]);
        assert!(leading_names(&few).is_empty());
        // the lede's name named once more leads
        let again = p(&[&["marlow"], &["marlow"]]);
        assert_eq!(leading_names(&again), ["marlow"]);
    }

    #[test]
    fn shared_context_ignores_function_words_and_figures() {
        assert_eq!(
            shared_context(
                "The striker scored 14 goals for the club this season.",
                "He scored 12 goals for the club in the season."
            ),
            4
        );
        assert_eq!(
            shared_context("It was 12 of the 40.", "It was 13 of the 40."),
            0
        );
    }

    #[test]
    fn a_role_before_both_figures_is_one_subject() {
        let at = |s: &str, q: &str| s.find(q).unwrap();
        let cases = [
            (
                "A former finance director of the trust was jailed for 12 years.",
                "The trust's former finance director was sentenced to 14 years.",
                true,
            ),
            (
                "The chief engineer said 40 homes were flooded.",
                "Residents said 60 homes were flooded, the chief engineer added.",
                false,
            ),
            (
                "The finance director was jailed for 12 years.",
                "The sales manager was jailed for 14 years.",
                false,
            ),
            (
                "Smith was jailed for 12 years.",
                "Jones was jailed for 14 years.",
                false,
            ),
        ];
        for (a, b, want) in cases {
            let qa = if a.contains("12") { "12" } else { "40" };
            let qb = if b.contains("14") { "14" } else { "60" };
            assert_eq!(
                same_role_before(a, at(a, qa), b, at(b, qb)),
                want,
                "{a} | {b}"
            );
        }
    }
}
