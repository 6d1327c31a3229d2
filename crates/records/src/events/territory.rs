//! Who took ground decides ACLED's sub-event type: state forces (and foreign state forces
//! fighting with them) regain territory; a rebel or identity group overtakes it. The trigger
//! gives a default ("تحرير" is said of government gains, "سيطر" of anyone); the actors settle it.

use isnad_schema::{AcledSubEventType, EventRecord};

/// ACLED actor types of state forces: 1 (state forces) and 8 (external forces).
const STATE: [u8; 2] = [1, 8];
/// ACLED actor types of non-state armed groups: 2 (rebels) and 4 (identity militias).
const NON_STATE: [u8; 2] = [2, 4];

/// Sets the territory sub-event type of each event from its actors' ACLED types.
pub(super) fn settle(events: &mut [EventRecord]) {
    for e in events {
        let Some(acled) = e.acled.as_mut() else { continue };
        if !matches!(
            acled.sub_event_type,
            AcledSubEventType::GovernmentRegainsTerritory | AcledSubEventType::NonStateActorOvertakesTerritory
        ) {
            continue;
        }
        let inters: Vec<u8> = e.actors.iter().filter_map(|p| p.actor.as_ref().and_then(|a| a.inter)).collect();
        if inters.iter().any(|i| STATE.contains(i)) {
            acled.sub_event_type = AcledSubEventType::GovernmentRegainsTerritory;
        } else if !inters.is_empty() && inters.iter().all(|i| NON_STATE.contains(i)) {
            acled.sub_event_type = AcledSubEventType::NonStateActorOvertakesTerritory;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::events::testdoc::{only, TestDoc, PUBLISHED};
    use isnad_schema::{AcledSubEventType, ActorRef};

    fn taken_by(inter: u8) -> AcledSubEventType {
        let d = TestDoc::new("سيطرت القوات على مديرية حيس.", PUBLISHED).actor("القوات", "ORG", "x.forces", "military");
        let mut d = d;
        for e in &mut d.entities {
            if let Some(a) = e.actor.as_mut() {
                *a = ActorRef { inter: Some(inter), ..a.clone() };
            }
        }
        only(&d).acled.unwrap().sub_event_type
    }

    #[test]
    fn state_forces_taking_ground_regain_territory() {
        assert_eq!(taken_by(1), AcledSubEventType::GovernmentRegainsTerritory);
    }

    #[test]
    fn rebels_taking_ground_overtake_territory() {
        assert_eq!(taken_by(2), AcledSubEventType::NonStateActorOvertakesTerritory);
    }
}
