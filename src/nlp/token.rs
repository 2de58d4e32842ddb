//! Tokenizer: splits text into tokens with byte spans, CoNLL-2003 / Penn Treebank style.
//!
//! The tagger is trained on CoNLL-2003 tokens, so the conventions follow it:
//! - punctuation is split off ("Beijing" ","), runs of one mark stay together
//!   ("...", "--", "?!" is two tokens);
//! - clitics are split: "Azerbaijan" "'s", "do" "n't", "we" "'re"; an apostrophe
//!   inside a word stays ("O'Brien", "d'Ivoire");
//! - hyphenated words are one token ("people-to-people", "China-Europe",
//!   "U.S.-led"); dashes (– — ‐ between spaces) are their own tokens;
//! - abbreviations keep their period ("U.S.", "Mr.", "J.", "Jan."), see [`abbrev`];
//! - numbers keep their inner separators ("1.5", "3,000", "10:30", "1.5bn");
//!   currency and percent signs are split ("$" "1.5bn", "3.5" "%");
//! - URLs, e-mail addresses, #hashtags and @handles are single tokens;
//! - Han ideographs are one token each (Chinese and Japanese text has no spaces
//!   and we carry no dictionary to segment it); runs of kana, Hangul, Thai and
//!   other letters are one token; an emoji sequence (ZWJ, skin tone, flag pair)
//!   is one token; a combining mark always stays with the character before it.
//!
//! Guarantees (property-tested): spans are sorted, non-overlapping, non-empty,
//! in bounds and on char boundaries, and no token contains whitespace. The
//! scanner looks ahead a bounded distance except for URLs and e-mail
//! addresses, whose scans are never repeated, so it runs in linear time.

pub mod abbrev;

use super::Span;
use super::ascii;
use finl_unicode::categories::CharacterCategories;

/// What a token is, as far as the tokenizer can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens, apostrophes or periods ("U.S.", "'s").
    Word,
    /// Starts with a digit ("1.5", "3,000", "1.5bn", "2nd").
    Number,
    /// Punctuation: quotes, brackets, dashes, periods ("...", "--").
    Punct,
    /// Symbols: currency, maths and other signs, emoji ("$", "€", "+", "😀").
    Symbol,
    Url,
    Email,
    /// "#BeltAndRoad"
    Hashtag,
    /// "@XHNews"
    Handle,
}

/// One token of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the token in the text; `&text[span]` is its surface form.
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    /// The token's surface form (empty if `text` is not the tokenized text).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.span.clone()).unwrap_or("")
    }
}

/// Splits `text` into tokens; see the module documentation for the conventions.
///
/// ```
/// use readout::nlp::token::tokenize;
/// let text = "Azerbaijan's GDP grew 3.5% in the U.S.-led bloc.";
/// let words: Vec<&str> = tokenize(text).iter().map(|t| &text[t.span.clone()]).collect();
/// assert_eq!(
///     words,
///     ["Azerbaijan", "'s", "GDP", "grew", "3.5", "%", "in", "the", "U.S.-led", "bloc", "."]
/// );
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        tokens: Vec::with_capacity(text.len() / 5 + 1),
        no_email_before: 0,
        next_at: None,
    };
    scanner.run();
    scanner.tokens
}

/// The broad class of a character, which decides how a token starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Space,
    /// Letters and digits: word material.
    Alnum,
    /// Combining marks and joiners: stay with the character before.
    Mark,
    /// Han ideographs: one token each.
    Ideograph,
    /// Emoji: one token per sequence.
    Emoji,
    Punct,
    Symbol,
}

// Inlined for its ASCII arm (asked at every token start and after every
// word); the Unicode tables are asked out of line.
#[inline]
fn classify(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' => Class::Alnum,
            '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~' => Class::Symbol,
            c if c.is_ascii_graphic() => Class::Punct,
            _ => Class::Space, // whitespace and control characters separate tokens
        };
    }
    classify_unicode(c)
}

