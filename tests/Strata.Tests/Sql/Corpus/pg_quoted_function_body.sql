CREATE FUNCTION old_style(n int) RETURNS text AS '
BEGIN
  RETURN ''value; '' || n;
END;
' LANGUAGE plpgsql;
SELECT old_style(1);
