resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_15"
  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"
  }
}

resource "google_sql_database_instance" "replica" {
  name                 = "main-replica"
  database_version     = "POSTGRES_15"
  master_instance_name = "main"
  settings {
    tier = "db-custom-2-7680"
  }
}
