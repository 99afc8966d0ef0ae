//! Dates for the dynamic variables: Unix milliseconds to a UTC calendar date and back (proleptic Gregorian,
//! days counted from 1970-01-01), offsets in calendar units as Day.js adds them, and Day.js format tokens.

const MS_PER_DAY: i64 = 86_400_000;
/// The range of a JavaScript `Date` (±100,000,000 days): beyond it REST Client has no date to show.
const MAX_ABS_MS: i64 = 8_640_000_000_000_000;

/// A moment in UTC, split into calendar fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct DateTime {
    pub year: i64,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31.
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub millisecond: u32,
    /// 0 is Sunday, as in Day.js.
    pub weekday: u32,
    pub unix_ms: i64,
}

/// Days from 1970-01-01 to the date (`calendar`'s, with the field types the formats use).
pub(super) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    crate::calendar::days_from_civil(year, i64::from(month), i64::from(day))
}

/// The date `days` after 1970-01-01: the inverse of [`days_from_civil`].
pub(super) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let (year, month, day) = crate::calendar::civil_from_days(days);
    (year, month as u32, day as u32)
}

pub(super) fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

pub(super) fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

pub(super) fn from_unix_ms(unix_ms: i64) -> DateTime {
    let days = unix_ms.div_euclid(MS_PER_DAY);
    let ms_of_day = unix_ms.rem_euclid(MS_PER_DAY);
    let (year, month, day) = civil_from_days(days);
    DateTime {
        year,
        month,
        day,
        hour: (ms_of_day / 3_600_000) as u32,
        minute: (ms_of_day / 60_000 % 60) as u32,
        second: (ms_of_day / 1000 % 60) as u32,
        millisecond: (ms_of_day % 1000) as u32,
        // 1970-01-01 was a Thursday.
        weekday: (days + 4).rem_euclid(7) as u32,
        unix_ms,
    }
}

/// A unit of `{{$timestamp 2 d}}` and `{{$datetime iso8601 1 y}}` offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Millisecond,
}

impl Unit {
    /// REST Client's unit letters (case matters: `M` is a month, `m` a minute).
    pub fn parse(text: &str) -> Option<Unit> {
        Some(match text {
            "y" => Unit::Year,
            "M" => Unit::Month,
            "w" => Unit::Week,
            "d" => Unit::Day,
            "h" => Unit::Hour,
            "m" => Unit::Minute,
            "s" => Unit::Second,
            "ms" => Unit::Millisecond,
            _ => return None,
        })
    }
}

/// `unix_ms` moved by `amount` units; `None` past the range of a date. Months and years keep the time of day
/// and the day of the month, or take the month's last day when it is shorter (31 January + 1 M is 28 or 29
/// February), as Day.js does.
pub(super) fn add(unix_ms: i64, amount: i64, unit: Unit) -> Option<i64> {
    let fixed_ms = match unit {
        Unit::Year => return add_months(unix_ms, amount.checked_mul(12)?),
        Unit::Month => return add_months(unix_ms, amount),
        Unit::Week => 7 * MS_PER_DAY,
        Unit::Day => MS_PER_DAY,
        Unit::Hour => 3_600_000,
        Unit::Minute => 60_000,
        Unit::Second => 1000,
        Unit::Millisecond => 1,
    };
    in_range(amount.checked_mul(fixed_ms)?.checked_add(unix_ms)?)
}

fn add_months(unix_ms: i64, months: i64) -> Option<i64> {
    let date = from_unix_ms(in_range(unix_ms)?);
    let month_index = date
        .year
        .checked_mul(12)?
        .checked_add(i64::from(date.month) - 1)?
        .checked_add(months)?;
    let year = month_index.div_euclid(12);
    // Far beyond any date's range: stop before the day count could overflow.
    if year.abs() > 1_000_000 {
        return None;
    }
    let month = month_index.rem_euclid(12) as u32 + 1;
    let day = date.day.min(days_in_month(year, month));
    let ms_of_day = unix_ms.rem_euclid(MS_PER_DAY);
    in_range(days_from_civil(year, month, day) * MS_PER_DAY + ms_of_day)
}

