//! The Content-Security-Policy of the release build.
//!
//! Trunk injects one inline `<script type="module">` that loads the wasm. Rather than allowing
//! every inline script (`'unsafe-inline'`), the policy names that one script by its SHA-256
//! hash, computed after each build, so the page runs with
//! `script-src 'self' 'wasm-unsafe-eval' 'sha256-…'` and nothing else: no `unsafe-eval`, no
//! inline script an attacker could add, no origin but the page's own.
//!
//! Styles allow `'unsafe-inline'`: ECharts positions its tooltip through inline styles, and
//! style injection cannot run code. `frame-ancestors` is omitted because browsers ignore it in a
//! `<meta>`; the page is meant to be embeddable.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// The policy for a page whose inline scripts hash to `hashes` (base64 SHA-256 each).
pub fn policy(hashes: &[String]) -> String {
    let scripts: String = hashes.iter().map(|h| format!(" 'sha256-{h}'")).collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; \
         manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"
    )
}

/// The text of every inline `<script>` (one without `src=`) in `html`.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let Some(tag_end) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + tag_end];
        let body_start = start + tag_end + 1;
        let Some(close) = rest[body_start..].find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            out.push(&rest[body_start..body_start + close]);
        }
        rest = &rest[body_start + close + "</script>".len()..];
    }
    out
}

/// Base64 (standard alphabet, padded) of `bytes`.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// SHA-256 of `text` through coreutils' `sha256sum` (the xtask stays dependency-free).
fn sha256(text: &str) -> Result<Vec<u8>, String> {
    let mut child = Command::new("sha256sum")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("sha256sum: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(text.as_bytes())
            .map_err(|e| e.to_string())?;
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let hex = String::from_utf8_lossy(&out.stdout);
    let hex = hex.split_whitespace().next().unwrap_or_default();
    (0..hex.len())
        .step_by(2)
        .map(|i| {
            u8::from_str_radix(hex.get(i..i + 2).unwrap_or("zz"), 16).map_err(|e| e.to_string())
        })
        .collect()
}

/// Put the policy into `dist/index.html` as the first element of `<head>`.
pub fn apply(index: &Path) -> Result<(), String> {
    let html = fs::read_to_string(index).map_err(|e| format!("{}: {e}", index.display()))?;
    if html.contains("Content-Security-Policy") {
        return Ok(());
    }
    let hashes = inline_scripts(&html)
        .into_iter()
        .map(|s| sha256(s).map(|h| base64(&h)))
        .collect::<Result<Vec<_>, _>>()?;
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy(&hashes)
    );
    let Some(head) = html.find("<head>") else {
        return Err("dist/index.html has no <head>".into());
    };
    let at = head + "<head>".len();
    let out = format!("{}\n  {meta}{}", &html[..at], &html[at..]);
    fs::write(index, out).map_err(|e| format!("{}: {e}", index.display()))?;
    println!(
        "ok: Content-Security-Policy with {} inline script hash(es)",
        hashes.len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_test_vectors() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), expected);
        }
    }

    #[test]
    fn sha256_of_abc_is_the_fips_180_example() {
        // FIPS 180-2 appendix B.1: SHA-256("abc") = ba7816bf...15ad; base64 as browsers print it.
        assert_eq!(
            base64(&sha256("abc").unwrap()),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
    }

    #[test]
    fn only_inline_scripts_are_hashed() {
        let html = r#"<script src="/a.js"></script><script type="module">run()</script><script>x</script>"#;
        assert_eq!(inline_scripts(html), vec!["run()", "x"]);
    }

    #[test]
    fn policy_allows_no_unsafe_script() {
        let p = policy(&["AAA=".into()]);
        assert!(p.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA='"));
        assert!(!p.contains("unsafe-eval'") || p.contains("wasm-unsafe-eval"));
        assert!(!p
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap()
            .contains("unsafe-inline"));
    }
}
