//! External link checking, for `check --external` and `build --check-links-external`:
//! every `http://` and `https://` address the site's content links to is asked for once,
//! and the dead ones are reported at each place they are written (file, line, column, the
//! quoted line). Finding the links (`collect`) and judging the answers (`judge_status`,
//! `report`) are pure; asking the servers (`fetch`) is the one part that touches the network,
//! and only when one of those flags is given. In-site links are not asked for: the build
//! already checks them.
//!
//! What is dead, and what only "could not be confirmed":
//! - dead: the host name does not exist, the connection is refused or breaks, no answer
//!   within the timeout, a secure connection that fails, a redirect loop, or an answer of
//!   400 or above — except the ones below. A reader following the link gets nothing.
//! - could not be confirmed (always a warning): 401 and 403 (the page is behind a login, or
//!   the server refuses automated clients, which many government sites do, while a reader's
//!   browser gets the page), 429 (the server asks us to slow down: it is there) and 5xx (the
//!   server is failing now, which may be for a moment). Reporting these as dead would make
//!   the check fail on links that work for readers, and a check that cries wolf is ignored.

mod collect;
mod fetch;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

pub use collect::{LinkSources, Occurrence, collect, is_external};

use crate::diag::{Diagnostic, Severity};
use crate::t;

/// How long one address may take to answer unless told otherwise (connecting gets less).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// How the servers are asked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// The most one request (with its redirects) may take.
    pub timeout: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

/// What asking for an address came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Live,
    Dead(Failure),
    Unconfirmed(Failure),
}

/// Why an address is dead or could not be confirmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The server's answer, after redirects.
    Status(u16),
    /// The host name does not resolve.
    NoHost,
    /// The connection was refused or broke.
    Connection(String),
    /// No answer within the timeout.
    TimedOut(Duration),
    /// The secure connection failed (an expired or wrong certificate, …).
    Tls(String),
    TooManyRedirects,
    /// The address cannot be requested as written.
    BadAddress,
    /// Anything else the client met.
    Other(String),
}

/// How many addresses were asked for and what they came to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// External links in the content (places where an address is written).
    pub links: usize,
    /// Distinct addresses asked for.
    pub addresses: usize,
    pub dead: usize,
    pub unconfirmed: usize,
}

/// Asks for every address of `occurrences` (once each) and reports the dead ones, at
/// `dead` severity, and the unconfirmed ones, as warnings. Touches the network.
pub fn check(
    occurrences: &[Occurrence],
    settings: &Settings,
    dead: Severity,
) -> (Vec<Diagnostic>, Summary) {
    let addresses: Vec<String> = occurrences
        .iter()
        .map(|o| key(&o.url))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let outcomes = fetch::fetch_all(&addresses, settings);
    report(occurrences, &outcomes, dead)
}

/// The address asked for: the link without its `#fragment`, which the server never sees.
pub fn address(url: &str) -> &str {
    url.split('#').next().unwrap_or(url).trim()
}

/// What tells two links' addresses apart: the address in its request form, so that
/// `tài liệu.pdf` and `t%C3%A0i%20li%E1%BB%87u.pdf` are asked for once.
fn key(url: &str) -> String {
    let address = address(url);
    request_address(address).unwrap_or_else(|| address.to_string())
}

