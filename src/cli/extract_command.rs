//! `onrecord extract`: each file (or each article of a file of many) loaded, analyzed and
//! written out as it is made, as JSON Lines or a text report.

use super::ExtractFormat;
use crate::article::load;
use crate::extract;
use crate::library;
use crate::output;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// `onrecord extract`: one result per file on stdout, errors per file on stderr.
pub fn extract_files(
    files: &[PathBuf],
    format: ExtractFormat,
    explain: bool,
    max_bytes: u64,
) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut expanded = Vec::with_capacity(files.len());
    for path in files {
        if path.is_dir() {
            let (found, errors) = library::scan::scan(std::slice::from_ref(path));
            for e in &errors {
                failed += 1;
                crate::message!("onrecord: {}", crate::safe_text::one_line(e, 2000));
            }
            if found.is_empty() && errors.is_empty() {
                failed += 1;
                crate::message!(
                    "onrecord: {}: no article files (.txt, .md, .html, .mhtml, .eml, .mbox, .rss, .epub) in this folder",
                    crate::safe_text::one_line(&path.display().to_string(), 500)
                );
            }
            expanded.extend(found);
        } else {
            expanded.push(path.clone());
        }
    }
    for path in &expanded {
        let (path, wanted) = item_of(path);
        let path = path.as_path();
        let shown = path.display().to_string();
        let mut found = false;
        let mut closed = false;
        let mut each = |key: String, loaded: Result<crate::article::Loaded, load::LoadError>| {
            if wanted.as_ref().is_some_and(|w| *w != key) {
                return true;
            }
            found = true;
            let loaded = match loaded {
                Ok(l) => l,
                Err(e) => {
                    failed += 1;
                    let _ = out.flush();
                    crate::message!(
                        "onrecord: {}",
                        crate::safe_text::one_line(&e.to_string(), 2000)
                    );
                    return true;
                }
            };
            let named = load::item_name(path, &key);
            let mut article = loaded.article;
            article.ensure_title(path);
            for w in &loaded.warnings {
                crate::message!(
                    "onrecord: {}: warning: {}",
                    crate::safe_text::one_line(&named, 500),
                    crate::safe_text::one_line(&w.0, 500)
                );
            }
            let analysis = extract::analyze(&article);
            // Written as it is made: nothing of a file is held once its output is out.
            let written = match format {
                ExtractFormat::Json => {
                    let warnings = loaded.warnings.iter().map(|w| w.0.clone()).collect();
                    let mut obj = output::json_article(&shown, &article, &analysis, warnings);
                    obj.item = &key;
                    crate::safe_text::write_json_line(&mut out, &obj)
                }
                ExtractFormat::Text => {
                    output::write_text_report(&mut out, &named, &article, &analysis, explain)
                }
            };
            // stdout closed (e.g. piped into `head`): stop quietly.
            closed = written.is_err();
            !closed
        };
        if let Err(e) = crate::library::sources::each_file_item(path, max_bytes, &mut each) {
            // The whole file failed: said whatever article of it was asked for.
            found = true;
            failed += 1;
            let _ = out.flush();
            crate::message!(
                "onrecord: {}",
                crate::safe_text::one_line(&e.to_string(), 2000)
            );
        }
        if closed {
            return ExitCode::FAILURE;
        }
        if let Some(w) = wanted.filter(|_| !found) {
            failed += 1;
            let _ = out.flush();
            crate::message!(
                "onrecord: {}: no article with the key {} in this file",
                crate::safe_text::one_line(&shown, 500),
                crate::safe_text::one_line(&w, 300)
            );
        }
    }
    let _ = out.flush();
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `PATH#KEY` names one article of a file of many: the path and the key. A path that
/// exists as it is (a `#` in a file name) is a path.
fn item_of(arg: &std::path::Path) -> (PathBuf, Option<String>) {
    if !arg.exists()
        && let Some((path, key)) = arg.to_str().and_then(|s| s.rsplit_once('#'))
        && !key.is_empty()
        && load::format_of(std::path::Path::new(path)).is_some_and(|f| f.holds_many())
    {
        return (PathBuf::from(path), Some(key.to_string()));
    }
    (arg.to_path_buf(), None)
}
