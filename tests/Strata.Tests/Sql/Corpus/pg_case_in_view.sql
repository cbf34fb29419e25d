CREATE TABLE t_case (n int);
CREATE VIEW v_case AS
  SELECT n, CASE WHEN n > 0 THEN 'pos' WHEN n < 0 THEN 'neg' ELSE 'zero' END AS sign FROM t_case;
CREATE FUNCTION classify(n int) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  CASE
    WHEN n > 0 THEN RETURN 'pos';
    ELSE RETURN 'other';
  END CASE;
END
$$;
SELECT classify(1);
