CREATE TABLE noted (id int, body text);
CREATE FUNCTION noted_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM noted';
COMMENT ON TABLE noted IS E'First line;\nsecond line with \'quotes\'\n\ttabbed; -- not a comment';
COMMENT ON COLUMN noted.body IS E'/* not a comment */\\n stays literal; \x41';
COMMENT ON FUNCTION noted_count() IS $c$Counts rows; 'single' and "double" quotes$c$;
COMMENT ON COLUMN noted.id IS 'plain; with ''doubled'' quotes
and a real newline';
COMMENT ON COLUMN noted.id IS NULL;
