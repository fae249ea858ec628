//! The two interface languages and the message catalogue.
//!
//! Every string the interface shows comes from [`Msg::text`], so a missing translation is a
//! compile error, not a blank label. Numbers and chemical notation are shared by both languages.

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

/// The localStorage key that remembers the user's choice.
const STORAGE_KEY: &str = "renewal.lang";

impl Lang {
    /// BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Zh => "zh-CN",
        }
    }

    /// Parse a stored or requested tag; anything starting with `zh` is Chinese.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag.starts_with("zh") {
            Some(Self::Zh)
        } else if tag.starts_with("en") {
            Some(Self::En)
        } else {
            None
        }
    }

    /// The language to start in: `?lang=` in the URL, then the remembered choice, then the
    /// browser's language, then English.
    pub fn from_browser() -> Self {
        let Some(window) = web_sys::window() else {
            return Self::default();
        };
        let from_query = window
            .location()
            .search()
            .ok()
            .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok())
            .and_then(|p| p.get("lang"))
            .and_then(|t| Self::from_tag(&t));
        let remembered = || {
            window
                .local_storage()
                .ok()
                .flatten()
                .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
                .and_then(|t| Self::from_tag(&t))
        };
        let navigator = || {
            window
                .navigator()
                .language()
                .and_then(|t| Self::from_tag(&t))
        };
        from_query
            .or_else(remembered)
            .or_else(navigator)
            .unwrap_or_default()
    }

    /// Reflect the language in the document (`lang` attribute, title) and remember it. Storage
    /// may be unavailable (a sandboxed iframe, private mode): then the choice lasts the visit.
    pub fn apply_to_document(self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(doc) = window.document() {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", self.tag());
            }
            doc.set_title(Msg::AppTitle.text(self));
        }
        if let Ok(Some(storage)) = window.local_storage() {
            let _ = storage.set_item(STORAGE_KEY, self.tag());
        }
    }
}

/// Every message of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Msg {
    AppTitle,
    AppTagline,
    LanguageLabel,
    FooterPrivacy,
    BaselineHeading,
    BaselineIntro,
    AirTableHeading,
    AirTableCaption,
    Year,
    PrintedAqi,
    PrintedGrade,
    Provenance,
    PaperNotesHeading,
    UnitsNote,
    PollutantChartHeading,
    PollutantChartTitle,
    ConcentrationAxis,
    CoAxis,
    GenerationHeading,
    GenerationChartTitle,
    GenerationTableCaption,
    Source,
    Multiple,
    Solar,
    Wind,
    GenerationUnitNote,
    GenerationUnitAxis,
    Table1Ref,
    Figure2Ref,
}

