//! Tera templates: loaded from the layered sources (site > theme on disk > built-in theme,
//! decided once in `source`), with the functions and filters themes use; every Tera error
//! becomes a diagnostic naming the template file, line and column (pure).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use tera::{Context, ErrorKind, Kwargs, State, Tera, Value};

use crate::diag::{Diagnostic, Source};
use crate::i18n::I18n;
use crate::site::Site;
use crate::source::TextFile;
use crate::t;

/// What template functions read: the site, each page's template value, interface strings.
pub struct Lookups {
    pub site: Arc<Site>,
    /// The list form of every page (`crate::render::context::page_value`), by page id.
    pub page_values: Arc<Vec<Value>>,
    pub i18n: Arc<I18n>,
}

pub struct Templates {
    tera: Tera,
    files: BTreeMap<String, TextFile>,
}

/// File name endings loaded as templates; others in `templates/` are ignored.
const TEMPLATE_SUFFIXES: [&str; 4] = [".html", ".xml", ".txt", ".json"];

impl Templates {
    /// No templates: what stands in while the site the templates' functions hold changes.
    pub fn empty() -> Templates {
        Templates {
            tera: Tera::default(),
            files: BTreeMap::new(),
        }
    }

    /// Loads every template and reports every problem, not just the first: each template
    /// is parsed alone for syntax errors, then all are linked (extends, include, functions),
    /// setting aside broken ones until the rest load; errors that only follow from a
    /// template already reported broken are not repeated.
    pub fn load(
        sources: &BTreeMap<String, TextFile>,
        lookups: Lookups,
    ) -> (Templates, Vec<Diagnostic>) {
        let mut files: BTreeMap<String, TextFile> = sources
            .iter()
            .filter(|(name, _)| TEMPLATE_SUFFIXES.iter().any(|s| name.ends_with(s)))
            .map(|(name, file)| (name.clone(), file.clone()))
            .collect();
        let mut diagnostics = check_i18n_keys(&files, &lookups.i18n);
        let mut tera = new_tera(lookups);
        let mut broken: BTreeSet<String> = BTreeSet::new();
        for (name, file) in &files {
            let mut alone = Tera::new();
            if let Err(error) = alone.add_raw_template(name, &file.text)
                && matches!(error.kind(), ErrorKind::SyntaxError(_))
            {
                diagnostics.extend(
                    problems(&files, &error, None)
                        .into_iter()
                        .map(|p| p.diagnostic),
                );
                broken.insert(name.clone());
            }
        }
        loop {
            let attempt = tera.add_raw_templates(
                files
                    .iter()
                    .filter(|(name, _)| !broken.contains(*name))
                    .map(|(name, file)| (name.as_str(), file.text.as_str())),
            );
            let Err(error) = attempt else { break };
            let mut new_culprit = false;
            for problem in problems(&files, &error, None) {
                let follows_from_broken = broken
                    .iter()
                    .any(|b| problem.diagnostic.message.contains(&format!("`{b}`")));
                if !follows_from_broken {
                    diagnostics.push(problem.diagnostic);
                }
                if let Some(name) = problem.template {
                    new_culprit |= files.contains_key(&name) && broken.insert(name);
                }
            }
            if !new_culprit {
                break;
            }
        }
        for name in &broken {
            files.remove(name);
        }
        (Templates { tera, files }, diagnostics)
    }

    /// The template files, once the templates (and the lookups their functions hold) are
    /// let go.
    pub fn into_files(self) -> BTreeMap<String, TextFile> {
        self.files
    }

    /// Templates of `files` that loaded before, over new lookups: their texts were checked
    /// then, so a change that leaves them alone (a page's body) parses each once, unchecked.
    /// `None` if they no longer load, which `load` then explains.
    pub fn relink(files: BTreeMap<String, TextFile>, lookups: Lookups) -> Option<Templates> {
        let mut tera = new_tera(lookups);
        tera.add_raw_templates(
            files
                .iter()
                .map(|(name, file)| (name.as_str(), file.text.as_str())),
        )
        .ok()?;
        Some(Templates { tera, files })
    }

    pub fn has(&self, name: &str) -> bool {
        self.files.contains_key(name)
    }

