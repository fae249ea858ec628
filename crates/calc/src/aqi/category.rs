//! AQI categories: names, colours (standard and colour-vision palette), health effects, advice
//! and sensitive groups, in Chinese and English.

use super::standard::{Family, Pollutant};

/// Stable identifier of a category (prefixed by family: the words differ in meaning, e.g. China's
/// "good" is level 2 and the US "good" is level 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CategoryId {
    /// 优, AQI 0–50.
    CnExcellent,
    /// 良, 51–100.
    CnGood,
    /// 轻度污染, 101–150.
    CnLightlyPolluted,
    /// 中度污染, 151–200.
    CnModeratelyPolluted,
    /// 重度污染, 201–300.
    CnHeavilyPolluted,
    /// 严重污染, above 300.
    CnSeverelyPolluted,
    /// Good, 0–50.
    UsGood,
    /// Moderate, 51–100.
    UsModerate,
    /// Unhealthy for Sensitive Groups, 101–150.
    UsUnhealthyForSensitiveGroups,
    /// Unhealthy, 151–200.
    UsUnhealthy,
    /// Very Unhealthy, 201–300.
    UsVeryUnhealthy,
    /// Hazardous, 301 and above.
    UsHazardous,
}

impl CategoryId {
    /// The id as a string (`cn_lightly_polluted`, `us_hazardous`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CnExcellent => "cn_excellent",
            Self::CnGood => "cn_good",
            Self::CnLightlyPolluted => "cn_lightly_polluted",
            Self::CnModeratelyPolluted => "cn_moderately_polluted",
            Self::CnHeavilyPolluted => "cn_heavily_polluted",
            Self::CnSeverelyPolluted => "cn_severely_polluted",
            Self::UsGood => "us_good",
            Self::UsModerate => "us_moderate",
            Self::UsUnhealthyForSensitiveGroups => "us_unhealthy_for_sensitive_groups",
            Self::UsUnhealthy => "us_unhealthy",
            Self::UsVeryUnhealthy => "us_very_unhealthy",
            Self::UsHazardous => "us_hazardous",
        }
    }

    /// The category with this id.
    pub fn category(self) -> &'static Category {
        CN_CATEGORIES
            .iter()
            .chain(US_CATEGORIES)
            .find(|c| c.id == self)
            .unwrap_or(&CN_CATEGORIES[0])
    }

    /// The id named `s` (as [`CategoryId::as_str`]).
    pub fn from_id(s: &str) -> Option<Self> {
        CN_CATEGORIES
            .iter()
            .chain(US_CATEGORIES)
            .map(|c| c.id)
            .find(|id| id.as_str() == s)
    }
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#RRGGBB`.
    pub fn hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

/// Text in both interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Text {
    /// Chinese.
    pub zh: &'static str,
    /// English.
    pub en: &'static str,
}

/// One AQI category of one family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Category {
    /// Stable id.
    pub id: CategoryId,
    /// Level, 1 (best) to 6.
    pub level: u8,
    /// Lowest AQI of the category.
    pub aqi_min: u32,
    /// Highest AQI, `None` when open-ended.
    pub aqi_max: Option<u32>,
    /// Name.
    pub name: Text,
    /// Colour name.
    pub colour_name: Text,
    /// The standard's colour.
    pub rgb: Rgb,
    /// The standard's CMYK values.
    pub cmyk: [u8; 4],
    /// Colour-vision-assist colour: EPA TAD 2024 Table 3 "ColorVision Assist" values, used for
    /// China's categories too (same thresholds; HJ 633 defines no such palette).
    pub colour_vision_rgb: Rgb,
    /// Health effects (HJ 633-2026 Table 1; `None` where the reference gives no text).
    pub health_effects: Option<Text>,
    /// Recommended actions (HJ 633-2026 Table 1; US: TAD Table 5 statements for particles).
    pub advice: Text,
}

const CVD: [Rgb; 6] = [
    Rgb(158, 255, 145),
    Rgb(255, 201, 5),
    Rgb(255, 130, 5),
    Rgb(240, 34, 0),
    Rgb(137, 9, 151),
    Rgb(100, 0, 21),
];

