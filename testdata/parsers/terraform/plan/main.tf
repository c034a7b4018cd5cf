resource "aws_db_instance" "main" {
  multi_az = var.ha
}

module "db" {
  source = "./modules/db"
}

variable "ha" {}
