//! The two interface languages and the message catalogue.
//!
//! Every string the interface shows comes from [`Msg::text`], so a missing translation is a
//! compile error, not a blank label. Numbers and chemical notation are shared by both languages.

pub use renewal_data::Lang;

/// The localStorage key that remembers the user's choice.
const STORAGE_KEY: &str = "renewal.lang";

/// BCP 47 tag for `<html lang>`.
pub fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh-CN",
    }
}

/// Parse a stored or requested tag; anything starting with `zh` is Chinese.
pub fn from_tag(tag: &str) -> Option<Lang> {
    let tag = tag.trim().to_ascii_lowercase();
    if tag.starts_with("zh") {
        Some(Lang::Zh)
    } else if tag.starts_with("en") {
        Some(Lang::En)
    } else {
        None
    }
}

/// The language to start in: `?lang=` in the URL, then the remembered choice, then the
/// browser's language, then English.
pub fn initial_lang() -> Lang {
    let Some(window) = web_sys::window() else {
        return Lang::default();
    };
    let from_query = window
        .location()
        .search()
        .ok()
        .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok())
        .and_then(|p| p.get("lang"))
        .and_then(|t| from_tag(&t));
    let remembered = || {
        window
            .local_storage()
            .ok()
            .flatten()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|t| from_tag(&t))
    };
    let navigator = || window.navigator().language().and_then(|t| from_tag(&t));
    from_query
        .or_else(remembered)
        .or_else(navigator)
        .unwrap_or_default()
}

