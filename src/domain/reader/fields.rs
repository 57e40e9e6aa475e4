//! Reading a part of a plan that the plan's types refused, field by field,
//! as the schema (`public/plan.schema.json`) describes it: what can be
//! mended is, with a note; nothing the person wrote is dropped without
//! the note quoting it.
//!
//! Items are mended here one at a time; what involves several (ids,
//! parents, links between items) is mended once the whole plan is read
//! (`mend`).

use super::{Note, Subject};
use crate::domain::calendar::{Date, FixedOffset, Timestamp};
use crate::domain::format::{ASSET_STRENGTHS, EXCITEMENT_SCORES, HORIZON_YEARS, SUCCESS_WEIGHTS};
use crate::domain::plan::{
    Asset, AssetKind, CareerOption, CheckIn, Experiment, Goal, GoalStatus, Id, OptionKind,
    OptionStatus, Removal, ReviewRhythm, RoleModel, SuccessFacet, SuccessMeaning, Vision,
    VisionVersion,
};
use crate::domain::rank::Rank;
use serde_json::{Map, Value};
use std::ops::RangeInclusive;

/// The notes about one item (or the plan, or the vision), and where it is.
pub(super) struct Fields<'n> {
    notes: &'n mut Vec<Note>,
    subject: Subject,
    path: String,
}

/// A time as found: read, not there, `null`, or something else (quoted).
enum Found<T> {
    Read(T),
    Missing,
    Null,
    Unreadable(String),
}

impl<'n> Fields<'n> {
    pub(super) fn new(notes: &'n mut Vec<Note>, subject: Subject, path: &str) -> Self {
        Self {
            notes,
            subject,
            path: path.to_owned(),
        }
    }

    fn path_of(&self, key: &str) -> String {
        if key.is_empty() {
            self.path.clone()
        } else if self.path.is_empty() {
            key.to_owned()
        } else if key.starts_with('[') {
            format!("{}{key}", self.path)
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// A note about field `key`, called `name` in words.
    fn note(&mut self, key: &str, name: &'static str, said: String) {
        let path = self.path_of(key);
        self.notes
            .push(Note::new(self.subject, path, Some(name), said));
    }

    /// A note about the item as a whole (or a field named in `said`).
    fn note_item(&mut self, key: &str, said: String) {
        let path = self.path_of(key);
        self.notes.push(Note::new(self.subject, path, None, said));
    }

    /// Notes each field of `map` the schema doesn't have.
    fn check_known(&mut self, map: &Map<String, Value>, known: &[&str]) {
        for (key, value) in map {
            if !known.contains(&key.as_str()) {
                self.unknown(key, value);
            }
        }
    }

    pub(super) fn unknown(&mut self, key: &str, value: &Value) {
        self.note_item(
            key,
            format!(
                "had a field Waypoint doesn't know, “{}”, which was left out (it held {}).",
                cut(key, 40),
                excerpt(value)
            ),
        );
    }

    /// A part the plan must have, missing from the text.
    pub(super) fn missing(&mut self, key: &str, name: &'static str) {
        let said = match key {
            "updated_at" => "had no time of its last change; it is left unknown.".to_owned(),
            "vision" => "had no vision; it starts empty.".to_owned(),
            _ => format!("had no list of {name}; it starts with none."),
        };
        self.note_item(key, said);
    }

    /// A list the plan must have, found as something else.
    pub(super) fn not_a_list(&mut self, key: &str, name: &'static str, value: &Value) {
        let said = match value {
            Value::Null => format!("had no list of {name}; it starts with none."),
            other => format!(
                "had {} where its list of {name} should be; it starts with none.",
                excerpt(other)
            ),
        };
        self.note_item(key, said);
    }

    /// Words the schema requires: missing or `null` is empty, anything
    /// else is kept as its text.
    fn text(&mut self, map: &Map<String, Value>, key: &str, name: &'static str) -> String {
        match map.get(key) {
            None | Some(Value::Null) => {
                self.note_item(key, format!("had no {name}; it is left empty."));
                String::new()
            }
            Some(value) => self.as_text(key, name, value),
        }
    }

    /// Words the schema allows to be left out (read as empty).
    fn text_or_empty(&mut self, map: &Map<String, Value>, key: &str, name: &'static str) -> String {
        match map.get(key) {
            None => String::new(),
            Some(Value::Null) => {
                self.note_item(key, format!("had no {name}; it is left empty."));
                String::new()
            }
            Some(value) => self.as_text(key, name, value),
        }
    }

    /// Words that may be `null` or left out.
    fn optional_text(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        name: &'static str,
    ) -> Option<String> {
        match map.get(key) {
            None | Some(Value::Null) => None,
            Some(value) => Some(self.as_text(key, name, value)),
        }
    }

    /// Any value as words; what is not already text is noted.
    fn as_text(&mut self, key: &str, name: &'static str, value: &Value) -> String {
        match value {
            Value::String(text) => text.clone(),
            Value::Null => {
                self.note(
                    key,
                    name,
                    "was given as nothing (null); it is left empty.".into(),
                );
                String::new()
            }
            Value::Array(_) | Value::Object(_) => {
                let text = value.to_string();
                self.note(
                    key,
                    name,
                    format!(
                        "was a group of values, not words; they are kept as the words “{}”.",
                        cut(&text, 60)
                    ),
                );
                text
            }
            other => {
                let text = other.to_string();
                self.note(
                    key,
                    name,
                    format!("was {text}, not words; it is kept as the words “{text}”."),
                );
                text
            }
        }
    }

    /// A value where a group of fields should be, kept as the words of its
    /// first field (`name`).
    fn group_as_text(&mut self, key: &str, name: &'static str, value: &Value) -> String {
        match value {
            Value::String(words) => {
                self.note(
                    key,
                    name,
                    "was only words where a group of fields should be; they are kept as they are."
                        .into(),
                );
                words.clone()
            }
            other => self.as_text(key, name, other),
        }
    }

    /// An item's own id: text, or a number read as text. Anything else is
    /// left empty, for `mend` to give the item an id of its own.
    fn id(&mut self, map: &Map<String, Value>) -> Id {
        match map.get("id") {
            Some(Value::String(id)) => Id::from(id.as_str()),
            Some(Value::Number(number)) => {
                let id = number.to_string();
                self.note(
                    "id",
                    "id",
                    format!("was the number {id}; it is read as text."),
                );
                Id::from(id.as_str())
            }
            Some(Value::Null) | None => Id::from(""),
            Some(other) => {
                self.note("id", "id", format!("was {}, not an id.", excerpt(other)));
                Id::from("")
            }
        }
    }

    /// A link to another item by its id: `None` when left out, `null`, or
    /// not an id (noted, with `dropped` saying what that means).
    fn link(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        name: &'static str,
        dropped: &str,
    ) -> Option<Id> {
        match map.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(id)) => Some(Id::from(id.as_str())),
            Some(Value::Number(number)) => {
                let id = number.to_string();
                self.note(
                    key,
                    name,
                    format!("was the number {id}; it is read as the id “{id}”."),
                );
                Some(Id::from(id.as_str()))
            }
            Some(other) => {
                self.note(
                    key,
                    name,
                    format!("was {}, not an id; {dropped}", excerpt(other)),
                );
                None
            }
        }
    }

