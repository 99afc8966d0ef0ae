//! Auth stage: the auth made after `prepare`, once what it needs is known: hashes (`hash`), HTTP Digest
//! answers to a server's challenge (`digest`), AWS Signature Version 4 over the request as sent (`sigv4`,
//! with its UTC clock in `time`), and OAuth 2.0's requests and answers (`oauth`, with PKCE in `pkce`);
//! `apply` puts them into a prepared request at send time, as the app and the command line send it.
//! Core feature `auth`: the page's build leaves it out (the auth bundle, the snippet worker and the CLI
//! carry it), so none of it weighs on the first load (see the README's "Size of the page").

pub mod apply;
pub mod digest;
pub mod hash;
pub mod oauth;
pub mod pkce;
pub mod sigv4;
pub mod time;
