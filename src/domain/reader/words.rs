//! The reader's words: each repair, naming the place in the plan the way
//! the app names it ("the step ‘Call two agents’ under ‘Find an agent’",
//! "the option ‘Start a studio’", "the vision's excitement score"), and
//! each refusal, naming where the text came from (a file, a link, the plan
//! saved in this browser). Nothing here speaks of types, parsers or bytes
//! but where a person would (a file's size, its text encoding).

use super::mend::Mended;
use super::{Note, Repair, Subject};
use crate::domain::format::{PlanFileError, MAX_PLAN_FILE_BYTES};
use crate::domain::goals::{GoalLevel, GoalTree};
use crate::domain::plan::{Id, SCHEMA_VERSION};
use std::collections::HashMap;
use std::fmt;

/// Where a text came from, for the words of a refusal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A file the person picked or dropped.
    File,
    /// A share link.
    Link,
    /// The plan saved in this browser.
    Saved,
    /// A copy Waypoint kept (the plan before a replacement, or text it
    /// could not read).
    Kept,
}

impl Origin {
    /// The text, as the subject of a sentence.
    fn the_text(self) -> &'static str {
        match self {
            Self::File => "The file",
            Self::Link => "The plan in this link",
            Self::Saved => "The plan saved in this browser",
            Self::Kept => "The kept copy",
        }
    }
}

/// A refusal in words: one message, and a detail for the curious (where in
/// the text, the version found).
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    pub message: String,
    pub detail: Option<String>,
}

impl PlanFileError {
    /// Why the text can't be opened, told for where it came from.
    pub fn explain(&self, origin: Origin) -> Explanation {
        let the_text = origin.the_text();
        let (message, detail) = match self {
            Self::TooLarge { bytes } if origin == Origin::Link => (
                format!(
                    "The link unpacks into more than {} MB, far more than any plan; Waypoint \
                     stopped unpacking it.",
                    MAX_PLAN_FILE_BYTES / 1_048_576
                ),
                None,
            ),
            Self::TooLarge { bytes } => (too_large(the_text, *bytes), None),
            Self::Empty => (format!("{the_text} is empty: there is nothing in it to read."), None),
            Self::Blank => (
                format!("{the_text} holds only spaces and line breaks, no plan."),
                None,
            ),
            Self::NotText {
                looks_like: Some(kind),
                ..
            } => (
                format!("{the_text} is {kind}, not a plan. A plan file is text that begins with {{."),
                None,
            ),
            Self::NotText { at, looks_like: None } => (
                format!(
                    "{the_text} is not text in UTF-8, the encoding of plan files: it may be \
                     another kind of file, or text saved in an older encoding (such as \
                     Windows-1252). If it is your plan, open it in a text editor and save it \
                     again as UTF-8."
                ),
                Some(format!("The first character that can't be read is at byte {}.", at + 1)),
            ),
            Self::BrokenUtf16 => (
                format!(
                    "{the_text} starts as UTF-16 text but breaks off in the middle of a \
                     character, so it can't be read. If it is your plan, open it in a text \
                     editor and save it again as UTF-8."
                ),
                None,
            ),
            Self::NotJson { line, column, cut_off: true } => (
                format!(
                    "{the_text} ends in the middle of the plan, as if it was cut off while it \
                     was saved or copied. A complete copy will open."
                ),
                Some(place_in_text("The text stops", *line, *column)),
            ),
            Self::NotJson { line, column, .. } => (
                format!(
                    "{the_text} is not a plan Waypoint can read: its text is damaged or was \
                     changed by hand, and it no longer follows the JSON format plan files are \
                     written in."
                ),
                Some(place_in_text("The first thing out of place is", *line, *column)),
            ),
            Self::TooDeeplyNested => (
                format!(
                    "{the_text} is nested hundreds of levels deep, far deeper than any plan \
                     (a plan has four levels of goals), so it is not a plan."
                ),
                None,
            ),
            Self::NotAPlan => (
                format!(
                    "{the_text} holds data from another program, not a Waypoint plan (a plan \
                     begins with \"format\": \"waypoint-plan\")."
                ),
                None,
            ),
            Self::NewerVersion { found } => (
                format!(
                    "{the_text} was saved by a newer version of Waypoint. Open it where it was \
                     made, or reload Waypoint here to get the newer version, then try again."
                ),
                Some(format!(
                    "Plan format version {found}; this Waypoint reads up to version {SCHEMA_VERSION}."
                )),
            ),
            Self::UnknownVersion { found } => (
                format!(
                    "{the_text} doesn't say which version of the plan format it is in a way \
                     Waypoint understands, so it can't tell how to read it."
                ),
                Some(format!("Its version is given as {found}.")),
            ),
            Self::BadField { path, detail } => (
                format!("{the_text} can't be read: {detail}."),
                Some(format!("Where: {path}")),
            ),
            Self::NeedsRepair { first, count } => (
                format!("{the_text} needs {} before it can be opened: {first}", repairs_count(*count)),
                None,
            ),
            rule => (
                format!("{the_text} breaks the rules of a plan: {rule}"),
                None,
            ),
        };
        Explanation { message, detail }
    }
}

