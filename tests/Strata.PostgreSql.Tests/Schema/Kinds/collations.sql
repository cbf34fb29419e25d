CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION posix_c (provider = libc, locale = 'C');
COMMENT ON COLLATION posix_c IS 'byte order';
CREATE SCHEMA texts;
CREATE COLLATION texts.german (provider = icu, locale = 'de-DE');
CREATE TABLE people (name text COLLATE case_insensitive, code text COLLATE posix_c, label text COLLATE texts.german);
CREATE INDEX people_name ON people (name COLLATE posix_c);
