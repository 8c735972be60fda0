//! Full-build benchmark: what users get from minhbach against Hugo, Hugo + Pagefind and
//! the "floor" program (bench/floor/, the least work any generator must do: read, render
//! Markdown, write) on the same generated corpus (bench/gen_corpus.py).
//!
//! cargo bench --bench build -- [--pages 1000,10000] [--out /dev/shm/minhbach-bench] [--runs 3]
//!                              [--pagefind DIR]
//!
//! The tools, in the table's order:
//! - `floor`: bench/floor/ on the corpus's Markdown.
//! - `minhbach`: the bench's bare templates (bench/templates/, the work of Hugo's), no
//!   pagination, no search: the generator's own cost.
//! - `minhbach default+search`: the same content with no templates of its own (the
//!   built-in default theme) and the corpus's config as a user writes it, so search and
//!   pagination are on, as users get them. The search index's size and the bytes queries
//!   download are reported after the table.
//! - `hugo`: Hugo with the corpus's templates; skipped when `hugo` is not on `PATH`.
//! - `hugo+pagefind`: Hugo's build then `pagefind --site OUT`, timed as one run (a shell
//!   runs both). Pagefind is `--pagefind DIR`'s (or `$PAGEFIND`'s) npm install,
//!   `DIR/node_modules/.bin/pagefind` (DIR may also be the binary), else `pagefind` on
//!   `PATH`; the npm wrapper is replaced by the native binary it would run. Skipped when
//!   there is none.
//!
//! Every run is a cold full build into an output folder that does not exist yet (file
//! reads come from the page cache), after a `sync` so that an earlier run's writes are
//! not flushed during this one. The runs are interleaved (each run builds with every tool
//! in turn), so that other work on the machine weighs on all tools alike. The output is on
//! tmpfs by default, so that the disk's noise does not drown the tools' differences; give
//! `--out` a folder on disk to measure the disk build (the table names the file system).
//! Wall and CPU time (user + system) are medians over the runs; peak memory is the largest
//! `ru_maxrss` over the runs. Both come from `wait4` on the tool's process, whose resource
//! usage includes the children it reaped (not the children of this process as a whole,
//! which would mix the tools): for `hugo+pagefind` the CPU time is Hugo's plus
//! Pagefind's, and the peak the larger of the two.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

mod support;

use support::{SECTIONS, find_on_path, prepare_corpus};

/// The crate's folder: the bench files and `target/` are found from it.
const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");
/// Targets for the bare build; the table says whether each is met.
const TARGET_HUGO_SPEEDUP: f64 = 2.0;
const TARGET_FLOOR_RATIO: f64 = 1.5;
const TARGET_PEAK_MIB: f64 = 300.0;
/// Targets for the default theme with search (issue #17), at `TARGET_DEFAULT_PAGES` pages.
const TARGET_DEFAULT_PAGES: usize = 10_000;
const TARGET_DEFAULT_WALL_S: f64 = 1.5;
const TARGET_DEFAULT_PEAK_MB: f64 = 300.0;

const FLOOR: &str = "floor";
const BARE: &str = "minhbach";
const DEFAULT: &str = "minhbach default+search";
const HUGO: &str = "hugo";
const HUGO_PAGEFIND: &str = "hugo+pagefind";

struct Options {
    pages: Vec<usize>,
    out: PathBuf,
    runs: usize,
    /// Where Pagefind is installed with npm (`--pagefind`, else `$PAGEFIND`), or its binary.
    pagefind: Option<PathBuf>,
}

/// One tool's command line for a corpus, and where it writes.
struct Tool {
    name: &'static str,
    program: PathBuf,
    args: Vec<String>,
    output: PathBuf,
    /// Folders the tool makes beside its output; removed before each run as well.
    leftovers: Vec<PathBuf>,
    /// Whether the tool writes exactly one `index.html` per page, section and home page,
    /// or may write more (tag pages, pagination, search and error pages).
    exact_pages: bool,
    /// Files each run must write, relative to the output (a search index, say).
    must_write: Vec<&'static str>,
}

