resource "aws_instance" "a" {
  ebs_block_device { device_name = "x" }
  root_block_device {
  }
  tags = {}
}
