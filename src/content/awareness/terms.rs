//! The audiences and topics awareness pieces are filed under (pure): their ids, the
//! Vietnamese URL segments of their list pages, their names, and the words writers use
//! instead of an id, turned back into the id they meant. Audiences are fixed; topics are
//! the site's own (`[awareness] topics` in the config), the built-in ones when it lists
//! none. No disk.

use crate::config::Config;
use crate::diag::did_you_mean;
use crate::i18n::I18n;
use crate::slug::slugify;
use crate::values::LocalText;

/// An audience or topic as built in: its id, Vietnamese segment and other words for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Builtin {
    pub id: &'static str,
    pub vi_segment: &'static str,
    pub aliases: &'static [&'static str],
}

/// An audience or a topic: its id in front matter, the URL segment of its list page in
/// Vietnamese, its name when the config gives one, and words writers may use instead of
/// the id (suggested back to them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub id: String,
    pub vi_segment: String,
    pub aliases: Vec<String>,
    pub name: Option<LocalText>,
}

impl Term {
    /// The URL segment of the term's list page in `lang`.
    pub fn segment(&self, lang: &str) -> &str {
        if lang == "vi" {
            &self.vi_segment
        } else {
            &self.id
        }
    }

    /// The term's name in `lang`: the config's, else the interface text `PREFIXid`
    /// (`topic_vneid`), else the id.
    pub fn name(&self, prefix: &str, lang: &str, config: &Config, i18n: &I18n) -> String {
        if let Some(name) = &self.name {
            return name.get(lang, &config.default_language).to_string();
        }
        i18n.get(lang, &format!("{prefix}{}", self.id))
            .unwrap_or(&self.id)
            .to_string()
    }
}

impl From<&Builtin> for Term {
    fn from(builtin: &Builtin) -> Term {
        Term {
            id: builtin.id.into(),
            vi_segment: builtin.vi_segment.into(),
            aliases: builtin.aliases.iter().map(|a| a.to_string()).collect(),
            name: None,
        }
    }
}

/// The audiences and topics of one site, made once from its config.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vocabulary {
    pub audiences: Vec<Term>,
    pub topics: Vec<Term>,
    /// Whether the topics are the site's own list rather than the built-in ones.
    pub own_topics: bool,
}

impl Default for Vocabulary {
    fn default() -> Self {
        Vocabulary {
            audiences: AUDIENCES.iter().map(Term::from).collect(),
            topics: DEFAULT_TOPICS.iter().map(Term::from).collect(),
            own_topics: false,
        }
    }
}

impl Vocabulary {
    /// The fixed audiences, and the config's topics or else the built-in ones. A listed
    /// topic with a built-in id keeps the built-in segment and words unless it gives its own.
    pub fn new(config: &Config) -> Vocabulary {
        let Some(listed) = &config.awareness.topics else {
            return Vocabulary::default();
        };
        let topics = listed
            .iter()
            .map(|topic| {
                let builtin = DEFAULT_TOPICS.iter().find(|b| b.id == topic.id);
                let mut aliases: Vec<String> = topic.aliases.clone();
                if let Some(builtin) = builtin {
                    aliases.extend(builtin.aliases.iter().map(|a| a.to_string()));
                }
                Term {
                    id: topic.id.clone(),
                    vi_segment: topic
                        .segment
                        .clone()
                        .or_else(|| builtin.map(|b| b.vi_segment.to_string()))
                        .unwrap_or_else(|| topic.id.clone()),
                    aliases,
                    name: topic.name.clone(),
                }
            })
            .collect();
        Vocabulary {
            topics,
            own_topics: true,
            ..Vocabulary::default()
        }
    }

    pub fn audience(&self, id: &str) -> Option<&Term> {
        self.audiences.iter().find(|t| t.id == id)
    }

    pub fn topic(&self, id: &str) -> Option<&Term> {
        self.topics.iter().find(|t| t.id == id)
    }
}

