//! The runner's data files: each row one iteration's variables, from a CSV file (RFC 4180, the first line
//! naming the columns) or a JSON array of objects, as Postman's and Newman's runners read them.

use crate::edit::model::KeyValue;
use serde_json::Value;

/// One iteration's variables.
pub type DataRow = Vec<KeyValue>;

/// Reads a data file by its content: JSON when it starts with `[`, CSV otherwise.
pub fn read_data(text: &str) -> Result<Vec<DataRow>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('[') {
        read_json(text)
    } else {
        read_csv(text)
    }
}

/// A JSON array of objects; members that are not strings are written as JSON (`3`, `true`).
pub fn read_json(text: &str) -> Result<Vec<DataRow>, String> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| format!("the data file is not JSON: {e}"))?;
    let Value::Array(rows) = value else {
        return Err("a JSON data file holds an array of objects, one per iteration".to_string());
    };
    rows.iter()
        .enumerate()
        .map(|(i, row)| match row {
            Value::Object(members) => Ok(members
                .iter()
                .map(|(key, value)| {
                    let text = match value {
                        Value::String(text) => text.clone(),
                        other => other.to_string(),
                    };
                    KeyValue::new(key.clone(), text)
                })
                .collect()),
            _ => Err(format!("row {} of the data file is not an object", i + 1)),
        })
        .collect()
}

/// RFC 4180 CSV: fields separated by commas, quoted with `"` (doubled inside), quoted fields may hold
/// commas and line breaks; CRLF or LF line ends; the first record names the variables.
pub fn read_csv(text: &str) -> Result<Vec<DataRow>, String> {
    let records = records(text)?;
    let mut records = records.into_iter();
    let Some(header) = records.next() else {
        return Ok(Vec::new());
    };
    if header.iter().any(|name| name.trim().is_empty()) {
        return Err("the CSV file's first line names every column: one name is empty".to_string());
    }
    records
        .enumerate()
        .filter(|(_, record)| !(record.len() == 1 && record[0].is_empty()))
        .map(|(i, record)| {
            if record.len() != header.len() {
                return Err(format!(
                    "line {} of the CSV file has {} fields where its first line names {}",
                    i + 2,
                    record.len(),
                    header.len()
                ));
            }
            Ok(header
                .iter()
                .zip(record)
                .map(|(name, value)| KeyValue::new(name.trim(), value))
                .collect())
        })
        .collect()
}

fn records(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut line = 1;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                line += 1;
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(format!(
            "the CSV file has a quote opened before line {line} and never closed"
        ));
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(rows: &[DataRow]) -> Vec<Vec<(String, String)>> {
        rows.iter()
            .map(|row| {
                row.iter()
                    .map(|kv| (kv.key.clone(), kv.value.clone()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn csv_follows_rfc_4180() {
        let rows =
            read_csv("user,note\r\nada,\"a, b\"\nbob,\"say \"\"hi\"\"\nthere\"\n\n").unwrap();
        assert_eq!(
            pairs(&rows),
            [
                vec![
                    ("user".into(), "ada".into()),
                    ("note".into(), "a, b".into())
                ],
                vec![
                    ("user".into(), "bob".into()),
                    ("note".into(), "say \"hi\"\nthere".into())
                ],
            ]
        );
        assert!(read_csv("a,b\n1\n").unwrap_err().contains("line 2"));
        assert!(read_csv("a\n\"open\n")
            .unwrap_err()
            .contains("never closed"));
        assert!(read_csv("a,\n1,2\n").unwrap_err().contains("empty"));
        assert_eq!(read_csv("").unwrap(), Vec::<DataRow>::new());
    }

    #[test]
    fn json_rows_and_detection() {
        let rows = read_data(" [{\"id\": 3, \"name\": \"x\", \"ok\": true}]").unwrap();
        assert_eq!(
            pairs(&rows),
            [vec![
                ("id".into(), "3".into()),
                ("name".into(), "x".into()),
                ("ok".into(), "true".into())
            ]]
        );
        assert!(read_data("[1]").unwrap_err().contains("row 1"));
        assert_eq!(
            pairs(&read_data("\u{feff}id\n7").unwrap()),
            [vec![("id".into(), "7".into())]]
        );
    }
}
