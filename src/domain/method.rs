//! The method's first three parts: the vision (with its history), the
//! leverage a person starts from, and the options that bridge the gap.

use super::calendar::Timestamp;
use super::goals::{add_goal, GoalError, NewGoal};
use super::plan::{
    Asset, AssetKind, CareerOption, Id, OptionKind, OptionStatus, Plan, SuccessFacet, Vision,
    VisionVersion,
};

/// Below this score the excitement test sends the person back to the drawing board.
pub const EXCITING_ENOUGH: u8 = 8;

/// A first draft of the vision statement, built from the person's own answers
/// for them to edit. Empty when there is nothing to build from.
pub fn draft_statement(vision: &Vision) -> String {
    let mut sentences = Vec::new();
    let want = clause(&vision.want);
    if !want.is_empty() {
        let opening = match vision.horizon_years {
            Some(1) => "Within a year, I will".to_owned(),
            Some(years) => format!("Within {years} years, I will"),
            None => "I will".to_owned(),
        };
        sentences.push(format!(
            "{opening} {}",
            strip_leading(&want, &["i want to ", "to "])
        ));
    }
    let willing = clause(&vision.willing_to_work_for);
    if !willing.is_empty() {
        sentences.push(format!(
            "I am willing to work for it: {}",
            strip_leading(&willing, &["i am willing to ", "i'm willing to "])
        ));
    }
    let success = success_words(vision);
    if !success.is_empty() {
        sentences.push(format!("Success means {success}"));
    }
    let real = clause(&vision.believe_can_be_real);
    if !real.is_empty() {
        sentences.push(format!(
            "I believe {}",
            strip_leading(&real, &["i believe ", "i believe that "])
        ));
    }
    sentences
        .into_iter()
        .map(|sentence| format!("{sentence}."))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of the success facets that matter, weightiest first.
fn success_words(vision: &Vision) -> String {
    let success = &vision.success;
    let mut facets: Vec<&SuccessFacet> = [
        &success.mission,
        &success.accomplishments,
        &success.money,
        &success.own_terms,
    ]
    .into_iter()
    .filter(|facet| facet.weight > 0 && !facet.words.trim().is_empty())
    .collect();
    facets.sort_by_key(|facet| std::cmp::Reverse(facet.weight));
    let words: Vec<String> = facets.iter().map(|facet| clause(&facet.words)).collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A sentence as a clause: trimmed, without its closing full stop, and
/// lower-cased at the start unless it starts with "I" or a name-like word.
fn clause(text: &str) -> String {
    let text = text.trim().trim_end_matches(['.', '!']).trim();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() => {
            let keep_capital = text.starts_with("I ") || text.starts_with("I'") || text == "I";
            let second_is_upper = chars.next().is_some_and(char::is_uppercase);
            if keep_capital || second_is_upper {
                text.to_owned()
            } else {
                first.to_lowercase().chain(text.chars().skip(1)).collect()
            }
        }
        _ => text.to_owned(),
    }
}

fn strip_leading(text: &str, prefixes: &[&str]) -> String {
    let lower = text.to_lowercase();
    prefixes
        .iter()
        .find(|prefix| lower.starts_with(*prefix))
        .map_or_else(|| text.to_owned(), |prefix| text[prefix.len()..].to_owned())
}

/// Rewriting the vision keeps every earlier statement: these edits take the
/// vision alone, as the store's vision edit hands it over.
impl Vision {
    /// Keeps the current statement in the history before a rewrite begins,
    /// unless it is empty or already the latest kept version.
    pub fn keep_current(&mut self, now: Timestamp) -> bool {
        let statement = self.statement.trim();
        let already_kept = self
            .history
            .last()
            .is_some_and(|last| last.statement.trim() == statement);
        if statement.is_empty() || already_kept {
            return false;
        }
        let version = VisionVersion {
            statement: self.statement.clone(),
            horizon_years: self.horizon_years,
            excitement: self.excitement,
            replaced_at: now,
        };
        self.history.push(version);
        true
    }

    /// Brings back an earlier statement; the current one joins the history.
    pub fn restore(&mut self, index: usize, now: Timestamp) -> bool {
        if index >= self.history.len() {
            return false;
        }
        let earlier = self.history.remove(index);
        self.keep_current(now);
        self.statement = earlier.statement;
        self.horizon_years = earlier.horizon_years;
        self.excitement = earlier.excitement;
        true
    }
}

/// [`Vision::keep_current`] for a whole plan, stamping the vision and the plan.
pub fn keep_current_vision(plan: &mut Plan, now: Timestamp) -> bool {
    let kept = plan.vision.keep_current(now);
    if kept {
        plan.vision.updated_at = Some(now);
        plan.updated_at = Some(now);
    }
    kept
}

/// [`Vision::restore`] for a whole plan, stamping the vision and the plan.
pub fn restore_vision(plan: &mut Plan, index: usize, now: Timestamp) -> bool {
    let restored = plan.vision.restore(index, now);
    if restored {
        plan.vision.updated_at = Some(now);
        plan.updated_at = Some(now);
    }
    restored
}

pub fn add_asset(plan: &mut Plan, id: Id, kind: AssetKind, name: &str, now: Timestamp) {
    plan.assets.push(Asset {
        id,
        kind,
        name: name.trim().to_owned(),
        note: String::new(),
        level: None,
        private: kind == AssetKind::SavingsAndResources,
        created_at: now,
        updated_at: Some(now),
    });
    plan.updated_at = Some(now);
}

/// An entry of a list kept by id: an asset or an option.
trait Entry {
    fn id(&self) -> &Id;
    fn touch(&mut self, now: Timestamp);
}

impl Entry for Asset {
    fn id(&self) -> &Id {
        &self.id
    }
    fn touch(&mut self, now: Timestamp) {
        self.updated_at = Some(now);
    }
}

impl Entry for CareerOption {
    fn id(&self) -> &Id {
        &self.id
    }
    fn touch(&mut self, now: Timestamp) {
        self.updated_at = Some(now);
    }
}

/// Changes the entry with `id` in place and stamps it; false when there is none.
fn edit_entry<T: Entry>(
    entries: &mut [T],
    id: &Id,
    now: Timestamp,
    change: impl FnOnce(&mut T),
) -> bool {
    match entries.iter_mut().find(|entry| entry.id() == id) {
        Some(entry) => {
            change(entry);
            entry.touch(now);
            true
        }
        None => false,
    }
}

/// Takes the entry with `id` out of the list.
fn take_entry<T: Entry>(entries: &mut Vec<T>, id: &Id) -> Option<T> {
    let position = entries.iter().position(|entry| entry.id() == id)?;
    Some(entries.remove(position))
}

/// Changes one asset in place.
pub fn edit_asset(
    plan: &mut Plan,
    id: &Id,
    now: Timestamp,
    change: impl FnOnce(&mut Asset),
) -> bool {
    let edited = edit_entry(&mut plan.assets, id, now, change);
    if edited {
        plan.updated_at = Some(now);
    }
    edited
}

/// Removes an asset and every option's reference to it.
pub fn remove_asset(plan: &mut Plan, id: &Id, now: Timestamp) -> Option<Asset> {
    let removed = take_entry(&mut plan.assets, id)?;
    plan.remember_removal(id, None, now);
    for option in &mut plan.options {
        if option.assets_used.contains(id) {
            option.assets_used.retain(|used| used != id);
            option.touch(now);
        }
    }
    plan.updated_at = Some(now);
    Some(removed)
}

pub fn add_option(plan: &mut Plan, id: Id, kind: OptionKind, title: &str, now: Timestamp) {
    plan.options
        .push(CareerOption::new(id, kind, title.trim().to_owned(), now));
    plan.updated_at = Some(now);
}

/// Changes one option in place.
pub fn edit_option(
    plan: &mut Plan,
    id: &Id,
    now: Timestamp,
    change: impl FnOnce(&mut CareerOption),
) -> bool {
    let edited = edit_entry(&mut plan.options, id, now, change);
    if edited {
        plan.updated_at = Some(now);
    }
    edited
}

/// Removes an option; goals made from it keep their place and lose the link.
pub fn remove_option(plan: &mut Plan, id: &Id, now: Timestamp) -> Option<CareerOption> {
    let removed = take_entry(&mut plan.options, id)?;
    plan.remember_removal(id, None, now);
    for goal in &mut plan.goals {
        if goal.from_option.as_ref() == Some(id) {
            goal.from_option = None;
            goal.updated_at = now;
        }
    }
    plan.updated_at = Some(now);
    Some(removed)
}

/// The goal made from an option, if one was.
pub fn goal_from_option<'a>(plan: &'a Plan, option: &Id) -> Option<&'a super::plan::Goal> {
    plan.goals
        .iter()
        .find(|goal| goal.from_option.as_ref() == Some(option))
}

