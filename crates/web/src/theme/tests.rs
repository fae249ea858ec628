//! Tests of the chart theme and of the page's colours in `web/style.css`.

use super::*;
use crate::charts::{generation_bars, pollutant_lines};
use crate::i18n::Lang;
use serde_json::json;
use std::collections::BTreeMap;

fn themed(chart: &charming::Chart, theme: ChartTheme) -> Value {
    let mut v: Value = serde_json::from_str(&chart.to_string()).unwrap();
    theme.apply(&mut v);
    v
}

const DARK_CVD_THEME: ChartTheme = ChartTheme {
    scheme: Scheme::Dark,
    palette: Palette::Cvd,
};

#[test]
fn contrast_ratio_matches_wcag_reference_values() {
    // Black on white is the maximum, 21:1; a colour against itself is 1:1; #777777 on white is
    // the often-quoted 4.48:1 (just below AA).
    assert!((contrast_ratio("#000000", "#ffffff").unwrap() - 21.0).abs() < 1e-9);
    assert!((contrast_ratio("#0072B2", "#0072b2").unwrap() - 1.0).abs() < 1e-9);
    assert!((contrast_ratio("#777777", "#ffffff").unwrap() - 4.48).abs() < 0.01);
    assert_eq!(contrast_ratio("red", "#ffffff"), None);
    assert_eq!(contrast_ratio("#12345", "#ffffff"), None);
}

#[test]
fn palette_slugs_round_trip_and_unknown_values_are_ignored() {
    for p in [Palette::Standard, Palette::Cvd] {
        assert_eq!(Palette::from_slug(p.slug()), Some(p));
    }
    assert_eq!(Palette::from_slug(" CVD "), Some(Palette::Cvd));
    assert_eq!(Palette::from_slug("<script>"), None);
}

#[test]
fn light_standard_theme_keeps_okabe_ito_and_sets_text_and_axis_colours() {
    let v = themed(&pollutant_lines(Lang::En), ChartTheme::default());
    assert_eq!(v["color"][0], "#0072B2");
    assert_eq!(v["color"][6], "#000000");
    assert_eq!(v["backgroundColor"], LIGHT.background);
    assert_eq!(v["title"][0]["textStyle"]["color"], LIGHT.text);
    assert_eq!(v["legend"]["textStyle"]["color"], LIGHT.text);
    assert_eq!(v["xAxis"]["axisLabel"]["color"], LIGHT.muted);
    // Two value axes: both themed.
    assert_eq!(v["yAxis"][0]["splitLine"]["lineStyle"]["color"], LIGHT.grid);
    assert_eq!(v["yAxis"][1]["nameTextStyle"]["color"], LIGHT.muted);
    // No patterns in the standard palette.
    assert!(v["aria"]["decal"].is_null());
    assert!(v["series"][1]["lineStyle"].get("type").is_none());
}

#[test]
fn dark_theme_uses_light_text_and_replaces_black_series() {
    let theme = ChartTheme {
        scheme: Scheme::Dark,
        palette: Palette::Standard,
    };
    let v = themed(&pollutant_lines(Lang::Zh), theme);
    assert_eq!(v["textStyle"]["color"], "#e8eaed");
    assert_eq!(v["backgroundColor"], "#1e2228");
    assert_eq!(v["color"][6], "#E8EAED");
    assert_eq!(v["tooltip"]["backgroundColor"], "#1e2228");
}

#[test]
fn explicit_palette_colours_are_remapped_slot_for_slot() {
    // An item colour taken from PALETTE (any case) follows the theme; other colours do not.
    let mut v = json!({
        "series": [
            { "type": "bar", "itemStyle": { "color": "#0072b2" } },
            { "type": "line", "lineStyle": { "color": "#000000", "type": "dashed" },
              "markLine": { "lineStyle": { "color": "#E69F00" } } },
            { "type": "line", "itemStyle": { "color": "#123456" } }
        ]
    });
    DARK_CVD_THEME.apply(&mut v);
    assert_eq!(v["series"][0]["itemStyle"]["color"], "#3C9BDC");
    assert_eq!(v["series"][1]["lineStyle"]["color"], "#E8EAED");
    assert_eq!(v["series"][1]["markLine"]["lineStyle"]["color"], "#E69F00");
    assert_eq!(v["series"][1]["markLine"]["label"]["color"], DARK.text);
    assert_eq!(v["series"][2]["itemStyle"]["color"], "#123456");
    // The builder's dash wins; the next line gets the next pattern and symbol.
    assert_eq!(v["series"][1]["lineStyle"]["type"], "dashed");
    assert_eq!(v["series"][1]["symbol"], "circle");
    assert_eq!(v["series"][2]["lineStyle"]["type"], "dashed");
    assert_eq!(v["series"][2]["symbol"], "rect");
    assert_eq!(v["aria"]["decal"]["show"], true);
    // Bars are told apart by decals, not by a line pattern.
    assert!(v["series"][0].get("symbol").is_none());
}

