//! `reqlab run`: a collection (reqlab's, Postman's or a `.http` file) run from the host, as the app's runner
//! runs it: the same plan, variables, prepare, assertions and captures (core's `run::Runner`); exits 1 when
//! a request fails (not answered, an assertion failed, nothing captured).

pub mod load;
mod send;
mod summary;

use crate::args;
use crate::send_time::{now, random_cnonce};
use reqlab_core::auth::apply::SendTime;
use reqlab_core::edit::signed_auth::OAuthToken;
use reqlab_core::run::{self, junit_xml, RunOptions, Runner};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

pub const USAGE: &str = "\
  reqlab run COLLECTION [--env FILE] [--data FILE] [--iterations N] [--folder PATH]
             [--reporter cli,junit,json] [--out DIR] [--bail] [--delay MS] [--token V]
                                                    send a collection's requests in order (reqlab
                                                    collection JSON, a Postman collection or a .http
                                                    file), check their assertions, capture values; exit
                                                    1 when one fails. --env: an environment (reqlab or
                                                    Postman JSON); --data: CSV or JSON rows, one
                                                    iteration each; reporters junit and json write
                                                    reqlab-run.junit.xml and reqlab-run.json into --out
                                                    (default .); --token: OAuth 2.0 access token
";

/// `--bail` takes no value, so it is read apart from these.
const FLAGS: [(&str, &str); 8] = [
    ("--env", "-e"),
    ("--data", "-d"),
    ("--iterations", "-n"),
    ("--folder", ""),
    ("--reporter", "-r"),
    ("--out", ""),
    ("--delay", ""),
    ("--token", ""),
];

/// Runs the command; `Err` is a usage or input error (exit 2), before anything was sent.
pub fn run_command(args: &[String]) -> Result<ExitCode, String> {
    let bail = args.iter().any(|a| a == "--bail");
    let args: Vec<String> = args.iter().filter(|a| *a != "--bail").cloned().collect();
    let parsed = args::parse(&args, &FLAGS)?;
    let path = parsed
        .input
        .clone()
        .ok_or("run needs a collection file: reqlab run COLLECTION")?;
    let loaded = load::collection(&path)?;
    for warning in &loaded.warnings {
        eprintln!("reqlab: warning: {warning}");
    }
    let environment = match parsed.value("--env") {
        Some(file) => load::environment(file)?,
        None => Default::default(),
    };
    let data = match parsed.value("--data") {
        Some(file) => {
            let text =
                std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
            run::read_data(&text).map_err(|e| format!("{file}: {e}"))?
        }
        None => Vec::new(),
    };
    let iterations = parsed
        .value("--iterations")
        .map(|n| {
            n.parse::<usize>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| format!("--iterations takes a count from 1, not {n:?}"))
        })
        .transpose()?;
    let delay = parsed
        .value("--delay")
        .map(|ms| {
            ms.parse::<u64>()
                .map_err(|_| format!("--delay takes milliseconds, not {ms:?}"))
        })
        .transpose()?
        .map(Duration::from_millis);
    let reporters = reporters(parsed.value("--reporter").unwrap_or("cli"))?;
    let out = Path::new(parsed.value("--out").unwrap_or("."));
    let plan = run::plan(&loaded.collection, parsed.value("--folder"))?;
    if plan.is_empty() {
        return Err(format!("{path}: no requests to run"));
    }
    let token = parsed.value("--token").map(|value| OAuthToken {
        access_token: value.to_string(),
        token_type: "Bearer".to_string(),
        ..OAuthToken::default()
    });

    let options = RunOptions {
        iterations,
        bail,
        unknown_as_written: loaded.unknown_as_written,
        ..RunOptions::default()
    };
    let mut runner = Runner::new(
        &loaded.collection.name,
        plan,
        loaded.collection.variables.clone(),
        environment,
        data,
        options,
    );
    runner.started_at(now()?.rfc3339());
    let sender = send::HostSender::new(&loaded.base);
    let mut dynamic = load::dynamic_values();
    let show = reporters.contains(&"cli");
    let mut first = true;
    while let Some(step) = runner.next(&mut dynamic) {
        if let (Some(delay), false) = (delay, first) {
            std::thread::sleep(delay);
        }
        first = false;
        let cnonce = random_cnonce();
        let time = SendTime {
            time: now()?,
            challenge: None,
            cnonce: &cnonce,
            nc: 1,
            token: token.as_ref(),
        };
        let outcome = sender.send(step.prepared, time);
        runner.record(outcome);
        if show {
            if let Some(last) = runner.report().steps.last() {
                print!("{}", summary::step(last));
            }
        }
    }
    let report = runner.into_report();
    if show {
        print!("{}", summary::totals(&report));
    }
    for reporter in reporters.iter().filter(|r| **r != "cli") {
        let (file, text) = match *reporter {
            "junit" => ("reqlab-run.junit.xml", junit_xml(&report)),
            _ => ("reqlab-run.json", report.to_json()),
        };
        let target = out.join(file);
        std::fs::create_dir_all(out)
            .map_err(|e| format!("cannot create {}: {e}", out.display()))?;
        std::fs::write(&target, text)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        eprintln!("reqlab: {reporter} report written to {}", target.display());
    }
    Ok(if report.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn reporters(list: &str) -> Result<Vec<&str>, String> {
    let reporters: Vec<&str> = list
        .split(',')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .collect();
    match reporters
        .iter()
        .find(|r| !["cli", "junit", "json"].contains(r))
    {
        Some(unknown) => Err(format!(
            "--reporter {unknown:?}: the reporters are cli, junit and json"
        )),
        None => Ok(reporters),
    }
}
