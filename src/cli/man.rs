//! `annals man [-o DIR]`: the manual pages, made from the command line's own
//! definition so that they never fall behind it: `annals.1` and one page per
//! subcommand (`annals-import.1`, …).

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, CommandFactory};

use super::{Cli, CliError, Outcome};
use crate::export::write_atomic;

/// `annals man [-o DIR] [--force]`.
#[derive(Debug, Clone, Args)]
pub struct ManArgs {
    /// The folder to write annals.1 and a page per subcommand in (created if
    /// missing); without it, annals.1 is printed.
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub(crate) output: Option<PathBuf>,
    /// Replace pages that exist in DIR.
    #[arg(long, requires = "output")]
    pub(crate) force: bool,
}

/// One manual page: its file name and its roff text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ManPage {
    /// `annals.1`, `annals-import.1`, …
    pub(crate) file_name: String,
    /// The page, in roff.
    pub(crate) text: Vec<u8>,
}

/// The pages of `annals` and of each of its subcommands, `annals.1` first.
pub(crate) fn pages() -> Result<Vec<ManPage>, std::io::Error> {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let mut pages = vec![page(command.clone())?];
    for subcommand in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        pages.push(page(subcommand.clone())?);
    }
    Ok(pages)
}

/// The page of one (built) command.
fn page(command: clap::Command) -> Result<ManPage, std::io::Error> {
    let man =
        clap_mangen::Man::new(command).source(format!("annals {}", env!("CARGO_PKG_VERSION")));
    let mut text = Vec::new();
    man.render(&mut text)?;
    Ok(ManPage {
        file_name: man.get_filename(),
        text,
    })
}

/// Prints annals.1, or writes every page into DIR; pages that exist are
/// refused, before any is written, unless `--force`.
pub fn run(args: &ManArgs, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let pages = pages().map_err(|error| CliError::Output {
        what: "the manual",
        reason: error.to_string(),
    })?;
    let Some(folder) = &args.output else {
        out.write_all(&pages[0].text)
            .map_err(|error| CliError::Output {
                what: "the manual",
                reason: error.to_string(),
            })?;
        return Ok(Outcome::Done);
    };
    let paths: Vec<PathBuf> = pages.iter().map(|p| folder.join(&p.file_name)).collect();
    if let Some(existing) = paths.iter().find(|path| !args.force && path.exists()) {
        return Err(CliError::WouldReplace {
            path: existing.clone(),
        });
    }
    std::fs::create_dir_all(folder).map_err(|error| CliError::CannotWrite {
        path: folder.clone(),
        reason: error.to_string(),
    })?;
    for (page, path) in pages.iter().zip(&paths) {
        write_atomic(path, &page.text, args.force)?;
        let _ = writeln!(out, "{}", path.display());
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(page: &ManPage) -> String {
        String::from_utf8(page.text.clone()).expect("a page is text")
    }

    #[test]
    fn the_main_page_names_every_subcommand_and_each_has_its_page() {
        let pages = pages().expect("the pages render");
        assert_eq!(pages[0].file_name, "annals.1");
        let main = text(&pages[0]);
        assert!(main.contains(".TH annals 1"), "{main}");
        assert!(main.contains(".SH SUBCOMMANDS"), "{main}");
        for name in ["import", "list", "set", "completions", "man"] {
            assert!(
                main.contains(&format!("annals\\-{name}(1)")),
                "{name} in {main}"
            );
            let page = pages
                .iter()
                .find(|p| p.file_name == format!("annals-{name}.1"));
            assert!(page.is_some(), "a page for {name}");
        }
        let import = pages.iter().find(|p| p.file_name == "annals-import.1");
        let import = import.map(text).unwrap_or_default();
        assert!(import.contains("skip\\-invalid"), "{import}");
    }

    #[test]
    fn pages_are_written_into_the_folder_and_kept_without_force() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let folder = dir.path().join("man1");
        let args = ManArgs {
            output: Some(folder.clone()),
            force: false,
        };
        let mut out = Vec::new();
        assert_eq!(
            run(&args, &mut out).map_err(|e| e.to_string()),
            Ok(Outcome::Done)
        );
        let written = std::fs::read_dir(&folder).expect("the folder").count();
        assert_eq!(written, pages().expect("the pages").len());
        let main = std::fs::read_to_string(folder.join("annals.1")).expect("annals.1");
        assert!(main.contains("annals\\-import(1)"));

        std::fs::write(folder.join("annals-list.1"), "mine").expect("a page of one's own");
        let refused = run(&args, &mut Vec::new()).map_err(|e| e.to_string());
        assert!(refused.is_err_and(|message| message.contains("--force")));
        let kept = std::fs::read_to_string(folder.join("annals-list.1")).expect("the page");
        assert_eq!(kept, "mine");
        let forced = ManArgs {
            force: true,
            ..args
        };
        assert!(run(&forced, &mut Vec::new()).is_ok());
        let replaced = std::fs::read_to_string(folder.join("annals-list.1")).expect("the page");
        assert!(replaced.contains(".TH annals-list 1"), "{replaced}");
    }
}