    /// Renders `name`; an error names the template and the page being rendered (`what`,
    /// asked for only when there is an error). The output is bytes: Tera writes UTF-8, and
    /// checking it again would cost a pass over every page.
    pub fn render(
        &self,
        name: &str,
        context: &Context,
        what: impl FnOnce() -> String,
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(name, context, &mut out)
            .map(|()| out)
            .map_err(|error| {
                problems(&self.files, &error, Some(&what()))
                    .into_iter()
                    .next()
                    .map(|p| p.diagnostic)
                    .unwrap_or_else(|| {
                        Diagnostic::error(
                            "template-render",
                            t!("template-error", message = error.to_string()),
                        )
                    })
            })
    }
}

/// One problem out of a Tera error (a linking error can hold several), with the template
/// it belongs to.
struct Problem {
    template: Option<String>,
    diagnostic: Diagnostic,
}

fn problems(
    files: &BTreeMap<String, TextFile>,
    error: &tera::Error,
    rendering: Option<&str>,
) -> Vec<Problem> {
    let file_of = |name: &str| {
        files
            .get(name)
            .map_or_else(|| format!("templates/{name}"), |f| f.file.clone())
    };
    let one = |template: Option<&str>, diagnostic: Diagnostic| {
        let diagnostic = match rendering {
            Some(what) => diagnostic.with_note(t!("template-while-rendering", what = what)),
            None => diagnostic,
        };
        Problem {
            template: template.map(str::to_string),
            diagnostic,
        }
    };
    let problem = match error.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let code = if matches!(error.kind(), ErrorKind::SyntaxError(_)) {
                "template-syntax"
            } else {
                "template-render"
            };
            let message = with_cause(report.message().to_string(), error);
            let name = report.filename();
            let span = report.span();
            let diagnostic =
                Diagnostic::error(code, t!("template-in", name = name, message = message));
            let diagnostic = match files.get(name) {
                Some(file) => {
                    let source = Source::new(&file.file, &file.text);
                    let start = span.range.start.min(file.text.len());
                    let end = span.range.end.clamp(start, file.text.len());
                    diagnostic.at(&source, start..end)
                }
                None => diagnostic.in_file(file_of(name)),
            };
            one(Some(name), diagnostic)
        }
        ErrorKind::MissingParent { current, parent } => {
            let diagnostic = Diagnostic::error(
                "template-missing",
                t!(
                    "template-missing-parent",
                    current = current,
                    parent = parent
                ),
            );
            let diagnostic = at_text(files, current, parent, diagnostic)
                .with_hint(t!("template-missing-parent-hint", parent = parent));
            one(Some(current), diagnostic)
        }
        ErrorKind::TemplateNotFound(name) => one(
            None,
            Diagnostic::error("template-missing", t!("template-not-found", name = name))
                .with_hint(t!("template-not-found-hint", name = name)),
        ),
        ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => one(
            Some(tpl),
            Diagnostic::error(
                "template-cycle",
                t!(
                    "template-extends-itself",
                    name = tpl,
                    chain = inheritance_chain.join(" -> ")
                ),
            )
            .in_file(file_of(tpl)),
        ),
        ErrorKind::CircularInclude { tpl, include_chain } => one(
            Some(tpl),
            Diagnostic::error(
                "template-cycle",
                t!(
                    "template-includes-itself",
                    name = tpl,
                    chain = include_chain.join(" -> ")
                ),
            )
            .in_file(file_of(tpl)),
        ),
        ErrorKind::Msg(message) => {
            let reports = parse_reports(message);
            if reports.is_empty() {
                one(
                    None,
                    Diagnostic::error("template", t!("template-error", message = message)),
                )
            } else {
                return reports
                    .into_iter()
                    .map(|(name, line, column, text)| {
                        let diagnostic = Diagnostic::error(
                            "template",
                            t!("template-in", name = &name, message = text),
                        );
                        let diagnostic = match files.get(&name) {
                            Some(file) => diagnostic.at_line(&file.file, &file.text, line, column),
                            None => diagnostic.in_file(file_of(&name)),
                        };
                        one(Some(&name), diagnostic)
                    })
                    .collect();
            }
        }
        _ => {
            let message = with_cause(error.to_string(), error);
            one(
                None,
                Diagnostic::error("template", t!("template-error", message = message)),
            )
        }
    };
    vec![problem]
}

