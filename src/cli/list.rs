//! `readout list`: the library without the UI, one line (or one JSON object)
//! per article; `--country` keeps the stories about that country.

use crate::library::{CountryFilter, CountryScope, Library};
use serde::Serialize;
use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

/// One article as `list --json` prints it.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    title: &'a str,
    source: &'a str,
    date: Option<&'a str>,
    url: Option<&'a str>,
    /// Focus countries, when `--country` made readout analyse the library.
    #[serde(skip_serializing_if = "Option::is_none")]
    countries: Option<Vec<String>>,
}

pub fn run(sources: &[OsString], json: bool, country: Option<&str>) -> anyhow::Result<ExitCode> {
    let filter = country
        .map(|c| CountryFilter::parse(c, CountryScope::Focus))
        .transpose()?;
    let (mut library, problems) = Library::load(sources);
    for problem in &problems {
        eprintln!("readout: skipped {problem}");
    }
    if filter.is_some() {
        library.analyse_all();
    }
    let rows: Vec<Row<'_>> = library
        .matching(filter)
        .into_iter()
        .filter_map(|i| {
            let entry = library.get(i)?;
            let a = &entry.article;
            Some(Row {
                id: &a.id.0,
                title: &a.title,
                source: &a.source,
                date: a.date.as_deref(),
                url: a.url.as_deref(),
                countries: filter.map(|_| {
                    library
                        .focus_codes(i)
                        .iter()
                        .map(|c| c.to_string())
                        .collect()
                }),
            })
        })
        .collect();
    let mut out = std::io::stdout().lock();
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &rows)
            .map_err(std::io::Error::other)
            .and_then(|()| writeln!(out))
    } else {
        rows.iter().try_for_each(|r| {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                r.id,
                r.date.unwrap_or("-"),
                r.source,
                r.title
            )
        })
    };
    match written {
        Ok(()) => {}
        // `readout list | head` closes the pipe early: not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(anyhow::Error::new(e).context("writing the list")),
    }
    if sources.is_empty() || !library.is_empty() || problems.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::FAILURE)
    }
}
