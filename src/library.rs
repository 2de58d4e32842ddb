//! The library: articles in memory with their analyses and the indexes the UI needs.
//! (issue 2/4)