/// Reflect the language in the document (`lang` attribute, title) and remember it. Storage
/// may be unavailable (a sandboxed iframe, private mode): then the choice lasts the visit.
pub fn apply_to_document(lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(doc) = window.document() {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", tag(lang));
        }
        doc.set_title(Msg::AppTitle.text(lang));
    }
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.set_item(STORAGE_KEY, tag(lang));
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
    SkipToContent,
    NavLabel,
    NavOverview,
    NavData,
    NavAir,
    NavResources,
    NavEnergy,
    NavIndustry,
    NavPopulation,
    NavComposite,
    NavAdvisor,
    NavBaseline,
    FilesHeading,
    UploadLabel,
    UploadNote,
    TemplatesLabel,
    ExportProject,
    ImportProject,
    ProjectImported,
    OfflineReady,
    UpdateAvailable,
    UpdateReload,
    DataHeading,
    DataIntro,
    PasteLabel,
    DefaultCityLabel,
    MyCity,
    AcceptData,
    ClearPaste,
    Accepted,
    NothingRead,
    PreviewHeading,
    Rows,
    IndicatorsRecognised,
    CellsAccepted,
    CellsRejected,
    MappingCaption,
    Column,
    Header,
    ReadAs,
    Unit,
    RejectedCaption,
    Cell,
    OriginalText,
    Reason,
    RoleTime,
    RoleCity,
    RoleIgnore,
    RoleUnknown,
    CitiesHeading,
    CityName,
    Hide,
    Delete,
    ClearMyData,
    ClearConfirm,
    OverviewHeading,
    OverviewIntro,
    CallToAction,
    NoComparableData,
    AirVsNortheast,
    Indicator,
    CityValue,
    NortheastValue,
    Difference,
    Ratio,
    Limit,
    Status,
    Trend,
    StatusGood,
    StatusWatch,
    StatusPoor,
    TrendTooShort,
    TrendFalling,
    TrendRising,
    TrendNone,
    PerYear,
    StatusRule,
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
            (Self::SkipToContent, En) => "Skip to content",
            (Self::SkipToContent, Zh) => "跳到正文",
            (Self::NavLabel, En) => "Views",
            (Self::NavLabel, Zh) => "视图",
            (Self::NavOverview, En) => "Overview",
            (Self::NavOverview, Zh) => "总览",
            (Self::NavData, En) => "Your data",
            (Self::NavData, Zh) => "我的数据",
            (Self::NavAir, En) => "Air quality",
            (Self::NavAir, Zh) => "空气质量",
            (Self::NavResources, En) => "Resources",
            (Self::NavResources, Zh) => "资源",
            (Self::NavEnergy, En) => "Energy",
            (Self::NavEnergy, Zh) => "能源",
            (Self::NavIndustry, En) => "Industry",
            (Self::NavIndustry, Zh) => "产业结构",
            (Self::NavPopulation, En) => "Population",
            (Self::NavPopulation, Zh) => "人口",
            (Self::NavComposite, En) => "Composite index",
            (Self::NavComposite, Zh) => "综合指数",
            (Self::NavAdvisor, En) => "Advisor",
            (Self::NavAdvisor, Zh) => "策略建议",
            (Self::NavBaseline, En) => "Northeast baseline",
            (Self::NavBaseline, Zh) => "东北基准",
            (Self::DataHeading, En) => "Your data",
            (Self::DataHeading, Zh) => "我的数据",
            (Self::DataIntro, En) => "Paste a table from Excel, WPS or a CSV file: one row per year (or date, or hour), one column per indicator, optionally a city column; or the long layout city, year, indicator, value. Chinese and English headers with units are recognised. Nothing leaves your browser.",
            (Self::DataIntro, Zh) => "从 Excel、WPS 或 CSV 文件粘贴表格：每行一个年份（或日期、小时），每列一个指标，可含城市列；或长表格式：城市、年份、指标、数值。可识别带单位的中英文表头。数据不会离开您的浏览器。",
            (Self::PasteLabel, En) => "Paste your table here",
            (Self::PasteLabel, Zh) => "在此粘贴表格",
            (Self::DefaultCityLabel, En) => "City name for rows that name none",
            (Self::DefaultCityLabel, Zh) => "未注明城市的行所用的城市名称",
            (Self::MyCity, En) => "My city",
            (Self::MyCity, Zh) => "我的城市",
            (Self::AcceptData, En) => "Add to my data",
            (Self::AcceptData, Zh) => "添加到我的数据",
            (Self::ClearPaste, En) => "Clear the paste box",
            (Self::ClearPaste, Zh) => "清空粘贴框",
            (Self::Accepted, En) => "Added values:",
            (Self::Accepted, Zh) => "已添加数值：",
            (Self::NothingRead, En) => "Nothing could be read:",
            (Self::NothingRead, Zh) => "无法读取任何内容：",
            (Self::PreviewHeading, En) => "How the table was read",
            (Self::PreviewHeading, Zh) => "表格读取结果",
            (Self::Rows, En) => "rows",
            (Self::Rows, Zh) => "行",
            (Self::IndicatorsRecognised, En) => "indicators recognised",
            (Self::IndicatorsRecognised, Zh) => "个指标已识别",
            (Self::CellsAccepted, En) => "values accepted",
            (Self::CellsAccepted, Zh) => "个数值已接受",
            (Self::CellsRejected, En) => "cells rejected",
            (Self::CellsRejected, Zh) => "个单元格被拒绝",
            (Self::MappingCaption, En) => "Columns and what they were read as (change any mapping)",
            (Self::MappingCaption, Zh) => "各列及其识别结果（可修改）",
            (Self::Column, En) => "Column",
            (Self::Column, Zh) => "列",
            (Self::Header, En) => "Header",
            (Self::Header, Zh) => "表头",
            (Self::ReadAs, En) => "Read as",
            (Self::ReadAs, Zh) => "识别为",
            (Self::Unit, En) => "Unit",
            (Self::Unit, Zh) => "单位",
            (Self::RejectedCaption, En) => "Rejected cells, with the reason",
            (Self::RejectedCaption, Zh) => "被拒绝的单元格及原因",
            (Self::Cell, En) => "Cell",
            (Self::Cell, Zh) => "单元格",
            (Self::OriginalText, En) => "Original text",
            (Self::OriginalText, Zh) => "原始内容",
            (Self::Reason, En) => "Reason",
            (Self::Reason, Zh) => "原因",
            (Self::RoleTime, En) => "Year / date / time",
            (Self::RoleTime, Zh) => "年份 / 日期 / 时间",
            (Self::RoleCity, En) => "City",
            (Self::RoleCity, Zh) => "城市",
            (Self::RoleIgnore, En) => "Ignore this column",
            (Self::RoleIgnore, Zh) => "忽略此列",
            (Self::RoleUnknown, En) => "Not recognised (kept, not read)",
            (Self::RoleUnknown, Zh) => "未识别（保留，不读取）",
            (Self::CitiesHeading, En) => "Cities in your data",
            (Self::CitiesHeading, Zh) => "您数据中的城市",
            (Self::CityName, En) => "City name",
            (Self::CityName, Zh) => "城市名称",
            (Self::Hide, En) => "Hide",
            (Self::Hide, Zh) => "隐藏",
            (Self::Delete, En) => "Delete",
            (Self::Delete, Zh) => "删除",
            (Self::ClearMyData, En) => "Clear my data",
            (Self::ClearMyData, Zh) => "清除我的数据",
            (Self::ClearConfirm, En) => "Delete every city and the paste box from this browser? This cannot be undone.",
            (Self::ClearConfirm, Zh) => "确定从本浏览器删除所有城市和粘贴框内容吗？此操作无法撤销。",
            (Self::OverviewHeading, En) => "Overview",
            (Self::OverviewHeading, Zh) => "总览",
            (Self::OverviewIntro, En) => "Each city's latest values beside the Northeast China baseline from the paper (same year, or the nearest), with the national limit and the city's own trend.",
            (Self::OverviewIntro, Zh) => "各城市最新数值与论文东北地区基准（同年或最近年份）对比，并给出国家限值和城市自身趋势。",
            (Self::CallToAction, En) => "Paste or upload your city's data",
            (Self::CallToAction, Zh) => "粘贴或上传您城市的数据",
            (Self::NoComparableData, En) => "No indicator of this city has a Northeast baseline yet.",
            (Self::NoComparableData, Zh) => "该城市暂无可与东北基准比较的指标。",
            (Self::AirVsNortheast, En) => "air quality against the Northeast baseline (paper Table 1)",
            (Self::AirVsNortheast, Zh) => "空气质量与东北基准对比（论文表 1）",
            (Self::Indicator, En) => "Indicator",
            (Self::Indicator, Zh) => "指标",
            (Self::CityValue, En) => "City (year)",
            (Self::CityValue, Zh) => "城市（年份）",
            (Self::NortheastValue, En) => "Northeast (year)",
            (Self::NortheastValue, Zh) => "东北（年份）",
            (Self::Difference, En) => "Difference",
            (Self::Difference, Zh) => "差值",
            (Self::Ratio, En) => "Ratio",
            (Self::Ratio, Zh) => "比值",
            (Self::Limit, En) => "GB 3095-2012 grade II annual limit",
            (Self::Limit, Zh) => "GB 3095-2012 二级年均限值",
            (Self::Status, En) => "Status",
            (Self::Status, Zh) => "状态",
            (Self::Trend, En) => "City trend (Mann–Kendall, Sen's slope)",
            (Self::Trend, Zh) => "城市趋势（Mann–Kendall 检验、Sen 斜率）",
            (Self::StatusGood, En) => "good",
            (Self::StatusGood, Zh) => "良好",
            (Self::StatusWatch, En) => "watch",
            (Self::StatusWatch, Zh) => "注意",
            (Self::StatusPoor, En) => "poor",
            (Self::StatusPoor, Zh) => "较差",
            (Self::TrendTooShort, En) => "fewer than 4 years: no test",
            (Self::TrendTooShort, Zh) => "少于 4 年：不检验",
            (Self::TrendFalling, En) => "falling, significant",
            (Self::TrendFalling, Zh) => "显著下降",
            (Self::TrendRising, En) => "rising, significant",
            (Self::TrendRising, Zh) => "显著上升",
            (Self::TrendNone, En) => "no significant trend",
            (Self::TrendNone, Zh) => "无显著趋势",
            (Self::PerYear, En) => "year",
            (Self::PerYear, Zh) => "年",
            (Self::StatusRule, En) => "Status: within the GB 3095-2012 grade II annual limit is good, up to 1.5 times the limit is watch, above that poor; CO and O3 have no annual-mean limit and are compared with the Northeast value instead. Trend: Mann–Kendall test at the 5 % level; slope: Sen's median of pairwise slopes.",
            (Self::StatusRule, Zh) => "状态：不超过 GB 3095-2012 二级年均限值为“良好”，不超过限值 1.5 倍为“注意”，更高为“较差”；CO 和 O3 无年均限值，改与东北数值比较。趋势：5% 显著性水平的 Mann–Kendall 检验；斜率：Sen 两两斜率中位数。",
            (Self::OfflineReady, En) => "Ready to work offline: every file of this version is stored in your browser.",
            (Self::OfflineReady, Zh) => "已可离线使用：本版本的所有文件均已保存在您的浏览器中。",
            (Self::UpdateAvailable, En) => "A new version of the calculator is available.",
            (Self::UpdateAvailable, Zh) => "计算器有新版本可用。",
            (Self::UpdateReload, En) => "Reload to update",
            (Self::UpdateReload, Zh) => "重新加载以更新",
            (Self::FilesHeading, En) => "Files",
            (Self::FilesHeading, Zh) => "文件",
            (Self::UploadLabel, En) => "Upload a CSV or TSV file into the paste box",
            (Self::UploadLabel, Zh) => "将 CSV 或 TSV 文件上传到粘贴框",
            (Self::UploadNote, En) => "Excel or WPS workbooks: select the cells and paste them above (or save as CSV). The command-line tool reads XLSX and ODS files directly.",
            (Self::UploadNote, Zh) => "Excel 或 WPS 工作簿：选中单元格后粘贴到上方（或另存为 CSV）。命令行工具可直接读取 XLSX 和 ODS 文件。",
            (Self::TemplatesLabel, En) => "Download a template with the recognised headers, in the current language:",
            (Self::TemplatesLabel, Zh) => "下载带有可识别表头的模板（当前语言）：",
            (Self::ExportProject, En) => "Export project (JSON)",
            (Self::ExportProject, Zh) => "导出项目（JSON）",
            (Self::ImportProject, En) => "Import a project file",
            (Self::ImportProject, Zh) => "导入项目文件",
            (Self::ProjectImported, En) => "Project imported:",
            (Self::ProjectImported, Zh) => "已导入项目：",
            (Self::GenerationUnitNote, Zh) => "原文单位为“万亿瓦时”，极可能是“亿千瓦时”（0.1 TWh）的误译：仅东北风电 727 TWh 将超过 2020 年全国风电发电量。增长倍数与单位无关。",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_both_languages() {
        assert_eq!(from_tag("zh-CN"), Some(Lang::Zh));
        assert_eq!(from_tag("ZH"), Some(Lang::Zh));
        assert_eq!(from_tag("en-GB"), Some(Lang::En));
        assert_eq!(from_tag("fr"), None);
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
