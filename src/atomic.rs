//! Takes a path and the bytes to put there, hands on a file that is either the
//! old one or the whole new one, never half of it.
//! Rule that is not obvious: the temporary file is made in the target's own
//! folder, so the rename that replaces the target stays on one filesystem and
//! is atomic.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

/// Write what `fill` writes to `path`: into a temporary file beside it, then
/// renamed over it.
pub fn write_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let shown = path.display();
    let mut tmp = tempfile::Builder::new()
        .prefix(".crosscheck-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| {
            format!(
                "writing {shown}: making a temporary file in {}",
                dir.display()
            )
        })?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut w).with_context(|| format!("writing {shown}"))?;
        w.flush().with_context(|| format!("writing {shown}"))?;
    }
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("writing {shown}"))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("writing {shown}"))?;
    Ok(())
}

/// Write `text` to `path` atomically.
pub fn write(path: &Path, text: &str) -> anyhow::Result<()> {
    write_with(path, |w| w.write_all(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_whole() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("out.txt");
        write(&path, "old\n").expect("writes");
        let err = write_with(&path, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("stopped"))
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), "old\n");
        // and no temporary file is left behind
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .map(|r| r.filter_map(Result::ok).map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(left.len(), 1, "{left:?}");
        write(&path, "new\n").expect("writes");
        assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), "new\n");
    }
}
