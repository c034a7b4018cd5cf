# Another Route 53 zone of the same name is still the same provider.
resource "aws_route53_zone" "a_again" {
  name = "A.example.com." # expect: SPOF-DNS-001
}
