//! Takes paths (files, folders, `-`), hands on documents with their text, format and
//! publication date, plus the inputs that were skipped and warnings worth showing.
//! Rule that is not obvious: metadata and markup are blanked to spaces in place,
//! never cut out, and block boundaries that are not line breaks become a form
//! feed (see `inplace`), so every offset into a document's text is an offset
//! into its (decoded) file and line numbers are the file's.
//!
//! Layout: `encoding` (bytes → text), `markdown` (front matter, prose), `html`
//! (visible text, meta), `json` (records), `dates` (date values, datelines),
//! `inplace` (blanking helpers); this file walks folders, reads files, applies
//! the manifest and decides each document's publication date.

pub mod dates;
pub mod encoding;
pub mod html;
pub mod inplace;
pub mod json;
pub mod markdown;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use globset::{Glob, GlobSet, GlobSetBuilder};
use rayon::prelude::*;
use serde::Serialize;

pub use dates::{dateline, dateline_span, parse_date_value};
pub use inplace::{PARAGRAPH, blank};

use crate::model::{DateSource, Document, Format};

/// The manifest file looked up in each folder given (and beside each file given).
pub const MANIFEST: &str = "crosscheck.toml";
/// Default for `--max-file-size`.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// How to read the inputs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    pub published_default: Option<NaiveDate>,
    pub input_format: Option<Format>,
    pub max_file_size: u64,
    /// `--glob`: when walking a folder, read only files matching one of these
    /// (whatever their extension).
    pub globs: Vec<String>,
    /// `--exclude`: when walking a folder, skip files and folders matching these.
    pub excludes: Vec<String>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            published_default: None,
            input_format: None,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            globs: Vec::new(),
            excludes: Vec::new(),
        }
    }
}

/// An input that was skipped, or a warning about one, and why.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub reason: String,
}

impl Problem {
    fn new(path: impl Into<String>, reason: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            reason: reason.into(),
        }
    }
}

/// Everything reading the inputs produced.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Sorted by file path, then by position inside the file; ids `d1`, `d2` ….
    pub documents: Vec<Document>,
    /// Inputs that could not be read at all (files, records, folder entries).
    pub skipped: Vec<Problem>,
    /// Things read with a caveat (re-encoded, unrecognised date, bad manifest).
    pub warnings: Vec<Problem>,
}

/// Compile `--glob` / `--exclude` patterns; the error names the bad pattern.
pub fn glob_set(patterns: &[String]) -> Result<Option<GlobSet>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(Glob::new(p).map_err(|e| format!("bad glob {p:?}: {e}"))?);
    }
    b.build().map(Some).map_err(|e| e.to_string())
}

/// Does a glob set match a path, by its path below `root` or by its file name?
fn glob_match(set: &GlobSet, root: &Path, path: &Path) -> bool {
    let rel = path.strip_prefix(root).unwrap_or(path);
    set.is_match(rel) || path.file_name().is_some_and(|n| set.is_match(n))
}

/// The format a file name implies; `None` for an extension we do not read.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "json" => Some(Format::Json),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        _ => None,
    }
}

enum Source {
    Stdin,
    File(PathBuf),
}

struct Input {
    shown: String,
    source: Source,
    /// Index into the manifests and this input's key there.
    manifest: Option<(usize, String)>,
    /// The walk saw a regular file here: it is opened without a `stat` by path
    /// first (no FIFO can block the open).
    regular: bool,
    /// The path with every symbolic link resolved, when the walk could tell it
    /// without asking the file system once per file; `None`: ask.
    canonical: Option<PathBuf>,
}

/// What a manifest says about one document.
#[derive(Debug, Default, Clone)]
struct Entry {
    published: Option<String>,
    outlet: Option<String>,
    title: Option<String>,
}

struct Manifest {
    dir: PathBuf,
    entries: BTreeMap<String, Entry>,
}