/// The address as a request line takes it: characters that may not stand in one (spaces,
/// letters outside ASCII, such as a Vietnamese file name) are percent-encoded as UTF-8,
/// which is what a browser sends. `None` when the host itself is not ASCII.
pub fn request_address(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    if !authority.is_ascii() {
        return None;
    }
    let mut out = format!("{scheme}://{authority}");
    for byte in tail.bytes() {
        let plain = byte.is_ascii_graphic() && !b"\"<>\\^`{|}".contains(&byte);
        if plain {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    Some(out)
}

/// The host (with its port) of an address, lowercased: the unit of politeness.
pub fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    host.to_ascii_lowercase()
}

/// What a final status (redirects followed) means for a reader.
pub fn judge_status(status: u16) -> Outcome {
    match status {
        ..=399 => Outcome::Live,
        401 | 403 | 429 | 500.. => Outcome::Unconfirmed(Failure::Status(status)),
        _ => Outcome::Dead(Failure::Status(status)),
    }
}

/// The diagnostics for every occurrence whose address is dead or unconfirmed in
/// `outcomes` (by their address's `key`), in the order of `occurrences`, and the counts.
pub fn report(
    occurrences: &[Occurrence],
    outcomes: &BTreeMap<String, Outcome>,
    dead: Severity,
) -> (Vec<Diagnostic>, Summary) {
    let mut summary = Summary {
        links: occurrences.len(),
        addresses: outcomes.len(),
        ..Summary::default()
    };
    for outcome in outcomes.values() {
        match outcome {
            Outcome::Live => {}
            Outcome::Dead(_) => summary.dead += 1,
            Outcome::Unconfirmed(_) => summary.unconfirmed += 1,
        }
    }
    let diagnostics = occurrences
        .iter()
        .filter_map(|o| diagnostic(o, outcomes.get(&key(&o.url))?, dead))
        .collect();
    (diagnostics, summary)
}

/// The one place the checker's findings are worded.
fn diagnostic(occurrence: &Occurrence, outcome: &Outcome, dead: Severity) -> Option<Diagnostic> {
    let url = &occurrence.url;
    let found = match outcome {
        Outcome::Live => return None,
        Outcome::Dead(failure) => {
            let message = t!("external-dead", url = url, why = describe(failure));
            match dead {
                Severity::Error => Diagnostic::error("external-link", message),
                Severity::Warning => Diagnostic::warning("external-link", message),
            }
            .with_hint(t!("external-dead-hint"))
        }
        Outcome::Unconfirmed(failure) => Diagnostic::warning(
            "external-link-unconfirmed",
            t!("external-unconfirmed", url = url, why = describe(failure)),
        )
        .with_hint(t!("external-unconfirmed-hint")),
    };
    Some(Diagnostic {
        file: occurrence.file.clone(),
        line: occurrence.line,
        column: occurrence.column,
        width: occurrence.width,
        source_line: Some(occurrence.quoted.clone()),
        ..found
    })
}

fn describe(failure: &Failure) -> String {
    match failure {
        Failure::Status(status) => t!(
            "external-status",
            status = format!("{status}{}", reason(*status))
        ),
        Failure::NoHost => t!("external-no-host"),
        Failure::Connection(why) => t!("external-connection", why = why),
        Failure::TimedOut(after) => t!(
            "external-timed-out",
            seconds = after.as_secs_f64().to_string()
        ),
        Failure::Tls(why) => t!("external-tls", why = why),
        Failure::TooManyRedirects => t!("external-redirects"),
        Failure::BadAddress => t!("external-bad-address"),
        Failure::Other(why) => why.clone(),
    }
}

/// The reason phrase of the statuses a writer is likely to meet.
fn reason(status: u16) -> &'static str {
    match status {
        400 => " Bad Request",
        401 => " Unauthorized (a login is needed)",
        403 => " Forbidden",
        404 => " Not Found",
        405 => " Method Not Allowed",
        410 => " Gone (removed for good)",
        429 => " Too Many Requests",
        500 => " Internal Server Error",
        502 => " Bad Gateway",
        503 => " Service Unavailable",
        504 => " Gateway Timeout",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(file: &str, line: usize, url: &str) -> Occurrence {
        Occurrence {
            file: file.into(),
            line,
            column: 5,
            url: url.into(),
            width: url.len(),
            quoted: format!("Xem {url}"),
        }
    }

    #[test]
    fn statuses_are_judged_for_a_reader() {
        assert_eq!(judge_status(200), Outcome::Live);
        assert_eq!(judge_status(304), Outcome::Live);
        for dead in [400, 404, 405, 410, 451] {
            assert_eq!(judge_status(dead), Outcome::Dead(Failure::Status(dead)));
        }
        for unsure in [401, 403, 429, 500, 503] {
            assert_eq!(
                judge_status(unsure),
                Outcome::Unconfirmed(Failure::Status(unsure))
            );
        }
    }

    #[test]
    fn addresses_drop_the_fragment_and_hosts_keep_the_port() {
        assert_eq!(address("https://a.vn/x#muc-2"), "https://a.vn/x");
        assert_eq!(host("https://User@A.vn:8443/x?y"), "a.vn:8443");
        assert_eq!(host("http://a.vn?q"), "a.vn");
        assert_eq!(
            key("https://a.vn/tài liệu#b"),
            key("https://a.vn/t%C3%A0i%20li%E1%BB%87u")
        );
    }

    #[test]
    fn addresses_are_encoded_as_a_browser_sends_them() {
        assert_eq!(
            request_address("https://a.vn/tài liệu/kế hoạch.pdf?q=số 1").as_deref(),
            Some(
                "https://a.vn/t%C3%A0i%20li%E1%BB%87u/k%E1%BA%BF%20ho%E1%BA%A1ch.pdf?q=s%E1%BB%91%201"
            )
        );
        assert_eq!(
            request_address("http://a.vn:8080/x%20y?a=1&b={2}").as_deref(),
            Some("http://a.vn:8080/x%20y?a=1&b=%7B2%7D")
        );
        assert_eq!(
            request_address("https://a.vn").as_deref(),
            Some("https://a.vn")
        );
        assert_eq!(request_address("https://chính-phủ.vn/"), None);
    }

    #[test]
    fn each_place_of_a_dead_address_is_reported_with_its_line() {
        let occurrences = [
            at("content/a.md", 3, "https://dead.vn/x#a"),
            at("content/a.md", 7, "https://ok.vn"),
            at("content/b.md", 2, "https://dead.vn/x"),
            at("content/b.md", 9, "https://busy.vn"),
        ];
        let outcomes: BTreeMap<String, Outcome> = [
            ("https://dead.vn/x", Outcome::Dead(Failure::Status(404))),
            ("https://ok.vn", Outcome::Live),
            ("https://busy.vn", judge_status(429)),
        ]
        .into_iter()
        .map(|(a, o)| (a.to_string(), o))
        .collect();
        let (found, summary) = report(&occurrences, &outcomes, Severity::Error);
        assert_eq!(
            summary,
            Summary {
                links: 4,
                addresses: 3,
                dead: 1,
                unconfirmed: 1
            }
        );
        let shown: Vec<(String, &str, bool)> = found
            .iter()
            .map(|d| (d.location(), d.code, d.is_error()))
            .collect();
        assert_eq!(
            shown,
            [
                ("content/a.md:3:5".to_string(), "external-link", true),
                ("content/b.md:2:5".to_string(), "external-link", true),
                (
                    "content/b.md:9:5".to_string(),
                    "external-link-unconfirmed",
                    false
                ),
            ]
        );
        assert_eq!(
            found[0].message,
            "the link to https://dead.vn/x#a is dead: the server answers 404 Not Found"
        );
        assert_eq!(
            found[0].source_line.as_deref(),
            Some("Xem https://dead.vn/x#a")
        );
        assert!(found[0].hint.is_some());
        // In a build they are warnings.
        let (found, _) = report(&occurrences, &outcomes, Severity::Warning);
        assert!(found.iter().all(|d| !d.is_error()));
    }

    #[test]
    fn failures_are_worded_for_a_writer() {
        assert_eq!(
            describe(&Failure::TimedOut(Duration::from_millis(1500))),
            "no answer within 1.5 s"
        );
        assert_eq!(describe(&Failure::Status(418)), "the server answers 418");
        assert_eq!(describe(&Failure::NoHost), "its host name does not exist");
    }
}
