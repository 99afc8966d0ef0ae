//! Render stage UI: pretty JSON formatted a slice at a time. The first screen is formatted at once; the rest
//! in slices of a few milliseconds with the browser free in between, so a body of any size shows at once,
//! scrolls while it is being formatted, and no task runs long (PRODUCT.md: none over 50 ms).

use reqlab_core::render::json::{Check, Reindenter};
use reqlab_core::render::response::Response;
use reqlab_core::render::response_body::LineIndex;
use std::borrow::Cow;
use std::sync::Arc;

/// Input formatted before the first screen: far more than a screen of lines, a millisecond or two of work.
pub const FIRST_PIECE: usize = 64 * 1024;
/// Input per step; a slice takes steps until its time is up.
pub const STEP: usize = 32 * 1024;

/// Where formatting stands, as a signal can carry it cheaply (each new signal type adds code to the page):
/// `Some(percent)` while it runs, [`INVALID`] when the body turned out not to be JSON, `None` when done.
pub type Formatting = Option<u32>;
/// The body is not JSON after all (checked alongside formatting); [`PrettyJson::invalid`] says why.
pub const INVALID: Formatting = Some(u32::MAX);

/// The body (UTF-8 JSON bytes) and what has been formatted and indexed of it so far.
pub struct PrettyJson {
    response: Arc<Response>,
    out: Vec<u8>,
    index: LineIndex,
    reindenter: Reindenter,
    fed: usize,
    check: Check,
    /// Bytes known to be UTF-8 (JSON is UTF-8; the lines are decoded one by one as they are shown).
    utf8_ok: usize,
    /// Why the body is not JSON, once that is found.
    invalid: String,
}

impl PrettyJson {
    pub fn new(response: Arc<Response>) -> PrettyJson {
        // Pretty output is usually a little larger than the input; reserving it avoids copying a large
        // buffer each time it would double.
        let len = response.body.len();
        PrettyJson {
            response,
            out: Vec::with_capacity(len + len / 2),
            index: LineIndex::empty(),
            reindenter: Reindenter::new(2),
            fed: 0,
            check: Check::default(),
            utf8_ok: 0,
            invalid: String::new(),
        }
    }

    /// Formats, indexes and checks about `bytes` more bytes of the body.
    pub fn step(&mut self, bytes: usize) -> Formatting {
        let body = &self.response.body;
        let end = self.fed.saturating_add(bytes).min(body.len());
        let written = self.out.len();
        self.reindenter.feed(&body[self.fed..end], &mut self.out);
        self.fed = end;
        let last = end == body.len();
        if last {
            self.reindenter.finish(&mut self.out);
        }
        self.index.extend(&self.out[written..]);
        match std::str::from_utf8(&body[self.utf8_ok..end]) {
            Ok(_) => self.utf8_ok = end,
            // A character cut by the step's end is checked with the next step.
            Err(err) if err.error_len().is_none() && !last => self.utf8_ok += err.valid_up_to(),
            Err(_) => return self.refuse("The body is not UTF-8 text.".into()),
        }
        let budget = if last {
            usize::MAX
        } else {
            end.saturating_sub(self.check.checked())
        };
        match self.check.advance(body, budget.max(1)) {
            Err(err) => self.refuse(err.to_string()),
            Ok(true) if last => None,
            Ok(_) => Some(percent(end, body.len())),
        }
    }

    fn refuse(&mut self, why: String) -> Formatting {
        self.invalid = why;
        INVALID
    }

    /// Why the body is not JSON (empty while it may be).
    pub fn invalid(&self) -> &str {
        &self.invalid
    }

    pub fn line_count(&self) -> usize {
        self.index.line_count()
    }

    /// The formatted text so far (what search reads).
    pub fn formatted(&self) -> &[u8] {
        &self.out
    }

    /// The line of the formatted text that holds byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.index.line_of(offset)
    }

    /// Line `n` of the formatted text; a line cut by the latest step shows what is there so far.
    pub fn line(&self, n: usize) -> Cow<'_, str> {
        String::from_utf8_lossy(self.index.line_bytes(&self.out, n))
    }
}

/// `part` of `whole` in whole percent (integers: float printing would cost the page about 10 KB).
fn percent(part: usize, whole: usize) -> u32 {
    (part as u64 * 100 / whole.max(1) as u64) as u32
}
