//! Runs every case of `tests/cases/numbers.toml` and reports all failing case names at once.

use serde::Deserialize;

use super::find_numbers;
use crate::extract::NumberMatch;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    /// Sentences; `[` `]` mark where each expected figure's quote is.
    input: Vec<String>,
    expect: Vec<Expect>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    low: f64,
    /// Defaults to `low`; `inf` for an open bound.
    high: Option<f64>,
    /// Defaults to `low`.
    stated: Option<f64>,
    /// Defaults to "count".
    kind: Option<String>,
    /// Checked when given; "" means none.
    unit: Option<String>,
    /// Checked when given; "" means none.
    noun: Option<String>,
    /// Checked when given.
    precision: Option<String>,
    /// Checked when given.
    rule: Option<crate::rule::Rule>,
}

/// Strip the `[` `]` marks (`[[` `]]` are literal brackets): the plain sentence and
/// the marked byte spans.
fn unmark(s: &str) -> (String, Vec<(usize, usize)>) {
    let mut plain = String::new();
    let mut spans = Vec::new();
    let mut open = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        // "[[" and "]]" stand for a literal bracket
        if matches!(c, '[' | ']') && chars.peek() == Some(&c) {
            chars.next();
            plain.push(c);
            continue;
        }
        match c {
            '[' => open = Some(plain.len()),
            ']' => {
                if let Some(o) = open.take() {
                    spans.push((o, plain.len()));
                }
            }
            _ => plain.push(c),
        }
    }
    (plain, spans)
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

fn lower_debug<T: std::fmt::Debug>(x: T) -> String {
    format!("{x:?}").to_lowercase()
}

/// Differences between a found match and an expectation, as text.
fn diff(m: &NumberMatch, e: &Expect, span: (usize, usize), plain: &str) -> Vec<String> {
    let mut d = Vec::new();
    if (m.start, m.end) != span {
        d.push(format!(
            "quote {:?} != {:?}",
            plain.get(m.start..m.end).unwrap_or("?"),
            plain.get(span.0..span.1).unwrap_or("?")
        ));
    }
    let high = e.high.unwrap_or(e.low);
    let stated = e.stated.unwrap_or(e.low);
    if !close(m.low, e.low) || !close(m.high, high) || !close(m.stated, stated) {
        d.push(format!(
            "value [{}, {}] stated {} != [{}, {}] stated {}",
            m.low, m.high, m.stated, e.low, high, stated
        ));
    }
    let kind = e.kind.as_deref().unwrap_or("count");
    if lower_debug(m.kind) != kind {
        d.push(format!("kind {:?} != {kind}", m.kind));
    }
    if let Some(u) = &e.unit
        && m.unit.unwrap_or("") != u
    {
        d.push(format!("unit {:?} != {u:?}", m.unit));
    }
    if let Some(n) = &e.noun
        && m.noun.as_deref().unwrap_or("") != n
    {
        d.push(format!("noun {:?} != {n:?}", m.noun));
    }
    if let Some(p) = &e.precision
        && &lower_debug(m.precision) != p
    {
        d.push(format!("precision {:?} != {p}", m.precision));
    }
    if let Some(r) = &e.rule
        && m.rule != *r
    {
        d.push(format!("rule {} != {r}", m.rule));
    }
    d
}

