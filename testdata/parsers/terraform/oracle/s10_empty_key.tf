resource "aws_instance" "a" {
  tags = {
    "" = "empty"
    Name = "a"
  }
}
