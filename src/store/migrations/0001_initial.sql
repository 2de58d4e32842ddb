-- Migration 1: feeds, articles, reading state and the analysis cache.
-- Applied once, in a transaction, by store/migrate.rs; never edit a released
-- migration: add the next one instead (and update schema.sql to match).

-- One row per subscription. `url` is an http(s) URL or an absolute file path.
CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,
    title         TEXT,
    added_at      TEXT NOT NULL,
    last_fetch_at TEXT,
    -- The last fetch's error in one line, NULL after a successful fetch.
    last_error    TEXT,
    -- Validators for conditional GET, so an unchanged feed costs one 304.
    etag          TEXT,
    last_modified TEXT
);

CREATE TABLE feed_tags (
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    tag     TEXT NOT NULL,
    PRIMARY KEY (feed_id, tag)
) WITHOUT ROWID;

-- One row per feed item, deduplicated within its feed by guid, then link, then
-- content hash. `article_id` is fixed at first sight, so a re-published item
-- keeps its id (and with it its reading state).
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    feed_id       INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    article_id    TEXT NOT NULL UNIQUE,
    guid          TEXT,
    link          TEXT,
    -- blake3 of title and body, hex: the key of the analysis cache.
    content_hash  TEXT NOT NULL,
    title         TEXT NOT NULL,
    source        TEXT NOT NULL,
    date          TEXT,
    licence       TEXT,
    body          TEXT NOT NULL,
    first_seen_at TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX articles_by_guid ON articles(feed_id, guid) WHERE guid IS NOT NULL;
CREATE INDEX articles_by_link ON articles(feed_id, link) WHERE link IS NOT NULL;
CREATE INDEX articles_by_hash ON articles(feed_id, content_hash);

-- Reading state, keyed by ArticleId so that it also covers bundled and file
-- articles, and so that no refresh ever writes to it.
CREATE TABLE article_state (
    article_id TEXT PRIMARY KEY,
    read       INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
    starred    INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
    changed_at TEXT NOT NULL
) WITHOUT ROWID;

-- nlp::Analysis (postcard-encoded), keyed by what it was computed from and by what.
CREATE TABLE analyses (
    content_hash  TEXT NOT NULL,
    model_version TEXT NOT NULL,
    analysis      BLOB NOT NULL,
    PRIMARY KEY (content_hash, model_version)
) WITHOUT ROWID;
