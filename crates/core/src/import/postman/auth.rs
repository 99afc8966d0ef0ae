//! Import stage, Postman auth: the `auth` object of a collection, folder or request becomes reqlab's auth
//! settings (Basic, Bearer, API key, Digest, AWS Signature, OAuth 2.0), and back for export. Other kinds
//! are named in a warning.

use super::notes::Notes;
use super::PostmanError;
use crate::edit::model::{ApiKeyLocation, Auth, KeyValue};
use crate::edit::signed_auth::{AwsSigV4, ClientAuth, OAuth2, OAuthGrant};
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
        "digest" => {
            let attrs = attrs("digest")?;
            Auth::Digest {
                username: lookup(&attrs, "username"),
                password: lookup(&attrs, "password"),
            }
        }
        "awsv4" => {
            let attrs = attrs("awsv4")?;
            let aws = AwsSigV4 {
                access_key: lookup(&attrs, "accessKey"),
                secret_key: lookup(&attrs, "secretKey"),
                session_token: lookup(&attrs, "sessionToken"),
                region: lookup(&attrs, "region"),
                service: lookup(&attrs, "service"),
                in_query: lookup(&attrs, "addAuthDataToQuery") == "true",
                unsigned_payload: false,
            };
            Auth::AwsSigV4 {
                params: aws.to_params(),
            }
        }
        "oauth2" => Auth::OAuth2 {
            params: read_oauth2(&attrs("oauth2")?, location, notes).to_params(),
        },
        other => {
            notes.warn(
                location,
                format!(
                    "Postman's {other} auth is left out (reqlab has Basic, Bearer, API key, Digest, AWS \
                     Signature and OAuth 2.0 auth); the requests that use it are imported without auth."
                ),
            );
            Auth::None
        }
    };
    Ok(Setting::Own(own))
}

/// Postman's grant names: PKCE is a grant of its own there, an option here.
const GRANTS: [(&str, OAuthGrant); 6] = [
    ("authorization_code", OAuthGrant::AuthorizationCode),
    (
        "authorization_code_with_pkce",
        OAuthGrant::AuthorizationCode,
    ),
    ("client_credentials", OAuthGrant::ClientCredentials),
    ("password_credentials", OAuthGrant::Password),
    ("implicit", OAuthGrant::Implicit),
    ("device_code", OAuthGrant::DeviceCode),
];

fn read_oauth2(attrs: &[(String, Value)], location: &str, notes: &mut Notes) -> OAuth2 {
    let text = |key: &str| lookup(attrs, key);
    let grant_name = text("grant_type");
    let grant = GRANTS
        .iter()
        .find(|(name, _)| *name == grant_name)
        .map(|(_, grant)| *grant)
        .unwrap_or_else(|| {
            if !grant_name.is_empty() {
                notes.warn(
                    location,
                    format!("Postman's OAuth 2.0 grant {grant_name:?} is read as the authorization code grant."),
                );
            }
            OAuthGrant::AuthorizationCode
        });
    if text("addTokenTo") == "queryParams" {
        notes.warn(
            location,
            "The OAuth 2.0 token goes in the Authorization header, not in the query, as RFC 6750 advises.",
        );
    }
    let mut extra = params(attrs, "authRequestParams");
    extra.extend(params(attrs, "tokenRequestParams"));
    if !text("accessToken").is_empty() {
        notes.warn(
            location,
            "The OAuth 2.0 access token saved with it is left out: reqlab keeps tokens apart from requests; \
             get a new one in the Auth tab.",
        );
    }
    OAuth2 {
        grant,
        auth_url: text("authUrl"),
        token_url: text("accessTokenUrl"),
        redirect_uri: text("redirect_uri"),
        client_id: text("clientId"),
        client_secret: text("clientSecret"),
        client_auth: if text("client_authentication") == "body" {
            ClientAuth::Body
        } else {
            ClientAuth::Basic
        },
        scope: text("scope"),
        audience: text("audience"),
        username: text("username"),
        password: text("password"),
        // Postman's plain authorization code grant sends no challenge; with PKCE it is a grant of its own.
        pkce: grant_name != "authorization_code",
        extra,
        ..OAuth2::default()
    }
}

