resource "aws_db_instance" "orders" { # expect: SPOF-RDS-001
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.t3.micro"
}

resource "aws_db_instance" "billing" {
  identifier     = "billing"
  engine         = "mysql"
  instance_class = "db.t3.micro"
  multi_az       = false # expect: SPOF-RDS-001
}
