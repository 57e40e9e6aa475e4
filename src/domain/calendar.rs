//! Calendar dates and instants, kept as plain text in the plan file
//! (`2026-11-23` and `2026-11-23T19:04:05Z`) so exports stay readable.
//!
//! Instants are stored in UTC, but the days a person sees and counts are their
//! own: an instant becomes a day only through a [`TimeZone`], which the browser
//! adapter supplies (and tests supply with fixed rules). A target date or a
//! check-in's date is a calendar day already and has no zone at all.
//!
//! Conversions use Howard Hinnant's days-from-civil algorithm, which keeps a
//! date library (and its size) out of the WebAssembly build.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

/// A calendar day with no time zone, as a person picks it from a date field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// An instant in UTC, to the second, and to the millisecond where changes
/// made within one second must still be told apart (see `domain::stamps`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    seconds_since_epoch: i64,
    /// Below 1,000; zero for a whole second, which is written without a fraction.
    millis: u16,
}

const SECONDS_PER_DAY: i64 = 86_400;

/// A time zone's rule: how far its clocks are from UTC at a given instant.
///
/// The rule is asked for each instant, not once, because the answer changes
/// with daylight saving: a step done in July and one done in December in the
/// same place can be an hour apart in offset.
pub trait TimeZone {
    /// Seconds to add to UTC to read the local clock at `instant`: negative
    /// west of Greenwich, positive east of it.
    fn utc_offset_seconds(&self, instant: Timestamp) -> i32;
}

/// A zone whose clocks stand at the same distance from UTC all year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedOffset {
    seconds: i32,
}

impl FixedOffset {
    pub const UTC: Self = Self { seconds: 0 };

    /// Clocks `minutes` ahead of UTC (behind it when negative).
    pub const fn minutes_ahead(minutes: i32) -> Self {
        Self {
            seconds: minutes * 60,
        }
    }
}

impl TimeZone for FixedOffset {
    fn utc_offset_seconds(&self, _instant: Timestamp) -> i32 {
        self.seconds
    }
}

/// A zone's rule asked about each UTC day once rather than about every
/// instant: a plan's thousands of times fall on a few hundred days, and the
/// browser's rule costs a call into JavaScript each time.
///
/// A day whose offset is the same at its first and its last second keeps
/// that offset throughout (clocks change at most once in a day); on a day
/// they change, each instant is still asked about. Made for one piece of
/// work, such as drawing a page, so that a zone changed meanwhile (a laptop
/// carried across the world) is never remembered past it.
pub struct OffsetsByDay<Z> {
    zone: Z,
    days: RefCell<HashMap<i64, Option<i32>>>,
}

impl<Z: TimeZone> OffsetsByDay<Z> {
    pub fn new(zone: Z) -> Self {
        Self {
            zone,
            days: RefCell::new(HashMap::new()),
        }
    }
}

impl<Z: TimeZone> TimeZone for OffsetsByDay<Z> {
    fn utc_offset_seconds(&self, instant: Timestamp) -> i32 {
        let day = instant.seconds_since_epoch.div_euclid(SECONDS_PER_DAY);
        let whole_day = *self.days.borrow_mut().entry(day).or_insert_with(|| {
            let first = Timestamp::from_seconds(day * SECONDS_PER_DAY);
            let last = Timestamp::from_seconds((day + 1) * SECONDS_PER_DAY - 1);
            let offset = self.zone.utc_offset_seconds(first);
            (offset == self.zone.utc_offset_seconds(last)).then_some(offset)
        });
        whole_day.unwrap_or_else(|| self.zone.utc_offset_seconds(instant))
    }
}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// Monday first, as ISO 8601 numbers them.
    pub const ALL: [Weekday; 7] = [
        Self::Monday,
        Self::Tuesday,
        Self::Wednesday,
        Self::Thursday,
        Self::Friday,
        Self::Saturday,
        Self::Sunday,
    ];

    /// The day numbered as ISO 8601 and `Intl.Locale`'s week info number it:
    /// 1 for Monday through 7 for Sunday.
    pub fn from_iso_number(number: u8) -> Option<Self> {
        Self::ALL.get(usize::from(number).checked_sub(1)?).copied()
    }

    /// 1 for Monday through 7 for Sunday.
    pub fn iso_number(self) -> u8 {
        self as u8 + 1
    }

    /// "Sunday".
    pub fn name(self) -> &'static str {
        match self {
            Self::Monday => "Monday",
            Self::Tuesday => "Tuesday",
            Self::Wednesday => "Wednesday",
            Self::Thursday => "Thursday",
            Self::Friday => "Friday",
            Self::Saturday => "Saturday",
            Self::Sunday => "Sunday",
        }
    }
}

