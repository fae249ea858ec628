//! The embed view: which chart, table or comparison a host page shows in an `<iframe>`, read
//! from the fragment, and the snippet the "Embed this" dialog hands out. Pure: parsing and
//! printing only, tested natively.
//!
//! # Fragment
//! `#/embed/<target>?lang=<en|zh>&theme=<light|dark>&s=<share token>`: the target is one of
//! [`EmbedTarget::ALL`]; `lang` and `theme` are optional; `s` (a [`crate::share`] token) carries
//! the user's cities for the views that show them. Everything is in the fragment, so the host's
//! server never sees the data.
//!
//! # Height contract
//! The embed page posts `{type: "renewal:height", height}` (`height` in CSS pixels, an integer)
//! to its parent whenever its content's size changes; nothing else ever leaves the frame.
//! `web/embed.js` on the host page resizes the matching iframe.

use crate::route::Page;
use crate::share::fragment_param;
use renewal_data::Lang;

/// The `type` of the height message posted to the host page.
pub const HEIGHT_MESSAGE: &str = "renewal:height";

/// What an embed shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedTarget {
    /// The paper's Table 1 pollutants: chart and table.
    BaselineAir,
    /// The paper's Figure 2 generation: chart and table.
    BaselineGeneration,
    /// The overview comparison of the user's cities with the Northeast.
    Overview,
    /// The air-quality view.
    Air,
    /// The resource-depletion view.
    Resources,
    /// The industrial-structure view.
    Industry,
    /// The population view.
    Population,
}

impl EmbedTarget {
    /// Every target, in the dialog's order.
    pub const ALL: [EmbedTarget; 7] = [
        Self::BaselineAir,
        Self::BaselineGeneration,
        Self::Overview,
        Self::Air,
        Self::Resources,
        Self::Industry,
        Self::Population,
    ];

    /// The fragment segment.
    pub fn slug(self) -> &'static str {
        match self {
            Self::BaselineAir => "baseline-air",
            Self::BaselineGeneration => "baseline-generation",
            Self::Overview => "overview",
            Self::Air => "air",
            Self::Resources => "resources",
            Self::Industry => "industry",
            Self::Population => "population",
        }
    }

    /// The target for `slug`.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.slug() == slug)
    }

    /// The app page this target comes from.
    pub fn page(self) -> Page {
        match self {
            Self::BaselineAir | Self::BaselineGeneration => Page::Baseline,
            Self::Overview => Page::Overview,
            Self::Air => Page::Air,
            Self::Resources => Page::Resources,
            Self::Industry => Page::Industry,
            Self::Population => Page::Population,
        }
    }

    /// The natural target for a page (the dialog's default).
    pub fn for_page(page: Page) -> Self {
        Self::ALL
            .into_iter()
            .find(|t| t.page() == page)
            .unwrap_or(Self::Overview)
    }

    /// Whether the view shows the user's cities (so the link must carry them).
    pub fn uses_workspace(self) -> bool {
        !matches!(self, Self::BaselineAir | Self::BaselineGeneration)
    }

    /// The name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::BaselineAir, Lang::En) => "Northeast air quality 2014–2022 (chart and table)",
            (Self::BaselineAir, Lang::Zh) => "东北空气质量 2014–2022（图表）",
            (Self::BaselineGeneration, Lang::En) => {
                "Northeast generation 2016/2020 (chart and table)"
            }
            (Self::BaselineGeneration, Lang::Zh) => "东北发电量 2016/2020（图表）",
            (Self::Overview, Lang::En) => "Overview: my cities against the Northeast",
            (Self::Overview, Lang::Zh) => "概览：我的城市与东北对比",
            (Self::Air, Lang::En) => "Air quality",
            (Self::Air, Lang::Zh) => "空气质量",
            (Self::Resources, Lang::En) => "Resource depletion",
            (Self::Resources, Lang::Zh) => "资源枯竭",
            (Self::Industry, Lang::En) => "Industrial structure",
            (Self::Industry, Lang::Zh) => "产业结构",
            (Self::Population, Lang::En) => "Population and talent",
            (Self::Population, Lang::Zh) => "人口与人才",
        }
    }
}

/// Colour theme of an embed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// The app's own colours.
    #[default]
    Light,
    /// Light text on a dark background, for dark host pages.
    Dark,
}

impl Theme {
    /// The parameter value.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    /// The name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Light, Lang::En) => "Light",
            (Self::Light, Lang::Zh) => "浅色",
            (Self::Dark, Lang::En) => "Dark",
            (Self::Dark, Lang::Zh) => "深色",
        }
    }
}

/// An embed request read from the fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedSpec {
    /// What to show.
    pub target: EmbedTarget,
    /// The language asked for, if any (else the link's, else the browser's).
    pub lang: Option<Lang>,
    /// The theme.
    pub theme: Theme,
    /// The share token with the cities, if any.
    pub token: Option<String>,
}

