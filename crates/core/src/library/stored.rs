//! Library stage, storage format: the versioned envelope `{"v":<version>,"data":<value>}` every stored value
//! uses, and the step-by-step migration that lets a newer reqlab open what an older one saved.

use serde::de::DeserializeOwned;
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde::Serialize;
use serde_json::Value;
use std::borrow::Cow;
use thiserror::Error;

/// Moves stored data from version `from` to `from + 1`, or says why it cannot.
pub type Migrate = fn(from: u32, data: Value) -> Result<Value, String>;

/// Why stored text could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StoredError {
    /// The text is not a readable envelope, or its data does not have the expected shape.
    #[error("The saved data is damaged ({0}), so it cannot be opened: start afresh or clear it.")]
    Corrupt(String),
    /// A newer reqlab wrote it, in a version this one does not know.
    #[error("The saved data was saved by a newer reqlab (version {0}): reload the page to get that version.")]
    Newer(u32),
}

/// For stores whose format has never changed: there is nothing older to migrate from.
pub fn no_migrations(from: u32, _data: Value) -> Result<Value, String> {
    Err(format!(
        "version {from} is older than any this reqlab knows"
    ))
}

/// The envelope's JSON text for `data` at `version`.
pub fn wrap<T: Serialize>(version: u32, data: &T) -> String {
    // Serializing plain data structs cannot fail; a `null` keeps the envelope valid if one ever did.
    let data = serde_json::to_string(data).unwrap_or_else(|_| "null".into());
    // Written by hand so the version always comes first.
    format!("{{\"v\":{version},\"data\":{data}}}")
}

/// Reads an envelope written at any version up to `version`, migrating older data one step at a time.
///
/// The text is read twice, for the version and then for the data, so that current data is read straight
/// into `T`; only older data goes through a `Value` to be migrated (and is then written out and read the
/// same way). Reading `T` from a `Value` would give every stored type a second deserializer in the wasm
/// bundles that open stored data.
pub fn open<T: DeserializeOwned>(
    text: &str,
    version: u32,
    migrate: Migrate,
) -> Result<T, StoredError> {
    let current = current_text(text, version, migrate)?;
    let envelope: Envelope<T> = serde_json::from_str(&current)
        .map_err(|e| StoredError::Corrupt(format!("its data does not fit: {e}")))?;
    envelope
        .data
        .ok_or_else(|| StoredError::Corrupt("it has no data".into()))
}

/// The envelope's text with its data at `version`: `text` itself when it is current, else its data
/// migrated and written out again. Apart from `open`'s last step, so that every stored type shares it.
fn current_text(text: &str, version: u32, migrate: Migrate) -> Result<Cow<'_, str>, StoredError> {
    let corrupt = StoredError::Corrupt;
    serde_json::from_str::<IgnoredAny>(text)
        .map_err(|e| corrupt(format!("it is not JSON: {e}")))?;
    // A JSON text is an object exactly when it starts with `{` (serde would also read an array as a struct).
    if !text.trim_start().starts_with('{') {
        return Err(corrupt("it is not an object".into()));
    }
    let envelope: Envelope<IgnoredAny> =
        serde_json::from_str(text).map_err(|e| corrupt(format!("it is not an envelope: {e}")))?;
    let found = match envelope.v {
        None => return Err(corrupt("it has no version number".into())),
        Some(v) => v
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| corrupt(format!("its version {v} is not a whole number")))?,
    };
    if found > version {
        return Err(StoredError::Newer(found));
    }
    if envelope.data.is_none() {
        return Err(corrupt("it has no data".into()));
    }
    if found == version {
        return Ok(Cow::Borrowed(text));
    }
    let envelope: Envelope<Value> =
        serde_json::from_str(text).map_err(|e| corrupt(format!("its data does not fit: {e}")))?;
    let mut migrated = envelope.data.unwrap_or_default();
    for from in found..version {
        migrated = migrate(from, migrated)
            .map_err(|why| corrupt(format!("upgrading from version {from} failed: {why}")))?;
    }
    Ok(Cow::Owned(format!("{{\"data\":{migrated}}}")))
}

/// The envelope's members, the data read as `D` (skipped as `IgnoredAny` while the version is read).
#[derive(Deserialize)]
struct Envelope<D> {
    v: Option<Value>,
    data: Option<D>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Counter {
        count: u32,
    }

    /// v1 stored a bare number; v2 wrapped it in an object; v3 changed nothing visible here.
    fn migrate(from: u32, data: Value) -> Result<Value, String> {
        match from {
            1 => Ok(serde_json::json!({ "count": data })),
            2 => Ok(data),
            _ => Err(format!("unknown version {from}")),
        }
    }

    fn open_counter(text: &str) -> Result<Counter, StoredError> {
        open(text, 3, migrate)
    }

    #[test]
    fn wrap_then_open_gives_the_value_back() {
        let text = wrap(3, &Counter { count: 7 });
        assert_eq!(text, r#"{"v":3,"data":{"count":7}}"#);
        assert_eq!(open_counter(&text), Ok(Counter { count: 7 }));
    }

    #[test]
    fn envelopes_open_migrate_or_fail_with_a_reason() {
        let ok = |count| Ok(Counter { count });
        let corrupt = |why: &str| Err(StoredError::Corrupt(why.to_string()));
        let cases: Vec<(&str, Result<Counter, StoredError>)> = vec![
            (r#"{"v":3,"data":{"count":1}}"#, ok(1)),
            (r#"{"v":2,"data":{"count":2}}"#, ok(2)),
            (r#"{"v":1,"data":5}"#, ok(5)),
            (r#"{"v":4,"data":{"count":1}}"#, Err(StoredError::Newer(4))),
            (
                r#"{"v":0,"data":5}"#,
                corrupt("upgrading from version 0 failed: unknown version 0"),
            ),
            (r#"[1]"#, corrupt("it is not an object")),
            (r#"{"data":1}"#, corrupt("it has no version number")),
            (r#"{"v":3}"#, corrupt("it has no data")),
            (
                r#"{"v":"3","data":1}"#,
                corrupt("its version \"3\" is not a whole number"),
            ),
            (
                r#"{"v":-1,"data":1}"#,
                corrupt("its version -1 is not a whole number"),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(open_counter(text), expected, "{text}");
        }
    }

    #[test]
    fn bad_json_and_bad_shapes_are_corrupt() {
        for text in ["", "not json", r#"{"v":3,"data":{"count":"x"}}"#, "{"] {
            assert!(
                matches!(open_counter(text), Err(StoredError::Corrupt(_))),
                "{text:?}"
            );
        }
    }

    #[test]
    fn errors_read_as_sentences() {
        let damaged = StoredError::Corrupt("it is not JSON".into()).to_string();
        assert!(damaged.contains("is damaged (it is not JSON)"), "{damaged}");
        let newer = StoredError::Newer(9).to_string();
        assert!(newer.contains("newer reqlab (version 9)"), "{newer}");
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in ".*") {
            let _ = open_counter(&text);
        }

        #[test]
        fn mutated_envelopes_never_panic(
            v in any::<i64>(),
            data in prop_oneof![
                Just("{\"count\":1}".to_string()),
                any::<u32>().prop_map(|n| n.to_string()),
                ".*".prop_map(|s| serde_json::to_string(&s).unwrap()),
                Just("null".to_string()),
            ],
            cut in any::<usize>(),
        ) {
            let text = format!("{{\"v\":{v},\"data\":{data}}}");
            let _ = open_counter(&text);
            let mut cut = cut % (text.len() + 1);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let _ = open_counter(&text[..cut]);
        }
    }
}
