-- Project-made corpus: every kind of object the SQLite introspector reads.
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name VARCHAR(80) NOT NULL DEFAULT 'anon',
    score REAL DEFAULT 0 CHECK (score >= 0),
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    name_upper TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL
);
CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    title TEXT NOT NULL,
    body TEXT,
    published INTEGER NOT NULL DEFAULT 0,
    word_count INTEGER GENERATED ALWAYS AS (length(body)) STORED,
    UNIQUE (author_id, title),
    CHECK (published IN (0, 1))
);
CREATE INDEX posts_published_idx ON posts (author_id) WHERE published = 1;
CREATE INDEX posts_lower_title_idx ON posts (lower(title));
CREATE TABLE settings (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID;
CREATE TABLE "Odd Name" ("select" TEXT, "two words" INTEGER);
CREATE VIEW published_posts AS SELECT p.id, p.title, u.name FROM posts p JOIN users u ON u.id = p.author_id WHERE p.published = 1;
CREATE VIEW recent_titles AS SELECT title FROM published_posts;
CREATE TRIGGER users_email_lower AFTER INSERT ON users BEGIN UPDATE users SET email = lower(NEW.email) WHERE id = NEW.id; END;