impl Date {
    /// A date, if the year, month and day name a real day.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, the form of an `<input type="date">` value.
    pub fn parse(text: &str) -> Option<Self> {
        Self::from_ascii(text.as_bytes())
    }

    fn from_ascii(bytes: &[u8]) -> Option<Self> {
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year = ascii_number(&bytes[0..4])? as i32;
        let month = ascii_number(&bytes[5..7])? as u8;
        let day = ascii_number(&bytes[8..10])? as u8;
        Self::new(year, month, day)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5
            + i64::from(self.day)
            - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Self {
        let shifted = days + 719_468;
        let era = shifted.div_euclid(146_097);
        let day_of_era = shifted - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_index = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u8;
        let month = if month_index < 10 {
            month_index + 3
        } else {
            month_index - 9
        } as u8;
        let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// The number of days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday, the fourth day of an ISO week.
        let index = (self.days_since_epoch() + 3).rem_euclid(7);
        Weekday::ALL[index as usize]
    }

    /// The first day of the week this date falls in, for weeks that start on
    /// `first_day`.
    pub fn week_start(self, first_day: Weekday) -> Date {
        let days_into_week = (i64::from(self.weekday().iso_number())
            - i64::from(first_day.iso_number()))
        .rem_euclid(7);
        self.add_days(-days_into_week)
    }
}

/// How a target date stands against today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    Overdue {
        days: i64,
    },
    Today,
    /// Within the coming week.
    Soon {
        days: i64,
    },
    Later {
        days: i64,
    },
}

impl Due {
    pub fn of(date: Date, today: Date) -> Self {
        match today.days_until(date) {
            days if days < 0 => Self::Overdue { days: -days },
            0 => Self::Today,
            days if days <= 7 => Self::Soon { days },
            days => Self::Later { days },
        }
    }

    /// Overdue or close enough to stand out.
    pub fn is_pressing(self) -> bool {
        !matches!(self, Self::Later { .. })
    }

    /// "Overdue by 2 days", "Due today", "Due tomorrow", "Due in 12 days".
    pub fn phrase(self) -> String {
        let days = |count: i64| {
            if count == 1 {
                "1 day".to_owned()
            } else {
                format!("{count} days")
            }
        };
        match self {
            Self::Overdue { days: count } => format!("Overdue by {}", days(count)),
            Self::Today => "Due today".to_owned(),
            Self::Soon { days: 1 } => "Due tomorrow".to_owned(),
            Self::Soon { days: count } | Self::Later { days: count } => {
                format!("Due in {}", days(count))
            }
        }
    }
}

impl Date {
    /// "26 Nov 2026".
    pub fn short_label(self) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        format!(
            "{} {} {}",
            self.day,
            MONTHS[usize::from(self.month - 1)],
            self.year
        )
    }
}

