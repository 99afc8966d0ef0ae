//! Snippet stage, the worker's side of the panel's choice: reads the stored choice (target and options, as
//! `key=value` lines keyed by the panel's control ids), resolves language and client picks against the
//! registry, and describes what each control should show.
//!
//! This lives in the worker so the page stays a thin renderer: the page only edits one line of the text
//! when a control changes, stores the text the worker hands back, and sets its controls from the answer.
//! The page's wasm is over its size budget; this logic would cost it several KB.

use crate::protocol::snippet::panel_id as id;
use reqlab_core::snippet::{option_use, Options, Target, TARGETS};

/// Wider indents than this are refused: the text comes from the page's storage, which anyone can edit.
pub const MAX_INDENT: usize = 8;

// The panel's control ids, from their one declaration (`protocol::snippet::panel_id`).
pub const LANGUAGE: &str = id::LANGUAGE;
pub const CLIENT: &str = id::CLIENT;
pub const INDENT: &str = id::INDENT;
/// A language's last-used client: `last=<language>:<target id>`.
const LAST: &str = "last";

/// One boolean option: its checkbox's id, the `Options` field it stands for (see `option_use`), and how the
/// checkbox reads and writes it.
struct Toggle {
    id: &'static str,
    name: &'static str,
    get: fn(&Options) -> bool,
    set: fn(&mut Options, bool),
}

const TOGGLES: &[Toggle] = &[
    Toggle {
        id: id::SHORT_FLAGS,
        name: option_use::LONG_FLAGS,
        get: |o| !o.long_flags,
        set: |o, on| o.long_flags = !on,
    },
    Toggle {
        id: id::MULTILINE,
        name: option_use::MULTILINE,
        get: |o| o.multiline,
        set: |o, on| o.multiline = on,
    },
    Toggle {
        id: id::SESSION,
        name: option_use::PYTHON_SESSION,
        get: |o| o.python_session,
        set: |o, on| o.python_session = on,
    },
    Toggle {
        id: id::TIMEOUT,
        name: option_use::INCLUDE_TIMEOUT,
        get: |o| o.include_timeout,
        set: |o, on| o.include_timeout = on,
    },
];

/// A resolved choice: always a real target.
pub struct Choice {
    pub target: &'static Target,
    pub options: Options,
    /// `(language, target id)`, the client to come back to when a language is picked again.
    last_used: Vec<(String, String)>,
}

impl Choice {
    /// Reads stored text. Lines it cannot read keep their defaults, so damaged or older text loads as
    /// much as it can and never fails. The client is the text's client if it belongs to the text's
    /// language, else that language's last-used client, else its first; with no usable language, the
    /// client's own; with neither, the first target.
    pub fn parse(text: &str) -> Choice {
        let mut options = Options::default();
        let (mut language, mut client) = (None, None);
        let mut last_used = Vec::new();
        for line in text.lines() {
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            match key {
                LANGUAGE => language = Some(value),
                CLIENT => client = TARGETS.iter().find(|t| t.id == value),
                INDENT => {
                    if let Ok(indent) = value.parse::<usize>() {
                        options.indent = indent.min(MAX_INDENT);
                    }
                }
                LAST => {
                    if let Some((language, id)) = value.split_once(':') {
                        last_used.push((language.to_string(), id.to_string()));
                    }
                }
                _ => {
                    let toggle = TOGGLES.iter().find(|t| t.id == key);
                    if let (Some(toggle), Ok(on)) = (toggle, value.parse::<bool>()) {
                        (toggle.set)(&mut options, on);
                    }
                }
            }
        }
        let language = language.filter(|l| TARGETS.iter().any(|t| t.language == *l));
        let target = match (language, client) {
            (Some(l), Some(c)) if c.language == l => c,
            (Some(l), _) => {
                let remembered = last_used
                    .iter()
                    .find(|(language, _)| language == l)
                    .and_then(|(_, id)| TARGETS.iter().find(|t| t.id == *id && t.language == l));
                remembered
                    .or_else(|| TARGETS.iter().find(|t| t.language == l))
                    .unwrap_or(&TARGETS[0])
            }
            (None, Some(c)) => c,
            (None, None) => &TARGETS[0],
        };
        last_used.retain(|(l, _)| l != target.language);
        last_used.push((target.language.to_string(), target.id.to_string()));
        Choice {
            target,
            options,
            last_used,
        }
    }

    /// The canonical text, read back by `parse` to the same choice.
    pub fn encode(&self) -> String {
        let mut text = format!(
            "{LANGUAGE}={}\n{CLIENT}={}\n{INDENT}={}\n",
            self.target.language, self.target.id, self.options.indent
        );
        for toggle in TOGGLES {
            text.push_str(&format!("{}={}\n", toggle.id, (toggle.get)(&self.options)));
        }
        for (language, id) in &self.last_used {
            text.push_str(&format!("{LAST}={language}:{id}\n"));
        }
        text
    }

    /// Every language, as `(value, text)` options of the Language picker.
    pub fn languages(&self) -> Vec<(String, String)> {
        let mut languages: Vec<(String, String)> = Vec::new();
        for target in TARGETS {
            if !languages.iter().any(|(l, _)| l == target.language) {
                languages.push((target.language.to_string(), target.language.to_string()));
            }
        }
        languages
    }

