//! `minhbach init DIR`: writes the starter site built into the binary (I/O).

use std::fs;
use std::path::Path;

use crate::source::STARTER_SITE;

/// Creates a new site in `dir`, which must not exist or must be empty, so that no file
/// of the user's is ever overwritten.
pub fn create(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        let empty = fs::read_dir(dir)
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .next()
            .is_none();
        if !empty {
            return Err(format!(
                "{} already exists and is not empty; choose a new folder so no file is overwritten",
                dir.display()
            ));
        }
    }
    for (relative, bytes) in STARTER_SITE {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}