impl Date {
    /// `YYYY-MM-DD`, for a year of four digits.
    fn iso_bytes(self) -> Option<[u8; 10]> {
        let year = u32::try_from(self.year).ok().filter(|year| *year <= 9999)?;
        let mut bytes = *b"0000-00-00";
        put_digits(&mut bytes[0..4], year);
        put_digits(&mut bytes[5..7], u32::from(self.month));
        put_digits(&mut bytes[8..10], u32::from(self.day));
        Some(bytes)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Timestamp {
    pub fn from_seconds(seconds_since_epoch: i64) -> Self {
        Self {
            seconds_since_epoch,
            millis: 0,
        }
    }

    /// From JavaScript's `Date.now()`, which counts milliseconds.
    pub fn from_millis(millis: f64) -> Self {
        Self::from_seconds((millis / 1000.0).floor() as i64)
    }

    pub fn seconds_since_epoch(self) -> i64 {
        self.seconds_since_epoch
    }

    /// The milliseconds past the whole second, 0 to 999.
    pub fn millis(self) -> u16 {
        self.millis
    }

    /// One millisecond later.
    pub fn next_millisecond(self) -> Self {
        if self.millis == 999 {
            Self::from_seconds(self.seconds_since_epoch + 1)
        } else {
            Self {
                millis: self.millis + 1,
                ..self
            }
        }
    }

    /// The calendar day this instant falls on where the clocks follow `zone`.
    pub fn local_date(self, zone: &dyn TimeZone) -> Date {
        let local_seconds = self.seconds_since_epoch + i64::from(zone.utc_offset_seconds(self));
        Date::from_days_since_epoch(local_seconds.div_euclid(SECONDS_PER_DAY))
    }

    /// The day in UTC, for writing the instant itself. It is nobody's day:
    /// days a person sees come from [`Timestamp::local_date`], which is why
    /// this one stays private.
    fn utc_date(self) -> Date {
        Date::from_days_since_epoch(self.seconds_since_epoch.div_euclid(SECONDS_PER_DAY))
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ`, with optional fractional seconds (kept
    /// to the millisecond).
    pub fn parse(text: &str) -> Option<Self> {
        // A plan holds thousands of these: read as bytes, without slicing text.
        let bytes = text.as_bytes().strip_suffix(b"Z")?;
        if bytes.len() < 19 || bytes[10] != b'T' {
            return None;
        }
        let (time, fraction) = bytes[11..].split_at(8);
        if time[2] != b':' || time[5] != b':' {
            return None;
        }
        let millis = match fraction {
            [] => 0,
            [b'.', digits @ ..] if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) => {
                digits
                    .iter()
                    .chain(std::iter::repeat(&b'0'))
                    .take(3)
                    .fold(0, |millis, digit| millis * 10 + u16::from(digit - b'0'))
            }
            _ => return None,
        };
        let date = Date::from_ascii(&bytes[..10])?;
        let hours = ascii_number(&time[0..2])?;
        let minutes = ascii_number(&time[3..5])?;
        let seconds = ascii_number(&time[6..8])?;
        if hours > 23 || minutes > 59 || seconds > 60 {
            return None;
        }
        let seconds_of_day = i64::from(hours * 3600 + minutes * 60 + seconds);
        Some(Self {
            seconds_since_epoch: date.days_since_epoch() * SECONDS_PER_DAY + seconds_of_day,
            millis,
        })
    }
}

impl Timestamp {
    /// `YYYY-MM-DDTHH:MM:SSZ` (or `…SS.mmmZ` past a whole second) for a year
    /// of four digits, and how many of the bytes it takes.
    fn iso_bytes(self) -> Option<([u8; 24], usize)> {
        let mut bytes = *b"0000-00-00T00:00:00.000Z";
        bytes[..10].copy_from_slice(&self.utc_date().iso_bytes()?);
        let seconds_of_day = self.seconds_since_epoch.rem_euclid(SECONDS_PER_DAY) as u32;
        put_digits(&mut bytes[11..13], seconds_of_day / 3600);
        put_digits(&mut bytes[14..16], seconds_of_day % 3600 / 60);
        put_digits(&mut bytes[17..19], seconds_of_day % 60);
        if self.millis == 0 {
            bytes[19] = b'Z';
            return Some((bytes, 20));
        }
        put_digits(&mut bytes[20..23], u32::from(self.millis));
        Some((bytes, 24))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds_of_day = self.seconds_since_epoch.rem_euclid(SECONDS_PER_DAY);
        write!(
            f,
            "{}T{:02}:{:02}:{:02}",
            self.utc_date(),
            seconds_of_day / 3600,
            seconds_of_day % 3600 / 60,
            seconds_of_day % 60
        )?;
        if self.millis > 0 {
            write!(f, ".{:03}", self.millis)?;
        }
        f.write_str("Z")
    }
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The number that a few ASCII digits spell, if they are all digits.
fn ascii_number(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0, |number: u32, &digit| {
        digit
            .is_ascii_digit()
            .then(|| number * 10 + u32::from(digit - b'0'))
    })
}

// Plans hold thousands of dates and times, so they are written from a few
// bytes and read without copying, rather than through the formatting machinery.

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.iso_bytes() {
            Some(bytes) => serializer.serialize_str(ascii(&bytes)),
            None => serializer.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TextOf {
            parse: Date::parse,
            expected: "a date like 2026-03-31",
        })
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.iso_bytes() {
            Some((bytes, length)) => serializer.serialize_str(ascii(&bytes[..length])),
            None => serializer.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TextOf {
            parse: Timestamp::parse,
            expected: "a time like 2026-03-31T09:30:00Z",
        })
    }
}

/// Reads a date or time from a string, borrowed where the format allows.
struct TextOf<T> {
    parse: fn(&str) -> Option<T>,
    expected: &'static str,
}

impl<T> serde::de::Visitor<'_> for TextOf<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
        (self.parse)(text)
            .ok_or_else(|| E::custom(format!("expected {}, found {text:?}", self.expected)))
    }
}

/// Writes `value` as decimal digits filling `out`, with leading zeros.
fn put_digits(out: &mut [u8], mut value: u32) {
    for slot in out.iter_mut().rev() {
        *slot = b'0' + (value % 10) as u8;
        value /= 10;
    }
}

fn ascii(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("digits and separators are ASCII")
}

/// Time-zone rules with daylight saving, for the tests of every module that
/// turns instants into days.
#[cfg(test)]
pub(crate) mod test_zones {
    use super::{FixedOffset, TimeZone, Timestamp};

    pub(crate) const LOS_ANGELES_WINTER: FixedOffset = FixedOffset::minutes_ahead(-8 * 60);
    pub(crate) const KIRITIMATI: FixedOffset = FixedOffset::minutes_ahead(14 * 60);
    pub(crate) const KOLKATA: FixedOffset = FixedOffset::minutes_ahead(5 * 60 + 30);

    /// A zone whose offset changes at given instants.
    pub(crate) struct OffsetChanges {
        /// The offset before the first change, in seconds.
        pub(crate) first: i32,
        /// When each change happens, and the offset from then on, in order.
        pub(crate) changes: Vec<(Timestamp, i32)>,
    }

    impl TimeZone for OffsetChanges {
        fn utc_offset_seconds(&self, instant: Timestamp) -> i32 {
            self.changes
                .iter()
                .take_while(|(from, _)| *from <= instant)
                .last()
                .map_or(self.first, |(_, offset)| *offset)
        }
    }

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    /// Los Angeles in 2026: UTC−8, UTC−7 from 2 am on 8 March, UTC−8 again
    /// from 2 am (summer time) on 1 November.
    pub(crate) fn los_angeles_2026() -> OffsetChanges {
        OffsetChanges {
            first: -8 * 3600,
            changes: vec![
                (at("2026-03-08T10:00:00Z"), -7 * 3600),
                (at("2026-11-01T09:00:00Z"), -8 * 3600),
            ],
        }
    }

    /// Berlin in 2026: UTC+1, UTC+2 from 2 am on 29 March, UTC+1 again from
    /// 3 am (summer time) on 25 October.
    pub(crate) fn berlin_2026() -> OffsetChanges {
        OffsetChanges {
            first: 3600,
            changes: vec![
                (at("2026-03-29T01:00:00Z"), 2 * 3600),
                (at("2026-10-25T01:00:00Z"), 3600),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_zones::*;
    use super::*;

    #[test]
    fn dates_and_times_are_written_as_their_text() {
        let seconds = [
            0,
            59,
            86_399,
            1_795_000_000,
            -1,
            -62_135_596_800, // 0001-01-01T00:00:00Z
            253_402_300_799, // 9999-12-31T23:59:59Z
            253_402_300_800, // year 10000: written the long way
        ];
        for seconds in seconds {
            let time = Timestamp::from_seconds(seconds);
            let json = serde_json::to_string(&time).unwrap();
            assert_eq!(json, format!("\"{time}\""));
            assert_eq!(
                serde_json::to_string(&time.utc_date()).unwrap(),
                format!("\"{}\"", time.utc_date())
            );
            if (1..=9999).contains(&time.utc_date().year()) {
                assert_eq!(serde_json::from_str::<Timestamp>(&json).unwrap(), time);
            }
        }
        assert_eq!(
            Timestamp::from_seconds(1_795_000_000).to_string(),
            "2026-11-18T11:06:40Z"
        );
    }

    #[test]
    fn unreadable_dates_and_times_say_what_was_expected() {
        let error = |json: &str| serde_json::from_str::<Date>(json).unwrap_err().to_string();
        assert!(error("\"31/03/2026\"")
            .starts_with("expected a date like 2026-03-31, found \"31/03/2026\""));
        assert!(
            error("20260331").starts_with("invalid type: integer `20260331`, expected a string")
        );
        let error = serde_json::from_str::<Timestamp>("\"noon\"")
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("expected a time like 2026-03-31T09:30:00Z, found \"noon\""));
    }

    #[test]
    fn epoch_is_day_zero() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(
            Date::from_days_since_epoch(0),
            Date::new(1970, 1, 1).unwrap()
        );
    }

    #[test]
    fn days_round_trip_across_centuries_and_leap_days() {
        for days in (-800_000..800_000).step_by(997) {
            let date = Date::from_days_since_epoch(days);
            assert_eq!(date.days_since_epoch(), days, "{date}");
        }
        let leap_day = Date::new(2024, 2, 29).unwrap();
        assert_eq!(
            Date::from_days_since_epoch(leap_day.days_since_epoch() + 1),
            Date::new(2024, 3, 1).unwrap()
        );
    }

    #[test]
    fn rejects_days_that_do_not_exist() {
        assert_eq!(Date::new(2023, 2, 29), None);
        assert_eq!(Date::new(1900, 2, 29), None);
        assert!(Date::new(2000, 2, 29).is_some());
        assert_eq!(Date::parse("2026-04-31"), None);
        assert_eq!(Date::parse("2026-4-3"), None);
        assert_eq!(Date::parse("2026-04-0x"), None);
        assert_eq!(Date::parse("+026-04-01"), None);
    }

    #[test]
    fn timestamps_print_and_parse_back() {
        let instant = Timestamp::parse("2026-11-23T19:04:05Z").unwrap();
        assert_eq!(instant.to_string(), "2026-11-23T19:04:05Z");
        assert_eq!(instant.utc_date(), Date::new(2026, 11, 23).unwrap());
        let later = Timestamp::parse("2026-11-23T19:04:05.250Z").unwrap();
        assert_eq!(
            (later.seconds_since_epoch(), later.millis()),
            (instant.seconds_since_epoch(), 250),
            "fractions of a second are kept to the millisecond"
        );
        assert!(later > instant);
        assert_eq!(later.to_string(), "2026-11-23T19:04:05.250Z");
        assert_eq!(
            serde_json::to_string(&later).unwrap(),
            "\"2026-11-23T19:04:05.250Z\""
        );
        assert_eq!(
            Timestamp::parse("2026-11-23T19:04:05.2Z").map(Timestamp::millis),
            Some(200)
        );
        assert_eq!(
            Timestamp::parse("2026-11-23T19:04:05.0009Z"),
            Some(instant),
            "beyond the millisecond is dropped"
        );
        assert_eq!(
            instant.next_millisecond().to_string(),
            "2026-11-23T19:04:05.001Z"
        );
        assert_eq!(
            Timestamp::parse("2026-11-23T19:04:05.999Z")
                .unwrap()
                .next_millisecond(),
            Timestamp::parse("2026-11-23T19:04:06Z").unwrap()
        );
        assert_eq!(Timestamp::parse("2026-11-23T19:04:05"), None, "UTC only");
        assert_eq!(Timestamp::parse("2026-11-23T24:00:00Z"), None);
        for malformed in [
            "2026-11-23 19:04:05Z",
            "2026-11-23T19:04Z",
            "2026-11-23T19:04:05,250Z",
            "2026-11-23T19:04:05.Z",
            "2026-11-23T19:04:05.2aZ",
            "2026-11-23T19-04-05Z",
            "2026-11-23T1a:04:05Z",
            "2026-11-2éT19:04:05Z",
            "Z",
            "",
        ] {
            assert_eq!(Timestamp::parse(malformed), None, "{malformed}");
        }
    }

    #[test]
    fn javascript_milliseconds_become_seconds() {
        let instant = Timestamp::from_millis(1_795_000_000_999.0);
        assert_eq!(instant.seconds_since_epoch(), 1_795_000_000);
    }

    #[test]
    fn days_until_counts_both_ways() {
        let first = Date::parse("2026-12-30").unwrap();
        let later = Date::parse("2027-01-02").unwrap();
        assert_eq!(first.days_until(later), 3);
        assert_eq!(later.days_until(first), -3);
    }

    #[test]
    fn serde_uses_the_text_forms() {
        let date = Date::parse("2027-06-01").unwrap();
        assert_eq!(serde_json::to_string(&date).unwrap(), "\"2027-06-01\"");
        let error = serde_json::from_str::<Date>("\"June\"").unwrap_err();
        assert!(error.to_string().contains("expected a date"), "{error}");
    }

    #[test]
    fn due_dates_read_naturally() {
        let today = Date::parse("2026-11-23").unwrap();
        let phrase = |text: &str| Due::of(Date::parse(text).unwrap(), today).phrase();
        assert_eq!(phrase("2026-11-21"), "Overdue by 2 days");
        assert_eq!(phrase("2026-11-22"), "Overdue by 1 day");
        assert_eq!(phrase("2026-11-23"), "Due today");
        assert_eq!(phrase("2026-11-24"), "Due tomorrow");
        assert_eq!(phrase("2026-11-30"), "Due in 7 days");
        assert_eq!(phrase("2027-01-01"), "Due in 39 days");
        assert!(Due::of(Date::parse("2026-11-30").unwrap(), today).is_pressing());
        assert!(!Due::of(Date::parse("2026-12-01").unwrap(), today).is_pressing());
        assert_eq!(
            Date::parse("2027-03-05").unwrap().short_label(),
            "5 Mar 2027"
        );
    }

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn an_evening_west_of_greenwich_stays_on_its_own_day() {
        // 8:30 pm on 28 November in Los Angeles.
        let evening = at("2026-11-29T04:30:00Z");
        assert_eq!(evening.local_date(&LOS_ANGELES_WINTER), day("2026-11-28"));
        assert_eq!(evening.local_date(&los_angeles_2026()), day("2026-11-28"));
        assert_eq!(evening.local_date(&FixedOffset::UTC), day("2026-11-29"));
        assert_eq!(evening.local_date(&KOLKATA), day("2026-11-29"));
    }

    #[test]
    fn a_morning_far_east_is_already_the_next_day() {
        // 8 am on 29 November in Kiritimati, UTC+14.
        let morning = at("2026-11-28T18:00:00Z");
        assert_eq!(morning.local_date(&KIRITIMATI), day("2026-11-29"));
        assert_eq!(morning.local_date(&FixedOffset::UTC), day("2026-11-28"));
        assert_eq!(morning.local_date(&LOS_ANGELES_WINTER), day("2026-11-28"));
    }

    #[test]
    fn a_half_hour_zone_turns_the_day_at_its_own_midnight() {
        assert_eq!(
            at("2026-11-29T18:29:59Z").local_date(&KOLKATA),
            day("2026-11-29")
        );
        assert_eq!(
            at("2026-11-29T18:30:00Z").local_date(&KOLKATA),
            day("2026-11-30")
        );
        assert_eq!(
            at("2026-11-29T18:30:00Z").local_date(&FixedOffset::UTC),
            day("2026-11-29")
        );
    }

    #[test]
    fn each_instant_is_read_with_the_offset_in_force_at_that_instant() {
        let zone = los_angeles_2026();
        // Half past midnight in summer time on the day the clocks go back:
        // read with the winter offset in force later that day, it would fall
        // on 31 October.
        let after_midnight = at("2026-11-01T07:30:00Z");
        assert_eq!(after_midnight.local_date(&zone), day("2026-11-01"));
        assert_eq!(
            after_midnight.local_date(&LOS_ANGELES_WINTER),
            day("2026-10-31")
        );
        // That day has 25 hours: it ends at midnight winter time.
        assert_eq!(
            at("2026-11-02T07:59:59Z").local_date(&zone),
            day("2026-11-01")
        );
        assert_eq!(
            at("2026-11-02T08:00:00Z").local_date(&zone),
            day("2026-11-02")
        );
        // The day the clocks go forward has 23 hours.
        assert_eq!(
            at("2026-03-08T07:59:59Z").local_date(&zone),
            day("2026-03-07")
        );
        assert_eq!(
            at("2026-03-08T08:00:00Z").local_date(&zone),
            day("2026-03-08")
        );
        assert_eq!(
            at("2026-03-09T06:59:59Z").local_date(&zone),
            day("2026-03-08")
        );
        assert_eq!(
            at("2026-03-09T07:00:00Z").local_date(&zone),
            day("2026-03-09")
        );
        // East of Greenwich, the clocks go back at 3 am summer time.
        let berlin = berlin_2026();
        assert_eq!(
            at("2026-10-24T21:59:59Z").local_date(&berlin),
            day("2026-10-24")
        );
        assert_eq!(
            at("2026-10-24T22:00:00Z").local_date(&berlin),
            day("2026-10-25")
        );
        assert_eq!(
            at("2026-10-25T22:59:59Z").local_date(&berlin),
            day("2026-10-25")
        );
        assert_eq!(
            at("2026-10-25T23:00:00Z").local_date(&berlin),
            day("2026-10-26")
        );
    }

    #[test]
    fn offsets_remembered_by_day_still_change_within_the_day_the_clocks_do() {
        let remembered = OffsetsByDay::new(los_angeles_2026());
        // 1 November in UTC: summer time until 09:00, winter time after.
        assert_eq!(
            remembered.utc_offset_seconds(at("2026-11-01T08:59:59Z")),
            -7 * 3600
        );
        assert_eq!(
            remembered.utc_offset_seconds(at("2026-11-01T09:00:00Z")),
            -8 * 3600
        );
        assert_eq!(
            remembered.utc_offset_seconds(at("2026-11-01T07:30:00Z")),
            -7 * 3600
        );
        assert_eq!(
            at("2026-11-01T07:30:00Z").local_date(&remembered),
            day("2026-11-01")
        );
        assert_eq!(
            remembered.utc_offset_seconds(at("2026-11-02T07:30:00Z")),
            -8 * 3600
        );
    }

    #[test]
    fn a_target_date_is_overdue_once_its_day_has_ended_locally() {
        let due_at = |instant: &str, zone: &dyn TimeZone, target: &str| {
            Due::of(day(target), at(instant).local_date(zone))
        };
        // 11:59:59 pm and midnight on 28 November in Los Angeles, when it is
        // already the 29th in UTC.
        assert_eq!(
            due_at("2026-11-29T07:59:59Z", &los_angeles_2026(), "2026-11-28"),
            Due::Today
        );
        assert_eq!(
            due_at("2026-11-29T08:00:00Z", &los_angeles_2026(), "2026-11-28"),
            Due::Overdue { days: 1 }
        );
        // In Kiritimati the 29th ends while it is still the 29th in UTC.
        assert_eq!(
            due_at("2026-11-29T09:59:59Z", &KIRITIMATI, "2026-11-29"),
            Due::Today
        );
        assert_eq!(
            due_at("2026-11-29T10:00:00Z", &KIRITIMATI, "2026-11-29"),
            Due::Overdue { days: 1 }
        );
        assert_eq!(
            due_at("2026-11-29T18:29:59Z", &KOLKATA, "2026-11-29"),
            Due::Today
        );
        assert_eq!(
            due_at("2026-11-29T18:30:00Z", &KOLKATA, "2026-11-29"),
            Due::Overdue { days: 1 }
        );
    }

    #[test]
    fn weekdays_and_the_start_of_each_kind_of_week() {
        assert_eq!(day("1970-01-01").weekday(), Weekday::Thursday);
        assert_eq!(day("2026-11-29").weekday(), Weekday::Sunday);
        assert_eq!(day("2026-11-30").weekday(), Weekday::Monday);
        assert_eq!(day("1969-12-31").weekday(), Weekday::Wednesday);
        // Weeks that start on Monday, as most of Europe counts them.
        assert_eq!(
            day("2026-11-23").week_start(Weekday::Monday),
            day("2026-11-23")
        );
        assert_eq!(
            day("2026-11-29").week_start(Weekday::Monday),
            day("2026-11-23")
        );
        assert_eq!(
            day("2026-11-22").week_start(Weekday::Monday),
            day("2026-11-16")
        );
        assert_eq!(
            day("1970-01-01").week_start(Weekday::Monday),
            day("1969-12-29")
        );
        // On Sunday, as in the United States; on Saturday, as in Egypt.
        assert_eq!(
            day("2026-11-29").week_start(Weekday::Sunday),
            day("2026-11-29")
        );
        assert_eq!(
            day("2026-11-28").week_start(Weekday::Sunday),
            day("2026-11-22")
        );
        assert_eq!(
            day("2026-11-28").week_start(Weekday::Saturday),
            day("2026-11-28")
        );
        assert_eq!(
            day("2026-11-27").week_start(Weekday::Saturday),
            day("2026-11-21")
        );
        assert_eq!(Weekday::from_iso_number(7), Some(Weekday::Sunday));
        assert_eq!(Weekday::from_iso_number(1), Some(Weekday::Monday));
        assert_eq!(Weekday::from_iso_number(0), None);
        assert_eq!(Weekday::from_iso_number(8), None);
        assert_eq!(Weekday::Saturday.name(), "Saturday");
    }
}

/// Properties of days and weeks, over zones of every kind.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::test_zones::*;
    use super::*;
    use proptest::prelude::*;

    /// A fixed offset anywhere from UTC−12 to UTC+14, in quarter hours.
    fn fixed_zone() -> impl Strategy<Value = FixedOffset> {
        (-48i32..=56).prop_map(|quarters| FixedOffset::minutes_ahead(quarters * 15))
    }

    /// Instants from 2025 to 2027, around the daylight-saving rules' changes.
    fn instant() -> impl Strategy<Value = Timestamp> {
        (1_735_689_600i64..1_830_297_600).prop_map(Timestamp::from_seconds)
    }

    /// Two instants in order, often within hours of each other, where day
    /// boundaries and clock changes are most likely to be crossed.
    fn ordered_pair() -> impl Strategy<Value = (Timestamp, Timestamp)> {
        (
            instant(),
            prop_oneof![0i64..7_200, 0i64..3 * 86_400, 0i64..400 * 86_400],
        )
            .prop_map(|(first, gap)| {
                let later = Timestamp::from_seconds(first.seconds_since_epoch() + gap);
                (first, later)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn local_days_keep_the_order_of_instants_in_a_fixed_zone(
            zone in fixed_zone(),
            (first, later) in ordered_pair(),
        ) {
            prop_assert!(first.local_date(&zone) <= later.local_date(&zone));
        }

        // Holds for rules whose clocks never turn back across midnight, as the
        // daylight-saving rules of Los Angeles and Berlin do not.
        #[test]
        fn local_days_keep_the_order_of_instants_across_clock_changes(
            west in any::<bool>(),
            (first, later) in ordered_pair(),
        ) {
            let zone = if west { los_angeles_2026() } else { berlin_2026() };
            prop_assert!(first.local_date(&zone) <= later.local_date(&zone));
        }

        #[test]
        fn the_local_day_is_the_day_on_the_local_clock(zone in fixed_zone(), instant in instant()) {
            let offset = i64::from(zone.utc_offset_seconds(instant));
            let clock = Timestamp::from_seconds(instant.seconds_since_epoch() + offset).to_string();
            prop_assert_eq!(instant.local_date(&zone).to_string(), &clock[..10]);
        }

        #[test]
        fn offsets_remembered_by_day_are_the_rule_s_own(
            west in any::<bool>(),
            instants in prop::collection::vec(instant(), 1..40),
        ) {
            let (rule, remembered) = if west {
                (los_angeles_2026(), OffsetsByDay::new(los_angeles_2026()))
            } else {
                (berlin_2026(), OffsetsByDay::new(berlin_2026()))
            };
            // Asked twice, so the second answer comes from memory.
            for instant in instants.iter().chain(&instants) {
                prop_assert_eq!(
                    remembered.utc_offset_seconds(*instant),
                    rule.utc_offset_seconds(*instant)
                );
            }
        }

        #[test]
        fn a_week_starts_on_its_first_day_within_the_six_days_before(
            days in -800_000i64..800_000,
            first_day in 1u8..=7,
        ) {
            let date = Date::from_days_since_epoch(days);
            let first_day = Weekday::from_iso_number(first_day).unwrap();
            let start = date.week_start(first_day);
            prop_assert_eq!(start.weekday(), first_day);
            prop_assert!((0..7).contains(&start.days_until(date)));
            prop_assert_eq!(start.add_days(6).week_start(first_day), start);
        }
    }
}
