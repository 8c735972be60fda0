//! The fixed audiences and topics awareness pieces are filed under (pure): their ids, the
//! Vietnamese URL segments of their list pages, and the words writers use instead of an id,
//! turned back into the id they meant. No disk.

use crate::diag::did_you_mean;
use crate::slug::slugify;

/// An audience or a topic: its id in front matter, the URL segment of its list page in
/// Vietnamese, and words writers may use instead of the id (suggested back to them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub id: &'static str,
    pub vi_segment: &'static str,
    pub aliases: &'static [&'static str],
}

impl Term {
    /// The URL segment of the term's list page in `lang`.
    pub fn segment(&self, lang: &str) -> &'static str {
        if lang == "vi" {
            self.vi_segment
        } else {
            self.id
        }
    }
}

pub const AUDIENCES: [Term; 3] = [
    Term {
        id: "citizens",
        vi_segment: "nguoi-dan",
        aliases: &["người dân", "công dân", "citizen", "people", "public"],
    },
    Term {
        id: "businesses",
        vi_segment: "doanh-nghiep",
        aliases: &["doanh nghiệp", "hộ kinh doanh", "business", "companies"],
    },
    Term {
        id: "officials",
        vi_segment: "can-bo-cong-chuc",
        aliases: &[
            "cán bộ",
            "công chức",
            "viên chức",
            "cán bộ công chức",
            "official",
            "civil servants",
        ],
    },
];

pub const TOPICS: [Term; 7] = [
    Term {
        id: "public-services",
        vi_segment: "dich-vu-cong",
        aliases: &[
            "dịch vụ công",
            "dịch vụ công trực tuyến",
            "thủ tục hành chính",
            "online services",
        ],
    },
    Term {
        id: "vneid",
        vi_segment: "vneid",
        aliases: &[
            "định danh",
            "định danh điện tử",
            "căn cước",
            "digital identity",
        ],
    },
    Term {
        id: "digital-signatures",
        vi_segment: "chu-ky-so",
        aliases: &[
            "chữ ký số",
            "ký số",
            "chữ ký điện tử",
            "signature",
            "signatures",
        ],
    },
    Term {
        id: "payments",
        vi_segment: "thanh-toan-so",
        aliases: &[
            "thanh toán",
            "thanh toán không dùng tiền mặt",
            "hóa đơn điện tử",
            "cashless",
            "e-invoices",
        ],
    },
    Term {
        id: "scams",
        vi_segment: "lua-dao-truc-tuyen",
        aliases: &["lừa đảo", "lừa đảo trực tuyến", "scam", "fraud"],
    },
    Term {
        id: "personal-data",
        vi_segment: "du-lieu-ca-nhan",
        aliases: &[
            "dữ liệu cá nhân",
            "thông tin cá nhân",
            "bảo vệ dữ liệu",
            "privacy",
        ],
    },
    Term {
        id: "digital-skills",
        vi_segment: "ky-nang-so",
        aliases: &["kỹ năng số", "kĩ năng số", "skills"],
    },
];

/// The folders of an awareness section's list pages, in Vietnamese and elsewhere.
pub const AUDIENCE_DIR: (&str, &str) = ("doi-tuong", "audience");
pub const TOPIC_DIR: (&str, &str) = ("chu-de", "topic");

pub(super) fn dir_segment(dir: (&'static str, &'static str), lang: &str) -> &'static str {
    if lang == "vi" { dir.0 } else { dir.1 }
}

pub fn audience(id: &str) -> Option<&'static Term> {
    AUDIENCES.iter().find(|t| t.id == id)
}

pub fn topic(id: &str) -> Option<&'static Term> {
    TOPICS.iter().find(|t| t.id == id)
}

/// The id a writer probably meant: one whose id or a word for it reads the same once
/// folded (`người dân` -> `citizens`), else the closest id.
pub(super) fn suggest(written: &str, terms: &[Term]) -> Option<&'static str> {
    let folded = slugify(written);
    terms
        .iter()
        .find(|t| {
            t.vi_segment == folded
                || slugify(t.id) == folded
                || t.aliases.iter().any(|a| slugify(a) == folded)
        })
        .map(|t| t.id)
        .or_else(|| did_you_mean(written, terms.iter().map(|t| t.id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writers_own_words_suggest_the_id() {
        assert_eq!(suggest("người dân", &AUDIENCES), Some("citizens"));
        assert_eq!(suggest("Doanh nghiệp", &AUDIENCES), Some("businesses"));
        assert_eq!(suggest("citizen", &AUDIENCES), Some("citizens"));
        assert_eq!(suggest("farmers", &AUDIENCES), None);
        assert_eq!(suggest("chữ ký số", &TOPICS), Some("digital-signatures"));
        assert_eq!(suggest("lừa đảo", &TOPICS), Some("scams"));
        assert_eq!(suggest("vneid", &TOPICS), Some("vneid"));
    }
}
