//! Calendar dates and instants, kept as plain text in the plan file
//! (`2026-11-23` and `2026-11-23T19:04:05Z`) so exports stay readable.
//!
//! Conversions use Howard Hinnant's days-from-civil algorithm, which keeps a
//! date library (and its size) out of the WebAssembly build.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar day with no time zone, as a person picks it from a date field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// An instant, to the second, in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    seconds_since_epoch: i64,
}

const SECONDS_PER_DAY: i64 = 86_400;

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
        }
    }

    /// From JavaScript's `Date.now()`, which counts milliseconds.
    pub fn from_millis(millis: f64) -> Self {
        Self::from_seconds((millis / 1000.0).floor() as i64)
    }

    pub fn seconds_since_epoch(self) -> i64 {
        self.seconds_since_epoch
    }

    /// The UTC calendar day this instant falls on.
    pub fn date(self) -> Date {
        Date::from_days_since_epoch(self.seconds_since_epoch.div_euclid(SECONDS_PER_DAY))
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ`, with optional fractional seconds.
    pub fn parse(text: &str) -> Option<Self> {
        // A plan holds thousands of these: read as bytes, without slicing text.
        let bytes = text.as_bytes().strip_suffix(b"Z")?;
        if bytes.len() < 19 || bytes[10] != b'T' {
            return None;
        }
        let (time, fraction) = bytes[11..].split_at(8);
        if time[2] != b':' || time[5] != b':' || fraction.first().is_some_and(|&byte| byte != b'.')
        {
            return None;
        }
        let date = Date::from_ascii(&bytes[..10])?;
        let hours = ascii_number(&time[0..2])?;
        let minutes = ascii_number(&time[3..5])?;
        let seconds = ascii_number(&time[6..8])?;
        if hours > 23 || minutes > 59 || seconds > 60 {
            return None;
        }
        let seconds_of_day = i64::from(hours * 3600 + minutes * 60 + seconds);
        Some(Self::from_seconds(
            date.days_since_epoch() * SECONDS_PER_DAY + seconds_of_day,
        ))
    }
}

impl Timestamp {
    /// `YYYY-MM-DDTHH:MM:SSZ`, for a year of four digits.
    fn iso_bytes(self) -> Option<[u8; 20]> {
        let mut bytes = *b"0000-00-00T00:00:00Z";
        bytes[..10].copy_from_slice(&self.date().iso_bytes()?);
        let seconds_of_day = self.seconds_since_epoch.rem_euclid(SECONDS_PER_DAY) as u32;
        put_digits(&mut bytes[11..13], seconds_of_day / 3600);
        put_digits(&mut bytes[14..16], seconds_of_day % 3600 / 60);
        put_digits(&mut bytes[17..19], seconds_of_day % 60);
        Some(bytes)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds_of_day = self.seconds_since_epoch.rem_euclid(SECONDS_PER_DAY);
        write!(
            f,
            "{}T{:02}:{:02}:{:02}Z",
            self.date(),
            seconds_of_day / 3600,
            seconds_of_day % 3600 / 60,
            seconds_of_day % 60
        )
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
            Some(bytes) => serializer.serialize_str(ascii(&bytes)),
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

#[cfg(test)]
mod tests {
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
                serde_json::to_string(&time.date()).unwrap(),
                format!("\"{}\"", time.date())
            );
            if (1..=9999).contains(&time.date().year()) {
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
        assert_eq!(instant.date(), Date::new(2026, 11, 23).unwrap());
        assert_eq!(
            Timestamp::parse("2026-11-23T19:04:05.250Z"),
            Some(instant),
            "fractions of a second are accepted and dropped"
        );
        assert_eq!(Timestamp::parse("2026-11-23T19:04:05"), None, "UTC only");
        assert_eq!(Timestamp::parse("2026-11-23T24:00:00Z"), None);
        for malformed in [
            "2026-11-23 19:04:05Z",
            "2026-11-23T19:04Z",
            "2026-11-23T19:04:05,250Z",
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
}
