CREATE FUNCTION shout(msg text) RETURNS text LANGUAGE plpgsql AS $fn$
BEGIN
  -- a $$ inside this body is plain text; so is a lone $ or $1
  RETURN upper(msg) || '$$;';
END
$fn$;
CREATE FUNCTION whisper(msg text) RETURNS text LANGUAGE sql AS $body$ SELECT lower(msg) || ';' $body$;
SELECT shout('a'), whisper('B');
