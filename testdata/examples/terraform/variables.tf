variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "reporting_multi_az" {
  description = "Whether the reporting database has a standby in a second Availability Zone."
  type        = bool
}
