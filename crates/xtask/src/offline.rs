//! The service worker of the release build: `web/sw.js` with the build's own file list and a
//! version derived from it, written to `dist/sw.js` after every build. The list is read from
//! `dist/` (Trunk hashes the names), so no hand-kept list can go stale.

use std::fs;
use std::path::{Path, PathBuf};

/// Every file under `dir`, as paths relative to it with `/` separators, sorted.
fn files(dir: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        let entries = fs::read_dir(dir.join(&rel))
            .map_err(|e| format!("{}: {e}", dir.join(&rel).display()))?;
        for e in entries.filter_map(Result::ok) {
            let path = rel.join(e.file_name());
            if e.path().is_dir() {
                stack.push(path);
            } else {
                out.push(path.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// FNV-1a 64 of `bytes`, as 16 hex digits: a cache version, not a security hash.
pub fn version(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The JS array literal of the precache list: the scope itself, then every file.
pub fn asset_list(files: &[String]) -> String {
    let mut items = vec!["'./'".to_string()];
    items.extend(
        files
            .iter()
            .map(|f| format!("'./{}'", f.replace('\'', "\\'"))),
    );
    format!("[{}]", items.join(", "))
}

/// Write `dist/sw.js` from `template`.
pub fn write_service_worker(dist: &Path, template: &Path) -> Result<(), String> {
    let files: Vec<String> = files(dist)?.into_iter().filter(|f| f != "sw.js").collect();
    let mut fingerprint = Vec::new();
    for f in &files {
        fingerprint.extend_from_slice(f.as_bytes());
        fingerprint.push(0);
    }
    fingerprint
        .extend(fs::read(dist.join("index.html")).map_err(|e| format!("dist/index.html: {e}"))?);
    let version = version(&fingerprint);
    let source =
        fs::read_to_string(template).map_err(|e| format!("{}: {e}", template.display()))?;
    if !source.contains("__VERSION__") || !source.contains("__ASSETS__") {
        return Err(format!(
            "{} lacks the __VERSION__/__ASSETS__ placeholders",
            template.display()
        ));
    }
    let out = source
        .replace("'__VERSION__'", &format!("'{version}'"))
        .replace("__ASSETS__", &asset_list(&files));
    fs::write(dist.join("sw.js"), out).map_err(|e| format!("dist/sw.js: {e}"))?;
    println!(
        "ok: service worker {version} precaching {} files",
        files.len() + 1
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_vectors() {
        // FNV test vectors (Fowler/Noll/Vo): FNV-1a 64 of "" and "a".
        assert_eq!(version(b""), "cbf29ce484222325");
        assert_eq!(version(b"a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn asset_list_starts_with_the_scope_and_quotes_names() {
        assert_eq!(
            asset_list(&["index.html".into(), "icons/icon.svg".into()]),
            "['./', './index.html', './icons/icon.svg']"
        );
    }
}
