//! `annals matrix [FILE] [filters] --format F [-o OUT]`: the chosen events
//! counted per pair of an initiating and a receiving actor.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use serde::Serialize;
use serde_json::{Map, Value};

use super::chosen::{Chosen, choose};
use super::output::{AnalysisOutput, deliver, picture_needs_file};
use super::{CliError, FilterArgs, Outcome};
use crate::analysis::{CountIndex, Matrix, PairCounts};
use crate::export::{self, AnalysisExport};

/// What `annals matrix` was asked for.
#[derive(Debug, Clone, Args)]
pub struct MatrixArgs {
    /// The dataset (the embedded one when omitted).
    pub(crate) file: Option<PathBuf>,
    /// Which events.
    #[command(flatten)]
    pub(crate) filter: FilterArgs,
    /// How many actors, those with the most events, get a row and a column
    /// of their own in the table and the pictures (CSV and JSON list every pair).
    #[arg(long, value_name = "N", default_value_t = 30)]
    pub(crate) top: usize,
    /// How to print it, or the picture to draw (svg, png need -o).
    #[arg(long, value_enum, default_value_t = AnalysisOutput::Table)]
    pub(crate) format: AnalysisOutput,
    /// The file to write (standard output when omitted).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    /// Overwrite OUT if it exists.
    #[arg(long)]
    pub(crate) force: bool,
}

/// Counts the chosen events per pair of actors and prints or writes them.
pub fn run(args: &MatrixArgs, out: &mut dyn Write) -> Result<Outcome, CliError> {
    if args.format.is_picture() && args.output.is_none() {
        return Err(picture_needs_file(args.format));
    }
    let Chosen {
        dataset,
        source,
        filter,
        selection,
    } = choose(args.file.as_deref(), &args.filter)?;
    let index = CountIndex::new(&dataset);
    let pairs = index.pair_counts(&selection, filter.include_members);
    let matrix = pairs.matrix(args.top);
    let bytes = match args.format.exported() {
        Some(format) => {
            let export = AnalysisExport {
                format,
                filter,
                events: selection.len(),
                source,
                command: vec![
                    "matrix".to_string(),
                    "--top".to_string(),
                    args.top.to_string(),
                ],
                file_name: super::stats::file_name(args.output.as_deref(), format.extension()),
                exported_at: export::now_rfc3339(),
            };
            export::render_matrix(&dataset, &pairs, &matrix, index.kinds(), &export)?
        }
        None if args.format == AnalysisOutput::Json => json(&pairs, &matrix),
        None => table(&matrix),
    };
    deliver(&bytes, args.output.as_deref(), args.force, out)
}

/// The top actors' matrix as aligned columns, rows the initiating side.
fn table(matrix: &Matrix) -> Vec<u8> {
    let corner = "from \\ to";
    let first = matrix
        .actors
        .iter()
        .map(|a| a.chars().count())
        .chain([corner.len()])
        .max()
        .unwrap_or(0);
    let n = matrix.actors.len();
    let widths: Vec<usize> = (0..n)
        .map(|c| {
            (0..n)
                .map(|r| matrix.cell(r, c).count.to_string().len())
                .chain([matrix.actors[c].chars().count()])
                .max()
                .unwrap_or(1)
        })
        .collect();
    let mut text = format!("{corner:<first$}");
    for (actor, width) in matrix.actors.iter().zip(&widths) {
        text.push_str(&format!("  {actor:>width$}"));
    }
    text.push('\n');
    for (r, actor) in matrix.actors.iter().enumerate() {
        text.push_str(&format!("{actor:<first$}"));
        for (c, width) in widths.iter().enumerate() {
            let count = matrix.cell(r, c).count;
            let shown = if count == 0 {
                ".".to_string()
            } else {
                count.to_string()
            };
            text.push_str(&format!("  {shown:>width$}"));
        }
        text.push('\n');
    }
    text.into_bytes()
}

/// One pair as JSON: its ids, count and kinds.
#[derive(Serialize)]
struct JsonPair<'a> {
    from: &'a str,
    to: &'a str,
    count: u32,
    kinds: Map<String, Value>,
}

/// Every pair, and the order of the matrix's rows and columns.
#[derive(Serialize)]
struct JsonMatrix<'a> {
    actors: &'a [String],
    others: bool,
    pairs: Vec<JsonPair<'a>>,
}

fn json(pairs: &PairCounts, matrix: &Matrix) -> Vec<u8> {
    let document = JsonMatrix {
        actors: &matrix.actors,
        others: matrix.others,
        pairs: pairs
            .pairs
            .iter()
            .map(|p| JsonPair {
                from: &p.from,
                to: &p.to,
                count: p.events.count,
                kinds: p
                    .events
                    .kinds
                    .iter()
                    .map(|(k, c)| (k.clone(), Value::from(*c)))
                    .collect(),
            })
            .collect(),
    };
    let mut bytes = serde_json::to_vec_pretty(&document)
        .unwrap_or_else(|e| unreachable!("a matrix always serializes: {e}"));
    bytes.push(b'\n');
    bytes
}
