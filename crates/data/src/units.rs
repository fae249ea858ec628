//! Units found in headers and cells, and their conversion to an indicator's canonical unit.
//!
//! Every unit belongs to a [`Dimension`] and has a factor to that dimension's base unit, so
//! conversions inside a dimension are one multiplication taken from the [`UNITS`] table. The only
//! conversion across dimensions is a gas's mixing ratio (ppb, ppm) to its mass concentration
//! (µg/m³, mg/m³), which needs the molecular weight: see [`mixing_ratio_to_mass`].
//!
//! Unit spellings (µg/m³, ug/m3, 微克/立方米, 亿千瓦时, 10^8 kWh, 万人 …) are data in [`UNIT_SPELLINGS`];
//! [`detect`] looks a spelling up after a small normalisation (case, spaces, µ/μ, superscripts).
//!
//! Length note: past 600 lines only because of the two unit tables (data).

use crate::lang::Lang;

/// A physical or statistical unit the ingestion understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Unit {
    /// Micrograms per cubic metre.
    UgM3,
    /// Milligrams per cubic metre.
    MgM3,
    /// Parts per billion by volume.
    Ppb,
    /// Parts per million by volume.
    Ppm,
    /// Kilowatt-hours.
    Kwh,
    /// 10^4 kWh (万千瓦时).
    Kwh1e4,
    /// Megawatt-hours.
    Mwh,
    /// Gigawatt-hours.
    Gwh,
    /// 10^8 kWh (亿千瓦时), the unit of China's statistical yearbooks.
    Kwh1e8,
    /// Terawatt-hours.
    Twh,
    /// Kilowatts.
    Kw,
    /// 10^4 kW (万千瓦).
    Kw1e4,
    /// Megawatts.
    Mw,
    /// Gigawatts.
    Gw,
    /// Tonnes.
    Tonne,
    /// Thousand tonnes.
    Kilotonne,
    /// 10^4 tonnes (万吨).
    Tonne1e4,
    /// Million tonnes.
    Megatonne,
    /// 10^8 tonnes (亿吨).
    Tonne1e8,
    /// Persons.
    Person,
    /// Thousand persons.
    Person1e3,
    /// 10^4 persons (万人).
    Person1e4,
    /// Million persons.
    Person1e6,
    /// Yuan (CNY).
    Yuan,
    /// 10^4 yuan (万元).
    Yuan1e4,
    /// Million yuan (百万元).
    Yuan1e6,
    /// 10^8 yuan (亿元).
    Yuan1e8,
    /// Billion yuan (十亿元).
    Yuan1e9,
    /// Percent.
    Percent,
    /// Per mille (‰), the unit of birth, death and natural growth rates.
    PerMille,
    /// Per 100,000 people (the census's "per 100,000 with university education").
    Per100k,
    /// A dimensionless index (AQI).
    Index,
}

/// What a unit measures; conversions happen only inside one dimension (and ppb → µg/m³ for a
/// named gas).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Dimension {
    /// Mass per volume of air (base µg/m³).
    MassConcentration,
    /// Volume mixing ratio (base ppb).
    MixingRatio,
    /// Energy (base kWh).
    Energy,
    /// Power (base kW).
    Power,
    /// Mass (base tonne).
    Mass,
    /// Head count (base person).
    Persons,
    /// Money in yuan (base yuan).
    Money,
    /// A ratio (base percent).
    Ratio,
    /// Dimensionless index.
    Index,
}

/// One row of the unit table: the unit, its dimension, the factor to the dimension's base unit,
/// and display symbols.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitSpec {
    /// The unit.
    pub unit: Unit,
    /// Its dimension.
    pub dimension: Dimension,
    /// Value in this unit × factor = value in the dimension's base unit.
    pub factor_to_base: f64,
    /// Symbol in English.
    pub symbol_en: &'static str,
    /// Symbol in Chinese.
    pub symbol_zh: &'static str,
}

