//! The command line: arguments parsed by clap, each command run, the result turned into
//! an exit code (0 ok, 1 the site has errors, 2 usage or internal failure).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::parser::ValueSource;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::check::external;
use crate::diag;
use crate::diag::Diagnostic;
use crate::init::new::{self, Request, TaskRequest};
use crate::init::{Host, InitOptions};
use crate::messages::{self, Lang};
use crate::pipeline::{self, BuildOptions, BuildReport};
use crate::serve::ServeOptions;
use crate::t;

#[derive(Debug, Parser)]
#[command(
    name = "minhbach",
    version,
    about = "Build a plan-transparency portal from Markdown, TOML and CSV",
    long_about = "minhbach turns a site folder (site-config.toml, content/, themes/) into a fast, \
                  accessible static website.\n\nRun `minhbach init my-site` to start, then \
                  `minhbach serve --root my-site` to preview it."
)]
pub struct Cli {
    /// The site folder (the one holding site-config.toml); the current folder by default.
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// The language of minhbach's messages: vi or en. By default the site's
    /// `default_language`, else the computer's locale.
    #[arg(long, global = true, value_name = "LANG", env = "MINHBACH_LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,

    /// Print only problems: no progress line, no summary.
    #[arg(long, short, global = true)]
    pub quiet: bool,

