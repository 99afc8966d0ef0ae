//! Edit stage UI: the body in each mode: none, raw text (JSON checked live, with Format), URL-encoded form,
//! multipart form with files, or one binary file.

use super::file_picker::{describe, read_chosen_files};
use super::problem_for;
use crate::components::key_value_table::KeyValueTable;
use crate::state::{use_app_state, BodyMode, PartKind, PartRow};
use leptos::prelude::*;
use reqlab_core::{json, Field, RawLanguage};

/// Mode switch and the editor for the chosen mode.
#[component]
pub fn BodyTab() -> impl IntoView {
    let state = use_app_state();
    let editor = state.editor;
    let problem = problem_for(state, Field::Body);
    view! {
        <fieldset class="body-modes">
            <legend>"Body type"</legend>
            {BodyMode::ALL.iter().map(|&(mode, label)| view! {
                <label class="radio">
                    <input
                        type="radio"
                        name="body-mode"
                        prop:checked=move || editor.body_mode.get() == mode
                        on:change=move |_| editor.body_mode.set(mode)
                    />
                    {label}
                </label>
            }).collect_view()}
        </fieldset>
        {move || match editor.body_mode.get() {
            BodyMode::None => view! { <p class="hint">"This request has no body."</p> }.into_any(),
            BodyMode::Raw => view! { <RawBody/> }.into_any(),
            BodyMode::UrlEncoded => view! {
                <KeyValueTable rows=editor.form_fields label="Form fields" add_label="Add field"/>
            }.into_any(),
            BodyMode::Multipart => view! { <MultipartBody/> }.into_any(),
            BodyMode::Binary => view! { <BinaryBody/> }.into_any(),
        }}
        <p class="problem" aria-live="polite">{problem}</p>
    }
}

/// Raw text with a language; JSON is validated as it is typed (invalid JSON can still be sent on purpose).
#[component]
fn RawBody() -> impl IntoView {
    let editor = use_app_state().editor;
    let json_status = move || {
        if editor.raw_language.get() != RawLanguage::Json {
            return None;
        }
        editor.raw_text.with(|text| {
            if text.trim().is_empty() {
                None
            } else {
                Some(json::check(text).map_err(|e| e.to_string()))
            }
        })
    };
    let format = move |_| {
        if let Ok(formatted) = json::format(&editor.raw_text.get_untracked(), 2) {
            editor.raw_text.set(formatted);
        }
    };
    view! {
        <div class="raw-toolbar">
            <label for="raw-language">"Content"</label>
            <select
                id="raw-language"
                prop:value=move || editor.raw_language.get().id()
                on:change=move |ev| editor.raw_language.set(RawLanguage::from_id(&event_target_value(&ev)))
            >
                {RawLanguage::ALL
                    .iter()
                    .map(|l| view! { <option value=l.id()>{l.label()}</option> })
                    .collect_view()}
            </select>
            <Show when=move || editor.raw_language.get() == RawLanguage::Json>
                <button
                    type="button"
                    disabled=move || !matches!(json_status(), Some(Ok(())))
                    on:click=format
                >
                    "Format"
                </button>
            </Show>
        </div>
        <label for="body-text" class="visually-hidden">"Body text"</label>
        <textarea
            id="body-text"
            rows="10"
            spellcheck="false"
            placeholder="Request body"
            aria-describedby="body-json-status"
            bind:value=editor.raw_text
        ></textarea>
        <p id="body-json-status" class="field-status" aria-live="polite">
            {move || match json_status() {
                Some(Ok(())) => view! { <span class="ok">"Valid JSON"</span> }.into_any(),
                Some(Err(message)) => view! {
                    <span class="problem">{message}" It can still be sent as it is."</span>
                }.into_any(),
                None => ().into_any(),
            }}
        </p>
    }
}

/// Multipart parts: text fields and files, in order.
#[component]
fn MultipartBody() -> impl IntoView {
    let editor = use_app_state().editor;
    view! {
        <ul class="kv-rows" aria-label="Form parts">
            <For each=move || editor.parts.get() key=|part| part.id let:part>
                <PartRowView part/>
            </For>
        </ul>
        <button
            type="button"
            class="add-row"
            on:click=move |_| editor.parts.update(|parts| parts.push(PartRow::new("", PartKind::Text)))
        >
            "Add part"
        </button>
    }
}

#[component]
fn PartRowView(part: PartRow) -> impl IntoView {
    let editor = use_app_state().editor;
    let error = RwSignal::new(None::<String>);
    let on_files = move |ev: web_sys::Event| {
        read_chosen_files(
            &ev,
            move |files| {
                error.set(None);
                let mut files = files.into_iter();
                part.file.set(files.next());
                // Several files chosen at once become several parts of the same name, as browsers send them.
                let extra: Vec<PartRow> = files
                    .map(|file| {
                        let row = PartRow::new(&part.name.get_untracked(), PartKind::File);
                        row.file.set(Some(file));
                        row
                    })
                    .collect();
                editor.parts.update(|parts| {
                    let at = parts
                        .iter()
                        .position(|p| p.id == part.id)
                        .map_or(parts.len(), |i| i + 1);
                    parts.splice(at..at, extra);
                });
            },
            move |message| error.set(Some(message)),
        );
    };
    view! {
        <li class="kv-row part-row">
            <input
                type="checkbox"
                aria-label="Enabled"
                prop:checked=move || part.enabled.get()
                on:change=move |ev| part.enabled.set(event_target_checked(&ev))
            />
            <input
                type="text"
                class="kv-key"
                aria-label="Key"
                placeholder="Key"
                spellcheck="false"
                bind:value=part.name
            />
            <select
                aria-label="Part type"
                prop:value=move || if part.kind.get() == PartKind::File { "file" } else { "text" }
                on:change=move |ev| {
                    part.kind.set(if event_target_value(&ev) == "file" { PartKind::File } else { PartKind::Text })
                }
            >
                <option value="text">"Text"</option>
                <option value="file">"File"</option>
            </select>
            {move || if part.kind.get() == PartKind::File {
                view! {
                    <span class="file-cell">
                        <input type="file" aria-label="File" multiple on:change=on_files/>
                        <span class="file-info">{move || part.file.get().map(|f| describe(&f))}</span>
                    </span>
                }.into_any()
            } else {
                view! {
                    <input
                        type="text"
                        class="kv-value"
                        aria-label="Value"
                        placeholder="Value"
                        bind:value=part.text
                    />
                }.into_any()
            }}
            <button
                type="button"
                class="remove-row"
                aria-label="Remove row"
                on:click=move |_| editor.parts.update(|parts| parts.retain(|p| p.id != part.id))
            >
                "×"
            </button>
            {move || error.get().map(|message| view! { <p class="row-note problem">{message}</p> })}
        </li>
    }
}

/// One file as the whole body.
#[component]
fn BinaryBody() -> impl IntoView {
    let editor = use_app_state().editor;
    let error = RwSignal::new(None::<String>);
    let on_file = move |ev: web_sys::Event| {
        read_chosen_files(
            &ev,
            move |files| {
                error.set(None);
                editor.binary_file.set(files.into_iter().next());
            },
            move |message| error.set(Some(message)),
        );
    };
    view! {
        <label for="binary-file" class="field-label">"File"</label>
        <input id="binary-file" type="file" on:change=on_file/>
        <p class="file-info">{move || editor.binary_file.get().map(|f| describe(&f))}</p>
        {move || error.get().map(|message| view! { <p class="problem">{message}</p> })}
    }
}
