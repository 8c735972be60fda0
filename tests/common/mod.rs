//! Helpers for the whole-site tests: copy a fixture site to a temp folder, edit it, run the
//! real binary on it, and read what it wrote; build the example portal; keep a `serve`
//! session of a fixture equal to a full build.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use minhbach::pipeline::{self, BuildOptions};
use minhbach::serve::session::{Session, Update};

pub struct Site {
    // Kept so the folder lives as long as the test.
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `minhbach ARGS` with colours off.
pub fn minhbach<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = command();
    command.args(args);
    run_command(&mut command)
}

/// The program, with colours off and its messages in English (tests of Vietnamese
/// messages change `MINHBACH_LANG`).
pub fn command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_minhbach"));
    command.env("NO_COLOR", "1").env("MINHBACH_LANG", "en");
    command
}

/// Runs `command` to its end and keeps what it printed.
pub fn run_command(command: &mut Command) -> Run {
    let output = command.output().expect("run minhbach");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

impl Run {
    pub fn assert_ok(&self) -> &Self {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Asserts a failure with `code` that is not a panic.
    pub fn assert_fails(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "expected exit code {code}\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        assert!(
            !self.stderr.contains("panicked"),
            "panicked:\n{}",
            self.stderr
        );
        assert!(
            !self.stderr.contains("internal error"),
            "internal error:\n{}",
            self.stderr
        );
        self
    }
}

impl Site {
    /// A copy of `tests/fixtures/NAME` in a fresh temp folder.
    pub fn fixture(name: &str) -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name),
            &root,
        );
        Site { _dir: dir, root }
    }

    /// A new site made by `minhbach init SITE ARGS` in a fresh temp folder.
    pub fn init(args: &[&str]) -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        let init = [OsStr::new("init"), root.as_os_str()];
        minhbach(init.into_iter().chain(args.iter().map(OsStr::new))).assert_ok();
        Site { _dir: dir, root }
    }

    pub fn read(&self, relative: &str) -> String {
        let path = self.path(relative);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    pub fn write(&self, relative: &str, text: &str) -> &Self {
        self.write_bytes(relative, text.as_bytes())
    }

    pub fn write_bytes(&self, relative: &str, bytes: &[u8]) -> &Self {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
        self
    }

    pub fn remove(&self, relative: &str) -> &Self {
        fs::remove_file(self.path(relative)).unwrap();
        self
    }

    /// Runs `minhbach ARGS --root SITE`.
    pub fn run(&self, args: &[&str]) -> Run {
        let root = ["--root".as_ref(), self.root.as_os_str()];
        minhbach(args.iter().map(OsStr::new).chain(root))
    }

    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// Builds, expects exit code 1 with nothing written, and returns standard error.
    pub fn build_fails(&self) -> String {
        let run = self.build();
        run.assert_fails(1);
        assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
        run.stderr
    }

    /// A file of the built site (`public/…`).
    pub fn output(&self, relative: &str) -> String {
        let path = self.path("public").join(relative);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    pub fn has_output(&self, relative: &str) -> bool {
        self.path("public").join(relative).exists()
    }
}

/// Every file under `folder` with its bytes, by `/`-separated path, sorted.
pub fn snapshot(folder: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    collect(folder, folder, &mut files);
    files.sort();
    files
}

/// The `<main>` element of a page, where the page's own content is.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("page has <main>");
    let end = html.find("</main>").expect("page has </main>");
    &html[start..end]
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(root, &path, out);
        } else {
            let relative = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((relative, fs::read(&path).unwrap()));
        }
    }
}

/// The words of a page's `<main>` without its tags, spaces collapsed.
pub fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in main_of(html).chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The example portal (this repository's own site folder) built by the binary into a fresh
/// temp folder.
pub struct ExamplePortal {
    // Kept so the folder lives as long as the test.
    _dir: tempfile::TempDir,
    /// The output folder.
    pub public: PathBuf,
    pub run: Run,
}

impl ExamplePortal {
    /// Builds the portal; the caller checks `run`.
    pub fn build() -> ExamplePortal {
        let dir = tempfile::tempdir().expect("temp dir");
        let public = dir.path().join("public");
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let run = minhbach([
            "build".as_ref(),
            "--root".as_ref(),
            root.as_os_str(),
            "--output".as_ref(),
            public.as_os_str(),
        ]);
        ExamplePortal {
            _dir: dir,
            public,
            run,
        }
    }

    /// A file of the built portal.
    pub fn output(&self, relative: &str) -> String {
        let path = self.public.join(relative);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }
}

/// A `serve` session of a fixture whose folder is compared, after each change, with a full
/// build of the same files.
pub struct ServeSession {
    pub site: Site,
    pub session: Session,
    reference: tempfile::TempDir,
}

impl ServeSession {
    pub fn start(fixture: &str) -> ServeSession {
        let site = Site::fixture(fixture);
        let options = serve_options(&site, site.path("../serve-out"));
        let Ok((session, _)) = Session::start(options) else {
            panic!("the fixture builds");
        };
        ServeSession {
            site,
            session,
            reference: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// Applies the changed paths and checks the session's folder equals a full build.
    pub fn step(&mut self, what: &str, changed: &[&str]) -> Update {
        let changed: Vec<String> = changed.iter().map(|s| s.to_string()).collect();
        let update = self
            .session
            .apply(&changed)
            .unwrap_or_else(|d| panic!("{what}: {d:#?}"));
        self.assert_same_as_full_build(what);
        update
    }

    /// Checks the session's folder equals a full build of the fixture as it is now.
    pub fn assert_same_as_full_build(&self, what: &str) {
        let reference = self.reference.path().join("public");
        let _ = fs::remove_dir_all(&reference);
        pipeline::build(&serve_options(&self.site, reference.clone())).expect("full build");
        let served = site_files(self.session.output());
        // `serve` draws share cards only when asked for: it must name the cards a full
        // build draws, and draw them alike.
        let (cards, full): (Vec<_>, Vec<_>) = site_files(&reference)
            .into_iter()
            .partition(|(path, _)| path.starts_with("og/"));
        let named: Vec<&String> = self.session.cards().keys().collect();
        assert_eq!(
            named,
            cards.iter().map(|(p, _)| p).collect::<Vec<_>>(),
            "{what}: the same share cards"
        );
        if let Some((path, bytes)) = cards.first() {
            let drawn = minhbach::render::cards::draw(&self.session.cards()[path]).unwrap();
            assert!(
                drawn == *bytes,
                "{what}: {path} is drawn unlike a full build's"
            );
        }
        let names =
            |list: &[(String, Vec<u8>)]| list.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
        assert_eq!(names(&served), names(&full), "{what}: the same files");
        for ((path, a), (_, b)) in served.iter().zip(&full) {
            assert!(
                a == b,
                "{what}: {path} differs from a full build:\n--- incremental\n{}\n--- full\n{}",
                String::from_utf8_lossy(a),
                String::from_utf8_lossy(b)
            );
        }
    }
}

/// The options `serve` builds `site` with, into `output`.
fn serve_options(site: &Site, output: PathBuf) -> BuildOptions {
    BuildOptions {
        root: site.root.clone(),
        output: Some(output),
        base_url: Some("http://127.0.0.1:1111".into()),
        drafts: false,
        future: false,
        external_links: None,
        progress: false,
    }
}

/// The files of an output folder, leaving out the marker `build` leaves in its folders.
fn site_files(folder: &Path) -> Vec<(String, Vec<u8>)> {
    snapshot(folder)
        .into_iter()
        .filter(|(path, _)| path != minhbach::output::MARKER)
        .collect()
}
