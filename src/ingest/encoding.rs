//! Takes a file's bytes, hands on its text as UTF-8, or says why it is binary.
//! Rule that is not obvious: a UTF-8 byte-order mark is blanked to three spaces
//! (not removed) so offsets stay file offsets; text that had to be converted
//! (UTF-16, a legacy charset, UTF-8 with bad bytes) is measured in its UTF-8
//! form, with a warning saying so. Text that is UTF-8 but for a few bad bytes
//! stays UTF-8; only text that is not UTF-8 at all goes to the detector.

use std::sync::LazyLock;

use encoding_rs::Encoding;
use regex::bytes::Regex;

/// Why bytes are not text, if they are not: a known file signature or NUL bytes.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "zip archive"),
        (b"\x1f\x8b", "gzip archive"),
        (b"7z\xbc\xaf\x27\x1c", "7z archive"),
        (b"\xfd7zXZ\x00", "xz archive"),
        (b"BZh", "bzip2 archive"),
        (b"\x28\xb5\x2f\xfd", "zstd archive"),
        (b"\x7fELF", "executable"),
        (b"RIFF", "RIFF media file"),
    ];
    if is_utf16_bom(bytes) {
        return None;
    }
    for (sig, kind) in SIGNATURES {
        if bytes.starts_with(sig) {
            return Some(kind);
        }
    }
    if bytes.get(257..262) == Some(b"ustar") {
        return Some("tar archive");
    }
    if bytes.contains(&0) {
        return Some("binary file (contains NUL bytes)");
    }
    None
}

fn is_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff")
}

/// Text and, when it was not plain UTF-8, a note on how it was decoded.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub note: Option<String>,
}

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?xi)<meta[^>]{0,200}?charset\s*=\s*["']?\s*(?P<label>[-_.:a-z0-9]{1,40})"#)
        .expect("charset regex")
});

/// Decode a file. UTF-8 stays as it is (BOM blanked); UTF-16 with a BOM is
/// converted; anything else that is not UTF-8 is read as the charset an HTML
/// `<meta charset>` names, else as the charset chardetng finds in its bytes.
pub fn decode(bytes: Vec<u8>, html: bool) -> Decoded {
    if let Some((enc, _)) = Encoding::for_bom(&bytes)
        && enc != encoding_rs::UTF_8
    {
        let (text, _) = enc.decode_with_bom_removal(&bytes);
        return Decoded {
            text: text.into_owned(),
            note: Some(format!(
                "decoded from {}; offsets count bytes of the UTF-8 text",
                enc.name()
            )),
        };
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.replace_range(..3, "   ");
            }
            Decoded { text, note: None }
        }
        Err(e) => {
            let bytes = e.into_bytes();
            if let Some(decoded) = mostly_utf8(&bytes) {
                return decoded;
            }
            let declared = if html {
                let head = &bytes[..bytes.len().min(4096)];
                META_CHARSET
                    .captures(head)
                    .and_then(|c| Encoding::for_label(&c["label"]))
                    .filter(|enc| *enc != encoding_rs::UTF_8)
            } else {
                None
            };
            let enc = declared.unwrap_or_else(|| {
                let mut detector =
                    chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                detector.feed(&bytes, true);
                detector.guess(None, chardetng::Utf8Detection::Deny)
            });
            let (text, _, _) = enc.decode(&bytes);
            Decoded {
                text: text.into_owned(),
                note: Some(format!(
                    "not valid UTF-8; decoded as {}{}",
                    enc.name(),
                    if declared.is_some() {
                        " (its <meta charset>)"
                    } else {
                        " (as its bytes suggest)"
                    }
                )),
            }
        }
    }
}

/// Text that is UTF-8 but for a few bad bytes — it has more valid multi-byte
/// characters than invalid sequences — decoded as UTF-8 with U+FFFD in place
/// of each bad sequence, and a note naming the first one's byte offset.
fn mostly_utf8(bytes: &[u8]) -> Option<Decoded> {
    let mut multibyte = 0usize;
    let mut bad = 0usize;
    let mut first_bad = None;
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            bad += 1;
            first_bad.get_or_insert(offset);
            offset += chunk.invalid().len();
        }
    }
    let first_bad = first_bad?;
    if multibyte <= bad {
        return None;
    }
    let mut text = String::from_utf8_lossy(bytes).into_owned();
    if text.starts_with('\u{feff}') {
        text.replace_range(..3, "   ");
    }
    let more = match bad {
        1 => String::new(),
        n => format!(" and {} more", n - 1),
    };
    Some(Decoded {
        text,
        note: Some(format!(
            "not valid UTF-8 at byte {first_bad}{more}; read as UTF-8 with U+FFFD in place \
             of the bad bytes (offsets after byte {first_bad} count bytes of the UTF-8 text)"
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_and_nul_bytes_are_binary() {
        assert_eq!(binary_kind(b"\x89PNG\r\n\x1a\nxxxx"), Some("PNG image"));
        assert_eq!(binary_kind(b"PK\x03\x04rest"), Some("zip archive"));
        assert_eq!(
            binary_kind(b"plain\0text"),
            Some("binary file (contains NUL bytes)")
        );
        assert_eq!(binary_kind(b"plain text, 12 words"), None);
        // UTF-16 is full of NULs but is text
        assert_eq!(binary_kind(b"\xff\xfeA\0B\0"), None);
    }

    #[test]
    fn utf8_bom_is_blanked_in_place() {
        let d = decode(b"\xef\xbb\xbfHello".to_vec(), false);
        assert_eq!(d.text, "   Hello");
        assert!(d.note.is_none());
    }

    #[test]
    fn utf16_with_bom_is_converted() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "Caf\u{e9} 12\r\n".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = decode(bytes, false);
        assert_eq!(d.text, "Caf\u{e9} 12\r\n");
        assert!(d.note.unwrap().contains("UTF-16LE"));
        let mut be = vec![0xfe, 0xff];
        for u in "Zo\u{eb}".encode_utf16() {
            be.extend(u.to_be_bytes());
        }
        assert_eq!(decode(be, false).text, "Zo\u{eb}");
    }

    #[test]
    fn one_bad_byte_in_utf8_stays_utf8() {
        let d = decode(
            "“Quoted” – 12 km\n"
                .bytes()
                .chain(*b"bad \xff byte")
                .collect(),
            false,
        );
        assert!(d.text.starts_with("“Quoted” – 12 km"), "{}", d.text);
        assert!(d.text.contains("bad \u{fffd} byte"));
        let at = "“Quoted” – 12 km\nbad ".len();
        assert!(d.note.unwrap().contains(&format!("at byte {at};")));
    }

    #[test]
    fn latin1_and_declared_charsets() {
        let d = decode(b"Caf\xe9 \x93quoted\x94".to_vec(), false);
        assert_eq!(d.text, "Caf\u{e9} \u{201c}quoted\u{201d}");
        assert!(d.note.unwrap().contains("windows-1252"));
        let html = b"<meta charset=\"iso-8859-2\"><p>\xb1</p>".to_vec();
        let d = decode(html, true);
        assert!(d.text.contains('\u{105}'), "{}", d.text);
        assert!(d.note.unwrap().contains("ISO-8859-2"));
    }
}
