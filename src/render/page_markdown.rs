//! The Markdown stage (pure): every page's Markdown rendered with the site's settings and
//! the theme's labels, `@/` links resolved and `{{ chart(…) }}` shortcodes drawn.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::charts;
use crate::diag::Diagnostic;
use crate::i18n::I18n;
use crate::markdown::{self, MarkdownOptions};
use crate::site::{PageId, Site};
use crate::t;

/// How Markdown is rendered for pages in `lang`: the site's settings and the theme's labels.
pub fn markdown_options(site: &Site, i18n: &I18n, lang: &str) -> MarkdownOptions {
    let label = |key: &str, fallback: &str| i18n.get(lang, key).unwrap_or(fallback).to_string();
    MarkdownOptions {
        allow_raw_html: site.config.markdown.allow_raw_html,
        smart_punctuation: site.config.markdown.smart_punctuation,
        heading_anchors: site.config.markdown.heading_anchors,
        anchor_label: label("heading_anchor", "Link to this section"),
        table_label: label("table_region", "Table"),
        plain_text: site.config.search.enabled,
    }
}

/// Renders the Markdown of every page (in parallel), then checks links to `#anchors`.
pub fn render_markdown(site: &mut Site, i18n: &I18n) -> Vec<Diagnostic> {
    let options: BTreeMap<String, MarkdownOptions> = site
        .config
        .languages
        .iter()
        .map(|lang| (lang.clone(), markdown_options(site, i18n, lang)))
        .collect();
    // Each page's text is taken out and dropped once rendered, unless the page links to
    // an `#anchor` of another page, whose check quotes the link's line.
    let texts: Vec<String> = site
        .pages
        .iter_mut()
        .map(|page| page.content.take_text())
        .collect();
    let shared: &Site = site;
    let rendered: Vec<(markdown::Rendered, Option<String>)> = texts
        .into_par_iter()
        .zip(shared.pages.par_iter())
        .map(|(text, page)| {
            let content = &page.content;
            let body = text.get(content.body_offset..).unwrap_or("");
            let source = crate::diag::Source::fragment(&content.file, body, content.body_line);
            let rendered =
                render_markdown_of(shared, i18n, &options[page.lang()], page.id, &source);
            let keep = (!rendered.anchor_links.is_empty()).then_some(text);
            (rendered, keep)
        })
        .collect();
    let mut diagnostics = Vec::new();
    for (page, (mut rendered, text)) in site.pages.iter_mut().zip(rendered) {
        diagnostics.append(&mut rendered.diagnostics);
        page.rendered = rendered;
        if let Some(text) = text {
            page.content.text = text;
        }
    }
    diagnostics.extend(site.check_anchors());
    site.pages
        .par_iter_mut()
        .for_each(|page| page.content.release_body());
    diagnostics
}

/// One page's Markdown as HTML, with its words as plain text when the site has search
/// (`MarkdownOptions::plain_text`).
pub fn render_page_markdown(
    site: &Site,
    i18n: &I18n,
    options: &MarkdownOptions,
    id: PageId,
) -> markdown::Rendered {
    render_markdown_of(
        site,
        i18n,
        options,
        id,
        &site.pages[id].content.body_source(),
    )
}

/// The Markdown of page `id`, from `source` (its body).
fn render_markdown_of(
    site: &Site,
    i18n: &I18n,
    options: &MarkdownOptions,
    id: PageId,
    source: &crate::diag::Source<'_>,
) -> markdown::Rendered {
    let page = &site.pages[id];
    let links = PageLinks {
        links: site.resolver(page.lang()),
        site,
        i18n,
        lang: page.lang(),
    };
    markdown::render(source, options, &links)
}

/// What a page's Markdown can refer to: other pages (`@/` links) and, through shortcodes,
/// charts of plan data.
pub struct PageLinks<'a> {
    pub links: crate::site::SiteLinks<'a>,
    pub site: &'a Site,
    pub i18n: &'a I18n,
    pub lang: &'a str,
}

impl markdown::LinkResolver for PageLinks<'_> {
    fn resolve(&self, target: &str) -> Result<(String, Option<usize>), markdown::LinkProblem> {
        self.links.resolve(target)
    }

    fn shortcode(
        &self,
        name: &str,
        arguments: &[(String, String)],
    ) -> Result<String, markdown::LinkProblem> {
        let argument = |key: &str| {
            arguments
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        if name != "chart" {
            return Err(markdown::LinkProblem {
                message: t!("markdown-no-shortcode", name = name),
                hint: Some(t!("render-shortcode-hint")),
            });
        }
        let request = charts::request::ChartRequest {
            site: self.site,
            i18n: self.i18n,
            lang: self.lang,
            kind: argument("kind").unwrap_or("trend"),
        };
        let chart = match (argument("indicator"), argument("plan")) {
            (Some(id), _) => request.indicator(id),
            (None, Some(plan)) => request.plan(plan),
            (None, None) => Err(charts::request::chart_error(t!(
                "render-chart-names-nothing"
            ))),
        };
        chart
            .map(|svg| format!("<figure class=\"chart-figure\">{svg}</figure>"))
            .map_err(|problem| markdown::LinkProblem {
                message: problem.message,
                hint: problem.hint,
            })
    }
}