/// Turns an option into a long-term goal linked back to it, and marks the
/// option chosen.
pub fn option_to_goal(
    plan: &mut Plan,
    option: &Id,
    goal_id: Id,
    now: Timestamp,
) -> Result<(), GoalError> {
    let title = plan
        .options
        .iter()
        .find(|candidate| &candidate.id == option)
        .map(|candidate| candidate.title.clone())
        .ok_or_else(|| GoalError::NotFound(option.clone()))?;
    add_goal(
        plan,
        NewGoal {
            id: goal_id.clone(),
            parent: None,
            title,
        },
        now,
    )?;
    if let Some(goal) = plan.goal_mut(&goal_id) {
        goal.from_option = Some(option.clone());
    }
    edit_option(plan, option, now, |chosen| {
        chosen.status = OptionStatus::Chosen
    });
    Ok(())
}

/// The strengths an asset can be given, 1 to 5, in words.
pub const STRENGTHS: [(u8, &str); 5] = [
    (1, "a start"),
    (2, "some"),
    (3, "solid"),
    (4, "strong"),
    (5, "exceptional"),
];

/// A strength in words ("4: strong"), or `None` for a level outside 1 to 5.
pub fn strength_words(level: u8) -> Option<String> {
    STRENGTHS
        .iter()
        .find(|(known, _)| *known == level)
        .map(|(level, words)| format!("{level}: {words}"))
}

