resource "google_redis_instance" "cache" { # expect: SPOF-MEMORYSTORE-001 "it is a single Redis node"
  name           = "cache"
  memory_size_gb = 1
}

resource "google_redis_instance" "explicit" {
  name           = "explicit"
  tier           = "BASIC" # expect: SPOF-MEMORYSTORE-001
  memory_size_gb = 4
}

variable "tier" {
  type = string
}

resource "google_redis_instance" "input" {
  name           = "input"
  tier           = var.tier # expect-unknown: SPOF-MEMORYSTORE-001
  memory_size_gb = 1
}
