//! Chart options, built as plain `charming` values from the data crates.
//!
//! Nothing here touches the browser, so every option is tested natively (as JSON). The only
//! renderer is [`crate::components::chart::EChart`]. Rules that hold for every chart:
//! - colours come from [`PALETTE`], the Okabe–Ito set, distinguishable with colour-vision
//!   deficiencies (Okabe & Ito 2008, "Color Universal Design");
//! - no JavaScript formatter functions (they would need CSP `unsafe-eval`);
//! - every string that could come from a user passes through [`escape_html`] first, because
//!   ECharts renders tooltips as HTML;
//! - the `aria` component is on, so ECharts writes a text description for screen readers, and
//!   every chart also has a data table beside it.

use crate::i18n::{Lang, Msg};
use charming::component::{Aria, Axis, Grid, Legend, Title};
use charming::element::{AxisType, Color, NameLocation, Tooltip, Trigger};
use charming::series::{Bar, Line};
use charming::Chart;
use renewal_data::baseline::{self, FigureSource, AIR_QUALITY_COLUMNS};

/// Okabe–Ito colours without yellow (too light on white for lines and text).
pub const PALETTE: [&str; 7] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
];

/// Escape the five HTML-significant characters, so a user's city name or column header is shown
/// as text in a tooltip or legend and never interpreted as markup.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn base(title: &str) -> Chart {
    Chart::new()
        .title(Title::new().text(title).left("center"))
        .color(PALETTE.iter().map(|c| Color::from(*c)).collect())
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().bottom(0))
        .grid(Grid::new().left(56).right(64).top(56).bottom(64))
}

/// The six pollutants of the paper's Table 1 over 2014–2022. CO is in mg/m³, three orders of
/// magnitude below the others, so it gets its own right-hand axis instead of a flat line.
pub fn pollutant_lines(lang: Lang) -> Chart {
    let rows = baseline::air_quality();
    let years: Vec<String> = rows.iter().map(|r| r.year.to_string()).collect();
    let mut chart = base(Msg::PollutantChartTitle.text(lang))
        .x_axis(Axis::new().type_(AxisType::Category).data(years))
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(Msg::ConcentrationAxis.text(lang))
                .name_location(NameLocation::End),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(Msg::CoAxis.text(lang))
                .name_location(NameLocation::End)
                .position("right"),
        );
    for column in AIR_QUALITY_COLUMNS {
        let values: Vec<f64> = rows.iter().filter_map(|r| r.value(column.key)).collect();
        let mut line = Line::new().name(column.label).data(values);
        if column.key == "co" {
            line = line.y_axis_index(1);
        }
        chart = chart.series(line);
    }
    chart
}

/// The name of a Figure 2 source in `lang`.
pub fn source_name(source: FigureSource, lang: Lang) -> &'static str {
    match source {
        FigureSource::Solar => Msg::Solar.text(lang),
        FigureSource::Wind => Msg::Wind.text(lang),
    }
}

/// The paper's Figure 2: solar and wind generation, 2016 beside 2020, in the printed unit.
pub fn generation_bars(lang: Lang) -> Chart {
    let pairs = baseline::GENERATION_2016_2020;
    let sources: Vec<String> = pairs
        .iter()
        .map(|p| source_name(p.source, lang).to_string())
        .collect();
    base(Msg::GenerationChartTitle.text(lang))
        .x_axis(Axis::new().type_(AxisType::Category).data(sources))
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(Msg::GenerationUnitAxis.text(lang))
                .name_location(NameLocation::End),
        )
        .series(
            Bar::new()
                .name("2016")
                .data(pairs.iter().map(|p| p.y2016).collect::<Vec<_>>()),
        )
        .series(
            Bar::new()
                .name("2020")
                .data(pairs.iter().map(|p| p.y2020).collect::<Vec<_>>()),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn json(chart: &Chart) -> Value {
        serde_json::from_str(&chart.to_string()).unwrap()
    }

    #[test]
    fn escape_html_neutralises_markup() {
        assert_eq!(
            escape_html("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(
            escape_html("A & \"B\" 'C'"),
            "A &amp; &quot;B&quot; &#39;C&#39;"
        );
        assert_eq!(escape_html("沈阳"), "沈阳");
    }

    #[test]
    fn pollutant_chart_has_six_series_with_the_papers_values() {
        let v = json(&pollutant_lines(Lang::En));
        let series = v["series"].as_array().unwrap();
        assert_eq!(series.len(), 6);
        assert_eq!(series[0]["name"], "PM2.5");
        assert_eq!(series[0]["data"][0], 170.0);
        assert_eq!(series[0]["data"][8], 23.0);
        // CO sits on the second (mg/m³) axis, the others on the first.
        assert_eq!(series[3]["name"], "CO");
        assert_eq!(series[3]["yAxisIndex"], 1.0);
        assert!(series[0].get("yAxisIndex").is_none());
        // charming writes a single axis as an object, several as an array.
        assert_eq!(v["xAxis"]["data"].as_array().unwrap().len(), 9);
        assert_eq!(v["yAxis"][1]["position"], "right");
        assert_eq!(v["aria"]["enabled"], true);
    }

    #[test]
    fn generation_chart_shows_both_years_in_the_printed_unit() {
        let v = json(&generation_bars(Lang::Zh));
        assert_eq!(v["xAxis"]["data"][0], "光伏");
        assert_eq!(v["series"][0]["data"][1], 437.0);
        assert_eq!(v["series"][1]["data"][0], 187.0);
        assert_eq!(v["yAxis"]["name"], "原文单位（可能为亿千瓦时）");
    }

    #[test]
    fn chart_options_contain_no_functions_or_maps() {
        // ECharts would ignore a JS Map and a formatter function would need `unsafe-eval`:
        // the serialised options must be plain JSON objects all the way down.
        for chart in [pollutant_lines(Lang::En), generation_bars(Lang::En)] {
            let text = chart.to_string();
            assert!(!text.contains("function"), "{text}");
        }
    }
}
