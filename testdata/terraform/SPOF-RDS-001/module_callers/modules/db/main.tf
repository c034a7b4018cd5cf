variable "name" {
  type = string
}

variable "multi_az" {
  type    = bool
  default = false
}

resource "aws_db_instance" "this" {
  identifier = var.name
  engine     = "postgres"
  multi_az   = var.multi_az
}

# Written here, not by any caller: one finding on this line for all the calls, which it lists.
resource "aws_db_instance" "audit" { # expect: SPOF-RDS-001
  identifier = "${var.name}-audit"
  engine     = "postgres"
}
