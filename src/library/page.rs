//! The library's end of the page bridge (see `crate::page::bridge`): reads the edited request and the finished
//! sends the page announces, and hands the page requests to load, as import answers.

use crate::protocol::import::ImportAnswer;
use js_sys::{Array, Object, Reflect, Uint8Array};
use reqlab_core::edit::model::{Body, FileRef, PartValue};
use reqlab_core::library::draft::Draft;
use reqlab_core::{Environment, Request, Variables};
use serde::Deserialize;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

fn bridge() -> Option<Object> {
    let window = web_sys::window()?;
    Reflect::get(&window, &"reqlab".into())
        .ok()
        .filter(JsValue::is_object)
        .map(Into::into)
}

fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Whether the page's bridge is there (index.html defines it).
pub fn ready() -> bool {
    bridge().is_some()
}

/// Whether the user typed in the page before the library started (index.html notes the first input).
pub fn typed() -> bool {
    bridge().is_some_and(|bridge| field(&bridge.into(), "typed").is_truthy())
}

/// The parts of the page's snippet question (`protocol::snippet::Ask`) the library keeps.
#[derive(Deserialize)]
struct Edited {
    request: Request,
    #[serde(default)]
    variables: Variables,
}

fn read_question(question: &JsValue) -> Option<Draft> {
    let edited: Edited = serde_json::from_str(&question.as_string()?).ok()?;
    Some(Draft {
        request: edited.request,
        variables: edited.variables,
    })
}

/// Why a view that needs the editor's request has none: the page has not announced one yet.
pub const NOT_KNOWN_YET: &str = "The editor's request is not known yet: try again in a moment.";

/// The request in the editor now, with every environment.
pub fn edited() -> Option<Draft> {
    read_question(&field(&bridge()?.into(), "last"))
}

/// The editor's part of the page's last question, as written: the request and the variables, without the
/// question's number and snippet choice (serde writes `seq` and `choice` first, and no escaped text can
/// hold `,"request":`). Compared, not parsed, so an edit costs the library no JSON reading.
pub fn edited_content() -> Option<String> {
    let question = field(&bridge()?.into(), "last").as_string()?;
    content_of(&question).map(str::to_string)
}

fn content_of(question: &str) -> Option<&str> {
    question
        .find(",\"request\":")
        .and_then(|at| question.get(at..))
}

/// A send the page finished.
pub struct Sent {
    /// The request as it was when sent (`None` if the page had not announced one yet).
    pub draft: Option<Draft>,
    /// 0 when nothing came back; `status_text` then says why.
    pub status: u16,
    pub status_text: String,
    pub elapsed_ms: f64,
    pub size: u64,
    /// The body's first bytes.
    pub body: Vec<u8>,
}

/// The sends finished since the last call (the page queues them until the library takes them).
pub fn take_sent() -> Vec<Sent> {
    let Some(bridge) = bridge() else {
        return Vec::new();
    };
    let list = field(&bridge, "sent");
    let _ = Reflect::set(&bridge, &"sent".into(), &Array::new());
    let Some(list) = list.dyn_ref::<Array>() else {
        return Vec::new();
    };
    list.iter()
        .map(|entry| {
            let at = |i: u32| Reflect::get_u32(&entry, i).unwrap_or(JsValue::UNDEFINED);
            Sent {
                draft: read_question(&at(0)),
                status: at(1).as_f64().unwrap_or(0.0) as u16,
                status_text: at(2).as_string().unwrap_or_default(),
                elapsed_ms: at(3).as_f64().unwrap_or(0.0),
                size: at(4).as_f64().unwrap_or(0.0) as u64,
                body: at(5)
                    .dyn_ref::<Uint8Array>()
                    .map(Uint8Array::to_vec)
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// Loads `request` into the page's editor, with `summary` as the notice and Undo offered (a share link,
/// history, a collection, an example), and `environment` (a share link's variables) as the active one. Never
/// sends it.
pub fn open(request: &Request, environment: Option<Environment>, summary: &str) {
    answer(ImportAnswer {
        format: "open".into(),
        summary: summary.into(),
        request: Some(request.clone()),
        environment,
        ..ImportAnswer::default()
    });
}

/// Loads a draft (saved before this visit, or by another tab) into the page's editor without a word: its
/// request and every environment, replacing the editor's.
pub fn restore(draft: &Draft) {
    answer(ImportAnswer {
        format: "open".into(),
        // The page shows an empty summary as no notice at all.
        summary: String::new(),
        request: Some(draft.request.clone()),
        variables: Some(draft.variables.clone()),
        ..ImportAnswer::default()
    });
}

/// Hands the page a request to load, as the answer to an import in the `open` format.
fn answer(answer: ImportAnswer) {
    let Some(request) = &answer.request else {
        return;
    };
    let Ok(mut json) = serde_json::to_value(&answer) else {
        return;
    };
    with_file_texts(&mut json["request"]["body"], &request.body);
    let Some(bridge) = bridge() else {
        return;
    };
    let text = json.to_string();
    // The page takes it (`reqlab.take()`) when it hears the event.
    let _ = Reflect::set(&bridge, &"opened".into(), &JsValue::from_str(&text));
    let event = web_sys::Event::new(crate::protocol::library::OPEN_EVENT);
    if let (Some(window), Ok(event)) = (web_sys::window(), event) {
        let _ = window.dispatch_event(&event);
    }
}

/// Files' bytes are not part of request JSON; the page reads those of small text files (the examples'
/// uploads) from a `text` member beside the file's name.
fn with_file_texts(json: &mut Value, body: &Body) {
    let add_text = |file_json: Option<&mut Value>, file: &Option<FileRef>| {
        let data = file.as_ref().and_then(|f| f.data.as_ref());
        let text = data.and_then(|d| std::str::from_utf8(d).ok());
        if let (Some(Value::Object(file_json)), Some(text)) = (file_json, text) {
            file_json.insert("text".into(), text.into());
        }
    };
    match body {
        Body::Binary { file } => add_text(json.get_mut("file"), file),
        Body::Multipart { parts } => {
            for (i, part) in parts.iter().enumerate() {
                if let PartValue::File { file } = &part.value {
                    let part_json = json.get_mut("parts").and_then(|p| p.get_mut(i));
                    add_text(part_json.and_then(|p| p.get_mut("file")), file);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::snippet::Ask;

    #[test]
    fn the_content_of_a_question_leaves_out_its_number_and_choice() {
        let ask = |seq, choice: &str, url: &str| {
            let ask = Ask {
                seq,
                choice: choice.into(),
                request: Request {
                    url: url.into(),
                    ..Request::default()
                },
                variables: Variables::default(),
            };
            serde_json::to_string(&ask).expect("serializes")
        };
        // A choice can hold any text, the member's name too: it is escaped, so it never matches.
        let tricky = r#"x,"request":{"url":"http://elsewhere/"}"#;
        let first = ask(1, "", "http://h/a");
        let again = ask(2, tricky, "http://h/a");
        let edited = ask(3, tricky, "http://h/b");
        assert_eq!(content_of(&first), content_of(&again));
        assert_ne!(content_of(&again), content_of(&edited));
        assert!(content_of(&first).is_some_and(|c| c.contains("http://h/a")));
    }
}
