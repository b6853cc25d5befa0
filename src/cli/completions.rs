//! `annals completions SHELL`: prints the script that completes `annals`'
//! subcommands, options and values in bash, zsh, fish or PowerShell.

use std::io::Write;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::{Cli, CliError, Outcome};

/// `annals completions bash|zsh|fish|powershell|elvish`.
#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell whose completion script to print.
    #[arg(value_enum)]
    pub(crate) shell: Shell,
}

/// Prints the completion script of `args.shell` for the whole command line.
pub fn run(args: &CompletionsArgs, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "annals", &mut script);
    out.write_all(&script).map_err(|error| CliError::Output {
        what: "the completion script",
        reason: error.to_string(),
    })?;
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script(shell: Shell) -> String {
        let mut out = Vec::new();
        let outcome = run(&CompletionsArgs { shell }, &mut out);
        assert_eq!(outcome.map_err(|e| e.to_string()), Ok(Outcome::Done));
        String::from_utf8(out).expect("a script is text")
    }

    #[test]
    fn the_bash_script_completes_every_subcommand_and_their_options() {
        let bash = script(Shell::Bash);
        assert!(bash.contains("complete -F _annals"), "{bash}");
        for command in Cli::command().get_subcommands() {
            let name = command.get_name();
            assert!(
                bash.contains(&format!("annals,{name})")),
                "{name} in {bash}"
            );
        }
        for word in ["import", "list", "set", "--skip-invalid", "--date-order"] {
            assert!(bash.contains(word), "{word} in the bash script");
        }
    }

    #[test]
    fn each_shell_gets_its_own_script() {
        assert!(script(Shell::Zsh).starts_with("#compdef annals"));
        assert!(script(Shell::Fish).contains("complete -c annals"));
        assert!(script(Shell::PowerShell).contains("Register-ArgumentCompleter"));
    }
}
