# The caller decides multi_az: each finding points at the argument, or at the call that leaves the default.
module "orders" {
  source   = "./modules/db"
  name     = "orders"
  multi_az = false # expect: SPOF-RDS-001
}

module "billing" { # expect: SPOF-RDS-001
  source = "./modules/db"
  name   = "billing"
}

module "ledger" {
  source   = "./modules/db"
  name     = "ledger"
  multi_az = true
}

variable "stock_multi_az" {
  type    = bool
  default = false
}

module "stock" {
  source   = "./modules/db"
  name     = "stock"
  multi_az = var.stock_multi_az # expect: SPOF-RDS-001
}

variable "unknown_multi_az" {
  type = bool
}

module "maybe" {
  source   = "./modules/db"
  name     = "maybe"
  multi_az = var.unknown_multi_az # expect-unknown: SPOF-RDS-001
}
