//! Takes a discrepancy with the run's claims and documents, hands on its
//! fingerprint: 16 hex digits of a SHA-256 over the key version
//! (`crosscheck/v1`), the measure and event key, and each source's path
//! relative to the project root with its figures normalised.
//! Rule that is not obvious: nothing that moves without changing the
//! disagreement goes in: no line, column, byte offset, document id or run
//! order; the figures go in as values ("about 40" and "some 40" are one
//! figure), sorted, so rewording a sentence or adding lines above it keeps
//! the id, and a new source or a changed figure gives a new one.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::model::{Claim, Discrepancy, Interval, Stated};
use crate::report::sources::Index;

/// The version of the key: raised whenever what goes into it changes (the
/// measure or event model changes its keys); docs/ci.md says how to rebaseline.
pub const KEY_VERSION: &str = "crosscheck/v1";

/// What a fingerprint is made of, kept readable for the baseline and review files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub id: String,
    pub topic: String,
    /// Each source's path (relative to the root, `/`-separated) with its
    /// normalised figures, sorted by path.
    pub sources: Vec<(String, Vec<String>)>,
}

/// A path relative to `root` with `/` separators, as given when it is not
/// below it (an absolute path elsewhere, stdin's `-`). A record's `#n` stays.
pub fn relative(path: &str, root: &Path) -> String {
    if path == "-" {
        return path.to_string();
    }
    let (file, record) = match path.rsplit_once('#') {
        Some((f, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => (f, Some(n)),
        _ => (path, None),
    };
    let resolve = |p: &Path| -> PathBuf {
        std::fs::canonicalize(p).unwrap_or_else(|_| {
            // a path that is not there (a record file's, in a test): `.` and
            // `..` folded by hand
            let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
            let mut out = PathBuf::new();
            for c in abs.components() {
                match c {
                    std::path::Component::CurDir => {}
                    std::path::Component::ParentDir => {
                        out.pop();
                    }
                    c => out.push(c),
                }
            }
            out
        })
    };
    let abs = resolve(Path::new(file));
    let root = resolve(root);
    let rel = match abs.strip_prefix(&root) {
        Ok(r) => r
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/"),
        Err(_) => file.replace('\\', "/"),
    };
    match record {
        Some(n) => format!("{rel}#{n}"),
        None => rel,
    }
}

/// A number as the key writes it: integers without a point, `inf` for an open bound.
fn number(x: f64) -> String {
    if !x.is_finite() {
        "inf".into()
    } else if x.fract() == 0.0 && x.abs() < 9e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// One claim's figure, normalised: its kind, stated value, unit, precision and
/// interval; not its wording.
pub fn figure(c: &Claim) -> String {
    let stated = match &c.value.stated {
        Stated::Number(n) => number(*n),
        Stated::Text(t) => t.clone(),
    };
    let interval = match &c.value.interval {
        Interval::Number { low, high } | Interval::Duration { low, high } => {
            format!("{}..{}", number(*low), number(*high))
        }
        Interval::Date { low, high, .. } => format!(
            "{}..{}",
            low.map(|d| d.to_string()).unwrap_or_default(),
            high.map(|d| d.to_string()).unwrap_or_default()
        ),
    };
    let precision = crate::report::json::precision(&c.value);
    format!(
        "{:?}:{stated}:{}:{precision:?}:{interval}",
        c.kind,
        c.value.unit.unwrap_or("")
    )
    .to_lowercase()
}

/// The subject of a discrepancy, and its id.
pub fn subject(d: &Discrepancy, index: &Index, root: &Path) -> Subject {
    let single: Vec<Vec<String>>;
    let statements = if d.statements.is_empty() {
        single = d.claims.iter().map(|c| vec![c.clone()]).collect();
        &single
    } else {
        &d.statements
    };
    let mut by_path: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for st in statements {
        let parts: Vec<&Claim> = st.iter().filter_map(|id| index.claim(id)).collect();
        let Some(first) = parts.first() else {
            continue;
        };
        let path = relative(index.path(&first.document), root);
        let fig = parts
            .iter()
            .map(|c| figure(c))
            .collect::<Vec<_>>()
            .join(" + ");
        let figs = by_path.entry(path).or_default();
        if !figs.contains(&fig) {
            figs.push(fig);
        }
    }
    let sources: Vec<(String, Vec<String>)> = by_path
        .into_iter()
        .map(|(p, mut f)| {
            f.sort();
            (p, f)
        })
        .collect();
    let mut h = Sha256::new();
    let mut put = |k: &str, v: &str| {
        // lengths first: no two different inputs share a byte stream
        h.update(format!("{}:{k}={}:{v}\n", k.len(), v.len()).as_bytes());
    };
    put("key", KEY_VERSION);
    put("measure", &d.why.measure);
    put("event", d.why.event.as_deref().unwrap_or(""));
    put("topic", &d.topic);
    for (path, figs) in &sources {
        put("source", path);
        for f in figs {
            put("figure", f);
        }
    }
    let digest = h.finalize();
    let id: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    Subject {
        id,
        topic: d.topic.clone(),
        sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_made_relative_to_the_root_with_records_kept() {
        let root = std::env::current_dir().unwrap_or_default();
        assert_eq!(relative("data/x.txt", &root), "data/x.txt");
        assert_eq!(relative("./data/../data/x.txt", &root), "data/x.txt");
        assert_eq!(relative("feed.jsonl#3", &root), "feed.jsonl#3");
        assert_eq!(relative("-", &root), "-");
        let abs = root.join("a").join("b.md");
        assert_eq!(relative(&abs.display().to_string(), &root), "a/b.md");
        assert_eq!(relative("/elsewhere/c.md", &root), "/elsewhere/c.md");
    }
}