const fn spec(
    unit: Unit,
    dimension: Dimension,
    factor_to_base: f64,
    symbol_en: &'static str,
    symbol_zh: &'static str,
) -> UnitSpec {
    UnitSpec {
        unit,
        dimension,
        factor_to_base,
        symbol_en,
        symbol_zh,
    }
}

/// Every unit with its dimension and factor. The factors are definitions (SI prefixes and the
/// Chinese counting units 万 = 10^4, 亿 = 10^8), not measurements.
pub const UNITS: &[UnitSpec] = &[
    spec(
        Unit::UgM3,
        Dimension::MassConcentration,
        1.0,
        "µg/m³",
        "微克/立方米",
    ),
    spec(
        Unit::MgM3,
        Dimension::MassConcentration,
        1e3,
        "mg/m³",
        "毫克/立方米",
    ),
    spec(Unit::Ppb, Dimension::MixingRatio, 1.0, "ppb", "ppb"),
    spec(Unit::Ppm, Dimension::MixingRatio, 1e3, "ppm", "ppm"),
    spec(Unit::Kwh, Dimension::Energy, 1.0, "kWh", "千瓦时"),
    spec(Unit::Kwh1e4, Dimension::Energy, 1e4, "10^4 kWh", "万千瓦时"),
    spec(Unit::Mwh, Dimension::Energy, 1e3, "MWh", "兆瓦时"),
    spec(Unit::Gwh, Dimension::Energy, 1e6, "GWh", "吉瓦时"),
    spec(Unit::Kwh1e8, Dimension::Energy, 1e8, "10^8 kWh", "亿千瓦时"),
    spec(Unit::Twh, Dimension::Energy, 1e9, "TWh", "太瓦时"),
    spec(Unit::Kw, Dimension::Power, 1.0, "kW", "千瓦"),
    spec(Unit::Kw1e4, Dimension::Power, 1e4, "10^4 kW", "万千瓦"),
    spec(Unit::Mw, Dimension::Power, 1e3, "MW", "兆瓦"),
    spec(Unit::Gw, Dimension::Power, 1e6, "GW", "吉瓦"),
    spec(Unit::Tonne, Dimension::Mass, 1.0, "t", "吨"),
    spec(Unit::Kilotonne, Dimension::Mass, 1e3, "kt", "千吨"),
    spec(Unit::Tonne1e4, Dimension::Mass, 1e4, "10^4 t", "万吨"),
    spec(Unit::Megatonne, Dimension::Mass, 1e6, "Mt", "百万吨"),
    spec(Unit::Tonne1e8, Dimension::Mass, 1e8, "10^8 t", "亿吨"),
    spec(Unit::Person, Dimension::Persons, 1.0, "persons", "人"),
    spec(
        Unit::Person1e3,
        Dimension::Persons,
        1e3,
        "thousand persons",
        "千人",
    ),
    spec(
        Unit::Person1e4,
        Dimension::Persons,
        1e4,
        "10^4 persons",
        "万人",
    ),
    spec(
        Unit::Person1e6,
        Dimension::Persons,
        1e6,
        "million persons",
        "百万人",
    ),
    spec(Unit::Yuan, Dimension::Money, 1.0, "yuan", "元"),
    spec(Unit::Yuan1e4, Dimension::Money, 1e4, "10^4 yuan", "万元"),
    spec(
        Unit::Yuan1e6,
        Dimension::Money,
        1e6,
        "million yuan",
        "百万元",
    ),
    spec(Unit::Yuan1e8, Dimension::Money, 1e8, "10^8 yuan", "亿元"),
    spec(
        Unit::Yuan1e9,
        Dimension::Money,
        1e9,
        "billion yuan",
        "十亿元",
    ),
    spec(Unit::Percent, Dimension::Ratio, 1.0, "%", "%"),
    spec(Unit::PerMille, Dimension::Ratio, 0.1, "‰", "‰"),
    spec(
        Unit::Per100k,
        Dimension::Ratio,
        1e-3,
        "per 100,000",
        "人/10万人",
    ),
    spec(Unit::Index, Dimension::Index, 1.0, "", ""),
];

