CREATE TABLE docs (id int PRIMARY KEY, body jsonb NOT NULL DEFAULT '{"k": "v;w", "n": {"x": [1, ";"]}}');
INSERT INTO docs VALUES (1, '{"a": {"b": "semi;colon", "c": "brace } and { ; "}, "list": [1, 2, {"d": ";"}]}');
INSERT INTO docs VALUES (2, jsonb_build_object('q', 'it''s; "quoted"', 'e', E'line\\n;'));
INSERT INTO docs (id) VALUES (3);
SELECT id, body->'a'->>'b', body #>> '{a,c}', body @> '{"list": [1]}', body ? 'q', body ?| ARRAY['a', 'k']
FROM docs ORDER BY id;
SELECT jsonb_path_query_array(body, '$.list[*] ? (@ > $min)', '{"min": 1}') FROM docs WHERE id = 1;
SELECT '[{"x": ";"}, {"y": "$$"}]'::json -> 1 ->> 'y', '{"z": "--"}'::json ->> 'z';
CREATE VIEW doc_keys AS SELECT id, jsonb_object_keys(body) AS k FROM docs;
