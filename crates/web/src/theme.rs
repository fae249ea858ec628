//! Colour themes for the page and its charts, as plain data: the light and dark schemes (which
//! follow the system's `prefers-color-scheme`) and the two palettes (the default Okabe–Ito set and
//! a colour-vision-deficiency variant with patterns). Nothing here touches the browser: the page's
//! colours live in `web/style.css` as custom properties for both schemes, and [`ChartTheme::apply`]
//! turns any chart's options into the same scheme, so every chart (including those built in
//! other modules) is themed by the one renderer, [`crate::components::chart::EChart`].
//!
//! # Palette decision
//! The chart default stays Okabe–Ito ([`crate::charts::PALETTE`]): it is the set recommended for
//! readers with deuteranopia and protanopia (Okabe & Ito 2008, "Color Universal Design";
//! Wong 2011, "Points of view: Color blindness", Nature Methods 8:441), and a default that is
//! safe for everyone costs readers with typical vision nothing. The option ([`Palette::Cvd`],
//! `?palette=cvd`) is therefore a *high-contrast variant with patterns* rather than a different
//! set of hues:
//! - every series colour reaches 3:1 against the chart background (WCAG 2.1 SC 1.4.11, non-text
//!   contrast), which two Okabe–Ito colours (orange 2.3:1, sky blue 2.3:1 on white) do not;
//! - every series also differs in something other than hue (WCAG 2.1 SC 1.4.1, use of colour):
//!   bars and areas get ECharts' decal patterns (`aria.decal`, designed for colour-blind readers),
//!   lines get their own dash pattern and marker symbol;
//! - the traffic-light statuses (styled in `web/style.css` under `[data-palette="cvd"]`) move
//!   from green/amber/red, whose red–green contrast is the one deuteranopes and protanopes lose,
//!   to blue / light yellow / dark vermilion, which differ in lightness as well as along the
//!   blue–yellow axis these readers keep (Wong 2011). Their words and icons stay in both
//!   palettes.
//!
//! # Contrast
//! Ratios are WCAG 2.1's relative-luminance contrast (`(L1 + 0.05) / (L2 + 0.05)`, sRGB
//! linearised with the 0.03928 threshold of the WCAG definition). Tests check AA (4.5:1) for every
//! text colour of both schemes in `web/style.css` and in the chart theme.

use crate::charts::PALETTE;
use serde_json::{Map, Value};

/// The colour scheme the system asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scheme {
    /// Dark text on light backgrounds.
    #[default]
    Light,
    /// Light text on dark backgrounds.
    Dark,
}

/// The series palette the reader chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    /// Okabe–Ito, as in [`PALETTE`].
    #[default]
    Standard,
    /// The high-contrast variant with patterns, for colour-vision deficiencies.
    Cvd,
}

impl Palette {
    /// The value used in the URL (`?palette=`), in storage and in `<html data-palette>`.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Standard => "standard",
            Self::Cvd => "cvd",
        }
    }

    /// Parse a URL or storage value; unknown values are `None` (the caller keeps its default).
    pub fn from_slug(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "standard" | "default" => Some(Self::Standard),
            "cvd" | "colorblind" | "colourblind" => Some(Self::Cvd),
            _ => None,
        }
    }
}

/// Everything a chart needs to match the page: the scheme and the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChartTheme {
    /// Light or dark.
    pub scheme: Scheme,
    /// Standard or colour-vision-deficiency palette.
    pub palette: Palette,
}

/// The non-series colours of a chart in one scheme (the same values as `web/style.css`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartColours {
    /// Titles, legends, tooltips (`--ink`).
    pub text: &'static str,
    /// Axis labels and axis names (`--ink-muted`).
    pub muted: &'static str,
    /// Axis lines and ticks.
    pub axis: &'static str,
    /// Split lines (`--rule`).
    pub grid: &'static str,
    /// The chart's background (`--card`, the card the chart sits on), so an exported SVG reads
    /// the same as the page.
    pub background: &'static str,
    /// Legend entries switched off.
    pub inactive: &'static str,
}

/// Light scheme chart colours.
pub const LIGHT: ChartColours = ChartColours {
    text: "#1b1f24",
    muted: "#4a5360",
    axis: "#6b7480",
    grid: "#d9dde3",
    background: "#ffffff",
    inactive: "#a0a7b0",
};

/// Dark scheme chart colours.
pub const DARK: ChartColours = ChartColours {
    text: "#e8eaed",
    muted: "#b4bcc8",
    axis: "#8a93a0",
    grid: "#3a414b",
    background: "#1e2228",
    inactive: "#5c6570",
};