/// How units are written in headers and cells, after [`normalise_unit_text`]. One table for
/// both languages.
pub const UNIT_SPELLINGS: &[(&str, Unit)] = &[
    ("ug/m3", Unit::UgM3),
    ("ugm3", Unit::UgM3),
    ("ug/m^3", Unit::UgM3),
    ("ugm-3", Unit::UgM3),
    ("微克/立方米", Unit::UgM3),
    ("微克每立方米", Unit::UgM3),
    ("微克/米3", Unit::UgM3),
    ("mg/m3", Unit::MgM3),
    ("mgm3", Unit::MgM3),
    ("mg/m^3", Unit::MgM3),
    ("毫克/立方米", Unit::MgM3),
    ("毫克每立方米", Unit::MgM3),
    ("毫克/米3", Unit::MgM3),
    ("ppb", Unit::Ppb),
    ("ppbv", Unit::Ppb),
    ("ppm", Unit::Ppm),
    ("ppmv", Unit::Ppm),
    ("kwh", Unit::Kwh),
    ("kw.h", Unit::Kwh),
    ("kw*h", Unit::Kwh),
    ("千瓦时", Unit::Kwh),
    ("度", Unit::Kwh),
    ("万千瓦时", Unit::Kwh1e4),
    ("万kwh", Unit::Kwh1e4),
    ("万度", Unit::Kwh1e4),
    ("104kwh", Unit::Kwh1e4),
    ("10^4kwh", Unit::Kwh1e4),
    ("mwh", Unit::Mwh),
    ("兆瓦时", Unit::Mwh),
    ("gwh", Unit::Gwh),
    ("吉瓦时", Unit::Gwh),
    ("百万千瓦时", Unit::Gwh),
    ("亿千瓦时", Unit::Kwh1e8),
    ("亿kwh", Unit::Kwh1e8),
    ("亿度", Unit::Kwh1e8),
    ("108kwh", Unit::Kwh1e8),
    ("10^8kwh", Unit::Kwh1e8),
    ("100millionkwh", Unit::Kwh1e8),
    ("twh", Unit::Twh),
    ("太瓦时", Unit::Twh),
    ("kw", Unit::Kw),
    ("千瓦", Unit::Kw),
    ("万千瓦", Unit::Kw1e4),
    ("万kw", Unit::Kw1e4),
    ("104kw", Unit::Kw1e4),
    ("10^4kw", Unit::Kw1e4),
    ("mw", Unit::Mw),
    ("兆瓦", Unit::Mw),
    ("gw", Unit::Gw),
    ("吉瓦", Unit::Gw),
    ("百万千瓦", Unit::Gw),
    ("t", Unit::Tonne),
    ("吨", Unit::Tonne),
    ("tonnes", Unit::Tonne),
    ("tons", Unit::Tonne),
    ("kt", Unit::Kilotonne),
    ("千吨", Unit::Kilotonne),
    ("万吨", Unit::Tonne1e4),
    ("104t", Unit::Tonne1e4),
    ("10^4t", Unit::Tonne1e4),
    ("mt", Unit::Megatonne),
    ("百万吨", Unit::Megatonne),
    ("亿吨", Unit::Tonne1e8),
    ("108t", Unit::Tonne1e8),
    ("10^8t", Unit::Tonne1e8),
    ("人", Unit::Person),
    ("persons", Unit::Person),
    ("people", Unit::Person),
    ("person", Unit::Person),
    ("千人", Unit::Person1e3),
    ("thousandpersons", Unit::Person1e3),
    ("thousands", Unit::Person1e3),
    ("万人", Unit::Person1e4),
    ("104persons", Unit::Person1e4),
    ("10^4persons", Unit::Person1e4),
    ("10,000persons", Unit::Person1e4),
    ("10000persons", Unit::Person1e4),
    ("百万人", Unit::Person1e6),
    ("millionpersons", Unit::Person1e6),
    ("millions", Unit::Person1e6),
    ("million", Unit::Person1e6),
    ("元", Unit::Yuan),
    ("yuan", Unit::Yuan),
    ("cny", Unit::Yuan),
    ("rmb", Unit::Yuan),
    ("万元", Unit::Yuan1e4),
    ("104yuan", Unit::Yuan1e4),
    ("10^4yuan", Unit::Yuan1e4),
    ("百万元", Unit::Yuan1e6),
    ("millionyuan", Unit::Yuan1e6),
    ("cnymillion", Unit::Yuan1e6),
    ("亿元", Unit::Yuan1e8),
    ("108yuan", Unit::Yuan1e8),
    ("10^8yuan", Unit::Yuan1e8),
    ("100millionyuan", Unit::Yuan1e8),
    ("十亿元", Unit::Yuan1e9),
    ("billionyuan", Unit::Yuan1e9),
    ("cnybillion", Unit::Yuan1e9),
    ("bnyuan", Unit::Yuan1e9),
    ("%", Unit::Percent),
    ("percent", Unit::Percent),
    ("pct", Unit::Percent),
    ("百分比", Unit::Percent),
    ("‰", Unit::PerMille),
    ("permille", Unit::PerMille),
    ("perthousand", Unit::PerMille),
    ("千分比", Unit::PerMille),
    ("per100,000", Unit::Per100k),
    ("per100000", Unit::Per100k),
    ("per100k", Unit::Per100k),
    ("人/10万人", Unit::Per100k),
    ("人/十万人", Unit::Per100k),
    ("每10万人", Unit::Per100k),
    ("每十万人", Unit::Per100k),
    ("index", Unit::Index),
    ("指数", Unit::Index),
];

