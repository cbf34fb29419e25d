CREATE TABLE last_one (a int);
INSERT INTO last_one VALUES (1);
SELECT a
  FROM last_one
-- the end, no semicolon
