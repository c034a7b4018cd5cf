# A reusable module scanned without any caller: judged by its defaults, and the message says so.
variable "multi_az" {
  type    = bool
  default = false
}

variable "standby" {
  type    = bool
  default = true
}

resource "aws_db_instance" "primary" {
  engine   = "postgres"
  multi_az = var.multi_az # expect: SPOF-RDS-001
}

resource "aws_db_instance" "secondary" {
  engine   = "postgres"
  multi_az = var.standby
}
