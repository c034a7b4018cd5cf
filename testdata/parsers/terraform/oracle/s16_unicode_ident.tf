resource "aws_s3_bucket" "données" {
  bucket = "x"
}
locals {
  café = 1
  naïve_σ = "ok"
}
