//! Fuzz the front-matter reader and the Markdown blanker: no panic, the block
//! ends inside the text, the document keeps the input's length and lines.
#![no_main]

use crosscheck::ingest::{IngestOptions, markdown, parse_document};
use crosscheck::model::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data).into_owned();
    if let Some(fm) = markdown::front_matter(&src) {
        assert!(fm.end <= src.len() && src.is_char_boundary(fm.end));
    }
    let doc = parse_document("f.md".into(), Format::Markdown, src.clone(), &IngestOptions::default());
    assert_eq!(doc.text.len(), src.len());
    assert_eq!(doc.text.matches('\n').count(), src.matches('\n').count());
});