/// HJ 633 Table 2 (2012) / Table 1 (2026): levels, colours, effects and advice (2026 wording).
pub const CN_CATEGORIES: &[Category] = &[
    Category {
        id: CategoryId::CnExcellent,
        level: 1,
        aqi_min: 0,
        aqi_max: Some(50),
        name: Text { zh: "优", en: "Excellent" },
        colour_name: Text { zh: "绿色", en: "green" },
        rgb: Rgb(0, 228, 0),
        cmyk: [40, 0, 100, 0],
        colour_vision_rgb: CVD[0],
        health_effects: Some(Text {
            zh: "空气质量令人满意，基本无空气污染",
            en: "Air quality is satisfactory; essentially no air pollution.",
        }),
        advice: Text {
            zh: "各类人群可正常活动",
            en: "Everyone can carry on normal activities.",
        },
    },
    Category {
        id: CategoryId::CnGood,
        level: 2,
        aqi_min: 51,
        aqi_max: Some(100),
        name: Text { zh: "良", en: "Good" },
        colour_name: Text { zh: "黄色", en: "yellow" },
        rgb: Rgb(255, 255, 0),
        cmyk: [0, 0, 100, 0],
        colour_vision_rgb: CVD[1],
        health_effects: Some(Text {
            zh: "空气质量可接受，但某些污染物可能对极少数异常敏感人群健康有较弱影响",
            en: "Acceptable, but some pollutants may have a weak effect on a very small number of unusually sensitive people.",
        }),
        advice: Text {
            zh: "极少数异常敏感人群应减少户外活动",
            en: "The very few unusually sensitive people should reduce outdoor activity.",
        },
    },
    Category {
        id: CategoryId::CnLightlyPolluted,
        level: 3,
        aqi_min: 101,
        aqi_max: Some(150),
        name: Text { zh: "轻度污染", en: "Lightly polluted" },
        colour_name: Text { zh: "橙色", en: "orange" },
        rgb: Rgb(255, 126, 0),
        cmyk: [0, 52, 100, 0],
        colour_vision_rgb: CVD[2],
        health_effects: Some(Text {
            zh: "敏感人群症状有轻度加剧，健康人群出现刺激症状",
            en: "Symptoms of sensitive people slightly aggravated; healthy people show irritation symptoms.",
        }),
        advice: Text {
            zh: "青少年儿童、老年人及心血管系统疾病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼",
            en: "Children and adolescents, the elderly and people with cardiovascular or respiratory disease should reduce prolonged, high-intensity outdoor exercise.",
        },
    },
    Category {
        id: CategoryId::CnModeratelyPolluted,
        level: 4,
        aqi_min: 151,
        aqi_max: Some(200),
        name: Text { zh: "中度污染", en: "Moderately polluted" },
        colour_name: Text { zh: "红色", en: "red" },
        rgb: Rgb(255, 0, 0),
        cmyk: [0, 100, 100, 0],
        colour_vision_rgb: CVD[3],
        health_effects: Some(Text {
            zh: "进一步加剧敏感人群症状，可能对健康人群心血管系统、呼吸系统有影响",
            en: "Further aggravates symptoms of sensitive people; may affect the cardiovascular and respiratory systems of healthy people.",
        }),
        advice: Text {
            zh: "青少年儿童、老年人及心血管系统疾病、呼吸系统疾病患者避免长时间、高强度的户外锻炼，一般人群适量减少户外运动",
            en: "These groups should avoid prolonged, high-intensity outdoor exercise; the general public should moderately reduce outdoor exercise.",
        },
    },
    Category {
        id: CategoryId::CnHeavilyPolluted,
        level: 5,
        aqi_min: 201,
        aqi_max: Some(300),
        name: Text { zh: "重度污染", en: "Heavily polluted" },
        colour_name: Text { zh: "紫色", en: "purple" },
        rgb: Rgb(153, 0, 76),
        cmyk: [10, 100, 40, 30],
        colour_vision_rgb: CVD[4],
        health_effects: Some(Text {
            zh: "心血管系统和呼吸系统患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状",
            en: "Symptoms of cardiovascular and respiratory patients markedly aggravated, exercise tolerance reduced; healthy people commonly show symptoms.",
        }),
        advice: Text {
            zh: "青少年儿童、老年人和心血管系统疾病、呼吸系统疾病患者应停留在室内，停止户外运动，一般人群减少户外运动",
            en: "These groups should stay indoors and stop outdoor exercise; the general public should reduce outdoor exercise.",
        },
    },
    Category {
        id: CategoryId::CnSeverelyPolluted,
        level: 6,
        aqi_min: 301,
        aqi_max: None,
        name: Text { zh: "严重污染", en: "Severely polluted" },
        colour_name: Text { zh: "褐红色", en: "maroon" },
        rgb: Rgb(126, 0, 35),
        cmyk: [30, 100, 100, 30],
        colour_vision_rgb: CVD[5],
        health_effects: Some(Text {
            zh: "健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病",
            en: "Healthy people's exercise tolerance reduced, with obvious strong symptoms; some diseases appear early.",
        }),
        advice: Text {
            zh: "青少年儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动",
            en: "Children and adolescents, the elderly and the sick should stay indoors and avoid physical exertion; the general public should avoid outdoor activity.",
        },
    },
];

