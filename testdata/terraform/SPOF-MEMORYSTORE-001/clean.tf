resource "google_redis_instance" "ha" {
  name                    = "ha"
  tier                    = "STANDARD_HA"
  memory_size_gb          = 5
  location_id             = "us-central1-a"
  alternative_location_id = "us-central1-f"
}

variable "tier" {
  type    = string
  default = "STANDARD_HA"
}

resource "google_redis_instance" "from_default" {
  name           = "from-default"
  tier           = var.tier
  memory_size_gb = 1
}
