//! The desktop entry, `applications/annals.desktop`: what puts Annals in the
//! menu of applications and among the programs that open its files.

use std::path::Path;

use super::mime::opened_types;

/// The desktop entry of the program at `exe`, or why it cannot be written
/// (a path that is not UTF-8 or holds a line break).
pub fn desktop_entry(exe: &Path) -> Result<String, String> {
    let path = exe
        .to_str()
        .filter(|path| !path.contains(['\n', '\r']))
        .ok_or_else(|| format!("{} cannot be named in a desktop entry", exe.display()))?;
    let mime_types: String = opened_types().iter().map(|t| format!("{t};")).collect();
    Ok(format!(
        "[Desktop Entry]\n\
         Type=Application\n\
         Version=1.4\n\
         Name=Annals\n\
         GenericName=Timeline Viewer\n\
         Comment={comment}\n\
         Exec={exec} %f\n\
         TryExec={try_exec}\n\
         Icon=annals\n\
         Terminal=false\n\
         StartupWMClass=annals\n\
         Categories=Office;Viewer;\n\
         Keywords=timeline;chronology;history;diplomacy;events;GDELT;\n\
         MimeType={mime_types}\n",
        comment = env!("CARGO_PKG_DESCRIPTION"),
        exec = escape_string(&quote_argument(path)).replace('%', "%%"),
        try_exec = escape_string(path),
    ))
}

/// The program's path as the first word of `Exec`: quoted when it holds a
/// character the specification reserves, with `"`, `` ` ``, `$` and `\`
/// escaped inside the quotes.
fn quote_argument(word: &str) -> String {
    const RESERVED: &[char] = &[
        ' ', '\t', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#', '(', ')',
        '`', '=',
    ];
    if !word.contains(RESERVED) {
        return word.to_string();
    }
    let mut quoted = String::from('"');
    for c in word.chars() {
        if matches!(c, '"' | '`' | '$' | '\\') {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    quoted.push('"');
    quoted
}

/// A value of type string in a desktop entry: a backslash is written twice.
fn escape_string(value: &str) -> String {
    value.replace('\\', "\\\\")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value of `key` in the entry.
    fn value<'a>(entry: &'a str, key: &str) -> Option<&'a str> {
        entry
            .lines()
            .find_map(|line| line.strip_prefix(key)?.strip_prefix('='))
    }

    #[test]
    fn the_entry_runs_the_program_on_one_file_and_opens_every_format() {
        let entry = desktop_entry(Path::new("/home/ann/.cargo/bin/annals")).expect("an entry");
        assert!(entry.starts_with("[Desktop Entry]\n"));
        assert_eq!(
            value(&entry, "Exec"),
            Some("/home/ann/.cargo/bin/annals %f")
        );
        assert_eq!(value(&entry, "Icon"), Some("annals"));
        let types = value(&entry, "MimeType").expect("its types");
        assert!(types.starts_with("application/x-annals-dataset;text/csv;"));
        assert!(types.contains("application/x-timeline-project;"));
    }

    #[test]
    fn a_path_with_spaces_quotes_or_percent_signs_is_quoted_and_escaped() {
        let entry = desktop_entry(Path::new("/opt/my apps/100% \"annals\"/annals"));
        let entry = entry.expect("an entry");
        assert_eq!(
            value(&entry, "Exec"),
            Some(r#""/opt/my apps/100%% \\"annals\\"/annals" %f"#)
        );
        assert!(desktop_entry(Path::new("/tmp/two\nlines")).is_err());
    }

    #[test]
    fn the_entry_passes_desktop_file_validate() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for exe in ["/usr/bin/annals", "/opt/my apps/100% \"annals\"/annals"] {
            let path = dir.path().join("annals.desktop");
            let entry = desktop_entry(Path::new(exe)).expect("an entry");
            std::fs::write(&path, entry).expect("the entry is written");
            let checked = std::process::Command::new("desktop-file-validate")
                .arg(&path)
                .output()
                .expect("desktop-file-validate runs (apt-get install desktop-file-utils)");
            let said = String::from_utf8_lossy(&checked.stdout).into_owned()
                + &String::from_utf8_lossy(&checked.stderr);
            assert!(checked.status.success() && said.is_empty(), "{exe}: {said}");
        }
    }
}
