//! Live reload for `serve` (I/O-free parts are pure): the script and error overlay added to
//! pages as they are served — never by the renderer, so `serve` and `build` make the same
//! files — and the hub that tells open pages, over server-sent events, to reload, swap
//! their stylesheets, or show and hide the error overlay.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::html::escape;
use crate::{messages, t};

/// The address pages listen on for events.
pub const EVENTS_PATH: &str = "/__minhbach/live";

/// What open pages are told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Reload,
    /// Only stylesheets changed: swap them without reloading the page.
    Css,
    /// The site has errors: show them (plain text) over the page.
    Errors(String),
    /// The errors are fixed: hide the overlay.
    Fixed,
}

impl Event {
    /// The event in the server-sent events format.
    pub fn to_sse(&self) -> String {
        match self {
            Event::Reload => "event: reload\ndata: {}\n\n".into(),
            Event::Css => "event: css\ndata: {}\n\n".into(),
            Event::Fixed => "event: fixed\ndata: {}\n\n".into(),
            Event::Errors(text) => format!(
                "event: errors\ndata: {}\n\n",
                serde_json::json!({ "text": text })
            ),
        }
    }
}

/// Everyone listening, and the errors of the last build (shown to pages opened later).
#[derive(Default)]
pub struct Hub {
    /// Each open page's stream, with the page's path (`/tin-tuc/a/`) when it said it.
    clients: Mutex<Vec<(Sender<String>, Option<String>)>>,
    errors: Mutex<Option<String>>,
    /// Counts the builds pages were told to reload for: a page that reconnects (or polls)
    /// and hears another number than it first heard reloads.
    generation: AtomicU64,
}

impl Hub {
    /// A new stream for the page at `page` (its path, as the page's script tells it).
    pub fn subscribe(&self, page: Option<String>) -> Receiver<String> {
        let (sender, receiver) = channel();
        let _ = sender.send(self.hello(None));
        if let Some(errors) = self.errors() {
            let _ = sender.send(Event::Errors(errors).to_sse());
        }
        self.clients
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((sender, page));
        receiver
    }

    /// The paths of the pages open now (those whose streams are still there): after a
    /// change to many pages, these are rendered first.
    pub fn open_pages(&self) -> Vec<String> {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        // A comment line is ignored by pages; sending it tells which have gone.
        clients.retain(|(client, _)| client.send(": ping\n\n".to_string()).is_ok());
        let mut pages: Vec<String> = clients.iter().filter_map(|(_, p)| p.clone()).collect();
        pages.sort();
        pages.dedup();
        pages
    }

    /// Sends `event` to every open page; pages that went away are forgotten.
    pub fn broadcast(&self, event: &Event) {
        match event {
            Event::Errors(text) => {
                *self.errors.lock().unwrap_or_else(|e| e.into_inner()) = Some(text.clone())
            }
            Event::Fixed | Event::Reload | Event::Css => {
                *self.errors.lock().unwrap_or_else(|e| e.into_inner()) = None
            }
        }
        if matches!(event, Event::Reload | Event::Css) {
            self.generation.fetch_add(1, Ordering::SeqCst);
        }
        let message = event.to_sse();
        self.clients
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|(client, _)| client.send(message.clone()).is_ok());
    }

    pub fn errors(&self) -> Option<String> {
        self.errors
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The first message of every stream: the build's number, and how long to wait before
    /// asking again when the stream ends.
    fn hello(&self, retry_ms: Option<u32>) -> String {
        let retry = retry_ms
            .map(|ms| format!("retry: {ms}\n"))
            .unwrap_or_default();
        format!(
            "{retry}event: hello\ndata: {{\"generation\":{}}}\n\n",
            self.generation.load(Ordering::SeqCst)
        )
    }

    /// The whole answer to a page that polls: the build's number and whether the site has
    /// errors, then the end of the stream (the browser asks again after `retry_ms`).
    pub fn poll_answer(&self, retry_ms: u32) -> String {
        let state = match self.errors() {
            Some(errors) => Event::Errors(errors),
            None => Event::Fixed,
        };
        format!("{}{}", self.hello(Some(retry_ms)), state.to_sse())
    }

    pub fn client_count(&self) -> usize {
        self.clients.lock().unwrap_or_else(|e| e.into_inner()).len()
    }
}

/// Adds the live-reload script, and the overlay when there are `errors`, before `</body>`.
pub fn inject(html: &str, errors: Option<&str>) -> String {
    let mut extra = String::new();
    if let Some(errors) = errors {
        extra.push_str(&overlay(errors));
    }
    extra.push_str("<script>");
    extra.push_str(&script());
    extra.push_str("</script>\n");
    match html.rfind("</body>") {
        Some(at) => format!("{}{extra}{}", &html[..at], &html[at..]),
        None => format!("{html}{extra}"),
    }
}

