//! The schema and the reader agree: every constraint of
//! `public/plan.schema.json` is broken once, in a plan that uses every field,
//! and the reader either refuses the text (for what says it is a plan:
//! `format`, `schema_version`) or reads it with a repair at the place broken,
//! into a plan that keeps every rule. Values at the edges the schema allows
//! read without a repair. The cases come from the schema itself, so a rule
//! added there is tried here; a keyword this test doesn't know fails it.

use super::{read_plan, ReadPlan};
use crate::domain::calendar::{Date, Timestamp};
use crate::domain::format::{check_integrity, to_file_text, PlanFileError};
use crate::domain::plan::*;
use crate::domain::rank::Rank;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

const SCHEMA: &str = include_str!("../../../public/plan.schema.json");

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_seconds(1_790_000_000 + seconds)
}

/// A plan with a value in every field the schema has, optional ones too.
fn full_plan() -> Plan {
    let facet = |weight, words: &str| SuccessFacet {
        weight,
        words: words.into(),
    };
    let goal = |id: &str, parent: Option<&str>, rank: &str| Goal {
        id: Id::from(id),
        parent: parent.map(Id::from),
        wanted_parent: None,
        rank: Rank::parse(rank).unwrap(),
        title: format!("Goal {id}"),
        status: GoalStatus::Open,
        target_date: None,
        notes: String::new(),
        created_at: at(0),
        completed_at: None,
        dropped_reason: None,
        from_option: None,
        updated_at: at(1),
    };
    Plan {
        vision: Vision {
            want: "Stories children ask for again".into(),
            willing_to_work_for: "Early mornings".into(),
            believe_can_be_real: "A shelf of my books".into(),
            success: SuccessMeaning {
                money: facet(2, "Enough to write"),
                accomplishments: facet(4, "Ten books"),
                mission: facet(5, "Children who read"),
                own_terms: facet(1, "Mornings free"),
            },
            statement: "Become a bestselling author of children's books".into(),
            horizon_years: Some(5),
            excitement: Some(9),
            history: vec![VisionVersion {
                statement: "Write a book".into(),
                horizon_years: Some(2),
                excitement: Some(6),
                replaced_at: at(2),
            }],
            updated_at: Some(at(3)),
        },
        assets: vec![Asset {
            id: Id::from("a-1"),
            kind: AssetKind::Skill,
            name: "Storytelling".into(),
            note: "Ten years of bedtime stories".into(),
            level: Some(4),
            private: false,
            created_at: at(0),
            updated_at: Some(at(4)),
        }],
        options: vec![CareerOption {
            id: Id::from("o-1"),
            kind: OptionKind::StudyRoleModel,
            title: "Learn from an author".into(),
            notes: "She started as a teacher".into(),
            status: OptionStatus::Chosen,
            created_at: at(0),
            assets_used: vec![Id::from("a-1")],
            time_cost: "A year".into(),
            money_cost: "None".into(),
            upside: "A mentor".into(),
            risks: "Her time".into(),
            role_model: RoleModel {
                who: "A local author".into(),
                their_path: "Teacher first".into(),
                what_to_learn: "Finding an agent".into(),
                how_to_reach: "Her signing".into(),
            },
            experiment: Experiment {
                what_to_try: "One story a week".into(),
                what_it_will_teach: "Whether I keep it up".into(),
            },
            updated_at: Some(at(5)),
        }],
        goals: vec![
            Goal {
                from_option: Some(Id::from("o-1")),
                ..goal("g-1", None, "V")
            },
            Goal {
                target_date: Date::parse("2027-05-01"),
                status: GoalStatus::Done,
                completed_at: Some(at(6)),
                // Another device put it under a goal removed here.
                wanted_parent: Some(Id::from("g-9")),
                ..goal("g-2", Some("g-1"), "V")
            },
            Goal {
                status: GoalStatus::Dropped,
                dropped_reason: Some("No longer needed".into()),
                ..goal("g-3", Some("g-1"), "W")
            },
        ],
        check_ins: vec![CheckIn {
            id: Id::from("c-1"),
            date: Date::parse("2026-09-14").unwrap(),
            what_happened: "Finished two steps".into(),
            what_i_learned: "Short sessions work".into(),
            what_i_will_change: "Draw in the mornings".into(),
            created_at: at(7),
            vision_still_right: Some(true),
            changes: vec!["Added a step".into()],
            updated_at: Some(at(7)),
        }],
        review_rhythm: Some(ReviewRhythm::Weekly),
        review_rhythm_updated_at: Some(at(7)),
        removed: vec![
            Removal {
                id: Id::from("a-9"),
                removed_at: at(6),
                parent: None,
            },
            Removal {
                id: Id::from("g-9"),
                removed_at: at(6),
                parent: Some(Id::from("g-1")),
            },
        ],
        updated_at: Some(at(8)),
        ..Plan::default()
    }
}

