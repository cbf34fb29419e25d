-- Tags, and a 'sample' tag on every todo that exists now: the seeded ones come from 002_seed_todos, a C# migration
-- (SeedTodos.cs), which runs between this file and 001 because all sources share one version order.
CREATE TABLE tags (
    todo_id INTEGER NOT NULL REFERENCES todos (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (todo_id, tag)
);

INSERT INTO tags (todo_id, tag) SELECT id, 'sample' FROM todos;

-- strata:down
DROP TABLE tags;
