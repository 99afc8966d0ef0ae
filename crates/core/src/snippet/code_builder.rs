//! Snippet stage helper: collects lines at indentation levels so targets never count spaces themselves.

pub struct CodeBuilder {
    indent: String,
    lines: Vec<String>,
}

impl CodeBuilder {
    pub fn new(indent_width: usize) -> Self {
        CodeBuilder {
            indent: " ".repeat(indent_width),
            lines: Vec::new(),
        }
    }

    /// Appends one line at `level` levels of indentation.
    pub fn line(&mut self, level: usize, text: impl AsRef<str>) -> &mut Self {
        let text = text.as_ref();
        self.lines.push(if text.is_empty() {
            String::new()
        } else {
            format!("{}{}", self.indent.repeat(level), text)
        });
        self
    }

    pub fn blank(&mut self) -> &mut Self {
        self.lines.push(String::new());
        self
    }

    /// The code, ending with exactly one newline.
    pub fn finish(&self) -> String {
        let mut code = self.lines.join("\n");
        code.push('\n');
        code
    }
}
