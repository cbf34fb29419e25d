CREATE TABLE bits (b bit(4), v bit varying(8), n varchar(10));
INSERT INTO bits VALUES (B'1010', X'1F', N'national;');
SELECT b, v FROM bits WHERE b = B'1010';
