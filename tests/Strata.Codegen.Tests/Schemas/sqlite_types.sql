-- SQLite declared types of the mapping table in docs/codegen.md.
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    code VARCHAR(20) NOT NULL UNIQUE,
    price DECIMAL(10,2) NOT NULL,
    ratio REAL,
    weight DOUBLE PRECISION,
    active BOOLEAN NOT NULL DEFAULT 1,
    born DATE,
    seen DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    opens TIME,
    token UUID,
    data BLOB,
    meta JSON,
    amount NUMERIC,
    big BIGINT NOT NULL,
    anything,
    doubled REAL GENERATED ALWAYS AS (price * 2) STORED
);
CREATE TABLE tags (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES items (id),
    label TEXT NOT NULL
);
CREATE VIEW item_names AS SELECT id, name, length(name) AS n FROM items;
