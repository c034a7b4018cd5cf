module "db" {
  source   = "../modules/db"
  multi_az = true
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
  azs     = ["a"]
}

module "escape" {
  source = "../../../../../outside"
}
