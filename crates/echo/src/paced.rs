//! Items spread evenly over time, shared by `/sse` and the record streams (`/ndjson`, `/jsonl`,
//! `/json-seq`): go-httpbin's `count`, `duration` and `delay` parameters, and a body that writes every item
//! that has fallen due in one chunk, so 10,000 items a second cost a few hundred wake-ups, not 10,000 timers.

use axum::body::Bytes;
use futures_util::{stream, Stream};
use serde::Deserialize;
use std::convert::Infallible;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::time::Instant;

/// Most items one request may ask for.
pub const MAX_COUNT: usize = 1_000_000;

/// Items written into one chunk at most: when many fall due at once (a zero duration), memory stays small.
const MAX_BATCH: usize = 1024;

#[derive(Deserialize)]
pub struct PaceQuery {
    count: Option<String>,
    duration: Option<String>,
    delay: Option<String>,
}

/// How many items, over how long, after how long a wait.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pace {
    pub count: usize,
    pub duration: Duration,
    pub delay: Duration,
}

impl Pace {
    /// Reads the query with go-httpbin's defaults (10 items over 5 s, no delay); `max` caps duration + delay.
    pub fn from_query(query: &PaceQuery, max: Duration) -> Result<Pace, String> {
        let count = match query.count.as_deref() {
            None => 10,
            Some(text) => text
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=MAX_COUNT).contains(n))
                .ok_or(format!(
                    "count must be a whole number from 1 to {MAX_COUNT}."
                ))?,
        };
        let duration = duration_param("duration", query.duration.as_deref(), 5.0)?;
        let delay = duration_param("delay", query.delay.as_deref(), 0.0)?;
        if duration.saturating_add(delay) > max {
            return Err(format!(
                "duration + delay must be at most {} s (see --max-delay).",
                max.as_secs_f64()
            ));
        }
        Ok(Pace {
            count,
            duration,
            delay,
        })
    }

    /// The gap between items: the first goes at once and the last at `duration` (rounded up, as go-httpbin).
    pub fn gap(&self) -> Duration {
        match self.count {
            0 | 1 => self.duration,
            n => {
                let steps = (n - 1) as u128;
                let nanos = self.duration.as_nanos().div_ceil(steps);
                Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX))
            }
        }
    }
}

fn duration_param(name: &str, text: Option<&str>, default_secs: f64) -> Result<Duration, String> {
    match text {
        None => Ok(Duration::from_secs_f64(default_secs)),
        Some(text) => parse_duration(text).ok_or(format!(
            "{name} must be a duration such as 5s, 500ms, 1m30s or a number of seconds, not {text:?}."
        )),
    }
}

/// Go's duration syntax (`1h2m3.5s`, `500ms`, `250us`, `0`), or a bare number of seconds as go-httpbin
/// also accepts. Negative and non-finite values are refused.
pub fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    if let Ok(secs) = text.parse::<f64>() {
        return Duration::try_from_secs_f64(secs).ok();
    }
    let mut rest = text.strip_prefix('+').unwrap_or(text);
    if rest.is_empty() {
        return None;
    }
    let mut total = 0f64;
    while !rest.is_empty() {
        let number_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let number: f64 = rest[..number_end].parse().ok()?;
        rest = &rest[number_end..];
        let unit_end = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let seconds_per_unit = match &rest[..unit_end] {
            "ns" => 1e-9,
            "us" | "µs" | "μs" => 1e-6,
            "ms" => 1e-3,
            "s" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            _ => return None,
        };
        rest = &rest[unit_end..];
        total += number * seconds_per_unit;
    }
    Duration::try_from_secs_f64(total).ok()
}

/// Milliseconds since the Unix epoch, as the items' `timestamp`.
pub fn unix_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or_default()
}

