//! The report a person reads, through the real binary: plain labels, totals
//! that count right, a table that fits the terminal with a reason and an
//! excerpt per row, the brief format, quiet runs, honest messages, encodings
//! and the JSON contract checked against docs/report.schema.json.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn cc() -> Command {
    let mut c = Command::cargo_bin("crosscheck").expect("binary builds");
    // a known, UTF-8 terminal-less environment unless a test says otherwise
    c.env_remove("COLUMNS")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .env_remove("NO_COLOR")
        .env("LANG", "C.UTF-8");
    c
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const TOLL: &str = "tests/fixtures/pipeline/toll";
const PARTS: &str = "tests/fixtures/pipeline/parts";
const FOLDERS: &str = "tests/fixtures/report/folders";
const WHEN: &str = "tests/fixtures/report/when";

fn json(args: &[&str]) -> Value {
    let r = run(cc().args(args));
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stderr))
}

// ---------------------------------------------------------------- labels

/// No topic shows a TIMEX3 code, a bare unit symbol or a parenthesised key.
fn assert_plain(topic: &str) {
    let codes = regex::Regex::new(
        r"_REF|[0-9]{4}-|-(SP|SU|FA|WI|W[0-9]|Q[0-9]|H[0-9])|\([0-9A-Z_]|^(in|mi|lb|km|ft|acre)\b",
    )
    .unwrap();
    assert!(!codes.is_match(topic), "a code leaks into {topic:?}");
}

#[test]
fn labels_are_plain_english() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "The 2020 war killed 3,000 soldiers, the ministry said on 4 May 2021. \
         The previous war killed 9,000 soldiers. Crews cleared 40 acres after the fire. \
         The parcel weighed 12 lb. In the spring of 1989 revenue rose 8%. \
         The clashes in September 2022 killed 140 people.",
    )
    .unwrap();
    let report = json(&["claims", "--format", "json", dir.path().to_str().unwrap()]);
    let topics: Vec<&str> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["topic"].as_str())
        .collect();
    assert!(!topics.is_empty());
    for t in &topics {
        assert_plain(t);
    }
    assert!(topics.contains(&"deaths in the 2020 war"), "{topics:?}");
    assert!(
        topics.contains(&"deaths in clashes, September 2022"),
        "{topics:?}"
    );
    let table = run(cc().args(["check", PARTS]));
    assert!(
        table.stdout.contains("deaths in clashes, September 2024"),
        "{}",
        table.stdout
    );
}

// ---------------------------------------------------------------- totals

#[test]
fn totals_say_one_and_many_and_count_divergences() {
    let r = run(cc().args(["check", TOLL]));
    assert_eq!(r.code, 1);
    let last = r.stdout.trim_end().lines().last().unwrap();
    assert!(
        last.starts_with("2 documents,") && last.ends_with("1 discrepancy: 1 contradiction"),
        "{last}"
    );
    assert!(!r.stdout.contains("(s)") && !r.stdout.contains("1 discrepancies"));
    let r = run(cc().args(["check", "--story-per-folder", TOLL, FOLDERS]));
    let last = r.stdout.trim_end().lines().last().unwrap().to_string();
    assert!(
        last.ends_with("2 discrepancies: 1 contradiction, 1 divergence"),
        "{last}"
    );
    let v = json(&["check", "--format", "json", "--story-per-folder", FOLDERS]);
    assert_eq!(v["totals"]["divergences"], 1);
    assert_eq!(v["totals"]["contradictions"], 0);
}

