//! Lanes: which horizontal band each event is drawn in.
//!
//! By actor (a lane per country and organization, its people nested under it),
//! by topic (the topic tree), by kind, or one lane for everything. An event
//! with several actors or topics appears in each of their lanes.

use std::collections::{BTreeSet, HashMap, HashSet};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::index::EventIdx;
use crate::model::{ActorKind, Dataset, EventKind};

/// How events are grouped into lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum LaneMode {
    /// A lane per country and organization, with their people nested.
    #[default]
    Actor,
    /// A lane per topic, sub-topics nested.
    Topic,
    /// A lane per kind of event.
    Kind,
    /// Every event in one lane.
    Single,
}

impl LaneMode {
    /// Every mode, in the order the toolbar offers them.
    pub const ALL: [LaneMode; 4] = [
        LaneMode::Actor,
        LaneMode::Topic,
        LaneMode::Kind,
        LaneMode::Single,
    ];

    /// The mode as the toolbar names it.
    pub(crate) fn label(self) -> &'static str {
        match self {
            LaneMode::Actor => "By actor",
            LaneMode::Topic => "By topic",
            LaneMode::Kind => "By kind",
            LaneMode::Single => "One lane",
        }
    }

    /// The mode as `annals export --lanes` names it: `actor`, `topic`, `kind` or `single`.
    pub fn slug(self) -> &'static str {
        match self {
            LaneMode::Actor => "actor",
            LaneMode::Topic => "topic",
            LaneMode::Kind => "kind",
            LaneMode::Single => "single",
        }
    }
}

impl std::str::FromStr for LaneMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LaneMode::ALL
            .into_iter()
            .find(|m| m.slug().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!("unknown lane mode {s:?}; choose one of actor, topic, kind, single")
            })
    }
}

/// One lane: its label and its place in the lane tree.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Lane {
    /// A stable key (`actor:IRN`, `topic:drones`, `kind:visit`, `all`), used to
    /// remember which lanes are collapsed.
    pub(crate) key: String,
    /// The name shown at the left of the lane.
    pub(crate) label: String,
    /// 0 for a top lane, 1 for a lane nested under another, and so on.
    pub(crate) depth: u8,
    /// The lane this one is nested under.
    pub(crate) parent: Option<usize>,
    /// True when other lanes are nested under this one.
    pub(crate) has_children: bool,
    /// True when an ancestor is collapsed, so the lane is not drawn.
    pub(crate) hidden: bool,
    /// True when empty lanes are hidden and no shown event is drawn in this lane
    /// nor in any lane nested under it, so the lane is not drawn.
    pub(crate) empty: bool,
    /// For a person's lane, the actor id (to draw their role tenures).
    pub(crate) person: Option<String>,
}

impl Lane {
    /// The lane's name, an actor's in language `names` (`fa`) where the
    /// actor has a name in it.
    pub(crate) fn label_in<'a>(&'a self, dataset: &'a Dataset, names: Option<&str>) -> &'a str {
        let actor = names
            .and_then(|_| self.key.strip_prefix("actor:"))
            .and_then(|id| dataset.actor(id));
        actor.map_or(self.label.as_str(), |actor| actor.name_in(names))
    }

    /// True when the lane is drawn: neither folded into another nor hidden as empty.
    pub(crate) fn drawn(&self) -> bool {
        !self.hidden && !self.empty
    }
}

/// The lanes of a dataset in one mode, and the lanes of every event.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lanes {
    /// The lanes, top to bottom.
    pub(crate) lanes: Vec<Lane>,
    /// For event `e`, its lanes are `members[offsets[e]..offsets[e + 1]]`.
    offsets: Vec<u32>,
    members: Vec<u32>,
}