/// The options that build on an asset, in the plan's order.
pub fn options_using<'a>(plan: &'a Plan, asset: &Id) -> Vec<&'a CareerOption> {
    plan.options
        .iter()
        .filter(|option| option.assets_used.contains(asset))
        .collect()
}

/// The assets an option builds on, in the order Leverage lists them.
/// References to assets no longer in the plan are passed over.
pub fn assets_used<'a>(plan: &'a Plan, option: &CareerOption) -> Vec<&'a Asset> {
    AssetKind::ALL
        .into_iter()
        .flat_map(|kind| plan.assets.iter().filter(move |asset| asset.kind == kind))
        .filter(|asset| option.assets_used.contains(&asset.id))
        .collect()
}

/// A written detail of an option: something a person fills in when it helps
/// them weigh the option. Empty ones stay out of sight until asked for, so
/// the board shows what the person has said, not a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OptionDetail {
    Who,
    TheirPath,
    WhatToLearn,
    HowToReach,
    WhatToTry,
    WhatItWillTeach,
    TimeCost,
    MoneyCost,
    Upside,
    Risks,
    Notes,
}

impl OptionDetail {
    /// In the order an option's editor shows them: the kind's own first.
    pub const ALL: [OptionDetail; 11] = [
        Self::Who,
        Self::TheirPath,
        Self::WhatToLearn,
        Self::HowToReach,
        Self::WhatToTry,
        Self::WhatItWillTeach,
        Self::TimeCost,
        Self::MoneyCost,
        Self::Upside,
        Self::Risks,
        Self::Notes,
    ];

