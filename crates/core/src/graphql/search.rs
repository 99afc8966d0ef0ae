//! The explorer's search: types, fields and arguments whose names contain a term.

use super::schema::Schema;

/// What a search hit names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitKind {
    Type,
    Field,
    Argument,
}

/// A type (`Issue`), a field (`Repository.issues`) or an argument (`Repository.issues(states:)`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    pub kind: HitKind,
    pub type_name: String,
    pub field: Option<String>,
    pub argument: Option<String>,
    /// How the hit reads: `Issue`, `Repository.issues`, `Repository.issues(states:)`.
    pub label: String,
    /// The field's or argument's type, empty for a type.
    pub detail: String,
}

/// 0 for an exact match, 1 for a prefix, 2 for a substring (ASCII case-insensitive), none otherwise.
pub(crate) fn match_rank(name: &str, lowered_term: &str) -> Option<u8> {
    let (hay, needle) = (name.as_bytes(), lowered_term.as_bytes());
    if needle.len() > hay.len() {
        return None;
    }
    let at = |i: usize| hay[i..i + needle.len()].eq_ignore_ascii_case(needle);
    if at(0) {
        return Some(if hay.len() == needle.len() { 0 } else { 1 });
    }
    (1..=hay.len() - needle.len()).any(at).then_some(2)
}

impl Schema {
    /// Types whose names match first (exact, prefix, substring), then fields, then arguments, each group
    /// by match quality then schema order; at most `limit` hits.
    pub fn search(&self, term: &str, limit: usize) -> Vec<SearchHit> {
        let term = term.trim().to_ascii_lowercase();
        if term.is_empty() || limit == 0 {
            return Vec::new();
        }
        // (group, rank, order) keeps the ordering stable across calls.
        let mut ranked: Vec<((u8, u8, usize), SearchHit)> = Vec::new();
        let mut order = 0;
        let mut hit = |key: (u8, u8, usize),
                       kind,
                       ty: &str,
                       field: Option<&str>,
                       arg: Option<&str>,
                       detail: String| {
            let label = match (field, arg) {
                (Some(f), Some(a)) => format!("{ty}.{f}({a}:)"),
                (Some(f), None) => format!("{ty}.{f}"),
                _ => ty.to_string(),
            };
            ranked.push((
                key,
                SearchHit {
                    kind,
                    type_name: ty.to_string(),
                    field: field.map(String::from),
                    argument: arg.map(String::from),
                    label,
                    detail,
                },
            ));
        };
        for ty in self.types().iter().filter(|t| !t.name.starts_with("__")) {
            order += 1;
            if let Some(rank) = match_rank(&ty.name, &term) {
                hit(
                    (0, rank, order),
                    HitKind::Type,
                    &ty.name,
                    None,
                    None,
                    String::new(),
                );
            }
            let members = ty
                .fields
                .iter()
                .map(|f| (&f.name, &f.ty, f.args.as_slice()));
            let inputs = ty.input_fields.iter().map(|f| (&f.name, &f.ty, &[][..]));
            for (name, field_ty, args) in members.chain(inputs) {
                order += 1;
                if let Some(rank) = match_rank(name, &term) {
                    hit(
                        (1, rank, order),
                        HitKind::Field,
                        &ty.name,
                        Some(name),
                        None,
                        field_ty.to_string(),
                    );
                }
                for arg in args {
                    order += 1;
                    if let Some(rank) = match_rank(&arg.name, &term) {
                        let detail = arg.ty.to_string();
                        hit(
                            (2, rank, order),
                            HitKind::Argument,
                            &ty.name,
                            Some(name),
                            Some(&arg.name),
                            detail,
                        );
                    }
                }
            }
        }
        ranked.sort_by_key(|(key, _)| *key);
        ranked.into_iter().take(limit).map(|(_, hit)| hit).collect()
    }
}
