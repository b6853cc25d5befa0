//! The payload of a cache entry: the dataset's head, then its events in runs,
//! each after its length in bytes, so that runs are written and read back on
//! all cores.

use rayon::prelude::*;

use super::codec;
use super::wire::{HeadIn, HeadOut, RunIn, RunOut};
use crate::model::{Dataset, Event};

/// Events per run: enough that a run is worth a task, few enough that the
/// runs of a wave are a small part of the whole.
const RUN_EVENTS: usize = 8_192;

/// About the bytes an event takes, so that a run's buffer seldom grows.
const RUN_BYTES_GUESS: usize = 160;

/// A dataset in its binary form: the head, then the runs of events, in the
/// order they are written.
pub struct Encoded {
    pieces: Vec<Vec<u8>>,
}

impl Encoded {
    /// The bytes, piece by piece, in order.
    pub fn pieces(&self) -> impl Iterator<Item = &[u8]> {
        self.pieces.iter().map(Vec::as_slice)
    }

    /// The number of bytes in all.
    pub fn len(&self) -> usize {
        self.pieces.iter().map(Vec::len).sum()
    }

    /// True when there is nothing to write (never for an encoded dataset).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// `dataset` in its binary form, its runs of events encoded on all cores;
/// `None` should the format refuse a value.
pub fn encode(dataset: &Dataset) -> Option<Encoded> {
    let head = codec::to_vec(&HeadOut::of(dataset))?;
    let runs: Option<Vec<Vec<u8>>> = dataset
        .events
        .par_chunks(RUN_EVENTS)
        .map(|run| {
            // The run's length goes before it, once it is known.
            let mut framed = Vec::with_capacity(8 + RUN_BYTES_GUESS * run.len());
            framed.extend_from_slice(&[0; 8]);
            codec::write_into(&RunOut(run), &mut framed)?;
            let length = (framed.len() - 8) as u64;
            framed[..8].copy_from_slice(&length.to_le_bytes());
            Some(framed)
        })
        .collect();
    let runs = runs?;
    let mut pieces = Vec::with_capacity(1 + runs.len());
    pieces.push(head);
    pieces.extend(runs);
    Some(Encoded { pieces })
}

/// The dataset whose binary form is `bytes`, its runs of events read on all
/// cores; `None` when the bytes are not one.
pub fn decode(bytes: &[u8]) -> Option<Dataset> {
    let (head, mut rest): (HeadIn, &[u8]) = codec::take_from(bytes)?;
    let mut runs = Vec::new();
    while !rest.is_empty() {
        let (length, after) = rest.split_first_chunk::<8>()?;
        let length = usize::try_from(u64::from_le_bytes(*length)).ok()?;
        let (run, after) = after.split_at_checked(length)?;
        runs.push(run);
        rest = after;
    }
    let count = usize::try_from(head.events).ok()?;
    // The count is trusted only as far as the bytes could hold that many events.
    let mut events: Vec<Event> = Vec::with_capacity(count.min(bytes.len() / 8));
    let wave = rayon::current_num_threads().max(1) * 2;
    for runs in runs.chunks(wave) {
        let read: Vec<Option<Vec<Event>>> = runs
            .par_iter()
            .map(|run| codec::from_exactly(run).map(|RunIn(events)| events))
            .collect();
        for run in read {
            events.extend(run?);
        }
    }
    (events.len() == count).then(|| head.with_events(events))
}