    /// The field's label, as the editor and the summaries show it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Who => "Who",
            Self::TheirPath => "Their path",
            Self::WhatToLearn => "What to learn from them",
            Self::HowToReach => "How to reach them",
            Self::WhatToTry => "What you will try",
            Self::WhatItWillTeach => "What it will teach you",
            Self::TimeCost => "Time it costs",
            Self::MoneyCost => "Money it costs",
            Self::Upside => "Upside",
            Self::Risks => "Risks",
            Self::Notes => "Notes",
        }
    }

    /// A short name for element ids.
    pub fn key(self) -> &'static str {
        match self {
            Self::Who => "who",
            Self::TheirPath => "path",
            Self::WhatToLearn => "learn",
            Self::HowToReach => "reach",
            Self::WhatToTry => "try",
            Self::WhatItWillTeach => "teach",
            Self::TimeCost => "time",
            Self::MoneyCost => "money",
            Self::Upside => "upside",
            Self::Risks => "risks",
            Self::Notes => "notes",
        }
    }

    /// Whether the detail takes a few sentences rather than a phrase.
    pub fn takes_sentences(self) -> bool {
        matches!(
            self,
            Self::TheirPath | Self::Upside | Self::Risks | Self::Notes
        )
    }

    /// Whether the detail belongs to options of `kind`: a role model's
    /// details to studying someone, an experiment's to trial and error,
    /// the rest to every kind.
    pub fn applies_to(self, kind: OptionKind) -> bool {
        match self {
            Self::Who | Self::TheirPath | Self::WhatToLearn | Self::HowToReach => {
                kind == OptionKind::StudyRoleModel
            }
            Self::WhatToTry | Self::WhatItWillTeach => kind == OptionKind::TrialAndError,
            _ => true,
        }
    }

    /// Whether an option's card shows the detail's words in full: the ones
    /// that weigh options against each other (what it costs, what it could
    /// bring, what could go wrong), the heart of its kind (who, what to try)
    /// and the person's notes. The card names the others when they hold words.
    pub fn on_the_card(self) -> bool {
        matches!(
            self,
            Self::Who
                | Self::WhatToTry
                | Self::TimeCost
                | Self::MoneyCost
                | Self::Upside
                | Self::Risks
                | Self::Notes
        )
    }

    pub fn text(self, option: &CareerOption) -> &str {
        match self {
            Self::Who => &option.role_model.who,
            Self::TheirPath => &option.role_model.their_path,
            Self::WhatToLearn => &option.role_model.what_to_learn,
            Self::HowToReach => &option.role_model.how_to_reach,
            Self::WhatToTry => &option.experiment.what_to_try,
            Self::WhatItWillTeach => &option.experiment.what_it_will_teach,
            Self::TimeCost => &option.time_cost,
            Self::MoneyCost => &option.money_cost,
            Self::Upside => &option.upside,
            Self::Risks => &option.risks,
            Self::Notes => &option.notes,
        }
    }

    pub fn text_mut(self, option: &mut CareerOption) -> &mut String {
        match self {
            Self::Who => &mut option.role_model.who,
            Self::TheirPath => &mut option.role_model.their_path,
            Self::WhatToLearn => &mut option.role_model.what_to_learn,
            Self::HowToReach => &mut option.role_model.how_to_reach,
            Self::WhatToTry => &mut option.experiment.what_to_try,
            Self::WhatItWillTeach => &mut option.experiment.what_it_will_teach,
            Self::TimeCost => &mut option.time_cost,
            Self::MoneyCost => &mut option.money_cost,
            Self::Upside => &mut option.upside,
            Self::Risks => &mut option.risks,
            Self::Notes => &mut option.notes,
        }
    }

    /// Whether the option has words for this detail (spaces alone are none).
    pub fn is_filled(self, option: &CareerOption) -> bool {
        !self.text(option).trim().is_empty()
    }
}

/// The details of an option's kind that hold words, in the editor's order:
/// what its editor shows when it opens.
pub fn filled_details(option: &CareerOption) -> Vec<OptionDetail> {
    OptionDetail::ALL
        .into_iter()
        .filter(|detail| detail.applies_to(option.kind) && detail.is_filled(option))
        .collect()
}

/// The details of an option's kind not among `shown`: what its editor
/// offers to add.
pub fn details_to_add(option: &CareerOption, shown: &[OptionDetail]) -> Vec<OptionDetail> {
    OptionDetail::ALL
        .into_iter()
        .filter(|detail| detail.applies_to(option.kind) && !shown.contains(detail))
        .collect()
}

/// The options to weigh against each other: those under consideration and
/// those chosen (a choice is weighed against what it was chosen over), with
/// the ones set aside too when asked for, or those of them in `kept` (set
/// aside while being compared), in the plan's order.
pub fn options_to_compare<'a>(
    plan: &'a Plan,
    with_set_aside: bool,
    kept: &[Id],
) -> Vec<&'a CareerOption> {
    plan.options
        .iter()
        .filter(|option| {
            with_set_aside || option.status != OptionStatus::SetAside || kept.contains(&option.id)
        })
        .collect()
}

/// Gives an option a status (choosing it, setting it aside, or weighing it
/// again); false when there is no such option or it already has it.
pub fn set_option_status(plan: &mut Plan, id: &Id, status: OptionStatus, now: Timestamp) -> bool {
    let current = plan
        .options
        .iter()
        .find(|option| &option.id == id)
        .map(|option| option.status);
    if current.is_none_or(|current| current == status) {
        return false;
    }
    edit_option(plan, id, now, |option| option.status = status)
}