/// "… at line 3, column 14", or "… at the start of line 3" (a column of 0
/// is before the line's first character).
fn place_in_text(what: &str, line: usize, column: usize) -> String {
    if column == 0 {
        format!("{what} at the start of line {line}.")
    } else {
        format!("{what} at line {line}, column {column}.")
    }
}

fn repairs_count(count: usize) -> String {
    if count == 1 {
        "a repair".to_owned()
    } else {
        format!("{count} repairs")
    }
}

/// A size in words: megabytes to one decimal, or, where that would read
/// as the limit itself, how much over it.
fn too_large(the_text: &str, bytes: usize) -> String {
    let limit_mb = MAX_PLAN_FILE_BYTES / 1_048_576;
    let megabytes = bytes as f64 / 1_048_576.0;
    if format!("{megabytes:.1}") == format!("{limit_mb}.0") {
        format!(
            "{the_text} is just over {limit_mb} MB, the most a plan file can be. Even a plan \
             of 20,000 goals is under 6 MB; this may not be a plan."
        )
    } else {
        format!(
            "{the_text} is {megabytes:.1} MB; a plan file can be at most {limit_mb} MB, and even \
             a plan of 20,000 goals is under 6 MB. This is not a plan Waypoint can open."
        )
    }
}

/// The plain version: what is wrong, for a change the store refused or two
/// plans that can't be merged.
impl fmt::Display for PlanFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyId => write!(f, "an item has no id."),
            Self::DuplicateId { id } => write!(f, "two items share one id (“{id}”)."),
            Self::MissingParent { goal, parent } => write!(
                f,
                "a goal (“{goal}”) would sit under a goal that is not in the plan (“{parent}”)."
            ),
            Self::Cycle { goal } => {
                write!(
                    f,
                    "a goal (“{goal}”) would be, through the goals above it, under itself."
                )
            }
            Self::TooDeep { goal } => write!(
                f,
                "a goal (“{goal}”) would be nested deeper than the four levels a plan has."
            ),
            Self::MissingReference { from, to } => {
                write!(f, "“{from}” links to “{to}”, which is not in the plan.")
            }
            Self::OutOfRange { what, value } => {
                write!(
                    f,
                    "the {what} would be {value}, which the app doesn't offer."
                )
            }
            Self::OutOfOrder { goal } => {
                write!(
                    f,
                    "a goal (“{goal}”) would be out of its place in the outline."
                )
            }
            Self::RemovalsOutOfOrder { id } => write!(
                f,
                "the list of removed items would be out of order at “{id}”."
            ),
            Self::RemovedYetPresent { id } => {
                write!(f, "“{id}” would be both in the plan and listed as removed.")
            }
            other => f.write_str(&other.explain(Origin::File).message),
        }
    }
}

/// Every note in words, naming each item as the mended plan has it.
pub(super) fn repairs(notes: &[Note], mended: &Mended) -> Vec<Repair> {
    if notes.is_empty() {
        return Vec::new();
    }
    let names = Names::new(mended);
    notes
        .iter()
        .map(|note| Repair {
            words: names.words(note),
            path: note.path.clone(),
        })
        .collect()
}

/// Names items of the mended plan by their place in the text.
struct Names<'a> {
    mended: &'a Mended,
    tree: GoalTree<'a>,
    goal_positions: HashMap<&'a Id, usize>,
    goals: HashMap<usize, usize>,
    assets: HashMap<usize, usize>,
    options: HashMap<usize, usize>,
    check_ins: HashMap<usize, usize>,
}

impl<'a> Names<'a> {
    fn new(mended: &'a Mended) -> Self {
        let positions = |from: &[usize]| {
            from.iter()
                .enumerate()
                .map(|(position, &place)| (place, position))
                .collect::<HashMap<_, _>>()
        };
        Self {
            mended,
            tree: GoalTree::new(&mended.plan),
            goal_positions: mended
                .plan
                .goals
                .iter()
                .enumerate()
                .map(|(position, goal)| (&goal.id, position))
                .collect(),
            goals: positions(&mended.goals_from),
            assets: positions(&mended.assets_from),
            options: positions(&mended.options_from),
            check_ins: positions(&mended.check_ins_from),
        }
    }

    fn words(&self, note: &Note) -> String {
        let subject = self.name(note.subject, note.by_title);
        let said = match note.other {
            Some(other) => note.said.replace("{other}", &self.name(other, true)),
            None => note.said.clone(),
        };
        let sentence = match (note.field, note.subject) {
            (Some(field), Subject::Vision) => format!("the vision's {field} {said}"),
            (Some(field), Subject::Plan) => format!("the plan's {field} {said}"),
            (Some(field), _) => format!("the {field} of {subject} {said}"),
            (None, _) => format!("{subject} {said}"),
        };
        capitalized(&sentence)
    }