fn load_manifest(dir: &Path, warnings: &mut Vec<Problem>) -> Option<Manifest> {
    let path = dir.join(MANIFEST);
    if !path.is_file() {
        return None;
    }
    let shown = path.display().to_string();
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            warnings.push(Problem::new(
                shown,
                format!("manifest not read: {}", io_reason(&e)),
            ));
            return None;
        }
    };
    let table: toml::Table = match toml::from_str(&text) {
        Ok(t) => t,
        Err(e) => {
            let msg = e.to_string();
            let first = msg.lines().next().unwrap_or("invalid TOML").to_string();
            warnings.push(Problem::new(shown, format!("manifest not read: {first}")));
            return None;
        }
    };
    let mut entries = BTreeMap::new();
    if let Some(docs) = table.get("documents").and_then(|d| d.as_table()) {
        for (key, v) in docs {
            let field = |names: &[&str]| {
                names.iter().find_map(|n| match v.get(*n)? {
                    toml::Value::String(s) => Some(s.clone()),
                    toml::Value::Datetime(d) => Some(d.to_string()),
                    _ => None,
                })
            };
            entries.insert(
                key.trim_start_matches("./").to_string(),
                Entry {
                    published: field(&["published", "date"]),
                    outlet: field(&["outlet", "source"]),
                    title: field(&["title"]),
                },
            );
        }
    }
    Some(Manifest {
        dir: dir.to_path_buf(),
        entries,
    })
}

/// A manifest key: the path below the manifest's folder, with '/' separators.
fn manifest_key(dir: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(dir).ok()?;
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// A short reason for an I/O error.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "no such file or directory".into(),
        K::PermissionDenied => "permission denied".into(),
        K::IsADirectory => "is a directory".into(),
        K::InvalidData => "not readable as text".into(),
        _ => e.to_string(),
    }
}

/// Unwrap the layers `ignore` puts around a walking error.
fn walk_reason(err: &ignore::Error) -> (Option<PathBuf>, String) {
    match err {
        ignore::Error::WithPath { path, err } => (Some(path.clone()), walk_reason(err).1),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_reason(err)
        }
        ignore::Error::Loop { ancestor, child } => (
            Some(child.clone()),
            format!(
                "directory loop: it leads back to {}; not followed",
                ancestor.display()
            ),
        ),
        ignore::Error::Io(e) => (None, io_reason(e)),
        ignore::Error::Partial(errs) => errs.first().map_or((None, err.to_string()), walk_reason),
        other => (None, other.to_string()),
    }
}

/// What the walk of a folder reported.
enum Walked {
    /// A file; `linked`: its own name is a symbolic link.
    File { path: PathBuf, linked: bool },
    /// A folder reached through a symbolic link.
    LinkedDir(PathBuf),
    /// A part of the tree that could not be read, and why.
    Error(Option<PathBuf>, String),
}

impl Walked {
    /// The path to sort by; an error without one sorts first.
    fn path(&self) -> &Path {
        match self {
            Walked::File { path, .. } | Walked::LinkedDir(path) => path,
            Walked::Error(path, _) => path.as_deref().unwrap_or(Path::new("")),
        }
    }
}

/// Walk a folder on several threads (listing directories is most of the cost
/// of a walk over thousands of small files) and return what it found, unordered.
fn walk(builder: &ignore::WalkBuilder) -> Vec<Walked> {
    let (tx, rx) = std::sync::mpsc::channel();
    builder.build_parallel().run(|| {
        let tx = tx.clone();
        Box::new(move |entry| {
            let found = match entry {
                Ok(e) if e.depth() > 0 && e.file_type().is_some_and(|t| t.is_file()) => {
                    let linked = e.path_is_symlink();
                    Some(Walked::File {
                        path: e.into_path(),
                        linked,
                    })
                }
                Ok(e) if e.depth() > 0 && e.path_is_symlink() => {
                    Some(Walked::LinkedDir(e.into_path()))
                }
                Ok(_) => None,
                Err(err) => {
                    let (path, reason) = walk_reason(&err);
                    Some(Walked::Error(path, reason))
                }
            };
            if let Some(w) = found {
                // the receiver lives until `run` returns
                let _ = tx.send(w);
            }
            ignore::WalkState::Continue
        })
    });
    drop(tx);
    rx.into_iter().collect()
}

