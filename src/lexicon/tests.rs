//! Takes every file of `lexicon/`, hands on a failure naming each word that breaks a
//! rule of the lexicon.
//! Rule that is not obvious: only *classes* (lists that say what a word means: a
//! measure, an event, a person, a month) must not share words; *cue lists* (the words
//! one rule looks for next to a figure: "was", "after", "including") overlap with
//! anything by nature and are only checked for shape.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// A list of words of one class, with the concept it belongs to.
struct Class {
    /// `file: list` (or `file: list name` for an entry of a table).
    name: String,
    /// The concept: two classes of one concept never share a word.
    concept: &'static str,
    words: Vec<&'static str>,
}

fn class(name: impl Into<String>, concept: &'static str, words: &[&'static str]) -> Class {
    Class {
        name: name.into(),
        concept,
        words: words.to_vec(),
    }
}

fn firsts<T>(pairs: &[(&'static str, T)]) -> Vec<&'static str> {
    pairs.iter().map(|p| p.0).collect()
}

/// Every class list of the lexicon.
fn classes() -> Vec<Class> {
    let mut out = Vec::new();
    for m in MEASURES.change.iter().chain(&MEASURES.noun) {
        out.push(class(
            format!("measures.toml: {}", m.measure),
            "measure",
            &m.words,
        ));
        if !m.estimated.is_empty() {
            out.push(class(
                format!("measures.toml: {} (estimated)", m.measure),
                "measure",
                &m.estimated,
            ));
        }
    }
    for m in &MEASURES.frame {
        let concept = if m.money {
            "money frame"
        } else {
            "duration frame"
        };
        out.push(class(
            format!("measures.toml: frame {}", m.measure),
            concept,
            &m.words,
        ));
    }
    for e in &EVENTS.event {
        out.push(class(
            format!("events.toml: {}", e.class),
            "event",
            &e.words,
        ));
    }
    out.push(class(
        "incidents.toml: counted",
        "incident noun",
        &INCIDENTS.counted,
    ));
    out.push(class(
        "incidents.toml: tallies",
        "tally noun",
        &INCIDENTS.tallies,
    ));
    out.push(class(
        "people.toml: singular",
        "one person",
        &PEOPLE.singular,
    ));
    out.push(class("people.toml: plural", "people", &PEOPLE.plural));
    out.push(class(
        "people.toml: counted",
        "counted people",
        &PEOPLE.counted,
    ));
    out.push(class("people.toml: parents", "parent", &PEOPLE.parents));
    for a in &ACTS.same_act {
        out.push(class(
            format!("acts.toml: same_act {}", a.name),
            "act of an open key",
            &a.words,
        ));
    }
    for a in &ACTS.same_thing_act {
        out.push(class(
            format!("acts.toml: same_thing_act {}", a.name),
            "act of an open key",
            &a.words,
        ));
    }
    for g in &PEOPLE.group {
        out.push(class(
            format!("people.toml: group {}", g.name),
            "group of people",
            &g.words,
        ));
    }
    out.push(class("things.toml: things", "thing", &THINGS.things));
    for (i, names) in CALENDAR.months.iter().enumerate() {
        out.push(class(
            format!("calendar.toml: month {}", i + 1),
            "month",
            names,
        ));
    }
    out.push(class(
        "calendar.toml: weekdays",
        "weekday",
        &CALENDAR.weekdays,
    ));
    out.push(class(
        "periods.toml: time_units",
        "unit of time",
        &PERIODS.time_units,
    ));
    let n = &NUMBER_WORDS;
    out.push(class(
        "number-words.toml: units",
        "number",
        &firsts(&n.units),
    ));
    out.push(class("number-words.toml: tens", "number", &firsts(&n.tens)));
    out.push(class(
        "number-words.toml: tens_misspelt",
        "number",
        &firsts(&n.tens_misspelt),
    ));
    out.push(class(
        "number-words.toml: scales",
        "number",
        &firsts(&n.scales),
    ));
    out.push(class(
        "number-words.toml: money_scales",
        "money scale",
        &firsts(&n.money_scales),
    ));
    out.push(class(
        "number-words.toml: vague_plurals",
        "vague plural",
        &firsts(&n.vague_plurals),
    ));
    out.push(class(
        "number-words.toml: plural_scales",
        "plural scale",
        &firsts(&n.plural_scales),
    ));
    out.push(class("number-words.toml: ordinals", "ordinal", &n.ordinals));
    let c = &CURRENCIES;
    let codes: Vec<&str> = c.codes.iter().map(|p| p.0).collect();
    out.push(class("currencies.toml: codes", "currency", &codes));
    out.push(class(
        "currencies.toml: words",
        "currency",
        &firsts(&c.words),
    ));
    out.push(class("currencies.toml: subunits", "currency", &c.subunits));
    out.push(class(
        "currencies.toml: dollar_prefixes",
        "dollar prefix",
        &firsts(&c.dollar_prefixes),
    ));
    out.push(class(
        "units.toml: units",
        "unit of measure",
        &firsts(&UNITS.units),
    ));
    out
}

/// Pairs of concepts that may share words, and why. Every other pair of classes,
/// and any two classes of one concept, must not.
const MAY_SHARE: &[(&str, &str, &str)] = &[
    (
        "event",
        "measure",
        "a word may name an event and what it did: \"cuts\", \"layoffs\" are a \
         restructuring and the jobs it cut",
    ),
    (
        "event",
        "incident noun",
        "incident nouns are event words in the plural, counted as events (\"two fires\")",
    ),
    (
        "event",
        "tally noun",
        "tally nouns are event words in the plural (\"shootings\")",
    ),
    (
        "event",
        "one person",
        "an agent noun names a person and the event he is the agent of (\"gunman\")",
    ),
    (
        "incident noun",
        "tally noun",
        "a tally noun is an incident noun read by one more rule",
    ),
    (
        "tally noun",
        "measure",
        "the plural of a killing is its toll's cue too (\"homicides\")",
    ),
    (
        "measure",
        "people",
        "`people.plural` holds the nouns a figure may count, which measures name \
         (\"troops\", \"jobs\", \"patients\")",
    ),
    (
        "measure",
        "thing",
        "a counted thing may name a measure (\"rounds\" → shots) or carry a change cue \
         (\"wounds\" → injured); `counts_things` decides, not the class",
    ),
    (
        "measure",
        "unit of measure",
        "a unit may be its own measure (\"magnitude\")",
    ),
    (
        "counted people",
        "one person",
        "`people.counted` is the measure stage's subset of the person nouns (tested below)",
    ),
    (
        "counted people",
        "people",
        "`people.counted` is the measure stage's subset of the person nouns (tested below)",
    ),
    (
        "parent",
        "one person",
        "a parent is a person (\"a mother of three\")",
    ),
    ("parent", "people", "parents are people"),
    (
        "act of an open key",
        "event",
        "an act may name an event (\"closed\"); the event class outranks the open key",
    ),
    (
        "act of an open key",
        "measure",
        "an act may be a measure's cue (\"cut\"); the measure outranks the open key",
    ),
    (
        "group of people",
        "people",
        "a group is told by the plural nouns a figure counts (\"troops\", \"civilians\")",
    ),
    (
        "group of people",
        "one person",
        "a group's member is a person (\"a soldier\")",
    ),
    (
        "group of people",
        "measure",
        "a group may name a counted measure (\"troops\")",
    ),
    (
        "group of people",
        "counted people",
        "`people.counted` nouns may be a group's",
    ),
    (
        "vague plural",
        "plural scale",
        "\"thousands\" alone is a vague count, after \"tens of\" a scale",
    ),
    (
        "money scale",
        "unit of measure",
        "\"m\" is a million next to a currency and metres elsewhere",
    ),
    (
        "ordinal",
        "unit of time",
        "\"second\" is an ordinal and a unit of time; each grammar reads its own",
    ),
    (
        "thing",
        "unit of time",
        "spans of time are things a figure counts (\"three days\")",
    ),
    (
        "thing",
        "unit of measure",
        "distances are things a figure counts (\"50 miles\")",
    ),
];

/// Frames of money and of time name what a sum or a span is of; a word may frame both
/// ("a deal worth £2m", "a four-year deal") and may name an event that lasts.
const FRAME_SHARES: &[(&str, &str, &str)] = &[
    (
        "money frame",
        "duration frame",
        "a deal has a value and a length",
    ),
    (
        "duration frame",
        "event",
        "an event lasts: a strike's length",
    ),
    ("money frame", "event", "an event costs: a transfer's fee"),
];

fn may_share(a: &str, b: &str) -> bool {
    if FRAME_SHARES
        .iter()
        .any(|&(x, y, _)| (x, y) == (a, b) || (x, y) == (b, a))
    {
        return true;
    }
    a != b
        && MAY_SHARE
            .iter()
            .any(|&(x, y, _)| (x, y) == (a, b) || (x, y) == (b, a))
}

/// Each word that sits in two classes that may not share it, with the two classes.
fn conflicts(classes: &[Class]) -> Vec<String> {
    let mut owner: BTreeMap<&str, Vec<&Class>> = BTreeMap::new();
    for c in classes {
        for w in &c.words {
            owner.entry(w).or_default().push(c);
        }
    }
    let mut out = Vec::new();
    for (word, cs) in &owner {
        for (i, a) in cs.iter().enumerate() {
            for b in &cs[i + 1..] {
                if a.name != b.name && !may_share(a.concept, b.concept) {
                    out.push(format!("{word:?}: {} and {}", a.name, b.name));
                }
            }
        }
    }
    out
}

#[test]
fn no_word_sits_in_two_classes_that_conflict() {
    let classes = classes();
    let found = conflicts(&classes);
    assert!(
        found.is_empty(),
        "words in two classes that conflict:\n{}",
        found.join("\n")
    );
    // the rule is no vacuous one: words do sit in two classes that may share them
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &classes {
        for w in &c.words {
            *seen.entry(w).or_default() += 1;
        }
    }
    let shared = seen.values().filter(|&&n| n > 1).count();
    assert!(shared > 10, "{shared}");
}

#[test]
fn the_conflict_rule_catches_what_it_should() {
    // a cue of both deaths and injured, a person that is a thing, a month that is a weekday
    let found = conflicts(&[
        class("a: deaths", "measure", &["fell", "ok"]),
        class("a: injured", "measure", &["fell"]),
        class("b: singular", "one person", &["rider"]),
        class("b: things", "thing", &["rider"]),
        class("c: month 5", "month", &["sun"]),
        class("c: weekdays", "weekday", &["sun"]),
        // allowed: an event word that names a measure too
        class("d: restructuring", "event", &["ok"]),
    ]);
    assert_eq!(
        found,
        [
            "\"fell\": a: deaths and a: injured",
            "\"rider\": b: singular and b: things",
            "\"sun\": c: month 5 and c: weekdays",
        ]
    );
    for (a, b, why) in MAY_SHARE {
        assert!(!why.is_empty() && a != b, "{a} / {b}");
    }
}

#[test]
fn the_measure_stage_counts_only_person_nouns_as_people() {
    let nouns: BTreeSet<&str> = PEOPLE
        .singular
        .iter()
        .chain(&PEOPLE.plural)
        .copied()
        .collect();
    let strays: Vec<&&str> = PEOPLE
        .counted
        .iter()
        .filter(|w| !nouns.contains(**w))
        .collect();
    assert!(strays.is_empty(), "{strays:?}");
    let one: BTreeSet<&str> = PEOPLE.singular.iter().copied().collect();
    let both: Vec<&&str> = PEOPLE.plural.iter().filter(|w| one.contains(**w)).collect();
    assert!(both.is_empty(), "singular and plural: {both:?}");
}

#[test]
fn flags_agree_with_each_other() {
    for e in &EVENTS.event {
        let c = e.class;
        assert!(!(e.durative && (e.sudden || e.recurring)), "{c}: durative");
        assert!(
            !e.commonplace || e.sudden,
            "{c}: commonplace but not sudden"
        );
        assert!(
            !e.process || e.recurring,
            "{c}: a process but not recurring"
        );
        assert!(
            !e.reporting || e.recurring,
            "{c}: reporting but not recurring"
        );
        assert!(!(e.sudden && e.recurring), "{c}: sudden and recurring");
    }
    for m in MEASURES.change.iter().chain(&MEASURES.noun) {
        assert!(!(m.money && m.thing), "{}: money and thing", m.measure);
    }
    for m in &MEASURES.change {
        assert!(!(m.money || m.thing), "{}: a change is no noun", m.measure);
    }
    for m in MEASURES.change.iter().chain(&MEASURES.noun) {
        assert!(!m.duration, "{}: only a frame is a span", m.measure);
    }
    for m in &MEASURES.frame {
        assert!(
            m.money != m.duration,
            "{}: a frame is money or a span",
            m.measure
        );
    }
    // every flag is carried by some entry
    let events = &EVENTS.event;
    for (flag, any) in [
        ("durative", events.iter().any(|e| e.durative)),
        ("sudden", events.iter().any(|e| e.sudden)),
        ("commonplace", events.iter().any(|e| e.commonplace)),
        ("recurring", events.iter().any(|e| e.recurring)),
        ("process", events.iter().any(|e| e.process)),
        ("reporting", events.iter().any(|e| e.reporting)),
        ("money", MEASURES.noun.iter().any(|m| m.money)),
        ("thing", MEASURES.noun.iter().any(|m| m.thing)),
        (
            "state",
            MEASURES
                .change
                .iter()
                .chain(&MEASURES.noun)
                .any(|m| m.state),
        ),
    ] {
        assert!(any, "no entry is {flag}");
    }
}

#[test]
fn measures_and_events_have_unique_names() {
    let mut seen = BTreeSet::new();
    for m in MEASURES
        .change
        .iter()
        .chain(&MEASURES.noun)
        .chain(&MEASURES.frame)
    {
        assert!(seen.insert(m.measure), "measure {} twice", m.measure);
    }
    let mut seen = BTreeSet::new();
    for e in &EVENTS.event {
        assert!(seen.insert(e.class), "event {} twice", e.class);
    }
}

#[test]
fn numbers_sit_where_the_grammars_read_them() {
    // the date grammar reads a cardinal's value from its place
    for (i, (w, v)) in NUMBER_WORDS.units.iter().enumerate() {
        assert_eq!(*v, i as f64, "{w}");
    }
    for (i, (w, v)) in NUMBER_WORDS.tens.iter().enumerate() {
        assert_eq!(*v, (i as f64 + 2.0) * 10.0, "{w}");
    }
    assert_eq!(NUMBER_WORDS.units.len(), 20);
    assert_eq!(NUMBER_WORDS.ordinals.len(), 20);
    assert_eq!(CALENDAR.months.len(), 12);
    assert_eq!(CALENDAR.weekdays.len(), 7);
    let prefixes: BTreeSet<_> = CALENDAR.weekdays.iter().map(|d| d.get(..3)).collect();
    assert_eq!(prefixes.len(), 7);
    for (w, v) in NUMBER_WORDS.tens_misspelt.iter() {
        assert!(NUMBER_WORDS.tens.iter().any(|t| t.1 == *v), "{w}");
    }
}

/// Every list of every file, by name, for the shape checks.
fn all_lists() -> Vec<(String, Vec<&'static str>)> {
    let mut out: Vec<(String, Vec<&'static str>)> =
        classes().into_iter().map(|c| (c.name, c.words)).collect();
    let mut add = |name: &str, words: &[&'static str]| out.push((name.to_string(), words.to_vec()));
    add("events.toml: not_event_phrases", &EVENTS.not_event_phrases);
    let a = &ACTS;
    add("acts.toml: other_acts", &a.other_acts);
    add("acts.toml: not_acts", &a.not_acts);
    add("acts.toml: transitive", &a.transitive);
    add("acts.toml: passive", &a.passive);
    add("acts.toml: now_verbs", &a.now_verbs);
    add("acts.toml: perception", &a.perception);
    add("acts.toml: harm_verbs", &a.harm_verbs);
    add("acts.toml: possessive_harm_verbs", &a.possessive_harm_verbs);
    add("acts.toml: both_verbs", &a.both_verbs);
    add("acts.toml: casualty_words", &a.casualty_words);
    add("acts.toml: changed_words", &a.changed_words);
    add("acts.toml: owning_words", &a.owning_words);
    add("acts.toml: level_verbs", &a.level_verbs);
    add("acts.toml: rate_level_verbs", &a.rate_level_verbs);
    add("acts.toml: rate_direct_verbs", &a.rate_direct_verbs);
    add("acts.toml: auxiliaries", &a.auxiliaries);
    add("acts.toml: occurring_verbs", &a.occurring_verbs);
    add("acts.toml: state_words", &a.state_words);
    add("acts.toml: enrolling_acts", &a.enrolling_acts);
    add("acts.toml: spending_verbs", &a.spending_verbs);
    add("acts.toml: event_phases", &a.event_phases);
    add("acts.toml: earlier_words", &a.earlier_words);
    add("acts.toml: rise_nouns", &a.rise_nouns);
    add("acts.toml: irregular_participles", &a.irregular_participles);
    add("acts.toml: search_words", &a.search_words);
    add("acts.toml: denial_words", &a.denial_words);
    add("acts.toml: blame_words", &a.blame_words);
    add("acts.toml: dying_verbs", &a.dying_verbs);
    add("acts.toml: beginning_verbs", &a.beginning_verbs);
    add("acts.toml: raising_verbs", &a.raising_verbs);
    add("acts.toml: estimating_verbs", &a.estimating_verbs);
    add("acts.toml: extraction_verbs", &a.extraction_verbs);
    add("acts.toml: scheduling_words", &a.scheduling_words);
    add("acts.toml: deferring_words", &a.deferring_words);
    add("acts.toml: capacity_words", &a.capacity_words);
    add("acts.toml: holding_verbs", &a.holding_verbs);
    let f = &FUNCTION_WORDS;
    add("function-words.toml: aside_openers", &f.aside_openers);
    add("function-words.toml: object_starts", &f.object_starts);
    add("function-words.toml: article_blockers", &f.article_blockers);
    add("function-words.toml: both_before", &f.both_before);
    add(
        "function-words.toml: one_blockers_after",
        &f.one_blockers_after,
    );
    add(
        "function-words.toml: one_blockers_before",
        &f.one_blockers_before,
    );
    add("function-words.toml: id_before", &f.id_before);
    add("function-words.toml: noun_run_stops", &f.noun_run_stops);
    add(
        "function-words.toml: attributive_openers",
        &f.attributive_openers,
    );
    add("function-words.toml: object_pronouns", &f.object_pronouns);
    add("function-words.toml: subordinators", &f.subordinators);
    add("function-words.toml: subject_pronouns", &f.subject_pronouns);
    add("function-words.toml: verb_markers", &f.verb_markers);
    add(
        "function-words.toml: emergency_service_nouns",
        &f.emergency_service_nouns,
    );
    add("noun-phrase.toml: modifiers", &NOUN_PHRASE.modifiers);
    add("noun-phrase.toml: not_nouns", &NOUN_PHRASE.not_nouns);
    add(
        "noun-phrase.toml: generic_heads",
        &NOUN_PHRASE.generic_heads,
    );
    add("noun-phrase.toml: level_heads", &NOUN_PHRASE.level_heads);
    add("noun-phrase.toml: scope_words", &NOUN_PHRASE.scope_words);
    add("people.toml: modifiers", &PEOPLE.modifiers);

    add("things.toml: wound_kinds", &THINGS.wound_kinds);
    add("things.toml: no_open_key", &THINGS.no_open_key);
    add("things.toml: studies", &THINGS.studies);
    add("things.toml: place_cues", &THINGS.place_cues);
    add("things.toml: place_cue_openers", &THINGS.place_cue_openers);
    add("things.toml: issued", &THINGS.issued);
    add("things.toml: body_parts", &THINGS.body_parts);
    let p = &PERIODS;
    add("periods.toml: clock_after", &p.clock_after);
    add("periods.toml: period_units", &p.period_units);
    add("periods.toml: long_units", &p.long_units);
    add("periods.toml: not_a_rate", &p.not_a_rate);
    add("places.toml: wide_places", &PLACES.wide_places);
    add("places.toml: street_suffixes", &PLACES.street_suffixes);
    add("places.toml: directions", &PLACES.directions);
    add(
        "places.toml: place_prepositions",
        &PLACES.place_prepositions,
    );
    add("not-names.toml: words", &NOT_NAMES.words);
    add("abbreviations.toml: words", &ABBREVIATIONS.words);
    let c = &CALENDAR;
    add("calendar.toml: month_prepositions", &c.month_prepositions);
    add("calendar.toml: year_count_nouns", &c.year_count_nouns);
    add("calendar.toml: year_leads", &c.year_leads);
    add("calendar.toml: season_cues", &c.season_cues);
    add("calendar.toml: named_day_leads", &c.named_day_leads);
    let q = &NUMBER_WORDS.qualifiers;
    add("number-words.toml: qualifiers.lower", &q.lower);
    add("number-words.toml: qualifiers.upper", &q.upper);
    add("number-words.toml: qualifiers.about", &q.about);
    add("number-words.toml: qualifiers.nearly", &q.nearly);
    add("number-words.toml: qualifiers.just_over", &q.just_over);
    add("number-words.toml: qualifiers.between", &q.between);
    let symbols: Vec<String> = CURRENCIES.symbols.iter().map(|s| s.0.to_string()).collect();
    assert!(!symbols.is_empty(), "currencies.toml: symbols");
    out
}

#[test]
fn every_list_parses_is_not_empty_and_holds_each_word_once() {
    let lists = all_lists();
    assert!(lists.len() > 60, "{}", lists.len());
    let mut bad = Vec::new();
    for (name, words) in &lists {
        if words.is_empty() {
            bad.push(format!("{name}: empty"));
        }
        let mut seen = BTreeSet::new();
        for w in words {
            if !seen.insert(w) {
                bad.push(format!("{name}: {w:?} twice"));
            }
            if w.is_empty() || w.trim() != *w || w.contains("  ") {
                bad.push(format!("{name}: {w:?} is not a trimmed word"));
            }
            // capitals are read as written only in codes and capitalised leads
            let as_written = name.ends_with(": codes") || name.ends_with("named_day_leads");
            if !as_written && w.to_lowercase() != *w {
                bad.push(format!("{name}: {w:?} is not lower case"));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn every_file_of_the_folder_is_compiled_in() {
    // a file added to lexicon/ but not read by `lexicon.rs` would be dead data
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicon");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .expect("lexicon folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    on_disk.sort();
    let source = include_str!("../lexicon.rs");
    for name in &on_disk {
        assert!(
            source.contains(&format!("\"{name}\"")),
            "{name} is never read"
        );
    }
    assert_eq!(on_disk.len(), 17, "{on_disk:?}");
}

#[test]
fn a_file_that_does_not_parse_names_itself() {
    let err = std::panic::catch_unwind(|| parse::<Words>("broken.toml", "words = [\"a\""))
        .expect_err("a broken file panics");
    let msg = err.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(msg.contains("lexicon/broken.toml"), "{msg}");
    let err = std::panic::catch_unwind(|| parse::<Words>("extra.toml", "words = [\"a\"]\nx = 1"));
    assert!(err.is_err(), "an unknown list is an error");
}
