//! Renderers that turn the catalog (and later plans) into other programs' formats.

pub mod graph;
