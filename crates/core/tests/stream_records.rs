//! JSON record streams against a model: random records (valid JSON made by serde_json, and texts made
//! invalid on purpose) are framed as NDJSON or json-seq with blank lines, CRLF, empty records and cut-off
//! records between them, and the splitter must give exactly those records however the bytes are cut:
//! whole, byte by byte, at every position into two pieces, and into a few random pieces.

use proptest::prelude::*;
use reqlab_core::stream::{Record, RecordFraming, RecordSplitter};
use serde_json::Value;

/// One generated record: its text, whether it is JSON, and how it is framed.
#[derive(Clone, Debug)]
struct Generated {
    text: String,
    valid: bool,
    /// Before it: blank lines (Lines) or extra record separators and whitespace (json-seq).
    noise: usize,
    crlf: bool,
    /// json-seq: the record stops before its LF (the next RS or the end cuts it off).
    truncated: bool,
    /// Its brackets never close, so no LF ends it: only the next RS or the end of the stream does.
    unclosed: bool,
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e9f64..1e9).prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        "[\"\\\\{}\\[\\] \u{1e}\r\n\u{e9}]{0,6}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("[a-z\"{]{0,4}", inner), 0..4)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// A text that is not JSON, made from one that is; none is blank, none starts or ends with whitespace.
fn broken(text: String, how: u8) -> String {
    match how % 4 {
        0 => format!("{text},"),
        1 => format!("[{text}"),
        2 => format!("{text} x"),
        _ => format!("nul{text}"),
    }
}

fn record(pretty: bool) -> impl Strategy<Value = Generated> {
    (
        json_value(),
        any::<bool>(),
        any::<u8>(),
        0..3usize,
        any::<bool>(),
        prop::bool::weighted(0.15),
    )
        .prop_map(move |(value, valid, how, noise, crlf, truncated)| {
            let json = match pretty {
                true => serde_json::to_string_pretty(&value),
                false => serde_json::to_string(&value),
            }
            .expect("a serde_json value serializes");
            let text = if valid { json } else { broken(json, how) };
            Generated {
                text,
                valid,
                noise,
                crlf,
                truncated,
                unclosed: !valid && how % 4 == 1,
            }
        })
}

fn lines_stream(records: &[Generated], last_newline: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, r) in records.iter().enumerate() {
        for n in 0..r.noise {
            out.extend_from_slice([&b"\n"[..], b" \t\r\n", b"\r\n"][n % 3]);
        }
        out.extend_from_slice(r.text.as_bytes());
        if i + 1 < records.len() || last_newline {
            out.extend_from_slice(if r.crlf { b"\r\n" } else { b"\n" });
        }
    }
    out
}

fn seq_stream(records: &[Generated]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, r) in records.iter().enumerate() {
        // Empty records (RS RS) are allowed before a text.
        out.extend(std::iter::repeat_n(0x1E, 1 + r.noise));
        out.extend_from_slice(r.text.as_bytes());
        let last = i + 1 == records.len();
        if !r.truncated {
            out.extend_from_slice(if r.crlf { b"\r\n" } else { b"\n" });
            // Whitespace between a record's LF and the next RS is no record.
            if r.noise == 2 && !last {
                out.extend_from_slice(b"  \n\t");
            }
        }
    }
    out
}

/// The records, and how many of them only came out at the end of the stream.
fn split(framing: RecordFraming, bytes: &[u8], cuts: &[usize]) -> (Vec<Record>, usize) {
    let mut splitter = RecordSplitter::new(framing);
    let mut out = Vec::new();
    let mut start = 0;
    for &cut in cuts.iter().chain([bytes.len()].iter()) {
        splitter.feed(&bytes[start..cut], &mut out);
        start = cut;
    }
    let before_end = out.len();
    splitter.finish(&mut out);
    let held = out.len() - before_end;
    (out, held)
}

/// The records as (text, has an error); an error must say where.
fn summary((records, held): (Vec<Record>, usize)) -> (Vec<(String, bool)>, usize) {
    let records = records
        .into_iter()
        .map(|r| {
            if let Some(error) = &r.error {
                assert!(error.ends_with('.'), "{error}");
            }
            (r.text, r.error.is_some())
        })
        .collect();
    (records, held)
}

