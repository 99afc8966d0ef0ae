//! Server-sent events against a model of the WHATWG interpretation rules: random streams are generated as
//! lines (fields, comments, blank lines, each with its own line end), the events they must give are worked
//! out from those lines, and the parser must give exactly those events however the bytes are cut: whole,
//! byte by byte, at every position into two pieces, and into a few random pieces.

use proptest::prelude::*;
use reqlab_core::stream::{SseEvent, SseParser};

/// One line of a generated stream, as the model sees it.
#[derive(Clone, Debug)]
enum Line {
    Comment(String),
    Data(String),
    /// A data value given as bytes, invalid UTF-8 included.
    RawData(Vec<u8>),
    Event(String),
    Id(String),
    /// An id whose value holds NUL: to be ignored.
    IdWithNul(String, String),
    Retry(String),
    Unknown(String, String),
    /// A field name alone, without colon.
    Bare(String),
    Blank,
}

#[derive(Clone, Copy, Debug)]
enum Ending {
    Lf,
    Cr,
    CrLf,
}

#[derive(Clone, Debug)]
struct Stream {
    /// How many bytes of the BOM start the stream: 3 is a BOM, 1 or 2 only the start of one.
    bom: usize,
    /// Each line, its line end, and whether it writes its colon without the space after it.
    lines: Vec<(Line, Ending, bool)>,
    /// The last line has no line end: the stream stops in it.
    cut_last: bool,
}

/// What the parser must report for a stream.
#[derive(Debug, Default, PartialEq)]
struct Outcome {
    events: Vec<SseEvent>,
    discarded: bool,
    last_event_id: String,
    retry: Option<u64>,
    comments: u64,
}

const KNOWN: [&str; 4] = ["data", "event", "id", "retry"];

fn value() -> impl Strategy<Value = String> {
    prop_oneof!["[^\r\n]{0,12}", "[ a-z:]{0,6}", "[\u{80}-\u{10FFFF}]{0,4}"]
}

fn unknown_name() -> impl Strategy<Value = String> {
    // Not a known name (case counts: `Data` is unknown), no colon, and not starting with U+FEFF, which at
    // the very start of the stream would read as a BOM.
    "[^:\r\n]{1,6}".prop_filter("an unknown name", |n| {
        !KNOWN.contains(&n.as_str()) && !n.starts_with('\u{feff}')
    })
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        4 => Just(Line::Blank),
        4 => value().prop_map(Line::Data),
        1 => prop::collection::vec(any::<u8>().prop_filter("no line end", |b| *b != b'\r' && *b != b'\n'), 0..8)
            .prop_map(Line::RawData),
        2 => "[^\r\n]{0,10}".prop_map(Line::Comment),
        2 => value().prop_map(Line::Event),
        2 => "[^\r\n\0]{0,6}".prop_map(Line::Id),
        1 => ("[^\r\n]{0,3}", "[^\r\n]{0,3}").prop_map(|(a, b)| Line::IdWithNul(a, b)),
        1 => prop_oneof!["[0-9]{1,9}", "[0-9 a-z.+-]{0,4}", " [0-9]{1,3}"].prop_map(Line::Retry),
        1 => (unknown_name(), value()).prop_map(|(n, v)| Line::Unknown(n, v)),
        1 => prop_oneof![Just("data".to_owned()), Just("event".to_owned()), Just("id".to_owned()),
                         Just("retry".to_owned()), unknown_name()].prop_map(Line::Bare),
    ]
}

fn ending() -> impl Strategy<Value = Ending> {
    prop_oneof![Just(Ending::Lf), Just(Ending::Cr), Just(Ending::CrLf)]
}

fn stream() -> impl Strategy<Value = Stream> {
    (
        prop_oneof![3 => Just(0usize), 3 => Just(3), 1 => 1..3usize],
        prop::collection::vec((line(), ending(), any::<bool>()), 0..40),
        any::<bool>(),
    )
        .prop_map(|(bom, lines, cut_last)| Stream {
            bom,
            lines,
            cut_last,
        })
}

