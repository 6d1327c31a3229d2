//! GraphML actor network.

use std::collections::HashMap;
use std::io::{self, Write};

use isnad_schema::{ClusterRecord, Factuality, Participant, PloverMode, PloverType, Quad};

use crate::util;

/// Attribute keys: (id, for, attr.name, attr.type).
const KEYS: [(&str, &str, &str, &str); 17] = [
    ("n_label", "node", "label", "string"),
    ("n_name_ar", "node", "name_ar", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_inter", "node", "inter", "int"),
    ("n_sector", "node", "sector", "string"),
    ("n_country", "node", "country", "string"),
    ("n_wikidata", "node", "wikidata", "string"),
    ("n_clusters", "node", "clusters", "int"),
    ("e_type", "edge", "type", "string"),
    ("e_mode", "edge", "mode", "string"),
    ("e_quad", "edge", "quad", "int"),
    ("e_date", "edge", "date", "string"),
    ("e_weight", "edge", "weight", "double"),
    ("e_clusters", "edge", "clusters", "string"),
    ("e_factuality", "edge", "factuality", "string"),
    ("e_acled", "edge", "acled", "string"),
    ("e_independent_sources", "edge", "independent_sources", "int"),
];

struct Node<'a> {
    id: String,
    label: &'a str,
    name_ar: Option<&'a str>,
    kind: Option<&'a str>,
    inter: Option<u8>,
    sector: Option<&'a str>,
    country: Option<&'a str>,
    wikidata: Option<&'a str>,
    clusters: usize,
    last_cluster: usize,
}

struct Edge<'a> {
    source: usize,
    target: usize,
    ty: PloverType,
    modes: Vec<PloverMode>,
    quad: Quad,
    date: Option<String>,
    clusters: Vec<&'a str>,
    factuality: Factuality,
    acled: Vec<String>,
    independent_sources: usize,
    last_cluster: usize,
}

/// Escapes text for XML content and attribute values. Characters XML 1.0
/// does not allow (most C0 controls, U+FFFE, U+FFFF) are dropped; tab, line
/// feed and carriage return are written as character references so that
/// attribute values keep them.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A node id for a participant: its actor id, else `name:` and its normalised name.
fn node_id(p: &Participant) -> Option<String> {
    if let Some(a) = p.actor.as_ref().filter(|a| !a.id.trim().is_empty()) {
        return Some(a.id.trim().to_string());
    }
    let name = crate::normalise(&p.name);
    (!name.is_empty()).then(|| format!("name:{name}"))
}

fn data<W: Write>(w: &mut W, key: &str, value: &str) -> io::Result<()> {
    writeln!(w, "      <data key=\"{key}\">{}</data>", escape(value))
}

/// The network: nodes in order of first appearance, edges likewise.
fn network<'a>(clusters: &'a [ClusterRecord]) -> (Vec<Node<'a>>, Vec<Edge<'a>>) {
    let mut nodes: Vec<Node<'a>> = Vec::new();
    let mut node_index: HashMap<String, usize> = HashMap::new();
    let mut edges: Vec<Edge<'a>> = Vec::new();
    let mut edge_index: HashMap<(usize, usize, PloverType), usize> = HashMap::new();

    for (ci, c) in clusters.iter().enumerate() {
        let mut add = |p: &'a Participant| -> Option<usize> {
            let id = node_id(p)?;
            let i = *node_index.entry(id.clone()).or_insert_with(|| {
                nodes.push(Node {
                    id,
                    label: util::participant_name(p),
                    name_ar: p.actor.as_ref().map(|a| a.name_ar.as_str()),
                    kind: p.actor.as_ref().map(|a| a.kind.as_str()),
                    inter: p.actor.as_ref().and_then(|a| a.inter),
                    sector: p.actor.as_ref().and_then(|a| a.sector.as_deref()),
                    country: p.actor.as_ref().and_then(|a| a.country.as_deref()),
                    wikidata: p.actor.as_ref().and_then(|a| a.wikidata.as_deref()),
                    clusters: 0,
                    last_cluster: usize::MAX,
                });
                nodes.len() - 1
            });
            if nodes[i].last_cluster != ci {
                nodes[i].last_cluster = ci;
                nodes[i].clusters += 1;
            }
            Some(i)
        };
        let sources: Vec<usize> = c.actors.iter().filter_map(&mut add).collect();
        let targets: Vec<usize> = c.recipients.iter().filter_map(&mut add).collect();
        let date = util::event_date(c).map(|d| d.day.iso());
        let acled = c.acled.as_ref().map(|t| format!("{}/{}", t.event_type, t.sub_event_type));
        for &s in &sources {
            for &t in &targets {
                let e = *edge_index.entry((s, t, c.ty)).or_insert_with(|| {
                    edges.push(Edge {
                        source: s,
                        target: t,
                        ty: c.ty,
                        modes: Vec::new(),
                        quad: c.quad,
                        date: None,
                        clusters: Vec::new(),
                        factuality: c.factuality,
                        acled: Vec::new(),
                        independent_sources: 0,
                        last_cluster: usize::MAX,
                    });
                    edges.len() - 1
                });
                let edge = &mut edges[e];
                if edge.last_cluster == ci {
                    continue;
                }
                edge.last_cluster = ci;
                edge.clusters.push(&c.id);
                if let Some(m) = c.mode {
                    if !edge.modes.contains(&m) {
                        edge.modes.push(m);
                    }
                }
                if let Some(d) = &date {
                    if edge.date.as_ref().is_none_or(|old| d < old) {
                        edge.date = Some(d.clone());
                    }
                }
                if c.factuality.strength_rank() < edge.factuality.strength_rank() {
                    edge.factuality = c.factuality;
                }
                if let Some(a) = &acled {
                    if !edge.acled.contains(a) {
                        edge.acled.push(a.clone());
                    }
                }
                edge.independent_sources = edge.independent_sources.max(c.independent_sources);
            }
        }
    }
    (nodes, edges)
}

