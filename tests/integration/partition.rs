//! The partitioned run (`extract` per shard, `partition`, `check --claims PART
//! --table` per partition, `merge`) must print the whole run's JSON report byte
//! for byte; and it must be the table's run-wide facts that make it so.

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The first report of each story of data/ gets this line: the same sentence
/// in five documents of five stories is boilerplate of the run, and no
/// partition holds more than two of them, so a partition's own count would
/// not make it boilerplate.
const FOOTER: &str = "\n\nFive people staff the Kestrel Wire desk at Tallis Square.\n";

/// data/'s five stories, copied under `corpus/` with the footer added.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = Path::new(ROOT).join("data");
    let mut stories: Vec<_> = std::fs::read_dir(&data)
        .expect("data/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    stories.sort();
    assert_eq!(stories.len(), 5, "data/ has five stories");
    for story in stories {
        let to = dir
            .path()
            .join("corpus")
            .join(story.file_name().expect("name"));
        std::fs::create_dir_all(&to).expect("mkdir");
        let mut files: Vec<_> = std::fs::read_dir(&story)
            .expect("story")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        for (k, f) in files.iter().enumerate() {
            let mut text = std::fs::read_to_string(f).expect("read");
            if k == 0 {
                assert!(f.extension().is_none_or(|e| e != "html"));
                text.push_str(FOOTER);
            }
            std::fs::write(to.join(f.file_name().expect("name")), text).expect("write");
        }
    }
    dir
}

fn crosscheck(args: &[&str], cwd: &Path) -> (Vec<u8>, i32) {
    let out = Command::cargo_bin("crosscheck")
        .expect("binary")
        .current_dir(cwd)
        .env_remove("CI")
        .args(args)
        .output()
        .expect("run");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (out.stdout, out.status.code().unwrap_or(-1))
}

/// Shards cut across stories on purpose: border-highlands is in two of them.
const SHARDS: &[&[&str]] = &[
    &[
        "corpus/quake-tolvane",
        "corpus/border-highlands/01-northwire.txt",
    ],
    &[
        "corpus/measles-ostvale",
        "corpus/border-highlands/02-hollin-ledger.md",
        "corpus/border-highlands/03-kestria-news-agency.txt",
        "corpus/border-highlands/04-frontier-review.md",
    ],
    &["corpus/plant-closure-dallow", "corpus/shooting-bellgrave"],
];

/// Extract the shards, write the table for `parts` partitions, and the
/// records of each partition (the shuffle): the table's text and the
/// partition files, by partition.
fn partitioned(root: &Path, parts: usize) -> (String, BTreeMap<usize, String>) {
    let mut shards = Vec::new();
    for (k, paths) in SHARDS.iter().enumerate() {
        let mut args = vec!["extract", "--no-progress"];
        args.extend(paths.iter());
        let (records, code) = crosscheck(&args, root);
        assert_eq!(code, 0);
        let name = format!("s{k}.jsonl");
        std::fs::write(root.join(&name), &records).expect("write shard");
        shards.push(name);
    }
    let parts_arg = parts.to_string();
    let mut args = vec!["partition", "--parts", &parts_arg];
    args.extend(shards.iter().map(String::as_str));
    let (table, code) = crosscheck(&args, root);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&table));
    let table = String::from_utf8(table).expect("UTF-8");
    let t: serde_json::Value = serde_json::from_str(&table).expect("the table is JSON");
    let part_of: BTreeMap<String, usize> = t["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r[0].as_str().expect("path").to_string(),
                r[2].as_u64().expect("partition") as usize,
            )
        })
        .collect();
    let mut files: BTreeMap<usize, String> = BTreeMap::new();
    for shard in &shards {
        let text = std::fs::read_to_string(root.join(shard)).expect("read shard");
        for line in text.lines() {
            let r: serde_json::Value = serde_json::from_str(line).expect("a record");
            let path = r["document"]["path"].as_str().expect("a document");
            let file = files.entry(part_of[path]).or_default();
            file.push_str(line);
            file.push('\n');
        }
    }
    (table, files)
}