    /// The chosen language's clients, as `(target id, client name)` options of the Client picker.
    pub fn clients(&self) -> Vec<(String, String)> {
        TARGETS
            .iter()
            .filter(|t| t.language == self.target.language)
            .map(|t| (t.id.to_string(), t.client.to_string()))
            .collect()
    }

    /// `(control id, value)` for every control; checkboxes get `true` or `false`.
    pub fn values(&self) -> Vec<(String, String)> {
        let mut values = vec![
            (LANGUAGE.to_string(), self.target.language.to_string()),
            (CLIENT.to_string(), self.target.id.to_string()),
            (INDENT.to_string(), self.options.indent.to_string()),
        ];
        for toggle in TOGGLES {
            values.push((
                toggle.id.to_string(),
                (toggle.get)(&self.options).to_string(),
            ));
        }
        values
    }

    /// The ids of the option controls that do nothing for the chosen target, for the page to hide.
    pub fn hidden(&self) -> Vec<String> {
        let honoured = option_use::honoured(self.target.id);
        let mut hidden = Vec::new();
        if !honoured.contains(&option_use::INDENT) {
            hidden.push(INDENT.to_string());
        }
        for toggle in TOGGLES {
            if !honoured.contains(&toggle.name) {
                hidden.push(toggle.id.to_string());
            }
        }
        hidden
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> &'static str {
        Choice::parse(text).target.id
    }

    #[test]
    fn unreadable_text_gives_the_first_target_and_default_options() {
        for text in [
            "",
            "{",
            "\u{0}",
            "snippet-client=cobol-magic\nsnippet-language=COBOL",
            "snippet-indent=wide\nsnippet-session=maybe\nlast=nocolon\n=\n",
        ] {
            let choice = Choice::parse(text);
            assert_eq!(choice.target.id, TARGETS[0].id, "{text:?}");
            assert_eq!(choice.options, Options::default(), "{text:?}");
        }
        let huge = Choice::parse("snippet-indent=99999999999");
        assert_eq!(huge.options.indent, MAX_INDENT);
    }

    #[test]
    fn a_language_opens_on_its_last_used_client_or_its_first() {
        assert_eq!(id("snippet-language=Python"), "python-requests");
        assert_eq!(
            id("snippet-language=Python\nsnippet-client=python-urllib3"),
            "python-urllib3"
        );
        // A client of another language (the page changed only the language) gives way.
        let back = "snippet-language=Python\nsnippet-client=shell-curl\nlast=Python:python-urllib3";
        assert_eq!(id(back), "python-urllib3");
        let gone = "snippet-language=Python\nsnippet-client=shell-curl\nlast=Python:python-gone";
        assert_eq!(id(gone), "python-requests");
        // No language: the client's own.
        assert_eq!(id("snippet-client=go-native"), "go-native");
    }

    #[test]
    fn the_canonical_text_reads_back_to_the_same_choice_and_remembers_clients() {
        let mut text = "snippet-language=Python\nsnippet-client=python-httpx\nsnippet-indent=2\n\
                        snippet-short-flags=true\nsnippet-session=true\nsnippet-timeout=false\n"
            .to_string();
        let choice = Choice::parse(&text);
        assert_eq!(Choice::parse(&choice.encode()).encode(), choice.encode());
        assert_eq!(choice.options.indent, 2);
        assert!(!choice.options.long_flags && choice.options.python_session);
        assert!(!choice.options.include_timeout);
        // Switch to Shell and back, as the page would: only the language line changes.
        text = choice
            .encode()
            .replace("snippet-language=Python", "snippet-language=Shell");
        let shell = Choice::parse(&text);
        assert_eq!(shell.target.id, "shell-curl");
        text = shell
            .encode()
            .replace("snippet-language=Shell", "snippet-language=Python");
        assert_eq!(Choice::parse(&text).target.id, "python-httpx");
    }

    #[test]
    fn controls_show_the_choice_and_hide_what_does_nothing() {
        let choice = Choice::parse("snippet-client=python-urllib3\nsnippet-indent=2");
        assert!(choice
            .languages()
            .contains(&("Node.js".into(), "Node.js".into())));
        // gql is a client only where core is built with GraphQL (a workspace build on the host), never in
        // the snippet worker.
        let clients: Vec<String> = choice
            .clients()
            .into_iter()
            .map(|(_, c)| c)
            .filter(|c| c != "gql")
            .collect();
        assert_eq!(clients, ["requests", "http.client", "urllib3", "httpx"]);
        let values = choice.values();
        assert!(values.contains(&(CLIENT.into(), "python-urllib3".into())));
        assert!(values.contains(&(INDENT.into(), "2".into())));
        assert!(values.contains(&("snippet-short-flags".into(), "false".into())));
        let hidden = choice.hidden();
        assert!(hidden.contains(&"snippet-short-flags".to_string()));
        assert!(hidden.contains(&"snippet-session".to_string()));
        assert!(!hidden.contains(&"snippet-timeout".to_string()));
        assert!(Choice::parse("snippet-client=python-requests")
            .hidden()
            .iter()
            .all(|h| h != "snippet-session"));
        assert!(Choice::parse("snippet-client=http-raw").hidden().len() == 1 + TOGGLES.len());
    }
}
