//! Snippet stage: curl's own syntax inside one argument, after the shell has unquoted it: the file of
//! `--data-binary @FILE` and of `-F name=@FILE`. Shared by every curl target (bash, cmd, PowerShell).

/// The path after `@`: curl reads `@-` from standard input, so a file named `-` is written `./-`.
pub fn at_file(name: &str) -> String {
    if name == "-" {
        "./-".to_string()
    } else {
        name.to_string()
    }
}

/// The file after `-F name=@`: double-quoted, so `;` and `,` stay part of the name (and `-` is `./-`).
pub fn form_file(name: &str) -> String {
    format!(
        "\"{}\"",
        at_file(name).replace('\\', "\\\\").replace('"', "\\\"")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_named_dash_is_not_standard_input() {
        assert_eq!(at_file("-"), "./-");
        assert_eq!(form_file("-"), "\"./-\"");
        assert_eq!(
            at_file("-x.bin"),
            "-x.bin",
            "only `-` itself means standard input"
        );
        assert_eq!(form_file("a;b,\"c\"\\.txt"), r#""a;b,\"c\"\\.txt""#);
    }
}
