# TLS and DNS at the edge.

# SPOF-TLS-001: an imported certificate is never renewed by ACM.
resource "aws_acm_certificate" "legacy" {
  private_key      = file("certs/legacy.key")
  certificate_body = file("certs/legacy.crt")
}

# Healthy: requested from ACM and validated by DNS, so ACM renews it.
resource "aws_acm_certificate" "shop" {
  domain_name       = "shop.example.com"
  validation_method = "DNS"
}

# SPOF-TLS-002: uploaded by hand to IAM, never renewed.
resource "aws_iam_server_certificate" "old_elb" {
  name             = "old-elb"
  certificate_body = file("certs/old-elb.crt")
  private_key      = file("certs/old-elb.key")
}

# SPOF-DNS-001: the public zone is served only by Route 53.
resource "aws_route53_zone" "public" {
  name = "example.com"
}

# Healthy: the same zone name is also served by a second provider.
resource "aws_route53_zone" "status" {
  name = "example-status.com"
}

resource "cloudflare_zone" "status" {
  zone = "example-status.com"
}
