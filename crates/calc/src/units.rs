//! Concentration units of gaseous pollutants: µg/m³ ↔ ppb and mg/m³ ↔ ppm.
//!
//! # Standard
//! Reference state 25 °C (298.15 K) and 1 atm (1013.25 hPa), molar volume 24.45 L/mol — the
//! convention of US EPA and, since the 2018 amendment of GB 3095-2012 (kept in GB 3095-2026
//! §3.14, §4.3), of China's gas limits. The exact ideal-gas value RT/P is 24.465 L/mol (0.06 %
//! apart). Molecular weights as in `reference/aqi-breakpoints.toml` `[conversion]`.
//!
//! # Formula
//! ```text
//! µg/m³ = ppb × MW / 24.45        ppb = µg/m³ × 24.45 / MW
//! mg/m³ = ppm × MW / 24.45        ppm = mg/m³ × 24.45 / MW
//! ```
//!
//! # Edge cases
//! Particulate matter is a mass concentration and is never converted; [`Gas`] has no PM
//! variant, so the type system refuses it. Energy units live elsewhere.
//!
//! ```
//! use renewal_calc::units::{ug_m3_from_ppb, Gas, Ppb};
//! // Reference §2.5: 75 ppb SO2 = 196.5 µg/m³.
//! let c = ug_m3_from_ppb(Gas::So2, Ppb(75.0));
//! assert!((c.0 - 196.5).abs() < 0.05);
//! ```

/// Reference temperature of the conversion, kelvin.
pub const REFERENCE_TEMPERATURE_K: f64 = 298.15;
/// Reference pressure of the conversion, hectopascal.
pub const REFERENCE_PRESSURE_HPA: f64 = 1013.25;
/// Molar volume of an ideal gas at the reference state, litres per mole (conventional value).
pub const MOLAR_VOLUME_L_PER_MOL: f64 = 24.45;

/// A gas whose concentration can be given by mass or by volume.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
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
    /// Every gas.
    pub const ALL: [Gas; 4] = [Self::So2, Self::No2, Self::O3, Self::Co];

    /// Molecular weight, g/mol (reference `[conversion.molecular_weight_g_per_mol]`).
    pub fn molecular_weight_g_per_mol(self) -> f64 {
        match self {
            Self::So2 => 64.066,
            Self::No2 => 46.0055,
            Self::O3 => 47.997,
            Self::Co => 28.010,
        }
    }

    /// The formula as written in the reference (`SO2`, …).
    pub fn formula(self) -> &'static str {
        match self {
            Self::So2 => "SO2",
            Self::No2 => "NO2",
            Self::O3 => "O3",
            Self::Co => "CO",
        }
    }
}

/// Micrograms per cubic metre.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct UgPerM3(pub f64);
/// Milligrams per cubic metre.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MgPerM3(pub f64);
/// Parts per billion by volume.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Ppb(pub f64);
/// Parts per million by volume.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Ppm(pub f64);

/// µg/m³ per ppb (equally mg/m³ per ppm) of `gas`: MW / 24.45.
pub fn ug_m3_per_ppb(gas: Gas) -> f64 {
    gas.molecular_weight_g_per_mol() / MOLAR_VOLUME_L_PER_MOL
}

/// ppb → µg/m³ at 25 °C, 1 atm.
pub fn ug_m3_from_ppb(gas: Gas, c: Ppb) -> UgPerM3 {
    UgPerM3(c.0 * ug_m3_per_ppb(gas))
}

/// µg/m³ → ppb at 25 °C, 1 atm.
pub fn ppb_from_ug_m3(gas: Gas, c: UgPerM3) -> Ppb {
    Ppb(c.0 / ug_m3_per_ppb(gas))
}

/// ppm → mg/m³ at 25 °C, 1 atm.
pub fn mg_m3_from_ppm(gas: Gas, c: Ppm) -> MgPerM3 {
    MgPerM3(c.0 * ug_m3_per_ppb(gas))
}

