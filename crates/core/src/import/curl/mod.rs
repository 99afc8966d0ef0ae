//! Import stage, curl: a pasted curl command line becomes a `Request`. Two layers, as in curlconverter: the
//! shell's words (`tokenize`, for bash, cmd and PowerShell), then what curl makes of them (`options`, the one
//! table of curl flags). Nothing is ever run and no file is read: those become warnings.

mod build;
mod form;
mod glob;
mod options;
pub mod tokenize;

pub use tokenize::Dialect;

use super::{Imported, MAX_INPUT_BYTES};
use thiserror::Error;

/// Why a text could not be read as a curl command at all. Anything less (an unknown flag, a pipe) is a
/// warning on the imported request instead.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CurlError {
    #[error(
        "The command is {0} bytes; curl import takes at most 1 MiB. Put large bodies in a file."
    )]
    TooLarge(usize),
    #[error("The text is empty: paste a curl command such as curl https://example.com.")]
    Empty,
    #[error("No curl command found: the text starts with \"{0}\". Paste a command that starts with curl.")]
    NotCurl(String),
    #[error("The {quote} opened on line {line} is never closed.")]
    Unterminated { quote: &'static str, line: usize },
    #[error("The curl command has no URL.")]
    NoUrl,
}

/// Imports a curl command written for `dialect`'s shell, or for the one detected from the text when `None`.
pub fn import(text: &str, dialect: Option<Dialect>) -> Result<Imported, CurlError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(CurlError::TooLarge(text.len()));
    }
    let dialect = dialect.unwrap_or_else(|| tokenize::detect(text));
    let command = tokenize::curl_words(text, dialect)?;
    let mut imported = options::interpret(&command.words)?;
    let mut warnings = command.warnings;
    warnings.append(&mut imported.warnings);
    imported.warnings = warnings;
    Ok(imported)
}
