CREATE TABLE quotes (q text);
INSERT INTO quotes VALUES (E'\';');
INSERT INTO quotes VALUES (e'back\\slash;');
INSERT INTO quotes VALUES (E'it\'s; fine' || 'plain \ backslash;');
INSERT INTO quotes VALUES (E'tab\tnew\nline\x41\101\u00e9');
SELECT count(*) FROM quotes WHERE q LIKE E'%\\%';
