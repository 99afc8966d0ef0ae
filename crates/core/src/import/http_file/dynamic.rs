//! Dynamic variables of `.http` files (`{{$guid}}`, `{{$timestamp}}`, `{{$datetime ...}}`, ...): replaced with
//! values from a clock, a random source and the process environment, which the caller provides so that
//! the replacement stays a pure function. The runner calls [`expand_dynamic`] on every text field before
//! `prepare` substitutes the ordinary `{{name}}` variables.

use super::datetime::{self, Unit};

/// Where dynamic values come from: the CLI passes the system clock, a random generator and the process
/// environment; the browser passes no environment; tests pass fixed values.
pub trait DynamicSource {
    /// Now, in milliseconds since 1970-01-01 UTC.
    fn now_unix_ms(&mut self) -> i64;
    fn random_u64(&mut self) -> u64;
    /// A process environment variable (`{{$processEnv NAME}}`, `{{$env.NAME}}`); `None` when unset or when
    /// there is no process environment.
    fn env(&mut self, name: &str) -> Option<String>;
}

/// `text` with every dynamic variable it knows replaced:
/// - `{{$guid}}`, `{{$uuid}}`, `{{$random.uuid}}`: a version 4 UUID;
/// - `{{$timestamp [offset unit]}}`: Unix seconds, e.g. `{{$timestamp -1 d}}` for a day ago;
/// - `{{$isoTimestamp}}`: now in ISO 8601 (`2015-10-21T18:27:50.000Z`);
/// - `{{$randomInt [min max]}}` and `{{$random.integer(min, max)}}`: `min` included, `max` excluded
///   (`0` to `1000` without bounds);
/// - `{{$datetime rfc1123|iso8601|"format"|'format' [offset unit]}}` with Day.js format tokens, and
///   `{{$localDatetime ...}}`, which here is UTC as well: the runner has no time zone to go by, so local
///   time is taken to be UTC (`Z` writes `+00:00`);
/// - `{{$processEnv NAME}}`, `{{$env.NAME}}`: the environment variable, when set.
///
/// Offset units are REST Client's: `y`, `M`, `w`, `d`, `h`, `m`, `s`, `ms`. Anything else in `{{$...}}`
/// (unknown names, bad arguments, `{{$processEnv %name}}`, `{{$dotenv ...}}`, Azure tokens) stays as written.
/// The value of the dynamic variable `name` (a `{{…}}`'s inside: `$guid`, `$randomInt 1 10`), or `None`
/// when it is not one this module knows: what a runner asks for each name no environment defines.
pub fn dynamic_value(name: &str, source: &mut dyn DynamicSource) -> Option<String> {
    let written = format!("{{{{{name}}}}}");
    let value = expand_dynamic(&written, source);
    (value != written).then_some(value)
}

pub fn expand_dynamic(text: &str, source: &mut dyn DynamicSource) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after_open = &rest[start + 2..];
        let Some(length) = after_open.find("}}") else {
            break;
        };
        out.push_str(&rest[..start]);
        let inner = after_open[..length].trim();
        match inner
            .strip_prefix('$')
            .and_then(|variable| evaluate(variable, source))
        {
            Some(value) => out.push_str(&value),
            None => out.push_str(&rest[start..start + 2 + length + 2]),
        }
        rest = &after_open[length + 2..];
    }
    out.push_str(rest);
    out
}

fn evaluate(variable: &str, source: &mut dyn DynamicSource) -> Option<String> {
    if let Some(arguments) = variable
        .strip_prefix("random.integer(")
        .and_then(|rest| rest.strip_suffix(')'))
    {
        let (min, max) = arguments.split_once(',')?;
        return random_int(min.trim().parse().ok()?, max.trim().parse().ok()?, source);
    }
    let (name, arguments) = match variable.split_once(char::is_whitespace) {
        Some((name, arguments)) => (name, arguments.trim()),
        None => (variable, ""),
    };
    match name {
        "guid" | "uuid" | "random.uuid" if arguments.is_empty() => Some(uuid_v4(source)),
        "timestamp" => {
            let moment = offset_now(arguments, source)?;
            Some(moment.div_euclid(1000).to_string())
        }
        "isoTimestamp" if arguments.is_empty() => {
            let now = source.now_unix_ms();
            Some(datetime::format(
                &datetime::from_unix_ms(now),
                datetime::ISO8601,
            ))
        }
        "randomInt" => match arguments.split_whitespace().collect::<Vec<_>>()[..] {
            [] => random_int(0, 1000, source),
            [min, max] => random_int(min.parse().ok()?, max.parse().ok()?, source),
            _ => None,
        },
        "datetime" | "localDatetime" => formatted_datetime(arguments, source),
        "processEnv" if is_single_word(arguments) && !arguments.starts_with('%') => {
            source.env(arguments)
        }
        _ => {
            let env_name = name.strip_prefix("env.")?;
            if arguments.is_empty() && !env_name.is_empty() {
                source.env(env_name)
            } else {
                None
            }
        }
    }
}

fn is_single_word(text: &str) -> bool {
    !text.is_empty() && !text.contains(char::is_whitespace)
}

/// A version 4 UUID (RFC 4122): 122 random bits, then the version and variant bits set.
fn uuid_v4(source: &mut dyn DynamicSource) -> String {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&source.random_u64().to_be_bytes());
    bytes[8..].copy_from_slice(&source.random_u64().to_be_bytes());
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// An integer from `min` (included) to `max` (excluded); `None` when the range is empty.
fn random_int(min: i64, max: i64, source: &mut dyn DynamicSource) -> Option<String> {
    if max <= min {
        return None;
    }
    let span = (i128::from(max) - i128::from(min)) as u128;
    let offset = u128::from(source.random_u64()) % span;
    Some((i128::from(min) + offset as i128).to_string())
}

/// Now, moved by an optional `amount unit` offset.
fn offset_now(arguments: &str, source: &mut dyn DynamicSource) -> Option<i64> {
    let offset = match arguments.split_whitespace().collect::<Vec<_>>()[..] {
        [] => None,
        [amount, unit] => Some((amount.parse::<i64>().ok()?, Unit::parse(unit)?)),
        _ => return None,
    };
    let now = source.now_unix_ms();
    match offset {
        None => Some(now),
        Some((amount, unit)) => datetime::add(now, amount, unit),
    }
}

/// `rfc1123`, `iso8601` or a quoted Day.js format, then an optional offset.
fn formatted_datetime(arguments: &str, source: &mut dyn DynamicSource) -> Option<String> {
    let (pattern, offset) = match arguments.chars().next() {
        Some(quote @ ('"' | '\'')) => {
            let (pattern, after) = arguments[1..].split_once(quote)?;
            (pattern, after)
        }
        _ => {
            let (word, after) = arguments
                .split_once(char::is_whitespace)
                .unwrap_or((arguments, ""));
            let pattern = match word {
                "rfc1123" => datetime::RFC1123,
                "iso8601" => datetime::ISO8601,
                _ => return None,
            };
            (pattern, after)
        }
    };
    let moment = offset_now(offset.trim(), source)?;
    Some(datetime::format(&datetime::from_unix_ms(moment), pattern))
}
