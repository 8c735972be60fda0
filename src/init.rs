//! `minhbach init DIR`: writes the starter site built into the binary (I/O).

use std::fs;
use std::path::Path;

use crate::diag::Diagnostic;
use crate::source::STARTER_SITE;

/// Creates a new site in `dir`, which must not exist or must be empty, so that no file
/// of the user's is ever overwritten.
pub fn create(dir: &Path) -> Result<(), Diagnostic> {
    if dir.exists() {
        let empty = fs::read_dir(dir)
            .map_err(|e| failed(format!("cannot read {}: {e}", dir.display())))?
            .next()
            .is_none();
        if !empty {
            return Err(Diagnostic::usage(
                "usage-init-folder",
                format!("{} already exists and is not empty", dir.display()),
            )
            .with_hint("choose a new folder, so that no file of yours is overwritten"));
        }
    }
    for (relative, bytes) in STARTER_SITE {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| failed(format!("cannot create {}: {e}", parent.display())))?;
        }
        fs::write(&path, bytes)
            .map_err(|e| failed(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}

fn failed(message: String) -> Diagnostic {
    Diagnostic::internal("internal-write", message)
}
