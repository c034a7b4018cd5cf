module "orders" {
  source   = "./modules/db"
  name     = "orders"
  multi_az = false # expect: SPOF-RDS-001
}

module "billing" {
  source   = "./modules/db"
  name     = "billing"
  multi_az = true
}

variable "create_reports" {
  type = bool
}

# The instance exists only if var.create_reports is true: an uncertain finding.
resource "aws_db_instance" "reports" { # expect-unknown: SPOF-RDS-001
  count  = var.create_reports ? 1 : 0
  engine = "postgres"
}
