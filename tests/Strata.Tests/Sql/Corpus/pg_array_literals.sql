CREATE TABLE arrays (id int, tags text[], grid int[][], notes text[] DEFAULT '{"a;b","c}d"}');
INSERT INTO arrays VALUES (1, '{one;two,"three;four","quoted \"five\";"}', '{{1,2},{3,4}}');
INSERT INTO arrays VALUES (2, ARRAY['x;y', 'z'';w', $$d;q$$], ARRAY[[5,6],[7,8]]);
INSERT INTO arrays (id, tags) VALUES (3, '{}'), (4, '{NULL,"NULL",";"}');
SELECT id, tags[1], grid[1:1][2:2], array_length(tags, 1) FROM arrays ORDER BY id;
SELECT '{1,2,3}'::int[] && ARRAY[3], ARRAY(SELECT unnest(tags) FROM arrays WHERE id = 1);