    /// A list of links (an option's assets): each an id, or left out with a note.
    fn links(&mut self, map: &Map<String, Value>, key: &str, name: &'static str) -> Vec<Id> {
        match map.get(key) {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(at, item)| match item {
                    Value::String(id) => Some(Id::from(id.as_str())),
                    Value::Number(number) => Some(Id::from(number.to_string().as_str())),
                    other => {
                        self.note(
                            &format!("{key}[{at}]"),
                            name,
                            format!(
                                "listed {}, which is not an id; it was left out.",
                                excerpt(other)
                            ),
                        );
                        None
                    }
                })
                .collect(),
            Some(other) => {
                self.note(
                    key,
                    name,
                    format!("were {}, not a list; none are kept.", excerpt(other)),
                );
                Vec::new()
            }
        }
    }

    /// A list of sentences (what a check-in changed).
    fn texts(&mut self, map: &Map<String, Value>, key: &str, name: &'static str) -> Vec<String> {
        match map.get(key) {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(at, item)| self.as_text(&format!("{key}[{at}]"), name, item))
                .collect(),
            Some(Value::Null) => {
                self.note(key, name, "were not given; there are none.".into());
                Vec::new()
            }
            Some(Value::String(words)) => {
                self.note(
                    key,
                    name,
                    "was words, not a list; they are kept as one entry.".into(),
                );
                vec![words.clone()]
            }
            Some(other) => vec![self.as_text(key, name, other)],
        }
    }

    /// A goal's place among its siblings; `None`, noted, when missing or
    /// not a rank.
    fn rank(&mut self, map: &Map<String, Value>) -> Option<Rank> {
        const NAME: &str = "place among its siblings";
        let said = match map.get("rank") {
            Some(Value::String(text)) => match Rank::parse(text) {
                Some(rank) => return Some(rank),
                None => format!(
                    "was {}, which Waypoint can't read as a place; the goal keeps its place in \
                     the list.",
                    excerpt(&Value::String(text.clone()))
                ),
            },
            None | Some(Value::Null) => {
                "was not given; the goal keeps its place in the list.".to_owned()
            }
            Some(other) => format!(
                "was {}, which Waypoint can't read as a place; the goal keeps its place in the \
                 list.",
                excerpt(other)
            ),
        };
        self.note("rank", NAME, said);
        None
    }

    fn found_time(&self, map: &Map<String, Value>, key: &str) -> Found<Timestamp> {
        match map.get(key) {
            None => Found::Missing,
            Some(Value::Null) => Found::Null,
            Some(Value::String(text)) => match Timestamp::parse(text) {
                Some(time) => Found::Read(time),
                None => Found::Unreadable(excerpt(&Value::String(text.clone()))),
            },
            Some(other) => Found::Unreadable(excerpt(other)),
        }
    }

    /// A time that may be `null` or left out; one that can't be read is
    /// left out with a note.
    fn optional_time(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        name: &'static str,
    ) -> Option<Timestamp> {
        match self.found_time(map, key) {
            Found::Read(time) => Some(time),
            Found::Missing | Found::Null => None,
            Found::Unreadable(said) => {
                self.note(
                    key,
                    name,
                    format!("was {said}, not a time Waypoint can read; it is left out."),
                );
                None
            }
        }
    }

    /// A time the schema requires: when missing or unreadable, the first of
    /// `instead` that is known (each with its name), else `fallback`.
    fn time(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        name: &'static str,
        instead: &[(&str, &'static str)],
        fallback: Timestamp,
    ) -> Timestamp {
        let problem = match self.found_time(map, key) {
            Found::Read(time) => return time,
            Found::Missing | Found::Null => format!("had no {name}"),
            Found::Unreadable(said) => {
                format!("had {said} as its {name}, which is not a time Waypoint can read")
            }
        };
        let (time, from) = instead
            .iter()
            .find_map(|(other, other_name)| match self.found_time(map, other) {
                Found::Read(time) => Some((time, format!("its {other_name}"))),
                _ => None,
            })
            .unwrap_or((fallback, "the plan's last change".to_owned()));
        self.note_item(
            key,
            format!(
                "{problem}; it is taken from {from} ({}).",
                time.local_date(&FixedOffset::UTC)
            ),
        );
        time
    }

    fn optional_date(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        name: &'static str,
    ) -> Option<Date> {
        match map.get(key) {
            None | Some(Value::Null) => None,
            Some(value) => {
                let date = value.as_str().and_then(Date::parse);
                if date.is_none() {
                    self.note(
                        key,
                        name,
                        format!(
                            "was {}, not a date Waypoint can read (such as 2026-03-31); it is left out.",
                            excerpt(value)
                        ),
                    );
                }
                date
            }
        }
    }

    /// A whole number in `range`, or `None` where the schema allows `null`
    /// (`nullable`); out of range, fractional or written as words, it is
    /// mended with a note. `when_missing` is what an absent one reads as.
    fn number(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        name: &'static str,
        range: RangeInclusive<u8>,
        nullable: bool,
    ) -> Option<u8> {
        let unset = if nullable { None } else { Some(*range.start()) };
        let unset_words = if nullable {
            "it is left unset".to_owned()
        } else {
            format!("it is now {}", range.start())
        };
        let (number, written) = match map.get(key) {
            None => return unset,
            Some(Value::Null) if nullable => return None,
            Some(Value::Number(number)) => (number.as_f64(), number.to_string()),
            Some(Value::String(text)) => (
                text.trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|number| number.is_finite()),
                format!("“{}”", cut(text, 20)),
            ),
            Some(other) => (None, excerpt(other)),
        };
        let Some(number) = number else {
            self.note(
                key,
                name,
                format!("was {written}, not a number; {unset_words}."),
            );
            return unset;
        };
        let (value, said) = mend_number(number, &written, &range);
        if !said.is_empty() {
            self.note(key, name, said);
        }
        Some(value)
    }

    /// True or false; anything else is `when_unsure`, with a note.
    fn boolean(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        name: &'static str,
        when_unsure: bool,
    ) -> bool {
        match map.get(key).map(yes_or_no) {
            Some(Ok(answer)) => answer,
            Some(Err(Some((answer, written)))) => {
                self.note(
                    key,
                    name,
                    format!("was {written}; it is read as {}.", yes(answer)),
                );
                answer
            }
            Some(Err(None)) | None => {
                let said = match map.get(key) {
                    None => format!("was not given; it is taken as {}.", yes(when_unsure)),
                    Some(value) => format!(
                        "was {}, not yes or no; it is taken as {}.",
                        excerpt(value),
                        yes(when_unsure)
                    ),
                };
                self.note(key, name, said);
                when_unsure
            }
        }
    }

    fn optional_boolean(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        name: &'static str,
    ) -> Option<bool> {
        match map.get(key) {
            None | Some(Value::Null) => None,
            Some(value) => match yes_or_no(value) {
                Ok(answer) => Some(answer),
                Err(Some((answer, written))) => {
                    self.note(
                        key,
                        name,
                        format!("was {written}; it is read as {}.", yes(answer)),
                    );
                    Some(answer)
                }
                Err(None) => {
                    self.note(
                        key,
                        name,
                        format!(
                            "was {}, not yes or no; it is left unanswered.",
                            excerpt(value)
                        ),
                    );
                    None
                }
            },
        }
    }

    /// One of a set of keys (a status, a kind), read by key, or by a
    /// spelling close to it (`In progress`); else `fallback`, with a note.
    fn choice<T: Copy + PartialEq>(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        name: &'static str,
        choices: Choices<T>,
        fallback: Option<T>,
    ) -> Option<T> {
        let Choices {
            all,
            key: key_of,
            label: label_of,
        } = choices;
        let found = match map.get(key) {
            None => None,
            Some(Value::Null) if fallback.is_none() => return None,
            Some(value) => Some(value),
        };
        if let Some(Value::String(text)) = found {
            if let Some(&exact) = all.iter().find(|&&choice| key_of(choice) == text) {
                return Some(exact);
            }
            let loose = loosely(text);
            if let Some(&close) = all.iter().find(|&&choice| {
                loosely(key_of(choice)) == loose || loosely(label_of(choice)) == loose
            }) {
                self.note(
                    key,
                    name,
                    format!(
                        "was written “{}”; it is read as {}.",
                        cut(text, 40),
                        label_of(close)
                    ),
                );
                return Some(close);
            }
        }
        let then = match fallback {
            Some(choice) => format!("it is now {}", label_of(choice)),
            None => "none is set".to_owned(),
        };
        let said = match found {
            None => format!("was not given; {then}."),
            Some(value) => format!(
                "was {}, which Waypoint doesn't know; {then}.",
                excerpt(value)
            ),
        };
        self.note(key, name, said);
        fallback
    }
}

