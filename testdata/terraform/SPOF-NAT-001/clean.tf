module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"

  name                   = "main"
  azs                    = ["eu-west-1a", "eu-west-1b"]
  private_subnets        = ["10.0.1.0/24", "10.0.2.0/24"]
  public_subnets         = ["10.0.101.0/24", "10.0.102.0/24"]
  enable_nat_gateway     = true
  single_nat_gateway     = false
  one_nat_gateway_per_az = true
}

resource "aws_subnet" "a" {
  vpc_id            = "vpc-1"
  cidr_block        = "10.9.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "b" {
  vpc_id            = "vpc-1"
  cidr_block        = "10.9.2.0/24"
  availability_zone = "eu-west-1b"
}

resource "aws_nat_gateway" "a" {
  allocation_id = "eipalloc-1"
  subnet_id     = aws_subnet.a.id
}

resource "aws_nat_gateway" "b" {
  allocation_id = "eipalloc-2"
  subnet_id     = aws_subnet.b.id
}
