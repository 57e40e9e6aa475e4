//! The plan: plain data that serializes to the plan file.
//!
//! Field order here is the key order of the exported JSON, so two exports of
//! the same plan are byte-identical. New fields get `#[serde(default)]` so
//! older files still read. A field the types don't know fails the quick read
//! (`deny_unknown_fields`), so that the careful reader (`reader`) can say it
//! was left out rather than drop it without a word.

use super::calendar::{Date, Timestamp};
use super::rank::Rank;
use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Names the file format, so a stray JSON file is not mistaken for a plan.
pub const FORMAT_ID: &str = "waypoint-plan";
/// The version of the plan file this build writes.
pub const SCHEMA_VERSION: u32 = 2;

/// A stable identifier for anything in a plan. Made from the time and a random
/// part so that plans edited on two devices can later be merged by id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    /// A new id from the creation time and some randomness supplied by the caller.
    pub fn generate(prefix: &str, millis: u64, random: u32) -> Self {
        Self(format!(
            "{prefix}-{}-{}",
            base36(millis),
            base36(u64::from(random))
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Self {
        Self(text.to_owned())
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn base36(mut value: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut reversed = Vec::new();
    loop {
        reversed.push(DIGITS[(value % 36) as usize]);
        value /= 36;
        if value == 0 {
            break;
        }
    }
    reversed.reverse();
    String::from_utf8(reversed).expect("base-36 digits are ASCII")
}

/// A whole career plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub format: String,
    pub schema_version: u32,
    #[serde(deserialize_with = "super::objects::object")]
    pub vision: Vision,
    #[serde(deserialize_with = "super::objects::list")]
    pub assets: Vec<Asset>,
    #[serde(deserialize_with = "super::objects::list")]
    pub options: Vec<CareerOption>,
    /// Every goal at every level, flat; `parent` makes the tree and the order
    /// of siblings here is their order on screen.
    #[serde(deserialize_with = "super::objects::list")]
    pub goals: Vec<Goal>,
    #[serde(deserialize_with = "super::objects::list")]
    pub check_ins: Vec<CheckIn>,
    /// How often to review the plan; `None` until the person picks.
    #[serde(default)]
    pub review_rhythm: Option<ReviewRhythm>,
    /// When the review rhythm was last chosen; the newer choice wins when
    /// plans are merged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_rhythm_updated_at: Option<Timestamp>,
    /// What was removed, and when, so that a merge with a copy that still
    /// has it removes it there too (unless that copy changed it later).
    /// Sorted by id; records older than a year are let go.
    #[serde(deserialize_with = "super::objects::list")]
    pub removed: Vec<Removal>,
    /// When anything in the plan last changed: the newest time in it.
    pub updated_at: Option<Timestamp>,
}

impl Default for Plan {
    fn default() -> Self {
        Self {
            format: FORMAT_ID.to_owned(),
            schema_version: SCHEMA_VERSION,
            vision: Vision::default(),
            assets: Vec::new(),
            options: Vec::new(),
            goals: Vec::new(),
            check_ins: Vec::new(),
            review_rhythm: None,
            review_rhythm_updated_at: None,
            removed: Vec::new(),
            updated_at: None,
        }
    }
}

impl Plan {
    /// The id of every item: goals, assets, options and check-ins.
    pub fn item_ids(&self) -> impl Iterator<Item = &Id> {
        self.goals
            .iter()
            .map(|goal| &goal.id)
            .chain(self.assets.iter().map(|asset| &asset.id))
            .chain(self.options.iter().map(|option| &option.id))
            .chain(self.check_ins.iter().map(|check_in| &check_in.id))
    }

    /// True until the person has written or added anything.
    pub fn is_blank(&self) -> bool {
        self.vision == Vision::default()
            && self.assets.is_empty()
            && self.options.is_empty()
            && self.goals.is_empty()
            && self.check_ins.is_empty()
    }

    pub fn goal(&self, id: &Id) -> Option<&Goal> {
        self.goals.iter().find(|goal| &goal.id == id)
    }

    pub(crate) fn goal_mut(&mut self, id: &Id) -> Option<&mut Goal> {
        self.goals.iter_mut().find(|goal| &goal.id == id)
    }

    /// Records that the item `id` was removed at `now` (a goal with the
    /// parent it had), and lets go of records older than a year.
    pub(crate) fn remember_removal(&mut self, id: &Id, parent: Option<&Id>, now: Timestamp) {
        let record = Removal {
            id: id.clone(),
            removed_at: now,
            parent: parent.cloned(),
        };
        match self.removed.binary_search_by(|kept| kept.id.cmp(id)) {
            Ok(at) => self.removed[at] = record,
            Err(at) => self.removed.insert(at, record),
        }
        self.forget_old_removals(now);
    }

    /// Lets go of removal records more than a year older than `now`.
    pub(crate) fn forget_old_removals(&mut self, now: Timestamp) {
        let oldest_kept = now.seconds_since_epoch() - REMOVALS_KEPT_SECONDS;
        let before = self.removed.len();
        self.removed
            .retain(|record| record.removed_at.seconds_since_epoch() >= oldest_kept);
        if self.removed.len() != before {
            self.let_go_of_dangling_links();
        }
    }

    /// Lets go of an option's link to an asset, or a goal's to an option,
    /// that is neither in the plan nor recorded as removed (its record let
    /// go): the option or goal keeps its words.
    pub(crate) fn let_go_of_dangling_links(&mut self) {
        let removed = self.removed.iter().map(|record| record.id.clone());
        let assets: std::collections::HashSet<Id> = self
            .assets
            .iter()
            .map(|asset| asset.id.clone())
            .chain(removed.clone())
            .collect();
        for option in &mut self.options {
            option.assets_used.retain(|id| assets.contains(id));
        }
        let options: std::collections::HashSet<Id> = self
            .options
            .iter()
            .map(|option| option.id.clone())
            .chain(removed)
            .collect();
        for goal in &mut self.goals {
            if goal
                .from_option
                .as_ref()
                .is_some_and(|id| !options.contains(id))
            {
                goal.from_option = None;
            }
        }
    }
}

/// How long a removal is remembered: a year. A copy of the plan left unsynced
/// for longer can bring back what was removed before then.
pub const REMOVALS_KEPT_SECONDS: i64 = 366 * 86_400;

/// A removed goal, asset, option or check-in: its id and when it went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Removal {
    pub id: Id,
    pub removed_at: Timestamp,
    /// For a goal, the goal it sat under: a goal that another device changed
    /// after this one removed its parent is kept, under the nearest goal
    /// above that is still there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
}

/// Where the person wants to go, in their own words.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct Vision {
    /// "What do you want?"
    pub want: String,
    /// "What are you willing to work for?"
    pub willing_to_work_for: String,
    /// "What do you believe can be real for you?"
    pub believe_can_be_real: String,
    /// What success means to this person.
    #[serde(deserialize_with = "super::objects::object")]
    pub success: SuccessMeaning,
    /// The vision statement itself.
    pub statement: String,
    /// How many years ahead the vision looks.
    pub horizon_years: Option<u8>,
    /// How compelling the vision feels, from 1 (flat) to 10 (spine-tingling).
    pub excitement: Option<u8>,
    /// Earlier statements, oldest first: how the vision changed over time.
    #[serde(deserialize_with = "super::objects::list")]
    pub history: Vec<VisionVersion>,
    /// When any answer here last changed; the newer side wins when plans are merged.
    pub updated_at: Option<Timestamp>,
}

impl Vision {
    /// The soul-searching answers given so far, each with its question in the
    /// first person, trimmed.
    pub fn given_answers(&self) -> Vec<(&'static str, &str)> {
        [
            ("What I want", self.want.trim()),
            (
                "What I'm willing to work for",
                self.willing_to_work_for.trim(),
            ),
            (
                "What I believe can be real",
                self.believe_can_be_real.trim(),
            ),
        ]
        .into_iter()
        .filter(|(_, answer)| !answer.is_empty())
        .collect()
    }
}

/// A vision statement as it was before it was rewritten.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisionVersion {
    pub statement: String,
    pub horizon_years: Option<u8>,
    pub excitement: Option<u8>,
    /// When it stopped being the current vision.
    pub replaced_at: Timestamp,
}

