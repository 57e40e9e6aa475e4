//! The colour theme: light or dark, following the system unless the person
//! picks one in the header.

use crate::persistence::{save_theme_preference, theme_preference, ThemePreference};
use leptos::prelude::*;

/// A labelled choice in the header between following the system, light and
/// dark. The saved choice is applied as soon as the component is created,
/// before the first paint (the policy forbids an inline script that could do
/// it earlier).
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let initial = theme_preference();
    apply_theme(initial);
    let choose = move |event| {
        let Some(theme) = ThemePreference::from_word(&event_target_value(&event)) else {
            return;
        };
        apply_theme(theme);
        // If storage refuses, the theme still holds for this visit; the plan's
        // own saving reports storage problems where they matter.
        let _ = save_theme_preference(theme);
    };
    view! {
        <div class="theme-switch">
            <label for="theme-switch">
                <span class="theme-switch__icon" aria-hidden="true">"◐"</span>
                <span class="theme-switch__word">"Theme"</span>
            </label>
            <select id="theme-switch" on:change=choose>
                {ThemePreference::ALL
                    .into_iter()
                    .map(|theme| {
                        view! {
                            <option value=theme.as_str() selected=theme == initial>
                                {label(theme)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

fn label(theme: ThemePreference) -> &'static str {
    match theme {
        ThemePreference::System => "System",
        ThemePreference::Light => "Light",
        ThemePreference::Dark => "Dark",
    }
}

/// Sets `data-theme` on `<html>` (the style sheets key their dark colours on
/// it and on the system setting) and tells the browser which schemes the page
/// supports, so form controls and scroll bars match.
fn apply_theme(theme: ThemePreference) {
    let document = document();
    if let Some(root) = document.document_element() {
        let _ = match theme {
            ThemePreference::System => root.remove_attribute("data-theme"),
            chosen => root.set_attribute("data-theme", chosen.as_str()),
        };
    }
    if let Ok(Some(meta)) = document.query_selector(r#"meta[name="color-scheme"]"#) {
        let schemes = match theme {
            ThemePreference::System => "light dark",
            ThemePreference::Light => "light",
            ThemePreference::Dark => "dark",
        };
        let _ = meta.set_attribute("content", schemes);
    }
}
