CREATE TABLE s (a INTEGER);
/* block; comment */
INSERT INTO s VALUES (1); -- trailing; comment
SELECT a FROM s