//! `reqlab export`: a collection (reqlab JSON, Postman or `.http`) written as a Postman collection (its
//! checks as `pm.test` scripts where Postman has an equivalent) or as a `.http` file.

use crate::args;
use crate::run::load;
use reqlab_core::import::postman;
use reqlab_core::share::Secrets;

pub const USAGE: &str = "\
  reqlab export --to postman|http [--secrets include] COLLECTION
                                                    print a collection (reqlab JSON, Postman or .http)
                                                    as a Postman v2.1 collection or a .http file; secrets
                                                    are left out unless --secrets include
";

pub fn export_command(args: &[String]) -> Result<(), String> {
    let parsed = args::parse(args, &[("--to", "-t"), ("--secrets", "")])?;
    let path = parsed
        .input
        .as_deref()
        .ok_or("export needs a collection file: reqlab export --to postman COLLECTION")?;
    let secrets = match parsed.value("--secrets") {
        None => Secrets::LeaveOut,
        Some("include") => Secrets::Include,
        Some(other) => return Err(format!("--secrets takes include, not {other:?}")),
    };
    let loaded = load::collection(path)?;
    for warning in &loaded.warnings {
        eprintln!("reqlab: warning: {warning}");
    }
    let collection = match secrets {
        Secrets::Include => loaded.collection,
        Secrets::LeaveOut => reqlab_core::share::collection_without_secrets(&loaded.collection).0,
    };
    match parsed.value("--to") {
        Some("postman") => {
            let json = postman::export_with(&collection, Secrets::Include);
            println!(
                "{}",
                serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?
            );
        }
        Some("http") => print!("{}", reqlab_core::import::http_file::export(&collection)),
        Some(other) => return Err(format!("--to {other:?}: export writes postman or http")),
        None => return Err("export needs --to postman or --to http".to_string()),
    }
    Ok(())
}
