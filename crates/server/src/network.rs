//! The actor network: linked actors as nodes, "actor → recipient" relations
//! of the events as edges (one per pair and event type).

use std::collections::BTreeMap;

use isnad_schema::{ActorRef, Participant, PloverType, Quad};
use isnad_store::StoredEvent;
use serde::Serialize;

/// Nodes and edges.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Network {
    /// Every linked actor of the events, by id.
    pub nodes: Vec<NetworkNode>,
    /// Directed relations, by source, target and type.
    pub edges: Vec<NetworkEdge>,
}

/// One actor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NetworkNode {
    /// Actor id (`ye.houthis`; generic actors keep their generic id).
    pub id: String,
    /// English name.
    pub label: String,
    /// Arabic name.
    pub name_ar: String,
    /// Actor kind.
    pub kind: String,
    /// ACLED actor type.
    pub inter: Option<u8>,
    /// Events it takes part in (either role).
    pub events: usize,
}

/// Events of one type from one actor to another.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NetworkEdge {
    /// Actor id.
    pub source: String,
    /// Recipient id.
    pub target: String,
    /// PLOVER event type.
    #[serde(rename = "type")]
    pub ty: PloverType,
    /// PLOVER quad class (1 verbal cooperation … 4 material conflict).
    pub quad: Quad,
    /// Number of events.
    pub weight: usize,
    /// Earliest event date (YYYY-MM-DD), when dated.
    pub first: Option<String>,
    /// Latest event date.
    pub last: Option<String>,
    /// The events.
    pub events: Vec<EdgeEvent>,
}

/// An event behind an edge.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EdgeEvent {
    /// Document id.
    pub doc: String,
    /// Event id within the document.
    pub event: String,
    /// Start date, when dated.
    pub date: Option<String>,
}

fn linked(ps: &[Participant]) -> Vec<&ActorRef> {
    let mut out: Vec<&ActorRef> = Vec::new();
    for a in ps.iter().filter_map(|p| p.actor.as_ref()) {
        if !out.iter().any(|b| b.id == a.id) {
            out.push(a);
        }
    }
    out
}

/// Builds the network of `events` (nodes by id, edges by source, target, type as written).
pub fn network(events: &[StoredEvent]) -> Network {
    let mut nodes: BTreeMap<String, NetworkNode> = BTreeMap::new();
    let mut edges: BTreeMap<(String, String, &'static str), NetworkEdge> = BTreeMap::new();
    for se in events {
        let ev = &se.event;
        let actors = linked(&ev.actors);
        let recipients = linked(&ev.recipients);
        let mut seen: Vec<&str> = Vec::new();
        for a in actors.iter().chain(recipients.iter()) {
            if seen.contains(&a.id.as_str()) {
                continue;
            }
            seen.push(&a.id);
            nodes
                .entry(a.id.clone())
                .or_insert_with(|| NetworkNode {
                    id: a.id.clone(),
                    label: a.name.clone(),
                    name_ar: a.name_ar.clone(),
                    kind: a.kind.clone(),
                    inter: a.inter,
                    events: 0,
                })
                .events += 1;
        }
        let date = ev.time.as_ref().and_then(|t| t.from.as_deref()).map(|d| d.chars().take(10).collect::<String>());
        for a in &actors {
            for r in &recipients {
                if a.id == r.id {
                    continue;
                }
                let e = edges.entry((a.id.clone(), r.id.clone(), ev.ty.as_str())).or_insert_with(|| NetworkEdge {
                    source: a.id.clone(),
                    target: r.id.clone(),
                    ty: ev.ty,
                    quad: ev.quad,
                    weight: 0,
                    first: None,
                    last: None,
                    events: Vec::new(),
                });
                e.weight += 1;
                if let Some(d) = &date {
                    if e.first.as_ref().is_none_or(|f| d < f) {
                        e.first = Some(d.clone());
                    }
                    if e.last.as_ref().is_none_or(|l| d > l) {
                        e.last = Some(d.clone());
                    }
                }
                e.events.push(EdgeEvent { doc: se.doc.clone(), event: ev.id.clone(), date: date.clone() });
            }
        }
    }
    Network { nodes: nodes.into_values().collect(), edges: edges.into_values().collect() }
}
