//! How long cache files are kept: one file per set of paths opened would grow without
//! end, so after each load the cache folder keeps the [`KEEP`] caches used last, none
//! unused for [`UNUSED_DAYS`] days, and no temporary file left by a load that died; a
//! cache reopened is marked used (its modification time) though not rewritten.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// How many cache files the folder keeps, the ones used last.
pub const KEEP: usize = 16;

/// A cache not used for this many days is removed.
pub const UNUSED_DAYS: u64 = 30;

/// A temporary file older than this many seconds is left from a load that died.
const TEMP_SECONDS: u64 = 24 * 3600;

/// Removes from the cache folder `dir` what no load needs: every cache but `current`
/// unused for [`UNUSED_DAYS`] days, the oldest beyond the [`KEEP`] used last, and
/// temporary files a day old. Only names this module writes are touched; what cannot be
/// removed is left (the next load tries again). Returns how many files were removed.
pub fn evict(dir: &Path, current: &Path, now: SystemTime) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let age = |t: SystemTime| now.duration_since(t).map_or(0, |d| d.as_secs());
    let mut caches: Vec<(SystemTime, PathBuf)> = Vec::new();
    let mut doomed: Vec<PathBuf> = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let used = meta.modified().unwrap_or(now);
        if name.starts_with('.') && name.ends_with(".tmp") && name.contains(".cache.") {
            if age(used) > TEMP_SECONDS {
                doomed.push(path);
            }
        } else if is_cache_name(&name) && path != current {
            if age(used) > UNUSED_DAYS * 24 * 3600 {
                doomed.push(path);
            } else {
                caches.push((used, path));
            }
        }
    }
    // The current cache counts as one of those kept.
    caches.sort_by_key(|c| std::cmp::Reverse(c.0));
    doomed.extend(
        caches
            .into_iter()
            .skip(KEEP.saturating_sub(1))
            .map(|(_, p)| p),
    );
    doomed
        .iter()
        .filter(|p| std::fs::remove_file(p).is_ok())
        .count()
}

/// True for a name [`file_for`] gives: sixteen hex digits and `.cache`.
fn is_cache_name(name: &str) -> bool {
    name.strip_suffix(".cache")
        .is_some_and(|stem| stem.len() == 16 && stem.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Marks the cache `file` as used now, so that [`evict`] keeps it.
pub(super) fn mark_used(file: &Path) {
    if let Ok(f) = std::fs::File::options().append(true).open(file) {
        let _ = f.set_modified(SystemTime::now());
    }
}
