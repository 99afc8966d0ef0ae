//! Edit stage: the settings of the auth kinds that need more than a header made from fields: AWS Signature
//! Version 4 (signed per request, after `prepare`) and OAuth 2.0 (a token obtained from a provider first).
//!
//! `Auth` keeps them as named parameters, rows like the headers' (as Postman keeps its auth attributes):
//! the page carries, reads and resolves `{{variables}}` in rows already, where typed settings would add
//! about 3 KB of serializer and reader to its critical path for settings it never reads itself. The
//! typed views here are what the auth bundle, the snippets and the importers work with: `read` takes the
//! rows (switched-off rows count as absent), `to_params` writes them back.
//!
//! Tokens are not settings: the auth bundle keeps them apart, per environment (`OAuthToken`), so a request
//! never carries one into a share link, the history or an export.

use super::model::KeyValue;

/// Parameters whose values are secrets wherever the app treats secrets (share links, exports).
pub const SECRET_PARAMS: [&str; 4] = ["secret_key", "session_token", "client_secret", "password"];

/// The value of the enabled parameter `key` (the last one wins, as for variables), or "".
fn param<'a>(params: &'a [KeyValue], key: &str) -> &'a str {
    params
        .iter()
        .rev()
        .find(|p| p.enabled && p.key == key)
        .map_or("", |p| p.value.as_str())
}

fn flag(params: &[KeyValue], key: &str, default: bool) -> bool {
    match param(params, key) {
        "true" => true,
        "false" => false,
        _ => default,
    }
}

fn row(key: &str, value: &str) -> KeyValue {
    KeyValue {
        enabled: true,
        key: key.to_string(),
        value: value.to_string(),
    }
}

/// AWS Signature Version 4: what signing a request needs besides the request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AwsSigV4 {
    pub access_key: String,
    pub secret_key: String,
    /// Temporary credentials' token, sent (and signed) as `X-Amz-Security-Token`; empty for none.
    pub session_token: String,
    pub region: String,
    /// The service's signing name (`s3`, `execute-api`, `dynamodb`, ...).
    pub service: String,
    /// Sign in the query string (a presigned URL) instead of the Authorization header.
    pub in_query: bool,
    /// Sign the body as `UNSIGNED-PAYLOAD` rather than by its SHA-256 (S3 allows it for large uploads).
    pub unsigned_payload: bool,
}

impl AwsSigV4 {
    pub fn read(params: &[KeyValue]) -> AwsSigV4 {
        AwsSigV4 {
            access_key: param(params, "access_key").to_string(),
            secret_key: param(params, "secret_key").to_string(),
            session_token: param(params, "session_token").to_string(),
            region: param(params, "region").to_string(),
            service: param(params, "service").to_string(),
            in_query: flag(params, "in_query", false),
            unsigned_payload: flag(params, "unsigned_payload", false),
        }
    }

    pub fn to_params(&self) -> Vec<KeyValue> {
        vec![
            row("access_key", &self.access_key),
            row("secret_key", &self.secret_key),
            row("session_token", &self.session_token),
            row("region", &self.region),
            row("service", &self.service),
            row("in_query", &self.in_query.to_string()),
            row("unsigned_payload", &self.unsigned_payload.to_string()),
        ]
    }
}

crate::vocabulary!(
    /// How an OAuth 2.0 client obtains its token (RFC 6749 section 4, RFC 8628).
    OAuthGrant {
        AuthorizationCode => "authorization_code", "Authorization code";
        ClientCredentials => "client_credentials", "Client credentials";
        DeviceCode => "device_code", "Device authorization";
        Password => "password", "Password (legacy)";
        Implicit => "implicit", "Implicit (legacy)";
    }
);

crate::vocabulary!(
    /// Where the client's id and secret go in a token request (RFC 6749 section 2.3.1).
    ClientAuth {
        Basic => "basic", "As a Basic auth header";
        Body => "body", "In the request body";
    }
);

/// OAuth 2.0: the provider, the client and the grant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OAuth2 {
    pub grant: OAuthGrant,
    /// The authorization endpoint (authorization code and implicit grants).
    pub auth_url: String,
    pub token_url: String,
    /// The device authorization endpoint (device grant).
    pub device_url: String,
    /// Where the provider sends the browser back; empty: the app's own callback page.
    pub redirect_uri: String,
    pub client_id: String,
    pub client_secret: String,
    pub client_auth: ClientAuth,
    /// Space-separated, as the requests carry it.
    pub scope: String,
    /// Sent as `audience` where not empty (Auth0 and others need it).
    pub audience: String,
    /// The resource owner's credentials (password grant).
    pub username: String,
    pub password: String,
    /// Send a PKCE challenge with the authorization code grant (RFC 7636); on unless switched off.
    pub pkce: bool,
    /// Send the token requests through reqlab-echo's forward mode: for providers whose token endpoint
    /// sends no CORS headers (many, for clients that are not single-page apps).
    pub via_echo: bool,
    /// Every other enabled parameter: sent as it is with the authorization and token requests.
    pub extra: Vec<KeyValue>,
}

impl Default for OAuth2 {
    fn default() -> Self {
        OAuth2::read(&[])
    }
}

/// The parameters `OAuth2` reads; any other is an extra parameter.
const OAUTH_KEYS: [&str; 14] = [
    "grant",
    "auth_url",
    "token_url",
    "device_url",
    "redirect_uri",
    "client_id",
    "client_secret",
    "client_auth",
    "scope",
    "audience",
    "username",
    "password",
    "pkce",
    "via_echo",
];

