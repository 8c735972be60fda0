use std::process::ExitCode;

use minhbach::t;

// A build allocates and frees many small strings on every core at once; mimalloc does that
// with less contention and fewer page faults than the system allocator (about 15% off a
// 10,000-page build in `cargo bench --bench build`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (the option's index in the bundled mimalloc 3's
/// `mi_option_t`; the bindings have no name for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Transparent huge pages make the kernel clear 2 MiB for the first touch of any part of
/// one; the allocator gives freed memory back and touches it again many times in a build,
/// and clearing it was a quarter of a 10,000-page build's CPU time in `perf`. Without them
/// the build is a little faster and its peak memory lower (`cargo bench --bench build`).
fn disable_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and changes only this process's
    // memory policy; a kernel without it returns an error, which changes nothing.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    // mimalloc holds freed memory for a second before giving it back to the system. A build
    // frees pages' texts and HTML while the search index grows: the sooner memory goes
    // back, the lower the peak, and the more the index's memory must be cleared by the
    // system again. On 10,000 pages with search (`cargo bench --bench build`, median of 3
    // or 5): 10 ms 1.56 s / 293 MB, 40 ms 1.54 s / 298 MB, 100 ms 1.47 s / 311 MB.
    // SAFETY: setting an option is allowed at any time; mimalloc reads it when it purges.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 40) };
    disable_huge_pages();
    let cli = minhbach::cli::Cli::from_command_line();
    // A panic is a bug in minhbach, never the user's fault: say so, and exit with 2.
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "{}: {}",
            t!("diag-error"),
            t!("pipeline-panic", info = info.to_string())
        );
        eprintln!("{}", t!("pipeline-panic-report"));
    }));
    std::panic::catch_unwind(|| minhbach::cli::run(cli)).unwrap_or(ExitCode::from(2))
}