/// The method's "fuzzy concepts" of success, each pinned down in words and weighed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct SuccessMeaning {
    #[serde(deserialize_with = "super::objects::object")]
    pub money: SuccessFacet,
    #[serde(deserialize_with = "super::objects::object")]
    pub accomplishments: SuccessFacet,
    #[serde(deserialize_with = "super::objects::object")]
    pub mission: SuccessFacet,
    /// Anything else, named by the person.
    #[serde(deserialize_with = "super::objects::object")]
    pub own_terms: SuccessFacet,
}

impl SuccessMeaning {
    /// The facets the person weighed or described, named in the first person.
    pub fn stated_facets(&self) -> Vec<(&'static str, &SuccessFacet)> {
        [
            ("Money", &self.money),
            ("Accomplishments", &self.accomplishments),
            ("A larger mission", &self.mission),
            ("On my own terms", &self.own_terms),
        ]
        .into_iter()
        .filter(|(_, facet)| facet.weight > 0 || !facet.words.trim().is_empty())
        .collect()
    }
}

/// One meaning of success: how much it matters (0 to 5) and what it means here.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct SuccessFacet {
    pub weight: u8,
    pub words: String,
}

/// Something the person starts from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Asset {
    pub id: Id,
    pub kind: AssetKind,
    pub name: String,
    pub note: String,
    /// Optional strength, 1 to 5.
    pub level: Option<u8>,
    /// Left out of shared exports.
    pub private: bool,
    pub created_at: Timestamp,
    /// When this entry last changed; the newer side wins when plans are merged.
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AssetKind {
    Skill,
    Person,
    PositionAndReputation,
    SavingsAndResources,
}

