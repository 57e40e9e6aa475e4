//! The one careful reader of plan texts: the plan saved in this browser, the
//! copies kept beside it, imported files and share links all come through
//! here, with one of three outcomes:
//!
//! - **read**: the text is a plan that keeps every rule, read as it is;
//! - **read with repairs**: a plan of a known version that breaks rules
//!   which can be mended without losing the person's words (two items with
//!   one id, a parent that isn't there, a loop, one level too deep, a score
//!   out of range, a field of the wrong kind or one the plan doesn't have);
//!   each repair is listed in words the person understands, with where in
//!   the text it was, to be shown before anything changes;
//! - **unreadable** ([`PlanFileError`]): text that isn't JSON, JSON that
//!   isn't a Waypoint plan, or a plan from a newer version.
//!
//! A text that reads straight into the plan's types and keeps the rules
//! takes the quick way; anything else is read a part at a time, each part
//! read quickly where it can be and carefully (`fields`) where it can't,
//! then mended as a whole (`mend`). [`PlanReader`] does the same in slices
//! of goals, so that a plan of tens of thousands of goals can be read
//! between frames.

use super::calendar::Timestamp;
use super::format::{check_integrity, PlanFileError, MAX_PLAN_FILE_BYTES};
use super::migrate::migrate_to_current;
use super::objects;
use super::plan::{
    Asset, CareerOption, CheckIn, Goal, Plan, Removal, ReviewRhythm, Vision, FORMAT_ID,
    SCHEMA_VERSION,
};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::BTreeMap;

mod fields;
mod mend;
mod words;

#[cfg(test)]
mod schema_tests;
#[cfg(test)]
mod tests;

pub use words::{Explanation, Origin};

/// One repair, in words, and where in the text it was (a path such as
/// `goals[7].parent`, for those who want to look).
#[derive(Clone, Debug, PartialEq)]
pub struct Repair {
    pub words: String,
    pub path: String,
}

/// A plan as read, with the repairs it needed (none when it was read as it is).
#[derive(Clone, Debug, PartialEq)]
pub struct ReadPlan {
    pub plan: Plan,
    pub repairs: Vec<Repair>,
}

/// What a note is about, by its place in the text; named in words once the
/// plan is whole (a goal's name depends on where it ends up).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Subject {
    /// The text as a whole (its encoding).
    Text,
    Plan,
    Vision,
    /// An earlier vision statement, by its place in the history.
    EarlierVision(usize),
    Asset(usize),
    Option(usize),
    Goal(usize),
    CheckIn(usize),
}

/// Something the reader mended, before it has words.
#[derive(Clone, Debug)]
struct Note {
    subject: Subject,
    path: String,
    /// The field, in words ("excitement score"); `None` for the item itself.
    field: Option<&'static str>,
    /// What was found and what was done, from the verb on: "was 11, more
    /// than the most the app offers (10); it is now 10."
    said: String,
    /// Name the goal by its title alone (it was moved, so its level and
    /// parent would say where it ended up, not where it was).
    by_title: bool,
    /// Another item `said` names, where it says `{other}`.
    other: Option<Subject>,
}

impl Note {
    fn new(subject: Subject, path: String, field: Option<&'static str>, said: String) -> Self {
        Self {
            subject,
            path,
            field,
            said,
            by_title: false,
            other: None,
        }
    }
}

/// Reads any text that claims to be a plan: the quick way when it is one
/// as written, carefully otherwise.
pub fn read_plan(text: &str) -> Result<ReadPlan, PlanFileError> {
    if text.len() > MAX_PLAN_FILE_BYTES {
        return Err(PlanFileError::TooLarge { bytes: text.len() });
    }
    if let Some(plan) = read_as_written(text) {
        return Ok(ReadPlan {
            plan,
            repairs: Vec::new(),
        });
    }
    let mut reader = PlanReader::start(text.to_owned())?;
    while !reader.read_some(usize::MAX) {}
    reader.finish()
}

/// Reads the bytes of a file or an unpacked link, whose text encoding is
/// not known yet.
pub fn read_plan_bytes(bytes: Vec<u8>) -> Result<ReadPlan, PlanFileError> {
    let mut reader = PlanReader::from_bytes(bytes)?;
    while !reader.read_some(usize::MAX) {}
    reader.finish()
}