/// The plan as it may be shared: private assets left out, and options no
/// longer pointing at them.
pub fn without_private(plan: &Plan) -> Plan {
    let mut shared = plan.clone();
    let private: Vec<Id> = shared
        .assets
        .iter()
        .filter(|asset| asset.private)
        .map(|asset| asset.id.clone())
        .collect();
    shared.assets.retain(|asset| !asset.private);
    for option in &mut shared.options {
        option.assets_used.retain(|used| !private.contains(used));
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::format::{check_integrity, parse_plan, to_file_text};

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_seconds(1_790_000_000 + seconds)
    }

    #[test]
    fn the_draft_is_built_from_the_answers() {
        let mut vision = Vision {
            want: "I want to write picture books that children ask for again and again.".into(),
            willing_to_work_for: "Early mornings and a hundred rejection letters".into(),
            believe_can_be_real: "A shelf of my own books in the library".into(),
            horizon_years: Some(5),
            ..Vision::default()
        };
        vision.success.mission = SuccessFacet {
            weight: 5,
            words: "Children who love reading".into(),
        };
        vision.success.money = SuccessFacet {
            weight: 2,
            words: "Enough to write full time.".into(),
        };
        vision.success.accomplishments = SuccessFacet {
            weight: 0,
            words: "Awards".into(),
        };
        assert_eq!(
            draft_statement(&vision),
            "Within 5 years, I will write picture books that children ask for again and again. \
             I am willing to work for it: early mornings and a hundred rejection letters. \
             Success means children who love reading and enough to write full time. \
             I believe a shelf of my own books in the library."
        );
    }

    #[test]
    fn the_draft_skips_what_is_missing() {
        assert_eq!(draft_statement(&Vision::default()), "");
        let vision = Vision {
            want: "Lead a design team".into(),
            ..Vision::default()
        };
        assert_eq!(draft_statement(&vision), "I will lead a design team.");
        let vision = Vision {
            want: "  ".into(),
            believe_can_be_real: "I'm good enough to get there.".into(),
            horizon_years: Some(1),
            ..Vision::default()
        };
        assert_eq!(
            draft_statement(&vision),
            "I believe I'm good enough to get there."
        );
    }

    #[test]
    fn clauses_are_lower_cased_except_i_and_acronyms() {
        let mut vision = Vision {
            want: "Become CTO of a climate startup.".into(),
            ..Vision::default()
        };
        vision.success.accomplishments = SuccessFacet {
            weight: 3,
            words: "MBA done, and a seat on a board".into(),
        };
        assert_eq!(
            draft_statement(&vision),
            "I will become CTO of a climate startup. Success means MBA done, and a seat on a board."
        );
    }

    #[test]
    fn rewriting_keeps_earlier_versions_once() {
        let mut plan = Plan::default();
        assert!(
            !keep_current_vision(&mut plan, at(0)),
            "nothing to keep yet"
        );
        plan.vision.statement = "Become a team lead".into();
        plan.vision.excitement = Some(6);
        assert!(keep_current_vision(&mut plan, at(1)));
        assert!(
            !keep_current_vision(&mut plan, at(2)),
            "the same version is kept once"
        );
        plan.vision.statement = "Start my own studio".into();
        assert!(keep_current_vision(&mut plan, at(3)));
        let kept: Vec<&str> = plan
            .vision
            .history
            .iter()
            .map(|v| v.statement.as_str())
            .collect();
        assert_eq!(kept, ["Become a team lead", "Start my own studio"]);
        assert_eq!(plan.vision.history[0].excitement, Some(6));
        assert_eq!(plan.vision.history[0].replaced_at, at(1));
    }

    #[test]
    fn restoring_swaps_the_current_vision_into_the_history() {
        let mut plan = Plan::default();
        plan.vision.statement = "Become a team lead".into();
        plan.vision.horizon_years = Some(2);
        keep_current_vision(&mut plan, at(1));
        plan.vision.statement = "Start my own studio".into();
        plan.vision.horizon_years = Some(5);

        assert!(restore_vision(&mut plan, 0, at(2)));
        assert_eq!(plan.vision.statement, "Become a team lead");
        assert_eq!(plan.vision.horizon_years, Some(2));
        let kept: Vec<&str> = plan
            .vision
            .history
            .iter()
            .map(|v| v.statement.as_str())
            .collect();
        assert_eq!(kept, ["Start my own studio"]);
        assert!(!restore_vision(&mut plan, 5, at(3)));
    }

    #[test]
    fn assets_are_added_edited_and_removed_with_their_references() {
        let mut plan = Plan::default();
        add_asset(
            &mut plan,
            Id::from("a-1"),
            AssetKind::Person,
            " Dana, product lead ",
            at(0),
        );
        add_asset(
            &mut plan,
            Id::from("a-2"),
            AssetKind::SavingsAndResources,
            "Six months",
            at(0),
        );
        assert_eq!(plan.assets[0].name, "Dana, product lead");
        assert!(!plan.assets[0].private);
        assert!(plan.assets[1].private, "savings start private");
        assert!(edit_asset(&mut plan, &Id::from("a-1"), at(1), |asset| {
            asset.level = Some(4)
        }));
        assert_eq!(plan.assets[0].level, Some(4));

        add_option(
            &mut plan,
            Id::from("o-1"),
            OptionKind::Networking,
            "Coffee with Dana",
            at(2),
        );
        edit_option(&mut plan, &Id::from("o-1"), at(2), |option| {
            option.assets_used = vec![Id::from("a-1"), Id::from("a-2")]
        });
        let removed = remove_asset(&mut plan, &Id::from("a-1"), at(3)).unwrap();
        assert_eq!(removed.name, "Dana, product lead");
        assert_eq!(plan.options[0].assets_used, [Id::from("a-2")]);
        assert_eq!(remove_asset(&mut plan, &Id::from("a-1"), at(4)), None);
    }

    #[test]
    fn an_option_becomes_a_linked_long_term_goal() {
        let mut plan = Plan::default();
        add_option(
            &mut plan,
            Id::from("o-1"),
            OptionKind::BackToSchool,
            "Part-time MBA",
            at(0),
        );
        option_to_goal(&mut plan, &Id::from("o-1"), Id::from("g-1"), at(1)).unwrap();
        let goal = plan.goal(&Id::from("g-1")).unwrap();
        assert_eq!(goal.title, "Part-time MBA");
        assert_eq!(goal.parent, None);
        assert_eq!(goal.from_option, Some(Id::from("o-1")));
        assert_eq!(plan.options[0].status, OptionStatus::Chosen);
        assert_eq!(
            goal_from_option(&plan, &Id::from("o-1")).unwrap().id,
            Id::from("g-1")
        );
        assert!(check_integrity(&plan).is_ok());

        // Removing the option keeps the goal and drops the link.
        remove_option(&mut plan, &Id::from("o-1"), at(2)).unwrap();
        assert_eq!(plan.goal(&Id::from("g-1")).unwrap().from_option, None);
        assert_eq!(
            option_to_goal(&mut plan, &Id::from("o-1"), Id::from("g-2"), at(3)),
            Err(GoalError::NotFound(Id::from("o-1")))
        );
    }

    #[test]
    fn private_entries_stay_out_of_what_is_shared() {
        let mut plan = Plan::default();
        add_asset(
            &mut plan,
            Id::from("a-1"),
            AssetKind::Skill,
            "Public speaking",
            at(0),
        );
        add_asset(
            &mut plan,
            Id::from("a-2"),
            AssetKind::SavingsAndResources,
            "£12,000",
            at(0),
        );
        add_option(
            &mut plan,
            Id::from("o-1"),
            OptionKind::StartBusiness,
            "Open a studio",
            at(0),
        );
        edit_option(&mut plan, &Id::from("o-1"), at(0), |option| {
            option.assets_used = vec![Id::from("a-1"), Id::from("a-2")]
        });
        let shared = without_private(&plan);
        assert_eq!(shared.assets.len(), 1);
        assert_eq!(shared.options[0].assets_used, [Id::from("a-1")]);
        assert!(!to_file_text(&shared).contains("12,000"));
        assert_eq!(parse_plan(&to_file_text(&shared)).unwrap(), shared);
        assert_eq!(plan.assets.len(), 2, "the person's own plan is untouched");
    }

    /// A plan with one asset of each kind, added out of Leverage's order,
    /// and options of three statuses.
    fn plan_to_weigh() -> Plan {
        let mut plan = Plan::default();
        for (id, kind, name) in [
            (
                "a-savings",
                AssetKind::SavingsAndResources,
                "Six months of savings",
            ),
            ("a-skill", AssetKind::Skill, "Storytelling"),
            ("a-person", AssetKind::Person, "Ana, the librarian"),
        ] {
            add_asset(&mut plan, Id::from(id), kind, name, at(0));
        }
        for (id, kind, title) in [
            (
                "o-1",
                OptionKind::StudyRoleModel,
                "Learn from a local author",
            ),
            ("o-2", OptionKind::Networking, "Join the writers' society"),
            ("o-3", OptionKind::BackToSchool, "An illustration course"),
        ] {
            add_option(&mut plan, Id::from(id), kind, title, at(1));
        }
        plan
    }

    #[test]
    fn strengths_read_as_words() {
        assert_eq!(strength_words(1).as_deref(), Some("1: a start"));
        assert_eq!(strength_words(4).as_deref(), Some("4: strong"));
        assert_eq!(strength_words(0), None);
        assert_eq!(strength_words(6), None);
    }

    #[test]
    fn an_option_lists_its_assets_as_leverage_does_and_each_asset_its_options() {
        let mut plan = plan_to_weigh();
        edit_option(&mut plan, &Id::from("o-2"), at(2), |option| {
            option.assets_used = vec![
                Id::from("a-savings"),
                Id::from("a-gone"),
                Id::from("a-person"),
                Id::from("a-skill"),
            ]
        });
        edit_option(&mut plan, &Id::from("o-3"), at(2), |option| {
            option.assets_used = vec![Id::from("a-skill")]
        });
        let option = plan.options[1].clone();
        let names: Vec<&str> = assets_used(&plan, &option)
            .iter()
            .map(|asset| asset.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "Storytelling",
                "Ana, the librarian",
                "Six months of savings"
            ],
            "skills, people, position, savings; the missing one passed over"
        );
        let users: Vec<&str> = options_using(&plan, &Id::from("a-skill"))
            .iter()
            .map(|option| option.title.as_str())
            .collect();
        assert_eq!(
            users,
            ["Join the writers' society", "An illustration course"]
        );
        assert!(options_using(&plan, &Id::from("a-gone-too")).is_empty());
    }

    #[test]
    fn an_editor_shows_the_details_with_words_and_offers_the_rest_of_its_kind() {
        let mut plan = plan_to_weigh();
        edit_option(&mut plan, &Id::from("o-1"), at(2), |option| {
            option.role_model.who = "A picture-book author".into();
            option.risks = "She may not answer".into();
            option.upside = "   ".into();
            // Words kept from another kind stay out of this kind's editor.
            option.experiment.what_to_try = "Read drafts aloud".into();
        });
        let option = &plan.options[0];
        assert_eq!(
            filled_details(option),
            [OptionDetail::Who, OptionDetail::Risks],
            "spaces are no words"
        );
        assert_eq!(
            details_to_add(option, &[OptionDetail::Who, OptionDetail::Risks]),
            [
                OptionDetail::TheirPath,
                OptionDetail::WhatToLearn,
                OptionDetail::HowToReach,
                OptionDetail::TimeCost,
                OptionDetail::MoneyCost,
                OptionDetail::Upside,
                OptionDetail::Notes,
            ]
        );
        let networking = &plan.options[1];
        assert!(filled_details(networking).is_empty());
        assert_eq!(
            details_to_add(networking, &[]),
            [
                OptionDetail::TimeCost,
                OptionDetail::MoneyCost,
                OptionDetail::Upside,
                OptionDetail::Risks,
                OptionDetail::Notes,
            ]
        );
    }

    #[test]
    fn each_detail_reads_and_writes_its_own_field() {
        let mut option = plan_to_weigh().options[0].clone();
        for (index, detail) in OptionDetail::ALL.into_iter().enumerate() {
            *detail.text_mut(&mut option) = format!("words {index}");
        }
        for (index, detail) in OptionDetail::ALL.into_iter().enumerate() {
            assert_eq!(detail.text(&option), format!("words {index}"), "{detail:?}");
        }
        let keys: std::collections::HashSet<&str> = OptionDetail::ALL
            .into_iter()
            .map(OptionDetail::key)
            .collect();
        assert_eq!(keys.len(), OptionDetail::ALL.len(), "ids stay unique");
        assert_eq!(option.role_model.how_to_reach, "words 3");
        assert_eq!(option.experiment.what_it_will_teach, "words 5");
        assert_eq!(option.notes, "words 10");
    }

    #[test]
    fn set_aside_options_are_compared_only_when_asked_for() {
        let mut plan = plan_to_weigh();
        assert!(set_option_status(
            &mut plan,
            &Id::from("o-1"),
            OptionStatus::Chosen,
            at(3)
        ));
        assert!(set_option_status(
            &mut plan,
            &Id::from("o-3"),
            OptionStatus::SetAside,
            at(3)
        ));
        let titles = |options: Vec<&CareerOption>| -> Vec<String> {
            options.iter().map(|option| option.title.clone()).collect()
        };
        assert_eq!(
            titles(options_to_compare(&plan, false, &[])),
            ["Learn from a local author", "Join the writers' society"]
        );
        assert_eq!(titles(options_to_compare(&plan, true, &[])).len(), 3);
        assert_eq!(
            titles(options_to_compare(&plan, false, &[Id::from("o-3")])).len(),
            3,
            "one set aside while compared stays"
        );
    }

    #[test]
    fn a_status_change_is_stamped_once_and_only_when_it_changes_something() {
        let mut plan = plan_to_weigh();
        let id = Id::from("o-2");
        assert!(set_option_status(
            &mut plan,
            &id,
            OptionStatus::Chosen,
            at(5)
        ));
        assert_eq!(plan.options[1].status, OptionStatus::Chosen);
        assert_eq!(plan.options[1].updated_at, Some(at(5)));
        assert_eq!(plan.updated_at, Some(at(5)));
        assert!(
            !set_option_status(&mut plan, &id, OptionStatus::Chosen, at(6)),
            "already chosen"
        );
        assert_eq!(plan.options[1].updated_at, Some(at(5)));
        assert!(!set_option_status(
            &mut plan,
            &Id::from("o-9"),
            OptionStatus::SetAside,
            at(7)
        ));
        assert_eq!(plan.updated_at, Some(at(5)));
    }
}