/// Writes the actor network of the clusters as GraphML (readable by Gephi,
/// networkx, yEd, igraph).
///
/// Nodes are actors, by actor id; a participant linked to no actor is a
/// node per normalised name (id `name:…`). Node attributes: `label`
/// (English name), `name_ar`, `kind`, `inter`, `sector`, `country`,
/// `wikidata`, and `clusters` (how many clusters it takes part in). Edges
/// are directed actor → recipient, one per (actor, recipient, PLOVER type),
/// with `type`, `mode` (the distinct modes, `; `-joined), `quad`, `date`
/// (the earliest cluster date), `weight` (the number of clusters),
/// `clusters` (their ids, space-separated), `factuality` (the strongest),
/// `acled` (the distinct ACLED types) and `independent_sources` (the most
/// any one cluster has). Returns the number of edges written.
pub fn write_graphml<W: Write>(clusters: &[ClusterRecord], w: W) -> io::Result<usize> {
    let (nodes, edges) = network(clusters);
    let mut w = io::BufWriter::new(w);
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, kind, name, ty) in KEYS {
        writeln!(w, r#"  <key id="{id}" for="{kind}" attr.name="{name}" attr.type="{ty}"/>"#)?;
    }
    writeln!(w, r#"  <graph id="isnad" edgedefault="directed">"#)?;
    for n in &nodes {
        writeln!(w, r#"    <node id="{}">"#, escape(&n.id))?;
        data(&mut w, "n_label", n.label)?;
        let optional = [
            ("n_name_ar", n.name_ar),
            ("n_kind", n.kind),
            ("n_sector", n.sector),
            ("n_country", n.country),
            ("n_wikidata", n.wikidata),
        ];
        for (key, v) in optional {
            if let Some(v) = v.map(str::trim).filter(|v| !v.is_empty()) {
                data(&mut w, key, v)?;
            }
        }
        if let Some(i) = n.inter {
            data(&mut w, "n_inter", &i.to_string())?;
        }
        data(&mut w, "n_clusters", &n.clusters.to_string())?;
        writeln!(w, "    </node>")?;
    }
    for (i, e) in edges.iter().enumerate() {
        writeln!(
            w,
            r#"    <edge id="e{i}" source="{}" target="{}">"#,
            escape(&nodes[e.source].id),
            escape(&nodes[e.target].id)
        )?;
        data(&mut w, "e_type", e.ty.as_str())?;
        if !e.modes.is_empty() {
            data(&mut w, "e_mode", &e.modes.iter().map(|m| m.as_str()).collect::<Vec<_>>().join("; "))?;
        }
        data(&mut w, "e_quad", &e.quad.to_string())?;
        if let Some(d) = &e.date {
            data(&mut w, "e_date", d)?;
        }
        data(&mut w, "e_weight", &format!("{}.0", e.clusters.len()))?;
        data(&mut w, "e_clusters", &e.clusters.join(" "))?;
        data(&mut w, "e_factuality", e.factuality.as_str())?;
        if !e.acled.is_empty() {
            data(&mut w, "e_acled", &e.acled.join("; "))?;
        }
        data(&mut w, "e_independent_sources", &e.independent_sources.to_string())?;
        writeln!(w, "    </edge>")?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")?;
    w.flush()?;
    Ok(edges.len())
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escaping() {
        assert_eq!(escape(r#"A & B <"x"> 'y'"#), "A &amp; B &lt;&quot;x&quot;&gt; &apos;y&apos;");
        assert_eq!(escape("a\tb\nc\rd\u{0}\u{1b}e\u{FFFF}"), "a&#9;b&#10;c&#13;de");
        assert_eq!(escape("جماعة الحوثي"), "جماعة الحوثي");
    }
}
