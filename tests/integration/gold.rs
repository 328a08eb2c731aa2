//! Scores a `check --format json` report against a gold file in the format of
//! `../shared/seeds-gold.json`, by the rules of `../shared/gold-check.py`, and hands on a
//! `Score` with gold-check's last line. The one non-obvious rule: gold names groups, not
//! pairs: a gold item is found when one discrepancy holds a claim matching each of its
//! references, so a `must_not_flag` pair is broken by any discrepancy that holds both.
//!
//! One field goes beyond gold-check: `updates` (see tests/fixtures/stories/README.md). An
//! update item must be found in a discrepancy of severity `update`; the same claims in a
//! discrepancy of any other severity count as a wrong flag.

use serde::Deserialize;
use serde_json::Value;

/// A claim reference: `[DOC, TEXT]`, DOC being "folder/name-start", TEXT a piece of the quote.
pub type ClaimRef = [String; 2];

#[derive(Debug, Deserialize)]
pub struct Item {
    pub name: String,
    pub claims: Vec<ClaimRef>,
}

#[derive(Debug, Deserialize)]
pub struct Gold {
    #[serde(default = "default_corpus")]
    pub corpus: String,
    #[serde(default)]
    pub must_flag: Vec<Item>,
    #[serde(default)]
    pub should_flag: Vec<Item>,
    #[serde(default)]
    pub must_not_flag: Vec<Item>,
    #[serde(default)]
    pub never_flagged: Vec<ClaimRef>,
    #[serde(default)]
    pub updates: Option<Vec<Item>>,
    #[serde(default = "default_true")]
    pub one_topic_per_folder: bool,
    #[serde(default)]
    pub max_unexpected: usize,
}

fn default_corpus() -> String {
    "gold".to_string()
}

fn default_true() -> bool {
    true
}

impl Gold {
    /// Every claim reference of the gold file, for checking that each names a document.
    pub fn refs(&self) -> impl Iterator<Item = &ClaimRef> {
        let items = self
            .must_flag
            .iter()
            .chain(&self.should_flag)
            .chain(&self.must_not_flag)
            .chain(self.updates.iter().flatten());
        items
            .flat_map(|i| i.claims.iter())
            .chain(&self.never_flagged)
    }
}

/// The outcome of scoring one report.
#[derive(Debug)]
pub struct Score {
    pub ok: bool,
    /// gold-check's lines (MISSED, WRONGLY FLAGGED, unexpected ...), the score line last.
    pub lines: Vec<String>,
}

impl Score {
    pub fn line(&self) -> &str {
        self.lines.last().map(String::as_str).unwrap_or("")
    }
}

/// gold-check's `str(x)` for the ids and fields it compares.
fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => "None".to_string(),
        Some(other) => other.to_string(),
    }
}

/// The file name and parent folder of a report path, as `PurePosixPath` gives them.
fn name_and_folder(path: &str) -> (String, String) {
    let p = path.replace('\\', "/");
    let mut parts = p.split('/').filter(|s| !s.is_empty() && *s != ".");
    let parts: Vec<&str> = parts.by_ref().collect();
    let name = parts.last().copied().unwrap_or("").to_string();
    let folder = if parts.len() >= 2 {
        parts[parts.len() - 2].to_string()
    } else {
        String::new()
    };
    (name, folder)
}

/// `folder/name-start` against a document path.
pub fn doc_matches(path: &str, doc_ref: &str) -> bool {
    let (folder, start) = doc_ref.rsplit_once('/').unwrap_or(("", doc_ref));
    let (name, parent) = name_and_folder(path);
    name.to_lowercase().starts_with(&start.to_lowercase())
        && (folder.is_empty() || parent == folder)
}

struct Group<'a> {
    discrepancy: &'a Value,
    members: Vec<&'a Value>,
}