/// Nearly every text is a plan of this version that keeps every rule: read
/// straight into the plan's types, which refuse any field they don't know.
fn read_as_written(text: &str) -> Option<Plan> {
    let plan: Plan = objects::from_text(text).ok()?;
    let current = plan.format == FORMAT_ID && plan.schema_version == SCHEMA_VERSION;
    (current && check_integrity(&plan).is_ok()).then_some(plan)
}

/// The parts of a plan read so far, each list with the place of each item
/// in the text.
#[derive(Default)]
struct Parts {
    vision: Vision,
    assets: Vec<(usize, Asset)>,
    options: Vec<(usize, CareerOption)>,
    goals: Vec<(usize, Goal)>,
    check_ins: Vec<(usize, CheckIn)>,
    review_rhythm: Option<ReviewRhythm>,
    review_rhythm_updated_at: Option<Timestamp>,
    removed: Vec<(usize, Removal)>,
    updated_at: Option<Timestamp>,
    /// The places in the text of goals that had no place among their
    /// siblings (no rank).
    unranked: Vec<usize>,
}

/// Where the goals stand: not yet split into items, split (each item's
/// start and end in the text), or not in the text at all.
enum Goals {
    Unsplit { start: usize, end: usize },
    Split(Vec<(usize, usize)>),
}

/// The reader, a slice of goals at a time: [`start`](Self::start) reads all
/// but the goals, [`read_some`](Self::read_some) a number of goals per
/// call, and [`finish`](Self::finish) mends the whole and words the repairs.
pub struct PlanReader {
    text: String,
    goals: Goals,
    next_goal: usize,
    parts: Parts,
    notes: Vec<Note>,
    /// The time a missing or unreadable time of an item falls back to.
    fallback_time: Timestamp,
    /// What makes the text unreadable after all, found among the goals.
    problem: Option<PlanFileError>,
}

