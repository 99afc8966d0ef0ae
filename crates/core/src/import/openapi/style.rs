//! Import stage, OpenAPI parameter serialization: a parameter's example value written as its `style` and
//! `explode` say (form, spaceDelimited, pipeDelimited, deepObject for queries; simple, label, matrix for
//! paths; simple for headers), before it becomes query rows, a path variable or a header value.

use super::order::KeyOrder;
use serde_json::{Map, Value};

/// A value as text: strings as they are, numbers and booleans as printed, nested structures as JSON.
pub(super) fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => super::json_text(other),
    }
}

fn items(list: &[Value]) -> Vec<String> {
    list.iter().map(scalar).collect()
}

/// An object's members in the document's order.
fn pairs(map: &Map<String, Value>, order: &KeyOrder) -> Vec<(String, String)> {
    order
        .entries(map)
        .into_iter()
        .map(|(k, v)| (k.clone(), scalar(v)))
        .collect()
}

/// A query parameter as `(name, value)` rows.
pub(super) fn query(
    name: &str,
    style: &str,
    explode: bool,
    value: &Value,
    order: &KeyOrder,
) -> Vec<(String, String)> {
    let delimiter = match style {
        "spaceDelimited" => " ",
        "pipeDelimited" => "|",
        "tabDelimited" => "\t",
        _ => ",",
    };
    match value {
        // No style: a `content` parameter, sent as its JSON text.
        _ if style.is_empty() => vec![(name.to_string(), scalar(value))],
        Value::Array(list) if list.is_empty() => vec![(name.to_string(), String::new())],
        // Exploded arrays repeat the name whatever the delimiter (the delimiters only join).
        Value::Array(list) if explode => items(list)
            .into_iter()
            .map(|v| (name.to_string(), v))
            .collect(),
        Value::Array(list) if style == "deepObject" => items(list)
            .into_iter()
            .map(|v| (format!("{name}[]"), v))
            .collect(),
        Value::Array(list) => vec![(name.to_string(), items(list).join(delimiter))],
        Value::Object(map) if style == "deepObject" => pairs(map, order)
            .into_iter()
            .map(|(k, v)| (format!("{name}[{k}]"), v))
            .collect(),
        Value::Object(map) if explode => pairs(map, order),
        Value::Object(map) => {
            let flat: Vec<String> = pairs(map, order)
                .into_iter()
                .flat_map(|(k, v)| [k, v])
                .collect();
            vec![(name.to_string(), flat.join(delimiter))]
        }
        other => vec![(name.to_string(), scalar(other))],
    }
}

/// A path parameter's segment text (`simple`, `label` or `matrix`).
pub(super) fn path(
    name: &str,
    style: &str,
    explode: bool,
    value: &Value,
    order: &KeyOrder,
) -> String {
    match style {
        "label" => {
            let separator = if explode { "." } else { "," };
            match value {
                Value::Array(list) => format!(".{}", items(list).join(separator)),
                Value::Object(map) => format!(".{}", joined_pairs(map, explode, separator, order)),
                other => format!(".{}", scalar(other)),
            }
        }
        "matrix" => match value {
            Value::Array(list) if explode => items(list)
                .into_iter()
                .map(|v| format!(";{name}={v}"))
                .collect(),
            Value::Array(list) => format!(";{name}={}", items(list).join(",")),
            Value::Object(map) if explode => pairs(map, order)
                .into_iter()
                .map(|(k, v)| format!(";{k}={v}"))
                .collect(),
            Value::Object(map) => format!(";{name}={}", joined_pairs(map, false, ",", order)),
            other => format!(";{name}={}", scalar(other)),
        },
        "" => scalar(value),
        _ => simple(explode, value, order),
    }
}

/// `simple` style: headers, and path parameters without a style.
pub(super) fn simple(explode: bool, value: &Value, order: &KeyOrder) -> String {
    match value {
        Value::Array(list) => items(list).join(","),
        Value::Object(map) => joined_pairs(map, explode, ",", order),
        other => scalar(other),
    }
}

