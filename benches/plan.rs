//! National-plan benchmark: a full build of one plan at the scale of a national portal
//! (bench/gen_plan.py: 34 provinces, 120 indicators, 24 months of readings, about 100,000
//! readings and 5,000 tasks), against the targets of a whole build under 3 s and under
//! 500 MB of memory.
//!
//! cargo bench --bench plan -- [--out /dev/shm/minhbach-plan-bench] [--runs 3]
//!
//! The site is generated once into `OUT/site` and reused while its `plan-bench.json` says it
//! was made with the same parameters, after the generator's last edit. Every run is a cold
//! full build of it into `OUT/public`, removed first, with `--timings`. Wall time and the
//! time of each stage are medians over the runs; peak memory is the largest `ru_maxrss` of
//! the child itself, read with `wait4` (as in benches/build.rs). Each run must succeed and
//! write every indicator's page in every language, so that a broken site cannot pass for a
//! fast one.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// The crate's folder: the generator is found from it.
const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");
/// The size of the generated plan; a cached site is reused only if it matches all of them.
const PROVINCES: u64 = 34;
const INDICATORS: u64 = 120;
const MONTHS: u64 = 24;
const TASKS: u64 = 5_000;
const SEED: u64 = 1;
/// Where a plan's target pages are, inside its folder (`PLAN/chi-tieu/ID/`).
const INDICATORS_SEGMENT: &str = "chi-tieu";
/// Targets from the brief; the report says whether each is met.
const TARGET_WALL_SECONDS: f64 = 3.0;
const TARGET_PEAK_MB: f64 = 500.0;

struct Options {
    out: PathBuf,
    runs: usize,
}

/// What the generator says it wrote (`plan-bench.json`).
struct SiteInfo {
    readings: u64,
    tasks: u64,
    plan_dir: String,
    languages: Vec<String>,
    default_language: String,
    indicator_ids: Vec<String>,
}

/// What one build printed and used.
struct Run {
    wall: Duration,
    /// User plus system time of the child, on all its threads.
    cpu: Duration,
    peak_kib: u64,
    /// `--timings` lines: each stage and its time, in the order they ran.
    stages: Vec<(String, Duration)>,
    pages: u64,
    files: u64,
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
    let site = options.out.join("site");
    let output = options.out.join("public");
    let info = prepare_site(Path::new(MANIFEST_DIR), &site)?;
    // Other work on the machine shows in wall time; the load average tells how much.
    let load_average = fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into());
    let mut runs = Vec::with_capacity(options.runs);
    for _ in 0..options.runs {
        let run = build_once(&site, &output)?;
        check_indicator_pages(&output, &info)?;
        runs.push(run);
    }
    report(&info, &runs, &load_average);
    Ok(())
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        out: PathBuf::from("/dev/shm/minhbach-plan-bench"),
        runs: 3,
    };
    let mut args = args;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            // cargo passes `--bench` to every bench target; it means nothing here.
            "--bench" => {}
            "--out" => options.out = PathBuf::from(value("--out")?),
            "--runs" => {
                options.runs = value("--runs")?
                    .parse()
                    .map_err(|e| format!("--runs: {e}"))?;
            }
            other => {
                return Err(format!(
                    "unknown argument `{other}`; use --out DIR --runs R"
                ));
            }
        }
    }
    if options.runs == 0 {
        return Err("--runs must be at least 1".into());
    }
    Ok(options)
}

/// Generates the site unless its `plan-bench.json` (written last) matches the parameters
/// and is newer than the generator, and returns what the generator reports about it.
fn prepare_site(manifest: &Path, site: &Path) -> Result<SiteInfo, String> {
    let generator = manifest.join("bench/gen_plan.py");
    let info_path = site.join("plan-bench.json");
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    let fresh = matches!(
        (modified(&info_path), modified(&generator)),
        (Some(made), Some(edited)) if made > edited
    );
    if let Some(info) = read_info(&info_path).filter(|_| fresh) {
        println!("National plan: cached in {}", site.display());
        return Ok(info);
    }
    println!("National plan: generating in {}", site.display());
    let number = |n: u64| n.to_string();
    let status = Command::new("python3")
        .arg(&generator)
        .arg(site)
        .args(["--provinces", &number(PROVINCES)])
        .args(["--indicators", &number(INDICATORS)])
        .args(["--months", &number(MONTHS)])
        .args(["--tasks", &number(TASKS)])
        .args(["--seed", &number(SEED)])
        .stdout(Stdio::null())
        .status()
        .map_err(|e| format!("could not run python3 bench/gen_plan.py: {e}"))?;
    if !status.success() {
        return Err(format!("gen_plan.py failed ({status})"));
    }
    read_info(&info_path).ok_or(format!(
        "gen_plan.py did not write a matching {}",
        info_path.display()
    ))
}

