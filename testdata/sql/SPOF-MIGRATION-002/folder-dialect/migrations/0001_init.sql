-- SERIAL shows this folder is PostgreSQL
CREATE TABLE orders (id serial PRIMARY KEY, created_at timestamptz);