/// What the runs of one tool measured.
struct Measured {
    name: &'static str,
    wall: Duration,
    cpu: Duration,
    peak_kib: u64,
}

/// What one run measured.
struct Sample {
    wall: Duration,
    cpu: Duration,
    peak_kib: u64,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("bench failed: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let options = parse_args(std::env::args().skip(1))?;
    let manifest = Path::new(MANIFEST_DIR);
    let floor = build_floor(manifest)?;
    let hugo = find_on_path("hugo");
    if hugo.is_none() {
        println!("Hugo: skipped, `hugo` is not on PATH (install it with `apt-get install hugo`).");
    }
    let pagefind = find_pagefind(options.pagefind.as_deref())?;
    match (&pagefind, &hugo) {
        (Some(pagefind), Some(_)) => println!("Pagefind: {}", pagefind.display()),
        (Some(_), None) => println!("Hugo+Pagefind: skipped, Hugo is not on PATH."),
        (None, _) => println!(
            "Hugo+Pagefind: skipped, no Pagefind: give `--pagefind DIR` (or PAGEFIND=DIR) where \
             `npm install pagefind` was run, or put `pagefind` on PATH."
        ),
    }
    println!("Zola: skipped, it is not installable here.");
    for &pages in &options.pages {
        let corpus = options.out.join(format!("p{pages}"));
        prepare_corpus(manifest, &corpus, pages)?;
        let mut tools = vec![
            floor_tool(&floor, &corpus),
            minhbach_tool(BARE, &corpus, "minhbach", "out-minhbach"),
            minhbach_tool(DEFAULT, &corpus, "minhbach-default", "out-minhbach-default"),
        ];
        if let Some(hugo) = &hugo {
            tools.push(hugo_tool(hugo, &corpus));
            if let Some(pagefind) = &pagefind {
                tools.push(hugo_pagefind_tool(hugo, pagefind, &corpus));
            }
        }
        let results = measure(&tools, options.runs, pages)?;
        print_table(pages, options.runs, &corpus, &results);
        print_search(pages, &corpus.join("out-minhbach-default"), &results)?;
    }
    Ok(())
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        pages: vec![1_000, 10_000],
        out: PathBuf::from("/dev/shm/minhbach-bench"),
        runs: 3,
        pagefind: std::env::var_os("PAGEFIND")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from),
    };
    let mut args = args;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            // cargo passes `--bench` to every bench target; it means nothing here.
            "--bench" => {}
            "--pages" => {
                options.pages = value("--pages")?
                    .split(',')
                    .map(|n| n.trim().replace('_', "").parse::<usize>())
                    .collect::<Result<_, _>>()
                    .map_err(|e| format!("--pages: {e}"))?;
            }
            "--out" => options.out = PathBuf::from(value("--out")?),
            "--pagefind" => options.pagefind = Some(PathBuf::from(value("--pagefind")?)),
            "--runs" => {
                options.runs = value("--runs")?
                    .parse()
                    .map_err(|e| format!("--runs: {e}"))?;
            }
            other => {
                return Err(format!(
                    "unknown argument `{other}`; use --pages N,M --out DIR --runs R --pagefind DIR"
                ));
            }
        }
    }
    if options.runs == 0 || options.pages.contains(&0) {
        return Err("--runs and every --pages value must be at least 1".into());
    }
    Ok(options)
}

/// Builds the floor program in its own target folder (it is its own workspace, with its
/// own lock file and release profile) and returns its binary. The folder is `floor/` in
/// `$CARGO_TARGET_DIR`, else in the crate's `target/`.
fn build_floor(manifest: &Path) -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .filter(|v| !v.is_empty())
        .map_or_else(|| manifest.join("target"), PathBuf::from)
        .join("floor");
    let status = Command::new(cargo)
        .args(["build", "--release", "--quiet", "--manifest-path"])
        .arg(manifest.join("bench/floor/Cargo.toml"))
        .arg("--target-dir")
        .arg(&target)
        .status()
        .map_err(|e| format!("could not run cargo to build the floor: {e}"))?;
    if !status.success() {
        return Err(format!("building the floor failed ({status})"));
    }
    Ok(target.join("release/ssg-floor"))
}

