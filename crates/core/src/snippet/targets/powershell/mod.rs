//! Snippet stage, PowerShell targets (`powershell-curl`, `powershell-restmethod`). They share no code: one
//! quotes curl.exe's arguments (from `crate::snippet::curl_args`), the other calls PowerShell's own cmdlet.

pub mod curl;
pub mod restmethod;
