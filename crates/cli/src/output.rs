//! What every subcommand shares: printing one JSON object, and the error type with its exit code.

use std::fmt;
use std::io::Write;

/// A failure a subcommand reports on stderr.
#[derive(Debug)]
pub enum CliError {
    /// The input data are wrong (exit code 1): the message says where and why.
    Input(String),
    /// The arguments are wrong in a way clap could not see (exit code 2).
    Usage(String),
    /// Reading a file or writing the output failed (exit code 1).
    Io(std::io::Error),
    /// The output was written, but some input was rejected (exit code 1; `renewal report`).
    Partial(String),
    /// Nothing could be read, or the output could not be written (exit code 3;
    /// `renewal report`).
    Unreadable(String),
}

impl CliError {
    /// The process exit code scripts can rely on.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Input(_) | Self::Io(_) | Self::Partial(_) => 1,
            Self::Usage(_) => 2,
            Self::Unreadable(_) => 3,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Input(m) | Self::Usage(m) | Self::Partial(m) | Self::Unreadable(m) => {
                f.write_str(m)
            }
            Self::Io(e) => write!(f, "{e}"),
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        Self::Io(e)
    }
}

/// Print `value` as one pretty JSON object on stdout, followed by a newline.
pub fn print_json<T: serde::Serialize>(value: &T) -> Result<(), CliError> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    serde_json::to_writer_pretty(&mut out, value).map_err(|e| CliError::Io(e.into()))?;
    writeln!(out)?;
    Ok(())
}
