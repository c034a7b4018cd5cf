-- PostgreSQL: weak modes and new tables block no one
CREATE TABLE staging (id int);
LOCK TABLE staging;
LOCK TABLE orders IN ROW EXCLUSIVE MODE;
SELECT 1::int;