impl PlanReader {
    /// Decodes bytes as UTF-8 (or UTF-16, said in a note, where the text
    /// starts with its mark), then [`start`](Self::start)s.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, PlanFileError> {
        if bytes.len() > MAX_PLAN_FILE_BYTES {
            return Err(PlanFileError::TooLarge { bytes: bytes.len() });
        }
        let (text, from_utf16) = decode(bytes)?;
        let mut reader = Self::start(text)?;
        if from_utf16 {
            reader.notes.insert(
                0,
                Note::new(
                    Subject::Text,
                    "plan".into(),
                    None,
                    "was saved as UTF-16 rather than UTF-8, the encoding of plan files; \
                     Waypoint read it all the same."
                        .into(),
                ),
            );
        }
        Ok(reader)
    }

    /// Reads what the text is and every part of it but the goals.
    pub fn start(text: String) -> Result<Self, PlanFileError> {
        if text.len() > MAX_PLAN_FILE_BYTES {
            return Err(PlanFileError::TooLarge { bytes: text.len() });
        }
        if text.is_empty() {
            return Err(PlanFileError::Empty);
        }
        if text.trim_matches(is_blank).is_empty() {
            return Err(PlanFileError::Blank);
        }
        let top: BTreeMap<String, &RawValue> =
            serde_json::from_str(&text).map_err(|error| not_json_or_not_a_plan(&text, error))?;
        let format = top
            .get("format")
            .and_then(|raw| serde_json::from_str::<String>(raw.get()).ok());
        if format.as_deref() != Some(FORMAT_ID) {
            return Err(PlanFileError::NotAPlan);
        }
        match top
            .get("schema_version")
            .map(|raw| parse_value(raw))
            .transpose()?
        {
            None => {
                return Err(PlanFileError::UnknownVersion {
                    found: "none".into(),
                })
            }
            Some(Value::Number(number)) => match number.as_u64() {
                Some(version) if version == u64::from(SCHEMA_VERSION) => {}
                Some(version) if version > u64::from(SCHEMA_VERSION) => {
                    return Err(PlanFileError::NewerVersion { found: version })
                }
                // Every earlier version has a migration step; the plan it
                // becomes is read like any other.
                Some(version) => {
                    let migrated = migrate_to_current(parse_value_of(&text)?, version)?;
                    return Self::start(migrated.to_string());
                }
                None => {
                    return Err(PlanFileError::UnknownVersion {
                        found: number.to_string(),
                    })
                }
            },
            Some(other) => {
                return Err(PlanFileError::UnknownVersion {
                    found: other.to_string(),
                })
            }
        }

        let mut notes = Vec::new();
        let fallback_time = top
            .get("updated_at")
            .and_then(|raw| serde_json::from_str::<Timestamp>(raw.get()).ok())
            .unwrap_or(Timestamp::from_seconds(0));
        let mut parts = Parts::default();
        let mut goals = Goals::Split(Vec::new());
        let mut plan_fields = fields::Fields::new(&mut notes, Subject::Plan, "");
        for key in top.keys() {
            if !PLAN_FIELDS.contains(&key.as_str()) {
                let value = parse_value(top[key])?;
                plan_fields.unknown(key, &value);
            }
        }
        for (key, name) in [
            ("vision", "vision"),
            ("assets", "leverage"),
            ("options", "options"),
            ("goals", "goals"),
            ("check_ins", "check-ins"),
            ("removed", "removed items"),
            ("updated_at", "time of its last change"),
        ] {
            if !top.contains_key(key) {
                plan_fields.missing(key, name);
            }
        }
        drop(plan_fields);

        if let Some(raw) = top.get("vision") {
            parts.vision = read_part(raw, |value| {
                fields::vision(
                    value,
                    &mut fields::Fields::new(&mut notes, Subject::Vision, "vision"),
                )
            })?;
        }
        if let Some(raw) = top.get("assets") {
            parts.assets = read_list(raw, "assets", "leverage", &mut notes, |value, notes, at| {
                fields::asset(value, notes, at, fallback_time)
            })?;
        }
        if let Some(raw) = top.get("options") {
            parts.options =
                read_list(raw, "options", "options", &mut notes, |value, notes, at| {
                    fields::option(value, notes, at, fallback_time)
                })?;
        }
        if let Some(raw) = top.get("check_ins") {
            parts.check_ins = read_list(
                raw,
                "check_ins",
                "check-ins",
                &mut notes,
                |value, notes, at| fields::check_in(value, notes, at, fallback_time),
            )?;
        }
        if let Some(raw) = top.get("review_rhythm") {
            parts.review_rhythm = read_part(raw, |value| {
                fields::review_rhythm(
                    value,
                    &mut fields::Fields::new(&mut notes, Subject::Plan, ""),
                )
            })?;
        }
        if let Some(raw) = top.get("review_rhythm_updated_at") {
            parts.review_rhythm_updated_at = read_part(raw, |value| {
                fields::plan_time(
                    "review_rhythm_updated_at",
                    "time its review rhythm was chosen",
                    value,
                    &mut fields::Fields::new(&mut notes, Subject::Plan, ""),
                )
            })?;
        }
        if let Some(raw) = top.get("removed") {
            parts.removed =
                read_list(raw, "removed", "removed items", &mut notes, fields::removal)?;
        }
        if let Some(raw) = top.get("updated_at") {
            parts.updated_at = read_part(raw, |value| {
                fields::plan_time(
                    "updated_at",
                    "time of its last change",
                    value,
                    &mut fields::Fields::new(&mut notes, Subject::Plan, ""),
                )
            })?;
        }
        if let Some(raw) = top.get("goals") {
            let start = offset_in(&text, raw.get());
            goals = Goals::Unsplit {
                start,
                end: start + raw.get().len(),
            };
        }
        Ok(Self {
            text,
            goals,
            next_goal: 0,
            parts,
            notes,
            fallback_time,
            problem: None,
        })
    }

    /// How many goals the text holds, once known (after the first
    /// [`read_some`](Self::read_some)).
    pub fn goals_in_text(&self) -> Option<usize> {
        match &self.goals {
            Goals::Unsplit { .. } => None,
            Goals::Split(spans) => Some(spans.len()),
        }
    }

    /// How many goals are read so far.
    pub fn goals_read(&self) -> usize {
        self.next_goal
    }

    /// Reads up to `count` more goals (the first call splits the goal list
    /// into its items and reads none). True once every goal is read.
    pub fn read_some(&mut self, count: usize) -> bool {
        if let Goals::Unsplit { start, end } = self.goals {
            self.goals = Goals::Split(self.split_goals(start, end));
            if count != usize::MAX {
                return self.goals_in_text() == Some(0);
            }
        }
        let Goals::Split(spans) = &self.goals else {
            return true;
        };
        let to = spans.len().min(self.next_goal.saturating_add(count));
        for (at, &(start, end)) in spans.iter().enumerate().take(to).skip(self.next_goal) {
            let text = &self.text[start..end];
            let goal = match objects::from_text::<Goal>(text) {
                Ok(goal) => Some((goal, true)),
                Err(_) => match parse_value(raw_of(text)) {
                    Ok(value) => fields::goal(&value, &mut self.notes, at, self.fallback_time),
                    Err(problem) => {
                        self.problem.get_or_insert(problem);
                        None
                    }
                },
            };
            if let Some((goal, ranked)) = goal {
                if !ranked {
                    self.parts.unranked.push(at);
                }
                self.parts.goals.push((at, goal));
            }
        }
        self.next_goal = to;
        to == spans.len()
    }

    /// The goal list split into its items' texts; anything but a list is
    /// noted and read as none.
    fn split_goals(&mut self, start: usize, end: usize) -> Vec<(usize, usize)> {
        let list = &self.text[start..end];
        match list_items(list) {
            Some(items) => items
                .into_iter()
                .map(|(from, to)| (start + from, start + to))
                .collect(),
            None => {
                match parse_value(raw_of(list)) {
                    Ok(value) => fields::Fields::new(&mut self.notes, Subject::Plan, "")
                        .not_a_list("goals", "goals", &value),
                    Err(problem) => self.problem = Some(problem),
                }
                Vec::new()
            }
        }
    }

    /// Mends the plan as a whole and words every repair. Errs only where
    /// the goal list can't be read at all.
    pub fn finish(mut self) -> Result<ReadPlan, PlanFileError> {
        while !self.read_some(usize::MAX) {}
        if let Some(problem) = self.problem {
            return Err(problem);
        }
        let mended = mend::mend(self.parts, &mut self.notes)?;
        let repairs = words::repairs(&self.notes, &mended);
        Ok(ReadPlan {
            plan: mended.plan,
            repairs,
        })
    }
}

