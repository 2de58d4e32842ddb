//! Local files and folders to Articles: `.txt` (readout's format), `.md`, `.html`,
//! feed files (`.xml`, `.rss`, `.atom`, `.rdf`, `.json`), and folders of them.
//!
//! Files are size-checked before they are read (and read through a capped reader,
//! for devices and files that grow), decoded with care (BOM, UTF-8, windows-1252
//! fallback), and rejected with one clear message when they are not text.
//! Folders are walked without recursion, in sorted order, without following
//! symlinked folders (so no loops), to a bounded depth.

use super::html;
use super::sanitize;
use super::text_format::{self, Flavour};
use crate::article::{Article, ArticleId, Origin};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are refused without being read.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
/// Folders deeper than this below the given one are not entered.
pub const MAX_DEPTH: usize = 32;
/// At most this many files are read from one folder tree.
pub const MAX_FILES: usize = 100_000;

/// Why a file gave no article. The message names the file (sanitised).
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: cannot read: {reason}")]
    Io { path: String, reason: String },
    #[error("{path}: too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: not text ({why})")]
    NotText { path: String, why: &'static str },
    #[error("{path}: no headline (the file is empty)")]
    Empty { path: String },
    #[error("{path}: not a regular file")]
    NotAFile { path: String },
    #[error("{path}: {reason}")]
    Feed { path: String, reason: String },
}

/// What a file holds, by extension (or by a look at its start when the extension says nothing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Plain,
    Markdown,
    Html,
    Feed,
}

impl Kind {
    /// The kind a folder walk reads, by extension; `None` for files it skips.
    pub fn by_extension(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Kind::Plain,
            "md" | "markdown" => Kind::Markdown,
            "html" | "htm" | "xhtml" => Kind::Html,
            "xml" | "rss" | "atom" | "rdf" | "json" => Kind::Feed,
            _ => return None,
        })
    }

    /// For a file named explicitly: the extension, else a sniff of the content.
    fn of(path: &Path, bytes: &[u8]) -> Kind {
        Kind::by_extension(path).unwrap_or_else(|| sniff(bytes))
    }
}

/// Guesses feed, HTML or plain text from the first bytes.
pub fn sniff(bytes: &[u8]) -> Kind {
    let head = bytes.get(..1024).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let start = head.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with("<?xml")
        || start.starts_with("<rss")
        || start.starts_with("<feed")
        || start.starts_with("<rdf")
        || (start.starts_with('{') && head.contains("jsonfeed.org"))
    {
        Kind::Feed
    } else if start.starts_with("<!doctype html") || start.starts_with("<html") {
        Kind::Html
    } else {
        Kind::Plain
    }
}

/// A file name as shown in messages: sanitised, one line.
pub fn display(path: &Path) -> String {
    sanitize::visible_os(path.as_os_str())
}

/// Reads at most `limit` bytes of a file, refusing bigger ones before reading.
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let shown = || display(path);
    let io = |e: std::io::Error| FileError::Io {
        path: shown(),
        reason: sanitize::line(&e.to_string()),
    };
    // Check the type before opening: opening a FIFO would block, and devices
    // (/dev/zero) never end.
    let meta = fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(FileError::NotAFile { path: shown() });
    }
    if meta.len() > limit {
        return Err(FileError::TooLarge {
            path: shown(),
            size: meta.len(),
            limit,
        });
    }
    let file = fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge {
            path: shown(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Bytes of a text file to a string. `Err` with the reason when it is not text:
/// NUL bytes, or many control characters. A BOM selects UTF-8/UTF-16; invalid
/// UTF-8 becomes U+FFFD when the file is mostly UTF-8, else it is read as
/// windows-1252 (the usual encoding of old "Latin-1" text files).
pub fn decode_text(bytes: &[u8]) -> Result<String, &'static str> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or(&[]);
        let (text, _) = encoding.decode_without_bom_handling(rest);
        return check_controls(text.into_owned());
    }
    if bytes.contains(&0) {
        return Err("binary data");
    }
    check_controls(utf8_or_windows_1252(bytes))
}

