//! Import stage, Postman: the sentences about what a collection held that reqlab cannot keep, gathered while
//! reading so that nothing is dropped silently, and a few summed up once instead of once per item.

use crate::import::collection::{Collection, ImportWarning};
use crate::prepare::{prepare, PrepareError};
use serde_json::Value;

/// Warnings in reading order, each naming where it applies (`Users/Create user: ...`).
#[derive(Default)]
pub(super) struct Notes {
    warnings: Vec<ImportWarning>,
    descriptions: usize,
}

impl Notes {
    /// A warning about the item at `location` ("" for the collection's own settings).
    pub fn warn(&mut self, location: &str, message: impl Into<String>) {
        self.warnings.push(ImportWarning {
            location: Some(location.to_string()),
            message: message.into(),
        });
    }

    fn summary(&mut self, message: String) {
        self.warnings.push(ImportWarning {
            location: None,
            message,
        });
    }

    /// "Postman's setting x is left out." or "Postman's settings x, y are left out."
    pub fn left_out(&mut self, location: &str, what: &str, names: &[&str]) {
        if names.is_empty() {
            return;
        }
        let (plural, verb) = if names.len() == 1 {
            ("", "is")
        } else {
            ("s", "are")
        };
        self.warn(
            location,
            format!(
                "Postman's {what}{plural} {} {verb} left out.",
                names.join(", ")
            ),
        );
    }

    /// Descriptions are documentation, not part of what is sent: one sentence covers them all.
    pub fn description(&mut self, description: Option<&Value>) {
        if description.is_some_and(has_content) {
            self.descriptions += 1;
        }
    }

    /// Variables the requests use but the collection does not define: in Postman they come from an
    /// environment or the globals, which are not in the export, so `prepare` would stop on them.
    pub fn check_variables(&mut self, collection: &Collection) {
        let env = collection.environment();
        let mut undefined: Vec<String> = Vec::new();
        let mut dynamic: Vec<String> = Vec::new();
        for (_, request) in collection.requests() {
            if let Err(PrepareError::UnknownVariables(names)) = prepare(request, &env) {
                for name in names {
                    let list = if name.starts_with('$') {
                        &mut dynamic
                    } else {
                        &mut undefined
                    };
                    if !list.contains(&name) {
                        list.push(name);
                    }
                }
            }
        }
        let braces = |names: &[String]| {
            names
                .iter()
                .map(|n| format!("{{{{{n}}}}}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !undefined.is_empty() {
            self.summary(format!(
                "Variables used but not defined in the collection: {}. They may come from a Postman \
                 environment or globals: define them before sending.",
                braces(&undefined)
            ));
        }
        if !dynamic.is_empty() {
            self.summary(format!(
                "Postman's dynamic variables {} have no value in reqlab: define them before sending.",
                braces(&dynamic)
            ));
        }
    }

    pub fn finish(mut self) -> Vec<ImportWarning> {
        if self.descriptions > 0 {
            let descriptions = format!(
                "{} description{} left out: reqlab collections do not keep descriptions.",
                self.descriptions,
                if self.descriptions == 1 {
                    " is"
                } else {
                    "s are"
                }
            );
            self.summary(descriptions);
        }
        self.warnings
    }
}

/// False for the empty strings, lists and objects that exporters write for fields nobody filled in.
pub(super) fn has_content(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
        _ => true,
    }
}
