resource "aws_subnet" "app" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.1.0/24"
}

resource "aws_nat_gateway" "one" {
  subnet_id = "subnet-public"
}

resource "aws_route_table" "app" {
  vpc_id = "vpc-1"
}

resource "aws_route" "out" {
  route_table_id         = aws_route_table.app.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.one.id
}

resource "aws_route_table_association" "app" {
  subnet_id      = aws_subnet.app.id
  route_table_id = aws_route_table.app.id
}

resource "aws_instance" "worker" {
  ami       = "ami-123"
  subnet_id = aws_subnet.app.id
}
