//! Snippet quoting, executed: thousands of random hostile strings go through the POSIX shell, Python and
//! JavaScript quoting functions, and the real interpreters (bash, python3, node) must print back exactly the
//! original bytes. Each interpreter runs once over one generated file holding every string, so the whole test
//! takes seconds. HTTPie's item syntax is checked by HTTPie's own parser; cmd.exe and PowerShell, which cannot
//! run here, by models of their parsing, and the cmd-curl and powershell-curl snippets for every fixture are
//! turned into argv by those models and sent by this machine's curl to reqlab-echo.
//! `REQLAB_QUOTING_SEED=N` replays another sequence; a failure prints the seed.

use reqlab_core::snippet::quote::cmd::cmd_arg;
use reqlab_core::snippet::quote::httpie::{
    httpie_can_carry, httpie_can_carry_key, httpie_key, httpie_value,
};
use reqlab_core::snippet::quote::javascript::js_str;
use reqlab_core::snippet::quote::powershell::powershell_str;
use reqlab_core::snippet::quote::{posix_shell, posix_shell_word, python_str};
#[path = "../../core/tests/support/fixtures.rs"]
mod fixtures;

use reqlab_conformance::{compare::differences, recorder, runners, scratch};
use reqlab_core::snippet::{find_target, Options};
use reqlab_core::{prepare, Auth, Environment};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

const COUNT: usize = 10_000;

/// Pieces that break naive quoting in at least one of the languages under test.
const HOSTILE: &[&str] = &[
    "'",
    "\"",
    "\\",
    "\\\\",
    "$(touch pwned)",
    "`id`",
    "$HOME",
    "${x}",
    "$",
    "!",
    "!!",
    "{a,b}",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "\0",
    "\u{202e}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{200b}",
    "🦀",
    "👩‍👩‍👧",
    "é",
    "日本",
    " ",
    "*",
    "?",
    "[a]",
    "~",
    "#",
    ";",
    "&",
    "|",
    "<",
    ">",
    "</script>",
    "<!--",
    "%PATH%",
    "^",
    "'\\''",
    "\\x41",
    "\\u0041",
    "\\0",
    "\\n",
    "{{x}}",
    "\u{7f}",
    "\u{85}",
    "\u{1b}[31m",
    "\u{7}",
    "-",
    "--",
    "=",
    ":",
    "@",
    ":=",
    "==",
    "=@",
    ":@",
];

/// xorshift64*: small, fast and reproducible from its seed, which is all a property test needs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn string(&mut self) -> String {
        let mut s = String::new();
        for _ in 0..self.below(16) {
            match self.below(10) {
                0..=5 => s.push_str(HOSTILE[self.below(HOSTILE.len())]),
                6 | 7 => s.push(char::from(b' ' + self.below(95) as u8)),
                8 => s.push(char::from_u32(self.below(0x800) as u32).unwrap_or('?')),
                _ => s.push(char::from_u32(self.below(0x11_0000) as u32).unwrap_or('\u{fffd}')),
            }
        }
        s
    }
}

