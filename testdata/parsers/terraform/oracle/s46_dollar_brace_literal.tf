locals {
  a = "$${var.x} is literal"
  b = "echo $${HOME} $HOME"
  c = <<EOT
$${not} ${var.x} %%{nope}
EOT
}