/// Tera's text of an error followed by the text of its cause (both Tera's own English).
fn with_cause(message: String, error: &tera::Error) -> String {
    match std::error::Error::source(error) {
        Some(cause) => format!("{message}: {cause}"),
        None => message,
    }
}

/// Tera reports linking problems (unknown include, filter, function or block) as text in
/// its own rustc-like layout: `error: MESSAGE` then ` --> NAME:LINE:COL`, one report per
/// blank-line-separated block. Read back, they become placed diagnostics like the rest.
fn parse_reports(text: &str) -> Vec<(String, usize, usize, String)> {
    let mut out = Vec::new();
    for block in text.split("\n\n") {
        let mut lines = block.lines();
        let Some(message) = lines.next().and_then(|l| l.strip_prefix("error: ")) else {
            continue;
        };
        let Some(place) = lines.find_map(|l| l.trim_start().strip_prefix("--> ")) else {
            continue;
        };
        let mut parts = place.rsplitn(3, ':');
        let (Some(column), Some(line), Some(name)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let (Ok(line), Ok(column)) = (line.parse(), column.parse()) else {
            continue;
        };
        out.push((name.to_string(), line, column, message.to_string()));
    }
    out
}

/// Places a diagnostic at the first mention of `needle` in template `name`.
fn at_text(
    files: &BTreeMap<String, TextFile>,
    name: &str,
    needle: &str,
    diagnostic: Diagnostic,
) -> Diagnostic {
    match files.get(name) {
        Some(file) => {
            let source = Source::new(&file.file, &file.text);
            let range = file.text.find(needle).map_or(0..0, |i| i..i + needle.len());
            diagnostic.at(&source, range)
        }
        None => diagnostic,
    }
}

/// Reports, before anything renders, every `t(key="…")` that names a string the theme's
/// i18n files lack — including in branches that no page of this site happens to reach.
fn check_i18n_keys(files: &BTreeMap<String, TextFile>, i18n: &I18n) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for file in files.values() {
        for quote in ['"', '\''] {
            let pattern = format!("t(key={quote}");
            let mut from = 0;
            while let Some(found) = file.text[from..].find(&pattern) {
                let start = from + found + pattern.len();
                from = start;
                let Some(len) = file.text[start..].find(quote) else {
                    break;
                };
                let key = &file.text[start..start + len];
                // Only a whole literal key is checked; `"prefix_" ~ code` is built at render time.
                let after = file.text[start + len + 1..].trim_start();
                let literal = after.starts_with(')') || after.starts_with(',');
                if !literal || i18n.has(key) {
                    continue;
                }
                let missing = i18n.get("", key).err();
                let source = Source::new(&file.file, &file.text);
                let mut diagnostic =
                    Diagnostic::error("i18n-key", t!("template-i18n-key", key = key))
                        .at(&source, start..start + len);
                diagnostic.hint = missing.and_then(|m| m.hint);
                out.push(diagnostic);
            }
        }
    }
    out
}

/// A Tera with every function and filter themes use, reading the site through `lookups`.
fn new_tera(lookups: Lookups) -> Tera {
    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    let Lookups {
        site,
        page_values,
        i18n,
    } = lookups;
    register_pages(&mut tera, &site, &page_values);
    register_charts(&mut tera, &site, &i18n);
    register_words(&mut tera, i18n);
    tera
}

