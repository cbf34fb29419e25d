CREATE TABLE [semi;colon] ([a;b] INTEGER, `c;d` TEXT, "e;f" TEXT, "say ""hi"";" TEXT, `back``tick` TEXT);
INSERT INTO [semi;colon] VALUES (1, 'it''s;', 'x', 'y', 'z');
SELECT [a;b], `c;d`, "e;f" FROM [semi;colon] WHERE `c;d` <> X'3B';
