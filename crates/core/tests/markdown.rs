//! Markdown rendering for the OpenAPI reference view: CommonMark spec examples of the supported subset
//! (expected HTML written by hand, headings shifted to `<h4>`.., void tags as `<br>`/`<hr>`, external links
//! with `rel` and `target`), the safety rules, hostile input in bounded time, and a property test that no
//! input gets markup or script through.

use proptest::prelude::*;
use reqlab_core::render::markdown::to_html;
use std::time::{Duration, Instant};

const EXT: &str = r#" rel="noopener noreferrer" target="_blank""#;

fn check(cases: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (markdown, expected) in cases {
        let expected = expected.replace("{EXT}", EXT);
        let got = to_html(markdown);
        if got != expected {
            failures.push(format!(
                "markdown: {markdown:?}\nexpected: {expected:?}\n     got: {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn headings() {
    check(&[
        ("# foo", "<h4>foo</h4>\n"),
        ("## foo", "<h5>foo</h5>\n"),
        ("### foo", "<h6>foo</h6>\n"),
        ("###### foo", "<h6>foo</h6>\n"),
        ("####### foo", "<p>####### foo</p>\n"),
        ("#5 bolt\n\n#hashtag", "<p>#5 bolt</p>\n<p>#hashtag</p>\n"),
        ("\\## foo", "<p>## foo</p>\n"),
        ("# foo *bar* \\*baz\\*", "<h4>foo <em>bar</em> *baz*</h4>\n"),
        (
            "#                  foo                     ",
            "<h4>foo</h4>\n",
        ),
        (
            "## foo ##\n  ###   bar    ###",
            "<h5>foo</h5>\n<h6>bar</h6>\n",
        ),
        ("# foo#", "<h4>foo#</h4>\n"),
        ("### foo \\###", "<h6>foo ###</h6>\n"),
        ("****\n## foo\n****", "<hr>\n<h5>foo</h5>\n<hr>\n"),
        ("## \n#\n### ###", "<h5></h5>\n<h4></h4>\n<h6></h6>\n"),
        ("Foo *bar*\n=========", "<h4>Foo <em>bar</em></h4>\n"),
        ("Foo *bar\nbaz*\n====", "<h4>Foo <em>bar\nbaz</em></h4>\n"),
        (
            "Foo\n-------------------------\n\nFoo\n=",
            "<h5>Foo</h5>\n<h4>Foo</h4>\n",
        ),
        (
            "Foo\n= =\n\nFoo\n--- -",
            "<p>Foo\n= =</p>\n<p>Foo</p>\n<hr>\n",
        ),
    ]);
}

#[test]
fn paragraphs_and_breaks() {
    check(&[
        ("aaa\n\nbbb", "<p>aaa</p>\n<p>bbb</p>\n"),
        ("aaa\nbbb\n\nccc\nddd", "<p>aaa\nbbb</p>\n<p>ccc\nddd</p>\n"),
        ("  aaa\n bbb", "<p>aaa\nbbb</p>\n"),
        ("aaa     \nbbb     ", "<p>aaa<br>\nbbb</p>\n"),
        ("foo  \nbar", "<p>foo<br>\nbar</p>\n"),
        ("foo\\\nbar", "<p>foo<br>\nbar</p>\n"),
        ("foo       \n     bar", "<p>foo<br>\nbar</p>\n"),
        ("*foo  \nbar*", "<p><em>foo<br>\nbar</em></p>\n"),
        ("foo \nbaz", "<p>foo\nbaz</p>\n"),
        ("foo\\", "<p>foo\\</p>\n"),
        ("a\r\nb\rc", "<p>a\nb\nc</p>\n"),
        ("", ""),
    ]);
}

#[test]
fn emphasis() {
    check(&[
        ("*foo bar*", "<p><em>foo bar</em></p>\n"),
        ("a * foo bar*", "<p>a * foo bar*</p>\n"),
        ("foo*bar*", "<p>foo<em>bar</em></p>\n"),
        ("_foo bar_", "<p><em>foo bar</em></p>\n"),
        ("foo_bar_", "<p>foo_bar_</p>\n"),
        ("snake_case_name", "<p>snake_case_name</p>\n"),
        ("**foo bar**", "<p><strong>foo bar</strong></p>\n"),
        ("__foo bar__", "<p><strong>foo bar</strong></p>\n"),
        ("foo**bar**", "<p>foo<strong>bar</strong></p>\n"),
        (
            "*foo**bar**baz*",
            "<p><em>foo<strong>bar</strong>baz</em></p>\n",
        ),
        (
            "***strong emph***",
            "<p><em><strong>strong emph</strong></em></p>\n",
        ),
        ("*foo**bar*", "<p><em>foo**bar</em></p>\n"),
        ("**foo*", "<p>*<em>foo</em></p>\n"),
        ("*foo**", "<p><em>foo</em>*</p>\n"),
        (
            "foo***bar***baz",
            "<p>foo<em><strong>bar</strong></em>baz</p>\n",
        ),
        ("*foo _bar* baz_", "<p><em>foo _bar</em> baz_</p>\n"),
        (
            "**foo \"*bar*\" foo**",
            "<p><strong>foo &quot;<em>bar</em>&quot; foo</strong></p>\n",
        ),
        ("*(*foo*)*", "<p><em>(<em>foo</em>)</em></p>\n"),
        (
            "** is not an empty emphasis",
            "<p>** is not an empty emphasis</p>\n",
        ),
    ]);
}

#[test]
fn code_spans() {
    check(&[
        ("`foo`", "<p><code>foo</code></p>\n"),
        ("`` foo ` bar ``", "<p><code>foo ` bar</code></p>\n"),
        ("` `` `", "<p><code>``</code></p>\n"),
        ("`  ``  `", "<p><code> `` </code></p>\n"),
        ("` a`", "<p><code> a</code></p>\n"),
        ("`  `", "<p><code>  </code></p>\n"),
        (
            "``\nfoo\nbar  \nbaz\n``",
            "<p><code>foo bar   baz</code></p>\n",
        ),
        ("`foo\\`bar`", "<p><code>foo\\</code>bar`</p>\n"),
        ("*foo`*`", "<p>*foo<code>*</code></p>\n"),
        ("```foo``", "<p>```foo``</p>\n"),
        ("`foo``bar``", "<p>`foo<code>bar</code></p>\n"),
        (
            "`<a href=\"x\">`",
            "<p><code>&lt;a href=&quot;x&quot;&gt;</code></p>\n",
        ),
        ("`&amp;`", "<p><code>&amp;amp;</code></p>\n"),
    ]);
}

#[test]
fn code_blocks() {
    check(&[
        (
            "    a simple\n      indented code block",
            "<pre><code>a simple\n  indented code block\n</code></pre>\n",
        ),
        (
            "    chunk1\n\n    chunk2\n  \n \n \n    chunk3\n\n",
            "<pre><code>chunk1\n\nchunk2\n\n\n\nchunk3\n</code></pre>\n",
        ),
        ("Foo\n    bar", "<p>Foo\nbar</p>\n"),
        ("```\n<\n >\n```", "<pre><code>&lt;\n &gt;\n</code></pre>\n"),
        ("~~~\naaa\n~~~", "<pre><code>aaa\n</code></pre>\n"),
        (
            "````\naaa\n```\n``````",
            "<pre><code>aaa\n```\n</code></pre>\n",
        ),
        ("```\naaa", "<pre><code>aaa\n</code></pre>\n"),
        (
            " ```\n aaa\naaa\n```",
            "<pre><code>aaa\naaa\n</code></pre>\n",
        ),
        (
            "```ruby\ndef foo(x)\n  return 3\nend\n```",
            "<pre><code class=\"language-ruby\">def foo(x)\n  return 3\nend\n</code></pre>\n",
        ),
        (
            "~~~ c++ startline=3\nx\n~~~",
            "<pre><code class=\"language-c++\">x\n</code></pre>\n",
        ),
        (
            "``` js\"onclick=\"alert(1)\nx\n```",
            "<pre><code>x\n</code></pre>\n",
        ),
        ("``` aa ```\nfoo", "<p><code>aa</code>\nfoo</p>\n"),
        (
            "foo\n```\nbar\n```\nbaz",
            "<p>foo</p>\n<pre><code>bar\n</code></pre>\n<p>baz</p>\n",
        ),
        (
            "```\n<script>alert(1)</script>\n```",
            "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n",
        ),
    ]);
}

#[test]
fn block_quotes() {
    check(&[
        (
            "> # Foo\n> bar\n> baz",
            "<blockquote>\n<h4>Foo</h4>\n<p>bar\nbaz</p>\n</blockquote>\n",
        ),
        (
            "># Foo\n>bar\n> baz",
            "<blockquote>\n<h4>Foo</h4>\n<p>bar\nbaz</p>\n</blockquote>\n",
        ),
        ("> bar\nbaz\n> foo", "<blockquote>\n<p>bar\nbaz\nfoo</p>\n</blockquote>\n"),
        ("> foo\n---", "<blockquote>\n<p>foo</p>\n</blockquote>\n<hr>\n"),
        (
            "> - foo\n- bar",
            "<blockquote>\n<ul>\n<li>foo</li>\n</ul>\n</blockquote>\n<ul>\n<li>bar</li>\n</ul>\n",
        ),
        ("> foo\n\n> bar", "<blockquote>\n<p>foo</p>\n</blockquote>\n<blockquote>\n<p>bar</p>\n</blockquote>\n"),
        (">", "<blockquote>\n</blockquote>\n"),
        ("> > > foo\nbar", "<blockquote>\n<blockquote>\n<blockquote>\n<p>foo\nbar</p>\n</blockquote>\n</blockquote>\n</blockquote>\n"),
        ("> ```\n> x\ny", "<blockquote>\n<pre><code>x\n</code></pre>\n</blockquote>\n<p>y</p>\n"),
    ]);
}

#[test]
fn lists() {
    check(&[
        ("- one\n\n two", "<ul>\n<li>one</li>\n</ul>\n<p>two</p>\n"),
        (
            "- one\n\n  two",
            "<ul>\n<li>\n<p>one</p>\n<p>two</p>\n</li>\n</ul>\n",
        ),
        (
            "- foo\n- bar\n+ baz",
            "<ul>\n<li>foo</li>\n<li>bar</li>\n</ul>\n<ul>\n<li>baz</li>\n</ul>\n",
        ),
        (
            "1. foo\n2. bar\n3) baz",
            "<ol>\n<li>foo</li>\n<li>bar</li>\n</ol>\n<ol start=\"3\">\n<li>baz</li>\n</ol>\n",
        ),
        (
            "- foo\n  - bar\n    - baz",
            "<ul>\n<li>foo\n<ul>\n<li>bar\n<ul>\n<li>baz</li>\n</ul>\n</li>\n</ul>\n</li>\n</ul>\n",
        ),
        (
            "- a\n- b\n\n- c",
            "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n<li>\n<p>c</p>\n</li>\n</ul>\n",
        ),
        (
            "* a\n*\n\n* c",
            "<ul>\n<li>\n<p>a</p>\n</li>\n<li></li>\n<li>\n<p>c</p>\n</li>\n</ul>\n",
        ),
        (
            "The number of windows in my house is\n14.  The number of doors is 6.",
            "<p>The number of windows in my house is\n14.  The number of doors is 6.</p>\n",
        ),
        (
            "- a\n - b\n  - c\n   - d\n    - e",
            "<ul>\n<li>a</li>\n<li>b</li>\n<li>c</li>\n<li>d\n- e</li>\n</ul>\n",
        ),
        (
            "10) foo\n    - bar",
            "<ol start=\"10\">\n<li>foo\n<ul>\n<li>bar</li>\n</ul>\n</li>\n</ol>\n",
        ),
        (
            "- a\n  ```\n  b\n\n\n  ```\n- c",
            "<ul>\n<li>a\n<pre><code>b\n\n\n</code></pre>\n</li>\n<li>c</li>\n</ul>\n",
        ),
        (
            "- a\n  > b\n  ```\n  c\n  ```\n- d",
            "<ul>\n<li>a\n<blockquote>\n<p>b</p>\n</blockquote>\n<pre><code>c\n</code></pre>\n</li>\n<li>d</li>\n</ul>\n",
        ),
        (
            "1.  A paragraph\n    with two lines.\n\n        indented code\n\n    > A block quote.",
            "<ol>\n<li>\n<p>A paragraph\nwith two lines.</p>\n<pre><code>indented code\n</code></pre>\n<blockquote>\n<p>A block quote.</p>\n</blockquote>\n</li>\n</ol>\n",
        ),
        ("-one\n\n2.two", "<p>-one</p>\n<p>2.two</p>\n"),
        (
            "- foo\n\n\n  bar",
            "<ul>\n<li>\n<p>foo</p>\n<p>bar</p>\n</li>\n</ul>\n",
        ),
        ("-\n  foo\n-\n\n  bar", "<ul>\n<li>foo</li>\n<li></li>\n</ul>\n<p>bar</p>\n"),
        (
            "- a\n2. b\n> c\n-",
            "<ul>\n<li>a</li>\n</ul>\n<ol start=\"2\">\n<li>b</li>\n</ol>\n<blockquote>\n<p>c</p>\n</blockquote>\n<ul>\n<li></li>\n</ul>\n",
        ),
        (
            "- a\n  - b\n\n    c\n- d",
            "<ul>\n<li>a\n<ul>\n<li>\n<p>b</p>\n<p>c</p>\n</li>\n</ul>\n</li>\n<li>d</li>\n</ul>\n",
        ),
        ("- # Foo\n- Bar\n  ---", "<ul>\n<li>\n<h4>Foo</h4>\n</li>\n<li>\n<h5>Bar</h5>\n</li>\n</ul>\n"),
    ]);
}

#[test]
fn thematic_breaks() {
    check(&[
        ("***\n---\n___", "<hr>\n<hr>\n<hr>\n"),
        ("+++", "<p>+++</p>\n"),
        ("--\n**\n__", "<p>--\n**\n__</p>\n"),
        (" - - -\n **  * ** * ** * **", "<hr>\n<hr>\n"),
        ("Foo\n***\nbar", "<p>Foo</p>\n<hr>\n<p>bar</p>\n"),
        (
            "- foo\n***\n- bar",
            "<ul>\n<li>foo</li>\n</ul>\n<hr>\n<ul>\n<li>bar</li>\n</ul>\n",
        ),
        ("_____________________________________", "<hr>\n"),
    ]);
}

#[test]
fn links() {
    check(&[
        (
            "[link](/uri \"title\")",
            "<p><a href=\"/uri\" title=\"title\">link</a></p>\n",
        ),
        ("[link](/uri)", "<p><a href=\"/uri\">link</a></p>\n"),
        ("[link]()", "<p><a href=\"\">link</a></p>\n"),
        ("[link](<>)", "<p><a href=\"\">link</a></p>\n"),
        ("[link](/my uri)", "<p>[link](/my uri)</p>\n"),
        (
            "[link](</my uri>)",
            "<p><a href=\"/my%20uri\">link</a></p>\n",
        ),
        ("[link](<foo\nbar>)", "<p>[link](&lt;foo\nbar&gt;)</p>\n"),
        ("[a](<b)c>)", "<p><a href=\"b)c\">a</a></p>\n"),
        ("[link](\\(foo\\))", "<p><a href=\"(foo)\">link</a></p>\n"),
        (
            "[link](foo(and(bar)))",
            "<p><a href=\"foo(and(bar))\">link</a></p>\n",
        ),
        ("[link](foo(and(bar))", "<p>[link](foo(and(bar))</p>\n"),
        ("[link](#fragment)", "<p><a href=\"#fragment\">link</a></p>\n"),
        (
            "[link](https://example.com#fragment)",
            "<p><a href=\"https://example.com#fragment\"{EXT}>link</a></p>\n",
        ),
        ("[link](foo\\bar)", "<p><a href=\"foo%5Cbar\">link</a></p>\n"),
        (
            "[link](/url 'title')\n[link](/url (title))",
            "<p><a href=\"/url\" title=\"title\">link</a>\n<a href=\"/url\" title=\"title\">link</a></p>\n",
        ),
        (
            "[link](/url \"title \\\"&quot;\")",
            "<p><a href=\"/url\" title=\"title &quot;&quot;\">link</a></p>\n",
        ),
        (
            "[link](   /uri\n  \"title\"  )",
            "<p><a href=\"/uri\" title=\"title\">link</a></p>\n",
        ),
        (
            "[link [foo [bar]]](/uri)",
            "<p><a href=\"/uri\">link [foo [bar]]</a></p>\n",
        ),
        ("[link] bar](/uri)", "<p>[link] bar](/uri)</p>\n"),
        (
            "[link *foo **bar** `#`*](/uri)",
            "<p><a href=\"/uri\">link <em>foo <strong>bar</strong> <code>#</code></em></a></p>\n",
        ),
        (
            "[foo [bar](/uri)](/uri)",
            "<p>[foo <a href=\"/uri\">bar</a>](/uri)</p>\n",
        ),
        ("*[foo*](/uri)", "<p>*<a href=\"/uri\">foo*</a></p>\n"),
        ("[foo *bar](baz*)", "<p><a href=\"baz*\">foo *bar</a></p>\n"),
        ("[foo`](/uri)`", "<p>[foo<code>](/uri)</code></p>\n"),
        ("[foo]\n\n[foo]: /url", "<p>[foo]</p>\n<p>[foo]: /url</p>\n"),
        (
            "[mail](mailto:a@example.com)",
            "<p><a href=\"mailto:a@example.com\"{EXT}>mail</a></p>\n",
        ),
        ("[up](../pets?a=1&b=2)", "<p><a href=\"../pets?a=1&amp;b=2\">up</a></p>\n"),
    ]);
}

#[test]
fn images_become_links_to_the_image() {
    check(&[
        (
            "![foo](/url \"title\")",
            "<p><a href=\"/url\" title=\"title\">foo</a></p>\n",
        ),
        (
            "![foo *bar*](train.jpg)",
            "<p><a href=\"train.jpg\">foo bar</a></p>\n",
        ),
        (
            "![foo [bar](/x)](https://x.test/t.png)",
            "<p><a href=\"https://x.test/t.png\"{EXT}>foo bar</a></p>\n",
        ),
        ("![](x.png)", "<p><a href=\"x.png\">x.png</a></p>\n"),
        ("![x](javascript:alert(1))", "<p>x</p>\n"),
        ("![x](data:image/png;base64,AAAA)", "<p>x</p>\n"),
        ("!foo", "<p>!foo</p>\n"),
        ("![foo]", "<p>![foo]</p>\n"),
    ]);
}

#[test]
fn autolinks() {
    check(&[
        (
            "<http://foo.bar.baz>",
            "<p><a href=\"http://foo.bar.baz\"{EXT}>http://foo.bar.baz</a></p>\n",
        ),
        (
            "<https://foo.bar.baz/test?q=hello&id=22&boolean>",
            "<p><a href=\"https://foo.bar.baz/test?q=hello&amp;id=22&amp;boolean\"{EXT}>https://foo.bar.baz/test?q=hello&amp;id=22&amp;boolean</a></p>\n",
        ),
        (
            "<foo@bar.example.com>",
            "<p><a href=\"mailto:foo@bar.example.com\"{EXT}>foo@bar.example.com</a></p>\n",
        ),
        ("<http://foo.bar/baz bim>", "<p>&lt;http://foo.bar/baz bim&gt;</p>\n"),
        ("<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n"),
        ("<>", "<p>&lt;&gt;</p>\n"),
        ("https://example.com", "<p>https://example.com</p>\n"),
        ("<foo\\+@bar.example.com>", "<p>&lt;foo+@bar.example.com&gt;</p>\n"),
    ]);
}

#[test]
fn escapes_entities_and_raw_html_as_text() {
    check(&[
        ("\\*not emphasized*", "<p>*not emphasized*</p>\n"),
        ("\\<br/> not a tag", "<p>&lt;br/&gt; not a tag</p>\n"),
        ("\\[not a link](/foo)", "<p>[not a link](/foo)</p>\n"),
        ("\\\\*emphasis*", "<p>\\<em>emphasis</em></p>\n"),
        ("\\→\\A\\a\\ \\3", "<p>\\→\\A\\a\\ \\3</p>\n"),
        ("`` \\[\\` ``", "<p><code>\\[\\`</code></p>\n"),
        (
            "&nbsp; &amp; &copy; &AElig; &#35; &#x22;",
            "<p>&nbsp; &amp; &copy; &AElig; &#35; &#x22;</p>\n",
        ),
        (
            "&copy AT&T &#; &#87654321;",
            "<p>&amp;copy AT&amp;T &amp;#; &amp;#87654321;</p>\n",
        ),
        (
            "\"quotes\" 'single'",
            "<p>&quot;quotes&quot; &#39;single&#39;</p>\n",
        ),
        (
            "<div>*x*</div>",
            "<p>&lt;div&gt;<em>x</em>&lt;/div&gt;</p>\n",
        ),
        (
            "<script>alert(1)</script>",
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n",
        ),
        (
            "<img src=x onerror=alert(1)>",
            "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n",
        ),
        ("<!-- comment -->", "<p>&lt;!-- comment --&gt;</p>\n"),
        ("a\0b", "<p>a\u{fffd}b</p>\n"),
    ]);
}

#[test]
fn tables() {
    check(&[
        (
            "| a | b |\n| :- | -: |\n| c | d |",
            "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"right\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">c</td>\n<td align=\"right\">d</td>\n</tr>\n</tbody>\n</table>\n",
        ),
        (
            "name | in\n:-: | ---\n`id` | *path*\nlimit\n\nafter",
            "<table>\n<thead>\n<tr>\n<th align=\"center\">name</th>\n<th>in</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"center\"><code>id</code></td>\n<td><em>path</em></td>\n</tr>\n<tr>\n<td align=\"center\">limit</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n<p>after</p>\n",
        ),
        (
            "| f\\|oo |\n| ------ |\n| `b\\|az` |\n| x | extra |",
            "<table>\n<thead>\n<tr>\n<th>f|oo</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><code>b|az</code></td>\n</tr>\n<tr>\n<td>x</td>\n</tr>\n</tbody>\n</table>\n",
        ),
        (
            "| a | b |\n| --- |\n| c |",
            "<p>| a | b |\n| --- |\n| c |</p>\n",
        ),
        (
            "| a |\n| - |",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n",
        ),
        (
            "intro\n| a |\n| - |\n> quote",
            "<p>intro</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n<blockquote>\n<p>quote</p>\n</blockquote>\n",
        ),
    ]);
}

#[test]
fn unsafe_links_keep_only_their_text() {
    check(&[
        ("[x](javascript:alert(1))", "<p>x</p>\n"),
        ("[x](JaVaScRiPt:alert(1))", "<p>x</p>\n"),
        ("[x](&#106;avascript:alert(1))", "<p>x</p>\n"),
        ("[x](&#x6A;avascript&colon;alert(1))", "<p>x</p>\n"),
        ("[x](java&#x09;script:alert(1))", "<p>x</p>\n"),
        ("[x](<java script:alert(1)>)", "<p>x</p>\n"),
        ("[x](<\u{1}javascript:alert(1)>)", "<p>x</p>\n"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>\n"),
        ("[x](vbscript:msgbox)", "<p>x</p>\n"),
        ("[x](file:///etc/passwd)", "<p>x</p>\n"),
        ("[*x*](javascript:y)", "<p><em>x</em></p>\n"),
        (
            "[x](https://a.test \"t\\\" onmouseover=\\\"y\")",
            "<p><a href=\"https://a.test\" title=\"t&quot; onmouseover=&quot;y\"{EXT}>x</a></p>\n",
        ),
        (
            "[x](https://a.test\"onclick=\"y)",
            "<p><a href=\"https://a.test%22onclick=%22y\"{EXT}>x</a></p>\n",
        ),
        (
            "[x](https://a.test/'onclick='y)",
            "<p><a href=\"https://a.test/&#39;onclick=&#39;y\"{EXT}>x</a></p>\n",
        ),
        (
            "[x](javascript%3Aalert(1))",
            "<p><a href=\"javascript%3Aalert(1)\">x</a></p>\n",
        ),
    ]);
}

#[test]
fn nesting_is_bounded() {
    let quotes = format!("{}x", "> ".repeat(100));
    let html = to_html(&quotes);
    assert!(html.matches("<blockquote>").count() <= 40, "{html}");
    assert_eq!(
        html.matches("<blockquote>").count(),
        html.matches("</blockquote>").count()
    );
    let lists = format!("{}x", "1. ".repeat(100));
    let html = to_html(&lists);
    assert!(html.matches("<ol>").count() <= 40);
    let emphasis = format!("{}x{}", "*a ".repeat(100), " a*".repeat(100));
    let html = to_html(&emphasis);
    let ems = html.matches("<em>").count();
    assert!(ems > 0 && ems <= 40, "{ems}");
    assert_eq!(ems, html.matches("</em>").count());
    assert_eq!(
        html.matches("*").count(),
        0,
        "dropped markers are not shown"
    );
}

const HOSTILE_SIZE: usize = 200 * 1024;

/// How long `input` takes to render.
fn render_time(input: &str) -> Duration {
    let start = Instant::now();
    let html = to_html(input);
    let took = start.elapsed();
    assert!(check_markup(&html).is_ok());
    took
}

/// 200 KB of one character renders in under 200 ms even in a debug build (about 10 to 30 ms here).
#[test]
fn hostile_characters_render_quickly() {
    for ch in [
        "[", "*", "`", "_", "]", "<", "&", "!", "\\", ">", "(", "|", "#", "~",
    ] {
        let took = render_time(&ch.repeat(HOSTILE_SIZE));
        assert!(took < Duration::from_millis(200), "{ch:?} took {took:?}");
    }
}

/// Short patterns that defeat naive matching (emphasis with no closer, links with no end, backtick runs of
/// every length, deep containers) render in linear time: 200 KB within a bound a busy machine meets (the
/// slowest takes about 130 ms here; a quadratic one would take minutes).
#[test]
fn hostile_patterns_render_in_linear_time() {
    let patterns = [
        "*a", "_a", "a*", "a_", "**_", "*_", "*a**", "a***", "[a", "[a](", "](", "![", "[](", "<a",
        "<a:", "`a", "``a", "a`", "[*", "*[", "](a", "[*a", "> ", "- ", "1. ", "* a\n", "> a\n",
        "- a\n  ", "  ", "\n", "a  \n", "| a ", "|-", "[a](<", "[a](b \"", "&#", "```\n",
    ];
    let mut ticks = String::new();
    for n in 1.. {
        if ticks.len() >= HOSTILE_SIZE {
            break;
        }
        ticks.push_str(&"`".repeat(n));
        ticks.push('a');
    }
    let inputs = patterns
        .iter()
        .map(|p| (*p, p.repeat(HOSTILE_SIZE / p.len())))
        .chain([("backtick runs of every length", ticks)]);
    for (pattern, input) in inputs {
        let took = render_time(&input);
        assert!(took < Duration::from_secs(1), "{pattern:?} took {took:?}");
    }
}

/// The tags the renderer writes and the attributes each may have.
const ALLOWED: &[(&str, &[&str])] = &[
    ("p", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
    ("em", &[]),
    ("strong", &[]),
    ("code", &["class"]),
    ("pre", &[]),
    ("blockquote", &[]),
    ("ul", &[]),
    ("ol", &["start"]),
    ("li", &[]),
    ("a", &["href", "title", "rel", "target"]),
    ("table", &[]),
    ("thead", &[]),
    ("tbody", &[]),
    ("tr", &[]),
    ("th", &["align"]),
    ("td", &["align"]),
    ("br", &[]),
    ("hr", &[]),
];

/// Checks the markup: only the renderer's tags and attributes, attribute values quoted and free of raw
/// `<`, `"` and `'`, hrefs with an allowed scheme, and every tag closed in order (`<br>`, `<hr>` are void).
fn check_markup(html: &str) -> Result<(), String> {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        if rest[..lt].contains(['>', '"']) {
            return Err(format!("unescaped text {:?}", &rest[..lt]));
        }
        let gt = rest[lt..].find('>').ok_or("unclosed tag")? + lt;
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(top) if top == name => continue,
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        }
        let (name, mut attributes) = tag.split_once(' ').unwrap_or((tag, ""));
        let allowed = ALLOWED
            .iter()
            .find(|(n, _)| *n == name)
            .ok_or(format!("tag <{name}>"))?
            .1;
        while !attributes.is_empty() {
            let (attribute, value_and_rest) = attributes
                .split_once("=\"")
                .ok_or(format!("attribute in <{tag}>"))?;
            let (value, after) = value_and_rest
                .split_once('"')
                .ok_or(format!("unquoted value in <{tag}>"))?;
            if !allowed.contains(&attribute) || value.contains(['<', '\'']) {
                return Err(format!("attribute {attribute}={value:?} in <{name}>"));
            }
            if attribute == "href" {
                check_href(value)?;
            }
            attributes = after.strip_prefix(' ').unwrap_or(after);
        }
        if name != "br" && name != "hr" {
            open.push(name);
        }
    }
    if rest.contains(['>', '"']) {
        return Err(format!("unescaped text {rest:?}"));
    }
    match open.is_empty() {
        true => Ok(()),
        false => Err(format!("left open: {open:?}")),
    }
}

/// An href is what a browser acts on: its scheme (before any `/`, `?` or `#`) must be http, https or mailto,
/// or absent; it holds no whitespace or control character; and its only character references are the
/// renderer's own escapes, so the browser cannot decode its way to another scheme. (`javascript:` further
/// on, as in `https://host/javascript:x`, is a path.)
fn check_href(value: &str) -> Result<(), String> {
    let unescaped = value.replace("&amp;", "").replace("&#39;", "");
    let lower = value.to_ascii_lowercase();
    let scheme = lower
        .find([':', '/', '?', '#'])
        .filter(|&i| lower[i..].starts_with(':'))
        .map(|i| &lower[..i]);
    let bad = unescaped.contains('&')
        || lower.contains(|c: char| c.is_whitespace() || c.is_control())
        || scheme.is_some_and(|s| !["http", "https", "mailto"].contains(&s));
    match bad {
        true => Err(format!("href {value:?}")),
        false => Ok(()),
    }
}

fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "<script>",
        "</script>",
        "<img src=x onerror=alert(1)>",
        "<iframe",
        "javascript:",
        "JaVaScRiPt:",
        "java\tscript:",
        "&#106;",
        "&colon;",
        "data:",
        "vbscript:",
        " onerror=",
        "onclick=",
        "\"",
        "'",
        "*",
        "**",
        "_",
        "__",
        "`",
        "``",
        "```",
        "~~~",
        "[",
        "]",
        "](",
        ")",
        "(",
        "![",
        "<",
        ">",
        "<http://a.b>",
        "<a@b.c>",
        "\\",
        "&",
        "&amp;",
        "#",
        "## ",
        "> ",
        "- ",
        "* ",
        "1. ",
        "2) ",
        "    ",
        " ",
        "\t",
        "\n",
        "\n\n",
        "|",
        "| --- |",
        "---",
        "===",
        "a",
        "b c",
        "x.png",
        "https://e.test/",
        "#top",
        "/rel",
        "\"t\"",
        "é",
        "\u{0}",
        "\r",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_input_gets_markup_or_script_through(parts in prop::collection::vec(fragment(), 0..40)) {
        let markdown: String = parts.concat();
        let html = to_html(&markdown);
        let lower = html.to_ascii_lowercase();
        for forbidden in ["<script", "<img", "<iframe", "<style", "<svg", "<object"] {
            prop_assert!(!lower.contains(forbidden), "{forbidden} in {html:?} from {markdown:?}");
        }
        if let Err(problem) = check_markup(&html) {
            prop_assert!(false, "{problem} in {html:?} from {markdown:?}");
        }
    }

    /// Any text at all (multi-byte characters next to every marker included) renders without a panic.
    #[test]
    fn any_text_renders_to_checked_markup(markdown in "(\\PC|[\\[\\]()<>*_`!\\\\&#|>~ \\t\\n-]){0,80}") {
        let html = to_html(&markdown);
        if let Err(problem) = check_markup(&html) {
            prop_assert!(false, "{problem} in {html:?} from {markdown:?}");
        }
    }
}

#[test]
fn the_markup_checker_catches_what_it_must() {
    let bad = [
        "<p><em>x</p></em>",
        "<p>x",
        "<script>x</script>",
        "<a href=\"javascript:x\">x</a>",
        "<a href=\"java&#115;cript:x\" onclick=\"y\">x</a>",
        "<p onclick=\"x\">y</p>",
        "<a href=\"data:x\">x</a>",
        "<a href=\"&#106;avascript:x\">x</a>",
        "<a href=\" javascript:x\">x</a>",
        "<a href=x>x</a>",
    ];
    for html in bad {
        assert!(check_markup(html).is_err(), "{html}");
    }
    assert_eq!(
        check_markup("<p>a<br>\n<a href=\"https://x\" rel=\"noopener noreferrer\" target=\"_blank\">b</a></p>\n<hr>\n"),
        Ok(())
    );
}
