-- golang-migrate: the table is created by this migration, nobody uses it yet
CREATE TABLE currencies (code char(3) PRIMARY KEY, active boolean);
INSERT INTO currencies VALUES ('EUR', true);
UPDATE currencies SET active = false;
