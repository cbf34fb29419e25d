CREATE TABLE a$b (c$d int, e$$ int, x$tag$ int);
INSERT INTO a$b VALUES (1, 2, 3);
PREPARE fetch_row(int) AS SELECT c$d FROM a$b WHERE c$d = $1;
EXECUTE fetch_row(1);
SELECT x$tag$ FROM a$b;