/// `k=v` pairs when exploded, else `k,v` flattened, joined by `separator`.
fn joined_pairs(
    map: &Map<String, Value>,
    explode: bool,
    separator: &str,
    order: &KeyOrder,
) -> String {
    if explode {
        pairs(map, order)
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(separator)
    } else {
        pairs(map, order)
            .into_iter()
            .flat_map(|(k, v)| [k, v])
            .collect::<Vec<_>>()
            .join(separator)
    }
}

/// A cookie parameter as `name=value` pairs (`form` style: exploded values each their own cookie).
pub(super) fn cookie(name: &str, explode: bool, value: &Value, order: &KeyOrder) -> Vec<String> {
    query(name, "form", explode, value, order)
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rows(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// The OpenAPI table's object, `R`, `G`, `B` in that order.
    fn rgb() -> (Value, KeyOrder) {
        let object = json!({"R": 100, "G": 200, "B": 150});
        let mut order = KeyOrder::default();
        order.record(&["R", "G", "B"], object.as_object().expect("object"));
        (object, order)
    }

    #[test]
    fn query_styles_follow_the_openapi_table() {
        let list = json!(["blue", "black", "brown"]);
        let (object, order) = rgb();
        let cases = [
            ("form", true, json!(5), rows(&[("color", "5")])),
            (
                "form",
                true,
                list.clone(),
                rows(&[("color", "blue"), ("color", "black"), ("color", "brown")]),
            ),
            (
                "form",
                false,
                list.clone(),
                rows(&[("color", "blue,black,brown")]),
            ),
            (
                "spaceDelimited",
                false,
                list.clone(),
                rows(&[("color", "blue black brown")]),
            ),
            (
                "pipeDelimited",
                false,
                list.clone(),
                rows(&[("color", "blue|black|brown")]),
            ),
            (
                "form",
                true,
                object.clone(),
                rows(&[("R", "100"), ("G", "200"), ("B", "150")]),
            ),
            (
                "form",
                false,
                object.clone(),
                rows(&[("color", "R,100,G,200,B,150")]),
            ),
            (
                "deepObject",
                true,
                object.clone(),
                rows(&[
                    ("color[R]", "100"),
                    ("color[G]", "200"),
                    ("color[B]", "150"),
                ]),
            ),
            ("form", true, json!([]), rows(&[("color", "")])),
            ("form", true, json!(true), rows(&[("color", "true")])),
        ];
        for (style, explode, value, expected) in cases {
            assert_eq!(
                query("color", style, explode, &value, &order),
                expected,
                "{style} {explode} {value}"
            );
        }
    }

    #[test]
    fn path_and_header_styles_follow_the_openapi_table() {
        let list = json!(["blue", "black", "brown"]);
        let (object, order) = rgb();
        let cases = [
            ("simple", false, json!("blue"), "blue"),
            ("simple", false, list.clone(), "blue,black,brown"),
            ("simple", false, object.clone(), "R,100,G,200,B,150"),
            ("simple", true, object.clone(), "R=100,G=200,B=150"),
            ("label", false, json!("blue"), ".blue"),
            ("label", false, list.clone(), ".blue,black,brown"),
            ("label", true, list.clone(), ".blue.black.brown"),
            ("label", true, object.clone(), ".R=100.G=200.B=150"),
            ("matrix", false, json!("blue"), ";color=blue"),
            ("matrix", false, list.clone(), ";color=blue,black,brown"),
            (
                "matrix",
                true,
                list.clone(),
                ";color=blue;color=black;color=brown",
            ),
            ("matrix", true, object.clone(), ";R=100;G=200;B=150"),
            ("matrix", false, object.clone(), ";color=R,100,G,200,B,150"),
        ];
        for (style, explode, value, expected) in cases {
            assert_eq!(
                path("color", style, explode, &value, &order),
                expected,
                "{style} {explode} {value}"
            );
        }
        assert_eq!(cookie("id", true, &json!([1, 2]), &order), ["id=1", "id=2"]);
        assert_eq!(cookie("id", false, &json!([1, 2]), &order), ["id=1,2"]);
    }
}
