//! Edit stage: key/value tables as text (`Name: value` per line) and back, for bulk editing headers.
//! A line starting with `//` is a row switched off, as Postman writes it.

use crate::edit::model::KeyValue;

/// The rows as text, one per line; blank rows are left out.
pub fn to_text(rows: &[KeyValue]) -> String {
    rows.iter()
        .filter(|row| !(row.key.is_empty() && row.value.is_empty()))
        .map(|row| {
            let prefix = if row.enabled { "" } else { "//" };
            format!("{prefix}{}: {}", row.key, row.value)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Rows from text: `Name: value` (the first colon splits), `//` switches a row off, blank lines are skipped.
/// A line without a colon becomes a name with an empty value, so nothing typed is lost.
pub fn from_text(text: &str) -> Vec<KeyValue> {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let (enabled, line) = match line.trim_start().strip_prefix("//") {
                Some(rest) => (false, rest),
                None => (true, line),
            };
            let (key, value) = line.split_once(':').unwrap_or((line, ""));
            KeyValue {
                enabled,
                key: key.trim().to_string(),
                value: value.trim().to_string(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_rows_including_switched_off_ones() {
        let mut rows = vec![
            KeyValue::new("Accept", "application/json"),
            KeyValue::new("X-Time", "12:30:00"),
            KeyValue::new("X-Empty", ""),
        ];
        rows.push(KeyValue {
            enabled: false,
            ..KeyValue::new("X-Off", "1")
        });
        let text = to_text(&rows);
        assert_eq!(
            text,
            "Accept: application/json\nX-Time: 12:30:00\nX-Empty: \n//X-Off: 1"
        );
        assert_eq!(from_text(&text), rows);
    }

    #[test]
    fn loose_text_is_read_without_losing_anything() {
        let rows = from_text("  Accept :  */*  \n\nno-colon\n// X-Off:2");
        assert_eq!(rows[0], KeyValue::new("Accept", "*/*"));
        assert_eq!(rows[1], KeyValue::new("no-colon", ""));
        assert_eq!((rows[2].enabled, rows[2].key.as_str()), (false, "X-Off"));
    }
}
