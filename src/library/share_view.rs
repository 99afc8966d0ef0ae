//! Share links and embeds: opening a `#r=1.…` link fills the editor (never sends), and the Share dialog
//! makes links (secrets left out unless asked for) and the iframe HTML of an embed.

use super::markup::{embed_id, id};
use super::page;
use super::Lib;
use crate::dom::document as dom;
use crate::protocol::import::LibraryQuestion;
use reqlab_core::prepare::url::Url;
use reqlab_core::share;
use reqlab_core::Environment;

/// The environment a link's variables open in (made, or replaced, by each link that has some).
const SHARED_ENVIRONMENT: &str = "Shared link";

/// The page's address without its fragment: what links are built on.
fn page_address() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Where a request goes, for the sentence that opens it: the host, or the URL as typed.
fn target(url: &str) -> String {
    Url::parse(url)
        .map(|u| u.authority())
        .ok()
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| url.to_string())
}

/// Opens the request in the page's fragment, if it holds one, once the browser has inflated it; says the
/// problem, if it cannot be read.
pub fn open_link(lib: &Lib) {
    let Some(packed) = link_in_fragment(lib) else {
        return;
    };
    let lib = lib.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let shared = match packed {
            Ok(packed) => unpack(packed).await,
            Err(err) => Err(err),
        };
        match shared {
            Ok(shared) => open_shared(&lib, shared),
            Err(err) => super::notice(&err.to_string()),
        }
    });
}

async fn unpack(packed: share::Packed) -> Result<share::Shared, share::ShareError> {
    let request = super::inflate::inflate(&packed.request).await?;
    let variables = match &packed.variables {
        Some(variables) => Some(super::inflate::inflate(variables).await?),
        None => None,
    };
    share::from_json(&request, variables.as_deref())
}

/// The link's parts, if the fragment holds a request (an embed also takes its language and its full app
/// link from it).
fn link_in_fragment(lib: &Lib) -> Option<Result<share::Packed, share::ShareError>> {
    let fragment = fragment();
    if lib.embedded {
        set_full_app_link(&fragment);
        if let Some(language) = super::embed::language(&fragment) {
            super::embed::choose_language(language, 0);
        }
    }
    if !fragment
        .split(['#', '&'])
        .any(|part| part.starts_with("r="))
    {
        return None;
    }
    Some(share::packed(&fragment))
}

fn open_shared(lib: &Lib, shared: share::Shared) {
    let with_variables = if shared.variables.is_empty() {
        String::new()
    } else {
        format!(", with its variables in the environment \"{SHARED_ENVIRONMENT}\"")
    };
    let left_out = share::left_out(&shared);
    let fill_in = if left_out.is_empty() {
        String::new()
    } else {
        format!(
            " Left out of the shared link, to fill in before sending: {}.",
            left_out.join(", ")
        )
    };
    let summary = format!(
        "Opened a shared request for {}{with_variables}. Nothing was sent: check it, then press \
         Send.{fill_in}",
        target(&shared.request.url)
    );
    // In an environment of its own, so the link's values never overwrite the user's.
    let environment = (!shared.variables.is_empty()).then(|| Environment {
        name: SHARED_ENVIRONMENT.into(),
        variables: shared.variables,
    });
    page::open(&shared.request, environment, &summary, None);
    if !lib.embedded {
        // The request is in the editor (and the draft) now: a reload must not open the link over later
        // edits.
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&page_address()),
            );
        }
    }
}

/// Embedded: "Open in reqlab" opens the same request in the full app.
fn set_full_app_link(fragment: &str) {
    let kept: Vec<&str> = fragment
        .trim_start_matches('#')
        .split('&')
        .filter(|part| part.starts_with("r=") || part.starts_with("v="))
        .collect();
    if let Some(link) = dom::by_id(embed_id::OPEN_FULL) {
        let _ = link.set_attribute("href", &format!("{}#{}", page_address(), kept.join("&")));
    }
}