/// A key whose byte order is the order of `Path`'s `cmp`: component by
/// component, each as a kind tag and, for a name, its bytes and a 0 (no name
/// holds a 0). Comparing paths component-wise parses both at every comparison,
/// which made sorting a walk of 40,000 files a tenth of a second.
fn path_key(path: &Path) -> Vec<u8> {
    use std::path::Component;
    let mut key = Vec::with_capacity(path.as_os_str().len() + 8);
    for c in path.components() {
        // the tags follow the order in which `Component` declares its kinds
        match c {
            Component::Prefix(p) => {
                key.push(1);
                key.extend_from_slice(p.as_os_str().as_encoded_bytes());
                key.push(0);
            }
            Component::RootDir => key.push(2),
            Component::CurDir => key.push(3),
            Component::ParentDir => key.push(4),
            Component::Normal(name) => {
                key.push(5);
                key.extend_from_slice(name.as_encoded_bytes());
                key.push(0);
            }
        }
    }
    key
}

/// List the inputs under `paths`, sorted, with skipped entries and warnings.
fn list_inputs(
    paths: &[PathBuf],
    opts: &IngestOptions,
    manifests: &mut Vec<Manifest>,
    out: &mut Ingested,
) -> Vec<Input> {
    // bad patterns are rejected by the CLI; here they just match nothing
    let globs = glob_set(&opts.globs).ok().flatten();
    let excludes = glob_set(&opts.excludes).ok().flatten();
    let mut manifest_dirs: BTreeMap<PathBuf, Option<usize>> = BTreeMap::new();
    let mut manifest_for = |dir: &Path, out: &mut Ingested, manifests: &mut Vec<Manifest>| {
        *manifest_dirs.entry(dir.to_path_buf()).or_insert_with(|| {
            load_manifest(dir, &mut out.warnings).map(|m| {
                manifests.push(m);
                manifests.len() - 1
            })
        })
    };
    let key_in = |m: Option<usize>, manifests: &[Manifest], path: &Path| {
        let m = m?;
        Some((m, manifest_key(&manifests[m].dir, path)?))
    };
    let mut inputs = Vec::new();
    for p in paths {
        let shown = p.display().to_string();
        if p.as_os_str() == "-" {
            inputs.push(Input {
                shown,
                source: Source::Stdin,
                manifest: None,
                regular: false,
                canonical: None,
            });
            continue;
        }
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) => {
                out.skipped.push(Problem::new(shown, io_reason(&e)));
                continue;
            }
        };
        if !meta.is_dir() {
            let dir = match p.parent() {
                Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let m = manifest_for(&dir, out, manifests);
            let manifest = key_in(m, manifests, &dir.join(p.file_name().unwrap_or_default()));
            inputs.push(Input {
                shown,
                source: Source::File(p.clone()),
                manifest,
                regular: false,
                canonical: None,
            });
            continue;
        }
        let m = manifest_for(p, out, manifests);
        let mut builder = ignore::WalkBuilder::new(p);
        builder
            .follow_links(true)
            .hidden(true)
            .ignore(true)
            .git_ignore(true)
            .git_exclude(true)
            .git_global(false)
            // as ripgrep: a .gitignore counts only inside a git repository
            .require_git(true)
            .threads(rayon::current_num_threads());
        if let Some(ex) = excludes.clone() {
            let root = p.clone();
            builder.filter_entry(move |e| e.depth() == 0 || !glob_match(&ex, &root, e.path()));
        }
        let mut walked = walk(&builder);
        // what the walk's threads found, in the order one sorted walk would have
        // found it: files and errors by path
        walked.sort_by_cached_key(|w| path_key(w.path()));
        let mut found = 0usize;
        // below the resolved root, a path none of whose parts is a link is
        // already resolved: `canonicalize` (a `readlink` per part) is needed
        // only under the links the walk followed
        let root = std::fs::canonicalize(p).ok();
        let linked_dirs: Vec<&Path> = walked
            .iter()
            .filter_map(|w| match w {
                Walked::LinkedDir(d) => Some(d.as_path()),
                _ => None,
            })
            .collect();
        for w in &walked {
            match w {
                Walked::File { path, linked } => {
                    let canonical = match &root {
                        Some(r) if !linked && !linked_dirs.iter().any(|d| path.starts_with(d)) => {
                            path.strip_prefix(p).ok().map(|rel| r.join(rel))
                        }
                        _ => None,
                    };
                    let wanted = match &globs {
                        Some(g) => glob_match(g, p, path),
                        None => format_of(path).is_some(),
                    };
                    if wanted {
                        found += 1;
                        inputs.push(Input {
                            shown: path.display().to_string(),
                            manifest: key_in(m, manifests, path),
                            source: Source::File(path.clone()),
                            regular: true,
                            canonical,
                        });
                    }
                }
                Walked::LinkedDir(_) => {}
                Walked::Error(path, reason) => {
                    let shown = path
                        .as_ref()
                        .map_or_else(|| shown.clone(), |p| p.display().to_string());
                    out.skipped.push(Problem::new(shown, reason.clone()));
                }
            }
        }
        if found == 0 {
            let looked = if opts.globs.is_empty() {
                "looked for .txt, .md, .markdown, .html, .htm, .json, .jsonl".to_string()
            } else {
                let quoted: Vec<String> = opts.globs.iter().map(|g| format!("'{g}'")).collect();
                format!("none matches --glob {}", quoted.join(", "))
            };
            out.warnings.push(Problem::new(
                shown,
                format!("no files to read in this folder ({looked})"),
            ));
        }
    }
    // one read per file, however it was named; order by path for stable ids
    let mut seen = std::collections::HashSet::new();
    inputs.retain(|i| match &i.source {
        Source::Stdin => seen.insert(PathBuf::from("-")),
        Source::File(p) => seen.insert(match &i.canonical {
            Some(c) => c.clone(),
            None => std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()),
        }),
    });
    inputs.sort_by(|a, b| a.shown.cmp(&b.shown));
    inputs
}

