-- Project-made corpus: one of each object kind the introspector reads.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE SCHEMA billing;
COMMENT ON SCHEMA billing IS 'Invoices and payments';
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN email AS text CHECK (VALUE ~ '@');
CREATE DOMAIN positive_int AS integer DEFAULT 1 NOT NULL CONSTRAINT positive CHECK (VALUE > 0);
CREATE SEQUENCE billing.invoice_numbers START WITH 1000 INCREMENT BY 5;
CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email email NOT NULL UNIQUE,
    name varchar(80) NOT NULL DEFAULT 'anon',
    "Display Name" text COLLATE "C",
    mood mood,
    score numeric(10,2) DEFAULT 0 CHECK (score >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    name_upper text GENERATED ALWAYS AS (upper(name)) STORED
);
COMMENT ON TABLE users IS 'People who log in';
COMMENT ON COLUMN users.email IS 'Unique login';
CREATE TABLE posts (
    id serial PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    title text NOT NULL,
    body text,
    tags text[] NOT NULL DEFAULT '{}',
    published boolean NOT NULL DEFAULT false,
    during tstzrange
);
CREATE INDEX posts_published_idx ON posts (author_id) WHERE published;
CREATE INDEX posts_lower_title_idx ON posts (lower(title));
CREATE INDEX posts_tags_idx ON posts USING gin (tags);
ALTER TABLE posts ADD CONSTRAINT posts_no_overlap EXCLUDE USING gist (author_id WITH =, during WITH &&);
CREATE TABLE billing.invoices (
    number integer PRIMARY KEY DEFAULT nextval('billing.invoice_numbers'),
    user_id bigint REFERENCES users (id) ON UPDATE CASCADE ON DELETE SET NULL,
    total numeric(12,2) NOT NULL,
    UNIQUE (user_id, number)
);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_at := now();
    RETURN NEW;
END;
$$;
COMMENT ON FUNCTION touch() IS 'Sets created_at';
CREATE FUNCTION user_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM users $$;
CREATE FUNCTION posts_by(author bigint) RETURNS SETOF posts LANGUAGE sql AS $$ SELECT * FROM posts WHERE author_id = author $$;
CREATE PROCEDURE archive(before timestamptz) LANGUAGE sql AS $$ DELETE FROM posts WHERE false $$;
CREATE TRIGGER users_touch BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION touch();
CREATE VIEW published_posts AS SELECT p.id, p.title, u.name FROM posts p JOIN users u ON u.id = p.author_id WHERE p.published;
CREATE VIEW recent_titles AS SELECT title FROM published_posts;
CREATE MATERIALIZED VIEW post_counts AS SELECT author_id, count(*) AS n FROM posts GROUP BY author_id;
CREATE UNIQUE INDEX post_counts_author_idx ON post_counts (author_id);
ALTER TABLE posts ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_posts ON posts FOR SELECT TO PUBLIC USING (author_id = 1);
CREATE POLICY insert_posts ON posts AS RESTRICTIVE FOR INSERT WITH CHECK (published = false);
GRANT SELECT, INSERT ON users TO PUBLIC;
GRANT SELECT ON published_posts TO PUBLIC;
