//! Send stage: the Resource Timing entry of a fetch (protocol, phases, sizes), when the server allows it.

use reqlab_core::render::response::Timing;
use wasm_bindgen::JsCast;
use web_sys::PerformanceResourceTiming;

/// The newest Resource Timing entry for `url`, with the protocol it used. Cross-origin servers must send
/// `Timing-Allow-Origin`, or the phases read as zero and only the total is known.
pub fn resource_timing(url: &str) -> Option<(Option<String>, Timing)> {
    let performance = web_sys::window()?.performance()?;
    let entries = performance.get_entries_by_name_with_entry_type(url, "resource");
    let entry: PerformanceResourceTiming = entries
        .get(entries.length().checked_sub(1)?)
        .dyn_into()
        .ok()?;
    // Keep the buffer from filling up over a long session: each send reads its own entry right away.
    performance.clear_resource_timings();
    let protocol = Some(entry.next_hop_protocol()).filter(|p| !p.is_empty());
    let span = |start: f64, end: f64| {
        if start > 0.0 && end >= start {
            end - start
        } else {
            0.0
        }
    };
    let tls_start = entry.secure_connection_start();
    Some((
        protocol,
        Timing {
            dns_ms: span(entry.domain_lookup_start(), entry.domain_lookup_end()),
            connect_ms: span(
                entry.connect_start(),
                if tls_start > 0.0 {
                    tls_start
                } else {
                    entry.connect_end()
                },
            ),
            tls_ms: span(tls_start, entry.connect_end()),
            waiting_ms: span(entry.request_start(), entry.response_start()),
            download_ms: span(entry.response_start(), entry.response_end()),
            transfer_size: entry.transfer_size() as u64,
            encoded_size: entry.encoded_body_size() as u64,
            decoded_size: entry.decoded_body_size() as u64,
        },
    ))
}