/// Pagefind's binary: in `given` (npm's install folder, with `node_modules/.bin/pagefind`,
/// or the binary itself) when given, else on `PATH`. npm's `pagefind` is a Node script
/// that runs the native binary of an `@pagefind/PLATFORM` package; that binary is used
/// when it is found, so that Node's start-up is not counted as Pagefind's.
fn find_pagefind(given: Option<&Path>) -> Result<Option<PathBuf>, String> {
    let found = match given {
        Some(path) if path.is_file() => path.to_path_buf(),
        Some(dir) => {
            let wrapper = dir.join("node_modules/.bin/pagefind");
            if !wrapper.is_file() {
                return Err(format!(
                    "--pagefind {}: there is no {} (run `npm install pagefind` in that folder)",
                    dir.display(),
                    wrapper.display()
                ));
            }
            wrapper
        }
        None => match find_on_path("pagefind") {
            Some(path) => path,
            None => return Ok(None),
        },
    };
    Ok(Some(native_pagefind(&found).unwrap_or(found)))
}

/// The native binary beside npm's wrapper script
/// (`node_modules/pagefind/lib/runner/bin.cjs`, which `.bin/pagefind` links to):
/// `node_modules/@pagefind/*/bin/pagefind_extended` (or `pagefind`), the one it runs.
fn native_pagefind(wrapper: &Path) -> Option<PathBuf> {
    let script = fs::canonicalize(wrapper).ok()?;
    if !script.ends_with("pagefind/lib/runner/bin.cjs") {
        return None;
    }
    let node_modules = script.ancestors().nth(4)?;
    let mut platforms: Vec<PathBuf> = fs::read_dir(node_modules.join("@pagefind"))
        .ok()?
        .flatten()
        .map(|entry| entry.path().join("bin"))
        .collect();
    platforms.sort();
    platforms.iter().find_map(|bin| {
        ["pagefind_extended", "pagefind"]
            .iter()
            .map(|name| bin.join(name))
            .find(|binary| binary.is_file())
    })
}

fn minhbach_tool(name: &'static str, corpus: &Path, site: &str, out: &str) -> Tool {
    let output = corpus.join(out);
    let default_theme = name == DEFAULT;
    Tool {
        name,
        program: PathBuf::from(env!("CARGO_BIN_EXE_minhbach")),
        args: vec![
            "build".into(),
            "--root".into(),
            path_arg(&corpus.join(site)),
            "--output".into(),
            path_arg(&output),
        ],
        // minhbach stages the new site beside the output folder and swaps it in.
        leftovers: vec![
            corpus.join(format!(".{out}.minhbach-new")),
            corpus.join(format!(".{out}.minhbach-old")),
        ],
        output,
        // The default theme also writes pagination, tag, search and error pages.
        exact_pages: !default_theme,
        must_write: if default_theme {
            vec!["search/vi/manifest.json", "js/search.js"]
        } else {
            Vec::new()
        },
    }
}

/// What the default theme and search add to the bare build, the search index's size,
/// and what queries download, read back with the client's Rust mirror.
fn print_search(pages: usize, output: &Path, results: &[Measured]) -> Result<(), String> {
    let find = |name: &str| results.iter().find(|r| r.name == name);
    if let (Some(bare), Some(default)) = (find(BARE), find(DEFAULT)) {
        println!(
            "default theme and search over the bare build: +{:.3} s wall, +{:.3} s CPU, peak {:.1} MiB against {:.1} MiB",
            default.wall.as_secs_f64() - bare.wall.as_secs_f64(),
            default.cpu.as_secs_f64() - bare.cpu.as_secs_f64(),
            mib(default.peak_kib),
            mib(bare.peak_kib)
        );
    }
    let (files, bytes) = folder_size(&output.join("search/vi"));
    println!(
        "search index of {pages} pages: {files} files, {:.1} MB",
        bytes as f64 / 1e6
    );
    let script = fs::metadata(output.join("js/search.js"))
        .map_err(|e| format!("js/search.js: {e}"))?
        .len() as usize;
    let mut searcher =
        minhbach::search::query::Searcher::open("vi", |path| fs::read(output.join(path)).ok())
            .ok_or("the search manifest does not open")?;
    let queries = [
        "chuyen doi so",
        "dịch vụ công trực tuyến",
        "ho so truc tuyen toan trinh",
        "thanh toán không dùng tiền mặt",
        "dinh danh dien tu",
    ];
    let mut before = 0;
    for (i, query) in queries.iter().enumerate() {
        let results = searcher.search(query, &Default::default());
        for hit in results.hits.iter().take(10) {
            searcher.fragment(hit.doc);
        }
        let fetched: usize = searcher.fetched.iter().map(|(_, size)| size).sum();
        let (this, target) = if i == 0 {
            (
                fetched - before + script,
                "first query, script included, target < 150 KB",
            )
        } else {
            (fetched - before, "later query, target < 20 KB")
        };
        println!(
            "  \"{query}\": {} results, {:.1} KB downloaded ({target})",
            results.count,
            this as f64 / 1024.0
        );
        before = fetched;
    }
    Ok(())
}