#[inline(never)]
fn classify_unicode(c: char) -> Class {
    match c {
        // zero-width space, word joiner, byte order mark: invisible separators
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' => Class::Space,
        // zero-width (non-)joiners belong to the word (Persian, Indic, emoji)
        '\u{200C}' | '\u{200D}' => Class::Mark,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}' => Class::Ideograph,
        '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}' => {
            Class::Emoji
        }
        c if c.is_whitespace() || c.is_control() => Class::Space,
        c if c.is_mark() => Class::Mark,
        c if c.is_letter() || c.is_number() => Class::Alnum,
        c if c.is_symbol() => Class::Symbol,
        c if c.is_separator() => Class::Space,
        // soft hyphen, direction marks and other format characters stay inside words
        c if c.is_format() => Class::Mark,
        c if c.is_punctuation() => Class::Punct,
        _ => Class::Symbol, // private use, unassigned
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Punctuation whose repetitions form one token ("...", "--", "!!!").
fn joins_runs(c: char) -> bool {
    matches!(
        c,
        '.' | '-' | '!' | '?' | '*' | '=' | '_' | '~' | '#' | '\u{2013}' | '\u{2014}' | '\u{2015}'
    )
}

/// Characters allowed in the local part of an e-mail address.
fn is_email_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    tokens: Vec<Token>,
    /// Every e-mail scan starting before this offset is known to fail.
    no_email_before: usize,
    /// The next '@' after the last lookup: `None` before the first lookup,
    /// `Some(None)` once there is none left.
    next_at: Option<Option<usize>>,
}

