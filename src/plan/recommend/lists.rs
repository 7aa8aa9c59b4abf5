//! Many short lists of item numbers in one array: the supporters of every requirement slot of
//! the search's problem, and the slots each item supports. At a million credentials these are
//! a million lists or more; as a `Vec` each, building them was a million allocations and
//! freeing them, after the answer, a third of the time past the set-up.

use std::ops::{Index, Range};

/// Lists indexed `0..len()`, each a range of one shared array. Lists may share their
/// elements: every requirement naming one skill holds the same teachers.
#[derive(Debug, Clone, Default)]
pub(super) struct Lists {
    ranges: Vec<(u32, u32)>,
    pool: Vec<u32>,
}

impl Lists {
    /// How many lists there are.
    pub(super) fn len(&self) -> usize {
        self.ranges.len()
    }

    /// Appends a list, copying its elements.
    pub(super) fn push(&mut self, list: &[u32]) {
        let elements = self.store(list);
        self.push_stored(elements);
    }

    /// Stores elements for lists to share, without adding a list: see [`Lists::push_stored`].
    pub(super) fn store(&mut self, elements: &[u32]) -> Range<u32> {
        let start = self.pool.len();
        self.pool.extend_from_slice(elements);
        start as u32..u32::try_from(self.pool.len()).expect("fewer than 2^32 list elements")
    }

    /// Appends a list of elements already stored.
    pub(super) fn push_stored(&mut self, elements: Range<u32>) {
        self.ranges.push((elements.start, elements.end));
    }

    /// The elements stored at `elements`, as [`Lists::store`] returned them.
    pub(super) fn stored(&self, elements: Range<u32>) -> &[u32] {
        &self.pool[elements.start as usize..elements.end as usize]
    }

    /// Where list `list` is stored: lists that share their elements share this.
    pub(super) fn stored_at(&self, list: usize) -> (u32, u32) {
        self.ranges[list]
    }

    /// Each list in order.
    pub(super) fn iter(&self) -> impl ExactSizeIterator<Item = &[u32]> + '_ {
        self.range(0..self.len())
    }

    /// The lists in `lists`, in order.
    pub(super) fn range(&self, lists: Range<usize>) -> impl ExactSizeIterator<Item = &[u32]> + '_ {
        self.ranges[lists]
            .iter()
            .map(|&(start, end)| &self.pool[start as usize..end as usize])
    }

    /// `lists` lists, list `l` holding, in order, every `i` for which `of(i)` yields `l`:
    /// for `0..count`, the lists turned the other way round, built by counting first (two
    /// passes, one allocation).
    pub(super) fn inverted<I: Iterator<Item = usize>>(
        lists: usize,
        count: usize,
        of: impl Fn(usize) -> I,
    ) -> Lists {
        let mut sizes = vec![0u32; lists];
        for i in 0..count {
            for l in of(i) {
                sizes[l] += 1;
            }
        }
        let mut ranges = Vec::with_capacity(lists);
        let mut next = Vec::with_capacity(lists);
        let mut total = 0u32;
        for size in sizes {
            let end = total
                .checked_add(size)
                .expect("fewer than 2^32 list elements");
            ranges.push((total, end));
            next.push(total);
            total = end;
        }
        let mut pool = vec![0u32; total as usize];
        for i in 0..count {
            for l in of(i) {
                pool[next[l] as usize] = i as u32;
                next[l] += 1;
            }
        }
        Lists { ranges, pool }
    }
}

impl Index<usize> for Lists {
    type Output = [u32];

    fn index(&self, list: usize) -> &[u32] {
        let (start, end) = self.ranges[list];
        &self.pool[start as usize..end as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_index_like_a_vec_of_vecs_and_share_stored_elements() {
        let mut lists = Lists::default();
        lists.push(&[3, 5]);
        let shared = lists.store(&[1, 2, 4]);
        lists.push_stored(shared.clone());
        lists.push(&[]);
        lists.push_stored(shared);
        assert_eq!(lists.len(), 4);
        assert_eq!(&lists[0], &[3, 5]);
        assert_eq!(&lists[1], &[1, 2, 4]);
        assert!(lists[2].is_empty());
        assert_eq!(&lists[3], &[1, 2, 4]);
        let middle: Vec<&[u32]> = lists.range(1..3).collect();
        assert_eq!(middle, vec![&[1, 2, 4][..], &[][..]]);
        assert_eq!(lists.iter().map(<[u32]>::len).sum::<usize>(), 8);
    }

    #[test]
    fn inverted_lists_hold_each_index_under_every_list_it_names() {
        let names: [&[usize]; 4] = [&[2, 0], &[], &[0], &[2]];
        let inverted = Lists::inverted(3, names.len(), |i| names[i].iter().copied());
        assert_eq!(&inverted[0], &[0, 2]);
        assert!(inverted[1].is_empty());
        assert_eq!(&inverted[2], &[0, 3]);
    }
}