/// The overlay as HTML, for pages opened while the site has errors.
pub fn overlay(errors: &str) -> String {
    format!(
        "<div id=\"minhbach-overlay\" role=\"alert\" lang=\"{}\" style=\"{OVERLAY_STYLE}\"><h2>{}</h2><pre style=\"white-space:pre-wrap\">{}</pre></div>\n",
        messages::language().code(),
        escape(&t!("serve-overlay-title")),
        escape(errors)
    )
}

/// The script, told the overlay's title and language (as JSON strings, safe in a script).
fn script() -> String {
    let json = |text: &str| serde_json::to_string(text).unwrap_or_default();
    SCRIPT
        .replace("OVERLAY_TITLE", &json(&t!("serve-overlay-title")))
        .replace("OVERLAY_LANG", &json(messages::language().code()))
}
const OVERLAY_STYLE: &str = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:#fff;color:#1a1a1a;padding:1.5rem;font:15px/1.5 ui-monospace,monospace;border:6px solid #b3141d";

/// Listens for events; builds the overlay with DOM methods (text only, never HTML).
const SCRIPT: &str = r#"(function(){if(!window.EventSource)return;var es=new EventSource("/__minhbach/live?page="+encodeURIComponent(location.pathname));
function show(text){var o=document.getElementById("minhbach-overlay");if(!text){if(o)o.remove();return;}
if(!o){o=document.createElement("div");o.id="minhbach-overlay";o.setAttribute("role","alert");o.setAttribute("lang",OVERLAY_LANG);o.setAttribute("style","position:fixed;inset:0;z-index:2147483647;overflow:auto;background:#fff;color:#1a1a1a;padding:1.5rem;font:15px/1.5 ui-monospace,monospace;border:6px solid #b3141d");document.body.appendChild(o);}
o.textContent="";var h=document.createElement("h2");h.textContent=OVERLAY_TITLE;var p=document.createElement("pre");p.style.whiteSpace="pre-wrap";p.textContent=text;o.appendChild(h);o.appendChild(p);}
var seen=null;es.addEventListener("hello",function(e){var g=JSON.parse(e.data).generation;if(seen===null)seen=g;else if(g!==seen)location.reload();});
es.addEventListener("reload",function(){location.reload();});
es.addEventListener("css",function(){document.querySelectorAll('link[rel="stylesheet"]').forEach(function(l){var u=new URL(l.href);u.searchParams.set("v",Date.now());l.href=u.toString();});});
es.addEventListener("errors",function(e){show(JSON.parse(e.data).text);});
es.addEventListener("fixed",function(){show("");});})();"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_and_overlay_go_before_the_end_of_body() {
        let page = "<html><body><p>x</p></body></html>";
        let served = inject(page, Some("error: <bad> & worse"));
        assert!(served.contains("<p>x</p><div id=\"minhbach-overlay\" role=\"alert\""));
        assert!(served.contains("error: &lt;bad&gt; &amp; worse"));
        assert!(served.ends_with("</script>\n</body></html>"));
        assert!(!inject(page, None).contains("minhbach-overlay\" role"));
    }

    #[test]
    fn events_reach_subscribers_and_errors_wait_for_late_ones() {
        let hub = Hub::default();
        let early = hub.subscribe(Some("/a/".into()));
        // Every stream opens with the number of the build it sees.
        assert_eq!(
            early.recv().unwrap(),
            "event: hello\ndata: {\"generation\":0}\n\n"
        );
        hub.broadcast(&Event::Errors("line 1\nline 2".into()));
        assert_eq!(
            early.recv().unwrap(),
            "event: errors\ndata: {\"text\":\"line 1\\nline 2\"}\n\n"
        );
        let late = hub.subscribe(None);
        assert!(late.recv().unwrap().starts_with("event: hello"));
        assert!(late.recv().unwrap().starts_with("event: errors"));
        hub.broadcast(&Event::Reload);
        assert_eq!(late.recv().unwrap(), "event: reload\ndata: {}\n\n");
        // A page that polls hears the new build's number and that the errors are gone.
        assert_eq!(
            hub.poll_answer(2000),
            "retry: 2000\nevent: hello\ndata: {\"generation\":1}\n\nevent: fixed\ndata: {}\n\n"
        );
        assert_eq!(hub.errors(), None);
        assert_eq!(hub.open_pages(), vec!["/a/".to_string()]);
        drop(early);
        hub.broadcast(&Event::Css);
        assert_eq!(hub.client_count(), 1);
        assert!(hub.open_pages().is_empty(), "a closed page is not open");
    }
}
