resource "aws_ec2_transit_gateway_vpc_attachment" "shared" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.shared.id
  subnet_ids         = [aws_subnet.tgw_a.id] # expect: SPOF-TGW-001 "lives in one Availability Zone"
}

resource "aws_ec2_transit_gateway_vpc_attachment" "per_zone" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.shared.id
  subnet_ids         = module.vpc.intra_subnets # expect-unknown: SPOF-TGW-001
}