impl AssetKind {
    pub const ALL: [AssetKind; 4] = [
        Self::Skill,
        Self::Person,
        Self::PositionAndReputation,
        Self::SavingsAndResources,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Skill => "Skills",
            Self::Person => "People",
            Self::PositionAndReputation => "Position and reputation",
            Self::SavingsAndResources => "Savings and resources",
        }
    }

    /// One line on what belongs here.
    pub fn prompt(self) -> &'static str {
        match self {
            Self::Skill => "What you can do well, from your work and outside it.",
            Self::Person => "Who you know, and how each of them could help.",
            Self::PositionAndReputation => "Where you stand now, and what people know you for.",
            Self::SavingsAndResources => "Money and time you could invest in changing direction.",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Skill => "skill",
            Self::Person => "person",
            Self::PositionAndReputation => "position_and_reputation",
            Self::SavingsAndResources => "savings_and_resources",
        }
    }
}

/// A candidate move toward the vision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CareerOption {
    pub id: Id,
    pub kind: OptionKind,
    pub title: String,
    pub notes: String,
    pub status: OptionStatus,
    pub created_at: Timestamp,
    /// Ids of the assets this option builds on.
    #[serde(default)]
    pub assets_used: Vec<Id>,
    #[serde(default)]
    pub time_cost: String,
    #[serde(default)]
    pub money_cost: String,
    #[serde(default)]
    pub upside: String,
    #[serde(default)]
    pub risks: String,
    /// For studying someone who made it: who, their path, what to learn, how to reach them.
    #[serde(default, deserialize_with = "super::objects::object")]
    pub role_model: RoleModel,
    /// For trial and error: the experiment and what it will teach.
    #[serde(default, deserialize_with = "super::objects::object")]
    pub experiment: Experiment,
    /// When this option last changed; the newer side wins when plans are merged.
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
}

