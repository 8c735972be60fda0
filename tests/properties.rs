//! Property tests over the parsers a site's text goes through: front matter and pages, CSV
//! tables, numbers, periods and deadlines, and Markdown. Whatever the input, nothing panics
//! and every problem found is placed (a file, and a line where the input has lines). The
//! case count is bounded so CI stays quick; `PROPTEST_CASES` raises it for a longer run.

use minhbach::config::Config;
use minhbach::content::parse_page;
use minhbach::content::plan::period::{Deadline, Period};
use minhbach::content::plan::table::{parse_number, read_csv};
use minhbach::diag::{Diagnostic, Source};
use minhbach::markdown::{self, LinkProblem, LinkResolver, MarkdownOptions};
use minhbach::source::TextFile;
use proptest::prelude::*;

fn config() -> Config {
    Config::parse("title = \"x\"\nbase_url = \"https://x.vn\"\nlanguages = [\"vi\", \"en\"]\n")
        .unwrap()
}

/// Every diagnostic names its file; one with a line has it within the text.
fn assert_placed(diagnostics: &[Diagnostic], file: &str, text: &str) {
    let lines = text.split('\n').count();
    for diagnostic in diagnostics {
        assert_eq!(diagnostic.file, file, "{diagnostic}");
        assert!(diagnostic.line <= lines.max(1), "{diagnostic}");
    }
}

/// Text made of the pieces the parsers care about, so that cases reach deep into them.
fn site_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("+++\n".to_string()),
        Just("title = \"Tiêu đề\"\n".to_string()),
        Just("date = 2025-01-20\n".to_string()),
        Just("[extra]\n".to_string()),
        Just("audience = [\"citizens\"]\n".to_string()),
        Just("## Mục tiêu {#muc-tieu}\n".to_string()),
        Just("[liên kết](@/a.md#b)\n".to_string()),
        Just("<div><script>x</script>".to_string()),
        Just("| a | b |\n|---|---|\n".to_string()),
        Just("\"".to_string()),
        Just(",".to_string()),
        Just(";".to_string()),
        Just("\r\n".to_string()),
        Just("\u{0}".to_string()),
        Just("đ".to_string()),
        "[ -~]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

struct NoLinks;

impl LinkResolver for NoLinks {
    fn resolve(&self, target: &str) -> Result<(String, Option<usize>), LinkProblem> {
        Err(LinkProblem {
            message: format!("no page `{target}`"),
            hint: None,
        })
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn pages_parse_or_report_in_place(text in site_text()) {
        let file = TextFile { file: "content/a.md".into(), text: text.clone() };
        let (_, diagnostics) = parse_page("a.md".into(), file, &config());
        assert_placed(&diagnostics, "content/a.md", &text);
    }

    #[test]
    fn csv_tables_read_or_report_in_place(text in site_text()) {
        let (_, diagnostics) = read_csv("content/data/a.csv", text.as_bytes());
        assert_placed(&diagnostics, "content/data/a.csv", &text);
    }

    #[test]
    fn csv_bytes_that_are_not_utf8_are_reported(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let (_, diagnostics) = read_csv("content/data/a.csv", &bytes);
        for diagnostic in &diagnostics {
            prop_assert_eq!(&diagnostic.file, "content/data/a.csv");
        }
    }

    #[test]
    fn numbers_periods_and_deadlines_never_panic(text in site_text(), comma in any::<bool>()) {
        if let Ok(value) = parse_number(&text, comma) {
            prop_assert!(value.is_finite());
        }
        let _ = Period::parse(&text);
        let _ = Deadline::parse(&text);
    }

    #[test]
    fn markdown_renders_or_reports_in_place(text in site_text(), raw in any::<bool>()) {
        let options = MarkdownOptions {
            allow_raw_html: raw,
            smart_punctuation: true,
            heading_anchors: true,
            anchor_label: "Liên kết".into(),
            table_label: "Bảng".into(),
            plain_text: true,
        };
        let rendered = markdown::render(&Source::new("content/a.md", &text), &options, &NoLinks);
        let has_nul = rendered.html.contains('\0');
        prop_assert!(!has_nul, "a NUL byte in the HTML");
        if !raw {
            prop_assert!(!rendered.html.to_ascii_lowercase().contains("<script"));
        }
        assert_placed(&rendered.diagnostics, "content/a.md", &text);
    }
}
