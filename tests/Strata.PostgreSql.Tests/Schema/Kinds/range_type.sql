CREATE FUNCTION float_diff(a float8, b float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS 'SELECT a - b';
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float_diff);
COMMENT ON TYPE floatrange IS 'ranges of floats';
CREATE TYPE textrange_c AS RANGE (subtype = text, collation = "C");
CREATE TABLE spans (id int, r floatrange, t textrange_c, EXCLUDE USING gist (r WITH &&));
-- since 14
CREATE TYPE textspan AS RANGE (subtype = text, multirange_type_name = textspans);
CREATE TABLE text_spans (t textspan, many textspans);
