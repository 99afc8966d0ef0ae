//! A check row read as what it is: the key is the subject, the value an operator and its operand. Every
//! operator but `set` makes an assertion (`equals 200`, `less_than 500`, `exists`); `set NAME` captures the
//! subject's value into the variable NAME.

use super::operator::Operator;
use super::subject::Subject;
use crate::edit::model::KeyValue;

/// One row, read.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub subject: Subject,
    /// The subject as written, for results.
    pub subject_text: String,
    pub operator: Operator,
    /// As written: an assertion's `{{variables}}` are resolved when it is evaluated; for `set`, the name.
    pub operand: String,
}

impl Check {
    /// Reads a row; switched-off rows are not checks (`None`).
    pub fn read(row: &KeyValue) -> Option<Result<Check, String>> {
        row.enabled.then(|| Check::parse(&row.key, &row.value))
    }

    pub fn parse(subject: &str, value: &str) -> Result<Check, String> {
        let value = value.trim();
        let (word, operand) = value.split_once(char::is_whitespace).unwrap_or((value, ""));
        let operator = Operator::read(word).ok_or_else(|| {
            format!(
                "{} {value}: {word:?} is not an operator (one of {})",
                subject.trim(),
                Operator::IDS.join(", ")
            )
        })?;
        let operand = operand.trim();
        if operator == Operator::Set
            && (operand.is_empty()
                || operand.contains(char::is_whitespace)
                || operand.contains("{{"))
        {
            return Err(format!(
                "set {operand}: set takes the name of a variable, such as `set token`"
            ));
        }
        Ok(Check {
            subject: Subject::parse(subject)?,
            subject_text: subject.trim().to_string(),
            operator,
            operand: operand.to_string(),
        })
    }

    /// The row this check is written as.
    pub fn to_row(&self) -> KeyValue {
        let value = match self.operand.is_empty() {
            true => self.operator.as_str().to_string(),
            false => format!("{} {}", self.operator.as_str(), self.operand),
        };
        KeyValue::new(self.subject_text.clone(), value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_read_as_checks_and_back() {
        let check = Check::parse("header  Content-Type ", "  contains  json ").expect("reads");
        assert_eq!(check.subject, Subject::Header("Content-Type".into()));
        assert_eq!(
            (check.operator, check.operand.as_str()),
            (Operator::Contains, "json")
        );
        assert_eq!(
            check.to_row(),
            KeyValue::new("header  Content-Type", "contains json")
        );
        assert_eq!(
            Check::parse("status", "<= 299").map(|c| c.operator),
            Ok(Operator::LessOrEqual)
        );
        assert_eq!(
            Check::parse("$.a", "exists").map(|c| c.operand),
            Ok(String::new())
        );
        assert!(Check::parse("status", "about 2")
            .unwrap_err()
            .contains("\"about\" is not an operator"));
        assert!(Check::parse("$.token", "set")
            .unwrap_err()
            .contains("set takes the name"));
        assert!(Check::parse("$.token", "set a b").is_err());
        let mut off = KeyValue::new("status", "equals 200");
        off.enabled = false;
        assert!(Check::read(&off).is_none());
    }
}
