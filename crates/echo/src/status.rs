//! `/status/{codes}`: answer with a chosen status, or one picked from a weighted list (`200:0.8,500:0.2`).

use crate::reply::{bad_request, plain};
use crate::rng::SplitMix;
use axum::{
    extract::Path,
    http::{header, HeaderValue, StatusCode},
    response::Response,
};

pub async fn status(Path(codes): Path<String>) -> Response {
    let choices = match parse_codes(&codes) {
        Ok(choices) => choices,
        Err(message) => return bad_request(&message),
    };
    let code = pick(&choices, SplitMix::fresh().unit());
    respond(code)
}

/// `200`, `200,404` (equal weights) or `200:0.7,500:0.3`.
fn parse_codes(text: &str) -> Result<Vec<(StatusCode, f64)>, String> {
    let mut choices = Vec::new();
    for item in text.split(',') {
        let (code, weight) = match item.split_once(':') {
            Some((code, weight)) => (
                code,
                weight
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|w| w.is_finite() && *w >= 0.0)
                    .ok_or(format!("{weight:?} is not a weight."))?,
            ),
            None => (item, 1.0),
        };
        let code = code
            .trim()
            .parse::<u16>()
            .ok()
            .and_then(|c| StatusCode::from_u16(c).ok())
            .filter(|c| (100..600).contains(&c.as_u16()) && c.as_u16() != 101)
            .ok_or(format!(
                "{code:?} is not a status code between 100 and 599."
            ))?;
        choices.push((code, weight));
    }
    if choices.iter().map(|(_, w)| w).sum::<f64>() <= 0.0 {
        return Err("The weights add up to nothing.".to_string());
    }
    Ok(choices)
}

/// `roll` in [0, 1) walks the cumulative weights.
fn pick(choices: &[(StatusCode, f64)], roll: f64) -> StatusCode {
    let total: f64 = choices.iter().map(|(_, w)| w).sum();
    let mut point = roll * total;
    for (code, weight) in choices {
        if point < *weight {
            return *code;
        }
        point -= weight;
    }
    choices.last().map(|(c, _)| *c).unwrap_or(StatusCode::OK)
}

/// A few statuses mean little without their companion header; add it as httpbin does.
fn respond(code: StatusCode) -> Response {
    let mut response = if code == StatusCode::IM_A_TEAPOT {
        plain(code, "I'm a teapot.")
    } else {
        let mut response = Response::new(axum::body::Body::empty());
        *response.status_mut() = code;
        response
    };
    let headers = response.headers_mut();
    match code.as_u16() {
        301 | 302 | 303 | 305 | 307 | 308 => {
            headers.insert(header::LOCATION, HeaderValue::from_static("/redirect/1"));
        }
        401 => {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"Fake Realm\""),
            );
        }
        407 => {
            headers.insert(
                header::PROXY_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"Fake Realm\""),
            );
        }
        _ => {}
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_and_weighted_lists() {
        for (text, ok) in [
            ("200", true),
            ("200,404", true),
            ("200:0.5, 500:0.5", true),
            ("99", false),
            ("600", false),
            ("abc", false),
            ("200:-1", false),
            ("200:0", false),
            ("200:nan", false),
        ] {
            assert_eq!(parse_codes(text).is_ok(), ok, "{text}");
        }
    }

    #[test]
    fn weights_pick_the_right_code() {
        let choices = parse_codes("200:0.25,500:0.75").expect("valid");
        for (roll, code) in [(0.0, 200), (0.24, 200), (0.26, 500), (0.99, 500)] {
            assert_eq!(pick(&choices, roll).as_u16(), code, "{roll}");
        }
    }
}
