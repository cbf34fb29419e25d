-- A line comment with $$ and $tag$ and an unmatched ' quote and " quote; none of them opens anything.
CREATE TABLE dollars_in_comments (id int); -- trailing $$; comment
/* a block comment with $$ that never closes inside the comment;
   and a 'quote and a "quote and $body$ */
INSERT INTO dollars_in_comments VALUES (1);
/* nested /* $x$ ; */ still a comment $$ */ INSERT INTO dollars_in_comments VALUES (2);
SELECT 1 /* $$ */ + /* ' */ 2 -- $$
  AS three;
CREATE FUNCTION commented() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  -- inside the body: a $fn$ tag and a ' quote in a comment
  /* and a block comment with ; and $ */
  RETURN 42;
END
$$;
SELECT commented();