fn seed() -> u64 {
    std::env::var("REQLAB_QUOTING_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_c0de)
        .max(1)
}

fn strings() -> Vec<String> {
    let mut rng = Rng(seed());
    let mut strings: Vec<String> = HOSTILE.iter().map(|s| s.to_string()).collect();
    while strings.len() < COUNT {
        strings.push(rng.string());
    }
    strings
}

/// Runs `program args file` in a fresh directory and splits its output, a sequence of `<byte length>:<bytes>`.
fn run(program: &str, args: &[&str], file_name: &str, source: &str) -> Vec<Vec<u8>> {
    let dir =
        std::env::temp_dir().join(format!("reqlab-quoting-{}-{file_name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join(file_name);
    std::fs::write(&file, source).expect("write source");
    let output = Command::new(program)
        .args(args)
        .arg(&file)
        .current_dir(&dir)
        .env("LC_ALL", "C")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    // Nothing the strings contain may have run: `$(touch pwned)` would leave this file behind.
    let pwned = dir.join("pwned").exists();
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        !pwned,
        "{program} executed a quoted string (seed {})",
        seed()
    );
    assert!(
        output.status.success(),
        "{program} failed (seed {}): {}",
        seed(),
        String::from_utf8_lossy(&output.stderr)
    );
    frames(&output.stdout)
}

fn frames(mut out: &[u8]) -> Vec<Vec<u8>> {
    let mut frames = Vec::new();
    while let Some(colon) = out.iter().position(|&b| b == b':') {
        let length: usize = std::str::from_utf8(&out[..colon])
            .ok()
            .and_then(|n| n.parse().ok())
            .expect("a length before each frame");
        frames.push(out[colon + 1..colon + 1 + length].to_vec());
        out = &out[colon + 1 + length..];
    }
    frames
}

/// Every string whose round trip differs, as readable lines (at most a few).
fn mismatches(
    language: &str,
    strings: &[String],
    got: &[Vec<u8>],
    quote: impl Fn(&str) -> String,
    expected: impl Fn(&str) -> Vec<u8>,
) -> Vec<String> {
    if got.len() != strings.len() {
        return vec![format!(
            "{language}: {} frames for {} strings",
            got.len(),
            strings.len()
        )];
    }
    strings
        .iter()
        .zip(got)
        .filter(|(s, g)| expected(s) != **g)
        .take(5)
        .map(|(s, g)| {
            format!(
                "{language}: {s:?} quoted as {} came back as {:?}",
                quote(s),
                String::from_utf8_lossy(g)
            )
        })
        .collect()
}

fn check(failures: Vec<String>, what: &str, started: Instant, count: usize) {
    println!("{what}: {count} strings in {:?}", started.elapsed());
    assert!(
        failures.is_empty(),
        "seed {}:\n{}",
        seed(),
        failures.join("\n")
    );
}

/// bash reads each quoted word as the only argument of `set --`, then prints its byte length and bytes.
/// No shell word can hold NUL: bash (and dash) drop NUL bytes from the script, which is asserted as such.
#[test]
fn posix_shell_words_reach_bash_byte_exact() {
    let strings = strings();
    let started = Instant::now();
    let quote = |i: usize, s: &str| {
        if i.is_multiple_of(2) {
            posix_shell(s)
        } else {
            posix_shell_word(s)
        }
    };
    let source: String = strings
        .iter()
        .enumerate()
        .map(|(i, s)| {
            format!(
                "set -- {}; printf '%d:%s' \"${{#1}}\" \"$1\"\n",
                quote(i, s)
            )
        })
        .collect();
    let got = run("bash", &[], "quoted.sh", &source);
    let failures = mismatches("bash", &strings, &got, posix_shell, |s| {
        s.replace('\0', "").into_bytes()
    });
    check(failures, "bash", started, strings.len());
}

#[test]
fn python_literals_reach_python3_byte_exact() {
    let strings = strings();
    let started = Instant::now();
    let mut source = String::from(
        "import sys\nout = sys.stdout.buffer\n\ndef w(s):\n    b = s.encode(\"utf-8\")\n    out.write(b\"%d:\" % len(b))\n    out.write(b)\n\n",
    );
    for s in &strings {
        source.push_str(&format!("w({})\n", python_str(s)));
    }
    let got = run("python3", &[], "quoted.py", &source);
    let failures = mismatches("python3", &strings, &got, python_str, |s| {
        s.as_bytes().to_vec()
    });
    check(failures, "python3", started, strings.len());
}

#[test]
fn javascript_literals_reach_node_byte_exact() {
    let strings = strings();
    let started = Instant::now();
    let mut source = String::from(
        "const out = [];\nfunction w(s) {\n  const b = Buffer.from(s, \"utf8\");\n  out.push(Buffer.from(b.length + \":\"), b);\n}\n",
    );
    for s in &strings {
        source.push_str(&format!("w({});\n", js_str(s)));
    }
    source.push_str("process.stdout.write(Buffer.concat(out));\n");
    let got = run("node", &[], "quoted.js", &source);
    let failures = mismatches("node", &strings, &got, js_str, |s| s.as_bytes().to_vec());
    check(failures, "node", started, strings.len());
}

/// HTTPie's own item parser (from the installed package) reads back keys and values quoted by
/// `quote::httpie`, for every string it can carry.
#[test]
fn httpie_items_parse_back_exactly() {
    let strings: Vec<String> = strings()
        .into_iter()
        .filter(|s| !s.contains('\0') && httpie_can_carry(s))
        .collect();
    let started = Instant::now();
    let mut source = String::from(
        "import sys\nfrom httpie.cli.argtypes import KeyValueArgType\nfrom httpie.cli.constants import SEPARATOR_GROUP_ALL_ITEMS\nparse = KeyValueArgType(*SEPARATOR_GROUP_ALL_ITEMS)\nout = sys.stdout.buffer\n\ndef w(item, sep):\n    arg = parse(item)\n    b = (arg.key + \"\\0\" + arg.value if arg.sep == sep else \"separator \" + arg.sep).encode(\"utf-8\", \"surrogatepass\")\n    out.write(b\"%d:\" % len(b))\n    out.write(b)\n\n",
    );
    // Each string is used as a header value, as a form value and, when it can be one, as a form key.
    let mut expected: Vec<String> = Vec::new();
    for s in &strings {
        let mut items = vec![
            (
                format!("X-Test:{}", httpie_value(s)),
                ":",
                format!("X-Test\0{s}"),
            ),
            (
                format!("field={}", httpie_value(s)),
                "=",
                format!("field\0{s}"),
            ),
        ];
        if !s.is_empty() && httpie_can_carry_key(s) {
            items.push((format!("{}=v", httpie_key(s)), "=", format!("{s}\0v")));
        }
        for (item, sep, want) in items {
            source.push_str(&format!("w({}, {})\n", python_str(&item), python_str(sep)));
            expected.push(want);
        }
    }
    // Debian's HTTPie lives in the system Python, whichever python3 comes first on PATH.
    let python = if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    };
    let got = run(python, &[], "items.py", &source);
    let mut failures = Vec::new();
    if got.len() != expected.len() {
        failures.push(format!("{} frames for {} items", got.len(), expected.len()));
    } else {
        for (want, have) in expected.iter().zip(&got) {
            if want.as_bytes() != have.as_slice() && failures.len() < 5 {
                failures.push(format!(
                    "httpie: wanted {want:?}, parsed {:?}",
                    String::from_utf8_lossy(have)
                ));
            }
        }
    }
    check(failures, "httpie items", started, expected.len());
}

/// cmd.exe does not run here, so its quoting is checked against a model of the two documented parsers it
/// feeds: cmd's prompt (percent expansion, then carets and quotes, where `& | < > ( )` outside quotes would
/// start another command) and the Microsoft C runtime's argv rules. The model is adversarial: every
/// `%name%` whose name does not start with a quote counts as a defined variable. Delayed expansion is off, as
/// it is by default (`cmd /V:ON` would also expand `!name!`).
#[test]
fn cmd_arguments_survive_a_model_of_cmd_and_the_c_runtime() {
    let strings = strings();
    let started = Instant::now();
    let mut failures = Vec::new();
    for s in &strings {
        let quoted = cmd_arg(s);
        let expected = s
            .replace("\r\n", " ")
            .replace(['\r', '\n'], " ")
            .replace('\0', "");
        let result = cmd_prompt(&format!("curl {quoted} next")).map(|line| c_runtime_argv(&line));
        match result {
            Ok(argv) if argv == ["curl", expected.as_str(), "next"] => {}
            other if failures.len() < 5 => {
                failures.push(format!("cmd: {s:?} quoted as {quoted} became {other:?}"))
            }
            _ => {}
        }
    }
    check(failures, "cmd model", started, strings.len());
}

/// The command line cmd.exe hands to CreateProcess, or why the text would do something else.
fn cmd_prompt(line: &str) -> Result<String, String> {
    // Phase 1: percent expansion, which quotes do not stop.
    let chars: Vec<char> = line.chars().collect();
    let mut expanded = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '%' {
            if let Some(end) = chars[i + 1..].iter().position(|&c| c == '%') {
                let name: String = chars[i + 1..i + 1 + end].iter().collect();
                if !name.is_empty() && !name.starts_with('"') {
                    return Err(format!("expands the variable %{name}%"));
                }
            }
        }
        expanded.push(chars[i]);
        i += 1;
    }
    // Phase 2: carets escape outside quotes; quotes toggle; syntax characters outside quotes are commands.
    let mut out = String::new();
    let mut quoted = false;
    let mut chars = expanded.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                quoted = !quoted;
                out.push(c);
            }
            '^' if !quoted => match chars.next() {
                // A continuation: the line break goes, and the first character of the next line is escaped.
                Some('\n') => out.extend(chars.next()),
                Some(next) => out.push(next),
                None => return Err("a caret ends the text".into()),
            },
            '\n' | '\r' => return Err("line break ends the command".into()),
            '&' | '|' | '<' | '>' | '(' | ')' if !quoted => {
                return Err(format!("unquoted {c:?} is command syntax"))
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

/// argv as the Microsoft C runtime (2008 and later) splits a command line.
fn c_runtime_argv(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut argv = Vec::new();
    let mut arg = String::new();
    let mut in_arg = false;
    let mut quoted = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            let run = chars[i..].iter().take_while(|&&c| c == '\\').count();
            i += run;
            in_arg = true;
            if chars.get(i) == Some(&'"') {
                arg.extend(std::iter::repeat_n('\\', run / 2));
                if run % 2 == 1 {
                    arg.push('"');
                    i += 1;
                }
            } else {
                arg.extend(std::iter::repeat_n('\\', run));
            }
            continue;
        }
        match c {
            '"' if quoted && chars.get(i + 1) == Some(&'"') => {
                arg.push('"');
                i += 1;
            }
            '"' => {
                quoted = !quoted;
                in_arg = true;
            }
            ' ' | '\t' if !quoted => {
                if in_arg {
                    argv.push(std::mem::take(&mut arg));
                    in_arg = false;
                }
            }
            c => {
                arg.push(c);
                in_arg = true;
            }
        }
        i += 1;
    }
    if in_arg {
        argv.push(arg);
    }
    argv
}