/// US EPA TAD May 2024 Tables 1–3 (names, colours, ColorVision Assist) and Table 5 (advice,
/// statements for particles as summarised in the reference). Chinese names are our translation.
pub const US_CATEGORIES: &[Category] = &[
    Category {
        id: CategoryId::UsGood,
        level: 1,
        aqi_min: 0,
        aqi_max: Some(50),
        name: Text { zh: "良好", en: "Good" },
        colour_name: Text { zh: "绿色", en: "Green" },
        rgb: Rgb(0, 228, 0),
        cmyk: [40, 0, 100, 0],
        colour_vision_rgb: CVD[0],
        health_effects: None,
        advice: Text { zh: "无", en: "None." },
    },
    Category {
        id: CategoryId::UsModerate,
        level: 2,
        aqi_min: 51,
        aqi_max: Some(100),
        name: Text { zh: "中等", en: "Moderate" },
        colour_name: Text { zh: "黄色", en: "Yellow" },
        rgb: Rgb(255, 255, 0),
        cmyk: [0, 0, 100, 0],
        colour_vision_rgb: CVD[1],
        health_effects: None,
        advice: Text {
            zh: "异常敏感人群考虑缩短户外活动时间、降低活动强度",
            en: "Unusually sensitive people: consider making outdoor activities shorter and less intense.",
        },
    },
    Category {
        id: CategoryId::UsUnhealthyForSensitiveGroups,
        level: 3,
        aqi_min: 101,
        aqi_max: Some(150),
        name: Text { zh: "对敏感人群不健康", en: "Unhealthy for Sensitive Groups" },
        colour_name: Text { zh: "橙色", en: "Orange" },
        rgb: Rgb(255, 126, 0),
        cmyk: [0, 52, 100, 0],
        colour_vision_rgb: CVD[2],
        health_effects: None,
        advice: Text {
            zh: "敏感人群缩短户外活动时间、降低强度，多休息",
            en: "Sensitive groups: make outdoor activities shorter and less intense; take more breaks.",
        },
    },
    Category {
        id: CategoryId::UsUnhealthy,
        level: 4,
        aqi_min: 151,
        aqi_max: Some(200),
        name: Text { zh: "不健康", en: "Unhealthy" },
        colour_name: Text { zh: "红色", en: "Red" },
        rgb: Rgb(255, 0, 0),
        cmyk: [0, 100, 100, 0],
        colour_vision_rgb: CVD[3],
        health_effects: None,
        advice: Text {
            zh: "敏感人群考虑改期或改在室内活动",
            en: "Sensitive groups: consider rescheduling or moving activities inside.",
        },
    },
    Category {
        id: CategoryId::UsVeryUnhealthy,
        level: 5,
        aqi_min: 201,
        aqi_max: Some(300),
        name: Text { zh: "非常不健康", en: "Very Unhealthy" },
        colour_name: Text { zh: "紫色", en: "Purple" },
        rgb: Rgb(143, 63, 151),
        cmyk: [5, 58, 0, 41],
        colour_vision_rgb: CVD[4],
        health_effects: None,
        advice: Text {
            zh: "敏感人群避免一切户外体力活动",
            en: "Sensitive groups: avoid all outdoor physical activity.",
        },
    },
    Category {
        id: CategoryId::UsHazardous,
        level: 6,
        aqi_min: 301,
        aqi_max: None,
        name: Text { zh: "危险", en: "Hazardous" },
        colour_name: Text { zh: "褐红色", en: "Maroon" },
        rgb: Rgb(126, 0, 35),
        cmyk: [30, 100, 100, 30],
        colour_vision_rgb: CVD[5],
        health_effects: None,
        advice: Text {
            zh: "敏感人群留在室内，保持低强度活动",
            en: "Sensitive groups: stay indoors and keep activity levels light.",
        },
    },
];

