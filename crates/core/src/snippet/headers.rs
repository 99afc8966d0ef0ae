//! Snippet stage helper: header lists for clients that cannot send a header name twice, and the note on
//! header values outside ASCII.

/// For clients that keep one header per name (a dict in Python, wget's later `--header` replacing an earlier
/// one): repeats are joined with ", ", which HTTP defines as equivalent for every header but Set-Cookie.
pub fn merge_repeated_headers(
    headers: &[(String, String)],
    client: &str,
    warnings: &mut Vec<String>,
) -> Vec<(String, String)> {
    let mut merged: Vec<(String, String)> = Vec::with_capacity(headers.len());
    for (name, value) in headers {
        match merged
            .iter_mut()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            Some((first, joined)) => {
                joined.push_str(", ");
                joined.push_str(value);
                let note = format!(
                    "{client} sends one \"{first}\" header: the repeated values are joined with \", \"."
                );
                if !warnings.contains(&note) {
                    warnings.push(note);
                }
            }
            None => merged.push((name.clone(), value.clone())),
        }
    }
    merged
}

/// Names the headers whose values are not ASCII: this client sends their UTF-8 bytes, as curl does, where a
/// browser would send Latin-1 or refuse the value.
pub fn utf8_value_note(headers: &[(String, String)], client: &str) -> Option<String> {
    let names: Vec<&str> = headers
        .iter()
        .filter(|(_, value)| !value.is_ascii())
        .map(|(name, _)| name.as_str())
        .collect();
    if names.is_empty() {
        return None;
    }
    Some(format!(
        "{client} sends the value of {} as UTF-8 bytes, as curl does (a browser sends Latin-1, or refuses \
         characters beyond it); a server that reads header bytes as Latin-1 sees other characters.",
        names
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    ))
}
