locals {
  s = "%{ if var.a }yes%{ else }no%{ endif }"
  t = <<-EOT
    %{~ for x in var.l ~}
    ${x}
    %{~ endfor ~}
    EOT
  u = "%{for k, v in var.m}${k}=${v},%{endfor}"
}
