resource "aws_iam_server_certificate" "legacy" { # expect: SPOF-TLS-002
  name             = "legacy-site"
  certificate_body = file("certs/site.crt")
  private_key      = file("certs/site.key")
}
