CREATE TABLE U&"t!0061;le" UESCAPE '!' (U&"col\00E9" text, "plain" text);
INSERT INTO "ta;le" ("colé", plain) VALUES (U&'caf\00E9; ok', u&'\+01F680;');
INSERT INTO "ta;le" VALUES (U&'semi#003B' UESCAPE '#', U&'quote '' and \005C;');
SELECT count(*) FROM U&"t\0061;le";
