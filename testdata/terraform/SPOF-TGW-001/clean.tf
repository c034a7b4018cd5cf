resource "aws_ec2_transit_gateway_vpc_attachment" "shared" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.shared.id
  subnet_ids         = [aws_subnet.tgw_a.id, aws_subnet.tgw_b.id, aws_subnet.tgw_c.id]
}
