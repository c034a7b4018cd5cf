variable "multi_az" {
  type    = bool
  default = false
}

resource "aws_db_instance" "orders" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  multi_az          = var.multi_az
  tags = {
    Name = "orders-${var.env}"
  }
}
