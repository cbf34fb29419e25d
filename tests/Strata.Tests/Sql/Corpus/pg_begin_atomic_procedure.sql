CREATE TABLE events (id int, kind text);

CREATE OR REPLACE PROCEDURE record_pair(a int, b int)
LANGUAGE sql
BEGIN ATOMIC
  INSERT INTO events VALUES (a, CASE WHEN a > b THEN 'gt' ELSE 'le' END);
  INSERT INTO events VALUES (b, 'second');
END;

CALL record_pair(2, 1);