impl Stream {
    fn bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(&b"\xEF\xBB\xBF"[..self.bom]);
        let mut previous = Ending::Lf;
        for (i, (line, ending, tight)) in self.lines.iter().enumerate() {
            let mut field = |name: &str, value: &[u8]| {
                out.extend_from_slice(name.as_bytes());
                // Without the space only when the value does not start with one, which would be removed.
                out.extend_from_slice(if *tight && value.first() != Some(&b' ') {
                    b":"
                } else {
                    b": "
                });
                out.extend_from_slice(value);
            };
            match line {
                Line::Comment(text) => {
                    out.push(b':');
                    out.extend_from_slice(text.as_bytes());
                }
                Line::Data(v) => field("data", v.as_bytes()),
                Line::RawData(v) => field("data", v),
                Line::Event(v) => field("event", v.as_bytes()),
                Line::Id(v) => field("id", v.as_bytes()),
                Line::IdWithNul(a, b) => field("id", format!("{a}\0{b}").as_bytes()),
                Line::Retry(v) => field("retry", v.as_bytes()),
                Line::Unknown(n, v) => field(n, v.as_bytes()),
                Line::Bare(n) => out.extend_from_slice(n.as_bytes()),
                Line::Blank => {}
            }
            if self.cut_last && i + 1 == self.lines.len() {
                break;
            }
            // CR then an empty line ended by LF would be one CRLF: that blank line ends with CR instead.
            let ending = match (previous, line, ending) {
                (Ending::Cr, Line::Blank, Ending::Lf) => Ending::Cr,
                _ => *ending,
            };
            out.extend_from_slice(match ending {
                Ending::Lf => b"\n",
                Ending::Cr => b"\r",
                Ending::CrLf => b"\r\n",
            });
            previous = ending;
        }
        out
    }

    /// The spec's interpretation, applied to the lines as generated.
    fn expected(&self) -> Outcome {
        let mut outcome = Outcome::default();
        let (mut data, mut event_type, mut id_buffer) =
            (String::new(), String::new(), String::new());
        for (i, (line, _, _)) in self.lines.iter().enumerate() {
            // The start of a BOM that is not one is no BOM: its bytes (U+FFFD) begin the first line, which
            // makes it a field of an unknown name, whatever it was.
            let unknown = Line::Unknown(String::new(), String::new());
            let line = if i == 0 && matches!(self.bom, 1 | 2) {
                &unknown
            } else {
                line
            };
            if self.cut_last && i + 1 == self.lines.len() {
                // The stream stops inside this line: it is never interpreted.
                let data_line = match line {
                    Line::Data(_) | Line::RawData(_) => true,
                    Line::Bare(name) => name == "data",
                    _ => false,
                };
                outcome.discarded = !data.is_empty() || data_line;
                break;
            }
            match line {
                Line::Comment(_) => outcome.comments += 1,
                Line::Data(v) => {
                    data.push_str(v);
                    data.push('\n');
                }
                Line::RawData(v) => {
                    data.push_str(&String::from_utf8_lossy(v));
                    data.push('\n');
                }
                Line::Event(v) => event_type = v.clone(),
                Line::Id(v) => id_buffer = v.clone(),
                Line::IdWithNul(..) | Line::Unknown(..) => {}
                Line::Retry(v) => {
                    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
                        outcome.retry = v.parse().ok();
                    }
                }
                Line::Bare(name) => match name.as_str() {
                    "data" => data.push('\n'),
                    "event" => event_type.clear(),
                    "id" => id_buffer.clear(),
                    _ => {}
                },
                Line::Blank => {
                    outcome.last_event_id = id_buffer.clone();
                    if !data.is_empty() {
                        data.pop();
                        outcome.events.push(SseEvent {
                            event: if event_type.is_empty() {
                                "message".to_owned()
                            } else {
                                event_type.clone()
                            },
                            data: data.clone(),
                            id: id_buffer.clone(),
                        });
                    }
                    data.clear();
                    event_type.clear();
                }
            }
            if i + 1 == self.lines.len() {
                outcome.discarded = !data.is_empty();
            }
        }
        outcome
    }
}