fn folder_size(dir: &Path) -> (usize, u64) {
    let Ok(entries) = fs::read_dir(dir) else {
        return (0, 0);
    };
    entries
        .flatten()
        .fold((0, 0), |(files, bytes), entry| match entry.file_type() {
            Ok(kind) if kind.is_dir() => {
                let (f, b) = folder_size(&entry.path());
                (files + f, bytes + b)
            }
            Ok(_) => (files + 1, bytes + entry.metadata().map_or(0, |m| m.len())),
            Err(_) => (files, bytes),
        })
}

fn hugo_tool(hugo: &Path, corpus: &Path) -> Tool {
    let output = corpus.join("out-hugo");
    Tool {
        name: HUGO,
        program: hugo.to_path_buf(),
        args: vec![
            "--source".into(),
            path_arg(&corpus.join("hugo")),
            "--destination".into(),
            path_arg(&output),
            "--quiet".into(),
        ],
        leftovers: Vec::new(),
        output,
        // Hugo also writes its tag pages.
        exact_pages: false,
        must_write: Vec::new(),
    }
}

/// Hugo's build, then Pagefind's index of its output, as one process tree: `sh` runs
/// both (the paths are its arguments, not part of the script), so that `wait4` on it
/// times them together and its resource usage includes both.
fn hugo_pagefind_tool(hugo: &Path, pagefind: &Path, corpus: &Path) -> Tool {
    let output = corpus.join("out-hugo-pagefind");
    Tool {
        name: HUGO_PAGEFIND,
        program: PathBuf::from("sh"),
        args: vec![
            "-c".into(),
            r#""$1" --source "$2" --destination "$3" --quiet && "$4" --site "$3" --quiet"#.into(),
            "sh".into(),
            path_arg(hugo),
            path_arg(&corpus.join("hugo")),
            path_arg(&output),
            path_arg(pagefind),
        ],
        leftovers: Vec::new(),
        output,
        exact_pages: false,
        must_write: vec!["pagefind/pagefind-entry.json", "pagefind/pagefind.js"],
    }
}

fn floor_tool(floor: &Path, corpus: &Path) -> Tool {
    let output = corpus.join("out-floor");
    Tool {
        name: FLOOR,
        program: floor.to_path_buf(),
        args: vec![
            path_arg(&corpus.join("minhbach/content")),
            path_arg(&output),
        ],
        leftovers: Vec::new(),
        output,
        exact_pages: true,
        must_write: Vec::new(),
    }
}

