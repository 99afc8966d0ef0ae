//! Postman environment files (`*.postman_environment.json`): one environment's variables, as Postman
//! exports and imports them. reqlab's Collections dialog writes one per environment and reads them back.

use super::rows::key_values;
use super::{parse_json, PostmanError};
use crate::edit::model::Environment;
use crate::import::read::as_object;
use serde_json::{json, Value};

/// The scope Postman writes in its environment exports (globals files say `globals`).
const SCOPE: &str = "environment";

/// `environment` as a Postman environment file, pretty-printed for people who open it.
pub fn export_environment(environment: &Environment) -> String {
    let values: Vec<Value> = environment
        .variables
        .iter()
        .filter(|v| !v.key.is_empty())
        .map(|v| json!({ "key": v.key, "value": v.value, "type": "default", "enabled": v.enabled }))
        .collect();
    let file = json!({
        "name": environment.name,
        "values": values,
        "_postman_variable_scope": SCOPE,
    });
    format!("{file:#}")
}

/// True when the JSON is shaped like a Postman environment (or globals) file.
pub fn looks_like_environment(value: &Value) -> bool {
    value.get("values").is_some_and(Value::is_array)
        && (value.get("_postman_variable_scope").is_some() || value.get("name").is_some())
}

/// The environment a Postman environment file holds (switched-off variables stay, switched off).
pub fn import_environment(text: &str) -> Result<Environment, PostmanError> {
    let value = parse_json(text)?;
    if !looks_like_environment(&value) {
        return Err(PostmanError::NotEnvironment);
    }
    let top = as_object("", &value)?;
    Ok(Environment {
        name: top.text("name")?,
        variables: key_values(top, "values")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::model::KeyValue;

    #[test]
    fn an_exported_environment_imports_as_the_same_one() {
        let environment = Environment {
            name: "staging ✓".into(),
            variables: vec![
                KeyValue::new("host", "s.example.com"),
                KeyValue {
                    enabled: false,
                    ..KeyValue::new("token", "t-1")
                },
            ],
        };
        let text = export_environment(&environment);
        let value: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(value["_postman_variable_scope"], "environment");
        assert_eq!(value["values"][1]["enabled"], false);
        assert_eq!(import_environment(&text), Ok(environment));
    }

    /// As Postman 10 writes it: an id, typed values (secrets too), timestamps.
    #[test]
    fn reads_a_file_postman_wrote() {
        let text = r#"{
            "id": "5d1c4a1e-8f0e-4b8e-9a57-3f1f0c3b2a11",
            "name": "Echo API",
            "values": [
                {"key": "base", "value": "https://echo.example", "type": "default", "enabled": true},
                {"key": "apiKey", "value": "k-9", "type": "secret", "enabled": true},
                {"key": "retries", "value": 3, "type": "default", "enabled": false}
            ],
            "_postman_variable_scope": "environment",
            "_postman_exported_at": "2026-11-02T10:00:00.000Z",
            "_postman_exported_using": "Postman/10.24.0"
        }"#;
        let environment = import_environment(text).expect("reads");
        assert_eq!(environment.name, "Echo API");
        assert_eq!(environment.lookup("apiKey"), Some("k-9"));
        assert_eq!(environment.lookup("retries"), None);
        assert_eq!(environment.variables[2].value, "3");
    }

    #[test]
    fn other_text_is_refused_with_a_reason() {
        let cases = [
            ("not json", "Not valid JSON"),
            (r#"{"info": {}, "item": []}"#, "not a Postman environment"),
            (
                r#"{"name": "x", "values": [{"key": 1, "value": {}}]}"#,
                "`values[0].value` should be a string, but it is an object.",
            ),
        ];
        for (text, expected) in cases {
            let error = import_environment(text).expect_err(text).to_string();
            assert!(error.contains(expected), "{text}: {error}");
        }
    }
}
