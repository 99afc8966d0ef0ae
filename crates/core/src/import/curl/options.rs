//! Import stage, curl layer 2: THE table of curl options (short, long, takes a value, meaning), and the walk
//! over the arguments that reads them into a `build::Args`. This is the one place that knows curl's flags.

use super::build::{self, Args, DataKind};
use super::CurlError;
use crate::import::Imported;

/// What an option does to the request reqlab builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Meaning {
    Url,
    Method,
    Header,
    UserAgent,
    Referer,
    Cookie,
    Range,
    Data(DataKind),
    Form,
    FormString,
    User,
    Bearer,
    /// `--basic`, `--digest` and `--aws-sigv4`: how `-u`'s credentials are used (the last one wins).
    Scheme(build::AuthScheme),
    /// `-G`: the data goes into the URL's query.
    DataInQuery,
    Head,
    Location,
    MaxRedirs,
    MaxTime,
    Globoff,
    Upload,
    /// Changes only what curl prints or how it connects, not what reqlab sends.
    NoEffect,
    /// Has no equivalent in a browser request: dropped, with this reason shown to the user.
    Unsupported(&'static str),
}

pub(super) struct CurlOption {
    pub short: Option<char>,
    pub long: &'static str,
    pub takes_value: bool,
    pub meaning: Meaning,
}

const fn opt(
    short: Option<char>,
    long: &'static str,
    takes_value: bool,
    meaning: Meaning,
) -> CurlOption {
    CurlOption {
        short,
        long,
        takes_value,
        meaning,
    }
}

const SAVED: &str = "the response is shown in reqlab, not saved";
const TLS: &str = "browsers always check certificates and choose client certificates themselves";
const CONNECTION: &str = "the browser decides how to connect";
const AUTH: &str = "only Basic, Bearer, Digest and AWS Signature auth can be imported";

use Meaning::*;

/// Every curl option reqlab knows. Long names without the leading `--`.
pub(super) static OPTIONS: &[CurlOption] = &[
    opt(None, "url", true, Url),
    opt(Some('X'), "request", true, Method),
    opt(Some('H'), "header", true, Header),
    opt(Some('A'), "user-agent", true, UserAgent),
    opt(Some('e'), "referer", true, Referer),
    opt(Some('b'), "cookie", true, Cookie),
    opt(Some('r'), "range", true, Range),
    opt(Some('d'), "data", true, Data(DataKind::Ascii)),
    opt(None, "data-ascii", true, Data(DataKind::Ascii)),
    opt(None, "data-raw", true, Data(DataKind::Raw)),
    opt(None, "data-binary", true, Data(DataKind::Binary)),
    opt(None, "data-urlencode", true, Data(DataKind::UrlEncode)),
    opt(None, "json", true, Data(DataKind::Json)),
    opt(Some('F'), "form", true, Form),
    opt(None, "form-string", true, FormString),
    opt(Some('u'), "user", true, User),
    opt(None, "oauth2-bearer", true, Bearer),
    opt(Some('G'), "get", false, DataInQuery),
    opt(Some('I'), "head", false, Head),
    opt(Some('L'), "location", false, Location),
    opt(None, "location-trusted", false, Location),
    opt(None, "max-redirs", true, MaxRedirs),
    opt(Some('m'), "max-time", true, MaxTime),
    opt(Some('g'), "globoff", false, Globoff),
    opt(Some('T'), "upload-file", true, Upload),
    // Output, progress and protocol details: what is sent stays the same.
    opt(Some('s'), "silent", false, NoEffect),
    opt(Some('S'), "show-error", false, NoEffect),
    opt(Some('v'), "verbose", false, NoEffect),
    opt(Some('i'), "include", false, NoEffect),
    opt(Some('f'), "fail", false, NoEffect),
    opt(None, "fail-with-body", false, NoEffect),
    opt(Some('#'), "progress-bar", false, NoEffect),
    opt(None, "no-progress-meter", false, NoEffect),
    opt(Some('N'), "no-buffer", false, NoEffect),
    opt(None, "compressed", false, NoEffect),
    opt(None, "http1.1", false, NoEffect),
    opt(None, "http2", false, NoEffect),
    opt(None, "http2-prior-knowledge", false, NoEffect),
    opt(None, "http3", false, NoEffect),
    opt(Some('4'), "ipv4", false, NoEffect),
    opt(Some('6'), "ipv6", false, NoEffect),
    opt(None, "raw", false, NoEffect),
    opt(None, "path-as-is", false, NoEffect),
    opt(None, "styled-output", false, NoEffect),
    opt(None, "create-dirs", false, NoEffect),
    // Known, with no browser equivalent.
    opt(Some('o'), "output", true, Unsupported(SAVED)),
    opt(Some('O'), "remote-name", false, Unsupported(SAVED)),
    opt(Some('D'), "dump-header", true, Unsupported(SAVED)),
    opt(Some('w'), "write-out", true, Unsupported(SAVED)),
    opt(Some('c'), "cookie-jar", true, Unsupported(SAVED)),
    opt(Some('k'), "insecure", false, Unsupported(TLS)),
    opt(None, "cacert", true, Unsupported(TLS)),
    opt(Some('E'), "cert", true, Unsupported(TLS)),
    opt(None, "key", true, Unsupported(TLS)),
    opt(
        Some('K'),
        "config",
        true,
        Unsupported("a config file is never read"),
    ),
    opt(Some('x'), "proxy", true, Unsupported(CONNECTION)),
    opt(None, "resolve", true, Unsupported(CONNECTION)),
    opt(None, "connect-to", true, Unsupported(CONNECTION)),
    opt(None, "interface", true, Unsupported(CONNECTION)),
    opt(
        None,
        "connect-timeout",
        true,
        Unsupported("the browser has no separate connect timeout; use --max-time"),
    ),
    opt(
        None,
        "retry",
        true,
        Unsupported("reqlab sends each request once"),
    ),
    opt(
        None,
        "retry-delay",
        true,
        Unsupported("reqlab sends each request once"),
    ),
    opt(
        None,
        "retry-max-time",
        true,
        Unsupported("reqlab sends each request once"),
    ),
    opt(Some('Y'), "speed-limit", true, Unsupported(CONNECTION)),
    opt(None, "limit-rate", true, Unsupported(CONNECTION)),
    opt(None, "max-filesize", true, Unsupported(SAVED)),
    opt(None, "basic", false, Scheme(build::AuthScheme::Basic)),
    opt(None, "digest", false, Scheme(build::AuthScheme::Digest)),
    opt(None, "ntlm", false, Unsupported(AUTH)),
    opt(None, "negotiate", false, Unsupported(AUTH)),
    opt(None, "anyauth", false, Unsupported(AUTH)),
    opt(None, "aws-sigv4", true, Scheme(build::AuthScheme::AwsSigV4)),
    opt(
        None,
        "request-target",
        true,
        Unsupported("browsers always send the URL's own path"),
    ),
    opt(
        Some('z'),
        "time-cond",
        true,
        Unsupported("set an If-Modified-Since header instead"),
    ),
];

