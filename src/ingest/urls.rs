//! newsboat's `urls` file: one feed per line, then tags.
//!
//! ```text
//! # comment
//! https://example.org/feed.xml news "tech news" ~"Example Feed" !
//! ```
//! Tags are separated by spaces and may be quoted; `~name` (or `"~name"`) sets
//! the title; `!` (hidden) is ignored. `query:`, `exec:` and `filter:` lines
//! are skipped with a message: readout never runs commands from a urls file.

use super::subscription::Imported;

/// Parses a newsboat `urls` file (UTF-8; invalid bytes become U+FFFD).
pub fn import(bytes: &[u8]) -> Imported {
    let text = String::from_utf8_lossy(bytes);
    let mut imported = Imported::default();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let words = split_words(line);
        let Some((url, rest)) = words.split_first() else {
            continue;
        };
        let place = format!("line {}", i + 1);
        let lower = url.to_ascii_lowercase();
        if ["query:", "exec:", "filter:"]
            .iter()
            .any(|p| lower.starts_with(p))
        {
            imported.problems.push(format!(
                "{place}: {}: query, exec and filter feeds are not supported",
                super::sanitize::line(url.split(':').next().unwrap_or(""))
            ));
            continue;
        }
        let mut title = None;
        let mut tags = Vec::new();
        for word in rest {
            if let Some(name) = word.strip_prefix('~') {
                title = Some(name.to_string());
            } else if word == "!" {
                // Hidden in newsboat's list; readout shows every feed.
            } else {
                tags.push(word.clone());
            }
        }
        imported.push(&place, url, title.as_deref(), tags);
    }
    imported
}

/// Splits on whitespace, keeping "quoted words" (with `\"` escapes) together.
fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut in_quotes = false;
    let mut started = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                started = true;
            }
            '\\' if in_quotes => {
                if let Some(next) = chars.next() {
                    current.push(next);
                }
            }
            c if c.is_whitespace() && !in_quotes => {
                if started {
                    words.push(std::mem::take(&mut current));
                    started = false;
                }
            }
            c => {
                current.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(current);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_tags_titles_and_comments() {
        let file = "# my feeds\n\
            https://a.example/feed.xml news \"tech news\" \"~A Feed\"\n\
            \n\
            http://b.example/rss ~Bee ! news news\n\
            \"query:Unread:unread = \\\"yes\\\"\"\n\
            exec:~/bin/make-feed.sh\n\
            filter:~/f.sh:https://c.example/rss\n\
            gopher://old.example/feed\n\
            https://c.example/x\t\ttabbed\n";
        let imported = import(file.as_bytes());
        let subs = &imported.subscriptions;
        assert_eq!(subs.len(), 3);
        assert_eq!(subs[0].url, "https://a.example/feed.xml");
        assert_eq!(subs[0].tags, ["news", "tech news"]);
        assert_eq!(subs[0].title.as_deref(), Some("A Feed"));
        assert_eq!(subs[1].title.as_deref(), Some("Bee"));
        assert_eq!(subs[1].tags, ["news"]);
        assert_eq!(subs[2].tags, ["tabbed"]);
        assert_eq!(imported.problems.len(), 4, "{:?}", imported.problems);
        assert!(imported.problems[0].starts_with("line 5: query"));
        assert!(imported.problems[1].starts_with("line 6: exec"));
        assert!(imported.problems[3].starts_with("line 8: gopher://"));
    }

    #[test]
    fn unterminated_quote_does_not_panic() {
        let imported = import(b"https://a.example/f \"unterminated tag");
        assert_eq!(imported.subscriptions[0].tags, ["unterminated tag"]);
    }
}