impl Scanner<'_> {
    /// The char at byte `i` and its length, if `i` is a char boundary in bounds.
    #[inline]
    fn char_at(&self, i: usize) -> Option<(char, usize)> {
        match self.bytes.get(i) {
            Some(&b) if b < 0x80 => Some((b as char, 1)),
            Some(_) => self
                .text
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .map(|c| (c, c.len_utf8())),
            None => None,
        }
    }

    #[inline]
    fn class_at(&self, i: usize) -> Option<Class> {
        self.char_at(i).map(|(c, _)| classify(c))
    }

    #[inline]
    fn alnum_at(&self, i: usize) -> bool {
        self.class_at(i) == Some(Class::Alnum)
    }

    /// True when the char at `i` cannot continue a word (end of text included).
    #[inline]
    fn boundary_at(&self, i: usize) -> bool {
        !matches!(self.class_at(i), Some(Class::Alnum | Class::Mark))
    }

    fn push(&mut self, span: Span, kind: TokenKind) {
        self.tokens.push(Token { span, kind });
    }

    /// The last token, if it ends exactly at `i` (nothing in between).
    fn adjacent_word_before(&self, i: usize) -> bool {
        self.tokens.last().is_some_and(|t| {
            t.span.end == i && matches!(t.kind, TokenKind::Word | TokenKind::Number)
        })
    }

    fn run(&mut self) {
        let mut i = 0;
        while let Some((c, len)) = self.char_at(i) {
            if c == ' ' || c == '\n' {
                i += 1;
                continue;
            }
            i = match classify(c) {
                Class::Space => i + len,
                Class::Mark => self.mark(i, len),
                Class::Alnum => self.word_like(i, c),
                Class::Ideograph => {
                    self.push(i..i + len, TokenKind::Word);
                    i + len
                }
                Class::Emoji => self.emoji(i, c, len),
                Class::Punct | Class::Symbol => self.punct(i, c, len),
            };
        }
    }

    /// A combining mark or joiner: glued to the token just before it, if any.
    fn mark(&mut self, i: usize, len: usize) -> usize {
        match self.tokens.last_mut() {
            Some(last) if last.span.end == i => {
                last.span.end = i + len;
                i + len
            }
            _ => self.word(i),
        }
    }

    /// A token starting with a letter or digit: URL, e-mail address or word.
    fn word_like(&mut self, i: usize, c: char) -> usize {
        // Every URL prefix has a 't' ("http", "ftp") or a 'w' ("www.") second: most
        // words starting with these letters ("has", "for", "with") stop here.
        if matches!(c, 'h' | 'H' | 'f' | 'F' | 'w' | 'W')
            && matches!(self.bytes.get(i + 1), Some(b't' | b'T' | b'w' | b'W'))
            && let Some(end) = self.url(i)
        {
            self.push(i..end, TokenKind::Url);
            return end;
        }
        if c.is_ascii_alphanumeric()
            && let Some(end) = self.email(i)
        {
            self.push(i..end, TokenKind::Email);
            return end;
        }
        self.word(i)
    }

    /// Scans a URL starting at `i` ("https://…", "www.…"); returns its end.
    fn url(&self, i: usize) -> Option<usize> {
        let rest = self.bytes.get(i..)?;
        let has_prefix = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
        let prefix = [&b"https://"[..], b"http://", b"ftp://", b"www."]
            .into_iter()
            .find(|p| has_prefix(p))?;
        if !self.alnum_at(i + prefix.len()) {
            return None;
        }
        let mut end = i + prefix.len();
        while let Some((c, len)) = self.char_at(end) {
            let stop = matches!(c, '<' | '>' | '"' | '“' | '”' | '‘' | '’' | '«' | '»' | '`')
                || classify(c) == Class::Space;
            if stop {
                break;
            }
            end += len;
        }
        // Trailing sentence punctuation and unbalanced closing brackets are not
        // part of the address ("(see https://x.org/a)." keeps "https://x.org/a").
        let url = self.bytes.get(i..end).unwrap_or_default();
        let opened = url.iter().filter(|&&b| b == b'(').count();
        let mut closed = url.iter().filter(|&&b| b == b')').count();
        while end > i + prefix.len() {
            match self.bytes.get(end - 1).copied().unwrap_or(b' ') {
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b']' | b'}' => end -= 1,
                b')' if closed > opened => {
                    closed -= 1;
                    end -= 1;
                }
                _ => break,
            }
        }
        Some(end)
    }

    /// The offset of the first '@' at or after `i`, remembered between calls
    /// so that the text is searched once.
    fn next_at(&mut self, i: usize) -> Option<usize> {
        match self.next_at {
            Some(Some(at)) if at >= i => Some(at),
            Some(None) => None,
            _ => {
                // `str::find` of a char searches with `memchr`, a machine
                // word at a time (this runs once over most articles).
                let found = match self.text.get(i..) {
                    Some(rest) => rest.find('@'),
                    None => self
                        .bytes
                        .get(i..)
                        .and_then(|r| r.iter().position(|&b| b == b'@')),
                };
                let at = found.map(|p| i + p);
                self.next_at = Some(at);
                at
            }
        }
    }

    /// Scans an e-mail address starting at `i`; returns its end.
    fn email(&mut self, i: usize) -> Option<usize> {
        if i < self.no_email_before {
            return None;
        }
        let at = self.next_at(i)?;
        let mut local_end = i;
        while local_end < at
            && self
                .bytes
                .get(local_end)
                .is_some_and(|&b| is_email_local(b))
        {
            local_end += 1;
        }
        if local_end != at || self.bytes.get(at.wrapping_sub(1)) == Some(&b'.') {
            // Any start in i..local_end stops at the same place and fails too.
            self.no_email_before = local_end.max(i + 1);
            return None;
        }
        // Domain: labels of [A-Za-z0-9-] separated by single dots, at least one
        // dot, ending in a label of two or more letters.
        let mut end = at + 1;
        let mut last_label = end;
        let mut dots = 0usize;
        loop {
            let label_start = end;
            while self
                .bytes
                .get(end)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'-')
            {
                end += 1;
            }
            if end == label_start {
                break; // only possible right after the '@': no domain
            }
            last_label = label_start;
            if self.bytes.get(end) == Some(&b'.')
                && self
                    .bytes
                    .get(end + 1)
                    .is_some_and(u8::is_ascii_alphanumeric)
            {
                dots += 1;
                end += 1;
            } else {
                break;
            }
        }
        let tld = self.bytes.get(last_label..end).unwrap_or_default();
        if dots == 0 || tld.len() < 2 || !tld.iter().all(u8::is_ascii_alphabetic) {
            self.no_email_before = at + 1;
            return None;
        }
        Some(end)
    }

    /// Scans a word or number starting at `start` and pushes it; returns its end.
    fn word(&mut self, start: usize) -> usize {
        let first_is_digit = self.bytes.get(start).is_some_and(u8::is_ascii_digit);
        let mut i = start;
        let mut segment = start; // start of the part after the last inner period or hyphen
        let mut part = start; // start of the part after the last hyphen
        let mut prev = '\0';
        loop {
            // The run of letters, digits and marks (ASCII first, it is most
            // text, skipped at once).
            loop {
                let run = self.bytes.get(i..).map_or(0, ascii::alnum_run);
                if let Some(&last) = run.checked_sub(1).and_then(|k| self.bytes.get(i + k)) {
                    prev = char::from(last);
                }
                i += run;
                match self.bytes.get(i) {
                    Some(&b) if b < 0x80 => break,
                    Some(_) => match self.char_at(i) {
                        Some((c, len)) if classify(c) == Class::Alnum => {
                            prev = c;
                            i += len;
                        }
                        Some((c, len)) if classify(c) == Class::Mark => i += len,
                        _ => break,
                    },
                    None => break,
                }
            }
            let Some((next, next_len)) = self.char_at(i) else {
                break;
            };
            // Most words end at a space or other mark that nothing below can
            // join or keep: stop before looking at the character after it.
            if !(is_hyphen(next)
                || is_apostrophe(next)
                || matches!(next, '.' | ',' | ':' | '/' | '&'))
            {
                break;
            }
            let after = i + next_len;
            let after_char = self.char_at(after).map(|(c, _)| c);
            let after_alnum = after_char.is_some_and(|c| classify(c) == Class::Alnum);
            let joined = match next {
                _ if is_hyphen(next) => after_alnum,
                '.' => {
                    let a = after_char.unwrap_or(' ');
                    (prev.is_ascii_digit() && a.is_ascii_digit())
                        // "U.S", "e.g": single letters between periods
                        || (self.single_letter(segment, i)
                            && a.is_alphabetic()
                            && self.single_letter_then_period(after))
                        // "xinhua.net", "Node.js"
                        || (prev.is_ascii_alphanumeric()
                            && a.is_ascii_lowercase()
                            && i - segment > 1
                            && !self.single_letter(segment, i))
                }
                ',' | ':' | '/' => {
                    prev.is_ascii_digit() && after_char.is_some_and(|a| a.is_ascii_digit())
                }
                '&' => {
                    prev.is_ascii_uppercase() && after_char.is_some_and(|a| a.is_ascii_uppercase())
                }
                _ if is_apostrophe(next) => {
                    if !after_alnum || self.clitic_len(i).is_some() {
                        false
                    } else if matches!(self.bytes.get(i - 1), Some(b'n' | b'N'))
                        && matches!(after_char, Some('t' | 'T'))
                        && self.boundary_at(after + 1)
                        && i - start > 1
                    {
                        // "don't" -> "do" "n't"
                        self.push(start..i - 1, word_kind(first_is_digit));
                        return i - 1;
                    } else {
                        true
                    }
                }
                _ => false,
            };
            if joined {
                if next == '.' {
                    segment = after;
                } else if is_hyphen(next) {
                    // "Japan-U.S.-ROK": the part after a hyphen may be
                    // initials, as the word's first part may.
                    segment = after;
                    part = after;
                }
                i = after;
                continue;
            }
            // A final period that belongs to an abbreviation ("U.S.", "Mr.", "J."),
            // also as the last part of a hyphenated word ("Japan-U.S.").
            let dotted_part =
                part > start && self.text.get(part..i).is_some_and(|p| p.contains('.'));
            let word_start = if dotted_part { part } else { start };
            if next == '.' && self.takes_period(word_start, i, after) {
                i = after;
                // "U.S.-led": a hyphenated word may follow the abbreviation.
                if let Some((h, hl)) = self.char_at(i)
                    && is_hyphen(h)
                    && self.alnum_at(i + hl)
                {
                    i += hl;
                    segment = i;
                    part = i;
                    continue;
                }
            }
            break;
        }
        self.push(start..i, word_kind(first_is_digit));
        i
    }

    /// True if `start..end` is one letter.
    fn single_letter(&self, start: usize, end: usize) -> bool {
        self.text
            .get(start..end)
            .is_some_and(|s| s.chars().count() == 1 && s.chars().all(char::is_alphabetic))
    }

    /// True if a single letter at `i` is followed by a period.
    fn single_letter_then_period(&self, i: usize) -> bool {
        match self.char_at(i) {
            Some((c, len)) if c.is_alphabetic() => self.bytes.get(i + len) == Some(&b'.'),
            _ => false,
        }
    }

    /// Whether the word `start..end`, followed by a period ending at `after`,
    /// keeps that period.
    fn takes_period(&self, start: usize, end: usize, after: usize) -> bool {
        let Some(word) = self.text.get(start..end) else {
            return false;
        };
        if word.contains('.') {
            return abbrev::is_initials(word);
        }
        if self.single_letter(start, end) {
            // An initial ("J. R. R. Tolkien"); lower-case single letters only
            // when another period follows closely ("p.m." is caught above).
            return word.chars().all(char::is_uppercase);
        }
        match abbrev::kind(word) {
            Some(abbrev::AbbrevKind::BeforeNumber) => {
                let rest = self.bytes.get(after..).unwrap_or_default();
                let digits_at = rest.iter().position(|&b| b != b' ');
                digits_at.is_some_and(|p| p <= 1 && rest.get(p).is_some_and(u8::is_ascii_digit))
            }
            Some(_) => true,
            None => false,
        }
    }

    /// Length of a clitic ("'s", "'re", "'ll", "'ve", "'d", "'m") starting with
    /// the apostrophe at `i` and ending at a word boundary.
    fn clitic_len(&self, i: usize) -> Option<usize> {
        let (apostrophe, alen) = self.char_at(i)?;
        if !is_apostrophe(apostrophe) {
            return None;
        }
        let rest = self.bytes.get(i + alen..)?;
        let suffix_len = [&b"s"[..], b"d", b"m", b"re", b"ve", b"ll"]
            .into_iter()
            .find(|s| rest.len() >= s.len() && rest[..s.len()].eq_ignore_ascii_case(s))?
            .len();
        self.boundary_at(i + alen + suffix_len)
            .then_some(alen + suffix_len)
    }

    /// Punctuation and symbols at `i`: clitics, hashtags, handles, runs, singles.
    fn punct(&mut self, i: usize, c: char, len: usize) -> usize {
        if is_apostrophe(c)
            && self.adjacent_word_before(i)
            && let Some(clitic) = self.clitic_len(i)
        {
            self.push(i..i + clitic, TokenKind::Word);
            return i + clitic;
        }
        if (c == '#' || c == '@') && !self.adjacent_word_before(i) {
            let mut end = i + len;
            while let Some((n, nl)) = self.char_at(end) {
                let ok = match c {
                    '#' => matches!(classify(n), Class::Alnum | Class::Mark) || n == '_',
                    _ => n.is_ascii_alphanumeric() || n == '_',
                };
                if !ok {
                    break;
                }
                end += nl;
            }
            let has_alnum = self
                .text
                .get(i + len..end)
                .is_some_and(|s| s.chars().any(char::is_alphanumeric));
            if has_alnum {
                let kind = if c == '#' {
                    TokenKind::Hashtag
                } else {
                    TokenKind::Handle
                };
                self.push(i..end, kind);
                return end;
            }
        }
        let mut end = i + len;
        if joins_runs(c) {
            while let Some((n, nl)) = self.char_at(end) {
                if n != c {
                    break;
                }
                end += nl;
            }
        }
        let kind = if classify(c) == Class::Symbol {
            TokenKind::Symbol
        } else {
            TokenKind::Punct
        };
        self.push(i..end, kind);
        end
    }

    /// An emoji with its modifiers, variation selectors and ZWJ sequence, or a
    /// regional-indicator flag pair.
    fn emoji(&mut self, i: usize, c: char, len: usize) -> usize {
        let is_regional = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
        let mut end = i + len;
        if is_regional(c)
            && let Some((n, nl)) = self.char_at(end)
            && is_regional(n)
        {
            end += nl;
        }
        while let Some((n, nl)) = self.char_at(end) {
            let modifier = matches!(n, '\u{FE0F}' | '\u{20E3}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}');
            if modifier {
                end += nl;
            } else if n == '\u{200D}'
                && let Some((m, ml)) = self.char_at(end + nl)
                && classify(m) == Class::Emoji
            {
                end += nl + ml;
            } else {
                break;
            }
        }
        self.push(i..end, TokenKind::Symbol);
        end
    }
}

fn word_kind(first_is_digit: bool) -> TokenKind {
    if first_is_digit {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}
