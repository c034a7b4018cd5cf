variable "max_unavailable" {
  type = number
}

# Three nodes in one zone, three allowed down: the upgrade drains them all together.
resource "google_container_node_pool" "zonal" {
  name           = "zonal"
  cluster        = "apps"
  node_locations = ["europe-west1-b"]
  node_count     = 3
  upgrade_settings {
    max_surge       = 0
    max_unavailable = 3 # expect: SPOF-ROLLOUT-004 "can be drained at once"
  }
}

# node_count is per zone and the zones are the cluster's: all at once only if that is one zone.
resource "google_container_node_pool" "inherited_zones" {
  name       = "inherited-zones"
  cluster    = "apps"
  node_count = 2
  upgrade_settings {
    max_unavailable = 2 # expect-unknown: SPOF-ROLLOUT-004
  }
}

resource "aws_eks_node_group" "workers" {
  cluster_name  = "apps"
  node_role_arn = "arn:aws:iam::123456789012:role/nodes"
  subnet_ids    = ["subnet-a", "subnet-b"]
  scaling_config {
    min_size     = 3
    max_size     = 6
    desired_size = 3
  }
  update_config {
    max_unavailable_percentage = 100 # expect: SPOF-ROLLOUT-004
  }
}

# Four unavailable: every node while the autoscaler runs four or fewer of the eight allowed.
resource "aws_eks_node_group" "autoscaled" {
  cluster_name  = "apps"
  node_role_arn = "arn:aws:iam::123456789012:role/nodes"
  subnet_ids    = ["subnet-a", "subnet-b"]
  scaling_config {
    min_size     = 2
    max_size     = 8
    desired_size = 4
  }
  update_config {
    max_unavailable = 4 # expect-unknown: SPOF-ROLLOUT-004
  }
}

resource "aws_eks_node_group" "variable" {
  cluster_name  = "apps"
  node_role_arn = "arn:aws:iam::123456789012:role/nodes"
  subnet_ids    = ["subnet-a", "subnet-b"]
  scaling_config {
    min_size     = 3
    max_size     = 3
    desired_size = 3
  }
  update_config {
    max_unavailable = var.max_unavailable # expect-unknown: SPOF-ROLLOUT-004
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "user" {
  name                  = "user"
  kubernetes_cluster_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/apps"
  vm_size               = "Standard_D4s_v5"
  node_count            = 3
  zones                 = ["1", "2", "3"]
  upgrade_settings {
    max_surge       = "0"
    max_unavailable = "100%" # expect: SPOF-ROLLOUT-004
  }
}

resource "azurerm_kubernetes_cluster" "apps" {
  name                = "apps"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "apps"
  default_node_pool {
    name                 = "system"
    vm_size              = "Standard_D4s_v5"
    auto_scaling_enabled = true
    min_count            = 3
    max_count            = 3
    zones                = ["1", "2", "3"]
    upgrade_settings {
      max_surge       = "0"
      max_unavailable = 3 # expect: SPOF-ROLLOUT-004
    }
  }
  identity {
    type = "SystemAssigned"
  }
}
