resource "aws_instance" "web" {
  user_data = <<-EOT
    #!/bin/bash
    echo "${var.name}" { not a block }
  EOT
  plain = <<EOT
x
EOT
  ami = "ami-1"
}
