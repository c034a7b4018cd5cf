resource "aws_db_instance" "db" {
 multi_az = var.multi_az
 literal = true
}