pub(super) fn by_long(name: &str) -> Option<&'static CurlOption> {
    OPTIONS.iter().find(|o| o.long == name)
}

pub(super) fn by_short(c: char) -> Option<&'static CurlOption> {
    OPTIONS.iter().find(|o| o.short == Some(c))
}

/// Reads curl's arguments (program name left out) into a request, with warnings for all it leaves out.
pub(super) fn interpret(words: &[String]) -> Result<Imported, CurlError> {
    let mut args = Args::default();
    let mut rest = words.iter();
    let mut options_ended = false;
    while let Some(word) = rest.next() {
        if options_ended || !word.starts_with('-') || word == "-" {
            args.urls.push(word.clone());
            continue;
        }
        if word == "--" {
            options_ended = true; // everything after is a URL, even when it starts with `-`
            continue;
        }
        if let Some(long) = word.strip_prefix("--") {
            read_long(long, &mut rest, &mut args);
        } else {
            read_short_bundle(&word[1..], &mut rest, &mut args);
        }
    }
    build::request(args)
}

fn read_long<'a>(long: &str, rest: &mut impl Iterator<Item = &'a String>, args: &mut Args) {
    // `--no-location` switches a flag off again.
    let (option, negated) = match by_long(long) {
        Some(o) => (o, false),
        None => match long.strip_prefix("no-").and_then(by_long) {
            Some(o) if !o.takes_value => (o, true),
            _ => {
                let hint = if long.contains('=') {
                    " (curl takes values after a space, not after \"=\")"
                } else {
                    ""
                };
                args.warn(format!("Ignored the unknown option --{long}{hint}."));
                return;
            }
        },
    };
    let value = if option.takes_value {
        match rest.next() {
            Some(v) => Some(v.as_str()),
            None => {
                args.warn(format!("--{} needs a value; it was left out.", option.long));
                return;
            }
        }
    } else {
        None
    };
    args.apply(option, value, negated, &format!("--{long}"));
}

fn read_short_bundle<'a>(
    bundle: &str,
    rest: &mut impl Iterator<Item = &'a String>,
    args: &mut Args,
) {
    // Short flags bundle (`-sSL`); one that takes a value takes the rest of the word (`-XPOST`, `-H"x: 1"`)
    // or, when nothing is left, the next word.
    for (i, c) in bundle.char_indices() {
        let Some(option) = by_short(c) else {
            args.warn(format!("Ignored the unknown option -{c}."));
            continue;
        };
        if !option.takes_value {
            args.apply(option, None, false, &format!("-{c}"));
            continue;
        }
        let attached = &bundle[i + c.len_utf8()..];
        let value = if attached.is_empty() {
            match rest.next() {
                Some(v) => v.as_str(),
                None => {
                    args.warn(format!("-{c} needs a value; it was left out."));
                    return;
                }
            }
        } else {
            attached
        };
        args.apply(option, Some(value), false, &format!("-{c}"));
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_table_has_no_duplicates() {
        let mut longs = HashSet::new();
        let mut shorts = HashSet::new();
        for o in OPTIONS {
            assert!(longs.insert(o.long), "--{} twice", o.long);
            if let Some(c) = o.short {
                assert!(shorts.insert(c), "-{c} twice");
            }
        }
    }
}
