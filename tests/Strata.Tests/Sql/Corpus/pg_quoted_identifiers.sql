CREATE TABLE "semi;colon" ("a;b" int, "say ""hi"";" text, "dollar$$" int, "--not a comment" int);
INSERT INTO "semi;colon" VALUES (1, 'x', 2, 3);
SELECT "a;b", "say ""hi"";", "dollar$$", "--not a comment" FROM "semi;colon";
