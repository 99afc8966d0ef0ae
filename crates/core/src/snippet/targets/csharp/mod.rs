//! Snippet stage, C# target (`csharp-httpclient`).

pub mod httpclient;
