//! `{{$guid}}`, `{{$timestamp}}`, `{{$randomInt a b}}` and the other dynamic variables, from the browser's
//! clock and random source.

/// The value of the dynamic variable `name` (`$guid`, ...), or `None` when it is not one.
pub fn value(_name: &str) -> Option<String> {
    None
}