/// Undeclared bytes to text: UTF-8 when valid; when not, U+FFFD for the bad
/// sequences if the text is mostly UTF-8, else windows-1252 (what old
/// "Latin-1" files and feeds usually are; every byte decodes).
pub fn utf8_or_windows_1252(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let lossy = String::from_utf8_lossy(bytes);
            let invalid = lossy.chars().filter(|c| *c == '\u{fffd}').count();
            let valid_multibyte = lossy
                .chars()
                .filter(|c| !c.is_ascii() && *c != '\u{fffd}')
                .count();
            if valid_multibyte >= invalid {
                lossy.into_owned()
            } else {
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
                text.into_owned()
            }
        }
    }
}

/// Refuses text where more than 1 in 100 characters is a control character.
fn check_controls(text: String) -> Result<String, &'static str> {
    let total = text.chars().count();
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if text.contains('\0') || (controls > 8 && controls * 100 > total) {
        Err("binary data")
    } else {
        Ok(text)
    }
}

/// Everything the files under these paths hold, plus one message per file that failed.
pub struct FileLoad {
    pub articles: Vec<Article>,
    pub problems: Vec<String>,
}

/// Loads one path: a file (any extension) or a folder (its known file types, recursively).
pub fn load_path(path: &Path, ids: &mut super::slug::IdAllocator) -> FileLoad {
    let mut load = FileLoad {
        articles: Vec::new(),
        problems: Vec::new(),
    };
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            let files = walk(path, &mut load.problems);
            if files.is_empty() {
                load.problems.push(format!(
                    "{}: no article files (.txt, .md, .html, feeds) in this folder",
                    display(path)
                ));
            }
            for file in files {
                load_one(&file, ids, &mut load);
            }
        }
        Ok(_) => load_one(path, ids, &mut load),
        Err(e) => load.problems.push(format!(
            "{}: cannot read: {}",
            display(path),
            sanitize::line(&e.to_string())
        )),
    }
    load
}

fn load_one(path: &Path, ids: &mut super::slug::IdAllocator, load: &mut FileLoad) {
    match load_file(path, ids) {
        Ok(articles) => load.articles.extend(articles),
        Err(e) => load.problems.push(e.to_string()),
    }
}

/// Loads one file: one article, or a feed file's articles.
pub fn load_file(
    path: &Path,
    ids: &mut super::slug::IdAllocator,
) -> Result<Vec<Article>, FileError> {
    let bytes = read_capped(path, MAX_FILE_BYTES)?;
    parse_bytes(path, &bytes, ids)
}

/// The articles in a file's bytes; `path` gives the kind (by extension, else by
/// content), the id and the messages. Never panics, whatever the bytes.
pub fn parse_bytes(
    path: &Path,
    bytes: &[u8],
    ids: &mut super::slug::IdAllocator,
) -> Result<Vec<Article>, FileError> {
    let origin_name = path.to_string_lossy().into_owned();
    match Kind::of(path, bytes) {
        Kind::Feed => super::feed::parse(bytes, None, &origin_name)
            .map(|feed| feed.into_articles(ids))
            .map_err(|e| FileError::Feed {
                path: display(path),
                reason: e.to_string(),
            }),
        kind => {
            let text = decode_text(bytes).map_err(|why| FileError::NotText {
                path: display(path),
                why,
            })?;
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let id = ids.unique(&super::slug::slug(&stem));
            article_from_text(&text, kind, id, Origin::File(sanitize::line(&origin_name)))
                .map(|a| vec![a])
                .ok_or_else(|| FileError::Empty {
                    path: display(path),
                })
        }
    }
}

