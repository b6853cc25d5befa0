//! `annals map [FILE] [filters] --format F [-o OUT]`: where the chosen events
//! happened, per place, per country and per pair of countries.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::chosen::{Chosen, choose};
use super::output::deliver;
use super::{CliError, FilterArgs, Outcome};
use crate::analysis::{CountIndex, MapCounts, MapIndex};
use crate::export::{self, AnalysisExport, AnalysisFormat, MapFigure};
use crate::model::words;

/// How `annals map` prints or draws what it found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum MapOutput {
    /// Aligned columns for reading: places, countries, links.
    #[default]
    Table,
    /// A GeoJSON FeatureCollection: places, countries with their outlines, links.
    Geojson,
    /// CSV: kind,name,actor,lat,lon,count.
    Csv,
    /// A picture in vectors and text (needs -o).
    Svg,
    /// A bitmap picture (needs -o).
    Png,
}

/// What `annals map` was asked for.
#[derive(Debug, Clone, Args)]
pub struct MapArgs {
    /// The dataset (the embedded one when omitted).
    pub(crate) file: Option<PathBuf>,
    /// Which events.
    #[command(flatten)]
    pub(crate) filter: FilterArgs,
    /// How to print it, or the picture to draw (svg, png need -o).
    #[arg(long, value_enum, default_value_t = MapOutput::Table)]
    pub(crate) format: MapOutput,
    /// The file to write (standard output when omitted).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    /// Overwrite OUT if it exists.
    #[arg(long)]
    pub(crate) force: bool,
}

/// Locates and counts the chosen events and prints or writes them; the
/// places that were not found are named on `err`.
pub fn run(args: &MapArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome, CliError> {
    let picture = match args.format {
        MapOutput::Svg => Some(AnalysisFormat::Svg),
        MapOutput::Png => Some(AnalysisFormat::Png),
        MapOutput::Csv => Some(AnalysisFormat::Csv),
        MapOutput::Table | MapOutput::Geojson => None,
    };
    if matches!(args.format, MapOutput::Svg | MapOutput::Png) && args.output.is_none() {
        return Err(CliError::PictureNeedsFile {
            format: format!("{:?}", args.format).to_lowercase(),
        });
    }
    let Chosen {
        dataset,
        source,
        filter,
        selection,
    } = choose(args.file.as_deref(), &args.filter)?;
    let index = CountIndex::new(&dataset);
    let map = MapIndex::new(&dataset, &index);
    let counts = map.count(&index, &selection, None);
    if let Some(line) = unfound_line(&map, &counts) {
        let _ = writeln!(err, "annals: {line}");
    }
    let bytes = match picture {
        Some(format) => {
            let export = AnalysisExport {
                format,
                filter,
                events: selection.len(),
                source,
                command: vec!["map".to_string()],
                file_name: super::stats::file_name(args.output.as_deref(), format.extension()),
                exported_at: export::now_rfc3339(),
            };
            let figure = MapFigure {
                dataset: &dataset,
                map: &map,
                counts: &counts,
                kinds: index.kinds(),
            };
            export::render_map(&figure, &export)?
        }
        None if args.format == MapOutput::Geojson => {
            let mut spot_events: Vec<Vec<&str>> = vec![Vec::new(); map.spots.len()];
            for e in selection.iter() {
                if let Some(spot) = map.spot_of_event(e as usize) {
                    spot_events[spot as usize].push(&dataset.events[e as usize].id);
                }
            }
            export::map_geojson(&map, &counts, &spot_events)
        }
        None => table(&map, &counts),
    };
    deliver(&bytes, args.output.as_deref(), args.force, out)
}

/// "3 places not found: Atlantis, Lilliput, Tripoli", or none when all were.
pub(crate) fn unfound_line(map: &MapIndex, counts: &MapCounts) -> Option<String> {
    if counts.unfound.is_empty() {
        return None;
    }
    let names: Vec<&str> = counts
        .unfound
        .iter()
        .map(|&(i, _)| map.unfound[i as usize].as_str())
        .collect();
    Some(format!(
        "{} not found: {}",
        words::counted(names.len(), "place", "places"),
        names.join(", ")
    ))
}

/// The places, the countries and the links with events, as aligned columns.
fn table(map: &MapIndex, counts: &MapCounts) -> Vec<u8> {
    let mut rows: Vec<[String; 3]> = vec![["kind".into(), "name".into(), "events".into()]];
    let mut places: Vec<usize> = (0..map.spots.len())
        .filter(|&s| counts.spots[s] > 0)
        .collect();
    places.sort_by(|&a, &b| counts.spots[b].cmp(&counts.spots[a]).then(a.cmp(&b)));
    for s in places {
        rows.push([
            "place".into(),
            map.spots[s].name.clone(),
            counts.spots[s].to_string(),
        ]);
    }
    let mut countries: Vec<usize> = (0..map.countries.len())
        .filter(|&c| counts.countries[c] > 0)
        .collect();
    countries.sort_by(|&a, &b| {
        counts.countries[b]
            .cmp(&counts.countries[a])
            .then(a.cmp(&b))
    });
    for c in countries {
        let country = &map.countries[c];
        rows.push([
            "country".into(),
            format!("{} ({})", country.name, country.id),
            counts.countries[c].to_string(),
        ]);
    }
    for link in &counts.links {
        let name = |slot: u32| map.countries[slot as usize].name.as_str();
        rows.push([
            "link".into(),
            format!("{} \u{2192} {}", name(link.from), name(link.to)),
            link.count.to_string(),
        ]);
    }
    let width = |k: usize| rows.iter().map(|r| r[k].chars().count()).max().unwrap_or(0);
    let (kind, name) = (width(0), width(1));
    let mut text = String::new();
    for [k, n, c] in &rows {
        text.push_str(&format!("{k:<kind$}  {n:<name$}  {c:>6}\n"));
    }
    text.into_bytes()
}
