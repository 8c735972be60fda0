//! Full-build benchmark: minhbach against Hugo and the "floor" program (bench/floor/, the
//! least work any generator must do: read, render Markdown, write) on the same generated
//! corpus (bench/gen_corpus.py).
//!
//! cargo bench --bench build -- [--pages 1000,10000] [--out /dev/shm/minhbach-bench] [--runs 3] [--search]
//!
//! With `--search`, minhbach also builds the same corpus with its search index, and the
//! bench reports the index's cost, size and the bytes queries download.
//!
//! Every run is a cold full build into an output folder that does not exist yet, on tmpfs
//! by default, so that the disk's noise does not drown the tools' differences. Wall time
//! is the median over the runs; peak memory is the largest `ru_maxrss` of the child
//! process itself, read with `wait4` (not the children of this process as a whole, which
//! would mix the tools).

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

mod support;

use support::{SECTIONS, find_on_path, prepare_corpus};

/// The crate's folder: the bench files and `target/` are found from it.
const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");
/// Targets from the brief; the table says whether each is met.
const TARGET_HUGO_SPEEDUP: f64 = 2.0;
const TARGET_FLOOR_RATIO: f64 = 1.5;
const TARGET_PEAK_MIB: f64 = 300.0;

struct Options {
    pages: Vec<usize>,
    out: PathBuf,
    runs: usize,
    /// Also build with the search index (`--search`), and report its cost and downloads.
    search: bool,
}

/// One tool's command line for a corpus, and where it writes.
struct Tool {
    name: &'static str,
    program: PathBuf,
    args: Vec<String>,
    output: PathBuf,
    /// Folders the tool makes beside its output; removed before each run as well.
    leftovers: Vec<PathBuf>,
}

