//! Command line: the flags a command takes, read from argv into named values and one optional input path.

/// What a command was given: `--flag value` pairs it knows, and at most one positional input.
#[derive(Default)]
pub struct Parsed {
    pub values: Vec<(&'static str, String)>,
    pub input: Option<String>,
}

impl Parsed {
    pub fn value(&self, flag: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(f, _)| *f == flag)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads `args` against `flags` (each `(long, short)` takes a value). `-` is the standard-input path.
pub fn parse(args: &[String], flags: &[(&'static str, &'static str)]) -> Result<Parsed, String> {
    let mut parsed = Parsed::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if let Some(&(long, _)) = flags.iter().find(|(l, s)| arg == l || arg == s) {
            let value = rest.next().ok_or_else(|| format!("{long} needs a value"))?;
            parsed.values.push((long, value.clone()));
        } else if arg.starts_with('-') && arg != "-" {
            return Err(format!("unknown option {arg:?}"));
        } else if parsed.input.is_none() {
            parsed.input = Some(arg.clone());
        } else {
            return Err(format!("unexpected argument {arg:?}"));
        }
    }
    Ok(parsed)
}