impl Msg {
    /// The message in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        use Lang::{En, Zh};
        match (self, lang) {
            (Self::AppTitle, En) => "Industrial City Renewal Calculator",
            (Self::AppTitle, Zh) => "工业城市更新计算器",
            (Self::AppTagline, En) => "Compare an industrial city with the Northeast China baselines of the renewal paper: air quality, resources, energy, industry, population.",
            (Self::AppTagline, Zh) => "将工业城市与论文中的东北地区基准进行比较：空气质量、资源、能源、产业、人口。",
            (Self::LanguageLabel, En) => "Language",
            (Self::LanguageLabel, Zh) => "语言",
            (Self::FooterPrivacy, En) => "Everything is computed in your browser. No data leave this page.",
            (Self::FooterPrivacy, Zh) => "所有计算均在您的浏览器中完成，数据不会离开本页面。",
            (Self::BaselineHeading, En) => "Northeast China baseline",
            (Self::BaselineHeading, Zh) => "东北地区基准",
            (Self::BaselineIntro, En) => "The figures the paper reports for Northeast China, as printed, with the paper's inconsistencies shown beside them.",
            (Self::BaselineIntro, Zh) => "论文报告的东北地区数据（按原文转录），并在旁注明论文中的不一致之处。",
            (Self::AirTableHeading, En) => "Air quality, 2014–2022",
            (Self::AirTableHeading, Zh) => "空气质量，2014–2022 年",
            (Self::AirTableCaption, En) => "Table 1 of the paper: annual air quality in Northeast China, 2014–2022",
            (Self::AirTableCaption, Zh) => "论文表 1：东北地区年度空气质量，2014–2022 年",
            (Self::Year, En) => "Year",
            (Self::Year, Zh) => "年份",
            (Self::PrintedAqi, En) => "Average AQI (as printed)",
            (Self::PrintedAqi, Zh) => "平均 AQI（原文）",
            (Self::PrintedGrade, En) => "Grade (as printed)",
            (Self::PrintedGrade, Zh) => "等级（原文）",
            (Self::Provenance, En) => "Source",
            (Self::Provenance, Zh) => "来源",
            (Self::PaperNotesHeading, En) => "Inconsistencies in the paper's table",
            (Self::PaperNotesHeading, Zh) => "论文表格中的不一致之处",
            (Self::UnitsNote, En) => "The paper prints no units; read as µg/m³ (CO: mg/m³), the convention of China's standards. O3 is read as the 8-hour value.",
            (Self::UnitsNote, Zh) => "论文未注明单位；按我国标准惯例读作 µg/m³（CO 为 mg/m³）。O3 按 8 小时值理解。",
            (Self::PollutantChartHeading, En) => "Six pollutants over time",
            (Self::PollutantChartHeading, Zh) => "六项污染物的变化",
            (Self::PollutantChartTitle, En) => "Annual concentrations, Northeast China",
            (Self::PollutantChartTitle, Zh) => "东北地区年均浓度",
            (Self::ConcentrationAxis, En) => "µg/m³",
            (Self::ConcentrationAxis, Zh) => "µg/m³",
            (Self::CoAxis, En) => "CO, mg/m³",
            (Self::CoAxis, Zh) => "CO，mg/m³",
            (Self::GenerationHeading, En) => "Solar and wind generation, 2016 vs 2020",
            (Self::GenerationHeading, Zh) => "光伏与风电发电量，2016 年与 2020 年",
            (Self::GenerationChartTitle, En) => "Generation in Northeast China (Figure 2 of the paper)",
            (Self::GenerationChartTitle, Zh) => "东北地区发电量（论文图 2）",
            (Self::GenerationTableCaption, En) => "Figure 2 of the paper: solar and wind generation in Northeast China",
            (Self::GenerationTableCaption, Zh) => "论文图 2：东北地区光伏与风电发电量",
            (Self::Source, En) => "Source",
            (Self::Source, Zh) => "电源",
            (Self::Multiple, En) => "2020 / 2016",
            (Self::Multiple, Zh) => "2020 / 2016 倍数",
            (Self::Solar, En) => "Solar",
            (Self::Solar, Zh) => "光伏",
            (Self::Wind, En) => "Wind",
            (Self::Wind, Zh) => "风电",
            (Self::GenerationUnitNote, En) => "Unit as printed: \"trillion watt hours\", very likely a mistranslation of 10^8 kWh (亿千瓦时 = 0.1 TWh): 727 TWh of wind in the Northeast alone would exceed all of China's wind generation in 2020. The growth multiples do not depend on the unit.",
            (Self::GenerationUnitAxis, En) => "as printed (likely 10^8 kWh)",
            (Self::GenerationUnitAxis, Zh) => "原文单位（可能为亿千瓦时）",
            (Self::Table1Ref, En) => "Table 1",
            (Self::Table1Ref, Zh) => "表 1",
            (Self::Figure2Ref, En) => "Figure 2",
            (Self::Figure2Ref, Zh) => "图 2",
            (Self::GenerationUnitNote, Zh) => "原文单位为“万亿瓦时”，极可能是“亿千瓦时”（0.1 TWh）的误译：仅东北风电 727 TWh 将超过 2020 年全国风电发电量。增长倍数与单位无关。",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_both_languages() {
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("ZH"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn chinese_title_is_chinese() {
        assert_eq!(Msg::AppTitle.text(Lang::Zh), "工业城市更新计算器");
        assert_eq!(
            Msg::AppTitle.text(Lang::En),
            "Industrial City Renewal Calculator"
        );
    }
}