/// One change to the plan's JSON that breaks (or, for `edge`, keeps) one
/// constraint of the schema.
#[derive(Debug)]
struct Case {
    /// Where, as a JSON pointer.
    pointer: String,
    /// The constraint, for the failure message: `maximum 10 at /vision/excitement`.
    rule: String,
    change: Change,
}

#[derive(Debug)]
enum Change {
    Set(Value),
    Remove,
}

/// Every constraint the schema puts on `instance` (at `pointer`), broken
/// once each; and, in `edges`, values the schema allows at its limits.
struct Walker<'s> {
    root: &'s Value,
    cases: Vec<Case>,
    edges: Vec<Case>,
    keywords: BTreeSet<String>,
    /// Each property the schema declares, and each the full plan has, by
    /// its place with list positions left out (`/goals/*/parent`).
    declared: BTreeSet<String>,
    present: BTreeSet<String>,
}

impl<'s> Walker<'s> {
    fn new(root: &'s Value) -> Self {
        Self {
            root,
            cases: Vec::new(),
            edges: Vec::new(),
            keywords: BTreeSet::new(),
            declared: BTreeSet::new(),
            present: BTreeSet::new(),
        }
    }

    fn resolve(&self, node: &'s Value) -> &'s Value {
        match node.get("$ref").and_then(Value::as_str) {
            Some(reference) => {
                let name = reference
                    .strip_prefix("#/$defs/")
                    .unwrap_or_else(|| panic!("only local $refs are known here: {reference}"));
                &self.root["$defs"][name]
            }
            None => node,
        }
    }

    fn walk(&mut self, node: &'s Value, instance: &Value, pointer: &str) {
        let referenced = self.resolve(node);
        if !std::ptr::eq(referenced, node) {
            self.walk(referenced, instance, pointer);
        }
        let Value::Object(keywords) = node else {
            panic!("a schema node that is not an object at {pointer}");
        };
        for (keyword, rule) in keywords {
            self.keywords.insert(keyword.clone());
            let here = |what: String| format!("{what} at {pointer}");
            match keyword.as_str() {
                // Words for people, and the places rules are kept.
                "$schema" | "$id" | "title" | "description" | "$defs" | "$ref" => {}
                "type" => {
                    for value in values_not_of(&types(rule)) {
                        self.case(pointer, here(format!("type {rule}")), Change::Set(value));
                    }
                }
                "enum" => {
                    let unknown = json!("not-one-of-these");
                    assert!(!rule.as_array().unwrap().contains(&unknown));
                    self.case(pointer, here("enum".into()), Change::Set(unknown));
                    for allowed in rule.as_array().unwrap() {
                        self.edge(
                            pointer,
                            here(format!("enum value {allowed}")),
                            allowed.clone(),
                        );
                    }
                }
                "const" => {
                    let other = match rule {
                        Value::String(text) => json!(format!("{text}-other")),
                        Value::Number(number) => json!(number.as_u64().unwrap() + 1),
                        other => panic!("a const this test can't change: {other}"),
                    };
                    self.case(pointer, here(format!("const {rule}")), Change::Set(other));
                }
                "minimum" | "maximum" => {
                    let limit = rule.as_i64().unwrap();
                    let beyond = if keyword == "minimum" {
                        limit - 1
                    } else {
                        limit + 1
                    };
                    self.case(
                        pointer,
                        here(format!("{keyword} {limit}")),
                        Change::Set(json!(beyond)),
                    );
                    self.edge(pointer, here(format!("{keyword} {limit}")), json!(limit));
                }
                "minLength" => {
                    assert_eq!(
                        rule,
                        &json!(1),
                        "only a length of at least one is known here"
                    );
                    self.case(pointer, here("minLength 1".into()), Change::Set(json!("")));
                }
                "pattern" => {
                    let pattern = rule.as_str().unwrap();
                    let current = instance.as_str().expect("a pattern on text");
                    assert!(
                        matches(pattern, current),
                        "{current} does not match {pattern}"
                    );
                    for wrong in ["soon", "2026-13", &format!("{current}x"), &current[1..]] {
                        if !matches(pattern, wrong) {
                            self.case(
                                pointer,
                                here(format!("pattern {pattern}")),
                                Change::Set(json!(wrong)),
                            );
                        }
                    }
                }
                "required" => {
                    for key in rule.as_array().unwrap() {
                        let key = key.as_str().unwrap();
                        assert!(
                            instance.get(key).is_some(),
                            "the full plan has {key} at {pointer}"
                        );
                        self.case(
                            &format!("{pointer}/{key}"),
                            here(format!("required {key}")),
                            Change::Remove,
                        );
                    }
                }
                "additionalProperties" => {
                    assert_eq!(rule, &json!(false), "only `false` is known here");
                    self.case(
                        &format!("{pointer}/unexpected_field"),
                        here("additionalProperties false".into()),
                        Change::Set(json!("a surprise")),
                    );
                }
                "properties" => {
                    for (key, property) in rule.as_object().unwrap() {
                        let place = format!("{}/{key}", without_positions(pointer));
                        self.declared.insert(place.clone());
                        if let Some(value) = instance.get(key) {
                            self.present.insert(place);
                            self.walk(property, value, &format!("{pointer}/{key}"));
                        }
                    }
                }
                "items" => {
                    let items = instance.as_array().expect("items of a list");
                    assert!(!items.is_empty(), "the full plan has items at {pointer}");
                    for (index, item) in items.iter().enumerate() {
                        self.walk(rule, item, &format!("{pointer}/{index}"));
                    }
                }
                "anyOf" => {
                    let alternatives = rule.as_array().unwrap();
                    // Break the alternative the value matches, in a way no
                    // other alternative accepts.
                    let mut inner = Walker::new(self.root);
                    for alternative in alternatives {
                        let alternative = inner.resolve(alternative);
                        if accepts(alternative, instance) {
                            inner.walk(alternative, instance, pointer);
                        } else {
                            inner.edges.push(Case {
                                pointer: pointer.to_owned(),
                                rule: here("anyOf, another alternative".into()),
                                change: Change::Set(some_value_of(alternative)),
                            });
                        }
                    }
                    self.keywords.extend(inner.keywords);
                    self.declared.extend(inner.declared);
                    self.present.extend(inner.present);
                    self.edges.extend(inner.edges);
                    for case in inner.cases {
                        let breaks_all = match &case.change {
                            Change::Set(value) if case.pointer == pointer => alternatives
                                .iter()
                                .all(|alternative| !accepts(self.resolve(alternative), value)),
                            _ => true,
                        };
                        if breaks_all {
                            self.cases.push(case);
                        }
                    }
                }
                other => {
                    panic!("the schema uses “{other}” at {pointer}: teach this test to break it")
                }
            }
        }
    }

    fn case(&mut self, pointer: &str, rule: String, change: Change) {
        self.cases.push(Case {
            pointer: pointer.to_owned(),
            rule,
            change,
        });
    }

    fn edge(&mut self, pointer: &str, rule: String, value: Value) {
        self.edges.push(Case {
            pointer: pointer.to_owned(),
            rule,
            change: Change::Set(value),
        });
    }
}

fn types(rule: &Value) -> Vec<&str> {
    match rule {
        Value::String(name) => vec![name.as_str()],
        Value::Array(names) => names.iter().map(|name| name.as_str().unwrap()).collect(),
        other => panic!("a type this test can't read: {other}"),
    }
}

/// A value of each JSON type, but for those in `allowed` (a whole number
/// with a fraction counts against `integer`).
fn values_not_of(allowed: &[&str]) -> Vec<Value> {
    [
        ("object", json!({ "odd": true })),
        ("array", json!(["odd"])),
        ("string", json!("odd")),
        ("integer", json!(7)),
        ("number", json!(7.5)),
        ("boolean", json!(true)),
        ("null", Value::Null),
    ]
    .into_iter()
    .filter(|(kind, value)| {
        let integer_allowed = allowed.contains(&"integer") || allowed.contains(&"number");
        match *kind {
            "integer" => !integer_allowed,
            "number" => !allowed.contains(&"number") && value.is_f64(),
            kind => !allowed.contains(&kind),
        }
    })
    .map(|(_, value)| value)
    .collect()
}

/// Whether the simple schemas inside `anyOf` accept `value`: type, enum,
/// const, limits and patterns, which is all they use.
fn accepts(schema: &Value, value: &Value) -> bool {
    let Value::Object(rules) = schema else {
        return false;
    };
    rules.iter().all(|(keyword, rule)| match keyword.as_str() {
        "type" => types(rule).iter().any(|kind| match *kind {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "integer" => value.as_f64().is_some_and(|number| number.fract() == 0.0),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            other => panic!("unknown type {other}"),
        }),
        "enum" => rule.as_array().unwrap().contains(value),
        "const" => rule == value,
        "minimum" => value
            .as_f64()
            .is_none_or(|number| number >= rule.as_f64().unwrap()),
        "maximum" => value
            .as_f64()
            .is_none_or(|number| number <= rule.as_f64().unwrap()),
        "minLength" => value
            .as_str()
            .is_none_or(|text| text.chars().count() as u64 >= rule.as_u64().unwrap()),
        "pattern" => value
            .as_str()
            .is_none_or(|text| matches(rule.as_str().unwrap(), text)),
        "description" => true,
        other => panic!("an anyOf alternative uses “{other}”: teach this test to read it"),
    })
}

/// A value an alternative accepts.
fn some_value_of(schema: &Value) -> Value {
    match schema.get("type").and_then(Value::as_str) {
        Some("null") => Value::Null,
        other => panic!("no sample value for {other:?}"),
    }
}

/// Whether `text` matches `pattern`, for the few forms the schema's patterns
/// use: `^…$`, literal characters (`\.` for a dot), classes of characters
/// and ranges (`[0-9]`, `[1-9A-Za-z]`), `{n}`, `+`, `*`, and an optional
/// group `(…)?`.
fn matches(pattern: &str, text: &str) -> bool {
    let inner = pattern
        .strip_prefix('^')
        .and_then(|rest| rest.strip_suffix('$'))
        .unwrap_or_else(|| panic!("only whole-text patterns are known here: {pattern}"));
    let atoms = atoms(inner);
    match_from(&atoms, text.as_bytes())
}

#[derive(Clone, Debug)]
enum Atom {
    /// One of the ranges of bytes, `least` to `most` times.
    Class {
        ranges: Vec<(u8, u8)>,
        least: usize,
        most: usize,
    },
    Literal(u8),
    Optional(Vec<Atom>),
}

fn atoms(pattern: &str) -> Vec<Atom> {
    let bytes = pattern.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let atom = match bytes[at] {
            b'[' => {
                let close = at + pattern[at..].find(']').expect("a class closes");
                let class = &bytes[at + 1..close];
                assert!(
                    class.len().is_multiple_of(3) && class.chunks(3).all(|range| range[1] == b'-'),
                    "only ranges such as [0-9A-Z] are known here: {pattern}"
                );
                at = close + 1;
                Atom::Class {
                    ranges: class.chunks(3).map(|range| (range[0], range[2])).collect(),
                    least: 1,
                    most: 1,
                }
            }
            b'\\' => {
                at += 2;
                Atom::Literal(bytes[at - 1])
            }
            b'(' => {
                let close = at + pattern[at..].find(')').expect("a group closes");
                assert_eq!(
                    bytes.get(close + 1),
                    Some(&b'?'),
                    "only optional groups are known here"
                );
                let group = atoms(&pattern[at + 1..close]);
                at = close + 2;
                Atom::Optional(group)
            }
            byte => {
                assert!(
                    !b".*?+{}|)".contains(&byte),
                    "“{}” is not known here: {pattern}",
                    byte as char
                );
                at += 1;
                Atom::Literal(byte)
            }
        };
        let atom = match (atom, bytes.get(at)) {
            (Atom::Class { ranges, .. }, Some(b'{')) => {
                let close = at + pattern[at..].find('}').unwrap();
                let count: usize = pattern[at + 1..close].parse().unwrap();
                at = close + 1;
                Atom::Class {
                    ranges,
                    least: count,
                    most: count,
                }
            }
            (Atom::Class { ranges, .. }, Some(quantifier @ (b'+' | b'*'))) => {
                at += 1;
                Atom::Class {
                    ranges,
                    least: usize::from(*quantifier == b'+'),
                    most: usize::MAX,
                }
            }
            (atom, _) => atom,
        };
        found.push(atom);
    }
    found
}

