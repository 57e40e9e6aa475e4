//! Finding anything in a plan by its words: goals and steps, options,
//! leverage and check-ins.

use super::goals::{GoalLevel, GoalTree};
use super::plan::{Id, Plan};

/// At most this many results are listed; the person narrows the words.
pub const MAX_RESULTS: usize = 30;

/// Where a result lives, which decides the section it opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoundKind {
    Goal(GoalLevel),
    Option,
    Asset,
    CheckIn,
}

impl FoundKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Goal(level) => level.label(),
            Self::Option => "Option",
            Self::Asset => "Leverage",
            Self::CheckIn => "Check-in",
        }
    }
}

/// One match: what it is, its title, and the words around the match when the
/// match is not in the title.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub kind: FoundKind,
    pub id: Id,
    pub title: String,
    pub context: Option<String>,
}

/// Everything whose text holds every word of `query` (case and accents of
/// ASCII letters aside), titles first, in plan order.
pub fn find(plan: &Plan, query: &str) -> Vec<Found> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let tree = GoalTree::new(plan);
    let mut in_title = Vec::new();
    let mut elsewhere = Vec::new();
    let mut consider = |kind: FoundKind, id: &Id, title: &str, other_texts: &[&str]| {
        let title_lower = title.to_lowercase();
        let others: Vec<String> = other_texts.iter().map(|text| text.to_lowercase()).collect();
        let all_found = words.iter().all(|word| {
            title_lower.contains(word) || others.iter().any(|text| text.contains(word))
        });
        if !all_found {
            return;
        }
        let title_has_all = words.iter().all(|word| title_lower.contains(word));
        let context = (!title_has_all)
            .then(|| {
                other_texts
                    .iter()
                    .zip(&others)
                    .find(|(_, lower)| words.iter().any(|word| lower.contains(word)))
                    .map(|(text, lower)| snippet(text, lower, &words))
            })
            .flatten();
        let found = Found {
            kind,
            id: id.clone(),
            title: title.trim().to_owned(),
            context,
        };
        if title_has_all {
            in_title.push(found);
        } else {
            elsewhere.push(found);
        }
    };
    for goal in &plan.goals {
        let level = GoalLevel::at_depth(tree.depth(&goal.id));
        let reason = goal.dropped_reason.as_deref().unwrap_or_default();
        consider(
            FoundKind::Goal(level),
            &goal.id,
            &goal.title,
            &[&goal.notes, reason],
        );
    }
    for option in &plan.options {
        consider(
            FoundKind::Option,
            &option.id,
            &option.title,
            &[
                &option.notes,
                &option.upside,
                &option.risks,
                &option.role_model.who,
                &option.role_model.their_path,
                &option.role_model.what_to_learn,
                &option.experiment.what_to_try,
            ],
        );
    }
    for asset in &plan.assets {
        consider(FoundKind::Asset, &asset.id, &asset.name, &[&asset.note]);
    }
    for check_in in &plan.check_ins {
        let title = format!("Check-in of {}", check_in.date);
        consider(
            FoundKind::CheckIn,
            &check_in.id,
            &title,
            &[
                &check_in.what_happened,
                &check_in.what_i_learned,
                &check_in.what_i_will_change,
            ],
        );
    }
    in_title.extend(elsewhere);
    in_title.truncate(MAX_RESULTS);
    in_title
}

/// Up to about 60 characters of `text` around the first word found.
fn snippet(text: &str, lower: &str, words: &[String]) -> String {
    let at = words
        .iter()
        .filter_map(|word| lower.find(word.as_str()))
        .min()
        .unwrap_or(0);
    // Lower-casing can change byte lengths; fall back to the start if so.
    let at = if text.len() == lower.len() { at } else { 0 };
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(24)
        .map_or(0, |(index, _)| index);
    let end = text[at..]
        .char_indices()
        .nth(40)
        .map_or(text.len(), |(index, _)| at + index);
    let mut words = String::new();
    if start > 0 {
        words.push('…');
    }
    words.push_str(text[start..end].trim());
    if end < text.len() {
        words.push('…');
    }
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::Timestamp;
    use crate::domain::goals::{add_goals, set_notes};
    use crate::domain::method::{add_asset, add_option};
    use crate::domain::plan::{AssetKind, OptionKind};

    fn now() -> Timestamp {
        Timestamp::from_seconds(1_790_000_000)
    }

    fn plan() -> Plan {
        let mut plan = Plan::default();
        add_goals(
            &mut plan,
            &[
                ("lt", None, "Publish a picture book"),
                ("st", Some("lt"), "Find a literary agent"),
                ("s1", Some("st"), "Write a query letter"),
            ],
            now(),
        );
        set_notes(
            &mut plan,
            &Id::from("lt"),
            "My editor friend says agents at the book fair in March are open to picture books.",
            now(),
        )
        .unwrap();
        add_asset(
            &mut plan,
            Id::from("a"),
            AssetKind::Person,
            "Editor friend",
            now(),
        );
        add_option(
            &mut plan,
            Id::from("o"),
            OptionKind::Networking,
            "Go to the book fair",
            now(),
        );
        plan
    }

    #[test]
    fn title_matches_come_first_and_every_word_must_be_found() {
        let found = find(&plan(), "BOOK");
        let titles: Vec<&str> = found.iter().map(|f| f.title.as_str()).collect();
        assert_eq!(titles, ["Publish a picture book", "Go to the book fair"]);
        assert_eq!(found[0].kind, FoundKind::Goal(GoalLevel::LongTerm));
        assert_eq!(found[1].kind, FoundKind::Option);

        let found = find(&plan(), "agent letter");
        assert_eq!(found.len(), 0);
        let found = find(&plan(), "query letter");
        assert_eq!(found[0].kind, FoundKind::Goal(GoalLevel::Step));
    }

    #[test]
    fn a_match_in_the_notes_shows_the_words_around_it() {
        let found = find(&plan(), "march");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].title, "Publish a picture book");
        let context = found[0].context.as_deref().unwrap();
        assert!(context.contains("book fair in March"), "{context}");
        assert!(context.starts_with('…'), "{context}");
        let found = find(&plan(), "editor");
        let kinds: Vec<FoundKind> = found.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            [FoundKind::Asset, FoundKind::Goal(GoalLevel::LongTerm)]
        );
    }

    #[test]
    fn nothing_is_found_for_blank_words() {
        assert!(find(&plan(), "   ").is_empty());
    }
}
