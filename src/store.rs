//! The SQLite cache: feeds, articles, read state, analyses. (issue 5)