/// The body: item `id` is due `id × gap` after the stream starts; each chunk holds every item due by the
/// time it is written. `write` appends one item (its id and the chunk's Unix-ms timestamp) to the buffer.
pub fn paced<F>(pace: Pace, write: F) -> impl Stream<Item = Result<Bytes, Infallible>> + Send
where
    F: FnMut(usize, u128, &mut Vec<u8>) + Send + 'static,
{
    let gap = pace.gap();
    let count = pace.count;
    let state = (Instant::now(), 0usize, write);
    stream::unfold(state, move |(start, next, mut write)| async move {
        if next >= count {
            return None;
        }
        let mut due = due_by(start.elapsed(), gap, count);
        if due <= next {
            let at = u32::try_from(next)
                .ok()
                .and_then(|n| gap.checked_mul(n))
                .map_or(start + pace.duration, |offset| start + offset);
            tokio::time::sleep_until(at).await;
            due = due_by(start.elapsed(), gap, count).max(next + 1);
        }
        let end = due.min(next + MAX_BATCH);
        let timestamp = unix_ms();
        let mut chunk = Vec::with_capacity((end - next) * 64);
        for id in next..end {
            write(id, timestamp, &mut chunk);
        }
        Some((Ok(Bytes::from(chunk)), (start, end, write)))
    })
}

/// How many items are due `elapsed` after the start.
fn due_by(elapsed: Duration, gap: Duration, count: usize) -> usize {
    if gap.is_zero() {
        return count;
    }
    let passed = elapsed.as_nanos() / gap.as_nanos();
    usize::try_from(passed)
        .unwrap_or(usize::MAX)
        .saturating_add(1)
        .min(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_as_go_writes_them() {
        for (text, millis) in [
            ("5s", Some(5000)),
            ("500ms", Some(500)),
            ("1m30s", Some(90_000)),
            ("1.5s", Some(1500)),
            ("2", Some(2000)),
            ("0.25", Some(250)),
            ("0", Some(0)),
            ("1h", Some(3_600_000)),
            ("1500us", Some(1)),
            ("-1s", None),
            ("-1", None),
            ("5x", None),
            ("s", None),
            ("", None),
            ("inf", None),
        ] {
            assert_eq!(
                parse_duration(text).map(|d| d.as_millis() as u64),
                millis,
                "{text}"
            );
        }
    }

    #[test]
    fn limits_and_defaults() {
        let max = Duration::from_secs(10);
        let query = |count: Option<&str>, duration: Option<&str>, delay: Option<&str>| PaceQuery {
            count: count.map(str::to_string),
            duration: duration.map(str::to_string),
            delay: delay.map(str::to_string),
        };
        assert_eq!(
            Pace::from_query(&query(None, None, None), max),
            Ok(Pace {
                count: 10,
                duration: Duration::from_secs(5),
                delay: Duration::ZERO
            })
        );
        for bad in [
            query(Some("0"), None, None),
            query(Some("1000001"), None, None),
            query(Some("x"), None, None),
            query(None, Some("11s"), None),
            query(None, Some("6"), Some("5")),
            query(None, Some("soon"), None),
        ] {
            assert!(Pace::from_query(&bad, max).is_err());
        }
    }

    #[test]
    fn gaps_spread_the_items_over_the_duration() {
        let pace = |count, secs| Pace {
            count,
            duration: Duration::from_secs(secs),
            delay: Duration::ZERO,
        };
        assert_eq!(pace(11, 10).gap(), Duration::from_secs(1));
        assert_eq!(pace(1, 3).gap(), Duration::from_secs(3));
        assert_eq!(pace(100_001, 10).gap(), Duration::from_micros(100));
        assert_eq!(due_by(Duration::ZERO, Duration::from_secs(1), 5), 1);
        assert_eq!(
            due_by(Duration::from_millis(2500), Duration::from_secs(1), 5),
            3
        );
        assert_eq!(
            due_by(Duration::from_secs(60), Duration::from_secs(1), 5),
            5
        );
        assert_eq!(due_by(Duration::ZERO, Duration::ZERO, 5), 5);
    }
}
