//! Fuzz the HTML reader: any bytes, no panic, text as long as the input with
//! the same line breaks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    let doc = crosscheck::ingest::html::read_html(&src);
    assert_eq!(doc.text.len(), src.len());
    assert_eq!(
        doc.text.bytes().filter(|&b| b == b'\n').count(),
        src.bytes().filter(|&b| b == b'\n').count()
    );
});
