//! What installing Annals asks of the binary: its version, its completion
//! scripts, its manual pages, and its desktop entry, icons and file types.

use std::path::Path;

use annals::desktop::{ICON_SVG, PNG_SIZES, Refresh, install, uninstall};

use crate::support::{annals, text};

#[test]
fn version_prints_the_name_and_the_version_of_the_package() {
    let output = annals(&["--version"]);
    assert!(output.status.success());
    assert_eq!(
        text(&output.stdout),
        format!("annals {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn completions_print_a_script_for_the_shell_asked_and_refuse_others() {
    let bash = annals(&["completions", "bash"]);
    assert!(bash.status.success());
    assert!(text(&bash.stdout).contains("annals,import)"));
    let fish = annals(&["completions", "fish"]);
    assert!(text(&fish.stdout).contains("complete -c annals"));
    let unknown = annals(&["completions", "tcsh"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("tcsh"));
}

#[test]
fn man_prints_the_main_page_without_a_folder() {
    let output = annals(&["man"]);
    assert!(output.status.success());
    let page = text(&output.stdout);
    assert!(page.contains(".TH annals 1"), "{page}");
    assert!(page.contains("annals\\-completions(1)"), "{page}");
}

/// Every file under `folder`, relative, with `/` between parts, sorted.
fn files_under(folder: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path.clone());
            }
            let relative = path.strip_prefix(folder).expect("under the folder");
            found.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    found.sort();
    found
}

const EXE: &str = "/opt/annals/bin/annals";

#[test]
fn install_desktop_writes_the_entry_icons_and_types_and_uninstall_takes_exactly_them() {
    let dir = tempfile::tempdir().expect("a temporary data folder");
    let home = dir.path();
    std::fs::create_dir_all(home.join("applications")).expect("a folder of the user");
    std::fs::write(
        home.join("applications/editor.desktop"),
        "[Desktop Entry]\n",
    )
    .expect("theirs");
    let before = files_under(home);

    let installed = install(home, Path::new(EXE), false, Refresh::Skip).expect("installed");
    let mut expected = vec![
        "applications/annals.desktop".to_string(),
        "icons/hicolor/scalable/apps/annals.svg".to_string(),
        "mime/packages/annals.xml".to_string(),
    ];
    for size in PNG_SIZES {
        expected.push(format!("icons/hicolor/{size}x{size}/apps/annals.png"));
    }
    let mut written: Vec<String> = installed
        .written
        .iter()
        .map(|p| {
            p.strip_prefix(home)
                .expect("inside")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    written.sort();
    expected.sort();
    assert_eq!(written, expected);
    let entry = std::fs::read_to_string(home.join("applications/annals.desktop")).expect("entry");
    assert!(entry.contains(&format!("\nExec={EXE} %f\n")), "{entry}");
    let svg = std::fs::read_to_string(home.join("icons/hicolor/scalable/apps/annals.svg"));
    assert_eq!(svg.ok().as_deref(), Some(ICON_SVG));
    let png = std::fs::read(home.join("icons/hicolor/48x48/apps/annals.png")).expect("a PNG");
    assert!(png.starts_with(b"\x89PNG"));

    let removed = uninstall(home, Refresh::Skip).expect("uninstalled");
    assert_eq!(removed.removed.len(), expected.len());
    assert!(removed.kept.is_empty());
    assert_eq!(files_under(home), before);
    let again = uninstall(home, Refresh::Skip).expect("nothing to do");
    assert!(!again.was_installed && again.removed.is_empty());
}

#[test]
fn install_desktop_replaces_its_own_files_but_not_others_without_force() {
    let dir = tempfile::tempdir().expect("a temporary data folder");
    let home = dir.path();
    install(home, Path::new(EXE), false, Refresh::Skip).expect("installed");
    install(home, Path::new("/usr/bin/annals"), false, Refresh::Skip).expect("installed again");
    let entry_path = home.join("applications/annals.desktop");
    let entry = std::fs::read_to_string(&entry_path).expect("the entry");
    assert!(entry.contains("\nExec=/usr/bin/annals %f\n"));

    // A file changed by the user is theirs now: kept by both commands.
    std::fs::write(&entry_path, "[Desktop Entry]\nName=Mine\n").expect("changed");
    let refused = install(home, Path::new(EXE), false, Refresh::Skip);
    let message = refused.expect_err("refused").to_string();
    assert!(
        message.contains("annals.desktop: exists and was not written by"),
        "{message}"
    );
    assert!(message.contains("pass --force"), "{message}");
    let left = uninstall(home, Refresh::Skip).expect("uninstalled");
    assert_eq!(left.kept, std::slice::from_ref(&entry_path));
    assert_eq!(
        files_under(home),
        ["applications", "applications/annals.desktop"]
    );

    // Without a record, any file in the way stops the install before it writes anything.
    let refused = install(home, Path::new(EXE), false, Refresh::Skip);
    assert!(refused.is_err());
    assert_eq!(
        files_under(home),
        ["applications", "applications/annals.desktop"]
    );
    install(home, Path::new(EXE), true, Refresh::Skip).expect("forced");
    let entry = std::fs::read_to_string(&entry_path).expect("the entry");
    assert!(entry.contains(&format!("\nExec={EXE} %f\n")));
}

#[test]
fn install_desktop_goes_into_xdg_data_home() {
    let dir = tempfile::tempdir().expect("a temporary data folder");
    let run = |command: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
            .arg(command)
            .env("XDG_DATA_HOME", dir.path())
            .output()
            .expect("annals runs")
    };
    let installed = run("install-desktop");
    assert!(installed.status.success(), "{}", text(&installed.stderr));
    let entry = dir.path().join("applications/annals.desktop");
    assert!(text(&installed.stdout).contains(&entry.display().to_string()));
    let refused = run("install-desktop");
    assert!(refused.status.success(), "its own files are replaced");
    let removed = run("uninstall-desktop");
    assert!(removed.status.success(), "{}", text(&removed.stderr));
    assert!(text(&removed.stdout).contains(&format!("removed {}", entry.display())));
    assert!(!entry.exists());
}

#[test]
fn install_desktop_into_a_staging_folder_names_the_given_program_and_runs_no_tool() {
    let dir = tempfile::tempdir().expect("a temporary staging folder");
    let share = dir.path().join("share");
    let output = annals(&[
        "install-desktop",
        "--data-dir",
        &share.display().to_string(),
        "--exec",
        "/usr/bin/annals",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let entry = std::fs::read_to_string(share.join("applications/annals.desktop"));
    assert!(entry.is_ok_and(|entry| entry.contains("\nExec=/usr/bin/annals %f\n")));
    assert!(
        !share.join("mime/mime.cache").exists(),
        "no cache in a package"
    );
    assert!(!share.join("applications/mimeinfo.cache").exists());
}

#[test]
fn the_debian_package_ships_every_file_install_desktop_writes() {
    let manifest = include_str!("../Cargo.toml");
    let files = annals::desktop::desktop_files(Path::new("/usr/bin/annals")).expect("the files");
    for file in files {
        let staged = format!("[\"target/deb/share/{}\", \"usr/share/", file.relative);
        assert!(
            manifest.contains(&staged),
            "{} in [package.metadata.deb]",
            file.relative
        );
    }
    assert!(manifest.contains("[\"target/deb/man/*.1\", \"usr/share/man/man1/\""));
}
