//! The checks' operators: what a row does with its subject's value. Apart from the rest of `check`, which is
//! the `workflow` feature's, because the `.http` reader and writer (which the import worker carries) read and
//! write check rows too (`# @check SUBJECT OPERATOR VALUE`).

use crate::vocabulary;

vocabulary!(
    /// What a row does with its subject's value.
    Operator {
        Equals => "equals", "equals";
        NotEquals => "not_equals", "does not equal";
        LessThan => "less_than", "less than";
        LessOrEqual => "less_or_equal", "at most";
        GreaterThan => "greater_than", "greater than";
        GreaterOrEqual => "greater_or_equal", "at least";
        Contains => "contains", "contains";
        NotContains => "not_contains", "does not contain";
        Matches => "matches", "matches (regex)";
        Exists => "exists", "exists";
        NotExists => "not_exists", "does not exist";
        IsType => "is_type", "is of JSON type";
        OneOf => "one_of", "is one of";
        Set => "set", "set variable";
    }
);

impl Operator {
    /// Whether the operator takes an operand (`exists` does not).
    pub fn takes_operand(self) -> bool {
        !matches!(self, Operator::Exists | Operator::NotExists)
    }

    /// The operator written as its word or as the symbol people type (`==`, `<=`, ...).
    pub fn read(word: &str) -> Option<Operator> {
        Some(match word {
            "==" | "=" | "eq" => Operator::Equals,
            "!=" | "neq" => Operator::NotEquals,
            "<" | "lt" => Operator::LessThan,
            "<=" | "lte" => Operator::LessOrEqual,
            ">" | "gt" => Operator::GreaterThan,
            ">=" | "gte" => Operator::GreaterOrEqual,
            other => return Operator::parse(other),
        })
    }
}