fn in_range(unix_ms: i64) -> Option<i64> {
    (unix_ms.abs() <= MAX_ABS_MS).then_some(unix_ms)
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// Day.js format tokens, longest first so that `MMMM` is not read as `MM` twice.
const TOKENS: [&str; 27] = [
    "YYYY", "MMMM", "dddd", "SSS", "MMM", "ddd", "YY", "MM", "DD", "dd", "HH", "hh", "mm", "ss",
    "ZZ", "M", "D", "d", "H", "h", "m", "s", "Z", "A", "a", "X", "x",
];

/// `date` written with a Day.js format: the tokens above, `[text]` kept as written, anything else copied.
/// The zone is always UTC (`Z` is `+00:00`).
pub(super) fn format(date: &DateTime, pattern: &str) -> String {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        if c == '[' {
            if let Some(end) = rest.find(']').filter(|&end| end > 1) {
                out.push_str(&rest[1..end]);
                rest = &rest[end + 1..];
                continue;
            }
        }
        match TOKENS.iter().find(|token| rest.starts_with(**token)) {
            Some(token) => {
                out.push_str(&token_value(date, token));
                rest = &rest[token.len()..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

fn token_value(date: &DateTime, token: &str) -> String {
    let month_name = MONTHS
        .get(date.month as usize - 1)
        .copied()
        .unwrap_or_default();
    let weekday_name = WEEKDAYS
        .get(date.weekday as usize)
        .copied()
        .unwrap_or_default();
    let hour12 = match date.hour % 12 {
        0 => 12,
        h => h,
    };
    match token {
        "YYYY" => format!("{:04}", date.year),
        "YY" => format!("{:02}", date.year.rem_euclid(100)),
        "MMMM" => month_name.to_string(),
        "MMM" => month_name.chars().take(3).collect(),
        "MM" => format!("{:02}", date.month),
        "M" => date.month.to_string(),
        "DD" => format!("{:02}", date.day),
        "D" => date.day.to_string(),
        "dddd" => weekday_name.to_string(),
        "ddd" => weekday_name.chars().take(3).collect(),
        "dd" => weekday_name.chars().take(2).collect(),
        "d" => date.weekday.to_string(),
        "HH" => format!("{:02}", date.hour),
        "H" => date.hour.to_string(),
        "hh" => format!("{hour12:02}"),
        "h" => hour12.to_string(),
        "mm" => format!("{:02}", date.minute),
        "m" => date.minute.to_string(),
        "ss" => format!("{:02}", date.second),
        "s" => date.second.to_string(),
        "SSS" => format!("{:03}", date.millisecond),
        "Z" => "+00:00".to_string(),
        "ZZ" => "+0000".to_string(),
        "A" => if date.hour < 12 { "AM" } else { "PM" }.to_string(),
        "a" => if date.hour < 12 { "am" } else { "pm" }.to_string(),
        "X" => date.unix_ms.div_euclid(1000).to_string(),
        "x" => date.unix_ms.to_string(),
        other => other.to_string(),
    }
}

/// RFC 1123, as HTTP dates are written: `Wed, 21 Oct 2015 18:27:50 GMT`.
pub(super) const RFC1123: &str = "ddd, DD MMM YYYY HH:mm:ss [GMT]";
/// ISO 8601 as JavaScript's `toISOString` writes it: `2015-10-21T18:27:50.000Z`.
pub(super) const ISO8601: &str = "YYYY-MM-DD[T]HH:mm:ss.SSS[Z]";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_dates_agree_across_four_centuries() {
        let start = days_from_civil(1600, 1, 1);
        let end = days_from_civil(2401, 1, 1);
        let mut expected = (1600, 1, 1);
        for days in start..end {
            assert_eq!(civil_from_days(days), expected);
            let (year, month, day) = expected;
            assert_eq!(days_from_civil(year, month, day), days);
            expected = if day < days_in_month(year, month) {
                (year, month, day + 1)
            } else if month < 12 {
                (year, month + 1, 1)
            } else {
                (year + 1, 1, 1)
            };
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn extreme_offsets_give_none_instead_of_overflowing() {
        assert_eq!(add(0, i64::MAX, Unit::Year), None);
        assert_eq!(add(0, i64::MIN, Unit::Month), None);
        assert_eq!(add(i64::MAX, 1, Unit::Month), None);
        assert_eq!(add(0, i64::MAX, Unit::Millisecond), None);
    }
}