/// mg/m³ → ppm at 25 °C, 1 atm.
pub fn ppm_from_mg_m3(gas: Gas, c: MgPerM3) -> Ppm {
    Ppm(c.0 / ug_m3_per_ppb(gas))
}

/// ppb → ppm (pure ratio, no reference state).
pub fn ppm_from_ppb(c: Ppb) -> Ppm {
    Ppm(c.0 / 1000.0)
}

/// µg/m³ → mg/m³.
pub fn mg_m3_from_ug_m3(c: UgPerM3) -> MgPerM3 {
    MgPerM3(c.0 / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFERENCE_TOML: &str = include_str!("../reference/aqi-breakpoints.toml");

    /// Reference §2.5 example column: (gas, ppb or ppm, µg/m³ or mg/m³ as printed, printed decimals).
    const EXAMPLES: [(Gas, f64, f64, f64); 4] = [
        (Gas::So2, 75.0, 196.5, 0.05),
        (Gas::No2, 100.0, 188.2, 0.05),
        (Gas::O3, 70.0, 137.4, 0.05),
        (Gas::Co, 9.0, 10.31, 0.005),
    ];

    #[test]
    fn reference_examples_convert_both_ways() {
        for (gas, vol, mass, tol) in EXAMPLES {
            if gas == Gas::Co {
                let m = mg_m3_from_ppm(gas, Ppm(vol));
                assert!((m.0 - mass).abs() < tol, "{gas:?}: {m:?}");
                let back = ppm_from_mg_m3(gas, m);
                assert!((back.0 - vol).abs() < 1e-12);
            } else {
                let m = ug_m3_from_ppb(gas, Ppb(vol));
                assert!((m.0 - mass).abs() < tol, "{gas:?}: {m:?}");
                let back = ppb_from_ug_m3(gas, m);
                assert!((back.0 - vol).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn constants_equal_the_reference_toml() {
        let t: toml::Table = REFERENCE_TOML.parse().unwrap();
        let c = &t["conversion"];
        assert_eq!(
            c["reference_temperature_k"].as_float(),
            Some(REFERENCE_TEMPERATURE_K)
        );
        assert_eq!(
            c["reference_pressure_hpa"].as_float(),
            Some(REFERENCE_PRESSURE_HPA)
        );
        assert_eq!(
            c["molar_volume_l_per_mol"].as_float(),
            Some(MOLAR_VOLUME_L_PER_MOL)
        );
        for gas in Gas::ALL {
            let mw = c["molecular_weight_g_per_mol"][gas.formula()].as_float();
            assert_eq!(mw, Some(gas.molecular_weight_g_per_mol()));
            // The printed factors are MW / 24.45 and its reciprocal, to 5 decimals.
            let f = c["ugm3_per_ppb"][gas.formula()].as_float().unwrap();
            assert!((ug_m3_per_ppb(gas) - f).abs() < 5e-6, "{gas:?}");
            let r = c["ppb_per_ugm3"][gas.formula()].as_float().unwrap();
            assert!((1.0 / ug_m3_per_ppb(gas) - r).abs() < 5e-6, "{gas:?}");
        }
    }

    #[test]
    fn molar_volume_is_close_to_rt_over_p() {
        // R = 8.314462618 J/(mol K): RT/P = 8.314462618 * 298.15 / 101325 m3 = 24.465 L.
        let rt_p =
            8.314_462_618 * REFERENCE_TEMPERATURE_K / (REFERENCE_PRESSURE_HPA * 100.0) * 1000.0;
        assert!((rt_p - 24.465).abs() < 0.001);
        assert!((rt_p - MOLAR_VOLUME_L_PER_MOL).abs() / rt_p < 0.001);
    }

    #[test]
    fn scale_changes_are_exact_ratios() {
        assert_eq!(ppm_from_ppb(Ppb(70.0)).0, 0.07);
        assert_eq!(mg_m3_from_ug_m3(UgPerM3(2500.0)).0, 2.5);
    }
}
