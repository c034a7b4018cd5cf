module "a" {
  source = "../a"
}
resource "aws_instance" "i" {}
