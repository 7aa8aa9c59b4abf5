//! A list that filters as you type, used by every picker.

pub(super) mod view;

use crossterm::event::KeyEvent;

use crate::catalog::{Kind, Level, ProviderIdx, RoleIdx, SkillIdx};
use crate::text::plural;
use crate::tui::action::Action;
use crate::tui::app::{App, InfoView, Overlay};
use crate::tui::browser::Filter;
use crate::tui::input::{LIST_KEYS, TextInput, Typed, type_key};
use crate::tui::keymap::Keymap;
use crate::tui::update::edits::{commit, read_only};
use crate::tui::update::{Effect, refresh_browser};

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

/// What a picker key did.
pub(crate) enum Picked<T> {
    Nothing,
    Chosen(T),
    Cancelled,
}

/// How far a page moves a picker's choice.
const PICKER_PAGE: usize = 10;

/// The keys every picker shares.
pub(crate) fn picker_key<T: Clone>(
    keymap: &Keymap,
    picker: &mut Picker<T>,
    key: KeyEvent,
) -> Picked<T> {
    let last = picker.shown.len().saturating_sub(1);
    let before = picker.query.len();
    match type_key(keymap, &mut picker.query, key, LIST_KEYS) {
        Typed::Action(Action::Cancel) => return Picked::Cancelled,
        Typed::Action(Action::Accept) => {
            return picker
                .chosen()
                .map_or(Picked::Nothing, |item| Picked::Chosen(item.value.clone()));
        }
        Typed::Action(Action::DialogUp) => picker.selected = picker.selected.saturating_sub(1),
        Typed::Action(Action::DialogDown) => picker.selected = (picker.selected + 1).min(last),
        Typed::Action(Action::DialogPageUp) => {
            picker.selected = picker.selected.saturating_sub(PICKER_PAGE);
        }
        Typed::Action(_) => picker.selected = (picker.selected + PICKER_PAGE).min(last),
        Typed::Edited { .. } => {
            // More text narrows the list: the best match is the first again.
            if picker.query.len() > before {
                picker.selected = 0;
            }
            picker.refilter();
        }
        Typed::Ignored => {}
    }
    Picked::Nothing
}

pub(crate) fn open_roles(app: &mut App) {
    let catalog = &app.catalog;
    let items: Vec<PickerItem<RoleIdx>> = catalog
        .role_indices()
        .map(|idx| {
            let role = catalog.role(idx);
            PickerItem {
                label: role.title.clone(),
                detail: format!(
                    "{} · {}",
                    role.id,
                    plural(role.requirements.len(), "requirement")
                ),
                value: idx,
            }
        })
        .collect();
    if items.is_empty() {
        app.refuse("The catalogs define no roles: add a `roles:` list to a catalog file");
        return;
    }
    let mut picker = Picker::new(items);
    if let Some(current) = app.derived.role {
        picker.selected = picker
            .shown
            .iter()
            .position(|&i| picker.items[i].value == current)
            .unwrap_or(0);
    }
    app.overlay = Some(Overlay::Roles(picker));
}

pub(super) fn choose_role(app: &mut App, role: RoleIdx) -> Vec<Effect> {
    let id = app.catalog.role(role).id.clone();
    if app.plan.role.as_deref() == Some(id.as_str()) {
        app.info = InfoView::Gap;
        return Vec::new();
    }
    // The plan may have become read-only while the picker was open.
    if read_only(app) {
        return Vec::new();
    }
    let switched = app.derived.role.is_some();
    let mut plan = app.plan.clone();
    plan.role = Some(id);
    let effects = commit(app, plan);
    app.info = InfoView::Gap;
    let title = app.catalog.role(role).title.clone();
    let (met, total) = (app.derived.met(), app.derived.gap.len());
    let recommend = app.keymap.name(Action::Recommend);
    app.info(format!("Target role: {title}. The plan meets {met} of its {total} requirements; {recommend} recommends the cheapest path"));
    if switched {
        what_still_counts(app, role);
    }
    effects
}