/// Okabe–Ito on a dark background: black becomes the page's text colour; the rest already reach
/// 3:1 on [`DARK`]'s background (blue 3.1:1 is the lowest).
const DARK_STANDARD: [&str; 7] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#E8EAED",
];

/// The high-contrast variant on white: orange and sky blue darkened to 3.8:1 and 4.0:1.
const LIGHT_CVD: [&str; 7] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#B07800", "#2F86BF", "#000000",
];

/// The high-contrast variant on the dark background: blue lightened to 5.3:1, black to text.
const DARK_CVD: [&str; 7] = [
    "#3C9BDC", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#E8EAED",
];

/// Dash patterns for line series in the CVD palette, by series index (solid first).
const DASHES: [&str; 3] = ["solid", "dashed", "dotted"];

/// Marker symbols for line series in the CVD palette, by series index.
const SYMBOLS: [&str; 6] = ["circle", "rect", "triangle", "diamond", "roundRect", "pin"];

impl ChartTheme {
    /// The non-series colours of the scheme.
    pub fn colours(self) -> ChartColours {
        match self.scheme {
            Scheme::Light => LIGHT,
            Scheme::Dark => DARK,
        }
    }

    /// The series colours, slot for slot with [`PALETTE`].
    pub fn series_colours(self) -> [&'static str; 7] {
        match (self.scheme, self.palette) {
            (Scheme::Light, Palette::Standard) => PALETTE,
            (Scheme::Dark, Palette::Standard) => DARK_STANDARD,
            (Scheme::Light, Palette::Cvd) => LIGHT_CVD,
            (Scheme::Dark, Palette::Cvd) => DARK_CVD,
        }
    }

    /// The themed colour of a [`PALETTE`] colour (compared case-insensitively); other strings
    /// are `None`.
    fn map_colour(self, colour: &str) -> Option<&'static str> {
        let slot = PALETTE
            .iter()
            .position(|c| c.eq_ignore_ascii_case(colour))?;
        self.series_colours().get(slot).copied()
    }

    /// Theme serialised chart options in place.
    ///
    /// - Colours the builder took from [`PALETTE`] (the option's `color` list and explicit
    ///   item, line and mark colours) are replaced slot for slot by [`Self::series_colours`];
    ///   the `color` list is set when the builder gave none.
    /// - Text, axis, split-line, legend and tooltip colours and the background are set from
    ///   [`Self::colours`] wherever the builder left them unset (a builder's explicit choice wins).
    /// - In the CVD palette, bars get decal patterns and each line series gets its own dash
    ///   pattern and marker symbol, unless the builder set them (a projected line already dashed
    ///   stays dashed).
    pub fn apply(self, options: &mut Value) {
        self.remap_palette(options);
        let Some(root) = options.as_object_mut() else {
            return;
        };
        let c = self.colours();
        let series: Vec<Value> = self
            .series_colours()
            .iter()
            .map(|s| Value::from(*s))
            .collect();
        set_default(root, &["color"], Value::Array(series));
        set_default(root, &["backgroundColor"], c.background);
        set_default(root, &["textStyle", "color"], c.text);
        for_each(root, "title", |t| {
            set_default(t, &["textStyle", "color"], c.text);
            set_default(t, &["subtextStyle", "color"], c.muted);
        });
        for_each(root, "legend", |l| {
            set_default(l, &["textStyle", "color"], c.text);
            set_default(l, &["inactiveColor"], c.inactive);
            set_default(l, &["pageTextStyle", "color"], c.text);
        });
        for_each(root, "tooltip", |t| {
            set_default(t, &["backgroundColor"], c.background);
            set_default(t, &["borderColor"], c.grid);
            set_default(t, &["textStyle", "color"], c.text);
        });
        for key in ["xAxis", "yAxis", "radiusAxis", "angleAxis"] {
            for_each(root, key, |a| {
                set_default(a, &["axisLine", "lineStyle", "color"], c.axis);
                set_default(a, &["axisTick", "lineStyle", "color"], c.axis);
                set_default(a, &["axisLabel", "color"], c.muted);
                set_default(a, &["nameTextStyle", "color"], c.muted);
                set_default(a, &["splitLine", "lineStyle", "color"], c.grid);
            });
        }
        for_each(root, "radar", |r| {
            set_default(r, &["axisName", "color"], c.muted);
            set_default(r, &["axisLine", "lineStyle", "color"], c.axis);
            set_default(r, &["splitLine", "lineStyle", "color"], c.grid);
            set_default(r, &["splitArea", "show"], false);
        });
        let mark_label = c.text;
        let cvd = self.palette == Palette::Cvd;
        let mut line_index = 0usize;
        for_each(root, "series", |s| {
            // Mark labels default to the series colour, which is a graphics colour (3:1), not a
            // text colour (4.5:1): they take the text colour instead.
            for mark in ["markLine", "markArea"] {
                if let Some(Value::Object(m)) = s.get_mut(mark) {
                    set_default(m, &["label", "color"], mark_label);
                }
            }
            if cvd && s.get("type").and_then(Value::as_str) == Some("line") {
                let i = line_index;
                line_index += 1;
                let dash = DASHES.get(i % DASHES.len()).copied().unwrap_or("solid");
                let symbol = SYMBOLS.get(i % SYMBOLS.len()).copied().unwrap_or("circle");
                set_default(s, &["lineStyle", "type"], dash);
                set_default(s, &["lineStyle", "width"], 3);
                set_default(s, &["symbol"], symbol);
                set_default(s, &["symbolSize"], 8);
                set_default(s, &["showSymbol"], true);
            }
        });
        if cvd {
            set_default(root, &["aria", "enabled"], true);
            set_default(root, &["aria", "decal", "show"], true);
        }
    }

    fn remap_palette(self, v: &mut Value) {
        match v {
            Value::String(s) => {
                if let Some(mapped) = self.map_colour(s) {
                    *s = mapped.to_string();
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|i| self.remap_palette(i)),
            Value::Object(map) => map.values_mut().for_each(|i| self.remap_palette(i)),
            _ => {}
        }
    }
}

