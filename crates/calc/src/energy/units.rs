//! Energy and power units of electricity statistics, with explicit conversions.
//!
//! Chinese statistics report generation in 亿千瓦时 (10^8 kWh = 0.1 TWh) and capacity in 万千瓦
//! (10^4 kW = 10 MW); international sources use kWh…TWh and kW…GW. Every value entering the
//! energy maths is converted here to kWh (energy) or kW (power), and results are reported in
//! those base units unless a caller converts back.
//!
//! These units are separate from the crate's air-quality `units` module on purpose: they share
//! nothing with concentrations.

use std::fmt;
use std::str::FromStr;

/// An energy unit for electricity generation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum EnergyUnit {
    /// Kilowatt hour, the base unit here.
    Kwh,
    /// Megawatt hour = 10^3 kWh.
    Mwh,
    /// Gigawatt hour = 10^6 kWh.
    Gwh,
    /// Terawatt hour = 10^9 kWh.
    Twh,
    /// 亿千瓦时 = 10^8 kWh = 0.1 TWh, the unit of Chinese statistical yearbooks.
    HundredMillionKwh,
}

/// Every energy unit, smallest first.
pub const ENERGY_UNITS: [EnergyUnit; 5] = [
    EnergyUnit::Kwh,
    EnergyUnit::Mwh,
    EnergyUnit::Gwh,
    EnergyUnit::HundredMillionKwh,
    EnergyUnit::Twh,
];

impl EnergyUnit {
    /// How many kWh one of this unit is.
    pub const fn kwh_per_unit(self) -> f64 {
        match self {
            Self::Kwh => 1.0,
            Self::Mwh => 1e3,
            Self::Gwh => 1e6,
            Self::HundredMillionKwh => 1e8,
            Self::Twh => 1e9,
        }
    }

    /// The symbol this crate prints and parses.
    pub const fn symbol(self) -> &'static str {
        match self {
            Self::Kwh => "kWh",
            Self::Mwh => "MWh",
            Self::Gwh => "GWh",
            Self::Twh => "TWh",
            Self::HundredMillionKwh => "1e8kWh",
        }
    }

    /// `value` in this unit, in kWh.
    pub fn to_kwh(self, value: f64) -> Kwh {
        Kwh(value * self.kwh_per_unit())
    }

    /// `energy` expressed in this unit.
    pub fn from_kwh(self, energy: Kwh) -> f64 {
        energy.0 / self.kwh_per_unit()
    }
}

/// Converts `value` from one energy unit to another.
///
/// ```
/// use renewal_calc::energy::units::{convert_energy, EnergyUnit};
/// // 727 亿千瓦时 = 72.7 TWh.
/// assert!((convert_energy(727.0, EnergyUnit::HundredMillionKwh, EnergyUnit::Twh) - 72.7).abs() < 1e-12);
/// ```
pub fn convert_energy(value: f64, from: EnergyUnit, to: EnergyUnit) -> f64 {
    to.from_kwh(from.to_kwh(value))
}

impl fmt::Display for EnergyUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

/// A unit name that is not one of the known spellings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown unit {found:?}")]
pub struct UnknownUnit {
    /// What was given.
    pub found: String,
}

impl FromStr for EnergyUnit {
    type Err = UnknownUnit;

    /// Accepts the symbols (any case) and the Chinese names: `kWh`/`千瓦时`/`度`, `MWh`/`兆瓦时`,
    /// `GWh`/`吉瓦时`, `TWh`/`太瓦时`, `1e8kWh`/`10^8kWh`/`亿千瓦时`/`亿度`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        Ok(match t.to_ascii_lowercase().replace(' ', "").as_str() {
            "kwh" | "千瓦时" | "度" => Self::Kwh,
            "mwh" | "兆瓦时" => Self::Mwh,
            "gwh" | "吉瓦时" => Self::Gwh,
            "twh" | "太瓦时" => Self::Twh,
            "1e8kwh" | "10^8kwh" | "100millionkwh" | "亿千瓦时" | "亿度" => {
                Self::HundredMillionKwh
            }
            _ => {
                return Err(UnknownUnit {
                    found: t.to_string(),
                })
            }
        })
    }
}

