//! Cycles among `requires` references, each found once and written out in full.

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::{EdgeFiltered, EdgeRef};

use super::model::{Atom, Catalog, Credential, CredentialIdx, Edge};

/// One cycle per strongly connected group of credentials, as `[a, b, ..., a]` where each
/// credential requires the next. Ordered by the first credential's position.
///
/// Almost every catalog has no cycle: [`requires_nothing_circular`] proves that in one cheap
/// pass, where finding the strongly connected groups of a million credentials is several times
/// the work, so this is called only when it fails.
pub fn find(catalog: &Catalog) -> Vec<Vec<CredentialIdx>> {
    let graph = catalog.graph();
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

/// Whether no credential requires itself, directly or through others, by its `requires`: the
/// same answer as peeling the graph's `requires` edges, found from the credentials' own lists
/// by a depth-first walk, so it can run while the graph is being built.
pub fn requires_nothing_circular(credentials: &[Credential]) -> bool {
    const NEW: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; credentials.len()];
    // Each open credential with the position of its next requirement and atom to look at.
    let mut open: Vec<(usize, usize, usize)> = Vec::new();
    for root in 0..credentials.len() {
        if state[root] != NEW {
            continue;
        }
        state[root] = OPEN;
        open.push((root, 0, 0));
        while let Some(top) = open.last_mut() {
            let (node, r, a) = *top;
            let Some(requirement) = credentials[node].requires.get(r) else {
                state[node] = DONE;
                open.pop();
                continue;
            };
            let Some(atom) = requirement.atoms().get(a) else {
                *top = (node, r + 1, 0);
                continue;
            };
            top.2 += 1;
            if let Atom::Credential(prerequisite) = atom {
                let next = prerequisite.index();
                match state[next] {
                    NEW => {
                        state[next] = OPEN;
                        open.push((next, 0, 0));
                    }
                    OPEN => return false,
                    _ => {}
                }
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::model::Requirement;
    use crate::catalog::{Sources, load};

    fn bundled() -> Vec<Credential> {
        let loaded = load(&Sources {
            bundled: true,
            ..Sources::default()
        });
        loaded.catalog.credentials
    }

    /// `credentials` with the `requires` of credential `at` replaced by `requires`.
    fn requiring(
        credentials: &[Credential],
        at: usize,
        requires: Vec<Requirement>,
    ) -> Vec<Credential> {
        let mut changed = credentials.to_vec();
        changed[at].requires = requires.into();
        changed
    }

    #[test]
    fn a_cycle_is_found_through_any_chain_of_requires_and_only_then() {
        let credentials = bundled();
        assert!(requires_nothing_circular(&credentials));
        let needs = |i: usize| Requirement::One(Atom::Credential(CredentialIdx(i as u32)));
        // A chain that nothing else can close: `a` needs `b` needs `c`, which needs nothing.
        let (a, b, c) = (7, 3, 5);
        let chain = requiring(&credentials, a, vec![needs(b)]);
        let chain = requiring(&chain, b, vec![needs(c)]);
        let chain = requiring(&chain, c, Vec::new());
        assert!(requires_nothing_circular(&chain));
        // Forwards along the chain is no cycle.
        assert!(requires_nothing_circular(&requiring(
            &chain,
            a,
            vec![needs(b), needs(c)]
        )));
        // Back to the start, directly or as one of a group's alternatives, or to itself.
        assert!(!requires_nothing_circular(&requiring(
            &chain,
            c,
            vec![needs(a)]
        )));
        let either = Requirement::Any(vec![
            Atom::Credential(CredentialIdx(c as u32)),
            Atom::Credential(CredentialIdx(a as u32)),
        ]);
        assert!(!requires_nothing_circular(&requiring(
            &chain,
            c,
            vec![either]
        )));
        assert!(!requires_nothing_circular(&requiring(
            &chain,
            b,
            vec![needs(c), needs(b)]
        )));
    }
}