/// The categories of a family, best first.
pub fn categories(family: Family) -> &'static [Category] {
    match family {
        Family::China => CN_CATEGORIES,
        Family::Us => US_CATEGORIES,
    }
}

/// The category of an AQI value.
///
/// # Standard
/// HJ 633-2012 Table 2 / HJ 633-2026 Table 1; US EPA TAD 2024 Table 1.
///
/// # Edge cases
/// The top category is open-ended, so every value has a category.
///
/// ```
/// use renewal_calc::aqi::{category, CategoryId, Family};
/// assert_eq!(category(Family::China, 101).id, CategoryId::CnLightlyPolluted);
/// assert_eq!(category(Family::Us, 600).id, CategoryId::UsHazardous);
/// ```
pub fn category(family: Family, aqi: u32) -> &'static Category {
    let cats = categories(family);
    cats.iter()
        .find(|c| c.aqi_max.is_none_or(|max| aqi <= max))
        .unwrap_or(&cats[cats.len() - 1])
}

/// An IAQI above this value names the pollutant's sensitive groups (HJ 633-2026 Table 2; US TAD
/// §IV: "sensitive groups reported for every pollutant above 100").
pub const SENSITIVE_GROUPS_ABOVE: u32 = 100;

/// Who is sensitive to a pollutant.
///
/// # Standard
/// China: HJ 633-2026 Table 2. US: TAD 2024 Table 4 (as summarised in the reference; Chinese
/// translation ours).
pub fn sensitive_groups(family: Family, pollutant: Pollutant) -> Text {
    match (family, pollutant) {
        (Family::China, Pollutant::So2) => Text {
            zh: "患有哮喘的人、青少年儿童以及老年人",
            en: "people with asthma, children and adolescents, the elderly",
        },
        (Family::China, Pollutant::No2) => Text {
            zh: "患有呼吸系统疾病（如哮喘）的人、青少年儿童以及老年人",
            en: "people with respiratory disease (e.g. asthma), children and adolescents, the elderly",
        },
        (Family::China, Pollutant::Co) => Text {
            zh: "患有心血管系统疾病的人",
            en: "people with cardiovascular disease",
        },
        (Family::China, Pollutant::O3) => Text {
            zh: "患有呼吸系统疾病（如哮喘）的人、青少年儿童、户外活动频繁的人以及老年人",
            en: "people with respiratory disease (e.g. asthma), children and adolescents, people often active outdoors, the elderly",
        },
        (Family::China, Pollutant::Pm10 | Pollutant::Pm25) => Text {
            zh: "患有心血管系统疾病或呼吸系统疾病（如哮喘）的人、青少年儿童、户外活动频繁的人以及老年人",
            en: "people with cardiovascular or respiratory disease (e.g. asthma), children and adolescents, people often active outdoors, the elderly",
        },
        (Family::Us, Pollutant::O3) => Text {
            zh: "患有哮喘等肺病的人、儿童和青少年、户外活动的人、老年人",
            en: "people with lung disease such as asthma, children and teenagers, people who are active outdoors, older adults",
        },
        (Family::Us, Pollutant::Pm10 | Pollutant::Pm25) => Text {
            zh: "患有心脏病或肺病的人、老年人、儿童和青少年",
            en: "people with heart or lung disease, older adults, children and teenagers",
        },
        (Family::Us, Pollutant::Co) => Text {
            zh: "患有心脏病的人",
            en: "people with heart disease",
        },
        (Family::Us, Pollutant::No2) => Text {
            zh: "患有哮喘等肺病的人、儿童和青少年、老年人",
            en: "people with lung disease such as asthma, children and teenagers, older adults",
        },
        (Family::Us, Pollutant::So2) => Text {
            zh: "患有哮喘的人、儿童和青少年、老年人",
            en: "people with asthma, children and teenagers, older adults",
        },
    }
}