    /// Whether `--lang` was written on the command line (not taken from MINHBACH_LANG):
    /// only then does it choose a new site's default language.
    #[arg(skip)]
    pub lang_written: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new site with example content in DIR.
    Init {
        /// Where to create the site; it must not exist or be empty. With --lang en the
        /// site's default language is English (served at `/`, Vietnamese under `/vi/`);
        /// otherwise Vietnamese (English under `/en/`).
        dir: PathBuf,
        /// Also write the files that build and publish the site on GitHub Pages
        /// (.github/workflows/pages.yml) or GitLab Pages (.gitlab-ci.yml).
        #[arg(long, value_enum, value_name = "HOST")]
        ci: Option<Host>,
    },
    /// Add a news article, an awareness piece, a page or a plan's task to the site.
    #[command(subcommand)]
    New(NewCommand),
    /// Build the site into the output folder.
    Build(BuildArgs),
    /// Build the site and serve it on this computer for preview.
    Serve(ServeArgs),
    /// Check content, data, links and templates without writing anything.
    Check {
        /// Include pages marked `draft = true`.
        #[arg(long)]
        drafts: bool,
        /// Also ask for every external (http, https) link of the content; a dead one is an
        /// error. This needs the network and may take a while.
        #[arg(long)]
        external: bool,
        /// How long one external link may take to answer, in seconds (10 by default).
        #[arg(long, value_name = "SECONDS", requires = "external", value_parser = seconds)]
        external_timeout: Option<Duration>,
    },
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A news article dated today, in the site's news section.
    News {
        /// The article's title; its file name is made from it.
        title: String,
        /// The news section to write in (a folder of content/), when the site has several.
        #[arg(long, value_name = "PATH")]
        section: Option<String>,
    },
    /// An awareness piece (a guide, questions and answers) in the awareness section.
    Awareness {
        /// The piece's title; its file name is made from it.
        title: String,
        /// The awareness section to write in (a folder of content/), when the site has several.
        #[arg(long, value_name = "PATH")]
        section: Option<String>,
    },
    /// A page at PATH inside content/ (such as gioi-thieu/lich-su.md).
    Page {
        /// Where the page goes inside content/; `.md` is added when missing.
        path: String,
        /// The page's title; made from the file name when not given.
        #[arg(long)]
        title: Option<String>,
    },
    /// A task: a new row of a plan's task table (tasks.csv).
    Task {
        /// The task's title.
        title: Option<String>,
        /// The plan's folder inside content/, when the site has several plans.
        #[arg(long, value_name = "PATH")]
        plan: Option<String>,
        /// The task's group: its id, number or title (the group of the last task by default).
        #[arg(long)]
        group: Option<String>,
        /// The unit leading the task (the lead of the group's last task by default).
        #[arg(long)]
        lead: Option<String>,
        /// The deadline, as 31/12/2026 or Quý IV/2026 (the end of the plan's period by default).
        #[arg(long)]
        due: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Where to write the site; `public/` in the site folder by default.
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Use this address instead of `base_url` from site-config.toml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Include pages marked `draft = true`.
    #[arg(long)]
    pub drafts: bool,
    /// Include pages dated after today (left out by default, so that news can be scheduled).
    #[arg(long)]
    pub future: bool,
    /// Print how long each stage of the build took.
    #[arg(long)]
    pub timings: bool,
    /// After building, ask for every external (http, https) link of the content; a dead one
    /// is a warning and the site is written all the same. This needs the network.
    #[arg(long)]
    pub check_links_external: bool,
    /// How long one external link may take to answer, in seconds (10 by default).
    #[arg(long, value_name = "SECONDS", requires = "check_links_external", value_parser = seconds)]
    pub external_timeout: Option<Duration>,
}

/// A number of seconds above 0 and at most 600 (fractions allowed).
fn seconds(text: &str) -> Result<Duration, String> {
    match text.parse::<f64>() {
        Ok(value) if value > 0.0 && value <= 600.0 => Ok(Duration::from_secs_f64(value)),
        _ => Err(t!("cli-seconds", text = text)),
    }
}

/// The settings of external link checking when `on` (and a word on standard error that
/// the run will take longer).
fn external_settings(on: bool, timeout: Option<Duration>) -> Option<external::Settings> {
    on.then(|| {
        eprintln!("{}", t!("cli-external-starting"));
        external::Settings {
            timeout: timeout.unwrap_or(external::DEFAULT_TIMEOUT),
        }
    })
}

/// The line saying what the external links came to.
fn external_summary(summary: Option<external::Summary>) -> String {
    let Some(summary) = summary else {
        return String::new();
    };
    let line = t!(
        "cli-external-summary",
        links = summary.links,
        addresses = summary.addresses,
        dead = summary.dead,
        unconfirmed = summary.unconfirmed
    );
    format!("\n{line}")
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on. Keep 127.0.0.1 unless others must see the preview.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS")]
    pub bind: String,
    /// The port to listen on; the next free one is used if it is taken, 0 picks any.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Open the preview in the web browser.
    #[arg(long)]
    pub open: bool,
    /// Look for changes by polling, for file systems where change events do not arrive
    /// (network drives, some containers).
    #[arg(long)]
    pub poll: bool,
    /// Include pages marked `draft = true`.
    #[arg(long)]
    pub drafts: bool,
}

impl Cli {
    /// The command line of this run, parsed; a mistake in it ends the run with clap's
    /// message (exit code 2).
    pub fn from_command_line() -> Cli {
        let matches = Cli::command().get_matches();
        let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
        cli.lang_written = matches.value_source("lang") == Some(ValueSource::CommandLine);
        cli
    }
}

fn parse_lang(value: &str) -> Result<Lang, String> {
    match value {
        "vi" => Ok(Lang::Vi),
        "en" => Ok(Lang::En),
        _ => Err(t!("cli-lang-unknown", lang = value)),
    }
}

/// Runs the parsed command and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    messages::set_language(
        cli.lang
            .or_else(|| site_language(cli.root.as_deref()))
            .unwrap_or_else(Lang::from_locale),
    );
    let quiet = cli.quiet;
    let progress = !quiet && progress_wanted();
    match cli.command {
        Command::Init { dir, ci } => {
            // `--lang` on the command line says the new site's default language too.
            let language = cli.lang.filter(|_| cli.lang_written).unwrap_or(Lang::Vi);
            let options = InitOptions {
                dir: dir.clone(),
                language,
                ci,
            };
            match crate::init::create(&options) {
                Ok(_) => {
                    let dir = dir.display().to_string();
                    println!("{}", t!("cli-init-created", dir = &dir));
                    if let Some(host) = ci {
                        let file = match host {
                            Host::Github => crate::init::ci::GITHUB_FILE,
                            Host::Gitlab => crate::init::ci::GITLAB_FILE,
                        };
                        println!("{}", t!("init-ci-published", file = file));
                    }
                    println!("{}", t!("cli-init-next", dir = &dir));
                    ExitCode::SUCCESS
                }
                Err(problem) => {
                    diag::print(&[problem]);
                    ExitCode::from(2)
                }
            }
        }
        Command::New(what) => {
            let shown = cli.root.clone().unwrap_or_default();
            let Some(root) = root_or_report(cli.root) else {
                return ExitCode::from(1);
            };
            let request = match what {
                NewCommand::News { title, section } => Request::News { title, section },
                NewCommand::Awareness { title, section } => Request::Awareness { title, section },
                NewCommand::Page { path, title } => Request::Page { path, title },
                NewCommand::Task {
                    title,
                    plan,
                    group,
                    lead,
                    due,
                } => Request::Task(TaskRequest {
                    title,
                    plan,
                    group,
                    lead,
                    due,
                }),
            };
            match new::run(&root, &request, crate::content::today()) {
                Ok(created) => {
                    print_created(&shown.join(&created.file), &created);
                    ExitCode::SUCCESS
                }
                Err(problems) => {
                    diag::print(&problems);
                    ExitCode::from(diag::exit_code(&problems).max(1))
                }
            }
        }
        Command::Build(args) => {
            let Some(root) = root_or_report(cli.root) else {
                return ExitCode::from(1);
            };
            let options = BuildOptions {
                root,
                output: args.output,
                base_url: args.base_url,
                drafts: args.drafts,
                future: args.future,
                external_links: external_settings(args.check_links_external, args.external_timeout),
                progress,
            };
            let output_dir = options.output_dir();
            let result = pipeline::build(&options);
            if let (true, Ok(report)) = (args.timings, &result) {
                for stage in &report.timings.stages {
                    let resident = stage.resident_bytes.map_or(String::new(), |bytes| {
                        format!("  {:>6.0} MiB", bytes as f64 / (1 << 20) as f64)
                    });
                    println!(
                        "{:>18}: {:>7.1} ms{resident}",
                        stage.name,
                        stage.took.as_secs_f64() * 1000.0
                    );
                }
            }
            finish(result, quiet, |report| {
                let summary = t!(
                    "cli-built",
                    pages = report.pages,
                    output = output_dir.display().to_string(),
                    files = report.files,
                    written = report.stats.written,
                    unchanged = report.stats.unchanged,
                    ms = report.elapsed.as_millis() as u64
                );
                format!("{summary}{}", external_summary(report.external_links))
            })
        }
        Command::Check {
            drafts,
            external,
            external_timeout,
        } => {
            let Some(root) = root_or_report(cli.root) else {
                return ExitCode::from(1);
            };
            let options = BuildOptions {
                root,
                drafts,
                external_links: external_settings(external, external_timeout),
                progress,
                ..BuildOptions::default()
            };
            finish(pipeline::check(&options), quiet, |report| {
                let summary = t!(
                    "cli-checked",
                    pages = report.pages,
                    files = report.files,
                    ms = report.elapsed.as_millis() as u64
                );
                format!("{summary}{}", external_summary(report.external_links))
            })
        }
        Command::Serve(args) => {
            let Some(root) = root_or_report(cli.root) else {
                return ExitCode::from(1);
            };
            crate::serve::run(
                root,
                &ServeOptions {
                    bind: args.bind,
                    port: args.port,
                    open: args.open,
                    poll: args.poll,
                    drafts: args.drafts,
                },
            )
        }
    }
}