fn path_arg(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Runs every tool `runs` times, interleaved (run 1 of each tool, then run 2 of each...),
/// each from an empty output folder; checks each run wrote a page per content file (and
/// its `must_write` files), so that a broken build cannot pass for a fast one.
fn measure(tools: &[Tool], runs: usize, pages: usize) -> Result<Vec<Measured>, String> {
    let mut samples: Vec<Vec<Sample>> = tools.iter().map(|_| Vec::with_capacity(runs)).collect();
    for _ in 0..runs {
        for (tool, samples) in tools.iter().zip(&mut samples) {
            for dir in std::iter::once(&tool.output).chain(&tool.leftovers) {
                if dir.exists() {
                    fs::remove_dir_all(dir)
                        .map_err(|e| format!("could not remove {}: {e}", dir.display()))?;
                }
            }
            // Earlier runs' writes are flushed now rather than during this run.
            // SAFETY: sync takes no arguments and cannot fail.
            unsafe { libc::sync() };
            samples.push(run_child(tool)?);
            check_output(tool, pages)?;
        }
    }
    Ok(tools
        .iter()
        .zip(samples)
        .map(|(tool, samples)| Measured {
            name: tool.name,
            wall: median(samples.iter().map(|s| s.wall).collect()),
            cpu: median(samples.iter().map(|s| s.cpu).collect()),
            peak_kib: samples.iter().map(|s| s.peak_kib).max().unwrap_or(0),
        })
        .collect())
}

/// Every tool writes one index.html per page, per section and for the home page; Hugo
/// also writes its tag pages and the default theme its pagination, tag, search and error
/// pages, so only a lower bound holds for those.
fn check_output(tool: &Tool, pages: usize) -> Result<(), String> {
    let written = count_index_files(&tool.output);
    let expected = pages + SECTIONS + 1;
    let enough = if tool.exact_pages {
        written == expected
    } else {
        written >= expected
    };
    if !enough {
        let bound = if tool.exact_pages { "" } else { "at least " };
        return Err(format!(
            "{} wrote {written} index.html files, expected {bound}{expected}",
            tool.name
        ));
    }
    for file in &tool.must_write {
        if !tool.output.join(file).is_file() {
            return Err(format!("{} did not write {file}", tool.name));
        }
    }
    Ok(())
}

/// Runs the tool and waits for it with `wait4`, which gives the resource usage of that
/// one child, including the children it reaped itself. Returns its wall time, CPU time
/// (user + system) and peak resident memory in KiB (Linux units).
fn run_child(tool: &Tool) -> Result<Sample, String> {
    let log_path = tool.output.with_extension("log");
    let log = File::create(&log_path).map_err(|e| format!("{}: {e}", log_path.display()))?;
    let started = Instant::now();
    let child = Command::new(&tool.program)
        .args(&tool.args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| format!("could not start {}: {e}", tool.program.display()))?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain data that wait4 fills in; all-zero bytes are a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `pid` is our child, not yet reaped (std only reaps in wait/try_wait,
        // which are never called), and both pointers are to live locals.
        let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if reaped == pid {
            break;
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("wait4 for {}: {error}", tool.name));
        }
    }
    let wall = started.elapsed();
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        let log = fs::read_to_string(&log_path).unwrap_or_default();
        return Err(format!(
            "{} failed (wait status {status}):\n{}",
            tool.name,
            log.trim_end()
        ));
    }
    Ok(Sample {
        wall,
        cpu: duration(usage.ru_utime) + duration(usage.ru_stime),
        peak_kib: u64::try_from(usage.ru_maxrss).unwrap_or(0),
    })
}

fn duration(time: libc::timeval) -> Duration {
    Duration::from_secs(u64::try_from(time.tv_sec).unwrap_or(0))
        + Duration::from_micros(u64::try_from(time.tv_usec).unwrap_or(0))
}

fn count_index_files(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|entry| {
            let path = entry.path();
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => count_index_files(&path),
                Ok(_) if entry.file_name() == "index.html" => 1,
                _ => 0,
            }
        })
        .sum()
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    let middle = values.len() / 2;
    if values.len().is_multiple_of(2) {
        (values[middle - 1] + values[middle]) / 2
    } else {
        values[middle]
    }
}