    fn name(&self, subject: Subject, by_title: bool) -> String {
        let plan = &self.mended.plan;
        match subject {
            Subject::Text => "the text".to_owned(),
            Subject::Plan => "the plan".to_owned(),
            Subject::Vision => "the vision".to_owned(),
            Subject::EarlierVision(at) => match plan.vision.history.get(at) {
                Some(version) if !version.statement.trim().is_empty() => {
                    format!(
                        "the earlier vision statement ‘{}’",
                        short(&version.statement)
                    )
                }
                _ => format!("the {} earlier vision statement", ordinal(at + 1)),
            },
            Subject::Asset(at) => match self.assets.get(&at).map(|&p| &plan.assets[p]) {
                Some(asset) if !asset.name.trim().is_empty() => {
                    format!("the leverage entry ‘{}’", short(&asset.name))
                }
                Some(_) => format!("the {} leverage entry", ordinal(self.assets[&at] + 1)),
                None => format!("the {} leverage entry in the file", ordinal(at + 1)),
            },
            Subject::Option(at) => match self.options.get(&at).map(|&p| &plan.options[p]) {
                Some(option) if !option.title.trim().is_empty() => {
                    format!("the option ‘{}’", short(&option.title))
                }
                Some(_) => format!("the {} option", ordinal(self.options[&at] + 1)),
                None => format!("the {} option in the file", ordinal(at + 1)),
            },
            Subject::CheckIn(at) => match self.check_ins.get(&at).map(|&p| &plan.check_ins[p]) {
                Some(check_in) => format!("the check-in of {}", check_in.date),
                None => format!("the {} check-in in the file", ordinal(at + 1)),
            },
            Subject::Goal(at) => match self.goals.get(&at) {
                Some(&position) => self.goal_name(position, by_title, 0),
                None => format!("the {} goal in the file", ordinal(at + 1)),
            },
        }
    }

    /// "the step ‘Call two agents’ under ‘Find an agent’", "the second
    /// long-term goal", or, by title, "‘Call two agents’".
    fn goal_name(&self, position: usize, by_title: bool, above: usize) -> String {
        let goal = &self.mended.plan.goals[position];
        let title = goal.title.trim();
        if by_title && !title.is_empty() {
            return format!("‘{}’", short(title));
        }
        let level = GoalLevel::at_depth(self.tree.depth(&goal.id))
            .label()
            .to_lowercase();
        let parent = goal
            .parent
            .as_ref()
            .and_then(|parent| self.goal_positions.get(parent).copied());
        let under = |parent: usize| {
            let parent_title = self.mended.plan.goals[parent].title.trim();
            if !parent_title.is_empty() {
                format!(" under ‘{}’", short(parent_title))
            } else if above < 2 {
                format!(" under {}", self.goal_name(parent, false, above + 1))
            } else {
                String::new()
            }
        };
        if !title.is_empty() {
            return match parent {
                Some(parent) => format!("the {level} ‘{}’{}", short(title), under(parent)),
                None => format!("the {level} ‘{}’", short(title)),
            };
        }
        let place = self
            .tree
            .children(goal.parent.as_ref())
            .position(|sibling| sibling.id == goal.id)
            .unwrap_or(0);
        match parent {
            Some(parent) => format!("the {} {level}{}", ordinal(place + 1), under(parent)),
            None => format!("the {} {level}", ordinal(place + 1)),
        }
    }
}

/// A title or name in a sentence: trimmed and, when long, cut.
fn short(text: &str) -> String {
    super::fields::cut(text.trim(), 60)
}

/// "first" … "tenth", then "11th", "22nd", "103rd".
fn ordinal(n: usize) -> String {
    const WORDS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    if (1..=10).contains(&n) {
        return WORDS[n - 1].to_owned();
    }
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn capitalized(sentence: &str) -> String {
    let mut characters = sentence.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_read_as_words_then_numbers() {
        let said: Vec<String> = [1, 3, 10, 11, 12, 13, 21, 22, 23, 101, 111, 112]
            .into_iter()
            .map(ordinal)
            .collect();
        assert_eq!(
            said,
            [
                "first", "third", "tenth", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st",
                "111th", "112th"
            ]
        );
    }

    #[test]
    fn a_size_just_over_the_limit_is_not_called_far_larger() {
        let just_over = too_large("The file", MAX_PLAN_FILE_BYTES + 1);
        assert!(
            just_over.starts_with("The file is just over 10 MB"),
            "{just_over}"
        );
        let far = too_large("The file", 50 * 1_048_576);
        assert!(
            far.starts_with("The file is 50.0 MB; a plan file can be at most 10 MB"),
            "{far}"
        );
    }
}