/// What `new` wrote, where (`path`, as the user named the site folder), and what to check.
fn print_created(path: &std::path::Path, created: &new::Created) {
    match &created.task {
        Some(task) => {
            let path = path.display().to_string();
            println!(
                "{}",
                t!(
                    "new-task-added",
                    id = &task.id,
                    path = path,
                    line = task.line
                )
            );
            println!(
                "{}",
                t!(
                    "new-task-check",
                    group = &task.group,
                    lead = &task.lead,
                    due = &task.due
                )
            );
        }
        None => println!("{}", t!("new-created", path = path.display().to_string())),
    }
    if !created.others.is_empty() {
        println!("{}", t!("new-others", others = created.others.join(", ")));
    }
}

fn root_or_report(root: Option<PathBuf>) -> Option<PathBuf> {
    match pipeline::find_root(root.as_deref()) {
        Ok(root) => Some(root),
        Err(diagnostic) => {
            diag::print(&[diagnostic]);
            None
        }
    }
}

/// Prints the outcome of a build or check and gives its exit code.
pub fn finish(
    result: Result<BuildReport, Vec<Diagnostic>>,
    quiet: bool,
    summary: impl Fn(&BuildReport) -> String,
) -> ExitCode {
    match result {
        Ok(report) => {
            diag::print(&report.diagnostics);
            if !quiet {
                println!("{}", summary(&report));
            }
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            diag::print(&diagnostics);
            let code = diag::exit_code(&diagnostics);
            if code == 1 {
                let errors = diagnostics.iter().filter(|d| d.is_error()).count();
                let warnings = diagnostics.len() - errors;
                eprintln!(
                    "{}",
                    t!(
                        "summary-site-has-errors",
                        errors = errors,
                        warnings = warnings
                    )
                );
            }
            ExitCode::from(code.max(1))
        }
    }
}

/// Whether a progress line makes sense: standard error is a terminal that understands
/// redrawing a line.
fn progress_wanted() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var("TERM").map_or(true, |term| term != "dumb")
}

/// The `default_language` of the site the command will read, if its settings say one that
/// minhbach speaks. Read on its own, before the build, so that even the settings' own
/// errors are told in the site's language.
fn site_language(root: Option<&std::path::Path>) -> Option<Lang> {
    let root = pipeline::find_root(root).ok()?;
    let text = std::fs::read_to_string(root.join(crate::source::CONFIG_FILE)).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    match table.get("default_language") {
        Some(language) => Lang::from_tag(language.as_str()?),
        None => Lang::from_tag(crate::config::DEFAULT_LANGUAGE),
    }
}
