CREATE TABLE notes (body text);
INSERT INTO notes VALUES ('it''s;');
INSERT INTO notes VALUES ('''');
INSERT INTO notes VALUES ('; '' ; '' ;');
INSERT INTO notes VALUES ('a \'); INSERT INTO notes VALUES ('b');
