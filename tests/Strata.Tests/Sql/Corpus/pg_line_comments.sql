-- leading comment; with a semicolon and a quote ' and $$
CREATE TABLE c1 (a int); -- trailing; comment
-- a comment between statements; SELECT 'not run';
INSERT INTO c1 VALUES (1) -- the semicolon is on the next line;
;
SELECT a -- ; still the same statement
FROM c1;
-- final comment without newline;