// The host alone has proptest.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod detail_properties {
    use super::*;
    use proptest::prelude::*;

    fn words() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("  \n ".to_owned()),
            "[a-z ]{1,12}".prop_map(|text| format!("w{text}")),
        ]
    }

    fn option() -> impl Strategy<Value = CareerOption> {
        (
            prop::sample::select(OptionKind::ALL.to_vec()),
            prop::collection::vec(words(), OptionDetail::ALL.len()),
            prop::collection::vec(0usize..6, 0..6),
        )
            .prop_map(|(kind, texts, used)| {
                let mut plan = Plan::default();
                add_option(
                    &mut plan,
                    Id::from("o"),
                    kind,
                    "An option",
                    Timestamp::from_seconds(0),
                );
                let mut option = plan.options.remove(0);
                for (detail, text) in OptionDetail::ALL.into_iter().zip(texts) {
                    *detail.text_mut(&mut option) = text;
                }
                option.assets_used = used
                    .into_iter()
                    .map(|n| Id::from(format!("a-{n}").as_str()))
                    .collect();
                option
            })
    }

    proptest! {
        /// What an editor shows and what it offers to add are, together,
        /// exactly the details of the option's kind, each once, in order.
        #[test]
        fn shown_and_offered_details_split_the_kinds_details(option in option(), asked in prop::collection::vec(prop::sample::select(OptionDetail::ALL.to_vec()), 0..4)) {
            let filled = filled_details(&option);
            for detail in &filled {
                prop_assert!(detail.applies_to(option.kind));
                prop_assert!(!detail.text(&option).trim().is_empty());
            }
            let mut shown = filled.clone();
            shown.extend(asked.into_iter().filter(|detail| detail.applies_to(option.kind)));
            let offered = details_to_add(&option, &shown);
            let of_kind: Vec<OptionDetail> = OptionDetail::ALL
                .into_iter()
                .filter(|detail| detail.applies_to(option.kind))
                .collect();
            let mut together: Vec<OptionDetail> = of_kind
                .iter()
                .copied()
                .filter(|detail| shown.contains(detail) || offered.contains(detail))
                .collect();
            together.dedup();
            prop_assert_eq!(together, of_kind.clone());
            for detail in &offered {
                prop_assert!(!shown.contains(detail));
            }
            let in_order = |list: &[OptionDetail]| list.windows(2).all(|pair| {
                let at = |detail| OptionDetail::ALL.iter().position(|known| *known == detail);
                at(pair[0]) < at(pair[1])
            });
            prop_assert!(in_order(&filled) && in_order(&offered));
        }

        /// An option's assets are those of the plan it refers to, each once.
        #[test]
        fn an_options_assets_are_the_ones_it_refers_to(option in option(), kinds in prop::collection::vec(prop::sample::select(AssetKind::ALL.to_vec()), 0..5)) {
            let mut plan = Plan::default();
            for (n, kind) in kinds.into_iter().enumerate() {
                add_asset(&mut plan, Id::from(format!("a-{n}").as_str()), kind, "An asset", Timestamp::from_seconds(0));
            }
            let used = assets_used(&plan, &option);
            let expected = plan.assets.iter().filter(|asset| option.assets_used.contains(&asset.id)).count();
            prop_assert_eq!(used.len(), expected);
            for pair in used.windows(2) {
                let rank = |asset: &Asset| AssetKind::ALL.iter().position(|kind| *kind == asset.kind);
                prop_assert!(rank(pair[0]) <= rank(pair[1]), "grouped by kind as Leverage shows them");
                prop_assert!(pair[0].id != pair[1].id);
            }
        }
    }
}
