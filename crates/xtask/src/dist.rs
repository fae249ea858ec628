//! The release build (ECharts bundle, then Trunk) and serving it.

use crate::setup::{self, is_fresh, Needs};
use crate::sh::{cmd, exec, root, step};
use std::fs;
use std::io::Read;
use std::path::PathBuf;

/// Install what is missing and build the release app into `dist/`; returns the folder.
pub fn build() -> Result<PathBuf, String> {
    setup::run(Needs { browser: false })?;
    build_only()
}

/// `cargo xtask dist [--public-url /sub/path/]`: the build for a site that serves the app under
/// a sub-path (Trunk's public URL; the service worker, manifest and links are relative, so
/// only the asset URLs Trunk writes into index.html change).
pub fn build_cli(args: &[String]) -> Result<PathBuf, String> {
    let public_url = match args {
        [] => None,
        [flag, url] if flag == "--public-url" && url.starts_with('/') => Some(url.as_str()),
        _ => return Err("usage: cargo xtask dist [--public-url /sub/path/]".into()),
    };
    setup::run(Needs { browser: false })?;
    build_at(public_url)
}

/// The build without the setup (for tasks that already ran it).
pub fn build_only() -> Result<PathBuf, String> {
    build_at(None)
}

fn build_at(public_url: Option<&str>) -> Result<PathBuf, String> {
    step("echarts bundle", echarts_bundle)?;
    step("release build", || {
        exec(cmd("cargo", &["fetch"]))?;
        let mut args = vec!["build", "--release", "--offline"];
        if let Some(url) = public_url {
            args.extend(["--public-url", url]);
        }
        let mut trunk = cmd("trunk", &args);
        trunk.env("TRUNK_SKIP_VERSION_CHECK", "true");
        exec(trunk)
    })?;
    let dist = root().join("dist");
    hash_echarts(&dist, public_url.unwrap_or("/"))?;
    crate::csp::apply(&dist.join("index.html"))?;
    crate::offline::write_service_worker(&dist, &root().join("web/sw.js"))?;
    print_sizes(&dist)?;
    Ok(dist)
}

/// One same-origin ECharts file with only the charts and components the app uses.
fn echarts_bundle() -> Result<(), String> {
    let web = root().join("web");
    let out = web.join("vendor/echarts.js");
    if is_fresh(
        &out,
        &[
            &web.join("echarts-entry.js"),
            &web.join("package-lock.json"),
        ],
    ) {
        println!("ok: web/vendor/echarts.js is up to date");
        return Ok(());
    }
    let mut c = cmd("npm", &["run", "--silent", "echarts"]);
    c.current_dir(&web);
    exec(c)
}

/// The placeholder `web/index.html` holds for the ECharts URL, which the app reads when it draws
/// its first chart.
const ECHARTS_META: &str = r#"<meta name="renewal-echarts" content="echarts.js">"#;

/// Trunk copies the ECharts bundle as `echarts.js` (it hashes only the files it links itself).
/// Give it a content hash like the others, so it can be cached as immutable, and write its URL
/// under `public_url` into index.html's meta.
fn hash_echarts(dist: &std::path::Path, public_url: &str) -> Result<(), String> {
    let plain = dist.join("echarts.js");
    let bytes = fs::read(&plain).map_err(|e| format!("{}: {e}", plain.display()))?;
    let name = hashed_name(&bytes);
    fs::rename(&plain, dist.join(&name)).map_err(|e| format!("{name}: {e}"))?;
    let index = dist.join("index.html");
    let html = fs::read_to_string(&index).map_err(|e| format!("dist/index.html: {e}"))?;
    let html = with_echarts_url(&html, &format!("{public_url}{name}"))?;
    fs::write(&index, html).map_err(|e| format!("dist/index.html: {e}"))?;
    println!("ok: ECharts as {name}, loaded on the first chart");
    Ok(())
}

/// `echarts-<16 hex>.js`, the shape of Trunk's hashed names (README's immutable cache rule).
fn hashed_name(bytes: &[u8]) -> String {
    format!("echarts-{}.js", crate::offline::version(bytes))
}

/// `html` with the ECharts meta pointing at `url`.
fn with_echarts_url(html: &str, url: &str) -> Result<String, String> {
    if html.matches(ECHARTS_META).count() != 1 {
        return Err(format!("index.html must hold {ECHARTS_META} once"));
    }
    let meta = format!(r#"<meta name="renewal-echarts" content="{url}">"#);
    Ok(html.replace(ECHARTS_META, &meta))
}

/// Every asset of the build with its raw and gzip size, and the totals.
fn print_sizes(dist: &PathBuf) -> Result<(), String> {
    let (mut raw_total, mut gz_total) = (0u64, 0u64);
    println!("{:<48} {:>10} {:>10}", "asset", "raw B", "gzip B");
    for (name, raw, gz) in sizes(dist)? {
        raw_total += raw;
        gz_total += gz;
        println!("{name:<48} {raw:>10} {gz:>10}");
    }
    println!("{:<48} {:>10} {:>10}", "total", raw_total, gz_total);
    Ok(())
}

/// Every asset of the build, by name: (name, raw bytes, gzip -9 bytes).
pub fn sizes(dist: &PathBuf) -> Result<Vec<(String, u64, u64)>, String> {
    let mut entries: Vec<_> = fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    let mut out = Vec::new();
    for e in entries {
        let mut bytes = Vec::new();
        fs::File::open(e.path())
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map_err(|err| err.to_string())?;
        out.push((
            e.file_name().to_string_lossy().into_owned(),
            bytes.len() as u64,
            gzip_len(&bytes),
        ));
    }
    Ok(out)
}

/// gzip -9 size through the system's gzip (always present on Debian); 0 when it is not. The
/// input is written from a second thread: writing it all before reading would deadlock once
/// gzip's output fills the pipe.
fn gzip_len(bytes: &[u8]) -> u64 {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let Ok(mut child) = Command::new("gzip")
        .arg("-9c")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
    else {
        return 0;
    };
    let Some(mut stdin) = child.stdin.take() else {
        return 0;
    };
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let len = child
        .wait_with_output()
        .map(|o| o.stdout.len() as u64)
        .unwrap_or(0);
    let _ = writer.join();
    len
}

/// Install, build, and serve the release build on 127.0.0.1 with the same small static server
/// the browser tests use, so what you see is what was tested (Content-Security-Policy included).
pub fn serve(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => "8080".to_string(),
        [flag, port] if flag == "--port" && port.parse::<u16>().is_ok() => port.clone(),
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    let dist = build()?;
    println!("==> serving http://127.0.0.1:{port}/ (Ctrl-C to stop)");
    let dist = dist.to_string_lossy().into_owned();
    exec(cmd("node", &["web/serve.mjs", &dist, &port]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echarts_gets_a_name_of_the_immutable_shape() {
        let name = hashed_name(b"echarts");
        let hex = name
            .strip_prefix("echarts-")
            .and_then(|n| n.strip_suffix(".js"))
            .unwrap();
        assert_eq!(hex.len(), 16);
        assert!(hex.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(name, hashed_name(b"echarts 2"));
    }

    #[test]
    fn the_meta_points_at_the_hashed_file_under_the_public_url() {
        let html = format!("<head>{ECHARTS_META}</head>");
        assert_eq!(
            with_echarts_url(&html, "/tools/renewal/echarts-0123456789abcdef.js").unwrap(),
            r#"<head><meta name="renewal-echarts" content="/tools/renewal/echarts-0123456789abcdef.js"></head>"#
        );
        assert!(with_echarts_url("<head></head>", "/x.js").is_err());
    }
}
