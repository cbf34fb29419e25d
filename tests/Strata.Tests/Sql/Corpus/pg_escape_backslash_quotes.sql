CREATE TABLE escapes (id int, v text);
INSERT INTO escapes VALUES (1, E'\\');
INSERT INTO escapes VALUES (2, E'\\'';'), (3, E'\'');
INSERT INTO escapes VALUES (4, E'a\\\'b;c'), (5, E'semi\;colon');
INSERT INTO escapes VALUES (6, 'standard \'), (7, 'plain;' || E'\x3B');
INSERT INTO escapes VALUES (8, e'lower\'case; e'), (9, E'--not a comment /* nor this */');
SELECT id, v FROM escapes WHERE v LIKE E'%\\\\%' ORDER BY id;
