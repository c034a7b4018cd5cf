resource "aws_instance" "a" {
  kebab-case = 1
  tags = {
    kebab-key = "v"
    "dotted.key" = "w"
  }
}
