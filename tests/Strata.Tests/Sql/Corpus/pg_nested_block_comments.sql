/* header /* nested; */ still inside the outer comment; 'quote $$ */
CREATE TABLE c2 (a int /* inline; */);
/*
 * A multi-line comment.
 * /* with a nested block; */
 * ; SELECT 'not a statement';
 */
INSERT INTO c2 VALUES (/* ; */ 1);
SELECT 2 */* a comment right after an operator; */ 3;
