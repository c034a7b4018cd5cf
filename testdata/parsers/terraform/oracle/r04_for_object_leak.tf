resource "aws_db_instance" "db" {
 tags = { for k, v in var.t : k => { v = v } }
 multi_az = false
}