/// What the runs of one tool measured.
struct Measured {
    name: &'static str,
    median: Duration,
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
    println!("Zola: skipped, it is not installable here.");
    for &pages in &options.pages {
        let corpus = options.out.join(format!("p{pages}"));
        prepare_corpus(manifest, &corpus, pages)?;
        let mut tools = vec![minhbach_tool(&corpus)];
        if options.search {
            tools.push(minhbach_search_tool(&corpus));
        }
        if let Some(hugo) = &hugo {
            tools.push(hugo_tool(hugo, &corpus));
        }
        tools.push(floor_tool(&floor, &corpus));
        let mut results = Vec::new();
        for tool in &tools {
            results.push(measure(tool, options.runs, pages)?);
        }
        print_table(pages, options.runs, &results);
        if options.search {
            print_search(pages, &corpus.join("out-minhbach-search"), &results)?;
        }
    }
    Ok(())
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        pages: vec![1_000, 10_000],
        out: PathBuf::from("/dev/shm/minhbach-bench"),
        runs: 3,
        search: false,
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
            "--search" => options.search = true,
            "--runs" => {
                options.runs = value("--runs")?
                    .parse()
                    .map_err(|e| format!("--runs: {e}"))?;
            }
            other => {
                return Err(format!(
                    "unknown argument `{other}`; use --pages N,M --out DIR --runs R [--search]"
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
/// own lock file and release profile) and returns its binary.
fn build_floor(manifest: &Path) -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let target = manifest.join("target/floor");
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

fn minhbach_tool(corpus: &Path) -> Tool {
    let output = corpus.join("out-minhbach");
    Tool {
        name: "minhbach",
        program: PathBuf::from(env!("CARGO_BIN_EXE_minhbach")),
        args: vec![
            "build".into(),
            "--root".into(),
            path_arg(&corpus.join("minhbach")),
            "--output".into(),
            path_arg(&output),
        ],
        // minhbach stages the new site beside the output folder and swaps it in.
        leftovers: vec![
            corpus.join(".out-minhbach.minhbach-new"),
            corpus.join(".out-minhbach.minhbach-old"),
        ],
        output,
    }
}

fn minhbach_search_tool(corpus: &Path) -> Tool {
    let output = corpus.join("out-minhbach-search");
    Tool {
        name: "minhbach+search",
        program: PathBuf::from(env!("CARGO_BIN_EXE_minhbach")),
        args: vec![
            "build".into(),
            "--root".into(),
            path_arg(&corpus.join("minhbach-search")),
            "--output".into(),
            path_arg(&output),
        ],
        leftovers: vec![
            corpus.join(".out-minhbach-search.minhbach-new"),
            corpus.join(".out-minhbach-search.minhbach-old"),
        ],
        output,
    }
}

/// The search index's cost (the search build's time and memory over the plain build's),
/// its size, and what queries download, read back with the client's Rust mirror.
fn print_search(pages: usize, output: &Path, results: &[Measured]) -> Result<(), String> {
    let find = |name: &str| results.iter().find(|r| r.name == name);
    if let (Some(plain), Some(search)) = (find("minhbach"), find("minhbach+search")) {
        let extra = search.median.as_secs_f64() - plain.median.as_secs_f64();
        println!(
            "search index: +{extra:.3} s over the build without it (target < 2 s for 10,000 pages), peak {:.1} MiB (target < 500 MB)",
            mib(search.peak_kib)
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
        name: "hugo",
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
    }
}

fn floor_tool(floor: &Path, corpus: &Path) -> Tool {
    let output = corpus.join("out-floor");
    Tool {
        name: "floor",
        program: floor.to_path_buf(),
        args: vec![
            path_arg(&corpus.join("minhbach/content")),
            path_arg(&output),
        ],
        leftovers: Vec::new(),
        output,
    }
}

fn path_arg(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Runs `tool` `runs` times from an empty output folder; checks each run wrote a page per
/// content file, so that a broken build cannot pass for a fast one.
fn measure(tool: &Tool, runs: usize, pages: usize) -> Result<Measured, String> {
    let mut walls = Vec::with_capacity(runs);
    let mut peak_kib = 0;
    for _ in 0..runs {
        for dir in std::iter::once(&tool.output).chain(&tool.leftovers) {
            if dir.exists() {
                fs::remove_dir_all(dir)
                    .map_err(|e| format!("could not remove {}: {e}", dir.display()))?;
            }
        }
        let (wall, max_rss) = run_child(tool)?;
        let written = count_index_files(&tool.output);
        // Every tool writes one index.html per page, per section and for the home page;
        // Hugo also writes its tag pages, so only a lower bound holds for all three.
        let expected = pages + SECTIONS + 1;
        let enough = if tool.name == "hugo" {
            written >= expected
        } else {
            written == expected
        };
        if !enough {
            return Err(format!(
                "{} wrote {written} index.html files, expected {expected}",
                tool.name
            ));
        }
        walls.push(wall);
        peak_kib = peak_kib.max(max_rss);
    }
    Ok(Measured {
        name: tool.name,
        median: median(&mut walls),
        peak_kib,
    })
}

/// Runs the tool and waits for it with `wait4`, which gives the resource usage of that
/// one child. Returns its wall time and peak resident memory in KiB (Linux units).
fn run_child(tool: &Tool) -> Result<(Duration, u64), String> {
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
    Ok((wall, u64::try_from(usage.ru_maxrss).unwrap_or(0)))
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

fn median(walls: &mut [Duration]) -> Duration {
    walls.sort();
    let middle = walls.len() / 2;
    if walls.len().is_multiple_of(2) {
        (walls[middle - 1] + walls[middle]) / 2
    } else {
        walls[middle]
    }
}

fn print_table(pages: usize, runs: usize, results: &[Measured]) {
    println!(
        "\n{pages} pages, median of {runs} run(s), cold full builds on the output's file system"
    );
    println!(
        "{:<10} {:>9} {:>10} {:>10}",
        "tool", "wall s", "pages/s", "peak MiB"
    );
    for result in results {
        let seconds = result.median.as_secs_f64();
        println!(
            "{:<10} {:>9.3} {:>10.0} {:>10.1}",
            result.name,
            seconds,
            pages as f64 / seconds,
            mib(result.peak_kib)
        );
    }
    let find = |name: &str| results.iter().find(|r| r.name == name);
    let Some(minhbach) = find("minhbach") else {
        return;
    };
    let ours = minhbach.median.as_secs_f64();
    if let Some(hugo) = find("hugo") {
        let speedup = hugo.median.as_secs_f64() / ours;
        println!(
            "minhbach vs Hugo:  {speedup:.2}x faster (target >= {TARGET_HUGO_SPEEDUP}x: {})",
            verdict(speedup >= TARGET_HUGO_SPEEDUP)
        );
    }
    if let Some(floor) = find("floor") {
        let ratio = ours / floor.median.as_secs_f64();
        println!(
            "minhbach vs floor: {ratio:.2}x the floor's time (target <= {TARGET_FLOOR_RATIO}x: {})",
            verdict(ratio <= TARGET_FLOOR_RATIO)
        );
    }
    let peak = mib(minhbach.peak_kib);
    println!(
        "minhbach peak memory: {peak:.1} MiB (target < {TARGET_PEAK_MIB} MiB: {})",
        verdict(peak < TARGET_PEAK_MIB)
    );
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "MISSED" }
}
