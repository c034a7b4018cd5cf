resource "aws_route53_zone" "public" {
  name = "example.com" # expect: SPOF-DNS-001
}

resource "aws_route53_zone" "internal" {
  name = "corp.internal"
  vpc {
    vpc_id = "vpc-12345678"
  }
}

resource "google_dns_managed_zone" "shop" {
  name     = "shop"
  dns_name = "shop.example.org." # expect: SPOF-DNS-001
}

resource "google_dns_managed_zone" "private" {
  name       = "private"
  dns_name   = "private.example.org."
  visibility = "private"
}
