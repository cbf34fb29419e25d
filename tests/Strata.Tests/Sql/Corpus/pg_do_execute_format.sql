DO $do$
DECLARE
  tbl text := 'dyn;table';
BEGIN
  EXECUTE format('CREATE TABLE %I (id int, note text DEFAULT %L)', tbl, 'it''s; default');
  EXECUTE format($f$INSERT INTO %I VALUES (%s, %L)$f$, tbl, 1, $v$semi; colon$v$);
  EXECUTE 'INSERT INTO ' || quote_ident(tbl) || ' VALUES (2, ''two; ''''quoted'''''')';
END
$do$;

DO $$
DECLARE
  stmt text;
BEGIN
  FOREACH stmt IN ARRAY ARRAY['CREATE TABLE dyn_a (x int)', 'CREATE TABLE dyn_b (y text DEFAULT '';'')'] LOOP
    EXECUTE stmt;
  END LOOP;
  EXECUTE format('COMMENT ON TABLE %I IS %L', 'dyn_a', E'made by DO;\nsecond line');
END
$$;

SELECT * FROM "dyn;table" ORDER BY id;