impl EmbedSpec {
    /// The embed a fragment asks for; `None` when it is not an embed fragment. An unknown target
    /// shows the overview; an unknown theme is light.
    pub fn from_hash(hash: &str) -> Option<Self> {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let rest = path.strip_prefix("embed")?;
        if !(rest.is_empty() || rest.starts_with('/') || rest.starts_with('?')) {
            return None;
        }
        let slug = rest
            .trim_start_matches('/')
            .split(['?', '/', '&'])
            .next()
            .unwrap_or_default();
        Some(Self {
            target: EmbedTarget::from_slug(slug).unwrap_or(EmbedTarget::Overview),
            lang: fragment_param(hash, "lang").and_then(crate::i18n::from_tag),
            theme: match fragment_param(hash, "theme") {
                Some("dark") => Theme::Dark,
                _ => Theme::Light,
            },
            token: fragment_param(hash, crate::share::KEY)
                .filter(|t| !t.is_empty())
                .map(str::to_string),
        })
    }

    /// The fragment that asks for this embed.
    pub fn to_hash(&self) -> String {
        let mut out = format!("#/embed/{}?theme={}", self.target.slug(), self.theme.slug());
        if let Some(lang) = self.lang {
            out.push_str("&lang=");
            out.push_str(match lang {
                Lang::En => "en",
                Lang::Zh => "zh",
            });
        }
        if let Some(token) = &self.token {
            out.push_str("&s=");
            out.push_str(token);
        }
        out
    }
}

/// Escape text for a double- or single-quoted HTML attribute value.
pub fn escape_attr(text: &str) -> String {
    crate::charts::escape_html(text)
}

/// The snippet for a host page: the iframe and the resizing script. `app_url` is the app's
/// address without fragment (e.g. `https://example.org/tools/renewal/`); `title` names the
/// frame for assistive technology and may hold user strings (city names): every attribute is
/// escaped, so nothing a user typed can become markup in the host page.
pub fn snippet(app_url: &str, spec: &EmbedSpec, title: &str) -> String {
    let base = app_url.split('#').next().unwrap_or_default();
    let dir = match base.rfind('/') {
        Some(i) => &base[..=i],
        None => base,
    };
    let src = format!("{base}{}", spec.to_hash());
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"480\" style=\"border:0;width:100%\" loading=\"lazy\" referrerpolicy=\"no-referrer\" sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\" data-renewal-embed></iframe>\n<script src=\"{}\" async></script>",
        escape_attr(&src),
        escape_attr(title),
        escape_attr(&format!("{dir}embed.js")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_fragments_round_trip() {
        for target in EmbedTarget::ALL {
            let spec = EmbedSpec {
                target,
                lang: Some(Lang::Zh),
                theme: Theme::Dark,
                token: Some("1.abc-_".into()),
            };
            assert_eq!(EmbedSpec::from_hash(&spec.to_hash()), Some(spec));
        }
    }

    #[test]
    fn other_fragments_are_not_embeds_and_bad_parameters_fall_back() {
        assert_eq!(EmbedSpec::from_hash("#/overview"), None);
        assert_eq!(EmbedSpec::from_hash("#/embedded"), None);
        assert_eq!(EmbedSpec::from_hash(""), None);
        let s = EmbedSpec::from_hash("#/embed/<script>?theme=pink&lang=xx").unwrap();
        assert_eq!(s.target, EmbedTarget::Overview);
        assert_eq!(s.theme, Theme::Light);
        assert_eq!(s.lang, None);
        assert_eq!(s.token, None);
        assert_eq!(
            EmbedSpec::from_hash("#/embed/baseline-air?lang=zh").map(|s| (s.target, s.lang)),
            Some((EmbedTarget::BaselineAir, Some(Lang::Zh)))
        );
    }

    #[test]
    fn every_target_names_a_page_and_the_baseline_needs_no_data() {
        assert_eq!(EmbedTarget::for_page(Page::Industry), EmbedTarget::Industry);
        assert_eq!(EmbedTarget::for_page(Page::Data), EmbedTarget::Overview);
        assert_eq!(
            EmbedTarget::for_page(Page::Baseline),
            EmbedTarget::BaselineAir
        );
        assert!(!EmbedTarget::BaselineAir.uses_workspace());
        assert!(EmbedTarget::Overview.uses_workspace());
    }

    #[test]
    fn the_snippet_escapes_user_strings_and_points_at_the_sub_path() {
        let spec = EmbedSpec {
            target: EmbedTarget::Overview,
            lang: Some(Lang::En),
            theme: Theme::Light,
            token: Some("1.xyz".into()),
        };
        let s = snippet(
            "https://example.org/tools/renewal/index.html",
            &spec,
            "Overview: \"><img src=x onerror=alert(1)>",
        );
        assert!(s.starts_with("<iframe src=\"https://example.org/tools/renewal/index.html#/embed/overview?theme=light&amp;lang=en&amp;s=1.xyz\""));
        assert!(s.contains("title=\"Overview: &quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""));
        assert!(!s.contains("<img"));
        assert!(s.contains(
            "<script src=\"https://example.org/tools/renewal/embed.js\" async></script>"
        ));
    }
}
