module "orders_db" { # expect: SPOF-RDS-001 "multi_az is false"
  source  = "terraform-aws-modules/rds/aws"
  version = "6.5.0"

  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.t4g.large"
}

module "billing_db" {
  source  = "registry.terraform.io/terraform-aws-modules/rds/aws"
  version = "6.5.0"

  identifier = "billing"
  multi_az   = false # expect: SPOF-RDS-001
}

variable "reports_multi_az" {
  type = bool
}

module "reports_db" {
  source   = "terraform-aws-modules/rds/aws"
  version  = "6.5.0"
  multi_az = var.reports_multi_az # expect-unknown: SPOF-RDS-001
}

module "safe_db" {
  source   = "terraform-aws-modules/rds/aws"
  version  = "6.5.0"
  multi_az = true
}

module "replica_db" {
  source              = "terraform-aws-modules/rds/aws"
  version             = "6.5.0"
  replicate_source_db = "orders"
}

module "not_created" {
  source             = "terraform-aws-modules/rds/aws"
  version            = "6.5.0"
  create_db_instance = false
}