/// The fields a plan has, as the schema names them.
const PLAN_FIELDS: &[&str] = &[
    "format",
    "schema_version",
    "vision",
    "assets",
    "options",
    "goals",
    "check_ins",
    "review_rhythm",
    "review_rhythm_updated_at",
    "removed",
    "updated_at",
];

/// Spaces, tabs and line breaks, which JSON allows around a value, and a
/// byte order mark some editors put first.
fn is_blank(character: char) -> bool {
    matches!(character, ' ' | '\t' | '\n' | '\r' | '\u{feff}')
}

/// The text of bytes: UTF-8 (without its byte order mark, if any), or
/// UTF-16 where the text starts with its mark (the second value says so).
fn decode(bytes: Vec<u8>) -> Result<(String, bool), PlanFileError> {
    if bytes.is_empty() {
        return Err(PlanFileError::Empty);
    }
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(u16::from_le_bytes as fn([u8; 2]) -> u16),
        Some([0xFE, 0xFF]) => Some(u16::from_be_bytes as fn([u8; 2]) -> u16),
        _ => None,
    };
    if let Some(unit) = utf16 {
        if !bytes.len().is_multiple_of(2) {
            return Err(PlanFileError::BrokenUtf16);
        }
        let units = bytes[2..]
            .chunks_exact(2)
            .map(|pair| unit([pair[0], pair[1]]));
        return char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map(|text| (text, true))
            .map_err(|_| PlanFileError::BrokenUtf16);
    }
    let without_mark = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes[3..].to_vec()
    } else {
        bytes
    };
    String::from_utf8(without_mark)
        .map(|text| (text, false))
        .map_err(|error| PlanFileError::NotText {
            at: error.utf8_error().valid_up_to(),
            looks_like: looks_like(error.as_bytes()),
        })
}

/// Kinds of file people pick by mistake, by their first bytes.
fn looks_like(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 7] = [
        (b"\x89PNG", "a PNG picture"),
        (b"\xFF\xD8\xFF", "a JPEG picture"),
        (b"GIF8", "a GIF picture"),
        (b"%PDF", "a PDF document"),
        (
            b"PK\x03\x04",
            "a compressed (zip) file, such as a Word or Excel document",
        ),
        (b"\xD0\xCF\x11\xE0", "an older Office document"),
        (b"\x1F\x8B", "a compressed (gzip) file"),
    ];
    SIGNATURES
        .iter()
        .find(|(signature, _)| bytes.starts_with(signature))
        .map(|(_, kind)| *kind)
}

