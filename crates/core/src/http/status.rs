//! Status codes: the standard reason phrases (browsers give none over HTTP/2) and what each class means.

/// The reason phrase registered for a status code (IANA HTTP Status Code Registry), if any.
pub fn reason_phrase(code: u16) -> Option<&'static str> {
    let phrase = match code {
        100 => "Continue",
        101 => "Switching Protocols",
        102 => "Processing",
        103 => "Early Hints",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        203 => "Non-Authoritative Information",
        204 => "No Content",
        205 => "Reset Content",
        206 => "Partial Content",
        207 => "Multi-Status",
        208 => "Already Reported",
        226 => "IM Used",
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        305 => "Use Proxy",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        418 => "I'm a teapot",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ => return None,
    };
    Some(phrase)
}

/// The five classes of status codes (RFC 9110 section 15).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusClass {
    Informational,
    Success,
    Redirection,
    ClientError,
    ServerError,
}

impl StatusClass {
    pub fn of(code: u16) -> Option<StatusClass> {
        Some(match code {
            100..=199 => StatusClass::Informational,
            200..=299 => StatusClass::Success,
            300..=399 => StatusClass::Redirection,
            400..=499 => StatusClass::ClientError,
            500..=599 => StatusClass::ServerError,
            _ => return None,
        })
    }

    /// A name usable as a CSS class or test hook.
    pub fn slug(self) -> &'static str {
        match self {
            StatusClass::Informational => "info",
            StatusClass::Success => "success",
            StatusClass::Redirection => "redirect",
            StatusClass::ClientError => "client-error",
            StatusClass::ServerError => "server-error",
        }
    }

    /// One sentence a learner can act on.
    pub fn meaning(self) -> &'static str {
        match self {
            StatusClass::Informational => {
                "1xx Informational: the request was received and the server is continuing to process it."
            }
            StatusClass::Success => {
                "2xx Success: the request was received, understood and accepted."
            }
            StatusClass::Redirection => {
                "3xx Redirection: further action, usually following the Location header, is needed to complete the request."
            }
            StatusClass::ClientError => {
                "4xx Client error: the request is wrong (bad syntax, missing authorisation, unknown resource) and should be changed before retrying."
            }
            StatusClass::ServerError => {
                "5xx Server error: the server failed to fulfil a valid request; retrying later may work."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_registered_code_has_the_class_of_its_first_digit() {
        for code in 100..600u16 {
            if reason_phrase(code).is_some() {
                let class = StatusClass::of(code).expect("registered codes are in a class");
                assert_eq!(
                    class.slug(),
                    StatusClass::of(code / 100 * 100).expect("x00").slug()
                );
            }
        }
        assert_eq!(StatusClass::of(99), None);
        assert_eq!(StatusClass::of(600), None);
    }

    #[test]
    fn common_reason_phrases() {
        let cases = [
            (200, Some("OK")),
            (404, Some("Not Found")),
            (418, Some("I'm a teapot")),
            (299, None),
        ];
        for (code, phrase) in cases {
            assert_eq!(reason_phrase(code), phrase, "code {code}");
        }
    }
}