/// Postman's extra parameters: `[{"key", "value", "enabled", "send_as"}]`.
fn params(attrs: &[(String, Value)], key: &str) -> Vec<KeyValue> {
    let Some((_, Value::Array(items))) = attrs.iter().find(|(k, _)| k == key) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let field = |name: &str| item.get(name).and_then(Value::as_str).map(str::to_string);
            Some(KeyValue {
                enabled: item.get("enabled").and_then(Value::as_bool).unwrap_or(true),
                key: field("key")?,
                value: field("value").unwrap_or_default(),
            })
        })
        .collect()
}

/// An attribute's value as text: strings as they are, numbers and booleans written out, others empty.
fn lookup(attrs: &[(String, Value)], key: &str) -> String {
    match attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v) {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

/// The settings of one auth kind: v2.1 writes `[{"key": "token", "value": "..."}]`, v2.0 `{"token": "..."}`.
/// Values stay JSON: OAuth 2.0's extra parameters are arrays.
fn attributes(auth: Obj<'_, '_>, field: &str) -> Result<Vec<(String, Value)>, PostmanError> {
    let path = join(auth.path, field);
    match auth.get(field) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let item_path = index(&path, i);
                let obj = as_object(&item_path, item)?;
                let value = obj.get("value").cloned().unwrap_or(Value::Null);
                Ok((obj.str("key")?.to_string(), value))
            })
            .collect(),
        Some(Value::Object(map)) => Ok(map.iter().map(|(k, v)| (k.clone(), v.clone())).collect()),
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
        Auth::Digest { username, password } => Some(json!({
            "type": "digest",
            "digest": [attr("username", username), attr("password", password)],
        })),
        Auth::AwsSigV4 { params } => Some({
            let aws = AwsSigV4::read(params);
            json!({
            "type": "awsv4",
            "awsv4": [
                attr("accessKey", &aws.access_key),
                attr("secretKey", &aws.secret_key),
                attr("sessionToken", &aws.session_token),
                attr("region", &aws.region),
                attr("service", &aws.service),
                json!({"key": "addAuthDataToQuery", "value": aws.in_query, "type": "boolean"}),
            ],
            })
        }),
        Auth::OAuth2 { params } => Some(export_oauth2(&OAuth2::read(params))),
    }
}

fn export_oauth2(oauth: &OAuth2) -> Value {
    let attr = |key: &str, value: &str| json!({"key": key, "value": value, "type": "string"});
    let grant = match oauth.grant {
        OAuthGrant::AuthorizationCode if oauth.pkce => "authorization_code_with_pkce",
        OAuthGrant::AuthorizationCode => "authorization_code",
        OAuthGrant::ClientCredentials => "client_credentials",
        OAuthGrant::Password => "password_credentials",
        OAuthGrant::Implicit => "implicit",
        OAuthGrant::DeviceCode => "device_code",
    };
    let client_authentication = match oauth.client_auth {
        ClientAuth::Basic => "header",
        ClientAuth::Body => "body",
    };
    let mut attrs = vec![
        attr("grant_type", grant),
        attr("authUrl", &oauth.auth_url),
        attr("accessTokenUrl", &oauth.token_url),
        attr("redirect_uri", &oauth.redirect_uri),
        attr("clientId", &oauth.client_id),
        attr("clientSecret", &oauth.client_secret),
        attr("client_authentication", client_authentication),
        attr("scope", &oauth.scope),
        attr("username", &oauth.username),
        attr("password", &oauth.password),
        attr("addTokenTo", "header"),
    ];
    if !oauth.audience.is_empty() {
        attrs.push(attr("audience", &oauth.audience));
    }
    if !oauth.extra.is_empty() {
        let params: Vec<Value> = oauth
            .extra
            .iter()
            .map(|kv| json!({"key": kv.key, "value": kv.value, "enabled": kv.enabled, "send_as": "request_body"}))
            .collect();
        attrs.push(json!({"key": "tokenRequestParams", "value": params, "type": "any"}));
    }
    json!({"type": "oauth2", "oauth2": attrs})
}
