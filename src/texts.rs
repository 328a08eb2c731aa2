//! Takes each claim's sentence and quote as extraction hands them on, keeps them
//! in an unlinked temporary file, and hands them back for the claims a later
//! stage reads (the clusters `compare` judges, the findings a report shows, every
//! claim of a JSON report as it is written).
//! Rule that is not obvious: a claim whose text is not stored keeps its own, so
//! a run whose temporary folder cannot be written, or a claim made in a test,
//! reads the same; only the memory differs.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::sync::OnceLock;

use crate::model::Claim;

/// Where a claim's text sits in the store: its sentence, then its quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextAt {
    at: u64,
    sentence: u32,
    /// The quote's length and one: never zero, so an absent `TextAt` costs
    /// nothing beside a present one.
    quote_and_one: std::num::NonZeroU32,
    /// `extract::sentence_hash` of the sentence, which story grouping reads
    /// of every claim (boilerplate).
    hash: u64,
}

impl TextAt {
    pub fn sentence_hash(self) -> u64 {
        self.hash
    }
}

/// The store while claims are extracted: texts are appended, never read.
#[derive(Debug)]
pub struct Spill {
    out: Option<BufWriter<File>>,
    at: u64,
    failed: Option<String>,
}

impl Default for Spill {
    fn default() -> Self {
        Spill::new()
    }
}

impl Spill {
    /// A store in the system's temporary folder; none (texts stay in the
    /// claims) when no file can be made there.
    pub fn new() -> Spill {
        Spill {
            out: tempfile::tempfile()
                .ok()
                .map(|f| BufWriter::with_capacity(1 << 16, f)),
            at: 0,
            failed: None,
        }
    }

    /// A store that keeps every text in its claim.
    pub fn none() -> Spill {
        Spill {
            out: None,
            at: 0,
            failed: None,
        }
    }

    /// Move the claim's sentence and quote into the store. When the file
    /// cannot take them the claim keeps them, and so do the claims after it.
    pub fn put(&mut self, c: &mut Claim) {
        let Some(out) = self.out.as_mut() else {
            return;
        };
        let (Ok(sentence), Some(quote_and_one)) = (
            u32::try_from(c.sentence.len()),
            u32::try_from(c.quote.len())
                .ok()
                .and_then(|q| q.checked_add(1))
                .and_then(std::num::NonZeroU32::new),
        ) else {
            return;
        };
        let wrote = out
            .write_all(c.sentence.as_bytes())
            .and_then(|()| out.write_all(c.quote.as_bytes()));
        if let Err(e) = wrote {
            // what reached the file before stays readable only if the
            // buffer is flushed; `finish` says so if it is not
            self.failed = Some(e.to_string());
            self.out = None;
            return;
        }
        c.stored = Some(TextAt {
            at: self.at,
            sentence,
            quote_and_one,
            hash: crate::extract::sentence_hash(&c.sentence),
        });
        self.at += u64::from(sentence) + u64::from(quote_and_one.get() - 1);
        c.sentence = Box::default();
        c.quote = Box::default();
    }

    /// Done writing: the store to read texts back from, or why the texts
    /// already moved into it are lost.
    pub fn finish(self) -> Result<Texts, String> {
        let file = match self.out {
            Some(out) => Some(out.into_inner().map_err(|e| e.error().to_string())?),
            None => None,
        };
        if let Some(e) = self.failed
            && self.at > 0
        {
            // the claims stored before the failure may still be in a lost buffer
            return Err(e);
        }
        Ok(Texts {
            file,
            failed: OnceLock::new(),
        })
    }
}

/// The texts of a run's claims, read back on demand; safe to read from many
/// threads at once.
#[derive(Debug, Default)]
pub struct Texts {
    file: Option<File>,
    /// The first failure to read a text back, for the run to report.
    failed: OnceLock<String>,
}

