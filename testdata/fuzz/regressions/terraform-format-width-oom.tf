locals {
  wide = format("%999999999s", "a")
}

resource "aws_db_instance" "d" {
  identifier = local.wide
  port       = format("%2000000000d", 5)
}
