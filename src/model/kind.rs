//! Kinds of events and their CAMEO codes.

use serde::{Deserialize, Serialize};

/// What kind of event this is. `Other` holds a dataset's own kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventKind {
    /// A visit abroad (the visitor is the actor, the host the counterpart).
    Visit,
    /// A telephone or video call.
    PhoneCall,
    /// The signing of a treaty, agreement or memorandum.
    TreatySigning,
    /// A meeting that is not a visit.
    Meeting,
    /// Recognition of a state or government.
    Recognition,
    /// Diplomatic relations established, an embassy opened.
    DiplomaticRelations,
    /// Joining or being admitted to an organization.
    Membership,
    /// The opening of a facility.
    Inauguration,
    /// A public statement.
    Statement,
    /// A diplomatic protest: an ambassador summoned, a protest note, a public accusation.
    DiplomaticProtest,
    /// A milestone in one actor's history (independence, a founding).
    Milestone,
    /// A kind of the dataset's own, with its label.
    Other(super::ThinText),
}

impl EventKind {
    /// Every built-in kind, in the order the legend shows them.
    pub const BUILT_IN: [EventKind; 11] = [
        EventKind::Visit,
        EventKind::PhoneCall,
        EventKind::Meeting,
        EventKind::TreatySigning,
        EventKind::DiplomaticRelations,
        EventKind::Recognition,
        EventKind::Membership,
        EventKind::Inauguration,
        EventKind::Statement,
        EventKind::DiplomaticProtest,
        EventKind::Milestone,
    ];

    /// The CAMEO event code, for built-in kinds that have one.
    ///
    /// A visit is 042 from the visitor's side (hosting is 043). A diplomatic
    /// protest is 111, "criticize or denounce", CAMEO's code for disapproval
    /// voiced by a government, which covers a summoned ambassador and a protest
    /// note as well as a denunciation; an accusation proper (112) is given on the
    /// event itself.
    pub fn cameo(&self) -> Option<&'static str> {
        match self {
            EventKind::Visit => Some("042"),
            EventKind::PhoneCall => Some("041"),
            EventKind::Meeting => Some("040"),
            EventKind::TreatySigning => Some("057"),
            EventKind::Recognition => Some("054"),
            EventKind::DiplomaticRelations => Some("050"),
            EventKind::Statement => Some("010"),
            EventKind::DiplomaticProtest => Some("111"),
            EventKind::Membership | EventKind::Inauguration | EventKind::Milestone => None,
            EventKind::Other(_) => None,
        }
    }

    /// The kind as readers see it: "Visit", "Phone call", or an own label.
    pub fn label(&self) -> &str {
        match self {
            EventKind::Visit => "Visit",
            EventKind::PhoneCall => "Phone call",
            EventKind::TreatySigning => "Treaty signing",
            EventKind::Meeting => "Meeting",
            EventKind::Recognition => "Recognition",
            EventKind::DiplomaticRelations => "Diplomatic relations",
            EventKind::Membership => "Membership",
            EventKind::Inauguration => "Inauguration",
            EventKind::Statement => "Statement",
            EventKind::DiplomaticProtest => "Diplomatic protest",
            EventKind::Milestone => "Milestone",
            EventKind::Other(label) => label,
        }
    }

    /// The kebab-case name used on the command line: `visit`, `phone-call`.
    pub fn slug(&self) -> String {
        match self {
            EventKind::Other(label) => label.to_lowercase().replace(' ', "-"),
            built_in => built_in.label().to_lowercase().replace(' ', "-"),
        }
    }
}
