//! Benchmarks: extraction throughput (bytes of text per second, one core) and
//! the cost of clustering and comparing about 100,000 claims.
//! Rule that is not obvious: the text is made here by a seeded generator from
//! invented names and general English, never read from a corpus, so the bench
//! runs in a clean checkout and measures the same bytes every time.
//!
//! Run with `cargo bench` (or `cargo bench -- extract` for one group).

use std::hint::black_box;

use crosscheck::ingest::{IngestOptions, parse_document};
use crosscheck::model::{Claim, Document, Format, Profile};
use crosscheck::{extract, segment};
use divan::counter::{BytesCount, ItemsCount};

fn main() {
    divan::main();
}

/// xorshift64*: a tiny deterministic generator, so the sample never changes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

const SYLLABLES: &[&str] = &[
    "bar", "ten", "lo", "vik", "sa", "mun", "de", "rah", "col", "py", "nor", "ett", "qua", "fi",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const EVENTS: &[&str] = &["storm", "fire", "collapse", "strike", "flood", "blast"];
const QUALIFIERS: &[&str] = &["", "about ", "at least ", "more than ", "nearly ", "some "];

fn name(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..2 + rng.below(2) {
        s.push_str(rng.pick(SYLLABLES));
    }
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// One synthetic report about event `event` (reports of one event share its
/// place names and date, as several outlets covering one story would).
fn report(event: u64, source: u64) -> String {
    let mut ev = Rng(0x9e37_79b9_7f4a_7c15 ^ (event + 1).wrapping_mul(0x1000_0001));
    let place = name(&mut ev);
    let region = name(&mut ev);
    let agency = name(&mut ev);
    let kind = ev.pick(EVENTS);
    let year = 2015 + ev.below(10);
    let month = ev.below(12) as usize;
    let day = 1 + ev.below(27);
    let dead = 3 + ev.below(400);
    let hurt = dead * (2 + ev.below(5));
    let mut rng = Rng(ev.next() ^ (source + 7).wrapping_mul(0x5851_f42d_4c95_7f2d));
    // one source in four misreports a figure
    let dead = if source == 3 && rng.below(2) == 0 {
        dead + 1 + rng.below(20)
    } else {
        dead
    };
    let mut s = format!(
        "{}, {} {}, {} — ",
        place.to_uppercase(),
        MONTHS[month],
        day + 1,
        year
    );
    s.push_str(&format!(
        "{}{} people were killed and {} injured when a {kind} struck {place} on {}, \
         officials in {region} said.\n\n",
        rng.pick(QUALIFIERS),
        thousands(dead),
        thousands(hurt),
        rng.pick(WEEKDAYS),
    ));
    for _ in 0..4 + rng.below(6) {
        let line = match rng.below(7) {
            0 => format!(
                "The {agency} agency said {} homes were damaged and {} residents were moved to shelters.",
                thousands(10 + rng.below(5000)),
                thousands(100 + rng.below(90_000)),
            ),
            1 => format!(
                "{place}, a town of {} people, was last hit in {}.",
                thousands(2000 + rng.below(800_000)),
                1950 + rng.below(70),
            ),
            2 => format!(
                "Losses were put at ${}.{} million, about {} percent of the region's budget.",
                1 + rng.below(900),
                rng.below(10),
                1 + rng.below(40),
            ),
            3 => format!(
                "Rescue work is expected to last {} weeks, {} said on {} {}.",
                2 + rng.below(10),
                name(&mut rng),
                day,
                MONTHS[month],
            ),
            4 => format!(
                "Between {} and {} workers from {region} joined the effort.",
                10 * (1 + rng.below(50)),
                10 * (60 + rng.below(50)),
            ),
            5 => format!(
                "The death toll rose to {} by the end of the week, up from {} a day earlier.",
                thousands(dead),
                thousands(dead / 2 + 1),
            ),
            _ => format!(
                "Residents of {} described the scene to reporters from the {} network.",
                name(&mut rng),
                name(&mut rng),
            ),
        };
        s.push_str(&line);
        s.push(if rng.below(3) == 0 { '\n' } else { ' ' });
        if rng.below(4) == 0 {
            s.push('\n');
        }
    }
    s.push('\n');
    s
}

/// `n` documents, four reports per event, ready for analysis.
fn documents(n: usize) -> Vec<Document> {
    (0..n as u64)
        .map(|i| {
            let mut d = parse_document(
                format!("bench/e{}/s{}.txt", i / 4, i % 4),
                Format::Text,
                report(i / 4, i % 4),
                &IngestOptions::default(),
            );
            d.id = format!("d{}", i + 1);
            d
        })
        .collect()
}

/// Extraction alone (segment, claims, profile), one document after another on
/// one thread: divan reports bytes of text per second.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn extract_one_core(bencher: divan::Bencher) {
    let docs = documents(800);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut n = 0;
        for d in &docs {
            let segs = segment::segment(d);
            let (claims, profile) = extract::extract_and_profile(d, &segs);
            n += claims.len();
            black_box(profile);
        }
        n
    });
}

/// The whole pipeline on all cores, as `crosscheck check` runs it after reading.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn analyse_all_cores(bencher: divan::Bencher) {
    let docs = documents(800);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .with_inputs(|| docs.clone())
        .bench_values(|docs| crosscheck::analyse(docs).discrepancies.len());
}

/// Claims and profiles of `n` documents, extracted once outside the timing.
fn extracted(n: usize) -> (Vec<Claim>, Vec<Profile>) {
    let mut claims = Vec::new();
    let mut profiles = Vec::new();
    for d in documents(n) {
        let segs = segment::segment(&d);
        let (c, p) = extract::extract_and_profile(&d, &segs);
        claims.extend(c);
        profiles.push(p);
    }
    (claims, profiles)
}

/// Story grouping, clustering and comparison. The argument is the number of
/// documents; about 12,000 documents make 100,000 claims, so the time of the
/// largest case is the time per 100,000 claims, and the smaller one shows how
/// it scales.
#[divan::bench(args = [3_000, 12_000], sample_count = 3, sample_size = 1)]
fn cluster_and_compare(bencher: divan::Bencher, docs: usize) {
    let (claims, profiles) = extracted(docs);
    bencher
        .counter(ItemsCount::new(claims.len()))
        .with_inputs(|| claims.clone())
        .bench_values(|mut claims| {
            let clusters = crosscheck::cluster::cluster(&mut claims, &profiles);
            crosscheck::compare::compare(&claims, &clusters, &profiles).len()
        });
}
