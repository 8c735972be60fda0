//! Asking servers for addresses: the network edge of the link checker, and the only code of
//! minhbach that makes requests to other hosts.
//!
//! Politely: at most `AT_ONCE` requests at a time, at most `PER_HOST` to one host, a
//! User-Agent that names minhbach, `HEAD` first (no body is sent back), and `GET` only when
//! the `HEAD` answer is an error (some servers refuse or mishandle `HEAD`: 403, 405, 501, even
//! 404; dead links are few, so asking again costs little and keeps a live page from being
//! reported dead). Redirects are followed, up to `MAX_REDIRECTS`. A body is never read.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::Duration;

use super::{Failure, Outcome, Settings, host, judge_status, request_address};

/// The most requests in flight at once, over all hosts.
const AT_ONCE: usize = 8;
/// The most requests in flight to one host: a site that links to one ministry's pages a
/// hundred times must not take all the slots and hit that server with them.
const PER_HOST: usize = 2;
/// Connecting gets less than the whole request: a host that does not answer at all is
/// found out sooner.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const MAX_REDIRECTS: u32 = 10;
const USER_AGENT: &str = concat!(
    "minhbach/",
    env!("CARGO_PKG_VERSION"),
    " (link checker of a plan-transparency portal)"
);

/// Asks for each of `addresses` (distinct, without fragments) once; the outcome of each.
pub fn fetch_all(addresses: &[String], settings: &Settings) -> BTreeMap<String, Outcome> {
    let config = ureq::Agent::config_builder()
        // A 404 is an answer to judge, not an error of the client.
        .http_status_as_error(false)
        .timeout_global(Some(settings.timeout))
        .timeout_connect(Some(settings.timeout.min(CONNECT_TIMEOUT)))
        .max_redirects(MAX_REDIRECTS)
        .user_agent(USER_AGENT)
        .build();
    let agent = ureq::Agent::new_with_config(config);
    run_bounded(addresses, AT_ONCE, PER_HOST, |url| {
        ask(&agent, url, settings.timeout)
    })
}

/// Asks for one address: `HEAD`, then `GET` when `HEAD` gets an error answer.
fn ask(agent: &ureq::Agent, url: &str, timeout: Duration) -> Outcome {
    let Some(address) = request_address(url) else {
        return Outcome::Unconfirmed(Failure::Other(
            "its host name is not written in ASCII, which the checker cannot ask for".into(),
        ));
    };
    match agent.head(&address).call() {
        Ok(response) if response.status().as_u16() < 400 => Outcome::Live,
        // Asking a server that says "too many requests" again at once would be rude.
        Ok(response) if response.status().as_u16() == 429 => judge_status(429),
        Ok(_) | Err(ureq::Error::Protocol(_)) => match agent.get(&address).call() {
            // The body is dropped unread.
            Ok(response) => judge_status(response.status().as_u16()),
            Err(error) => failure(error, timeout),
        },
        Err(error) => failure(error, timeout),
    }
}

/// What a failed request means.
fn failure(error: ureq::Error, timeout: Duration) -> Outcome {
    use std::io::ErrorKind;
    let failure = match error {
        ureq::Error::Timeout(_) => Failure::TimedOut(timeout),
        ureq::Error::HostNotFound => Failure::NoHost,
        // The system resolver's "failed to lookup address information" has no kind of its own.
        ureq::Error::Io(error) if error.to_string().contains("lookup address") => Failure::NoHost,
        ureq::Error::Io(error)
            if matches!(error.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock) =>
        {
            Failure::TimedOut(timeout)
        }
        ureq::Error::Io(error) => Failure::Connection(error.to_string()),
        ureq::Error::ConnectionFailed => Failure::Connection("no connection could be made".into()),
        ureq::Error::Tls(why) => Failure::Tls(why.to_string()),
        ureq::Error::Rustls(error) => Failure::Tls(error.to_string()),
        ureq::Error::TooManyRedirects => Failure::TooManyRedirects,
        ureq::Error::BadUri(_) | ureq::Error::Http(_) => Failure::BadAddress,
        ureq::Error::Protocol(error) => {
            Failure::Other(format!("the server's answer is not valid HTTP ({error})"))
        }
        // Something of the checker's own (a proxy, a header too large): not the link's fault.
        other => return Outcome::Unconfirmed(Failure::Other(other.to_string())),
    };
    Outcome::Dead(failure)
}

/// Runs `ask` over `addresses` on at most `at_once` threads, with at most `per_host`
/// addresses of one host in flight at a time.
fn run_bounded(
    addresses: &[String],
    at_once: usize,
    per_host: usize,
    ask: impl Fn(&str) -> Outcome + Sync,
) -> BTreeMap<String, Outcome> {
    let queue = Queue {
        state: Mutex::new(State {
            waiting: addresses.iter().map(String::as_str).collect(),
            busy: HashMap::new(),
            done: BTreeMap::new(),
        }),
        changed: Condvar::new(),
        per_host,
    };
    std::thread::scope(|scope| {
        for _ in 0..at_once.min(addresses.len()) {
            scope.spawn(|| queue.work(&ask));
        }
    });
    queue
        .state
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
        .done
}

struct Queue<'a> {
    state: Mutex<State<'a>>,
    /// Signalled whenever a request ends, which may free a host.
    changed: Condvar,
    per_host: usize,
}

struct State<'a> {
    waiting: Vec<&'a str>,
    /// Requests in flight by host.
    busy: HashMap<String, usize>,
    done: BTreeMap<String, Outcome>,
}

impl Queue<'_> {
    /// One worker: takes the first waiting address whose host has a free slot, asks for it,
    /// and so on until nothing waits.
    fn work(&self, ask: &impl Fn(&str) -> Outcome) {
        let lock = || self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let mut state = lock();
        loop {
            if state.waiting.is_empty() {
                return;
            }
            let free = state
                .waiting
                .iter()
                .position(|url| state.busy.get(&host(url)).copied().unwrap_or(0) < self.per_host);
            let Some(index) = free else {
                state = self
                    .changed
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
                continue;
            };
            let url = state.waiting.remove(index);
            let url_host = host(url);
            *state.busy.entry(url_host.clone()).or_default() += 1;
            drop(state);
            let outcome = ask(url);
            state = lock();
            if let Some(busy) = state.busy.get_mut(&url_host) {
                *busy -= 1;
            }
            state.done.insert(url.to_string(), outcome);
            self.changed.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn requests_are_bounded_in_all_and_per_host() {
        let addresses: Vec<String> = (0..40)
            .map(|i| format!("https://host{}.vn/{i}", i % 3))
            .collect();
        let in_flight = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let per_host: Vec<AtomicUsize> = (0..3).map(|_| AtomicUsize::new(0)).collect();
        let most_per_host = AtomicUsize::new(0);
        let done = run_bounded(&addresses, 5, 2, |url| {
            let h = usize::from(url.as_bytes()["https://host".len()] - b'0');
            let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(now, Ordering::SeqCst);
            let now = per_host[h].fetch_add(1, Ordering::SeqCst) + 1;
            most_per_host.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(5));
            per_host[h].fetch_sub(1, Ordering::SeqCst);
            in_flight.fetch_sub(1, Ordering::SeqCst);
            Outcome::Live
        });
        assert_eq!(done.len(), 40);
        assert!(most.load(Ordering::SeqCst) <= 5);
        assert!(most_per_host.load(Ordering::SeqCst) <= 2);
    }
}
