//! Edit stage UI: reads files the user picks into memory, keeping name and type, or says why it could not.

use js_sys::Uint8Array;
use reqlab_core::FileRef;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;

/// Reads every file chosen in a file input, then calls `done` with them in order, or `failed` with a message.
pub fn read_chosen_files(
    ev: &web_sys::Event,
    done: impl FnOnce(Vec<FileRef>) + 'static,
    failed: impl FnOnce(String) + 'static,
) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(list) = input.files() else {
        return;
    };
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if files.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        let mut read = Vec::with_capacity(files.len());
        for file in files {
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => read.push(FileRef::new(
                    file.name(),
                    file.type_(),
                    Uint8Array::new(&buffer).to_vec(),
                )),
                Err(_) => {
                    failed(format!(
                        "Could not read \"{}\": the file may have been moved or is not readable. Choose it again.",
                        file.name()
                    ));
                    return;
                }
            }
        }
        done(read);
    });
}

/// "photo.png, image/png, 1.2 KiB" for the line under a file input.
pub fn describe(file: &FileRef) -> String {
    let size = file.data.as_ref().map(|d| d.len());
    match size {
        Some(size) => format!(
            "{}, {}, {}",
            file.name,
            file.effective_content_type(),
            reqlab_core::render::size::describe(size as u64)
        ),
        None => format!("{} (not loaded: choose it again to send)", file.name),
    }
}