fn match_from(atoms: &[Atom], text: &[u8]) -> bool {
    let Some((first, rest)) = atoms.split_first() else {
        return text.is_empty();
    };
    match first {
        Atom::Literal(byte) => text.first() == Some(byte) && match_from(rest, &text[1..]),
        Atom::Class {
            ranges,
            least,
            most,
        } => {
            let in_class =
                |byte: &&u8| ranges.iter().any(|(low, high)| (low..=high).contains(byte));
            let run = text.iter().take_while(in_class).count();
            (*least..=run.min(*most))
                .rev()
                .any(|count| match_from(rest, &text[count..]))
        }
        Atom::Optional(group) => {
            let mut with_group = group.clone();
            with_group.extend_from_slice(rest);
            match_from(&with_group, text) || match_from(rest, text)
        }
    }
}

/// `/goals/0/status` as `/goals/*/status`.
fn without_positions(pointer: &str) -> String {
    pointer
        .split('/')
        .map(|part| {
            if !part.is_empty() && part.chars().all(|character| character.is_ascii_digit()) {
                "*"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// `/goals/0/status` as the reader's repairs name it: `goals[0].status`.
fn path_of(pointer: &str) -> String {
    let mut path = String::new();
    for part in pointer.split('/').skip(1) {
        if part.chars().all(|character| character.is_ascii_digit()) {
            path.push_str(&format!("[{part}]"));
        } else {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(part);
        }
    }
    path
}

fn apply(plan: &Value, case: &Case) -> Value {
    if case.pointer.is_empty() {
        let Change::Set(value) = &case.change else {
            panic!("the plan itself can't be removed");
        };
        return value.clone();
    }
    let mut changed = plan.clone();
    let (parent, key) = case.pointer.rsplit_once('/').unwrap();
    let container = changed.pointer_mut(parent).unwrap();
    match (&case.change, container) {
        (Change::Set(value), Value::Object(fields)) => {
            fields.insert(key.to_owned(), value.clone());
        }
        (Change::Set(value), Value::Array(items)) => {
            items[key.parse::<usize>().unwrap()] = value.clone()
        }
        (Change::Remove, Value::Object(fields)) => {
            fields.remove(key);
        }
        (change, container) => panic!("can't apply {change:?} to {container}"),
    }
    changed
}

fn read(value: &Value) -> Result<ReadPlan, PlanFileError> {
    read_plan(&serde_json::to_string_pretty(value).unwrap())
}

fn cases() -> (Value, Walker<'static>) {
    let schema: &'static Value = Box::leak(Box::new(serde_json::from_str(SCHEMA).unwrap()));
    let plan = serde_json::to_value(full_plan()).unwrap();
    let mut walker = Walker::new(schema);
    walker.walk(schema, &plan, "");
    assert_eq!(
        walker.declared, walker.present,
        "the full plan has every field the schema declares"
    );
    (plan, walker)
}

#[test]
fn the_full_plan_keeps_every_rule_and_reads_without_repairs() {
    let plan = full_plan();
    assert_eq!(check_integrity(&plan), Ok(()));
    let read = read_plan(&to_file_text(&plan)).unwrap();
    assert_eq!(read.plan, plan);
    assert!(read.repairs.is_empty());
    // Every optional field is in its file, so every rule is tried.
    let value: Map<String, Value> = serde_json::from_str(&to_file_text(&plan)).unwrap();
    for goal_field in [
        "parent",
        "target_date",
        "completed_at",
        "dropped_reason",
        "from_option",
    ] {
        assert!(
            value["goals"]
                .as_array()
                .unwrap()
                .iter()
                .any(|goal| goal.get(goal_field).is_some()),
            "{goal_field}"
        );
    }
}

#[test]
fn each_rule_of_the_schema_broken_once_is_refused_or_repaired_where_it_was_broken() {
    let (plan, walker) = cases();
    assert!(walker.cases.len() > 150, "{} cases", walker.cases.len());
    let known: BTreeSet<String> = [
        "$defs",
        "$id",
        "$ref",
        "$schema",
        "additionalProperties",
        "anyOf",
        "const",
        "description",
        "enum",
        "items",
        "maxLength",
        "maximum",
        "minLength",
        "minimum",
        "pattern",
        "properties",
        "required",
        "title",
        "type",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert!(walker.keywords.is_subset(&known), "{:?}", walker.keywords);
    for case in &walker.cases {
        let outcome = read(&apply(&plan, case));
        // What says the text is a plan (and of which version) is refused
        // when broken; everything else is mended.
        let says_what_it_is = ["", "/format", "/schema_version"].contains(&case.pointer.as_str());
        match outcome {
            Err(_) if says_what_it_is => {}
            Ok(read) if !says_what_it_is => {
                let path = path_of(&case.pointer);
                assert!(
                    read.repairs.iter().any(|repair| repair.path == path),
                    "{}: no repair at {path}: {:#?}",
                    case.rule,
                    read.repairs
                );
                assert_eq!(check_integrity(&read.plan), Ok(()), "{}", case.rule);
            }
            other => panic!("{}: {other:?}", case.rule),
        }
    }
}

#[test]
fn values_at_the_edges_the_schema_allows_read_without_repairs() {
    let (plan, walker) = cases();
    assert!(walker.edges.len() > 30, "{} edges", walker.edges.len());
    for edge in &walker.edges {
        let read = read(&apply(&plan, edge))
            .unwrap_or_else(|problem| panic!("{}: {problem:?}", edge.rule));
        assert!(
            read.repairs.is_empty(),
            "{}: {:#?}",
            edge.rule,
            read.repairs
        );
    }
}

#[test]
fn the_pattern_reader_reads_the_schemas_patterns() {
    let time = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$";
    assert!(matches(time, "2026-03-31T09:30:00Z"));
    assert!(matches(time, "2026-03-31T09:30:00.125Z"));
    assert!(!matches(time, "2026-03-31T09:30:00.Z"));
    assert!(!matches(time, "2026-03-31 09:30:00Z"));
    assert!(!matches(time, "2026-03-31T09:30:00"));
    assert!(matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "2026-03-31"));
    assert!(!matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "2026-3-31"));
}
