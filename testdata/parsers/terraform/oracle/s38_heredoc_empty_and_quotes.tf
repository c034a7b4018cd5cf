locals {
  e = <<EOT
EOT
  q = <<-EOT
    "quoted" and 'single' and ${"}"} and }
    EOT
  j = <<JSON
{"a": "${var.x}", "b": {"c": [1,2]}}
JSON
}