/// An article from decoded text of the given kind. `None` when it has no headline.
pub fn article_from_text(text: &str, kind: Kind, id: ArticleId, origin: Origin) -> Option<Article> {
    let (title, source, date, url, licence, body) = match kind {
        Kind::Html => {
            let doc = html::document_to_text(text, None);
            let (title, body) = if doc.title.is_empty() {
                // No <title>/<h1>: the first line of text is the headline.
                let body = doc.body();
                let (first, rest) = body.split_once('\n').unwrap_or((&body, ""));
                (sanitize::line(first), sanitize::body(rest))
            } else {
                (doc.title.clone(), doc.body())
            };
            (title, None, None, None, None, body)
        }
        Kind::Markdown | Kind::Plain | Kind::Feed => {
            let flavour = if kind == Kind::Markdown {
                Flavour::Markdown
            } else {
                Flavour::Plain
            };
            let p = text_format::parse(text, flavour)?;
            (p.title, p.source, p.date, p.url, p.licence, p.body)
        }
    };
    if title.is_empty() {
        return None;
    }
    let source = source.unwrap_or_else(|| match &origin {
        Origin::File(f) => Path::new(f)
            .file_name()
            .map(|n| sanitize::line(&n.to_string_lossy()))
            .unwrap_or_default(),
        Origin::Bundled => "readout".to_string(),
        Origin::Feed(f) => f.clone(),
    });
    Some(Article {
        id,
        title,
        source,
        date,
        url,
        licence,
        body,
        origin,
    })
}

/// The readable files under `root`, sorted, without following symlinked folders.
fn walk(root: &Path, problems: &mut Vec<String>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack: Vec<(PathBuf, usize)> = vec![(root.to_path_buf(), 0)];
    let mut truncated = false;
    while let Some((dir, depth)) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                problems.push(format!(
                    "{}: cannot read folder: {}",
                    display(&dir),
                    sanitize::line(&e.to_string())
                ));
                continue;
            }
        };
        let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        names.sort();
        let mut subdirs = Vec::new();
        for path in names {
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            // symlink_metadata: a symlinked folder is not entered, so no loops.
            let Ok(meta) = fs::symlink_metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                if depth < MAX_DEPTH {
                    subdirs.push(path);
                } else {
                    problems.push(format!("{}: folder too deep, skipped", display(&path)));
                }
            } else if Kind::by_extension(&path).is_some() {
                let is_file = meta.is_file()
                    || (meta.file_type().is_symlink()
                        && fs::metadata(&path).is_ok_and(|m| m.is_file()));
                if is_file {
                    if files.len() >= MAX_FILES {
                        truncated = true;
                        break;
                    }
                    files.push(path);
                }
            }
        }
        // Reverse so the stack pops folders in sorted order.
        for sub in subdirs.into_iter().rev() {
            stack.push((sub, depth + 1));
        }
        if truncated {
            problems.push(format!(
                "{}: more than {MAX_FILES} files; the rest were skipped",
                display(root)
            ));
            break;
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_accepts_utf8_and_repairs_a_little() {
        assert_eq!(decode_text("héllo".as_bytes()).as_deref(), Ok("héllo"));
        assert_eq!(
            decode_text(b"caf\xc3\xa9 \xff ok \xc3\xa9").as_deref(),
            Ok("café \u{fffd} ok é")
        );
    }

    #[test]
    fn decode_reads_latin1_as_windows_1252() {
        assert_eq!(decode_text(b"caf\xe9 \x93q\x94").as_deref(), Ok("café “q”"));
    }

    #[test]
    fn decode_follows_bom() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hi".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode_text(&utf16).as_deref(), Ok("hi"));
    }

    #[test]
    fn decode_refuses_binary() {
        assert!(decode_text(b"\x7fELF\x02\x01\x01\x00\x00").is_err());
        let controls: Vec<u8> = (0..200u8)
            .map(|i| if i % 3 == 0 { 1 } else { b'a' })
            .collect();
        assert!(decode_text(&controls).is_err());
    }

    #[test]
    fn sniffs_feeds_and_html() {
        assert_eq!(
            sniff(b"\xef\xbb\xbf <?xml version='1.0'?><rss>"),
            Kind::Feed
        );
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), Kind::Html);
        assert_eq!(sniff(b"Headline\n\nBody"), Kind::Plain);
    }
}