/// The generator's report, if it was made with this bench's parameters.
fn read_info(path: &Path) -> Option<SiteInfo> {
    let text = fs::read_to_string(path).ok()?;
    let info: serde_json::Value = serde_json::from_str(&text).ok()?;
    let number = |key: &str| info.get(key).and_then(serde_json::Value::as_u64);
    let text = |key: &str| info.get(key)?.as_str().map(str::to_string);
    let texts = |key: &str| -> Option<Vec<String>> {
        info.get(key)?
            .as_array()?
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    let same = [
        ("provinces", PROVINCES),
        ("indicators", INDICATORS),
        ("months", MONTHS),
        ("tasks", TASKS),
        ("seed", SEED),
    ]
    .iter()
    .all(|&(key, wanted)| number(key) == Some(wanted));
    if !same {
        return None;
    }
    Some(SiteInfo {
        readings: number("readings")?,
        tasks: number("tasks")?,
        plan_dir: text("plan_dir")?,
        languages: texts("languages")?,
        default_language: text("default_language")?,
        indicator_ids: texts("indicator_ids")?,
    })
}

/// One cold full build: removes the output (and the folders minhbach stages beside it),
/// runs `minhbach build --timings` and reads what it printed.
fn build_once(site: &Path, output: &Path) -> Result<Run, String> {
    let name = output
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let parent = output.parent().unwrap_or(Path::new("."));
    for dir in [
        output.to_path_buf(),
        parent.join(format!(".{name}.minhbach-new")),
        parent.join(format!(".{name}.minhbach-old")),
    ] {
        if dir.exists() {
            fs::remove_dir_all(&dir)
                .map_err(|e| format!("could not remove {}: {e}", dir.display()))?;
        }
    }
    let stdout_path = output.with_extension("out");
    let stderr_path = output.with_extension("log");
    let (wall, cpu, peak_kib) = run_child(site, output, &stdout_path, &stderr_path)?;
    let printed =
        fs::read_to_string(&stdout_path).map_err(|e| format!("{}: {e}", stdout_path.display()))?;
    let warnings = fs::read_to_string(&stderr_path).unwrap_or_default();
    if !warnings.trim().is_empty() {
        println!(
            "note: the build printed diagnostics (see {}):\n{}",
            stderr_path.display(),
            warnings.lines().take(5).collect::<Vec<_>>().join("\n")
        );
    }
    let (pages, files) = built_counts(&printed).ok_or(format!(
        "no `Built N pages ... (F files` line in minhbach's output:\n{printed}"
    ))?;
    let stages = stage_times(&printed);
    if stages.is_empty() {
        return Err(format!(
            "no --timings lines in minhbach's output:\n{printed}"
        ));
    }
    Ok(Run {
        wall,
        cpu,
        peak_kib,
        stages,
        pages,
        files,
    })
}

/// Runs minhbach and waits for it with `wait4`, which gives the resource usage of that one
/// child. Returns its wall time, CPU time and peak resident memory in KiB (Linux units).
fn run_child(
    site: &Path,
    output: &Path,
    stdout_path: &Path,
    stderr_path: &Path,
) -> Result<(Duration, Duration, u64), String> {
    let file = |path: &Path| File::create(path).map_err(|e| format!("{}: {e}", path.display()));
    let program = env!("CARGO_BIN_EXE_minhbach");
    let started = Instant::now();
    let child = Command::new(program)
        .arg("build")
        .arg("--root")
        .arg(site)
        .arg("--output")
        .arg(output)
        .arg("--timings")
        .stdin(Stdio::null())
        .stdout(file(stdout_path)?)
        .stderr(file(stderr_path)?)
        .spawn()
        .map_err(|e| format!("could not start {program}: {e}"))?;
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
            return Err(format!("wait4 for minhbach: {error}"));
        }
    }
    let wall = started.elapsed();
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        let log = fs::read_to_string(stderr_path).unwrap_or_default();
        let first: Vec<&str> = log.lines().take(40).collect();
        return Err(format!(
            "minhbach build failed (wait status {status}):\n{}",
            first.join("\n")
        ));
    }
    let seconds = |t: libc::timeval| {
        Duration::from_secs(u64::try_from(t.tv_sec).unwrap_or(0))
            + Duration::from_micros(u64::try_from(t.tv_usec).unwrap_or(0))
    };
    let cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    Ok((wall, cpu, u64::try_from(usage.ru_maxrss).unwrap_or(0)))
}

/// `Built 380 pages into OUT (686 files: ...` gives (380, 686).
fn built_counts(printed: &str) -> Option<(u64, u64)> {
    let line = printed.lines().find(|l| l.starts_with("Built "))?;
    let mut words = line.split_whitespace();
    let pages = words.nth(1)?.parse().ok()?;
    let files = line.split_once('(')?.1.split_whitespace().next()?;
    Some((pages, files.parse().ok()?))
}

/// The `--timings` lines, `              read:    31.6 ms     12 MiB`, as (stage, time).
fn stage_times(printed: &str) -> Vec<(String, Duration)> {
    printed
        .lines()
        .filter_map(|line| {
            let (stage, rest) = line.split_once(':')?;
            let mut words = rest.split_whitespace();
            let ms: f64 = words.next()?.parse().ok()?;
            if words.next() != Some("ms") {
                return None;
            }
            Some((
                stage.trim().to_string(),
                Duration::from_secs_f64(ms / 1000.0),
            ))
        })
        .collect()
}

