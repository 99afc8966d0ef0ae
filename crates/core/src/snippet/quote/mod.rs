//! Snippet stage helper: literal quoting, one module per language family. Every byte of user data that
//! reaches generated code passes through one of these functions, so escaping bugs have exactly one place to
//! live. Generators never concatenate user data into code by hand.

pub mod c_like;
pub mod cmd;
pub mod curl;
pub mod httpie;
pub mod javascript;
pub mod php;
pub mod powershell;
pub mod python;
pub mod ruby;
pub mod shell;

pub use python::python_str;
pub use shell::{posix_shell, posix_shell_word};

/// Unicode control and format characters (categories Cc and Cf, plus line/paragraph separators) that render
/// as nothing or reorder text.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}