/// PowerShell does not run here either: its literals are read back by a model of the language's string
/// rules (single quotes in all four typographic forms, double quotes with backtick escapes, `$` expansion
/// and `$([char]0x...)` subexpressions).
#[test]
fn powershell_literals_survive_a_model_of_powershell_strings() {
    let strings = strings();
    let started = Instant::now();
    let mut failures = Vec::new();
    for s in &strings {
        let literal = powershell_str(s);
        match powershell_value(&literal) {
            Ok(value) if value == *s => {}
            other if failures.len() < 5 => failures.push(format!(
                "powershell: {s:?} quoted as {literal} became {other:?}"
            )),
            _ => {}
        }
    }
    check(failures, "PowerShell model", started, strings.len());
}

/// The value of one PowerShell string literal that must make up the whole text, or why it is not one.
fn powershell_value(literal: &str) -> Result<String, String> {
    let mut chars = literal.chars().peekable();
    let value = powershell_literal(&mut chars)?;
    match chars.next() {
        None => Ok(value),
        Some(_) => Err("the string ends early".into()),
    }
}

const PS_SINGLE: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201a}', '\u{201b}'];
const PS_DOUBLE: [char; 4] = ['"', '\u{201c}', '\u{201d}', '\u{201e}'];

/// Reads one string literal from `chars` (starting at its opening quote) and returns its value.
fn powershell_literal(chars: &mut std::iter::Peekable<std::str::Chars>) -> Result<String, String> {
    let open = chars.next().ok_or("empty")?;
    let mut value = String::new();
    if PS_SINGLE.contains(&open) {
        while let Some(c) = chars.next() {
            if PS_SINGLE.contains(&c) {
                match chars.peek() {
                    Some(next) if PS_SINGLE.contains(next) => {
                        chars.next();
                        value.push(c);
                    }
                    _ => return Ok(value),
                }
            } else {
                value.push(c);
            }
        }
        return Err("unterminated".into());
    }
    if !PS_DOUBLE.contains(&open) {
        return Err("not a string literal".into());
    }
    while let Some(c) = chars.next() {
        match c {
            '`' => {
                let escaped = chars.next().ok_or("dangling backtick")?;
                value.push(match escaped {
                    '0' => '\0',
                    'a' => '\u{7}',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'v' => '\u{b}',
                    other => other,
                });
            }
            '$' => match chars.peek() {
                Some('(') => {
                    let inner: String = chars.by_ref().take_while(|&c| c != ')').collect();
                    let code = inner
                        .strip_prefix("([char]0x")
                        .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                        .and_then(char::from_u32)
                        .ok_or_else(|| format!("runs the subexpression $({inner})"))?;
                    value.push(code);
                }
                Some(next)
                    if next.is_alphanumeric()
                        || matches!(next, '_' | '{' | ':' | '?' | '^' | '$') =>
                {
                    return Err(format!("expands a variable at ${next}"))
                }
                _ => value.push('$'),
            },
            c if PS_DOUBLE.contains(&c) => match chars.peek() {
                Some(next) if PS_DOUBLE.contains(next) => {
                    chars.next();
                    value.push(c);
                }
                _ => return Ok(value),
            },
            c => value.push(c),
        }
    }
    Err("unterminated".into())
}