/// Feeds the stream in the pieces between `cuts` (increasing offsets).
fn parse_in_pieces(bytes: &[u8], cuts: &[usize]) -> Outcome {
    let mut parser = SseParser::new();
    let mut events = Vec::new();
    let mut start = 0;
    for &cut in cuts.iter().chain([bytes.len()].iter()) {
        parser.feed(&bytes[start..cut], &mut events);
        start = cut;
    }
    let (last_event_id, retry, comments) = (
        parser.last_event_id().to_owned(),
        parser.retry_ms(),
        parser.comments(),
    );
    let discarded = parser.finish();
    Outcome {
        events,
        discarded,
        last_event_id,
        retry,
        comments,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_cutting_gives_the_models_events(
        stream in stream(),
        random_cuts in prop::collection::vec(any::<prop::sample::Index>(), 2..6),
    ) {
        let bytes = stream.bytes();
        let expected = stream.expected();
        prop_assert_eq!(&parse_in_pieces(&bytes, &[]), &expected, "whole");
        let every_byte: Vec<usize> = (1..bytes.len()).collect();
        prop_assert_eq!(&parse_in_pieces(&bytes, &every_byte), &expected, "byte by byte");
        for cut in 0..=bytes.len() {
            prop_assert_eq!(&parse_in_pieces(&bytes, &[cut]), &expected, "cut at {}", cut);
        }
        let mut cuts: Vec<usize> = random_cuts.iter().map(|i| i.index(bytes.len() + 1)).collect();
        cuts.sort_unstable();
        prop_assert_eq!(&parse_in_pieces(&bytes, &cuts), &expected, "cuts at {:?}", cuts);
    }
}

/// The model itself, on streams whose events are known by hand: if it were wrong, the property above
/// would compare the parser with a wrong expectation.
#[test]
fn the_model_reads_known_streams() {
    let stream = Stream {
        bom: 3,
        lines: vec![
            (Line::Comment(" hi".into()), Ending::CrLf, false),
            (Line::Event("add".into()), Ending::Cr, true),
            (Line::Data(" x".into()), Ending::Lf, true),
            (Line::Bare("data".into()), Ending::Lf, false),
            (Line::Id("7".into()), Ending::Cr, false),
            (Line::Blank, Ending::Lf, false),
            (
                Line::IdWithNul("8".into(), String::new()),
                Ending::Lf,
                false,
            ),
            (Line::Retry("250".into()), Ending::Lf, false),
            (Line::Data("y".into()), Ending::Lf, false),
            (Line::Blank, Ending::CrLf, false),
            (Line::Data("z".into()), Ending::Lf, false),
        ],
        cut_last: true,
    };
    assert_eq!(
        stream.bytes(),
        b"\xEF\xBB\xBF: hi\r\nevent:add\rdata:  x\ndata\nid: 7\r\rid: 8\0\nretry: 250\ndata: y\n\r\ndata: z"
    );
    let events = vec![
        SseEvent {
            event: "add".into(),
            data: " x\n".into(),
            id: "7".into(),
        },
        SseEvent {
            event: "message".into(),
            data: "y".into(),
            id: "7".into(),
        },
    ];
    let expected = Outcome {
        events,
        discarded: true,
        last_event_id: "7".into(),
        retry: Some(250),
        comments: 1,
    };
    assert_eq!(stream.expected(), expected);
    assert_eq!(parse_in_pieces(&stream.bytes(), &[]), expected);

    // Two bytes of a BOM: the comment line becomes a field of an unknown name, and is not counted.
    let stream = Stream { bom: 2, ..stream };
    assert_eq!(stream.bytes()[..4], *b"\xEF\xBB: ");
    let expected = Outcome {
        comments: 0,
        ..expected
    };
    assert_eq!(stream.expected(), expected);
    assert_eq!(parse_in_pieces(&stream.bytes(), &[]), expected);
}
