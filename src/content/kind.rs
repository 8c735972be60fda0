//! What a section holds (pure): `kind` in a section's `[extra]`, or the folder names of the
//! content format. The content stage reads it (awareness sections), the site and render
//! stages after it (feeds, search kinds, templates).

use super::ContentPage;

/// What a section holds, which decides its feeds, its search kind and the templates' extras.
/// Set by `kind` in a section's `[extra]`, or by the folder names of the content format
/// (`news/`, `awareness/`); a section without either takes its parent's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SectionKind {
    Pages,
    News,
    Awareness,
    Documents,
}

impl SectionKind {
    pub const NAMES: [&str; 4] = ["pages", "news", "awareness", "documents"];

    pub fn parse(name: &str) -> Option<SectionKind> {
        match name {
            "pages" => Some(SectionKind::Pages),
            "news" => Some(SectionKind::News),
            "awareness" => Some(SectionKind::Awareness),
            "documents" => Some(SectionKind::Documents),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Pages => "pages",
            SectionKind::News => "news",
            SectionKind::Awareness => "awareness",
            SectionKind::Documents => "documents",
        }
    }

    /// The kind a folder's name gives it (`news/`, `awareness/`), if any.
    pub fn of_folder(dir: &str) -> Option<SectionKind> {
        match dir.rsplit('/').next().unwrap_or("") {
            "news" => Some(SectionKind::News),
            "awareness" => Some(SectionKind::Awareness),
            _ => None,
        }
    }

    /// The kind a section's own page names with `kind` in its `[extra]`, if it names one
    /// (an unknown name names none).
    pub fn named_by(page: &ContentPage) -> Option<Option<SectionKind>> {
        let name = page.front.extra.get("kind").and_then(|v| v.as_str())?;
        Some(SectionKind::parse(name))
    }

    /// The kind a section names for itself, if it names one.
    pub fn of_section(page: &ContentPage) -> Option<SectionKind> {
        SectionKind::named_by(page).unwrap_or_else(|| SectionKind::of_folder(&page.dir))
    }
}