/// Score `report` against `gold`, as gold-check.py does (plus `updates`).
pub fn score(gold: &Gold, report: &Value) -> Score {
    let mut lines = Vec::new();
    let empty = Vec::new();
    let arr = |k: &str| report.get(k).and_then(Value::as_array).unwrap_or(&empty);
    let docs: Vec<(String, String)> = arr("documents")
        .iter()
        .map(|d| {
            let id = text(d.get("id"));
            let path = d.get("path").map(|p| text(Some(p))).unwrap_or(id.clone());
            (id, path)
        })
        .collect();
    let doc_path = |id: &str| {
        docs.iter()
            .rev()
            .find(|(i, _)| i == id)
            .map(|(_, p)| p.clone())
    };
    let claims = arr("claims");
    let claim_by_id = |id: &str| claims.iter().rev().find(|c| text(c.get("id")) == id);

    let mut groups = Vec::new();
    for d in arr("discrepancies") {
        let mut members = Vec::new();
        for r in d.get("claims").and_then(Value::as_array).unwrap_or(&empty) {
            let c = if r.is_object() {
                Some(r)
            } else {
                claim_by_id(&text(Some(r)))
            };
            match c {
                Some(c) => members.push(c),
                None => {
                    lines.push(format!(
                        "discrepancy {} names unknown claim {}",
                        text(d.get("id")),
                        text(Some(r))
                    ));
                    return Score { ok: false, lines };
                }
            }
        }
        groups.push(Group {
            discrepancy: d,
            members,
        });
    }

    let claim_matches = |c: &Value, r: &ClaimRef| {
        let doc = text(c.get("document"));
        let path = doc_path(&doc).unwrap_or(doc);
        let quote = c.get("quote").map(|q| text(Some(q))).unwrap_or_default();
        doc_matches(&path, &r[0]) && quote.to_lowercase().contains(&r[1].to_lowercase())
    };
    let group_has = |g: &Group, r: &ClaimRef| g.members.iter().any(|c| claim_matches(c, r));
    let found = |item: &Item| -> Vec<usize> {
        (0..groups.len())
            .filter(|&i| item.claims.iter().all(|r| group_has(&groups[i], r)))
            .collect()
    };
    let label = |g: &Group| {
        format!(
            "{}: {}",
            text(g.discrepancy.get("id")),
            text(g.discrepancy.get("topic"))
        )
    };

    let mut ok = true;
    let mut explained = vec![false; groups.len()];
    let mut must_hit = 0;
    for item in &gold.must_flag {
        let hits = found(item);
        for &i in &hits {
            explained[i] = true;
        }
        if hits.is_empty() {
            ok = false;
            lines.push(format!("MISSED  {}", item.name));
        } else {
            must_hit += 1;
        }
    }
    let mut should_hit = 0;
    for item in &gold.should_flag {
        let hits = found(item);
        for &i in &hits {
            explained[i] = true;
        }
        if hits.is_empty() {
            lines.push(format!("missed (should) {}", item.name));
        } else {
            should_hit += 1;
        }
    }
    let mut violations = 0;
    let mut update_hit = 0;
    for item in gold.updates.iter().flatten() {
        let hits = found(item);
        let mut as_update = false;
        for &i in &hits {
            explained[i] = true;
            if text(groups[i].discrepancy.get("severity")) == "update" {
                as_update = true;
            } else {
                violations += 1;
                lines.push(format!(
                    "FLAGGED, NOT AS AN UPDATE  {}  (discrepancy {}, severity {})",
                    item.name,
                    label(&groups[i]),
                    text(groups[i].discrepancy.get("severity"))
                ));
            }
        }
        if as_update {
            update_hit += 1;
        } else {
            ok = false;
            lines.push(format!("MISSED UPDATE  {}", item.name));
        }
    }
    for item in &gold.must_not_flag {
        for i in found(item) {
            violations += 1;
            lines.push(format!(
                "WRONGLY FLAGGED  {}  (discrepancy {})",
                item.name,
                label(&groups[i])
            ));
        }
    }
    for r in &gold.never_flagged {
        for g in &groups {
            if group_has(g, r) {
                violations += 1;
                lines.push(format!(
                    "WRONGLY FLAGGED  {} '{}' in discrepancy {}",
                    r[0],
                    r[1],
                    label(g)
                ));
            }
        }
    }
    if gold.one_topic_per_folder {
        for g in &groups {
            let mut folders: Vec<String> = g
                .members
                .iter()
                .map(|c| name_and_folder(&doc_path(&text(c.get("document"))).unwrap_or_default()).1)
                .collect();
            folders.sort();
            folders.dedup();
            if folders.len() > 1 {
                violations += 1;
                lines.push(format!(
                    "MIXED TOPICS  discrepancy {} spans {folders:?}",
                    text(g.discrepancy.get("id"))
                ));
            }
        }
    }
    let unexpected: Vec<&Group> = groups
        .iter()
        .zip(&explained)
        .filter(|(_, e)| !**e)
        .map(|(g, _)| g)
        .collect();
    for g in &unexpected {
        lines.push(format!("unexpected  {}", label(g)));
    }
    let limit = gold.max_unexpected;
    let ok = ok && violations == 0 && unexpected.len() <= limit;
    let updates = match &gold.updates {
        Some(u) => format!(", updates {update_hit}/{}", u.len()),
        None => String::new(),
    };
    lines.push(format!(
        "{}: must {must_hit}/{}, should {should_hit}/{}{updates}, wrong {violations}, \
         unexpected {}/{limit} allowed, {} discrepancies from {} claims",
        gold.corpus,
        gold.must_flag.len(),
        gold.should_flag.len(),
        unexpected.len(),
        groups.len(),
        claims.len()
    ));
    Score { ok, lines }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn gold(v: Value) -> Gold {
        serde_json::from_value(v).expect("gold parses")
    }

    /// Two stories in two folders; d1 holds a fire's toll, d2 another source, d3 elsewhere.
    fn report(discrepancies: Value) -> Value {
        json!({
            "documents": [
                {"id": "d1", "path": "stories/fire/01-wire.txt"},
                {"id": "d2", "path": "stories/fire/02-paper.md"},
                {"id": "d3", "path": "stories/vote/01-wire.json#1"}
            ],
            "claims": [
                {"id": "c1", "document": "d1", "quote": "at least 14"},
                {"id": "c2", "document": "d2", "quote": "Twenty-one"},
                {"id": "c3", "document": "d2", "quote": "six"},
                {"id": "c4", "document": "d3", "quote": "$412 million"}
            ],
            "discrepancies": discrepancies
        })
    }

    #[test]
    fn doc_refs_match_folder_and_name_start() {
        assert!(doc_matches("a/stories/fire/01-wire.txt", "fire/01"));
        assert!(doc_matches("fire\\01-wire.txt", "fire/01-WIRE"));
        assert!(doc_matches("x/vote/01-wire.json#1", "vote/01"));
        assert!(doc_matches("x/vote/01-wire.json#1", "01"));
        assert!(!doc_matches("x/vote/01-wire.json#1", "fire/01"));
        assert!(!doc_matches("x/fire/101-wire.txt", "fire/01"));
    }

    #[test]
    fn a_found_must_flag_passes_and_a_missed_one_fails() {
        let g = gold(json!({
            "corpus": "fire",
            "must_flag": [{"name": "injured", "claims": [["fire/01", "14"], ["fire/02", "twenty-one"]]}]
        }));
        let hit = score(
            &g,
            &report(json!([{"id": "D1", "topic": "injured", "claims": ["c1", "c2"]}])),
        );
        assert!(hit.ok, "{:?}", hit.lines);
        assert_eq!(
            hit.line(),
            "fire: must 1/1, should 0/0, wrong 0, unexpected 0/0 allowed, 1 discrepancies from 4 claims"
        );
        let miss = score(
            &g,
            &report(json!([{"id": "D1", "topic": "injured", "claims": ["c1", "c3"]}])),
        );
        assert!(!miss.ok);
        assert!(miss.lines.contains(&"MISSED  injured".to_string()));
        // c1 + c3 explains nothing: it is also unexpected
        assert!(miss.line().contains("unexpected 1/0 allowed"));
    }

    #[test]
    fn must_not_never_and_mixed_folders_are_wrong_flags() {
        let g = gold(json!({
            "must_not_flag": [{"name": "earlier fire", "claims": [["fire/02", "six"], ["fire/01", "14"]]}],
            "never_flagged": [["vote/01", "412"]],
            "max_unexpected": 5
        }));
        let s = score(
            &g,
            &report(json!([{"id": "D1", "topic": "t", "claims": ["c1", "c3", "c4"]}])),
        );
        assert!(!s.ok);
        // one must_not pair, one never_flagged claim, one discrepancy over two folders
        assert!(s.line().contains("wrong 3"), "{:?}", s.lines);
        assert!(s.line().starts_with("gold: "));
    }

    #[test]
    fn unexpected_findings_are_allowed_up_to_the_limit() {
        let d = json!([{"id": "D1", "topic": "t", "claims": ["c1", "c3"]}]);
        assert!(score(&gold(json!({"max_unexpected": 1})), &report(d.clone())).ok);
        assert!(!score(&gold(json!({})), &report(d)).ok);
    }

    #[test]
    fn an_update_must_be_reported_as_one() {
        let g = gold(json!({
            "updates": [{"name": "toll rose", "claims": [["fire/01", "14"], ["fire/02", "twenty-one"]]}]
        }));
        let as_update =
            json!([{"id": "D1", "topic": "t", "severity": "update", "claims": ["c1", "c2"]}]);
        let s = score(&g, &report(as_update));
        assert!(s.ok, "{:?}", s.lines);
        assert!(s.line().contains("updates 1/1, wrong 0"));
        let as_contradiction = json!([{"id": "D1", "topic": "t", "severity": "contradiction", "claims": ["c1", "c2"]}]);
        let s = score(&g, &report(as_contradiction));
        assert!(!s.ok);
        assert!(s.line().contains("updates 0/1, wrong 1"), "{:?}", s.lines);
        assert!(!score(&g, &report(json!([]))).ok);
    }

    #[test]
    fn an_unknown_claim_id_fails_the_score() {
        let s = score(
            &gold(json!({})),
            &report(json!([{"id": "D1", "claims": ["c9"]}])),
        );
        assert!(!s.ok);
        assert_eq!(s.line(), "discrepancy D1 names unknown claim c9");
    }
}