#[test]
fn explicit_builder_choices_and_odd_shapes_are_left_alone() {
    let mut v = json!({
        "title": [{ "textStyle": { "color": "#ff0000" } }, { "text": "b", "textStyle": null }],
        "xAxis": { "axisLine": false },
        "legend": 3
    });
    ChartTheme::default().apply(&mut v);
    assert_eq!(v["title"][0]["textStyle"]["color"], "#ff0000");
    assert_eq!(v["title"][1]["textStyle"]["color"], LIGHT.text);
    assert_eq!(v["xAxis"]["axisLine"], false);
    assert_eq!(v["legend"], 3);
    // Not an object at all: nothing happens, nothing panics.
    let mut s = json!("#0072B2");
    DARK_CVD_THEME.apply(&mut s);
    assert_eq!(s, "#3C9BDC");
}

#[test]
fn cvd_theme_gives_every_line_its_own_dash_and_symbol() {
    let v = themed(&pollutant_lines(Lang::En), DARK_CVD_THEME);
    let series = v["series"].as_array().unwrap();
    let styles: Vec<(String, String)> = series
        .iter()
        .map(|s| {
            (
                s["lineStyle"]["type"].as_str().unwrap().to_string(),
                s["symbol"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut unique = styles.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), series.len(), "{styles:?}");
    // Bars: decals on.
    let bars = themed(&generation_bars(Lang::En), DARK_CVD_THEME);
    assert_eq!(bars["aria"]["decal"]["show"], true);
    assert_eq!(bars["aria"]["enabled"], true);
}

#[test]
fn every_series_colour_reaches_three_to_one_in_the_cvd_palette() {
    // WCAG 2.1 SC 1.4.11 (non-text contrast) against the chart background.
    for scheme in [Scheme::Light, Scheme::Dark] {
        let theme = ChartTheme {
            scheme,
            palette: Palette::Cvd,
        };
        let bg = theme.colours().background;
        for c in theme.series_colours() {
            let r = contrast_ratio(c, bg).unwrap();
            assert!(r >= 3.0, "{scheme:?} {c} on {bg}: {r:.2}");
        }
    }
    // The standard dark palette too (only the light one keeps Okabe–Ito's light members).
    let dark = ChartTheme {
        scheme: Scheme::Dark,
        palette: Palette::Standard,
    };
    for c in dark.series_colours() {
        assert!(contrast_ratio(c, DARK.background).unwrap() >= 3.0, "{c}");
    }
}

#[test]
fn chart_text_meets_aa_in_both_schemes() {
    for c in [LIGHT, DARK] {
        for (what, fg) in [("text", c.text), ("muted", c.muted)] {
            let r = contrast_ratio(fg, c.background).unwrap();
            assert!(r >= 4.5, "{what} {fg} on {}: {r:.2}", c.background);
        }
        assert!(contrast_ratio(c.axis, c.background).unwrap() >= 3.0);
    }
}

// ---- web/style.css ----

const CSS: &str = include_str!("../../../../web/style.css");

/// The `--name: #hex` declarations of the first block that opens with `selector {` in `text`.
fn block(text: &str, selector: &str) -> BTreeMap<String, String> {
    let open = format!("{selector} {{");
    let start = text.find(&open).expect(selector) + open.len();
    let body = &text[start..];
    let body = &body[..body.find('}').unwrap()];
    let mut out = BTreeMap::new();
    for decl in body.split(';') {
        // Strip comments before the declaration.
        let decl = decl.rsplit("*/").next().unwrap().trim();
        if let Some((name, value)) = decl.split_once(':') {
            let value = value.trim();
            if name.trim().starts_with("--") && value.starts_with('#') {
                out.insert(name.trim().to_string(), value.to_string());
            }
        }
    }
    out
}

/// The custom properties in force for (dark, cvd).
fn properties(dark: bool, cvd: bool) -> BTreeMap<String, String> {
    let (light_part, dark_part) = CSS
        .split_once("@media (prefers-color-scheme: dark)")
        .unwrap();
    let mut p = block(light_part, ":root");
    if cvd {
        p.extend(block(light_part, ":root[data-palette=\"cvd\"]"));
    }
    if dark {
        p.extend(block(dark_part, ":root:not([data-theme=\"light\"])"));
        if cvd {
            p.extend(block(
                dark_part,
                ":root:not([data-theme=\"light\"])[data-palette=\"cvd\"]",
            ));
        }
    }
    p
}

#[test]
fn an_embed_forced_dark_has_the_same_colours_as_the_system_dark_scheme() {
    let (_, dark_part) = CSS
        .split_once("@media (prefers-color-scheme: dark)")
        .unwrap();
    let media = block(dark_part, ":root:not([data-theme=\"light\"])");
    assert!(media.len() > 10);
    assert_eq!(block(CSS, ":root[data-theme=\"dark\"]"), media);
    assert_eq!(
        block(CSS, ":root[data-theme=\"dark\"][data-palette=\"cvd\"]"),
        block(
            dark_part,
            ":root:not([data-theme=\"light\"])[data-palette=\"cvd\"]"
        )
    );
}

#[test]
fn page_text_meets_wcag_aa_in_both_schemes_and_both_palettes() {
    let pairs = [
        ("--ink", "--paper"),
        ("--ink", "--card"),
        ("--ink-muted", "--paper"),
        ("--ink-muted", "--card"),
        ("--accent", "--paper"),
        ("--accent", "--card"),
        ("--accent-ink", "--accent"),
        ("--danger", "--paper"),
        ("--danger", "--card"),
        ("--error-ink", "--card"),
        ("--error-ink", "--error-bg"),
        ("--ink", "--error-bg"),
        ("--ink", "--warn-bg"),
        ("--ink", "--highlight-bg"),
        ("--good-ink", "--good-bg"),
        ("--watch-ink", "--watch-bg"),
        ("--poor-ink", "--poor-bg"),
    ];
    for dark in [false, true] {
        for cvd in [false, true] {
            let p = properties(dark, cvd);
            for (fg, bg) in pairs {
                let r = contrast_ratio(&p[fg], &p[bg]).unwrap();
                assert!(
                    r >= 4.5,
                    "dark={dark} cvd={cvd}: {fg} {} on {bg} {}: {r:.2}",
                    p[fg],
                    p[bg]
                );
            }
            // The focus ring is a graphic next to the page background: 3:1 (SC 1.4.11).
            assert!(contrast_ratio(&p["--focus"], &p["--paper"]).unwrap() >= 3.0);
        }
    }
}

#[test]
fn the_dark_scheme_overrides_every_colour_that_depends_on_the_background() {
    let light = properties(false, false);
    let dark = properties(true, false);
    for name in [
        "--ink",
        "--ink-muted",
        "--paper",
        "--card",
        "--rule",
        "--accent",
        "--good-bg",
    ] {
        assert_ne!(light[name], dark[name], "{name}");
    }
}

#[test]
fn chart_colours_are_the_page_colours() {
    for (dark, c) in [(false, LIGHT), (true, DARK)] {
        let p = properties(dark, false);
        assert!(p["--ink"].eq_ignore_ascii_case(c.text));
        assert!(p["--ink-muted"].eq_ignore_ascii_case(c.muted));
        assert!(p["--rule"].eq_ignore_ascii_case(c.grid));
        assert!(p["--card"].eq_ignore_ascii_case(c.background));
    }
}

#[test]
fn cvd_statuses_differ_in_lightness_not_only_in_hue() {
    // Good, watch and poor backgrounds must be told apart without hue: at least 1.5:1 between
    // the poor background and the two others in the CVD palette.
    for dark in [false, true] {
        let p = properties(dark, true);
        for other in ["--good-bg", "--watch-bg"] {
            let r = contrast_ratio(&p["--poor-bg"], &p[other]).unwrap();
            assert!(r >= 1.5, "dark={dark} {other}: {r:.2}");
        }
    }
}

#[test]
fn narrow_containers_wrap_the_title_and_scroll_the_legend() {
    let mut v: Value = serde_json::from_str(&pollutant_lines(Lang::Zh).to_string()).unwrap();
    fit_to_width(&mut v, 320.0);
    assert_eq!(v["title"][0]["textStyle"]["width"], 304.0);
    assert_eq!(v["title"][0]["textStyle"]["overflow"], "break");
    assert_eq!(v["grid"][0]["top"], 74.0); // 56 + 18
    assert_eq!(v["legend"]["type"], "scroll");
    // Wide containers (and nonsense widths) are untouched.
    let before: Value = serde_json::from_str(&pollutant_lines(Lang::Zh).to_string()).unwrap();
    for w in [1200.0, 0.0, f64::NAN] {
        let mut wide = before.clone();
        fit_to_width(&mut wide, w);
        assert_eq!(wide, before);
    }
}
