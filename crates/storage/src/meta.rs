//! `meta.json`: the store's format version and the deployment's holder salt.

use crate::StoreError;
use fanzha_model::HolderSalt;
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::Path;

/// File name of the metadata inside a store directory.
pub(crate) const META_FILE: &str = "meta.json";
/// The temporary file `meta.json` is written to before its rename.
pub(crate) const META_TMP: &str = "meta.json.fanzha-tmp";
/// The on-disk format this build reads and writes (2: transfers carry `cross_border`).
pub(crate) const FORMAT_VERSION: u32 = 2;
const FORMAT_NAME: &str = "fanzha-store";

#[derive(Serialize, Deserialize)]
struct MetaFile {
    format: String,
    version: u32,
    /// Hex of the 32-byte holder salt. Whoever can read the store directory can read it; the
    /// directory is the deployment's trust boundary.
    holder_salt: String,
    /// CRC-32 (hex) of the fields above (see [`checksum`]): a flipped bit in the salt would
    /// otherwise change every holder digest silently. Missing in stores made before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    checksum: Option<String>,
}

/// The checksum of a meta file's fields.
fn checksum(format: &str, version: u32, holder_salt: &str) -> String {
    format!("{:08x}", crc32fast::hash(format!("{format}\n{version}\n{holder_salt}").as_bytes()))
}

pub(crate) fn io_err(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io { path: path.display().to_string(), source }
}

/// Writes a fresh `meta.json` with a random salt, atomically (temp file, fsync, rename, fsync dir).
pub(crate) fn create(dir: &Path) -> Result<HolderSalt, StoreError> {
    let mut salt = [0u8; 32];
    getrandom::fill(&mut salt)
        .map_err(|e| io_err(dir, std::io::Error::other(format!("no randomness for the salt: {e}"))))?;
    let holder_salt: String = fanzha_model::hex(&salt);
    let meta = MetaFile {
        format: FORMAT_NAME.to_string(),
        version: FORMAT_VERSION,
        checksum: Some(checksum(FORMAT_NAME, FORMAT_VERSION, &holder_salt)),
        holder_salt,
    };
    write(dir, &serde_json::to_string_pretty(&meta).expect("meta serializes"))?;
    Ok(HolderSalt::new(salt))
}

/// Writes `text` as `dir/meta.json`, atomically ([`crate::file::replace_durably`]).
fn write(dir: &Path, text: &str) -> Result<(), StoreError> {
    crate::file::replace_durably(dir, META_FILE, META_TMP, text.as_bytes())
}

/// Copies the meta file of store `from` into the new store directory `to` (after checking it).
pub(crate) fn copy(from: &Path, to: &Path) -> Result<(), StoreError> {
    read(from)?;
    let path = from.join(META_FILE);
    let text = fs::read_to_string(&path).map_err(|e| io_err(&path, e))?;
    write(to, &text)
}

/// Reads `meta.json` and checks the format.
pub(crate) fn read(dir: &Path) -> Result<HolderSalt, StoreError> {
    let path = dir.join(META_FILE);
    let bytes = fs::read(&path).map_err(|e| io_err(&path, e))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| StoreError::Corrupt(format!("{}: not UTF-8 (damaged)", path.display())))?;
    let meta: MetaFile = serde_json::from_str(&text)
        .map_err(|e| StoreError::NotAStore(format!("{}: not a fanzha store meta file: {e}", path.display())))?;
    if meta.format != FORMAT_NAME {
        return Err(StoreError::NotAStore(format!("{}: format is '{}'", path.display(), meta.format)));
    }
    if meta.version != FORMAT_VERSION {
        return Err(StoreError::NotAStore(format!(
            "{}: store format version {} but this fanzha reads version {FORMAT_VERSION}",
            path.display(),
            meta.version
        )));
    }
    if let Some(sum) = &meta.checksum {
        if *sum != checksum(&meta.format, meta.version, &meta.holder_salt) {
            return Err(StoreError::Corrupt(format!("{}: checksum does not match its fields", path.display())));
        }
    }
    let bytes: Vec<u8> = (0..meta.holder_salt.len() / 2)
        .filter_map(|i| u8::from_str_radix(meta.holder_salt.get(2 * i..2 * i + 2)?, 16).ok())
        .collect();
    let salt: [u8; 32] = bytes
        .try_into()
        .map_err(|_| StoreError::Corrupt(format!("{}: holder_salt is not 64 hex digits", path.display())))?;
    Ok(HolderSalt::new(salt))
}

/// Fsyncs a directory so that a file created or renamed in it survives power loss.
pub(crate) fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    fs::File::open(dir).and_then(|d| d.sync_all()).map_err(|e| io_err(dir, e))
}
