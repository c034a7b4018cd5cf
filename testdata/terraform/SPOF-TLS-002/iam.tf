resource "aws_iam_server_certificate" "legacy" { # expect: SPOF-TLS-002 "is an IAM server certificate"
  name             = "legacy-site"
  certificate_body = file("certs/site.crt")
  private_key      = file("certs/site.key")
}