impl Texts {
    /// The claim with its sentence and quote; borrowed when it holds them.
    /// A text that cannot be read back is left empty and the failure kept
    /// for `failure`.
    pub fn with_text<'a>(&self, c: &'a Claim) -> Cow<'a, Claim> {
        match c.stored {
            None => Cow::Borrowed(c),
            Some(_) => {
                let mut owned = c.clone();
                self.fill(&mut owned);
                Cow::Owned(owned)
            }
        }
    }

    /// The claim's sentence and quote, borrowed when it holds them; empty
    /// when they cannot be read back (kept for `failure`).
    pub fn text<'a>(&self, c: &'a Claim) -> (Cow<'a, str>, Cow<'a, str>) {
        let Some(at) = c.stored else {
            return (Cow::Borrowed(&c.sentence), Cow::Borrowed(&c.quote));
        };
        match self.read(at) {
            Ok((sentence, quote)) => (Cow::Owned(sentence), Cow::Owned(quote)),
            Err(e) => {
                let _ = self.failed.set(e.to_string());
                (Cow::Borrowed(""), Cow::Borrowed(""))
            }
        }
    }

    /// Give the claim its sentence and quote back, in place.
    pub fn fill(&self, c: &mut Claim) {
        let Some(at) = c.stored else {
            return;
        };
        match self.read(at) {
            Ok((sentence, quote)) => {
                c.sentence = sentence.into();
                c.quote = quote.into();
                c.stored = None;
            }
            Err(e) => {
                let _ = self.failed.set(e.to_string());
            }
        }
    }

    /// Give every claim its text back (a view of every claim is asked for).
    pub fn fill_all(&self, claims: &mut [Claim]) {
        for c in claims {
            self.fill(c);
        }
    }

    /// Why a text could not be read back, if one could not.
    pub fn failure(&self) -> Option<&str> {
        self.failed.get().map(String::as_str)
    }

    fn read(&self, at: TextAt) -> std::io::Result<(String, String)> {
        let Some(file) = &self.file else {
            return Err(std::io::Error::other("the texts' temporary file is gone"));
        };
        let mut buf = vec![0; at.sentence as usize + (at.quote_and_one.get() - 1) as usize];
        read_at(file, &mut buf, at.at)?;
        let quote = buf.split_off(at.sentence as usize);
        let text = |b: Vec<u8>| {
            String::from_utf8(b)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
        };
        Ok((text(buf)?, text(quote)?))
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(windows)]
fn read_at(file: &File, mut buf: &mut [u8], mut at: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, at)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A real claim of the sentence, its quote as given.
    fn claim(sentence: &str, quote: &str) -> Claim {
        let doc = crate::ingest::parse_document(
            "x.txt".into(),
            crate::model::Format::Text,
            sentence.into(),
            &crate::ingest::IngestOptions::default(),
        );
        let segments = crate::segment::segment(&doc);
        let (claims, _) = crate::extract::extract_and_profile(&doc, &segments);
        claims
            .into_iter()
            .find(|c| &*c.quote == quote)
            .expect("the quote is a claim")
    }

    #[test]
    fn texts_come_back_as_they_went_in() {
        let mut spill = Spill::new();
        let mut a = claim("Nine people were hurt on Monday.", "Nine");
        let mut b = claim("Café owners — 12 of them — shut their doors.", "12");
        spill.put(&mut a);
        spill.put(&mut b);
        assert!(
            a.sentence.is_empty() && a.stored.is_some(),
            "stored, not held"
        );
        let texts = spill.finish().expect("flushed");
        assert_eq!(
            &*texts.with_text(&b).sentence,
            "Café owners — 12 of them — shut their doors."
        );
        assert_eq!(&*texts.with_text(&b).quote, "12");
        texts.fill(&mut a);
        assert_eq!(
            (&*a.sentence, &*a.quote),
            ("Nine people were hurt on Monday.", "Nine")
        );
        assert!(a.stored.is_none());
        assert!(texts.failure().is_none());
    }

    #[test]
    fn without_a_store_claims_keep_their_text() {
        let mut spill = Spill::none();
        let mut a = claim("Four people left.", "Four");
        spill.put(&mut a);
        assert_eq!(&*a.sentence, "Four people left.");
        let texts = spill.finish().expect("nothing to flush");
        assert!(matches!(texts.with_text(&a), Cow::Borrowed(_)));
    }
}
