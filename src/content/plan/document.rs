//! The plan itself (`plan.toml`): its number, date, issuer, signer, status, legal bases and
//! attachments (pure).

use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, Source, did_you_mean};
use crate::toml_input::{self, struct_fields};
use crate::values::{DateValue, LocalText};

pub const PLAN_FILE: &str = "plan.toml";

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
        match self.status.get_ref().as_str() {
            "draft" => PlanStatus::Draft,
            "amended" => PlanStatus::Amended,
            _ => PlanStatus::Approved,
        }
    }
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
    if !STATUSES.contains(&document.status.get_ref().as_str()) {
        let hint = match did_you_mean(document.status.get_ref(), STATUSES) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "write \"draft\", \"approved\" or \"amended\"".into(),
        };
        diagnostics.push(
            Diagnostic::error(
                "plan-status",
                format!("`{}` is not a plan status", document.status.get_ref()),
            )
            .at(&source, document.status.span())
            .with_hint(hint),
        );
    }
    for attachment in &document.attachments {
        let name = attachment.file.get_ref();
        if !files.iter().any(|f| f == name) {
            let hint = match did_you_mean(name, files.iter().map(String::as_str)) {
                Some(f) => format!("did you mean `{f}`?"),
                None => "put the file in the plan's folder, next to plan.toml".into(),
            };
            diagnostics.push(
                Diagnostic::error(
                    "missing-file",
                    format!("the attachment `{name}` is not in the plan's folder"),
                )
                .at(&source, attachment.file.span())
                .with_hint(hint),
            );
        }
    }
    if document.id.trim().is_empty() {
        diagnostics.push(
            Diagnostic::error("plan-id", "the plan's `id` is empty")
                .at(&source, toml_input::key_range(text, "id"))
                .with_hint("give the plan a short id such as \"kh-cds-2025\""),
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
}
