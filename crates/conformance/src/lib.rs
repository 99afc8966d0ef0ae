//! Snippet conformance: runs generated snippets in their real interpreters against a real reqlab-echo on
//! loopback and checks that the server received exactly the `PreparedRequest` they were generated from.
//!
//! `recorder` starts the server and records raw requests, `compare` says how a received request differs
//! from the prepared one, `runners` knows how to execute each target's source file, and
//! `scratch` gives commands a directory with the fixture files.

pub mod compare;
pub mod recorder;
pub mod runners;
pub mod scratch;