/// Why text that didn't read as a JSON object isn't a plan: it is JSON of
/// another shape (another program's), or not JSON at all.
fn not_json_or_not_a_plan(text: &str, error: serde_json::Error) -> PlanFileError {
    if error.classify() == serde_json::error::Category::Data {
        // The text began as some other JSON value; it is another
        // program's data if the whole of it is JSON (of a depth JSON
        // readers follow).
        return match serde_json::from_str::<Value>(text) {
            Ok(_) => PlanFileError::NotAPlan,
            Err(error) => json_error(error),
        };
    }
    json_error(error)
}

fn json_error(error: serde_json::Error) -> PlanFileError {
    if error.to_string().starts_with("recursion limit exceeded") {
        return PlanFileError::TooDeeplyNested;
    }
    PlanFileError::NotJson {
        line: error.line(),
        column: error.column(),
        cut_off: error.classify() == serde_json::error::Category::Eof,
    }
}

/// The items of `list`, JSON already known to be well formed, as where each
/// begins and ends in it; `None` if it is not a list. A scan for the commas
/// between items, a fraction of the work of reading them, which a plan of
/// tens of thousands of goals does in one task.
fn list_items(list: &str) -> Option<Vec<(usize, usize)>> {
    let bytes = list.as_bytes();
    if bytes.first() != Some(&b'[') {
        return None;
    }
    let mut items = Vec::new();
    // Inside the list: how deep in the item, whether in a string (and just
    // after a backslash there), and where the item began and last ended.
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut item: Option<(usize, usize)> = None;
    for (at, &byte) in bytes.iter().enumerate().skip(1) {
        if in_string {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
        } else {
            match byte {
                b' ' | b'\t' | b'\n' | b'\r' => continue,
                b',' | b']' if depth == 0 => {
                    items.extend(item.take());
                    continue;
                }
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => depth -= 1,
                _ => {}
            }
        }
        let begun = item.map_or(at, |(begun, _)| begun);
        item = Some((begun, at + 1));
    }
    Some(items)
}

/// Where `part`, a slice of `text`, begins in it.
fn offset_in(text: &str, part: &str) -> usize {
    part.as_ptr() as usize - text.as_ptr() as usize
}

/// The text of a JSON value already known to be whole.
fn raw_of(text: &str) -> &RawValue {
    serde_json::from_str(text).expect("the text was read as a JSON value before")
}

/// A JSON value already known to be whole, as a tree: this fails only on
/// nesting deeper than the tree is built for (far deeper than a plan).
fn parse_value(raw: &RawValue) -> Result<Value, PlanFileError> {
    serde_json::from_str(raw.get()).map_err(json_error)
}

fn parse_value_of(text: &str) -> Result<Value, PlanFileError> {
    serde_json::from_str(text).map_err(json_error)
}

/// A part read the quick way, or carefully where that fails.
fn read_part<T: DeserializeOwned>(
    raw: &RawValue,
    carefully: impl FnOnce(&Value) -> T,
) -> Result<T, PlanFileError> {
    match objects::from_text(raw.get()) {
        Ok(part) => Ok(part),
        Err(_) => Ok(carefully(&parse_value(raw)?)),
    }
}

/// A list of items, each read the quick way or carefully; `key` is where
/// it is in the plan and `name` what the person calls it. `read` gets the
/// item, the notes and its place in the list, and may leave it out.
fn read_list<T: DeserializeOwned>(
    raw: &RawValue,
    key: &'static str,
    name: &'static str,
    notes: &mut Vec<Note>,
    mut read: impl FnMut(&Value, &mut Vec<Note>, usize) -> Option<T>,
) -> Result<Vec<(usize, T)>, PlanFileError> {
    if let Ok(items) = objects::list::<_, T>(&mut serde_json::Deserializer::from_str(raw.get())) {
        return Ok(items.into_iter().enumerate().collect());
    }
    let value = parse_value(raw)?;
    let Value::Array(items) = &value else {
        fields::Fields::new(notes, Subject::Plan, "").not_a_list(key, name, &value);
        return Ok(Vec::new());
    };
    Ok(items
        .iter()
        .enumerate()
        .filter_map(|(at, item)| {
            let quick = objects::from_value::<T>(item).ok();
            quick
                .or_else(|| read(item, notes, at))
                .map(|item| (at, item))
        })
        .collect())
}
