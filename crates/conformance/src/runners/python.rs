//! Runners for Python targets, run by python3 with their libraries installed from PyPI.

use super::{interpreter, Runner};

/// Runs a gql snippet, taking the answer that is no GraphQL result (reqlab-echo answers with what it
/// received, not `data`) as the end of the run: what the server received is what is compared.
const RUN_GQL: &str = r#"
import runpy, sys
from gql.transport.exceptions import TransportProtocolError
try:
    runpy.run_path(sys.argv[1], run_name="__main__")
except TransportProtocolError as answer:
    print(answer)
"#;

pub fn runners() -> Vec<Runner> {
    [
        "python-requests",
        "python-http-client",
        "python-urllib3",
        "python-httpx",
    ]
    .into_iter()
    .map(|target| Runner {
        target,
        command: |snippet, dir| interpreter("python3", &[], snippet, dir),
        unsupported: &[],
    })
    .chain([Runner {
        target: "python-gql",
        command: |snippet, dir| interpreter("python3", &["-c", RUN_GQL], snippet, dir),
        unsupported: &[(
            "graphql_get",
            "gql's transport sends GraphQL by POST: the snippet points to Python requests",
        )],
    }])
    .collect()
}