/// Every indicator must have its page in every language, and no other page may stand
/// where indicator pages are (`chi-tieu/page/N/` are the list's own pages).
fn check_indicator_pages(output: &Path, info: &SiteInfo) -> Result<(), String> {
    for lang in &info.languages {
        let root = if *lang == info.default_language {
            output.to_path_buf()
        } else {
            output.join(lang)
        };
        let section = root.join(&info.plan_dir).join(INDICATORS_SEGMENT);
        let missing: Vec<&str> = info
            .indicator_ids
            .iter()
            .filter(|id| !section.join(id).join("index.html").is_file())
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "{} of {} indicator pages are missing in {} ({lang}), e.g. {}",
                missing.len(),
                info.indicator_ids.len(),
                section.display(),
                missing[0]
            ));
        }
        let found = fs::read_dir(&section)
            .map_err(|e| format!("{}: {e}", section.display()))?
            .flatten()
            .filter(|entry| entry.file_name() != "page")
            .filter(|entry| entry.path().join("index.html").is_file())
            .count();
        if found != info.indicator_ids.len() {
            return Err(format!(
                "{} holds {found} pages, expected {} indicator pages",
                section.display(),
                info.indicator_ids.len()
            ));
        }
    }
    Ok(())
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    // The middle one, or the mean of the two middle ones of an even count.
    let (low, high) = ((times.len() - 1) / 2, times.len() / 2);
    (times[low] + times[high]) / 2
}

fn report(info: &SiteInfo, runs: &[Run], load_average: &str) {
    let mut walls: Vec<Duration> = runs.iter().map(|r| r.wall).collect();
    let wall = median(&mut walls);
    let cpu = median(&mut runs.iter().map(|r| r.cpu).collect::<Vec<_>>());
    let peak_kib = runs.iter().map(|r| r.peak_kib).max().unwrap_or(0);
    let last = &runs[runs.len() - 1];
    let indicator_pages = info.indicator_ids.len() * info.languages.len();
    println!(
        "\nNational plan: {} readings, {} tasks, {} indicators ({PROVINCES} provinces, {MONTHS} months)",
        thousands(info.readings),
        thousands(info.tasks),
        info.indicator_ids.len()
    );
    println!(
        "Built {} pages ({} files), {indicator_pages} indicator pages checked; median of {} cold full build(s)",
        last.pages,
        last.files,
        runs.len()
    );
    let seconds = wall.as_secs_f64();
    println!(
        "wall time    {seconds:>8.3} s    (target < {TARGET_WALL_SECONDS} s: {}); fastest {:.3} s, slowest {:.3} s",
        verdict(seconds < TARGET_WALL_SECONDS),
        walls[0].as_secs_f64(),
        walls[walls.len() - 1].as_secs_f64()
    );
    println!(
        "CPU time     {:>8.3} s    (user + system, all threads; {} CPUs here, load average {} before the runs)",
        cpu.as_secs_f64(),
        std::thread::available_parallelism().map_or(0, usize::from),
        load_average
    );
    let peak_bytes = peak_kib as f64 * 1024.0;
    println!(
        "peak memory  {:>8.1} MiB  (target < {TARGET_PEAK_MB} MB = {:.1} MiB: {})",
        peak_bytes / (1024.0 * 1024.0),
        TARGET_PEAK_MB * 1e6 / (1024.0 * 1024.0),
        verdict(peak_bytes < TARGET_PEAK_MB * 1e6)
    );
    println!("\n{:<18} {:>10} {:>8}", "stage", "median ms", "share");
    let row = |name: &str, time: Duration| {
        println!(
            "{name:<18} {:>10.1} {:>7.1}%",
            time.as_secs_f64() * 1000.0,
            100.0 * time.as_secs_f64() / seconds
        );
    };
    for (stage, _) in &last.stages {
        let mut times: Vec<Duration> = runs
            .iter()
            .filter_map(|r| r.stages.iter().find(|(s, _)| s == stage).map(|(_, t)| *t))
            .collect();
        row(stage, median(&mut times));
    }
    // Starting the process, loading the config and exiting: each run's wall time less its
    // stages.
    let mut outside: Vec<Duration> = runs
        .iter()
        .map(|r| {
            r.wall
                .saturating_sub(r.stages.iter().map(|(_, t)| *t).sum())
        })
        .collect();
    row("outside stages", median(&mut outside));
}

/// 99840 as `99,840`.
fn thousands(n: u64) -> String {
    let mut groups = vec![n % 1000];
    let mut rest = n / 1000;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let mut out = groups.pop().unwrap_or(0).to_string();
    for group in groups.iter().rev() {
        out.push_str(&format!(",{group:03}"));
    }
    out
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "MISSED" }
}
