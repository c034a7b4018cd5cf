resource "google_redis_cluster" "sessions" {
  name          = "sessions"
  region        = "us-central1"
  shard_count   = 3
  replica_count = 1
  psc_configs {
    network = "projects/p/global/networks/default"
  }
}

resource "google_memorystore_instance" "valkey" {
  instance_id   = "valkey"
  location      = "us-central1"
  shard_count   = 1
  replica_count = 2
}
