//! End to end: fixtures that each pin one behaviour of clustering and comparison,
//! and a snapshot of the report on the bundled example corpus.

use assert_cmd::Command;
use serde_json::Value;

fn crosscheck() -> Command {
    Command::cargo_bin("crosscheck").expect("binary builds")
}

/// Run `check --format json` on a fixture folder; returns the report and exit code.
fn check(fixture: &str) -> (Value, i32) {
    let out = crosscheck()
        .args(["check", "--format", "json"])
        .arg(format!("tests/fixtures/pipeline/{fixture}"))
        .output()
        .expect("runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    (report, out.status.code().expect("exit code"))
}

/// The quotes of each discrepancy, as (severity, sorted quotes).
fn findings(report: &Value) -> Vec<(String, Vec<String>)> {
    let claims = report["claims"].as_array().expect("claims");
    let quote = |id: &Value| {
        claims
            .iter()
            .find(|c| c["id"] == *id)
            .map(|c| c["quote"].as_str().unwrap_or_default().to_string())
            .expect("discrepancy names a known claim")
    };
    report["discrepancies"]
        .as_array()
        .expect("discrepancies")
        .iter()
        .map(|d| {
            let mut q: Vec<String> = d["claims"]
                .as_array()
                .expect("ids")
                .iter()
                .map(quote)
                .collect();
            q.sort();
            (d["severity"].as_str().unwrap_or_default().to_string(), q)
        })
        .collect()
}

/// The fixture's run is clean: no finding, exit 0.
fn no_findings(fixture: &str) {
    let (report, code) = check(fixture);
    assert_eq!(findings(&report), Vec::new());
    assert_eq!(code, 0);
}

#[test]
fn a_toll_that_cannot_hold_is_a_contradiction() {
    let (report, code) = check("toll");
    assert_eq!(code, 1);
    let f = findings(&report);
    assert!(
        f.iter().any(|(sev, q)| sev == "contradiction"
            && q.contains(&"At least 120".to_string())
            && q.contains(&"85".to_string())),
        "{f:?}"
    );
    // "About 4,000" and "Some 4,000" displaced agree
    assert!(
        !f.iter().any(|(_, q)| q.iter().any(|x| x.contains("4,000"))),
        "{f:?}"
    );
}

#[test]
fn the_same_figure_written_two_ways_is_not_flagged() {
    let (report, code) = check("agree");
    assert_eq!(code, 0, "{:?}", findings(&report));
    assert!(findings(&report).is_empty());
}

#[test]
fn parts_from_one_source_are_summed_against_another_total() {
    let (report, _) = check("parts");
    let f = findings(&report);
    // 140 + 95 = 235 cannot be "at least 300"
    assert!(
        f.iter().any(|(sev, q)| sev == "contradiction"
            && q.contains(&"140".to_string())
            && q.contains(&"95".to_string())
            && q.contains(&"at least 300".to_string())),
        "{f:?}"
    );
}

#[test]
fn tolls_of_different_wars_stay_apart() {
    let (report, code) = check("eras");
    assert_eq!(code, 0, "{:?}", findings(&report));
}

#[test]
fn one_document_never_contradicts_itself() {
    let (report, code) = check("same-doc");
    assert_eq!(code, 0, "{:?}", findings(&report));
    let claims = report["claims"].as_array().expect("claims");
    assert!(
        claims.iter().any(|c| c["quote"] == "19"),
        "the figures are still extracted"
    );
}

#[test]
fn a_report_of_a_total_and_its_part_agrees_with_the_total() {
    // "four killed" and, later, "killed two workers in the loading bay"
    no_findings("total-and-part");
}

#[test]
fn shootings_in_one_city_a_week_apart_stay_apart() {
    // two reports each agree on their own day, the second day after the first
    // pair was published: two events, though every name is shared
    no_findings("weekends");
}

/// The fixture's run fails with one contradiction, between these quotes (sorted).
fn only_contradiction(fixture: &str, quotes: &[&str]) {
    let (report, code) = check(fixture);
    assert_eq!(code, 1);
    let quotes: Vec<String> = quotes.iter().map(|q| q.to_string()).collect();
    assert_eq!(
        findings(&report),
        vec![("contradiction".to_string(), quotes)]
    );
}

/// A news report of an outbreak and a doctor's column the next day share only the
/// town's name: a slow event told a day apart in one place is one instance, and
/// the two coverage figures disagree.
#[test]
fn a_slow_event_told_a_day_apart_in_one_place_is_one_event() {
    only_contradiction("slow-event-next-day", &["79%", "88%"]);
}

/// A report of a storm that shares the quake reports' insurer and relief office
/// gives a bill whose sentence names no event: it is not the quake's bill.
#[test]
fn a_report_of_another_disaster_does_not_take_the_storys_event() {
    only_contradiction("another-disaster", &["40", "52"]);
}

/// One insurer's quake charge and another group's charge for a lay-off, in a
/// report led by the group and its unit together (two names tied at the top):
/// neither report names the other's leading names, so the two charges are two
/// owners' and never a finding at the default confidence.
#[test]
fn two_companies_charges_are_not_compared() {
    no_findings("two-insurers");
}

/// A count keyed on its own words ("containers, carried") in two sentences that
/// name no one, in two reports of one sinking: nothing makes them two owners'
/// figures, so they meet at the default confidence.
#[test]
fn an_open_key_in_sentences_that_name_no_one_is_compared() {
    only_contradiction("unowned-open-key", &["14", "nine"]);
}

/// The same words said of "he" in two match reports: whose passes each counts
/// is told elsewhere, so the pair stays below the default confidence.
#[test]
fn an_open_key_said_of_a_pronoun_is_not_compared() {
    no_findings("pronoun-open-key");
}

#[test]
fn what_changes_from_day_to_day_is_no_disagreement() {
    // "last week" said five days after a Tuesday, and patients still in
    // hospital on two different days, agree; the two tolls do not
    only_contradiction("day-to-day", &["Two", "Two", "three"]);
}

#[test]
fn shootings_recalled_by_month_are_not_compared() {
    // two reports each recall "a shooting in March 2024": a month holds many
    // shootings, so their tolls are no disagreement about one
    no_findings("recalled");
}

#[test]
fn distances_are_compared_only_from_one_named_place() {
    // "30 miles north of X" against "45 miles north of X" disagree; "12 miles
    // from the depot" and "5 miles away" measure other things
    only_contradiction("distances", &["45 miles", "about 30 miles"]);
}

#[test]
fn court_dates_are_compared_only_between_reports_of_one_day() {
    // a past appearance and the next court date are different steps; two
    // reports of one day that put the next step on different days disagree
    only_contradiction("hearings", &["May 20", "May 22"]);
}

#[test]
fn an_outlets_page_furniture_does_not_tie_its_reports_together() {
    // one station prints its name, county and menus atop every report: two of
    // its reports of different shootings stay apart, while another outlet's
    // report of the first shooting still meets it
    only_contradiction("furniture", &["Three", "Two"]);
}

#[test]
fn two_round_ups_written_the_same_day_about_different_days_stay_apart() {
    // a weekend's shootings and Tuesday's, in one city, by two outlets on one
    // day: the neighbourhoods and hospitals are shared, the events are not
    no_findings("round-ups");
}

#[test]
fn two_reports_of_one_day_that_date_one_flood_a_week_apart_disagree() {
    // neither dates it on the day of writing: one of them misdated it
    only_contradiction("misdated-same-day", &["Feb. 10", "February 17, 2022"]);
}

#[test]
fn a_lone_report_that_misdates_the_event_is_flagged() {
    let (report, code) = check("misdated");
    assert_eq!(code, 1);
    let f = findings(&report);
    assert!(
        f.iter()
            .any(|(sev, q)| sev == "contradiction" && q.contains(&"June 3".to_string())),
        "{f:?}"
    );
}

#[test]
fn json_contract_has_the_documented_fields() {
    let (report, _) = check("toll");
    let doc = &report["documents"][0];
    for key in ["id", "path", "published", "outlet", "title"] {
        assert!(doc.get(key).is_some(), "document lacks {key}");
    }
    let claim = report["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .find(|c| c["quote"] == "At least 120")
        .expect("toll claim");
    for key in [
        "id", "document", "kind", "quote", "sentence", "line", "column", "start", "end", "value",
        "measure", "topic",
    ] {
        assert!(claim.get(key).is_some(), "claim lacks {key}");
    }
    assert_eq!(claim["kind"], "count");
    assert_eq!(claim["value"]["low"], 120);
    assert!(claim["value"]["high"].is_null(), "an open bound is null");
    assert_eq!(claim["value"]["stated"], 120);
    assert_eq!(claim["line"], 6);
    let d = &report["discrepancies"][0];
    for key in ["id", "topic", "severity", "claims", "summary"] {
        assert!(d.get(key).is_some(), "discrepancy lacks {key}");
    }
}

#[test]
fn spans_point_at_the_quote_in_the_file() {
    let (report, _) = check("toll");
    let text = std::fs::read_to_string("tests/fixtures/pipeline/toll/a.md").expect("fixture");
    for c in report["claims"].as_array().expect("claims") {
        if !report["documents"][0]["path"]
            .as_str()
            .unwrap_or_default()
            .ends_with("a.md")
            || c["document"] != report["documents"][0]["id"]
        {
            continue;
        }
        let (s, e) = (
            c["start"].as_u64().expect("start") as usize,
            c["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(&text[s..e], c["quote"].as_str().expect("quote"));
        let line = c["line"].as_u64().expect("line") as usize;
        assert!(
            text.lines()
                .nth(line - 1)
                .expect("line exists")
                .contains(c["quote"].as_str().expect("quote"))
        );
    }
}

/// `check data/` as a newcomer's first run prints it: piped or in a
/// 120-column UTF-8 terminal.
fn data_check(format: &str) -> String {
    let out = crosscheck()
        .env_remove("COLUMNS")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .env("LANG", "C.UTF-8")
        .args(["check", "--format", format, "data/"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "the example corpus has disagreements"
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn example_corpus_report_is_stable() {
    let table = data_check("table");
    insta::assert_snapshot!("data_check_table", table);
    insta::assert_snapshot!("data_check_brief", data_check("brief"));
}

/// The README and data/README.md show exactly what `check data/` prints.
#[test]
fn the_readmes_show_what_check_data_prints() {
    let table = data_check("table");
    let data_readme = std::fs::read_to_string("data/README.md").expect("data/README.md");
    assert!(
        data_readme.contains(&table),
        "data/README.md must hold the output of `cargo run --release -- check data/`:\n{table}"
    );
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let brief = data_check("brief");
    assert!(
        readme.contains(&brief),
        "README.md must hold the output of `check --format brief data/`:\n{brief}"
    );
    let totals = table.lines().last().expect("a totals line");
    assert!(
        readme.contains(totals),
        "README.md must give the totals line {totals}"
    );
    let first: Vec<&str> = readme.lines().take(5).collect();
    assert!(
        first
            .iter()
            .any(|l| l.starts_with("cargo run --release -- check data/"))
    );
    assert!(first.iter().any(|l| l.starts_with("cargo test --release")));
}

#[test]
fn output_does_not_depend_on_thread_count() {
    let run = |threads: &str| {
        crosscheck()
            .args(["check", "--format", "json", "--threads", threads, "data/"])
            .output()
            .expect("runs")
            .stdout
    };
    assert_eq!(run("1"), run("2"));
}

#[test]
fn reports_sharing_a_rare_name_and_their_figures_are_one_story() {
    // the trade paper shares one name and two figures with the wire: its span of the
    // strike (three weeks) is set against the wire's twelve days
    let (report, code) = check("shared-figures");
    let found = findings(&report);
    assert!(
        found.iter().any(
            |(_, q)| q.contains(&"12-day".to_string()) && q.contains(&"three-week".to_string())
        ),
        "{found:?}"
    );
    let topics: Vec<&str> = report["discrepancies"]
        .as_array()
        .expect("discrepancies")
        .iter()
        .filter_map(|d| d["topic"].as_str())
        .collect();
    assert!(
        topics.iter().any(|t| t.starts_with("length of the strike")),
        "{topics:?}"
    );
    assert_eq!(code, 1);
}

#[test]
fn a_co_defendants_term_is_not_the_defendants() {
    // the partner's terms disagree (three years against four); the treasurer's nine
    // years, which the second report does not give, are set against neither
    let (report, _) = check("co-defendant");
    let found = findings(&report);
    for (_, q) in &found {
        assert!(
            !q.iter().any(|x| x.starts_with("nine")),
            "the defendant's term was set against another's: {found:?}"
        );
    }
    assert!(
        found
            .iter()
            .any(|(_, q)| q.contains(&"three years".to_string())
                && q.contains(&"four years".to_string())),
        "{found:?}"
    );
}

/// Two reports give one toll for soldiers and one for civilians: the soldiers'
/// agree, the civilians' do not, and no group is set against the other or
/// added to it.
#[test]
fn a_toll_told_for_two_groups_is_compared_group_by_group() {
    only_contradiction("two-groups", &["18", "30"]);
}

/// Two undated reports: one gives this week's bid, the other recalls a bid of
/// 2019 by the same firm for the same target. A year recalled is not the news of
/// a report whose day is unknown, so the two sums are not set side by side.
#[test]
fn a_sum_recalled_by_its_year_is_not_the_news_of_an_undated_report() {
    no_findings("recalled-year");
}

/// A trial's start told in the past tense by two reports weeks apart ("began on
/// October 14", "which began on 21 October"): a step no rescheduling moves,
/// so the two days disagree though the reports are of different days.
#[test]
fn the_day_a_trial_began_is_compared_across_reports_of_different_days() {
    only_contradiction("trial-began", &["21 October", "October 14"]);
}

/// A quake's depth told by three reports: 12 against 28 kilometres disagree;
/// "about eight miles" is in another unit and is set beside neither.
#[test]
fn depths_in_one_unit_are_compared_and_another_unit_is_left_apart() {
    only_contradiction("depths", &["12 kilometres", "28 kilometres"]);
}

/// "cut 640 of its 5,200 jobs" tells the cut out of the workforce: the cut is
/// whole, and meets another report's "eliminate 770 jobs".
#[test]
fn a_cut_told_out_of_the_workforce_is_the_whole_cut() {
    only_contradiction("cut-of-workforce", &["640", "770"]);
}

/// Two reports of one day: the later toll is told as taken to its figure
/// ("bringing the death toll … to 5"), so it is that day's update, not a
/// contradiction; the dateline's "2025" holds a "5" that is not the figure's.
#[test]
fn a_toll_brought_to_a_figure_on_the_same_day_is_an_update() {
    let (report, code) = check("update-same-day");
    assert_eq!(
        findings(&report),
        vec![(
            "update".to_string(),
            vec!["5".to_string(), "Four".to_string()]
        )]
    );
    assert_eq!(code, 0);
}

/// Two reports with no day of their own: the higher toll is told as a change
/// ("has climbed to 19"), so it is the later report's update, shown and not
/// failing the run.
#[test]
fn a_toll_told_as_risen_is_an_update_even_without_dates() {
    let (report, code) = check("update-undated");
    assert_eq!(
        findings(&report),
        vec![(
            "update".to_string(),
            vec!["19".to_string(), "At least six".to_string()]
        )]
    );
    assert_eq!(code, 0);
}
