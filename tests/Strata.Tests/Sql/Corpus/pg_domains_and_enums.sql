CREATE TYPE mood AS ENUM ('sad', 'ok;', 'it''s fine', '$$happy$$');
ALTER TYPE mood ADD VALUE 'ecstatic; really' AFTER '$$happy$$';
CREATE DOMAIN slug AS text CHECK (VALUE ~ '^[a-z0-9_;-]+$') CONSTRAINT not_semicolon_only CHECK (VALUE <> ';');
CREATE TYPE pair AS (label slug, feeling mood);
CREATE TABLE moods (id int, p pair, m mood DEFAULT 'ok;');
INSERT INTO moods VALUES (1, ROW('a;b', 'sad'), 'it''s fine');
INSERT INTO moods VALUES (2, '("x-y","$$happy$$")', DEFAULT);
SELECT id, (p).label, (p).feeling, m FROM moods ORDER BY id;
