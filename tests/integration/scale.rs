//! The sharded run (`extract` per shard, then `check --claims`) and the thread
//! count must not change a byte of the report.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// Six short reports about two invented events; the sources disagree on the tolls.
const REPORTS: &[(&str, &str)] = &[
    (
        "a/one.md",
        "---\ndate: 2024-03-05\noutlet: Morning Sheet\n---\nAt least 41 people were killed when a dam failed near Tavrel on Monday, officials in Oskamin said. About 300 homes were flooded.\n",
    ),
    (
        "a/two.txt",
        "TAVREL, March 6, 2024 — The dam failure near Tavrel on Monday killed 52 people, Oskamin officials said. Some 300 homes were flooded and 1,200 residents left.\n",
    ),
    (
        "b/three.md",
        "---\ndate: 2024-03-06\n---\nOskamin officials said 41 people died when the Tavrel dam failed on March 4. Nearly 1,200 residents were moved to shelters.\n",
    ),
    (
        "b/four.txt",
        "VENDRIS, July 9, 2023 — A fire at the Pelmora depot in Vendris destroyed 14 lorries on Saturday, the Vendris fire service said. Two workers were hurt.\n",
    ),
    (
        "c/five.txt",
        "VENDRIS, July 10, 2023 — The Pelmora depot fire in Vendris on Saturday destroyed 19 lorries and hurt two workers, the fire service said.\n",
    ),
    (
        "c/six.md",
        "---\ndate: 2023-07-11\n---\nInsurers put the Pelmora depot losses at $3.5 million after the weekend fire in Vendris, which destroyed 14 lorries.\n",
    ),
];

fn corpus() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut files = Vec::new();
    for (name, text) in REPORTS {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, text).expect("write");
        files.push(p);
    }
    (dir, files)
}

fn crosscheck(args: &[&str], cwd: &Path) -> (Vec<u8>, i32) {
    let out = Command::cargo_bin("crosscheck")
        .expect("binary")
        .current_dir(cwd)
        .env_remove("CI")
        .args(args)
        .output()
        .expect("run");
    (out.stdout, out.status.code().unwrap_or(-1))
}

#[test]
fn check_over_shards_equals_check_over_files() {
    let (dir, _) = corpus();
    let root = dir.path();
    // an input that cannot be read: the sharded report must list it too
    std::fs::write(root.join("b/bad.json"), "{\"title\": 3}").expect("write");
    let (whole, code) = crosscheck(&["check", "--format", "json", "a", "b", "c"], root);
    assert!(
        code == 0 || code == 1,
        "{}",
        String::from_utf8_lossy(&whole)
    );
    let whole_text = String::from_utf8_lossy(&whole);
    assert!(whole_text.contains("\"d6\""), "six documents: {whole_text}");
    assert!(
        whole_text.contains("b/bad.json"),
        "one skipped: {whole_text}"
    );
    // shards overlap path order on purpose: c first, then a with b/four.txt
    for (shard, paths, documents, skipped) in [
        ("s1.jsonl", vec!["c"], 2, 0),
        ("s2.jsonl", vec!["a", "b/four.txt"], 3, 0),
        ("s3.jsonl", vec!["b/three.md", "b/bad.json"], 1, 1),
    ] {
        let mut args = vec!["extract"];
        args.extend(paths);
        let (records, code) = crosscheck(&args, root);
        assert_eq!(code, 0);
        let text = String::from_utf8_lossy(&records);
        assert_eq!(
            text.lines()
                .filter(|l| l.starts_with("{\"document\""))
                .count(),
            documents,
            "one line per document: {text}"
        );
        // and one for each input skipped
        assert_eq!(text.lines().count(), documents + skipped, "{text}");
        std::fs::write(root.join(shard), records).expect("write shard");
    }
    let (sharded, sharded_code) = crosscheck(
        &[
            "check", "--format", "json", "--claims", "s3.jsonl", "s1.jsonl", "s2.jsonl",
        ],
        root,
    );
    assert_eq!(String::from_utf8_lossy(&sharded), whole_text);
    assert_eq!(sharded_code, code);
    // the table report too
    let (table, _) = crosscheck(&["check", "a", "b", "c"], root);
    let (table_sharded, _) = crosscheck(
        &["check", "--claims", "s1.jsonl", "s2.jsonl", "s3.jsonl"],
        root,
    );
    assert_eq!(table_sharded, table);
}

#[test]
fn claims_file_that_is_not_records_is_trouble() {
    let (dir, _) = corpus();
    let (_, code) = crosscheck(&["check", "--claims", "a/one.md"], dir.path());
    assert_eq!(code, 2);
    let (_, code) = crosscheck(&["check", "--claims", "missing.jsonl"], dir.path());
    assert_eq!(code, 2);
    // records of no document (an empty shard, or one whose inputs were all
    // skipped) are trouble, as `check` over files none of which can be read
    std::fs::write(dir.path().join("bad.json"), "{\"title\": 3}").expect("write");
    let (records, code) = crosscheck(&["extract", "bad.json"], dir.path());
    assert_eq!(code, 2);
    std::fs::write(dir.path().join("skipped.jsonl"), records).expect("write");
    std::fs::write(dir.path().join("empty.jsonl"), "").expect("write");
    for file in ["skipped.jsonl", "empty.jsonl"] {
        let (out, code) = crosscheck(&["check", "--claims", file], dir.path());
        assert_eq!(code, 2, "{file}");
        assert!(out.is_empty(), "{file}: no report");
    }
}

