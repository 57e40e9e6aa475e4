//! The plan's groups of fields (a goal, the vision, an option's role model)
//! read from JSON objects only.
//!
//! serde's derived structs also accept a list of their values in order
//! (`["g-1", null, "Write", …]`), which a plan file never holds and its
//! schema forbids; read that way, a damaged file would open without a word.
//! The plan's types name these helpers on each field that holds a group
//! (`deserialize_with`), and the reader reads through them, so a list where
//! a group belongs takes the careful way and is noted.

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// A group of fields, from an object only.
pub(crate) fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    T::deserialize(ObjectsOnly(deserializer))
}

/// A list of groups of fields, each from an object only.
pub(crate) fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    deserializer.deserialize_seq(ListOfObjects(PhantomData))
}

/// A whole text read as `T` (a plan, or one of its groups), objects only.
pub fn from_text<'de, T: Deserialize<'de>>(text: &'de str) -> serde_json::Result<T> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = object(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// A JSON value already read into a tree, as `T`, objects only.
pub fn from_value<'de, T: Deserialize<'de>>(
    value: &'de serde_json::Value,
) -> serde_json::Result<T> {
    object(value)
}

/// A deserializer that reads a struct as a map, and everything else as the
/// deserializer it wraps does.
struct ObjectsOnly<D>(D);

/// Methods of one argument, the visitor, passed on as they are.
macro_rules! forward {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method(visitor)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectsOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    forward! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char deserialize_str
        deserialize_string deserialize_bytes deserialize_byte_buf deserialize_option
        deserialize_unit deserialize_seq deserialize_map deserialize_identifier
        deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_newtype_struct(name, visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple_struct(name, len, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, visitor)
    }
}

struct ListOfObjects<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ListOfObjects<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Vec<T>, A::Error> {
        let mut list = Vec::with_capacity(items.size_hint().unwrap_or(0).min(4096));
        while let Some(Object(item)) = items.next_element()? {
            list.push(item);
        }
        Ok(list)
    }
}

/// One item of a list, read from an object only.
struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        object(deserializer).map(Object)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{Experiment, Goal, Plan};

    #[test]
    fn a_group_given_as_a_list_of_its_values_is_not_read() {
        assert!(serde_json::from_str::<Experiment>(r#"["try", "learn"]"#).is_ok());
        assert!(from_text::<Experiment>(r#"["try", "learn"]"#).is_err());
        assert!(from_text::<Experiment>(r#"{"what_to_try": "try"}"#).is_ok());
        let goal = r#"["g-1", null, null, "V", "Write", "open", null, "", "2026-01-01T00:00:00Z", null, null, null, "2026-01-01T00:00:00Z"]"#;
        assert!(serde_json::from_str::<Goal>(goal).is_ok());
        assert!(from_text::<Goal>(goal).is_err());
        let plan = format!(
            r#"{{"format": "waypoint-plan", "schema_version": 1, "vision": {{}}, "assets": [],
                "options": [], "goals": [{goal}], "check_ins": []}}"#
        );
        assert!(
            serde_json::from_str::<Plan>(&plan).is_err(),
            "a goal is a group"
        );
        let as_list = r#"["waypoint-plan", 2, {}, [], [], [], [], null, null, [], null]"#;
        assert!(serde_json::from_str::<Plan>(as_list).is_ok());
        assert!(from_text::<Plan>(as_list).is_err());
    }
}
