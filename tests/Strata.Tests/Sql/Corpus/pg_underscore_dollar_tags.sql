-- $_$ and other unusual tags; a $ inside identifiers and positional parameters must not open a quote.
CREATE TABLE tag_log (id serial PRIMARY KEY, body text);

CREATE FUNCTION tag_demo(p text) RETURNS text LANGUAGE plpgsql AS $_$
DECLARE
  v$1 text := $$inner; with $_ and $ alone$$;
BEGIN
  INSERT INTO tag_log (body) VALUES (p || $x_1$; $_ $__$ $x_1$);
  RETURN v$1 || $1;
END;
$_$;

CREATE FUNCTION tag_sql(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS $__$ SELECT $1 + $2 $__$;

SELECT tag_demo($T$quoted; value$T$), tag_sql(1, 2);
INSERT INTO tag_log (body) VALUES ($a$$a$), ($ab$ends with a dollar$$ab$);
