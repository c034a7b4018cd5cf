resource "aws_acm_certificate" "imported" {
  private_key      = file("certs/site.key") # expect: SPOF-TLS-001 "is imported from a certificate body"
  certificate_body = file("certs/site.crt")
}

resource "aws_acm_certificate" "body_only" {
  certificate_body  = file("certs/other.crt") # expect: SPOF-TLS-001
  certificate_chain = file("certs/chain.crt")
}
