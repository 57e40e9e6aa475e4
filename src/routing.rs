//! Sections live in the URL fragment (`#/goals`), so every address can be
//! bookmarked and reloaded on any static host, under any sub-path, without
//! server rewrites, and the browser's back and forward just work.

use crate::domain::share::SHARE_FRAGMENT_PREFIX;
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
    /// The whole plan on one read-only page, for reading and printing.
    OnePage,
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

    /// Sections with an address but no place in the navigation: reached
    /// from another section.
    const OFF_NAVIGATION: [Section; 1] = [Section::OnePage];

    /// Every section with an address.
    fn addressable() -> impl Iterator<Item = Section> {
        Self::ALL.into_iter().chain(Self::OFF_NAVIGATION)
    }

    pub fn slug(self) -> &'static str {
        match self {
            Self::Vision => "vision",
            Self::Leverage => "leverage",
            Self::Options => "options",
            Self::Goals => "goals",
            Self::NextStep => "next",
            Self::Progress => "progress",
            Self::Data => "data",
            Self::OnePage => "page",
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
            Self::OnePage => "Plan on a page",
        }
    }

    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }

    /// The section a fragment such as `#/goals` names.
    pub fn from_fragment(fragment: &str) -> Option<Self> {
        let slug = fragment.trim_start_matches('#').trim_start_matches('/');
        Self::addressable().find(|section| section.slug() == slug)
    }
}

/// The payload of a share link's fragment (`#/shared/<payload>`); empty for
/// a link cut off right after the prefix, which the shared view explains.
pub fn shared_payload(fragment: &str) -> Option<&str> {
    fragment.strip_prefix(SHARE_FRAGMENT_PREFIX)
}

/// The payload of the share link being viewed, following `hashchange`.
pub fn use_shared_payload_from_address() -> ReadSignal<Option<String>> {
    follow_fragment(|fragment| shared_payload(fragment).map(str::to_owned))
}

/// The section named by the address, following `hashchange`; `None` when the
/// address names none (the app then picks a sensible start).
pub fn use_section_from_address() -> ReadSignal<Option<Section>> {
    follow_fragment(Section::from_fragment)
}

/// What `read` finds in the address's fragment, kept up to date on
/// `hashchange`. Only a change is news: the section on show is drawn from
/// these, and setting one to the same value at every step drew each section
/// twice.
fn follow_fragment<T: PartialEq + Send + Sync + 'static>(
    read: impl Fn(&str) -> Option<T> + 'static,
) -> ReadSignal<Option<T>> {
    let read_fragment = move || {
        window()
            .location()
            .hash()
            .ok()
            .and_then(|fragment| read(&fragment))
    };
    let (value, set_value) = signal(read_fragment());
    window_event_listener(leptos::ev::hashchange, move |_| {
        let now = read_fragment();
        set_value.maybe_update(|value| {
            let changed = *value != now;
            if changed {
                *value = now;
            }
            changed
        });
    });
    value
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
        for section in Section::addressable() {
            assert_eq!(Section::from_fragment(&section.href()), Some(section));
        }
        assert!(!Section::ALL.contains(&Section::OnePage));
    }

    #[test]
    fn share_links_carry_their_payload() {
        assert_eq!(shared_payload("#/shared/abc-_"), Some("abc-_"));
        assert_eq!(shared_payload("#/shared/"), Some(""));
        assert_eq!(shared_payload("#/goals"), None);
        assert_eq!(Section::from_fragment("#/shared/abc"), None);
    }
}