/// Normalise unit text for lookup: lower case, no spaces, micro sign and Greek mu to `u`,
/// superscript digits to digits, full-width ASCII to ASCII, `·`/`×` dropped, `³` to `3`.
pub fn normalise_unit_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = crate::number::fold_width(c);
        match c {
            c if c.is_whitespace() => {}
            '\u{00B5}' | '\u{03BC}' => out.push('u'),
            '\u{00B3}' => out.push('3'),
            '\u{00B2}' => out.push('2'),
            '\u{2074}' => out.push('4'),
            '\u{2078}' => out.push('8'),
            '\u{00B9}' => out.push('1'),
            '\u{2070}' => out.push('0'),
            '\u{00B7}' | '\u{22C5}' | '\u{2022}' | '\u{30FB}' => out.push('.'),
            '\u{00D7}' | '\u{2219}' => out.push('*'),
            '\u{2044}' | '\u{2215}' => out.push('/'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Look a unit up by its spelling; `None` when the text names no unit we know.
///
/// ```
/// use renewal_data::units::{detect, Unit};
/// assert_eq!(detect("μg/m³"), Some(Unit::UgM3));
/// assert_eq!(detect("ug/m3"), Some(Unit::UgM3));
/// assert_eq!(detect("亿千瓦时"), Some(Unit::Kwh1e8));
/// assert_eq!(detect("10^8 kWh"), Some(Unit::Kwh1e8));
/// assert_eq!(detect("furlongs"), None);
/// ```
pub fn detect(text: &str) -> Option<Unit> {
    let n = normalise_unit_text(text);
    let n = n.trim_matches(|c| matches!(c, '(' | ')' | '[' | ']' | '/' | ':' | ','));
    // "(单位：万人)" and "unit: 10^4 persons" name the unit after a label.
    let n = n
        .strip_prefix("单位:")
        .or_else(|| n.strip_prefix("unit:"))
        .or_else(|| n.strip_prefix("单位"))
        .unwrap_or(n);
    UNIT_SPELLINGS
        .iter()
        .find(|(s, _)| *s == n)
        .map(|&(_, u)| u)
}

impl Unit {
    /// This unit's row in [`UNITS`].
    pub fn spec(self) -> UnitSpec {
        // Every variant has a row (checked by a test); the fallback keeps this total.
        UNITS
            .iter()
            .copied()
            .find(|s| s.unit == self)
            .unwrap_or(spec(self, Dimension::Index, 1.0, "", ""))
    }

    /// The dimension this unit measures.
    pub fn dimension(self) -> Dimension {
        self.spec().dimension
    }

    /// The symbol in `lang`.
    pub fn symbol(self, lang: Lang) -> &'static str {
        let s = self.spec();
        lang.pick(s.symbol_en, s.symbol_zh)
    }
}

/// A gas whose mixing ratio can be turned into a mass concentration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Gas {
    /// Sulphur dioxide.
    So2,
    /// Nitrogen dioxide.
    No2,
    /// Ozone.
    O3,
    /// Carbon monoxide.
    Co,
}