/// After a switch of role (a "what if" copy trying another role): which held credentials
/// and done steps still count toward it, and which no longer do, in a notice.
fn what_still_counts(app: &mut App, role: RoleIdx) {
    let catalog = &app.catalog;
    let done = app
        .plan
        .steps
        .iter()
        .filter(|step| step.status == crate::plan::Status::Done)
        .map(|step| &step.id);
    let mut still = Vec::new();
    let mut not = Vec::new();
    for id in app.plan.have.credentials.iter().chain(done) {
        let Some(idx) = catalog.find_credential(id) else {
            continue;
        };
        let title = catalog.credential(idx).title.clone();
        if crate::plan::counts_toward(catalog, role, idx) {
            still.push(title);
        } else {
            not.push(title);
        }
    }
    if !not.is_empty() {
        let title = catalog.role(role).title.clone();
        let mut lines = Vec::new();
        if !still.is_empty() {
            lines.push(format!("Still count toward {title}: {}.", still.join("; ")));
        }
        lines.push(format!(
            "No longer count (they stay held or done, but meet none of its requirements): {}.",
            not.join("; ")
        ));
        app.overlay = Some(Overlay::Notice {
            title: format!("Switched to {title}"),
            lines,
            scroll: 0,
        });
    }
}

pub(crate) fn open_export(app: &mut App) {
    use crate::export::ExportFormat as F;
    let name = &app.plan.name;
    let what = |format: F| match format {
        F::Markdown => "a document to send or paste (GitHub renders it)",
        F::Csv => "a spreadsheet: one row per step",
        F::Ics => "a calendar: an event per step and per renewal",
        F::Json => "the plan with its schedule, for other programs",
        F::Html => "a printable page with a timeline, for a client",
        F::Yaml => "the plan file, holdings included, for a colleague's upskill import",
    };
    let items = F::ALL
        .iter()
        .map(|&format| PickerItem {
            label: format!("{name}.{}", format.extension()),
            detail: what(format).to_owned(),
            value: format,
        })
        .collect();
    app.overlay = Some(Overlay::Export(Picker::new(items)));
}
pub(crate) fn open_filters(app: &mut App) {
    let catalog = &app.catalog;
    let count = |keep: &dyn Fn(&crate::catalog::Credential) -> bool| {
        catalog.credentials.iter().filter(|c| keep(c)).count()
    };
    let mut items = vec![PickerItem {
        label: "all credentials".to_owned(),
        detail: "clear every filter".to_owned(),
        value: None,
    }];
    for (i, provider) in catalog.providers.iter().enumerate() {
        let idx = ProviderIdx(i as u32);
        let n = count(&|c| c.provider == idx);
        items.push(PickerItem {
            label: format!("provider · {}", provider.name),
            detail: format!("{} · {n}", provider.id),
            value: Some(Filter::Provider(idx)),
        });
    }
    for level in Level::ALL {
        let n = count(&|c| c.level == Some(level));
        items.push(PickerItem {
            label: format!("level · {level}"),
            detail: n.to_string(),
            value: Some(Filter::Level(level)),
        });
    }
    for kind in Kind::ALL {
        let n = count(&|c| c.kind == kind);
        if n > 0 {
            items.push(PickerItem {
                label: format!("kind · {kind}"),
                detail: n.to_string(),
                value: Some(Filter::Kind(kind)),
            });
        }
    }
    for (i, skill) in catalog.skills.iter().enumerate() {
        let idx = SkillIdx(i as u32);
        let n = catalog.teachers(idx).len();
        if n > 0 {
            items.push(PickerItem {
                label: format!("skill · {}", skill.label()),
                detail: format!("{} · {n}", skill.id),
                value: Some(Filter::Skill(idx)),
            });
        }
    }
    app.overlay = Some(Overlay::Filters(Picker::new(items)));
}

pub(super) fn choose_filter(app: &mut App, filter: Option<Filter>) {
    match filter {
        None => app.browser.filters.clear(),
        // Choosing a filter that is on turns it off.
        Some(filter) if app.browser.filters.contains(&filter) => {
            app.browser.filters.retain(|other| *other != filter);
        }
        Some(filter) => app.browser.set_filter(filter),
    }
    refresh_browser(app);
    let shown = app.browser.results.len();
    app.info(format!("{} shown", plural(shown, "credential")));
}
