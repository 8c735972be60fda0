//! Render (pure): the Markdown of every page, then every file of the site, in parallel with
//! rayon. Outputs go to a sink as they are made, so a large site is never held whole in
//! memory, and tests can collect them without a disk.
//!
//! Its modules stand in three floors, each calling only down:
//! - values: `input` (what rendering reads and makes), `context` (what every page's template
//!   sees), `page_markdown` (the Markdown stage);
//! - page families: `languages`, `news`, `awareness`, `plan`, `downloads`,
//!   `search_documents`, `special`, `cards` (share cards), then `page`, which puts a page's
//!   context together;
//! - jobs: `jobs` (what is rendered, and rendering it).

pub mod awareness;
pub mod cards;
pub mod context;
pub mod downloads;
mod input;
mod jobs;
pub mod languages;
pub mod news;
pub mod page;
mod page_markdown;
pub mod plan;
pub mod search_documents;
mod special;

pub use input::{Body, HtmlStore, Output, RenderInput, Sink, output_path};
pub use jobs::{
    Job, JobSink, OutputPlan, page_values, plan_outputs, render_jobs, render_site, search_folders,
    take_search_documents, template_name,
};
pub use page_markdown::{PageLinks, markdown_options, render_markdown, render_page_markdown};