/// The keys a field may hold (a goal's statuses), with the key and the
/// label of each.
struct Choices<T: 'static> {
    all: &'static [T],
    key: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
}

/// A number mended into `range`: rounded to a whole one, then brought
/// within the range, with what was done in words (empty when nothing was).
/// Shared with `mend`, which brings the numbers the types did read within
/// range, so that both say it the same way.
pub(super) fn mend_number(number: f64, written: &str, range: &RangeInclusive<u8>) -> (u8, String) {
    let whole = number.round();
    let (least, most) = (f64::from(*range.start()), f64::from(*range.end()));
    let value = whole.clamp(least, most) as u8;
    let said = if whole < least {
        format!("was {written}, less than the least it can be ({least}); it is now {value}.")
    } else if whole > most {
        format!("was {written}, more than the most it can be ({most}); it is now {value}.")
    } else if number != whole {
        format!("was {written}, not a whole number; it is now {value}.")
    } else if written.starts_with('“') {
        format!("was {written}, a number written as words; it is now {value}.")
    } else {
        return (value, String::new());
    };
    (value, said)
}

fn yes(answer: bool) -> &'static str {
    if answer {
        "yes"
    } else {
        "no"
    }
}

/// `Ok` for a JSON boolean; `Err(Some)` for a word that says yes or no (with
/// how it was written); `Err(None)` for anything else.
fn yes_or_no(value: &Value) -> Result<bool, Option<(bool, String)>> {
    match value {
        Value::Bool(answer) => Ok(*answer),
        Value::String(text) => match loosely(text).as_str() {
            "true" | "yes" | "y" | "1" => Err(Some((true, format!("“{}”", cut(text, 20))))),
            "false" | "no" | "n" | "0" => Err(Some((false, format!("“{}”", cut(text, 20))))),
            _ => Err(None),
        },
        Value::Number(number) if number.as_f64() == Some(1.0) => Err(Some((true, "1".into()))),
        Value::Number(number) if number.as_f64() == Some(0.0) => Err(Some((false, "0".into()))),
        _ => Err(None),
    }
}

