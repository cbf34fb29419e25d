CREATE TABLE ok (a int);
/* outer /* inner */ the outer comment is never closed;
SELECT 1;
