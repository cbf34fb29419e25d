CREATE TABLE grades (name text, points int);
INSERT INTO grades VALUES ('ann', 95), ('bob', 61), ('cy;d', 12);

CREATE FUNCTION verdict(p int, name text) RETURNS text
LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
  SELECT CASE
    WHEN p >= 90 THEN 'top; ' || CASE WHEN name LIKE '%;%' THEN 'odd name' ELSE 'end' END
    WHEN p >= 50 THEN CASE p WHEN 50 THEN 'just; ' ELSE 'pass' END || ' END;'
    ELSE (SELECT CASE WHEN true THEN 'fail; begin' END)
  END;
END;

CREATE PROCEDURE regrade(delta int)
LANGUAGE sql
BEGIN ATOMIC
  UPDATE grades SET points = CASE WHEN points + delta > 100 THEN 100 ELSE points + delta END;
  INSERT INTO grades SELECT 'case; end', CASE WHEN delta > 0 THEN delta ELSE 0 END;
  DELETE FROM grades WHERE name = 'begin atomic; end;';
END;

CALL regrade(10);
SELECT name, verdict(points, name) FROM grades ORDER BY name;
