//! `reqlab`: a thin command line over reqlab-core (request file -> prepare -> snippet), for scripts and docs.

mod args;
mod collection;
mod export;
mod input;
mod openapi;
mod run;
mod send_time;

use reqlab_core::import::curl::{self, Dialect};
use reqlab_core::import::postman;
use reqlab_core::share;
use reqlab_core::snippet::{self, Options, TARGETS};
use reqlab_core::{prepare, Environment, Imported};
use std::process::ExitCode;

const USAGE: &str = "\
Usage:
  reqlab targets                                    list snippet target ids
  reqlab snippet --target ID [--entry N | --item PATH] [FILE|-]
                                                    print the snippet for a request JSON, HAR or Postman
                                                    collection file (or stdin); --entry picks a HAR log's
                                                    entry, --item a collection's request: Folder/Name
  reqlab from-curl [--shell S] [FILE|-]             print the request JSON for a curl command
  reqlab convert --to ID [--shell S] [--entry N | --item PATH] [FILE|-]
                                                    turn a curl command (or request JSON, HAR or a Postman
                                                    collection) into a snippet (S: bash, cmd or
                                                    powershell; detected when left out)
  reqlab convert --to http-raw [--date T] [--challenge C] [--cnonce X] [--token V] [FILE|-]
                                                    print the HTTP/1.1 message as it is sent, its auth
                                                    applied: AWS Signature signed at --date T (RFC 3339,
                                                    default now); Digest answering the server's 401
                                                    challenge C (its WWW-Authenticate value) with client
                                                    nonce X (default random) and nc=00000001; OAuth 2.0
                                                    with the access token V as a Bearer header
  reqlab snippet --openapi SPEC --operation ID --target T [--server N] [--base URL]
                                                    print the snippet for one operation of an OpenAPI
                                                    description (ID: its operationId or METHOD /path)
  reqlab from-postman [FILE|-]                      print a Postman collection as reqlab collection JSON
  reqlab from-http FILE                             print a .http file (REST Client, JetBrains) as reqlab
                                                    collection JSON, the files its bodies name read from
                                                    its folder
  reqlab from-openapi [--server N] [--base URL] [SPEC|-]
                                                    print an OpenAPI (or Swagger) description's operations
                                                    as reqlab collection JSON, its variables from the
                                                    chosen server (baseUrl and the server's variables)
                                                    --server N: the description's servers counted from 0
                                                    (default 0, the first); --base URL: the document's
                                                    own address, which a relative server URL
                                                    (`url: /`) is resolved against
  reqlab share-link [--base URL] [--secrets include] [--view embed] [--entry N | --item PATH] [FILE|-]
                                                    print a link that opens the request in reqlab (in its
                                                    fragment, never sent to a server) with the values
                                                    of the variables it uses (a collection's); secrets
                                                    are left out unless --secrets include
";

/// Where links point when no --base is given.
const DEFAULT_BASE: &str = "http://127.0.0.1:8080/";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("targets") => {
            list_targets();
            Ok(())
        }
        Some("snippet") => snippet_command(&args[1..]),
        Some("from-curl") => from_curl_command(&args[1..]),
        Some("convert") => convert_command(&args[1..]),
        Some("from-postman") => from_postman_command(&args[1..]),
        Some("from-http") => from_http_command(&args[1..]),
        Some("from-openapi") => from_openapi_command(&args[1..]),
        Some("share-link") => share_link_command(&args[1..]),
        Some("export") => export::export_command(&args[1..]),
        Some("run") => {
            return run::run_command(&args[1..]).unwrap_or_else(|message| {
                eprintln!("reqlab: {message}");
                ExitCode::from(2)
            })
        }
        Some("-h" | "--help") => {
            print!("{USAGE}{}{}", run::USAGE, export::USAGE);
            Ok(())
        }
        _ => Err(format!(
            "expected a command\n{USAGE}{}{}",
            run::USAGE,
            export::USAGE
        )),
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

fn warn(warnings: &[String]) {
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
}

fn snippet_command(args: &[String]) -> Result<(), String> {
    let parsed = args::parse(
        args,
        &[
            ("--target", "-t"),
            ("--entry", "-e"),
            ("--item", "-i"),
            ("--openapi", "-o"),
            ("--operation", "-p"),
            ("--server", "-s"),
            ("--base", "-b"),
        ],
    )
    .map_err(|e| format!("{e}\n{USAGE}"))?;
    let target = parsed
        .value("--target")
        .ok_or(format!("snippet needs --target ID\n{USAGE}"))?;
    let target = snippet::find_target(target).map_err(|e| e.to_string())?;
    let (name, loaded) = match parsed.value("--openapi") {
        Some(spec) => load_operation(spec, &parsed)?,
        None => {
            if parsed.value("--operation").is_some() || parsed.value("--server").is_some() {
                return Err(format!(
                    "--operation and --server apply to --openapi SPEC only\n{USAGE}"
                ));
            }
            load_request(&parsed)?
        }
    };
    let prepared = prepare(&loaded.request, &loaded.env).map_err(|e| {
        warn(&loaded.warnings);
        format!("{name}: {e}")
    })?;
    let snippet = target.generate(&prepared, &Options::default());
    print!("{}", snippet.code);
    warn(&loaded.warnings);
    warn(&snippet.warnings);
    Ok(())
}

/// The request for `--operation` of the description `spec`, with the chosen server's environment.
fn load_operation(spec: &str, parsed: &args::Parsed) -> Result<(String, input::Loaded), String> {
    if parsed.input.is_some()
        || parsed.value("--entry").is_some()
        || parsed.value("--item").is_some()
    {
        return Err(format!(
            "--openapi SPEC names the input: no FILE, --entry or --item with it\n{USAGE}"
        ));
    }
    let operation = parsed.value("--operation").ok_or(format!(
        "--openapi needs --operation ID (an operationId or METHOD /path)\n{USAGE}"
    ))?;
    let described = openapi::read(spec, parsed)?;
    let imported = described.request(operation)?;
    let loaded = input::Loaded {
        request: imported.request,
        env: described.environment(),
        warnings: imported.warnings,
    };
    Ok((described.name, loaded))
}

/// Reads a curl command from the input and imports it; the shell is detected unless `--shell` names it.
fn import_curl(parsed: &args::Parsed) -> Result<(String, Imported), String> {
    let (name, text) = input::read_input(parsed.input.as_deref().unwrap_or("-"))?;
    let imported = curl_import(&name, &text, parsed)?;
    Ok((name, imported))
}

fn curl_import(name: &str, text: &str, parsed: &args::Parsed) -> Result<Imported, String> {
    let dialect = match parsed.value("--shell") {
        Some(id) => Some(
            Dialect::from_id(id)
                .ok_or_else(|| format!("unknown shell {id:?}: use bash, cmd or powershell"))?,
        ),
        None => None,
    };
    curl::import(text, dialect).map_err(|e| format!("{name}: {e}"))
}

fn from_curl_command(args: &[String]) -> Result<(), String> {
    let parsed = args::parse(args, &[("--shell", "-s")]).map_err(|e| format!("{e}\n{USAGE}"))?;
    let (_, imported) = import_curl(&parsed)?;
    let json = serde_json::to_string_pretty(&imported.request)
        .map_err(|e| format!("cannot write the request: {e}"))?;
    println!("{json}");
    warn(&imported.warnings);
    Ok(())
}

/// The request a command's input holds (request JSON, HAR, or a Postman collection), picked by --entry
/// or --item, with the input's name for messages.
fn load_request(parsed: &args::Parsed) -> Result<(String, input::Loaded), String> {
    let entry = input::parse_entry(parsed.value("--entry"))?;
    let (name, text) = input::read_input(parsed.input.as_deref().unwrap_or("-"))?;
    let choice = input::Choice {
        entry,
        item: parsed.value("--item"),
    };
    let loaded = input::request_from_json(&name, &text, choice)?;
    Ok((name, loaded))
}

fn share_link_command(args: &[String]) -> Result<(), String> {
    let flags = [
        ("--base", "-b"),
        ("--secrets", "-s"),
        ("--view", "-v"),
        ("--entry", "-e"),
        ("--item", "-i"),
    ];
    let parsed = args::parse(args, &flags).map_err(|e| format!("{e}\n{USAGE}"))?;
    let include_secrets = match parsed.value("--secrets") {
        None | Some("leave-out") => false,
        Some("include") => true,
        Some(other) => {
            return Err(format!(
                "--secrets takes include or leave-out, not {other:?}"
            ))
        }
    };
    let embed = match parsed.value("--view") {
        None | Some("full") => false,
        Some("embed") => true,
        Some(other) => return Err(format!("--view takes full or embed, not {other:?}")),
    };
    let (_, loaded) = load_request(&parsed)?;
    let (shared, secrets) = share::to_share(&loaded.request, &loaded.env, include_secrets);
    if !include_secrets {
        for secret in &secrets {
            eprintln!("warning: left out of the link: {secret} (--secrets include keeps it)");
        }
    } else if !secrets.is_empty() {
        eprintln!(
            "warning: the link holds the request's secrets: share it only with who may see them"
        );
    }
    println!(
        "{}",
        share::link(
            parsed.value("--base").unwrap_or(DEFAULT_BASE),
            &shared,
            embed
        )
    );
    warn(&loaded.warnings);
    Ok(())
}

fn from_postman_command(args: &[String]) -> Result<(), String> {
    let parsed = args::parse(args, &[]).map_err(|e| format!("{e}\n{USAGE}"))?;
    let (name, text) = input::read_input(parsed.input.as_deref().unwrap_or("-"))?;
    let imported = postman::import(&text).map_err(|e| format!("{name}: {e}"))?;
    let json = serde_json::to_string_pretty(&imported.collection)
        .map_err(|e| format!("cannot write the collection: {e}"))?;
    println!("{json}");
    for warning in &imported.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(())
}

fn from_http_command(args: &[String]) -> Result<(), String> {
    let parsed = args::parse(args, &[]).map_err(|e| format!("{e}\n{USAGE}"))?;
    let path = parsed
        .input
        .as_deref()
        .filter(|p| p.ends_with(".http") || p.ends_with(".rest"))
        .ok_or("from-http takes a .http (or .rest) file")?;
    let loaded = run::load::collection(path)?;
    let json = serde_json::to_string_pretty(&loaded.collection)
        .map_err(|e| format!("cannot write the collection: {e}"))?;
    println!("{json}");
    for warning in &loaded.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(())
}

fn from_openapi_command(args: &[String]) -> Result<(), String> {
    let parsed = args::parse(args, &[("--server", "-s"), ("--base", "-b")])
        .map_err(|e| format!("{e}\n{USAGE}"))?;
    let described = openapi::read(parsed.input.as_deref().unwrap_or("-"), &parsed)?;
    let (collection, warnings) = described.collection();
    let json = serde_json::to_string_pretty(&collection)
        .map_err(|e| format!("cannot write the collection: {e}"))?;
    println!("{json}");
    warn(&warnings);
    Ok(())
}

fn convert_command(args: &[String]) -> Result<(), String> {
    let flags = [
        ("--to", "-t"),
        ("--shell", "-s"),
        ("--entry", "-e"),
        ("--item", "-i"),
        ("--date", "-d"),
        ("--challenge", "-c"),
        ("--cnonce", "-n"),
        ("--token", "-k"),
    ];
    let parsed = args::parse(args, &flags).map_err(|e| format!("{e}\n{USAGE}"))?;
    let target = parsed
        .value("--to")
        .ok_or(format!("convert needs --to ID\n{USAGE}"))?;
    let target = snippet::find_target(target).map_err(|e| e.to_string())?;
    let raw = target.id == send_time::RAW_TARGET;
    if !raw {
        if let Some(flag) = send_time::FLAGS.iter().find(|f| parsed.value(f).is_some()) {
            return Err(format!(
                "{flag} applies to --to {} only: other targets write the auth their own way",
                send_time::RAW_TARGET
            ));
        }
    }
    let (name, loaded) = load_convert_input(&parsed)?;
    let mut prepared = prepare(&loaded.request, &loaded.env).map_err(|e| {
        warn(&loaded.warnings);
        format!("{name}: {e}")
    })?;
    let notes = if raw {
        send_time::apply(&mut prepared, &parsed).map_err(|e| {
            warn(&loaded.warnings);
            format!("{name}: {e}")
        })?
    } else {
        Vec::new()
    };
    let snippet = target.generate(&prepared, &Options::default());
    print!("{}", snippet.code);
    warn(&loaded.warnings);
    warn(&snippet.warnings);
    for note in notes {
        eprintln!("note: {note}");
    }
    Ok(())
}

/// The request `convert` works on: a curl command, or (when the input starts with `{`) request JSON, HAR or a
/// Postman collection, as `snippet` reads them.
fn load_convert_input(parsed: &args::Parsed) -> Result<(String, input::Loaded), String> {
    let (name, text) = input::read_input(parsed.input.as_deref().unwrap_or("-"))?;
    if text.trim_start().starts_with('{') {
        if parsed.value("--shell").is_some() {
            return Err(format!(
                "{name}: --shell applies to curl commands, and this is JSON"
            ));
        }
        let choice = input::Choice {
            entry: input::parse_entry(parsed.value("--entry"))?,
            item: parsed.value("--item"),
        };
        let loaded = input::request_from_json(&name, &text, choice)?;
        return Ok((name, loaded));
    }
    if parsed.value("--entry").is_some() || parsed.value("--item").is_some() {
        return Err(format!(
            "{name}: --entry and --item apply to HAR logs and Postman collections, and this is a curl command"
        ));
    }
    let imported = curl_import(&name, &text, parsed)?;
    Ok((
        name,
        input::Loaded {
            request: imported.request,
            env: Environment::default(),
            warnings: imported.warnings,
        },
    ))
}
