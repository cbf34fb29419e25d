CREATE SCHEMA "sch--ema";
CREATE TABLE "sch--ema"."t/*not a comment*/" ("c--1" int, "c/*2" text, "c*/3" text, "c;4" int, "c'5" text, "c$$6" int);
INSERT INTO "sch--ema"."t/*not a comment*/" VALUES (1, '/*', '*/', 4, 'it''s', 6);
CREATE VIEW "sch--ema"."v;--" AS SELECT "c--1" AS "x--", "c/*2" || "c*/3" AS "y/**/" FROM "sch--ema"."t/*not a comment*/";
CREATE INDEX "i--dx" ON "sch--ema"."t/*not a comment*/" ("c;4");
SELECT * FROM "sch--ema"."v;--";
