//! The three renderings of a [`Report`]: JSON, long CSV, Markdown.

use super::build::{FamilyReport, Finding, Report};
use super::catalogue::{family_name, indicator_label, Msg};
use renewal_data::Lang;
use std::fmt::Write as _;

/// The JSON document, pretty, with a final newline.
pub fn json(report: &Report) -> String {
    let mut s =
        serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    s
}

/// Every finding of every city, then the composite ranking.
fn rows(report: &Report) -> impl Iterator<Item = &Finding> {
    report
        .cities
        .iter()
        .flat_map(|c| c.families.iter())
        .flat_map(|f| f.findings.iter())
}

/// CSV field, quoted when needed (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn num(v: f64) -> String {
    // Shortest representation that reads back to the same f64.
    format!("{v}")
}

/// The CSV columns of version 1.
pub const CSV_HEADER: &str =
    "city,family,indicator,year,value,unit,comparison,comparison_source,limit,limit_source,status";

/// Long-format CSV: one row per number; the composite closeness as family `composite`.
pub fn csv(report: &Report) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push('\n');
    for f in rows(report) {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{}",
            field(&f.city),
            f.family,
            field(&f.indicator),
            f.year.map(|y| y.to_string()).unwrap_or_default(),
            num(f.value),
            field(&f.unit),
            f.comparison.map(num).unwrap_or_default(),
            field(f.comparison_source.as_deref().unwrap_or("")),
            f.limit.map(num).unwrap_or_default(),
            field(f.limit_source.as_deref().unwrap_or("")),
            field(f.status.as_deref().unwrap_or("")),
        );
    }
    for r in &report.composite.ranking {
        let _ = writeln!(
            out,
            "{},composite,composite.closeness,,{},fraction,,,,,rank {}",
            field(&r.city),
            num(r.closeness),
            r.rank
        );
    }
    out
}

/// A number for reading: up to 4 significant decimals, no trailing zeros.
fn readable(v: f64) -> String {
    let s = if v.abs() >= 100.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.4}")
    };
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

fn status_text(status: &str, lang: Lang) -> String {
    let (base, significant) = match status.strip_suffix("_significant") {
        Some(b) => (b, true),
        None => (status, false),
    };
    let text = match base {
        "pass" => Msg::Pass.text(lang),
        "exceed" => Msg::Exceed.text(lang),
        "improving" => Msg::Improving.text(lang),
        "worsening" => Msg::Worsening.text(lang),
        "unchanged" => Msg::Unchanged.text(lang),
        "above_northeast" => Msg::AboveNortheast.text(lang),
        "below_northeast" => Msg::BelowNortheast.text(lang),
        other => other,
    };
    if base == "improving" || base == "worsening" {
        let sig = if significant {
            Msg::Significant
        } else {
            Msg::NotSignificant
        };
        format!("{text} ({})", sig.text(lang))
    } else {
        text.to_string()
    }
}

fn family_section(out: &mut String, f: &FamilyReport, lang: Lang) {
    let name = family_name(f.family, lang);
    if f.status == "skipped" {
        let _ = writeln!(
            out,
            "### {name}\n\n{}: {}\n",
            Msg::Skipped.text(lang),
            f.reason.as_deref().unwrap_or("")
        );
        return;
    }
    let _ = writeln!(out, "### {name}\n");
    if f.findings.is_empty() {
        let _ = writeln!(out, "{}\n", Msg::NoData.text(lang));
        return;
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} |\n|---|---:|---:|---|---:|---|",
        Msg::Indicator.text(lang),
        Msg::Year.text(lang),
        Msg::Value.text(lang),
        Msg::Unit.text(lang),
        Msg::Northeast.text(lang),
        Msg::Result.text(lang),
    );
    for x in &f.findings {
        let northeast = x.comparison.map(readable).unwrap_or_default();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            indicator_label(&x.indicator, lang),
            x.year.map(|y| y.to_string()).unwrap_or_default(),
            readable(x.value),
            x.unit,
            northeast,
            x.status
                .as_deref()
                .map(|s| status_text(s, lang))
                .unwrap_or_default(),
        );
    }
    out.push('\n');
}

