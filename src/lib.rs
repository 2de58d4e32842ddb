//! readout: a terminal news reader that knows who, where, and what was promised.
//!
//! Layers (see ARCHITECTURE.md): `ingest` turns sources into [`article::Article`]s,
//! `nlp` analyses them, `store` caches them, `library` indexes them, and the
//! front ends (`tui`, `cli`) show them.

pub mod article;
pub mod cli;
pub mod ingest;
pub mod library;
pub mod nlp;
pub mod refresh;
pub mod store;
pub mod tui;