impl CareerOption {
    /// A new option under consideration, made at `at`, with no details yet.
    pub fn new(id: Id, kind: OptionKind, title: String, at: Timestamp) -> Self {
        CareerOption {
            id,
            kind,
            title,
            notes: String::new(),
            status: OptionStatus::Considering,
            created_at: at,
            assets_used: Vec::new(),
            time_cost: String::new(),
            money_cost: String::new(),
            upside: String::new(),
            risks: String::new(),
            role_model: RoleModel::default(),
            experiment: Experiment::default(),
            updated_at: Some(at),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct RoleModel {
    pub who: String,
    pub their_path: String,
    pub what_to_learn: String,
    pub how_to_reach: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct Experiment {
    pub what_to_try: String,
    pub what_it_will_teach: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OptionKind {
    StudyRoleModel,
    PlotOwnCourse,
    TrialAndError,
    Networking,
    StrategicJobMove,
    StartBusiness,
    DefineBrand,
    PersonalDevelopment,
    NewSkills,
    Moving,
    BackToSchool,
    BuildExperience,
    Other,
}

impl OptionKind {
    pub const ALL: [OptionKind; 13] = [
        Self::StudyRoleModel,
        Self::PlotOwnCourse,
        Self::TrialAndError,
        Self::Networking,
        Self::StrategicJobMove,
        Self::StartBusiness,
        Self::DefineBrand,
        Self::PersonalDevelopment,
        Self::NewSkills,
        Self::Moving,
        Self::BackToSchool,
        Self::BuildExperience,
        Self::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::StudyRoleModel => "Study someone who made it",
            Self::PlotOwnCourse => "Plot your own course",
            Self::TrialAndError => "Trial and error",
            Self::Networking => "Networking",
            Self::StrategicJobMove => "A strategic job move",
            Self::StartBusiness => "Start your own business",
            Self::DefineBrand => "Define your brand",
            Self::PersonalDevelopment => "Personal development",
            Self::NewSkills => "New skills",
            Self::Moving => "Moving",
            Self::BackToSchool => "Going back to school",
            Self::BuildExperience => "Building experience",
            Self::Other => "Something else",
        }
    }

    /// The method's one-line description, shown when choosing a kind.
    pub fn hint(self) -> &'static str {
        match self {
            Self::StudyRoleModel => "Look at the path of someone who got there: study it, connect, interview them.",
            Self::PlotOwnCourse => "Use your connections and situation to leap ahead of where most people start.",
            Self::TrialAndError => "Try something small, learn from it, and change direction if you need to.",
            Self::Networking => "Connect with the people who can help you learn and achieve what you want.",
            Self::StrategicJobMove => "Take jobs that qualify you for what you ultimately want, and meet the right people.",
            Self::StartBusiness => "Create what doesn't exist yet, if your vision needs it.",
            Self::DefineBrand => "Tell the world who you are, so people know what they get when they hire you.",
            Self::PersonalDevelopment => "Keep working on yourself; no one else will do it for you.",
            Self::NewSkills => "Learn what the next position or project will ask of you.",
            Self::Moving => "Go where the work, the people or the market are.",
            Self::BackToSchool => "A degree or course that opens the door.",
            Self::BuildExperience => "Build up the base of experience you are missing.",
            Self::Other => "Any other way to bridge the gap.",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::StudyRoleModel => "study_role_model",
            Self::PlotOwnCourse => "plot_own_course",
            Self::TrialAndError => "trial_and_error",
            Self::Networking => "networking",
            Self::StrategicJobMove => "strategic_job_move",
            Self::StartBusiness => "start_business",
            Self::DefineBrand => "define_brand",
            Self::PersonalDevelopment => "personal_development",
            Self::NewSkills => "new_skills",
            Self::Moving => "moving",
            Self::BackToSchool => "back_to_school",
            Self::BuildExperience => "build_experience",
            Self::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OptionStatus {
    Considering,
    Chosen,
    SetAside,
}

impl OptionStatus {
    pub const ALL: [OptionStatus; 3] = [Self::Considering, Self::Chosen, Self::SetAside];

    pub fn label(self) -> &'static str {
        match self {
            Self::Considering => "Considering",
            Self::Chosen => "Chosen",
            Self::SetAside => "Set aside",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Considering => "considering",
            Self::Chosen => "chosen",
            Self::SetAside => "set_aside",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.key() == key)
    }
}

/// A long-term goal, a short-term goal or a step, by its depth in the tree.
///
/// A plan holds thousands of goals, so a goal's fields that hold nothing (no
/// parent, no date, not completed, not dropped, not from an option) are left
/// out of the file rather than written as `null`; `null` reads the same.
/// Older readers take a missing field of this kind as empty too.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    /// Where the goal was put by the device that last changed it, when this
    /// plan can't have it there: that parent was removed elsewhere, or two
    /// devices' moves would have made a loop or a tree too deep. It sits
    /// under `parent` meanwhile, and goes back when a merge finds room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wanted_parent: Option<Id>,
    /// Its place among its siblings (see [`Rank`]).
    pub rank: Rank,
    pub title: String,
    pub status: GoalStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_date: Option<Date>,
    pub notes: String,
    pub created_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<Timestamp>,
    /// Why it was dropped, when it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dropped_reason: Option<String>,
    /// The option this goal was made from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_option: Option<Id>,
    /// When this goal last changed; the newer side wins when plans are merged.
    pub updated_at: Timestamp,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    Open,
    InProgress,
    Done,
    Dropped,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 4] = [Self::Open, Self::InProgress, Self::Done, Self::Dropped];

    /// The name used in the plan file, e.g. `in_progress`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::Dropped => "dropped",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.key() == key)
    }

    /// Still to be done: open or in progress.
    pub fn is_active(self) -> bool {
        matches!(self, Self::Open | Self::InProgress)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Open => "Open",
            Self::InProgress => "In progress",
            Self::Done => "Done",
            Self::Dropped => "Dropped",
        }
    }
}

/// A review: what happened, what was learned, what will change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    pub id: Id,
    pub date: Date,
    pub what_happened: String,
    pub what_i_learned: String,
    pub what_i_will_change: String,
    pub created_at: Timestamp,
    /// The answer to "is the vision still right?", if given.
    #[serde(default)]
    pub vision_still_right: Option<bool>,
    /// What the check-in changed in the plan, in words.
    #[serde(default)]
    pub changes: Vec<String>,
    /// When an undo or redo last brought it back or took it away; a
    /// check-in is otherwise never changed after it is made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

/// How often the person means to review their plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewRhythm {
    Weekly,
    Fortnightly,
    Monthly,
}

