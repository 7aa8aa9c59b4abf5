//! upskill plans lifelong upskilling over catalogs of micro-credentials.
//!
//! - [`catalog`]: YAML catalog files become a validated [`catalog::Catalog`] and its
//!   prerequisite graph, with every problem located at `path:line:column`.
//! - [`yaml`]: the only module that calls a YAML library: limits, located errors.
//! - [`text`]: the sanitizer every piece of untrusted text passes through, and suggestions.
//! - [`plan`]: plans and their rules: the exact recommender, the natural order, edits that
//!   keep a plan valid, violations, the schedule and the plan file.
//! - [`files`]: the one bounded reader and the one atomic writer every file goes through.
//! - [`clock`] and [`dates`]: today's date, and dates as users write them.
//! - [`store`]: where catalogs, plans and settings live on disk; atomic plan saves.
//! - [`export`]: renderers into other programs' formats: the graph as DOT and Mermaid, a plan
//!   report as Markdown, CSV, iCalendar, JSON and HTML.
//! - [`import`]: other standards' data: Credential Registry CTDL JSON-LD into catalog files, a
//!   learner's badges (Open Badges, CLR) matched to catalog credentials.
//! - [`tui`]: the app, a full-screen planner (ratatui): model, update, view, event loop.
//! - [`cli`] and [`commands`]: the command line. `main` opens the app when no command is
//!   given; the commands never call into the app.
//!
//! The modules form layers, each using only those at or below it (`tests/layers.rs` checks
//! this): `text`, `files`, `dates` and `clock` at the bottom, then `yaml`, `catalog`, `plan`,
//! `store`, `export` and `import`, `cli`, `commands`, and the app, `tui`, on top.

#![forbid(unsafe_code)]

pub mod catalog;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod dates;
pub mod export;
pub mod files;
pub mod import;
pub mod plan;
pub mod store;
// Generated catalogs for the benchmarks and tests; not part of the program's interface.
#[doc(hidden)]
pub mod synth;
pub mod text;
pub mod tui;
pub mod yaml;