/// A power (installed capacity) unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PowerUnit {
    /// Kilowatt, the base unit here.
    Kw,
    /// Megawatt = 10^3 kW.
    Mw,
    /// 万千瓦 = 10^4 kW = 10 MW, the unit of Chinese statistical yearbooks.
    TenThousandKw,
    /// Gigawatt = 10^6 kW.
    Gw,
}

impl PowerUnit {
    /// How many kW one of this unit is.
    pub const fn kw_per_unit(self) -> f64 {
        match self {
            Self::Kw => 1.0,
            Self::Mw => 1e3,
            Self::TenThousandKw => 1e4,
            Self::Gw => 1e6,
        }
    }

    /// The symbol this crate prints and parses.
    pub const fn symbol(self) -> &'static str {
        match self {
            Self::Kw => "kW",
            Self::Mw => "MW",
            Self::TenThousandKw => "1e4kW",
            Self::Gw => "GW",
        }
    }

    /// `value` in this unit, in kW.
    pub fn to_kw(self, value: f64) -> Kw {
        Kw(value * self.kw_per_unit())
    }
}

impl fmt::Display for PowerUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

impl FromStr for PowerUnit {
    type Err = UnknownUnit;

    /// Accepts `kW`/`千瓦`, `MW`/`兆瓦`, `1e4kW`/`10^4kW`/`万千瓦`, `GW`/`吉瓦` (any case).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        Ok(match t.to_ascii_lowercase().replace(' ', "").as_str() {
            "kw" | "千瓦" => Self::Kw,
            "mw" | "兆瓦" => Self::Mw,
            "1e4kw" | "10^4kw" | "万千瓦" => Self::TenThousandKw,
            "gw" | "吉瓦" => Self::Gw,
            _ => {
                return Err(UnknownUnit {
                    found: t.to_string(),
                })
            }
        })
    }
}

/// An amount of energy in kWh.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Kwh(pub f64);

/// A power (installed capacity) in kW.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Kw(pub f64);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn hundred_million_kwh_is_a_tenth_of_a_twh() {
        assert_eq!(EnergyUnit::HundredMillionKwh.to_kwh(1.0), Kwh(1e8));
        assert!(
            (convert_energy(10.0, EnergyUnit::HundredMillionKwh, EnergyUnit::Twh) - 1.0).abs()
                < 1e-15
        );
        assert_eq!(
            convert_energy(1.0, EnergyUnit::Twh, EnergyUnit::Gwh),
            1000.0
        );
        assert_eq!(
            convert_energy(1.0, EnergyUnit::Gwh, EnergyUnit::Mwh),
            1000.0
        );
        assert_eq!(
            convert_energy(1.0, EnergyUnit::Mwh, EnergyUnit::Kwh),
            1000.0
        );
    }

    #[test]
    fn ten_thousand_kw_is_ten_mw() {
        assert_eq!(PowerUnit::TenThousandKw.to_kw(1.0), Kw(1e4));
        assert_eq!(PowerUnit::Gw.to_kw(1.5), Kw(1.5e6));
    }

    #[test]
    fn units_parse_from_symbols_and_chinese_names() {
        assert_eq!("亿千瓦时".parse(), Ok(EnergyUnit::HundredMillionKwh));
        assert_eq!("10^8 kWh".parse(), Ok(EnergyUnit::HundredMillionKwh));
        assert_eq!("gwh".parse(), Ok(EnergyUnit::Gwh));
        assert_eq!("万千瓦".parse(), Ok(PowerUnit::TenThousandKw));
        assert_eq!(
            "TW".parse::<PowerUnit>(),
            Err(UnknownUnit { found: "TW".into() })
        );
        for u in ENERGY_UNITS {
            assert_eq!(u.symbol().parse(), Ok(u));
        }
    }

    proptest! {
        #[test]
        fn energy_round_trips_through_every_unit(v in 0.0f64..1e12) {
            for a in ENERGY_UNITS {
                for b in ENERGY_UNITS {
                    let back = convert_energy(convert_energy(v, a, b), b, a);
                    prop_assert!((back - v).abs() <= 1e-12 * v.max(1.0));
                }
            }
        }
    }
}