impl ReviewRhythm {
    pub const ALL: [ReviewRhythm; 3] = [Self::Weekly, Self::Fortnightly, Self::Monthly];

    pub fn days(self) -> i64 {
        match self {
            Self::Weekly => 7,
            Self::Fortnightly => 14,
            Self::Monthly => 30,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Weekly => "Every week",
            Self::Fortnightly => "Every two weeks",
            Self::Monthly => "Every month",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Weekly => "weekly",
            Self::Fortnightly => "fortnightly",
            Self::Monthly => "monthly",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|rhythm| rhythm.key() == key)
    }
}

/// The kinds and statuses are kept in the file as their keys (`in_progress`)
/// and read back by key, so that a wrong value in a file is answered with
/// the keys it may be, wherever the reader meets it.
macro_rules! read_by_key {
    ($($kind:ty),*) => {$(
        impl<'de> Deserialize<'de> for $kind {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(KeyVisitor {
                    all: &Self::ALL,
                    key: Self::key,
                })
            }
        }
    )*};
}

read_by_key!(
    AssetKind,
    OptionKind,
    OptionStatus,
    GoalStatus,
    ReviewRhythm
);

struct KeyVisitor<T: 'static> {
    all: &'static [T],
    key: fn(T) -> &'static str,
}

impl<T: Copy> Visitor<'_> for KeyVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("one of ")?;
        for (index, &kind) in self.all.iter().enumerate() {
            let comma = if index == 0 { "" } else { ", " };
            write!(f, "{comma}`{}`", (self.key)(kind))?;
        }
        Ok(())
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        self.all
            .iter()
            .copied()
            .find(|&kind| (self.key)(kind) == text)
            .ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_compact_and_distinct() {
        let first = Id::generate("g", 1_795_000_000_000, 7);
        let second = Id::generate("g", 1_795_000_000_000, 8);
        assert_ne!(first, second);
        assert!(first.as_str().starts_with("g-"));
        assert_eq!(Id::generate("g", 35, 36).as_str(), "g-z-10");
    }

    #[test]
    fn status_keys_match_the_file_format() {
        for status in GoalStatus::ALL {
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.key()));
            assert_eq!(GoalStatus::from_key(status.key()), Some(status));
        }
        assert_eq!(GoalStatus::from_key("finished"), None);
    }

    #[test]
    fn kind_and_status_keys_match_the_file_format() {
        for kind in OptionKind::ALL {
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind.key())
            );
            assert_eq!(OptionKind::from_key(kind.key()), Some(kind));
        }
        for status in OptionStatus::ALL {
            assert_eq!(
                serde_json::to_string(&status).unwrap(),
                format!("\"{}\"", status.key())
            );
            assert_eq!(OptionStatus::from_key(status.key()), Some(status));
        }
        for kind in AssetKind::ALL {
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind.key())
            );
        }
    }

    #[test]
    fn kinds_and_statuses_read_back_by_key_and_a_wrong_one_is_named() {
        fn reads_back<T: Serialize + for<'de> Deserialize<'de> + PartialEq + fmt::Debug>(
            all: &[T],
        ) {
            for kind in all {
                let json = serde_json::to_string(kind).unwrap();
                assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), kind);
            }
        }
        reads_back(&AssetKind::ALL);
        reads_back(&OptionKind::ALL);
        reads_back(&OptionStatus::ALL);
        reads_back(&GoalStatus::ALL);
        reads_back(&ReviewRhythm::ALL);
        let wrong = serde_json::from_str::<GoalStatus>("\"finished\"").unwrap_err();
        assert!(wrong.to_string().starts_with(
            "invalid value: string \"finished\", expected one of `open`, `in_progress`, `done`, `dropped`"
        ));
        let number = serde_json::from_str::<ReviewRhythm>("7").unwrap_err();
        assert!(number
            .to_string()
            .starts_with("invalid type: integer `7`, expected one of `weekly`"));
    }

    #[test]
    fn a_new_plan_is_blank_and_current() {
        let plan = Plan::default();
        assert!(plan.is_blank());
        assert_eq!(plan.format, FORMAT_ID);
        assert_eq!(plan.schema_version, SCHEMA_VERSION);
    }
}
