SELECT 1+/*c;*/2;
SELECT 2 --;
;
SELECT 3 */*;*/1;
SELECT '{1,2,3}'::int[] @> ARRAY[1] AS contains, 4 <> 5, 6 >= 7;
SELECT (ARRAY[1,2,3])[1:2], 'x'::text;
