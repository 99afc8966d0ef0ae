//! Import stage, Postman auth: the `auth` object of a collection, folder or request becomes reqlab's auth
//! settings (Basic, Bearer, API key), and back for export. Other kinds are named in a warning.

use super::notes::Notes;
use super::PostmanError;
use crate::edit::model::{ApiKeyLocation, Auth};
use crate::import::read::{as_object, index, join, Obj};
use serde_json::{json, Value};

/// What an `auth` object says: its own settings, or "use the parent's" (`inherit`, Postman's default).
pub(super) enum Setting {
    Own(Auth),
    Inherit,
}

/// Reads an `auth` object; `location` names the item for warnings.
pub(super) fn read(
    auth: Obj<'_, '_>,
    location: &str,
    notes: &mut Notes,
) -> Result<Setting, PostmanError> {
    let kind = auth.str("type")?;
    let attrs = |field: &str| attributes(auth, field);
    let own = match kind {
        "inherit" => return Ok(Setting::Inherit),
        "noauth" => Auth::None,
        "basic" => {
            let attrs = attrs("basic")?;
            Auth::Basic {
                username: lookup(&attrs, "username"),
                password: lookup(&attrs, "password"),
            }
        }
        "bearer" => Auth::Bearer {
            token: lookup(&attrs("bearer")?, "token"),
        },
        "apikey" => {
            let attrs = attrs("apikey")?;
            Auth::ApiKey {
                name: lookup(&attrs, "key"),
                value: lookup(&attrs, "value"),
                location: if lookup(&attrs, "in") == "query" {
                    ApiKeyLocation::Query
                } else {
                    ApiKeyLocation::Header
                },
            }
        }
        other => {
            notes.warn(
                location,
                format!(
                    "Postman's {other} auth is left out (reqlab has Basic, Bearer and API key auth); \
                     the requests that use it are imported without auth."
                ),
            );
            Auth::None
        }
    };
    Ok(Setting::Own(own))
}

fn lookup(attrs: &[(String, String)], key: &str) -> String {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// The settings of one auth kind: v2.1 writes `[{"key": "token", "value": "..."}]`, v2.0 `{"token": "..."}`.
fn attributes(auth: Obj<'_, '_>, field: &str) -> Result<Vec<(String, String)>, PostmanError> {
    let path = join(auth.path, field);
    match auth.get(field) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let item_path = index(&path, i);
                let obj = as_object(&item_path, item)?;
                Ok((obj.str("key")?.to_string(), obj.text("value")?))
            })
            .collect(),
        Some(Value::Object(map)) => {
            let obj = Obj { path: &path, map };
            map.keys()
                .map(|key| Ok((key.clone(), obj.text(key)?)))
                .collect()
        }
        Some(other) => Err(auth.wrong(field, "an array", other).into()),
    }
}

/// The v2.1 `auth` object for reqlab's settings; `None` lets the request inherit (there is nothing above it
/// in an export, so that means no auth).
pub(super) fn export(auth: &Auth) -> Option<Value> {
    let attr = |key: &str, value: &str| json!({"key": key, "value": value, "type": "string"});
    match auth {
        Auth::None => None,
        Auth::Basic { username, password } => Some(json!({
            "type": "basic",
            "basic": [attr("username", username), attr("password", password)],
        })),
        Auth::Bearer { token } => Some(json!({
            "type": "bearer",
            "bearer": [attr("token", token)],
        })),
        Auth::ApiKey {
            name,
            value,
            location,
        } => {
            let place = match location {
                ApiKeyLocation::Header => "header",
                ApiKeyLocation::Query => "query",
            };
            Some(json!({
                "type": "apikey",
                "apikey": [attr("key", name), attr("value", value), attr("in", place)],
            }))
        }
    }
}