impl Gas {
    /// The same gas in the core crate, whose `units` module owns the reference state and the
    /// molecular weights (one table for the parser, the AQI engine and the app).
    pub fn to_calc(self) -> renewal_calc::units::Gas {
        use renewal_calc::units::Gas as C;
        match self {
            Self::So2 => C::So2,
            Self::No2 => C::No2,
            Self::O3 => C::O3,
            Self::Co => C::Co,
        }
    }
}

/// Molecular weight of `gas`, g/mol (from `renewal_calc::units`).
pub fn molecular_weight_g_per_mol(gas: Gas) -> f64 {
    gas.to_calc().molecular_weight_g_per_mol()
}

/// A mixing ratio in ppb as a mass concentration in µg/m³ at 25 °C and 1 atm.
///
/// # Standard
/// `crates/calc/reference/air-quality-standards.md` §2.5.
///
/// # Formula
/// ```text
/// µg/m³ = ppb × MW / 24.45      (and mg/m³ = ppm × MW / 24.45)
/// ```
///
/// # Edge cases
/// Data reported at the pre-2018 Chinese standard state (273 K) are about 9 % higher in µg/m³;
/// this function does not guess which state the user's data used.
///
/// ```
/// use renewal_data::units::{mixing_ratio_to_mass, Gas};
/// // Reference §2.5: 75 ppb SO2 = 196.5 µg/m³.
/// assert!((mixing_ratio_to_mass(75.0, Gas::So2) - 196.52).abs() < 0.01);
/// ```
pub fn mixing_ratio_to_mass(ppb: f64, gas: Gas) -> f64 {
    ppb * molecular_weight_g_per_mol(gas) / renewal_calc::units::MOLAR_VOLUME_L_PER_MOL
}

/// Why a value cannot be converted to the wanted unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConversionError {
    /// The units measure different things (kWh into µg/m³).
    #[error("cannot convert {from:?} into {to:?}")]
    Incompatible {
        /// The unit the value came in.
        from: Unit,
        /// The unit wanted.
        to: Unit,
    },
    /// A mixing ratio was given for something that is not a gas with a known molecular weight
    /// (ppb of PM2.5).
    #[error("a mixing ratio needs a gas with a known molecular weight")]
    NotAGas {
        /// The unit the value came in.
        from: Unit,
        /// The unit wanted.
        to: Unit,
    },
}