impl OAuth2 {
    pub fn read(params: &[KeyValue]) -> OAuth2 {
        let text = |key: &str| param(params, key).to_string();
        OAuth2 {
            grant: OAuthGrant::parse(param(params, "grant")).unwrap_or_default(),
            auth_url: text("auth_url"),
            token_url: text("token_url"),
            device_url: text("device_url"),
            redirect_uri: text("redirect_uri"),
            client_id: text("client_id"),
            client_secret: text("client_secret"),
            client_auth: ClientAuth::parse(param(params, "client_auth")).unwrap_or_default(),
            scope: text("scope"),
            audience: text("audience"),
            username: text("username"),
            password: text("password"),
            pkce: flag(params, "pkce", true),
            via_echo: flag(params, "via_echo", false),
            extra: params
                .iter()
                .filter(|p| p.enabled && !p.key.is_empty() && !OAUTH_KEYS.contains(&p.key.as_str()))
                .cloned()
                .collect(),
        }
    }

    pub fn to_params(&self) -> Vec<KeyValue> {
        let mut params = vec![
            row("grant", self.grant.as_str()),
            row("auth_url", &self.auth_url),
            row("token_url", &self.token_url),
            row("device_url", &self.device_url),
            row("redirect_uri", &self.redirect_uri),
            row("client_id", &self.client_id),
            row("client_secret", &self.client_secret),
            row("client_auth", self.client_auth.as_str()),
            row("scope", &self.scope),
            row("audience", &self.audience),
            row("username", &self.username),
            row("password", &self.password),
            row("pkce", &self.pkce.to_string()),
            row("via_echo", &self.via_echo.to_string()),
        ];
        params.extend(self.extra.iter().cloned());
        params
    }

    /// Where the token store files this client's tokens: one per environment, provider, client and scope.
    pub fn token_key(&self, environment: &str) -> String {
        format!(
            "{environment}\n{}\n{}\n{}",
            self.token_url, self.client_id, self.scope
        )
    }
}

/// A token a provider issued.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct OAuthToken {
    pub access_token: String,
    /// As the provider named it; `Bearer` when it said nothing.
    pub token_type: String,
    /// Empty when the provider gave none.
    pub refresh_token: String,
    /// When the access token stops working, in milliseconds since the Unix epoch; `None` when not said.
    pub expires_at_ms: Option<u64>,
    /// The scope granted, when the provider said.
    pub scope: String,
}

impl OAuthToken {
    /// True when the token is past its expiry at `now_ms`, or within a few seconds of it: a request sent
    /// with it could arrive after it stopped working.
    pub fn expired(&self, now_ms: u64) -> bool {
        const MARGIN_MS: u64 = 5_000;
        self.expires_at_ms
            .is_some_and(|at| now_ms.saturating_add(MARGIN_MS) >= at)
    }

    /// The Authorization header's value: RFC 6750 names the scheme `Bearer` however the provider spells it.
    pub fn header_value(&self) -> String {
        let scheme = if self.token_type.is_empty() || self.token_type.eq_ignore_ascii_case("bearer")
        {
            "Bearer"
        } else {
            self.token_type.as_str()
        };
        format!("{scheme} {}", self.access_token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(rows: &[(&str, &str)]) -> Vec<KeyValue> {
        rows.iter().map(|(k, v)| row(k, v)).collect()
    }

    #[test]
    fn oauth_settings_read_back_from_their_parameters_with_the_extras_kept() {
        let oauth = OAuth2 {
            grant: OAuthGrant::ClientCredentials,
            token_url: "https://id.example/token".into(),
            client_id: "app".into(),
            client_secret: "s3cret".into(),
            client_auth: ClientAuth::Body,
            scope: "read write".into(),
            pkce: false,
            extra: params(&[("resource", "https://api.example")]),
            ..OAuth2::default()
        };
        assert_eq!(OAuth2::read(&oauth.to_params()), oauth);
    }

    #[test]
    fn missing_or_unreadable_parameters_read_as_the_defaults() {
        let oauth = OAuth2::read(&params(&[("grant", "nonsense"), ("pkce", "maybe")]));
        assert_eq!(oauth.grant, OAuthGrant::AuthorizationCode);
        assert_eq!(oauth.client_auth, ClientAuth::Basic);
        assert!(oauth.pkce, "PKCE stays on unless switched off");
        assert!(oauth.extra.is_empty(), "known keys are not extras");
    }

    #[test]
    fn a_switched_off_parameter_counts_as_absent_and_the_last_one_wins() {
        let mut rows = params(&[("region", "eu-west-1"), ("region", "us-east-1")]);
        assert_eq!(AwsSigV4::read(&rows).region, "us-east-1");
        rows[1].enabled = false;
        assert_eq!(AwsSigV4::read(&rows).region, "eu-west-1");
        let aws = AwsSigV4 {
            access_key: "AK".into(),
            in_query: true,
            ..AwsSigV4::default()
        };
        assert_eq!(AwsSigV4::read(&aws.to_params()), aws);
    }

    #[test]
    fn a_token_counts_as_expired_a_few_seconds_early_and_never_without_an_expiry() {
        let token = |at| OAuthToken {
            expires_at_ms: at,
            ..OAuthToken::default()
        };
        assert!(!token(None).expired(u64::MAX));
        assert!(!token(Some(100_000)).expired(90_000));
        assert!(token(Some(100_000)).expired(96_000));
        assert!(token(Some(100_000)).expired(200_000));
    }

    #[test]
    fn the_header_says_bearer_whatever_the_case_the_provider_used() {
        let token = |kind: &str| OAuthToken {
            access_token: "abc".into(),
            token_type: kind.into(),
            ..OAuthToken::default()
        };
        assert_eq!(token("").header_value(), "Bearer abc");
        assert_eq!(token("bearer").header_value(), "Bearer abc");
        assert_eq!(token("MAC").header_value(), "MAC abc");
    }
}