#[test]
fn cases_in_numbers_toml() {
    let file: File = toml::from_str(include_str!("../../../tests/cases/numbers.toml"))
        .expect("tests/cases/numbers.toml parses");
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in &file.case {
        assert!(!case.input.is_empty(), "{}: no input", case.name);
        for input in &case.input {
            checked += 1;
            let (plain, spans) = unmark(input);
            if spans.len() != case.expect.len() {
                failures.push(format!(
                    "{}: {} marks but {} expectations in {input:?}",
                    case.name,
                    spans.len(),
                    case.expect.len()
                ));
                continue;
            }
            let found = find_numbers(&plain);
            let shown = || {
                found
                    .iter()
                    .map(|m| {
                        format!(
                            "{:?} [{}, {}] {:?} {:?} {:?} {}",
                            plain.get(m.start..m.end).unwrap_or("?"),
                            m.low,
                            m.high,
                            m.kind,
                            m.unit,
                            m.noun,
                            m.rule
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            if found.len() != case.expect.len() {
                failures.push(format!(
                    "{}: {input:?}: found {} figures, want {}: {}",
                    case.name,
                    found.len(),
                    case.expect.len(),
                    shown()
                ));
                continue;
            }
            for ((m, e), span) in found.iter().zip(&case.expect).zip(&spans) {
                let d = diff(m, e, *span, &plain);
                if !d.is_empty() {
                    failures.push(format!("{}: {input:?}: {}", case.name, d.join(", ")));
                }
            }
        }
    }
    assert!(checked > 0);
    assert!(
        failures.is_empty(),
        "{} of {checked} inputs failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn pathological_input_neither_panics_nor_hangs() {
    let long_number = "9".repeat(400);
    let digits_only = (0..2000)
        .map(|i| (i % 10).to_string())
        .collect::<Vec<_>>()
        .join(" ");
    let list = (0..5000)
        .map(|i| (i % 10).to_string())
        .collect::<Vec<_>>()
        .join(",");
    let hyphens = vec!["a"; 20000].join("-");
    let words = "one two three four five six seven eight nine ten ".repeat(300);

    let inputs = [
        long_number.as_str(),
        &format!("{long_number} people"),
        &format!("more than {long_number}.{long_number} troops"),
        digits_only.as_str(),
        list.as_str(),
        hyphens.as_str(),
        words.as_str(),
        "1,2,3,4,5...",
        "$",
        "€€€ 5",
        "between",
        "between 5 and",
        "a",
        "both",
        "one-",
        "-1",
        "1e400 people",
        "‐‐‐ 3 ‐‐‐",
        "café 3 naïve",
        "3\u{a0}",
        "\u{a0}1\u{a0}2",
        "tens of",
        "half a",
        "a couple of",
        "magnitude-",
        "5-",
        "5 -",
        "5–",
    ];
    for s in inputs {
        let start = std::time::Instant::now();
        for m in find_numbers(s) {
            assert!(
                s.is_char_boundary(m.start) && s.is_char_boundary(m.end),
                "{s:?}"
            );
            assert!(m.start < m.end && m.end <= s.len());
            assert!(
                m.low.is_finite() && m.stated.is_finite() && !m.high.is_nan(),
                "{s:?}"
            );
            assert!(m.low <= m.high, "{s:?}");
        }
        assert!(
            // generous: a debug build on a busy machine; a hang or a quadratic walk
            // over these inputs takes minutes
            start.elapsed().as_secs() < 5,
            "slow on {:?}",
            &s[..s.len().min(40)]
        );
    }
    // the 400-digit number is no figure
    assert!(find_numbers(&long_number).is_empty());
}

#[test]
fn sentences_without_figures_find_nothing() {
    for s in [
        "",
        "The council met on the river bank and talked about the weather.",
        "Nobody said anything.",
    ] {
        assert!(find_numbers(s).is_empty(), "{s}");
    }
}

/// A look at real text, for development: `NUMBERS_DUMP=<dir or file> cargo test --lib
/// number::tests::dump -- --ignored --nocapture` prints every figure with its sentence.
#[test]
#[ignore]
#[allow(clippy::print_stdout)]
fn dump() {
    let Ok(path) = std::env::var("NUMBERS_DUMP") else {
        return;
    };
    let opts = crate::ingest::IngestOptions::default();
    let docs = crate::ingest::ingest(&[std::path::PathBuf::from(path)], &opts).documents;
    let mut total = 0;
    let mut sentences = 0;
    let mut in_grammar = std::time::Duration::ZERO;
    let mut in_prefilter = std::time::Duration::ZERO;
    let mut in_tokenize = std::time::Duration::ZERO;
    let start = std::time::Instant::now();
    for d in &docs {
        // segment.rs is not ours; a panic there must not stop the look
        let Ok(segments) = std::panic::catch_unwind(|| crate::segment::segment(d)) else {
            println!("segment panicked on {}", d.path);
            continue;
        };
        for s in segments {
            let sentence = &d.text[s.start..s.end];
            let dates = crate::extract::date::find_dates(sentence, d.published);
            let t0 = std::time::Instant::now();
            let found = find_numbers(sentence);
            in_grammar += t0.elapsed();
            let t1 = std::time::Instant::now();
            std::hint::black_box(super::PREFILTER.is_match(sentence));
            in_prefilter += t1.elapsed();
            let t2 = std::time::Instant::now();
            let lowered = crate::extract::scan::ascii_lower(sentence);
            std::hint::black_box(crate::extract::scan::tokenize(sentence, &lowered));
            in_tokenize += t2.elapsed();
            sentences += 1;
            let numbers = found
                .into_iter()
                .filter(|n| !dates.iter().any(|d| n.start < d.end && d.start < n.end));
            for m in numbers {
                total += 1;
                println!(
                    "{:<24} [{}, {}] {:?} {:?} noun={:?} {} | {}",
                    format!("{:?}", &sentence[m.start..m.end]),
                    m.low,
                    m.high,
                    m.kind,
                    m.unit,
                    m.noun,
                    m.rule,
                    crate::extract::squash_space(sentence)
                );
            }
        }
    }
    println!(
        "{total} figures in {sentences} sentences of {} documents, {:?} ({:?} in find_numbers; \
         alone: {:?} prefilter regex, {:?} tokenize)",
        docs.len(),
        start.elapsed(),
        in_grammar,
        in_prefilter,
        in_tokenize
    );
}

/// Random sentences built from the grammar's own pieces: nothing may panic and every
/// match must be a well-formed interval on char boundaries.
#[test]
fn random_pieces_never_panic() {
    const PIECES: &[&str] = &[
        "a",
        "an",
        "one",
        "two",
        "thirty",
        "-",
        "five",
        "hundred",
        "and",
        "$",
        "US",
        "€",
        "1,000",
        "1.5",
        "(",
        ")",
        "[",
        "]",
        "'s",
        "’",
        "%",
        "million",
        "bn",
        "between",
        "to",
        "or",
        "more",
        "than",
        "about",
        "°",
        "C",
        ".",
        ",",
        "No",
        "year",
        "old",
        "é",
        "man",
        "both",
        "couple",
        "of",
        "dozens",
        "tens",
        "thousands",
        "magnitude",
        "6.4",
        "km",
        "per",
        "cent",
        "2020",
        "911",
        "555",
        "0147",
        ":",
        "/",
        "+",
        "plus",
        "odd",
        "pounds",
        "weighing",
        "half",
        "several",
        "few",
        "\u{a0}",
        "12",
        "–",
        "Jr",
        "Smith",
        "aged",
        "under",
        "children",
        "p",
        "m",
        "s",
        "3bn",
        "10pm",
        "21st",
        "G7",
        "—",
        "“",
        "square",
        "miles",
        "USD",
        "Rs",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..20_000 {
        let len = (next() % 14) as usize;
        let mut s = String::new();
        for _ in 0..len {
            let p = PIECES[(next() % PIECES.len() as u64) as usize];
            if next() % 3 != 0 {
                s.push(' ');
            }
            s.push_str(p);
        }
        for m in find_numbers(&s) {
            assert!(
                s.is_char_boundary(m.start) && s.is_char_boundary(m.end),
                "{s:?}"
            );
            assert!(m.start < m.end && m.end <= s.len(), "{s:?}");
            assert!(
                m.low.is_finite() && m.stated.is_finite() && !m.high.is_nan(),
                "{s:?}"
            );
            assert!(m.low <= m.high, "{s:?}: {m:?}");
        }
    }
}

/// Words to ask an index about: every entry of every table, and near misses
/// (cut short, one letter more, capitalised, plural, empty).
fn probe_words() -> Vec<String> {
    use super::lexicon::*;
    let mut keys: Vec<&str> = Vec::new();
    for t in [
        &UNITS[..],
        &TENS[..],
        &SCALES[..],
        &MONEY_SCALES[..],
        &VAGUE_PLURALS[..],
        &PLURAL_SCALES[..],
    ] {
        keys.extend(t.iter().map(|e| e.0));
    }
    for t in [
        &CURRENCY_CODES[..],
        &CURRENCY_WORDS[..],
        &DOLLAR_PREFIXES[..],
        &UNITS_OF_MEASURE[..],
    ] {
        keys.extend(t.iter().map(|e| e.0));
    }
    for l in [
        &PERSON_PLURAL[..],
        &PERSON_MODIFIERS[..],
        &TIME_UNITS[..],
        &ID_BEFORE[..],
        &VERB_MARKERS[..],
        &ARTICLE_BLOCKERS[..],
        &BOTH_VERBS[..],
        &CASUALTY_WORDS[..],
        &CLOCK_AFTER[..],
        &HARM_VERBS[..],
        &MONTHS[..],
        &NOUN_MODIFIERS[..],
        &ONE_BLOCKERS_AFTER[..],
        &ONE_BLOCKERS_BEFORE[..],
        &PARENTS[..],
        &POSSESSIVE_HARM_VERBS[..],
        &STREET_SUFFIXES[..],
        &PERSON_SINGULAR[..],
        &NOT_NOUNS[..],
    ] {
        keys.extend(l.iter().copied());
    }
    keys.extend(QUALIFIERS.iter().flat_map(|q| q.0.iter().copied()));
    let mut words = vec![String::new(), "the".to_string(), "x".to_string()];
    for k in keys {
        let mut chars = k.chars();
        chars.next_back();
        words.push(k.to_string());
        words.push(chars.as_str().to_string());
        words.push(format!("{k}s"));
        words.push(format!("{k}x"));
        words.push(k.to_uppercase());
        words.push(k.to_lowercase());
    }
    words
}

#[test]
fn indexed_tables_agree_with_a_scan() {
    use super::lexicon::*;
    use super::*;
    fn scan<T: Copy>(table: &[(&str, T)], key: &str) -> Option<T> {
        table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }
    let words = probe_words();
    type Pair<V> = (&'static [(&'static str, V)], &'static LexMap<V>);
    let f64_tables: [Pair<f64>; 6] = [
        (&UNITS[..], &UNITS_MAP),
        (&TENS[..], &TENS_MAP),
        (&SCALES[..], &SCALES_MAP),
        (&MONEY_SCALES[..], &MONEY_SCALES_MAP),
        (&VAGUE_PLURALS[..], &VAGUE_PLURALS_MAP),
        (&PLURAL_SCALES[..], &PLURAL_SCALES_MAP),
    ];
    let str_tables: [Pair<&str>; 4] = [
        (&CURRENCY_CODES[..], &CURRENCY_CODES_MAP),
        (&CURRENCY_WORDS[..], &CURRENCY_WORDS_MAP),
        (&DOLLAR_PREFIXES[..], &DOLLAR_PREFIXES_MAP),
        (&UNITS_OF_MEASURE[..], &UNITS_OF_MEASURE_MAP),
    ];
    let lists: [(&[&str], &LexSet); 12] = [
        (&ARTICLE_BLOCKERS[..], &ARTICLE_BLOCKERS_SET),
        (&BOTH_VERBS[..], &BOTH_VERBS_SET),
        (&CASUALTY_WORDS[..], &CASUALTY_WORDS_SET),
        (&CLOCK_AFTER[..], &CLOCK_AFTER_SET),
        (&HARM_VERBS[..], &HARM_VERBS_SET),
        (&MONTHS[..], &MONTHS_SET),
        (&NOUN_MODIFIERS[..], &NOUN_MODIFIERS_SET),
        (&ONE_BLOCKERS_AFTER[..], &ONE_BLOCKERS_AFTER_SET),
        (&ONE_BLOCKERS_BEFORE[..], &ONE_BLOCKERS_BEFORE_SET),
        (&PARENTS[..], &PARENTS_SET),
        (&POSSESSIVE_HARM_VERBS[..], &POSSESSIVE_HARM_VERBS_SET),
        (&STREET_SUFFIXES[..], &STREET_SUFFIXES_SET),
    ];
    let mut hits = 0;
    for w in &words {
        for (table, map) in f64_tables {
            assert_eq!(
                get(map, w).map(f64::to_bits),
                scan(table, w).map(f64::to_bits),
                "{w:?}"
            );
            hits += usize::from(get(map, w).is_some());
        }
        for (table, map) in str_tables {
            assert_eq!(get(map, w), scan(table, w), "{w:?}");
        }
        for (list, set) in lists {
            assert_eq!(in_set(set, w), list.contains(&w.as_str()), "{w:?}");
        }
        assert_eq!(small_number_word(w), scan(&UNITS, w), "{w:?}");
        for (list, set) in [
            (&NOT_NOUNS[..], &NOT_NOUNS_SET),
            (&PERSON_SINGULAR[..], &PERSON_SINGULAR_SET),
            (&PERSON_PLURAL[..], &PERSON_PLURAL_SET),
            (&PERSON_MODIFIERS[..], &PERSON_MODIFIERS_SET),
            (&TIME_UNITS[..], &TIME_UNITS_SET),
            (&ID_BEFORE[..], &ID_BEFORE_SET),
            (&VERB_MARKERS[..], &VERB_MARKERS_SET),
        ] {
            assert_eq!(in_set(set, w), list.contains(&w.as_str()), "{w:?}");
        }
    }
    // every starter is one, and some common words are not
    for (words, _) in QUALIFIERS.iter() {
        assert!(STARTERS.contains(words[0]), "{}", words[0]);
    }
    for w in ["the", "a", "an", "both", "dozens", "usd", "rs", "magnitude"] {
        assert!(STARTERS.contains(w), "{w}");
    }
    for w in ["", "of", "and", "said", "police", "thee", "usda", "x"] {
        assert!(!STARTERS.contains(w), "{w}");
    }
    // the probe is no vacuous one
    assert!(hits > 40, "{hits}");
}

#[test]
fn qualifiers_by_first_word_agree_with_a_scan() {
    use super::lexicon::*;
    // every qualifier, and every qualifier cut short or run on, as a sentence
    let mut sentences = Vec::new();
    for (words, _) in QUALIFIERS.iter() {
        let phrase = words.join(" ");
        sentences.push(format!("{phrase} 40 people"));
        sentences.push(format!("{} 40 people", words[..words.len() - 1].join(" ")));
        sentences.push(format!("{phrase} than 40 people"));
        sentences.push(format!("{} 40", phrase.to_uppercase()));
    }
    for s in &sentences {
        let lowered = crate::extract::scan::ascii_lower(s);
        let toks = crate::extract::scan::tokenize(s, &lowered);
        let p = super::Parser::new(&toks);
        let scan = QUALIFIERS
            .iter()
            .find_map(|(words, q)| p.phrase(0, words).map(|next| (*q, next)));
        assert_eq!(p.qualifier(0), scan, "{s:?}");
    }
    // each qualifier is found as itself
    for (words, q) in QUALIFIERS.iter() {
        let s = format!("{} 5", words.join(" "));
        let lowered = crate::extract::scan::ascii_lower(&s);
        let toks = crate::extract::scan::tokenize(&s, &lowered);
        let got = super::Parser::new(&toks).qualifier(0);
        assert!(got.is_some_and(|(g, _)| g == *q), "{s:?}");
    }
}
