//! `renewal report FILE...`: every applicable indicator family on one or more files, as one
//! versioned JSON document, a long-format CSV and a Markdown summary.
//!
//! Every file goes through the data crate's [`renewal_data::parse_table`] (CSV/TSV/XLSX/ODS,
//! Chinese headers, decimal commas, wide/long/years-across layouts, hourly, daily or annual
//! times). A file holds one city (named by its file stem when the table names none) or several
//! (a city column). Cities of the same name in several files are merged.
//!
//! Per city, the families whose indicators are present are computed with the same calc functions
//! as the per-family subcommands; a family without data is listed as skipped with the reason:
//!
//! | family | input | computed |
//! |---|---|---|
//! | air quality | hourly or daily pollutants | HJ 663 annual statistics, daily AQI days, GB 3095 |
//! | air quality | annual pollutant values | GB 3095 checks of the annual values |
//! | air quality | ≥ 2 years | trend per indicator: Mann–Kendall, Theil–Sen (`trend::analyse`) |
//! | resources | reserves and production/extraction | reserve-to-production years, production trend |
//! | energy | generation (and capacity) per source | mix, renewable share, growth vs the paper's Figure 2 |
//! | industry | value added of the three industries | shares, HHI (`structure::sector_structure`) |
//! | population | population (births, deaths, age shares …) | change, CAGR, migration, ageing |
//! | composite | ≥ 2 cities sharing indicators | TOPSIS, equal weights, min–max (`composite::evaluate`) |
//! | advisor | the diagnostics above | the paper's challenges and strategies (`advisor::advise`) |
//!
//! Air quality values are compared with the Northeast baseline of the paper's Table 1
//! ([`renewal_data::baseline::air_quality`]) for the same year when the table has it.
//!
//! # Exit codes
//! 0: every file was read without a rejected cell. 1: some input was rejected (cells, or whole
//! files) and the report was written without it. 2: usage error (clap's convention). 3: nothing
//! could be read (every file unreadable or without a known indicator), or the output could not
//! be written.

mod build;
mod catalogue;
mod render;

use crate::cmd::aqi::StandardArg;
use crate::cmd::table_input::LangArg;
use crate::output::CliError;
use catalogue::Msg;
use renewal_data::Lang;
use std::io::IsTerminal;
use std::path::PathBuf;

/// Version of the JSON document and of the CSV columns; raised on any incompatible change.
pub const REPORT_VERSION: u32 = 1;

/// Output format on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON document (`renewal-report`, versioned).
    Json,
    /// Long-format CSV: one row per number.
    Csv,
    /// A readable Markdown summary.
    Md,
}

/// Options of `renewal report`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Writes one report over all files. Without --out, prints --format (default json) on stdout.
With --out DIR, writes DIR/report.json, DIR/report.csv and DIR/report.md (DIR is created), and
prints nothing on stdout unless --format is also given.

Examples:
  renewal report shenyang.csv harbin.xlsx                 # JSON on stdout
  renewal report --format md --lang zh cities.csv         # Chinese Markdown on stdout
  renewal report --out out/ hourly-2023.csv annual.csv    # out/report.{json,csv,md}
  renewal report --format csv cities.csv | grep ,air_quality,

CSV columns (long format, version 1):
  city,family,indicator,year,value,unit,comparison,comparison_source,limit,limit_source,status
comparison is the Northeast value of the paper (Table 1, Figure 2), limit the GB 3095 limit;
status is pass/exceed (GB 3095), improving/worsening/unchanged[_significant] (trend),
above_northeast/below_northeast.

Exit codes:
  0  every file read, no cell rejected
  1  some input rejected (cells or whole files); the report was written without it
  2  usage error (bad option)
  3  nothing could be read, or the output could not be written

Progress goes to stderr when stderr is a terminal, or with --progress; stdout only carries
the report.")]
pub struct Args {
    /// Input files: CSV/TSV (comma, semicolon, tab), XLSX, XLS or ODS; one city per file, or a
    /// city column.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Write report.json, report.csv and report.md into this directory.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Print this format on stdout (default json when --out is not given).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Language of the Markdown, the statuses and the messages.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
    /// HJ 633 revision for the daily AQI of hourly or daily data.
    #[arg(long, value_enum, default_value = "hj633-2026")]
    pub standard: StandardArg,
    /// GB 3095 grade for the compliance checks.
    #[arg(long, value_enum, default_value = "II")]
    pub grade: crate::cmd::air_annual::GradeArg,
    /// Progress on stderr even when it is not a terminal.
    #[arg(long)]
    pub progress: bool,
}

/// Progress lines on stderr (per file and per phase), only when asked or on a terminal.
pub struct Progress {
    enabled: bool,
    lang: Lang,
}

impl Progress {
    fn say(&self, what: impl FnOnce(Lang) -> String) {
        if self.enabled {
            eprintln!("renewal report: {}", what(self.lang));
        }
    }
}

/// Build the report, write it, and map the outcome to the exit code.
pub fn run(args: Args) -> Result<(), CliError> {
    let lang: Lang = args.lang.into();
    let standard = renewal_calc::aqi::StandardId::from(args.standard);
    if standard.family() != renewal_calc::aqi::Family::China {
        return Err(CliError::Usage(Msg::UsageStandard.text(lang).to_string()));
    }
    let progress = Progress {
        enabled: args.progress || std::io::stderr().is_terminal(),
        lang,
    };
    let grade = match args.grade {
        crate::cmd::air_annual::GradeArg::I => renewal_calc::compliance::Grade::I,
        crate::cmd::air_annual::GradeArg::II => renewal_calc::compliance::Grade::II,
    };
    let report = build::build(&args.files, lang, standard, grade, &progress);
    let read = report
        .files
        .iter()
        .filter(|f| f.status != "unreadable")
        .count();
    if read == 0 {
        let mut msg = Msg::NothingRead.text(lang).to_string();
        for f in &report.files {
            msg.push_str(&format!(
                "\n{}: {}",
                f.file,
                f.error.as_deref().unwrap_or("")
            ));
        }
        return Err(CliError::Unreadable(msg));
    }
    progress.say(|l| Msg::PhaseWriting.text(l).to_string());
    let write =
        |e: std::io::Error| CliError::Unreadable(format!("{}: {e}", Msg::CannotWrite.text(lang)));
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).map_err(write)?;
        std::fs::write(dir.join("report.json"), render::json(&report)).map_err(write)?;
        std::fs::write(dir.join("report.csv"), render::csv(&report)).map_err(write)?;
        std::fs::write(dir.join("report.md"), render::markdown(&report, lang)).map_err(write)?;
    }
    let format = args.format.or(if args.out.is_none() {
        Some(Format::Json)
    } else {
        None
    });
    if let Some(format) = format {
        let text = match format {
            Format::Json => render::json(&report),
            Format::Csv => render::csv(&report),
            Format::Md => render::markdown(&report, lang),
        };
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes()).map_err(write)?;
    }
    let rejected: usize = report.files.iter().map(|f| f.cells_rejected).sum();
    let unreadable = report.files.len() - read;
    for f in &report.files {
        for r in &f.rejections {
            eprintln!("renewal: warning: {}: {}", f.file, r);
        }
        if let Some(e) = &f.error {
            eprintln!("renewal: warning: {}: {e}", f.file);
        }
    }
    if rejected > 0 || unreadable > 0 {
        return Err(CliError::Partial(catalogue::partial(
            lang, rejected, unreadable,
        )));
    }
    Ok(())
}
