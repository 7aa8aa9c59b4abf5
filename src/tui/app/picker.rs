//! A list that filters as you type, used by every picker.

use crate::tui::input::TextInput;

/// A list that filters as you type; `Enter` chooses, `Esc` cancels.
#[derive(Debug, Clone, Default)]
pub struct Picker<T> {
    pub query: TextInput,
    pub items: Vec<PickerItem<T>>,
    /// Indices into `items` that match the query, in order.
    pub shown: Vec<usize>,
    pub selected: usize,
}

#[derive(Debug, Clone)]
pub struct PickerItem<T> {
    pub label: String,
    pub detail: String,
    pub value: T,
}

impl<T: Clone> Picker<T> {
    pub fn new(items: Vec<PickerItem<T>>) -> Picker<T> {
        let mut picker = Picker {
            query: TextInput::default(),
            items,
            shown: Vec::new(),
            selected: 0,
        };
        picker.refilter();
        picker
    }

    /// Keeps the items whose label or detail contains every word of the query.
    pub fn refilter(&mut self) {
        let words: Vec<String> = self
            .query
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        self.shown = (0..self.items.len())
            .filter(|&i| {
                let item = &self.items[i];
                let text = format!("{} {}", item.label, item.detail).to_lowercase();
                words.iter().all(|word| text.contains(word.as_str()))
            })
            .collect();
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
    }

    pub fn chosen(&self) -> Option<&PickerItem<T>> {
        self.shown.get(self.selected).map(|&i| &self.items[i])
    }
}
