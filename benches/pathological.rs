//! Pages of pathological shapes, each about 10 MB, built by `minhbach build` with the default
//! theme and search on: many equal headings, deeply nested raw HTML, many distinct words,
//! many used reference definitions. Each must build in seconds (near-linear), not minutes.
//!
//!     cargo bench --bench pathological -- --out /dev/shm/minhbach-patho --runs 3
//!
//! Prints the median wall time and peak memory of each shape.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// About this many bytes of Markdown per page.
const PAGE_BYTES: usize = 10 * 1024 * 1024;

fn main() {
    let mut out = PathBuf::from("/dev/shm/minhbach-patho");
    let mut runs = 3;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            "--runs" => runs = args.next().and_then(|r| r.parse().ok()).unwrap_or(runs),
            _ => {}
        }
    }
    println!(
        "Pathological pages of about {} MB each, {runs} runs",
        PAGE_BYTES >> 20
    );
    println!("{:<28} {:>10} {:>12}", "shape", "median", "peak memory");
    for (name, body) in shapes() {
        let site = out.join(name);
        if let Err(error) = write_site(&site, &body) {
            eprintln!("{name}: {error}");
            continue;
        }
        let mut times = Vec::new();
        let mut peak = 0;
        for _ in 0..runs {
            match build(&site) {
                Ok((took, rss)) => {
                    times.push(took);
                    peak = peak.max(rss);
                }
                Err(error) => {
                    eprintln!("{name}: {error}");
                    break;
                }
            }
        }
        times.sort();
        if let Some(median) = times.get(times.len() / 2) {
            println!(
                "{name:<28} {:>9.2}s {:>9} MiB",
                median.as_secs_f64(),
                peak / 1024
            );
        }
    }
}

/// Each shape's Markdown body, about `PAGE_BYTES` long.
fn shapes() -> Vec<(&'static str, String)> {
    let repeat = |unit: &str| unit.repeat(PAGE_BYTES / unit.len());
    let nesting = PAGE_BYTES / 11;
    let mut words = String::with_capacity(PAGE_BYTES);
    let mut n: u64 = 1;
    while words.len() < PAGE_BYTES {
        // Distinct words of letters only, as a long glossary would have.
        n = n
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut word = n >> 20;
        for _ in 0..8 {
            words.push((b'a' + (word % 26) as u8) as char);
            word /= 26;
        }
        words.push(' ');
    }
    let references = PAGE_BYTES / 48;
    let mut refs = String::with_capacity(PAGE_BYTES);
    for i in 0..references {
        refs.push_str(&format!("[l{i}][r{i}] "));
    }
    refs.push_str("\n\n");
    for i in 0..references {
        refs.push_str(&format!("[r{i}]: https://example.org/{i}\n"));
    }
    vec![
        ("equal headings", repeat("## Mục tiêu\n\nx\n\n")),
        (
            "nested divs",
            format!("{}x{}\n", "<div>".repeat(nesting), "</div>".repeat(nesting)),
        ),
        ("distinct words", words),
        ("reference definitions", refs),
    ]
}

fn write_site(site: &Path, body: &str) -> std::io::Result<()> {
    fs::create_dir_all(site.join("content"))?;
    fs::write(
        site.join("site-config.toml"),
        "title = \"Bench\"\nbase_url = \"https://example.org\"\nlanguages = [\"vi\"]\n",
    )?;
    fs::write(
        site.join("content/_index.md"),
        "+++\ntitle = \"Trang chủ\"\n+++\n",
    )?;
    fs::write(
        site.join("content/trang.md"),
        format!("+++\ntitle = \"Trang\"\n+++\n\n{body}"),
    )
}

/// One cold build: its wall time and the child's peak memory in KiB.
fn build(site: &Path) -> Result<(Duration, u64), String> {
    let output = site.join("public");
    let _ = fs::remove_dir_all(&output);
    let started = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_minhbach"))
        .args(["build", "--root"])
        .arg(site)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let (status, rss) = wait_with_rss(child)?;
    let took = started.elapsed();
    if !status {
        return Err("the build failed".into());
    }
    Ok((took, rss))
}

/// Waits for the child and reads its peak memory from `wait4`.
fn wait_with_rss(child: std::process::Child) -> Result<(bool, u64), String> {
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: `usage` is a plain struct the call fills; the pid is our own child's.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if waited != pid {
        return Err("wait4 failed".into());
    }
    std::mem::forget(child);
    Ok((
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        usage.ru_maxrss as u64,
    ))
}
