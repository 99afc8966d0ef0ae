//! The Auth tab's form, as constant markup (see `dom::form`): every kind's fields are in it and only the
//! chosen kind's show, so switching back and forth loses nothing. The ids that existed when the form was
//! the page's are kept (`auth-type`, `basic-username`, ...): tests and keyboard users find the same form.

crate::controls! {
    /// The form's ids, as `MARKUP` spells them.
    pub mod id {
        TYPE = "auth-type",
        /// One section per kind, in the order of `AuthKind::ALL`.
        NONE = "auth-none",
        BASIC = "auth-basic",
        BEARER = "auth-bearer",
        API_KEY = "auth-api_key",
        DIGEST = "auth-digest",
        AWS = "auth-aws_sigv4",
        OAUTH = "auth-oauth2",
        /// User name and password: Basic's and Digest's.
        CREDENTIALS = "auth-credentials",
        USERNAME = "basic-username",
        PASSWORD = "basic-password",
        BEARER_TOKEN = "bearer-token",
        API_KEY_NAME = "api-key-name",
        API_KEY_VALUE = "api-key-value",
        API_KEY_LOCATION = "api-key-location",
        AWS_ACCESS_KEY = "aws-access-key",
        AWS_SECRET_KEY = "aws-secret-key",
        AWS_SESSION_TOKEN = "aws-session-token",
        AWS_REGION = "aws-region",
        AWS_SERVICE = "aws-service",
        AWS_IN_QUERY = "aws-in-query",
        AWS_UNSIGNED = "aws-unsigned",
        GRANT = "oauth-grant",
        AUTH_URL = "oauth-auth-url",
        TOKEN_URL = "oauth-token-url",
        DEVICE_URL = "oauth-device-url",
        REDIRECT_URI = "oauth-redirect-uri",
        CLIENT_ID = "oauth-client-id",
        CLIENT_SECRET = "oauth-client-secret",
        CLIENT_AUTH = "oauth-client-auth",
        SCOPE = "oauth-scope",
        AUDIENCE = "oauth-audience",
        OAUTH_USERNAME = "oauth-username",
        OAUTH_PASSWORD = "oauth-password",
        PKCE = "oauth-pkce",
        VIA_ECHO = "oauth-via-echo",
        EXTRA = "oauth-extra",
        TOKEN_STATUS = "oauth-token-status",
        GET_TOKEN = "oauth-get",
        REFRESH = "oauth-refresh",
        FORGET = "oauth-forget",
        COPY = "oauth-copy",
        DEVICE = "oauth-device",
        DEVICE_TEXT = "oauth-device-text",
        DEVICE_LINK = "oauth-device-link",
        ERROR = "oauth-error",
        RETRY_ECHO = "oauth-retry-echo",
        PASTE_TOKEN = "oauth-paste-token",
        USE_TOKEN = "oauth-use-token",
        PASTE_CODE = "oauth-paste-code",
        USE_CODE = "oauth-use-code",
    } in MARKUP
}

/// A label and its control as one row of a `form-grid`, hidden as one.
macro_rules! row {
    ($id:literal, $label:literal, $control:expr) => {
        concat!(
            r#"<div class="auth-row" data-row=""#,
            $id,
            r#""><label for=""#,
            $id,
            r#"">"#,
            $label,
            "</label>",
            $control,
            "</div>"
        )
    };
}

macro_rules! text {
    ($id:literal, $label:literal) => {
        row!(
            $id,
            $label,
            concat!(
                r#"<input id=""#,
                $id,
                r#"" type="text" autocomplete="off" spellcheck="false">"#
            )
        )
    };
    ($id:literal, $label:literal, $placeholder:literal) => {
        row!(
            $id,
            $label,
            concat!(
                r#"<input id=""#,
                $id,
                r#"" type="text" autocomplete="off" spellcheck="false" placeholder=""#,
                $placeholder,
                r#"">"#
            )
        )
    };
}

macro_rules! secret {
    ($id:literal, $label:literal) => {
        row!(
            $id,
            $label,
            concat!(
                r#"<input id=""#,
                $id,
                r#"" type="password" autocomplete="off">"#
            )
        )
    };
}

macro_rules! check {
    ($id:literal, $label:literal) => {
        concat!(
            r#"<p class="auth-check" data-row=""#,
            $id,
            r#""><input type="checkbox" id=""#,
            $id,
            r#""> <label for=""#,
            $id,
            r#"">"#,
            $label,
            "</label></p>"
        )
    };
}

