//! Two answers compared: status, headers, and the body (JSON by path, text by line).
