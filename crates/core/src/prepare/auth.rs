//! Prepare stage, auth: Basic, Bearer and API-key settings become the header (replacing one typed by hand)
//! or the query parameter they stand for. Digest, AWS Signature Version 4 and OAuth 2.0 are carried through
//! resolved: a Digest answer needs the server's challenge, a signature the time and the final bytes, and
//! OAuth a token the auth bundle obtains and keeps, so each is applied after prepare (`crate::auth`).

use super::{check_header, form_encode, PrepareError, PreparedAuth};
use crate::edit::model::{ApiKeyLocation, Auth};

/// Adds the auth header (replacing one the user typed by hand) or query parameter.
pub(super) fn apply_auth(
    auth: Auth,
    headers: &mut Vec<(String, String)>,
    url_text: &mut String,
) -> Result<PreparedAuth, PrepareError> {
    let mut set_header = |name: &str, value: String| -> Result<(), PrepareError> {
        let header =
            check_header(0, name, &value).map_err(|e| PrepareError::AuthHeader(Box::new(e)))?;
        if let Some((name, value)) = header {
            headers.retain(|(n, _)| !n.eq_ignore_ascii_case(&name));
            headers.push((name, value));
        }
        Ok(())
    };
    Ok(match auth {
        Auth::None => PreparedAuth::None,
        Auth::Basic { username, password } => {
            if username.contains(':') {
                return Err(PrepareError::ColonInBasicUser);
            }
            let credentials = crate::base64::encode(format!("{username}:{password}"));
            set_header("Authorization", format!("Basic {credentials}"))?;
            PreparedAuth::Basic { username, password }
        }
        Auth::Bearer { token } => {
            if token.trim().is_empty() {
                return Err(PrepareError::BearerWithoutToken);
            }
            set_header("Authorization", format!("Bearer {token}"))?;
            PreparedAuth::Bearer { token }
        }
        Auth::ApiKey {
            name,
            value,
            location,
        } => {
            if name.trim().is_empty() {
                return Err(PrepareError::ApiKeyWithoutName);
            }
            match location {
                ApiKeyLocation::Header => set_header(&name, value.clone())?,
                ApiKeyLocation::Query => append_query_pair(url_text, &name, &value),
            }
            PreparedAuth::ApiKey {
                name,
                value,
                location,
            }
        }
        Auth::Digest { username, password } => PreparedAuth::Digest { username, password },
        // Both replace an Authorization header typed by hand; the signature is made over the headers as
        // sent, so that one must be gone before it.
        Auth::AwsSigV4 { params } => {
            headers.retain(|(n, _)| !n.eq_ignore_ascii_case("authorization"));
            PreparedAuth::AwsSigV4 { params }
        }
        Auth::OAuth2 { params } => {
            headers.retain(|(n, _)| !n.eq_ignore_ascii_case("authorization"));
            PreparedAuth::OAuth2 { params }
        }
    })
}

fn append_query_pair(url_text: &mut String, name: &str, value: &str) {
    let fragment = url_text.find('#').map(|i| url_text.split_off(i));
    let separator = match url_text.find('?') {
        None => "?",
        Some(i) if i + 1 == url_text.len() || url_text.ends_with('&') => "",
        Some(_) => "&",
    };
    url_text.push_str(&format!(
        "{separator}{}={}",
        form_encode(name),
        form_encode(value)
    ));
    if let Some(fragment) = fragment {
        url_text.push_str(&fragment);
    }
}
