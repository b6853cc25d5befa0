//! What installing Annals asks of the binary: its version, its completion
//! scripts and its manual pages.

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
