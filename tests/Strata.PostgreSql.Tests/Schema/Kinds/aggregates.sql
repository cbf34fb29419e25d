CREATE FUNCTION add_len(total int, value text) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT total + length(value)';
CREATE AGGREGATE total_length(text) (SFUNC = add_len, STYPE = int, INITCOND = '0');
COMMENT ON AGGREGATE total_length(text) IS 'sum of lengths';
CREATE AGGREGATE moving_sum(int) (SFUNC = int4pl, STYPE = int, MSFUNC = int4pl, MINVFUNC = int4mi, MSTYPE = int, PARALLEL = SAFE);
CREATE AGGREGATE largest(int) (SFUNC = int4larger, STYPE = int, SORTOP = >, COMBINEFUNC = int4larger);
CREATE VIEW lengths AS SELECT total_length(relname::text) FROM pg_class;
