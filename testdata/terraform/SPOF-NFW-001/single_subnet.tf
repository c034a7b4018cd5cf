resource "aws_networkfirewall_firewall" "egress" {
  name                = "egress"
  firewall_policy_arn = aws_networkfirewall_firewall_policy.egress.arn
  vpc_id              = aws_vpc.main.id
  subnet_mapping { # expect: SPOF-NFW-001 "lives in one Availability Zone"
    subnet_id = aws_subnet.firewall_a.id
  }
}
