//! Takes paths (files, folders, `-`), hands on documents with their text, format and
//! publication date, plus a list of the files that could not be read.
//! Rule that is not obvious: metadata (front matter, markup) is blanked to spaces in
//! place, never cut out, so every offset into a document's text is an offset into its file.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;

use crate::model::{DateSource, Document, Format};

/// How to read the inputs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    pub published_default: Option<NaiveDate>,
    pub input_format: Option<Format>,
    pub max_file_size: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            published_default: None,
            input_format: None,
            max_file_size: 16 * 1024 * 1024,
        }
    }
}

/// A file that was skipped, and why.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub reason: String,
}

/// Read every document under `paths`. Documents come back sorted by path with ids
/// `d1`, `d2` … so the output does not depend on the order of the file system.
pub fn ingest(paths: &[PathBuf], opts: &IngestOptions) -> (Vec<Document>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        if !p.exists() {
            problems.push(Problem {
                path: p.display().to_string(),
                reason: "no such file or directory".into(),
            });
            continue;
        }
        if p.is_dir() {
            for entry in ignore::WalkBuilder::new(p)
                .sort_by_file_name(|a, b| a.cmp(b))
                .build()
            {
                match entry {
                    Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                        let path = e.into_path();
                        if format_of(&path).is_some() {
                            files.push(path);
                        }
                    }
                    Ok(_) => {}
                    Err(err) => problems.push(Problem {
                        path: p.display().to_string(),
                        reason: err.to_string(),
                    }),
                }
            }
        } else {
            files.push(p.clone());
        }
    }
    files.sort();
    files.dedup();
    let mut docs = Vec::new();
    for path in files {
        match read_file(&path, opts) {
            Ok(doc) => docs.push(doc),
            Err(reason) => problems.push(Problem {
                path: path.display().to_string(),
                reason,
            }),
        }
    }
    for (i, d) in docs.iter_mut().enumerate() {
        d.id = format!("d{}", i + 1);
    }
    (docs, problems)
}

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        _ => None,
    }
}

fn read_file(path: &Path, opts: &IngestOptions) -> Result<Document, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.len() > opts.max_file_size {
        return Err(format!(
            "larger than --max-file-size ({} bytes)",
            opts.max_file_size
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes)".into());
    }
    let text = String::from_utf8(bytes).map_err(|_| "not valid UTF-8".to_string())?;
    let format = opts
        .input_format
        .or_else(|| format_of(path))
        .unwrap_or(Format::Text);
    Ok(parse_document(
        path.display().to_string(),
        format,
        text,
        opts,
    ))
}

/// Turn raw text into a document: front matter read and blanked, dateline read.
pub fn parse_document(
    path: String,
    format: Format,
    mut text: String,
    opts: &IngestOptions,
) -> Document {
    let mut doc = Document {
        path,
        format,
        ..Document::default()
    };
    if format == Format::Markdown
        && let Some(end) = front_matter_end(&text)
    {
        {
            for line in text[..end].lines().skip(1) {
                let Some((key, value)) = line.split_once(':') else {
                    continue;
                };
                let value = value
                    .trim()
                    .trim_matches(|c| c == '"' || c == '\'')
                    .to_string();
                match key.trim().to_ascii_lowercase().as_str() {
                    "date" | "published" => {
                        if let Some(d) = parse_iso_date(&value) {
                            doc.published = Some(d);
                            doc.published_from = DateSource::Metadata;
                        }
                    }
                    "outlet" | "source" => doc.outlet = Some(value),
                    "title" => doc.title = Some(value),
                    _ => {}
                }
            }
            blank(&mut text, 0, end);
        }
    }
    if doc.published.is_none() {
        if let Some(d) = dateline(&text) {
            doc.published = Some(d);
            doc.published_from = DateSource::Dateline;
        } else if let Some(d) = opts.published_default {
            doc.published = Some(d);
            doc.published_from = DateSource::Default;
        }
    }
    doc.text = text;
    doc
}

/// End (exclusive) of a `---` front matter block at the very start, if closed.
fn front_matter_end(text: &str) -> Option<usize> {
    let first = text.split_inclusive('\n').next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut pos = first.len();
    for line in text[pos..].split_inclusive('\n') {
        pos += line.len();
        if matches!(line.trim_end(), "---" | "...") {
            return Some(pos);
        }
    }
    None
}

/// Replace bytes `start..end` with spaces, keeping line breaks.
pub fn blank(text: &mut String, start: usize, end: usize) {
    let blanked: String = text[start..end]
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' {
                c.to_string()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect();
    text.replace_range(start..end, &blanked);
}

fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^\s*[^\n,]{2,60},\s*
        (?:
          (?P<d1>[0-9]{1,2})\s+(?P<m1>[A-Za-z]+)\.?,?\s+(?P<y1>[0-9]{4})
        | (?P<m2>[A-Za-z]+)\.?\s+(?P<d2>[0-9]{1,2}),?\s+(?P<y2>[0-9]{4})
        )
        \s*(?:\([^)\n]{1,60}\))?\s*(?:[-–—:])",
    )
    .expect("dateline regex")
});

/// A publication date from a dateline at the top of the text:
/// `CITY, March 7, 2025 (Agency) —` or `City, 4 July 2023 (ABC):`.
pub fn dateline(text: &str) -> Option<NaiveDate> {
    let head = &text[..crate::model::floor_char_boundary(text, 400)];
    let c = DATELINE.captures(head)?;
    let (d, m, y) = if let Some(d) = c.name("d1") {
        (d.as_str(), &c["m1"], &c["y1"])
    } else {
        (&c["d2"], &c["m2"], &c["y2"])
    };
    let month = month_number(m)?;
    NaiveDate::from_ymd_opt(y.parse().ok()?, month, d.parse().ok()?)
}

fn month_number(name: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let n = name.to_ascii_lowercase();
    if n.len() < 3 {
        return None;
    }
    NAMES
        .iter()
        .position(|m| n.starts_with(m))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        assert_eq!(
            dateline("PARIS, March 7, 2025 (Agency) — Text"),
            NaiveDate::from_ymd_opt(2025, 3, 7)
        );
        assert_eq!(
            dateline("Some City, 4 July 2023 (ABC): text"),
            NaiveDate::from_ymd_opt(2023, 7, 4)
        );
        assert_eq!(dateline("No dateline here, just text."), None);
    }

    #[test]
    fn front_matter_is_blanked_in_place() {
        let text = "---\ndate: 2024-01-02\noutlet: The Post\n---\nBody 5.\n".to_string();
        let len = text.len();
        let doc = parse_document(
            "a.md".into(),
            Format::Markdown,
            text,
            &IngestOptions::default(),
        );
        assert_eq!(doc.text.len(), len);
        assert_eq!(doc.published, NaiveDate::from_ymd_opt(2024, 1, 2));
        assert_eq!(doc.outlet.as_deref(), Some("The Post"));
        assert!(doc.text.trim_start().starts_with("Body 5."));
        assert_eq!(doc.locate(doc.text.find("Body").unwrap()).line, 5);
    }
}