impl Lanes {
    /// Assigns the events of `dataset` to lanes; events of a lane under a
    /// collapsed one are drawn in the collapsed lane.
    pub fn build(dataset: &Dataset, mode: LaneMode, collapsed: &BTreeSet<String>) -> Lanes {
        let (mut lanes, raw) = match mode {
            LaneMode::Actor => actor_lanes(dataset),
            LaneMode::Topic => topic_lanes(dataset),
            LaneMode::Kind => kind_lanes(dataset),
            LaneMode::Single => {
                let raw = RawLanes::collect(&dataset.events, |_, lanes| lanes.push(0));
                (vec![top_lane("all", "All events")], raw)
            }
        };
        for i in 0..lanes.len() {
            if let Some(p) = lanes[i].parent {
                lanes[p].has_children = true;
            }
        }
        // Where an event of each lane is drawn: the topmost collapsed ancestor, or itself.
        let shown: Vec<usize> = (0..lanes.len())
            .map(|i| {
                let mut target = i;
                let mut at = lanes[i].parent;
                while let Some(p) = at {
                    if collapsed.contains(&lanes[p].key) {
                        target = p;
                    }
                    at = lanes[p].parent;
                }
                target
            })
            .collect();
        for (i, lane) in lanes.iter_mut().enumerate() {
            lane.hidden = shown[i] != i;
        }
        let events: Vec<u32> = (0..raw.offsets.len().saturating_sub(1) as u32).collect();
        let drawn = RawLanes::collect(&events, |&e, drawn| {
            for &lane in raw.of(e) {
                let lane = shown[lane as usize] as u32;
                if !drawn.contains(&lane) {
                    drawn.push(lane);
                }
            }
            drawn.sort_unstable();
        });
        Lanes {
            lanes,
            offsets: drawn.offsets,
            members: drawn.members,
        }
    }

