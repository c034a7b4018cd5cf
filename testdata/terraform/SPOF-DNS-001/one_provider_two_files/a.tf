resource "aws_route53_zone" "a" {
  name = "a.example.com" # expect: SPOF-DNS-001
}
