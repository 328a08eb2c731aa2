//! Fuzz the JSON and JSONL readers: no panic, every record's text fits in the
//! file where it says it starts.
#![no_main]

use crosscheck::ingest::json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    for (records, _) in [json::read_json(&src), json::read_jsonl(&src)] {
        for r in records {
            assert!(r.at.offset + r.text.len() <= src.len());
            assert!(!r.text.contains('\n'));
        }
    }
});
