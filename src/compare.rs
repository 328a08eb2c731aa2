//! Takes clusters, hands on discrepancies: contradictions where the intervals cannot
//! both hold, divergences where they can but the stated figures differ beyond rounding.
//! Rule that is not obvious: two claims from the same document never disagree with
//! each other; only sources disagree.

use crate::model::{Claim, Cluster, Discrepancy, Interval, Severity, Stated};

/// Compare each cluster's claims across documents.
pub fn compare(claims: &[Claim], clusters: &[Cluster]) -> Vec<Discrepancy> {
    let mut out = Vec::new();
    for cluster in clusters {
        let members: Vec<&Claim> = cluster.claims.iter().map(|&i| &claims[i]).collect();
        let mut worst: Option<Severity> = None;
        let mut involved: Vec<&Claim> = Vec::new();
        for (i, a) in members.iter().enumerate() {
            for b in &members[i + 1..] {
                if a.document == b.document {
                    continue;
                }
                if let Some(sev) = disagree(a, b) {
                    worst = worst.max(Some(sev));
                    for c in [*a, *b] {
                        if !involved.iter().any(|x| x.id == c.id) {
                            involved.push(c);
                        }
                    }
                }
            }
        }
        if let Some(severity) = worst {
            involved.sort_by(|a, b| a.id.cmp(&b.id));
            out.push(Discrepancy {
                id: format!("D{}", out.len() + 1),
                topic: cluster.topic.clone(),
                severity,
                summary: involved
                    .iter()
                    .map(|c| c.quote.clone())
                    .collect::<Vec<_>>()
                    .join(" vs "),
                claims: involved.iter().map(|c| c.id.clone()).collect(),
            });
        }
    }
    out
}

/// How two claims disagree, if they do.
pub fn disagree(a: &Claim, b: &Claim) -> Option<Severity> {
    match (&a.value.interval, &b.value.interval) {
        (Interval::Number { low: al, high: ah }, Interval::Number { low: bl, high: bh }) => {
            if ah < bl || bh < al {
                Some(Severity::Contradiction)
            } else if stated_differs(&a.value.stated, &b.value.stated) {
                Some(Severity::Divergence)
            } else {
                None
            }
        }
        (
            Interval::Date {
                low: Some(al),
                high: Some(ah),
                ..
            },
            Interval::Date {
                low: Some(bl),
                high: Some(bh),
                ..
            },
        ) => (ah < bl || bh < al).then_some(Severity::Contradiction),
        _ => None,
    }
}

fn stated_differs(a: &Stated, b: &Stated) -> bool {
    match (a, b) {
        (Stated::Number(x), Stated::Number(y)) => (x - y).abs() > 1e-9 * x.abs().max(1.0),
        (Stated::Text(x), Stated::Text(y)) => x != y,
        _ => true,
    }
}
