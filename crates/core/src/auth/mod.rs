//! Auth stage: what signing a request needs beyond Basic, Bearer and API keys: hashes (`hash`), OAuth 2.0
//! PKCE (`pkce`), HTTP Digest (`digest`) and AWS Signature Version 4 (`sigv4`, with its UTC clock in `time`).
//! The request model and `prepare` do not use them yet; until they do, they are core feature `auth` (on by
//! default, off in the page's build, whose size they must not move: see the README's "Size of the page").

pub mod digest;
pub mod hash;
pub mod pkce;
pub mod sigv4;
pub mod time;
