//! Sections live in the URL fragment (`#/goals`), so every address can be
//! bookmarked and reloaded on any static host, under any sub-path, without
//! server rewrites, and the browser's back and forward just work.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Vision,
    Leverage,
    Options,
    Goals,
    NextStep,
    Progress,
    Data,
}

impl Section {
    /// In navigation order.
    pub const ALL: [Section; 7] = [
        Section::NextStep,
        Section::Vision,
        Section::Leverage,
        Section::Options,
        Section::Goals,
        Section::Progress,
        Section::Data,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Self::Vision => "vision",
            Self::Leverage => "leverage",
            Self::Options => "options",
            Self::Goals => "goals",
            Self::NextStep => "next",
            Self::Progress => "progress",
            Self::Data => "data",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Vision => "Vision",
            Self::Leverage => "Leverage",
            Self::Options => "Options",
            Self::Goals => "Goals",
            Self::NextStep => "Next step",
            Self::Progress => "Progress",
            Self::Data => "Data",
        }
    }

    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }

    /// The section a fragment such as `#/goals` names.
    pub fn from_fragment(fragment: &str) -> Option<Self> {
        let slug = fragment.trim_start_matches('#').trim_start_matches('/');
        Self::ALL.into_iter().find(|section| section.slug() == slug)
    }
}

/// The section named by the address, following `hashchange`; `None` when the
/// address names none (the app then picks a sensible start).
pub fn use_section_from_address() -> ReadSignal<Option<Section>> {
    let read_fragment = || {
        window()
            .location()
            .hash()
            .ok()
            .and_then(|fragment| Section::from_fragment(&fragment))
    };
    let (section, set_section) = signal(read_fragment());
    window_event_listener(leptos::ev::hashchange, move |_| {
        set_section.set(read_fragment())
    });
    section
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_name_sections() {
        assert_eq!(Section::from_fragment("#/goals"), Some(Section::Goals));
        assert_eq!(Section::from_fragment("#next"), Some(Section::NextStep));
        assert_eq!(Section::from_fragment(""), None);
        assert_eq!(Section::from_fragment("#/nowhere"), None);
        for section in Section::ALL {
            assert_eq!(Section::from_fragment(&section.href()), Some(section));
        }
    }
}
