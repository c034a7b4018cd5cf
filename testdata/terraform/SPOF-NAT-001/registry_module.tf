module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"

  name               = "main"
  cidr               = "10.0.0.0/16"
  azs                = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  private_subnets    = ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]
  public_subnets     = ["10.0.101.0/24", "10.0.102.0/24", "10.0.103.0/24"]
  enable_nat_gateway = true
  single_nat_gateway = true # expect: SPOF-NAT-001 "single_nat_gateway is true"
}

variable "azs" {
  type = list(string)
}

module "vpc_input" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"

  name               = "input"
  azs                = var.azs
  private_subnets    = ["10.1.1.0/24", "10.1.2.0/24"]
  enable_nat_gateway = true
  single_nat_gateway = true # expect-unknown: SPOF-NAT-001
}
