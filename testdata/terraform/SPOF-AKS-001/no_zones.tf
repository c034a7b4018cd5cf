resource "azurerm_kubernetes_cluster" "main" {
  name                = "main"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "main"

  default_node_pool { # expect: SPOF-AKS-001
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "user" {
  name                  = "user"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.main.id
  vm_size               = "Standard_D4s_v5"
  node_count            = 1 # expect: SPOF-AKS-001
  zones                 = ["1", "2", "3"]
}

resource "azurerm_kubernetes_cluster_node_pool" "pinned" {
  name                  = "pinned"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.main.id
  vm_size               = "Standard_D4s_v5"
  auto_scaling_enabled  = true
  min_count             = 2
  max_count             = 10
  zones                 = ["2"] # expect: SPOF-AKS-001
}

variable "zones" {
  type = list(string)
}

resource "azurerm_kubernetes_cluster_node_pool" "input" {
  name                  = "input"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.main.id
  vm_size               = "Standard_D4s_v5"
  node_count            = 3
  zones                 = var.zones # expect-unknown: SPOF-AKS-001
}
