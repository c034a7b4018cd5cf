variable "domain" {
  type = string
}

resource "azurerm_dns_zone" "from_input" {
  name                = var.domain # expect-unknown: SPOF-DNS-001 "is a Azure DNS zone"
  resource_group_name = "dns"
}