/// `get_url`, `get_page` and `get_section`: addresses and pages of the site. Each records
/// the pages it looked up, so a page is rebuilt when one of them changes.
fn register_pages(tera: &mut Tera, site: &Arc<Site>, page_values: &Arc<Vec<Value>>) {
    let url_site = Arc::clone(site);
    tera.register_function(
        "get_url",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            let path: &str = kwargs.must_get("path")?;
            let lang = language(&kwargs, state)?;
            if let Some(target) = path.strip_prefix("@/") {
                let id = url_site
                    .find(target, &lang)
                    .map_err(|p| tera::Error::message(p.message))?;
                crate::deps::record_pages(&url_site, std::iter::once(id));
                return Ok(url_site.url(&url_site.pages[id].path));
            }
            if path.contains("://") {
                return Ok(path.to_string());
            }
            Ok(url_site.url(&format!("/{}", path.trim_start_matches('/'))))
        },
    );

    let page_site = Arc::clone(site);
    let values = Arc::clone(page_values);
    tera.register_function(
        "get_page",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<Value> {
            let id = page_named(&page_site, &kwargs, state)?;
            crate::deps::record_pages(&page_site, std::iter::once(id));
            Ok(values[id].clone())
        },
    );

    let section_site = Arc::clone(site);
    let values = Arc::clone(page_values);
    tera.register_function(
        "get_section",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<Value> {
            let id = page_named(&section_site, &kwargs, state)?;
            let section = &section_site.pages[id];
            crate::deps::record_pages(
                &section_site,
                std::iter::once(id)
                    .chain(section.pages.iter().chain(&section.subsections).copied()),
            );
            let mut map = values[id].as_map().cloned().unwrap_or_default();
            let pages: Vec<Value> = section.pages.iter().map(|&p| values[p].clone()).collect();
            let subsections: Vec<Value> = section
                .subsections
                .iter()
                .map(|&p| values[p].clone())
                .collect();
            map.insert("pages".into(), Value::from(pages));
            map.insert("subsections".into(), Value::from(subsections));
            Ok(Value::from(map))
        },
    );
}

/// `chart(indicator="ID", kind="trend")` or `chart(plan="ID", kind="targets")`: an
/// accessible SVG chart of plan data, in the page's language.
fn register_charts(tera: &mut Tera, site: &Arc<Site>, i18n: &Arc<I18n>) {
    let chart_site = Arc::clone(site);
    let chart_i18n = Arc::clone(i18n);
    tera.register_function(
        "chart",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<Value> {
            let lang = language(&kwargs, state)?;
            let kind: Option<&str> = kwargs.get("kind")?;
            let indicator: Option<&str> = kwargs.get("indicator")?;
            let plan: Option<&str> = kwargs.get("plan")?;
            let request = crate::charts::request::ChartRequest {
                site: &chart_site,
                i18n: &chart_i18n,
                lang: &lang,
                kind: kind.unwrap_or(if indicator.is_some() {
                    "trend"
                } else {
                    "targets"
                }),
            };
            let svg = match (indicator, plan) {
                (Some(id), _) => request.indicator(id),
                (None, Some(id)) => request.plan(id),
                (None, None) => Err(crate::charts::request::chart_error(t!(
                    "template-chart-needs-id"
                ))),
            };
            svg.map(|svg| Value::safe_string(&svg))
                .map_err(|problem| tera::Error::message(problem.message))
        },
    );
}

/// `t` and the filters that write text as each language does: interface strings, slugs,
/// numbers and dates.
fn register_words(tera: &mut Tera, i18n: Arc<I18n>) {
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            // `t(key="tasks_shown", count=12)`: the string in the page's language, with each
            // `{name}` filled from the other arguments.
            let key: String = kwargs.must_get::<&str>("key")?.to_string();
            let lang = language(&kwargs, state)?;
            let text = i18n.get(&lang, &key).map_err(|missing| {
                tera::Error::message(match missing.hint {
                    Some(hint) => t!(
                        "template-message-with-hint",
                        message = missing.message,
                        hint = hint
                    ),
                    None => missing.message,
                })
            })?;
            let mut text = text.to_string();
            for (name, value) in kwargs.iter() {
                let name = name.to_string();
                if name != "key" && name != "lang" {
                    text = text.replace(&format!("{{{name}}}"), &value.to_string());
                }
            }
            Ok(text)
        },
    );

    // `"NV-3.12" | slugify` → `nv-3-12`: the same web-safe form the site gives addresses.
    tera.register_filter("slugify", |value: &str, _: Kwargs, _: &State| {
        crate::slug::slugify(value)
    });

    // `1234.5 | format_number` → `1.234,5` in Vietnamese, `1,234.5` in English;
    // `decimals=` caps the digits after the separator (0 by default).
    tera.register_filter(
        "format_number",
        |value: f64, kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            let lang = language(&kwargs, state)?;
            let decimals: Option<usize> = kwargs.get("decimals")?;
            Ok(crate::format::number(value, decimals.unwrap_or(0), &lang))
        },
    );

    tera.register_filter(
        "format_date",
        |value: &str, kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            let lang = language(&kwargs, state)?;
            let date = crate::values::DateValue::parse(value)
                .ok_or_else(|| tera::Error::message(t!("template-not-a-date", value = value)))?;
            Ok(crate::format::date(date.date(), &lang))
        },
    );
}

