CREATE FUNCTION text_ci_eq(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT lower(a) = lower(b) $$;
CREATE FUNCTION text_ci_ne(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT lower(a) <> lower(b) $$;

CREATE OPERATOR === (LEFTARG = text, RIGHTARG = text, FUNCTION = text_ci_eq, COMMUTATOR = ===, NEGATOR = !==);
CREATE OPERATOR !== (LEFTARG = text, RIGHTARG = text, PROCEDURE = text_ci_ne, COMMUTATOR = !==, NEGATOR = ===);

CREATE FUNCTION int_pair(a int, b int) RETURNS int[] LANGUAGE sql IMMUTABLE AS 'SELECT ARRAY[a, b]';
CREATE OPERATOR <-> (LEFTARG = int, RIGHTARG = int, FUNCTION = int_pair);
CREATE OPERATOR @-@ (RIGHTARG = int, FUNCTION = abs);

CREATE TABLE op_use (a text, b text);
INSERT INTO op_use VALUES ('ABC', 'abc'), ('x;y', 'X;Y');
SELECT a === b AS same, a !== b AS differ, 1 <-> 2 AS pair, @-@ -5 AS absval FROM op_use;
SELECT 'a'===/* comment between */'A';
SELECT 'a' OPERATOR(public.===) 'A';
