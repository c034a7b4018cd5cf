locals {
  a = 1
  h = <<EOT
x
EOT
}
