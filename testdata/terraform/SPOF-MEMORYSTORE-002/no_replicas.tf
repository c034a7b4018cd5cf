resource "google_redis_cluster" "sessions" {
  name          = "sessions"
  region        = "us-central1"
  shard_count   = 3
  replica_count = 0 # expect: SPOF-MEMORYSTORE-002 "has no replicas (replica_count = 0)"
  psc_configs {
    network = "projects/p/global/networks/default"
  }
}

resource "google_memorystore_instance" "valkey" {
  instance_id   = "valkey"
  location      = "us-central1"
  shard_count   = 1
  replica_count = 0 # expect: SPOF-MEMORYSTORE-002
}

variable "replicas" {
  type = number
}

resource "google_redis_cluster" "input" {
  name          = "input"
  region        = "us-central1"
  shard_count   = 3
  replica_count = var.replicas # expect-unknown: SPOF-MEMORYSTORE-002
}