    /// The lanes event `event` is drawn in, top to bottom.
    pub(crate) fn of_event(&self, event: EventIdx) -> &[u32] {
        let e = event as usize;
        match (self.offsets.get(e), self.offsets.get(e + 1)) {
            (Some(&a), Some(&b)) => &self.members[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Hides the lanes for which `holding` is false, unless a lane nested under
    /// them holds events; None shows every lane. True when a lane came or went.
    pub(crate) fn hide_empty(&mut self, holding: Option<&[bool]>) -> bool {
        let mut kept = vec![holding.is_none(); self.lanes.len()];
        for (lane, _) in holding
            .into_iter()
            .flatten()
            .enumerate()
            .filter(|&(_, &h)| h)
        {
            let mut at = Some(lane);
            while let Some(l) = at.filter(|&l| l < kept.len() && !kept[l]) {
                kept[l] = true;
                at = self.lanes[l].parent;
            }
        }
        let mut changed = false;
        for (lane, kept) in self.lanes.iter_mut().zip(kept) {
            changed |= lane.empty == kept;
            lane.empty = !kept;
        }
        changed
    }

    /// The labels of the lanes that are drawn, top to bottom.
    pub fn visible_labels(&self) -> Vec<&str> {
        self.lanes
            .iter()
            .filter(|l| l.drawn())
            .map(|l| l.label.as_str())
            .collect()
    }
}

fn top_lane(key: &str, label: &str) -> Lane {
    Lane {
        key: key.to_string(),
        label: label.to_string(),
        depth: 0,
        parent: None,
        has_children: false,
        hidden: false,
        empty: false,
        person: None,
    }
}

/// The lanes of each event before collapsing, stored flat: event `e`'s are
/// `members[offsets[e]..offsets[e + 1]]`. [`RawLanes::OTHER`] stands for the
/// catch-all lane ("No actor"), added only when some event needs it.
struct RawLanes {
    offsets: Vec<u32>,
    members: Vec<u32>,
    /// Some event went to the catch-all lane: set while pushing, so that
    /// finishing need not scan every slot to find out.
    needs_other: bool,
}

impl Default for RawLanes {
    fn default() -> Self {
        RawLanes {
            offsets: vec![0],
            members: Vec::new(),
            needs_other: false,
        }
    }
}

impl RawLanes {
    const OTHER: u32 = u32::MAX;

    /// The lanes of each of `items`, which `lanes_of` adds to its list, on all cores.
    fn collect<T: Sync>(items: &[T], lanes_of: impl Fn(&T, &mut Vec<u32>) + Sync) -> RawLanes {
        const ITEMS_PER_TASK: usize = 64 * 1024;
        let parts: Vec<RawLanes> = items
            .par_chunks(ITEMS_PER_TASK)
            .map(|items| {
                let mut part = RawLanes::default();
                let mut lanes = Vec::new();
                for item in items {
                    lanes.clear();
                    lanes_of(item, &mut lanes);
                    part.push_event(&lanes);
                }
                part
            })
            .collect();
        let mut all = RawLanes::default();
        for part in parts {
            let base = all.members.len() as u32;
            all.offsets
                .extend(part.offsets[1..].iter().map(|&end| base + end));
            all.members.extend(part.members);
            all.needs_other |= part.needs_other;
        }
        all
    }

    /// Adds the next event's lanes; none sends it to the catch-all lane.
    fn push_event(&mut self, lanes: &[u32]) {
        self.members.extend_from_slice(lanes);
        if lanes.is_empty() {
            self.members.push(RawLanes::OTHER);
            self.needs_other = true;
        }
        self.offsets.push(self.members.len() as u32);
    }

    /// The lanes of event `e`.
    fn of(&self, e: u32) -> &[u32] {
        let e = e as usize;
        &self.members[self.offsets[e] as usize..self.offsets[e + 1] as usize]
    }

    /// Adds the catch-all lane `other` to `lanes` if an event needs it.
    fn finish(mut self, lanes: &mut Vec<Lane>, other: Lane) -> RawLanes {
        if self.needs_other {
            let index = lanes.len() as u32;
            lanes.push(other);
            for lane in &mut self.members {
                if *lane == RawLanes::OTHER {
                    *lane = index;
                }
            }
        }
        self
    }
}

type Assignment = (Vec<Lane>, RawLanes);

fn actor_lanes(dataset: &Dataset) -> Assignment {
    let mut lanes = Vec::new();
    let mut lane_of: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
    // A person is nested under the country or organization of their latest role.
    let mut people_of: HashMap<&str, Vec<&crate::model::Actor>> = HashMap::new();
    for person in dataset
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
    {
        let latest = person.roles.iter().max_by_key(|r| {
            r.from
                .as_ref()
                .map_or(crate::model::Moment::MIN, |d| d.earliest())
        });
        if let Some(role) = latest {
            people_of.entry(role.of.as_str()).or_default().push(person);
        }
    }
    let groups = dataset
        .actors
        .iter()
        .filter(|a| a.kind != ActorKind::Person);
    for group in groups {
        let index = lanes.len();
        lane_of.insert(group.id.as_str(), index);
        lanes.push(top_lane(&format!("actor:{}", group.id), &group.name));
        for person in people_of.get(group.id.as_str()).into_iter().flatten() {
            lane_of.insert(person.id.as_str(), lanes.len());
            lanes.push(Lane {
                key: format!("actor:{}", person.id),
                label: person.name.clone(),
                depth: 1,
                parent: Some(index),
                has_children: false,
                hidden: false,
                empty: false,
                person: Some(person.id.clone()),
            });
        }
    }
    for person in dataset
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
    {
        if !lane_of.contains_key(person.id.as_str()) {
            lane_of.insert(person.id.as_str(), lanes.len());
            let mut lane = top_lane(&format!("actor:{}", person.id), &person.name);
            lane.person = Some(person.id.clone());
            lanes.push(lane);
        }
    }
    let raw = RawLanes::collect(&dataset.events, |event, lanes| {
        lanes.extend(
            event
                .participants()
                .filter_map(|id| lane_of.get(id).map(|&lane| lane as u32)),
        );
    });
    let raw = raw.finish(&mut lanes, top_lane("actor:", "No actor"));
    (lanes, raw)
}

fn topic_lanes(dataset: &Dataset) -> Assignment {
    let mut lanes = Vec::new();
    let mut lane_of: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
    fn add<'a>(
        dataset: &'a Dataset,
        parent: Option<(&str, usize)>,
        depth: u8,
        lanes: &mut Vec<Lane>,
        lane_of: &mut foldhash::HashMap<&'a str, usize>,
    ) {
        let children = dataset
            .topics
            .iter()
            .filter(|t| t.parent.as_deref() == parent.map(|(id, _)| id));
        for topic in children {
            if lane_of.contains_key(topic.id.as_str()) || depth > 16 {
                continue;
            }
            let index = lanes.len();
            lane_of.insert(topic.id.as_str(), index);
            lanes.push(Lane {
                key: format!("topic:{}", topic.id),
                label: topic.name.clone(),
                depth,
                parent: parent.map(|(_, i)| i),
                has_children: false,
                hidden: false,
                empty: false,
                person: None,
            });
            add(dataset, Some((&topic.id, index)), depth + 1, lanes, lane_of);
        }
    }
    add(dataset, None, 0, &mut lanes, &mut lane_of);
    let raw = RawLanes::collect(&dataset.events, |event, lanes| {
        lanes.extend(
            event
                .topics
                .iter()
                .filter_map(|id| lane_of.get(id).map(|&lane| lane as u32)),
        );
    });
    let raw = raw.finish(&mut lanes, top_lane("topic:", "No topic"));
    (lanes, raw)
}

fn kind_lanes(dataset: &Dataset) -> Assignment {
    // Built-in kinds in legend order, then the dataset's own by name.
    let order = |k: &EventKind| {
        let builtin = EventKind::BUILT_IN.iter().position(|b| b == k);
        (
            builtin.unwrap_or(EventKind::BUILT_IN.len()),
            k.label().to_string(),
        )
    };
    let mut distinct: Vec<&EventKind> = Vec::new();
    let mut seen: HashSet<&EventKind> = HashSet::new();
    for event in &dataset.events {
        if seen.insert(&event.kind) {
            distinct.push(&event.kind);
        }
    }
    distinct.sort_by_cached_key(|k| order(k));
    let lane_of: HashMap<&EventKind, usize> =
        distinct.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let lanes = distinct
        .iter()
        .map(|k| top_lane(&format!("kind:{}", k.slug()), k.label()))
        .collect();
    let raw = RawLanes::collect(&dataset.events, |event, lanes| {
        lanes.extend(lane_of.get(&event.kind).map(|&lane| lane as u32));
    });
    (lanes, raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_gathered_on_all_cores_keep_every_item_in_its_place() {
        // More items than one task takes, some without a lane.
        let items: Vec<u32> = (0..200_000).collect();
        let raw = RawLanes::collect(&items, |&item, lanes| {
            lanes.extend((0..item % 3).map(|k| item + k));
        });
        assert!(raw.needs_other);
        assert_eq!(raw.offsets.len(), items.len() + 1);
        for &item in &items {
            let expected: Vec<u32> = match item % 3 {
                0 => vec![RawLanes::OTHER],
                n => (0..n).map(|k| item + k).collect(),
            };
            assert_eq!(raw.of(item), expected, "item {item}");
        }
    }

    #[test]
    fn people_are_nested_under_their_country_and_fold_into_it() {
        let dataset = crate::dataset::embedded();
        let lanes = Lanes::build(&dataset, LaneMode::Actor, &BTreeSet::new());
        let labels = lanes.visible_labels();
        let iran = labels
            .iter()
            .position(|l| *l == "Iran")
            .unwrap_or(usize::MAX);
        let bagheri = labels.iter().position(|l| *l == "Mohammad Bagheri");
        assert_eq!(bagheri, Some(iran + 1));
        let visit = dataset
            .events
            .iter()
            .position(|e| e.id == "2022-05-16-bagheri-dushanbe")
            .unwrap_or(0) as EventIdx;
        assert!(
            lanes.of_event(visit).len() >= 2,
            "the visit is in each actor's lane"
        );

        let collapsed = BTreeSet::from(["actor:IRN".to_string()]);
        let folded = Lanes::build(&dataset, LaneMode::Actor, &collapsed);
        assert!(!folded.visible_labels().contains(&"Mohammad Bagheri"));
        let lane_labels: Vec<&str> = folded
            .of_event(visit)
            .iter()
            .map(|&l| folded.lanes[l as usize].label.as_str())
            .collect();
        assert!(lane_labels.contains(&"Iran"));
    }

    #[test]
    fn each_kind_has_one_lane_built_in_kinds_first_then_a_datasets_own_by_name() {
        let mut dataset = crate::dataset::embedded();
        let kinds = ["Summit", "Expulsion", "Summit", "Expulsion", "Sanctions"];
        for (event, kind) in dataset.events.iter_mut().zip(kinds) {
            event.kind = EventKind::Other(kind.into());
        }
        let lanes = Lanes::build(&dataset, LaneMode::Kind, &BTreeSet::new());
        let labels = lanes.visible_labels();
        let own: Vec<&str> = labels
            .iter()
            .copied()
            .filter(|l| ["Summit", "Expulsion", "Sanctions"].contains(l))
            .collect();
        assert_eq!(own, ["Expulsion", "Sanctions", "Summit"]);
        assert_eq!(labels.last(), Some(&"Summit"));
        for (e, event) in dataset.events.iter().enumerate() {
            let of = lanes.of_event(e as EventIdx);
            assert_eq!(of.len(), 1);
            assert_eq!(labels[of[0] as usize], event.kind.label());
        }
    }
}
