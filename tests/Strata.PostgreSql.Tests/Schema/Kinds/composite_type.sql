CREATE TYPE pair AS (a integer, b text COLLATE "C", c numeric(10,2));
COMMENT ON TYPE pair IS 'two of a kind';
COMMENT ON COLUMN pair.a IS 'the first';
CREATE TYPE nested AS (p pair, tags text[]);
CREATE TABLE uses_pair (id int PRIMARY KEY, p pair, n nested);