/// The argv of a one-command PowerShell snippet calling a program (PowerShell 7.3+ passes each argument's
/// value exactly): bare words and string literals, with backtick line continuations.
fn powershell_command(code: &str) -> Result<Vec<String>, String> {
    let mut chars = code.trim_end_matches('\n').chars().peekable();
    let mut words = Vec::new();
    while let Some(&c) = chars.peek() {
        match c {
            ' ' | '\t' => {
                chars.next();
            }
            '\n' => return Err("a second statement".into()),
            '`' => {
                chars.next();
                if chars.next() != Some('\n') {
                    return Err("a backtick outside a string that does not end the line".into());
                }
            }
            c if PS_SINGLE.contains(&c) || PS_DOUBLE.contains(&c) => {
                words.push(powershell_literal(&mut chars)?);
                if chars.peek().is_some_and(|c| !matches!(c, ' ' | '\n')) {
                    return Err("a string literal runs into more text".into());
                }
            }
            _ => {
                let mut word = String::new();
                while let Some(&c) = chars.peek() {
                    if matches!(c, ' ' | '\t' | '\n') {
                        break;
                    }
                    if "$`@()[]{};&|<>,#'\"".contains(c) {
                        return Err(format!("{c:?} in a bare word is PowerShell syntax"));
                    }
                    word.push(c);
                    chars.next();
                }
                words.push(word);
            }
        }
    }
    Ok(words)
}

