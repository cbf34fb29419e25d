CREATE TABLE continued (s text);
INSERT INTO continued VALUES ('first part; '
  'second part;');
INSERT INTO continued VALUES ('across a comment '
  -- a comment between the parts; with a quote '
  'and ; more');
SELECT s FROM continued;
