//! Which view is shown, kept in the URL fragment (`#/air`) so views can be bookmarked, shared and
//! embedded, and the browser's back button works. Pure: parsing and printing only.

/// A view of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Page {
    /// Per-family comparison of the user's cities with the Northeast.
    #[default]
    Overview,
    /// Paste, upload, preview and manage data.
    Data,
    /// Air quality.
    Air,
    /// Resource depletion.
    Resources,
    /// Energy transition.
    Energy,
    /// Industrial structure.
    Industry,
    /// Population and talent.
    Population,
    /// Composite index.
    Composite,
    /// Strategy advisor.
    Advisor,
    /// The Northeast baseline from the paper.
    Baseline,
}

impl Page {
    /// Every page, in navigation order.
    pub const ALL: [Page; 10] = [
        Page::Overview,
        Page::Data,
        Page::Air,
        Page::Resources,
        Page::Energy,
        Page::Industry,
        Page::Population,
        Page::Composite,
        Page::Advisor,
        Page::Baseline,
    ];

    /// The fragment path segment.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Overview => "overview",
            Self::Data => "data",
            Self::Air => "air",
            Self::Resources => "resources",
            Self::Energy => "energy",
            Self::Industry => "industry",
            Self::Population => "population",
            Self::Composite => "composite",
            Self::Advisor => "advisor",
            Self::Baseline => "baseline",
        }
    }

    /// The fragment that shows this page.
    pub fn hash(self) -> String {
        format!("#/{}", self.slug())
    }

    /// The page a fragment names; anything else (empty, unknown, hostile) is the overview.
    pub fn from_hash(hash: &str) -> Self {
        let slug = hash.trim_start_matches('#').trim_start_matches('/');
        let slug = slug.split(['/', '?', '&']).next().unwrap_or_default();
        Self::ALL
            .into_iter()
            .find(|p| p.slug() == slug)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_round_trips_through_its_hash() {
        for p in Page::ALL {
            assert_eq!(Page::from_hash(&p.hash()), p);
        }
    }

    #[test]
    fn unknown_or_hostile_fragments_fall_back_to_the_overview() {
        assert_eq!(Page::from_hash(""), Page::Overview);
        assert_eq!(Page::from_hash("#/<script>"), Page::Overview);
        assert_eq!(Page::from_hash("#/air/extra"), Page::Air);
        assert_eq!(Page::from_hash("#air"), Page::Air);
    }
}