/// Reduce each partition with `table` and merge the reports (given in
/// reverse order: the merge must not care): the merged report and its exit code.
fn reduce_and_merge(root: &Path, table: &str, files: &BTreeMap<usize, String>) -> (String, i32) {
    std::fs::write(root.join("table.json"), table).expect("write table");
    let mut reports = Vec::new();
    for (p, records) in files {
        let input = format!("part{p}.jsonl");
        std::fs::write(root.join(&input), records).expect("write partition");
        let (report, code) = crosscheck(
            &[
                "check",
                "--format",
                "json",
                "--claims",
                &input,
                "--table",
                "table.json",
            ],
            root,
        );
        assert!(
            code == 0 || code == 1,
            "{}",
            String::from_utf8_lossy(&report)
        );
        let name = format!("r{p}.json");
        std::fs::write(root.join(&name), report).expect("write report");
        reports.push(name);
    }
    reports.reverse();
    let mut args = vec!["merge", "--table", "table.json"];
    args.extend(reports.iter().map(String::as_str));
    let (merged, code) = crosscheck(&args, root);
    (String::from_utf8(merged).expect("UTF-8"), code)
}

#[test]
fn partitioned_run_equals_the_whole_run() {
    let dir = corpus();
    let root = dir.path();
    let (whole, whole_code) = crosscheck(&["check", "--format", "json", "corpus"], root);
    let whole = String::from_utf8(whole).expect("UTF-8");
    assert_eq!(whole_code, 1, "data/ has findings: {whole}");
    assert!(whole.contains("\"contradiction\""), "{whole}");
    for parts in [2, 3, 4, 7] {
        let (table, files) = partitioned(root, parts);
        // several partitions, some with more than one story
        assert!(files.len() >= 2.min(parts), "{parts}: {files:?}");
        let (merged, code) = reduce_and_merge(root, &table, &files);
        assert_eq!(merged, whole, "{parts} partitions");
        assert_eq!(code, whole_code);
    }
}

/// A partition's own count of the footer is at most two documents: with the
/// table's boilerplate emptied, the footer's staff figures are clustered and
/// the merge no longer equals the whole run. So it is the table that makes it equal.
#[test]
fn the_tables_boilerplate_is_what_makes_it_equal() {
    let dir = corpus();
    let root = dir.path();
    let (whole, _) = crosscheck(&["check", "--format", "json", "corpus"], root);
    let whole = String::from_utf8(whole).expect("UTF-8");
    let (table, files) = partitioned(root, 3);
    let mut t: serde_json::Value = serde_json::from_str(&table).expect("JSON");
    assert!(
        !t["boilerplate"].as_array().expect("boilerplate").is_empty(),
        "{table}"
    );
    t["boilerplate"] = serde_json::json!([]);
    let (merged, _) = reduce_and_merge(root, &t.to_string(), &files);
    assert_ne!(merged, whole);
    assert!(merged.contains("\"topic\": \"jobs\""), "{merged}");
}

/// A partition's reduce needs whole stories: records of part of one are refused.
#[test]
fn a_reduce_over_part_of_a_story_is_refused() {
    let dir = corpus();
    let root = dir.path();
    let (table, files) = partitioned(root, 2);
    std::fs::write(root.join("table.json"), &table).expect("write table");
    let records = files.values().next().expect("a partition");
    let partial: String = records.lines().skip(1).map(|l| format!("{l}\n")).collect();
    std::fs::write(root.join("partial.jsonl"), partial).expect("write");
    let run = Command::cargo_bin("crosscheck")
        .expect("binary")
        .current_dir(root)
        .args([
            "check",
            "--format",
            "json",
            "--claims",
            "partial.jsonl",
            "--table",
            "table.json",
        ])
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("whole stories"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}
