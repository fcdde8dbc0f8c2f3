//! `~` in the paths of the config: `~/articles` is the `articles` folder in your home, as
//! in a shell (a config file is not read by one). `~` alone is the home folder; `~user`
//! and a `~` anywhere but at the start are left as written.

use std::path::{Component, Path, PathBuf};

/// `path` with a leading `~` replaced by `home`, when there is one.
pub fn expand_with(path: &Path, home: Option<&Path>) -> PathBuf {
    let mut parts = path.components();
    match (parts.next(), home) {
        (Some(Component::Normal(first)), Some(home)) if first == "~" => home.join(parts.as_path()),
        _ => path.to_path_buf(),
    }
}

/// `path` with a leading `~` replaced by the user's home folder.
pub fn expand(path: &Path) -> PathBuf {
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    expand_with(path, home.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_tilde_is_the_home_folder() {
        let home = Path::new("/home/me");
        let e = |p: &str| expand_with(Path::new(p), Some(home));
        assert_eq!(e("~/articles"), Path::new("/home/me/articles"));
        assert_eq!(e("~"), Path::new("/home/me"));
        assert_eq!(e("~/a/b/"), Path::new("/home/me/a/b"));
        assert_eq!(e("~user/articles"), Path::new("~user/articles"));
        assert_eq!(e("/srv/~/x"), Path::new("/srv/~/x"));
        assert_eq!(e("notes/~"), Path::new("notes/~"));
        assert_eq!(
            expand_with(Path::new("~/x"), None),
            Path::new("~/x"),
            "no home: as written"
        );
    }
}
