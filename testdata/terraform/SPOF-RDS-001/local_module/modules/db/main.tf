variable "name" {
  type = string
}

variable "multi_az" {
  type    = bool
  default = true
}

resource "aws_db_instance" "this" {
  identifier = var.name
  engine     = "postgres"
  multi_az   = var.multi_az
}
