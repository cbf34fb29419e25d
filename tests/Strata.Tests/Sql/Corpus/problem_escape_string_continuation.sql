CREATE TABLE continued (s text);
INSERT INTO continued VALUES ('first part; '
  'second part;');
INSERT INTO continued VALUES (E'escape part '
  -- a comment between the parts
  '\'; still the same string');
SELECT s FROM continued;
