;
;;
CREATE TABLE e1 (a int);;
-- nothing here;
/* nor here */;
INSERT INTO e1 VALUES (1);
;
