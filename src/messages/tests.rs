//! The catalogue is whole: it parses, both languages have the same keys with the same
//! values, every key the code asks for exists, every key exists because the code asks for it,
//! and the Vietnamese text is Vietnamese, not English left in place.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::*;

/// key -> (file, the message's text with its continuation lines)
fn entries(lang: Lang) -> BTreeMap<String, (String, String)> {
    let mut found = BTreeMap::new();
    for (file, text) in files(lang) {
        let mut current: Option<String> = None;
        for line in text.lines() {
            let starts_entry = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            if starts_entry {
                let (key, value) = line.split_once('=').expect("an entry is `key = text`");
                let key = key.trim().to_string();
                let previous = found.insert(key.clone(), (file.to_string(), value.to_string()));
                assert!(previous.is_none(), "{file}: `{key}` is defined twice");
                current = Some(key);
            } else if line.starts_with(char::is_whitespace) && !line.trim().is_empty() {
                let key = current.as_ref().expect("a continuation follows an entry");
                let entry = found.get_mut(key).expect("entry exists");
                entry.1.push('\n');
                entry.1.push_str(line);
            } else {
                current = None;
            }
        }
    }
    found
}

fn variables(text: &str) -> BTreeSet<String> {
    text.split('$')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect()
        })
        .collect()
}

/// Every `t!("key"` in the program's source.
fn keys_used() -> BTreeMap<String, String> {
    let mut used = BTreeMap::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.expect("src is readable");
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("source is UTF-8");
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for (at, _) in code.match_indices("t!(") {
            // `assert!(…)` is not a message.
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let Some(quoted) = code[at + 3..].trim_start().strip_prefix('"') else {
                continue;
            };
            let key = quoted.split('"').next().unwrap_or("");
            if !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                continue;
            }
            let file = entry.path().strip_prefix(&src).unwrap_or(entry.path());
            used.insert(key.to_string(), file.display().to_string());
        }
    }
    used
}

#[test]
fn every_catalogue_file_parses() {
    for lang in Lang::ALL {
        for (file, text) in files(lang) {
            if let Err((_, errors)) = FluentResource::try_new(text.to_string()) {
                panic!("{}/{file}: {errors:?}", lang.code());
            }
        }
    }
}

#[test]
fn both_languages_have_the_same_keys_with_the_same_values() {
    let vi = entries(Lang::Vi);
    let en = entries(Lang::En);
    let vi_keys: BTreeSet<_> = vi.keys().collect();
    let en_keys: BTreeSet<_> = en.keys().collect();
    assert_eq!(
        vi_keys.difference(&en_keys).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in Vietnamese only"
    );
    assert_eq!(
        en_keys.difference(&vi_keys).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in English only"
    );
    for (key, (file, text)) in &en {
        let (vi_file, vi_text) = &vi[key];
        assert_eq!(file, vi_file, "`{key}` lives in one file in both languages");
        assert_eq!(
            variables(text),
            variables(vi_text),
            "`{key}` uses the same values in both languages"
        );
    }
}

#[test]
fn every_key_asked_for_exists_and_every_key_is_asked_for() {
    let used = keys_used();
    let defined = entries(Lang::En);
    for (key, file) in &used {
        assert!(
            has(Lang::En, key) && has(Lang::Vi, key),
            "src/{file} asks for `{key}`, which the catalogue lacks"
        );
    }
    for (key, (file, _)) in &defined {
        assert!(
            used.contains_key(key),
            "en/{file}: `{key}` is not used by the program"
        );
    }
}

/// Texts that read the same in both languages: only values and punctuation.
fn language_neutral(text: &str) -> bool {
    let mut without_values = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => without_values.push(c),
            _ => {}
        }
    }
    !without_values.chars().any(char::is_alphabetic)
}

#[test]
fn the_vietnamese_text_of_each_message_is_vietnamese() {
    let en = entries(Lang::En);
    for (key, (file, vi_text)) in entries(Lang::Vi) {
        let en_text = &en[&key].1;
        assert!(
            vi_text != *en_text || language_neutral(en_text),
            "vi/{file}: `{key}` is the English text"
        );
        assert_ne!(
            text_in(Lang::Vi, &key, None),
            key,
            "vi/{file}: `{key}` renders"
        );
    }
}

#[test]
fn values_fill_the_text_and_counts_choose_the_english_plural() {
    let mut args = Args::new();
    args.set("errors", arg(1usize));
    args.set("warnings", arg(2usize));
    let one = text_in(Lang::En, "summary-site-has-errors", Some(&args));
    assert!(
        one.contains("1 error ") && one.contains("2 warnings"),
        "{one}"
    );
    let vi = text_in(Lang::Vi, "summary-site-has-errors", Some(&args));
    assert!(vi.contains("1 lỗi") && vi.contains("2 cảnh báo"), "{vi}");
}

#[test]
fn languages_come_from_tags_and_locales() {
    assert_eq!(Lang::from_tag("vi_VN.UTF-8"), Some(Lang::Vi));
    assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_tag("fr"), None);
    assert_eq!(Lang::from_tag(""), None);
}