/// The Windows curl snippets, executed through the models: each fixture's `cmd-curl` and `powershell-curl`
/// command is parsed into argv as cmd.exe + the C runtime or PowerShell 7.3 would, and that argv is given to
/// this machine's curl, which must then send exactly the prepared request to reqlab-echo.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn windows_curl_snippets_send_the_prepared_request_through_the_models() {
    type Parse = fn(&str) -> Result<Vec<String>, String>;
    let targets: [(&str, &str, Parse, &[&str]); 2] = [
        (
            "cmd-curl",
            "curl",
            |code| cmd_prompt(code.trim_end_matches('\n')).map(|line| c_runtime_argv(&line)),
            // Line breaks cannot be passed through cmd.exe: the snippet warns and sends spaces.
            &["hostile_header_and_body", "post_json", "post_stream_sse"],
        ),
        ("powershell-curl", "curl.exe", powershell_command, &[]),
    ];
    let (base, log) = recorder::start().await;
    let dir = scratch::with_files(&fixtures::files_dir(), "windows-models");
    let mut failures = Vec::new();
    let mut runs = 0;
    for (id, program, parse, differing) in targets {
        let target = find_target(id).unwrap_or_else(|e| panic!("{e}"));
        // Every layout: long flags on continued lines (the default), short flags on one line, no indent.
        let layouts = [
            Options::default(),
            Options {
                long_flags: false,
                multiline: false,
                ..Options::default()
            },
            Options {
                indent: 0,
                ..Options::default()
            },
        ];
        // A WebSocket fixture's curl command needs a curl with WebSocket support, which Debian's lacks.
        for ((case, request), options) in fixtures::fixture_requests()
            .into_iter()
            .filter(|(_, request)| !request.url.starts_with("ws"))
            // AWS and OAuth requests carry more than the prepared one: tests/send_time_auth.rs checks them.
            .filter(|(_, request)| {
                !matches!(request.auth, Auth::AwsSigV4 { .. } | Auth::OAuth2 { .. })
            })
            .flat_map(|case| layouts.clone().map(|layout| (case.clone(), layout)))
        {
            let mut request = request.clone();
            request.url = request.url.replace("http://localhost:8080", &base);
            let prepared = prepare(&request, &Environment::default()).expect("fixtures prepare");
            let code = target.generate(&prepared, &options).code;
            let argv = match parse(&code) {
                Ok(argv) if argv.first().map(String::as_str) == Some(program) => argv,
                other => {
                    failures.push(format!("{id} / {case}: parsed as {other:?}"));
                    continue;
                }
            };
            log.take();
            let mut command = Command::new("curl");
            command.args(&argv[1..]).current_dir(&dir);
            let output = runners::output(command).await.expect("curl runs");
            runs += 1;
            let problems = if output.status.success() {
                match log.take().as_slice() {
                    [one] => differences(&prepared, one),
                    other => vec![format!("server saw {} requests", other.len())],
                }
            } else {
                vec![format!("curl exited with {}", output.status)]
            };
            match (differing.contains(&case.as_str()), problems.is_empty()) {
                (false, true) | (true, false) => {}
                (false, false) => failures.push(format!("{id} / {case}: {}", problems.join("; "))),
                (true, true) => {
                    failures.push(format!("{id} / {case}: declared to differ, but exact"))
                }
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    println!("Windows curl snippets through the models: {runs} runs");
    assert!(runs > 0, "nothing ran");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
