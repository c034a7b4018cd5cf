variable "domain" {
  type = string
}

resource "azurerm_dns_zone" "from_input" {
  name                = var.domain # expect-unknown: SPOF-DNS-001
  resource_group_name = "dns"
}
