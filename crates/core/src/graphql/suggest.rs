//! "Did you mean …?": the known names closest to an unknown one.

/// Up to five of `options` close to `input` (by edit distance, case-insensitive), closest first.
pub fn closest<'a>(input: &str, options: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let lowered = input.to_lowercase();
    let threshold = input.chars().count() * 2 / 5 + 1;
    let mut scored: Vec<(usize, &str)> = options
        .into_iter()
        .filter_map(|option| {
            let distance = if option.to_lowercase() == lowered {
                0
            } else {
                distance(&lowered, &option.to_lowercase())
            };
            (distance <= threshold).then_some((distance, option))
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(5).map(|(_, o)| o).collect()
}

/// `" Did you mean \"a\", \"b\", or \"c\"?"`, or nothing when there is no suggestion.
pub fn did_you_mean(suggestions: &[&str]) -> String {
    let quoted: Vec<String> = suggestions.iter().map(|s| format!("\"{s}\"")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => format!(" Did you mean {one}?"),
        [a, b] => format!(" Did you mean {a} or {b}?"),
        [rest @ .., last] => format!(" Did you mean {}, or {last}?", rest.join(", ")),
    }
}

fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            current[j + 1] = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}
