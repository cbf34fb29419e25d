-- Überschrift: naïve café, 日本語のコメント; emoji 😀 and 𝄞 (outside the BMP)
CREATE TABLE "café" ("naïve" text, "日本" int, "😀" text);
INSERT INTO "café" VALUES ('crème brûlée; 🍮', 1, '𝄞;');
/* ブロック; コメント 😀 */
CREATE TABLE ünïcödé (ñ int);
SELECT "naïve", "日本", "😀" FROM "café" WHERE "naïve" <> 'ø;';
