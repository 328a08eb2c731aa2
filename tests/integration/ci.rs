//! The CI gate and the editorial review, end to end on a temporary copy of the
//! corpora (data/ and the `agree` pipeline fixture as desk/): baselines,
//! decisions that stick until the figures change, the machine formats, the
//! config file, and the terminal walk driven through a pseudo-terminal.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A temporary project: data/ and desk/ copied in.
struct Project {
    dir: tempfile::TempDir,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("a fixture folder") {
        let e = e.expect("an entry");
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copies");
        }
    }
}

impl Project {
    fn new() -> Project {
        let dir = tempfile::tempdir().expect("a temp dir");
        copy_dir(&Path::new(ROOT).join("data"), &dir.path().join("data"));
        copy_dir(
            &Path::new(ROOT).join("tests/fixtures/pipeline/agree"),
            &dir.path().join("desk"),
        );
        Project { dir }
    }

    fn path(&self, p: &str) -> PathBuf {
        self.dir.path().join(p)
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("crosscheck").expect("binary builds");
        c.current_dir(self.dir.path())
            .env_remove("GITHUB_STEP_SUMMARY")
            .env("CI", "true");
        c
    }

    /// Run with `args`: exit code, stdout, stderr.
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.cmd().args(args).output().expect("runs");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// `check --format json` with `extra` flags: the exit code and the report.
    fn json(&self, extra: &[&str]) -> (i32, Value) {
        let mut args = vec!["check", "--format", "json"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["data", "desk"]);
        let (code, out, err) = self.run(&args);
        let v = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
        (code, v)
    }

    fn write(&self, p: &str, text: &str) {
        std::fs::write(self.path(p), text).expect("writes");
    }
}

/// The discrepancies of a report with `status`.
fn with_status<'a>(v: &'a Value, status: &str) -> Vec<&'a Value> {
    v["discrepancies"]
        .as_array()
        .map(|a| a.iter().filter(|d| d["status"] == status).collect())
        .unwrap_or_default()
}

fn ids(v: &Value) -> Vec<String> {
    let mut ids: Vec<String> = v["discrepancies"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|d| d["id"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    ids
}

/// The paths of the documents a finding's claims come from.
fn paths_of(v: &Value, d: &Value) -> Vec<String> {
    let docs: std::collections::HashMap<&str, &str> = v["documents"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|d| Some((d["id"].as_str()?, d["path"].as_str()?)))
                .collect()
        })
        .unwrap_or_default();
    let claims: std::collections::HashMap<&str, &str> = v["claims"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|c| Some((c["id"].as_str()?, c["document"].as_str()?)))
                .collect()
        })
        .unwrap_or_default();
    let mut out: Vec<String> = d["claims"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|c| Some(docs.get(claims.get(c.as_str()?)?)?.to_string()))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out.dedup();
    out
}

/// A third report on the desk's story, with a figure of its own.
fn third_report(jobs: &str) -> String {
    format!(
        "KESTRO, June 5, 2024 (Wire Three) - The steelmaker Brannock Works will cut {jobs} jobs \
         at its Kestro plant, union leaders said on Wednesday.\n"
    )
}