/// Convert `value` from `from` to `to`; `gas` enables ppb/ppm → µg/m³, mg/m³.
///
/// # Formula
/// ```text
/// same dimension:       v_to = v_from × factor(from) / factor(to)
/// mixing ratio → mass:  v_to = ppb(v_from) × MW / 24.45 / factor(to)   (see mixing_ratio_to_mass)
/// ```
///
/// # Errors
/// [`ConversionError::Incompatible`] across dimensions; [`ConversionError::NotAGas`] for a mixing
/// ratio without a gas.
///
/// ```
/// use renewal_data::units::{convert, Gas, Unit};
/// assert_eq!(convert(3.0, Unit::Kwh1e8, Unit::Gwh, None), Ok(300.0));
/// // Reference §2.5: 9 ppm CO = 10.31 mg/m³.
/// let co = convert(9.0, Unit::Ppm, Unit::MgM3, Some(Gas::Co)).unwrap();
/// assert!((co - 10.31).abs() < 0.005);
/// ```
pub fn convert(value: f64, from: Unit, to: Unit, gas: Option<Gas>) -> Result<f64, ConversionError> {
    let (f, t) = (from.spec(), to.spec());
    if f.dimension == t.dimension {
        if from == to {
            return Ok(value);
        }
        return Ok(value * f.factor_to_base / t.factor_to_base);
    }
    if f.dimension == Dimension::MixingRatio && t.dimension == Dimension::MassConcentration {
        let gas = gas.ok_or(ConversionError::NotAGas { from, to })?;
        let ppb = value * f.factor_to_base;
        return Ok(mixing_ratio_to_mass(ppb, gas) / t.factor_to_base);
    }
    Err(ConversionError::Incompatible { from, to })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<Unit>) {
        assert_eq!(detect(text), expected, "{text}");
    }

    #[test]
    fn every_spelling_in_the_issue_is_detected() {
        check("µg/m³", Some(Unit::UgM3));
        check("μg/m³", Some(Unit::UgM3));
        check("ug/m3", Some(Unit::UgM3));
        check("mg/m³", Some(Unit::MgM3));
        check("ppb", Some(Unit::Ppb));
        check("PPM", Some(Unit::Ppm));
        check("kWh", Some(Unit::Kwh));
        check("MWh", Some(Unit::Mwh));
        check("GWh", Some(Unit::Gwh));
        check("TWh", Some(Unit::Twh));
        check("亿千瓦时", Some(Unit::Kwh1e8));
        check("10⁸ kWh", Some(Unit::Kwh1e8));
        check("万人", Some(Unit::Person1e4));
        check("人", Some(Unit::Person));
        check("%", Some(Unit::Percent));
        check("％", Some(Unit::Percent));
        check("万元", Some(Unit::Yuan1e4));
        check("亿元", Some(Unit::Yuan1e8));
        check("单位：万人", Some(Unit::Person1e4));
        check("m/s", None);
    }

    #[test]
    fn every_unit_has_exactly_one_row() {
        for s in UNITS {
            assert_eq!(UNITS.iter().filter(|o| o.unit == s.unit).count(), 1);
            assert!(s.factor_to_base > 0.0);
        }
        for (_, u) in UNIT_SPELLINGS {
            assert!(UNITS.iter().any(|s| s.unit == *u));
        }
    }

    #[test]
    fn gas_conversions_match_the_reference_examples() {
        // Reference §2.5 examples: 100 ppb NO2 = 188.2, 70 ppb O3 = 137.4 µg/m³.
        let no2 = convert(100.0, Unit::Ppb, Unit::UgM3, Some(Gas::No2)).unwrap();
        assert!((no2 - 188.16).abs() < 0.01, "{no2}");
        let o3 = convert(70.0, Unit::Ppb, Unit::UgM3, Some(Gas::O3)).unwrap();
        assert!((o3 - 137.41).abs() < 0.01, "{o3}");
        // 1 ppm CO = 28.010 / 24.45 = 1.14560 mg/m³; 1 ppm = 1145.6 µg/m³.
        let co = convert(1.0, Unit::Ppm, Unit::UgM3, Some(Gas::Co)).unwrap();
        assert!((co - 1145.60).abs() < 0.01, "{co}");
    }

    #[test]
    fn conversions_across_dimensions_fail_with_both_units() {
        assert_eq!(
            convert(1.0, Unit::Kwh, Unit::UgM3, None),
            Err(ConversionError::Incompatible {
                from: Unit::Kwh,
                to: Unit::UgM3
            })
        );
        assert_eq!(
            convert(1.0, Unit::Ppb, Unit::UgM3, None),
            Err(ConversionError::NotAGas {
                from: Unit::Ppb,
                to: Unit::UgM3
            })
        );
        // 1.5 万人 = 15,000 persons; 2.5‰ = 0.25 %; 1,000 per 100k = 1 %.
        assert_eq!(
            convert(1.5, Unit::Person1e4, Unit::Person, None),
            Ok(15_000.0)
        );
        assert_eq!(convert(2.5, Unit::PerMille, Unit::Percent, None), Ok(0.25));
        assert_eq!(convert(1000.0, Unit::Per100k, Unit::Percent, None), Ok(1.0));
    }
}