/// The page a template function names with `path="@/…"` (in `lang=` or the page's language).
fn page_named(
    site: &Site,
    kwargs: &Kwargs,
    state: &State,
) -> tera::TeraResult<crate::site::PageId> {
    let path: &str = kwargs.must_get("path")?;
    let lang = language(kwargs, state)?;
    let target = path.strip_prefix("@/").unwrap_or(path);
    site.find(target, &lang)
        .map_err(|p| tera::Error::message(p.message))
}

/// `lang=` if given, else the `lang` of the page being rendered.
fn language(kwargs: &Kwargs, state: &State) -> tera::TeraResult<String> {
    if let Some(lang) = kwargs.get::<&str>("lang")? {
        return Ok(lang.to_string());
    }
    // Read as a value: tera makes a `String` by formatting the value, on every `t()`.
    Ok(state
        .get::<Value>("lang")?
        .map(|lang| {
            lang.as_str()
                .map_or_else(|| lang.to_string(), str::to_string)
        })
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::test_support::text_files;

    fn lookups() -> Lookups {
        let config = Config::parse("title = \"x\"\nbase_url = \"https://x.vn\"\n").unwrap();
        let (site, _) = crate::site::link(
            config.clone(),
            Vec::new(),
            Default::default(),
            Default::default(),
        );
        let mut layers = BTreeMap::new();
        layers.insert(
            "vi".to_string(),
            vec![TextFile {
                file: "i18n/vi.toml".into(),
                text: "home = \"Trang chủ\"\n".into(),
            }],
        );
        let (i18n, _) = I18n::parse(&layers, &config);
        Lookups {
            site: Arc::new(site),
            page_values: Arc::new(vec![Value::none()]),
            i18n: Arc::new(i18n),
        }
    }

    fn files(list: &[(&str, &str)]) -> BTreeMap<String, TextFile> {
        text_files("templates", list)
    }

    #[test]
    fn every_syntax_error_is_reported_with_its_file_and_line() {
        let (templates, diagnostics) = Templates::load(
            &files(&[
                ("a.html", "ok\n{% if %}\n"),
                ("b.html", "{{ x "),
                ("c.html", "fine {{ t(key=\"home\") }}"),
            ]),
            lookups(),
        );
        assert_eq!(diagnostics.len(), 2, "{diagnostics:#?}");
        assert_eq!(diagnostics[0].file, "templates/a.html");
        assert_eq!(diagnostics[0].line, 2);
        assert_eq!(diagnostics[1].file, "templates/b.html");
        let mut context = Context::new();
        context.insert("lang", "vi");
        assert_eq!(
            templates
                .render("c.html", &context, || "the home page".into())
                .unwrap(),
            "fine Trang chủ".as_bytes()
        );
    }

    #[test]
    fn render_errors_name_template_and_page() {
        let (templates, _) =
            Templates::load(&files(&[("p.html", "line\n{{ page.nope }}")]), lookups());
        let mut context = Context::new();
        context.insert("page", &BTreeMap::from([("title", "A")]));
        let error = templates
            .render("p.html", &context, || "content/a.md".into())
            .unwrap_err();
        assert_eq!(error.location(), "templates/p.html:2:9", "{error}");
        assert!(error.notes[0].contains("content/a.md"));
    }

    #[test]
    fn unknown_i18n_keys_are_found_before_rendering() {
        let (_, diagnostics) =
            Templates::load(&files(&[("a.html", "{{ t(key=\"hom\") }}")]), lookups());
        assert_eq!(diagnostics[0].code, "i18n-key");
        assert_eq!(diagnostics[0].location(), "templates/a.html:1:11");
        assert_eq!(diagnostics[0].hint.as_deref(), Some("did you mean `home`?"));
    }

    #[test]
    fn a_missing_parent_is_reported_at_the_extends_line() {
        let (_, diagnostics) = Templates::load(
            &files(&[("a.html", "{% extends \"nope.html\" %}")]),
            lookups(),
        );
        assert_eq!(diagnostics[0].code, "template-missing");
        assert_eq!(diagnostics[0].location(), "templates/a.html:1:13");
    }
}
