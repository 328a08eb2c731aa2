//! Fuzz the whole extractor over a document: ingest as text, segment, extract.
//! No panic; every claim's span lies inside the text on character boundaries.
#![no_main]

use crosscheck::ingest::{IngestOptions, parse_document};
use crosscheck::model::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let format = match selector % 3 {
        0 => Format::Text,
        1 => Format::Markdown,
        _ => Format::Html,
    };
    let src = String::from_utf8_lossy(rest).into_owned();
    let opts = IngestOptions {
        published_default: chrono::NaiveDate::from_ymd_opt(2024, 6, 15),
        ..IngestOptions::default()
    };
    let doc = parse_document("f".into(), format, src, &opts);
    let segments = crosscheck::segment::segment(&doc);
    for s in &segments {
        assert!(s.start <= s.end && s.end <= doc.text.len());
    }
    let claims = crosscheck::extract::extract(&doc, &segments);
    for c in &claims {
        assert!(c.start <= c.end && c.end <= doc.text.len(), "{c:?}");
    }
});
