//! Snippet stage helper: header lists for clients that cannot send a header name twice.

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