/// A key or label as a person might type it: lower case, words joined by `_`.
fn loosely(text: &str) -> String {
    text.trim().to_lowercase().replace([' ', '-'], "_")
}

/// A value as it appears in the text, shortened: words in quotes, numbers
/// and the rest as written.
pub(super) fn excerpt(value: &Value) -> String {
    match value {
        Value::String(text) => format!("“{}”", cut(text, 40)),
        Value::Null => "nothing (null)".to_owned(),
        other => cut(&other.to_string(), 40),
    }
}

/// `text` cut to about `most` characters, with an ellipsis when cut.
pub(super) fn cut(text: &str, most: usize) -> String {
    match text.char_indices().nth(most) {
        None => text.to_owned(),
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
    }
}

/// An item that isn't an object: words become the item's main words (with
/// a note), anything else is left out (with a note quoting it).
fn not_an_object<T>(
    value: &Value,
    fields: &mut Fields,
    what: &str,
    from_words: impl FnOnce(String) -> T,
) -> Option<T> {
    match value {
        Value::String(words) => {
            fields.note_item(
                "",
                format!("was only words, not {what}; it is now {what} with those words."),
            );
            Some(from_words(words.clone()))
        }
        other => {
            fields.note_item(
                "",
                format!("was {}, not {what}; it was left out.", excerpt(other)),
            );
            None
        }
    }
}

const VISION_FIELDS: &[&str] = &[
    "want",
    "willing_to_work_for",
    "believe_can_be_real",
    "success",
    "statement",
    "horizon_years",
    "excitement",
    "history",
    "updated_at",
];

