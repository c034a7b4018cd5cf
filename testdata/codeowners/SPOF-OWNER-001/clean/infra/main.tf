resource "aws_db_instance" "orders" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
  multi_az       = true
}
