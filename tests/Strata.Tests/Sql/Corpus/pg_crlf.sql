CREATE TABLE crlf_t (a int,
  b text DEFAULT 'two
lines;');
-- comment; here
INSERT INTO crlf_t VALUES (1, DEFAULT);
CREATE FUNCTION crlf_f() RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT 1;
END;
