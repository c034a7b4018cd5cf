resource "google_container_cluster" "zonal" {
  name                     = "zonal"
  location                 = "us-central1-a"
  remove_default_node_pool = true
  initial_node_count       = 1
}

resource "google_container_node_pool" "one" {
  name       = "one"
  cluster    = google_container_cluster.zonal.id
  node_count = 1 # expect: SPOF-GKE-002
}

resource "google_container_node_pool" "autoscaled" {
  name               = "autoscaled"
  cluster            = google_container_cluster.zonal.name
  initial_node_count = 1
  autoscaling {
    min_node_count = 1 # expect: SPOF-GKE-002
    max_node_count = 5
  }
}

# A pool in a regional cluster pinned to one zone.
resource "google_container_node_pool" "pinned" {
  name           = "pinned"
  cluster        = "some-regional-cluster"
  location       = "us-central1"
  node_locations = ["us-central1-f"]
  node_count     = 1 # expect: SPOF-GKE-002
}

variable "nodes" {
  type = number
}

resource "google_container_node_pool" "input" {
  name       = "input"
  cluster    = google_container_cluster.zonal.id
  node_count = var.nodes # expect-unknown: SPOF-GKE-002
}
