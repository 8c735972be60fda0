//! The plan itself (`plan.toml`): its number, date, issuer, signer, status, legal bases and
//! attachments (pure).

use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, Source, did_you_mean};
use crate::t;
use crate::toml_input::{self, struct_fields};
use crate::values::{DateValue, LocalText};

pub const PLAN_FILE: &str = "plan.toml";

/// Extensions of spreadsheets and data files: inside a plan's folder, such a file is
/// published only when the plan reads it (its open data) or lists it as an attachment.
const DATA_FILE_EXTENSIONS: [&str; 8] =
    ["csv", "tsv", "xlsx", "xls", "xlsm", "ods", "toml", "json"];

/// Whether the file of `content/` at `path` is a working file of a plan — a spreadsheet or
/// data file in its folder that it neither reads nor lists as an attachment — which is
/// never copied into the site. `plans` are each plan's folder, the files it reads (inside
/// `content/`) and its document.
pub fn is_working_file<'p>(
    plans: impl IntoIterator<Item = (&'p str, &'p [String], &'p PlanDocument)>,
    path: &str,
) -> bool {
    let extension = path
        .rsplit_once('.')
        .map_or("", |(_, e)| e)
        .to_ascii_lowercase();
    if !DATA_FILE_EXTENSIONS.contains(&extension.as_str()) {
        return false;
    }
    plans.into_iter().any(|(dir, sources, document)| {
        let inside = if dir.is_empty() {
            Some(path)
        } else {
            path.strip_prefix(dir)
                .and_then(|rest| rest.strip_prefix('/'))
        };
        inside.is_some_and(|rest| {
            !sources.iter().any(|s| s == path)
                && !document
                    .attachments
                    .iter()
                    .any(|a| a.file.get_ref() == rest)
        })
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    Draft,
    Approved,
    Amended,
}

impl PlanStatus {
    pub fn key(self) -> &'static str {
        match self {
            PlanStatus::Draft => "draft",
            PlanStatus::Approved => "approved",
            PlanStatus::Amended => "amended",
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    pub title: LocalText,
    /// A file in the plan's folder.
    pub file: Spanned<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct PlanDocument {
    pub id: String,
    pub title: LocalText,
    pub number: String,
    pub issued: DateValue,
    pub issuer: LocalText,
    pub signer: LocalText,
    pub status: Spanned<String>,
    pub period: String,
    #[serde(default)]
    pub legal_bases: Vec<LocalText>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

impl PlanDocument {
    pub fn status(&self) -> PlanStatus {
        parse_status(self.status.get_ref()).unwrap_or(PlanStatus::Approved)
    }
}

/// A plan status in English or Vietnamese (`dự thảo`, `đã phê duyệt`, `điều chỉnh`; any
/// case, with or without marks).
fn parse_status(written: &str) -> Option<PlanStatus> {
    const WORDS: [(&[&str], PlanStatus); 3] = [
        (&["draft", "du thao"], PlanStatus::Draft),
        (
            &[
                "approved",
                "phe duyet",
                "da phe duyet",
                "ban hanh",
                "da ban hanh",
            ],
            PlanStatus::Approved,
        ),
        (
            &[
                "amended",
                "sua doi",
                "da sua doi",
                "dieu chinh",
                "da dieu chinh",
                "sua doi bo sung",
            ],
            PlanStatus::Amended,
        ),
    ];
    let folded: Vec<String> = crate::slug::fold_ascii(written)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let folded = folded.join(" ");
    WORDS
        .iter()
        .find(|(words, _)| words.contains(&folded.as_str()))
        .map(|(_, status)| *status)
}

fn known_keys(path: &[&str]) -> Option<&'static [&'static str]> {
    match path {
        [] => Some(struct_fields::<PlanDocument>()),
        ["attachments"] => Some(struct_fields::<Attachment>()),
        _ => None,
    }
}

/// Parses `plan.toml`; `files` are the names of the files in the plan's folder, for
/// checking that every attachment exists.
pub fn parse(file: &str, text: &str, files: &[String]) -> (Option<PlanDocument>, Vec<Diagnostic>) {
    let source = Source::new(file, text);
    let (document, mut diagnostics) = toml_input::parse::<PlanDocument>(&source, file, &known_keys);
    let Some(document) = document else {
        return (None, diagnostics);
    };
    const STATUSES: [&str; 3] = ["draft", "approved", "amended"];
    if parse_status(document.status.get_ref()).is_none() {
        let hint = match did_you_mean(document.status.get_ref(), STATUSES) {
            Some(s) => t!("did-you-mean", suggestion = s),
            None => t!("plan-status-hint"),
        };
        diagnostics.push(
            Diagnostic::error(
                "plan-status",
                t!("plan-status", status = document.status.get_ref()),
            )
            .at(&source, document.status.span())
            .with_hint(hint),
        );
    }
    for attachment in &document.attachments {
        let name = attachment.file.get_ref();
        if !files.iter().any(|f| f == name) {
            let hint = match did_you_mean(name, files.iter().map(String::as_str)) {
                Some(f) => t!("did-you-mean", suggestion = f),
                None => t!("plan-attachment-missing-hint"),
            };
            diagnostics.push(
                Diagnostic::error("missing-file", t!("plan-attachment-missing", file = name))
                    .at(&source, attachment.file.span())
                    .with_hint(hint),
            );
        }
    }
    if document.id.trim().is_empty() {
        diagnostics.push(
            Diagnostic::error("plan-id", t!("plan-id-empty"))
                .at(&source, toml_input::key_range(text, "id"))
                .with_hint(t!("plan-id-empty-hint")),
        );
    }
    (Some(document), diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "id = \"kh\"\ntitle = { vi = \"Kế hoạch\", en = \"Plan\" }\nnumber = \"215/KH-UBND\"\n\
                        issued = 2024-12-20\nissuer = \"UBND\"\nsigner = \"A\"\nstatus = \"approved\"\nperiod = \"2025\"\n\
                        attachments = [{ title = \"Phụ lục\", file = \"tasks.csv\" }]\n";

    #[test]
    fn reads_the_plan_and_checks_attachments() {
        let (document, diagnostics) = parse("content/kh/plan.toml", PLAN, &["tasks.csv".into()]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let document = document.unwrap();
        assert_eq!(document.status(), PlanStatus::Approved);
        assert_eq!(document.issued.iso(), "2024-12-20");

        let (_, diagnostics) = parse("content/kh/plan.toml", PLAN, &["task.csv".into()]);
        assert_eq!(diagnostics[0].location(), "content/kh/plan.toml:9:44");
        assert_eq!(
            diagnostics[0].hint.as_deref(),
            Some("did you mean `task.csv`?")
        );
    }

    #[test]
    fn an_unknown_status_is_an_error_with_a_suggestion() {
        let (_, diagnostics) = parse(
            "content/kh/plan.toml",
            &PLAN.replace("approved", "aproved"),
            &["tasks.csv".into()],
        );
        assert_eq!(diagnostics[0].code, "plan-status");
        assert_eq!(diagnostics[0].line, 7);
    }

    #[test]
    fn statuses_are_read_in_vietnamese() {
        let (document, diagnostics) = parse(
            "content/kh/plan.toml",
            &PLAN.replace("\"approved\"", "\"Dự thảo\""),
            &["tasks.csv".into()],
        );
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(document.unwrap().status(), PlanStatus::Draft);
        assert_eq!(parse_status("đã phê duyệt"), Some(PlanStatus::Approved));
        assert_eq!(parse_status("Điều chỉnh"), Some(PlanStatus::Amended));
    }

    #[test]
    fn only_the_files_a_plan_reads_or_attaches_are_published() {
        let (document, _) = parse("content/kh/plan.toml", PLAN, &["tasks.csv".into()]);
        let document = document.unwrap();
        let sources = vec![
            "kh/plan.toml".to_string(),
            "kh/data/tien-do.csv".to_string(),
        ];
        let plans = || [("kh", sources.as_slice(), &document)];
        assert!(!is_working_file(plans(), "kh/tasks.csv"));
        assert!(!is_working_file(plans(), "kh/data/tien-do.csv"));
        assert!(is_working_file(plans(), "kh/data/ban-nhap.xlsx"));
        assert!(is_working_file(plans(), "kh/~$tasks.xlsx"));
        assert!(!is_working_file(plans(), "kh/anh.png"));
        assert!(!is_working_file(plans(), "tin-tuc/so-lieu.csv"));
    }
}
