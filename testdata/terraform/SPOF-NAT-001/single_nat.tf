resource "aws_subnet" "private_a" {
  vpc_id            = "vpc-1"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "private_b" {
  vpc_id            = "vpc-1"
  cidr_block        = "10.0.2.0/24"
  availability_zone = "eu-west-1b"
}

resource "aws_subnet" "public_a" {
  vpc_id            = "vpc-1"
  cidr_block        = "10.0.101.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_nat_gateway" "main" { # expect: SPOF-NAT-001
  allocation_id = "eipalloc-1"
  subnet_id     = aws_subnet.public_a.id
}
