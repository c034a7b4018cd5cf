# azurerm 2.x spellings: availability_zones and enable_auto_scaling.
resource "azurerm_kubernetes_cluster" "legacy" {
  name                = "legacy"
  location            = "eastus2"
  resource_group_name = "rg"
  dns_prefix          = "legacy"

  default_node_pool {
    name                = "default"
    vm_size             = "Standard_DS2_v2"
    enable_auto_scaling = true
    min_count           = 1 # expect: SPOF-AKS-001 "default node pool is a single point of failure"
    max_count           = 3
    availability_zones  = ["1", "2", "3"]
  }
}
