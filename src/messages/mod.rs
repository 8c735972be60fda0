//! The words minhbach says to the people who run it — every diagnostic, hint, note and
//! summary line, in the terminal and in the preview's overlay — in Vietnamese or English.
//!
//! They live in a Fluent catalogue (`messages/{vi,en}/*.ftl`, built into the binary), one key
//! per message, so that a translator edits text without touching code. Code asks for a text
//! with [`t!`](crate::t): `t!("unknown-key", key = written)`.
//!
//! The language is one setting of the whole run, chosen once by the command line before any
//! work starts (`--lang`, else the site's `default_language`, else the locale), like the
//! process's locale; tests that need one language ask [`text_in`] for it.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

/// A language minhbach speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// `vi`, `vi-VN`, `vi_VN.UTF-8`, `en-GB` …; `None` for languages minhbach does not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the user's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX orders
    /// them); English when it is neither Vietnamese nor English.
    pub fn from_locale() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .and_then(|value| Lang::from_tag(&value))
            .unwrap_or(Lang::En)
    }
}

/// English until the command line says otherwise, so that library tests read English.
static LANGUAGE: AtomicU8 = AtomicU8::new(1);

pub fn set_language(lang: Lang) {
    LANGUAGE.store(matches!(lang, Lang::En) as u8, Ordering::Relaxed);
}

pub fn language() -> Lang {
    match LANGUAGE.load(Ordering::Relaxed) {
        0 => Lang::Vi,
        _ => Lang::En,
    }
}

/// The named values a message is filled with.
pub type Args<'a> = FluentArgs<'a>;

/// A value for a message: text as it is, counts as numbers (so that English can say
/// "1 error" and "2 errors").
pub trait IntoArg<'a> {
    fn into_arg(self) -> FluentValue<'a>;
}

impl<'a> IntoArg<'a> for &'a str {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self)
    }
}

impl<'a> IntoArg<'a> for &'a String {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self.as_str())
    }
}

impl<'a> IntoArg<'a> for String {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self)
    }
}

impl<'a> IntoArg<'a> for std::borrow::Cow<'a, str> {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self)
    }
}

impl<'a> IntoArg<'a> for char {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self.to_string())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl<'a> IntoArg<'a> for $t {
            fn into_arg(self) -> FluentValue<'a> {
                FluentValue::from(self)
            }
        }
    )*};
}
number_args!(usize, u64, u32, u16, u8, i64, i32);

/// Turns a value into a message argument (used by [`t!`](crate::t)).
pub fn arg<'a>(value: impl IntoArg<'a>) -> FluentValue<'a> {
    value.into_arg()
}

/// The text of a message in the run's language: `t!("key")` or
/// `t!("key", name = value, count = n)`.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::messages::text($key, None)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::messages::Args::new();
        $( args.set(stringify!($name), $crate::messages::arg($value)); )+
        $crate::messages::text($key, Some(&args))
    }};
}

/// The text of `key` in the run's language.
pub fn text(key: &str, args: Option<&Args<'_>>) -> String {
    text_in(language(), key, args)
}

/// The text of `key` in `lang`; English when the language lacks it, and the key itself when
/// the catalogue lacks it (a test keeps both from happening).
pub fn text_in(lang: Lang, key: &str, args: Option<&Args<'_>>) -> String {
    for bundle in [catalogue(lang), catalogue(Lang::En)] {
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
    }
    key.to_string()
}

/// Whether the catalogue of `lang` has `key` (for tests and tools).
pub fn has(lang: Lang, key: &str) -> bool {
    catalogue(lang).has_message(key)
}

/// The catalogue's files for `lang`: (name, text).
pub fn files(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    let prefix = format!("{}/", lang.code());
    embedded::MESSAGES.iter().filter_map(move |(path, bytes)| {
        let name = path.strip_prefix(&prefix)?;
        Some((name, std::str::from_utf8(bytes).unwrap_or("")))
    })
}

type Bundle = FluentBundle<FluentResource>;

fn catalogue(lang: Lang) -> &'static Bundle {
    static VI: OnceLock<Bundle> = OnceLock::new();
    static EN: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    };
    cell.get_or_init(|| load(lang))
}

fn load(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier =
        lang.code().parse().expect("vi and en are language tags");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks around values show as stray characters in terminals.
    bundle.set_use_isolating(false);
    for (_, text) in files(lang) {
        // A catalogue file with a syntax error still gives its good messages; the tests
        // below refuse such a file before it is ever built into a release.
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

#[cfg(test)]
mod tests;