/// What reading one input gave.
#[derive(Debug, Default)]
pub struct Parsed {
    pub documents: Vec<Document>,
    /// Date values as written in each document's own metadata (same order).
    pub meta_dates: Vec<Option<(String, &'static str)>>,
    pub skipped: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

/// Read at most `max` bytes; `size` is how many are expected (0: unknown).
fn read_limited(mut r: impl Read, max: u64, size: u64) -> Result<Vec<u8>, String> {
    // room for the whole file up front: one `read` for the bytes, one for the end
    let mut buf = Vec::with_capacity(usize::try_from(size.min(max)).unwrap_or(0));
    r.by_ref()
        .take(max.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| io_reason(&e))?;
    if buf.len() as u64 > max {
        return Err(too_large(max));
    }
    Ok(buf)
}

fn too_large(max: u64) -> String {
    format!("larger than --max-file-size ({max} bytes)")
}

fn read_bytes(input: &Input, max: u64) -> Result<Vec<u8>, String> {
    match &input.source {
        Source::Stdin => read_limited(std::io::stdin().lock(), max, 0),
        Source::File(path) => {
            // a named path may be a FIFO, whose `open` would block: look first;
            // a file the walk saw is opened at once and looked at through its handle
            let (meta, opened) = if input.regular {
                let f = std::fs::File::open(path).map_err(|e| io_reason(&e))?;
                (f.metadata().map_err(|e| io_reason(&e))?, Some(f))
            } else {
                (std::fs::metadata(path).map_err(|e| io_reason(&e))?, None)
            };
            if meta.is_dir() {
                return Err("is a directory".into());
            }
            if !meta.is_file() {
                return Err("not a regular file (a FIFO, socket or device); not read".into());
            }
            if meta.len() > max {
                return Err(too_large(max));
            }
            let f = match opened {
                Some(f) => f,
                None => std::fs::File::open(path).map_err(|e| io_reason(&e))?,
            };
            read_limited(f, max, meta.len())
        }
    }
}

/// Is this standard input, with no `--input-format`, opening with a front
/// matter fence (`---` or `+++` alone on the first line)?
fn stdin_front_matter(input: &Input, explicit: Option<Format>, bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    matches!(input.source, Source::Stdin)
        && explicit.is_none()
        && [&b"---\n"[..], b"---\r\n", b"+++\n", b"+++\r\n"]
            .iter()
            .any(|fence| bytes.starts_with(fence))
}

/// Turn a file's bytes into documents (text, format, own metadata). The
/// manifest, dateline and default dates are applied later by `ingest`.
pub fn parse_bytes(path: &str, format: Format, bytes: Vec<u8>) -> Parsed {
    let mut parsed = Parsed::default();
    if let Some(kind) = encoding::binary_kind(&bytes) {
        parsed.skipped.push(Problem::new(path, kind));
        return parsed;
    }
    let decoded = encoding::decode(bytes, format == Format::Html);
    if let Some(note) = decoded.note {
        parsed.warnings.push(Problem::new(path, note));
    }
    parse_text(path, format, decoded.text, &mut parsed);
    parsed
}

/// Turn decoded text into documents; see `parse_bytes`.
pub fn parse_text(path: &str, format: Format, mut text: String, parsed: &mut Parsed) {
    let mut doc = Document {
        path: path.to_string(),
        format,
        ..Document::default()
    };
    let mut date = None;
    match format {
        Format::Text => {}
        Format::Markdown => {
            if let Some(fm) = markdown::front_matter(&text) {
                date = fm.date.map(|d| (d, "front matter"));
                doc.outlet = fm.outlet;
                doc.title = fm.title;
                // the headline is part of the report: keep its text in place
                match fm.title_span {
                    Some((a, b)) => {
                        blank(&mut text, 0, a);
                        blank(&mut text, b, fm.end);
                    }
                    None => blank(&mut text, 0, fm.end),
                }
            }
            markdown::blank_markup(&mut text);
        }
        Format::Html => {
            let h = html::read_html(&text);
            text = h.text;
            doc.title = h.title;
            doc.outlet = h.outlet;
            // the strongest candidate that parses; if none parses, report the strongest
            date = h
                .dates
                .iter()
                .find(|(v, _)| parse_date_value(v).is_some())
                .or(h.dates.first())
                .cloned();
        }
        Format::Json | Format::Jsonl => {
            let (records, problems) = if format == Format::Json {
                json::read_json(&text)
            } else {
                json::read_jsonl(&text)
            };
            for (i, reason) in problems {
                let shown = if i == 0 {
                    path.to_string()
                } else {
                    format!("{path}#{i}")
                };
                parsed.skipped.push(Problem::new(shown, reason));
            }
            for r in records {
                let mut text = r.text;
                if looks_like_html(&text) {
                    text = html::read_html(&text).text;
                }
                inplace::blank_urls(&mut text);
                parsed.documents.push(Document {
                    path: format!("{path}#{}", r.index),
                    format,
                    title: r.title,
                    outlet: r.outlet,
                    text,
                    relocate: Some(r.at),
                    ..Document::default()
                });
                parsed
                    .meta_dates
                    .push(r.published.map(|d| (d, "JSON field")));
            }
            return;
        }
    }
    inplace::blank_urls(&mut text);
    doc.text = text;
    parsed.documents.push(doc);
    parsed.meta_dates.push(date);
}

fn looks_like_html(text: &str) -> bool {
    use std::sync::LazyLock;
    static TAG: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)</?(?:p|br|div|span|a|h[1-6]|li|ul|ol|em|strong|b|i)(?:\s[^<>]*)?/?>",
        )
        .expect("tag regex")
    });
    TAG.is_match(text)
}

