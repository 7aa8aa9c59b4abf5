//! Nested `any` and `all` groups, resolved, as the clauses the planner keeps: every
//! clause must hold, and a clause holds when any one of its atoms does (conjunctive normal
//! form), with clauses that others imply left out.

use crate::catalog::model::{Atom, Requirement};

/// A written requirement with its references resolved: atoms, and groups of them.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Rule {
    Atom(Atom),
    Any(Vec<Rule>),
    All(Vec<Rule>),
}

/// The most clauses one written requirement may come to once its groups are multiplied out
/// (`any` of `all`s): past it, a requirement is too involved to plan with.
pub(super) const MAX_CLAUSES: usize = 64;

/// A resolved rule as clauses that must all hold, each any one of its atoms (conjunctive
/// normal form), simplified; `None` past [`MAX_CLAUSES`].
pub(super) fn clauses(rule: &Rule) -> Option<Vec<Requirement>> {
    let expanded = expand(rule)?;
    Some(
        simplify(expanded)
            .into_iter()
            .map(|mut atoms| {
                if atoms.len() == 1 {
                    Requirement::One(atoms.remove(0))
                } else {
                    Requirement::Any(atoms)
                }
            })
            .collect(),
    )
}

fn expand(rule: &Rule) -> Option<Vec<Vec<Atom>>> {
    match rule {
        Rule::Atom(atom) => Some(vec![vec![*atom]]),
        Rule::All(rules) => {
            let mut all = Vec::new();
            for rule in rules {
                all.extend(expand(rule)?);
                if all.len() > MAX_CLAUSES {
                    return None;
                }
            }
            Some(all)
        }
        // Any of several conjunctions: one clause for each way of picking a clause of each.
        Rule::Any(rules) => {
            let mut product: Vec<Vec<Atom>> = vec![Vec::new()];
            for rule in rules {
                let options = expand(rule)?;
                let mut next = Vec::with_capacity(product.len() * options.len());
                for chosen in &product {
                    for option in &options {
                        let mut clause = chosen.clone();
                        clause.extend_from_slice(option);
                        next.push(clause);
                    }
                }
                if next.len() > MAX_CLAUSES {
                    return None;
                }
                product = next;
            }
            Some(product)
        }
    }
}

/// Whether `a` holding means `b` holds: the same atom, or more months of the same
/// experience.
fn implies(a: Atom, b: Atom) -> bool {
    match (a, b) {
        (Atom::Experience(a), Atom::Experience(b)) => a.field == b.field && a.months >= b.months,
        (a, b) => a == b,
    }
}

/// Each clause without atoms another of its atoms already covers (of two experiences in one
/// field, the fewer months), and without clauses another clause already implies.
fn simplify(clauses: Vec<Vec<Atom>>) -> Vec<Vec<Atom>> {
    let clauses: Vec<Vec<Atom>> = clauses
        .into_iter()
        .map(|clause| {
            let mut kept: Vec<Atom> = Vec::with_capacity(clause.len());
            for &atom in &clause {
                // In "any of", the weakest atom is enough: drop the ones it is implied by.
                if kept.iter().any(|&k| implies(atom, k)) {
                    continue;
                }
                kept.retain(|&k| !implies(k, atom));
                kept.push(atom);
            }
            kept
        })
        .collect();
    // A clause is needless when another clause must hold anyway and implies it (every atom
    // of the other implies one of its own); of two equivalent clauses, the first stays.
    let subsumes = |d: &[Atom], c: &[Atom]| d.iter().all(|&o| c.iter().any(|&a| implies(o, a)));
    (0..clauses.len())
        .filter(|&i| {
            !clauses.iter().enumerate().any(|(j, other)| {
                j != i && subsumes(other, &clauses[i]) && !(j > i && subsumes(&clauses[i], other))
            })
        })
        .map(|i| clauses[i].clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::model::{CredentialIdx, Gate, SkillIdx};

    fn gate(months: u32) -> Rule {
        Rule::Atom(Atom::Experience(Gate {
            field: SkillIdx(0),
            months,
        }))
    }

    #[test]
    fn five_years_or_four_and_a_credential_is_four_years_and_five_or_the_credential() {
        let cc = Atom::Credential(CredentialIdx(7));
        let rule = Rule::Any(vec![gate(60), Rule::All(vec![gate(48), Rule::Atom(cc)])]);
        let four = Atom::Experience(Gate {
            field: SkillIdx(0),
            months: 48,
        });
        let five = Atom::Experience(Gate {
            field: SkillIdx(0),
            months: 60,
        });
        // (60 or 48) is 48: sixty months are forty-eight too.
        assert_eq!(
            clauses(&rule),
            Some(vec![
                Requirement::One(four),
                Requirement::Any(vec![five, cc])
            ])
        );
    }

    #[test]
    fn a_rule_that_multiplies_past_the_limit_is_refused() {
        // any of seven groups of two: 2^7 = 128 clauses.
        let pair = |n: u32| {
            Rule::All(vec![
                Rule::Atom(Atom::Credential(CredentialIdx(2 * n))),
                Rule::Atom(Atom::Credential(CredentialIdx(2 * n + 1))),
            ])
        };
        assert!(clauses(&Rule::Any((0..7).map(pair).collect())).is_none());
        assert!(clauses(&Rule::Any((0..6).map(pair).collect())).is_some());
    }
}
