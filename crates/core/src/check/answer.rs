//! The answer as checks see it: a borrowed view, so the page's response and the CLI's both fit without a copy.

/// What came back from one send.
#[derive(Clone, Copy, Debug)]
pub struct Answer<'a> {
    pub status: u16,
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
    /// From the send to the last byte.
    pub elapsed_ms: f64,
}

impl Answer<'_> {
    /// Every value of header `name` (any case), joined as RFC 9110 §5.3 allows a recipient to: `, `.
    /// `None` when the answer has no such header.
    pub fn header(&self, name: &str) -> Option<String> {
        let values: Vec<&str> = self
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    }

    /// The body as text: invalid UTF-8 shown as U+FFFD, as the viewer does.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(self.body).into_owned()
    }
}