pub(super) fn vision(value: &Value, fields: &mut Fields) -> Vision {
    let map = match value {
        Value::Object(map) => map,
        Value::Null => {
            fields.note_item("", "had no value; it starts empty.".into());
            return Vision::default();
        }
        other => {
            return not_an_object(other, fields, "a vision", |statement| Vision {
                statement,
                ..Vision::default()
            })
            .unwrap_or_default()
        }
    };
    fields.check_known(map, VISION_FIELDS);
    Vision {
        want: fields.text_or_empty(map, "want", "answer to “What do you want?”"),
        willing_to_work_for: fields.text_or_empty(
            map,
            "willing_to_work_for",
            "answer to “What are you willing to work for?”",
        ),
        believe_can_be_real: fields.text_or_empty(
            map,
            "believe_can_be_real",
            "answer to “What do you believe can be real for you?”",
        ),
        success: success(map.get("success"), fields),
        statement: fields.text_or_empty(map, "statement", "statement"),
        horizon_years: fields.number(map, "horizon_years", "time horizon", HORIZON_YEARS, true),
        excitement: fields.number(
            map,
            "excitement",
            "excitement score",
            EXCITEMENT_SCORES,
            true,
        ),
        history: history(map.get("history"), fields),
        updated_at: fields.optional_time(map, "updated_at", "time of its last change"),
    }
}

/// The names of the meanings of success, as the Vision section shows them.
const FACETS: [(&str, &str, &str); 4] = [
    (
        "money",
        "weight of “Money” in what success means",
        "words for “Money” in what success means",
    ),
    (
        "accomplishments",
        "weight of “Accomplishments” in what success means",
        "words for “Accomplishments” in what success means",
    ),
    (
        "mission",
        "weight of “A larger mission” in what success means",
        "words for “A larger mission” in what success means",
    ),
    (
        "own_terms",
        "weight of “On my own terms” in what success means",
        "words for “On my own terms” in what success means",
    ),
];

fn success(value: Option<&Value>, fields: &mut Fields) -> SuccessMeaning {
    let mut meaning = SuccessMeaning::default();
    let map = match value {
        None => return meaning,
        Some(Value::Object(map)) => map,
        Some(other) => {
            let kept = match other {
                Value::Null => String::new(),
                other => fields.group_as_text("success", "meaning of success", other),
            };
            if kept.is_empty() {
                fields.note_item(
                    "success",
                    "had no meaning of success; it starts empty.".into(),
                );
            }
            meaning.own_terms.words = kept;
            return meaning;
        }
    };
    let mut inner = Fields::new(fields.notes, fields.subject, &fields.path_of("success"));
    inner.check_known(map, &["money", "accomplishments", "mission", "own_terms"]);
    for (key, weight_name, words_name) in FACETS {
        let facet = match key {
            "money" => &mut meaning.money,
            "accomplishments" => &mut meaning.accomplishments,
            "mission" => &mut meaning.mission,
            _ => &mut meaning.own_terms,
        };
        *facet = match map.get(key) {
            None => SuccessFacet::default(),
            Some(Value::Object(facet)) => {
                let mut fields = Fields::new(inner.notes, inner.subject, &inner.path_of(key));
                fields.check_known(facet, &["weight", "words"]);
                SuccessFacet {
                    weight: fields
                        .number(facet, "weight", weight_name, SUCCESS_WEIGHTS, false)
                        .unwrap_or(0),
                    words: fields.text_or_empty(facet, "words", words_name),
                }
            }
            Some(other) => SuccessFacet {
                weight: 0,
                words: match other {
                    Value::Null => {
                        inner.note(
                            key,
                            words_name,
                            "were not given; they are left empty.".into(),
                        );
                        String::new()
                    }
                    other => inner.group_as_text(key, words_name, other),
                },
            },
        };
    }
    meaning
}

fn history(value: Option<&Value>, fields: &mut Fields) -> Vec<VisionVersion> {
    let items = match value {
        None => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(other) => {
            fields.note(
                "history",
                "earlier statements",
                format!("were {}, not a list; none are kept.", excerpt(other)),
            );
            return Vec::new();
        }
    };
    let fallback = Timestamp::from_seconds(0);
    items
        .iter()
        .enumerate()
        .filter_map(|(at, item)| {
            let path = format!("{}[{at}]", fields.path_of("history"));
            let mut fields = Fields::new(fields.notes, Subject::EarlierVision(at), &path);
            let map = match item {
                Value::Object(map) => map,
                other => {
                    return not_an_object(other, &mut fields, "an earlier statement", |statement| {
                        VisionVersion {
                            statement,
                            horizon_years: None,
                            excitement: None,
                            replaced_at: fallback,
                        }
                    })
                }
            };
            fields.check_known(
                map,
                &["statement", "horizon_years", "excitement", "replaced_at"],
            );
            Some(VisionVersion {
                statement: fields.text(map, "statement", "words"),
                horizon_years: required_number(
                    &mut fields,
                    map,
                    "horizon_years",
                    "time horizon",
                    HORIZON_YEARS,
                ),
                excitement: required_number(
                    &mut fields,
                    map,
                    "excitement",
                    "excitement score",
                    EXCITEMENT_SCORES,
                ),
                replaced_at: fields.time(map, "replaced_at", "time it was replaced", &[], fallback),
            })
        })
        .collect()
}

