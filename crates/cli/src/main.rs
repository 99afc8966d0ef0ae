//! `reqlab`: a thin command line over reqlab-core (request file -> prepare -> snippet), for scripts and docs.

use reqlab_core::snippet::{self, Options, TARGETS};
use reqlab_core::{prepare, Environment, Request};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "\
Usage:
  reqlab targets                          list snippet target ids
  reqlab snippet --target ID [FILE|-]     print the snippet for a request JSON file (or stdin)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("targets") => {
            list_targets();
            Ok(())
        }
        Some("snippet") => snippet_command(&args[1..]),
        Some("-h" | "--help") => {
            print!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("expected a command\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("reqlab: {message}");
            ExitCode::from(2)
        }
    }
}

fn list_targets() {
    for target in TARGETS {
        println!("{:<20} {}", target.id, target.label);
    }
}

fn snippet_command(args: &[String]) -> Result<(), String> {
    let mut target = None;
    let mut file = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--target" | "-t" => target = rest.next().cloned(),
            _ if file.is_none() => file = Some(arg.clone()),
            other => return Err(format!("unexpected argument {other:?}\n{USAGE}")),
        }
    }
    let target = target.ok_or(format!("snippet needs --target ID\n{USAGE}"))?;
    let target = snippet::find_target(&target).map_err(|e| e.to_string())?;
    let (name, text) = read_input(file.as_deref().unwrap_or("-"))?;
    let request: Request = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{name}: not a reqlab request JSON (line {}, column {}): {e}",
            e.line(),
            e.column()
        )
    })?;
    let prepared =
        prepare(&request, &Environment::default()).map_err(|e| format!("{name}: {e}"))?;
    let snippet = target.generate(&prepared, &Options::default());
    print!("{}", snippet.code);
    for warning in &snippet.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(())
}

fn read_input(path: &str) -> Result<(String, String), String> {
    if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(("standard input".to_string(), text))
    } else {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        Ok((path.to_string(), text))
    }
}
