//! The clients view (`P`): one row a person, each of their plans under them with its role,
//! progress, cost left, finish date and where it stands; the people behind or over budget
//! in the warning style. Typing filters, the sort key cycles name / status / finish / cost
//! left, and Enter opens the chosen plan, or the plans list of the chosen person.

pub(super) mod view;

use crossterm::event::KeyEvent;

use super::picker::{Picked, picker_key};
use crate::plan::clients::{PersonRow, SortBy, sort_people};
use crate::tui::action::{Action, Context};
use crate::tui::app::{App, Overlay, Picker, PickerItem};
use crate::tui::update::Effect;

/// A line of the clients view: a person, or one of their plans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientLine {
    Person(String),
    Plan(String),
}

/// The clients view's state: the people read, how they are sorted, and the list they
/// make (a filter and a choice).
#[derive(Debug, Clone)]
pub struct Clients {
    pub people: Vec<PersonRow>,
    pub sort: SortBy,
    pub picker: Picker<ClientLine>,
    /// The cells of each of the picker's items, in its order, and whether the line needs
    /// attention (behind or over budget).
    pub cells: Vec<(Vec<String>, bool)>,
}

impl Clients {
    pub fn new(people: Vec<PersonRow>, sort: SortBy, currency: &str) -> Clients {
        let mut clients = Clients {
            people,
            sort,
            picker: Picker::new(Vec::new()),
            cells: Vec::new(),
        };
        clients.arrange(currency);
        clients
    }

    /// Sorts the people and lists them, each person followed by their plans; the filter and
    /// the chosen line are kept.
    fn arrange(&mut self, currency: &str) {
        sort_people(&mut self.people, self.sort);
        let chosen = self.picker.chosen().map(|item| item.value.clone());
        let mut items = Vec::new();
        let mut cells = Vec::new();
        let money = |amount: crate::catalog::Amount| format!("{} {currency}", amount.money());
        let date = |date: Option<jiff::civil::Date>| {
            date.map_or_else(|| "-".to_owned(), |d| d.to_string())
        };
        for person in &self.people {
            let count = person.plans.len() + person.unreadable.len();
            let plans = crate::text::plural(count, "plan");
            items.push(PickerItem {
                label: person.name.clone(),
                detail: format!("{plans} {}", person.describe()),
                value: ClientLine::Person(person.name.clone()),
            });
            cells.push((
                vec![
                    person.name.clone(),
                    plans,
                    String::new(),
                    crate::plan::at_least_short(
                        &money(person.cost_left()),
                        person.cost_left_unknown(),
                    ),
                    crate::plan::not_before_short(
                        &date(person.finish()),
                        person.hours_left_unknown(),
                    ),
                    person.describe(),
                ],
                person.needs_attention(),
            ));
            for plan in &person.plans {
                let role = plan.role.clone().unwrap_or_else(|| "no role".to_owned());
                items.push(PickerItem {
                    label: plan.name.clone(),
                    // The person's name too, so that filtering by it keeps their plans.
                    detail: format!("{} {role} {}", person.name, plan.standing.describe()),
                    value: ClientLine::Plan(plan.name.clone()),
                });
                cells.push((
                    vec![
                        format!("  {}", plan.name),
                        role,
                        format!("{}/{}", plan.done, plan.total),
                        crate::plan::at_least_short(&money(plan.cost_left), plan.cost_left_unknown),
                        crate::plan::not_before_short(&date(plan.finish), plan.hours_left_unknown),
                        plan.standing.describe(),
                    ],
                    plan.standing.needs_attention(),
                ));
            }
            for (plan, _) in &person.unreadable {
                items.push(PickerItem {
                    label: plan.clone(),
                    detail: format!("{} unreadable", person.name),
                    value: ClientLine::Plan(plan.clone()),
                });
                cells.push((
                    vec![
                        format!("  {plan}"),
                        "-".to_owned(),
                        "-".to_owned(),
                        "-".to_owned(),
                        "-".to_owned(),
                        "cannot be read".to_owned(),
                    ],
                    true,
                ));
            }
        }
        let query = std::mem::take(&mut self.picker.query);
        self.picker = Picker::new(items);
        self.picker.query = query;
        self.picker.refilter();
        self.cells = cells;
        if let Some(chosen) = chosen {
            self.picker.selected = self
                .picker
                .shown
                .iter()
                .position(|&i| self.picker.items[i].value == chosen)
                .unwrap_or(0);
        }
    }
}

/// The people were read: the clients view opens on them, the open plan's line chosen.
pub(crate) fn open(app: &mut App, people: Vec<PersonRow>) {
    let mut clients = Clients::new(people, app.people_sort, &app.catalog.currency);
    let open = ClientLine::Plan(app.plan.name.clone());
    if let Some(at) = clients
        .picker
        .shown
        .iter()
        .position(|&i| clients.picker.items[i].value == open)
    {
        clients.picker.selected = at;
    }
    app.overlay = Some(Overlay::Clients(Box::new(clients)));
}

pub(crate) fn key(app: &mut App, mut clients: Clients, key: KeyEvent) -> Vec<Effect> {
    if app.keymap.action_in(Context::Plans, key) == Some(Action::SortPeople) {
        clients.sort = clients.sort.next();
        app.people_sort = clients.sort;
        clients.arrange(&app.catalog.currency);
        app.info(format!("Clients sorted by {}", clients.sort.label()));
        app.overlay = Some(Overlay::Clients(Box::new(clients)));
        return Vec::new();
    }
    match picker_key(&app.keymap, &mut clients.picker, key) {
        Picked::Chosen(ClientLine::Plan(name)) => {
            if name == app.plan.name {
                return Vec::new();
            }
            if super::plans::may_leave(app) {
                return vec![Effect::OpenPlan(name)];
            }
        }
        Picked::Chosen(ClientLine::Person(name)) => {
            app.plans_next = crate::tui::app::PlansNext::Of(name);
            return vec![Effect::ListPlans];
        }
        Picked::Cancelled => return Vec::new(),
        Picked::Nothing => {}
    }
    app.overlay = Some(Overlay::Clients(Box::new(clients)));
    Vec::new()
}
