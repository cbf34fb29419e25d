INSERT INTO t VALUES ('fine');
INSERT INTO t VALUES (E'escaped quote \');
SELECT 1;