fn print_table(pages: usize, runs: usize, corpus: &Path, results: &[Measured]) {
    println!(
        "\n{pages} pages, median of {runs} run(s), cold full builds into {}, on {}",
        corpus.display(),
        file_system(corpus)
    );
    let find = |name: &str| results.iter().find(|r| r.name == name);
    let wall = |name: &str| find(name).map(|r| r.wall.as_secs_f64());
    let (floor, hugo) = (wall(FLOOR), wall(HUGO));
    println!(
        "{:<24} {:>8} {:>8} {:>8} {:>9} {:>8} {:>8}",
        "tool", "wall s", "CPU s", "pages/s", "peak MiB", "x floor", "x Hugo"
    );
    let ratio = |seconds: f64, of: Option<f64>| match of {
        Some(of) => format!("{:.2}", seconds / of),
        None => "-".to_string(),
    };
    for result in results {
        let seconds = result.wall.as_secs_f64();
        println!(
            "{:<24} {:>8.3} {:>8.3} {:>8.0} {:>9.1} {:>8} {:>8}",
            result.name,
            seconds,
            result.cpu.as_secs_f64(),
            pages as f64 / seconds,
            mib(result.peak_kib),
            ratio(seconds, floor),
            ratio(seconds, hugo),
        );
    }
    if let Some(bare) = find(BARE) {
        let ours = bare.wall.as_secs_f64();
        if let Some(hugo) = hugo {
            let speedup = hugo / ours;
            println!(
                "{BARE} vs Hugo: {speedup:.2}x faster (target >= {TARGET_HUGO_SPEEDUP}x: {})",
                verdict(speedup >= TARGET_HUGO_SPEEDUP)
            );
        }
        if let Some(floor) = floor {
            let ratio = ours / floor;
            println!(
                "{BARE} vs floor: {ratio:.2}x the floor's time (target <= {TARGET_FLOOR_RATIO}x: {})",
                verdict(ratio <= TARGET_FLOOR_RATIO)
            );
        }
        let peak = mib(bare.peak_kib);
        println!(
            "{BARE} peak memory: {peak:.1} MiB (target < {TARGET_PEAK_MIB} MiB: {})",
            verdict(peak < TARGET_PEAK_MIB)
        );
    }
    if let Some(default) = find(DEFAULT) {
        let ours = default.wall.as_secs_f64();
        if let Some(peer) = find(HUGO_PAGEFIND) {
            println!(
                "{DEFAULT} vs Hugo+Pagefind: {:.2}x faster, {:.2}x the CPU time",
                peer.wall.as_secs_f64() / ours,
                default.cpu.as_secs_f64() / peer.cpu.as_secs_f64()
            );
        }
        let peak_mb = default.peak_kib as f64 * 1024.0 / 1e6;
        if pages == TARGET_DEFAULT_PAGES {
            println!(
                "{DEFAULT} targets at {pages} pages: wall {ours:.3} s (<= {TARGET_DEFAULT_WALL_S} s: {}), peak {peak_mb:.0} MB (<= {TARGET_DEFAULT_PEAK_MB} MB: {})",
                verdict(ours <= TARGET_DEFAULT_WALL_S),
                verdict(peak_mb <= TARGET_DEFAULT_PEAK_MB)
            );
        } else {
            println!(
                "{DEFAULT}: wall {ours:.3} s, peak {peak_mb:.0} MB (targets <= {TARGET_DEFAULT_WALL_S} s and <= {TARGET_DEFAULT_PEAK_MB} MB are for {TARGET_DEFAULT_PAGES} pages)"
            );
        }
    }
}

/// `tmpfs`, or `disk (TYPE)` for any other file system, from `statfs`.
fn file_system(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return "an unknown file system".into();
    };
    // SAFETY: statfs is plain data that statfs fills in; all-zero bytes are a valid value.
    let mut stat: libc::statfs = unsafe { std::mem::zeroed() };
    // SAFETY: a NUL-terminated path and a pointer to a live local.
    if unsafe { libc::statfs(c_path.as_ptr(), &mut stat) } != 0 {
        return "an unknown file system".into();
    }
    // The magic numbers of linux/magic.h; f_type's integer type differs between targets.
    #[allow(clippy::unnecessary_cast)]
    let kind = match stat.f_type as u32 {
        0x0102_1994 => return "tmpfs".into(),
        0xEF53 => "ext2/3/4".to_string(),
        0x5846_5342 => "xfs".to_string(),
        0x9123_683E => "btrfs".to_string(),
        0x794C_7630 => "overlayfs".to_string(),
        other => format!("file system type {other:#x}"),
    };
    format!("disk ({kind})")
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "not met" }
}
