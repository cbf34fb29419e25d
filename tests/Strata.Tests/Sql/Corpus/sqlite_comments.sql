-- header; comment
CREATE TABLE sc (a INTEGER /* inline; */, b TEXT DEFAULT '/* not a comment; */');
/* a /* SQLite block comments do not nest */
INSERT INTO sc (a) VALUES (1);
BEGIN;
INSERT INTO sc (a) VALUES (2);
COMMIT;
