//! Import stage, OpenAPI key order: the order the document wrote each object's keys in, kept beside the
//! tree. reqlab's `serde_json` keeps objects sorted (turning on `preserve_order` would change the output
//! of every exporter and golden file in the workspace), but "the first media type", "the first example"
//! and the sidebar's order are the document's order.

use serde_json::{Map, Value};
use std::collections::HashMap;

/// For each object whose keys were not written in sorted order: the written order, as positions in the
/// sorted order. Objects are told apart by their key set (a fingerprint of the sorted keys): two objects
/// with the same keys in different orders share the first one's order, which only changes what is listed
/// first, never what is listed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyOrder {
    orders: HashMap<u64, Box<[u32]>>,
}

/// FNV-1a over the sorted keys: stable, cheap, and only a hint (a collision reorders, never drops).
fn fingerprint<'k>(keys: impl Iterator<Item = &'k String>) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    let mut count = 0u64;
    for key in keys {
        for byte in key.bytes().chain([0xff]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        count += 1;
    }
    hash ^ count
}

impl KeyOrder {
    /// Notes the order `written` (keys as they appeared, repeats allowed) of the finished object `map`.
    pub(super) fn record(&mut self, written: &[&str], map: &Map<String, Value>) {
        if map.len() < 2 {
            return;
        }
        let sorted: Vec<&String> = map.keys().collect();
        let mut positions: Vec<u32> = Vec::with_capacity(map.len());
        let mut seen = vec![false; sorted.len()];
        for key in written {
            if let Ok(index) = sorted.binary_search_by(|k| k.as_str().cmp(key)) {
                if !seen[index] {
                    seen[index] = true;
                    positions.push(index as u32);
                }
            }
        }
        let in_order = positions.windows(2).all(|w| w[0] < w[1]);
        if positions.len() != map.len() || in_order {
            return;
        }
        self.orders
            .entry(fingerprint(sorted.into_iter()))
            .or_insert_with(|| positions.into_boxed_slice());
    }

    /// Notes a map built in code (a merged schema, a generated example) whose keys were inserted in
    /// `written` order.
    pub(super) fn record_owned(&mut self, written: &[String], map: &Map<String, Value>) {
        let written: Vec<&str> = written.iter().map(String::as_str).collect();
        self.record(&written, map);
    }

    /// The object's entries in written order (sorted when its order was not noted).
    pub(super) fn entries<'m>(&self, map: &'m Map<String, Value>) -> Vec<(&'m String, &'m Value)> {
        let sorted: Vec<(&String, &Value)> = map.iter().collect();
        if sorted.len() < 2 || self.orders.is_empty() {
            return sorted;
        }
        match self.orders.get(&fingerprint(map.keys())) {
            Some(positions) if positions.len() == sorted.len() => positions
                .iter()
                .filter_map(|&i| sorted.get(i as usize).copied())
                .collect(),
            _ => sorted,
        }
    }
}

/// Entries in the order the first table that knows the object says (sorted when none does).
pub(super) fn entries<'m>(
    orders: &[&KeyOrder],
    map: &'m Map<String, Value>,
) -> Vec<(&'m String, &'m Value)> {
    for order in orders {
        if order.orders.contains_key(&fingerprint(map.keys())) {
            return order.entries(map);
        }
    }
    map.iter().collect()
}

/// `value` as pretty JSON (two spaces, as `serde_json::to_string_pretty`), objects in written order.
pub(super) fn pretty(value: &Value, orders: &[&KeyOrder]) -> String {
    let mut out = String::new();
    write(value, orders, 0, &mut out);
    out
}

fn write(value: &Value, orders: &[&KeyOrder], indent: usize, out: &mut String) {
    let pad = |out: &mut String, level: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", level));
    };
    match value {
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                pad(out, indent + 1);
                write(item, orders, indent + 1, out);
            }
            pad(out, indent);
            out.push(']');
        }
        Value::Object(map) if !map.is_empty() => {
            out.push('{');
            for (i, (key, item)) in entries(orders, map).into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                pad(out, indent + 1);
                out.push_str(&super::json_text(&Value::String(key.clone())));
                out.push_str(": ");
                write(item, orders, indent + 1, out);
            }
            pad(out, indent);
            out.push('}');
        }
        other => out.push_str(&super::json_text(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn written_order_is_kept_beside_sorted_maps() {
        let value = json!({"b": 1, "a": {"z": [1, {"y": 2, "x": 3}], "c": {}}});
        let mut order = KeyOrder::default();
        let top = value.as_object().expect("object");
        order.record(&["b", "a"], top);
        order.record(&["z", "c"], top["a"].as_object().expect("object"));
        order.record(&["y", "x"], top["a"]["z"][1].as_object().expect("object"));
        let keys: Vec<&str> = order
            .entries(top)
            .into_iter()
            .map(|(k, _)| k.as_str())
            .collect();
        assert_eq!(keys, ["b", "a"]);
        assert_eq!(
            pretty(&value, &[&order]),
            "{\n  \"b\": 1,\n  \"a\": {\n    \"z\": [\n      1,\n      {\n        \"y\": 2,\n        \
             \"x\": 3\n      }\n    ],\n    \"c\": {}\n  }\n}"
        );
        // Without orders, the same text serde_json writes.
        assert_eq!(
            pretty(&value, &[]),
            serde_json::to_string_pretty(&value).expect("serializes")
        );
    }
}
