CREATE TABLE scores (student text, score int);

CREATE FUNCTION grade(score int) RETURNS text
LANGUAGE sql
BEGIN ATOMIC
  SELECT CASE
    WHEN score >= 90 THEN 'A'
    WHEN score >= 80 THEN 'B'
    ELSE CASE WHEN score >= 50 THEN 'C' ELSE 'F' END
  END;
END;

CREATE FUNCTION best() RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT max(score) FROM scores;
END;

SELECT grade(95), best();
