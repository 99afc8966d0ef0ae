//! The library's end of the import worker: the work whose code the library leaves out (reading a whole
//! collection, writing a Postman collection or environment, reading an environment file, packing a share
//! link) is asked of the import worker, started on the first such question; an OpenAPI description is asked
//! of the API reference's worker instead, which carries the OpenAPI reader. Every first visit downloads the
//! library; the workers load on first use.
//!
//! Each worker answers in the order it was asked, so the replies are matched to their questions in order.

use crate::protocol::import::{
    LibraryEnvelope, LibraryQuestion, LibraryReply, IMPORT_WORKER, REFERENCE_WORKER,
};
use crate::protocol::READY;
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// What is done with a reply.
type Then = Box<dyn FnOnce(LibraryReply)>;

/// The worker once started, the questions waiting for it to listen, and what to do with each reply.
struct Importer {
    worker: Worker,
    ready: bool,
    waiting: Vec<String>,
    replies: VecDeque<Then>,
}

thread_local! {
    /// The import worker, then the API reference's.
    static IMPORTER: RefCell<[Option<Importer>; 2]> = const { RefCell::new([None, None]) };
}

/// Asks `question` (of the API reference's worker when it is an OpenAPI import); `then` gets the reply, or
/// a reply whose `error` says why there is none.
pub fn ask(question: LibraryQuestion, then: impl FnOnce(LibraryReply) + 'static) {
    let which = usize::from(question.openapi.is_some());
    let mut then: Option<Then> = Some(Box::new(then));
    let message = serde_json::to_string(&LibraryEnvelope { library: question });
    IMPORTER.with(|importers| {
        let mut importers = importers.borrow_mut();
        let importer = &mut importers[which];
        if importer.is_none() {
            *importer = start(which);
        }
        let (Some(importer), Ok(message)) = (importer.as_mut(), message) else {
            return;
        };
        if importer.ready {
            let _ = importer.worker.post_message(&JsValue::from_str(&message));
        } else {
            importer.waiting.push(message);
        }
        importer.replies.extend(then.take());
    });
    if let Some(then) = then {
        then_failed(
            then,
            "This browser could not start the importer (no web workers).",
        );
    }
}

fn then_failed(then: Then, why: &str) {
    then(LibraryReply {
        error: Some(why.into()),
        ..LibraryReply::default()
    });
}

fn start(which: usize) -> Option<Importer> {
    let worker = if which == 0 {
        Worker::new(IMPORT_WORKER).ok()?
    } else {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        Worker::new_with_options(REFERENCE_WORKER, &options).ok()?
    };
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        if let Some(text) = ev.data().as_string() {
            heard(which, &text);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Lives as long as the page, as the worker does.
    on_message.forget();
    Some(Importer {
        worker,
        ready: false,
        waiting: Vec::new(),
        replies: VecDeque::new(),
    })
}

/// The worker is listening (then the waiting questions go), or it answered the oldest question.
fn heard(which: usize, text: &str) {
    if text == READY {
        return IMPORTER.with(|importers| {
            if let Some(importer) = importers.borrow_mut()[which].as_mut() {
                importer.ready = true;
                for message in importer.waiting.drain(..) {
                    let _ = importer.worker.post_message(&JsValue::from_str(&message));
                }
            }
        });
    }
    // Taken out before it runs: what it does may ask again.
    let then =
        IMPORTER.with(|importers| importers.borrow_mut()[which].as_mut()?.replies.pop_front());
    let Some(then) = then else {
        return;
    };
    match serde_json::from_str::<LibraryReply>(text) {
        Ok(reply) => then(reply),
        Err(err) => then_failed(
            then,
            &format!("The importer answered in a form the library does not read: {err}"),
        ),
    }
}
