CREATE TABLE audit_log (id serial PRIMARY KEY, note text);

CREATE FUNCTION make_logger(name text) RETURNS void LANGUAGE plpgsql AS $outer$
BEGIN
  EXECUTE format($inner$
    CREATE FUNCTION %I() RETURNS void LANGUAGE sql AS $q$ INSERT INTO audit_log (note) VALUES ('logged;'); $q$;
  $inner$, name);
END;
$outer$;

SELECT make_logger('log_it');
SELECT log_it();
SELECT $a$ contains $b$ and ; and $ab$ $a$ AS tricky;