/// Below this container width (CSS px) charts are laid out for a phone.
pub const NARROW_PX: f64 = 600.0;

/// Fit options to a container `width_px` wide. Below [`NARROW_PX`] a title wraps inside the
/// container in a smaller font (instead of running off both edges) with the plot moved down
/// to make room, and the legend becomes one scrollable line (instead of rows that run into the
/// axis labels). Wider containers are left as they are.
pub fn fit_to_width(options: &mut Value, width_px: f64) {
    if !(width_px.is_finite() && width_px > 0.0 && width_px < NARROW_PX) {
        return;
    }
    let Some(root) = options.as_object_mut() else {
        return;
    };
    let mut titles = 0usize;
    for_each(root, "title", |t| {
        titles += 1;
        set_default(t, &["textStyle", "fontSize"], 13);
        set_default(
            t,
            &["textStyle", "width"],
            (width_px - 16.0).max(80.0).round(),
        );
        set_default(t, &["textStyle", "overflow"], "break");
    });
    if titles > 0 {
        for_each(root, "grid", |g| {
            if let Some(top) = g.get("top").and_then(Value::as_f64) {
                g.insert("top".into(), Value::from(top + 18.0));
            }
        });
    }
    for_each(root, "legend", |l| {
        set_default(l, &["type"], "scroll");
    });
}

/// Run `f` on `root[key]` when it is an object, or on each object of it when it is an array
/// (charming writes one axis as an object and several as an array).
fn for_each(root: &mut Map<String, Value>, key: &str, mut f: impl FnMut(&mut Map<String, Value>)) {
    match root.get_mut(key) {
        Some(Value::Object(o)) => f(o),
        Some(Value::Array(items)) => items
            .iter_mut()
            .filter_map(Value::as_object_mut)
            .for_each(f),
        _ => {}
    }
}

/// Set `obj[path…]` to `value` unless it is already set (`null` counts as unset), creating the
/// objects on the way; a non-object on the way (`axisLine: false`) leaves everything as it is.
fn set_default(obj: &mut Map<String, Value>, path: &[&str], value: impl Into<Value>) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut here = obj;
    for key in parents {
        let next = here.entry(key.to_string()).or_insert(Value::Null);
        // charming writes unset options as `null`: those count as absent.
        if next.is_null() {
            *next = Value::Object(Map::new());
        }
        match next.as_object_mut() {
            Some(o) => here = o,
            None => return,
        }
    }
    let leaf = here.entry(last.to_string()).or_insert(Value::Null);
    if leaf.is_null() {
        *leaf = value.into();
    }
}

/// WCAG 2.1 relative luminance of a `#rrggbb` colour; `None` for anything else.
pub fn relative_luminance(hex: &str) -> Option<f64> {
    let h = hex.strip_prefix('#')?;
    if h.len() != 6 || !h.is_ascii() {
        return None;
    }
    let channel = |i: usize| -> Option<f64> {
        let c = f64::from(u8::from_str_radix(h.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

/// WCAG 2.1 contrast ratio of two `#rrggbb` colours (1 to 21); `None` if either is malformed.
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (relative_luminance(a)?, relative_luminance(b)?);
    Some((la.max(lb) + 0.05) / (la.min(lb) + 0.05))
}

#[cfg(test)]
mod tests;
