resource "aws_route53_zone" "primary" {
  name = "shop.example.com"
}
