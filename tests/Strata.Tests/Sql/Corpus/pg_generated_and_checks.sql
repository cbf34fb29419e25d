CREATE TABLE shapes (
  w numeric CHECK (w > 0),
  h numeric CHECK (h > 0),
  area numeric GENERATED ALWAYS AS (w * h) STORED,
  label text DEFAULT ('shape;' || 'x'),
  CONSTRAINT wide CHECK (CASE WHEN w > h THEN true ELSE w = h OR w < h END)
);
INSERT INTO shapes (w, h) VALUES (2, 3);
