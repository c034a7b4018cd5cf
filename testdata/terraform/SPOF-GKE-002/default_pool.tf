# The default pool of a zonal cluster, kept: initial_node_count nodes in its one zone.
resource "google_container_cluster" "tutorial" {
  name               = "tutorial"
  location           = "us-central1-c"
  initial_node_count = 1 # expect: SPOF-GKE-002 "'s default node pool runs"
}

# Removed default pool, or a zonal cluster spread by node_locations: not reported.
resource "google_container_cluster" "removed" {
  name                     = "removed"
  location                 = "us-central1-c"
  remove_default_node_pool = true
  initial_node_count       = 1
}

resource "google_container_cluster" "spread" {
  name               = "spread"
  location           = "us-central1-c"
  node_locations     = ["us-central1-a"]
  initial_node_count = 1
}