pub const AUDIENCES: [Builtin; 3] = [
    Builtin {
        id: "citizens",
        vi_segment: "nguoi-dan",
        aliases: &["người dân", "công dân", "citizen", "people", "public"],
    },
    Builtin {
        id: "businesses",
        vi_segment: "doanh-nghiep",
        aliases: &["doanh nghiệp", "hộ kinh doanh", "business", "companies"],
    },
    Builtin {
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

/// The topics of a site whose config lists none of its own.
pub const DEFAULT_TOPICS: [Builtin; 7] = [
    Builtin {
        id: "public-services",
        vi_segment: "dich-vu-cong",
        aliases: &[
            "dịch vụ công",
            "dịch vụ công trực tuyến",
            "thủ tục hành chính",
            "online services",
        ],
    },
    Builtin {
        id: "vneid",
        vi_segment: "vneid",
        aliases: &[
            "định danh",
            "định danh điện tử",
            "căn cước",
            "digital identity",
        ],
    },
    Builtin {
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
    Builtin {
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
    Builtin {
        id: "scams",
        vi_segment: "lua-dao-truc-tuyen",
        aliases: &["lừa đảo", "lừa đảo trực tuyến", "scam", "fraud"],
    },
    Builtin {
        id: "personal-data",
        vi_segment: "du-lieu-ca-nhan",
        aliases: &[
            "dữ liệu cá nhân",
            "thông tin cá nhân",
            "bảo vệ dữ liệu",
            "privacy",
        ],
    },
    Builtin {
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

/// The id a writer probably meant: one whose id or a word for it reads the same once
/// folded (`người dân` -> `citizens`), else the closest id.
pub(super) fn suggest<'t>(written: &str, terms: &'t [Term]) -> Option<&'t str> {
    let folded = slugify(written);
    terms
        .iter()
        .find(|t| {
            t.vi_segment == folded
                || slugify(&t.id) == folded
                || t.aliases.iter().any(|a| slugify(a) == folded)
        })
        .map(|t| t.id.as_str())
        .or_else(|| did_you_mean(written, terms.iter().map(|t| t.id.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(awareness: &str) -> Config {
        Config::parse(&format!(
            "title = \"x\"\nbase_url = \"https://x.vn\"\nlanguages = [\"vi\", \"en\"]\n{awareness}"
        ))
        .unwrap()
    }

    #[test]
    fn writers_own_words_suggest_the_id() {
        let vocabulary = Vocabulary::default();
        let (audiences, topics) = (&vocabulary.audiences, &vocabulary.topics);
        assert_eq!(suggest("người dân", audiences), Some("citizens"));
        assert_eq!(suggest("Doanh nghiệp", audiences), Some("businesses"));
        assert_eq!(suggest("citizen", audiences), Some("citizens"));
        assert_eq!(suggest("farmers", audiences), None);
        assert_eq!(suggest("chữ ký số", topics), Some("digital-signatures"));
        assert_eq!(suggest("lừa đảo", topics), Some("scams"));
        assert_eq!(suggest("vneid", topics), Some("vneid"));
    }

    #[test]
    fn the_built_in_topics_hold_until_the_config_lists_its_own() {
        assert_eq!(Vocabulary::new(&config("")), Vocabulary::default());
        let vocabulary = Vocabulary::new(&config(
            "[awareness]\ntopics = [\n  { id = \"cashless\", name = { vi = \"Không tiền mặt\", en = \"Cashless\" }, aliases = [\"tiền mặt\"] },\n  { id = \"vneid\" },\n  { id = \"ai\", segment = \"tri-tue-nhan-tao\" },\n]\n",
        ));
        assert!(vocabulary.own_topics);
        let ids: Vec<&str> = vocabulary.topics.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["cashless", "vneid", "ai"]);
        let segments: Vec<&str> = vocabulary.topics.iter().map(|t| t.segment("vi")).collect();
        assert_eq!(segments, ["cashless", "vneid", "tri-tue-nhan-tao"]);
        assert_eq!(vocabulary.topic("ai").unwrap().segment("en"), "ai");
        assert_eq!(vocabulary.topic("scams"), None);
        assert_eq!(vocabulary.audiences, Vocabulary::default().audiences);
        // A built-in id keeps its words; a new one has its own.
        assert_eq!(suggest("định danh", &vocabulary.topics), Some("vneid"));
        assert_eq!(suggest("Tiền mặt", &vocabulary.topics), Some("cashless"));
        assert_eq!(suggest("cashles", &vocabulary.topics), Some("cashless"));
    }

    #[test]
    fn names_come_from_the_config_then_the_interface_texts_then_the_id() {
        let config = config(
            "[awareness]\ntopics = [{ id = \"cashless\", name = { vi = \"Không tiền mặt\", en = \"Cashless\" } }, { id = \"vneid\" }, { id = \"ai\" }]\n",
        );
        let file = crate::source::TextFile {
            file: "i18n/vi.toml".into(),
            text: "topic_vneid = \"Định danh\"\n".into(),
        };
        let files = std::collections::BTreeMap::from([("vi".to_string(), vec![file])]);
        let (i18n, _) = I18n::parse(&files, &config);
        let vocabulary = Vocabulary::new(&config);
        let name = |id: &str, lang: &str| {
            vocabulary
                .topic(id)
                .unwrap()
                .name("topic_", lang, &config, &i18n)
        };
        assert_eq!(name("cashless", "vi"), "Không tiền mặt");
        assert_eq!(name("cashless", "en"), "Cashless");
        assert_eq!(name("vneid", "vi"), "Định danh");
        assert_eq!(name("ai", "en"), "ai");
    }
}
