variable "efs_zone" {
  type = string
}

resource "aws_efs_file_system" "scratch" {
  creation_token         = "scratch"
  availability_zone_name = "eu-west-1a" # expect: SPOF-EFS-001 "is a One Zone file system"
}

resource "aws_efs_file_system" "chosen_later" {
  creation_token         = "chosen-later"
  availability_zone_name = var.efs_zone # expect-unknown: SPOF-EFS-001
}
