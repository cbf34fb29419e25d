CREATE TABLE counters (n int);
DO $$
BEGIN
  INSERT INTO counters VALUES (1);
  IF (SELECT count(*) FROM counters) > 0 THEN
    RAISE NOTICE 'inserted; ok';
  END IF;
END
$$;
DO LANGUAGE plpgsql $do$
DECLARE
  i int;
BEGIN
  FOR i IN 1..3 LOOP
    INSERT INTO counters VALUES (i);
  END LOOP;
END
$do$;
