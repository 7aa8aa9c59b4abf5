use super::*;
use crate::catalog::{Sources, load};

/// Refreshes and finishes the search, as the event loop's ticks would.
fn settle(browser: &mut Browser, catalog: &Catalog, index: &SearchIndex) {
    browser.refresh(catalog, index);
    while browser.searching() {
        browser.work(catalog, index);
    }
}

fn bundled() -> Catalog {
    let loaded = load(&Sources {
        bundled: true,
        ..Sources::default()
    });
    assert!(!loaded.has_errors());
    loaded.catalog
}

fn titles(browser: &Browser, catalog: &Catalog, n: usize) -> Vec<String> {
    browser
        .results
        .iter()
        .take(n)
        .map(|&idx| catalog.credential(idx).id.to_string())
        .collect()
}

#[test]
fn an_empty_query_shows_everything_in_catalog_order() {
    let catalog = bundled();
    let index = SearchIndex::build(&catalog);
    let mut browser = Browser::default();
    settle(&mut browser, &catalog, &index);
    assert_eq!(browser.results.len(), catalog.credentials.len());
    assert_eq!(browser.results[0], CredentialIdx(0));
}

#[test]
fn a_fuzzy_query_ranks_the_closest_title_first() {
    let catalog = bundled();
    let index = SearchIndex::build(&catalog);
    let mut browser = Browser {
        query: "network+".into(),
        ..Browser::default()
    };
    settle(&mut browser, &catalog, &index);
    assert_eq!(titles(&browser, &catalog, 1), ["comptia/network-plus"]);
    browser.query = "secplus".into();
    settle(&mut browser, &catalog, &index);
    assert!(
        titles(&browser, &catalog, 3).contains(&"comptia/security-plus".to_owned()),
        "{:?}",
        titles(&browser, &catalog, 3)
    );
}

#[test]
fn typing_more_narrows_the_previous_matches() {
    let catalog = bundled();
    let index = SearchIndex::build(&catalog);
    let mut browser = Browser {
        query: "az".into(),
        ..Browser::default()
    };
    settle(&mut browser, &catalog, &index);
    let wide = browser.results.len();
    browser.query = "az-104".into();
    settle(&mut browser, &catalog, &index);
    assert!(browser.results.len() < wide);
    assert_eq!(titles(&browser, &catalog, 1), ["microsoft/az-104"]);
    // Deleting characters widens again.
    browser.query = "a".into();
    settle(&mut browser, &catalog, &index);
    assert!(browser.results.len() >= wide);
}

#[test]
fn search_covers_providers_and_skills() {
    let catalog = bundled();
    let index = SearchIndex::build(&catalog);
    let mut browser = Browser {
        query: "kubernetes".into(),
        ..Browser::default()
    };
    settle(&mut browser, &catalog, &index);
    assert!(
        titles(&browser, &catalog, 10)
            .iter()
            .any(|id| id.starts_with("linux-foundation/"))
    );
}

#[test]
fn filters_combine_and_one_of_a_kind_replaces_the_last() {
    let catalog = bundled();
    let index = SearchIndex::build(&catalog);
    let mut browser = Browser::default();
    let aws = catalog.find_provider("aws").expect("aws");
    browser.set_filter(Filter::Provider(aws));
    browser.set_filter(Filter::Level(Level::Advanced));
    settle(&mut browser, &catalog, &index);
    assert!(!browser.results.is_empty());
    assert!(browser.results.iter().all(|&idx| {
        let credential = catalog.credential(idx);
        credential.provider == aws && credential.level == Some(Level::Advanced)
    }));
    browser.set_filter(Filter::Level(Level::Beginner));
    assert_eq!(browser.filters.len(), 2);
}

#[test]
fn sorting_by_cost_puts_free_credentials_first_and_selects_the_first() {
    let catalog = bundled();
    let index = SearchIndex::build(&catalog);
    let mut browser = Browser::default();
    settle(&mut browser, &catalog, &index);
    browser.selected = 5;
    browser.sort = SortOrder::Cost;
    settle(&mut browser, &catalog, &index);
    assert_eq!(catalog.credential(browser.results[0]).cost.hundredths(), 0);
    assert_eq!(browser.selected, 0);
}

#[test]
fn a_large_search_shows_partial_results_and_finishes_over_later_slices() {
    let generated = crate::synth::generate(2 * SLICE + 100, 1);
    let catalog = crate::catalog::load_files(&generated.source_files()).catalog;
    let index = SearchIndex::build(&catalog);
    let mut browser = Browser {
        query: "cloud".into(),
        ..Browser::default()
    };
    browser.refresh(&catalog, &index);
    assert!(browser.searching());
    assert_eq!(browser.progress(), Some((SLICE, 2 * SLICE + 100)));
    let partial = browser.results.len();
    let mut slices = 1;
    while browser.searching() {
        browser.work(&catalog, &index);
        slices += 1;
    }
    assert_eq!(slices, 3);
    assert!(browser.results.len() > partial);
    // The result is the same as searching in one go.
    let mut whole = Browser {
        query: "cloud".into(),
        ..Browser::default()
    };
    settle(&mut whole, &catalog, &index);
    assert_eq!(whole.results, browser.results);
}

