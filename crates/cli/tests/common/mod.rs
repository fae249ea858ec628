//! What the CLI integration tests share: running the built `renewal` binary.

use serde_json::Value;
use std::process::Command;

/// Run `renewal <subcommand> <args>` from the crate folder; the exit code, stdout as JSON
/// (`Null` when it is not JSON) and stderr.
pub fn renewal(subcommand: &str, args: &[&str]) -> (i32, Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_renewal"))
        .arg(subcommand)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap_or(-1),
        json,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
