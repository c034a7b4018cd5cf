# Provider defaults (GKE surge 1 / unavailable 0, EKS one node at a time, AKS surge only), a few nodes at a time,
# blue-green, and single-node pools (the node-count rules report those).
resource "google_container_node_pool" "defaults" {
  name           = "defaults"
  cluster        = "apps"
  node_locations = ["europe-west1-b"]
  node_count     = 3
}

resource "google_container_node_pool" "some" {
  name           = "some"
  cluster        = "apps"
  node_locations = ["europe-west1-b", "europe-west1-c"]
  node_count     = 2
  upgrade_settings {
    max_surge       = 1
    max_unavailable = 2
  }
}

resource "google_container_node_pool" "blue_green" {
  name           = "blue-green"
  cluster        = "apps"
  node_locations = ["europe-west1-b"]
  node_count     = 3
  upgrade_settings {
    strategy        = "BLUE_GREEN"
    max_unavailable = 3
    blue_green_settings {
      standard_rollout_policy {
        batch_percentage = 0.5
      }
    }
  }
}

resource "google_container_node_pool" "one_node" {
  name           = "one-node"
  cluster        = "apps"
  node_locations = ["europe-west1-b"]
  node_count     = 1
  upgrade_settings {
    max_unavailable = 1
  }
}

resource "aws_eks_node_group" "default_update" {
  cluster_name  = "apps"
  node_role_arn = "arn:aws:iam::123456789012:role/nodes"
  subnet_ids    = ["subnet-a", "subnet-b"]
  scaling_config {
    min_size     = 3
    max_size     = 6
    desired_size = 3
  }
}

resource "aws_eks_node_group" "third" {
  cluster_name  = "apps"
  node_role_arn = "arn:aws:iam::123456789012:role/nodes"
  subnet_ids    = ["subnet-a", "subnet-b"]
  scaling_config {
    min_size     = 3
    max_size     = 6
    desired_size = 3
  }
  update_config {
    max_unavailable_percentage = 33
  }
}

resource "aws_eks_node_group" "below_minimum" {
  cluster_name  = "apps"
  node_role_arn = "arn:aws:iam::123456789012:role/nodes"
  subnet_ids    = ["subnet-a", "subnet-b"]
  scaling_config {
    min_size     = 4
    max_size     = 8
    desired_size = 4
  }
  update_config {
    max_unavailable = 2
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "surge" {
  name                  = "surge"
  kubernetes_cluster_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/apps"
  vm_size               = "Standard_D4s_v5"
  node_count            = 3
  zones                 = ["1", "2", "3"]
  upgrade_settings {
    max_surge = "33%"
  }
}