#[test]
fn typing_during_an_unfinished_search_starts_over_on_everything() {
    let generated = crate::synth::generate(SLICE + 100, 1);
    let catalog = crate::catalog::load_files(&generated.source_files()).catalog;
    let index = SearchIndex::build(&catalog);
    let mut browser = Browser {
        query: "clo".into(),
        ..Browser::default()
    };
    browser.refresh(&catalog, &index);
    browser.query = "clou".into();
    settle(&mut browser, &catalog, &index);
    let mut whole = Browser {
        query: "clou".into(),
        ..Browser::default()
    };
    settle(&mut whole, &catalog, &index);
    assert_eq!(whole.results, browser.results);
}

#[test]
fn a_scatter_of_letters_across_fields_is_not_a_match() {
    let catalog = bundled();
    let index = SearchIndex::build(&catalog);
    let mut browser = Browser {
        query: "relation".into(),
        ..Browser::default()
    };
    settle(&mut browser, &catalog, &index);
    assert_eq!(
        titles(&browser, &catalog, 1),
        ["freecodecamp/relational-database"]
    );
    assert!(
        browser.results.len() < 10,
        "{} results",
        browser.results.len()
    );
    // Before, letters spread over the whole record matched 85 of the 85 credentials.
    browser.query = "acme".into();
    settle(&mut browser, &catalog, &index);
    assert!(
        browser.results.len() < catalog.credentials.len() / 4,
        "{:?}",
        titles(&browser, &catalog, 30)
    );
}

#[test]
fn words_may_match_different_fields() {
    let catalog = bundled();
    let index = SearchIndex::build(&catalog);
    let mut browser = Browser {
        query: "aws security".into(),
        ..Browser::default()
    };
    settle(&mut browser, &catalog, &index);
    assert_eq!(titles(&browser, &catalog, 1), ["aws/security-specialty"]);
}

#[test]
fn a_new_query_selects_the_best_match() {
    let catalog = bundled();
    let index = SearchIndex::build(&catalog);
    let mut browser = Browser::default();
    settle(&mut browser, &catalog, &index);
    browser.selected = 40;
    browser.query = "network".into();
    settle(&mut browser, &catalog, &index);
    assert_eq!(browser.selected, 0);
}

/// Every field of a credential as a string of its own, as the index scores them.
fn fields_of(catalog: &Catalog, idx: CredentialIdx) -> Vec<nucleo_matcher::Utf32String> {
    let credential = catalog.credential(idx);
    let mut fields = vec![
        credential.title.as_ref().into(),
        credential.id.as_ref().into(),
        catalog.provider(credential.provider).name.as_str().into(),
    ];
    let skills = credential.skills.iter();
    fields.extend(skills.map(|&skill| catalog.skill(skill).id.as_str().into()));
    fields
}

#[test]
fn the_flat_index_scores_each_credential_as_its_fields_apart_would() {
    const ACCENTED: &str = "format: 1\nprovider: {id: ecole, name: École Numérique}\ncredentials:\n  - {id: cafe, title: Données et réseaux, kind: course, hours: 2, cost: 0, skills: [cloud]}\n  - {id: plain, title: Plain Networking, kind: course, hours: 1, cost: 0, skills: [networking]}\n";
    let mut files = crate::synth::generate(300, 4).source_files();
    files.push(crate::catalog::SourceFile {
        name: "ecole.yaml".into(),
        path: None,
        content: Ok(crate::catalog::source::Bytes::Static(ACCENTED)),
    });
    let catalog = crate::catalog::load_files(&files).catalog;
    let index = SearchIndex::build(&catalog);
    let mut matcher = Matcher::new(Config::DEFAULT);
    for query in [
        "données",
        "ecole num",
        "cred 1",
        "netw",
        "cloud réseaux",
        "zzqx",
    ] {
        let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
        for idx in catalog.credential_indices() {
            let fields = fields_of(&catalog, idx);
            let expected = pattern.atoms.iter().try_fold(0u32, |total, atom| {
                let floor = 16 * atom.needle_text().len();
                let best = (fields.iter())
                    .filter_map(|field| atom.score(field.slice(..), &mut matcher))
                    .filter(|&score| usize::from(score) > floor)
                    .max()?;
                Some(total + u32::from(best))
            });
            assert_eq!(
                index.score(idx, &pattern, &mut matcher),
                expected,
                "{query}"
            );
        }
    }
    let accented = catalog.find_credential("ecole/cafe").expect("loaded");
    let pattern = Pattern::parse("données", CaseMatching::Smart, Normalization::Smart);
    assert!(index.score(accented, &pattern, &mut matcher).is_some());
}