/// A number the schema requires to be present, though it may be `null`.
fn required_number(
    fields: &mut Fields,
    map: &Map<String, Value>,
    key: &str,
    name: &'static str,
    range: RangeInclusive<u8>,
) -> Option<u8> {
    if !map.contains_key(key) {
        fields.note(key, name, "was not given; it is left unset.".into());
        return None;
    }
    fields.number(map, key, name, range, true)
}

const ASSET_FIELDS: &[&str] = &[
    "id",
    "kind",
    "name",
    "note",
    "level",
    "private",
    "created_at",
    "updated_at",
];

pub(super) fn asset(
    value: &Value,
    notes: &mut Vec<Note>,
    at: usize,
    fallback: Timestamp,
) -> Option<Asset> {
    let mut fields = Fields::new(notes, Subject::Asset(at), &format!("assets[{at}]"));
    let map = match value {
        Value::Object(map) => map,
        other => {
            return not_an_object(other, &mut fields, "a leverage entry", |name| Asset {
                id: Id::from(""),
                kind: AssetKind::Skill,
                name,
                note: String::new(),
                level: None,
                private: true,
                created_at: fallback,
                updated_at: None,
            })
        }
    };
    fields.check_known(map, ASSET_FIELDS);
    let kinds = Choices {
        all: &AssetKind::ALL,
        key: AssetKind::key,
        label: AssetKind::label,
    };
    Some(Asset {
        id: fields.id(map),
        kind: fields
            .choice(map, "kind", "kind", kinds, Some(AssetKind::Skill))
            .unwrap_or(AssetKind::Skill),
        name: fields.text(map, "name", "name"),
        note: fields.text(map, "note", "note"),
        level: required_number(&mut fields, map, "level", "strength", ASSET_STRENGTHS),
        // Unsure whether it was private: keep it private.
        private: fields.boolean(map, "private", "privacy", true),
        created_at: fields.time(
            map,
            "created_at",
            "creation time",
            &[("updated_at", "last change")],
            fallback,
        ),
        updated_at: fields.optional_time(map, "updated_at", "time of its last change"),
    })
}

const OPTION_FIELDS: &[&str] = &[
    "id",
    "kind",
    "title",
    "notes",
    "status",
    "created_at",
    "assets_used",
    "time_cost",
    "money_cost",
    "upside",
    "risks",
    "role_model",
    "experiment",
    "updated_at",
];

pub(super) fn option(
    value: &Value,
    notes: &mut Vec<Note>,
    at: usize,
    fallback: Timestamp,
) -> Option<CareerOption> {
    let mut fields = Fields::new(notes, Subject::Option(at), &format!("options[{at}]"));
    let map = match value {
        Value::Object(map) => map,
        other => {
            return not_an_object(other, &mut fields, "an option", |title| CareerOption {
                updated_at: None,
                ..CareerOption::new(Id::from(""), OptionKind::Other, title, fallback)
            })
        }
    };
    fields.check_known(map, OPTION_FIELDS);
    let kinds = Choices {
        all: &OptionKind::ALL,
        key: OptionKind::key,
        label: OptionKind::label,
    };
    let statuses = Choices {
        all: &OptionStatus::ALL,
        key: OptionStatus::key,
        label: OptionStatus::label,
    };
    Some(CareerOption {
        id: fields.id(map),
        kind: fields
            .choice(map, "kind", "kind", kinds, Some(OptionKind::Other))
            .unwrap_or(OptionKind::Other),
        title: fields.text(map, "title", "title"),
        notes: fields.text(map, "notes", "notes"),
        status: fields
            .choice(
                map,
                "status",
                "status",
                statuses,
                Some(OptionStatus::Considering),
            )
            .unwrap_or(OptionStatus::Considering),
        created_at: fields.time(
            map,
            "created_at",
            "creation time",
            &[("updated_at", "last change")],
            fallback,
        ),
        assets_used: fields.links(map, "assets_used", "leverage it builds on"),
        time_cost: fields.text_or_empty(map, "time_cost", "cost in time"),
        money_cost: fields.text_or_empty(map, "money_cost", "cost in money"),
        upside: fields.text_or_empty(map, "upside", "upside"),
        risks: fields.text_or_empty(map, "risks", "risks"),
        role_model: role_model(map.get("role_model"), &mut fields),
        experiment: experiment(map.get("experiment"), &mut fields),
        updated_at: fields.optional_time(map, "updated_at", "time of its last change"),
    })
}

