variable "db_multi_az" {
  type        = bool
  description = "no default: the value is given at apply time"
}

variable "staging_multi_az" {
  type    = bool
  default = false
}

resource "aws_db_instance" "from_input" {
  engine   = "postgres"
  multi_az = var.db_multi_az # expect-unknown: SPOF-RDS-001
}

resource "aws_db_instance" "from_default" {
  engine   = "postgres"
  multi_az = var.staging_multi_az # expect: SPOF-RDS-001
}
