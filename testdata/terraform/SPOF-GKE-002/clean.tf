resource "google_container_cluster" "regional" {
  name                     = "regional"
  location                 = "us-central1"
  remove_default_node_pool = true
  initial_node_count       = 1
}

# node_count is per zone: 1 per zone in a regional cluster is three nodes.
resource "google_container_node_pool" "per_zone" {
  name       = "per-zone"
  cluster    = google_container_cluster.regional.id
  node_count = 1
}

resource "google_container_cluster" "multi_zonal" {
  name                     = "multi-zonal"
  location                 = "us-east1-b"
  node_locations           = ["us-east1-c"]
  remove_default_node_pool = true
  initial_node_count       = 1
}

resource "google_container_node_pool" "spread" {
  name       = "spread"
  cluster    = google_container_cluster.multi_zonal.name
  node_count = 1
}

resource "google_container_cluster" "zonal" {
  name                     = "zonal"
  location                 = "europe-west1-b"
  remove_default_node_pool = true
  initial_node_count       = 1
}

resource "google_container_node_pool" "two" {
  name       = "two"
  cluster    = google_container_cluster.zonal.id
  node_count = 2
}

# A cluster outside this scan: its zones are not known.
resource "google_container_node_pool" "elsewhere" {
  name       = "elsewhere"
  cluster    = var.cluster_id
  node_count = 1
}

variable "cluster_id" {
  type = string
}
