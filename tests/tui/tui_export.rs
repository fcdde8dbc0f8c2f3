//! Exporting quotes from the reader (`x`): what the key asks for, and the file the worker
//! writes (in the data dir, never inside the library), named in the status bar.

use crate::tui_fixtures;

use onrecord::library::Store;
use onrecord::tui::effect::{Effect, ExportWhat};
use onrecord::tui::export::{ExportPlace, run};
use onrecord::tui::msg::Msg;
use std::path::PathBuf;
use tui_fixtures::*;

#[test]
fn x_exports_the_open_article_or_the_chosen_speaker() {
    let mut s = state(120, 40);
    assert!(press(&mut s, &["x"]).is_empty(), "no article open");
    assert!(s.message.as_deref().unwrap().contains("open an article"));
    press(&mut s, &["enter"]);
    let id = s.reader.as_ref().unwrap().id;
    let title = s.reader.as_ref().unwrap().article.title.clone();
    assert_eq!(
        press(&mut s, &["x"]),
        vec![Effect::Export(ExportWhat::Article {
            id,
            path: PathBuf::from(format!("/library/{id}.txt")),
            title
        })]
    );
    // The Speakers view: the speaker selected in the list, then the one whose quotes show.
    press(&mut s, &["w"]);
    press(&mut s, &["g", "j"]);
    assert_eq!(
        press(&mut s, &["x"]),
        vec![Effect::Export(ExportWhat::Speaker("Tom Berg".into()))]
    );
}

fn sample_place(tmp: &std::path::Path) -> ExportPlace {
    ExportPlace {
        dir: tmp.join("data/exports"),
        roots: vec![tmp.join("library")],
    }
}

fn written(action: &Msg) -> PathBuf {
    let Msg::Notify(m) = action else {
        panic!("{action:?}")
    };
    let path = m
        .split(" exported to ")
        .nth(1)
        .unwrap_or_else(|| panic!("{m}"));
    PathBuf::from(path)
}

#[test]
fn the_worker_writes_a_markdown_file_with_citations_in_the_data_dir() {
    let tmp = tempfile::tempdir().unwrap();
    let place = sample_place(tmp.path());
    let store = onrecord::sample::store();
    let a = store
        .articles()
        .unwrap()
        .into_iter()
        .find(|a| a.title.starts_with("Free school meals"))
        .unwrap();
    let what = ExportWhat::Article {
        id: a.id,
        path: a.path.clone(),
        title: a.title.clone(),
    };
    let msg = run(&store, what.clone(), &place);
    let file = written(&msg);
    assert!(file.starts_with(&place.dir), "{file:?}");
    assert!(
        matches!(&msg, Msg::Notify(m) if m.starts_with(&format!("{} quotes exported", a.quote_count))),
        "{msg:?}"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# Quotes in “Free school meals"), "{text}");
    assert_eq!(
        text.lines().filter(|l| l.starts_with("- ")).count(),
        a.quote_count
    );
    assert!(text.contains("— Sofia Lindgren; Priya Nair, "), "{text}");
    // A second export is a second file: nothing is replaced.
    let again = written(&run(&store, what, &place));
    assert_ne!(again, file);
    assert!(file.exists() && again.exists());

    // A speaker's quotes across the library.
    let file = written(&run(
        &store,
        ExportWhat::Speaker("Elena Varga".into()),
        &place,
    ));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# Quotes by Elena Varga\n"), "{text}");
    assert!(text.lines().filter(|l| l.starts_with("- ")).count() > 10);
    assert!(
        file.file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("elena-varga-")
    );
}

#[test]
fn an_export_folder_inside_the_library_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("library");
    std::fs::create_dir_all(&lib).unwrap();
    let place = ExportPlace {
        dir: lib.join("exports"),
        roots: vec![lib.clone()],
    };
    let msg = run(
        &onrecord::sample::store(),
        ExportWhat::Speaker("Elena Varga".into()),
        &place,
    );
    let Msg::Notify(m) = msg else { panic!() };
    assert!(
        m.starts_with("cannot export:") && m.contains("inside the library"),
        "{m}"
    );
    assert!(!lib.join("exports").exists());
    // Also through a symlink that leads into the library.
    std::os::unix::fs::symlink(&lib, tmp.path().join("link")).unwrap();
    let place = ExportPlace {
        dir: tmp.path().join("link/sub"),
        roots: vec![lib.clone()],
    };
    let msg = run(
        &onrecord::sample::store(),
        ExportWhat::Speaker("Elena Varga".into()),
        &place,
    );
    assert!(
        matches!(&msg, Msg::Notify(m) if m.contains("inside the library")),
        "{msg:?}"
    );
    assert_eq!(std::fs::read_dir(&lib).unwrap().count(), 0);
}