/// Rejected cells listed in the Markdown; the JSON and stderr have them all.
const MARKDOWN_REJECTIONS: usize = 20;

/// The readable summary.
pub fn markdown(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n\n{} (v{}, HJ 633 `{}`, GB 3095 grade {}).\n",
        Msg::Title.text(lang),
        Msg::Generated.text(lang),
        report.version,
        report.standard,
        report.grade
    );
    let _ = writeln!(
        out,
        "## {}\n\n| {} | {} | {} | {} | {} |\n|---|---|---|---:|---:|",
        Msg::Files.text(lang),
        Msg::File.text(lang),
        Msg::Status.text(lang),
        Msg::Cities.text(lang),
        Msg::RowsAccepted.text(lang),
        Msg::CellsRejected.text(lang),
    );
    for f in &report.files {
        let status = match f.status {
            "read" => Msg::StatusRead,
            "partial" => Msg::StatusPartial,
            _ => Msg::StatusUnreadable,
        };
        let mut status = status.text(lang).to_string();
        if let Some(e) = &f.error {
            status = format!("{status}: {e}");
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            f.file,
            status,
            f.cities.join(", "),
            f.values_accepted,
            f.cells_rejected
        );
    }
    out.push('\n');
    let rejected: Vec<&String> = report
        .files
        .iter()
        .flat_map(|f| f.rejections.iter())
        .collect();
    if !rejected.is_empty() {
        let _ = writeln!(out, "{}:\n", Msg::Rejections.text(lang));
        for r in rejected.iter().take(MARKDOWN_REJECTIONS) {
            let _ = writeln!(out, "- {r}");
        }
        if rejected.len() > MARKDOWN_REJECTIONS {
            let _ = writeln!(
                out,
                "- … {} {}",
                rejected.len() - MARKDOWN_REJECTIONS,
                Msg::MoreRejections.text(lang)
            );
        }
        out.push('\n');
    }
    for c in &report.cities {
        let _ = writeln!(out, "## {}\n", c.city);
        for f in &c.families {
            family_section(&mut out, f, lang);
        }
        if let Some(a) = &c.advice {
            let _ = writeln!(out, "### {}\n", Msg::Advisor.text(lang));
            if a.findings.is_empty() {
                let _ = writeln!(out, "{}\n", Msg::NoRuleFired.text(lang));
            } else {
                for (title, hits) in [
                    (Msg::Challenges, &a.challenges),
                    (Msg::Strategies, &a.strategies),
                ] {
                    let _ = writeln!(out, "{}:\n", title.text(lang));
                    for h in hits {
                        let _ = writeln!(
                            out,
                            "- {} {} ({})",
                            h.section.id,
                            lang.pick(h.section.en, h.section.zh),
                            h.triggered_by.join(", ")
                        );
                    }
                    out.push('\n');
                }
            }
        }
    }
    let _ = writeln!(out, "## {}\n", Msg::Composite.text(lang));
    if report.composite.status == "computed" {
        let _ = writeln!(
            out,
            "{}: {}.\n\n| {} | {} | {} |\n|---|---:|---:|",
            Msg::CompositeMethod.text(lang),
            report.composite.indicators.join(", "),
            Msg::Rank.text(lang),
            Msg::Cities.text(lang),
            Msg::Closeness.text(lang)
        );
        let mut ranking: Vec<_> = report.composite.ranking.iter().collect();
        ranking.sort_by_key(|r| r.rank);
        for r in ranking {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                r.rank,
                r.city,
                readable(r.closeness)
            );
        }
        out.push('\n');
    } else {
        let _ = writeln!(
            out,
            "{}: {}\n",
            Msg::Skipped.text(lang),
            report.composite.reason.as_deref().unwrap_or("")
        );
    }
    let _ = writeln!(
        out,
        "---\n{}: {}",
        Msg::Source.text(lang),
        report.baseline_source
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readable_numbers_drop_trailing_zeros() {
        assert_eq!(readable(35.0), "35");
        assert_eq!(readable(0.123456), "0.1235");
        assert_eq!(readable(1234.56), "1234.6");
        assert_eq!(readable(-0.00001), "0");
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(field("沈阳"), "沈阳");
    }
}