/// Read one document from text the way a file of `format` would be read, with
/// `opts`' default date. For tests and fuzzing; JSON formats give their first record.
pub fn parse_document(
    path: String,
    format: Format,
    text: String,
    opts: &IngestOptions,
) -> Document {
    let mut parsed = Parsed::default();
    parse_text(&path, format, text, &mut parsed);
    let meta = parsed.meta_dates.first().cloned().flatten();
    let mut doc = parsed.documents.into_iter().next().unwrap_or(Document {
        path,
        format,
        ..Document::default()
    });
    let mut warnings = Vec::new();
    resolve_date(&mut doc, meta, None, opts, &mut warnings);
    doc
}

/// Decide the publication date: own metadata, manifest, dateline, default.
fn resolve_date(
    doc: &mut Document,
    meta: Option<(String, &'static str)>,
    entry: Option<&Entry>,
    opts: &IngestOptions,
    warnings: &mut Vec<Problem>,
) {
    let mut check = |value: &str, whence: &str| {
        let d = parse_date_value(value);
        if d.is_none() {
            warnings.push(Problem::new(
                doc.path.clone(),
                format!("unrecognised date {value:?} in {whence}; ignored"),
            ));
        }
        d
    };
    let found = meta
        .and_then(|(v, w)| check(&v, w).map(|d| (d, DateSource::Metadata)))
        .or_else(|| {
            let v = entry?.published.as_deref()?;
            check(v, MANIFEST).map(|d| (d, DateSource::Manifest))
        })
        .or_else(|| dateline(&doc.text).map(|d| (d, DateSource::Dateline)))
        .or_else(|| opts.published_default.map(|d| (d, DateSource::Default)));
    if let Some((d, from)) = found {
        doc.published = Some(d);
        doc.published_from = from;
    }
    if let Some(e) = entry {
        if doc.outlet.is_none() {
            doc.outlet = e.outlet.clone();
        }
        if doc.title.is_none() {
            doc.title = e.title.clone();
        }
    }
}

/// Read every document under `paths`. Documents come back sorted by path (then
/// by position inside a JSON file) with ids `d1`, `d2` …, so the output does not
/// depend on the order of the file system or on the number of threads.
pub fn ingest(paths: &[PathBuf], opts: &IngestOptions) -> Ingested {
    let listing = list(paths, opts);
    let read = read_each(listing, opts, |d| d);
    let mut documents = read.documents;
    for (i, d) in documents.iter_mut().enumerate() {
        d.id = document_id(i);
    }
    Ingested {
        documents,
        skipped: read.skipped,
        warnings: read.warnings,
    }
}

/// The id of the `i`-th document of a run (0-based): `d1`, `d2` ….
pub fn document_id(i: usize) -> String {
    format!("d{}", i + 1)
}

/// The inputs found under the paths given, before any is read.
#[derive(Default)]
pub struct Listing {
    inputs: Vec<Input>,
    manifests: Vec<Manifest>,
    /// Walk errors and warnings so far.
    skipped: Vec<Problem>,
    warnings: Vec<Problem>,
}

impl Listing {
    /// How many inputs (files, or stdin) will be read.
    pub fn len(&self) -> usize {
        self.inputs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
    }
}

/// Walk `paths` and list what to read, sorted by path.
pub fn list(paths: &[PathBuf], opts: &IngestOptions) -> Listing {
    let mut out = Ingested::default();
    let mut manifests = Vec::new();
    let inputs = list_inputs(paths, opts, &mut manifests, &mut out);
    Listing {
        inputs,
        manifests,
        skipped: out.skipped,
        warnings: out.warnings,
    }
}

/// Inputs read before the documents read are handed on.
const READ_BATCH: usize = 512;

/// What reading gives: for `read_each` one `T` per document, in document
/// order; for `read_batches` how many documents were handed on.
#[derive(Debug)]
pub struct ReadEach<D> {
    pub documents: D,
    pub skipped: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

/// Read, parse and date every listed input on the pool, and hand each document
/// to `each` there, as soon as it is read: what `each` keeps of it is all that
/// stays in memory. The documents have no id yet (`document_id` of their
/// position is theirs); results and messages are gathered in input order.
pub fn read_each<T: Send>(
    listing: Listing,
    opts: &IngestOptions,
    each: impl Fn(Document) -> T + Sync,
) -> ReadEach<Vec<T>> {
    let mut documents = Vec::new();
    let read = read_batches(listing, opts, each, |batch| {
        documents.extend(batch);
        true
    });
    ReadEach {
        documents,
        skipped: read.skipped,
        warnings: read.warnings,
    }
}

/// `read_each`, handing each batch of results to `batch` (in document order)
/// as soon as it is done, and keeping none: `batch` returns false to stop
/// reading. The `documents` of the answer is how many were handed on.
pub fn read_batches<T: Send>(
    listing: Listing,
    opts: &IngestOptions,
    each: impl Fn(Document) -> T + Sync,
    mut batch: impl FnMut(Vec<T>) -> bool,
) -> ReadEach<usize> {
    let Listing {
        inputs,
        manifests,
        mut skipped,
        mut warnings,
    } = listing;
    let explicit_format = opts.input_format;
    let read = |input: &Input| {
        let format = explicit_format
            .or_else(|| match &input.source {
                Source::File(p) => format_of(p),
                Source::Stdin => None,
            })
            .unwrap_or(Format::Text);
        let mut parsed = match read_bytes(input, opts.max_file_size) {
            Ok(bytes) if stdin_front_matter(input, explicit_format, &bytes) => {
                let mut parsed = parse_bytes(&input.shown, Format::Markdown, bytes);
                parsed.warnings.push(Problem::new(
                    input.shown.clone(),
                    "starts with front matter: read as Markdown (--input-format text reads it as text)",
                ));
                parsed
            }
            Ok(bytes) => parse_bytes(&input.shown, format, bytes),
            Err(reason) => Parsed {
                skipped: vec![Problem::new(input.shown.clone(), reason)],
                ..Parsed::default()
            },
        };
        let mut dating = Vec::new();
        let documents = std::mem::take(&mut parsed.documents);
        let meta_dates = std::mem::take(&mut parsed.meta_dates);
        for (mut doc, meta) in documents.into_iter().zip(meta_dates) {
            let entry = input.manifest.as_ref().and_then(|(m, key)| {
                let entries = &manifests[*m].entries;
                let record_key = doc.path.rsplit_once('#').map(|(_, n)| format!("{key}#{n}"));
                record_key
                    .and_then(|k| entries.get(&k))
                    .or_else(|| entries.get(key))
            });
            resolve_date(&mut doc, meta, entry, opts, &mut dating);
            parsed.documents.push(doc);
        }
        (parsed, dating)
    };
    let mut handed_on = 0;
    // a batch is read, then handed on, then the next is read: only one
    // batch's text is ever held, and reading and extracting each run with
    // the whole pool (interleaved on each thread, they were slower by a quarter)
    for inputs in inputs.chunks(READ_BATCH) {
        let results: Vec<(Parsed, Vec<Problem>)> = inputs.par_iter().map(read).collect();
        let mut read_now = Vec::new();
        for (mut parsed, dating) in results {
            skipped.append(&mut parsed.skipped);
            warnings.append(&mut parsed.warnings);
            warnings.extend(dating);
            read_now.append(&mut parsed.documents);
        }
        let done: Vec<T> = read_now.into_par_iter().map(&each).collect();
        handed_on += done.len();
        if !batch(done) {
            break;
        }
    }
    ReadEach {
        documents: handed_on,
        skipped,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_each_hands_on_documents_in_path_order_before_they_have_ids() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            ("b.txt", "Two 2."),
            ("c.md", "Three 3."),
            ("a.txt", "One 1."),
        ] {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        std::fs::write(
            dir.path().join("d.jsonl"),
            "{\"text\": \"Four 4.\"}\n{\"text\": \"Five 5.\"}\n",
        )
        .unwrap();
        let opts = IngestOptions::default();
        let listing = list(&[dir.path().to_path_buf()], &opts);
        assert_eq!(listing.len(), 4);
        let read = read_each(listing, &opts, |d| {
            assert!(d.id.is_empty());
            d.text.trim().to_string()
        });
        assert_eq!(
            read.documents,
            ["One 1.", "Two 2.", "Three 3.", "Four 4.", "Five 5."]
        );
        let whole = ingest(&[dir.path().to_path_buf()], &opts).documents;
        let ids: Vec<&str> = whole.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["d1", "d2", "d3", "d4", "d5"]);
        assert_eq!(document_id(4), "d5");
    }

    #[test]
    fn path_keys_sort_as_paths_do() {
        let paths = [
            "a/b", "a.b/c", "a", "a/", "/x", "x", "./a", "a/./b", "a//b", "../a", "..", "a/b/c",
            "a b/c", "ab", "a-b", "été/a", "z", "A", "a/B", "a/b.txt", "a/b/", "/", "", ".",
            "a/ba", "a/b0", "a/b/../c",
        ];
        let mut by_path: Vec<&Path> = paths.iter().map(Path::new).collect();
        let mut by_key = by_path.clone();
        by_path.sort();
        by_key.sort_by_cached_key(|p| path_key(p));
        for (a, b) in by_path.iter().zip(&by_key) {
            assert_eq!(a.cmp(b), std::cmp::Ordering::Equal, "{a:?} against {b:?}");
        }
        // and every pair is ordered the same way
        for a in &paths {
            for b in &paths {
                let (pa, pb) = (Path::new(a), Path::new(b));
                assert_eq!(pa.cmp(pb), path_key(pa).cmp(&path_key(pb)), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn read_each_keeps_the_order_across_batches() {
        let dir = tempfile::tempdir().unwrap();
        let n = READ_BATCH * 2 + 3;
        for i in 0..n {
            std::fs::write(dir.path().join(format!("{i:05}.txt")), format!("Item {i}.")).unwrap();
        }
        let opts = IngestOptions::default();
        let read = read_each(list(&[dir.path().to_path_buf()], &opts), &opts, |d| {
            d.text.trim().to_string()
        });
        let want: Vec<String> = (0..n).map(|i| format!("Item {i}.")).collect();
        assert_eq!(read.documents, want);
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
        assert_eq!(doc.published_from, DateSource::Metadata);
        assert_eq!(doc.outlet.as_deref(), Some("The Post"));
        assert!(doc.text.trim_start().starts_with("Body 5."));
        assert_eq!(doc.locate(doc.text.find("Body").unwrap()).line, 5);
    }

    #[test]
    fn publication_date_order() {
        let opts = IngestOptions {
            published_default: NaiveDate::from_ymd_opt(2000, 1, 1),
            ..IngestOptions::default()
        };
        let md = |s: &str| parse_document("a.md".into(), Format::Markdown, s.into(), &opts);
        let with_all = md("---\ndate: 2024-01-02\n---\nTOWN, March 7, 2025 — Text.");
        assert_eq!(with_all.published_from, DateSource::Metadata);
        let dateline_only = md("TOWN, March 7, 2025 — Text.");
        assert_eq!(dateline_only.published, NaiveDate::from_ymd_opt(2025, 3, 7));
        assert_eq!(dateline_only.published_from, DateSource::Dateline);
        let bad_meta = md("---\ndate: 31 February 2024\n---\nText.");
        assert_eq!(bad_meta.published_from, DateSource::Default);
        let none = parse_document(
            "a.txt".into(),
            Format::Text,
            "Text.".into(),
            &IngestOptions::default(),
        );
        assert_eq!(
            (none.published, none.published_from),
            (None, DateSource::None)
        );
    }

    #[test]
    fn manifest_sits_between_metadata_and_dateline() {
        let entry = Entry {
            published: Some("2023-05-06".into()),
            outlet: Some("Wire".into()),
            title: None,
        };
        let mut doc = Document {
            text: "TOWN, March 7, 2025 — Text.".into(),
            ..Document::default()
        };
        let mut w = Vec::new();
        resolve_date(
            &mut doc,
            None,
            Some(&entry),
            &IngestOptions::default(),
            &mut w,
        );
        assert_eq!(doc.published_from, DateSource::Manifest);
        assert_eq!(doc.outlet.as_deref(), Some("Wire"));
        let mut doc = Document::default();
        resolve_date(
            &mut doc,
            Some(("2022-02-02".into(), "x")),
            Some(&entry),
            &IngestOptions::default(),
            &mut w,
        );
        assert_eq!(doc.published, NaiveDate::from_ymd_opt(2022, 2, 2));
        assert!(w.is_empty());
    }

    #[test]
    fn binary_and_encodings() {
        let p = parse_bytes("x.txt", Format::Text, b"\x89PNG\r\n\x1a\n\0\0".to_vec());
        assert_eq!(p.skipped[0].reason, "PNG image");
        assert!(p.documents.is_empty());
        let p = parse_bytes("x.txt", Format::Text, b"Caf\xe9 12".to_vec());
        assert_eq!(p.documents[0].text, "Caf\u{e9} 12");
        assert!(p.warnings[0].reason.contains("windows-1252"));
    }

    #[test]
    fn html_and_json_documents() {
        let p = parse_bytes(
            "p.html",
            Format::Html,
            b"<html><head><meta property='article:published_time' content='2024-02-03'></head><body><p>Ten 10</p></body></html>".to_vec(),
        );
        let d = &p.documents[0];
        assert_eq!(p.meta_dates[0].as_ref().unwrap().0, "2024-02-03");
        assert!(d.text.contains("Ten 10"));
        let p = parse_bytes(
            "f.jsonl",
            Format::Jsonl,
            b"{\"text\":\"<p>Seven 7</p><p>Eight</p>\"}\n{\"text\":\"see https://x.org/123 ok\"}\n"
                .to_vec(),
        );
        assert_eq!(p.documents.len(), 2);
        assert_eq!(p.documents[0].path, "f.jsonl#1");
        assert!(p.documents[0].text.contains("Seven 7") && !p.documents[0].text.contains("<p>"));
        assert!(!p.documents[1].text.contains("123"));
        assert_eq!(p.documents[1].locate(0).line, 2);
    }
}
