//! Writing a file so that it is either wholly there or not changed at all: into a temporary
//! file beside the target, then a rename. A failed export or save never leaves half a file,
//! and never harms the one that was there.

use std::path::{Path, PathBuf};

/// Fails early, before any rendering, if the file could not be written.
pub fn check_target(out: &Path) -> Result<(), String> {
    let dir = parent(out);
    if !dir.is_dir() {
        return Err(format!(
            "{}: folder {} does not exist",
            out.display(),
            dir.display()
        ));
    }
    let probe = temp_path(out);
    std::fs::File::create(&probe)
        .map_err(|e| format!("{}: cannot write there ({e})", out.display()))?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

fn parent(out: &Path) -> PathBuf {
    match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn temp_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    parent(out).join(format!(".{name}.{}.tmp", std::process::id()))
}

/// Writes through `write` into a temporary file, then renames it over `out`.
pub fn write_atomic(
    out: &Path,
    write: impl FnOnce(&Path) -> Result<(), String>,
) -> Result<(), String> {
    let tmp = temp_path(out);
    let result = write(&tmp)
        .and_then(|()| std::fs::rename(&tmp, out).map_err(|e| format!("{}: {e}", out.display())));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_writes_leave_nothing_behind_on_failure() {
        let dir = std::env::temp_dir().join(format!("iskp-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let out = dir.join("a.txt");
        write_atomic(&out, |tmp| {
            std::fs::write(tmp, "ok").map_err(|e| e.to_string())
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "ok");
        let err = write_atomic(&out, |tmp| {
            std::fs::write(tmp, "half").unwrap();
            Err("failed".into())
        });
        assert!(err.is_err());
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            "ok",
            "the old file stays"
        );
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "no temporary file left"
        );
        assert!(check_target(&dir.join("missing/x.png")).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