#[test]
fn the_baseline_gate_from_adoption_to_a_changed_figure() {
    let p = Project::new();
    // a corpus with findings fails
    let (code, before) = p.json(&[]);
    assert_eq!(code, 1);
    let found = ids(&before);
    assert!(!found.is_empty());
    assert!(with_status(&before, "new").len() == found.len());

    // a baseline makes it pass, every finding `baselined`
    let (code, out, err) = p.run(&["baseline", "data", "desk"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("crosscheck-baseline.json"), "{out}");
    let (code, v) = p.json(&["--baseline", "crosscheck-baseline.json"]);
    assert_eq!(code, 0);
    assert_eq!(ids(&v), found);
    assert_eq!(with_status(&v, "baselined").len(), found.len());

    // lines inserted at the top of documents move their figures down and keep
    // the ids (blank lines above a dateline, which must open its text; a line
    // of text where none does)
    for f in [
        "data/quake-tolvane/01-northwire.txt",
        "data/shooting-bellgrave/01-lakeshore-press.txt",
        "data/border-highlands/01-northwire.txt",
        "desk/a.txt",
    ] {
        let text = std::fs::read_to_string(p.path(f)).expect("reads");
        p.write(f, &format!("\n\n\n{text}"));
    }
    for f in [
        "data/shooting-bellgrave/03-metro-desk.txt",
        "data/shooting-bellgrave/02-bellgrave-tribune.md",
        "data/measles-ostvale/04-valley-courier.md",
    ] {
        let text = std::fs::read_to_string(p.path(f)).expect("reads");
        // below the front matter, which must open a Markdown file to be read
        let (head, body) = match text.strip_prefix("---\n").and_then(|t| t.find("\n---\n")) {
            Some(end) => text.split_at(end + 4 + 5),
            None => ("", text.as_str()),
        };
        p.write(
            f,
            &format!("{head}A note from the desk: this report was filed again.\n\n{body}"),
        );
    }
    let (code, v) = p.json(&["--baseline", "crosscheck-baseline.json"]);
    assert_eq!(code, 0, "{:?}", with_status(&v, "new"));
    assert_eq!(ids(&v), found);
    let lines = |v: &Value| -> Vec<u64> {
        v["claims"]
            .as_array()
            .map(|a| a.iter().filter_map(|c| c["line"].as_u64()).collect())
            .unwrap_or_default()
    };
    assert_ne!(lines(&v), lines(&before), "the figures did move down");

    // a document with a new conflicting figure fails with exactly that finding new
    p.write("desk/c.txt", &third_report("900"));
    let (code, v) = p.json(&["--baseline", "crosscheck-baseline.json"]);
    assert_eq!(code, 1);
    let new = with_status(&v, "new");
    assert_eq!(new.len(), 1, "{new:?}");
    let finding = new[0].clone();
    assert_eq!(
        paths_of(&v, &finding),
        vec!["desk/a.txt".to_string(), "desk/c.txt".to_string()]
    );
    assert_eq!(with_status(&v, "baselined").len(), found.len());
    let id = finding["id"].as_str().expect("an id").to_string();
    assert!(!found.contains(&id));

    // dismissing it with a note makes the run pass; the table shows it with --show-decided
    let (code, out, err) = p.run(&[
        "review",
        "data",
        "desk",
        "--baseline",
        "crosscheck-baseline.json",
        "--dismiss",
        &id[..8],
        "--note",
        "the union counts only its members",
        "--by",
        "Test Editor",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&id), "{out}");
    let review = std::fs::read_to_string(p.path("crosscheck-review.toml")).expect("written");
    assert!(review.contains(&id) && review.contains("the union counts only its members"));
    assert!(
        review.contains("Test Editor") && review.contains("\"900\""),
        "{review}"
    );
    let (code, v) = p.json(&["--baseline", "crosscheck-baseline.json"]);
    assert_eq!(code, 0);
    let dismissed = with_status(&v, "dismissed");
    assert_eq!(dismissed.len(), 1);
    assert_eq!(dismissed[0]["id"], id.as_str());
    assert_eq!(
        dismissed[0]["decision"]["note"],
        "the union counts only its members"
    );
    let args = [
        "check",
        "--baseline",
        "crosscheck-baseline.json",
        "data",
        "desk",
    ];
    let (code, table, _) = p.run(&args);
    assert_eq!(code, 0);
    assert!(
        !table.contains(&id[..8]),
        "decided findings are not shown: {table}"
    );
    let mut shown = args.to_vec();
    shown.insert(1, "--show-decided");
    let (code, table, _) = p.run(&shown);
    assert_eq!(code, 0);
    let row = table
        .lines()
        .position(|l| l.contains(&id[..8]))
        .unwrap_or_else(|| panic!("{table}"));
    let cell: String = table
        .lines()
        .skip(row)
        .take(8)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(cell.contains("dismissed"), "{cell}");

    // changing a figure of the dismissed finding fails again, saying it was decided before
    p.write("desk/c.txt", &third_report("800"));
    let (code, v) = p.json(&["--baseline", "crosscheck-baseline.json"]);
    assert_eq!(code, 1);
    let new = with_status(&v, "new");
    assert_eq!(new.len(), 1, "{new:?}");
    assert_ne!(new[0]["id"], id.as_str());
    assert_eq!(new[0]["decision"]["older_figures"], true);
    assert_eq!(new[0]["decision"]["status"], "dismissed");
    assert!(with_status(&v, "dismissed").is_empty());
}

#[test]
fn fingerprints_hold_across_run_order_and_threads_and_follow_renames() {
    let p = Project::new();
    let (_, a) = p.json(&["-j", "1"]);
    let (_, out, _) = p.run(&["check", "--format", "json", "-j", "2", "desk", "data"]);
    let b: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(ids(&a), ids(&b));
    // a renamed file is a new finding and the old entry goes stale
    p.run(&["baseline", "data", "desk"]);
    std::fs::rename(
        p.path("data/quake-tolvane/04-coastal-wire.txt"),
        p.path("data/quake-tolvane/04-coastal-wire-renamed.txt"),
    )
    .expect("renames");
    let (code, _, err) = p.run(&[
        "check",
        "--baseline",
        "crosscheck-baseline.json",
        "data",
        "desk",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("stale entry"), "{err}");
    // `baseline` drops what went stale and keeps a note written by hand
    let text = std::fs::read_to_string(p.path("crosscheck-baseline.json")).expect("reads");
    let mut base: Value = serde_json::from_str(&text).expect("json");
    let kept = base["findings"][0]["id"].clone();
    base["findings"][0]["note"] = "checked with the desk".into();
    p.write(
        "crosscheck-baseline.json",
        &serde_json::to_string_pretty(&base).expect("json"),
    );
    let (code, out, err) = p.run(&["baseline", "data", "desk"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("stale entry dropped"), "{err}");
    assert!(!out.contains(" 0 stale"), "{out}");
    let text = std::fs::read_to_string(p.path("crosscheck-baseline.json")).expect("reads");
    let after: Value = serde_json::from_str(&text).expect("json");
    let entry = after["findings"]
        .as_array()
        .and_then(|a| a.iter().find(|e| e["id"] == kept).cloned());
    if let Some(e) = entry {
        assert_eq!(e["note"], "checked with the desk");
    }
    // sorted by topic, then id: a diff of two baselines reads in order
    let keys: Vec<(String, String)> = after["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| (e["topic"].to_string(), e["id"].to_string()))
                .collect()
        })
        .unwrap_or_default();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    let (code, _, _) = p.run(&[
        "check",
        "-q",
        "--baseline",
        "crosscheck-baseline.json",
        "data",
        "desk",
    ]);
    assert_eq!(code, 0);
}

#[test]
fn a_malformed_baseline_or_review_file_exits_2_naming_file_and_line() {
    let p = Project::new();
    p.write(
        "bad-baseline.json",
        "{\n  \"crosscheck_baseline\": 1,\n  \"fingerprint\": \"crosscheck/v1\",\n  \"findings\": [\n    {\"id\": \"x\",}\n  ]\n}\n",
    );
    let (code, _, err) = p.run(&["check", "--baseline", "bad-baseline.json", "desk"]);
    assert_eq!(code, 2);
    assert!(err.contains("bad-baseline.json:5:"), "{err}");
    p.write(
        "crosscheck-review.toml",
        "[[decision]]\nid = \"0123456789abcdef\"\nstatus = \"dismissed\"\ntopic = \"t\"\nby = \"a\"\nat = \"now\"\nnote = 3\n",
    );
    let (code, _, err) = p.run(&["check", "desk"]);
    assert_eq!(code, 2);
    assert!(err.contains("crosscheck-review.toml:7:"), "{err}");
    // a baseline of another fingerprint version says to rebaseline
    p.write(
        "old.json",
        "{\n  \"crosscheck_baseline\": 1,\n  \"fingerprint\": \"crosscheck/v0\",\n  \"findings\": []\n}\n",
    );
    let (code, _, err) = p.run(&["check", "--baseline", "old.json", "desk"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("old.json:3:") && err.contains("crosscheck baseline"),
        "{err}"
    );
}

#[test]
fn fail_on_sets_which_new_findings_fail() {
    let p = Project::new();
    std::fs::create_dir_all(p.path("bounds")).expect("mkdir");
    for (name, wire, figure) in [("x.txt", "One", "6,500"), ("y.txt", "Two", "6,700")] {
        p.write(
            &format!("bounds/{name}"),
            &format!(
                "KESTRO, June 3, 2024 (Wire {wire}) - The steelmaker Brannock Works will cut more \
                 than {figure} jobs across its Kestro plants, the company said on Monday.\n"
            ),
        );
    }
    let (code, out, _) = p.run(&["check", "--format", "brief", "bounds"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(": divergence:") && !out.contains("contradiction"),
        "{out}"
    );
    let (code, _, _) = p.run(&["check", "-q", "--fail-on", "contradiction", "bounds"]);
    assert_eq!(code, 0);
    let (code, _, _) = p.run(&["check", "-q", "--fail-on", "never", "data", "bounds"]);
    assert_eq!(code, 0);
    let (code, _, _) = p.run(&["check", "-q", "--fail-on", "contradiction", "data"]);
    assert_eq!(code, 1);
    // the config file sets it too, and the flag wins
    p.write(
        "crosscheck.toml",
        "[crosscheck]\nfail_on = \"contradiction\"\n",
    );
    let (code, _, _) = p.run(&["check", "-q", "bounds"]);
    assert_eq!(code, 0);
    let (code, _, _) = p.run(&["check", "-q", "--fail-on", "divergence", "bounds"]);
    assert_eq!(code, 1);
}

#[test]
fn sarif_output_validates_against_the_sarif_2_1_0_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(ROOT).join("tests/fixtures/sarif/sarif-schema-2.1.0.json"),
        )
        .expect("the vendored schema"),
    )
    .expect("json");
    // the official schema's pattern for the `language` properties has a stray `]` that ECMA
    // regexes read as a literal (Annex B) and strict engines refuse: escaped to
    // the same meaning here, the file itself kept as published (crosscheck never
    // writes `language`)
    fn escape_stray_bracket(v: &mut Value) -> usize {
        const STRAY: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
        match v {
            Value::String(s) if s == STRAY => {
                *s = STRAY.replace("}]?", "}\\]?");
                1
            }
            Value::Array(a) => a.iter_mut().map(escape_stray_bracket).sum(),
            Value::Object(o) => o.values_mut().map(escape_stray_bracket).sum(),
            _ => 0,
        }
    }
    let mut schema = schema;
    assert!(escape_stray_bracket(&mut schema) > 0);
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let p = Project::new();
    p.run(&["baseline", "data"]);
    p.write("desk/c.txt", &third_report("900"));
    let (_, v) = p.json(&[]);
    let some = v["discrepancies"][0]["id"]
        .as_str()
        .expect("an id")
        .to_string();
    p.run(&[
        "review",
        "data",
        "desk",
        "--accept",
        &some,
        "--note",
        "two counts",
    ]);
    let (code, out, err) = p.run(&[
        "check",
        "--format",
        "sarif",
        "--baseline",
        "crosscheck-baseline.json",
        "data",
        "desk",
    ]);
    assert_eq!(code, 1, "{err}");
    let log: Value = serde_json::from_str(&out).expect("SARIF is JSON");
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(log["version"], "2.1.0");
    let results = log["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let states: Vec<&str> = results
        .iter()
        .filter_map(|r| r["baselineState"].as_str())
        .collect();
    assert!(
        states.contains(&"new") && states.contains(&"unchanged"),
        "{states:?}"
    );
    assert_eq!(states.len(), results.len());
    let accepted = results
        .iter()
        .find(|r| r["partialFingerprints"]["crosscheck/v1"] == some.as_str())
        .expect("the accepted finding is there");
    assert_eq!(accepted["suppressions"][0]["justification"], "two counts");
    for r in &results {
        for l in r["locations"].as_array().into_iter().flatten() {
            let uri = l["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap_or_default();
            assert!(
                uri.starts_with("data/") || uri.starts_with("desk/"),
                "{uri}"
            );
            assert!(l["physicalLocation"]["region"]["startLine"].as_u64() >= Some(1));
        }
    }
    // without a baseline there is no baselineState, and it still validates
    let (_, out, _) = p.run(&["check", "--format", "sarif", "desk"]);
    let log: Value = serde_json::from_str(&out).expect("SARIF is JSON");
    assert!(validator.is_valid(&log));
    assert!(!out.contains("baselineState"));
}

#[test]
fn csv_markdown_and_github_give_one_row_or_command_per_finding() {
    let p = Project::new();
    p.write("desk/c.txt", &third_report("900"));
    let (_, v) = p.json(&[]);
    let claims: usize = v["discrepancies"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| d["claims"].as_array().map_or(0, Vec::len))
                .sum()
        })
        .unwrap_or_default();
    let (code, csv, _) = p.run(&["check", "--format", "csv", "data", "desk"]);
    assert_eq!(code, 1);
    let rows: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(rows[0].starts_with("id,topic,severity,status,"));
    // quoted fields never hold a CRLF here, so a row is a line
    assert_eq!(rows.len(), 1 + claims);
    assert!(csv.contains("desk/c.txt,1,"), "{csv}");
    let (_, md, _) = p.run(&["check", "--format", "markdown", "data", "desk"]);
    assert_eq!(md.lines().filter(|l| l.starts_with("| `")).count(), claims);
    let summary = p.path("summary.md");
    let out = p
        .cmd()
        .args(["check", "--format", "github", "data", "desk"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .expect("runs");
    let gh = String::from_utf8_lossy(&out.stdout);
    let commands: Vec<&str> = gh.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(
        commands.len(),
        v["discrepancies"].as_array().map_or(0, Vec::len)
    );
    let c = commands
        .iter()
        .find(|l| l.contains("file=desk/c.txt") || l.contains("file=desk/a.txt"))
        .expect("the desk's finding");
    assert!(c.starts_with("::error file=desk/"), "{c}");
    assert!(c.contains(",line=1,col="), "{c}");
    // the title's comma is escaped, the message's line breaks too
    assert!(
        c.contains("%2C") && c.contains("%0A") && !c.contains('\n'),
        "{c}"
    );
    let written = std::fs::read_to_string(&summary).expect("the step summary");
    assert!(written.starts_with("### crosscheck:"), "{written}");
}

#[test]
fn output_files_are_written_whole_for_every_format() {
    let p = Project::new();
    for format in [
        "table", "brief", "json", "jsonl", "csv", "markdown", "sarif", "github",
    ] {
        let file = format!("out/report.{format}");
        std::fs::create_dir_all(p.path("out")).expect("mkdir");
        let (code, stdout, err) =
            p.run(&["check", "--format", format, "-o", &file, "desk", "data"]);
        assert_eq!(code, 1, "{format}: {err}");
        assert!(stdout.is_empty(), "{format}: {stdout}");
        let (_, direct, _) = p.run(&["check", "--format", format, "desk", "data"]);
        let written = std::fs::read_to_string(p.path(&file)).expect("written");
        assert_eq!(written, direct, "{format}");
    }
    // no temporary file is left beside them
    let left = std::fs::read_dir(p.path("out"))
        .map(|r| r.count())
        .unwrap_or(0);
    assert_eq!(left, 8);
}

#[test]
fn the_config_file_sets_inputs_gate_and_tolerance_and_refuses_unknown_keys() {
    let p = Project::new();
    // a manifest-only crosscheck.toml in an input folder still works as one
    p.write(
        "desk/crosscheck.toml",
        "[documents.\"a.txt\"]\noutlet = \"Wire One\"\n",
    );
    p.write(
        "crosscheck.toml",
        "[crosscheck]\ninputs = [\"desk\"]\nexcludes = [\"b.txt\"]\nfail_on = \"never\"\n",
    );
    std::fs::create_dir_all(p.path("sub/deeper")).expect("mkdir");
    let mut c = p.cmd();
    c.current_dir(p.path("sub/deeper"))
        .args(["check", "--dump-config"]);
    let out = c.output().expect("runs");
    let dumped = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(dumped.contains("fail_on = \"never\""), "{dumped}");
    assert!(dumped.contains("tolerance = 0.1"), "{dumped}");
    assert!(dumped.contains("desk"), "{dumped}");
    // inputs from the config, excludes applied even to a file named outright
    let (code, v) = {
        let (code, out, err) = p.run(&["check", "--format", "json"]);
        (
            code,
            serde_json::from_str::<Value>(&out).unwrap_or_else(|e| panic!("{e}: {err}")),
        )
    };
    assert_eq!(code, 0);
    let paths: Vec<&str> = v["documents"]
        .as_array()
        .map(|a| a.iter().filter_map(|d| d["path"].as_str()).collect())
        .unwrap_or_default();
    assert!(paths.iter().all(|p| !p.ends_with("b.txt")), "{paths:?}");
    assert_eq!(v["documents"][0]["outlet"], "Wire One");
    let (code, _, err) = p.run(&["check", "desk/b.txt"]);
    assert_eq!(code, 2, "{err}");
    // --isolated reads no config
    let (code, _, _) = p.run(&["check", "-q", "--isolated", "desk", "data"]);
    assert_eq!(code, 1);
    // an unknown key is named, with its line
    p.write(
        "crosscheck.toml",
        "[crosscheck]\nfail_on = \"never\"\ntolerence = 0.2\n",
    );
    let (code, _, err) = p.run(&["check", "desk"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("tolerence") && err.contains("crosscheck.toml:3:"),
        "{err}"
    );
    // the band of "about 1,200": ±10 % leaves 1,050 out, ±20 % takes it in
    std::fs::create_dir_all(p.path("band")).expect("mkdir");
    for (name, wire, figure) in [("x.txt", "One", "about 1,200"), ("y.txt", "Two", "1,050")] {
        p.write(
            &format!("band/{name}"),
            &format!(
                "KESTRO, June 3, 2024 (Wire {wire}) - The steelmaker Brannock Works will cut \
                 {figure} jobs at its Kestro plant, the company said on Monday.\n"
            ),
        );
    }
    p.write("crosscheck.toml", "[crosscheck]\ntolerance = 0.1\n");
    let (narrow, _, _) = p.run(&["check", "-q", "band"]);
    p.write("crosscheck.toml", "[crosscheck]\ntolerance = 0.2\n");
    let (wide, _, _) = p.run(&["check", "-q", "band"]);
    assert_eq!((narrow, wide), (1, 0));
}

#[test]
fn a_config_synonym_folds_into_its_measure() {
    let p = Project::new();
    p.write(
        "desk/c.txt",
        "KESTRO, June 5, 2024 (Wire Three) - The steelmaker Brannock Works will shed 900 \
         roles at its Kestro plant, union leaders said on Wednesday.\n",
    );
    let measures = |p: &Project| -> Vec<String> {
        let (_, out, err) = p.run(&["claims", "--format", "json", "desk/c.txt"]);
        let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
        v["claims"]
            .as_array()
            .map(|a| a.iter().map(|c| c["measure"].to_string()).collect())
            .unwrap_or_default()
    };
    let before = measures(&p);
    p.write(
        "crosscheck.toml",
        "[crosscheck.synonyms]\njobs = [\"roles\"]\n",
    );
    let after = measures(&p);
    assert!(
        after.iter().any(|m| m.contains("jobs")),
        "{before:?} → {after:?}"
    );
    assert_ne!(before, after);
    p.write(
        "crosscheck.toml",
        "[crosscheck.synonyms]\nno-such-measure = [\"roles\"]\n",
    );
    let (code, _, err) = p.run(&["claims", "desk/c.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-measure"), "{err}");
}

#[test]
fn review_refuses_the_walk_without_a_terminal_or_under_ci() {
    let p = Project::new();
    let (code, _, err) = p.run(&["review", "desk", "data"]);
    assert_eq!(code, 2);
    assert!(err.contains("CI is set"), "{err}");
    let out = p
        .cmd()
        .env_remove("CI")
        .args(["review", "desk", "data"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a terminal"));
    assert!(!p.path("crosscheck-review.toml").exists());
}

#[cfg(unix)]
#[test]
fn the_terminal_walk_takes_keys_and_writes_the_review_file() {
    use expectrl::{Eof, Expect};
    let p = Project::new();
    p.write("desk/c.txt", &third_report("900"));
    let (_, v) = p.json(&[]);
    let total = v["discrepancies"].as_array().map_or(0, Vec::len);
    assert!(total >= 3);
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    cmd.current_dir(p.dir.path())
        .args(["review", "--by", "Pty Editor", "data", "desk"])
        .env_remove("CI")
        .env("TERM", "dumb");
    let mut s = expectrl::Session::spawn(cmd).expect("spawns on a pty");
    s.set_expect_timeout(Some(std::time::Duration::from_secs(120)));
    s.expect(format!("[1/{total}]")).expect("the first finding");
    s.expect("a accept").expect("the keys");
    s.send("a").expect("types");
    s.expect(format!("[2/{total}]"))
        .expect("the second finding");
    s.send("d").expect("types");
    s.expect("note").expect("asks for a note");
    s.send_line("not the same count").expect("types");
    s.expect(format!("[3/{total}]")).expect("the third finding");
    s.send("s").expect("types");
    if total > 3 {
        s.expect(format!("[4/{total}]"))
            .expect("the fourth finding");
        s.send("q").expect("types");
    }
    s.expect("wrote").expect("the file is written");
    s.expect(Eof).expect("it ends");
    let review = std::fs::read_to_string(p.path("crosscheck-review.toml")).expect("written");
    assert_eq!(review.matches("[[decision]]").count(), 2, "{review}");
    assert!(review.contains("status = \"accepted\""));
    assert!(review.contains("status = \"dismissed\""));
    assert!(review.contains("note = \"not the same count\""));
    assert!(review.contains("by = \"Pty Editor\""));
    // and check reads it: two decided, the rest new
    let (_, v) = p.json(&[]);
    assert_eq!(with_status(&v, "accepted").len(), 1);
    assert_eq!(with_status(&v, "dismissed").len(), 1);
    assert_eq!(with_status(&v, "new").len(), total - 2);
}
