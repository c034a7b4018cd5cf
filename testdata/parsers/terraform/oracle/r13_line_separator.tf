# a bc
resource "aws_instance" "x" {
 ami = "y"
}