pub fn wire() {
    dom::on(id::SHARE_OPEN, "click", |_| {
        render();
        dom::show_dialog(id::SHARE);
    });
    dom::on(id::EMBED_OPEN, "click", |_| {
        render();
        dom::show_dialog(id::SHARE);
        dom::focus(id::EMBED_SNIPPETS);
    });
    for control in [
        id::SHARE_SECRETS,
        id::EMBED_SNIPPETS,
        id::EMBED_THEME,
        id::EMBED_HEIGHT,
        id::EMBED_LANGUAGE,
    ] {
        dom::on(control, "input", |_| render());
    }
    dom::on(id::SHARE_COPY, "click", |_| {
        copy(id::SHARE_LINK, "Link copied.")
    });
    dom::on(id::EMBED_COPY, "click", |_| {
        copy(id::EMBED_HTML, "HTML copied.")
    });
}

fn copy(field: &str, said: &str) {
    let said = match crate::dom::write_clipboard(&dom::value(field)) {
        Some(_) => said,
        None => "This page has no clipboard access (it needs HTTPS or localhost): select the text and copy it.",
    };
    dom::set_text(id::SHARE_STATUS, said);
}

/// The link and the iframe HTML for the editor's request and the dialog's choices.
fn render() {
    dom::set_text(id::SHARE_STATUS, "");
    let Some(draft) = page::edited() else {
        dom::set_text(id::SHARE_WARNING, page::NOT_KNOWN_YET);
        return;
    };
    let with_secrets = dom::checked(id::SHARE_SECRETS);
    let (shared, left_out) =
        share::to_share(&draft.request, &draft.variables.active(), with_secrets);
    let request = &shared.request;
    let warning = if with_secrets && !left_out.is_empty() {
        "This link carries secrets: anyone who gets it can use them. Share it only with people you trust."
    } else {
        ""
    };
    dom::set_text(id::SHARE_WARNING, warning);
    let hint = match (with_secrets, left_out.is_empty()) {
        (_, true) => "The request holds no secrets.".to_string(),
        (true, false) => format!("Included: {}.", left_out.join(", ")),
        (false, false) => format!(
            "Left out (tick the box to include them): {}.",
            left_out.join(", ")
        ),
    };
    dom::set_text(id::SHARE_LEFT_OUT, &hint);
    let title = format!("reqlab: {} {}", request.method, target(&request.url));
    let question = LibraryQuestion {
        share: Some(shared),
        ..LibraryQuestion::default()
    };
    // Packed by the import worker: the compressor would weigh on every first visit. Until it answers, the
    // fields hold nothing rather than a link for the choices before.
    dom::set_value(id::SHARE_LINK, "");
    dom::set_value(id::EMBED_HTML, "");
    super::importer::ask(question, move |reply| match (reply.text, reply.error) {
        (Some(fragment), None) => show_links(&fragment, &title),
        (_, why) => dom::set_text(id::SHARE_WARNING, &why.unwrap_or_default()),
    });
}

/// The link and the iframe HTML for a packed request (`fragment`), with the dialog's choices.
fn show_links(fragment: &str, title: &str) {
    let base = page_address();
    dom::set_value(id::SHARE_LINK, &share::link_to(&base, fragment, false));
    let mut embed = share::link_to(&base, fragment, true);
    let theme = dom::value(id::EMBED_THEME);
    if !theme.is_empty() {
        embed.push_str(&format!("&theme={theme}"));
    }
    if dom::checked(id::EMBED_SNIPPETS) {
        let language = dom::value(id::EMBED_LANGUAGE).trim().to_lowercase();
        let shown = if language.is_empty() {
            "1"
        } else {
            language.as_str()
        };
        embed.push_str(&format!("&snippets={}", super::embed::encode_part(shown)));
    }
    let height: u32 = dom::value(id::EMBED_HEIGHT)
        .parse()
        .unwrap_or(560)
        .clamp(200, 2000);
    dom::set_value(
        id::EMBED_HTML,
        &format!(
            r#"<iframe src="{}" title="{}" width="100%" height="{height}" style="border:0" loading="lazy"></iframe>"#,
            attribute(&embed),
            attribute(title)
        ),
    );
}

/// Text made safe inside a double-quoted HTML attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}
