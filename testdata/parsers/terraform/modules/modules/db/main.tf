variable "multi_az" {
  default = false
}

resource "aws_db_instance" "this" {
  multi_az = var.multi_az
}
