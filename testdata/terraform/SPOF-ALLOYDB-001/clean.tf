resource "google_alloydb_cluster" "main" {
  cluster_id = "main"
  location   = "us-central1"
}

# REGIONAL by default: a standby node in another zone.
resource "google_alloydb_instance" "primary" {
  cluster       = google_alloydb_cluster.main.name
  instance_id   = "primary"
  instance_type = "PRIMARY"
}

# Read pools are not the primary; a one-node pool can only be zonal.
resource "google_alloydb_instance" "reads" {
  cluster           = google_alloydb_cluster.main.name
  instance_id       = "reads"
  instance_type     = "READ_POOL"
  availability_type = "ZONAL"
  read_pool_config {
    node_count = 1
  }
}
