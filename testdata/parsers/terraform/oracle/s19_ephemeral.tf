ephemeral "random_password" "db" {
  length = 16
}
resource "aws_db_instance" "a" {
  password_wo         = ephemeral.random_password.db.result
  password_wo_version = 1
  multi_az            = true
}
