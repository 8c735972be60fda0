//! Value types that config and content share: localised text and dates (pure).

use std::collections::BTreeMap;
use std::fmt;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::t;

/// Human text written either once (`"Kế hoạch"`) or per language
/// (`{ vi = "Kế hoạch", en = "Plan" }`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LocalText {
    One(String),
    ByLanguage(BTreeMap<String, String>),
}

/// Text picked for one language, saying whether it fell back to another language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Picked<'a> {
    pub text: &'a str,
    /// The language the text is written in, when the author said.
    pub lang: Option<&'a str>,
    pub is_fallback: bool,
}

impl LocalText {
    /// The text for `lang`, else the default language's, else any (in key order).
    pub fn pick<'a>(&'a self, lang: &str, default_lang: &str) -> Picked<'a> {
        match self {
            LocalText::One(text) => Picked {
                text,
                lang: None,
                is_fallback: false,
            },
            LocalText::ByLanguage(map) => {
                if let Some((l, text)) = map.get_key_value(lang) {
                    return Picked {
                        text,
                        lang: Some(l),
                        is_fallback: false,
                    };
                }
                let (l, text) = map
                    .get_key_value(default_lang)
                    .or_else(|| map.iter().next())
                    .map_or(("", ""), |(l, t)| (l.as_str(), t.as_str()));
                Picked {
                    text,
                    lang: Some(l),
                    is_fallback: true,
                }
            }
        }
    }

    pub fn get<'a>(&'a self, lang: &str, default_lang: &str) -> &'a str {
        self.pick(lang, default_lang).text
    }

    /// Languages named in the text that are not among `languages`.
    pub fn unknown_languages<'a>(&'a self, languages: &[String]) -> Vec<&'a str> {
        match self {
            LocalText::One(_) => Vec::new(),
            LocalText::ByLanguage(map) => map
                .keys()
                .filter(|l| !languages.iter().any(|k| k == *l))
                .map(String::as_str)
                .collect(),
        }
    }

    pub fn map_text(&self, f: impl Fn(&str) -> String) -> LocalText {
        match self {
            LocalText::One(text) => LocalText::One(f(text)),
            LocalText::ByLanguage(map) => {
                LocalText::ByLanguage(map.iter().map(|(l, t)| (l.clone(), f(t))).collect())
            }
        }
    }
}

impl Default for LocalText {
    fn default() -> Self {
        LocalText::One(String::new())
    }
}

impl<'de> Deserialize<'de> for LocalText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = LocalText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&t!("value-local-text-expected"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LocalText, E> {
                Ok(LocalText::One(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<LocalText, E> {
                Ok(LocalText::One(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<LocalText, A::Error> {
                let mut map = BTreeMap::new();
                while let Some((lang, text)) = access.next_entry::<String, String>()? {
                    map.insert(lang, text);
                }
                if map.is_empty() {
                    return Err(de::Error::custom(t!("value-local-text-empty")));
                }
                Ok(LocalText::ByLanguage(map))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

/// A date, optionally with a time, as written in front matter or config:
/// a TOML date (`2025-06-30`), a TOML date-time, or the same in quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateValue {
    pub at: NaiveDateTime,
    pub has_time: bool,
}

impl DateValue {
    pub fn date(&self) -> NaiveDate {
        self.at.date()
    }

    pub fn from_date(date: NaiveDate) -> Self {
        DateValue {
            at: date.and_time(NaiveTime::MIN),
            has_time: false,
        }
    }

    /// Parses `2025-06-30`, `2025-06-30T08:00:00`, `2025-06-30 08:00`, with an optional
    /// offset (`Z`, `+07:00`, which is folded into UTC so dates sort across zones).
    pub fn parse(text: &str) -> Option<DateValue> {
        let text = text.trim();
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Some(DateValue::from_date(date));
        }
        if let Ok(at) = chrono::DateTime::parse_from_rfc3339(text) {
            return Some(DateValue {
                at: at.naive_utc(),
                has_time: true,
            });
        }
        for format in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ] {
            if let Ok(at) = NaiveDateTime::parse_from_str(text, format) {
                return Some(DateValue { at, has_time: true });
            }
        }
        None
    }

    /// `2025-06-30`, or `2025-06-30T08:00:00Z` when a time was given (times are kept in UTC).
    pub fn iso(&self) -> String {
        if self.has_time {
            self.at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
        } else {
            self.at.format("%Y-%m-%d").to_string()
        }
    }
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let written = match toml::Value::deserialize(deserializer)? {
            toml::Value::Datetime(datetime) => datetime.to_string(),
            toml::Value::String(text) => text,
            other => {
                return Err(de::Error::custom(t!(
                    "value-date-type",
                    found = other.type_str()
                )));
            }
        };
        DateValue::parse(&written)
            .ok_or_else(|| de::Error::custom(t!("value-date-invalid", written = &written)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Probe {
        text: LocalText,
        date: DateValue,
    }

    #[test]
    fn local_text_picks_language_then_default_then_marks_fallback() {
        let probe: Probe =
            toml::from_str("text = { vi = \"Kế hoạch\", en = \"Plan\" }\ndate = 2025-06-30\n")
                .unwrap();
        assert_eq!(probe.text.get("en", "vi"), "Plan");
        let picked = probe.text.pick("fr", "vi");
        assert_eq!((picked.text, picked.is_fallback), ("Kế hoạch", true));
        assert_eq!(probe.date.iso(), "2025-06-30");
    }

    #[test]
    fn dates_accept_toml_datetimes_and_quoted_text() {
        let probe: Probe =
            toml::from_str("text = \"x\"\ndate = 2015-01-01T08:00:00+07:00\n").unwrap();
        assert_eq!(probe.date.iso(), "2015-01-01T01:00:00Z");
        let probe: Probe = toml::from_str("text = \"x\"\ndate = \"2025-06-30\"\n").unwrap();
        assert!(!probe.date.has_time);
        assert!(toml::from_str::<Probe>("text = \"x\"\ndate = \"30 June\"\n").is_err());
    }
}
