//! Import stage, shared last step: shapes an imported request the way the editor would have built it, so that
//! `prepare` sends what the source sent (query table derived from the URL, automatic Content-Type folded in).

use crate::edit::model::{Body, KeyValue, RawLanguage, Request};
use crate::edit::query::{decode, query_from_url};
use crate::prepare::{form_encode, PreparedBody};

/// Derives the query table from the URL, as the editor does after the user types a URL.
pub(crate) fn derive_query(request: &mut Request) {
    request.query = query_from_url(&request.url, &[]);
}

/// The language whose automatic Content-Type is exactly `content_type`, if any.
pub(crate) fn language_with_content_type(content_type: &str) -> Option<RawLanguage> {
    RawLanguage::ALL
        .iter()
        .copied()
        .find(|l| l.content_type().eq_ignore_ascii_case(content_type.trim()))
}

/// A language for highlighting when the Content-Type is not one `prepare` would add by itself.
pub(crate) fn language_for_media_type(content_type: &str) -> RawLanguage {
    let media = content_type.to_ascii_lowercase();
    if media.contains("json") {
        RawLanguage::Json
    } else if media.contains("html") {
        RawLanguage::Html
    } else if media.contains("xml") {
        RawLanguage::Xml
    } else {
        RawLanguage::Text
    }
}

/// When the last header row is a Content-Type that `prepare` would add by itself for this body, removes the
/// row and lets the body carry it (raw language, file type). Only the last row: `prepare` appends the
/// automatic header at the end, so folding any other row would move it.
pub(crate) fn fold_content_type(request: &mut Request) {
    let Some(last) = request.headers.last() else {
        return;
    };
    if !last.enabled || !last.key.trim().eq_ignore_ascii_case("content-type") {
        return;
    }
    let value = last.value.trim_matches([' ', '\t']).to_string();
    // Another Content-Type row earlier would win in `prepare` (it keeps the first it finds).
    let others = request.headers[..request.headers.len() - 1]
        .iter()
        .any(|h| h.enabled && h.key.trim().eq_ignore_ascii_case("content-type"));
    if others {
        return;
    }
    let folded = match &mut request.body {
        // A language that already sends this type keeps it: GraphQL sends application/json too.
        Body::Raw { language, text } if !text.is_empty() => {
            if language.content_type().eq_ignore_ascii_case(&value) {
                true
            } else if let Some(exact) = language_with_content_type(&value) {
                *language = exact;
                true
            } else {
                false
            }
        }
        Body::UrlEncoded { fields } if !fields.is_empty() => {
            value.eq_ignore_ascii_case("application/x-www-form-urlencoded")
        }
        Body::Binary { file: Some(file) } if !value.is_empty() => {
            if file.content_type.is_empty() {
                // An empty type already sends application/octet-stream; keeping it empty keeps the file as
                // the user (or the source) named it.
                if !value.eq_ignore_ascii_case(file.effective_content_type()) {
                    file.content_type = value;
                }
                true
            } else {
                file.content_type.eq_ignore_ascii_case(&value)
            }
        }
        _ => false,
    };
    if folded {
        request.headers.pop();
    }
}

/// Form fields from an encoded body, but only when encoding them again gives the very same bytes: otherwise
/// the editor would send something else (`a=b c` becomes `a=b+c`), so the body stays raw text.
pub(crate) fn canonical_form_fields(text: &str) -> Option<Vec<KeyValue>> {
    // Only these bytes can appear in a browser-encoded form; checking first keeps large JSON bodies cheap.
    let possible = text
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"*-._+%=&".contains(&b));
    if text.is_empty() || !possible {
        return None;
    }
    let fields: Vec<(String, String)> = text
        .split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect();
    if fields.iter().any(|(k, v)| k.is_empty() && v.is_empty()) {
        return None; // `a=1&&b=2`: the editor drops blank rows
    }
    if PreparedBody::url_encoded(&fields) != text {
        return None;
    }
    Some(
        fields
            .into_iter()
            .map(|(k, v)| KeyValue::new(k, v))
            .collect(),
    )
}

/// One form field encoded as browsers (and `prepare`, for API keys in the query) encode it.
pub(crate) fn form_pair(key: &str, value: &str) -> String {
    format!("{}={}", form_encode(key), form_encode(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_fields_only_when_canonical() {
        type Pairs = Option<Vec<(&'static str, &'static str)>>;
        let cases: [(&str, Pairs); 6] = [
            ("a=1&b=2", Some(vec![("a", "1"), ("b", "2")])),
            (
                "q=hello+world&x=%26",
                Some(vec![("q", "hello world"), ("x", "&")]),
            ),
            ("a=b c", None),
            ("a=~", None),
            ("{\"json\":1}", None),
            ("", None),
        ];
        for (text, expected) in cases {
            let got = canonical_form_fields(text).map(|rows| {
                rows.into_iter()
                    .map(|r| (r.key, r.value))
                    .collect::<Vec<_>>()
            });
            let expected = expected.map(|rows| {
                rows.into_iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect::<Vec<_>>()
            });
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn content_type_folds_only_from_the_last_row() {
        let raw = Body::Raw {
            language: RawLanguage::Text,
            text: "{}".into(),
        };
        let mut last = Request {
            headers: vec![
                KeyValue::new("X", "1"),
                KeyValue::new("Content-Type", "application/json"),
            ],
            body: raw.clone(),
            ..Request::default()
        };
        fold_content_type(&mut last);
        assert_eq!(last.headers.len(), 1);
        assert_eq!(
            last.body,
            Body::Raw {
                language: RawLanguage::Json,
                text: "{}".into()
            }
        );
        let mut middle = Request {
            headers: vec![
                KeyValue::new("Content-Type", "application/json"),
                KeyValue::new("X", "1"),
            ],
            body: raw,
            ..Request::default()
        };
        fold_content_type(&mut middle);
        assert_eq!(middle.headers.len(), 2);
    }

    #[test]
    fn a_graphql_body_stays_graphql_when_its_type_is_folded() {
        let graphql = Body::Raw {
            language: RawLanguage::GraphQl,
            text: r#"{"query":"{ a }"}"#.into(),
        };
        let mut request = Request {
            headers: vec![KeyValue::new("Content-Type", "application/json")],
            body: graphql.clone(),
            ..Request::default()
        };
        fold_content_type(&mut request);
        assert!(request.headers.is_empty());
        assert_eq!(request.body, graphql);
    }
}
