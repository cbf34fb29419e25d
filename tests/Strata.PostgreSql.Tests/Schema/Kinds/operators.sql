CREATE FUNCTION same_text(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT lower(a) = lower(b)';
CREATE FUNCTION other_text(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT lower(a) <> lower(b)';
CREATE FUNCTION negated(a int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT -a';
CREATE OPERATOR === (LEFTARG = text, RIGHTARG = text, FUNCTION = same_text, COMMUTATOR = ===, NEGATOR = !==, RESTRICT = eqsel, JOIN = eqjoinsel);
CREATE OPERATOR !== (LEFTARG = text, RIGHTARG = text, FUNCTION = other_text, COMMUTATOR = !==, NEGATOR = ===);
CREATE OPERATOR ~- (RIGHTARG = int, FUNCTION = negated);
COMMENT ON OPERATOR === (text, text) IS 'equal ignoring case';
CREATE TABLE words (w text);
CREATE VIEW same_words AS SELECT a.w FROM words a JOIN words b ON a.w === b.w;