#[test]
fn one_skipped_input_is_one_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Officials counted 12 boats.").unwrap();
    std::fs::write(dir.path().join("b.txt"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    let r = run(cc().args(["check", dir.path().to_str().unwrap()]));
    assert!(
        r.stderr.contains("1 input skipped, 1 document read"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("; 1 input skipped"), "{}", r.stdout);
    assert!(!r.stderr.contains("(s)"));
}

// ---------------------------------------------------------------- sources

#[test]
fn parts_show_as_their_sum_and_summaries_name_files() {
    let r = run(cc().args(["check", PARTS]));
    assert!(r.stdout.contains("\"140\" + \"95\" = 235"), "{}", r.stdout);
    let v = json(&["check", "--format", "json", PARTS]);
    let d = &v["discrepancies"][0];
    let summary = d["summary"].as_str().unwrap();
    assert!(
        summary.contains("parts/a.md") && summary.contains("parts/b.md"),
        "{summary}"
    );
    assert!(
        !summary.contains("(d1)") && !summary.contains("(d2)"),
        "{summary}"
    );
    assert_eq!(d["statements"].as_array().unwrap().len(), 2);
    assert_eq!(
        d["statements"][0].as_array().unwrap().len(),
        2,
        "the two parts"
    );
}

#[test]
fn a_document_is_listed_once_with_its_repeats_counted() {
    let r = run(cc().args(["check", "--format", "brief", "data/shooting-bellgrave"]));
    let injured = r
        .stdout
        .lines()
        .find(|l| l.contains("injured"))
        .unwrap_or_else(|| panic!("{}", r.stdout));
    assert!(injured.contains("\"two\" (3 times)"), "{injured}");
    assert_eq!(
        injured.matches("01-lakeshore-press.txt").count(),
        1,
        "{injured}"
    );
}

// ---------------------------------------------------------------- the table

/// Every `path:line:col` of the brief output appears whole on one line of the table.
fn locations_whole(table: &str, locations: &[String]) {
    for loc in locations {
        assert!(
            table.lines().any(|l| l.contains(loc.as_str())),
            "{loc} is split:\n{table}"
        );
    }
}

fn locations(brief: &str) -> Vec<String> {
    let re = regex::Regex::new(r"(?:^|vs )(\S+:[0-9]+:[0-9]+)").unwrap();
    brief
        .lines()
        .flat_map(|l| {
            re.captures_iter(l)
                .map(|c| c[1].to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_table_fits_the_terminal_and_never_splits_a_location() {
    let brief = run(cc().args(["check", "--format", "brief", "data/"])).stdout;
    let locs = locations(&brief);
    assert!(locs.len() >= 8, "{brief}");
    let longest = locs.iter().map(|l| l.chars().count()).max().unwrap();
    for width in [80usize, 100, 160] {
        let r = run(cc()
            .env("COLUMNS", width.to_string())
            .args(["check", "data/"]));
        // the table's lines (the totals line after it is a sentence a terminal wraps)
        let widest = r
            .stdout
            .lines()
            .filter(|l| l.starts_with(['┌', '│', '╞', '└', '├', '+', '|']))
            .map(|l| l.chars().count())
            .max()
            .unwrap();
        // the location column cannot shrink below its longest location
        assert!(
            widest <= width.max(longest + 30),
            "{width}: {widest}\n{}",
            r.stdout
        );
        if width >= longest + 30 {
            assert!(widest <= width, "{width}: {widest}");
        }
        locations_whole(&r.stdout, &locs);
    }
    let narrow = run(cc().env("COLUMNS", "80").args(["check", "data/"])).stdout;
    let wide = run(cc().env("COLUMNS", "160").args(["check", "data/"])).stdout;
    assert!(narrow.lines().count() > wide.lines().count());
}

#[test]
fn paths_with_spaces_are_quoted() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("two words");
    std::fs::create_dir(&sub).unwrap();
    for f in ["a.md", "b.md"] {
        std::fs::copy(Path::new(TOLL).join(f), sub.join(f)).unwrap();
    }
    let r = run(cc().args(["check", sub.to_str().unwrap()]));
    let quoted = format!("'{}':6:62", sub.join("a.md").display());
    assert!(r.stdout.contains(&quoted), "{quoted}\n{}", r.stdout);
    let brief = run(cc().args(["check", "--format", "brief", sub.to_str().unwrap()]));
    assert!(brief.stdout.starts_with(&quoted), "{}", brief.stdout);
}

#[test]
fn colour_is_asked_for_or_not_and_no_color_is_honoured() {
    let red = "\u{1b}[1;31m";
    let always = run(cc().args(["check", "--color", "always", TOLL]));
    assert!(always.stdout.contains(red), "{}", always.stdout);
    let never = run(cc().args(["check", "--color", "never", TOLL]));
    assert!(!never.stdout.contains('\u{1b}'));
    // auto: output that is not a terminal is never coloured, NO_COLOR or not
    let auto = run(cc().env("NO_COLOR", "1").args(["check", TOLL]));
    assert!(!auto.stdout.contains('\u{1b}'));
    assert_eq!(auto.stdout, never.stdout);
}

/// What `check` prints on a terminal (a pty), with `NO_COLOR` set to `no_color`.
#[cfg(unix)]
fn on_a_terminal(no_color: Option<&str>) -> String {
    use expectrl::{Eof, Expect};
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    cmd.args(["check", TOLL])
        .env("TERM", "xterm")
        .env("LANG", "C.UTF-8")
        .env("COLUMNS", "120")
        .env_remove("NO_COLOR")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE");
    if let Some(v) = no_color {
        cmd.env("NO_COLOR", v);
    }
    let mut s = expectrl::Session::spawn(cmd).expect("spawns on a pty");
    s.set_expect_timeout(Some(std::time::Duration::from_secs(120)));
    let found = s.expect(Eof).expect("it ends");
    String::from_utf8_lossy(found.as_bytes()).into_owned()
}

#[cfg(unix)]
#[test]
fn a_terminal_is_coloured_unless_no_color_is_set() {
    let coloured = on_a_terminal(None);
    assert!(coloured.contains("\u{1b}[1;31m"), "{coloured}");
    let plain = on_a_terminal(Some("1"));
    assert!(plain.contains("contradiction"), "{plain}");
    assert!(!plain.contains('\u{1b}'), "{plain}");
    // an empty NO_COLOR does not count, as no-color.org says
    assert!(on_a_terminal(Some("")).contains('\u{1b}'));
}

#[test]
fn borders_are_ascii_unless_the_terminal_is_utf8() {
    let utf8 = run(cc().args(["check", TOLL]));
    assert!(utf8.stdout.contains('┌'), "{}", utf8.stdout);
    let ascii = run(cc().env("LANG", "C").args(["check", TOLL]));
    let drawn = |s: &str| {
        s.chars()
            .any(|c| ('\u{2500}'..='\u{257f}').contains(&c) || c == '…')
    };
    assert!(!drawn(&ascii.stdout), "{}", ascii.stdout);
    assert!(ascii.stdout.starts_with("+-"), "{}", ascii.stdout);
    let latin = run(cc().env("LC_ALL", "en_GB.ISO-8859-1").args(["check", TOLL]));
    assert!(!drawn(&latin.stdout));
}

#[test]
fn each_row_gives_its_reason_and_the_words_around_each_figure() {
    let r = run(cc().args(["check", TOLL]));
    // the reason, wrapped in its column: the measure key and the event
    let reason: String = r
        .stdout
        .lines()
        .filter_map(|l| l.split('┆').nth(1))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    // how sure it is, in words, on the row
    assert!(
        reason.contains("contradiction, high confidence"),
        "{reason}"
    );
    assert!(
        reason.contains("why: deaths in the flood, 9 March 2024;"),
        "{reason}"
    );
    // the default excerpt: a few words either side of the figure
    assert!(
        r.stdout.contains("At least 120 people were killed in …"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("… in Marravel stands at 85, the regional governor, Odile …"),
        "{}",
        r.stdout
    );
    let none = run(cc().args(["check", "--context", "0", TOLL]));
    assert!(
        !none.stdout.contains("people were killed"),
        "{}",
        none.stdout
    );
    let all = run(cc()
        .env("COLUMNS", "400")
        .args(["check", "--context", "60", TOLL]));
    assert!(
        all.stdout.contains("The death toll from the floods in Marravel stands at 85, the regional governor, Odile Franck, said on Monday."),
        "{}",
        all.stdout
    );
}

/// The reason line says its time as the label does, spells names as the
/// reports write them, and the JSON gives each TIMEX3 anchor in words beside it.
#[test]
fn reasons_and_anchors_are_said_in_words() {
    let v = json(&["check", "--format", "json", WHEN]);
    let d = &v["discrepancies"][0];
    let why = &d["why"];
    let line = why["line"].as_str().unwrap();
    assert_plain(line);
    assert_eq!(why["anchor"], "2031-FA", "the machine value stays");
    assert_eq!(why["anchor_text"], "autumn 2031");
    assert!(
        line.starts_with(d["topic"].as_str().unwrap()),
        "{line} opens with the label"
    );
    assert!(
        line.contains("KRX") && line.contains("McTavish") && line.contains("Orrin"),
        "{line}"
    );
    // the machine list stays lower-cased, like a claim's entities
    assert!(
        why["shared_names"]
            .as_array()
            .unwrap()
            .contains(&"mctavish".into())
    );
    let claims = v["claims"].as_array().unwrap();
    assert!(claims.iter().any(|c| c["anchor"] == "2031-FA"));
    for c in claims {
        assert_eq!(c["anchor"].is_null(), c["anchor_text"].is_null(), "{c}");
        if c["anchor"] == "2031-FA" {
            assert_eq!(c["anchor_text"], "autumn 2031");
        }
    }
    // every row of every format that prints the line prints it in words
    for format in ["table", "brief", "markdown", "html"] {
        let out = run(cc()
            .env("COLUMNS", "200")
            .args(["check", "--format", format, WHEN]));
        assert!(!out.stdout.contains("2031-FA"), "{format}: {}", out.stdout);
    }
    // the table's finding column, its wrapped lines joined
    let table = run(cc().args(["check", WHEN]));
    let column: String = table
        .stdout
        .lines()
        .filter_map(|l| l.split('┆').nth(1))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        column.contains("why: deaths in the flood, autumn 2031; sources share KRX, McTavish"),
        "{column}"
    );
}

// ---------------------------------------------------------------- brief and quiet

#[test]
fn brief_is_one_line_per_finding() {
    let r = run(cc().args(["check", "--format", "brief", TOLL]));
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout,
        "tests/fixtures/pipeline/toll/a.md:6:62: contradiction: deaths in the flood, 9 March 2024: \
         \"At least 120\" vs tests/fixtures/pipeline/toll/b.md:6:54 \"85\"\n"
    );
    let clean = run(cc().args([
        "check",
        "--format",
        "brief",
        "tests/fixtures/pipeline/agree",
    ]));
    assert_eq!((clean.code, clean.stdout.as_str()), (0, ""));
}

#[test]
fn quiet_prints_nothing_and_keeps_the_exit_code() {
    for (path, code) in [(TOLL, 1), ("tests/fixtures/pipeline/agree", 0)] {
        let r = run(cc().args(["check", "-q", path]));
        assert_eq!(
            (r.code, r.stdout.as_str(), r.stderr.as_str()),
            (code, "", "")
        );
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "A quiet line with 3 boats.").unwrap();
    std::fs::write(dir.path().join("b.txt"), b"\x89PNG\r\n\x1a\n").unwrap();
    let r = run(cc().args(["check", "--quiet", dir.path().to_str().unwrap()]));
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""));
}

// ---------------------------------------------------------------- messages

#[test]
fn a_glob_with_no_match_is_named() {
    let r = run(cc().args(["check", "--glob", "*.pdf", "data/"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("none matches --glob '*.pdf'"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains(".txt, .md"), "{}", r.stderr);
    assert!(r.stderr.contains("no documents found"), "{}", r.stderr);
}

#[test]
fn an_empty_folder_has_no_documents_rather_than_unreadable_ones() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(cc().args(["check", dir.path().to_str().unwrap()]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("crosscheck: no documents found"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("could be read"), "{}", r.stderr);
}

#[test]
fn skipped_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.txt"), "x ".repeat(100)).unwrap();
    std::fs::write(dir.path().join("small.txt"), "Tiny 1.").unwrap();
    let r = run(cc().args([
        "check",
        "--max-file-size",
        "50",
        dir.path().to_str().unwrap(),
    ]));
    let line = r.stderr.lines().find(|l| l.contains("big.txt")).unwrap();
    assert_eq!(line.matches("skipped").count(), 1, "{line}");
    assert!(
        line.contains("larger than --max-file-size (50 bytes)"),
        "{line}"
    );
}

#[test]
fn a_bad_jsonl_record_is_placed_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    std::fs::write(
        &feed,
        "{\"text\": \"First record with 3 ships.\"}\n\n{\"text\": \"Second\", oops}\n{\"title\": \"no text\"}\n",
    )
    .unwrap();
    let r = run(cc().args(["claims", feed.to_str().unwrap()]));
    assert!(
        r.stderr
            .contains("feed.jsonl#3: invalid JSON at line 3, column 20"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("feed.jsonl#4: no text: none of the fields text, body, content, articleBody, article holds a string"),
        "{}",
        r.stderr
    );
}

/// Every field the "no text" message names is one a record's text is read from.
#[test]
fn each_json_text_field_the_message_names_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    std::fs::write(&feed, "{\"title\": \"no text\"}\n").unwrap();
    let r = run(cc().args(["claims", feed.to_str().unwrap()]));
    let fields = r
        .stderr
        .split("none of the fields ")
        .nth(1)
        .and_then(|t| t.split(" holds").next())
        .unwrap_or_else(|| panic!("{}", r.stderr));
    let fields: Vec<&str> = fields.split(", ").collect();
    assert!(fields.len() >= 5, "{fields:?}");
    let records: String = fields
        .iter()
        .map(|f| format!("{{\"{f}\": \"The pier lost 14 boats.\"}}\n"))
        .collect();
    std::fs::write(&feed, records).unwrap();
    let v = json(&["claims", "--format", "json", feed.to_str().unwrap()]);
    assert_eq!(v["documents"].as_array().unwrap().len(), fields.len());
    assert_eq!(v["problems"].as_array().unwrap().len(), 0, "{v}");
}

#[test]
fn gitignore_counts_only_inside_a_git_repository() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".gitignore"), "hidden.txt\n").unwrap();
    std::fs::write(dir.path().join("hidden.txt"), "It lists 4 boats.").unwrap();
    std::fs::write(dir.path().join("shown.txt"), "It lists 5 boats.").unwrap();
    let count = |dir: &Path| {
        json(&["claims", "--dump", "documents", dir.to_str().unwrap()])
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(
        count(dir.path()),
        2,
        "outside a repository .gitignore is not obeyed"
    );
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    assert_eq!(count(dir.path()), 1, "inside one it is");
}

#[test]
fn front_matter_on_stdin_is_read_as_markdown_and_said() {
    let r = run(cc()
        .args(["claims", "--dump", "documents", "-"])
        .write_stdin("---\ntitle: Pier\ndate: 2031-04-02\n---\nThe pier lost 14 boats.\n"));
    let docs: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(docs[0]["published"], "2031-04-02");
    assert_eq!(docs[0]["format"], "markdown");
    assert!(
        r.stderr
            .contains("-: starts with front matter: read as Markdown"),
        "{}",
        r.stderr
    );
    let plain = run(cc()
        .args([
            "claims",
            "--dump",
            "documents",
            "--input-format",
            "text",
            "-",
        ])
        .write_stdin("---\ntitle: Pier\n---\nThe pier lost 14 boats.\n"));
    assert!(plain.stderr.is_empty(), "{}", plain.stderr);
}

#[test]
fn one_bad_byte_keeps_a_utf8_file_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    let mut bytes =
        "PORT ELLIS, March 3, 2031 — The storm “sank” 14 boats, the harbour master said.\n"
            .as_bytes()
            .to_vec();
    let bad_at = bytes.len();
    bytes.extend_from_slice(b"A stray \xff byte sits here.\n");
    std::fs::write(&path, &bytes).unwrap();
    let r = run(cc().args(["claims", "--format", "json", path.to_str().unwrap()]));
    let bad = bad_at + "A stray ".len();
    assert!(
        r.stderr
            .contains(&format!("not valid UTF-8 at byte {bad};")),
        "{}",
        r.stderr
    );
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        v["documents"][0]["published"], "2031-03-03",
        "the dateline is kept"
    );
    let boats = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["quote"] == "14")
        .expect("the figure");
    assert!(boats["sentence"].as_str().unwrap().contains("“sank”"));
    // a file that is not UTF-8 at all still goes to the detector
    std::fs::write(&path, b"The caf\xe9 sold 40 \x93cakes\x94.\n").unwrap();
    let r = run(cc().args(["claims", path.to_str().unwrap()]));
    assert!(r.stderr.contains("decoded as windows-1252"), "{}", r.stderr);
}

