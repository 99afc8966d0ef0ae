//! Sign stage, clock part: the UTC instant a signature is made at, read from Unix seconds or an RFC 3339
//! timestamp and written the two ways SigV4 needs (`20150830T123600Z` and `20150830`).
//!
//! Hand-written rather than a date crate: the conversion is `calendar`'s two small formulas, and core must
//! stay free of dependencies the page would carry.

use crate::calendar::{civil_from_days, days_from_civil};
use thiserror::Error;

const SECONDS_PER_DAY: i64 = 86_400;
/// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the instants whose year has four digits, as SigV4's date
/// format needs.
const EARLIEST: i64 = -62_135_596_800;
const LATEST: i64 = 253_402_300_799;

/// A moment in UTC, to the second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct UtcTime {
    unix_seconds: i64,
}

/// Why a time cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum TimeError {
    #[error("The time {0} lies outside the years 0001 to 9999.")]
    OutOfRange(i64),
    #[error(
        "\"{0}\" is not a timestamp such as 2015-08-30T12:36:00Z or 2015-08-30T14:36:00+02:00."
    )]
    Malformed(String),
}

/// A calendar date and time of day, in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Civil {
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
}

impl UtcTime {
    /// The instant `seconds` after 1970-01-01T00:00:00Z (negative: before it).
    pub fn from_unix_seconds(seconds: i64) -> Result<UtcTime, TimeError> {
        if (EARLIEST..=LATEST).contains(&seconds) {
            Ok(UtcTime {
                unix_seconds: seconds,
            })
        } else {
            Err(TimeError::OutOfRange(seconds))
        }
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn unix_seconds(self) -> i64 {
        self.unix_seconds
    }

    /// Reads an RFC 3339 timestamp: `2015-08-30T12:36:00Z`, with `t`/`z` in either case, optional fractional
    /// seconds (dropped: signatures count whole seconds) and an offset such as `+02:00` in place of `Z`.
    pub fn parse_rfc3339(text: &str) -> Result<UtcTime, TimeError> {
        let malformed = || TimeError::Malformed(text.to_string());
        let bytes = text.trim().as_bytes();
        if bytes.len() < 20 || !matches!(bytes[10], b'T' | b't') {
            return Err(malformed());
        }
        let date = digits_with_separators(&bytes[..10], b'-').ok_or_else(malformed)?;
        let time = digits_with_separators(&bytes[11..19], b':').ok_or_else(malformed)?;
        let offset = offset_seconds(skip_fraction(&bytes[19..])).ok_or_else(malformed)?;
        let civil = Civil {
            year: date[0],
            month: date[1],
            day: date[2],
            hour: time[0],
            minute: time[1],
            second: time[2],
        };
        if !civil.is_valid() {
            return Err(malformed());
        }
        UtcTime::from_unix_seconds(civil.to_unix_seconds() - offset)
    }

    /// `YYYYMMDD'T'HHMMSS'Z'`, the form of `X-Amz-Date`.
    pub fn amz_date(self) -> String {
        let c = Civil::from_unix_seconds(self.unix_seconds);
        format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            c.year, c.month, c.day, c.hour, c.minute, c.second
        )
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` (RFC 3339), for reports.
    pub fn rfc3339(self) -> String {
        let c = Civil::from_unix_seconds(self.unix_seconds);
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            c.year, c.month, c.day, c.hour, c.minute, c.second
        )
    }

    /// `YYYYMMDD`, the date in a SigV4 credential scope.
    pub fn date_stamp(self) -> String {
        let c = Civil::from_unix_seconds(self.unix_seconds);
        format!("{:04}{:02}{:02}", c.year, c.month, c.day)
    }
}

impl Civil {
    fn is_valid(&self) -> bool {
        (1..=12).contains(&self.month)
            && (1..=days_in_month(self.year, self.month)).contains(&self.day)
            && (0..24).contains(&self.hour)
            && (0..60).contains(&self.minute)
            // 60 is a leap second; Unix time has none, so it lands on the next minute's first second.
            && (0..=60).contains(&self.second)
    }

    fn to_unix_seconds(self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * SECONDS_PER_DAY
            + self.hour * 3600
            + self.minute * 60
            + self.second
    }

    fn from_unix_seconds(seconds: i64) -> Civil {
        let days = seconds.div_euclid(SECONDS_PER_DAY);
        let of_day = seconds.rem_euclid(SECONDS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month,
            day,
            hour: of_day / 3600,
            minute: of_day % 3600 / 60,
            second: of_day % 60,
        }
    }
}

fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The three numbers of `2015-08-30` or `12:36:00` (fixed widths: 4-2-2 or 2-2-2), or `None`.
fn digits_with_separators(bytes: &[u8], separator: u8) -> Option<[i64; 3]> {
    let parts: Vec<&[u8]> = bytes.split(|&b| b == separator).collect();
    let widths: &[usize] = if bytes.len() == 10 {
        &[4, 2, 2]
    } else {
        &[2, 2, 2]
    };
    if parts.len() != 3 || parts.iter().zip(widths).any(|(p, &w)| p.len() != w) {
        return None;
    }
    let mut out = [0; 3];
    for (slot, part) in out.iter_mut().zip(&parts) {
        *slot = number(part)?;
    }
    Some(out)
}

fn number(digits: &[u8]) -> Option<i64> {
    digits.iter().try_fold(0i64, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + i64::from(b - b'0'))
    })
}

/// What follows the seconds once a `.123` fraction is passed over.
fn skip_fraction(rest: &[u8]) -> &[u8] {
    match rest.split_first() {
        Some((b'.', tail)) => {
            let digits = tail.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 0 {
                rest
            } else {
                &tail[digits..]
            }
        }
        _ => rest,
    }
}

/// `Z` as 0, `+02:00` as 7200, `-05:30` as -19800; anything else is `None`.
fn offset_seconds(zone: &[u8]) -> Option<i64> {
    match zone {
        [b'Z' | b'z'] => Some(0),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let hours = number(&[*h1, *h2])?;
            let minutes = number(&[*m1, *m2])?;
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = hours * 3600 + minutes * 60;
            Some(if *sign == b'-' { -seconds } else { seconds })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> UtcTime {
        UtcTime::from_unix_seconds(seconds).expect("in range")
    }

    #[test]
    fn formats_known_instants() {
        // Unix seconds taken from `date -u -d ... +%s`, not from the code under test.
        let cases = [
            (0, "19700101T000000Z"),
            (1_440_938_160, "20150830T123600Z"),
            (1_369_353_600, "20130524T000000Z"),
            (951_782_400, "20000229T000000Z"),
            (1_709_251_199, "20240229T235959Z"),
            (4_107_542_400, "21000301T000000Z"),
            (-1, "19691231T235959Z"),
            (EARLIEST, "00010101T000000Z"),
            (LATEST, "99991231T235959Z"),
        ];
        for (seconds, expected) in cases {
            assert_eq!(at(seconds).amz_date(), expected, "{seconds}");
            assert_eq!(at(seconds).date_stamp(), expected[..8], "{seconds}");
        }
    }

    #[test]
    fn refuses_instants_without_a_four_digit_year() {
        assert_eq!(
            UtcTime::from_unix_seconds(EARLIEST - 1),
            Err(TimeError::OutOfRange(EARLIEST - 1))
        );
        assert!(UtcTime::from_unix_seconds(LATEST + 1).is_err());
    }

    #[test]
    fn parses_rfc3339_with_and_without_offsets() {
        let cases = [
            ("2015-08-30T12:36:00Z", 1_440_938_160),
            ("2015-08-30t12:36:00z", 1_440_938_160),
            ("2015-08-30T14:36:00+02:00", 1_440_938_160),
            ("2015-08-30T07:06:00-05:30", 1_440_938_160),
            ("2015-08-30T12:36:00.999Z", 1_440_938_160),
            ("2015-08-31T01:00:00+12:24", 1_440_938_160),
            ("2000-02-29T00:00:00Z", 951_782_400),
            ("2024-03-01T01:59:59+02:00", 1_709_251_199),
            ("1970-01-01T00:59:59+01:00", -1),
            ("2016-12-31T23:59:60Z", 1_483_228_800),
        ];
        for (text, seconds) in cases {
            assert_eq!(UtcTime::parse_rfc3339(text), Ok(at(seconds)), "{text}");
        }
    }

    #[test]
    fn rejects_malformed_or_impossible_timestamps() {
        for text in [
            "",
            "2015-08-30",
            "2015-08-30 12:36:00Z",
            "2015-08-30T12:36:00",
            "2015-08-30T12:36:00+0200",
            "2015-8-30T12:36:00Z",
            "2015-08-30T12:36Z",
            "2015-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2015-13-01T00:00:00Z",
            "2015-04-31T00:00:00Z",
            "2015-08-30T24:00:00Z",
            "2015-08-30T12:60:00Z",
            "2015-08-30T12:36:00+24:00",
            "2015-08-30T12:36:00.Z",
            "+015-08-30T12:36:00Z",
            "２015-08-30T12:36:00Z",
        ] {
            assert!(UtcTime::parse_rfc3339(text).is_err(), "{text:?}");
        }
    }

    #[test]
    fn days_from_civil_and_back_agree_across_leap_rules() {
        for days in (-800_000..3_000_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
            assert!((1..=days_in_month(y, m)).contains(&d));
        }
        assert!(is_leap_year(2000) && is_leap_year(2024) && !is_leap_year(1900));
        assert!(!is_leap_year(2100) && !is_leap_year(2023));
    }
}