fn every_cutting(
    framing: RecordFraming,
    bytes: &[u8],
    records: &[(String, bool)],
    held: usize,
    random: &[usize],
) -> Result<(), TestCaseError> {
    let expected = (records.to_vec(), held);
    prop_assert_eq!(
        summary(split(framing, bytes, &[])),
        expected.clone(),
        "whole"
    );
    let every_byte: Vec<usize> = (1..bytes.len()).collect();
    prop_assert_eq!(
        summary(split(framing, bytes, &every_byte)),
        expected.clone(),
        "byte by byte"
    );
    for cut in 0..=bytes.len() {
        prop_assert_eq!(
            summary(split(framing, bytes, &[cut])),
            expected.clone(),
            "cut at {}",
            cut
        );
    }
    prop_assert_eq!(
        summary(split(framing, bytes, random)),
        expected.clone(),
        "cuts at {:?}",
        random
    );
    Ok(())
}

fn cuts(random: &[prop::sample::Index], len: usize) -> Vec<usize> {
    let mut cuts: Vec<usize> = random.iter().map(|i| i.index(len + 1)).collect();
    cuts.sort_unstable();
    cuts
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn lines_give_the_models_records(
        records in prop::collection::vec(record(false), 0..8),
        last_newline in any::<bool>(),
        random in prop::collection::vec(any::<prop::sample::Index>(), 2..6),
    ) {
        let bytes = lines_stream(&records, last_newline);
        let expected: Vec<(String, bool)> = records.iter().map(|r| (r.text.clone(), !r.valid)).collect();
        // Every record is out as soon as its line end arrives; one without waits for the end.
        let held = usize::from(!records.is_empty() && !last_newline);
        every_cutting(RecordFraming::Lines, &bytes, &expected, held, &cuts(&random, bytes.len()))?;
    }

    #[test]
    fn json_seq_gives_the_models_records(
        records in prop::collection::vec(record(false), 0..6),
        pretty in prop::collection::vec(record(true), 0..3),
        random in prop::collection::vec(any::<prop::sample::Index>(), 2..6),
    ) {
        let records: Vec<Generated> = records.into_iter().chain(pretty).collect();
        let bytes = seq_stream(&records);
        // A text that fails to parse, or that lost its LF, is reported, never dropped.
        let expected: Vec<(String, bool)> =
            records.iter().map(|r| (r.text.clone(), !r.valid || r.truncated)).collect();
        // A record is out at its LF, not only at the next RS; one that no LF ended waits for the end.
        let held = usize::from(records.last().is_some_and(|r| r.truncated || r.unclosed));
        every_cutting(RecordFraming::JsonSeq, &bytes, &expected, held, &cuts(&random, bytes.len()))?;
    }
}

/// The framing written by the model, checked by hand on one small case of each.
#[test]
fn the_model_frames_known_records() {
    let record = |text: &str, valid, noise, crlf, truncated| Generated {
        text: text.to_owned(),
        valid,
        noise,
        crlf,
        truncated,
        unclosed: false,
    };
    let records = [
        record("{\"a\":1}", true, 2, true, false),
        record("[1,", false, 0, false, true),
        record("2", true, 0, false, false),
    ];
    assert_eq!(
        lines_stream(&records, false),
        b"\n \t\r\n{\"a\":1}\r\n[1,\n2"
    );
    assert_eq!(
        seq_stream(&records),
        b"\x1E\x1E\x1E{\"a\":1}\r\n  \n\t\x1E[1,\x1E2\n"
    );
    let records_out = vec![
        ("{\"a\":1}".to_owned(), false),
        ("[1,".to_owned(), true),
        ("2".to_owned(), false),
    ];
    let expected = (records_out, 1);
    assert_eq!(
        summary(split(
            RecordFraming::Lines,
            &lines_stream(&records, false),
            &[]
        )),
        expected
    );
    assert_eq!(
        summary(split(RecordFraming::JsonSeq, &seq_stream(&records), &[])),
        (expected.0, 0)
    );
}