#[test]
fn one_thread_prints_what_all_threads_print() {
    let (dir, _) = corpus();
    let root = dir.path();
    for cmd in [
        vec!["check", "--format", "json", "."],
        vec!["claims", "--format", "jsonl", "."],
        vec!["extract", "."],
    ] {
        let (all, code_all) = crosscheck(&cmd, root);
        let mut one_args = cmd.clone();
        one_args.extend(["--threads", "1"]);
        let (one, code_one) = crosscheck(&one_args, root);
        assert!(!all.is_empty());
        assert_eq!(
            String::from_utf8_lossy(&one),
            String::from_utf8_lossy(&all),
            "{cmd:?}"
        );
        assert_eq!(code_one, code_all);
    }
}

/// An absurd `-j` is capped at the cores, said on stderr, and changes nothing
/// in the report (it once aborted with a backtrace at `-j 100000`).
#[test]
fn an_absurd_thread_count_is_capped_and_said() {
    let (dir, _) = corpus();
    let (one, code_one) = crosscheck(&["check", "--format", "json", "-j", "1", "."], dir.path());
    let run = Command::cargo_bin("crosscheck")
        .expect("binary")
        .current_dir(dir.path())
        .args(["check", "--format", "json", "-j", "100000", "."])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("-j 100000: using"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(run.status.code(), Some(code_one));
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&one)
    );
}

/// Claims keep 32-bit offsets: a file size past 4 GiB is refused with the
/// flag's range, as trouble, before any file is read; the largest allowed runs.
#[test]
fn a_file_size_past_32_bit_offsets_is_refused() {
    let (dir, _) = corpus();
    let run = Command::cargo_bin("crosscheck")
        .expect("binary")
        .current_dir(dir.path())
        .args(["check", "--max-file-size", "4294967296", "."])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--max-file-size"), "{stderr}");
    assert!(stderr.contains("0..=4294967295"), "{stderr}");
    let (_, code) = crosscheck(&["check", "--max-file-size", "4294967295", "."], dir.path());
    assert_ne!(code, 2);
}

/// `extract` writes its records batch by batch; the documents of a later batch
/// go on numbering where the earlier ones stopped, in path order, with a
/// skipped input taking no number.
#[test]
fn extract_numbers_documents_across_batches() {
    let dir = tempfile::tempdir().expect("tempdir");
    let n = 1100;
    for i in 0..n {
        let text = format!(
            "Officials said {} people were evacuated on Monday.\n",
            10 + i
        );
        std::fs::write(dir.path().join(format!("r{i:04}.txt")), text).expect("write");
    }
    // sorts between r0599 and r0600, and has no text to read
    std::fs::write(dir.path().join("r0599x.json"), "{\"title\": 3}").expect("write");
    let out = Command::cargo_bin("crosscheck")
        .expect("binary")
        .env_remove("CI")
        .args(["extract", "--no-progress", "."])
        .current_dir(dir.path())
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("r0599x.json"));
    let mut lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON record"))
        .collect();
    // the skipped input comes last, on a line of its own
    let skipped = lines.pop().expect("lines");
    assert!(
        skipped["skipped"]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("r0599x.json")),
        "{skipped}"
    );
    assert_eq!(lines.len(), n);
    for (i, record) in lines.iter().enumerate() {
        let id = format!("d{}", i + 1);
        assert_eq!(record["document"]["id"], id.as_str());
        assert!(
            record["document"]["path"]
                .as_str()
                .is_some_and(|p| p.ends_with(&format!("r{i:04}.txt"))),
            "{record}"
        );
        let claims = record["claims"].as_array().expect("claims");
        assert!(!claims.is_empty(), "{record}");
        for (k, c) in claims.iter().enumerate() {
            assert_eq!(c["id"], format!("{id}.{}", k + 1).as_str());
            assert_eq!(c["document"], id.as_str());
        }
    }
}

/// Output that cannot be written (a full disk) is trouble, said on stderr;
/// the report is not silently lost.
#[test]
fn a_full_disk_is_trouble() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not on this system
    };
    let (dir, _) = corpus();
    for args in [
        vec!["extract", "--no-progress", "."],
        vec!["check", "--no-progress", "--format", "json", "."],
    ] {
        // assert_cmd captures stdout; this run's must be the full disk
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("crosscheck"))
            .env_remove("CI")
            .args(&args)
            .current_dir(dir.path())
            .stdout(full.try_clone().expect("dup"))
            .output()
            .expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        // "writing the records" as they go, or "writing the output" at the end
        assert!(
            err.contains("crosscheck: writing the") && err.contains("No space left"),
            "{args:?}: {err}"
        );
    }
}
