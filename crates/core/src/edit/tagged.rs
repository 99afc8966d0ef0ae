//! Edit stage, reading tagged JSON: the flat forms that the request model's tagged enums (`Body`, `Auth`,
//! a multipart part, a collection item) are read through.
//!
//! Why not serde's derive for `#[serde(tag = "…")]` and `#[serde(flatten)]`: to find the tag it buffers the
//! whole object in serde's private `Content` tree, then reads each variant again from that tree, so every
//! type below the enum (a collection item holds a whole `Request`) gets a second deserializer in every wasm
//! bundle that reads requests: about 40 KB of the library's wasm before compression. Read as one flat
//! struct (every variant's members, all optional) and converted, each type has the one deserializer the
//! JSON reader needs. Writing keeps serde's derive, which needs no buffer, so the JSON is the same both ways.
//!
//! What a derive would refuse is refused here too (a missing or unknown tag, a missing required member),
//! with the same kind of message; members of another variant are ignored, as unknown members are.

use crate::edit::model::{
    ApiKeyLocation, Auth, Body, FileRef, FormPart, KeyValue, PartValue, RawLanguage, Request,
};
use crate::import::collection::CollectionItem;
use serde::Deserialize;

/// The error of a tag that names no variant, worded as serde words it.
fn unknown(tag_name: &str, tag: &str, expected: &[&str]) -> String {
    format!(
        "unknown variant `{tag}` for `{tag_name}`, expected one of {}",
        expected
            .iter()
            .map(|name| format!("`{name}`"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

fn missing(member: &str) -> String {
    format!("missing field `{member}`")
}

/// `Body` as JSON writes it: `{"mode": …}` and the chosen mode's members.
#[derive(Deserialize)]
pub(crate) struct BodyJson {
    mode: Option<String>,
    #[serde(default)]
    language: RawLanguage,
    #[serde(default)]
    text: String,
    #[serde(default)]
    fields: Vec<KeyValue>,
    #[serde(default)]
    parts: Vec<FormPart>,
    #[serde(default)]
    file: Option<FileRef>,
}

impl TryFrom<BodyJson> for Body {
    type Error = String;

    fn try_from(json: BodyJson) -> Result<Body, String> {
        let mode = json.mode.ok_or_else(|| missing("mode"))?;
        Ok(match mode.as_str() {
            "none" => Body::None,
            "raw" => Body::Raw {
                language: json.language,
                text: json.text,
            },
            "url_encoded" => Body::UrlEncoded {
                fields: json.fields,
            },
            "multipart" => Body::Multipart { parts: json.parts },
            "binary" => Body::Binary { file: json.file },
            other => {
                let modes = ["none", "raw", "url_encoded", "multipart", "binary"];
                return Err(unknown("mode", other, &modes));
            }
        })
    }
}

/// `Auth` as JSON writes it: `{"kind": …}` and the chosen kind's members.
#[derive(Deserialize)]
pub(crate) struct AuthJson {
    kind: Option<String>,
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    token: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    location: ApiKeyLocation,
    #[serde(default)]
    params: Vec<KeyValue>,
}

impl TryFrom<AuthJson> for Auth {
    type Error = String;

    fn try_from(json: AuthJson) -> Result<Auth, String> {
        let kind = json.kind.ok_or_else(|| missing("kind"))?;
        Ok(match kind.as_str() {
            "none" => Auth::None,
            "basic" => Auth::Basic {
                username: json.username,
                password: json.password,
            },
            "bearer" => Auth::Bearer { token: json.token },
            "api_key" => Auth::ApiKey {
                name: json.name,
                value: json.value,
                location: json.location,
            },
            "digest" => Auth::Digest {
                username: json.username,
                password: json.password,
            },
            "aws_sigv4" => Auth::AwsSigV4 {
                params: json.params,
            },
            "oauth2" => Auth::OAuth2 {
                params: json.params,
            },
            other => {
                let kinds = [
                    "none",
                    "basic",
                    "bearer",
                    "api_key",
                    "digest",
                    "aws_sigv4",
                    "oauth2",
                ];
                return Err(unknown("kind", other, &kinds));
            }
        })
    }
}

/// A multipart part as JSON writes it: its own members and, beside them, its value's (`{"kind": "text",
/// "value": …}` or `{"kind": "file", "file": …}`).
#[derive(Deserialize)]
pub(crate) struct FormPartJson {
    #[serde(default = "crate::edit::model::enabled_by_default")]
    enabled: bool,
    name: Option<String>,
    kind: Option<String>,
    #[serde(default)]
    value: String,
    #[serde(default)]
    file: Option<FileRef>,
    #[serde(default)]
    content_type: String,
}

impl TryFrom<FormPartJson> for FormPart {
    type Error = String;

    fn try_from(json: FormPartJson) -> Result<FormPart, String> {
        let name = json.name.ok_or_else(|| missing("name"))?;
        let kind = json.kind.ok_or_else(|| missing("kind"))?;
        let value = match kind.as_str() {
            "text" => PartValue::Text { value: json.value },
            "file" => PartValue::File { file: json.file },
            other => return Err(unknown("kind", other, &["text", "file"])),
        };
        Ok(FormPart {
            enabled: json.enabled,
            name,
            value,
            content_type: json.content_type,
        })
    }
}

/// A collection item as JSON writes it: `{"kind": "folder", "name", "items"}` or `{"kind": "request",
/// "name", "request"}`.
#[derive(Deserialize)]
pub(crate) struct CollectionItemJson {
    kind: Option<String>,
    name: Option<String>,
    #[serde(default)]
    items: Vec<CollectionItem>,
    request: Option<Request>,
}

impl TryFrom<CollectionItemJson> for CollectionItem {
    type Error = String;

    fn try_from(json: CollectionItemJson) -> Result<CollectionItem, String> {
        let kind = json.kind.ok_or_else(|| missing("kind"))?;
        let name = json.name.ok_or_else(|| missing("name"));
        Ok(match kind.as_str() {
            "folder" => CollectionItem::Folder {
                name: name?,
                items: json.items,
            },
            "request" => CollectionItem::Request {
                name: name?,
                request: json.request.ok_or_else(|| missing("request"))?,
            },
            other => return Err(unknown("kind", other, &["folder", "request"])),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::collection::Collection;

    /// Every variant, with members set to other than their defaults, so a member the reading dropped shows.
    fn every_variant() -> Collection {
        let file = || {
            Some(FileRef {
                name: "cat.png".into(),
                content_type: "image/png".into(),
                data: None,
            })
        };
        let bodies = [
            Body::None,
            Body::Raw {
                language: RawLanguage::Json,
                text: "{\"a\":1}".into(),
            },
            Body::UrlEncoded {
                fields: vec![KeyValue {
                    enabled: false,
                    key: "k".into(),
                    value: "v".into(),
                }],
            },
            Body::Multipart {
                parts: vec![
                    FormPart {
                        enabled: false,
                        content_type: "application/json".into(),
                        ..FormPart::text("meta", "{}")
                    },
                    FormPart::file("upload", file()),
                    FormPart::file("later", None),
                ],
            },
            Body::Binary { file: file() },
            Body::Binary { file: None },
        ];
        let auths = [
            Auth::None,
            Auth::Basic {
                username: "u".into(),
                password: "p".into(),
            },
            Auth::Bearer { token: "t".into() },
            Auth::ApiKey {
                name: "X-Key".into(),
                value: "k".into(),
                location: ApiKeyLocation::Query,
            },
        ];
        let requests = bodies.iter().enumerate().map(|(i, body)| {
            let request = Request {
                url: format!("http://h/{i}"),
                body: body.clone(),
                auth: auths[i % auths.len()].clone(),
                ..Request::default()
            };
            CollectionItem::Request {
                name: format!("r{i}"),
                request,
            }
        });
        Collection {
            name: "c".into(),
            origins: Vec::new(),
            variables: vec![],
            items: vec![
                CollectionItem::Folder {
                    name: "f".into(),
                    items: requests.collect(),
                },
                CollectionItem::Folder {
                    name: "empty".into(),
                    items: vec![],
                },
            ],
        }
    }

    #[test]
    fn what_serde_writes_reads_back_the_same() {
        let collection = every_variant();
        let text = serde_json::to_string(&collection).expect("serializes");
        let back: Collection = serde_json::from_str(&text).expect("reads back");
        assert_eq!(back, collection);
        // The written form is serde's tagged one: tags beside the members, no nesting.
        assert!(text.contains(r#"{"kind":"folder","name":"f","items":["#));
        assert!(text.contains(r#""body":{"mode":"url_encoded","fields":["#));
        assert!(text.contains(r#"{"enabled":true,"name":"upload","kind":"file","file":{"#));
        assert!(text.contains(
            r#""auth":{"kind":"api_key","name":"X-Key","value":"k","location":"query"}"#
        ));
    }

    #[test]
    fn defaults_fill_what_json_leaves_out() {
        let body: Body = serde_json::from_str(r#"{"mode":"raw"}"#).expect("reads");
        assert_eq!(
            body,
            Body::Raw {
                language: RawLanguage::Text,
                text: String::new()
            }
        );
        let part: FormPart = serde_json::from_str(r#"{"name":"a","kind":"text"}"#).expect("reads");
        assert_eq!(part, FormPart::text("a", ""));
        let auth: Auth =
            serde_json::from_str(r#"{"kind":"basic","token":"ignored"}"#).expect("reads");
        assert_eq!(
            auth,
            Auth::Basic {
                username: String::new(),
                password: String::new()
            }
        );
        let folder: CollectionItem =
            serde_json::from_str(r#"{"kind":"folder","name":"f"}"#).expect("reads");
        assert_eq!(
            folder,
            CollectionItem::Folder {
                name: "f".into(),
                items: vec![]
            }
        );
    }

    #[test]
    fn a_missing_or_unknown_tag_or_required_member_is_refused_with_its_name() {
        let refused = [
            (
                serde_json::from_str::<Body>(r#"{"text":"a"}"#).err(),
                "missing field `mode`",
            ),
            (
                serde_json::from_str::<Body>(r#"{"mode":"form"}"#).err(),
                "unknown variant `form`",
            ),
            (
                serde_json::from_str::<Auth>(r#"{"kind":"ntlm"}"#).err(),
                "expected one of `none`",
            ),
            (
                serde_json::from_str::<FormPart>(r#"{"kind":"text"}"#).err(),
                "missing field `name`",
            ),
            (
                serde_json::from_str::<FormPart>(r#"{"name":"a"}"#).err(),
                "missing field `kind`",
            ),
            (
                serde_json::from_str::<CollectionItem>(r#"{"kind":"request","name":"r"}"#).err(),
                "missing field `request`",
            ),
            (
                serde_json::from_str::<CollectionItem>(r#"{"kind":"request"}"#).err(),
                "missing field `name`",
            ),
            (
                serde_json::from_str::<Body>(r#"{"mode":"raw","text":5}"#).err(),
                "invalid type",
            ),
        ];
        for (error, expected) in refused {
            let error = error.map(|e| e.to_string()).unwrap_or_default();
            assert!(
                error.contains(expected),
                "{error:?} should say {expected:?}"
            );
        }
    }
}
