-- The todo list. Written in the SQL that SQLite and PostgreSQL share, so the sample runs on both.
CREATE TABLE todos (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    done BOOLEAN NOT NULL DEFAULT FALSE
);

-- strata:down
DROP TABLE todos;