pub const MARKUP: &str = concat!(
    r#"<label for="auth-type" class="field-label">Auth type</label><select id="auth-type"></select>"#,
    r#"<p class="hint" id="auth-none">The request sends no credentials of its own.</p>"#,
    // A grid's own `display` would override `hidden`: the section is the grid's parent.
    r#"<div id="auth-credentials" hidden><div class="form-grid">"#,
    text!("basic-username", "Username"),
    secret!("basic-password", "Password"),
    "</div></div>",
    r#"<p class="hint" id="auth-basic" hidden>Sent as Authorization: Basic, the user name and password base64-encoded (not encrypted).</p>"#,
    r#"<p class="hint" id="auth-digest" hidden>HTTP Digest (RFC 7616): the server's challenge is fetched and answered (MD5 or SHA-256, their -sess variants, qop auth or auth-int) when you send, in one click. The password itself never leaves the browser.</p>"#,
    r#"<div id="auth-bearer" hidden><div class="form-grid">"#,
    text!("bearer-token", "Token"),
    r#"</div><p class="hint">Sent as Authorization: Bearer &lt;token&gt;.</p></div>"#,
    r#"<div id="auth-api_key" hidden><div class="form-grid">"#,
    text!("api-key-name", "Key name", "X-API-Key"),
    text!("api-key-value", "Key value"),
    row!(
        "api-key-location",
        "Add to",
        r#"<select id="api-key-location"></select>"#
    ),
    "</div></div>",
    r#"<div id="auth-aws_sigv4" hidden><div class="form-grid">"#,
    text!("aws-access-key", "Access key ID"),
    secret!("aws-secret-key", "Secret access key"),
    secret!("aws-session-token", "Session token"),
    text!("aws-region", "Region", "us-east-1"),
    text!("aws-service", "Service", "execute-api"),
    "</div>",
    check!("aws-in-query", "Sign in the query string (a presigned URL)"),
    check!(
        "aws-unsigned",
        "Unsigned payload (S3: the body is not hashed)"
    ),
    r#"<p class="hint">Signed when you send, as the AWS SDKs sign: host, the x-amz-* headers and the request's own (not User-Agent nor Content-Length, which the browser sets). S3 also gets X-Amz-Content-Sha256.</p></div>"#,
    r#"<div id="auth-oauth2" hidden><div class="form-grid">"#,
    row!(
        "oauth-grant",
        "Grant type",
        r#"<select id="oauth-grant"></select>"#
    ),
    text!(
        "oauth-auth-url",
        "Authorization URL",
        "https://id.example.com/authorize"
    ),
    text!(
        "oauth-token-url",
        "Token URL",
        "https://id.example.com/token"
    ),
    text!("oauth-device-url", "Device authorization URL"),
    text!("oauth-redirect-uri", "Redirect URI"),
    text!("oauth-client-id", "Client ID"),
    secret!("oauth-client-secret", "Client secret"),
    row!(
        "oauth-client-auth",
        "Client authentication",
        r#"<select id="oauth-client-auth"></select>"#
    ),
    text!("oauth-scope", "Scope", "read write"),
    text!("oauth-audience", "Audience"),
    text!("oauth-username", "Resource owner's username"),
    secret!("oauth-password", "Resource owner's password"),
    row!(
        "oauth-extra",
        "Extra parameters",
        r#"<textarea id="oauth-extra" rows="2" spellcheck="false" placeholder="name=value, one per line"></textarea>"#
    ),
    "</div>",
    check!("oauth-pkce", "PKCE (S256 code challenge)"),
    check!(
        "oauth-via-echo",
        "Exchange through reqlab-echo (for token endpoints without CORS)"
    ),
    r#"<div class="auth-token"><p id="oauth-token-status" aria-live="polite"></p>"#,
    r#"<p class="auth-actions"><button type="button" id="oauth-get" class="primary">Get new access token</button> "#,
    r#"<button type="button" id="oauth-refresh">Refresh token</button> "#,
    r#"<button type="button" id="oauth-copy">Copy token</button> "#,
    r#"<button type="button" id="oauth-forget">Forget token</button></p>"#,
    r#"<div id="oauth-device" hidden><p id="oauth-device-text"></p><p><a id="oauth-device-link" target="_blank" rel="noopener">Open the verification page</a></p></div>"#,
    r#"<div class="problem" role="alert"><p id="oauth-error"></p><button type="button" id="oauth-retry-echo" hidden>Exchange through reqlab-echo</button></div>"#,
    r#"<details><summary>Paste a token or a code instead</summary><div class="form-grid">"#,
    row!(
        "oauth-paste-token",
        "Access token",
        r#"<input id="oauth-paste-token" type="text" autocomplete="off" spellcheck="false">"#
    ),
    r#"<span></span><p><button type="button" id="oauth-use-token">Use this token</button></p>"#,
    row!(
        "oauth-paste-code",
        "Redirect URL or code",
        r#"<input id="oauth-paste-code" type="text" autocomplete="off" spellcheck="false">"#
    ),
    r#"<span></span><p><button type="button" id="oauth-use-code">Exchange the code</button></p>"#,
    "</div></details></div>",
    r#"<p class="hint">Tokens are kept in this browser, one per environment, never in the request: share links, history and exports do not carry them.</p></div>"#,
);