/// A group of words (`role_model`, `experiment`): each field's words; words
/// found where the group should be go in its first field.
fn word_group<const N: usize>(
    value: Option<&Value>,
    fields: &mut Fields,
    key: &str,
    names: [(&str, &'static str); N],
) -> [String; N] {
    let mut words: [String; N] = std::array::from_fn(|_| String::new());
    match value {
        None => {}
        Some(Value::Object(map)) => {
            let mut inner = Fields::new(fields.notes, fields.subject, &fields.path_of(key));
            let known: Vec<&str> = names.iter().map(|(field, _)| *field).collect();
            inner.check_known(map, &known);
            for (slot, (field, name)) in words.iter_mut().zip(names) {
                *slot = inner.text_or_empty(map, field, name);
            }
        }
        Some(Value::Null) => {
            fields.note_item(key, format!("had no {}; it is left empty.", names[0].1));
        }
        Some(other) => words[0] = fields.group_as_text(key, names[0].1, other),
    }
    words
}

fn role_model(value: Option<&Value>, fields: &mut Fields) -> RoleModel {
    let [who, their_path, what_to_learn, how_to_reach] = word_group(
        value,
        fields,
        "role_model",
        [
            ("who", "role model"),
            ("their_path", "role model's path"),
            ("what_to_learn", "what to learn from the role model"),
            ("how_to_reach", "how to reach the role model"),
        ],
    );
    RoleModel {
        who,
        their_path,
        what_to_learn,
        how_to_reach,
    }
}

fn experiment(value: Option<&Value>, fields: &mut Fields) -> Experiment {
    let [what_to_try, what_it_will_teach] = word_group(
        value,
        fields,
        "experiment",
        [
            ("what_to_try", "experiment"),
            ("what_it_will_teach", "what the experiment will teach"),
        ],
    );
    Experiment {
        what_to_try,
        what_it_will_teach,
    }
}

const GOAL_FIELDS: &[&str] = &[
    "id",
    "parent",
    "wanted_parent",
    "rank",
    "title",
    "status",
    "target_date",
    "notes",
    "created_at",
    "completed_at",
    "dropped_reason",
    "from_option",
    "updated_at",
];

/// A goal, and whether it had a place among its siblings (its rank); one
/// without is given a place by `mend`, once its siblings are known.
pub(super) fn goal(
    value: &Value,
    notes: &mut Vec<Note>,
    at: usize,
    fallback: Timestamp,
) -> Option<(Goal, bool)> {
    let mut fields = Fields::new(notes, Subject::Goal(at), &format!("goals[{at}]"));
    let map = match value {
        Value::Object(map) => map,
        other => {
            let goal = not_an_object(other, &mut fields, "a goal", |title| Goal {
                id: Id::from(""),
                parent: None,
                wanted_parent: None,
                rank: Rank::first(),
                title,
                status: GoalStatus::Open,
                target_date: None,
                notes: String::new(),
                created_at: fallback,
                completed_at: None,
                dropped_reason: None,
                from_option: None,
                updated_at: fallback,
            });
            return goal.map(|goal| (goal, false));
        }
    };
    fields.check_known(map, GOAL_FIELDS);
    let rank = fields.rank(map);
    let ranked = rank.is_some();
    let statuses = Choices {
        all: &GoalStatus::ALL,
        key: GoalStatus::key,
        label: GoalStatus::label,
    };
    let goal = Goal {
        id: fields.id(map),
        parent: fields.link(
            map,
            "parent",
            "place in the tree",
            "it is now a long-term goal.",
        ),
        wanted_parent: fields.link(
            map,
            "wanted_parent",
            "place another device gave it",
            "it stays where it is.",
        ),
        rank: rank.unwrap_or_else(Rank::first),
        title: fields.text(map, "title", "title"),
        status: fields
            .choice(map, "status", "status", statuses, Some(GoalStatus::Open))
            .unwrap_or(GoalStatus::Open),
        target_date: fields.optional_date(map, "target_date", "target date"),
        notes: fields.text(map, "notes", "notes"),
        created_at: fields.time(
            map,
            "created_at",
            "creation time",
            &[("updated_at", "last change")],
            fallback,
        ),
        completed_at: fields.optional_time(map, "completed_at", "time it was done"),
        dropped_reason: fields.optional_text(map, "dropped_reason", "reason for dropping it"),
        from_option: fields.link(
            map,
            "from_option",
            "link to the option it was made from",
            "the link was dropped.",
        ),
        updated_at: fields.time(
            map,
            "updated_at",
            "time of its last change",
            &[("created_at", "creation time")],
            fallback,
        ),
    };
    Some((goal, ranked))
}

const CHECK_IN_FIELDS: &[&str] = &[
    "id",
    "date",
    "what_happened",
    "what_i_learned",
    "what_i_will_change",
    "created_at",
    "vision_still_right",
    "changes",
    "updated_at",
];

pub(super) fn check_in(
    value: &Value,
    notes: &mut Vec<Note>,
    at: usize,
    fallback: Timestamp,
) -> Option<CheckIn> {
    let mut fields = Fields::new(notes, Subject::CheckIn(at), &format!("check_ins[{at}]"));
    let map = match value {
        Value::Object(map) => map,
        other => {
            return not_an_object(other, &mut fields, "a check-in", |what_happened| CheckIn {
                id: Id::from(""),
                date: fallback.local_date(&FixedOffset::UTC),
                what_happened,
                what_i_learned: String::new(),
                what_i_will_change: String::new(),
                created_at: fallback,
                vision_still_right: None,
                changes: Vec::new(),
                updated_at: None,
            })
        }
    };
    fields.check_known(map, CHECK_IN_FIELDS);
    let created_at = fields.time(map, "created_at", "creation time", &[], fallback);
    let date = match map.get("date") {
        Some(Value::String(text)) if Date::parse(text).is_some() => Date::parse(text),
        _ => None,
    };
    let date = date.unwrap_or_else(|| {
        let said = match map.get("date") {
            None | Some(Value::Null) => "had no date".to_owned(),
            Some(other) => format!(
                "had {} as its date, which is not a date Waypoint can read",
                excerpt(other)
            ),
        };
        fields.note_item(
            "date",
            format!(
                "{said}; it is taken from when it was written ({}).",
                created_at.local_date(&FixedOffset::UTC)
            ),
        );
        // The reader knows no time zone: a check-in's day taken from its
        // time is the day in UTC, as the file's own times are written.
        created_at.local_date(&FixedOffset::UTC)
    });
    Some(CheckIn {
        id: fields.id(map),
        date,
        what_happened: fields.text(map, "what_happened", "answer to “What happened?”"),
        what_i_learned: fields.text(map, "what_i_learned", "answer to “What did I learn?”"),
        what_i_will_change: fields.text(
            map,
            "what_i_will_change",
            "answer to “What will I change?”",
        ),
        created_at,
        vision_still_right: fields.optional_boolean(
            map,
            "vision_still_right",
            "answer to “Is the vision still right?”",
        ),
        changes: fields.texts(map, "changes", "record of what it changed"),
        updated_at: fields.optional_time(map, "updated_at", "time of its last change"),
    })
}

const REMOVAL_FIELDS: &[&str] = &["id", "removed_at", "parent"];

/// A record of a removed item. It holds none of the person's words, so one
/// that can't be read is let go, with a note: the worst that follows is that
/// a merge with an older copy brings that item back.
pub(super) fn removal(value: &Value, notes: &mut Vec<Note>, at: usize) -> Option<Removal> {
    let mut fields = Fields::new(notes, Subject::Plan, &format!("removed[{at}]"));
    let record = match value {
        Value::Object(map) => map,
        other => {
            fields.note_item(
                "",
                format!(
                    "listed {} among the removed items, which is not a record of one; it was \
                     let go.",
                    excerpt(other)
                ),
            );
            return None;
        }
    };
    fields.check_known(record, REMOVAL_FIELDS);
    let id = match record.get("id") {
        Some(Value::String(id)) if !id.is_empty() => Some(Id::from(id.as_str())),
        Some(Value::Number(number)) => {
            let id = number.to_string();
            fields.note_item(
                "id",
                format!(
                    "had a record of a removed item whose id was the number {id}; it is read \
                     as the id “{id}”."
                ),
            );
            Some(Id::from(id.as_str()))
        }
        _ => None,
    };
    let removed_at = match fields.found_time(record, "removed_at") {
        Found::Read(time) => Some(time),
        _ => None,
    };
    let at_fault = if id.is_none() { "id" } else { "removed_at" };
    match (id, removed_at) {
        (Some(id), Some(removed_at)) => Some(Removal {
            id,
            removed_at,
            parent: match record.get("parent") {
                None | Some(Value::Null) => None,
                Some(Value::String(id)) => Some(Id::from(id.as_str())),
                Some(other) => {
                    fields.note_item(
                        "parent",
                        format!(
                            "had a record of a removed goal whose place in the tree was {}, not \
                             an id; that place was left out.",
                            excerpt(other)
                        ),
                    );
                    None
                }
            },
        }),
        _ => {
            fields.note_item(
                at_fault,
                "had a record of a removed item without the item's id or the time it was \
                 removed; the record was let go."
                    .into(),
            );
            None
        }
    }
}

pub(super) fn review_rhythm(value: &Value, fields: &mut Fields) -> Option<ReviewRhythm> {
    let rhythms = Choices {
        all: &ReviewRhythm::ALL,
        key: ReviewRhythm::key,
        label: ReviewRhythm::label,
    };
    let map: Map<String, Value> = [("review_rhythm".to_owned(), value.clone())]
        .into_iter()
        .collect();
    fields.choice(&map, "review_rhythm", "review rhythm", rhythms, None)
}

/// One of the plan's own times (`updated_at`, `review_rhythm_updated_at`).
pub(super) fn plan_time(
    key: &str,
    name: &'static str,
    value: &Value,
    fields: &mut Fields,
) -> Option<Timestamp> {
    let map: Map<String, Value> = [(key.to_owned(), value.clone())].into_iter().collect();
    fields.optional_time(&map, key, name)
}
