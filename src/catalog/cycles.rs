//! Cycles among `requires` references, each found once and written out in full.

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{EdgeFiltered, EdgeRef};

use super::model::{Catalog, CredentialIdx, Edge};

/// One cycle per strongly connected group of credentials, as `[a, b, ..., a]` where each
/// credential requires the next. Ordered by the first credential's position.
pub fn find(catalog: &Catalog) -> Vec<Vec<CredentialIdx>> {
    let graph = catalog.graph();
    // Almost every catalog has no cycle: peeling it proves that in one cheap pass, where
    // finding the strongly connected groups of a million credentials is several times the work.
    if acyclic(graph) {
        return Vec::new();
    }
    let requires = EdgeFiltered::from_fn(graph, |edge| *edge.weight() != Edge::Recommends);
    let mut cycles = Vec::new();
    for group in petgraph::algo::tarjan_scc(&requires) {
        // Almost every group is one credential that does not require itself.
        if let [only] = group[..]
            && !graph
                .edges_directed(only, Direction::Incoming)
                .any(|edge| edge.source() == only && *edge.weight() != Edge::Recommends)
        {
            continue;
        }
        let members: HashSet<NodeIndex> = group.iter().copied().collect();
        let Some(&start) = group.iter().min() else {
            continue;
        };
        let prerequisites = |node: NodeIndex| {
            let mut found: Vec<NodeIndex> = graph
                .edges_directed(node, Direction::Incoming)
                .filter(|edge| *edge.weight() != Edge::Recommends)
                .map(|edge| edge.source())
                .filter(|source| members.contains(source))
                .collect();
            found.sort_unstable();
            found.dedup();
            found
        };
        if group.len() == 1 && !prerequisites(start).contains(&start) {
            continue;
        }
        // Breadth-first from `start` along "requires" until something requires `start`:
        // the shortest loop through the group's first credential.
        let mut came_from: HashMap<NodeIndex, NodeIndex> = HashMap::new();
        let mut queue = VecDeque::from([start]);
        let mut closing = None;
        'search: while let Some(node) = queue.pop_front() {
            for next in prerequisites(node) {
                if next == start {
                    closing = Some(node);
                    break 'search;
                }
                if let std::collections::hash_map::Entry::Vacant(entry) = came_from.entry(next) {
                    entry.insert(node);
                    queue.push_back(next);
                }
            }
        }
        let Some(last) = closing else { continue };
        // `came_from` leads back from `last` to `start`; reversed, it reads forwards.
        let mut chain = vec![last];
        let mut node = last;
        while node != start {
            node = came_from[&node];
            chain.push(node);
        }
        chain.reverse();
        chain.push(start);
        let cycle: Vec<CredentialIdx> = chain.into_iter().map(|node| graph[node]).collect();
        cycles.push(cycle);
    }
    cycles.sort();
    cycles
}

/// Whether the `requires` edges of `graph` form no cycle: credentials with no prerequisite
/// left are taken away until none is left (Kahn's algorithm); no credential of a cycle is ever
/// taken.
fn acyclic(graph: &DiGraph<CredentialIdx, Edge>) -> bool {
    let mut prerequisites = vec![0u32; graph.node_count()];
    for edge in graph.raw_edges() {
        if edge.weight != Edge::Recommends {
            prerequisites[edge.target().index()] += 1;
        }
    }
    let mut free: Vec<NodeIndex> = (prerequisites.iter().enumerate())
        .filter(|&(_, &count)| count == 0)
        .map(|(i, _)| NodeIndex::new(i))
        .collect();
    let mut taken = 0;
    while let Some(node) = free.pop() {
        taken += 1;
        for edge in graph.edges_directed(node, Direction::Outgoing) {
            if *edge.weight() == Edge::Recommends {
                continue;
            }
            let count = &mut prerequisites[edge.target().index()];
            *count -= 1;
            if *count == 0 {
                free.push(edge.target());
            }
        }
    }
    taken == graph.node_count()
}