// ---------------------------------------------------------------- JSON contract

fn schema() -> Value {
    serde_json::from_str(&std::fs::read_to_string("docs/report.schema.json").unwrap()).unwrap()
}

#[test]
fn json_output_matches_the_checked_in_schema() {
    let validator = jsonschema::validator_for(&schema()).expect("a valid schema");
    for args in [
        vec!["check", "--format", "json", "data/"],
        vec!["claims", "--format", "json", "data/"],
        vec![
            "check",
            "--format",
            "json",
            "--story-per-folder",
            FOLDERS,
            TOLL,
            PARTS,
        ],
    ] {
        let v = json(&args);
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{args:?}: {errors:?}");
        assert_eq!(v["schema_version"], 3);
    }
}

#[test]
fn every_field_of_the_schema_is_documented() {
    let doc = std::fs::read_to_string("docs/claims.md").unwrap();
    fn names(v: &Value, out: &mut Vec<String>) {
        if let Some(props) = v.get("properties").and_then(Value::as_object) {
            out.extend(props.keys().cloned());
        }
        match v {
            Value::Object(m) => m.values().for_each(|x| names(x, out)),
            Value::Array(a) => a.iter().for_each(|x| names(x, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    names(&schema(), &mut all);
    for n in all {
        assert!(
            doc.contains(&format!("`{n}`")),
            "docs/claims.md does not name `{n}`"
        );
    }
}

/// The example object in docs/claims.md is real output, abridged: each field
/// it shows has the value `check` gives (a sentence may be cut at "…").
#[test]
fn the_documented_example_is_what_check_prints() {
    let doc = std::fs::read_to_string("docs/claims.md").unwrap();
    let contract = &doc[doc.find("## JSON contract").expect("the section")..];
    let block = contract
        .split("```json\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a JSON block");
    let example: Value = serde_json::from_str(block).expect("the example parses");
    let real = json(&["check", "--format", "json", "data/border-highlands"]);
    assert_eq!(example["schema_version"], real["schema_version"]);
    assert_eq!(example["totals"], real["totals"]);
    for list in ["documents", "claims", "discrepancies"] {
        let shown = example[list].as_array().unwrap();
        assert!(!shown.is_empty(), "{list}");
        for item in shown {
            let id = &item["id"];
            let got = real[list]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["id"] == *id)
                .unwrap_or_else(|| panic!("{list}: no {id} in the output"));
            for (k, want) in item.as_object().unwrap() {
                match want.as_str().and_then(|w| w.strip_suffix(" …")) {
                    Some(cut) => assert!(
                        got[k].as_str().unwrap().starts_with(cut),
                        "{list} {id} {k}: {}",
                        got[k]
                    ),
                    None => assert_eq!(&got[k], want, "{list} {id} {k}"),
                }
            }
        }
    }
}

#[test]
fn absent_values_are_null_and_a_month_is_a_range() {
    let v = json(&["claims", "--format", "json", "data/plant-closure-dallow"]);
    let claims = v["claims"].as_array().unwrap();
    for c in claims {
        assert_ne!(c["topic"], "", "an absent topic is null: {c}");
        if c["value"]["granularity"] == "month" {
            assert_ne!(c["value"]["precision"], "exact", "{c}");
        }
    }
    assert!(
        claims
            .iter()
            .any(|c| c["topic"].is_null() && c["measure"].is_null())
    );
    assert!(claims.iter().any(|c| c["value"]["granularity"] == "month"));
}

#[test]
fn jsonl_carries_problems_and_totals() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Officials counted 12 boats.").unwrap();
    std::fs::write(dir.path().join("b.txt"), b"\x89PNG\r\n\x1a\n\0").unwrap();
    let r = run(cc().args(["check", "--format", "jsonl", dir.path().to_str().unwrap()]));
    let lines: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let problem = lines
        .iter()
        .find(|l| l["type"] == "problem")
        .expect("a problem line");
    assert!(problem["path"].as_str().unwrap().ends_with("b.txt"));
    let last = lines.last().unwrap();
    assert_eq!(last["type"], "totals");
    assert_eq!(last["skipped"], 1);
    assert_eq!(last["schema_version"], 3);
    // each line is an object of the schema once its `type` is set aside
    let schema = schema();
    for mut line in lines {
        let kind = line["type"].as_str().unwrap().to_string();
        let obj = line.as_object_mut().unwrap();
        obj.remove("type");
        if kind == "totals" {
            obj.remove("schema_version");
        }
        let sub = serde_json::json!({"$defs": schema["$defs"], "$ref": format!("#/$defs/{kind}")});
        let v = jsonschema::validator_for(&sub).unwrap();
        assert!(v.is_valid(&line), "{kind}: {line}");
    }
}

#[test]
fn a_dump_refuses_a_format_it_does_not_print() {
    let r = run(cc().args(["check", "--dump", "claims", "--format", "table", TOLL]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--dump claims prints JSON"),
        "{}",
        r.stderr
    );
    let ok = run(cc().args(["check", "--dump", "claims", "--format", "json", TOLL]));
    assert_eq!(ok.code, 0, "{}", ok.stderr);
}

// ---------------------------------------------------------------- stories

#[test]
fn story_per_folder_groups_a_folder_into_one_story() {
    let apart = run(cc().args(["check", FOLDERS]));
    assert_eq!(apart.code, 0, "{}", apart.stdout);
    let together = run(cc().args(["check", "--story-per-folder", "--format", "brief", FOLDERS]));
    assert_eq!(together.code, 1);
    assert!(
        together.stdout.contains("divergence: deaths in the storm"),
        "{}",
        together.stdout
    );
    let stories = json(&["check", "--story-per-folder", "--dump", "stories", FOLDERS]);
    let s: Vec<i64> = stories
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["story"].as_i64().unwrap())
        .collect();
    assert_eq!(s, vec![0, 1, 1]);
    // the config file's key says the same as the flag
    let conf = tempfile::tempdir().unwrap();
    let file = conf.path().join("crosscheck.toml");
    std::fs::write(&file, "[crosscheck]\nstory_per_folder = true\n").unwrap();
    let keyed = run(cc().args([
        "check",
        "--config",
        file.to_str().unwrap(),
        "--format",
        "brief",
        FOLDERS,
    ]));
    assert_eq!(keyed.stdout, together.stdout);
    // and the reduce step of a sharded run agrees
    let dir = tempfile::tempdir().unwrap();
    let shard = dir.path().join("s.jsonl");
    let out = cc().args(["extract", FOLDERS]).output().unwrap();
    std::fs::write(&shard, out.stdout).unwrap();
    let reduced = run(cc().args([
        "check",
        "--story-per-folder",
        "--format",
        "brief",
        "--claims",
        shard.to_str().unwrap(),
    ]));
    assert_eq!(reduced.stdout, together.stdout);
}
