//! Import stage, OpenAPI references: local `$ref`s (`#/components/schemas/Pet`) followed on demand, at most
//! [`Limits::max_ref_hops`] at a time, so that chains and cycles end with a sentence instead of a hang.
//! References to other files or URLs are never fetched: each becomes a warning.

use super::order::KeyOrder;
use super::Limits;
use serde_json::{Map, Value};

/// The document, read once: which version it is and how far references are followed.
#[derive(Clone, Copy)]
pub(super) struct Doc<'a> {
    pub root: &'a Value,
    pub version: Version,
    pub limits: &'a Limits,
    /// The order the document wrote its objects' keys in.
    pub order: &'a KeyOrder,
}

/// The description's version, as far as reading it differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Version {
    Swagger2,
    OpenApi30,
    OpenApi31,
}

/// A value after its references were followed.
pub(super) struct Resolved<'a> {
    pub value: &'a Value,
    /// Why a reference could not be followed; `value` is then the object that holds it.
    pub problem: Option<String>,
}

impl<'a> Doc<'a> {
    /// An object's entries in the order the document wrote them.
    pub fn entries<'m>(&self, map: &'m Map<String, Value>) -> Vec<(&'m String, &'m Value)> {
        self.order.entries(map)
    }

    /// Follows `value`'s `$ref` (and the target's, and so on) to a value that is not a reference.
    pub fn resolve<'v>(&self, value: &'v Value) -> Resolved<'v>
    where
        'a: 'v,
    {
        let mut current = value;
        for _ in 0..=self.limits.max_ref_hops {
            let Some(target) = ref_of(current) else {
                return Resolved {
                    value: current,
                    problem: None,
                };
            };
            match self.pointer(target) {
                Ok(next) => {
                    if std::ptr::eq(next, current) {
                        return Resolved {
                            value: current,
                            problem: Some(format!("`{target}` refers to itself.")),
                        };
                    }
                    current = next;
                }
                Err(problem) => {
                    return Resolved {
                        value: current,
                        problem: Some(problem),
                    }
                }
            }
        }
        Resolved {
            value: current,
            problem: Some(format!(
                "following `{}` takes more than {} references (a chain or a cycle); it is left out.",
                ref_of(value).unwrap_or_default(),
                self.limits.max_ref_hops
            )),
        }
    }

    /// The value a local reference points at.
    pub fn pointer(&self, reference: &str) -> Result<&'a Value, String> {
        let Some(fragment) = reference.strip_prefix('#') else {
            return Err(format!(
                "`{reference}` is in another document, which is not fetched; it is left out."
            ));
        };
        let fragment = percent_decode(fragment);
        if fragment.is_empty() {
            return Ok(self.root);
        }
        let Some(path) = fragment.strip_prefix('/') else {
            return Err(format!(
                "`{reference}` is not a JSON pointer (it should start with `#/`); it is left out."
            ));
        };
        let mut current = self.root;
        for token in path.split('/') {
            let token = token.replace("~1", "/").replace("~0", "~");
            let next = match current {
                Value::Object(map) => map.get(&token),
                Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => None,
            };
            current = next.ok_or_else(|| {
                format!("`{reference}` points at nothing in the document; it is left out.")
            })?;
        }
        Ok(current)
    }
}

/// The `$ref` of an object that has one.
pub(super) fn ref_of(value: &Value) -> Option<&str> {
    value.get("$ref").and_then(Value::as_str)
}

/// The component a reference names: `Pet` for `#/components/schemas/Pet` (or `#/definitions/Pet`).
pub(super) fn component_name(reference: &str) -> String {
    reference
        .rsplit('/')
        .next()
        .map(|last| percent_decode(last).replace("~1", "/").replace("~0", "~"))
        .unwrap_or_default()
}

fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pointers_unescape_tilde_and_percent() {
        let root = json!({
            "paths": {"/pets/{id}": {"get": 1}, "a~b": 2, "c d": 3},
            "components": {"schemas": {"Pet": {"type": "object"}}},
            "list": [10, 11]
        });
        let limits = Limits::default();
        let doc = Doc {
            root: &root,
            version: Version::OpenApi30,
            limits: &limits,
            order: &KeyOrder::default(),
        };
        let cases: [(&str, Option<Value>); 8] = [
            ("#/paths/~1pets~1{id}/get", Some(json!(1))),
            ("#/paths/~1pets~1%7Bid%7D/get", Some(json!(1))),
            ("#/paths/a~0b", Some(json!(2))),
            ("#/paths/c%20d", Some(json!(3))),
            ("#/components/schemas/Pet", Some(json!({"type": "object"}))),
            ("#/list/1", Some(json!(11))),
            ("#/list/2", None),
            ("other.yaml#/Pet", None),
        ];
        for (reference, expected) in cases {
            assert_eq!(
                doc.pointer(reference).ok().cloned(),
                expected,
                "{reference}"
            );
        }
    }

    #[test]
    fn chains_cycles_and_self_references_end_with_a_sentence() {
        let root = json!({
            "a": {"$ref": "#/b"}, "b": {"$ref": "#/c"}, "c": {"type": "string"},
            "self": {"$ref": "#/self"},
            "x": {"$ref": "#/y"}, "y": {"$ref": "#/x"},
            "far": {"$ref": "https://example.com/s.json"}
        });
        let limits = Limits {
            max_ref_hops: 5,
            ..Limits::default()
        };
        let doc = Doc {
            root: &root,
            version: Version::OpenApi31,
            limits: &limits,
            order: &KeyOrder::default(),
        };
        let followed = doc.resolve(&root["a"]);
        assert_eq!(followed.value, &json!({"type": "string"}));
        assert!(followed.problem.is_none());
        for (name, words) in [
            ("self", "refers to itself"),
            ("x", "more than 5 references"),
            ("far", "another document"),
        ] {
            let resolved = doc.resolve(&root[name]);
            let problem = resolved.problem.unwrap_or_default();
            assert!(problem.contains(words), "{name}: {problem}");
        }
    }

    #[test]
    fn component_names_are_the_last_token_unescaped() {
        let cases = [
            ("#/components/schemas/Pet", "Pet"),
            ("#/definitions/a~1b", "a/b"),
            ("#/components/schemas/Caf%C3%A9", "Café"),
        ];
        for (reference, name) in cases {
            assert_eq!(component_name(reference), name);
        }
    }
}
