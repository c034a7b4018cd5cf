# The same zone on two providers (case and trailing dot do not matter).
resource "aws_route53_zone" "primary" {
  name = "Example.com."
}

resource "cloudflare_zone" "secondary" {
  account_id = "0123456789abcdef"
  zone       = "example.com"
}

# A zone whose registered name servers span two providers.
resource "aws_route53_zone" "shop" {
  name = "shop.example.net"
}

resource "aws_route53domains_registered_domain" "shop" {
  domain_name = "shop.example.net"
  name_server {
    name = "ns-101.awsdns-12.com"
  }
  name_server {
    name = "dana.ns.cloudflare.com"
  }
}

resource "aws_route53_zone" "private" {
  name = "corp.internal"
  vpc {
    vpc_id = "vpc-12345678"
  }
}
