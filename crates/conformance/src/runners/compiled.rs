//! Runners for compiled and other languages (Go, C, Ruby, PHP, Java, Kotlin), each from Debian's packages.
//! Compilers write only into the snippet's directory, so nothing outside the test's temp dir changes.

use super::{interpreter, Runner};
use std::path::Path;
use std::process::Command;

/// Where Debian's php-guzzlehttp-guzzle puts its autoloader.
const GUZZLE_AUTOLOAD: &str = "/usr/share/php/GuzzleHttp/autoload.php";

/// OkHttp 3 and Okio from Debian's libokhttp-java and libokio-java.
const OKHTTP_CLASSPATH: &str = "/usr/share/java/okhttp.jar:/usr/share/java/okio.jar";

/// Each snippet is a short-lived JVM: the quick C1 compiler and the serial collector start it faster.
const JAVA_QUICK_START: &[&str] = &["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];

pub fn runners() -> Vec<Runner> {
    vec![
        Runner {
            target: "go-native",
            command: |snippet, dir| {
                // Standard library only: no module download, and a build cache inside the temp dir.
                let mut command = Command::new("go");
                command
                    .arg("run")
                    .arg(snippet)
                    .current_dir(dir)
                    .env("GOCACHE", dir.join(".gocache"))
                    .env("GOPATH", dir.join(".gopath"))
                    .env("GO111MODULE", "off");
                command
            },
            unsupported: &[],
        },
        Runner {
            target: "c-libcurl",
            command: |snippet, dir| {
                shell(
                    "gcc -Wall -Werror -o \"$1.out\" \"$1\" -lcurl && \"$1.out\"",
                    snippet,
                    dir,
                )
            },
            unsupported: &[],
        },
        Runner {
            target: "ruby-net-http",
            command: |snippet, dir| interpreter("ruby", &["-W:no-deprecated"], snippet, dir),
            unsupported: &[],
        },
        Runner {
            target: "php-curl",
            command: |snippet, dir| interpreter("php", &[], snippet, dir),
            unsupported: &[],
        },
        Runner {
            target: "php-guzzle",
            // Guzzle from Debian's package, behind the `vendor/autoload.php` a Composer project would have.
            command: |snippet, dir| {
                shell(
                    &format!(
                        "mkdir -p vendor && echo \"<?php require '{GUZZLE_AUTOLOAD}';\" > vendor/autoload.php && php \"$1\""
                    ),
                    snippet,
                    dir,
                )
            },
            unsupported: &[],
        },
        Runner {
            target: "java-httpclient",
            // Java 11+ runs a single source file directly.
            command: |snippet, dir| interpreter("java", JAVA_QUICK_START, snippet, dir),
            unsupported: &[(
                "header_value_utf8",
                "HttpClient writes header lines as US-ASCII (\"?\" for other characters) and refuses \
                 characters beyond Latin-1: the snippet leaves those headers out",
            )],
        },
        Runner {
            target: "java-okhttp",
            command: |snippet, dir| {
                let mut command = interpreter("java", JAVA_QUICK_START, snippet, dir);
                command.env("CLASSPATH", OKHTTP_CLASSPATH);
                command
            },
            unsupported: &[],
        },
    ]
}

/// `sh -c SCRIPT` in `dir`; the snippet's path is `$1` inside the script.
fn shell(script: &str, snippet: &Path, dir: &Path) -> Command {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(script)
        .arg("sh")
        .arg(snippet)
        .current_dir(dir);
    command
}

/// The quoting functions of these languages, executed: random hostile strings become literals in one program
/// per language, the real compiler or interpreter prints each literal's bytes back, and they must be the
/// original bytes.
#[cfg(test)]
mod quoting {
    use reqlab_core::snippet::quote::c_like::{c_str, go_str, java_str, kotlin_str};
    use reqlab_core::snippet::quote::php::php_str;
    use reqlab_core::snippet::quote::ruby::ruby_str;
    use std::process::Command;

    const COUNT: usize = 1500;

    /// Pieces that break naive quoting in at least one of these languages.
    const HOSTILE: &[&str] = &[
        "'", "\"", "\\", "\\\\", "$", "$x", "${x}", "{$x}", "#{x}", "#@x", "#$x", "\\(x)", "`id`",
        "$(id)", "??/", "??=", "?", "\\u000a", "\\u0022", "\\x41", "\\0", "\0", "\x01", "\x7f",
        "\n", "\r", "\t", "\r\n", "%", "%d", "{a,b}", "!", "é", "日本", "🦀", "\u{202e}",
        "\u{2028}", "\u{feff}", "\u{85}", "\u{ad}", "0", "7", "f", "F", "*/", "/*", "//", "<?php",
        "?>", "__END__",
    ];

    /// A small deterministic generator: the same strings on every run.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    fn strings() -> Vec<String> {
        let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
        (0..COUNT)
            .map(|_| {
                let pieces = rng.next() % 8;
                (0..pieces)
                    .map(|_| match rng.next() % 4 {
                        0 => char::from_u32((rng.next() % 0x80) as u32)
                            .unwrap_or('x')
                            .to_string(),
                        1 => char::from_u32((rng.next() % 0x3000) as u32)
                            .unwrap_or('x')
                            .to_string(),
                        _ => HOSTILE[(rng.next() % HOSTILE.len() as u64) as usize].to_string(),
                    })
                    .collect()
            })
            .collect()
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Writes `source` as `file` in a fresh temp dir, runs `script` there with `sh -c`, and compares each
    /// printed line with the hex of the original string.
    fn check(language: &str, file: &str, source: &str, script: &str) {
        let dir =
            std::env::temp_dir().join(format!("reqlab-quoting-{language}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(dir.join(file), source).expect("write program");
        let output = Command::new("sh")
            .arg("-c")
            .arg(script)
            .current_dir(&dir)
            .env("GOCACHE", dir.join(".gocache"))
            .env("GO111MODULE", "off")
            .output()
            .unwrap_or_else(|e| panic!("cannot run {language}: {e}"));
        std::fs::remove_dir_all(&dir).ok();
        assert!(
            output.status.success(),
            "{language} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let printed = String::from_utf8_lossy(&output.stdout);
        let lines: Vec<&str> = printed.lines().collect();
        let expected = strings();
        assert_eq!(lines.len(), expected.len(), "{language}: line count");
        for (line, original) in lines.iter().zip(&expected) {
            assert_eq!(
                *line,
                hex(original.as_bytes()),
                "{language} changed {original:?}"
            );
        }
    }

    fn literals(quote: fn(&str) -> String, separator: &str) -> String {
        strings()
            .iter()
            .map(|s| quote(s))
            .collect::<Vec<_>>()
            .join(separator)
    }

    #[test]
    fn c_literals_compile_to_the_same_bytes() {
        let items = strings()
            .iter()
            .map(|s| format!("    S({}),", c_str(s)))
            .collect::<Vec<_>>()
            .join("\n");
        let source = format!(
            "#include <stdio.h>\n#define S(x) {{ x, sizeof(x) - 1 }}\nstruct lit {{ const char *p; size_t n; }};\n\
             static const struct lit all[] = {{\n{items}\n}};\nint main(void)\n{{\n    \
             for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {{\n        \
             for (size_t j = 0; j < all[i].n; j++)\n            printf(\"%02x\", (unsigned char)all[i].p[j]);\n        \
             printf(\"\\n\");\n    }}\n    return 0;\n}}\n"
        );
        // -std=c11 turns trigraphs on: the quoting must hold there too.
        check(
            "c",
            "q.c",
            &source,
            "gcc -std=c11 -Wall -Werror -o q q.c && ./q",
        );
    }

    #[test]
    fn go_literals_compile_to_the_same_bytes() {
        let source = format!(
            "package main\n\nimport \"fmt\"\n\nvar all = []string{{\n{},\n}}\n\nfunc main() {{\n\tfor _, s := range all {{\n\t\tfmt.Printf(\"%x\\n\", s)\n\t}}\n}}\n",
            literals(go_str, ",\n")
        );
        check("go", "q.go", &source, "go run q.go");
    }

    #[test]
    fn java_literals_compile_to_the_same_bytes() {
        let source = format!(
            "import java.nio.charset.StandardCharsets;\n\npublic class Q {{\n    static final String[] ALL = {{\n{}\n    }};\n\n    \
             public static void main(String[] args) {{\n        for (String s : ALL) {{\n            StringBuilder b = new StringBuilder();\n            \
             for (byte x : s.getBytes(StandardCharsets.UTF_8)) b.append(String.format(\"%02x\", x));\n            \
             System.out.println(b);\n        }}\n    }}\n}}\n",
            literals(java_str, ",\n")
        );
        // Run under an ASCII locale: the literals must not depend on the platform encoding.
        check(
            "java",
            "Q.java",
            &source,
            "LC_ALL=C java -XX:TieredStopAtLevel=1 Q.java",
        );
    }

    #[test]
    fn kotlin_literals_compile_to_the_same_bytes() {
        let source = format!(
            "val all = arrayOf(\n{}\n)\n\nfun main() {{\n    for (s in all) println(s.toByteArray().joinToString(\"\") {{ \"%02x\".format(it) }})\n}}\n",
            literals(kotlin_str, ",\n")
        );
        check(
            "kotlin",
            "q.kt",
            &source,
            "kotlinc -nowarn q.kt -d out 2>/dev/null && java -cp out:/usr/share/java/kotlin-stdlib.jar QKt",
        );
    }

    #[test]
    fn ruby_literals_evaluate_to_the_same_bytes() {
        let source = format!(
            "[\n{}\n].each {{ |s| puts s.b.unpack1(\"H*\") }}\n",
            literals(ruby_str, ",\n")
        );
        check("ruby", "q.rb", &source, "ruby q.rb");
    }

    #[test]
    fn php_literals_evaluate_to_the_same_bytes() {
        let source = format!(
            "<?php\nforeach ([\n{}\n] as $s) {{\n    echo bin2hex($s), \"\\n\";\n}}\n",
            literals(php_str, ",\n")
        );
        check("php", "q.php", &source, "php q.php");
    }

    #[test]
    fn the_sample_holds_every_hostile_piece() {
        let all = strings().concat();
        let missing: Vec<&&str> = HOSTILE.iter().filter(|p| !all.contains(**p)).collect();
        assert!(missing.is_empty(), "never generated: {missing:?}");
    }
}
