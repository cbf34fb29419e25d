CREATE TABLE dumped (id int, name text);
COPY public.dumped (id, name) FROM stdin;
1	it's
2	\N
3	semi;colon
\.
SELECT count(*) FROM dumped;
